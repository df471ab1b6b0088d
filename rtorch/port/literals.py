"""R literals as Python source: numerals, strings, and R's named constants.

The one rule that matters most: an R numeral without ``L`` is a double, so it
becomes a Python float (``1`` -> ``1.0``), because rtorch reads a Python int as
an R integer (int64 tensors, integer arithmetic). Where the number is a size,
a dimension or an index, the double is only a count and the translator asks
for an int instead (``int_context=True``).
"""

from __future__ import annotations

import ast
import re

from rtorch.port.parse import Node, text_of
from rtorch.port.problems import Untranslated


def raw(source: str) -> ast.expr:
    """An expression node that unparses to exactly ``source`` (an atom)."""
    return ast.Name(id=source, ctx=ast.Load())


def r_double(node: Node, int_context: bool = False) -> ast.expr:
    """An R double numeral (``1``, ``0.5``, ``1e-3``, ``0x10``) as Python.

    R equivalent: a numeral without the ``L`` suffix.

    Example:
        ``1`` -> ``1.0``; ``1e-3`` -> ``1e-3``; ``2`` as a dim -> ``2``.
    """
    spelled = text_of(node)
    value = _r_number_value(node, spelled)
    if int_context and value.is_integer():
        return raw(str(int(value)))
    if spelled.lower().startswith("0x"):
        return raw(repr(value))
    return raw(_float_spelling(spelled))


def r_integer(node: Node) -> ast.expr:
    """An R integer numeral (``1L``, ``0x10L``, ``1e3L``) as a Python int."""
    spelled = text_of(node)[:-1]
    if spelled.lower().startswith("0x"):
        return raw(spelled.lower().replace("0x", "0x", 1))
    value = float(spelled)
    if not value.is_integer():
        raise Untranslated(node, f"{text_of(node)} is not a whole number")
    return raw(str(int(value)))


def r_complex(node: Node) -> ast.expr:
    """An R imaginary numeral (``3i``) as a Python one (``3j``)."""
    return raw(text_of(node)[:-1] + "j")


def r_string(node: Node) -> ast.expr:
    """An R string literal (quoted or raw ``r"(...)"``) as a Python string."""
    return ast.Constant(value=string_value(node))


def string_value(node: Node) -> str:
    """The value of an R string literal, with R's escapes decoded."""
    spelled = text_of(node)
    if spelled[0] in "rR":
        return _raw_string_value(node, spelled)
    return _unescape(node, spelled[1:-1])


def _r_number_value(node: Node, spelled: str) -> float:
    try:
        if spelled.lower().startswith("0x"):
            return float(int(spelled, 16))
        return float(spelled)
    except ValueError as error:
        raise Untranslated(node, f"cannot read the number {spelled}") from error


def _float_spelling(spelled: str) -> str:
    spelled = spelled.lower()
    mantissa, _, exponent = spelled.partition("e")
    if mantissa.startswith("."):
        mantissa = "0" + mantissa
    if mantissa.endswith("."):
        mantissa += "0"
    if not exponent and "." not in mantissa:
        mantissa += ".0"
    return mantissa + ("e" + exponent if exponent else "")


_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "\\": "\\",
    '"': '"',
    "'": "'",
    "`": "`",
    " ": " ",
}
_ESCAPE = re.compile(
    r"\\(x[0-9a-fA-F]{1,2}|u\{[0-9a-fA-F]{1,4}\}|u[0-9a-fA-F]{1,4}"
    r"|U\{[0-9a-fA-F]{1,8}\}|U[0-9a-fA-F]{1,8}|[0-7]{1,3}|.)",
    re.DOTALL,
)


def _unescape(node: Node, body: str) -> str:
    def decode(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] in "xuU" and len(code) > 1:
            return chr(int(code[1:].strip("{}"), 16))
        if code[0] in "01234567" and (len(code) > 1 or code != "0"):
            return chr(int(code, 8))
        if code in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[code]
        raise Untranslated(node, f"unknown escape sequence \\{code} in a string")

    return _ESCAPE.sub(decode, body)


def _raw_string_value(node: Node, spelled: str) -> str:
    match = re.fullmatch(r"[rR](['\"])(-*)([(\[{])(.*)([)\]}])\2\1", spelled, re.DOTALL)
    if match is None:
        raise Untranslated(node, "cannot read this raw string")
    return match.group(4)
