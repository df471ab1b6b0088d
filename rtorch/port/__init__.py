"""``rtorch port``: translate R torch scripts into runnable rtorch Python.

Needs the optional extra ``rtorch[port]`` (the R grammar and black).
"""

from rtorch.port.api import port_source
from rtorch.port.problems import PortError, Problem

__all__ = ["PortError", "Problem", "port_source"]
