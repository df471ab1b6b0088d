"""Creating tensors, with R torch's defaults (semantics section 7).

* Sizes come as separate arguments, one vector, or ``size=``:
  ``torch_zeros(2, 3)``, ``torch_zeros(c(2, 3))``, ``torch_zeros(size=c(2, 3))``.
* ``torch_arange()`` includes its end, and one argument means ``1..end``.
* ``torch_linspace()`` / ``torch_logspace()`` default to 100 steps.
* ``torch_randint()`` returns the default float dtype unless given a dtype.
* ``torch_randperm(n)`` is a permutation of ``1..n`` (DECISIONS 1: R torch
  returns 0-based values here by accident).

Example:
    >>> torch_arange(1, 5)
    torch_tensor
     1
     2
     3
     4
     5
    [ CPULongType{5} ]
"""

from __future__ import annotations

import math
import numbers
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import torch

from rtorch._facade import TensorBase
from rtorch.conversion import to_torch
from rtorch.devices import as_torch_device
from rtorch.dtypes import as_torch_dtype
from rtorch.errors import RNotImplementedError, RValueError, call_torch
from rtorch.tensor import Tensor, as_tensor_arg, wrap
from rtorch.values import NA, c

__all__ = [
    "torch_tensor",
    "torch_scalar_tensor",
    "torch_tensor_from_buffer",
    "torch_zeros",
    "torch_ones",
    "torch_empty",
    "torch_rand",
    "torch_randn",
    "torch_full",
    "torch_eye",
    "torch_diag",
    "torch_arange",
    "torch_range",
    "torch_linspace",
    "torch_logspace",
    "torch_randint",
    "torch_randperm",
    "torch_normal",
    "torch_empty_strided",
    "torch_zeros_like",
    "torch_ones_like",
    "torch_empty_like",
    "torch_full_like",
    "torch_rand_like",
    "torch_randn_like",
    "torch_randint_like",
    "torch_manual_seed",
    "with_torch_manual_seed",
    "torch_strided",
]


def torch_tensor(
    data: Any = None,
    dtype: Any = None,
    device: Any = None,
    requires_grad: bool = False,
    pin_memory: bool = False,
) -> Tensor:
    """Convert R-style data into a tensor (R: ``torch_tensor()``).

    Python ``float`` (R double) becomes float32, ``int`` (R integer) int64,
    ``bool`` bool; a single value gives shape ``(1,)``; matrices and arrays keep
    their ``[i, j, k]`` layout; ``NA`` becomes NaN in floating data; a pandas
    Categorical becomes its 1-based codes and dates their days since
    1970-01-01. A tensor argument is copied and detached.

    Args:
        data: Numbers, ``c(...)``, ``matrix(...)``, ``array(...)``, NumPy arrays,
            pandas Series, or tensors.
        dtype: The dtype (object or string such as ``"double"``).
        device: The device (object or string); default: the current scope's.
        requires_grad: Make a leaf that records gradients.
        pin_memory: Allocate in page-locked memory (CUDA hosts).

    Example:
        >>> torch_tensor(matrix(seq(1, 6), nrow=2)).shape
        torch.Size([2, 3])
    """
    t = to_torch(data, as_torch_dtype(dtype))
    t = t.to(as_torch_device(device))
    if pin_memory:
        t = t.pin_memory()
    if requires_grad:
        call_torch(t.requires_grad_, True)
    return wrap(t)


def torch_scalar_tensor(
    value: Any, dtype: Any = None, device: Any = None, requires_grad: bool = False
) -> Tensor:
    """A 0-d tensor (R: ``torch_scalar_tensor()``); a 1-element tensor is squeezed.

    Example:
        >>> torch_scalar_tensor(2.5).ndim
        0
    """
    t = to_torch(value, as_torch_dtype(dtype))
    if t.numel() != 1:
        raise RValueError(
            f"value must be a length 1 vector, got {t.numel()} values; use "
            "torch_tensor() for vectors."
        )
    t = t.reshape(()).to(as_torch_device(device))
    return wrap(call_torch(t.requires_grad_, True) if requires_grad else t)


def torch_tensor_from_buffer(buffer: Any, shape: Any, dtype: Any = "float") -> Tensor:
    """Wrap existing memory without copying (R: ``torch_tensor_from_buffer()``).

    In-place changes to the tensor show up in ``buffer``.
    """
    torch_dtype = as_torch_dtype(dtype)
    flat = torch.frombuffer(memoryview(buffer).cast("B"), dtype=torch_dtype)
    return wrap(flat.view(_sizes((shape,), None)))


