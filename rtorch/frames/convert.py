"""Data frames to tensors and back, by R's rules, losing nothing silently.

R torch equivalent: what an R torch user writes by hand,
``torch_tensor(as.matrix(data.frame(lapply(df, as.numeric))))``: factor ->
``as.integer`` codes, Date -> days since 1970-01-01, NA -> NaN. Unlike that
idiom, :func:`df_to_tensor` never turns NA into a number behind your back
(DECISIONS 3), warns with :class:`~rtorch.errors.LossyConversionWarning` for
every step that cannot keep a value exactly, and returns a record
(:class:`~rtorch.frames.info.ConversionInfo`) from which
:func:`tensor_to_df` rebuilds the frame with its levels and dates.

Example:
    >>> from rtorch import datasets
    >>> x, info = df_to_tensor(datasets.Orange)
    >>> x[1, :]                   # Tree "1" is level 2; age; circumference
    torch_tensor
       2
     118
      30
    [ CPUFloatType{3} ]
    >>> tensor_to_df(x, info)["Tree"].cat.categories.tolist()
    ['3', '1', '5', '2', '4']
"""

from __future__ import annotations

import copy
import warnings
from collections.abc import Hashable
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import torch

from rtorch._facade import TensorBase
from rtorch.devices import Device, as_torch_device
from rtorch.dtypes import DType, as_torch_dtype
from rtorch.errors import LossyConversionWarning, RTypeError, RValueError
from rtorch.frames import restore
from rtorch.frames.advice import PYTHON, Spelling
from rtorch.frames.assemble import assemble
from rtorch.frames.columns import ColumnValues, Unconvertible, classify, extract
from rtorch.frames.info import ConversionInfo
from rtorch.frames.losses import Loss, find_loss, loss_messages
from rtorch.frames.na import NAPolicy, fill_loss, na_fill, na_label, na_problem
from rtorch.tensor import Tensor, wrap

__all__ = ["Conversion", "FrameTensor", "convert_frame", "df_to_tensor", "tensor_to_df"]


class FrameTensor(NamedTuple):
    """What :func:`df_to_tensor` returns: ``x, info = df_to_tensor(df)``."""

    tensor: Tensor
    info: ConversionInfo


class Conversion(NamedTuple):
    """What :func:`convert_frame` returns: the tensor, its record, its losses."""

    tensor: Tensor
    info: ConversionInfo
    losses: list[Loss]


def df_to_tensor(
    df: Any,
    dtype: DType | torch.dtype | str | None = None,
    na: NAPolicy = None,
    device: Device | torch.device | str | None = None,
    like: ConversionInfo | None = None,
) -> FrameTensor:
    """Convert a data frame to a 2-d tensor (a Series to a 1-d one) by R's rules.

    R torch equivalent: ``torch_tensor(as.matrix(df))`` after turning factors
    into ``as.integer`` codes and dates into ``as.numeric`` days, by hand.

    Column rules: numbers as they are; factor (pandas Categorical) -> 1-based
    code in its own level order; logical -> 0/1; dates (``datetime64`` of any
    unit, ``datetime.date`` objects, Arrow dates) -> days since 1970-01-01;
    date-times (with a time zone, or with times of day) -> seconds since the
    epoch in UTC; nullable ``Int64``/``Float64``/``boolean`` and Arrow columns,
    and object columns of numbers with ``None``, -> numbers with NA. Text is
    refused with the fix (make it a factor).

    Args:
        df: A pandas DataFrame or Series; a polars or pyarrow table also works
            when that library is installed.
        dtype: The tensor dtype; float32 by default (R double -> float32).
            Floating types and integer types are accepted.
        na: What NA becomes: ``"nan"`` (the default for floating dtypes),
            ``"error"`` (the default for integer dtypes), or a number to fill
            with. NA never becomes a number unless you pass one here.
        device: Where the tensor goes; the current default device if ``None``.
        like: The record of an earlier conversion (another batch, the training
            data): its column kinds and factor levels are kept, so the same
            level gets the same code. New levels of an unordered factor are
            added after the known ones.

    Returns:
        ``(tensor, info)``: an rtorch tensor that shares no memory with the
        frame, and the :class:`ConversionInfo` that :func:`tensor_to_df`
        needs.

    Raises:
        RValueError: For text or unsupported columns (all named at once),
            NA under ``na="error"``, whole numbers outside an integer dtype
            (R torch's cast would wrap them around), duplicate or missing
            column names, a frame without columns, or an unsupported dtype.
        RTypeError: When ``df`` is not a data frame or Series.

    Warns:
        LossyConversionWarning: For each column that the dtype cannot hold
            exactly (integers beyond 2^24 in float32 or 2^53 in float64,
            date-times that do not come back to their own tick, fractions
            truncated by an integer dtype, overflow to inf), and for an
            ``na=`` number that is also real data in a column with NA.

    Example:
        >>> x, info = df_to_tensor(datasets.okc_like[["age", "height"]])
        >>> x.shape, info.column("height").na_count
        (torch.Size([60, 2]), 3)
    """
    conversion = convert_frame(df, dtype, na, device, like, PYTHON, first_row=1)
    for message in conversion.info.lossy:
        warnings.warn(message, LossyConversionWarning, stacklevel=2)
    return FrameTensor(conversion.tensor, conversion.info)


