# Andrej Karpathy, makemore part 1: the bigram language model (lecture notebook,
# https://github.com/karpathy/nn-zero-to-hero, lectures/makemore/makemore_part1_bigrams.ipynb):
# the count matrix N[ix1, ix2] += 1, normalised rows P, the log-likelihood of the data,
# then the same model as a one-layer network on one-hot inputs trained by gradient descent.
# names.txt is replaced by a few names; torch.randn(..., generator=g) by a fixed formula,
# and sampling (torch.multinomial) draws are not compared.
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
]
print(len(words), min(len(w) for w in words), max(len(w) for w in words))

chars = sorted(list(set("".join(words))))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi["."] = 0
itos = {i: s for s, i in stoi.items()}
V = len(stoi)

N = torch.zeros((V, V), dtype=torch.int32)
for w in words:
    chs = ["."] + list(w) + ["."]
    for ch1, ch2 in zip(chs, chs[1:]):
        ix1 = stoi[ch1]
        ix2 = stoi[ch2]
        N[ix1, ix2] += 1
check("N_row0", N[0])
check("N_sum", N.sum())
p = N[0].float()
p = p / p.sum()
check("p0", p)

g = torch.Generator().manual_seed(2147483647)
ix = torch.multinomial(p, num_samples=1, replacement=True, generator=g).item()
check("sample_in_range", 0 <= ix < V)

P = (N + 1).float()
P /= P.sum(1, keepdims=True)
check("P_rows_sum", P.sum(1))
check("P_shape", P.shape)

log_likelihood = 0.0
n = 0
for w in words:
    chs = ["."] + list(w) + ["."]
    for ch1, ch2 in zip(chs, chs[1:]):
        ix1 = stoi[ch1]
        ix2 = stoi[ch2]
        prob = P[ix1, ix2]
        logprob = torch.log(prob)
        log_likelihood += logprob
        n += 1
print(f"{log_likelihood=}")
nll = -log_likelihood
check("nll", nll)
check("avg_nll", nll / n)

# the training set of bigrams (x, y)
xs, ys = [], []
for w in words:
    chs = ["."] + list(w) + ["."]
    for ch1, ch2 in zip(chs, chs[1:]):
        xs.append(stoi[ch1])
        ys.append(stoi[ch2])
xs = torch.tensor(xs)
ys = torch.tensor(ys)
num = xs.nelement()
print("number of examples: ", num)

F = torch.nn.functional
xenc = F.one_hot(xs, num_classes=V).float()
check("xenc_shape", xenc.shape)
check("xenc_dtype", xenc.dtype)

W = (
    (torch.cos(torch.arange(V * V, dtype=torch.float64) * 1.1) * 0.5)
    .float()
    .reshape(V, V)
    .requires_grad_()
)
for k in range(30):
    xenc = F.one_hot(xs, num_classes=V).float()
    logits = xenc @ W
    counts = logits.exp()
    probs = counts / counts.sum(1, keepdims=True)
    loss = -probs[torch.arange(num), ys].log().mean() + 0.01 * (W**2).mean()
    if k % 10 == 0:
        check(f"loss_{k}", loss.item())
    W.grad = None
    loss.backward()
    W.data += -5 * W.grad
check("final_loss", loss)
check("W_grad_row0", W.grad[0])
check("loss_graph", graph(loss))
