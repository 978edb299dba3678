"""``nn.RNN`` / ``nn.LSTM`` / ``nn.GRU`` on a ``PackedSequence``, as PyTorch's CPU code
runs them (``PackedLayer`` / ``ReversedPackedLayer`` in ATen's RNN.cpp): per layer and
direction the input's linear over the packed rows, then step by step a slice of it
(``SliceBackward0``) through the cell, the states of the sequences that ended cut off
(``SliceBackward0``) and concatenated at the end (``CatBackward0``); the reverse direction
starts with the shortest batch and widens its state with the initial one.  The states are
permuted by ``sorted_indices`` / ``unsorted_indices`` (``IndexSelectBackward0``)."""

from __future__ import annotations

import numpy as np

from ..engine import api as _api
from ..engine import api_more as _more
from ..engine.ops import shape as S
from ..engine.tensor import Tensor
from .layers import dropout
from .utils.rnn import PackedSequence


def _rows(t, start, stop):
    return S.SliceBackward0.apply(t, index=(slice(start, stop),))


def _slice_state(state, start, stop, lstm):
    if lstm:
        return _rows(state[0], start, stop), _rows(state[1], start, stop)
    return _rows(state, start, stop)


def _cat_states(states, lstm):
    if lstm:
        return _api.cat([s[0] for s in states], 0), _api.cat([s[1] for s in states], 0)
    return _api.cat(list(states), 0)


def _forward_layer(mod, data, sizes, state, w, lstm):
    pre = _api.linear(data, w[0], w[2])
    outs, finals = [], []
    offset, last = 0, sizes[0]
    for b in sizes:
        step = _rows(pre, offset, offset + b)
        offset += b
        if last > b:
            finals.append(_slice_state(state, b, last, lstm))
            state = _slice_state(state, 0, b, lstm)
        last = b
        state = mod._cell(None, state, w, step)
        outs.append(state[0] if lstm else state)
    finals.append(state)
    finals.reverse()
    return _api.cat(outs, 0), _cat_states(finals, lstm)


def _reverse_layer(mod, data, sizes, state0, w, lstm):
    pre = _api.linear(data, w[0], w[2])
    outs = []
    offset = data.shape[0]
    last = sizes[-1]
    state = _slice_state(state0, 0, last, lstm)
    for b in reversed(sizes):
        if b > last:
            state = _cat_states([state, _slice_state(state0, last, b, lstm)], lstm)
        step = _rows(pre, offset - b, offset)
        offset -= b
        last = b
        state = mod._cell(None, state, w, step)
        outs.append(state[0] if lstm else state)
    outs.reverse()
    return _api.cat(outs, 0), state


def _check(mod, data, hx, batch):
    if data.dim() != 2:
        raise RuntimeError(f"input must have 2 dimensions, got {data.dim()}")
    wdt = mod.weight_ih_l0.dtype
    if data.dtype != wdt:
        raise ValueError(
            f"RNN input dtype ({data.dtype}) does not match weight dtype ({wdt}). Convert "
            f"input: input.to({wdt}), or convert model: model.to({data.dtype})"
        )
    if mod.input_size != data.shape[-1]:
        raise RuntimeError(
            "input.size(-1) must be equal to input_size. Expected "
            f"{mod.input_size}, got {data.shape[-1]}"
        )
    n = mod.num_layers * (2 if mod.bidirectional else 1)
    want_h = (n, batch, mod.proj_size or mod.hidden_size)
    want_c = (n, batch, mod.hidden_size)
    lstm = mod._mode == "LSTM"
    states = (
        ((hx[0], "hidden[0]", want_h), (hx[1], "hidden[1]", want_c))
        if lstm
        else ((hx, "hidden", want_h),)
    )
    for h, what, want in states:
        if tuple(h.shape) != want:
            raise RuntimeError(f"Expected {what} size {want}, got {list(h.shape)}")


def _permute(hx, perm, lstm):
    if perm is None:
        return hx
    if lstm:
        return _more.index_select(hx[0], 1, perm), _more.index_select(hx[1], 1, perm)
    return _more.index_select(hx, 1, perm)


def packed_forward(mod, input, hx):
    """``mod(input, hx)`` for a ``PackedSequence`` ``input``: (PackedSequence, h_n) or
    (PackedSequence, (h_n, c_n))."""
    data, batch_sizes, sorted_indices, unsorted_indices = input
    sizes = [int(v) for v in batch_sizes._data]
    lstm = mod._mode == "LSTM"
    dirs = 2 if mod.bidirectional else 1
    n = mod.num_layers * dirs
    batch = sizes[0]
    dt = data._data.dtype
    if hx is None:
        real = mod.proj_size or mod.hidden_size
        hx = Tensor._make(np.zeros((n, batch, real), dtype=dt))
        if lstm:
            hx = (hx, Tensor._make(np.zeros((n, batch, mod.hidden_size), dtype=dt)))
    else:
        hx = _permute(hx, sorted_indices, lstm)
    _check(mod, data, hx, batch)
    if lstm:
        h_list, c_list = list(hx[0].unbind(0)), list(hx[1].unbind(0))
        init = list(zip(h_list, c_list, strict=True))
    else:
        init = list(hx.unbind(0))
    finals = []
    layer_in = data
    for layer in range(mod.num_layers):
        outs = []
        for d in range(dirs):
            w = mod._layer_weights(layer, d)
            run = _reverse_layer if d else _forward_layer
            out, fin = run(mod, layer_in, sizes, init[layer * dirs + d], w, lstm)
            outs.append(out)
            finals.append(fin)
        layer_in = outs[0] if dirs == 1 else _api.cat(outs, -1)
        if mod.dropout and mod.training and layer < mod.num_layers - 1:
            layer_in = dropout(layer_in, mod.dropout, True)
    if lstm:
        hidden = (
            _api.stack([f[0] for f in finals], 0),
            _api.stack([f[1] for f in finals], 0),
        )
    else:
        hidden = _api.stack(finals, 0)
    output = PackedSequence(layer_in, batch_sizes, sorted_indices, unsorted_indices)
    return output, _permute(hidden, unsorted_indices, lstm)
