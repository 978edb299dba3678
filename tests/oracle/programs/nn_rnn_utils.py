# torch.nn.utils.rnn (pad_sequence, pack_padded_sequence, pad_packed_sequence,
# pack_sequence, unpad_sequence, unpack_sequence, PackedSequence) and RNN / LSTM / GRU on
# packed sequences, as RNN teaching code uses them (padded batches of names or sentences)
R = torch.nn.utils.rnn


def seq(n, k, d=2):
    return (torch.sin(torch.arange(n * d, dtype=torch.float64) * 0.7 + k)).float().reshape(n, d)


a = seq(3, 0.0).requires_grad_()
b = seq(2, 1.0).requires_grad_()
c = seq(1, 2.0).requires_grad_()
weights = torch.arange(1.0, 19.0).reshape(3, 3, 2)

# pad_sequence: time-first / batch-first, padding value and side
p = R.pad_sequence([a, b, c])
check("pad", p)
check("pad_graph", graph(p.grad_fn))
(p * weights).sum().backward()
check("pad_grads", [a.grad, b.grad, c.grad])
a.grad = b.grad = c.grad = None
check("pad_bf", R.pad_sequence([a, b, c], batch_first=True))
check("pad_value", R.pad_sequence([a, b, c], padding_value=-1.5))
pl = R.pad_sequence([a, b, c], batch_first=True, padding_side="left")
check("pad_left", pl)
(pl * weights).sum().backward()
check("pad_left_grads", [a.grad, b.grad, c.grad])
a.grad = b.grad = c.grad = None
check("pad_1d", R.pad_sequence([torch.tensor([1, 2, 3]), torch.tensor([4])]))
check("pad_3d", R.pad_sequence([torch.ones(2, 2, 2), torch.zeros(1, 2, 2)], True, 9.0))
check("pad_tensor", R.pad_sequence(torch.arange(6.0).reshape(2, 3)))
check("pad_dtype", R.pad_sequence([torch.ones(2), torch.ones(1, dtype=torch.float64)]))
check("pad_broadcast", R.pad_sequence([torch.ones(2, 3), torch.full((1, 1), 5.0)]))
raises("pad_not_iterable", lambda: R.pad_sequence(3))
raises("pad_empty", lambda: R.pad_sequence([]))
raises("pad_sizes", lambda: R.pad_sequence([torch.zeros(2, 3), torch.zeros(2, 4)]))
raises("pad_side", lambda: R.pad_sequence([torch.zeros(2, 3)], padding_side="middle"))

# pack_padded_sequence / pad_packed_sequence
padded = R.pad_sequence([a, b, c])
ps = R.pack_padded_sequence(padded, [3, 2, 1])
check("packed_repr", repr(ps))
check("packed_data", ps.data)
check("packed_graph", graph(ps.data.grad_fn))
check("packed_batch_sizes", ps.batch_sizes)
check("packed_fields", ps._fields)
check("packed_none", [ps.sorted_indices, ps.unsorted_indices])
check("packed_type", str(type(ps)))
check("packed_is_tuple", isinstance(ps, tuple))
(ps.data * torch.arange(1.0, 13.0).reshape(6, 2)).sum().backward()
check("packed_grads", [a.grad, b.grad, c.grad])
a.grad = b.grad = c.grad = None
ps = R.pack_padded_sequence(padded, torch.tensor([3, 2, 1]))
check("packed_tensor_lengths", ps.batch_sizes)
pbf = R.pack_padded_sequence(R.pad_sequence([a, b, c], batch_first=True), [3, 2, 1], True)
check("packed_bf", pbf.data)
(pbf.data * torch.arange(1.0, 13.0).reshape(6, 2)).sum().backward()
check("packed_bf_grads", [a.grad, b.grad, c.grad])
a.grad = b.grad = c.grad = None
unsorted = R.pad_sequence([b, a, c])
pu = R.pack_padded_sequence(unsorted, torch.tensor([2, 3, 1]), enforce_sorted=False)
check("unsorted_repr", repr(pu))
check("unsorted_graph", graph(pu.data.grad_fn))
out, lengths = R.pad_packed_sequence(pu)
check("unpacked", out)
check("unpacked_lengths", lengths)
check("unpacked_graph", graph(out.grad_fn))
(out * weights).sum().backward()
check("unpacked_grads", [a.grad, b.grad, c.grad])
a.grad = b.grad = c.grad = None
out, lengths = R.pad_packed_sequence(pu, batch_first=True, padding_value=-1.0, total_length=4)
check("unpacked_bf_total", out)
check("unpacked_bf_graph", graph(out.grad_fn))
out, lengths = R.pad_packed_sequence(R.pack_padded_sequence(padded, [3, 2, 1]))
check("roundtrip", out)
check("roundtrip_graph", graph(out.grad_fn))
check("roundtrip_lengths", lengths)
raises("unpack_total_short", lambda: R.pad_packed_sequence(pu, total_length=2))
raises("pack_unsorted", lambda: R.pack_padded_sequence(padded, [1, 2, 3]))
raises("pack_len_count", lambda: R.pack_padded_sequence(padded, [3, 2]))
raises("pack_zero_len", lambda: R.pack_padded_sequence(padded, [3, 2, 0]))
raises("pack_2d_lengths", lambda: R.pack_padded_sequence(padded, torch.tensor([[3, 2, 1]])))
raises("pack_empty", lambda: R.pack_padded_sequence(torch.zeros(0, 2), []))
raises("pack_1d", lambda: R.pack_padded_sequence(torch.zeros(3), [3]))

