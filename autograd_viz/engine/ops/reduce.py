"""Reductions: sum, mean."""

from __future__ import annotations

import numpy as np

from ..function import Function
from ..functional_array import expand_to, unsqueeze_dims


class SumBackward0(Function):
    """Sum of all elements."""

    op, symbol = "sum", "Σ"
    formula = "∂(Σ a)/∂aᵢ = 1"

    @staticmethod
    def forward(ctx, a, dtype=None):
        ctx.shape = a.shape
        return np.sum(a, dtype=dtype) if dtype is not None else np.sum(a)

    @staticmethod
    def backward(ctx, g):
        return (expand_to(g, ctx.shape),)


class SumBackward1(Function):
    """Sum over some dimensions."""

    op, symbol = "sum", "Σ"
    formula = "∂(Σ_dim a)/∂aᵢ = 1"

    @staticmethod
    def forward(ctx, a, dim=(), keepdim=False):
        ctx.shape, ctx.dims, ctx.keepdim = a.shape, dim, keepdim
        return np.sum(a, axis=dim, keepdims=keepdim)

    @staticmethod
    def backward(ctx, g):
        if not ctx.keepdim:
            g = unsqueeze_dims(g, ctx.dims, len(ctx.shape))
        return (expand_to(g, ctx.shape),)


class MeanBackward0(Function):
    op, symbol = "mean", "mean"
    formula = "∂mean(a)/∂aᵢ = 1/n"

    @staticmethod
    def forward(ctx, a):
        ctx.shape = a.shape
        return np.mean(a, dtype=a.dtype)

    @staticmethod
    def backward(ctx, g):
        n = max(int(np.prod(ctx.shape)), 1)
        return (expand_to(g / n, ctx.shape),)


class MeanBackward1(Function):
    op, symbol = "mean", "mean"
    formula = "∂mean_dim(a)/∂aᵢ = 1/n"

    @staticmethod
    def forward(ctx, a, dim=(), keepdim=False):
        ctx.shape, ctx.dims, ctx.keepdim = a.shape, dim, keepdim
        return np.mean(a, axis=dim, keepdims=keepdim, dtype=a.dtype)

    @staticmethod
    def backward(ctx, g):
        n = int(np.prod([ctx.shape[d] for d in ctx.dims])) or 1
        if not ctx.keepdim:
            g = unsqueeze_dims(g, ctx.dims, len(ctx.shape))
        return (expand_to(g / n, ctx.shape),)
