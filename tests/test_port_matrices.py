"""Plain R matrices in the port: 0-based NumPy indexing and NA preallocation.

Issue 7 lists subset assignment ``x[i] <- v`` and ``matrix()`` of plain
values among the constructs to port. ``matrix()`` gives a NumPy array, which
counts from 0, so ``m[i, ]`` on one ports as ``m[i - 1, :]`` (literal steps
folded), and an index that is not surely one positive number is reported
(issue 7: "it never guesses"). R semantics: a positive index picks a row or
column, a negative one drops it, 0 picks nothing, an empty index is all.

An all-NA ``matrix(NA, ...)`` is R logical; assigning numbers into it turns
it double (R's coercion on subassignment), its other cells NA_real_. The
port builds that double matrix from the start: ``matrix(float("nan"), ...)``
(NA_real_ ports as NaN, DECISIONS.md).
"""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("tree_sitter_language_pack")

from port_helpers import body  # noqa: E402

from rtorch.port import PortError, port_source  # noqa: E402

MATRIX = "m <- matrix(0, nrow = 3, ncol = 2)\n"
MATRIX_PY = "m = matrix(0.0, nrow=3, ncol=2)\n"
LOOP = "for (i in 1:2) "
LOOP_PY = "for i in seq(1, 2):\n    "

SPELLINGS = [
    ("m[1, ] <- 5", "m[0, :] = 5.0"),
    ("m[, 2] <- c(1, 2, 3)", "m[:, 1] = c(1.0, 2.0, 3.0)"),
    ("m[3, 2] <- 1L", "m[2, 1] = 1"),
    ("y <- m[1, 2]", "y = m[0, 1]"),
    ("y <- m[, 1]", "y = m[:, 0]"),
    (LOOP + "m[i + 1, ] <- i", LOOP_PY + "m[i, :] = i"),
    (LOOP + "m[(i + 1), ] <- i", LOOP_PY + "m[i, :] = i"),
    (LOOP + "m[i, ] <- i", LOOP_PY + "m[i - 1, :] = i"),
    (LOOP + "m[i + 2, 1] <- i", LOOP_PY + "m[i + 1, 0] = i"),
    (LOOP + "m[i - 1, 1] <- i", LOOP_PY + "m[i - 2, 0] = i"),
    (LOOP + "m[2 * i - 1, 1] <- i", LOOP_PY + "m[2 * i - 2, 0] = i"),
    (LOOP + "m[2 * i, 1] <- i", LOOP_PY + "m[2 * i - 1, 0] = i"),
    (LOOP + "m[i %/% 2 + 1, 1] <- i", LOOP_PY + "m[i // 2, 0] = i"),
]


@pytest.mark.parametrize(("r_code", "python"), SPELLINGS)
def test_matrix_index_spellings(r_code: str, python: str) -> None:
    assert body(MATRIX + r_code).rstrip("\n") == MATRIX_PY + python


# R: matrix(NA, ...) is logical; filled with numbers by index it becomes double.
NA_FILLS = [
    (
        "p <- matrix(NA, nrow = 3, ncol = 2)\np[1, ] <- c(1, 2)",
        'p = matrix(float("nan"), nrow=3, ncol=2)',
    ),
    (
        "p <- matrix(data = NA, nrow = 3, ncol = 2)\np[1, ] <- c(1, 2)",
        'p = matrix(data=float("nan"), nrow=3, ncol=2)',
    ),
    (
        "p <- array(NA, dim = c(2, 2))\np[1, 1] <- 3",
        'p = array(float("nan"), dim=c(2, 2))',
    ),
    # Not filled in by index: it stays R's logical NA matrix.
    ("p <- matrix(NA, nrow = 3, ncol = 2)\np", "p = matrix(NA, nrow=3, ncol=2)"),
    # Filled, but not all NA: R keeps the type of the data.
    (
        "p <- matrix(0L, nrow = 3, ncol = 2)\np[1, ] <- 1L",
        "p = matrix(0, nrow=3, ncol=2)",
    ),
]


@pytest.mark.parametrize(("r_code", "first_line"), NA_FILLS)
def test_an_na_matrix_filled_by_index_is_double(r_code: str, first_line: str) -> None:
    assert body(r_code).splitlines()[0] == first_line


# Negative, zero, logical, text or vector indices, drop =, and an index the
# porter cannot tell is one number (a function argument) are reported.
REPORTED = [
    "m[-1, ] <- 0",
    "m[0, ] <- 0",
    "m[1.5, ] <- 0",
    "m[1:2, ] <- 0",
    "m[c(1, 2), ] <- 0",
    "m[TRUE, ] <- 0",
    'm["a", ] <- 0',
    "m[NA, ] <- 0",
    "y <- m[1, , drop = FALSE]",
    "f <- function(k) m[k, 1]",
    LOOP + "m[i > 1, 1] <- 0",
    LOOP + "m[i / 2, 1] <- 0",
    LOOP + "m[-i, 1] <- 0",
]


@pytest.mark.parametrize("r_code", REPORTED)
def test_other_matrix_indices_are_reported(r_code: str) -> None:
    with pytest.raises(PortError, match="matrix") as caught:
        port_source(MATRIX + r_code)
    (problem,) = caught.value.problems
    assert problem.line == 2


def test_a_preallocated_path_fills_like_r() -> None:
    # R: rows 1 and 2 hold the assigned doubles, row 3 stays NA (NA_real_).
    python = port_source(
        "path <- matrix(NA, nrow = 3, ncol = 2)\n"
        "path[1, ] <- c(1, 2)\n"
        "for (i in 1:1) {\n"
        "  path[i + 1, ] <- c(10, 20) * i\n"
        "}\n"
    )
    namespace: dict = {}
    exec(python, namespace)
    path = namespace["path"]
    assert path.dtype == np.float64
    np.testing.assert_array_equal(path[:2], [[1.0, 2.0], [10.0, 20.0]])
    assert np.isnan(path[2]).all()