def convert_frame(
    df: Any,
    dtype: DType | torch.dtype | str | None,
    na: NAPolicy,
    device: Device | torch.device | str | None,
    like: ConversionInfo | None,
    spelling: Spelling,
    first_row: int,
) -> Conversion:
    """:func:`df_to_tensor` for any caller: fixes in its spelling, rows from its start.

    ``rtorch convert`` calls this for each batch of rows, with fixes spelled
    as command-line options and ``first_row`` the file row of the batch's
    first row; it warns once for the whole file from the returned losses.

    Args:
        df, dtype, na, device, like: As for :func:`df_to_tensor`.
        spelling: How the fixes in errors and warnings are written.
        first_row: The row number of the frame's first row in messages.

    Returns:
        The tensor, its record (``lossy`` holds the warning lines, not yet
        warned) and the losses behind them.

    Raises:
        RValueError, RTypeError: As :func:`df_to_tensor` does.

    Example:
        >>> batch = convert_frame(df, "float32", None, None, None, CLI, 65_537)
        >>> batch.losses                                    # doctest: +SKIP
        []
    """
    frame, container = _as_frame(df)
    target = _target_dtype(dtype, spelling)
    fill = na_fill(na, target, spelling)
    kinds = _classify_all(frame, like, first_row, spelling)

    columns: list[ColumnValues] = []
    for position, (name, kind) in enumerate(kinds.items()):
        earlier = like.column(name) if like is not None else None
        try:
            columns.append(
                extract(name, frame.iloc[:, position], kind, earlier, spelling)
            )
        except Unconvertible as problem:
            raise RValueError(f"{spelling.caller}{problem}.") from None
    if fill is None and (problem := na_problem(columns, target, first_row, spelling)):
        raise RValueError(f"{spelling.caller}{problem}")

    losses = [
        loss
        for values in columns
        if (loss := find_loss(values, target, first_row)) is not None
    ]
    _refuse_out_of_range(losses, target, spelling)
    out = assemble(columns, len(frame), target, fill)
    if fill is not None and not np.isnan(fill):
        losses += [
            loss
            for position, values in enumerate(columns)
            if (loss := fill_loss(values, out[:, position], fill, first_row))
        ]

    info = ConversionInfo(
        columns=tuple(values.info for values in columns),
        dtype=str(target),
        na=na_label(fill),
        n_rows=len(frame),
        container=container,
        index=None if _default_index(frame.index) else frame.index,
        attrs=copy.deepcopy(dict(frame.attrs)),
        lossy=tuple(loss_messages(losses, _na_counts(columns), spelling)),
    )
    tensor = torch.from_numpy(out)
    if container == "Series":
        tensor = tensor.reshape(len(frame))
    return Conversion(wrap(tensor.to(as_torch_device(device))), info, losses)


