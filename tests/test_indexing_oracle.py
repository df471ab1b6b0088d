"""Property test: rtorch's ``x[...]`` against an independent oracle.

The oracle below is written from the rules of section 4 of
``rtorch-semantics.md`` (and DECISIONS.md item 4) alone. It shares no code with
``rtorch.indexing``: it reads each key element by the written rules, lists the
selected 1-based positions per dimension, and copies elements one by one with
explicit loops over NumPy index sets. Hypothesis draws random tensors of 1-4
dimensions and random keys mixing scalars, ranges with steps, negatives, ``N``,
``...``, ``None``, ``NA``, vectors, logical vectors, long tensors and masks;
each case is read (with and without ``nodrop``) or assigned through the public
facade, and must agree with the oracle, errors included.

Error precedence used by both (documented in the indexing module): element
conversion errors left to right (a 0, a step below 1), then the key as a whole
(two ``...``; two tensor indices in an assignment; too many indices), then
positions against sizes left to right (out of bounds, mask shape).
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from rtorch import NA, RTorchError, from_torch
from rtorch.indexing import slc

R_INT_MAX = 2**31 - 1   # R's .Machine$integer.max, what N stands for

READ_EXAMPLES = 3000
WRITE_EXAMPLES = 2500


# --------------------------------------------------------------------------
# The oracle
# --------------------------------------------------------------------------

class Refused(Exception):
    """The oracle's verdict that R torch (rtorch) refuses the key."""

    def __init__(self, expected_text: str) -> None:
        super().__init__(expected_text)
        self.expected_text = expected_text


def read_rules(part: object) -> tuple:
    """Section 4 rules for one key element, before sizes are known."""
    if part is None:
        return ("new",)
    if part is Ellipsis:
        return ("dots",)
    if part is NA:
        return ("everything",)
    if isinstance(part, (bool, np.bool_)):
        return ("logical", [bool(part)])
    if isinstance(part, slice):
        return range_rules(part.start, part.stop, part.step)
    if type(part).__name__ == "Slice":
        return range_rules(part.start, part.end, part.step)
    if isinstance(part, float):
        return scalar_rules(int(math.trunc(part)), "Indexing in R is 1-based")
    if isinstance(part, (int, np.integer)):
        return scalar_rules(int(part), "Indexing in R is 1-based")
    if isinstance(part, list):
        return vector_rules(part, "Indexing in R is 1-based")
    if isinstance(part, np.ndarray):
        # An R logical matrix is a mask; an R logical vector is per-dimension.
        if part.dtype == bool and part.ndim >= 2:
            return ("mask", part.copy())
        if part.dtype == bool:
            return ("logical", [bool(v) for v in part.reshape(-1)])
        return vector_rules([int(v) for v in part.reshape(-1)],
                            "Indexing in R is 1-based")
    tensor = part.torch if hasattr(part, "torch") else part
    values = tensor.numpy()
    if tensor.dtype == torch.bool:
        if tensor.ndim == 0:
            return ("logical", [bool(values)])
        return ("mask", values.copy())
    if tensor.ndim == 0:
        return scalar_rules(int(values), "Indexing starts at 1")
    if (values == 0).any():
        raise Refused("Indexing starts at 1 but found a 0.")
    return ("long", values.copy())


def scalar_rules(value: int, zero_text: str) -> tuple:
    """A single position: 0 is refused."""
    if value == 0:
        raise Refused(zero_text)
    return ("scalar", value)


def vector_rules(values: list, zero_text: str) -> tuple:
    """An R vector: logicals are a mask, length 1 is a scalar, 0 is refused."""
    if values and all(isinstance(v, bool) for v in values):
        return ("logical", list(values))
    values = [int(v) for v in values]
    if len(values) == 1:
        return scalar_rules(values[0], zero_text)
    if 0 in values:
        raise Refused(zero_text)
    return ("vector", values)


