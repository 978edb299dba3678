"""Unnamed results of an infix op of two named tensors are named by the expression."""

from __future__ import annotations

import autograd_viz
import autograd_viz as torch


def _tensor_names(rec):
    return [n.name for n in rec.graph.nodes.values() if n.kind == "tensor"]


def test_x_times_w_is_named_and_captions_parenthesise_it():
    with autograd_viz.record() as rec:
        x = torch.tensor([2.0])
        w = torch.tensor([3.0], requires_grad=True)
        b = torch.tensor([1.0], requires_grad=True)
        z = torch.add(torch.mul(x, w), b)
        z.backward()
    assert _tensor_names(rec) == ["x", "w", "x * w", "b", "z"]
    back = [f.caption for f in rec.frames if f.phase == "backward"]
    assert back[0].startswith("Backward through z = x * w + b:")
    assert "so x * w receives dz/d(x * w) = 1 × 1 = 1" in back[0]
    assert "Local derivative ∂(x * w)/∂w = x = 2" in back[1]


def test_precedence_decides_the_parentheses():
    with autograd_viz.record() as rec:
        a = torch.tensor([1.0, 2.0], requires_grad=True)
        c = torch.tensor([3.0, 4.0])
        y = (a - c - (a - c)).sum() + (a / (c * a)).sum() + (a + c * a).sum()
    names = _tensor_names(rec)
    for expected in ("a - c", "a - c - (a - c)", "c * a", "a / (c * a)", "a + c * a", "y"):
        assert expected in names, (expected, names)
    assert y.grad_fn is not None


def test_long_expressions_fall_back_to_the_op_name():
    with autograd_viz.record() as rec:
        alpha_long_name = torch.tensor([1.0], requires_grad=True)
        beta_long_name = torch.tensor([2.0])
        out = (alpha_long_name * beta_long_name).sum()  # noqa: F841 (the recorder names it)
    names = _tensor_names(rec)
    assert "alpha_long_name * beta_long_name" not in names  # longer than 24 characters
    assert "out" in names


def test_inplace_op_in_the_graph_reads_and_rebinds_the_tensor():
    # ``p.sigmoid_()`` with grad: the op reads p's old value and p is its result from then
    # on (it was "sigmoid = sigmoid(tensor)": an unnamed copy and an unnamed result)
    import autograd_viz as av

    with av.record() as rec:
        y = av.tensor([[0.5, -1.0]], requires_grad=True)
        p = y * 2
        p.sigmoid_()
        p.sum().backward()
    forward = [f.caption for f in rec.frames if f.phase == "forward"]
    assert forward[1].startswith("Forward: p #2 = sigmoid(p) = ")
    assert forward[2].startswith("Forward: p.sum() = (p #2).sum() = ")
    assert not any("tensor" in c for c in forward)
    assert y.grad is not None
