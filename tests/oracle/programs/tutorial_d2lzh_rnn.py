# ShusenTang, "Dive-into-DL-PyTorch" (《动手学深度学习》PyTorch 版), chapter 6 循环神经网络:
# https://github.com/ShusenTang/Dive-into-DL-PyTorch/tree/master/code/chapter06_RNN
# 6.3 语言模型数据集 (data_iter_random / data_iter_consecutive), 6.4 循环神经网络的从零开始实现
# (one_hot with scatter_, to_onehot, rnn, grad_clipping, sgd on param.data, predict_rnn),
# 6.5 简洁实现 (nn.RNN, RNNModel, Adam), 6.7 门控循环单元 GRU and 6.8 长短期记忆 LSTM (from
# scratch and with nn.GRU / nn.LSTM), with the helpers of its d2lzh_pytorch/utils.py. The Jay
# Chou lyrics corpus is replaced by a few sentences of our own; the vocabulary built from
# set(...) is sorted (set order changes with PYTHONHASHSEED); fewer hidden units and epochs;
# no timings printed.
import math
import random

import numpy as np

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
corpus_chars = "我们今天学习循环神经网络 它可以记住前面看到的字 然后预测下一个字 我们明天继续学习门控循环单元和长短期记忆"
idx_to_char = sorted(set(corpus_chars))
char_to_idx = dict([(char, i) for i, char in enumerate(idx_to_char)])
vocab_size = len(char_to_idx)
corpus_indices = [char_to_idx[char] for char in corpus_chars]
print(vocab_size, corpus_indices[:10])


def data_iter_random(corpus_indices, batch_size, num_steps, device=None):
    num_examples = (len(corpus_indices) - 1) // num_steps
    epoch_size = num_examples // batch_size
    example_indices = list(range(num_examples))
    random.shuffle(example_indices)

    def _data(pos):
        return corpus_indices[pos : pos + num_steps]

    for i in range(epoch_size):
        i = i * batch_size
        batch_indices = example_indices[i : i + batch_size]
        X = [_data(j * num_steps) for j in batch_indices]
        Y = [_data(j * num_steps + 1) for j in batch_indices]
        yield (
            torch.tensor(X, dtype=torch.float32, device=device),
            torch.tensor(Y, dtype=torch.float32, device=device),
        )


def data_iter_consecutive(corpus_indices, batch_size, num_steps, device=None):
    corpus_indices = torch.tensor(corpus_indices, dtype=torch.float32, device=device)
    data_len = len(corpus_indices)
    batch_len = data_len // batch_size
    indices = corpus_indices[0 : batch_size * batch_len].view(batch_size, batch_len)
    epoch_size = (batch_len - 1) // num_steps
    for i in range(epoch_size):
        i = i * num_steps
        X = indices[:, i : i + num_steps]
        Y = indices[:, i + 1 : i + num_steps + 1]
        yield X, Y


random.seed(0)
my_seq = list(range(30))
for X, Y in data_iter_random(my_seq, batch_size=2, num_steps=6):
    print("X: ", X, "\nY:", Y, "\n")
for X, Y in data_iter_consecutive(my_seq, batch_size=2, num_steps=6):
    print("X: ", X, "\nY:", Y, "\n")


def one_hot(x, n_class, dtype=torch.float32):
    x = x.long()
    res = torch.zeros(x.shape[0], n_class, dtype=dtype, device=x.device)
    res.scatter_(1, x.view(-1, 1), 1)
    return res


x = torch.tensor([0, 2])
print(one_hot(x, vocab_size)[:, :5])


def to_onehot(X, n_class):
    return [one_hot(X[:, i], n_class) for i in range(X.shape[1])]


X = torch.arange(10).view(2, 5)
inputs = to_onehot(X, vocab_size)
print(len(inputs), inputs[0].shape)

np.random.seed(0)
num_inputs, num_hiddens, num_outputs = vocab_size, 16, vocab_size


