"""The ``rtorch`` command line: ``tour``, ``convert`` and ``port``.

Example:
    $ rtorch tour
    $ python -m rtorch tour
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(
        prog="rtorch",
        description="R torch semantics in Python, over real PyTorch.",
    )
    parser.add_argument(
        "command",
        choices=sorted(_COMMANDS),
        help="tour: the Tensors chapter on real data; convert: R data to tensors; "
        "port: R torch scripts to Python",
    )
    if not args or args[0] not in _COMMANDS:
        parser.parse_args(args)  # prints usage and exits for a bad command
    return _COMMANDS[args[0]](args[1:])


def _tour(argv: list[str]) -> int:
    argparse.ArgumentParser(prog="rtorch tour").parse_args(argv)
    from rtorch.tour import run_tour

    return 1 if run_tour() else 0


def _port(argv: list[str]) -> int:
    from rtorch.port.cli import port_main

    return port_main(argv)


def _convert(argv: list[str]) -> int:
    from rtorch.frames.cli import convert_main

    return convert_main(argv)


_COMMANDS = {"tour": _tour, "port": _port, "convert": _convert}
