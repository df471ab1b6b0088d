"""R's generic functions on tensors: ``mean(x)``, ``sqrt(x)``, ``dim(x)`` …

R torch registers S3 methods so base R functions work on tensors (semantics
12.1, 9 and 3). rtorch exports the same names. Names that would shadow Python
builtins (``sum``, ``max``, ``min``, ``all``, ``any``, ``range``) live in
:mod:`rtorch.base` instead and are never star-exported.

Example:
    >>> as_array(mean(torch_tensor(c(2.0, 3.0, 10.0))))
    array([5.])
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import torch

from rtorch.conversion import to_numpy
from rtorch.devices import Device
from rtorch.dims import one_based_dim
from rtorch.dtypes import DType
from rtorch.errors import RTypeError, RValueError
from rtorch.tensor import Tensor, as_tensor_arg, wrap

__all__ = [
    "as_array",
    "as_numeric",
    "as_double",
    "as_integer",
    "as_logical",
    "as_complex",
    "as_matrix",
    "as_character",
    "dim",
    "length",
    "head",
    "tail",
    "mean",
    "prod",
    "cumsum",
    "sqrt",
    "exp",
    "expm1",
    "log",
    "log2",
    "log10",
    "log1p",
    "sign",
    "ceiling",
    "floor",
    "trunc",
    "cos",
    "sin",
    "tan",
    "cosh",
    "sinh",
    "tanh",
    "acos",
    "asin",
    "atan",
]


def as_array(x: Any) -> np.ndarray:
    """A tensor's values as a NumPy array, as R's ``as_array()`` gives them.

    float32 widens to float64 (R double); int64 stays exact (R's
    ``integer64``); 0-d gives a length-1 vector; the ``[i, j, k]`` layout is
    kept. CUDA tensors are copied to the CPU; no ``detach()`` is needed.

    Example:
        >>> as_array(torch_tensor(matrix(c(1.5, 2.5, 3.5, 4.5), nrow=2)))
        array([[1.5, 3.5],
               [2.5, 4.5]])
    """
    return to_numpy(as_tensor_arg(x))


def as_numeric(x: Any) -> np.ndarray:
    """All values as doubles, flattened in R's column-major order."""
    return _flat(x).astype(np.float64)


as_double = as_numeric


def as_integer(x: Any) -> np.ndarray:
    """All values as integers (truncated), flattened column-major like R."""
    values = _flat(x)
    if values.dtype.kind == "f" and not np.all(np.isfinite(values)):
        raise RValueError(
            "as_integer(): NaN or infinite values have no integer form; handle "
            "them first (R would give NA)."
        )
    return (
        np.trunc(values).astype(np.int64)
        if values.dtype.kind == "f"
        else (values.astype(np.int64))
    )


def as_logical(x: Any) -> np.ndarray:
    """All values as booleans (non-zero is True), flattened column-major."""
    return _flat(x).astype(bool)


def as_complex(x: Any) -> complex | np.ndarray:
    """All values as complex numbers; one value gives a Python ``complex``."""
    values = _flat(x).astype(np.complex128)
    return complex(values[0]) if values.size == 1 else values


def as_matrix(x: Any) -> np.ndarray:
    """A matrix: 2-d stays, anything else becomes one column (R's rule).

    A pandas DataFrame of numeric columns gives its numeric matrix, as R's
    ``as.matrix(df)`` does; other columns need :func:`rtorch.df_to_tensor`.
    """
    if type(x).__name__ == "DataFrame" and type(x).__module__.startswith("pandas"):
        return _frame_matrix(x)
    values = as_array(x)
    if values.ndim == 2:
        return values
    return values.ravel(order="F").reshape(-1, 1)


def as_character(x: Device | DType) -> str:
    """The text form of a device (``"cuda:1"``) or dtype (``"Float"``)."""
    if isinstance(x, Device):
        return str(x.torch)
    if isinstance(x, DType):
        return x.type_name()
    raise RTypeError(
        f"as_character() takes a device or dtype here, not {type(x).__name__}."
    )


def dim(x: Tensor) -> torch.Size:
    """The extents (R: ``dim(x)``)."""
    return as_tensor_arg(x).shape


