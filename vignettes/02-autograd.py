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
# # Autograd
#
# Training a model means changing its parameters so that a loss goes down.
# The derivative of the loss with respect to each parameter says which way is
# "down" and how steep it is there. Working those derivatives out by hand is
# fine for a toy function and hopeless for a network with millions of
# parameters; *automatic differentiation* (autograd) records the operations as
# they run and then applies the chain rule backwards through that record.
#
# This notebook shows R torch's autograd vocabulary (`requires_grad`,
# `grad_fn`, `backward()`, `grad`, `retain_grad()`) next to its rtorch port,
# and points out where R torch and PyTorch differ.

# %%
import matplotlib.pyplot as plt
import numpy as np

from rtorch import *
from rtorch.autograd import *

# %% [markdown]
# ## Why derivatives: a loss surface
#
# Take a bowl-shaped "loss" of two parameters,
#
# $$f(x_1, x_2) = 0.2\,x_1^2 + 0.2\,x_2^2 - 5 .$$
#
# Its lowest point is $(0, 0)$, where $f = -5$. The gradient collects the two
# partial derivatives,
#
# $$\nabla f = \left(\frac{\partial f}{\partial x_1},
# \frac{\partial f}{\partial x_2}\right) = (0.4\,x_1,\; 0.4\,x_2),$$
#
# and points in the direction in which $f$ grows fastest. Its negative,
# $-\nabla f$, is the direction of *steepest descent*: from any point it aims
# straight at the centre of the bowl, and it gets shorter as we approach the
# bottom. Here is the surface, with the steepest-descent arrows drawn on the
# floor of the plot.


# %%
def loss_surface(x1, x2):
    return 0.2 * x1**2 + 0.2 * x2**2 - 5.0


grid = np.linspace(-6.0, 6.0, 61)
grid_x1, grid_x2 = np.meshgrid(grid, grid)

figure = plt.figure(figsize=(11, 4.5))
surface_axes = figure.add_subplot(1, 2, 1, projection="3d")
surface_axes.plot_surface(
    grid_x1, grid_x2, loss_surface(grid_x1, grid_x2), cmap="viridis", alpha=0.9
)
surface_axes.set_xlabel("x1")
surface_axes.set_ylabel("x2")
surface_axes.set_zlabel("f(x1, x2)")
surface_axes.set_title("0.2 x1² + 0.2 x2² − 5")

arrow_axes = figure.add_subplot(1, 2, 2)
arrow_axes.contour(grid_x1, grid_x2, loss_surface(grid_x1, grid_x2), levels=12)
coarse_x1, coarse_x2 = np.meshgrid(np.linspace(-5, 5, 9), np.linspace(-5, 5, 9))
arrow_axes.quiver(coarse_x1, coarse_x2, -0.4 * coarse_x1, -0.4 * coarse_x2)
arrow_axes.set_aspect("equal")
arrow_axes.set_title("steepest descent: −∇f = (−0.4 x1, −0.4 x2)")
plt.show()

# %% [markdown]
# Autograd should reproduce the formula. At $(3, -1)$ the gradient is
# $(0.4 \cdot 3,\; 0.4 \cdot (-1)) = (1.2, -0.4)$.
#
# ```r
# x <- torch_tensor(c(3, -1), requires_grad = TRUE)
# f <- 0.2 * x[1]^2 + 0.2 * x[2]^2 - 5
# f$backward()
# x$grad
# ```
#
# In the port, `x[1]` and `x[2]` are the first and second element, as in R.

# %%
x = torch_tensor(c(3.0, -1.0), requires_grad=True)
f = 0.2 * x[1] ** 2.0 + 0.2 * x[2] ** 2.0 - 5.0
f.backward()
x.grad

# %%
np.testing.assert_allclose(as_array(x.grad), [1.2, -0.4], rtol=1e-6)
np.testing.assert_allclose(f.item(), 0.2 * 9 + 0.2 * 1 - 5, rtol=1e-6)

# %% [markdown]
# ## Asking for gradients: `requires_grad`
#
# Autograd only records operations on tensors that ask for it. Create them
# with `requires_grad = TRUE`, or switch it on later with `$requires_grad_()`
# (the trailing underscore marks an in-place method, which returns the same
# tensor). The printout says so in its last line.
#
# ```r
# w <- torch_tensor(c(2, -1), requires_grad = TRUE)
# w
# ```

# %%
w = torch_tensor(c(2.0, -1.0), requires_grad=True)
w

# %%
assert w.requires_grad and w.is_leaf
assert repr(w).endswith("[ CPUFloatType{2} ][ requires_grad = TRUE ]")

# %% [markdown]
# Only floating point (and complex) tensors can take part. R integers such as
# `c(2L, -1L)` become an int64 tensor, and asking it for gradients fails with
# the message R torch gives:
#
# ```r
# torch_tensor(c(2L, -1L), requires_grad = TRUE)
# #> Error: Only Tensors of floating point and complex dtype can require gradients
# ```

# %%
try:
    torch_tensor(c(2, -1), requires_grad=True)
except RuntimeError as error:
    message = str(error)
print(message)
assert message.startswith(
    "Only Tensors of floating point and complex dtype can require gradients"
)

# %% [markdown]
# ## A small graph, and `grad_fn`
#
# We compute the length of the vector `w`, in three recorded steps: square
# each element, add the squares, take the square root.
#
# ```r
# u <- w$pow(2)
# v <- u$sum()
# len <- torch_sqrt(v)
# len
# ```

# %%
u = w.pow(2.0)
v = u.sum()
length_w = torch_sqrt(v)
length_w

