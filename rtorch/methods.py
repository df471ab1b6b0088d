"""Tensor methods with no 1-based argument, bound once at import.

Most of R torch's ``$`` methods take no dimension or index argument and pass
every value straight to libtorch (``x$exp()``, ``x$add(y)``, ``x$mul_(2)``,
``x$clamp(min = 0)``). Those are bound here from PyTorch's own operator
schemas: a method is *plain* when none of its ATen overloads has an argument
that R torch treats as a dimension or index (semantics 5.2 and 6), and it is
not one of the methods whose *result* holds indices. In-place methods (a
trailing ``_``) return the same object, as in R torch.

Methods that do take dims or indices are written by hand on
:class:`rtorch.tensor.Tensor` (with 1-based translation); any other missing
name raises :class:`~rtorch.errors.RNotImplementedError` naming it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch

from rtorch._facade import TensorBase
from rtorch.devices import Device
from rtorch.dtypes import DType
from rtorch.errors import RNotImplementedError, translate_torch_error
from rtorch.tensor import Tensor, wrap
from rtorch.values import RList

__all__ = ["bind_plain_methods", "plain_method_names"]

# R torch rule (semantics 5.2): arguments with these names are dims or indices.
_ROLE_ARGUMENTS = frozenset(
    {
        "dim",
        "dims",
        "dim0",
        "dim1",
        "dim2",
        "start_dim",
        "end_dim",
        "index",
        "indices",
        "source",
        "destination",
        "axis",
        "axis0",
        "axis1",
        "dimension",
        "dims_self",
        "dims_other",
        "outdim",
    }
)

# DECISIONS 1: these results hold positions, which rtorch returns 1-based.
_INDEX_RESULTS = frozenset(
    {
        "nonzero",
        "nonzero_static",
        "argwhere",
        "multinomial",
        "bincount",
        "indices",
        "crow_indices",
        "col_indices",
        "ccol_indices",
        "row_indices",
    }
)

# Conversions to a dtype (R torch: x$float(), x$long() …); no schema of their own.
_DTYPE_SHORTCUTS = {
    "float": torch.float32,
    "double": torch.float64,
    "half": torch.float16,
    "bfloat16": torch.bfloat16,
    "bool": torch.bool,
    "byte": torch.uint8,
    "char": torch.int8,
    "short": torch.int16,
    "int": torch.int32,
    "long": torch.int64,
    "cfloat": torch.complex64,
    "cdouble": torch.complex128,
}


def plain_method_names() -> list[str]:
    """Names of ``torch.Tensor`` methods that need no R torch translation."""
    return sorted(_plain_methods())


def bind_plain_methods(cls: type[Tensor]) -> None:
    """Attach every plain method and dtype shortcut that ``cls`` lacks."""
    for name, (returns_tensor, takes_arguments) in _plain_methods().items():
        if name not in vars(cls):
            setattr(cls, name, _plain_method(name, returns_tensor, takes_arguments))
    for name, dtype in _DTYPE_SHORTCUTS.items():
        if name not in vars(cls):
            setattr(cls, name, _dtype_method(name, dtype))
    cls.__getattr__ = _missing_method  # type: ignore[attr-defined]


def _plain_methods() -> dict[str, tuple[bool, bool]]:
    """Plain method names, each with (returns one tensor, takes arguments)."""
    arguments: dict[str, set[str]] = {}
    single_tensor: dict[str, bool] = {}
    for schema in torch._C._jit_get_all_schemas():
        if not schema.name.startswith("aten::"):
            continue
        first = schema.arguments[0] if schema.arguments else None
        if first is None or first.name != "self" or str(first.type) != "Tensor":
            continue  # not a method overload (e.g. aten::exp.int(int a))
        name = schema.name[6:]
        arguments.setdefault(name, set()).update(a.name for a in schema.arguments)
        returns = [str(r.type) for r in schema.returns]
        single_tensor[name] = single_tensor.get(name, True) and returns == ["Tensor"]

    plain = {}
    for name in dir(torch.Tensor):
        names = arguments.get(name)
        if name.startswith("_") or names is None:
            continue
        if names & _ROLE_ARGUMENTS or name in _INDEX_RESULTS:
            continue
        plain[name] = (single_tensor.get(name, False), bool(names - {"self", "out"}))
    return plain


def _plain_method(
    name: str, returns_tensor: bool, takes_arguments: bool
) -> Callable[..., Any]:
    function = getattr(torch.Tensor, name)

    if returns_tensor and not takes_arguments and not name.endswith("_"):

        def method(self: Tensor) -> Any:
            out = _new(Tensor)
            try:
                out._t = function(self._t)
            except (RuntimeError, IndexError, ValueError, TypeError) as error:
                translate_torch_error(error)
            return out

    elif name.endswith("_"):
        # R torch rule: an in-place method returns the same object.
        def method(self: Tensor, *args: Any, **kwargs: Any) -> Any:
            try:
                if args or kwargs:
                    function(self._t, *_arguments(args), **_keywords(kwargs))
                else:
                    function(self._t)
            except (RuntimeError, IndexError, ValueError, TypeError) as error:
                translate_torch_error(error)
            return self

    elif returns_tensor:

        def method(self: Tensor, *args: Any, **kwargs: Any) -> Any:
            out = _new(Tensor)
            try:
                if args or kwargs:
                    out._t = function(self._t, *_arguments(args), **_keywords(kwargs))
                else:
                    out._t = function(self._t)
            except (RuntimeError, IndexError, ValueError, TypeError) as error:
                translate_torch_error(error)
            return out

    else:

        def method(self: Tensor, *args: Any, **kwargs: Any) -> Any:
            try:
                value = function(self._t, *_arguments(args), **_keywords(kwargs))
            except (RuntimeError, IndexError, ValueError, TypeError) as error:
                translate_torch_error(error)
            return _result(value)

    method.__name__ = method.__qualname__ = name
    method.__doc__ = (
        f"R torch ``x${name}(...)``: PyTorch's ``Tensor.{name}``; no argument of "
        "it is a dimension or index, so values pass through unchanged."
    )
    return method


_new = object.__new__


def _dtype_method(name: str, dtype: torch.dtype) -> Callable[..., Tensor]:
    def method(self: Tensor, memory_format: Any = None) -> Tensor:
        if memory_format is None:
            return wrap(self._t.to(dtype))
        return wrap(self._t.to(dtype, memory_format=memory_format))

    method.__name__ = method.__qualname__ = name
    method.__doc__ = f"Convert to {DType(dtype)!r} (R torch: ``x${name}()``)."
    return method


def _missing_method(self: Tensor, name: str) -> Any:
    if name.startswith("__") or not hasattr(torch.Tensor, name):
        raise AttributeError(
            f"rtorch Tensor has no attribute {name!r}; R torch has no such $ method."
        )
    raise RNotImplementedError(
        f"x.{name}() is not supported by rtorch yet: it takes a dimension or "
        "index argument (or returns indices) whose 1-based R torch translation "
        f"is not implemented. Use x.torch.{name}(...) for PyTorch's 0-based "
        "version."
    )


def _arguments(args: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(map(_argument, args))


def _keywords(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {key: _argument(value) for key, value in kwargs.items()}


def _argument(value: Any) -> Any:
    if isinstance(value, TensorBase):
        return value._t
    if isinstance(value, (DType, Device)):
        return value.torch
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], TensorBase):
        return [v._t if isinstance(v, TensorBase) else v for v in value]
    return value


def _result(value: Any) -> Any:
    if isinstance(value, torch.Tensor):
        return wrap(value)
    if isinstance(value, tuple):
        return RList(_result(v) for v in value)
    if isinstance(value, list):
        return [_result(v) for v in value]
    return value
