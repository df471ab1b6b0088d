"""The main job: ``rtorch tour`` runs every step of the Tensors chapter."""

from __future__ import annotations

import io
import subprocess
import sys

from rtorch.tour import STEPS, run_tour


def test_every_step_runs_and_prints_r_torch_output():
    out = io.StringIO()
    failures = run_tour(out)
    text = out.getvalue()

    assert failures == 0, text
    assert f"{len(STEPS)} of {len(STEPS)} steps ran." in text
    # matrix(1:9, ncol = 3) prints rows 1 4 7 / 2 5 8 / 3 6 9 (semantics 2.3, 10.1).
    assert "torch_tensor\n 1  4  7\n 2  5  8\n 3  6  9\n[ CPULongType{3,3} ]" in text
    # torch_tensor(1) has shape (1) and is float32 (semantics 2.3).
    assert "torch_tensor\n 1\n[ CPUFloatType{1} ]" in text
    # JohnsonJohnson has 84 values: 30 lines, R torch's note, then the footer.
    assert (
        "... [the output was truncated (use n=-1 to disable)]\n[ CPUFloatType{84} ]"
        in (text)
    )


def test_command_line_entry_points():
    for command in ([sys.executable, "-m", "rtorch", "tour"],):
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "steps ran." in done.stdout
