"""R-style index keys turned into plain PyTorch indexing plans (pure: no tensor data).

R torch equivalent: ``R/indexing.R`` and ``src/indexing.cpp``. A key passes
three steps, each one a rule of section 4 of the semantics notes:

1. :func:`normalize` reads each element of the key the way R torch reads an
   argument of ``[``: a scalar position, a range, ``..``, ``NULL``, an empty
   argument (a lone ``NA``), a vector of positions, a logical vector, a long
   tensor or a bool mask. Zeros and bad steps fail here, element by element.
2. :func:`plan_for` places the elements on the tensor's dimensions and writes
   the PyTorch key that does the basic part (scalars, ranges, new axes) plus the
   steps that apply each vector orthogonally, R-style. It depends only on the
   key's structure, the tensor's rank and ``drop``, so it is cached.
3. :func:`check_position`, :func:`vector_positions` and
   :func:`logical_positions` check the values against the dimension sizes.

Keys made only of whole numbers, ranges, ``...`` and ``None`` skip all of this
(:mod:`rtorch.indexing.basic`).

Example:
    >>> elements = normalize((1, slice(2, 3)))
    >>> plan = plan_for(signature(elements), 2, True, False)
    >>> plan.read_key
    ((0, None), (1, None))
"""

from __future__ import annotations

import functools
import math
import operator
from typing import NamedTuple

import numpy as np
import torch

from rtorch._facade import TensorBase
from rtorch.indexing.ranges import RangeProblem, Slice, range_to_slice
from rtorch.values import NA

__all__ = [
    "POSITION",
    "RANGE",
    "FULL",
    "NEWAXIS",
    "DOTS",
    "VECTOR",
    "LOGICAL",
    "LONG",
    "MASK",
    "Element",
    "Plan",
    "KeyProblem",
    "normalize",
    "signature",
    "plan_for",
    "check_position",
    "vector_positions",
    "logical_positions",
    "arity_of",
]

POSITION = "position"  # one 1-based scalar (payload: the 0-based int)
RANGE = "range"  # an inclusive R range (payload: a Python slice)
FULL = "full"  # an empty argument (a lone NA)
NEWAXIS = "newaxis"  # None: a new size-1 axis
DOTS = "dots"  # ... (R's ..)
VECTOR = "vector"  # 1-based positions (payload: list of non-zero ints)
LOGICAL = "logical"  # one TRUE/FALSE per position (payload: list of bools)
LONG = "long"  # 1-based long tensor (payload: tensor without zeros)
MASK = "mask"  # bool tensor over `arity` dims (payload: the tensor)

_TENSOR_KINDS = frozenset((VECTOR, LOGICAL, LONG, MASK))

# Small CPU long tensors are checked in Python: cheaper than four tensor ops.
_SMALL = 32


class Element(NamedTuple):
    """One element of a key, read the R torch way."""

    kind: str
    arity: int  # how many input dimensions it consumes
    rank: int  # how many output dimensions a vector-like element yields
    payload: object


class Plan(NamedTuple):
    """How to index a tensor of a given rank with a key of a given structure.

    Attributes:
        in_dims: The first input dimension each element selects from (-1 for
            ``None`` and ``...``).
        read_key: The PyTorch key for the basic part of a read, as
            ``(element, constant)`` pairs: the element's converted payload when
            ``element >= 0``, else the constant (``None`` or a full slice).
        read_steps: ``(element, output_dim)`` for each vector, logical, long or
            mask element, applied one after another (R's orthogonal rule).
        identity: Whether ``read_key`` selects everything unchanged.
        write_key: The PyTorch key for one assignment, tensors in place.
    """

    in_dims: tuple[int, ...]
    read_key: tuple[tuple[int, object], ...]
    read_steps: tuple[tuple[int, int], ...]
    identity: bool
    write_key: tuple[tuple[int, object], ...]


class KeyProblem(Exception):
    """Something in a key that R torch refuses; turned into a message by callers.

    Attributes:
        problem: Which rule was broken (``"zero"``, ``"oob"``, ``"mask"``, ...).
        element: The 0-based position of the offending element in the key.
        info: The facts the message needs (value, dimension, size, ...).
    """

    def __init__(self, problem: str, element: int, **info: object) -> None:
        super().__init__(problem)
        self.problem = problem
        self.element = element
        self.info = info


