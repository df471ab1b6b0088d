"""Input files for ``rtorch convert``, as pandas frames in row batches.

``.parquet`` files are read in batches of rows (memory holds one batch);
``.rds``, ``.RData`` / ``.rda`` and ``.csv`` files are read whole, since R's
and CSV's formats cannot be read part by part (an R file is read as whichever
of the two its header says it is). Text columns can be made
factors (``--factor``, levels sorted as R's ``factor()`` sorts them in the C
locale) or dates (``--date``), and columns can be dropped (``--drop``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from rtorch.errors import RNotImplementedError, RValueError
from rtorch.frames.advice import CLI
from rtorch.frames.rfiles import DEFAULT_MAX_BYTES, read_r_file

__all__ = ["SUFFIXES", "Preparation", "Source", "open_source"]

SUFFIXES = (".rds", ".rdata", ".rda", ".csv", ".parquet")


@dataclass(frozen=True)
class Preparation:
    """Column changes asked for on the command line."""

    factors: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()


@dataclass
class Source:
    """An opened input: its row count and its batches of rows."""

    rows: int
    batches: Iterator[pd.DataFrame | pd.Series]


def open_source(
    path: str | Path,
    preparation: Preparation,
    batch_rows: int,
    object_name: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Source:
    """Open an input file for conversion.

    Args:
        path: A ``.rds``, ``.RData``/``.rda``, ``.csv`` or ``.parquet`` file.
        preparation: Columns to make factors or dates, or to drop.
        batch_rows: Rows per batch for parquet files.
        object_name: Which object of an ``.RData`` file to convert.
        max_bytes: The largest decompressed size of an R file.

    Returns:
        The row count and an iterator of frames (at least one, maybe empty).

    Raises:
        RValueError: For an unknown suffix, an R file that holds no data frame,
            or column names that are not in the file.
        RNotImplementedError: When pyarrow (parquet) or rdata (R files) is
            missing.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return _parquet(path, preparation, batch_rows)
    if suffix == ".csv":
        frame = pd.read_csv(path)
    elif suffix in (".rds", ".rdata", ".rda"):
        kind, value = read_r_file(path, max_bytes=max_bytes, spelling=CLI)
        if kind == "rds":
            frame = _data_of(value, path.name)
        else:
            frame = _object_of(value, path.name, object_name)
    else:
        raise RValueError(
            f"Cannot convert {path.name}: the input must end in {', '.join(SUFFIXES)}."
        )
    prepared = _prepare(frame, preparation, _levels_of(frame, preparation))
    return Source(len(prepared), iter([prepared]))


def _data_of(value: Any, name: str) -> pd.DataFrame | pd.Series:
    """The data frame or vector read from an R file, or a clear error."""
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return value
    raise RValueError(
        f"{name} holds a {type(value).__name__}, not a data frame or vector; "
        "save a data frame in R (saveRDS(df, file))."
    )


def _object_of(
    objects: dict[str, Any], name: str, wanted: str | None
) -> pd.DataFrame | pd.Series:
    """The object of an .RData file to convert: the named one, or the only one."""
    if wanted is not None:
        if wanted not in objects:
            raise RValueError(
                f"{name} has no object {wanted!r}; it holds {sorted(objects)}."
            )
        return _data_of(objects[wanted], f"{wanted!r} in {name}")
    frames = [
        key
        for key, value in objects.items()
        if isinstance(value, (pd.DataFrame, pd.Series))
    ]
    if len(frames) != 1:
        raise RValueError(
            f"{name} holds {len(frames)} data frames or vectors ({sorted(frames)}); "
            "choose one with --object NAME."
        )
    return objects[frames[0]]


def _parquet(path: Path, preparation: Preparation, batch_rows: int) -> Source:
    """A parquet file, read ``batch_rows`` rows at a time."""
    try:
        from pyarrow import compute, parquet
    except ImportError:
        raise RNotImplementedError(
            "Reading .parquet files needs pyarrow: pip install 'rtorch[parquet]'."
        ) from None

    # Without pre-buffering, pyarrow keeps about one row group in memory; with
    # it, the buffered ranges of the whole file stay allocated while iterating.
    reader = parquet.ParquetFile(path, pre_buffer=False)
    names = list(reader.schema_arrow.names)
    _check_names(preparation, names, path.name)
    kept = [name for name in names if name not in preparation.drop]

    levels: dict[str, list[Any]] = {}
    if preparation.factors:
        seen: dict[str, set[Any]] = {name: set() for name in preparation.factors}
        for batch in reader.iter_batches(
            batch_size=batch_rows, columns=list(preparation.factors)
        ):
            for name in preparation.factors:
                seen[name].update(
                    compute.unique(batch.column(name)).drop_null().to_pylist()
                )
        levels = {name: sorted(values) for name, values in seen.items()}

    def batches() -> Iterator[pd.DataFrame]:
        empty = True
        for batch in reader.iter_batches(batch_size=batch_rows, columns=kept):
            empty = False
            yield _prepare(batch.to_pandas(date_as_object=False), preparation, levels)
        if empty:
            table = reader.schema_arrow.empty_table().select(kept)
            yield _prepare(table.to_pandas(date_as_object=False), preparation, levels)

    return Source(reader.metadata.num_rows, batches())


def _levels_of(
    frame: pd.DataFrame | pd.Series, preparation: Preparation
) -> dict[str, list[Any]]:
    """R's factor() levels for the --factor columns: sorted unique values."""
    if isinstance(frame, pd.Series):
        _check_names(preparation, [], "this R vector")
        return {}
    _check_names(preparation, list(frame.columns), "the input")
    return {
        name: sorted(frame[name].dropna().unique().tolist())
        for name in preparation.factors
    }


def _prepare(
    frame: pd.DataFrame | pd.Series,
    preparation: Preparation,
    levels: dict[str, list[Any]],
) -> pd.DataFrame | pd.Series:
    """Drop columns, make factors and dates, as asked."""
    if isinstance(frame, pd.Series):
        return frame
    frame = frame.drop(columns=list(preparation.drop))
    for name in preparation.factors:
        frame[name] = pd.Categorical(frame[name], categories=levels[name])
    for name in preparation.dates:
        if not pd.api.types.is_string_dtype(frame[name].dtype):
            raise RValueError(
                f"--date {name}: the column holds {frame[name].dtype} "
                "values, not ISO date text such as 2011-12-20."
            )
        try:
            frame[name] = pd.to_datetime(frame[name], format="ISO8601")
        except (ValueError, TypeError) as error:
            raise RValueError(
                f"--date {name}: the column does not hold ISO dates "
                f"such as 2011-12-20 ({error})."
            ) from None
    return frame


def _check_names(preparation: Preparation, names: Sequence[str], where: str) -> None:
    """Every column named on the command line must exist."""
    asked = [*preparation.factors, *preparation.dates, *preparation.drop]
    missing = [name for name in asked if name not in names]
    if missing:
        raise RValueError(
            f"{where} has no column(s) {missing}; its columns are {list(names)}."
        )
