"""A guided tour of the book's *Tensors* chapter, run on real data.

``rtorch tour`` (or ``python -m rtorch tour``) walks through creating tensors
from values, from specifications and from R's ``JohnsonJohnson`` and
``Orange`` data sets (shipped in :mod:`rtorch.datasets`), then operations,
summaries over dimensions, indexing, reshaping and broadcasting. Each step
prints the R torch code, its rtorch spelling and the result as R torch prints
it. Everything runs offline on the CPU.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from typing import TextIO

__all__ = ["Step", "STEPS", "run_tour"]


@dataclass(frozen=True)
class Step:
    """One step of the tour.

    Attributes:
        title: What the step shows.
        r_code: The R torch code, as in the book.
        python_code: The rtorch port; its last expression is the result shown.
        note: One or two sentences on the R-versus-PyTorch difference.
    """

    title: str
    r_code: str
    python_code: str
    note: str = ""


STEPS: tuple[Step, ...] = (
    Step(
        "A tensor from a single R double",
        "torch_tensor(1)",
        "torch_tensor(1.0)",
        "An R vector of length 1 gives shape (1), not a 0-d tensor; R's 1 is a "
        "double, so the tensor is float32 (write 1.0 in Python).",
    ),
    Step(
        "Its dtype, device and shape",
        "t <- torch_tensor(c(1, 2, 3))\nlist(t$dtype, t$device, t$shape)",
        "t = torch_tensor(c(1.0, 2.0, 3.0))\n[t.dtype, t.device, t.shape]",
    ),
    Step(
        "Changing the dtype",
        "t$to(dtype = torch_int())",
        "t.to(dtype=torch_int())",
        "torch_int() is int32; R integers become torch_long() (int64).",
    ),
    Step(
        "Reshaping a 1-element vector into a 1x1 matrix",
        "torch_tensor(1)$view(c(1, 1))",
        "torch_tensor(1.0).view(c(1, 1))",
    ),
    Step(
        "A matrix keeps R's [i, j] layout (filled column by column)",
        "torch_tensor(matrix(1:9, ncol = 3))",
        "torch_tensor(matrix(seq(1, 9), ncol=3))",
        "1:9 is an R integer vector, so the tensor is int64 (CPULongType).",
    ),
    Step(
        "... or row by row with byrow = TRUE",
        "torch_tensor(matrix(1:9, ncol = 3, byrow = TRUE))",
        "torch_tensor(matrix(seq(1, 9), ncol=3, byrow=True))",
    ),
    Step(
        "A 3-d array prints by its first dimension",
        "torch_tensor(array(1:24, dim = c(4, 3, 2)))",
        "torch_tensor(array(seq(1, 24), dim=c(4, 3, 2)))",
        "R prints an array slice by slice of its LAST dimension; a tensor prints "
        "one (i,.,.) block per index of its FIRST dimension. The values are the "
        "same: element [i, j, k] is the same number in both.",
    ),
    Step(
        "From specifications: normal random numbers",
        "torch_manual_seed(777)\ntorch_randn(3, 3)",
        "torch_manual_seed(777)\ntorch_randn(3, 3)",
        "torch_manual_seed() drives the same generator as PyTorch's.",
    ),
    Step(
        "Uniform, zeros, ones, identity, diagonal",
        "torch_eye(n = 5)",
        "torch_eye(5)",
    ),
    Step(
        "A diagonal matrix",
        "torch_diag(c(2, 7, 6))",
        "torch_diag(c(2.0, 7.0, 6.0))",
    ),
    Step(
        "From a data set: JohnsonJohnson, a quarterly time series",
        "torch_tensor(JohnsonJohnson)",
        "from rtorch.datasets import JohnsonJohnson\ntorch_tensor(JohnsonJohnson)",
        "A time series becomes its 84 values; the dates are not kept. The first "
        "30 lines print, then R torch's truncation note.",
    ),
    Step(
        "Orange: Tree is an ordered factor with levels 3 < 1 < 5 < 2 < 4",
        "torch_tensor(Orange$Tree)",
        "from rtorch.datasets import Orange\ntorch_tensor(Orange['Tree'])",
        "A factor becomes its 1-based level codes in the factor's own level "
        'order, so tree "1" is code 2 and tree "3" is code 1.',
    ),
    Step(
        "Summing over a dimension",
        "m <- torch_tensor(matrix(1:6, nrow = 2))\nm$sum(dim = 1)",
        "m = torch_tensor(matrix(seq(1, 6), nrow=2))\nm.sum(dim=1)",
        "dim = 1 sums over the rows, collapsing them: one sum per column.",
    ),
    Step(
        "Means of the Orange measurements, by column",
        'o <- torch_tensor(as.matrix(Orange[, c("age", "circumference")]))\n'
        "o$mean(dim = 1)",
        "o = torch_tensor(Orange[['age', 'circumference']].to_numpy(), "
        "dtype=torch_float())\no.mean(dim=1)",
    ),
    Step(
        "Matrix product",
        "a <- torch_tensor(matrix(c(1, 2, 3, 4), nrow = 2))\na$matmul(a)",
        "a = torch_tensor(matrix(c(1.0, 2.0, 3.0, 4.0), nrow=2))\na.matmul(a)",
    ),
    Step(
        "Element-wise multiplication is not the matrix product",
        "a$multiply(a)",
        "a.multiply(a)",
    ),
    Step(
        "Indexing is 1-based and drops a dimension for a single index",
        "m[1, ]",
        "m[1, :]",
    ),
    Step(
        "Ranges include their end",
        "x <- torch_tensor(1:10)\nx[2:4]",
        "x = torch_tensor(seq(1, 10))\nx[2:4]",
        "Python's 2:4 inside [] is R torch's inclusive 2:4, not Python's 2, 3.",
    ),
    Step(
        "A negative index counts from the end",
        "x[-1]",
        "x[-1]",
        "In R, x[-1] drops the first element; in R torch it is the last one.",
    ),
    Step(
        "drop = FALSE keeps the dimension",
        "m[1, , drop = FALSE]",
        "m.nodrop[1, :]",
    ),
    Step(
        "view() shares storage; the strides tell how",
        "v <- torch_tensor(1:6)$view(c(2, 3))\nv$stride()",
        "v = torch_tensor(seq(1, 6)).view(c(2, 3))\nv.stride()",
    ),
    Step(
        "Broadcasting: trailing dimensions must match or be 1",
        "torch_zeros(4, 3, 2) + torch_ones(3, 1)",
        "(torch_zeros(4, 3, 2) + torch_ones(3, 1)).shape",
    ),
)


def run_tour(out: TextIO = sys.stdout) -> int:
    """Run every step, printing code and results; return how many failed.

    Example:
        >>> run_tour()   # doctest: +SKIP
        == 1. A tensor from a single R double ==
        ...
    """
    import rtorch

    namespace: dict[str, object] = {}
    exec("from rtorch import *", namespace)
    namespace["rtorch"] = rtorch

    failures = 0
    for number, step in enumerate(STEPS, start=1):
        out.write(f"== {number}. {step.title} ==\n")
        out.write(_indent("R torch", step.r_code))
        out.write(_indent("rtorch ", step.python_code))
        try:
            result = _evaluate(step.python_code, namespace)
        except Exception as error:  # a failing step is reported, the tour goes on
            failures += 1
            out.write(f"!! {type(error).__name__}: {error}\n\n")
            continue
        out.write(f"{_r_form(result)}\n")
        if step.note:
            out.write(f"-- {step.note}\n")
        out.write("\n")

    out.write(f"{len(STEPS) - failures} of {len(STEPS)} steps ran.\n")
    return failures


def _r_form(value: object) -> str:
    """How R prints a value: ``[1] 3 1`` for a vector, ``[[1]]`` blocks for a list."""
    from rtorch.rtext import format_value
    from rtorch.values import RList

    if isinstance(value, (tuple, list)) and all(
        isinstance(v, (int, float, bool)) for v in value
    ):
        return "[1] " + " ".join(format_value(v) for v in value)
    if isinstance(value, list):
        return repr(RList(_RForm(_r_form(v)) for v in value))
    return repr(value)


class _RForm(str):
    """Text that repr() shows as is."""

    def __repr__(self) -> str:
        return str(self)


def _evaluate(code: str, namespace: dict[str, object]) -> object:
    tree = ast.parse(code)
    *body, last = tree.body
    exec(compile(ast.Module(body=body, type_ignores=[]), "<tour>", "exec"), namespace)
    if isinstance(last, ast.Expr):
        return eval(compile(ast.Expression(last.value), "<tour>", "eval"), namespace)
    exec(compile(ast.Module(body=[last], type_ignores=[]), "<tour>", "exec"), namespace)
    return None


def _indent(label: str, code: str) -> str:
    lines = code.splitlines()
    first, rest = lines[0], lines[1:]
    text = f"{label} > {first}\n"
    text += "".join(f"{' ' * len(label)}   {line}\n" for line in rest)
    return text
