"""Gradient checks for F.pad's reflect / replicate / circular modes, the padding modules
and Conv padding_mode, the pools' options (``return_indices``, ``ceil_mode``,
``count_include_pad``, ``divisor_override``), ``max_unpool``, the norms' ``p`` values,
``Embedding(max_norm=)`` and the Huber losses' second derivatives: values against numpy
float64 references, gradients against central finite differences, Hessian-vector
products through ``create_graph=True`` (the machinery of ``test_gradcheck.py``).
PyTorch's own values, names and errors: ``tests/oracle/programs/nn_padding_modes.py``,
``nn_pool_norm_more.py``."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz import nn
from autograd_viz.nn import functional as F

from .op_cases import OpCase
from .test_gradcheck import check_first_order, check_second_order, values

_NP_MODE = {"reflect": "reflect", "replicate": "edge", "circular": "wrap"}


def _np_pad(a, pad, mode):
    """numpy's padding (non-negative amounts), pad listed from the last dimension."""
    k = len(pad) // 2
    widths = [(0, 0)] * (a.ndim - k) + [
        (pad[2 * (k - 1 - j)], pad[2 * (k - 1 - j) + 1]) for j in range(k)
    ]
    return np.pad(a, widths, mode=_NP_MODE[mode])


PAD_CASES = []
for _mode in ("reflect", "replicate", "circular"):
    for _shape, _pad in (
        ((2, 3, 4), (2, 1)),
        ((3, 5), (0, 3)),
        ((1, 2, 3, 4), (1, 2, 2, 1)),
        ((2, 3, 4), (1, 0, 2, 2)),
        ((1, 2, 3, 3, 2), (1, 1, 0, 2, 2, 1)),
    ):
        PAD_CASES.append(
            (
                OpCase(
                    f"pad_{_mode}_{len(_pad) // 2}d",
                    lambda a, p=_pad, m=_mode: F.pad(a, list(p), mode=m),
                    lambda a, p=_pad, m=_mode: _np_pad(a, p, m),
                ),
                _shape,
            )
        )


@pytest.mark.parametrize("case,shape", PAD_CASES, ids=lambda c: getattr(c, "name", ""))
@pytest.mark.parametrize("seed", [0, 1])
def test_pad_modes_gradcheck(case, shape, seed):
    rng = np.random.default_rng(seed)
    xs = [values(rng, shape, "any")]
    check_first_order(case, xs, rng)
    check_second_order(case, xs, rng)


def test_pad_negative_amounts_crop_then_pad():
    x = torch.arange(12.0).reshape(1, 3, 4)
    for mode in ("reflect", "replicate", "circular"):
        y = F.pad(x, [-1, 2], mode=mode).numpy()
        ref = _np_pad(x.numpy()[..., 1:], (0, 2), mode)  # as PyTorch: crop, then pad
        np.testing.assert_array_equal(y, ref)


def test_pad_node_names():
    x = torch.ones(1, 2, 3, 4, requires_grad=True)
    assert F.pad(x[0], [1, 1], mode="reflect").grad_fn.name() == "ReflectionPad1DBackward0"
    assert F.pad(x, [1, 1, 1, 1], mode="replicate").grad_fn.name() == "ReplicationPad2DBackward0"
    assert F.pad(x, [1, 1, 1, 1], mode="circular").grad_fn.name() == ("torch::autograd::CopySlices")
    y = F.pad(x[None], [1] * 6, "replicate")
    assert y.grad_fn.name() == "ReplicationPad3DBackward0"


@pytest.mark.parametrize("mode", ["reflect", "replicate", "circular"])
def test_conv_padding_mode_is_pad_then_conv(mode):
    torch.manual_seed(0)
    conv = nn.Conv2d(2, 3, 3, padding=(1, 2), padding_mode=mode).double()
    x = torch.tensor(np.random.default_rng(0).uniform(-1, 1, (2, 2, 4, 5)), requires_grad=True)
    y = conv(x)
    ref = F.conv2d(F.pad(x, [2, 2, 1, 1], mode=mode), conv.weight, conv.bias)
    np.testing.assert_allclose(y.detach().numpy(), ref.detach().numpy(), rtol=1e-12)
    assert "padding_mode=" + mode in repr(conv)
    ok = torch.autograd.gradcheck(
        lambda a, w: F.conv2d(F.pad(a, [2, 2, 1, 1], mode=mode), w), (x, conv.weight)
    )
    assert ok
