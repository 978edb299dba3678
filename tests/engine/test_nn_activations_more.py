"""First and second derivatives (``gradcheck`` / ``gradgradcheck``, float64) of the
activations in autograd_viz/nn/activations_more.py; PyTorch's own values, node names and
errors are in ``tests/oracle/programs/nn_activations_more.py``."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.autograd import gradcheck, gradgradcheck

F = torch.nn.functional


def _x(*shape, k=1.3, s=2.5):
    n = int(np.prod(shape))
    vals = np.sin(np.arange(n) * k + 0.2) * s
    return torch.tensor(vals.reshape(shape), dtype=torch.float64, requires_grad=True)


@pytest.mark.parametrize(
    "name, fn",
    [
        ("prelu", lambda a, w: F.prelu(a, w)),
        ("glu", lambda a, w: F.glu(a, 1) * w.sum()),
        ("tanhshrink", lambda a, w: F.tanhshrink(a) * w.sum()),
        ("threshold", lambda a, w: F.threshold(a, 0.3, -1.0) * w.sum()),
        ("hardswish", lambda a, w: F.hardswish(a) * w.sum()),
    ],
)
def test_first_and_second_derivatives(name, fn):
    a, w = _x(3, 4), _x(4, k=0.4, s=0.5)
    assert gradcheck(fn, (a, w))
    assert gradgradcheck(fn, (a, w))


def test_hardsigmoid_first_derivative_only():
    a = _x(3, 4)
    assert gradcheck(F.hardsigmoid, (a,))
    (g,) = torch.autograd.grad(F.hardsigmoid(a).sum(), a, create_graph=True)
    with pytest.raises(RuntimeError, match="hardsigmoid_backward is not implemented"):
        g.sum().backward()


def test_bilinear():
    f = lambda a, b, w, c: F.bilinear(a, b, w, c)  # noqa: E731
    ins = (_x(3, 2), _x(3, 3, k=0.9), _x(4, 2, 3, k=0.2, s=0.5), _x(4, k=0.5))
    assert gradcheck(f, ins)
    assert gradgradcheck(f, ins)
    a, b, w, c = (t.detach().numpy() for t in ins)
    assert np.allclose(f(*ins).detach().numpy(), np.einsum("bi,oij,bj->bo", a, w, b) + c)


def test_alpha_dropout_keeps_selu_statistics():
    torch.manual_seed(0)
    x = torch.randn(200000, dtype=torch.float64)
    y = F.alpha_dropout(x, 0.3, True).numpy()
    assert abs(y.mean()) < 0.02
    assert abs(y.std() - 1) < 0.02


def test_gumbel_softmax_hard_is_one_hot_with_soft_gradient():
    torch.manual_seed(0)
    logits = _x(3, 5)
    h = F.gumbel_softmax(logits, hard=True)
    assert sorted(h.detach().numpy().ravel().tolist()).count(1.0) == 3
    (h * torch.arange(5.0, dtype=torch.float64)).sum().backward()
    assert np.any(logits.grad.numpy() != 0)
