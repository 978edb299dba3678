"""Tiny array helpers that work on ndarrays *and* Tensors.

Backward formulas use these (plus ordinary operators), so the same formula runs
on numpy arrays in a plain backward and on Tensors under ``create_graph=True``.
"""

from __future__ import annotations

import numpy as np


def _is_array(x) -> bool:
    return isinstance(x, np.ndarray) or np.isscalar(x)


def sum_to(g, shape):
    """Reduce a broadcast gradient ``g`` back to ``shape`` (numpy broadcasting rules)."""
    gshape = tuple(g.shape)
    shape = tuple(shape)
    if gshape == shape:
        return g
    lead = len(gshape) - len(shape)
    axes = tuple(range(lead)) + tuple(
        i + lead for i, s in enumerate(shape) if s == 1 and gshape[i + lead] != 1
    )
    if _is_array(g):
        r = np.sum(g, axis=axes, keepdims=True) if axes else g
        return np.reshape(r, shape)
    r = g.sum(dim=axes, keepdim=True) if axes else g
    return r.reshape(shape)


def expand_to(g, shape):
    """Broadcast ``g`` to ``shape`` (the backward of a sum)."""
    if _is_array(g):
        return np.broadcast_to(g, shape)
    return g.expand(*shape)


def unsqueeze_dims(g, dims, ndim):
    """Re-insert reduced dimensions ``dims`` (non-negative, sorted) of size 1."""
    shape = list(g.shape)
    for d in sorted(dims):
        shape.insert(d, 1)
    return g.reshape(tuple(shape)) if _is_array(g) else g.reshape(*shape)


def mT(x):  # noqa: N802
    """Swap the last two dimensions."""
    if _is_array(x):
        return np.swapaxes(x, -1, -2)
    return x.transpose(-1, -2)


def outer(a, b):
    if _is_array(a):
        return np.multiply.outer(a, b)
    return a.unsqueeze(1) * b.unsqueeze(0)


def log(x):
    return np.log(x) if _is_array(x) else x.log()


def sign(x):
    return np.sign(x) if _is_array(x) else x.sign()


def where(cond, a, b):
    if _is_array(a) and _is_array(b):
        return np.where(cond, a, b)
    from .tensor import where as twhere  # noqa: PLC0415 (graph mode only)

    return twhere(cond, a, b)


def zeros_like(x):
    return np.zeros_like(x) if _is_array(x) else x.new_zeros(tuple(x.shape))


def mask(cond, g):
    """``g`` where ``cond`` holds, 0 elsewhere (cond: a boolean ndarray)."""
    if _is_array(g):
        return g * cond
    return g * cond.astype(np.float32 if g._data.dtype == np.float32 else g._data.dtype)
