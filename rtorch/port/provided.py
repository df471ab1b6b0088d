"""What rtorch provides, asked of the installed rtorch while a script is ported.

rtorch exports R torch's functions under their R names, so the porter writes
``nn_module(...)`` as ``nn_module(...)``. A name rtorch lacks would then only
fail when the ported script runs, as a ``NameError`` far from the R line that
caused it. Instead the porter asks rtorch itself, at port time, and reports
the call with its line and column:

- a function is provided when its Python name is in ``rtorch.__all__`` and is
  a real function, not a stub raising ``RNotImplementedError`` (stubs carry
  ``__rtorch_missing__``; see :func:`rtorch.surface.exports.is_provided`);
- a tensor method ``x$m()`` (or field ``x$m``) is provided when
  ``rtorch.Tensor`` has ``m`` and it is not such a stub.

Which values are tensors is also rtorch's word: a function or method whose
return annotation is ``Tensor`` makes one.

Example:
    >>> missing_function("torch_zeros") is None
    True
    >>> missing_function("nn_module")
    'rtorch does not provide nn_module() yet'
"""

from __future__ import annotations

import functools
import typing
from typing import Any

import rtorch
from rtorch.port.pyast import py_name
from rtorch.surface.exports import is_provided
from rtorch.tensor import Tensor


def missing_function(r_name: str) -> str | None:
    """Why a call to the R torch function ``r_name`` cannot run on rtorch.

    Args:
        r_name: the R spelling, e.g. ``"nn_module"``.

    Returns:
        The reason to report, or None when rtorch provides the function.

    Example:
        >>> missing_function("torch_totally_fake")
        'rtorch does not provide torch_totally_fake() yet'
    """
    python_name = py_name(r_name)
    function = getattr(rtorch, python_name, None) if _exported(python_name) else None
    return _reason(f"{r_name}()", function)


def missing_tensor_member(r_name: str, called: bool) -> str | None:
    """Why a tensor's ``x$r_name()`` method (or ``x$r_name`` field) is missing.

    Args:
        r_name: the R member name, e.g. ``"rename"``.
        called: whether R calls it (a method) or reads it (a field).

    Returns:
        The reason to report, or None when ``rtorch.Tensor`` provides it.

    Example:
        >>> missing_tensor_member("abs", called=True) is None
        True
    """
    member = getattr(Tensor, py_name(r_name), None)
    what = f"the tensor method ${r_name}()" if called else f"the tensor field ${r_name}"
    return _reason(what, member)


def function_returns_tensor(r_name: str) -> bool:
    """Whether rtorch's function ``r_name`` is declared to return a Tensor.

    Example:
        >>> function_returns_tensor("torch_tensor"), function_returns_tensor("c")
        (True, False)
    """
    python_name = py_name(r_name)
    if not _exported(python_name):
        return False
    return _declares_tensor(getattr(rtorch, python_name, None))


def member_returns_tensor(r_name: str) -> bool:
    """Whether a tensor's ``$r_name`` field, or ``$r_name()`` method, is a Tensor.

    Example:
        >>> member_returns_tensor("detach"), member_returns_tensor("item")
        (True, False)
    """
    member = getattr(Tensor, py_name(r_name), None)
    if isinstance(member, property):
        member = member.fget
    return _declares_tensor(member)


def _reason(what: str, provided: Any) -> str | None:
    if provided is None:
        return f"rtorch does not provide {what} yet"
    if not is_provided(provided):
        return f"rtorch does not provide {what} yet: {provided.__rtorch_missing__}"
    return None


@functools.cache
def _export_names() -> frozenset[str]:
    return frozenset(rtorch.__all__)


def _exported(python_name: str) -> bool:
    return python_name in _export_names()


@functools.cache
def _declares_tensor(function: Any) -> bool:
    if not callable(function):
        return False
    try:
        hint = typing.get_type_hints(function).get("return")
    except (NameError, TypeError, AttributeError):  # an unresolvable annotation
        return False
    return isinstance(hint, type) and issubclass(hint, Tensor)
