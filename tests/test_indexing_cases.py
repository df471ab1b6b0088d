"""The ``indexing`` and indexing ``errors`` cases of ``rtorch-cases.jsonl``.

Each row runs the case's rtorch spelling (its ``python`` field, copied here so
the suite runs without the spec folder) through the public API and compares
the last expression with the case's ``expect`` field, transcribed by hand.
``test_snippets_match_the_spec`` checks the copies against the spec file.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import numpy as np
import pytest
import torch

import rtorch
from rtorch import RTorchError, slc

SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec" / "rtorch-cases.jsonl"

# (case id, rtorch spelling, expected value of the last expression)
VALUE_CASES = [
    ("idx-scalar-first-elem",
     "a = torch_tensor(array(seq(101, 124), dim=c(2, 3, 4)))\nv = a[1, 1, 1]\n"
     "[v.item(), v.ndim]",
     [101, 0]),
    ("idx-missing-arg-row",
     "a = torch_tensor(array(seq(1, 24), dim=c(2, 3, 4)))\nb = a[2, :, :]\n"
     "[b.shape, b[3, 4].item()]",
     [(3, 4), 24]),
    ("idx-range-inclusive",
     "m = torch_tensor(matrix(seq(1, 24), nrow=6))\nr = m[2:4, :]\n"
     "[r.shape, as_array(r[:, 1])]",
     [(3, 4), [2, 3, 4]]),
    ("idx-step-syntax",
     "v = torch_tensor(seq(11, 30))\nas_array(v[2:12:3])",
     [12, 15, 18, 21]),
    ("idx-negative-scalar",
     "v = torch_tensor(c(4, 8, 15, 16, 23, 42))\n[v[-1].item(), v[-2].item()]",
     [42, 23]),
    ("idx-negative-range-start",
     "v = torch_tensor(c(4, 8, 15, 16, 23, 42))\nas_array(v[-3:6])",
     [16, 23, 42]),
    ("idx-N-symbol",
     "v = torch_tensor(c(4, 8, 15, 16, 23, 42))\nas_array(v[3:N])",
     [15, 16, 23, 42]),
    ("idx-ellipsis-leading-index",
     "a = torch_tensor(array(seq(1, 120), dim=c(2, 3, 4, 5)))\nb = a[2, ...]\n"
     "[b.shape, b[3, 4, 5].item()]",
     [(3, 4, 5), 120]),
    ("idx-ellipsis-two-leading",
     "a = torch_tensor(array(seq(1, 120), dim=c(2, 3, 4, 5)))\nb = a[2, 3, ...]\n"
     "[b.shape, b[1, 1].item()]",
     [(4, 5), 6]),
    ("idx-ellipsis-trailing-index",
     "a = torch_tensor(array(seq(1, 120), dim=c(2, 3, 4, 5)))\nb = a[..., 5]\n"
     "[b.shape, b[1, 1, 1].item()]",
     [(2, 3, 4), 97]),
    ("idx-ellipsis-two-trailing",
     "a = torch_tensor(array(seq(1, 120), dim=c(2, 3, 4, 5)))\nb = a[..., 4, 5]\n"
     "[b.shape, b[2, 3].item()]",
     [(2, 3), 120]),
    ("idx-numeric-vector",
     "v = torch_tensor(c(10, 20, 30, 40, 50, 60))\nas_array(v[c(6, 1, 4)])",
     [60, 10, 40]),
    ("idx-variable-integer-vector",
     "v = torch_tensor(c(10, 20, 30, 40, 50, 60))\npos = seq(2, 4)\nas_array(v[pos])",
     [20, 30, 40]),
    ("idx-two-vectors-orthogonal",
     "m = torch_tensor(matrix(seq(1, 16), nrow=4))\nas_array(m[c(4, 1), c(2, 3)])",
     [[8, 12], [5, 9]]),
    ("idx-range-then-ellipsis",
     "v = torch_tensor(c(2.5, 5.0, 7.5, 10.0, 12.5, 15.0))\n"
     "[torch_equal(v[2:4, ...], v[2:4]), as_array(v[2:4, ...])]",
     [True, [5.0, 7.5, 10.0]]),
    ("idx-null-newaxis-trailing",
     "v = torch_zeros(7)\nv[:, None].shape",
     (7, 1)),
    ("idx-null-newaxis-both",
     "m = torch_zeros(3, 4)\nm[None, :, :, None].shape",
     (1, 3, 4, 1)),
    ("idx-null-newaxis-three",
     "v = torch_zeros(7)\nv[None, :, None, None].shape",
     (1, 7, 1, 1)),
    ("idx-newaxis-symbol",
     "import numpy as np\nw = torch_zeros(6)\n"
     "[w[np.newaxis, :].shape, w[:, np.newaxis, np.newaxis].shape]",
     [(1, 6), (6, 1, 1)]),
    ("idx-drop-false-row",
     "m = torch_zeros(4, 6)\nm.nodrop[2, :].shape",
     (1, 6)),
    ("idx-drop-false-ellipsis",
     "m = torch_zeros(4, 6)\nm.nodrop[..., 3].shape",
     (4, 1)),
    ("idx-drop-false-negative",
     "m = torch_zeros(4, 6)\nm.nodrop[..., -2].shape",
     (4, 1)),
    ("idx-bool-tensor-mask-1d",
     "v = torch_tensor(c(3.0, -4.0, 0.0, 5.0, -1.0))\nas_array(v[v > 0])",
     [3.0, 5.0]),
    ("idx-bool-tensor-mask-2d",
     "m = torch_tensor(matrix(c(5.0, -1.0, -2.0, 6.0, 7.0, -3.0), nrow=2))\n"
     "as_array(m[m > 0])",
     [5.0, 7.0, 6.0]),
    ("idx-slice-to-minus-one",
     "v = torch_tensor(c(10.0, 20.0, 30.0, 40.0, 50.0))\nas_array(v[3:-1])",
     [30.0, 40.0, 50.0]),
    ("idx-slice-neg-neg",
     "v = torch_tensor(c(10.0, 20.0, 30.0, 40.0, 50.0))\nas_array(v[-4:-1])",
     [20.0, 30.0, 40.0, 50.0]),
    ("idx-slice-neg-neg-2",
     "v = torch_tensor(c(10.0, 20.0, 30.0, 40.0, 50.0))\nas_array(v[-4:-2])",
     [20.0, 30.0, 40.0]),
    ("idx-negative-vector",
     "v = torch_tensor(c(10.0, 20.0, 30.0, 40.0, 50.0))\nas_array(v[c(-2, -5)])",
     [40.0, 10.0]),
    ("assign-scalar-tensor-value",
     "m = torch_ones(3, 3)\nm[2, 3] = torch_tensor(7.0)\nm[2, 3].item()",
     7.0),
    ("assign-double-scalar",
     "m = torch_ones(2, 3)\nm[2, 1] = -5.0\nm[2, 1].item()",
     -5.0),
    ("assign-integer-scalar-into-float",
     "m = torch_zeros(2, 2)\nm[2, 2] = 3\nm[2, 2].item()",
     3.0),
    ("assign-logical-scalar",
     "b = torch_tensor(c(False, False, True))\nb[1] = True\nas_array(b)",
     [True, False, True]),
    ("assign-by-mask",
     "v = torch_tensor(c(-2.0, 4.0, -6.0, 8.0))\nv[v < 0] = 0.0\nas_array(v)",
     [0.0, 4.0, 0.0, 8.0]),
    ("assign-range-from-r-vector",
     "v = torch_tensor(c(1.0, 2.0, 3.0, 4.0, 5.0, 6.0))\n"
     "v[4:6] = c(-1.0, -2.0, -3.0)\nas_array(v)",
     [1.0, 2.0, 3.0, -1.0, -2.0, -3.0]),
    ("assign-mask-and-scalar",
     "m = torch_zeros(4, 3)\nkeep = torch_tensor(c(False, True, False, True))\n"
     "m[keep, 3] = torch_tensor(c(5.0, 9.0))\nas_array(m)",
     [[0.0, 0.0, 0.0], [0.0, 0.0, 5.0], [0.0, 0.0, 0.0], [0.0, 0.0, 9.0]]),
    ("assign-scalar-and-mask",
     "m = torch_zeros(3, 4)\nkeep = torch_tensor(c(True, True, False, False))\n"
     "m[3, keep] = torch_tensor(c(-1.0, -2.0))\nas_array(m)",
     [[0.0] * 4, [0.0] * 4, [-1.0, -2.0, 0.0, 0.0]]),
    ("idx-r-logical-vector",
     "v = torch_tensor(c(7.0, 8.0, 9.0))\nas_array(v[c(False, True, True)])",
     [8.0, 9.0]),
    ("idx-r-logical-true-len1",
     "s = torch_tensor(c(42.0))\nr = s[True]\n[as_array(r), r.shape]",
     [[42.0], (1,)]),
    ("idx-r-logical-row",
     "m = torch_ones(3, 5)\nm[c(False, False, True), :].shape",
     (1, 5)),
    ("idx-r-logical-both",
     "m = torch_ones(3, 5)\n"
     "m[c(True, False, True), c(False, True, False, False, True)].shape",
     (2, 2)),
    ("idx-long-tensor-len1",
     "m = torch_tensor(matrix(seq(1, 9), nrow=3))\nk = torch_tensor(2)\nr = m[k, k]\n"
     "[r.shape, r.item()]",
     [(1, 1), 5]),
    ("idx-long-scalar-tensor",
     "m = torch_tensor(matrix(seq(1, 9), nrow=3))\nk = torch_scalar_tensor(3)\n"
     "r = m[k, k]\n[r.shape, r.item()]",
     [(), 9]),
    ("idx-long-tensor-negative",
     "m = torch_tensor(matrix(seq(1, 9), nrow=3))\n"
     "r = m[torch_tensor(-1), torch_tensor(-3)]\n[r.shape, r.item()]",
     [(1, 1), 3]),
    ("idx-long-tensor-mixed-sign",
     "m = torch_tensor(matrix(seq(1, 16), nrow=4))\nk = torch_tensor(c(-1, 2))\n"
     "as_array(m[k, k])",
     [[16, 8], [14, 6]]),
    ("idx-slc-step",
     "v = torch_arange(10.0, 100.0, 10.0)\nas_array(v[slc(start=2, end=8, step=3)])",
     [20.0, 50.0, 80.0]),
    ("idx-slc-inf",
     "v = torch_tensor(c(3.0, 1.0, 4.0, 1.0, 5.0, 9.0))\n"
     "[as_array(v[slc(4, float(\"inf\"))]), torch_equal(v[slc(4, float(\"inf\"))], "
     "v[4:N])]",
     [[1.0, 5.0, 9.0], True]),
    ("idx-mixed-vector-slice",
     "a = torch_tensor(array(seq(1, 27), dim=c(3, 3, 3)))\n"
     "r = a[c(2, 3), 1:2, c(2, 3)]\n[r.shape, torch_equal(r, a[2:3, 1:2, 2:3])]",
     [(2, 2, 2), True]),
    ("idx-mixed-vector-newaxis",
     "a = torch_tensor(array(seq(1, 27), dim=c(3, 3, 3)))\n"
     "r = a[None, c(2, 3), None, 2:3, c(1, 2)]\n"
     "[r.shape, torch_equal(r, a[None, 2:3, None, 2:3, 1:2])]",
     [(1, 2, 1, 2, 2), True]),
    ("idx-mixed-vector-empty",
     "a = torch_tensor(array(seq(1, 27), dim=c(3, 3, 3)))\n"
     "r = a[c(1, 2), :, c(2, 3)]\n[r.shape, torch_equal(r, a[1:2, :, 2:3])]",
     [(2, 3, 2), True]),
    ("idx-logical-vectors-3d",
     "a = torch_tensor(array(seq(1, 27), dim=c(3, 3, 3)))\n"
     "keep = c(False, True, True)\nr = a[keep, keep, keep]\n"
     "[r.shape, as_array(r[:, :, 1])]",
     [(2, 2, 2), [[14, 17], [15, 18]]]),
    ("idx-index-vector-not-mutated",
     "m = torch_randn(5, 2)\nrows = c(4, 2)\npicked = m[rows, :]\nrows",
     [4, 2]),
    ("idx-ellipsis-then-long-tensor",
     "a = torch_tensor(array(seq(1, 24), dim=c(2, 4, 3)))\nj = torch_tensor(c(4, 2))\n"
     "r = a[..., j, :]\n[r.shape, as_array(r[1, :, 1])]",
     [(2, 2, 3), [7, 3]]),
    ("idx-long-tensor-both-ends",
     "a = torch_tensor(array(seq(1, 24), dim=c(3, 4, 2)))\n"
     "r = a[torch_tensor(c(3, 1)), ..., torch_tensor(c(2, 1))]\n"
     "[r.shape, r[1, 1, 1].item(), r[2, 4, 2].item()]",
     [(2, 4, 2), 15, 10]),
    ("idx-numeric-matrix-index",
     "m = torch_tensor(matrix(seq(1, 12), nrow=4))\n"
     "sel = matrix(c(4, 1, 2, 4), nrow=2)\nr = m[sel]\n[r.shape, as_array(r[1, 1, :]), "
     "torch_equal(r, m[torch_tensor(sel, dtype=torch_long())])]",
     [(2, 2, 3), [4, 8, 12], True]),
    ("idx-logical-matrix-index",
     "m = torch_tensor(matrix(c(3.0, -1.0, -2.0, 5.0), nrow=2))\n"
     "keep = matrix(c(True, False, False, True), nrow=2)\nas_array(m[keep])",
     [3.0, 5.0]),
    ("idx-head",
     "v = torch_tensor(seq(2, 20, by=2))\nas_array(head(v))",
     [2, 4, 6, 8, 10, 12]),
    ("idx-tail",
     "v = torch_tensor(seq(2, 20, by=2))\nas_array(tail(v))",
     [10, 12, 14, 16, 18, 20]),
    ("idx-head-matrix",
     "m = torch_tensor(matrix(seq(1, 20), ncol=2))\nas_array(head(m, n=2))",
     [[1, 11], [2, 12]]),
    ("idx-tail-matrix",
     "m = torch_tensor(matrix(seq(1, 20), ncol=2))\nas_array(tail(m, n=3))",
     [[8, 18], [9, 19], [10, 20]]),
    ("idx-clone-then-assign",
     "orig = torch_tensor(c(5.0, 6.0))\ncopy = orig.clone()\norig[2] = 0.0\n"
     "[as_array(orig), as_array(copy)]",
     [[5.0, 0.0], [5.0, 6.0]]),
    ("ir-torch-index",
     "m = torch_tensor(matrix(seq(1, 9), nrow=3))\n"
     "as_array(torch_index(m, [torch_tensor(c(1, 3)), torch_tensor(c(2, 3))]))",
     [4, 9]),
    ("ir-torch-index-put",
     "m = torch_zeros(3, 3)\n"
     "y = torch_index_put(m, [torch_tensor(c(2, 3)), torch_tensor(c(1, 3))], "
     "torch_tensor(7.0))\n[y[2, 1].item(), y[3, 3].item(), y.sum().item()]",
     [7.0, 7.0, 14.0]),
    ("ir-torch-index-put-inplace",
     "m = torch_zeros(3, 3)\n"
     "torch_index_put_(m, [torch_tensor(c(1, 2)), torch_tensor(c(3, 3))], "
     "torch_tensor(-1.0))\n[m[1, 3].item(), m[2, 3].item(), m.sum().item()]",
     [-1.0, -1.0, -2.0]),
]

# (case id, rtorch spelling, error class, text the message must contain)
ERROR_CASES = [
    ("idx-too-many-indices-error",
     "a = torch_zeros(2, 2, 2)\na[1, 1, 1, 1]",
     IndexError, "too many indices for tensor of dimension 3"),
    ("idx-zero-scalar-error",
     "m = torch_ones(2, 2)\nm[1, 0]",
     IndexError, "Indexing in R is 1-based and found a 0."),
    ("idx-zero-in-vector-error",
     "v = torch_tensor(c(5.0, 6.0, 7.0))\nv[c(2, 0, 3)]",
     IndexError, "Indexing in R is 1-based and found a 0."),
    ("idx-mask-plus-scalar-error",
     "m = torch_tensor(matrix(c(5.0, -1.0, -2.0, 6.0, 7.0, -3.0), nrow=2))\n"
     "m[m > 0, 2]",
     IndexError, "too many indices"),
    ("assign-two-tensor-indices-error",
     "m = torch_zeros(4, 4)\n"
     "m[torch_tensor(c(2, 4)), torch_tensor(c(1, 3))] = 5.0",
     IndexError, "Only one tensor is allowed in the index"),
    ("idx-long-tensor-zero-error",
     "m = torch_zeros(3, 3)\nm[:, torch_tensor(c(2, 0))]",
     IndexError, "Indexing starts at 1 but found a 0."),
    ("idx-null-tensor-subset-error",
     "e = torch_tensor(None)\ne[2]",
     IndexError, "index 2 is out of bounds for dimension 1 with size 0"),
    ("idx-empty-out-of-bounds-msg",
     "z = torch_zeros(2, 0)\nz[:, 1]",
     IndexError, "index 1 is out of bounds for dimension 2 with size 0"),
    ("idx-empty-out-of-bounds-neg-msg",
     "z = torch_zeros(0)\nz[-2]",
     IndexError, "index -2 is out of bounds for dimension 1 with size 0"),
]


def namespace() -> dict:
    """What ``from rtorch import *`` gives a ported script."""
    return {name: getattr(rtorch, name) for name in rtorch.__all__}


def run(code: str) -> object:
    """Run a case's code; return the value of its last line (None if a statement)."""
    tree = ast.parse(code)
    names = namespace()
    last = tree.body[-1]
    if isinstance(last, ast.Expr):
        exec(compile(ast.Module(tree.body[:-1], []), "<case>", "exec"), names)
        return eval(compile(ast.Expression(last.value), "<case>", "eval"), names)
    exec(compile(tree, "<case>", "exec"), names)
    return None


