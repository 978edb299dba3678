"""Recurrent layers: ``RNN`` (tanh/relu), ``LSTM``, ``GRU`` (layers, bidirectional,
``batch_first``, dropout between layers, initial states, unbatched input) and the cells
``RNNCell``, ``LSTMCell``, ``GRUCell``, with the graphs PyTorch's CPU code builds: per
layer and direction the input's linear over the whole sequence, unbound per step, then
each step's cell from the engine's ops (the hidden linear plus that part; gates cut by
``unsafe_chunk``; GRU's ``(h - n)·z + n``), so a recording shows every gate; a float32
``LSTM`` is instead one ``MkldnnRnnLayerBackward0`` per layer and direction, as PyTorch's
oneDNN kernel records it (``nn.lstm_layer``).  Parameter names, shapes, gate order (LSTM:
i, f, g, o; GRU: r, z, n), initialisation bounds (±1/√hidden_size), argument checks and
results are PyTorch's."""

from __future__ import annotations

import math
import numbers
import warnings

import numpy as np

from ..engine import api as _api
from ..engine import creation
from ..engine.tensor import Tensor
from .layers import dropout
from .lstm_layer import lstm_layer
from .modules import Module
from .parameter import Parameter
from .rnn_packed import packed_forward
from .utils.rnn import PackedSequence

__all__ = ["GRU", "LSTM", "RNN", "GRUCell", "LSTMCell", "RNNCell"]


_WARNED: list = []  # an LSTM with projections was run in float32 (PyTorch's warning, once)


def _lin(x, w, b):
    return _api.linear(x, w, b)


def _rnn_tanh_cell(x, h, w_ih, w_hh, b_ih, b_hh, nonlinearity="tanh", pre=None):
    """One step as PyTorch's SimpleCell: the hidden linear plus the input's (``pre``:
    computed for the whole sequence beforehand), then tanh or relu."""
    igates = _lin(x, w_ih, b_ih) if pre is None else pre
    s = _api.add(_lin(h, w_hh, b_hh), igates)
    return _api.tanh(s) if nonlinearity == "tanh" else _api.relu(s)


def _lstm_cell(x, hc, w_ih, w_hh, b_ih, b_hh, w_hr=None, pre=None):
    """One step as PyTorch's LSTMCell: gates = hidden linear + input's, cut by
    ``unsafe_chunk`` into i, f, g, o; c' = f·c + i·g, h' = o·tanh(c') (projected by
    ``w_hr`` when given: h' @ w_hrᵀ)."""
    h, c = hc
    igates = _lin(x, w_ih, b_ih) if pre is None else pre
    gates = _api.add(_lin(h, w_hh, b_hh), igates)
    i, f, g, o = gates.unsafe_chunk(4, 1)
    i, f, g, o = _api.sigmoid(i), _api.sigmoid(f), _api.tanh(g), _api.sigmoid(o)
    c2 = _api.add(_api.mul(f, c), _api.mul(i, g))
    h2 = _api.mul(o, _api.tanh(c2))
    if w_hr is not None:
        h2 = _api.matmul(h2, w_hr.t())
    return h2, c2


def _gru_cell(x, h, w_ih, w_hh, b_ih, b_hh, pre=None):
    """One step as PyTorch's GRUCell: r, z = σ(hidden's + input's), n = tanh(input's +
    hidden's·r), h' = (h − n)·z + n."""
    ig = (_lin(x, w_ih, b_ih) if pre is None else pre).unsafe_chunk(3, 1)
    hg = _lin(h, w_hh, b_hh).unsafe_chunk(3, 1)
    r = _api.sigmoid(_api.add(hg[0], ig[0]))
    z = _api.sigmoid(_api.add(hg[1], ig[1]))
    n = _api.tanh(_api.add(ig[2], _api.mul(hg[2], r)))
    return _api.add(_api.mul(_api.sub(h, n), z), n)


def _check_sizes(input_size, hidden_size, num_layers, bias, batch_first, dropout):
    """RNNBase.__init__'s argument checks, in its order."""
    if (
        not isinstance(dropout, numbers.Number)
        or isinstance(dropout, bool)
        or not 0 <= dropout <= 1
    ):
        raise ValueError(
            "dropout should be a number in range [0, 1] representing the probability of "
            "an element being zeroed"
        )
    for name, v, kind in (
        ("bias", bias, bool),
        ("batch_first", batch_first, bool),
        ("input_size", input_size, int),
        ("hidden_size", hidden_size, int),
    ):
        if not isinstance(v, kind):
            raise TypeError(f"{name} should be of type {kind.__name__}, got: {type(v).__name__}")
        if kind is int and v <= 0:
            raise ValueError(f"{name} must be greater than zero")
    if num_layers <= 0:
        raise ValueError("num_layers must be greater than zero")


