"""``rtorch convert INPUT -o OUTPUT``: data files to tensor files, with a report.

R equivalent: none in R torch; it is the command-line form of
``torch_save(torch_tensor(as.matrix(df)), path)`` done by R's column rules
(:func:`rtorch.frames.df_to_tensor`), for ``.rds``, ``.RData``, ``.csv`` and
``.parquet`` inputs and ``.pt`` or ``.safetensors`` outputs. Parquet inputs
are converted in row batches, so memory holds one batch, not the file.

Example (shell)::

    rtorch convert penguins.rds -o penguins.safetensors
    rtorch convert big.parquet -o big.pt --batch-rows 100000 --dtype float64
    rtorch convert okc_like.csv -o okc.pt --factor diet --factor Class \\
        --date date --drop location
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, cast

import pandas as pd

from rtorch.dtypes import as_torch_dtype
from rtorch.errors import RTorchError
from rtorch.frames.advice import CLI
from rtorch.frames.convert import convert_frame
from rtorch.frames.info import ConversionInfo
from rtorch.frames.losses import Loss, loss_messages, merge_losses
from rtorch.frames.output import FORMATS, TensorFileWriter
from rtorch.frames.rfiles import DEFAULT_MAX_BYTES
from rtorch.frames.sources import SUFFIXES, Preparation, open_source

__all__ = ["convert_main"]

DEFAULT_BATCH_ROWS = 65_536
DTYPES = ("float16", "float32", "float64", "uint8", "int8", "int16", "int32", "int64")


def convert_main(argv: Sequence[str] | None = None) -> int:
    """Run ``rtorch convert`` with the arguments after the word ``convert``.

    Args:
        argv: The command-line arguments, e.g. ``["in.rds", "-o", "out.pt"]``;
            ``sys.argv[2:]`` when ``None``.

    Returns:
        The exit status: 0 on success, 1 when the input cannot be converted
        (the reason is printed to stderr). Bad usage exits with status 2, as
        argparse does.

    Example:
        >>> convert_main(["Orange.rds", "-o", "orange.pt"])   # doctest: +SKIP
        0
    """
    arguments = _parser().parse_args(sys.argv[2:] if argv is None else argv)
    try:
        info, size = _convert(arguments)
    except (RTorchError, OSError) as error:
        print(f"rtorch convert: error: {error}", file=sys.stderr)
        return 1
    print(info.report())
    print(f"wrote {arguments.output} ({size:,} bytes)")
    return 0


def _parser() -> argparse.ArgumentParser:
    """The command's arguments."""
    parser = argparse.ArgumentParser(
        prog="rtorch convert",
        description="Convert a data file to a tensor file by R's column rules "
        "(factor -> 1-based codes, Date -> days since 1970-01-01, "
        "NA -> NaN), printing how each column was converted.",
    )
    parser.add_argument("input", help=f"input file ({', '.join(SUFFIXES)})")
    parser.add_argument(
        "-o", "--output", required=True, help=f"output file ({' or '.join(FORMATS)})"
    )
    parser.add_argument(
        "--dtype",
        type=_dtype_name,
        default="float32",
        help=f"tensor dtype: {', '.join(DTYPES)} (default float32, R double's "
        "dtype; R torch's names such as double or long work too)",
    )
    parser.add_argument(
        "--na",
        type=_na_policy,
        default=None,
        help="what NA becomes: nan (default for float dtypes), "
        "error (default for integer dtypes) or a number",
    )
    parser.add_argument(
        "--object",
        dest="object_name",
        default=None,
        help="the object of an .RData file to convert",
    )
    parser.add_argument(
        "--max-bytes",
        type=_positive,
        default=DEFAULT_MAX_BYTES,
        help="refuse R files that decompress to more bytes than this "
        f"(default {DEFAULT_MAX_BYTES:,})",
    )
    parser.add_argument(
        "--factor",
        action="append",
        default=[],
        metavar="COLUMN",
        help="make a text column a factor (repeatable)",
    )
    parser.add_argument(
        "--date",
        action="append",
        default=[],
        metavar="COLUMN",
        help="read a text column as ISO dates (repeatable)",
    )
    parser.add_argument(
        "--drop",
        action="append",
        default=[],
        metavar="COLUMN",
        help="leave a column out (repeatable)",
    )
    parser.add_argument(
        "--batch-rows",
        type=_positive,
        default=DEFAULT_BATCH_ROWS,
        help=f"rows per batch for parquet (default {DEFAULT_BATCH_ROWS})",
    )
    parser.add_argument(
        "--no-progress", action="store_true", help="do not show the progress bar"
    )
    return parser


