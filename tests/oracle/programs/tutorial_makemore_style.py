# Karpathy's makemore lectures (bigram counts, one_hot + softmax by hand, MLP with
# embedding lookup and batch norm, "backprop ninja" manual gradients) the way they are
# written: torch.Generator, multinomial, int32 counts, keepdims=, indexing with range,
# in-place updates on .data, F.one_hot, retain_grad, allclose.  Random draws only feed
# shapes and dtypes; every compared value comes from deterministic data.
words = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia"]
chars = sorted(set("".join(words)))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi["."] = 0
itos = {i: s for s, i in stoi.items()}
V = len(stoi)
N = torch.zeros((V, V), dtype=torch.int32)
for w in words:
    chs = [".", *w, "."]
    for ch1, ch2 in zip(chs, chs[1:]):
        N[stoi[ch1], stoi[ch2]] += 1
print(N[0, :8], N.dtype)
check("N", N)
P = (N + 1).float()
P /= P.sum(1, keepdims=True)
check("P.row0", P[0])
print(P[0].sum())
g = torch.Generator().manual_seed(2147483647)
names = []
for _ in range(5):
    ix, s = 0, ""
    while True:
        ix = torch.multinomial(P[ix], num_samples=1, replacement=True, generator=g).item()
        if ix == 0:
            break
        s += itos[ix]
    names.append(all(c in stoi for c in s))
check("sampled_valid", names)
log_likelihood = 0.0
n = 0
for w in words[:3]:
    chs = [".", *w, "."]
    for ch1, ch2 in zip(chs, chs[1:]):
        log_likelihood += torch.log(P[stoi[ch1], stoi[ch2]])
        n += 1
nll = -log_likelihood
print(f"{nll=}")
print(f"{nll / n}")
check("nll", nll)

xs, ys = [], []
for w in words:
    chs = [".", *w, "."]
    for ch1, ch2 in zip(chs, chs[1:]):
        xs.append(stoi[ch1])
        ys.append(stoi[ch2])
xs, ys = torch.tensor(xs), torch.tensor(ys)
num = xs.nelement()
W = ((torch.arange(V * V).float().reshape(V, V) * 0.37).sin() * 0.5).requires_grad_()
for k in range(5):
    xenc = F.one_hot(xs, num_classes=V).float()
    logits = xenc @ W
    counts = logits.exp()
    probs = counts / counts.sum(1, keepdims=True)
    loss = -probs[torch.arange(num), ys].log().mean() + 0.01 * (W**2).mean()
    print(f"step {k}: loss {loss.item():.4f}")
    W.grad = None
    loss.backward()
    W.data += -50 * W.grad
check("bigram.loss", loss)
check("bigram.W.grad.row1", W.grad[1])
check("bigram.graph", graph(loss))

block_size = 3
X, Y = [], []
for w in words:
    context = [0] * block_size
    for ch in w + ".":
        X.append(context)
        Y.append(stoi[ch])
        context = [*context[1:], stoi[ch]]
X, Y = torch.tensor(X), torch.tensor(Y)
check("X.shape", (X.shape, X.dtype, Y.shape))
C = (torch.arange(V * 2).float().reshape(V, 2) * 0.61).cos()
W1 = (torch.arange(6 * 20).float().reshape(6, 20) * 0.13).sin() * (5 / 3) / (6**0.5)
b1 = (torch.arange(20).float() * 0.7).cos() * 0.01
W2 = (torch.arange(20 * V).float().reshape(20, V) * 0.29).sin() * 0.1
b2 = torch.zeros(V)
bngain, bnbias = torch.ones((1, 20)), torch.zeros((1, 20))
bnmean_running, bnstd_running = torch.zeros((1, 20)), torch.ones((1, 20))
parameters = [C, W1, b1, W2, b2, bngain, bnbias]
print(sum(p.nelement() for p in parameters))
for p in parameters:
    p.requires_grad = True
