"""First and second derivatives (``gradcheck`` / ``gradgradcheck``, float64) of the norms
in autograd_viz/nn/norms_more.py; PyTorch's own values, node names and errors are in
``tests/oracle/programs/nn_norms_more.py``."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.autograd import gradcheck, gradgradcheck

F = torch.nn.functional


def _x(*shape, k=1.3):
    n = int(np.prod(shape))
    vals = np.sin(np.arange(n) * k + 0.2) * 1.5
    return torch.tensor(vals.reshape(shape), dtype=torch.float64, requires_grad=True)


@pytest.mark.parametrize("shape, groups", [((2, 4, 3), 2), ((2, 6, 2, 2), 3), ((3, 4), 4)])
def test_group_norm(shape, groups):
    c = shape[1]
    x, w, b = _x(*shape), _x(c, k=0.7), _x(c, k=2.1)
    f = lambda a, p, q: F.group_norm(a, groups, p, q)  # noqa: E731
    assert type(f(x, w, b).grad_fn).__name__ == "NativeGroupNormBackward0"
    assert gradcheck(f, (x, w, b))
    assert gradgradcheck(f, (x, w, b))
    assert gradgradcheck(lambda a: F.group_norm(a, groups), (x,))


def test_group_norm_float32_matches_float64():
    x = _x(2, 4, 5)
    y64 = F.group_norm(x, 2).detach().numpy()
    y32 = F.group_norm(x.detach().float(), 2).numpy()
    assert y32.dtype == np.float32
    assert np.allclose(y32, y64, atol=1e-5)


def test_instance_norm():
    x, w, b = _x(2, 3, 4), _x(3, k=0.7), _x(3, k=2.1)
    f = lambda a, p, q: F.instance_norm(a, weight=p, bias=q)  # noqa: E731
    assert gradcheck(f, (x, w, b))
    assert gradgradcheck(f, (x, w, b))


def test_instance_norm_running_stats_are_batch_means():
    x = _x(2, 3, 4).detach()
    rm, rv = torch.zeros(3, dtype=torch.float64), torch.ones(3, dtype=torch.float64)
    F.instance_norm(x, rm, rv, momentum=1.0)
    a = x.numpy()
    assert np.allclose(rm.numpy(), a.mean(axis=2).mean(axis=0))
    assert np.allclose(rv.numpy(), a.var(axis=2, ddof=1).mean(axis=0))


@pytest.mark.parametrize("shape", [(2, 5, 3), (1, 4, 2, 3), (1, 4, 2, 2, 2)])
def test_local_response_norm(shape):
    x = _x(*shape)
    assert gradcheck(lambda a: F.local_response_norm(a, 3, alpha=0.5, k=1.5), (x,))
    if len(shape) == 3:
        assert gradgradcheck(lambda a: F.local_response_norm(a, 3, alpha=0.5, k=1.5), (x,))


def test_local_response_norm_value():
    x = _x(1, 4, 2)
    out = F.local_response_norm(x, 2, alpha=0.5, beta=0.75, k=1.0).detach().numpy()
    a = x.detach().numpy()
    sq = np.pad(a * a, ((0, 0), (1, 0), (0, 0)))
    avg = (sq[:, :-1] + sq[:, 1:]) / 2
    assert np.allclose(out, a / (1.0 + 0.5 * avg) ** 0.75)


def test_rms_norm():
    x, w = _x(2, 3, 4), _x(4, k=0.7)
    f = lambda a, p: F.rms_norm(a, (4,), p)  # noqa: E731
    assert gradcheck(f, (x, w))
    assert gradgradcheck(f, (x, w))
    a = x.detach().numpy()
    want = a / np.sqrt((a * a).mean(-1, keepdims=True) + np.finfo(np.float64).eps)
    assert np.allclose(F.rms_norm(x, (4,)).detach().numpy(), want)