# pack_sequence, unpack_sequence, unpad_sequence, invert_permutation
ps = R.pack_sequence([a, b, c])
check("pack_sequence", ps.data)
check("pack_sequence_graph", graph(ps.data.grad_fn))
pu = R.pack_sequence([c, a, b], enforce_sorted=False)
check("pack_sequence_unsorted", repr(pu))
check("unpack_sequence", R.unpack_sequence(pu))
raises("pack_sequence_order", lambda: R.pack_sequence([b, a]))
padded2 = R.pad_sequence([a.detach(), b.detach(), c.detach()])
check("unpad", R.unpad_sequence(padded2, torch.tensor([3, 2, 1])))
check("unpad_transposed_in_place", padded2.shape)
check("invert_permutation", R.invert_permutation(torch.tensor([2, 0, 1])))
check("invert_none", R.invert_permutation(None))
check("packed_double", ps.double().data.dtype)
check("packed_to", ps.to(torch.float64).batch_sizes)
check("packed_is_cuda", ps.is_cuda)


# RNNs on packed sequences (weights set by formulas)
def set_weights(m):
    with torch.no_grad():
        for j, p in enumerate(m.parameters()):
            p.copy_(
                (torch.cos(torch.arange(p.numel(), dtype=torch.float64) * (0.43 + 0.07 * j)) * 0.4)
                .float()
                .reshape(p.shape)
            )
    return m


configs = {
    "rnn": (nn.RNN, dict()),
    "rnn_bi": (nn.RNN, dict(bidirectional=True)),
    "rnn_2layer": (nn.RNN, dict(num_layers=2)),
    "gru": (nn.GRU, dict()),
    "gru_bi_2layer": (nn.GRU, dict(bidirectional=True, num_layers=2)),
    "lstm": (nn.LSTM, dict()),
    "lstm_bi": (nn.LSTM, dict(bidirectional=True)),
    "lstm_2layer_bf": (nn.LSTM, dict(num_layers=2, batch_first=True)),
}
for name, (cls, kw) in configs.items():
    with section(name):
        m = set_weights(cls(2, 3, **kw))
        for sort in (True, False):
            tag = name + ("_sorted" if sort else "_unsorted")
            seqs = [a, b, c] if sort else [b, c, a]
            ps = R.pack_sequence(seqs, enforce_sorted=sort)
            out, state = m(ps)
            check(tag + "_out_type", type(out).__name__)
            check(tag + "_out", out.data)
            check(tag + "_out_batch_sizes", out.batch_sizes)
            check(tag + "_out_indices", [out.sorted_indices, out.unsorted_indices])
            h = state[0] if isinstance(state, tuple) else state
            check(tag + "_h", h)
            check(tag + "_h_graph", graph(h.grad_fn))
            if isinstance(state, tuple):
                check(tag + "_c", state[1])
            padded_out, lengths = R.pad_packed_sequence(out, batch_first=True)
            check(tag + "_padded_out", padded_out)
            loss = (padded_out * padded_out).sum() + h.sum()
            loss.backward()
            check(tag + "_grads", [a.grad, b.grad, c.grad])
            check(tag + "_wgrad", m.weight_hh_l0.grad)
            a.grad = b.grad = c.grad = None
            m.zero_grad()

# initial states, permuted by sorted_indices
m = set_weights(nn.GRU(2, 3))
h0 = (torch.arange(9.0).reshape(1, 3, 3) / 10).requires_grad_()
out, h = m(R.pack_sequence([b, c, a], enforce_sorted=False), h0)
check("h0_out", out.data)
check("h0_h", h)
check("h0_graph", graph(h.grad_fn))
h.sum().backward()
check("h0_grad", h0.grad)
m = set_weights(nn.LSTM(2, 3, bidirectional=True))
h0 = (torch.arange(18.0).reshape(2, 3, 3) / 10).requires_grad_()
out, (h, cn) = m(R.pack_sequence([a, b, c]), (h0, -h0))
check("lstm_h0_out", out.data)
check("lstm_h0_h", h)
check("lstm_h0_c", cn)
(h.sum() + cn.sum() + out.data.sum()).backward()
check("lstm_h0_grad", h0.grad)
raises("packed_hidden_size", lambda: nn.RNN(2, 3)(R.pack_sequence([a, b]), torch.zeros(1, 3, 3)))
raises("packed_input_size", lambda: nn.RNN(3, 3)(R.pack_sequence([a, b])))
raises("packed_hidden_dims", lambda: nn.GRU(2, 3)(R.pack_sequence([a, b]), torch.zeros(2, 3)))
