"""Plain R vectors in the port: what holds one, and their arithmetic.

rtorch keeps R's vectors as Python lists (``c()``, ``seq()``, ``a:b``,
``seq_len()``, ``rep()``, ``dim()``), where Python's operators mean something
else: ``seq(1, 3) + 0.5`` raises, ``-seq(1, 3)`` raises, ``seq(1, 3) == 2``
is silently ``False`` and ``dim(x) * 2`` silently repeats the tuple. R applies
its operators element by element, recycling a length-one operand, so the
porter writes the same, one list comprehension per expression:

    R:      (1:3 + 0.5) * k          (k a plain number)
    Python: [(v + 0.5) * k for v in seq(1, 3)]

Python's scalar operators follow R's on plain numbers: int op int stays an
int (R integer), ``/`` gives a float, ``%/%`` and ``%%`` floor as Python's
``//`` and ``%`` do, and ``TRUE + TRUE`` is 2. R's ``^`` always gives a
double, so the base becomes ``float()`` unless the exponent is a double.

An expression is only rewritten when every operand is known to be plain (a
literal, a vector builder, or a name assigned one); with a tensor operand,
rtorch's tensor operators take R vectors as they are.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from rtorch.port.frames import (
    dataset_kind,
    frame_subset_kind,
    provided_dataset,
)
from rtorch.port.parse import Node, field, text_of
from rtorch.port.problems import Untranslated
from rtorch.port.provided import function_returns_tensor, member_returns_tensor
from rtorch.port.pyast import call, callee_name, method_name, name, subset_segments
from rtorch.port.scope import PLAIN_KINDS, Kind

if TYPE_CHECKING:
    from rtorch.port.expressions import ExpressionTranslator

_ARITHMETIC = {
    "+": ast.Add,
    "-": ast.Sub,
    "*": ast.Mult,
    "/": ast.Div,
    "^": ast.Pow,
    "**": ast.Pow,
    "%%": ast.Mod,  # R's %% on plain numbers takes the divisor's sign: Python's %
    "%/%": ast.FloorDiv,  # R's %/% on plain numbers floors: Python's //
}
_COMPARISON = {
    "==": ast.Eq,
    "!=": ast.NotEq,
    "<": ast.Lt,
    "<=": ast.LtE,
    ">": ast.Gt,
    ">=": ast.GtE,
}
_LOGICAL = {"&": ast.And, "|": ast.Or}
_UNARY = {"-", "+", "!"}
# Operators through which "these numbers are counts" passes on to operands.
_INT_TRANSPARENT = {"+", "-", "*", "%%", "%/%", *_COMPARISON}

# Calls whose value is a plain R vector in a Python list or tuple.
_LIST_CALLS = frozenset(
    {
        "c",
        "seq",
        "seq_len",
        "seq_along",
        "rep",
        "numeric",
        "double",
        "integer",
        "logical",
        "character",
        "sapply",
        "vapply",
        "dim",
        "levels",
    }
)
# Calls whose value is a plain R vector, matrix or array in a NumPy array.
_ARRAY_CALLS = frozenset(
    {
        "matrix",
        "array",
        "rbind",
        "cbind",
        "as_array",
        "as.array",
        "as.matrix",
        "as.numeric",
        "as.double",
        "as.integer",
        "as.logical",
    }
)
# Calls whose value is one plain number.
_SCALAR_CALLS = frozenset({"length", "nrow", "ncol"})
_SCALAR_LITERALS = frozenset(
    {"float", "integer", "complex", "string", "true", "false", "na", "inf", "nan"}
)
_SCALAR_NAMES = frozenset({"T", "F", "pi"})
# R torch functions whose values are tensors or R6 objects, never R lists.
_OBJECT_PREFIXES = ("torch_", "nn_", "optim_")


def value_kind(tr: ExpressionTranslator, node: Node) -> Kind:
    """What an R expression surely evaluates to in the port.

    Returns:
        ``Kind.SCALAR`` (a Python number, bool or str), ``Kind.VECTOR`` (a
        Python list or tuple), ``Kind.ARRAY`` (a NumPy array), ``Kind.DICT``
        (a named list), ``Kind.TENSOR`` (rtorch declares the value a Tensor),
        ``Kind.OBJECT`` (made by another ``torch_``, ``nn_`` or ``optim_``
        function), ``Kind.FUNCTION``, or ``Kind.UNKNOWN``.
    """
    kind = node.type
    if kind == "parenthesized_expression":
        return value_kind(tr, field(node, "body"))
    if kind in _SCALAR_LITERALS:
        return Kind.SCALAR
    if kind == "identifier":
        found = tr.scope.kind(text_of(node))
        if found is None and text_of(node) in _SCALAR_NAMES:
            return Kind.SCALAR
        if found is None and provided_dataset(tr, text_of(node)):
            return dataset_kind(text_of(node))
        return found or Kind.UNKNOWN
    if _is_operator(node, ":"):
        return Kind.VECTOR
    if is_elementwise(node):
        kinds = {value_kind(tr, leaf) for leaf in _leaves(node)}
        if Kind.TENSOR in kinds:  # a tensor operand makes a tensor
            return Kind.TENSOR
        if not kinds <= PLAIN_KINDS:
            return Kind.UNKNOWN
        for plain in (Kind.ARRAY, Kind.VECTOR):  # NumPy's operators win
            if plain in kinds:
                return plain
        return Kind.SCALAR
    if kind == "extract_operator":
        return _field_kind(tr, node)
    if kind == "subset":
        owner = value_kind(tr, field(node, "function"))
        if owner is Kind.TENSOR:  # indexing a tensor gives a tensor
            return Kind.TENSOR
        if owner is Kind.FRAME:
            return frame_subset_kind(*subset_segments(node))
        segments, _ = subset_segments(node)
        if owner is Kind.ARRAY and len(segments) >= 2 and None in segments:
            return Kind.ARRAY  # a whole row or column of a plain matrix
        return Kind.SCALAR if owner in PLAIN_KINDS else Kind.UNKNOWN
    if kind == "subset2":
        owner = value_kind(tr, field(node, "function"))
        return Kind.COLUMN if owner is Kind.FRAME else Kind.UNKNOWN
    if kind == "call":
        return _call_kind(tr, node)
    return Kind.UNKNOWN


def is_elementwise(node: Node) -> bool:
    """Whether ``node`` is an R operator applied element by element."""
    if node.type == "unary_operator":
        return text_of(field(node, "operator")) in _UNARY
    if node.type == "binary_operator":
        operator = text_of(field(node, "operator"))
        return (
            operator in _ARITHMETIC or operator in _COMPARISON or operator in _LOGICAL
        )
    return False


def translate_vector_operation(
    tr: ExpressionTranslator, node: Node, ints: bool, cond: bool
) -> ast.expr | None:
    """Port R operators on plain R vectors element by element.

    R equivalent: R's vectorised arithmetic, comparison and logic on plain
    vectors (``1:3 + 0.5``, ``-(1:3)``, ``dim(x) == c(2, 3)``).

    Args:
        tr: the expression translator (for the operands).
        node: an R operator node.
        ints: the numbers are counts or indices (see ``ExpressionTranslator``).
        cond: the value is an if/while condition.

    Returns:
        The Python expression, or None when some operand is not a plain R
        vector (a tensor's own operators then apply).

    Raises:
        Untranslated: a vector used as a condition, an NA operand, or ``%*%``
            of plain vectors.

    Example:
        ``-(1:3)`` -> ``seq(-1, -3)``; ``c(1, 2) * 2`` ->
        ``[v * 2.0 for v in c(1.0, 2.0)]``.
    """
    if _is_operator(node, "%*%"):
        _reject_plain_matrix_product(tr, node)
        return None
    if not is_elementwise(node) or value_kind(tr, node) is not Kind.VECTOR:
        return None
    if cond:
        raise Untranslated(
            node,
            "a plain R vector used as an if/while condition; R needs one "
            "TRUE/FALSE: wrap it in all() or any()",
        )
    _reject_missing_values(tr, node)
    negated = _negated_literal_vector(tr, node, ints)
    if negated is not None:
        return negated
    return _ElementwiseBuilder(tr, node).comprehension(ints)


# -- value kinds -----------------------------------------------------------


def _is_operator(node: Node, operator: str) -> bool:
    return (
        node.type == "binary_operator" and text_of(field(node, "operator")) == operator
    )


def _field_kind(tr: ExpressionTranslator, node: Node) -> Kind:
    owner, member = field(node, "lhs"), field(node, "rhs")
    if owner.type == "identifier" and text_of(owner) == ".Machine":
        return Kind.SCALAR
    if (
        member is not None
        and value_kind(tr, owner) is Kind.TENSOR
        and member_returns_tensor(text_of(member))
    ):
        return Kind.TENSOR
    if member is not None and value_kind(tr, owner) is Kind.FRAME:
        return Kind.COLUMN  # R: df$col is one column of the data frame
    if member is not None and text_of(member) == "shape":
        return Kind.VECTOR
    if member is not None and text_of(member) == "saved_variables":
        return Kind.DICT  # R torch: a named list of what forward() saved
    return Kind.UNKNOWN


def _call_kind(tr: ExpressionTranslator, node: Node) -> Kind:
    method = method_name(node)
    if method is not None:
        receiver = field(field(node, "function"), "lhs")
        if value_kind(tr, receiver) is Kind.TENSOR and member_returns_tensor(method):
            return Kind.TENSOR
        has_arguments = any(
            a.type == "argument" for a in field(node, "arguments").named_children
        )
        if method in ("size", "stride") and not has_arguments:
            return Kind.VECTOR  # a torch.Size (a tuple)
        if method == "item":
            return Kind.SCALAR
        return Kind.UNKNOWN
    function = callee_name(node)
    if function in _LIST_CALLS:
        return Kind.VECTOR
    if function in _ARRAY_CALLS:
        return Kind.ARRAY
    if function in _SCALAR_CALLS:
        return Kind.SCALAR
    if function is not None and not tr.defines(function):
        if function_returns_tensor(function):
            return Kind.TENSOR
        if function.startswith(_OBJECT_PREFIXES):
            return Kind.OBJECT
    return Kind.UNKNOWN


def _leaves(node: Node) -> list[Node]:
    """The operands of an element-wise expression tree, left to right."""
    if node.type == "parenthesized_expression":
        return _leaves(field(node, "body"))
    if not is_elementwise(node):
        return [node]
    if node.type == "unary_operator":
        return _leaves(field(node, "rhs"))
    return _leaves(field(node, "lhs")) + _leaves(field(node, "rhs"))


# -- what is not translated ------------------------------------------------


def _reject_plain_matrix_product(tr: ExpressionTranslator, node: Node) -> None:
    kinds = {value_kind(tr, field(node, side)) for side in ("lhs", "rhs")}
    if Kind.VECTOR in kinds and kinds <= PLAIN_KINDS:
        raise Untranslated(
            node,
            "%*% of plain R vectors has no rtorch spelling; make them tensors "
            "(torch_tensor()) or matrices (matrix()) first",
        )


def _reject_missing_values(tr: ExpressionTranslator, node: Node) -> None:
    for leaf in _leaves(node):
        values = [leaf]
        if callee_name(leaf) == "c":
            values = [
                field(a, "value")
                for a in field(leaf, "arguments").named_children
                if a.type == "argument"
            ]
        for value in values:
            if (
                value is not None
                and value.type == "na"
                and text_of(value) != "NA_real_"
            ):
                raise Untranslated(
                    value,
                    f"{text_of(value)} in arithmetic on a plain R vector: rtorch's "
                    "NA does no arithmetic; use NA_real_ (NaN) or a tensor",
                )


# -- writing the element-wise expression -----------------------------------


def _negated_literal_vector(
    tr: ExpressionTranslator, node: Node, ints: bool
) -> ast.expr | None:
    """``-(a:b)`` -> ``seq(-a, -b)``, ``-c(1, 2)`` -> ``c(-1.0, -2.0)``."""
    if node.type != "unary_operator" or text_of(field(node, "operator")) != "-":
        return None
    operand = _unparenthesized(field(node, "rhs"))
    if _is_operator(operand, ":"):
        # R: -(a:b) is the sequence (-a):(-b), integer when a is whole.
        bounds = [tr.expr(field(operand, side), ints=True) for side in ("lhs", "rhs")]
        return call(name("seq"), [_negate(bound) for bound in bounds])
    if callee_name(operand) != "c":
        return None
    arguments = [
        a for a in field(operand, "arguments").named_children if a.type == "argument"
    ]
    values = [field(a, "value") for a in arguments]
    if not values or any(
        field(a, "name") is not None or v is None or v.type not in ("float", "integer")
        for a, v in zip(arguments, values, strict=True)
    ):
        return None
    return call(name("c"), [_negate(tr.expr(v, ints)) for v in values])


def _negate(value: ast.expr) -> ast.expr:
    if isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.USub):
        return value.operand
    return ast.UnaryOp(op=ast.USub(), operand=value)


def _unparenthesized(node: Node) -> Node:
    while node.type == "parenthesized_expression":
        node = field(node, "body")
    return node


def _key(node: Node) -> tuple[int, int]:
    return node.start_byte, node.end_byte


def _identity(node: Node) -> tuple[int, int] | str:
    return text_of(node) if node.type == "identifier" else _key(node)


class _ElementwiseBuilder:
    """Writes one list comprehension for an element-wise expression tree."""

    def __init__(self, tr: ExpressionTranslator, root: Node) -> None:
        self.tr = tr
        self.root = root
        self.iterables: list[ast.expr] = []
        self.loop_names: dict[tuple[int, int] | str, str] = {}
        self.scalars: dict[tuple[int, int], ast.expr] = {}
        self.seen: set[tuple[int, int] | str] = set()

    def comprehension(self, ints: bool) -> ast.expr:
        vector_leaves = self._collect(self.root, ints)
        translated = [*self.scalars.values(), *(source for _, source in vector_leaves)]
        used = {
            n.id
            for tree in translated
            for n in ast.walk(tree)
            if isinstance(n, ast.Name)
        }
        names = _fresh_names(len(vector_leaves), used)
        for (identity, iterable), loop_name in zip(vector_leaves, names, strict=True):
            self.loop_names[identity] = loop_name
            self.iterables.append(iterable)
        element = self._element(self.root, ints)

        if len(names) == 1:
            target: ast.expr = ast.Name(id=names[0], ctx=ast.Store())
            source = self.iterables[0]
        else:
            target = ast.Tuple(
                elts=[ast.Name(id=n, ctx=ast.Store()) for n in names], ctx=ast.Store()
            )
            # R recycles unequal lengths; strict zip stops instead of truncating.
            source = call(name("zip"), self.iterables, strict=ast.Constant(value=True))
        generator = ast.comprehension(target=target, iter=source, ifs=[], is_async=0)
        return ast.ListComp(elt=element, generators=[generator])

    def _collect(
        self, node: Node, ints: bool
    ) -> list[tuple[tuple[int, int] | str, ast.expr]]:
        """Translate the leaves: scalars inline, vectors as loop sources."""
        node = _unparenthesized(node)
        if is_elementwise(node):
            if node.type == "unary_operator":
                return self._collect(field(node, "rhs"), ints)
            operand_ints = ints and text_of(field(node, "operator")) in _INT_TRANSPARENT
            return self._collect(field(node, "lhs"), operand_ints) + self._collect(
                field(node, "rhs"), operand_ints
            )
        single = _single_scalar_of_c(self.tr, node)
        if value_kind(self.tr, node) is Kind.SCALAR or single is not None:
            # R recycles a length-one vector: c(2) is the number 2 here.
            self.scalars[_key(node)] = self.tr.expr(single or node, ints)
            return []
        # The same variable twice (v * v) is one loop variable.
        identity = _identity(node)
        if identity in self.seen:
            return []
        self.seen.add(identity)
        return [(identity, self.tr.expr(node, ints))]

    def _element(self, node: Node, ints: bool) -> ast.expr:
        node = _unparenthesized(node)
        if _key(node) in self.scalars:
            return self.scalars[_key(node)]
        if not is_elementwise(node):
            return name(self.loop_names[_identity(node)])
        operator = text_of(field(node, "operator"))
        if node.type == "unary_operator":
            operand = self._element(field(node, "rhs"), ints)
            if operator == "!":
                return ast.UnaryOp(op=ast.Not(), operand=operand)
            op = ast.USub() if operator == "-" else ast.UAdd()
            return ast.UnaryOp(op=op, operand=operand)

        operand_ints = ints and operator in _INT_TRANSPARENT
        lhs_node, rhs_node = field(node, "lhs"), field(node, "rhs")
        lhs = self._element(lhs_node, operand_ints)
        rhs = self._element(rhs_node, operand_ints)
        if operator in _COMPARISON:
            return ast.Compare(
                left=lhs, ops=[_COMPARISON[operator]()], comparators=[rhs]
            )
        if operator in _LOGICAL:
            # R's & and | are logical: TRUE/FALSE whatever the numbers are.
            values = [_as_logical(v, n) for v, n in ((lhs, lhs_node), (rhs, rhs_node))]
            return ast.BoolOp(op=_LOGICAL[operator](), values=values)
        if operator in ("^", "**") and not ints and not _is_double(rhs_node):
            lhs = call(name("float"), [lhs])  # R's ^ always gives a double
        return ast.BinOp(left=lhs, op=_ARITHMETIC[operator](), right=rhs)


def _single_scalar_of_c(tr: ExpressionTranslator, node: Node) -> Node | None:
    if callee_name(node) != "c":
        return None
    arguments = [
        a for a in field(node, "arguments").named_children if a.type == "argument"
    ]
    if len(arguments) != 1 or field(arguments[0], "name") is not None:
        return None
    value = field(arguments[0], "value")
    if value is None or value_kind(tr, value) is not Kind.SCALAR:
        return None
    return value


def _as_logical(value: ast.expr, node: Node) -> ast.expr:
    node = _unparenthesized(node)
    logical = node.type in ("true", "false") or (
        node.type in ("binary_operator", "unary_operator")
        and text_of(field(node, "operator")) in (*_COMPARISON, *_LOGICAL, "!")
    )
    return value if logical else call(name("bool"), [value])


def _is_double(node: Node) -> bool:
    node = _unparenthesized(node)
    if node.type == "unary_operator":
        return _is_double(field(node, "rhs"))
    return node.type in ("float", "inf", "nan")


def _fresh_names(count: int, used: set[str]) -> list[str]:
    wanted = ["v"] if count == 1 else [f"v{i}" for i in range(1, count + 1)]
    fresh = []
    for candidate in wanted:
        while candidate in used:
            candidate += "_"
        fresh.append(candidate)
    return fresh
