"""R calls and symbols (formulas, mostly) as the text R would print.

R equivalent: ``deparse()``. Attributes such as ``groupedData``'s ``formula``
are R language objects; in pandas ``attrs`` they are kept as their R text,
e.g. ``"circumference ~ age | Tree"``. Covers operators, calls with named
arguments, indexing and constants; enough to read a formula or a call.
"""

from __future__ import annotations

import math

from rdata.parser import RObject, RObjectType

__all__ = ["deparse", "deref"]

_SPACED_OPERATORS = {
    "~",
    "|",
    "||",
    "&",
    "&&",
    "+",
    "-",
    "*",
    "/",
    "==",
    "!=",
    "<",
    ">",
    "<=",
    ">=",
    "<-",
    "=",
    "%in%",
    "%%",
    "%/%",
    "%*%",
    "%o%",
}
_TIGHT_OPERATORS = {"^", ":", "$", "@", "::", ":::"}
_PREFIX_OPERATORS = {"~", "-", "+", "!"}


def deparse(robject: RObject) -> str:
    """The R source text of a symbol, call or constant.

    Args:
        robject: A parsed ``SYMSXP``, ``LANGSXP`` or short atomic vector.

    Returns:
        The text, e.g. ``"circumference ~ age | Tree"``.

    Example:
        >>> deparse(formula_object)   # doctest: +SKIP
        'circumference ~ age | Tree'
    """
    robject = deref(robject)
    kind = robject.info.type
    if kind == RObjectType.SYM:
        return robject.value.value.decode("utf-8", "replace")
    if kind == RObjectType.LANG:
        return _call(robject)
    if kind == RObjectType.NILVALUE:
        return "NULL"
    if kind == RObjectType.STR:
        texts = [_quoted(item.value) for item in robject.value]
        return texts[0] if len(texts) == 1 else f"c({', '.join(texts)})"
    if kind in (RObjectType.REAL, RObjectType.INT, RObjectType.LGL):
        texts = [_number(value, kind) for value in robject.value.tolist()]
        return texts[0] if len(texts) == 1 else f"c({', '.join(texts)})"
    return f"<R {kind.name.lower()}>"


def _call(robject: RObject) -> str:
    """A call: operator, indexing, parentheses or ``f(arg, name = value)``."""
    function = deparse(robject.value[0])
    arguments = []
    cell = robject.value[1]
    while cell is not None and cell.info.type == RObjectType.LIST:
        tag = deref(cell.tag) if cell.tag is not None else None
        text = deparse(cell.value[0])
        arguments.append(text if tag is None else f"{deparse(tag)} = {text}")
        cell = cell.value[1]

    if function in _SPACED_OPERATORS and len(arguments) == 2:
        return f"{arguments[0]} {function} {arguments[1]}"
    if function in _TIGHT_OPERATORS and len(arguments) == 2:
        return f"{arguments[0]}{function}{arguments[1]}"
    if function in _PREFIX_OPERATORS and len(arguments) == 1:
        return f"{function}{arguments[0]}"
    if function == "(" and len(arguments) == 1:
        return f"({arguments[0]})"
    if function in ("[", "[[") and arguments:
        closing = "]" if function == "[" else "]]"
        return f"{arguments[0]}{function}{', '.join(arguments[1:])}{closing}"
    return f"{function}({', '.join(arguments)})"


def _quoted(value: bytes | None) -> str:
    """An R string constant, or NA."""
    if value is None:
        return "NA"
    text = value.decode("utf-8", "replace").replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def _number(value: object, kind: RObjectType) -> str:
    """An R number or logical constant as R prints it in code."""
    if value is None:
        return "NA"
    if kind == RObjectType.LGL:
        return "TRUE" if value else "FALSE"
    if kind == RObjectType.INT:
        return f"{value}L"
    number = float(value)
    if math.isnan(number):
        return "NaN"
    if number in (float("inf"), float("-inf")):
        return "Inf" if number > 0 else "-Inf"
    return str(int(number)) if number.is_integer() else repr(number)


def deref(robject: RObject) -> RObject:
    """Follow a reference (``REFSXP``) to the object it stands for."""
    while robject.info.type == RObjectType.REF:
        robject = robject.referenced_object
    return robject
