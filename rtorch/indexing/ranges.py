"""R torch's inclusive ranges inside ``[]``: ``a:b``, ``a:b:s``, ``N`` and ``slc()``.

Inside R torch's brackets ``:`` builds a slice, not an integer vector. rtorch
spells it with Python's own slice syntax, so ``x[2:5]`` means R's ``x[2:5]``:
positions 2, 3, 4 and 5, both ends included. This module holds the one rule
that turns such a range into a plain Python slice over 0-based positions.

Example:
    >>> range_to_slice(2, 5, None)
    slice(1, 5, None)
    >>> range_to_slice(-2, -1, None)      # the last two elements
    slice(-2, None, None)
"""

from __future__ import annotations

import math
import operator

__all__ = ["N", "Slice", "slc", "range_to_slice", "fast_range", "RangeProblem"]

N: int = 2_147_483_647
"""R's ``.Machine$integer.max``: "the end" when used as a range end (``x[2:N]``)."""


class RangeProblem(Exception):
    """A range bound or step that no R torch range accepts (internal signal)."""


class Slice:
    """A range built by :func:`slc`, usable wherever ``a:b:s`` is.

    R torch equivalent: the object ``slc(start, end, step)`` returns; it prints
    ``<slice>``.

    Attributes:
        start: The first position (1-based, negative from the end, 0 acts as 1).
        end: The last position, included (``-1`` or ``inf`` mean the last one).
        step: The distance between positions (greater than zero).
    """

    __slots__ = ("start", "end", "step")

    def __init__(self, start: int, end: int | float, step: int = 1) -> None:
        self.start = start
        self.end = end
        self.step = step

    def __repr__(self) -> str:
        return "<slice>"

    __str__ = __repr__


def slc(start: int, end: int | float, step: int = 1) -> Slice:
    """Build an inclusive range programmatically.

    R torch equivalent: ``slc(start, end, step = 1)``; ``x[slc(1, 5, 2)]`` is
    ``x[1:5:2]`` and ``end = Inf`` runs to the end of the dimension.

    Args:
        start: First position, 1-based (negative counts from the end).
        end: Last position, included; ``float("inf")`` or ``-1`` for the end.
        step: Step between positions, greater than zero.

    Returns:
        A :class:`Slice` that prints ``<slice>``.

    Example:
        >>> v = torch_arange(10.0, 100.0, 10.0)
        >>> v[slc(2, 8, 3)]            # positions 2, 5 and 8
    """
    return Slice(start, end, step)


def range_to_slice(start: object, end: object, step: object) -> slice:
    """Turn an R torch range into the Python slice that selects the same positions.

    R torch equivalent: the conversion inside ``R/indexing.R::slc``.

    Args:
        start: 1-based first position; ``None`` for the first element.
        end: Inclusive last position; ``None``, ``-1`` or ``inf`` for the end.
        step: Step (``None`` means 1).

    Returns:
        A slice over 0-based positions; PyTorch clamps it to the dimension.

    Raises:
        RangeProblem: A bound is not a whole number or the step is not positive.

    Example:
        >>> range_to_slice(0, 3, None)     # a 0 start behaves like 1
        slice(None, 3, None)
    """
    return slice(_start(start), _end(end), _step(step))


def fast_range(key: slice) -> slice | None:
    """:func:`range_to_slice` for Python ``int`` bounds: the hot path.

    Args:
        key: A Python slice written inside ``[]``.

    Returns:
        The 0-based Python slice, or ``None`` when a bound is not a Python
        ``int`` or ``None`` or the step is below 1 (the general path decides).

    Example:
        >>> fast_range(slice(2, -2))
        slice(1, -1, None)
    """
    start = key.start
    stop = key.stop
    step = key.step
    bounds = (start, stop, step)
    known = _RANGES.get(bounds)
    if known is not None:
        return known
    if step is not None and (step.__class__ is not int or step <= 0):
        return None
    if start is None and stop is None:
        return key

    # R torch rule: a positive start is 1-based and 0 acts like 1; a positive
    # end is inclusive, -1 means the last element, a lower negative end is
    # inclusive too.
    if start.__class__ is int:
        start = start - 1 if start > 0 else (start or None)
    elif start is not None:
        return None
    if stop.__class__ is int:
        if stop < 0:
            stop = stop + 1 if stop != -1 else None
    elif stop is not None:
        return None

    converted = slice(start, stop, step)
    if len(_RANGES) >= _RANGES_KEPT:
        _RANGES.clear()
    _RANGES[bounds] = converted
    return converted


# Converted ranges by their (start, stop, step): a lookup is cheaper than the
# conversion. Bounded, since a loop may build ranges from its counter.
_RANGES: dict[tuple, slice] = {}
_RANGES_KEPT = 1024


def _start(start: object) -> int | None:
    """0-based slice start for an R range start."""
    if start is None:
        return None
    value = _whole(start, "start")

    # R torch rule: a positive start is 1-based, 0 acts like 1, a negative start
    # counts from the end (Python's meaning already).
    if value > 0:
        return value - 1
    return None if value == 0 else value


def _end(end: object) -> int | None:
    """Exclusive Python stop for an inclusive R range end."""
    if end is None:
        return None
    if isinstance(end, float) and end == math.inf:
        return None
    value = _whole(end, "end")

    # R torch rule: a positive end is inclusive (the 1-based end is the 0-based
    # stop), -1 means through the last element, a lower negative end is
    # inclusive too (stop = end + 1), and 0 gives an empty range.
    if value >= 0:
        return value
    return None if value == -1 else value + 1


def _step(step: object) -> int | None:
    """Positive step, or ``None`` for 1."""
    if step is None:
        return None
    value = _whole(step, "step")

    # R torch rule: libtorch refuses steps below 1 (a range never runs backwards).
    if value <= 0:
        raise RangeProblem(f"step must be greater than zero, got {value}")
    return value


def _whole(value: object, role: str) -> int:
    """The integer a range bound stands for, or a RangeProblem naming it."""
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise RangeProblem(
            f"the range {role} {value!r} is not a whole number; range bounds are "
            "1-based positions such as 2 or -1"
        )
    try:
        return operator.index(value)
    except TypeError:
        raise RangeProblem(
            f"the range {role} {value!r} ({type(value).__name__}) is not a whole "
            "number; range bounds are 1-based positions such as 2 or -1"
        ) from None
