"""1-based dimension arguments (semantics 5, DECISIONS 2, `dims` cases).

Every row's expected value is transcribed from the case it cites (by id) or
worked out by hand from the spec section it cites.
"""

from __future__ import annotations

import numpy as np
import pytest

from rtorch import *
from rtorch.errors import RIndexError, RNotImplementedError, RValueError


def _value(x):
    """Tensors as nested lists, sizes as lists: what the expect columns show."""
    if isinstance(x, Tensor):
        return as_array(x).tolist()
    if isinstance(x, tuple):
        return list(x)
    return x


def _same(got, expected):
    got = np.asarray(_value(got), dtype=float)
    want = np.asarray(expected, dtype=float)
    if want.ndim == 0:  # one value: a 0-d tensor reads back as a length-1 vector
        got = got.reshape(-1)
        want = want.reshape(1)
    return got.shape == want.shape and np.allclose(got, want)


M23 = matrix(c(1.0, 5.0, 2.0, 7.0, 4.0, 10.0), nrow=2)  # rows 1 2 4 / 5 7 10


@pytest.mark.parametrize(
    ("case", "run", "expected"),
    [
        (
            "dims-cat-dim2",
            lambda: torch_cat([torch_zeros(3, 2, 5), torch_ones(3, 4, 5)], dim=2).shape,
            [3, 6, 5],
        ),
        (
            "dims-diff-default",
            lambda: torch_diff(torch_tensor(c(1.0, 4.0, 9.0, 16.0))),
            [3, 5, 7],
        ),
        (
            "dims-diff-append",
            lambda: torch_diff(
                torch_tensor(c(1.0, 4.0, 9.0)), append=torch_tensor(c(16.0, 25.0))
            ),
            [3, 5, 7, 9],
        ),
        ("dims-diff-dim1", lambda: torch_diff(torch_tensor(M23), dim=1), [[4, 5, 6]]),
        (
            "dims-diff-dim2",
            lambda: torch_diff(torch_tensor(M23), dim=2),
            [[1, 2], [2, 3]],
        ),
        (
            "dims-movedim",
            lambda: torch_movedim(torch_zeros(4, 5, 6), 1, 3).shape,
            [5, 6, 4],
        ),
        (
            "dims-movedim",
            lambda: torch_movedim(torch_zeros(4, 5, 6), c(1, 3), c(3, 1)).shape,
            [6, 5, 4],
        ),
        ("dims-movedim", lambda: torch_zeros(4, 5, 6).movedim(2, 1).shape, [5, 4, 6]),
        (
            "dims-norm-dim",
            lambda: torch_norm(
                torch_tensor(matrix(c(3.0, 4.0, 6.0, 8.0), nrow=2)), dim=1
            ),
            [5, 10],
        ),
        (
            "dims-norm-dim",
            lambda: (
                torch_norm(
                    torch_tensor(matrix(c(3.0, 4.0, 6.0, 8.0), nrow=2)), dim=2
                ).shape
            ),
            [2],
        ),
        (
            "dims-linalg-norm-dim",
            lambda: linalg_norm(
                torch_tensor(matrix(c(3.0, 0.0, 4.0, 0.0, 0.0, 2.0), nrow=2)), dim=2
            ),
            [5, 2],
        ),
        (
            "dims-linalg-norm-dim",
            lambda: linalg_norm(
                torch_tensor(matrix(c(3.0, 0.0, 4.0, 0.0, 0.0, 2.0), nrow=2)), dim=1
            ),
            [3, 4, 2],
        ),
        (
            "dims-matrix-norm-dims",
            lambda: linalg_matrix_norm(torch_ones(4, 2, 3)).shape,
            [4],
        ),
        (
            "dims-matrix-norm-dims",
            lambda: linalg_matrix_norm(torch_ones(4, 2, 3), dim=c(1, 2)).shape,
            [3],
        ),
        (
            "dims-tensordot-list",
            lambda: (
                torch_tensordot(
                    torch_ones(2, 3, 4), torch_ones(3, 2, 5), [c(1, 2), c(2, 1)]
                ).shape
            ),
            [4, 5],
        ),
        (
            "dims-tensordot-int",
            lambda: torch_tensordot(torch_ones(4, 2), torch_ones(2, 3, 5), 1).shape,
            [4, 3, 5],
        ),
        (
            "dims-tensordot-int",
            lambda: (
                torch_tensordot(torch_ones(4, 2), torch_ones(2, 3, 5), [2, 1]).shape
            ),
            [4, 3, 5],
        ),
        ("dims-split-sizes", lambda: len(torch_split(torch_tensor(seq(1, 7)), 3)), 3),
        (
            "dims-split-sizes",
            lambda: len(torch_split(torch_tensor(seq(1, 7)), c(4, 3))),
            2,
        ),
        ("dims-split-sizes", lambda: len(torch_tensor(seq(1, 7)).split(2)), 4),
        (
            "dims-unbind-list",
            lambda: len(torch_tensor(c(9.0, 8.0, 7.0, 6.0)).unbind()),
            4,
        ),
        (
            "dims-stack-dim2",
            lambda: torch_stack(
                [torch_tensor(seq(1, 3)), torch_tensor(seq(4, 6))], dim=2
            ),
            [[1, 4], [2, 5], [3, 6]],
        ),
        (
            "dims-select-index",
            lambda: torch_tensor(matrix(seq(1, 6), nrow=2)).select(2, 3),
            [5, 6],
        ),
        (
            "dims-narrow",  # m[, 2:3] of rows 1..4 / 5..8 / 9..12
            lambda: torch_narrow(
                torch_tensor(matrix(seq(1, 12), nrow=3, byrow=True)),
                dim=2,
                start=2,
                length=2,
            ),
            [[2, 3], [6, 7], [10, 11]],
        ),
        (
            "dims-narrow",
            lambda: torch_tensor(matrix(seq(1, 12), nrow=3, byrow=True)).narrow(
                dim=2, start=2, length=2
            ),
            [[2, 3], [6, 7], [10, 11]],
        ),
        (
            "dims-narrow",
            lambda: torch_tensor(matrix(seq(1, 12), nrow=3, byrow=True)).narrow_copy(
                dim=2, start=2, length=2
            ),
            [[2, 3], [6, 7], [10, 11]],
        ),
        (
            "dims-narrow-copy-internal-0-based",
            lambda: torch_narrow_copy(
                torch_tensor(c(10, 20, 30, 40, 50)), dim=1, start=2, length=2
            ),
            [20, 30],
        ),
        ("dims-tile", lambda: torch_tensor(c(1.0, 2.0)).tile(3).numel(), 6),
        ("dims-tile", lambda: torch_tensor(c(1.0, 2.0)).tile(c(2, 2)).numel(), 8),
        (
            "dims-atleast",
            lambda: [
                torch_atleast_1d(torch_tensor(c(1.0, 2.0))).ndim,
                torch_atleast_2d(torch_tensor(c(1.0, 2.0))).ndim,
                torch_atleast_3d(torch_tensor(c(1.0, 2.0))).ndim,
            ],
            [1, 2, 3],
        ),
        (
            "dims-vander",
            lambda: torch_vander(torch_tensor(c(2.0, 3.0, 4.0)), N=4, increasing=False),
            [[8, 4, 2, 1], [27, 9, 3, 1], [64, 16, 4, 1]],
        ),
        (
            "dims-where-3arg",
            lambda: torch_where(
                torch_tensor(c(True, False, True)),
                self=torch_tensor(c(1.0, 2.0, 3.0)),
                other=torch_tensor(c(-1.0, -2.0, -3.0)),
            ),
            [1, -2, 3],
        ),
        (
            "dims-stft-shape",
            lambda: (
                torch_stft(
                    input=torch_ones(1000),
                    n_fft=200,
                    center=False,
                    onesided=True,
                    return_complex=False,
                ).shape
            ),
            [101, 17, 2],
        ),
    ],
)
def test_dims_cases(case, run, expected):
    assert _same(run(), expected)


