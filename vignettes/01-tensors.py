# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Tensors
#
# A tensor is an array of numbers that knows three things about itself: the
# type of its numbers (its *dtype*), where it lives (its *device*: the CPU or
# a GPU) and its *shape*. Everything torch does, from adding two numbers to
# training a network, is an operation on tensors.
#
# This notebook builds tensors from R values, from recipes and from data sets,
# then computes with them, summarises them, indexes, reshapes and broadcasts
# them. Each step shows the R torch code in a grey box, then the same code in
# rtorch, then its output. rtorch runs on PyTorch but follows R torch's rules,
# and where those differ from PyTorch's the text says so.

# %%
import numpy as np
import pandas as pd

from rtorch import *
from rtorch import base as rb

# %% [markdown]
# ## What is a tensor?
#
# ```r
# t1 <- torch_tensor(2)
# t1
# list(t1$dtype, t1$device, t1$shape)
# ```
#
# `2` is an R double, and R torch turns R doubles into 32-bit floats. A single
# R number is a vector of length one, so the tensor has shape `(1)`. Both are
# R torch rules that surprise PyTorch users: `torch.tensor(2.0)` in PyTorch is a
# 0-dimensional tensor. In the port, `2.0` is the R double (a Python `2` would
# be R's integer `2L`).

# %%
t1 = torch_tensor(2.0)
t1

# %%
[t1.dtype, t1.device, t1.shape]

# %%
assert t1.dtype == torch_float()
assert tuple(t1.shape) == (1,)

# %% [markdown]
# An R integer gives a 64-bit integer tensor, `torch_Long`:
#
# ```r
# torch_tensor(2L)$dtype
# #> torch_Long
# ```

# %%
t2 = torch_tensor(2)
t2.dtype

# %%
assert t2.dtype == torch_long()

# %% [markdown]
# `$to()` converts the dtype, the device, or both. Its first argument is the
# dtype:
#
# ```r
# t1$to(dtype = torch_float64())
# t1$to(device = "cpu")
# ```

# %%
t1.to(dtype=torch_float64())

# %%
assert t1.to(dtype=torch_float64()).dtype == torch_float64()
assert t1.to(device="cpu").device == torch_device("cpu")

# %% [markdown]
# A tensor's shape can change without touching its values. The one-element
# vector becomes a 1 × 1 matrix with `$view()`:
#
# ```r
# t1$view(c(1, 1))
# ```

# %%
t1.view(c(1, 1))

# %%
assert tuple(t1.view(c(1, 1)).shape) == (1, 1)

# %% [markdown]
# ## Tensors from values
#
# ### Vectors and matrices
#
# ```r
# torch_tensor(c(0.5, 1.5, 2.5))
# torch_tensor(matrix(1:6, nrow = 2))
# torch_tensor(matrix(1:6, nrow = 2, byrow = TRUE))
# ```
#
# An R matrix keeps its layout: row `i`, column `j` of the matrix is row `i`,
# column `j` of the tensor. R fills a matrix column by column unless told
# `byrow = TRUE`, and rtorch's `matrix()` does the same.

# %%
torch_tensor(c(0.5, 1.5, 2.5))

# %%
by_column = torch_tensor(matrix(seq(1, 6), nrow=2))
by_column

# %%
by_row = torch_tensor(matrix(seq(1, 6), nrow=2, byrow=True))
by_row

# %%
assert as_array(by_column).tolist() == [[1, 3, 5], [2, 4, 6]]
assert as_array(by_row).tolist() == [[1, 2, 3], [4, 5, 6]]

# %% [markdown]
# ### Arrays, and why they print differently
#
# ```r
# a <- array(1:12, dim = c(2, 3, 2))
# a
# torch_tensor(a)
# ```
#
# R prints a 3-d array as a series of matrices, one for each value of the
# **last** index: `, , 1` is `a[, , 1]`, a 2 × 3 matrix.
#
# ```
# , , 1
#
#      [,1] [,2] [,3]
# [1,]    1    3    5
# [2,]    2    4    6
#
# , , 2
#
#      [,1] [,2] [,3]
# [1,]    7    9   11
# [2,]    8   10   12
# ```
#
# A tensor prints one matrix for each value of the **first** index instead:
# `(1,.,.)` is `x[1, , ]`, a 3 × 2 matrix. The numbers are the same and in
# the same places (`a[2, 3, 1]` and `x[2, 3, 1]` are both 6); only the
# slicing used for display differs. libtorch stores the last index fastest,
# R the first, so each prints the slices that are natural to it.

