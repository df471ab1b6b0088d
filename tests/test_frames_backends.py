"""Sparse and Arrow-backed pandas columns: converted by R's rules and back.

Expected values follow the same rules as every other column (issue 5; R:
``as.numeric``, ``as.integer``, logical -> 0/1, Date -> days since
1970-01-01, NA -> NaN): the storage of a column changes nothing about its
numbers. The round trip gives back the column's own dtype, NA included.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from rtorch.frames import df_to_tensor, tensor_to_df

pa = pytest.importorskip("pyarrow")

NAN = float("nan")


def _same(actual: list[float], expected: list[float]) -> bool:
    return len(actual) == len(expected) and all(
        (math.isnan(a) and math.isnan(e)) or a == e
        for a, e in zip(actual, expected, strict=True)
    )


SPARSE = [
    # (case, sparse column, its values by R's rules, kind)
    (
        "double, NaN fill",
        pd.arrays.SparseArray([0.0, 0.0, 1.5, NAN]),
        [0, 0, 1.5, NAN],
        "numeric",
    ),
    (
        "double, 0 fill, with NaN",
        pd.arrays.SparseArray([0.0, NAN, 2.0], fill_value=0.0),
        [0, NAN, 2],
        "numeric",
    ),
    ("integer, 0 fill", pd.arrays.SparseArray([0, 3, 0]), [0, 3, 0], "integer"),
    (
        "logical, FALSE fill",
        pd.arrays.SparseArray([False, True, False]),
        [0, 1, 0],
        "logical",
    ),
    # as.numeric(as.Date("2011-12-20")) = 15328
    (
        "dates, NaT fill",
        pd.arrays.SparseArray(
            pd.to_datetime(["2011-12-20", None]).astype("datetime64[s]")
        ),
        [15328, NAN],
        "date",
    ),
]


@pytest.mark.parametrize(
    "case, column, expected, kind", SPARSE, ids=[row[0] for row in SPARSE]
)
def test_sparse_columns_convert_and_come_back_sparse(case, column, expected, kind):
    # Issue 5 (adversarial item 4): a sparse column raised AttributeError.
    frame = pd.DataFrame({"s": column})

    x, info = df_to_tensor(frame, dtype="float64")

    assert _same(x.torch[:, 0].tolist(), expected) and info.columns[0].kind == kind
    pd.testing.assert_frame_equal(tensor_to_df(x, info), frame)


ARROW = [
    # (case, Arrow-backed column with a null) - the case is the first.
    ("int64 with null", pd.array([1, None, -3], dtype=pd.ArrowDtype(pa.int64()))),
    ("uint8 with null", pd.array([255, None, 0], dtype=pd.ArrowDtype(pa.uint8()))),
    ("int32, no null", pd.array([1, 2, 3], dtype=pd.ArrowDtype(pa.int32()))),
    ("double with null", pd.array([0.5, None, 2.0], dtype=pd.ArrowDtype(pa.float64()))),
    ("bool with null", pd.array([True, None, False], dtype=pd.ArrowDtype(pa.bool_()))),
    (
        "date32 with null",
        pd.array(
            [dt.date(2011, 12, 20), None, dt.date(1960, 1, 1)],
            dtype=pd.ArrowDtype(pa.date32()),
        ),
    ),
    (
        "timestamp in a zone with null",
        pd.array(
            pa.array([90, None, 1704067201], pa.timestamp("s", tz="Europe/Paris")),
            dtype=pd.ArrowDtype(pa.timestamp("s", tz="Europe/Paris")),
        ),
    ),
]


@pytest.mark.parametrize("case, column", ARROW, ids=[row[0] for row in ARROW])
def test_arrow_columns_come_back_in_their_arrow_dtype_with_na(case, column):
    # Issue 5 (adversarial item 5): tensor_to_df raised TypeError for
    # int64[pyarrow] with nulls; the round trip keeps the dtype and the NA.
    frame = pd.DataFrame({"a": column})

    x, info = df_to_tensor(frame, dtype="float64")
    back = tensor_to_df(x, info)

    pd.testing.assert_frame_equal(back, frame)
    assert back["a"].isna().tolist() == frame["a"].isna().tolist()


def test_arrow_int64_values_by_r_rules():
    frame = pd.DataFrame(
        {"a": pd.array([1, None, -3], dtype=pd.ArrowDtype(pa.int64()))}
    )

    x, info = df_to_tensor(frame)

    assert _same(x.torch[:, 0].tolist(), [1, NAN, -3])
    assert info.columns[0].kind == "integer" and info.columns[0].na_count == 1


def test_arrow_dictionary_comes_back_as_a_factor_with_its_levels():
    # A dictionary column is R's factor; it comes back as pandas' factor type
    # (Categorical) with the dictionary's levels in their order and NA.
    dictionary = pa.array(["b", "a", None, "b"]).dictionary_encode()
    frame = pd.DataFrame(
        {"f": pd.array(dictionary, dtype=pd.ArrowDtype(dictionary.type))}
    )

    back = tensor_to_df(*df_to_tensor(frame))

    expected = pd.Categorical(["b", "a", None, "b"], categories=["b", "a"])
    pd.testing.assert_series_equal(back["f"], pd.Series(expected, name="f"))


def test_integer_tensor_round_trip_of_an_arrow_column_with_a_fill_number():
    frame = pd.DataFrame({"a": pd.array([7, None], dtype=pd.ArrowDtype(pa.int64()))})

    back = tensor_to_df(*df_to_tensor(frame, dtype="int64", na=-1))

    assert str(back["a"].dtype) == "int64[pyarrow]" and back["a"].tolist() == [7, -1]


def test_a_sparse_column_next_to_a_dense_one():
    frame = pd.DataFrame(
        {
            "s": pd.arrays.SparseArray([0, 0, 5]),
            "d": np.array([1.0, NAN, 3.0]),
        }
    )

    x, _ = df_to_tensor(frame, dtype="float64")

    assert _same(x.torch.flatten().tolist(), [0, 1, 0, NAN, 5, 3])
