"""The values an output dtype cannot hold as they are, found on the source numbers.

:func:`find_loss` compares each column's exact numbers with what the tensor
dtype makes of them and returns a :class:`Loss` describing the first changed
value and how many there are:

- ``"range"``: whole numbers outside an integer dtype (R torch's cast would
  wrap them around, 2^64 - 1 becoming -1); an error, never a warning;
- ``"changed"``: integers beyond 2^24 in float32 (2^53 in float64, any
  width of unsigned), date-times that do not come back to their own tick
  (second, millisecond, microsecond or nanosecond), fractions truncated by an
  integer dtype (R torch's cast: ``torch_tensor(1.7, dtype = torch_long())``
  is 1);
- ``"inf"``: doubles beyond the largest float32 / float16;
- ``"fill"``: an ``na=`` number that is also real data (see
  :mod:`rtorch.frames.na`).

Rounding doubles to float32 is R torch's own rule (R double -> float32) and is
not a loss. A loss records its row counted from the start of the input, so the
batches of ``rtorch convert`` report rows of the file (:meth:`Loss.merged`).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, replace

import numpy as np

from rtorch.frames.advice import Spelling
from rtorch.frames.columns import ColumnValues
from rtorch.frames.restore import ticks_from_seconds

__all__ = ["Loss", "find_loss", "loss_messages", "merge_losses"]


@dataclass(frozen=True)
class Loss:
    """The values of one column that the tensor does not hold as they were.

    Attributes:
        column: The column name.
        kind: ``"range"``, ``"changed"``, ``"inf"`` or ``"fill"``.
        target: The tensor dtype, e.g. ``"float32"``.
        count: How many values.
        first_row: The 1-based row of the first one, from the start of the input.
        value: The first one as it was, as text.
        became: What the tensor holds instead, as text (empty for a double
            outside an integer dtype, whose cast is undefined).
        column_kind: The column's kind (``"datetime"``, ``"integer"``, ...).
        ticks_per_second: The tick of a date-time column (1 for seconds).
    """

    column: Hashable
    kind: str
    target: str
    count: int
    first_row: int
    value: str
    became: str = ""
    column_kind: str = "numeric"
    ticks_per_second: int = 1

    def merged(self, later: Loss) -> Loss:
        """This loss and the same loss in later rows: counts add, the example stays."""
        return replace(self, count=self.count + later.count)

    def message(self, spelling: Spelling) -> str:
        """The warning or error line, with the fix in the user's spelling."""
        name = f"column {self.column!r}"
        if self.kind == "fill":
            return (
                f"{name}: {spelling.na(self.value)} fills its NA, but {self.value} "
                f"is also real data in {self.count} row(s), the first is row "
                f"{self.first_row}; the tensor cannot tell them apart. Choose a "
                f"number the column does not hold, or {spelling.dtype('float32')} "
                "so that NA becomes NaN"
            )
        if self.kind == "range":
            limits = np.iinfo(np.dtype(self.target))
            return (
                f"{name}: {self.count} value(s) do not fit in {self.target} (whole "
                f"numbers from {limits.min} to {limits.max}), e.g. {self.value} "
                f"(row {self.first_row}); {self._cast_result()}"
            )
        if self.kind == "inf":
            largest = float(np.finfo(np.dtype(self.target)).max)
            return (
                f"{name}: {self.count} value(s) beyond the largest {self.target} "
                f"({largest:.4g}) became inf, e.g. {self.value} (row "
                f"{self.first_row}); use {spelling.dtype('float64')}"
            )
        return (
            f"{name}: {self.count} value(s) changed in {self.target}, e.g. "
            f"{self.value} (row {self.first_row}) became {self.became}; "
            f"{self._advice(spelling)}"
        )

    def _cast_result(self) -> str:
        """What R torch's cast would have made of an out-of-range value."""
        if not self.became:
            return "R torch's cast gives an undefined number for such a double"
        return f"R torch's cast would wrap it around, to {self.became}"

    def _advice(self, spelling: Spelling) -> str:
        """How to avoid a ``"changed"`` loss."""
        target = np.dtype(self.target)
        if target.kind in "iu":
            return (
                f"{target} truncates fractions toward zero (R torch's cast); use "
                f"{spelling.dtype('float64')} to keep them"
            )
        if self.column_kind == "datetime" and target == np.float64:
            return (
                "float64 steps by about 0.24 microseconds around 2024, so these "
                "time stamps cannot come back exactly; "
                f"{spelling.round_times(self.column)}"
            )
        if self.column_kind == "datetime":
            return (
                f"{target} cannot hold seconds since 1970 to the second (it steps "
                f"by 128 s around 2024 in float32); use {spelling.dtype('float64')}"
            )
        limit = 2 ** (np.finfo(target).nmant + 1)
        wider = "int64" if target == np.float64 else "float64"
        return (
            f"whole numbers are exact in {target} only up to {limit}; use "
            f"{spelling.dtype(wider)} or another integer dtype"
        )


