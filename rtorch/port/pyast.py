"""Small helpers shared by the translator modules: R node access, Python nodes."""

from __future__ import annotations

import ast
import keyword
import re

from rtorch.port.parse import Node, field, text_of
from rtorch.port.problems import Untranslated


def py_name(r_name: str) -> str:
    """A Python identifier for an R name: ``my.var`` -> ``my_var``.

    Example:
        >>> py_name("`learning rate`"), py_name("lambda")
        ('learning_rate', 'lambda_')
    """
    identifier = r_name.strip("`")
    identifier = re.sub(r"\W", "_", identifier.replace(".", "_"))
    if not identifier or identifier[0].isdigit():
        identifier = "_" + identifier
    if keyword.iskeyword(identifier) or identifier in {"None", "True", "False"}:
        identifier += "_"
    return identifier


def name(identifier: str) -> ast.Name:
    """A Python name reference."""
    return ast.Name(id=identifier, ctx=ast.Load())


def none() -> ast.expr:
    """Python's None (R's NULL)."""
    return ast.Constant(value=None)


def call(function: ast.expr, args: list[ast.expr], **keywords: ast.expr) -> ast.Call:
    """A Python call expression."""
    words = [ast.keyword(arg=k, value=v) for k, v in keywords.items()]
    return ast.Call(func=function, args=args, keywords=words)


def attribute(owner: ast.expr, member: str) -> ast.Attribute:
    """``owner.member``."""
    return ast.Attribute(value=owner, attr=member, ctx=ast.Load())


def call_arguments(call_node: Node) -> list[tuple[Node | None, Node | None]]:
    """(name, value) node pairs of an R call's arguments, in order."""
    arguments = field(call_node, "arguments")
    return [
        (field(a, "name"), field(a, "value"))
        for a in arguments.named_children
        if a.type == "argument"
    ]


def callee_name(call_node: Node) -> str | None:
    """The plain function name of an R call (``torch::`` dropped), or None."""
    if call_node.type != "call":
        return None
    callee = field(call_node, "function")
    if callee.type == "namespace_operator" and text_of(field(callee, "lhs")) == "torch":
        callee = field(callee, "rhs")
    return text_of(callee) if callee.type in ("identifier", "return") else None


def is_call_to(node: Node, function_name: str) -> bool:
    """Whether ``node`` is a call of the R function ``function_name``."""
    return callee_name(node) == function_name


def method_name(call_node: Node) -> str | None:
    """``m`` for an R method call ``x$m(...)``, else None."""
    if call_node.type != "call":
        return None
    callee = field(call_node, "function")
    if callee.type != "extract_operator" or text_of(field(callee, "operator")) != "$":
        return None
    member = field(callee, "rhs")
    return text_of(member) if member is not None else None


def subset_segments(node: Node) -> tuple[list[Node | None], bool | None]:
    """The comma-separated index positions of ``x[...]`` (None = empty), and
    the ``drop =`` flag (None when not given).

    Raises:
        Untranslated: an index option other than ``drop = TRUE/FALSE``.
    """
    segments: list[Node | None | str] = [None]
    drop: bool | None = None
    for child in field(node, "arguments").children:
        if child.type == "comma":
            segments.append(None)
        elif child.type == "argument":
            arg_name = field(child, "name")
            value = field(child, "value")
            if arg_name is None:
                segments[-1] = value
                continue
            if (
                text_of(arg_name) != "drop"
                or value is None
                or (value.type not in ("true", "false"))
            ):
                raise Untranslated(child, f"the index option {text_of(child)}")
            drop = value.type == "true"
            segments[-1] = _DROP_SLOT
    kept = [s for s in segments if s is not _DROP_SLOT]
    if kept == [None]:
        return [], drop
    return kept, drop  # type: ignore[return-value]


_DROP_SLOT = "drop"
