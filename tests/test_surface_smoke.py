"""Every provided function and Tensor method, called once on small CPU inputs.

Arguments come from the parameter's name (``dim`` gets 1, ``index`` a long
tensor, anything else a 3 x 3 float tensor); names whose inputs must have a
particular shape or type have a call of their own in ``_FUNCTION_CALLS`` /
``_METHOD_CALLS``. A call passes when it returns without error and gives an
R-like value (a tensor, a list of them, a number, a string, ``None`` ...).
"""

from __future__ import annotations

import inspect
import warnings

import pytest
import torch

import rtorch
from rtorch import *
from rtorch.methods import provided_methods
from rtorch.surface.exports import is_provided

_FAMILIES = ("torch_", "linalg_", "nnf_", "nn_", "cuda_", "backends_")


def X():
    return torch_rand(3, 3)


def L(*values):
    return torch_tensor(c(*values))


def B3():
    return torch_rand(3, 3, 3)


def SPD():
    return torch_eye(3) * 2.0 + torch_ones(3, 3) * 0.5


_BY_NAME = {
    "dim": 1,
    "dim0": 1,
    "dim1": 1,
    "dim2": 2,
    "start_dim": 1,
    "end_dim": 2,
    "axis": 1,
    "axis0": 1,
    "axis1": 2,
    "dimension": 1,
    "source": 1,
    "destination": 2,
    "dims": c(1),
    "k": 1,
    "n": 2,
    "chunks": 1,
    "sections": 1,
    "split_size": 1,
    "num_samples": 1,
    "groups": 1,
    "length": 1,
    "start": 1,
    "window_length": 4,
    "row": 3,
    "col": 3,
    "value": 0.5,
    "fill_value": 0.5,
    "threshold": 0.5,
    "lambd": 0.5,
    "eps": 1e-3,
    "q": 0.5,
    "repeats": 2,
    "shifts": 1,
    "size": c(3, 3),
    "shape": c(9),
    "exponent": 2.0,
    "p": 2,
    "index": torch_ones(3, 3, dtype=torch_long()),
    "tensors": None,
    "equation": "ij->i",
    "mask": None,
    "dtype": torch_float64(),
    "upscale_factor": 1,
    "downscale_factor": 1,
    "diagonal": 0,
    "offset": 0,
    "steps": 3,
    "bins": 3,
    "decimals": 1,
    "indices_or_sections": 1,
    "upper": True,
    "ind": 2,
}


def _argument(name):
    value = _BY_NAME.get(name, X)
    if name in ("tensors", "matrices"):
        return [X(), X()]
    if name == "mask":
        return X() > 0.5
    if callable(value):
        return value()
    if isinstance(value, Tensor):
        return value.clone()
    return value


