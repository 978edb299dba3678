"""Elementwise functions: exp, log, sqrt, abs, sigmoid, tanh, relu, clamp, sign."""

from __future__ import annotations

import math

import numpy as np

from .._errstate import ALL, DIVIDE_INVALID, INVALID, OVER, quiet, restore
from .._errstate import errstate as _errstate
from ..derivatives import clamp_mask, clamp_text
from ..function import Function, Local
from ..functional_array import _is_array, add_scalar, const, mask, scale, sign
from .arithmetic import saved0
from .double import SigmoidBackwardBackward0, TanhBackwardBackward0, ThresholdBackwardBackward0

_ndarray = np.ndarray
_ZERO: dict = {}  # dtype -> its numpy scalar 0 (ReLU's gradient where the input is <= 0)


def _nd(x):
    """ufuncs give numpy scalars for 0-d input: make them arrays (saved outputs are
    recognised by identity)."""
    return x if type(x) is _ndarray else np.asarray(x)


# ---------------------------------------------------------------------- float32 results
# PyTorch's float32 exp/log/tanh/... (SLEEF, <= 1 ulp) are correctly rounded far more
# often than numpy's float32 loops: computing in float64 and rounding once to float32
# matches PyTorch's bits on about 99% of inputs (numpy's float32 exp: about 60%; see
# tests/engine/test_float32_bits.py, which measures it against recorded PyTorch values).
# A 0-d input goes through ``math`` (correctly rounded double, cheaper than numpy).

_F32 = np.dtype(np.float32)
_F64 = np.dtype(np.float64)
#: float32 tensors up to this many elements (what a lesson prints and inspects) take the
#: float64 route; bigger ones (a batch of activations) numpy's float32 loops, several
#: times faster (tanh of 1600 values: about 3 µs vs 11 µs; the textbook MLP of
#: benchmarks/ stays on the fast side).  Softmax's summation-order emulation: a quarter.
EXACT_MAX = 1024
_ONE64 = np.float64(1.0)
_ONE64_0D = np.array(1.0)  # (a 0-d array: numpy 2 takes it faster than a numpy scalar)
_ONE64_0D.flags.writeable = False


def exact32(ufunc, mathfn=None, silent=False):
    """``f(a)``: ``ufunc(a)``; for float32 (up to ``EXACT_MAX`` elements) computed in
    float64 and rounded once.  ``silent``: the ufunc never raises a floating-point flag
    (``tanh``: checked on inf, nan and subnormals), so numpy's own loop runs without
    switching the error state."""

    def f(a):
        dt = a.dtype
        if (dt is _F32 or dt == _F32) and a.size <= EXACT_MAX:
            if not a.ndim and mathfn is not None:
                try:
                    return np.array(mathfn(a.item()), dtype=_F32)
                except (OverflowError, ValueError):  # inf, nan, log(0)...: numpy's answer
                    pass
            if silent and a.ndim:  # (no flag to quiet; the result is an array)
                return ufunc(a, dtype=_F64).astype(_F32)
            tok = quiet(ALL)  # PyTorch warns about nothing (sin(inf), overflow...)
            try:
                return _nd(ufunc(a, dtype=_F64).astype(_F32))
            finally:
                restore(tok)
        if silent:
            r = ufunc(a)
            return r if r.__class__ is _ndarray else _nd(r)
        tok = quiet(ALL)
        try:
            return _nd(ufunc(a))
        finally:
            restore(tok)

    f.__name__ = getattr(ufunc, "__name__", "f")
    return f


def _m_exp(v):
    return math.exp(v)


_exp = exact32(np.exp, _m_exp)
_log = exact32(np.log, math.log)
_tanh = exact32(np.tanh, math.tanh, silent=True)


class ExpBackward0(Function):
    op, symbol = "exp", "exp"
    formula = "∂exp(a)/∂a = exp(a)"
    local = (Local("exp({0})", lambda x, o, k: o),)

    @staticmethod
    def forward(ctx, a):
        tok = quiet(OVER)
        try:
            out = _exp(a)
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
        with _errstate(DIVIDE_INVALID):
            return _log(a)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        with _errstate(DIVIDE_INVALID):
            return (g / a,)


