"""How much R-style indexing costs over the equivalent raw PyTorch expression.

Prints, for each case, the time of the raw PyTorch expression, of
``rtorch.indexing.getitem`` / ``setitem`` on the raw tensor, and of the public
facade (``x[...]`` on an rtorch tensor), with both ratios to raw PyTorch, all
measured in this one run. Budget (issue 3): <= 1.5x for scalar and range keys,
<= 2x for vector keys, on small tensors.

Run: ``python benchmarks/bench_indexing.py [--quick]``
"""

from __future__ import annotations

import sys
import timeit
from collections.abc import Callable

import torch

from rtorch import c, from_torch
from rtorch.indexing import getitem, setitem

torch.set_num_threads(1)

t = torch.arange(64, dtype=torch.float32).reshape(8, 8)
x = from_torch(t)
mask_raw = t > 40
mask = from_torch(mask_raw)
rows_raw, cols_raw = [0, 2], [1, 3]
rows_tensor, cols_tensor = torch.tensor(rows_raw), torch.tensor(cols_raw)

# name, budget, raw PyTorch, rtorch on the raw tensor, rtorch facade
Case = tuple[
    str, float, Callable[[], object], Callable[[], object], Callable[[], object]
]


def _set_raw() -> None:
    t[1:3, :] = 0.0


def _set_getitem() -> None:
    setitem(t, (slice(2, 3), slice(None)), 0.0)


def _set_facade() -> None:
    x[2:3, :] = 0.0


CASES: list[Case] = [
    (
        "one scalar element  x[2, 3]",
        1.5,
        lambda: t[1, 2],
        lambda: getitem(t, (2, 3)),
        lambda: x[2, 3],
    ),
    (
        "a row with drop     x[2, :]",
        1.5,
        lambda: t[1, :],
        lambda: getitem(t, (2, slice(None))),
        lambda: x[2, :],
    ),
    (
        "a stepped range     x[1:8:2]",
        1.5,
        lambda: t[0:8:2],
        lambda: getitem(t, slice(1, 8, 2)),
        lambda: x[1:8:2],
    ),
    (
        "2-vector block      x[c(1,3), c(2,4)]",
        2.0,
        lambda: t[rows_raw][:, cols_raw],
        lambda: getitem(t, ([1, 3], [2, 4])),
        lambda: x[c(1, 3), c(2, 4)],
    ),
    (
        "a mask              x[m]",
        2.0,
        lambda: t[mask_raw],
        lambda: getitem(t, mask_raw),
        lambda: x[mask],
    ),
    ("slice assignment    x[2:3, :] = 0", 1.5, _set_raw, _set_getitem, _set_facade),
]

# Not in the list, but on every training loop's path: rows picked by a
# 1-based long tensor (a batch of positions).
batch = from_torch(torch.tensor([3, 1, 8, 5]))
batch_raw = torch.tensor([2, 0, 7, 4])
CASES.append(
    (
        "rows by long tensor  x[idx, :]",
        2.0,
        lambda: t[batch_raw],
        lambda: getitem(t, batch.torch),
        lambda: x[batch, :],
    )
)

# The same block with pre-built index tensors: the fastest raw spelling there is.
REFERENCES = [
    (
        "2-vector block, raw index_select chain on pre-built tensors",
        lambda: t.index_select(0, rows_tensor).index_select(1, cols_tensor),
    ),
]


def measure(
    fns: list[Callable[[], object]], number: int, rounds: int = 40
) -> list[float]:
    """Best time of one call of each function, in nanoseconds.

    The functions are timed in turn, round after round, so that a busy machine
    slows all of them alike; the best round of each is kept.
    """
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for place, fn in enumerate(fns):
            elapsed = timeit.timeit(fn, number=number) / number * 1e9
            best[place] = min(best[place], elapsed)
    return best


def main() -> None:
    number = 500 if "--quick" in sys.argv else 2_000
    print(
        f"torch {torch.__version__}, 1 thread, 8x8 float32, best of 40 rounds "
        f"of {number} calls, interleaved"
    )
    header = (
        f"{'case':40s} {'raw ns':>8s} {'getitem ns':>11s} {'facade ns':>10s}"
        f" {'getitem/raw':>12s} {'facade/raw':>11s} {'budget':>7s}"
    )
    print(header)
    print("-" * len(header))
    for name, budget, raw, low, facade in CASES:
        raw_ns, low_ns, facade_ns = measure([raw, low, facade], number)
        verdict = "ok" if facade_ns / raw_ns <= budget else "OVER"
        print(
            f"{name:40s} {raw_ns:8.0f} {low_ns:11.0f} {facade_ns:10.0f}"
            f" {low_ns / raw_ns:11.2f}x {facade_ns / raw_ns:10.2f}x"
            f" {budget:5.1f}x {verdict}"
        )
    for name, fn in REFERENCES:
        print(f"reference: {name}: {measure([fn], number)[0]:.0f} ns")


if __name__ == "__main__":
    main()
