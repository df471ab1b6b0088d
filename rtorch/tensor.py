"""The tensor facade: R torch's ``$`` methods over one real ``torch.Tensor``.

R torch equivalent: the ``torch_tensor`` R7 class. ``x$view(c(2, 3))`` in R is
``x.view(c(2, 3))`` here; fields such as ``x$shape`` are properties.

A :class:`Tensor` holds its ``torch.Tensor`` in one slot and adds one Python
call per operation (measured at 1.1-1.3x raw PyTorch on 1-element tensors; a
``torch.Tensor`` subclass with ``__torch_function__`` measured 4.3-4.8x).

The way out and back:

    >>> x = torch_tensor(c(1.0, 2.0))
    >>> t = x.torch              # the real torch.Tensor, no copy
    >>> y = from_torch(t * 2)    # wrap a torch.Tensor, no copy

Python numbers on either side of an operator act as PyTorch's weak scalars.
This differs deliberately from R torch, which turns a left-hand R number into a
float32 tensor of shape (1): there ``0.1 + x`` rounds 0.1 through float32 for a
float64 ``x`` and can differ from ``x + 0.1`` (see "Differences from R torch").
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable
from typing import Any, NoReturn

import numpy as np
import torch

from rtorch._facade import TensorBase
from rtorch.autograd_objects import (
    UNDEFINED_TENSOR,
    AutogradNode,
    TorchHook,
    UndefinedTensor,
)
from rtorch.conversion import to_torch
from rtorch.devices import Device, as_torch_device
from rtorch.dims import one_based_dim, one_based_dims
from rtorch.dtypes import DType, as_torch_dtype
from rtorch.errors import (
    RRuntimeError,
    RTypeError,
    RValueError,
    call_torch,
    translate_torch_error,
)
from rtorch.indexing import getitem, setitem
from rtorch.printing import format_tensor
from rtorch.values import NA

__all__ = ["Tensor", "wrap", "from_torch", "as_tensor_arg", "tensor_list"]


class Tensor(TensorBase):
    """An R torch tensor: R torch's ``$`` methods over a real ``torch.Tensor``.

    Create one with :func:`rtorch.torch_tensor` or a factory such as
    :func:`rtorch.torch_zeros`; wrap an existing ``torch.Tensor`` with
    :func:`from_torch`.
    """

    __slots__ = ()

    # -- fields (R torch active bindings) ---------------------------------------

    @property
    def torch(self) -> torch.Tensor:
        """The underlying ``torch.Tensor`` (shares memory; the way out)."""
        return self._t

    @property
    def shape(self) -> torch.Size:
        """The extents (R: ``x$shape``); ``()`` for a 0-d tensor."""
        return self._t.shape

    @property
    def dtype(self) -> DType:
        """The dtype object (R: ``x$dtype``), e.g. ``torch_Float``."""
        return DType(self._t.dtype)

    @property
    def device(self) -> Device:
        """The device object (R: ``x$device``)."""
        return Device(self._t.device)

    @property
    def ndim(self) -> int:
        """Number of dimensions (R: ``x$ndim``)."""
        return self._t.dim()

    @property
    def is_cuda(self) -> bool:
        """Whether the tensor lives on a CUDA device (a field in R torch)."""
        return self._t.is_cuda

    @property
    def is_leaf(self) -> bool:
        """Whether the tensor is an autograd leaf (R: ``x$is_leaf``)."""
        return self._t.is_leaf

    @property
    def requires_grad(self) -> bool:
        """Whether gradients are recorded (R: ``x$requires_grad``, assignable)."""
        return self._t.requires_grad

    @requires_grad.setter
    def requires_grad(self, value: bool) -> None:
        self.requires_grad_(value)

    @property
    def grad(self) -> Tensor | UndefinedTensor:
        """The accumulated gradient; an undefined tensor before any backward.

        R torch equivalent: ``x$grad``. As in R torch the unset gradient is an
        undefined tensor, not ``None``: test it with ``is_undefined_tensor()``.
        Assignable (``x.grad = x.grad / 2.0``).

        Example:
            >>> w = torch_tensor(c(3.0), requires_grad=True)
            >>> (w ** 2.0).backward()
            >>> w.grad.item()
            6.0
        """
        grad = self._t.grad
        if grad is None:
            return UNDEFINED_TENSOR
        out = _new(Tensor)
        out._t = grad
        return out

    @grad.setter
    def grad(self, value: Tensor | UndefinedTensor | None) -> None:
        gradient = None if value is None else as_tensor_arg(value)
        call_torch(setattr, self._t, "grad", gradient)

    @property
    def grad_fn(self) -> AutogradNode | None:
        """The node that made this tensor (prints e.g. ``MulBackward0``).

        R torch equivalent: ``y$grad_fn``; ``None`` (R ``NULL``) for leaves and
        for tensors without autograd history.
        """
        node = self._t.grad_fn
        if node is None:
            return None
        out = _new(AutogradNode)
        out._node = node
        return out

    @property
    def names(self) -> tuple[str | None, ...] | None:
        """Dimension names, or ``None`` when no dimension is named."""
        # PyTorch 2.13 removed named tensors; then no dimension has a name.
        names = getattr(self._t, "names", None)
        if names is None or all(n is None for n in names):
            return None
        return tuple(names)

    @property
    def real(self) -> Tensor:
        """The real part (R: ``x$real``)."""
        return wrap(self._t.real)

    @property
    def imag(self) -> Tensor:
        """The imaginary part (R: ``x$imag``)."""
        return wrap(self._t.imag)

    # -- size and layout (R torch section 9) ------------------------------------

    def numel(self) -> int:
        """Number of elements (R: ``x$numel()``, ``length(x)``)."""
        return self._t.numel()

    def dim(self) -> int:
        """Number of dimensions (R: ``x$dim()``)."""
        return self._t.dim()

    def size(self, dim: int | None = None) -> Any:
        """All extents, or the extent of 1-based ``dim`` (R: ``x$size(dim)``).

        Example:
            >>> torch_zeros(2, 5).size(2)
            5
        """
        if dim is None:
            return self._t.shape
        # R torch rule: $size(dim) is 1-based and has its own message for 0.
        return self._t.size(one_based_dim(dim, "Indexing starts at 1 and got a 0."))

    def stride(self, dim: int | None = None) -> Any:
        """All strides, or the stride of 1-based ``dim`` (R: ``x$stride(dim)``)."""
        if dim is None:
            return self._t.stride()
        return self._t.stride(one_based_dim(dim, "Indexing starts at 1 and got a 0."))

    def element_size(self) -> int:
        """Bytes per element (R: ``x$element_size()``)."""
        return self._t.element_size()

    def is_contiguous(self) -> bool:
        """Whether memory is row-major contiguous (R: ``x$is_contiguous()``)."""
        return self._t.is_contiguous()

    def is_floating_point(self) -> bool:
        """Whether the dtype is floating (a method on tensors, as in R torch)."""
        return self._t.is_floating_point()

    def is_complex(self) -> bool:
        """Whether the dtype is complex (R: ``x$is_complex()``)."""
        return self._t.is_complex()

    def is_sparse(self) -> bool:
        """Whether the layout is sparse COO (R: ``x$is_sparse()``)."""
        return self._t.is_sparse

    def storage(self) -> Storage:
        """The storage (R: ``x$storage()``); ``.data_ptr()`` gives a string."""
        return Storage(self._t)

    def item(self) -> Any:
        """The single value as a Python ``float``, ``int``, ``bool`` or ``complex``.

        R torch equivalent: ``x$item()`` (double, integer or logical).
        """
        return call_torch(self._t.item)

    def view(self, size: Any, *more: int) -> Tensor:
        """A view with new extents (R: ``x$view(c(2, 3))``; -1 infers one)."""
        return wrap(call_torch(self._t.view, _size_arg(size, more)))

    def reshape(self, shape: Any, *more: int) -> Tensor:
        """Like :meth:`view`, copying when the layout requires it."""
        return wrap(call_torch(self._t.reshape, _size_arg(shape, more)))

    def view_as(self, other: Tensor) -> Tensor:
        """A view with ``other``'s shape (R: ``x$view_as(other)``)."""
        return wrap(self._t.view_as(other._t))

    def t(self) -> Tensor:
        """Transpose a matrix (R: ``x$t()``)."""
        return wrap(self._t.t())

    def squeeze(self, dim: int | None = None) -> Tensor:
        """Drop size-1 dims, or only 1-based ``dim`` (R: ``x$squeeze(dim)``)."""
        if dim is None:
            return wrap(self._t.squeeze())
        return wrap(call_torch(self._t.squeeze, one_based_dims(dim)))

    def unsqueeze(self, dim: int) -> Tensor:
        """Insert a size-1 dim at 1-based ``dim`` (R: ``x$unsqueeze(dim)``)."""
        return wrap(call_torch(self._t.unsqueeze, one_based_dim(dim)))

    def permute(self, dims: Any, *more: int) -> Tensor:
        """Reorder dims, given 1-based (R: ``x$permute(c(2, 1))``)."""
        return wrap(call_torch(self._t.permute, one_based_dims(_size_arg(dims, more))))

    def transpose(self, dim0: int, dim1: int) -> Tensor:
        """Swap two 1-based dims (R: ``x$transpose(dim0, dim1)``)."""
        return wrap(
            call_torch(self._t.transpose, one_based_dim(dim0), one_based_dim(dim1))
        )

    def flatten(self, start_dim: int = 1, end_dim: int = -1) -> Tensor:
        """Flatten 1-based ``start_dim..end_dim`` (R: ``x$flatten(...)``)."""
        return wrap(
            call_torch(
                self._t.flatten, one_based_dim(start_dim), one_based_dim(end_dim)
            )
        )

    def contiguous(self) -> Tensor:
        """A row-major contiguous tensor (the same one when already so)."""
        t = self._t
        return self if t.is_contiguous() else wrap(t.contiguous())

    def clone(self) -> Tensor:
        """A copy with its own storage (R: ``x$clone()``)."""
        return wrap(self._t.clone())

    def detach(self) -> Tensor:
        """A tensor sharing storage but outside autograd (R: ``x$detach()``)."""
        return wrap(self._t.detach())

    # -- autograd (R torch section 11) ---------------------------------------------

    def backward(
        self,
        gradient: Any = None,
        retain_graph: bool | None = None,
        create_graph: bool = False,
        inputs: Any = None,
    ) -> None:
        """Accumulate this tensor's gradient into the leaves' ``grad``.

        R torch equivalent: ``y$backward(gradient, retain_graph, create_graph,
        inputs)``, which returns invisibly. A tensor with more than one element
        needs ``gradient`` (same shape). The graph is freed afterwards unless
        ``retain_graph=True`` (default: ``create_graph``, as in R torch); a
        second backward through a freed graph fails.

        Example:
            >>> w = torch_tensor(c(3.0), requires_grad=True)
            >>> (w ** 2.0).backward()
            >>> w.grad.item()
            6.0
        """
        if retain_graph is None:
            retain_graph = create_graph  # R torch rule: retain_graph = create_graph
        call_torch(
            self._t.backward,
            None if gradient is None else as_tensor_arg(gradient),
            retain_graph,
            create_graph,
            inputs=None if inputs is None else tensor_list(inputs),
        )

    def retain_grad(self) -> None:
        """Keep ``grad`` for this non-leaf tensor too (R: ``x$retain_grad()``)."""
        call_torch(self._t.retain_grad)

    def detach_(self) -> Tensor:
        """Detach from the graph in place; returns ``x`` itself (R: ``x$detach_()``)."""
        call_torch(self._t.detach_)
        return self

    def register_hook(self, hook: Callable[[Tensor], Any]) -> TorchHook:
        """Call ``hook(grad)`` whenever this tensor's gradient is computed.

        R torch equivalent: ``x$register_hook(function(grad) ...)``. A tensor
        returned by ``hook`` replaces the gradient; any other value leaves it
        unchanged. Hooks on later tensors of the graph fire first.

        Example:
            >>> v = torch_tensor(c(1.0, 2.0), requires_grad=True)
            >>> h = v.register_hook(lambda g: g * 10.0)
            >>> (v * 3.0).sum().backward()
            >>> as_array(v.grad)
            array([30., 30.])
        """
        if not callable(hook):
            raise RTypeError(
                f"register_hook() takes a function of the gradient, not "
                f"{type(hook).__name__}."
            )
        return TorchHook(call_torch(self._t.register_hook, _gradient_hook(hook)))

    # -- dtype and device --------------------------------------------------------

    def to(
        self,
        dtype: Any = None,
        device: Any = None,
        other: Tensor | None = None,
        non_blocking: bool = False,
        copy: bool = False,
    ) -> Tensor:
        """Convert dtype and/or device (R: ``x$to(dtype = , device = )``).

        The first positional argument is the dtype, as in R torch; dtypes and
        devices may be strings (``x.to(dtype="double", device="cuda")``).
        """
        if other is not None:
            if dtype is not None or device is not None:
                raise RValueError(
                    "x.to(other=y) takes y's dtype and device; do not also give "
                    "dtype or device."
                )
            return wrap(
                call_torch(self._t.to, other._t, non_blocking=non_blocking, copy=copy)
            )
        if isinstance(dtype, (Device, torch.device)) and device is None:
            dtype, device = None, dtype
        return wrap(
            call_torch(
                self._t.to,
                device=None if device is None else as_torch_device(device),
                dtype=as_torch_dtype(dtype),
                non_blocking=non_blocking,
                copy=copy,
            )
        )

    def cuda(self, device: Any = None, non_blocking: bool = False) -> Tensor:
        """Move to a CUDA device (R: ``x$cuda()``)."""
        target = torch.device("cuda") if device is None else as_torch_device(device)
        if target.type != "cuda":
            raise RValueError(f"You must pass a cuda device, not {device!r}.")
        return wrap(call_torch(self._t.to, target, non_blocking=non_blocking))

    def cpu(self) -> Tensor:
        """Move to the CPU (R: ``x$cpu()``)."""
        return wrap(self._t.cpu())

    def type_as(self, other: Tensor) -> Tensor:
        """Convert to ``other``'s dtype (R: ``x$type_as(y)``)."""
        return wrap(self._t.type_as(other._t))

    # -- reductions with 1-based dims ---------------------------------------------
    # sum, mean, prod, max, min, argmax, argmin, std, var, all, any, cumsum and
    # cumprod are generated from R torch's signatures (rtorch.surface) and bound
    # by rtorch.methods.bind_methods.

    # -- in-place helpers that return the same object -----------------------------

    def requires_grad_(self, requires_grad: bool = True) -> Tensor:
        """Turn gradient recording on or off in place; returns ``x`` itself.

        Only floating point and complex tensors can require gradients.
        """
        call_torch(self._t.requires_grad_, bool(requires_grad))
        return self

    def zero_(self) -> Tensor:
        """Fill with zeros in place; returns ``x`` itself (R: ``x$zero_()``)."""
        self._t.zero_()
        return self

    def fill_(self, value: Any) -> Tensor:
        """Fill with ``value`` in place; returns ``x`` itself."""
        self._t.fill_(_operand(value))
        return self

    def copy_(self, src: Any, non_blocking: bool = False) -> Tensor:
        """Copy ``src``'s values in place; returns ``x`` itself."""
        self._t.copy_(as_tensor_arg(src), non_blocking=non_blocking)
        return self

    # -- printing ------------------------------------------------------------------

    def print(self, n: int = 30) -> None:
        """Print as R torch does, keeping ``n`` lines (``n=-1``: all)."""
        print(self._format(n))

    def __repr__(self) -> str:
        return self._format(30)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(self._format(30))

    def _format(self, n: int) -> str:
        return format_tensor(self._t, n)

    # -- indexing (R torch section 4) -------------------------------------------

    def __getitem__(self, key: Any) -> Tensor:
        """R torch's ``x[...]``: 1-based, inclusive ``a:b``, orthogonal vectors."""
        out = _new(Tensor)
        out._t = getitem(self._t, key)
        return out

    def __setitem__(self, key: Any, value: Any) -> None:
        """R torch's ``x[...] <- value``, in place."""
        setitem(self._t, key, value)

    @property
    def nodrop(self) -> NoDrop:
        """Index with ``drop = FALSE``: ``x.nodrop[1, :]`` keeps dim 1."""
        return NoDrop(self._t)

    # -- Python protocols ------------------------------------------------------

    def __len__(self) -> int:
        # Python protocol: the first extent, as for torch.Tensor. R's length()
        # (the number of elements) is rtorch.length(x).
        return len(self._t)

    def __iter__(self) -> Any:
        return (wrap(row) for row in self._t)

    def __bool__(self) -> bool:
        return bool(self._t)

    def __float__(self) -> float:
        return float(self._t)

    def __int__(self) -> int:
        return int(self._t)

    def __array__(self, dtype: Any = None, copy: bool | None = None) -> np.ndarray:
        values = self._t.detach().cpu().numpy()
        return values if dtype is None else values.astype(dtype)

    __hash__ = object.__hash__

    # NumPy defers to our reflected operators (np.float64(2) * x stays a Tensor).
    __array_ufunc__ = None

    def __round__(self, ndigits: int | None = None) -> Tensor:
        return wrap(torch.round(self._t, decimals=ndigits or 0))

    # -- operators (R torch section 12) --------------------------------------------

    def __add__(self, other: Any) -> Tensor:
        out = _new(Tensor)
        try:
            out._t = self._t + (other._t if type(other) is Tensor else _operand(other))
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __radd__(self, other: Any) -> Tensor:
        out = _new(Tensor)
        try:
            out._t = _operand(other) + self._t
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __sub__(self, other: Any) -> Tensor:
        out = _new(Tensor)
        try:
            out._t = self._t - (other._t if type(other) is Tensor else _operand(other))
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __rsub__(self, other: Any) -> Tensor:
        out = _new(Tensor)
        try:
            out._t = _operand(other) - self._t
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __mul__(self, other: Any) -> Tensor:
        out = _new(Tensor)
        try:
            out._t = self._t * (other._t if type(other) is Tensor else _operand(other))
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __rmul__(self, other: Any) -> Tensor:
        out = _new(Tensor)
        try:
            out._t = _operand(other) * self._t
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __truediv__(self, other: Any) -> Tensor:
        out = _new(Tensor)
        try:
            out._t = self._t / (other._t if type(other) is Tensor else _operand(other))
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __rtruediv__(self, other: Any) -> Tensor:
        out = _new(Tensor)
        try:
            out._t = _operand(other) / self._t
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __pow__(self, other: Any) -> Tensor:
        out = _new(Tensor)
        try:
            out._t = self._t ** _operand(other)
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __rpow__(self, other: Any) -> Tensor:
        out = _new(Tensor)
        try:
            out._t = torch.pow(_operand(other), self._t)
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __mod__(self, other: Any) -> Tensor:
        # R torch rule: %% is torch_fmod (the sign follows the dividend).
        out = _new(Tensor)
        try:
            out._t = torch.fmod(self._t, _operand(other))
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __rmod__(self, other: Any) -> Tensor:
        out = _new(Tensor)
        try:
            out._t = torch.fmod(_as_left_tensor(other, self._t), self._t)
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __floordiv__(self, other: Any) -> Tensor:
        # R torch rule: %/% truncates toward zero (-5 %/% 2 is -2).
        out = _new(Tensor)
        try:
            out._t = torch.div(self._t, _operand(other), rounding_mode="trunc")
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __rfloordiv__(self, other: Any) -> Tensor:
        left = _as_left_tensor(other, self._t)
        return wrap(torch.div(left, self._t, rounding_mode="trunc"))

    def __matmul__(self, other: Any) -> Tensor:
        out = _new(Tensor)
        try:
            out._t = call_torch(torch.matmul, self._t, as_tensor_arg(other))
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __rmatmul__(self, other: Any) -> Tensor:
        out = _new(Tensor)
        try:
            out._t = call_torch(torch.matmul, as_tensor_arg(other), self._t)
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __neg__(self) -> Tensor:
        if self._t.dtype == torch.bool:
            raise RTypeError(
                "Subtraction, the `-` operator, with two bool tensors is not "
                "supported. Use the `^` or `logical_xor()` operator instead."
            )
        return wrap(-self._t)

    def __pos__(self) -> Tensor:
        return wrap(+self._t)

    def __abs__(self) -> Tensor:
        return wrap(self._t.abs())

    def __invert__(self) -> Tensor:
        # R torch rule: `!x` is logical_not; any non-zero value counts as TRUE.
        return wrap(torch.logical_not(self._t))

    def __and__(self, other: Any) -> Tensor:
        # R torch rule: `&` is logical_and; the result is bool.
        out = _new(Tensor)
        try:
            out._t = torch.logical_and(self._t, _as_left_tensor(other, self._t))
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    __rand__ = __and__

    def __or__(self, other: Any) -> Tensor:
        # R torch rule: `|` is logical_or; the result is bool.
        out = _new(Tensor)
        try:
            out._t = torch.logical_or(self._t, _as_left_tensor(other, self._t))
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    __ror__ = __or__

    def __eq__(self, other: Any) -> Tensor:  # type: ignore[override]
        out = _new(Tensor)
        try:
            out._t = self._t == _operand(other)
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __ne__(self, other: Any) -> Tensor:  # type: ignore[override]
        out = _new(Tensor)
        try:
            out._t = self._t != _operand(other)
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __lt__(self, other: Any) -> Tensor:
        out = _new(Tensor)
        try:
            out._t = self._t < _operand(other)
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __le__(self, other: Any) -> Tensor:
        out = _new(Tensor)
        try:
            out._t = self._t <= _operand(other)
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __gt__(self, other: Any) -> Tensor:
        out = _new(Tensor)
        try:
            out._t = self._t > _operand(other)
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out

    def __ge__(self, other: Any) -> Tensor:
        out = _new(Tensor)
        try:
            out._t = self._t >= _operand(other)
        except RuntimeError as error:
            _operator_error(error, self, other)
        return out


