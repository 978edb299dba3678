"""User-defined ``torch.autograd.Function``: recording, several outputs, create_graph,
gradcheck (PyTorch's own values are checked by ``tests/oracle/programs/autograd_function.py``)."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz
import autograd_viz as torch
from autograd_viz.autograd.gradcheck import GradcheckError

Function = torch.autograd.Function


class MyExp(Function):
    @staticmethod
    def forward(ctx, x):
        r = x.exp()
        ctx.save_for_backward(r)
        return r

    @staticmethod
    def backward(ctx, g):
        (r,) = ctx.saved_tensors
        return g * r


class Split(Function):
    calls = 0

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * 2, x * x

    @staticmethod
    def backward(ctx, g1, g2):
        (x,) = ctx.saved_tensors
        return g1 * 2 + g2 * 2 * x


def test_recording_shows_one_op_named_by_the_class():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    with autograd_viz.record() as rec:
        y = MyExp.apply(x * 2)
        y.sum().backward()
    assert rec.internal_errors == []
    forwards = [f for f in rec.frames if f.phase == "forward"]
    assert len(forwards) == 3  # x * 2, MyExp, sum: not the exp inside forward
    assert "MyExp" in forwards[1].caption
    backs = [f for f in rec.frames if f.phase == "backward"]
    assert any("MyExp" in f.caption for f in backs)
    np.testing.assert_allclose(x.grad.numpy(), 2 * np.exp([2.0, 4.0]), rtol=1e-6)


def test_recording_and_plain_runs_agree():
    def run():
        x = torch.tensor([0.5, -1.0], requires_grad=True)
        a, b = Split.apply(MyExp.apply(x))
        (a * b).sum().backward()
        return x.grad.numpy().copy()

    plain = run()
    with autograd_viz.record() as rec:
        recorded = run()
    assert rec.internal_errors == []
    np.testing.assert_array_equal(plain, recorded)


def test_several_outputs_sum_their_gradients():
    x = torch.tensor([0.5, -1.5, 2.0], dtype=torch.float64, requires_grad=True)
    a, b = Split.apply(x)
    assert a.grad_fn.name() == b.grad_fn.name() == "SplitBackward"
    (a * 3 + b).sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), 6 + 2 * x.detach().numpy())
    assert torch.autograd.gradcheck(lambda t: Split.apply(t), (x,))


def test_create_graph_through_a_custom_function():
    x = torch.tensor([0.3, 1.1], dtype=torch.float64, requires_grad=True)
    (g,) = torch.autograd.grad(MyExp.apply(x).sum(), x, create_graph=True)
    assert g.requires_grad
    (h,) = torch.autograd.grad(g.sum(), x)
    np.testing.assert_allclose(h.numpy(), np.exp([0.3, 1.1]))
    assert torch.autograd.gradgradcheck(MyExp.apply, (x,))


def test_gradcheck_detects_a_wrong_backward():
    class Wrong(Function):
        @staticmethod
        def forward(ctx, x):
            return x * x

        @staticmethod
        def backward(ctx, g):
            return g  # should be 2 * x * g

    x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
    with pytest.raises(
        GradcheckError, match="Jacobian mismatch for output 0 with respect to input 0"
    ):
        torch.autograd.gradcheck(Wrong.apply, (x,))
    assert torch.autograd.gradcheck(Wrong.apply, (x,), raise_exception=False) is False
    assert issubclass(GradcheckError, RuntimeError)


def test_gradcheck_on_builtin_ops():
    rng = np.random.default_rng(0)
    a = torch.tensor(rng.normal(size=(2, 3)), requires_grad=True)
    b = torch.tensor(rng.normal(size=(3, 2)), requires_grad=True)
    assert torch.autograd.gradcheck(lambda u, v: (u @ v).tanh(), (a, b))
    assert torch.autograd.gradgradcheck(lambda u, v: (u @ v).sigmoid(), (a, b))