# %%
a = array(seq(1, 12), dim=c(2, 3, 2))
x = torch_tensor(a)
x

# %%
assert x[2, 3, 1].item() == 6
assert as_array(x[1, :, :]).tolist() == [[1, 7], [3, 9], [5, 11]]
assert as_array(x[:, :, 1]).tolist() == [[1, 3, 5], [2, 4, 6]]

# %% [markdown]
# ## Tensors from specifications
#
# Often we want a tensor of a given shape filled by a rule: random normal
# (`randn`) or uniform (`rand`) values, ones, zeros, an identity matrix, or a
# diagonal matrix with chosen entries. With a fixed seed the random numbers
# repeat from run to run (and equal PyTorch's for the same seed).
#
# ```r
# torch_manual_seed(2024)
# torch_randn(2, 3)
# torch_rand(2, 3)
# torch_ones(2, 2)
# torch_zeros(2, 2)
# torch_eye(3)
# torch_diag(c(2, 3, 4))
# ```

# %%
torch_manual_seed(2024)
normal = torch_randn(2, 3)
normal

# %%
uniform = torch_rand(2, 3)
uniform

# %%
torch_eye(3)

# %%
diagonal = torch_diag(c(2.0, 3.0, 4.0))
diagonal

# %%
assert tuple(normal.shape) == (2, 3)
assert bool(rb.all(uniform >= 0.0)) and bool(rb.all(uniform < 1.0))
assert as_array(torch_ones(2, 2)).tolist() == [[1.0, 1.0], [1.0, 1.0]]
assert as_array(torch_zeros(2, 2)).tolist() == [[0.0, 0.0], [0.0, 0.0]]
assert np.array_equal(as_array(torch_eye(3)), np.eye(3))
assert np.array_equal(as_array(diagonal), np.diag([2.0, 3.0, 4.0]))

# %% [markdown]
# ## Tensors from data sets
#
# R's data sets come with `rtorch.datasets`, offline, with their R classes
# restored (a quarterly time series, an ordered factor, dates, integer
# columns with `NA`).
#
# ### A time series: `JohnsonJohnson`
#
# Quarterly earnings per Johnson & Johnson share, 1960 to 1980. A `ts` is a
# numeric vector with a time index; the tensor keeps the 84 numbers.
#
# ```r
# jj <- torch_tensor(JohnsonJohnson)
# jj[1:4]
# ```

# %%
from rtorch.datasets import JohnsonJohnson, Orange, okc_like

jj = torch_tensor(JohnsonJohnson)
jj[1:4]

# %%
assert tuple(jj.shape) == (84,)
np.testing.assert_allclose(as_array(jj[1:4]), [0.71, 0.63, 0.85, 0.44], rtol=1e-6)

# %% [markdown]
# ### A factor: `Orange`
#
# Five orange trees, their age in days and trunk circumference in mm. `Tree`
# is an *ordered factor* whose levels are sorted by the trees' final size:
# `3 < 1 < 5 < 2 < 4`. Converting a factor gives its integer codes, the
# position of each value among the levels, so tree "1" becomes **2**, not 1.
#
# ```r
# levels(Orange$Tree)
# tree <- torch_tensor(as.integer(Orange$Tree))
# tree[1:3]
# torch_tensor(as.matrix(Orange[, c("age", "circumference")]))[1:3, ]
# ```
#
# In rtorch, `torch_tensor()` applied to a factor column gives those codes
# directly; `as.matrix()` on the numeric columns is `.to_numpy()` in pandas.

# %%
print(list(Orange["Tree"].cat.categories))
tree = torch_tensor(Orange["Tree"])
tree[1:3]

# %%
measurements = torch_tensor(Orange[["age", "circumference"]].to_numpy())
measurements[1:3, :]

# %%
assert list(Orange["Tree"].cat.categories) == ["3", "1", "5", "2", "4"]
assert as_array(tree[1:3]).tolist() == [2, 2, 2]
assert measurements.dtype == torch_float()
assert as_array(measurements[1, :]).tolist() == [118.0, 30.0]