class SqrtBackward0(Function):
    op, symbol = "sqrt", "√"
    formula = "∂√a/∂a = 1/(2√a)"
    local = (Local("1/(2·√{0})", lambda x, o, k: 0.5 / np.asarray(o, float)),)

    @staticmethod
    def forward(ctx, a):
        with _errstate(INVALID):
            out = _nd(np.sqrt(a))
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, g):
        (out,) = ctx.saved_tensors
        with _errstate(DIVIDE_INVALID):
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
    def _graph_backward(ctx, g):
        return (SigmoidBackwardBackward0.apply(g, ctx.saved_tensors[0]),)

    @staticmethod
    def forward(ctx, a):
        tok = quiet(OVER)
        try:
            # as PyTorch: exp(-a) (correctly rounded, see exact32), then 1 + e and its
            # reciprocal in the input's dtype
            if a.ndim:
                out = np.negative(a)
                if out.dtype == _F32 and out.size <= EXACT_MAX:
                    out = np.exp(out, dtype=_F64).astype(_F32)
                else:
                    np.exp(out, out=out)
            else:
                out = _exp(np.negative(a))
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
            one = const(1, out.dtype)
            r = (1 if one is None else one) - out  # fresh: the products in place, in order
            r *= g
            r *= out
            return (r,)
        if not ctx._shape and not ctx._graph_mode:  # 0-d: numpy scalars (same operations)
            if g.__class__ is _ndarray:
                g = g[()]
            out = out[()]
        return (g * (1 - out) * out,)


class TanhBackward0(Function):
    op, symbol = "tanh", "tanh"
    formula = "∂tanh(a)/∂a = 1 − tanh²(a)"
    local = (Local("1 - tanh²({0})", lambda x, o, k: 1 - o * o),)

    @staticmethod
    def _graph_backward(ctx, g):
        return (TanhBackwardBackward0.apply(g, ctx.saved_tensors[0]),)

    @staticmethod
    def forward(ctx, a):
        out = _tanh(a)
        ctx._saved = (out,)  # (``save_for_backward``'s one step)
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
            if out.dtype is _F32 and out.size <= EXACT_MAX:
                # PyTorch's kernel computes 1 - out² with a fused multiply-add (one
                # rounding): the square is exact in float64, the difference rounded once
                s = out.astype(_F64)
                s *= s
                np.subtract(_ONE64_0D, s, out=s)  # (in place: one array fewer)
                r = s.astype(_F32)
                r *= g
                return (r,)
            r = out * out  # fresh: 1 - out², times g, in place
            one = const(1, r.dtype)
            np.subtract(1 if one is None else one, r, out=r)
            r *= g
            return (r,)
        if not ctx._shape and not ctx._graph_mode:  # 0-d: numpy scalars (same operations)
            if g.__class__ is _ndarray:
                g = g[()]
            out = out[()]
            if out.dtype is _F32:  # (the fused 1 - out², as above)
                o = float(out)
                return (g * _F32.type(1.0 - o * o),)
        return (g * (1 - out * out),)


class ReluBackward0(Function):
    op, symbol = "relu", "relu"
    formula = "∂relu(a)/∂a = [a > 0]"
    local = (Local("[{0} > 0]", lambda x, o, k: (np.asarray(o) > 0).astype(float)),)

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch: threshold_backward(grad, result, 0)
        return (ThresholdBackwardBackward0.apply(g, ctx.saved_tensors[0], threshold=0),)

    @staticmethod
    def forward(ctx, a):
        out = _nd(np.maximum(a, 0).astype(a.dtype, copy=False))
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, g):
        if not ctx._shape and not ctx._graph_mode:
            # 0-d: ``g`` or a zero of its dtype, as numpy scalars (``mask``'s values)
            out = saved0(ctx)[0]
            if g.__class__ is _ndarray:
                g = g[()]
            if out[()] > 0:
                return (g,)
            dt = g.dtype
            z = _ZERO.get(dt)
            if z is None:
                z = _ZERO[dt] = dt.type(0)
            return (z,)
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


