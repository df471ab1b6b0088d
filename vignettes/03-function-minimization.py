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
# # Function minimisation with autograd
#
# The previous notebook computed gradients. Here we put them to work: we walk
# downhill on a function whose minimum we know in closed form, updating the
# parameters by hand. No optimizer object, no loss module: just a tensor that
# records gradients, `backward()`, and an in-place update inside a no-grad
# scope. Every cell shows the R torch code first and then its rtorch port.
#
# The test function is Rosenbrock's "banana valley"
#
# $$f(x_1, x_2) = (a - x_1)^2 + b\,(x_2 - x_1^2)^2 .$$
#
# Both terms are squares, so $f \ge 0$, and $f = 0$ exactly when $x_1 = a$ and
# $x_2 = x_1^2$: the minimum sits at $(a, a^2)$. With $a = 1$ and $b = 5$ that
# is the point $(1, 1)$. The valley floor is curved and almost flat along its
# length, which makes plain gradient descent crawl: a good stress test.

# %%
import math

import matplotlib.pyplot as plt
import numpy as np

from rtorch import *
from rtorch.autograd import *

# %% [markdown]
# ## The function
#
# In R:
#
# ```r
# a <- 1
# b <- 5
# rosenbrock <- function(x) {
#   x1 <- x[1]
#   x2 <- x[2]
#   (a - x1)^2 + b * (x2 - x1^2)^2
# }
# ```
#
# The port reads the same. `x[1]` is the *first* coordinate in rtorch too:
# indices are 1-based as in R (PyTorch would write `x[0]`). The constants are
# written `1.0` and `5.0` because a Python `1` is R's integer `1L`.

# %%
a = 1.0
b = 5.0


def rosenbrock(x):
    x1 = x[1]
    x2 = x[2]
    return (a - x1) ** 2.0 + b * (x2 - x1**2.0) ** 2.0


# %% [markdown]
# At the starting point $(-1, 1)$ we can check the value and the gradient by
# hand. $f(-1, 1) = (1 - (-1))^2 + 5\,(1 - 1)^2 = 4$. The partial derivatives
# are
#
# $$\frac{\partial f}{\partial x_1} = -2(a - x_1) - 4 b\, x_1 (x_2 - x_1^2),
# \qquad \frac{\partial f}{\partial x_2} = 2 b\,(x_2 - x_1^2),$$
#
# which give $(-4, 0)$ at $(-1, 1)$. Autograd agrees:
#
# ```r
# x <- torch_tensor(c(-1, 1), requires_grad = TRUE)
# value <- rosenbrock(x)
# value$backward()
# x$grad
# ```

# %%
x = torch_tensor(c(-1.0, 1.0), requires_grad=True)
value = rosenbrock(x)
value.backward()
x.grad

# %%
assert value.item() == 4.0
assert as_array(x.grad).tolist() == [-4.0, 0.0]

# %% [markdown]
# ## Gradient descent by hand
#
# Each step moves `x` a little against the gradient: $x \leftarrow x - lr \cdot
# \nabla f(x)$, with learning rate $lr = 0.01$, for 1,000 steps. Two details
# matter, and both are the same in R torch and PyTorch:
#
# * The update must not itself be recorded in the graph, and `x` is a leaf
#   that requires grad, which autograd refuses to modify in place. Inside a
#   no-grad scope both problems vanish.
# * `backward()` *adds* into `x$grad`. Without `x$grad$zero_()` every step
#   would use the sum of all past gradients.
#
# R torch takes the block of code as an argument, `with_no_grad({ ... })`;
# Python has a statement for exactly this, so rtorch spells it
# `with with_no_grad():`. R's `%%` is Python's `%` on plain numbers, and
# rtorch's `cat()` writes what R's does: pieces joined by one space, numbers
# with 7 significant digits, no newline unless you give one.
#
# ```r
# num_iterations <- 1000
# lr <- 0.01
# x <- torch_tensor(c(-1, 1), requires_grad = TRUE)
# path <- matrix(NA, nrow = num_iterations + 1, ncol = 2)
# path[1, ] <- as_array(x)
#
# for (i in 1:num_iterations) {
#   value <- rosenbrock(x)
#   if (i %% 100 == 0) cat("Iteration", i, "- value:", as.numeric(value), "\n")
#   value$backward()
#   with_no_grad({
#     x$sub_(lr * x$grad)
#     x$grad$zero_()
#   })
#   path[i + 1, ] <- as_array(x)
# }
# ```

