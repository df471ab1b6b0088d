"""The declarative table: which R torch arguments and results are 1-based.

R torch decides by rule which integers it shifts (semantics 5.2 and 6): an
argument is a *dimension*, an *index tensor* or a *position* because of its
name and type, and a result holds *indices* when a hand-written wrapper adds
one. rtorch applies the same rules, with the deliberate differences of
DECISIONS.md: every dimension argument and every returned index is 1-based,
whatever the argument is called and whichever function returns it.

Everything here is data. :mod:`rtorch.surface.codegen` reads it together with
PyTorch's operator schemas and writes the generated functions and methods.

Example:
    >>> argument_role("gather", "index", frozenset({"Tensor"}))
    'index_fast'
    >>> argument_role("tile", "dims", frozenset({"int[]"}))
    'plain'
"""

from __future__ import annotations

__all__ = [
    "DEFAULTS",
    "DIM",
    "EXCLUSIVE",
    "INDEX",
    "INDEX_FAST",
    "INDEX_RESULTS",
    "INDICES",
    "INTERNAL_FUNCTIONS",
    "LAST_PARAMETERS",
    "NAMED",
    "NAMED_PARAMETERS",
    "NOT_GENERATED",
    "PLAIN",
    "POSITION",
    "RENAMED",
    "RESULT",
    "SLICE_END",
    "SLICE_START",
    "START",
    "UNSUPPORTED",
    "ZERO_DIM_ERRORS",
    "argument_role",
]

# -- argument roles -----------------------------------------------------------

DIM = "dim"  # 1-based dimension(s): int or vector
INDEX = "index"  # 1-based index tensor; negatives count from the end
INDEX_FAST = "index_fast"  # 1-based index tensor of an op that rejects negatives
INDICES = "indices"  # a list of 1-based index tensors
POSITION = "position"  # one 1-based position (select's index)
START = "start"  # narrow's 1-based start; 0 is a value error
SLICE_START = "slice_start"  # slice(): 1-based first element (DECISIONS 2)
SLICE_END = "slice_end"  # slice(): 1-based last element, inclusive
PLAIN = "plain"  # passed through unchanged
NAMED = "named"  # a named-tensor argument (gone in PyTorch 2.13)

RESULT = "result"  # the whole (single tensor) result is indices

# R torch rule (semantics 5.2): arguments with these names are dimensions when
# they are integers; DECISIONS 2 adds the names R torch leaves 0-based.
_DIMENSION_NAMES = frozenset(
    {
        "dim",
        "dims",
        "dim0",
        "dim1",
        "dim2",
        "start_dim",
        "end_dim",
        "dims_self",
        "dims_other",
        "axis",
        "axis0",
        "axis1",
        "source",
        "destination",
        "dimension",
    }
)
# R torch rule (semantics 5.2, 6.3): tensors with these names hold indices.
_INDEX_TENSOR_NAMES = frozenset({"index", "indices", "dims"})
_INT_KINDS = frozenset({"int", "int?", "int[]", "int[]?"})
_TENSOR_KINDS = frozenset({"Tensor", "Tensor?"})
_TENSOR_LIST_KINDS = frozenset({"Tensor[]", "Tensor?[]"})

# Ops whose index tensors may not be negative in PyTorch, so a plain "minus
# one" is exact and a 0 shows up as PyTorch's out-of-range error.
_NEGATIVE_FREE_INDEX_OPS = frozenset(
    {
        "gather",
        "index_select",
        "index_add",
        "index_add_",
        "index_copy",
        "index_copy_",
        "index_reduce",
        "index_reduce_",
        "scatter",
        "scatter_",
        "scatter_add",
        "scatter_add_",
        "scatter_reduce",
        "scatter_reduce_",
        "embedding",
        "embedding_bag",
        "max_unpool2d",
        "max_unpool3d",
        "sparse_coo_tensor",
    }
)

# Per-op exceptions to the naming rule.
_ROLE_OVERRIDES: dict[str, dict[str, str]] = {
    # R torch rule (semantics 5.2): tile's dims are repeat counts.
    "tile": {"dims": PLAIN},
    "narrow": {"start": START},
    "narrow_copy": {"start": START},
    # DECISIONS 2: slice positions are 1-based, the end inclusive.
    "slice": {"start": SLICE_START, "end": SLICE_END},
    "slice_scatter": {"start": SLICE_START, "end": SLICE_END},
    "slice_inverse": {"start": SLICE_START, "end": SLICE_END},
    # DECISIONS 1: argsort results are 1-based, so a sorter goes in 1-based.
    "searchsorted": {"sorter": INDEX_FAST},
}

