"""Autograd as R torch has it (semantics section 11, `autograd` cases).

Expected gradients are derivatives worked out by hand for small closed-form
functions; R torch's behaviours and error texts come from the spec cases named
in each row.
"""

from __future__ import annotations

import math
import re
import warnings

import numpy as np
import pytest

from rtorch import (
    as_array,
    as_numeric,
    c,
    cat,
    torch_exp,
    torch_log,
    torch_ones,
    torch_rand,
    torch_sqrt,
    torch_tensor,
    torch_zeros,
)
from rtorch.autograd import (
    autograd_backward,
    autograd_grad,
    autograd_set_grad_mode,
    local_enable_grad,
    local_no_grad,
    with_detect_anomaly,
    with_enable_grad,
    with_no_grad,
)
from rtorch.autograd_objects import (
    AutogradNode,
    TorchHook,
    UndefinedTensor,
    is_undefined_tensor,
)
from rtorch.errors import (
    RIndexError,
    RNotImplementedError,
    RRuntimeError,
    RTypeError,
)
from rtorch.values import RList

# --- derivatives of closed-form functions -------------------------------------


def _paraboloid(x):
    return 0.2 * x * x - 5.0 / 2.0  # each coordinate's share of 0.2x1² + 0.2x2² − 5


def _rosenbrock(x, a=1.0, b=5.0):
    first, second = x  # the two coordinates, as 0-d tensors
    return (a - first) ** 2.0 + b * (second - first**2.0) ** 2.0


# (case or derivation, function, point, gradient worked out by hand)
DERIVATIVES = [
    ("ag-basic: d(w²)/dw = 2w", lambda w: w**2.0, c(3.0), [6.0]),
    ("d(w³)/dw = 3w²", lambda w: w**3.0, c(2.0), [12.0]),
    ("d exp(w)/dw = exp(w)", lambda w: torch_exp(w), c(0.0, 1.0), [1.0, math.e]),
    ("d log(w)/dw = 1/w", lambda w: torch_log(w), c(2.0, 4.0), [0.5, 0.25]),
    ("d sqrt(w)/dw = 1/(2 sqrt(w))", lambda w: torch_sqrt(w), c(4.0), [0.25]),
    ("d sin(w)/dw = cos(w)", lambda w: w.sin(), c(0.0, math.pi), [1.0, -1.0]),
    (
        "d mean(w²)/dw = 2w/n",
        lambda w: (w**2.0).mean(),
        c(1.0, 2.0, 3.0, 4.0),
        [0.5, 1.0, 1.5, 2.0],
    ),
    ("d sum(3w + 1)/dw = 3", lambda w: (3.0 * w + 1.0).sum(), c(-2.0, 7.0), [3.0, 3.0]),
    (
        "paraboloid: ∇ = (0.4 x1, 0.4 x2)",
        lambda w: _paraboloid(w).sum(),
        c(1.0, -2.5),
        [0.4, -1.0],
    ),
    (
        "Rosenbrock a=1, b=5 at (-1, 1): ∇ = (-4, 0)",
        _rosenbrock,
        c(-1.0, 1.0),
        [-4.0, 0.0],
    ),
    (
        "Rosenbrock a=1, b=5 at (0, 1): ∇ = (-2, 10)",
        _rosenbrock,
        c(0.0, 1.0),
        [-2.0, 10.0],
    ),
    ("d(1/w)/dw = -1/w²", lambda w: 1.0 / w, c(2.0), [-0.25]),
]


@pytest.mark.parametrize(
    ("label", "function", "point", "expected"),
    DERIVATIVES,
    ids=[row[0] for row in DERIVATIVES],
)
def test_backward_matches_hand_derivative(label, function, point, expected):
    w = torch_tensor(point, requires_grad=True)
    result = function(w)
    if result.numel() > 1:
        result = result.sum()

    assert result.backward() is None  # R: returns invisibly
    np.testing.assert_allclose(as_array(w.grad), expected, rtol=1e-6, atol=1e-6)