def find_loss(values: ColumnValues, target: np.dtype, first_row: int) -> Loss | None:
    """The values of one column that ``target`` cannot hold as they are, if any.

    Args:
        values: The column's exact numbers.
        target: The tensor dtype.
        first_row: The input row number of the column's first value (1-based).

    Returns:
        A ``"range"`` loss when whole numbers fall outside an integer dtype
        (before any other), else a ``"changed"`` or ``"inf"`` one, else ``None``.

    Example:
        >>> column = extract("u", pd.Series([2**64 - 1], dtype="uint64"), "integer")
        >>> find_loss(column, np.dtype("int64"), 1).kind     # doctest: +SKIP
        'range'
    """
    source = values.values
    if len(source) == 0:
        return None
    if target.kind == "f" and values.ticks is not None:
        if _ticks_always_survive(values, target):
            return None
        wrong, held = _time_changes(values, target)
        return _loss(values, "changed", target, wrong, held, first_row)
    if target.kind == "f" and not values.exact:
        return _overflow(values, target, first_row)
    if source.dtype.kind in "iu":
        return _integer_loss(values, target, first_row)
    return _fraction_loss(values, target, first_row)


def loss_messages(
    losses: list[Loss], na_counts: Mapping[Hashable, int], spelling: Spelling
) -> list[str]:
    """The warning lines; a ``"fill"`` loss counts only in a column with NA.

    Args:
        losses: The losses found.
        na_counts: Each column's number of NA values.
        spelling: How the fixes are written.
    """
    return [
        loss.message(spelling)
        for loss in losses
        if loss.kind != "fill" or na_counts[loss.column] > 0
    ]


def merge_losses(earlier: list[Loss], later: list[Loss]) -> list[Loss]:
    """The losses of consecutive row batches, one per column and kind.

    Example:
        >>> merge_losses([first_batch_loss], [second_batch_loss])  # doctest: +SKIP
    """
    merged = {(loss.column, loss.kind): loss for loss in earlier}
    for loss in later:
        key = (loss.column, loss.kind)
        merged[key] = merged[key].merged(loss) if key in merged else loss
    return list(merged.values())


def _integer_loss(
    values: ColumnValues, target: np.dtype, first_row: int
) -> Loss | None:
    """Whole numbers outside an integer dtype, or not exact in a float one."""
    if target.kind == "f":
        limit = 2 ** (np.finfo(target).nmant + 1)
        if _within(values, -limit, limit):
            return None
        wanted = _whole_numbers(values)
        return _loss(
            values, "changed", target, ~_exact_in(wanted, target), wanted, first_row
        )

    limits = np.iinfo(target)
    if _within(values, int(limits.min), int(limits.max)):
        return None
    wanted = _whole_numbers(values)
    outside = (
        wanted > np.uint64(limits.max)
        if wanted.dtype.kind == "u"
        else ((wanted < limits.min) | (wanted > limits.max))
    )
    return _loss(values, "range", target, outside, wanted, first_row)


def _fraction_loss(
    values: ColumnValues, target: np.dtype, first_row: int
) -> Loss | None:
    """Doubles in an integer dtype: outside its range (error) or fractions (warning)."""
    wanted = np.asarray(values.values, dtype=np.float64)
    limits = np.iinfo(target)
    whole = np.trunc(wanted)
    # The bounds -2^(b-1) (or 0) and 2^(b-1) are exact doubles; NaN is outside.
    inside = (whole >= limits.min) & (whole < int(limits.max) + 1)
    outside = _loss(values, "range", target, ~inside, wanted, first_row)
    if outside is not None:
        return outside
    return _loss(values, "changed", target, whole != wanted, wanted, first_row)


def _ticks_always_survive(values: ColumnValues, target: np.dtype) -> bool:
    """Whether every time stamp is where ``target`` steps by less than one tick.

    Below 2^e seconds a float with m mantissa bits steps by at most
    2^(e - 1 - m); the nearest value then lies within half a tick, so each
    stamp comes back exactly (float64 keeps microseconds below 2^33 s, until
    the year 2242). Two reductions instead of the full round trip.
    """
    nmant = np.finfo(target).nmant
    bound = 2.0 ** math.ceil(nmant - math.log2(values.ticks_per_second))
    seconds = values.values
    return bool(seconds.max() < bound and seconds.min() > -bound)


