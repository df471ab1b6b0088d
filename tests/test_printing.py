"""R torch's printed form of tensors (spec section 10, DECISIONS 5).

Inputs are raw torch tensors built to match the R inputs (R matrices and arrays
fill column-major); expected strings are transcribed from the spec's cases and
section 10.1, never produced by running rtorch.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

import rtorch as rt
from rtorch import printing
from rtorch.printing import (
    TRUNCATION_NOTE,
    format_tensor,
    format_undefined,
    tensor_type_name,
)

F32, F64, I64 = torch.float32, torch.float64, torch.int64


def r_array(data: list, dim: tuple[int, ...], dtype: torch.dtype) -> torch.Tensor:
    """Like R's ``array(data, dim)``: filled column-major."""
    return torch.tensor(np.array(data).reshape(dim, order="F"), dtype=dtype)


def values(first: int, last: int, width: int = 3) -> list[str]:
    return [f"{i:>{width}}" for i in range(first, last + 1)]


def text(*lines: str) -> str:
    return "\n".join(lines)


def grad_exp() -> torch.Tensor:
    return torch.exp(torch.tensor([0.0, 1.0, 2.0], requires_grad=True))


def grad_log() -> torch.Tensor:
    return torch.log(torch.tensor([1.0, 2.0, 3.0], requires_grad=True))


def complex_leaf() -> torch.Tensor:
    return torch.complex(torch.ones(2), torch.ones(2)).requires_grad_(True)


def readme_grad() -> torch.Tensor:
    a = torch.tensor([4.0], requires_grad=True)
    k = torch.tensor([5.0], requires_grad=True)
    (k * a + torch.tensor([7.0], requires_grad=True)).backward()
    return a.grad


COMPLEX = "ℹ Use `$real` or `$imag` to print the contents of this tensor."

