"""Argument and result conversions that the generated surface calls.

Each function applies one rule of R torch's calling model (semantics 1.3,
5 and 6) to one value, so a generated function is a straight line of these
calls around one PyTorch operator. The common cases (an rtorch tensor, a
positive ``int`` dim) are inlined by the generator; these functions handle
everything else.

Example:
    >>> dims(c(1, 3)), position(-1), slice_end(-1)
    ([0, 2], -1, None)
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Sequence
from typing import Any, NoReturn

import numpy as np
import torch

from rtorch._facade import TensorBase
from rtorch.conversion import to_torch
from rtorch.devices import Device, as_torch_device
from rtorch.dims import ZERO_DIM_MESSAGE
from rtorch.dtypes import DType, as_torch_dtype
from rtorch.errors import (
    RIndexError,
    RNotImplementedError,
    RTypeError,
    RValueError,
    translate_torch_error,
)
from rtorch.tensor import Tensor, wrap
from rtorch.values import RList

__all__ = [
    "TORCH_ERRORS",
    "device",
    "dims",
    "dtype",
    "fail",
    "index",
    "index_fast",
    "index_list",
    "index_result",
    "integer",
    "integers",
    "missing_operator",
    "named",
    "options",
    "plain",
    "position",
    "result",
    "rlist",
    "slice_end",
    "slice_start",
    "start",
    "tensor",
    "tensor_list",
    "tensor_or_scalar",
]

TORCH_ERRORS = (RuntimeError, IndexError, ValueError, TypeError)

_Tensor = Tensor
_TorchTensor = torch.Tensor


# -- tensors and values -------------------------------------------------------


def tensor(value: Any) -> torch.Tensor | None:
    """A tensor argument; R values convert by ``torch_tensor()``'s rules."""
    if isinstance(value, TensorBase):
        return value._t
    if value is None or isinstance(value, _TorchTensor):
        return value
    # R torch rule (semantics 1.3): an R value where a tensor is expected is
    # converted with torch_tensor(), so R doubles become float32.
    return to_torch(value)


def tensor_or_scalar(value: Any) -> Any:
    """A tensor-or-number argument: numbers stay scalars, vectors become tensors.

    R torch rule (semantics 1.3): a length-1 numeric or logical is a Scalar;
    any other vector becomes a tensor.
    """
    if isinstance(value, TensorBase):
        return value._t
    if value is None or isinstance(value, (_TorchTensor, numbers.Number)):
        return value
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (list, tuple)) and len(value) == 1:
        only = value[0]
        if isinstance(only, numbers.Number) and not isinstance(only, TensorBase):
            return only
    return to_torch(value)


def tensor_list(values: Any) -> list[Any] | None:
    """A list of tensors (R: ``list(x, y)``); ``None`` entries stay ``None``."""
    if values is None:
        return None
    if isinstance(values, (TensorBase, _TorchTensor)):
        values = [values]
    return [tensor(v) for v in values]


def integer(value: Any) -> Any:
    """An integer argument; R doubles that are whole numbers are accepted."""
    if value is None or type(value) is int:
        return value
    if isinstance(value, bool):
        return value
    if isinstance(value, TensorBase):
        value = value._t
    if isinstance(value, _TorchTensor):
        if value.numel() != 1 or value.is_floating_point() and not _whole(value.item()):
            raise RValueError(
                "expected one whole number, got a tensor of shape "
                f"{tuple(value.shape)}."
            )
        return int(value.item())
    if isinstance(value, (list, tuple)) and len(value) == 1:
        return integer(value[0])
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real) and _whole(value):
        return int(value)
    return value


def integers(values: Any) -> Any:
    """An integer vector argument such as a size: ``c(2, 3)``, ``2``, a Size."""
    if values is None or type(values) is int:
        return values
    if isinstance(values, TensorBase):
        values = values._t.tolist()
    elif isinstance(values, (_TorchTensor, np.ndarray)):
        values = values.tolist()
    if isinstance(values, Sequence) and not isinstance(values, str):
        return [integer(v) for v in values]
    return integer(values)


def dtype(value: Any) -> torch.dtype | None:
    """A dtype argument: a dtype object, a string such as ``"long"``, or None."""
    return as_torch_dtype(value)


def device(value: Any) -> torch.device | None:
    """A device argument: a device object, a string such as ``"cpu"``, or None."""
    return None if value is None else as_torch_device(value)


