"""The few ``nn_*`` modules whose behaviour is about 1-based dims and classes.

This is not R torch's module system (``nn_module()`` with ``initialize`` and
``forward``): it is a thin :class:`Module` around a ``torch.nn.Module`` for the
modules the R torch behaviour cases use: layers whose ids or dims are 1-based
(``nn_embedding``, ``nn_embedding_bag``, ``nn_flatten``, ``nn_unflatten``),
losses whose targets are 1-based classes, ``nn_linear`` (whose seeded
initialisation equals PyTorch's) and ``nn_utils_rnn_pack_padded_sequence``
(whose ``sorted_indices`` are 1-based). Parameters are rtorch tensors that
share memory and gradients with the module's.

Example:
    >>> torch_manual_seed(2)
    >>> layer = nn_linear(3, 1)
    >>> layer(torch_ones(2, 3)).shape
    torch.Size([2, 1])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch
from torch import nn

from rtorch.errors import call_torch
from rtorch.surface import convert, nnf
from rtorch.tensor import Tensor, wrap

__all__ = [
    "Module",
    "PackedSequence",
    "nn_bce_loss",
    "nn_cross_entropy_loss",
    "nn_embedding",
    "nn_embedding_bag",
    "nn_flatten",
    "nn_linear",
    "nn_mse_loss",
    "nn_multi_margin_loss",
    "nn_multilabel_margin_loss",
    "nn_nll_loss",
    "nn_unflatten",
    "nn_utils_rnn_pack_padded_sequence",
]


class Module:
    """A module instance: call it like a function (R: ``model(x)``).

    Attributes are the module's (``layer.weight``, as R's ``layer$weight``);
    tensors among them come back as rtorch tensors sharing memory.
    """

    __slots__ = ("_forward", "_module")

    def __init__(
        self, module: nn.Module, forward: Callable[..., Any] | None = None
    ) -> None:
        self._module = module
        self._forward = forward

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Run the forward pass on rtorch tensors or R values."""
        if self._forward is not None:
            return self._forward(self._module, *args, **kwargs)
        inputs = [convert.tensor(a) for a in args]
        return convert.result(call_torch(self._module, *inputs, **kwargs))

    forward = __call__

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._module, name)
        return wrap(value) if isinstance(value, torch.Tensor) else value

    @property
    def parameters(self) -> dict[str, Tensor]:
        """The parameters by name (a field in R torch: ``model$parameters``)."""
        return {name: wrap(p) for name, p in self._module.named_parameters()}

    @property
    def torch(self) -> nn.Module:
        """The underlying ``torch.nn.Module`` (the way out)."""
        return self._module

    def train(self, mode: bool = True) -> Module:
        """Training mode (R: ``model$train()``); returns the module."""
        self._module.train(mode)
        return self

    def eval(self) -> Module:
        """Evaluation mode (R: ``model$eval()``); returns the module."""
        self._module.eval()
        return self

    def zero_grad(self) -> None:
        """Forget accumulated gradients (R: ``model$zero_grad()``)."""
        self._module.zero_grad()

    def __repr__(self) -> str:
        count = sum(p.numel() for p in self._module.parameters())
        return f"An `nn_module` containing {count:,} parameters."


def nn_linear(in_features: int, out_features: int, bias: bool = True) -> Module:
    """A linear layer ``x W' + b`` (R: ``nn_linear``); PyTorch's initialisation."""
    return Module(nn.Linear(int(in_features), int(out_features), bias=bias))


def nn_flatten(start_dim: int = 2, end_dim: int = -1) -> Module:
    """Flatten 1-based ``start_dim..end_dim`` (R: ``nn_flatten``; batch kept)."""
    return Module(nn.Flatten(convert.dims(start_dim), convert.dims(end_dim)))


def nn_unflatten(dim: int, unflattened_size: Any) -> Module:
    """Split 1-based ``dim`` into ``unflattened_size`` (R: ``nn_unflatten``)."""
    return Module(
        nn.Unflatten(convert.dims(dim), tuple(convert.integers(unflattened_size)))
    )


def nn_embedding(
    num_embeddings: int,
    embedding_dim: int,
    padding_idx: int | None = None,
    max_norm: float | None = None,
    norm_type: float = 2.0,
    scale_grad_by_freq: bool = False,
    sparse: bool = False,
    weight: Any = None,
) -> Module:
    """A lookup table; id k returns row k (R: ``nn_embedding``, 1-based ids).

    ``padding_idx`` is a 1-based row, zeroed at initialisation as in R torch.
    """
    module = nn.Embedding(
        int(num_embeddings),
        int(embedding_dim),
        padding_idx=None if padding_idx is None else convert.position(padding_idx),
        max_norm=max_norm,
        norm_type=norm_type,
        scale_grad_by_freq=scale_grad_by_freq,
        sparse=sparse,
        _weight=convert.tensor(weight),
    )

    def forward(module: nn.Embedding, input: Any) -> Tensor:
        return nnf.nnf_embedding(
            input,
            wrap(module.weight),
            padding_idx,
            module.max_norm,
            module.norm_type,
            module.scale_grad_by_freq,
            module.sparse,
        )

    return Module(module, forward)


