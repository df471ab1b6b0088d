"""Generated functions and methods as ordinary ops (semantics 1, 12, `ops` cases).

Expected values are transcribed from the cited case, or worked out by hand.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from rtorch import *
from rtorch.errors import RNotImplementedError, RRuntimeError


def _same(got, expected):
    got = np.asarray(as_array(got) if isinstance(got, Tensor) else got, dtype=float)
    want = np.asarray(expected, dtype=float)
    if want.ndim == 0:
        got, want = got.reshape(-1), want.reshape(1)
    return got.shape == want.shape and np.allclose(got, want, atol=1e-6)


@pytest.mark.parametrize(
    ("case", "run", "expected"),
    [
        (
            "ops-xor",
            lambda: torch_bitwise_xor(torch_tensor(c(True, False)), True),
            [False, True],
        ),
        (
            "ops-einsum",
            lambda: torch_einsum(
                "ij,j->i",
                [
                    torch_tensor(matrix(c(1.0, 2.0, 3.0, 4.0), nrow=2)),
                    torch_tensor(c(1.0, 1.0)),
                ],
            ),
            [4, 6],
        ),
        (
            "ops-kron",
            lambda: torch_kron(
                torch_tensor(matrix(c(1.0, 0.0, 0.0, 2.0), nrow=2)), torch_ones(1, 2)
            ),
            [[1, 1, 0, 0], [0, 0, 2, 2]],
        ),
        (
            "ops-new-full",
            lambda: torch_zeros(1, dtype=torch_float64()).new_full(c(2, 2), 4.5),
            [[4.5, 4.5], [4.5, 4.5]],
        ),
        (
            "ops-std-matches-sd",
            lambda: torch_tensor(c(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0)).std(),
            math.sqrt(32 / 7),
        ),
        (
            "ops-polygamma",
            lambda: torch_polygamma(1, torch_tensor(c(2.0, 1.0))),
            [0.644934058189392, 1.64493405818939],
        ),
        (
            "ops-linalg-norm-values",
            lambda: linalg_norm(torch_tensor(c(3.0, -4.0, 1.0)), float("inf")),
            4,
        ),
        (
            "ops-linalg-norm-values",
            lambda: linalg_norm(
                torch_tensor(matrix(c(1.0, -2.0, 3.0, 4.0), nrow=2)), float("inf")
            ),
            6,
        ),
        (
            "ops-linalg-norm-values",
            lambda: linalg_norm(torch_tensor(c(3.0, -4.0, 1.0)), 1),
            8,
        ),
        (
            "ops-linalg-norm-values",
            lambda: linalg_norm(
                torch_tensor(matrix(c(1.0, -2.0, 3.0, 4.0), nrow=2)), 1
            ),
            7,
        ),
        (
            "ops-mse",
            lambda: nnf_mse_loss(
                torch_tensor(c(0.0, 2.0, 4.0)), torch_tensor(c(1.0, 0.0, 4.0))
            ),
            5 / 3,
        ),
    ],
)
def test_ops_cases(case, run, expected):
    assert _same(run(), expected)


def test_bitwise_left_shift_on_int16():
    # ops-lshift
    a = torch_tensor(c(3, -4, 1), dtype=torch_int16())
    s = torch_tensor(c(2, 1, 4), dtype=torch_int16())
    assert torch_equal(
        a.bitwise_left_shift(s), torch_tensor(c(12, -8, 16), dtype=torch_int16())
    )


def test_logit_inverts_sigmoid():
    # ops-logit
    p = torch_tensor(c(0.2, 0.7))
    assert torch_allclose(torch_sigmoid(torch_logit(p)), p, atol=1e-6)


def test_polygamma_leaves_its_input_alone():
    # ops-polygamma: x is unchanged
    x = torch_tensor(c(2.0, 1.0))
    torch_polygamma(1, x)
    assert as_array(x).tolist() == [2.0, 1.0]


def test_linalg_det_shapes():
    # ops-linalg-det-shape
    assert linalg_det(torch_eye(4)).shape == ()
    assert linalg_det(torch_ones(5, 2, 2)).shape == (5,)


def test_an_in_place_namespace_function_changes_its_argument():
    # ops-zero-inplace: torch_relu_(v) changes v and returns it.
    v = torch_tensor(c(-2.0, 5.0, -7.0))
    out = torch_relu_(v)
    assert as_array(v).tolist() == [0.0, 5.0, 0.0]
    assert out is v


def test_in_place_methods_return_the_same_object():
    # 1.5: in-place methods return the same R object.
    x = torch_ones(3)
    assert x.mul_(2.0) is x
    assert x.clamp_(max=1.5) is x
    assert as_array(x).tolist() == [1.5, 1.5, 1.5]
    # alpha is keyword-only for a tensor `other`: it must not go positionally.
    assert x.add_(torch_ones(3), alpha=2) is x
    assert as_array(x).tolist() == [3.5, 3.5, 3.5]


# -- R values where tensors are expected (1.3) ----------------------------------


def test_r_vectors_become_tensors_by_r_rules():
    # 1.3: an R double vector becomes float32; an R integer vector int64.
    assert torch_abs(c(-1.5, 2.0)).dtype == torch_float()
    assert torch_abs(c(-1, 2)).dtype == torch_long()
    assert as_array(torch_maximum(c(1.0, 5.0), c(3.0, 2.0))).tolist() == [3.0, 5.0]


def test_a_length_one_value_is_a_scalar():
    # 1.3: a length-1 numeric is a Scalar, so it does not promote a long tensor
    # to a shape-(1) float tensor the way a tensor operand would.
    x = torch_tensor(c(1, 2, 3))
    assert torch_add(x, 1).dtype == torch_long()
    assert as_array(torch_add(x, 1, alpha=2)).tolist() == [3, 4, 5]


def test_sizes_are_one_vector():
    # 7 / issue 4: size arguments accept one vector c(2, 3).
    x = torch_ones(6)
    assert x.new_zeros(c(2, 3)).shape == (2, 3)
    assert torch_ones(2, 3).new_empty(c(3, 2)).shape == (3, 2)
    assert x.reshape(c(3, 2)).shape == (3, 2)


def test_whole_doubles_are_accepted_as_integers():
    # R passes doubles (topk(x, 2)) where libtorch wants int64.
    _, indices = torch_topk(torch_tensor(c(1.0, 5.0, 3.0)), 2.0)
    assert as_array(indices).tolist() == [2, 3]


def test_dtype_and_device_arguments_take_objects_and_strings():
    x = torch_ones(2, dtype=torch_long())
    assert torch_sum(x, dtype=torch_float64()).dtype == torch_double()
    assert torch_sum(x, dtype="float").dtype == torch_float()
    assert torch_hann_window(4, dtype=torch_float64()).dtype == torch_double()


def test_factories_take_requires_grad():
    # 7: factories accept requires_grad with the other tensor options.
    assert torch_hann_window(4, requires_grad=True).requires_grad


def test_window_length_defaults_to_periodic():
    # torch_hann_window(window_length, periodic = TRUE): a periodic window of 4
    # is the symmetric window of 5 without its last point.
    periodic = as_array(torch_hann_window(4))
    symmetric = as_array(torch_hann_window(5, periodic=False))
    assert np.allclose(periodic, symmetric[:4])


def test_named_lists_keep_r_torchs_names():
    # linalg_lstsq()$solution, linalg_inv_ex()$inverse
    a = torch_tensor(matrix(c(2.0, 0.0, 0.0, 4.0), nrow=2))
    res = linalg_lstsq(a, torch_tensor(matrix(c(2.0, 4.0), nrow=2)))
    assert as_array(res.solution).ravel().tolist() == pytest.approx([1.0, 1.0])
    inverse, _ = linalg_inv_ex(a)
    assert as_array(inverse).tolist() == [[0.5, 0.0], [0.0, 0.25]]


def test_libtorch_errors_become_rtorch_errors():
    with pytest.raises(RRuntimeError, match="cannot be multiplied"):
        torch_mm(torch_ones(2, 3), torch_ones(2, 3))


def test_unsupported_r_torch_names_say_so():
    # Every missing R torch name raises NotImplementedError naming it.
    with pytest.raises(RNotImplementedError, match="rename"):
        torch_ones(2).rename("a")
    with pytest.raises(NotImplementedError, match="not supported"):
        torch_ones(2).align_to("a")


def test_new_methods_take_r_torchs_options_list():
    # 7: x$new_zeros(size, options = list(dtype = ...)) and new_full's 3rd argument.
    x = torch_zeros(1, dtype=torch_float64())
    y = x.new_zeros(c(2, 3), options={"dtype": torch_long()})
    assert (y.dtype, y.shape) == (torch_long(), (2, 3))
    assert x.new_full(c(2, 2), 4.5, {"dtype": torch_float()}).dtype == torch_float()
    assert x.new_ones(c(2), options={"requires_grad": True}).requires_grad
    assert x.new_empty(c(2)).dtype == torch_double()
