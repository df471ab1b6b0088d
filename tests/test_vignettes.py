"""The teaching notebooks in ``vignettes/`` run top to bottom without error.

Each notebook is a jupytext percent-format ``.py`` file (reviewable diffs); it
is converted to a notebook and executed in a fresh Jupyter kernel, offline;
plots go through matplotlib's inline backend (Agg rendering to PNG). The
notebooks assert R torch's results and closed-form values themselves, so a
wrong number fails here. The Rosenbrock notebook's printed log is also checked
line by line.
"""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import nbclient
import numpy as np
import pytest

VIGNETTES = Path(__file__).resolve().parent.parent / "vignettes"
NOTEBOOKS = sorted(VIGNETTES.glob("*.py"))


def run_notebook(path: Path):
    """Execute one vignette; return the executed notebook."""
    notebook = jupytext.read(path)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        allow_errors=True,  # run every cell, so a failure lists all broken cells
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return notebook


@pytest.fixture(scope="module")
def executed():
    """Executed notebooks by file name, run once per test session."""
    cache = {}

    def get(path: Path):
        if path.name not in cache:
            cache[path.name] = run_notebook(path)
        return cache[path.name]

    return get


def test_there_are_three_vignettes():
    assert [path.name for path in NOTEBOOKS] == [
        "01-tensors.py",
        "02-autograd.py",
        "03-function-minimization.py",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_vignette_runs_and_its_assertions_hold(path, executed):
    notebook = executed(path)

    failures = [
        f"cell {number}: {cell.source.splitlines()[0]!r} -> "
        f"{output['ename']}: {output['evalue']}"
        for number, cell in enumerate(notebook.cells, start=1)
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize(
    ("name", "plots"),
    [("02-autograd.py", 1), ("03-function-minimization.py", 1)],
)
def test_vignette_plots_are_rendered(name, plots, executed):
    notebook = executed(VIGNETTES / name)
    images = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    ]
    assert len(images) == plots


def test_vignettes_show_r_code_beside_the_port():
    for path in NOTEBOOKS:
        text = path.read_text()
        assert text.count("# ```r") >= 4, path.name


def test_rosenbrock_log_has_r_cat_format_and_reference_values(executed):
    notebook = executed(VIGNETTES / "03-function-minimization.py")
    printed = "".join(
        output.get("text", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "stream"
    )
    lines = [line for line in printed.splitlines() if line.startswith("Iteration")]

    # R: cat("Iteration", i, "- value:", as.numeric(value), "\n") separates the
    # pieces with one space and writes one more before the newline.
    pattern = re.compile(r"^Iteration (\d+) - value: (\S+) $")
    matches = [pattern.match(line) for line in lines]
    assert all(matches), lines
    assert [int(m.group(1)) for m in matches] == list(range(100, 1001, 100))

    values = [float(m.group(2)) for m in matches]
    for text, value in zip((m.group(2) for m in matches), values):
        assert text == _r_seven_digits(value)
    np.testing.assert_allclose(values, _reference_values(), rtol=1e-3)


def _r_seven_digits(value: float) -> str:
    """R's ``cat()`` text for a double below 1: 7 significant digits, the
    shorter of fixed and scientific notation (fixed on a tie)."""
    significant = f"{value:.7g}"
    digits = len(significant.split("e")[0].replace(".", "").lstrip("0"))
    scientific = f"{value:.{max(digits - 1, 0)}e}"
    fixed = f"{value:.{digits - 1 - int(np.floor(np.log10(abs(value))))}f}"
    return fixed if len(fixed) <= len(scientific) else scientific


def _reference_values() -> list[float]:
    """Rosenbrock (a = 1, b = 5) values every 100 steps of gradient descent
    from (-1, 1) with lr = 0.01, from the hand-derived gradient in float64."""
    a, b, lr = 1.0, 5.0, 0.01
    x1, x2 = -1.0, 1.0
    values = []
    for step in range(1, 1001):
        if step % 100 == 0:
            values.append((a - x1) ** 2 + b * (x2 - x1**2) ** 2)
        g1 = -2 * (a - x1) - 4 * b * x1 * (x2 - x1**2)
        g2 = 2 * b * (x2 - x1**2)
        x1, x2 = x1 - lr * g1, x2 - lr * g2
    return values
