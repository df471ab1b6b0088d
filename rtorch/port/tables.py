"""The porter's knowledge of R names: what each one becomes in rtorch Python.

Kept as plain tables so a reader can check a rule in one place, and so a new
R function is one line here rather than a change in the translator.
"""

from __future__ import annotations

# R torch's exported families; rtorch exports each under the same name.
TORCH_PREFIXES = (
    "torch_",
    "nn_",
    "nnf_",
    "optim_",
    "lr_",
    "linalg_",
    "autograd_",
    "cuda_",
    "backends_",
    "with_",
    "local_",
    "is_",
    "as_",
    "jit_",
    "fft_",
    "special_",
    "distr_",
    "dataset",
    "dataloader",
    "mps_",
    "sampler",
    "tensor_dataset",
    "iterable_dataset",
)
TORCH_OTHER_EXPORTS = frozenset(
    {
        "buffer_from_torch_tensor",
        "call_torch_function",
        "clone_module",
        "enumerate",
        "load_state_dict",
        "optimizer",
        "slc",
        "set_autocast",
        "unset_autocast",
    }
)

# R base functions that rtorch exports under the same name (DECISIONS.md:
# "mean(x), sqrt(x), log(x, base = 2), dim(x), length(x), head(x): the same
# names, exported by rtorch"), plus R's value builders and text output.
SAME_NAME = frozenset(
    {
        "c",
        "seq",
        "seq_len",
        "matrix",
        "array",
        "mean",
        "prod",
        "sqrt",
        "exp",
        "expm1",
        "log",
        "log2",
        "log10",
        "log1p",
        "sign",
        "ceiling",
        "floor",
        "trunc",
        "cos",
        "sin",
        "tan",
        "cosh",
        "sinh",
        "tanh",
        "acos",
        "asin",
        "atan",
        "cumsum",
        "dim",
        "length",
        "head",
        "tail",
        "abs",
        "round",
        "print",
        "cat",
        "paste",
        "paste0",
        "sprintf",
    }
)

# R base functions that would shadow Python builtins: rtorch keeps them in
# `rtorch.base`, imported as `rb` (DECISIONS.md, porting contract).
BASE_MODULE = frozenset({"sum", "max", "min", "all", "any", "range"})

# R spellings with a dot that rtorch spells with an underscore.
RENAMED = {
    "as.numeric": "as_numeric",
    "as.double": "as_numeric",
    "as.integer": "as_integer",
    "as.logical": "as_logical",
    "as.character": "as_character",
    "as.complex": "as_complex",
    "as.matrix": "as_matrix",
    "as.array": "as_array",
    "is.na": "is_na",
    "require": "library",
}

# Calls whose value R does not print at top level (they return invisibly or
# are called for their side effect).
INVISIBLE_CALLS = frozenset(
    {
        "print",
        "cat",
        "message",
        "warning",
        "invisible",
        "library",
        "torch_manual_seed",
        "torch_set_default_dtype",
        "torch_set_num_threads",
        "torch_set_num_interop_threads",
        "autograd_backward",
        "stopifnot",
    }
)
# Tensor and optimizer methods that return invisibly in R torch; R torch's
# in-place methods (trailing `_`) also return their tensor invisibly.
INVISIBLE_METHODS = frozenset(
    {"backward", "retain_grad", "zero_grad", "step", "remove", "save_for_backward"}
)

# Argument names whose numbers are counts, sizes, dims or indices: an R double
# there is only a count, so `2` ports as `2`, not `2.0`.
INT_ARGUMENTS = frozenset(
    {
        "dim",
        "dims",
        "dim0",
        "dim1",
        "dim2",
        "start_dim",
        "end_dim",
        "size",
        "sizes",
        "k",
        "n",
        "nrow",
        "ncol",
        "diagonal",
        "steps",
        "chunks",
        "split_size",
        "split_size_or_sections",
        "sections",
        "num_classes",
        "num_samples",
        "times",
        "each",
        "length.out",
        "seed",
        "repeats",
        "shifts",
        "offset",
        "row",
        "col",
        "index",
        "N",
        "shape",
        "source",
        "destination",
        "stride",
        "padding",
        "dilation",
        "kernel_size",
        "groups",
        "in_features",
        "out_features",
        "num_embeddings",
        "embedding_dim",
        "padding_idx",
        "ignore_index",
        "output_size",
        "minlength",
        "batch_size",
        "hidden_size",
        "num_layers",
        "window_length",
        "n_fft",
        "hop_length",
        "win_length",
    }
)