def test_readme_three_leaves():
    # ag-readme-grads: out = k * a + c0, so ∂/∂a = k, ∂/∂k = a, ∂/∂c0 = 1.
    a = torch_tensor(4.0, requires_grad=True)
    k = torch_tensor(5.0, requires_grad=True)
    c0 = torch_tensor(7.0, requires_grad=True)
    (k * a + c0).backward()

    assert [a.grad.item(), k.grad.item(), c0.grad.item()] == [5.0, 4.0, 1.0]
    assert repr(a.grad) == "torch_tensor\n 5\n[ CPUFloatType{1} ]"


def test_product_rule_on_two_leaves():
    x1 = torch_tensor(3.0, requires_grad=True)
    x2 = torch_tensor(5.0, requires_grad=True)
    (x1 * x2 * x2).backward()  # ∂/∂x1 = x2², ∂/∂x2 = 2 x1 x2

    assert [x1.grad.item(), x2.grad.item()] == [25.0, 30.0]


# --- grad before backward, accumulation, assignment ---------------------------


def test_grad_is_undefined_before_backward_and_prints_like_r():
    w = torch_tensor(c(3.0), requires_grad=True)

    assert isinstance(w.grad, UndefinedTensor)
    assert is_undefined_tensor(w.grad)
    assert repr(w.grad) == "torch_tensor\n[ Tensor (undefined) ]"
    assert w.grad is not None  # R: not NULL


def test_printing_undefined_grad(capsys):
    torch_zeros(2, requires_grad=True).grad.print()
    print(torch_zeros(2, requires_grad=True).grad)

    assert capsys.readouterr().out == "torch_tensor\n[ Tensor (undefined) ]\n" * 2


@pytest.mark.parametrize(
    "use",
    [
        lambda g: g.sum(),
        lambda g: g + 1.0,
        lambda g: 1.0 - g,
        lambda g: g * g,
        lambda g: -g,
        lambda g: bool(g),
        lambda g: float(g),
        lambda g: len(g),
        lambda g: g.zero_(),
        lambda g: g.shape,
    ],
)
def test_computing_with_undefined_tensor_is_an_error(use):
    w = torch_tensor(c(1.0), requires_grad=True)

    with pytest.raises(RRuntimeError, match="undefined tensor"):
        use(w.grad)


def test_is_undefined_tensor_on_defined_and_foreign_values():
    assert is_undefined_tensor(torch_ones(2)) is False
    with pytest.raises(RTypeError, match="takes a tensor"):
        is_undefined_tensor(3.0)


def test_gradients_accumulate_until_zeroed():
    w = torch_tensor(c(1.0, 2.0), requires_grad=True)
    (w * w).sum().backward()  # 2w
    (w * w).sum().backward()  # + 2w

    np.testing.assert_array_equal(as_array(w.grad), [4.0, 8.0])
    w.grad.zero_()
    (3.0 * w).sum().backward()
    np.testing.assert_array_equal(as_array(w.grad), [3.0, 3.0])


def test_grad_is_assignable_and_resettable():
    # ag-set-grad
    p = torch_tensor(3.0, requires_grad=True)
    (p**2.0).backward()
    before = as_array(p.grad)
    p.grad = p.grad * 10.0

    assert [before[0], as_array(p.grad)[0]] == [6.0, 60.0]
    p.grad = None
    assert is_undefined_tensor(p.grad)
    (p**2.0).backward()
    p.grad = UndefinedTensor()
    assert is_undefined_tensor(p.grad)


def test_assigning_a_grad_of_the_wrong_shape_is_an_rtorch_error():
    p = torch_tensor(c(1.0, 2.0), requires_grad=True)

    with pytest.raises(RRuntimeError, match="size"):
        p.grad = torch_ones(3)


# --- backward options ---------------------------------------------------------


def test_second_backward_without_retain_graph_mentions_graph_a_second_time():
    # ag-hook-modify / semantics 11: the freed graph error.
    w = torch_tensor(c(2.0), requires_grad=True)
    loss = (w**2.0).sum()
    loss.backward()

    with pytest.raises(RRuntimeError, match="graph a second time"):
        loss.backward()