def get_params():
    def _one(shape):
        ts = torch.tensor(np.random.normal(0, 0.01, size=shape), device=device, dtype=torch.float32)
        return torch.nn.Parameter(ts, requires_grad=True)

    W_xh = _one((num_inputs, num_hiddens))
    W_hh = _one((num_hiddens, num_hiddens))
    b_h = torch.nn.Parameter(torch.zeros(num_hiddens, device=device, requires_grad=True))
    W_hq = _one((num_hiddens, num_outputs))
    b_q = torch.nn.Parameter(torch.zeros(num_outputs, device=device, requires_grad=True))
    return nn.ParameterList([W_xh, W_hh, b_h, W_hq, b_q])


def init_rnn_state(batch_size, num_hiddens, device):
    return (torch.zeros((batch_size, num_hiddens), device=device),)


def rnn(inputs, state, params):
    W_xh, W_hh, b_h, W_hq, b_q = params
    (H,) = state
    outputs = []
    for X in inputs:
        H = torch.tanh(torch.matmul(X, W_xh) + torch.matmul(H, W_hh) + b_h)
        Y = torch.matmul(H, W_hq) + b_q
        outputs.append(Y)
    return outputs, (H,)


state = init_rnn_state(X.shape[0], num_hiddens, device)
inputs = to_onehot(X.to(device), vocab_size)
params = get_params()
print(params)
outputs, state_new = rnn(inputs, state, params)
print(len(outputs), outputs[0].shape, state_new[0].shape)


def predict_rnn(
    prefix,
    num_chars,
    rnn,
    params,
    init_rnn_state,
    num_hiddens,
    vocab_size,
    device,
    idx_to_char,
    char_to_idx,
):
    state = init_rnn_state(1, num_hiddens, device)
    output = [char_to_idx[prefix[0]]]
    for t in range(num_chars + len(prefix) - 1):
        X = to_onehot(torch.tensor([[output[-1]]], device=device), vocab_size)
        (Y, state) = rnn(X, state, params)
        if t < len(prefix) - 1:
            output.append(char_to_idx[prefix[t + 1]])
        else:
            output.append(int(Y[0].argmax(dim=1).item()))
    return "".join([idx_to_char[i] for i in output])


print(
    predict_rnn(
        "我们",
        5,
        rnn,
        params,
        init_rnn_state,
        num_hiddens,
        vocab_size,
        device,
        idx_to_char,
        char_to_idx,
    )
)


def grad_clipping(params, theta, device):
    norm = torch.tensor([0.0], device=device)
    for param in params:
        norm += (param.grad.data**2).sum()
    norm = norm.sqrt().item()
    if norm > theta:
        for param in params:
            param.grad.data *= theta / norm


def sgd(params, lr, batch_size):
    for param in params:
        param.data -= lr * param.grad / batch_size


log = []


def train_and_predict_rnn(
    rnn,
    get_params,
    init_rnn_state,
    num_hiddens,
    vocab_size,
    device,
    corpus_indices,
    idx_to_char,
    char_to_idx,
    is_random_iter,
    num_epochs,
    num_steps,
    lr,
    clipping_theta,
    batch_size,
    pred_period,
    pred_len,
    prefixes,
):
    if is_random_iter:
        data_iter_fn = data_iter_random
    else:
        data_iter_fn = data_iter_consecutive
    params = get_params()
    loss = nn.CrossEntropyLoss()
    for epoch in range(num_epochs):
        if not is_random_iter:
            state = init_rnn_state(batch_size, num_hiddens, device)
        l_sum, n = 0.0, 0
        data_iter = data_iter_fn(corpus_indices, batch_size, num_steps, device)
        for X, Y in data_iter:
            if is_random_iter:
                state = init_rnn_state(batch_size, num_hiddens, device)
            else:
                for s in state:
                    s.detach_()
            inputs = to_onehot(X, vocab_size)
            (outputs, state) = rnn(inputs, state, params)
            outputs = torch.cat(outputs, dim=0)
            y = torch.transpose(Y, 0, 1).contiguous().view(-1)
            l = loss(outputs, y.long())
            if params[0].grad is not None:
                for param in params:
                    param.grad.data.zero_()
            l.backward()
            grad_clipping(params, clipping_theta, device)
            sgd(params, lr, 1)
            l_sum += l.item() * y.shape[0]
            n += y.shape[0]
        log.append(l_sum / n)
        if (epoch + 1) % pred_period == 0:
            print("epoch %d, perplexity %.2f" % (epoch + 1, math.exp(l_sum / n)))
            for prefix in prefixes:
                print(
                    " -",
                    predict_rnn(
                        prefix,
                        pred_len,
                        rnn,
                        params,
                        init_rnn_state,
                        num_hiddens,
                        vocab_size,
                        device,
                        idx_to_char,
                        char_to_idx,
                    ),
                )
    return params


