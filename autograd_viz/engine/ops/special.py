"""Special functions: erfc, erfinv, lgamma, digamma, polygamma, logit, sinc, i0, entr,
xlog1py, ndtri, log_ndtr (numpy kernels in float64, rounded once to the input's dtype;
PyTorch's node names and derivative formulas from tools/autograd/derivatives.yaml).

The kernels follow the ones PyTorch's CPU build runs where their rounding matters at the
test tolerances: ``digamma`` and the trigamma of ``polygamma(1, x)`` are ATen's
``calc_digamma`` / ``calc_trigamma`` step by step (trigamma's short asymptotic series is
only good to about 1e-8, which PyTorch returns), ``polygamma(n >= 2)`` is Cephes' Hurwitz
``zeta`` as ATen calls it, ``erfinv`` ATen's rational guess plus two Newton steps.
Backward formulas run on ndarrays and, under ``create_graph=True``, on Tensors through
the torch-level functions (so second derivatives are graphs of these nodes again).
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from .._errstate import ALL
from .._errstate import errstate as _errstate
from ..function import Function, Local
from ..functional_array import _is_array
from .unary import _erf64

_F64 = np.dtype(np.float64)
_PI = math.pi
_SQRT_PI = math.sqrt(math.pi)
_SQRT_2PI = math.sqrt(2.0 * math.pi)
_TWO_OVER_SQRT_PI = 2.0 / _SQRT_PI
_SQRT1_2 = math.sqrt(0.5)


def _f64(a):
    return np.asarray(a, dtype=_F64)


def _like(r, a):
    """``r`` (float64) in ``a``'s dtype, always an ndarray."""
    r = np.asarray(r)
    dt = getattr(a, "dtype", _F64)
    return r if r.dtype == dt else r.astype(dt)


def _torch(name):
    """The torch-level function ``name`` (for backward formulas on Tensors)."""
    from .. import api_math2

    return getattr(api_math2, name)


# ---------------------------------------------------------------------- kernels (float64)


def erfc64(x):
    """erfc: ``1 - erf`` up to 2 (relative error below 1e-13 there), Laplace's continued
    fraction beyond (no cancellation: tiny values keep their relative accuracy)."""
    x = _f64(x)
    out = np.empty_like(x)
    small = ~(x > 2.0)
    if small.any():
        out[small] = 1.0 - _erf64(x[small])
    big = ~small
    if big.any():
        out[big] = np.exp(-x[big] * x[big]) * _erfcx_cf(x[big])
    return out


def _erfcx_cf(z):
    """``exp(z²)·erfc(z)`` for z > 2: the continued fraction (60 levels)."""
    with _errstate(ALL):
        f = z.copy()
        for k in range(60, 0, -1):
            f = z + (k / 2.0) / f
        return np.where(np.isinf(z), 0.0, 1.0 / (_SQRT_PI * f))


def erfcx64(z):
    """``exp(z²)·erfc(z)``."""
    z = _f64(z)
    out = np.empty_like(z)
    small = ~(z > 2.0)
    if small.any():
        zs = z[small]
        with _errstate(ALL):
            out[small] = np.exp(zs * zs) * (1.0 - _erf64(zs))
    big = ~small
    if big.any():
        out[big] = _erfcx_cf(z[big])
    return out


_ERFINV_A = (0.886226899, -1.645349621, 0.914624893, -0.140543331)
_ERFINV_B = (-2.118377725, 1.442710462, -0.329097515, 0.012229801)
_ERFINV_C = (-1.970840454, -1.624906493, 3.429567803, 1.641345311)
_ERFINV_D = (3.543889200, 1.637067800)


