"""dtype and device objects (semantics 8, `dtype` and `device` cases)."""

from __future__ import annotations

import pytest
import torch

import rtorch
from rtorch import (
    as_character,
    backends_mps_is_available,
    cuda_get_device_capability,
    cuda_is_available,
    is_torch_dtype,
    length,
    torch_device,
    torch_empty,
    torch_get_default_dtype,
    torch_ones,
    torch_rand,
    torch_set_default_dtype,
    torch_tensor,
    torch_zeros,
    with_device,
)
from rtorch.errors import RTypeError, RValueError

CONSTRUCTORS = [
    ("torch_float", "Float"),
    ("torch_float32", "Float"),
    ("torch_double", "Double"),
    ("torch_float64", "Double"),
    ("torch_half", "Half"),
    ("torch_float16", "Half"),
    ("torch_bfloat16", "BFloat16"),
    ("torch_uint8", "Byte"),
    ("torch_int8", "Char"),
    ("torch_int16", "Short"),
    ("torch_short", "Short"),
    ("torch_int32", "Int"),
    ("torch_int", "Int"),
    ("torch_int64", "Long"),
    ("torch_long", "Long"),
    ("torch_bool", "Bool"),
    ("torch_chalf", "ComplexHalf"),
    ("torch_cfloat32", "ComplexHalf"),
    ("torch_cfloat", "ComplexFloat"),
    ("torch_cfloat64", "ComplexFloat"),
    ("torch_cdouble", "ComplexDouble"),
    ("torch_cfloat128", "ComplexDouble"),
    ("torch_quint8", "QUInt8"),
    ("torch_qint8", "QInt8"),
    ("torch_qint32", "QInt32"),
    ("torch_float8_e4m3fn", "Float8_e4m3fn"),
    ("torch_float8_e5m2", "Float8_e5m2"),
]


@pytest.mark.parametrize(("name", "c10"), CONSTRUCTORS)
def test_dtype_constructors_print_as_r_torch(name, c10):
    # 8.1: print(torch_float()) shows torch_Float; as.character gives "Float".
    d = getattr(rtorch, name)()
    assert is_torch_dtype(d)
    assert repr(d) == f"torch_{c10}"
    assert as_character(d) == c10


def test_dtype_equality():
    # dtype-equality
    assert rtorch.torch_float64() == rtorch.torch_double()
    assert not rtorch.torch_long() == rtorch.torch_int()
    assert not rtorch.torch_int64() != rtorch.torch_long()
    assert rtorch.torch_half() != rtorch.torch_bfloat16()


def test_comparing_a_dtype_with_a_non_dtype_is_an_error():
    # dtype-compare-null-error
    with pytest.raises(RTypeError, match="One of the objects is not a dtype"):
        rtorch.torch_int() == "int"  # noqa: B015


def test_is_floating_point_is_a_field():
    # dtype-is-floating-point
    assert rtorch.torch_double().is_floating_point
    assert rtorch.torch_float16().is_floating_point
    assert not rtorch.torch_uint8().is_floating_point
    assert not rtorch.torch_int64().is_floating_point


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("float32", "Float"),
        ("float", "Float"),
        ("float64", "Double"),
        ("double", "Double"),
        ("float16", "Half"),
        ("half", "Half"),
        ("bfloat16", "BFloat16"),
        ("uint8", "Byte"),
        ("int8", "Char"),
        ("int16", "Short"),
        ("short", "Short"),
        ("int32", "Int"),
        ("int", "Int"),
        ("int64", "Long"),
        ("long", "Long"),
        ("bool", "Bool"),
    ],
)
def test_dtype_strings(text, name):
    # dtype-strings
    assert as_character(torch_empty(2, dtype=text).dtype) == name


def test_unknown_dtype_string():
    # 2.4: anything else errors "unknown type"; matching is case-sensitive.
    with pytest.raises(RValueError, match="unknown type 'Float'"):
        torch_empty(2, dtype="Float")


def test_default_dtype():
    # dtype-default, dtype-set-default; 2.5: torch_tensor(<double>) stays float32.
    assert torch_get_default_dtype() == rtorch.torch_float32()
    torch_set_default_dtype(rtorch.torch_double())
    assert torch_rand(2).dtype == rtorch.torch_double()
    assert torch_tensor(1.5).dtype == rtorch.torch_float()


def test_element_size_and_conversions():
    # dtype-element-size, dtype-half-method, dtype-bool-method
    e = torch_zeros(2, dtype=rtorch.torch_float64()).element_size()
    assert e == 8 and isinstance(e, int)
    assert torch_ones(3).half().dtype == rtorch.torch_float16()
    assert rtorch.as_array(torch_tensor(rtorch.c(0.0, -2.5, 3.0)).bool()).tolist() == [
        False,
        True,
        True,
    ]


