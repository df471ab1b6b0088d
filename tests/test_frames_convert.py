"""df_to_tensor / tensor_to_df: R's column rules, the NA policy, lossy warnings.

Expected values follow R's rules, worked out by hand (rtorch-semantics.md
section 2.1 and 2.4, DECISIONS.md 3): factor -> as.integer() codes in level
order, Date -> as.numeric() days since 1970-01-01, POSIXct -> seconds since
the epoch, logical -> 0/1, NA -> NaN; integer NA in an integer tensor is an
error (DECISIONS 3); casts to integer dtypes truncate (semantics 2.4).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import warnings

import numpy as np
import pandas as pd
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from rtorch import datasets, torch_float64
from rtorch.errors import LossyConversionWarning, RTypeError, RValueError
from rtorch.frames import ConversionInfo, df_to_tensor, tensor_to_df
from rtorch.tensor import Tensor

NAN = float("nan")


def _values(series: pd.Series, **options) -> tuple[list[float], str]:
    """The float64 tensor values of one column, and the kind recorded."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossyConversionWarning)
        x, info = df_to_tensor(pd.DataFrame({"c": series}), dtype="float64", **options)
    return x.torch[:, 0].tolist(), info.columns[0].kind


def _same(actual: list[float], expected: list[float]) -> bool:
    return len(actual) == len(expected) and all(
        (math.isnan(a) and math.isnan(e)) or a == e
        for a, e in zip(actual, expected, strict=True)
    )


COLUMN_RULES = [
    # (case, column, expected values by R's rule, kind)
    ("double with NaN", pd.Series([1.5, NAN, -2.0]), [1.5, NAN, -2.0], "numeric"),
    ("integer", pd.Series([1, 2, 3]), [1, 2, 3], "integer"),
    (
        "nullable Int64 with NA",
        pd.Series([1, None, 3], dtype="Int64"),
        [1, NAN, 3],
        "integer",
    ),
    (
        "nullable Float64 with NA",
        pd.Series([0.5, None], dtype="Float64"),
        [0.5, NAN],
        "numeric",
    ),
    ("logical", pd.Series([True, False]), [1, 0], "logical"),
    (
        "nullable boolean with NA",
        pd.Series([True, None, False], dtype="boolean"),
        [1, NAN, 0],
        "logical",
    ),
    # R: as.integer(factor(c("b","a",NA,"c"), levels = c("c","b","a"))) = 2 3 NA 1
    (
        "factor in its own level order",
        pd.Series(pd.Categorical(["b", "a", None, "c"], categories=["c", "b", "a"])),
        [2, 3, NAN, 1],
        "factor",
    ),
    (
        "ordered factor",
        pd.Series(pd.Categorical(["lo", "hi"], categories=["lo", "hi"], ordered=True)),
        [1, 2],
        "factor",
    ),
    (
        "factor with unused levels",
        pd.Series(pd.Categorical(["z"], categories=["x", "y", "z"])),
        [3],
        "factor",
    ),
    # R: as.numeric(as.Date(c("1970-01-02", "1969-12-31", NA))) = 1 -1 NA
    (
        "Date, nanoseconds",
        pd.Series(pd.to_datetime(["1970-01-02", "1969-12-31", None])),
        [1, -1, NAN],
        "date",
    ),
    (
        "Date, microseconds (pandas 3)",
        pd.Series(pd.to_datetime(["2011-12-20"]).astype("datetime64[us]")),
        [15328],
        "date",
    ),
    (
        "Date, seconds",
        pd.Series(np.array(["2011-12-20"], dtype="datetime64[s]")),
        [15328],
        "date",
    ),
    (
        "Date, milliseconds",
        pd.Series(np.array(["1970-01-11"], dtype="datetime64[ms]")),
        [10],
        "date",
    ),
    (
        "datetime.date objects",
        pd.Series([dt.date(2011, 12, 20), None]),
        [15328, NAN],
        "date",
    ),
    # R: as.numeric(as.POSIXct("2024-01-01 00:00:01", tz = "America/New_York"))
    #    = 1704067201 + 5 * 3600
    (
        "POSIXct with a time zone",
        pd.Series(
            pd.to_datetime(["2024-01-01 00:00:01"]).tz_localize("America/New_York")
        ),
        [1704085201],
        "datetime",
    ),
    (
        "naive date-time with a time of day",
        pd.Series(pd.to_datetime(["1970-01-01 00:01:30", None])),
        [90, NAN],
        "datetime",
    ),
    (
        "fractional seconds",
        pd.Series(pd.to_datetime(["1970-01-01 00:00:01.25"])),
        [1.25],
        "datetime",
    ),
    (
        "object numbers with None (R readers)",
        pd.Series([1, None, 2.5], dtype=object),
        [1, NAN, 2.5],
        "numeric",
    ),
    (
        "object integers with None",
        pd.Series([1, None, 3], dtype=object),
        [1, NAN, 3],
        "integer",
    ),
    (
        "object booleans with None",
        pd.Series([True, None], dtype=object),
        [1, NAN],
        "logical",
    ),
    ("all None", pd.Series([None, None], dtype=object), [NAN, NAN], "numeric"),
    ("uint8", pd.Series(np.array([255], dtype=np.uint8)), [255], "integer"),
]