# Calls for names whose inputs must be shaped or typed just so.
_FUNCTION_CALLS = {
    "torch_tensor_from_buffer": lambda: torch_tensor_from_buffer(bytearray(8), c(2)),
    "torch_scalar_tensor": lambda: torch_scalar_tensor(1.5),
    "torch_full": lambda: torch_full(c(2, 2), 1.5),
    "torch_full_like": lambda: torch_full_like(X(), 1.5),
    "torch_eye": lambda: torch_eye(3),
    "torch_arange": lambda: torch_arange(1, 4),
    "torch_range": lambda: torch_range(1.0, 4.0),
    "torch_linspace": lambda: torch_linspace(0.0, 1.0, 3),
    "torch_logspace": lambda: torch_logspace(0.0, 1.0, 3),
    "torch_randint": lambda: torch_randint(1, 5, c(3)),
    "torch_randint_like": lambda: torch_randint_like(X(), 1, 5),
    "torch_randperm": lambda: torch_randperm(4),
    "torch_normal": lambda: torch_normal(0.0, 1.0, size=c(3)),
    "torch_empty_strided": lambda: torch_empty_strided(c(2, 2), c(2, 1)),
    "torch_manual_seed": lambda: torch_manual_seed(1),
    "torch_device": lambda: torch_device("cpu"),
    "torch_set_default_dtype": lambda: torch_set_default_dtype(torch_float()),
    "torch_finfo": lambda: torch_finfo(torch_float()),
    "torch_iinfo": lambda: torch_iinfo(torch_long()),
    "torch_can_cast": lambda: torch_can_cast(torch_float(), torch_long()),
    "torch_promote_types": lambda: torch_promote_types(torch_float(), torch_long()),
    "torch_one_hot": lambda: torch_one_hot(L(1, 3)),
    "torch_bincount": lambda: torch_bincount(L(1, 2, 2)),
    "torch_stft": lambda: torch_stft(torch_ones(64), 16, return_complex=True),
    "torch_istft": lambda: torch_istft(
        torch_stft(
            torch_ones(64), 16, window=torch_hann_window(16), return_complex=True
        ),
        16,
        window=torch_hann_window(16),
    ),
    "torch_quantize_per_tensor": lambda: torch_quantize_per_tensor(
        X(), 0.1, 10, torch_quint8()
    ),
    "torch_quantize_per_channel": lambda: torch_quantize_per_channel(
        X(), torch_tensor(c(0.1, 0.1, 0.1)), L(0, 0, 0), 1, torch_quint8()
    ),
    "torch_dequantize": lambda: torch_dequantize(
        torch_quantize_per_tensor(X(), 0.1, 10, torch_quint8())
    ),
    "torch_save": lambda: torch_save(X(), _tmp_file()),
    "torch_load": lambda: torch_load(torch_serialize(X())),
    "torch_set_num_threads": lambda: torch_set_num_threads(torch_get_num_threads()),
    "torch_set_num_interop_threads": lambda: None,  # only once per process
    "torch_set_rng_state": lambda: torch_set_rng_state(torch_get_rng_state()),
    "torch_adaptive_avg_pool1d": lambda: torch_adaptive_avg_pool1d(B3(), 2),
    "torch_adaptive_max_pool1d": lambda: torch_adaptive_max_pool1d(B3(), 2),
    "torch_adaptive_max_pool2d": lambda: torch_adaptive_max_pool2d(B3(), c(2, 2)),
    "torch_adaptive_max_pool3d": lambda: torch_adaptive_max_pool3d(
        torch_rand(1, 3, 3, 3), c(2, 2, 2)
    ),
    "torch_avg_pool1d": lambda: torch_avg_pool1d(B3(), 2),
    "torch_max_pool1d_with_indices": lambda: torch_max_pool1d_with_indices(B3(), 2),
    "torch_max_pool2d_with_indices": lambda: torch_max_pool2d_with_indices(B3(), 2),
    "torch_max_pool3d_with_indices": lambda: torch_max_pool3d_with_indices(
        torch_rand(1, 2, 2, 2), 2
    ),
    "torch_fractional_max_pool2d": lambda: torch_fractional_max_pool2d(
        torch_rand(1, 4, 4), c(2, 2), c(2, 2), torch_rand(1, 1, 2)
    ),
    "torch_fractional_max_pool3d": lambda: torch_fractional_max_pool3d(
        torch_rand(1, 4, 4, 4), c(2, 2, 2), c(2, 2, 2), torch_rand(1, 1, 3)
    ),
    "torch_max_unpool2d": lambda: torch_max_unpool2d(
        torch_ones(1, 1, 1), L(1).view(c(1, 1, 1)), c(1, 2)
    ),
    "torch_max_unpool3d": lambda: torch_max_unpool3d(
        torch_ones(1, 1, 1, 1),
        L(1).view(c(1, 1, 1, 1)),
        c(1, 1, 2),
        c(1, 1, 1),
        c(0, 0, 0),
    ),
    "torch_addbmm": lambda: torch_addbmm(X(), B3(), B3()),
    "torch_baddbmm": lambda: torch_baddbmm(B3(), B3(), B3()),
    "torch_addmv": lambda: torch_addmv(torch_rand(3), X(), torch_rand(3)),
    "torch_addr": lambda: torch_addr(X(), torch_rand(3), torch_rand(3)),
    "torch_as_strided": lambda: torch_as_strided(X(), c(2, 2), c(1, 1)),
    "torch_bitwise_and": lambda: torch_bitwise_and(L(1, 2), L(3, 3)),
    "torch_bitwise_not": lambda: torch_bitwise_not(L(1, 2)),
    "torch_bitwise_or": lambda: torch_bitwise_or(L(1, 2), L(3, 3)),
    "torch_bitwise_xor": lambda: torch_bitwise_xor(L(1, 2), L(3, 3)),
    "torch_gcd": lambda: torch_gcd(L(4, 6), L(6, 9)),
    "torch_lcm": lambda: torch_lcm(L(4, 6), L(6, 9)),
    "torch_bmm": lambda: torch_bmm(B3(), B3()),
    "torch_bucketize": lambda: torch_bucketize(X(), torch_tensor(c(0.2, 0.6))),
    "torch_cartesian_prod": lambda: torch_cartesian_prod([L(1, 2), L(3, 4)]),
    "torch_combinations": lambda: torch_combinations(L(1, 2, 3)),
    "torch_channel_shuffle": lambda: torch_channel_shuffle(torch_rand(1, 4, 2), 2),
    "torch_pixel_shuffle": lambda: torch_pixel_shuffle(torch_rand(1, 4, 2, 2), 2),
    "torch_cholesky": lambda: torch_cholesky(SPD()),
    "torch_cholesky_solve": lambda: torch_cholesky_solve(X(), torch_cholesky(SPD())),
    "torch_cholesky_inverse": lambda: torch_cholesky_inverse(torch_cholesky(SPD())),
    "torch_clamp": lambda: torch_clamp(X(), min=0.2),
    "torch_clip": lambda: torch_clip(X(), max=0.2),
    "torch_conv1d": lambda: torch_conv1d(torch_rand(1, 2, 5), torch_rand(3, 2, 2)),
    "torch_conv2d": lambda: torch_conv2d(
        torch_rand(1, 2, 5, 5), torch_rand(3, 2, 2, 2)
    ),
    "torch_conv3d": lambda: torch_conv3d(
        torch_rand(1, 2, 3, 3, 3), torch_rand(3, 2, 2, 2, 2)
    ),
    "torch_conv_tbc": lambda: torch_conv_tbc(
        torch_rand(5, 1, 2), torch_rand(2, 2, 3), torch_rand(3)
    ),
    "torch_conv_transpose1d": lambda: torch_conv_transpose1d(
        torch_rand(1, 2, 5), torch_rand(2, 3, 2)
    ),
    "torch_conv_transpose2d": lambda: torch_conv_transpose2d(
        torch_rand(1, 2, 5, 5), torch_rand(2, 3, 2, 2)
    ),
    "torch_conv_transpose3d": lambda: torch_conv_transpose3d(
        torch_rand(1, 2, 3, 3, 3), torch_rand(2, 3, 2, 2, 2)
    ),
    "torch_dot": lambda: torch_dot(torch_rand(3), torch_rand(3)),
    "torch_vdot": lambda: torch_vdot(torch_rand(3), torch_rand(3)),
    "torch_ger": lambda: torch_ger(torch_rand(3), torch_rand(3)),
    "torch_outer": lambda: torch_outer(torch_rand(3), torch_rand(3)),
    "torch_mv": lambda: torch_mv(X(), torch_rand(3)),
    "torch_einsum": lambda: torch_einsum("ij,jk->ik", [X(), X()]),
    "torch_fft_fftfreq": lambda: torch_fft_fftfreq(4),
    "torch_imag": lambda: torch_imag(torch_complex(X(), X())),
    "torch_real": lambda: torch_real(torch_complex(X(), X())),
    "torch_view_as_real": lambda: torch_view_as_real(torch_complex(X(), X())),
    "torch_view_as_complex": lambda: torch_view_as_complex(torch_rand(3, 2)),
    "torch_index": lambda: torch_index(X(), [L(1, 2)]),
    "torch_index_put": lambda: torch_index_put(X(), [L(1, 2)], torch_tensor(0.0)),
    "torch_index_put_": lambda: torch_index_put_(X(), [L(1, 2)], torch_tensor(0.0)),
    "torch_index_select": lambda: torch_index_select(X(), 1, L(1, 3)),
    "torch_gather": lambda: torch_gather(X(), 1, torch_ones(3, 3, dtype=torch_long())),
    "torch_take": lambda: torch_take(X(), L(1, 9)),
    "torch_take_along_dim": lambda: torch_take_along_dim(X(), L(1).view(c(1, 1)), 1),
    "torch_is_nonzero": lambda: torch_is_nonzero(torch_tensor(c(1.0))),
    "torch_kthvalue": lambda: torch_kthvalue(X(), 2),
    "torch_topk": lambda: torch_topk(X(), 2),
    "torch_lu_solve": lambda: torch_lu_solve(torch_rand(3, 1), *torch_lu(SPD())),
    "torch_lu_unpack": lambda: torch_lu_unpack(*torch_lu(SPD())),
    "torch_masked_select": lambda: torch_masked_select(X(), X() > 0.5),
    "torch_matrix_power": lambda: torch_matrix_power(X(), 2),
    "torch_meshgrid": lambda: torch_meshgrid([L(1, 2), L(3, 4)], indexing="ij"),
    "torch_multinomial": lambda: torch_multinomial(torch_tensor(c(0.5, 0.5)), 2),
    "torch_mvlgamma": lambda: torch_mvlgamma(X() + 2.0, 2),
    "torch_polygamma": lambda: torch_polygamma(1, X()),
    "torch_quantile": lambda: torch_quantile(X(), 0.5),
    "torch_nanquantile": lambda: torch_nanquantile(X(), 0.5),
    "torch_orgqr": lambda: torch_orgqr(*torch_geqrf(X())),
    "torch_ormqr": lambda: torch_ormqr(*torch_geqrf(X()), X()),
    "torch_repeat_interleave": lambda: torch_repeat_interleave(X(), 2),
    "torch_reshape": lambda: torch_reshape(X(), c(9)),
    "torch_roll": lambda: torch_roll(X(), 1, 1),
    "torch_sparse_coo_tensor": lambda: torch_sparse_coo_tensor(
        L(1, 2).view(c(1, 2)), torch_tensor(c(1.0, 2.0)), c(3)
    ),
    "torch_sparse_sampled_addmm": lambda: None,  # needs a CUDA sparse CSR tensor
    "torch_split": lambda: torch_split(X(), 1),
    "torch_threshold_": lambda: torch_threshold_(X(), 0.5, 0.0),
    "torch_tril_indices": lambda: torch_tril_indices(3, 3),
    "torch_triu_indices": lambda: torch_triu_indices(3, 3),
    "torch_unsafe_chunk": lambda: torch_unsafe_chunk(X(), 3),
    "torch_unsafe_split": lambda: torch_unsafe_split(X(), 1),
    "torch_vander": lambda: torch_vander(torch_rand(3)),
    "torch_bartlett_window": lambda: torch_bartlett_window(4),
    "torch_blackman_window": lambda: torch_blackman_window(4),
    "torch_hamming_window": lambda: torch_hamming_window(4),
    "torch_hann_window": lambda: torch_hann_window(4),
    "torch_kaiser_window": lambda: torch_kaiser_window(4),
    "torch_chunk": lambda: torch_chunk(X(), 3),
    "torch_movedim": lambda: torch_movedim(X(), 1, 2),
    "torch_narrow": lambda: torch_narrow(X(), 1, 1, 2),
    "torch_narrow_copy": lambda: torch_narrow_copy(X(), 1, 1, 2),
    "torch_select": lambda: torch_select(X(), 1, 2),
    "torch_transpose": lambda: torch_transpose(X(), 1, 2),
    "torch_unsqueeze": lambda: torch_unsqueeze(X(), 1),
    "torch_renorm": lambda: torch_renorm(X(), 2, 1, 1.0),
    "torch_flip": lambda: torch_flip(X(), c(1)),
    "linalg_cholesky": lambda: linalg_cholesky(SPD()),
    "linalg_cholesky_ex": lambda: linalg_cholesky_ex(SPD()),
    "linalg_matrix_power": lambda: linalg_matrix_power(X(), 2),
    "linalg_multi_dot": lambda: linalg_multi_dot([X(), X()]),
    "linalg_householder_product": lambda: linalg_householder_product(*torch_geqrf(X())),
    "linalg_tensorinv": lambda: linalg_tensorinv(torch_eye(4).view(c(4, 2, 2)), 2),
    "linalg_tensorsolve": lambda: linalg_tensorsolve(
        torch_eye(4).view(c(4, 2, 2)), torch_rand(4)
    ),
    "linalg_solve_triangular": lambda: linalg_solve_triangular(SPD(), X(), upper=True),
    "torch_scaled_dot_product_attention": lambda: torch_scaled_dot_product_attention(
        X(), X(), X()
    ),
    "nnf_one_hot": lambda: nnf_one_hot(L(1, 3)),
    "nnf_nll_loss": lambda: nnf_nll_loss(X(), L(1, 2, 3)),
    "nnf_cross_entropy": lambda: nnf_cross_entropy(X(), L(1, 2, 3)),
    "nnf_binary_cross_entropy": lambda: nnf_binary_cross_entropy(X(), X()),
    "nnf_log_softmax": lambda: nnf_log_softmax(X(), 1),
    "nnf_softmax": lambda: nnf_softmax(X(), 1),
    "nnf_embedding": lambda: nnf_embedding(L(1, 3), X()),
    "nnf_embedding_bag": lambda: nnf_embedding_bag(L(1, 3).view(c(1, 2)), X()),
    "nnf_multi_margin_loss": lambda: nnf_multi_margin_loss(X(), L(1, 2, 3)),
    "nnf_multilabel_margin_loss": lambda: nnf_multilabel_margin_loss(
        X(), torch_ones(3, 3, dtype=torch_long())
    ),
    "nnf_max_pool1d": lambda: nnf_max_pool1d(B3(), 2, return_indices=True),
    "nnf_max_pool2d": lambda: nnf_max_pool2d(B3(), 2, return_indices=True),
    "nnf_max_pool3d": lambda: nnf_max_pool3d(torch_rand(1, 2, 2, 2), 2),
    "nnf_max_unpool1d": lambda: nnf_max_unpool1d(
        *nnf_max_pool1d(torch_rand(1, 2, 4), 2, return_indices=True), 2
    ),
    "nnf_max_unpool2d": lambda: nnf_max_unpool2d(
        *nnf_max_pool2d(torch_rand(1, 4, 4), 2, return_indices=True), 2
    ),
    "nnf_max_unpool3d": lambda: nnf_max_unpool3d(
        *nnf_max_pool3d(torch_rand(1, 2, 2, 2), 2, return_indices=True), 2
    ),
    "nnf_adaptive_max_pool1d": lambda: nnf_adaptive_max_pool1d(B3(), 2),
    "nnf_adaptive_max_pool2d": lambda: nnf_adaptive_max_pool2d(B3(), 2),
    "nnf_adaptive_max_pool3d": lambda: nnf_adaptive_max_pool3d(
        torch_rand(1, 2, 2, 2), 1
    ),
    "nnf_fractional_max_pool2d": lambda: nnf_fractional_max_pool2d(
        torch_rand(1, 4, 4), 2, output_size=2
    ),
    "nnf_fractional_max_pool3d": lambda: nnf_fractional_max_pool3d(
        torch_rand(1, 4, 4, 4), 2, output_size=2
    ),
    "nn_linear": lambda: nn_linear(3, 2)(X()),
    "nn_flatten": lambda: nn_flatten()(B3()),
    "nn_unflatten": lambda: nn_unflatten(2, c(3, 1))(X()),
    "nn_embedding": lambda: nn_embedding(3, 2)(L(1, 3)),
    "nn_embedding_bag": lambda: nn_embedding_bag(3, 2)(L(1, 3).view(c(1, 2))),
    "nn_mse_loss": lambda: nn_mse_loss()(X(), X()),
    "nn_bce_loss": lambda: nn_bce_loss()(X(), X()),
    "nn_cross_entropy_loss": lambda: nn_cross_entropy_loss()(X(), L(1, 2, 3)),
    "nn_nll_loss": lambda: nn_nll_loss()(X(), L(1, 2, 3)),
    "nn_multi_margin_loss": lambda: nn_multi_margin_loss()(X(), L(1, 2, 3)),
    "nn_multilabel_margin_loss": lambda: nn_multilabel_margin_loss()(
        X(), torch_ones(3, 3, dtype=torch_long())
    ),
    "nn_utils_rnn_pack_padded_sequence": lambda: nn_utils_rnn_pack_padded_sequence(
        X(), L(3, 2, 1)
    ),
    "cuda_dump_memory_snapshot": None,
    "cuda_memory_snapshot": None,
    "cuda_record_memory_history": None,
}

