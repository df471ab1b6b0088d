"""Tensor columns back to pandas columns: the inverse of R's column rules.

R equivalent: what an R user writes to undo ``as.integer()`` and
``as.numeric()``: ``factor(levels(f)[codes], levels(f), ordered = ...)``,
``as.Date(days, origin = "1970-01-01")``,
``as.POSIXct(seconds, origin = "1970-01-01", tz = "UTC")``. NaN becomes NA.
Columns come back in their own dtype: NumPy, nullable, Arrow-backed (whose
nulls hold NA) or sparse.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionArray

from rtorch.errors import RValueError
from rtorch.frames.info import ColumnInfo

__all__ = ["column", "ticks_from_seconds"]

_SECONDS_PER_DAY = 86_400
_TICKS_PER_SECOND = {"s": 1, "ms": 10**3, "us": 10**6, "ns": 10**9}
_SPARSE = re.compile(r"Sparse\[(?P<subtype>.+?), (?P<fill>.+)\]")


def column(values: np.ndarray, info: ColumnInfo) -> ExtensionArray | np.ndarray:
    """One pandas column (array) rebuilt from its tensor values.

    Args:
        values: The tensor column as float64 (or integer) NumPy values.
        info: How the column was converted.

    Returns:
        An array of the column's original dtype (a nullable one when NA came
        back and the original could not hold it).

    Raises:
        RValueError: When a factor, integer, logical or date column holds
            values that are not whole numbers or valid codes.
    """
    sparse = _SPARSE.fullmatch(info.source_dtype)
    if sparse is not None:
        dense = column(values, replace(info, source_dtype=sparse["subtype"]))
        return pd.arrays.SparseArray(dense, fill_value=_sparse_fill(sparse))

    missing = (
        np.isnan(values)
        if values.dtype.kind == "f"
        else np.zeros(len(values), dtype=bool)
    )
    if info.kind == "numeric":
        return _numeric(values, info)
    if info.kind == "factor":
        return _factor(values, missing, info)

    whole = _whole_numbers(values, missing, info)
    if info.kind == "integer":
        return _integer(whole, missing, info)
    if info.kind == "logical":
        return _logical(whole, missing, info)
    if info.kind == "date":
        return _dates(whole * _SECONDS_PER_DAY, missing, info)
    return _datetimes(values, missing, info)


def ticks_from_seconds(seconds: np.ndarray, ticks_per_second: int) -> np.ndarray:
    """Seconds (float64) as whole ticks, exact where the seconds are.

    Whole seconds and the fraction are scaled apart, so a nanosecond tick that
    the float64 holds comes back even where ``seconds * 10**9`` would round
    (beyond 2^53 ns, about 104 days after 1970).

    Example:
        >>> ticks_from_seconds(np.array([1.25]), 10**9)
        array([1250000000])
    """
    whole = np.floor(seconds)
    fraction = np.round((seconds - whole) * ticks_per_second).astype(np.int64)
    return whole.astype(np.int64) * ticks_per_second + fraction


def _numeric(values: np.ndarray, info: ColumnInfo) -> ExtensionArray | np.ndarray:
    """Doubles back in their own dtype; NaN is NA in nullable ones."""
    if info.source_dtype == "object":
        return values.astype(np.float64)
    return pd.array(values, dtype=info.source_dtype)


def _integer(
    whole: np.ndarray, missing: np.ndarray, info: ColumnInfo
) -> ExtensionArray:
    """Integers in their own dtype, or its nullable twin when NA came back."""
    dtype = info.source_dtype
    if dtype == "object":
        dtype = "Int64"
    elif missing.any() and isinstance(pd.api.types.pandas_dtype(dtype), np.dtype):
        numpy_dtype = np.dtype(dtype)
        dtype = (
            f"{'UInt' if numpy_dtype.kind == 'u' else 'Int'}{numpy_dtype.itemsize * 8}"
        )
    return _with_missing(whole, missing, dtype)


def _logical(
    whole: np.ndarray, missing: np.ndarray, info: ColumnInfo
) -> ExtensionArray:
    """0/1 back to logical; NA needs the nullable ``boolean``."""
    if not np.isin(whole[~missing], (0, 1)).all():
        raise RValueError(
            f"tensor_to_df(): column {info.name!r} was logical but holds values "
            "other than 0 and 1."
        )
    dtype = info.source_dtype
    if dtype in ("bool", "object") and missing.any():
        dtype = "boolean"
    elif dtype == "object":
        dtype = "bool"
    return _with_missing(whole.astype(bool), missing, dtype)


def _factor(
    values: np.ndarray, missing: np.ndarray, info: ColumnInfo
) -> pd.Categorical:
    """R's ``factor(levels[codes], levels, ordered)`` with NaN as NA."""
    levels = list(info.levels or ())
    codes = np.where(missing, 0, values)
    valid = (codes == np.round(codes)) & (codes >= 1) & (codes <= len(levels))
    if not valid[~missing].all():
        bad = float(values[~missing & ~valid][0])
        raise RValueError(
            f"tensor_to_df(): column {info.name!r} is a factor with "
            f"{len(levels)} levels, but holds {bad!r}, which is not a code 1 to "
            f"{len(levels)}."
        )
    codes = np.where(missing, -1, codes - 1).astype(np.int64)
    return pd.Categorical.from_codes(codes, categories=levels, ordered=info.ordered)


