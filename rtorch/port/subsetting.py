"""R's ``x[...]`` and ``x[[k]]`` -> rtorch Python, per the porting contract.

On a tensor, rtorch indexing is R torch's, so the port keeps R's numbers:
``x[1, ]`` -> ``x[1, :]``, ``x[2:N]`` -> ``x[2:N]`` (inclusive),
``x[.., 1]`` -> ``x[..., 1]``, ``x[, NULL]`` -> ``x[:, None]`` and
``x[1, , drop = FALSE]`` -> ``x.nodrop[1, :]``. On a plain R vector (a
Python list or NumPy array) Python's indexing is 0-based, so a single
element becomes ``elt(v, k)`` and anything else is reported.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from rtorch.port.frames import translate_column, translate_frame_subset
from rtorch.port.literals import string_value
from rtorch.port.matrices import is_matrix_subset, translate_matrix_subset
from rtorch.port.parse import Node, field, text_of
from rtorch.port.problems import Untranslated
from rtorch.port.pyast import (
    attribute,
    call,
    callee_name,
    method_name,
    name,
    py_name,
    subset_segments,
)
from rtorch.port.scope import OBJECT_KINDS, PLAIN_KINDS, Kind
from rtorch.port.vectors import value_kind

if TYPE_CHECKING:
    from rtorch.port.expressions import ExpressionTranslator

# Calls whose value is text or a tensor-like pair, read with elt() as well.
_OTHER_VECTOR_CALLS = frozenset({"paste", "paste0", "sprintf", "range"})


def translate_subset(
    tr: ExpressionTranslator, node: Node, store: bool = False
) -> ast.Subscript | ast.Call:
    """Translate ``x[...]`` (as a value, or as the target of ``<-``)."""
    owner = field(node, "function")
    segments, drop = subset_segments(node)
    owner_kind = value_kind(tr, owner)
    if owner_kind is Kind.FRAME:
        return translate_frame_subset(tr, node, owner, segments, drop, store)
    if owner_kind is Kind.COLUMN:
        raise Untranslated(
            node,
            "subsetting a data-frame column (a pandas Series): Python counts "
            "from 0; use .iloc by hand, or make it a tensor with torch_tensor()",
        )
    if is_matrix_subset(owner_kind, segments):
        return translate_matrix_subset(tr, node, owner, segments, drop, store)
    if is_vector(tr, owner):
        return _vector_element(tr, node, owner, segments, store)

    value = tr.expr(owner)
    if drop is False:
        value = attribute(value, "nodrop")
    elements = [_index_element(tr, segment) for segment in segments]
    if not elements:
        key: ast.expr = ast.Constant(value=Ellipsis)
    elif len(elements) == 1:
        key = elements[0]
    else:
        key = ast.Tuple(elts=elements, ctx=ast.Load())
    context = ast.Store() if store else ast.Load()
    return ast.Subscript(value=value, slice=key, ctx=context)


def translate_subset2(
    tr: ExpressionTranslator, node: Node, store: bool = False
) -> ast.expr:
    """Translate ``x[[k]]``: a dict key for a name, else ``elt(x, k)`` (1-based)."""
    owner = field(node, "function")
    segments, drop = subset_segments(node)
    if len(segments) != 1 or segments[0] is None or drop is not None:
        raise Untranslated(node, "[[ ]] with more than one index")
    index = segments[0]
    context = ast.Store() if store else ast.Load()
    if index.type == "string":
        key = string_value(index)
        if value_kind(tr, owner) is Kind.FRAME and not store:
            return translate_column(tr, owner, key)
        if value_kind(tr, owner) in OBJECT_KINDS and key.isidentifier():
            # R: obj[["name"]] on a tensor or R6 object is the field obj$name.
            return ast.Attribute(value=tr.expr(owner), attr=py_name(key), ctx=context)
        return ast.Subscript(value=tr.expr(owner), slice=tr.expr(index), ctx=context)
    if store:
        raise Untranslated(
            node, "assigning to x[[k]] by position; build the list with .append()"
        )
    return call(name("elt"), [tr.expr(owner), tr.expr(index, ints=True)])


def is_vector(tr: ExpressionTranslator, node: Node) -> bool:
    """Whether ``node`` surely holds a plain R value rather than a tensor."""
    if value_kind(tr, node) in PLAIN_KINDS:
        return True
    method = method_name(node)
    return (
        method == "tolist"
        and not _has_arguments(node)
        or (method is None and callee_name(node) in _OTHER_VECTOR_CALLS)
    )


def _has_arguments(call_node: Node) -> bool:
    return any(
        a.type == "argument" for a in field(call_node, "arguments").named_children
    )


def _index_element(tr: ExpressionTranslator, value: Node | None) -> ast.expr:
    if value is None:
        return ast.Slice()
    if value.type == "binary_operator" and text_of(field(value, "operator")) == ":":
        lhs, rhs = field(value, "lhs"), field(value, "rhs")
        if lhs.type == "binary_operator" and text_of(field(lhs, "operator")) == ":":
            return ast.Slice(
                lower=tr.expr(field(lhs, "lhs"), ints=True),
                upper=tr.expr(field(lhs, "rhs"), ints=True),
                step=tr.expr(rhs, ints=True),
            )
        return ast.Slice(lower=tr.expr(lhs, ints=True), upper=tr.expr(rhs, ints=True))
    if value.type == "identifier" and tr.scope.kind(text_of(value)) is None:
        if text_of(value) == "..":
            return ast.Constant(value=Ellipsis)
        if text_of(value) == "newaxis":
            return ast.Constant(value=None)
    return tr.expr(value, ints=True)


def _vector_element(
    tr: ExpressionTranslator,
    node: Node,
    owner: Node,
    segments: list[Node | None],
    store: bool,
) -> ast.expr:
    index = segments[0] if len(segments) == 1 else None
    simple = (
        index is not None
        and (
            index.type in ("identifier", "float", "integer")
            or (
                index.type == "binary_operator"
                and text_of(field(index, "operator")) in ("+", "-", "*")
            )
        )
        and value_kind(tr, index) not in (Kind.VECTOR, Kind.ARRAY)
    )
    if store or not simple:
        raise Untranslated(
            node,
            "subsetting a plain R vector (a Python list or array) other than "
            "reading one element: Python counts from 0, rewrite by hand",
        )

    owner_kind = value_kind(tr, owner)
    if owner_kind is Kind.SCALAR:
        if (
            index.type in ("float", "integer")
            and float(text_of(index).rstrip("L")) == 1
        ):
            return tr.expr(owner)  # R: a length-one value's first element is itself
        raise Untranslated(
            node,
            "subsetting a length-one R value, held as a plain Python number: "
            "only x[1] (x itself) has a spelling",
        )
    value = tr.expr(owner)
    if owner_kind is Kind.ARRAY:
        # R reads a matrix or array by one index in column-major order: c(m).
        value = call(name("c"), [value])
    return call(name("elt"), [value, tr.expr(index, ints=True)])
