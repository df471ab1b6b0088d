"""R torch's ``$`` methods on :class:`~rtorch.tensor.Tensor`, bound once at import.

Three sources, in order of precedence:

1. methods written in :mod:`rtorch.tensor` (fields, sizes, reductions);
2. the hand-written methods here, for R torch wrappers that are not a rule
   (``x$nonzero(as_list)``, ``x$bincount()``, ``x$scatter()`` with a number);
3. the generated methods of :mod:`rtorch.surface`, one per PyTorch operator
   with R torch's signature and 1-based dims, indices and positions.

An R torch method that none of them provides raises
:class:`~rtorch.errors.RNotImplementedError` naming it.

Example:
    >>> x = torch_tensor(c(3.0, 1.0, 2.0))
    >>> values, indices = x.sort()
    >>> as_array(indices)
    array([2, 3, 1])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch

from rtorch.dtypes import DType
from rtorch.errors import RNotImplementedError, call_torch
from rtorch.functions import torch_bincount, torch_nonzero
from rtorch.surface import convert
from rtorch.surface.exports import surface_methods
from rtorch.surface.generated_methods import R_METHODS
from rtorch.surface.roles import UNSUPPORTED
from rtorch.tensor import Tensor, wrap

__all__ = ["HookHandle", "bind_methods", "provided_methods"]

# Conversions to a dtype (R torch: x$float(), x$long() …); no schema of their own.
_DTYPE_SHORTCUTS = {
    "float": torch.float32,
    "double": torch.float64,
    "half": torch.float16,
    "bfloat16": torch.bfloat16,
    "bool": torch.bool,
    "byte": torch.uint8,
    "char": torch.int8,
    "short": torch.int16,
    "int": torch.int32,
    "long": torch.int64,
    "cfloat": torch.complex64,
    "cdouble": torch.complex128,
}


def bind_methods(cls: type[Tensor]) -> None:
    """Attach every R torch method that ``cls`` does not define itself.

    Hand-written methods come before generated ones; R torch methods that
    rtorch lacks become stubs raising :class:`RNotImplementedError`, and any
    other PyTorch method name raises it too (with the way to PyTorch).
    """
    for name, method in {**surface_methods(), **_HAND_WRITTEN}.items():
        if not _defined(cls, name):
            setattr(cls, name, method)
    for name, dtype in _DTYPE_SHORTCUTS.items():
        if not _defined(cls, name):
            setattr(cls, name, _dtype_method(name, dtype))
    for name in R_METHODS:
        if not _defined(cls, name):
            setattr(cls, name, _missing_method(name, UNSUPPORTED.get(name)))
    cls.__getattr__ = _unknown_attribute  # type: ignore[attr-defined]


def provided_methods(cls: type[Tensor]) -> dict[str, bool]:
    """For each R torch method name: whether ``cls`` provides it."""
    return {
        name: _defined(cls, name)
        and getattr(getattr(cls, name), "__rtorch_missing__", None) is None
        for name in R_METHODS
    }


# -- hand-written methods (R torch wrappers that are not a rule) -----------------


def _nonzero(self: Tensor, as_list: bool = False) -> Any:
    """1-based coordinates of non-zero elements (R: ``x$nonzero(as_list)``)."""
    return torch_nonzero(self, as_list)


def _nonzero_static(self: Tensor, size: int, fill_value: int = -1) -> Tensor:
    """``size`` rows of 1-based coordinates, padded with ``fill_value``.

    DECISIONS 1: the coordinates are 1-based; the padding keeps its value.
    """
    t = self._t
    out = convert.result(
        call_torch(torch.nonzero_static, t, size=int(size), fill_value=int(fill_value))
    )
    found = min(int(torch.count_nonzero(t)), int(size))
    out._t[:found] += 1
    return out


def _bincount(self: Tensor, weights: Any = None, minlength: int = 0) -> Tensor:
    """Count value v into bin v, 1-based (R: ``x$bincount()``)."""
    return torch_bincount(self, weights, minlength)


def _scatter(
    self: Tensor,
    dim: int,
    index: Any,
    src: Any = None,
    value: Any = None,
    reduce: str | None = None,
) -> Tensor:
    """Write ``src`` (a tensor or a number) at 1-based ``index`` along ``dim``.

    R torch equivalent: ``x$scatter(dim, index, src)``; a number as ``src``
    uses the value overload, as in R torch.
    """
    return wrap(
        _scatter_call(torch.Tensor.scatter, self, dim, index, src, value, reduce)
    )


def _scatter_(
    self: Tensor,
    dim: int,
    index: Any,
    src: Any = None,
    value: Any = None,
    reduce: str | None = None,
) -> Tensor:
    """In-place :meth:`scatter`; returns ``x`` itself."""
    _scatter_call(torch.Tensor.scatter_, self, dim, index, src, value, reduce)
    return self


def _scatter_call(
    fn: Callable[..., Any],
    self: Tensor,
    dim: int,
    index: Any,
    src: Any,
    value: Any,
    reduce: str | None,
) -> Any:
    source = convert.tensor_or_scalar(src if src is not None else value)
    kwargs = {} if reduce is None else {"reduce": reduce}
    target = convert.dims(dim)
    indices = convert.index_fast(index)
    try:
        if isinstance(source, torch.Tensor):
            return fn(self._t, target, indices, src=source, **kwargs)
        return fn(self._t, target, indices, value=source, **kwargs)
    except convert.TORCH_ERRORS as error:
        convert.fail(error, (index,))


def _has_names(self: Tensor) -> bool:
    """Whether any dimension is named: never, on PyTorch 2.13 (R: ``x$has_names()``)."""
    return self.names is not None


def _is_sparse_csr(self: Tensor) -> bool:
    """Whether the layout is sparse CSR (R: ``x$is_sparse_csr()``)."""
    return self._t.layout == torch.sparse_csr


def _is_quantized(self: Tensor) -> bool:
    """Whether the tensor is quantised (R: ``x$is_quantized()``)."""
    return self._t.is_quantized


def _has_storage(self: Tensor) -> bool:
    """Whether the tensor has storage (R: ``x$has_storage()``)."""
    try:
        self._t.untyped_storage()
    except (RuntimeError, NotImplementedError):
        return False
    return True


def _length(self: Tensor) -> int:
    """Number of elements (R: ``x$length()``)."""
    return self._t.numel()


def _backward(
    self: Tensor,
    gradient: Any = None,
    retain_graph: Any = None,
    create_graph: bool = False,
    inputs: Any = None,
) -> None:
    """Accumulate gradients into the leaves (R: ``x$backward()``)."""
    call_torch(
        self._t.backward,
        convert.tensor(gradient),
        retain_graph,
        create_graph,
        convert.tensor_list(inputs),
    )


def _set_grad_(self: Tensor, new_grad: Any) -> Tensor:
    """Replace the gradient in place; returns ``x`` itself (R: ``x$set_grad_()``)."""
    self._t.grad = None if new_grad is None else convert.tensor(new_grad)
    return self


def _register_hook(self: Tensor, hook: Callable[[Tensor], Any]) -> HookHandle:
    """Call ``hook(grad)`` during backward (R: ``x$register_hook()``).

    A tensor returned by the hook replaces the gradient; anything else leaves
    it unchanged, as in R torch.
    """

    def call(grad: torch.Tensor) -> torch.Tensor | None:
        out = hook(wrap(grad))
        return out._t if isinstance(out, Tensor) else None

    return HookHandle(self._t.register_hook(call))


class HookHandle:
    """What ``x$register_hook()`` returns; ``remove()`` detaches the hook."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def remove(self) -> None:
        """Stop calling the hook."""
        self._handle.remove()

    def __repr__(self) -> str:
        return "<torch_hook>"


