"""R torch's ``x[...]`` and ``x[...] <- value`` carried out on real PyTorch tensors.

R torch equivalent: the ``[`` and ``[<-`` methods of ``torch_tensor``. The key
is translated by :mod:`rtorch.indexing.translate`; this module runs the plan:
one basic PyTorch indexing call (scalars, ranges, new axes, a view) followed by
one ``index_select`` or mask step per vector (R's orthogonal rule, a copy). An
assignment is one PyTorch ``__setitem__`` (libtorch's ``index_put_``).

Keys of whole numbers and ranges take a fast path with no plan at all; any
trouble there is re-run through the general path, which explains it.

Example:
    >>> t = torch.arange(1.0, 13.0).reshape(3, 4)
    >>> getitem(t, (slice(2, 3), [4, 1]))        # R: x[2:3, c(4, 1)]
    tensor([[ 8.,  5.],
            [12.,  9.]])
    >>> setitem(t, (1, slice(None)), 0)          # R: x[1, ] <- 0
"""

from __future__ import annotations

from array import array

import numpy as np
import torch

from rtorch._facade import TensorBase
from rtorch.conversion import to_torch
from rtorch.errors import RTypeError, RValueError, translate_torch_error
from rtorch.indexing.basic import basic_key
from rtorch.indexing.messages import key_error, render_key
from rtorch.indexing.ranges import fast_range
from rtorch.indexing.translate import (
    LOGICAL,
    LONG,
    MASK,
    POSITION,
    VECTOR,
    Element,
    KeyProblem,
    check_position,
    logical_positions,
    normalize,
    plan_for,
    signature,
    vector_positions,
)
from rtorch.values import NA

__all__ = ["getitem", "setitem"]

_TORCH_ERRORS = (IndexError, RuntimeError, ValueError, TypeError)
# Anything that goes wrong on a fast path is re-run on the general path, which
# explains it.
_FAST_PATH_TROUBLE = (*_TORCH_ERRORS, KeyProblem)
_FULL = slice(None)
_SMALL = 32
_SCALARS = (int, float, bool, complex)


def getitem(t: torch.Tensor, key: object, drop: bool = True) -> torch.Tensor:
    """Index a tensor with an R torch key.

    R torch equivalent: ``x[...]`` and ``x[..., drop = FALSE]``.

    Args:
        t: The tensor to index.
        key: Whole numbers (1-based, negative from the end), inclusive ranges
            ``a:b:s``, ``...``, ``None``, ``NA``, lists or NumPy arrays of
            positions or logicals, long or bool tensors; one or a tuple.
        drop: ``False`` keeps the dimension of every scalar index.

    Returns:
        A view for scalars and ranges; a copy once a vector or mask is used.

    Raises:
        RIndexError: A 0, a position outside its dimension, too many indices, a
            logical index of the wrong length, a tensor of another dtype.
        RValueError: A range with a step below 1.
        RTypeError: An element of a type that cannot index.

    Example:
        >>> t = torch.arange(1.0, 7.0).reshape(2, 3)
        >>> getitem(t, -1)                 # R: x[-1] is the last row
        tensor([4., 5., 6.])
    """
    try:
        cls = key.__class__
        if cls is tuple:
            converted = basic_key(key, drop, t)
            if converted is not None:
                return t[converted]
            rows = _leading_rows(t, key)
            if rows is not None:
                return t.index_select(0, rows)
        elif cls is int:
            # R torch rule: 1-based; negative counts from the end; drop = FALSE
            # puts a new axis after the scalar.
            if key > 0:
                return t[key - 1] if drop else t[key - 1, None]
            if key < 0:
                return t[key] if drop else t[key, None]
        elif cls is slice:
            converted = fast_range(key)
            if converted is not None:
                return t[converted]
        else:
            mask = _lone_mask(key)
            if mask is not None:
                return t[mask]
            rows = _leading_rows(t, (key,))
            if rows is not None:
                return t.index_select(0, rows)
    except _FAST_PATH_TROUBLE:
        pass
    return _read(t, key, drop)


