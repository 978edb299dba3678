"""``autograd_viz.distributions``: log_prob / entropy / kl gradients against finite
differences, and the samplers' statistics (PyTorch's values, graphs and errors are in
tests/oracle/programs/distributions_basic.py; its draws cannot be compared)."""

from __future__ import annotations

import numpy as np

import autograd_viz as torch
from autograd_viz.autograd import gradcheck

D = torch.distributions


def _t(vals, grad=True):
    return torch.tensor(vals, dtype=torch.float64, requires_grad=grad)


def test_normal_and_kl_gradients():
    loc, scale = _t([0.3, -1.0]), _t([0.7, 1.8])
    x = _t([0.1, 0.4], grad=False)
    assert gradcheck(lambda m, s: D.Normal(m, s).log_prob(x), (loc, scale))
    assert gradcheck(lambda s: D.Normal(0.0, s).entropy(), (scale,))
    q = D.Normal(_t([0.0, 0.5], False), _t([1.0, 2.0], False))
    assert gradcheck(lambda m, s: D.kl_divergence(D.Normal(m, s), q), (loc, scale))


def test_categorical_bernoulli_mvn_gradients():
    logits = _t([[0.5, 1.5, -0.5], [0.1, 0.2, 0.3]])
    a = torch.tensor([1, 2])
    assert gradcheck(lambda lg: D.Categorical(logits=lg).log_prob(a), (logits,))
    assert gradcheck(lambda lg: D.Categorical(logits=lg).entropy(), (logits,))
    p = _t([0.2, 0.7])
    assert gradcheck(lambda q: D.Bernoulli(q).log_prob(_t([1.0, 0.0], False)), (p,))
    loc = _t([1.0, 2.0])
    L = _t([[1.0, 0.0], [0.3, 0.5]])
    x = _t([[0.5, 1.5], [0.0, 0.0]], False)
    assert gradcheck(
        lambda m, s: D.MultivariateNormal(m, scale_tril=s.tril(), validate_args=False).log_prob(x),
        (loc, L),
    )


def test_samplers_statistics():
    torch.manual_seed(0)
    n = D.Normal(torch.tensor([1.0, -2.0]), torch.tensor([0.5, 2.0]))
    s = n.sample((20000,))
    assert s.shape == (20000, 2)
    np.testing.assert_allclose(s.mean(0).numpy(), [1.0, -2.0], atol=0.05)
    np.testing.assert_allclose(s.std(0).numpy(), [0.5, 2.0], rtol=0.05)
    r = n.rsample((3,))
    assert r.shape == (3, 2) and not r.requires_grad
    c = D.Categorical(probs=torch.tensor([0.1, 0.6, 0.3]))
    counts = np.bincount(c.sample((20000,)).numpy(), minlength=3) / 20000
    np.testing.assert_allclose(counts, [0.1, 0.6, 0.3], atol=0.02)
    mvn = D.MultivariateNormal(torch.zeros(2), torch.tensor([[2.0, 0.5], [0.5, 1.0]]))
    z = mvn.rsample((20000,)).numpy()
    np.testing.assert_allclose(np.cov(z.T), [[2.0, 0.5], [0.5, 1.0]], atol=0.1)
    u = D.Uniform(torch.tensor(2.0), torch.tensor(5.0)).sample((5000,)).numpy()
    assert u.min() >= 2.0 and u.max() < 5.0
