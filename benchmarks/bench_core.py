"""rtorch overhead over raw PyTorch for the tensor basics (issue: foundation).

Prints, for each case, the best-of-N time per call of the raw PyTorch
expression and of its rtorch spelling, measured alternately in one run, and
their ratio. Budget: <= 1.3x on the small cases, <= 1.05x on the large ones.

Run: ``python benchmarks/bench_core.py`` (``--quick`` for a short smoke run).
"""

from __future__ import annotations

import torch
from ratios import run_cases

from rtorch import from_torch

torch.set_num_threads(1)

CASES = [
    # (label, raw statement, rtorch statement, budget)
    ("method x.exp(), 1 element", "a.exp()", "A.exp()", 1.3),
    ("operator x + y, 1 element", "a + b", "A + B", 1.3),
    ("x.sum(dim=) on 100x100", "m.sum(0)", "M.sum(dim=1)", 1.3),
    ("method x.exp(), 1e6 elements", "big.exp()", "BIG.exp()", 1.05),
    ("operator x + y, 1e6 elements", "big + big2", "BIG + BIG2", 1.05),
    ("x.sum(dim=) on 1000x1000", "big_m.sum(0)", "BIG_M.sum(dim=1)", 1.05),
]


def main() -> None:
    """Print one row per case."""
    run_cases(__doc__.splitlines()[0], CASES, _tensors())


def _tensors() -> dict[str, object]:
    torch.manual_seed(0)
    raw = {
        "a": torch.rand(1),
        "b": torch.rand(1),
        "m": torch.rand(100, 100),
        "big": torch.rand(1_000_000),
        "big2": torch.rand(1_000_000),
        "big_m": torch.rand(1000, 1000),
    }
    wrapped = {name.upper(): from_torch(t) for name, t in raw.items()}
    return {**raw, **wrapped}


if __name__ == "__main__":
    main()
