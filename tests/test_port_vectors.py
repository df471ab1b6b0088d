"""Plain R vectors in the port: element-wise operators, NA spellings, kinds.

rtorch holds R vectors in Python lists, where ``-seq(1, 3)`` and
``seq(1, 3) + 0.5`` raise and ``seq(1, 3) == 2`` is silently ``False``. The
porter writes R's element-wise meaning instead, or reports the construct with
its line and column; it never writes code that crashes or silently differs.

Expected values are R's documented behaviour: ?Arithmetic / ?Comparison /
?Logic (element-wise, a length-one operand recycled, ``^`` and ``/`` give
doubles, ``%%`` takes the divisor's sign, ``%/%`` floors, logicals count as
0/1), ?NA (``NA_real_`` is a double NA), rtorch-semantics.md 2.2 (a double NA
is NaN in a float32 tensor) and 4.5 (a negative index counts from the end).
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

pytest.importorskip("tree_sitter_language_pack")

from port_helpers import body  # noqa: E402
from porting import only_problem  # noqa: E402

from rtorch.port import port_source  # noqa: E402

SPELLINGS = [
    # -(a:b) is the sequence (-a):(-b); -c() of numerals negates each one.
    ("y <- -(1:3)", "y = seq(-1, -3)"),
    ("y <- -(1:n)", "y = seq(-1, -n)"),
    ("y <- -c(1, 2L)", "y = c(-1.0, -2)"),
    ("y <- x[-(1:2)]", "y = x[seq(-1, -2)]"),
    ("y <- 1:3 + 0.5", "y = [v + 0.5 for v in seq(1, 3)]"),
    ("y <- seq_len(3) == 2L", "y = [v == 2 for v in seq_len(3)]"),
    ("y <- rep(1, 3) * 2", "y = [v * 2.0 for v in [1.0] * 3]"),
    ("y <- (1:3)^2", "y = [v**2.0 for v in seq(1, 3)]"),
    ("y <- (1:3)^2L", "y = [float(v) ** 2 for v in seq(1, 3)]"),
    ("y <- !c(TRUE, FALSE)", "y = [not v for v in c(True, False)]"),
    ("y <- c(2) * 1:3", "y = [2.0 * v for v in seq(1, 3)]"),
    ("y <- -x$shape", "y = [-v for v in x.shape]"),
    (
        "y <- dim(x) == c(2, 3)",
        "y = [v1 == v2 for v1, v2 in zip(dim(x), c(2.0, 3.0), strict=True)]",
    ),
    (
        "v <- 1:3\ny <- v > 1 & v < 3",
        "v = seq(1, 3)\ny = [v_ > 1.0 and v_ < 3.0 for v_ in v]",
    ),
    (
        "y <- 1:3 & c(0, 1, 1)",
        "y = [bool(v1) and bool(v2) for v1, v2 in zip(seq(1, 3), c(0.0, 1.0, 1.0), "
        "strict=True)]",
    ),
    ("k <- 2\ny <- (1:3 + 0.5) * k", "k = 2.0\ny = [(v + 0.5) * k for v in seq(1, 3)]"),
    (
        "for (i in 1:2) y <- i * c(1, 2)",
        "for i in seq(1, 2):\n    y = [i * v for v in c(1.0, 2.0)]",
    ),
    ("y <- x[c(1, 2) + 1]", "y = x[[v + 1 for v in c(1, 2)]]"),
    (
        "y <- sapply(1:3, function(i) c(i, 1) * 2)",
        "y = [[v * 2.0 for v in c(i, 1.0)] for i in seq(1, 3)]",
    ),
    ("y <- torch_tensor(1:4 / 4)", "y = torch_tensor([v / 4.0 for v in seq(1, 4)])"),
    (
        "stopifnot(dim(x) == c(2, 3))",
        "assert all([v1 == v2 for v1, v2 in zip(dim(x), c(2.0, 3.0), strict=True)])",
    ),
    # A tensor (or any value the porter cannot see) keeps its own operators:
    # rtorch's tensors take R vectors as they are.
    ("y <- x * c(1, 2)", "y = x * c(1.0, 2.0)"),
    ("y <- 1:3 + x", "y = seq(1, 3) + x"),
    # ?NA: NA_real_ is a double NA (NaN in rtorch); NA_integer_ is rtorch's NA.
    ("y <- NA_real_", 'y = float("nan")'),
    ("y <- NA_integer_", "y = NA"),
    ("y <- torch_tensor(c(1, NA_real_))", 'y = torch_tensor(c(1.0, float("nan")))'),
    ("y <- c(1, NA_real_) + 1", 'y = [v + 1.0 for v in c(1.0, float("nan"))]'),
    # Subsetting a length-one value, and a matrix by one (column-major) index.
    ("n <- 3\ny <- n[1]", "n = 3.0\ny = n"),
    (
        "m <- matrix(1:6, nrow = 2)\ny <- m[3]",
        "m = matrix(seq(1, 6), nrow=2)\ny = elt(c(m), 3)",
    ),
    # A named list from forward() and a tensor's field by [["name"]].
    (
        "f <- function(ctx) ctx$saved_variables$k",
        'def f(ctx):\n    return ctx.saved_variables["k"]',
    ),
    (
        "g <- function(ctx) {\n  v <- ctx$saved_variables\n  v$k\n}",
        'def g(ctx):\n    v = ctx.saved_variables\n    return v["k"]',
    ),
    (
        'q <- torch_zeros(2)\nq[["requires_grad"]] <- TRUE',
        "q = torch_zeros(2)\nq.requires_grad = True",
    ),
    ('y <- batch[["x"]]', 'y = batch["x"]'),
    # R's rbind()/cbind() of plain values, and is.matrix().
    ("m <- rbind(1:3, 4:6)", "m = np.vstack([seq(1, 3), seq(4, 6)])"),
    ("m <- cbind(1:2, 3:4)", "m = np.column_stack([seq(1, 2), seq(3, 4)])"),
    (
        "r <- as.matrix(x)\ny <- c(is.matrix(r), is.matrix(1:3))",
        "r = as_matrix(x)\ny = c(r.ndim == 2, False)",
    ),
]


@pytest.mark.parametrize(("r_code", "python"), SPELLINGS)
def test_plain_vector_spellings(r_code: str, python: str) -> None:
    assert body(r_code).rstrip("\n") == python


def test_numpy_is_imported_for_rbind() -> None:
    assert port_source("m <- rbind(1:2, 3:4)") == (
        "import numpy as np\nfrom rtorch import *\n\n"
        "m = np.vstack([seq(1, 2), seq(3, 4)])\n"
    )


REPORTED = [
    ("y <- NA_character_", 1, 6, "NA_character_"),
    ("y <- NA_complex_", 1, 6, "NA_complex_"),
    ("y <- c(1, NA) + 1", 1, 11, "NA in arithmetic"),
    ("y <- 1:2 * NA_integer_", 1, 12, "NA_integer_ in arithmetic"),
    ("x <- 1\nif (dim(x) == 2) x", 2, 5, "all() or any()"),
    ("while (1:3 > 0) next", 1, 8, "all() or any()"),
    ("y <- c(1, 2) %*% c(3, 4)", 1, 6, "%*% of plain R vectors"),
    ("y <- as.character(1:3)", 1, 6, "as.character()"),
    ("b <- c(1, 2)\ny <- torch_tensor_from_buffer(b, shape = 2)", 2, 6, "NumPy"),
    ("n <- 3\ny <- n[2]", 2, 6, "length-one"),
    ("v <- 1:3\ny <- v[v > 1]", 2, 6, "plain R vector"),
    ("y <- is.matrix(x)", 1, 6, "is.matrix"),
]


@pytest.mark.parametrize(("r_code", "line", "column", "reason"), REPORTED)
def test_untranslatable_vector_constructs_are_reported(
    r_code: str, line: int, column: int, reason: str
) -> None:
    got_line, got_column, construct, why = only_problem(r_code)
    assert (got_line, got_column) == (line, column)
    assert reason in f"{construct} {why}"


def run_port(r_code: str) -> dict:
    """Port R code, run it, and return its variables."""
    namespace: dict = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        exec(port_source(r_code, autoprint=False), namespace)
    return namespace


def exactly(values: list) -> list:
    """Values with their Python types, so 2 (R integer) differs from 2.0."""
    return [(type(v).__name__, v) for v in values]


# R's results (?Arithmetic, ?Comparison, ?Logic); Python int = R integer,
# float = R double, bool = R logical.
RESULTS = [
    ("y <- -(1:3)", [-1, -2, -3]),
    ("y <- -(0.5:2)", [-0.5, -1.5]),
    ("y <- -c(1, 2L)", [-1.0, -2]),
    ("y <- 1:3 + 0.5", [1.5, 2.5, 3.5]),
    ("y <- 1:3 * 2L", [2, 4, 6]),
    ("y <- 1:3 / 2L", [0.5, 1.0, 1.5]),
    ("y <- (1:3)^2L", [1.0, 4.0, 9.0]),
    ("y <- 2L^(-1:1)", [0.5, 1.0, 2.0]),
    ("y <- 5:7 %/% 2L", [2, 3, 3]),
    ("y <- -7:-5 %% 3L", [2, 0, 1]),
    ("y <- -7 %/% c(2, 3)", [-4.0, -3.0]),
    ("y <- c(TRUE, FALSE) + c(TRUE, TRUE)", [2, 1]),
    ("y <- -c(TRUE, FALSE) * 1L", [-1, 0]),
    ("y <- seq_len(3) == 2", [False, True, False]),
    ("y <- !(1:3 > 1)", [True, False, False]),
    ("y <- 1:3 & c(0, 1, 1)", [False, True, True]),
    ("y <- 1:3 > 2 | 1:3 < 2", [True, False, True]),
    ("y <- c(2) * 1:3", [2.0, 4.0, 6.0]),
    ('y <- c("a", "b") == "b"', [False, True]),
    ("v <- 1:3\nk <- 2L\ny <- (v + v) * k - v", [3, 6, 9]),
    ("y <- dim(torch_ones(2, 3)) == c(2, 3)", [True, True]),
    ("y <- torch_ones(2, 3)$shape * 2L", [4, 6]),
    ("y <- c(1, NA_real_) + 1", [2.0, math.nan]),
    ("y <- sapply(1:3, function(i) (i + 1:2)[2])", [3, 4, 5]),
]


@pytest.mark.parametrize(("r_code", "expected"), RESULTS)
def test_ported_vector_arithmetic_gives_r_results(r_code: str, expected: list) -> None:
    got = run_port(r_code)["y"]
    assert isinstance(got, list)
    if any(isinstance(e, float) and math.isnan(e) for e in expected):
        assert [type(v) for v in got] == [type(e) for e in expected]
        assert np.allclose(got, expected, equal_nan=True)
    else:
        assert exactly(got) == exactly(expected)


def test_negative_sequence_index_counts_from_the_end() -> None:
    # rtorch-semantics.md 4.5: x[c(-1, -2)] is c(3, 2) on c(1, 2, 3).
    y = run_port("x <- torch_tensor(c(1, 2, 3))\ny <- x[-(1:2)]")["y"]
    assert y.torch.tolist() == [3.0, 2.0]


def test_vector_arithmetic_feeds_torch_tensor_as_doubles() -> None:
    # R: 1:4 / 4 is a double vector, a float32 tensor (semantics 2.1).
    y = run_port("y <- torch_tensor(1:4 / 4)")["y"]
    assert str(y.torch.dtype) == "torch.float32"
    assert y.torch.tolist() == [0.25, 0.5, 0.75, 1.0]


def test_na_real_gives_a_float_tensor_with_nan() -> None:
    # semantics 2.2: NA_real_ becomes NaN in float32.
    y = run_port("y <- torch_tensor(c(1L, NA_real_))")["y"]
    assert str(y.torch.dtype) == "torch.float32"
    assert y.torch[0].item() == 1.0 and math.isnan(y.torch[1].item())


def test_rbind_and_cbind_build_r_matrices() -> None:
    # R: rbind(1:3, 4:6) has rows 1 2 3 / 4 5 6; cbind(1:2, 3:4) has columns.
    names = run_port("r <- rbind(1:3, 4:6)\nk <- cbind(1:2, c(3, 4))")
    assert names["r"].tolist() == [[1, 2, 3], [4, 5, 6]]
    assert names["r"].dtype.kind == "i"
    assert names["k"].tolist() == [[1.0, 3.0], [2.0, 4.0]]


def test_matrix_single_index_reads_column_major() -> None:
    # R: matrix(1:6, nrow = 2)[3] is 3 (the first element of column 2).
    assert run_port("m <- matrix(1:6, nrow = 2)\ny <- m[3]")["y"] == 3


def test_stopifnot_of_a_vector_checks_every_element() -> None:
    run_port("x <- torch_ones(2, 3)\nstopifnot(dim(x) == c(2, 3))")
    with pytest.raises(AssertionError):
        run_port("x <- torch_ones(2, 3)\nstopifnot(dim(x) == c(2, 4))")


def test_saved_variables_and_tensor_fields_run() -> None:
    names = run_port(
        "sq <- autograd_function(\n"
        "  forward = function(ctx, inp) {\n"
        "    ctx$save_for_backward(deriv = 2 * inp)\n"
        "    inp^2\n"
        "  },\n"
        "  backward = function(ctx, grad_output) {\n"
        "    v <- ctx$saved_variables\n"
        "    list(inp = grad_output * v$deriv)\n"
        "  }\n"
        ")\n"
        "s <- torch_tensor(5, requires_grad = TRUE)\n"
        "sq(s)$backward()\n"
        "g <- s$grad$item()\n"
        'q <- torch_zeros(2, requires_grad = TRUE)\nq[["requires_grad"]] <- FALSE\n'
        'r <- q[["requires_grad"]]'
    )
    # d(s^2)/ds at 5 is 10 (case ag-function-named-saved).
    assert names["g"] == 10.0
    assert names["r"] is False
