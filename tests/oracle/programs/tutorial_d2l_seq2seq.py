# Dive into Deep Learning (中文版 2.0), chapter 9 现代循环神经网络: 9.3 deep RNN and 9.4
# bidirectional RNN (concise nn.LSTM / nn.GRU with num_layers / bidirectional), 9.6 the
# encoder-decoder interface, 9.7 sequence to sequence learning (Seq2SeqEncoder / Seq2SeqDecoder
# with nn.GRU, sequence_mask, MaskedSoftmaxCELoss subclassing nn.CrossEntropyLoss with
# reduction='none', xavier_init_weights through GRU._flat_weights_names, grad_clipping,
# train_seq2seq, predict_seq2seq, bleu):
# https://zh.d2l.ai/chapter_recurrent-modern/seq2seq.html (and deep-rnn.html, bi-rnn.html,
# encoder-decoder.html). The English-French data set is replaced by a few made-up token-id
# pairs; tiny sizes, dropout 0 (its masks are not PyTorch's numbers), 30 epochs.
import collections
import math


class Encoder(nn.Module):
    def __init__(self, **kwargs):
        super(Encoder, self).__init__(**kwargs)  # noqa: UP008  (as the book)

    def forward(self, X, *args):
        raise NotImplementedError


class Decoder(nn.Module):
    def __init__(self, **kwargs):
        super(Decoder, self).__init__(**kwargs)  # noqa: UP008  (as the book)

    def init_state(self, enc_outputs, *args):
        raise NotImplementedError

    def forward(self, X, state):
        raise NotImplementedError


class EncoderDecoder(nn.Module):
    def __init__(self, encoder, decoder, **kwargs):
        super(EncoderDecoder, self).__init__(**kwargs)  # noqa: UP008  (as the book)
        self.encoder = encoder
        self.decoder = decoder

    def forward(self, enc_X, dec_X, *args):
        enc_outputs = self.encoder(enc_X, *args)
        dec_state = self.decoder.init_state(enc_outputs, *args)
        return self.decoder(dec_X, dec_state)


class Seq2SeqEncoder(Encoder):
    def __init__(self, vocab_size, embed_size, num_hiddens, num_layers, dropout=0, **kwargs):
        super(Seq2SeqEncoder, self).__init__(**kwargs)  # noqa: UP008  (as the book)
        self.embedding = nn.Embedding(vocab_size, embed_size)
        self.rnn = nn.GRU(embed_size, num_hiddens, num_layers, dropout=dropout)

    def forward(self, X, *args):
        X = self.embedding(X)
        X = X.permute(1, 0, 2)
        output, state = self.rnn(X)
        return output, state


torch.manual_seed(0)
encoder = Seq2SeqEncoder(vocab_size=10, embed_size=8, num_hiddens=16, num_layers=2)
encoder.eval()
X = torch.zeros((4, 7), dtype=torch.long)
output, state = encoder(X)
print(output.shape, state.shape)


class Seq2SeqDecoder(Decoder):
    def __init__(self, vocab_size, embed_size, num_hiddens, num_layers, dropout=0, **kwargs):
        super(Seq2SeqDecoder, self).__init__(**kwargs)  # noqa: UP008  (as the book)
        self.embedding = nn.Embedding(vocab_size, embed_size)
        self.rnn = nn.GRU(embed_size + num_hiddens, num_hiddens, num_layers, dropout=dropout)
        self.dense = nn.Linear(num_hiddens, vocab_size)

    def init_state(self, enc_outputs, *args):
        return enc_outputs[1]

    def forward(self, X, state):
        X = self.embedding(X).permute(1, 0, 2)
        context = state[-1].repeat(X.shape[0], 1, 1)
        X_and_context = torch.cat((X, context), 2)
        output, state = self.rnn(X_and_context, state)
        output = self.dense(output).permute(1, 0, 2)
        return output, state


