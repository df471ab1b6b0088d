"""Small R data sets shipped inside rtorch, readable offline.

R torch equivalent: the base R ``datasets`` package (``JohnsonJohnson``,
``Orange``) and a synthetic frame shaped like ``modeldata::okc``, as used in
*Deep Learning and Scientific Computing with R torch*.

Each data set is a small CSV file next to this module; the R classes a CSV
cannot carry (the quarterly ``ts`` index, the ordered factor level order, R
integer versus double, ``Date``) are restored here in code, so that every data
set is exactly what ``rtorch.frames.read_rds`` gives for the R-written ``.rds``
file. Provenance of each data set (see also ``README.md`` in this folder):

- ``JohnsonJohnson``: base R ``datasets::JohnsonJohnson`` (R 4.2.2), quarterly
  earnings per Johnson & Johnson share, 1960 Q1 to 1980 Q4, 84 values; R class
  ``ts`` with ``tsp = (1960, 1980.75, 4)``. Source: Shumway & Stoffer (2000),
  *Time Series Analysis and its Applications*.
- ``Orange``: base R ``datasets::Orange`` (R 4.2.2), 35 rows: trunk
  circumference (mm) of five orange trees at seven ages (days since
  1968-12-31). ``Tree`` is an ordered factor with levels
  ``"3" < "1" < "5" < "2" < "4"``; ``age`` and ``circumference`` are R doubles.
  Source: Draper & Smith (1998), *Applied Regression Analysis*.
- ``okc_like``: synthetic, 60 rows shaped like the book's ``modeldata::okc``
  dating-profile data, written for rtorch; it describes no real people.

Every access returns a fresh copy, so changing one does not change the next.

Example:
    >>> from rtorch import datasets
    >>> datasets.JohnsonJohnson.iloc[0]
    np.float64(0.71)
    >>> list(datasets.Orange["Tree"].cat.categories)
    ['3', '1', '5', '2', '4']
    >>> datasets.load("okc_like").shape
    (60, 6)
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

import pandas as pd

from rtorch.errors import RValueError

__all__ = ["JohnsonJohnson", "Orange", "load", "okc_like"]


def load(name: str) -> pd.Series | pd.DataFrame:
    """Load one of the shipped data sets by name.

    R torch equivalent: referring to a data set by name in R (``Orange``),
    or ``data("Orange")``.

    Args:
        name: ``"JohnsonJohnson"``, ``"Orange"`` or ``"okc_like"``.

    Returns:
        A fresh pandas object (a Series for ``JohnsonJohnson``, a DataFrame
        for the others).

    Raises:
        RValueError: When ``name`` is not one of the shipped data sets.

    Example:
        >>> load("Orange")["circumference"].iloc[0]
        np.float64(30.0)
    """
    loader = _LOADERS.get(name)
    if loader is None:
        raise RValueError(
            f"No data set named {name!r} in rtorch.datasets; the shipped data sets "
            f"are {', '.join(repr(known) for known in _LOADERS)}."
        )
    return loader()


def __getattr__(name: str) -> pd.Series | pd.DataFrame:
    if name in _LOADERS:
        return _LOADERS[name]()
    raise AttributeError(f"module 'rtorch.datasets' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


def _read_csv(file_name: str, **options: object) -> pd.DataFrame:
    """Read one of the CSV files that ship next to this module."""
    with resources.files(__name__).joinpath(file_name).open("rb") as handle:
        return pd.read_csv(handle, **options)


def _johnson_johnson() -> pd.Series:
    """R's ``JohnsonJohnson`` ts: 84 quarterly values from 1960 Q1."""
    table = _read_csv("JohnsonJohnson.csv", dtype={"value": "float64"})

    # R ts rule: tsp = (start, end, frequency) = (1960, 1980.75, 4), quarterly.
    quarters = pd.PeriodIndex.from_fields(
        year=table["year"].to_numpy(), quarter=table["qtr"].to_numpy(), freq="Q"
    )
    series = pd.Series(table["value"].to_numpy(), index=quarters, name="JohnsonJohnson")
    series.attrs["r_class"] = ["ts"]
    series.attrs["tsp"] = (1960.0, 1980.75, 4.0)
    return series


def _orange() -> pd.DataFrame:
    """R's ``Orange`` groupedData with its ordered ``Tree`` factor."""
    frame = _read_csv(
        "Orange.csv",
        dtype={"Tree": "str", "age": "float64", "circumference": "float64"},
    )

    # R factor rule: the level order is the one stored in R, not sorted order.
    frame["Tree"] = pd.Categorical(
        frame["Tree"], categories=_ORANGE_TREE_LEVELS, ordered=True
    )
    frame.attrs["r_class"] = [
        "nfnGroupedData",
        "nfGroupedData",
        "groupedData",
        "data.frame",
    ]
    frame.attrs["r_attributes"] = {
        "formula": "circumference ~ age | Tree",
        "labels": {"x": "Time since December 31, 1968", "y": "Trunk circumference"},
        "units": {"x": "(days)", "y": "(mm)"},
    }
    return frame


def _okc_like() -> pd.DataFrame:
    """The synthetic ``okc_like`` frame with R's integer, factor and Date types."""
    frame = _read_csv(
        "okc_like.csv",
        dtype={"age": "Int32", "height": "Int32", "location": "string"},
        keep_default_na=False,
        na_values={"diet": ["NA"], "height": ["NA"]},
    )

    frame["diet"] = pd.Categorical(frame["diet"], categories=_OKC_DIET_LEVELS)
    frame["Class"] = pd.Categorical(frame["Class"], categories=_OKC_CLASS_LEVELS)
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d").astype(
        "datetime64[s]"
    )
    frame.attrs["r_class"] = ["data.frame"]
    return frame


_ORANGE_TREE_LEVELS = ["3", "1", "5", "2", "4"]
_OKC_DIET_LEVELS = ["anything", "halal", "vegan", "vegetarian"]
_OKC_CLASS_LEVELS = ["stem", "other"]

_LOADERS: dict[str, Callable[[], pd.Series | pd.DataFrame]] = {
    "JohnsonJohnson": _johnson_johnson,
    "Orange": _orange,
    "okc_like": _okc_like,
}
