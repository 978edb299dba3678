"""``torch.special.gammainc`` / ``gammaincc`` (``torch.igamma`` / ``igammac``): the
regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 - P(a, x), in float64
(ATen's ``calc_igamma`` / ``calc_igammac`` step by step: SciPy's power series,
continued fraction and, for large ``a`` near ``x``, the uniform asymptotic expansion),
rounded once to the inputs' dtype. ``IgammaBackward0`` /
``IgammacBackward0``: ∂P/∂x = exp((a - 1)·log x - x - lgamma(a)) (∂Q/∂x its negative);
the derivative in ``a`` is not implemented (PyTorch's error)."""

from __future__ import annotations

import math

import numpy as np

from . import igamma_tables as _T
from .function import Function, Local
from .functional_array import _is_array

__all__ = ["gammainc", "gammaincc"]

_F64 = np.dtype(np.float64)
_LGAMMA = np.frompyfunc(math.lgamma, 1, 1)
_PI_F = float(np.float32(math.pi))


def _lgamma(a):
    return np.asarray(_LGAMMA(a), dtype=np.float64)


_MACHEP = 1.11022302462515654042e-16
_MAXLOG = 7.09782712893383996843e2
_BIG = 4.503599627370496e15
_BIGINV = 2.22044604925031308085e-16
_LANCZOS_G = 6.024680040776729583740234375


def _ratevl(x, num, den):
    """``ratevl``: the ratio of two polynomials (in 1/x beyond |x| > 1)."""
    if abs(x) > 1:
        y = 1 / x
        n = 0.0
        for c in reversed(num):
            n = n * y + c
        d = 0.0
        for c in reversed(den):
            d = d * y + c
        return x ** (len(den) - len(num)) * n / d
    n = 0.0
    for c in num:
        n = n * x + c
    d = 0.0
    for c in den:
        d = d * x + c
    return n / d


def _fac(a, x):
    """``x^a·exp(-x) / Γ(a)`` as ATen's ``_igam_helper_fac``."""
    if abs(a - x) > 0.4 * abs(a):
        ax = a * math.log(x) - x - math.lgamma(a)
        if ax < -_MAXLOG:
            return 0.0
        return math.exp(ax)
    fac = a + _LANCZOS_G - 0.5
    res = math.sqrt(fac / math.e) / _ratevl(a, _T.LANCZOS_NUM, _T.LANCZOS_DEN)
    if a < 200 and x < 200:
        res *= math.exp(a - x) * math.pow(x / fac, a)
    else:
        num = x - a - _LANCZOS_G + 0.5
        numfac = num / fac
        res *= math.exp(a * (math.log1p(numfac) - numfac) + x * (0.5 - _LANCZOS_G) / fac)
    return res


def _igam_series(a, x):
    ax = _fac(a, x)
    if ax == 0.0:
        return 0.0
    r, c, ans = a, 1.0, 1.0
    for _ in range(2000):
        r += 1.0
        c *= x / r
        ans += c
        if c <= _MACHEP * ans:
            break
    return ans * ax / a


def _igamc_series(a, x):
    fac, total = 1.0, 0.0
    for n in range(1, 2000):
        fac *= -x / n
        term = fac / (a + n)
        total += term
        if abs(term) <= _MACHEP * abs(total):
            break
    logx = math.log(x)
    term = -math.expm1(a * logx - math.lgamma(1 + a))
    return term - math.exp(a * logx - math.lgamma(a)) * total


def _asymptotic(a, x, igam):
    lam = x / a
    sigma = (x - a) / a
    sgn = -1 if igam else 1
    if lam > 1:
        eta = math.sqrt(-2 * (math.log1p(sigma) - sigma))
    elif lam < 1:
        eta = -math.sqrt(-2 * (math.log1p(sigma) - sigma))
    else:
        eta = 0.0
    res = 0.5 * math.erfc(sgn * eta * math.sqrt(a / 2))
    etapow = [1.0] + [0.0] * 24
    maxpow = 0
    total, afac, absold = 0.0, 1.0, math.inf
    for k in range(25):
        row = _T.IGAM_D[k]
        ck = row[0]
        for n in range(1, 25):
            if n > maxpow:
                etapow[n] = eta * etapow[n - 1]
                maxpow += 1
            ckterm = row[n] * etapow[n]
            ck += ckterm
            if abs(ckterm) < _MACHEP * abs(ck):
                break
        term = ck * afac
        absterm = abs(term)
        if absterm > absold:
            break
        total += term
        if absterm < _MACHEP * abs(total):
            break
        absold = absterm
        afac /= a
    # (c10::pi<float>: the float pi, as ATen writes it)
    return res + sgn * math.exp(-0.5 * a * eta * eta) * total / math.sqrt(2 * _PI_F * a)


def _igamc_cf(a, x):
    ax = _fac(a, x)
    if ax == 0.0:
        return 0.0
    y = 1.0 - a
    z = x + y + 1.0
    c = 0.0
    pkm2, qkm2 = 1.0, x
    pkm1, qkm1 = x + 1.0, z * x
    ans = pkm1 / qkm1
    for _ in range(2000):
        c += 1.0
        y += 1.0
        z += 2.0
        yc = y * c
        pk = pkm1 * z - pkm2 * yc
        qk = qkm1 * z - qkm2 * yc
        if qk != 0:
            r = pk / qk
            t = abs((ans - r) / r)
            ans = r
        else:
            t = 1.0
        pkm2, pkm1, qkm2, qkm1 = pkm1, pk, qkm1, qk
        if abs(pk) > _BIG:
            pkm2 *= _BIGINV
            pkm1 *= _BIGINV
            qkm2 *= _BIGINV
            qkm1 *= _BIGINV
        if t <= _MACHEP:
            break
    return ans * ax


