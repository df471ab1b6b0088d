"""Port every R snippet of the behaviour cases, run it, and check its result.

Usage:
    python benchmarks/port_cases.py [--cases PATH] [--failures] [--json OUT]

For each case of ``rtorch-cases.jsonl`` (outside the nn/optim/data/jit areas)
it reports whether the R code

1. ports without manual edits (``rtorch port`` leaves nothing untranslated),
2. ports to the same text as the case's hand-written ``python`` field,
3. runs as the case expects (no error, or the error the case expects),
4. gives the case's expected result, where ``expect`` states one the runner
   can read: an R value (``c(2L, 3L)``, ``list(c(3, 4), TRUE)``, a matrix),
   an error message, or the exact printed text.

It runs against whatever rtorch is importable, so the counts grow as the rest
of the package lands; a case whose run fails names the reason.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import json
import math
import re
import sys
import traceback
import warnings
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch

from rtorch.port.api import port_with_problems
from rtorch.port.render import format_python

SKIPPED_AREAS = {"nn", "optim", "data", "jit"}
DEFAULT_CASES = Path(__file__).resolve().parents[2] / "shared/spec/rtorch-cases.jsonl"


@dataclass
class Outcome:
    """What happened to one case."""

    id: str
    ported: bool = False
    same_text: bool = False
    ran: bool = False
    asserted: bool = False
    passed: bool = False
    reason: str = ""
    problems: list[str] = field(default_factory=list)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--failures", action="store_true", help="list every failure")
    parser.add_argument("--json", type=Path, help="write per-case outcomes here")
    options = parser.parse_args(argv)

    cases = [
        json.loads(line) for line in options.cases.read_text().splitlines() if line
    ]
    cases = [c for c in cases if c["area"] not in SKIPPED_AREAS]
    outcomes = [check_case(case) for case in cases]

    total = len(outcomes)
    counts = {
        "cases": total,
        "ported without manual edits": sum(o.ported for o in outcomes),
        "same text as the hand port": sum(o.same_text for o in outcomes),
        "ran as expected (no error, or the expected error)": sum(
            o.ran for o in outcomes
        ),
        "result asserted": sum(o.asserted for o in outcomes),
        "result asserted and correct": sum(o.passed for o in outcomes),
    }
    for label, count in counts.items():
        print(f"{count:4d} / {total}  {label}")
    reasons = Counter(o.reason.split(":")[0] for o in outcomes if o.reason)
    print("\nfailure reasons:")
    for reason, count in reasons.most_common():
        print(f"{count:4d}  {reason}")
    if options.failures:
        print()
        for outcome in outcomes:
            if outcome.reason:
                print(f"{outcome.id}: {outcome.reason}")
    if options.json:
        options.json.write_text(json.dumps([asdict(o) for o in outcomes], indent=1))
    return 0


def check_case(case: dict[str, Any]) -> Outcome:
    """Port, compare, run and check one case."""
    outcome = Outcome(case["id"])
    python, problems = port_with_problems(case["r"], allow_untranslated=False)
    if problems:
        outcome.problems = [str(p) for p in problems]
        outcome.reason = "untranslated: " + "; ".join(p.reason for p in problems)
        return outcome
    outcome.ported = True
    outcome.same_text = _body_lines(python, autoprint=True) == _body_lines(
        case["python"], autoprint=False
    )

    expectation = Expectation.parse(case["expect"])
    run = _run(python, autoprinted=not _ends_with_print(case["r"]))
    outcome.ran = (
        run.error is None if expectation.error is None else run.error is not None
    )
    if not outcome.ran:
        outcome.reason = "run failed: " + (run.error_text or "no error raised")
    if expectation.kind == "unknown":
        if outcome.ran:
            outcome.reason = "expectation not machine-readable: " + case["expect"][:60]
        return outcome
    outcome.asserted = True
    verdict = expectation.check(run)
    outcome.passed = verdict is None
    if verdict is not None and outcome.ran:
        outcome.reason = "wrong result: " + verdict
    return outcome


# -- running a ported script ------------------------------------------------------


@dataclass
class Run:
    value: Any = None
    output: str = ""
    error: BaseException | None = None
    error_text: str = ""


def _run(python: str, autoprinted: bool) -> Run:
    """Execute a ported script; the last autoprinted value is kept as the result."""
    module = ast.parse(python)
    last = module.body[-1] if module.body else None
    value_expr = None
    if autoprinted and _is_print_call(last):
        value_expr = ast.Expression(last.value.args[0])  # type: ignore[union-attr]
        module.body = module.body[:-1]
    namespace: dict[str, Any] = {"__name__": "__port_case__"}
    run = Run()
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            exec(compile(module, "<ported>", "exec"), namespace)
            if value_expr is not None:
                run.value = eval(compile(value_expr, "<ported>", "eval"), namespace)
                print(run.value)
    except Exception as error:  # the case may expect it
        run.error = error
        last_frame = traceback.format_exception_only(type(error), error)[-1]
        run.error_text = last_frame.strip()[:200]
    run.output = buffer.getvalue()
    run.namespace = namespace  # type: ignore[attr-defined]
    return run


def _is_print_call(statement: ast.stmt | None) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Call)
        and isinstance(statement.value.func, ast.Name)
        and statement.value.func.id == "print"
        and len(statement.value.args) == 1
    )


def _ends_with_print(r_code: str) -> bool:
    lines = [line for line in r_code.strip().splitlines() if line.strip()]
    return bool(lines) and lines[-1].lstrip().startswith(("print(", "cat("))


def _body_lines(python: str, autoprint: bool) -> list[str]:
    try:
        formatted = format_python(python)
    except Exception:  # a hand port that black cannot read: compare as written
        formatted = python
    lines = [
        line
        for line in formatted.splitlines()
        if line.strip() and not line.startswith(("from rtorch import", "import math"))
    ]
    if (
        autoprint
        and lines
        and lines[-1].startswith("print(")
        and lines[-1].endswith(")")
    ):
        lines[-1] = lines[-1][len("print(") : -1]
    return lines


# -- reading and checking `expect` -----------------------------------------

_ERROR = re.compile(
    r"^(?:\[gpu-only\] )?(?:an? )?"
    r"(error|value_error|type_error|runtime_error|index_error)"
    r"(?: (containing|matching))?\s+(['\"])(?P<message>.+?)\3"
)
_MATRIX_ROWS = re.compile(r"^an? (\d+)x(\d+) matrix(?: c\((.*?)\)$| with rows (.*))")


@dataclass
class Expectation:
    kind: str  # "value" | "error" | "output" | "unknown"
    value: Any = None
    error: str | None = None
    regex: bool = False

    @classmethod
    def parse(cls, text: str) -> Expectation:
        text = text.strip()
        match = _ERROR.match(text)
        if match:
            return cls(
                "error",
                error=match.group("message"),
                regex=match.group(2) == "matching",
            )
        if re.match(r"^(?:\[gpu-only\] )?error\b", text):  # any error will do
            return cls("error", error="")
        inline = re.match(r"prints exactly (['\"])(.*?)\1", text)
        if inline:
            return cls("output", value=inline.group(2) + "\n")
        if text.startswith("prints exactly") and "\n" in text:
            lines = text.split("\n")[1:]
            while lines and lines[-1].startswith("("):  # a note, not output
                lines.pop()
            return cls("output", value="\n".join(lines) + "\n")
        quoted = re.match(r"prints (['\"])(.*?)\1", text)
        if quoted:
            return cls("output", value=quoted.group(2), regex=True)
        if text.startswith("prints nothing"):
            return cls("output", value="")
        if text.startswith("all TRUE"):
            return cls("value", value="all TRUE")
        matrix = _MATRIX_ROWS.match(text)
        if matrix:
            return cls._matrix(matrix)
        value = _r_value_prefix(text)
        if value is not _UNREADABLE:
            return cls("value", value=value)
        return cls("unknown")

    @classmethod
    def _matrix(cls, match: re.Match[str]) -> Expectation:
        rows, cols = int(match.group(1)), int(match.group(2))
        if match.group(3) is not None:
            values = _r_value_prefix(f"c({match.group(3)})")
            data = np.array(values).reshape(rows, cols)
        else:
            row_texts = re.findall(r"c\([^()]*\)", match.group(4))[:rows]
            data = np.array([_r_value_prefix(r) for r in row_texts])
        if data.shape != (rows, cols):
            return cls("unknown")
        return cls("value", value=data)

    def check(self, run: Run) -> str | None:
        """None when the run meets the expectation, else what differed."""
        if self.kind == "error":
            if run.error is None:
                return "no error raised"
            message = str(run.error)
            found = (
                re.search(self.error, message) if self.regex else self.error in message
            )
            return None if found else f"error text {message[:120]!r}"
        if run.error is not None:
            return f"raised {run.error_text}"
        if self.kind == "output":
            # `regex` marks "prints 'text'": the text appears in the output.
            found = self.value in run.output if self.regex else run.output == self.value
            return None if found else f"printed {run.output[:120]!r}"
        if isinstance(self.value, str) and self.value == "all TRUE":
            flat = _flatten(run.value)
            return None if flat and all(v is True for v in flat) else f"got {flat!r}"
        return r_equal(run.value, self.value)


_UNREADABLE = object()


def _r_value_prefix(text: str) -> Any:
    """The R value that ``text`` starts with, evaluated through the porter."""
    cut_points = re.finditer(r":| \(| \[|;|, |\. | —", text)
    cuts = sorted({len(text), *[m.start() for m in cut_points]}, reverse=True)
    for cut in cuts:
        candidate = text[:cut].strip().rstrip(",;")
        if not candidate:
            continue
        try:
            python, problems = port_with_problems(
                f"expected_value__ <- {candidate}",
                allow_untranslated=False,
                autoprint=False,
            )
        except Exception:
            continue
        if problems:
            continue
        namespace: dict[str, Any] = {}
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                exec(python, namespace)
        except Exception:
            continue
        return namespace["expected_value__"]
    return _UNREADABLE


def r_equal(actual: Any, expected: Any) -> str | None:
    """R-style equality of a result and an expected R value; None when equal.

    R has no scalars: a length-one vector equals its element. Integers
    expected (``2L``) need an integer result; doubles compare within float32's
    precision.
    """
    actual = _plain(actual)
    if isinstance(expected, np.ndarray) and expected.ndim == 2:
        if not isinstance(actual, np.ndarray) or actual.shape != expected.shape:
            return f"got {actual!r}, expected a {expected.shape} matrix"
        pairs = zip(actual.ravel().tolist(), expected.ravel().tolist())
        for got, want in pairs:
            problem = _scalar_equal(got, want)
            if problem:
                return problem
        return None
    if isinstance(expected, (list, tuple)):
        if not isinstance(actual, list):
            actual = [actual]
        if len(actual) == 1 and len(expected) != 1 and isinstance(actual[0], list):
            actual = actual[0]
        if len(actual) != len(expected):
            return f"got {actual!r}, expected {expected!r}"
        for got, want in zip(actual, expected):
            problem = r_equal(got, want)
            if problem:
                return problem
        return None
    if isinstance(actual, list):
        if len(actual) != 1:
            return f"got {actual!r}, expected {expected!r}"
        actual = actual[0]
    return _scalar_equal(actual, expected)


def _plain(value: Any) -> Any:
    """Tensors, arrays, sizes and tuples as Python lists and scalars."""
    if hasattr(value, "torch") and isinstance(getattr(value, "torch"), torch.Tensor):
        value = value.torch.detach().cpu().numpy()
    if isinstance(value, torch.Tensor):
        value = value.detach().cpu().numpy()
    if isinstance(value, np.ndarray):
        if value.ndim >= 2:
            return value
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (tuple, torch.Size)):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _scalar_equal(got: Any, want: Any) -> str | None:
    if type(want).__name__ == "NAType":
        ok = type(got).__name__ == "NAType" or (
            isinstance(got, float) and math.isnan(got)
        )
        return None if ok else f"got {got!r}, expected NA"
    if isinstance(want, bool):
        return (
            None
            if got is want or (isinstance(got, bool) and got == want)
            else (f"got {got!r}, expected {want!r}")
        )
    if isinstance(want, int):
        ok = isinstance(got, int) and not isinstance(got, bool) and got == want
        return None if ok else f"got {got!r}, expected the integer {want!r}"
    if isinstance(want, float):
        if isinstance(got, bool) or not isinstance(got, (int, float)):
            return f"got {got!r}, expected {want!r}"
        if math.isnan(want):
            return None if math.isnan(got) else f"got {got!r}, expected NaN"
        ok = math.isclose(got, want, rel_tol=1e-5, abs_tol=1e-6)
        return None if ok else f"got {got!r}, expected {want!r}"
    return None if got == want else f"got {got!r}, expected {want!r}"


def _flatten(value: Any) -> list[Any]:
    value = _plain(value)
    if isinstance(value, np.ndarray):
        return value.ravel().tolist()
    if isinstance(value, list):
        return [item for v in value for item in _flatten(v)]
    return [value]


if __name__ == "__main__":
    sys.exit(main())