_HAND_WRITTEN: dict[str, Callable[..., Any]] = {
    "nonzero": _nonzero,
    "nonzero_static": _nonzero_static,
    "bincount": _bincount,
    "scatter": _scatter,
    "scatter_": _scatter_,
    "has_names": _has_names,
    "is_sparse_csr": _is_sparse_csr,
    "is_quantized": _is_quantized,
    "has_storage": _has_storage,
    "length": _length,
    "backward": _backward,
    "register_hook": _register_hook,
    "set_grad_": _set_grad_,
}
for _name, _method in _HAND_WRITTEN.items():
    _method.__name__ = _method.__qualname__ = _name


# -- helpers -------------------------------------------------------------------


def _defined(cls: type, name: str) -> bool:
    return any(name in vars(klass) for klass in cls.__mro__ if klass is not object)


def _dtype_method(name: str, dtype: torch.dtype) -> Callable[..., Tensor]:
    def method(self: Tensor, memory_format: Any = None) -> Tensor:
        if memory_format is None:
            return wrap(self._t.to(dtype))
        return wrap(self._t.to(dtype, memory_format=memory_format))

    method.__name__ = method.__qualname__ = name
    method.__doc__ = f"Convert to {DType(dtype)!r} (R torch: ``x${name}()``)."
    return method


def _missing_method(name: str, reason: str | None) -> Callable[..., Any]:
    why = reason or "it has not been written yet"

    def method(self: Tensor, *args: Any, **kwargs: Any) -> Any:
        raise RNotImplementedError(
            f"x${name}() is not supported by rtorch yet: {why}. Use "
            f"x.torch.{name}(...) for PyTorch's own (0-based) version where it exists."
        )

    method.__name__ = method.__qualname__ = name
    method.__doc__ = f"Not supported yet (R torch ``x${name}()``): {why}."
    method.__rtorch_missing__ = why  # type: ignore[attr-defined]
    return method


def _unknown_attribute(self: Tensor, name: str) -> Any:
    if name.startswith("__") or not hasattr(torch.Tensor, name):
        raise AttributeError(
            f"rtorch Tensor has no attribute {name!r}; R torch has no such $ method."
        )
    raise RNotImplementedError(
        f"x.{name}() is not an R torch method, so rtorch does not offer it. "
        f"Use x.torch.{name}(...) for PyTorch's version."
    )
