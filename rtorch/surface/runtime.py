"""R torch's ``cuda_*`` and ``backends_*`` helpers not in :mod:`rtorch.devices`.

Thin calls into ``torch.cuda`` and ``torch.backends``, with R torch's names.
Device indices are 0-based, as in R torch (``"cuda:0"``).

Example:
    >>> backends_openmp_is_available() in (True, False)
    True
"""

from __future__ import annotations

from typing import Any

import torch

from rtorch.errors import RValueError
from rtorch.tensor import Tensor, as_tensor_arg, wrap

__all__ = [
    "backends_mkl_is_available",
    "backends_mkldnn_is_available",
    "backends_mps_synchronize",
    "backends_openmp_is_available",
    "cuda_amp_grad_scaler",
    "cuda_dump_memory_snapshot",
    "cuda_get_rng_state",
    "cuda_memory_snapshot",
    "cuda_memory_summary",
    "cuda_record_memory_history",
    "cuda_runtime_version",
    "cuda_set_rng_state",
]


def cuda_runtime_version() -> str | None:
    """The CUDA runtime PyTorch was built with, ``None`` on CPU builds."""
    return torch.version.cuda


def cuda_get_rng_state(device: int = 0) -> Tensor:
    """The CUDA generator's state as a byte tensor (R: same name)."""
    return wrap(torch.cuda.get_rng_state(device))


def cuda_set_rng_state(state: Any, device: int = 0) -> None:
    """Restore a CUDA generator state (R: same name)."""
    torch.cuda.set_rng_state(as_tensor_arg(state), device)


def cuda_memory_summary(device: int | None = None, abbreviated: bool = False) -> str:
    """A text table of CUDA allocator use (R: same name)."""
    return torch.cuda.memory_summary(device, abbreviated)


def cuda_memory_snapshot() -> Any:
    """The CUDA allocator's snapshot (R: same name)."""
    return torch.cuda.memory._snapshot()


def cuda_record_memory_history(
    enabled: str | None = "all", max_entries: int = 100000
) -> None:
    """Start (or with ``enabled = None`` stop) recording allocations (R: same name)."""
    torch.cuda.memory._record_memory_history(enabled, max_entries=max_entries)


def cuda_dump_memory_snapshot(filename: str) -> None:
    """Write the recorded allocation history to ``filename`` (R: same name)."""
    torch.cuda.memory._dump_snapshot(filename)


def cuda_amp_grad_scaler(
    init_scale: float = 2.0**16,
    growth_factor: float = 2.0,
    backoff_factor: float = 0.5,
    growth_interval: int = 2000,
    enabled: bool = True,
) -> torch.amp.GradScaler:
    """A gradient scaler for mixed precision on CUDA (R: same name)."""
    if growth_factor <= 1.0 or not 0.0 < backoff_factor < 1.0:
        raise RValueError(
            "growth_factor must exceed 1 and backoff_factor lie in (0, 1), got "
            f"{growth_factor!r} and {backoff_factor!r}."
        )
    return torch.amp.GradScaler(
        "cuda",
        init_scale=init_scale,
        growth_factor=growth_factor,
        backoff_factor=backoff_factor,
        growth_interval=growth_interval,
        enabled=enabled,
    )


def backends_mkl_is_available() -> bool:
    """Whether PyTorch was built with MKL (R: same name)."""
    return torch.backends.mkl.is_available()


def backends_mkldnn_is_available() -> bool:
    """Whether oneDNN (MKL-DNN) can be used (R: same name)."""
    return torch.backends.mkldnn.is_available()


def backends_openmp_is_available() -> bool:
    """Whether PyTorch was built with OpenMP (R: same name)."""
    return torch.backends.openmp.is_available()


def backends_mps_synchronize() -> None:
    """Wait for all MPS work to finish; nothing to do without MPS (R: same name)."""
    if torch.backends.mps.is_available():
        torch.mps.synchronize()
