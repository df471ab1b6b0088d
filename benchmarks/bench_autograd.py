"""rtorch overhead over raw PyTorch for autograd (issue 6).

Prints, for each case, the best-of-N time per call of the raw PyTorch code and
of its rtorch spelling, measured alternately in one run, and their ratio.
Budget: <= 1.3x for a whole gradient-descent step and for backward on small
graphs, <= 1.6x for a custom function (named arguments and a named answer);
field reads (``x.grad``, ``x.grad_fn``) are a Python property plus one small
wrapper object, about 0.15 us over a bare attribute read (<= 4x of ~0.06 us).

Run: ``python benchmarks/bench_autograd.py`` (``--quick`` for a short run).
"""

from __future__ import annotations

import torch
from ratios import run_cases

from rtorch import from_torch
from rtorch.autograd import with_no_grad
from rtorch.custom_function import autograd_function

torch.set_num_threads(1)

CASES = [
    # (label, raw statement, rtorch statement, budget)
    ("descent step, 2 params", "raw_step()", "rtorch_step()", 1.3),
    ("backward of sum(w * w), 100", "raw_backward()", "rtorch_backward()", 1.3),
    ("read x.grad", "a.grad", "A.grad", 4.0),
    ("read y.grad_fn", "y.grad_fn", "Y.grad_fn", 4.0),
    ("custom function forward+backward", "raw_custom()", "rtorch_custom()", 1.6),
]


def main() -> None:
    """Print one row per case."""
    run_cases(__doc__.splitlines()[0], CASES, _namespace())


def _namespace() -> dict[str, object]:
    """Raw tensors (lower case) and their rtorch twins (upper case)."""
    raw_x = torch.tensor([-1.0, 1.0], requires_grad=True)
    x = from_torch(torch.tensor([-1.0, 1.0], requires_grad=True))
    raw_w = torch.rand(100, requires_grad=True)
    w = from_torch(raw_w.detach().clone().requires_grad_(True))
    a = torch.rand(3, requires_grad=True)
    (a * 2).sum().backward()
    y = a * 2

    def raw_step() -> None:
        value = (0.2 * raw_x * raw_x).sum() - 5.0
        value.backward()
        with torch.no_grad():
            raw_x.sub_(0.01 * raw_x.grad)
            raw_x.grad.zero_()

    def rtorch_step() -> None:
        value = (0.2 * x * x).sum() - 5.0
        value.backward()
        with with_no_grad():
            x.sub_(0.01 * x.grad)
            x.grad.zero_()

    class RawCube(torch.autograd.Function):
        @staticmethod
        def forward(ctx, inp):
            ctx.save_for_backward(inp)
            return inp**3

        @staticmethod
        def backward(ctx, grad_output):
            (saved,) = ctx.saved_tensors
            return grad_output * 3 * saved**2

    def cube_forward(ctx, inp):
        ctx.save_for_backward(inp)
        return inp**3.0

    def cube_backward(ctx, grad_output):
        (saved,) = ctx.saved_variables
        return {"inp": grad_output * 3.0 * saved**2.0}

    cube = autograd_function(forward=cube_forward, backward=cube_backward)

    return {
        "raw_step": raw_step,
        "rtorch_step": rtorch_step,
        "raw_backward": lambda: (raw_w * raw_w).sum().backward(),
        "rtorch_backward": lambda: (w * w).sum().backward(),
        "a": a,
        "A": from_torch(a),
        "y": y,
        "Y": from_torch(y),
        "raw_custom": lambda: RawCube.apply(raw_x).sum().backward(),
        "rtorch_custom": lambda: cube(x).sum().backward(),
    }


if __name__ == "__main__":
    main()
