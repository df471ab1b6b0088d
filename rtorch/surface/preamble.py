"""The short names that the generated modules use, in one import.

Generated code is a straight line of calls; keeping the helpers' names short
and module-level (global lookups, no attribute access) keeps each call fast.
"""

from __future__ import annotations

from typing import Any

import torch

from rtorch.errors import RIndexError, RValueError
from rtorch.surface import convert
from rtorch.tensor import Tensor, wrap

__all__ = [
    "_ERRORS",
    "_FFT",
    "_LINALG",
    "_NESTED",
    "_NN",
    "_SPARSE",
    "_SPECIAL",
    "_T",
    "_TB",
    "_VF",
    "RIndexError",
    "RValueError",
    "_aten",
    "_bound",
    "_device",
    "_dims",
    "_dtype",
    "_fail",
    "_index",
    "_index_fast",
    "_indices",
    "_integer",
    "_integers",
    "_named",
    "_new",
    "_options",
    "_plain",
    "_position",
    "_result",
    "_rlist",
    "_slice_end",
    "_slice_start",
    "_start",
    "_tensor",
    "_tensor_list",
    "_tensor_or_scalar",
    "_wrap",
]

_T = Tensor
_wrap = wrap
_new = object.__new__
_ERRORS = convert.TORCH_ERRORS

_VF = torch._C._VariableFunctions
_LINALG = torch._C._linalg
_FFT = torch._C._fft
_SPECIAL = torch._C._special
_NN = torch._C._nn
_SPARSE = torch._C._sparse
_NESTED = torch._C._nested
_TB = torch._C.TensorBase

_tensor = convert.tensor
_tensor_or_scalar = convert.tensor_or_scalar
_tensor_list = convert.tensor_list
_integer = convert.integer
_integers = convert.integers
_dtype = convert.dtype
_device = convert.device
_plain = convert.plain
_dims = convert.dims
_index = convert.index
_index_fast = convert.index_fast
_indices = convert.index_list
_position = convert.position
_start = convert.start
_slice_start = convert.slice_start
_slice_end = convert.slice_end
_named = convert.named
_options = convert.options
_result = convert.result
_rlist = convert.rlist
_fail = convert.fail


def _bound(module: Any, name: str) -> Any:
    """PyTorch's binding ``module.name``, or a stand-in that explains its absence."""
    found = getattr(module, name, None)
    return found if found is not None else convert.missing_operator(name)


def _aten(name: str) -> Any:
    """The dispatcher operator ``torch.ops.aten.name`` (keywords as in ATen)."""
    try:
        return getattr(torch.ops.aten, name)
    except (AttributeError, RuntimeError):
        return convert.missing_operator(name)
