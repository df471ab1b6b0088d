"""R value → tensor and tensor → R value, by R torch's rules.

R torch equivalents: ``torch_tensor()`` (section 2 of the semantics notes) and
``as_array()`` / ``as.numeric()`` / ``$item()`` (section 3). The rules:

* Python ``float`` and NumPy ``float64`` (R double) become **float32**; ``int``
  (R integer) becomes int64; ``bool`` becomes bool; ``complex`` complex64;
  NumPy ``uint8`` (R raw) stays uint8.
* A scalar or a length-1 vector gives shape ``(1,)``, never 0-d.
* NumPy arrays (what :func:`matrix` / :func:`array` return) keep their
  ``[i, j, k]`` layout.
* ``NA`` becomes NaN in floating data; in integer or logical data it is an
  error that names the fix (DECISIONS 3).
* pandas: a Categorical becomes its 1-based level codes, dates become days
  since 1970-01-01, a Series or time series becomes its values.
* Strings are an error (R torch: "R type not handled").
"""

from __future__ import annotations

import datetime as _dt
import numbers
import warnings
from typing import Any

import numpy as np
import torch

from rtorch._facade import TensorBase
from rtorch.errors import LossyConversionWarning, RTypeError, RValueError
from rtorch.values import NA, r_type

__all__ = ["to_torch", "to_numpy"]

_EPOCH_DATE = _dt.date(1970, 1, 1)


def to_torch(data: Any, dtype: torch.dtype | None = None) -> torch.Tensor:
    """Convert R-style data into a new CPU ``torch.Tensor`` by R torch's rules.

    Args:
        data: A scalar, list, NumPy array, pandas object or tensor.
        dtype: The final dtype; ``None`` picks R torch's default for the data.

    Returns:
        A tensor that shares no memory with ``data``.

    Raises:
        RTypeError: For strings and other values R torch cannot hold.
        RValueError: For NA in integer or logical data bound for an integer
            or bool dtype.
    """
    if isinstance(data, TensorBase):
        data = data._t
    if isinstance(data, torch.Tensor):
        # R torch rule: torch_tensor(<tensor>) is a detached copy.
        out = data.detach().clone()
        return out if dtype is None else out.to(dtype)
    if data is None:
        # R torch rule: NULL gives an empty bool tensor.
        return torch.zeros(0, dtype=dtype or torch.bool)

    array = _to_numpy_r(data, dtype)
    return _numpy_to_torch(array, dtype)


def to_numpy(t: torch.Tensor) -> np.ndarray:
    """A tensor's values as R would receive them from ``as_array()``.

    float32/float16 widen to float64 (R double); int64 stays int64 (exact,
    as ``bit64::integer64``); bool, uint8 and complex keep their kinds. 0-d
    gives a length-1 vector. CUDA/MPS tensors are copied to the CPU; tensors
    that require grad need no ``detach()``.

    Raises:
        RTypeError: For sparse tensors and dtypes R has no type for.
    """
    if t.layout != torch.strided:
        raise RTypeError(
            "Sparse tensors are not supported for as_array conversion. "
            "Convert with x.to_dense() first."
        )
    target = _AS_ARRAY_DTYPES.get(t.dtype)
    if target is None:
        name = str(t.dtype).removeprefix("torch.")
        raise RTypeError(
            f"dtype '{name}' not handled by as_array(); convert first, e.g. "
            "x.to(dtype=torch_int()) or x.to(dtype=torch_float())."
        )

    values = t.detach().to("cpu", target).numpy().copy()
    return values.reshape(1) if values.ndim == 0 else values


_AS_ARRAY_DTYPES: dict[torch.dtype, torch.dtype] = {
    torch.float32: torch.float64,
    torch.float16: torch.float64,
    torch.float64: torch.float64,
    torch.int32: torch.int32,
    torch.int64: torch.int64,
    torch.bool: torch.bool,
    torch.uint8: torch.uint8,
    torch.complex64: torch.complex128,
    torch.complex128: torch.complex128,
}


def _numpy_to_torch(array: np.ndarray, dtype: torch.dtype | None) -> torch.Tensor:
    if array.dtype == object:
        array = _resolve_object_array(array, dtype)

    kind = array.dtype.kind
    if kind in "USO":
        raise _strings_error(array)
    if kind in "Mm":
        raise RTypeError(
            "torch_tensor() got NumPy datetimes; pass a pandas Series of dates "
            "(days since 1970-01-01) or convert to numbers first."
        )
    if kind == "u" and array.dtype.itemsize > 1:
        array = _unsigned_as_int64(array)
    if (
        kind in "fc"
        and dtype is not None
        and not (dtype.is_floating_point or dtype.is_complex)
    ):
        _refuse_nan(array, dtype)

    default = _DEFAULT_DTYPES.get(array.dtype.type)
    # A private C-ordered copy: never share (possibly read-only) NumPy memory.
    tensor = torch.from_numpy(np.array(array, order="C", copy=True))
    if dtype is not None:
        return tensor.to(dtype)
    return tensor if default is None else tensor.to(default)


