"""Elementwise functions: exp, log, sigmoid, tanh, relu, ..."""

from __future__ import annotations

import numpy as np

from ..function import Function


class ExpBackward0(Function):
    op, symbol = "exp", "exp"
    formula = "∂exp(a)/∂a = exp(a)"

    @staticmethod
    def forward(ctx, a):
        out = np.exp(a)
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, g):
        (out,) = ctx.saved_tensors
        return (g * out,)


class LogBackward0(Function):
    op, symbol = "log", "log"
    formula = "∂ln(a)/∂a = 1/a"

    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.log(a)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (g / a,)


class SigmoidBackward0(Function):
    op, symbol = "sigmoid", "σ"
    formula = "∂σ(a)/∂a = σ(a)·(1−σ(a))"

    @staticmethod
    def forward(ctx, a):
        with np.errstate(over="ignore"):
            out = 1.0 / (1.0 + np.exp(-a))
        out = out.astype(a.dtype, copy=False)
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, g):
        (out,) = ctx.saved_tensors
        return (g * out * (1 - out),)
