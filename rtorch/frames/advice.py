"""How a fix is spelled in a message: as Python code, or as ``rtorch convert`` options.

The same conversion runs behind :func:`rtorch.frames.df_to_tensor` and the
``rtorch convert`` command, and its errors and warnings end with the fix. A
Python user needs ``dtype=torch_float64()`` or ``df['x'].astype('category')``;
a command-line user needs ``--dtype float64`` or ``--factor x``. Each message
asks a :class:`Spelling` for the words, and each entry point passes its own:
:data:`PYTHON` or :data:`CLI`.

R torch equivalent: none (R torch has no command line).

Example:
    >>> CLI.dtype("float64"), PYTHON.dtype("float64")
    ('--dtype float64', 'dtype=torch_float64()')
"""

from __future__ import annotations

import shlex
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

__all__ = ["CLI", "PYTHON", "Spelling"]


@dataclass(frozen=True)
class Spelling:
    """The words for each fix, for one kind of user.

    Attributes:
        command_line: Whether the user runs ``rtorch convert`` (else Python).
    """

    command_line: bool

    @property
    def caller(self) -> str:
        """What starts an error message (the command line adds its own)."""
        return "" if self.command_line else "df_to_tensor(): "

    def kind_changed(
        self, column: Hashable, before: str, now: str, first_row: int
    ) -> str:
        """The error for a column whose kind differs from the earlier rows'."""
        if self.command_line:
            return (
                f"column {column!r} is {before} in the earlier rows but {now} from "
                f"row {first_row} on; make it one type in the whole file, or leave "
                f"it out ({self.drop(column)})."
            )
        return (
            f"df_to_tensor(like=...): column {column!r} was {before} before but is "
            f"{now} now; convert it to the same type first."
        )

    def dtype(self, name: str) -> str:
        """Choosing the output dtype, e.g. ``--dtype float64``."""
        return f"--dtype {name}" if self.command_line else f"dtype=torch_{name}()"

    def na(self, number: object = None) -> str:
        """A number for NA; without one, the placeholder for a number."""
        if number is None:
            return "--na NUMBER" if self.command_line else "na=<a number>"
        return f"--na {number}" if self.command_line else f"na={number}"

    def na_word(self, word: str) -> str:
        """An NA policy word: ``nan`` or ``error``."""
        return f"--na {word}" if self.command_line else f"na={word!r}"

    def factor(self, column: Hashable) -> str:
        """Making a text column a factor."""
        if self.command_line:
            return f"--factor {_shell(column)}"
        return f"df[{column!r}] = df[{column!r}].astype('category')"

    def drop(self, column: Hashable) -> str:
        """Leaving a column out."""
        if self.command_line:
            return f"--drop {_shell(column)}"
        return f"df.drop(columns=[{column!r}])"

    def utc_dates(self, column: Hashable) -> str:
        """Making date-times with mixed UTC offsets one column."""
        if self.command_line:
            return f"leave it out with --drop {_shell(column)}"
        return f"convert it first, e.g. pd.to_datetime(df[{column!r}], utc=True)"

    def round_times(self, column: Hashable) -> str:
        """Rounding date-times to microseconds, which float64 holds."""
        if self.command_line:
            return "round them to microseconds in the input file"
        return (
            f"round them to microseconds first: df[{column!r}] = "
            f"df[{column!r}].dt.round('us').astype('datetime64[us]')"
        )

    def rename(self) -> str:
        """Giving the columns unique names."""
        if self.command_line:
            return "rename them in the input file"
        return "rename them first (df.columns = [...])"

    def avoid_na(self, floating: str, columns: Sequence[Hashable]) -> str:
        """The ways out of NA in an integer tensor, as one sentence."""
        if self.command_line:
            drops = " ".join(f"--drop {_shell(column)}" for column in columns)
            return (
                f"Use {self.dtype(floating)} (NA becomes NaN), {self.na()} to "
                f"choose the value, or {drops} to leave the column(s) out."
            )
        return (
            f"Use a floating dtype such as {self.dtype(floating)} (NA becomes "
            f"NaN, the default), {self.na()} to choose the value, or drop the "
            "rows with df.dropna()."
        )

    def r_file_readers(self) -> str:
        """Which reader takes which file."""
        if self.command_line:
            return (
                "rtorch convert reads files written by R's saveRDS() or save() "
                "(.rds, .RData, .rda), .csv and .parquet, by their suffix."
            )
        return (
            "read_rds() reads files written by saveRDS(), read_rdata() files "
            "written by save(); read CSV with pandas.read_csv()."
        )

    @property
    def size_limit(self) -> str:
        """The name of the decompressed-size limit for R files."""
        return "--max-bytes" if self.command_line else "max_bytes"

    def cast_later(self) -> str:
        """How to reach a dtype that the converter cannot write directly."""
        return "" if self.command_line else ", then convert with x.to(dtype = ...)"


PYTHON = Spelling(command_line=False)
"""Fixes as Python code (``df_to_tensor()`` and the other functions)."""

CLI = Spelling(command_line=True)
"""Fixes as ``rtorch convert`` options."""


def _shell(column: Hashable) -> str:
    """A column name as one shell word."""
    return shlex.quote(str(column))