def tensor_to_df(
    tensor: Any, info: ConversionInfo | dict[str, Any]
) -> pd.DataFrame | pd.Series:
    """Rebuild the data frame (or Series) that :func:`df_to_tensor` converted.

    R torch equivalent: none; R users rebuild factors and dates by hand with
    ``factor(levels(f)[codes], levels = levels(f))`` and
    ``as.Date(days, origin = "1970-01-01")``.

    Args:
        tensor: The tensor (rtorch or ``torch.Tensor``) of shape
            ``(n_rows, n_columns)``, or ``(n_rows,)`` for a Series.
        info: The record :func:`df_to_tensor` returned with it, or its
            ``to_dict()`` form (what ``rtorch convert`` stores in a ``.pt``
            file under ``"info"``).

    Returns:
        The frame with the original column names, dtypes, factor levels and
        their order, dates, time zones, row labels and ``attrs``. NaN comes
        back as NA; a fill value given with ``na=`` stays a number.

    Raises:
        RTypeError: When ``tensor`` is not a tensor.
        RValueError: When its shape does not match ``info``, or a factor,
            integer, logical or date column holds values that are not codes
            or whole numbers.

    Example:
        >>> x, info = df_to_tensor(datasets.okc_like[["diet", "date"]])
        >>> tensor_to_df(x, info).dtypes.tolist()
        [CategoricalDtype(categories=['anything', 'halal', 'vegan', 'vegetarian'],
        ordered=False, categories_dtype=object), dtype('<M8[s]')]
    """
    if isinstance(info, dict):
        info = ConversionInfo.from_dict(info)
    values = _tensor_values(tensor, info)
    columns = {
        column.name: restore.column(values[:, position], column)
        for position, column in enumerate(info.columns)
    }
    index = (
        info.index
        if info.index is not None and len(info.index) == info.n_rows
        else None
    )

    if info.container == "Series":
        ((name, data),) = columns.items()
        result: pd.DataFrame | pd.Series = pd.Series(data, name=name, index=index)
    else:
        result = pd.DataFrame(columns, index=index)
    result.attrs = copy.deepcopy(dict(info.attrs))
    return result


def _as_frame(df: Any) -> tuple[pd.DataFrame, str]:
    """Any accepted input as a pandas DataFrame, and what it was."""
    if isinstance(df, pd.DataFrame):
        return df, "DataFrame"
    if isinstance(df, pd.Series):
        frame = df.to_frame(name=df.name)
        frame.attrs = df.attrs
        return frame, "Series"

    module = type(df).__module__.split(".")[0]
    if module == "polars" and hasattr(df, "to_pandas"):
        converted = df.to_pandas()
        return _as_frame(converted)
    if module == "pyarrow" and hasattr(df, "to_pandas"):
        return _as_frame(df.to_pandas(date_as_object=False))
    raise RTypeError(
        f"df_to_tensor() takes a pandas DataFrame or Series (or a polars / pyarrow "
        f"table), not {type(df).__name__}. For vectors and arrays use "
        "torch_tensor()."
    )


def _target_dtype(
    dtype: DType | torch.dtype | str | None, spelling: Spelling
) -> np.dtype:
    """The NumPy dtype of the output; float32 by default (R double -> float32)."""
    wanted = as_torch_dtype(dtype) or torch.float32
    if wanted not in _NUMPY_DTYPES:
        raise RValueError(
            f"{spelling.caller}cannot make a {wanted} tensor; use a floating "
            "dtype (float16, float32, float64) or an integer dtype (uint8, int8, "
            f"int16, int32, int64){spelling.cast_later()}."
        )
    return np.dtype(_NUMPY_DTYPES[wanted])


