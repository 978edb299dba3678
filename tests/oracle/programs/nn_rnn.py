# RNN / LSTM / GRU and their cells: outputs, final states, gradients, parameter names and
# reprs; weights set by formulas (PyTorch's random init is not ours)
def set_weights(m, k=0):
    with torch.no_grad():
        for j, p in enumerate(m.parameters()):
            p.copy_(
                (
                    torch.cos(
                        torch.arange(p.numel(), dtype=torch.float64) * (0.43 + 0.07 * (j + k))
                    )
                    * 0.4
                )
                .float()
                .reshape(p.shape)
            )
    return m


x = (
    (torch.sin(torch.arange(2 * 5 * 3, dtype=torch.float64) * 0.61))
    .float()
    .reshape(5, 2, 3)
    .requires_grad_()
)
configs = {
    "rnn": (nn.RNN, dict()),
    "rnn_relu": (nn.RNN, dict(nonlinearity="relu")),
    "rnn_2layer_bi": (nn.RNN, dict(num_layers=2, bidirectional=True)),
    "rnn_batch_first": (nn.RNN, dict(batch_first=True)),
    "rnn_nobias": (nn.RNN, dict(bias=False)),
    "lstm": (nn.LSTM, dict()),
    "lstm_2layer": (nn.LSTM, dict(num_layers=2)),
    "lstm_bi_bf": (nn.LSTM, dict(bidirectional=True, batch_first=True)),
    "gru": (nn.GRU, dict()),
    "gru_2layer_bi": (nn.GRU, dict(num_layers=2, bidirectional=True)),
}
for name, (cls, kw) in configs.items():
    with section(name):
        m = set_weights(cls(3, 4, **kw))
        check(name + "_repr", repr(m))
        check(name + "_params", [(n, list(p.shape)) for n, p in m.named_parameters()])
        out, state = m(x)
        check(name + "_out", out)  # (batch_first: an in-place transpose, TransposeBackward1)
        check(name + "_out_requires_grad", out.requires_grad)
        if isinstance(state, tuple):
            check(name + "_h", state[0])
            check(name + "_c", state[1])
            loss = (out * out).sum() + state[1].sum()
        else:
            check(name + "_h", state)
            loss = (out * out).sum() + state.sum()
        loss.backward()
        check(name + "_xgrad", x.grad)
        check(name + "_wgrad", m.weight_hh_l0.grad)
        x.grad = None

# initial states and unbatched input
m = set_weights(nn.LSTM(3, 4))
h0 = torch.full((1, 2, 4), 0.1)
c0 = torch.full((1, 2, 4), -0.2)
out, (hn, cn) = m(x, (h0, c0))
check("lstm_h0_out", out.detach())
check("lstm_h0_cn", cn)
out1, hn1 = set_weights(nn.GRU(3, 4))(x[:, 0])
check("gru_unbatched_out", out1)
check("gru_unbatched_h", hn1)
out2, h2 = set_weights(nn.RNN(3, 4))(x, torch.full((1, 2, 4), 0.3))
check("rnn_h0", h2)
raises("rnn_bad_dims", lambda: nn.RNN(3, 4)(torch.ones(3)))
raises("rnn_bad_nonlinearity", lambda: nn.RNN(3, 4, nonlinearity="sigmoid"))

# cells
for name, cls in (("rnncell", nn.RNNCell), ("lstmcell", nn.LSTMCell), ("grucell", nn.GRUCell)):
    with section(name):
        c = set_weights(cls(3, 4), 5)
        check(name + "_repr", repr(c))
        h = c(x[0])
        hh = h[0] if isinstance(h, tuple) else h
        check(name + "_out", hh)
        check(name + "_grad_fn", type(hh.grad_fn).__name__)
        state = None
        for t in range(5):
            state = c(x[t], state)
        hh = state[0] if isinstance(state, tuple) else state
        hh.sum().backward()
        check(name + "_wgrad", c.weight_ih.grad)
        x.grad = None
check("rnncell_relu_repr", repr(nn.RNNCell(3, 4, nonlinearity="relu")))


# a char-RNN style classifier (the "NLP From Scratch" tutorials' shape)
class CharRNN(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super().__init__()
        self.rnn = nn.RNN(input_size, hidden_size)
        self.h2o = nn.Linear(hidden_size, output_size)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, line_tensor):
        _rnn_out, hidden = self.rnn(line_tensor)
        output = self.h2o(hidden[0])
        output = self.softmax(output)
        return output


model = set_weights(CharRNN(3, 6, 2))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for step in range(3):
    opt.zero_grad()
    loss = nn.NLLLoss()(model(x), torch.tensor([1, 0]))
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 3)
    opt.step()
    check(f"charrnn_loss_{step}", loss)