decoder = Seq2SeqDecoder(vocab_size=10, embed_size=8, num_hiddens=16, num_layers=2)
decoder.eval()
state = decoder.init_state(encoder(X))
output, state = decoder(X, state)
print(output.shape, state.shape)
check("decoder output", output[0, :2])


def sequence_mask(X, valid_len, value=0):
    maxlen = X.size(1)
    mask = (
        torch.arange((maxlen), dtype=torch.float32, device=X.device)[None, :] < valid_len[:, None]
    )
    X[~mask] = value
    return X


X = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(sequence_mask(X, torch.tensor([1, 2])))
X = torch.ones(2, 3, 4)
print(sequence_mask(X, torch.tensor([1, 2]), value=-1))


class MaskedSoftmaxCELoss(nn.CrossEntropyLoss):
    def forward(self, pred, label, valid_len):
        weights = torch.ones_like(label)
        weights = sequence_mask(weights, valid_len)
        self.reduction = "none"
        unweighted_loss = super(MaskedSoftmaxCELoss, self).forward(pred.permute(0, 2, 1), label)  # noqa: UP008
        weighted_loss = (unweighted_loss * weights).mean(dim=1)
        return weighted_loss


loss = MaskedSoftmaxCELoss()
print(loss(torch.ones(3, 4, 10), torch.ones((3, 4), dtype=torch.long), torch.tensor([4, 2, 0])))


def grad_clipping(net, theta):
    if isinstance(net, nn.Module):
        params = [p for p in net.parameters() if p.requires_grad]
    else:
        params = net.params
    norm = torch.sqrt(sum(torch.sum((p.grad**2)) for p in params))
    if norm > theta:
        for param in params:
            param.grad[:] *= theta / norm


def xavier_init_weights(m):
    if type(m) == nn.Linear:
        nn.init.xavier_uniform_(m.weight)
    if type(m) == nn.GRU:
        for param in m._flat_weights_names:
            if "weight" in param:
                nn.init.xavier_uniform_(m._parameters[param])


# made-up "source" / "target" token ids: <pad>=0, <bos>=1, <eos>=2
src = [[3, 4, 5, 2], [6, 7, 2, 0], [8, 9, 4, 2], [5, 3, 2, 0]]
src_len = [4, 3, 4, 3]
tgt = [[4, 5, 6, 2], [7, 8, 2, 0], [9, 6, 5, 2], [6, 4, 2, 0]]
tgt_len = [4, 3, 4, 3]
data_iter = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(
        torch.tensor(src), torch.tensor(src_len), torch.tensor(tgt), torch.tensor(tgt_len)
    ),
    batch_size=2,
    shuffle=True,
)
BOS = 1


def train_seq2seq(net, data_iter, lr, num_epochs, device):
    net.apply(xavier_init_weights)
    net.to(device)
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    loss = MaskedSoftmaxCELoss()
    net.train()
    history = []
    for epoch in range(num_epochs):
        total, tokens = 0.0, 0
        for batch in data_iter:
            optimizer.zero_grad()
            X, X_valid_len, Y, Y_valid_len = [x.to(device) for x in batch]
            bos = torch.tensor([BOS] * Y.shape[0], device=device).reshape(-1, 1)
            dec_input = torch.cat([bos, Y[:, :-1]], 1)
            Y_hat, _ = net(X, dec_input, X_valid_len)
            l = loss(Y_hat, Y, Y_valid_len)
            l.sum().backward()
            grad_clipping(net, 1)
            num_tokens = Y_valid_len.sum()
            optimizer.step()
            with torch.no_grad():
                total += l.sum().item()
                tokens += num_tokens.item()
        history.append(total / tokens)
        if (epoch + 1) % 10 == 0:
            print(f"epoch {epoch + 1}: loss {total / tokens:.3f}, {tokens} tokens")
    return history


