"""Pairwise indexing with 1-based index tensors (semantics 4.5, last item).

``torch_index(x, list(i, j))`` pairs ``i[k]`` with ``j[k]`` (NumPy-style), and
its index tensors are 1-based like every R torch index.
"""

from __future__ import annotations

import pytest
import torch

from rtorch import RIndexError, c, from_torch, matrix, seq, torch_tensor, torch_zeros
from rtorch.indexing import torch_index, torch_index_put, torch_index_put_


def nine() -> torch.Tensor:
    """R: ``matrix(1:9, nrow = 3)``: rows 1 4 7 / 2 5 8 / 3 6 9."""
    return torch_tensor(matrix(seq(1, 9), nrow=3)).torch


def test_pairs_positions() -> None:
    # ir-torch-index: m[1, 2] and m[3, 3] are 4 and 9.
    picked = torch_index(nine(), [torch.tensor([1, 3]), torch.tensor([2, 3])])
    assert picked.tolist() == [4, 9]


def test_takes_rtorch_tensors_and_lists() -> None:
    m = from_torch(nine())
    picked = torch_index(m, [torch_tensor(c(1, 3)), [2, 3]])
    assert picked.tolist() == [4, 9]


def test_negative_positions_count_from_the_end() -> None:
    picked = torch_index(nine(), [torch.tensor([-1]), torch.tensor([-3])])
    assert picked.tolist() == [3]


def test_none_keeps_a_dimension_whole() -> None:
    picked = torch_index(nine(), [None, torch.tensor([3, 1])])
    assert picked.tolist() == [[7, 1], [8, 2], [9, 3]]


def test_none_in_an_assignment_keeps_a_dimension_whole() -> None:
    m = torch.zeros(2, 3)
    torch_index_put_(m, [None, torch.tensor([3])], torch.tensor(1.0))
    assert m.tolist() == [[0.0, 0.0, 1.0], [0.0, 0.0, 1.0]]


def test_bool_mask_entries() -> None:
    picked = torch_index(nine(), [torch.tensor([True, False, True])])
    assert picked.tolist() == [[1, 4, 7], [3, 6, 9]]


def test_index_put_returns_a_new_tensor() -> None:
    # ir-torch-index-put: only the paired positions are set; m is unchanged.
    m = torch_zeros(3, 3).torch
    y = torch_index_put(m, [torch.tensor([2, 3]), torch.tensor([1, 3])],
                        torch.tensor(7.0))
    assert (y[1, 0].item(), y[2, 2].item(), y.sum().item()) == (7.0, 7.0, 14.0)
    assert m.sum().item() == 0.0


def test_index_put_in_place() -> None:
    # ir-torch-index-put-inplace.
    m = torch_zeros(3, 3)
    out = torch_index_put_(m, [torch.tensor([1, 2]), torch.tensor([3, 3])],
                           torch.tensor(-1.0))
    assert out.data_ptr() == m.torch.data_ptr()
    assert (m.torch[0, 2].item(), m.torch[1, 2].item()) == (-1.0, -1.0)
    assert m.torch.sum().item() == -2.0


def test_index_put_accumulates() -> None:
    m = torch.zeros(3)
    torch_index_put_(m, [torch.tensor([1, 1, 3])], torch.tensor(2.0),
                     accumulate=True)
    assert m.tolist() == [4.0, 0.0, 2.0]


def test_a_python_scalar_value_takes_the_tensors_dtype() -> None:
    m = torch.zeros(3, dtype=torch.int64)
    torch_index_put_(m, [torch.tensor([2])], 5)
    assert m.tolist() == [0, 5, 0]


def test_zero_is_refused() -> None:
    with pytest.raises(RIndexError, match="Indexing starts at 1 but found a 0."):
        torch_index(nine(), [torch.tensor([1, 0])])


def test_out_of_range_is_reported_one_based() -> None:
    # DECISIONS 4: the 1-based index and dimension, and the size.
    with pytest.raises(RIndexError, match="index 4 is out of bounds for "
                       "dimension 2 with size 3"):
        torch_index(nine(), [torch.tensor([1]), torch.tensor([4])])
    with pytest.raises(RIndexError, match="index -4 is out of bounds for "
                       "dimension 1 with size 3"):
        torch_index_put(nine(), [torch.tensor([-4])], torch.tensor(1))


def test_other_index_dtypes_are_refused() -> None:
    with pytest.raises(RIndexError, match="Only long and boolean tensors"):
        torch_index(nine(), [torch.tensor([1], dtype=torch.int32)])
