"""PyTorch's operator schemas, read the way R torch's code generator reads them.

R torch generates ``torch_<op>()`` and ``x$<op>()`` from ATen's declarations
(semantics 1.2): one R function per operator name, whose parameters are the
union of the parameters of every overload, ordered by the largest position a
parameter takes in any overload (ties broken alphabetically), with defaults
taken from the first overload that has one. This module rebuilds those R
signatures from the schemas of the installed PyTorch.

Example:
    >>> [p.name for p in r_parameters(overloads("diagonal"))]
    ['self', 'outdim', 'dim1', 'dim2', 'offset']
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
import torchgen

__all__ = [
    "NO_DEFAULT",
    "Argument",
    "Overload",
    "RParameter",
    "operator_names",
    "overloads",
    "r_parameters",
]


class _NoDefault:
    """Marks a parameter that has no default in any overload."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NO_DEFAULT"


NO_DEFAULT = _NoDefault()


@dataclass(frozen=True)
class Argument:
    """One argument of one ATen overload.

    Attributes:
        name: The ATen name (``self``, ``dim``, ``_random_samples`` …).
        kind: A normalised type: ``Tensor``, ``Tensor?``, ``Tensor[]``,
            ``int``, ``int[]``, ``float``, ``bool``, ``Scalar``, ``ScalarType``,
            ``Layout``, ``Device``, ``MemoryFormat``, ``Generator``, ``str``, …
        default: The schema default, or :data:`NO_DEFAULT`.
        kwarg_only: Whether the argument comes after ``*`` in the schema.
    """

    name: str
    kind: str
    default: Any
    kwarg_only: bool


@dataclass(frozen=True)
class Overload:
    """One ATen overload: arguments, result kinds, and where PyTorch binds it.

    Attributes:
        variants: ``function`` and/or ``method`` (``torch.f`` / ``x.f``).
        python_module: ``""`` for ``torch``, else ``linalg``, ``fft``,
            ``special``, ``nn``, ``sparse`` or ``nested``.
    """

    name: str
    overload_name: str
    arguments: tuple[Argument, ...]
    returns: tuple[str, ...]
    variants: frozenset[str]
    python_module: str


@dataclass(frozen=True)
class RParameter:
    """One parameter of an R torch function, merged over the overloads.

    Attributes:
        name: R torch's name (ATen's, without a leading underscore).
        aten_name: The ATen name, used to call PyTorch.
        kinds: Every kind the parameter takes across overloads.
        default: R torch's default (``None`` for R's ``NULL``), or
            :data:`NO_DEFAULT` when no overload gives one.
        everywhere: Whether every overload has this parameter.
        position: The parameter's index when it sits at the same positional
            (non keyword-only) index in every overload, else ``None``.
    """

    name: str
    aten_name: str
    kinds: frozenset[str]
    default: Any
    everywhere: bool
    position: int | None


def operator_names() -> frozenset[str]:
    """Every ATen operator name with at least one usable overload."""
    return frozenset(_all_overloads())


def overloads(name: str) -> tuple[Overload, ...]:
    """The usable, non-``out=`` overloads of ATen operator ``name``."""
    return _all_overloads().get(name, ())


def r_parameters(
    decls: tuple[Overload, ...], extra: dict[str, int] | None = None
) -> list[RParameter]:
    """The R torch parameter list of one operator, in R torch's order.

    Args:
        decls: The operator's overloads.
        extra: Parameters of overloads that this PyTorch no longer has (the
            named-tensor ones), as ``name -> 1-based position``; they join the
            ordering as R torch's generator saw them.

    Returns:
        The parameters, ``self`` included, ordered as R torch orders them.
    """
    largest: dict[str, int] = dict(extra or {})
    for decl in decls:
        for position, argument in enumerate(decl.arguments, start=1):
            if largest.get(argument.name, 0) < position:
                largest[argument.name] = position

    # R torch rule (torchgen get_arguments_order): by largest position, ties in
    # alphabetical (C locale) order; `stable` of sort was moved last by hand.
    if decls and decls[0].name == "sort" and "stable" in largest:
        largest["stable"] += 100
    ordered = sorted(largest, key=lambda name: (largest[name], name))
    return [_merge(name, decls) for name in ordered]


def _merge(name: str, decls: tuple[Overload, ...]) -> RParameter:
    kinds: set[str] = set()
    default: Any = NO_DEFAULT
    positions: set[int | None] = set()
    present = 0
    for decl in decls:
        for index, argument in enumerate(decl.arguments):
            if argument.name != name:
                continue
            present += 1
            kinds.add(argument.kind)
            if default is NO_DEFAULT and argument.default is not NO_DEFAULT:
                default = argument.default
            positions.add(None if argument.kwarg_only else index)
    position = positions.pop() if len(positions) == 1 else None
    return RParameter(
        name=name.lstrip("_") or name,
        aten_name=name,
        kinds=frozenset(kinds),
        default=default,
        everywhere=bool(decls) and present == len(decls),
        position=position,
    )


@functools.cache
def _all_overloads() -> dict[str, tuple[Overload, ...]]:
    table: dict[str, list[Overload]] = {}
    for entry in _native_entries():
        overload = _read(torch._C.parse_schema(entry["func"]), entry)
        if overload is not None:
            table.setdefault(overload.name, []).append(overload)
    return {name: tuple(decls) for name, decls in table.items()}


def _native_entries() -> list[dict[str, str]]:
    """The ``func``, ``variants`` and ``python_module`` of every native function.

    The source is the ``native_functions.yaml`` that ships inside the installed
    PyTorch (package ``torchgen``): the same declarations R torch generates
    from. Only those three keys are needed, so a line reader suffices.
    """
    entries: list[dict[str, str]] = []
    for line in _NATIVE_FUNCTIONS.read_text().splitlines():
        if line.startswith("- func: "):
            entries.append({"func": line[8:].strip(), "variants": "function"})
        elif entries and line.startswith(("  variants:", "  python_module:")):
            key, _, value = line.strip().partition(":")
            entries[-1][key] = value.split("#")[0].strip()
    return entries


_NATIVE_FUNCTIONS = (
    Path(torchgen.__file__).parent
    / "packaged"
    / "ATen"
    / "native"
    / "native_functions.yaml"
)


def _read(schema: Any, entry: dict[str, str]) -> Overload | None:
    arguments = []
    for argument in schema.arguments:
        if argument.is_out:
            return None
        default = argument.default_value if argument.has_default_value() else NO_DEFAULT
        arguments.append(
            Argument(
                argument.name,
                _kind(str(argument.real_type)),
                default,
                argument.kwarg_only,
            )
        )
    return Overload(
        name=schema.name,
        overload_name=schema.overload_name,
        arguments=tuple(arguments),
        returns=tuple(_kind(str(r.real_type)) for r in schema.returns),
        variants=frozenset(v.strip() for v in entry["variants"].split(",")),
        python_module=entry.get("python_module", ""),
    )


_KIND_NAMES = {
    "number": "Scalar",
    "SymInt": "int",
    "SymFloat": "float",
    "SymBool": "bool",
}


def _kind(text: str) -> str:
    """A compact type name: ``Optional[List[int]]`` becomes ``int[]?``."""
    optional = text.startswith("Optional[")
    if optional:
        text = text[len("Optional[") : -1]
    if text.startswith("List[Optional["):
        text = _KIND_NAMES.get(text[14:-2], text[14:-2]) + "?[]"
    elif text.startswith("List["):
        text = _KIND_NAMES.get(text[5:-1], text[5:-1]) + "[]"
    else:
        text = _KIND_NAMES.get(text, text)
    return text + "?" if optional else text
