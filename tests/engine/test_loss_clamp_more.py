"""cross_entropy with ``label_smoothing`` and class-probability targets, nll_loss /
cross_entropy of (N, C, d1, ...) inputs, and clamp with tensor bounds: values against
numpy float64 references of the maths (nothing expected comes from the engine), gradients
against finite differences (``gradcheck`` / ``gradgradcheck`` in float64), node structure
and a recording.  PyTorch's own values, names and errors are in the oracle programs
``nn_cross_entropy_more`` and ``ops_clamp_tensor``.
"""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.nn import functional as F

gradcheck = torch.autograd.gradcheck
gradgradcheck = torch.autograd.gradgradcheck


def _logsm(x, axis):
    m = x.max(axis=axis, keepdims=True)
    return x - m - np.log(np.exp(x - m).sum(axis=axis, keepdims=True))


def _ref_smooth(x, t, eps, w=None, ignore=-100, reduction="mean"):
    """Label smoothing by its definition: the target distribution (1-eps)·onehot + eps/C."""
    lp = _logsm(x, 1)
    n, c = x.shape
    w = np.ones(c) if w is None else w
    keep = t != ignore
    safe = np.where(keep, t, 0)
    nll = -lp[np.arange(n), safe] * w[safe] * keep
    smooth = -(lp * w).sum(1) * keep
    if reduction == "none":
        return (1 - eps) * nll + eps / c * smooth
    den = (w[safe] * keep).sum() if reduction == "mean" else 1.0
    return ((1 - eps) * nll.sum() + eps / c * smooth.sum()) / den


X = np.cos(np.arange(20.0).reshape(5, 4) * 0.7) * 2
T = np.array([0, 2, 1, 3, 2])
W = np.array([1.0, 2.0, 0.5, 3.0])


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("ignore", [-100, 2])
def test_label_smoothing_values_and_grads(reduction, weighted, ignore):
    x = torch.tensor(X, requires_grad=True)
    w = torch.tensor(W) if weighted else None
    kw = dict(weight=w, ignore_index=ignore, reduction=reduction, label_smoothing=0.3)
    y = F.cross_entropy(x, torch.tensor(T), **kw)
    ref = _ref_smooth(X, T, 0.3, W if weighted else None, ignore, reduction)
    np.testing.assert_allclose(y.detach().numpy(), ref, rtol=1e-12)
    assert y.grad_fn.name() == "AddBackward0"
    assert gradcheck(lambda a: F.cross_entropy(a, torch.tensor(T), **kw), (x,))
    assert gradgradcheck(lambda a: F.cross_entropy(a, torch.tensor(T), **kw), (x,))


def test_label_smoothing_zero_and_negative_are_the_plain_loss():
    x = torch.tensor(X, dtype=torch.float32)
    t = torch.tensor(T)
    plain = F.cross_entropy(x, t)
    for eps in (0.0, -0.5):
        y = F.cross_entropy(x, t, label_smoothing=eps)
        assert y.grad_fn is None and y.item() == plain.item()
    with pytest.raises(
        RuntimeError, match=r"^label_smoothing must be between 0.0 and 1.0. Got: 2$"
    ):
        F.cross_entropy(x, t, label_smoothing=2.0)