@pytest.mark.parametrize(
    "case, column, expected, kind", COLUMN_RULES, ids=[row[0] for row in COLUMN_RULES]
)
def test_column_rules(case, column, expected, kind):
    values, recorded = _values(column)

    assert _same(values, expected), f"{case}: {values} != {expected}"
    assert recorded == kind


ARROW_RULES = [
    (
        "int64[pyarrow] with null",
        lambda pa: pd.array([1, None], dtype="int64[pyarrow]"),
        [1, NAN],
        "integer",
    ),
    (
        "bool[pyarrow]",
        lambda pa: pd.array([True, None], dtype="bool[pyarrow]"),
        [1, NAN],
        "logical",
    ),
    # Arrow dictionary order is first appearance: "b" then "a".
    (
        "dictionary",
        lambda pa: pd.array(
            pa.array(["b", "a", None, "b"]).dictionary_encode(),
            dtype=pd.ArrowDtype(pa.dictionary(pa.int32(), pa.string())),
        ),
        [1, 2, NAN, 1],
        "factor",
    ),
    (
        "date32",
        lambda pa: pd.array(
            pa.array([15328, None], pa.date32()), dtype=pd.ArrowDtype(pa.date32())
        ),
        [15328, NAN],
        "date",
    ),
    (
        "timestamp with zone",
        lambda pa: pd.array(
            pa.array([90, None], pa.timestamp("s", tz="UTC")),
            dtype=pd.ArrowDtype(pa.timestamp("s", tz="UTC")),
        ),
        [90, NAN],
        "datetime",
    ),
]


@pytest.mark.parametrize(
    "case, make, expected, kind", ARROW_RULES, ids=[row[0] for row in ARROW_RULES]
)
def test_arrow_backed_columns(case, make, expected, kind):
    pa = pytest.importorskip("pyarrow")

    values, recorded = _values(pd.Series(make(pa)))

    assert _same(values, expected) and recorded == kind


def test_frame_gives_a_float32_rtorch_tensor_of_rows_by_columns():
    x, info = df_to_tensor(datasets.Orange)

    assert isinstance(x, Tensor)
    assert x.torch.dtype == torch.float32 and tuple(x.torch.shape) == (35, 3)
    # Orange row 1: Tree "1" is level 2 of "3" < "1" < "5" < "2" < "4".
    assert x.torch[0].tolist() == [2.0, 118.0, 30.0]
    # Orange row 8: Tree "2" is level 4.
    assert x.torch[7].tolist() == [4.0, 118.0, 33.0]
    assert info.columns[0].levels == ("3", "1", "5", "2", "4")
    assert info.columns[0].ordered


