"""Python lines -> a formatted script: imports on top, black's layout."""

from __future__ import annotations

from collections.abc import Iterable

_STANDARD_IMPORTS = {
    "math": "import math",
    "sys": "import sys",
    "warnings": "import warnings",
}


def render(
    leading_comments: list[str],
    body: list[str],
    imports: set[str],
    datasets: Iterable[str] = (),
) -> str:
    """Assemble and format the ported script.

    Args:
        leading_comments: the R file's opening comment block, kept on top.
        body: the translated statements, indented.
        imports: names of the imports the body needs (``"math"``, ``"rb"``...).
        datasets: R data sets the body uses, imported from ``rtorch.datasets``.

    Returns:
        Python source formatted like black/ruff (88 columns).
    """
    header = [
        _STANDARD_IMPORTS[key] for key in sorted(imports & _STANDARD_IMPORTS.keys())
    ]
    if header:
        header.append("")
    if "numpy" in imports:
        header.append("import numpy as np")
    header.append("from rtorch import *")
    if "rb" in imports:
        header.append("from rtorch import base as rb")
    if datasets:
        header.append(f"from rtorch.datasets import {', '.join(sorted(datasets))}")
    parts = [*leading_comments, *([""] if leading_comments else []), *header, "", *body]
    return format_python("\n".join(parts).strip("\n") + "\n")


def format_python(source: str) -> str:
    """Format Python source with black when it is installed (``rtorch[port]``)."""
    try:
        import black
    except ImportError:  # the extra is not installed: valid, unformatted code
        return source
    mode = black.Mode(line_length=88)
    return black.format_str(source, mode=mode)