# ---------------------------------------------------------------------- more elementwise
# log10, log2, log1p, expm1, exp2, rsqrt, sinh, cosh, tan, asin, acos, atan, atan2, erf,
# floor, ceil, round, trunc, frac, clamp_min, clamp_max: PyTorch's node names and
# derivative formulas (tools/autograd/derivatives.yaml); the backward runs on ndarrays
# and, under ``create_graph=True``, on Tensors.

_LN2 = float(np.log(2.0))
_LN10 = float(np.log(10.0))
_TWO_OVER_SQRT_PI = 2.0 / float(np.sqrt(np.pi))


def _m(x, ufunc, method):
    """``ufunc(x)`` for an ndarray, ``x.method()`` for a Tensor (graph mode)."""
    if _is_array(x):
        with _errstate(ALL):
            return ufunc(x)
    return getattr(x, method)()


def _erf64(x):
    """erf in float64 (numpy has none): the series ``exp(-x²)·Σ 2ⁿx²ⁿ⁺¹/(2n+1)!!`` for
    |x| ≤ 3 (all terms positive), the continued fraction of erfc beyond; about 1e-16."""
    x = np.asarray(x, dtype=np.float64)
    ax = np.abs(x)
    out = np.empty_like(ax)
    small = ax <= 3.0
    xs = ax[small]
    if xs.size:
        x2 = xs * xs
        term = xs.copy()
        total = xs.copy()
        for n in range(1, 120):
            term *= (2.0 * x2) / (2 * n + 1)
            total += term
            if not (term > 1e-17 * total).any():
                break
        out[small] = _TWO_OVER_SQRT_PI * np.exp(-x2) * total
    big = ~small
    xb = ax[big]
    if xb.size:
        with _errstate(ALL):
            f = xb.copy()
            for k in range(60, 0, -1):
                f = xb + (k / 2.0) / f
            erfc = np.exp(-xb * xb) / (np.sqrt(np.pi) * f)
            out[big] = np.where(np.isinf(xb), 1.0, 1.0 - erfc)
    return np.copysign(out, x)


def _erf(a):
    out = _erf64(a)
    return out.astype(a.dtype, copy=False) if a.dtype != np.float64 else out


def _in_float64(ufunc):
    """``ufunc`` computed in float64 and rounded to the input's dtype (a float32
    result then matches PyTorch's correctly rounded one far more often than numpy's
    float32 loops do)."""

    def f(a):
        if a.dtype == np.float32:
            with _errstate(ALL):
                return _nd(ufunc(a.astype(np.float64)).astype(np.float32))
        with _errstate(ALL):
            return _nd(ufunc(a))

    return f


class _SavesInput(Function):
    """Elementwise op whose backward needs its input (``_saved_self``)."""

    _fn = None

    @classmethod
    def _compute(cls, a):
        with _errstate(ALL):
            if a.dtype == _F32 and not getattr(cls, "_native32", False) and a.size <= EXACT_MAX:
                return _nd(cls._fn(a.astype(_F64)).astype(_F32))
            return _nd(cls._fn(a))

    @classmethod
    def forward(cls, ctx, a):
        ctx.save_for_backward(a)
        return cls._compute(a)


class _SavesResult(Function):
    """Elementwise op whose backward needs its result (``_saved_result``)."""

    _fn = None

    @classmethod
    def _compute(cls, a):
        with _errstate(ALL):
            if a.dtype == _F32 and not getattr(cls, "_native32", False) and a.size <= EXACT_MAX:
                return _nd(cls._fn(a.astype(_F64)).astype(_F32))
            return _nd(cls._fn(a))

    @classmethod
    def forward(cls, ctx, a):
        out = cls._compute(a)
        ctx.save_for_backward(out)
        return out


class Log10Backward0(_SavesInput):
    op, symbol = "log10", "log10"
    formula = "∂log10(a)/∂a = 1/(a·ln 10)"
    local = (Local("1/({0}·ln 10)", lambda x, o, k: 1.0 / (np.asarray(x[0], float) * _LN10)),)
    _fn = staticmethod(np.log10)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        with _errstate(DIVIDE_INVALID):
            return (g / scale(a, _LN10),)


