"""R torch indexing: ``x[...]``, ``x[...] <- value``, ranges and pairwise indexing.

The facade's ``Tensor.__getitem__`` / ``__setitem__`` / ``nodrop`` call
:func:`getitem` and :func:`setitem` with the raw ``torch.Tensor``;
:func:`torch_index`, :func:`torch_index_put` and :func:`torch_index_put_` are
the pairwise (NumPy-style) functions with 1-based index tensors.
"""

from rtorch.indexing.apply import getitem, setitem
from rtorch.indexing.pairwise import torch_index, torch_index_put, torch_index_put_
from rtorch.indexing.ranges import N, Slice, slc

__all__ = [
    "getitem",
    "setitem",
    "N",
    "Slice",
    "slc",
    "torch_index",
    "torch_index_put",
    "torch_index_put_",
]