def _edge(a, x, upper):
    """The boundary values (SciPy's), or None."""
    if math.isnan(a) or math.isnan(x) or x < 0 or a < 0:
        return math.nan
    if a == 0:
        return (0.0 if upper else 1.0) if x > 0 else math.nan
    if x == 0:
        return 1.0 if upper else 0.0
    if math.isinf(a):
        return math.nan if math.isinf(x) else (1.0 if upper else 0.0)
    if math.isinf(x):
        return 0.0 if upper else 1.0
    return None


def _asymptotic_regime(a, x):
    r = abs(x - a) / a
    return (20.0 < a < 200.0 and r < 0.3) or (a > 200.0 and r < 4.5 / math.sqrt(a))


def calc_igammac(a, x):
    e = _edge(a, x, True)
    if e is not None:
        return e
    if _asymptotic_regime(a, x):
        return _asymptotic(a, x, False)
    if x > 1.1:
        return 1.0 - _igam_series(a, x) if x < a else _igamc_cf(a, x)
    if x <= 0.5:
        return 1.0 - _igam_series(a, x) if -0.4 / math.log(x) < a else _igamc_series(a, x)
    return 1.0 - _igam_series(a, x) if x * 1.1 < a else _igamc_series(a, x)


def calc_igamma(a, x):
    e = _edge(a, x, False)
    if e is not None:
        return e
    if _asymptotic_regime(a, x):
        return _asymptotic(a, x, True)
    if x > 1.0 and x > a:
        return 1.0 - calc_igammac(a, x)
    return _igam_series(a, x)


def _igamma64(a, x, upper):
    a, x = np.broadcast_arrays(np.asarray(a, _F64), np.asarray(x, _F64))
    fn = calc_igammac if upper else calc_igamma
    out = [fn(p, q) for p, q in zip(a.reshape(-1).tolist(), x.reshape(-1).tolist(), strict=True)]
    return np.asarray(out, _F64).reshape(a.shape)


def _dx(a, x):
    with np.errstate(all="ignore"):
        return np.exp((a - 1) * np.log(x) - x - _lgamma(np.asarray(a, _F64)))


class _Igamma(Function):
    upper = False

    @staticmethod
    def forward(ctx, a, x):
        ctx.save_for_backward(a, x)
        dt = np.result_type(a, x)
        return np.asarray(_igamma64(a, x, ctx.upper)).astype(dt)

    @staticmethod
    def backward(ctx, g):
        a, x = ctx.saved_tensors
        need = ctx.needs_input_grad
        if need[0]:
            raise NotImplementedError(f"the derivative for '{ctx.op}: input' is not implemented.")
        sign = -1.0 if ctx.upper else 1.0
        if _is_array(g):
            d = _dx(np.asarray(a, _F64), np.asarray(x, _F64)).astype(g.dtype)
            return None, g * (sign * d)
        from . import api_math2

        d = ((a - 1) * x.log() - x - api_math2.lgamma(a)).exp()
        return None, g * d * sign


class IgammaBackward0(_Igamma):
    op, symbol = "igamma", "P"
    formula = "∂P(a, x)/∂x = x^(a-1)·e^(-x) / Γ(a)"
    local = (
        Local(("not implemented", "未实现"), lambda ins, out, kw: np.nan),
        Local(
            ("{1}^({0}-1)·exp(-{1}) / Γ({0})", "{1}^({0}-1)·exp(-{1}) / Γ({0})"),
            lambda ins, out, kw: _dx(np.asarray(ins[0], _F64), np.asarray(ins[1], _F64)),
        ),
    )
    upper = False


class IgammacBackward0(_Igamma):
    op, symbol = "igammac", "Q"
    formula = "∂Q(a, x)/∂x = -x^(a-1)·e^(-x) / Γ(a)"
    local = (
        Local(("not implemented", "未实现"), lambda ins, out, kw: np.nan),
        Local(
            ("-{1}^({0}-1)·exp(-{1}) / Γ({0})", "-{1}^({0}-1)·exp(-{1}) / Γ({0})"),
            lambda ins, out, kw: -_dx(np.asarray(ins[0], _F64), np.asarray(ins[1], _F64)),
        ),
    )
    upper = True


def _operands(name, input, other):
    from . import api as _api
    from .tensor import Tensor

    for v, arg, pos in ((input, "input", 1), (other, "other", 2)):
        if not isinstance(v, Tensor):
            raise TypeError(
                f"{name}(): argument '{arg}' (position {pos}) must be Tensor, not "
                f"{type(v).__name__}"
            )
    dt = np.result_type(input._data.dtype, other._data.dtype)
    if dt.kind != "f":
        from .api import _scalar_type_name

        raise NotImplementedError(f"\"igamma_cpu\" not implemented for '{_scalar_type_name(dt)}'")
    return (
        input if input._data.dtype == dt else _api._cast(input, dt),
        other if other._data.dtype == dt else _api._cast(other, dt),
    )


def gammainc(input, other, *, out=None):
    """``torch.special.gammainc(a, x)`` = ``torch.igamma``: P(a, x)."""
    a, x = _operands("special_gammainc", input, other)
    return IgammaBackward0.apply(a, x)


def gammaincc(input, other, *, out=None):
    """``torch.special.gammaincc(a, x)`` = ``torch.igammac``: Q(a, x)."""
    a, x = _operands("special_gammaincc", input, other)
    return IgammacBackward0.apply(a, x)
