"""The extra ops (``engine/ops/extra.py``, ``engine/api_extra.py``, ``nn/extra.py``,
``optim/adam.py``): finite-difference gradient checks in float64 over hypothesis
shapes, Hessian-vector products through ``create_graph=True`` (the machinery of
``test_gradcheck.py`` on an ``op_cases``-style table), plus events and a recording.

References are numpy float64 versions of the maths: nothing expected comes from the
engine.  Node names, dtypes and errors against real PyTorch are in
``tests/oracle/programs/extra_ops.py``.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import autograd_viz as torch
from autograd_viz import nn
from autograd_viz.engine import events
from autograd_viz.nn import functional as F

from .op_cases import OpCase
from .test_gradcheck import check_first_order, check_second_order, shapes_for, values


def _sig(x):
    return 1 / (1 + np.exp(-x))


def _softmax(a, axis):
    a = np.asarray(a)
    if a.ndim == 0:
        return np.ones_like(a)
    e = np.exp(a - a.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _log_softmax(a, axis):
    a = np.asarray(a)
    if a.ndim == 0:
        return np.zeros_like(a)
    s = a - a.max(axis=axis, keepdims=True)
    return s - np.log(np.exp(s).sum(axis=axis, keepdims=True))


def _targets(n, c):
    return np.arange(n) % c


def _ce_ref(a, reduction="mean"):
    lp = _log_softmax(a, 1)
    t = _targets(*a.shape)
    picked = -lp[np.arange(a.shape[0]), t]
    return {"mean": picked.mean(), "sum": picked.sum(), "none": picked}[reduction]


def _ce(a, reduction="mean"):
    t = torch.tensor(_targets(*a.shape))
    return F.cross_entropy(a, t, reduction=reduction)


_W = np.array([0.5, 2.0, 1.0])


def _nll_w(a):
    return F.nll_loss(
        torch.log_softmax(a, 1),
        torch.tensor(_targets(*a.shape)),
        weight=torch.tensor(_W[: a.shape[1]]),
    )


def _nll_w_ref(a):
    lp = _log_softmax(a, 1)
    t = _targets(*a.shape)
    w = _W[: a.shape[1]][t]
    return -(lp[np.arange(a.shape[0]), t] * w).sum() / w.sum()


def _bce_ref(x, t, reduction="mean"):
    x, t = _sig(x), _sig(t)
    loss = -(t * np.log(x) + (1 - t) * np.log(1 - x))
    return {"mean": loss.mean(), "sum": loss.sum(), "none": loss}[reduction]


def _zeroed(shape, k):
    """A constant mask with the first ``k`` entries (along the last dim) set to zero."""
    m = np.ones(shape)
    m[..., :k] = 0
    return m


CASES = [
    OpCase("sin", torch.sin, np.sin),
    OpCase("cos", lambda a: a.cos(), np.cos),
    OpCase("softmax_last", lambda a: torch.softmax(a, -1), lambda a: _softmax(a, -1)),
    OpCase("softmax_0", lambda a: a.softmax(0), lambda a: _softmax(a, 0), shapes="atleast1"),
    OpCase("F_softmax_1", lambda a: F.softmax(a, dim=1), lambda a: _softmax(a, 1), shapes="2d"),
    OpCase("log_softmax_last", lambda a: torch.log_softmax(a, -1), lambda a: _log_softmax(a, -1)),
    OpCase(
        "log_softmax_0",
        lambda a: F.log_softmax(a, dim=0),
        lambda a: _log_softmax(a, 0),
        shapes="atleast1",
    ),
    OpCase("var", lambda a: a.var(), lambda a: a.var(ddof=1), shapes="n2"),
    OpCase(
        "var_dim_corr0", lambda a: a.var(0, correction=0), lambda a: a.var(0), shapes="atleast1"
    ),
    OpCase(
        "var_keepdim",
        lambda a: torch.var(a, -1, keepdim=True),
        lambda a: a.var(-1, ddof=1, keepdims=True),
        shapes="n2",
    ),
    OpCase("std", lambda a: a.std(), lambda a: a.std(ddof=1), shapes="n2"),
    OpCase("std_dim", lambda a: torch.std(a, dim=-1), lambda a: a.std(-1, ddof=1), shapes="n2"),
    OpCase(
        "std_unbiased_false",
        lambda a: a.std(0, False, True),
        lambda a: a.std(0, keepdims=True),
        shapes="n2",
    ),
    OpCase("prod", lambda a: a.prod(), np.prod),
    OpCase("prod_dim", lambda a: a.prod(-1), lambda a: a.prod(-1), shapes="atleast1"),
    OpCase(
        "prod_keepdim",
        lambda a: torch.prod(a, 0, keepdim=True),
        lambda a: a.prod(0, keepdims=True),
        shapes="atleast1",
    ),
    OpCase(
        "prod_one_zero",
        lambda a: (a * torch.tensor(_zeroed(a.shape, 1))).prod(-1),
        lambda a: (a * _zeroed(a.shape, 1)).prod(-1),
        shapes="n2",
    ),
    OpCase(
        "prod_two_zeros_full",
        lambda a: (a * torch.tensor(_zeroed(a.shape, 2))).prod(),
        lambda a: (a * _zeroed(a.shape, 2)).prod(),
        shapes="n2",
    ),
    OpCase("norm", lambda a: a.norm(), lambda a: np.sqrt((a * a).sum()), domain="away0"),
    OpCase(
        "norm_dim",
        lambda a: torch.norm(a, dim=-1),
        lambda a: np.sqrt((a * a).sum(-1)),
        domain="away0",
        shapes="atleast1",
    ),
    OpCase(
        "norm_p1_keepdim",
        lambda a: a.norm(p=1, dim=0, keepdim=True),
        lambda a: np.abs(a).sum(0, keepdims=True),
        domain="away0",
        shapes="atleast1",
    ),
    OpCase(
        "leaky_relu",
        lambda a: F.leaky_relu(a, 0.2),
        lambda a: np.where(a > 0, a, 0.2 * a),
        domain="away0",
    ),
    OpCase("LeakyReLU", nn.LeakyReLU(), lambda a: np.where(a > 0, a, 0.01 * a), domain="away0"),
    OpCase("cross_entropy", _ce, _ce_ref, shapes="2d"),
    OpCase(
        "cross_entropy_sum",
        lambda a: nn.CrossEntropyLoss(reduction="sum")(a, torch.tensor(_targets(*a.shape))),
        lambda a: _ce_ref(a, "sum"),
        shapes="2d",
    ),
    OpCase(
        "cross_entropy_none", lambda a: _ce(a, "none"), lambda a: _ce_ref(a, "none"), shapes="2d"
    ),
    OpCase(
        "cross_entropy_1d",
        lambda a: F.cross_entropy(a, torch.tensor(0)),
        lambda a: -_log_softmax(a, 0)[0],
        shapes="1d",
    ),
    OpCase("nll_weight", _nll_w, _nll_w_ref, shapes="2d"),
    OpCase(
        "bce",
        lambda x, t: F.binary_cross_entropy(torch.sigmoid(x), torch.sigmoid(t)),
        _bce_ref,
        2,
        shapes="same",
    ),
    OpCase(
        "bce_sum",
        lambda x, t: nn.BCELoss(reduction="sum")(torch.sigmoid(x), torch.sigmoid(t)),
        lambda x, t: _bce_ref(x, t, "sum"),
        2,
        shapes="same",
    ),
    OpCase(
        "bce_none",
        lambda x, t: F.binary_cross_entropy(torch.sigmoid(x), torch.sigmoid(t), reduction="none"),
        lambda x, t: _bce_ref(x, t, "none"),
        2,
        shapes="same",
    ),
    OpCase(
        "classifier",
        lambda x, w: F.cross_entropy(
            F.leaky_relu(x @ w, 0.1), torch.tensor(_targets(x.shape[0], w.shape[1]))
        ),
        lambda x, w: _ce_ref(np.where(x @ w > 0, x @ w, 0.1 * (x @ w))),
        2,
        shapes="mm",
    ),
]

SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
dims = st.integers(1, 3)


@st.composite
def _shapes(draw, kind, arity):
    if kind == "n2":  # every dim at least 2 (var/std with a positive dof, zeros masks)
        return (tuple(draw(st.lists(st.integers(2, 3), min_size=1, max_size=3))),) * arity
    if kind == "1d":
        return ((draw(st.integers(1, 4)),),) * arity
    return draw(shapes_for(kind, arity))


def _setup(case, data):
    shapes = data.draw(_shapes(case.shapes, case.arity))
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    xs = [values(rng, s, case.domain, salt=i) for i, s in enumerate(shapes)]
    return xs, rng


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
@SETTINGS
@given(data=st.data())
def test_gradcheck_extra(case, data):
    check_first_order(case, *_setup(case, data))


@pytest.mark.parametrize("case", [c for c in CASES if c.second_order], ids=lambda c: c.name)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_second_derivative_extra(case, data):
    check_second_order(case, *_setup(case, data))


# ---------------------------------------------------------------- structure and errors


def test_grad_fn_names_and_next_functions():
    x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
    names = {
        "SinBackward0": x.sin(),
        "CosBackward0": torch.cos(x),
        "SoftmaxBackward0": x.softmax(1),
        "LogSoftmaxBackward0": F.log_softmax(x, dim=0),
        "VarBackward0": x.var(1),
        "StdBackward0": x.std(),
        "ProdBackward0": x.prod(),
        "ProdBackward1": x.prod(0),
        "LinalgVectorNormBackward0": x.norm(p=1, dim=1),
        "LeakyReluBackward0": F.leaky_relu(x),
    }
    for name, y in names.items():
        assert y.grad_fn.name() == name
        assert y.grad_fn.next_functions == ((x.grad_fn or x._get_accumulator(), 0),)
    ce = F.cross_entropy(x, torch.tensor([0, 2]))
    assert ce.grad_fn.name() == "NllLossBackward0"
    ((inner, _),) = ce.grad_fn.next_functions
    assert inner.name() == "LogSoftmaxBackward0"
    p = torch.sigmoid(x)
    bce = F.binary_cross_entropy(p, torch.ones(2, 3))
    assert bce.grad_fn.name() == "BinaryCrossEntropyBackward0"
    assert bce.grad_fn.next_functions == ((p.grad_fn, 0), (None, 0))


def test_dtypes():
    ints = torch.tensor([[1, 2], [3, 4]])
    assert torch.sin(ints).dtype == torch.float32
    assert ints.prod().dtype == torch.int64 and ints.prod().item() == 24
    assert torch.prod(ints, 1).tolist() == [2, 12]
    assert torch.softmax(ints.float(), 0, dtype=torch.float64).dtype == torch.float64
    with pytest.raises(NotImplementedError, match=r"softmax_kernel_impl.*'Long'"):
        torch.softmax(ints, 0)
    with pytest.raises(RuntimeError, match="std and var only support floating point"):
        ints.var()


def test_errors_as_pytorch():
    x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    with pytest.raises(IndexError, match=r"^Target 3 is out of bounds\.$"):
        F.cross_entropy(x, torch.tensor([0, 3]))
    with pytest.raises(
        RuntimeError, match="expected target dtype to be Long or Byte, but got Float"
    ):
        F.cross_entropy(x, torch.tensor([0.0, 1.0]))
    with pytest.raises(
        ValueError,
        match=r"Expected input batch_size \(2\) to match target "
        r"batch_size \(3\)\.",
    ):
        F.cross_entropy(x, torch.tensor([0, 1, 2]))
    with pytest.raises(RuntimeError, match="all elements of input should be between 0 and 1"):
        F.binary_cross_entropy(x, torch.ones(2, 3))
    with pytest.raises(TypeError, match='missing 1 required positional arguments: "dim"'):
        x.softmax()
    np.testing.assert_allclose(  # any order now (it raised NotImplementedError)
        x.norm(p=3).item(), (np.abs(x.detach().numpy()) ** 3).sum() ** (1 / 3), rtol=1e-6
    )


def test_implicit_softmax_dim_warns_and_picks_pytorchs_dim():
    x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        y = F.softmax(x)
    assert "Implicit dimension choice for softmax has been deprecated" in str(w[0].message)
    assert w[0].filename == __file__  # points at the learner's line
    np.testing.assert_allclose(y.sum(1).numpy(), [1.0, 1.0], rtol=1e-6)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        nn.LogSoftmax()(x)
    assert w and w[0].filename == __file__


def test_var_dof_warning():
    with pytest.warns(UserWarning, match=r"var\(\): degrees of freedom is <= 0"):
        v = torch.tensor([1.0]).var()
    assert np.isnan(v.item())


def test_prod_of_zeros_second_derivative():
    """d²(x0·x1·x2)/dx0dx1 = x2 even where x0 = x1 = 0 (the gradient is 0 there)."""
    x = torch.tensor([0.0, 0.0, 3.0], dtype=torch.float64, requires_grad=True)
    (g,) = torch.autograd.grad(x.prod(), x, create_graph=True)
    assert g.tolist() == [0.0, 0.0, 0.0]
    (h,) = torch.autograd.grad(g[0], x)
    assert h.tolist() == [0.0, 3.0, 0.0]


# ---------------------------------------------------------------- Adam


def _adam_ref(w, grads, lr, b1, b2, eps, wd=0.0):
    """Adam written out from the paper's algorithm (float64)."""
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t, g in enumerate(grads, 1):
        g = g + wd * w
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w = w - lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
    return w


