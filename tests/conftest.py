"""Shared test helpers: every test imports rtorch the way users do."""

from __future__ import annotations

import pytest
import torch


@pytest.fixture(autouse=True)
def _restore_default_dtype():
    """Tests that change the default dtype must not leak it."""
    before = torch.get_default_dtype()
    yield
    torch.set_default_dtype(before)
