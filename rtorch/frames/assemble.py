"""Columns into the tensor buffer, one fresh (rows, columns) array.

:func:`assemble` writes every column's numbers into the output in row blocks;
whether the output dtype changes any of them is checked beforehand, on the
source numbers, by :mod:`rtorch.frames.losses`.
"""

from __future__ import annotations

import numpy as np

from rtorch.frames.columns import ColumnValues

__all__ = ["assemble"]

_BLOCK_ROWS = 32_768


def assemble(
    columns: list[ColumnValues], n_rows: int, target: np.dtype, fill: float | None
) -> np.ndarray:
    """Write the columns into a fresh (rows, columns) array, block of rows by block.

    Each block is written column by column into a small scratch array that
    stays in cache, then copied transposed into the output: one pass over the
    output instead of one strided pass per column.
    """
    out = np.empty((n_rows, len(columns)), dtype=target)
    block = max(1, min(n_rows, _BLOCK_ROWS))
    scratch = np.empty((len(columns), block), dtype=target)
    with np.errstate(over="ignore", invalid="ignore"):  # checked by losses.find_loss
        for start in range(0, n_rows, block):
            rows = slice(start, min(n_rows, start + block))
            width = rows.stop - start
            for position, values in enumerate(columns):
                part = scratch[position, :width]
                if values.offset:
                    np.add(
                        values.values[rows],
                        values.offset,
                        out=part,
                        dtype=target,
                        casting="unsafe",
                    )
                else:
                    np.copyto(part, values.values[rows], casting="unsafe")
                if (
                    values.missing is not None
                    and fill is not None
                    and not (values.nan_filled and np.isnan(fill))
                ):
                    np.copyto(part, fill, where=values.missing[rows])
            out[rows] = scratch[:, :width].T
    return out