_FULL_SLICE = slice(None)


def normalize(key: object) -> tuple[Element, ...]:
    """Read every element of a key the way R torch reads the arguments of ``[``.

    Args:
        key: What Python passed to ``__getitem__``: one element or a tuple.

    Returns:
        One :class:`Element` per key element.

    Raises:
        KeyProblem: At the first element R torch refuses, left to right.
    """
    parts = key if key.__class__ is tuple else (key,)
    return tuple(_element(part, index) for index, part in enumerate(parts))


def signature(elements: tuple[Element, ...]) -> tuple[tuple[str, int, int], ...]:
    """The structure of a normalized key: kinds, arities and ranks, no values."""
    return tuple((element.kind, element.arity, element.rank) for element in elements)


@functools.lru_cache(maxsize=2048)
def plan_for(
    structure: tuple[tuple[str, int, int], ...],
    ndim: int,
    drop: bool,
    assign: bool,
) -> Plan:
    """Place a key's elements on the dimensions of a tensor of rank ``ndim``.

    Args:
        structure: The key's :func:`signature`.
        ndim: The rank of the indexed tensor.
        drop: ``False`` keeps the dimension of each scalar index.
        assign: Whether the plan is for subset assignment (one tensor at most).

    Returns:
        The :class:`Plan`.

    Raises:
        KeyProblem: Two ``...``; two tensor indices in an assignment; more
            indices than dimensions.
    """
    kinds = [kind for kind, _, _ in structure]
    dots = [index for index, kind in enumerate(kinds) if kind is DOTS]
    if len(dots) > 1:
        raise KeyProblem("dots", dots[1], count=len(dots))

    tensors = [index for index, kind in enumerate(kinds) if kind in _TENSOR_KINDS]
    # R torch rule: [<- sends every index to one index_put_, which takes at most
    # one tensor (lantern's check_multiple_tensors).
    if assign and len(tensors) > 1:
        raise KeyProblem("two", tensors[1], elements=tensors)

    used = sum(arity for _, arity, _ in structure)
    if used > ndim:
        raise KeyProblem("too_many", len(structure) - 1, used=used, ndim=ndim)

    in_dims: list[int] = []
    read_key: list[tuple[int, object]] = []
    write_key: list[tuple[int, object]] = []
    read_steps: list[tuple[int, int]] = []
    in_dim = 0
    out_dim = 0
    shift = 0
    for index, (kind, arity, rank) in enumerate(structure):
        if kind is DOTS:
            fill = ndim - used
            in_dims.append(-1)
            read_key.extend([(-1, _FULL_SLICE)] * fill)
            write_key.extend([(-1, _FULL_SLICE)] * fill)
            in_dim += fill
            out_dim += fill
            continue
        if kind is NEWAXIS:
            in_dims.append(-1)
            read_key.append((-1, None))
            write_key.append((-1, None))
            out_dim += 1
            continue

        in_dims.append(in_dim)
        in_dim += arity
        write_key.append((index, None) if kind is not FULL else (-1, _FULL_SLICE))
        if kind is POSITION:
            read_key.append((index, None))
            if not drop:
                # R torch rule: drop = FALSE puts a new axis after each scalar.
                read_key.append((-1, None))
                out_dim += 1
        elif kind is RANGE:
            read_key.append((index, None))
            out_dim += 1
        elif kind is FULL:
            read_key.append((-1, _FULL_SLICE))
            out_dim += 1
        else:
            # R torch rule: each vector applies to its own dimension, after the
            # basic part (orthogonal, R-style, not NumPy's pairwise rule).
            read_key.extend([(-1, _FULL_SLICE)] * arity)
            read_steps.append((index, out_dim + shift))
            out_dim += arity
            shift += rank - arity

    identity = all(
        element < 0 and constant is _FULL_SLICE for element, constant in read_key
    )
    return Plan(
        tuple(in_dims), tuple(read_key), tuple(read_steps), identity, tuple(write_key)
    )


