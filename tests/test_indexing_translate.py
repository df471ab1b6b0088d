"""The pure translation step: R keys to PyTorch keys and plans, no tensor data.

Expected Python slices are worked out by hand from section 4.3's conversion
rules (start ``a > 0`` becomes ``a - 1``; ``0`` acts as 1; end ``b > 0`` stays;
``-1`` and ``Inf`` mean the end; ``b < -1`` becomes ``b + 1``; ``0`` is empty).
"""

from __future__ import annotations

import itertools
import math

import pytest
import torch

from rtorch.indexing.basic import basic_key
from rtorch.indexing.ranges import (
    N,
    RangeProblem,
    Slice,
    fast_range,
    range_to_slice,
    slc,
)
from rtorch.indexing.translate import (
    LOGICAL,
    LONG,
    MASK,
    POSITION,
    RANGE,
    VECTOR,
    KeyProblem,
    normalize,
    plan_for,
    signature,
)

RANGES = [
    ((2, 5, None), slice(1, 5, None)),
    ((0, 3, None), slice(None, 3, None)),
    ((-2, -1, None), slice(-2, None, None)),
    ((-3, -2, None), slice(-3, -1, None)),
    ((2, N, None), slice(1, N, None)),
    ((4, math.inf, None), slice(3, None, None)),
    ((1, 10, 2), slice(0, 10, 2)),
    ((3, 1, None), slice(2, 1, None)),
    ((1, 0, None), slice(0, 0, None)),
    ((None, 4, None), slice(None, 4, None)),
    ((5, None, 3), slice(4, None, 3)),
    ((2.0, 4.0, None), slice(1, 4, None)),
]


@pytest.mark.parametrize(("bounds", "expected"), RANGES,
                         ids=[str(b) for b, _ in RANGES])
def test_range_to_slice(bounds: tuple, expected: slice) -> None:
    assert range_to_slice(*bounds) == expected


@pytest.mark.parametrize("bounds", [(1, 5, 0), (5, 1, -1), (1.5, 3, None),
                                    (1, "3", None), (1, 3, 1.5)])
def test_range_problems(bounds: tuple) -> None:
    with pytest.raises(RangeProblem):
        range_to_slice(*bounds)


def test_fast_range_agrees_with_range_to_slice() -> None:
    # The fast path and the rule must agree on every whole-number range.
    bounds = [None, *range(-7, 8), N]
    for start, stop, step in itertools.product(bounds, bounds, [None, 1, 2, 5]):
        fast = fast_range(slice(start, stop, step))
        assert fast == range_to_slice(start, stop, step), (start, stop, step)


@pytest.mark.parametrize("key", [slice(1, 3, 0), slice(1, 3, -1),
                                 slice(1.0, 3), slice(1, math.inf)])
def test_fast_range_leaves_the_rest_to_the_general_path(key: slice) -> None:
    assert fast_range(key) is None


def test_slc_is_a_range_that_prints_as_slice() -> None:
    s = slc(2, 8, 3)
    assert isinstance(s, Slice)
    assert (s.start, s.end, s.step) == (2, 8, 3)
    assert repr(s) == str(s) == "<slice>"
    assert N == 2**31 - 1


BASIC_KEYS = [
    ((1, 2), True, (2, 3), (0, 1)),
    ((-1, 1), True, (2, 3), (-1, 0)),
    ((2, slice(None)), True, (2, 3), 1),
    ((slice(None), slice(None)), True, (2, 3), ()),
    ((slice(None), 2), True, (2, 3), (slice(None), 1)),
    ((1,), False, (2, 3), (0, None)),
    ((Ellipsis, 1, slice(None)), True, (2, 3, 4), (Ellipsis, 0, slice(None))),
    ((None, 2), True, (3,), (None, 1)),
    ((1, 1, slice(None)), True, (2, 2), (0, 0, slice(None))),
]


@pytest.mark.parametrize(("key", "drop", "shape", "expected"), BASIC_KEYS,
                         ids=[repr(row[0]) for row in BASIC_KEYS])
def test_basic_key(key: tuple, drop: bool, shape: tuple, expected: object) -> None:
    # A trailing full range is left out only when the key fits and has no `...`.
    assert basic_key(key, drop, torch.empty(shape)) == expected


@pytest.mark.parametrize("key", [(0,), (True,), ([1, 2],), (1.0,),
                                 (Ellipsis, Ellipsis), (slice(3, 1, -1),)])
def test_basic_key_declines(key: tuple) -> None:
    assert basic_key(key, True, torch.empty(3, 3)) is None


def test_normalize_reads_each_element_kind() -> None:
    elements = normalize((2, slice(1, 3), [1, -1], [True, False],
                          torch.tensor([[1, 2]]), torch.tensor([[True]])))
    kinds = [element.kind for element in elements]
    assert kinds == [POSITION, RANGE, VECTOR, LOGICAL, LONG, MASK]
    assert elements[0].payload == 1
    assert elements[2].payload == [1, -1]
    assert elements[4].rank == 2
    assert elements[5].arity == 2


@pytest.mark.parametrize(("key", "problem"), [
    (0, "zero"), ([1, 0], "zero"), (torch.tensor([0, 1]), "zero"),
    (torch.tensor(0), "zero"), (slice(1, 3, 0), "range"),
    (torch.tensor([1.0]), "dtype"), ("x", "type"),
])
def test_normalize_problems(key: object, problem: str) -> None:
    with pytest.raises(KeyProblem) as caught:
        normalize(key)
    assert caught.value.problem == problem


def test_plans_are_cached_by_structure() -> None:
    # Two keys with the same structure and different values share one plan.
    first = signature(normalize(([1, 2], 3)))
    second = signature(normalize(([3, 1, 2], -1)))
    assert first == second
    assert plan_for(first, 2, True, False) is plan_for(second, 2, True, False)


def test_plan_places_vectors_after_the_basic_part() -> None:
    # x[NULL, c(2, 3), NULL, 2:3, c(1, 2)] on a 3-d tensor (case
    # idx-mixed-vector-newaxis): vectors apply at output dims 1 and 4.
    elements = normalize((None, [2, 3], None, slice(2, 3), [1, 2]))
    plan = plan_for(signature(elements), 3, True, False)
    assert plan.in_dims == (-1, 0, -1, 1, 2)
    assert plan.read_steps == ((1, 1), (4, 4))


def test_plan_shifts_steps_after_a_mask() -> None:
    # A 2-d mask turns two dims into one, so a later vector moves left.
    elements = normalize((torch.ones(2, 2, dtype=torch.bool), [1, 2]))
    plan = plan_for(signature(elements), 3, True, False)
    assert plan.read_steps == ((0, 0), (1, 1))


@pytest.mark.parametrize(("key", "ndim", "assign", "problem"), [
    ((1, 1, 1), 2, False, "too_many"),
    ((Ellipsis, Ellipsis), 2, False, "dots"),
    (([1, 2], [1, 2]), 2, True, "two"),
    ((torch.ones(2, 2, dtype=torch.bool), 1), 2, False, "too_many"),
])
def test_plan_problems(key: tuple, ndim: int, assign: bool, problem: str) -> None:
    with pytest.raises(KeyProblem) as caught:
        plan_for(signature(normalize(key)), ndim, True, assign)
    assert caught.value.problem == problem
