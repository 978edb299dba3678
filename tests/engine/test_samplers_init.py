"""The gamma-family samplers' reparameterization gradients against finite differences
of the CDF (ATen's approximations are good to about 1e-6 relative), sample statistics of
poisson / binomial / gamma / dirichlet, and nn.init's orthogonal_ / sparse_ / dirac_
properties (PyTorch's values are in tests/oracle/programs/random_samplers_init.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz import nn
from autograd_viz.distributions._sampling import dirichlet_grad_array, standard_gamma_grad_array

_GL_X, _GL_W = np.polynomial.legendre.leggauss(200)
_U = (_GL_X + 1) / 2
_W = _GL_W / 2


def _gamma_cdf(x, a):
    # P(a, x) = x^a e^-x sum_n x^n / Gamma(a + n + 1)
    total = 0.0
    for n in range(400):
        total += math.exp(n * math.log(x) - math.lgamma(a + n + 1)) if x > 0 else float(n == 0)
    return math.exp(a * math.log(x) - x) * total


def _gamma_pdf(x, a):
    return math.exp((a - 1) * math.log(x) - x - math.lgamma(a))


@pytest.mark.parametrize(
    ("a", "x"), [(0.3, 0.05), (0.5, 0.7), (2.0, 1.5), (5.0, 3.0), (9.0, 9.5), (20.0, 12.0)]
)
def test_standard_gamma_grad_is_the_implicit_derivative(a, x):
    h = 1e-5
    dF = (_gamma_cdf(x, a + h) - _gamma_cdf(x, a - h)) / (2 * h)
    expected = -dF / _gamma_pdf(x, a)
    got = float(standard_gamma_grad_array(np.array([a]), np.array([x]))[0])
    assert got == pytest.approx(expected, rel=2e-3)


def _beta_cdf(x, a, b):
    # (x^a / a) * int_0^1 (1 - x u^(1/a))^(b-1) du / B(a, b)
    integral = float(np.sum(_W * (1 - x * _U ** (1 / a)) ** (b - 1)))
    return (
        math.exp(
            a * math.log(x) - math.log(a) + math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
        )
        * integral
    )


def _beta_pdf(x, a, b):
    return math.exp(
        (a - 1) * math.log(x)
        + (b - 1) * math.log1p(-x)
        + math.lgamma(a + b)
        - math.lgamma(a)
        - math.lgamma(b)
    )


@pytest.mark.parametrize(
    ("x", "a", "total"),
    [
        (0.05, 0.5, 1.5),
        (0.3, 2.0, 5.0),
        (0.5, 8.0, 16.0),
        (0.6, 3.0, 4.5),
        (0.4, 20.0, 45.0),
        (0.7, 2.5, 3.5),
    ],
)
def test_dirichlet_grad_is_the_beta_implicit_derivative(x, a, total):
    b = total - a
    h = 1e-5
    dF = (_beta_cdf(x, a + h, b) - _beta_cdf(x, a - h, b)) / (2 * h)
    expected = -dF / _beta_pdf(x, a, b) / (1 - x)
    got = float(dirichlet_grad_array(np.array([x]), np.array([a]), np.array([total]))[0])
    assert got == pytest.approx(expected, rel=5e-3)


def test_gamma_rsample_gradient_flows_through_the_node():
    torch.manual_seed(3)
    alpha = torch.tensor([0.7, 2.0, 6.0], dtype=torch.float64, requires_grad=True)
    x = torch._standard_gamma(alpha)
    assert type(x.grad_fn).__name__ == "StandardGammaBackward0"
    (x * torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)).sum().backward()
    expected = standard_gamma_grad_array(alpha.detach().numpy(), x.detach().numpy())
    np.testing.assert_allclose(alpha.grad.numpy(), expected * [1.0, 2.0, 3.0])


def test_sample_statistics():
    torch.manual_seed(0)
    n = 4000
    p = torch.poisson(torch.full((n,), 3.5))
    assert abs(float(p.mean()) - 3.5) < 0.15 and abs(float(p.var()) - 3.5) < 0.3
    big = torch.poisson(torch.full((n,), 40.0))
    assert abs(float(big.mean()) - 40.0) < 0.6 and abs(float(big.var()) - 40.0) < 4.0
    b = torch.binomial(torch.full((n,), 50.0), torch.full((n,), 0.3))
    assert abs(float(b.mean()) - 15.0) < 0.3 and abs(float(b.var()) - 10.5) < 1.2
    g = torch._standard_gamma(torch.full((n,), 0.4))
    assert abs(float(g.mean()) - 0.4) < 0.04 and abs(float(g.var()) - 0.4) < 0.08
    d = torch._sample_dirichlet(torch.tensor([[1.0, 2.0, 3.0]]).expand(n, 3).contiguous())
    np.testing.assert_allclose(d.sum(-1).numpy(), 1.0, rtol=1e-6)
    np.testing.assert_allclose(d.mean(0).numpy(), [1 / 6, 2 / 6, 3 / 6], atol=0.015)


def test_orthogonal_sparse_dirac_properties():
    torch.manual_seed(0)
    w = nn.init.orthogonal_(torch.empty(4, 7, dtype=torch.float64), gain=3.0)
    np.testing.assert_allclose((w @ w.T).numpy(), 9 * np.eye(4), atol=1e-12)
    w = nn.init.orthogonal_(torch.empty(7, 2, 2, dtype=torch.float64))
    m = w.reshape(7, 4)
    np.testing.assert_allclose((m.T @ m).numpy(), np.eye(4), atol=1e-12)
    s = nn.init.sparse_(torch.empty(10, 6), sparsity=0.3)
    assert ((s == 0).sum(0) == 3).all()
    d = nn.init.dirac_(torch.empty(6, 4, 3, 3), groups=2)
    assert float(d.sum()) == 6.0
    assert float(d[4, 1, 1, 1]) == 1.0
    with pytest.raises(ValueError, match="Only tensors with 2 or more dimensions"):
        nn.init.orthogonal_(torch.empty(3))
