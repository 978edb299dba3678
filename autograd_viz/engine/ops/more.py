"""Nodes of the tensor ops tutorials use beyond the core set: ``TrilBackward0``,
``TriuBackward0``, ``MaskedFillBackward0``, ``GatherBackward0``, ``IndexSelectBackward0``,
``CumsumBackward0``, ``FlipBackward0``, ``LogsumexpBackward0``, ``AmaxBackward0``,
``AminBackward0``, ``RepeatBackward0``, ``SplitBackward0``, ``TopkBackward0``,
``SortBackward0``.  Backward formulas are written so that they also run on Tensors
(``create_graph=True``)."""

from __future__ import annotations

import numpy as np

from ..function import Function, Local
from ..functional_array import _is_array, _tensor
from .shape import MultiViewBackward, scatter


def _api():
    from .. import api_more

    return api_more


class TrilBackward0(Function):
    op, symbol = "tril", "tril"
    formula = "∂tril(a)/∂a = 1 on and below the diagonal, 0 above"
    local = (
        Local(
            (
                "G on and below the diagonal of {0:r}, 0 above",
                "G 在 {0:r} 对角线及其下方，上方为 0",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, a, diagonal=0):
        ctx.diagonal = diagonal
        return np.tril(a, diagonal)

    @staticmethod
    def backward(ctx, g):
        if _is_array(g):
            return (np.tril(g, ctx.diagonal),)
        return (_api().tril(g, ctx.diagonal),)


class TriuBackward0(Function):
    op, symbol = "triu", "triu"
    formula = "∂triu(a)/∂a = 1 on and above the diagonal, 0 below"
    local = (
        Local(
            (
                "G on and above the diagonal of {0:r}, 0 below",
                "G 在 {0:r} 对角线及其上方，下方为 0",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, a, diagonal=0):
        ctx.diagonal = diagonal
        return np.triu(a, diagonal)

    @staticmethod
    def backward(ctx, g):
        if _is_array(g):
            return (np.triu(g, ctx.diagonal),)
        return (_api().triu(g, ctx.diagonal),)


def _keep(g, mask):
    """``g`` with 0 where ``mask`` (a boolean ndarray broadcastable to g)."""
    if _is_array(g):  # 0 even where g is inf / nan (PyTorch: ``grad.masked_fill(mask, 0)``)
        dt = np.result_type(g)
        return np.where(mask, dt.type(0), g).astype(dt, copy=False)
    keep = (~mask).astype(g._data.dtype)
    return g * _tensor(keep)


class MaskedFillBackward0(Function):
    """``a`` with ``value`` (a number) where ``mask`` is True."""

    op, symbol = "masked_fill", "masked_fill"
    formula = "∂/∂a = 1 where the mask is False, 0 where it is True"
    local = (
        Local(
            (
                "G where the mask is False, 0 where it is True",
                "掩码为 False 处为 G，为 True 处为 0",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, a, mask=None, value=0):
        ctx.mask = mask
        out = np.array(np.broadcast_to(a, np.broadcast_shapes(a.shape, mask.shape)), copy=True)
        out[np.broadcast_to(mask, out.shape)] = value
        return out

    @staticmethod
    def backward(ctx, g):
        return (_keep(g, ctx.mask),)

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch: self: grad.masked_fill(mask, 0)
        return (MaskedFillBackward0.apply(g, mask=ctx.mask, value=0),)


class MaskedFillBackward1(Function):
    """``a`` with ``value`` (a 0-d tensor) where ``mask`` is True."""

    op, symbol = "masked_fill", "masked_fill"
    formula = "∂/∂a = 1 where the mask is False, 0 where it is True; ∂/∂value = Σ over the mask"
    local = (
        Local(
            (
                "G where the mask is False, 0 where it is True",
                "掩码为 False 处为 G，为 True 处为 0",
            ),
            rule=True,
        ),
        Local(("Σ G where the mask is True", "掩码为 True 处的 G 之和"), rule=True),
    )

    @staticmethod
    def forward(ctx, a, value, mask=None):
        ctx.mask = mask
        out = np.array(np.broadcast_to(a, np.broadcast_shapes(a.shape, mask.shape)), copy=True)
        out[np.broadcast_to(mask, out.shape)] = value
        return out

    @staticmethod
    def backward(ctx, g):
        ga = gv = None
        if ctx.needs_input_grad[0]:
            ga = _keep(g, ctx.mask)
        if ctx.needs_input_grad[1]:
            arr = g if _is_array(g) else g._data
            w = np.broadcast_to(ctx.mask, arr.shape).astype(arr.dtype)
            gv = (g * w).sum() if _is_array(g) else (g * _tensor(w)).sum()
        return ga, gv


class GatherBackward0(Function):
    op, symbol = "gather", "gather"
    formula = "∂gather(a)/∂a: each gradient element is added at the position it was read from"
    local = (
        Local(
            ("G added at the gathered positions of {0:r}", "G 加到 {0:r} 被 gather 的位置"),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, a, index=None):
        ctx.shape, ctx.index = a.shape, index
        return a[index]

    @staticmethod
    def backward(ctx, g):
        return (scatter(g, ctx.shape, ctx.index, accumulate=True),)

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch's gather_backward: zeros(self).scatter_add(dim, index, grad)
        from .scatter import ScatterAddBackward0

        base = _tensor(np.zeros(ctx.shape, g._data.dtype))
        return (ScatterAddBackward0.apply(base, g, grid=ctx.index),)


class IndexSelectBackward0(GatherBackward0):
    op, symbol = "index_select", "index_select"
    _graph_backward = None
    formula = "∂/∂a: each selected slice's gradient is added back to it"
    local = (
        Local(("G added at the selected slices of {0:r}", "G 加到 {0:r} 被选中的切片"), rule=True),
    )

    @staticmethod
    def forward(ctx, a, index=None):
        ctx.shape, ctx.index = a.shape, index
        return np.ascontiguousarray(a[index])  # (numpy's a[:, idx] may be column-major)


class TopkBackward0(GatherBackward0):
    op, symbol = "topk", "topk"
    _graph_backward = None
    formula = "∂/∂a: the gradient goes back to the positions of the k values"
    local = (
        Local(
            ("G at the positions of the values picked from {0:r}", "G 放在从 {0:r} 取出的值的位置"),
            rule=True,
        ),
    )


class SortBackward0(TopkBackward0):
    op, symbol = "sort", "sort"
    formula = "∂/∂a: each sorted value's gradient goes back to its original position"


class CumsumBackward0(Function):
    op, symbol = "cumsum", "cumsum"
    formula = "∂/∂aᵢ = Σ_{j ≥ i} G_j (a reversed cumulative sum)"
    local = (Local(("reversed cumulative sum of G", "G 的反向累加和"), rule=True),)

    @staticmethod
    def forward(ctx, a, dim=0, dtype=None):
        ctx.dim = dim
        out = np.cumsum(a, axis=dim, dtype=dtype)
        return out

    @staticmethod
    def backward(ctx, g):
        d = ctx.dim
        if _is_array(g):
            return (np.flip(np.cumsum(np.flip(g, d), axis=d), d),)
        api = _api()
        return (api.flip(api.cumsum(api.flip(g, [d]), d), [d]),)


class FlipBackward0(Function):
    op, symbol = "flip", "flip"
    formula = "∂flip(a)/∂a: the gradient flipped back"
    local = (Local(("G flipped back", "G 翻转回去"), rule=True),)

    @staticmethod
    def forward(ctx, a, dims=()):
        ctx.dims = dims
        return np.flip(a, dims).copy()

    @staticmethod
    def backward(ctx, g):
        if _is_array(g):
            return (np.flip(g, ctx.dims).copy(),)
        return (_api().flip(g, list(ctx.dims)),)


class LogsumexpBackward0(Function):
    op, symbol = "logsumexp", "logsumexp"
    formula = "∂logsumexp(a)/∂aᵢ = exp(aᵢ − logsumexp(a)) (the softmax)"
    local = (Local("exp({0} − {out})", rule=True),)

    @staticmethod
    def forward(ctx, a, dims=(), keepdim=False):
        ctx.dims, ctx.keepdim = dims, keepdim
        m = np.max(a, axis=dims, keepdims=True) if a.size else np.zeros((1,) * a.ndim, a.dtype)
        m = np.where(np.isfinite(m), m, 0)
        with np.errstate(divide="ignore"):
            out = np.log(np.sum(np.exp(a - m), axis=dims, keepdims=True)) + m
        out = out.astype(a.dtype, copy=False)
        ctx.save_for_backward(a, out)
        return out if keepdim else np.squeeze(out, axis=dims)

    @staticmethod
    def backward(ctx, g):
        a, out = ctx.saved_tensors
        if _is_array(g):
            if not ctx.keepdim:
                g = np.expand_dims(g, ctx.dims)
            return (g * np.exp(a - out),)
        if not ctx.keepdim:
            for d in sorted(ctx.dims):
                g = g.unsqueeze(d)
        # the saved ``out`` is a constant here: recompute it from ``a`` so that the result
        # depends on ``a`` through it too (second derivatives)
        out = _api().logsumexp(a, list(ctx.dims), keepdim=True)
        return (g * (a - out).exp(),)

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch's logsumexp_backward: grad and result unsqueezed, grad * (self - result).exp()
        # (result: this node's output, as a saved result unpacks)
        a, out = ctx.saved_tensors
        arr = out._data if ctx.keepdim else np.squeeze(out._data, axis=ctx.dims)
        result = _tensor(arr)
        result._requires_grad, result._grad_fn = True, ctx
        if not ctx.keepdim and a._data.ndim:
            for d in sorted(ctx.dims):
                g = g.unsqueeze(d)
                result = result.unsqueeze(d)
        return (g * (a - result).exp(),)


class AmaxBackward0(Function):
    op, symbol = "amax", "amax"
    formula = "∂amax(a)/∂a: the gradient is shared evenly by the maximal elements"
    local = (
        Local(
            (
                "G ÷ (number of maxima) at the maxima of {0:r}, 0 elsewhere",
                "G ÷（最大值个数）放在 {0:r} 的最大值处，其余为 0",
            ),
            rule=True,
        ),
    )
    _np = staticmethod(np.max)

    @staticmethod
    def forward(ctx, a, dims=(), keepdim=False):
        cls = ctx.__class__
        out = cls._np(a, axis=dims, keepdims=True)
        mask = a == out
        ctx.weights = (mask / np.sum(mask, axis=dims, keepdims=True)).astype(a.dtype)
        ctx.dims, ctx.keepdim = dims, keepdim
        return out if keepdim else np.squeeze(out, axis=dims)

    @staticmethod
    def backward(ctx, g):
        if _is_array(g):
            if not ctx.keepdim:
                g = np.expand_dims(g, ctx.dims)
            return (g * ctx.weights,)
        if not ctx.keepdim:
            for d in sorted(ctx.dims):
                g = g.unsqueeze(d)
        return (g * _tensor(ctx.weights),)

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch's scale_grad_by_count(restore_reduced_dims(grad, dim, keepdim), mask, dim):
        #   (grad.reshape(kept shape) / mask.sum(dim, true)) * mask
        hit = ctx.weights != 0
        dt = g._data.dtype
        if not ctx.keepdim:
            shape = list(g._data.shape)
            for d in sorted(ctx.dims):
                shape.insert(d, 1)
            g = g.reshape(shape)
        count = _tensor(np.sum(hit, axis=ctx.dims, keepdims=True).astype(dt))
        return ((g / count) * _tensor(hit.astype(dt)),)


class AminBackward0(AmaxBackward0):
    op, symbol = "amin", "amin"
    formula = "∂amin(a)/∂a: the gradient is shared evenly by the minimal elements"
    local = (
        Local(
            (
                "G ÷ (number of minima) at the minima of {0:r}, 0 elsewhere",
                "G ÷（最小值个数）放在 {0:r} 的最小值处，其余为 0",
            ),
            rule=True,
        ),
    )
    _np = staticmethod(np.min)


class RepeatBackward0(Function):
    op, symbol = "repeat", "repeat"
    formula = "∂repeat(a)/∂a: the gradients of all copies are summed"
    local = (Local(("Σ of G over the copies of {0:r}", "G 在 {0:r} 的各个副本上求和"), rule=True),)

    @staticmethod
    def forward(ctx, a, repeats=()):
        ctx.in_shape = a.shape
        ctx.repeats = repeats
        return np.tile(a.reshape((1,) * (len(repeats) - a.ndim) + a.shape), repeats)

    @staticmethod
    def backward(ctx, g):
        reps = ctx.repeats
        shape = (1,) * (len(reps) - len(ctx.in_shape)) + tuple(ctx.in_shape)
        split = []
        for r, s in zip(reps, shape, strict=True):
            split += [r, s]
        axes = tuple(range(0, 2 * len(reps), 2))
        if _is_array(g):
            return (g.reshape(split).sum(axis=axes).reshape(ctx.in_shape),)
        return (g.reshape(split).sum(axes).reshape(ctx.in_shape),)


class SplitBackward0(MultiViewBackward):
    """The pieces of ``split``/``chunk`` (views; one node, an output per piece)."""

    op, symbol = "split", "split"
    formula = "∂split(a)[i]/∂a: the gradient goes to piece i, 0 elsewhere"
    local = (
        Local(
            ("G at piece i of {0:r}, 0 elsewhere", "G 放在 {0:r} 的第 i 块，其余为 0"), rule=True
        ),
    )


class SplitWithSizesBackward0(SplitBackward0):
    pass


class UnsafeSplitBackward0(SplitBackward0):
    """``unsafe_split`` / ``unsafe_chunk``: the pieces of ``split`` not tracked as views,
    so each may be changed in place on its own (PyTorch's RNN cells:
    ``gates.unsafe_chunk(4, 1)`` then ``sigmoid_``).  PyTorch's pieces share the input's
    memory; these are copies, so an in-place change of one never shows in the input."""

    op = "unsafe_split"
    is_view = False


class UnsafeSplitWithSizesBackward0(UnsafeSplitBackward0):
    pass


def _xlogy_arr(x, y):
    """``x·log(y)``, 0 where ``x == 0`` (unless ``y`` is nan), as PyTorch's kernel."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = x * np.log(y)
    return np.where((x == 0) & ~np.isnan(y), 0, out).astype(out.dtype, copy=False)


class XlogyBackward0(Function):
    """``torch.xlogy(x, y)``; PyTorch's derivatives: ∂/∂x = xlogy(G, y) with 0 where
    x = 0 and y ≤ 0, ∂/∂y = G·x / y."""

    op, symbol = "xlogy", "xlogy"
    formula = "∂/∂x = log y (0 where x = 0 and y ≤ 0); ∂/∂y = x / y"
    local = (
        Local(
            ("log({1}) (0 where {0} = 0 and {1} ≤ 0)", "log({1})（{0} = 0 且 {1} ≤ 0 处为 0）"),
            lambda ins, out, kw: _xlogy_x(np.asarray(ins[0], float), np.asarray(ins[1], float)),
        ),
        Local(
            "{0}/{1}",
            lambda ins, out, kw: np.asarray(ins[0], float) / np.asarray(ins[1], float),
        ),
    )

    @staticmethod
    def forward(ctx, x, y):
        ctx.save_for_backward(x, y)
        return np.asarray(_xlogy_arr(x, y))

    @staticmethod
    def backward(ctx, g):
        x, y = ctx.saved_tensors
        need = ctx.needs_input_grad
        gx = gy = None
        if _is_array(g):
            with np.errstate(divide="ignore", invalid="ignore"):
                if need[0]:
                    gx = np.where((x == 0) & (y <= 0), 0, _xlogy_arr(g, y)).astype(g.dtype)
                if need[1]:
                    gy = g * x / y
            return gx, gy
        if need[0]:
            from ..api_more import masked_fill

            rx, ry = x._data, y._data
            with np.errstate(invalid="ignore"):
                zero = np.broadcast_to(
                    (rx == 0) & (ry <= 0), np.broadcast_shapes(rx.shape, ry.shape, g.shape)
                )
            gx = masked_fill(XlogyBackward0.apply(g, y), _tensor(zero), 0.0)
        if need[1]:
            gy = g * x / y
        return gx, gy


def _xlogy_x(x, y):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where((x == 0) & (y <= 0), 0, np.log(y))
