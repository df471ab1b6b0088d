"""What the porter cannot translate: reported with line and column, never
guessed (issue 7); the CLI's exit status and --allow-untranslated."""

from __future__ import annotations

import pytest

pytest.importorskip("tree_sitter_language_pack")

from porting import only_problem  # noqa: E402

from rtorch.port import PortError, port_source  # noqa: E402
from rtorch.port.cli import port_main  # noqa: E402

UNTRANSLATABLE = [
    ("y <- a %in% b", 1, 6, "%in%"),
    ("x <- 1\ny <- identical(x, 2)", 2, 6, "identical"),
    ("y <- ggplot2::qplot(x)", 1, 6, "ggplot2"),
    ("library(dplyr)", 1, 1, "R package"),
    ("names(x) <- c('a', 'b')", 1, 1, "replacement function"),
    ("y <- unknown_fn(2)", 1, 6, "unknown_fn"),
    ("y <- letters", 1, 6, "letters"),
    ("f <- function(x) {\n  x[[1]] <- 2\n}", 2, 3, "by position"),
    ("y <- (x <- 3) + 1", 1, 7, "assignment inside an expression"),
    ("print(x, digits = 3)", 1, 1, "print"),
    ("return(1)", 1, 1, "outside a function"),
]


@pytest.mark.parametrize(("r_code", "line", "column", "reason"), UNTRANSLATABLE)
def test_untranslatable_constructs_are_reported_with_position(
    r_code: str, line: int, column: int, reason: str
) -> None:
    got_line, got_column, construct, why = only_problem(r_code)
    assert (got_line, got_column) == (line, column)
    assert reason in f"{construct} {why}"


def test_every_problem_is_reported_not_only_the_first() -> None:
    with pytest.raises(PortError) as caught:
        port_source("a <- x %in% y\nb <- 2\nc <- identical(a, b)")
    assert [(p.line, p.column) for p in caught.value.problems] == [(1, 6), (3, 6)]


def test_allow_untranslated_keeps_the_line_as_a_marked_comment() -> None:
    python = port_source("a <- 1\nb <- a %in% y\nc <- 2", allow_untranslated=True)
    assert python == (
        "from rtorch import *\n\n"
        "a = 1.0\n"
        "# UNTRANSLATED (line 2, column 6): R operator %in% has no rtorch translation\n"
        "# b <- a %in% y\n"
        "c = 2.0\n"
    )


def test_an_untranslated_only_statement_leaves_a_valid_block() -> None:
    python = port_source("if (a) {\n  b <- x %in% y\n}", allow_untranslated=True)
    compile(python, "<port>", "exec")
    assert "    pass\n" in python


def test_syntax_errors_are_reported_with_position() -> None:
    with pytest.raises(PortError) as caught:
        port_source("x <- c(1, 2\ny <- 3")
    assert caught.value.problems[0].line >= 1
    assert "syntax error" in caught.value.problems[0].reason


def test_cli_writes_the_script_and_exits_zero(tmp_path, capsys) -> None:
    script = tmp_path / "train.R"
    script.write_text("library(torch)\nx <- torch_ones(2)\nx\n")
    output = tmp_path / "train.py"
    assert port_main([str(script), "-o", str(output)]) == 0
    assert output.read_text() == "from rtorch import *\n\nx = torch_ones(2)\nprint(x)\n"


def test_cli_lists_problems_and_exits_one(tmp_path, capsys) -> None:
    script = tmp_path / "train.R"
    script.write_text("x <- 1\ny <- x %in% 2\n")
    assert port_main([str(script)]) == 1
    error = capsys.readouterr().err
    assert f"{script}: line 2, column 6: x %in% 2:" in error


def test_cli_allow_untranslated_writes_and_still_exits_one(tmp_path, capsys) -> None:
    script = tmp_path / "train.R"
    script.write_text("y <- x %in% 2\n")
    assert port_main([str(script), "--allow-untranslated"]) == 1
    captured = capsys.readouterr()
    assert "# UNTRANSLATED (line 1, column 6)" in captured.out
    assert "line 1, column 6" in captured.err


def test_cli_missing_file_exits_two(tmp_path, capsys) -> None:
    assert port_main([str(tmp_path / "nope.R")]) == 2
    assert "cannot read" in capsys.readouterr().err