def check_position(value: int, size: int, element: int, dim: int) -> int:
    """Check a 0-based scalar position (negative from the end) against a size.

    Args:
        value: The 0-based position (``-1`` is the last).
        size: The dimension's size.
        element: The element's place in the key, for the message.
        dim: The 0-based dimension, for the message.

    Returns:
        ``value`` unchanged.

    Raises:
        KeyProblem: The position is outside the dimension.
    """
    if -size <= value < size:
        return value
    raise KeyProblem(
        "oob", element, value=value + 1 if value >= 0 else value, dim=dim, size=size
    )


def vector_positions(values: list[int], size: int, element: int, dim: int) -> list[int]:
    """0-based, non-negative positions for R's 1-based (negative from end) ones.

    Args:
        values: 1-based positions without zeros; negatives count from the end.
        size: The dimension's size.
        element: The element's place in the key, for the message.
        dim: The 0-based dimension, for the message.

    Returns:
        Positions in ``0 .. size - 1``, in the given order, duplicates kept.

    Raises:
        KeyProblem: A position is outside the dimension (reported 1-based).

    Example:
        >>> vector_positions([3, -1], 5, 0, 0)
        [2, 4]
    """
    positions = []
    for value in values:
        if 0 < value <= size:
            positions.append(value - 1)
        elif -size <= value < 0:
            positions.append(value + size)
        else:
            raise KeyProblem("oob", element, value=value, dim=dim, size=size)
    return positions


def logical_positions(
    flags: list[bool], size: int, element: int, dim: int
) -> list[int]:
    """0-based positions where an R logical index is TRUE.

    Args:
        flags: One bool per position of the dimension.
        size: The dimension's size.
        element: The element's place in the key, for the message.
        dim: The 0-based dimension, for the message.

    Returns:
        The positions of the TRUE entries.

    Raises:
        KeyProblem: The length differs from the size (R torch never recycles).
    """
    # R torch rule: a logical index is a mask of exactly the dimension's length.
    if len(flags) != size:
        raise KeyProblem("mask", element, mask=[len(flags)], dims=[size], dim=dim)
    return [position for position, flag in enumerate(flags) if flag]


def arity_of(part: object) -> int:
    """How many dimensions a raw key element consumes (for messages)."""
    if part is None or part is Ellipsis:
        return 0
    if isinstance(part, TensorBase):
        part = part._t
    if isinstance(part, (torch.Tensor, np.ndarray)) and part.dtype in _BOOLS:
        return max(part.ndim, 1)
    return 1


_BOOLS = (torch.bool, np.dtype(bool))


def _element(part: object, index: int) -> Element:
    """Read one key element."""
    cls = part.__class__
    if cls is int:
        return Element(POSITION, 1, 0, _scalar(part, index, "r"))
    if cls is slice:
        return Element(RANGE, 1, 1, _range(part.start, part.stop, part.step, index))
    if part is None:
        return Element(NEWAXIS, 0, 1, None)
    if part is Ellipsis:
        return Element(DOTS, 0, 0, None)
    if cls is bool or cls is np.bool_:
        # R torch rule: TRUE is a length-1 logical index, not a new axis.
        return Element(LOGICAL, 1, 1, [bool(part)])
    if cls is Slice:
        return Element(RANGE, 1, 1, _range(part.start, part.end, part.step, index))
    if part is NA:
        # R torch rule: a lone NA is how R encodes an empty argument.
        return Element(FULL, 1, 1, None)
    if isinstance(part, TensorBase):
        return _tensor(part._t, index)
    if isinstance(part, torch.Tensor):
        return _tensor(part, index)
    if isinstance(part, (list, range)):
        return _vector(list(part), index)
    if isinstance(part, np.ndarray):
        return _array(part, index)
    if isinstance(part, (int, np.integer)):
        return Element(POSITION, 1, 0, _scalar(operator.index(part), index, "r"))
    if isinstance(part, (float, np.floating)):
        return Element(POSITION, 1, 0, _scalar(_truncate(part, index), index, "r"))
    raise KeyProblem("type", index, what=type(part).__name__)