GOLDEN = [
    # (source, tensor builder, n, expected text)
    ("print-truncated-default", lambda: torch.arange(1.0, 41.0), 30,
     text("torch_tensor", *values(1, 30), TRUNCATION_NOTE, "[ CPUFloatType{40} ]")),
    ("print-not-truncated-25", lambda: torch.arange(1.0, 30.0), 30,
     text("torch_tensor", *values(1, 29), "[ CPUFloatType{29} ]")),
    ("print-n-50", lambda: torch.arange(1.0, 61.0), 45,
     text("torch_tensor", *values(1, 45), TRUNCATION_NOTE, "[ CPUFloatType{60} ]")),
    ("print-n-minus-1", lambda: torch.arange(1.0, 36.0), -1,
     text("torch_tensor", *values(1, 35), "[ CPUFloatType{35} ]")),
    ("print-float-vector", lambda: torch.tensor([7.0, 8.0, 9.0, 10.0]), 30,
     text("torch_tensor", "  7", "  8", "  9", " 10", "[ CPUFloatType{4} ]")),
    ("print-requires-grad",
     lambda: torch.tensor([5.0, 6.0], requires_grad=True), 30,
     text("torch_tensor", " 5", " 6", "[ CPUFloatType{2} ][ requires_grad = TRUE ]")),
    ("print-grad-fn", grad_exp, 30,
     text("torch_tensor", " 1.0000", " 2.7183", " 7.3891",
          "[ CPUFloatType{3} ][ grad_fn = <ExpBackward0> ]")),
    ("print-complex",
     lambda: torch.complex(torch.ones(2, 3), torch.zeros(2, 3)), 30,
     text("torch_tensor", COMPLEX, "[ CPUComplexFloatType{2,3} ]")),
    ("print-complex-requires-grad", complex_leaf, 30,
     text("torch_tensor", COMPLEX,
          "[ CPUComplexFloatType{2} ][ requires_grad = TRUE ]")),
    ("print-complex-grad-fn", lambda: complex_leaf() + complex_leaf(), 30,
     text("torch_tensor", COMPLEX,
          "[ CPUComplexFloatType{2} ][ grad_fn = <AddBackward0> ]")),
    ("print-meta", lambda: torch.zeros(3, 2, device="meta"), 30,
     text("torch_tensor", "...", "[ METAFloatType{3,2} ]")),
    ("print-csr", lambda: torch.eye(2).to_sparse_csr(), 30,
     text("torch_tensor", " 1  0", " 0  1", "[ CPUFloatType{2,2} ]")),
    ("print-readme-3d-float64",
     lambda: r_array([0.25, 0.5, 0.125, 1, 0.75, 0.375, 0.625, 0.875], (2, 2, 2), F64),
     30,
     text("torch_tensor", "(1,.,.) = ", "  0.2500  0.7500", "  0.1250  0.6250", "",
          "(2,.,.) = ", "  0.5000  0.3750", "  1.0000  0.8750",
          "[ CPUDoubleType{2,2,2} ]")),
    ("ag-readme-grads", readme_grad, 30,
     text("torch_tensor", " 5", "[ CPUFloatType{1} ]")),
    ("spec 10.1 first example", lambda: torch.tensor([1, 2, 3]), 30,
     text("torch_tensor", " 1", " 2", " 3", "[ CPULongType{3} ]")),
    ("spec 10.1 grad_fn example", grad_log, 30,
     text("torch_tensor", " 0.0000", " 0.6931", " 1.0986",
          "[ CPUFloatType{3} ][ grad_fn = <LogBackward0> ]")),
    ("spec 10.1 scientific", lambda: torch.tensor([123456.7, 1.5]), 30,
     text("torch_tensor", " 1.2346e+05", " 1.5000e+00", "[ CPUFloatType{2} ]")),
    ("spec 10.1 scale 1000000", lambda: torch.tensor([1234567.5, 200000.5]), 30,
     text("torch_tensor", "1000000 *", " 1.2346", " 0.2000", "[ CPUFloatType{2} ]")),
    ("spec 10.1 scale 0.001", lambda: torch.tensor([0.001, 0.002]), 30,
     text("torch_tensor", "0.001 *", " 1.0000", " 2.0000", "[ CPUFloatType{2} ]")),
    ("spec 2.3 matrix(1:6, nrow = 2)", lambda: r_array(range(1, 7), (2, 3), I64), 30,
     text("torch_tensor", " 1  3  5", " 2  4  6", "[ CPULongType{2,3} ]")),
    ("spec 10.1 integer64 1e10", lambda: torch.tensor([10**10]), 30,
     text("torch_tensor", " 1.0000e+10", "[ CPULongType{1} ]")),
    ("spec 10.1 bool prints 1/0", lambda: torch.tensor([True, False]), 30,
     text("torch_tensor", " 1", " 0", "[ CPUBoolType{2} ]")),
    ("spec 10.1 0..99 width 3", lambda: torch.arange(0.0, 100.0), -1,
     text("torch_tensor", *values(0, 99), "[ CPUFloatType{100} ]")),
    ("spec 10.1 nan and inf", lambda: torch.tensor([1, float("nan"), np.inf, -np.inf]),
     30, text("torch_tensor", " 1", "nan", "inf", "-inf", "[ CPUFloatType{4} ]")),
    ("spec 10.1 exponent > 99 widens to 12",
     lambda: torch.tensor([1e-120, 1.5], dtype=F64), 30,
     text("torch_tensor", " 1.0000e-120", "  1.5000e+00", "[ CPUDoubleType{2} ]")),
    ("spec 10.1 signed largest value", lambda: torch.tensor([1.5, -123456.5]), 30,
     text("torch_tensor", " 1.5000", "-123456.5000", "[ CPUFloatType{2} ]")),
    # libtorch starts the running largest value at |first finite value|.
    ("libtorch largest starts at |first|", lambda: torch.tensor([-123456.5, 1.5]), 30,
     text("torch_tensor", "-1.2346e+05", " 1.5000e+00", "[ CPUFloatType{2} ]")),
    ("spec 10.1 empty {0}", lambda: torch.zeros(0), 30,
     text("torch_tensor", "[ CPUFloatType{0} ]")),
    ("spec 10.1 empty {2,0}", lambda: torch.zeros(2, 0), 30,
     text("torch_tensor", "[ CPUFloatType{2,0} ]")),
    ("spec 10.1 0-d has {}", lambda: torch.tensor(2.5), 30,
     text("torch_tensor", "2.5", "[ CPUFloatType{} ]")),
    ("spec 10.1 3-d, DECISIONS 5 indent", lambda: r_array(range(1, 9), (2, 2, 2), I64),
     30,
     text("torch_tensor", "(1,.,.) = ", "  1  5", "  3  7", "", "(2,.,.) = ",
          "  2  6", "  4  8", "[ CPULongType{2,2,2} ]")),
    ("spec 10.1 truncation counts n-d headers and blank lines",
     lambda: r_array(range(1, 9), (2, 2, 2), I64), 4,
     text("torch_tensor", "(1,.,.) = ", "  1  5", "  3  7", "", TRUNCATION_NOTE,
          "[ CPULongType{2,2,2} ]")),
    ("spec 10.1 n = 1 does not truncate", lambda: torch.tensor([1, 2, 3]), 1,
     text("torch_tensor", " 1", " 2", " 3", "[ CPULongType{3} ]")),
    ("DECISIONS 5 scale-line quirk",
     lambda: r_array([0.001, 0.002, 0.003, 0.004], (2, 2), F32), 30,
     text("torch_tensor", "0.001 *", " 1.0000  3.0000", "  2.0000  4.0000",
          "[ CPUFloatType{2,2} ]")),
    ("DECISIONS 5 scale-line quirk in a slice",
     lambda: r_array([0.001, 0.002, 0.003, 0.004], (1, 2, 2), F32), 30,
     text("torch_tensor", "(1,.,.) = ", "0.001 *", "  1.0000  3.0000",
          "   2.0000  4.0000", "[ CPUFloatType{1,2,2} ]")),
    ("spec 10.1 Columns blocks at 80 columns",
     lambda: torch.arange(0.5, 12.5, 0.5).reshape(2, 12), 30,
     text("torch_tensor",
          "Columns 1 to 8  0.5000   1.0000   1.5000   2.0000   2.5000   3.0000"
          "   3.5000   4.0000",
          "  6.5000   7.0000   7.5000   8.0000   8.5000   9.0000   9.5000  10.0000",
          "",
          "Columns 9 to 12  4.5000   5.0000   5.5000   6.0000",
          " 10.5000  11.0000  11.5000  12.0000",
          "[ CPUFloatType{2,12} ]")),
    ("spec 10.1 sparse COO layout, indices 0-based",
     lambda: torch.eye(3).to_sparse(), 30,
     text("torch_tensor", "[ SparseCPUFloatType{}", "indices:", " 0  1  2", " 0  1  2",
          "[ CPULongType{2,3} ]", "values:", " 1", " 1", " 1", "[ CPUFloatType{3} ]",
          "size:", "[3, 3]", "]")),
    # libtorch walks the leading dims with the first index varying fastest.
    ("libtorch 4-d slice order",
     lambda: torch.tensor([[[[1]], [[2]]], [[[3]], [[4]]]]), 30,
     text("torch_tensor", "(1,1,.,.) = ", "  1", "", "(2,1,.,.) = ", "  3", "",
          "(1,2,.,.) = ", "  2", "", "(2,2,.,.) = ", "  4",
          "[ CPULongType{2,2,1,1} ]")),
    # Integer mode prints %g (6 significant digits), so 7 digits go exponential.
    ("spec 10.1 integer mode is %g", lambda: torch.tensor([1234567]), 30,
     text("torch_tensor", "1.23457e+06", "[ CPULongType{1} ]")),
    # 2.8's fmt '{}' (shortest round trip), as for the scale line.
    ("spec 10.1 0-d float32 value", lambda: torch.tensor(1 / 3), 30,
     text("torch_tensor", "0.3333333432674408", "[ CPUFloatType{} ]")),
]


