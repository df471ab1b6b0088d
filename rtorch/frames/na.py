"""The NA policy of the data-frame converter: NA never becomes a number unasked.

R torch turns integer NA into -2147483648 and logical NA into TRUE without a
word; rtorch does not (DECISIONS 3). ``na=`` says what NA becomes: NaN (the
default for floating dtypes), an error (the default for integer dtypes), or a
number the user chose. A chosen number that is also real data in a column
with NA makes the two indistinguishable, so that is reported too.

R torch equivalent: none; R users write ``df[is.na(df)] <- value`` by hand.
"""

from __future__ import annotations

from collections.abc import Hashable

import numpy as np

from rtorch.errors import RValueError
from rtorch.frames.advice import Spelling
from rtorch.frames.columns import ColumnValues
from rtorch.frames.losses import Loss

__all__ = ["NAPolicy", "fill_loss", "na_fill", "na_label", "na_problem"]

NAPolicy = str | int | float | None


def na_fill(na: NAPolicy, target: np.dtype, spelling: Spelling) -> float | int | None:
    """The number NA becomes, or ``None`` for "raise an error".

    Raises:
        RValueError: For an unknown word, NaN with an integer dtype, or a
            number the dtype cannot hold.

    Example:
        >>> na_fill(None, np.dtype("int64"), PYTHON) is None  # doctest: +SKIP
        True
    """
    floating = target.kind == "f"
    if na is None:
        return np.nan if floating else None
    if isinstance(na, str):
        if na == "error":
            return None
        if na == "nan" and floating:
            return np.nan
        if na == "nan":
            raise RValueError(
                f"{spelling.na_word('nan')} needs a floating dtype, but dtype is "
                f"{target}: an integer tensor has no NaN. Use "
                f"{spelling.dtype('float32')}, or {spelling.na()}."
            )
        raise RValueError(f"na must be 'nan', 'error' or a number, not {na!r}.")
    if isinstance(na, (bool, np.bool_)) or not isinstance(na, (int, float, np.number)):
        raise RValueError(f"na must be 'nan', 'error' or a number, not {na!r}.")
    if floating:
        return float(na)
    if np.isnan(na):
        raise RValueError(
            f"{spelling.na(na)} needs a floating dtype, but dtype is {target}."
        )
    limits = np.iinfo(target)
    if float(na) != int(na) or not limits.min <= na <= limits.max:
        raise RValueError(
            f"{spelling.na(na)} cannot be stored in a tensor of dtype {target} "
            f"(whole numbers from {limits.min} to {limits.max})."
        )
    return int(na)


def na_label(fill: float | None) -> str | float | int:
    """The NA policy as recorded: "nan", "error" or the fill number."""
    if fill is None:
        return "error"
    return "nan" if np.isnan(fill) else fill


def na_problem(
    columns: list[ColumnValues], target: np.dtype, first_row: int, spelling: Spelling
) -> str | None:
    """The error message for NA under na='error', naming each column, or ``None``.

    Args:
        columns: The extracted columns.
        target: The tensor dtype.
        first_row: The input row number of the first row (1-based).
        spelling: How the fixes are written.
    """
    problems: list[str] = []
    names: list[Hashable] = []
    for values in columns:
        if values.missing is None:
            continue
        names.append(values.info.name)
        problems.append(
            f"column {values.info.name!r} has {values.info.na_count} NA value(s), "
            f"the first in row {first_row + int(np.argmax(values.missing))}"
        )
    if not problems:
        return None
    return (
        f"NA cannot be stored in a tensor of dtype {target} "
        "(R torch would turn integer NA into -2147483648; rtorch refuses):\n  - "
        + "\n  - ".join(problems)
        + "\n"
        + spelling.avoid_na("float32", names)
    )


def fill_loss(
    values: ColumnValues, written: np.ndarray, fill: float, first_row: int
) -> Loss | None:
    """Real values of a column equal to the ``na=`` number, if any.

    Compared in the tensor (``written`` is the column as written), so a value
    that the dtype rounds onto the fill number counts too. Found even when
    this column has no NA: ``rtorch convert`` adds up the rows of all batches
    before :func:`~rtorch.frames.losses.loss_messages` decides.

    Args:
        values: The column's numbers and NA mask.
        written: The tensor column.
        fill: The ``na=`` number (not NaN).
        first_row: The input row number of the first row (1-based).
    """
    same = written == fill
    if values.missing is not None:
        same &= ~values.missing
    count = int(np.count_nonzero(same))
    if count == 0:
        return None
    return Loss(
        column=values.info.name,
        kind="fill",
        target=str(written.dtype),
        count=count,
        first_row=first_row + int(np.argmax(same)),
        value=str(fill),
        column_kind=values.info.kind,
    )
