"""The engine has two code paths: a fast one when nobody listens to events and the
instrumented one a recording uses.  They must give the same gradients, the same hook
order and the same partial state after an error, on arbitrary graphs."""

from __future__ import annotations

import gc

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import autograd_viz as torch
from autograd_viz.engine import backward, events

UNARY = ["exp", "sigmoid", "tanh", "neg", "square"]
BINARY = ["add", "mul", "sub", "matmul_t"]


def _apply(kind, a, b=None):
    if kind == "exp":
        return (a * 0.1).exp()
    if kind == "sigmoid":
        return a.sigmoid()
    if kind == "tanh":
        return a.tanh()
    if kind == "neg":
        return -a
    if kind == "square":
        return a**2
    if kind == "add":
        return a + b
    if kind == "mul":
        return a * b
    if kind == "sub":
        return a - b
    if kind == "matmul_t":
        return (a @ b.T) * 0.1
    raise AssertionError(kind)


program = st.lists(
    st.tuples(
        st.sampled_from(UNARY + BINARY),
        st.integers(0, 50),
        st.integers(0, 50),
        st.sampled_from(["none", "hook", "retain", "hook_replace"]),
    ),
    min_size=1,
    max_size=12,
)


def _run(prog, listen, leaf_hooks):
    """Build the graph described by ``prog`` on 3 leaves and backprop; return all state."""
    gc.collect()  # leaves with hooks from an earlier example must not linger
    assert leaf_hooks or not backward.HOOKED_LEAVES
    seen = []
    handle = events.subscribe(lambda kind, payload: None) if listen else None
    try:
        rng = np.random.default_rng(0)
        leaves = [torch.tensor(rng.standard_normal((3, 3)), requires_grad=True) for _ in range(3)]
        if leaf_hooks:  # leaf hooks switch backward to PyTorch's exact ready queue
            for i, leaf in enumerate(leaves):
                leaf.register_hook(lambda g, i=i: seen.append(("leaf", i, g.sum().item())))
        pool = list(leaves)
        retained = []
        for k, (op, i, j, extra) in enumerate(prog):
            a, b = pool[i % len(pool)], pool[j % len(pool)]
            out = _apply(op, a, b) if op in BINARY else _apply(op, a)
            if extra == "hook":
                out.register_hook(lambda g, k=k: seen.append(("hook", k, g.sum().item())))
            elif extra == "hook_replace":
                out.register_hook(lambda g: g * 2)
            elif extra == "retain":
                out.retain_grad()
                retained.append(out)
            pool.append(out)
        loss = sum((t.sum() for t in pool[3:]), start=torch.tensor(0.0))
        if not loss.requires_grad:
            return None
        loss.backward()
        return (
            [None if t.grad is None else t.grad.tolist() for t in leaves],
            [t.grad.tolist() for t in retained],
            seen,
        )
    finally:
        if handle is not None:
            handle.remove()


@settings(max_examples=100, deadline=None)
@given(program, st.booleans())
def test_fast_and_recorded_paths_agree(prog, leaf_hooks):
    fast = _run(prog, listen=False, leaf_hooks=leaf_hooks)
    slow = _run(prog, listen=True, leaf_hooks=leaf_hooks)
    if fast is None:
        assert slow is None
        return
    (g1, r1, s1), (g2, r2, s2) = fast, slow
    for a, b in zip(g1, g2, strict=True):
        assert (a is None) == (b is None)
        if a is not None:
            np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-6)
    for a, b in zip(r1, r2, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-6)
    assert [s[:2] for s in s1] == [s[:2] for s in s2], "hooks ran in a different order"
    np.testing.assert_allclose([s[2] for s in s1], [s[2] for s in s2], rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("listen", [False, True])
def test_error_mid_backward_leaves_pytorchs_partial_grads(listen):
    """PyTorch runs a leaf's AccumulateGrad as soon as it is ready (its sequence number is
    the largest), so a leaf used only before the failing hook already has its grad."""
    handle = events.subscribe(lambda kind, payload: None) if listen else None

    def boom(g):
        raise ValueError("hook failed")

    try:
        a = torch.tensor([1.0, 2.0], requires_grad=True)
        b = torch.tensor([3.0, 4.0], requires_grad=True)
        y = (a * b).exp()
        y.register_hook(boom)
        with pytest.raises(ValueError, match="hook failed"):
            ((y * 2).sum() + b.sum()).backward()
        assert a.grad is None and b.grad is None  # b still waits for the Mul node

        c = torch.tensor([1.0, 2.0], requires_grad=True)
        d = torch.tensor([3.0], requires_grad=True)
        y = (c * 2).exp()
        y.register_hook(boom)
        with pytest.raises(ValueError, match="hook failed"):
            (y.sum() + d.sum()).backward()
        assert c.grad is None
        assert d.grad is not None and d.grad.tolist() == [1.0]  # as torch 2.13 gives
    finally:
        if handle is not None:
            handle.remove()


def test_tanh_of_special_values_warns_about_nothing():
    """``tanh`` runs numpy's loop without switching the error state (``silent``): it must
    stay quiet on inf, nan and subnormals, under ``np.seterr(all="raise")`` too."""
    vals = [np.inf, -np.inf, np.nan, 0.0, -0.0, 1e-45, 1e-40, 3e38, -3e38, 20.0, -20.0]
    for dtype in (torch.float32, torch.float64):
        t = torch.tensor(vals * 200, dtype=dtype)  # bigger than EXACT_MAX: numpy's loop
        with np.errstate(all="raise"):
            out = t.tanh()
        assert out[0].item() == 1.0 and out[1].item() == -1.0 and np.isnan(out[2].item())


def test_leaf_grads_taken_from_the_backward_never_share_memory():
    """The first gradient of a leaf is taken (not copied) when nobody else holds it, as
    PyTorch's AccumulateGrad steals a gradient it alone holds: two leaves given the same
    gradient array (``a + b``), or a leaf and a retained non-leaf, must still own
    separate memory, and changing one in place must leave the others alone."""
    a = torch.ones(3, requires_grad=True)
    b = torch.ones(3, requires_grad=True)
    (a + b).sum().backward()
    assert not np.shares_memory(a.grad.numpy(), b.grad.numpy())
    a.grad.zero_()
    assert b.grad.tolist() == [1.0, 1.0, 1.0]

    w = torch.ones(2, 3, requires_grad=True)
    x = torch.ones(4, 2)
    h = x @ w
    h.retain_grad()
    h.sum().backward()
    assert not np.shares_memory(w.grad.numpy(), h.grad.numpy())
    w.grad.zero_()
    assert h.grad.tolist() == [[1.0] * 3] * 4
    assert w.grad.tolist() == [[0.0] * 3] * 2

    # a gradient that is a view (``t()``'s backward) is copied: the leaf owns its memory
    v = torch.ones(3, 2, requires_grad=True)
    (v.t() * 2).sum().backward()
    assert v.grad.numpy().base is None and v.grad.tolist() == [[2.0, 2.0]] * 3