def test_stft_first_bin_of_ones_sums_the_frame():
    # dims-stft-shape: s[1, 1, ] is c(200, 0)
    s = torch_stft(
        input=torch_ones(1000),
        n_fft=200,
        center=False,
        onesided=True,
        return_complex=False,
    )
    assert as_array(s)[0, 0, :].tolist() == pytest.approx([200, 0])


def test_a_named_dimension_is_a_named_gap():
    # dims-cat-named-dim: PyTorch 2.13 removed named tensors, so `dim = "F"` cannot
    # work; rtorch says so instead of guessing.
    with pytest.raises(RNotImplementedError, match="named tensors"):
        torch_cat([torch_zeros(2, 3), torch_zeros(2, 5)], dim="F")


# -- the rule: positive 1-based, negative from the end, 0 an error (5.1) --------


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        (lambda m: torch_cumsum(m, dim=1), [[1, 2, 4], [6, 9, 14]]),
        (lambda m: torch_cumsum(m, dim=2), [[1, 3, 7], [5, 12, 22]]),
        (lambda m: torch_cumsum(m, dim=-1), [[1, 3, 7], [5, 12, 22]]),
        (lambda m: torch_cumsum(m, dim=-2), [[1, 2, 4], [6, 9, 14]]),
        (lambda m: torch_amax(m, dim=c(1, 2)), [10]),
        (lambda m: torch_sum(m, dim=c(1, 2)), [29]),
        (lambda m: torch_logsumexp(m, dim=2).shape, [2]),
        (lambda m: m.flip(1), [[5, 7, 10], [1, 2, 4]]),
        (lambda m: torch_roll(m, shifts=1, dims=2), [[4, 1, 2], [10, 5, 7]]),
        (lambda m: m.transpose(1, 2).shape, [3, 2]),
        (lambda m: torch_count_nonzero(m, dim=1), [2, 2, 2]),
    ],
)
def test_dims_are_one_based_and_negative_from_the_end(run, expected):
    assert _same(run(torch_tensor(M23)), expected)