class Log2Backward0(_SavesInput):
    op, symbol = "log2", "log2"
    formula = "∂log2(a)/∂a = 1/(a·ln 2)"
    local = (Local("1/({0}·ln 2)", lambda x, o, k: 1.0 / (np.asarray(x[0], float) * _LN2)),)
    _fn = staticmethod(np.log2)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        with _errstate(DIVIDE_INVALID):
            return (g / scale(a, _LN2),)


class Log1PBackward0(_SavesInput):
    op, symbol = "log1p", "log1p"
    formula = "∂log(1+a)/∂a = 1/(1+a)"
    local = (Local("1/(1 + {0})", lambda x, o, k: 1.0 / (1.0 + np.asarray(x[0], float))),)
    _fn = staticmethod(np.log1p)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        with _errstate(DIVIDE_INVALID):
            return (g / (a + 1),)


class Expm1Backward0(_SavesResult):
    op, symbol = "expm1", "expm1"
    formula = "∂(exp(a)−1)/∂a = exp(a)"
    local = (Local("exp({0})", lambda x, o, k: np.asarray(o, float) + 1.0),)
    _fn = staticmethod(np.expm1)

    @staticmethod
    def backward(ctx, g):
        (out,) = ctx.saved_tensors
        return (g * (out + 1),)


class Exp2Backward0(_SavesResult):
    op, symbol = "exp2", "exp2"
    formula = "∂2ᵃ/∂a = 2ᵃ·ln 2"
    local = (Local("2^{0}·ln 2", lambda x, o, k: np.asarray(o, float) * _LN2),)
    _fn = staticmethod(np.exp2)

    @staticmethod
    def backward(ctx, g):
        (out,) = ctx.saved_tensors
        return (g * scale(out, _LN2),)


class RsqrtBackward0(_SavesResult):
    op, symbol = "rsqrt", "rsqrt"
    formula = "∂(1/√a)/∂a = −1/(2·a^(3/2))"
    local = (Local("-1/(2·{0}^(3/2))", lambda x, o, k: -0.5 * np.asarray(o, float) ** 3),)

    _native32 = True  # PyTorch: 1 / sqrt(a) in float32 (two roundings), matched exactly

    @staticmethod
    def _fn(a):
        return a.dtype.type(1) / np.sqrt(a)

    @staticmethod
    def backward(ctx, g):
        (out,) = ctx.saved_tensors
        return (scale(g * (out * out * out), -0.5),)


class SinhBackward0(_SavesInput):
    op, symbol = "sinh", "sinh"
    formula = "∂sinh(a)/∂a = cosh(a)"
    local = (Local("cosh({0})", lambda x, o, k: np.cosh(np.asarray(x[0], float))),)
    _fn = staticmethod(np.sinh)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (g * _m(a, np.cosh, "cosh"),)


class CoshBackward0(_SavesInput):
    op, symbol = "cosh", "cosh"
    formula = "∂cosh(a)/∂a = sinh(a)"
    local = (Local("sinh({0})", lambda x, o, k: np.sinh(np.asarray(x[0], float))),)
    _fn = staticmethod(np.cosh)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (g * _m(a, np.sinh, "sinh"),)


class TanBackward0(_SavesResult):
    op, symbol = "tan", "tan"
    formula = "∂tan(a)/∂a = 1 + tan²(a)"
    local = (Local("1 + tan²({0})", lambda x, o, k: 1.0 + np.asarray(o, float) ** 2),)
    _fn = staticmethod(np.tan)

    @staticmethod
    def backward(ctx, g):
        (out,) = ctx.saved_tensors
        return (g * (out * out + 1),)


class AsinBackward0(_SavesInput):
    op, symbol = "asin", "asin"
    formula = "∂asin(a)/∂a = 1/√(1−a²)"
    local = (
        Local("1/√(1 - {0}²)", lambda x, o, k: 1.0 / np.sqrt(1.0 - np.asarray(x[0], float) ** 2)),
    )
    _fn = staticmethod(np.arcsin)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (g * _m(-a * a + 1, _rsqrt, "rsqrt"),)