def range_rules(start: object, end: object, step: object) -> tuple:
    """An inclusive R range: the step must be at least 1."""
    step = 1 if step is None else step
    if step <= 0:
        raise Refused("step must be greater than zero")
    return ("range", start, end, step)


def range_positions(start: object, end: object, step: int, size: int) -> list[int]:
    """1-based positions an inclusive R range selects from a dimension."""
    if start is None or start == 0:
        first = 1
    elif start > 0:
        first = start
    else:
        first = max(size + start + 1, 1)
    if end is None or end == math.inf or end == -1:
        last = size
    elif end == 0:
        last = 0
    elif end > 0:
        last = min(end, size)
    else:
        last = size + end + 1
    return list(range(first, last + 1, step))


def resolve(value: int, size: int, dim: int) -> int:
    """A 1-based position (negative from the end) as a 1-based position."""
    if 1 <= value <= size:
        return value
    if -size <= value <= -1:
        return size + value + 1
    raise Refused(f"index {value} is out of bounds for dimension {dim + 1} "
                  f"with size {size}")


def oracle_selection(shape: tuple, key: list, drop: bool, assign: bool) -> tuple:
    """The output axes of ``x[key]``: each maps output positions to input ones.

    Returns:
        A list of axes; each axis is ``(length, mapper)`` where mapper takes the
        output coordinates of that axis (a tuple) and returns
        ``{input_dim: 0-based position}``.
    """
    ndim = len(shape)
    rules = [read_rules(part) for part in key]

    if sum(1 for r in rules if r[0] == "dots") > 1:
        raise Refused("single ellipsis")
    tensors = [r for r in rules if r[0] in ("vector", "logical", "long", "mask")]
    if assign and len(tensors) > 1:
        raise Refused("Only one tensor is allowed in the index")
    widths = [rule_width(r) for r in rules]
    if sum(widths) > ndim:
        raise Refused(f"too many indices for tensor of dimension {ndim}")

    # Which input dims each element selects from; `...` fills the dims left.
    dots_width = ndim - sum(widths)
    first_dims = []
    dim = 0
    for rule, width in zip(rules, widths):
        first_dims.append(dim)
        dim += dots_width if rule[0] == "dots" else width

    axes = []
    for rule, first in zip(rules, first_dims):
        kind = rule[0]
        if kind == "new":
            axes.append((1, lambda c: {}))
        elif kind == "dots":
            for d in range(first, first + dots_width):
                axes.append(whole_axis(d, shape[d]))
        elif kind == "everything":
            axes.append(whole_axis(first, shape[first]))
        elif kind == "scalar":
            position = resolve(rule[1], shape[first], first) - 1
            length = 1 if not drop else None
            axes.append((length, lambda c, d=first, p=position: {d: p}))
        elif kind == "range":
            positions = range_positions(rule[1], rule[2], rule[3], shape[first])
            axes.append(list_axis(first, [p - 1 for p in positions]))
        elif kind == "vector":
            positions = [resolve(v, shape[first], first) - 1 for v in rule[1]]
            axes.append(list_axis(first, positions))
        elif kind == "logical":
            if len(rule[1]) != shape[first]:
                raise Refused("does not match the shape")
            axes.append(list_axis(first, [i for i, f in enumerate(rule[1]) if f]))
        elif kind == "long":
            values = rule[1]
            flat = [resolve(int(v), shape[first], first) - 1
                    for v in values.reshape(-1)]
            resolved = np.array(flat, dtype=np.int64).reshape(values.shape)
            for axis in range(values.ndim):
                axes.append(long_axis(first, resolved, axis, values.ndim))
        elif kind == "mask":
            mask = rule[1]
            if tuple(mask.shape) != tuple(shape[first:first + mask.ndim]):
                raise Refused("does not match the shape")
            hits = [coords for coords in itertools.product(
                *[range(n) for n in mask.shape]) if mask[coords]]
            axes.append((len(hits), lambda c, d=first, h=hits:
                         {d + k: v for k, v in enumerate(h[c[0]])}))

    # Fewer indices than dims: the rest are whole (no `...` in the key).
    if not any(rule[0] == "dots" for rule in rules):
        for d in range(sum(widths), ndim):
            axes.append(whole_axis(d, shape[d]))
    return axes