def erfinv64(y):
    """ATen's ``calc_erfinv``: a rational first guess, then two Newton steps."""
    y = _f64(y)
    a, b, c, d = _ERFINV_A, _ERFINV_B, _ERFINV_C, _ERFINV_D
    with _errstate(ALL):
        ay = np.abs(y)
        z = y * y
        num = ((a[3] * z + a[2]) * z + a[1]) * z + a[0]
        dem = (((b[3] * z + b[2]) * z + b[1]) * z + b[0]) * z + 1.0
        central = y * num / dem
        zt = np.sqrt(-np.log((1.0 - ay) / 2.0))
        num = ((c[3] * zt + c[2]) * zt + c[1]) * zt + c[0]
        dem = (d[1] * zt + d[0]) * zt + 1.0
        tail = np.copysign(num, y) / dem
        x = np.where(ay <= 0.7, central, tail)
        for _ in range(2):
            x = x - (_erf64(x) - y) / (_TWO_OVER_SQRT_PI * np.exp(-x * x))
        x = np.where(ay == 1.0, np.copysign(np.inf, y), x)
        return np.where(ay > 1.0, np.nan, x)


# Lanczos (Numerical Recipes 3rd ed., g = 671/128): lgamma to about 1e-15
_LANCZOS = (
    57.1562356658629235,
    -59.5979603554754912,
    14.1360979747417471,
    -0.491913816097620199,
    0.339946499848118887e-4,
    0.465236289270485756e-4,
    -0.983744753048795646e-4,
    0.158088703224912494e-3,
    -0.210264441724104883e-3,
    0.217439618115212643e-3,
    -0.164318106536763890e-3,
    0.844182239838527433e-4,
    -0.261908384015814087e-4,
    0.368991826595316234e-5,
)


def _lgamma_pos(x):
    tmp = x + 5.24218750000000000
    tmp = (x + 0.5) * np.log(tmp) - tmp
    ser = np.full_like(x, 0.999999999999997092)
    y = x.copy()
    for c in _LANCZOS:
        y = y + 1.0
        ser = ser + c / y
    return tmp + np.log(2.5066282746310005 * ser / x)


def lgamma64(x):
    """log|Γ(x)|: Lanczos for x > 0, the reflection formula below (``inf`` at the poles)."""
    x = _f64(x)
    with _errstate(ALL):
        pos = x > 0
        xp = np.where(pos, x, 1.0 - x)  # > 0 wherever it is used
        xp = np.where(np.isfinite(xp), xp, 1.0)
        base = _lgamma_pos(xp)
        r = x - np.round(x)  # sin(πx) from the exact distance to the nearest integer
        refl = np.log(_PI / np.abs(np.sin(_PI * r))) - base
        out = np.where(pos, base, refl)
        out = np.where((x == 1.0) | (x == 2.0), 0.0, out)
        out = np.where(~pos & (x == np.floor(x)), np.inf, out)
        out = np.where(np.isinf(x), np.inf, out)
        big = pos & (x > 1e15)  # Stirling (the Lanczos sum is exactly 1 there)
        out = np.where(big, x * (np.log(x) - 1.0) - 0.5 * np.log(x) + 0.9189385332046728, out)
        return np.where(np.isnan(x), np.nan, out)


_PSI_10 = 2.25175258906672110764
_DIGAMMA_A = (
    8.33333333333333333333e-2,
    -2.10927960927960927961e-2,
    7.57575757575757575758e-3,
    -4.16666666666666666667e-3,
    3.96825396825396825397e-3,
    -8.33333333333333333333e-3,
    8.33333333333333333333e-2,
)


def _digamma_ge0(x):
    """ATen's ``calc_digamma`` for x > 0: recurrence up to 10, then the asymptotic series."""
    result = np.zeros_like(x)
    x = x.copy()
    for _ in range(64):
        low = x < 10
        if not low.any():
            break
        result = np.where(low, result - 1.0 / np.where(low, x, 1.0), result)
        x = np.where(low, x + 1.0, x)
    z = 1.0 / (x * x)
    poly = np.full_like(x, _DIGAMMA_A[0])
    for c in _DIGAMMA_A[1:]:
        poly = poly * z + c
    y = np.where(x < 1.0e17, z * poly, 0.0)
    asym = result + np.log(x) - 0.5 / x - y
    return np.where(x == 10, result + _PSI_10, asym)