class AcosBackward0(_SavesInput):
    op, symbol = "acos", "acos"
    formula = "∂acos(a)/∂a = −1/√(1−a²)"
    local = (
        Local("-1/√(1 - {0}²)", lambda x, o, k: -1.0 / np.sqrt(1.0 - np.asarray(x[0], float) ** 2)),
    )
    _fn = staticmethod(np.arccos)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (g * -_m(-a * a + 1, _rsqrt, "rsqrt"),)


def _rsqrt(x):
    return x.dtype.type(1) / np.sqrt(x)


class AtanBackward0(_SavesInput):
    op, symbol = "atan", "atan"
    formula = "∂atan(a)/∂a = 1/(1+a²)"
    local = (Local("1/(1 + {0}²)", lambda x, o, k: 1.0 / (1.0 + np.asarray(x[0], float) ** 2)),)
    _fn = staticmethod(np.arctan)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        with _errstate(DIVIDE_INVALID):
            return (g / (a * a + 1),)


class Atan2Backward0(Function):
    op, symbol = "atan2", "atan2"
    formula = "∂atan2(a, b)/∂a = b/(a²+b²),  ∂atan2(a, b)/∂b = −a/(a²+b²)"
    local = (
        Local("{1}/({0}² + {1}²)", lambda x, o, k: _atan2_local(x, 1)),
        Local("-{0}/({0}² + {1}²)", lambda x, o, k: _atan2_local(x, 0)),
    )

    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        with _errstate(ALL):
            return _nd(np.arctan2(a, b))

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        n = ctx.needs_input_grad
        with _errstate(DIVIDE_INVALID):
            r = g / (a * a + b * b)
            return (r * b if n[0] else None, -r * a if n[1] else None)


class ErfBackward0(_SavesInput):
    op, symbol = "erf", "erf"
    formula = "∂erf(a)/∂a = 2/√π·exp(−a²)"
    local = (
        Local(
            "2/√π·exp(-{0}²)",
            lambda x, o, k: _TWO_OVER_SQRT_PI * np.exp(-(np.asarray(x[0], float) ** 2)),
        ),
    )
    _fn = staticmethod(_erf)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (g * scale(_m(-a * a, np.exp, "exp"), _TWO_OVER_SQRT_PI),)


class _ZeroGrad(Function):
    """floor, ceil, round, trunc: piecewise constant, the gradient is 0."""

    _fn = None

    @classmethod
    def forward(cls, ctx, a, decimals=None):
        if a.dtype.kind in "iub":
            return a.copy()
        with _errstate(ALL):
            if decimals is None:
                return _nd(cls._fn(a))
            return _nd(cls._fn(a, decimals))

    @staticmethod
    def backward(ctx, g):
        return (g * 0,)


class FloorBackward0(_ZeroGrad):
    op, symbol = "floor", "floor"
    formula = "∂floor(a)/∂a = 0"
    local = (Local("0", lambda x, o, k: 0.0),)
    _fn = staticmethod(np.floor)


class CeilBackward0(_ZeroGrad):
    op, symbol = "ceil", "ceil"
    formula = "∂ceil(a)/∂a = 0"
    local = (Local("0", lambda x, o, k: 0.0),)
    _fn = staticmethod(np.ceil)


class TruncBackward0(_ZeroGrad):
    op, symbol = "trunc", "trunc"
    formula = "∂trunc(a)/∂a = 0"
    local = (Local("0", lambda x, o, k: 0.0),)
    _fn = staticmethod(np.trunc)


class RoundBackward0(_ZeroGrad):
    op, symbol = "round", "round"
    formula = "∂round(a)/∂a = 0"
    local = (Local("0", lambda x, o, k: 0.0),)
    _fn = staticmethod(np.rint)  # half to even, as PyTorch