def plain(value: object) -> object:
    """Sizes, arrays and NumPy scalars as plain Python values."""
    if isinstance(value, torch.Size):
        return tuple(value)
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(plain(v) for v in value)
    return value


@pytest.mark.parametrize(("case", "code", "expected"), VALUE_CASES,
                         ids=[row[0] for row in VALUE_CASES])
def test_value_cases(case: str, code: str, expected: object) -> None:
    assert plain(run(code)) == expected


@pytest.mark.parametrize(("case", "code", "error", "text"), ERROR_CASES,
                         ids=[row[0] for row in ERROR_CASES])
def test_error_cases(case: str, code: str, error: type, text: str) -> None:
    with pytest.raises(RTorchError) as caught:
        run(code)
    assert isinstance(caught.value, error)
    assert text in str(caught.value)


def test_slice_prints_as_slice(capsys: pytest.CaptureFixture[str]) -> None:
    # idx-print-slice: print(slc(2, 4)) prints exactly '<slice>'.
    print(slc(2, 4))
    assert capsys.readouterr().out == "<slice>\n"


@pytest.mark.skipif(not SPEC.exists(), reason="spec folder not next to the repo")
def test_snippets_match_the_spec() -> None:
    spec = {}
    for line in SPEC.read_text().splitlines():
        row = json.loads(line)
        spec[row["id"]] = row["python"]
    for case, code, *_ in VALUE_CASES + ERROR_CASES:
        assert spec[case] == code, case
