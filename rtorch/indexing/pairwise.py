"""Pairwise (NumPy-style) indexing with 1-based index tensors.

R torch equivalent: ``torch_index(self, indices)``,
``torch_index_put(self, indices, values, accumulate = FALSE)`` and
``torch_index_put_()``. Unlike ``x[...]``, the index tensors pair up element
by element: ``torch_index(m, list(c(1, 3), c(2, 3)))`` is ``m[1, 2]`` and
``m[3, 3]``. Their positions are 1-based like every R torch index.

These functions take raw ``torch.Tensor`` objects or rtorch tensors and return
raw ``torch.Tensor`` objects; the public wrappers wrap them.

Example:
    >>> m = torch.arange(1, 10).reshape(3, 3).T      # matrix(1:9, nrow = 3)
    >>> torch_index(m, [torch.tensor([1, 3]), torch.tensor([2, 3])])
    tensor([4, 9])
"""

from __future__ import annotations

from collections.abc import Sequence

import torch

from rtorch._facade import TensorBase
from rtorch.errors import RIndexError, RTypeError, translate_torch_error
from rtorch.indexing.apply import assignment_value

__all__ = ["torch_index", "torch_index_put", "torch_index_put_"]

_TORCH_ERRORS = (IndexError, RuntimeError, ValueError, TypeError)


def torch_index(
    self: torch.Tensor | TensorBase, indices: Sequence[object]
) -> torch.Tensor:
    """Select elements at paired 1-based positions.

    R torch equivalent: ``torch_index(self, indices)``.

    Args:
        self: The tensor to index.
        indices: One entry per leading dimension: a long tensor or list of
            1-based positions (negative from the end), a bool mask, or ``None``
            for the whole dimension. Long entries broadcast together.

    Returns:
        A new tensor (``self[i[k], j[k], ...]`` for each ``k``).

    Raises:
        RIndexError: A 0, a position outside its dimension (reported 1-based),
            or an index tensor of another dtype.

    Example:
        >>> torch_index(m, [torch.tensor([1, 3]), torch.tensor([2, 3])])
    """
    tensor = _raw(self)
    # In Python's [] a None is a new axis; here it means the whole dimension.
    converted = tuple(
        slice(None) if index is None else index for index in _indices(indices, tensor)
    )
    try:
        return tensor[converted]
    except _TORCH_ERRORS as error:
        _explain(error, indices, tensor)


def torch_index_put(
    self: torch.Tensor | TensorBase,
    indices: Sequence[object],
    values: object,
    accumulate: bool = False,
) -> torch.Tensor:
    """Write values at paired 1-based positions into a copy.

    R torch equivalent: ``torch_index_put(self, indices, values,
    accumulate = FALSE)``.

    Args:
        self: The tensor to start from (left unchanged).
        indices: As for :func:`torch_index`.
        values: A tensor broadcast over the positions, or a Python scalar
            (stored in ``self``'s dtype).
        accumulate: Add to the present values instead of replacing them.

    Returns:
        The new tensor.

    Example:
        >>> torch_index_put(torch.zeros(3, 3), [torch.tensor([2, 3]),
        ...                 torch.tensor([1, 3])], torch.tensor(7.0))
    """
    tensor = _raw(self)
    return _put(tensor.clone(), indices, values, accumulate, tensor)


def torch_index_put_(
    self: torch.Tensor | TensorBase,
    indices: Sequence[object],
    values: object,
    accumulate: bool = False,
) -> torch.Tensor:
    """Write values at paired 1-based positions, in place.

    R torch equivalent: ``torch_index_put_()`` and ``x$index_put_()``.

    Args:
        self: The tensor to modify.
        indices: As for :func:`torch_index`.
        values: As for :func:`torch_index_put`.
        accumulate: Add to the present values instead of replacing them.

    Returns:
        The modified raw tensor (the same storage as ``self``).

    Example:
        >>> m = torch.zeros(3, 3)
        >>> torch_index_put_(m, [torch.tensor([1, 2]), torch.tensor([3, 3])],
        ...                  torch.tensor(-1.0))
    """
    tensor = _raw(self)
    return _put(tensor, indices, values, accumulate, tensor)


