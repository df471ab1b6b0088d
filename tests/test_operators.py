"""Operators and promotion (semantics 12, `ops` cases, DECISIONS)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from rtorch import (
    NA,
    as_array,
    c,
    matrix,
    torch_double,
    torch_float,
    torch_float16,
    torch_int,
    torch_long,
    torch_ones,
    torch_tensor,
    torch_zeros,
)
from rtorch.errors import RRuntimeError, RTypeError

V = c(0.5, -1.0, 3.0)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        (lambda v: v + v, [1.0, -2.0, 6.0]),  # ops-add
        (lambda v: v + 10.0, [10.5, 9.0, 13.0]),
        (lambda v: 10.0 + v, [10.5, 9.0, 13.0]),
        (lambda v: v - 1.0, [-0.5, -2.0, 2.0]),  # ops-sub
        (lambda v: 1.0 - v, [0.5, 2.0, -2.0]),
        (lambda v: -v, [-0.5, 1.0, -3.0]),
        (lambda v: v * v, [0.25, 1.0, 9.0]),  # ops-mul
        (lambda v: 4.0 * v, [2.0, -4.0, 12.0]),
    ],
)
def test_arithmetic(expression, expected):
    assert as_array(expression(torch_tensor(V))).tolist() == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        (lambda w: w / 4.0, [0.5, 1.0, 2.0]),  # ops-div
        (lambda w: 16.0 / w, [8.0, 4.0, 2.0]),
        (lambda w: w**w, [4.0, 256.0, 16777216.0]),  # ops-pow (2, 4, 8)
        (lambda w: w**3.0, [8.0, 64.0, 512.0]),
        (lambda w: 3.0**w, [9.0, 81.0, 6561.0]),
    ],
)
def test_division_and_power(expression, expected):
    assert as_array(expression(torch_tensor(c(2.0, 4.0, 8.0)))).tolist() == expected


def test_mod_is_fmod_and_intdiv_truncates():
    # ops-mod-positive, ops-intdiv-positive
    w = torch_tensor(c(5.0, 6.0, 7.0, 8.0))
    assert as_array(w % 3.0).tolist() == [2.0, 0.0, 1.0, 2.0]
    assert as_array(20.0 % w).tolist() == [0.0, 2.0, 6.0, 4.0]
    assert as_array(w // 3.0).tolist() == [1.0, 2.0, 2.0, 2.0]
    assert as_array(20.0 // w).tolist() == [4.0, 3.0, 2.0, 2.0]
    # 12.1: torch_tensor(-5) %% 3 is -2 (sign of the dividend, unlike R and Python).
    assert as_array(torch_tensor(-5.0) % 3.0).tolist() == [-2.0]
    # 12.1: torch_tensor(-5L) %/% 2L is -2 (truncation, unlike R and Python).
    assert as_array(torch_tensor(-5) // 2).tolist() == [-2]


P, Q = c(1.0, 5.0, 3.0), c(2.0, 5.0, 1.0)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        (lambda p, q: p > q, [False, False, True]),  # ops-gt
        (lambda p, q: p > 2.0, [False, True, True]),
        (lambda p, q: 2.0 > p, [True, False, False]),
        (lambda p, q: p >= q, [False, True, True]),  # ops-ge
        (lambda p, q: 3.0 >= p, [True, False, True]),
        (lambda p, q: p < q, [True, False, False]),  # ops-lt-le
        (lambda p, q: p <= 3.0, [True, False, True]),
        (lambda p, q: 3.0 <= p, [False, True, True]),
        (lambda p, q: p == q, [False, True, False]),  # ops-eq-ne
        (lambda p, q: p == 5.0, [False, True, False]),
        (lambda p, q: p != q, [True, False, True]),
        (lambda p, q: p != 5.0, [True, False, True]),
    ],
)
def test_comparisons(expression, expected):
    result = expression(torch_tensor(P), torch_tensor(Q))
    assert result.dtype == torch_tensor(True).dtype
    assert as_array(result).tolist() == expected


def test_logical_operators_treat_non_zero_as_true():
    # ops-and-or-not
    a = torch_tensor(c(0.0, 3.0, -1.0))
    b = torch_tensor(c(2.0, 0.0, 4.0))
    assert as_array(a & b).tolist() == [False, False, True]
    assert as_array(a & 1.0).tolist() == [False, True, True]
    assert as_array(b | 0.0).tolist() == [True, False, True]
    assert as_array(~a).tolist() == [True, False, False]
    assert as_array(~b).tolist() == [False, True, False]


def test_matmul_accepts_an_r_matrix_on_the_right():
    # ops-matmul
    a = torch_tensor(matrix(c(1.0, 0.0, 2.0, 1.0), nrow=2))
    b = matrix(c(3.0, 1.0, 0.0, 2.0), nrow=2)
    np.testing.assert_array_equal(as_array(a @ b), [[5.0, 4.0], [1.0, 2.0]])


def test_negating_a_bool_tensor_is_r_torchs_error():
    # 12.1: unary minus on bool errors with R torch's text.
    with pytest.raises(RTypeError, match="Use the `\\^` or `logical_xor\\(\\)`"):
        -torch_tensor(c(True, False))


@pytest.mark.parametrize(
    ("expression", "dtype"),
    [
        (lambda: torch_tensor(c(1, 2, 3)) * 2.0, torch.float32),  # 12.2
        (lambda: 2.0 * torch_tensor(c(1, 2, 3)), torch.float32),
        (lambda: torch_tensor(c(1, 2, 3)) + 1.0, torch.float32),
        (lambda: torch_tensor(c(1, 2, 3)) + 1, torch.int64),  # write 1L to stay integer
        (lambda: torch_tensor(c(1, 2, 3)) ** 2.0, torch.float32),
        (lambda: torch_tensor(c(1, 2, 3)) ** 2, torch.int64),
        (lambda: torch_tensor(c(1, 2)) / torch_tensor(c(2, 2)), torch.float32),
        (lambda: torch_tensor(c(1.0), dtype=torch_double()) * 2.0, torch.float64),
        (lambda: torch_tensor(c(1, 2)).sum(), torch.int64),  # sum of long is long
    ],
)
def test_promotion(expression, dtype):
    assert expression().torch.dtype == dtype


def test_left_hand_numbers_are_weak_scalars_deliberately():
    # Difference from R torch (README "Differences"): R turns a left-hand number
    # into a float32 tensor, so 0.1 + x_f64 would round 0.1 through float32.
    x = torch_tensor(c(0.0), dtype=torch_double())
    assert (0.1 + x).item() == 0.1
    assert as_array(0.1 + x).tolist() == as_array(x + 0.1).tolist()
    half = torch_tensor(c(1.0), dtype=torch_float16())
    assert (2.0 * half).dtype == torch_float16()


def test_in_place_methods_return_the_same_object():
    # ops-storage-shared; 1.5: in-place methods return the same object.
    a = torch_zeros(2)
    alias = a
    res = a.mul_(3.0)
    assert res is a
    assert a.storage().data_ptr() == alias.storage().data_ptr()
    assert res.storage().data_ptr() == a.storage().data_ptr()


def test_in_place_cannot_upcast():
    # 12.2: x_long$add_(1) errors; x_long$add_(1L) works.
    x = torch_tensor(c(1, 2))
    with pytest.raises(RRuntimeError, match="can't be cast to the desired output"):
        x.add_(1.5)
    assert as_array(x.add_(1)).tolist() == [2, 3]


def test_add_method_keeps_long():
    # dtype-add-keeps-long
    r = torch_tensor(c(5, 6)).add(2)
    assert as_array(r).tolist() == [7, 8] and r.dtype == torch_long()


def test_clone_has_new_storage():
    # ops-clone-new-storage
    a = torch_ones(3)
    assert a.storage().data_ptr() != a.clone().storage().data_ptr()


def test_broadcasting_mismatch_is_reported():
    # 12.2: no R-style recycling; libtorch's message (dims as libtorch counts them).
    # The vignette's example: (4, 3, 2, 1) + (4, 3, 2) fails (2 vs 3).
    with pytest.raises(
        RRuntimeError,
        match=r"must match the size of tensor b.*"
        r"Shapes \(4, 3, 2, 1\) and \(4, 3, 2\)",
    ):
        torch_zeros(4, 3, 2, 1) + torch_ones(4, 3, 2)


def test_vector_operands_follow_r_conversion():
    # 12.2: an R vector operand is converted with torch_tensor() (doubles -> float).
    got = torch_tensor(c(1, 2)) + c(0.5, 0.5)
    assert got.dtype == torch_float()
    assert as_array(got).tolist() == [1.5, 2.5]


def test_int32_tensor_times_integer_stays_int32():
    # 12.2: x_int32 * 2L gives int32.
    x = torch_tensor(c(1, 2), dtype=torch_int())
    assert (x * 2).dtype == torch_int()


def test_numpy_operands_keep_the_rtorch_type_and_graph():
    x = torch_tensor(c(1.0, 2.0), requires_grad=True)
    y = np.float64(2.0) * x
    assert type(y) is type(x) and y.grad_fn is not None
    assert type(np.array([1.0, 2.0]) + x) is type(x)


def test_builtin_round():
    assert as_array(round(torch_tensor(c(1.26, -0.5)), 1)).tolist() == pytest.approx(
        [1.3, -0.5]
    )


def test_na_operand_is_nan():
    # R: x + NA is NA, which a float tensor holds as NaN.
    assert np.isnan(as_array(torch_tensor(c(1.0)) + NA)).all()