def torch_zeros(*size: Any, **options: Any) -> Tensor:
    """A tensor of zeros (R: ``torch_zeros(..., names, dtype, layout, device)``)."""
    return _factory(torch.zeros, size, options)


def torch_ones(*size: Any, **options: Any) -> Tensor:
    """A tensor of ones (R: ``torch_ones()``)."""
    return _factory(torch.ones, size, options)


def torch_empty(*size: Any, **options: Any) -> Tensor:
    """An uninitialised tensor (R: ``torch_empty()``)."""
    return _factory(torch.empty, size, options)


def torch_rand(*size: Any, **options: Any) -> Tensor:
    """Uniform values on [0, 1) (R: ``torch_rand()``)."""
    return _factory(torch.rand, size, options)


def torch_randn(*size: Any, **options: Any) -> Tensor:
    """Standard normal values (R: ``torch_randn()``)."""
    return _factory(torch.randn, size, options)


def torch_full(size: Any, fill_value: Any, **options: Any) -> Tensor:
    """A tensor filled with ``fill_value``; ``size`` is one vector (R rule).

    The dtype follows the value: float → default float, int → int64,
    bool → bool.
    """
    return _factory(torch.full, (size,), options, fill_value=_scalar(fill_value))


def torch_eye(n: int, m: int | None = None, **options: Any) -> Tensor:
    """An ``n`` by ``m`` identity matrix, float32 by default (R: ``torch_eye()``)."""
    sizes = (int(n), int(n if m is None else m))
    return _factory(lambda *s, **kw: torch.eye(*s, **kw), sizes, options)


def torch_diag(self: Any, diagonal: int = 0) -> Tensor:
    """Diagonal matrix from a vector, or a matrix's diagonal (R: ``torch_diag()``).

    ``diagonal`` is an offset, not a position, so it is not shifted.
    """
    return wrap(torch.diag(as_tensor_arg(self), diagonal))


def torch_arange(start: Any, end: Any = None, step: Any = 1, **options: Any) -> Tensor:
    """Values from ``start`` to ``end`` inclusive (R: ``torch_arange()``).

    One argument counts from 1 (``torch_arange(4)`` is 1, 2, 3, 4). The result
    is int64 only when every argument is an integer; otherwise the default
    float dtype.

    Example:
        >>> torch_arange(0.0, 1.0, 0.25).numel()
        5
    """
    if end is None:
        start, end = 1, start
    start, end, step = (_scalar(v) for v in (start, end, step))
    if step == 0:
        raise RValueError("torch_arange(): step must be nonzero.")

    dtype = as_torch_dtype(options.pop("dtype", None))
    all_int = all(isinstance(v, numbers.Integral) for v in (start, end, step))
    if dtype is None:
        dtype = torch.int64 if all_int else torch.get_default_dtype()

    if dtype.is_floating_point or dtype.is_complex:
        # R torch rule: nudge the end one float32 ulp outward so it is included.
        toward = math.inf if step > 0 else -math.inf
        stop = float(np.nextafter(np.float32(end), np.float32(toward)))
    else:
        # R torch rule: for integer dtypes the end moves by sign(step).
        stop = end + (1 if step > 0 else -1)
    return _factory(torch.arange, (start, stop, step), options, dtype=dtype)


def torch_range(start: Any, end: Any, step: Any = 1, **options: Any) -> Tensor:
    """Deprecated alias of :func:`torch_arange` (R torch warns the same)."""
    warnings.warn(
        "This function is deprecated in favor of torch_arange.",
        DeprecationWarning,
        stacklevel=2,
    )
    return torch_arange(start, end, step, **options)


def torch_linspace(start: Any, end: Any, steps: int = 100, **options: Any) -> Tensor:
    """``steps`` evenly spaced values, ends included (R default: 100 steps)."""
    return _factory(torch.linspace, (_scalar(start), _scalar(end), steps), options)


def torch_logspace(
    start: Any, end: Any, steps: int = 100, base: float = 10.0, **options: Any
) -> Tensor:
    """``base ** linspace(start, end, steps)`` (R default: 100 steps)."""
    return _factory(
        torch.logspace, (_scalar(start), _scalar(end), steps), options, base=base
    )