class NoDrop:
    """What ``x.nodrop`` returns: ``[...]`` with R torch's ``drop = FALSE``."""

    __slots__ = ("_t",)

    def __init__(self, t: torch.Tensor) -> None:
        self._t = t

    def __getitem__(self, key: Any) -> Tensor:
        out = _new(Tensor)
        out._t = getitem(self._t, key, drop=False)
        return out

    def __setitem__(self, key: Any, value: Any) -> None:
        # drop only shapes what a read returns; assignment is the same.
        setitem(self._t, key, value)


class Storage:
    """A tensor's storage (R: ``x$storage()``)."""

    __slots__ = ("_t",)

    def __init__(self, t: torch.Tensor) -> None:
        self._t = t

    def data_ptr(self) -> str:
        """The storage address as a string, as R torch returns it."""
        return str(self._t.untyped_storage().data_ptr())


def wrap(t: torch.Tensor) -> Tensor:
    """Wrap a ``torch.Tensor`` as an rtorch :class:`Tensor` without copying."""
    out = _new(Tensor)
    out._t = t
    return out


def from_torch(t: torch.Tensor) -> Tensor:
    """Wrap a ``torch.Tensor`` (no copy): the way back from plain PyTorch.

    Example:
        >>> from_torch(torch.arange(3)).shape
        torch.Size([3])
    """
    if not isinstance(t, torch.Tensor):
        raise RTypeError(
            f"from_torch() takes a torch.Tensor, not {type(t).__name__}; use "
            "torch_tensor() for R values."
        )
    return wrap(t)