class _RNNBase(Module):
    _gates = 1
    _mode = "RNN"

    def __init__(
        self,
        input_size,
        hidden_size,
        num_layers=1,
        bias=True,
        batch_first=False,
        dropout=0.0,
        bidirectional=False,
        proj_size=0,
        device=None,
        dtype=None,
        nonlinearity=None,
    ):
        super().__init__()
        if nonlinearity is None:
            nonlinearity = "tanh"
        elif self._mode != "RNN":
            raise TypeError("RNNBase.__init__() got an unexpected keyword argument 'nonlinearity'")
        _check_sizes(input_size, hidden_size, num_layers, bias, batch_first, dropout)
        if proj_size < 0:
            raise ValueError(
                "proj_size should be a positive integer or zero to disable projections"
            )
        if proj_size and proj_size >= hidden_size:
            raise ValueError("proj_size has to be smaller than hidden_size")
        if proj_size and self._mode != "LSTM":
            raise ValueError("proj_size argument is only supported for LSTM, not RNN or GRU")
        if not 0 <= dropout <= 1:
            raise ValueError(
                "dropout should be a number in range [0, 1] representing the probability of "
                "an element being zeroed"
            )
        if dropout > 0 and num_layers == 1:
            warnings.warn(
                "dropout option adds dropout after all but last recurrent layer, so non-zero "
                f"dropout expects num_layers greater than 1, but got dropout={dropout} and "
                f"num_layers={num_layers}",
                stacklevel=3,
            )
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.bias = bias
        self.batch_first = batch_first
        self.dropout = float(dropout)
        self.bidirectional = bidirectional
        self.proj_size = proj_size
        self.nonlinearity = nonlinearity
        npd = np.float64 if dtype is not None and dtype.name == "float64" else np.float32
        k = 1.0 / math.sqrt(hidden_size) if hidden_size > 0 else 0.0
        rng = creation._rng[0]
        dirs = 2 if bidirectional else 1
        gh = self._gates * hidden_size
        real = proj_size or hidden_size  # the size of h (an LSTM's projections: proj_size)
        self._flat_names = []
        for layer in range(num_layers):
            for d in range(dirs):
                sfx = f"_l{layer}" + ("_reverse" if d else "")
                ins = input_size if layer == 0 else real * dirs
                shapes = [("weight_ih", (gh, ins)), ("weight_hh", (gh, real))]
                if bias:
                    shapes += [("bias_ih", (gh,)), ("bias_hh", (gh,))]
                if proj_size:
                    shapes += [("weight_hr", (proj_size, hidden_size))]
                for name, shape in shapes:
                    arr = rng.uniform_t(shape, npd, -k, k)
                    setattr(self, name + sfx, Parameter(Tensor._make(arr)))
                    self._flat_names.append(name + sfx)

    @property
    def _flat_weights_names(self):
        """The parameter names in PyTorch's order (layer, direction, ih / hh / biases)."""
        return list(self._flat_names)

    @property
    def _flat_weights(self):
        return [getattr(self, n) for n in self._flat_names]

    def flatten_parameters(self):
        """PyTorch packs the weights into one buffer for cuDNN; on the CPU it does nothing
        (d2l's BiRNN calls it in every forward)."""
        return None

    @property
    def _all_weights(self):
        """The names per layer and direction (``d2l`` and others iterate these)."""
        groups = self.num_layers * (2 if self.bidirectional else 1)
        k = len(self._flat_names) // groups
        return [self._flat_names[i * k : (i + 1) * k] for i in range(groups)]

    @property
    def all_weights(self):
        return [[getattr(self, n) for n in names] for names in self._all_weights]

    def _cell(self, x, state, w, pre=None):
        raise NotImplementedError

    def _zeros(self, n, like, size=None):
        size = size or self.proj_size or self.hidden_size
        return Tensor._make(np.zeros((n, size), dtype=like._data.dtype))

    def forward(self, input, hx=None):
        if isinstance(input, PackedSequence):  # (nn.rnn_packed: PyTorch's PackedLayer)
            return packed_forward(self, input, hx)
        is_lstm = self._mode == "LSTM"
        unbatched = input.dim() == 2
        if input.dim() not in (2, 3):
            word = " tensor" if self._mode == "RNN" else ""  # (PyTorch's own wordings)
            raise ValueError(
                f"{self._mode}: Expected input to be 2D or 3D, got {input.dim()}D{word} instead"
            )
        x = _api.unsqueeze(input, 1 if not self.batch_first else 0) if unbatched else input
        if hx is not None:
            hx = self._unbatched_hx(hx, unbatched)
        self._check_args(x, hx)
        if self.batch_first:
            x = _api.transpose(x, 0, 1)
        if x.shape[0] == 0:
            raise RuntimeError("Expected sequence length to be larger than 0 in RNN")
        fused = is_lstm and x._data.dtype == np.float32 and x._data.size
        if fused and self.proj_size and not _WARNED:  # (PyTorch warns once a process)
            _WARNED.append(True)
            warnings.warn(
                "LSTM with projections is not supported with oneDNN. Using default implementation.",
                UserWarning,
                stacklevel=2,
            )
        if fused and not self.proj_size:
            if self.batch_first:
                x = _api.contiguous(x)
            output, finals = self._layers(x, self._fused_direction(hx))
        else:
            output, finals = self._layers(x, self._steps_direction(x, hx))
        if self.batch_first:  # (RNN/GRU in place, as PyTorch's _rnn_impl: TransposeBackward1)
            output = _api.transpose(output, 0, 1) if is_lstm else output.transpose_(0, 1)
        states = [_api.stack([f[k] for f in finals], 0) for k in (0, 1)] if is_lstm else None
        h_n = states[0] if is_lstm else _api.stack(finals, 0)
        if unbatched:
            output = _api.squeeze(output, 1 if not self.batch_first else 0)
            h_n = _api.squeeze(h_n, 1)
        if is_lstm:
            c_n = _api.squeeze(states[1], 1) if unbatched else states[1]
            return output, (h_n, c_n)
        return output, h_n

    def _layers(self, x, one):
        """The layer stack: ``one(layer_in, weights, idx, d)`` runs one layer in one
        direction (``d`` 1: reverse; ``idx``: its place in the states) and returns its
        output and final state; the directions' outputs are concatenated, dropout between
        layers when training.  Returns the last output and the final states in order."""
        dirs = 2 if self.bidirectional else 1
        finals = []
        layer_in = x
        for layer in range(self.num_layers):
            outs = []
            for d in range(dirs):
                out, fin = one(layer_in, self._layer_weights(layer, d), layer * dirs + d, d)
                outs.append(out)
                finals.append(fin)
            layer_in = outs[0] if dirs == 1 else _api.cat(outs, 2)
            if self.dropout and self.training and layer < self.num_layers - 1:
                layer_in = dropout(layer_in, self.dropout, True)
        return layer_in, finals

    def _steps_direction(self, x, hx):
        """One layer and direction as PyTorch's FullLayer: the input's part of every step
        at once (a linear over the sequence, unbound), then the cell step by step; the
        initial states unbound from ``hx`` (zeros without)."""
        is_lstm = self._mode == "LSTM"
        seq_len, n = x.shape[0], x.shape[1]
        count = self.num_layers * (2 if self.bidirectional else 1)
        if hx is None:
            h0 = [self._zeros(n, x) for _ in range(count)]
            c0 = [self._zeros(n, x, self.hidden_size) for _ in range(count)] if is_lstm else None
        else:
            hh, cc = hx if is_lstm else (hx, None)
            h0 = list(hh.unbind(0))
            c0 = list(cc.unbind(0)) if cc is not None else None

        def one(layer_in, w, idx, d):
            state = (h0[idx], c0[idx]) if is_lstm else h0[idx]
            pre = _lin(layer_in, w[0], w[2]).unbind(0)
            outs = [None] * seq_len
            for t in range(seq_len - 1, -1, -1) if d else range(seq_len):
                state = self._cell(None, state, w, pre[t])
                outs[t] = state[0] if is_lstm else state
            return _api.stack(outs, 0), state

        return one

    def _fused_direction(self, hx):
        """One layer and direction of a float32 LSTM as PyTorch's CPU kernel records it:
        one ``MkldnnRnnLayerBackward0`` (``nn.lstm_layer``), its initial states selected
        from ``hx``."""

        def one(layer_in, w, idx, d):
            h0 = c0 = None
            if hx is not None:
                h0, c0 = hx[0].select(0, idx), hx[1].select(0, idx)
            out, hy, cy = lstm_layer(layer_in, *w, h0, c0, reverse=bool(d))
            return out, (hy, cy)

        return one

    def _layer_weights(self, layer, d):
        """weight_ih, weight_hh, bias_ih, bias_hh (``None`` without biases) of a layer and
        direction (``d`` 1: reverse)."""
        sfx = f"_l{layer}" + ("_reverse" if d else "")
        w = [getattr(self, "weight_ih" + sfx), getattr(self, "weight_hh" + sfx)]
        if self.bias:
            return [*w, getattr(self, "bias_ih" + sfx), getattr(self, "bias_hh" + sfx)]
        return [*w, None, None]

    def _unbatched_hx(self, hx, unbatched):
        """``hx`` checked against the input's batching (PyTorch's messages), with the
        batch dim added for an unbatched input."""
        if self._mode == "LSTM":
            h, c = hx[0], hx[1]
            if h.dim() != (2 if unbatched else 3) or c.dim() != (2 if unbatched else 3):
                kind = "unbatched 2-D" if unbatched else "batched 3-D"
                raise RuntimeError(
                    f"For {kind} input, hx and cx should also be {2 if unbatched else 3}-D but "
                    f"got ({h.dim()}-D, {c.dim()}-D) tensors"
                )
            return (_api.unsqueeze(h, 1), _api.unsqueeze(c, 1)) if unbatched else (h, c)
        if hx.dim() != (2 if unbatched else 3):
            kind = "unbatched 2-D" if unbatched else "batched 3-D"
            raise RuntimeError(
                f"For {kind} input, hx should also be {2 if unbatched else 3}-D but got "
                f"{hx.dim()}-D tensor"
            )
        return _api.unsqueeze(hx, 1) if unbatched else hx

    def _check_args(self, x, hx):
        """PyTorch's ``check_forward_args``: the input's dtype and size, the states' sizes."""
        wdt = self.weight_ih_l0.dtype
        if x.dtype != wdt:
            raise ValueError(
                f"RNN input dtype ({x.dtype}) does not match weight dtype ({wdt}). Convert "
                f"input: input.to({wdt}), or convert model: model.to({x.dtype})"
            )
        if self.input_size != x.shape[-1]:
            raise RuntimeError(
                "input.size(-1) must be equal to input_size. Expected "
                f"{self.input_size}, got {x.shape[-1]}"
            )
        if hx is None:
            return
        batch = x.shape[0] if self.batch_first else x.shape[1]
        n = self.num_layers * (2 if self.bidirectional else 1)
        want_h = (n, batch, self.proj_size or self.hidden_size)
        want_c = (n, batch, self.hidden_size)
        states = (
            ((hx[0], "hidden[0]", want_h), (hx[1], "hidden[1]", want_c))
            if self._mode == "LSTM"
            else ((hx, "hidden", want_h),)
        )
        for h, what, want in states:
            if tuple(h.shape) != want:
                raise RuntimeError(f"Expected {what} size {want}, got {list(h.shape)}")

    def extra_repr(self) -> str:
        s = f"{self.input_size}, {self.hidden_size}"
        if self.proj_size != 0:
            s += f", proj_size={self.proj_size}"
        if self.num_layers != 1:
            s += f", num_layers={self.num_layers}"
        if self.bias is not True:
            s += f", bias={self.bias}"
        if self.batch_first is not False:
            s += f", batch_first={self.batch_first}"
        if self.dropout != 0:
            s += f", dropout={self.dropout}"
        if self.bidirectional is not False:
            s += f", bidirectional={self.bidirectional}"
        return s