num_epochs, num_steps, batch_size, lr, clipping_theta = 20, 5, 4, 1e2, 1e-2
pred_period, pred_len, prefixes = 10, 6, ["我们", "学习"]
random.seed(1)
np.random.seed(1)
params = train_and_predict_rnn(
    rnn,
    get_params,
    init_rnn_state,
    num_hiddens,
    vocab_size,
    device,
    corpus_indices,
    idx_to_char,
    char_to_idx,
    True,
    num_epochs,
    num_steps,
    lr,
    clipping_theta,
    batch_size,
    pred_period,
    pred_len,
    prefixes,
)
np.random.seed(1)
params = train_and_predict_rnn(
    rnn,
    get_params,
    init_rnn_state,
    num_hiddens,
    vocab_size,
    device,
    corpus_indices,
    idx_to_char,
    char_to_idx,
    False,
    num_epochs,
    num_steps,
    lr,
    clipping_theta,
    batch_size,
    pred_period,
    pred_len,
    prefixes,
)
check("6.4 log", log)
check("6.4 W_hh", params[1])


# 6.5 简洁实现
class RNNModel(nn.Module):
    def __init__(self, rnn_layer, vocab_size):
        super(RNNModel, self).__init__()  # noqa: UP008  (as the book)
        self.rnn = rnn_layer
        self.hidden_size = rnn_layer.hidden_size * (2 if rnn_layer.bidirectional else 1)
        self.vocab_size = vocab_size
        self.dense = nn.Linear(self.hidden_size, vocab_size)
        self.state = None

    def forward(self, inputs, state):
        X = to_onehot(inputs, self.vocab_size)
        Y, self.state = self.rnn(torch.stack(X), state)
        output = self.dense(Y.view(-1, Y.shape[-1]))
        return output, self.state


def predict_rnn_pytorch(prefix, num_chars, model, vocab_size, device, idx_to_char, char_to_idx):
    state = None
    output = [char_to_idx[prefix[0]]]
    for t in range(num_chars + len(prefix) - 1):
        X = torch.tensor([output[-1]], device=device).view(1, 1)
        if state is not None:
            if isinstance(state, tuple):
                state = (state[0].to(device), state[1].to(device))
            else:
                state = state.to(device)
        (Y, state) = model(X, state)
        if t < len(prefix) - 1:
            output.append(char_to_idx[prefix[t + 1]])
        else:
            output.append(int(Y.argmax(dim=1).item()))
    return "".join([idx_to_char[i] for i in output])


