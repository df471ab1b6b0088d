"""The porter checks R torch names against what rtorch provides (issue 7).

Issue 7: "What it cannot translate it never guesses: it reports each construct
with its line and column and exits non-zero". An R torch function rtorch lacks
(or has only as a stub raising RNotImplementedError), and a method a known
tensor lacks, are such constructs: passed through, they would only fail when
the ported script runs, as a NameError. Positions are 1-based (line, column)
of the construct in the R text.
"""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

pytest.importorskip("tree_sitter_language_pack")

from port_helpers import body  # noqa: E402
from porting import only_problem  # noqa: E402

import rtorch  # noqa: E402
from rtorch.errors import RNotImplementedError  # noqa: E402
from rtorch.port import PortError, port_source, tables  # noqa: E402
from rtorch.port.calls import is_torch_name  # noqa: E402
from rtorch.port.cli import port_main  # noqa: E402
from rtorch.port.provided import function_returns_tensor  # noqa: E402
from rtorch.port.pyast import py_name  # noqa: E402
from rtorch.surface import exports  # noqa: E402

NAMESPACE = Path("/work/shared/spec/rtorch-namespace.txt")
TENSOR = "x <- torch_tensor(c(1, 2, 3))\n"


# -- rule 1: R torch functions rtorch does not provide ---------------------------

# (R code, line, column, name in the reason). The names are made up, so rtorch
# will never provide them; every spelling of a call is checked.
MISSING_FUNCTIONS = [
    ("y <- torch_totally_fake(x)", 1, 6, "torch_totally_fake()"),
    ("y <- nn_totally_fake(3, 8)", 1, 6, "nn_totally_fake()"),
    ("y <- nnf_totally_fake(x)", 1, 6, "nnf_totally_fake()"),
    ("o <- optim_totally_fake(p, lr = 0.1)", 1, 6, "optim_totally_fake()"),
    ("s <- lr_totally_fake(o)", 1, 6, "lr_totally_fake()"),
    ("d <- dataset_totally_fake()", 1, 6, "dataset_totally_fake()"),
    ("d <- dataloader_totally_fake(d)", 1, 6, "dataloader_totally_fake()"),
    ("m <- jit_totally_fake(f)", 1, 6, "jit_totally_fake()"),
    ("p <- distr_totally_fake(0, 1)", 1, 6, "distr_totally_fake()"),
    ("y <- torch::torch_totally_fake(x)", 1, 6, "torch_totally_fake()"),
    ("y <- x %>% torch_totally_fake()", 1, 12, "torch_totally_fake()"),
    ("y <- x |> torch_totally_fake()", 1, 11, "torch_totally_fake()"),
    ("y <- x %>% torch_totally_fake", 1, 12, "torch_totally_fake()"),
    ("f <- torch_totally_fake", 1, 6, "torch_totally_fake()"),
    ("f <- torch::torch_totally_fake", 1, 6, "torch_totally_fake()"),
    ("y <- sapply(v, nnf_totally_fake)", 1, 16, "nnf_totally_fake()"),
    ("y <- torch_exp(torch_totally_fake(x))", 1, 16, "torch_totally_fake()"),
    ("f <- function(a) {\n  torch_totally_fake(a)\n}", 2, 3, "torch_totally_fake()"),
    ("with_totally_fake({\n  y <- 1\n})", 1, 1, "with_totally_fake()"),
    # R torch's enumerate() is not Python's builtin, which it would become.
    ("for (b in enumerate(dl)) print(b)", 1, 11, "enumerate()"),
]


@pytest.mark.parametrize(("r_code", "line", "column", "what"), MISSING_FUNCTIONS)
def test_a_function_rtorch_lacks_is_reported_with_position(
    r_code: str, line: int, column: int, what: str
) -> None:
    assert only_problem(r_code)[:2] == (line, column)
    assert only_problem(r_code)[3] == f"rtorch does not provide {what} yet"