# (the name of PyTorch's, whose argument errors RNN(...) shows)
if hasattr(_RNNBase.__init__.__code__, "co_qualname"):  # (Python 3.11+)
    _RNNBase.__init__.__code__ = _RNNBase.__init__.__code__.replace(co_qualname="RNNBase.__init__")
_RNNBase.__init__.__qualname__ = "RNNBase.__init__"


class RNN(_RNNBase):
    _gates = 1
    _mode = "RNN"

    def __init__(self, *args, **kwargs):
        nl = kwargs.pop("nonlinearity", "tanh")
        if nl not in ("tanh", "relu"):
            raise ValueError(f"Unknown nonlinearity '{nl}'. Select from 'tanh' or 'relu'.")
        super().__init__(*args, nonlinearity=nl, **kwargs)

    def _cell(self, x, h, w, pre=None):
        return _rnn_tanh_cell(x, h, *w, self.nonlinearity, pre)


class LSTM(_RNNBase):
    _gates = 4
    _mode = "LSTM"

    def _cell(self, x, hc, w, pre=None):
        return _lstm_cell(x, hc, *w[:4], w[4] if len(w) > 4 else None, pre)

    def _layer_weights(self, layer, d):
        w = super()._layer_weights(layer, d)
        if self.proj_size:  # (weight_hr: the projection of h)
            w.append(getattr(self, f"weight_hr_l{layer}" + ("_reverse" if d else "")))
        return w


