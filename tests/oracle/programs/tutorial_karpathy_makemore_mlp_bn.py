# Andrej Karpathy, makemore part 2 (MLP, Bengio et al. 2003) and part 3 (activations,
# gradients, BatchNorm) lecture notebooks (https://github.com/karpathy/nn-zero-to-hero,
# lectures/makemore): the dataset of 3-character contexts, the embedding lookup C[X],
# emb.view, tanh, F.cross_entropy, p.data += -lr * p.grad; then the hand-written batch
# norm with running statistics updated under no_grad, and the PyTorch-like Linear /
# BatchNorm1d / Tanh classes with retain_grad on their outputs. names.txt is replaced by a
# few names; torch.randn(..., generator=g) by fixed formulas; minibatches are fixed slices.
import random

F = torch.nn.functional
words = [
    "emma",
    "olivia",
    "ava",
    "isabella",
    "sophia",
    "charlotte",
    "mia",
    "amelia",
    "harper",
    "evelyn",
    "abigail",
    "emily",
    "elizabeth",
    "mila",
    "ella",
    "avery",
]
chars = sorted(list(set("".join(words))))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi["."] = 0
itos = {i: s for s, i in stoi.items()}
vocab_size = len(itos)
block_size = 3


def build_dataset(words):
    X, Y = [], []
    for w in words:
        context = [0] * block_size
        for ch in w + ".":
            ix = stoi[ch]
            X.append(context)
            Y.append(ix)
            context = context[1:] + [ix]
    X = torch.tensor(X)
    Y = torch.tensor(Y)
    print(X.shape, Y.shape)
    return X, Y


random.seed(42)
random.shuffle(words)
n1 = int(0.8 * len(words))
Xtr, Ytr = build_dataset(words[:n1])
Xdev, Ydev = build_dataset(words[n1:])


def fixed(shape, scale, k):
    n = 1
    for s in shape:
        n *= s
    return (
        (torch.cos(torch.arange(n, dtype=torch.float64) * (0.9 + 0.37 * k)) * scale)
        .float()
        .reshape(shape)
    )


# ---- part 2: the MLP
C = fixed((vocab_size, 2), 1.0, 0)
emb = C[Xtr]
check("emb_shape", emb.shape)
W1 = fixed((6, 100), 0.3, 1)
b1 = fixed((100,), 0.1, 2)
h = torch.tanh(emb.view(-1, 6) @ W1 + b1)
check("h_shape", h.shape)
check("cat_equal", torch.equal(torch.cat(torch.unbind(emb, 1), 1), emb.view(emb.shape[0], 6)))
W2 = fixed((100, vocab_size), 0.1, 3)
b2 = fixed((vocab_size,), 0.1, 4)
logits = h @ W2 + b2
counts = logits.exp()
prob = counts / counts.sum(1, keepdims=True)
loss = -prob[torch.arange(len(Ytr)), Ytr].log().mean()
check("manual_loss", loss)
check("F_loss", F.cross_entropy(logits, Ytr))

parameters = [C, W1, b1, W2, b2]
print(sum(p.nelement() for p in parameters))
for p in parameters:
    p.requires_grad = True
lossi = []
for i in range(40):
    ix = torch.arange(i * 7, i * 7 + 16) % Xtr.shape[0]
    emb = C[Xtr[ix]]
    h = torch.tanh(emb.view(-1, 6) @ W1 + b1)
    logits = h @ W2 + b2
    loss = F.cross_entropy(logits, Ytr[ix])
    for p in parameters:
        p.grad = None
    loss.backward()
    lr = 0.1 if i < 30 else 0.01
    for p in parameters:
        p.data += -lr * p.grad
    lossi.append(loss.log10().item())
check("lossi", lossi)
check("C_after", C)
emb = C[Xdev]
h = torch.tanh(emb.view(-1, 6) @ W1 + b1)
logits = h @ W2 + b2
check("dev_loss", F.cross_entropy(logits, Ydev))
check("loss_graph", graph(loss))

# ---- part 3: hand-written batch norm, kaiming-style scaling, running statistics
n_embd, n_hidden = 4, 20
C = fixed((vocab_size, n_embd), 1.0, 5)
W1 = fixed((n_embd * block_size, n_hidden), 1.0, 6) * (5 / 3) / ((n_embd * block_size) ** 0.5)
W2 = fixed((n_hidden, vocab_size), 1.0, 7) * 0.01
b2 = fixed((vocab_size,), 1.0, 8) * 0
bngain = torch.ones((1, n_hidden))
bnbias = torch.zeros((1, n_hidden))
bnmean_running = torch.zeros((1, n_hidden))
bnstd_running = torch.ones((1, n_hidden))
parameters = [C, W1, W2, b2, bngain, bnbias]
for p in parameters:
    p.requires_grad = True
for i in range(20):
    ix = torch.arange(i * 5, i * 5 + 32) % Xtr.shape[0]
    Xb, Yb = Xtr[ix], Ytr[ix]
    emb = C[Xb]
    embcat = emb.view(emb.shape[0], -1)
    hpreact = embcat @ W1
    bnmeani = hpreact.mean(0, keepdim=True)
    bnstdi = hpreact.std(0, keepdim=True)
    hpreact = bngain * (hpreact - bnmeani) / bnstdi + bnbias
    with torch.no_grad():
        bnmean_running = 0.999 * bnmean_running + 0.001 * bnmeani
        bnstd_running = 0.999 * bnstd_running + 0.001 * bnstdi
    h = torch.tanh(hpreact)
    logits = h @ W2 + b2
    loss = F.cross_entropy(logits, Yb)
    for p in parameters:
        p.grad = None
    loss.backward()
    for p in parameters:
        p.data += -0.1 * p.grad
