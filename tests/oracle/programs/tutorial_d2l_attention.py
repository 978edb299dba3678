# Dive into Deep Learning (English edition, PyTorch), chapter 11 "Attention Mechanisms and
# Transformers" (https://d2l.ai/chapter_attention-mechanisms-and-transformers/index.html;
# Chinese https://zh.d2l.ai/chapter_attention-mechanisms/index.html): 11.2 attention pooling
# by similarity (Nadaraya-Watson with Gaussian / boxcar / constant / Epanechikov kernels),
# 11.3 scoring functions (masked_softmax with repeat_interleave and a boolean-mask write,
# torch.bmm, DotProductAttention, AdditiveAttention with Lazy layers), 11.5 multi-head
# attention (transpose_qkv / transpose_output, repeat_interleave over heads), 11.6
# positional encoding. torch.rand / normal inputs and the Lazy layers' random weights are
# replaced by fixed formulas; dropout is in eval mode where values are compared.
import math

import numpy as np

F = torch.nn.functional


def fill_(module, scale=0.3):
    with torch.no_grad():
        for k, p in enumerate(module.parameters()):
            p.copy_(
                (torch.sin(torch.arange(p.numel(), dtype=torch.float64) * 0.7 + k) * scale).view(
                    p.shape
                )
            )


def fixed(*shape, k=0):
    n = math.prod(shape)
    return torch.cos(torch.arange(n, dtype=torch.float64) * 1.3 + k).float().view(*shape)


# --- 11.2 attention pooling by similarity
def gaussian(x):
    return torch.exp(-(x**2) / 2)


def boxcar(x):
    return torch.abs(x) < 1.0


def constant(x):
    return 1.0 + 0 * x


def epanechikov(x):
    return torch.max(1 - torch.abs(x), torch.zeros_like(x))


kernels = (gaussian, boxcar, constant, epanechikov)
names = ("Gaussian", "Boxcar", "Constant", "Epanechikov")
x = torch.arange(-2.5, 2.5, 0.1)
for kernel, name in zip(kernels, names):
    kx = kernel(x)
    print(name, x.numpy().shape, kx.numpy().dtype, kx[:3])


def f(x):
    return 2 * torch.sin(x) + x


n = 40
x_train, _ = torch.sort(fixed(n, k=1).abs() * 5)
y_train = f(x_train) + fixed(n, k=2)
x_val = torch.arange(0, 5, 0.1)
y_val = f(x_val)
print(x_train.shape, x_val.shape, _[:5])


def nadaraya_watson(x_train, y_train, x_val, kernel):
    dists = x_train.reshape((-1, 1)) - x_val.reshape((1, -1))
    k = kernel(dists).type(torch.float32)
    attention_w = k / k.sum(0)
    y_hat = y_train @ attention_w
    return y_hat, attention_w


for kernel, name in zip(kernels, names):
    y_hat, attention_w = nadaraya_watson(x_train, y_train, x_val, kernel)
    check(f"nw_{name}", (y_hat[::7], attention_w[:3, :3]))
sigmas = (0.1, 0.2, 0.5, 1)
names = ["Sigma " + str(sigma) for sigma in sigmas]


def gaussian_with_width(sigma):
    return lambda x: torch.exp(-(x**2) / (2 * sigma**2))


kernels = [gaussian_with_width(sigma) for sigma in sigmas]
for kernel, name in zip(kernels, names):
    y_hat, attention_w = nadaraya_watson(x_train, y_train, x_val, kernel)
    check(f"nw_{name}", y_hat[::9])