def _scalar(value: int, index: int, origin: str) -> int:
    """0-based position (negative from the end) of a 1-based R scalar."""
    # R torch rule: 1-based; negative counts from the end; 0 is an error.
    if value > 0:
        return value - 1
    if value < 0:
        return value
    raise KeyProblem("zero", index, origin=origin)


def _range(start: object, end: object, step: object, index: int) -> slice:
    """Python slice for an R range element."""
    try:
        return range_to_slice(start, end, step)
    except RangeProblem as problem:
        raise KeyProblem("range", index, detail=str(problem)) from None


def _truncate(value: float, index: int) -> int:
    """R's as-integer rule for a double used as a position."""
    if not math.isfinite(value):
        raise KeyProblem("not_whole", index, value=value)
    # R torch rule: a non-integer double is truncated toward zero (Rf_asInteger).
    return int(value)


def _vector(values: list, index: int) -> Element:
    """Read a Python list (an R vector made with c())."""
    if values and all(isinstance(value, (bool, np.bool_)) for value in values):
        return Element(LOGICAL, 1, 1, [bool(value) for value in values])

    positions = []
    for value in values:
        if value is NA:
            raise KeyProblem("na", index)
        if isinstance(value, (bool, int, np.integer, np.bool_)):
            # R rule: c() coerces logicals mixed with numbers to 0/1.
            positions.append(int(value))
        elif isinstance(value, (float, np.floating)):
            positions.append(_truncate(value, index))
        else:
            raise KeyProblem(
                "type", index, what=f"list holding a {type(value).__name__}"
            )

    # R rule: a length-1 vector is a scalar, and scalars drop their dimension.
    if len(positions) == 1:
        return Element(POSITION, 1, 0, _scalar(positions[0], index, "r"))
    if 0 in positions:
        raise KeyProblem("zero", index, origin="r")
    return Element(VECTOR, 1, 1, positions)


def _array(array: np.ndarray, index: int) -> Element:
    """Read a NumPy array (an R vector, matrix or array)."""
    kind = array.dtype.kind
    if kind == "b":
        if array.ndim <= 1:
            return Element(LOGICAL, 1, 1, array.reshape(-1).tolist())
        return Element(MASK, array.ndim, 1, torch.from_numpy(array.copy()))
    if kind == "f":
        if not np.isfinite(array).all():
            raise KeyProblem("not_whole", index, value="a non-finite entry")
        # R torch rule: doubles become long positions by truncation.
        array = np.trunc(array).astype(np.int64)
    elif kind not in "iu":
        raise KeyProblem("type", index, what=f"NumPy array of {array.dtype}")

    if array.ndim <= 1:
        return _vector(array.reshape(-1).tolist(), index)
    # R torch rule: a numeric matrix becomes a long tensor index on one dim.
    return _tensor(torch.from_numpy(array.astype(np.int64)), index)


def _tensor(tensor: torch.Tensor, index: int) -> Element:
    """Read a torch tensor used as an index."""
    dtype = tensor.dtype
    if dtype is torch.bool:
        if tensor.ndim == 0:
            return Element(LOGICAL, 1, 1, [bool(tensor)])
        return Element(MASK, tensor.ndim, 1, tensor)
    if dtype is not torch.int64:
        # R torch rule: only long and bool tensors index (int32 included).
        raise KeyProblem("dtype", index, dtype=dtype)

    if tensor.ndim == 0:
        # R torch rule: a 0-d long tensor is a scalar and drops its dimension.
        return Element(POSITION, 1, 0, _scalar(int(tensor), index, "tensor"))
    if tensor.ndim == 1 and tensor.numel() <= _SMALL and tensor.device.type == "cpu":
        values = tensor.tolist()
        if 0 in values:
            raise KeyProblem("zero", index, origin="tensor")
        return Element(VECTOR, 1, 1, values)
    if bool((tensor == 0).any()):
        raise KeyProblem("zero", index, origin="tensor")
    return Element(LONG, 1, tensor.ndim, tensor)
