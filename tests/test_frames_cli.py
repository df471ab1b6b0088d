"""rtorch convert: data files to .pt / .safetensors with a per-column report.

Outputs are read back with independent readers (the safetensors package,
torch.load) and compared with values worked out by R's rules by hand.
"""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

import numpy as np
import pytest
import rds_writer as rw
import torch

from rtorch.frames import output
from rtorch.frames.cli import convert_main

SHARED = Path("/work/shared/data/r")


def _safetensors(path: Path) -> tuple[torch.Tensor, dict]:
    safe = pytest.importorskip("safetensors")
    from safetensors.torch import load_file

    with safe.safe_open(str(path), "pt") as handle:
        record = json.loads(handle.metadata()["rtorch_info"])
    return load_file(str(path))["data"], record


def test_rds_to_safetensors_with_report(tmp_path, capsys):
    pytest.importorskip("rdata")
    out = tmp_path / "orange.safetensors"

    assert (
        convert_main([str(SHARED / "Orange.rds"), "-o", str(out), "--no-progress"]) == 0
    )

    data, record = _safetensors(out)
    assert tuple(data.shape) == (35, 3) and data.dtype == torch.float32
    assert data[0].tolist() == [2.0, 118.0, 30.0]  # Tree "1" is level 2
    assert record["columns"][0]["levels"] == ["3", "1", "5", "2", "4"]
    report = capsys.readouterr()
    assert "Tree" in report.out and "3 < 1 < 5 < 2 < 4" in report.out
    assert f"wrote {out}" in report.out and report.err == ""
    assert list(tmp_path.iterdir()) == [out]  # no scratch file left


def test_csv_with_factor_date_and_drop_to_pt(tmp_path):
    out = tmp_path / "okc.pt"

    status = convert_main(
        [
            str(SHARED / "okc_like.csv"),
            "-o",
            str(out),
            "--factor",
            "diet",
            "--factor",
            "Class",
            "--date",
            "date",
            "--drop",
            "location",
            "--no-progress",
        ]
    )

    assert status == 0
    saved = torch.load(out, weights_only=True)
    # R: factor(read.csv(...)$Class) sorts levels: "other" < "stem".
    # Row 1: 66, "vegetarian" = level 4, 67, as.numeric(as.Date("2011-12-20")), "stem"
    assert saved["data"][0].tolist() == [66.0, 4.0, 67.0, 15328.0, 2.0]
    assert torch.isnan(saved["data"][3, 1])
    columns = {c["name"]: c for c in saved["info"]["columns"]}
    assert columns["Class"]["levels"] == ["other", "stem"]
    assert columns["diet"]["na_count"] == 16 and columns["date"]["kind"] == "date"


def test_csv_text_column_fails_with_the_fix(tmp_path, capsys):
    status = convert_main(
        [str(SHARED / "okc_like.csv"), "-o", str(tmp_path / "x.pt"), "--no-progress"]
    )

    assert status == 1
    error = capsys.readouterr().err
    # Issue 5, item 6: the fix is the command's own options, not Python code.
    assert "column 'location' holds text" in error
    assert "--factor location" in error and "--drop location" in error
    assert "astype" not in error and "df[" not in error
    assert list(tmp_path.iterdir()) == []


def test_rdata_needs_the_object_name_when_there_are_several(tmp_path, capsys):
    pytest.importorskip("rdata")
    frame = rw.data_frame({"a": rw.doubles([1.0, 2.0])}, 2)
    path = rw.write_rdata(tmp_path / "w.RData", {"one": frame, "two": frame})
    out = tmp_path / "x.safetensors"

    assert convert_main([str(path), "-o", str(out), "--no-progress"]) == 1
    assert "choose one with --object NAME" in capsys.readouterr().err

    assert (
        convert_main([str(path), "-o", str(out), "--object", "two", "--no-progress"])
        == 0
    )
    assert _safetensors(out)[0].tolist() == [[1.0], [2.0]]