def test_every_call_is_reported_not_only_the_first() -> None:
    r_code = "a <- nn_totally_fake(1)\nb <- torch_exp(a)\nc <- optim_totally_fake(b)"
    with pytest.raises(PortError) as caught:
        port_source(r_code)
    assert [(p.line, p.column) for p in caught.value.problems] == [(1, 6), (3, 6)]


def test_a_stub_counts_as_missing_and_its_reason_is_given(monkeypatch) -> None:
    # rtorch's real stub factory: the kind of function install_surface() puts
    # in the namespace for an R torch name that is not written yet.
    stub = exports._missing_function("torch_abs")
    monkeypatch.setattr(rtorch, "torch_abs", stub)
    with pytest.raises(RNotImplementedError):
        rtorch.torch_abs(rtorch.torch_ones(1))
    line, column, construct, reason = only_problem(TENSOR + "y <- torch_abs(x)")
    assert (line, column, construct) == (2, 6, "torch_abs(x)")
    assert (
        reason == f"rtorch does not provide torch_abs() yet: {stub.__rtorch_missing__}"
    )


def _namespace_names() -> list[str]:
    if not NAMESPACE.exists():
        return []
    names = NAMESPACE.read_text().split()
    return [n for n in names if n.isidentifier() and is_torch_name(n)]


def _runs_on_rtorch(python_name: str) -> bool:
    """Whether ``from rtorch import *`` gives a function that is not a stub."""
    return python_name in rtorch.__all__ and exports.is_provided(
        getattr(rtorch, python_name)
    )


@pytest.mark.skipif(not NAMESPACE.exists(), reason="needs ../shared/spec")
def test_every_r_torch_export_is_reported_or_passed_through() -> None:
    """Each R torch export (rtorch-namespace.txt) ports to a name that
    ``from rtorch import *`` gives as a real function, or is reported."""
    reported, ported = [], []
    for r_name in _namespace_names():
        if r_name.startswith("local_"):
            continue  # local_*() has no translation at all yet
        is_context = r_name.startswith("with_")
        r_code = f"{r_name}({{\n  y <- 1\n}})" if is_context else f"y <- {r_name}(x)"
        try:
            python = body(r_code)
        except PortError as error:
            (problem,) = error.problems
            column = 1 if is_context else 6
            assert (problem.line, problem.column) == (1, column), r_name
            assert problem.reason.startswith(f"rtorch does not provide {r_name}()")
            reported.append(r_name)
            continue
        expected = f"with {r_name}():" if is_context else f"y = {r_name}(x)"
        assert python.splitlines()[0] == expected
        ported.append(r_name)
    wrongly_reported = [n for n in reported if _runs_on_rtorch(py_name(n))]
    wrongly_ported = [n for n in ported if not _runs_on_rtorch(py_name(n))]
    assert (wrongly_reported, wrongly_ported) == ([], [])
    named_in_issue = {"nn_module", "nn_sequential", "optim_adam", "dataloader"}
    assert named_in_issue <= set(reported) | set(ported)
    assert len(reported) > 100 and len(ported) > 300  # the sweep really ran


# -- rule 2: methods of a value the porter knows is a tensor ------------------------

# (R code after `x <- torch_tensor(...)`, line, column, what is missing).
MISSING_METHODS = [
    ("y <- x$totally_fake()", 2, 6, "the tensor method $totally_fake()"),
    ("y <- x$numpy()", 2, 6, "the tensor method $numpy()"),  # PyTorch's, not R's
    ("y <- (x * 2)$totally_fake()", 2, 6, "the tensor method $totally_fake()"),
    ("y <- (-x)$totally_fake()", 2, 6, "the tensor method $totally_fake()"),
    ("y <- x[1:2]$totally_fake()", 2, 6, "the tensor method $totally_fake()"),
    ("y <- x$detach()$totally_fake()", 2, 6, "the tensor method $totally_fake()"),
    ("y <- torch_ones(2)$totally_fake(1)", 2, 6, "the tensor method $totally_fake()"),
    ("z <- x + 1\ny <- z$totally_fake()", 3, 6, "the tensor method $totally_fake()"),
    ("y <- x$totally_fake", 2, 6, "the tensor field $totally_fake"),
    ("x$totally_fake <- 1", 2, 1, "the tensor field $totally_fake"),
]