def digamma64(x):
    x = _f64(x)
    with _errstate(ALL):
        neg = x < 0
        xi = x == np.trunc(x)
        xp = np.where(neg, 1.0 - x, np.where(x == 0, 1.0, x))
        xp = np.where(np.isfinite(xp), xp, 1e300)
        base = _digamma_ge0(xp)
        r = x - np.trunc(x)
        out = np.where(neg, base - _PI / np.tan(_PI * r), base)
        out = np.where(neg & xi, np.nan, out)
        out = np.where(x == 0, np.copysign(np.inf, -x), out)
        out = np.where(x == np.inf, np.inf, out)
        return np.where(np.isnan(x) | (x == -np.inf), np.nan, out)


def trigamma64(x):
    """ATen's ``calc_trigamma`` (its truncated series, so its rounding)."""
    x = _f64(x)
    with _errstate(ALL):
        low = x < 0.5
        s = np.sin(_PI * x)
        result = np.where(low, -(_PI * _PI) / (s * s), 0.0)
        sign = np.where(low, -1.0, 1.0)
        x = np.where(low, 1.0 - x, x)
        for _ in range(6):
            result = result + 1.0 / (x * x)
            x = x + 1.0
        ixx = 1.0 / (x * x)
        result = (
            result
            + (1.0 + 1.0 / (2.0 * x) + ixx * (1.0 / 6 - ixx * (1.0 / 30 - ixx * (1.0 / 42)))) / x
        )
        return sign * result


def _bernoulli(n):
    """Bernoulli numbers B_0..B_n as exact fractions (Akiyama-Tanigawa)."""
    a = [Fraction(0)] * (n + 1)
    out = []
    for m in range(n + 1):
        a[m] = Fraction(1, m + 1)
        for j in range(m, 0, -1):
            a[j - 1] = j * (a[j - 1] - a[j])
        out.append(a[0])
    return out


_B = _bernoulli(24)
#: Cephes zeta's A[i] = (2i+2)! / B_(2i+2)
_ZETA_A = tuple(float(Fraction(math.factorial(2 * i + 2)) / _B[2 * i + 2]) for i in range(12))
_MACHEP = 1.11022302462515654042e-16


def zeta64(s, q):
    """Hurwitz zeta ζ(s, q) as Cephes computes it (ATen's ``zeta``; s a Python number)."""
    q = _f64(q)
    with _errstate(ALL):
        if s == 1:
            return np.full_like(q, np.inf)
        if s < 1:
            return np.full_like(q, np.nan)
        total = np.power(q, -s)
        a = q.copy()
        b = np.zeros_like(q)
        done = np.zeros(q.shape, bool)
        i = 0
        while True:
            active = ~done & ((i < 9) | (a <= 9.0))
            if not active.any():
                break
            i += 1
            a = np.where(active, a + 1.0, a)
            b = np.where(active, np.power(a, -s), b)
            total = np.where(active, total + b, total)
            conv = active & (-_MACHEP * total < b) & (b < _MACHEP * total)
            done |= conv
        w = a
        tail = ~done
        total = np.where(tail, total + b * w / (s - 1.0) - 0.5 * b, total)
        aa = np.ones_like(q)
        k = 0.0
        for c in _ZETA_A:
            aa = aa * (s + k)
            b = b / w
            t = aa * b / c
            total = np.where(tail, total + t, total)
            tail = tail & ~(np.abs(t / total) < _MACHEP)
            k += 1.0
            aa = aa * (s + k)
            b = b / w
            k += 1.0
        bad = q <= 0
        total = np.where(bad & (q == np.floor(q)), np.inf, total)
        if s != math.floor(s):
            total = np.where(bad & (q != np.floor(q)), np.nan, total)
        return total


def polygamma64(n, x):
    if n == 0:
        return digamma64(x)
    if n == 1:
        return trigamma64(x)
    sign = 1.0 if n % 2 else -1.0
    return sign * math.exp(math.lgamma(n + 1.0)) * zeta64(n + 1.0, x)


def i0_64(x):
    """I₀(x) (numpy's ``i0``: Cephes' Chebyshev expansions, as ATen's ``calc_i0``)."""
    return np.i0(_f64(x))


def i1_64(x):
    """I₁(x): the power series Σ (x/2)^(2k+1) / (k!(k+1)!) (positive terms)."""
    x = _f64(x)
    with _errstate(ALL):
        h = np.abs(x) / 2.0
        q = h * h
        term = h.copy()
        total = h.copy()
        k = 0
        while True:
            k += 1
            term = term * q / (k * (k + 1.0))
            total = total + term
            if not (term > 1e-17 * total).any() or k > 2000:
                break
        return np.copysign(total, x)


