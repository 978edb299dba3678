# Recurrent layers' graphs as PyTorch's CPU code builds them.
# nn.LSTM in float32 is PyTorch's fused CPU kernel: one MkldnnRnnLayerBackward0 per layer and
# direction (slots input, weight_ih, weight_hh, bias_ih, bias_hh, hx, cx; outputs output, hy,
# cy); its graph, values, gradients (second derivatives too), and the argument checks of
# nn.RNN / nn.GRU / nn.LSTM.  Also the "Sequence Models and LSTM Networks" tutorial's first
# snippet (https://pytorch.org/tutorials/beginner/nlp/sequence_models_tutorial.html), whose
# printed outputs show grad_fn=<MkldnnRnnLayerBackward0>.
def set_weights(m, k=0):
    with torch.no_grad():
        for j, p in enumerate(m.parameters()):
            ramp = torch.arange(p.numel(), dtype=torch.float64) * (0.43 + 0.07 * (j + k))
            p.copy_((torch.cos(ramp) * 0.4).to(p.dtype).reshape(p.shape))
    return m


def seq(*shape, dtype=torch.float32):
    n = 1
    for s in shape:
        n *= s
    return (torch.sin(torch.arange(n, dtype=torch.float64) * 0.61)).to(dtype).reshape(shape)


configs = {
    "plain": dict(),
    "two_layers": dict(num_layers=2),
    "bidirectional": dict(bidirectional=True),
    "two_layers_bi": dict(num_layers=2, bidirectional=True),
    "batch_first": dict(batch_first=True),
    "no_bias": dict(bias=False),
}
for name, kw in configs.items():
    with section(name):
        m = set_weights(nn.LSTM(3, 4, **kw))
        dirs = 2 if kw.get("bidirectional") else 1
        layers = kw.get("num_layers", 1)
        x = (seq(2, 5, 3) if kw.get("batch_first") else seq(5, 2, 3)).requires_grad_()
        h0 = torch.full((layers * dirs, 2, 4), 0.1).requires_grad_()
        c0 = torch.full((layers * dirs, 2, 4), -0.2)
        out, (hn, cn) = m(x, (h0, c0))
        check(name + "_out", out)
        check(name + "_hn", hn)
        check(name + "_cn", cn)
        check(name + "_out_graph", graph(out))
        check(name + "_hn_graph", graph(hn))
        loss = (out * out).sum() + cn.sum() + 0.5 * hn.sum()
        loss.backward()
        check(name + "_xgrad", x.grad)
        check(name + "_h0grad", h0.grad)
        check(name + "_wgrads", [p.grad for p in m.parameters()])

with section("no_initial_state"):
    m = set_weights(nn.LSTM(3, 4))
    out, (hn, cn) = m(seq(5, 2, 3))
    check("no_state_out", out)
    check("no_state_graph", graph(out))
    out.sum().backward()
    check("no_state_wgrad", m.weight_ih_l0.grad)

with section("unbatched"):
    m = set_weights(nn.LSTM(3, 4))
    x = seq(5, 3).requires_grad_()
    out, (hn, cn) = m(x, (torch.full((1, 4), 0.3), torch.zeros(1, 4)))
    check("unbatched_out", out)
    check("unbatched_hn", hn)
    check("unbatched_graph", graph(out))
    cn.sum().backward()
    check("unbatched_xgrad", x.grad)

with section("only_final_state_used"):
    m = set_weights(nn.LSTM(3, 4, num_layers=2))
    x = seq(4, 1, 3).requires_grad_()
    _, (hn, cn) = m(x)
    hn[-1].sum().backward()
    check("final_state_xgrad", x.grad)
    check("final_state_wgrad", m.weight_hh_l1.grad)

with section("double_backward"):
    m = set_weights(nn.LSTM(3, 4))
    x = seq(5, 2, 3).requires_grad_()
    out, _ = m(x)
    (g,) = torch.autograd.grad(out.pow(2).sum(), x, create_graph=True)
    # (the graph of the gradient itself differs: PyTorch's ends in a CatBackward0 of its
    # kernel's pieces, autograd_viz's in the steps' ops; values and second derivatives agree)
    check("double_first", g.detach())
    g.sum().backward()
    check("double_second", x.grad)

