"""Section 4 of ``rtorch-semantics.md``, rule by rule, through the public facade.

Expected values come from the rules and worked examples of the section named
in each row (4.2 scalars, 4.3 ranges, ...), never from running rtorch.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from rtorch import (
    NA,
    RTorchError,
    RTypeError,
    RValueError,
    c,
    from_torch,
    matrix,
    seq,
    torch_tensor,
    torch_zeros,
)
from rtorch.indexing import N, slc


def ten() -> object:
    """R: ``torch_tensor(0:9)``, the vector of section 4's worked examples."""
    return torch_tensor(seq(0, 9))


def values(x: object) -> list:
    return x.torch.tolist()


# -- 4.2 scalar indices, 4.3 ranges, 4.4 fill rules: (rule, key, expected) ----
READS_0_TO_9 = [
    ("4.2 first element is 1", 1, 0),
    ("4.2 -1 is the last element", -1, 9),
    ("4.2 -2 is the one before", -2, 8),
    ("4.2 a double is truncated", 1.9, 0),
    ("4.2 a NumPy integer is a position", np.int64(3), 2),
    ("4.3 0 start acts like 1", slice(0, 3), [0, 1, 2]),
    ("4.3 end is inclusive", slice(2, 4), [1, 2, 3]),
    ("4.3 -2:10 runs from the second to last", slice(-2, 10), [8, 9]),
    ("4.3 2:N runs to the end", slice(2, N), [1, 2, 3, 4, 5, 6, 7, 8, 9]),
    ("4.3 open end is N", slice(8, None), [7, 8, 9]),
    ("4.3 open start is 1", slice(None, 2), [0, 1]),
    ("4.3 1:10:2 takes 1, 3, 5, 7, 9", slice(1, 10, 2), [0, 2, 4, 6, 8]),
    ("4.3 reversed range is empty", slice(3, 1), []),
    ("4.3 past the end is clamped", slice(5, 20), [4, 5, 6, 7, 8, 9]),
    ("4.3 end 0 is empty", slice(1, 0), []),
    ("4.3 -1 end means the last element", slice(8, -1), [7, 8, 9]),
    ("4.3 a negative end is inclusive", slice(-4, -2), [6, 7, 8]),
    ("4.3 a start beyond -n is clamped", slice(-20, 2), [0, 1]),
    ("4.3 slc(start, end, step)", slc(1, 5, 2), [0, 2, 4]),
    ("4.3 slc end Inf", slc(8, float("inf")), [7, 8, 9]),
    ("4.3 integral float bounds", slice(2.0, 3.0), [1, 2]),
    ("4.4 a lone NA is everything", NA, list(range(10))),
    ("4.4 x[] is everything", (), list(range(10))),
    ("4.4 1:5 then .. on 1-d", (slice(1, 5), Ellipsis), [0, 1, 2, 3, 4]),
    ("4.5 vector in the given order", [3, 1, 2], [2, 0, 1]),
    ("4.5 negative entries from the end", [-1, -2], [9, 8]),
    ("4.5 duplicates repeat", [1, 1], [0, 0]),
    ("4.5 an empty vector selects nothing", [], []),
    ("4.5 a length-1 vector is a scalar", [4], 3),
    ("4.5 a NumPy vector", np.array([2, 10]), [1, 9]),
    ("4.5 a double vector is truncated", [1.9, 3.0], [0, 2]),
    ("4.6 NumPy bools in a list are logical",
     [np.True_] + [np.False_] * 8 + [np.True_], [0, 9]),
    ("4.6 a logical vector", [False] * 9 + [True], [9]),
    ("4.9 long tensor, 1-based", torch.tensor([10, 1]), [9, 0]),
    ("4.9 0-d long tensor is a scalar", torch.tensor(10), 9),
]


@pytest.mark.parametrize(("rule", "key", "expected"), READS_0_TO_9,
                         ids=[row[0] for row in READS_0_TO_9])
def test_reads_of_zero_to_nine(rule: str, key: object, expected: object) -> None:
    assert values(ten()[key]) == expected