def length(x: Any) -> int:
    """Number of elements (R: ``length(x)``): of a tensor, an R vector (list),
    or 1 for a device or a single string."""
    if isinstance(x, Device):
        return 1
    if isinstance(x, (list, tuple, range, str)):
        return 1 if isinstance(x, str) else len(x)
    return as_tensor_arg(x).numel()


def head(x: Tensor, n: int = 6) -> Tensor:
    """The first ``n`` entries along dim 1 (R: ``head(x, n)``)."""
    t = as_tensor_arg(x)
    return wrap(t[: n if n >= 0 else max(len(t) + n, 0)])


def tail(x: Tensor, n: int = 6) -> Tensor:
    """The last ``n`` entries along dim 1 (R: ``tail(x, n)``)."""
    t = as_tensor_arg(x)
    size = len(t)
    return wrap(t[max(size - n, 0) :] if n >= 0 else t[min(-n, size) :])


def mean(x: Any, dim: Any = None, keepdim: bool = False, na_rm: bool = False) -> Tensor:
    """Mean of all elements or along 1-based ``dim`` (R: ``mean(x)``)."""
    check_na_rm(na_rm)
    return _as_tensor(x).mean(dim=dim, keepdim=keepdim)


def prod(
    x: Any, dim: int | None = None, keepdim: bool = False, na_rm: bool = False
) -> Tensor:
    """Product of all elements or along 1-based ``dim`` (R: ``prod(x)``)."""
    check_na_rm(na_rm)
    return _as_tensor(x).prod(dim=dim, keepdim=keepdim)


def cumsum(x: Any) -> Tensor:
    """Cumulative sum along dim 1, as R torch's ``cumsum(x)`` does."""
    return wrap(torch.cumsum(as_tensor_arg(x), one_based_dim(1)))


def log(x: Any, base: float = math.e) -> Tensor:
    """Natural logarithm, or logarithm to ``base`` (R: ``log(x, base)``)."""
    t = as_tensor_arg(x)
    if base == math.e:
        return wrap(torch.log(t))
    return wrap(torch.log(t) / math.log(base))


def _unary(name: str, torch_fn: Any) -> Any:
    def generic(x: Any) -> Tensor:
        return wrap(torch_fn(as_tensor_arg(x)))

    generic.__name__ = generic.__qualname__ = name
    generic.__doc__ = f"R's ``{name}(x)`` on a tensor (R torch: ``torch_{name}``)."
    return generic


sqrt = _unary("sqrt", torch.sqrt)
exp = _unary("exp", torch.exp)
expm1 = _unary("expm1", torch.expm1)
log2 = _unary("log2", torch.log2)
log10 = _unary("log10", torch.log10)
log1p = _unary("log1p", torch.log1p)
sign = _unary("sign", torch.sign)
ceiling = _unary("ceiling", torch.ceil)
floor = _unary("floor", torch.floor)
trunc = _unary("trunc", torch.trunc)
cos = _unary("cos", torch.cos)
sin = _unary("sin", torch.sin)
tan = _unary("tan", torch.tan)
cosh = _unary("cosh", torch.cosh)
sinh = _unary("sinh", torch.sinh)
tanh = _unary("tanh", torch.tanh)
acos = _unary("acos", torch.acos)
asin = _unary("asin", torch.asin)
atan = _unary("atan", torch.atan)


def _frame_matrix(frame: Any) -> np.ndarray:
    import pandas as pd

    text = [
        name
        for name, dtype in frame.dtypes.items()
        if not pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype)
    ]
    if text:
        raise RTypeError(
            f"as_matrix() of a data frame needs numeric columns; {text} are not "
            "(R would make a character matrix). Use df_to_tensor(df) for factors, "
            "dates and logicals."
        )
    return frame.to_numpy(dtype=np.float64, na_value=np.nan)


def _flat(x: Any) -> np.ndarray:
    # R rule: as.numeric() and friends flatten in column-major order.
    return as_array(x).ravel(order="F")


def _as_tensor(x: Any) -> Tensor:
    return x if isinstance(x, Tensor) else wrap(as_tensor_arg(x))


def check_na_rm(na_rm: bool) -> None:
    """Refuse ``na_rm=True`` as R torch does."""
    if na_rm:
        # R torch rule: na.rm = TRUE is an error, since tensors hold NaN, not NA.
        raise RValueError(
            "Torch tensors do not have NAs! Drop na_rm, or use torch_nansum() / "
            "torch_nanmean() to skip NaN values."
        )
