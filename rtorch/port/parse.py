"""The R front end: a real R grammar (tree-sitter's) instead of regular expressions.

The grammar ships compiled inside ``tree-sitter-language-pack`` 0.13, installed
by the optional extra ``rtorch[port]``; nothing is downloaded at run time.
"""

from __future__ import annotations

from typing import Any

from rtorch.errors import RNotImplementedError
from rtorch.port.problems import PortError, Problem

Node = Any  # a tree_sitter.Node; kept loose so the module imports without it


def parse_r(source: str) -> Node:
    """Parse R source text into a syntax tree.

    R equivalent: ``parse(text = source)``.

    Args:
        source: R code.

    Returns:
        The root ``program`` node.

    Raises:
        RNotImplementedError: the optional parser is not installed.
        PortError: the code is not valid R (each syntax error with its position).

    Example:
        >>> parse_r("x <- 1").children[0].type
        'binary_operator'
    """
    parser = _parser()
    tree = parser.parse(source.encode("utf-8"))
    root = tree.root_node
    if root.has_error:
        raise PortError(_syntax_problems(root))
    return root


def text_of(node: Node) -> str:
    """The R source text of a node."""
    return node.text.decode("utf-8")


def position(node: Node) -> tuple[int, int]:
    """The 1-based (line, column) where a node starts."""
    return node.start_point.row + 1, node.start_point.column + 1


def field(node: Node, name: str) -> Node | None:
    """The child stored under a grammar field name, or None."""
    return node.child_by_field_name(name)


_PARSER: Any = None


def _parser() -> Any:
    global _PARSER
    if _PARSER is None:
        try:
            from tree_sitter_language_pack import get_parser
        except ImportError as error:
            raise RNotImplementedError(
                "rtorch port needs the R parser, which is an optional extra: "
                "pip install 'rtorch[port]'."
            ) from error
        _PARSER = get_parser("r")
    return _PARSER


def _syntax_problems(root: Node) -> list[Problem]:
    problems: list[Problem] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_missing:
            line, column = position(node)
            problems.append(
                Problem(line, column, node.type, "syntax error: something is missing")
            )
        elif node.type == "ERROR":
            line, column = position(node)
            snippet = text_of(node).splitlines()[0] if text_of(node) else ""
            problems.append(Problem(line, column, snippet, "syntax error"))
            continue
        stack.extend(reversed(node.children))
    return sorted(problems, key=lambda p: (p.line, p.column))