def _put(
    target: torch.Tensor,
    indices: Sequence[object],
    values: object,
    accumulate: bool,
    original: torch.Tensor,
) -> torch.Tensor:
    """index_put_ on ``target`` with converted indices and values."""
    converted = _indices(indices, original)
    value = assignment_value(values, target)
    if not isinstance(value, torch.Tensor):
        # A Python scalar is stored in the tensor's own dtype.
        value = torch.tensor(value, dtype=target.dtype, device=target.device)
    try:
        # The aten op takes None entries (whole dimensions); Tensor.index_put_
        # does not.
        return torch.ops.aten.index_put_(target, list(converted), value, accumulate)
    except _TORCH_ERRORS as error:
        _explain(error, indices, original)


def _raw(tensor: object) -> torch.Tensor:
    """The torch.Tensor behind a raw or rtorch tensor."""
    if isinstance(tensor, TensorBase):
        return tensor._t
    if isinstance(tensor, torch.Tensor):
        return tensor
    raise RTypeError(
        f"self must be a tensor, got a {type(tensor).__name__}; convert it with "
        "torch_tensor() first."
    )


def _indices(indices: Sequence[object], tensor: torch.Tensor) -> tuple:
    """Convert 1-based index tensors to PyTorch's 0-based ones."""
    if isinstance(indices, (torch.Tensor, TensorBase)):
        indices = [indices]
    converted: list[torch.Tensor | None] = []
    for place, index in enumerate(indices):
        if index is None:
            converted.append(None)
            continue
        index = _as_tensor(index, place)
        if index.dtype is torch.bool:
            converted.append(index)
            continue
        if index.dtype is not torch.int64:
            raise RIndexError(
                f"Only long and boolean tensors are supported. Index {place + 1} "
                f"is a {str(index.dtype).removeprefix('torch.')} tensor; use a "
                "long tensor of 1-based positions or a bool mask."
            )
        # R torch rule: index tensors are 1-based, 0 is an error, negatives
        # count from the end.
        if bool((index == 0).any()):
            raise RIndexError(
                f"Indexing starts at 1 but found a 0. Index {place + 1} selects "
                f"along dimension {place + 1}; use 1 to n, or -n to -1 to count "
                "from the end."
            )
        converted.append(torch.where(index > 0, index - 1, index))
    return tuple(converted)


def _as_tensor(index: object, place: int) -> torch.Tensor:
    """An index entry as a tensor (lists follow R's c() types)."""
    if isinstance(index, TensorBase):
        return index._t
    if isinstance(index, torch.Tensor):
        return index
    if isinstance(index, (list, tuple)) and all(
        isinstance(value, int) for value in index
    ):
        if all(isinstance(value, bool) for value in index):
            return torch.tensor(index, dtype=torch.bool)
        return torch.tensor(index, dtype=torch.int64)
    raise RTypeError(
        f"Index {place + 1} is a {type(index).__name__}; use a long tensor of "
        "1-based positions, a bool mask, a list of whole numbers, or None."
    )


def _explain(
    error: BaseException, indices: Sequence[object], tensor: torch.Tensor
) -> None:
    """Report an out-of-range pairwise position 1-based, else translate."""
    if isinstance(indices, (torch.Tensor, TensorBase)):
        indices = [indices]
    for place, index in enumerate(indices):
        if index is None or place >= tensor.ndim:
            continue
        index = _as_tensor(index, place)
        if index.dtype is not torch.int64 or index.numel() == 0:
            continue
        size = tensor.shape[place]
        outside = (index > size) | (index < -size)
        if bool(outside.any()):
            value = int(index[outside].reshape(-1)[0])
            raise RIndexError(
                f"index {value} is out of bounds for dimension {place + 1} with "
                f"size {size}. Index {place + 1} must hold 1 to {size}, or "
                f"-{size} to -1 to count from the end."
            ) from None
    translate_torch_error(error)
