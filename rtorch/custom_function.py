"""Custom differentiable functions: R torch's ``autograd_function()``.

R torch equivalent: ``autograd_function(forward = function(ctx, ...),
backward = function(ctx, grad_output))``. ``forward`` computes the result and
may save values on ``ctx``; ``backward`` receives one incoming gradient per
output and answers with a **named** collection, keyed by ``forward``'s argument
names, in any order. In Python that is a ``dict``:

    >>> def cube_forward(ctx, inp):
    ...     ctx.save_for_backward(inp)
    ...     return inp ** 3.0
    >>> def cube_backward(ctx, grad_output):
    ...     (s,) = ctx.saved_variables
    ...     return {"inp": grad_output * 3.0 * s ** 2.0}
    >>> cube = autograd_function(forward=cube_forward, backward=cube_backward)
    >>> t1 = torch_tensor(c(2.0), requires_grad=True)
    >>> cube(t1).backward()
    >>> t1.grad.item()
    12.0

The function runs on PyTorch's ``torch.autograd.Function`` machinery, so the
usual checks (saved tensors changed in place, freed graphs) apply.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Any

import torch

from rtorch._facade import TensorBase
from rtorch.autograd_objects import UNDEFINED_TENSOR
from rtorch.errors import RNotImplementedError, RTypeError, RValueError, call_torch
from rtorch.tensor import wrap
from rtorch.values import RList

__all__ = ["autograd_function", "AutogradContext", "NamedList"]


def autograd_function(
    forward: Callable[..., Any], backward: Callable[..., Any]
) -> Callable[..., Any]:
    """Make a differentiable function from a forward and a backward function.

    R torch equivalent: ``autograd_function(forward, backward)``.

    Args:
        forward: ``forward(ctx, arg1, arg2, ...)`` returning a tensor or a list
            of tensors. Runs without recording history.
        backward: ``backward(ctx, grad1, ...)`` with one gradient per output of
            ``forward``, returning a dict ``{argument name: gradient}``.
            Entries for arguments that need no gradient are ignored.

    Returns:
        A function taking ``forward``'s arguments without ``ctx`` (positional
        or by name, as in R) and returning a tensor, or an :class:`RList` of
        tensors when ``forward`` returns several.

    Example:
        >>> def f_forward(ctx, p, q):
        ...     ctx.save_for_backward(p, q)
        ...     return p * q ** 2.0
        >>> def f_backward(ctx, grad_output):
        ...     p, q = ctx.saved_variables
        ...     return {"q": grad_output * 2.0 * p * q, "p": grad_output * q ** 2.0}
        >>> f = autograd_function(forward=f_forward, backward=f_backward)
        >>> res = f(q=torch_tensor(c(5.0)), p=torch_tensor(c(3.0)))
    """
    names, signature = _argument_names(forward)
    node_class = _function_class(forward, backward, names)

    def apply(*args: Any, **kwargs: Any) -> Any:
        if kwargs or len(args) != len(names):
            args = _arguments_in_order(signature, names, args, kwargs)

        values = [_unwrap(value) for value in args]
        return _wrap_outputs(call_torch(node_class.apply, *values))

    apply.__signature__ = signature  # type: ignore[attr-defined]
    apply.__name__ = apply.__qualname__ = getattr(forward, "__name__", "apply")
    apply.__doc__ = forward.__doc__
    return apply


class AutogradContext:
    """The ``ctx`` that a custom function's forward and backward receive.

    R torch equivalent: the ``AutogradContext`` object (``ctx$...``).
    """

    __slots__ = ("_ctx", "_names")

    def __init__(self, ctx: Any, names: tuple[str, ...]) -> None:
        self._ctx = ctx
        self._names = names

    def save_for_backward(self, *args: Any, **kwargs: Any) -> None:
        """Keep tensors and other values for backward, optionally by name.

        R torch equivalent: ``ctx$save_for_backward(...)``. Tensors are saved
        through PyTorch (so changing them in place later is detected); other
        values (numbers, strings) are kept as they are.
        """
        entries = [(None, value) for value in args] + list(kwargs.items())
        tensors = [value._t for _, value in entries if _is_defined_tensor(value)]
        self._ctx.save_for_backward(*tensors)
        self._ctx.rtorch_saved = entries

    @property
    def saved_variables(self) -> NamedList:
        """What :meth:`save_for_backward` kept, names included (R: a named list)."""
        entries = getattr(self._ctx, "rtorch_saved", [])
        tensors = iter(call_torch(getattr, self._ctx, "saved_tensors"))
        values = [
            wrap(next(tensors)) if _is_defined_tensor(value) else value
            for _, value in entries
        ]
        return NamedList(values, [name for name, _ in entries])

    @property
    def needs_input_grad(self) -> NamedList:
        """For each forward argument, whether it needs a gradient (by name)."""
        return NamedList(self._ctx.needs_input_grad, self._names)

    def mark_dirty(self, *tensors: Any) -> None:
        """Declare inputs that forward modified in place (R: ``ctx$mark_dirty``)."""
        self._ctx.mark_dirty(*(_unwrap(t) for t in tensors))

    def mark_non_differentiable(self, *tensors: Any) -> None:
        """Declare outputs that have no gradient; they will not require grad."""
        self._ctx.mark_non_differentiable(*(_unwrap(t) for t in tensors))


class NamedList(RList):
    """An R list whose elements may have names (R: a named ``list()``).

    It unpacks and indexes by position like a tuple, and ``v["name"]`` gets an
    element by name, as R's ``v$name`` does.

    Example:
        >>> v = NamedList([1.0, 2.0], ["orig", "deriv"])
        >>> v["deriv"]
        2.0
        >>> orig, deriv = v
    """

    def __new__(cls, values: Any, names: Any) -> NamedList:
        self = super().__new__(cls, values)
        self.names = tuple(names)
        if len(self.names) != len(self):
            raise RValueError(
                f"NamedList: {len(self)} values but {len(self.names)} names."
            )
        return self

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            if key not in self.names:
                raise KeyError(f"{key!r}: the names are {list(self.names)}")
            return tuple.__getitem__(self, self.names.index(key))
        return tuple.__getitem__(self, key)

    def __repr__(self) -> str:
        blocks = [
            f"${name}\n{value!r}" if name else f"[[{k}]]\n{value!r}"
            for k, (name, value) in enumerate(zip(self.names, self), start=1)
        ]
        return "\n\n".join(blocks) if blocks else "list()"


def _argument_names(forward: Callable[..., Any]) -> tuple[tuple[str, ...], Any]:
    """forward's argument names after ``ctx``, and its signature without ``ctx``."""
    if not callable(forward):
        raise RTypeError(
            f"autograd_function(): forward must be a function, not "
            f"{type(forward).__name__}."
        )
    parameters = list(inspect.signature(forward).parameters.values())
    if not parameters:
        raise RValueError(
            "autograd_function(): forward must take `ctx` as its first argument, "
            "e.g. def forward(ctx, x): ..."
        )
    rest = parameters[1:]
    for parameter in rest:
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            raise RNotImplementedError(
                f"autograd_function(): forward's *{parameter.name} is not supported; "
                "name each argument, since backward returns gradients by name."
            )
    signature = inspect.Signature(
        [p.replace(kind=p.POSITIONAL_OR_KEYWORD) for p in rest]
    )
    return tuple(p.name for p in rest), signature


