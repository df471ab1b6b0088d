"""The objects autograd hands back: undefined tensors, graph nodes, hook handles.

R torch equivalent: the undefined tensor that ``x$grad`` returns before any
backward, the autograd node in ``y$grad_fn`` (printed by its name, for example
``MeanBackward0``) and the ``torch_hook`` object that ``x$register_hook()``
returns.

:mod:`rtorch.tensor` imports this module, so it must not import
:mod:`rtorch.tensor` itself; it works on ``torch`` objects only.

Example:
    >>> x = torch_tensor(c(1.0, 2.0), requires_grad=True)
    >>> is_undefined_tensor(x.grad)
    True
    >>> (x * 2.0).sum().grad_fn
    SumBackward0
"""

from __future__ import annotations

from typing import Any, NoReturn

import torch

from rtorch._facade import TensorBase
from rtorch.errors import RRuntimeError, RTypeError
from rtorch.printing import format_undefined
from rtorch.values import RList

__all__ = [
    "UndefinedTensor",
    "UNDEFINED_TENSOR",
    "is_undefined_tensor",
    "AutogradNode",
    "TorchHook",
]


class UndefinedTensor(TensorBase):
    """A tensor with no storage, R torch's value of ``x$grad`` before backward.

    It prints as R torch prints it (``torch_tensor`` then
    ``[ Tensor (undefined) ]``). Its slot holds ``None``, which is PyTorch's
    spelling of an undefined tensor, so passing it where a tensor is optional
    (``x.grad = UNDEFINED_TENSOR``, a ``grad_tensors`` entry) means "none".
    Any computation with it raises :class:`~rtorch.errors.RRuntimeError`.

    Unlike PyTorch, ``x.grad is None`` is never true in rtorch; test with
    :func:`is_undefined_tensor`, as R code does.

    Example:
        >>> w = torch_tensor(c(3.0), requires_grad=True)
        >>> w.grad
        torch_tensor
        [ Tensor (undefined) ]
    """

    __slots__ = ()

    def __init__(self) -> None:
        self._t = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return format_undefined()

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    def print(self, n: int = 30) -> None:
        """Print as R torch does (R: ``print(x$grad)``)."""
        print(repr(self))

    @property
    def torch(self) -> None:
        """``None``: PyTorch's representation of an undefined tensor."""
        return None

    def __getattr__(self, name: str) -> NoReturn:
        if name.startswith("__"):
            raise AttributeError(name)
        _refuse(f"x.{name}")

    def __bool__(self) -> NoReturn:
        _refuse("bool(x)")

    def __len__(self) -> NoReturn:
        _refuse("len(x)")

    def __iter__(self) -> NoReturn:
        _refuse("iterating over x")

    def __float__(self) -> NoReturn:
        _refuse("float(x)")

    def __array__(self, dtype: Any = None, copy: bool | None = None) -> NoReturn:
        _refuse("converting x to an array")

    __hash__ = object.__hash__


# R torch rule: arithmetic with an undefined tensor is an error, not a no-op.
_REFUSED_OPERATORS = {
    "add": "+",
    "sub": "-",
    "mul": "*",
    "truediv": "/",
    "floordiv": "//",
    "mod": "%",
    "pow": "**",
    "matmul": "@",
    "radd": "+",
    "rsub": "-",
    "rmul": "*",
    "rtruediv": "/",
    "rfloordiv": "//",
    "rmod": "%",
    "rpow": "**",
    "rmatmul": "@",
    "neg": "unary -",
    "lt": "<",
    "le": "<=",
    "gt": ">",
    "ge": ">=",
}


def _refusing_operator(symbol: str) -> Any:
    def operator(self: UndefinedTensor, *other: Any) -> NoReturn:
        _refuse(f"the {symbol} operator")

    return operator


for _dunder, _symbol in _REFUSED_OPERATORS.items():
    setattr(UndefinedTensor, f"__{_dunder}__", _refusing_operator(_symbol))
del _dunder, _symbol

UNDEFINED_TENSOR = UndefinedTensor()


def is_undefined_tensor(x: Any) -> bool:
    """Whether ``x`` is an undefined tensor (R: ``is_undefined_tensor(x)``).

    Example:
        >>> p = torch_tensor(c(3.0), requires_grad=True)
        >>> before = is_undefined_tensor(p.grad)
        >>> (p ** 2.0).backward()
        >>> [before, is_undefined_tensor(p.grad)]
        [True, False]
    """
    if isinstance(x, TensorBase):
        return x._t is None
    if isinstance(x, torch.Tensor):
        return False
    raise RTypeError(f"is_undefined_tensor() takes a tensor, not {type(x).__name__}.")


class AutogradNode:
    """A node of the autograd graph (R: the value of ``y$grad_fn``).

    It prints as its name (``MulBackward0``), as R torch does.
    :attr:`next_functions` lists the nodes that feed it.

    Example:
        >>> p = torch_ones(2, 3, requires_grad=True)
        >>> node = p.sum().grad_fn
        >>> print(node)
        SumBackward0
        >>> node.next_functions
        [[1]]
        torch::autograd::AccumulateGrad
    """

    __slots__ = ("_node",)

    def __init__(self, node: Any) -> None:
        self._node = node

    @property
    def torch(self) -> Any:
        """The PyTorch node object (the way out)."""
        return self._node

    def name(self) -> str:
        """The node's name, for example ``"MeanBackward0"`` (R: ``$name()``)."""
        return self._node.name()

    @property
    def next_functions(self) -> RList:
        """The nodes this one passes gradients to, one per input of the op.

        R torch equivalent: ``y$grad_fn$next_functions``, a list of nodes. An
        input that needs no gradient (a constant operand) has ``None`` in its
        place, so positions match the operation's inputs.
        """
        return RList(
            None if node is None else AutogradNode(node)
            for node, _ in self._node.next_functions
        )

    def __repr__(self) -> str:
        return self._node.name()

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AutogradNode) and other._node is self._node

    def __hash__(self) -> int:
        return hash(self._node)


class TorchHook:
    """The handle ``x.register_hook(fn)`` returns (R: a ``torch_hook`` object).

    Example:
        >>> z = torch_tensor(2.0, requires_grad=True)
        >>> h = z.register_hook(lambda g: print("fired"))
        >>> h
        <torch_hook>
        >>> h.remove()
    """

    __slots__ = ("_handle",)

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def remove(self) -> None:
        """Stop the hook from firing again (R: ``h$remove()``)."""
        self._handle.remove()

    def __repr__(self) -> str:
        return "<torch_hook>"


def _refuse(what: str) -> NoReturn:
    raise RRuntimeError(
        f"{what}: x is an undefined tensor, which has no values (x.grad is "
        "undefined until a backward pass reaches x). Call backward() first, or "
        "test with is_undefined_tensor(x)."
    )
