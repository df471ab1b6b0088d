"""R generics and base summaries on tensors (semantics 12.1, 9, 3)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from rtorch import (
    as_array,
    c,
    cumsum,
    dim,
    head,
    length,
    log,
    matrix,
    mean,
    prod,
    sqrt,
    tail,
    torch_arange,
    torch_ones,
    torch_tensor,
    torch_zeros,
)
from rtorch import base as rb


def test_math_generics():
    # ops-math-group
    v = torch_tensor(c(1.0, 4.0, 16.0))
    assert as_array(sqrt(v)).tolist() == [1.0, 2.0, 4.0]
    np.testing.assert_allclose(as_array(log(v, base=2.0)), [0.0, 2.0, 4.0], atol=1e-6)
    assert as_array(abs(-v)).tolist() == [1.0, 4.0, 16.0]
    np.testing.assert_allclose(
        as_array(log(v)), [0.0, math.log(4), math.log(16)], rtol=1e-6
    )


def test_cumsum_runs_down_dim_1():
    # ops-cumsum: rows 1 3 / 2 4 give rows 1 3 / 3 7.
    got = as_array(cumsum(torch_tensor(matrix(c(1.0, 2.0, 3.0, 4.0), nrow=2))))
    np.testing.assert_array_equal(got, [[1.0, 3.0], [3.0, 7.0]])


def test_dim_and_length():
    # ops-dim-length
    k = torch_zeros(3, 4, 2)
    assert tuple(dim(k)) == (3, 4, 2) and length(k) == 24


def test_mean_and_prod():
    # ops-mean, ops-sum-prod-dim (rows 2 3 / 1 5)
    assert as_array(mean(torch_tensor(c(2.0, 3.0, 10.0)))).tolist() == [5.0]
    m = torch_tensor(matrix(c(2.0, 1.0, 3.0, 5.0), nrow=2))
    assert as_array(rb.sum(m)).tolist() == [11.0]
    assert as_array(rb.sum(m, dim=2)).tolist() == [5.0, 6.0]
    assert as_array(prod(m)).tolist() == [30.0]


def test_max_min_over_several_tensors():
    # ops-max-min-multi
    a = torch_tensor(c(-4.0, 2.0))
    b = torch_tensor(c(1.0, 7.0, -9.0))
    assert as_array(rb.max(a, b)).tolist() == [7.0]
    assert as_array(rb.min(a, b)).tolist() == [-9.0]
    assert as_array(rb.range(a, b)).tolist() == [-9.0, 7.0]
    assert as_array(rb.sum(a, b)).tolist() == [-3.0]


def test_all_any():
    t = torch_tensor(c(True, False))
    assert rb.any(t).item() is True and rb.all(t).item() is False


def test_star_import_does_not_shadow_builtins():
    namespace: dict = {}
    exec("from rtorch import *", namespace)
    for name in ("sum", "max", "min", "all", "any", "range", "abs", "round"):
        assert name not in namespace


def test_head_and_tail_run_along_dim_1():
    x = torch_arange(1, 10)
    assert as_array(head(x, 3)).tolist() == [1, 2, 3]
    assert as_array(tail(x, 2)).tolist() == [9, 10]
    assert tuple(head(torch_ones(8, 2)).shape) == (6, 2)


def test_std_is_the_sample_standard_deviation():
    # ops-std-matches-sd: sd(c(2, 4, 4, 4, 5, 5, 7, 9)) = sqrt(32 / 7)
    got = torch_tensor(c(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0)).std().item()
    assert got == pytest.approx(math.sqrt(32 / 7), abs=1e-6)


def test_reductions_take_one_based_dims():
    # Section 5: dim = 1 reduces the rows away (column sums).
    m = torch_tensor(matrix(seq_values := c(1.0, 2.0, 3.0, 4.0, 5.0, 6.0), nrow=2))
    assert as_array(m.sum(dim=1)).tolist() == [3.0, 7.0, 11.0]
    assert as_array(m.sum(dim=2)).tolist() == [9.0, 12.0]
    assert as_array(m.sum(dim=-1)).tolist() == [9.0, 12.0]
    assert as_array(m.sum(dim=c(1, 2))).tolist() == [sum(seq_values)]
    assert as_array(m.mean(dim=1)).tolist() == [1.5, 3.5, 5.5]


def test_max_along_a_dim_returns_one_based_indices():
    # 6.1: x$max(dim = 2)[[2]] is c(2L, 3L, 1L) for rows 1 5 2 / 1 2 9 / 7 3 3.
    x = torch_tensor(matrix(c(1.0, 1.0, 7.0, 5.0, 2.0, 3.0, 2.0, 9.0, 3.0), nrow=3))
    values, indices = x.max(dim=2)
    assert as_array(indices).tolist() == [2, 3, 1]
    assert as_array(values).tolist() == [5.0, 9.0, 7.0]
    assert torch_tensor(c(1.0, 2.0, 3.0)).argmax().item() == 3  # argmax is 1-based


def test_shape_methods():
    # Section 9: size/stride 1-based; view takes one vector; unsqueeze 1-based.
    x = torch_zeros(2, 5)
    assert x.size(1) == 2 and x.size(-1) == 5
    assert tuple(x.stride()) == (5, 1) and x.stride(1) == 5
    assert tuple(x.view(c(5, 2)).shape) == (5, 2)
    assert tuple(x.unsqueeze(1).shape) == (1, 2, 5)
    assert tuple(x.unsqueeze(1).squeeze(1).shape) == (2, 5)
    assert tuple(torch_zeros(2, 3, 4).permute(c(3, 1, 2)).shape) == (4, 2, 3)
    assert x.t().is_contiguous() is False
    assert x.t().contiguous().is_contiguous() is True


def test_expand_takes_r_torchs_implicit_argument():
    # dims-expand: x$expand(size, implicit) — the second argument is `implicit`.
    assert tuple(torch_tensor(5.0).expand(c(4, 1), True).shape) == (4, 1)


def test_as_matrix_of_a_numeric_data_frame():
    # R: as.matrix(Orange[, c("age", "circumference")]) is a 35 x 2 double matrix.
    from rtorch import as_matrix
    from rtorch.datasets import Orange

    m = as_matrix(Orange[["age", "circumference"]])
    assert m.shape == (35, 2) and m[0].tolist() == [118.0, 30.0]
    with pytest.raises(TypeError, match="df_to_tensor"):
        as_matrix(Orange)