def as_tensor_arg(value: Any) -> torch.Tensor:
    """A tensor argument as a ``torch.Tensor`` (R vectors by R's rules)."""
    if isinstance(value, TensorBase):
        return value._t
    if isinstance(value, torch.Tensor):
        return value
    return to_torch(value)


_new = object.__new__


def tensor_list(values: Any) -> list[torch.Tensor]:
    """One tensor or a list of tensors as a list of ``torch.Tensor``."""
    if isinstance(values, (TensorBase, torch.Tensor)):
        values = [values]
    return [as_tensor_arg(value) for value in values]


def _gradient_hook(hook: Callable[[Tensor], Any]) -> Callable[..., Any]:
    """Adapt a hook on rtorch tensors to PyTorch's hook on ``torch.Tensor``."""

    def on_gradient(grad: torch.Tensor) -> torch.Tensor | None:
        # Errors raised inside the hook get the same 1-based rewrites.
        result = call_torch(hook, wrap(grad))
        # R torch rule: only a tensor result replaces the gradient.
        if isinstance(result, TensorBase):
            return result._t
        return result if isinstance(result, torch.Tensor) else None

    return on_gradient


def _operand(value: Any) -> Any:
    """An operand for a torch operator: unwrap tensors, convert R vectors."""
    if isinstance(value, TensorBase):
        return value._t
    if value is NA:
        # R: NA in arithmetic gives NA, which a tensor holds as NaN.
        return math.nan
    if isinstance(value, (numbers.Number, torch.Tensor)):
        return value
    if isinstance(value, (list, tuple, np.ndarray)) or type(
        value
    ).__module__.startswith("pandas"):
        # R torch rule: an R vector operand is converted with torch_tensor().
        return to_torch(value)
    return value


