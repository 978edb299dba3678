# Harvard NLP "The Annotated Transformer" (2022 edition, https://nlp.seas.harvard.edu/annotated-transformer/):
# its model code (clones, LayerNorm, SublayerConnection, attention, MultiHeadedAttention,
# PositionwiseFeedForward, Embeddings, PositionalEncoding, Encoder, LabelSmoothing with
# index_fill_) on tiny sizes, trained a few steps with its Adam + warmup LambdaLR
import copy
import math

torch.manual_seed(0)


def clones(module, N):
    return nn.ModuleList([copy.deepcopy(module) for _ in range(N)])


class LayerNorm(nn.Module):
    def __init__(self, features, eps=1e-6):
        super(LayerNorm, self).__init__()  # noqa: UP008  (as the tutorial)
        self.a_2 = nn.Parameter(torch.ones(features))
        self.b_2 = nn.Parameter(torch.zeros(features))
        self.eps = eps

    def forward(self, x):
        mean = x.mean(-1, keepdim=True)
        std = x.std(-1, keepdim=True)
        return self.a_2 * (x - mean) / (std + self.eps) + self.b_2


class SublayerConnection(nn.Module):
    def __init__(self, size, dropout):
        super(SublayerConnection, self).__init__()  # noqa: UP008  (as the tutorial)
        self.norm = LayerNorm(size)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, sublayer):
        return x + self.dropout(sublayer(self.norm(x)))


def subsequent_mask(size):
    attn_shape = (1, size, size)
    subsequent_mask = torch.triu(torch.ones(attn_shape), diagonal=1).type(torch.uint8)
    return subsequent_mask == 0


def attention(query, key, value, mask=None, dropout=None):
    d_k = query.size(-1)
    scores = torch.matmul(query, key.transpose(-2, -1)) / math.sqrt(d_k)
    if mask is not None:
        scores = scores.masked_fill(mask == 0, -1e9)
    p_attn = scores.softmax(dim=-1)
    if dropout is not None:
        p_attn = dropout(p_attn)
    return torch.matmul(p_attn, value), p_attn


class MultiHeadedAttention(nn.Module):
    def __init__(self, h, d_model, dropout=0.1):
        super(MultiHeadedAttention, self).__init__()  # noqa: UP008  (as the tutorial)
        assert d_model % h == 0
        self.d_k = d_model // h
        self.h = h
        self.linears = clones(nn.Linear(d_model, d_model), 4)
        self.attn = None
        self.dropout = nn.Dropout(p=dropout)

    def forward(self, query, key, value, mask=None):
        if mask is not None:
            mask = mask.unsqueeze(1)
        nbatches = query.size(0)
        query, key, value = [
            lin(x).view(nbatches, -1, self.h, self.d_k).transpose(1, 2)
            for lin, x in zip(self.linears, (query, key, value))
        ]
        x, self.attn = attention(query, key, value, mask=mask, dropout=self.dropout)
        x = x.transpose(1, 2).contiguous().view(nbatches, -1, self.h * self.d_k)
        del query
        del key
        del value
        return self.linears[-1](x)


class PositionwiseFeedForward(nn.Module):
    def __init__(self, d_model, d_ff, dropout=0.1):
        super(PositionwiseFeedForward, self).__init__()  # noqa: UP008  (as the tutorial)
        self.w_1 = nn.Linear(d_model, d_ff)
        self.w_2 = nn.Linear(d_ff, d_model)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        return self.w_2(self.dropout(self.w_1(x).relu()))


class Embeddings(nn.Module):
    def __init__(self, d_model, vocab):
        super(Embeddings, self).__init__()  # noqa: UP008  (as the tutorial)
        self.lut = nn.Embedding(vocab, d_model)
        self.d_model = d_model

    def forward(self, x):
        return self.lut(x) * math.sqrt(self.d_model)


class PositionalEncoding(nn.Module):
    def __init__(self, d_model, dropout, max_len=5000):
        super(PositionalEncoding, self).__init__()  # noqa: UP008  (as the tutorial)
        self.dropout = nn.Dropout(p=dropout)
        pe = torch.zeros(max_len, d_model)
        position = torch.arange(0, max_len).unsqueeze(1)
        div_term = torch.exp(torch.arange(0, d_model, 2) * -(math.log(10000.0) / d_model))
        pe[:, 0::2] = torch.sin(position * div_term)
        pe[:, 1::2] = torch.cos(position * div_term)
        pe = pe.unsqueeze(0)
        self.register_buffer("pe", pe)

    def forward(self, x):
        x = x + self.pe[:, : x.size(1)].requires_grad_(False)
        return self.dropout(x)


