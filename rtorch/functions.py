"""Namespace functions whose R torch behaviour is not a rule of the role table.

Most ``torch_*`` functions are generated (:mod:`rtorch.surface`). These are
R torch's hand-written wrappers: value-as-index functions (``torch_one_hot``,
``torch_bincount``), the one-argument ``torch_where``, ``torch_nonzero``'s
list form, ``torch_tensordot``'s dims, and small helpers (memory formats,
threads, serialisation).

Example:
    >>> as_array(torch_bincount(torch_tensor(c(2, 2, 4))))
    array([0, 2, 0, 1])
"""

from __future__ import annotations

import io
import numbers
import os
from typing import Any

import torch

from rtorch.dtypes import DType
from rtorch.errors import RValueError, call_torch
from rtorch.surface import convert
from rtorch.tensor import Tensor, as_tensor_arg, wrap
from rtorch.values import RList

__all__ = [
    "torch_atleast_1d",
    "torch_atleast_2d",
    "torch_atleast_3d",
    "torch_bincount",
    "torch_broadcast_shapes",
    "torch_channels_last_format",
    "torch_complex",
    "torch_contiguous_format",
    "torch_dequantize",
    "torch_generator",
    "torch_get_num_interop_threads",
    "torch_get_num_threads",
    "torch_get_rng_state",
    "torch_install_path",
    "torch_is_installed",
    "torch_load",
    "torch_lu",
    "torch_nonzero",
    "torch_one_hot",
    "torch_per_channel_affine",
    "torch_per_channel_symmetric",
    "torch_per_tensor_affine",
    "torch_per_tensor_symmetric",
    "torch_preserve_format",
    "torch_quantize_per_tensor",
    "torch_reduction_mean",
    "torch_reduction_none",
    "torch_reduction_sum",
    "torch_result_type",
    "torch_save",
    "torch_serialize",
    "torch_set_num_interop_threads",
    "torch_set_num_threads",
    "torch_set_rng_state",
    "torch_sparse_coo",
    "torch_stft",
    "torch_tensordot",
    "torch_where",
]


# -- index-valued wrappers (semantics 6.1, 6.3) -------------------------------


def torch_nonzero(self: Any, as_list: bool = False) -> Tensor | RList:
    """1-based coordinates of the non-zero elements (R: ``torch_nonzero``).

    Returns a matrix with one row per non-zero element and one column per
    dimension, or with ``as_list=True`` one vector of positions per dimension.

    Example:
        >>> as_array(torch_nonzero(torch_tensor(c(0, 5, 0, 7))))
        array([[2],
               [4]])
    """
    t = convert.tensor(self)
    if as_list:
        # R torch rule: each element of the list is shifted to 1-based.
        return RList(wrap(p + 1) for p in torch.nonzero(t, as_tuple=True))
    return wrap(torch.nonzero(t) + 1)


def torch_where(condition: Any, self: Any = None, other: Any = None) -> Any:
    """Choose from ``self`` or ``other`` by ``condition`` (R: ``torch_where``).

    With only a condition it returns, like ``torch_nonzero(as_list = TRUE)``,
    one vector of 1-based positions per dimension.

    Example:
        >>> rows, = torch_where(torch_tensor(c(1.0, -1.0, -2.0)) < 0)
        >>> as_array(rows)
        array([2, 3])
    """
    cond = convert.tensor(condition)
    if self is None and other is None:
        return RList(wrap(p + 1) for p in torch.where(cond))
    chosen = call_torch(
        torch.where,
        cond,
        convert.tensor_or_scalar(self),
        convert.tensor_or_scalar(other),
    )
    return wrap(chosen)


def torch_one_hot(self: Any, num_classes: int = -1) -> Tensor:
    """One-hot encode 1-based classes: class k sets column k (R: ``torch_one_hot``).

    With ``num_classes = -1`` the number of columns is the largest class.

    Raises:
        RIndexError: When a class is 0.
    """
    classes = convert.index(self)
    return wrap(call_torch(torch.nn.functional.one_hot, classes, int(num_classes)))


def torch_bincount(self: Any, weights: Any = None, minlength: int = 0) -> Tensor:
    """Count each value v into bin v, 1-based (R: ``torch_bincount``).

    ``c(2, 2, 4)`` gives 4 bins ``0 2 0 1``; PyTorch would give 5 bins.

    Raises:
        RIndexError: When a value is 0.
    """
    values = convert.index(self)
    counted = call_torch(
        torch.bincount, values, convert.tensor(weights), int(minlength)
    )
    return wrap(counted)


