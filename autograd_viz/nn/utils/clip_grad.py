"""``clip_grad_norm_`` / ``clip_grad_value_`` as ``torch.nn.utils`` computes them."""

from __future__ import annotations

import math

import numpy as np

from ...engine.tensor import Tensor


def _grads(parameters):
    if isinstance(parameters, Tensor):
        parameters = [parameters]
    return [p._grad for p in parameters if p._grad is not None]


def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    """Scale the gradients so that their total ``norm_type``-norm is at most
    ``max_norm`` (by ``max_norm / (total + 1e-6)``, only when that is below 1); return
    the total norm (a 0-d tensor)."""
    grads = _grads(parameters)
    max_norm = float(max_norm)
    norm_type = float(norm_type)
    if not grads:
        return Tensor._make(np.array(0.0, dtype=np.float32))
    dt = grads[0]._data.dtype
    if norm_type == math.inf:
        norms = [np.max(np.abs(g._data)) if g._data.size else dt.type(0) for g in grads]
        total = np.max(np.asarray(norms, dtype=dt))
    else:
        norms = [
            np.power(np.sum(np.power(np.abs(g._data), norm_type)), 1.0 / norm_type) for g in grads
        ]
        norms = np.asarray(norms, dtype=dt)
        total = np.power(np.sum(np.power(norms, norm_type)), 1.0 / norm_type)
    total = np.asarray(total, dtype=dt)
    if error_if_nonfinite and not np.isfinite(total):
        raise RuntimeError(
            f"The total norm of order {norm_type} for gradients from `parameters` is "
            "non-finite, so it cannot be clipped. To disable this error and scale the "
            "gradients by the non-finite norm anyway, set `error_if_nonfinite=False`"
        )
    clip_coef = dt.type(max_norm) / (total + dt.type(1e-6))
    clip_coef_clamped = min(clip_coef, dt.type(1.0))
    for g in grads:
        g._data *= clip_coef_clamped
        g._vbox[0] += 1
    return Tensor._make(total)


def clip_grad_value_(parameters, clip_value, foreach=None):
    """Clamp every gradient element into ``[-clip_value, clip_value]``."""
    clip_value = float(clip_value)
    for g in _grads(parameters):
        np.clip(g._data, -clip_value, clip_value, out=g._data)
        g._vbox[0] += 1
