"""The porter's bracket spellings (DECISIONS.md, "the porting contract").

On tensors rtorch indexes like R torch, so R's numbers are kept; on plain R
vectors (Python lists) a single element is read with the 1-based elt().
"""

from __future__ import annotations

import pytest

pytest.importorskip("tree_sitter_language_pack")

from port_helpers import body  # noqa: E402

from rtorch.port import PortError  # noqa: E402

# Rows of the contract table: x[1, ] -> x[1, :]; x[2:5], x[1:8:2], x[2:N];
# x[1, ..]; x[c(1, 3), c(2, 4)]; x[1, , drop = FALSE] -> x.nodrop[1, :];
# x[, NULL] -> x[:, None]; x[1, 2] <- 0 -> x[1, 2] = 0; res[[2]] -> elt(res, 2).
INDEXING = [
    ("y <- x[1, ]", "y = x[1, :]"),
    ("y <- x[, 2]", "y = x[:, 2]"),
    ("y <- x[2:5]", "y = x[2:5]"),
    ("y <- x[1:8:2]", "y = x[1:8:2]"),
    ("y <- x[2:N]", "y = x[2:N]"),
    ("y <- x[-3:6]", "y = x[-3:6]"),
    ("y <- x[-1]", "y = x[-1]"),
    ("y <- x[1, ..]", "y = x[1, ...]"),
    ("y <- x[.., 1]", "y = x[..., 1]"),
    ("y <- x[c(1, 3), c(2, 4)]", "y = x[c(1, 3), c(2, 4)]"),
    ("y <- x[1, , drop = FALSE]", "y = x.nodrop[1, :]"),
    ("y <- x[1, , drop = TRUE]", "y = x[1, :]"),
    ("y <- x[, NULL]", "y = x[:, None]"),
    ("y <- x[newaxis, ]", "y = x[None, :]"),
    ("y <- x[x > 0]", "y = x[x > 0]"),
    ("y <- x[i + 1, ]", "y = x[i + 1, :]"),
    ("y <- x[i:(i + 2)]", "y = x[i : i + 2]"),
    ("x[1, 2] <- 0", "x[1, 2] = 0.0"),
    ("x[1, 2] <- 0L", "x[1, 2] = 0"),
    ("x[x < 0] <- 0", "x[x < 0] = 0.0"),
    ("y <- res[[2]]", "y = elt(res, 2)"),
    ('y <- batch[["x"]]', 'y = batch["x"]'),
    ('batch[["x"]] <- 1', 'batch["x"] = 1.0'),
    ("out[[length(out) + 1]] <- v", "out.append(v)"),
    ("y <- x$shape[1]", "y = elt(x.shape, 1)"),
    ("y <- dim(x)[2]", "y = elt(dim(x), 2)"),
    ("v <- c(4, 5)\ny <- v[i]", "v = c(4.0, 5.0)\ny = elt(v, i)"),
    ("p <- list(a = 1)\ny <- p$a", 'p = {"a": 1.0}\ny = p["a"]'),
]


@pytest.mark.parametrize(("r_code", "python"), INDEXING)
def test_bracket_spellings(r_code: str, python: str) -> None:
    assert body(r_code).rstrip("\n") == python


# Python lists count from 0: reading anything but one element of a plain R
# vector has no faithful spelling, so the porter reports it.
VECTOR_SUBSETS = [
    "v <- c(1, 2, 3)\ny <- v[2:3]",
    "v <- c(1, 2, 3)\ny <- v[-1]",
    "v <- c(1, 2, 3)\nv[2] <- 5",
    "y <- x$shape[c(1, 2)]",
]


@pytest.mark.parametrize("r_code", VECTOR_SUBSETS)
def test_vector_subsets_are_reported(r_code: str) -> None:
    with pytest.raises(PortError, match="plain R vector"):
        body(r_code)


def test_positional_list_assignment_is_reported() -> None:
    with pytest.raises(PortError, match=r"x\[\[k\]\] by position"):
        body("lst[[2]] <- 3")
