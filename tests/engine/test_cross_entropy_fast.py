"""``F.cross_entropy``'s usual call (a batch of logits, int64 class indices, mean) builds
its two nodes in one function (``ops.extra.cross_entropy_nodes``), and
``LogSoftmaxBackward0`` takes the row sums of the gradient that call's
``NllLossBackward0`` sent without summing them.  Everything must be what the general
path gives, bit for bit: ``nll_loss(log_softmax(x, 1), y)`` (separate calls) and the
recorded path (a listener), with hooks that change the gradient in between, a zero
output gradient, ``retain_graph`` and ``create_graph``."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz as torch
import autograd_viz.nn.functional as F
from autograd_viz.engine import events

# (rows, classes, dtype): float32 outside the exact route (more than 256 values), on it
# (PyTorch's kernels followed), float64, one row
CASES = [(32, 27, np.float32), (8, 5, np.float32), (20, 16, np.float64), (1, 3, np.float32)]


def _bits(a):
    a = np.asarray(a)
    return a.view(np.uint32 if a.dtype == np.float32 else np.uint64).tolist()


def _data(n, c, dt, seed):
    rng = np.random.default_rng(seed)
    x = (rng.standard_normal((n, c)) * rng.uniform(0.5, 4)).astype(dt)
    return x, rng.integers(0, c, n)


def _add_one_in_place(grad_inputs, grad_outputs):
    grad_inputs[0].add_(1)


def _run(x, y, how, hook=None, gradient=None):
    xt = torch.tensor(x, requires_grad=True)
    yt = torch.tensor(y)
    handle = events.subscribe(lambda kind, payload: None) if how == "recorded" else None
    try:
        if how == "separate":
            loss = F.nll_loss(F.log_softmax(xt, 1), yt)
        else:
            loss = F.cross_entropy(xt, yt)
        nll = loss.grad_fn
        ls = nll.next_functions[0][0]
        saved = _bits(ls._saved_result.detach().numpy())
        if hook == "prehook":  # on LogSoftmaxBackward0: the gradient it receives changes
            ls.register_prehook(lambda go: (go[0] * 3,))
        elif hook == "posthook":  # on NllLossBackward0: the gradient it sends changes
            nll.register_hook(lambda gi, go: (gi[0] * 0.5 + 1,))
        elif hook == "posthook_inplace":  # (the same array, changed)
            nll.register_hook(_add_one_in_place)
        loss.backward(gradient)
        return (
            _bits(loss.detach().numpy()),
            _bits(xt.grad.numpy()),
            (nll.name(), ls.name(), ls.next_functions[0][0].name()),
            saved,
        )
    finally:
        if handle is not None:
            handle.remove()


@pytest.mark.parametrize("n,c,dt", CASES)
@pytest.mark.parametrize("hook", [None, "prehook", "posthook", "posthook_inplace"])
def test_fast_path_matches_the_general_paths_bit_for_bit(n, c, dt, hook):
    for seed in range(5):
        x, y = _data(n, c, dt, seed)
        fast = _run(x, y, "fast", hook)
        assert fast == _run(x, y, "separate", hook)
        assert fast == _run(x, y, "recorded", hook)
        assert fast[2] == (
            "NllLossBackward0",
            "LogSoftmaxBackward0",
            "torch::autograd::AccumulateGrad",
        )


@pytest.mark.parametrize("n,c,dt", CASES)
def test_zero_and_scaled_output_gradients(n, c, dt):
    x, y = _data(n, c, dt, 7)
    for g in (0.0, -0.0, 2.5, float("inf")):
        gradient = torch.tensor(g, dtype=torch.float64 if dt == np.float64 else torch.float32)
        with np.errstate(invalid="ignore"):
            fast = _run(x, y, "fast", gradient=gradient)
            assert fast == _run(x, y, "separate", gradient=gradient), g


@pytest.mark.parametrize("n,c,dt", CASES)
def test_retain_graph_and_create_graph(n, c, dt):
    x, y = _data(n, c, dt, 3)
    got = []
    for how in ("fast", "separate"):
        xt = torch.tensor(x, requires_grad=True)
        yt = torch.tensor(y)
        loss = F.cross_entropy(xt, yt) if how == "fast" else F.nll_loss(F.log_softmax(xt, 1), yt)
        loss.backward(retain_graph=True)
        loss.backward()  # accumulated: twice the gradient
        (g,) = torch.autograd.grad(
            F.cross_entropy(xt, yt) if how == "fast" else F.nll_loss(F.log_softmax(xt, 1), yt),
            xt,
            create_graph=True,
        )
        (gg,) = torch.autograd.grad((g * g).sum(), xt)
        got.append((_bits(xt.grad.numpy()), _bits(g.detach().numpy()), _bits(gg.numpy())))
    assert got[0] == got[1]
