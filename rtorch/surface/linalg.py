"""R torch's ``linalg_*`` functions, with its argument names (``A``, ``B``).

R torch writes these by hand over ``torch.linalg``; so does rtorch. Dimension
arguments are 1-based (``linalg_norm(dim = )``, ``linalg_matrix_norm(dim =
c(-2, -1))``, ``linalg_tensorsolve(dims = )``), and ``linalg_tensorinv``'s
``ind`` counts as in R torch (R's ``ind = 3`` is PyTorch's ``ind=2``).
Multi-output results are lists; ``linalg_lstsq``, ``linalg_cholesky_ex`` and
``linalg_inv_ex`` name their elements as R torch does.

Example:
    >>> as_array(linalg_norm(torch_tensor(matrix(c(3.0, 0.0, 4.0, 0.0), nrow=2)),
    ...                      dim=2))
    array([5., 0.])
"""

from __future__ import annotations

from typing import Any

import torch

from rtorch.errors import call_torch
from rtorch.surface import convert
from rtorch.tensor import Tensor, wrap
from rtorch.values import RList

__all__ = [
    "NamedList",
    "linalg_cholesky",
    "linalg_cholesky_ex",
    "linalg_cond",
    "linalg_det",
    "linalg_eig",
    "linalg_eigh",
    "linalg_eigvals",
    "linalg_eigvalsh",
    "linalg_householder_product",
    "linalg_inv",
    "linalg_inv_ex",
    "linalg_lstsq",
    "linalg_matrix_norm",
    "linalg_matrix_power",
    "linalg_matrix_rank",
    "linalg_multi_dot",
    "linalg_norm",
    "linalg_pinv",
    "linalg_qr",
    "linalg_slogdet",
    "linalg_solve",
    "linalg_solve_triangular",
    "linalg_svd",
    "linalg_svdvals",
    "linalg_tensorinv",
    "linalg_tensorsolve",
    "linalg_vector_norm",
]


class NamedList(RList):
    """An R list whose elements also have names (R: ``res$solution``).

    It is still a tuple: it unpacks, and ``elt(res, 1)`` is the first element.

    Example:
        >>> res = linalg_inv_ex(torch_eye(2))
        >>> as_array(res.info)
        array(0, dtype=int32)
    """

    __slots__ = ()
    _names: tuple[str, ...] = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return self[self._names.index(name)]
        except ValueError:
            raise AttributeError(
                f"this list has elements {list(self._names)}, not {name!r}."
            ) from None


def linalg_norm(
    A: Any, ord: Any = None, dim: Any = None, keepdim: bool = False, dtype: Any = None
) -> Tensor:
    """Vector or matrix norm over 1-based ``dim`` (R: ``linalg_norm``)."""
    return _call(
        torch.linalg.norm,
        A,
        ord,
        convert.dims(dim),
        keepdim,
        dtype=convert.dtype(dtype),
    )


def linalg_vector_norm(
    A: Any, ord: Any = 2, dim: Any = None, keepdim: bool = False, dtype: Any = None
) -> Tensor:
    """Vector norm over 1-based ``dim`` (R: ``linalg_vector_norm``)."""
    return _call(
        torch.linalg.vector_norm,
        A,
        ord,
        convert.dims(dim),
        keepdim,
        dtype=convert.dtype(dtype),
    )


def linalg_matrix_norm(
    A: Any,
    ord: Any = "fro",
    dim: Any = (-2, -1),
    keepdim: bool = False,
    dtype: Any = None,
) -> Tensor:
    """Matrix norm over the pair of 1-based dims ``dim`` (R: ``linalg_matrix_norm``)."""
    return _call(
        torch.linalg.matrix_norm,
        A,
        ord,
        convert.dims(dim),
        keepdim,
        dtype=convert.dtype(dtype),
    )


def linalg_det(A: Any) -> Tensor:
    """Determinant (R: ``linalg_det``)."""
    return _call(torch.linalg.det, A)


def linalg_slogdet(A: Any) -> RList:
    """``list(sign, logabsdet)`` of the determinant (R: ``linalg_slogdet``)."""
    return _call(torch.linalg.slogdet, A)


def linalg_cond(A: Any, p: Any = None) -> Tensor:
    """Condition number (R: ``linalg_cond``)."""
    return _call(torch.linalg.cond, A, p)


def linalg_matrix_rank(
    A: Any, atol: Any = None, rtol: Any = None, tol: Any = None, hermitian: bool = False
) -> Tensor:
    """Numerical rank (R: ``linalg_matrix_rank``; ``tol`` is the old ``atol``)."""
    if tol is not None:
        atol = tol
    return _call(
        torch.linalg.matrix_rank,
        A,
        atol=_scalar_or_tensor(atol),
        rtol=_scalar_or_tensor(rtol),
        hermitian=hermitian,
    )


def linalg_cholesky(A: Any) -> Tensor:
    """Cholesky factor (R: ``linalg_cholesky``)."""
    return _call(torch.linalg.cholesky, A)


def linalg_qr(A: Any, mode: str = "reduced") -> RList:
    """``list(Q, R)`` (R: ``linalg_qr``)."""
    return _call(torch.linalg.qr, A, mode=mode)


def linalg_eig(A: Any) -> RList:
    """``list(eigenvalues, eigenvectors)`` (R: ``linalg_eig``)."""
    return _call(torch.linalg.eig, A)


def linalg_eigvals(A: Any) -> Tensor:
    """Eigenvalues (R: ``linalg_eigvals``)."""
    return _call(torch.linalg.eigvals, A)