def rule_width(rule: tuple) -> int:
    """How many input dims a read element uses."""
    if rule[0] in ("new", "dots"):
        return 0
    if rule[0] == "mask":
        return rule[1].ndim
    return 1


def whole_axis(dim: int, size: int) -> tuple:
    return (size, lambda c, d=dim: {d: c[0]})


def list_axis(dim: int, positions: list[int]) -> tuple:
    return (len(positions), lambda c, d=dim, p=positions: {d: p[c[0]]})


def long_axis(dim: int, resolved: np.ndarray, axis: int, rank: int) -> tuple:
    """One output axis of an n-d long index; the last one looks the value up."""
    if axis < rank - 1:
        return (resolved.shape[axis], ("long-part",))
    return (resolved.shape[axis], ("long-last", dim, resolved, rank))


def oracle_read(data: np.ndarray, key: list, drop: bool) -> np.ndarray:
    """``x[key]`` by explicit loops over the selected positions."""
    axes = oracle_selection(data.shape, key, drop, assign=False)
    out_shape = [length for length, _ in axes if length is not None]
    out = np.zeros(out_shape, dtype=data.dtype)
    for out_coords, in_coords in selected_pairs(axes, data.ndim):
        out[out_coords] = data[in_coords]
    return out


def oracle_write(data: np.ndarray, key: list, value: np.ndarray) -> np.ndarray:
    """``x[key] <- value`` by explicit loops; returns the new data."""
    axes = oracle_selection(data.shape, key, True, assign=True)
    out_shape = [length for length, _ in axes if length is not None]
    values = np.broadcast_to(value, out_shape)
    result = data.copy()
    for out_coords, in_coords in selected_pairs(axes, data.ndim):
        result[in_coords] = values[out_coords]
    return result


def selected_pairs(axes: list, ndim: int):
    """Every (output coordinate, input coordinate) pair, row-major."""
    kept = [length for length, _ in axes if length is not None]
    for out_coords in itertools.product(*[range(n) for n in kept]):
        in_coords = [0] * ndim
        cursor = 0
        pending_long: list[int] = []
        for length, mapper in axes:
            if length is None:
                picked = mapper(())
            elif isinstance(mapper, tuple):
                pending_long.append(out_coords[cursor])
                cursor += 1
                if mapper[0] == "long-part":
                    continue
                _, dim, resolved, _ = mapper
                picked = {dim: int(resolved[tuple(pending_long)])}
                pending_long = []
            else:
                picked = mapper(out_coords[cursor:cursor + 1])
                cursor += 1
            for dim, position in picked.items():
                in_coords[dim] = position
        yield out_coords, tuple(in_coords)


# --------------------------------------------------------------------------
# Random tensors and keys
# --------------------------------------------------------------------------

@st.composite
def shapes(draw) -> tuple:
    ndim = draw(st.integers(1, 4))
    sizes = st.one_of(st.integers(1, 4), st.integers(0, 4))
    return tuple(draw(sizes) for _ in range(ndim))


def scalar_values(size: int, allow_errors: bool) -> st.SearchStrategy:
    choices = [st.integers(1, size), st.integers(-size, -1)] if size else []
    if allow_errors or not choices:
        choices.append(st.sampled_from([0, size + 1, size + 2, -size - 1]))
    return st.one_of(*choices)


@st.composite
def scalar_parts(draw, size: int, allow_errors: bool) -> object:
    value = draw(scalar_values(size, allow_errors))
    spelling = draw(st.sampled_from(["int", "int", "numpy", "float", "list",
                                     "tensor0d", "rtensor0d"]))
    if spelling == "numpy":
        return np.int64(value)
    if spelling == "float":
        # R rule: a double position is truncated toward zero.
        frac = draw(st.sampled_from([0.0, 0.25, 0.75]))
        return float(value) + (frac if value > 0 else -frac if value < 0 else 0.0)
    if spelling == "list":
        return [value]
    if spelling == "tensor0d":
        return torch.tensor(value)
    if spelling == "rtensor0d":
        return from_torch(torch.tensor(value))
    return value


