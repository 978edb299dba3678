"""``parameters_to_vector`` / ``vector_to_parameters``."""

from __future__ import annotations

from ...engine import api


def parameters_to_vector(parameters):
    """One vector of every parameter, flattened and concatenated (in the graph)."""
    return api.cat([p.view(-1) for p in parameters])


def vector_to_parameters(vec, parameters):
    """Copy consecutive pieces of ``vec`` into the parameters' data."""
    pointer = 0
    for p in parameters:
        n = p.numel()
        p._data[...] = vec._data[pointer : pointer + n].reshape(p._data.shape)
        p._vbox[0] += 1
        pointer += n
