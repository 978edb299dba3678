"""Reductions: sum, mean, max/min (over everything, or along a dim)."""

from __future__ import annotations

import numpy as np

from .._errstate import DIVIDE_INVALID
from .._errstate import errstate as _errstate
from ..derivatives import count, hits, one_hot
from ..function import Function, Local
from ..functional_array import expand_to, mask, scale, unsqueeze_dims
from .fsum import sum32, sum_dim32
from .unary import EXACT_MAX

_F32 = np.dtype(np.float32)
_ndarray = np.ndarray
_generic = np.generic


#: whole-tensor float32 sums and means up to this many elements are summed in PyTorch's
#: order (``fsum.sum32``, exact against PyTorch up to 30,000 values): a training loop's
#: ``loss.item()`` over a data set of a few thousand points prints PyTorch's digits; the
#: order costs about 18 µs for 2,000 values (numpy's pairwise sum: 1 µs), so bigger
#: tensors keep numpy's sum
SUM_EXACT_MAX = 8192


def _torch_order(a):
    """A float32 tensor small enough (``unary.EXACT_MAX``) to be summed in PyTorch's
    order (``fsum.sum32``), for its bits."""
    return a.dtype == _F32 and 0 < a.size <= EXACT_MAX and a.flags.c_contiguous


class SumBackward0(Function):
    """Sum of all elements."""

    op, symbol = "sum", "Σ"
    formula = "∂(Σ a)/∂aᵢ = 1"
    local = (
        Local(
            ("1 for every element of {0:r}", "{0:r} 的每个元素都是 1"),
            lambda x, o, k: np.ones(np.shape(x[0])),
        ),
    )

    @staticmethod
    def forward(ctx, a, dtype=None):
        ctx.shape = a.shape
        if (
            dtype is None
            and a.dtype == _F32
            and 0 < a.size <= SUM_EXACT_MAX
            and a.flags.c_contiguous
        ):
            return sum32(a)
        return np.sum(a, dtype=dtype)

    @staticmethod
    def backward(ctx, g):
        return (expand_to(g, ctx.shape),)


class SumBackward1(Function):
    """Sum over some dimensions."""

    op, symbol = "sum", "Σ"
    formula = "∂(Σ_dim a)/∂aᵢ = 1"
    local = (
        Local(
            ("1 for every element of {0:r}", "{0:r} 的每个元素都是 1"),
            lambda x, o, k: np.ones(np.shape(x[0])),
        ),
    )

    @staticmethod
    def forward(ctx, a, dim=(), keepdim=False, dtype=None):
        ctx.shape, ctx.dims, ctx.keepdim = a.shape, dim, keepdim
        if dtype is None and _torch_order(a):
            out = sum_dim32(a, dim, keepdim)
            if out is not None:
                return out
        return np.sum(a, axis=dim, keepdims=keepdim, dtype=dtype)

    @staticmethod
    def backward(ctx, g):
        if not ctx.keepdim:
            g = unsqueeze_dims(g, ctx.dims)
        return (expand_to(g, ctx.shape),)


class MeanBackward0(Function):
    op, symbol = "mean", "mean"
    formula = "∂mean(a)/∂aᵢ = 1/n"
    local = (
        Local(
            lambda k, x: f"1/{max(np.size(x[0]), 1)} for every element of {{0:r}}" if x else "1/N",
            lambda x, o, k: np.full(np.shape(x[0]), 1.0 / max(np.size(x[0]), 1)),
            zh=lambda k, x: f"{{0:r}} 的每个元素都是 1/{max(np.size(x[0]), 1)}" if x else "1/N",
        ),
    )

    @staticmethod
    def forward(ctx, a):
        ctx.shape = a.shape
        n = a.size
        ctx.n = n or 1
        if not n:
            return np.array(np.nan, dtype=a.dtype)
        dt = a.dtype
        if (dt is _F32 or dt == _F32) and n <= SUM_EXACT_MAX and a.flags.c_contiguous:
            # (``_torch_order``) PyTorch's bits: its summation order, then / n
            return sum32(a) / _F32.type(n)
        if a.dtype.kind == "f":  # np.mean's own steps, without its overhead
            return np.add.reduce(a, axis=None, dtype=a.dtype) / a.size
        return np.mean(a, dtype=a.dtype)

    @staticmethod
    def backward(ctx, g):
        if g.__class__ is _ndarray or isinstance(g, _generic):  # (``expand_to``'s steps)
            g = g * (1.0 / ctx.n)
            out = np.empty(ctx.shape, g.dtype)
            out[...] = g
            return (out,)
        return (expand_to(scale(g, 1.0 / ctx.n), ctx.shape),)

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch's mean_backward: grad.expand(sizes) / numel (a Scalar division)
        from .extra import DivBackward1

        return (DivBackward1.apply(expand_to(g, ctx.shape), other=ctx.n),)