# -- shapes on matrices and arrays: (rule, shape, key, nodrop, expected shape) --
SHAPES = [
    ("4.4 x[1] on a matrix is its first row", (3, 4), 1, False, (4,)),
    ("4.4 empty argument is a full range", (3, 4), (slice(None), 2), False, (3,)),
    ("4.4 .. before a scalar", (2, 3, 4), (Ellipsis, 1), False, (2, 3)),
    ("4.4 .. between scalars", (2, 3, 4, 5), (1, Ellipsis, 1), False, (3, 4)),
    ("4.4 .. standing for nothing", (2, 3), (1, 1, Ellipsis), False, ()),
    ("4.4 NA in one place is that place's full range", (3, 4), (NA, 2), False,
     (3,)),
    ("4.5 two vectors give a block", (3, 3), ([2, 3, 1], [3, 2, 1]), False,
     (3, 3)),
    ("4.5 vector, scalar, vector", (3, 4, 5), ([1, 2], 1, [1, 2, 3]), False,
     (2, 3)),
    ("4.6 logical vector keeps its dim", (2, 2), ([True, False], slice(None)),
     False, (1, 2)),
    ("4.6 x[TRUE] on a size-1 dim adds no axis", (1, 3), True, False, (1, 3)),
    ("4.6 full-shape mask gives 1-d", (2, 3), np.ones((2, 3), dtype=bool), False,
     (6,)),
    ("4.7 drop = FALSE keeps a scalar's dim", (10, 10), (1, slice(None)), True,
     (1, 10)),
    ("4.7 drop = FALSE after ..", (10, 10), (Ellipsis, -1), True, (10, 1)),
    ("4.7 drop = FALSE with every dim scalar", (2, 3), (1, 1), True, (1, 1)),
    ("4.7 drop = FALSE leaves ranges alone", (2, 3), slice(1, 2), True, (2, 3)),
    ("4.8 x[, NULL]", (10,), (slice(None), None), False, (10, 1)),
    ("4.8 x[NULL, , NULL]", (10,), (None, slice(None), None), False, (1, 10, 1)),
    ("4.9 1-element long tensor keeps its dim", (3, 3),
     (torch.tensor([2]), torch.tensor([2])), False, (1, 1)),
    ("4.9 2-d long tensor on the first dim", (4, 4), torch.tensor([[1, 1], [1, 2]]),
     False, (2, 2, 4)),
    ("4.9 numeric matrix is a long index on dim 1", (4, 4),
     np.array([[1, 1], [1, 2]]), False, (2, 2, 4)),
    ("4.9 long tensor after .. on the last dim", (2, 3, 4),
     (Ellipsis, torch.tensor([[1, 2, 3]])), False, (2, 3, 1, 3)),
]


@pytest.mark.parametrize(("rule", "shape", "key", "nodrop", "expected"), SHAPES,
                         ids=[row[0] for row in SHAPES])
def test_result_shapes(rule: str, shape: tuple, key: object, nodrop: bool,
                       expected: tuple) -> None:
    x = torch_zeros(*shape) if shape else torch_zeros()
    result = x.nodrop[key] if nodrop else x[key]
    assert tuple(result.shape) == expected


def test_orthogonal_block_values() -> None:
    # 4.5: x[c(2, 3, 1), c(3, 2, 1)] is the 3x3 submatrix (R), not 3 pairs.
    m = torch_tensor(matrix(seq(1, 9), nrow=3))   # rows 1 4 7 / 2 5 8 / 3 6 9
    assert values(m[c(2, 3, 1), c(3, 2, 1)]) == [[8, 5, 2], [9, 6, 3], [7, 4, 1]]


def test_mask_is_row_major() -> None:
    # 4.6: x[x > 1] on rbind(c(1, 2), c(3, 4)) is c(2, 3, 4); base R gives 3 2 4.
    x = torch_tensor(matrix(c(1.0, 2.0, 3.0, 4.0), nrow=2, byrow=True))
    assert values(x[x > 1]) == [2.0, 3.0, 4.0]


def test_logical_vectors_are_orthogonal() -> None:
    # 4.6: x[idx, idx] equals as_array(x)[idx, idx] (R's block).
    m = torch_tensor(matrix(seq(1, 9), nrow=3))
    keep = [True, False, True]
    assert values(m[keep, keep]) == [[1, 7], [3, 9]]


def test_a_range_is_a_view() -> None:
    # 4.3: in-place ops on x[1:2] change x.
    x = ten()
    x[1:2].torch.add_(100)
    assert values(x)[:3] == [100, 101, 2]


def test_a_vector_result_is_a_copy() -> None:
    # 4.3: vector and mask indices return copies (libtorch semantics).
    x = ten()
    x[c(1, 2)].torch.add_(100)
    x[x > 8].torch.add_(100)
    assert values(x) == list(range(10))


def test_empty_key_is_a_view_not_the_same_object() -> None:
    # 4.4: x[] is the whole tensor as a new view.
    x = ten()
    whole = x[()]
    assert whole is not x
    whole.torch.add_(1)
    assert values(x) == list(range(1, 11))


def test_index_objects_are_not_changed() -> None:
    # 4.5: using a vector or tensor as an index never mutates it.
    x = ten()
    rows = [3, -1]
    positions = torch.tensor([2, 5])
    x[rows]
    x[positions]
    assert rows == [3, -1]
    assert positions.tolist() == [2, 5]


