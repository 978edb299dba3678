"""torch.special and the special functions (engine/ops/special.py): first and second
derivatives against finite differences (``gradcheck`` / ``gradgradcheck``, float64), and
the float64 kernels against Python's ``math`` (glibc) where it has the function."""

import math

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.autograd import gradcheck, gradgradcheck
from autograd_viz.engine.ops import special as SP

S = torch.special


def _t(vals):
    return torch.tensor(vals, dtype=torch.float64, requires_grad=True)


POS = [0.3, 0.7, 1.5, 2.5, 11.0]
MIXED = [-1.5, -0.3, 0.4, 1.2, 3.5]
PROB = [0.2, 0.45, 0.6, 0.9]

CASES = {
    "erfc": (torch.erfc, MIXED),
    "erfinv": (torch.erfinv, PROB),
    "lgamma": (torch.lgamma, [*POS, -0.5, -1.5]),
    "digamma": (torch.digamma, [*POS, -0.5, -1.5]),
    "polygamma1": (lambda t: torch.polygamma(1, t), [*POS, -0.5]),
    "polygamma3": (lambda t: torch.polygamma(3, t), POS),
    "logit": (torch.logit, PROB),
    "logit_eps": (lambda t: torch.logit(t, 0.25), [0.3, 0.5, 0.6]),
    "sinc": (torch.sinc, MIXED),
    "i0": (torch.i0, MIXED),
    "i1": (S.i1, MIXED),
    "entr": (S.entr, PROB),
    "ndtr": (S.ndtr, MIXED),
    "ndtri": (S.ndtri, PROB),
    "log_ndtr": (S.log_ndtr, [*MIXED, -6.0]),
    "xlog1py": (lambda a: S.xlog1py(a, a * 2), PROB),
    "xlog1py_number_other": (lambda a: S.xlog1py(a, 0.5), PROB),
    "xlog1py_number_self": (lambda a: S.xlog1py(2.0, a), PROB),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_gradcheck_and_gradgradcheck(name):
    f, vals = CASES[name]
    x = _t(vals)
    assert gradcheck(f, (x,))
    assert gradgradcheck(f, (x,))


def test_kernels_against_math():
    rng = np.random.default_rng(1)
    xs = np.concatenate([rng.uniform(-6, 6, 400), [0.0, 1.0, 2.0, 3.0, 3.5, 10.0, 25.0]])
    assert np.allclose(SP.erfc64(xs), [math.erfc(v) for v in xs], rtol=1e-12, atol=0)
    pos = np.concatenate([rng.uniform(1e-3, 50, 400), [0.5, 1.0, 2.0, 3.0, 1e5]])
    assert np.allclose(SP.lgamma64(pos), [math.lgamma(v) for v in pos], rtol=1e-12, atol=1e-14)
    neg = -rng.uniform(0.01, 20, 200)
    neg = neg[np.abs(neg - np.round(neg)) > 1e-3]
    assert np.allclose(SP.lgamma64(neg), [math.lgamma(v) for v in neg], rtol=1e-10, atol=1e-12)
    # erfinv and ndtri invert erf and the normal CDF
    y = rng.uniform(-0.999, 0.999, 300)
    assert np.allclose([math.erf(v) for v in SP.erfinv64(y)], y, rtol=1e-14, atol=1e-15)
    p = np.concatenate([rng.uniform(1e-6, 1 - 1e-6, 300), [1e-20, 1e-100]])
    cdf = [0.5 * math.erfc(-v / math.sqrt(2)) for v in SP.ndtri64(p)]
    assert np.allclose(cdf, p, rtol=1e-12, atol=0)


def test_digamma_polygamma_identities():
    x = np.array([0.3, 1.0, 2.5, 7.0, 30.0, -0.5, -2.25])
    euler = 0.5772156649015329
    assert SP.digamma64(np.array([1.0]))[0] == pytest.approx(-euler, rel=1e-15)
    # recurrences psi(x + 1) = psi(x) + 1/x, psi_n(x + 1) = psi_n(x) + (-1)^n n! / x^(n+1)
    assert np.allclose(SP.digamma64(x + 1), SP.digamma64(x) + 1 / x, rtol=1e-12)
    for n in (2, 3, 4):
        lhs = SP.polygamma64(n, x + 1)
        rhs = SP.polygamma64(n, x) + (-1) ** n * math.factorial(n) / x ** (n + 1)
        assert np.allclose(lhs, rhs, rtol=1e-10)
    # trigamma(1) = pi^2/6 (ATen's series: about 1e-9)
    assert SP.trigamma64(np.array([1.0]))[0] == pytest.approx(math.pi**2 / 6, rel=1e-8)
    # the zeta terms: zeta(2, 1) = pi^2 / 6
    assert SP.zeta64(2.0, np.array([1.0]))[0] == pytest.approx(math.pi**2 / 6, rel=1e-14)


def test_poles_and_domains():
    assert np.isinf(SP.lgamma64(np.array([0.0, -1.0, -3.0]))).all()
    d = SP.digamma64(np.array([0.0, -0.0, -2.0]))
    assert d[0] == -np.inf and d[1] == np.inf and np.isnan(d[2])
    e = SP.erfinv64(np.array([-1.0, 1.0, 1.5]))
    assert e[0] == -np.inf and e[1] == np.inf and np.isnan(e[2])
    assert list(SP.entr64(np.array([0.0, -1.0]))) == [0.0, -np.inf]


def test_special_namespace_and_methods():
    x = torch.tensor([0.2, 0.7])
    assert S.expit(x).grad_fn is None and torch.allclose(S.expit(x), torch.sigmoid(x))
    y = x.clone().requires_grad_()
    assert type(S.gammaln(y).grad_fn).__name__ == "LgammaBackward0"
    assert type(S.psi(y).grad_fn).__name__ == "DigammaBackward0"
    assert type(S.round(y).grad_fn).__name__ == "RoundBackward1"
    z = x.clone()
    assert z.erfinv_() is z and torch.allclose(z, torch.erfinv(x))
    with pytest.raises(RuntimeError, match="can't be cast to the desired output type Long"):
        torch.tensor([1, 2]).lgamma_()
    with pytest.raises(TypeError, match="special_softmax\\(\\) missing 1 required"):
        S.softmax(x)
