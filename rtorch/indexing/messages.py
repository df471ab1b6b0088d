"""Error messages for bad index keys: R torch's text first, then the facts.

Each message starts with the sentence R torch prints (so code that matches on
it keeps working), then names the key, the element, the 1-based dimension, its
size and what would have been accepted. Out-of-range positions are reported
1-based (DECISIONS.md item 4), where R torch passes on libtorch's 0-based text.

Example:
    >>> key_error(KeyProblem("zero", 1, origin="r"), (1, 0), (2, 2))
    RIndexError('Indexing in R is 1-based and found a 0. Element 2 of the
    index [1, 0] selects along dimension 2 (size 2); use 1 to 2, or -2 to -1
    to count from the end.')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import torch

from rtorch._facade import TensorBase
from rtorch.errors import RIndexError, RTorchError, RTypeError, RValueError
from rtorch.indexing.ranges import N, Slice
from rtorch.indexing.translate import KeyProblem, arity_of

__all__ = ["key_error", "render_key"]

Info = dict[str, Any]
DimSize = tuple[int, int] | None


def key_error(problem: KeyProblem, key: object, shape: Sequence[int]) -> RTorchError:
    """Build the rtorch error for a problem found in a key.

    Args:
        problem: What :mod:`rtorch.indexing.translate` found.
        key: The key as the user wrote it.
        shape: The shape of the indexed tensor.

    Returns:
        The error to raise (an :class:`RIndexError`, :class:`RValueError` or
        :class:`RTypeError`).
    """
    text = render_key(key)
    info = problem.info
    where = f"Element {problem.element + 1} of the index {text}"
    build = _BUILDERS[problem.problem]
    return build(where, text, info, _dim_and_size(problem, key, shape), shape)


def render_key(key: object) -> str:
    """Write a key the way a user would recognise it, e.g. ``[2, 1:3, c(1, 4)]``.

    Args:
        key: One key element or a tuple of them.

    Returns:
        The key in brackets, long vectors shortened.
    """
    parts = key if isinstance(key, tuple) else (key,)
    return "[" + ", ".join(_render(part) for part in parts) + "]"


def _render(part: object) -> str:
    """One key element as text."""
    if part is Ellipsis:
        return "..."
    if isinstance(part, slice):
        return _render_range(part.start, part.stop, part.step)
    if isinstance(part, Slice):
        return f"slc({part.start}, {part.end}, {part.step})"
    if isinstance(part, TensorBase):
        part = part._t
    if isinstance(part, torch.Tensor):
        dtype = str(part.dtype).removeprefix("torch.")
        return f"<{dtype} tensor of shape {list(part.shape)}>"
    if isinstance(part, np.ndarray):
        return f"<{part.dtype} array of shape {list(part.shape)}>"
    if isinstance(part, (list, range)):
        values = list(part)
        shown = ", ".join(repr(value) for value in values[:6])
        return f"c({shown}{', ...' if len(values) > 6 else ''})"
    return repr(part)


def _render_range(start: object, stop: object, step: object) -> str:
    """A Python slice written as the R range it means."""
    text = ("" if start is None else repr(start)) + ":"
    text += "" if stop is None else ("N" if stop == N else repr(stop))
    if step is not None:
        text += f":{step!r}"
    return text


def _dim_and_size(problem: KeyProblem, key: object, shape: Sequence[int]) -> DimSize:
    """The 0-based dimension an element selects from, and its size, if known."""
    if "dim" in problem.info:
        dim = int(problem.info["dim"])
        return dim, shape[dim]
    parts = key if isinstance(key, tuple) else (key,)
    arities = [arity_of(part) for part in parts]
    element = problem.element
    if any(part is Ellipsis for part in parts[:element]):
        dim = len(shape) - sum(arities[element:])
    else:
        dim = sum(arities[:element])
    if 0 <= dim < len(shape) and arities[element] > 0:
        return dim, shape[dim]
    return None


def _accepted(dim_size: DimSize) -> str:
    """Where the element selects and which positions it could use."""
    if dim_size is None:
        return "has no dimension left to select from"
    dim, size = dim_size
    if size == 0:
        return f"selects along dimension {dim + 1}, which is empty (size 0)"
    return (
        f"selects along dimension {dim + 1} (size {size}); use 1 to {size}, "
        f"or -{size} to -1 to count from the end"
    )


def _zero(
    where: str, text: str, info: Info, dim_size: DimSize, shape: Sequence[int]
) -> RTorchError:
    head = (
        "Indexing in R is 1-based and found a 0."
        if info["origin"] == "r"
        else "Indexing starts at 1 but found a 0."
    )
    return RIndexError(f"{head} {where} {_accepted(dim_size)}.")


def _out_of_bounds(
    where: str, text: str, info: Info, dim_size: DimSize, shape: Sequence[int]
) -> RTorchError:
    dim, size = dim_size
    head = (
        f"index {info['value']} is out of bounds for dimension {dim + 1} "
        f"with size {size}."
    )
    return RIndexError(f"{head} {where} {_accepted(dim_size)}.")


def _too_many(
    where: str, text: str, info: Info, dim_size: DimSize, shape: Sequence[int]
) -> RTorchError:
    return RIndexError(
        f"too many indices for tensor of dimension {info['ndim']}. The index "
        f"{text} selects along {info['used']} dimensions, but the tensor has "
        f"shape {list(shape)}; use at most {info['ndim']} positions, ranges or "
        "vectors (None and ... use none)."
    )


def _dots(
    where: str, text: str, info: Info, dim_size: DimSize, shape: Sequence[int]
) -> RTorchError:
    return RIndexError(
        f"an index can only have a single ellipsis (...): the index {text} has "
        f"{info['count']}; keep one."
    )


def _mask(
    where: str, text: str, info: Info, dim_size: DimSize, shape: Sequence[int]
) -> RTorchError:
    dims = info["dims"]
    first = dim_size[0] + 1 if dim_size else "?"
    return RIndexError(
        f"The shape of the mask {list(info['mask'])} does not match the shape of "
        f"the indexed tensor {list(dims)} at dimension {first}. {where} is a "
        f"logical index, so it needs exactly one TRUE/FALSE per position: shape "
        f"{list(dims)} (R torch does not recycle logical indices)."
    )


def _range(
    where: str, text: str, info: Info, dim_size: DimSize, shape: Sequence[int]
) -> RTorchError:
    detail = info["detail"]
    if detail.startswith("step"):
        return RValueError(
            f"{detail} in the range of {where[0].lower()}{where[1:]}. Ranges in "
            "R torch only run forwards (a reversed range is empty); use flip() "
            "to reverse."
        )
    return RIndexError(f"{where}: {detail}.")


def _not_whole(
    where: str, text: str, info: Info, dim_size: DimSize, shape: Sequence[int]
) -> RTorchError:
    return RIndexError(
        f"{where} is {info['value']!r}, which is not a position; use whole "
        "numbers (1-based, negative from the end)."
    )


def _na(
    where: str, text: str, info: Info, dim_size: DimSize, shape: Sequence[int]
) -> RTorchError:
    return RIndexError(
        f"{where} holds NA, which is not a position. Drop the NA entries "
        "(a lone NA, on its own, selects everything)."
    )


def _dtype(
    where: str, text: str, info: Info, dim_size: DimSize, shape: Sequence[int]
) -> RTorchError:
    dtype = str(info["dtype"]).removeprefix("torch.")
    return RIndexError(
        f"Only long and boolean tensors are supported. {where} is a {dtype} "
        "tensor; use a long tensor of 1-based positions "
        "(x.to(dtype=torch_long())) or a bool mask."
    )


def _type(
    where: str, text: str, info: Info, dim_size: DimSize, shape: Sequence[int]
) -> RTorchError:
    return RTypeError(
        f"Unsupported index. {where} is a {info['what']}; use whole numbers, "
        "ranges (a:b:s, slc()), c() vectors or lists, logical vectors, None, "
        "..., NA, or long and bool tensors."
    )


def _two(
    where: str, text: str, info: Info, dim_size: DimSize, shape: Sequence[int]
) -> RTorchError:
    places = " and ".join(str(element + 1) for element in info["elements"])
    return RIndexError(
        f"Only one tensor is allowed in the index. Subset assignment takes at "
        f"most one vector, logical or tensor index, but elements {places} of "
        f"the index {text} are such indices. Assign in steps, or use "
        "torch_index_put_() for pairwise positions."
    )


_BUILDERS = {
    "zero": _zero,
    "oob": _out_of_bounds,
    "too_many": _too_many,
    "dots": _dots,
    "mask": _mask,
    "range": _range,
    "not_whole": _not_whole,
    "na": _na,
    "dtype": _dtype,
    "type": _type,
    "two": _two,
}
