"""R's column-to-number rules: one pandas column in, exact numbers out.

This module decides what kind of R column a pandas column is (see
:data:`rtorch.frames.info.KINDS`) and extracts its values as exact numbers
(whole numbers stay integers, NA is a separate mask), without writing into the
tensor; :mod:`rtorch.frames.convert` does the writing and the lossy checks.

The rules are R's, as R torch users apply them before ``torch_tensor()``:

- factor (pandas Categorical) -> ``as.integer(f)``: 1-based code in the
  column's own level order, NA stays NA;
- logical -> 0/1;  Date -> ``as.numeric(d)``: days since 1970-01-01;
- POSIXct -> ``as.numeric(t)``: seconds since the epoch (UTC);
- numbers as they are; text is refused (R torch: "R type not handled").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from rtorch.frames.advice import PYTHON, Spelling
from rtorch.frames.info import EPOCH, ColumnInfo

__all__ = ["ColumnValues", "Unconvertible", "classify", "extract"]

_TICKS_PER_SECOND = {"s": 1, "ms": 10**3, "us": 10**6, "ns": 10**9}
_SECONDS_PER_DAY = 86_400
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_MASKED_ARRAYS = (
    pd.arrays.IntegerArray,
    pd.arrays.FloatingArray,
    pd.arrays.BooleanArray,
)


class Unconvertible(Exception):
    """A column that cannot become numbers; carries the reason and the fix."""

    def __init__(self, name: Hashable, reason: str, fix: str) -> None:
        super().__init__(f"column {name!r} {reason}; {fix}")
        self.name = name


@dataclass
class ColumnValues:
    """One column's numbers, ready to be written into a tensor column.

    Attributes:
        info: What kind of column it was and how it was read.
        values: The numbers; NA slots hold an arbitrary number.
        missing: Where the NAs are, or ``None`` when there are none.
        offset: Added on writing (1 for factor codes, which pandas keeps 0-based).
        exact: Whether the tensor must hold these values exactly (everything
            but doubles, whose rounding to float32 is R torch's own rule).
        nan_filled: Whether every NA slot of ``values`` already holds NaN.
        ticks: For date-times finer than seconds: the exact time stamps in
            their own unit (``values`` holds them as float64 seconds).
        ticks_per_second: That unit: 1_000 (ms), 1_000_000 (us) or 10^9 (ns).
    """

    info: ColumnInfo
    values: np.ndarray
    missing: np.ndarray | None
    offset: int = 0
    exact: bool = True
    nan_filled: bool = False
    ticks: np.ndarray | None = None
    ticks_per_second: int = 1


def classify(name: Hashable, column: pd.Series, spelling: Spelling = PYTHON) -> str:
    """The kind of R column ``column`` is, from its dtype alone where possible.

    Args:
        name: The column name (for messages).
        column: The pandas column (a sparse one is read as its dense values).
        spelling: How the fixes in messages are written (Python code by
            default; ``rtorch convert`` passes its options).

    Returns:
        One of ``"numeric"``, ``"integer"``, ``"logical"``, ``"factor"``,
        ``"date"``, ``"datetime"``.

    Raises:
        Unconvertible: For text, mixed or other non-numeric columns.
    """
    dtype = _dense(column).dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return "factor"
    if isinstance(dtype, pd.ArrowDtype):
        arrow_kind = _arrow_kind(dtype)
        if arrow_kind is not None:
            return arrow_kind
    if pd.api.types.is_bool_dtype(dtype):
        return "logical"
    if pd.api.types.is_integer_dtype(dtype):
        return "integer"
    if pd.api.types.is_float_dtype(dtype):
        return "numeric"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime" if getattr(dtype, "tz", None) is not None else "date"
    if dtype == object:
        return _classify_objects(name, _dense(column), spelling)
    if pd.api.types.is_string_dtype(dtype):
        raise _text_column(name, dtype, spelling)
    raise Unconvertible(
        name,
        f"has dtype {dtype}, which has no R number rule",
        f"convert it to numbers, a factor ({spelling.factor(name)}) or dates "
        f"first, or leave it out ({spelling.drop(name)})",
    )


def extract(
    name: Hashable,
    column: pd.Series,
    kind: str,
    like: ColumnInfo | None = None,
    spelling: Spelling = PYTHON,
) -> ColumnValues:
    """The exact numbers of one column of the given kind.

    Args:
        name: The column name.
        column: The pandas column (a sparse one is made dense).
        kind: Its kind, from :func:`classify`.
        like: The record of an earlier batch of the same column: the levels
            and the date / date-time decision are taken from it.
        spelling: How the fixes in messages are written.

    Returns:
        The column's values, NA mask and conversion record.
    """
    source_dtype = like.source_dtype if like is not None else str(column.dtype)
    column = _normalise(_dense(column), kind, spelling)
    if kind == "factor":
        values = _factor(name, column, like)
    elif kind in ("date", "datetime"):
        values = _dates(name, column, kind, like)
    else:
        if column.dtype == object:
            column = _objects_as_numbers(column, kind)
        values = _numbers(name, column, kind)
    values.info = replace(values.info, source_dtype=source_dtype)
    return values


def _dense(column: pd.Series) -> pd.Series:
    """A sparse column as its dense values (the tensor is dense anyway)."""
    if isinstance(column.dtype, pd.SparseDtype):
        return column.sparse.to_dense()
    return column


def _classify_objects(name: Hashable, column: pd.Series, spelling: Spelling) -> str:
    """Object columns: numbers with None (what R readers give), dates, or text."""
    inferred = pd.api.types.infer_dtype(column, skipna=True)
    kinds = {
        "integer": "integer",
        "floating": "numeric",
        "mixed-integer-float": "numeric",
        "decimal": "numeric",
        "empty": "numeric",
        "boolean": "logical",
        "date": "date",
        "datetime": "datetime",
        "datetime64": "datetime",
    }
    if inferred in kinds:
        return kinds[inferred]
    if inferred in ("string", "bytes"):
        raise _text_column(name, column.dtype, spelling)
    raise Unconvertible(
        name,
        f"holds Python objects of mixed or unsupported types ({inferred})",
        "make it one type first: numbers with None for NA, a factor "
        f"({spelling.factor(name)}) or dates, or leave it out "
        f"({spelling.drop(name)})",
    )


def _text_column(name: Hashable, dtype: object, spelling: Spelling) -> Unconvertible:
    """The error for a character column (R torch: 'R type not handled')."""
    return Unconvertible(
        name,
        f"holds text (dtype {dtype}); a tensor holds numbers only (R torch: "
        "'R type not handled')",
        f"make it a factor first ({spelling.factor(name)}), or leave it out "
        f"({spelling.drop(name)})",
    )


def _arrow_kind(dtype: pd.ArrowDtype) -> str | None:
    """Kinds of Arrow-backed columns that the generic dtype tests miss."""
    import pyarrow as pa

    arrow_type = dtype.pyarrow_dtype
    if pa.types.is_dictionary(arrow_type):
        return "factor"
    if pa.types.is_date(arrow_type):
        return "date"
    if pa.types.is_timestamp(arrow_type):
        return "datetime" if arrow_type.tz is not None else "date"
    return None


def _normalise(column: pd.Series, kind: str, spelling: Spelling) -> pd.Series:
    """Arrow dictionaries, dates and timestamps as pandas' own types."""
    if isinstance(column.dtype, pd.ArrowDtype) and kind in (
        "factor",
        "date",
        "datetime",
    ):
        arrow = column.array.__arrow_array__()
        return pd.Series(arrow.to_pandas(date_as_object=False).array, name=column.name)
    if column.dtype == object and kind in ("date", "datetime"):
        return _object_dates(column, spelling)
    return column


def _object_dates(column: pd.Series, spelling: Spelling) -> pd.Series:
    """``datetime.date`` / ``datetime`` objects as a datetime64 Series."""
    missing = column.isna().to_numpy()
    values = column.to_numpy()
    if all(type(value) is dt.date for value in values[~missing]):
        days = np.zeros(len(values), dtype=np.int64)
        days[~missing] = [
            value.toordinal() - _EPOCH_ORDINAL for value in values[~missing]
        ]
        stamps = (days * _SECONDS_PER_DAY).astype("datetime64[s]")
        stamps[missing] = np.datetime64("NaT")
        return pd.Series(stamps, name=column.name)
    try:
        return pd.Series(pd.to_datetime(values), name=column.name)
    except (ValueError, TypeError) as error:
        raise Unconvertible(
            column.name,
            f"holds date-times that pandas cannot put in one column ({error})",
            spelling.utc_dates(column.name),
        ) from None


def _objects_as_numbers(column: pd.Series, kind: str) -> pd.Series:
    """Object columns of numbers, booleans and None as typed pandas columns."""
    if kind == "integer":
        return column.astype("Int64")
    if kind == "logical":
        return column.astype("boolean")
    return pd.Series(
        column.to_numpy(dtype=np.float64, na_value=np.nan), name=column.name
    )


def _numbers(name: Hashable, column: pd.Series, kind: str) -> ColumnValues:
    """Numeric, integer and logical columns (NumPy, nullable or Arrow)."""
    dtype = column.dtype
    array = column.array
    nan_filled = False
    if isinstance(dtype, np.dtype):
        values = column.to_numpy()
        nan_filled = kind == "numeric"
        missing = np.isnan(values) if nan_filled else None
    elif isinstance(array, _MASKED_ARRAYS):
        # Nullable arrays keep values and NA mask apart; reading both without a
        # copy (private but long-stable attributes) saves two passes per column.
        values, missing = array._data, array._mask
        if kind == "numeric":
            missing = missing | np.isnan(values)  # NaN that pandas does not call NA
    else:
        missing = column.isna().to_numpy()
        fill = {"logical": False, "integer": 0, "numeric": np.nan}[kind]
        values = column.to_numpy(dtype=dtype.numpy_dtype, na_value=fill)
        nan_filled = kind == "numeric"
    if kind == "logical":
        values = values.view(np.uint8)
    missing, count = _mask_and_count(missing)

    info = ColumnInfo(name=name, kind=kind, source_dtype=str(dtype), na_count=count)
    return ColumnValues(
        info, values, missing, exact=kind != "numeric", nan_filled=nan_filled
    )


def _factor(name: Hashable, column: pd.Series, like: ColumnInfo | None) -> ColumnValues:
    """R's ``as.integer(factor)``: 1-based codes in the column's level order."""
    categorical = column.cat
    if like is not None and like.levels is not None:
        categorical = _align_levels(name, column, like).cat
    codes = categorical.codes.to_numpy()
    missing, count = _mask_and_count(codes < 0)

    info = ColumnInfo(
        name=name,
        kind="factor",
        source_dtype=str(column.dtype),
        na_count=count,
        levels=tuple(categorical.categories.tolist()),
        ordered=bool(categorical.ordered),
    )
    return ColumnValues(info, codes, missing, offset=1)


def _align_levels(name: Hashable, column: pd.Series, like: ColumnInfo) -> pd.Series:
    """Recode a later batch to the first batch's levels, adding new ones last."""
    levels = list(like.levels or ())
    known = set(levels)
    new = [level for level in column.cat.categories if level not in known]
    if new and like.ordered:
        raise Unconvertible(
            name,
            f"is an ordered factor whose levels {new!r} were not in the earlier "
            f"rows (levels {levels!r}); their place in the order is unknown",
            "write the file with the complete level set in every row group",
        )
    return column.cat.set_categories(levels + new, ordered=like.ordered)


def _dates(
    name: Hashable, column: pd.Series, kind: str, like: ColumnInfo | None
) -> ColumnValues:
    """Date -> days since 1970-01-01; date-time -> seconds since the epoch (UTC)."""
    dtype = column.dtype
    tz = getattr(dtype, "tz", None)
    naive = column.dt.tz_convert(None) if tz is not None else column
    unit = np.datetime_data(naive.dtype)[0]
    ticks = naive.to_numpy().view(np.int64)
    missing, count = _mask_and_count(ticks == np.iinfo(np.int64).min)

    ticks_per_day = _TICKS_PER_SECOND[unit] * _SECONDS_PER_DAY
    days = np.floor_divide(ticks, ticks_per_day)
    if like is not None:
        kind = like.kind
    elif kind == "date" and not _all_midnight(ticks, days, ticks_per_day, count):
        kind = "datetime"

    exact_ticks = None
    if kind == "date":
        values = days
    elif unit == "s":
        values = ticks.copy()
    else:
        values = _seconds(ticks, _TICKS_PER_SECOND[unit])
        exact_ticks = ticks
    if missing is not None:
        values[missing] = 0  # keeps NaT's huge tick count out of the range checks
    info = ColumnInfo(
        name=name,
        kind=kind,
        source_dtype=str(dtype),
        na_count=count,
        origin=EPOCH,
        unit="day" if kind == "date" else "second",
        tz=None if tz is None else str(tz),
    )
    if exact_ticks is None:
        return ColumnValues(info, values, missing)
    return ColumnValues(
        info,
        values,
        missing,
        ticks=exact_ticks,
        ticks_per_second=_TICKS_PER_SECOND[unit],
    )


def _seconds(ticks: np.ndarray, ticks_per_second: int) -> np.ndarray:
    """Ticks as float64 seconds, rounded once (``ticks / n`` rounds the ticks first).

    Beyond 2^53 ticks (104 days of nanoseconds) float64 cannot hold the tick
    count, so whole seconds and the fraction are converted apart: 2024-01-01
    00:00:00.25 becomes 1704067200.25, not its neighbour 1704067200.2499998.
    """
    whole, fraction = np.divmod(ticks, ticks_per_second)
    seconds = whole.astype(np.float64)
    seconds += fraction / ticks_per_second
    return seconds


def _all_midnight(
    ticks: np.ndarray, days: np.ndarray, ticks_per_day: int, na_count: int
) -> bool:
    """Whether every (non-NaT) time stamp falls on midnight: an R ``Date``.

    ``days * ticks_per_day`` differs from the ticks at every NaT (its tick
    count is no multiple of a day in any unit), so the stamps are all at
    midnight exactly when the differences are the NaTs.
    """
    with np.errstate(over="ignore"):
        off_midnight = np.count_nonzero(np.multiply(days, ticks_per_day) != ticks)
    return off_midnight == na_count


def _mask_and_count(missing: np.ndarray | None) -> tuple[np.ndarray | None, int]:
    """The NA mask (``None`` when there are none) and the NA count."""
    if missing is None:
        return None, 0
    count = int(np.count_nonzero(missing))
    return (missing, count) if count else (None, 0)
