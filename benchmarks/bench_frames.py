"""df_to_tensor against the fastest hand-written pandas -> NumPy -> torch pipeline.

A 1,000,000-row frame with 12 mixed columns (4 float64, 2 nullable Int64 with
NA, 3 categorical, 2 dates, 1 bool) becomes a float32 tensor. Both sides are
timed alternately in one run (best of N) and their peak extra memory measured
with tracemalloc (NumPy reports its buffers to it). Budget (issue 5): time
<= 1.0x the baseline, peak extra memory <= 2x the output tensor.

Run: ``python benchmarks/bench_frames.py`` (``--quick`` for a short smoke run,
``--rows N`` for another size).
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable

import numpy as np
import pandas as pd
import torch

from rtorch.frames import df_to_tensor

FLOATS = ["f1", "f2", "f3", "f4"]
INTEGERS = ["i1", "i2"]
FACTORS = ["c1", "c2", "c3"]
DATES = ["d1", "d2"]
BOOLS = ["b1"]
NANOS_PER_DAY = 86_400 * 10**9


def make_frame(rows: int) -> pd.DataFrame:
    """The benchmark frame: 12 columns of the issue's mix, with NA."""
    generator = np.random.default_rng(5)
    columns: dict[str, object] = {}
    for name in FLOATS:
        columns[name] = generator.normal(size=rows)
    for name in INTEGERS:
        values = generator.integers(0, 1000, size=rows)
        columns[name] = pd.arrays.IntegerArray(values, generator.random(rows) < 0.05)
    for levels, name in zip((3, 50, 1000), FACTORS, strict=True):
        codes = generator.integers(-1, levels, size=rows)
        columns[name] = pd.Categorical.from_codes(
            codes, categories=[f"level{k}" for k in range(levels)]
        )
    for name in DATES:
        days = generator.integers(0, 20_000, size=rows)
        stamps = (days * NANOS_PER_DAY).astype("datetime64[ns]")
        stamps[generator.random(rows) < 0.01] = np.datetime64("NaT")
        columns[name] = stamps
    for name in BOOLS:
        columns[name] = generator.random(rows) < 0.5
    return pd.DataFrame(columns)


def baseline(frame: pd.DataFrame) -> torch.Tensor:
    """The fastest hand-written pipeline for the same job (no checks, no record)."""
    out = np.empty((len(frame), frame.shape[1]), dtype=np.float32)
    for position, name in enumerate(frame.columns):
        target = out[:, position]
        column = frame[name]
        if name in FLOATS or name in BOOLS:
            target[:] = column.to_numpy()
        elif name in INTEGERS:
            target[:] = column.to_numpy(dtype=np.float32, na_value=np.nan)
        elif name in FACTORS:
            codes = column.cat.codes.to_numpy()
            np.add(codes, 1, out=target, dtype=np.float32, casting="unsafe")
            target[codes < 0] = np.nan
        else:
            ticks = column.to_numpy().view(np.int64)
            target[:] = ticks // NANOS_PER_DAY
            target[ticks == np.iinfo(np.int64).min] = np.nan
    return torch.from_numpy(out)


def ours(frame: pd.DataFrame) -> torch.Tensor:
    """rtorch's converter, every check and the conversion record included."""
    return df_to_tensor(frame).tensor.torch


def best_time(
    function: Callable[[pd.DataFrame], torch.Tensor], frame: pd.DataFrame, rounds: int
) -> float:
    """Best wall time of ``rounds`` calls."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        function(frame)
        best = min(best, time.perf_counter() - start)
    return best


def peak_extra(
    function: Callable[[pd.DataFrame], torch.Tensor], frame: pd.DataFrame
) -> int:
    """Peak bytes allocated during one call, above what was held before."""
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    result = function(frame)
    peak = tracemalloc.get_traced_memory()[1] - before
    tracemalloc.stop()
    del result
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--rows", type=int, default=1_000_000)
    options = parser.parse_args()
    rounds = 3 if options.quick else 11

    frame = make_frame(options.rows)
    expected = baseline(frame)
    assert torch.equal(ours(frame).nan_to_num(-7.0), expected.nan_to_num(-7.0))
    output_bytes = expected.numel() * expected.element_size()

    times = {"baseline": float("inf"), "df_to_tensor": float("inf")}
    for _ in range(rounds):  # alternate so both see the same machine state
        times["baseline"] = min(times["baseline"], best_time(baseline, frame, 1))
        times["df_to_tensor"] = min(times["df_to_tensor"], best_time(ours, frame, 1))
    memory = {
        "baseline": peak_extra(baseline, frame),
        "df_to_tensor": peak_extra(ours, frame),
    }

    print(
        f"{options.rows:,} rows x 12 columns -> float32, output "
        f"{output_bytes / 2**20:.1f} MiB"
    )
    print(f"{'pipeline':14s} {'best time':>10s} {'peak extra':>12s} {'x output':>9s}")
    for name in ("baseline", "df_to_tensor"):
        print(
            f"{name:14s} {times[name] * 1e3:8.1f}ms {memory[name] / 2**20:9.1f}MiB "
            f"{memory[name] / output_bytes:8.2f}x"
        )
    ratio = times["df_to_tensor"] / times["baseline"]
    print(
        f"time ratio df_to_tensor / baseline: {ratio:.2f} (budget <= 1.00); "
        f"memory {memory['df_to_tensor'] / output_bytes:.2f}x output "
        "(budget <= 2.00)"
    )


if __name__ == "__main__":
    main()
