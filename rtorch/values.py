"""R values in Python: ``NA``, ``c()``, ``seq()``, ``matrix()``, ``array()``.

The porting contract (DECISIONS.md) spells R's vector builders with the same
names. They keep Python's types, so Python ``int`` plays R's integer (``1L``),
``float`` plays R's double (``1``), ``bool`` plays R's logical, and the exported
:data:`NA` plays R's missing value:

    >>> c(1, 2, 3)            # R: c(1L, 2L, 3L)
    [1, 2, 3]
    >>> seq(1, 9, by=2)       # R: seq(1L, 9L, by = 2L)
    [1, 3, 5, 7, 9]
    >>> matrix(seq(1, 6), nrow=2)   # filled column by column, as R does
    array([[1, 3, 5],
           [2, 4, 6]])

``matrix()`` and ``array()`` return NumPy arrays whose ``[i, j, k]`` element is
R's ``[i + 1, j + 1, k + 1]``; :func:`rtorch.torch_tensor` keeps that layout.
"""

from __future__ import annotations

import math
import numbers
import warnings
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from rtorch.errors import RTypeError, RValueError

__all__ = [
    "NA",
    "NAType",
    "RList",
    "c",
    "elt",
    "seq",
    "seq_len",
    "matrix",
    "array",
    "is_na",
]


class NAType:
    """R's missing value ``NA``; a single instance, :data:`NA`, exists.

    It becomes NaN in floating tensors. In integer or logical data it is an
    error (DECISIONS 3: R torch would silently store -2147483648 or TRUE).
    """

    __slots__ = ()
    _instance: NAType | None = None

    def __new__(cls) -> NAType:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NA"

    def __bool__(self) -> bool:
        raise RValueError(
            "NA has no truth value (R: 'missing value where TRUE/FALSE needed'); "
            "test for it with is_na(x)."
        )

    def __reduce__(self) -> str:
        return "NA"


NA = NAType()


def is_na(x: object) -> bool:
    """Whether ``x`` is R's missing value (``NA``, ``None``, NaN, ``pd.NA``)."""
    if x is NA or x is None:
        return True
    if isinstance(x, float):
        return math.isnan(x)
    return type(x).__name__ in ("NAType", "NaTType")


def c(*values: Any) -> list[Any]:
    """Combine values into one flat vector, like R's ``c()``.

    Nested lists, tuples, ranges and NumPy arrays are flattened (arrays in R's
    column-major order); Python types are kept.

    Args:
        *values: Scalars, :data:`NA`, or sequences of them.

    Returns:
        A flat Python list.

    Example:
        >>> c(1.5, c(2, 3), NA)     # R: c(1.5, c(2L, 3L), NA)
        [1.5, 2, 3, NA]
    """
    flat: list[Any] = []
    _flatten_into(values, flat)
    return flat


def seq(
    start: float,
    end: float | None = None,
    by: float | None = None,
    length_out: int | None = None,
) -> list[Any]:
    """An inclusive arithmetic sequence, like R's ``seq()`` and ``a:b``.

    R equivalent: ``seq(from, to, by = , length.out = )``; R's ``1:9`` is
    ``seq(1, 9)``. With one argument it is ``1:start``. Without ``by``, a
    whole-number start gives integers, as R's ``from:to`` does (``seq(1.0, 3.0)``
    is ``[1, 2, 3]``); with ``by``, all-integer arguments give integers and any
    float gives floats. Counting down needs no negative
    ``by`` (``seq(3, 1)`` is ``[3, 2, 1]``, like R's ``3:1``).

    Example:
        >>> seq(0.5, 2.0, by=0.5)
        [0.5, 1.0, 1.5, 2.0]
    """
    if end is None and by is None and length_out is None:
        # R rule: seq(n) is seq_len(n) for n >= 1, otherwise 1:n.
        if isinstance(start, (int, float)) and start >= 1:
            return seq_len(int(math.floor(start)))
        return seq(1, start)
    if end is None:
        if by is not None and length_out is not None:
            return [start + i * by for i in range(_as_count(length_out, "length_out"))]
        raise RValueError("seq() needs an end: write seq(start, end) or seq_len(n).")
    for name, value in (("start", start), ("end", end), ("by", by)):
        if value is NA or (value is not None and not isinstance(value, numbers.Real)):
            raise RValueError(f"seq(): {name} must be a number, got {value!r}.")

    if length_out is not None:
        return _seq_length_out(start, end, length_out)

    if by is None and _is_whole(start):
        # R rule for from:to: integers whenever `from` is a whole number.
        start = int(start)
        end = math.floor(end) if end >= start else math.ceil(end)
    step = by if by is not None else (1 if end >= start else -1)
    if step == 0:
        raise RValueError(f"seq(): by must not be 0 (got by={by!r}).")
    if (end - start) * step < 0:
        raise RValueError(
            f"seq({start!r}, {end!r}, by={by!r}): wrong sign in 'by' — the "
            "sequence would never reach its end."
        )

    all_int = all(isinstance(v, numbers.Integral) for v in (start, end, step))
    if all_int:
        return list(range(int(start), int(end) + (1 if step > 0 else -1), int(step)))

    # R rule: the end is reached if within 1e-10 of a whole number of steps.
    count = int(math.floor((end - start) / step + 1e-10))
    return [float(start + i * step) for i in range(count + 1)]


