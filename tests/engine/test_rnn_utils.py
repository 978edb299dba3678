"""Gradient checks for ``torch.nn.utils.rnn`` (pad / pack / unpack, including the packing
node's gradient under ``create_graph=True``) and for RNN / LSTM / GRU on packed sequences:
finite differences through ``autograd.gradcheck`` / ``gradgradcheck`` in float64, and the
packed run against the same RNN run on each sequence alone.  PyTorch's values, graphs and
errors: ``tests/oracle/programs/nn_rnn_utils.py``."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz import nn
from autograd_viz.autograd import gradcheck, gradgradcheck

R = nn.utils.rnn


def _seqs(rng, lengths, d=2):
    return [
        torch.tensor(rng.standard_normal((n, d)), dtype=torch.float64, requires_grad=True)
        for n in lengths
    ]


@pytest.mark.parametrize("batch_first", [False, True])
@pytest.mark.parametrize("side", ["right", "left"])
def test_pad_sequence_gradcheck(batch_first, side):
    xs = _seqs(np.random.default_rng(0), (3, 1, 2))

    def f(*s):
        return R.pad_sequence(list(s), batch_first, 0.5, side)

    assert gradcheck(f, tuple(xs))
    assert gradgradcheck(f, tuple(xs))


@pytest.mark.parametrize("batch_first", [False, True])
@pytest.mark.parametrize("enforce_sorted", [False, True])
def test_pack_unpack_gradcheck(batch_first, enforce_sorted):
    rng = np.random.default_rng(1)
    lengths = [4, 2, 2, 1] if enforce_sorted else [2, 4, 1, 2]
    shape = (4, 4, 3)  # (T, B, D) or (B, T, D): both 4
    x = torch.tensor(rng.standard_normal(shape), requires_grad=True)

    def pack(x):
        return R.pack_padded_sequence(x, lengths, batch_first, enforce_sorted).data

    def roundtrip(x):
        ps = R.pack_padded_sequence(x, lengths, batch_first, enforce_sorted)
        return R.pad_packed_sequence(ps, batch_first, -1.0, total_length=5)[0]

    for f in (pack, roundtrip):
        assert gradcheck(f, (x,))
        assert gradgradcheck(f, (x,))


def test_pack_padded_values():
    x = torch.arange(12.0).reshape(3, 2, 2)  # (T, B, D)
    ps = R.pack_padded_sequence(x, [3, 1])
    assert ps.batch_sizes.tolist() == [2, 1, 1]
    assert ps.data.tolist() == [[0, 1], [2, 3], [4, 5], [8, 9]]
    out, lengths = R.pad_packed_sequence(ps)
    assert lengths.tolist() == [3, 1]
    assert out[:, 1].tolist() == [[2, 3], [0, 0], [0, 0]]


@pytest.mark.parametrize("cls", [nn.RNN, nn.GRU, nn.LSTM])
@pytest.mark.parametrize("kw", [{}, {"bidirectional": True}, {"num_layers": 2}])
def test_packed_rnn_matches_separate_runs(cls, kw):
    """Each sequence of a packed batch gives what the RNN gives on it alone."""
    torch.manual_seed(0)
    m = cls(2, 3, dtype=torch.float64, **kw)
    xs = _seqs(np.random.default_rng(2), (2, 4, 1))
    out, state = m(R.pack_sequence(xs, enforce_sorted=False))
    padded, lengths = R.pad_packed_sequence(out, batch_first=True)
    h = state[0] if isinstance(state, tuple) else state
    for k, x in enumerate(xs):
        o1, s1 = m(x.unsqueeze(1))
        h1 = s1[0] if isinstance(s1, tuple) else s1
        n = x.shape[0]
        np.testing.assert_allclose(padded[k, :n].detach().numpy(), o1[:, 0].detach().numpy())
        np.testing.assert_allclose(h[:, k].detach().numpy(), h1[:, 0].detach().numpy())
        assert lengths[k].item() == n


@pytest.mark.parametrize("cls", [nn.RNN, nn.GRU, nn.LSTM])
def test_packed_rnn_gradcheck(cls):
    torch.manual_seed(1)
    m = cls(2, 2, bidirectional=True, dtype=torch.float64)
    xs = _seqs(np.random.default_rng(3), (3, 1, 2))

    def f(*s):
        out, state = m(R.pack_sequence(list(s), enforce_sorted=False))
        h = state[0] if isinstance(state, tuple) else state
        return out.data, h

    assert gradcheck(f, tuple(xs))