@pytest.mark.parametrize(("r_code", "line", "column", "what"), MISSING_METHODS)
def test_a_method_a_known_tensor_lacks_is_reported(
    r_code: str, line: int, column: int, what: str
) -> None:
    found = only_problem(TENSOR + r_code)
    assert found[:2] == (line, column)
    assert found[3] == f"rtorch does not provide {what} yet"


# The generated functions and methods (tools/gen_surface.py) declare `-> Tensor`
# where every PyTorch overload returns one tensor, so their results are known
# tensors too; torch_max() may return two (values, indices), so it is not.
GENERATED_TENSOR_RESULTS = [
    ("y <- torch_exp(x)\ny$totally_fake()", 3, 1),
    ("y <- torch_matmul(x, x)$totally_fake()", 2, 6),
    ("y <- x$exp()$totally_fake()", 2, 6),
    ("y <- x$exp()$sqrt()\nz <- y$totally_fake", 3, 6),
]


@pytest.mark.parametrize(("r_code", "line", "column"), GENERATED_TENSOR_RESULTS)
def test_generated_tensor_results_are_known_tensors(
    r_code: str, line: int, column: int
) -> None:
    found = only_problem(TENSOR + r_code)
    assert found[:2] == (line, column)
    assert "$totally_fake" in found[3]


def test_a_function_with_several_results_is_not_declared_a_tensor() -> None:
    assert function_returns_tensor("torch_exp")
    assert not function_returns_tensor("torch_max")  # R torch: a list with dim=
    assert body(TENSOR + "y <- torch_max(x, dim = 1)$totally_fake()").endswith(
        "y = torch_max(x, dim=1).totally_fake()\n"
    )


def test_a_tensor_method_stub_is_reported_with_its_reason() -> None:
    # rtorch.Tensor's $rename() is a stub: PyTorch 2.13 has no named tensors.
    why = rtorch.Tensor.rename.__rtorch_missing__
    with pytest.raises(RNotImplementedError):
        rtorch.torch_ones(2).rename("a")
    found = only_problem(TENSOR + 'y <- x$rename("a")')
    assert found[:3] == (2, 6, 'x$rename("a")')
    assert found[3] == f"rtorch does not provide the tensor method $rename() yet: {why}"


# -- rule 3: R6 classes; `self` never reaches Python outside a class ---------------

SELF = [
    ("f <- function(x) self$fc(x)", 1, 18, "self"),
    ("f <- function(a) {\n  self$fc <- a\n}", 2, 3, "self"),
    ("f <- function() private$n", 1, 17, "private"),
]


@pytest.mark.parametrize(("r_code", "line", "column", "r_name"), SELF)
def test_r6_self_outside_a_class_is_reported(
    r_code: str, line: int, column: int, r_name: str
) -> None:
    found = only_problem(r_code)
    assert found[:3] == (line, column, r_name)
    assert "R6 class" in found[3]


NN_MODULE = """library(torch)
net <- nn_module(
  initialize = function(n_in, n_out) {
    self$fc <- nn_linear(n_in, n_out)
  },
  forward = function(x) self$fc(x)
)
model <- net(3, 8)
y <- model(torch_ones(2, 3))
"""


def test_nn_module_is_reported_and_no_python_refers_to_self(tmp_path, capsys) -> None:
    script = tmp_path / "net.R"
    script.write_text(NN_MODULE)
    output = tmp_path / "net.py"
    assert port_main([str(script), "-o", str(output), "--allow-untranslated"]) == 1
    error = capsys.readouterr().err
    assert f"{script}: line 2, column 8: nn_module(: rtorch does not provide" in error
    python = output.read_text()
    code = [line for line in python.splitlines() if not line.lstrip().startswith("#")]
    assert not any("self" in line for line in code)
    assert "# UNTRANSLATED (line 2, column 8): rtorch does not provide" in python
    compile(python, str(output), "exec")


