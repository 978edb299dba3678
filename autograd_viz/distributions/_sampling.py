"""PyTorch's CPU samplers and reparameterization gradients for the gamma family, Poisson
and binomial, replayed element by element on the engine's copy of PyTorch's stream
(``engine/torch_rng.py``), so seeded draws are PyTorch's numbers:

* ``torch._standard_gamma``: Marsaglia-Tsang as ``sample_gamma`` in ATen's
  native/Distributions.h (double uniforms, the generator's cached double normal; the float
  constants ``1.0f / 3.0f`` and ``0.0331f`` as floats), ``StandardGammaBackward0`` with
  ATen's ``standard_gamma_grad_one``;
* ``torch._sample_dirichlet``: gamma draws in double, normalised (``NotImplemented``
  node); the ``_Dirichlet`` Function of torch.distributions with ``dirichlet_grad_one``;
* ``torch.poisson`` (Hoermann's transformed rejection from rate 10, else multiplication of
  uniforms; ``PoissonBackward0``, gradient zero), ``torch.binomial`` (BTRS / inversion).

The loops are per element (rejection sampling): these are not hot paths.
"""

from __future__ import annotations

import math

import numpy as np

from ..engine.function import Function, Local

_F32 = np.dtype(np.float32)
_F64 = np.dtype(np.float64)
_THIRD_F = float(np.float32(1.0) / np.float32(3.0))
_C0331_F = float(np.float32(0.0331))


def _rng(generator, name):
    from ..engine.random import rng_of

    return rng_of(generator, name)


def _uniform(rng):
    return float(rng.unit(1, _F64)[0])


# ---------------------------------------------------------------------- gamma
def _gamma_one(alpha, rng, f32):
    """``sample_gamma<scalar_t, double>``; ``f32``: scalar_t is float."""
    scale = 1.0
    if alpha < 1.0:
        if alpha == 0.0:
            return 0.0
        if f32:
            inv = float(np.float32(1.0) / np.float32(alpha))
            alpha = float(np.float32(alpha) + np.float32(1.0))
        else:
            inv = 1.0 / alpha
            alpha = alpha + 1.0
        scale *= math.pow(1 - _uniform(rng), inv)
    d = float(np.float32(alpha) - np.float32(_THIRD_F)) if f32 else alpha - _THIRD_F
    c = 1.0 / math.sqrt(9.0 * d)
    while True:
        while True:
            x = rng._normal_scalar()
            y = 1.0 + c * x
            if not y <= 0:
                break
        v = y * y * y
        u = 1 - _uniform(rng)
        xx = x * x
        if u < 1.0 - _C0331_F * xx * xx:
            return scale * d * v
        if math.log(u) < 0.5 * xx + d * (1.0 - v + math.log(v)):
            return scale * d * v


def standard_gamma_array(alpha, rng):
    """Samples of ``Gamma(alpha, 1)`` for an ndarray ``alpha`` (its dtype)."""
    a = np.ascontiguousarray(alpha)
    f32 = a.dtype != _F64
    flat = a.reshape(-1)
    out = np.empty(flat.shape, np.float64)
    for i, al in enumerate(flat.tolist()):
        out[i] = _gamma_one(al, rng, f32)
    out = out.astype(a.dtype)
    tiny = np.finfo(a.dtype).tiny
    return np.maximum(out, tiny).reshape(a.shape)


# ATen's digamma_one / standard_gamma_grad_one (double accumulation)
_PSI_10 = 2.25175258906672110764
_DIG_A = (
    8.33333333333333333333e-2,
    -2.10927960927960927961e-2,
    7.57575757575757575758e-3,
    -4.16666666666666666667e-3,
    3.96825396825396825397e-3,
    -8.33333333333333333333e-3,
    8.33333333333333333333e-2,
)


def _digamma_one(x):
    if x == 0:
        return math.inf
    extra = 0.0
    if x < 0:
        if x == math.floor(x):
            return math.inf
        extra = -math.pi / math.tan(math.pi * x)
        x = 1 - x
    result = 0.0
    while x < 10:
        result -= 1 / x
        x += 1
    if x == 10:
        return result + _PSI_10 + extra
    y = 0.0
    if x < 1.0e17:
        z = 1.0 / (x * x)
        p = 0.0
        for coef in _DIG_A:
            p = p * z + coef
        y = z * p
    return result + math.log(x) - (0.5 / x) - y + extra


