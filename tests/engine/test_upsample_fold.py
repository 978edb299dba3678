"""Gradient checks for ``F.interpolate`` (nearest, nearest-exact, linear, bilinear,
trilinear), ``F.pixel_shuffle`` / ``pixel_unshuffle`` and ``F.unfold`` / ``F.fold``: finite
differences through ``autograd.gradcheck`` and ``gradgradcheck`` in float64, and values
against plain numpy references.  PyTorch's own values, graphs and errors:
``tests/oracle/programs/nn_upsample_fold.py``."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.autograd import gradcheck, gradgradcheck
from autograd_viz.nn import functional as F


def _x(shape, seed=0):
    rng = np.random.default_rng(seed)
    return torch.tensor(rng.standard_normal(shape), requires_grad=True)


INTERP = [
    ((1, 2, 3, 4), dict(scale_factor=2)),
    ((1, 2, 3, 4), dict(size=(5, 3))),
    ((1, 1, 4, 5), dict(scale_factor=0.6, mode="nearest-exact")),
    ((1, 2, 3, 4), dict(scale_factor=2, mode="bilinear")),
    ((1, 2, 3, 4), dict(size=(5, 7), mode="bilinear", align_corners=True)),
    ((2, 1, 4, 3), dict(size=(2, 2), mode="bilinear")),
    ((2, 2, 5), dict(size=8, mode="linear")),
    ((2, 2, 5), dict(scale_factor=0.5, mode="linear", align_corners=True)),
    ((1, 1, 2, 3, 2), dict(size=(3, 4, 3), mode="trilinear")),
    ((1, 1, 2, 3, 2), dict(scale_factor=2)),
]


@pytest.mark.parametrize("shape,kw", INTERP, ids=[str(k) for _, k in INTERP])
def test_interpolate_gradcheck(shape, kw):
    x = _x(shape)
    assert gradcheck(lambda t: F.interpolate(t, **kw), (x,))
    assert gradgradcheck(lambda t: F.interpolate(t, **kw), (x,))


def test_bilinear_values_against_formula():
    """align_corners=True: the output grid spans the input's corners exactly."""
    a = np.arange(12.0).reshape(1, 1, 3, 4)
    y = F.interpolate(torch.tensor(a), size=(5, 7), mode="bilinear", align_corners=True)
    rows = np.linspace(0, 2, 5)
    cols = np.linspace(0, 3, 7)
    want = rows[:, None] * 4 + cols[None, :]  # (a is linear in both indices)
    np.testing.assert_allclose(y.detach().numpy()[0, 0], want, atol=1e-12)


def test_nearest_values():
    a = np.arange(6.0).reshape(1, 1, 2, 3)
    y = F.interpolate(torch.tensor(a), scale_factor=2).numpy()
    np.testing.assert_array_equal(y[0, 0], a[0, 0].repeat(2, 0).repeat(2, 1))


@pytest.mark.parametrize("shape,r", [((1, 8, 2, 3), 2), ((2, 9, 1, 2), 3), ((2, 2, 4, 2, 2), 2)])
def test_pixel_shuffle_gradcheck(shape, r):
    x = _x(shape, 1)
    assert gradcheck(lambda t: F.pixel_shuffle(t, r), (x,))
    assert gradgradcheck(lambda t: F.pixel_shuffle(t, r), (x,))
    y = F.pixel_shuffle(x, r)
    np.testing.assert_array_equal(F.pixel_unshuffle(y, r).detach().numpy(), x.detach().numpy())
    # the definition: out[c, h*r + i, w*r + j] = in[c*r*r + i*r + j, h, w]
    a, b = x.detach().numpy(), y.detach().numpy()
    c, h, w = 0, a.shape[-2] - 1, a.shape[-1] - 1
    for i in range(r):
        for j in range(r):
            assert (
                b[..., c, h * r + i, w * r + j].tolist()
                == a[..., c * r * r + i * r + j, h, w].tolist()
            )


FOLD = [
    ((1, 2, 4, 5), dict(kernel_size=2)),
    ((2, 1, 5, 4), dict(kernel_size=(2, 3), stride=2, padding=1)),
    ((1, 2, 5, 5), dict(kernel_size=2, dilation=(2, 1), stride=(1, 2))),
    ((2, 4, 4), dict(kernel_size=3, padding=1)),
]


@pytest.mark.parametrize("shape,kw", FOLD, ids=[str(k) for _, k in FOLD])
def test_unfold_fold_gradcheck(shape, kw):
    x = _x(shape, 2)
    hw = shape[-2:]
    assert gradcheck(lambda t: F.unfold(t, **kw), (x,))
    assert gradgradcheck(lambda t: F.unfold(t, **kw), (x,))
    cols = _x(tuple(F.unfold(x, **kw).shape), 3)
    assert gradcheck(lambda t: F.fold(t, hw, **kw), (cols,))
    assert gradgradcheck(lambda t: F.fold(t, hw, **kw), (cols,))


def test_unfold_is_the_windows_and_fold_its_adjoint():
    """unfold's columns are the kernel-sized windows; <unfold(x), c> = <x, fold(c)>."""
    rng = np.random.default_rng(4)
    a = rng.standard_normal((1, 2, 4, 5))
    cols = F.unfold(torch.tensor(a), (2, 3)).numpy()
    # block (row 1, col 2) is column 1 * 3 + 2; its rows: channel, kernel row, kernel col
    np.testing.assert_array_equal(cols[0, :, 1 * 3 + 2], a[0, :, 1:3, 2:5].reshape(-1))
    c = rng.standard_normal(cols.shape)
    folded = F.fold(torch.tensor(c), (4, 5), (2, 3)).numpy()
    np.testing.assert_allclose((cols * c).sum(), (a * folded).sum())
