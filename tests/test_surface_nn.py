"""The nn_* modules the R torch cases use: 1-based ids, dims and classes.

Expected values are transcribed from the cited cases (seeded values are the
ones PyTorch gives after the same seed, as the cases state).
"""

from __future__ import annotations

import numpy as np
import pytest

from rtorch import *
from rtorch.errors import RIndexError


def test_linear_initialises_like_pytorch_after_a_seed():
    # create-nn-linear-init-seed
    torch_manual_seed(2)
    weight = as_array(nn_linear(3, 1).weight)
    assert np.allclose(
        weight,
        [[0.13243846595287323, -0.137394517660141, 0.15832599997520447]],
        atol=1e-7,
    )


def test_flatten_keeps_the_batch_and_unflatten_restores_it():
    # dims-flatten-unflatten: nn_flatten() starts at dim 2; nn_unflatten(2, ...)
    z = torch_randn(4, 2, 3, 5)
    f = nn_flatten()
    u = nn_unflatten(2, c(2, 3, 5))
    assert f(z).shape == (4, 30)
    assert torch_equal(u(f(z)), z)


def test_embedding_ids_are_one_based():
    # ir-embedding
    emb = nn_embedding(5, 2)
    out = emb(torch_tensor(matrix(c(5, 2, 1, 3), nrow=2)))
    assert torch_equal(out[1, 2, :], emb.weight[1, :])
    assert torch_equal(out[1, 1, :], emb.weight[5, :])


def test_embedding_rejects_id_zero():
    # ir-embedding-zero-error
    with pytest.raises(RIndexError, match="Indexing starts at 1 but found a 0."):
        nn_embedding(4, 3)(torch_tensor(c(2, 0)))


def test_embedding_padding_row_is_one_based():
    # 6.4: nn_embedding(padding_idx = k) zeroes row k.
    emb = nn_embedding(4, 3, padding_idx=2)
    assert as_array(emb.weight[2, :]).tolist() == [0.0, 0.0, 0.0]


def test_embedding_bag_matches_pytorch_fed_ids_minus_one():
    # ir-embedding-bag-seed
    torch_manual_seed(3)
    bag = nn_embedding_bag(6, 2)
    out = bag(torch_tensor(matrix(c(1, 3, 2, 6, 3, 5), nrow=3)))
    expected = [
        [0.6626630, 0.7063751],
        [0.04618245, -1.3682592],
        [-0.6731007, 0.1818569],
    ]
    assert np.allclose(as_array(out), expected, atol=1e-6)


def test_multilabel_margin_labels():
    # ir-multilabel-margin, ir-multilabel-margin-zero-error
    crit = nn_multilabel_margin_loss()
    x = torch_tensor(c(0.3, 0.9, 0.1, 0.5)).view(c(1, 4))
    assert crit(x, torch_tensor(c(2, 3, -1, 1)).view(c(1, 4))).item() == (
        pytest.approx(0.9, abs=1e-6)
    )
    with pytest.raises(RIndexError, match="Indexing starts at 1"):
        crit(x, torch_tensor(c(2, 0, -1, 1)).view(c(1, 4)))


def test_packed_sequence_indices_are_one_based():
    # ir-packed-sequence-indices
    padded = torch_tensor(
        matrix(c(5, 6, 0, 7, 0, 0, 8, 9, 10), nrow=3, byrow=True), dtype=torch_long()
    )
    packed = nn_utils_rnn_pack_padded_sequence(
        padded, torch_tensor(c(2, 1, 3)), batch_first=True, enforce_sorted=False
    )
    assert as_array(packed.data).tolist() == [8, 5, 7, 9, 6, 10]
    assert as_array(packed.batch_sizes).tolist() == [3, 2, 1]
    assert as_array(packed.sorted_indices).tolist() == [3, 1, 2]


def test_bce_loss_module():
    # ops-bce: -log(0.8)
    crit = nn_bce_loss()
    loss = crit(torch_tensor(c(0.8), requires_grad=True), torch_tensor(c(1.0)))
    assert as_array(loss).tolist() == pytest.approx([0.2231436], abs=1e-6)


def test_cross_entropy_module_takes_one_based_classes():
    # 6.3: class k of the target is column k of the logits.
    logits = torch_tensor(matrix(c(0.0, 9.0, 9.0, 0.0), nrow=2))  # rows 0 9 / 9 0
    crit = nn_cross_entropy_loss()
    assert crit(logits, torch_tensor(c(2, 1))).item() < 1e-3