with section("eval_no_grad"):
    m = set_weights(nn.LSTM(3, 4, num_layers=2, dropout=0.5))
    m.eval()
    out, _ = m(seq(5, 2, 3))
    check("eval_out", out)
    with torch.no_grad():
        out2, (hn2, _) = m(seq(5, 2, 3))
    check("no_grad_out", out2)
    check("no_grad_hn", hn2)

with section("float64_is_not_fused"):
    m = set_weights(nn.LSTM(3, 4).double())
    out, (hn, cn) = m(seq(5, 2, 3, dtype=torch.float64))
    check("f64_out", out)
    check("f64_cn", cn)

with section("in_place_after"):
    m = set_weights(nn.LSTM(3, 4))
    x = seq(5, 2, 3).requires_grad_()
    xx = x * 1
    out, _ = m(xx)
    xx.add_(1)
    raises("modified_input", lambda: out.sum().backward(), key="modified by an inplace operation")

# PyTorch's "Sequence Models and LSTM Networks" tutorial, first snippet (seeded weights)
lstm = set_weights(nn.LSTM(3, 3))
inputs = [seq(5, 3)[i : i + 1] * (i + 1) for i in range(5)]
hidden = (torch.full((1, 1, 3), 0.25), torch.full((1, 1, 3), -0.5))
for i in inputs:
    out, hidden = lstm(i.view(1, 1, -1), hidden)
inputs = torch.cat(inputs).view(len(inputs), 1, -1)
hidden = (torch.full((1, 1, 3), 0.25), torch.full((1, 1, 3), -0.5))
out, hidden = lstm(inputs, hidden)
print(out)
print(hidden)

# argument checks (nn.RNN, nn.GRU, nn.LSTM)
raises("rnn_4d", lambda: nn.RNN(3, 4)(seq(2, 2, 2, 3)))
raises("gru_4d", lambda: nn.GRU(3, 4)(seq(2, 2, 2, 3)))
raises("lstm_4d", lambda: nn.LSTM(3, 4)(seq(2, 2, 2, 3)))
raises("lstm_input_size", lambda: nn.LSTM(3, 4)(seq(5, 2, 7)))
raises("gru_input_size", lambda: nn.GRU(3, 4)(seq(5, 2, 7)))
raises("lstm_dtype", lambda: nn.LSTM(3, 4)(seq(5, 2, 3, dtype=torch.float64)))
raises("gru_hidden_size", lambda: nn.GRU(3, 4)(seq(5, 2, 3), torch.zeros(2, 2, 4)))
raises("rnn_unbatched_hx_3d", lambda: nn.RNN(3, 4)(seq(5, 3), torch.zeros(1, 1, 4)))
raises("rnn_batched_hx_2d", lambda: nn.RNN(3, 4)(seq(5, 2, 3), torch.zeros(1, 4)))
raises(
    "lstm_unbatched_mixed",
    lambda: nn.LSTM(3, 4)(seq(5, 3), (torch.zeros(1, 1, 4), torch.zeros(1, 4))),
)
raises(
    "lstm_cell_size",
    lambda: nn.LSTM(3, 4)(seq(5, 2, 3), (torch.zeros(1, 2, 4), torch.zeros(1, 3, 4))),
)
raises(
    "lstm_batch_first_batch",
    lambda: nn.LSTM(3, 4, batch_first=True)(
        seq(2, 5, 3), (torch.zeros(1, 5, 4), torch.zeros(1, 5, 4))
    ),
)

