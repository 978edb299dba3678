"""One LSTM layer in one direction over a whole float32 sequence, as PyTorch's CPU
kernel (oneDNN) records it: ONE ``MkldnnRnnLayerBackward0`` node with the slots
(input, weight_ih, weight_hh, bias_ih, bias_hh, hx, cx) and three outputs (output, hy,
cy).  ``nn.LSTM`` on float32 is a chain of these (``StackBackward0`` of the layers' hy
and cy, ``CatBackward0`` of the two directions), so what a learner prints
(``grad_fn=<MkldnnRnnLayerBackward0>``) and walks (``next_functions``) is PyTorch's; the
gates of one step are drawn by ``nn.LSTMCell``, which PyTorch builds from ops.

The gradient is backpropagation through time, on arrays; under ``create_graph`` the
layer is differentiated again through the same steps written with the engine's ops
(``nn.rnn._lstm_cell``), so second derivatives exist as in PyTorch.
"""

from __future__ import annotations

import weakref

import numpy as np

from ..engine import backward as _backward_mod
from ..engine import events
from ..engine.function import Function, Local, _edge_of, _next_seq
from ..engine.functional_array import _is_array
from ..engine.grad_mode import STATE
from ..engine.tensor import Tensor


def _sigmoid(x):
    with np.errstate(over="ignore"):
        out = np.exp(-x)
    out += 1
    return np.reciprocal(out, out=out)


def _steps(n, reverse):
    return range(n - 1, -1, -1) if reverse else range(n)


class MkldnnRnnLayerBackward0(Function):
    op, symbol = "lstm", "LSTM"
    formula = (
        "one LSTM layer over the sequence: iₜ, fₜ, oₜ = σ(·), gₜ = tanh(·), "
        "cₜ = fₜ·cₜ₋₁ + iₜ·gₜ, hₜ = oₜ·tanh(cₜ); backward: through time, step by step"
    )
    local = (
        Local(
            (
                "backpropagation through time through the gates i, f, g, o of every step",
                "沿时间反向传播，逐步经过每一步的 i、f、g、o 四个门",
            ),
            rule=True,
        ),
    )
    _multi = True

    @staticmethod
    def backward(ctx, grads):
        if any(g is not None and not _is_array(g) for g in grads):
            return _graph_backward(ctx, grads)
        x, w_ih, w_hh, _b_ih, _b_hh, _h0, _c0, gates, cs, tcs, hs = ctx.saved_tensors
        n = ctx.needs_input_grad
        t_len, batch, _ = x.shape
        hid = w_hh.shape[1]
        dt = x.dtype
        g_out, g_hy, g_cy = grads
        dh = np.zeros((batch, hid), dt) if g_hy is None else np.array(g_hy, dt)
        dc = np.zeros((batch, hid), dt) if g_cy is None else np.array(g_cy, dt)
        d_gates = np.empty((t_len, batch, 4 * hid), dt)
        h_prev = np.empty((t_len, batch, hid), dt)
        for k, t in reversed(list(enumerate(_steps(t_len, ctx.reverse)))):
            if g_out is not None:
                dh = dh + g_out[t]
            gk = gates[k]
            i, f, g, o = (
                gk[:, :hid],
                gk[:, hid : 2 * hid],
                gk[:, 2 * hid : 3 * hid],
                gk[:, 3 * hid :],
            )
            tc = tcs[k]
            dc = dc + dh * o * (1 - tc * tc)
            dg = d_gates[t]
            dg[:, :hid] = dc * g * i * (1 - i)
            dg[:, hid : 2 * hid] = dc * cs[k] * f * (1 - f)
            dg[:, 2 * hid : 3 * hid] = dc * i * (1 - g * g)
            dg[:, 3 * hid :] = dh * tc * o * (1 - o)
            dc = dc * f
            dh = dg @ w_hh
            h_prev[t] = hs[k]
        flat = d_gates.reshape(-1, 4 * hid)
        db = flat.sum(axis=0) if (n[3] or n[4]) else None
        return (
            (flat @ w_ih).reshape(x.shape) if n[0] else None,
            flat.T @ x.reshape(-1, x.shape[2]) if n[1] else None,
            flat.T @ h_prev.reshape(-1, hid) if n[2] else None,
            db if n[3] else None,
            db if n[4] else None,
            dh if n[5] else None,
            dc if n[6] else None,
        )