_COEF_UV = (
    (0.16009398, -0.094634809, 0.025146376, -0.0030648343, 1, 0.32668115, 0.10406089, 0.0014179084),
    (
        0.53487893,
        0.1298071,
        0.065735949,
        -0.0015649758,
        0.16639465,
        0.020070113,
        -0.0035938915,
        -0.00058392623,
    ),
    (
        0.040121004,
        -0.0065914022,
        -0.0026286047,
        -0.0013441777,
        0.017050642,
        -0.0021309326,
        0.00085092367,
        -1.5247877e-07,
    ),
)


def _gamma_grad_one(alpha, x):
    """``-(d/dalpha cdf(x; alpha)) / pdf(x; alpha)``."""
    if x < 0.8:
        numer = 1.0
        denom = alpha
        s1 = numer / denom
        s2 = numer / (denom * denom)
        for i in range(1, 6):
            numer *= -x / i
            denom += 1
            s1 += numer / denom
            s2 += numer / (denom * denom)
        try:
            pxa = math.pow(x, alpha)
            pdf = math.pow(x, alpha - 1) * math.exp(-x)
            cdf = pxa * s1
            cdf_a = (math.log(x) - _digamma_one(alpha)) * cdf - pxa * s2
            r = -cdf_a / pdf
        except (ValueError, ZeroDivisionError, OverflowError):
            return 0.0
        return 0.0 if math.isnan(r) else r
    if alpha > 8.0:
        if 0.9 * alpha <= x <= 1.1 * alpha:
            n1 = 1 + 24 * alpha * (1 + 12 * alpha)
            n2 = (
                1440 * (alpha * alpha)
                + 6 * x * (53 - 120 * x)
                - 65 * x * x / alpha
                + alpha * (107 + 3600 * x)
            )
            den = 1244160 * (alpha * alpha) * (alpha * alpha)
            return n1 * n2 / den
        den = math.sqrt(8 * alpha)
        t2 = den / (alpha - x)
        t3 = math.pow(x - alpha - alpha * math.log(x / alpha), -1.5)
        t23 = t2 - t3 if x < alpha else t2 + t3
        t1 = math.log(x / alpha) * t23 - math.sqrt(2 / alpha) * (alpha + x) / (
            (alpha - x) * (alpha - x)
        )
        stirling = 1 + 1 / (12 * alpha) * (1 + 1 / (24 * alpha))
        return -stirling * (x * t1) / den
    u = math.log(x / alpha)
    v = math.log(alpha)
    cv = [_COEF_UV[0][i] + u * (_COEF_UV[1][i] + u * _COEF_UV[2][i]) for i in range(8)]
    p = cv[0] + v * (cv[1] + v * (cv[2] + v * cv[3]))
    q = cv[4] + v * (cv[5] + v * (cv[6] + v * cv[7]))
    return math.exp(p / q)


def standard_gamma_grad_array(alpha, x):
    a = np.ascontiguousarray(alpha)
    xs = np.broadcast_to(x, a.shape).reshape(-1).tolist()
    out = [_gamma_grad_one(al, xv) for al, xv in zip(a.reshape(-1).tolist(), xs, strict=True)]
    return np.asarray(out, np.float64).astype(a.dtype).reshape(a.shape)


class StandardGammaBackward0(Function):
    """``torch._standard_gamma(alpha)``: the implicit reparameterization gradient
    ``-(∂F/∂alpha) / f`` at the sample (ATen's ``_standard_gamma_grad``)."""

    op, symbol = "_standard_gamma", "Gamma"
    formula = "∂x/∂alpha = -(∂cdf(x; alpha)/∂alpha) / pdf(x; alpha)"
    local = (
        Local(
            ("-(∂F(x; α)/∂α) / f(x; α)", "-(∂F(x; α)/∂α) / f(x; α)"),
            lambda x, o, k: standard_gamma_grad_array(x[0], o),
        ),
    )

    @staticmethod
    def forward(ctx, alpha, out=None):
        ctx.save_for_backward(alpha, out)
        return out

    @staticmethod
    def backward(ctx, g):
        alpha, out = ctx.saved_tensors
        from ..engine.tensor import Tensor

        if isinstance(alpha, Tensor):
            return (g * Tensor._make(standard_gamma_grad_array(alpha._data, out._data)),)
        return (g * standard_gamma_grad_array(alpha, out),)


def _check_float(t, name):
    from ..engine.random import float_dtype_check

    float_dtype_check(t._data.dtype, name)