def plain(value: Any) -> Any:
    """Any other argument: rtorch objects become their PyTorch counterparts."""
    if isinstance(value, TensorBase):
        return value._t
    if isinstance(value, (DType, Device)):
        return value.torch
    if isinstance(value, list) and value and isinstance(value[0], TensorBase):
        return [v._t if isinstance(v, TensorBase) else v for v in value]
    if isinstance(value, np.generic):
        return value.item()
    return value


def options(
    given: Any, dtype: Any, layout: Any, device: Any, requires_grad: bool
) -> tuple[Any, Any, Any, bool]:
    """Merge R torch's ``options = list(dtype = , device = )`` into the keywords.

    R torch rule (semantics 7): methods such as ``x$new_zeros(size, options)``
    take the tensor options as one list; here a dict (or dict-like) of them.
    """
    if not hasattr(given, "get"):
        raise RTypeError(
            f"options must be a dict such as dict(dtype=torch_long()), got {given!r}."
        )
    return (
        given.get("dtype", dtype),
        given.get("layout", layout),
        given.get("device", device),
        bool(given.get("requires_grad", requires_grad)),
    )


# -- 1-based dimensions and positions ------------------------------------------


def dims(value: Any, zero: tuple[type[Exception], str] | None = None) -> Any:
    """One dim or a vector of dims, 1-based (negative from the end).

    R torch rule (semantics 5.1): positive dims are 1-based, negative dims
    count from the end, and 0 is an error.

    Raises:
        RIndexError: For a 0 (or the error ``zero`` names).
        RNotImplementedError: For a dimension name.
    """
    if value is None:
        return None
    if type(value) is int:
        if value > 0:
            return value - 1
        if value < 0:
            return value
        error, message = zero or (RIndexError, ZERO_DIM_MESSAGE)
        raise error(message)
    if isinstance(value, str):
        raise RNotImplementedError(
            f"dimension name {value!r}: PyTorch 2.13 removed named tensors, so "
            "dimensions have no names; give the dimension's number instead."
        )
    if isinstance(value, TensorBase):
        value = value._t.tolist()
    if isinstance(value, (_TorchTensor, np.ndarray)):
        value = value.tolist()
    if isinstance(value, (Sequence, torch.Size)):
        return [dims(integer(v), zero) for v in value]
    whole = integer(value)
    if type(whole) is not int:
        raise RTypeError(
            f"a dimension must be a whole number such as 1 or -1, got {value!r}."
        )
    return dims(whole, zero)


def position(value: Any) -> Any:
    """One 1-based position (``select``'s index); negative counts from the end."""
    value = integer(value)
    if type(value) is not int:
        raise RTypeError(f"a position must be a whole number, got {value!r}.")
    if value > 0:
        return value - 1
    if value < 0:
        return value
    raise RIndexError(ZERO_DIM_MESSAGE)


def start(value: Any) -> Any:
    """``narrow()``'s 1-based start (R torch: 0 is a value error)."""
    if isinstance(value, (TensorBase, _TorchTensor)):
        t = tensor(value)
        if bool((t == 0).any()):
            raise RValueError("start indexing starts at 1")
        return torch.where(t > 0, t - 1, t)
    value = integer(value)
    if value == 0:
        raise RValueError("start indexing starts at 1")
    return value - 1 if value > 0 else value


def slice_start(value: Any) -> Any:
    """``slice()``'s 1-based first element (DECISIONS 2; as ``x[a:b]``'s ``a``).

    0 is accepted and means the first element, as in R torch's ranges.
    """
    value = integer(value)
    if value is None or value <= 0:
        return value
    return value - 1


def slice_end(value: Any) -> Any:
    """``slice()``'s 1-based last element, inclusive (as ``x[a:b]``'s ``b``).

    -1 is the last element; a larger negative end is inclusive too.
    """
    value = integer(value)
    if value is None or value >= 0:
        return value
    # R torch rule (semantics 4.3): -1 means through the end, b < -1 is b + 1.
    return None if value == -1 else value + 1


def named(value: Any) -> None:
    """A named-tensor argument: only ``None`` is possible on PyTorch 2.13."""
    if value is not None:
        raise RNotImplementedError(
            f"named dimensions ({value!r}) are not supported: PyTorch 2.13 "
            "removed named tensors."
        )


# -- 1-based index tensors -------------------------------------------------------


def index(value: Any) -> torch.Tensor | None:
    """A 1-based index tensor, for ops that accept negative indices.

    R torch rule (semantics 6.3): positive entries lose 1, negative entries
    count from the end, and any 0 is an error.
    """
    if value is None:
        return None
    t = _index_tensor(value)
    if t.dtype == torch.bool:
        return t
    if bool((t == 0).any()):
        raise RIndexError(ZERO_DIM_MESSAGE)
    return t - (t > 0).to(t.dtype)