@st.composite
def range_parts(draw, size: int, allow_errors: bool) -> object:
    bound = st.integers(-size - 2, size + 2)
    start = draw(st.one_of(st.none(), bound))
    end = draw(st.one_of(st.none(), bound, st.just(R_INT_MAX), st.just(math.inf)))
    steps = [None, 1, 2, 3]
    if allow_errors:
        steps += [0, -1]
    step = draw(st.sampled_from(steps))
    if start is not None and end is not None and draw(st.booleans()):
        return slc(start, end, 1 if step is None else step)
    if end == math.inf:
        end = None
    return slice(start, end, step)


@st.composite
def vector_parts(draw, size: int, allow_errors: bool, unique: bool) -> object:
    if size == 0:
        positions: list[int] = []
        if allow_errors and draw(st.booleans()):
            positions = [1, 2]
    elif unique:
        positions = draw(st.lists(st.integers(1, size), max_size=min(size, 4),
                                  unique=True))
    else:
        positions = draw(st.lists(st.integers(1, size), max_size=4))
    values = [p if draw(st.booleans()) else p - size - 1 for p in positions]
    if allow_errors and values and draw(st.integers(0, 5)) == 0:
        values[draw(st.integers(0, len(values) - 1))] = draw(
            st.sampled_from([0, size + 1, -size - 1]))
    spelling = draw(st.sampled_from(["list", "list", "numpy", "tensor", "rtensor"]))
    if spelling == "numpy":
        return np.array(values, dtype=np.int64)
    if spelling in ("tensor", "rtensor") and len(values) != 1:
        tensor = torch.tensor(values, dtype=torch.long)
        return tensor if spelling == "tensor" else from_torch(tensor)
    return values


@st.composite
def logical_parts(draw, size: int, allow_errors: bool) -> object:
    length = size
    if allow_errors and draw(st.integers(0, 7)) == 0:
        length = size + draw(st.sampled_from([-1, 1])) if size else 1
    flags = draw(st.lists(st.booleans(), min_size=length, max_size=length))
    spelling = draw(st.sampled_from(["list", "numpy", "tensor", "rtensor"]))
    if length == 1 and draw(st.booleans()):
        return flags[0]
    if spelling == "list" and flags:
        return flags
    if spelling == "numpy":
        return np.array(flags, dtype=bool)
    tensor = torch.tensor(flags, dtype=torch.bool)
    return from_torch(tensor) if spelling == "rtensor" else tensor


@st.composite
def long_matrix_parts(draw, size: int, unique: bool) -> object:
    layouts = [(1, 2), (2, 1), (2, 2), (1, 3), (1, 1)]
    if unique:
        layouts = [(r, c) for r, c in layouts if r * c <= size]
    rows, cols = draw(st.sampled_from(layouts))
    count = rows * cols
    if unique:
        positions = draw(st.lists(st.integers(1, size), min_size=count,
                                  max_size=count, unique=True))
    else:
        positions = draw(st.lists(st.integers(1, size), min_size=count,
                                  max_size=count))
    values = [p if draw(st.booleans()) else p - size - 1 for p in positions]
    return torch.tensor(values, dtype=torch.long).reshape(rows, cols)


@st.composite
def mask_parts(draw, sizes: tuple, allow_errors: bool) -> object:
    shape = list(sizes)
    if allow_errors and draw(st.integers(0, 7)) == 0:
        shape[-1] += 1
    flags = draw(st.lists(st.booleans(), min_size=math.prod(shape),
                          max_size=math.prod(shape)))
    mask = np.array(flags, dtype=bool).reshape(shape)
    if draw(st.booleans()):
        return mask
    tensor = torch.from_numpy(mask.copy())
    return from_torch(tensor) if draw(st.booleans()) else tensor


