"""Shared helper for the porter tests: the one problem a snippet is reported for."""

from __future__ import annotations

import pytest

from rtorch.port import PortError, port_source


def only_problem(r_code: str) -> tuple[int, int, str, str]:
    """Port ``r_code``, expect exactly one reported problem, return its details.

    Returns:
        ``(line, column, construct, reason)`` of the problem.
    """
    with pytest.raises(PortError) as caught:
        port_source(r_code)
    (problem,) = caught.value.problems
    return problem.line, problem.column, problem.construct, problem.reason