def _standard_gamma(input, generator=None):
    """``torch._standard_gamma(alpha)``."""
    _check_float(input, "gamma_cpu")
    arr = standard_gamma_array(input._data, _rng(generator, "_standard_gamma"))
    return StandardGammaBackward0.apply(input, out=arr)


def _standard_gamma_grad(self, output):
    from ..engine.tensor import Tensor

    return Tensor._make(standard_gamma_grad_array(self._data, output._data))


# ---------------------------------------------------------------------- dirichlet
def _sample_dirichlet(input, generator=None):
    """``torch._sample_dirichlet(alpha)``: gamma draws in double, normalised."""
    from ..engine.ops.arithmetic import NotImplementedFn
    from ..engine.tensor import Tensor

    _check_float(input, "dirichlet")
    a = input._data
    rng = _rng(generator, "_sample_dirichlet")
    flat = np.ascontiguousarray(a, np.float64).reshape(-1)
    g = np.array([max(_gamma_one(v, rng, False), 2.2250738585072014e-308) for v in flat.tolist()])
    g = g.reshape(a.shape)
    r = (g / g.sum(-1, keepdims=True)).astype(a.dtype)
    hi = np.nextafter(a.dtype.type(1), a.dtype.type(0))
    r = np.minimum(hi, np.maximum(np.finfo(a.dtype).tiny, r))
    if input.requires_grad:
        from ..engine import grad_mode

        if grad_mode.is_grad_enabled():
            return NotImplementedFn.apply(input, result=r, name="_sample_dirichlet")
    return Tensor._make(r)


def _beta_grad_alpha_small(x, alpha, beta):
    factor = _digamma_one(alpha) - _digamma_one(alpha + beta) - math.log(x)
    numer = 1.0
    series = numer / alpha * (factor + 1 / alpha)
    for i in range(1, 11):
        numer *= (i - beta) * x / i
        denom = alpha + i
        series += numer / denom * (factor + 1 / denom)
    r = x * math.pow(1 - x, -beta) * series
    return 0.0 if math.isnan(r) else r


def _beta_grad_beta_small(x, alpha, beta):
    factor = _digamma_one(alpha + beta) - _digamma_one(beta)
    numer, betas, dbetas, series = 1.0, 1.0, 0.0, factor / alpha
    for i in range(1, 9):
        numer *= -x / i
        dbetas = dbetas * (beta - i) + betas
        betas = betas * (beta - i)
        series += numer / (alpha + i) * (dbetas + factor * betas)
    r = -math.pow(1 - x, 1 - beta) * series
    return 0.0 if math.isnan(r) else r


def _beta_grad_alpha_mid(x, alpha, beta):
    total = alpha + beta
    mean = alpha / total
    std = math.sqrt(alpha * beta / (total + 1)) / total
    if mean - 0.1 * std <= x <= mean + 0.1 * std:
        poly = 47 * x * (beta * beta) * (beta * beta) + alpha * (
            (43 + 20 * (16 + 27 * beta) * x) * (beta * beta) * beta
            + alpha
            * (
                3 * (59 + 180 * beta - 90 * x) * (beta * beta)
                + alpha
                * (
                    (453 + 1620 * beta * (1 - x) - 455 * x) * beta
                    + alpha * (8 * (1 - x) * (135 * beta - 11))
                )
            )
        )
        pn = (1 + 12 * alpha) * (1 + 12 * beta) / (total * total)
        pd = 12960 * alpha * alpha * alpha * beta * beta * (1 + 12 * total)
        return pn / (1 - x) * poly / pd
    prefactor = -x / math.sqrt(2 * alpha * beta / total)
    stirling = (
        (1 + 1 / (12 * alpha) + 1 / (288 * alpha * alpha))
        * (1 + 1 / (12 * beta) + 1 / (288 * beta * beta))
        / (1 + 1 / (12 * total) + 1 / (288 * total * total))
    )
    t1n = 2 * (alpha * alpha) * (x - 1) + alpha * beta * (x - 1) - x * (beta * beta)
    axbx = alpha * (x - 1) + beta * x
    t1d = math.sqrt(2 * alpha / beta) * math.pow(total, 1.5) * axbx * axbx
    t1 = t1n / t1d
    t2 = 0.5 * math.log(alpha / (total * x))
    t3 = math.sqrt(8 * alpha * beta / total) / (beta * x + alpha * (x - 1))
    t4b = beta * math.log(beta / (total * (1 - x))) + alpha * math.log(alpha / (total * x))
    t4 = math.pow(t4b, -1.5)
    return stirling * prefactor * (t1 + t2 * (t3 + (t4 if x < mean else -t4)))


