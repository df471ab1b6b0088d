"""Max pooling whose indices are 1-based, and unpooling that reads them so.

R torch returns ``nnf_max_pool*d(return_indices = TRUE)`` indices 1-based and
``nnf_max_unpool*d`` expects them 1-based (semantics 6.1, 6.3); rtorch also
returns the adaptive and fractional max-pool indices 1-based (DECISIONS 1),
so every pooling result can be fed back to unpooling.

Example:
    >>> x = torch_tensor(c(1.0, 5.0, 2.0, 4.0)).view(c(1, 1, 4))
    >>> values, indices = nnf_max_pool1d(x, 2, return_indices=True)
    >>> as_array(indices)
    array([[[2, 4]]])
"""

from __future__ import annotations

from typing import Any

import torch.nn.functional as F

from rtorch.errors import call_torch
from rtorch.surface import convert
from rtorch.tensor import Tensor, wrap
from rtorch.values import RList

__all__ = [
    "nnf_adaptive_max_pool1d",
    "nnf_adaptive_max_pool2d",
    "nnf_adaptive_max_pool3d",
    "nnf_fractional_max_pool2d",
    "nnf_fractional_max_pool3d",
    "nnf_max_pool1d",
    "nnf_max_pool2d",
    "nnf_max_pool3d",
    "nnf_max_unpool1d",
    "nnf_max_unpool2d",
    "nnf_max_unpool3d",
]


def nnf_max_pool1d(
    input: Any,
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    dilation: Any = 1,
    ceil_mode: bool = False,
    return_indices: bool = False,
) -> Tensor | RList:
    """1-d max pooling (R: ``nnf_max_pool1d``); indices are 1-based."""
    return _pool(
        F.max_pool1d,
        input,
        kernel_size,
        stride,
        padding,
        dilation,
        ceil_mode,
        return_indices,
    )


def nnf_max_pool2d(
    input: Any,
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    dilation: Any = 1,
    ceil_mode: bool = False,
    return_indices: bool = False,
) -> Tensor | RList:
    """2-d max pooling (R: ``nnf_max_pool2d``); ``list(values, indices)`` 1-based."""
    return _pool(
        F.max_pool2d,
        input,
        kernel_size,
        stride,
        padding,
        dilation,
        ceil_mode,
        return_indices,
    )


def nnf_max_pool3d(
    input: Any,
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    dilation: Any = 1,
    ceil_mode: bool = False,
    return_indices: bool = False,
) -> Tensor | RList:
    """3-d max pooling (R: ``nnf_max_pool3d``); indices are 1-based."""
    return _pool(
        F.max_pool3d,
        input,
        kernel_size,
        stride,
        padding,
        dilation,
        ceil_mode,
        return_indices,
    )


def nnf_max_unpool1d(
    input: Any,
    indices: Any,
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    output_size: Any = None,
) -> Tensor:
    """Undo 1-d max pooling from 1-based ``indices`` (R: ``nnf_max_unpool1d``)."""
    return _unpool(
        F.max_unpool1d, input, indices, kernel_size, stride, padding, output_size
    )


def nnf_max_unpool2d(
    input: Any,
    indices: Any,
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    output_size: Any = None,
) -> Tensor:
    """Undo 2-d max pooling from 1-based ``indices`` (R: ``nnf_max_unpool2d``)."""
    return _unpool(
        F.max_unpool2d, input, indices, kernel_size, stride, padding, output_size
    )


def nnf_max_unpool3d(
    input: Any,
    indices: Any,
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    output_size: Any = None,
) -> Tensor:
    """Undo 3-d max pooling from 1-based ``indices`` (R: ``nnf_max_unpool3d``)."""
    return _unpool(
        F.max_unpool3d, input, indices, kernel_size, stride, padding, output_size
    )


def nnf_adaptive_max_pool1d(
    input: Any,
    output_size: Any,
    return_indices: bool = False,
) -> Tensor | RList:
    """Adaptive 1-d max pooling; indices 1-based (DECISIONS 1)."""
    return _adaptive(F.adaptive_max_pool1d, input, output_size, return_indices)


