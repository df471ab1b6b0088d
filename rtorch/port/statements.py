"""R statements -> indented Python lines, with the comments where they were.

R has no statements, only expressions with values; Python needs to be told
what to do with each value. The translator passes a *tail* down into every
block: at top level R prints each visible value (``"print"``), a function
returns its last value (``"return"``), and ``y <- if (...) {...}`` assigns the
last value of each branch (an ``ast.expr`` target).
"""

from __future__ import annotations

import ast
from typing import Union

from rtorch.port import tables
from rtorch.port.calls import check_provided, translate_arguments
from rtorch.port.expressions import ExpressionTranslator
from rtorch.port.matrices import double_na_fill, filled_names
from rtorch.port.parse import Node, field, position, text_of
from rtorch.port.problems import Problem, Untranslated
from rtorch.port.pyast import (
    attribute,
    call,
    callee_name,
    method_name,
    name,
    py_name,
)
from rtorch.port.scope import Kind, Scope, assigned_names
from rtorch.port.subsetting import translate_subset, translate_subset2
from rtorch.port.vectors import value_kind

Tail = Union[str, ast.expr, None]  # "print" | "return" | assignment target | None
_ASSIGN = {"<-", "=", "<<-", "->", "->>"}
_INDENT = "    "


class StatementTranslator:
    """Walks an R program and produces Python source lines.

    Args:
        source: the R code (for quoting untranslated lines).
        allow_untranslated: emit untranslatable statements as marked comments
            instead of only reporting them.
        autoprint: print top-level visible values, as ``Rscript`` does.
    """

    def __init__(self, source: str, allow_untranslated: bool, autoprint: bool) -> None:
        self.source_lines = source.splitlines()
        self.allow_untranslated = allow_untranslated
        self.autoprint = autoprint
        self.problems: list[Problem] = []
        self.tr = ExpressionTranslator(self._define_function)
        self._hoisted: list[list[str]] = []
        self._indent = 0
        self._function_names: set[str] = set()

    def program(self, root: Node) -> tuple[list[str], list[str]]:
        """Translate a whole R script.

        Returns:
            The leading comment lines (they stay above the imports) and the
            translated body.
        """
        self.tr.script_names = assigned_names(root)
        self.tr.filled_names = filled_names(root)
        children = list(root.named_children)
        leading: list[str] = []
        while children and children[0].type == "comment":
            comment = text_of(children.pop(0))
            if not comment.startswith("#!"):
                leading.append(comment)
        tail = "print" if self.autoprint else None
        return leading, self.block(children, 0, tail_each=tail)

    def block(
        self,
        children: list[Node],
        indent: int,
        tail_each: Tail = None,
        tail_last: Tail = None,
    ) -> list[str]:
        """Translate a sequence of R statements and comments at one indent."""
        statements = [c for c in children if c.type != "comment"]
        last = statements[-1] if statements else None
        out: list[str] = []
        previous_end: int | None = None
        previous_produced = 0
        for child in children:
            start = child.start_point.row
            if child.type == "comment":
                comment = text_of(child)
                if previous_end == start and previous_produced and out:
                    out[-1] += "  " + comment
                    continue
                if previous_end is not None and start - previous_end > 1:
                    out.append("")
                out.append(_INDENT * indent + comment)
                previous_end, previous_produced = child.end_point.row, 0
                continue
            if previous_end is not None and start - previous_end > 1:
                out.append("")
            tail = tail_last if child is last and tail_last is not None else tail_each
            lines = self.statement(child, indent, tail)
            out.extend(lines)
            previous_end, previous_produced = child.end_point.row, len(lines)
        return out

    def statement(self, node: Node, indent: int, tail: Tail) -> list[str]:
        """Translate one statement; an untranslatable one becomes a problem."""
        self._hoisted.append([])
        outer_indent, self._indent = self._indent, indent
        try:
            lines = self._statement(node, indent, tail)
        except Untranslated as problem:
            self._hoisted.pop()
            return self._untranslated(node, problem, indent)
        finally:
            self._indent = outer_indent
        hoisted = self._hoisted.pop()
        comments = [_INDENT * indent + c for c in _stray_comments(node)]
        return comments + hoisted + lines

    # -- statement kinds -----------------------------------------------------

    def _statement(self, node: Node, indent: int, tail: Tail) -> list[str]:
        kind = node.type
        if kind == "binary_operator" and text_of(field(node, "operator")) in _ASSIGN:
            return self._assignment(node, indent, tail)
        if kind == "if_statement":
            return self._if(node, indent, tail, "if")
        if kind == "for_statement":
            return self._for(node, indent, tail)
        if kind in ("while_statement", "repeat_statement"):
            return self._while(node, indent, tail)
        if kind == "break":
            return [_INDENT * indent + "break"]
        if kind == "next":
            return [_INDENT * indent + "continue"]
        if kind == "braced_expression":
            return self._branch(node, indent, tail)
        if kind == "parenthesized_expression":
            return self._parenthesized(node, indent, tail)
        if kind == "call":
            special = self._special_call(node, indent, tail)
            if special is not None:
                return special
        if kind == "function_definition":
            raise Untranslated(node, "a function that is never assigned or called")
        return self._value(node, indent, tail)

    def _value(self, node: Node, indent: int, tail: Tail) -> list[str]:
        value = self.tr.expr(node)
        pad = _INDENT * indent
        if tail == "print" and _visible(node):
            return [pad + ast.unparse(call(name("print"), [value]))]
        if tail == "return" and _visible(node):
            return [pad + "return " + ast.unparse(value)]
        if isinstance(tail, ast.expr):
            return [pad + f"{ast.unparse(tail)} = {ast.unparse(value)}"]
        return [pad + ast.unparse(value)]

    def _parenthesized(self, node: Node, indent: int, tail: Tail) -> list[str]:
        inner = field(node, "body")
        is_assignment = (
            inner.type == "binary_operator"
            and text_of(field(inner, "operator")) in _ASSIGN
        )
        if not is_assignment:
            return self._value(node, indent, tail)
        # R: (x <- value) assigns and prints.
        lines = self._assignment(inner, indent, None)
        target = field(
            inner, "lhs" if text_of(field(inner, "operator")) != "->" else "rhs"
        )
        if tail == "print":
            lines.append(
                _INDENT * indent + f"print({ast.unparse(self.tr.expr(target))})"
            )
        return lines

    def _assignment(self, node: Node, indent: int, tail: Tail) -> list[str]:
        targets: list[Node] = []
        value = node
        superassign = False
        while (
            value.type == "binary_operator"
            and text_of(field(value, "operator")) in _ASSIGN
        ):
            operator = text_of(field(value, "operator"))
            lhs, rhs = field(value, "lhs"), field(value, "rhs")
            if operator in ("->", "->>"):
                lhs, rhs = rhs, lhs
            superassign = superassign or operator in ("<<-", "->>")
            targets.append(lhs)
            value = rhs

        pad = _INDENT * indent
        lines: list[str] = []
        if superassign and self.tr.scope.is_function:
            lines.extend(self._declare_outer(targets, pad))

        if len(targets) == 1 and targets[0].type == "identifier":
            target_name = text_of(targets[0])
            if value.type == "function_definition":
                function_name = py_name(target_name)
                self.tr.scope.assign(target_name, Kind.FUNCTION)
                return lines + self._function(function_name, value, indent)
            special = self._assigned_block(value, indent, targets[0])
            if special is not None:
                return (
                    lines + special + self._after_assignment(targets[0], indent, tail)
                )

        append = _append_idiom(targets, value)
        if append is not None:
            owner, element = append
            appended = call(
                attribute(self.tr.expr(owner), "append"), [self.tr.expr(element)]
            )
            return lines + [pad + ast.unparse(appended)]

        self.tr.name_hint = (
            py_name(text_of(targets[0])) if targets[0].type == "identifier" else ""
        )
        try:
            value_ast = self.tr.expr(value)
        finally:
            self.tr.name_hint = ""
        value_ast = double_na_fill(self.tr, targets[0], value, value_ast)
        target_texts = [ast.unparse(self._target(t, value)) for t in targets]
        lines.append(pad + " = ".join(target_texts) + " = " + ast.unparse(value_ast))
        return lines + self._after_assignment(targets[0], indent, tail)

    def _after_assignment(self, target: Node, indent: int, tail: Tail) -> list[str]:
        if target.type != "identifier":
            return []
        target_text = py_name(text_of(target))
        if tail == "return":
            return [_INDENT * indent + f"return {target_text}"]
        if isinstance(tail, ast.expr):
            return [_INDENT * indent + f"{ast.unparse(tail)} = {target_text}"]
        return []

    def _declare_outer(self, targets: list[Node], pad: str) -> list[str]:
        lines = []
        for target in targets:
            if target.type != "identifier":
                raise Untranslated(target, "<<- into part of an outer variable")
            r_name = text_of(target)
            enclosing = self.tr.scope.parent
            in_function = False
            while enclosing is not None:
                if enclosing.defines(r_name) and enclosing.is_function:
                    in_function = True
                    break
                enclosing = enclosing.parent
            # R's <<- assigns in the nearest enclosing scope that has the name,
            # else in the global environment.
            keyword = "nonlocal" if in_function else "global"
            lines.append(f"{pad}{keyword} {py_name(r_name)}")
        return lines

    def _target(self, target: Node, value: Node) -> ast.expr:
        if target.type in ("identifier", "string"):
            r_name = text_of(target).strip("`\"'")
            self.tr.scope.assign(r_name, _kind_of(self.tr, value))
            return ast.Name(id=py_name(r_name), ctx=ast.Store())
        if target.type == "subset":
            return translate_subset(self.tr, target, store=True)
        if target.type == "subset2":
            return translate_subset2(self.tr, target, store=True)
        if target.type == "extract_operator":
            owner = self.tr.expr(target)
            owner.ctx = ast.Store()  # type: ignore[attr-defined]
            return owner
        raise Untranslated(
            target, f"assignment to {text_of(target)} (an R replacement function)"
        )

    def _assigned_block(
        self, value: Node, indent: int, target: Node
    ) -> list[str] | None:
        """`y <- if/try/tryCatch/with_*(...)`: statements that assign in each branch."""
        target_ast = ast.Name(id=py_name(text_of(target)), ctx=ast.Store())
        function = callee_name(value) if value.type == "call" else None
        is_block_if = value.type == "if_statement" and _has_block_branch(value)
        if (
            not is_block_if
            and function not in ("try", "tryCatch")
            and not (function is not None and function.startswith("with_"))
        ):
            return None
        self.tr.scope.assign(text_of(target), Kind.UNKNOWN)
        if is_block_if:
            return self._if(value, indent, target_ast, "if")
        return self._special_call(value, indent, target_ast)

    def _function(self, function_name: str, node: Node, indent: int) -> list[str]:
        outer = self.tr.scope
        self.tr.scope = Scope(parent=outer, is_function=True)
        try:
            arguments = self.tr.parameters(field(node, "parameters"))
            header = f"{_INDENT * indent}def {function_name}({ast.unparse(arguments)}):"
            body = self._branch(field(node, "body"), indent + 1, "return")
        finally:
            self.tr.scope = outer
        return [header, *body]

    def _define_function(self, node: Node, hint: str) -> str:
        function_name = py_name(hint)
        base, number = function_name, 1
        while function_name in self._function_names or self.tr.scope.kind(
            function_name
        ):
            number += 1
            function_name = f"{base}_{number}"
        self._function_names.add(function_name)
        self.tr.scope.assign(function_name, Kind.FUNCTION)
        self._hoisted[-1].extend(self._function(function_name, node, self._indent))
        return function_name

    def _branch(self, node: Node, indent: int, tail: Tail) -> list[str]:
        if node.type == "braced_expression":
            lines = self.block(list(node.named_children), indent, tail_last=tail)
        else:
            lines = self.statement(node, indent, tail)
        if not any(_is_code(line) for line in lines):
            lines.append(_INDENT * indent + "pass")
        return lines

    def _if(self, node: Node, indent: int, tail: Tail, keyword: str) -> list[str]:
        condition = self.tr.expr(field(node, "condition"), cond=True)
        lines = [f"{_INDENT * indent}{keyword} {ast.unparse(condition)}:"]
        lines += self._branch(field(node, "consequence"), indent + 1, tail)
        alternative = field(node, "alternative")
        if alternative is None:
            if isinstance(tail, ast.expr):  # R: an if without else gives NULL
                lines += [
                    f"{_INDENT * indent}else:",
                    f"{_INDENT * (indent + 1)}{ast.unparse(tail)} = None",
                ]
            return lines
        if alternative.type == "if_statement":
            return lines + self._if(alternative, indent, tail, "elif")
        lines.append(f"{_INDENT * indent}else:")
        return lines + self._branch(alternative, indent + 1, tail)

    def _for(self, node: Node, indent: int, tail: Tail) -> list[str]:
        variable = text_of(field(node, "variable"))
        sequence = field(node, "sequence")
        over_vector = value_kind(self.tr, sequence) is Kind.VECTOR
        # Each step of a loop over a plain R vector holds one plain value.
        self.tr.scope.assign(variable, Kind.SCALAR if over_vector else Kind.UNKNOWN)
        header = f"for {py_name(variable)} in {ast.unparse(self.tr.expr(sequence))}:"
        return [
            _INDENT * indent + header,
            *self._branch(field(node, "body"), indent + 1, None),
        ]

    def _while(self, node: Node, indent: int, tail: Tail) -> list[str]:
        if node.type == "repeat_statement":
            condition = "True"
        else:
            condition = ast.unparse(self.tr.expr(field(node, "condition"), cond=True))
        body = self._branch(field(node, "body"), indent + 1, None)
        return [f"{_INDENT * indent}while {condition}:", *body]

    # -- calls that are statements in Python ------------------------------

    def _special_call(self, node: Node, indent: int, tail: Tail) -> list[str] | None:
        function = callee_name(node)
        if function is None:
            return None
        pad = _INDENT * indent
        arguments = [
            (field(a, "name"), field(a, "value"), a)
            for a in field(node, "arguments").named_children
            if a.type == "argument"
        ]
        if function in ("library", "require"):
            package = arguments[0][1] if arguments else None
            if package is None or text_of(package).strip("\"'") != "torch":
                raise Untranslated(node, f"the R package in {text_of(node)}")
            return []
        if function.startswith("with_") and arguments:
            return self._with(node, function, arguments, indent, tail)
        if function == "try":
            return self._try(node, arguments, indent, tail)
        if function == "tryCatch":
            return self._try_catch(node, arguments, indent, tail)
        if function == "return":
            if not self.tr.scope.is_function:
                raise Untranslated(node, "return() outside a function")
            if not arguments:
                return [pad + "return"]
            return [pad + "return " + ast.unparse(self.tr.expr(arguments[0][1]))]
        if function in ("stop", "warning", "message"):
            return [pad + self._condition(node, function, arguments)]
        if function == "stopifnot":
            return [pad + "assert " + self._assertion(v) for _, v, _ in arguments]
        return None

    def _assertion(self, condition: Node) -> str:
        if value_kind(self.tr, condition) is Kind.VECTOR:
            # R: stopifnot() of a vector checks that every element is TRUE.
            return f"all({ast.unparse(self.tr.expr(condition))})"
        return ast.unparse(self.tr.expr(condition, cond=True))

    def _with(
        self, node: Node, function: str, arguments: list, indent: int, tail: Tail
    ) -> list[str]:
        *options, (body_name, body, _) = arguments
        if body_name is not None and text_of(body_name) != "code":
            raise Untranslated(node, f"{function}() without a code block last")
        check_provided(self.tr, node, function)
        option_arguments = [
            (text_of(n) if n is not None else None, v, a) for n, v, a in options
        ]
        positional, keywords = translate_arguments(self.tr, option_arguments, function)
        context = ast.Call(
            func=name(py_name(function)), args=positional, keywords=keywords
        )
        header = f"{_INDENT * indent}with {ast.unparse(context)}:"
        return [header, *self._branch(body, indent + 1, tail)]

    def _try(self, node: Node, arguments: list, indent: int, tail: Tail) -> list[str]:
        expression = [v for n, v, _ in arguments if n is None or text_of(n) == "expr"]
        silent = any(
            n is not None and text_of(n) == "silent" and v.type == "true"
            for n, v, _ in arguments
        )
        if len(expression) != 1:
            raise Untranslated(node, "try() with more than one expression")
        pad = _INDENT * indent
        lines = [pad + "try:", *self._branch(expression[0], indent + 1, tail)]
        lines.append(pad + "except Exception as error:")
        inner = _INDENT * (indent + 1)
        if isinstance(tail, ast.expr):  # R: the value of a failed try() is the error
            lines.append(f"{inner}{ast.unparse(tail)} = error")
        elif not silent:
            lines.append(f"{inner}print(error)")
        else:
            lines.append(f"{inner}pass")
        return lines

    def _try_catch(
        self, node: Node, arguments: list, indent: int, tail: Tail
    ) -> list[str]:
        pad = _INDENT * indent
        expression, handler, final = None, None, None
        for arg_name, value, _ in arguments:
            label = text_of(arg_name) if arg_name is not None else "expr"
            if label == "expr":
                expression = value
            elif label == "error":
                handler = value
            elif label == "finally":
                final = value
            else:
                raise Untranslated(
                    node, f"tryCatch() handler {label}= is not supported"
                )
        if expression is None:
            raise Untranslated(node, "tryCatch() without an expression")
        lines = [pad + "try:", *self._branch(expression, indent + 1, tail)]
        if handler is not None:
            lines += self._handler(handler, indent, tail)
        if final is not None:
            lines += [pad + "finally:", *self._branch(final, indent + 1, None)]
        if handler is None and final is None:
            lines += [pad + "finally:", _INDENT * (indent + 1) + "pass"]
        return lines

    def _handler(self, handler: Node, indent: int, tail: Tail) -> list[str]:
        if handler.type != "function_definition":
            raise Untranslated(handler, "a tryCatch() handler that is not function(e)")
        parameters = [
            p
            for p in field(handler, "parameters").named_children
            if p.type == "parameter"
        ]
        error_name = text_of(field(parameters[0], "name")) if parameters else "error"
        self.tr.scope.assign(error_name, Kind.UNKNOWN)
        header = f"{_INDENT * indent}except Exception as {py_name(error_name)}:"
        return [header, *self._branch(field(handler, "body"), indent + 1, tail)]

    def _condition(self, node: Node, function: str, arguments: list) -> str:
        values = [v for n, v, _ in arguments if n is None]
        if not values:
            raise Untranslated(node, f"{function}() without a message")
        if len(values) == 1:
            message = self.tr.expr(values[0])
        else:
            message = call(name("paste0"), [self.tr.expr(v) for v in values])
        if function == "stop":
            return f"raise RuntimeError({ast.unparse(message)})"
        if function == "warning":
            self.tr.imports.add("warnings")
            return f"warnings.warn({ast.unparse(message)})"
        self.tr.imports.add("sys")
        return f"print({ast.unparse(message)}, file=sys.stderr)"

    # -- problems --------------------------------------------------------------

    def _untranslated(
        self, node: Node, problem: Untranslated, indent: int
    ) -> list[str]:
        where = problem.node if problem.node is not None else node
        line, column = position(where)
        construct = text_of(where).splitlines()[0] if text_of(where) else where.type
        self.problems.append(Problem(line, column, construct, problem.reason))
        if not self.allow_untranslated:
            return []
        pad = _INDENT * indent
        first, last = node.start_point.row, node.end_point.row
        quoted = [f"{pad}# {text}" for text in self.source_lines[first : last + 1]]
        return [
            f"{pad}# UNTRANSLATED (line {line}, column {column}): {problem.reason}",
            *quoted,
        ]