@st.composite
def keys(draw, shape: tuple, assign: bool) -> list:
    """A key for a tensor of ``shape``, mostly valid, sometimes not."""
    ndim = len(shape)
    allow_errors = draw(st.integers(0, 4)) == 0
    unique = assign

    # Groups of consecutive dims, each taken by one element (masks take more).
    used = draw(st.integers(0, ndim))
    groups: list[int] = []
    while sum(groups) < used:
        width = 1
        if used - sum(groups) >= 2 and draw(st.integers(0, 5)) == 0:
            width = draw(st.integers(2, used - sum(groups)))
        groups.append(width)
    with_dots = draw(st.booleans())
    split = draw(st.integers(0, len(groups))) if with_dots else len(groups)
    before = groups[:split]
    after = groups[split:]
    dims_before = list(itertools.accumulate([0] + before))[:-1]
    start_after = ndim - sum(after)
    dims_after = [start_after + d for d in
                  list(itertools.accumulate([0] + after))[:-1]]

    tensor_budget = 1 if assign else 99
    if assign and allow_errors:
        tensor_budget = 2
    parts: list[object] = []
    for first, width in zip(dims_before + dims_after, before + after):
        size = shape[first]
        if width > 1:
            if tensor_budget > 0:
                tensor_budget -= 1
                parts.append(draw(mask_parts(shape[first:first + width],
                                             allow_errors)))
                continue
            for d in range(first, first + width):
                parts.append(draw(range_parts(shape[d], allow_errors)))
            continue
        kinds = ["scalar", "range", "range", "everything"]
        if tensor_budget > 0:
            kinds += ["vector", "vector", "logical"]
            if size > 0:
                kinds.append("long_matrix")
        kind = draw(st.sampled_from(kinds))
        if kind == "scalar":
            part = draw(scalar_parts(size, allow_errors))
        elif kind == "range":
            part = draw(range_parts(size, allow_errors))
        elif kind == "everything":
            part = draw(st.sampled_from([NA, slice(None)]))
        elif kind == "vector":
            part = draw(vector_parts(size, allow_errors, unique))
        elif kind == "logical":
            part = draw(logical_parts(size, allow_errors))
        else:
            part = draw(long_matrix_parts(size, unique))
        if is_tensor_like(part):
            tensor_budget -= 1
        parts.append(part)
    if with_dots:
        parts.insert(split, Ellipsis)

    for _ in range(draw(st.integers(0, 2))):
        parts.insert(draw(st.integers(0, len(parts))), None)
    if allow_errors:
        trouble = draw(st.sampled_from(["none", "extra", "dots"]))
        if trouble == "extra":
            parts.append(1)
        elif trouble == "dots":
            parts.insert(draw(st.integers(0, len(parts))), Ellipsis)
    return parts


def is_tensor_like(part: object) -> bool:
    """Whether a generated part counts as a vector/logical/tensor index."""
    if isinstance(part, (bool, np.bool_)):
        return True
    if isinstance(part, list):
        return len(part) != 1
    if isinstance(part, np.ndarray):
        return part.dtype == bool or part.size != 1
    tensor = part.torch if hasattr(part, "torch") else part
    if isinstance(tensor, torch.Tensor):
        return tensor.ndim > 0 or tensor.dtype == torch.bool
    return False


@st.composite
def tensors(draw) -> np.ndarray:
    shape = draw(shapes())
    dtype = draw(st.sampled_from([np.float32, np.float32, np.int64]))
    count = math.prod(shape)
    return (np.arange(count, dtype=dtype) + 1).reshape(shape)


def kind_events(parts: list) -> None:
    """Record which kinds of element a case holds (shown with statistics)."""
    for part in parts:
        tensor = part.torch if hasattr(part, "torch") else part
        if isinstance(tensor, torch.Tensor):
            event(f"element: {tensor.dtype} tensor of {tensor.ndim} dims")
        else:
            event(f"element: {type(part).__name__}")