def train_and_predict_rnn_pytorch(
    model,
    num_hiddens,
    vocab_size,
    device,
    corpus_indices,
    idx_to_char,
    char_to_idx,
    num_epochs,
    num_steps,
    lr,
    clipping_theta,
    batch_size,
    pred_period,
    pred_len,
    prefixes,
):
    loss = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    model.to(device)
    state = None
    for epoch in range(num_epochs):
        l_sum, n = 0.0, 0
        data_iter = data_iter_consecutive(corpus_indices, batch_size, num_steps, device)
        for X, Y in data_iter:
            if state is not None:
                if isinstance(state, tuple):
                    state = (state[0].detach(), state[1].detach())
                else:
                    state = state.detach()
            (output, state) = model(X, state)
            y = torch.transpose(Y, 0, 1).contiguous().view(-1)
            l = loss(output, y.long())
            optimizer.zero_grad()
            l.backward()
            # (the book passes a generator: the second loop of grad_clipping then sees
            # nothing, so the gradients are not clipped; kept as the book has it)
            grad_clipping(model.parameters(), clipping_theta, device)
            optimizer.step()
            l_sum += l.item() * y.shape[0]
            n += y.shape[0]
        try:
            perplexity = math.exp(l_sum / n)
        except OverflowError:
            perplexity = float("inf")
        log.append(l_sum / n)
        if (epoch + 1) % pred_period == 0:
            print("epoch %d, perplexity %.2f" % (epoch + 1, perplexity))
            for prefix in prefixes:
                print(
                    " -",
                    predict_rnn_pytorch(
                        prefix, pred_len, model, vocab_size, device, idx_to_char, char_to_idx
                    ),
                )


torch.manual_seed(0)
rnn_layer = nn.RNN(input_size=vocab_size, hidden_size=num_hiddens)
X = torch.rand(num_steps, batch_size, vocab_size)
Y, state_new = rnn_layer(X, None)
print(Y.shape, len(state_new), state_new[0].shape)
model = RNNModel(rnn_layer, vocab_size).to(device)
print(model)
print(predict_rnn_pytorch("我们", 5, model, vocab_size, device, idx_to_char, char_to_idx))
log = []
train_and_predict_rnn_pytorch(
    model,
    num_hiddens,
    vocab_size,
    device,
    corpus_indices,
    idx_to_char,
    char_to_idx,
    num_epochs,
    num_steps,
    1e-2,
    clipping_theta,
    batch_size,
    pred_period,
    pred_len,
    prefixes,
)
check("6.5 log", log)


# 6.7 GRU
def get_params():
    def _one(shape):
        ts = torch.tensor(np.random.normal(0, 0.01, size=shape), device=device, dtype=torch.float32)
        return torch.nn.Parameter(ts, requires_grad=True)

    def _three():
        return (
            _one((num_inputs, num_hiddens)),
            _one((num_hiddens, num_hiddens)),
            torch.nn.Parameter(
                torch.zeros(num_hiddens, device=device, dtype=torch.float32), requires_grad=True
            ),
        )

    W_xz, W_hz, b_z = _three()
    W_xr, W_hr, b_r = _three()
    W_xh, W_hh, b_h = _three()
    W_hq = _one((num_hiddens, num_outputs))
    b_q = torch.nn.Parameter(
        torch.zeros(num_outputs, device=device, dtype=torch.float32), requires_grad=True
    )
    return nn.ParameterList([W_xz, W_hz, b_z, W_xr, W_hr, b_r, W_xh, W_hh, b_h, W_hq, b_q])


def init_gru_state(batch_size, num_hiddens, device):
    return (torch.zeros((batch_size, num_hiddens), device=device),)


def gru(inputs, state, params):
    W_xz, W_hz, b_z, W_xr, W_hr, b_r, W_xh, W_hh, b_h, W_hq, b_q = params
    (H,) = state
    outputs = []
    for X in inputs:
        Z = torch.sigmoid(torch.matmul(X, W_xz) + torch.matmul(H, W_hz) + b_z)
        R = torch.sigmoid(torch.matmul(X, W_xr) + torch.matmul(H, W_hr) + b_r)
        H_tilda = torch.tanh(torch.matmul(X, W_xh) + torch.matmul(R * H, W_hh) + b_h)
        H = Z * H + (1 - Z) * H_tilda
        Y = torch.matmul(H, W_hq) + b_q
        outputs.append(Y)
    return outputs, (H,)