# %%
num_iterations = 1000
lr = 0.01
x = torch_tensor(c(-1.0, 1.0), requires_grad=True)
path = np.full((num_iterations + 1, 2), np.nan)
path[0, :] = as_array(x)

for i in seq(1, num_iterations):
    value = rosenbrock(x)
    if i % 100 == 0:
        cat("Iteration", i, "- value:", as_numeric(value), "\n")
    value.backward()
    with with_no_grad():
        x.sub_(lr * x.grad)
        x.grad.zero_()
    path[i, :] = as_array(x)

# %% [markdown]
# The value falls steadily but slowly, as the valley's shape predicts. Where
# did we end up?

# %%
x

# %% [markdown]
# Close to $(1, 1)$, not on it. Near the minimum the function behaves like a
# quadratic with Hessian $\begin{pmatrix} 2 + 8b & -4b \\ -4b & 2b
# \end{pmatrix} = \begin{pmatrix} 42 & -20 \\ -20 & 10 \end{pmatrix}$, whose
# smaller eigenvalue is $26 - \sqrt{656} \approx 0.388$. Along that direction
# each step shrinks the remaining distance only by the factor $1 - 0.01 \cdot
# 0.388$, so after 1,000 steps about $e^{-3.9} \approx 2\%$ of it is left. The
# coordinates are within 0.02 of the minimum, and the value is below $10^{-4}$:

# %%
final = as_array(x)
slow_eigenvalue = 26.0 - math.sqrt(656.0)
assert abs(slow_eigenvalue - 0.3875) < 1e-3
assert np.all(np.abs(final - 1.0) < 0.02)
assert rosenbrock(x).item() < 1e-4

# %% [markdown]
# Autograd's gradients are the hand-derived ones, so the same walk computed
# with the formula above in plain NumPy (float64) must trace the same path, up
# to float32 rounding:

# %%
reference = np.array([-1.0, 1.0])
for _ in range(num_iterations):
    x1, x2 = reference
    gradient = np.array(
        [-2.0 * (a - x1) - 4.0 * b * x1 * (x2 - x1**2), 2.0 * b * (x2 - x1**2)]
    )
    reference = reference - lr * gradient
assert np.allclose(final, reference, atol=1e-4)

# %% [markdown]
# ## The path
#
# A contour plot of $f$ with the 1,001 visited points on top shows the story:
# a quick slide down the steep wall into the valley, then a long, slow walk
# along its floor towards $(1, 1)$.
#
# ```r
# # in R, for example with base graphics:
# grid_x1 <- seq(-1.5, 1.5, length.out = 200)
# grid_x2 <- seq(-0.5, 1.5, length.out = 200)
# f <- outer(grid_x1, grid_x2, function(x1, x2) (a - x1)^2 + b * (x2 - x1^2)^2)
# contour(grid_x1, grid_x2, f, levels = c(0.05, 0.25, 1, 2, 4, 8, 16))
# lines(path[, 1], path[, 2], col = "red")
# points(1, 1, pch = 4)
# ```

# %%
grid_x1, grid_x2 = np.meshgrid(np.linspace(-1.5, 1.5, 200), np.linspace(-0.5, 1.5, 200))
surface = (a - grid_x1) ** 2 + b * (grid_x2 - grid_x1**2) ** 2

figure, axes = plt.subplots(figsize=(6, 4))
axes.contour(grid_x1, grid_x2, surface, levels=[0.05, 0.25, 1, 2, 4, 8, 16])
axes.plot(path[:, 0], path[:, 1], color="red", linewidth=1.5, label="gradient descent")
axes.plot(
    [1.0], [1.0], marker="x", color="black", markersize=10, label="minimum (1, 1)"
)
axes.plot([-1.0], [1.0], marker="o", color="red", label="start (-1, 1)")
axes.set_xlabel("x1")
axes.set_ylabel("x2")
axes.legend(loc="upper left")
plt.show()

# %% [markdown]
# ## What differed from PyTorch, and what did not
#
# * `x[1]` and `x[2]` are 1-based, as in R; PyTorch code would say `x[0]`
#   and `x[1]`.
# * `torch_tensor(c(-1, 1))` makes a float32 tensor from R doubles; in Python
#   `c(-1.0, 1.0)` keeps that meaning (`c(-1, 1)` would be R integers).
# * `x$grad` is an *undefined tensor* before the first `backward()`, not
#   `NULL`/`None`. Here that never shows, because every step calls
#   `backward()` before touching `x$grad`.
# * The update itself is pure PyTorch semantics: in-place `sub_()` inside a
#   no-grad scope, then `zero_()` on the accumulated gradient.