class MeanBackward1(Function):
    op, symbol = "mean", "mean"
    formula = "∂mean_dim(a)/∂aᵢ = 1/n"
    local = (
        Local(
            lambda k, x: f"1/{count(x, k)} for every element of {{0:r}}" if x else "1/N",
            lambda x, o, k: np.full(np.shape(x[0]), 1.0 / count(x, k)),
            zh=lambda k, x: f"{{0:r}} 的每个元素都是 1/{count(x, k)}" if x else "1/N",
        ),
    )

    @staticmethod
    def forward(ctx, a, dim=(), keepdim=False):
        ctx.shape, ctx.dims, ctx.keepdim = a.shape, dim, keepdim
        if _torch_order(a):
            out = sum_dim32(a, dim, keepdim)
            if out is not None:  # PyTorch's order, then / n
                return out / np.float32(int(np.prod([a.shape[d] for d in dim])))
        with _errstate(DIVIDE_INVALID):
            return np.mean(a, axis=dim, keepdims=keepdim, dtype=a.dtype)

    @staticmethod
    def backward(ctx, g):
        n = int(np.prod([ctx.shape[d] for d in ctx.dims])) or 1
        if not ctx.keepdim:
            g = unsqueeze_dims(g, ctx.dims)
        return (expand_to(scale(g, 1.0 / n), ctx.shape),)

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch: sum_backward(grad, sizes, dim, keepdim) / numel
        from .extra import DivBackward1

        n = int(np.prod([ctx.shape[d] for d in ctx.dims])) or 1
        if not ctx.keepdim:
            g = unsqueeze_dims(g, ctx.dims)
        return (DivBackward1.apply(expand_to(g, ctx.shape), other=n),)


class MaxBackward1(Function):
    """Maximum of all elements; ties share the gradient evenly (as PyTorch does)."""

    op, symbol = "max", "max"
    formula = "∂max(a)/∂aᵢ = [aᵢ = max]/#ties"
    local = (
        Local(
            (
                "1 where {0:r} equals its max (shared on ties), else 0",
                "{0:r} 等于最大值处为 1（并列时平分），其余为 0",
            ),
            lambda x, o, k: hits(x[0], o),
        ),
    )

    @staticmethod
    def forward(ctx, a):
        out = np.asarray(np.max(a))
        ctx.save_for_backward(a, out)
        return out

    @staticmethod
    def backward(ctx, g):
        a, out = ctx.saved_tensors
        ra, ro = getattr(a, "_data", a), getattr(out, "_data", out)
        hit = ra == ro
        count = max(int(hit.sum()), 1)
        return (mask(expand_to(scale(g, 1.0 / count), ra.shape), hit),)

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch's evenly_distribute_backward:
        #   grad.new_zeros(input.sizes()).masked_fill_(mask, grad / mask.sum())
        from ..functional_array import _tensor
        from .more import MaskedFillBackward1

        a, out = ctx.saved_tensors
        ra = a._data
        hit = ra == out._data
        dt = g._data.dtype
        share = g / _tensor(np.asarray(hit.sum(), dt))
        return (MaskedFillBackward1.apply(_tensor(np.zeros(ra.shape, dt)), share, mask=hit),)


class MinBackward1(MaxBackward1):
    op, symbol = "min", "min"
    formula = "∂min(a)/∂aᵢ = [aᵢ = min]/#ties"
    local = (
        Local(
            (
                "1 where {0:r} equals its min (shared on ties), else 0",
                "{0:r} 等于最小值处为 1（并列时平分），其余为 0",
            ),
            lambda x, o, k: hits(x[0], o),
        ),
    )

    @staticmethod
    def forward(ctx, a):
        out = np.asarray(np.min(a))
        ctx.save_for_backward(a, out)
        return out


class MaxBackward0(Function):
    """Maximum along ``dim``: the gradient goes to the selected index."""

    op, symbol = "max", "max"
    formula = "∂max_dim(a)/∂aᵢ = [i = argmax]"
    local = (
        Local(
            lambda k, x: f"1 at the argmax along dim {k.get('dim', 0)}, else 0",
            lambda x, o, k: one_hot(x[0], k),
            zh=lambda k, x: f"沿第 {k.get('dim', 0)} 维的 argmax 处为 1，其余为 0",
        ),
    )

    @staticmethod
    def forward(ctx, a, dim=0, keepdim=False, indices=None, reduce=np.max):
        ctx.shape, ctx.dim, ctx.keepdim = a.shape, dim, keepdim
        ctx.indices = indices
        return reduce(a, axis=dim, keepdims=keepdim)

    @staticmethod
    def backward(ctx, g):
        idx = ctx.indices if ctx.keepdim else np.expand_dims(ctx.indices, ctx.dim)
        if not ctx.keepdim:
            g = unsqueeze_dims(g, (ctx.dim,))
        shape = ctx.shape
        pos = np.arange(shape[ctx.dim]).reshape(
            [-1 if i == ctx.dim else 1 for i in range(len(shape))]
        )
        return (mask(expand_to(g, shape), pos == idx),)

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch's value_selecting_reduction_backward:
        #   zeros(sizes).scatter_(dim, indices.unsqueeze(dim), grad.unsqueeze(dim))
        from ..functional_array import _tensor
        from .scatter import ScatterBackward0

        d, shape = ctx.dim, ctx.shape
        idx = ctx.indices if ctx.keepdim else np.expand_dims(ctx.indices, d)
        if not ctx.keepdim:
            g = g.unsqueeze(d)
        grid = tuple(
            idx
            if i == d
            else np.arange(idx.shape[i]).reshape([-1 if j == i else 1 for j in range(idx.ndim)])
            for i in range(idx.ndim)
        )
        pos = np.arange(shape[d]).reshape([-1 if i == d else 1 for i in range(len(shape))])
        base = _tensor(np.zeros(shape, g._data.dtype))
        return (
            ScatterBackward0.apply(base, g, grid=grid, mask=np.broadcast_to(pos == idx, shape)),
        )


class MinBackward0(MaxBackward0):
    op, symbol = "min", "min"
    formula = "∂min_dim(a)/∂aᵢ = [i = argmin]"
    local = (
        Local(
            lambda k, x: f"1 at the argmin along dim {k.get('dim', 0)}, else 0",
            lambda x, o, k: one_hot(x[0], k),
            zh=lambda k, x: f"沿第 {k.get('dim', 0)} 维的 argmin 处为 1，其余为 0",
        ),
    )
