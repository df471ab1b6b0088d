"""R's vector builders: c(), seq(), seq_len(), matrix(), array(), NA.

Expected values are R's own results (R documentation of c, seq, matrix, array;
DECISIONS.md porting contract).
"""

from __future__ import annotations

import numpy as np
import pytest

from rtorch import NA, RList, array, c, elt, matrix, seq, seq_len
from rtorch.errors import RValueError


@pytest.mark.parametrize(
    ("got", "expected"),
    [
        (c(1, 2, 3), [1, 2, 3]),  # R: c(1L, 2L, 3L)
        (c(1.5, c(2, 3), NA), [1.5, 2, 3, NA]),  # c() flattens
        (c(), []),
        (c(np.array([[1, 2], [3, 4]])), [1, 3, 2, 4]),  # arrays flatten column-major
        (seq(1, 9), list(range(1, 10))),  # R: 1:9
        (seq(3, 1), [3, 2, 1]),  # R: 3:1 counts down
        (seq(1, 9, by=2), [1, 3, 5, 7, 9]),
        (seq(0.5, 2.0, by=0.5), [0.5, 1.0, 1.5, 2.0]),
        (seq(0, 1, by=0.1)[-1], 1.0),  # R's 1e-10 fuzz reaches the end
        (seq(4), [1, 2, 3, 4]),  # R: seq(4) is 1:4
        (seq(0, 1, length_out=5), [0.0, 0.25, 0.5, 0.75, 1.0]),
        (seq_len(3), [1, 2, 3]),
        (seq_len(0), []),
    ],
)
def test_vector_builders_match_r(got, expected):
    assert got == expected


def test_seq_types_follow_r():
    # R: 1:5 and seq(1, 5) are integer, even from doubles; seq(1, 5, by = 0.5)
    # is double. DECISIONS: with by=, Python's types are kept.
    assert all(type(v) is int for v in seq(1, 5))
    assert seq(1.0, 5.0) == [1, 2, 3, 4, 5]
    assert all(type(v) is int for v in seq(1.0, 5.0))
    assert seq(1.5, 3.0) == [1.5, 2.5]
    assert all(type(v) is float for v in seq(1.0, 2.0, by=0.5))


def test_seq_wrong_direction_is_an_error():
    with pytest.raises(RValueError, match="wrong sign"):
        seq(1, 5, by=-1)


def test_matrix_fills_column_major():
    # R: matrix(1:6, nrow = 2) has rows 1 3 5 / 2 4 6.
    np.testing.assert_array_equal(matrix(seq(1, 6), nrow=2), [[1, 3, 5], [2, 4, 6]])


def test_matrix_byrow():
    # R: matrix(1:9, ncol = 3, byrow = TRUE) has rows 1 2 3 / 4 5 6 / 7 8 9.
    got = matrix(seq(1, 9), ncol=3, byrow=True)
    np.testing.assert_array_equal(got, [[1, 2, 3], [4, 5, 6], [7, 8, 9]])


def test_matrix_recycles_a_scalar():
    # R: matrix(1, nrow = 2, ncol = 4) is all ones.
    np.testing.assert_array_equal(matrix(1.0, nrow=2, ncol=4), np.ones((2, 4)))


def test_matrix_recycling_that_does_not_fit_warns():
    # R warns "data length [3] is not a sub-multiple or multiple of the number of rows".
    with pytest.warns(UserWarning, match="not a sub-multiple"):
        matrix(seq(1, 3), nrow=2, ncol=2)


def test_array_fills_column_major():
    # R: a <- array(1:24, dim = c(2, 3, 4)); a[2, 3, 4] is 24, a[1, 2, 1] is 3.
    a = array(seq(1, 24), dim=c(2, 3, 4))
    assert a.shape == (2, 3, 4)
    assert a[1, 2, 3] == 24
    assert a[0, 1, 0] == 3


def test_matrix_keeps_na_in_integer_data_as_object():
    m = matrix(c(1, NA, 3, 4), nrow=2)
    assert m.dtype == object
    assert m[1, 0] is NA


def test_na_has_no_truth_value():
    with pytest.raises(RValueError, match="is_na"):
        bool(NA)


def test_rlist_unpacks_and_elt_is_one_based():
    res = RList(("values", "indices"))
    values, indices = res
    assert (values, indices) == ("values", "indices")
    assert elt(res, 1) == "values"
    assert elt(res, 2) == "indices"
    assert elt(res, -1) == "indices"
    with pytest.raises(RValueError, match="out of bounds"):
        elt(res, 3)
    with pytest.raises(RValueError):
        elt(res, 0)


@pytest.mark.parametrize(
    ("got", "expected"),
    [
        (seq(0), [1, 0]),  # R: seq(0) is 1:0
        (seq(-1), [1, 0, -1]),  # R: seq(-1) is 1:-1
        (seq(2.5), [1, 2]),  # R: seq(2.5) is 1:2
        (seq(1, by=2, length_out=3), [1, 3, 5]),  # R: seq(1, by = 2, length.out = 3)
    ],
)
def test_seq_single_argument_and_by_length(got, expected):
    assert got == expected


def test_empty_matrix_keeps_the_data_type():
    # R: typeof(matrix(1.0, 0, 3)) is "double".
    m = matrix(1.0, nrow=0, ncol=3)
    assert m.shape == (0, 3) and m.dtype == np.float64
    assert matrix(seq(1, 4), nrow=2.0).shape == (2, 2)


def test_seq_refuses_na():
    with pytest.raises(RValueError, match="must be a number"):
        seq(NA, 2)