def test_adam_matches_the_algorithm():
    w0 = np.array([1.0, -2.0, 0.5])
    w = torch.tensor(w0, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([w], lr=0.1, betas=(0.8, 0.9), weight_decay=0.01)
    grads = []
    for _ in range(4):
        opt.zero_grad()
        (w**3).sum().backward()
        grads.append(w.grad.numpy().copy())
        opt.step()
    # replay with the same gradients (grad depends on w, so recompute along the way)
    ref = w0.copy()
    m = np.zeros(3)
    v = np.zeros(3)
    for t in range(1, 5):
        g = 3 * ref**2 + 0.01 * ref
        m = 0.8 * m + 0.2 * g
        v = 0.9 * v + 0.1 * g * g
        ref = ref - 0.1 * (m / (1 - 0.8**t)) / (np.sqrt(v / (1 - 0.9**t)) + 1e-8)
    np.testing.assert_allclose(w.detach().numpy(), ref, rtol=1e-12)
    assert opt.state[w]["step"].item() == 4.0
    assert _adam_ref(w0, [np.ones(3)], 0.1, 0.9, 0.999, 1e-8)[0] == pytest.approx(0.9)


def test_adam_emits_the_same_events_as_sgd():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    b = torch.tensor(0.5, requires_grad=True)  # no grad: skipped, as SGD does
    opt = torch.optim.Adam([w, b], lr=0.1)
    (w**2).sum().backward()
    seen = []
    handle = events.subscribe(lambda kind, p: seen.append((kind, p)))
    try:
        before = w.detach().numpy().copy()
        opt.step()
        opt.zero_grad()
    finally:
        handle.remove()
    kinds = [k for k, _ in seen]
    assert kinds == ["optim_step", "zero_grad"]
    step = seen[0][1]
    assert step["optimizer"] is opt and step["lr"] == 0.1
    ((t, old, new, grad),) = step["params"]
    assert t is w
    np.testing.assert_array_equal(old, before)
    np.testing.assert_allclose(new, before - 0.1, rtol=1e-6)  # first Adam step: lr·sign(g)
    np.testing.assert_array_equal(grad, [2.0, 4.0])
    assert seen[1][1]["owner"] is opt and seen[1][1]["set_to_none"] is True
    assert w.grad is None


def test_recording_captions_of_softmax_cross_entropy_and_adam():
    W = torch.tensor([[0.1, -0.2], [0.3, 0.0], [-0.1, 0.2]], requires_grad=True)
    x = torch.tensor([[1.0, 2.0], [-1.0, 0.5]])
    y = torch.tensor([0, 2])
    opt = torch.optim.Adam([W], lr=0.1)
    with torch.record() as rec:
        logits = x @ W.T
        probs = torch.softmax(logits, dim=1)
        loss = F.cross_entropy(logits, y)
        loss.backward()
        opt.step()
    assert rec.internal_errors == []
    assert probs.grad_fn.name() == "SoftmaxBackward0"
    ops = [n for n in rec.graph.nodes.values() if n.kind == "op"]
    assert [n.name for n in ops][-2:] == ["softmax", "cross_entropy"]
    assert ops[-1].inner == ("LogSoftmaxBackward0", "NllLossBackward0")
    caps = [f.caption for f in rec.frames]
    assert any(c.startswith("Forward: probs = softmax(logits) = ") for c in caps)
    assert any(
        c.startswith("Forward: loss = cross_entropy(logits, y) = ")
        and "LogSoftmaxBackward0 → NllLossBackward0" in c
        for c in caps
    )
    assert any(c.startswith("Backward through loss = cross_entropy(logits, y)") for c in caps)
    upd = [f for f in rec.frames if f.phase == "update"]
    assert len(upd) == 1 and upd[0].detail["code"] == "optim:Adam"
