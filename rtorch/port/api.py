"""The Python API of the porter: R torch code in, rtorch Python out."""

from __future__ import annotations

from rtorch.port.parse import parse_r
from rtorch.port.problems import PortError, Problem
from rtorch.port.render import render
from rtorch.port.statements import StatementTranslator


def port_source(
    r_code: str, *, allow_untranslated: bool = False, autoprint: bool = True
) -> str:
    """Translate an R torch script into a runnable rtorch Python script.

    R torch equivalent: none; this is the tool behind ``rtorch port script.R``.
    The spellings follow the porting contract (DECISIONS.md): ``x$m()`` ->
    ``x.m()``, ``1`` -> ``1.0``, ``1L`` -> ``1``, ``1:9`` -> ``seq(1, 9)``,
    ``x[1, ]`` -> ``x[1, :]``, ``res[[2]]`` -> ``elt(res, 2)``, ...

    Args:
        r_code: the R source.
        allow_untranslated: keep each untranslatable statement as a comment
            marked ``# UNTRANSLATED`` instead of failing.
        autoprint: print each top-level visible value, as ``Rscript`` does
            (``x`` alone on a line becomes ``print(x)``).

    Returns:
        Formatted Python source starting with ``from rtorch import *``.

    Raises:
        PortError: the code is not valid R, or (without
            ``allow_untranslated``) some constructs could not be translated;
            ``.problems`` lists each with its line and column.

    Example:
        >>> print(port_source("library(torch)\\nx <- torch_ones(2, 3)\\nx[1, ]"))
        from rtorch import *
        <BLANKLINE>
        x = torch_ones(2, 3)
        print(x[1, :])
        <BLANKLINE>
    """
    python, problems = port_with_problems(
        r_code, allow_untranslated=allow_untranslated, autoprint=autoprint
    )
    if problems and not allow_untranslated:
        raise PortError(problems)
    return python


def port_with_problems(
    r_code: str, *, allow_untranslated: bool, autoprint: bool = True
) -> tuple[str, list[Problem]]:
    """Like :func:`port_source`, also returning what was left untranslated.

    The Python text is empty when problems were found and
    ``allow_untranslated`` is False.
    """
    root = parse_r(r_code)
    translator = StatementTranslator(r_code, allow_untranslated, autoprint)
    leading, body = translator.program(root)
    if translator.problems and not allow_untranslated:
        return "", translator.problems
    python = render(leading, body, translator.tr.imports, translator.tr.datasets)
    return python, translator.problems