class EncoderLayer(nn.Module):
    def __init__(self, size, self_attn, feed_forward, dropout):
        super(EncoderLayer, self).__init__()  # noqa: UP008  (as the tutorial)
        self.self_attn = self_attn
        self.feed_forward = feed_forward
        self.sublayer = clones(SublayerConnection(size, dropout), 2)
        self.size = size

    def forward(self, x, mask):
        x = self.sublayer[0](x, lambda x: self.self_attn(x, x, x, mask))
        return self.sublayer[1](x, self.feed_forward)


class Encoder(nn.Module):
    def __init__(self, layer, N):
        super(Encoder, self).__init__()  # noqa: UP008  (as the tutorial)
        self.layers = clones(layer, N)
        self.norm = LayerNorm(layer.size)

    def forward(self, x, mask):
        for layer in self.layers:
            x = layer(x, mask)
        return self.norm(x)


class LabelSmoothing(nn.Module):
    def __init__(self, size, padding_idx, smoothing=0.0):
        super(LabelSmoothing, self).__init__()  # noqa: UP008  (as the tutorial)
        self.criterion = nn.KLDivLoss(reduction="sum")
        self.padding_idx = padding_idx
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.size = size
        self.true_dist = None

    def forward(self, x, target):
        assert x.size(1) == self.size
        true_dist = x.data.clone()
        true_dist.fill_(self.smoothing / (self.size - 2))
        true_dist.scatter_(1, target.data.unsqueeze(1), self.confidence)
        true_dist[:, self.padding_idx] = 0
        mask = torch.nonzero(target.data == self.padding_idx)
        if mask.dim() > 0:
            true_dist.index_fill_(0, mask.squeeze(), 0.0)
        self.true_dist = true_dist
        return self.criterion(x, true_dist.clone().detach())


check("mask", subsequent_mask(4))
pe = PositionalEncoding(8, 0.0, max_len=20)
check("pe", pe.pe[0, :5])
d_model, vocab = 8, 11
c = copy.deepcopy
attn = MultiHeadedAttention(2, d_model, dropout=0.0)
ff = PositionwiseFeedForward(d_model, 16, 0.0)
enc = Encoder(EncoderLayer(d_model, c(attn), c(ff), 0.0), 2)
emb = nn.Sequential(Embeddings(d_model, vocab), c(pe))
for p in list(enc.parameters()) + list(emb.parameters()):
    if p.dim() > 1:
        nn.init.xavier_uniform_(p)
src = torch.LongTensor([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]])
src_mask = torch.ones(1, 1, 10)
out = enc(emb(src), src_mask)
check("enc_out", out)
gen = nn.Linear(d_model, vocab)
logp = gen(out[0]).log_softmax(dim=-1)
crit = LabelSmoothing(vocab, 0, smoothing=0.1)
tgt = torch.LongTensor([2, 1, 0, 3, 3, 5, 0, 2, 4, 1])
loss = crit(logp, tgt)
check("loss", loss)
check("true_dist", crit.true_dist)
opt = torch.optim.Adam(
    list(enc.parameters()) + list(gen.parameters()) + list(emb.parameters()),
    lr=0.5,
    betas=(0.9, 0.98),
    eps=1e-9,
)
lr_sched = torch.optim.lr_scheduler.LambdaLR(
    optimizer=opt,
    lr_lambda=lambda step: d_model ** (-0.5) * min((step + 1) ** (-0.5), (step + 1) * 4 ** (-1.5)),
)
losses = []
for i in range(5):
    out = enc(emb(src), src_mask)
    loss = crit(gen(out[0]).log_softmax(dim=-1), tgt)
    loss.backward()
    opt.step()
    opt.zero_grad(set_to_none=True)
    lr_sched.step()
    losses.append(loss.item())
check("losses", losses)
check("lr", lr_sched.get_last_lr())
check("attn", enc.layers[0].self_attn.attn.shape)
check("grad_fn", [str(loss.grad_fn), loss.grad_fn.next_functions[0][0].name()])