_METHOD_CALLS = {
    "__lshift__": lambda: L(1, 2).__lshift__(1),
    "__rshift__": lambda: L(1, 2).__rshift__(1),
    "__xor__": lambda: L(1, 2).__xor__(L(3, 3)),
    "_autocast_to_full_precision": lambda: X()._autocast_to_full_precision(
        False, False
    ),
    "_autocast_to_reduced_precision": lambda: X()._autocast_to_reduced_precision(
        False, False, torch_half(), torch_half()
    ),
    "_coalesced_": lambda: _sparse()._coalesced_(True),
    "_dimI": lambda: _sparse()._dimI(),
    "_dimV": lambda: _sparse()._dimV(),
    "_nnz": lambda: _sparse()._nnz(),
    "_indices": lambda: _sparse()._indices(),
    "_values": lambda: _sparse()._values(),
    "indices": lambda: _sparse().indices(),
    "values": lambda: _sparse().values(),
    "coalesce": lambda: _sparse().coalesce(),
    "is_coalesced": lambda: _sparse().is_coalesced(),
    "crow_indices": lambda: X().to_sparse_csr().crow_indices(),
    "col_indices": lambda: X().to_sparse_csr().col_indices(),
    "ccol_indices": lambda: X().to_sparse_csc().ccol_indices(),
    "row_indices": lambda: X().to_sparse_csc().row_indices(),
    "_fw_primal": lambda: X()._fw_primal(0),
    "_is_all_true": lambda: (X() > 0)._is_all_true(),
    "_is_any_true": lambda: (X() > 0)._is_any_true(),
    "_nested_tensor_size": None,
    "_nested_tensor_storage_offsets": None,
    "_nested_tensor_strides": None,
    "_reshape_alias": lambda: X()._reshape_alias(c(9), c(1)),
    "_sparse_mask_projection": None,
    "_to_sparse_bsc": lambda: torch_rand(2, 2)._to_sparse_bsc(c(1, 1)),
    "_to_sparse_bsr": lambda: torch_rand(2, 2)._to_sparse_bsr(c(1, 1)),
    "to_sparse_bsc": lambda: torch_rand(2, 2).to_sparse_bsc(c(1, 1)),
    "to_sparse_bsr": lambda: torch_rand(2, 2).to_sparse_bsr(c(1, 1)),
    "addbmm": lambda: X().addbmm(B3(), B3()),
    "addbmm_": lambda: X().addbmm_(B3(), B3()),
    "baddbmm": lambda: B3().baddbmm(B3(), B3()),
    "baddbmm_": lambda: B3().baddbmm_(B3(), B3()),
    "addmv": lambda: torch_rand(3).addmv(X(), torch_rand(3)),
    "addmv_": lambda: torch_rand(3).addmv_(X(), torch_rand(3)),
    "addr": lambda: X().addr(torch_rand(3), torch_rand(3)),
    "addr_": lambda: X().addr_(torch_rand(3), torch_rand(3)),
    "as_strided": lambda: X().as_strided(c(2, 2), c(1, 1)),
    "as_strided_": lambda: X().as_strided_(c(2, 2), c(1, 1)),
    "as_strided_scatter": lambda: X().as_strided_scatter(
        torch_rand(2, 2), c(2, 2), c(1, 1)
    ),
    "backward": lambda: (X().requires_grad_() * 2.0).sum().backward(),
    "register_hook": lambda: X().requires_grad_().register_hook(lambda g: g),
    "retain_grad": lambda: (X().requires_grad_() * 2.0).retain_grad(),
    "bincount": lambda: L(1, 2, 2).bincount(),
    "bmm": lambda: B3().bmm(B3()),
    "broadcast_to": lambda: torch_rand(3).broadcast_to(c(2, 3)),
    "cholesky": lambda: SPD().cholesky(),
    "cholesky_inverse": lambda: SPD().cholesky().cholesky_inverse(),
    "cholesky_solve": lambda: X().cholesky_solve(SPD().cholesky()),
    "chunk": lambda: X().chunk(3),
    "clamp": lambda: X().clamp(min=0.5),
    "clamp_": lambda: X().clamp_(min=0.5),
    "clip": lambda: X().clip(max=0.5),
    "clip_": lambda: X().clip_(max=0.5),
    "cuda": None,
    "pin_memory": None,
    "is_pinned": lambda: X().is_pinned(),
    "diagonal_scatter": lambda: X().diagonal_scatter(torch_rand(3)),
    "dot": lambda: torch_rand(3).dot(torch_rand(3)),
    "vdot": lambda: torch_rand(3).vdot(torch_rand(3)),
    "ger": lambda: torch_rand(3).ger(torch_rand(3)),
    "outer": lambda: torch_rand(3).outer(torch_rand(3)),
    "mv": lambda: X().mv(torch_rand(3)),
    "dsplit": lambda: B3().dsplit(sections=1),
    "hsplit": lambda: X().hsplit(sections=1),
    "vsplit": lambda: X().vsplit(sections=1),
    "expand": lambda: torch_rand(3).expand(c(2, 3)),
    "fill_": lambda: X().fill_(1.0),
    "fill_diagonal_": lambda: X().fill_diagonal_(1.0),
    "float_power_": lambda: torch_rand(3, dtype=torch_double()).float_power_(2.0),
    "geometric_": lambda: X().geometric_(0.5),
    "hardshrink_backward": lambda: X().hardshrink_backward(X(), 0.5),
    "index": lambda: X().index([L(1, 2)]),
    "index_put": lambda: X().index_put([L(1, 2)], torch_tensor(0.0)),
    "index_put_": lambda: X().index_put_([L(1, 2)], torch_tensor(0.0)),
    "index_select": lambda: X().index_select(1, L(1, 2)),
    "index_add": lambda: X().index_add(1, L(1), torch_rand(1, 3)),
    "index_add_": lambda: X().index_add_(1, L(1), torch_rand(1, 3)),
    "index_copy": lambda: X().index_copy(1, L(1), torch_rand(1, 3)),
    "index_copy_": lambda: X().index_copy_(1, L(1), torch_rand(1, 3)),
    "index_fill": lambda: X().index_fill(1, L(1), 0.0),
    "index_fill_": lambda: X().index_fill_(1, L(1), 0.0),
    "index_reduce": lambda: X().index_reduce(1, L(1), torch_rand(1, 3), "prod"),
    "index_reduce_": lambda: X().index_reduce_(1, L(1), torch_rand(1, 3), "prod"),
    "gather": lambda: X().gather(1, torch_ones(3, 3, dtype=torch_long())),
    "scatter": lambda: X().scatter(1, torch_ones(1, 3, dtype=torch_long()), 0.0),
    "scatter_": lambda: X().scatter_(1, torch_ones(1, 3, dtype=torch_long()), 0.0),
    "scatter_add": lambda: X().scatter_add(
        1, torch_ones(1, 3, dtype=torch_long()), X()
    ),
    "scatter_add_": lambda: X().scatter_add_(
        1, torch_ones(1, 3, dtype=torch_long()), X()
    ),
    "scatter_reduce": lambda: X().scatter_reduce(
        1, torch_ones(1, 3, dtype=torch_long()), X(), "sum"
    ),
    "scatter_reduce_": lambda: X().scatter_reduce_(
        1, torch_ones(1, 3, dtype=torch_long()), X(), "sum"
    ),
    "take": lambda: X().take(L(1, 9)),
    "take_along_dim": lambda: X().take_along_dim(L(1).view(c(1, 1)), 1),
    "put": lambda: X().put(L(1), torch_tensor(c(0.0))),
    "put_": lambda: X().put_(L(1), torch_tensor(c(0.0))),
    "int_repr": lambda: torch_quantize_per_tensor(
        X(), 0.1, 10, torch_quint8()
    ).int_repr(),
    "q_per_channel_axis": None,
    "is_nonzero": lambda: torch_tensor(c(1.0)).is_nonzero(),
    "item": lambda: torch_tensor(c(1.0)).item(),
    "istft": lambda: torch_stft(
        torch_ones(64), 16, window=torch_hann_window(16), return_complex=True
    ).istft(16, window=torch_hann_window(16)),
    "kthvalue": lambda: X().kthvalue(2),
    "topk": lambda: X().topk(2),
    "bitwise_and": lambda: L(1, 2).bitwise_and(L(3, 3)),
    "bitwise_and_": lambda: L(1, 2).bitwise_and_(L(3, 3)),
    "bitwise_or": lambda: L(1, 2).bitwise_or(L(3, 3)),
    "bitwise_or_": lambda: L(1, 2).bitwise_or_(L(3, 3)),
    "bitwise_xor": lambda: L(1, 2).bitwise_xor(L(3, 3)),
    "bitwise_xor_": lambda: L(1, 2).bitwise_xor_(L(3, 3)),
    "bitwise_not": lambda: L(1, 2).bitwise_not(),
    "bitwise_not_": lambda: L(1, 2).bitwise_not_(),
    "bitwise_left_shift": lambda: L(1, 2).bitwise_left_shift(1),
    "bitwise_left_shift_": lambda: L(1, 2).bitwise_left_shift_(1),
    "bitwise_right_shift": lambda: L(1, 2).bitwise_right_shift(1),
    "bitwise_right_shift_": lambda: L(1, 2).bitwise_right_shift_(1),
    "gcd": lambda: L(4, 6).gcd(L(6, 9)),
    "gcd_": lambda: L(4, 6).gcd_(L(6, 9)),
    "lcm": lambda: L(4, 6).lcm(L(6, 9)),
    "lcm_": lambda: L(4, 6).lcm_(L(6, 9)),
    "lu_solve": lambda: torch_rand(3, 1).lu_solve(*torch_lu(SPD())),
    "masked_fill": lambda: X().masked_fill(X() > 0.5, 0.0),
    "masked_fill_": lambda: X().masked_fill_(X() > 0.5, 0.0),
    "masked_scatter": lambda: X().masked_scatter(X() > 0.5, X()),
    "masked_scatter_": lambda: X().masked_scatter_(X() > 0.5, X()),
    "masked_select": lambda: X().masked_select(X() > 0.5),
    "matrix_power": lambda: X().matrix_power(2),
    "multinomial": lambda: torch_tensor(c(0.5, 0.5)).multinomial(2),
    "mvlgamma": lambda: (X() + 2.0).mvlgamma(2),
    "mvlgamma_": lambda: (X() + 2.0).mvlgamma_(2),
    "polygamma": lambda: X().polygamma(1),
    "polygamma_": lambda: X().polygamma_(1),
    "nanquantile": lambda: X().nanquantile(0.5),
    "quantile": lambda: X().quantile(0.5),
    "narrow": lambda: X().narrow(1, 1, 2),
    "narrow_copy": lambda: X().narrow_copy(1, 1, 2),
    "new_empty": lambda: X().new_empty(c(2)),
    "new_empty_strided": lambda: X().new_empty_strided(c(2), c(1)),
    "new_full": lambda: X().new_full(c(2), 1.0),
    "new_ones": lambda: X().new_ones(c(2)),
    "new_zeros": lambda: X().new_zeros(c(2)),
    "new_tensor": lambda: X().new_tensor(c(1.0, 2.0)),
    "nonzero_static": lambda: X().nonzero_static(size=2),
    "orgqr": lambda: torch_geqrf(X())[0].orgqr(torch_geqrf(X())[1]),
    "ormqr": lambda: torch_geqrf(X())[0].ormqr(torch_geqrf(X())[1], X()),
    "permute": lambda: X().permute(c(2, 1)),
    "prelu": lambda: torch_rand(1, 3).prelu(torch_rand(3)),
    "repeat": lambda: X().repeat(c(1, 2)),
    "repeat_interleave": lambda: X().repeat_interleave(2),
    "reshape": lambda: X().reshape(c(9)),
    "reshape_as": lambda: X().reshape_as(X()),
    "resize_": lambda: X().resize_(c(9)),
    "resize_as_": lambda: X().resize_as_(X()),
    "roll": lambda: X().roll(1, 1),
    "select_scatter": lambda: X().select_scatter(torch_rand(3), 1, 1),
    "slice_scatter": lambda: X().slice_scatter(torch_rand(1, 3), 1, 1, 1),
    "split": lambda: X().split(1),
    "split_with_sizes": lambda: X().split_with_sizes(c(1, 2)),
    "unsafe_split_with_sizes": lambda: X().unsafe_split_with_sizes(c(1, 2)),
    "unsafe_chunk": lambda: X().unsafe_chunk(3),
    "unsafe_split": lambda: X().unsafe_split(1),
    "stft": lambda: torch_ones(64).stft(16, return_complex=True),
    "sum_to_size": lambda: X().sum_to_size(c(1, 3)),
    "tile": lambda: X().tile(c(2)),
    "to_padded_tensor": None,
    "unflatten": lambda: torch_rand(6).unflatten(1, c(2, 3)),
    "unfold": lambda: X().unfold(1, 2, 1),
    "view": lambda: X().view(c(9)),
    "view_as": lambda: X().view_as(X()),
    "view_as_complex": None,
    "expand_as": lambda: torch_rand(3).expand_as(X()),
    "movedim": lambda: X().movedim(1, 2),
    "moveaxis": lambda: X().moveaxis(1, 2),
    "renorm": lambda: X().renorm(2, 1, 1.0),
    "renorm_": lambda: X().renorm_(2, 1, 1.0),
    "sparse_mask": lambda: X().sparse_mask(_sparse2()),
    "sparse_resize_": None,
    "sparse_resize_and_clear_": None,
    "to_dense": lambda: _sparse().to_dense(),
    "_to_dense": lambda: _sparse()._to_dense(),
    "dequantize": lambda: torch_quantize_per_tensor(
        X(), 0.1, 10, torch_quint8()
    ).dequantize(),
    "q_scale": lambda: torch_quantize_per_tensor(
        X(), 0.1, 10, torch_quint8()
    ).q_scale(),
    "q_zero_point": lambda: torch_quantize_per_tensor(
        X(), 0.1, 10, torch_quint8()
    ).q_zero_point(),
    "qscheme": lambda: torch_quantize_per_tensor(
        X(), 0.1, 10, torch_quint8()
    ).qscheme(),
    "q_per_channel_scales": None,
    "q_per_channel_zero_points": None,
    "set_": lambda: X().set_(X()),
    "is_set_to": lambda: X().is_set_to(X()),
    "type": lambda: X().type(torch_double()),
    "to_mkldnn": None,
    "view_as_real": None,
    "record_stream": None,
    "absolute_": lambda: X().absolute_(),
    "arctan2_": lambda: X().arctan2_(X()),
    "copysign_": lambda: X().copysign_(X()),
    "nan_to_num_": lambda: X().nan_to_num_(),
    "resize_as_sparse_": lambda: _sparse().resize_as_sparse_(_sparse()),
    "select": lambda: X().select(1, 2),
    "smm": lambda: _sparse2().smm(X()),
    "sspaddmm": lambda: _sparse2().sspaddmm(_sparse2(), X()),
    "tensor_split": lambda: X().tensor_split(sections=1),
    "where": lambda: X().where(X() > 0.5, 0.0),
}


