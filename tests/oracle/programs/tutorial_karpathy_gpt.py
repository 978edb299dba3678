# Andrej Karpathy, "Let's build GPT: from scratch, in code, spelled out" (lecture code:
# https://github.com/karpathy/ng-video-lecture, bigram.py / gpt.py, and the notebook's
# "mathematical trick in self-attention"): character tokens, the averaging trick with
# tril / masked_fill / softmax, Head / MultiHeadAttention / FeedFoward / Block with
# LayerNorm and residuals, token + position embeddings, cross_entropy on logits.view(B*T, C),
# AdamW, estimate_loss under no_grad with eval()/train(). The text is a short literal;
# get_batch takes fixed offsets instead of torch.randint; dropout is 0 and the weights are
# set by a formula (PyTorch's random generator is not ours); sampled tokens are not compared.

nn = torch.nn
F = torch.nn.functional

batch_size = 4
block_size = 8
max_iters = 30
eval_interval = 10
learning_rate = 1e-2
device = "cuda" if torch.cuda.is_available() else "cpu"
eval_iters = 2
n_embd = 16
n_head = 4
n_layer = 2
dropout = 0.0
torch.manual_seed(1337)

text = (
    "First Citizen:\nBefore we proceed any further, hear me speak.\n\nAll:\nSpeak, speak.\n\n"
    "First Citizen:\nYou are all resolved rather to die than to famish?\n\nAll:\nResolved. resolved.\n"
)
chars = sorted(list(set(text)))
vocab_size = len(chars)
print("".join(chars))
print(vocab_size)
stoi = {ch: i for i, ch in enumerate(chars)}
itos = {i: ch for i, ch in enumerate(chars)}
encode = lambda s: [stoi[c] for c in s]
decode = lambda l: "".join([itos[i] for i in l])
print(encode("hear me"))
print(decode(encode("hear me")))

data = torch.tensor(encode(text), dtype=torch.long)
print(data.shape, data.dtype)
n = int(0.9 * len(data))
train_data = data[:n]
val_data = data[n:]

_calls = [0]


def get_batch(split):
    data = train_data if split == "train" else val_data
    _calls[0] += 1
    ix = (torch.arange(batch_size) * 7 + _calls[0] * 3) % (len(data) - block_size)
    x = torch.stack([data[i : i + block_size] for i in ix])
    y = torch.stack([data[i + 1 : i + block_size + 1] for i in ix])
    x, y = x.to(device), y.to(device)
    return x, y


xb, yb = get_batch("train")
print("inputs:", xb.shape)
print(xb)
for b in range(1):
    for t in range(3):
        context = xb[b, : t + 1]
        target = yb[b, t]
        print(f"when input is {context.tolist()} the target: {target}")

# the mathematical trick in self-attention
B, T, C = 2, 4, 3
x = torch.sin(torch.arange(B * T * C, dtype=torch.float64) * 0.7).float().reshape(B, T, C)
xbow = torch.zeros((B, T, C))
for b in range(B):
    for t in range(T):
        xprev = x[b, : t + 1]
        xbow[b, t] = torch.mean(xprev, 0)
wei = torch.tril(torch.ones(T, T))
wei = wei / wei.sum(1, keepdim=True)
xbow2 = wei @ x
check("xbow_close", torch.allclose(xbow, xbow2))
tril = torch.tril(torch.ones(T, T))
wei = torch.zeros((T, T))
wei = wei.masked_fill(tril == 0, float("-inf"))
wei = F.softmax(wei, dim=-1)
check("wei_softmax", wei)
xbow3 = wei @ x
check("xbow3_close", torch.allclose(xbow, xbow3))
head_size = 4
key = nn.Linear(C, head_size, bias=False)
query = nn.Linear(C, head_size, bias=False)
with torch.no_grad():
    key.weight.copy_(torch.cos(torch.arange(12.0).reshape(4, 3)))
    query.weight.copy_(torch.sin(torch.arange(12.0).reshape(4, 3)))
k = key(x)
q = query(x)
wei = q @ k.transpose(-2, -1) * head_size**-0.5
wei = wei.masked_fill(tril == 0, float("-inf"))
wei = F.softmax(wei, dim=-1)
check("attention_weights", wei)
check("attention_var", [k.var().item() >= 0, wei.sum(-1)])


class Head(nn.Module):
    def __init__(self, head_size):
        super().__init__()
        self.key = nn.Linear(n_embd, head_size, bias=False)
        self.query = nn.Linear(n_embd, head_size, bias=False)
        self.value = nn.Linear(n_embd, head_size, bias=False)
        self.register_buffer("tril", torch.tril(torch.ones(block_size, block_size)))
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        B, T, C = x.shape
        k = self.key(x)
        q = self.query(x)
        wei = q @ k.transpose(-2, -1) * k.shape[-1] ** -0.5
        wei = wei.masked_fill(self.tril[:T, :T] == 0, float("-inf"))
        wei = F.softmax(wei, dim=-1)
        wei = self.dropout(wei)
        v = self.value(x)
        out = wei @ v
        return out


