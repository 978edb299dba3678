"""The fused LSTM layer (``nn.lstm_layer``, PyTorch's ``MkldnnRnnLayerBackward0``): its
backpropagation through time against finite differences (float64, both directions, with
and without initial states and biases), its second derivatives, which outputs a gradient
may come from, and that ``nn.LSTM`` on float32 is built from it as PyTorch's graph is."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.nn.lstm_layer import MkldnnRnnLayerBackward0, lstm_layer


def _inputs(bias=True, states=True, seed=0):
    rng = np.random.default_rng(seed)

    def t(*shape):
        return torch.tensor(rng.uniform(-0.6, 0.6, shape), requires_grad=True)

    x, wi, wh = t(4, 2, 3), t(12, 3), t(12, 3)
    bi, bh = (t(12), t(12)) if bias else (None, None)
    h0, c0 = (t(2, 3), t(2, 3)) if states else (None, None)
    return [x, wi, wh, bi, bh, h0, c0]


@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("states", [True, False])
def test_gradcheck(reverse, bias, states):
    ins = _inputs(bias, states)
    live = [i for i, v in enumerate(ins) if v is not None]

    def fn(*vals):
        full = list(ins)
        for i, v in zip(live, vals, strict=True):
            full[i] = v
        out, hy, cy = lstm_layer(*full, reverse=reverse)
        return out, hy, cy

    assert torch.autograd.gradcheck(fn, [ins[i] for i in live])


def test_gradgradcheck():
    ins = _inputs()

    def fn(x, wi, wh, bi, bh, h0, c0):
        out, _, cy = lstm_layer(x, wi, wh, bi, bh, h0, c0)
        return out, cy

    assert torch.autograd.gradgradcheck(fn, ins)


def test_gradient_from_one_output_only():
    x, wi, wh, bi, bh, h0, c0 = _inputs()
    _, hy, _ = lstm_layer(x, wi, wh, bi, bh, h0, c0)
    hy.sum().backward()
    assert x.grad is not None and c0.grad is not None
    # the last step's hidden state depends on every input step
    assert np.all(np.abs(x.grad.detach().numpy()).sum(axis=(1, 2)) > 0)


def test_node_and_edges_as_pytorch():
    m = torch.nn.LSTM(3, 4, num_layers=2)
    x = torch.randn(5, 2, 3, requires_grad=True)
    out, (hn, cn) = m(x)
    node = out.grad_fn
    assert type(node) is MkldnnRnnLayerBackward0
    assert node.name() == "MkldnnRnnLayerBackward0"
    first = node.next_functions[0][0]
    assert type(first) is MkldnnRnnLayerBackward0  # layer 2's input is layer 1's output 0
    assert first.next_functions[0][0].name() == "torch::autograd::AccumulateGrad"
    assert [nr for _, nr in hn.grad_fn.next_functions] == [1, 1]
    assert [nr for _, nr in cn.grad_fn.next_functions] == [2, 2]
    assert node.next_functions[5] == (None, 0) and node.next_functions[6] == (None, 0)


def test_float64_keeps_the_step_graph():
    m = torch.nn.LSTM(3, 4).double()
    out, _ = m(torch.randn(5, 2, 3, dtype=torch.float64))
    assert out.grad_fn.name() == "StackBackward0"


def test_second_backward_through_freed_layer_raises():
    x, wi, wh, bi, bh, h0, c0 = _inputs()
    out, _, _ = lstm_layer(x, wi, wh, bi, bh, h0, c0)
    s = out.sum()
    s.backward()
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        s.backward()
