"""What the porter could not translate, and where.

Every construct that `rtorch port` cannot translate faithfully becomes a
:class:`Problem` with its 1-based line and column, so a user always knows what
is left to do by hand. The translator never guesses: it raises
:class:`Untranslated`, and the statement translator turns that into either a
reported problem or an ``# UNTRANSLATED`` comment.
"""

from __future__ import annotations

from dataclasses import dataclass

from rtorch.errors import RValueError


@dataclass(frozen=True)
class Problem:
    """One construct left untranslated.

    Attributes:
        line: 1-based line of the construct in the R source.
        column: 1-based column of the construct.
        construct: the R text of the construct (first line only).
        reason: why it was not translated and what to do instead.
    """

    line: int
    column: int
    construct: str
    reason: str

    def __str__(self) -> str:
        return (
            f"line {self.line}, column {self.column}: {self.construct}: {self.reason}"
        )


class Untranslated(Exception):
    """Raised inside the translator for a construct it will not guess at."""

    def __init__(self, node: object, reason: str) -> None:
        super().__init__(reason)
        self.node = node
        self.reason = reason


class PortError(RValueError):
    """The R code could not be ported completely.

    R torch equivalent: none (this is the porter's own report).

    Attributes:
        problems: every construct left untranslated, in source order.

    Example:
        >>> try:
        ...     port_source("x <- y %in% z")
        ... except PortError as e:
        ...     print(e.problems[0].line)
        1
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(
            f"{len(problems)} construct(s) could not be translated:\n{lines}\n"
            "Rewrite them by hand, or port with allow_untranslated=True "
            "(`rtorch port --allow-untranslated`) to keep them as marked comments."
        )
