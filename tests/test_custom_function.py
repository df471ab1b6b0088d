"""Custom autograd functions: R torch's ``autograd_function()`` (semantics 11).

Each row's expected values are the closed-form results the spec case states.
"""

from __future__ import annotations

import numpy as np
import pytest

from rtorch import as_array, c, torch_tensor
from rtorch.custom_function import AutogradContext, NamedList, autograd_function
from rtorch.errors import RNotImplementedError, RRuntimeError, RTypeError, RValueError
from rtorch.values import RList


def _cube():
    def cube_forward(ctx, inp):
        ctx.save_for_backward(inp)
        return inp**3.0

    def cube_backward(ctx, grad_output):
        (s,) = ctx.saved_variables
        return {"inp": grad_output * 3.0 * s**2.0}

    return autograd_function(forward=cube_forward, backward=cube_backward)


def test_cube():
    # ag-function-pow
    cube = _cube()
    t1 = torch_tensor(c(2.0), requires_grad=True)
    res = cube(t1)
    res.backward()

    assert [as_array(res)[0], as_array(t1.grad)[0]] == [8.0, 12.0]


def test_cube_used_twice_adds_up():
    # ag-function-pow-composed: x^6 and 6 x^5 at x = 2
    cube = _cube()
    t1 = torch_tensor(c(2.0), requires_grad=True)
    res = cube(t1) * cube(t1)
    res.backward()

    assert [as_array(res)[0], as_array(t1.grad)[0]] == [64.0, 192.0]


def _p_times_q_squared():
    def f_forward(ctx, p, q):
        ctx.save_for_backward(p, q)
        return p * q**2.0

    def f_backward(ctx, grad_output):
        p, q = ctx.saved_variables
        return {"q": grad_output * 2.0 * p * q, "p": grad_output * q**2.0}

    return autograd_function(forward=f_forward, backward=f_backward)


@pytest.mark.parametrize(
    "call",
    [
        lambda f, p, q: f(q=q, p=p),  # ag-function-two-vars-named
        lambda f, p, q: f(p, q),
        lambda f, p, q: f(p, q=q),
    ],
    ids=["by-name-any-order", "positional", "mixed"],
)
def test_gradients_matched_by_name(call):
    f = _p_times_q_squared()
    pp = torch_tensor(c(3.0), requires_grad=True)
    qq = torch_tensor(c(5.0), requires_grad=True)
    res = call(f, pp, qq)
    res.backward()

    assert [as_array(res)[0], as_array(pp.grad)[0], as_array(qq.grad)[0]] == [
        75.0,
        25.0,
        30.0,
    ]


def test_gradient_for_an_input_without_grad_is_dropped():
    f = _p_times_q_squared()
    pp = torch_tensor(c(3.0))  # no grad wanted
    qq = torch_tensor(c(5.0), requires_grad=True)
    f(pp, qq).backward()

    assert as_array(qq.grad)[0] == 30.0


def test_named_saved_values():
    # ag-function-named-saved
    def sq_forward(ctx, inp):
        ctx.save_for_backward(orig=inp, deriv=2.0 * inp)
        return inp**2.0

    def sq_backward(ctx, grad_output):
        v = ctx.saved_variables
        return {"inp": grad_output * v["deriv"]}

    sq = autograd_function(forward=sq_forward, backward=sq_backward)
    s0 = torch_tensor(c(5.0), requires_grad=True)
    sq(s0).backward()

    assert as_array(s0.grad)[0] == 10.0


def test_saved_non_tensor_values():
    # ag-function-constants: base^k and k base^(k-1) at base 2, k 4
    def pw_forward(ctx, base, k):
        ctx.save_for_backward(base=base, k=k)
        return base**k

    def pw_backward(ctx, grad_output):
        v = ctx.saved_variables
        return {"base": grad_output * v["k"] * v["base"] ** (v["k"] - 1.0)}

    pw = autograd_function(forward=pw_forward, backward=pw_backward)
    b0 = torch_tensor(2.0, requires_grad=True)
    val = pw(b0, 4.0)
    val.backward()

    assert [as_array(val)[0], as_array(b0.grad)[0]] == [16.0, 32.0]


