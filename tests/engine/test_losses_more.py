"""The losses of ``nn/losses_more.py``: values against numpy float64 references written
from the losses' definitions (nothing expected comes from the engine), gradients against
finite differences (``gradcheck`` in float64; ``gradgradcheck`` where PyTorch has a
second derivative), and the margin kernels' missing double backward.  PyTorch's own
values, node names and errors are in the oracle program ``nn_losses_more``."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.nn import functional as F

gradcheck = torch.autograd.gradcheck
gradgradcheck = torch.autograd.gradgradcheck

X = np.array([[0.5, -1.0, 2.0, -3.5], [1.5, 0.25, -0.8, 7.0], [0.1, 0.2, -0.3, 0.4]])
X2 = np.array([[1.0, 0.4, -2.0, 0.5], [-1.5, 0.75, 0.25, 3.0], [0.3, -0.2, 0.1, 0.6]])
X3 = np.array([[0.0, 1.0, 1.0, -1.0], [2.0, -0.5, 0.5, 1.0], [0.2, 0.2, -0.2, 0.3]])
Y = np.array([1.0, -1.0, 1.0])
SIGN = np.array([[1.0, -1.0, 1.0, -1.0], [-1.0, -1.0, 1.0, 1.0], [1.0, 1.0, -1.0, 1.0]])
CLS = np.array([0, 2, 3])
ML = np.array([[0, 2, -1, 1], [1, -1, 0, 0], [3, 2, 1, 0]])


def _reduce(v, reduction):
    return {"none": v, "sum": v.sum(), "mean": v.mean()}[reduction]


def _ref_multi_margin(x, t, p, margin, w):
    n, c = x.shape
    out = np.zeros(n)
    for i in range(n):
        for d in range(c):
            if d != t[i]:
                z = margin - x[i, t[i]] + x[i, d]
                if z > 0:
                    out[i] += (z if p == 1 else z * z) * (1.0 if w is None else w[t[i]])
    return out / c


def _ref_multilabel(x, t):
    n, c = x.shape
    out = np.zeros(n)
    for i in range(n):
        targets = []
        for j in t[i]:
            if j < 0:
                break
            targets.append(j)
        for j in targets:
            for d in range(c):
                if d not in targets:
                    out[i] += max(0.0, 1 - x[i, j] + x[i, d])
    return out / c


def _ref_cos(a, b):
    return (a * b).sum(1) / np.sqrt(((a * a).sum(1) + 1e-12) * ((b * b).sum(1) + 1e-12))


REFS = {
    "cosine_embedding": (
        lambda a, **k: F.cosine_embedding_loss(a, torch.tensor(X2), torch.tensor(Y), **k),
        lambda a: np.where(Y == 1, 1 - _ref_cos(a, X2), np.maximum(_ref_cos(a, X2), 0)),
    ),
    "margin_ranking": (
        lambda a, **k: F.margin_ranking_loss(
            a[:, 0], torch.tensor(X2[:, 1]), torch.tensor(Y), margin=0.5, **k
        ),
        lambda a: np.maximum(-Y * (a[:, 0] - X2[:, 1]) + 0.5, 0),
    ),
    "hinge_embedding": (
        lambda a, **k: F.hinge_embedding_loss(a, torch.tensor(SIGN), margin=2.0, **k),
        lambda a: np.where(SIGN == 1, a, np.maximum(2.0 - a, 0)),
    ),
    "soft_margin": (
        lambda a, **k: F.soft_margin_loss(a, torch.tensor(SIGN), **k),
        lambda a: np.log1p(np.exp(-SIGN * a)),
    ),
    "multi_margin": (
        lambda a, **k: F.multi_margin_loss(a, torch.tensor(CLS), **k),
        lambda a: _ref_multi_margin(a, CLS, 1, 1.0, None),
    ),
    "multi_margin_p2_w": (
        lambda a, **k: F.multi_margin_loss(
            a,
            torch.tensor(CLS),
            p=2,
            margin=0.7,
            weight=torch.tensor([1.0, 2, 0.5, 3], dtype=torch.float64),
            **k,
        ),
        lambda a: _ref_multi_margin(a, CLS, 2, 0.7, np.array([1.0, 2, 0.5, 3])),
    ),
    "multilabel_margin": (
        lambda a, **k: F.multilabel_margin_loss(a, torch.tensor(ML), **k),
        lambda a: _ref_multilabel(a, ML),
    ),
    "multilabel_soft_margin": (
        lambda a, **k: F.multilabel_soft_margin_loss(a, torch.tensor((SIGN > 0) * 1.0), **k),
        lambda a: (np.log1p(np.exp(-SIGN * a))).mean(1),
    ),
    "poisson_nll": (
        lambda a, **k: F.poisson_nll_loss(a, torch.tensor(np.abs(X3) * 3), **k),
        lambda a: np.exp(a) - np.abs(X3) * 3 * a,
    ),
    "gaussian_nll": (
        lambda a, **k: F.gaussian_nll_loss(
            a, torch.tensor(X2), torch.tensor(np.abs(X3) + 0.1), **k
        ),
        lambda a: 0.5 * (np.log(np.abs(X3) + 0.1) + (a - X2) ** 2 / (np.abs(X3) + 0.1)),
    ),
    "triplet": (
        lambda a, **k: F.triplet_margin_loss(a, torch.tensor(X2), torch.tensor(X3), **k),
        lambda a: np.maximum(
            1.0 + np.linalg.norm(a - X2 + 1e-6, axis=1) - np.linalg.norm(a - X3 + 1e-6, axis=1),
            0,
        ),
    ),
}


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("name", sorted(REFS))
def test_values_and_first_derivatives(name, reduction):
    fn, ref = REFS[name]
    x = torch.tensor(X, requires_grad=True)
    out = fn(x, reduction=reduction)
    np.testing.assert_allclose(out.detach().numpy(), _reduce(ref(X), reduction), rtol=1e-12)
    assert gradcheck(lambda a: fn(a, reduction=reduction), (x,))


@pytest.mark.parametrize(
    "name",
    [
        "cosine_embedding",
        "soft_margin",
        "multilabel_soft_margin",
        "poisson_nll",
        "gaussian_nll",
        "triplet",
    ],
)
def test_second_derivatives(name):
    fn, _ = REFS[name]
    x = torch.tensor(X, requires_grad=True)
    assert gradgradcheck(lambda a: fn(a, reduction="sum"), (x,))


def test_distances_against_definitions():
    a, b = torch.tensor(X, requires_grad=True), torch.tensor(X2, requires_grad=True)
    for p in (1, 2, 3, 1.5):
        d = F.pairwise_distance(a, b, p=p)
        ref = (np.abs(X - X2 + 1e-6) ** p).sum(1) ** (1 / p)
        np.testing.assert_allclose(d.detach().numpy(), ref, rtol=1e-12)
        assert d.grad_fn.name() == "NormBackward1"
        assert gradcheck(lambda u, v, p=p: F.pairwise_distance(u, v, p=p), (a, b))
    c = F.cosine_similarity(a, b)
    ref = (X * X2).sum(1) / np.linalg.norm(X, axis=1) / np.linalg.norm(X2, axis=1)
    np.testing.assert_allclose(c.detach().numpy(), ref, rtol=1e-12)
    assert gradcheck(lambda u, v: F.cosine_similarity(u, v), (a, b))
    assert gradgradcheck(lambda u, v: F.cosine_similarity(u, v), (a, b))


@pytest.mark.parametrize(
    "fn, op",
    [
        (lambda a: F.multi_margin_loss(a, torch.tensor(CLS)), "multi_margin_loss_backward"),
        (
            lambda a: F.multilabel_margin_loss(a, torch.tensor(ML)),
            "multilabel_margin_loss_backward",
        ),
    ],
)
def test_margin_kernels_have_no_second_derivative(fn, op):
    """As PyTorch: the gradient under ``create_graph`` is a ``NotImplemented`` node that
    raises when differentiated; the gradient's value is the first derivative."""
    x = torch.tensor(X, requires_grad=True)
    (g,) = torch.autograd.grad(fn(x), x, create_graph=True)
    (plain,) = torch.autograd.grad(fn(x), x)
    np.testing.assert_array_equal(g.detach().numpy(), plain.numpy())
    assert g.grad_fn.name() == "NotImplemented"
    with pytest.raises(RuntimeError, match=f"^derivative for aten::{op} is not implemented$"):
        g.sum().backward()


def test_soft_margin_target_is_not_differentiable():
    x = torch.tensor(X, requires_grad=True)
    t = torch.tensor(SIGN, requires_grad=True)
    with pytest.raises(RuntimeError, match="not differentiable with respect to argument 'target'"):
        F.soft_margin_loss(x, t)
    with torch.no_grad():  # no graph: nothing to refuse
        F.soft_margin_loss(x, t)