def _convert(arguments: argparse.Namespace) -> tuple[ConversionInfo, int]:
    """Read, convert batch by batch, write; the final record and file size."""
    preparation = Preparation(
        tuple(arguments.factor), tuple(arguments.date), tuple(arguments.drop)
    )
    source = open_source(
        arguments.input,
        preparation,
        arguments.batch_rows,
        arguments.object_name,
        arguments.max_bytes,
    )

    info: ConversionInfo | None = None
    na_counts: list[int] = []
    losses: list[Loss] = []
    with (
        TensorFileWriter(arguments.output) as writer,
        _progress(source.rows, not arguments.no_progress) as advance,
    ):
        for batch in source.batches:
            # Rows in messages count from the start of the file, not the batch.
            tensor, info, batch_losses = convert_frame(
                batch, arguments.dtype, arguments.na, None, info, CLI, writer.rows + 1
            )
            na_counts = [
                before + column.na_count
                for before, column in zip(
                    na_counts or [0] * len(info.columns), info.columns, strict=True
                )
            ]
            losses = merge_losses(losses, batch_losses)
            writer.append(tensor.torch)
            advance(info.n_rows)
        info = cast(ConversionInfo, info)  # open_source yields at least one batch
        lossy = loss_messages(
            losses, dict(zip(info.names, na_counts, strict=True)), CLI
        )
        if info.index is not None:
            lossy.append(_index_dropped(info.index, arguments.output))
        final = info.with_rows(
            writer.rows,
            columns=tuple(
                replace(column, na_count=count)
                for column, count in zip(info.columns, na_counts, strict=True)
            ),
            lossy=tuple(lossy),
        )
        size = writer.finish(final)
    return final, size


def _index_dropped(index: pd.Index, output: str) -> str:
    """The report line for row labels that a tensor file cannot keep."""
    shown = ", ".join(str(label) for label in index[:3])
    return (
        f"the row labels ({type(index).__name__}: {shown}, ...) are not written "
        f"to {output}; keep them with the data if you need them"
    )


def _na_policy(text: str) -> str | int | float:
    """--na as df_to_tensor's na=: a word or a number."""
    if text in ("nan", "error"):
        return text
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--na must be nan, error or a number, not {text!r}"
        ) from None


def _dtype_name(text: str) -> str:
    """--dtype as the name of a dtype that the converter writes."""
    try:
        name = str(as_torch_dtype(text)).removeprefix("torch.")
    except RTorchError:
        name = text
    if name not in DTYPES:
        raise argparse.ArgumentTypeError(
            f"--dtype must be one of {', '.join(DTYPES)} (or R torch's names "
            f"double, float, half, long, int, short), not {text!r}"
        )
    return name


def _positive(text: str) -> int:
    """A positive whole number argument."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


@contextmanager
def _progress(total: int, enabled: bool) -> Iterator[Any]:
    """A row-count progress bar on stderr (tqdm when installed)."""
    if not enabled:
        yield lambda rows: None
        return
    try:
        from tqdm import tqdm
    except ImportError:
        done = [0]

        def advance(rows: int) -> None:
            done[0] += rows
            share = 100 * done[0] // total if total else 100
            print(
                f"\rconverting: {done[0]:,} / {total:,} rows ({share}%)",
                end="",
                file=sys.stderr,
                flush=True,
            )

        yield advance
        print(file=sys.stderr)
        return
    with tqdm(total=total, unit="rows", desc="converting", file=sys.stderr) as bar:
        yield bar.update
