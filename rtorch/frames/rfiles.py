"""Read R's ``.rds`` and ``.RData`` files into pandas, faithfully and safely.

R equivalent: ``readRDS(path)`` and ``load(path)``. Built on the MIT-licensed
``rdata`` package's parser (``pip install rtorch[rds]``); the conversion to
pandas is rtorch's own (:mod:`rtorch.frames.robjects`), so factor levels and
their order, ``Date``, ``POSIXct`` with its time zone, integer and logical NA,
``ts`` and data.frame / tibble / groupedData classes all survive.

Files are untrusted input: decompression stops at ``max_bytes``, nesting depth
is bounded, and anything damaged, truncated or hostile raises
:class:`~rtorch.errors.RValueError` naming the file, instead of hanging or
exhausting memory.

Example:
    >>> orange = read_rds("Orange.rds")              # doctest: +SKIP
    >>> orange["Tree"].cat.categories.tolist()       # doctest: +SKIP
    ['3', '1', '5', '2', '4']
"""

from __future__ import annotations

import bz2
import lzma
import os
import sys
import warnings
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rtorch.errors import (
    LossyConversionWarning,
    RNotImplementedError,
    RTorchError,
    RValueError,
)
from rtorch.frames.advice import PYTHON, Spelling

__all__ = ["DEFAULT_MAX_BYTES", "read_r_file", "read_rdata", "read_rds"]

DEFAULT_MAX_BYTES = 4 * 2**30
"""Largest decompressed size read by default (4 GiB); raise it with max_bytes."""

_CHUNK = 1 << 20
_PARSE_RECURSION_LIMIT = 100_000
_RDS_HEADERS = (b"X\n", b"A\n", b"B\n")
_RDATA_HEADERS = (b"RDX2\n", b"RDX3\n", b"RDA2\n", b"RDA3\n", b"RDB2\n", b"RDB3\n")


