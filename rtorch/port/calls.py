"""R function and method calls -> Python calls.

Most calls keep their name (rtorch exports R torch's names); R base functions
get their rtorch spelling (``sum`` -> ``rb.sum``, ``as.numeric`` ->
``as_numeric``) or a Python idiom (``is.null(x)`` -> ``x is None``,
``sapply`` -> a list comprehension). A function the porter does not know is
reported rather than passed through, unless the script defines it; so is an
R torch name the installed rtorch does not provide (see
:mod:`rtorch.port.provided`), and a method a known tensor lacks.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING

from rtorch.port import tables
from rtorch.port.frames import translate_levels
from rtorch.port.parse import Node, field, text_of
from rtorch.port.problems import Untranslated
from rtorch.port.provided import missing_function, missing_tensor_member
from rtorch.port.pyast import attribute, call, name, none, py_name
from rtorch.port.scope import PLAIN_KINDS, Kind, Scope
from rtorch.port.vectors import value_kind

if TYPE_CHECKING:
    from rtorch.port.expressions import ExpressionTranslator

Argument = tuple[str | None, Node | None, Node]  # (R name, value, node for errors)
Handler = Callable[["ExpressionTranslator", Node, list[Argument], bool], ast.expr]


def translate_call(
    tr: ExpressionTranslator,
    callee: Node,
    call_node: Node | None,
    first: Node | None,
    ints: bool = False,
) -> ast.expr:
    """Translate an R call; ``first`` is a piped-in first argument, if any."""
    where = call_node if call_node is not None else callee
    arguments = _arguments(call_node)
    if first is not None:
        arguments.insert(0, (None, first, first))

    if callee.type == "namespace_operator":
        package = text_of(field(callee, "lhs"))
        if package not in ("torch", "base"):
            raise Untranslated(where, f"functions of the R package {package}")
        callee = field(callee, "rhs")
    if callee.type == "extract_operator" and text_of(field(callee, "operator")) == "$":
        return _method_call(tr, callee, where, arguments)
    if callee.type not in ("identifier", "string"):
        function = tr.expr(callee)
        positional, keywords = translate_arguments(tr, arguments)
        return ast.Call(func=function, args=positional, keywords=keywords)

    r_name = text_of(callee).strip("`\"'")
    if tr.scope.kind(r_name) is not None:
        positional, keywords = translate_arguments(tr, arguments)
        return ast.Call(func=name(py_name(r_name)), args=positional, keywords=keywords)
    if r_name in _HANDLERS:
        return _HANDLERS[r_name](tr, where, arguments, ints)
    if r_name in tables.NO_EQUIVALENT:
        raise Untranslated(where, tables.NO_EQUIVALENT[r_name])
    if r_name in _STATEMENT_ONLY or r_name.startswith(("with_", "local_")):
        raise Untranslated(where, f"{r_name}() is only translated as a statement")

    if r_name in tables.BASE_MODULE:
        tr.imports.add("rb")
        function: ast.expr = attribute(name("rb"), r_name)
    elif r_name in tables.RENAMED:
        function = name(tables.RENAMED[r_name])
    elif is_torch_name(r_name):
        check_provided(tr, where, r_name)
        function = name(py_name(r_name))
    elif r_name in tables.SAME_NAME:
        function = name(py_name(r_name))
    else:
        raise Untranslated(
            where, f"R function {r_name}() has no known rtorch translation"
        )
    positional, keywords = translate_arguments(tr, arguments, r_name)
    return ast.Call(func=function, args=positional, keywords=keywords)


def translate_arguments(
    tr: ExpressionTranslator,
    arguments: list[Argument],
    function_name: str = "",
    method: bool = False,
    ints: bool = False,
) -> tuple[list[ast.expr], list[ast.keyword]]:
    """Translate call arguments; R numbers that are counts become ints.

    Named arguments go after positional ones, as Python requires (R matches
    names first, so the order does not change which parameter gets what).
    """
    positional: list[ast.expr] = []
    keywords: list[ast.keyword] = []
    index = 0
    outer_hint = tr.name_hint
    for arg_name, value, node in arguments:
        if value is None:
            raise Untranslated(node, "an empty argument is not supported")
        if value.type == "dots":
            if not tr.scope.has_dots:
                raise Untranslated(node, "... outside a function that takes ...")
            positional.append(ast.Starred(value=name("args"), ctx=ast.Load()))
            keywords.append(ast.keyword(arg=None, value=name("kwargs")))
            continue
        if arg_name is None:
            counts = ints or _positional_is_count(function_name, index, method)
            tr.name_hint = f"{outer_hint}_fn" if outer_hint else "fn"
            positional.append(tr.expr(value, ints=counts))
            index += 1
        else:
            counts = ints or arg_name in tables.INT_ARGUMENTS
            tr.name_hint = (
                f"{outer_hint}_{py_name(arg_name)}" if outer_hint else arg_name
            )
            keywords.append(
                ast.keyword(arg=py_name(arg_name), value=tr.expr(value, counts))
            )
    tr.name_hint = outer_hint
    return positional, keywords


def _arguments(call_node: Node | None) -> list[Argument]:
    if call_node is None:
        return []
    result: list[Argument] = []
    for node in field(call_node, "arguments").named_children:
        if node.type != "argument":
            continue
        arg_name = field(node, "name")
        spelled = text_of(arg_name).strip("`\"'") if arg_name is not None else None
        result.append((spelled, field(node, "value"), node))
    return result


def is_torch_name(r_name: str) -> bool:
    """Whether ``r_name`` is spelled like an R torch export (``nn_linear``, ...)."""
    return (
        r_name.startswith(tables.TORCH_PREFIXES) or r_name in tables.TORCH_OTHER_EXPORTS
    )


def check_provided(tr: ExpressionTranslator, node: Node, r_name: str) -> None:
    """Report ``r_name`` unless the script defines it or rtorch provides it.

    Raises:
        Untranslated: rtorch lacks the function, or has only a stub for it.
    """
    if tr.defines(r_name):
        return
    missing = missing_function(r_name)
    if missing is not None:
        raise Untranslated(node, missing)


def _positional_is_count(function_name: str, index: int, method: bool) -> bool:
    key = f"torch_{function_name}" if method else function_name
    span = tables.COUNT_POSITIONS.get(key)
    if span is None:
        return False
    position = index + 1 if method else index
    first, last = span
    return position >= first and (last is None or position <= last)


def _method_call(
    tr: ExpressionTranslator, callee: Node, where: Node, arguments: list[Argument]
) -> ast.expr:
    member = field(callee, "rhs")
    method = text_of(member).strip("`\"'")
    if value_kind(tr, field(callee, "lhs")) is Kind.TENSOR:
        missing = missing_tensor_member(method, called=True)
        if missing is not None:
            raise Untranslated(where, missing)
    function = tr.expr(callee)
    positional, keywords = translate_arguments(tr, arguments, method, method=True)
    return ast.Call(func=function, args=positional, keywords=keywords)


# -- R base functions with their own translation ---------------------------


def _only_positional(node: Node, arguments: list[Argument], what: str) -> list[Node]:
    if any(arg_name is not None for arg_name, _, _ in arguments):
        raise Untranslated(node, f"named arguments to {what}() are not supported")
    return [value for _, value, _ in arguments if value is not None]


def _c(
    tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
) -> ast.expr:
    if any(arg_name is not None for arg_name, _, _ in arguments):
        raise Untranslated(node, "named vectors (c(a = 1)) have no rtorch equivalent")
    positional, _ = translate_arguments(tr, arguments, ints=ints)
    return call(name("c"), positional)


def _list(
    tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
) -> ast.expr:
    names = [arg_name for arg_name, _, _ in arguments]
    if all(n is None for n in names):
        positional, _ = translate_arguments(tr, arguments, ints=ints)
        return ast.List(elts=positional, ctx=ast.Load())
    if any(n is None for n in names):
        raise Untranslated(node, "a list with some named and some unnamed elements")
    keys: list[ast.expr | None] = []
    values: list[ast.expr] = []
    outer_hint = tr.name_hint
    for arg_name, value, arg_node in arguments:
        if value is None:
            raise Untranslated(arg_node, "an empty list element")
        tr.name_hint = f"{outer_hint}_{py_name(arg_name)}" if outer_hint else arg_name
        keys.append(ast.Constant(value=arg_name))
        values.append(tr.expr(value, ints=ints))
    tr.name_hint = outer_hint
    return ast.Dict(keys=keys, values=values)


def _seq(
    tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
) -> ast.expr:
    renamed: list[Argument] = []
    positional_seen = 0
    for arg_name, value, arg_node in arguments:
        if arg_name in ("from", "to"):
            if positional_seen != (0 if arg_name == "from" else 1):
                raise Untranslated(node, "seq() with from/to out of order")
            arg_name = None
        if arg_name not in (None, "by", "length.out"):
            raise Untranslated(node, f"seq() argument {arg_name} is not supported")
        positional_seen += arg_name is None
        renamed.append((arg_name, value, arg_node))
    # R: seq(a, b) without `by` is a:b, an integer sequence when a is whole.
    counts = all(arg_name is None for arg_name, _, _ in renamed)
    positional, keywords = translate_arguments(tr, renamed, "seq", ints=counts)
    for keyword in keywords:
        if keyword.arg == "length_out":
            keyword.value = _as_int(tr, keyword.value, renamed, "length.out")
    return ast.Call(func=name("seq"), args=positional, keywords=keywords)


def _as_int(
    tr: ExpressionTranslator, value: ast.expr, arguments: list[Argument], wanted: str
) -> ast.expr:
    for arg_name, node, _ in arguments:
        if arg_name == wanted and node is not None:
            return tr.expr(node, ints=True)
    return value


def _seq_along(
    tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
) -> ast.expr:
    (value,) = _only_positional(node, arguments, "seq_along")
    return call(name("seq_len"), [call(name("length"), [tr.expr(value)])])


def _rep(
    tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
) -> ast.expr:
    values = [v for n, v, _ in arguments if n in (None, "x") and v is not None]
    times = [v for n, v, _ in arguments if n == "times" and v is not None]
    if len(values) == 2 and not times:
        values, times = values[:1], values[1:]
    if len(values) != 1 or len(times) != 1 or len(arguments) != 2:
        raise Untranslated(node, "rep() is translated only as rep(x, times)")
    (value,), (count,) = values, times
    repeated = tr.expr(value, ints=ints)
    if value.type in (
        "float",
        "integer",
        "string",
        "true",
        "false",
        "na",
        "unary_operator",
    ):
        repeated = ast.List(elts=[repeated], ctx=ast.Load())
    elif not (value.type == "call" and text_of(field(value, "function")) == "c"):
        raise Untranslated(node, "rep() of a variable: its type decides the meaning")
    # R's rep(x, n) repeats a vector n times, as Python's list * n does.
    return ast.BinOp(left=repeated, op=ast.Mult(), right=tr.expr(count, ints=True))


_EMPTY_VECTORS = {
    "numeric": 0.0,
    "double": 0.0,
    "integer": 0,
    "logical": False,
    "character": "",
}


def _empty_vector(kind: str) -> Handler:
    def translate(
        tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
    ) -> ast.expr:
        values = _only_positional(node, arguments, kind)
        zero = ast.List(elts=[ast.Constant(value=_EMPTY_VECTORS[kind])], ctx=ast.Load())
        if not values:
            return ast.List(elts=[], ctx=ast.Load())
        if (
            values[0].type in ("float", "integer")
            and float(text_of(values[0]).rstrip("L")) == 0
        ):
            return ast.List(elts=[], ctx=ast.Load())
        # R: numeric(n) is n zeros.
        return ast.BinOp(left=zero, op=ast.Mult(), right=tr.expr(values[0], ints=True))

    return translate


def _is_null(
    tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
) -> ast.expr:
    (value,) = _only_positional(node, arguments, "is.null")
    return ast.Compare(left=tr.expr(value), ops=[ast.Is()], comparators=[none()])


def _is_true(flag: bool) -> Handler:
    def translate(
        tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
    ) -> ast.expr:
        (value,) = _only_positional(node, arguments, "isTRUE")
        return ast.Compare(
            left=tr.expr(value), ops=[ast.Is()], comparators=[ast.Constant(flag)]
        )

    return translate


def _inherits(
    tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
) -> ast.expr:
    value, what = _only_positional(node, arguments, "inherits")
    if what.type != "string":
        raise Untranslated(node, "inherits() with a computed class name")
    class_name = text_of(what).strip("\"'")
    if class_name == "try-error":
        return call(name("isinstance"), [tr.expr(value), name("Exception")])
    if class_name == "torch_tensor":
        return call(name("is_torch_tensor"), [tr.expr(value)])
    raise Untranslated(node, f"inherits(x, '{class_name}') has no rtorch translation")


def _condition_message(
    tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
) -> ast.expr:
    (value,) = _only_positional(node, arguments, "conditionMessage")
    return call(name("str"), [tr.expr(value)])


def _invisible(
    tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
) -> ast.expr:
    (value,) = _only_positional(node, arguments, "invisible")
    return tr.expr(value)


def _xor(
    tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
) -> ast.expr:
    left, right = _only_positional(node, arguments, "xor")
    return ast.BinOp(left=tr.expr(left), op=ast.BitXor(), right=tr.expr(right))


def _dim_of(position: int) -> Handler:
    def translate(
        tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
    ) -> ast.expr:
        (value,) = _only_positional(node, arguments, "nrow/ncol")
        dims = call(name("dim"), [tr.expr(value)])
        return call(name("elt"), [dims, ast.Constant(value=position)])

    return translate


def _apply(
    tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
) -> ast.expr:
    values = [v for n, v, _ in arguments if n in (None, "X", "FUN") and v is not None]
    extra = [a for a in arguments if a[0] in (None, "X", "FUN")][2:]
    if len(values) < 2 or any(
        n not in (None, "X", "FUN", "FUN.VALUE") for n, _, _ in arguments
    ):
        raise Untranslated(node, "this *apply() call form is not supported")
    items, function = values[0], values[1]
    iterable = tr.expr(items)
    if function.type == "function_definition" and not extra:
        # Each element of a plain R vector is one plain value.
        element_kind = Kind.SCALAR if value_kind(tr, items) is Kind.VECTOR else None
        return _comprehension_of_function(
            tr, node, function, iterable, element_kind or Kind.UNKNOWN
        )
    loop_name = "item"
    positional, keywords = translate_arguments(tr, extra)
    body = ast.Call(
        func=tr.expr(function), args=[name(loop_name), *positional], keywords=keywords
    )
    return _list_comprehension(body, loop_name, iterable)


def _comprehension_of_function(
    tr: ExpressionTranslator,
    node: Node,
    function: Node,
    iterable: ast.expr,
    element_kind: Kind,
) -> ast.expr:
    parameters = [
        p for p in field(function, "parameters").named_children if p.type == "parameter"
    ]
    body = field(function, "body")
    if body.type == "braced_expression":
        inner = [c for c in body.named_children if c.type != "comment"]
        body = inner[0] if len(inner) == 1 else None
    if len(parameters) != 1 or body is None:
        raise Untranslated(node, "*apply() with a multi-line function")
    loop_name = text_of(field(parameters[0], "name"))
    outer = tr.scope
    tr.scope = Scope(parent=outer, is_function=True)
    tr.scope.assign(loop_name, element_kind)
    try:
        element = tr.expr(body)
    finally:
        tr.scope = outer
    return _list_comprehension(element, py_name(loop_name), iterable)


def _list_comprehension(
    element: ast.expr, loop_name: str, iterable: ast.expr
) -> ast.expr:
    target = ast.Name(id=loop_name, ctx=ast.Store())
    generator = ast.comprehension(target=target, iter=iterable, ifs=[], is_async=0)
    return ast.ListComp(elt=element, generators=[generator])


def _complex(
    tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
) -> ast.expr:
    parts = {arg_name: value for arg_name, value, _ in arguments}
    if set(parts) != {"real", "imaginary"}:
        raise Untranslated(
            node, "complex() is translated as complex(real =, imaginary =)"
        )
    real, imaginary = tr.expr(parts["real"]), tr.expr(parts["imaginary"])
    scalar = ("float", "integer", "unary_operator")
    if parts["real"].type in scalar and parts["imaginary"].type in scalar:
        return call(name("complex"), [real, imaginary])
    # R's complex() is vectorised: one Python complex per pair.
    pairs = call(name("zip"), [real, imaginary])
    element = call(name("complex"), [name("re"), name("im")])
    target = ast.Tuple(
        elts=[ast.Name(id="re", ctx=ast.Store()), ast.Name(id="im", ctx=ast.Store())],
        ctx=ast.Store(),
    )
    generator = ast.comprehension(target=target, iter=pairs, ifs=[], is_async=0)
    return ast.ListComp(elt=element, generators=[generator])


def _print(
    tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
) -> ast.expr:
    if not arguments or arguments[0][0] is not None:
        raise Untranslated(node, "print() needs the value first")
    positional, keywords = translate_arguments(tr, arguments[:1])
    if len(arguments) == 1:
        return call(name("print"), positional)
    if any(arg_name != "n" for arg_name, _, _ in arguments[1:]):
        raise Untranslated(node, "print() options other than n = are not supported")
    # R torch's print(x, n = 45) is the tensor's print method in rtorch.
    _, options = translate_arguments(tr, arguments[1:], ints=True)
    return ast.Call(func=attribute(positional[0], "print"), args=[], keywords=options)


def _text_function(function_name: str, allowed: frozenset[str]) -> Handler:
    """R's text output functions, which rtorch provides with R's formatting."""

    def translate(
        tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
    ) -> ast.expr:
        for arg_name, _, arg_node in arguments:
            if arg_name is not None and arg_name not in allowed:
                raise Untranslated(
                    arg_node, f"the {arg_name} argument is not supported"
                )
        positional, keywords = translate_arguments(tr, arguments)
        return ast.Call(func=name(function_name), args=positional, keywords=keywords)

    return translate


def _bind(numpy_function: str) -> Handler:
    """R's rbind()/cbind() of plain vectors and matrices, as NumPy stacks."""

    def translate(
        tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
    ) -> ast.expr:
        values = _only_positional(node, arguments, text_of(field(node, "function")))
        if not values:
            raise Untranslated(node, "rbind()/cbind() of nothing")
        tr.imports.add("numpy")
        # R: vectors become rows (rbind) or columns (cbind) of one matrix.
        stacked = ast.List(elts=[tr.expr(v, ints) for v in values], ctx=ast.Load())
        return call(attribute(name("np"), numpy_function), [stacked])

    return translate