class GRU(_RNNBase):
    _gates = 3
    _mode = "GRU"

    def _cell(self, x, h, w, pre=None):
        return _gru_cell(x, h, *w, pre)


class _CellBase(Module):
    _gates = 1

    def __init__(
        self, input_size, hidden_size, bias=True, nonlinearity="tanh", device=None, dtype=None
    ):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.bias = bias
        self.nonlinearity = nonlinearity
        npd = np.float64 if dtype is not None and dtype.name == "float64" else np.float32
        k = 1.0 / math.sqrt(hidden_size) if hidden_size > 0 else 0.0
        rng = creation._rng[0]
        gh = self._gates * hidden_size
        shapes = [("weight_ih", (gh, input_size)), ("weight_hh", (gh, hidden_size))]
        if bias:
            shapes += [("bias_ih", (gh,)), ("bias_hh", (gh,))]
        else:
            self.register_parameter("bias_ih", None)
            self.register_parameter("bias_hh", None)
        for name, shape in shapes:
            setattr(self, name, Parameter(Tensor._make(rng.uniform_t(shape, npd, -k, k))))

    def _w(self):
        return self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh

    def _step(self, input, hx, cell):
        """PyTorch's cell ``forward``: the dims checked, an unbatched (1-D) input and its
        state given a batch dim of 1 (removed from the result), zeros for no state."""
        name = type(self).__name__
        if input.dim() not in (1, 2):
            raise ValueError(f"{name}: Expected input to be 1D or 2D, got {input.dim()}D instead")
        lstm = self._gates == 4
        states = () if hx is None else (hx if lstm else (hx,))
        if lstm and hx is not None and (isinstance(hx, Tensor) or len(hx) != 2):
            if input.dim() == 2:
                if isinstance(hx, Tensor):
                    raise TypeError(
                        "lstm_cell(): argument 'hx' (position 2) must be tuple of Tensors, "
                        "not Tensor"
                    )
                raise RuntimeError("lstm_cell expects two hidden states")
            states = tuple(hx)
        for k, v in enumerate(states):
            if v.dim() not in (1, 2):
                what = f"hx[{k}]" if lstm else "hidden"
                raise ValueError(f"{name}: Expected {what} to be 1D or 2D, got {v.dim()}D instead")
        batched = input.dim() == 2
        x = input if batched else _api.unsqueeze(input, 0)
        if hx is None:
            states = (self._zero(x), self._zero(x)) if lstm else (self._zero(x),)
        elif not batched:
            states = tuple(_api.unsqueeze(v, 0) for v in states)
        # (PyTorch's check_rnn_cell_forward_input / _hidden)
        if x.shape[1] != self.input_size:
            raise RuntimeError(
                f"input has inconsistent input_size: got {x.shape[1]} expected {self.input_size}"
            )
        for k, v in enumerate(states):
            if v.shape[0] != x.shape[0]:
                raise RuntimeError(
                    f"Input batch size {x.shape[0]} doesn't match hidden{k} batch size {v.shape[0]}"
                )
            if v.shape[1] != self.hidden_size:
                raise RuntimeError(
                    f"hidden{k} has inconsistent hidden_size: got {v.shape[1]}, expected "
                    f"{self.hidden_size}"
                )
        out = cell(x, states if lstm else states[0])
        if batched:
            return out
        if lstm:
            return _api.squeeze(out[0], 0), _api.squeeze(out[1], 0)
        return _api.squeeze(out, 0)

    def _zero(self, input):
        shape = (*input.shape[:-1], self.hidden_size)
        return Tensor._make(np.zeros(shape, dtype=input._data.dtype))

    def extra_repr(self) -> str:
        s = f"{self.input_size}, {self.hidden_size}"
        if self.bias is not True:
            s += f", bias={self.bias}"
        if self.nonlinearity != "tanh":
            s += f", nonlinearity={self.nonlinearity}"
        return s


class RNNCell(_CellBase):
    def forward(self, input, hx=None):
        return self._step(
            input, hx, lambda x, h: _rnn_tanh_cell(x, h, *self._w(), self.nonlinearity)
        )


class LSTMCell(_CellBase):
    _gates = 4

    def forward(self, input, hx=None):
        return self._step(input, hx, lambda x, hc: _lstm_cell(x, hc, *self._w()))


class GRUCell(_CellBase):
    _gates = 3

    def forward(self, input, hx=None):
        return self._step(input, hx, lambda x, h: _gru_cell(x, h, *self._w()))