@pytest.mark.parametrize(
    "run",
    [
        lambda x: torch_cumsum(x, dim=0),
        lambda x: torch_sum(x, dim=c(1, 0)),
        lambda x: torch_squeeze(x, dim=0),
        lambda x: x.unsqueeze(0),
        lambda x: torch_flip(x, dims=c(0)),
        lambda x: x.softmax(dim=0),
    ],
)
def test_a_zero_dim_is_r_torchs_error(run):
    # 5.1: "Indexing starts at 1 but found a 0." for generated functions.
    with pytest.raises(RIndexError, match="Indexing starts at 1 but found a 0"):
        run(torch_ones(2, 3))


def test_movedim_words_a_zero_dim_its_own_way():
    # 5.1: torch_movedim and $movedim raise value_error "Dimension is 1-based ..."
    with pytest.raises(RValueError, match="Dimension is 1-based, but found 0."):
        torch_movedim(torch_ones(2, 3), 0, 1)


@pytest.mark.parametrize(
    ("run", "message"),
    [
        # 5.1: libtorch's 0-based [-2, 1] / 2 reaches the user as [-2, 2] / 3.
        (
            lambda x: torch_sum(x, dim=3),
            r"expected to be in range of \[-2, 2\], but got 3\)",
        ),
        (
            lambda x: torch_cumsum(x, dim=3),
            r"expected to be in range of \[-2, 2\], but got 3\)",
        ),
        (
            lambda x: torch_transpose(x, 1, 4),
            r"expected to be in range of \[-2, 2\], but got 4\)",
        ),
    ],
)
def test_out_of_range_dims_are_reported_one_based(run, message):
    with pytest.raises(RIndexError, match=message):
        run(torch_ones(2, 3))


# -- defaults are 1-based too (5.1: the generator shifts dim defaults) -------------


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        (lambda: torch_cat([torch_ones(2, 3), torch_ones(2, 3)]).shape, [4, 3]),
        (lambda: torch_stack([torch_ones(2, 3), torch_ones(2, 3)]).shape, [2, 2, 3]),
        (lambda: len(torch_chunk(torch_ones(4, 6), 2)), 2),
        (lambda: torch_chunk(torch_ones(4, 6), 2)[0].shape, [2, 6]),
        (lambda: len(torch_unbind(torch_ones(4, 6))), 4),
        (lambda: torch_split(torch_ones(4, 6), 2)[0].shape, [2, 6]),
        # torch_cosine_similarity(dim = 2L): R's default is PyTorch's dim=1.
        (
            lambda: torch_cosine_similarity(torch_ones(3, 4), torch_ones(3, 4)).shape,
            [3],
        ),
        (lambda: torch_diagonal(torch_tensor(matrix(seq(1, 4), nrow=2))), [1, 4]),
        (
            lambda: torch_sort(torch_tensor(matrix(c(3, 1, 2, 0), nrow=2)))[0],
            [[2, 3], [0, 1]],
        ),
    ],
)
def test_dim_defaults_are_r_torchs(run, expected):
    assert _value(run()) == expected


