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
        "rbind",
        "cbind",
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
        "start",
        "length",
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

# Creation functions whose positional arguments (all of them, or the first
# `n`) are sizes.
SIZE_FUNCTIONS: dict[str, int | None] = {
    "torch_zeros": None,
    "torch_ones": None,
    "torch_empty": None,
    "torch_rand": None,
    "torch_randn": None,
    "torch_eye": None,
    "torch_full": 1,
    "torch_randperm": 1,
    "torch_manual_seed": 1,
    "torch_empty_strided": None,
    "torch_tril_indices": None,
    "torch_triu_indices": None,
    "seq_len": 1,
    "nn_linear": 2,
    "nn_embedding": 2,
    "nn_embedding_bag": 2,
    "nn_conv1d": None,
    "nn_conv2d": None,
    "nn_conv3d": None,
    "nn_flatten": None,
    "nn_unflatten": 1,
    "nn_batch_norm1d": 1,
    "nn_batch_norm2d": 1,
    "nn_max_pool1d": None,
    "nn_max_pool2d": None,
    "nn_avg_pool2d": None,
    "nn_rnn": 3,
    "nn_lstm": 3,
    "nn_gru": 3,
}

# Tensor operations whose positional arguments after the tensor(s) are dims,
# counts or sizes, as `{name: first such position}` for `torch_name(x, ...)`;
# the `$name(...)` method has the same arguments one position earlier.
DIM_OPERATIONS: dict[str, int] = {
    **dict.fromkeys(
        (
            "sum mean prod std var max min argmax argmin amax amin cumsum cumprod "
            "cummax cummin softmax log_softmax logsumexp squeeze unsqueeze flatten "
            "cat stack transpose movedim moveaxis swapdims swapaxes sort argsort "
            "topk kthvalue narrow narrow_copy select chunk split unbind flip roll "
            "diff index_select gather scatter scatter_add diagonal count_nonzero "
            "all any median nanmedian mode tile permute reshape view expand "
            "repeat repeat_interleave size stride diag diag_embed tril triu "
            "unfold new_zeros new_ones new_empty new_full unflatten one_hot "
            "multinomial"
        ).split(),
        1,
    ),
    "tensordot": 2,
    "randint": 2,
    "linspace": 2,
    "logspace": 2,
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