# %% [markdown]
# ### Dates, text and missing values: an okc-like frame
#
# `okc_like` is a small synthetic data frame shaped like the dating-profile
# data the book uses: an integer `age`, a factor `diet` with `NA`, an integer
# `height` with `NA`, a character `location`, a `Date` and a two-level
# factor `Class`.
#
# * A `Date` becomes the number of days since 1970-01-01.
# * Text cannot go into a tensor: turn it into a factor first.
# * `NA` in *integer* data has no integer tensor equivalent. R torch silently
#   stores a huge negative number there; rtorch refuses with an error that
#   says how to fix it (ask for a floating dtype, where `NA` becomes `NaN`).
#
# ```r
# torch_tensor(okc$date)[1:2]
# torch_tensor(okc$location)     # an error: tensors hold no strings
# height <- torch_tensor(okc$height, dtype = torch_float())
# torch_nanquantile(height, 0.5)
# ```

# %%
okc = okc_like
days = torch_tensor(okc["date"])
days[1:2]

# %%
first_day = (pd.Timestamp(okc["date"].iloc[0]) - pd.Timestamp("1970-01-01")).days
assert as_array(days[1]).tolist() == [float(first_day)]

# %%
try:
    torch_tensor(okc["location"])
except (TypeError, ValueError) as error:
    print(type(error).__name__, ":", error)

# %%
try:
    torch_tensor(okc["height"])
except ValueError as error:
    print(error)

# %%
height = torch_tensor(okc["height"], dtype=torch_float())
print(int(rb.sum(torch_isnan(height)).item()), "missing heights")
torch_nanquantile(height, 0.5)

# %% [markdown]
# `torch_nanquantile()` skips the `NaN`s, like R's
# `quantile(x, 0.5, na.rm = TRUE)`, and interpolates linearly between order
# statistics as R's default quantile type does. pandas' `quantile()` (which
# skips missing values too) must agree:

# %%
np.testing.assert_allclose(
    torch_nanquantile(height, 0.5).item(), okc["height"].quantile(0.5), rtol=1e-6
)

# %% [markdown]
# ## Operations
#
# Most operations exist twice: as a function `torch_xxx(a, b)` and as a method
# `a$xxx(b)`. A method whose name ends in `_` works *in place*: it changes the
# tensor itself (and returns it).
#
# ```r
# u <- torch_tensor(c(1, 2, 3))
# v <- torch_tensor(c(10, 20, 30))
# torch_add(u, v)
# u$add(v)
# u          # unchanged
# u$add_(v)
# u          # changed
# ```

# %%
u = torch_tensor(c(1.0, 2.0, 3.0))
v = torch_tensor(c(10.0, 20.0, 30.0))
torch_add(u, v)

# %%
u.add(v)
assert as_array(u).tolist() == [1.0, 2.0, 3.0]
u.add_(v)
u

# %%
assert as_array(u).tolist() == [11.0, 22.0, 33.0]

# %% [markdown]
# Products come in three kinds. `torch_multiply()` (or `*`) multiplies element
# by element. `torch_dot()` takes two vectors to one number. `torch_matmul()`
# (R's `%*%`, Python's `@`) is the matrix product.
#
# ```r
# p <- torch_tensor(c(1, 2))
# q <- torch_tensor(c(3, 4))
# torch_multiply(p, q)    # 3 8
# torch_dot(p, q)         # 11
# m <- torch_tensor(matrix(c(1, 2, 3, 4), nrow = 2, byrow = TRUE))
# torch_matmul(m, q)      # 11 25
# m * m                   # element-wise
# m %*% m                 # matrix product
# ```

# %%
p = torch_tensor(c(1.0, 2.0))
q = torch_tensor(c(3.0, 4.0))
torch_multiply(p, q)

# %%
torch_dot(p, q)

# %%
m = torch_tensor(matrix(c(1.0, 2.0, 3.0, 4.0), nrow=2, byrow=True))
torch_matmul(m, q)

# %%
m @ m

# %%
assert as_array(torch_multiply(p, q)).tolist() == [3.0, 8.0]
assert torch_dot(p, q).item() == 11.0
assert p.dot(q).item() == 11.0
assert as_array(torch_matmul(m, q)).tolist() == [11.0, 25.0]
assert as_array(m * m).tolist() == [[1.0, 4.0], [9.0, 16.0]]
assert as_array(m @ m).tolist() == [[7.0, 10.0], [15.0, 22.0]]