_DIR_C = (
    (
        (
            (1.003668233, -0.01061107488, -0.0657888334, 0.01201642863),
            (0.6336835991, -0.3557432599, 0.05486251648, -0.001465281033),
            (-0.03276231906, 0.004474107445, 0.002429354597, -0.0001557569013),
        ),
        (
            (0.221950385, -0.3187676331, 0.01799915743, 0.01074823814),
            (-0.2951249643, 0.06219954479, 0.01535556598, 0.001550077057),
            (0.02155310298, 0.004170831599, 0.001292462449, 6.976601077e-05),
        ),
        (
            (-0.05980841433, 0.008441916499, 0.01085618172, 0.002319392565),
            (0.02911413504, 0.01400243777, -0.002721828457, 0.000751041181),
            (0.005900514878, -0.001936558688, -9.495446725e-06, 5.385558597e-05),
        ),
    ),
    (
        (
            (1, -0.02924021934, -0.04438342661, 0.007285809825),
            (0.6357567472, -0.3473456711, 0.05454656494, -0.002407477521),
            (-0.03301322327, 0.004845219414, 0.00231480583, -0.0002307248149),
        ),
        (
            (0.5925320577, -0.1757678135, 0.01505928619, 0.000564515273),
            (0.1014815858, -0.06589186703, 0.01272886114, -0.0007316646956),
            (-0.007258481865, 0.001096195486, 0.0003934994223, -4.12701925e-05),
        ),
        (
            (0.06469649321, -0.0236701437, 0.002902096474, -5.896963079e-05),
            (0.001925008108, -0.002869809258, 0.0008000589141, -6.063713228e-05),
            (-0.0003477407336, 6.959756487e-05, 1.097287507e-05, -1.650964693e-06),
        ),
    ),
)


def _dirichlet_grad_one(x, alpha, total, digamma=None):
    beta = total - alpha
    boundary = total * x * (1 - x)
    if x <= 0.5 and boundary < 2.5:
        return _beta_grad_alpha_small(x, alpha, beta)
    if x >= 0.5 and boundary < 0.75:
        return -_beta_grad_beta_small(1 - x, beta, alpha)
    if alpha > 6 and beta > 6:
        return _beta_grad_alpha_mid(x, alpha, beta)
    u = math.log(x)
    a = math.log(alpha) - u
    b = math.log(total) - a
    pu = (1.0, u, u * u)
    pa = (1.0, a, a * a)
    p = q = 0.0
    for i in range(3):
        for j in range(3):
            ua = pu[i] * pa[j]
            c0 = _DIR_C[0][i][j]
            c1 = _DIR_C[1][i][j]
            p += ua * (c0[0] + b * (c0[1] + b * (c0[2] + b * c0[3])))
            q += ua * (c1[0] + b * (c1[1] + b * (c1[2] + b * c1[3])))
    dg = digamma or _digamma_one
    approx = x * (float(dg(total)) - float(dg(alpha))) / beta
    return p / q * approx


# ---- the float32 kernel: ATen computes these branches in scalar_t (float) arithmetic
_f = np.float32


def _digamma_one_f(x):
    """``digamma_one<float, double>``: x stays a float, the sum a double."""
    x = _f(x)
    if x == 0:
        return _f(np.inf)
    extra = 0.0
    if x < 0:
        if x == np.floor(x):
            return _f(np.inf)
        pi_f = _f(math.pi)
        extra = float(-pi_f / np.tan(pi_f * x))
        x = _f(1) - x
    result = 0.0
    while x < 10:
        result -= float(_f(1) / x)
        x = x + _f(1)
    if x == 10:
        return _f(result + _PSI_10 + extra)
    y = 0.0
    if x < 1.0e17:
        z = 1.0 / (float(x) * float(x))
        p = 0.0
        for coef in _DIG_A:
            p = p * z + coef
        y = z * p
    return _f(result + float(np.log(x)) - float(_f(0.5) / x) - y + extra)


def _beta_grad_alpha_small_f(x, alpha, beta):
    x, alpha, beta = _f(x), _f(alpha), _f(beta)
    factor = _digamma_one_f(alpha) - _digamma_one_f(alpha + beta) - np.log(x)
    numer = _f(1)
    series = numer / alpha * (factor + _f(1) / alpha)
    for i in range(1, 11):
        ci = _f(i)
        numer = numer * ((ci - beta) * x / ci)
        denom = alpha + ci
        series = series + numer / denom * (factor + _f(1) / denom)
    with np.errstate(all="ignore"):
        r = x * np.power(_f(1) - x, -beta) * series
    return 0.0 if np.isnan(r) else float(r)


