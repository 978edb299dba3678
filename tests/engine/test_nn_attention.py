"""First and second derivatives (``gradcheck`` / ``gradgradcheck``, float64) of
``F.scaled_dot_product_attention`` (autograd_viz/nn/attention.py): the fused node and the
math path; PyTorch's own values, node names and errors are in
``tests/oracle/programs/nn_sdpa_transformer.py``."""

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


def _qkv(*lead, L=3, S=4, E=2, hk=None):
    klead = lead if hk is None else (*lead[:-1], hk)
    return _x(*lead, L, E), _x(*klead, S, E, k=0.7), _x(*klead, S, E, k=2.1)


MASK = torch.tensor(
    [[True, False, True, True], [False, False, False, False], [True, True, False, True]]
)


@pytest.mark.parametrize(
    "kw",
    [
        {},
        {"is_causal": True},
        {"attn_mask": MASK},
        {"scale": 0.3},
        {"attn_mask": MASK, "is_causal": True},
    ],
)
def test_fused_first_derivatives(kw):
    q, k, v = _qkv(2, 2)
    out = F.scaled_dot_product_attention(q, k, v, **kw)
    assert type(out.grad_fn).__name__ == "ScaledDotProductFlashAttentionForCpuBackward0"
    assert gradcheck(lambda a, b, c: F.scaled_dot_product_attention(a, b, c, **kw), (q, k, v))


def test_fused_gqa():
    q, k, v = _qkv(1, 4, hk=2)
    f = lambda a, b, c: F.scaled_dot_product_attention(a, b, c, enable_gqa=True)  # noqa: E731
    assert type(f(q, k, v).grad_fn).__name__ == "ScaledDotProductFlashAttentionForCpuBackward0"
    assert gradcheck(f, (q, k, v))


def test_fused_has_no_double_backward():
    q, k, v = _qkv(1, 1)
    (g,) = torch.autograd.grad(F.scaled_dot_product_attention(q, k, v).sum(), q, create_graph=True)
    with pytest.raises(RuntimeError, match="flash_attention_for_cpu_backward is not implemented"):
        g.sum().backward()


@pytest.mark.parametrize(
    "kw",
    [
        {},
        {"is_causal": True},
        {"attn_mask": MASK},
        {"scale": -0.6},
        {"attn_mask": torch.tensor(np.cos(np.arange(12.0)).reshape(3, 4))},
    ],
)
def test_math_path_first_and_second(kw):
    q, k, v = _qkv(2)
    f = lambda a, b, c: F.scaled_dot_product_attention(a, b, c, **kw)  # noqa: E731
    assert type(f(q, k, v).grad_fn).__name__ == "UnsafeViewBackward0"
    assert gradcheck(f, (q, k, v))
    assert gradgradcheck(f, (q, k, v))


def test_math_path_mask_gradient():
    q, k, v = _qkv(2)
    m = _x(3, 4, k=0.4)
    f = lambda a, b, c, d: F.scaled_dot_product_attention(a, b, c, attn_mask=d)  # noqa: E731
    assert gradcheck(f, (q, k, v, m))
    assert gradgradcheck(f, (q, k, v, m))


def test_math_path_matches_fused():
    q, k, v = _qkv(2, 2)
    fused = F.scaled_dot_product_attention(q, k, v, attn_mask=MASK)
    math = F.scaled_dot_product_attention(q[0], k[0], v[0], attn_mask=MASK)
    assert np.allclose(fused[0].detach().numpy(), math.detach().numpy(), rtol=1e-12)


def test_safe_softmax_dead_row():
    q, k, v = _qkv(2)
    out = F.scaled_dot_product_attention(q, k, v, attn_mask=MASK)
    assert np.all(out.detach().numpy()[:, 1] == 0)
    out.sum().backward()
    assert np.all(np.isfinite(q.grad.numpy()))
    assert np.all(q.grad.numpy()[:, 1] == 0)
