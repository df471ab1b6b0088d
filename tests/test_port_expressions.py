"""The porter's expression spellings (DECISIONS.md, "the porting contract").

Each row is an R snippet and the exact Python the porter must write for it.
"""

from __future__ import annotations

import pytest

pytest.importorskip("tree_sitter_language_pack")

from port_helpers import body  # noqa: E402

# DECISIONS.md: "Integer literals: Python 1 is R's 1L; write 1.0 where R
# code writes the double 1"; TRUE/FALSE/NA/NULL -> True/False/NA/None.
LITERALS = [
    ("y <- 1", "y = 1.0"),
    ("y <- 1L", "y = 1"),
    ("y <- 0.5", "y = 0.5"),
    ("y <- .5", "y = 0.5"),
    ("y <- 1e-3", "y = 1e-3"),
    ("y <- 1E5", "y = 1e5"),
    ("y <- 1e3L", "y = 1000"),
    ("y <- 0x10L", "y = 0x10"),
    ("y <- 0x10", "y = 16.0"),
    ("y <- 3i", "y = 3j"),
    ("y <- TRUE", "y = True"),
    ("y <- F", "y = False"),
    ("y <- NA", "y = NA"),
    ("y <- NA_real_", 'y = float("nan")'),
    ("y <- NULL", "y = None"),
    ('y <- "a\\tb"', 'y = "a\\tb"'),
    ("y <- 'it\\'s'", 'y = "it\'s"'),
    ('y <- r"(C:\\path)"', 'y = "C:\\\\path"'),
    ("y <- -Inf", "y = -math.inf"),
    ("y <- NaN", "y = math.nan"),
    ("y <- pi", "y = math.pi"),
    (".Machine$integer.max", "2147483647"),
]

# DECISIONS.md: x$method(...) -> x.method(...); operators per
# rtorch-semantics.md section 12.1 (%% and %/% are the tensor's % and //).
OPERATORS = [
    ("x$grad$zero_()", "x.grad.zero_()"),
    ("x$shape", "x.shape"),
    ("a %*% b", "a @ b"),
    ("a %% b", "a % b"),
    ("a %/% b", "a // b"),
    ("a^2", "a**2.0"),
    ("-x^2", "-(x**2.0)"),
    ("(-x)^2", "(-x) ** 2.0"),
    ("a * b %% c", "a * (b % c)"),
    ("a > 1 & b < 2", "(a > 1.0) & (b < 2.0)"),
    ("a | !b", "a | ~b"),
    ("a == 2L", "a == 2"),
    ("a != b", "a != b"),
    ("-x %*% y", "-x @ y"),
    ("x |> torch_exp()", "torch_exp(x)"),
    ("x %>% torch_sum(dim = 1)", "torch_sum(x, dim=1)"),
    ("xor(a, b)", "a ^ b"),
]

# DECISIONS.md: c(), 1:9 -> seq(1, 9), seq(1, 9, by = 2), seq_len(n), list().
VALUES = [
    ("c(1, 2, 3)", "c(1.0, 2.0, 3.0)"),
    ("c(1L, 2L)", "c(1, 2)"),
    ("1:9", "seq(1, 9)"),
    ("-1:3", "seq(-1, 3)"),
    ("seq(1, 9)", "seq(1, 9)"),
    ("seq(0.5, 6, by = 0.5)", "seq(0.5, 6.0, by=0.5)"),
    ("seq(2L, 20L, by = 2L)", "seq(2, 20, by=2)"),
    ("seq(from = 1, to = 10, length.out = 4)", "seq(1.0, 10.0, length_out=4)"),
    ("seq_len(3)", "seq_len(3)"),
    ("seq_along(v)", "seq_len(length(v))"),
    ("list(a, b)", "[a, b]"),
    ('list(a = 1, b = "x")', '{"a": 1.0, "b": "x"}'),
    ("list()", "[]"),
    ("rep(1, 11)", "[1.0] * 11"),
    ("numeric(0)", "[]"),
    ("numeric(3)", "[0.0] * 3"),
    ("character()", "[]"),
    ("matrix(1:9, ncol = 3, byrow = TRUE)", "matrix(seq(1, 9), ncol=3, byrow=True)"),
    ("array(1:24, dim = c(4, 3, 2))", "array(seq(1, 24), dim=c(4, 3, 2))"),
    ("complex(real = 2, imaginary = -1)", "complex(2.0, -1.0)"),
]