def _beta_grad_beta_small_f(x, alpha, beta):
    x, alpha, beta = _f(x), _f(alpha), _f(beta)
    factor = _digamma_one_f(alpha + beta) - _digamma_one_f(beta)
    numer, betas, dbetas, series = _f(1), _f(1), _f(0), factor / alpha
    for i in range(1, 9):
        ci = _f(i)
        numer = numer * (-x / ci)
        dbetas = dbetas * (beta - ci) + betas
        betas = betas * (beta - ci)
        series = series + numer / (alpha + ci) * (dbetas + factor * betas)
    with np.errstate(all="ignore"):
        r = -np.power(_f(1) - x, _f(1) - beta) * series
    return 0.0 if np.isnan(r) else float(r)


def _dirichlet_grad_one_f(x, alpha, total):
    xf, af, tf = _f(x), _f(alpha), _f(total)
    beta = tf - af
    boundary = tf * xf * (_f(1) - xf)
    if xf <= 0.5 and boundary < 2.5:
        return _beta_grad_alpha_small_f(xf, af, beta)
    if xf >= 0.5 and boundary < 0.75:
        return -_beta_grad_beta_small_f(_f(1) - xf, beta, af)
    if af > 6 and beta > 6:
        return _beta_grad_alpha_mid(float(xf), float(af), float(tf) - float(af))
    return _dirichlet_grad_one(float(xf), float(af), float(tf), _digamma_one_f)


def dirichlet_grad_array(x, alpha, total):
    """``torch._dirichlet_grad(x, alpha, total)`` on ndarrays (broadcast)."""
    x, alpha, total = np.broadcast_arrays(x, alpha, total)
    one = _dirichlet_grad_one if x.dtype == _F64 else _dirichlet_grad_one_f
    out = [
        one(a, b, c)
        for a, b, c in zip(
            x.reshape(-1).tolist(),
            alpha.reshape(-1).tolist(),
            total.reshape(-1).tolist(),
            strict=True,
        )
    ]
    return np.asarray(out, np.float64).astype(x.dtype).reshape(x.shape)


# ---------------------------------------------------------------------- poisson
def _poisson_one(lam, rng):
    if lam >= 10:
        slam = math.sqrt(lam)
        loglam = math.log(lam)
        b = 0.931 + 2.53 * slam
        a = -0.059 + 0.02483 * b
        invalpha = 1.1239 + 1.1328 / (b - 3.4)
        vr = 0.9277 - 3.6224 / (b - 2)
        while True:
            U = _uniform(rng) - 0.5
            V = _uniform(rng)
            us = 0.5 - abs(U)
            k = math.floor((2 * a / us + b) * U + lam + 0.43)
            if us >= 0.07 and vr >= V:
                return k
            if k < 0 or (us < 0.013 and us < V):
                continue
            if (math.log(V) + math.log(invalpha) - math.log(a / (us * us) + b)) <= (
                -lam + k * loglam - math.lgamma(k + 1.0)
            ):
                return k
    if lam == 0:
        return 0
    enlam = math.exp(-lam)
    X = 0
    prod = 1.0
    while True:
        prod *= _uniform(rng)
        if prod > enlam:
            X += 1
        else:
            return X


class PoissonBackward0(Function):
    op, symbol = "poisson", "Poisson"
    formula = "∂sample/∂rate = 0 (sampling is not differentiable)"
    local = (Local(("0 (sampling is not differentiable)", "0（采样不可微）"), lambda x, o, k: 0.0),)

    @staticmethod
    def forward(ctx, rates, out=None):
        return out

    @staticmethod
    def backward(ctx, g):
        return (g * 0,)


def poisson(input, generator=None):
    """``torch.poisson(rates)``: one Poisson draw per element (PyTorch's numbers)."""
    from ..engine.tensor import Tensor

    if not isinstance(input, Tensor):
        raise TypeError(
            f"poisson(): argument 'input' (position 1) must be Tensor, not {type(input).__name__}"
        )
    _check_float(input, "poisson_cpu")
    a = input._data
    flat = np.ascontiguousarray(a, np.float64).reshape(-1).tolist()
    if any(not v >= 0 for v in flat):
        raise RuntimeError("invalid Poisson rate, expected rate to be non-negative")
    rng = _rng(generator, "poisson")
    out = np.array([_poisson_one(v, rng) for v in flat], np.float64).astype(a.dtype)
    return PoissonBackward0.apply(input, out=out.reshape(a.shape))