def test_gradients_for_inputs_that_need_none_are_dropped():
    # semantics 11: entries for inputs that do not need grad are dropped, even
    # for a plain number, which PyTorch itself would refuse a gradient for.
    def scale_forward(ctx, x, factor, w):
        ctx.save_for_backward(factor=factor)
        return x * factor + w

    def scale_backward(ctx, g):
        factor = ctx.saved_variables["factor"]
        return {"x": g * factor, "factor": g * 0.0, "w": g}

    scale = autograd_function(forward=scale_forward, backward=scale_backward)
    x = torch_tensor(c(1.0), requires_grad=True)
    w = torch_tensor(c(1.0))
    scale(x, 3.0, w).backward()

    assert as_array(x.grad)[0] == 3.0


def test_list_output_gives_one_gradient_per_output():
    # ag-function-list-output
    seen = []

    def two_forward(ctx, base):
        return [base * 3.0, base + 1.0]

    def two_backward(ctx, g_a, g_b):
        seen.append((as_array(g_a)[0], as_array(g_b)[0]))
        return {"base": g_a * 3.0}

    two = autograd_function(forward=two_forward, backward=two_backward)
    x = torch_tensor(4.0, requires_grad=True)
    result = two(x)
    first, second = result
    first.backward()

    assert isinstance(result, RList)
    assert [as_array(first)[0], as_array(second)[0], as_array(x.grad)[0]] == [
        12.0,
        5.0,
        3.0,
    ]
    assert seen == [(1.0, 0.0)]  # the unused output's gradient arrives as zeros


def test_mark_dirty_on_a_leaf_is_an_error():
    # ag-mark-dirty-leaf-error
    def bump_forward(ctx, t):
        t.add_(1.0)
        ctx.mark_dirty(t)
        return t

    def bump_backward(ctx, g):
        return {"t": g}

    bump = autograd_function(forward=bump_forward, backward=bump_backward)
    x = torch_tensor(c(1.0, 2.0), requires_grad=True)

    with pytest.raises(RRuntimeError, match="leaf Variable that requires grad"):
        bump(x)


def test_mark_dirty_on_a_non_leaf_works():
    def bump_forward(ctx, t):
        t.add_(1.0)
        ctx.mark_dirty(t)
        return t

    def bump_backward(ctx, g):
        return {"t": g}

    bump = autograd_function(forward=bump_forward, backward=bump_backward)
    x = torch_tensor(c(1.0, 2.0), requires_grad=True)
    out = bump(x * 2.0)
    out.sum().backward()

    assert as_array(out).tolist() == [3.0, 5.0]
    assert as_array(x.grad).tolist() == [2.0, 2.0]


def test_mark_non_differentiable():
    # ag-mark-non-differentiable
    def rnd_forward(ctx, inp):
        out = inp.round()
        ctx.mark_non_differentiable(out)
        return out

    def rnd_backward(ctx, g):
        return {"inp": g * 0.0}

    rnd = autograd_function(forward=rnd_forward, backward=rnd_backward)
    x = torch_tensor(c(0.4, 1.6), requires_grad=True)

    assert rnd(x).requires_grad is False


def test_needs_input_grad_is_named():
    recorded = []

    def scale_forward(ctx, x, factor):
        recorded.append(ctx.needs_input_grad)
        ctx.save_for_backward(factor=factor)
        return x * factor

    def scale_backward(ctx, g):
        return {"x": g * ctx.saved_variables["factor"]}

    scale = autograd_function(forward=scale_forward, backward=scale_backward)
    scale(torch_tensor(c(1.0), requires_grad=True), 3.0)

    flags = recorded[0]
    assert isinstance(flags, NamedList)
    assert flags.names == ("x", "factor")
    assert [flags["x"], flags["factor"]] == [True, False]
    assert repr(flags) == "$x\nTrue\n\n$factor\nFalse"


