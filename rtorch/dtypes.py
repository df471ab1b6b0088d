"""dtype objects as R torch shows them: ``torch_float()`` prints ``torch_Float``.

R torch equivalent: ``R/dtype.R``. A :class:`DType` wraps one ``torch.dtype``;
``==`` compares the types and refuses anything that is not a dtype, and
``is_floating_point`` is a field, not a method.

Example:
    >>> torch_float()
    torch_Float
    >>> torch_float64() == torch_double()
    True
"""

from __future__ import annotations

from collections.abc import Callable

import torch

from rtorch.errors import RTypeError, RValueError

__all__ = [
    "DType",
    "as_torch_dtype",
    "is_torch_dtype",
    "torch_get_default_dtype",
    "torch_set_default_dtype",
    "torch_finfo",
    "torch_iinfo",
    *(
        f"torch_{name}"
        for name in (
            "float",
            "float32",
            "double",
            "float64",
            "half",
            "float16",
            "bfloat16",
            "uint8",
            "int8",
            "int16",
            "short",
            "int32",
            "int",
            "int64",
            "long",
            "bool",
            "chalf",
            "cfloat32",
            "cfloat",
            "cfloat64",
            "cdouble",
            "cfloat128",
            "quint8",
            "qint8",
            "qint32",
            "float8_e4m3fn",
            "float8_e5m2",
        )
    ),
]


class DType:
    """An R torch dtype object around a ``torch.dtype``.

    R torch equivalent: the ``torch_dtype`` R7 class.

    Attributes:
        torch: The wrapped ``torch.dtype`` (the way out to PyTorch).
    """

    __slots__ = ("torch",)

    def __init__(self, dtype: torch.dtype) -> None:
        self.torch = dtype

    @property
    def is_floating_point(self) -> bool:
        """Whether the dtype is a real floating type (a field, as in R torch)."""
        return self.torch.is_floating_point

    def type_name(self) -> str:
        """The c10 name, e.g. ``"Float"`` (R: ``as.character(dtype)``)."""
        return _C10_NAMES.get(self.torch) or str(self.torch).removeprefix("torch.")

    def __repr__(self) -> str:
        return f"torch_{self.type_name()}"

    __str__ = __repr__  # print() shows what R's print() shows

    def __eq__(self, other: object) -> bool:
        # R torch rule: comparing a dtype with a non-dtype is an error, not FALSE.
        if isinstance(other, DType):
            return self.torch == other.torch
        if isinstance(other, torch.dtype):
            return self.torch == other
        raise RTypeError(
            "One of the objects is not a dtype. Comparison is not possible. "
            f"Got {type(other).__name__} {other!r}; compare with a dtype such as "
            "torch_float()."
        )

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash(self.torch)


def is_torch_dtype(x: object) -> bool:
    """Whether ``x`` is a dtype object (R: ``is_torch_dtype(x)``)."""
    return isinstance(x, DType)


def as_torch_dtype(dtype: DType | torch.dtype | str | None) -> torch.dtype | None:
    """Resolve a dtype argument the way R torch does: object, string or NULL.

    Args:
        dtype: A :class:`DType`, a ``torch.dtype``, one of R torch's dtype
            strings (``"float"``, ``"long"``, ``"half"`` …) or ``None``.

    Returns:
        The ``torch.dtype``, or ``None`` when ``dtype`` is ``None``.

    Raises:
        RValueError: For an unknown string (R torch: ``unknown type``).
        RTypeError: For any other kind of object.
    """
    if dtype is None:
        return None
    if isinstance(dtype, DType):
        return dtype.torch
    if isinstance(dtype, torch.dtype):
        return dtype
    if isinstance(dtype, str):
        try:
            return _FROM_STRING[dtype]
        except KeyError:
            raise RValueError(
                f"Error unknown type {dtype!r}: use one of "
                f"{', '.join(sorted(_FROM_STRING))}, or a dtype object such as "
                "torch_float()."
            ) from None
    raise RTypeError(
        f"dtype must be a dtype object such as torch_float() or a string such as "
        f"'float', not {type(dtype).__name__} {dtype!r}."
    )


def torch_get_default_dtype() -> DType:
    """The dtype factory functions use for floats (R: same name).

    Example:
        >>> torch_get_default_dtype()
        torch_Float
    """
    return DType(torch.get_default_dtype())


def torch_set_default_dtype(d: DType | str) -> None:
    """Change the float dtype of factory functions (R: same name).

    Like R torch, this does not change :func:`torch_tensor` of Python floats,
    which stays float32.
    """
    torch.set_default_dtype(as_torch_dtype(d))


def torch_finfo(dtype: DType | str) -> torch.finfo:
    """Machine limits of a floating dtype (R: ``torch_finfo(dtype)$eps``)."""
    return torch.finfo(as_torch_dtype(dtype))