# Positional arguments that are counts, as {function: (first, last)} 0-based
# positions (last None = to the end) of `name(...)`; a method `x$op(...)`
# uses the entry of `torch_op` one position earlier (x is the first).
_DIM_OPERATIONS = (
    "sum mean prod std var max min argmax argmin amax amin cumsum cumprod cummax "
    "cummin softmax log_softmax logsumexp squeeze unsqueeze flatten cat stack "
    "transpose movedim moveaxis swapdims swapaxes sort argsort topk kthvalue "
    "narrow narrow_copy select chunk split unbind flip roll diff diagonal "
    "count_nonzero all any median nanmedian mode tile permute reshape view expand "
    "repeat repeat_interleave size stride diag diag_embed tril triu unfold "
    "new_zeros new_ones new_empty unflatten multinomial"
).split()
_DIM_ONLY_OPERATIONS = (
    "scatter scatter_add scatter_reduce gather index_select index_fill index_add "
    "index_copy new_full"
).split()
COUNT_POSITIONS: dict[str, tuple[int, int | None]] = {
    **{f"torch_{op}": (1, None) for op in _DIM_OPERATIONS},
    **{f"torch_{op}": (1, 1) for op in _DIM_ONLY_OPERATIONS},
    "torch_zeros": (0, None),
    "torch_ones": (0, None),
    "torch_empty": (0, None),
    "torch_rand": (0, None),
    "torch_randn": (0, None),
    "torch_eye": (0, None),
    "torch_full": (0, 0),
    "torch_randperm": (0, 0),
    "torch_randint": (2, 2),
    "torch_linspace": (2, 2),
    "torch_logspace": (2, 2),
    "torch_manual_seed": (0, 0),
    "torch_empty_strided": (0, None),
    "torch_tril_indices": (0, None),
    "torch_triu_indices": (0, None),
    "torch_broadcast_shapes": (0, None),
    "torch_tensordot": (2, 2),
    "torch_polygamma": (0, 0),
    "torch_device": (1, 1),
    "nnf_softmax": (1, 1),
    "nnf_log_softmax": (1, 1),
    "nnf_one_hot": (1, 1),
    "slc": (0, None),
    "seq_len": (0, 0),
    "nn_linear": (0, 1),
    "nn_embedding": (0, 1),
    "nn_embedding_bag": (0, 1),
    "nn_conv1d": (0, None),
    "nn_conv2d": (0, None),
    "nn_conv3d": (0, None),
    "nn_flatten": (0, None),
    "nn_unflatten": (0, None),
    "nn_batch_norm1d": (0, 0),
    "nn_batch_norm2d": (0, 0),
    "nn_max_pool1d": (0, None),
    "nn_max_pool2d": (0, None),
    "nn_avg_pool2d": (0, None),
    "nn_rnn": (0, 2),
    "nn_lstm": (0, 2),
    "nn_gru": (0, 2),
}

# R base functions with no rtorch counterpart that a reader might expect to
# pass through: reported instead of guessed at.
NO_EQUIVALENT = {
    "names": "names() has no rtorch equivalent; named lists port to dicts",
    "identical": "identical() has no rtorch equivalent; compare explicitly",
    "set.seed": "R's random generator has no Python equivalent; "
    "use torch_manual_seed() for torch streams",
    "ifelse": "ifelse() is vectorised; use torch_where() on tensors",
    "do.call": "do.call() has no direct equivalent; call with *args by hand",
}

# R's machine constants (`.Machine$integer.max`, ...), as Python literals.
MACHINE_CONSTANTS = {
    "integer.max": "2147483647",
    "double.eps": "2.220446049250313e-16",
    "double.xmax": "1.7976931348623157e308",
    "double.xmin": "2.2250738585072014e-308",
}
# R's built-in data vectors that have no rtorch spelling.
R_CONSTANTS = frozenset({"letters", "LETTERS", "month.name", "month.abb"})