class RoundBackward1(_ZeroGrad):
    op, symbol = "round", "round"
    formula = "∂round(a, decimals)/∂a = 0"
    local = (Local("0", lambda x, o, k: 0.0),)

    @staticmethod
    def _fn(a, decimals=0):
        # PyTorch: for decimals > 0, rint(a * 10^d) / 10^d; for < 0, rint(a / 10^-d) * 10^-d
        if decimals >= 0:
            p = a.dtype.type(10.0**decimals)
            return np.rint(a * p) / p
        p = a.dtype.type(10.0 ** (-decimals))
        return np.rint(a / p) * p


class FracBackward0(Function):
    op, symbol = "frac", "frac"
    formula = "∂(a − trunc(a))/∂a = 1"
    local = (Local("1", lambda x, o, k: 1.0),)

    @staticmethod
    def forward(ctx, a):
        return _nd(a - np.trunc(a))

    @staticmethod
    def backward(ctx, g):
        return (g,)


class ClampMinBackward0(Function):
    op, symbol = "clamp_min", "clamp_min"
    formula = "∂max(a, lo)/∂a = [a ≥ lo]"
    local = (
        Local(
            lambda k, x: f"[{{0}} ≥ {k.get('min')}]",
            lambda x, o, k: (np.asarray(x[0]) >= k.get("min")).astype(float),
        ),
    )

    @staticmethod
    def forward(ctx, a, min=None):
        ctx.save_for_backward(a)
        ctx.lo = min
        return _nd(np.maximum(a, min).astype(a.dtype, copy=False))

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (mask(g, getattr(a, "_data", a) >= ctx.lo),)


class ClampMaxBackward0(Function):
    op, symbol = "clamp_max", "clamp_max"
    formula = "∂min(a, hi)/∂a = [a ≤ hi]"
    local = (
        Local(
            lambda k, x: f"[{{0}} ≤ {k.get('max')}]",
            lambda x, o, k: (np.asarray(x[0]) <= k.get("max")).astype(float),
        ),
    )

    @staticmethod
    def forward(ctx, a, max=None):
        ctx.save_for_backward(a)
        ctx.hi = max
        return _nd(np.minimum(a, max).astype(a.dtype, copy=False))

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (mask(g, getattr(a, "_data", a) <= ctx.hi),)


class ClampMinBackward1(Function):
    """``clamp_min(a, tensor)``: two slots, the bound gets the gradient where it wins."""

    op, symbol = "clamp_min", "clamp_min"
    formula = "∂max(a, m)/∂a = [a ≥ m],  ∂max(a, m)/∂m = [a < m]"
    local = (
        Local("[{0} ≥ {1}]", lambda x, o, k: (np.asarray(x[0]) >= np.asarray(x[1])).astype(float)),
        Local("[{0} < {1}]", lambda x, o, k: (np.asarray(x[0]) < np.asarray(x[1])).astype(float)),
    )

    @staticmethod
    def forward(ctx, a, m):
        ctx.save_for_backward(a, m)
        return _nd(np.maximum(a, m))

    @staticmethod
    def backward(ctx, g):
        a, m = ctx.saved_tensors
        keep = getattr(a, "_data", a) >= getattr(m, "_data", m)
        n = ctx.needs_input_grad
        return (mask(g, keep) if n[0] else None, mask(g, ~keep) if n[1] else None)


class ClampMaxBackward1(Function):
    """``clamp_max(a, tensor)``: two slots, the bound gets the gradient where it wins."""

    op, symbol = "clamp_max", "clamp_max"
    formula = "∂min(a, m)/∂a = [a ≤ m],  ∂min(a, m)/∂m = [a > m]"
    local = (
        Local("[{0} ≤ {1}]", lambda x, o, k: (np.asarray(x[0]) <= np.asarray(x[1])).astype(float)),
        Local("[{0} > {1}]", lambda x, o, k: (np.asarray(x[0]) > np.asarray(x[1])).astype(float)),
    )

    @staticmethod
    def forward(ctx, a, m):
        ctx.save_for_backward(a, m)
        return _nd(np.minimum(a, m))

    @staticmethod
    def backward(ctx, g):
        a, m = ctx.saved_tensors
        keep = getattr(a, "_data", a) <= getattr(m, "_data", m)
        n = ctx.needs_input_grad
        return (mask(g, keep) if n[0] else None, mask(g, ~keep) if n[1] else None)