# -- 4.10 subset assignment ---------------------------------------------------

def test_assignment_is_in_place_for_every_name() -> None:
    # 1.5 / 4.10: every name bound to the tensor sees the change.
    x = ten()
    y = x
    same_storage = from_torch(x.torch)
    x[2] = 50
    assert values(y)[1] == 50
    assert values(same_storage)[1] == 50


ASSIGNMENTS = [
    ("4.10 scalar into a range", slice(2, 3), 0, [0, 0, 0, 3]),
    ("4.10 integer scalar into float", 1, 7, [7.0, 1, 2, 3]),
    ("4.10 R vector of doubles", slice(1, 2), c(8.0, 9.0), [8.0, 9.0, 2, 3]),
    ("4.10 vector index, broadcast scalar", c(1, 4), -1.0, [-1.0, 1, 2, -1.0]),
    ("4.10 vector index, vector value", c(4, 1), c(40.0, 10.0), [10.0, 1, 2, 40.0]),
    ("4.10 negative vector entries", c(-1, -2), 0.0, [0, 1, 0, 0]),
    ("4.10 logical index", c(True, False, True, False), 5.0, [5.0, 1, 5.0, 3]),
    ("4.10 tensor value broadcasts", slice(None), torch_tensor(c(2.0)),
     [2.0, 2.0, 2.0, 2.0]),
    ("4.10 length-1 list is a scalar", 2, [6.5], [0, 6.5, 2, 3]),
    ("4.10 NumPy vector value", slice(3, 4), np.array([1.5, 2.5]), [0, 1, 1.5, 2.5]),
    ("4.10 NA becomes NaN in a float tensor", 1, NA, [float("nan"), 1, 2, 3]),
    ("4.10 open range with step", slice(1, None, 2), -3.0, [-3.0, 1, -3.0, 3]),
]


@pytest.mark.parametrize(("rule", "key", "value", "expected"), ASSIGNMENTS,
                         ids=[row[0] for row in ASSIGNMENTS])
def test_assignments(rule: str, key: object, value: object, expected: list) -> None:
    x = torch_tensor(c(0.0, 1.0, 2.0, 3.0))
    x[key] = value
    np.testing.assert_array_equal(values(x), expected)


def test_slice_assignment_casts_into_long() -> None:
    # 4.10: x_long[1:2] <- torch_tensor(c(1.5, 2)) stores 1, 2.
    x = torch_tensor(c(0, 0, 0))
    x[1:2] = torch_tensor(c(1.5, 2.0))
    assert values(x) == [1, 2, 0]
    assert x.torch.dtype == torch.int64


def test_vector_assignment_refuses_another_dtype() -> None:
    # 4.10: through a vector index the value's dtype must match.
    x = torch_tensor(c(0, 0, 0))
    with pytest.raises(RTorchError, match="Index put requires the source and "
                       "destination dtypes match, got Long for the destination "
                       "and Float for the source."):
        x[c(1, 2)] = torch_tensor(c(1.5, 2.0))


def test_two_vector_indices_in_an_assignment_are_refused() -> None:
    # 4.10: x[c(1, 2), c(1, 2)] <- 0 is an error, not a 2x2 block assignment.
    m = torch_zeros(3, 3)
    with pytest.raises(IndexError, match="Only one tensor is allowed in the index"):
        m[c(1, 2), c(1, 2)] = 0.0
    with pytest.raises(IndexError, match="Only one tensor is allowed in the index"):
        m[c(True, False, True), c(True, True, False)] = 0.0
    assert m.torch.abs().sum().item() == 0.0


def test_two_vectors_are_fine_when_reading() -> None:
    m = torch_zeros(3, 3)
    assert tuple(m[c(1, 2), c(1, 2)].shape) == (2, 2)


@pytest.mark.parametrize(("value", "error", "text"), [
    ("a", RTypeError, "not handled"),
    ({"a": 1}, RTypeError, "rhs must be a torch_tensor or scalar value."),
])
def test_values_that_cannot_be_assigned(value: object, error: type, text: str) -> None:
    x = ten()
    with pytest.raises(error, match=text):
        x[1] = value


def test_na_into_an_integer_tensor_is_refused() -> None:
    # DECISIONS 3: NA never silently becomes a valid-looking integer.
    x = ten()
    with pytest.raises(RValueError, match="NA cannot be stored in a int64 tensor"):
        x[1] = NA
    assert values(x) == list(range(10))


def test_nodrop_assignment_is_plain_assignment() -> None:
    x = torch_zeros(2, 2)
    x.nodrop[1, :] = 3.0
    assert values(x) == [[3.0, 3.0], [0.0, 0.0]]