def test_retain_graph_allows_a_second_backward_which_accumulates():
    w = torch_tensor(c(2.0), requires_grad=True)
    loss = (w**3.0).sum()  # d/dw = 3w² = 12
    loss.backward(retain_graph=True)
    loss.backward()

    assert w.grad.item() == 24.0


def test_create_graph_keeps_the_graph_for_second_derivatives():
    x = torch_tensor(c(2.0), requires_grad=True)
    (x**3.0).backward(create_graph=True)  # grad = 3x² = 12, differentiable
    first = x.grad.clone()
    x.grad.backward()  # adds d(3x²)/dx = 6x = 12 into x.grad

    assert first.item() == 12.0
    assert x.grad.item() == 24.0


def test_create_graph_also_retains_the_graph_by_default():
    # semantics 11: retain_graph = create_graph
    x = torch_tensor(c(2.0), requires_grad=True)
    y = x**2.0
    y.backward(create_graph=True)
    y.backward()  # the graph is still there

    assert x.grad.item() == 8.0  # 2x twice


def test_non_scalar_output_needs_gradient():
    w = torch_tensor(c(1.0, 2.0, 3.0), requires_grad=True)
    y = w * 2.0

    with pytest.raises(RRuntimeError, match="only for scalar outputs"):
        y.backward()
    y.backward(gradient=c(1.0, 0.5, 0.0))  # an R vector, converted by R's rules
    np.testing.assert_array_equal(as_array(w.grad), [2.0, 1.0, 0.0])


def test_backward_inputs_limits_which_leaves_accumulate():
    a = torch_tensor(c(1.0), requires_grad=True)
    b = torch_tensor(c(1.0), requires_grad=True)
    (a * 2.0 + b * 3.0).backward(inputs=a)

    assert a.grad.item() == 2.0
    assert is_undefined_tensor(b.grad)


# --- fields: requires_grad, is_leaf, grad_fn ------------------------------------


def test_requires_grad_toggle_and_assignment():
    # ag-requires-grad-toggle, ag-requires-grad-assign
    p = torch_ones(2)
    assert p.requires_grad_(True) is p
    first = p.requires_grad
    p.requires_grad_(False)
    q = torch_zeros(3, requires_grad=True)
    q.requires_grad = False
    a = q.requires_grad
    q.requires_grad_(True)
    setattr(q, "requires_grad", False)

    assert [first, p.requires_grad] == [True, False]
    assert [a, q.requires_grad] == [False, False]


@pytest.mark.parametrize(
    "make",
    [
        lambda: torch_tensor(c(1, 2), requires_grad=True),
        lambda: torch_tensor(c(1, 2)).requires_grad_(True),
        lambda: setattr(torch_tensor(c(True)), "requires_grad", True),
    ],
    ids=["torch_tensor(requires_grad=True)", "requires_grad_()", "field"],
)
def test_integer_and_bool_tensors_cannot_require_grad(make):
    with pytest.raises(
        RRuntimeError,
        match="Only Tensors of floating point and complex dtype can require gradients",
    ):
        make()


def test_is_leaf():
    # ag-is-leaf
    r = torch_rand(3, requires_grad=True)
    assert [r.is_leaf, (r * 2.0).is_leaf] == [True, False]


def test_grad_fn_prints_its_name_and_lists_next_functions(capsys):
    # ag-grad-fn
    p = torch_ones(2, 3, requires_grad=True)
    q = p.sum()
    print(q.grad_fn)

    assert capsys.readouterr().out == "SumBackward0\n"
    assert isinstance(q.grad_fn, AutogradNode)
    assert len(q.grad_fn.next_functions) == 1
    assert repr(q.grad_fn.next_functions[0]) == "torch::autograd::AccumulateGrad"


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (lambda x: x.mean(), "MeanBackward0"),
        (lambda x: x * 2.0, "MulBackward0"),
        (lambda x: torch_exp(x), "ExpBackward0"),
        (lambda x: x.clone(), "CloneBackward0"),  # ag-clone-grad-fn
        (lambda x: x + x, "AddBackward0"),
    ],
)
def test_grad_fn_names(make, name):
    x = torch_ones(2, requires_grad=True)
    node = make(x).grad_fn

    assert repr(node) == name
    assert node.name() == name


