"""Elementwise arithmetic with numpy broadcasting: + - * / ** and negation."""

from __future__ import annotations

import numpy as np

from ..function import Function
from ..functional_array import log, sum_to


def _shape(x):
    return tuple(getattr(x, "shape", ()))


class AddBackward0(Function):
    op, symbol = "add", "+"
    formula = "∂(a+b)/∂a = 1,  ∂(a+b)/∂b = 1"

    @staticmethod
    def forward(ctx, a, b, alpha=1):
        ctx.shapes = (_shape(a), _shape(b))
        ctx.alpha = alpha
        return a + b if alpha == 1 else a + alpha * b

    @staticmethod
    def backward(ctx, g):
        sa, sb = ctx.shapes
        gb = g if ctx.alpha == 1 else g * ctx.alpha
        return sum_to(g, sa), sum_to(gb, sb)


class SubBackward0(Function):
    op, symbol = "sub", "-"
    formula = "∂(a−b)/∂a = 1,  ∂(a−b)/∂b = −1"

    @staticmethod
    def forward(ctx, a, b, alpha=1):
        ctx.shapes = (_shape(a), _shape(b))
        ctx.alpha = alpha
        return a - b if alpha == 1 else a - alpha * b

    @staticmethod
    def backward(ctx, g):
        sa, sb = ctx.shapes
        return sum_to(g, sa), sum_to(-g if ctx.alpha == 1 else g * -ctx.alpha, sb)


class RsubBackward1(Function):
    """``number - tensor``: PyTorch records it as one node with a single slot."""

    op, symbol = "rsub", "-"
    formula = "∂(c−a)/∂a = −1"

    @staticmethod
    def forward(ctx, a, other=0):
        return other - a

    @staticmethod
    def backward(ctx, g):
        return (-g,)


class MulBackward0(Function):
    op, symbol = "mul", "*"
    formula = "∂(a·b)/∂a = b,  ∂(a·b)/∂b = a"

    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a * b

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        return sum_to(g * b, _shape(a)), sum_to(g * a, _shape(b))


class DivBackward0(Function):
    op, symbol = "div", "/"
    formula = "∂(a/b)/∂a = 1/b,  ∂(a/b)/∂b = −a/b²"

    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a / b

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        return sum_to(g / b, _shape(a)), sum_to(-g * a / (b * b), _shape(b))


class NegBackward0(Function):
    op, symbol = "neg", "-"
    formula = "∂(−a)/∂a = −1"

    @staticmethod
    def forward(ctx, a):
        return -a

    @staticmethod
    def backward(ctx, g):
        return (-g,)


class PowBackward0(Function):
    """``tensor ** number``."""

    op, symbol = "pow", "**"
    formula = "∂(aⁿ)/∂a = n·aⁿ⁻¹"

    @staticmethod
    def forward(ctx, a, exponent=1.0):
        ctx.save_for_backward(a)
        ctx.exponent = exponent
        return a**exponent

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        n = ctx.exponent
        if n == 0:
            return (g * 0,)
        return (g * n * a ** (n - 1),)


class PowBackward1(Function):
    """``tensor ** tensor``."""

    op, symbol = "pow", "**"
    formula = "∂(aᵇ)/∂a = b·aᵇ⁻¹,  ∂(aᵇ)/∂b = aᵇ·ln a"

    @staticmethod
    def forward(ctx, a, b):
        out = a**b
        ctx.save_for_backward(a, b, out)
        return out

    @staticmethod
    def backward(ctx, g):
        a, b, out = ctx.saved_tensors
        ga = g * b * a ** (b - 1)
        gb = g * out * log(a)
        return sum_to(ga, _shape(a)), sum_to(gb, _shape(b))


class PowBackward2(Function):
    """``number ** tensor``."""

    op, symbol = "pow", "**"
    formula = "∂(cᵃ)/∂a = cᵃ·ln c"

    @staticmethod
    def forward(ctx, a, base=1.0):
        out = np.power(base, a)
        ctx.save_for_backward(out)
        ctx.base = base
        return out

    @staticmethod
    def backward(ctx, g):
        (out,) = ctx.saved_tensors
        return (g * out * float(np.log(ctx.base)),)