def setitem(t: torch.Tensor, key: object, value: object) -> None:
    """Assign into a tensor in place through an R torch key.

    R torch equivalent: ``x[...] <- value``. Every name bound to the tensor
    sees the change.

    Args:
        t: The tensor to modify.
        key: As for :func:`getitem`, with at most one vector, logical or tensor
            element (R torch sends the whole key to one ``index_put_``).
        value: A Python scalar (fits any dtype), a list or NumPy array
            (converted by R's rules: doubles become float32), or a tensor
            (broadcast to the selection).

    Raises:
        RIndexError: As for :func:`getitem`, and for two tensor indices.
        RTypeError: A value that is not a scalar, vector or tensor.
        RRuntimeError: The value does not fit the selection, or a tensor value
            has another dtype than ``t`` under a vector or mask index.

    Example:
        >>> t = torch.zeros(2, 3)
        >>> setitem(t, (2, slice(2, 3)), 7.0)    # R: x[2, 2:3] <- 7
    """
    value = assignment_value(value, t)
    try:
        cls = key.__class__
        if cls is int and key != 0:
            t[key - 1 if key > 0 else key] = value
            return
        if cls is slice:
            converted = fast_range(key)
            if converted is not None:
                t[converted] = value
                return
        if cls is tuple:
            converted = basic_key(key, True, t)
            if converted is not None:
                t[converted] = value
                return
        mask = _lone_mask(key)
        if mask is not None:
            t[mask] = value
            return
        rows = _leading_rows(t, key if cls is tuple else (key,))
        if rows is not None:
            t[rows] = value
            return
    except _FAST_PATH_TROUBLE:
        pass
    _write(t, key, value)


def _leading_rows(t: torch.Tensor, key: tuple) -> torch.Tensor | None:
    """0-based rows for ``x[i]`` / ``x[i, :]``: positions on dim 1, then ranges.

    The batch-selection shape of training loops, kept off the general path.
    Only small CPU long tensors and lists of Python ints qualify; anything else
    (and any bad position) returns ``None`` or raises for the general path.
    """
    first = key[0]
    if len(key) > 1:
        if len(key) > t.ndim:
            return None
        for part in key[1:]:
            if part.__class__ is not slice or part != _FULL:
                return None

    if first.__class__ is not torch.Tensor and isinstance(first, TensorBase):
        first = first._t
    if first.__class__ is torch.Tensor:
        if (
            first.dtype is not torch.int64
            or first.ndim != 1
            or first.numel() > _SMALL
            or not first.is_cpu
        ):
            return None
        values = first.tolist()
    elif first.__class__ is list and len(first) > 1:
        values = first
        for value in values:
            if value.__class__ is not int:
                return None
    else:
        return None
    positions = vector_positions(values, t.shape[0], 0, 0)
    if not positions:
        return None
    index = torch.frombuffer(array("q", positions), dtype=torch.long)
    return index if t.is_cpu else index.to(t.device)


def _lone_mask(key: object) -> torch.Tensor | None:
    """The bool tensor of a key that is one mask of 1 or more dims, else None."""
    if isinstance(key, TensorBase):
        key = key._t
    if key.__class__ is torch.Tensor and key.dtype is torch.bool and key.ndim:
        # R torch rule: a lone mask selects its TRUE elements in row-major
        # order, exactly PyTorch's own meaning.
        return key
    return None


def _read(t: torch.Tensor, key: object, drop: bool) -> torch.Tensor:
    """The general read path: plan, check, then index."""
    shape = t.shape
    try:
        elements = normalize(key)
        plan = plan_for(signature(elements), len(shape), drop, False)
        values = _checked(elements, plan.in_dims, shape, t.device)
    except KeyProblem as problem:
        raise key_error(problem, key, shape) from None

    try:
        result = t
        if not plan.identity or not plan.read_steps:
            result = t[_build(plan.read_key, values)]
        for element, dim in plan.read_steps:
            index = values[element]
            if elements[element].kind is MASK or index.ndim != 1:
                result = result[(slice(None),) * dim + (index,)]
            else:
                result = result.index_select(dim, index)
    except _TORCH_ERRORS as error:
        translate_torch_error(error)
    return result


def _write(t: torch.Tensor, key: object, value: object) -> None:
    """The general assignment path: plan, check, then one PyTorch setitem."""
    shape = t.shape
    try:
        elements = normalize(key)
        plan = plan_for(signature(elements), len(shape), True, True)
        values = _checked(elements, plan.in_dims, shape, t.device)
    except KeyProblem as problem:
        raise key_error(problem, key, shape) from None

    try:
        t[_build(plan.write_key, values)] = value
    except _TORCH_ERRORS as error:
        _explain_write_failure(error, key, value)


def _checked(
    elements: tuple[Element, ...],
    in_dims: tuple[int, ...],
    shape: torch.Size,
    device: torch.device,
) -> list[object]:
    """Check each element against its dimension and convert it for PyTorch."""
    values: list[object] = []
    for index, element in enumerate(elements):
        kind = element.kind
        dim = in_dims[index]
        if kind is POSITION:
            values.append(check_position(element.payload, shape[dim], index, dim))
        elif kind is VECTOR:
            positions = vector_positions(element.payload, shape[dim], index, dim)
            values.append(_long_tensor(positions, device))
        elif kind is LOGICAL:
            positions = logical_positions(element.payload, shape[dim], index, dim)
            values.append(_long_tensor(positions, device))
        elif kind is LONG:
            values.append(
                _long_positions(element.payload, shape[dim], index, dim, device)
            )
        elif kind is MASK:
            values.append(_mask(element.payload, shape, index, dim, device))
        else:
            values.append(element.payload)
    return values