def ndtri64(p):
    """Φ⁻¹(p): a first guess (√2·erfinv(2p − 1), or Abramowitz-Stegun 26.2.23 in the far
    tails), then Newton steps on log Φ (its tails from erfc: no cancellation); p > ½ by
    symmetry."""
    p = _f64(p)
    with _errstate(ALL):
        upper = p > 0.5
        q = np.where(upper, 1.0 - p, p)  # <= 0.5
        qs = np.where((q > 0) & (q <= 0.5), q, 0.25)
        t = np.sqrt(-2.0 * np.log(qs))
        tail = -(
            t
            - (2.515517 + 0.802853 * t + 0.010328 * t * t)
            / (1.0 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t)
        )
        x = np.where(qs < 1e-3, tail, math.sqrt(2.0) * erfinv64(2.0 * qs - 1.0))
        lq = np.log(qs)
        for _ in range(4):
            lc = log_ndtr64(x)
            x = x - (lc - lq) * _SQRT_2PI * np.exp(0.5 * x * x + lc)
        x = np.where(qs == 0.5, 0.0, x)
        x = np.where(upper, -x, x)
        x = np.where(p == 0, -np.inf, np.where(p == 1, np.inf, x))
        return np.where((p < 0) | (p > 1) | np.isnan(p), np.nan, x)


def log_ndtr64(x):
    """ATen's ``calc_log_ndtr``: log(erfcx(−t)/2) − t² below −1, log1p(−erfc(t)/2) above
    (t = x/√2)."""
    x = _f64(x)
    t = x * _SQRT1_2
    with _errstate(ALL):
        low = x < -1.0
        lo = np.log(erfcx64(np.where(low, -t, 0.0)) / 2.0) - t * t
        hi = np.log1p(-erfc64(np.where(low, 0.0, t)) / 2.0)
        return np.where(low, lo, hi)


def sinc64(x):
    x = _f64(x)
    with _errstate(ALL):
        p = _PI * x
        return np.where(x == 0, 1.0, np.sin(p) / np.where(x == 0, 1.0, p))


def entr64(x):
    x = _f64(x)
    with _errstate(ALL):
        out = -x * np.log(np.where(x > 0, x, 1.0))
        out = np.where(x == 0, 0.0, out)
        out = np.where(x < 0, -np.inf, out)
        return np.where(np.isnan(x), np.nan, out)


def logit64(x, eps):
    x = _f64(x)
    if eps is not None and eps >= 0:
        x = np.clip(x, eps, 1.0 - eps)
    with _errstate(ALL):
        return np.log(x / (1.0 - x))


def xlog1py64(x, y):
    x, y = _f64(x), _f64(y)
    with _errstate(ALL):
        out = x * np.log1p(y)
        return np.where((x == 0) & ~np.isnan(y), 0.0, out)


# ---------------------------------------------------------------------- nodes


def _unary_forward(kernel, save):
    """A forward computing ``kernel`` in float64; ``save``: "input", "result" or "both"
    (input, then result)."""

    def forward(ctx, a):
        out = _like(kernel(a), a)
        if save == "both":
            ctx.save_for_backward(a, out)
        else:
            ctx.save_for_backward(a if save == "input" else out)
        return out

    return staticmethod(forward)


def _deriv(kernel, torch_name, x, g):
    """``g * kernel(x)`` on ndarrays; on Tensors ``g * torch.<torch_name>(x)``."""
    if _is_array(x):
        return g * _like(kernel(x), g)
    return g * _torch(torch_name)(x)


class ErfcBackward0(Function):
    op, symbol = "erfc", "erfc"
    formula = "∂erfc(a)/∂a = −2/√π·exp(−a²)"
    local = (
        Local(
            "-2/√π·exp(-{0}²)",
            lambda x, o, k: -_TWO_OVER_SQRT_PI * np.exp(-(_f64(x[0]) ** 2)),
        ),
    )
    forward = _unary_forward(erfc64, "input")

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        if _is_array(a):
            return (g * _like(-_TWO_OVER_SQRT_PI * np.exp(-(_f64(a) ** 2)), g),)
        return (g * ((-a * a).exp() * -_TWO_OVER_SQRT_PI),)