# %% [markdown]
# ## Summaries over dimensions
#
# `dim =` names the dimension that is **summarised away**. For a matrix,
# `dim = 1` runs down the rows and leaves one value per column: column sums,
# like R's `colSums(m)` or `apply(m, 2, sum)`. `dim = 2` gives row sums.
#
# ```r
# scores <- torch_tensor(matrix(c(1, 2, 3, 4, 5, 6), nrow = 2, byrow = TRUE))
# scores$sum(dim = 1)   # 5 7 9
# scores$sum(dim = 2)   # 6 15
# ```

# %%
scores = torch_tensor(matrix(c(1.0, 2.0, 3.0, 4.0, 5.0, 6.0), nrow=2, byrow=True))
scores.sum(dim=1)

# %%
scores.sum(dim=2)

# %%
assert as_array(scores.sum(dim=1)).tolist() == [5.0, 7.0, 9.0]
assert as_array(scores.sum(dim=2)).tolist() == [6.0, 15.0]

# %% [markdown]
# The same idea scales to more dimensions. Say we measured 3 features (heart
# rate, temperature, steps) for 4 people at 5 times. Averaging over people
# (`dim = 1`) leaves a 5 × 3 time-by-feature table; averaging over people and
# time (`dim = c(1, 2)`) leaves one mean per feature.
#
# ```r
# torch_manual_seed(1)
# readings <- torch_randn(4, 5, 3)
# readings$mean(dim = 1)$shape          # 5 3
# readings$mean(dim = c(1, 2))$shape    # 3
# ```

# %%
torch_manual_seed(1)
readings = torch_randn(4, 5, 3)
per_time = readings.mean(dim=1)
per_feature = readings.mean(dim=c(1, 2))
per_feature

# %%
assert tuple(per_time.shape) == (5, 3)
assert tuple(per_feature.shape) == (3,)
np.testing.assert_allclose(
    as_array(per_feature), as_array(readings).mean(axis=(0, 1)), rtol=1e-5
)

# %% [markdown]
# ## Indexing and slicing
#
# ### Thinking like R
#
# Indices start at 1, ranges include both ends, an empty position means
# "everything", and a single index drops its dimension unless you say
# `drop = FALSE`. In Python an empty position is written `:`, and
# `drop = FALSE` becomes the `.nodrop` view.
#
# ```r
# grid <- torch_tensor(matrix(1:12, nrow = 3, byrow = TRUE))
# grid[1, ]                 # first row, a vector
# grid[, 2]                 # second column
# grid[2:3, 3:4]            # a 2 x 2 block
# grid[1, , drop = FALSE]   # first row, still a 1 x 4 matrix
# ```

# %%
grid = torch_tensor(matrix(seq(1, 12), nrow=3, byrow=True))
grid[1, :]

# %%
grid[2:3, 3:4]

# %%
grid.nodrop[1, :]

# %%
assert as_array(grid[1, :]).tolist() == [1, 2, 3, 4]
assert as_array(grid[:, 2]).tolist() == [2, 6, 10]
assert as_array(grid[2:3, 3:4]).tolist() == [[7, 8], [11, 12]]
assert tuple(grid.nodrop[1, :].shape) == (1, 4)

# %% [markdown]
# ### Beyond R
#
# Some index forms mean something else in torch than in base R:
#
# * `-1` is the **last** element (in base R, `x[-1]` drops the first).
# * `start:end:step` takes every `step`-th element.
# * `..` stands for "all remaining dimensions" (Python: `...`).
#
# ```r
# grid[-1, ]        # the last row
# grid[1, 1:4:2]    # elements 1 and 3 of the first row
# cube <- torch_zeros(2, 3, 4)
# cube[.., 1]$shape # 2 3
# ```

# %%
grid[-1, :]

# %%
grid[1, 1:4:2]

# %%
cube = torch_zeros(2, 3, 4)
assert as_array(grid[-1, :]).tolist() == [9, 10, 11, 12]
assert as_array(grid[1, 1:4:2]).tolist() == [1, 3]
assert tuple(cube[..., 1].shape) == (2, 3)