def _parquet_file(path: Path, rows: int, row_group: int) -> None:
    """Rows i = 0..n-1: x = i/2, n = i (null when i % 7 == 0), f = "abc"[i % 3]
    (dictionary), d = 1970-01-01 + i days, t = i seconds after the epoch (UTC)."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    index = np.arange(rows)
    table = pa.table(
        {
            "x": index / 2,
            "n": pa.array(index, mask=index % 7 == 0),
            "f": pa.array(np.array(["a", "b", "c"])[index % 3]).dictionary_encode(),
            "d": pa.array(index.astype("int32"), pa.date32()),
            "t": pa.array(index, pa.timestamp("s", tz="UTC")),
        }
    )
    pq.write_table(table, path, row_group_size=row_group)


def test_parquet_is_converted_in_batches(tmp_path, monkeypatch, capsys):
    source = tmp_path / "big.parquet"
    _parquet_file(source, rows=10_000, row_group=2_500)
    out = tmp_path / "big.pt"
    batch_sizes: list[int] = []
    original = output.TensorFileWriter.append

    def spy(self, rows):
        batch_sizes.append(rows.shape[0])
        original(self, rows)

    monkeypatch.setattr(output.TensorFileWriter, "append", spy)

    assert (
        convert_main(
            [str(source), "-o", str(out), "--batch-rows", "1000", "--dtype", "float64"]
        )
        == 0
    )

    assert max(batch_sizes) <= 1000 and sum(batch_sizes) == 10_000
    data = torch.load(out, weights_only=True)["data"]
    index = np.arange(10_000, dtype=np.float64)
    expected = np.stack(
        [
            index / 2,
            np.where(index % 7 == 0, np.nan, index),
            index % 3 + 1,
            index,
            index,
        ],
        axis=1,
    )
    np.testing.assert_array_equal(data.numpy(), expected)
    assert "converting" in capsys.readouterr().err


def test_parquet_new_dictionary_levels_in_later_row_groups(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "levels.parquet"
    with pq.ParquetWriter(
        path, pa.schema([("f", pa.dictionary(pa.int32(), pa.string()))])
    ) as w:
        w.write_table(pa.table({"f": pa.array(["b", "a"]).dictionary_encode()}))
        w.write_table(pa.table({"f": pa.array(["z", "a"]).dictionary_encode()}))
    out = tmp_path / "levels.safetensors"

    assert (
        convert_main([str(path), "-o", str(out), "--batch-rows", "2", "--no-progress"])
        == 0
    )

    data, record = _safetensors(out)
    # First batch levels b, a (arrow order); "z" is added after them.
    assert data[:, 0].tolist() == [1.0, 2.0, 3.0, 2.0]
    assert record["columns"][0]["levels"] == ["b", "a", "z"]


def test_parquet_text_factor_levels_are_sorted_over_the_whole_file(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "text.parquet"
    pq.write_table(pa.table({"s": ["pear", "apple", None, "fig"]}), path)
    out = tmp_path / "text.pt"

    assert (
        convert_main(
            [
                str(path),
                "-o",
                str(out),
                "--factor",
                "s",
                "--batch-rows",
                "1",
                "--no-progress",
            ]
        )
        == 0
    )

    saved = torch.load(out, weights_only=True)
    # R: factor(c("pear", "apple", NA, "fig")) has levels apple, fig, pear.
    assert saved["data"][:, 0].tolist()[:2] == [3.0, 1.0]
    assert saved["data"][3, 0].item() == 2.0
    assert saved["info"]["columns"][0]["levels"] == ["apple", "fig", "pear"]


def test_empty_parquet_gives_an_empty_tensor(tmp_path):
    source = tmp_path / "empty.parquet"
    _parquet_file(source, rows=0, row_group=10)
    out = tmp_path / "empty.safetensors"

    assert convert_main([str(source), "-o", str(out), "--no-progress"]) == 0

    assert tuple(_safetensors(out)[0].shape) == (0, 5)


def test_progress_without_tqdm_prints_a_plain_line(tmp_path, monkeypatch, capsys):
    source = tmp_path / "small.parquet"
    _parquet_file(source, rows=10, row_group=10)
    monkeypatch.setitem(sys.modules, "tqdm", None)

    assert convert_main([str(source), "-o", str(tmp_path / "s.pt")]) == 0

    assert "converting: 10 / 10 rows (100%)" in capsys.readouterr().err


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["missing.rds", "-o", "x.pt"], "No such file"),
        ([str(SHARED / "README.md"), "-o", "x.pt"], "the input must end in"),
        ([str(SHARED / "Orange.csv"), "-o", "x.npy"], "must end in .pt"),
        (
            [str(SHARED / "Orange.csv"), "-o", "x.pt", "--factor", "Colour"],
            r"no column\(s\) \['Colour'\]",
        ),
        (
            [
                str(SHARED / "Orange.csv"),
                "-o",
                "x.pt",
                "--dtype",
                "int64",
                "--date",
                "age",
            ],
            "not ISO date text",
        ),
    ],
)
def test_bad_invocations_fail_with_a_message(
    tmp_path, monkeypatch, capsys, arguments, message
):
    monkeypatch.chdir(tmp_path)

    assert convert_main([*arguments, "--no-progress"]) == 1

    error = capsys.readouterr().err
    assert re.search(message, error), error
    assert list(tmp_path.iterdir()) == []


def test_bad_na_value_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_code:
        convert_main(["in.csv", "-o", "x.pt", "--na", "zero"])

    assert exit_code.value.code == 2
    assert "--na must be nan, error or a number" in capsys.readouterr().err


def test_integer_output_with_na_fill(tmp_path):
    out = tmp_path / "i.pt"
    source = tmp_path / "i.csv"
    source.write_text("a,when\n1,2020-01-02\n,2020-01-03\n")

    assert (
        convert_main(
            [
                str(source),
                "-o",
                str(out),
                "--dtype",
                "int64",
                "--na",
                "-1",
                "--date",
                "when",
                "--no-progress",
            ]
        )
        == 0
    )

    # as.numeric(as.Date("2020-01-02")) == 18263
    assert torch.load(out, weights_only=True)["data"].tolist() == [
        [1, 18263],
        [-1, 18264],
    ]


def test_row_labels_that_a_tensor_file_cannot_keep_are_reported(tmp_path, capsys):
    pytest.importorskip("rdata")
    out = tmp_path / "jj.safetensors"

    assert (
        convert_main(
            [str(SHARED / "JohnsonJohnson.rds"), "-o", str(out), "--no-progress"]
        )
        == 0
    )

    report = capsys.readouterr().out
    assert (
        "warning: the row labels (PeriodIndex: 1960Q1, 1960Q2, 1960Q3, ...)" in report
    )
    data, record = _safetensors(out)
    assert tuple(data.shape) == (84,) and record["container"] == "Series"
    assert record["lossy"] and "row labels" in record["lossy"][0]


# ---- errors speak the command's options (issue 5, item 6) ----------------------

PYTHON_SPELLINGS = ("df.", "df[", "astype", "na=", "dtype=", "dropna", "read_rds(")


def _csv(tmp_path: Path, text: str) -> str:
    path = tmp_path / "in.csv"
    path.write_text(text)
    return str(path)


CLI_ERRORS = [
    # (case, input maker, options, what the error must say)
    (
        "NA in an integer tensor",
        lambda tmp: _csv(tmp, "a,b\n1,2\n,3\n"),
        ["--dtype", "int64"],
        ["'a' has 1 NA value(s), the first in row 2", "--dtype float32", "--na NUMBER"],
    ),
    (
        "a value outside the dtype",
        lambda tmp: _csv(tmp, "a\n1\n300\n"),
        ["--dtype", "uint8"],
        ["e.g. 300 (row 2)", "--dtype int64", "--dtype float64"],
    ),
    (
        "na nan in an integer tensor",
        lambda tmp: _csv(tmp, "a\n1\n"),
        ["--dtype", "int64", "--na", "nan"],
        ["--na nan needs a floating dtype", "--dtype float32", "--na NUMBER"],
    ),
    (
        "a fill number the dtype cannot hold",
        lambda tmp: _csv(tmp, "a\n1\n"),
        ["--dtype", "int8", "--na", "1000"],
        ["--na 1000 cannot be stored in a tensor of dtype int8"],
    ),
    (
        "an R list, not a data frame",
        lambda tmp: str(rw.write_rds(tmp / "x.rds", rw.generic_list([]))),
        [],
        ["holds a list, not a data frame"],
    ),
    (
        "a file that is not an R file",
        lambda tmp: _write(tmp / "x.rds", b"hello, world"),
        [],
        ["not an R data file", "rtorch convert reads files written by R's saveRDS()"],
    ),
    (
        "an R file past the size limit",
        lambda tmp: str(SHARED / "Orange.rds"),
        ["--max-bytes", "100"],
        ["more than --max-bytes = 100 bytes", "pass a larger --max-bytes"],
    ),
]


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    "case, make, options, expected", CLI_ERRORS, ids=[row[0] for row in CLI_ERRORS]
)
def test_errors_name_the_command_options(
    tmp_path, capsys, case, make, options, expected
):
    if "R file" in case or "R list" in case:
        pytest.importorskip("rdata")
    source = make(tmp_path)

    status = convert_main(
        [source, "-o", str(tmp_path / "out.pt"), *options, "--no-progress"]
    )

    error = capsys.readouterr().err
    assert status == 1 and error.startswith("rtorch convert: error: ")
    for words in expected:
        assert words in error, error
    for spelling in PYTHON_SPELLINGS:
        assert spelling not in error, f"{spelling!r} in {error}"
    assert not (tmp_path / "out.pt").exists()


def test_lossy_report_lines_name_the_command_options(tmp_path, capsys):
    source = _csv(tmp_path, "big\n16777217\n")

    assert convert_main([source, "-o", str(tmp_path / "o.pt"), "--no-progress"]) == 0

    report = capsys.readouterr().out
    # 2^24 + 1 is the first whole number float32 cannot hold.
    assert "warning: column 'big': 1 value(s) changed in float32" in report
    assert "--dtype float64" in report and "dtype=" not in report


@pytest.mark.parametrize(
    "dtype, expected", [("double", torch.float64), ("long", torch.int64)]
)
def test_r_torch_dtype_names_work_on_the_command_line(tmp_path, dtype, expected):
    # Semantics 2.4: "double" is float64 and "long" is int64.
    out = tmp_path / "o.pt"

    assert (
        convert_main(
            [
                _csv(tmp_path, "a\n1\n"),
                "-o",
                str(out),
                "--dtype",
                dtype,
                "--no-progress",
            ]
        )
        == 0
    )

    assert torch.load(out, weights_only=True)["data"].dtype == expected


@pytest.mark.parametrize("dtype", ["bfloat16", "complex64", "fp32"])
def test_unsupported_dtypes_are_a_usage_error(capsys, dtype):
    with pytest.raises(SystemExit) as exit_code:
        convert_main(["in.csv", "-o", "x.pt", "--dtype", dtype])

    assert exit_code.value.code == 2
    error = capsys.readouterr().err
    assert "--dtype must be one of float16, float32, float64" in error
    assert repr(dtype) in error


def test_an_rdata_file_named_rds_is_read_by_its_header(tmp_path):
    pytest.importorskip("rdata")
    frame = rw.data_frame({"a": rw.doubles([1.5, None])}, 2)
    path = rw.write_rdata(tmp_path / "saved_with_save.rds", {"df": frame})
    out = tmp_path / "x.safetensors"

    assert convert_main([str(path), "-o", str(out), "--no-progress"]) == 0

    data, _ = _safetensors(out)
    assert data[0, 0].item() == 1.5 and math.isnan(data[1, 0].item())


# ---- batches: rows in messages count from the start of the file ----------------


def _parquet_column(path: Path, values: list, arrow_type) -> str:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"a": pa.array(values, arrow_type)}), path)
    return str(path)


def _batched(tmp_path: Path, capsys, source: str, *options: str) -> tuple[int, str]:
    """Convert in batches of 2 rows; the exit status and everything printed."""
    status = convert_main(
        [source, "-o", str(tmp_path / "o.pt"), "--batch-rows", "2", "--no-progress"]
        + list(options)
    )
    printed = capsys.readouterr()
    return status, printed.out + printed.err


def test_lossy_rows_count_from_the_start_of_the_file(tmp_path, capsys):
    # Rows 3 and 6 hold 2^24 + 1, in the second and third batch of 2 rows.
    values = [1, 2, 2**24 + 1, 4, 5, 2**24 + 1]
    source = _parquet_column(tmp_path / "big.parquet", values, None)

    status, printed = _batched(tmp_path, capsys, source)

    assert status == 0
    assert (
        "warning: column 'a': 2 value(s) changed in float32, e.g. 16777217 (row 3) "
        "became 16777216.0" in printed
    )
    assert printed.count("warning: column 'a'") == 1


@pytest.mark.parametrize(
    "values, options, expected",
    [
        # The only NA is file row 5 (the first row of the third batch).
        ([1, 2, 3, 4, None], ["--dtype", "int64"], "the first in row 5"),
        # 300 is file row 4, the second row of the second batch.
        ([1, 2, 3, 300], ["--dtype", "uint8"], "e.g. 300 (row 4)"),
    ],
)
def test_error_rows_count_from_the_start_of_the_file(
    tmp_path, capsys, values, options, expected
):
    source = _parquet_column(tmp_path / "e.parquet", values, None)

    status, printed = _batched(tmp_path, capsys, source, *options)

    assert status == 1 and expected in printed, printed


@pytest.mark.parametrize(
    "values, expected",
    [
        # A real 0 in row 1 (batch 1), the NA in row 3 (batch 2): still ambiguous.
        ([0, 1, None, 2], "real data in 1 row(s), the first is row 1"),
        # The NA first, the real 0 later, in row 3.
        ([None, 1, 0, 2], "real data in 1 row(s), the first is row 3"),
    ],
)
def test_a_fill_number_that_is_data_in_another_batch_is_reported(
    tmp_path, capsys, values, expected
):
    source = _parquet_column(tmp_path / "f.parquet", values, None)

    status, printed = _batched(
        tmp_path, capsys, source, "--dtype", "int64", "--na", "0"
    )

    assert status == 0
    assert f"warning: column 'a': --na 0 fills its NA, but 0 is also {expected}" in (
        printed
    )


def test_a_fill_number_in_a_column_without_na_is_not_reported(tmp_path, capsys):
    source = _parquet_column(tmp_path / "f.parquet", [0, 1, 2, 3], None)

    status, printed = _batched(
        tmp_path, capsys, source, "--dtype", "int64", "--na", "0"
    )

    assert status == 0 and "warning:" not in printed


def test_pt_file_round_trips_through_tensor_to_df(tmp_path):
    # README: a .pt file holds {"data": tensor, "info": dict}; tensor_to_df takes both.
    import subprocess
    import sys

    import torch

    from rtorch import tensor_to_df
    from rtorch.datasets import Orange

    source = tmp_path / "orange.csv"
    Orange.to_csv(source, index=False)
    target = tmp_path / "orange.pt"
    done = subprocess.run(
        [sys.executable, "-m", "rtorch", "convert", str(source), "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    saved = torch.load(target, weights_only=True)
    back = tensor_to_df(saved["data"], saved["info"])
    assert back["circumference"].tolist() == Orange["circumference"].tolist()