class ErfinvBackward0(Function):
    op, symbol = "erfinv", "erfinv"
    formula = "∂erfinv(a)/∂a = √π/2·exp(erfinv(a)²)"
    local = (
        Local(
            ("√π/2·exp(erfinv({0})²)", "√π/2·exp(erfinv({0})²)"),
            lambda x, o, k: 0.5 * _SQRT_PI * np.exp(_f64(o) ** 2),
        ),
    )
    forward = _unary_forward(erfinv64, "input")

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        if _is_array(a):
            with _errstate(ALL):
                return (g * _like(0.5 * _SQRT_PI * np.exp(erfinv64(a) ** 2), g),)
        return (g * (_torch("erfinv")(a).pow(2).exp() * (0.5 * _SQRT_PI)),)


class LgammaBackward0(Function):
    op, symbol = "lgamma", "lgamma"
    formula = "∂lgamma(a)/∂a = digamma(a)"
    local = (Local(("digamma({0})", "digamma({0})"), lambda x, o, k: digamma64(x[0])),)
    forward = _unary_forward(lgamma64, "input")

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (_deriv(digamma64, "digamma", a, g),)


class DigammaBackward0(Function):
    op, symbol = "digamma", "digamma"
    formula = "∂digamma(a)/∂a = polygamma(1, a)"
    local = (Local(("polygamma(1, {0})", "polygamma(1, {0})"), lambda x, o, k: trigamma64(x[0])),)
    forward = _unary_forward(digamma64, "input")

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        if _is_array(a):
            return (g * _like(trigamma64(a), g),)
        return (g * _torch("polygamma")(1, a),)


def _polygamma_text(k, x):
    return f"polygamma({k.get('n', 0) + 1}, {{0}})"


class PolygammaBackward0(Function):
    op, symbol = "polygamma", "polygamma"
    formula = "∂polygamma(n, a)/∂a = polygamma(n + 1, a)"
    local = (
        Local(
            _polygamma_text,
            lambda x, o, k: polygamma64(k.get("n", 0) + 1, x[0]),
            zh=_polygamma_text,  # (a function's name: the same in Chinese)
        ),
    )

    @staticmethod
    def forward(ctx, a, n=0):
        ctx.n = n
        ctx.save_for_backward(a)
        return _like(polygamma64(n, a), a)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        if _is_array(a):
            return (g * _like(polygamma64(ctx.n + 1, a), g),)
        return (g * _torch("polygamma")(ctx.n + 1, a),)


def _logit_grad(x, eps):
    x = _f64(x)
    with _errstate(ALL):
        d = 1.0 / (x * (1.0 - x))
        if eps is None or eps < 0:
            return np.where((x < 0) | (x > 1), np.nan, d)
        return np.where((x < eps) | (x > 1.0 - eps), 0.0, d)


class LogitBackward0(Function):
    op, symbol = "logit", "logit"
    formula = "∂logit(a)/∂a = 1/(a·(1−a))"
    local = (
        Local(
            "1/({0}·(1 - {0}))",
            lambda x, o, k: _logit_grad(x[0], k.get("eps")),
        ),
    )

    @staticmethod
    def forward(ctx, a, eps=None):
        ctx.eps = eps
        ctx.save_for_backward(a)
        return _like(logit64(a, eps), a)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        eps = ctx.eps
        if _is_array(a):
            return (g * _like(_logit_grad(a, eps), g),)
        from .. import api as _api

        raw = a._data
        d = g / (a * (1 - a))
        if eps is None or eps < 0:
            bad = (raw < 0) | (raw > 1)
            return (_api.where(bad, np.nan, d),)
        out = (raw < eps) | (raw > 1 - eps)
        return (_api.where(out, 0.0, d),)


