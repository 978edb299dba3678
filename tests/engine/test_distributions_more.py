"""The distributions ported from PyTorch (gamma family, Poisson, binomial, Laplace,
geometric, one-hot categorical, relaxed, transformed...): log_prob / entropy / cdf / KL /
rsample gradients against finite differences (gradcheck, float64), the incomplete gamma
functions' derivative in x, sample statistics for samplers. PyTorch's own values, graphs,
seeded draws and errors are in tests/oracle/programs/distributions_more.py and
special_igamma.py."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.autograd import gradcheck

D = torch.distributions


def _t(vals, grad=True):
    return torch.tensor(vals, dtype=torch.float64, requires_grad=grad)


def _v(vals):
    return torch.tensor(vals, dtype=torch.float64)


LOG_PROB_CASES = [
    ("Exponential", lambda r: D.Exponential(r), [[1.5, 0.3]], [0.5, 2.0]),
    ("Gamma", lambda a, b: D.Gamma(a, b), [[0.7, 3.0], [2.0, 0.5]], [0.5, 2.0]),
    ("Chi2", lambda k: D.Chi2(k), [[3.0, 1.5]], [0.5, 2.0]),
    ("Beta", lambda a, b: D.Beta(a, b), [[0.5, 2.0], [3.0, 1.2]], [0.2, 0.9]),
    ("Dirichlet", lambda a: D.Dirichlet(a), [[0.5, 2.0, 3.0]], [0.2, 0.5, 0.3]),
    ("Poisson", lambda r: D.Poisson(r), [[0.5, 4.0, 15.0]], [0.0, 3.0, 12.0]),
    ("Binomial", lambda p: D.Binomial(10, probs=p), [[0.1, 0.5, 0.95]], [0.0, 3.0, 10.0]),
    ("Laplace", lambda m, b: D.Laplace(m, b), [[0.0, 1.0], [1.0, 0.5]], [0.5, -2.0]),
    ("Geometric", lambda p: D.Geometric(p), [[0.3, 0.8]], [0.0, 4.0]),
    ("OneHot", lambda p: D.OneHotCategorical(probs=p), [[0.2, 0.5, 0.3]], [0.0, 1.0, 0.0]),
    ("LogNormal", lambda m, s: D.LogNormal(m, s), [[0.0, 1.0], [1.0, 0.5]], [0.5, 2.0]),
    (
        "RelaxedBernoulli",
        lambda p: D.RelaxedBernoulli(_v(0.5), probs=p),
        [[0.3, 0.6]],
        [0.2, 0.9],
    ),
    ("Cauchy", lambda m, s: D.Cauchy(m, s), [[0.0, 1.0], [1.0, 0.5]], [0.5, -2.0]),
    ("HalfNormal", lambda s: D.HalfNormal(s), [[1.0, 0.5]], [0.5, 2.0]),
    ("Gumbel", lambda m, s: D.Gumbel(m, s), [[0.0, 1.0], [1.0, 2.0]], [0.5, -2.0]),
    ("StudentT", lambda df: D.StudentT(df), [[3.0, 10.0]], [0.5, -2.0]),
    ("Weibull", lambda s, c: D.Weibull(s, c), [[1.0, 2.0], [1.5, 0.7]], [0.5, 2.0]),
    ("NegativeBinomial", lambda p: D.NegativeBinomial(5.0, probs=p), [[0.2, 0.7]], [0.0, 3.0]),
]


@pytest.mark.parametrize(("name", "make", "params", "value"), LOG_PROB_CASES)
def test_log_prob_and_entropy_gradients(name, make, params, value):
    ps = tuple(_t(p) for p in params)
    x = _v(value)
    assert gradcheck(lambda *q: make(*q).log_prob(x), ps)
    try:
        make(*ps).entropy()
    except NotImplementedError:
        return
    assert gradcheck(lambda *q: make(*q).entropy(), ps)


def test_kl_gradients():
    q = D.Gamma(_v([1.0, 3.0]), _v([2.0, 2.0]))
    assert gradcheck(
        lambda a, b: D.kl_divergence(D.Gamma(a, b), q), (_t([2.0, 0.5]), _t([1.0, 1.5]))
    )
    qb = D.Beta(_v([1.0, 3.0]), _v([2.0, 2.0]))
    assert gradcheck(
        lambda a, b: D.kl_divergence(D.Beta(a, b), qb), (_t([2.0, 0.5]), _t([1.0, 1.5]))
    )
    qd = D.Dirichlet(_v([2.0, 2.0, 2.0]))
    assert gradcheck(lambda a: D.kl_divergence(D.Dirichlet(a), qd), (_t([1.0, 2.0, 3.0]),))
    qp = D.Poisson(_v([2.0, 3.0]))
    assert gradcheck(lambda r: D.kl_divergence(D.Poisson(r), qp), (_t([1.0, 4.0]),))


def test_reparameterized_samples_gradients():
    # rsample of location-scale families: fixed noise, so gradcheck applies per seed
    for make, params in (
        (lambda m, b: D.Laplace(m, b), ([0.0, 1.0], [1.0, 0.5])),
        (lambda m, s: D.LogNormal(m, s), ([0.0, 1.0], [1.0, 0.5])),
        (lambda m, s: D.Cauchy(m, s), ([0.0, 1.0], [1.0, 0.5])),
        (lambda r: D.Exponential(r), ([1.5, 0.3],)),
        (lambda lg: D.RelaxedBernoulli(_v(0.5), logits=lg), ([0.3, -0.6],)),
    ):

        def f(*q, make=make):
            torch.manual_seed(4)
            return make(*q).rsample((3,))

        assert gradcheck(f, tuple(_t(p) for p in params))


def _beta_cdf_b2(al, xv):
    from math import exp, lgamma

    t = np.linspace(0.0, xv, 200001)
    dens = np.exp((al - 1) * np.log(np.maximum(t, 1e-300)) + np.log1p(-t))
    return float(np.trapezoid(dens, t) / exp(lgamma(al) + lgamma(2.0) - lgamma(al + 2.0)))


def _gamma_cdf(al, xv):
    return float(torch.special.gammainc(_v(al), _v(xv)))


@pytest.mark.parametrize(
    ("make", "cdf", "hi"),
    [
        (lambda a: D.Gamma(a, 1.0), _gamma_cdf, 50.0),
        (lambda a: D.Beta(a, _v(2.0)), _beta_cdf_b2, 1 - 1e-12),
    ],
)
def test_gamma_and_beta_rsample_gradients_follow_the_implicit_derivative(make, cdf, hi):
    # d sample / d concentration (StandardGammaBackward0, _DirichletBackward) equals the
    # derivative of the quantile at the sample's cdf level, found by bisection
    a = _t([1.5])
    torch.manual_seed(11)
    s = make(a).rsample()
    s.sum().backward()
    u = cdf(1.5, float(s.detach().reshape(-1)[0]))

    def quantile(al):
        lo, up = 1e-12, hi
        for _ in range(200):
            mid = (lo + up) / 2
            if cdf(al, mid) < u:
                lo = mid
            else:
                up = mid
        return (lo + up) / 2

    h = 1e-6
    expected = (quantile(1.5 + h) - quantile(1.5 - h)) / (2 * h)
    assert float(a.grad[0]) == pytest.approx(expected, rel=2e-2)


def test_gammainc_derivative_in_x():
    a = _v([0.5, 2.0, 30.0])
    assert gradcheck(lambda x: torch.special.gammainc(a, x), (_t([0.3, 1.7, 28.0]),))
    assert gradcheck(lambda x: torch.special.gammaincc(a, x), (_t([0.3, 1.7, 28.0]),))
    assert gradcheck(lambda x: D.Gamma(a, 2.0).cdf(x), (_t([0.3, 1.7, 12.0]),))


def test_sampler_statistics():
    torch.manual_seed(0)
    n = 4000
    beta = D.Beta(_v(2.0), _v(5.0)).sample((n,))
    assert abs(float(beta.mean()) - 2 / 7) < 0.01
    dirichlet = D.Dirichlet(_v([1.0, 2.0, 7.0])).sample((n,))
    np.testing.assert_allclose(dirichlet.mean(0).numpy(), [0.1, 0.2, 0.7], atol=0.01)
    geo = D.Geometric(_v(0.25)).sample((n,))
    assert abs(float(geo.mean()) - 3.0) < 0.2
    lap = D.Laplace(_v(1.0), _v(2.0)).sample((n,))
    assert abs(float(lap.mean()) - 1.0) < 0.15 and abs(float(lap.var()) - 8.0) < 0.8
    onehot = D.OneHotCategorical(_v([0.2, 0.3, 0.5])).sample((n,))
    np.testing.assert_allclose(onehot.mean(0).numpy(), [0.2, 0.3, 0.5], atol=0.025)
    nb = D.NegativeBinomial(5.0, probs=_v(0.4)).sample((n,))
    assert abs(float(nb.mean()) - 5.0 * 0.4 / 0.6) < 0.2
