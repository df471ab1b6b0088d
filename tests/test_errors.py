"""Error classes and R torch's 1-based message rewrites (semantics 5.1, 11)."""

from __future__ import annotations

import pytest

from rtorch import base as rb
from rtorch import c, torch_ones, torch_sum, torch_tensor, torch_transpose, torch_zeros
from rtorch.errors import (
    RIndexError,
    RRuntimeError,
    RTorchError,
    RTypeError,
    RValueError,
    translate_torch_error,
)


@pytest.mark.parametrize(
    ("cls", "builtin"),
    [
        (RValueError, ValueError),
        (RTypeError, TypeError),
        (RIndexError, IndexError),
        (RRuntimeError, RuntimeError),
    ],
)
def test_error_classes_are_also_the_builtins(cls, builtin):
    assert issubclass(cls, RTorchError) and issubclass(cls, builtin)


@pytest.mark.parametrize(
    ("libtorch", "r_torch"),
    [
        # test-translate.R rewrites, as listed in semantics 5.1
        (
            "Dimension out of range (expected to be in range of [-2, 1], but got 2)",
            "Dimension out of range (expected to be in range of [-2, 2], but got 3)",
        ),
        (
            "Dimension out of range (expected to be in range of [-2, 1], but got -3)",
            "Dimension out of range (expected to be in range of [-2, 2], but got -3)",
        ),
        (
            "Dimension out of range (expected to be in range of [-11, 10], but got 11)",
            "Dimension out of range (expected to be in range of [-11, 11], but got 12)",
        ),
        (
            "Sizes of tensors must match except in dimension 0. Expected size 4 "
            "but got size 5 for tensor number 2 in the list.",
            "Sizes of tensors must match except in dimension 1. Expected size 4 "
            "but got size 5 for tensor number 3 in the list.",
        ),
        (
            "index 5 out of range for tensor of size [4] at dimension 0",
            "index 6 out of range for tensor of size [4] at dimension 1",
        ),
        (
            "inputs dimension 1 must have length 3",
            "inputs dimension 2 must have length 3",
        ),
        (
            "contracted dimensions need to match, but first has size 2 in dim 0 and "
            "second has size 3 in dim 0",
            "contracted dimensions need to match, but first has size 2 in dim 1 and "
            "second has size 3 in dim 1",
        ),
        ("Found an invalid max index: 19", "Found an invalid max index: 20"),
        ("Target 4 is out of bounds.", "Target 5 is out of bounds."),
        ("Target -1 is out of bounds.", "Target 0 is out of bounds."),
        (
            "index 0 is out of bounds for dimension 0 with size 0",
            "index 1 is out of bounds for dimension 1 with size 0",
        ),
        (
            "index -1 is out of bounds for dimension 0 with size 0",
            "index -1 is out of bounds for dimension 1 with size 0",
        ),
        ("something else entirely", "something else entirely"),
    ],
)
def test_translation(libtorch, r_torch):
    with pytest.raises(RTorchError) as caught:
        translate_torch_error(RuntimeError(libtorch))
    assert str(caught.value) == r_torch


@pytest.mark.parametrize(
    ("call", "message"),
    [
        # dims-oob-sum-error
        (
            lambda: torch_sum(torch_zeros(3, 4), dim=3),
            "Dimension out of range (expected to be in range of [-2, 2], but got 3)",
        ),
        # dims-oob-negative-error
        (
            lambda: torch_zeros(3, 4).mean(dim=-3),
            "Dimension out of range (expected to be in range of [-2, 2], but got -3)",
        ),
        # dims-oob-10d-error
        (
            lambda: torch_zeros(size=[1] * 11).std(dim=12),
            "Dimension out of range (expected to be in range of [-11, 11], but got 12)",
        ),
        # dims-oob-multi-error
        (
            lambda: torch_sum(torch_zeros(2, 2), dim=c(2, 3)),
            "Dimension out of range (expected to be in range of [-2, 2], but got 3)",
        ),
        # dims-transpose-oob-error
        (
            lambda: torch_transpose(torch_zeros(2, 3, 4), 1, 4),
            "Dimension out of range (expected to be in range of [-3, 3], but got 4)",
        ),
        # dims-size-zero-error
        (lambda: torch_zeros(6, 7).size(0), "Indexing starts at 1 and got a 0."),
        # dims-permute-zero-error
        (
            lambda: torch_zeros(2, 5).permute(c(0, 1)),
            "Indexing starts at 1 but found a 0.",
        ),
    ],
)
def test_dimension_errors_speak_one_based(call, message):
    with pytest.raises(IndexError) as caught:
        call()
    assert isinstance(caught.value, RTorchError)
    assert str(caught.value) == message


def test_max_with_dim_and_other():
    # ir-min-dim-and-other-error
    with pytest.raises(RValueError, match="Can't set other and dim arguments."):
        torch_ones(3, 3).max(dim=2, other=5.0)


def test_requires_grad_on_integers_is_libtorchs_error():
    # 2.4: only floating and complex dtypes can require gradients.
    with pytest.raises(RuntimeError, match="floating point and complex dtype"):
        torch_tensor(c(1, 2), requires_grad=True)


def test_na_rm_is_refused():
    # ops-na-rm-error
    with pytest.raises(RValueError, match="Torch tensors do not have NAs!"):
        rb.sum(torch_tensor(c(1.0, 2.0)), na_rm=True)


def test_unknown_method_names_what_is_missing():
    from rtorch.errors import RNotImplementedError

    x = torch_ones(2)
    with pytest.raises(AttributeError, match="no attribute 'no_such_method'"):
        x.no_such_method()
    missing = [
        name for name in ("softmax", "topk", "gather") if not hasattr(type(x), name)
    ]
    for name in missing:
        with pytest.raises(RNotImplementedError, match="not supported by rtorch yet"):
            getattr(x, name)