# R rules: double -> float32, integer -> int64, complex -> complex64.
_DEFAULT_DTYPES: dict[type, torch.dtype] = {
    np.float64: torch.float32,
    np.int32: torch.int64,
    np.int64: torch.int64,
    np.complex128: torch.complex64,
}


def _resolve_object_array(array: np.ndarray, dtype: torch.dtype | None) -> np.ndarray:
    """Turn an object array (mixed Python values, NA) into a typed one."""
    flat = array.ravel(order="K").tolist()
    kind = r_type(flat)
    if kind == "character":
        raise _strings_error(array)

    na_count = sum(1 for v in flat if _is_missing(v))
    if na_count and kind in ("logical", "integer"):
        if dtype is None or not (dtype.is_floating_point or dtype.is_complex):
            raise _na_error(kind, na_count, dtype)
    if kind in ("logical", "integer") and not na_count:
        return _typed(flat, bool if kind == "logical" else np.int64, array.shape)
    if kind == "complex":
        return np.array(
            [complex("nan") if _is_missing(v) else v for v in flat], dtype=np.complex128
        ).reshape(array.shape)

    floats = np.array(
        [np.nan if _is_missing(v) else float(v) for v in flat], dtype=np.float64
    ).reshape(array.shape)
    return floats


def _typed(flat: list[Any], dtype: Any, shape: tuple[int, ...]) -> np.ndarray:
    try:
        return np.array(flat, dtype=dtype).reshape(shape)
    except OverflowError:
        raise RValueError(
            "an integer is too large for int64 (the widest integer tensor); pass "
            "dtype=torch_double() to keep it approximately, or split the value."
        ) from None


def _to_numpy_r(data: Any, dtype: torch.dtype | None = None) -> np.ndarray:
    """Any supported R-style value as a NumPy array (object when NA needs it)."""
    if isinstance(data, np.ma.MaskedArray):
        return _masked_to_numpy(data)
    if isinstance(data, np.ndarray):
        # R rule: a single value is a vector of length 1, never 0-d.
        return data.reshape(1) if data.ndim == 0 else data
    if isinstance(data, np.generic):
        return np.asarray(data).reshape(1)
    if _is_pandas(data):
        return _pandas_values(data, dtype)
    if data is NA or isinstance(data, (numbers.Number, np.bool_)):
        return np.array([data], dtype=object)
    if isinstance(data, (_dt.date, _dt.datetime)):
        return _dates_to_days(np.array([data], dtype=object))
    if isinstance(data, str):
        raise _strings_error(np.array([data]))
    if isinstance(data, (list, tuple, range)):
        return _sequence_to_numpy(data)
    raise RTypeError(
        f"R type not handled: torch_tensor() cannot convert a "
        f"{type(data).__name__}. Pass numbers, a list or NumPy array of numbers, "
        "a pandas Series, or a tensor."
    )


def _sequence_to_numpy(data: list[Any] | tuple[Any, ...] | range) -> np.ndarray:
    if isinstance(data, range):
        return np.asarray(data, dtype=np.int64)
    if any(isinstance(v, (list, tuple, np.ndarray)) for v in data):
        # Nested Python lists read row by row, as NumPy and PyTorch read them.
        rows = [
            _sequence_to_numpy(list(v))
            if isinstance(v, (list, tuple))
            else np.asarray(v)
            for v in data
        ]
        if len({r.shape for r in rows}) > 1:
            raise RValueError(
                "torch_tensor() got nested lists of different lengths; every row "
                "must have the same shape."
            )
        return np.stack(rows) if rows else np.zeros(0)
    dates = [v for v in data if isinstance(v, (_dt.date, _dt.datetime))]
    if dates and len(dates) + sum(1 for v in data if _is_missing(v)) == len(data):
        return _dates_to_days(np.array(data, dtype=object))
    return np.array(list(data), dtype=object)