def torch_tensordot(a: Any, b: Any, dims: Any = 2) -> Tensor:
    """Contract dims of ``a`` with dims of ``b`` (R: ``torch_tensordot``).

    ``dims`` is a count n (the last n dims of ``a`` with the first n of
    ``b``) or a list of two vectors of 1-based dims, paired in order.

    Example:
        >>> torch_tensordot(torch_ones(2, 3, 4), torch_ones(3, 2, 5),
        ...                 [c(1, 2), c(2, 1)]).shape
        torch.Size([4, 5])
    """
    if isinstance(dims, numbers.Integral):
        pairs: Any = int(dims)
    else:
        if len(dims) != 2:
            raise RValueError(
                f"dims must be a number or a list of two dim vectors, got {dims!r}."
            )
        pairs = [_dim_list(dims[0]), _dim_list(dims[1])]
    return wrap(
        call_torch(torch.tensordot, convert.tensor(a), convert.tensor(b), dims=pairs)
    )


def _dim_list(value: Any) -> list[int]:
    shifted = convert.dims(value)
    return shifted if isinstance(shifted, list) else [shifted]


# -- other R wrappers ------------------------------------------------------------


def torch_stft(
    input: Any,
    n_fft: int,
    hop_length: int | None = None,
    win_length: int | None = None,
    window: Any = None,
    center: bool = True,
    pad_mode: str = "reflect",
    normalized: bool = False,
    onesided: bool | None = None,
    return_complex: bool | None = None,
) -> Tensor:
    """Short-time Fourier transform (R: ``torch_stft``, same arguments).

    With ``return_complex = FALSE`` the last dimension holds the real and
    imaginary parts.
    """
    return wrap(
        call_torch(
            torch.stft,
            convert.tensor(input),
            int(n_fft),
            hop_length=hop_length,
            win_length=win_length,
            window=convert.tensor(window),
            center=center,
            pad_mode=pad_mode,
            normalized=normalized,
            onesided=onesided,
            return_complex=return_complex,
        )
    )


def torch_lu(A: Any, pivot: bool = True, get_infos: bool = False) -> RList:
    """LU factorisation (R: ``torch_lu``): ``list(LU, pivots)`` (+ ``infos``).

    The pivots are LAPACK's, which are 1-based already.
    """
    lu, pivots, infos = call_torch(
        torch.linalg.lu_factor_ex, convert.tensor(A), pivot=pivot
    )
    parts = (lu, pivots, infos) if get_infos else (lu, pivots)
    return RList(wrap(p) for p in parts)


def torch_atleast_1d(self: Any) -> Any:
    """At least 1 dimension; a list gives a list (R: ``torch_atleast_1d``)."""
    return _each(torch.atleast_1d, self)


def torch_atleast_2d(self: Any) -> Any:
    """At least 2 dimensions (R: ``torch_atleast_2d``)."""
    return _each(torch.atleast_2d, self)


def torch_atleast_3d(self: Any) -> Any:
    """At least 3 dimensions (R: ``torch_atleast_3d``)."""
    return _each(torch.atleast_3d, self)


def torch_dequantize(tensor: Any) -> Any:
    """A float tensor from a quantised one, or each of a list (R: same name)."""
    return _each(torch.dequantize, tensor)


def torch_quantize_per_tensor(
    self: Any, scale: Any, zero_point: Any, dtype: Any
) -> Any:
    """Quantise with one scale and zero point (R: ``torch_quantize_per_tensor``).

    A list of tensors takes lists of scales and zero points.
    """
    if isinstance(self, (list, tuple)):
        return convert.result(
            call_torch(
                torch.quantize_per_tensor,
                convert.tensor_list(self),
                convert.tensor(scale),
                convert.tensor(zero_point),
                convert.dtype(dtype),
            )
        )
    return wrap(
        call_torch(
            torch.quantize_per_tensor,
            convert.tensor(self),
            float(scale),
            int(zero_point),
            convert.dtype(dtype),
        )
    )


def _each(fn: Any, value: Any) -> Any:
    """Apply ``fn`` to a tensor, or to each tensor of a list (R torch's rule)."""
    if isinstance(value, (list, tuple)):
        return RList(wrap(t) for t in call_torch(fn, convert.tensor_list(value)))
    return wrap(call_torch(fn, convert.tensor(value)))


def torch_complex(real: Any, imag: Any) -> Tensor:
    """A complex tensor from real and imaginary parts (R: ``torch_complex``)."""
    return wrap(torch.complex(_float_arg(real), _float_arg(imag)))


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


def _float_arg(value: Any) -> torch.Tensor:
    t = as_tensor_arg(value)
    return t if t.is_floating_point() else t.float()


# -- serialisation ----------------------------------------------------------------


def torch_save(obj: Any, path: Any) -> None:
    """Save tensors (or lists and dicts of them) to ``path`` (R: ``torch_save``).

    The file is PyTorch's format, not R torch's; :func:`torch_load` reads it.
    """
    torch.save(_unwrap_tree(obj), path)


def torch_load(path: Any, device: Any = "cpu") -> Any:
    """Load what :func:`torch_save` wrote (R: ``torch_load``)."""
    if isinstance(path, (bytes, bytearray)):
        path = io.BytesIO(path)
    loaded = torch.load(path, map_location=convert.device(device), weights_only=True)
    return _wrap_tree(loaded)