def _visible(node: Node) -> bool:
    """Whether R would print this top-level value (it is not invisible)."""
    function = callee_name(node)
    if function is not None:
        return function not in tables.INVISIBLE_CALLS
    method = method_name(node)
    if method is not None:
        return method not in tables.INVISIBLE_METHODS and not method.endswith("_")
    return True


def _kind_of(tr: ExpressionTranslator, value: Node) -> Kind:
    if value.type == "function_definition":
        return Kind.FUNCTION
    if (
        callee_name(value) == "list"
        and all(
            field(a, "name") is not None
            for a in field(value, "arguments").named_children
            if a.type == "argument"
        )
        and any(a.type == "argument" for a in field(value, "arguments").named_children)
    ):
        return Kind.DICT
    return value_kind(tr, value)


def _has_block_branch(node: Node) -> bool:
    branches = [field(node, "consequence"), field(node, "alternative")]
    return any(
        b is not None and b.type in ("braced_expression", "if_statement")
        for b in branches
    )


def _append_idiom(targets: list[Node], value: Node) -> tuple[Node, Node] | None:
    """`x[[length(x) + 1]] <- v` is R's append: Python's `x.append(v)`."""
    if len(targets) != 1 or targets[0].type != "subset2":
        return None
    owner = field(targets[0], "function")
    indices = [
        a for a in field(targets[0], "arguments").named_children if a.type == "argument"
    ]
    if len(indices) != 1:
        return None
    expected = f"length({text_of(owner)})+1"
    if text_of(field(indices[0], "value")).replace(" ", "") != expected:
        return None
    return owner, value


def _stray_comments(node: Node) -> list[str]:
    """Comments inside a statement but outside its { } blocks."""
    found: list[str] = []
    stack = list(reversed(node.children))
    while stack:
        child = stack.pop()
        if child.type == "comment":
            found.append(text_of(child))
        elif child.type != "braced_expression":
            stack.extend(reversed(child.children))
    return found


def _is_code(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")
