"""Autograd functions and gradient-mode scopes, as R torch names them.

R torch equivalent: ``autograd_grad()``, ``autograd_backward()``,
``autograd_set_grad_mode()``, ``with_no_grad()``, ``with_enable_grad()``,
``with_detect_anomaly()`` and ``local_no_grad()`` (semantics section 11).
Tensor-side autograd (``x.backward()``, ``x.grad``, ``x.register_hook()`` …)
lives on :class:`rtorch.tensor.Tensor`; custom functions are in
:mod:`rtorch.custom_function`.

R's ``with_no_grad({ ... })`` takes a block of code; Python spells it as a
``with`` statement (DECISIONS, porting contract):

    >>> x = torch_tensor(c(1.0, 2.0), requires_grad=True)
    >>> with with_no_grad():
    ...     y = x * 2.0
    >>> y.requires_grad
    False
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, NoReturn

import torch

from rtorch.autograd_objects import UNDEFINED_TENSOR, is_undefined_tensor
from rtorch.errors import (
    RNotImplementedError,
    RRuntimeError,
    call_torch,
    translate_torch_error,
)
from rtorch.tensor import as_tensor_arg, tensor_list, wrap
from rtorch.values import RList

__all__ = [
    "with_no_grad",
    "with_enable_grad",
    "local_no_grad",
    "local_enable_grad",
    "autograd_set_grad_mode",
    "with_detect_anomaly",
    "autograd_backward",
    "autograd_grad",
    "is_undefined_tensor",
]


def with_no_grad() -> AbstractContextManager[None]:
    """A scope in which operations record no autograd history.

    R torch equivalent: ``with_no_grad({ ... })``. Use it as
    ``with with_no_grad():`` around a block, or as the decorator
    ``@with_no_grad()`` for a whole function (the Python form of R's
    ``local_no_grad()`` at the top of a function body). In-place updates of
    leaves that require grad are allowed inside.

    Example:
        >>> x = torch_tensor(c(1.0, 2.0), requires_grad=True)
        >>> (x * x).sum().backward()
        >>> with with_no_grad():
        ...     x.sub_(0.1 * x.grad)
        ...     x.grad.zero_()
    """
    return torch.no_grad()


def with_enable_grad() -> AbstractContextManager[None]:
    """A scope that records autograd history, even inside :func:`with_no_grad`.

    R torch equivalent: ``with_enable_grad({ ... })``; as a decorator
    (``@with_enable_grad()``) it is R's ``local_enable_grad()``.

    Example:
        >>> with with_no_grad():
        ...     with with_enable_grad():
        ...         a = torch_tensor(c(2.0), requires_grad=True)
        ...         b = a * 5.0
        >>> b.requires_grad
        True
    """
    return torch.enable_grad()


def local_no_grad() -> NoReturn:
    """Not available: Python cannot run code when the calling function returns.

    R torch's ``local_no_grad()`` turns gradients off until the calling
    function exits. Decorate the function with ``@with_no_grad()`` instead, or
    put its body in ``with with_no_grad():``.

    Raises:
        RNotImplementedError: Always, naming the replacement.
    """
    raise RNotImplementedError(
        "local_no_grad() is not available in rtorch: Python has no hook for "
        "'when the calling function returns'. Decorate the function with "
        "@with_no_grad() or wrap its body in `with with_no_grad():`."
    )


def local_enable_grad() -> NoReturn:
    """Not available; use ``@with_enable_grad()`` (see :func:`local_no_grad`).

    Raises:
        RNotImplementedError: Always, naming the replacement.
    """
    raise RNotImplementedError(
        "local_enable_grad() is not available in rtorch: Python has no hook for "
        "'when the calling function returns'. Decorate the function with "
        "@with_enable_grad() or wrap its body in `with with_enable_grad():`."
    )


def autograd_set_grad_mode(enabled: bool) -> None:
    """Switch gradient recording on or off globally (R: ``autograd_set_grad_mode``).

    Example:
        >>> autograd_set_grad_mode(False)
        >>> torch_ones(2, requires_grad=True).mul(2.0).requires_grad
        False
        >>> autograd_set_grad_mode(True)
    """
    torch.set_grad_enabled(bool(enabled))


@contextmanager
def with_detect_anomaly() -> Iterator[None]:
    """A scope in which backward checks every step and names the failing op.

    R torch equivalent: ``with_detect_anomaly({ ... })``. Like R torch it
    always warns on entry, because the checks slow everything down.

    Example:
        >>> with with_detect_anomaly():   # doctest: +SKIP
        ...     out.backward()
        UserWarning: This mode should be enabled only for debugging ...
    """
    # R torch rule: entering the scope always warns (R's own warning text).
    warnings.warn(
        "This mode should be enabled only for debugging: its extra checks slow "
        "down every operation and backward pass.",
        UserWarning,
        stacklevel=3,
    )
    with warnings.catch_warnings():
        # PyTorch warns as well, in other words; one warning is enough.
        warnings.filterwarnings("ignore", message="Anomaly Detection has been enabled")
        anomaly_mode = torch.autograd.detect_anomaly()
    with anomaly_mode:
        yield


def autograd_backward(
    tensors: Any,
    grad_tensors: Any = None,
    retain_graph: bool | None = None,
    create_graph: bool = False,
) -> None:
    """Accumulate the gradients of several outputs into the leaves' ``grad``.

    R torch equivalent: ``autograd_backward(tensors, grad_tensors,
    retain_graph, create_graph)``. ``tensors`` is one tensor or a list;
    ``grad_tensors`` matches it, and ``None`` entries stand for outputs with
    one element (an implicit gradient of 1).

    Example:
        >>> a = torch_tensor(2.0, requires_grad=True)
        >>> b = torch_tensor(5.0, requires_grad=True)
        >>> autograd_backward([a * 3.0, b ** 2.0], [None, torch_ones(1)])
        >>> [a.grad.item(), b.grad.item()]
        [3.0, 10.0]
    """
    outputs = tensor_list(tensors)
    gradients = None if grad_tensors is None else _optional_tensors(grad_tensors)
    if retain_graph is None:
        retain_graph = create_graph  # R torch rule: retain_graph = create_graph
    call_torch(
        torch.autograd.backward,
        outputs,
        gradients,
        retain_graph=retain_graph,
        create_graph=create_graph,
    )


def autograd_grad(
    outputs: Any,
    inputs: Any,
    grad_outputs: Any = None,
    retain_graph: bool | None = None,
    create_graph: bool = False,
    allow_unused: bool = False,
) -> RList:
    """The gradients of ``outputs`` with respect to ``inputs``, as a list.

    R torch equivalent: ``autograd_grad(outputs, inputs, grad_outputs,
    retain_graph, create_graph, allow_unused)``, which returns an R list with
    one gradient per input. Leaves' ``grad`` fields are left alone. An input
    that ``outputs`` does not depend on is an error unless
    ``allow_unused=True``, which gives an undefined tensor in its place.

    Example:
        >>> x = torch_tensor(c(1.0, 2.0), requires_grad=True)
        >>> (dx,) = autograd_grad((x ** 2.0).sum(), x)
        >>> as_array(dx)
        array([2., 4.])
    """
    sources = tensor_list(inputs)
    gradients = None if grad_outputs is None else _optional_tensors(grad_outputs)
    if retain_graph is None:
        retain_graph = create_graph  # R torch rule: retain_graph = create_graph
    try:
        results = torch.autograd.grad(
            tensor_list(outputs),
            sources,
            gradients,
            retain_graph=retain_graph,
            create_graph=create_graph,
            allow_unused=allow_unused,
        )
    except (RuntimeError, IndexError, ValueError, TypeError) as error:
        _raise_one_based_unused(error)
    return RList(UNDEFINED_TENSOR if g is None else wrap(g) for g in results)


def _optional_tensors(values: Any) -> list[torch.Tensor | None]:
    """Tensors where ``None`` or an undefined tensor means 'no tensor'."""
    if not isinstance(values, (list, tuple)):
        values = [values]
    return [None if value is None else as_tensor_arg(value) for value in values]


_UNUSED_INPUT = re.compile(r"The differentiated Tensor at index (\d+) appears")


def _raise_one_based_unused(error: Exception) -> NoReturn:
    """Re-raise an autograd error, naming an unused input by its 1-based place."""
    message = str(error)
    match = _UNUSED_INPUT.search(message)
    if match is None:
        translate_torch_error(error)
    position = int(match.group(1)) + 1
    raise RRuntimeError(
        f"Input {position} of `inputs` appears to not have been used in the graph "
        "(the outputs do not depend on it). Set allow_unused=True to get an "
        "undefined tensor for it instead."
    ) from None