def test_okc_like_by_r_rules():
    okc = datasets.okc_like.drop(columns="location")

    x, info = df_to_tensor(okc)

    # Row 1 of okc_like.csv: 66, "vegetarian" (level 4), 67, 2011-12-20, "stem" (1)
    assert x.torch[0].tolist() == [66.0, 4.0, 67.0, 15328.0, 1.0]
    assert torch.isnan(x.torch[3, 1])  # diet NA in row 4
    assert torch.isnan(x.torch[4, 2])  # height NA in row 5
    assert [c.na_count for c in info.columns] == [0, 16, 3, 0, 0]


def test_series_gives_a_1d_tensor_and_keeps_its_name():
    x, info = df_to_tensor(datasets.JohnsonJohnson)

    assert tuple(x.torch.shape) == (84,)
    assert x.torch[0].item() == pytest.approx(0.71)
    assert info.container == "Series" and info.names == ["JohnsonJohnson"]


@pytest.mark.parametrize(
    "dtype, expected",
    [
        ("float64", torch.float64),
        (torch_float64(), torch.float64),
        (torch.int32, torch.int32),
        ("int64", torch.int64),
        ("float16", torch.float16),
    ],
)
def test_dtype_choice(dtype, expected):
    x, info = df_to_tensor(pd.DataFrame({"a": [1, 2]}), dtype=dtype)

    assert x.torch.dtype == expected and x.torch.tolist() == [[1], [2]]
    assert info.dtype == str(np.dtype(str(expected).removeprefix("torch.")))


@pytest.mark.parametrize("dtype", ["bfloat16", "bool", "complex64"])
def test_unsupported_dtypes_are_refused(dtype):
    with pytest.raises(RValueError, match="cannot make a"):
        df_to_tensor(pd.DataFrame({"a": [1.0]}), dtype=dtype)


# ---- NA policy (DECISIONS 3) --------------------------------------------------


def test_na_in_integer_output_names_every_column():
    frame = pd.DataFrame(
        {
            "ok": [1, 2, 3],
            "height": pd.array([1, None, None], dtype="Int32"),
            "diet": pd.Categorical([None, "a", "a"]),
        }
    )

    with pytest.raises(RValueError) as error:
        df_to_tensor(frame, dtype="int64")

    message = str(error.value)
    assert "'height' has 2 NA value(s), the first in row 2" in message
    assert "'diet' has 1 NA value(s), the first in row 1" in message
    assert "'ok'" not in message and "na=" in message


def test_na_fill_value_is_explicit():
    frame = pd.DataFrame({"h": pd.array([5, None], dtype="Int64")})

    x, info = df_to_tensor(frame, dtype="int64", na=-1)

    assert x.torch.tolist() == [[5], [-1]] and info.na == -1


def test_na_fill_in_float_output():
    x, _ = df_to_tensor(pd.DataFrame({"h": [1.0, NAN]}), na=0)

    assert x.torch.tolist() == [[1.0], [0.0]]


def test_na_error_in_float_output():
    with pytest.raises(RValueError, match="'h' has 1 NA"):
        df_to_tensor(pd.DataFrame({"h": [1.0, NAN]}), na="error")
    x, info = df_to_tensor(pd.DataFrame({"h": [1.0]}), na="error")
    assert info.na == "error" and x.torch.tolist() == [[1.0]]


@pytest.mark.parametrize(
    "dtype, na, message",
    [
        ("int64", "nan", "needs a floating dtype"),
        ("int64", 0.5, "cannot be stored"),
        ("int8", 1000, "cannot be stored"),
        ("float32", "zero", "must be 'nan', 'error' or a number"),
        ("float32", True, "must be 'nan', 'error' or a number"),
    ],
)
def test_bad_na_policies(dtype, na, message):
    with pytest.raises(RValueError, match=message):
        df_to_tensor(pd.DataFrame({"a": [1]}), dtype=dtype, na=na)


