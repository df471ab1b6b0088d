"""The timing harness every benchmark script shares.

Each case times a raw PyTorch statement and its rtorch spelling alternately,
in one process, keeping the best time per call of each, and prints their
ratio against a budget. ``OVER`` marks a miss; the scripts report, never fail.
"""

from __future__ import annotations

import argparse
import timeit
from collections.abc import Sequence

Case = tuple[str, str, str, float]  # (label, raw statement, rtorch statement, budget)


def run_cases(description: str, cases: Sequence[Case], namespace: dict) -> None:
    """Parse ``--quick``, then time and print every case.

    Args:
        description: The script's one-line description (for ``--help``).
        cases: The cases to time.
        namespace: The globals both statements run in.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    rounds = 3 if parser.parse_args().quick else 15

    print(f"{'case':34s} {'torch':>11s} {'rtorch':>11s} {'ratio':>7s} budget")
    for label, raw, wrapped, budget in cases:
        number = _calls_per_round(raw, namespace)
        raw_best = wrapped_best = float("inf")
        for _ in range(rounds):
            raw_best = min(raw_best, _per_call(raw, namespace, number))
            wrapped_best = min(wrapped_best, _per_call(wrapped, namespace, number))

        ratio = wrapped_best / raw_best
        verdict = "ok" if ratio <= budget else "OVER"
        print(
            f"{label:34s} {raw_best * 1e6:9.2f}us {wrapped_best * 1e6:9.2f}us "
            f"{ratio:7.3f} <= {budget} {verdict}"
        )


def _per_call(statement: str, namespace: dict, number: int) -> float:
    return timeit.timeit(statement, globals=namespace, number=number) / number


def _calls_per_round(statement: str, namespace: dict) -> int:
    """Enough calls for a round of about 0.1 s."""
    single = _per_call(statement, namespace, 20)
    return max(5, int(0.1 / max(single, 1e-9)))
