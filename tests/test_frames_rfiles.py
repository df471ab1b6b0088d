"""read_rds / read_rdata: R files to pandas, faithfully, and refusing bad files.

Expected values: the facts of ../shared/data/r/README.md and the CSV copies R
wrote, published facts of the data sets (palmerpenguins: 344 rows, 11 NA in
sex), and hand-built R files (tests/rds_writer.py) whose values are known.
"""

from __future__ import annotations

import gzip
import random
import signal
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import rds_writer as rw
import torch

from rtorch.errors import LossyConversionWarning, RNotImplementedError, RValueError

pytest.importorskip("rdata")

from rtorch.frames import df_to_tensor, read_rdata, read_rds

SHARED = Path("/work/shared/data/r")


@pytest.fixture
def time_limit():
    """Fail (instead of hanging) when a read takes more than 60 s."""

    def expire(signum, frame):
        raise TimeoutError("read_rds took more than 60 s: it hangs")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


# ---- the R-written files of ../shared/data/r ---------------------------------


def test_johnson_johnson_ts_keeps_its_quarters():
    jj = read_rds(SHARED / "JohnsonJohnson.rds")

    assert isinstance(jj, pd.Series) and len(jj) == 84
    assert jj.iloc[0] == 0.71 and jj.iloc[-1] == 11.61  # JohnsonJohnson.csv
    assert jj.index[0] == pd.Period("1960Q1", freq="Q")
    assert jj.index[-1] == pd.Period("1980Q4", freq="Q")
    assert jj.attrs["tsp"] == (1960.0, 1980.75, 4.0)
    assert jj.attrs["r_class"] == ["ts"]


def test_orange_keeps_ordered_levels_doubles_and_grouped_data_attributes():
    orange = read_rds(SHARED / "Orange.rds")

    assert orange.shape == (35, 3)
    assert list(orange["Tree"].cat.categories) == ["3", "1", "5", "2", "4"]
    assert orange["Tree"].cat.ordered
    assert orange["age"].dtype == np.float64  # R double
    assert orange["circumference"].dtype == np.float64
    assert list(orange["circumference"].iloc[:3]) == [30, 58, 87]  # Orange.csv
    assert orange.attrs["r_class"] == [
        "nfnGroupedData",
        "nfGroupedData",
        "groupedData",
        "data.frame",
    ]
    assert orange.attrs["r_attributes"]["formula"] == "circumference ~ age | Tree"
    assert orange.attrs["r_attributes"]["units"] == {"x": "(days)", "y": "(mm)"}
    assert isinstance(orange.index, pd.RangeIndex) and orange.index[0] == 0


def test_okc_like_keeps_integer_na_factor_na_and_dates():
    okc = read_rds(SHARED / "okc_like.rds")

    assert okc.shape == (60, 6)
    assert str(okc["age"].dtype) == "Int32" and str(okc["height"].dtype) == "Int32"
    assert okc["height"].isna().sum() == 3
    assert okc["diet"].isna().sum() == 16
    assert list(okc["diet"].cat.categories) == [
        "anything",
        "halal",
        "vegan",
        "vegetarian",
    ]
    assert list(okc["Class"].cat.categories) == ["stem", "other"]
    assert isinstance(okc["location"].dtype, pd.StringDtype)
    assert okc["date"].iloc[0] == pd.Timestamp("2011-12-20")  # okc_like.csv row 1
    assert okc["location"].iloc[0] == "san francisco"


def test_penguins_tibble_with_factor_and_integer_na():
    penguins = read_rds(SHARED / "penguins.rds")

    assert penguins.shape == (344, 7)
    assert penguins.attrs["r_class"] == ["tbl_df", "tbl", "data.frame"]
    assert list(penguins["species"].cat.categories) == ["Adelie", "Chinstrap", "Gentoo"]
    assert penguins["species"].value_counts()["Adelie"] == 152
    assert penguins["sex"].isna().sum() == 11
    assert penguins["body_mass_g"].isna().sum() == 2
    assert str(penguins["body_mass_g"].dtype) == "Int32"
    assert penguins["bill_length_mm"].dtype == np.float64


# ---- hand-built files: each R type and class -----------------------------------


def _read(tmp_path: Path, item: bytes):
    return read_rds(rw.write_rds(tmp_path / "x.rds", item))