def _is_matrix(
    tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
) -> ast.expr:
    (value,) = _only_positional(node, arguments, "is.matrix")
    kind = value_kind(tr, value)
    if kind is Kind.ARRAY:
        # R: a matrix is a value with two dims.
        dims = attribute(tr.expr(value), "ndim")
        return ast.Compare(left=dims, ops=[ast.Eq()], comparators=[ast.Constant(2)])
    if kind in (Kind.SCALAR, Kind.VECTOR):
        return ast.Constant(value=False)
    raise Untranslated(
        node, "is.matrix() of a value that may be a tensor (R: FALSE) or an array"
    )


def _levels(
    tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
) -> ast.expr:
    (value,) = _only_positional(node, arguments, "levels")
    return translate_levels(tr, node, value, value_kind(tr, value))


def _plain_vector_not_supported(function_name: str, reason: str) -> Handler:
    """A function rtorch has for tensors/dtypes only: reported on plain values."""

    def translate(
        tr: ExpressionTranslator, node: Node, arguments: list[Argument], ints: bool
    ) -> ast.expr:
        if arguments and value_kind(tr, arguments[0][1]) in PLAIN_KINDS:
            raise Untranslated(node, f"{text_of(field(node, 'function'))}() {reason}")
        positional, keywords = translate_arguments(tr, arguments, function_name)
        return ast.Call(func=name(function_name), args=positional, keywords=keywords)

    return translate