# ---- lossy steps warn, exact ones do not ----------------------------------------


def test_integers_beyond_2_to_24_in_float32_warn():
    frame = pd.DataFrame({"big": [2**24, 2**24 + 1]})

    with pytest.warns(LossyConversionWarning, match=r"'big'.*16777217.*16777216"):
        x, info = df_to_tensor(frame)

    assert x.torch[:, 0].tolist() == [16777216.0, 16777216.0]
    assert len(info.lossy) == 1 and "float64" in info.lossy[0]


@pytest.mark.parametrize(
    "frame, dtype",
    [
        (pd.DataFrame({"big": [2**24, -(2**24)]}), "float32"),
        (pd.DataFrame({"big": [2**24 + 1]}), "float64"),
        (pd.DataFrame({"big": [2**53 - 1]}), "int64"),
        (pd.DataFrame({"x": [0.1, 1e30]}), "float32"),  # R double -> float32 rounds
        (
            pd.DataFrame({"d": pd.to_datetime(["2024-01-01 00:00:01"], utc=True)}),
            "float64",
        ),
        (pd.DataFrame({"d": pd.to_datetime(["2024-01-01"])}), "float32"),  # a Date
    ],
)
def test_exact_conversions_do_not_warn(frame, dtype):
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossyConversionWarning)
        df_to_tensor(frame, dtype=dtype)


def test_date_times_in_float32_warn_and_round_as_the_spec_says():
    # Semantics 2.1: as.POSIXct("2024-01-01 00:00:01", tz = "UTC") in float32
    # becomes 1704067200 (the float32 spacing there is 128 s).
    frame = pd.DataFrame({"t": pd.to_datetime(["2024-01-01 00:00:01"], utc=True)})

    with pytest.warns(LossyConversionWarning, match="'t'.*torch_float64"):
        x, _ = df_to_tensor(frame)

    assert x.torch[0, 0].item() == 1704067200.0


def test_fractions_into_an_integer_dtype_truncate_with_a_warning():
    # Semantics 2.4: torch_tensor(1.7, dtype = torch_long()) truncates to 1.
    with pytest.warns(LossyConversionWarning, match="'x'.*truncates"):
        x, _ = df_to_tensor(pd.DataFrame({"x": [1.7, -1.7]}), dtype="int64")

    assert x.torch[:, 0].tolist() == [1, -1]


def test_overflow_to_inf_warns():
    with pytest.warns(LossyConversionWarning, match="became inf"):
        x, _ = df_to_tensor(pd.DataFrame({"x": [1e39]}))

    assert x.torch[0, 0].item() == float("inf")


# ---- bad inputs -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pd.Series(["a", "b"], dtype=object),
        pd.Series(["a", None], dtype="string"),
        pd.Series(["a", "b"]),  # str in pandas 3, object in pandas 2
    ],
)
def test_text_columns_are_refused_with_the_fix(text):
    frame = pd.DataFrame({"n": [1.0, 2.0], "location": text, "city": text})

    with pytest.raises(RValueError) as error:
        df_to_tensor(frame)

    message = str(error.value)
    assert "'location'" in message and "'city'" in message and "'n'" not in message
    assert "astype('category')" in message and "R type not handled" in message


@pytest.mark.parametrize(
    "column, message",
    [
        (pd.Series([1, "a"], dtype=object), "mixed or unsupported"),
        (pd.Series(pd.to_timedelta([1, 2], unit="s")), "no R number rule"),
        (pd.Series([1 + 2j]), "no R number rule"),
        (
            pd.Series(
                [
                    dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc),
                    dt.datetime(2020, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=2))),
                ]
            ),
            "utc=True",
        ),
    ],
)
def test_unconvertible_columns_are_named(column, message):
    with pytest.raises(RValueError, match=message):
        df_to_tensor(pd.DataFrame({"bad": column}))