def _time_changes(
    values: ColumnValues, target: np.dtype
) -> tuple[np.ndarray, np.ndarray]:
    """Date-times whose tensor value does not come back to the same tick."""
    held = values.values.astype(target)
    with np.errstate(over="ignore", invalid="ignore"):
        back = ticks_from_seconds(held.astype(np.float64), values.ticks_per_second)
    return back != values.ticks, held


def _overflow(values: ColumnValues, target: np.dtype, first_row: int) -> Loss | None:
    """Doubles round silently (R's rule) but must not overflow to inf."""
    source = values.values
    largest = np.finfo(target).max
    if source.dtype.itemsize <= target.itemsize or not (
        np.fmax.reduce(source) > largest or np.fmin.reduce(source) < -largest
    ):
        return None
    beyond = np.isfinite(source) & (np.abs(source) > largest)
    return _loss(values, "inf", target, beyond, source, first_row)


def _loss(
    values: ColumnValues,
    kind: str,
    target: np.dtype,
    wrong: np.ndarray,
    shown: np.ndarray,
    first_row: int,
) -> Loss | None:
    """The loss for the ``wrong`` (non-NA) rows, showing the first from ``shown``."""
    found = _found(values, wrong)
    if found is None:
        return None
    first = int(np.argmax(found))
    became = ""
    if kind != "range" or shown.dtype.kind in "iu":  # a double's cast is undefined
        with np.errstate(over="ignore", invalid="ignore"):
            became = repr(np.array(shown[first]).astype(target).item())
    return Loss(
        column=values.info.name,
        kind=kind,
        target=str(target),
        count=int(np.count_nonzero(found)),
        first_row=first_row + first,
        value=_as_text(values, first),
        became=became,
        column_kind=values.info.kind,
        ticks_per_second=values.ticks_per_second,
    )


def _found(values: ColumnValues, wrong: np.ndarray) -> np.ndarray | None:
    """``wrong`` without the NA rows, or ``None`` when nothing is left."""
    if values.missing is not None:
        wrong = wrong & ~values.missing
    return wrong if wrong.any() else None


def _as_text(values: ColumnValues, row: int) -> str:
    """A source value exactly as it was (date-times to their own tick)."""
    if values.ticks is not None:
        seconds, tick = divmod(int(values.ticks[row]), values.ticks_per_second)
        digits = len(str(values.ticks_per_second)) - 1
        return f"{seconds}.{tick:0{digits}d}"
    value = values.values[row]
    if value.dtype.kind in "iu":
        return str(int(value) + values.offset)
    return repr(float(value))


def _whole_numbers(values: ColumnValues) -> np.ndarray:
    """The integer values plus the offset, as int64 (uint64 above its range)."""
    source = values.values
    if source.dtype == np.uint64 and source.max() > np.iinfo(np.int64).max:
        return source  # only factor codes have an offset, and they are signed
    return source.astype(np.int64) + values.offset


def _within(values: ColumnValues, low: int, high: int) -> bool:
    """Whether all whole numbers (plus the offset) lie within ``[low, high]``."""
    if values.info.kind == "factor":
        return len(values.info.levels or ()) <= high
    source = values.values
    bounds = np.iinfo(source.dtype)
    if (
        low <= int(bounds.min) + values.offset
        and int(bounds.max) + values.offset <= high
    ):
        return True
    return (
        low <= int(source.min()) + values.offset
        and int(source.max()) + values.offset <= high
    )


def _exact_in(wanted: np.ndarray, target: np.dtype) -> np.ndarray:
    """Which whole numbers a float dtype holds exactly.

    A whole number is exact when its odd part (the number without its trailing
    zero bits) fits in the mantissa and it does not pass the largest finite
    value; computed on unsigned magnitudes, so -2^63 and 2^64 - 1 are handled.
    """
    if wanted.dtype.kind == "u":
        magnitude = wanted
    else:
        bits = wanted.view(np.uint64)
        magnitude = np.where(wanted < 0, np.uint64(0) - bits, bits)
    lowest_bit = magnitude & (np.uint64(0) - magnitude)
    odd_part = magnitude // np.maximum(lowest_bit, np.uint64(1))
    exact = odd_part < np.uint64(2 ** (np.finfo(target).nmant + 1))
    largest = int(np.finfo(target).max)
    if largest < 2**64:
        exact &= magnitude <= np.uint64(largest)
    return exact
