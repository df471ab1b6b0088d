"""Columns into the tensor buffer, and the check that nothing changed on the way.

:func:`assemble` writes every column's numbers into one fresh (rows, columns)
array; :func:`lossy_message` tells, from the source numbers alone, whether the
output dtype changes any of them (integers beyond 2^24 in float32, date-times
in float32, fractions or out-of-range values in an integer dtype, overflow to
inf). Rounding doubles to float32 is R torch's own rule and is not reported.
"""

from __future__ import annotations

import numpy as np

from rtorch.frames.columns import ColumnValues
from rtorch.frames.info import ColumnInfo

__all__ = ["assemble", "lossy_message"]

_BLOCK_ROWS = 32_768


def assemble(
    columns: list[ColumnValues], n_rows: int, target: np.dtype, fill: float | None
) -> np.ndarray:
    """Write the columns into a fresh (rows, columns) array, block of rows by block.

    Each block is written column by column into a small scratch array that
    stays in cache, then copied transposed into the output: one pass over the
    output instead of one strided pass per column.
    """
    out = np.empty((n_rows, len(columns)), dtype=target)
    block = max(1, min(n_rows, _BLOCK_ROWS))
    scratch = np.empty((len(columns), block), dtype=target)
    with np.errstate(over="ignore", invalid="ignore"):  # checked by lossy_message
        for start in range(0, n_rows, block):
            rows = slice(start, min(n_rows, start + block))
            width = rows.stop - start
            for position, values in enumerate(columns):
                part = scratch[position, :width]
                if values.offset:
                    np.add(
                        values.values[rows],
                        values.offset,
                        out=part,
                        dtype=target,
                        casting="unsafe",
                    )
                else:
                    np.copyto(part, values.values[rows], casting="unsafe")
                if (
                    values.missing is not None
                    and fill is not None
                    and not (values.nan_filled and np.isnan(fill))
                ):
                    np.copyto(part, fill, where=values.missing[rows])
            out[rows] = scratch[:, :width].T
    return out


def lossy_message(values: ColumnValues, target: np.dtype) -> str | None:
    """Describe the values ``target`` cannot hold exactly, if any (on the source)."""
    source = values.values
    if len(source) == 0:
        return None
    if target.kind == "f" and not values.exact:
        return _overflow_message(values, target)
    if (
        target.kind == "f"
        and source.dtype.kind in "iu"
        and _within(values, 2 ** (np.finfo(target).nmant + 1))
    ):
        return None

    with np.errstate(over="ignore", invalid="ignore"):
        if source.dtype.kind in "iu":
            wanted: np.ndarray = source.astype(np.int64) + values.offset
            held = wanted.astype(target)
            wrong = (held.astype(np.int64) if target.kind == "f" else held) != wanted
        else:
            wanted = source.astype(np.float64)
            held = wanted.astype(target)
            wrong = (held.astype(np.float64) != wanted) & ~np.isnan(wanted)
    if values.missing is not None:
        wrong &= ~values.missing
    count = int(np.count_nonzero(wrong))
    if count == 0:
        return None
    first = int(np.argmax(wrong))
    example = f"e.g. {wanted[first]} (row {first + 1}) became {held[first]}"
    return (
        f"column {values.info.name!r}: {count} value(s) changed in {target}, "
        f"{example}; {_advice(values.info, target)}"
    )


def _within(values: ColumnValues, limit: int) -> bool:
    """Whether all whole numbers (plus the offset) lie within +-limit."""
    if values.info.kind == "factor":
        return len(values.info.levels or ()) <= limit
    source = values.values
    bounds = np.iinfo(source.dtype)
    if -limit <= bounds.min and bounds.max <= limit:
        return True
    return -limit <= int(source.min()) and int(source.max()) <= limit


def _overflow_message(values: ColumnValues, target: np.dtype) -> str | None:
    """Doubles round silently (R's rule) but must not overflow to inf."""
    source = values.values
    largest = np.finfo(target).max
    if source.dtype.itemsize <= target.itemsize or not (
        np.fmax.reduce(source) > largest or np.fmin.reduce(source) < -largest
    ):
        return None
    count = int(np.count_nonzero(np.isfinite(source) & (np.abs(source) > largest)))
    return (
        f"column {values.info.name!r}: {count} value(s) beyond the largest "
        f"{target} ({largest:.4g}) became inf; use dtype=torch_float64()"
    )


def _advice(info: ColumnInfo, dtype: np.dtype) -> str:
    """How to avoid the loss, for the warning message."""
    if dtype.kind == "f":
        limit = 2 ** (np.finfo(dtype).nmant + 1)
        if info.kind == "datetime":
            return (
                f"{dtype} cannot hold seconds since 1970 to the second (it "
                f"steps by 128 s around 2024 in float32); use "
                "dtype=torch_float64()"
            )
        return (
            f"whole numbers are exact in {dtype} only up to {limit}; use "
            "dtype=torch_float64() or an integer dtype"
        )
    limits = np.iinfo(dtype)
    return (
        f"{dtype} holds whole numbers from {limits.min} to {limits.max} and "
        "truncates fractions toward zero (R torch's cast); use a floating or "
        "wider dtype"
    )
