"""Indexing a CUDA tensor selects what indexing its CPU copy selects.

Index tensors may live on the CPU or on the tensor's device; positions built
from R vectors are made on the tensor's device. Runs only where CUDA is.
"""

from __future__ import annotations

import pytest
import torch

from rtorch import from_torch

pytestmark = pytest.mark.skipif(not torch.cuda.is_available(),
                                reason="needs a CUDA device")


def keys() -> list[object]:
    """Keys of every kind, with tensor indices on the CPU (moved per test)."""
    return [
        (2, 3),
        (slice(1, 3), -1),
        slice(1, None, 2),
        ([3, 1], slice(None)),
        ([3, 1], [2, 4]),
        ([True, False, True], slice(2, 4)),
        torch.tensor([3, -1]),
        (slice(None), torch.tensor([[1, 2], [4, 4]])),
        torch.tensor([True, False, True]),
        (Ellipsis, torch.tensor([2] * 40)),
    ]


@pytest.mark.parametrize("index_device", ["cpu", "cuda"])
@pytest.mark.parametrize("key", keys(), ids=repr)
def test_reads_match_the_cpu(key: object, index_device: str) -> None:
    base = torch.arange(12.0).reshape(3, 4)
    cpu = from_torch(base)
    gpu = from_torch(base.cuda())
    moved = tuple(k.to(index_device) if isinstance(k, torch.Tensor) else k
                  for k in (key if isinstance(key, tuple) else (key,)))
    expected = cpu[key].torch
    got = gpu[moved].torch
    assert got.device.type == "cuda"
    assert torch.equal(got.cpu(), expected)


@pytest.mark.parametrize("key", [(2, slice(None)), ([3, 1], 2),
                                 torch.tensor([True, False, True])], ids=repr)
def test_assignments_match_the_cpu(key: object) -> None:
    cpu = from_torch(torch.zeros(3, 4))
    gpu = from_torch(torch.zeros(3, 4, device="cuda"))
    cpu[key] = 5.0
    gpu[key] = 5.0
    assert torch.equal(gpu.torch.cpu(), cpu.torch)


def test_long_tensor_bigger_than_the_python_path() -> None:
    base = torch.arange(100.0)
    gpu = from_torch(base.cuda())
    index = torch.arange(1, 101).flip(0).cuda()
    assert torch.equal(gpu[index].torch.cpu(), base.flip(0))
