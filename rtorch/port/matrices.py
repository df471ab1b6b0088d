"""Plain R matrices in the port: row/column indexing and filling one in.

R code often preallocates a matrix and fills it row by row:

    R:      path <- matrix(NA, nrow = n + 1, ncol = 2)
            path[1, ] <- as_array(x)
            path[i + 1, ] <- as_array(x)
    Python: path = matrix(float("nan"), nrow=n + 1, ncol=2)
            path[0, :] = as_array(x)
            path[i, :] = as_array(x)

``matrix()`` gives a NumPy array, so the port counts from 0: each index that
is one positive number (a literal, or a value the porter knows is one plain
number) loses 1, simplified where it is literal (``i + 1`` -> ``i``), and an
empty index is ``:``. Anything else (negative or logical indices, vectors of
indices, ``drop = FALSE``) is reported, never guessed.

An all-``NA`` matrix is R logical; R turns it double when numbers are
assigned into it. rtorch's ``matrix(NA, ...)`` is a NumPy object array of
``NA``, which holds the numbers but stays an object array. So when the
script assigns into the matrix by index, the ``NA`` fill ports as
``float("nan")`` (R's ``NA_real_``, the NA of the double matrix R ends with).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from rtorch.port.parse import Node, field, text_of
from rtorch.port.problems import Untranslated
from rtorch.port.pyast import call, callee_name, name
from rtorch.port.scope import Kind
from rtorch.port.vectors import value_kind

if TYPE_CHECKING:
    from rtorch.port.expressions import ExpressionTranslator

_FILLED_BUILDERS = frozenset({"matrix", "array"})
_ASSIGNMENTS = frozenset({"<-", "<<-", "="})
# Operators that keep whole numbers whole, so an index stays one row number.
_INDEX_ARITHMETIC = frozenset({"+", "-", "*", "%/%"})


def filled_names(root: Node) -> frozenset[str]:
    """Names the script assigns into by index anywhere (``m[i, ] <- v``).

    Example:
        ``m <- matrix(NA, 2, 2); m[1, ] <- c(1, 2)`` fills ``{"m"}``.
    """
    names: set[str] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        target = _index_assignment_target(node)
        if target is not None:
            names.add(text_of(target))
    return frozenset(names)


def is_matrix_subset(owner_kind: Kind, segments: list[Node | None]) -> bool:
    """Whether ``x[i, j, ...]`` indexes a plain R matrix or array by position."""
    return owner_kind is Kind.ARRAY and len(segments) >= 2


def translate_matrix_subset(
    tr: ExpressionTranslator,
    node: Node,
    owner: Node,
    segments: list[Node | None],
    drop: bool | None,
    store: bool,
) -> ast.Subscript:
    """``m[i, ]`` on a plain R matrix -> ``m[i - 1, :]`` (NumPy counts from 0).

    R equivalent: matrix indexing by one positive number per dimension, or
    all of a dimension (empty); the rest is reported.

    Raises:
        Untranslated: ``drop =``, or an index that is not surely one
            positive whole number.
    """
    if drop is not None:
        raise Untranslated(
            node, "drop = on a plain R matrix: keep the dims with a NumPy slice"
        )
    elements = [_zero_based(tr, node, segment) for segment in segments]
    key = ast.Tuple(elts=elements, ctx=ast.Load())
    context = ast.Store() if store else ast.Load()
    return ast.Subscript(value=tr.expr(owner), slice=key, ctx=context)


def double_na_fill(
    tr: ExpressionTranslator, target: Node, value: Node, value_ast: ast.expr
) -> ast.expr:
    """``m <- matrix(NA, ...)`` filled in later: the fill becomes ``float("nan")``.

    R coerces the logical NA matrix to double when numbers are assigned into
    it; a NumPy float array full of NaN is that double matrix from the start.
    Other assignments come back unchanged.
    """
    filled = target.type == "identifier" and text_of(target) in tr.filled_names
    data = _data_argument(value) if filled else None
    if data is None or data.type != "na" or text_of(data) != "NA":
        return value_ast
    nan = call(name("float"), [ast.Constant(value="nan")])
    if isinstance(value_ast, ast.Call):
        for keyword in value_ast.keywords:
            if keyword.arg == "data":
                keyword.value = nan
                return value_ast
        if value_ast.args:
            value_ast.args[0] = nan
    return value_ast


def _index_assignment_target(node: Node) -> Node | None:
    """``m`` for ``m[...] <- v`` (or ``v -> m[...]``), else None."""
    if node.type != "binary_operator":
        return None
    operator = text_of(field(node, "operator"))
    if operator in _ASSIGNMENTS:
        target = field(node, "lhs")
    elif operator in ("->", "->>"):
        target = field(node, "rhs")
    else:
        return None
    if target is None or target.type != "subset":
        return None
    owner = field(target, "function")
    return owner if owner is not None and owner.type == "identifier" else None


def _data_argument(value: Node) -> Node | None:
    """The ``data`` argument of a ``matrix()``/``array()`` call, else None."""
    if callee_name(value) not in _FILLED_BUILDERS:
        return None
    arguments = [
        a for a in field(value, "arguments").named_children if a.type == "argument"
    ]
    named = {text_of(field(a, "name")): a for a in arguments if field(a, "name")}
    if "data" in named:
        return field(named["data"], "value")
    positional = [a for a in arguments if field(a, "name") is None]
    return field(positional[0], "value") if positional else None


def _zero_based(tr: ExpressionTranslator, node: Node, index: Node | None) -> ast.expr:
    if index is None:
        return ast.Slice()
    if index.type in ("float", "integer"):
        number = _whole_literal(index)
        if number is not None and number >= 1:
            return ast.Constant(value=number - 1)
    elif _is_positive_number_expression(tr, index):
        return _minus_one(tr, index)
    raise Untranslated(
        node,
        f"the matrix index {text_of(index)}: only one positive whole number per "
        "dimension (or an empty index) has a 0-based NumPy spelling",
    )


def _is_positive_number_expression(tr: ExpressionTranslator, index: Node) -> bool:
    """Names the porter knows hold one plain number, and whole numerals, joined
    by ``+ - * %/%`` (no ``-i``: R's ``x[-i, ]`` drops row i; no comparison:
    a logical index picks rows where it is TRUE)."""
    if index.type == "parenthesized_expression":
        return _is_positive_number_expression(tr, field(index, "body"))
    if index.type == "identifier":
        return value_kind(tr, index) is Kind.SCALAR
    if index.type in ("float", "integer"):
        return _whole_literal(index) is not None
    if index.type != "binary_operator":
        return False
    return text_of(field(index, "operator")) in _INDEX_ARITHMETIC and all(
        _is_positive_number_expression(tr, field(index, side))
        for side in ("lhs", "rhs")
    )


def _minus_one(tr: ExpressionTranslator, index: Node) -> ast.expr:
    """``index - 1``, a literal step folded: ``i + 1`` -> ``i``, ``i`` -> ``i - 1``."""
    while index.type == "parenthesized_expression":
        index = field(index, "body")
    is_binary = index.type == "binary_operator"
    operator = text_of(field(index, "operator")) if is_binary else ""
    step = _whole_literal(field(index, "rhs")) if operator in ("+", "-") else None
    if step is None:
        return ast.BinOp(
            left=tr.expr(index, ints=True), op=ast.Sub(), right=ast.Constant(1)
        )
    offset = (step if operator == "+" else -step) - 1
    left = tr.expr(field(index, "lhs"), ints=True)
    if offset == 0:
        return left
    folded: ast.operator = ast.Add() if offset > 0 else ast.Sub()
    return ast.BinOp(left=left, op=folded, right=ast.Constant(abs(offset)))


def _whole_literal(node: Node | None) -> int | None:
    """The value of a whole R numeral (``1``, ``2L``), else None."""
    if node is None or node.type not in ("float", "integer"):
        return None
    number = float(text_of(node).rstrip("L"))
    return int(number) if number.is_integer() else None