def _arguments_in_order(
    signature: inspect.Signature,
    names: tuple[str, ...],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> tuple[Any, ...]:
    """Match R-style positional and named arguments to forward's order."""
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError as error:
        raise RTypeError(f"{error}; the arguments are ({', '.join(names)}).") from None
    bound.apply_defaults()
    return tuple(bound.arguments[name] for name in names)


def _function_class(
    forward: Callable[..., Any], backward: Callable[..., Any], names: tuple[str, ...]
) -> type[torch.autograd.Function]:
    """A ``torch.autograd.Function`` subclass running the user's two functions."""
    if not callable(backward):
        raise RTypeError(
            f"autograd_function(): backward must be a function, not "
            f"{type(backward).__name__}."
        )

    def run_forward(ctx: Any, *values: Any) -> Any:
        output = forward(AutogradContext(ctx, names), *map(_wrap_value, values))
        return _unwrap_outputs(output)

    def run_backward(ctx: Any, *grads: torch.Tensor | None) -> tuple[Any, ...]:
        incoming = [UNDEFINED_TENSOR if g is None else wrap(g) for g in grads]
        answer = call_torch(backward, AutogradContext(ctx, names), *incoming)
        return _gradients_by_name(answer, names, ctx.needs_input_grad)

    return type(
        "AutogradFunction",
        (torch.autograd.Function,),
        {"forward": staticmethod(run_forward), "backward": staticmethod(run_backward)},
    )


def _gradients_by_name(
    answer: Any, names: tuple[str, ...], needed: tuple[bool, ...]
) -> tuple[torch.Tensor | None, ...]:
    """backward's named answer as PyTorch's positional tuple of gradients."""
    if isinstance(answer, NamedList):
        answer = dict(zip(answer.names, answer))
    if not isinstance(answer, Mapping):
        raise RTypeError(
            "autograd_function(): backward must return a dict keyed by forward's "
            f"argument names, e.g. {{{names[0]!r}: grad}}, not "
            f"{type(answer).__name__}."
            if names
            else "autograd_function(): backward must return a dict."
        )
    unknown = [key for key in answer if key not in names]
    if unknown:
        raise RValueError(
            f"autograd_function(): backward returned gradients for {unknown}, but "
            f"forward's arguments are {list(names)}."
        )
    # R torch rule: gradients for inputs that need none are dropped.
    return tuple(
        _unwrap_gradient(answer.get(name), name) if wanted else None
        for name, wanted in zip(names, needed)
    )


def _unwrap_gradient(value: Any, name: str) -> torch.Tensor | None:
    if value is None or isinstance(value, torch.Tensor):
        return value
    if isinstance(value, TensorBase):
        return value._t
    raise RTypeError(
        f"autograd_function(): the gradient for {name!r} must be a tensor, not "
        f"{type(value).__name__}."
    )


def _is_defined_tensor(value: Any) -> bool:
    return isinstance(value, TensorBase) and value._t is not None


def _unwrap(value: Any) -> Any:
    return value._t if isinstance(value, TensorBase) else value


def _wrap_value(value: Any) -> Any:
    return wrap(value) if isinstance(value, torch.Tensor) else value


def _unwrap_outputs(output: Any) -> Any:
    if isinstance(output, (list, tuple)):
        return tuple(_unwrap(value) for value in output)
    return _unwrap(output)


def _wrap_outputs(output: Any) -> Any:
    if isinstance(output, tuple):
        return RList(_wrap_value(value) for value in output)
    return _wrap_value(output)
