"""rtorch: R torch (mlverse/torch) semantics in Python, over real PyTorch.

Write R torch code in Python: ``torch_tensor()``, ``torch_zeros()``, dtype and
device objects, tensors whose methods are R torch's ``$`` methods, 1-based
indices and dims, R's value conversions and R torch's printed form.

    >>> from rtorch import *
    >>> x = torch_tensor(matrix(seq(1, 6), nrow=2))
    >>> x.sum(dim=1)
    torch_tensor
      3
      7
     11
    [ CPULongType{3} ]

``from rtorch import *`` never shadows a Python builtin; R's ``sum()``,
``max()`` … are in :mod:`rtorch.base`.
"""

from rtorch import base as base
from rtorch.autograd import *  # noqa: F403
from rtorch.autograd import __all__ as _autograd_all
from rtorch.creation import *  # noqa: F403
from rtorch.creation import __all__ as _creation_all
from rtorch.custom_function import autograd_function
from rtorch.devices import *  # noqa: F403
from rtorch.devices import __all__ as _devices_all
from rtorch.dtypes import *  # noqa: F403
from rtorch.dtypes import __all__ as _dtypes_all
from rtorch.errors import *  # noqa: F403
from rtorch.errors import __all__ as _errors_all
from rtorch.frames import (
    ConversionInfo,
    df_to_tensor,
    read_rdata,
    read_rds,
    tensor_to_df,
)
from rtorch.functions import *  # noqa: F403
from rtorch.functions import __all__ as _functions_all
from rtorch.generics import *  # noqa: F403
from rtorch.generics import __all__ as _generics_all
from rtorch.indexing import N, slc
from rtorch.methods import bind_methods
from rtorch.rtext import *  # noqa: F403
from rtorch.rtext import __all__ as _rtext_all
from rtorch.tensor import Tensor, from_torch
from rtorch.values import *  # noqa: F403
from rtorch.values import __all__ as _values_all

bind_methods(Tensor)

__version__ = "0.1.0"

__all__ = [
    "Tensor",
    "from_torch",
    "autograd_function",
    "ConversionInfo",
    "df_to_tensor",
    "read_rdata",
    "read_rds",
    "tensor_to_df",
    "N",
    "slc",
    *_autograd_all,
    *_creation_all,
    *_devices_all,
    *_dtypes_all,
    *_errors_all,
    *_functions_all,
    *_generics_all,
    *_values_all,
    *_rtext_all,
]

# -- R torch function and method surface (issue 4; keep this block last) -----------
# Generated torch_*/linalg_* functions, nnf_* class-index functions, cuda_*/
# backends_* helpers, and stubs raising RNotImplementedError for the R torch
# names rtorch lacks; names defined above keep their hand-written definitions.
from rtorch.surface.exports import install_surface as _install_surface  # noqa: E402

__all__ += _install_surface(globals())
