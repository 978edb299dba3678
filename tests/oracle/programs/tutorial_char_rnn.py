# "NLP From Scratch: Classifying Names with a Character-Level RNN"
# (https://pytorch.org/tutorials/intermediate/char_rnn_classification_tutorial.html):
# letters as one-hot tensors (lineToTensor), CharRNN = nn.RNN + Linear + LogSoftmax, NLLLoss,
# SGD with clip_grad_norm_, the guess from topk; plus the RNN written from scratch with
# gradient clipping as Dive into Deep Learning 8.5 does it
# (https://zh.d2l.ai/chapter_recurrent-neural-networks/rnn-scratch.html: one_hot inputs,
# params, rnn(), grad_clipping). The names dataset is a few literal names; random
# initialisations are formulas.
import string

nn = torch.nn
F = torch.nn.functional
allowed_characters = string.ascii_letters + " .,;'"
n_letters = len(allowed_characters)


def letterToIndex(letter):
    return allowed_characters.find(letter)


def lineToTensor(line):
    tensor = torch.zeros(len(line), 1, n_letters)
    for li, letter in enumerate(line):
        tensor[li][0][letterToIndex(letter)] = 1
    return tensor


print(f"The letter 'a' becomes {lineToTensor('a')}")
print(f"The name 'Ahn' becomes {lineToTensor('Ahn').shape}")

data = [
    ("Nguyen", "Vietnamese"),
    ("Ahn", "Korean"),
    ("Schmidt", "German"),
    ("Muller", "German"),
    ("Tran", "Vietnamese"),
    ("Park", "Korean"),
]
labels_uniq = ["German", "Korean", "Vietnamese"]


class CharRNN(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super().__init__()
        self.rnn = nn.RNN(input_size, hidden_size)
        self.h2o = nn.Linear(hidden_size, output_size)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, line_tensor):
        rnn_out, hidden = self.rnn(line_tensor)
        output = self.h2o(hidden[0])
        output = self.softmax(output)
        return output


n_hidden = 16
rnn = CharRNN(n_letters, n_hidden, len(labels_uniq))
with torch.no_grad():
    for k, p in enumerate(rnn.parameters()):
        p.copy_(
            (torch.cos(torch.arange(p.numel(), dtype=torch.float64) * (0.29 + 0.07 * k)) * 0.2)
            .float()
            .reshape(p.shape)
        )
print(rnn)


def label_from_output(output, output_labels):
    top_n, top_i = output.topk(1)
    label_i = top_i[0].item()
    return output_labels[label_i], label_i


input = lineToTensor("Albert")
output = rnn(input)
check("output", output)
print(label_from_output(output, labels_uniq))

criterion = nn.NLLLoss()
optimizer = torch.optim.SGD(rnn.parameters(), lr=0.15)
rnn.train()
for epoch in range(3):
    batch_loss = 0
    for name, label in data:
        output = rnn.forward(lineToTensor(name))
        loss = criterion(output, torch.tensor([labels_uniq.index(label)], dtype=torch.long))
        batch_loss += loss
    batch_loss.backward()
    nn.utils.clip_grad_norm_(rnn.parameters(), 3)
    optimizer.step()
    optimizer.zero_grad()
    check(f"epoch_loss_{epoch}", batch_loss.item() / len(data))
rnn.eval()
with torch.no_grad():
    guesses = [label_from_output(rnn(lineToTensor(n)), labels_uniq)[0] for n, _ in data]
check("guesses", guesses)

# d2l 8.5: the RNN from scratch, with one_hot and gradient clipping
vocab_size, num_hiddens = 8, 6
X = torch.arange(10).reshape((2, 5))
check("one_hot_T_shape", F.one_hot(X.T, 28).shape)


def get_params(vocab_size, num_hiddens):
    num_inputs = num_outputs = vocab_size

    def normal(shape, k):
        n = 1
        for s in shape:
            n *= s
        return (
            (torch.cos(torch.arange(n, dtype=torch.float64) * (0.31 + 0.1 * k)) * 0.01)
            .float()
            .reshape(shape)
        )

    W_xh = normal((num_inputs, num_hiddens), 0)
    W_hh = normal((num_hiddens, num_hiddens), 1)
    b_h = torch.zeros(num_hiddens)
    W_hq = normal((num_hiddens, num_outputs), 2)
    b_q = torch.zeros(num_outputs)
    params = [W_xh, W_hh, b_h, W_hq, b_q]
    for param in params:
        param.requires_grad_(True)
    return params


def init_rnn_state(batch_size, num_hiddens):
    return (torch.zeros((batch_size, num_hiddens)),)


def rnn_fn(inputs, state, params):
    W_xh, W_hh, b_h, W_hq, b_q = params
    (H,) = state
    outputs = []
    for X in inputs:
        H = torch.tanh(torch.mm(X, W_xh) + torch.mm(H, W_hh) + b_h)
        Y = torch.mm(H, W_hq) + b_q
        outputs.append(Y)
    return torch.cat(outputs, dim=0), (H,)


params = get_params(vocab_size, num_hiddens)
X = torch.tensor([[1, 2, 3, 4], [5, 6, 7, 0]])
Y = torch.tensor([[2, 3, 4, 5], [6, 7, 0, 1]])
state = init_rnn_state(X.shape[0], num_hiddens)
Y_hat, new_state = rnn_fn(F.one_hot(X.T, vocab_size).type(torch.float32), state, params)
check("Y_hat_shape", Y_hat.shape)
check("state_shape", new_state[0].shape)


def grad_clipping(params, theta):
    norm = torch.sqrt(sum(torch.sum((p.grad**2)) for p in params))
    if norm > theta:
        for param in params:
            param.grad[:] *= theta / norm
    return norm


loss = nn.CrossEntropyLoss()
for step in range(5):
    state = init_rnn_state(X.shape[0], num_hiddens)
    y_hat, state = rnn_fn(F.one_hot(X.T, vocab_size).type(torch.float32), state, params)
    l = loss(y_hat, Y.T.reshape(-1)).mean()
    for p in params:
        p.grad = None
    l.backward()
    norm = grad_clipping(params, 0.001)
    with torch.no_grad():
        for p in params:
            p -= 1.0 * p.grad
    check(f"scratch_loss_{step}", l)
    check(f"scratch_norm_{step}", norm)
check("perplexity", torch.exp(l).item())