def test_next_functions_keep_a_place_for_constant_operands():
    x = torch_ones(2, requires_grad=True)
    node = (x * torch_ones(2)).grad_fn  # MulBackward0 of (leaf, constant)

    assert isinstance(node.next_functions, RList)
    assert [repr(n) for n in node.next_functions] == [
        "torch::autograd::AccumulateGrad",
        "None",
    ]


def test_grad_fn_is_none_without_history_and_equal_across_reads():
    # ag-grad-fn-leaf-null
    assert torch_zeros(3).grad_fn is None
    assert torch_zeros(3, requires_grad=True).grad_fn is None
    y = torch_ones(2, requires_grad=True) * 2.0
    assert y.grad_fn == y.grad_fn
    assert hash(y.grad_fn) == hash(y.grad_fn)


def test_clone_keeps_requires_grad():
    # ag-clone-keeps-requires-grad
    assert [
        torch_zeros(2, requires_grad=True).clone().requires_grad,
        torch_zeros(2).clone().requires_grad,
    ] == [True, False]


def test_tensor_with_history_prints_its_grad_fn():
    # print-grad-fn
    y = torch_tensor(c(0.0, 1.0, 2.0), requires_grad=True)

    assert repr(torch_exp(y)) == (
        "torch_tensor\n 1.0000\n 2.7183\n 7.3891\n"
        "[ CPUFloatType{3} ][ grad_fn = <ExpBackward0> ]"
    )


# --- retain_grad, detach ------------------------------------------------------


def test_retain_grad_returns_none_and_keeps_a_non_leaf_gradient():
    # ag-retain-grad-invisible
    x = torch_ones(2, requires_grad=True)
    k = x * 2.0
    assert k.retain_grad() is None
    (k * k).sum().backward()  # d/dk (k²) = 2k = 4

    np.testing.assert_array_equal(as_array(k.grad), [4.0, 4.0])
    np.testing.assert_array_equal(as_array(x.grad), [8.0, 8.0])


def test_detach_and_detach_in_place():
    x = torch_ones(2, requires_grad=True)
    y = x * 3.0
    detached = y.detach()
    same = y.detach_()

    assert detached.requires_grad is False and detached.grad_fn is None
    assert same is y and y.requires_grad is False and y.grad_fn is None


def test_copy_takes_on_requires_grad_except_without_grad():
    # ag-copy-respects-requires-grad
    dst = torch_zeros(3)
    dst.copy_(torch_ones(3, requires_grad=True))
    quiet = torch_zeros(3)
    with with_no_grad():
        quiet.copy_(torch_ones(3, requires_grad=True))

    assert dst.requires_grad is True
    assert quiet.requires_grad is False


# --- hooks --------------------------------------------------------------------


def test_hook_returning_something_else_leaves_the_gradient(capsys):
    # ag-hook-print
    v = torch_tensor(c(1.0, 2.0), requires_grad=True)
    h = v.register_hook(lambda g: print("hook ran"))
    (v * 3.0).sum().backward()

    assert isinstance(h, TorchHook)
    assert capsys.readouterr().out == "hook ran\n"
    np.testing.assert_array_equal(as_array(v.grad), [3.0, 3.0])


def test_hook_returning_a_tensor_replaces_the_gradient():
    # ag-hook-modify
    v = torch_tensor(c(1.0, 2.0), requires_grad=True)
    v.register_hook(lambda g: g * 10.0)
    loss = (v * 3.0).sum()
    loss.backward()
    try:
        loss.backward()
        failed = False
    except RRuntimeError:
        failed = True

    assert [as_array(v.grad).tolist(), failed] == [[30.0, 30.0], True]


def test_hooks_on_later_tensors_fire_first(capsys):
    # ag-hook-order
    a = torch_tensor(c(1.0), requires_grad=True)
    a.register_hook(lambda g: print("leaf"))
    b = a * 4.0
    b.register_hook(lambda g: print("middle"))
    b.backward()

    assert capsys.readouterr().out == "middle\nleaf\n"


