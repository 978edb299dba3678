"""Nodes with several outputs (issue 13): ``split`` / ``chunk`` / ``unbind`` pieces and a
custom ``autograd.Function`` returning several tensors are ONE node each, as in PyTorch;
the backward engine gives it one gradient per output in one call.  PyTorch's own results
are in tests/oracle/programs/autograd_multi_output.py."""

from __future__ import annotations

import gc

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.engine import backward


def _numeric_grad(f, x, eps=1e-6):
    x = x.astype(np.float64)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        d = np.zeros_like(x)
        d[i] = eps
        g[i] = (f(x + d) - f(x - d)) / (2 * eps)
    return g


@pytest.mark.parametrize(
    "how",
    ["split2", "split_sizes", "chunk", "unbind0", "unbind1", "split_dim1"],
)
def test_pieces_gradients_match_finite_differences(how):
    rng = np.random.default_rng(1)
    x0 = rng.standard_normal((4, 3))

    def pieces(t):
        if how == "split2":
            return t.split(2)
        if how == "split_sizes":
            return torch.split(t, [1, 3])
        if how == "chunk":
            return t.chunk(3)
        if how == "unbind0":
            return t.unbind()
        if how == "unbind1":
            return torch.unbind(t, 1)
        return t.split([2, 1], dim=1)

    def f(t):  # uses the last piece twice, the first once, skips the ones between
        ps = pieces(t)
        return ((ps[-1] * ps[-1]).sum() + (ps[0] * 3).sum()) if len(ps) > 1 else ps[0].sum()

    x = torch.tensor(x0, requires_grad=True)
    f(x).backward()
    num = _numeric_grad(lambda a: float(f(torch.tensor(a)).item()), x0)
    np.testing.assert_allclose(x.grad.numpy(), num, rtol=1e-6, atol=1e-8)
    ps = pieces(x)
    assert all(p.grad_fn is ps[0].grad_fn for p in ps)
    assert [p.output_nr for p in ps] == list(range(len(ps)))


def test_one_node_one_backward_call():
    calls = []

    class Two(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2, x * 3

        @staticmethod
        def backward(ctx, ga, gb):
            calls.append((ga.tolist(), gb.tolist()))
            return ga * 2 + gb * 3

    x = torch.tensor([1.0, 2.0], requires_grad=True)
    p, s = Two.apply(x)
    assert p.grad_fn is s.grad_fn and (p.output_nr, s.output_nr) == (0, 1)
    assert (p * s).grad_fn.next_functions == ((p.grad_fn, 0), (p.grad_fn, 1))
    (p * s).sum().backward()
    assert calls == [([3.0, 6.0], [2.0, 4.0])]  # once, both gradients
    assert x.grad.tolist() == [12.0, 24.0]
    calls.clear()
    x.grad = None
    p, s = Two.apply(x)
    s.sum().backward()
    assert calls == [([0.0, 0.0], [1.0, 1.0])]  # zeros for the output without a gradient


def test_graphs_with_multi_output_nodes_take_the_general_loop(monkeypatch):
    gc.collect()
    used = []
    real = backward._run_fast
    monkeypatch.setattr(backward, "_run_fast", lambda *a: (used.append(1), real(*a))[1])
    x = torch.ones(4, requires_grad=True)
    (x * 2).sum().backward()
    assert used == [1] and not backward.MULTI_OUTPUT  # the fast loop, as before
    a, b = x.split(2)
    assert len(backward.MULTI_OUTPUT) == 1
    (a * b).sum().backward()
    assert used == [1]  # the general loop, with a buffer per output
    assert x.grad.tolist() == [2.0 + 1, 2.0 + 1, 2.0 + 1, 2.0 + 1]
    del a, b
    gc.collect()
    assert not backward.MULTI_OUTPUT


def test_piece_hooks_and_retain_grad_are_per_output():
    x = torch.arange(6.0, requires_grad=True)
    a, b, c = x.split(2)
    seen = []
    c.register_hook(lambda g: seen.append(("c", g)))
    b.register_hook(lambda g: seen.append(("b", g.tolist())))
    a.register_hook(lambda g: g * 10)
    b.retain_grad()
    (a + b * 2).sum().backward()
    assert seen == [("c", None), ("b", [2.0, 2.0])]  # registration order; None for c
    assert b.grad.tolist() == [2.0, 2.0]
    assert x.grad.tolist() == [10.0, 10.0, 2.0, 2.0, 0.0, 0.0]
    a, b, c = x.split(2)
    c.register_hook(lambda g: torch.ones(2))
    with pytest.raises(RuntimeError, match="can't replace a None gradient"):
        (a * b).sum().backward()


def test_inplace_on_a_piece_and_on_a_custom_output():
    x = torch.arange(6.0, requires_grad=True)
    _a, b, _c = x.split(2)
    with pytest.raises(RuntimeError, match="Output 1 of Split is a view"):
        b.mul_(2)

    class Two(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2, x * 3

        @staticmethod
        def backward(ctx, ga, gb):
            return ga * 2 + gb * 3

    _p, s = Two.apply(x)
    node = s.grad_fn
    s.mul_(2)  # not a view: allowed; s is output 0 of the new node now
    assert s.output_nr == 0 and s.grad_fn.next_functions[0] == (node, 1)
    (s * 1).sum().backward()
    assert x.grad.tolist() == [6.0] * 6


def test_create_graph_through_split_is_a_cat():
    x = torch.arange(6.0, requires_grad=True)
    a, b, _c = x.split(2)
    (g,) = torch.autograd.grad((a * a * b).sum(), x, create_graph=True)
    assert g.grad_fn.name() == "CatBackward0"
    assert g.tolist() == [0.0, 6.0, 0.0, 1.0, 0.0, 0.0]
    # g = [2ab, a², 0]: sum(g) = 2*a0*b0 + 2*a1*b1 + a0² + a1², a = [0, 1], b = [2, 3]
    g.sum().backward()
    assert x.grad.tolist() == [2 * 2 + 2 * 0, 2 * 3 + 2 * 1, 2 * 0, 2 * 1, 0.0, 0.0]


def test_tensor_split_pieces_are_separate_slice_nodes():
    x = torch.arange(12.0).reshape(3, 4).requires_grad_()
    a, b = x.hsplit(2)
    assert a.grad_fn is not b.grad_fn and a.grad_fn.name() == "SliceBackward0"
    assert [tuple(p.shape) for p in x.tensor_split(5)] == [(1, 4)] * 3 + [(0, 4)] * 2
    assert [tuple(p.shape) for p in x.tensor_split([-3, -1, 2])] == [(0, 4), (2, 4), (0, 4), (1, 4)]
    (a * 2 + b * b).sum().backward()
    expected = np.concatenate([np.full((3, 2), 2.0), 2 * np.arange(12.0).reshape(3, 4)[:, 2:]], 1)
    np.testing.assert_array_equal(x.grad.numpy(), expected)
    with pytest.raises(RuntimeError, match="not divisible by the split_size 3"):
        x.hsplit(3)
