"""R objects (as the ``rdata`` parser reads them) to pandas, keeping R's classes.

R equivalent: what ``readRDS()`` gives an R user. Each R type and class maps
to the pandas type that keeps its values, NA and metadata:

=====================  ==================================================
R                      pandas
=====================  ==================================================
double                 ``float64`` (``NA`` and ``NaN`` both become NaN)
integer                ``Int32`` (nullable: R integers are 32-bit with NA)
logical                ``boolean`` (nullable)
character              ``string`` (nullable)
factor / ordered       ``category`` with R's level order and ordered flag
Date                   ``datetime64[s]``
POSIXct                ``datetime64[us, <tzone>]`` (UTC when R had none)
ts                     a Series on a quarterly / monthly / yearly
                       ``PeriodIndex``, or on the float times of ``time(x)``
data.frame, tibble,    DataFrame; R's class vector and other attributes in
groupedData            ``attrs["r_class"]`` and ``attrs["r_attributes"]``
named list / list      dict / list
matrix, array          NumPy array, filled column-major as R stores it
=====================  ==================================================

Anything that cannot be kept (dimnames of a matrix, a class with no pandas
equivalent outside a data frame) is reported with a
:class:`~rtorch.errors.LossyConversionWarning`, never dropped silently.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd
from rdata.parser import RObject, RObjectType

from rtorch.errors import LossyConversionWarning, RNotImplementedError, RValueError
from rtorch.frames import rlanguage

__all__ = ["attributes", "pairlist", "to_python"]

_ATOMIC = {
    RObjectType.LGL,
    RObjectType.INT,
    RObjectType.REAL,
    RObjectType.CPLX,
    RObjectType.STR,
}
_PERIOD_FREQUENCIES = {1: "Y", 4: "Q", 12: "M"}
_SECONDS_PER_DAY = 86_400


def to_python(robject: RObject, encoding: str = "utf-8", where: str = "object") -> Any:
    """Convert one parsed R object to pandas / NumPy / Python.

    Args:
        robject: The parser's object.
        encoding: The file's native encoding, for strings without a mark.
        where: A description of the object for messages ("object 'x'").

    Returns:
        A DataFrame, Series, NumPy array, dict, list, str, number or ``None``.

    Raises:
        RValueError: For malformed objects (factor codes out of range, columns
            of unequal length, a ``ts`` whose ``tsp`` does not fit).
        RNotImplementedError: For R types with no Python value (functions,
            environments, S4 objects) at the top level.
    """
    return _Converter(encoding).value(robject, where)


def attributes(robject: RObject) -> dict[str, RObject]:
    """An object's attributes by name (the attribute pairlist, unwound)."""
    result: dict[str, RObject] = {}
    for tag, value in pairlist(robject.attributes):
        result[tag] = value
    return result