# %% [markdown]
# ## Reshaping
#
# `$view()` gives a new shape for the **same memory**: no numbers are copied,
# only the *strides* change (how many elements to skip to move one step
# along each dimension). `$reshape()` does the same when it can and copies
# when it must.
#
# ```r
# flat <- torch_tensor(1:6)
# two_by_three <- flat$view(c(2, 3))
# two_by_three$stride()                       # 3 1
# flat$storage()$data_ptr() == two_by_three$storage()$data_ptr()   # TRUE
# ```

# %%
flat = torch_tensor(seq(1, 6))
two_by_three = flat.view(c(2, 3))
two_by_three

# %%
print(two_by_three.stride())
assert tuple(two_by_three.stride()) == (3, 1)
assert flat.storage().data_ptr() == two_by_three.storage().data_ptr()

# %% [markdown]
# Transposing only swaps the strides, so the result is no longer laid out
# row after row in memory (not *contiguous*). `$view()` cannot flatten such a
# tensor and says so; `$reshape()` copies it into fresh memory.
#
# ```r
# turned <- two_by_three$t()
# turned$is_contiguous()    # FALSE
# turned$view(6)
# #> Error: view size is not compatible with input tensor's size and stride ...
# turned$reshape(6)         # 1 4 2 5 3 6, in new memory
# ```

# %%
turned = two_by_three.t()
print(turned.stride(), turned.is_contiguous())
try:
    turned.view(6)
except RuntimeError as error:
    view_error = str(error)
print(view_error[:70], "...")

# %%
copied = turned.reshape(6)
copied

# %%
assert not turned.is_contiguous()
assert "view size is not compatible" in view_error
assert as_array(copied).tolist() == [1, 4, 2, 5, 3, 6]
assert copied.storage().data_ptr() != flat.storage().data_ptr()

# %% [markdown]
# `$squeeze()` removes dimensions of size 1 and `$unsqueeze(d)` inserts one at
# position `d` (1-based, as every `dim` in R torch).
#
# ```r
# torch_ones(1, 3, 1)$squeeze()$shape     # 3
# torch_ones(3)$unsqueeze(1)$shape        # 1 3
# torch_ones(3)$unsqueeze(2)$shape        # 3 1
# ```

# %%
assert tuple(torch_ones(1, 3, 1).squeeze().shape) == (3,)
assert tuple(torch_ones(3).unsqueeze(1).shape) == (1, 3)
assert tuple(torch_ones(3).unsqueeze(2).shape) == (3, 1)

# %% [markdown]
# ## Broadcasting
#
# Operations on tensors of different shapes work when the shapes are
# compatible. Line the shapes up **from the right**; in each position the two
# sizes must be equal, or one of them must be 1 (it is then stretched), and a
# missing position counts as 1. There is no R-style recycling of shorter
# vectors.
#
# ```r
# torch_ones(3, 4) + torch_tensor(c(10, 20, 30, 40))   # shapes 3x4 and 4: fine
# torch_ones(3, 1) + torch_ones(1, 4)                  # 3x1 and 1x4: a 3x4 result
# ```

# %%
torch_ones(3, 4) + torch_tensor(c(10.0, 20.0, 30.0, 40.0))

# %%
assert tuple((torch_ones(3, 1) + torch_ones(1, 4)).shape) == (3, 4)

# %% [markdown]
# Here is a pair that does **not** broadcast:
#
# ```r
# torch_zeros(4, 3, 2, 1) + torch_ones(4, 3, 2)
# ```
#
# Aligned from the right, the shapes are `4 3 2 1` and `_ 4 3 2`. The last
# sizes, 1 and 2, are fine (1 stretches), but the next ones, 2 and 3, differ
# and neither is 1. libtorch's message counts dimensions from 0, and R torch
# passes it through, so there it says "dimension 2" for R's third dimension.
# rtorch reports it 1-based ("dimension 3") and names both shapes.

# %%
try:
    torch_zeros(4, 3, 2, 1) + torch_ones(4, 3, 2)
except RuntimeError as error:
    broadcast_error = str(error)
print(broadcast_error)

# %%
assert broadcast_error.startswith(
    "The size of tensor a (2) must match the size of tensor b (3) at "
    "non-singleton dimension 3. Shapes (4, 3, 2, 1) and (4, 3, 2)"
)
