"""R's summary functions whose names shadow Python builtins.

R torch equivalent: the ``Summary`` group generics on tensors (semantics 12.1).
``sum``, ``max``, ``min``, ``all``, ``any``, ``range`` and ``prod`` are here,
not in ``from rtorch import *``, so Python's builtins keep working:

    >>> from rtorch import base as rb
    >>> rb.max(torch_tensor(c(-4.0, 2.0)), torch_tensor(c(1.0, 7.0))).item()
    7.0

With several tensors, ``sum``/``prod`` combine the per-tensor results and
``max``/``min``/``all``/``any`` reduce over all of them, as in R.
"""

from __future__ import annotations

from typing import Any

import torch

from rtorch.errors import RValueError
from rtorch.generics import check_na_rm as _refuse_na_rm
from rtorch.tensor import Tensor, as_tensor_arg, wrap

__all__: list[str] = []  # never star-exported: these shadow builtins


def sum(
    *xs: Any,
    dim: Any = None,
    keepdim: bool = False,  # noqa: A001
    na_rm: bool = False,
) -> Tensor:
    """Sum of all elements (R: ``sum(x)``); one tensor takes a 1-based ``dim``."""
    _refuse_na_rm(na_rm)
    if dim is not None:
        return _single(xs, "sum").sum(dim=dim, keepdim=keepdim)
    return wrap(_combine(torch.sum, xs, torch.stack).sum())


def prod(
    *xs: Any, dim: int | None = None, keepdim: bool = False, na_rm: bool = False
) -> Tensor:
    """Product of all elements (R: ``prod(x)``)."""
    _refuse_na_rm(na_rm)
    if dim is not None:
        return _single(xs, "prod").prod(dim=dim, keepdim=keepdim)
    return wrap(_combine(torch.prod, xs, torch.stack).prod())


def max(*xs: Any, na_rm: bool = False) -> Tensor:  # noqa: A001
    """The largest element over all arguments (R: ``max(a, b)``)."""
    _refuse_na_rm(na_rm)
    return wrap(_combine(torch.max, xs, torch.stack).max())


def min(*xs: Any, na_rm: bool = False) -> Tensor:  # noqa: A001
    """The smallest element over all arguments (R: ``min(a, b)``)."""
    _refuse_na_rm(na_rm)
    return wrap(_combine(torch.min, xs, torch.stack).min())


def all(*xs: Any, na_rm: bool = False) -> Tensor:  # noqa: A001
    """Whether every element of every argument is true (R: ``all(x)``)."""
    _refuse_na_rm(na_rm)
    return wrap(_combine(torch.all, xs, torch.stack).all())


def any(*xs: Any, na_rm: bool = False) -> Tensor:  # noqa: A001
    """Whether any element of any argument is true (R: ``any(x)``)."""
    _refuse_na_rm(na_rm)
    return wrap(_combine(torch.any, xs, torch.stack).any())


def range(*xs: Any, na_rm: bool = False) -> Tensor:  # noqa: A001
    """The smallest and largest element, as a 2-vector (R: ``range(x)``)."""
    _refuse_na_rm(na_rm)
    low = _combine(torch.min, xs, torch.stack).min()
    high = _combine(torch.max, xs, torch.stack).max()
    return wrap(torch.stack((low, high)))


def _combine(reduce: Any, xs: tuple[Any, ...], stack: Any) -> torch.Tensor:
    if not xs:
        raise RValueError("give at least one tensor.")
    parts = [reduce(as_tensor_arg(x)) for x in xs]
    if len(parts) == 1:
        return parts[0]
    dtype = parts[0].dtype
    for part in parts[1:]:
        dtype = torch.promote_types(dtype, part.dtype)
    return stack([p.to(dtype) for p in parts])


def _single(xs: tuple[Any, ...], name: str) -> Tensor:
    if len(xs) != 1:
        raise RValueError(f"{name}(..., dim=) takes exactly one tensor.")
    x = xs[0]
    return x if isinstance(x, Tensor) else wrap(as_tensor_arg(x))
