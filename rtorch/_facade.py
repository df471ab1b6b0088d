"""The bare facade base class, kept apart so every module can test for it.

:class:`rtorch.tensor.Tensor` subclasses :class:`TensorBase`; modules that the
tensor module itself imports (indexing, printing, conversion) recognise an rtorch
tensor with ``isinstance(obj, TensorBase)`` and read the real ``torch.Tensor``
from its ``_t`` slot, without importing :mod:`rtorch.tensor` (no import cycle).
"""

from __future__ import annotations

import torch

__all__ = ["TensorBase"]


class TensorBase:
    """Holds one real ``torch.Tensor`` in the ``_t`` slot; nothing else."""

    __slots__ = ("_t",)

    _t: torch.Tensor