def test_a_parameter_called_self_is_an_ordinary_name() -> None:
    assert body("f <- function(self) self$x") == "def f(self):\n    return self.x\n"


# -- what rtorch provides ports unchanged -----------------------------------------

PROVIDED = [
    ("y <- torch_exp(x)", "y = torch_exp(x)"),
    ("y <- torch::torch_exp(x)", "y = torch_exp(x)"),
    ("y <- x %>% torch_exp()", "y = torch_exp(x)"),
    ("f <- torch_exp", "f = torch_exp"),
    ("m <- nn_linear(3, 1)", "m = nn_linear(3, 1)"),
    ("y <- nnf_softmax(x, 1)", "y = nnf_softmax(x, 1)"),
    ("y <- linalg_norm(x)", "y = linalg_norm(x)"),
    ("y <- x$abs()$sum()", "y = x.abs().sum()"),
    (
        "y <- x$to(dtype = torch_float64())$abs()",
        "y = x.to(dtype=torch_float64()).abs()",
    ),
    ("x$requires_grad <- TRUE", "x.requires_grad = True"),
    ("y <- x$grad", "y = x.grad"),
    ("y <- (x * 2)$mean()", "y = (x * 2.0).mean()"),
    ("with_no_grad({\n  x$add_(1)\n})", "with with_no_grad():\n    x.add_(1.0)"),
    (
        "with_no_grad(code = {\n  x$add_(1)\n})",
        "with with_no_grad():\n    x.add_(1.0)",
    ),
    # Not known to be a tensor: a module's and a parameter's members pass.
    ("m <- nn_linear(3, 1)\nw <- m$weight", "m = nn_linear(3, 1)\nw = m.weight"),
    (
        "m <- nn_linear(3, 1)\ny <- m$totally_fake()",
        "m = nn_linear(3, 1)\ny = m.totally_fake()",
    ),
    ("g <- function(o) o$totally_fake()", "\n\ndef g(o):\n    return o.totally_fake()"),
]


@pytest.mark.parametrize(("r_code", "python"), PROVIDED)
def test_what_rtorch_provides_ports_unchanged(r_code: str, python: str) -> None:
    assert (
        body(TENSOR + r_code) == "x = torch_tensor(c(1.0, 2.0, 3.0))\n" + python + "\n"
    )


def test_a_function_the_script_defines_later_is_the_scripts_own() -> None:
    r_code = (
        "f <- function(a) {\n  torch_helper(a)\n}\n"
        "torch_helper <- function(a) a * 2\n"
    )
    assert body(r_code) == (
        "def f(a):\n    return torch_helper(a)\n\n\n"
        "def torch_helper(a):\n    return a * 2.0\n"
    )


def test_every_plain_name_the_porter_writes_exists() -> None:
    """The porter's own tables name only rtorch functions or Python builtins."""
    written = (tables.SAME_NAME | set(tables.RENAMED.values())) - {"library"}
    absent = [
        n for n in written if n not in rtorch.__all__ and not hasattr(builtins, n)
    ]
    assert absent == []
    assert all(hasattr(rtorch.base, n) for n in tables.BASE_MODULE)


def test_cli_exits_one_on_a_made_up_torch_function(tmp_path, capsys) -> None:
    script = tmp_path / "fake.R"
    script.write_text(
        "library(torch)\nx <- torch_ones(2)\ny <- torch_totally_fake(x)\n"
    )
    assert port_main([str(script)]) == 1
    error = capsys.readouterr().err
    assert (
        f"{script}: line 3, column 6: torch_totally_fake(x): "
        "rtorch does not provide torch_totally_fake() yet" in error
    )


def test_ported_code_runs_where_every_name_was_provided() -> None:
    r_code = TENSOR + "y <- (x * 2)$abs()$sum()\nz <- torch_exp(x)$mean()$item()\n"
    namespace: dict[str, object] = {}
    exec(port_source(r_code, autoprint=False), namespace)
    assert namespace["y"].item() == 12.0  # 2 + 4 + 6
    assert namespace["z"] == pytest.approx(
        (2.718281828 + 7.389056099 + 20.08553692) / 3
    )