class SincBackward0(Function):
    op, symbol = "sinc", "sinc"
    formula = "∂sinc(a)/∂a = (πa·cos(πa) − sin(πa))/(πa²)"
    local = (
        Local(
            "(π{0}·cos(π{0}) - sin(π{0}))/(π{0}²)",
            lambda x, o, k: _sinc_grad(x[0]),
        ),
    )
    forward = _unary_forward(sinc64, "input")

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        if _is_array(a):
            return (g * _like(_sinc_grad(a), g),)
        from .. import api as _api

        p = a * _PI
        sq = a * a * _PI
        out = g * (p * p.cos() - p.sin()) / sq
        return (_api.where(sq._data == 0, 0.0, out),)


def _sinc_grad(x):
    x = _f64(x)
    with _errstate(ALL):
        p = _PI * x
        sq = x * x * _PI
        return np.where(sq == 0, 0.0, (p * np.cos(p) - np.sin(p)) / np.where(sq == 0, 1.0, sq))


class I0Backward0(Function):
    op, symbol = "i0", "i0"
    formula = "∂I₀(a)/∂a = I₁(a)"
    local = (Local("I₁({0})", lambda x, o, k: i1_64(x[0])),)
    forward = _unary_forward(i0_64, "input")

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (_deriv(i1_64, "special_i1", a, g),)


class SpecialI1Backward0(Function):
    op, symbol = "i1", "i1"
    formula = "∂I₁(a)/∂a = I₀(a) − I₁(a)/a"
    local = (Local("I₀({0}) - I₁({0})/{0}", lambda x, o, k: _i1_grad(x[0])),)
    forward = _unary_forward(i1_64, "both")

    @staticmethod
    def backward(ctx, g):
        a, out = ctx.saved_tensors
        if _is_array(a):
            return (g * _like(_i1_grad(a), g),)
        from .. import api as _api

        d = _torch("i0")(a) - out / a
        return (g * _api.where(a._data == 0, 0.5, d),)


def _i1_grad(x):
    x = _f64(x)
    with _errstate(ALL):
        return np.where(x == 0, 0.5, i0_64(x) - i1_64(x) / np.where(x == 0, 1.0, x))


class SpecialEntrBackward0(Function):
    op, symbol = "entr", "entr"
    formula = "∂(−a·ln a)/∂a = −(1 + ln a)"
    local = (Local("-(1 + log({0}))", lambda x, o, k: _entr_grad(x[0])),)
    forward = _unary_forward(entr64, "input")

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        if _is_array(a):
            return (g * _like(_entr_grad(a), g),)
        return (g * -(a.log() + 1),)


def _entr_grad(x):
    with _errstate(ALL):
        return -(1.0 + np.log(_f64(x)))


class SpecialNdtriBackward0(Function):
    op, symbol = "ndtri", "ndtri"
    formula = "∂Φ⁻¹(p)/∂p = √(2π)·exp(Φ⁻¹(p)²/2)"
    local = (
        Local(
            ("√(2π)·exp(ndtri({0})²/2)", "√(2π)·exp(ndtri({0})²/2)"),
            lambda x, o, k: _SQRT_2PI * np.exp(0.5 * _f64(o) ** 2),
        ),
    )
    forward = _unary_forward(ndtri64, "result")

    @staticmethod
    def backward(ctx, g):
        (out,) = ctx.saved_tensors
        if _is_array(out):
            with _errstate(ALL):
                return (g * _like(_SQRT_2PI * np.exp(0.5 * _f64(out) ** 2), g),)
        return (g * ((out * out * 0.5).exp() * _SQRT_2PI),)


class SpecialLogNdtrBackward0(Function):
    op, symbol = "log_ndtr", "log_ndtr"
    formula = "∂log Φ(a)/∂a = exp(−a²/2 − log Φ(a))/√(2π)"
    local = (
        Local(
            ("exp(-{0}²/2 - log_ndtr({0}))/√(2π)", "exp(-{0}²/2 - log_ndtr({0}))/√(2π)"),
            lambda x, o, k: np.exp(-0.5 * _f64(x[0]) ** 2 - _f64(o)) / _SQRT_2PI,
        ),
    )
    forward = _unary_forward(log_ndtr64, "both")

    @staticmethod
    def backward(ctx, g):
        a, out = ctx.saved_tensors
        if _is_array(a):
            with _errstate(ALL):
                d = np.exp(-0.5 * _f64(a) ** 2 - _f64(out)) / _SQRT_2PI
            return (g * _like(d, g),)
        return (g * ((a * a * -0.5 - out).exp() / _SQRT_2PI),)


