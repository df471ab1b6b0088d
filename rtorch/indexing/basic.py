"""The fast path: keys made only of whole numbers, ranges, ``...`` and ``None``.

Most keys in ported code (``x[i, j]``, ``x[2, :]``, ``x[1:8:2]``) need no plan:
one pass turns them into the PyTorch key that selects the same elements, with
no allocation beyond the key itself. Anything else (and any 0, bad range or
second ``...``) returns ``None`` and takes the general path of
:mod:`rtorch.indexing.translate`, which also explains every error.

Example:
    >>> basic_key((2, slice(1, 3)), True, torch.zeros(3, 4))
    (1, slice(0, 3, None))
"""

from __future__ import annotations

import torch

from rtorch.indexing.ranges import fast_range

__all__ = ["basic_key"]

_FULL_SLICE = slice(None)


def basic_key(key: tuple, drop: bool, tensor: torch.Tensor) -> object:
    """The PyTorch key for a key of whole numbers, ranges, ``...`` and ``None``.

    Trailing full ranges (``x[2, :]``) are left out when the key fits the
    tensor and has no ``...``: they select nothing less, and PyTorch indexes
    faster without them.

    Args:
        key: The key tuple as written inside ``[]``.
        drop: ``False`` keeps the dimension of each scalar index.
        tensor: The indexed tensor; only its rank is read, and only when the
            key ends in full ranges.

    Returns:
        The equivalent PyTorch key, or ``None`` when the key needs the general
        path (another element type, a 0, a bad range, two ``...``).

    Example:
        >>> basic_key((1, slice(2, None)), True, torch.zeros(2, 2))
        (0, slice(1, None, None))
        >>> basic_key((2, slice(None)), True, torch.zeros(2, 2))
        1
    """
    converted = []
    append = converted.append
    dots = False
    spacers = 0  # None and ... elements: they select along no dimension
    full_tail = 0  # full ranges at the end, which PyTorch does not need
    for element in key:
        cls = element.__class__
        if cls is int:
            # R torch rule: positions are 1-based, negatives count from the end.
            if element > 0:
                append(element - 1)
            elif element:
                append(element)
            else:
                return None
            if not drop:
                # R torch rule: drop = FALSE puts a new axis after each scalar.
                append(None)
            full_tail = 0
        elif cls is slice:
            if element == _FULL_SLICE:
                append(element)
                full_tail += 1
                continue
            converted_range = fast_range(element)
            if converted_range is None:
                return None
            append(converted_range)
            full_tail = 0
        elif element is None:
            append(None)
            spacers += 1
            full_tail = 0
        elif element is Ellipsis and not dots:
            dots = True
            append(element)
            spacers += 1
            full_tail = 0
        else:
            return None

    count = len(converted)
    if full_tail and not dots and len(key) - spacers <= tensor.ndim:
        count -= full_tail
    # PyTorch indexes faster with a lone element than with a 1-tuple.
    if count == 1:
        return converted[0]
    return tuple(converted[:count])