def _ref_probs(x, p, eps=0.0, w=None, reduction="mean", axis=1):
    c = x.shape[axis]
    p = p * (1 - eps) + eps / c if eps > 0 else p
    shape = [1] * x.ndim
    shape[axis] = c
    w = np.ones(c) if w is None else w
    per = -(_logsm(x, axis) * p * w.reshape(shape)).sum(axis)
    if reduction == "none":
        return per
    return per.sum() / (x.size // c if reduction == "mean" else 1)


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("eps", [0.0, 0.2])
def test_probability_targets(reduction, eps):
    p = np.exp(_logsm(np.sin(np.arange(20.0).reshape(5, 4)) * 3, 1))
    x = torch.tensor(X, requires_grad=True)
    pt = torch.tensor(p, requires_grad=True)
    kw = dict(reduction=reduction, label_smoothing=eps, weight=torch.tensor(W))
    y = F.cross_entropy(x, pt, **kw)
    np.testing.assert_allclose(y.detach().numpy(), _ref_probs(X, p, eps, W, reduction), rtol=1e-12)
    names = {"mean": "DivBackward1", "sum": "NegBackward0", "none": "NegBackward0"}
    assert y.grad_fn.name() == names[reduction]
    # both the logits and the target get gradients
    assert gradcheck(lambda a, b: F.cross_entropy(a, b, **kw), (x, pt))
    assert gradgradcheck(lambda a, b: F.cross_entropy(a, b, **kw), (x, pt))


def test_probability_targets_spatial():
    x = np.sin(np.arange(24.0).reshape(2, 3, 4) * 0.3)
    p = np.exp(_logsm(np.cos(np.arange(24.0).reshape(2, 3, 4)), 1))
    a = torch.tensor(x, requires_grad=True)
    y = F.cross_entropy(a, torch.tensor(p), reduction="none")
    np.testing.assert_allclose(y.detach().numpy(), _ref_probs(x, p, reduction="none"))
    assert y.shape == (2, 4)
    assert gradcheck(lambda t: F.cross_entropy(t, torch.tensor(p)), (a,))


def _ref_nll_nd(lp, t, w=None, ignore=-100, reduction="mean"):
    c = lp.shape[1]
    w = np.ones(c) if w is None else w
    rows = np.moveaxis(lp, 1, -1).reshape(-1, c)
    tf = t.reshape(-1)
    keep = tf != ignore
    safe = np.where(keep, tf, 0)
    per = -rows[np.arange(len(tf)), safe] * w[safe] * keep
    if reduction == "none":
        return per.reshape(t.shape)
    return per.sum() / ((w[safe] * keep).sum() if reduction == "mean" else 1.0)


XS = np.sin(np.arange(60.0).reshape(3, 4, 5) * 0.37) * 3
TS = np.array([[0, 1, 2, 3, 1], [3, 3, 0, 2, 1], [1, 0, 0, 2, 3]])


@pytest.mark.parametrize("shape", [(3, 4, 5), (3, 4, 5, 1), (3, 4, 1, 5), (3, 4, 5, 1, 1)])
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("weighted", [False, True])
def test_nll_loss_spatial(shape, reduction, weighted):
    tshape = (shape[0], *shape[2:])
    x = torch.tensor(XS.reshape(shape), requires_grad=True)
    t = torch.tensor(TS.reshape(tshape))
    kw = dict(weight=torch.tensor(W) if weighted else None, ignore_index=3, reduction=reduction)
    y = F.cross_entropy(x, t, **kw)
    ref = _ref_nll_nd(
        _logsm(XS.reshape(shape), 1), TS.reshape(tshape), W if weighted else None, 3, reduction
    )
    np.testing.assert_allclose(y.detach().numpy(), ref, rtol=1e-12)
    assert y.shape == np.shape(ref)
    node = y.grad_fn if reduction != "none" or len(shape) == 4 else y.grad_fn.next_functions[0][0]
    assert node.name() == "NllLoss2DBackward0"
    assert gradcheck(lambda a: F.cross_entropy(a, t, **kw), (x,))
    assert gradgradcheck(lambda a: F.cross_entropy(a, t, **kw), (x,))


def test_nll_loss_spatial_float32_equals_rows():
    """The (N, C, L) loss is the 2-D loss of its positions taken as rows (PyTorch's order)."""
    x = torch.tensor(XS, dtype=torch.float32, requires_grad=True)
    rows = x.transpose(1, 2).reshape(-1, 4)
    for red in ("mean", "sum"):
        a = F.cross_entropy(x, torch.tensor(TS), reduction=red)
        b = F.cross_entropy(rows, torch.tensor(TS).reshape(-1), reduction=red)
        assert a.item() == b.item()
    a.backward()
    g = x.grad.clone()
    x.grad = None
    b.backward()
    # (log_softmax's backward along dim 1 vs along rows: the same up to rounding)
    np.testing.assert_allclose(g.numpy(), x.grad.numpy(), rtol=1e-6, atol=1e-7)


def test_nll_loss_spatial_non_contiguous_and_errors():
    x = torch.tensor(XS, requires_grad=True)
    y = F.nll_loss(x.transpose(1, 2), torch.tensor(TS[:, :4]))
    assert [n.name() for n in (y.grad_fn, y.grad_fn.next_functions[0][0])] == [
        "NllLoss2DBackward0",
        "ViewBackward0",
    ]
    assert y.grad_fn.next_functions[0][0].next_functions[0][0].name() == "CloneBackward0"
    with pytest.raises(RuntimeError, match=r"^Expected target size \[3, 5\], got \[3, 4\]$"):
        F.nll_loss(x, torch.tensor(TS[:, :4]))
    with pytest.raises(IndexError, match=r"^Target 4 is out of bounds\.$"):
        F.nll_loss(x, torch.tensor(TS + 2))
    with pytest.raises(RuntimeError, match="only batches of spatial targets supported"):
        F.nll_loss(x.reshape(3, 4, 5, 1), torch.tensor(TS))


def _ref_clamp_grads(a, lo, hi):
    ga = ((a >= lo) & (a <= hi)).astype(float)
    gl = ((a < lo) & (lo < hi)).astype(float)
    gh = ((a > hi) | (hi < lo)).astype(float)
    return ga, gl, gh


def test_clamp_tensor_bounds_values_and_grads():
    a = np.array([[-2.0, 0.5, 1.0, 3.0], [4.0, -1.0, 2.0, 2.5]])
    lo = np.array([-1.0, 1.0, 3.0, 0.0])
    hi = np.array([[2.0], [0.5]])
    x, l, h = (torch.tensor(v, requires_grad=True) for v in (a, lo, hi))
    y = torch.clamp(x, l, h)
    np.testing.assert_array_equal(y.detach().numpy(), np.minimum(np.maximum(a, lo), hi))
    assert y.grad_fn.name() == "ClampBackward0" and len(y.grad_fn.next_functions) == 3
    y.sum().backward()
    ga, gl, gh = _ref_clamp_grads(*np.broadcast_arrays(a, lo, hi))
    np.testing.assert_array_equal(x.grad.numpy(), ga)
    np.testing.assert_array_equal(l.grad.numpy(), gl.sum(0))
    np.testing.assert_array_equal(h.grad.numpy(), gh.sum(1, keepdims=True))
    # away from ties, finite differences agree
    a2 = torch.tensor(
        [[-2.0, 0.5, 1.3, 3.0], [4.0, -1.0, 2.2, 2.5]], dtype=torch.float64, requires_grad=True
    )
    assert gradcheck(lambda u, v, w: torch.clamp(u, v, w), (a2, l, h))
    assert gradcheck(lambda u, v: u.clamp(min=v), (a2, l))
    assert gradcheck(lambda u, w: torch.clip(u, max=w), (a2, h))


def test_clamp_inplace_with_tensor_bounds():
    lo = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
    w = torch.tensor([3.0, -1.0, 2.5])
    w.clamp_(lo)
    assert w.tolist() == [3.0, 1.0, 2.5]
    assert w.grad_fn.name() == "ClampBackward0"
    w.sum().backward()
    assert lo.grad.tolist() == [0.0, 1.0, 0.0]
    with pytest.raises(RuntimeError, match=r"doesn't match the broadcast shape \[2, 3\]"):
        torch.zeros(3).clamp_(torch.zeros(2, 3))
    with pytest.raises(
        RuntimeError, match="result type Float can't be cast to the desired output type Long"
    ):
        torch.zeros(3, dtype=torch.long).clamp_(torch.zeros(3))
    with pytest.raises(TypeError, match=r"clamp\(\) received an invalid combination"):
        torch.clamp(torch.zeros(3), torch.zeros(3), 1.0)


def test_recording_label_smoothing_is_one_cross_entropy_op():
    W_ = torch.tensor([[0.1, -0.2], [0.3, 0.0], [-0.1, 0.2]], requires_grad=True)
    x = torch.tensor([[1.0, 2.0], [-1.0, 0.5]])
    with torch.record() as rec:
        loss = F.cross_entropy(x @ W_.T, torch.tensor([0, 2]), label_smoothing=0.1)
        loss.backward()
    assert rec.internal_errors == []
    ops = [n for n in rec.graph.nodes.values() if n.kind == "op"]
    assert ops[-1].name == "cross_entropy"
    assert W_.grad is not None and W_.grad.shape == (3, 2)


def test_every_target_ignored_gives_nan_loss_and_zero_grads():
    for kw in ({}, {"label_smoothing": 0.2}, {"weight": torch.tensor([1.0, 2.0, 3.0])}):
        a = torch.ones(2, 3, requires_grad=True)
        y = F.cross_entropy(a, torch.tensor([1, 1]), ignore_index=1, **kw)
        assert np.isnan(y.item())
        y.backward()
        np.testing.assert_array_equal(a.grad.numpy(), np.zeros((2, 3)))


def test_masked_fill_grad_is_zero_under_the_mask_even_for_inf():
    a = torch.ones(3, requires_grad=True)
    s = a * 1
    s.masked_fill_(torch.tensor([True, False, True]), 0.0)
    (s.sum() / torch.tensor(0.0)).backward()  # an infinite incoming gradient
    assert a.grad.tolist() == [0.0, float("inf"), 0.0]


def test_recording_clamp_with_one_tensor_bound_names_it():
    x = torch.tensor([0.0, 1.0, 2.0, 3.0], requires_grad=True)
    hi = torch.tensor(2.0, requires_grad=True)
    with torch.record() as rec:
        c = torch.clamp(x, max=hi)
        c.sum().backward()
    assert rec.internal_errors == []
    caps = [f.caption for f in rec.frames]
    assert caps[0] == "Forward: c = clamp(x, max=hi) = clamp([0, 1, 2, 3], max=2) = [0, 1, 2, 2]."
    assert hi.grad.item() == 1.0 and x.grad.tolist() == [1.0, 1.0, 1.0, 0.0]