log = []
np.random.seed(2)
params = train_and_predict_rnn(
    gru,
    get_params,
    init_gru_state,
    num_hiddens,
    vocab_size,
    device,
    corpus_indices,
    idx_to_char,
    char_to_idx,
    False,
    num_epochs,
    num_steps,
    lr,
    clipping_theta,
    batch_size,
    pred_period,
    pred_len,
    prefixes,
)
check("6.7 log", log)
check("6.7 b_z", params[2])
torch.manual_seed(0)
log = []
gru_layer = nn.GRU(input_size=vocab_size, hidden_size=num_hiddens)
model = RNNModel(gru_layer, vocab_size).to(device)
train_and_predict_rnn_pytorch(
    model,
    num_hiddens,
    vocab_size,
    device,
    corpus_indices,
    idx_to_char,
    char_to_idx,
    num_epochs,
    num_steps,
    1e-2,
    clipping_theta,
    batch_size,
    pred_period,
    pred_len,
    prefixes,
)
check("6.7 nn.GRU log", log)


# 6.8 LSTM
def get_params():
    def _one(shape):
        ts = torch.tensor(np.random.normal(0, 0.01, size=shape), device=device, dtype=torch.float32)
        return torch.nn.Parameter(ts, requires_grad=True)

    def _three():
        return (
            _one((num_inputs, num_hiddens)),
            _one((num_hiddens, num_hiddens)),
            torch.nn.Parameter(
                torch.zeros(num_hiddens, device=device, dtype=torch.float32), requires_grad=True
            ),
        )

    W_xi, W_hi, b_i = _three()
    W_xf, W_hf, b_f = _three()
    W_xo, W_ho, b_o = _three()
    W_xc, W_hc, b_c = _three()
    W_hq = _one((num_hiddens, num_outputs))
    b_q = torch.nn.Parameter(
        torch.zeros(num_outputs, device=device, dtype=torch.float32), requires_grad=True
    )
    return nn.ParameterList(
        [W_xi, W_hi, b_i, W_xf, W_hf, b_f, W_xo, W_ho, b_o, W_xc, W_hc, b_c, W_hq, b_q]
    )


def init_lstm_state(batch_size, num_hiddens, device):
    return (
        torch.zeros((batch_size, num_hiddens), device=device),
        torch.zeros((batch_size, num_hiddens), device=device),
    )


def lstm(inputs, state, params):
    [W_xi, W_hi, b_i, W_xf, W_hf, b_f, W_xo, W_ho, b_o, W_xc, W_hc, b_c, W_hq, b_q] = params
    (H, C) = state
    outputs = []
    for X in inputs:
        I = torch.sigmoid(torch.matmul(X, W_xi) + torch.matmul(H, W_hi) + b_i)
        F = torch.sigmoid(torch.matmul(X, W_xf) + torch.matmul(H, W_hf) + b_f)
        O = torch.sigmoid(torch.matmul(X, W_xo) + torch.matmul(H, W_ho) + b_o)
        C_tilda = torch.tanh(torch.matmul(X, W_xc) + torch.matmul(H, W_hc) + b_c)
        C = F * C + I * C_tilda
        H = O * C.tanh()
        Y = torch.matmul(H, W_hq) + b_q
        outputs.append(Y)
    return outputs, (H, C)


log = []
np.random.seed(3)
params = train_and_predict_rnn(
    lstm,
    get_params,
    init_lstm_state,
    num_hiddens,
    vocab_size,
    device,
    corpus_indices,
    idx_to_char,
    char_to_idx,
    False,
    num_epochs,
    num_steps,
    lr,
    clipping_theta,
    batch_size,
    pred_period,
    pred_len,
    prefixes,
)
check("6.8 log", log)
check("6.8 W_xc grad", params[9].grad)
torch.manual_seed(0)
log = []
lstm_layer = nn.LSTM(input_size=vocab_size, hidden_size=num_hiddens)
model = RNNModel(lstm_layer, vocab_size)
train_and_predict_rnn_pytorch(
    model,
    num_hiddens,
    vocab_size,
    device,
    corpus_indices,
    idx_to_char,
    char_to_idx,
    num_epochs,
    num_steps,
    1e-2,
    clipping_theta,
    batch_size,
    pred_period,
    pred_len,
    prefixes,
)
check("6.8 nn.LSTM log", log)
check("6.8 nn.LSTM state", model.state)
