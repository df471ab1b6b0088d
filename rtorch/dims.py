"""1-based dimension arguments, translated to PyTorch's 0-based ones.

R torch rule (semantics 5.1): a positive dim is 1-based, a negative dim counts
from the end exactly as in PyTorch (``-1`` is the last), and ``0`` is an error.
Out-of-range dims are left for PyTorch to report; :mod:`rtorch.errors` rewrites
its message to 1-based numbers.

Example:
    >>> one_based_dim(1), one_based_dim(-1), one_based_dims([3, 1])
    (0, -1, [2, 0])
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable

from rtorch.errors import RIndexError, RTypeError

__all__ = ["one_based_dim", "one_based_dims", "ZERO_DIM_MESSAGE"]

ZERO_DIM_MESSAGE = "Indexing starts at 1 but found a 0."


def one_based_dim(dim: int, zero_message: str = ZERO_DIM_MESSAGE) -> int:
    """Translate one 1-based dim (negative from the end) to PyTorch's.

    Args:
        dim: The R torch dimension.
        zero_message: The error text for 0 (R torch words it per function).

    Raises:
        RIndexError: When ``dim`` is 0.
        RTypeError: When ``dim`` is not a whole number.
    """
    if type(dim) is int:
        if dim > 0:
            return dim - 1
        if dim < 0:
            return dim
        raise RIndexError(zero_message)
    return one_based_dim(_whole(dim), zero_message)


def one_based_dims(dims: int | Iterable[int]) -> int | list[int]:
    """Translate one dim or a vector of dims (``c(1, 2)``) element by element."""
    if type(dims) is int:
        return one_based_dim(dims)
    if isinstance(dims, numbers.Integral):
        return one_based_dim(int(dims))
    return [one_based_dim(d) for d in dims]


def _whole(value: object) -> int:
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise RTypeError(
        f"a dimension must be a whole number such as 1 or -1, got {value!r}."
    )
