"""Memory of ``rtorch convert`` on a large parquet file: bounded by the batch.

Writes parquet files of 1,000,000 and 4,000,000 rows x 12 mixed columns (row
groups of 262,144 rows), then runs ``rtorch convert`` on each in fresh
processes, to ``.safetensors`` and ``.pt``, with the default batch and with
one batch of the whole file. For each run it prints the wall time and the peak
resident memory above the process's memory right before converting (after
the imports). Bounded memory shows as a batched peak that does not grow with
the file. (``.pt`` maps the finished rows from disk to save them; those pages
count in RSS but are file-backed and reclaimable.)

Run: ``python benchmarks/bench_convert.py`` (``--rows N`` for another size).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

CHILD = r"""
import json, resource, sys, time
import pandas, pyarrow.parquet, torch
from rtorch.frames.cli import convert_main

def rss_now():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
before = rss_now()
start = time.perf_counter()
status = convert_main(sys.argv[1:])
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"status": status, "seconds": seconds, "extra": peak - before}))
"""


def write_parquet(path: Path, rows: int) -> None:
    """4 doubles, 2 integers with nulls, 3 dictionary columns, 2 dates, 1 bool."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    generator = np.random.default_rng(7)
    columns = {f"f{k}": generator.normal(size=rows) for k in range(4)}
    for k in range(2):
        values = generator.integers(0, 1000, size=rows)
        columns[f"i{k}"] = pa.array(values, mask=generator.random(rows) < 0.05)
    for k, levels in enumerate((3, 50, 1000)):
        codes = generator.integers(0, levels, size=rows).astype(np.int32)
        columns[f"c{k}"] = pa.DictionaryArray.from_arrays(
            codes, pa.array([f"level{j}" for j in range(levels)])
        )
    for k in range(2):
        columns[f"d{k}"] = pa.array(
            generator.integers(0, 20_000, size=rows).astype(np.int32), pa.date32()
        )
    columns["b"] = generator.random(rows) < 0.5
    pq.write_table(pa.table(columns), path, row_group_size=262_144)


def run(arguments: list[str]) -> dict[str, float]:
    """One conversion in a fresh interpreter; its time and peak extra memory."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *arguments, "--no-progress"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=4_000_000)
    options = parser.parse_args()

    print(
        f"{'rows':>10s} {'output':13s} {'batch rows':>10s} {'time':>8s} "
        f"{'peak extra RSS':>15s} {'float32 output':>15s}"
    )
    for rows in (options.rows // 4, options.rows):
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "big.parquet"
            write_parquet(source, rows)
            output_mib = rows * 12 * 4 / 2**20
            for suffix in (".safetensors", ".pt"):
                for batch in (65_536, rows):
                    target = Path(folder) / f"out{suffix}"
                    result = run(
                        [str(source), "-o", str(target), "--batch-rows", str(batch)]
                    )
                    assert result["status"] == 0
                    print(
                        f"{rows:>10,} {suffix:13s} {batch:>10,} "
                        f"{result['seconds']:7.2f}s "
                        f"{result['extra'] / 2**20:11.0f} MiB {output_mib:11.0f} MiB"
                    )
                    target.unlink()


if __name__ == "__main__":
    main()
