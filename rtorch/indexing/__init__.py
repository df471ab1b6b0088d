"""R torch indexing: ``x[...]``, ``x[...] <- value`` and ranges.

The facade's ``Tensor.__getitem__`` / ``__setitem__`` / ``nodrop`` call
:func:`getitem` and :func:`setitem` with the raw ``torch.Tensor``. The pairwise
(NumPy-style) ``torch_index()`` / ``torch_index_put()`` come from the generated
surface (:mod:`rtorch.surface`), with the same 1-based index rule.
"""

from rtorch.indexing.apply import getitem, setitem
from rtorch.indexing.ranges import N, Slice, slc

__all__ = ["getitem", "setitem", "N", "Slice", "slc"]