class _Converter:
    """Walks an R object tree; one instance per file (it knows the encoding)."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding

    def value(self, robject: RObject, where: str) -> Any:
        """Any R object, at the top level or inside a list."""
        robject = rlanguage.deref(robject)
        kind = robject.info.type
        attrs = attributes(robject)
        classes = self.strings(attrs.get("class")) or []

        if "data.frame" in classes:
            return self.data_frame(robject, attrs, classes, where)
        if kind in _ATOMIC:
            return self.top_level_vector(robject, attrs, classes, where)
        if kind == RObjectType.VEC:
            return self.list_value(robject, attrs, where)
        if kind in (RObjectType.NILVALUE, RObjectType.NIL):
            return None
        if kind in (RObjectType.SYM, RObjectType.LANG):
            return rlanguage.deparse(robject)
        raise RNotImplementedError(
            f"{where} is an R {kind.name.lower()} object, which has no Python "
            "value; save the data you need as a data frame or vector in R."
        )

    def data_frame(
        self,
        robject: RObject,
        attrs: dict[str, RObject],
        classes: list[str],
        where: str,
    ) -> pd.DataFrame:
        """A data.frame (or tibble, groupedData, ...) with R's column types."""
        names = self.strings(attrs.get("names")) or []
        if len(names) != len(robject.value):
            raise RValueError(
                f"{where} is a data frame with {len(robject.value)} "
                f"columns but {len(names)} names; the file is damaged."
            )
        index = self.row_names(attrs.get("row.names"), where)

        columns: dict[str, Any] = {}
        column_attributes: dict[str, dict[str, Any]] = {}
        for name, column in zip(names, robject.value, strict=True):
            values, extra = self.column(column, f"column {name!r} of {where}")
            if len(values) != len(index):
                raise RValueError(
                    f"column {name!r} of {where} has {len(values)} values but the "
                    f"frame has {len(index)} rows; the file is damaged."
                )
            if name in columns:
                raise RValueError(
                    f"{where} has two columns named {name!r}; rename "
                    "them in R (make.unique(names(df))) and save again."
                )
            columns[name] = values
            if extra:
                column_attributes[name] = extra

        frame = pd.DataFrame(columns, index=index)
        frame.attrs["r_class"] = classes
        others = {
            key: self.plain(value, f"attribute {key!r} of {where}")
            for key, value in attrs.items()
            if key not in ("names", "row.names", "class")
        }
        if others:
            frame.attrs["r_attributes"] = others
        if column_attributes:
            frame.attrs["r_column_attributes"] = column_attributes
        return frame

    def column(self, robject: RObject, where: str) -> tuple[Any, dict[str, Any]]:
        """One data-frame column, and the R attributes pandas cannot hold."""
        robject = rlanguage.deref(robject)
        attrs = attributes(robject)
        classes = self.strings(attrs.get("class")) or []
        if robject.info.type == RObjectType.VEC and not classes:
            items = [self.value(item, f"element of {where}") for item in robject.value]
            holder = np.empty(len(items), dtype=object)
            holder[:] = items
            return holder, {}
        if robject.info.type not in _ATOMIC or "dim" in attrs:
            raise RNotImplementedError(
                f"{where} is a {'matrix' if 'dim' in attrs else 'nested'} column, "
                "which a flat pandas frame cannot hold; split it into plain columns "
                "in R first."
            )
        values, used = self.classed_vector(robject, attrs, classes, where)
        extra = {
            key: self.plain(value, f"attribute {key!r} of {where}")
            for key, value in attrs.items()
            if key not in used
        }
        return values, extra

    def top_level_vector(
        self,
        robject: RObject,
        attrs: dict[str, RObject],
        classes: list[str],
        where: str,
    ) -> Any:
        """A vector on its own: a Series (a NumPy array for a matrix)."""
        if "dim" in attrs:
            return self.array(robject, attrs, where)
        if "ts" in classes and "tsp" in attrs:
            return self.time_series(robject, attrs, classes, where)

        values, used = self.classed_vector(robject, attrs, classes, where)
        names = self.strings(attrs.get("names"))
        series = pd.Series(values, index=None if names is None else names)
        if classes:
            series.attrs["r_class"] = classes
        others = {
            key: self.plain(value, f"attribute {key!r} of {where}")
            for key, value in attrs.items()
            if key not in used | {"names"}
        }
        if others:
            series.attrs["r_attributes"] = others
        return series

    def classed_vector(
        self,
        robject: RObject,
        attrs: dict[str, RObject],
        classes: list[str],
        where: str,
    ) -> tuple[Any, set[str]]:
        """A vector's values by its class, and the attributes that were used."""
        if "factor" in classes:
            return self.factor(robject, attrs, classes, where), {"class", "levels"}
        if "Date" in classes:
            return self.dates(robject, where), {"class"}
        if "POSIXct" in classes:
            tzone = self.strings(attrs.get("tzone"))
            return self.date_times(robject, tzone[0] if tzone else "", where), {
                "class",
                "tzone",
            }
        return self.plain_vector(robject), set()

    def plain_vector(self, robject: RObject) -> Any:
        """An unclassed vector as the pandas array that keeps its NA."""
        kind = robject.info.type
        value = robject.value
        if kind == RObjectType.STR:
            return pd.array(self.strings(robject), dtype="string")
        if kind == RObjectType.INT:
            return pd.arrays.IntegerArray(
                np.ma.getdata(value).astype(np.int32), np.ma.getmaskarray(value).copy()
            )
        if kind == RObjectType.LGL:
            return pd.arrays.BooleanArray(
                np.ma.getdata(value).astype(bool), np.ma.getmaskarray(value).copy()
            )
        if kind == RObjectType.REAL:
            return _as_float(robject)
        return np.asarray(value).copy()

    def factor(
        self,
        robject: RObject,
        attrs: dict[str, RObject],
        classes: list[str],
        where: str,
    ) -> pd.Categorical:
        """R factor: 1-based integer codes into ``levels``, NA as NA_integer_."""
        levels = self.strings(attrs.get("levels")) or []
        if robject.info.type != RObjectType.INT:
            raise RValueError(
                f"{where} is a factor stored as "
                f"{robject.info.type.name}, not integer; the file is "
                "damaged."
            )
        codes = np.ma.getdata(robject.value).astype(np.int64)
        missing = np.ma.getmaskarray(robject.value)
        bad = ~missing & ((codes < 1) | (codes > len(levels)))
        if bad.any():
            raise RValueError(
                f"{where} is a factor with {len(levels)} levels but holds the code "
                f"{codes[bad][0]}; the file is damaged."
            )
        if len(set(levels)) != len(levels) or None in levels:
            raise RValueError(
                f"{where} is a factor with duplicated or NA levels; "
                "the file is damaged."
            )
        return pd.Categorical.from_codes(
            np.where(missing, -1, codes - 1),
            categories=levels,
            ordered="ordered" in classes,
        )

    def dates(self, robject: RObject, where: str) -> np.ndarray:
        """R Date: days since 1970-01-01 (double or integer) -> datetime64[s]."""
        days = _as_float(robject)
        seconds = days * _SECONDS_PER_DAY
        return _stamps(seconds, "s", where, "Date")

    def date_times(self, robject: RObject, tzone: str, where: str) -> Any:
        """R POSIXct: seconds since the epoch -> datetime64[us] in ``tzone``."""
        stamps = pd.Series(_stamps(_as_float(robject) * 10**6, "us", where, "POSIXct"))
        zone = tzone or "UTC"
        try:
            return stamps.dt.tz_localize("UTC").dt.tz_convert(zone).array
        except Exception:  # noqa: BLE001 - any unknown zone name lands here
            warnings.warn(
                f"{where}: R time zone {tzone!r} is unknown to Python; the "
                "date-times are kept in UTC (the same instants).",
                LossyConversionWarning,
                stacklevel=4,
            )
            return stamps.dt.tz_localize("UTC").array

    def time_series(
        self,
        robject: RObject,
        attrs: dict[str, RObject],
        classes: list[str],
        where: str,
    ) -> pd.Series:
        """R ts: values plus tsp = (start, end, frequency) -> a dated Series."""
        start, end, frequency = (float(v) for v in _as_float(attrs["tsp"]))
        values, _ = self.classed_vector(robject, attrs, [], where)
        count = round((end - start) * frequency) + 1
        if frequency <= 0 or count != len(values):
            raise RValueError(
                f"{where} is a ts with tsp = ({start}, {end}, {frequency}), which "
                f"does not describe its {len(values)} values; the file is damaged."
            )
        series = pd.Series(values, index=_ts_index(start, frequency, count))
        series.attrs["r_class"] = classes
        series.attrs["tsp"] = (start, end, frequency)
        return series

    def array(
        self, robject: RObject, attrs: dict[str, RObject], where: str
    ) -> np.ndarray:
        """A matrix or array, filled column-major as R stores it."""
        shape = tuple(int(v) for v in np.ma.getdata(attrs["dim"].value))
        values = robject.value
        if robject.info.type == RObjectType.STR:
            values = np.array(self.strings(robject), dtype=object)
        if int(np.prod(shape)) != len(values):
            raise RValueError(
                f"{where} has dim {shape} but {len(values)} values; "
                "the file is damaged."
            )
        dropped = sorted(set(attrs) - {"dim"})
        if dropped:
            warnings.warn(
                f"{where}: the R attributes {dropped} of this array are "
                "not kept; a NumPy array has only a shape.",
                LossyConversionWarning,
                stacklevel=4,
            )
        if isinstance(values, np.ma.MaskedArray) and not values.mask.any():
            values = values.data
        return values.reshape(shape, order="F")

    def list_value(
        self, robject: RObject, attrs: dict[str, RObject], where: str
    ) -> dict[str, Any] | list[Any]:
        """An R list: a dict when every element has a distinct name, else a list."""
        names = self.strings(attrs.get("names"))
        items = [
            self.value(item, f"element {position + 1} of {where}")
            for position, item in enumerate(robject.value)
        ]
        if names is None:
            return items
        if len(set(names)) != len(names) or "" in names or None in names:
            warnings.warn(
                f"{where}: a list with empty or repeated names became a "
                "Python list; its names are dropped.",
                LossyConversionWarning,
                stacklevel=4,
            )
            return items
        return dict(zip(names, items, strict=True))

    def row_names(self, robject: RObject | None, where: str) -> pd.Index:
        """R row names: compact ``c(NA, -n)`` -> 0..n-1; real names kept."""
        if robject is None:
            raise RValueError(
                f"{where} is a data frame without row.names; the file is damaged."
            )
        if robject.info.type == RObjectType.STR:
            return pd.Index(self.strings(robject), dtype="string")
        values = robject.value
        if len(values) == 2 and np.ma.getmaskarray(values)[0]:
            return pd.RangeIndex(abs(int(np.ma.getdata(values)[1])))
        return pd.Index(np.ma.getdata(values).astype(np.int64))

    def strings(self, robject: RObject | None) -> list[str | None] | None:
        """A character vector as Python strings (``None`` for NA)."""
        if robject is None:
            return None
        robject = rlanguage.deref(robject)
        if robject.info.type != RObjectType.STR:
            return None
        return [self.text(item) for item in robject.value]

    def text(self, char: RObject) -> str | None:
        """One CHARSXP, decoded by its own encoding mark."""
        if char.value is None:
            return None
        gp = char.info.gp
        encoding = (
            "utf-8"
            if gp & 8
            else "latin-1"
            if gp & 4
            else "ascii"
            if gp & 64
            else self.encoding
        )
        try:
            return char.value.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            warnings.warn(
                f"a string that is not valid {encoding} was read with "
                "replacement characters.",
                LossyConversionWarning,
                stacklevel=5,
            )
            return char.value.decode("utf-8", errors="replace")

    def plain(self, robject: RObject, where: str) -> Any:
        """An attribute value as plain Python (JSON-like) data."""
        robject = rlanguage.deref(robject)
        kind = robject.info.type
        if kind in (RObjectType.LANG, RObjectType.SYM):
            return rlanguage.deparse(robject)
        if kind in (RObjectType.NILVALUE, RObjectType.NIL):
            return None
        if kind == RObjectType.VEC:
            names = self.strings(attributes(robject).get("names"))
            items = [self.plain(item, where) for item in robject.value]
            return dict(zip(names, items, strict=True)) if names else items
        if kind not in _ATOMIC:
            return f"<R {kind.name.lower()}>"
        values = (
            self.strings(robject)
            if kind == RObjectType.STR
            else [
                None if masked else value.item()
                for value, masked in zip(
                    np.ma.getdata(robject.value),
                    np.ma.getmaskarray(robject.value),
                    strict=True,
                )
            ]
        )
        names = self.strings(attributes(robject).get("names"))
        if names:
            return dict(zip(names, values, strict=True))
        return values[0] if len(values) == 1 else values