def _as_left_tensor(value: Any, like: torch.Tensor) -> torch.Tensor:
    """A non-tensor operand as a 0-d tensor (weak in promotion) on ``like``'s device."""
    operand = _operand(value)
    if isinstance(operand, torch.Tensor):
        return operand
    return torch.tensor(operand, device=like.device)


def _size_arg(size: Any, more: tuple[int, ...]) -> list[int]:
    """Sizes as one vector (R style) or separate integers (Python style)."""
    if more:
        return [size, *more]
    if isinstance(size, numbers.Integral):
        return [int(size)]
    return [int(s) for s in size]


# DECISIONS 4 extended: the broadcast dimension is reported 1-based too.
_BROADCAST_DIM = re.compile(r"at non-singleton dimension (\d+)")


def _operator_error(error: RuntimeError, x: Tensor, other: Any) -> NoReturn:
    """Re-raise a failed operator, naming both shapes when broadcasting failed."""
    message = _BROADCAST_DIM.sub(
        lambda m: f"at non-singleton dimension {int(m.group(1)) + 1}", str(error)
    )
    if "must match the size of tensor b" in message:
        other_shape = tuple(getattr(_operand(other), "shape", ()))
        raise RRuntimeError(
            f"{message}. Shapes {tuple(x.shape)} and {other_shape} cannot be "
            "broadcast: aligned from the last dimension, sizes must be equal or "
            "1 (there is no R-style recycling)."
        ) from None
    translate_torch_error(error)