def index_fast(value: Any) -> torch.Tensor | None:
    """A 1-based index tensor, for ops whose indices cannot be negative.

    Subtracting 1 is then exact; a 0 becomes -1, which PyTorch rejects, and
    :func:`fail` reports it with R torch's message.
    """
    if value is None:
        return None
    if isinstance(value, TensorBase):
        return value._t - 1
    return _index_tensor(value) - 1


def index_list(values: Any) -> list[torch.Tensor | None] | None:
    """A list of 1-based index tensors (``torch_index``, ``index_put``)."""
    if values is None:
        return None
    if isinstance(values, (TensorBase, _TorchTensor)):
        values = [values]
    if any(v is None for v in values):
        raise RNotImplementedError(
            "torch_index() / torch_index_put() with NULL (None) entries is not "
            "supported yet; index with x[:, i] (R's block rule) or give every "
            "dimension an index tensor."
        )
    tensors = [_index_tensor(v) for v in values]
    if any(t.dtype not in (torch.int64, torch.bool) for t in tensors):
        # R torch rule (semantics 4.9): only long and bool index tensors.
        raise RIndexError("Only long and boolean tensors are supported.")
    return [index(t) for t in tensors]


def _index_tensor(value: Any) -> torch.Tensor:
    if isinstance(value, TensorBase):
        return value._t
    if isinstance(value, _TorchTensor):
        return value
    # R torch rule (semantics 6.3): R vectors convert by torch_tensor(), so
    # R integers give long tensors and R doubles float ones (then rejected).
    return to_torch(value)


# -- results -------------------------------------------------------------------------


def result(out: Any, shift: tuple[int, ...] = (), whole: bool = False) -> Any:
    """Wrap whatever PyTorch returned, shifting index results to 1-based.

    Args:
        out: PyTorch's result.
        shift: 1-based positions of a multi-output result that hold indices.
        whole: Whether a single-tensor result holds indices.
    """
    if isinstance(out, _TorchTensor):
        return wrap(out + 1 if whole else out)
    if isinstance(out, tuple):
        return rlist(out, shift)
    if isinstance(out, list):
        return RList(result(v) for v in out)
    if isinstance(out, torch.dtype):
        return DType(out)
    if whole and type(out) is int:
        return out + 1
    return out


def index_result(out: torch.Tensor) -> Tensor:
    """A tensor of 0-based positions, returned 1-based (DECISIONS 1)."""
    return wrap(out + 1)


def rlist(out: Sequence[Any], shift: tuple[int, ...] = ()) -> RList:
    """A multi-output result as an R list; positions in ``shift`` become 1-based."""
    return RList(
        wrap(v + 1 if k in shift else v) if isinstance(v, _TorchTensor) else result(v)
        for k, v in enumerate(out, start=1)
    )


# -- errors ----------------------------------------------------------------------


_SHIFTED_OUT_OF_RANGE = re.compile(
    r"index (-?\d+) is out of bounds for dimension (\d+) with size (\d+)"
)


def fail(error: BaseException, indices: tuple[Any, ...] = ()) -> NoReturn:
    """Re-raise a PyTorch error in R torch's 1-based words.

    Args:
        error: What PyTorch raised.
        indices: The 1-based index arguments the call received; a 0 among
            them is reported as R torch reports it.
    """
    for value in indices:
        if _has_zero(value):
            raise RIndexError(ZERO_DIM_MESSAGE) from None
    if indices:
        message = _SHIFTED_OUT_OF_RANGE.sub(_one_based_bounds, str(error))
        if message != str(error):
            raise RIndexError(message) from None
    translate_torch_error(error)


def missing_operator(name: str) -> Any:
    """A stand-in for an operator this PyTorch lacks; calling it explains."""

    def call(*args: Any, **kwargs: Any) -> NoReturn:
        raise RNotImplementedError(
            f"{name}() is not supported by rtorch on PyTorch {torch.__version__}: "
            "the operator does not exist in this version."
        )

    return call


def _one_based_bounds(match: re.Match[str]) -> str:
    value, dim, size = (int(g) for g in match.groups())
    shown = value + 1 if value >= 0 else value
    return (
        f"index {shown} is out of bounds for dimension {dim + 1} with size {size} "
        "(indices are 1-based)"
    )


def _has_zero(value: Any) -> bool:
    try:
        t = _index_tensor(value)
    except Exception:  # noqa: BLE001 - the original error is the one to report
        return False
    return t.dtype != torch.bool and not t.is_floating_point() and bool((t == 0).any())


def _whole(value: float) -> bool:
    return float(value).is_integer()