def test_integer_logical_and_character_na(tmp_path):
    frame = _read(
        tmp_path,
        rw.data_frame(
            {
                "i": rw.integers([1, None, 3]),
                "l": rw.logicals([True, None, False]),
                "s": rw.strings(["a", None, "é"]),
                "d": rw.doubles([1.5, None, float("nan")]),
            },
            3,
        ),
    )

    assert str(frame["i"].dtype) == "Int32" and frame["i"].isna().tolist() == [
        False,
        True,
        False,
    ]
    assert str(frame["l"].dtype) == "boolean"
    assert frame["l"].tolist()[0] is True and frame["l"].isna().iloc[1]
    assert frame["s"].iloc[2] == "é" and frame["s"].isna().iloc[1]
    assert frame["d"].iloc[0] == 1.5 and frame["d"].isna().tolist() == [
        False,
        True,
        True,
    ]


@pytest.mark.parametrize(
    "tzone, expected",
    [
        # R: as.POSIXct(1704067201, origin = "1970-01-01", tz = ...)
        (
            "America/New_York",
            pd.Timestamp("2023-12-31 19:00:01", tz="America/New_York"),
        ),
        ("UTC", pd.Timestamp("2024-01-01 00:00:01", tz="UTC")),
        (None, pd.Timestamp("2024-01-01 00:00:01", tz="UTC")),
        ("", pd.Timestamp("2024-01-01 00:00:01", tz="UTC")),
    ],
)
def test_posixct_keeps_its_time_zone(tmp_path, tzone, expected):
    stamps = _read(tmp_path, rw.posixct([1704067201.0, None], tzone))

    assert stamps.iloc[0] == expected
    assert str(stamps.dt.tz) == str(expected.tz)
    assert stamps.isna().tolist() == [False, True]
    assert stamps.attrs["r_class"] == ["POSIXct", "POSIXt"]


def test_posixct_fractional_seconds_are_kept_to_the_microsecond(tmp_path):
    stamps = _read(tmp_path, rw.posixct([1.5], "UTC"))

    assert stamps.iloc[0] == pd.Timestamp("1970-01-01 00:00:01.5", tz="UTC")


def test_unknown_time_zone_keeps_the_instant_in_utc_with_a_warning(tmp_path):
    with pytest.warns(LossyConversionWarning, match="Mars/Olympus"):
        stamps = _read(tmp_path, rw.posixct([0.0], "Mars/Olympus"))

    assert stamps.iloc[0] == pd.Timestamp("1970-01-01", tz="UTC")


def test_dates_are_days_since_1970(tmp_path):
    dates = _read(tmp_path, rw.date([0.0, 15328.0, -1.0, None]))

    # R: as.Date(c(0, 15328, -1), origin = "1970-01-01")
    assert dates.tolist()[:3] == [
        pd.Timestamp("1970-01-01"),
        pd.Timestamp("2011-12-20"),
        pd.Timestamp("1969-12-31"),
    ]
    assert pd.isna(dates.iloc[3])


def test_factor_codes_levels_and_na(tmp_path):
    values = _read(tmp_path, rw.factor([2, None, 1, 2], ["lo", "hi"], ordered=True))

    assert values.tolist()[0] == "hi" and pd.isna(values.iloc[1])
    assert list(values.cat.categories) == ["lo", "hi"] and values.cat.ordered


def test_factor_code_beyond_its_levels_is_a_damaged_file(tmp_path):
    with pytest.raises(RValueError, match="2 levels but holds the code 3"):
        _read(tmp_path, rw.factor([1, 3], ["a", "b"]))


def test_named_vector_list_and_matrix(tmp_path):
    named = _read(tmp_path, rw.doubles([1.0, 2.0], [("names", rw.strings(["a", "b"]))]))
    assert named["b"] == 2.0

    listed = _read(
        tmp_path,
        rw.generic_list(
            [rw.doubles([1.0]), rw.strings(["x"])], [("names", rw.strings(["n", "s"]))]
        ),
    )
    assert list(listed) == ["n", "s"] and listed["s"].iloc[0] == "x"

    # R: matrix(1:6, nrow = 2) is filled column-major: rows 1 3 5 / 2 4 6.
    matrix = _read(
        tmp_path, rw.integers([1, 2, 3, 4, 5, 6], [("dim", rw.integers([2, 3]))])
    )
    np.testing.assert_array_equal(matrix, [[1, 3, 5], [2, 4, 6]])


