"""Scans: ``cummax`` / ``cummin`` (values and the index of each running extreme; the
gradient goes back to that index: ``CummaxBackward0`` / ``CumminBackward0``) and
``logcumsumexp`` (``LogcumsumexpBackward0``); ``diag_embed`` (``DiagEmbedBackward0``)."""

from __future__ import annotations

import numpy as np

from .._errstate import ALL
from .._errstate import errstate as _errstate
from ..function import Function, Local
from ..functional_array import _is_array

_F32 = np.dtype(np.float32)


def _api():
    from .. import api_scans2

    return api_scans2


def cum_extreme(a, dim, is_max):
    """Running max / min along ``dim`` and the index where it was reached (ties and nans:
    the latest position, as ATen's ``>=`` / ``<=`` loop)."""
    if a.ndim == 0:
        return a.copy(), np.zeros((), np.int64)
    if a.dtype.kind == "b":
        vals = (np.logical_or if is_max else np.logical_and).accumulate(a, axis=dim)
    else:
        vals = (np.maximum if is_max else np.minimum).accumulate(a, axis=dim)
    with _errstate(ALL):
        mark = a == vals
        if a.dtype.kind in "fc":
            mark |= np.isnan(a)
    n = a.shape[dim]
    shape = [1] * a.ndim
    shape[dim] = n
    pos = np.arange(n, dtype=np.int64).reshape(shape)
    idx = np.maximum.accumulate(np.where(mark, pos, 0), axis=dim)
    return vals, idx


class _CumExtreme(Function):
    formula = "∂/∂aⱼ = Σ of G where j is the running extreme's index"
    local = (
        Local(
            ("G added at the index of each running extreme", "G 加到每个累计极值所在的位置"),
            rule=True,
        ),
    )
    _max = True

    @classmethod
    def forward(cls, ctx, a, dim=0):
        vals, idx = cum_extreme(a, dim, cls._max)
        ctx.dim, ctx.idx, ctx.shape = dim, idx, a.shape
        return vals

    @staticmethod
    def backward(ctx, g):
        d, idx = ctx.dim, ctx.idx
        if not ctx.shape:
            return (g,)
        if _is_array(g):
            out = np.zeros(ctx.shape, dtype=g.dtype)
            np.add.at(out, _along(idx, d), g)
            return (out,)
        from ..api_scatter import scatter_add
        from ..tensor import Tensor

        base = Tensor._make(np.zeros(ctx.shape, dtype=g._data.dtype))
        return (scatter_add(base, d, Tensor._make(idx), g),)


def _along(idx, d):
    """Index tuple putting values at ``idx`` along ``d`` (the other dims as they are)."""
    grids = list(np.indices(idx.shape, sparse=True))
    grids[d] = idx
    return tuple(grids)


class CummaxBackward0(_CumExtreme):
    op, symbol = "cummax", "cummax"
    _max = True


class CumminBackward0(_CumExtreme):
    op, symbol = "cummin", "cummin"
    _max = False


def _logcumsumexp(a, dim):
    with _errstate(ALL):
        if a.dtype == _F32:
            return np.logaddexp.accumulate(a.astype(np.float64), axis=dim).astype(_F32)
        return np.logaddexp.accumulate(a, axis=dim)