def linalg_eigh(A: Any, UPLO: str = "L") -> RList:
    """Eigenvalues and eigenvectors of a symmetric matrix (R: ``linalg_eigh``)."""
    return _call(torch.linalg.eigh, A, UPLO=UPLO)


def linalg_eigvalsh(A: Any, UPLO: str = "L") -> Tensor:
    """Eigenvalues of a symmetric matrix (R: ``linalg_eigvalsh``)."""
    return _call(torch.linalg.eigvalsh, A, UPLO=UPLO)


def linalg_svd(A: Any, full_matrices: bool = True) -> RList:
    """``list(U, S, V)`` (R: ``linalg_svd``)."""
    return _call(torch.linalg.svd, A, full_matrices=full_matrices)


def linalg_svdvals(A: Any) -> Tensor:
    """Singular values (R: ``linalg_svdvals``)."""
    return _call(torch.linalg.svdvals, A)


def linalg_solve(A: Any, B: Any) -> Tensor:
    """Solve ``AX = B`` (R: ``linalg_solve``)."""
    return _call(torch.linalg.solve, A, convert.tensor(B))


def linalg_lstsq(
    A: Any, B: Any, rcond: float | None = None, driver: str | None = None
) -> NamedList:
    """Least squares (R: ``linalg_lstsq``): ``solution``, ``residuals``, ``rank``,
    ``singular_values``."""
    a = convert.tensor(A)
    if driver is None:
        # R torch rule: gelsy on the CPU, gels elsewhere.
        driver = "gelsy" if a.device.type == "cpu" else "gels"
    out = _call(torch.linalg.lstsq, a, convert.tensor(B), rcond, driver=driver)
    return _named(out, ("solution", "residuals", "rank", "singular_values"))


def linalg_inv(A: Any) -> Tensor:
    """Inverse (R: ``linalg_inv``)."""
    return _call(torch.linalg.inv, A)


def linalg_pinv(
    A: Any,
    rcond: Any = None,
    hermitian: bool = False,
    atol: Any = None,
    rtol: Any = None,
) -> Tensor:
    """Pseudo-inverse (R: ``linalg_pinv``; ``rcond`` is the old ``rtol``)."""
    if rcond is not None:
        rtol = rcond
    return _call(
        torch.linalg.pinv,
        A,
        atol=_scalar_or_tensor(atol),
        rtol=_scalar_or_tensor(rtol),
        hermitian=hermitian,
    )


def linalg_matrix_power(A: Any, n: int) -> Tensor:
    """``A`` to the integer power ``n`` (R: ``linalg_matrix_power``)."""
    return _call(torch.linalg.matrix_power, A, int(n))


def linalg_multi_dot(tensors: Any) -> Tensor:
    """Product of a list of matrices in the cheapest order (R: ``linalg_multi_dot``)."""
    return wrap(call_torch(torch.linalg.multi_dot, convert.tensor_list(tensors)))


def linalg_householder_product(A: Any, tau: Any) -> Tensor:
    """First columns of a product of Householder matrices (R: same name)."""
    return _call(torch.linalg.householder_product, A, convert.tensor(tau))


def linalg_tensorinv(A: Any, ind: int = 3) -> Tensor:
    """Inverse of ``torch_tensordot`` (R: ``linalg_tensorinv``).

    R torch rule: the first ``ind - 1`` dims form the rows (R's default 3 is
    PyTorch's ``ind=2``).
    """
    return _call(torch.linalg.tensorinv, A, ind=int(ind) - 1)


def linalg_tensorsolve(A: Any, B: Any, dims: Any = None) -> Tensor:
    """Solve ``tensordot(A, X) = B``; ``dims`` of ``A`` are 1-based (R: same name)."""
    moved = None if dims is None else _as_list(convert.dims(dims))
    return _call(torch.linalg.tensorsolve, A, convert.tensor(B), moved)


def linalg_cholesky_ex(A: Any, check_errors: bool = False) -> NamedList:
    """Cholesky factor with LAPACK's error code: ``L`` and ``info`` (R: same name)."""
    out = _call(torch.linalg.cholesky_ex, A, check_errors=check_errors)
    return _named(out, ("L", "info"))


def linalg_inv_ex(A: Any, check_errors: bool = False) -> NamedList:
    """Inverse with LAPACK's error code: ``inverse`` and ``info`` (R: same name)."""
    out = _call(torch.linalg.inv_ex, A, check_errors=check_errors)
    return _named(out, ("inverse", "info"))


def linalg_solve_triangular(
    A: Any, B: Any, upper: bool, left: bool = True, unitriangular: bool = False
) -> Tensor:
    """Solve a triangular system (R: ``linalg_solve_triangular``; needs ``upper``)."""
    return _call(
        torch.linalg.solve_triangular,
        A,
        convert.tensor(B),
        upper=upper,
        left=left,
        unitriangular=unitriangular,
    )


def _call(fn: Any, A: Any, *args: Any, **kwargs: Any) -> Any:
    return convert.result(call_torch(fn, convert.tensor(A), *args, **kwargs))


def _named(out: RList, names: tuple[str, ...]) -> NamedList:
    return _with_names(names)(out)


def _with_names(names: tuple[str, ...]) -> type[NamedList]:
    """A NamedList subclass per set of names (tuples hold no extra fields)."""
    cached = _NAMED_TYPES.get(names)
    if cached is None:
        cached = type("NamedList", (NamedList,), {"__slots__": (), "_names": names})
        _NAMED_TYPES[names] = cached
    return cached


_NAMED_TYPES: dict[tuple[str, ...], type[NamedList]] = {}


def _scalar_or_tensor(value: Any) -> Any:
    return convert.tensor_or_scalar(value)


def _as_list(value: Any) -> list[int]:
    return value if isinstance(value, list) else [value]
