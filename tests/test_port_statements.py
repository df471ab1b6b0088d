"""The porter's statements: assignment, functions, control flow, contexts,
errors, comments and top-level printing (issue 7's construct list)."""

from __future__ import annotations

import textwrap

import pytest

pytest.importorskip("tree_sitter_language_pack")

from port_helpers import body  # noqa: E402


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


STATEMENTS = [
    (
        "assignment arrows",
        "a <- 1\n2 -> b\nc = 3L\nd <- e <- 0",
        """
        a = 1.0
        b = 2.0
        c = 3
        d = e = 0.0
        """,
    ),
    (
        "field assignment",
        "x$requires_grad <- TRUE",
        """
        x.requires_grad = True
        """,
    ),
    (
        "function with default and implicit return",
        """
        f <- function(a, b = 2) {
          s <- a + b
          s * 2
        }
        """,
        """
        def f(a, b=2.0):
            s = a + b
            return s * 2.0
        """,
    ),
    (
        "function ending in an assignment returns it",
        """
        f <- function(x) {
          y <- x + 1
        }
        """,
        """
        def f(x):
            y = x + 1.0
            return y
        """,
    ),
    (
        "explicit return and if/else",
        """
        sgn <- function(x) {
          if (x > 0) {
            return(1L)
          } else if (x < 0) {
            -1L
          } else {
            0L
          }
        }
        """,
        """
        def sgn(x):
            if x > 0.0:
                return 1
            elif x < 0.0:
                return -1
            else:
                return 0
        """,
    ),
    (
        "dots",
        "g <- function(x, ...) torch_sum(x, ...)",
        """
        def g(x, *args, **kwargs):
            return torch_sum(x, *args, **kwargs)
        """,
    ),
    (
        "for over a range",
        "for (i in 1:n) {\n  total <- total + i\n}",
        """
        for i in seq(1, n):
            total = total + i
        """,
    ),
    (
        "while, next and break",
        """
        while (TRUE) {
          i <- i + 1L
          if (i %% 2L == 0L) next
          if (i > 9L) break
        }
        """,
        """
        while True:
            i = i + 1
            if i % 2 == 0:
                continue
            if i > 9:
                break
        """,
    ),
    (
        "repeat",
        "repeat {\n  break\n}",
        """
        while True:
            break
        """,
    ),
    (
        "not in conditions",
        "if (!done && !is.null(x)) y <- 1",
        """
        if not done and x is not None:
            y = 1.0
        """,
    ),
    (
        "with_no_grad",
        """
        with_no_grad({
          w$sub_(lr * w$grad)
          w$grad$zero_()
        })
        """,
        """
        with with_no_grad():
            w.sub_(lr * w.grad)
            w.grad.zero_()
        """,
    ),
    (
        "with_ options and a value",
        "b <- with_torch_manual_seed(seed = 9, {\n  torch_rand(2)\n})",
        """
        with with_torch_manual_seed(seed=9):
            b = torch_rand(2)
        """,
    ),
    (
        "if as a value with blocks",
        "y <- if (a) {\n  1\n} else {\n  2\n}",
        """
        if a:
            y = 1.0
        else:
            y = 2.0
        """,
    ),
    (
        "try keeps the error as the value",
        "r <- try(loss$backward(), silent = TRUE)",
        """
        try:
            r = loss.backward()
        except Exception as error:
            r = error
        """,
    ),
    (
        "tryCatch",
        """
        msg <- tryCatch(torch_ones(-1), error = function(e) conditionMessage(e))
        """,
        """
        try:
            msg = torch_ones(-1)
        except Exception as e:
            msg = str(e)
        """,
    ),
    (
        "stop, warning and stopifnot",
        """
        stop("bad size: ", n)
        warning("careful")
        stopifnot(n > 0)
        """,
        """
        import warnings

        from rtorch import *

        raise RuntimeError(paste0("bad size: ", n))
        warnings.warn("careful")
        assert n > 0.0
        """,
    ),
    (
        "superassignment from a hook",
        """
        seen <- NULL
        h <- v$register_hook(function(g) {
          seen <<- g
        })
        """,
        """
        seen = None


        def h_fn(g):
            global seen
            seen = g
            return seen


        h = v.register_hook(h_fn)
        """,
    ),
    (
        "named function arguments become named defs",
        """
        f <- autograd_function(
          forward = function(ctx, x) {
            ctx$save_for_backward(x)
            x^2
          },
          backward = function(ctx, g) {
            list(x = 2 * g)
          }
        )
        """,
        """
        def f_forward(ctx, x):
            ctx.save_for_backward(x)
            return x**2.0


        f = autograd_function(forward=f_forward, backward=lambda ctx, g: {"x": 2.0 * g})
        """,
    ),
    (
        "comments stay in place",
        """
        # set up
        x <- torch_ones(2) # two ones

        # double it
        y <- x * 2
        f <- function(a) {
          # inside
          a
        }
        """,
        """
        # set up

        from rtorch import *

        x = torch_ones(2)  # two ones

        # double it
        y = x * 2.0


        def f(a):
            # inside
            return a
        """,
    ),
    (
        "library(torch) disappears into the import",
        "library(torch)\nx <- 1",
        """
        x = 1.0
        """,
    ),
]


@pytest.mark.parametrize(
    ("r_code", "python"),
    [(dedent(r), dedent(p)) for _, r, p in STATEMENTS],
    ids=[label for label, _, _ in STATEMENTS],
)
def test_statement_spellings(r_code: str, python: str) -> None:
    from rtorch.port import port_source

    ported = port_source(r_code, autoprint=False)
    if python.startswith(("import", "# ")):
        assert ported == python
    else:
        assert body(r_code) == python


# Rscript prints every visible top-level value; assignments, print(), cat(),
# backward() and R torch's in-place methods return invisibly.
AUTOPRINT = [
    ("x", "print(x)"),
    ("x$shape", "print(x.shape)"),
    ("y <- x", "y = x"),
    ("print(x)", "print(x)"),
    ('cat("a\\n")', 'cat("a\\n")'),
    ("loss$backward()", "loss.backward()"),
    ("x$add_(1)", "x.add_(1.0)"),
    ("torch_manual_seed(1)", "torch_manual_seed(1)"),
    ("invisible(x)", "x"),
    ("(y <- 2)", "y = 2.0\nprint(y)"),
]


@pytest.mark.parametrize(("r_code", "python"), AUTOPRINT)
def test_top_level_values_print_like_rscript(r_code: str, python: str) -> None:
    assert body(r_code, autoprint=True).rstrip("\n") == python
