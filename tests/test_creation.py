"""Factories with R torch's defaults (semantics section 7, `creation` cases)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from rtorch import (
    as_array,
    c,
    torch_arange,
    torch_device,
    torch_diag,
    torch_empty,
    torch_empty_strided,
    torch_equal,
    torch_eye,
    torch_finfo,
    torch_float,
    torch_float32,
    torch_float64,
    torch_full,
    torch_full_like,
    torch_iinfo,
    torch_int64,
    torch_linspace,
    torch_logspace,
    torch_long,
    torch_manual_seed,
    torch_normal,
    torch_ones,
    torch_rand,
    torch_randint,
    torch_randn,
    torch_randperm,
    torch_range,
    torch_scalar_tensor,
    torch_strided,
    torch_tensor,
    torch_zeros,
    torch_zeros_like,
    with_torch_manual_seed,
)
from rtorch.errors import RNotImplementedError, RValueError


@pytest.mark.parametrize(
    ("args", "kwargs", "count"),
    [
        ((3.0, 7.0), {}, 5),  # create-arange-inclusive
        ((1.0, 3.0, 0.25), {}, 9),  # create-arange-step-half
        ((0.0, 1.5, 0.25), {}, 7),  # create-arange-step-half-2
        ((0.0, 1.5, 0.26), {}, 6),  # create-arange-step-051
        ((0.0, 1.5, 0.24), {}, 7),  # create-arange-step-049
        ((2.0, 0.5, -0.25), {}, 7),  # create-arange-negative-step
        ((3.0, 1.5, -0.26), {}, 6),  # create-arange-negative-step-051
        ((3.0, 1.5, -0.24), {}, 7),  # create-arange-negative-step-049
        ((3.0, 9.0), {"dtype": torch_int64()}, 7),  # create-arange-long-dtype
        ((torch_tensor(2.0), torch_tensor(8.0), torch_tensor(2.0)), {}, 4),
        ((torch_tensor(8.0), torch_tensor(2.0), torch_tensor(-2.0)), {}, 4),
        ((4.0,), {}, 4),  # create-arange-single-double
    ],
)
def test_arange_includes_its_end(args, kwargs, count):
    assert torch_arange(*args, **kwargs).numel() == count


@pytest.mark.parametrize(
    ("args", "values", "dtype"),
    [
        ((4.0, 5.0, 1.0), [4.0, 5.0], torch.float32),  # create-arange-0-1
        ((3.0, 1.5, -1.0), [3.0, 2.0], torch.float32),  # create-arange-negative-step-1
        ((4,), [1, 2, 3, 4], torch.int64),  # create-arange-single-int
        ((-2, 2), [-2, -1, 0, 1, 2], torch.int64),  # create-arange-int-from-zero
        ((2.0, 8.0, 2.0), [2.0, 4.0, 6.0, 8.0], torch.float32),
    ],
)
def test_arange_values_and_dtype(args, values, dtype):
    t = torch_arange(*args)
    assert as_array(t).tolist() == values
    assert t.torch.dtype == dtype


def test_arange_explicit_dtypes():
    # create-arange-dtype-float64 and create-arange-dtype-int64
    a = torch_arange(0.0, 3.0, 0.5, dtype=torch_float64())
    assert a.dtype == torch_float64()
    assert torch_finfo(a.dtype).eps == torch_finfo("double").eps
    assert (
        torch_iinfo(torch_arange(2.0, 8.0, 2.0, dtype=torch_int64()).dtype).bits == 64
    )


def test_range_is_deprecated_but_works():
    # create-range-deprecated
    with pytest.warns(DeprecationWarning, match="deprecated in favor of torch_arange"):
        assert torch_range(2.0, 5.0).numel() == 4


@pytest.mark.parametrize(
    "make",
    [
        lambda: torch_ones(3, 2),  # sizes as separate arguments
        lambda: torch_ones(c(3, 2)),  # create-ones-vector-size
        lambda: torch_ones(size=c(3, 2)),  # create-ones-size-arg
    ],
)
def test_three_spellings_of_a_size(make):
    np.testing.assert_array_equal(as_array(make()), np.ones((3, 2)))


def test_mixing_size_spellings_is_an_error():
    # 7: torch_zeros(c(3, 3), 2) -> "You should specify a single size argument."
    with pytest.raises(RValueError, match="You should specify a single size argument"):
        torch_zeros(c(3, 3), 2)
    with pytest.raises(RValueError, match="single size"):
        torch_zeros(2, size=c(3, 3))


def test_factory_options():
    # create-ones-dots
    o = torch_ones(
        2,
        4,
        dtype=torch_float64(),
        layout=torch_strided(),
        device=torch_device("cpu"),
        requires_grad=True,
    )
    assert o.dtype == torch_float64() and o.requires_grad
    np.testing.assert_array_equal(as_array(o), np.ones((2, 4)))


def test_factories_use_the_default_dtype():
    # dtype-default, create-zeros-vs-tensor
    assert torch_zeros(3).dtype == torch_float32()
    assert torch_equal(torch_zeros(3), torch_tensor(c(0.0, 0.0, 0.0)))
    assert tuple(torch_rand(3, 1, 2).shape) == (3, 1, 2)  # create-rand-3d
    assert torch_empty(2, 2).dtype == torch_float()


def test_names_are_refused_clearly_without_named_tensors():
    if hasattr(torch.Tensor, "refine_names"):
        n = torch_randn(c(3, 2), names=c("rows", "cols"))  # create-randn-names
        assert n.names == ("rows", "cols")
    else:
        with pytest.raises(RNotImplementedError, match="named"):
            torch_randn(c(3, 2), names=c("rows", "cols"))


def test_randint_is_float_unless_told():
    # create-randint-shape: high is exclusive; default dtype is float.
    r = torch_randint(low=1, high=7, size=c(3, 4))
    assert tuple(r.shape) == (3, 4) and r.dtype == torch_float()
    values = as_array(r)
    assert values.min() >= 1 and values.max() <= 6
    assert torch_randint(0, 3, c(5), dtype=torch_long()).dtype == torch_long()


def test_randperm_is_one_based():
    # create-randperm-size (DECISIONS 1): a permutation of 1..n.
    p = torch_randperm(6)
    assert p.dtype == torch_long()
    assert sorted(as_array(p).tolist()) == [1, 2, 3, 4, 5, 6]


def test_linspace_and_logspace_default_to_100_steps():
    # Section 7: steps defaults to 100.
    assert torch_linspace(0.0, 1.0).numel() == 100
    assert torch_logspace(0.0, 2.0).numel() == 100
    assert torch_linspace(0.0, 1.0, 11).size(1) == 11  # create-linspace
    assert as_array(torch_logspace(0.0, 2.0, 3)).tolist() == [1.0, 10.0, 100.0]


def test_eye():
    # create-eye-rect, create-eye-square
    np.testing.assert_array_equal(as_array(torch_eye(2, 4)), np.eye(2, 4))
    np.testing.assert_array_equal(as_array(torch_eye(3)), np.eye(3))
    assert torch_eye(3).dtype == torch_float32()


def test_full_and_full_like():
    # create-full, create-full-like; dtype follows the fill value.
    np.testing.assert_array_equal(
        as_array(torch_full(c(3, 1), fill_value=7.0)), np.full((3, 1), 7.0)
    )
    assert torch_full(c(2), 3).dtype == torch_long()
    base = torch_full(c(2, 3), fill_value=1.0)
    np.testing.assert_array_equal(
        as_array(torch_full_like(base, fill_value=-1.0)), np.full((2, 3), -1.0)
    )


def test_zeros_like_takes_a_dtype():
    # create-zeros-like-int
    assert torch_zeros_like(torch_rand(2, 3), dtype=torch_long()).dtype == torch_long()


def test_empty_strided_takes_element_strides():
    # create-empty-strided
    e = torch_empty_strided(c(3, 2), stride=c(1, 3))
    assert (e.stride(1), e.stride(2)) == (1, 3)


@pytest.mark.parametrize(
    ("value", "dtype"),
    [(2.5, torch.float32), (7, torch.int64), (torch_tensor(4.5), torch.float32)],
)
def test_scalar_tensor_is_0d(value, dtype):
    # create-scalar-tensor-double / -int / -from-tensor
    s = torch_scalar_tensor(value)
    assert s.ndim == 0 and s.torch.dtype == dtype


def test_scalar_tensor_refuses_vectors():
    with pytest.raises(RValueError, match="length 1"):
        torch_scalar_tensor(c(1, 2))


def test_diag_offset_is_not_shifted():
    # Section 7: diagonal is an offset.
    got = as_array(torch_diag(torch_tensor(c(1.0, 2.0)), 1))
    np.testing.assert_array_equal(got, [[0, 1, 0], [0, 0, 2], [0, 0, 0]])


def test_normal():
    # create-normal-size, create-normal-tensor-mean, create-normal-size-error
    g = torch_normal(5.0, 2.0, size=c(3, 4))
    assert tuple(g.shape) == (3, 4) and g.dtype == torch_float()
    assert tuple(torch_normal(torch_ones(4), 0.5).shape) == (4,)
    with pytest.raises(RValueError, match="size is set, but one of mean or std"):
        torch_normal(0.0, torch_ones(3), size=c(3))


def test_manual_seed_matches_pytorch():
    # create-manual-seed-matches-pytorch (values from torch.manual_seed(123)).
    torch_manual_seed(123)
    np.testing.assert_allclose(
        as_array(torch_randn(3)),
        [-0.11146711558103561, 0.12036294490098953, -0.3696345090866089],
        atol=1e-7,
    )
    torch_manual_seed(1)  # semantics 7: torch_randn(1) is 0.661352157592773
    assert torch_randn(1).item() == pytest.approx(0.661352157592773, abs=1e-7)


def test_with_torch_manual_seed_restores_the_stream():
    # create-with-seed
    torch_manual_seed(9)
    a = torch_rand(2)
    after_a = torch_rand(2)
    torch_manual_seed(9)
    torch_rand(2)
    with with_torch_manual_seed(seed=9):
        b = torch_rand(2)
    assert torch_equal(a, b)
    assert torch_equal(torch_rand(2), after_a)  # the outer stream went on


def test_randperm_refuses_dtypes_too_small_for_its_positions():
    # DECISIONS 1: positions are 1..n, so n must fit the dtype exactly.
    from rtorch import torch_int8, torch_uint8

    small = torch_randperm(127, dtype=torch_int8())
    assert sorted(as_array(small.to(dtype=torch_long())).tolist()) == list(
        range(1, 128)
    )
    with pytest.raises(RValueError, match="do not fit"):
        torch_randperm(128, dtype=torch_int8())
    with pytest.raises(RValueError, match="do not fit"):
        torch_randperm(256, dtype=torch_uint8())


def test_factory_errors_are_rtorch_errors():
    from rtorch.errors import RTorchError

    with pytest.raises(RTorchError):
        torch_arange(1, 5, -1)
    with pytest.raises(RTorchError):
        torch_randint(5, 5, c(2))
