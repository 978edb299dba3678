"""Matrix products: mm, mv, dot (``matmul`` dispatches to them as PyTorch does)."""

from __future__ import annotations

from ..function import Function
from ..functional_array import mT, outer


class MmBackward0(Function):
    op, symbol = "mm", "@"
    formula = "∂(A@B)/∂A = G@Bᵀ,  ∂(A@B)/∂B = Aᵀ@G"

    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a @ b

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        return g @ mT(b), mT(a) @ g


class MvBackward0(Function):
    op, symbol = "mv", "@"
    formula = "∂(A@v)/∂A = g⊗v,  ∂(A@v)/∂v = Aᵀ@g"

    @staticmethod
    def forward(ctx, a, v):
        ctx.save_for_backward(a, v)
        return a @ v

    @staticmethod
    def backward(ctx, g):
        a, v = ctx.saved_tensors
        return outer(g, v), mT(a) @ g


class DotBackward0(Function):
    op, symbol = "dot", "·"
    formula = "∂(a·b)/∂a = b,  ∂(a·b)/∂b = a"

    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a @ b

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        return g * b, g * a