lre = torch.linspace(-3, 0, 1000)
lrs = 10**lre
check("lrs.some", lrs[::250])
check("emb.cat", torch.cat(torch.unbind(C[X[:4]], 1), 1))
rg = torch.Generator().manual_seed(42)
lossi = []
for i in range(4):
    ix = torch.randint(0, X.shape[0], (16,), generator=rg)
    check(f"ix.{i}", (ix.shape, ix.dtype, bool((ix >= 0).all() and (ix < X.shape[0]).all())))
    ix = torch.arange(i * 8, i * 8 + 16) % X.shape[0]  # deterministic batch
    Xb, Yb = X[ix], Y[ix]
    emb = C[Xb]
    embcat = emb.view(emb.shape[0], -1)
    hpreact = embcat @ W1 + b1
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
    lossi.append(loss.log10().item())
check("lossi", lossi)
check("bnmean_running", bnmean_running[0, :5])


@torch.no_grad()
def split_loss(Xs, Ys):
    emb = C[Xs]
    hpreact = emb.view(emb.shape[0], -1) @ W1 + b1
    hpreact = bngain * (hpreact - bnmean_running) / bnstd_running + bnbias
    logits = torch.tanh(hpreact) @ W2 + b2
    return F.cross_entropy(logits, Ys)


check("split_loss", split_loss(X, Y))

# backprop ninja: manual gradients compared with autograd
n = 16
emb = C[Xb]
hpre = emb.view(emb.shape[0], -1) @ W1 + b1
h = torch.tanh(hpre)
logits = h @ W2 + b2
logit_maxes = logits.max(1, keepdim=True).values
norm_logits = logits - logit_maxes
counts = norm_logits.exp()
counts_sum = counts.sum(1, keepdims=True)
counts_sum_inv = counts_sum**-1
probs = counts * counts_sum_inv
logprobs = probs.log()
loss = -logprobs[range(n), Yb].mean()
for t in [logprobs, probs, counts, counts_sum, counts_sum_inv, norm_logits, logit_maxes, logits, h]:
    t.retain_grad()
loss.backward()


def cmp(s, dt, t):
    ex = torch.all(dt == t.grad).item()
    app = torch.allclose(dt, t.grad)
    maxdiff = (dt - t.grad).abs().max().item()
    print(f"{s:15s} | exact: {ex!s:5s} | approximate: {app!s:5s}")
    return maxdiff < 1e-6


dlogprobs = torch.zeros_like(logprobs)
dlogprobs[range(n), Yb] = -1.0 / n
check("cmp.logprobs", cmp("logprobs", dlogprobs, logprobs))
dprobs = (1.0 / probs) * dlogprobs
check("cmp.probs", cmp("probs", dprobs, probs))
dcounts_sum_inv = (counts * dprobs).sum(1, keepdim=True)
check("cmp.counts_sum_inv", cmp("counts_sum_inv", dcounts_sum_inv, counts_sum_inv))
dlogits = F.softmax(logits, 1)
dlogits[range(n), Yb] -= 1
dlogits /= n
check("cmp.logits", cmp("logits", dlogits, logits))
check("dlogits.row0", dlogits[0])
dmax = F.one_hot(logits.max(1).indices, num_classes=logits.shape[1])
check("one_hot.max", (dmax.dtype, dmax.shape, dmax.sum().item()))
dC = torch.zeros_like(C)
demb = torch.ones_like(emb)
for k in range(Xb.shape[0]):
    for j in range(Xb.shape[1]):
        ix = Xb[k, j]
        dC[ix] += demb[k, j]
check("dC", dC)
bnvar = hpre.var(0, keepdim=True, unbiased=True)
bnvar_inv = (bnvar + 1e-5) ** -0.5
check("bnvar_inv", bnvar_inv[0, :4])
check("bnvar_inv.grad_fn", bnvar_inv.grad_fn)