def test_hook_on_a_non_leaf_receives_its_gradient():
    m = torch_tensor(c(1.0, 2.0), requires_grad=True)
    middle = m * 2.0
    seen = []
    middle.register_hook(lambda g: seen.append(g))
    (middle * c(5.0, 7.0)).sum().backward()  # d/d middle = (5, 7); d/dm = (10, 14)

    np.testing.assert_array_equal(as_array(seen[0]), [5.0, 7.0])
    np.testing.assert_array_equal(as_array(m.grad), [10.0, 14.0])


def test_hook_on_an_unbound_piece():
    # ag-hook-nonleaf-unbind
    m = torch_tensor(c(0.3, -1.2, 2.5, 0.7), requires_grad=True)
    try:
        pieces = m.unbind()
    except RNotImplementedError:
        pytest.skip("x.unbind() comes with the method surface (issue 'surface')")
    p1, p2, p3, p4 = pieces
    seen = []
    p3.register_hook(lambda g: seen.append(g))
    p3.backward()

    assert [as_array(seen[0]).tolist(), as_array(m.grad).tolist()] == [
        [1.0],
        [0.0, 0.0, 1.0, 0.0],
    ]


def test_removed_hook_stops_firing():
    # ag-hook-remove
    calls = []
    z = torch_tensor(2.0, requires_grad=True)
    h = z.register_hook(lambda g: calls.append("z"))
    (z * z).backward()
    assert h.remove() is None
    (z * z).backward()

    assert len(calls) == 1
    assert repr(h) == "<torch_hook>"


def test_errors_inside_hooks_are_translated_to_one_based():
    # dims-hook-error-translated
    w = torch_tensor(c(1.0, 2.0), requires_grad=True)
    w.register_hook(lambda g: g.sum(dim=3))

    with pytest.raises(
        RIndexError,
        match=r"Dimension out of range \(expected to be in range of \[-1, 1\], "
        r"but got 3\)",
    ):
        (w * 3.0).sum().backward()


def test_raw_torch_errors_inside_hooks_are_translated_too():
    w = torch_tensor(c(1.0, 2.0), requires_grad=True)
    w.register_hook(lambda g: g.torch.sum(2))

    with pytest.raises(RIndexError, match=r"\[-1, 1\], but got 3"):
        (w * 3.0).sum().backward()


def test_hook_errors_are_translated_even_when_backward_runs_in_pytorch():
    w = torch_tensor(c(1.0, 2.0), requires_grad=True)
    w.register_hook(lambda g: g.torch.sum(2))
    loss = (w * 3.0).sum()

    with pytest.raises(RIndexError, match=r"\[-1, 1\], but got 3"):
        loss.torch.backward()  # the way out: PyTorch's own backward


def test_hook_may_return_a_torch_tensor():
    v = torch_tensor(c(1.0, 2.0), requires_grad=True)
    v.register_hook(lambda g: g.torch * 2.0)
    (v * 3.0).sum().backward()

    np.testing.assert_array_equal(as_array(v.grad), [6.0, 6.0])


def test_register_hook_refuses_bad_arguments():
    with pytest.raises(RTypeError, match="function of the gradient"):
        torch_ones(1, requires_grad=True).register_hook("not a function")
    with pytest.raises(RRuntimeError, match="doesn't require gradient"):
        torch_ones(1).register_hook(lambda g: g)


# --- gradient-mode scopes -------------------------------------------------------


def test_with_no_grad_records_nothing_and_allows_leaf_updates():
    x = torch_tensor(c(1.0, 2.0), requires_grad=True)
    (x * x).sum().backward()  # grad 2x = (2, 4)
    with with_no_grad():
        y = x * 2.0
        x.sub_(0.5 * x.grad)
        x.grad.zero_()

    assert y.requires_grad is False and y.grad_fn is None
    np.testing.assert_array_equal(as_array(x), [0.0, 0.0])
    assert x.requires_grad is True and x.is_leaf


def test_in_place_update_of_a_leaf_outside_no_grad_is_an_error():
    x = torch_tensor(c(1.0, 2.0), requires_grad=True)

    with pytest.raises(RRuntimeError, match="leaf Variable that requires grad"):
        x.sub_(1.0)


