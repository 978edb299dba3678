"""``torch._weight_norm(v, g, dim)`` and ``torch.norm_except_dim(v, pow, dim)`` as ATen
writes them: for ``dim`` 0 or the last dim one fused ``WeightNormInterfaceBackward0``
node (``w = v · g / ‖v‖`` with the norm over every other dim), else the composite
``v * (g / norm_except_dim(v, 2, dim))``."""

from __future__ import annotations

import numpy as np

from ..engine.function import Function, Local
from ..engine.functional_array import _is_array
from .losses_more import LinalgVectorNormBackward0, NormBackward1

__all__ = ["_weight_norm", "norm_except_dim"]


def _axes(ndim, dim):
    return tuple(i for i in range(ndim) if i != dim)


class WeightNormInterfaceBackward0(Function):
    """``w = v · (g / ‖v‖)``, the norm taken per slice of ``dim``."""

    op, symbol = "_weight_norm_interface", "weight_norm"
    formula = "w = g·v/‖v‖: ∂/∂v = (g/‖v‖)(G - v·Σ(G·v)/‖v‖²), ∂/∂g = Σ(G·v)/‖v‖"
    local = (
        Local(("(g/‖v‖)(G - v·Σ(G·v)/‖v‖²)", "(g/‖v‖)(G - v·Σ(G·v)/‖v‖²)"), rule=True),
        Local(("Σ(G·v)/‖v‖", "Σ(G·v)/‖v‖"), rule=True),
    )

    @staticmethod
    def forward(ctx, v, g, dim=0):
        axes = _axes(v.ndim, dim)
        acc = np.float64 if v.dtype == np.float64 else np.float32
        norm = np.sqrt(np.sum(np.square(v, dtype=acc), axis=axes, keepdims=True, dtype=acc))
        ctx.axes = axes
        ctx.norm = norm.astype(v.dtype)
        ctx.save_for_backward(v, g)
        return (v * (g.reshape(norm.shape) / ctx.norm)).astype(v.dtype)

    @staticmethod
    def backward(ctx, gw):
        v, g = ctx.saved_tensors
        axes = ctx.axes
        need = ctx.needs_input_grad
        if _is_array(gw):
            norm = ctx.norm
            gg = np.sum(gw * v, axis=axes, keepdims=True) / norm
            gv = (g.reshape(norm.shape) / norm) * (gw - v * (gg / norm)) if need[0] else None
            return gv, (gg.reshape(g.shape).astype(g.dtype) if need[1] else None)
        norm = (v * v).sum(dim=axes, keepdim=True).sqrt()
        gg = (gw * v).sum(dim=axes, keepdim=True) / norm
        gv = (g.reshape(tuple(norm.shape)) / norm) * (gw - v * (gg / norm)) if need[0] else None
        return gv, (gg.reshape(tuple(g.shape)) if need[1] else None)


class NormBackward0(LinalgVectorNormBackward0):
    """``at::norm(x, p)`` of the whole tensor (C++'s name; Python's ``torch.norm`` goes
    through ``linalg.vector_norm``)."""


def _at_norm(x, p, dim=None):
    if dim is None:
        return NormBackward0.apply(x, ord=p, dims=tuple(range(x.dim())), keepdim=False)
    return NormBackward1.apply(x, ord=p, dims=(dim,), keepdim=False)


def norm_except_dim(v, pow=2, dim=0):
    if dim == -1:
        return _at_norm(v, pow)
    n = v.dim()
    if dim == 0:
        out = [1] * n
        out[0] = v.size(0)
        return _at_norm(v.contiguous().view(v.size(0), -1), pow, 1).view(tuple(out))
    if dim == n - 1:
        out = [1] * n
        out[n - 1] = v.size(n - 1)
        return _at_norm(v.contiguous().view(-1, v.size(n - 1)), pow, 0).view(tuple(out))
    return norm_except_dim(v.transpose(0, dim), pow, 0).transpose(0, dim)


def _weight_norm(v, g, dim=0):
    v = v.contiguous()
    g = g.contiguous()
    if dim == 0 or dim == v.dim() - 1:
        return WeightNormInterfaceBackward0.apply(v, g, dim=dim % max(v.dim(), 1))
    return v * (g / norm_except_dim(v, 2, dim))
