"""The record of how each data-frame column became tensor values.

:func:`rtorch.frames.df_to_tensor` returns a :class:`ConversionInfo` next to
the tensor. It names, for every column, the R rule that was applied (factor ->
1-based codes in level order, Date -> days since 1970-01-01, ...), the levels
with their order, the origin and unit of dates, the time zone of date-times,
how many values were NA, and every lossy step that was warned about. That is
enough for :func:`rtorch.frames.tensor_to_df` to rebuild the frame, and for the
``rtorch convert`` command to print its per-column report.

R torch has no such record: ``torch_tensor(as.matrix(df))`` keeps nothing.

Example:
    >>> x, info = df_to_tensor(datasets.Orange)
    >>> info.columns[0].levels
    ('3', '1', '5', '2', '4')
    >>> print(info.report())            # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from rtorch.errors import RValueError

__all__ = ["KINDS", "ColumnInfo", "ConversionInfo"]

KINDS = ("numeric", "integer", "logical", "factor", "date", "datetime")
"""The column kinds, each with its R rule (see :data:`RULES`)."""

RULES = {
    "numeric": "values as they are",
    "integer": "values as they are",
    "logical": "TRUE -> 1, FALSE -> 0",
    "factor": "1-based codes in level order",
    "date": "days since 1970-01-01",
    "datetime": "seconds since 1970-01-01 00:00:00 UTC",
}
"""One line per kind: what the tensor holds for such a column."""

EPOCH = "1970-01-01"


@dataclass(frozen=True)
class ColumnInfo:
    """How one column was converted.

    Attributes:
        name: The column name (the Series name for a Series).
        kind: One of :data:`KINDS`.
        source_dtype: The pandas dtype of the column, as text.
        na_count: How many values were NA (NaN, None, NaT, ``pd.NA``).
        levels: The factor levels in their order (factors only).
        ordered: Whether the factor was ordered (factors only).
        origin: ``"1970-01-01"`` for dates and date-times.
        unit: ``"day"`` for dates, ``"second"`` for date-times.
        tz: The time zone of a date-time column; ``None`` when it had none.
    """

    name: Hashable
    kind: str
    source_dtype: str
    na_count: int = 0
    levels: tuple[Any, ...] | None = None
    ordered: bool = False
    origin: str | None = None
    unit: str | None = None
    tz: str | None = None

    @property
    def rule(self) -> str:
        """The R rule applied to this column, in words."""
        return RULES[self.kind]

    def describe(self) -> str:
        """One line for the conversion report, e.g. ``"3 levels: a < b < c"``."""
        if self.kind == "factor":
            shown = [str(level) for level in (self.levels or ())[:6]]
            more = "" if len(self.levels or ()) <= 6 else ", ..."
            joiner = " < " if self.ordered else ", "
            return (
                f"{self.rule} ({len(self.levels or ())} levels: "
                f"{joiner.join(shown)}{more})"
            )
        if self.kind == "datetime":
            return f"{self.rule} (time zone {self.tz or 'none, read as UTC'})"
        return self.rule


@dataclass(frozen=True)
class ConversionInfo:
    """How a data frame (or Series) became a tensor; enough to rebuild it.

    Attributes:
        columns: One :class:`ColumnInfo` per tensor column, in order.
        dtype: The tensor dtype name, e.g. ``"float32"``.
        na: The NA policy used: ``"nan"``, ``"error"`` or the fill value.
        n_rows: The number of rows.
        container: ``"DataFrame"`` or ``"Series"`` (a Series gives a 1-d tensor).
        index: The row labels when they were not the default ``0..n-1``
            (kept for :func:`tensor_to_df`, not saved by :meth:`to_dict`).
        attrs: The frame's ``attrs`` (R class and attributes from
            :func:`read_rds`).
        lossy: The messages of the lossy steps that were warned about.
    """

    columns: tuple[ColumnInfo, ...]
    dtype: str
    na: str | float
    n_rows: int
    container: str = "DataFrame"
    index: pd.Index | None = field(default=None, compare=False)
    attrs: Mapping[str, Any] = field(default_factory=dict)
    lossy: tuple[str, ...] = ()

    @property
    def names(self) -> list[Hashable]:
        """The column names in tensor order."""
        return [column.name for column in self.columns]

    def column(self, name: Hashable) -> ColumnInfo:
        """The record of the column called ``name``.

        Raises:
            RValueError: When no column has that name.
        """
        for column in self.columns:
            if column.name == name:
                return column
        raise RValueError(
            f"No column named {name!r} in this conversion; the columns are "
            f"{self.names}."
        )

    def with_rows(self, n_rows: int, **changes: Any) -> ConversionInfo:
        """A copy for a different number of rows (used when stacking batches)."""
        return replace(self, n_rows=n_rows, **changes)

    def report(self) -> str:
        """The per-column conversion report as a text table.

        Example:
            >>> print(df_to_tensor(datasets.Orange).info.report())  # doctest: +SKIP
            35 rows x 3 columns -> float32 tensor of shape (35, 3); NA -> nan
            column         kind     from      NA  tensor holds
            Tree           factor   category   0  1-based codes in level order ...
        """
        shape = (
            (self.n_rows,)
            if self.container == "Series"
            else (self.n_rows, len(self.columns))
        )
        lines = [
            (
                f"{self.n_rows} rows x {len(self.columns)} columns -> {self.dtype} "
                f"tensor of shape {shape}; NA -> {self.na}"
            )
        ]
        names = [str(column.name) for column in self.columns]
        width = max([len("column"), *map(len, names)])
        dtype_width = max([len("from"), *(len(c.source_dtype) for c in self.columns)])
        lines.append(
            f"{'column':<{width}}  {'kind':<8}  {'from':<{dtype_width}}  "
            f"{'NA':>6}  tensor holds"
        )
        for name, column in zip(names, self.columns, strict=True):
            lines.append(
                f"{name:<{width}}  {column.kind:<8}  "
                f"{column.source_dtype:<{dtype_width}}  {column.na_count:>6}  "
                f"{column.describe()}"
            )
        lines.extend(f"warning: {message}" for message in self.lossy)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (column names and levels become text if needed).

        The row labels (``index``) are not included.
        """
        return {
            "format": "rtorch.frames.ConversionInfo/1",
            "dtype": self.dtype,
            "na": self.na,
            "n_rows": self.n_rows,
            "container": self.container,
            "attrs": json.loads(json.dumps(dict(self.attrs), default=str)),
            "lossy": list(self.lossy),
            "columns": [_column_to_dict(column) for column in self.columns],
        }

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> ConversionInfo:
        """Rebuild the record written by :meth:`to_dict`.

        Raises:
            RValueError: When ``record`` is not such a dict.
        """
        if record.get("format") != "rtorch.frames.ConversionInfo/1":
            raise RValueError(
                "This is not a conversion record written by rtorch "
                f"(format {record.get('format')!r}); pass the dict that "
                "ConversionInfo.to_dict() returned."
            )
        columns = tuple(
            ColumnInfo(
                **{
                    **column,
                    "levels": None
                    if column.get("levels") is None
                    else tuple(column["levels"]),
                }
            )
            for column in record["columns"]
        )
        return cls(
            columns=columns,
            dtype=record["dtype"],
            na=record["na"],
            n_rows=record["n_rows"],
            container=record["container"],
            attrs=record.get("attrs", {}),
            lossy=tuple(record.get("lossy", ())),
        )


def _column_to_dict(column: ColumnInfo) -> dict[str, Any]:
    """One column record with only JSON types in it."""
    return {
        "name": _json_scalar(column.name),
        "kind": column.kind,
        "source_dtype": column.source_dtype,
        "na_count": column.na_count,
        "levels": None
        if column.levels is None
        else [_json_scalar(level) for level in column.levels],
        "ordered": column.ordered,
        "origin": column.origin,
        "unit": column.unit,
        "tz": column.tz,
    }


def _json_scalar(value: Any) -> str | int | float | bool:
    """Keep str/int/float/bool (NumPy scalars become Python ones); else text."""
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