def test_with_enable_grad_inside_with_no_grad():
    # ag-contexts
    with with_no_grad():
        with with_enable_grad():
            a = torch_tensor(c(2.0), requires_grad=True)
            b = a * 5.0
    b.backward()

    assert as_array(a.grad).tolist() == [5.0]


def test_scopes_work_as_decorators():
    @with_no_grad()
    def untracked(t):
        return t * 2.0

    @with_enable_grad()
    def tracked(t):
        return t * 2.0

    x = torch_ones(1, requires_grad=True)
    with with_no_grad():
        inner = tracked(x)

    assert untracked(x).requires_grad is False
    assert inner.requires_grad is True


def test_autograd_set_grad_mode():
    x = torch_ones(1, requires_grad=True)
    try:
        assert autograd_set_grad_mode(False) is None
        off = (x * 2.0).requires_grad
    finally:
        autograd_set_grad_mode(True)

    assert off is False
    assert (x * 2.0).requires_grad is True


@pytest.mark.parametrize(
    ("function", "replacement"),
    [(local_no_grad, "@with_no_grad()"), (local_enable_grad, "@with_enable_grad()")],
)
def test_local_scopes_name_their_python_replacement(function, replacement):
    with pytest.raises(RNotImplementedError, match=replacement):
        function()


def test_in_place_change_of_a_saved_tensor_points_to_anomaly_detection():
    # ag-detect-anomaly (without the scope)
    a = torch_tensor(c(1.0, 2.0), requires_grad=True)
    e = torch_tensor(c(2.0, 3.0))
    out = (a**e).sum()
    e.mul_(2.0)

    with pytest.raises(RRuntimeError, match="modified by an inplace operation") as info:
        out.backward()
    assert "detect_anomaly" in str(info.value)


def test_with_detect_anomaly_warns_once_and_reports_the_failing_step():
    # ag-detect-anomaly (inside with_detect_anomaly)
    a = torch_tensor(c(1.0, 2.0), requires_grad=True)
    e = torch_tensor(c(2.0, 3.0))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(RRuntimeError) as info:
            with with_detect_anomaly():
                out = (a**e).sum()
                e.mul_(2.0)
                out.backward()

    messages = [str(w.message) for w in caught]
    assert messages[0].startswith("This mode should be enabled only for debugging")
    assert not any("Anomaly Detection has been enabled" in m for m in messages)
    assert str(info.value).startswith(
        "one of the variables needed for gradient computation"
    )


# --- autograd_backward and autograd_grad ----------------------------------------


def test_autograd_backward_with_a_list_and_null_gradients():
    # ag-autograd-backward-list
    a = torch_tensor(2.0, requires_grad=True)
    b = torch_tensor(5.0, requires_grad=True)
    result = autograd_backward([a * 3.0, b**2.0], [None, torch_ones(1)])

    assert result is None
    assert [a.grad.item(), b.grad.item()] == [3.0, 10.0]


def test_autograd_backward_with_one_tensor():
    # ag-autograd-backward-single
    a = torch_tensor(4.0, requires_grad=True)
    autograd_backward(a**2.0)

    assert a.grad.item() == 8.0


def test_autograd_backward_with_one_gradient_for_a_vector_output():
    a = torch_tensor(c(1.0, 2.0), requires_grad=True)
    autograd_backward(a * a, torch_tensor(c(1.0, 10.0)))  # 2a * (1, 10)

    assert as_array(a.grad).tolist() == [2.0, 40.0]


def test_autograd_backward_and_grad_retain_the_graph_with_create_graph():
    # semantics 11: retain_graph = create_graph in both functions
    x = torch_tensor(c(3.0), requires_grad=True)
    out = x**2.0
    autograd_backward(out, create_graph=True)
    (first,) = autograd_grad(out, x, create_graph=True)  # graph still there
    autograd_backward(out)  # and still there after autograd_grad

    assert first.item() == 6.0
    assert x.grad.item() == 12.0  # 2x, twice


