"""A tiny writer of R's XDR serialization format, for building test files.

Written from R's documented format ("R Internals", section 1.8 Serialization
formats): a header, then each object as a flags word (type, object bit,
attribute bit, tag bit, gp levels), its data, then its attribute pairlist.
It writes what R's saveRDS()/save() would write for the objects the tests
need (vectors with NA, factors, Date, POSIXct, data frames, lists), so the
reader is tested against bytes that do not come from the parser under test.
"""

from __future__ import annotations

import gzip
import struct
from pathlib import Path

NA_INTEGER = -(2**31)
NA_REAL = struct.unpack(">d", bytes.fromhex("7ff00000000007a2"))[0]

NILVALUE, SYM, LIST, CHAR, LGL, INT, REAL, STR, VEC = 254, 1, 2, 9, 10, 13, 14, 16, 19
ASCII_MARK, UTF8_MARK = 64, 8


def i32(value: int) -> bytes:
    return struct.pack(">i", value)


def flags(
    kind: int,
    *,
    is_object: bool = False,
    has_attributes: bool = False,
    has_tag: bool = False,
    gp: int = 0,
) -> bytes:
    return i32(
        kind | (is_object << 8) | (has_attributes << 9) | (has_tag << 10) | (gp << 12)
    )


def char(text: str | None) -> bytes:
    if text is None:
        return flags(CHAR) + i32(-1)
    raw = text.encode("utf-8")
    mark = ASCII_MARK if raw.isascii() else UTF8_MARK
    return flags(CHAR, gp=mark) + i32(len(raw)) + raw


def symbol(name: str) -> bytes:
    return flags(SYM) + char(name)


def pairlist(items: list[tuple[str, bytes]]) -> bytes:
    out = b""
    for tag, value in items:
        out += flags(LIST, has_tag=True) + symbol(tag) + value
    return out + flags(NILVALUE)


def vector(
    kind: int,
    body: bytes,
    length: int,
    attributes: list[tuple[str, bytes]] | None = None,
) -> bytes:
    attributes = attributes or []
    names = [name for name, _ in attributes]
    is_object = "class" in names
    return (
        flags(kind, is_object=is_object, has_attributes=bool(attributes))
        + i32(length)
        + body
        + (pairlist(attributes) if attributes else b"")
    )


def integers(values: list[int | None], attributes=None) -> bytes:
    body = b"".join(i32(NA_INTEGER if v is None else v) for v in values)
    return vector(INT, body, len(values), attributes)


def logicals(values: list[bool | None], attributes=None) -> bytes:
    body = b"".join(i32(NA_INTEGER if v is None else int(v)) for v in values)
    return vector(LGL, body, len(values), attributes)


def doubles(values: list[float | None], attributes=None) -> bytes:
    body = b"".join(struct.pack(">d", NA_REAL if v is None else v) for v in values)
    return vector(REAL, body, len(values), attributes)


def strings(values: list[str | None], attributes=None) -> bytes:
    return vector(STR, b"".join(char(v) for v in values), len(values), attributes)


def generic_list(items: list[bytes], attributes=None) -> bytes:
    return vector(VEC, b"".join(items), len(items), attributes)


def factor(codes: list[int | None], levels: list[str], ordered: bool = False) -> bytes:
    classes = ["ordered", "factor"] if ordered else ["factor"]
    return integers(codes, [("levels", strings(levels)), ("class", strings(classes))])


def date(days: list[float | None]) -> bytes:
    return doubles(days, [("class", strings(["Date"]))])


def posixct(seconds: list[float | None], tzone: str | None) -> bytes:
    attributes = [("class", strings(["POSIXct", "POSIXt"]))]
    if tzone is not None:
        attributes.append(("tzone", strings([tzone])))
    return doubles(seconds, attributes)


def data_frame(
    columns: dict[str, bytes], n_rows: int, classes: tuple[str, ...] = ("data.frame",)
) -> bytes:
    return generic_list(
        list(columns.values()),
        [
            ("names", strings(list(columns))),
            ("class", strings(list(classes))),
            ("row.names", integers([None, -n_rows])),
        ],
    )


def header() -> bytes:
    return b"X\n" + i32(3) + i32(0x040202) + i32(0x030500) + i32(5) + b"UTF-8"


def write_rds(path: Path, item: bytes, compress: bool = True) -> Path:
    data = header() + item
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


def write_rdata(path: Path, objects: dict[str, bytes]) -> Path:
    data = b"RDX3\n" + header() + pairlist(list(objects.items()))
    path.write_bytes(gzip.compress(data))
    return path