def test_context_object_is_rtorchs():
    kinds = []

    def ident_forward(ctx, x):
        kinds.append(type(ctx))
        return x * 1.0

    def ident_backward(ctx, g):
        return {"x": g}

    ident = autograd_function(forward=ident_forward, backward=ident_backward)
    ident(torch_tensor(c(1.0), requires_grad=True))

    assert kinds == [AutogradContext]


def test_output_carries_a_custom_node():
    cube = _cube()
    out = cube(torch_tensor(c(2.0), requires_grad=True))

    assert repr(out.grad_fn) == "AutogradFunctionBackward"


def test_saved_variables_after_the_graph_is_freed():
    keep = []

    def sq_forward(ctx, inp):
        ctx.save_for_backward(inp)
        return inp**2.0

    def sq_backward(ctx, g):
        keep.append(ctx)
        (s,) = ctx.saved_variables
        return {"inp": g * 2.0 * s}

    sq = autograd_function(forward=sq_forward, backward=sq_backward)
    sq(torch_tensor(c(1.0), requires_grad=True)).backward()

    with pytest.raises(RRuntimeError, match="graph a second time"):
        keep[0].saved_variables


@pytest.mark.parametrize(
    ("answer", "error", "message"),
    [
        (lambda g: g, RTypeError, r"dict keyed by forward's argument names"),
        (lambda g: {"y": g}, RValueError, r"gradients for \['y'\]"),
        (lambda g: {"x": 2.0}, RTypeError, r"gradient for 'x' must be a tensor"),
    ],
    ids=["not-named", "unknown-name", "not-a-tensor"],
)
def test_bad_backward_answers(answer, error, message):
    def ident_forward(ctx, x):
        return x * 1.0

    def ident_backward(ctx, g):
        return answer(g)

    ident = autograd_function(forward=ident_forward, backward=ident_backward)
    out = ident(torch_tensor(c(1.0), requires_grad=True))

    with pytest.raises(error, match=message):
        out.backward()


def test_bad_forward_definitions_and_calls():
    def takes_many(ctx, *xs):
        return xs[0]

    def no_ctx():
        return None

    with pytest.raises(RNotImplementedError, match=r"\*xs"):
        autograd_function(forward=takes_many, backward=lambda ctx, g: {})
    with pytest.raises(RValueError, match="`ctx` as its first argument"):
        autograd_function(forward=no_ctx, backward=lambda ctx, g: {})
    with pytest.raises(RTypeError, match="backward must be a function"):
        autograd_function(forward=lambda ctx, x: x, backward=3)

    cube = _cube()
    with pytest.raises(RTypeError, match=r"the arguments are \(inp\)"):
        cube(torch_tensor(c(1.0)), torch_tensor(c(2.0)))


def test_named_list():
    v = NamedList([1.0, 2.0], ["orig", None])

    assert v["orig"] == 1.0 and v[1] == 2.0
    assert repr(v) == "$orig\n1.0\n\n[[2]]\n2.0"
    with pytest.raises(KeyError, match="deriv"):
        v["deriv"]
    with pytest.raises(RValueError, match="2 values but 1 names"):
        NamedList([1.0, 2.0], ["a"])


def test_gradient_is_checked_numerically():
    # An independent check: the custom cube's gradient equals the finite
    # difference (f(x + h) - f(x - h)) / 2h of x³ computed in float64.
    cube = _cube()
    x = torch_tensor(c(0.5, -1.5, 2.0), requires_grad=True)
    cube(x).sum().backward()
    h = 1e-6
    points = np.array([0.5, -1.5, 2.0])
    expected = ((points + h) ** 3 - (points - h) ** 3) / (2 * h)

    np.testing.assert_allclose(as_array(x.grad), expected, rtol=1e-5)