def nnf_adaptive_max_pool2d(
    input: Any,
    output_size: Any,
    return_indices: bool = False,
) -> Tensor | RList:
    """Adaptive 2-d max pooling; indices 1-based (DECISIONS 1)."""
    return _adaptive(F.adaptive_max_pool2d, input, output_size, return_indices)


def nnf_adaptive_max_pool3d(
    input: Any,
    output_size: Any,
    return_indices: bool = False,
) -> Tensor | RList:
    """Adaptive 3-d max pooling; indices 1-based (DECISIONS 1)."""
    return _adaptive(F.adaptive_max_pool3d, input, output_size, return_indices)


def nnf_fractional_max_pool2d(
    input: Any,
    kernel_size: Any,
    output_size: Any = None,
    output_ratio: Any = None,
    return_indices: bool = False,
    random_samples: Any = None,
) -> Tensor | RList:
    """Fractional 2-d max pooling; indices 1-based (DECISIONS 1)."""
    return _fractional(
        F.fractional_max_pool2d,
        input,
        kernel_size,
        output_size,
        output_ratio,
        return_indices,
        random_samples,
    )


def nnf_fractional_max_pool3d(
    input: Any,
    kernel_size: Any,
    output_size: Any = None,
    output_ratio: Any = None,
    return_indices: bool = False,
    random_samples: Any = None,
) -> Tensor | RList:
    """Fractional 3-d max pooling; indices 1-based (DECISIONS 1)."""
    return _fractional(
        F.fractional_max_pool3d,
        input,
        kernel_size,
        output_size,
        output_ratio,
        return_indices,
        random_samples,
    )


def _pool(
    fn: Any,
    input: Any,
    kernel_size: Any,
    stride: Any,
    padding: Any,
    dilation: Any,
    ceil_mode: bool,
    return_indices: bool,
) -> Tensor | RList:
    out = call_torch(
        fn,
        convert.tensor(input),
        convert.integers(kernel_size),
        convert.integers(stride),
        convert.integers(padding),
        convert.integers(dilation),
        ceil_mode=ceil_mode,
        return_indices=return_indices,
    )
    return _values_and_indices(out, return_indices)


def _adaptive(
    fn: Any,
    input: Any,
    output_size: Any,
    return_indices: bool,
) -> Tensor | RList:
    out = call_torch(
        fn, convert.tensor(input), convert.integers(output_size), return_indices
    )
    return _values_and_indices(out, return_indices)


def _fractional(
    fn: Any,
    input: Any,
    kernel_size: Any,
    output_size: Any,
    output_ratio: Any,
    return_indices: bool,
    random_samples: Any,
) -> Tensor | RList:
    out = call_torch(
        fn,
        convert.tensor(input),
        convert.integers(kernel_size),
        convert.integers(output_size),
        output_ratio,
        return_indices,
        convert.tensor(random_samples),
    )
    return _values_and_indices(out, return_indices)


def _unpool(
    fn: Any,
    input: Any,
    indices: Any,
    kernel_size: Any,
    stride: Any,
    padding: Any,
    output_size: Any,
) -> Tensor:
    # R torch rule (semantics 6.3): unpooling indices are 1-based.
    shifted = convert.index_fast(indices)
    try:
        out = fn(
            convert.tensor(input),
            shifted,
            convert.integers(kernel_size),
            convert.integers(stride),
            convert.integers(padding),
            convert.integers(output_size),
        )
    except convert.TORCH_ERRORS as error:
        convert.fail(error, (indices,))
    return wrap(out)


def _values_and_indices(out: Any, return_indices: bool) -> Tensor | RList:
    if not return_indices:
        return wrap(out)
    values, indices = out
    # DECISIONS 1: pooling indices are returned 1-based.
    return RList((wrap(values), wrap(indices + 1)))