# --- 11.3 attention scoring functions
def masked_softmax(X, valid_lens):
    """Perform softmax operation by masking elements on the last axis."""

    def _sequence_mask(X, valid_len, value=0):
        maxlen = X.size(1)
        mask = (
            torch.arange((maxlen), dtype=torch.float32, device=X.device)[None, :]
            < valid_len[:, None]
        )
        X[~mask] = value
        return X

    if valid_lens is None:
        return nn.functional.softmax(X, dim=-1)
    else:
        shape = X.shape
        if valid_lens.dim() == 1:
            valid_lens = torch.repeat_interleave(valid_lens, shape[1])
        else:
            valid_lens = valid_lens.reshape(-1)
        X = _sequence_mask(X.reshape(-1, shape[-1]), valid_lens, value=-1e6)
        return nn.functional.softmax(X.reshape(shape), dim=-1)


print(masked_softmax(fixed(2, 2, 4), torch.tensor([2, 3])))
print(masked_softmax(fixed(2, 2, 4), torch.tensor([[1, 3], [2, 4]])))
Xg = fixed(2, 2, 4).requires_grad_()
out = masked_softmax(Xg * 1, torch.tensor([2, 3]))
(out * fixed(2, 2, 4, k=3)).sum().backward()
check("masked_softmax_grad", Xg.grad)
check("masked_softmax_graph", graph(out))
Q = torch.ones((2, 3, 4))
K = torch.ones((2, 4, 6))
print(torch.bmm(Q, K).shape)


class DotProductAttention(nn.Module):
    """Scaled dot product attention."""

    def __init__(self, dropout):
        super().__init__()
        self.dropout = nn.Dropout(dropout)

    def forward(self, queries, keys, values, valid_lens=None):
        d = queries.shape[-1]
        scores = torch.bmm(queries, keys.transpose(1, 2)) / math.sqrt(d)
        self.attention_weights = masked_softmax(scores, valid_lens)
        return torch.bmm(self.dropout(self.attention_weights), values)


queries = fixed(2, 1, 2, k=4)
keys = fixed(2, 10, 2, k=5)
values = fixed(2, 10, 4, k=6)
valid_lens = torch.tensor([2, 6])
attention = DotProductAttention(dropout=0.5)
attention.eval()
print(attention)
res = attention(queries, keys, values, valid_lens)
print(res.shape)
check("dot_attention", (res, attention.attention_weights.reshape((1, 1, 2, 10))))


class AdditiveAttention(nn.Module):
    """Additive attention."""

    def __init__(self, num_hiddens, dropout, **kwargs):
        super(AdditiveAttention, self).__init__(**kwargs)  # noqa: UP008  (as the book)
        self.W_k = nn.LazyLinear(num_hiddens, bias=False)
        self.W_q = nn.LazyLinear(num_hiddens, bias=False)
        self.w_v = nn.LazyLinear(1, bias=False)
        self.dropout = nn.Dropout(dropout)

    def forward(self, queries, keys, values, valid_lens):
        queries, keys = self.W_q(queries), self.W_k(keys)
        features = queries.unsqueeze(2) + keys.unsqueeze(1)
        features = torch.tanh(features)
        scores = self.w_v(features).squeeze(-1)
        self.attention_weights = masked_softmax(scores, valid_lens)
        return torch.bmm(self.dropout(self.attention_weights), values)


queries = fixed(2, 1, 20, k=7)
attention = AdditiveAttention(num_hiddens=8, dropout=0.1)
attention.eval()
print(attention(queries, keys, values, valid_lens).shape)
print(attention)
fill_(attention)
qg = queries.clone().requires_grad_()
res = attention(qg, keys, values, valid_lens)
res.sum().backward()
check("additive_attention", (res, attention.attention_weights))
check("additive_grads", [qg.grad, attention.W_q.weight.grad, attention.w_v.weight.grad])
check("additive_graph", graph(res))


