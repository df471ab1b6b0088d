"""R expressions -> Python expression trees (``ast``), following DECISIONS.md.

Building ``ast`` nodes instead of text lets Python's own unparser place the
parentheses: R and Python rank their operators differently (R's ``%%`` binds
tighter than ``*``, Python's ``&`` tighter than ``>``), and the tree keeps the
R meaning whatever the printed form.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from rtorch.port import tables
from rtorch.port.calls import check_provided, is_torch_name, translate_call
from rtorch.port.frames import provided_dataset, translate_column
from rtorch.port.literals import r_complex, r_double, r_integer, r_string, raw
from rtorch.port.parse import Node, field, text_of
from rtorch.port.problems import Untranslated
from rtorch.port.provided import missing_tensor_member
from rtorch.port.pyast import call, call_arguments, is_call_to, name, none, py_name
from rtorch.port.scope import Kind, Scope
from rtorch.port.subsetting import translate_subset, translate_subset2
from rtorch.port.vectors import translate_vector_operation, value_kind

# (function node, name hint) -> name of a function defined before the statement
DefineFunction = Callable[[Node, str], str]

_BINARY = {
    "+": ast.Add,
    "-": ast.Sub,
    "*": ast.Mult,
    "/": ast.Div,
    "^": ast.Pow,
    "**": ast.Pow,
    "%%": ast.Mod,  # R torch maps %% to fmod; the rtorch tensor's % does too
    "%/%": ast.FloorDiv,  # R torch truncates; the rtorch tensor's // does too
    "%*%": ast.MatMult,
    "&": ast.BitAnd,
    "|": ast.BitOr,
}
_COMPARE = {
    "==": ast.Eq,
    "!=": ast.NotEq,
    "<": ast.Lt,
    "<=": ast.LtE,
    ">": ast.Gt,
    ">=": ast.GtE,
}
_ASSIGNMENT_OPERATORS = {"<-", "<<-", "=", "->", "->>", ":="}
# Names an R6 class (nn_module(), dataset(), R6Class()) binds in its methods;
# the porter writes no classes, so in Python they would be undefined.
_R6_NAMES = frozenset({"self", "private", "super"})
# Operators through which "these numbers are counts" passes on to operands.
_INT_TRANSPARENT = {"+", "-", "*", "%%", "%/%", "==", "!=", "<", "<=", ">", ">="}


class ExpressionTranslator:
    """Translates one R expression node at a time into a Python ``ast.expr``.

    The statement translator owns it; ``scope`` is swapped as it enters and
    leaves function bodies, ``imports`` collects the imports the output
    needs (``"rb"``, ``"math"``, ...), and ``script_names`` holds every name
    the script assigns anywhere (see :func:`~rtorch.port.scope.assigned_names`).
    """

    def __init__(self, define_function: DefineFunction) -> None:
        self.scope = Scope()
        self.imports: set[str] = set()
        self.define_function = define_function
        self.name_hint = ""
        self.script_names: frozenset[str] = frozenset()
        self.datasets: set[str] = set()
        self.filled_names: frozenset[str] = frozenset()

    def defines(self, r_name: str) -> bool:
        """Whether the script itself defines ``r_name`` (here or anywhere)."""
        return self.scope.kind(r_name) is not None or r_name in self.script_names

    def expr(self, node: Node, ints: bool = False, cond: bool = False) -> ast.expr:
        """Translate an R expression.

        Args:
            node: the R syntax node.
            ints: the numbers here are counts, sizes, dims or indices, so a
                whole R double ports as a Python int.
            cond: the value is used as an if/while condition, so ``!`` is
                Python's ``not``.

        Raises:
            Untranslated: the construct has no faithful translation.
        """
        method = getattr(self, "_" + node.type, None)
        if method is None:
            raise Untranslated(node, f"R construct '{node.type}' is not supported")
        return method(node, ints, cond)

    # -- atoms -------------------------------------------------------------

    def _float(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        return r_double(node, int_context=ints)

    def _integer(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        return r_integer(node)

    def _complex(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        return r_complex(node)

    def _string(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        return r_string(node)

    def _true(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        return ast.Constant(value=True)

    def _false(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        return ast.Constant(value=False)

    def _null(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        return ast.Constant(value=None)

    def _na(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        spelled = text_of(node)
        if spelled == "NA_real_":
            # R torch: NA_real_ is a double NA, NaN in a float tensor (2.2).
            return call(name("float"), [ast.Constant(value="nan")])
        if spelled in ("NA_character_", "NA_complex_"):
            raise Untranslated(
                node, f"{spelled} has no rtorch spelling; tensors hold no text or NA"
            )
        return name("NA")  # NA and NA_integer_: rtorch's NA

    def _inf(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        self.imports.add("math")
        return ast.Attribute(value=name("math"), attr="inf", ctx=ast.Load())

    def _nan(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        self.imports.add("math")
        return ast.Attribute(value=name("math"), attr="nan", ctx=ast.Load())

    def _identifier(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        r_name = text_of(node)
        if self.scope.kind(r_name) is None:
            if r_name in ("T", "F"):
                return ast.Constant(value=r_name == "T")
            if r_name == "pi":
                self.imports.add("math")
                return ast.Attribute(value=name("math"), attr="pi", ctx=ast.Load())
            if r_name in tables.R_CONSTANTS or (
                r_name.startswith(".") and r_name != ".."
            ):
                raise Untranslated(
                    node, f"R's built-in {r_name} has no rtorch spelling"
                )
            if r_name in _R6_NAMES and r_name not in self.script_names:
                raise Untranslated(
                    node,
                    f"{r_name} belongs to an R6 class (nn_module(), dataset(), "
                    "R6Class()), which rtorch port does not translate yet",
                )
            if provided_dataset(self, r_name):
                # R attaches its datasets package in every session.
                self.datasets.add(r_name)
            elif is_torch_name(r_name):
                check_provided(self, node, r_name)
        return name(py_name(r_name))

    def _parenthesized_expression(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        return self.expr(field(node, "body"), ints, cond)

    def _braced_expression(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        body = [c for c in node.named_children if c.type != "comment"]
        if len(body) != 1:
            raise Untranslated(
                node, "a { } block used as a value; assign its result explicitly"
            )
        return self.expr(body[0], ints, cond)

    # -- operators ---------------------------------------------------------

    def _unary_operator(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        vectorised = translate_vector_operation(self, node, ints, cond)
        if vectorised is not None:
            return vectorised
        operator = text_of(field(node, "operator"))
        operand = field(node, "rhs")
        if operator == "-":
            return ast.UnaryOp(op=ast.USub(), operand=self.expr(operand, ints))
        if operator == "+":
            return ast.UnaryOp(op=ast.UAdd(), operand=self.expr(operand, ints))
        if operator == "!":
            return self._negation(operand, cond)
        raise Untranslated(node, f"R operator {operator} (formulas) is not supported")

    def _negation(self, operand: Node, cond: bool) -> ast.expr:
        if is_call_to(operand, "is.null"):
            value = self.expr(call_arguments(operand)[0][1])
            return ast.Compare(left=value, ops=[ast.IsNot()], comparators=[none()])
        if cond or _is_plain_logical(operand):
            return ast.UnaryOp(op=ast.Not(), operand=self.expr(operand, cond=True))
        # R torch's `!` on a tensor is logical_not: the rtorch tensor's `~`.
        return ast.UnaryOp(op=ast.Invert(), operand=self.expr(operand))

    def _binary_operator(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        operator = text_of(field(node, "operator"))
        lhs, rhs = field(node, "lhs"), field(node, "rhs")
        if operator in _ASSIGNMENT_OPERATORS:
            raise Untranslated(
                node, "an assignment inside an expression; assign on its own line"
            )
        if operator == ":":
            return self._colon(lhs, rhs)
        if operator in ("&&", "||"):
            op = ast.And() if operator == "&&" else ast.Or()
            return ast.BoolOp(
                op=op, values=[self.expr(lhs, cond=True), self.expr(rhs, cond=True)]
            )
        if operator in ("|>", "%>%"):
            return self._pipe(node, lhs, rhs, operator)
        vectorised = translate_vector_operation(self, node, ints, cond)
        if vectorised is not None:
            return vectorised
        operand_ints = ints and operator in _INT_TRANSPARENT
        if operator in _COMPARE:
            return ast.Compare(
                left=self.expr(lhs, operand_ints),
                ops=[_COMPARE[operator]()],
                comparators=[self.expr(rhs, operand_ints)],
            )
        if operator in _BINARY:
            return ast.BinOp(
                left=self.expr(lhs, operand_ints),
                op=_BINARY[operator](),
                right=self.expr(rhs, operand_ints),
            )
        raise Untranslated(node, f"R operator {operator} has no rtorch translation")

    def _colon(self, lhs: Node, rhs: Node) -> ast.expr:
        # R's a:b is an inclusive integer sequence when a is whole.
        return call(name("seq"), [self.expr(lhs, ints=True), self.expr(rhs, ints=True)])

    def _pipe(self, node: Node, lhs: Node, rhs: Node, operator: str) -> ast.expr:
        if rhs.type == "identifier" and operator == "%>%":
            return self.call_with_first(rhs, None, lhs)
        if rhs.type != "call":
            raise Untranslated(node, f"the right side of {operator} must be a call")
        if operator == "%>%" and any(
            v is not None and text_of(v) == "." for _, v in call_arguments(rhs)
        ):
            raise Untranslated(node, "magrittr's `.` placeholder is not supported")
        return self.call_with_first(field(rhs, "function"), rhs, lhs)

    def call_with_first(
        self, callee: Node, call_node: Node | None, first: Node
    ) -> ast.expr:
        """Translate ``callee(first, <arguments of call_node>)`` (for pipes)."""
        return translate_call(self, callee, call_node, first)

    # -- calls, fields, subsetting ----------------------------------------

    def _call(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        return translate_call(self, field(node, "function"), node, None, ints=ints)

    def _extract_operator(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        owner, member = field(node, "lhs"), field(node, "rhs")
        if member is None or member.type not in ("identifier", "string"):
            raise Untranslated(node, "a computed $ name is not supported")
        member_name = text_of(member).strip("`\"'")
        if owner.type == "identifier" and text_of(owner) == ".Machine":
            if member_name not in tables.MACHINE_CONSTANTS:
                raise Untranslated(
                    node, f".Machine${member_name} has no rtorch spelling"
                )
            return raw(tables.MACHINE_CONSTANTS[member_name])
        owner_kind = value_kind(self, owner)
        if owner_kind is Kind.TENSOR:
            missing = missing_tensor_member(member_name, called=False)
            if missing is not None:
                raise Untranslated(node, missing)
        if owner_kind is Kind.FRAME:
            return translate_column(self, owner, member_name)
        value = self.expr(owner)
        if owner_kind is Kind.DICT:
            return ast.Subscript(value=value, slice=ast.Constant(member_name))
        return ast.Attribute(value=value, attr=py_name(member_name), ctx=ast.Load())

    def _namespace_operator(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        package = text_of(field(node, "lhs"))
        if package != "torch":
            raise Untranslated(node, f"functions of the R package {package}")
        r_name = text_of(field(node, "rhs"))
        check_provided(self, node, r_name)
        return name(py_name(r_name))

    def _subset(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        return translate_subset(self, node)

    def _subset2(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        return translate_subset2(self, node)

    # -- functions and conditionals ----------------------------------------

    def _function_definition(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        body = field(node, "body")
        single = _single_expression(body)
        if single is not None and not _has_dots(node):
            outer = self.scope
            self.scope = Scope(parent=outer, is_function=True)
            try:
                arguments = self.parameters(field(node, "parameters"))
                lambda_body = self.expr(single)
            except Untranslated:
                lambda_body = None
            finally:
                self.scope = outer
            if lambda_body is not None:
                return ast.Lambda(args=arguments, body=lambda_body)
        return name(self.define_function(node, self.name_hint or "fn"))

    def parameters(self, node: Node) -> ast.arguments:
        """Translate R formal arguments; registers them in the current scope.

        ``...`` becomes ``*args`` (arguments after it are keyword-only, as in
        R, where they can only be matched by name) plus ``**kwargs``.
        """
        positional: list[ast.arg] = []
        defaults: list[ast.expr] = []
        keyword_only: list[ast.arg] = []
        keyword_defaults: list[ast.expr | None] = []
        has_dots = False
        for parameter in node.named_children:
            if parameter.type != "parameter":
                continue
            param_name = field(parameter, "name")
            if param_name.type == "dots":
                has_dots = True
                self.scope.has_dots = True
                continue
            r_name = text_of(param_name)
            default = field(parameter, "default")
            value = self.expr(default) if default is not None else None
            self.scope.assign(r_name, Kind.UNKNOWN)
            argument = ast.arg(arg=py_name(r_name))
            if has_dots:
                keyword_only.append(argument)
                keyword_defaults.append(value)
            else:
                if value is None and defaults:
                    raise Untranslated(
                        parameter,
                        "a parameter without default after one with a default",
                    )
                positional.append(argument)
                if value is not None:
                    defaults.append(value)
        return ast.arguments(
            posonlyargs=[],
            args=positional,
            vararg=ast.arg(arg="args") if has_dots else None,
            kwonlyargs=keyword_only,
            kw_defaults=keyword_defaults,
            kwarg=ast.arg(arg="kwargs") if has_dots else None,
            defaults=defaults,
        )

    def _if_statement(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        consequence = _single_expression(field(node, "consequence"))
        alternative_node = field(node, "alternative")
        alternative = (
            _single_expression(alternative_node)
            if alternative_node is not None
            else None
        )
        if consequence is None or (
            alternative_node is not None and alternative is None
        ):
            raise Untranslated(
                node, "an if/else with blocks used as a value; assign in each branch"
            )
        return ast.IfExp(
            test=self.expr(field(node, "condition"), cond=True),
            body=self.expr(consequence, ints),
            orelse=self.expr(alternative, ints) if alternative is not None else none(),
        )

    def _dots(self, node: Node, ints: bool, cond: bool) -> ast.expr:
        raise Untranslated(node, "... used outside a call's arguments")


def _single_expression(body: Node) -> Node | None:
    """The one expression of a function or branch body, or None if it has more."""
    if body.type != "braced_expression":
        return body
    statements = [c for c in body.named_children if c.type != "comment"]
    if len(statements) == 1 and statements[0].type not in (
        "binary_operator",
        "for_statement",
        "while_statement",
        "repeat_statement",
        "if_statement",
    ):
        return statements[0]
    if len(statements) == 1 and statements[0].type == "binary_operator":
        operator = text_of(field(statements[0], "operator"))
        if operator not in _ASSIGNMENT_OPERATORS:
            return statements[0]
    return None


def _has_dots(function_node: Node) -> bool:
    parameters = field(function_node, "parameters")
    return any(
        p.type == "parameter" and field(p, "name").type == "dots"
        for p in parameters.named_children
    )


_PLAIN_LOGICAL_CALLS = {
    "is.null",
    "is.na",
    "isTRUE",
    "isFALSE",
    "identical",
    "inherits",
    "exists",
    "missing",
    "all",
    "any",
    "is_torch_tensor",
}


def _is_plain_logical(node: Node) -> bool:
    """Whether a value is surely an R logical scalar (so `!` is Python `not`)."""
    if node.type in ("true", "false"):
        return True
    if node.type == "parenthesized_expression":
        return _is_plain_logical(field(node, "body"))
    if node.type == "call":
        callee = field(node, "function")
        return callee.type == "identifier" and text_of(callee) in _PLAIN_LOGICAL_CALLS
    return False