# Calls: named arguments, dotted names, R base names (DECISIONS.md: sum/max/...
# live in rtorch.base as rb; mean/sqrt/dim/length/head keep their names).
CALLS = [
    (
        "torch_tensor(c(1, 2), dtype = torch_float64())",
        "torch_tensor(c(1.0, 2.0), dtype=torch_float64())",
    ),
    ("torch_zeros(2, 3)", "torch_zeros(2, 3)"),
    ("torch_ones(c(3, 2))", "torch_ones(c(3, 2))"),
    ("torch_full(c(2, 2), 3)", "torch_full(c(2, 2), 3.0)"),
    ("torch_arange(1, 29)", "torch_arange(1.0, 29.0)"),
    ("torch_randint(0, 10, c(3))", "torch_randint(0.0, 10.0, c(3))"),
    ("torch_cat(list(a, b), dim = 2)", "torch_cat([a, b], dim=2)"),
    ("torch_sum(x, 1)", "torch_sum(x, 1)"),
    ("x$sum(dim = 1, keepdim = TRUE)", "x.sum(dim=1, keepdim=True)"),
    ("x$view(c(2, 3))", "x.view(c(2, 3))"),
    ("x$size(1)", "x.size(1)"),
    ("z$scatter(1, idx, 5)", "z.scatter(1, idx, 5.0)"),
    ("x$add_(1)", "x.add_(1.0)"),
    ("torch::torch_ones(2)", "torch_ones(2)"),
    ("sum(x)", "rb.sum(x)"),
    ("max(a, b)", "rb.max(a, b)"),
    ("mean(x)", "mean(x)"),
    ("as.numeric(x)", "as_numeric(x)"),
    ("is.null(x)", "x is None"),
    ("!is.null(x)", "x is not None"),
    ("length(x)", "length(x)"),
    ("nrow(m)", "elt(dim(m), 1)"),
    ('inherits(r, "try-error")', "isinstance(r, Exception)"),
    ("sapply(xs, function(s) s * 2)", "[s * 2.0 for s in xs]"),
    ("lapply(xs, torch_exp)", "[torch_exp(item) for item in xs]"),
    ('paste0("w", i, ".pt")', 'paste0("w", i, ".pt")'),
    ('sprintf("%d: %.3f", i, v)', 'sprintf("%d: %.3f", i, v)'),
    ('cat("loss", l, "\\n")', 'cat("loss", l, "\\n")'),
    (
        "h <- x$register_hook(function(g) g * 10)",
        "h = x.register_hook(lambda g: g * 10.0)",
    ),
    ("y <- if (a) 1 else 2", "y = 1.0 if a else 2.0"),
]


@pytest.mark.parametrize(("r_code", "python"), LITERALS + OPERATORS)
def test_literals_and_operators(r_code: str, python: str) -> None:
    assert body(r_code).rstrip("\n") == python


@pytest.mark.parametrize(("r_code", "python"), VALUES + CALLS)
def test_values_and_calls(r_code: str, python: str) -> None:
    assert body(r_code).rstrip("\n") == python


def test_math_constants_import_math_above_rtorch() -> None:
    from rtorch.port import port_source

    assert (
        port_source("y <- pi") == "import math\n\nfrom rtorch import *\n\ny = math.pi\n"
    )


def test_base_functions_import_rtorch_base_as_rb() -> None:
    from rtorch.port import port_source

    assert port_source("s <- sum(x)") == (
        "from rtorch import *\nfrom rtorch import base as rb\n\ns = rb.sum(x)\n"
    )


def test_print_with_n_is_the_tensor_print_method() -> None:
    # DECISIONS.md/case print-n-50: R torch's print(x, n = 45) is x.print(n=45).
    assert body("print(x, n = 45)").rstrip("\n") == "x.print(n=45)"