# -- DECISIONS 2: every dimension argument is 1-based, whatever its name ---------


def test_swapaxes_and_moveaxis_take_one_based_dims():
    x = torch_zeros(2, 3, 4)
    assert x.swapaxes(1, 3).shape == (4, 3, 2)
    assert x.swapaxes(1, 2).shape == (3, 2, 4)
    assert x.moveaxis(1, 3).shape == (3, 4, 2)
    assert x.moveaxis(c(1, 2), c(2, 1)).shape == (3, 2, 4)


def test_unfold_dimension_is_one_based():
    # Windows of size 2, step 1, along dimension 2 of a 2 x 3 matrix.
    m = torch_tensor(matrix(seq(1, 6), nrow=2, byrow=True))  # rows 1 2 3 / 4 5 6
    windows = m.unfold(dimension=2, size=2, step=1)
    assert _value(windows) == [[[1, 2], [2, 3]], [[4, 5], [5, 6]]]


def test_rot90_works_without_dims():
    # DECISIONS 2: R torch's default dims = c(0, 1) errors; rtorch's is c(1, 2).
    m = torch_tensor(matrix(seq(1, 4), nrow=2, byrow=True))  # rows 1 2 / 3 4
    assert _value(torch_rot90(m)) == [[2, 4], [1, 3]]
    assert _value(m.rot90()) == _value(torch_rot90(m, k=1, dims=c(1, 2)))


def test_slice_positions_are_one_based_and_inclusive():
    # DECISIONS 2: x$slice(dim, start, end) reads like x[start:end].
    m = torch_tensor(matrix(seq(1, 12), nrow=4, byrow=True))  # rows 1..3 / ... / 10..12
    assert _value(m.slice(1, 2, 3)) == [[4, 5, 6], [7, 8, 9]]
    assert _value(m.slice(2, 3)) == [[3], [6], [9], [12]]
    assert _value(m.slice(1, -2, -1)) == [[7, 8, 9], [10, 11, 12]]
    assert _value(m.slice(1, 1, 4, 2)) == [[1, 2, 3], [7, 8, 9]]


def test_narrow_start_zero_is_r_torchs_value_error():
    # 6.3: narrow's start is 1-based; 0 raises value_error "start indexing starts at 1".
    with pytest.raises(RValueError, match="start indexing starts at 1"):
        torch_narrow(torch_ones(3), dim=1, start=0, length=1)


# -- R torch's signatures (semantics 1.2) -------------------------------------


def test_flatten_second_argument_is_dims():
    # 1.2: torch_flatten(self, dims, start_dim = 1L, end_dim = -1L, out_dim)
    import inspect

    params = list(inspect.signature(torch_flatten).parameters)
    assert params == ["self", "dims", "start_dim", "end_dim", "out_dim"]
    assert torch_flatten(torch_ones(2, 3, 4), start_dim=2).shape == (2, 12)


def test_diagonal_offset_comes_last():
    # 1.2: torch_diagonal(self, outdim, dim1 = 1L, dim2 = 2L, offset = 0L)
    import inspect

    params = inspect.signature(torch_diagonal).parameters
    assert list(params) == ["self", "outdim", "dim1", "dim2", "offset"]
    assert [params[p].default for p in ("dim1", "dim2", "offset")] == [1, 2, 0]
    m = torch_tensor(matrix(seq(1, 9), nrow=3, byrow=True))
    assert _value(m.diagonal(offset=1)) == [2, 6]


def test_sort_stable_comes_last():
    # torchgen moves `stable` of sort to the end, so sort(x, 1) sorts along dim 1.
    import inspect

    assert list(inspect.signature(torch_sort).parameters) == [
        "self",
        "dim",
        "descending",
        "stable",
    ]
    m = torch_tensor(matrix(c(3, 1, 2, 0), nrow=2))  # rows 3 2 / 1 0
    values, indices = torch_sort(m, 1)
    assert _value(values) == [[1, 0], [3, 2]]
    assert np.array_equal(as_array(indices), [[2, 2], [1, 1]])
