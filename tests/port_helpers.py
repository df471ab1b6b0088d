"""Helpers for the porter's tests: port R text and keep only the body."""

from __future__ import annotations

from rtorch.port import port_source

HEADER = "from rtorch import *\n"


def body(r_code: str, autoprint: bool = False) -> str:
    """The ported Python without its import lines, as a single string."""
    python = port_source(r_code, autoprint=autoprint)
    assert HEADER in python, python
    lines = python.splitlines(keepends=True)
    while lines and (lines[0].startswith(("import ", "from ")) or not lines[0].strip()):
        lines.pop(0)
    return "".join(lines)
