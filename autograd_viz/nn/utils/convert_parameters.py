"""``parameters_to_vector`` / ``vector_to_parameters``."""

from __future__ import annotations

from ...engine import api
from ...engine.argtypes_shape import tp_name
from ...engine.tensor import Tensor


def parameters_to_vector(parameters):
    """One vector of every parameter, flattened and concatenated (in the graph)."""
    return api.cat([p.view(-1) for p in parameters])


def vector_to_parameters(vec, parameters):
    """Copy consecutive pieces of ``vec`` into the parameters' data."""
    if not isinstance(vec, Tensor):
        raise TypeError(f"expected torch.Tensor, but got: {tp_name(vec)}")
    pointer = 0
    for p in parameters:
        n = p.numel()
        p._data[...] = vec[pointer : pointer + n].view(p.shape)._data
        p._vbox[0] += 1
        pointer += n
