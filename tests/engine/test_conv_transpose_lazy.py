"""Transposed convolutions (values against a scatter-loop reference in float64, first and
second derivatives by ``gradcheck`` / ``gradgradcheck``), lazy modules (shapes read from the
first input, the class they become, their uninitialized parameters), ``Adadelta`` against
its formula, ``meshgrid`` and the layout of a leaf's ``.grad``.  PyTorch's own values,
reprs and errors are in ``tests/oracle/programs/tutorial_d2l_cnn.py`` and
``bad_input_teaching.py``."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz import nn
from autograd_viz.autograd import gradcheck, gradgradcheck
from autograd_viz.nn import functional as F


def _tconv_ref(x, w, b, stride, padding, output_padding, groups, dilation):
    """conv_transpose2d by scattering every input element through the kernel."""
    n, cin, h, wd = x.shape
    _, cog, kh, kw = w.shape
    cout = cog * groups
    hf = (h - 1) * stride[0] + dilation[0] * (kh - 1) + 1 + output_padding[0]
    wf = (wd - 1) * stride[1] + dilation[1] * (kw - 1) + 1 + output_padding[1]
    full = np.zeros((n, cout, hf, wf))
    cig = cin // groups
    for ni in range(n):
        for c in range(cin):
            g = c // cig
            for i in range(h):
                for j in range(wd):
                    for a in range(kh):
                        for bb in range(kw):
                            r, s = i * stride[0] + a * dilation[0], j * stride[1] + bb * dilation[1]
                            full[ni, g * cog : (g + 1) * cog, r, s] += (
                                x[ni, c, i, j] * w[c, :, a, bb]
                            )
    out = full[:, :, padding[0] : hf - padding[0], padding[1] : wf - padding[1]]
    if b is not None:
        out = out + b.reshape(1, -1, 1, 1)
    return out


CASES = [
    dict(stride=(1, 1), padding=(0, 0), output_padding=(0, 0), groups=1, dilation=(1, 1)),
    dict(stride=(2, 2), padding=(1, 0), output_padding=(1, 0), groups=1, dilation=(1, 1)),
    dict(stride=(2, 3), padding=(0, 1), output_padding=(0, 2), groups=2, dilation=(1, 1)),
    dict(stride=(1, 2), padding=(1, 1), output_padding=(0, 1), groups=1, dilation=(2, 1)),
]


@pytest.mark.parametrize("conf", CASES)
def test_conv_transpose2d_values_and_gradients(conf):
    rng = np.random.default_rng(3)
    groups = conf["groups"]
    x = torch.tensor(rng.normal(size=(2, 4, 3, 3)), requires_grad=True)
    w = torch.tensor(rng.normal(size=(4, 6 // groups, 2, 3)), requires_grad=True)
    b = torch.tensor(rng.normal(size=(6,)), requires_grad=True)
    out = F.conv_transpose2d(x, w, b, **conf)
    ref = _tconv_ref(x.detach().numpy(), w.detach().numpy(), b.detach().numpy(), **conf)
    assert out.shape == ref.shape
    np.testing.assert_allclose(out.detach().numpy(), ref, rtol=1e-12, atol=1e-12)
    assert type(out.grad_fn).__name__ == "ConvolutionBackward0"

    def f(x, w, b):
        return F.conv_transpose2d(x, w, b, **conf)

    assert gradcheck(f, (x, w, b))
    assert gradgradcheck(f, (x, w, b))


def test_conv_transpose1d_gradients_and_module():
    rng = np.random.default_rng(5)
    x = torch.tensor(rng.normal(size=(2, 3, 5)), requires_grad=True)
    w = torch.tensor(rng.normal(size=(3, 2, 3)), requires_grad=True)
    out = F.conv_transpose1d(x, w, stride=2, padding=1, output_padding=1)
    ref = _tconv_ref(
        x.detach().numpy()[:, :, None, :],
        w.detach().numpy()[:, :, None, :],
        None,
        (1, 2),
        (0, 1),
        (0, 1),
        1,
        (1, 1),
    )[:, :, 0]
    np.testing.assert_allclose(out.detach().numpy(), ref, rtol=1e-12, atol=1e-12)
    assert gradcheck(
        lambda x, w: F.conv_transpose1d(x, w, stride=2, padding=1, output_padding=1), (x, w)
    )
    m = nn.ConvTranspose1d(3, 2, 3, stride=2)
    assert tuple(m.weight.shape) == (3, 2, 3)
    assert m(torch.ones(1, 3, 4)).shape == (1, 2, 9)
    with pytest.raises(RuntimeError, match="output padding must be smaller"):
        F.conv_transpose1d(x, w, stride=2, output_padding=2)


def test_lazy_modules_become_their_class():
    net = nn.Sequential(
        nn.LazyConv2d(4, 3, padding=1), nn.LazyBatchNorm2d(), nn.Flatten(), nn.LazyLinear(2)
    )
    params = list(net.parameters())
    assert all(isinstance(p, nn.UninitializedParameter) for p in params)
    with pytest.raises(RuntimeError, match="Can't access the shape"):
        _ = params[0].shape
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    y = net(torch.ones(2, 3, 5, 5))
    assert [type(m) for m in net] == [nn.Conv2d, nn.BatchNorm2d, nn.Flatten, nn.Linear]
    assert [tuple(p.shape) for p in net.parameters()] == [
        (4, 3, 3, 3),
        (4,),
        (4,),
        (4,),
        (2, 100),
        (2,),
    ]
    assert all(type(p) is nn.Parameter for p in params)  # the same objects, materialized
    assert net[1].running_mean.shape == (4,) and int(net[1].num_batches_tracked) == 1
    y.sum().backward()
    opt.step()
    assert all(p.grad is not None for p in params)


def test_adadelta_matches_its_formula():
    p = nn.Parameter(torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64))
    opt = torch.optim.Adadelta([p], lr=0.5, rho=0.8, eps=1e-3, weight_decay=0.1)
    v = np.zeros(3)
    u = np.zeros(3)
    x = p.detach().numpy().copy()
    for _ in range(4):
        opt.zero_grad()
        (p * p * p).sum().backward()
        opt.step()
        d = 3 * x * x + 0.1 * x
        v = 0.8 * v + 0.2 * d * d
        delta = np.sqrt(u + 1e-3) / np.sqrt(v + 1e-3) * d
        u = 0.8 * u + 0.2 * delta * delta
        x = x - 0.5 * delta
    np.testing.assert_allclose(p.detach().numpy(), x, rtol=1e-12)


def test_meshgrid_and_grad_layout():
    a = torch.arange(3.0, requires_grad=True)
    b = torch.arange(2.0, requires_grad=True)
    gx, gy = torch.meshgrid(a, b, indexing="xy")
    assert gx.shape == (2, 3) and gy.shape == (2, 3)
    (gx * gy).sum().backward()
    np.testing.assert_allclose(a.grad.numpy(), [1.0, 1.0, 1.0])  # sum of b
    np.testing.assert_allclose(b.grad.numpy(), [3.0, 3.0])  # sum of a
    w = torch.ones(4, 3, requires_grad=True)
    (torch.ones(5, 3) @ w.t()).sum().backward()
    assert w.grad.is_contiguous() and w.grad.stride() == (3, 1)
    assert w.grad.view(-1).shape == (12,)


def test_autograd_functional_against_finite_differences():
    AF = torch.autograd.functional

    def f(x, y):
        return (x.sin() * y.exp()).sum() + (x * x * y).sum()

    x0 = np.array([0.1, 0.5, -0.3])
    y0 = np.array([0.2, -0.4, 0.7])

    def fnum(x, y):
        return float(np.sum(np.sin(x) * np.exp(y)) + np.sum(x * x * y))

    h = 1e-5
    z0 = np.concatenate([x0, y0])

    def grad_num(z):
        out = np.zeros(6)
        for i in range(6):
            e = np.zeros(6)
            e[i] = h
            out[i] = (fnum(*np.split(z + e, 2)) - fnum(*np.split(z - e, 2))) / (2 * h)
        return out

    hess_num = np.zeros((6, 6))
    for i in range(6):
        e = np.zeros(6)
        e[i] = h
        hess_num[:, i] = (grad_num(z0 + e) - grad_num(z0 - e)) / (2 * h)
    xt, yt = torch.tensor(x0), torch.tensor(y0)
    H = AF.hessian(f, (xt, yt))
    full = np.block([[H[0][0].numpy(), H[0][1].numpy()], [H[1][0].numpy(), H[1][1].numpy()]])
    np.testing.assert_allclose(full, hess_num, atol=1e-5)
    J = AF.jacobian(f, (xt, yt))
    np.testing.assert_allclose(
        np.concatenate([J[0].numpy(), J[1].numpy()]), grad_num(z0), atol=1e-8
    )
    v = (
        torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64),
        torch.tensor([0.3, 0.0, 1.0], dtype=torch.float64),
    )
    vv = np.concatenate([v[0].numpy(), v[1].numpy()])
    _, hv = AF.hvp(f, (xt, yt), v)
    _, vh = AF.vhp(f, (xt, yt), v)
    np.testing.assert_allclose(
        np.concatenate([hv[0].numpy(), hv[1].numpy()]), full @ vv, rtol=1e-10
    )
    np.testing.assert_allclose(
        np.concatenate([vh[0].numpy(), vh[1].numpy()]), vv @ full, rtol=1e-10
    )
    _, jv = AF.jvp(lambda x: x.exp() * 2, xt, torch.ones(3, dtype=torch.float64))
    np.testing.assert_allclose(jv.numpy(), 2 * np.exp(x0), rtol=1e-12)
    assert not jv.requires_grad and jv.grad_fn is None


def test_squeeze_unsqueeze_gradients_as_nodes():
    x = torch.ones(3, 1, 2, requires_grad=True)
    (g,) = torch.autograd.grad(x.unsqueeze(0).exp().sum(), x, create_graph=True)
    assert type(g.grad_fn).__name__ == "SqueezeBackward1" and g.shape == (3, 1, 2)
    y = x.squeeze(1) * torch.arange(6.0).view(3, 2)
    (g,) = torch.autograd.grad((y * y).sum(), x, create_graph=True)
    assert g.shape == (3, 1, 2)
    (gg,) = torch.autograd.grad(g.sum(), x)
    np.testing.assert_allclose(gg.numpy().ravel(), 2 * np.arange(6.0) ** 2)


def test_out_keyword_writes_into_out():
    x = torch.arange(6.0).view(2, 3)
    r = torch.empty(2, 3)
    assert torch.add(x, 1, out=r) is r
    np.testing.assert_allclose(r.numpy(), x.numpy() + 1)
    v0 = r._version
    torch.mul(x, x, out=r)
    assert r._version == v0 + 1
    np.testing.assert_allclose(r.numpy(), x.numpy() ** 2)
    with pytest.warns(UserWarning, match="was resized"):
        torch.exp(x, out=torch.empty(3))
    with pytest.raises(RuntimeError, match="can't be cast to the desired output type Long"):
        torch.div(x, 2, out=torch.zeros(2, 3, dtype=torch.long))
    g = torch.ones(2, requires_grad=True)
    with pytest.raises(RuntimeError, match=r"sin\(\): functions with out=\.\.\. arguments"):
        torch.sin(g, out=torch.empty(2))
    b = torch.empty(2, dtype=torch.bool)
    assert torch.gt(g, 0.5, out=b) is b and bool(b.all())
    assert torch.add(x, 1).grad_fn is None and x.add(1).shape == (2, 3)


def test_repeat_interleave_gradients():
    x = torch.tensor(np.arange(6.0).reshape(2, 3), requires_grad=True)
    for args in [(2,), (3, 1), (torch.tensor([1, 0]), 0), (torch.tensor([2, 1, 3]), 1)]:
        y = torch.repeat_interleave(x, *args)
        reps = args[0].numpy() if isinstance(args[0], torch.Tensor) else args[0]
        axis = args[1] if len(args) > 1 else None
        np.testing.assert_array_equal(y.detach().numpy(), np.repeat(x.detach().numpy(), reps, axis))
        assert gradcheck(lambda x, a=args: torch.repeat_interleave(x, *a), (x,))


def test_linalg_cross_gradients():
    a = torch.tensor(np.array([[1.0, 2.0, 3.0], [0.5, -1.0, 2.0]]), requires_grad=True)
    b = torch.tensor(np.array([[0.0, 1.0, -1.0], [2.0, 2.0, 1.0]]), requires_grad=True)
    c = torch.linalg.cross(a, b)
    np.testing.assert_allclose(c.detach().numpy(), np.cross(a.detach().numpy(), b.detach().numpy()))
    assert type(c.grad_fn).__name__ == "LinalgCrossBackward0"
    assert gradcheck(torch.linalg.cross, (a, b))
    assert gradgradcheck(torch.linalg.cross, (a, b))
    assert gradcheck(
        lambda x, y: torch.linalg.cross(x, y, dim=0),
        (a.detach().t().requires_grad_(), b.detach().t().requires_grad_()),
    )
