"""R's text output in Python: ``cat``, ``paste``, ``paste0``, ``sprintf``.

Ported R scripts print numbers the way R does: ``cat(1)`` writes ``1`` (not
``1.0``), ``cat(1/3)`` writes ``0.3333333`` (7 significant digits),
``cat(1e5)`` writes ``1e+05``, and ``paste(1/3)`` gives ``0.333333333333333``
(15 significant digits). Python ints are R integers, floats are R doubles,
bools are logicals, ``None`` is ``NULL`` (dropped) and ``NA`` prints as NA.
"""

from __future__ import annotations

import math
import numbers
import re
import sys
from collections.abc import Iterable
from typing import Any

import numpy as np

from rtorch._facade import TensorBase
from rtorch.errors import RTypeError, RValueError

__all__ = ["cat", "paste", "paste0", "sprintf"]

_PRINT_DIGITS = 7  # R: getOption("digits")
_CHARACTER_DIGITS = 15  # R: as.character() of a double


def cat(*values: Any, sep: str = " ") -> None:
    """Write values to standard output, R-style, with no newline added.

    R equivalent: ``cat(..., sep = " ")``.

    Example:
        >>> cat("loss:", 0.1 + 0.2, 3, "\\n")
        loss: 0.3 3
    """
    pieces = [format_value(v, _PRINT_DIGITS) for v in _flatten(values, "cat")]
    sys.stdout.write(sep.join(pieces))


def paste(*values: Any, sep: str = " ", collapse: str | None = None) -> Any:
    """Join values element-wise into strings, recycling shorter vectors.

    R equivalent: ``paste(..., sep = " ", collapse = NULL)``. A result of
    length one is returned as a ``str``, a longer one as a list of ``str``.

    Example:
        >>> paste("epoch", 3, "loss", 0.25)
        'epoch 3 loss 0.25'
        >>> paste("x", [1, 2], sep="")
        ['x1', 'x2']
    """
    vectors = [
        [format_value(v, _CHARACTER_DIGITS) for v in _as_vector(value, "paste")]
        for value in values
    ]
    vectors = [v for v in vectors if v]
    if not vectors:
        return "" if collapse is not None else []
    length = max(len(v) for v in vectors)
    joined = [sep.join(v[i % len(v)] for v in vectors) for i in range(length)]
    if collapse is not None:
        return collapse.join(joined)
    return joined[0] if length == 1 else joined


def paste0(*values: Any, collapse: str | None = None) -> Any:
    """:func:`paste` with no separator. R equivalent: ``paste0(...)``.

    Example:
        >>> paste0("w", 1, ".pt")
        'w1.pt'
    """
    return paste(*values, sep="", collapse=collapse)


_SPEC = re.compile(
    r"%(?P<flags>[-+ 0#]*)(?P<width>\d+)?(?:\.(?P<precision>\d+))?"
    r"(?P<kind>[diosxXfeEgGaA%])"
)


def sprintf(fmt: str, *values: Any) -> Any:
    """C-style formatting with R's rules, vectorised over its arguments.

    R equivalent: ``sprintf(fmt, ...)``: ``%d`` takes whole doubles, ``%s``
    writes numbers as ``as.character()`` does (15 significant digits).

    Example:
        >>> sprintf("%d items at %.2f, %s", 3.0, 1 / 3, 0.1)
        '3 items at 0.33, 0.1'
    """
    vectors = [_as_vector(v, "sprintf") for v in values]
    if any(not v for v in vectors):
        return []
    length = max((len(v) for v in vectors), default=1)
    results = [
        _format_one(fmt, [v[i % len(v)] for v in vectors]) for i in range(length)
    ]
    return results[0] if length == 1 else results


def format_value(value: Any, digits: int = _PRINT_DIGITS) -> str:
    """One R value as R writes it (``TRUE``, ``NA``, ``1e+05``, ``0.3333333``)."""
    if value is None:
        return "NULL"
    if _is_na(value):
        return "NA"
    if isinstance(value, (bool, np.bool_)):
        return "TRUE" if value else "FALSE"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        return format_double(float(value), digits)
    if isinstance(value, numbers.Complex):
        real = format_double(value.real, digits)
        imaginary = format_double(abs(value.imag), digits)
        return f"{real}{'-' if value.imag < 0 else '+'}{imaginary}i"
    return str(value)


def format_double(x: float, digits: int = _PRINT_DIGITS) -> str:
    """A double with at most ``digits`` significant digits, fixed or scientific.

    R's rule: use the fewest significant digits (up to ``digits``) that show
    the value, then write it in fixed notation unless scientific is shorter.

    Example:
        >>> [format_double(v) for v in (1.0, 100000.0, 123456.0, 1e-4, 0.1 + 0.2)]
        ['1', '1e+05', '123456', '1e-04', '0.3']
    """
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Inf" if x > 0 else "-Inf"
    if x == 0:
        return "0"
    mantissa, exponent_text = f"{x:.{digits - 1}e}".split("e")
    exponent = int(exponent_text)
    significant = mantissa.replace("-", "").replace(".", "").rstrip("0") or "0"
    decimals = max(0, len(significant) - 1 - exponent)
    fixed = f"{x:.{decimals}f}"
    sign = "-" if x < 0 else ""
    sci_mantissa = significant[0] + (
        "." + significant[1:] if len(significant) > 1 else ""
    )
    scientific = (
        f"{sign}{sci_mantissa}e{'-' if exponent < 0 else '+'}{abs(exponent):02d}"
    )
    return fixed if len(fixed) <= len(scientific) else scientific


def _format_one(fmt: str, row: list[Any]) -> str:
    position = 0

    def substitute(match: re.Match[str]) -> str:
        nonlocal position
        kind = match.group("kind")
        if kind == "%":
            return "%"
        if position >= len(row):
            raise RValueError(f"sprintf({fmt!r}): too few arguments for the format.")
        value = row[position]
        position += 1
        spec = match.group(0)[:-1]
        if kind == "s":
            return (spec + "s") % format_value(value, _CHARACTER_DIGITS)
        if _is_na(value):
            return (spec.replace("0", "") + "s") % "NA"
        if kind in "dioxX":
            whole = _whole_number(value, match.group(0))
            return (spec + kind) % whole
        return (spec + kind) % float(value)

    return _SPEC.sub(substitute, fmt)


def _whole_number(value: Any, spec: str) -> int:
    if isinstance(value, (numbers.Integral, np.integer)):
        return int(value)
    if isinstance(value, numbers.Real) and float(value).is_integer():
        return int(value)
    raise RValueError(
        f"sprintf(): invalid format '{spec}' for {value!r}; use %f, %e or %g for "
        "numbers that are not whole."
    )


def _flatten(values: Iterable[Any], what: str) -> list[Any]:
    flat: list[Any] = []
    for value in values:
        flat.extend(_as_vector(value, what))
    return flat


def _as_vector(value: Any, what: str) -> list[Any]:
    if isinstance(value, TensorBase):
        raise RTypeError(
            f"{what}() cannot write a tensor; convert it first with as_array(x) "
            "(or print it with print(x))."
        )
    if value is None:
        return []
    if isinstance(value, np.ndarray):
        return value.ravel(order="F").tolist()
    if isinstance(value, (list, tuple)):
        return _flatten(value, what)
    if isinstance(value, dict):
        return _flatten(value.values(), what)
    return [value]


def _is_na(value: Any) -> bool:
    return type(value).__name__ == "NAType"