def test_empty_frames():
    with pytest.raises(RValueError, match="no columns"):
        df_to_tensor(pd.DataFrame())

    x, info = df_to_tensor(
        pd.DataFrame({"a": pd.Series([], dtype=float), "f": pd.Categorical([])})
    )
    assert tuple(x.torch.shape) == (0, 2) and info.n_rows == 0


def test_duplicate_column_names_are_refused():
    frame = pd.DataFrame([[1, 2]], columns=["a", "a"])

    with pytest.raises(RValueError, match=r"duplicate column names \['a'\]"):
        df_to_tensor(frame)


@pytest.mark.parametrize("not_a_frame", [[1, 2], np.zeros(3), {"a": [1]}])
def test_non_frames_are_a_type_error(not_a_frame):
    with pytest.raises(RTypeError, match="torch_tensor"):
        df_to_tensor(not_a_frame)


# ---- memory: never shared with pandas -------------------------------------------


def test_tensor_does_not_share_memory_with_the_frame():
    values = np.array([1.0, 2.0], dtype=np.float32)
    values.flags.writeable = False  # pandas may hand out read-only buffers
    frame = pd.DataFrame({"a": values})

    x, _ = df_to_tensor(frame)
    x.torch[0, 0] = 99.0

    assert frame["a"].iloc[0] == 1.0


# ---- round trips ------------------------------------------------------------------


def test_round_trip_okc_like_keeps_dtypes_levels_dates_and_na():
    okc = datasets.okc_like.drop(columns="location")

    back = tensor_to_df(*df_to_tensor(okc))

    pd.testing.assert_frame_equal(back, okc)


def test_round_trip_orange_keeps_attrs_and_ordered_levels():
    orange = datasets.Orange

    back = tensor_to_df(*df_to_tensor(orange))

    pd.testing.assert_frame_equal(back, orange)
    assert back.attrs == orange.attrs


def test_round_trip_series_with_its_quarterly_index():
    jj = datasets.JohnsonJohnson

    back = tensor_to_df(*df_to_tensor(jj, dtype="float64"))

    pd.testing.assert_series_equal(back, jj)
    assert back.attrs["tsp"] == (1960.0, 1980.75, 4.0)


def test_round_trip_of_every_kind_with_a_custom_index():
    frame = pd.DataFrame(
        {
            "f64": [0.25, NAN, 3.0],
            "f32": np.array([1.5, 2.5, NAN], dtype=np.float32),
            "i64": [1, 2, 3],
            "i32n": pd.array([1, None, 3], dtype="Int32"),
            "u8": np.array([0, 255, 7], dtype=np.uint8),
            "bool": [True, False, True],
            "booln": pd.array([True, None, False], dtype="boolean"),
            "fac": pd.Categorical(["b", None, "a"], categories=["b", "a"]),
            "ord": pd.Categorical(["3", "1", "3"], categories=["3", "1"], ordered=True),
            "date": pd.to_datetime(["2011-12-20", None, "1960-01-01"]),
            "date_us": pd.to_datetime(["2011-12-20", "1970-01-01", None]).astype(
                "datetime64[us]"
            ),
            "when": pd.to_datetime(
                ["2024-01-01 00:00:01", None, "1999-12-31 23:59:59"]
            ).tz_localize("Europe/Paris"),
            "naive": pd.to_datetime(
                ["2024-01-01 10:30:00", "1970-01-01 00:00:00", None]
            ),
        },
        index=pd.Index(["r1", "r2", "r3"], name="row"),
    )

    x, info = df_to_tensor(frame, dtype="float64")
    back = tensor_to_df(x, info)

    pd.testing.assert_frame_equal(back, frame)


def test_round_trip_through_json_record():
    okc = datasets.okc_like.drop(columns="location")
    x, info = df_to_tensor(okc)

    record = json.loads(json.dumps(info.to_dict()))
    back = tensor_to_df(x, ConversionInfo.from_dict(record))

    pd.testing.assert_frame_equal(back, okc)