def _build(template: tuple[tuple[int, object], ...], values: list[object]) -> tuple:
    """Fill a plan's key template with the converted element values."""
    return tuple(
        values[element] if element >= 0 else constant for element, constant in template
    )


def _long_tensor(positions: list[int], device: torch.device) -> torch.Tensor:
    """A long tensor from checked 0-based positions, without per-element work."""
    if not positions:
        return torch.empty(0, dtype=torch.long, device=device)
    index = torch.frombuffer(array("q", positions), dtype=torch.long)
    return index if device.type == "cpu" else index.to(device)


def _long_positions(
    index: torch.Tensor, size: int, element: int, dim: int, device: torch.device
) -> torch.Tensor:
    """0-based positions for a 1-based long tensor (negative from the end)."""
    # R torch rule: subtract 1 from positive entries; negatives count from the
    # end. Adding `size` to them makes every valid position non-negative.
    positions = torch.where(index > 0, index - 1, index + size)
    outside = (positions < 0) | (positions >= size)
    if bool(outside.any()):
        value = int(index[outside].reshape(-1)[0])
        raise KeyProblem("oob", element, value=value, dim=dim, size=size)
    return positions.to(device)


def _mask(
    mask: torch.Tensor, shape: torch.Size, element: int, dim: int, device: torch.device
) -> torch.Tensor:
    """Check a bool mask against the dimensions it covers."""
    covered = list(shape[dim : dim + mask.ndim])
    # R torch rule: a mask covers whole dimensions; no recycling.
    if list(mask.shape) != covered:
        raise KeyProblem("mask", element, mask=list(mask.shape), dims=covered, dim=dim)
    return mask.to(device)


def assignment_value(value: object, t: torch.Tensor) -> object:
    """An assignment value as PyTorch takes it, by R torch's rules.

    Args:
        value: What the user assigns.
        t: The tensor assigned into (its dtype decides what NA becomes).

    Returns:
        A Python scalar or a ``torch.Tensor`` on ``t``'s device.

    Raises:
        RTypeError: A string or another value that is no number or vector.
        RValueError: NA bound for an integer or bool tensor (DECISIONS 3).
    """
    if value.__class__ in _SCALARS:
        # R torch rule: a length-1 number or logical is a Scalar: any dtype.
        return value
    if isinstance(value, torch.Tensor):
        return value
    if isinstance(value, TensorBase):
        return value._t
    if value is NA:
        return _na_scalar(t)
    if isinstance(value, str):
        raise RTypeError(
            f"not handled: a character value ({value!r}) cannot be assigned into "
            "a tensor; use a number, a logical, a vector or a tensor."
        )
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (list, tuple, range, np.ndarray)):
        if len(value) == 1 and np.ndim(value) <= 1:
            # R rule: a length-1 vector is a scalar.
            return assignment_value(value[0], t)
        # R torch rule: a longer vector goes through torch_tensor() first; a
        # floating target takes the values at its own precision (no float32 trip).
        floating = t.is_floating_point() or t.is_complex()
        converted = to_torch(value, t.dtype if floating else None)
        if not floating and converted.is_floating_point():
            _refuse_nan_into(converted, t)
        return converted.to(t.device)
    raise RTypeError(
        "rhs must be a torch_tensor or scalar value. Got a "
        f"{type(value).__name__}; use a number, a logical, a c() vector or list, "
        "a NumPy array or a tensor."
    )


def _refuse_nan_into(values: torch.Tensor, t: torch.Tensor) -> None:
    """DECISIONS 3: NA (NaN) assigned into an integer or bool tensor is an error."""
    if bool(torch.isnan(values).any()):
        _na_scalar(t)


def _na_scalar(t: torch.Tensor) -> float:
    """NA as an assignment value: NaN in floating tensors, an error elsewhere."""
    # DECISIONS 3: never turn NA into a valid-looking integer or TRUE.
    if t.is_floating_point() or t.is_complex():
        return float("nan")
    raise RValueError(
        f"NA cannot be stored in a {str(t.dtype).removeprefix('torch.')} tensor "
        "without losing it; assign into a floating tensor, where NA becomes NaN."
    )


def _explain_write_failure(error: BaseException, key: object, value: object) -> None:
    """Re-raise a PyTorch assignment error with the key named."""
    try:
        translate_torch_error(error)
    except Exception as translated:  # noqa: BLE001 - re-raised with context
        shape = list(value.shape) if isinstance(value, torch.Tensor) else "scalar"
        raise type(translated)(
            f"{translated} (assigning a value of shape {shape} into the "
            f"selection {render_key(key)})"
        ) from None