def _refuse_out_of_range(
    losses: list[Loss], target: np.dtype, spelling: Spelling
) -> None:
    """Whole numbers outside an integer dtype are an error (never wrapped around)."""
    outside = [loss.message(spelling) for loss in losses if loss.kind == "range"]
    if not outside:
        return
    wider = [] if target == np.int64 else [spelling.dtype("int64")]
    raise RValueError(
        f"{spelling.caller}values do not fit in a tensor of dtype {target} "
        "(rtorch refuses to wrap them around):\n  - "
        + "\n  - ".join(outside)
        + f"\nUse a wider dtype: {' or '.join([*wider, spelling.dtype('float64')])}"
        " (whole numbers are exact in float64 up to 2^53)."
    )


def _na_counts(columns: list[ColumnValues]) -> dict[Hashable, int]:
    """Each column's number of NA values."""
    return {values.info.name: values.info.na_count for values in columns}


def _classify_all(
    frame: pd.DataFrame,
    like: ConversionInfo | None,
    first_row: int,
    spelling: Spelling,
) -> dict:
    """Each column's kind; every unconvertible column is named in one error."""
    names = list(frame.columns)
    if not names:
        raise RValueError(
            f"{spelling.caller}the data frame has no columns; a tensor needs at "
            "least one column of numbers."
        )
    duplicated = sorted(
        {str(name) for name in frame.columns[frame.columns.duplicated()]}
    )
    if duplicated:
        raise RValueError(
            f"{spelling.caller}duplicate column names {duplicated}; tensor_to_df() "
            f"could not tell them apart: {spelling.rename()}."
        )
    if like is not None and names != like.names:
        raise RValueError(
            f"df_to_tensor(like=...) expects the columns {like.names}, in that order, "
            f"but got {names}."
        )

    kinds: dict[Hashable, str] = {}
    problems: list[str] = []
    for position, name in enumerate(names):
        try:
            kinds[name] = classify(name, frame.iloc[:, position], spelling)
        except Unconvertible as problem:
            problems.append(str(problem))
    if problems:
        raise RValueError(
            f"{spelling.caller}cannot convert every column:\n  - "
            + "\n  - ".join(problems)
        )
    if like is not None:
        _check_kinds_match(kinds, like, first_row, spelling)
    return kinds


def _check_kinds_match(
    kinds: dict[Hashable, str],
    like: ConversionInfo,
    first_row: int,
    spelling: Spelling,
) -> None:
    """Later batches must have the same column kinds as the first one."""
    for column in like.columns:
        kind = kinds[column.name]
        same_family = {kind, column.kind} <= {"date", "datetime"} or {
            kind,
            column.kind,
        } <= {"numeric", "integer"}
        if kind != column.kind and not same_family:
            raise RValueError(
                spelling.kind_changed(column.name, column.kind, kind, first_row)
            )


def _default_index(index: pd.Index) -> bool:
    """Whether the row labels are pandas' default 0..n-1 (carrying nothing)."""
    return (
        isinstance(index, pd.RangeIndex)
        and index.start == 0
        and index.step == 1
        and index.name is None
    )


def _tensor_values(tensor: Any, info: ConversionInfo) -> np.ndarray:
    """The tensor's values as a 2-d NumPy array (float64 unless integer)."""
    if isinstance(tensor, TensorBase):
        tensor = tensor._t
    if not isinstance(tensor, torch.Tensor):
        raise RTypeError(f"tensor_to_df() takes a tensor, not {type(tensor).__name__}.")
    expected = (
        (info.n_rows,)
        if info.container == "Series"
        else (info.n_rows, len(info.columns))
    )
    if tuple(tensor.shape) != expected:
        raise RValueError(
            f"tensor_to_df(): the tensor has shape {tuple(tensor.shape)} but the "
            f"conversion record describes shape {expected} "
            f"({len(info.columns)} columns: {info.names})."
        )
    values = tensor.detach().cpu()
    if values.is_floating_point():
        values = values.to(torch.float64)
    return values.numpy().reshape(info.n_rows, len(info.columns))


_NUMPY_DTYPES = {
    torch.float16: np.float16,
    torch.float32: np.float32,
    torch.float64: np.float64,
    torch.uint8: np.uint8,
    torch.int8: np.int8,
    torch.int16: np.int16,
    torch.int32: np.int32,
    torch.int64: np.int64,
}