def test_object_columns_come_back_as_their_clean_types():
    frame = pd.DataFrame(
        {
            "num": pd.Series([1.5, None], dtype=object),
            "int": pd.Series([1, None], dtype=object),
            "day": pd.Series([dt.date(2020, 1, 2), None]),
        }
    )

    back = tensor_to_df(*df_to_tensor(frame, dtype="float64"))

    assert back["num"].dtype == np.float64 and back["num"].iloc[0] == 1.5
    assert str(back["int"].dtype) == "Int64" and back["int"].isna().iloc[1]
    assert back["day"].iloc[0] == dt.date(2020, 1, 2) and back["day"].iloc[1] is None


def test_tensor_to_df_refuses_mismatches():
    x, info = df_to_tensor(datasets.Orange)

    with pytest.raises(RValueError, match=r"shape \(35, 2\)"):
        tensor_to_df(x.torch[:, :2], info)
    with pytest.raises(RTypeError, match="takes a tensor"):
        tensor_to_df(x.torch.numpy(), info)

    changed = x.torch.clone()
    changed[0, 0] = 6.0
    with pytest.raises(RValueError, match="5 levels, but holds 6.0"):
        tensor_to_df(changed, info)


def test_tensor_to_df_refuses_fractions_in_integer_columns():
    x, info = df_to_tensor(pd.DataFrame({"n": [1, 2]}))
    changed = x.torch.clone()
    changed[0, 0] = 1.5

    with pytest.raises(RValueError, match="'n' was integer but now holds fractions"):
        tensor_to_df(changed, info)


def test_integer_tensor_round_trip_with_fill_keeps_the_number():
    frame = pd.DataFrame({"h": pd.array([5, None], dtype="Int64")})

    back = tensor_to_df(*df_to_tensor(frame, dtype="int64", na=-1))

    assert back["h"].tolist() == [5, -1]


# ---- like=: the same codes for the same levels across frames -------------------


def test_like_keeps_the_training_levels():
    train = pd.DataFrame({"f": pd.Categorical(["a", "b", "c"])})
    test = pd.DataFrame({"f": pd.Categorical(["c"])})
    _, train_info = df_to_tensor(train)

    alone, _ = df_to_tensor(test)
    aligned, info = df_to_tensor(test, like=train_info)

    assert alone.torch.tolist() == [[1.0]]
    assert aligned.torch.tolist() == [[3.0]]
    assert info.columns[0].levels == ("a", "b", "c")


def test_like_adds_new_unordered_levels_last_and_refuses_ordered_ones():
    _, before = df_to_tensor(pd.DataFrame({"f": pd.Categorical(["b", "a"])}))
    x, after = df_to_tensor(
        pd.DataFrame({"f": pd.Categorical(["z", "b"])}), like=before
    )
    assert x.torch[:, 0].tolist() == [3.0, 2.0]
    assert after.columns[0].levels == ("a", "b", "z")

    _, ordered = df_to_tensor(pd.DataFrame({"f": pd.Categorical(["a"], ordered=True)}))
    with pytest.raises(RValueError, match="ordered factor whose levels \\['z'\\]"):
        df_to_tensor(
            pd.DataFrame({"f": pd.Categorical(["z"], ordered=True)}), like=ordered
        )


def test_like_needs_the_same_columns_and_kinds():
    _, info = df_to_tensor(pd.DataFrame({"a": [1.0]}))

    with pytest.raises(RValueError, match=r"expects the columns \['a'\]"):
        df_to_tensor(pd.DataFrame({"b": [1.0]}), like=info)
    with pytest.raises(RValueError, match="was numeric before but is factor"):
        df_to_tensor(pd.DataFrame({"a": pd.Categorical(["x"])}), like=info)


# ---- other table libraries ---------------------------------------------------------