def _is_whole(value: Any) -> bool:
    return isinstance(value, numbers.Integral) or (
        isinstance(value, float) and value.is_integer()
    )


def seq_len(n: int) -> list[int]:
    """The integers ``1..n`` (R: ``seq_len(n)``); empty when ``n`` is 0."""
    return list(range(1, _as_count(n, "n") + 1))


def matrix(
    data: Any = NA,
    nrow: int | None = None,
    ncol: int | None = None,
    byrow: bool = False,
) -> np.ndarray:
    """Build a matrix the way R's ``matrix()`` does, filling column by column.

    Args:
        data: A scalar or vector; recycled to fill the matrix, like R.
        nrow: Number of rows (derived from ``ncol`` and the data if omitted).
        ncol: Number of columns (derived likewise).
        byrow: Fill row by row instead, like R's ``byrow = TRUE``.

    Returns:
        A 2-d NumPy array; element ``[i, j]`` is R's ``[i + 1, j + 1]``.

    Example:
        >>> matrix(seq(1, 4), ncol=2, byrow=True)
        array([[1, 2],
               [3, 4]])
    """
    flat = c(data)
    length = len(flat)
    if nrow is None and ncol is None:
        nrow, ncol = length, 1
    elif nrow is None:
        nrow = math.ceil(length / ncol) if ncol else 0
    elif ncol is None:
        ncol = math.ceil(length / nrow) if nrow else 0

    nrow, ncol = _as_count(nrow, "nrow"), _as_count(ncol, "ncol")
    filled = _recycle(flat, nrow * ncol, f"the number of rows [{nrow}]")
    order = "C" if byrow else "F"
    return _as_numpy(filled, r_type(flat)).reshape((nrow, ncol), order=order)


def array(data: Any = NA, dim: int | Sequence[int] | None = None) -> np.ndarray:
    """Build an n-d array the way R's ``array()`` does (column-major fill).

    Args:
        data: A scalar or vector; recycled to fill the array, like R.
        dim: The extents, one integer or a vector such as ``c(4, 3, 2)``.

    Returns:
        A NumPy array; element ``[i, j, k]`` is R's ``[i + 1, j + 1, k + 1]``.

    Example:
        >>> array(seq(1, 8), dim=c(2, 2, 2))[1, 0, 1]   # R: a[2, 1, 2]
        6
    """
    flat = c(data)
    if dim is None:
        dims = [len(flat)]
    else:
        dims = [_as_count(d, "dim") for d in c(dim)]

    filled = _recycle(flat, math.prod(dims), "the dims")
    return _as_numpy(filled, r_type(flat)).reshape(dims, order="F")


def r_type(values: Iterable[Any]) -> str:
    """The R type a vector of Python values has (``typeof``), NA adapting.

    Returns one of ``"logical"``, ``"integer"``, ``"double"``, ``"complex"``,
    ``"character"``. R's coercion order: logical < integer < double < complex
    < character. An all-NA vector is logical, as in R.
    """
    rank = 0
    for value in values:
        if value is NA or value is None:
            continue
        kind = _value_rank(value)
        if kind > rank:
            rank = kind
    return _RANK_NAMES[rank]


