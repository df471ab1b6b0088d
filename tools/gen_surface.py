"""Write rtorch's generated functions and methods from PyTorch's schemas.

Usage: ``python tools/gen_surface.py`` (from the repository root). It reads R
torch's exported names (``tools/r_api/``), applies the role table in
``rtorch/surface/roles.py`` to the installed PyTorch's operator schemas, and
writes ``rtorch/surface/generated_functions.py`` and
``rtorch/surface/generated_methods.py``. ``--check`` exits 1 when the files on
disk differ from what would be written (the CI test runs the same check).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load_codegen() -> types.ModuleType:
    """Import rtorch.surface.codegen without running rtorch's ``__init__``.

    The package imports the generated modules, which may be stale or missing
    while they are being regenerated; the generator itself needs only
    :mod:`roles`, :mod:`schema` and :mod:`codegen`.
    """
    for name, folder in (
        ("rtorch", ROOT / "rtorch"),
        ("rtorch.surface", ROOT / "rtorch" / "surface"),
    ):
        if name not in sys.modules:
            package = types.ModuleType(name)
            package.__path__ = [str(folder)]
            sys.modules[name] = package
    return importlib.import_module("rtorch.surface.codegen")


def main(argv: list[str] | None = None) -> int:
    """Write (or, with ``--check``, compare) the generated modules."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="only report whether the files are up to date",
    )
    options = parser.parse_args(argv)

    stale = []
    codegen = _load_codegen()
    for path, text in codegen.generated_sources(ROOT / "tools" / "r_api").items():
        target = ROOT / path
        if target.exists() and target.read_text() == text:
            continue
        stale.append(path)
        if not options.check:
            target.write_text(text)
    if options.check and stale:
        print("out of date:", ", ".join(stale), "- run python tools/gen_surface.py")
        return 1
    print("written:" if stale else "up to date", ", ".join(stale))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