# --- 11.5 multi-head attention
class MultiHeadAttention(nn.Module):
    """Multi-head attention."""

    def __init__(self, num_hiddens, num_heads, dropout, bias=False, **kwargs):
        super().__init__()
        self.num_heads = num_heads
        self.attention = DotProductAttention(dropout)
        self.W_q = nn.LazyLinear(num_hiddens, bias=bias)
        self.W_k = nn.LazyLinear(num_hiddens, bias=bias)
        self.W_v = nn.LazyLinear(num_hiddens, bias=bias)
        self.W_o = nn.LazyLinear(num_hiddens, bias=bias)

    def forward(self, queries, keys, values, valid_lens):
        queries = self.transpose_qkv(self.W_q(queries))
        keys = self.transpose_qkv(self.W_k(keys))
        values = self.transpose_qkv(self.W_v(values))
        if valid_lens is not None:
            valid_lens = torch.repeat_interleave(valid_lens, repeats=self.num_heads, dim=0)
        output = self.attention(queries, keys, values, valid_lens)
        output_concat = self.transpose_output(output)
        return self.W_o(output_concat)

    def transpose_qkv(self, X):
        X = X.reshape(X.shape[0], X.shape[1], self.num_heads, -1)
        X = X.permute(0, 2, 1, 3)
        return X.reshape(-1, X.shape[2], X.shape[3])

    def transpose_output(self, X):
        X = X.reshape(-1, self.num_heads, X.shape[1], X.shape[2])
        X = X.permute(0, 2, 1, 3)
        return X.reshape(X.shape[0], X.shape[1], -1)


num_hiddens, num_heads = 20, 5
attention = MultiHeadAttention(num_hiddens, num_heads, 0.5)
batch_size, num_queries, num_kvpairs = 2, 4, 6
valid_lens = torch.tensor([3, 2])
X = torch.ones((batch_size, num_queries, num_hiddens))
Y = torch.ones((batch_size, num_kvpairs, num_hiddens))
print(attention(X, Y, Y, valid_lens).shape)
print(attention)
attention.eval()
fill_(attention, 0.2)
X = fixed(batch_size, num_queries, num_hiddens, k=8).requires_grad_()
Y = fixed(batch_size, num_kvpairs, num_hiddens, k=9)
out = attention(X, Y, Y, valid_lens)
out.pow(2).mean().backward()
check("mha_out", out[:, :2, :5])
check(
    "mha_grads",
    [X.grad[:, :2, :5], attention.W_q.weight.grad[:3, :5], attention.W_o.weight.grad[:3, :5]],
)
check("mha_self", attention(X, X, X, torch.tensor([[1, 2, 3, 4], [4, 3, 2, 1]]))[:, :, :4])
print(
    torch.repeat_interleave(torch.tensor([[1, 2], [3, 4]]), 2),
    torch.repeat_interleave(torch.tensor([3, 2]), repeats=5, dim=0),
)
print(
    torch.tensor([1, 2]).repeat_interleave(torch.tensor([2, 3])),
    torch.tensor([[1, 2], [3, 4]]).repeat_interleave(2, dim=1),
)


# --- 11.6 positional encoding
class PositionalEncoding(nn.Module):
    """Positional encoding."""

    def __init__(self, num_hiddens, dropout, max_len=1000):
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        self.P = torch.zeros((1, max_len, num_hiddens))
        X = torch.arange(max_len, dtype=torch.float32).reshape(-1, 1) / torch.pow(
            10000, torch.arange(0, num_hiddens, 2, dtype=torch.float32) / num_hiddens
        )
        self.P[:, :, 0::2] = torch.sin(X)
        self.P[:, :, 1::2] = torch.cos(X)

    def forward(self, X):
        X = X + self.P[:, : X.shape[1], :].to(X.device)
        return self.dropout(X)


encoding_dim, num_steps = 32, 60
pos_encoding = PositionalEncoding(encoding_dim, 0)
X = pos_encoding(torch.zeros((1, num_steps, encoding_dim)))
P = pos_encoding.P[:, : X.shape[1], :]
check("pos_P", P[0, :, 6:10].T)
print(["Col %d" % d for d in torch.arange(6, 10)])
for i in range(8):
    print(f"{i} in binary is {i:>03b}")
P = P[0, :, :].unsqueeze(0).unsqueeze(0)
print(P.shape, np.asarray(P[0, 0, :2, :4]).shape)
