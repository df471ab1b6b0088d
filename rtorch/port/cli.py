"""``rtorch port script.R``: the command line of the porter.

``rtorch.cli`` dispatches ``rtorch port ...`` here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rtorch.errors import RTorchError
from rtorch.port.api import port_with_problems
from rtorch.port.problems import PortError, Problem


def port_main(argv: list[str] | None = None) -> int:
    """Port an R torch script to rtorch Python; returns the exit status.

    R torch equivalent: none.

    Exit status 0 when everything was translated, 1 when constructs were left
    untranslated (each listed on stderr with its line and column; with
    ``--allow-untranslated`` the script is still written, with those lines as
    ``# UNTRANSLATED`` comments), 2 for a usage or file error.

    Example:
        ``rtorch port train.R -o train.py``
    """
    parser = argparse.ArgumentParser(
        prog="rtorch port",
        description="Translate an R torch script into a runnable rtorch Python script.",
    )
    parser.add_argument("script", help="the R script to port ('-' reads stdin)")
    parser.add_argument(
        "-o", "--output", help="where to write the Python script (default: stdout)"
    )
    parser.add_argument(
        "--allow-untranslated",
        action="store_true",
        help="write untranslatable lines as '# UNTRANSLATED' comments, not fail",
    )
    parser.add_argument(
        "--no-autoprint",
        action="store_true",
        help="do not print top-level values (Rscript prints them)",
    )
    options = parser.parse_args(argv)

    try:
        source = _read(options.script)
    except OSError as error:
        print(f"rtorch port: cannot read {options.script}: {error}", file=sys.stderr)
        return 2

    try:
        python, problems = port_with_problems(
            source,
            allow_untranslated=options.allow_untranslated,
            autoprint=not options.no_autoprint,
        )
    except PortError as error:  # not valid R
        _report(options.script, error.problems)
        return 1
    except RTorchError as error:
        print(f"rtorch port: {error}", file=sys.stderr)
        return 2

    if python and options.output:
        Path(options.output).write_text(python, encoding="utf-8")
    elif python:
        sys.stdout.write(python)
    if problems:
        _report(options.script, problems)
        return 1
    return 0


def _read(script: str) -> str:
    if script == "-":
        return sys.stdin.read()
    return Path(script).read_text(encoding="utf-8")


def _report(script: str, problems: list[Problem]) -> None:
    for problem in problems:
        print(f"{script}: {problem}", file=sys.stderr)
    print(
        f"rtorch port: {len(problems)} construct(s) left untranslated; "
        "rewrite them by hand.",
        file=sys.stderr,
    )