def test_pyarrow_table_is_accepted():
    pa = pytest.importorskip("pyarrow")
    table = pa.table(
        {
            "f": pa.array(["x", "y", "x"]).dictionary_encode(),
            "d": pa.array([0, 1, None], pa.date32()),
        }
    )

    x, info = df_to_tensor(table, dtype="float64")

    assert _same(x.torch[:, 1].tolist(), [0, 1, NAN])
    assert x.torch[:, 0].tolist() == [1, 2, 1] and info.columns[0].kind == "factor"


def test_polars_frame_is_accepted():
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame({"a": [1, None, 3], "c": ["x", "y", "x"]}).with_columns(
        pl.col("c").cast(pl.Categorical)
    )

    x, info = df_to_tensor(frame, dtype="float64")

    assert _same(x.torch[:, 0].tolist(), [1, NAN, 3])
    assert info.columns[1].kind == "factor"


def test_report_names_each_column_rule():
    _, info = df_to_tensor(datasets.Orange)

    report = info.report()

    assert report.splitlines()[0] == (
        "35 rows x 3 columns -> float32 tensor of shape (35, 3); NA -> nan"
    )
    assert "Tree" in report and "3 < 1 < 5 < 2 < 4" in report
    assert "values as they are" in report


# ---- property: any frame of R's column types survives the round trip -----------


@st.composite
def r_like_frames(draw: st.DrawFn) -> tuple[pd.DataFrame, list[int]]:
    """Frames of R integer, factor, Date and double columns, with NA anywhere."""
    rows = draw(st.integers(0, 25))

    def column(values: st.SearchStrategy) -> list:
        return draw(st.lists(values, min_size=rows, max_size=rows))

    levels = draw(
        st.lists(st.text(min_size=1, max_size=3), min_size=1, max_size=6, unique=True)
    )
    codes = column(st.integers(-1, len(levels) - 1))
    days = column(st.one_of(st.none(), st.integers(-200_000, 200_000)))
    frame = pd.DataFrame(
        {
            "int": pd.array(
                column(st.one_of(st.none(), st.integers(-(2**31) + 1, 2**31 - 1))),
                dtype="Int32",
            ),
            "factor": pd.Categorical.from_codes(
                codes, categories=levels, ordered=draw(st.booleans())
            ),
            "date": pd.Series(
                [
                    pd.NaT if d is None else pd.Timestamp(d * 86_400, unit="s")
                    for d in days
                ],
                dtype="datetime64[s]",
            ),
            "double": column(
                st.one_of(
                    st.just(NAN), st.floats(allow_nan=False, allow_infinity=False)
                )
            ),
        }
    )
    return frame, codes


@settings(max_examples=80, deadline=None)
@given(r_like_frames())
def test_round_trip_property(drawn):
    frame, codes = drawn

    x, info = df_to_tensor(frame, dtype="float64")

    # R: as.integer(factor) is code + 1, NA stays NA.
    expected = [NAN if code < 0 else code + 1.0 for code in codes]
    assert _same(x.torch[:, 1].tolist(), expected)
    pd.testing.assert_frame_equal(tensor_to_df(x, info), frame)


def test_conversion_record_lookups_and_foreign_dicts():
    _, info = df_to_tensor(datasets.Orange)

    assert info.column("age").kind == "numeric"
    with pytest.raises(RValueError, match="No column named 'height'"):
        info.column("height")
    with pytest.raises(RValueError, match="not a conversion record"):
        ConversionInfo.from_dict({"format": "something else"})


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
def test_cuda_device_and_back():
    okc = datasets.okc_like.drop(columns="location")

    x, info = df_to_tensor(okc, device="cuda")

    assert x.torch.device.type == "cuda"
    assert x.torch[0].tolist() == [66.0, 4.0, 67.0, 15328.0, 1.0]
    pd.testing.assert_frame_equal(tensor_to_df(x, info), okc)
