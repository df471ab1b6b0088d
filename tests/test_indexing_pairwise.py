"""Pairwise indexing with 1-based index tensors (semantics 4.5, last item).

``torch_index(x, list(i, j))`` pairs ``i[k]`` with ``j[k]`` (NumPy-style), and
its index tensors are 1-based like every R torch index. The public functions
come from the generated surface (rtorch/surface) and return rtorch tensors.
"""

from __future__ import annotations

import pytest
import torch

from rtorch import RIndexError, c, from_torch, matrix, seq, torch_tensor, torch_zeros
from rtorch import torch_index, torch_index_put, torch_index_put_


def nine() -> torch.Tensor:
    """R: ``matrix(1:9, nrow = 3)``: rows 1 4 7 / 2 5 8 / 3 6 9."""
    return torch_tensor(matrix(seq(1, 9), nrow=3)).torch


def test_pairs_positions() -> None:
    # ir-torch-index: m[1, 2] and m[3, 3] are 4 and 9.
    picked = torch_index(nine(), [torch.tensor([1, 3]), torch.tensor([2, 3])])
    assert picked.torch.tolist() == [4, 9]


def test_takes_rtorch_tensors_and_lists() -> None:
    m = from_torch(nine())
    picked = torch_index(m, [torch_tensor(c(1, 3)), [2, 3]])
    assert picked.torch.tolist() == [4, 9]


def test_negative_positions_count_from_the_end() -> None:
    picked = torch_index(nine(), [torch.tensor([-1]), torch.tensor([-3])])
    assert picked.torch.tolist() == [3]


def test_none_entries_are_a_named_gap() -> None:
    # Not supported yet: the error says so and names the alternative.
    from rtorch import RNotImplementedError

    with pytest.raises(RNotImplementedError, match="NULL"):
        torch_index(nine(), [None, torch.tensor([3, 1])])
    with pytest.raises(RNotImplementedError, match="NULL"):
        torch_index_put_(torch.zeros(2, 3), [None, torch.tensor([3])], 1.0)


def test_bool_mask_entries() -> None:
    picked = torch_index(nine(), [torch.tensor([True, False, True])])
    assert picked.torch.tolist() == [[1, 4, 7], [3, 6, 9]]


def test_index_put_returns_a_new_tensor() -> None:
    # ir-torch-index-put: only the paired positions are set; m is unchanged.
    m = torch_zeros(3, 3).torch
    y = torch_index_put(
        m, [torch.tensor([2, 3]), torch.tensor([1, 3])], torch.tensor(7.0)
    )
    assert (y.torch[1, 0].item(), y.torch[2, 2].item(), y.torch.sum().item()) == (
        7.0,
        7.0,
        14.0,
    )
    assert m.sum().item() == 0.0


def test_index_put_in_place() -> None:
    # ir-torch-index-put-inplace.
    m = torch_zeros(3, 3)
    out = torch_index_put_(
        m, [torch.tensor([1, 2]), torch.tensor([3, 3])], torch.tensor(-1.0)
    )
    assert out.torch.data_ptr() == m.torch.data_ptr()
    assert (m.torch[0, 2].item(), m.torch[1, 2].item()) == (-1.0, -1.0)
    assert m.torch.sum().item() == -2.0


def test_index_put_accumulates() -> None:
    m = torch.zeros(3)
    torch_index_put_(m, [torch.tensor([1, 1, 3])], torch.tensor(2.0), accumulate=True)
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
    with pytest.raises(
        RIndexError, match="index 4 is out of bounds for dimension 2 with size 3"
    ):
        torch_index(nine(), [torch.tensor([1]), torch.tensor([4])])
    with pytest.raises(
        RIndexError, match="index -4 is out of bounds for dimension 1 with size 3"
    ):
        torch_index_put(nine(), [torch.tensor([-4])], torch.tensor(1))


def test_other_index_dtypes_are_refused() -> None:
    with pytest.raises(RIndexError, match="Only long and boolean tensors"):
        torch_index(nine(), [torch.tensor([1], dtype=torch.int32)])