def torch_randint(
    low: int, high: int, size: Any, generator: Any = None, **options: Any
) -> Tensor:
    """Random integers in ``[low, high)``; float unless a dtype is given (R rule).

    Example:
        >>> torch_randint(1, 7, size=c(2, 2)).dtype
        torch_Float
    """
    options.setdefault("dtype", None)
    if options["dtype"] is None:
        options["dtype"] = torch.get_default_dtype()
    return _factory(
        torch.randint,
        (int(low), int(high), _sizes((size,), None)),
        options,
        generator=generator,
    )


def torch_randperm(n: int, **options: Any) -> Tensor:
    """A random permutation of ``1..n``, int64 (DECISIONS 1: 1-based values).

    R torch returns ``0..n-1`` by accident of code generation; rtorch returns
    every index 1-based.
    """
    dtype = as_torch_dtype(options.pop("dtype", None)) or torch.int64
    count = _count(n)
    _check_positions_fit(count, dtype)
    out = _factory(torch.randperm, (count,), options, dtype=torch.int64)
    out._t = (out._t + 1).to(dtype)
    return out


def torch_normal(
    mean: Any = 0.0,
    std: Any = 1.0,
    size: Any = None,
    generator: Any = None,
    **options: Any,
) -> Tensor:
    """Normal random values (R: ``torch_normal(mean, std, size)``).

    With a ``size``, mean and std must be single numbers.
    """
    if size is not None:
        if isinstance(mean, (TensorBase, torch.Tensor)) or isinstance(
            std, (TensorBase, torch.Tensor)
        ):
            raise RValueError(
                "size is set, but one of mean or std is not a scalar value."
            )
        return _factory(
            torch.normal,
            (float(mean), float(std), _sizes((size,), None)),
            options,
            generator=generator,
        )
    mean_arg = as_tensor_arg(mean) if not isinstance(mean, numbers.Number) else mean
    std_arg = as_tensor_arg(std) if not isinstance(std, numbers.Number) else std
    return wrap(torch.normal(mean_arg, std_arg, generator=generator))


def torch_empty_strided(size: Any, stride: Any, **options: Any) -> Tensor:
    """Uninitialised tensor with explicit strides (element counts, not shifted)."""
    return _factory(
        torch.empty_strided,
        (_sizes((size,), None), [int(s) for s in c(stride)]),
        options,
    )


def torch_zeros_like(input: Any, **options: Any) -> Tensor:
    """Zeros shaped like ``input`` (R: ``torch_zeros_like(input, dtype = )``)."""
    return _like(torch.zeros_like, input, options)


def torch_ones_like(input: Any, **options: Any) -> Tensor:
    """Ones shaped like ``input``."""
    return _like(torch.ones_like, input, options)


def torch_empty_like(input: Any, **options: Any) -> Tensor:
    """Uninitialised, shaped like ``input``."""
    return _like(torch.empty_like, input, options)


def torch_full_like(input: Any, fill_value: Any, **options: Any) -> Tensor:
    """``fill_value`` everywhere, shaped like ``input``."""
    return _like(torch.full_like, input, options, _scalar(fill_value))


def torch_rand_like(input: Any, **options: Any) -> Tensor:
    """Uniform values shaped like ``input``."""
    return _like(torch.rand_like, input, options)


def torch_randn_like(input: Any, **options: Any) -> Tensor:
    """Normal values shaped like ``input``."""
    return _like(torch.randn_like, input, options)


def torch_randint_like(input: Any, low: int, high: int, **options: Any) -> Tensor:
    """Random integers in ``[low, high)`` shaped like ``input``."""
    return _like(torch.randint_like, input, options, int(low), int(high))


def torch_manual_seed(seed: int) -> None:
    """Seed the generator; the streams equal PyTorch's (R: same name).

    Example:
        >>> torch_manual_seed(1); round(torch_randn(1).item(), 6)
        0.661352
    """
    torch.manual_seed(int(seed))


@contextmanager
def with_torch_manual_seed(seed: int) -> Iterator[None]:
    """Run a block with a seeded generator, restoring its state afterwards.

    R torch equivalent: ``with_torch_manual_seed(code, seed = )``.
    """
    state = torch.get_rng_state()
    torch.manual_seed(int(seed))
    try:
        yield
    finally:
        torch.set_rng_state(state)