def nn_embedding_bag(
    num_embeddings: int,
    embedding_dim: int,
    max_norm: float | None = None,
    norm_type: float = 2.0,
    scale_grad_by_freq: bool = False,
    mode: str = "mean",
    sparse: bool = False,
    include_last_offset: bool = False,
    padding_idx: int | None = None,
) -> Module:
    """Sums, means or maxima of bags of 1-based ids (R: ``nn_embedding_bag``)."""
    module = nn.EmbeddingBag(
        int(num_embeddings),
        int(embedding_dim),
        max_norm=max_norm,
        norm_type=norm_type,
        scale_grad_by_freq=scale_grad_by_freq,
        mode=mode,
        sparse=sparse,
        include_last_offset=include_last_offset,
        padding_idx=None if padding_idx is None else convert.position(padding_idx),
    )

    def forward(
        module: nn.EmbeddingBag,
        input: Any,
        offsets: Any = None,
        per_sample_weights: Any = None,
    ) -> Tensor:
        return nnf.nnf_embedding_bag(
            input,
            wrap(module.weight),
            offsets,
            module.max_norm,
            module.norm_type,
            module.scale_grad_by_freq,
            module.mode,
            module.sparse,
            per_sample_weights,
            module.include_last_offset,
            padding_idx,
        )

    return Module(module, forward)


def nn_mse_loss(reduction: str = "mean") -> Module:
    """Mean squared error as a module (R: ``nn_mse_loss``)."""
    return _loss(nn.MSELoss(), lambda m, x, y: nnf.nnf_mse_loss(x, y, reduction))


def nn_bce_loss(weight: Any = None, reduction: str = "mean") -> Module:
    """Binary cross-entropy as a module (R: ``nn_bce_loss``)."""
    return _loss(
        nn.BCELoss(),
        lambda m, x, y: nnf.nnf_binary_cross_entropy(x, y, weight, reduction),
    )


def nn_cross_entropy_loss(
    weight: Any = None, ignore_index: int = -100, reduction: str = "mean"
) -> Module:
    """Cross-entropy with 1-based class targets (R: ``nn_cross_entropy_loss``)."""
    return _loss(
        nn.CrossEntropyLoss(),
        lambda m, x, y: nnf.nnf_cross_entropy(x, y, weight, ignore_index, reduction),
    )


def nn_nll_loss(
    weight: Any = None, ignore_index: int = -100, reduction: str = "mean"
) -> Module:
    """Negative log-likelihood with 1-based class targets (R: ``nn_nll_loss``)."""
    return _loss(
        nn.NLLLoss(),
        lambda m, x, y: nnf.nnf_nll_loss(x, y, weight, ignore_index, reduction),
    )


def nn_multi_margin_loss(
    p: int = 1, margin: float = 1.0, weight: Any = None, reduction: str = "mean"
) -> Module:
    """Multi-class margin loss, 1-based targets (R: ``nn_multi_margin_loss``)."""
    return _loss(
        nn.MultiMarginLoss(),
        lambda m, x, y: nnf.nnf_multi_margin_loss(x, y, p, margin, weight, reduction),
    )


def nn_multilabel_margin_loss(reduction: str = "mean") -> Module:
    """Multi-label margin loss; 1-based labels, -1 ends a list (R: same name)."""
    return _loss(
        nn.MultiLabelMarginLoss(),
        lambda m, x, y: nnf.nnf_multilabel_margin_loss(x, y, reduction),
    )


class PackedSequence:
    """A packed batch of sequences (R: ``PackedSequence``).

    ``sorted_indices`` and ``unsorted_indices`` are 1-based (semantics 6.1).
    """

    __slots__ = ("_packed",)

    def __init__(self, packed: nn.utils.rnn.PackedSequence) -> None:
        self._packed = packed

    @property
    def data(self) -> Tensor:
        """The time-major values of all sequences."""
        return wrap(self._packed.data)

    @property
    def batch_sizes(self) -> Tensor:
        """How many sequences are still running at each time step."""
        return wrap(self._packed.batch_sizes)

    @property
    def sorted_indices(self) -> Tensor | None:
        """The 1-based order that sorts the batch longest first."""
        return _one_based(self._packed.sorted_indices)

    @property
    def unsorted_indices(self) -> Tensor | None:
        """The 1-based order that restores the original batch."""
        return _one_based(self._packed.unsorted_indices)

    @property
    def torch(self) -> nn.utils.rnn.PackedSequence:
        """PyTorch's ``PackedSequence`` (its indices are 0-based)."""
        return self._packed


def nn_utils_rnn_pack_padded_sequence(
    input: Any,
    lengths: Any,
    batch_first: bool = False,
    enforce_sorted: bool = True,
) -> PackedSequence:
    """Pack a padded batch (R: ``nn_utils_rnn_pack_padded_sequence``)."""
    lengths_t = convert.tensor(lengths).to("cpu", torch.int64)
    packed = call_torch(
        nn.utils.rnn.pack_padded_sequence,
        convert.tensor(input),
        lengths_t,
        batch_first=batch_first,
        enforce_sorted=enforce_sorted,
    )
    return PackedSequence(packed)


def _loss(module: nn.Module, forward: Callable[..., Any]) -> Module:
    return Module(module, forward)


def _one_based(indices: torch.Tensor | None) -> Tensor | None:
    # R torch rule (semantics 6.1): PackedSequence indices are returned + 1.
    return None if indices is None else wrap(indices + 1)
