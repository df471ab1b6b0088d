"""The generated surface modules are what tools/gen_surface.py writes today."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import torch

from rtorch.surface.codegen import generated_sources

ROOT = Path(__file__).resolve().parent.parent


def _recorded_version(text: str) -> str | None:
    match = re.search(r"from PyTorch (\S+)'s operator schemas", text)
    return match.group(1) if match else None


@pytest.mark.parametrize(
    "path",
    ["rtorch/surface/generated_functions.py", "rtorch/surface/generated_methods.py"],
)
def test_generated_module_is_up_to_date(path):
    on_disk = (ROOT / path).read_text()
    installed = torch.__version__.split("+")[0]
    if _recorded_version(on_disk) != installed:
        pytest.skip(f"{path} was generated from another PyTorch than {installed}")
    expected = generated_sources(ROOT / "tools" / "r_api")[path]
    assert on_disk == expected, "stale: run `python tools/gen_surface.py`"