def as_key(parts: list) -> object:
    """The key as Python passes it: ``x[k]`` passes ``k``, ``x[a, b]`` a tuple."""
    return parts[0] if len(parts) == 1 else tuple(parts)


def snapshot(parts: list) -> list:
    """Copies of the key's mutable parts, to check nothing was changed."""
    out = []
    for part in parts:
        if isinstance(part, list):
            out.append(list(part))
        elif isinstance(part, np.ndarray):
            out.append(part.copy())
        elif hasattr(part, "torch"):
            out.append(part.torch.clone())
        elif isinstance(part, torch.Tensor):
            out.append(part.clone())
        else:
            out.append(part)
    return out


def assert_unchanged(before: list, parts: list) -> None:
    for old, new in zip(before, parts):
        new = new.torch if hasattr(new, "torch") else new
        if isinstance(new, torch.Tensor):
            assert torch.equal(old, new)
        elif isinstance(new, np.ndarray):
            np.testing.assert_array_equal(old, new)
        elif isinstance(new, list):
            assert old == new


def expect_refusal(run, expected_text: str) -> None:
    with pytest.raises(RTorchError) as caught:
        run()
    assert isinstance(caught.value, (IndexError, ValueError))
    assert expected_text in str(caught.value)


# --------------------------------------------------------------------------
# The properties
# --------------------------------------------------------------------------

@settings(max_examples=READ_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_reads_agree_with_the_oracle(data) -> None:
    array = data.draw(tensors())
    parts = data.draw(keys(array.shape, assign=False))
    drop = data.draw(st.booleans())
    kind_events(parts)
    before = snapshot(parts)
    x = from_torch(torch.from_numpy(array.copy()))
    key = as_key(parts)

    try:
        expected = oracle_read(array, parts, drop)
    except Refused as refusal:
        event(f"read refused: {refusal.expected_text[:30]}")
        expect_refusal(lambda: x[key] if drop else x.nodrop[key],
                       refusal.expected_text)
        return
    event(f"read: {len(parts)} elements, result of {expected.ndim} dims")

    result = x[key] if drop else x.nodrop[key]
    got = result.torch.numpy()
    assert got.shape == expected.shape
    np.testing.assert_array_equal(got, expected)
    assert_unchanged(before, parts)


@settings(max_examples=WRITE_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_assignments_agree_with_the_oracle(data) -> None:
    array = data.draw(tensors())
    parts = data.draw(keys(array.shape, assign=True))
    kind_events(parts)
    before = snapshot(parts)
    t = torch.from_numpy(array.copy())
    x = from_torch(t)
    alias = from_torch(t)
    key = as_key(parts)

    try:
        axes = oracle_selection(array.shape, parts, True, assign=True)
    except Refused as refusal:
        event(f"write refused: {refusal.expected_text[:30]}")

        def assign() -> None:
            x[key] = 0
        expect_refusal(assign, refusal.expected_text)
        np.testing.assert_array_equal(t.numpy(), array)
        return

    out_shape = tuple(length for length, _ in axes if length is not None)
    form = data.draw(st.sampled_from(["scalar", "full", "broadcast"]))
    if form == "scalar":
        value = -7 if array.dtype == np.int64 else -7.5
        value_array = np.array(value, dtype=array.dtype)
        x[key] = value
    else:
        shape = out_shape
        if form == "broadcast" and shape:
            # A trailing part of the selection's shape, its first extent maybe 1.
            shape = shape[data.draw(st.integers(0, len(shape))):]
            if shape and data.draw(st.booleans()):
                shape = (1,) + shape[1:]
        count = math.prod(shape)
        value_array = (-100 - np.arange(count, dtype=array.dtype)).reshape(shape)
        x[key] = from_torch(torch.from_numpy(value_array.copy()))

    event(f"write: {form} value")
    expected = oracle_write(array, parts, value_array)
    np.testing.assert_array_equal(alias.torch.numpy(), expected)
    assert_unchanged(before, parts)
