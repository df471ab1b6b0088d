"""Values an output dtype cannot hold: refused, or warned about, never silent.

Expected values come from the issue (5: "never silent"; uint64 2^64 - 1 must
not become -1), DECISIONS 3 (no silent data loss), rtorch-semantics.md 2.1
(POSIXct -> seconds since the epoch; float32 steps by 128 s around 2024) and
2.4 (casts to integer dtypes truncate toward zero), and IEEE 754 arithmetic: a
whole number is exact in a float dtype when its odd part fits the mantissa
(24 bits in float32, 53 in float64); float64 steps by 2^-22 s (about 0.24 us)
around 1.7e9 s.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

from rtorch.errors import LossyConversionWarning, RValueError
from rtorch.frames import df_to_tensor, tensor_to_df


def _arrow(dtype: str) -> str:
    pytest.importorskip("pyarrow")
    return dtype


def _lossy(caught: list[warnings.WarningMessage]) -> list[str]:
    return [
        str(w.message) for w in caught if issubclass(w.category, LossyConversionWarning)
    ]


# ---- whole numbers outside an integer dtype: an error ----------------------------


OUT_OF_RANGE = [
    # (case, frame maker, dtype, the value and its row in the message) - each value is
    # outside the dtype's whole numbers (iinfo), so R torch's cast would wrap it.
    ("300 in uint8", lambda: pd.DataFrame({"x": [1, 300]}), "uint8", "300 (row 2)"),
    ("-1 in uint8", lambda: pd.DataFrame({"x": [-1]}), "uint8", "-1 (row 1)"),
    (
        "2^40 in int32",
        lambda: pd.DataFrame({"x": [2**40]}),
        "int32",
        "1099511627776 (row 1)",
    ),
    # 200 sorted levels l000..l199: code 128 (level l127, row 128) passes int8's 127.
    (
        "factor codes past int8",
        lambda: pd.DataFrame({"f": pd.Categorical([f"l{k:03d}" for k in range(200)])}),
        "int8",
        "128 (row 128)",
    ),
    # The case: uint64 2^64 - 1 became -1 in int64 without a word.
    (
        "uint64 max in int64",
        lambda: pd.DataFrame({"u": np.array([2**64 - 1], dtype=np.uint64)}),
        "int64",
        "18446744073709551615 (row 1)",
    ),
    (
        "uint64 2^63 in int64",
        lambda: pd.DataFrame({"u": np.array([0, 2**63], dtype=np.uint64)}),
        "int64",
        "9223372036854775808 (row 2)",
    ),
    (
        "nullable UInt64 max in int64",
        lambda: pd.DataFrame({"u": pd.array([None, 2**64 - 1], dtype="UInt64")}),
        "int64",
        "18446744073709551615 (row 2)",
    ),
    (
        "arrow uint64 max in int64",
        lambda: pd.DataFrame(
            {"u": pd.array([2**64 - 1], dtype=_arrow("uint64[pyarrow]"))}
        ),
        "int64",
        "18446744073709551615 (row 1)",
    ),
    (
        "double 1e30 in int32",
        lambda: pd.DataFrame({"x": [0.5, 1e30]}),
        "int32",
        "1e+30 (row 2)",
    ),
    ("inf in int64", lambda: pd.DataFrame({"x": [math.inf]}), "int64", "inf (row 1)"),
    # -129.5 truncates to -129, one below int8's -128.
    ("-129.5 in int8", lambda: pd.DataFrame({"x": [-129.5]}), "int8", "-129.5 (row 1)"),
]


@pytest.mark.parametrize(
    "case, make, dtype, shown", OUT_OF_RANGE, ids=[row[0] for row in OUT_OF_RANGE]
)
def test_integers_outside_an_integer_dtype_are_refused(case, make, dtype, shown):
    # DECISIONS 3 / issue 5: never silent. A wrapped-around integer is no
    # rounding: the error names the column, the value, its row and the fix.
    frame = make()
    limits = np.iinfo(np.dtype(dtype))
    name = frame.columns[0]

    with pytest.raises(RValueError) as error:
        df_to_tensor(frame, dtype=dtype, na=0)

    message = str(error.value)
    assert f"column {name!r}" in message and f"e.g. {shown}" in message, message
    assert f"from {limits.min} to {limits.max}" in message
    assert "dtype=torch_float64()" in message


@pytest.mark.parametrize(
    "frame, dtype, expected",
    [
        # The edges of each range are held exactly, without a word.
        (
            pd.DataFrame({"x": np.array([2**63 - 1], dtype=np.uint64)}),
            "int64",
            2**63 - 1,
        ),
        (pd.DataFrame({"x": [-128, 127]}), "int8", -128),
        (pd.DataFrame({"x": [0, 255]}), "uint8", 0),
        (pd.DataFrame({"f": pd.Categorical(["a"] * 3)}), "uint8", 1),
    ],
)
def test_integers_at_the_edges_of_a_dtype_fit(frame, dtype, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossyConversionWarning)
        x, _ = df_to_tensor(frame, dtype=dtype)

    assert x.torch[0, 0].item() == expected


def test_fractions_just_inside_an_integer_dtype_warn_and_truncate():
    # Semantics 2.4: the cast truncates toward zero, so -128.9 -> -128 and
    # 127.9 -> 127 still fit in int8.
    with pytest.warns(LossyConversionWarning, match="'x'.*truncates"):
        x, _ = df_to_tensor(pd.DataFrame({"x": [-128.9, 127.9]}), dtype="int8")

    assert x.torch[:, 0].tolist() == [-128, 127]


UINT64_IN_FLOATS = [
    # (uint64 value, float dtype, warns?) - exact when the value's odd part fits
    # the mantissa (24 bits for float32, 53 for float64).
    (2**64 - 1, "float32", True),
    (2**64 - 1, "float64", True),
    (2**63, "float32", False),  # a power of two
    (2**53 + 1, "float64", True),
    (2**53 + 2, "float64", False),  # 2 * (2^52 + 1): odd part of 53 bits
    (3 * 2**60, "float32", False),
]


@pytest.mark.parametrize("value, dtype, warns", UINT64_IN_FLOATS)
def test_uint64_in_floats_warns_exactly_when_rounded(value, dtype, warns):
    frame = pd.DataFrame({"u": np.array([value], dtype=np.uint64)})

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        x, _ = df_to_tensor(frame, dtype=dtype)

    lossy = [w for w in caught if issubclass(w.category, LossyConversionWarning)]
    assert bool(lossy) == warns
    if warns:
        assert f"e.g. {value} (row 1)" in str(lossy[0].message)
    assert x.torch[0, 0].item() == float(np.array(value, dtype=np.uint64).astype(dtype))


def test_int64_min_is_exact_in_float32():
    # -2^63 is a power of two: float32 holds it exactly.
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossyConversionWarning)
        x, _ = df_to_tensor(pd.DataFrame({"x": [-(2**63)]}))

    assert x.torch[0, 0].item() == -(2.0**63)


# ---- date-times: exact when they come back to their own tick ----------------------


def _times(texts: list[str], unit: str) -> pd.DataFrame:
    stamps = pd.to_datetime(texts, format="ISO8601")
    return pd.DataFrame({"t": stamps.astype(f"datetime64[{unit}]")})


def test_a_nanosecond_that_float64_cannot_hold_warns():
    # The case. as.numeric(as.POSIXct("2024-01-01", tz = "UTC")) is
    # 1704067200; float64 steps by about 238 ns there, so 1 ns is lost.
    frame = _times(["2024-01-01 00:00:00.000000001"], "ns")

    with pytest.warns(LossyConversionWarning) as caught:
        x, info = df_to_tensor(frame, dtype="float64")

    message = _lossy(caught.list)[0]
    assert "column 't'" in message and "1704067200.000000001 (row 1)" in message
    assert "microseconds" in message and info.lossy == (message,)
    assert x.torch[0, 0].item() == 1704067200.0


@pytest.mark.parametrize(
    "texts, unit, dtype",
    [
        # 0.123457 s: float64's 0.24 us steps keep every microsecond.
        (["2024-01-01 00:00:00.123457", "1999-12-31 23:59:59.999999"], "us", "float64"),
        # Whole seconds and quarter seconds are exact doubles at any tick.
        (["2024-01-01 00:00:01", "2024-01-01 00:00:00.25"], "ns", "float64"),
        # 0.1 s is no exact float32, but it rounds back to its millisecond.
        (["1970-01-01 00:00:00.100", "1970-01-01 00:00:03.125"], "ms", "float32"),
    ],
)
def test_time_stamps_that_come_back_to_their_tick_do_not_warn(texts, unit, dtype):
    frame = _times(texts, unit)

    with warnings.catch_warnings():
        warnings.simplefilter("error", LossyConversionWarning)
        x, info = df_to_tensor(frame, dtype=dtype)

    pd.testing.assert_frame_equal(tensor_to_df(x, info), frame)


def test_a_microsecond_after_2242_warns_in_float64():
    # as.numeric(as.POSIXct("2300-01-01", tz = "UTC")) = 10413792000 > 2^33, where
    # float64 steps by 2^-19 s (1.9 us): 1 us past it comes back as 2 us.
    frame = _times(["2300-01-01 00:00:00.000001"], "us")

    with pytest.warns(LossyConversionWarning, match=r"10413792000\.000001 \(row 1\)"):
        x, _ = df_to_tensor(frame, dtype="float64")

    assert x.torch[0, 0].item() == 10413792000 + 2**-19


def test_nanosecond_round_trip_is_exact_beyond_2_to_53_nanoseconds():
    # 1704067200.25 s is an exact double, but 1704067200250000000 ns has 54
    # significant bits: scaling the double by 10^9 in float64 would round it.
    frame = _times(["2024-01-01 00:00:00.25"], "ns")

    x, info = df_to_tensor(frame, dtype="float64")

    assert x.torch[0, 0].item() == 1704067200.25
    assert tensor_to_df(x, info)["t"].iloc[0] == frame["t"].iloc[0]


def test_time_stamps_with_nat_are_checked_on_the_others_only():
    frame = _times(["2024-01-01 00:00:00.000000001", None], "ns")

    with pytest.warns(LossyConversionWarning, match="1 value"):
        x, _ = df_to_tensor(frame, dtype="float64")

    assert math.isnan(x.torch[1, 0].item())


# ---- an na= number that is also real data ------------------------------------------


def test_a_fill_value_that_is_also_data_warns_with_column_and_value():
    # Issue 5, item 3: after na=0, a 0 in the tensor may be NA or a real 0.
    frame = pd.DataFrame({"h": pd.array([0, None, 0], dtype="Int64")})

    with pytest.warns(LossyConversionWarning) as caught:
        x, info = df_to_tensor(frame, dtype="int64", na=0)

    (message,) = _lossy(caught.list)
    assert "column 'h'" in message and "na=0" in message
    assert "real data in 2 row(s), the first is row 1" in message
    assert info.lossy == (message,) and x.torch[:, 0].tolist() == [0, 0, 0]


def test_a_fill_value_in_float_output_warns_too():
    with pytest.warns(LossyConversionWarning, match=r"'v': na=-1.0 fills its NA"):
        df_to_tensor(pd.DataFrame({"v": [-1.0, math.nan]}), na=-1.0)


def test_a_value_truncated_onto_the_fill_value_counts():
    # 0.5 truncates to 0 in int64 (semantics 2.4), the fill number.
    frame = pd.DataFrame({"v": [0.5, math.nan]})

    with pytest.warns(LossyConversionWarning) as caught:
        df_to_tensor(frame, dtype="int64", na=0)

    messages = _lossy(caught.list)
    assert len(messages) == 2
    assert "truncates" in messages[0] and "real data in 1 row(s)" in messages[1]


@pytest.mark.parametrize(
    "frame",
    [
        # The fill number is not in the data.
        pd.DataFrame({"h": pd.array([5, None], dtype="Int64")}),
        # The fill number is data only in a column without NA: nothing to confuse.
        pd.DataFrame({"h": pd.array([5, None], dtype="Int64"), "k": [-1, 2]}),
        # Factor codes start at 1 (as.integer(factor)), so 0 is never a code.
        pd.DataFrame({"f": pd.Categorical(["a", None])}),
    ],
)
def test_an_unambiguous_fill_value_does_not_warn(frame):
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossyConversionWarning)
        df_to_tensor(frame, dtype="int64", na=-1 if "k" in frame else 0)
