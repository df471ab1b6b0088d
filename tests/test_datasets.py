"""rtorch.datasets: R's JohnsonJohnson and Orange and the synthetic okc_like.

Expected values are the facts of ../shared/data/r/ (README.md there, the CSV
files R wrote) and, where rdata is installed, the raw values of the R-written
.rds files as rdata's parser reads them (no rtorch code involved).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from rtorch import datasets
from rtorch.errors import RValueError

SHARED = Path("/work/shared/data/r")


def test_johnson_johnson_values_and_quarterly_index():
    jj = datasets.JohnsonJohnson

    assert isinstance(jj, pd.Series)
    assert jj.name == "JohnsonJohnson"
    assert len(jj) == 84
    assert jj.dtype == np.float64  # R double
    assert jj.iloc[0] == 0.71  # JohnsonJohnson.csv first row (1960, qtr 1)
    assert jj.iloc[-1] == 11.61  # last row (1980, qtr 4)
    assert jj.max() == 16.2  # 1980 qtr 1
    assert jj.idxmax() == pd.Period("1980Q1", freq="Q")
    assert isinstance(jj.index, pd.PeriodIndex)
    assert jj.index.freqstr.startswith("Q")
    assert jj.index[0] == pd.Period("1960Q1", freq="Q")
    assert jj.index[-1] == pd.Period("1980Q4", freq="Q")
    assert jj.attrs["tsp"] == (1960.0, 1980.75, 4.0)  # R tsp(JohnsonJohnson)


def test_orange_types_and_ordered_levels():
    orange = datasets.Orange

    assert orange.shape == (35, 3)
    assert list(orange.columns) == ["Tree", "age", "circumference"]
    tree = orange["Tree"]
    assert isinstance(tree.dtype, pd.CategoricalDtype)
    assert tree.cat.ordered
    assert list(tree.cat.categories) == ["3", "1", "5", "2", "4"]
    # R: Orange$age and Orange$circumference are double, not integer.
    assert orange["age"].dtype == np.float64
    assert orange["circumference"].dtype == np.float64
    assert sorted(set(orange["age"])) == [118, 484, 664, 1004, 1231, 1372, 1582]
    assert orange["circumference"].iloc[0] == 30
    assert orange["circumference"].max() == 214
    assert (tree == "1").sum() == 7
    # R: as.integer(Orange$Tree)[1] is 2, because "1" is the second level.
    assert tree.cat.codes.iloc[0] + 1 == 2


def test_orange_ordered_comparison_follows_level_order():
    tree = datasets.Orange["Tree"]
    three = tree[tree == "3"].iloc[0]
    four = tree[tree == "4"].iloc[0]

    # In R, Orange$Tree "3" < "4" and "4" is the largest level.
    assert three < four
    assert tree.max() == "4"
    assert tree.min() == "3"


def test_okc_like_types_and_na():
    okc = datasets.okc_like

    assert okc.shape == (60, 6)
    assert str(okc["age"].dtype) == "Int32"
    assert str(okc["height"].dtype) == "Int32"
    assert okc["height"].isna().sum() == 3  # okc_like.csv has 3 NA heights
    assert isinstance(okc["diet"].dtype, pd.CategoricalDtype)
    assert list(okc["diet"].cat.categories) == [
        "anything",
        "halal",
        "vegan",
        "vegetarian",
    ]
    assert okc["diet"].isna().sum() == 16  # 16 NA diets in the CSV
    assert list(okc["Class"].cat.categories) == ["stem", "other"]
    assert not okc["Class"].cat.ordered
    assert isinstance(okc["location"].dtype, pd.StringDtype)
    assert okc["date"].dtype == np.dtype("datetime64[s]")
    first = okc.iloc[0]
    assert (first["age"], first["diet"], first["height"]) == (66, "vegetarian", 67)
    assert (first["location"], first["Class"]) == ("san francisco", "stem")
    # R: as.numeric(as.Date("2011-12-20")) == 15328
    assert first["date"] == pd.Timestamp("2011-12-20")
    assert (okc["date"].iloc[0] - pd.Timestamp("1970-01-01")).days == 15328


@pytest.mark.parametrize("name", ["JohnsonJohnson", "Orange", "okc_like"])
def test_load_matches_attribute_and_returns_fresh_copies(name):
    first = datasets.load(name)
    second = getattr(datasets, name)

    if isinstance(first, pd.Series):
        pd.testing.assert_series_equal(first, second)
        first.iloc[0] = -1.0
    else:
        pd.testing.assert_frame_equal(first, second)
        first.iloc[0, 1] = None
    assert not datasets.load(name).equals(first)


def test_load_unknown_name_lists_the_known_ones():
    with pytest.raises(RValueError, match="'iris'.*'JohnsonJohnson', 'Orange'"):
        datasets.load("iris")
    with pytest.raises(AttributeError):
        datasets.iris  # noqa: B018


def test_data_files_ship_inside_the_package():
    folder = Path(datasets.__file__).parent
    for file_name in ["JohnsonJohnson.csv", "Orange.csv", "okc_like.csv", "README.md"]:
        assert (folder / file_name).is_file()


@pytest.mark.parametrize("name", ["JohnsonJohnson", "Orange", "okc_like"])
def test_shipped_values_equal_the_r_written_rds(name):
    parser = pytest.importorskip("rdata.parser")
    robject = parser.parse_file(SHARED / f"{name}.rds").object
    ours = datasets.load(name)

    if name == "JohnsonJohnson":
        np.testing.assert_array_equal(ours.to_numpy(), robject.value)
        return
    for column_name, column in zip(ours.columns, robject.value, strict=True):
        _assert_same_r_type(ours[column_name], column.info.type.name)
        _assert_matches_raw(ours[column_name], _raw_values(column))


def _assert_same_r_type(column: pd.Series, r_type: str) -> None:
    """R double -> float64 (or a Date), R integer -> Int32 or a factor."""
    if r_type == "REAL":
        assert column.dtype == np.float64 or column.dtype.kind == "M"
    elif r_type == "INT":
        assert str(column.dtype) in {"Int32", "category"}
    else:
        assert r_type == "STR" and isinstance(column.dtype, pd.StringDtype)


def _raw_values(robject):
    """The raw storage of one R column: numbers, or decoded strings."""
    if robject.info.type.name == "STR":
        return [None if c.value is None else c.value.decode() for c in robject.value]
    return robject.value


def _assert_matches_raw(column: pd.Series, raw) -> None:
    """Compare a shipped column with the R storage, by R's own rules."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        # R factor rule: storage is the 1-based level code, NA is NA_integer_.
        codes = np.ma.masked_array(
            column.cat.codes.to_numpy() + 1, mask=column.isna().to_numpy()
        )
        assert (
            np.ma.allequal(codes, raw) and (codes.mask == np.ma.getmaskarray(raw)).all()
        )
    elif column.dtype.kind == "M":
        # R Date rule: storage is days since 1970-01-01.
        days = (column - pd.Timestamp("1970-01-01")).dt.days.to_numpy()
        np.testing.assert_array_equal(days, raw)
    elif isinstance(column.dtype, pd.StringDtype):
        assert list(column) == raw
    else:
        mask = np.ma.getmaskarray(raw)
        np.testing.assert_array_equal(column.isna().to_numpy(), mask)
        np.testing.assert_array_equal(
            column.to_numpy(dtype="float64", na_value=np.nan)[~mask],
            np.ma.getdata(raw)[~mask],
        )
