"""R's data sets and data frames in the port: imports, columns, column picks.

Every R session attaches R's ``datasets`` package, so an R script may use
``Orange`` or ``JohnsonJohnson`` as bare names. rtorch ships some of them in
:mod:`rtorch.datasets`; the porter asks that module which (never a list of
its own) and imports each one the script uses but does not assign:

    R:      jj <- torch_tensor(JohnsonJohnson)
    Python: from rtorch.datasets import JohnsonJohnson
            jj = torch_tensor(JohnsonJohnson)

A data set that is a pandas DataFrame is the one value the porter surely
knows to be an R data frame, so only there does it port R's data-frame
idioms to pandas ones; anywhere else the same R text may mean a tensor or a
matrix, and is left to the usual rules or reported:

    R:      Orange$Tree            Orange[, c("age", "circumference")]
    Python: Orange["Tree"]         Orange[["age", "circumference"]]

    R:      levels(Orange$Tree)    as.integer(Orange$Tree)
    Python: list(Orange["Tree"].cat.categories)
                                   as_integer(Orange["Tree"])  (1-based codes)
"""

from __future__ import annotations

import ast
import functools
from typing import TYPE_CHECKING

from rtorch.errors import RValueError
from rtorch.port.literals import string_value
from rtorch.port.parse import Node, field
from rtorch.port.problems import Untranslated
from rtorch.port.pyast import attribute, call, callee_name, name
from rtorch.port.scope import Kind

if TYPE_CHECKING:
    from rtorch.port.expressions import ExpressionTranslator


def provided_dataset(tr: ExpressionTranslator, r_name: str) -> bool:
    """Whether ``r_name`` is an R data set rtorch ships that the script uses as is.

    Example:
        ``jj <- torch_tensor(JohnsonJohnson)``: True for ``JohnsonJohnson``,
        unless the script assigns ``JohnsonJohnson`` itself somewhere.
    """
    return not tr.defines(r_name) and r_name in dataset_names()


def dataset_kind(r_name: str) -> Kind:
    """``Kind.FRAME`` for a shipped data set that is a data frame, else UNKNOWN.

    Example:
        >>> dataset_kind("Orange"), dataset_kind("JohnsonJohnson")
        (<Kind.FRAME: 'frame'>, <Kind.UNKNOWN: 'unknown'>)
    """
    return Kind.FRAME if _is_data_frame(r_name) else Kind.UNKNOWN


@functools.cache
def dataset_names() -> frozenset[str]:
    """The data sets :mod:`rtorch.datasets` provides, by the module's own word.

    Every exported name that ``rtorch.datasets.load`` accepts is a data set.

    Example:
        >>> "Orange" in dataset_names(), "load" in dataset_names()
        (True, False)
    """
    from rtorch import datasets

    return frozenset(n for n in datasets.__all__ if _loads(datasets.load, n))


def translate_column(tr: ExpressionTranslator, frame: Node, column: str) -> ast.expr:
    """``df$col`` / ``df[["col"]]`` on a data frame -> ``df["col"]`` (a Series)."""
    return ast.Subscript(value=tr.expr(frame), slice=ast.Constant(column))


def translate_frame_subset(
    tr: ExpressionTranslator,
    node: Node,
    frame: Node,
    segments: list[Node | None],
    drop: bool | None,
    store: bool,
) -> ast.expr:
    """Pick data-frame columns by name: ``df[, c("a", "b")]`` -> ``df[["a", "b"]]``.

    R equivalent: ``df[, j]`` keeps the columns named in ``j`` (one column drops
    to a vector unless ``drop = FALSE``); ``df[j]`` keeps them as a data frame.

    Raises:
        Untranslated: rows, positions, computed names or assignment, which
            pandas spells differently (``.iloc``/``.loc``, 0-based).
    """
    column_part = _column_segment(segments)
    names = _literal_names(column_part) if column_part is not None else None
    if store or names is None:
        raise Untranslated(
            node,
            "subsetting a data frame other than picking columns by literal name: "
            "use pandas' .loc (labels) or .iloc (0-based positions) by hand",
        )
    owner = tr.expr(frame)
    if frame_subset_kind(segments, drop) is Kind.COLUMN:
        # R: df[, "a"] drops the one column to a vector, a pandas Series.
        return ast.Subscript(value=owner, slice=ast.Constant(names[0]))
    picked = ast.List(elts=[ast.Constant(n) for n in names], ctx=ast.Load())
    return ast.Subscript(value=owner, slice=picked)


def frame_subset_kind(segments: list[Node | None], drop: bool | None) -> Kind:
    """What picking columns gives: one column by ``df[, "a"]`` is a Series."""
    column_part = _column_segment(segments)
    names = _literal_names(column_part) if column_part is not None else None
    one_name = names is not None and len(names) == 1
    if len(segments) == 2 and one_name and drop is not False:
        return Kind.COLUMN
    return Kind.FRAME


def translate_levels(
    tr: ExpressionTranslator, node: Node, value: Node, kind: Kind
) -> ast.expr:
    """``levels(df$f)`` -> ``list(df["f"].cat.categories)``, in R's level order.

    Only a data-frame column is surely a pandas Series whose factor is a
    Categorical; a column that is no factor raises pandas' AttributeError
    (R would give NULL). Anything else is reported.
    """
    if kind is not Kind.COLUMN:
        raise Untranslated(
            node,
            "levels() of a value the porter cannot tell is a data-frame column; "
            'for a pandas factor column write list(df["col"].cat.categories)',
        )
    categories = attribute(attribute(tr.expr(value), "cat"), "categories")
    return call(name("list"), [categories])


def _column_segment(segments: list[Node | None]) -> Node | None:
    """The column index of ``df[, j]`` or ``df[j]``; None for any other shape."""
    if len(segments) == 2 and segments[0] is None:
        return segments[1]
    if len(segments) == 1:
        return segments[0]
    return None


def _literal_names(index: Node | None) -> list[str] | None:
    """The column names of a string or ``c()`` of strings, else None."""
    if index is None:
        return None
    if index.type == "string":
        return [string_value(index)]
    if callee_name(index) != "c":
        return None
    values = [
        field(a, "value")
        for a in field(index, "arguments").named_children
        if a.type == "argument"
    ]
    if not values or any(v is None or v.type != "string" for v in values):
        return None
    return [string_value(v) for v in values]


@functools.cache
def _is_data_frame(r_name: str) -> bool:
    import pandas as pd

    from rtorch import datasets

    return isinstance(datasets.load(r_name), pd.DataFrame)


def _loads(load: object, r_name: str) -> bool:
    try:
        load(r_name)  # type: ignore[operator]
    except RValueError:
        return False
    return True