def _masked_to_numpy(data: np.ma.MaskedArray) -> np.ndarray:
    """A masked array: masked cells are NA (NaN in floats, an error elsewhere)."""
    mask = np.ma.getmaskarray(data)
    values = np.asarray(data.data)
    if not mask.any():
        return values
    objects = values.astype(object)
    objects[mask] = NA
    return objects


def _unsigned_as_int64(array: np.ndarray) -> np.ndarray:
    """uint16/32/64 (R has no unsigned type) as int64, refusing values that overflow."""
    if array.size and array.max() > np.iinfo(np.int64).max:
        raise RValueError(
            f"{array.dtype} values up to {array.max()} do not fit int64, the widest "
            "integer tensor; pass dtype=torch_double() to keep them approximately."
        )
    return array.astype(np.int64)


def _is_pandas(data: Any) -> bool:
    return type(data).__module__.startswith("pandas")


def _pandas_values(data: Any, dtype: torch.dtype | None) -> np.ndarray:
    """A pandas column by the data-frame rules (one place: rtorch.frames.columns)."""
    import pandas as pd

    from rtorch.frames.columns import Unconvertible, classify, extract

    if isinstance(data, pd.DataFrame):
        raise RTypeError(
            "R type not handled: torch_tensor() takes one column or vector, not a "
            "data frame. Use df_to_tensor(df) for a whole frame, or "
            "torch_tensor(df['column'])."
        )
    series = data if isinstance(data, pd.Series) else pd.Series(data)
    name = series.name if series.name is not None else "value"
    try:
        column = extract(name, series, classify(name, series))
    except Unconvertible as error:
        raise RTypeError(f"R type not handled: {error}") from None

    values = np.asarray(column.values)
    if column.info.kind == "factor":
        # R rule: a factor is its 1-based integer codes (an R integer: int64).
        values = values.astype(np.int64) + column.offset
    if column.info.kind == "datetime" and dtype in (None, torch.float32):
        _warn_if_float32_rounds(values)
    if column.missing is None:
        return values
    if values.dtype.kind == "f":
        values = values.astype(np.float64, copy=True)
        values[column.missing] = np.nan
        return values
    objects = values.astype(object)
    objects[column.missing] = NA
    return objects


def _warn_if_float32_rounds(seconds: np.ndarray) -> None:
    as_float32 = seconds.astype(np.float32).astype(np.float64)
    finite = np.isfinite(seconds)
    if np.any(as_float32[finite] != seconds[finite]):
        warnings.warn(
            "date-times became seconds since 1970-01-01 UTC, and float32 cannot "
            "hold them exactly (spacing is 128 s near 2024); pass "
            "dtype=torch_float64() to keep them.",
            LossyConversionWarning,
            stacklevel=5,
        )


def _refuse_nan(array: np.ndarray, dtype: torch.dtype) -> None:
    """DECISIONS 3: NA (NaN) never becomes a valid-looking integer or TRUE."""
    count = int(np.isnan(array).sum())
    if count:
        raise _na_error("double", count, dtype)


def _dates_to_days(objects: np.ndarray) -> np.ndarray:
    days = [
        np.nan if _is_missing(v) else float((_as_date(v) - _EPOCH_DATE).days)
        for v in objects.ravel().tolist()
    ]
    return np.array(days, dtype=np.float64).reshape(objects.shape)


def _as_date(value: _dt.date) -> _dt.date:
    if isinstance(value, _dt.datetime):
        raise RTypeError(
            f"torch_tensor() got a date-time {value!r}; pass a pandas Series with a "
            "time zone (seconds since the epoch) or plain dates."
        )
    return value


def _is_missing(value: Any) -> bool:
    return value is NA or value is None or (isinstance(value, float) and value != value)


def _na_error(kind: str, count: int, dtype: torch.dtype | None) -> RValueError:
    target = "bool" if kind == "logical" else "int64"
    if dtype is not None:
        target = str(dtype).removeprefix("torch.")
    corrupted = {"logical": "TRUE", "integer": "-2147483648"}.get(
        kind, "an arbitrary number"
    )
    return RValueError(
        f"{kind} data holds {count} NA/NaN value(s), which a {target} tensor "
        f"cannot represent (R torch would silently store {corrupted}). Pass "
        "dtype=torch_float() so NA becomes NaN, or remove the NAs first."
    )


def _strings_error(array: np.ndarray) -> RTypeError:
    sample = next((v for v in array.ravel().tolist() if isinstance(v, str)), None)
    return RTypeError(
        f"R type not handled: tensors cannot hold strings (got {sample!r}). "
        "Encode text as a factor first (pandas.Categorical gives 1-based level "
        "codes) or convert it to numbers."
    )