embed_size, num_hiddens, num_layers, dropout = 8, 16, 2, 0.0
lr, num_epochs, device = 0.005, 30, torch.device("cpu")
torch.manual_seed(1)
encoder = Seq2SeqEncoder(12, embed_size, num_hiddens, num_layers, dropout)
decoder = Seq2SeqDecoder(12, embed_size, num_hiddens, num_layers, dropout)
net = EncoderDecoder(encoder, decoder)
print(net)
print(encoder.rnn._flat_weights_names)
print(encoder.rnn._all_weights, len(encoder.rnn.all_weights), encoder.rnn._flat_weights[1].shape)
history = train_seq2seq(net, data_iter, lr, num_epochs, device)
check("seq2seq history", history)
check("decoder dense grad", net.decoder.dense.weight.grad)
check("encoder GRU weight", net.encoder.rnn.weight_hh_l1[:3])


def predict_seq2seq(net, src_tokens, num_steps, device):
    net.eval()
    enc_valid_len = torch.tensor([len(src_tokens)], device=device)
    enc_X = torch.unsqueeze(torch.tensor(src_tokens, dtype=torch.long, device=device), dim=0)
    enc_outputs = net.encoder(enc_X, enc_valid_len)
    dec_state = net.decoder.init_state(enc_outputs, enc_valid_len)
    dec_X = torch.unsqueeze(torch.tensor([BOS], dtype=torch.long, device=device), dim=0)
    output_seq = []
    for _ in range(num_steps):
        Y, dec_state = net.decoder(dec_X, dec_state)
        dec_X = Y.argmax(dim=2)
        pred = dec_X.squeeze(dim=0).type(torch.int32).item()
        if pred == 2:
            break
        output_seq.append(pred)
    return output_seq


def bleu(pred_seq, label_seq, k):
    pred_tokens, label_tokens = pred_seq, label_seq
    len_pred, len_label = len(pred_tokens), len(label_tokens)
    score = math.exp(min(0, 1 - len_label / max(len_pred, 1)))
    for n in range(1, k + 1):
        num_matches, label_subs = 0, collections.defaultdict(int)
        for i in range(len_label - n + 1):
            label_subs[" ".join(map(str, label_tokens[i : i + n]))] += 1
        for i in range(len_pred - n + 1):
            if label_subs[" ".join(map(str, pred_tokens[i : i + n]))] > 0:
                num_matches += 1
                label_subs[" ".join(map(str, pred_tokens[i : i + n]))] -= 1
        score *= math.pow(num_matches / max(len_pred - n + 1, 1), math.pow(0.5, n))
    return score


for s, t, n in zip(src, tgt, tgt_len):
    pred = predict_seq2seq(net, s, 5, device)
    print(s, "=>", pred, f"bleu {bleu(pred, t[: n - 1], k=2):.3f}")

# 9.3 / 9.4: deep and bidirectional layers
torch.manual_seed(2)
lstm_layer = nn.LSTM(5, 6, 2)
bi_layer = nn.LSTM(5, 6, num_layers=2, bidirectional=True)
gru_layer = nn.GRU(5, 6, num_layers=2, batch_first=True)
Xs = torch.randn(7, 3, 5)
out, (h, c) = lstm_layer(Xs)
print(out.shape, h.shape, c.shape)
out_b, (h_b, c_b) = bi_layer(Xs)
print(out_b.shape, h_b.shape, [n for n, _ in bi_layer.named_parameters()][:6])
out_g, h_g = gru_layer(Xs.transpose(0, 1))
print(out_g.shape, h_g.shape)
(out.sum() + out_b.sum() + out_g.sum()).backward()
check("deep LSTM grad", lstm_layer.weight_ih_l1.grad[:4])
check("bidirectional grad", bi_layer.weight_hh_l1_reverse.grad[:4])
check("GRU batch_first grad", gru_layer.bias_hh_l0.grad)
raises("LSTM hidden of the wrong layer count", lambda: bi_layer(Xs, (h, c)))
