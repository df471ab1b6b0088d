"""R's text output: cat/paste/paste0/sprintf with R's number formatting.

Expected strings are what R 4.x writes (print/cat use 7 significant digits,
as.character/paste 15, fixed notation unless scientific is narrower).
"""

from __future__ import annotations

import pytest

from rtorch.rtext import cat, format_double, paste, paste0, sprintf

# R: cat(x) for each x.
CAT_DOUBLES = [
    (1.0, "1"),
    (100000.0, "1e+05"),
    (123456.0, "123456"),
    (1e-4, "1e-04"),
    (0.001, "0.001"),
    (0.1 + 0.2, "0.3"),
    (1 / 3, "0.3333333"),
    (2 / 3, "0.6666667"),
    (1234567.8, "1234568"),
    (-2.5, "-2.5"),
    (1e15, "1e+15"),
    (3.14159265, "3.141593"),
    (float("inf"), "Inf"),
    (float("-inf"), "-Inf"),
    (float("nan"), "NaN"),
    (0.0, "0"),
]


@pytest.mark.parametrize(("value", "text"), CAT_DOUBLES)
def test_doubles_print_with_seven_significant_digits(value: float, text: str) -> None:
    assert format_double(value) == text


# R: as.character(x) / paste(x).
CHARACTER_DOUBLES = [
    (1 / 3, "0.333333333333333"),
    (0.1, "0.1"),
    (100000.0, "1e+05"),
    (1234567.8, "1234567.8"),
]


@pytest.mark.parametrize(("value", "text"), CHARACTER_DOUBLES)
def test_paste_uses_fifteen_significant_digits(value: float, text: str) -> None:
    assert paste(value) == text


def test_cat_joins_with_spaces_and_adds_no_newline(capsys) -> None:
    cat("epoch", 3, "loss", 0.25, True, None, [1.5, 2.0], "\n")
    assert capsys.readouterr().out == "epoch 3 loss 0.25 TRUE 1.5 2 \n"


def test_cat_sep(capsys) -> None:
    cat(1.0, 2.0, sep=",")
    assert capsys.readouterr().out == "1,2"


def test_paste_recycles_and_collapses() -> None:
    assert paste("x", [1, 2, 3], sep="") == ["x1", "x2", "x3"]
    assert paste("x", [1, 2], sep="_", collapse="+") == "x_1+x_2"
    assert paste0("w", 1, ".pt") == "w1.pt"


def test_sprintf_follows_r() -> None:
    assert sprintf("%d items", 3.0) == "3 items"
    assert sprintf("%5.2f|%03d|%s|%%", 3.14159, 7, 0.1) == " 3.14|007|0.1|%"
    assert sprintf("%s", 1.0) == "1"
    assert sprintf("%d", [1, 2]) == ["1", "2"]


def test_sprintf_d_rejects_fractions() -> None:
    with pytest.raises(ValueError, match="use %f, %e or %g"):
        sprintf("%d", 1.5)


def test_cat_refuses_tensors_with_a_fix() -> None:
    import torch

    tensor = pytest.importorskip("rtorch.tensor")
    with pytest.raises(TypeError, match="as_array"):
        cat(tensor.wrap(torch.zeros(1)))
