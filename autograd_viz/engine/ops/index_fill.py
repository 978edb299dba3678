"""Nodes of ``index_fill`` (a number: ``IndexFillBackward0``; a 0-d tensor:
``IndexFillBackward1``), ``index_copy`` (``IndexCopyBackward0``) and ``masked_scatter``
(``MaskedScatterBackward0``).  ``mask``: where the op writes (the gradient of ``a`` is 0
there).  Backward formulas also run on Tensors (``create_graph=True``)."""

from __future__ import annotations

import numpy as np

from ..function import Function, Local
from ..functional_array import _is_array
from .more import _keep
from .scatter import _gather


def _sum_where(g, mask):
    """The sum of ``g`` where ``mask``: a 0-d array, or a 0-d Tensor in a graph of grads."""
    if _is_array(g):
        return np.asarray(np.where(mask, g, g.dtype.type(0)).sum(dtype=g.dtype))
    return _keep(g, ~mask).sum()


class IndexFillBackward0(Function):
    """``a`` with ``value`` (a number) written in the slices ``index`` along ``dim``."""

    op, symbol = "index_fill", "index_fill"
    formula = "∂/∂a = 1 outside the filled slices, 0 in them"
    local = (Local(("G, 0 in the filled slices", "G，填充的切片处为 0"), rule=True),)

    @staticmethod
    def forward(ctx, a, key=None, mask=None, value=0):
        ctx.mask = mask
        out = np.array(a, copy=True)
        out[key] = value
        return out

    @staticmethod
    def backward(ctx, g):
        return (_keep(g, ctx.mask),)


class IndexFillBackward1(Function):
    """``a`` with ``value`` (a 0-d tensor) written in the slices ``index`` along ``dim``."""

    op, symbol = "index_fill", "index_fill"
    formula = "∂/∂a = 1 outside the filled slices, 0 in them;  ∂/∂value = ΣG over them"
    local = (
        Local(("G, 0 in the filled slices", "G，填充的切片处为 0"), rule=True),
        Local(("the sum of G over the filled slices", "填充切片上 G 的和"), rule=True),
    )

    @staticmethod
    def forward(ctx, a, value, key=None, mask=None):
        ctx.mask = mask
        out = np.array(a, copy=True)
        out[key] = value
        return out

    @staticmethod
    def backward(ctx, g):
        n = ctx.needs_input_grad
        return (
            _keep(g, ctx.mask) if n[0] else None,
            _sum_where(g, ctx.mask) if n[1] else None,
        )


class IndexCopyBackward0(Function):
    """``a`` with ``source``'s slices copied to the slices ``index`` along ``dim``."""

    op, symbol = "index_copy", "index_copy"
    formula = "∂/∂a = 1 outside the copied slices, 0 in them;  ∂/∂source: G read there"
    local = (
        Local(("G, 0 in the copied slices", "G，复制的切片处为 0"), rule=True),
        Local(("G read at the copied slices", "在复制的切片处读取的 G"), rule=True),
    )

    @staticmethod
    def forward(ctx, a, source, key=None, mask=None):
        ctx.key, ctx.mask, ctx.src_shape = key, mask, source.shape
        out = np.array(a, copy=True)
        out[key] = source
        return out

    @staticmethod
    def backward(ctx, g):
        n = ctx.needs_input_grad
        if _is_array(g):
            return (_keep(g, ctx.mask) if n[0] else None), (_gather(g, ctx.key) if n[1] else None)
        # a graph of gradients, PyTorch's formulas: grad.index_fill(dim, index, 0) and
        # grad.index_select(dim, index).expand_as(source)
        ga = gs = None
        if n[0]:
            ga = IndexFillBackward0.apply(g, key=ctx.key, mask=ctx.mask, value=0)
        if n[1]:
            gs = _gather(g, ctx.key)
            gs = gs.expand(ctx.src_shape)
        return ga, gs


class MaskedScatterBackward0(Function):
    """``a`` with ``source``'s first elements (in order) written where ``mask`` is True."""

    op, symbol = "masked_scatter", "masked_scatter"
    formula = "∂/∂a = 1 where mask is False, 0 where True;  ∂/∂source: G at the masked places"
    local = (
        Local(("G, 0 where the mask is True", "G，掩码为 True 处为 0"), rule=True),
        Local(
            ("G at the masked places, 0 for the unused source", "掩码处的 G，未用的 source 为 0"),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, a, source, mask=None):
        ctx.mask, ctx.src_shape = mask, source.shape
        out = np.array(a, copy=True)
        k = int(mask.sum())
        out[mask] = source.reshape(-1)[:k]
        return out

    @staticmethod
    def backward(ctx, g):
        n = ctx.needs_input_grad
        ga = gs = None
        if n[0]:
            ga = _keep(g, ctx.mask)
        if n[1]:
            size = int(np.prod(ctx.src_shape))
            if _is_array(g):
                picked = g[ctx.mask]
                flat = np.zeros(size, g.dtype)
                flat[: picked.size] = picked
                gs = flat.reshape(ctx.src_shape)
            else:  # (a graph of gradients: masked_select, padded, reshaped)
                from ..api import cat
                from ..api_scatter import masked_select
                from ..tensor import Tensor

                picked = masked_select(g, Tensor._make(ctx.mask))
                pad = size - picked.shape[0]
                if pad:
                    picked = cat([picked, Tensor._make(np.zeros(pad, picked._data.dtype))])
                gs = picked.reshape(ctx.src_shape)
        return ga, gs