def _dates(
    seconds: np.ndarray, missing: np.ndarray, info: ColumnInfo
) -> ExtensionArray | np.ndarray:
    """Seconds since the epoch back to the column's own date type."""
    stamps = pd.Series(seconds.astype("datetime64[s]"))
    stamps[missing] = pd.NaT
    if info.source_dtype == "object":
        return np.array(
            [None if pd.isna(day) else day for day in stamps.dt.date], dtype=object
        )
    return stamps.astype(info.source_dtype).array


def _datetimes(
    seconds: np.ndarray, missing: np.ndarray, info: ColumnInfo
) -> ExtensionArray:
    """Seconds since the epoch (UTC) back to date-times in their time zone."""
    dtype = (
        pd.api.types.pandas_dtype(info.source_dtype)
        if info.source_dtype != "object"
        else np.dtype("datetime64[us]")
    )
    unit = _unit_of(dtype)
    ticks = ticks_from_seconds(np.where(missing, 0, seconds), _TICKS_PER_SECOND[unit])
    stamps = pd.Series(ticks.astype(f"datetime64[{unit}]"))
    stamps[missing] = pd.NaT
    if info.tz is not None:
        stamps = stamps.dt.tz_localize("UTC").dt.tz_convert(info.tz)
    return stamps.astype(dtype).array


def _unit_of(dtype: object) -> str:
    """The tick unit of a datetime64 / tz-aware / Arrow timestamp dtype."""
    unit = getattr(dtype, "unit", None)
    if unit is None and isinstance(dtype, pd.ArrowDtype):
        unit = getattr(dtype.pyarrow_dtype, "unit", "us")
    if unit is None:
        unit = np.datetime_data(dtype)[0]
    return unit if unit in _TICKS_PER_SECOND else "us"


def _whole_numbers(
    values: np.ndarray, missing: np.ndarray, info: ColumnInfo
) -> np.ndarray:
    """The values as int64, refusing fractions (they were whole when converted)."""
    if values.dtype.kind in "iu":
        return values.astype(np.int64)
    filled = np.where(missing, 0, values)
    if info.kind != "datetime" and not (filled == np.round(filled)).all():
        raise RValueError(
            f"tensor_to_df(): column {info.name!r} was {info.kind} but now holds "
            "fractions; round the tensor first or convert that column yourself."
        )
    return filled.astype(np.int64)


def _with_missing(
    values: np.ndarray, missing: np.ndarray, dtype: str
) -> ExtensionArray:
    """An array of ``dtype`` with NA where ``missing`` is set (exact for int64)."""
    if not missing.any():
        return pd.array(values, dtype=dtype)
    if values.dtype == bool:
        return pd.arrays.BooleanArray(values, missing).astype(dtype)
    return pd.arrays.IntegerArray(values, missing).astype(dtype)


def _sparse_fill(sparse: re.Match[str]) -> object:
    """The fill value of a sparse dtype's text (pandas cannot parse 0.0 back)."""
    text = sparse["fill"]
    if text == "nan":
        return np.nan
    if "NaT" in text:
        return pd.NaT
    if text in ("True", "False"):
        return text == "True"
    kind = np.dtype(sparse["subtype"]).kind
    return float(text) if kind == "f" else int(text)
