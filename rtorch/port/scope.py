"""What the porter knows about R names while it walks a script.

R code does not say which values are tensors and which are plain R vectors,
but the difference decides the port: ``x[1]`` on a tensor is rtorch's 1-based
indexing, while on an R vector held in a Python list it would silently read
the second element, and ``v + 1`` on a Python list raises. The scope remembers
how each name was last assigned, so vector subsetting ports to ``elt()`` (or
is reported) and vector arithmetic ports element by element, instead of
being guessed.
"""

from __future__ import annotations

from enum import Enum

from rtorch.port.parse import Node, field, text_of

_ASSIGNMENTS = {"<-", "<<-", "=", ":="}
_RIGHT_ASSIGNMENTS = {"->", "->>"}


class Kind(Enum):
    """What a name holds, as far as the porter can tell."""

    UNKNOWN = "unknown"  # modules, results of unknown calls, maybe tensors
    SCALAR = "scalar"  # a length-one R value held as a Python number/bool/str
    VECTOR = "vector"  # a plain R vector held in a Python list or tuple
    ARRAY = "array"  # a plain R vector, matrix or array held in a NumPy array
    DICT = "dict"  # a named R list: a Python dict (or rtorch's NamedList)
    OBJECT = "object"  # a tensor, module or optimizer: `[["name"]]` is a field
    TENSOR = "tensor"  # surely an rtorch Tensor (rtorch's annotations say so)
    FRAME = "frame"  # an R data frame held in a pandas DataFrame
    COLUMN = "column"  # one column of a data frame: a pandas Series
    FUNCTION = "function"


# The kinds that hold plain R values (not tensors): R's own rules apply to them.
PLAIN_KINDS = frozenset({Kind.SCALAR, Kind.VECTOR, Kind.ARRAY})
# The kinds whose `[["name"]]` reads a field (R6 objects and tensors).
OBJECT_KINDS = frozenset({Kind.OBJECT, Kind.TENSOR})


class Scope:
    """The names of one R environment (the script, or one function body).

    Example:
        >>> top = Scope()
        >>> top.assign("v", Kind.VECTOR)
        >>> Scope(parent=top, is_function=True).kind("v")
        <Kind.VECTOR: 'vector'>
    """

    def __init__(self, parent: Scope | None = None, is_function: bool = False) -> None:
        self.parent = parent
        self.is_function = is_function
        self.has_dots = False
        self._kinds: dict[str, Kind] = {}

    def assign(self, name: str, kind: Kind) -> None:
        """Record that ``name`` now holds a value of ``kind``."""
        self._kinds[name] = kind

    def kind(self, name: str) -> Kind | None:
        """The kind of ``name`` here or in an enclosing scope; None if unseen."""
        scope: Scope | None = self
        while scope is not None:
            if name in scope._kinds:
                return scope._kinds[name]
            scope = scope.parent
        return None

    def defines(self, name: str) -> bool:
        """Whether ``name`` is assigned in this very scope."""
        return name in self._kinds


def assigned_names(root: Node) -> frozenset[str]:
    """Every name a script assigns anywhere (any scope), and its loop variables.

    A script may define a function called like an R torch one
    (``torch_helper <- function(x) ...``) after a function that calls it;
    such a name is the script's own, not one rtorch has to provide.

    Example:
        ``f <- function() torch_helper(1); torch_helper <- function(x) x``
        assigns ``{"f", "torch_helper"}``.
    """
    names: set[str] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        target = _assignment_target(node)
        if target is not None and target.type in ("identifier", "string"):
            names.add(text_of(target).strip("`\"'"))
    return frozenset(names)


def _assignment_target(node: Node) -> Node | None:
    if node.type == "for_statement":
        return field(node, "variable")
    if node.type != "binary_operator":
        return None
    operator = text_of(field(node, "operator"))
    if operator in _ASSIGNMENTS:
        return field(node, "lhs")
    if operator in _RIGHT_ASSIGNMENTS:
        return field(node, "rhs")
    return None