class LogcumsumexpBackward0(Function):
    op, symbol = "logcumsumexp", "logcumsumexp"
    formula = "∂/∂aⱼ = Σ_{i ≥ j} Gᵢ·exp(aⱼ − outᵢ)"
    local = (
        Local(
            ("Σ over i ≥ j of G_i·exp(a_j - out_i)", "对 i ≥ j 求和 G_i·exp(a_j - out_i)"),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, a, dim=0):
        ctx.dim = dim
        out = a.copy() if a.ndim == 0 else _logcumsumexp(a, dim)
        ctx.save_for_backward(a, out)
        return out

    @staticmethod
    def backward(ctx, g):
        a, out = ctx.saved_tensors
        d = ctx.dim
        if _is_array(g):
            if a.ndim == 0:
                return (g.copy() if hasattr(g, "copy") else g,)
            with _errstate(ALL):
                x, r, gg = (np.asarray(v, np.float64) for v in (a, out, g))
                pos = np.exp(
                    np.flip(
                        np.logaddexp.accumulate(np.flip(np.log(np.maximum(gg, 0)) - r, d), axis=d),
                        d,
                    )
                    + x
                )
                neg = np.exp(
                    np.flip(
                        np.logaddexp.accumulate(np.flip(np.log(np.maximum(-gg, 0)) - r, d), axis=d),
                        d,
                    )
                    + x
                )
                return ((pos - neg).astype(g.dtype),)
        if a.ndim == 0:
            return (g,)
        from ..api import exp
        from ..api_more import cumsum, flip

        w = g * exp(-out)
        rev = flip(cumsum(flip(w, [d]), d), [d])
        return (rev * exp(a),)


class DiagEmbedBackward0(Function):
    op, symbol = "diag_embed", "diag_embed"
    formula = "∂diag_embed(a)/∂a: the diagonal of G"
    local = (Local(("the diagonal of G", "G 的对角线"), rule=True),)

    @staticmethod
    def forward(ctx, a, offset=0, dim1=-2, dim2=-1):
        ctx.args = (offset, dim1, dim2)
        n = a.shape[-1] + abs(offset)
        nd = a.ndim + 1
        d1, d2 = dim1 % nd, dim2 % nd
        rest = list(a.shape[:-1])
        shape = []
        it = iter(rest)
        for k in range(nd):
            shape.append(n if k in (d1, d2) else next(it))
        out = np.zeros(shape, dtype=a.dtype)
        # out's (d1, d2) plane moved last: its diagonal gets a, element by element
        moved = np.moveaxis(out, (d1, d2), (-2, -1))
        k = np.arange(a.shape[-1])
        rows, cols = (k, k + offset) if offset >= 0 else (k - offset, k)
        moved[..., rows, cols] = a
        return out

    @staticmethod
    def backward(ctx, g):
        offset, dim1, dim2 = ctx.args
        if _is_array(g):
            return (np.diagonal(g, offset, dim1, dim2).copy(),)
        from ..api_views import diagonal

        return (diagonal(g, offset, dim1, dim2),)


class UniqueConsecutiveBackward0(Function):
    """``unique_consecutive`` of a tensor that requires grad: PyTorch records the node,
    whose backward raises (no derivative)."""

    op, symbol = "unique_consecutive", "unique_consecutive"
    formula = "no derivative"
    local = (Local(("no derivative (PyTorch raises)", "没有导数（PyTorch 报错）"), rule=True),)

    @staticmethod
    def forward(ctx, a, values=None):
        return values

    @staticmethod
    def backward(ctx, g):
        raise NotImplementedError("the derivative for 'unique_consecutive' is not implemented.")


class BlockDiagBackward0(Function):
    """``block_diag(*ts)``: one node with a slot per tensor; each gets its block of G."""

    op, symbol = "block_diag", "block_diag"
    formula = "∂block_diag(A, B, ...)/∂A: A's block of G"
    local = (Local(("the input's block of G", "G 中该输入所在的块"), rule=True),)

    @staticmethod
    def forward(ctx, *arrays, dtype=None):
        mats = [
            a.reshape(1, -1) if a.ndim == 1 else a.reshape(1, 1) if a.ndim == 0 else a
            for a in arrays
        ]
        rows = sum(m.shape[0] for m in mats)
        cols = sum(m.shape[1] for m in mats)
        out = np.zeros((rows, cols), dtype=dtype)
        r = c = 0
        ctx.blocks = []
        for a, m in zip(arrays, mats, strict=True):
            out[r : r + m.shape[0], c : c + m.shape[1]] = m
            ctx.blocks.append((r, c, m.shape, a.shape))
            r, c = r + m.shape[0], c + m.shape[1]
        return out

    @staticmethod
    def backward(ctx, g):
        grads = []
        for need, (r, c, (h, w), shape) in zip(ctx.needs_input_grad, ctx.blocks, strict=True):
            if not need:
                grads.append(None)
                continue
            piece = g[r : r + h, c : c + w]
            grads.append(piece.reshape(shape))
        return tuple(grads)