# ---------------------------------------------------------------------- binomial
_TAIL = (
    0.0810614667953272,
    0.0413406959554092,
    0.0276779256849983,
    0.02079067210376509,
    0.0166446911898211,
    0.0138761288230707,
    0.0118967099458917,
    0.0104112652619720,
    0.00925546218271273,
    0.00833056343336287,
)


def _stirling_tail(k):
    if k < 10:
        return _TAIL[int(k)]
    kp1sq = (k + 1) * (k + 1)
    return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1)


def _binomial_inversion(count, prob, rng, f32):
    geom_sum = 0.0
    num_geom = 0.0
    logprob = float(np.log1p(-np.float32(prob))) if f32 else math.log1p(-prob)
    while True:
        U = _uniform(rng)
        geom = math.ceil(math.log(U) / logprob)
        geom_sum += geom
        if geom_sum > count:
            break
        num_geom += 1
    return num_geom


def _btrs(count, prob, rng, f32):
    stddev = math.sqrt(count * prob * (1 - prob))
    b = 1.15 + 2.53 * stddev
    a = -0.0873 + 0.0248 * b + 0.01 * prob
    c = count * prob + 0.5
    v_r = 0.92 - 4.2 / b
    r = prob / (1 - prob)
    alpha = (2.83 + 5.1 / b) * stddev
    m = math.floor((count + 1) * prob)
    while True:
        U = _uniform(rng) - 0.5
        V = _uniform(rng)
        us = 0.5 - abs(U)
        k = float(math.floor((2 * a / us + b) * U + c))
        if k < 0 or k > count:
            continue
        if us >= 0.07 and v_r >= V:
            return k
        V = math.log(V * alpha / (a / (us * us) + b))
        upper = (
            (m + 0.5) * math.log((m + 1) / (r * (count - m + 1)))
            + (count + 1) * math.log((count - m + 1) / (count - k + 1))
            + (k + 0.5) * math.log(r * (count - k + 1) / (k + 1))
            + _stirling_tail(m)
            + _stirling_tail(count - m)
            - _stirling_tail(k)
            - _stirling_tail(count - k)
        )
        if upper >= V:
            return k


def _binomial_one(count, prob, rng, f32):
    if count <= 0.0 or prob <= 0.0:
        return 0.0
    if prob >= 1.0:
        return count
    if prob <= 0.5:
        if count * prob >= 10.0:
            return _btrs(count, prob, rng, f32)
        return _binomial_inversion(count, prob, rng, f32)
    if prob > 0.5:
        q = float(np.float32(1.0) - np.float32(prob)) if f32 else 1.0 - prob
        if count * q >= 10.0:
            return count - _btrs(count, q, rng, f32)
        return count - _binomial_inversion(count, q, rng, f32)
    return math.nan


def binomial(count, prob, generator=None):
    """``torch.binomial(count, prob)``: one draw per element (PyTorch's numbers)."""
    from ..engine.ops.arithmetic import NotImplementedFn
    from ..engine.tensor import Tensor

    for name, v, pos in (("count", count, 1), ("prob", prob, 2)):
        if not isinstance(v, Tensor):
            raise TypeError(
                f"binomial(): argument '{name}' (position {pos}) must be Tensor, not "
                f"{type(v).__name__}"
            )
    _check_float(count, "binomial_cpu")
    c, p = np.broadcast_arrays(count._data, prob._data)
    f32 = c.dtype != _F64
    rng = _rng(generator, "binomial")
    out = np.array(
        [
            _binomial_one(a, b, rng, f32)
            for a, b in zip(c.reshape(-1).tolist(), p.reshape(-1).tolist(), strict=True)
        ],
        np.float64,
    )
    out = out.astype(count._data.dtype).reshape(c.shape)
    from ..engine import grad_mode

    if grad_mode.is_grad_enabled():
        for t in (count, prob):
            if t.requires_grad:
                return NotImplementedFn.apply(t, result=out, name="binomial")
    return Tensor._make(out)


def _dirichlet_grad(x, alpha, total):
    """``torch._dirichlet_grad(x, alpha, total)``."""
    from ..engine.tensor import Tensor

    return Tensor._make(dirichlet_grad_array(x._data, alpha._data, total._data))