def test_autograd_grad_hessian_vector_product():
    # ag-autograd-grad-hvp: g = 3x² + y + x, so dg/dx = 6x + 1
    x = torch_tensor(c(1.0, 2.0, 3.0), requires_grad=True)
    y = torch_tensor(c(1.0, 1.0, 1.0), requires_grad=True)
    z = x**3.0 + x * y
    z.backward(torch_ones(3), create_graph=True)
    g = x.grad + y.grad
    (hv,) = autograd_grad(
        outputs=g, inputs=x, grad_outputs=torch_ones(3), create_graph=True
    )

    assert as_array(hv).tolist() == [7.0, 13.0, 19.0]


def test_autograd_grad_returns_a_list_and_leaves_grad_alone():
    # ag-autograd-grad-second-time-error: one gradient per input, then freed.
    slope = torch_tensor(1.5, requires_grad=True)
    icpt = torch_tensor(-0.5, requires_grad=True)
    xs = torch_tensor(c(1.0, 2.0, 3.0))
    obj = ((slope * xs + icpt - xs) ** 2.0).mean()
    g = autograd_grad(obj, [slope, icpt])

    # residual r = 0.5x - 0.5: d/dslope = mean(2 r x) = 8/3, d/dicpt = mean(2 r) = 1
    assert isinstance(g, RList) and len(g) == 2
    np.testing.assert_allclose([g[0].item(), g[1].item()], [8.0 / 3.0, 1.0], rtol=1e-6)
    assert is_undefined_tensor(slope.grad)
    with pytest.raises(RRuntimeError, match="graph a second time"):
        autograd_grad(obj, [slope, icpt])


def test_autograd_grad_unused_input():
    # ag-autograd-grad-unused-error
    used = torch_tensor(2.0, requires_grad=True)
    idle = torch_tensor(1.0, requires_grad=True)
    obj = (used * torch_tensor(c(1.0, 2.0, 3.0))).sum()
    g_used, g_idle = autograd_grad(
        obj, [used, idle], retain_graph=True, allow_unused=True
    )

    assert g_used.item() == 6.0
    assert is_undefined_tensor(g_idle)
    with pytest.raises(RRuntimeError, match="not have been used in the graph") as info:
        autograd_grad(obj, [used, idle])
    assert "Input 2 of `inputs`" in str(info.value)  # 1-based position


# --- the minimisation chapter: Rosenbrock a = 1, b = 5 ----------------------------


def test_rosenbrock_descent_reaches_the_minimum_and_logs_like_r(capsys):
    # The chapter's loop: 1,000 steps of lr = 0.01 from (-1, 1), updating in a
    # no-grad scope; cat("Iteration", i, "- value:", as.numeric(value), "\n").
    x = torch_tensor(c(-1.0, 1.0), requires_grad=True)
    for i in range(1, 1001):
        value = _rosenbrock(x)
        if i % 100 == 0:
            cat("Iteration", i, "- value:", as_numeric(value), "\n")
        value.backward()
        with with_no_grad():
            x.sub_(0.01 * x.grad)
            x.grad.zero_()

    lines = capsys.readouterr().out.splitlines()
    reference_x, reference_values = _rosenbrock_reference()
    assert [line.split(" - ")[0] for line in lines] == [
        f"Iteration {i}" for i in range(100, 1001, 100)
    ]
    # R's cat(): 7 significant digits, and a space before the newline.
    assert re.fullmatch(r"Iteration 100 - value: 0\.35029\d\d ", lines[0])
    logged = [float(line.split("value: ")[1]) for line in lines]
    np.testing.assert_allclose(logged, reference_values, rtol=1e-3)
    np.testing.assert_allclose(as_array(x), reference_x, atol=1e-4)
    assert np.all(np.abs(as_array(x) - 1.0) < 0.02)  # (1, 1), 2% left after 1,000


def _rosenbrock_reference():
    """The same walk with the hand-derived gradient, in float64 NumPy."""
    a, b = 1.0, 5.0
    point = np.array([-1.0, 1.0])
    values = []
    for i in range(1, 1001):
        x1, x2 = point
        if i % 100 == 0:
            values.append((a - x1) ** 2 + b * (x2 - x1**2) ** 2)
        gradient = [-2 * (a - x1) - 4 * b * x1 * (x2 - x1**2), 2 * b * (x2 - x1**2)]
        point = point - 0.01 * np.array(gradient)
    return point, values
