"""The ``nnf_*`` functions whose arguments hold classes or indices.

R torch treats class labels as 1-based (semantics 6.3, 6.4): loss targets,
``ignore_index``, one-hot classes and embedding ids count from 1, while
negative sentinels (``-100``, ``-1``) pass through. These functions apply that
rule around ``torch.nn.functional``. Other ``nnf_*`` functions are not part of
this module yet.

Example:
    >>> as_array(nnf_one_hot(torch_tensor(c(2, 1))))
    array([[0, 1],
           [1, 0]])
"""

from __future__ import annotations

from typing import Any

import torch
import torch.nn.functional as F

from rtorch.errors import RValueError, call_torch
from rtorch.functions import torch_one_hot
from rtorch.surface import convert
from rtorch.tensor import Tensor, wrap

__all__ = [
    "nnf_binary_cross_entropy",
    "nnf_cross_entropy",
    "nnf_embedding",
    "nnf_embedding_bag",
    "nnf_log_softmax",
    "nnf_mse_loss",
    "nnf_multi_margin_loss",
    "nnf_multilabel_margin_loss",
    "nnf_nll_loss",
    "nnf_one_hot",
    "nnf_softmax",
]

_EMBEDDING_MODES = ("sum", "mean", "max")


def nnf_one_hot(tensor: Any, num_classes: int = -1) -> Tensor:
    """One-hot encode 1-based classes (R: ``nnf_one_hot``); see ``torch_one_hot``."""
    return torch_one_hot(tensor, num_classes)


def nnf_cross_entropy(
    input: Any,
    target: Any,
    weight: Any = None,
    ignore_index: int = -100,
    reduction: str = "mean",
) -> Tensor:
    """Cross-entropy of logits against 1-based class targets (R: same name).

    Class k of ``target`` is column k of ``input``; ``ignore_index`` names a
    1-based class, and negative values (the default -100) pass through.
    Floating targets are class probabilities and are not shifted.
    """
    return wrap(
        call_torch(
            F.cross_entropy,
            convert.tensor(input),
            _target(target),
            convert.tensor(weight),
            ignore_index=_class_index(ignore_index),
            reduction=_reduction(reduction),
        )
    )


def nnf_nll_loss(
    input: Any,
    target: Any,
    weight: Any = None,
    ignore_index: int = -100,
    reduction: str = "mean",
) -> Tensor:
    """Negative log-likelihood with 1-based class targets (R: same name)."""
    return wrap(
        call_torch(
            F.nll_loss,
            convert.tensor(input),
            _target(target),
            convert.tensor(weight),
            ignore_index=_class_index(ignore_index),
            reduction=_reduction(reduction),
        )
    )


def nnf_mse_loss(input: Any, target: Any, reduction: str = "mean") -> Tensor:
    """Mean squared error (R: ``nnf_mse_loss``)."""
    return wrap(
        call_torch(
            F.mse_loss,
            convert.tensor(input),
            convert.tensor(target),
            reduction=_reduction(reduction),
        )
    )


def nnf_binary_cross_entropy(
    input: Any, target: Any, weight: Any = None, reduction: str = "mean"
) -> Tensor:
    """Binary cross-entropy of probabilities (R: same name)."""
    return wrap(
        call_torch(
            F.binary_cross_entropy,
            convert.tensor(input),
            convert.tensor(target),
            convert.tensor(weight),
            reduction=_reduction(reduction),
        )
    )


def nnf_log_softmax(input: Any, dim: int, dtype: Any = None) -> Tensor:
    """Log-softmax along 1-based ``dim`` (R: ``nnf_log_softmax``)."""
    return wrap(
        call_torch(
            F.log_softmax,
            convert.tensor(input),
            convert.dims(dim),
            dtype=convert.dtype(dtype),
        )
    )


def nnf_softmax(input: Any, dim: int, dtype: Any = None) -> Tensor:
    """Softmax along 1-based ``dim`` (R: ``nnf_softmax``; dim is required)."""
    return wrap(
        call_torch(
            F.softmax,
            convert.tensor(input),
            convert.dims(dim),
            dtype=convert.dtype(dtype),
        )
    )