@pytest.mark.parametrize(
    ("build", "n", "expected"),
    [pytest.param(build, n, want, id=source) for source, build, n, want in GOLDEN],
)
def test_golden_text(build, n, expected) -> None:
    assert format_tensor(build(), n=n) == expected


def test_quantized_tensor_is_a_named_gap() -> None:
    quantized = torch.quantize_per_tensor(torch.ones(2), 0.1, 0, torch.qint8)

    with pytest.raises(rt.RNotImplementedError, match=r"quantized.*dequantize\(\)"):
        format_tensor(quantized)


def test_undefined_tensor() -> None:
    assert format_undefined() == "torch_tensor\n[ Tensor (undefined) ]"


@pytest.mark.parametrize(
    ("tensor", "expected"),
    [
        (torch.zeros(1), "CPUFloatType"),
        (torch.zeros(1, dtype=F64), "CPUDoubleType"),
        (torch.zeros(1, dtype=I64), "CPULongType"),
        (torch.zeros(1, dtype=torch.int32), "CPUIntType"),
        (torch.zeros(1, dtype=torch.int16), "CPUShortType"),
        (torch.zeros(1, dtype=torch.int8), "CPUCharType"),
        (torch.zeros(1, dtype=torch.uint8), "CPUByteType"),
        (torch.zeros(1, dtype=torch.bool), "CPUBoolType"),
        (torch.zeros(1, dtype=torch.float16), "CPUHalfType"),
        (torch.zeros(1, dtype=torch.bfloat16), "CPUBFloat16Type"),
        (torch.zeros(1, dtype=torch.complex64), "CPUComplexFloatType"),
        (torch.zeros(1, device="meta"), "METAFloatType"),
        (torch.eye(2).to_sparse(), "SparseCPUFloatType"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_footer_type_name(tensor: torch.Tensor, expected: str) -> None:
    """Spec 10.1 footer names (and 8.2 for META, 10.1 for the sparse header)."""
    assert tensor_type_name(tensor) == expected


@pytest.mark.parametrize(
    "tensor",
    [
        torch.linspace(-3.0, 7.0, 5000),
        torch.arange(300 * 3 * 7, dtype=F64).reshape(300, 3, 7) / 7,
        torch.arange(40 * 200, dtype=I64).reshape(40, 200),
    ],
    ids=["vector", "3-d", "wide matrix"],
)
def test_truncated_text_is_head_of_full_text(tensor: torch.Tensor) -> None:
    """Spec 10.1: truncation keeps the first n lines of the full text."""
    full = format_tensor(tensor, n=-1).split("\n")
    footer = full[-1]

    shown = format_tensor(tensor, n=30).split("\n")

    assert shown == [*full[:31], TRUNCATION_NOTE, footer]


class _HostTransfers:
    """Counts the elements that rtorch.printing moves to the host."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.elements = 0
        original = printing._to_host

        def counting(t: torch.Tensor) -> torch.Tensor:
            self.elements += t.numel()
            return original(t)

        monkeypatch.setattr(printing, "_to_host", counting)


@pytest.mark.parametrize(
    ("shape", "most_elements"),
    [
        ((10_000_000,), 31 + 5),
        ((2_000, 5_000), 31 * 10 + 5),
        ((100_000, 3, 40), 8 * (5 + 3 * 10)),
    ],
    ids=["vector", "matrix", "3-d"],
)
def test_large_tensor_moves_only_printed_values(
    monkeypatch: pytest.MonkeyPatch, shape: tuple[int, ...], most_elements: int
) -> None:
    """Only the shown slices (and a few statistics) leave the tensor's device."""
    tensor = torch.rand(shape) + 1
    transfers = _HostTransfers(monkeypatch)

    shown = format_tensor(tensor)

    assert shown.split("\n")[-2] == TRUNCATION_NOTE
    assert 0 < transfers.elements <= most_elements


def test_print_everything_moves_the_whole_tensor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tensor = torch.rand(50_000)
    transfers = _HostTransfers(monkeypatch)

    shown = format_tensor(tensor, n=-1)

    assert len(shown.split("\n")) == 50_000 + 2
    assert transfers.elements >= tensor.numel()


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
def test_cuda_tensor_prints_cuda_footer_without_whole_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Spec 10.1: CUDA footer; the big tensor stays on the device."""
    big = torch.arange(1.0, 20_000_001.0, device="cuda")
    transfers = _HostTransfers(monkeypatch)

    shown = format_tensor(big)

    assert shown.endswith(TRUNCATION_NOTE + "\n[ CUDAFloatType{20000000} ]")
    assert shown.split("\n")[1] == "        1"
    assert transfers.elements <= 31 + 5
    assert format_tensor(torch.tensor([5.0], device="cuda")) == text(
        "torch_tensor", " 5", "[ CUDAFloatType{1} ]"
    )


def _readme_grads_script() -> None:
    a = rt.torch_tensor(4.0, requires_grad=True)
    k = rt.torch_tensor(5.0, requires_grad=True)
    c0 = rt.torch_tensor(7.0, requires_grad=True)
    out = k * a + c0
    out.backward()
    print(a.grad)


def _public_api_cases() -> list:
    """The cases' rtorch spellings, run through the public API."""
    grad_leaf = rt.torch_tensor(rt.c(0.0, 1.0, 2.0), requires_grad=True)
    readme = rt.array(rt.c(0.25, 0.5, 0.125, 1.0, 0.75, 0.375, 0.625, 0.875),
                      dim=rt.c(2, 2, 2))
    return [
        ("print-float-vector",
         lambda: print(rt.torch_tensor(rt.c(7.0, 8.0, 9.0, 10.0))),
         text("torch_tensor", "  7", "  8", "  9", " 10", "[ CPUFloatType{4} ]")),
        ("print-grad-fn", lambda: print(rt.torch_exp(grad_leaf)),
         text("torch_tensor", " 1.0000", " 2.7183", " 7.3891",
              "[ CPUFloatType{3} ][ grad_fn = <ExpBackward0> ]")),
        ("print-n-50", lambda: rt.torch_arange(1.0, 60.0).print(n=45),
         text("torch_tensor", *values(1, 45), TRUNCATION_NOTE,
              "[ CPUFloatType{60} ]")),
        ("print-readme-3d-float64",
         lambda: print(rt.torch_tensor(readme, dtype=rt.torch_float64())),
         text("torch_tensor", "(1,.,.) = ", "  0.2500  0.7500", "  0.1250  0.6250",
              "", "(2,.,.) = ", "  0.5000  0.3750", "  1.0000  0.8750",
              "[ CPUDoubleType{2,2,2} ]")),
        ("spec 2.3 matrix(1:6, nrow = 2)",
         lambda: print(rt.torch_tensor(rt.matrix(rt.seq(1, 6), nrow=2))),
         text("torch_tensor", " 1  3  5", " 2  4  6", "[ CPULongType{2,3} ]")),
        ("print-meta", lambda: print(rt.torch_zeros(3, 2, device="meta")),
         text("torch_tensor", "...", "[ METAFloatType{3,2} ]")),
        ("print-complex",
         lambda: print(rt.torch_complex(rt.torch_ones(2, 3), rt.torch_zeros(2, 3))),
         text("torch_tensor", COMPLEX, "[ CPUComplexFloatType{2,3} ]")),
        ("ag-readme-grads", _readme_grads_script,
         text("torch_tensor", " 5", "[ CPUFloatType{1} ]")),
    ]


@pytest.mark.parametrize(
    ("script", "expected"),
    [pytest.param(run, want, id=source) for source, run, want in _public_api_cases()],
)
def test_public_api_prints(script, expected, capsys: pytest.CaptureFixture) -> None:
    script()

    assert capsys.readouterr().out == expected + "\n"