def torch_strided() -> torch.layout:
    """The default dense layout (R: ``torch_strided()``)."""
    return torch.strided


def _factory(
    fn: Any, size: tuple[Any, ...], options: dict[str, Any], **extra: Any
) -> Tensor:
    """Call a torch factory with R torch's option handling."""
    size_option = options.pop("size", None)
    if fn in _SIZED:
        args: tuple[Any, ...] = (_sizes(size, size_option),)
    else:
        args = size
    names = options.pop("names", None)
    requires_grad = bool(options.pop("requires_grad", False))
    dtype = as_torch_dtype(options.pop("dtype", None)) if "dtype" in options else None
    dtype = extra.pop("dtype", dtype)
    device = as_torch_device(options.pop("device", None))
    layout = options.pop("layout", None) or torch.strided
    if options:
        raise RValueError(
            f"unknown argument(s) {sorted(options)}; factories take size, names, "
            "dtype, layout, device and requires_grad."
        )

    kwargs: dict[str, Any] = {"dtype": dtype, "device": device, **extra}
    if fn is not torch.normal and fn is not torch.randperm:
        kwargs["layout"] = layout
    t = call_torch(fn, *args, **kwargs)
    if names is not None:
        t = _named(t, c(names))
    if requires_grad:
        call_torch(t.requires_grad_, True)
    return wrap(t)


_SIZED = {torch.zeros, torch.ones, torch.empty, torch.rand, torch.randn, torch.full}


def _named(t: torch.Tensor, names: list[str]) -> torch.Tensor:
    if not hasattr(t, "refine_names"):
        raise RNotImplementedError(
            f"names={names!r}: this PyTorch ({torch.__version__}) has no named "
            "tensors (removed upstream), so dimension names cannot be kept. Drop "
            "names=, or use PyTorch < 2.13."
        )
    return t.refine_names(*names)


def _sizes(size: tuple[Any, ...], size_option: Any) -> list[int]:
    """R torch's size resolution: separate values, one vector, or ``size =``."""
    if size and size_option is not None:
        raise RValueError("You should specify a single size argument.")
    if size_option is not None:
        size = (size_option,)
    if len(size) == 1 and not isinstance(size[0], numbers.Number):
        values = c(list(size[0]) if isinstance(size[0], torch.Size) else size[0])
    else:
        if any(not isinstance(s, numbers.Number) for s in size):
            raise RValueError(
                f"You should specify a single size argument: got {size!r}; give "
                "separate numbers (2, 3) or one vector c(2, 3)."
            )
        values = list(size)
    return [_count(v) for v in values]


def _count(value: Any) -> int:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if not isinstance(value, numbers.Integral) or value < 0:
        raise RValueError(f"sizes must be non-negative whole numbers, got {value!r}.")
    return int(value)


def _check_positions_fit(count: int, dtype: torch.dtype) -> None:
    """1-based positions up to ``count`` must be exact in ``dtype``."""
    if dtype.is_floating_point:
        largest = 2 ** (torch.finfo(dtype).nmant + 1)
    elif dtype == torch.bool:
        largest = 1
    else:
        largest = torch.iinfo(dtype).max
    if count > largest:
        raise RValueError(
            f"torch_randperm({count}): positions 1..{count} do not fit "
            f"{str(dtype).removeprefix('torch.')} exactly; use dtype=torch_long()."
        )


def _scalar(value: Any) -> Any:
    """A number from a Python number or a one-element tensor/vector."""
    if value is NA:
        # DECISIONS 3: NA is NaN in floating results; elsewhere it is an error.
        return math.nan
    if isinstance(value, TensorBase):
        return value._t.item()
    if isinstance(value, torch.Tensor):
        return value.item()
    if isinstance(value, (list, tuple)) and len(value) == 1:
        return value[0]
    if isinstance(value, np.generic):
        return value.item()
    return value


def _like(fn: Any, input: Any, options: dict[str, Any], *args: Any) -> Tensor:
    dtype = as_torch_dtype(options.pop("dtype", None))
    device = options.pop("device", None)
    requires_grad = bool(options.pop("requires_grad", False))
    t = fn(
        as_tensor_arg(input),
        *args,
        dtype=dtype,
        device=None if device is None else as_torch_device(device),
        requires_grad=requires_grad,
        **options,
    )
    return wrap(t)