@pytest.mark.parametrize(
    "frequency, start, first, kind",
    [
        (12.0, 2000.0, pd.Period("2000-01", freq="M"), pd.PeriodIndex),
        (12.0, 2000 + 5 / 12, pd.Period("2000-06", freq="M"), pd.PeriodIndex),
        (1.0, 1990.0, pd.Period("1990", freq="Y"), pd.PeriodIndex),
        (7.0, 1.0, 1.0, pd.Index),
    ],
)
def test_ts_index_by_frequency(tmp_path, frequency, start, first, kind):
    end = start + 2 / frequency
    series = _read(
        tmp_path,
        rw.doubles(
            [1.0, 2.0, 3.0],
            [
                ("tsp", rw.doubles([start, end, frequency])),
                ("class", rw.strings(["ts"])),
            ],
        ),
    )

    assert isinstance(series.index, kind)
    assert series.index[0] == first
    assert series.attrs["tsp"] == (start, end, frequency)


def test_ts_whose_tsp_does_not_fit_its_values_is_damaged(tmp_path):
    item = rw.doubles(
        [1.0, 2.0],
        [("tsp", rw.doubles([1.0, 1e9, 1.0])), ("class", rw.strings(["ts"]))],
    )
    with pytest.raises(RValueError, match="does not describe its 2 values"):
        _read(tmp_path, item)


def test_rdata_returns_every_object_in_order(tmp_path):
    path = rw.write_rdata(
        tmp_path / "w.RData",
        {
            "b": rw.doubles([1.0]),
            "a": rw.factor([1], ["x"]),
        },
    )

    objects = read_rdata(path)

    assert list(objects) == ["b", "a"]
    assert objects["a"].cat.categories.tolist() == ["x"]


def test_rdata_with_thousands_of_objects(tmp_path):
    objects = {f"v{k}": rw.doubles([float(k)]) for k in range(3000)}

    result = read_rdata(rw.write_rdata(tmp_path / "many.RData", objects))

    assert len(result) == 3000 and result["v2999"].iloc[0] == 2999.0


def test_wrong_reader_names_the_right_one(tmp_path):
    rds = rw.write_rds(tmp_path / "x.rds", rw.doubles([1.0]))
    rdata_file = rw.write_rdata(tmp_path / "x.RData", {"x": rw.doubles([1.0])})

    with pytest.raises(RValueError, match="read_rds"):
        read_rdata(rds)
    with pytest.raises(RValueError, match="read_rdata"):
        read_rds(rdata_file)


def test_uncompressed_rds_is_read(tmp_path):
    path = rw.write_rds(tmp_path / "plain.rds", rw.integers([7]), compress=False)

    assert read_rds(path).iloc[0] == 7


# ---- bad, damaged and hostile files -------------------------------------------


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "not an R data file"),
        (b'"Tree","age"\n"1",118\n', "not an R data file"),
        (gzip.compress(gzip.compress(b"X\n")), "compressed twice"),
        (b"\x1f\x8b\x08\x00garbage-not-deflate", "damaged"),
    ],
)
def test_files_that_are_not_r_files(tmp_path, content, message):
    path = tmp_path / "bad.rds"
    path.write_bytes(content)

    with pytest.raises(RValueError, match=message):
        read_rds(path)