# %% [markdown]
# Every result remembers the operation that produced it in `$grad_fn`, and
# prints it next to its footer. The node prints as its name; its
# `$next_functions` lead further back, ending at `AccumulateGrad`, the node
# that deposits a gradient into a leaf.
#
# ```r
# len$grad_fn
# #> SqrtBackward0
# len$grad_fn$next_functions
# ```

# %%
length_w.grad_fn

# %%
length_w.grad_fn.next_functions

# %%
steps = []
node = length_w.grad_fn
while node is not None:
    steps.append(node.name())
    inputs = node.next_functions  # AccumulateGrad, at a leaf, has none
    node = inputs[0] if len(inputs) > 0 else None
print(" <- ".join(steps))
assert steps == [
    "SqrtBackward0",
    "SumBackward0",
    "PowBackward0",
    "torch::autograd::AccumulateGrad",
]
assert w.grad_fn is None  # leaves have no grad_fn (R: NULL)

# %% [markdown]
# ## `backward()` and `grad`
#
# Before any backward pass, R torch's `w$grad` is not `NULL`: it is an
# *undefined tensor*, and prints as one. Test for it with
# `is_undefined_tensor()`. (PyTorch returns `None` here; rtorch keeps R
# torch's behaviour, so ported code that checks `is_undefined_tensor(w$grad)`
# keeps working.)
#
# ```r
# w$grad
# is_undefined_tensor(w$grad)
# ```

# %%
w.grad

# %%
assert is_undefined_tensor(w.grad)

# %% [markdown]
# `len$backward()` runs the chain rule from `len` back to the leaves. By hand:
# $\mathrm{len} = \sqrt{v}$, $v = \sum_i u_i$, $u_i = w_i^2$, so
#
# $$\frac{\partial\, \mathrm{len}}{\partial w_i} = \frac{1}{2\sqrt{v}} \cdot 1
# \cdot 2 w_i = \frac{w_i}{\lVert w \rVert},$$
#
# the unit vector along `w`: $(2, -1)/\sqrt{5} \approx (0.8944, -0.4472)$.
# `backward()` returns nothing (R: invisibly), and fills `w$grad`.
#
# ```r
# len$backward()
# w$grad
# ```

# %%
length_w.backward()
w.grad

# %%
np.testing.assert_allclose(
    as_array(w.grad), np.array([2.0, -1.0]) / np.sqrt(5.0), rtol=1e-6
)

# %% [markdown]
# ## Intermediate gradients: `retain_grad()`
#
# Only leaves keep their gradient. To look at the gradient of an intermediate
# result such as `u`, ask for it with `$retain_grad()` *before* the backward
# pass. Here $\partial\,\mathrm{len} / \partial u_i = 1 / (2\sqrt{v}) =
# 1/(2\sqrt 5) \approx 0.2236$ for both elements.
#
# A graph is freed after one backward pass, so we rebuild it.
#
# ```r
# w <- torch_tensor(c(2, -1), requires_grad = TRUE)
# u <- w$pow(2)
# u$retain_grad()
# len <- torch_sqrt(u$sum())
# len$backward()
# u$grad
# ```

# %%
w = torch_tensor(c(2.0, -1.0), requires_grad=True)
u = w.pow(2.0)
u.retain_grad()
length_w = torch_sqrt(u.sum())
length_w.backward()
u.grad

# %%
np.testing.assert_allclose(as_array(u.grad), [1 / (2 * np.sqrt(5.0))] * 2, rtol=1e-6)

# %% [markdown]
# ## Gradients add up; graphs are used once
#
# Calling `backward()` again on the same result fails: the values saved for
# the backward pass were freed the first time. R torch's message mentions
# backwarding through the graph "a second time". Pass `retain_graph = TRUE`
# to keep them. And `backward()` *adds* into `grad`, so two passes give twice
# the gradient; that is why training loops zero it (`w$grad$zero_()`).
#
# ```r
# len$backward()
# #> Error: Trying to backward through the graph a second time ...
# ```

# %%
try:
    length_w.backward()
except RuntimeError as error:
    second = str(error)
print(second[:80], "...")
assert "graph a second time" in second

# %%
w = torch_tensor(c(2.0, -1.0), requires_grad=True)
length_w = torch_sqrt(w.pow(2.0).sum())
length_w.backward(retain_graph=True)
length_w.backward()
w.grad

# %%
np.testing.assert_allclose(
    as_array(w.grad), 2 * np.array([2.0, -1.0]) / np.sqrt(5.0), rtol=1e-6
)

# %% [markdown]
# ## Switching recording off
#
# Updating parameters, or evaluating a model, should not be recorded. R torch
# wraps such code in `with_no_grad({ ... })`; rtorch uses Python's `with`
# statement for the same block. `with_enable_grad()` turns recording back on
# inside it.
#
# ```r
# with_no_grad({
#   w$sub_(0.1 * w$grad)
#   w$grad$zero_()
# })
# ```

# %%
with with_no_grad():
    w.sub_(0.1 * w.grad)
    w.grad.zero_()
    untracked = w * 2.0
w

# %%
assert untracked.requires_grad is False
assert as_array(w.grad).tolist() == [0.0, 0.0]

# %% [markdown]
# ## R torch versus PyTorch, in short
#
# | | R torch / rtorch | PyTorch |
# |---|---|---|
# | `x$grad` before backward | undefined tensor, `is_undefined_tensor()` | `None` |
# | `print(y$grad_fn)` | `SqrtBackward0` | `<SqrtBackward0 object at 0x…>` |
# | `$next_functions` | a list of nodes | tuples `(node, index)` |
# | no grad | `with_no_grad({ })`; `with with_no_grad():` | `with torch.no_grad():` |
# | element 1 | `x[1]` | `x[0]` |
# | `torch_tensor(c(3, -1))` | float32 (R doubles) | `torch.tensor([3, -1])` is int64 |
