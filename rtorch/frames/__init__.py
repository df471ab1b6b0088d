"""Data frames and R data files to tensors and back, losing nothing silently.

- :func:`df_to_tensor` / :func:`tensor_to_df`: pandas (or polars / pyarrow)
  frames to tensors by R's column rules, and back, with a
  :class:`ConversionInfo` record of every column;
- :func:`read_rds` / :func:`read_rdata`: R's ``.rds`` / ``.RData`` files to
  pandas, keeping factor levels, dates, time zones and NA (``pip install
  rtorch[rds]``);
- ``rtorch convert``: the same from the command line (:mod:`rtorch.frames.cli`).
"""

from rtorch.frames.convert import FrameTensor, df_to_tensor, tensor_to_df
from rtorch.frames.info import ColumnInfo, ConversionInfo
from rtorch.frames.rfiles import read_rdata, read_rds

__all__ = [
    "ColumnInfo",
    "ConversionInfo",
    "FrameTensor",
    "df_to_tensor",
    "read_rdata",
    "read_rds",
    "tensor_to_df",
]
