"""The R code shown in the vignettes, ported by ``rtorch port``, prints what the
hand ports show (issue 7).

Each vignette in ``vignettes/`` shows R torch code in ```` ```r ```` blocks of its
markdown cells (lines starting ``#>`` are R's output, not code), each followed by
the code cells of its hand port. A vignette's R blocks together are one R
script, so they are ported together, the way ``rtorch port script.R`` sees them,
with a marker comment before each block to cut the Python back into blocks (a
function defined in one block is known to the porter in the next).

Then, block by block and in notebook order, the ported Python runs in a "ported"
namespace and the hand-port cells up to the next R block run in a separate
"hand" namespace, both seeded with the notebook's import cell and with torch's
random state reset to the same point before each side. The ported side prints
what ``Rscript`` would print (``autoprint``); the hand side prints, and shows the
value of each cell's last expression as Jupyter does (its ``repr``). The two
transcripts must be the same text, up to trailing whitespace.

Where an R block and its hand port legitimately differ, the block has an entry in
``DIFFERENCES`` saying what differs and why; constructs the porter may leave
untranslated are listed in ``UNPORTABLE``; known porter or runtime defects are
strict xfails in ``KNOWN_DEFECTS``. A stale entry (one that matches no block,
line or statement) is itself a failure.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import jupytext
import matplotlib
import pytest
import torch

from rtorch.port.api import port_with_problems
from rtorch.port.problems import Problem

matplotlib.use("Agg")  # the notebooks' plots render off screen and print nothing

import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)

VIGNETTES = Path(__file__).resolve().parent.parent / "vignettes"
NOTEBOOKS = sorted(VIGNETTES.glob("*.py"))

_R_BLOCK = re.compile(r"```r\n(.*?)```", re.DOTALL)
_MARKER = "# rtorch-vignette-block "  # + the block number, between blocks


@dataclass(frozen=True)
class Difference:
    """How one R block and its hand port legitimately differ.

    Attributes:
        reason: why they differ (shown in the test's failure message).
        hushed: R lines (their code without the trailing comment, or the whole
            line where the code alone is ambiguous) whose value the hand port
            checks with an assert instead of showing; the test wraps them in
            ``invisible()`` so the port runs them but prints nothing.
        unshown: hand-port statements (their exact first line, else a piece of
            text only they contain) whose output has no R counterpart in the
            block; left out of the hand transcript.
        errors: how many statements of the R block stop with an error, as the
            vignette shows (R would stop the script there; the test records
            the error and goes on, as the hand port catches it).
        error_shown_as: how the hand port prints a caught error; the ported
            side's error goes through it before the comparison.
        context: names the R snippet uses but defines out of the vignette's
            view, given to the ported namespace (name -> hand-port expression).
    """

    reason: str
    hushed: tuple[str, ...] = ()
    unshown: tuple[str, ...] = ()
    errors: int = 0
    error_shown_as: Callable[[BaseException], str] = str
    context: dict[str, str] = field(default_factory=dict)


def _truncated(width: int) -> Callable[[BaseException], str]:
    """A hand port that prints the first ``width`` characters of the message."""
    return lambda error: f"{str(error)[:width]} ..."


def _with_class(error: BaseException) -> str:
    """A hand port that prints ``ClassName : message``."""
    return f"{type(error).__name__} : {error}"


_ASSERTED = "the hand port asserts this value instead of showing it"

# Keyed by (notebook stem, the block's first lines of code; see _name_blocks).
DIFFERENCES: dict[tuple[str, str], Difference] = {
    ("01-tensors", "t1$to(dtype = torch_float64())"): Difference(
        _ASSERTED, hushed=('t1$to(device = "cpu")',)
    ),
    ("01-tensors", "a <- array(1:12, dim = c(2, 3, 2))"): Difference(
        "the hand port does not show the R array `a` (the prose shows R's print of "
        "it); Python would print the NumPy array in its own layout, not R's `, , 1`",
        hushed=("a",),
    ),
    ("01-tensors", "torch_manual_seed(2024)"): Difference(
        _ASSERTED, hushed=("torch_ones(2, 2)", "torch_zeros(2, 2)")
    ),
    ("01-tensors", "torch_tensor(okc$date)[1:2]"): Difference(
        "the R snippet uses the book's data frame `okc`, loaded out of view (the hand "
        "port uses `okc_like`); converting text stops R with an error, which the hand "
        "port catches and prints with its class; the hand port also shows an extra "
        "error and a count of missing values that the R code does not",
        unshown=(
            'torch_tensor(okc["height"])',
            "print(int(rb.sum(torch_isnan(height))",
        ),
        errors=1,
        error_shown_as=_with_class,
        context={"okc": "okc_like"},
    ),
    ("01-tensors", "u <- torch_tensor(c(1, 2, 3))"): Difference(
        _ASSERTED, hushed=("u$add(v)", "u          # unchanged")
    ),
    ("01-tensors", "p <- torch_tensor(c(1, 2))"): Difference(
        _ASSERTED, hushed=("m * m",)
    ),
    ("01-tensors", "torch_manual_seed(1)"): Difference(
        "the hand port asserts the two shapes (R prints `[1] 5 3`, rtorch's shape is "
        "a torch.Size) and shows the per-feature means instead",
        hushed=("readings$mean(dim = 1)$shape", "readings$mean(dim = c(1, 2))$shape"),
        unshown=("per_feature",),
    ),
    ("01-tensors", "grid <- torch_tensor(matrix(1:12, nrow = 3, byrow = TRUE))"): (
        Difference(_ASSERTED, hushed=("grid[, 2]",))
    ),
    ("01-tensors", "grid[-1, ]"): Difference(_ASSERTED, hushed=("cube[.., 1]$shape",)),
    ("01-tensors", "flat <- torch_tensor(1:6)"): Difference(
        "the hand port asserts the shared storage instead of showing it, and shows "
        "the reshaped tensor, which the R code does not print",
        hushed=("flat$storage()$data_ptr() == two_by_three$storage()$data_ptr()",),
        unshown=("two_by_three",),
    ),
    ("01-tensors", "turned <- two_by_three$t()"): Difference(
        "the hand port prints the strides with the contiguity flag, as a Python "
        "tuple and bool, and the first 70 characters of the error R stops with",
        hushed=("turned$is_contiguous()",),
        unshown=("print(turned.stride(), turned.is_contiguous())",),
        error_shown_as=_truncated(70),
    ),
    ("01-tensors", "torch_ones(1, 3, 1)$squeeze()$shape"): Difference(
        _ASSERTED,
        hushed=(
            "torch_ones(1, 3, 1)$squeeze()$shape",
            "torch_ones(3)$unsqueeze(1)$shape",
            "torch_ones(3)$unsqueeze(2)$shape",
        ),
    ),
    ("01-tensors", "torch_ones(3, 4) + torch_tensor(c(10, 20, 30, 40))"): Difference(
        _ASSERTED, hushed=("torch_ones(3, 1) + torch_ones(1, 4)",)
    ),
    ("01-tensors", "torch_zeros(4, 3, 2, 1) + torch_ones(4, 3, 2)"): Difference(
        "the shapes do not broadcast: R stops with the error (the prose says so), the "
        "hand port catches it and prints the message",
        errors=1,
    ),
    ("02-autograd", "len$grad_fn"): Difference(
        "the hand port also walks the graph and prints the chain of node names",
        unshown=('print(" <- ".join(steps))',),
    ),
    ("02-autograd", "w$grad"): Difference(
        _ASSERTED, hushed=("is_undefined_tensor(w$grad)",)
    ),
    ("02-autograd", "len$backward()"): Difference(
        "the hand port prints the first 80 characters of the error R stops with, "
        "then shows a retain_graph = TRUE example that the R code does not have",
        unshown=("w.grad",),
        error_shown_as=_truncated(80),
    ),
    ("02-autograd", "with_no_grad({"): Difference(
        "the hand port shows `w` after the update; the R code does not print it",
        unshown=("w",),
    ),
    ("03-function-minimization", "num_iterations <- 1000"): Difference(
        "after a prose cell the hand port shows where `x` ended; the R code does not "
        "print it",
        unshown=("x",),
    ),
}

# Deliberately unportable teaching examples: block key ->
# (the R functions the porter must report untranslated, in order; why).
UNPORTABLE: dict[tuple[str, str], tuple[tuple[str, ...], str]] = {
    # A base-graphics plot shown for R readers; the hand port draws it with
    # matplotlib. rtorch has no plotting, so the porter must refuse it.
    ("03-function-minimization", "grid_x1 <- seq(-1.5, 1.5, length.out = 200)"): (
        ("outer", "contour", "lines", "points"),
        "R base graphics have no rtorch counterpart",
    ),
}

# Porter or runtime defects, reported to the lead: block key -> reason. Strict,
# so a fix turns the mark into a failure that asks for its removal.
KNOWN_DEFECTS: dict[tuple[str, str], str] = {}


def _code_part(r_line: str) -> str:
    """An R line without its trailing comment (the vignettes quote no '#')."""
    return r_line.split("#")[0].strip()


@dataclass
class Block:
    """One ```` ```r ```` block and the hand-port cells that follow it."""

    notebook: str
    number: int
    r_code: str
    shown_errors: list[str]
    hand_cells: list[str] = field(default_factory=list)
    key: tuple[str, str] = ("", "")  # (notebook stem, its first lines of code)


@dataclass
class Outcome:
    """What happened to one block on both sides."""

    ported_python: str = ""
    problems: list[Problem] = field(default_factory=list)
    ported: str = ""
    hand: str = ""
    failures: list[str] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)


def read_vignette(path: Path) -> tuple[list[str], list[Block]]:
    """The code cells before the first R block, and the R blocks in order."""
    notebook = jupytext.read(path)
    preamble: list[str] = []
    blocks: list[Block] = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for match in _R_BLOCK.finditer(cell.source):
                blocks.append(_block(path.stem, len(blocks) + 1, match.group(1)))
        elif cell.cell_type == "code":
            (blocks[-1].hand_cells if blocks else preamble).append(cell.source)
    _name_blocks(blocks)
    return preamble, blocks


def _name_blocks(blocks: list[Block]) -> None:
    """Key each block by its first lines of code, as few as tell it apart."""
    codes = [
        [_code_part(line) for line in block.r_code.splitlines() if _code_part(line)]
        for block in blocks
    ]
    for block, code in zip(blocks, codes):
        length = 1
        while sum(other[:length] == code[:length] for other in codes) > 1:
            length += 1
        block.key = (block.notebook, "; ".join(code[:length]))


def _block(notebook: str, number: int, text: str) -> Block:
    lines = text.rstrip("\n").splitlines()
    code = "\n".join(line for line in lines if not line.startswith("#>"))
    shown_errors = [
        line.removeprefix("#> Error:").strip().removesuffix("...").strip()
        for line in lines
        if line.startswith("#> Error:")
    ]
    return Block(notebook, number, code + "\n", shown_errors)


BLOCKS = {path.stem: read_vignette(path) for path in NOTEBOOKS}


def _cases():
    for stem, (_, blocks) in BLOCKS.items():
        for block in blocks:
            marks = []
            if block.key in KNOWN_DEFECTS:
                marks.append(
                    pytest.mark.xfail(strict=True, reason=KNOWN_DEFECTS[block.key])
                )
            yield pytest.param(
                stem, block.number, marks=marks, id=f"{stem}-block{block.number:02d}"
            )


@pytest.fixture(scope="module")
def outcomes():
    """Every block's outcome, per notebook, run once in notebook order."""
    cache: dict[str, list[Outcome]] = {}

    def get(stem: str) -> list[Outcome]:
        if stem not in cache:
            cache[stem] = run_vignette(*BLOCKS[stem])
        return cache[stem]

    return get


@pytest.mark.parametrize(("stem", "number"), list(_cases()))
def test_ported_block_prints_what_the_hand_port_shows(stem, number, outcomes):
    block = BLOCKS[stem][1][number - 1]
    outcome = outcomes(stem)[number - 1]
    report = describe(block, outcome)

    expected, why = UNPORTABLE.get(block.key, ((), ""))
    reported = tuple(problem.construct.split("(")[0] for problem in outcome.problems)
    allowed = f"porter problems (allowed: {expected}, {why})"
    assert reported == expected, f"{allowed}\n{report}"
    assert outcome.failures == [], report
    for shown, error in zip(block.shown_errors, outcome.errors):
        assert str(error).startswith(shown), f"R shows: Error: {shown}\n{report}"
    assert outcome.ported == outcome.hand, report


def test_every_r_block_is_found():
    for path in NOTEBOOKS:
        shown = sum(line == "# ```r" for line in path.read_text().splitlines())
        assert len(BLOCKS[path.stem][1]) == shown > 0, path.name


def test_every_exception_entry_names_a_block():
    keys = {block.key for _, blocks in BLOCKS.values() for block in blocks}
    for table in (DIFFERENCES, UNPORTABLE, KNOWN_DEFECTS):
        assert set(table) <= keys, set(table) - keys


def describe(block: Block, outcome: Outcome) -> str:
    """Everything needed to reproduce one block's result by hand."""
    difference = DIFFERENCES.get(block.key)
    parts = [
        f"{block.notebook}, R block {block.number}:\n{block.r_code}",
        f"ported:\n{outcome.ported_python}",
        *(f"porter problem: {problem}" for problem in outcome.problems),
        *outcome.failures,
        f"ported printed:\n{outcome.ported}\n",
        f"hand port showed:\n{outcome.hand}\n",
    ]
    if difference is not None:
        parts.append(f"known difference: {difference.reason}")
    return "\n".join(parts)


# --- running both sides -------------------------------------------------------


def run_vignette(preamble: list[str], blocks: list[Block]) -> list[Outcome]:
    """Port a vignette's R blocks together, then run both sides block by block."""
    pieces, problems = _port_blocks(blocks)
    hand: dict = {}
    ported: dict = {}
    for number, cell in enumerate(preamble):
        if number == 0:  # the import cell seeds both namespaces
            exec(compile(cell, "<imports>", "exec"), ported)
        printed, failures = _run_hand_cell(cell, ast.parse(cell).body, hand, set())
        assert printed == "" and failures == [], (cell, printed, failures)

    outcomes = []
    for block, python, block_problems in zip(blocks, pieces, problems):
        difference = DIFFERENCES.get(block.key, Difference(reason=""))
        outcome = Outcome(ported_python=python, problems=block_problems)
        for name, expression in difference.context.items():
            ported[name] = eval(expression, hand)

        rng = torch.get_rng_state()
        outcome.ported = _run_ported(python, ported, block, difference, outcome)
        torch.set_rng_state(rng)
        outcome.hand = _run_hand(block, hand, difference, outcome)
        outcomes.append(outcome)
    return outcomes


def _port_blocks(blocks: list[Block]) -> tuple[list[str], list[list[Problem]]]:
    """Port all blocks as one script; cut the Python at the block markers."""
    script, starts = [], []
    for block in blocks:
        difference = DIFFERENCES.get(block.key, Difference(reason=""))
        script.append(f"{_MARKER}{block.number}")
        starts.append(len(script) + 1)
        script.extend(_hush(block, difference).splitlines())
    python, problems = port_with_problems(
        "\n".join(script) + "\n", allow_untranslated=True
    )

    pieces = re.split(f"^{_MARKER}\\d+\n", python, flags=re.MULTILINE)
    assert pieces[0].strip() == "" and len(pieces) == len(blocks) + 1, python
    per_block = [  # line numbers counted from the block's first line
        [replace(p, line=p.line - start + 1) for p in problems if start <= p.line < end]
        for start, end in zip(starts, [*starts[1:], len(script) + 2])
    ]
    return pieces[1:], per_block


def _hush(block: Block, difference: Difference) -> str:
    """The R block with each hushed line wrapped in ``invisible()``."""
    lines = block.r_code.splitlines()
    for hushed in difference.hushed:
        matches = [i for i, line in enumerate(lines) if line.strip() == hushed]
        if not matches:
            matches = [i for i, line in enumerate(lines) if _code_part(line) == hushed]
        assert len(matches) == 1, (hushed, len(matches), block.key)
        lines[matches[0]] = f"invisible({_code_part(hushed)})"
    return "\n".join(lines) + "\n"


def _run_ported(
    python: str, namespace: dict, block: Block, difference: Difference, outcome: Outcome
) -> str:
    """Run the ported block statement by statement; return what it printed."""
    transcript = io.StringIO()
    expected_errors = max(difference.errors, len(block.shown_errors))
    for statement in ast.parse(python).body:
        code = compile(ast.Module([statement], []), "<ported>", "exec")
        try:
            with contextlib.redirect_stdout(transcript):
                exec(code, namespace)
        except Exception as error:  # noqa: BLE001 - recorded for the report
            if len(outcome.errors) < expected_errors:
                outcome.errors.append(error)
                transcript.write(difference.error_shown_as(error) + "\n")
                continue
            outcome.failures.append(
                f"ported code raised at `{ast.unparse(statement).splitlines()[0]}`:\n"
                + "".join(traceback.format_exception_only(error))
            )
            break  # R stops the script at an error
    if len(outcome.errors) < expected_errors:
        outcome.failures.append(
            f"the R block stops with an error here, the port ran through: "
            f"{block.shown_errors}"
        )
    return _normalise(transcript.getvalue())


def _run_hand(
    block: Block, namespace: dict, difference: Difference, outcome: Outcome
) -> str:
    """Run the block's hand-port cells; return what Jupyter would show."""
    cells = [(cell, ast.parse(cell).body) for cell in block.hand_cells]
    sources = [
        ast.get_source_segment(cell, statement)
        for cell, statements in cells
        for statement in statements
    ]
    unshown = {_statement_named(entry, sources, block) for entry in difference.unshown}

    shown = []
    for cell, statements in cells:
        printed, failures = _run_hand_cell(cell, statements, namespace, unshown)
        shown.append(printed)
        outcome.failures += [f"hand port: {failure}" for failure in failures]
    return _normalise("".join(shown))


def _statement_named(entry: str, sources: list[str], block: Block) -> str:
    """The one hand statement whose first line is ``entry`` (else: contains it)."""
    matches = [source for source in sources if source.splitlines()[0] == entry]
    if not matches:
        matches = [source for source in sources if entry in source]
    assert len(matches) == 1, f"{entry!r} names {len(matches)} statements, {block.key}"
    return matches[0]


def _run_hand_cell(
    cell: str, statements: list[ast.stmt], namespace: dict, unshown: set[str]
) -> tuple[str, list[str]]:
    """Run one code cell as Jupyter would: its prints, then its last value's repr."""
    transcript = io.StringIO()
    failures = []
    for index, statement in enumerate(statements):
        source = ast.get_source_segment(cell, statement)
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed), warnings.catch_warnings():
                warnings.filterwarnings("ignore", message=".*non-interactive.*")
                _exec_statement(statement, index == len(statements) - 1, namespace)
        except Exception as error:  # noqa: BLE001 - recorded for the report
            failures.append(f"`{source.splitlines()[0]}` raised {error!r}")
            break
        if source not in unshown:
            transcript.write(printed.getvalue())
    plt.close("all")
    return transcript.getvalue(), failures


def _exec_statement(statement: ast.stmt, last: bool, namespace: dict) -> None:
    if last and isinstance(statement, ast.Expr):
        value = eval(
            compile(ast.Expression(statement.value), "<hand>", "eval"), namespace
        )
        if value is not None:
            print(repr(value))
        return
    exec(compile(ast.Module([statement], []), "<hand>", "exec"), namespace)


def _normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.splitlines()).rstrip("\n")