check("bn_loss", loss)
check("bn_running_mean", bnmean_running)
check("bn_running_std", bnstd_running)
check("bngain_grad", bngain.grad)
check("saturated_fraction", (h.abs() > 0.97).float().mean())


@torch.no_grad()
def split_loss(X, Y):
    emb = C[X]
    embcat = emb.view(emb.shape[0], -1)
    hpreact = embcat @ W1
    hpreact = bngain * (hpreact - bnmean_running) / bnstd_running + bnbias
    h = torch.tanh(hpreact)
    logits = h @ W2 + b2
    return F.cross_entropy(logits, Y)


check("split_dev", split_loss(Xdev, Ydev))


# ---- part 3: the layers written as classes, as PyTorch's nn would have them
class Linear:
    def __init__(self, fan_in, fan_out, bias=True, k=0):
        self.weight = fixed((fan_in, fan_out), 1.0, k) / fan_in**0.5
        self.bias = torch.zeros(fan_out) if bias else None

    def __call__(self, x):
        self.out = x @ self.weight
        if self.bias is not None:
            self.out += self.bias
        return self.out

    def parameters(self):
        return [self.weight] + ([] if self.bias is None else [self.bias])


class BatchNorm1d:
    def __init__(self, dim, eps=1e-5, momentum=0.1):
        self.eps = eps
        self.momentum = momentum
        self.training = True
        self.gamma = torch.ones(dim)
        self.beta = torch.zeros(dim)
        self.running_mean = torch.zeros(dim)
        self.running_var = torch.ones(dim)

    def __call__(self, x):
        if self.training:
            xmean = x.mean(0, keepdim=True)
            xvar = x.var(0, keepdim=True)
        else:
            xmean = self.running_mean
            xvar = self.running_var
        xhat = (x - xmean) / torch.sqrt(xvar + self.eps)
        self.out = self.gamma * xhat + self.beta
        if self.training:
            with torch.no_grad():
                self.running_mean = (1 - self.momentum) * self.running_mean + self.momentum * xmean
                self.running_var = (1 - self.momentum) * self.running_var + self.momentum * xvar
        return self.out

    def parameters(self):
        return [self.gamma, self.beta]


class Tanh:
    def __call__(self, x):
        self.out = torch.tanh(x)
        return self.out

    def parameters(self):
        return []


C = fixed((vocab_size, n_embd), 1.0, 9)
layers = [
    Linear(n_embd * block_size, n_hidden, bias=False, k=10),
    BatchNorm1d(n_hidden),
    Tanh(),
    Linear(n_hidden, n_hidden, bias=False, k=11),
    BatchNorm1d(n_hidden),
    Tanh(),
    Linear(n_hidden, vocab_size, bias=False, k=12),
    BatchNorm1d(vocab_size),
]
with torch.no_grad():
    layers[-1].gamma *= 0.1
    for layer in layers[:-1]:
        if isinstance(layer, Linear):
            layer.weight *= 5 / 3
parameters = [C] + [p for layer in layers for p in layer.parameters()]
print(sum(p.nelement() for p in parameters))
for p in parameters:
    p.requires_grad = True
ud = []
for i in range(10):
    ix = torch.arange(i * 3, i * 3 + 32) % Xtr.shape[0]
    Xb, Yb = Xtr[ix], Ytr[ix]
    emb = C[Xb]
    x = emb.view(emb.shape[0], -1)
    for layer in layers:
        x = layer(x)
    loss = F.cross_entropy(x, Yb)
    for layer in layers:
        layer.out.retain_grad()
    for p in parameters:
        p.grad = None
    loss.backward()
    lr = 0.1
    for p in parameters:
        p.data += -lr * p.grad
    with torch.no_grad():
        ud.append([((lr * p.grad).std() / p.data.std()).log10().item() for p in parameters])
check("class_loss", loss)
for i, layer in enumerate(layers[:-1]):
    if isinstance(layer, Tanh):
        t = layer.out
        check(
            f"tanh{i}_stats",
            [t.mean().item(), t.std().item(), ((t.abs() > 0.97).float().mean() * 100).item()],
        )
        check(f"tanh{i}_grad_stats", [t.grad.mean().item(), t.grad.std().item()])
check("update_ratios", ud[-1])
for layer in layers:
    layer.training = False
emb = C[Xdev]
x = emb.view(emb.shape[0], -1)
for layer in layers:
    x = layer(x)
check("eval_loss", F.cross_entropy(x, Ydev))

# torch.unbind, as the lecture shows it (each slice a view, gradient back to its slice)
E = torch.arange(12.0).reshape(2, 3, 2).requires_grad_()
parts = torch.unbind(E, 1)
check("unbind_len", len(parts))
check("unbind_0", parts[0])
check("unbind_grad_fn", parts[2].grad_fn.name())
check("unbind_method", E.unbind(-1)[1])
(parts[0] * 2 + parts[2]).sum().backward()
check("unbind_grad", E.grad)
raises("unbind_0d", lambda: torch.unbind(torch.tensor(1.0)))