def torch_iinfo(dtype: DType | str) -> torch.iinfo:
    """Machine limits of an integer dtype (R: ``torch_iinfo(dtype)$bits``)."""
    return torch.iinfo(as_torch_dtype(dtype))


def _constructor(name: str, dtype: torch.dtype) -> Callable[[], DType]:
    def make() -> DType:
        return DType(dtype)

    make.__name__ = make.__qualname__ = name
    make.__doc__ = (
        f"The {_C10_NAMES[dtype]} dtype (R torch: ``{name}()``).\n\n"
        f"Example:\n    >>> {name}()\n    torch_{_C10_NAMES[dtype]}\n"
    )
    return make


_C10_NAMES: dict[torch.dtype, str] = {
    torch.float32: "Float",
    torch.float64: "Double",
    torch.float16: "Half",
    torch.bfloat16: "BFloat16",
    torch.uint8: "Byte",
    torch.int8: "Char",
    torch.int16: "Short",
    torch.int32: "Int",
    torch.int64: "Long",
    torch.bool: "Bool",
    torch.complex32: "ComplexHalf",
    torch.complex64: "ComplexFloat",
    torch.complex128: "ComplexDouble",
    torch.quint8: "QUInt8",
    torch.qint8: "QInt8",
    torch.qint32: "QInt32",
    torch.float8_e4m3fn: "Float8_e4m3fn",
    torch.float8_e5m2: "Float8_e5m2",
    # dtypes R torch has no constructor for, named as c10 names them.
    torch.uint16: "UInt16",
    torch.uint32: "UInt32",
    torch.uint64: "UInt64",
    torch.float8_e4m3fnuz: "Float8_e4m3fnuz",
    torch.float8_e5m2fnuz: "Float8_e5m2fnuz",
}

# R torch's dtype strings (src/lantern/src/Dtype.cpp); matching is case-sensitive.
_FROM_STRING: dict[str, torch.dtype] = {
    "float": torch.float32,
    "float32": torch.float32,
    "float64": torch.float64,
    "double": torch.float64,
    "float16": torch.float16,
    "half": torch.float16,
    "bfloat16": torch.bfloat16,
    "complex32": torch.complex32,
    "chalf": torch.complex32,
    "complex64": torch.complex64,
    "cfloat": torch.complex64,
    "complex128": torch.complex128,
    "cdouble": torch.complex128,
    "uint8": torch.uint8,
    "int8": torch.int8,
    "int16": torch.int16,
    "short": torch.int16,
    "int32": torch.int32,
    "int": torch.int32,
    "int64": torch.int64,
    "long": torch.int64,
    "bool": torch.bool,
    "quint8": torch.quint8,
    "qint8": torch.qint8,
    "qint32": torch.qint32,
    "float8_e4m3fn": torch.float8_e4m3fn,
    "float8_e5m2": torch.float8_e5m2,
}

# R torch's constructor names (R/dtype.R); torch_cfloat32() is complex32, not complex64.
torch_float = _constructor("torch_float", torch.float32)
torch_float32 = _constructor("torch_float32", torch.float32)
torch_double = _constructor("torch_double", torch.float64)
torch_float64 = _constructor("torch_float64", torch.float64)
torch_half = _constructor("torch_half", torch.float16)
torch_float16 = _constructor("torch_float16", torch.float16)
torch_bfloat16 = _constructor("torch_bfloat16", torch.bfloat16)
torch_uint8 = _constructor("torch_uint8", torch.uint8)
torch_int8 = _constructor("torch_int8", torch.int8)
torch_int16 = _constructor("torch_int16", torch.int16)
torch_short = _constructor("torch_short", torch.int16)
torch_int32 = _constructor("torch_int32", torch.int32)
torch_int = _constructor("torch_int", torch.int32)
torch_int64 = _constructor("torch_int64", torch.int64)
torch_long = _constructor("torch_long", torch.int64)
torch_bool = _constructor("torch_bool", torch.bool)
torch_chalf = _constructor("torch_chalf", torch.complex32)
torch_cfloat32 = _constructor("torch_cfloat32", torch.complex32)
torch_cfloat = _constructor("torch_cfloat", torch.complex64)
torch_cfloat64 = _constructor("torch_cfloat64", torch.complex64)
torch_cdouble = _constructor("torch_cdouble", torch.complex128)
torch_cfloat128 = _constructor("torch_cfloat128", torch.complex128)
torch_quint8 = _constructor("torch_quint8", torch.quint8)
torch_qint8 = _constructor("torch_qint8", torch.qint8)
torch_qint32 = _constructor("torch_qint32", torch.qint32)
torch_float8_e4m3fn = _constructor("torch_float8_e4m3fn", torch.float8_e4m3fn)
torch_float8_e5m2 = _constructor("torch_float8_e5m2", torch.float8_e5m2)
