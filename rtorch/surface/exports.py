"""Puts the surface into the ``rtorch`` namespace and onto the Tensor class.

``rtorch/__init__.py`` calls :func:`install_surface` last, so every name that
a hand-written module already defines keeps that definition; the generated
functions fill in the rest, and each R torch name of the covered families
that is still missing becomes a stub raising
:class:`~rtorch.errors.RNotImplementedError`.

Example:
    >>> import rtorch
    >>> rtorch.torch_cummax.__doc__.startswith("R torch")
    True
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any, NoReturn

from rtorch.errors import RNotImplementedError
from rtorch.surface import generated_functions, linalg, nn, nnf, pooling, runtime
from rtorch.surface.generated_functions import R_FUNCTIONS
from rtorch.surface.generated_methods import METHODS
from rtorch.surface.roles import UNSUPPORTED

__all__ = [
    "install_surface",
    "is_provided",
    "surface_functions",
    "surface_methods",
]


def install_surface(namespace: MutableMapping[str, Any]) -> list[str]:
    """Add the surface's functions and stubs to ``namespace``; return their names.

    Names ``namespace`` already holds are left alone (hand-written wins).
    """
    added = []
    sources: list[dict[str, Callable[..., Any]]] = [
        surface_functions(),
        {name: getattr(runtime, name) for name in runtime.__all__},
        {name: getattr(linalg, name) for name in linalg.__all__ if name != "NamedList"},
        {name: getattr(nnf, name) for name in nnf.__all__},
        {name: getattr(pooling, name) for name in pooling.__all__},
        {name: getattr(nn, name) for name in nn.__all__ if name.startswith("nn_")},
        {name: _missing_function(name) for name in R_FUNCTIONS},
    ]
    for functions in sources:
        for name, function in functions.items():
            if name not in namespace:
                namespace[name] = function
                added.append(name)
    return added


def surface_functions() -> dict[str, Callable[..., Any]]:
    """Every generated ``torch_*`` / ``linalg_*`` function, by R name."""
    return {
        name: getattr(generated_functions, name) for name in generated_functions.__all__
    }


def surface_methods() -> dict[str, Callable[..., Any]]:
    """Every generated Tensor method, by R name."""
    return dict(METHODS)


def is_provided(obj: Any) -> bool:
    """Whether ``obj`` is a real function rather than a not-supported stub."""
    return obj is not None and getattr(obj, "__rtorch_missing__", None) is None


def _missing_function(name: str) -> Callable[..., NoReturn]:
    why = UNSUPPORTED.get(name, "it has not been written yet")

    def stub(*args: Any, **kwargs: Any) -> NoReturn:
        raise RNotImplementedError(f"{name}() is not supported by rtorch yet: {why}.")

    stub.__name__ = stub.__qualname__ = name
    stub.__doc__ = f"Not supported yet (R torch ``{name}()``): {why}."
    stub.__rtorch_missing__ = why  # type: ignore[attr-defined]
    return stub