def _xlog1py_gx(x, y):
    x, y = _f64(x), _f64(y)
    with _errstate(ALL):
        return np.where((x == 0) & (y <= -1), 0.0, np.log1p(y))


class _Xlog1py:
    """What the three xlog1py nodes share (their names, formula and gradients)."""

    op, symbol = "xlog1py", "xlog1py"
    formula = "∂/∂x = log(1 + y) (0 where x = 0 and y ≤ −1); ∂/∂y = x/(1 + y)"

    @staticmethod
    def _grads(ctx, g, x, y, need):
        gx = gy = None
        if _is_array(g):
            with _errstate(ALL):
                if need[0]:
                    gx = g * _like(_xlog1py_gx(x, y), g)
                if need[1]:
                    gy = g * _like(_f64(x) / (_f64(y) + 1.0), g)
            return gx, gy
        from .. import api as _api

        rx, ry = _raw(x), _raw(y)
        if need[0]:
            if _is_array(y):  # a number y: a constant log1p(y)
                from ..tensor import Tensor

                ly = Tensor._make(np.asarray(np.log1p(_f64(ry)), dtype=g._data.dtype))
            else:
                ly = y.log1p()
            with _errstate(ALL):
                zero = (np.asarray(rx) == 0) & (np.asarray(ry) <= -1)
            gx = _api.where(zero, 0.0, g * ly)
        if need[1]:
            gy = g * x / (y + 1)
        return gx, gy


def _raw(v):
    return getattr(v, "_data", v)


class SpecialXlog1PyBackward0(_Xlog1py, Function):
    local = (
        Local(
            (
                "log(1 + {1}) (0 where {0} = 0 and {1} ≤ -1)",
                "log(1 + {1})（{0} = 0 且 {1} ≤ -1 处为 0）",
            ),
            lambda x, o, k: _xlog1py_gx(x[0], x[1]),
        ),
        Local("{0}/(1 + {1})", lambda x, o, k: _f64(x[0]) / (1.0 + _f64(x[1]))),
    )

    @staticmethod
    def forward(ctx, x, y):
        ctx.save_for_backward(x, y)
        return _like(xlog1py64(x, y), x)

    @staticmethod
    def backward(ctx, g):
        x, y = ctx.saved_tensors
        return _Xlog1py._grads(ctx, g, x, y, ctx.needs_input_grad)


class SpecialXlog1PyBackward1(_Xlog1py, Function):
    """``xlog1py(number, tensor)``: one slot, the tensor ``other``."""

    local = (Local(lambda k, x: f"{k.get('self')}/(1 + {{0}})", lambda x, o, k: _xl_y(k, x)),)

    @staticmethod
    def forward(ctx, y, self=0.0):
        ctx.x = self
        ctx.save_for_backward(y)
        return _like(xlog1py64(self, y), y)

    @staticmethod
    def backward(ctx, g):
        (y,) = ctx.saved_tensors
        return (_Xlog1py._grads(ctx, g, ctx.x, y, (False, True))[1],)


def _xl_y(k, x):
    return k.get("self") / (1.0 + _f64(x[0]))


class SpecialXlog1PyBackward2(_Xlog1py, Function):
    """``xlog1py(tensor, number)``: one slot, the tensor ``self``."""

    local = (
        Local(
            lambda k, x: f"log(1 + {k.get('other')})",
            lambda x, o, k: _xlog1py_gx(x[0], k.get("other")),
        ),
    )

    @staticmethod
    def forward(ctx, x, other=0.0):
        ctx.y = other
        ctx.save_for_backward(x)
        return _like(xlog1py64(x, other), x)

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return (_Xlog1py._grads(ctx, g, x, ctx.y, (True, False))[0],)


class PolygammaBackward1(PolygammaBackward0):
    """``t.polygamma_(n)`` (PyTorch names the in-place node apart; same derivative)."""