class MultiHeadAttention(nn.Module):
    def __init__(self, num_heads, head_size):
        super().__init__()
        self.heads = nn.ModuleList([Head(head_size) for _ in range(num_heads)])
        self.proj = nn.Linear(head_size * num_heads, n_embd)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        out = torch.cat([h(x) for h in self.heads], dim=-1)
        out = self.dropout(self.proj(out))
        return out


class FeedFoward(nn.Module):
    def __init__(self, n_embd):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_embd, 4 * n_embd),
            nn.ReLU(),
            nn.Linear(4 * n_embd, n_embd),
            nn.Dropout(dropout),
        )

    def forward(self, x):
        return self.net(x)


class Block(nn.Module):
    def __init__(self, n_embd, n_head):
        super().__init__()
        head_size = n_embd // n_head
        self.sa = MultiHeadAttention(n_head, head_size)
        self.ffwd = FeedFoward(n_embd)
        self.ln1 = nn.LayerNorm(n_embd)
        self.ln2 = nn.LayerNorm(n_embd)

    def forward(self, x):
        x = x + self.sa(self.ln1(x))
        x = x + self.ffwd(self.ln2(x))
        return x


class GPTLanguageModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.token_embedding_table = nn.Embedding(vocab_size, n_embd)
        self.position_embedding_table = nn.Embedding(block_size, n_embd)
        self.blocks = nn.Sequential(*[Block(n_embd, n_head=n_head) for _ in range(n_layer)])
        self.ln_f = nn.LayerNorm(n_embd)
        self.lm_head = nn.Linear(n_embd, vocab_size)
        self.apply(self._init_weights)

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)
            if module.bias is not None:
                torch.nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)

    def forward(self, idx, targets=None):
        B, T = idx.shape
        tok_emb = self.token_embedding_table(idx)
        pos_emb = self.position_embedding_table(torch.arange(T, device=device))
        x = tok_emb + pos_emb
        x = self.blocks(x)
        x = self.ln_f(x)
        logits = self.lm_head(x)
        if targets is None:
            loss = None
        else:
            B, T, C = logits.shape
            logits = logits.view(B * T, C)
            targets = targets.view(B * T)
            loss = F.cross_entropy(logits, targets)
        return logits, loss

    def generate(self, idx, max_new_tokens):
        for _ in range(max_new_tokens):
            idx_cond = idx[:, -block_size:]
            logits, loss = self(idx_cond)
            logits = logits[:, -1, :]
            probs = F.softmax(logits, dim=-1)
            idx_next = torch.multinomial(probs, num_samples=1)
            idx = torch.cat((idx, idx_next), dim=1)
        return idx


model = GPTLanguageModel()
with torch.no_grad():
    for k, (name, p) in enumerate(model.named_parameters()):
        if name.endswith("bias") and "ln" not in name:
            continue
        if "ln" in name:
            continue
        p.copy_(
            (torch.cos(torch.arange(p.numel(), dtype=torch.float64) * (0.61 + 0.13 * k)) * 0.2)
            .float()
            .reshape(p.shape)
        )
m = model.to(device)
print(sum(p.numel() for p in m.parameters()) / 1e6, "M parameters")
check("param_names", [n for n, _ in m.named_parameters()][:12])
check("buffers", [n for n, _ in m.named_buffers()][:3])


@torch.no_grad()
def estimate_loss():
    out = {}
    model.eval()
    for split in ["train", "val"]:
        losses = torch.zeros(eval_iters)
        for k in range(eval_iters):
            X, Y = get_batch(split)
            logits, loss = model(X, Y)
            losses[k] = loss.item()
        out[split] = losses.mean()
    model.train()
    return out


optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate)
for iter in range(max_iters):
    if iter % eval_interval == 0 or iter == max_iters - 1:
        losses = estimate_loss()
        check(f"losses_{iter}", [losses["train"], losses["val"]])
        print(f"step {iter}: train loss {losses['train']:.2f}, val loss {losses['val']:.2f}")
    xb, yb = get_batch("train")
    logits, loss = model(xb, yb)
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()
check("final_loss", loss)
check("lm_head_grad", model.lm_head.weight.grad[:2])
check("logits_shape", logits.shape)
context = torch.zeros((1, 1), dtype=torch.long, device=device)
out = m.generate(context, max_new_tokens=5)
check("generated_shape", out.shape)
check("generated_in_vocab", bool(((out >= 0) & (out < vocab_size)).all()))