def _value_rank(value: Any) -> int:
    if isinstance(value, (bool, np.bool_)):
        return 0
    if isinstance(value, numbers.Integral):
        return 1
    if isinstance(value, numbers.Real):
        return 2
    if isinstance(value, numbers.Complex):
        return 3
    if isinstance(value, str):
        return 4
    raise RTypeError(
        f"R type not handled: a {type(value).__name__} ({value!r}) is no R value; "
        "use numbers (float or int), booleans, NA, or strings for factors."
    )


_RANK_NAMES = ("logical", "integer", "double", "complex", "character")


def _flatten_into(values: Iterable[Any], out: list[Any]) -> None:
    for value in values:
        if isinstance(value, np.ndarray):
            out.extend(value.ravel(order="F").tolist())
        elif isinstance(value, (list, tuple, range)):
            _flatten_into(value, out)
        elif isinstance(value, np.generic):
            out.append(value.item())
        else:
            out.append(value)


def _as_count(value: Any, name: str) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, numbers.Integral) or value < 0:
        raise RValueError(f"{name} must be a non-negative whole number, got {value!r}.")
    return int(value)


def _seq_length_out(start: float, end: float, length_out: int) -> list[Any]:
    count = _as_count(length_out, "length_out")
    if count == 1:
        return [start]
    step = (end - start) / (count - 1)
    values = [start + i * step for i in range(count)]
    if all(isinstance(v, numbers.Integral) for v in (start, end)) and all(
        float(v).is_integer() for v in values
    ):
        return [int(v) for v in values]
    return [float(v) for v in values]


def _recycle(flat: list[Any], size: int, what: str) -> list[Any]:
    length = len(flat)
    if length == size:
        return flat
    if length == 0:
        if size:
            raise RValueError(
                f"cannot fill {size} cells from no data; give at least one value."
            )
        return flat
    if size % length:
        # R warns here too; the user should check the dimensions.
        warnings.warn(
            f"data length [{length}] is not a sub-multiple or multiple of {what}; "
            "values were recycled",
            stacklevel=3,
        )
    return [flat[i % length] for i in range(size)]


def _as_numpy(flat: list[Any], kind: str) -> np.ndarray:
    """A NumPy vector of R type ``kind``; integer/logical data with NA stays object."""
    has_na = any(v is NA for v in flat)
    if kind == "logical" and not has_na:
        return np.array(flat, dtype=bool)
    if kind == "integer" and not has_na:
        return np.array(flat, dtype=np.int64)
    if kind == "double":
        return np.array([math.nan if v is NA else v for v in flat], dtype=np.float64)
    if kind == "complex":
        return np.array(
            [complex(math.nan, 0) if v is NA else v for v in flat], dtype=np.complex128
        )
    return np.array(flat, dtype=object)


class RList(tuple):  # type: ignore[type-arg]
    """An R list of results (R torch returns these from multi-output ops).

    It unpacks like a tuple (``values, indices = torch_max(x, dim=1)``) and
    R's 1-based ``res[[2]]`` is spelled :func:`elt` ``(res, 2)``. Python's own
    ``res[1]`` stays 0-based, as for any tuple.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        blocks = [f"[[{k}]]\n{value!r}" for k, value in enumerate(self, start=1)]
        return "\n\n".join(blocks) if blocks else "list()"


def elt(x: Sequence[Any], k: int) -> Any:
    """Element ``k`` (1-based) of a list, like R's ``x[[k]]``.

    Example:
        >>> elt(RList(("values", "indices")), 2)
        'indices'
    """
    if not isinstance(k, numbers.Integral) or k == 0:
        raise RValueError(f"elt(x, k): k must be a non-zero whole number, got {k!r}.")
    size = len(x)
    position = k - 1 if k > 0 else size + k
    if not 0 <= position < size:
        raise RValueError(
            f"elt(x, {k}): subscript out of bounds; the list has {size} element(s)."
        )
    return x[position]