def _sparse():
    return torch_sparse_coo_tensor(
        torch_tensor(c(1, 2)).view(c(1, 2)), torch_tensor(c(1.0, 2.0)), c(3)
    ).coalesce()


def _sparse2():
    return torch_sparse_coo_tensor(
        torch_tensor(matrix(c(1, 2, 1, 2), nrow=2)), torch_tensor(c(1.0, 2.0)), c(3, 3)
    )


def _tmp_file():
    import tempfile

    return tempfile.NamedTemporaryFile(suffix=".pt", delete=False).name


def _provided_functions():
    return sorted(
        name
        for name in rtorch.__all__
        if name.startswith(_FAMILIES)
        and is_provided(getattr(rtorch, name))
        and callable(getattr(rtorch, name))
    )


def _provided_method_names():
    return sorted(name for name, ok in provided_methods(Tensor).items() if ok)


def _default_call(fn, skip_self=False):
    params = list(inspect.signature(fn).parameters.values())
    if skip_self:
        params = params[1:]
    args = [
        _argument(p.name)
        for p in params
        if p.default is inspect.Parameter.empty
        and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    return args


def _is_r_like(value):
    ok = (
        Tensor,
        list,
        tuple,
        dict,
        int,
        float,
        bool,
        str,
        bytes,
        complex,
        torch.Size,
        torch.dtype,
        torch.memory_format,
        torch.qscheme,
        torch.layout,
        torch.finfo,
        torch.iinfo,
        torch.Generator,
        type(None),
    )
    return isinstance(value, ok) or type(value).__module__.startswith("rtorch")


@pytest.mark.parametrize("name", _provided_functions())
def test_every_function_runs(name):
    if name.startswith("cuda_") and not torch.cuda.is_available():
        pytest.skip("needs a CUDA device")
    call = _FUNCTION_CALLS.get(name, False)
    if call is None:
        pytest.skip("needs hardware or a layout this CPU build lacks")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if call:
            out = call()
        else:
            fn = getattr(rtorch, name)
            out = fn(*_default_call(fn))
    assert _is_r_like(out), f"{name} returned {type(out).__name__}"


@pytest.mark.parametrize("name", _provided_method_names())
def test_every_method_runs(name):
    call = _METHOD_CALLS.get(name, False)
    if call is None:
        pytest.skip("needs hardware or a layout this CPU build lacks")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if call:
            out = call()
        else:
            method = getattr(Tensor, name)
            out = getattr(X(), name)(*_default_call(method, skip_self=True))
    assert _is_r_like(out), f"x${name}() returned {type(out).__name__}"
