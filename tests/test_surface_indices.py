"""1-based indices in and out (semantics 6, DECISIONS 1, `index-returning` cases).

Expected values are transcribed from the cited case, or worked out by hand
from the cited spec section (1-based positions of small, known inputs).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from rtorch import *
from rtorch.errors import RIndexError, RRuntimeError, RValueError

M = matrix(
    c(4.0, 8.0, 1.0, 6.0, 2.0, 9.0, 7.0, 3.0, 5.0), nrow=3
)  # rows 4 6 7 / 8 2 3 / 1 9 5


def _value(x):
    if isinstance(x, Tensor):
        return as_array(x).tolist()
    if isinstance(x, tuple):
        return [_value(v) for v in x]
    return x


def _same(got, expected):
    got = np.asarray(_value(got), dtype=float)
    want = np.asarray(expected, dtype=float)
    if want.ndim == 0:  # one value: a 0-d tensor reads back as a length-1 vector
        got = got.reshape(-1)
        want = want.reshape(1)
    return got.shape == want.shape and np.allclose(got, want, equal_nan=True)


# -- results shifted by R torch (6.1) -----------------------------------------


@pytest.mark.parametrize(
    ("case", "run", "expected"),
    [
        (
            "create-multinomial-one-based",
            lambda: torch_multinomial(
                torch_tensor(c(0.0, 1.0, 0.0)), 5, replacement=True
            ),
            [2, 2, 2, 2, 2],
        ),
        ("ir-min-dim-indices", lambda: torch_tensor(M).min(dim=2)[1], [1, 2, 1]),
        ("ir-max-dim-indices", lambda: torch_tensor(M).max(dim=1)[1], [2, 3, 1]),
        (
            "ir-torch-max-dim",
            lambda: torch_max(torch_tensor(c(3.0, 9.0, 2.0, 7.0)), dim=1)[1],
            2,
        ),
        (
            "ir-torch-min-dim",
            lambda: torch_min(torch_tensor(c(3.0, 9.0, 2.0, 7.0)), dim=1)[1],
            3,
        ),
        (
            "ir-torch-max-other-r",
            lambda: torch_max(c(-1.0, 4.0, 0.0), other=c(3.0, 2.0, 0.0)),
            [3, 4, 0],
        ),
        (
            "ir-torch-min-other-r",
            lambda: torch_min(c(-1.0, 4.0, 0.0), other=c(3.0, 2.0, 0.0)),
            [-1, 2, 0],
        ),
        (
            "ir-argsort",
            lambda: torch_argsort(torch_tensor(c(0.3, -1.0, 2.0, 0.5))),
            [2, 1, 4, 3],
        ),
        (
            "ir-argsort",
            lambda: torch_tensor(c(0.3, -1.0, 2.0, 0.5)).argsort(),
            [2, 1, 4, 3],
        ),
        (
            "ir-argsort-desc",
            lambda: torch_argsort(
                torch_tensor(c(0.3, -1.0, 2.0, 0.5)), descending=True
            ),
            [3, 4, 1, 2],
        ),
        (
            "ir-argsort-dim1",
            lambda: torch_argsort(
                torch_tensor(matrix(c(3, 1, 2, 9, 8, 7), nrow=3)), dim=1
            ),
            [[2, 3], [3, 2], [1, 1]],
        ),
        (
            "ir-argsort-dim2",
            lambda: torch_tensor(matrix(c(5.0, 1.0, 2.0, 6.0), nrow=2)).argsort(dim=2),
            [[2, 1], [1, 2]],
        ),
        ("ir-argmax", lambda: torch_argmax(torch_tensor(c(2.0, 7.0, 4.0))), 2),
        ("ir-argmax", lambda: torch_tensor(c(5.0, 0.0, 1.0)).argmax(), 1),
        ("ir-argmax-dim", lambda: torch_argmax(torch_tensor(M), dim=2), [3, 1, 2]),
        (
            "ir-argmax-dim",
            lambda: torch_argmax(torch_tensor(M), dim=2, keepdim=True).shape,
            [3, 1],
        ),
        ("ir-argmin", lambda: torch_argmin(torch_tensor(c(2.0, 7.0, 4.0))), 1),
        ("ir-argmin-dim", lambda: torch_argmin(torch_tensor(M), dim=1), [3, 2, 2]),
        (
            "ir-sort-indices",
            lambda: torch_sort(torch_tensor(c(7, 3, 11, 5)))[1],
            [2, 4, 1, 3],
        ),
        (
            "ir-sort-desc",
            lambda: torch_tensor(c(7, 3, 11, 5)).sort(descending=True)[1],
            [3, 1, 4, 2],
        ),
        (
            "ir-topk",
            lambda: torch_topk(torch_tensor(M), 2)[1],
            [[3, 2], [1, 3], [2, 3]],
        ),
        ("ir-topk-method", lambda: torch_tensor(M).topk(1)[1], [[3], [1], [2]]),
        (
            "ir-nonzero",
            lambda: torch_nonzero(torch_tensor(c(4.0, 0.0, 0.0, 1.0, 0.0, 2.0))),
            [[1], [4], [6]],
        ),
        (
            "ir-nonzero-method",
            lambda: torch_tensor(c(0.0, -1.0, 0.0, 0.0, 5.0)).nonzero(),
            [[2], [5]],
        ),
        (
            "ir-nonzero-as-list",
            lambda: torch_nonzero(
                torch_tensor(c(4.0, 0.0, 0.0, 1.0, 0.0, 2.0)), as_list=True
            )[0],
            [1, 4, 6],
        ),
        (
            "ir-nonzero-2d",
            lambda: torch_nonzero(
                torch_tensor(matrix(c(1.0, 0.0, 0.0, 2.0, 3.0, 0.0, 0.0, 4.0), nrow=2))
            ),
            [[1, 1], [1, 3], [2, 2], [2, 4]],
        ),
        ("ir-nonzero-empty", lambda: torch_nonzero(torch_zeros(2, 3)).shape, [0, 2]),
        (
            "ir-nonzero-empty",
            lambda: torch_zeros(2, 3).nonzero(as_list=True)[1].shape,
            [0],
        ),
        (
            "ir-where-one-arg",
            lambda: torch_where(torch_tensor(c(5.0, -1.0, 3.0, -2.0)) < 0)[0],
            [2, 4],
        ),
        (
            "ir-where-one-arg-2d",
            lambda: torch_where(
                torch_tensor(matrix(c(-5.0, 1.0, 3.0, -2.0, -7.0, 4.0), nrow=2)) < 0
            ),
            [[1, 1, 2], [1, 3, 2]],
        ),
        (
            "ir-tril-triu-indices",
            lambda: torch_tril_indices(3, 3, 0),
            [[1, 2, 2, 3, 3, 3], [1, 1, 2, 1, 2, 3]],
        ),
        (
            "ir-tril-triu-indices",
            lambda: torch_triu_indices(3, 3, 0),
            [[1, 1, 1, 2, 2, 3], [1, 2, 3, 2, 3, 3]],
        ),
    ],
)
def test_index_results_r_torch_shifts(case, run, expected):
    assert _same(run(), expected)


def test_multi_output_results_unpack_and_have_a_one_based_spelling():
    # semantics 1.4: res[[2]] is the indices; DECISIONS porting contract: elt(res, 2).
    res = torch_max(torch_tensor(c(3.0, 9.0, 2.0, 7.0)), dim=1)
    values, indices = res
    assert values.item() == 9.0
    assert elt(res, 2).item() == indices.item() == 2


# -- DECISIONS 1: results R torch leaves 0-based are 1-based in rtorch ---------------


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        # kth smallest of 5 3 4 is 4, at position 3
        (lambda: torch_kthvalue(torch_tensor(c(5.0, 3.0, 4.0)), 2)[1], 3),
        (lambda: torch_tensor(c(5.0, 3.0, 4.0)).kthvalue(2)[1], 3),
        # the mode of 2 7 7 is 7; either 7 is a valid answer: 2 or 3
        (lambda: torch_mode(torch_tensor(c(2, 7, 7)))[0], 7),
        # the median of 9 1 5 along dim 1 is 5, at position 3
        (lambda: torch_median(torch_tensor(c(9.0, 1.0, 5.0)), dim=1)[1], 3),
        (lambda: torch_tensor(c(9.0, math.nan, 1.0, 5.0)).nanmedian(dim=1)[1], 4),
        # running maximum of 1 3 2 5: positions 1 2 2 4
        (
            lambda: torch_cummax(torch_tensor(c(1.0, 3.0, 2.0, 5.0)), dim=1)[1],
            [1, 2, 2, 4],
        ),
        # running minimum of 4 2 3 1: positions 1 2 2 4
        (
            lambda: torch_cummin(torch_tensor(c(4.0, 2.0, 3.0, 1.0)), dim=1)[1],
            [1, 2, 2, 4],
        ),
        # runs of 1 1 2 2 3 1: group numbers 1 1 2 2 3 4
        (
            lambda: torch_unique_consecutive(
                torch_tensor(c(1, 1, 2, 2, 3, 1)), return_inverse=True
            )[1],
            [1, 1, 2, 2, 3, 4],
        ),
        # where 3 and 6 would go in 1 3 5 7: before position 2 and before position 4
        (
            lambda: torch_searchsorted(
                torch_tensor(c(1, 3, 5, 7)), torch_tensor(c(3, 6))
            ),
            [2, 4],
        ),
        (
            lambda: torch_bucketize(torch_tensor(c(3, 6)), torch_tensor(c(1, 3, 5, 7))),
            [2, 4],
        ),
        (
            lambda: torch_tensor(c(0.0, 0.0, 1.0)).multinomial(3, replacement=True),
            [3, 3, 3],
        ),
        (lambda: torch_tensor(c(0.0, 2.0, 0.0, 3.0)).argwhere(), [[2], [4]]),
    ],
)
def test_index_results_r_torch_leaves_zero_based_are_one_based(run, expected):
    assert _same(run(), expected)


def test_mode_index_points_at_a_modal_value():
    _, indices = torch_mode(torch_tensor(c(2, 7, 7)))
    assert indices.item() in (2, 3)


def test_searchsorted_takes_a_one_based_sorter():
    # DECISIONS 1: argsort returns 1-based positions, so searchsorted's sorter
    # (an argsort result) is read 1-based: unsorted 5 1 3 sorted by 2 3 1.
    seq_ = torch_tensor(c(5, 1, 3))
    sorter = torch_argsort(seq_)
    assert _value(sorter) == [2, 3, 1]
    assert _value(torch_searchsorted(seq_, torch_tensor(c(4)), sorter=sorter)) == [3]


def test_max_pool_indices_are_one_based_and_feed_max_unpool():
    # 6.1 / DECISIONS 1: pooling indices 1-based; max_unpool takes them 1-based.
    x = torch_tensor(c(1.0, 5.0, 2.0, 4.0)).view(c(1, 1, 4))
    values, indices = torch_max_pool1d_with_indices(x, kernel_size=2)
    assert _value(indices) == [[[2, 4]]]
    values, indices = torch_adaptive_max_pool1d(x, output_size=2)
    assert _value(indices) == [[[2, 4]]]
    restored = torch_max_unpool2d(
        values.view(c(1, 1, 1, 2)), indices.view(c(1, 1, 1, 2)), output_size=c(1, 4)
    )
    assert _value(restored) == [[[[0, 5, 0, 4]]]]


# -- index inputs (6.3) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "run", "expected"),
    [
        (
            "ir-scatter",
            lambda: torch_zeros(3, 4).scatter(
                1, torch_tensor(matrix(c(3, 1), nrow=1)), 5.0
            ),
            [[0, 5, 0, 0], [0, 0, 0, 0], [5, 0, 0, 0]],
        ),
        (
            "ir-torch-index",
            lambda: torch_index(
                torch_tensor(matrix(seq(1, 9), nrow=3)),
                [torch_tensor(c(1, 3)), torch_tensor(c(2, 3))],
            ),
            [4, 9],
        ),
        (
            "ir-torch-index-put",
            lambda: torch_index_put(
                torch_zeros(3, 3),
                [torch_tensor(c(2, 3)), torch_tensor(c(1, 3))],
                torch_tensor(7.0),
            ),
            [[0, 0, 0], [7, 0, 0], [0, 0, 7]],
        ),
        (
            "6.3 gather",
            lambda: torch_gather(
                torch_tensor(matrix(seq(1, 6), nrow=2, byrow=True)),
                2,
                torch_tensor(matrix(c(3, 1, 2, 2), nrow=2, byrow=True)),
            ),
            [[3, 1], [5, 5]],
        ),
        (
            "6.3 index_select",
            lambda: torch_index_select(torch_tensor(c(10, 20, 30)), 1, c(3, 1)),
            [30, 10],
        ),
        (
            "6.3 index_add",
            lambda: torch_zeros(3).index_add(1, c(3), torch_tensor(c(2.0))),
            [0, 0, 2],
        ),
        ("6.3 index_fill", lambda: torch_zeros(3).index_fill(1, c(2), 1.0), [0, 1, 0]),
        (
            "6.3 index_copy",
            lambda: torch_zeros(3).index_copy(1, c(1), torch_tensor(c(9.0))),
            [9, 0, 0],
        ),
        (
            "6.3 take",
            lambda: torch_take(torch_tensor(matrix(seq(1, 4), nrow=2)), c(2, 4)),
            [3, 4],
        ),
        (
            "6.3 take, negative from the end",
            lambda: torch_take(torch_tensor(c(10, 20, 30)), c(-1)),
            [30],
        ),
        ("6.3 put", lambda: torch_zeros(3).put(c(2), torch_tensor(c(1.0))), [0, 1, 0]),
        (
            "6.3 take_along_dim",
            lambda: torch_take_along_dim(torch_tensor(c(10, 20, 30)), c(3, 2), dim=1),
            [30, 20],
        ),
        ("6.3 select", lambda: torch_select(torch_tensor(c(10, 20, 30)), 1, 1), [10]),
        (
            "6.3 select, negative",
            lambda: torch_tensor(c(10, 20, 30)).select(1, -1),
            [30],
        ),
    ],
)
def test_index_arguments_are_one_based(case, run, expected):
    assert _same(run(), expected)


def test_index_put_in_place_returns_the_same_tensor():
    # ir-torch-index-put-inplace
    m = torch_zeros(3, 3)
    out = torch_index_put_(
        m, [torch_tensor(c(1, 2)), torch_tensor(c(3, 3))], torch_tensor(-1.0)
    )
    assert out is m
    assert _value(m) == [[0, 0, -1], [0, 0, -1], [0, 0, 0]]


@pytest.mark.parametrize(
    "run",
    [
        lambda x: torch_gather(x, 1, c(0, 1)),
        lambda x: torch_index_select(x, 1, c(0)),
        lambda x: torch_take(x, c(0)),
        lambda x: torch_index(x, [torch_tensor(c(0))]),
        lambda x: x.select(1, 0),
        lambda x: x.scatter(1, c(0), 1),
    ],
)
def test_a_zero_index_is_r_torchs_error(run):
    # 4.11 / 6.3: "Indexing starts at 1 but found a 0."
    with pytest.raises(RIndexError, match="Indexing starts at 1 but found a 0"):
        run(torch_tensor(c(10, 20, 30)))


def test_an_out_of_range_index_is_reported_one_based():
    # DECISIONS 4: the 1-based index, the 1-based dimension and its size.
    with pytest.raises(
        RIndexError, match="index 4 is out of bounds for dimension 1 with size 3"
    ):
        torch_gather(torch_tensor(c(10, 20, 30)), 1, c(4))


# -- value-as-index functions (6.3, 6.4) ------------------------------------------


@pytest.mark.parametrize(
    ("case", "run", "expected"),
    [
        ("ir-bincount", lambda: torch_bincount(torch_tensor(c(2, 2, 4))), [0, 2, 0, 1]),
        ("ir-bincount", lambda: torch_tensor(c(2, 2, 4)).bincount().numel(), 4),
        (
            "ir-one-hot",
            lambda: torch_one_hot(torch_tensor(c(3, 1))),
            [[0, 0, 1], [1, 0, 0]],
        ),
        (
            "ir-nnf-one-hot",
            lambda: nnf_one_hot(torch_tensor(c(2, 2, 1))),
            [[0, 1], [0, 1], [1, 0]],
        ),
        (
            "ir-embedding-bag-mean",
            lambda: nnf_embedding_bag(
                torch_tensor(matrix(c(1, 4, 3, 2), nrow=2)),
                torch_tensor(
                    matrix(c(1.0, 2.0, 3.0, 4.0, 10.0, 20.0, 30.0, 40.0), nrow=4)
                ),
            ),
            [[2, 20], [3, 30]],
        ),
        (
            "ir-cross-entropy-ignore-index",
            lambda: [
                nnf_cross_entropy(
                    torch_tensor(matrix(c(5.0, 0.0, 0.0, 5.0), nrow=2)),
                    torch_tensor(c(1, 1)),
                    ignore_index=i,
                ).item()
                for i in (1, 2, -100)
            ],
            [math.nan, 2.5067153, 2.5067153],
        ),
    ],
)
def test_values_used_as_indices_are_one_based(case, run, expected):
    assert _same(run(), expected)


@pytest.mark.parametrize(
    "run",
    [
        lambda: torch_bincount(torch_tensor(c(0, 1))),
        lambda: torch_one_hot(torch_tensor(c(0, 1))),
        lambda: nnf_nll_loss(torch_zeros(2, 3), torch_tensor(c(0, 1))),
    ],
)
def test_a_zero_class_is_an_error(run):
    with pytest.raises(RIndexError, match="Indexing starts at 1"):
        run()


def test_ignore_index_zero_names_no_class():
    # 6.4: ignore_index = 0 raises value_error matching "1 based class index".
    with pytest.raises(RValueError, match="1 based class index"):
        nnf_cross_entropy(torch_zeros(2, 3), torch_tensor(c(1, 2)), ignore_index=0)


def test_negative_targets_pass_through_and_are_ignored():
    # ir-nll-ignore-default: targets -100 4 -100 leave the loss of row 2 alone,
    # which for log-probabilities x is -x[2, 4].
    x = torch_randn(3, 5)
    loss = nnf_nll_loss(x, torch_tensor(c(-100, 4, -100)))
    assert loss.item() == pytest.approx(-as_array(x)[1, 3])


def test_nll_target_out_of_bounds_is_reported_one_based():
    # 5.1: "Target 6 is out of bounds." for 5 classes.
    with pytest.raises(Exception, match="Target 6 is out of bounds"):
        nnf_nll_loss(torch_zeros(1, 5), torch_tensor(c(6)))


def test_multi_margin_targets_are_one_based():
    # ir-multi-margin-targets: target 4 needs 4 classes.
    y = torch_tensor(c(2, 4))
    with pytest.raises(RRuntimeError, match="target out of range"):
        nnf_multi_margin_loss(torch_randn(2, 3), y)
    assert nnf_multi_margin_loss(torch_randn(2, 4), y).shape == ()


def test_multilabel_margin_labels_are_one_based_and_minus_one_ends():
    # ir-multilabel-margin: labels 2 and 3, the 1 after -1 ignored: 0.9
    x = torch_tensor(c(0.3, 0.9, 0.1, 0.5)).view(c(1, 4))
    y = torch_tensor(c(2, 3, -1, 1)).view(c(1, 4))
    assert nnf_multilabel_margin_loss(x, y).item() == pytest.approx(0.9, abs=1e-6)


def test_embedding_ids_are_one_based():
    # ir-embedding: id k returns row k of the weight.
    weight = torch_tensor(matrix(seq(1, 10), nrow=5, byrow=True))
    out = nnf_embedding(torch_tensor(c(5, 2)), weight)
    assert _value(out) == [[9, 10], [3, 4]]


def test_sparse_indices_are_one_based_both_ways():
    # conv-sparse-indices-one-based
    i = torch_tensor(matrix(c(1, 2, 3, 3, 1, 2), nrow=2, byrow=True))
    s = torch_sparse_coo_tensor(i, torch_tensor(c(7.0, 8.0, 9.0)), size=c(3, 3))
    s = s.coalesce()
    assert _value(s.indices()) == [[1, 2, 3], [3, 1, 2]]
    assert as_array(s.to_dense())[0, 2] == 7


@pytest.mark.parametrize(
    "pool",
    [
        lambda x: nnf_max_pool1d(x, 2, return_indices=True),
        lambda x: nnf_adaptive_max_pool1d(x, 2, return_indices=True),
        lambda x: torch_max_pool1d_with_indices(x, kernel_size=2),
        lambda x: torch_adaptive_max_pool1d(x, output_size=2),
    ],
)
def test_pooling_indices_are_one_based(pool):
    # 6.1 / DECISIONS 1: the maxima 5 and 4 of 1 5 2 4 sit at positions 2 and 4.
    values, indices = pool(torch_tensor(c(1.0, 5.0, 2.0, 4.0)).view(c(1, 1, 4)))
    assert _value(values) == [[[5, 4]]]
    assert _value(indices) == [[[2, 4]]]


def test_fractional_max_pool_indices_are_one_based():
    # DECISIONS 1: a 2 x 2 window over 2 x 2 input keeps the maximum 9 at
    # (row-major) position 3.
    x = torch_tensor(matrix(c(1.0, 9.0, 2.0, 3.0), nrow=2)).view(c(1, 1, 2, 2))
    values, indices = nnf_fractional_max_pool2d(
        x, kernel_size=2, output_size=1, return_indices=True
    )
    assert _value(values) == [[[[9]]]]
    assert _value(indices) == [[[[3]]]]


def test_max_unpool_takes_pooling_indices_back():
    # 6.3: nnf_max_unpool2d reads 1-based indices, so a round trip restores maxima.
    x = torch_tensor(matrix(c(1.0, 9.0, 2.0, 3.0), nrow=2)).view(c(1, 1, 2, 2))
    values, indices = nnf_max_pool2d(x, kernel_size=2, return_indices=True)
    restored = nnf_max_unpool2d(values, indices, kernel_size=2)
    assert _value(restored) == [[[[0, 0], [9, 0]]]]


def test_nonzero_static_coordinates_are_one_based_and_padding_kept():
    # DECISIONS 1: non-zeros of 0 3 0 4 sit at 2 and 4; the padding stays -1.
    out = torch_tensor(c(0, 3, 0, 4)).nonzero_static(size=3)
    assert _value(out) == [[2], [4], [-1]]


def test_sparse_column_positions_are_one_based_and_row_offsets_are_not():
    # DECISIONS 1: col_indices are positions; crow_indices are offsets (counts).
    m = torch_tensor(matrix(c(0.0, 1.0, 2.0, 0.0), nrow=2)).to_sparse_csr()  # 0 2 / 1 0
    assert _value(m.col_indices()) == [2, 1]
    assert _value(m.crow_indices()) == [0, 1, 2]


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_a_quantisation_axis_goes_in_and_comes_back_one_based():
    # DECISIONS 2: axis = 2 is the second dimension, and is reported as 2.
    q = torch_quantize_per_channel(
        torch_rand(2, 3),
        torch_tensor(c(0.1, 0.2, 0.3)),
        torch_tensor(c(0, 0, 0)),
        2,
        torch_quint8(),
    )
    assert q.q_per_channel_axis() == 2
    assert _value(q.q_per_channel_scales()) == pytest.approx([0.1, 0.2, 0.3])
