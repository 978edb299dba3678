# Andrej Karpathy, makemore part 5 "Building a WaveNet" (lecture notebook,
# https://github.com/karpathy/nn-zero-to-hero, lectures/makemore/makemore_part5_cnn1.ipynb):
# 8-character contexts, the PyTorch-like Linear / BatchNorm1d (with 3-D inputs: mean and var
# over dims (0, 1)) / Tanh / Embedding / FlattenConsecutive / Sequential classes, the
# hierarchical network, p.data += -lr * p.grad, loss.log10(), @torch.no_grad() split_loss,
# eval mode, sampling with multinomial, single-example forwards Xtr[[7]] and the row
# assignment logits[i] = model(...). names.txt is replaced by a few names, torch.randn by
# fixed formulas (float64), torch.randint minibatches by fixed index lists; sampled names are not
# compared (PyTorch's generator is not ours).
import random

F = torch.nn.functional
words = [
    "emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia", "harper",
    "evelyn", "abigail", "emily", "elizabeth", "mila", "ella", "avery", "sofia", "camila",
    "aria", "scarlett", "victoria", "madison", "luna", "grace", "chloe", "penelope",
]  # fmt: skip
print(len(words))
print(max(len(w) for w in words))
print(words[:8])
chars = sorted(list(set("".join(words))))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi["."] = 0
itos = {i: s for s, i in stoi.items()}
vocab_size = len(itos)
print(itos)
print(vocab_size)
random.seed(42)
random.shuffle(words)
block_size = 8


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


n1 = int(0.8 * len(words))
n2 = int(0.9 * len(words))
Xtr, Ytr = build_dataset(words[:n1])
Xdev, Ydev = build_dataset(words[n1:n2])
Xte, Yte = build_dataset(words[n2:])
for x, y in zip(Xtr[:20], Ytr[:20]):
    print("".join(itos[ix.item()] for ix in x), "-->", itos[y.item()])

_k = [0]


def randn(*shape):
    """Stand-in for torch.randn: a fixed formula, different for every call."""
    _k[0] += 1
    n = 1
    for s in shape:
        n *= s
    # (in double: float32 mean/var over dims (0, 1) of (B, T, C) are summed in another order
    # than PyTorch's, which shows in the 5th digit of the running statistics after 30 steps)
    return torch.sin(torch.arange(n, dtype=torch.float64) * 1.37 + _k[0]).view(*shape) * 1.2


class Linear:
    def __init__(self, fan_in, fan_out, bias=True):
        self.weight = randn(fan_in, fan_out) / fan_in**0.5
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
            if x.ndim == 2:
                dim = 0
            elif x.ndim == 3:
                dim = (0, 1)
            xmean = x.mean(dim, keepdim=True)
            xvar = x.var(dim, keepdim=True)
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


class Embedding:
    def __init__(self, num_embeddings, embedding_dim):
        self.weight = randn(num_embeddings, embedding_dim)

    def __call__(self, IX):
        self.out = self.weight[IX]
        return self.out

    def parameters(self):
        return [self.weight]


class FlattenConsecutive:
    def __init__(self, n):
        self.n = n

    def __call__(self, x):
        B, T, C = x.shape
        x = x.view(B, T // self.n, C * self.n)
        if x.shape[1] == 1:
            x = x.squeeze(1)
        self.out = x
        return self.out

    def parameters(self):
        return []


class Sequential:
    def __init__(self, layers):
        self.layers = layers

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        self.out = x
        return self.out

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]


torch.manual_seed(42)
n_embd = 10
n_hidden = 32
model = Sequential(
    [
        Embedding(vocab_size, n_embd),
        FlattenConsecutive(2), Linear(n_embd * 2, n_hidden, bias=False), BatchNorm1d(n_hidden), Tanh(),
        FlattenConsecutive(2), Linear(n_hidden * 2, n_hidden, bias=False), BatchNorm1d(n_hidden), Tanh(),
        FlattenConsecutive(2), Linear(n_hidden * 2, n_hidden, bias=False), BatchNorm1d(n_hidden), Tanh(),
        Linear(n_hidden, vocab_size),
    ]
)  # fmt: skip
with torch.no_grad():
    model.layers[-1].weight *= 0.1
parameters = model.parameters()
print(sum(p.nelement() for p in parameters))
for p in parameters:
    p.requires_grad = True

ix = torch.arange(4)
Xb, Yb = Xtr[ix], Ytr[ix]
logits = model.layers[0](Xb)
print(logits.shape)
for layer in model.layers[1:]:
    x_before = layer.out.shape if hasattr(layer, "out") else None
    logits = layer(logits)
    print(layer.__class__.__name__, ":", tuple(logits.shape), x_before)

max_steps = 30
batch_size = 32
lossi = []
for i in range(max_steps):
    ix = (torch.arange(batch_size) * 7 + i * 13) % Xtr.shape[0]
    Xb, Yb = Xtr[ix], Ytr[ix]
    logits = model(Xb)
    loss = F.cross_entropy(logits, Yb)
    for p in parameters:
        p.grad = None
    loss.backward()
    lr = 0.1 if i < 20 else 0.01
    for p in parameters:
        p.data += -lr * p.grad
    if i % 10 == 0:
        print(f"{i:7d}/{max_steps:7d}: {loss.item():.4f}")
    lossi.append(loss.log10().item())
check("lossi", lossi)
check("final_params", parameters[:3])
check("bn_running", [model.layers[3].running_mean, model.layers[3].running_var])
print(torch.tensor(lossi).view(-1, 10).mean(1))
for layer in model.layers:
    print(layer.__class__.__name__, ":", tuple(layer.out.shape))
for layer in model.layers:
    layer.training = False


@torch.no_grad()
def split_loss(split):
    x, y = {
        "train": (Xtr, Ytr),
        "val": (Xdev, Ydev),
        "test": (Xte, Yte),
    }[split]
    logits = model(x)
    loss = F.cross_entropy(logits, y)
    print(split, f"{loss.item():.12f}")  # (double: its last bits are summation order)
    return loss


check("split_train", split_loss("train"))
check("split_val", split_loss("val"))

g = torch.Generator().manual_seed(2147483647)
for _ in range(3):
    out = []
    context = [0] * block_size
    while True:
        logits = model(torch.tensor([context]))
        probs = F.softmax(logits, dim=1)
        ix = torch.multinomial(probs, num_samples=1, generator=g).item()
        context = context[1:] + [ix]
        out.append(ix)
        if ix == 0 or len(out) > 20:
            break
    print(type(ix).__name__, probs.shape, type("".join(itos[i] for i in out)).__name__)

for x, y in zip(Xtr[7:15], Ytr[7:15]):
    print("".join(itos[ix.item()] for ix in x), "-->", itos[y.item()])
logits = model(Xtr[[7]])
print(logits.shape)
check("single", logits)
logits = torch.zeros(8, vocab_size, dtype=torch.float64)  # (27 float32 columns in the lecture)
for i in range(8):
    logits[i] = model(Xtr[[7 + i]])
print(logits.shape)
check("rows", logits)
check("rows_equal_batch", torch.allclose(logits, model(Xtr[7:15]), atol=1e-6))
