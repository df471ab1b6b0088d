"""R torch's function and method surface, driven by a table of argument roles.

* :mod:`rtorch.surface.roles` — which arguments are dimensions, index tensors
  or positions, and which results are indices (the R torch rules, data only);
* :mod:`rtorch.surface.schema` and :mod:`rtorch.surface.codegen` — R torch's
  signatures from PyTorch's operator schemas, written out as Python source by
  ``tools/gen_surface.py``;
* :mod:`rtorch.surface.generated_functions` / ``generated_methods`` — that
  source: one small function per R name;
* :mod:`rtorch.surface.convert` — the conversions those functions call;
* :mod:`rtorch.surface.exports` — puts it all into the ``rtorch`` namespace.

Example:
    >>> as_array(torch_gather(torch_tensor(c(10, 20, 30)), dim=1, index=c(3, 1)))
    array([30, 10])
"""