def pairlist(cell: RObject | None) -> Iterator[tuple[str, RObject]]:
    """The (tag, value) pairs of an R pairlist, walked without recursion."""
    while cell is not None and cell.info.type == RObjectType.LIST:
        tag = rlanguage.deref(cell.tag) if cell.tag is not None else None
        name = "" if tag is None else tag.value.value.decode("utf-8", "replace")
        yield name, cell.value[0]
        cell = cell.value[1]


def _as_float(robject: RObject) -> np.ndarray:
    """Numbers of a double or integer vector as float64, NA as a quiet NaN.

    R's NA_real_ is a signalling NaN; arithmetic or casting on it raises
    floating-point "invalid" warnings, so it is replaced by a plain NaN.
    """
    values = robject.value
    if isinstance(values, np.ma.MaskedArray):
        return values.astype(np.float64).filled(np.nan)
    numbers = np.array(values, dtype=np.float64)
    numbers[np.isnan(numbers)] = np.nan
    return numbers


def _stamps(ticks: np.ndarray, unit: str, where: str, r_class: str) -> np.ndarray:
    """Float ticks since the epoch as datetime64[unit]; NaN/Inf/too large as NaT."""
    usable = np.isfinite(ticks) & (np.abs(ticks) < 2.0**63)
    whole = np.round(np.where(usable, ticks, 0))
    if (usable != ~np.isnan(ticks)).any() or (
        whole != np.where(usable, ticks, 0)
    ).any():
        warnings.warn(
            f"{where}: some {r_class} values are infinite, out of range or finer "
            f"than one {'second' if unit == 's' else 'microsecond'}; they became "
            "NaT or were rounded.",
            LossyConversionWarning,
            stacklevel=5,
        )
    stamps = whole.astype(np.int64).astype(f"datetime64[{unit}]")
    stamps[~usable] = np.datetime64("NaT")
    return stamps


def _ts_index(start: float, frequency: float, count: int) -> pd.Index:
    """Periods for yearly, quarterly and monthly series; else R's time(x)."""
    code = _PERIOD_FREQUENCIES.get(int(frequency)) if frequency.is_integer() else None
    position = start * frequency
    if code is None or not position.is_integer():
        return pd.Index(start + np.arange(count) / frequency, name="time")

    # R ts rule: the period number within the year is position mod frequency.
    year, period = divmod(int(position), int(frequency))
    first = pd.Period(year=year, month=1 + period * (12 // int(frequency)), freq=code)
    return pd.period_range(start=first, periods=count, freq=code)
