"""The library's error and warning classes, and libtorch message translation.

Every error rtorch raises is an :class:`RTorchError`. Each concrete class also
subclasses the builtin a Python user would catch (``ValueError``, ``TypeError``,
``IndexError``, ``RuntimeError``, ``NotImplementedError``), mirroring R torch's
condition classes ``value_error``, ``type_error``, ``index_error``,
``runtime_error`` and ``not_implemented_error``.

libtorch reports dimensions and list positions 0-based. R torch rewrites a
known set of those messages to 1-based numbers (its ``R/translate.R``);
:func:`translate_torch_error` applies the same rewrites, so a user never has to
subtract one in their head.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NoReturn

__all__ = [
    "RTorchError",
    "RValueError",
    "RTypeError",
    "RIndexError",
    "RRuntimeError",
    "RNotImplementedError",
    "LossyConversionWarning",
    "translate_torch_error",
    "call_torch",
]


class RTorchError(Exception):
    """Base class of every error raised by rtorch."""


class RValueError(RTorchError, ValueError):
    """A value is of the right type but not acceptable (R torch ``value_error``)."""


class RTypeError(RTorchError, TypeError):
    """An argument has a type rtorch cannot use (R torch ``type_error``)."""


class RIndexError(RTorchError, IndexError):
    """An index or dimension is out of range or invalid."""


class RRuntimeError(RTorchError, RuntimeError):
    """libtorch refused an operation (R torch ``runtime_error``)."""


class RNotImplementedError(RTorchError, NotImplementedError):
    """An R torch feature that rtorch does not provide yet."""


class LossyConversionWarning(UserWarning):
    """A conversion could not keep every value exactly (precision, NA, zones)."""


def translate_torch_error(error: BaseException) -> NoReturn:
    """Re-raise a libtorch error as an rtorch error with 1-based numbers.

    R torch equivalent: the message rewriting of ``R/translate.R``. Messages
    about dimensions, list positions and loss targets get every captured
    non-negative number shifted by one; other messages pass through unchanged
    but still become an rtorch error class.

    Args:
        error: The exception raised by PyTorch.

    Raises:
        RIndexError: For out-of-range dimensions and indices.
        RValueError: For other ``ValueError``s.
        RTypeError: For ``TypeError``s.
        RRuntimeError: For everything else.

    Example:
        >>> try:
        ...     torch.zeros(3, 4).sum(2)
        ... except RuntimeError as e:
        ...     translate_torch_error(e)   # doctest: +SKIP
        IndexError: Dimension out of range (expected to be in range of [-2, 2],
        but got 3)
    """
    message = str(error)
    for pattern, rewrite in _REWRITES:
        message = pattern.sub(rewrite, message)

    if isinstance(error, RTorchError):
        raise error
    if isinstance(error, IndexError) or message.startswith(_INDEX_PREFIXES):
        raise RIndexError(message) from None
    if isinstance(error, TypeError):
        raise RTypeError(message) from None
    if isinstance(error, ValueError):
        raise RValueError(message) from None
    if isinstance(error, NotImplementedError):
        raise RNotImplementedError(message) from None
    if "not compiled with CUDA" in message:
        message += " (cuda_is_available() is FALSE here; use device='cpu')"
    raise RRuntimeError(message) from None


def call_torch(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call a PyTorch function, re-raising its errors as rtorch's 1-based ones.

    Example:
        >>> call_torch(torch.sum, torch.zeros(3, 4), 2)   # doctest: +SKIP
        rtorch.errors.RIndexError: Dimension out of range (expected to be in
        range of [-2, 2], but got 3)
    """
    try:
        return fn(*args, **kwargs)
    except (RuntimeError, IndexError, ValueError, TypeError, AssertionError) as error:
        translate_torch_error(error)


def _plus_one(*groups: int) -> Callable[[re.Match[str]], str]:
    """Build a substitution that adds 1 to the non-negative numbered groups."""

    def rewrite(match: re.Match[str]) -> str:
        text = match.group(0)
        start = match.start(0)
        pieces = []
        cursor = 0
        for group in groups:
            value = int(match.group(group))
            shifted = value + 1 if value >= 0 else value
            g_start, g_end = match.start(group) - start, match.end(group) - start
            pieces.append(text[cursor:g_start])
            pieces.append(str(shifted))
            cursor = g_end
        pieces.append(text[cursor:])
        return "".join(pieces)

    return rewrite


# R torch rule (R/translate.R): these libtorch messages speak 0-based numbers and
# are rewritten with +1 on every captured number >= 0.
_REWRITES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(
            r"Dimension out of range \(expected to be in range of "
            r"\[(-?\d+), (-?\d+)\], but got (-?\d+)\)"
        ),
        _plus_one(2, 3),
    ),
    (
        re.compile(
            r"Sizes of tensors must match except in dimension (\d+)\. Expected size "
            r"(\d+) but got size (\d+) for tensor number (\d+) in the list"
        ),
        _plus_one(1, 4),
    ),
    (
        re.compile(
            r"index (-?\d+) out of range for tensor of size \[[\d, ]*\] "
            r"at dimension (\d+)"
        ),
        _plus_one(1, 2),
    ),
    (re.compile(r"inputs dimension (-?\d+) must have length"), _plus_one(1)),
    (
        re.compile(
            r"contracted dimensions need to match, but first has size \d+ in dim "
            r"(-?\d+) and second has size \d+ in dim (-?\d+)"
        ),
        _plus_one(1, 2),
    ),
    (re.compile(r"Found an invalid max index: (-?\d+)"), _plus_one(1)),
    (
        re.compile(r"index (-?\d+) is out of bounds for dimension (\d+) with size 0"),
        _plus_one(1, 2),
    ),
]

# R torch shows libtorch's C++ wording for this one; PyTorch's Python differs.
_REWRITES.append(
    (
        re.compile(r"only Tensors of floating point dtype can require gradients"),
        lambda m: (
            "Only Tensors of floating point and complex dtype can require "
            "gradients (convert first, e.g. dtype=torch_float())"
        ),
    )
)

_TARGET = re.compile(r"Target (-?\d+) is out of bounds\.")
# R torch shifts loss targets even when negative.
_REWRITES.append((_TARGET, lambda m: f"Target {int(m.group(1)) + 1} is out of bounds."))

_INDEX_PREFIXES = ("Dimension out of range", "index ")
