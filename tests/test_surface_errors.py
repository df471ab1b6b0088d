"""Errors from the surface speak 1-based (semantics 5.1, 6.3, DECISIONS 4).

Each row is an `errors` case (cited by id) whose function comes from the
generated surface or its hand-written wrappers; the expected text is the case's.
"""

from __future__ import annotations

import pytest

from rtorch import *
from rtorch.errors import RIndexError, RTorchError, RValueError


def _unpool_with_index_20():
    x = torch_randn(1, 4, 4)
    values, indices = nnf_max_pool2d(x, kernel_size=c(2, 2), return_indices=True)
    idx = torch_ones_like(indices)
    idx[1, 1, 1] = 20
    nnf_max_unpool2d(values, idx, kernel_size=c(2, 2), output_size=c(4, 4))


@pytest.mark.parametrize(
    ("case", "call", "message"),
    [
        (
            "dims-movedim-oob-error",
            lambda: torch_movedim(torch_zeros(2, 3), 1, 3),
            "Dimension out of range (expected to be in range of [-2, 2], but got 3)",
        ),
        (
            "dims-diag-embed-oob-error",
            lambda: torch_diag_embed(torch_zeros(3), dim1=1, dim2=3),
            "Dimension out of range (expected to be in range of [-2, 2], but got 3)",
        ),
        (
            "dims-cross-length-error",
            lambda: torch_cross(torch_ones(3, 5), torch_ones(3, 5), dim=2),
            "inputs dimension 2 must have length 3",
        ),
        (
            "dims-flatten-oob-error",
            lambda: torch_flatten(torch_zeros(2, 3, 4), start_dim=2, end_dim=5),
            "Dimension out of range (expected to be in range of [-3, 3], but got 5)",
        ),
        (
            "dims-select-oob-error",
            lambda: torch_tensor(c(1.0, 2.0, 3.0, 4.0)).select(1, 6),
            "index 6 out of range for tensor of size [4] at dimension 1",
        ),
        (
            "dims-cat-size-error",
            lambda: torch_cat(
                [torch_zeros(2, 4), torch_zeros(2, 4), torch_zeros(3, 5)], dim=1
            ),
            (
                "Sizes of tensors must match except in dimension 1. Expected size 4 "
                "but got size 5 for tensor number 3 in the list."
            ),
        ),
        (
            "dims-tensordot-error",
            lambda: torch_tensordot(torch_ones(2, 3), torch_ones(3, 4), [c(1), c(1)]),
            (
                "contracted dimensions need to match, but first has size 2 in dim 1 "
                "and second has size 3 in dim 1"
            ),
        ),
        (
            "ir-bincount-zero-error",
            lambda: torch_bincount(torch_tensor(c(3, 0))),
            "Indexing starts at 1 but found a 0.",
        ),
        (
            "ir-one-hot-zero-error",
            lambda: torch_one_hot(torch_tensor(c(2, 0))),
            "Indexing starts at 1 but found a 0.",
        ),
        (
            "ir-nll-target-zero-error",
            lambda: nnf_nll_loss(
                nnf_log_softmax(torch_randn(2, 4), dim=2), torch_tensor(c(1, 0))
            ),
            "Indexing starts at 1 but found a 0.",
        ),
        (
            "ir-nll-target-oob-error",
            lambda: nnf_nll_loss(torch_randn(2, 4), torch_tensor(c(2, 5))),
            "Target 5 is out of bounds.",
        ),
        (
            "ir-max-pool-unpool-msg",
            _unpool_with_index_20,
            "Found an invalid max index: 20",
        ),
    ],
)
def test_surface_errors_are_one_based(case, call, message):
    with pytest.raises(RTorchError) as caught:
        call()
    assert message in str(caught.value)


def test_ignore_index_zero_is_a_value_error():
    # ir-ignore-index-zero-error
    with pytest.raises(RValueError, match="1 based class index"):
        nnf_nll_loss(torch_randn(2, 3), torch_tensor(c(1, 2)), ignore_index=0)


def test_max_with_dim_and_other_is_r_torchs_value_error():
    # ir-min-dim-and-other-error
    m = torch_tensor(matrix(c(4.0, 8.0, 1.0, 6.0, 2.0, 9.0, 7.0, 3.0, 5.0), nrow=3))
    with pytest.raises(RValueError, match="Can't set other and dim arguments."):
        m.max(dim=2, other=5.0)
    with pytest.raises(RValueError, match="Can't set other and dim arguments."):
        torch_min(m, dim=1, other=m)


def test_dimension_errors_are_index_errors():
    # The rtorch class of an out-of-range dim is also Python's IndexError.
    with pytest.raises(IndexError):
        torch_cumsum(torch_ones(2), dim=2)
    with pytest.raises(RIndexError):
        torch_cumsum(torch_ones(2), dim=0)