_HANDLERS: dict[str, Handler] = {
    "rbind": _bind("vstack"),
    "cbind": _bind("column_stack"),
    "is.matrix": _is_matrix,
    "levels": _levels,
    "as.character": _plain_vector_not_supported(
        "as_character",
        "of a plain R value: rtorch's as_character() takes a dtype or device",
    ),
    "torch_tensor_from_buffer": _plain_vector_not_supported(
        "torch_tensor_from_buffer",
        "of a plain R vector: a Python list shares no memory; pass a NumPy array",
    ),
    "c": _c,
    "list": _list,
    "seq": _seq,
    "seq_along": _seq_along,
    "rep": _rep,
    "numeric": _empty_vector("numeric"),
    "double": _empty_vector("double"),
    "integer": _empty_vector("integer"),
    "logical": _empty_vector("logical"),
    "character": _empty_vector("character"),
    "is.null": _is_null,
    "isTRUE": _is_true(True),
    "isFALSE": _is_true(False),
    "inherits": _inherits,
    "conditionMessage": _condition_message,
    "invisible": _invisible,
    "xor": _xor,
    "nrow": _dim_of(1),
    "ncol": _dim_of(2),
    "sapply": _apply,
    "lapply": _apply,
    "vapply": _apply,
    "print": _print,
    "complex": _complex,
    "cat": _text_function("cat", frozenset({"sep"})),
    "paste": _text_function("paste", frozenset({"sep", "collapse"})),
    "paste0": _text_function("paste0", frozenset({"collapse"})),
    "sprintf": _text_function("sprintf", frozenset({"fmt"})),
}
_STATEMENT_ONLY = frozenset(
    {
        "library",
        "require",
        "return",
        "stop",
        "warning",
        "message",
        "stopifnot",
        "try",
        "tryCatch",
    }
)