def _atan2_local(x, which):
    a, b = np.asarray(x[0], float), np.asarray(x[1], float)
    return (b if which == 1 else -a) / (a * a + b * b)


# ------------------------------------------------- create_graph: PyTorch's formulas
# Under create_graph=True these ops' gradients are recorded as PyTorch's
# derivatives.yaml writes them in C++, where a number is a Scalar (``AddBackward1``,
# ``MulBackward1``, ``pow(2)``); the plain backward above is untouched.


def _graph(cls):
    def deco(fn):
        cls._graph_backward = staticmethod(fn)
        return fn

    return deco


def _pow(x, n):
    from .arithmetic import PowBackward0

    return PowBackward0.apply(x, exponent=n)


@_graph(Log1PBackward0)
def _log1p_graph(ctx, g):  # log1p_backward: grad / (self + 1)
    (a,) = ctx.saved_tensors
    with _errstate(DIVIDE_INVALID):
        return (g / add_scalar(a, 1),)


@_graph(Expm1Backward0)
def _expm1_graph(ctx, g):  # grad * (result + 1)
    (out,) = ctx.saved_tensors
    return (g * add_scalar(out, 1),)


@_graph(Exp2Backward0)
def _exp2_graph(ctx, g):  # grad * result * M_LN2
    (out,) = ctx.saved_tensors
    return (scale(g * out, _LN2),)


@_graph(RsqrtBackward0)
def _rsqrt_graph(ctx, g):  # -0.5 * grad * result.pow(3)
    (out,) = ctx.saved_tensors
    return (scale(g, -0.5) * _pow(out, 3),)


@_graph(TanBackward0)
def _tan_graph(ctx, g):  # grad * (1 + result.pow(2))
    (out,) = ctx.saved_tensors
    return (g * add_scalar(_pow(out, 2), 1),)


@_graph(AtanBackward0)
def _atan_graph(ctx, g):  # grad / (self * self + 1)
    (a,) = ctx.saved_tensors
    with _errstate(DIVIDE_INVALID):
        return (g / add_scalar(a * a, 1),)


@_graph(AsinBackward0)
def _asin_graph(ctx, g):  # grad * (-self * self + 1).rsqrt()
    (a,) = ctx.saved_tensors
    with _errstate(ALL):
        return (g * add_scalar(-a * a, 1).rsqrt(),)


@_graph(AcosBackward0)
def _acos_graph(ctx, g):  # grad * -((-self * self + 1).rsqrt())
    (a,) = ctx.saved_tensors
    with _errstate(ALL):
        return (g * -add_scalar(-a * a, 1).rsqrt(),)


@_graph(ErfBackward0)
def _erf_graph(ctx, g):  # 2.0 / sqrt(M_PI) * exp(-(self.pow(2))) * grad
    (a,) = ctx.saved_tensors
    return (scale((-_pow(a, 2)).exp(), _TWO_OVER_SQRT_PI) * g,)


@_graph(AbsBackward0)
def _abs_graph(ctx, g):  # grad * self.sgn()
    from .math2 import SgnBackward0

    (a,) = ctx.saved_tensors
    return (g * SgnBackward0.apply(a),)


@_graph(SignBackward0)
def _sign_graph(ctx, g):  # zeros_like(grad): no graph
    from .math2 import _zeros_no_graph

    return (_zeros_no_graph(g),)


@_graph(Atan2Backward0)
def _atan2_graph(ctx, g):
    # atan2_backward: recip = (self * self + other * other).reciprocal(), its infinities
    # zeroed (masked_fill_); grad * other * recip, grad * -self * recip
    from .more import MaskedFillBackward0

    a, b = ctx.saved_tensors
    n = ctx.needs_input_grad
    with _errstate(DIVIDE_INVALID):
        recip = (a * a + b * b).reciprocal()
    recip = MaskedFillBackward0.apply(recip, mask=np.isinf(recip._data), value=0)
    return (g * b * recip if n[0] else None), (g * -a * recip if n[1] else None)