def _graph_backward(ctx, grads):
    """``create_graph``: the layer's gradients as a graph, by differentiating its steps
    written with the engine's ops (the saved tensors are the layer's own inputs here)."""
    from ..autograd import grad as _grad
    from ..engine.grad_mode import enable_grad
    from .rnn import _lstm_cell

    x, w_ih, w_hh, b_ih, b_hh, h0, c0 = ctx.saved_tensors[:7]
    slots = (x, w_ih, w_hh, b_ih, b_hh, h0, c0)
    need = ctx.needs_input_grad
    with enable_grad():
        state = (h0, c0)
        outs = [None] * x.shape[0]
        for t in _steps(x.shape[0], ctx.reverse):
            state = _lstm_cell(x[t], state, w_ih, w_hh, b_ih, b_hh)
            outs[t] = state[0]
        from ..engine import api as _api

        results = (_api.stack(outs, 0), state[0], state[1])
        pairs = [(r, g) for r, g in zip(results, grads, strict=True) if g is not None]
        wanted = [(k, s) for k, s in enumerate(slots) if need[k] and s is not None]
        got = _grad(
            [r for r, _ in pairs],
            [s for _, s in wanted],
            [g if not _is_array(g) else Tensor._make(g) for _, g in pairs],
            allow_unused=True,
            create_graph=True,
        )
    out = [None] * 7
    for (k, _), r in zip(wanted, got, strict=True):
        out[k] = r
    return tuple(out)


def lstm_layer(x, w_ih, w_hh, b_ih, b_hh, h0, c0, reverse=False):
    """``(output, hy, cy)`` of one LSTM layer (``x``: (T, B, I) float32 Tensor; ``h0``,
    ``c0``: (B, H) Tensors or ``None`` for zeros), the outputs of one
    ``MkldnnRnnLayerBackward0`` node when a gradient is needed."""
    xa, wi, wh = x._data, w_ih._data, w_hh._data
    dt = xa.dtype
    t_len, batch, _ = xa.shape
    hid = wh.shape[1]
    h = np.zeros((batch, hid), dt) if h0 is None else h0._data
    c = np.zeros((batch, hid), dt) if c0 is None else c0._data
    ha, ca = h, c
    xw = (xa.reshape(-1, xa.shape[2]) @ wi.T).reshape(t_len, batch, 4 * hid)
    if b_ih is not None:
        xw += b_ih._data
        xw += b_hh._data
    out = np.empty((t_len, batch, hid), dt)
    gates = np.empty((t_len, batch, 4 * hid), dt)
    cs = np.empty((t_len, batch, hid), dt)  # c before each step (c₀ first)
    tcs = np.empty((t_len, batch, hid), dt)
    hs = np.empty((t_len, batch, hid), dt)  # h before each step
    for k, t in enumerate(_steps(t_len, reverse)):
        cs[k], hs[k] = c, h
        gk = gates[k]
        np.add(xw[t], h @ wh.T, out=gk)
        gk[:, : 2 * hid] = _sigmoid(gk[:, : 2 * hid])
        gk[:, 3 * hid :] = _sigmoid(gk[:, 3 * hid :])
        np.tanh(gk[:, 2 * hid : 3 * hid], out=gk[:, 2 * hid : 3 * hid])
        i, f, g, o = gk[:, :hid], gk[:, hid : 2 * hid], gk[:, 2 * hid : 3 * hid], gk[:, 3 * hid :]
        c = f * c + i * g
        tc = tcs[k]
        np.tanh(c, out=tc)
        h = o * tc
        out[t] = h
    ins = (x, w_ih, w_hh, b_ih, b_hh, h0, c0)
    grad = STATE.enabled and any(s is not None and s._requires_grad for s in ins)
    if not grad:
        return Tensor._make(out), Tensor._make(h), Tensor._make(c)
    node = object.__new__(MkldnnRnnLayerBackward0)
    edges = tuple(_edge_of(s) if s is not None and s._requires_grad else (None, 0) for s in ins)
    node.next_functions = edges
    node.needs_input_grad = tuple(e[0] is not None for e in edges)
    node._seq = _next_seq()
    node.reverse = reverse
    arrays = (
        xa,
        wi,
        wh,
        None if b_ih is None else b_ih._data,
        None if b_hh is None else b_hh._data,
    )
    node._saved = (*arrays, ha, ca, gates, cs, tcs, hs)
    node._saved_meta = [(k, s._vbox, s._vbox[0], s) for k, s in enumerate(ins) if s is not None]
    node._out_shapes = (out.shape, h.shape, c.shape)
    node._out_dtypes = (dt, dt, dt)
    node._shape, node._dtype = out.shape, dt
    _backward_mod.MULTI_OUTPUT.add(node)
    outs = []
    for k, v in enumerate((out, h, c)):
        o = Tensor._make(v, True, node)
        if k:
            o._output_nr = k
        outs.append(o)
    node._out_refs = {k: weakref.ref(o) for k, o in enumerate(outs)}
    if events.LISTENERS:
        node._out_ref = node._out_refs[0]
        shown = tuple(s for s in ins if s is not None)
        for o in outs:
            events.emit(
                "forward",
                node=node,
                op=MkldnnRnnLayerBackward0.op,
                cls=MkldnnRnnLayerBackward0,
                inputs=shown,
                output=o,
                kwargs={"reverse": reverse},
            )
    return tuple(outs)