def torch_serialize(obj: Any) -> bytes:
    """:func:`torch_save` into bytes (R: ``torch_serialize``, a raw vector)."""
    buffer = io.BytesIO()
    torch.save(_unwrap_tree(obj), buffer)
    return buffer.getvalue()


def _unwrap_tree(obj: Any) -> Any:
    if isinstance(obj, Tensor):
        return obj._t
    if isinstance(obj, (list, tuple)):
        return (
            type(obj)(_unwrap_tree(v) for v in obj)
            if not isinstance(obj, RList)
            else [_unwrap_tree(v) for v in obj]
        )
    if isinstance(obj, dict):
        return {k: _unwrap_tree(v) for k, v in obj.items()}
    return obj


def _wrap_tree(obj: Any) -> Any:
    if isinstance(obj, torch.Tensor):
        return wrap(obj)
    if isinstance(obj, (list, tuple)):
        return type(obj)(_wrap_tree(v) for v in obj)
    if isinstance(obj, dict):
        return {k: _wrap_tree(v) for k, v in obj.items()}
    return obj


# -- installation, threads, random state ---------------------------------------------


def torch_install_path() -> str:
    """Where libtorch lives (R: ``torch_install_path``): PyTorch's ``lib`` folder."""
    return os.path.join(os.path.dirname(torch.__file__), "lib")


def torch_is_installed() -> bool:
    """Always ``True``: PyTorch ships libtorch (R: ``torch_is_installed``)."""
    return True


def torch_get_num_threads() -> int:
    """Threads used for intra-op parallelism (R: ``torch_get_num_threads``)."""
    return torch.get_num_threads()


def torch_set_num_threads(num_threads: int) -> None:
    """Set the intra-op thread count (R: ``torch_set_num_threads``)."""
    torch.set_num_threads(int(num_threads))


def torch_get_num_interop_threads() -> int:
    """Threads used for inter-op parallelism (R: same name)."""
    return torch.get_num_interop_threads()


def torch_set_num_interop_threads(num_threads: int) -> None:
    """Set the inter-op thread count, once, before any parallel work."""
    torch.set_num_interop_threads(int(num_threads))


def torch_get_rng_state() -> Tensor:
    """The CPU generator's state as a byte tensor (R: ``torch_get_rng_state``)."""
    return wrap(torch.get_rng_state())


def torch_set_rng_state(state: Any) -> None:
    """Restore a state from :func:`torch_get_rng_state`."""
    torch.set_rng_state(convert.tensor(state))


class Generator(torch.Generator):
    """A random generator (R: ``torch_generator()``), usable as ``generator=``."""

    def current_seed(self) -> int:
        """The seed it was started from (R: ``gen$current_seed()``)."""
        return self.initial_seed()

    def set_current_seed(self, seed: int) -> None:
        """Reseed it (R: ``gen$set_current_seed(seed)``)."""
        self.manual_seed(int(seed))


def torch_generator() -> Generator:
    """A new CPU generator (R: ``torch_generator()``).

    Example:
        >>> g = torch_generator(); g.set_current_seed(7); g.current_seed()
        7
    """
    return Generator()


# -- attribute objects (R torch's memory formats, qschemes, reductions) --------------


def torch_contiguous_format() -> torch.memory_format:
    """The row-major memory format (R: ``torch_contiguous_format()``)."""
    return torch.contiguous_format


def torch_channels_last_format() -> torch.memory_format:
    """The channels-last memory format (R: ``torch_channels_last_format()``)."""
    return torch.channels_last


def torch_preserve_format() -> torch.memory_format:
    """Keep the input's memory format (R: ``torch_preserve_format()``)."""
    return torch.preserve_format


def torch_per_tensor_affine() -> torch.qscheme:
    """Quantisation scheme (R: ``torch_per_tensor_affine()``)."""
    return torch.per_tensor_affine


def torch_per_channel_affine() -> torch.qscheme:
    """Quantisation scheme (R: ``torch_per_channel_affine()``)."""
    return torch.per_channel_affine


def torch_per_tensor_symmetric() -> torch.qscheme:
    """Quantisation scheme (R: ``torch_per_tensor_symmetric()``)."""
    return torch.per_tensor_symmetric


def torch_per_channel_symmetric() -> torch.qscheme:
    """Quantisation scheme (R: ``torch_per_channel_symmetric()``)."""
    return torch.per_channel_symmetric


def torch_reduction_none() -> int:
    """R torch's reduction code 0 (no reduction)."""
    return 0


def torch_reduction_mean() -> int:
    """R torch's reduction code 1 (mean)."""
    return 1


def torch_reduction_sum() -> int:
    """R torch's reduction code 2 (sum)."""
    return 2


def torch_sparse_coo() -> torch.layout:
    """The sparse COO layout (R: ``torch_sparse_coo()``)."""
    return torch.sparse_coo
