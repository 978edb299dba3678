"""Elementwise functions: exp, log, sqrt, abs, sigmoid, tanh, relu, clamp, sign."""

from __future__ import annotations

import numpy as np

from .._errstate import OVER, quiet, restore
from ..derivatives import clamp_mask, clamp_text
from ..function import Function, Local
from ..functional_array import mask, scale, sign

_ndarray = np.ndarray


def _nd(x):
    """ufuncs give numpy scalars for 0-d input: make them arrays (saved outputs are
    recognised by identity)."""
    return x if type(x) is _ndarray else np.asarray(x)


class ExpBackward0(Function):
    op, symbol = "exp", "exp"
    formula = "∂exp(a)/∂a = exp(a)"
    local = (Local("exp({0})", lambda x, o, k: o),)

    @staticmethod
    def forward(ctx, a):
        tok = quiet(OVER)
        try:
            out = _nd(np.exp(a))
        finally:
            restore(tok)
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, g):
        (out,) = ctx.saved_tensors
        return (g * out,)


class LogBackward0(Function):
    op, symbol = "log", "log"
    formula = "∂ln(a)/∂a = 1/a"
    local = (Local("1/{0}", lambda x, o, k: 1.0 / np.asarray(x[0], float)),)

    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.log(a)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        with np.errstate(divide="ignore", invalid="ignore"):
            return (g / a,)


class SqrtBackward0(Function):
    op, symbol = "sqrt", "√"
    formula = "∂√a/∂a = 1/(2√a)"
    local = (Local("1/(2·√{0})", lambda x, o, k: 0.5 / np.asarray(o, float)),)

    @staticmethod
    def forward(ctx, a):
        with np.errstate(invalid="ignore"):
            out = _nd(np.sqrt(a))
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, g):
        (out,) = ctx.saved_tensors
        with np.errstate(divide="ignore", invalid="ignore"):
            return (g / scale(out, 2),)


class AbsBackward0(Function):
    op, symbol = "abs", "|·|"
    formula = "∂|a|/∂a = sign(a)"
    local = (Local("sign({0})", lambda x, o, k: np.sign(x[0])),)

    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return np.abs(a)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (g * sign(a),)


class SignBackward0(Function):
    op, symbol = "sign", "sign"
    formula = "∂sign(a)/∂a = 0"
    local = (Local("0", lambda x, o, k: 0.0),)

    @staticmethod
    def forward(ctx, a):
        if a.dtype.kind == "b":  # sign of a bool tensor is itself (numpy has no bool sign)
            return a.copy()
        out = np.sign(a)
        if a.dtype.kind == "f":  # PyTorch: sign(nan) is 0
            out = np.nan_to_num(out, nan=0.0)
        return out

    @staticmethod
    def backward(ctx, g):
        return (g * 0,)


class SigmoidBackward0(Function):
    op, symbol = "sigmoid", "σ"
    formula = "∂σ(a)/∂a = σ(a)·(1−σ(a))"
    local = (Local("σ({0})·(1 - σ({0}))", lambda x, o, k: o * (1 - o)),)

    @staticmethod
    def forward(ctx, a):
        tok = quiet(OVER)
        try:
            if a.ndim:
                out = np.negative(a)
                np.exp(out, out=out)
            else:
                out = _nd(np.exp(-a))
            out += 1
            np.reciprocal(out, out=out)
        finally:
            restore(tok)
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, g):
        (out,) = ctx.saved_tensors
        if (
            out.__class__ is _ndarray
            and out.ndim
            and g.__class__ is _ndarray
            and g.dtype == out.dtype
            and g.shape == out.shape
        ):
            r = 1 - out  # fresh: the products in place, in the same order
            r *= g
            r *= out
            return (r,)
        return (g * (1 - out) * out,)


class TanhBackward0(Function):
    op, symbol = "tanh", "tanh"
    formula = "∂tanh(a)/∂a = 1 − tanh²(a)"
    local = (Local("1 - tanh²({0})", lambda x, o, k: 1 - o * o),)

    @staticmethod
    def forward(ctx, a):
        out = _nd(np.tanh(a))
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, g):
        (out,) = ctx.saved_tensors
        if (
            out.__class__ is _ndarray
            and out.ndim
            and g.__class__ is _ndarray
            and g.dtype == out.dtype
            and g.shape == out.shape
        ):
            r = out * out  # fresh: 1 - out², times g, in place
            np.subtract(1, r, out=r)
            r *= g
            return (r,)
        return (g * (1 - out * out),)


class ReluBackward0(Function):
    op, symbol = "relu", "relu"
    formula = "∂relu(a)/∂a = [a > 0]"
    local = (Local("[{0} > 0]", lambda x, o, k: (np.asarray(o) > 0).astype(float)),)

    @staticmethod
    def forward(ctx, a):
        out = _nd(np.maximum(a, 0).astype(a.dtype, copy=False))
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, g):
        (out,) = ctx.saved_tensors
        return (mask(g, getattr(out, "_data", out) > 0),)


class ClampBackward1(Function):
    op, symbol = "clamp", "clamp"
    formula = "∂clamp(a, lo, hi)/∂a = [lo ≤ a ≤ hi]"
    local = (
        Local(
            lambda k, x: clamp_text(k.get("min"), k.get("max")),
            lambda x, o, k: clamp_mask(x[0], k.get("min"), k.get("max")),
        ),
    )

    @staticmethod
    def forward(ctx, a, min=None, max=None):
        ctx.save_for_backward(a)
        ctx.lo, ctx.hi = min, max
        out = a
        if min is not None:
            out = np.maximum(out, min)
        if max is not None:
            out = np.minimum(out, max)
        return np.asarray(out).astype(a.dtype, copy=False) if out is not a else a.copy()

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        raw = getattr(a, "_data", a)
        keep = np.ones(raw.shape, dtype=bool)
        if ctx.lo is not None:
            keep &= raw >= ctx.lo
        if ctx.hi is not None:
            keep &= raw <= ctx.hi
        return (mask(g, keep),)