def read_rds(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Any:
    """Read one R object from an ``.rds`` file.

    R equivalent: ``readRDS(path)``.

    Args:
        path: The ``.rds`` file (gzip, bzip2, xz or uncompressed, as R writes).
        max_bytes: Refuse files that decompress to more than this many bytes.

    Returns:
        A DataFrame for a data frame, a Series for a vector, factor, Date,
        POSIXct or ``ts``, a NumPy array for a matrix, a dict or list for a
        list (see :mod:`rtorch.frames.robjects` for the table).

    Raises:
        RValueError: When the file is not an R file, is damaged or truncated,
            or decompresses to more than ``max_bytes``.
        RNotImplementedError: When the object is an R function, environment
            or S4 object, which has no Python value.
        RNotImplementedError: When the ``rdata`` package is not installed.

    Example:
        >>> read_rds("JohnsonJohnson.rds").index[0]     # doctest: +SKIP
        Period('1960Q1', 'Q-DEC')
    """
    name = Path(path).name
    data = _decompressed(path, max_bytes, PYTHON)
    if data.startswith(_RDATA_HEADERS):
        raise RValueError(
            f"{name} is an .RData file (saved with save()); read it "
            "with read_rdata(), which returns every object in it."
        )
    if not data.startswith(_RDS_HEADERS):
        raise _not_r_file(name, data, PYTHON)
    return _rds_object(name, data)


def read_rdata(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> dict[str, Any]:
    """Read every object of an ``.RData`` / ``.rda`` file, by name.

    R equivalent: ``load(path)``, which puts the objects in the workspace.

    Args:
        path: The file written by R's ``save()`` or ``save.image()``.
        max_bytes: Refuse files that decompress to more than this many bytes.

    Returns:
        A dict from object name to its value (converted as by
        :func:`read_rds`), in the order R saved them. Functions and
        environments are left out with a
        :class:`~rtorch.errors.LossyConversionWarning` naming them.

    Raises:
        RValueError: When the file is not an R data file, is damaged or
            truncated, or decompresses to more than ``max_bytes``.

    Example:
        >>> sorted(read_rdata("workspace.RData"))       # doctest: +SKIP
        ['Orange', 'fit']
    """
    name = Path(path).name
    data = _decompressed(path, max_bytes, PYTHON)
    if data.startswith(_RDS_HEADERS):
        raise RValueError(
            f"{name} is an .rds file (saved with saveRDS()); read it with read_rds()."
        )
    if not data.startswith(_RDATA_HEADERS):
        raise _not_r_file(name, data, PYTHON)
    return _rdata_objects(name, data)


def read_r_file(
    path: str | os.PathLike[str], *, max_bytes: int, spelling: Spelling
) -> tuple[str, Any]:
    """An ``.rds`` or ``.RData`` file, whichever its header says it is.

    R equivalent: ``readRDS(path)`` or ``load(path)``. ``rtorch convert``
    reads R files this way, so a file saved with ``save()`` but named
    ``.rds`` (or the other way round) converts all the same.

    Args:
        path: The file.
        max_bytes: Refuse files that decompress to more than this many bytes.
        spelling: How the fixes in errors are written.

    Returns:
        ``("rds", object)`` as :func:`read_rds` returns it, or
        ``("RData", objects)`` as :func:`read_rdata` does.

    Raises:
        RValueError, RNotImplementedError: As :func:`read_rds` does.

    Example:
        >>> read_r_file("Orange.rds", max_bytes=2**20, spelling=CLI)[0] # doctest: +SKIP
        'rds'
    """
    name = Path(path).name
    data = _decompressed(path, max_bytes, spelling)
    if data.startswith(_RDS_HEADERS):
        return "rds", _rds_object(name, data)
    if data.startswith(_RDATA_HEADERS):
        return "RData", _rdata_objects(name, data)
    raise _not_r_file(name, data, spelling)


def _rds_object(name: str, data: bytes) -> Any:
    """The one object of a decompressed ``.rds`` file."""
    parsed = _parse(name, data, ".rds")
    return _convert(
        name,
        lambda: _robjects().to_python(
            parsed.object, _encoding(parsed), where=f"the object in {name}"
        ),
    )


def _rdata_objects(name: str, data: bytes) -> dict[str, Any]:
    """The objects of a decompressed ``.RData`` file, by name."""
    parsed = _parse(name, data, ".RData")
    return _convert(name, lambda: _objects_by_name(name, parsed))


def _objects_by_name(name: str, parsed: Any) -> dict[str, Any]:
    """The tagged objects of an .RData pairlist, converted one by one."""
    robjects = _robjects()
    encoding = _encoding(parsed)
    result: dict[str, Any] = {}
    for object_name, robject in robjects.pairlist(parsed.object):
        where = f"object {object_name!r} in {name}"
        try:
            result[object_name] = robjects.to_python(robject, encoding, where=where)
        except RNotImplementedError as skipped:
            warnings.warn(
                f"{skipped} It was left out.", LossyConversionWarning, stacklevel=4
            )
    return result


def _decompressed(
    path: str | os.PathLike[str], max_bytes: int, spelling: Spelling
) -> bytes:
    """The file's bytes, decompressed (gzip, bzip2, xz) up to ``max_bytes``."""
    name = Path(path).name
    with open(path, "rb") as handle:
        head = handle.read(6)
        handle.seek(0)
        if head.startswith(b"\x1f\x8b"):
            decompressor: Any = zlib.decompressobj(wbits=31)
        elif head.startswith(b"BZh"):
            decompressor = bz2.BZ2Decompressor()
        elif head.startswith(b"\xfd7zXZ\x00"):
            decompressor = lzma.LZMADecompressor()
        else:
            data = handle.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise _too_big(name, max_bytes, spelling)
            decompressor = None
        if decompressor is not None:
            data = _inflate(handle, decompressor, name, max_bytes, spelling)
    if data.startswith((b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")):
        raise RValueError(
            f"{name} is compressed twice; R never writes that, so the "
            "file is not a plain R file."
        )
    return data


def _inflate(
    handle: Any, decompressor: Any, name: str, max_bytes: int, spelling: Spelling
) -> bytes:
    """Stream-decompress, stopping as soon as the output passes ``max_bytes``."""
    pieces: list[bytes] = []
    size = 0
    try:
        while not decompressor.eof:
            chunk = _next_input(handle, decompressor, name)
            piece = decompressor.decompress(chunk, max_bytes + 1 - size)
            size += len(piece)
            if size > max_bytes:
                raise _too_big(name, max_bytes, spelling)
            pieces.append(piece)
    except (zlib.error, OSError, EOFError, lzma.LZMAError) as error:
        raise RValueError(
            f"{name} is damaged: its compressed data cannot be decompressed ({error})."
        ) from None
    return b"".join(pieces)


def _next_input(handle: Any, decompressor: Any, name: str) -> bytes:
    """Input the decompressor still holds, else the next chunk of the file."""
    pending = getattr(decompressor, "unconsumed_tail", b"")
    if pending:
        return pending
    if not getattr(decompressor, "needs_input", True):
        return b""
    chunk = handle.read(_CHUNK)
    if not chunk:
        raise RValueError(
            f"{name} is truncated: the compressed stream ends early. "
            "Copy or download the file again."
        )
    return chunk


def _parse(name: str, data: bytes, extension: str) -> Any:
    """Parse with rdata; every failure becomes one clear error."""
    parser = _rdata_parser()
    try:
        with _deep_recursion(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _parse_strictly(parser, data, extension)
    except RecursionError:
        raise RValueError(
            f"{name} nests R objects too deeply to read safely "
            "(more than about 30,000 levels)."
        ) from None
    except MemoryError:
        raise RValueError(
            f"{name} declares objects too large for memory; the file "
            "is damaged or hostile."
        ) from None
    except Exception as error:
        raise RValueError(_damaged(name, error)) from error


def _parse_strictly(parser: Any, data: bytes, extension: str) -> Any:
    """XDR (what R writes by default) with every length checked; others as rdata.

    rdata's XDR reader accepts a vector shorter than its declared length when
    the data ends early, which would drop values silently; this reader refuses.
    """
    body = data[5:] if extension == ".RData" else data
    if not body.startswith(b"X\n"):
        return parser.parse_data(data, extension=extension)

    reader = _strict_xdr_class()(
        memoryview(body)[2:],
        expand_altrep=True,
        altrep_constructor_dict=parser.DEFAULT_ALTREP_MAP,
    )
    parsed = reader.parse_all()
    if reader.file.read(1):
        raise _ShortRead("bytes are left over after the last object")
    return parsed


class _ShortRead(Exception):
    """The data ended before a declared length, or did not end after it."""


def _strict_xdr_class() -> type:
    """rdata's XDR parser with length checks on every read."""
    from rdata.parser._xdr import ParserXDR

    class StrictXDR(ParserXDR):
        def _parse_array_values(self, dtype: Any, length: int) -> Any:
            if length < 0:
                raise _ShortRead(f"a vector declares the length {length}")
            values = super()._parse_array_values(dtype, length)
            if len(values) != length:
                raise _ShortRead(
                    f"a vector of {length} values ends after {len(values)}"
                )
            return values

        def parse_string(self, length: int) -> bytes:
            text = super().parse_string(length)
            if len(text) != length:
                raise _ShortRead(f"a string of {length} bytes ends after {len(text)}")
            return text

    return StrictXDR


def _convert(name: str, conversion: Callable[[], Any]) -> Any:
    """Run the R -> pandas conversion; unexpected failures mean a damaged file."""
    try:
        with _deep_recursion():
            return conversion()
    except RTorchError:
        raise
    except RecursionError:
        raise RValueError(f"{name} nests R objects too deeply to convert.") from None
    except Exception as error:
        raise RValueError(_damaged(name, error)) from error


@contextmanager
def _deep_recursion() -> Iterator[None]:
    """Allow the parser's recursion on deep (but bounded) R object trees.

    rdata parses each nested object and each pairlist cell with a Python call;
    an .RData file with a few thousand objects needs more than Python's
    default 1000 frames. The limit stays finite so a hostile file fails fast.
    """
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous, _PARSE_RECURSION_LIMIT))
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)


def _encoding(parsed: Any) -> str:
    """The native encoding written in the file (version 3), else UTF-8."""
    encoding = getattr(parsed.extra, "encoding", None)
    return encoding if isinstance(encoding, str) and encoding else "utf-8"


def _damaged(name: str, error: BaseException) -> str:
    """The message for a file the parser or converter could not make sense of."""
    detail = str(error) or type(error).__name__
    return (
        f"{name} is not a readable R file: it is damaged, truncated or not "
        f"written by R ({type(error).__name__}: {detail[:200]})."
    )


def _not_r_file(name: str, data: bytes, spelling: Spelling) -> RValueError:
    """The error for bytes that do not start like any R serialization."""
    return RValueError(
        f"{name} is not an R data file: it starts with {data[:8]!r}, not an R "
        f"serialization header. {spelling.r_file_readers()}"
    )


def _too_big(name: str, max_bytes: int, spelling: Spelling) -> RValueError:
    """The error for a file that decompresses past the limit."""
    return RValueError(
        f"{name} decompresses to more than {spelling.size_limit} = {max_bytes:,} "
        f"bytes; if you trust the file, pass a larger {spelling.size_limit}."
    )


def _rdata_parser() -> Any:
    """rdata's parser module, or an error naming the extra to install."""
    try:
        from rdata import parser
    except ImportError:
        raise RNotImplementedError(
            "Reading .rds / .RData files needs the optional 'rdata' package "
            "(Python 3.11+): pip install 'rtorch[rds]'."
        ) from None
    return parser


def _robjects() -> Any:
    """The R-object converter (imported late: it needs rdata)."""
    from rtorch.frames import robjects

    return robjects
