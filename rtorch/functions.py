"""Namespace functions ``torch_*`` that the tensor basics need.

Each mirrors the R torch function of the same name and delegates to the
matching :class:`~rtorch.tensor.Tensor` method or PyTorch operator, so dims are
1-based and returned indices 1-based in one place only.

Example:
    >>> torch_sum(torch_ones(2, 3), dim=1).shape
    torch.Size([3])
"""

from __future__ import annotations

from typing import Any

import torch

from rtorch.dtypes import DType
from rtorch.errors import RValueError, call_torch
from rtorch.tensor import Tensor, as_tensor_arg, wrap

__all__ = [
    "torch_sum",
    "torch_mean",
    "torch_prod",
    "torch_max",
    "torch_min",
    "torch_argmax",
    "torch_argmin",
    "torch_std",
    "torch_var",
    "torch_cumsum",
    "torch_exp",
    "torch_log",
    "torch_sqrt",
    "torch_abs",
    "torch_equal",
    "torch_allclose",
    "torch_matmul",
    "torch_mm",
    "torch_dot",
    "torch_result_type",
    "torch_broadcast_shapes",
    "torch_complex",
    "torch_squeeze",
    "torch_unsqueeze",
    "torch_transpose",
    "torch_flatten",
    "torch_reshape",
    "torch_t",
]


def torch_sum(
    self: Any, dim: Any = None, keepdim: bool = False, dtype: Any = None
) -> Tensor:
    """Sum, over all elements or 1-based ``dim`` (R: ``torch_sum``)."""
    return _tensor(self).sum(dim=dim, keepdim=keepdim, dtype=dtype)


def torch_mean(
    self: Any, dim: Any = None, keepdim: bool = False, dtype: Any = None
) -> Tensor:
    """Mean, over all elements or 1-based ``dim`` (R: ``torch_mean``)."""
    return _tensor(self).mean(dim=dim, keepdim=keepdim, dtype=dtype)


def torch_prod(self: Any, dim: int | None = None, keepdim: bool = False) -> Tensor:
    """Product, over all elements or 1-based ``dim`` (R: ``torch_prod``)."""
    return _tensor(self).prod(dim=dim, keepdim=keepdim)


def torch_max(
    self: Any, dim: int | None = None, other: Any = None, keepdim: bool = False
) -> Any:
    """Maximum; along ``dim`` it returns ``(values, 1-based indices)``."""
    return _tensor(self).max(dim=dim, other=other, keepdim=keepdim)


def torch_min(
    self: Any, dim: int | None = None, other: Any = None, keepdim: bool = False
) -> Any:
    """Minimum; along ``dim`` it returns ``(values, 1-based indices)``."""
    return _tensor(self).min(dim=dim, other=other, keepdim=keepdim)


def torch_argmax(self: Any, dim: int | None = None, keepdim: bool = False) -> Tensor:
    """1-based position of the maximum (R: ``torch_argmax``)."""
    return _tensor(self).argmax(dim=dim, keepdim=keepdim)


def torch_argmin(self: Any, dim: int | None = None, keepdim: bool = False) -> Tensor:
    """1-based position of the minimum (R: ``torch_argmin``)."""
    return _tensor(self).argmin(dim=dim, keepdim=keepdim)


def torch_std(
    self: Any, dim: Any = None, unbiased: bool = True, keepdim: bool = False
) -> Tensor:
    """Sample standard deviation (R: ``torch_std``)."""
    return _tensor(self).std(dim=dim, unbiased=unbiased, keepdim=keepdim)


def torch_var(
    self: Any, dim: Any = None, unbiased: bool = True, keepdim: bool = False
) -> Tensor:
    """Sample variance (R: ``torch_var``)."""
    return _tensor(self).var(dim=dim, unbiased=unbiased, keepdim=keepdim)


def torch_cumsum(self: Any, dim: int, dtype: Any = None) -> Tensor:
    """Cumulative sum along 1-based ``dim`` (R: ``torch_cumsum``)."""
    return _tensor(self).cumsum(dim=dim, dtype=dtype)


def torch_squeeze(self: Any, dim: int | None = None) -> Tensor:
    """Drop size-1 dims (R: ``torch_squeeze``; ``dim`` 1-based)."""
    return _tensor(self).squeeze(dim)


def torch_unsqueeze(self: Any, dim: int) -> Tensor:
    """Insert a size-1 dim at 1-based ``dim`` (R: ``torch_unsqueeze``)."""
    return _tensor(self).unsqueeze(dim)


