"""Gradient checks for ``F.adaptive_max_pool1d`` / ``adaptive_max_pool2d`` (first and
second order through ``autograd.gradcheck`` / ``gradgradcheck`` in float64) and their
values against a plain numpy loop over PyTorch's adaptive windows.  PyTorch's own values,
graphs and errors: ``tests/oracle/programs/nn_spatial_more.py``."""

from __future__ import annotations

import math

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.autograd import gradcheck, gradgradcheck
from autograd_viz.nn import functional as F


def _x(shape, seed=0):
    rng = np.random.default_rng(seed)
    return torch.tensor(rng.standard_normal(shape), requires_grad=True)


@pytest.mark.parametrize(
    "shape,size",
    [((1, 2, 5, 7), (2, 3)), ((2, 1, 4, 4), 3), ((3, 5, 6), (6, 2)), ((1, 1, 3, 3), 1)],
)
def test_adaptive_max_pool2d(shape, size):
    x = _x(shape)
    assert gradcheck(lambda t: F.adaptive_max_pool2d(t, size), (x,))
    assert gradgradcheck(lambda t: F.adaptive_max_pool2d(t, size), (x,))
    oh, ow = (size, size) if isinstance(size, int) else size
    a = x.detach().numpy()
    h, w = a.shape[-2:]
    y, idx = F.adaptive_max_pool2d(x, size, return_indices=True)
    for i in range(oh):
        for j in range(ow):
            r0, r1 = i * h // oh, math.ceil((i + 1) * h / oh)
            c0, c1 = j * w // ow, math.ceil((j + 1) * w / ow)
            win = a[..., r0:r1, c0:c1]
            np.testing.assert_array_equal(y.detach().numpy()[..., i, j], win.max(axis=(-2, -1)))
            flat = a.reshape(*a.shape[:-2], -1)
            picked = np.take_along_axis(flat, idx.numpy()[..., i, j].reshape(*a.shape[:-2], 1), -1)
            np.testing.assert_array_equal(picked[..., 0], win.max(axis=(-2, -1)))


@pytest.mark.parametrize("shape,size", [((2, 3, 7), 3), ((3, 5), 8)])
def test_adaptive_max_pool1d(shape, size):
    x = _x(shape, 1)
    assert gradcheck(lambda t: F.adaptive_max_pool1d(t, size), (x,))
    assert gradgradcheck(lambda t: F.adaptive_max_pool1d(t, size), (x,))


@pytest.mark.parametrize("mode", ["sum", "mean", "max"])
@pytest.mark.parametrize("padding_idx", [None, 2])
def test_embedding_bag_gradcheck(mode, padding_idx):
    w = _x((6, 3), 2)
    inp = torch.tensor([1, 2, 4, 5, 4, 3, 2, 0])
    off = torch.tensor([0, 3, 3, 5])

    def f(t):
        return F.embedding_bag(inp, t, off, mode=mode, padding_idx=padding_idx)

    assert gradcheck(f, (w,))
    assert gradgradcheck(f, (w,))
    # against the definition, bag by bag
    a, y = w.detach().numpy(), f(w).detach().numpy()
    ends = [3, 3, 5, 8]
    for b, (s, e) in enumerate(zip([0, 3, 3, 5], ends, strict=True)):
        rows = [a[i] for i in inp.tolist()[s:e] if i != padding_idx]
        if not rows:
            want = np.zeros(3)
        else:
            want = {"sum": np.sum, "mean": np.mean, "max": np.max}[mode](rows, axis=0)
        np.testing.assert_allclose(y[b], want, rtol=1e-12)


def test_embedding_bag_per_sample_weights_gradcheck():
    w = _x((5, 2), 3)
    psw = _x((6,), 4)
    inp = torch.tensor([0, 4, 4, 1, 3, 2])
    off = torch.tensor([0, 2, 5])

    def f(t, p):
        return F.embedding_bag(inp, t, off, mode="sum", per_sample_weights=p, padding_idx=1)

    assert gradcheck(f, (w, psw))


def test_embedding_bag_scale_grad_by_freq():
    """Each row's gradient divided by how often its index occurs in the input (the
    documented rule; PyTorch 2.13's CPU kernel takes the counts at other positions)."""
    w = torch.ones(5, 2, requires_grad=True)
    inp = torch.tensor([1, 2, 4, 4, 4, 3, 2, 0])
    F.embedding_bag(
        inp, w, torch.tensor([0, 3, 5]), mode="sum", scale_grad_by_freq=True
    ).sum().backward()
    counts = np.bincount(inp.numpy(), minlength=5)
    np.testing.assert_allclose(w.grad.numpy()[:, 0], np.where(counts > 0, 1.0, 0.0))


@pytest.mark.parametrize(
    "kw",
    [
        dict(),
        dict(stride=(1, 2, 1), padding=1),
        dict(dilation=(2, 1, 1), groups=2),
        dict(padding="same"),
    ],
)
def test_conv3d_gradcheck(kw):
    x = _x((1, 2, 4, 3, 3), 5)
    w = _x((2, 2 // kw.get("groups", 1), 2, 2, 2), 6)
    b = _x((2,), 7)
    assert gradcheck(lambda a, k, c: F.conv3d(a, k, c, **kw), (x, w, b))
    assert gradgradcheck(lambda a, k, c: F.conv3d(a, k, c, **kw), (x, w, b))


def test_conv3d_as_sum_of_conv2d():
    """A 3-D convolution is the sum over the kernel's depth of 2-D convolutions."""
    x = _x((2, 3, 4, 5, 5), 8)
    w = _x((4, 3, 2, 3, 3), 9)
    y = F.conv3d(x, w, padding=(0, 1, 1)).detach().numpy()
    for d in range(y.shape[2]):
        want = sum(
            F.conv2d(x[:, :, d + k], w[:, :, k], padding=1).detach().numpy() for k in range(2)
        )
        np.testing.assert_allclose(y[:, :, d], want, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("mode", ["bilinear", "nearest"])
@pytest.mark.parametrize("padding_mode", ["zeros", "border", "reflection"])
@pytest.mark.parametrize("align_corners", [False, True])
def test_grid_sample_gradcheck(mode, padding_mode, align_corners):
    x = _x((2, 2, 3, 4), 10)
    rng = np.random.default_rng(11)
    # points away from the kinks (integer positions, borders) where the slope jumps
    g = rng.uniform(-1.3, 1.3, (2, 3, 2, 2))
    grid = torch.tensor(g, requires_grad=mode == "bilinear")

    def f(a, gr):
        return F.grid_sample(a, gr, mode, padding_mode, align_corners)

    assert gradcheck(f, (x, grid), atol=1e-5)


@pytest.mark.parametrize("align_corners", [False, True])
def test_affine_grid_gradcheck(align_corners):
    theta = _x((2, 2, 3), 12)
    assert gradcheck(lambda t: F.affine_grid(t, (2, 1, 3, 4), align_corners), (theta,))
    assert gradgradcheck(lambda t: F.affine_grid(t, (2, 1, 3, 4), align_corners), (theta,))
