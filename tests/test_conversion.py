"""R value -> tensor and back (semantics sections 2 and 3, DECISIONS 3).

Each row cites the rtorch-cases.jsonl case id or the spec section it copies.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
import torch

from rtorch import (
    NA,
    array,
    as_array,
    as_complex,
    as_integer,
    as_logical,
    as_matrix,
    as_numeric,
    c,
    matrix,
    seq,
    torch_bool,
    torch_cdouble,
    torch_cfloat,
    torch_complex,
    torch_double,
    torch_float,
    torch_float16,
    torch_float64,
    torch_long,
    torch_ones,
    torch_tensor,
    torch_tensor_from_buffer,
    torch_uint8,
    torch_zeros,
)
from rtorch.errors import RTypeError, RValueError


@pytest.mark.parametrize(
    ("data", "dtype", "shape"),
    [
        (c(0.5, 2.0), torch.float32, (2,)),  # conv-double-to-float32
        (c(-3, 0, 7), torch.int64, (3,)),  # conv-integer-to-long
        (c(True, False), torch.bool, (2,)),  # 2.1: logical -> bool
        (1.5, torch.float32, (1,)),  # 2.3: length 1 is shape (1), not 0-d
        (7, torch.int64, (1,)),
        (None, torch.bool, (0,)),  # idx-null-tensor: NULL -> bool, shape 0
        (c(2 + 0.5j, -1 + 3j), torch.complex64, (2,)),  # conv-complex
        (np.array([4, 5, 6], dtype=np.int64), torch.int64, (3,)),  # conv-integer64
        (np.frombuffer(b"abc xyz", dtype=np.uint8), torch.uint8, (7,)),  # raw
        (np.array([1.0, 2.0]), torch.float32, (2,)),  # NumPy double -> float32
        (matrix(seq(1, 6), nrow=2), torch.int64, (2, 3)),  # conv-integer-matrix
    ],
)
def test_default_dtype_and_shape(data, dtype, shape):
    t = torch_tensor(data)
    assert t.torch.dtype == dtype
    assert tuple(t.shape) == shape


def test_explicit_dtype_overrides_default():
    # conv-double-explicit, conv-half-string-dtype, conv-complex-double
    assert torch_tensor(c(3.0, 4.0), dtype=torch_float64()).dtype == torch_double()
    assert torch_tensor(c(0.5, 3.0), dtype="half").dtype == torch_float16()
    assert torch_tensor(-2 + 1.5j, dtype=torch_cdouble()).dtype == torch_cdouble()
    assert torch_tensor(c(1.0), dtype=torch_float()).dtype == torch_float()


def test_cast_after_conversion_truncates():
    # 2.4: torch_tensor(1.7, dtype = torch_long()) truncates to 1.
    assert torch_tensor(1.7, dtype=torch_long()).item() == 1


def test_matrix_keeps_its_layout():
    # conv-matrix-roundtrip: rows 1.5 4.5 / 2.5 5.5 / 3.5 6.5.
    m = matrix(c(1.5, 2.5, 3.5, 4.5, 5.5, 6.5), nrow=3)
    t = torch_tensor(m)
    assert tuple(t.shape) == (3, 2)
    np.testing.assert_array_equal(as_array(t), [[1.5, 4.5], [2.5, 5.5], [3.5, 6.5]])


def test_array_keeps_its_layout():
    # conv-array-roundtrip: a[1,2,1] = 1.5, a[2,3,2] = 6, a[2,1,2] = 4.
    a = array(seq(0.5, 6.0, by=0.5), dim=c(2, 3, 2))
    values = as_array(torch_tensor(a))
    assert values.shape == (2, 3, 2)
    assert (values[0, 1, 0], values[1, 2, 1], values[1, 0, 1]) == (1.5, 6.0, 4.0)


def test_logical_matrix_layout():
    # conv-logical-roundtrip: t[1, 3] is TRUE, t[2, 3] is FALSE.
    t = torch_tensor(matrix(c(True, False, False, True, True, False), nrow=2))
    assert t.dtype == torch_bool()
    assert as_array(t)[0, 2] and not as_array(t)[1, 2]


def test_float64_holds_doubles_exactly():
    # conv-readme-float64-identical
    values = [0.1, 0.2, 1 / 3, 2 / 3, 0.7, 1e-10, 123.456, math.pi]
    y = torch_tensor(array(values, dim=c(2, 2, 2)), dtype=torch_float64())
    assert as_array(y).ravel(order="F").tolist() == values


def test_nonfinite_values_survive():
    # conv-nonfinite
    got = as_array(torch_tensor(c(math.inf, 1.0, math.nan, -math.inf)))
    np.testing.assert_array_equal(got, [math.inf, 1.0, math.nan, -math.inf])


def test_large_int64_round_trip_is_exact():
    # conv-large-int64-roundtrip and conv-int-max
    assert as_array(torch_tensor(6000000000)).tolist() == [6000000000]
    assert torch_tensor(-2147483647).item() == -2147483647


def test_na_in_doubles_becomes_nan():
    # 2.2: NA_real_ becomes NaN.
    got = as_array(torch_tensor(c(1.5, NA, 3.0)))
    assert math.isnan(got[1]) and got[0] == 1.5


@pytest.mark.parametrize("data", [c(1, NA, 3), c(True, NA), NA])
def test_na_in_integer_or_logical_data_is_an_error(data):
    # DECISIONS 3: never the silent -2147483648 or TRUE of R torch.
    with pytest.raises(RValueError, match="dtype=torch_float"):
        torch_tensor(data)


def test_na_in_integer_data_with_a_float_dtype_becomes_nan():
    # DECISIONS 3: the fix the error names.
    got = as_array(torch_tensor(c(1, NA, 3), dtype=torch_float()))
    assert got[0] == 1 and math.isnan(got[1]) and got[2] == 3


def test_na_into_an_integer_dtype_is_an_error_even_from_doubles_intent():
    with pytest.raises(RValueError, match="NA"):
        torch_tensor(c(1, NA), dtype=torch_long())


@pytest.mark.parametrize("data", ["a", c("a", "b"), np.array(["x"])])
def test_strings_are_refused_with_a_fix(data):
    # 2.1: R torch "R type not handled"; the message says what to do.
    with pytest.raises(RTypeError, match="R type not handled.*factor"):
        torch_tensor(data)


def test_data_frame_is_refused_with_a_pointer():
    with pytest.raises(RTypeError, match="df_to_tensor"):
        torch_tensor(pd.DataFrame({"a": [1.0]}))


def test_factor_becomes_one_based_codes_in_level_order():
    # 2.1: a factor is its integer codes; levels keep their own order.
    f = pd.Categorical(["b", "a", "c", "a"], categories=["c", "b", "a"], ordered=True)
    t = torch_tensor(pd.Series(f))
    assert t.dtype == torch_long()
    assert as_array(t).tolist() == [2, 3, 1, 3]


def test_factor_with_missing_value_needs_a_float_dtype():
    f = pd.Categorical(["a", None, "b"])
    with pytest.raises(RValueError, match="NA"):
        torch_tensor(f)
    got = as_array(torch_tensor(f, dtype=torch_float()))
    assert got[0] == 1 and math.isnan(got[1]) and got[2] == 2


def test_dates_become_days_since_1970():
    # 2.1: Date -> days since 1970-01-01 (as.numeric(as.Date("2011-12-20")) = 15328).
    dates = pd.Series(pd.to_datetime(["1970-01-01", "2011-12-20"]))
    assert as_array(torch_tensor(dates)).tolist() == [0.0, 15328.0]
    assert as_array(torch_tensor([dt.date(1970, 1, 2)])).tolist() == [1.0]


def test_series_gives_its_values():
    s = pd.Series([0.71, 0.63], index=pd.period_range("1960Q1", periods=2, freq="Q"))
    got = torch_tensor(s)
    assert got.dtype == torch_float()
    np.testing.assert_allclose(as_array(got), [0.71, 0.63], rtol=1e-6)


def test_tensor_from_tensor_is_an_independent_copy():
    # conv-tensor-from-tensor
    a = torch_tensor(c(2.0, 4.0))
    b = torch_tensor(a)
    b.torch[0] = 0.0
    assert as_array(a).tolist() == [2.0, 4.0]
    assert as_array(b).tolist() == [0.0, 4.0]


def test_numpy_input_is_not_shared():
    data = np.array([1.0, 2.0])
    t = torch_tensor(data, dtype=torch_double())
    t.add_(1.0)
    assert data.tolist() == [1.0, 2.0]


def test_from_buffer_shares_memory():
    # conv-from-buffer
    buf = np.array([1.0, 2.0, 4.0])
    y = torch_tensor_from_buffer(buf, shape=3, dtype="float64")
    y.add_(1.0)
    assert buf.tolist() == [2.0, 3.0, 5.0]


@pytest.mark.parametrize(
    ("tensor", "expected"),
    [
        (torch_tensor(-4.0), -4.0),  # conv-item-float
        (torch_tensor(12), 12),  # conv-item-int
        (torch_tensor(False), False),  # conv-item-bool
        (torch_tensor(0.25), 0.25),  # conv-item-fraction
        (torch_tensor(0.1, dtype=torch_double()), 0.1),  # conv-item-double
    ],
)
def test_item(tensor, expected):
    got = tensor.item()
    assert got == expected and type(got) is type(expected)


def test_as_array_kinds():
    # Section 3: float32 widens to double, int64 stays exact, bool stays logical.
    assert as_array(torch_tensor(c(0.1))).dtype == np.float64
    assert as_array(torch_tensor(c(1, 2))).dtype == np.int64
    assert as_array(torch_tensor(c(True))).dtype == np.bool_
    assert as_array(torch_tensor(c(1))).shape == (1,)  # a vector, no dim
    raw = as_array(torch_tensor(np.frombuffer(b"abc xyz", dtype=np.uint8)))
    assert raw.tobytes().decode() == "abc xyz"  # conv-raw-to-byte


def test_as_array_of_float32_is_the_widened_value():
    # Section 3: torch_tensor(0.1) reads back as 0.100000001490116.
    assert as_array(torch_tensor(0.1))[0] == pytest.approx(0.100000001490116, abs=1e-15)


def test_as_array_detaches_grad_tensors():
    x = torch_tensor(c(1.0, 2.0), requires_grad=True)
    assert as_array(x * 3.0).tolist() == [3.0, 6.0]


def test_as_array_refuses_sparse_tensors():
    # conv-sparse-as-array-error
    sparse = torch_tensor(torch.eye(2).to_sparse())
    with pytest.raises(RTypeError, match="Sparse tensors are not supported"):
        as_array(sparse)


def test_as_array_refuses_dtypes_r_lacks():
    # Section 3: int16 has no R type; the message says how to convert.
    with pytest.raises(RTypeError, match="not handled.*x.to"):
        as_array(torch_zeros(2, dtype="int16"))


def test_as_star_flatten_column_major():
    # conv-as-star: rows 1.5 3.5 5.5 / 2.5 4.5 6.5 flatten as 1, 2, 3, 4, 5, 6.
    t = torch_tensor(matrix(c(1.5, 2.5, 3.5, 4.5, 5.5, 6.5), nrow=2))
    assert as_integer(t).tolist() == [1, 2, 3, 4, 5, 6]
    assert as_logical(t > 3.0).tolist() == [False, False, True, True, True, True]
    assert as_numeric(t).tolist() == [1.5, 2.5, 3.5, 4.5, 5.5, 6.5]


def test_as_matrix():
    # conv-as-matrix-2d and conv-as-matrix-3d
    assert as_matrix(torch_ones(3, 2)).shape == (3, 2)
    assert as_matrix(torch_zeros(2, 3, 2)).shape == (12, 1)


def test_as_complex():
    # conv-as-complex and conv-complex
    assert as_complex(torch_complex(3.0, -2.0)) == 3 - 2j
    z = torch_tensor(c(2 + 0.5j, -1 + 3j))
    assert z.dtype == torch_cfloat()
    assert as_array(z.real).tolist() == [2.0, -1.0]
    assert as_array(z.imag).tolist() == [0.5, 3.0]


def test_uint8_dtype_name():
    assert torch_tensor(np.zeros(1, dtype=np.uint8)).dtype == torch_uint8()


# -- defects found by adversarial testing, pinned ------------------------------


def test_float_series_with_nan_converts():
    # 2.2: NA_real_ becomes NaN (a float64 Series with NaN is R's double with NA).
    got = as_array(torch_tensor(pd.Series([1.5, math.nan, 3.0])))
    assert got[0] == 1.5 and math.isnan(got[1]) and got[2] == 3.0


def test_nullable_integer_series():
    # DECISIONS 3: integer NA is an error for an int64 tensor, NaN for a float one.
    s = pd.Series([1, None, 3], dtype="Int64")
    with pytest.raises(RValueError, match="NA"):
        torch_tensor(s)
    got = as_array(torch_tensor(s, dtype=torch_float()))
    assert got[0] == 1 and math.isnan(got[1]) and got[2] == 3
    assert torch_tensor(pd.Series([4, 5], dtype="Int64")).dtype == torch_long()


@pytest.mark.parametrize("dtype", ["long", "bool", "int"])
def test_nan_into_an_integer_or_bool_dtype_is_an_error(dtype):
    # DECISIONS 3: never a valid-looking integer or TRUE from NA.
    with pytest.raises(RValueError, match="NA"):
        torch_tensor(c(1.0, NA), dtype=dtype)


def test_all_na_vector_is_logical_na():
    # R: c(NA, NA) is logical; logical NA cannot become bool (DECISIONS 3).
    with pytest.raises(RValueError, match="NA"):
        torch_tensor(c(NA, NA))


def test_none_in_a_list_is_na():
    got = as_array(torch_tensor([1.5, None]))
    assert got[0] == 1.5 and math.isnan(got[1])


def test_zero_d_numpy_value_is_a_length_1_vector():
    # 2.3: a single value gives shape (1), not 0-d.
    assert tuple(torch_tensor(np.array(2.5)).shape) == (1,)


def test_masked_array_cells_are_na():
    masked = np.ma.masked_array([1.0, 2.0, 3.0], mask=[False, True, False])
    got = as_array(torch_tensor(masked))
    assert got[0] == 1.0 and math.isnan(got[1]) and got[2] == 3.0
    with pytest.raises(RValueError, match="NA"):
        torch_tensor(np.ma.masked_array([1, 2], mask=[True, False]))


def test_unsigned_numpy_arrays_become_int64_or_refuse():
    assert torch_tensor(np.array([1, 2], dtype=np.uint32)).dtype == torch_long()
    with pytest.raises(RValueError, match="do not fit int64"):
        torch_tensor(np.array([2**64 - 1], dtype=np.uint64))


def test_integers_beyond_int64_are_refused():
    with pytest.raises(RValueError, match="too large for int64"):
        torch_tensor(2**63)


def test_decimal_and_other_objects_are_named():
    from decimal import Decimal

    with pytest.raises(RTypeError, match="Decimal"):
        torch_tensor([Decimal("1.5")])


def test_dates_far_from_1970_do_not_overflow():
    # as.numeric(as.Date("2500-01-01")) is 193579 days.
    s = pd.Series([pd.Timestamp("2500-01-01")], dtype="datetime64[s]")
    assert as_array(torch_tensor(s, dtype=torch_double())).tolist() == [193579.0]


def test_date_times_in_float32_warn():
    # 2.1: near 1.7e9 s float32 spacing is 128 s; 2024-01-01 00:00:01 UTC rounds.
    from rtorch import LossyConversionWarning

    s = pd.Series(pd.to_datetime(["2024-01-01 00:00:01"]).tz_localize("UTC"))
    with pytest.warns(LossyConversionWarning, match="float32 cannot"):
        got = as_array(torch_tensor(s))
    assert got.tolist() == [1704067200.0]
    assert as_array(torch_tensor(s, dtype=torch_double())).tolist() == [1704067201.0]
