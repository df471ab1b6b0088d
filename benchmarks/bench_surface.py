"""Overhead of the generated surface over raw PyTorch (issue 4).

Prints, for each case, the best-of-N time per call of the raw PyTorch call and
of its rtorch spelling (generated from the role table), measured alternately in
one run, and their ratio. Budget: <= 1.3x on small tensors.

The raw gather gets 0-based indices ready-made; rtorch's gets R's 1-based ones
and must subtract 1 (one extra small kernel), so the ``torch_gather`` rows also
show the raw call with that subtraction, which is the work R torch itself does.

Run: ``python benchmarks/bench_surface.py`` (``--quick`` for a short smoke run).
"""

from __future__ import annotations

import torch
from ratios import run_cases

from rtorch import from_torch, torch_cumsum, torch_gather, torch_sum  # noqa: F401

torch.set_num_threads(1)

CASES = [
    # (label, raw statement, rtorch statement, budget)
    (
        "torch_cumsum(x, dim=) 10x10",
        "torch.cumsum(s, 0)",
        "torch_cumsum(S, dim=1)",
        1.3,
    ),
    ("torch_sum(x, dim=) 10x10", "torch.sum(s, 0)", "torch_sum(S, dim=1)", 1.3),
    ("x.cumsum(dim=) method 10x10", "s.cumsum(0)", "S.cumsum(dim=1)", 1.3),
    (
        "torch_cumsum(x, dim=) 100x100",
        "torch.cumsum(m, 0)",
        "torch_cumsum(M, dim=1)",
        1.3,
    ),
    ("torch_gather 10x10", "torch.gather(s, 0, i0)", "torch_gather(S, 1, I1)", 1.3),
    (
        "  raw gather incl. index - 1",
        "torch.gather(s, 0, i1 - 1)",
        "torch_gather(S, 1, I1)",
        1.3,
    ),
    ("torch_gather 100x100", "torch.gather(m, 0, j0)", "torch_gather(M, 1, J1)", 1.3),
    (
        "  raw gather incl. index - 1",
        "torch.gather(m, 0, j1 - 1)",
        "torch_gather(M, 1, J1)",
        1.3,
    ),
]


def main() -> None:
    """Print one row per case."""
    run_cases(__doc__.splitlines()[0], CASES, {**_tensors(), **globals()})


def _tensors() -> dict[str, object]:
    torch.manual_seed(0)
    small_index = torch.randint(1, 11, (10, 10))
    large_index = torch.randint(1, 101, (100, 100))
    raw = {
        "s": torch.rand(10, 10),
        "m": torch.rand(100, 100),
        "i1": small_index,
        "i0": small_index - 1,
        "j1": large_index,
        "j0": large_index - 1,
    }
    wrapped = {name.upper(): from_torch(t) for name, t in raw.items()}
    return {**raw, **wrapped}


if __name__ == "__main__":
    main()