# The graphs of nn.RNN / nn.GRU (and a float64 nn.LSTM) as PyTorch's CPU FullLayer builds
# them: the input's linear over the whole sequence unbound per step, each step's hidden
# linear plus that part, GRU's (h - n) * z + n, the gates cut by unsafe_chunk; the cells
# (batched and unbatched) and their argument checks.
generic_configs = [
    ("rnn", nn.RNN, dict(), torch.float32),
    ("gru", nn.GRU, dict(), torch.float32),
    ("rnn_bi_nobias", nn.RNN, dict(bidirectional=True, bias=False), torch.float32),
    ("gru_2layers", nn.GRU, dict(num_layers=2), torch.float32),
    ("rnn_relu_bf", nn.RNN, dict(nonlinearity="relu", batch_first=True), torch.float32),
    ("rnn64", nn.RNN, dict(), torch.float64),
    ("gru64_bi", nn.GRU, dict(bidirectional=True), torch.float64),
    ("lstm64", nn.LSTM, dict(), torch.float64),
    ("lstm64_2layers", nn.LSTM, dict(num_layers=2), torch.float64),
]
for name, cls, kw, dt in generic_configs:
    with section(name):
        m = set_weights(cls(3, 2, **kw).to(dt))
        x = seq(3, 2, 3, dtype=dt).requires_grad_()
        out, state = m(x)
        h = state[0] if isinstance(state, tuple) else state
        check(name + "_out", out)
        check(name + "_out_graph", graph(out))
        check(name + "_h_graph", graph(h))
        (out.sum() + h.pow(2).sum()).backward()
        check(name + "_xgrad", x.grad)
        check(name + "_wgrad", [p.grad for p in m.parameters()])

for cls in (nn.RNNCell, nn.GRUCell, nn.LSTMCell):
    name = cls.__name__
    with section(name):
        c = set_weights(cls(3, 2), 3)
        x = seq(2, 3).requires_grad_()
        r = c(x)
        r0 = r[0] if isinstance(r, tuple) else r
        check(name + "_out", r0)
        check(name + "_graph", graph(r0))
        r0.sum().backward()
        check(name + "_xgrad", x.grad)
        u = c(seq(3))
        u0 = u[0] if isinstance(u, tuple) else u
        check(name + "_unbatched", u0)
        check(name + "_unbatched_graph", graph(u0))
        raises(name + "_3d", lambda c=c: c(seq(1, 2, 3)))
raises("rnncell_hidden_3d", lambda: nn.RNNCell(3, 2)(seq(2, 3), torch.zeros(1, 2, 2)))
raises("grucell_hidden_3d", lambda: nn.GRUCell(3, 2)(seq(2, 3), torch.zeros(1, 2, 2)))
raises(
    "lstmcell_hx1_3d",
    lambda: nn.LSTMCell(3, 2)(seq(2, 3), (torch.zeros(2, 2), torch.zeros(1, 2, 2))),
)
check(
    "lstmcell_unbatched_state",
    nn.LSTMCell(3, 2)(seq(3), (torch.full((2,), 0.5), torch.full((2,), -0.5)))[1].shape,
)

# LSTM with projections (proj_size): PyTorch's generic layers (oneDNN has no projections;
# it warns once a process), h projected by weight_hr each step
for name, kw in (
    ("proj", dict(proj_size=2)),
    ("proj_2layers_bi", dict(proj_size=2, num_layers=2, bidirectional=True)),
    ("proj_batch_first", dict(proj_size=3, batch_first=True)),
):
    with section(name):
        m = set_weights(nn.LSTM(3, 4, **kw))
        check(name + "_repr", repr(m))
        check(name + "_params", [(n, list(p.shape)) for n, p in m.named_parameters()])
        x = seq(5, 2, 3).requires_grad_()
        out, (hn, cn) = m(x)
        check(name + "_out", out)
        check(name + "_hn", hn)
        check(name + "_cn", cn)
        check(name + "_graph", graph(out))
        (out.sum() + cn.sum()).backward()
        check(name + "_xgrad", x.grad)
        check(name + "_hr_grad", m.weight_hr_l0.grad)
raises("proj_too_big", lambda: nn.LSTM(3, 4, proj_size=4))
raises("proj_negative", lambda: nn.LSTM(3, 4, proj_size=-1))
raises("proj_gru", lambda: nn.GRU(3, 4, proj_size=2))
raises(
    "proj_hidden_size",
    lambda: nn.LSTM(3, 4, proj_size=2)(seq(5, 2, 3), (torch.zeros(1, 2, 4), torch.zeros(1, 2, 4))),
)