def nnf_embedding(
    input: Any,
    weight: Any,
    padding_idx: int | None = None,
    max_norm: float | None = None,
    norm_type: float = 2.0,
    scale_grad_by_freq: bool = False,
    sparse: bool = False,
) -> Tensor:
    """Rows of ``weight`` for 1-based ids (R: ``nnf_embedding``).

    ``padding_idx`` is a 1-based row too (R torch hands it to libtorch
    unshifted; rtorch keeps it consistent with the ids).
    """
    return wrap(
        _indexed(
            input,
            F.embedding,
            convert.index_fast(input),
            convert.tensor(weight),
            _optional_position(padding_idx),
            max_norm,
            norm_type,
            scale_grad_by_freq,
            sparse,
        )
    )


def nnf_embedding_bag(
    input: Any,
    weight: Any,
    offsets: Any = None,
    max_norm: float | None = None,
    norm_type: float = 2.0,
    scale_grad_by_freq: bool = False,
    mode: str = "mean",
    sparse: bool = False,
    per_sample_weights: Any = None,
    include_last_offset: bool = False,
    padding_idx: int | None = None,
) -> Tensor:
    """Sum, mean or max of the weight rows of each bag of 1-based ids (R: same name).

    With 2-d ``input`` each row is a bag. ``offsets`` are element counts into
    the flattened ids and are not shifted, as in R torch.
    """
    if mode not in _EMBEDDING_MODES:
        raise RValueError(f"mode must be one of {_EMBEDDING_MODES}, got {mode!r}.")
    return wrap(
        _indexed(
            input,
            F.embedding_bag,
            convert.index_fast(input),
            convert.tensor(weight),
            convert.tensor(offsets),
            max_norm,
            norm_type,
            scale_grad_by_freq,
            mode,
            sparse,
            convert.tensor(per_sample_weights),
            include_last_offset,
            _optional_position(padding_idx),
        )
    )


def nnf_multi_margin_loss(
    input: Any,
    target: Any,
    p: int = 1,
    margin: float = 1.0,
    weight: Any = None,
    reduction: str = "mean",
) -> Tensor:
    """Multi-class margin loss with 1-based class targets (R: same name)."""
    return wrap(
        call_torch(
            F.multi_margin_loss,
            convert.tensor(input),
            _target(target),
            p,
            margin,
            convert.tensor(weight),
            reduction=_reduction(reduction),
        )
    )


def nnf_multilabel_margin_loss(
    input: Any, target: Any, reduction: str = "mean"
) -> Tensor:
    """Multi-label margin loss; labels are 1-based and -1 ends each list (R: same)."""
    return wrap(
        call_torch(
            F.multilabel_margin_loss,
            convert.tensor(input),
            _target(target),
            reduction=_reduction(reduction),
        )
    )


def _indexed(ids: Any, fn: Any, *args: Any) -> Any:
    """Call ``fn``; a failure caused by an id of 0 gets R torch's message."""
    try:
        return fn(*args)
    except convert.TORCH_ERRORS as error:
        convert.fail(error, (ids,))


def _target(target: Any) -> torch.Tensor:
    """Class targets 1-based (negatives kept); probabilities pass unchanged."""
    t = convert.tensor(target)
    if t.is_floating_point():
        return t
    # R torch rule (semantics 6.3): targets go through to_index_tensor().
    return convert.index(t)


def _class_index(value: int) -> int:
    """A 1-based class number; negative sentinels such as -100 pass through."""
    value = int(value)
    if value == 0:
        raise RValueError(
            "ignore_index is a 1 based class index; 0 names no class (use a "
            "negative value such as -100 to ignore nothing)."
        )
    return value - 1 if value > 0 else value


def _optional_position(value: int | None) -> int | None:
    return None if value is None else convert.position(value)


def _reduction(reduction: Any) -> str:
    # R torch rule: reduction = c("mean", "sum", "none") means its first value.
    if isinstance(reduction, (list, tuple)):
        reduction = reduction[0]
    if reduction not in ("mean", "sum", "none"):
        raise RValueError(
            f"reduction must be 'mean', 'sum' or 'none', got {reduction!r}."
        )
    return reduction
