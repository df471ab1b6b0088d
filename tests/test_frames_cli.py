"""rtorch convert: data files to .pt / .safetensors with a per-column report.

Outputs are read back with independent readers (the safetensors package,
torch.load) and compared with values worked out by R's rules by hand.
"""

from __future__ import annotations

import json
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
    assert "column 'location' holds text" in error and "astype('category')" in error
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
