"""Error messages of bad keys: R torch's text, then the key, dimension and size.

Section 4.11 of ``rtorch-semantics.md`` lists R torch's messages; DECISIONS.md
item 4 makes out-of-range messages 1-based (index, dimension) where libtorch's
0-based text reaches R torch users untranslated. Each message must also name
the key, the 1-based dimension, its size and what would have been accepted.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from rtorch import (
    RIndexError,
    RTorchError,
    RTypeError,
    RValueError,
    c,
    torch_tensor,
    torch_zeros,
)
from rtorch.indexing import N

# (rule, tensor shape, key, error class, texts the message must all contain)
READ_ERRORS = [
    ("4.2 zero scalar", (3, 4), (1, 0), RIndexError,
     ["Indexing in R is 1-based and found a 0.", "Element 2 of the index [1, 0]",
      "dimension 2 (size 4)", "use 1 to 4, or -4 to -1"]),
    ("4.5 zero in a vector", (3,), [2, 0], RIndexError,
     ["Indexing in R is 1-based and found a 0.", "[c(2, 0)]",
      "dimension 1 (size 3)"]),
    ("4.2 zero as a double", (3,), 0.4, RIndexError,
     ["Indexing in R is 1-based and found a 0."]),
    ("4.9 zero in a long tensor", (3, 3), (slice(None), torch.tensor([2, 0])),
     RIndexError, ["Indexing starts at 1 but found a 0.", "Element 2",
                   "dimension 2 (size 3)"]),
    ("DECISIONS 4: scalar past the end, 1-based", (3,), 4, RIndexError,
     ["index 4 is out of bounds for dimension 1 with size 3",
      "Element 1 of the index [4]", "use 1 to 3, or -3 to -1"]),
    ("DECISIONS 4: second dim named 1-based", (2, 5), (1, 6), RIndexError,
     ["index 6 is out of bounds for dimension 2 with size 5"]),
    ("DECISIONS 4: negative past the start", (3,), -4, RIndexError,
     ["index -4 is out of bounds for dimension 1 with size 3"]),
    ("4.2 N alone is a position, far past the end", (3,), N, RIndexError,
     [f"index {N} is out of bounds for dimension 1 with size 3"]),
    ("DECISIONS 4: vector entry past the end", (2, 5), (slice(None), [1, 7]),
     RIndexError, ["index 7 is out of bounds for dimension 2 with size 5",
                   "Element 2 of the index [:, c(1, 7)]"]),
    ("DECISIONS 4: long tensor entry past the end", (4,), torch.tensor([1, -9]),
     RIndexError, ["index -9 is out of bounds for dimension 1 with size 4"]),
    ("DECISIONS 4: large long tensor entry past the end", (4,),
     torch.tensor([1] * 40 + [5]), RIndexError,
     ["index 5 is out of bounds for dimension 1 with size 4"]),
    ("DECISIONS 4: drop = FALSE does not hide the range check", (3,),
     ("nodrop", 4), RIndexError,
     ["index 4 is out of bounds for dimension 1 with size 3"]),
    ("4.4 too many indices", (2, 2), (1, 1, 1), RIndexError,
     ["too many indices for tensor of dimension 2", "[1, 1, 1]",
      "shape [2, 2]"]),
    ("4.4 too many indices on a 0-d tensor", (), 1, RIndexError,
     ["too many indices for tensor of dimension 0"]),
    ("4.6 logical vector of the wrong length", (4, 2), ([True, False],),
     RIndexError, ["The shape of the mask [2] does not match the shape of the "
                   "indexed tensor [4] at dimension 1", "no", "recycle"]),
    ("4.6 mask of the wrong shape", (2, 3), np.ones((3, 2), dtype=bool),
     RIndexError, ["The shape of the mask [3, 2] does not match the shape of the "
                   "indexed tensor [2, 3] at dimension 1"]),
    ("4.6 TRUE on a dim longer than 1", (3,), True, RIndexError,
     ["The shape of the mask [1] does not match", "[3]"]),
    ("4.3 negative step", (5,), slice(5, 1, -1), RValueError,
     ["step must be greater than zero", "[5:1:-1]"]),
    ("4.3 zero step in slc", (5,), ("slc", 1, 5, 0), RValueError,
     ["step must be greater than zero"]),
    ("4.3 range bound that is not whole", (5,), slice(1.5, 3), RIndexError,
     ["not a whole number", "[1.5:3]"]),
    ("4.9 int32 tensor", (3,), torch.tensor([1], dtype=torch.int32), RIndexError,
     ["Only long and boolean tensors are supported.", "int32 tensor"]),
    ("4.9 float tensor", (3,), torch.tensor([1.0]), RIndexError,
     ["Only long and boolean tensors are supported.", "float32"]),
    ("4.11 unsupported index object", (3,), "a", RTypeError,
     ["Unsupported index.", "str"]),
    ("4.11 nested lists", (3, 3), [[1, 2]], RTypeError,
     ["Unsupported index.", "list holding a list"]),
    ("NA inside a vector is no position", (3,), [1, "NA"], RTypeError,
     ["Unsupported index."]),
    ("two ... in one key", (3, 3), (Ellipsis, 1, Ellipsis), RIndexError,
     ["single ellipsis"]),
    ("non-finite double", (3,), float("nan"), RIndexError,
     ["not a position"]),
]


def key_of(spec: object) -> tuple[object, bool]:
    """The key a row describes, and whether it is read with nodrop."""
    if isinstance(spec, tuple) and spec and spec[0] == "nodrop":
        return spec[1], True
    if isinstance(spec, tuple) and spec and spec[0] == "slc":
        from rtorch.indexing import slc

        return slc(*spec[1:]), False
    return spec, False


@pytest.mark.parametrize(("rule", "shape", "spec", "error", "texts"), READ_ERRORS,
                         ids=[row[0] for row in READ_ERRORS])
def test_read_errors(rule: str, shape: tuple, spec: object, error: type,
                     texts: list[str]) -> None:
    x = torch_zeros(*shape) if shape else torch_tensor(1.0).view(c())
    key, nodrop = key_of(spec)
    with pytest.raises(error) as caught:
        x.nodrop[key] if nodrop else x[key]
    message = str(caught.value)
    for text in texts:
        assert text in message


def test_na_inside_a_vector_is_refused() -> None:
    from rtorch import NA

    with pytest.raises(RIndexError, match="holds NA, which is not a position"):
        torch_zeros(3)[c(1, NA)]


def test_errors_are_rtorch_errors_and_builtins() -> None:
    # Every error is an RTorchError and the builtin a Python user would catch.
    x = torch_zeros(3)
    with pytest.raises(IndexError):
        x[0]
    with pytest.raises(ValueError):
        x[3:1:-1]
    with pytest.raises(RTorchError):
        x["a"]


def test_assignment_errors_name_the_key() -> None:
    x = torch_zeros(2, 3)
    with pytest.raises(RIndexError, match=r"index 3 is out of bounds for "
                       r"dimension 1 with size 2"):
        x[3, 1] = 1.0
    with pytest.raises(RIndexError, match=r"elements 1 and 2 of the index "
                       r"\[c\(1, 2\), c\(1, 2\)\]"):
        x[c(1, 2), c(1, 2)] = 1.0
    with pytest.raises(RTorchError, match=r"selection \[1, :\]"):
        x[1, :] = torch_tensor(c(1.0, 2.0))


def test_a_failed_assignment_changes_nothing() -> None:
    x = torch_zeros(2, 3)
    with pytest.raises(RIndexError):
        x[c(1, 2), 0] = 5.0
    assert x.torch.abs().sum().item() == 0.0