def torch_transpose(self: Any, dim0: int, dim1: int) -> Tensor:
    """Swap two 1-based dims (R: ``torch_transpose``)."""
    return _tensor(self).transpose(dim0, dim1)


def torch_flatten(
    self: Any, dims: Any = None, start_dim: int = 1, end_dim: int = -1
) -> Tensor:
    """Flatten 1-based ``start_dim..end_dim`` (R: ``torch_flatten``).

    As in R torch, the second positional argument is ``dims`` (named
    dimensions), so pass ``start_dim=`` by name.
    """
    if dims is not None:
        raise RValueError(
            "torch_flatten(): the second positional argument is dims (dimension "
            "names); write start_dim= and end_dim= by name."
        )
    return _tensor(self).flatten(start_dim, end_dim)


def torch_reshape(self: Any, shape: Any) -> Tensor:
    """Reshape to ``shape`` (R: ``torch_reshape``)."""
    return _tensor(self).reshape(shape)


def torch_t(self: Any) -> Tensor:
    """Transpose a matrix (R: ``torch_t``)."""
    return _tensor(self).t()


def torch_exp(self: Any) -> Tensor:
    """Exponential (R: ``torch_exp``)."""
    return wrap(torch.exp(as_tensor_arg(self)))


def torch_log(self: Any) -> Tensor:
    """Natural logarithm (R: ``torch_log``)."""
    return wrap(torch.log(as_tensor_arg(self)))


def torch_sqrt(self: Any) -> Tensor:
    """Square root (R: ``torch_sqrt``)."""
    return wrap(torch.sqrt(as_tensor_arg(self)))


def torch_abs(self: Any) -> Tensor:
    """Absolute value (R: ``torch_abs``)."""
    return wrap(torch.abs(as_tensor_arg(self)))


def torch_equal(self: Any, other: Any) -> bool:
    """Whether both tensors have the same shape and values (R: ``torch_equal``)."""
    return torch.equal(as_tensor_arg(self), as_tensor_arg(other))


def torch_allclose(
    self: Any,
    other: Any,
    rtol: float = 1e-5,
    atol: float = 1e-8,
    equal_nan: bool = False,
) -> bool:
    """Whether values agree within tolerances (R: ``torch_allclose``)."""
    return torch.allclose(
        as_tensor_arg(self), as_tensor_arg(other), rtol, atol, equal_nan
    )


def torch_matmul(self: Any, other: Any) -> Tensor:
    """Matrix product with broadcasting (R: ``torch_matmul``, ``%*%``)."""
    return wrap(call_torch(torch.matmul, as_tensor_arg(self), as_tensor_arg(other)))


def torch_mm(self: Any, mat2: Any) -> Tensor:
    """Product of two matrices (R: ``torch_mm``)."""
    return wrap(call_torch(torch.mm, as_tensor_arg(self), as_tensor_arg(mat2)))


def torch_dot(self: Any, tensor: Any) -> Tensor:
    """Dot product of two vectors (R: ``torch_dot``)."""
    return wrap(call_torch(torch.dot, as_tensor_arg(self), as_tensor_arg(tensor)))


def torch_result_type(tensor1: Any, tensor2: Any) -> DType:
    """The dtype an operation on both would give (R: ``torch_result_type``).

    Python numbers count as scalars, as R length-1 values do.
    """
    first = (
        tensor1
        if isinstance(tensor1, (int, float, bool, complex))
        else (as_tensor_arg(tensor1))
    )
    second = (
        tensor2
        if isinstance(tensor2, (int, float, bool, complex))
        else (as_tensor_arg(tensor2))
    )
    if not isinstance(first, torch.Tensor):
        first = torch.tensor(first)
    return DType(torch.result_type(first, second))


def torch_broadcast_shapes(*shapes: Any) -> torch.Size:
    """The broadcast shape of ``shapes`` (R: ``torch:::torch_broadcast_shapes``)."""
    sizes = [
        [int(s) for s in (shape if hasattr(shape, "__iter__") else [shape])]
        for shape in shapes
    ]
    return call_torch(torch.broadcast_shapes, *sizes)


def torch_complex(real: Any, imag: Any) -> Tensor:
    """A complex tensor from real and imaginary parts (R: ``torch_complex``)."""
    return wrap(torch.complex(_float_arg(real), _float_arg(imag)))


def _float_arg(value: Any) -> torch.Tensor:
    t = as_tensor_arg(value)
    return t if t.is_floating_point() else t.float()


def _tensor(x: Any) -> Tensor:
    return x if isinstance(x, Tensor) else wrap(as_tensor_arg(x))