# DECISIONS 1: results that hold positions, returned 1-based. RESULT shifts a
# single-tensor result; a tuple of positions shifts those elements of a
# multi-output result (1-based, as R's [[k]]).
INDEX_RESULTS: dict[str, str | tuple[int, ...]] = {
    **dict.fromkeys(
        (
            "argmax",
            "argmin",
            "argsort",
            "nonzero",
            "argwhere",
            "multinomial",
            "searchsorted",
            "bucketize",
            "tril_indices",
            "triu_indices",
            "indices",
            "_indices",
            "col_indices",
            "row_indices",
            "randperm",
            # DECISIONS 2: a dimension handed back is 1-based like one given.
            "q_per_channel_axis",
        ),
        RESULT,
    ),
    **dict.fromkeys(
        (
            "max",
            "min",
            "sort",
            "topk",
            "kthvalue",
            "mode",
            "median",
            "nanmedian",
            "cummax",
            "cummin",
            "unique_consecutive",
            "max_pool1d_with_indices",
            "max_pool2d_with_indices",
            "max_pool3d_with_indices",
            "adaptive_max_pool1d",
            "adaptive_max_pool2d",
            "adaptive_max_pool3d",
            "fractional_max_pool2d",
            "fractional_max_pool3d",
        ),
        (2,),
    ),
}

# Named-tensor overloads that PyTorch 2.13 removed still shape R torch's
# signatures (semantics 1.2): name -> 1-based position R torch's generator saw.
NAMED_PARAMETERS: dict[str, dict[str, int]] = {
    "flatten": {"dims": 2, "out_dim": 4},
    "diagonal": {"outdim": 2, "offset": 5},
    "unflatten": {"names": 4},
}

# R torch defaults that are not ATen's (hand-written R wrappers); these are
# always passed to PyTorch, so they select the overload that takes them.
DEFAULTS: dict[str, dict[str, object]] = {
    "norm": {"p": 2},
    "bartlett_window": {"periodic": True},
    "blackman_window": {"periodic": True},
    "hamming_window": {"periodic": True},
    "hann_window": {"periodic": True},
    "kaiser_window": {"periodic": True},
}

# R torch rule (torchgen): `stable` of sort goes last; argsort's R wrapper too.
LAST_PARAMETERS: dict[str, tuple[str, ...]] = {
    "sort": ("stable",),
    "argsort": ("stable",),
}

# Arguments R torch refuses together (its hand-written wrappers check them).
EXCLUSIVE: dict[str, tuple[str, str, str]] = {
    "max": ("dim", "other", "Can't set other and dim arguments."),
    "min": ("dim", "other", "Can't set other and dim arguments."),
}

# R torch words a 0 dimension differently for some functions (semantics 5.1).
ZERO_DIM_ERRORS: dict[str, tuple[str, str]] = {
    "movedim": ("RValueError", "Dimension is 1-based, but found 0."),
}

# Functions provided by hand-written modules, never generated.
NOT_GENERATED = frozenset(
    {
        # creation.py (R torch section 7)
        "tensor",
        "scalar_tensor",
        "zeros",
        "ones",
        "empty",
        "rand",
        "randn",
        "full",
        "eye",
        "arange",
        "range",
        "linspace",
        "logspace",
        "randint",
        "randperm",
        "normal",
        "empty_strided",
        "zeros_like",
        "ones_like",
        "empty_like",
        "full_like",
        "rand_like",
        "randn_like",
        "randint_like",
        "diag",
        # functions.py: R torch wrappers whose behaviour is not a rule
        "nonzero",
        "where",
        "one_hot",
        "bincount",
        "tensordot",
        "stft",
        "complex",
        "result_type",
        "lu",
        "manual_seed",
        "atleast_1d",
        "atleast_2d",
        "atleast_3d",
        "dequantize",
        "quantize_per_tensor",
    }
)

# R torch's names for ATen arguments, where its hand-written wrapper renames one.
RENAMED: dict[str, dict[str, str]] = {
    "polygamma": {"self": "input"},
}

# Unexported R torch functions that tests and ports call (semantics 6.2).
INTERNAL_FUNCTIONS = (
    "narrow_copy",
    "select",
    "max_pool1d_with_indices",
    "max_pool2d_with_indices",
    "max_pool3d_with_indices",
    "adaptive_max_pool1d",
    "adaptive_max_pool2d",
    "adaptive_max_pool3d",
    "fractional_max_pool2d",
    "fractional_max_pool3d",
    "max_unpool2d",
    "max_unpool3d",
)

# R torch names that rtorch cannot offer on this PyTorch, with the reason.
UNSUPPORTED: dict[str, str] = {
    name: "PyTorch 2.13 removed named tensors, so dimensions cannot carry names"
    for name in ("rename", "rename_", "refine_names", "align_as", "align_to")
}


def argument_role(op: str, name: str, kinds: frozenset[str]) -> str:
    """The role of argument ``name`` of ATen op ``op`` with these ``kinds``.

    Args:
        op: The ATen operator name (``"gather"``).
        name: The argument's ATen name (``"index"``).
        kinds: The kinds it takes across overloads (``{"Tensor"}``).

    Returns:
        One of the role constants; :data:`PLAIN` when nothing is shifted.
    """
    override = _ROLE_OVERRIDES.get(op, {}).get(name)
    if override is not None:
        return override
    if not kinds:
        return NAMED
    if name in _DIMENSION_NAMES and kinds <= _INT_KINDS:
        return DIM
    if name == "index" and kinds <= _INT_KINDS:
        return POSITION
    if name in _INDEX_TENSOR_NAMES and kinds & _TENSOR_KINDS:
        return INDEX_FAST if op in _NEGATIVE_FREE_INDEX_OPS else INDEX
    if name in _INDEX_TENSOR_NAMES and kinds & _TENSOR_LIST_KINDS:
        return INDICES
    return PLAIN