def test_truncated_rds_is_a_clear_error(tmp_path, time_limit):
    data = (SHARED / "Orange.rds").read_bytes()
    for cut in [10, len(data) // 3, len(data) // 2, len(data) - 9]:
        path = tmp_path / "cut.rds"
        path.write_bytes(data[:cut])
        with pytest.raises(RValueError, match="Orange|cut.rds|truncated|damaged"):
            read_rds(path)


def test_decompression_bomb_stops_at_max_bytes(tmp_path, time_limit):
    path = tmp_path / "bomb.rds"
    path.write_bytes(gzip.compress(b"X\n" + b"\0" * (50 * 2**20)))

    with pytest.raises(RValueError, match="max_bytes = 1,048,576"):
        read_rds(path, max_bytes=2**20)


def test_deep_nesting_fails_fast(tmp_path, time_limit):
    depth = 200_000
    item = (rw.flags(rw.VEC) + rw.i32(1)) * depth + rw.flags(rw.NILVALUE)

    with pytest.raises(RValueError, match="nests R objects too deeply"):
        _read(tmp_path, item)


def test_moderate_nesting_is_read(tmp_path):
    item = (rw.flags(rw.VEC) + rw.i32(1)) * 2000 + rw.flags(rw.NILVALUE)

    value = _read(tmp_path, item)
    for _ in range(1999):
        value = value[0]
    assert value == [None]


def test_huge_declared_length_is_refused(tmp_path, time_limit):
    item = rw.flags(rw.REAL) + rw.i32(2**31 - 1) + b"\0" * 16
    with pytest.raises(RValueError):
        _read(tmp_path, item)


def test_environments_in_rdata_are_left_out_with_a_warning(tmp_path):
    environment = rw.i32(253)  # R's marker for the global environment
    path = rw.write_rdata(
        tmp_path / "env.RData", {"e": environment, "x": rw.doubles([1.0])}
    )

    with pytest.warns(LossyConversionWarning, match="'e'"):
        objects = read_rdata(path)
    assert list(objects) == ["x"]


def test_environment_alone_is_not_implemented(tmp_path):
    with pytest.raises(RNotImplementedError, match="no Python value"):
        _read(tmp_path, rw.i32(253))


def test_random_damage_never_escapes_as_another_error(tmp_path, time_limit):
    """Fuzz: flipped bytes and cuts give a value or an rtorch error, quickly."""
    raw = gzip.decompress((SHARED / "okc_like.rds").read_bytes())
    generator = random.Random(20240601)
    outcomes = {"read": 0, "refused": 0}
    for trial in range(300):
        damaged = bytearray(raw)
        for _ in range(generator.randint(1, 8)):
            damaged[generator.randrange(2, len(damaged))] = generator.randrange(256)
        if trial % 3 == 0:
            damaged = damaged[: generator.randrange(2, len(damaged))]
        path = tmp_path / f"fuzz{trial}.rds"
        path.write_bytes(bytes(damaged))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", LossyConversionWarning)
            try:
                read_rds(path)
                outcomes["read"] += 1
            except (RValueError, RNotImplementedError):
                outcomes["refused"] += 1
    assert outcomes["refused"] > 100


# ---- every shared R file through read_rds and df_to_tensor, by R's rules -------

N = float("nan")
TENSOR_FACTS = [
    # (file, columns to drop, row (1-based), expected float32 values)
    ("JohnsonJohnson", [], 1, [0.71]),
    ("JohnsonJohnson", [], 84, [11.61]),
    # Orange row 1: Tree "1" is level 2 of 3 < 1 < 5 < 2 < 4; row 35: "5" is level 3.
    ("Orange", [], 1, [2, 118, 30]),
    ("Orange", [], 35, [3, 1582, 177]),
    # okc_like row 1: diet "vegetarian" = 4, as.numeric(as.Date("2011-12-20")),
    # Class "stem" = 1; row 4 has diet NA; row 5 has height NA.
    ("okc_like", ["location"], 1, [66, 4, 67, 15328, 1]),
    ("okc_like", ["location"], 4, [42, N, 74, 15331, 2]),
    ("okc_like", ["location"], 5, [27, 4, N, 15473, 1]),
    # penguins row 1: Adelie = 1, Torgersen = 3 (Biscoe, Dream, Torgersen),
    # 39.1, 18.7, 181, 3750, male = 2; row 4 is NA but for species and island.
    ("penguins", [], 1, [1, 3, 39.1, 18.7, 181, 3750, 2]),
    ("penguins", [], 4, [1, 3, N, N, N, N, N]),
]


@pytest.mark.parametrize("name, drop, row, expected", TENSOR_FACTS)
def test_shared_files_to_tensors_by_r_rules(name, drop, row, expected):
    data = read_rds(SHARED / f"{name}.rds")
    if drop:
        data = data.drop(columns=drop)

    x, _ = df_to_tensor(data)

    values = x.torch[row - 1].reshape(-1)
    wanted = torch.tensor(expected, dtype=torch.float32)
    assert torch.equal(values.isnan(), wanted.isnan())
    assert torch.equal(values.nan_to_num(-1), wanted.nan_to_num(-1))


def test_missing_rdata_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "rdata", None)

    with pytest.raises(RNotImplementedError, match=r"pip install 'rtorch\[rds\]'"):
        read_rds(SHARED / "Orange.rds")
