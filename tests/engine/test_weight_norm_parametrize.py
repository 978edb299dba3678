"""torch._weight_norm (WeightNormInterfaceBackward0 and the composite path) and the
modules built on it against finite differences; PyTorch's values, reprs and graphs are in
tests/oracle/programs/nn_parametrize_weight_norm.py."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz import nn
from autograd_viz.autograd import gradcheck, gradgradcheck


def _t(shape, seed):
    rs = np.random.RandomState(seed)
    return torch.tensor(rs.randn(*shape), dtype=torch.float64, requires_grad=True)


@pytest.mark.parametrize(
    ("vshape", "gshape", "dim"),
    [((3, 4), (3, 1), 0), ((3, 4), (1, 4), 1), ((2, 3, 4), (1, 3, 1), 1), ((2, 3), (), -1)],
)
def test_weight_norm_gradients(vshape, gshape, dim):
    v, g = _t(vshape, 0), _t(gshape, 1)
    assert gradcheck(lambda a, b: torch._weight_norm(a, b, dim), (v, g))
    assert gradgradcheck(lambda a, b: torch._weight_norm(a, b, dim), (v, g))


def test_weight_norm_has_the_norm_of_g():
    v, g = _t((3, 5), 2), _t((3, 1), 3)
    w = torch._weight_norm(v, g, 0)
    np.testing.assert_allclose(w.norm(dim=1).detach().numpy(), np.abs(g.detach().numpy()[:, 0]))


def test_parametrized_module_gradients():
    torch.manual_seed(0)
    lin = nn.Linear(3, 2).double()
    nn.utils.parametrizations.weight_norm(lin)
    x = torch.randn(4, 3, dtype=torch.float64)
    g0, v0 = lin.parametrizations.weight.original0, lin.parametrizations.weight.original1

    def f(g, v):
        return torch._weight_norm(v, g, 0) @ x.T

    assert gradcheck(f, (g0.detach().requires_grad_(), v0.detach().requires_grad_()))
    lin(x).sum().backward()
    expected_g = torch.autograd.grad(f(g0, v0).sum(), g0)[0]
    np.testing.assert_allclose(g0.grad.numpy(), expected_g.numpy())


def test_spectral_norm_sigma_is_the_largest_singular_value():
    torch.manual_seed(1)
    sn = nn.utils.parametrizations.spectral_norm(nn.Linear(5, 4).double(), n_power_iterations=30)
    w = sn.weight.detach().numpy()
    assert np.linalg.svd(w, compute_uv=False)[0] == pytest.approx(1.0, rel=1e-6)


def test_matrix_exp_values_and_gradients():
    a = _t((3, 3), 4)
    e = torch.linalg.matrix_exp(a).detach().numpy()
    # exp(A) exp(-A) = I and d/dt exp(tA) at t = 0 is A
    inv = torch.linalg.matrix_exp(-a).detach().numpy()
    np.testing.assert_allclose(e @ inv, np.eye(3), atol=1e-12)
    assert gradcheck(torch.linalg.matrix_exp, (a,))
    assert gradgradcheck(torch.linalg.matrix_exp, (_t((2, 2), 5),))
    assert gradcheck(torch.linalg.matrix_exp, (_t((2, 3, 3), 6),))


def test_householder_product_is_the_qr_q_and_differentiable():
    a = _t((5, 3), 7)
    h, tau = torch.geqrf(a.detach())
    q = torch.linalg.householder_product(h, tau).numpy()
    expected = np.linalg.qr(a.detach().numpy())[0]
    np.testing.assert_allclose(q, expected, atol=1e-12)
    assert gradcheck(
        lambda x, t: torch.linalg.householder_product(x, t),
        (h.requires_grad_(), tau.requires_grad_()),
    )


def test_orthogonal_parametrization_stays_orthogonal_after_steps():
    torch.manual_seed(3)
    lin = nn.utils.parametrizations.orthogonal(nn.Linear(4, 4).double())
    opt = torch.optim.SGD(lin.parameters(), lr=0.1)
    x = torch.randn(8, 4, dtype=torch.float64)
    for _ in range(3):
        opt.zero_grad()
        lin(x).pow(2).sum().backward()
        opt.step()
    w = lin.weight.detach().numpy()
    np.testing.assert_allclose(w @ w.T, np.eye(4), atol=1e-10)
