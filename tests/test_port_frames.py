"""R's built-in data sets and data-frame idioms in the port (issue 7).

Issue 7: "The R code shown in the vignettes, ported by the tool, runs and
prints the same as the vignettes' hand ports" and "What it cannot translate
it never guesses". Every R session attaches R's ``datasets`` package, so R
code names ``JohnsonJohnson`` or ``Orange`` bare; the port imports the ones
rtorch ships from ``rtorch.datasets``. Only such a data set is surely a data
frame, so only there do R's data-frame idioms port to pandas ones.

Expected values are R's own (R 4.2.2, package datasets): ``JohnsonJohnson``
starts 0.71 0.63 0.85 0.44; ``levels(Orange$Tree)`` is "3" "1" "5" "2" "4";
``as.integer(Orange$Tree)[1:3]`` is 2 2 2 (tree "1" is the 2nd level); the
first row of ``Orange`` has age 118 and circumference 30.
"""

from __future__ import annotations

import contextlib
import io

import numpy as np
import pytest

pytest.importorskip("tree_sitter_language_pack")

from port_helpers import body  # noqa: E402

from rtorch import datasets  # noqa: E402
from rtorch.port import PortError, port_source  # noqa: E402
from rtorch.port.frames import dataset_names  # noqa: E402


def _header(r_code: str) -> list[str]:
    python = port_source(r_code, autoprint=False)
    return [line for line in python.splitlines() if line.startswith("from ")]


# -- data sets are imported ------------------------------------------------------


def test_a_data_set_used_bare_is_imported_from_rtorch_datasets() -> None:
    python = port_source("library(torch)\njj <- torch_tensor(JohnsonJohnson)\n")
    assert python == (
        "from rtorch import *\n"
        "from rtorch.datasets import JohnsonJohnson\n"
        "\n"
        "jj = torch_tensor(JohnsonJohnson)\n"
    )


def test_several_data_sets_share_one_sorted_import() -> None:
    r_code = "a <- Orange\nb <- JohnsonJohnson\nc2 <- okc_like\n"
    assert _header(r_code)[-1] == (
        "from rtorch.datasets import JohnsonJohnson, Orange, okc_like"
    )


# Every data set rtorch.datasets ships, by the module's own list (load() is
# its function, not a data set).
@pytest.mark.parametrize("data_set", sorted(set(datasets.__all__) - {"load"}))
def test_every_shipped_data_set_is_known(data_set: str) -> None:
    assert data_set in dataset_names()
    assert _header(f"x <- {data_set}\n")[-1] == (
        f"from rtorch.datasets import {data_set}"
    )


# R: a name the script assigns is the script's own, wherever it is assigned.
OWN_NAMES = [
    "Orange <- torch_ones(2)\ny <- Orange",
    "f <- function() Orange\nOrange <- 1",
    "for (Orange in 1:3) print(Orange)",
    "y <- load",
]


@pytest.mark.parametrize("r_code", OWN_NAMES)
def test_names_the_script_assigns_are_not_imported(r_code: str) -> None:
    assert not any("rtorch.datasets" in line for line in _header(r_code))


# -- data-frame idioms on a known data frame --------------------------------------

FRAME_SPELLINGS = [
    ("y <- Orange$Tree", 'y = Orange["Tree"]'),
    ('y <- Orange[["age"]]', 'y = Orange["age"]'),
    (
        'y <- Orange[, c("age", "circumference")]',
        'y = Orange[["age", "circumference"]]',
    ),
    # R: df[, "a"] (and df[, c("a")]) drops the one column to a vector.
    ('y <- Orange[, "age"]', 'y = Orange["age"]'),
    ('y <- Orange[, c("age")]', 'y = Orange["age"]'),
    ('y <- Orange[, "age", drop = FALSE]', 'y = Orange[["age"]]'),
    # R: df["a"] is list-style: a one-column data frame.
    ('y <- Orange["age"]', 'y = Orange[["age"]]'),
    ("y <- levels(Orange$Tree)", 'y = list(Orange["Tree"].cat.categories)'),
    ('y <- levels(Orange[["Tree"]])', 'y = list(Orange["Tree"].cat.categories)'),
    (
        "o <- Orange\nf <- o$Tree\ny <- levels(f)",
        ('o = Orange\nf = o["Tree"]\ny = list(f.cat.categories)'),
    ),
    ("y <- as.integer(Orange$Tree)", 'y = as_integer(Orange["Tree"])'),
    (
        'm <- as.matrix(Orange[, c("age", "circumference")])',
        'm = as_matrix(Orange[["age", "circumference"]])',
    ),
]


@pytest.mark.parametrize(("r_code", "python"), FRAME_SPELLINGS)
def test_data_frame_spellings(r_code: str, python: str) -> None:
    assert body(r_code).rstrip("\n") == python


# Rows, positions, assignment: pandas spells them with .iloc/.loc, 0-based.
# levels() of a value not known to be a data-frame column could be anything.
REPORTED = [
    ("y <- Orange[1, ]", "data frame other than picking columns"),
    ("y <- Orange[, 2]", "data frame other than picking columns"),
    ("y <- Orange[, cols]", "data frame other than picking columns"),
    ('Orange[, "age"] <- 0', "data frame other than picking columns"),
    ("y <- Orange$age[1:3]", "data-frame column"),
    ("y <- levels(f)", "cannot tell is a data-frame column"),
    ("y <- levels(torch_ones(2))", "cannot tell is a data-frame column"),
]


@pytest.mark.parametrize(("r_code", "reason"), REPORTED)
def test_other_data_frame_subsets_are_reported(r_code: str, reason: str) -> None:
    with pytest.raises(PortError, match=reason) as caught:
        port_source(r_code)
    (problem,) = caught.value.problems
    assert problem.line == 1


# -- the ported code runs and gives R's values ------------------------------------


def _run(r_code: str) -> tuple[dict, str]:
    namespace: dict = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(port_source(r_code), namespace)
    return namespace, printed.getvalue()


def test_ported_data_set_code_gives_r_values() -> None:
    namespace, printed = _run(
        "library(torch)\n"
        "jj <- torch_tensor(JohnsonJohnson)\n"
        "first <- as_array(jj[1:4])\n"
        "lv <- levels(Orange$Tree)\n"
        "tree <- torch_tensor(as.integer(Orange$Tree))\n"
        'm <- torch_tensor(as.matrix(Orange[, c("age", "circumference")]))\n'
    )
    np.testing.assert_allclose(namespace["first"], [0.71, 0.63, 0.85, 0.44], 1e-6)
    assert namespace["lv"] == ["3", "1", "5", "2", "4"]
    assert namespace["tree"].torch[:3].tolist() == [2, 2, 2]
    # R torch: an R integer vector becomes a long tensor.
    assert str(namespace["tree"].dtype) == "torch_Long"
    assert namespace["m"].torch[0].tolist() == [118.0, 30.0]
    assert tuple(namespace["m"].shape) == (35, 2)
    assert printed == ""


def test_levels_prints_the_levels_in_r_order() -> None:
    _, printed = _run("levels(Orange$Tree)\n")
    assert printed == "['3', '1', '5', '2', '4']\n"