@pytest.mark.parametrize(
    ("device", "text", "shown"),
    [
        (torch_device("cpu"), "cpu", "torch_device(type='cpu')"),
        (torch_device("meta"), "meta", "torch_device(type='meta')"),  # print-device
        (torch_device("cuda", 1), "cuda:1", "torch_device(type='cuda', index=1)"),
        (
            torch_device(type="cpu", index=0),
            "cpu:0",
            "torch_device(type='cpu', index=0)",
        ),
    ],
)
def test_device_printing(device, text, shown):
    # 8.2 and DECISIONS 5: no trailing space, as the book prints.
    assert repr(device) == shown
    assert as_character(device) == text


def test_device_fields():
    # device-cuda-no-index, device-cuda-colon-index, device-cuda-index-arg
    d = torch_device(type="cuda")
    assert (d.type, d.index) == ("cuda", None)
    assert torch_device("cuda:2").index == 2
    assert torch_device("cuda", 3).index == 3
    assert length(torch_device("meta")) == 1  # device-length
    with pytest.raises(RValueError, match="not both"):
        torch_device("cuda:1", 1)


def test_device_comparison():
    # device-compare; comparing with a non-device is an error.
    a = torch_zeros(2, device="meta")
    b = torch_ones(3, device="meta")
    assert a.device == b.device
    assert not a.device == torch_device("cpu")
    with pytest.raises(RTypeError, match="not a torch_device"):
        a.device == "meta"  # noqa: B015


def test_string_devices_and_cpu_default():
    # device-string-arg, conv-default-device-cpu, device-is-cuda-field
    assert torch_ones(2, device="cpu").device.type == "cpu"
    assert torch_tensor(rtorch.c(1, 2), device="cpu").device.type == "cpu"
    assert torch_tensor(rtorch.c(1, 2)).device.type == "cpu"
    assert torch_ones(2).is_cuda is False


def test_with_device_scopes_nest():
    # device-with-device
    with with_device(device="meta"):
        outer = torch_zeros(2)
        with with_device(device="cpu"):
            inner = torch_zeros(2)
        tensor_in_scope = torch_tensor(rtorch.c(1.0))
    later = torch_zeros(2)
    assert (outer.device.type, inner.device.type, later.device.type) == (
        "meta",
        "cpu",
        "cpu",
    )
    assert tensor_in_scope.device.type == "meta"


def test_to_converts_dtype_and_device():
    # conv-to-strings, conv-to-other
    w = torch_ones(2, 2).to(dtype="float16", device="meta")
    assert w.dtype == rtorch.torch_half() and w.device == torch_device("meta")
    a = torch_tensor(rtorch.c(1.7, 2.2))
    assert a.to(other=torch_tensor(0)).dtype == rtorch.torch_long()
    assert a.to(rtorch.torch_int()).dtype == rtorch.torch_int()  # first arg is dtype
    with pytest.raises(RValueError, match="other"):
        a.to(dtype="double", other=torch_tensor(0))


def test_cuda_method_refuses_a_non_cuda_device():
    # 8.2: x$cuda(device) with a non-cuda device -> "You must pass a cuda device."
    with pytest.raises(RValueError, match="You must pass a cuda device"):
        torch_ones(2).cuda(device="cpu")


def test_availability_functions_answer():
    assert cuda_is_available() is torch.cuda.is_available()
    assert backends_mps_is_available() is torch.backends.mps.is_available()


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
class TestCuda:
    """The CUDA paths; they run on a machine with a GPU."""

    def test_cuda_tensor_lands_on_index_0(self):
        # device-cuda-tensor-index0
        g = torch_zeros(3, device="cuda")
        assert (g.device.type, g.device.index) == ("cuda", 0)

    def test_cuda_and_cpu_methods(self):
        # device-cuda-cpu-methods
        g = torch_ones(2).cuda()
        assert (g.device.type, g.cuda().device.type, g.cpu().device.type) == (
            "cuda",
            "cuda",
            "cpu",
        )
        assert g.is_cuda

    def test_capability_uses_0_based_devices(self):
        # device-capability-error
        with pytest.raises(RValueError, match="device must be an integer between 0"):
            cuda_get_device_capability(rtorch.cuda_device_count())

    def test_as_array_copies_from_the_gpu(self):
        g = torch_tensor(rtorch.c(1.5, 2.5), device="cuda")
        assert rtorch.as_array(g).tolist() == [1.5, 2.5]


@pytest.mark.skipif(not torch.backends.mps.is_available(), reason="needs Apple MPS")
def test_mps_tensor():
    m = torch_ones(2, device="mps")
    assert m.device.type == "mps"
    assert rtorch.as_array(m).tolist() == [1.0, 1.0]
