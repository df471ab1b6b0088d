"""Tensor files written row batch by row batch: ``.safetensors`` and ``.pt``.

``rtorch convert`` writes each converted batch of rows to a scratch file next
to the output, so memory holds one batch, not the whole tensor; when the last
batch is in, the scratch rows become the output file with the conversion
record attached:

- ``.safetensors``: the ``data`` tensor, and the record as JSON text in the
  header metadata under ``rtorch_info`` (the format's header is a JSON object
  of tensor names to dtype, shape and byte offsets, then the raw bytes);
- ``.pt``: ``torch.save({"data": tensor, "info": record})``, loadable with
  ``torch.load(path, weights_only=True)``.

Bytes are written in the machine's order, little-endian on every platform
PyTorch supports, as safetensors requires.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
from pathlib import Path
from types import TracebackType

import numpy as np
import torch

from rtorch.errors import RValueError
from rtorch.frames.info import ConversionInfo

__all__ = ["FORMATS", "TensorFileWriter"]

FORMATS = (".pt", ".safetensors")

_SAFETENSORS_DTYPES = {
    "float16": "F16",
    "float32": "F32",
    "float64": "F64",
    "uint8": "U8",
    "int8": "I8",
    "int16": "I16",
    "int32": "I32",
    "int64": "I64",
}
_COPY_CHUNK = 4 * 2**20


class TensorFileWriter:
    """Collects rows batch by batch, then writes one tensor file.

    Use as a context manager: the scratch file is removed on success and on
    failure, and a failed conversion leaves no half-written output.

    Example:
        >>> with TensorFileWriter("x.safetensors") as writer:   # doctest: +SKIP
        ...     writer.append(batch_tensor)
        ...     writer.finish(info)
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if self.path.suffix not in FORMATS:
            raise RValueError(
                f"Cannot write {self.path.name}: the output must end in .pt "
                "(torch.save) or .safetensors."
            )
        self.rows = 0
        handle, scratch = tempfile.mkstemp(
            prefix=f".{self.path.name}.",
            suffix=".rows",
            dir=self.path.parent if str(self.path.parent) else ".",
        )
        self._scratch = Path(scratch)
        self._handle = os.fdopen(handle, "wb")

    def __enter__(self) -> TensorFileWriter:  # noqa: PYI034 - Python 3.10 has no Self
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._handle.close()
        self._scratch.unlink(missing_ok=True)

    def append(self, rows: torch.Tensor) -> None:
        """Add the rows of one batch (a 2-d tensor, or 1-d for a Series)."""
        self.rows += rows.shape[0]
        if rows.numel():
            self._handle.write(memoryview(rows.contiguous().numpy()).cast("B"))

    def finish(self, info: ConversionInfo) -> int:
        """Write the output file with the record; returns its size in bytes."""
        self._handle.close()
        shape = (
            [self.rows]
            if info.container == "Series"
            else [self.rows, len(info.columns)]
        )
        if self.path.suffix == ".safetensors":
            self._write_safetensors(shape, info)
        else:
            self._write_pt(shape, info)
        return self.path.stat().st_size

    def _write_safetensors(self, shape: list[int], info: ConversionInfo) -> None:
        """Header (JSON, padded to 8 bytes) then the scratch rows, streamed."""
        size = self._scratch.stat().st_size
        header = {
            "data": {
                "dtype": _SAFETENSORS_DTYPES[info.dtype],
                "shape": shape,
                "data_offsets": [0, size],
            },
            "__metadata__": {"rtorch_info": json.dumps(info.to_dict())},
        }
        text = json.dumps(header, separators=(",", ":")).encode("utf-8")
        text += b" " * (-len(text) % 8)
        with open(self.path, "wb") as out, open(self._scratch, "rb") as rows:
            out.write(struct.pack("<Q", len(text)))
            out.write(text)
            shutil.copyfileobj(rows, out, _COPY_CHUNK)

    def _write_pt(self, shape: list[int], info: ConversionInfo) -> None:
        """torch.save of the rows mapped from the scratch file (not loaded)."""
        dtype = getattr(torch, info.dtype)
        count = int(np.prod(shape))
        if count == 0:
            data = torch.empty(shape, dtype=dtype)
        else:
            data = torch.from_file(
                str(self._scratch), shared=False, size=count, dtype=dtype
            ).view(shape)
        torch.save({"data": data, "info": info.to_dict()}, self.path)
