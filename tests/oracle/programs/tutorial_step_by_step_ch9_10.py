# Daniel Voigt Godoy, "Deep Learning with PyTorch Step-by-Step" (github.com/dvgodoy/PyTorchStepByStep),
# chapter 9 "Sequence-to-Sequence" (Encoder / Decoder GRUs, init_hidden from the encoder's
# last state, greedy and teacher-forced decoding with torch.rand(1) <= prob, EncoderDecoder
# storing outputs into a zeros tensor by slice assignment, calc_alphas by bmm / softmax, the
# scaled dot product, Attention with a source mask, DecoderAttn / EncoderDecoderAttn keeping
# the alphas) and chapter 10 "Transform and Roll Out": MultiHeadedAttention (make_chunks, init_keys, masked
# scores with -1e9, alphas kept detached), EncoderLayer / DecoderLayer with pre-layer-norm and
# copy.deepcopy'd layers, PositionalEncoding (seq2seq.py), layer normalization by hand against
# nn.LayerNorm, the encoder-decoder Transformer (EncoderDecoderTransf with subsequent masks,
# train / eval predictions, xavier_uniform_ of every matrix), nn.TransformerEncoderLayer /
# nn.TransformerDecoderLayer / nn.TransformerEncoder, nn.Transformer(batch_first=True) with
# generate_square_subsequent_mask and src_key_padding_mask, image patches by Tensor.unfold,
# PatchEmbed as a strided Conv2d, the [CLS] token and a small ViT. Fewer points and epochs than
# the book keep it fast; the book's square-sequence and image generators give the data.
import copy

import numpy as np

DataLoader = torch.utils.data.DataLoader
TensorDataset = torch.utils.data.TensorDataset


def generate_sequences(n=128, variable_len=False, seed=13):
    basic_corners = np.array([[-1, -1], [-1, 1], [1, 1], [1, -1]])
    np.random.seed(seed)
    bases = np.random.randint(4, size=n)
    if variable_len:
        lengths = np.random.randint(3, size=n) + 2
    else:
        lengths = [4] * n
    directions = np.random.randint(2, size=n)
    points = [
        basic_corners[[(b + i) % 4 for i in range(4)]][slice(None, None, d * 2 - 1)][:l]
        + np.random.randn(l, 2) * 0.1
        for b, d, l in zip(bases, directions, lengths)
    ]
    return points, directions


class StepByStep:
    """stepbystep/v4.py, the parts chapter 10 uses."""

    def __init__(self, model, loss_fn, optimizer):
        self.model, self.loss_fn, self.optimizer = model, loss_fn, optimizer
        self.device = "cpu"
        self.train_loader = self.val_loader = None
        self.losses, self.val_losses = [], []

    def set_loaders(self, train_loader, val_loader=None):
        self.train_loader, self.val_loader = train_loader, val_loader

    def _epoch(self, loader, train):
        losses = []
        for x, y in loader:
            self.model.train(train)
            loss = self.loss_fn(self.model(x), y)
            if train:
                loss.backward()
                self.optimizer.step()
                self.optimizer.zero_grad()
            losses.append(loss.item())
        return np.mean(losses)

    def train(self, n_epochs, seed=42):
        torch.manual_seed(seed)
        np.random.seed(seed)
        for _ in range(n_epochs):
            self.losses.append(self._epoch(self.train_loader, True))
            if self.val_loader is not None:
                with torch.no_grad():
                    self.val_losses.append(self._epoch(self.val_loader, False))


# ---------------- chapter 9: sequence-to-sequence ----------------
class Encoder(nn.Module):
    def __init__(self, n_features, hidden_dim):
        super().__init__()
        self.hidden_dim = hidden_dim
        self.n_features = n_features
        self.hidden = None
        self.basic_rnn = nn.GRU(self.n_features, self.hidden_dim, batch_first=True)

    def forward(self, X):
        rnn_out, self.hidden = self.basic_rnn(X)
        return rnn_out  # N, L, F


full_seq = torch.tensor([[-1, -1], [-1, 1], [1, 1], [1, -1]]).float().view(1, 4, 2)
source_seq = full_seq[:, :2]  # first two corners
target_seq = full_seq[:, 2:]  # last two corners
torch.manual_seed(21)
encoder = Encoder(n_features=2, hidden_dim=2)
hidden_seq = encoder(source_seq)  # output is N, L, F
hidden_final = hidden_seq[:, -1:]  # takes last hidden state
print(hidden_final)


class Decoder(nn.Module):
    def __init__(self, n_features, hidden_dim):
        super().__init__()
        self.hidden_dim = hidden_dim
        self.n_features = n_features
        self.hidden = None
        self.basic_rnn = nn.GRU(self.n_features, self.hidden_dim, batch_first=True)
        self.regression = nn.Linear(self.hidden_dim, self.n_features)

    def init_hidden(self, hidden_seq):
        # We only need the final hidden state
        hidden_final = hidden_seq[:, -1:]  # N, 1, H
        # But we need to make it sequence-first
        self.hidden = hidden_final.permute(1, 0, 2)  # 1, N, H

    def forward(self, X):
        # X is N, 1, F
        batch_first_output, self.hidden = self.basic_rnn(X, self.hidden)
        last_output = batch_first_output[:, -1:]
        out = self.regression(last_output)
        # N, 1, F
        return out.view(-1, 1, self.n_features)


torch.manual_seed(21)
decoder = Decoder(n_features=2, hidden_dim=2)
for teacher_forcing_prob in (0.0, 1.0, 0.5):
    # Initial hidden state will be encoder's final hidden state
    decoder.init_hidden(hidden_seq)
    # Initial data point is the last element of source sequence
    inputs = source_seq[:, -1:]
    target_len = 2
    for i in range(target_len):
        print(f"Hidden: {decoder.hidden}")
        out = decoder(inputs)  # Predicts coordinates
        print(f"Output: {out}\n")
        # If it is teacher forcing
        if torch.rand(1) <= teacher_forcing_prob:
            # Takes the actual element
            inputs = target_seq[:, i : i + 1]
        else:
            # Otherwise uses the last predicted output
            inputs = out


class EncoderDecoder(nn.Module):
    def __init__(self, encoder, decoder, input_len, target_len, teacher_forcing_prob=0.5):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder
        self.input_len = input_len
        self.target_len = target_len
        self.teacher_forcing_prob = teacher_forcing_prob
        self.outputs = None

    def init_outputs(self, batch_size):
        device = next(self.parameters()).device
        # N, L (target), F
        self.outputs = torch.zeros(batch_size, self.target_len, self.encoder.n_features).to(device)

    def store_output(self, i, out):
        # Stores the output
        self.outputs[:, i : i + 1, :] = out

    def forward(self, X):
        # splits the data in source and target sequences
        # the target seq will be empty in testing mode
        # N, L, F
        source_seq = X[:, : self.input_len, :]
        target_seq = X[:, self.input_len :, :]
        self.init_outputs(X.shape[0])
        # Encoder expected N, L, F
        hidden_seq = self.encoder(source_seq)
        # Output is N, L, H
        self.decoder.init_hidden(hidden_seq)
        # The last input of the encoder is also
        # the first input of the decoder
        dec_inputs = source_seq[:, -1:, :]
        # Generates as many outputs as the target length
        for i in range(self.target_len):
            # Output of decoder is N, 1, F
            out = self.decoder(dec_inputs)
            self.store_output(i, out)
            prob = self.teacher_forcing_prob
            # In evaluation/test the target sequence is
            # unknown, so we cannot use teacher forcing
            if not self.training:
                prob = 0
            # If it is teacher forcing
            if torch.rand(1) <= prob:
                # Takes the actual element
                dec_inputs = target_seq[:, i : i + 1, :]
            else:
                # Otherwise uses the last predicted output
                dec_inputs = out
        return self.outputs


encdec = EncoderDecoder(encoder, decoder, input_len=2, target_len=2, teacher_forcing_prob=1.0)
encdec.train()
print(encdec(full_seq))
check("seq2seq graph", graph(encdec.outputs))
encdec.eval()
print(encdec(source_seq))


def calc_alphas(ks, q):
    dims = q.size(-1)
    # N, 1, H x N, H, L -> N, 1, L
    products = torch.bmm(q, ks.permute(0, 2, 1))
    scaled_products = products / np.sqrt(dims)
    alphas = F.softmax(scaled_products, dim=-1)
    return alphas


q = torch.tensor([0.55, 0.95]).view(1, 1, 2)  # N, 1, H
k = torch.tensor([[0.65, 0.2], [0.85, -0.4], [-0.95, -0.75]]).view(1, 3, 2)  # N, L, H
prod = torch.bmm(q, k.permute(0, 2, 1))
print(prod)
scores = F.softmax(prod, dim=-1)
print(scores)
print(torch.bmm(scores, k), calc_alphas(k, q))
dummy_product = torch.tensor([4.0, 1.0])
print(F.softmax(dummy_product, dim=-1), F.softmax(100 * dummy_product, dim=-1))
torch.manual_seed(5)
n_dims = 10
vector1 = torch.randn(1000, 1, n_dims)
vector2 = torch.randn(1000, 1, n_dims).permute(0, 2, 1)
print(torch.bmm(vector1, vector2).squeeze().var().round(decimals=2))


class Attention(nn.Module):
    def __init__(self, hidden_dim, input_dim=None, proj_values=False):
        super().__init__()
        self.d_k = hidden_dim
        self.input_dim = hidden_dim if input_dim is None else input_dim
        self.proj_values = proj_values
        # Affine transformations for Q, K, and V
        self.linear_query = nn.Linear(self.input_dim, hidden_dim)
        self.linear_key = nn.Linear(self.input_dim, hidden_dim)
        self.linear_value = nn.Linear(self.input_dim, hidden_dim)
        self.alphas = None

    def init_keys(self, keys):
        self.keys = keys
        self.proj_keys = self.linear_key(self.keys)
        self.values = self.linear_value(self.keys) if self.proj_values else self.keys

    def score_function(self, query):
        proj_query = self.linear_query(query)
        # scaled dot product
        # N, 1, H x N, H, L -> N, 1, L
        dot_products = torch.bmm(proj_query, self.proj_keys.permute(0, 2, 1))
        scores = dot_products / np.sqrt(self.d_k)
        return scores

    def forward(self, query, mask=None):
        # Query is batch-first N, 1, H
        scores = self.score_function(query)  # N, 1, L
        if mask is not None:
            scores = scores.masked_fill(mask == 0, -1e9)
        alphas = F.softmax(scores, dim=-1)  # N, 1, L
        self.alphas = alphas.detach()
        # N, 1, L x N, L, H -> N, 1, H
        context = torch.bmm(alphas, self.values)
        return context


source_seq = torch.tensor([[[-1.0, 1.0], [0.0, 0.0]]])
keys = torch.tensor([[[-0.38, 0.44], [0.85, -0.05]]])
query = torch.tensor([[[-1.0, 1.0]]])
source_mask = (source_seq != 0).all(axis=2).unsqueeze(1)
print(source_mask)  # N, 1, L
torch.manual_seed(11)
attnh = Attention(2)
attnh.init_keys(keys)
context = attnh(query, mask=source_mask)
print(attnh.alphas, context)


class DecoderAttn(nn.Module):
    def __init__(self, n_features, hidden_dim):
        super().__init__()
        self.hidden_dim = hidden_dim
        self.n_features = n_features
        self.hidden = None
        self.basic_rnn = nn.GRU(self.n_features, self.hidden_dim, batch_first=True)
        self.attn = Attention(self.hidden_dim)
        self.regression = nn.Linear(2 * self.hidden_dim, self.n_features)

    def init_hidden(self, hidden_seq):
        # the output of the encoder is N, L, H
        # and init_keys expects batch-first as well
        self.attn.init_keys(hidden_seq)
        hidden_final = hidden_seq[:, -1:]
        self.hidden = hidden_final.permute(1, 0, 2)  # L, N, H

    def forward(self, X, mask=None):
        # X is N, 1, F
        batch_first_output, self.hidden = self.basic_rnn(X, self.hidden)
        query = batch_first_output[:, -1:]
        # Attention
        context = self.attn(query, mask=mask)
        concatenated = torch.cat([context, query], axis=-1)
        out = self.regression(concatenated)
        # N, 1, F
        return out.view(-1, 1, self.n_features)


class EncoderDecoderAttn(EncoderDecoder):
    def __init__(self, encoder, decoder, input_len, target_len, teacher_forcing_prob=0.5):
        super().__init__(encoder, decoder, input_len, target_len, teacher_forcing_prob)
        self.alphas = None

    def init_outputs(self, batch_size):
        device = next(self.parameters()).device
        # N, L (target), F
        self.outputs = torch.zeros(batch_size, self.target_len, self.encoder.n_features).to(device)
        # N, L (target), L (source)
        self.alphas = torch.zeros(batch_size, self.target_len, self.input_len).to(device)

    def store_output(self, i, out):
        # Stores the output
        self.outputs[:, i : i + 1, :] = out
        self.alphas[:, i : i + 1, :] = self.decoder.attn.alphas


points, directions = generate_sequences(n=32, seed=13)
full_train = torch.as_tensor(np.array(points)).float()
target_train = full_train[:, 2:]
test_points, test_directions = generate_sequences(n=16, seed=19)
full_test = torch.as_tensor(np.array(test_points)).float()
train_data = TensorDataset(full_train, target_train)
test_data = TensorDataset(full_test[:, :2], full_test[:, 2:])
generator = torch.Generator()
train_loader = DataLoader(train_data, batch_size=16, shuffle=True, generator=generator)
test_loader = DataLoader(test_data, batch_size=16)
for cls, dec_cls in ((EncoderDecoder, Decoder), (EncoderDecoderAttn, DecoderAttn)):
    torch.manual_seed(23)
    encoder = Encoder(n_features=2, hidden_dim=2)
    decoder = dec_cls(n_features=2, hidden_dim=2)
    model = cls(encoder, decoder, input_len=2, target_len=2, teacher_forcing_prob=0.5)
    loss = nn.MSELoss()
    optimizer = optim.Adam(model.parameters(), lr=0.01)
    sbs_seq = StepByStep(model, loss, optimizer)
    sbs_seq.set_loaders(train_loader, test_loader)
    sbs_seq.train(2)
    check(f"{cls.__name__} losses", [sbs_seq.losses, sbs_seq.val_losses])
model.eval()
print(model(full_train[:1, :2]), model.alphas)


class PositionalEncoding(nn.Module):
    def __init__(self, max_len, d_model):
        super().__init__()
        self.d_model = d_model
        pe = torch.zeros(max_len, d_model)
        position = torch.arange(0, max_len).float().unsqueeze(1)
        angular_speed = torch.exp(
            torch.arange(0, d_model, 2).float() * (-np.log(10000.0) / d_model)
        )
        pe[:, 0::2] = torch.sin(position * angular_speed)  # even dimensions
        pe[:, 1::2] = torch.cos(position * angular_speed)  # odd dimensions
        self.register_buffer("pe", pe.unsqueeze(0))

    def forward(self, x):
        # x is N, L, D
        # pe is 1, maxlen, D
        scaled_x = x * np.sqrt(self.d_model)
        encoded = scaled_x + self.pe[:, : x.size(1), :]
        return encoded


class MultiHeadedAttention(nn.Module):
    def __init__(self, n_heads, d_model, dropout=0.1):
        super(MultiHeadedAttention, self).__init__()  # noqa: UP008  (as the book)
        self.n_heads = n_heads
        self.d_model = d_model
        self.d_k = int(d_model / n_heads)
        self.linear_query = nn.Linear(d_model, d_model)
        self.linear_key = nn.Linear(d_model, d_model)
        self.linear_value = nn.Linear(d_model, d_model)
        self.linear_out = nn.Linear(d_model, d_model)
        self.dropout = nn.Dropout(p=dropout)
        self.alphas = None

    def make_chunks(self, x):
        batch_size, seq_len = x.size(0), x.size(1)
        # N, L, D -> N, L, n_heads * d_k
        x = x.view(batch_size, seq_len, self.n_heads, self.d_k)
        # N, n_heads, L, d_k
        x = x.transpose(1, 2)
        return x

    def init_keys(self, key):
        # N, n_heads, L, d_k
        self.proj_key = self.make_chunks(self.linear_key(key))
        self.proj_value = self.make_chunks(self.linear_value(key))

    def score_function(self, query):
        # scaled dot product
        # N, n_heads, L, d_k x # N, n_heads, d_k, L -> N, n_heads, L, L
        proj_query = self.make_chunks(self.linear_query(query))
        dot_products = torch.matmul(proj_query, self.proj_key.transpose(-2, -1))
        scores = dot_products / np.sqrt(self.d_k)
        return scores

    def attn(self, query, mask=None):
        # Query is batch-first: N, L, D
        # Score function will generate scores for each head
        scores = self.score_function(query)  # N, n_heads, L, L
        if mask is not None:
            scores = scores.masked_fill(mask == 0, -1e9)
        alphas = F.softmax(scores, dim=-1)  # N, n_heads, L, L
        alphas = self.dropout(alphas)
        self.alphas = alphas.detach()
        # N, n_heads, L, L x N, n_heads, L, d_k -> N, n_heads, L, d_k
        context = torch.matmul(alphas, self.proj_value)
        return context

    def output_function(self, contexts):
        # N, L, D
        out = self.linear_out(contexts)  # N, L, D
        return out

    def forward(self, query, mask=None):
        if mask is not None:
            # N, 1, L, L - every head uses the same mask
            mask = mask.unsqueeze(1)
        # N, n_heads, L, d_k
        context = self.attn(query, mask=mask)
        # N, L, n_heads, d_k
        context = context.transpose(1, 2).contiguous()
        # N, L, n_heads * d_k = N, L, d_model
        context = context.view(query.size(0), -1, self.d_model)
        # N, L, d_model
        out = self.output_function(context)
        return out


torch.manual_seed(12)
dummy_points = torch.randn(16, 2, 4)  # N, L, F
mha = MultiHeadedAttention(n_heads=2, d_model=4, dropout=0.0)
mha.init_keys(dummy_points)
out = mha(dummy_points)  # N, L, D
print(out.shape, mha.alphas.shape, mha.alphas.requires_grad)
out.sum().backward()
check("multi-headed attention", [out[:2], mha.linear_query.weight.grad])


class EncoderLayer(nn.Module):
    def __init__(self, n_heads, d_model, ff_units, dropout=0.1):
        super().__init__()
        self.n_heads = n_heads
        self.d_model = d_model
        self.ff_units = ff_units
        self.self_attn_heads = MultiHeadedAttention(n_heads, d_model, dropout=dropout)
        self.ffn = nn.Sequential(
            nn.Linear(d_model, ff_units),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(ff_units, d_model),
        )
        self.norm1 = nn.LayerNorm(d_model)
        self.norm2 = nn.LayerNorm(d_model)
        self.drop1 = nn.Dropout(dropout)
        self.drop2 = nn.Dropout(dropout)

    def forward(self, query, mask=None):
        # Sublayer #0
        # Norm
        norm_query = self.norm1(query)
        # Multi-headed Attention
        self.self_attn_heads.init_keys(norm_query)
        states = self.self_attn_heads(norm_query, mask)
        # Add
        att = query + self.drop1(states)
        # Sublayer #1
        # Norm
        norm_att = self.norm2(att)
        # Feed Forward
        out = self.ffn(norm_att)
        # Add
        out = att + self.drop2(out)
        return out


class EncoderTransf(nn.Module):
    def __init__(self, encoder_layer, n_layers=1, max_len=100):
        super().__init__()
        self.d_model = encoder_layer.d_model
        self.pe = PositionalEncoding(max_len, self.d_model)
        self.norm = nn.LayerNorm(self.d_model)
        self.layers = nn.ModuleList([copy.deepcopy(encoder_layer) for _ in range(n_layers)])

    def forward(self, query, mask=None):
        # Positional Encoding
        x = self.pe(query)
        for layer in self.layers:
            x = layer(x, mask)
        # Norm
        return self.norm(x)


class DecoderLayer(nn.Module):
    def __init__(self, n_heads, d_model, ff_units, dropout=0.1):
        super().__init__()
        self.n_heads = n_heads
        self.d_model = d_model
        self.ff_units = ff_units
        self.self_attn_heads = MultiHeadedAttention(n_heads, d_model, dropout=dropout)
        self.cross_attn_heads = MultiHeadedAttention(n_heads, d_model, dropout=dropout)
        self.ffn = nn.Sequential(
            nn.Linear(d_model, ff_units),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(ff_units, d_model),
        )
        self.norm1 = nn.LayerNorm(d_model)
        self.norm2 = nn.LayerNorm(d_model)
        self.norm3 = nn.LayerNorm(d_model)
        self.drop1 = nn.Dropout(dropout)
        self.drop2 = nn.Dropout(dropout)
        self.drop3 = nn.Dropout(dropout)

    def init_keys(self, states):
        self.cross_attn_heads.init_keys(states)

    def forward(self, query, source_mask=None, target_mask=None):
        # Sublayer #0
        norm_query = self.norm1(query)
        self.self_attn_heads.init_keys(norm_query)
        states = self.self_attn_heads(norm_query, target_mask)
        att1 = query + self.drop1(states)
        # Sublayer #1
        norm_att1 = self.norm2(att1)
        encoder_states = self.cross_attn_heads(norm_att1, source_mask)
        att2 = att1 + self.drop2(encoder_states)
        # Sublayer #2
        norm_att2 = self.norm3(att2)
        out = self.ffn(norm_att2)
        out = att2 + self.drop3(out)
        return out


class DecoderTransf(nn.Module):
    def __init__(self, decoder_layer, n_layers=1, max_len=100):
        super(DecoderTransf, self).__init__()  # noqa: UP008  (as the book)
        self.d_model = decoder_layer.d_model
        self.pe = PositionalEncoding(max_len, self.d_model)
        self.norm = nn.LayerNorm(self.d_model)
        self.layers = nn.ModuleList([copy.deepcopy(decoder_layer) for _ in range(n_layers)])

    def init_keys(self, states):
        for layer in self.layers:
            layer.init_keys(states)

    def forward(self, query, source_mask=None, target_mask=None):
        # Positional Encoding
        x = self.pe(query)
        for layer in self.layers:
            x = layer(x, source_mask, target_mask)
        # Norm
        return self.norm(x)


enclayer = nn.TransformerEncoderLayer(d_model=6, nhead=3, dim_feedforward=20)
enctransf = nn.TransformerEncoder(enclayer, num_layers=1, norm=nn.LayerNorm)
declayer = nn.TransformerDecoderLayer(d_model=6, nhead=3, dim_feedforward=20)
dectransf = nn.TransformerDecoder(declayer, num_layers=1, norm=nn.LayerNorm)
print(enctransf.norm, dectransf.norm, enclayer.norm_first, enclayer.activation)
raises(
    "TransformerEncoder given the LayerNorm class as norm", lambda: enctransf(torch.zeros(2, 1, 6))
)

# ---------------- layer normalization ----------------
d_model = 4
seq_len = 2
n_points = 3
torch.manual_seed(34)
data = torch.randn(n_points, seq_len, d_model)
pe = PositionalEncoding(seq_len, d_model)
inputs = pe(data)
print(inputs)
inputs_mean = inputs.mean(axis=2).unsqueeze(2)
print(inputs_mean)
inputs_var = inputs.var(axis=2, unbiased=False).unsqueeze(2)
print(inputs_var)
print((inputs - inputs_mean) / torch.sqrt(inputs_var + 1e-5))
layer_norm = nn.LayerNorm(d_model)
print(layer_norm.state_dict())
normalized = layer_norm(inputs)
# (the book prints the mean, about 1e-8: PyTorch's LayerNorm takes the row's moments with a
# float32 Welford kernel the engine does not reproduce bit for bit, so one output can differ in
# the last bit and this mean with it; its size and the std are shown, the values checked)
print(normalized[0][0].mean().abs() < 1e-6, normalized[0][0].std(unbiased=False))
check("layer norm", normalized)
torch.manual_seed(23)
dummy_points = torch.randn(4, 1, 256)
dummy_pe = PositionalEncoding(1, 256)
dummy_enc = dummy_pe(dummy_points)
print(dummy_enc.shape, dummy_enc[0, 0, :4])
layer_normalizer = nn.LayerNorm(256)
dummy_normed = layer_normalizer(dummy_enc)
check("layer norm of 256", dummy_normed)
pe = PositionalEncoding(max_len=2, d_model=2)
source_seq = torch.tensor([[[1.0349, 0.9661], [0.8055, -0.9169]]])
source_seq_enc = pe(source_seq)
print(source_seq_enc)
norm = nn.LayerNorm(2)
print(norm(source_seq_enc))
torch.manual_seed(11)
proj_dim = 6
linear_proj = nn.Linear(2, proj_dim)
pe = PositionalEncoding(2, proj_dim)
source_seq_proj = linear_proj(source_seq)
source_seq_proj_enc = pe(source_seq_proj)
print(source_seq_proj_enc)
norm = nn.LayerNorm(proj_dim)
print(norm(source_seq_proj_enc))


# ---------------- the encoder-decoder transformer ----------------
class EncoderDecoderTransf(nn.Module):
    def __init__(self, encoder, decoder, input_len, target_len, n_features):
        super(EncoderDecoderTransf, self).__init__()  # noqa: UP008  (as the book)
        self.encoder = encoder
        self.decoder = decoder
        self.input_len = input_len
        self.target_len = target_len
        self.trg_masks = self.subsequent_mask(self.target_len)
        self.n_features = n_features
        self.proj = nn.Linear(n_features, encoder.d_model)
        self.linear = nn.Linear(encoder.d_model, n_features)

    @staticmethod
    def subsequent_mask(size):
        attn_shape = (1, size, size)
        subsequent_mask = 1 - torch.triu(torch.ones(attn_shape), diagonal=1)
        return subsequent_mask

    def encode(self, source_seq, source_mask=None):
        # Projection
        source_proj = self.proj(source_seq)
        encoder_states = self.encoder(source_proj, source_mask)
        self.decoder.init_keys(encoder_states)

    def decode(self, shifted_target_seq, source_mask=None, target_mask=None):
        # Projection
        target_proj = self.proj(shifted_target_seq)
        outputs = self.decoder(target_proj, source_mask=source_mask, target_mask=target_mask)
        # Linear
        outputs = self.linear(outputs)
        return outputs

    def predict(self, source_seq, source_mask):
        inputs = source_seq[:, -1:]
        for i in range(self.target_len):
            out = self.decode(inputs, source_mask, self.trg_masks[:, : i + 1, : i + 1])
            out = torch.cat([inputs, out[:, -1:, :]], dim=-2)
            inputs = out.detach()
        outputs = inputs[:, 1:, :]
        return outputs

    def forward(self, X, source_mask=None):
        # Sends the mask to the same device as the inputs
        self.trg_masks = self.trg_masks.type_as(X).bool()
        # Slices the input to get source sequence
        source_seq = X[:, : self.input_len, :]
        # Encodes source sequence AND initializes decoder
        self.encode(source_seq, source_mask)
        if self.training:
            # Slices the input to get the shifted target seq
            shifted_target_seq = X[:, self.input_len - 1 : -1, :]
            # Decodes using the mask to prevent cheating
            outputs = self.decode(shifted_target_seq, source_mask, self.trg_masks)
        else:
            # Decodes using its own predictions
            outputs = self.predict(source_seq, source_mask)
        return outputs


print(EncoderDecoderTransf.subsequent_mask(3))
points, directions = generate_sequences(n=32, seed=13)
full_train = torch.as_tensor(np.array(points)).float()
target_train = full_train[:, 2:]
test_points, test_directions = generate_sequences(n=16, seed=17)
full_test = torch.as_tensor(np.array(test_points)).float()
source_test = full_test[:, :2]
target_test = full_test[:, 2:]
train_data = TensorDataset(full_train, target_train)
test_data = TensorDataset(source_test, target_test)
generator = torch.Generator()
train_loader = DataLoader(train_data, batch_size=16, shuffle=True, generator=generator)
test_loader = DataLoader(test_data, batch_size=16)

torch.manual_seed(42)
enclayer = EncoderLayer(n_heads=3, d_model=6, ff_units=10, dropout=0.1)
declayer = DecoderLayer(n_heads=3, d_model=6, ff_units=10, dropout=0.1)
enctransf = EncoderTransf(enclayer, n_layers=2)
dectransf = DecoderTransf(declayer, n_layers=2)
model_transf = EncoderDecoderTransf(enctransf, dectransf, input_len=2, target_len=2, n_features=2)
loss = nn.MSELoss()
optimizer = torch.optim.Adam(model_transf.parameters(), lr=0.01)
for p in model_transf.parameters():
    if p.dim() > 1:
        nn.init.xavier_uniform_(p)
print(sum(p.numel() for p in model_transf.parameters()))
check("xavier init", model_transf.encoder.layers[1].ffn[0].weight)
sbs_seq_transf = StepByStep(model_transf, loss, optimizer)
sbs_seq_transf.set_loaders(train_loader, test_loader)
sbs_seq_transf.train(2)
check("transformer losses", [sbs_seq_transf.losses, sbs_seq_transf.val_losses])
torch.manual_seed(11)
x, y = next(iter(train_loader))
model_transf.train()
print(loss(model_transf(x), y))
model_transf.eval()
print(loss(model_transf(x), y))
print(model_transf.decoder.layers[0].cross_attn_heads.alphas[0])


# ---------------- nn.Transformer ----------------
class TransformerModel(nn.Module):
    def __init__(self, transformer, input_len, target_len, n_features):
        super().__init__()
        self.transf = transformer
        self.input_len = input_len
        self.target_len = target_len
        self.trg_masks = self.transf.generate_square_subsequent_mask(self.target_len)
        self.n_features = n_features
        self.proj = nn.Linear(n_features, self.transf.d_model)
        self.linear = nn.Linear(self.transf.d_model, n_features)
        max_len = max(self.input_len, self.target_len)
        self.pe = PositionalEncoding(max_len, self.transf.d_model)
        self.norm = nn.LayerNorm(self.transf.d_model)

    def preprocess(self, seq):
        seq_proj = self.proj(seq)
        seq_enc = self.pe(seq_proj)
        return self.norm(seq_enc)

    def encode_decode(self, source, target, source_mask=None, target_mask=None):
        # Projections
        # PyTorch Transformer expects N, L, F because batch_first=True
        src = self.preprocess(source)
        tgt = self.preprocess(target)
        out = self.transf(src, tgt, src_key_padding_mask=source_mask, tgt_mask=target_mask)
        # Linear
        # Back to N, L, D
        out = self.linear(out)  # N, L, F
        return out

    def predict(self, source_seq, source_mask=None):
        inputs = source_seq[:, -1:]
        for i in range(self.target_len):
            out = self.encode_decode(
                source_seq,
                inputs,
                source_mask=source_mask,
                target_mask=self.trg_masks[: i + 1, : i + 1],
            )
            out = torch.cat([inputs, out[:, -1:, :]], dim=-2)
            inputs = out.detach()
        outputs = out[:, 1:, :]
        return outputs

    def forward(self, X, source_mask=None):
        self.trg_masks = self.trg_masks.type_as(X)
        source_seq = X[:, : self.input_len, :]
        if self.training:
            shifted_target_seq = X[:, self.input_len - 1 : -1, :]
            outputs = self.encode_decode(
                source_seq, shifted_target_seq, source_mask=source_mask, target_mask=self.trg_masks
            )
        else:
            outputs = self.predict(source_seq, source_mask)
        return outputs


print(nn.Transformer.generate_square_subsequent_mask(3))
torch.manual_seed(42)
transformer = nn.Transformer(
    d_model=6,
    nhead=3,
    num_encoder_layers=1,
    num_decoder_layers=1,
    dim_feedforward=20,
    dropout=0.1,
    batch_first=True,
)
model_transformer = TransformerModel(transformer, input_len=2, target_len=2, n_features=2)
loss = nn.MSELoss()
optimizer = torch.optim.Adam(model_transformer.parameters(), lr=0.01)
for p in model_transformer.parameters():
    if p.dim() > 1:
        nn.init.xavier_uniform_(p)
print(model_transformer.transf.encoder.layers[0])
sbs_seq_transformer = StepByStep(model_transformer, loss, optimizer)
sbs_seq_transformer.set_loaders(train_loader, test_loader)
sbs_seq_transformer.train(2)
check("nn.Transformer losses", [sbs_seq_transformer.losses, sbs_seq_transformer.val_losses])
model_transformer.eval()
pad_mask = torch.tensor([[False, True]] * 16)
with torch.no_grad():
    masked = model_transformer.encode_decode(source_test, source_test[:, -1:], source_mask=pad_mask)
print(masked.shape)
check("src_key_padding_mask", masked[:3])


# ---------------- vision transformer ----------------
def gen_img(start, target, fill=1, img_size=10):
    img = np.zeros((img_size, img_size), dtype=float)
    start_row, start_col = None, None
    if start > 0:
        start_row = start
    else:
        start_col = np.abs(start)
    if target == 0:
        if start_row is None:
            img[:, start_col] = fill
        else:
            img[start_row, :] = fill
    else:
        if start_col == 0:
            start_col = 1
        if target == 1:
            if start_row is not None:
                up = (range(start_row, -1, -1), range(0, start_row + 1))
            else:
                up = (range(img_size - 1, start_col - 1, -1), range(start_col, img_size))
            img[tuple(map(list, up))] = fill
        else:
            if start_row is not None:
                down = (range(start_row, img_size, 1), range(0, img_size - start_row))
            else:
                down = (range(0, img_size - 1 - start_col + 1), range(start_col, img_size))
            img[tuple(map(list, down))] = fill
    return 255 * img.reshape(1, img_size, img_size)


np.random.seed(17)
starts = np.random.randint(-11, 12, size=(48,))
targets = np.random.randint(0, 3, size=(48,))
images = np.array([gen_img(s, t, img_size=12) for s, t in zip(starts, targets)], dtype=np.uint8)
labels = targets
img = torch.as_tensor(images[2]).unsqueeze(0).float() / 255.0


def extract_image_patches(x, kernel_size, stride=1):
    # Extract patches
    patches = x.unfold(2, kernel_size, stride)
    patches = patches.unfold(3, kernel_size, stride)
    patches = patches.permute(0, 2, 3, 1, 4, 5).contiguous()
    return patches.view(x.shape[0], patches.shape[1], patches.shape[2], -1)


kernel_size = 4
patches = extract_image_patches(img, kernel_size, stride=kernel_size)
print(patches.shape)
seq_patches = patches.view(-1, patches.size(-1))
print(seq_patches.shape, seq_patches.sum(dim=1))


class PatchEmbed(nn.Module):
    def __init__(self, img_size=224, patch_size=16, in_channels=3, embed_dim=768, dilation=1):
        super().__init__()
        num_patches = (img_size // patch_size) * (img_size // patch_size)
        self.img_size = img_size
        self.patch_size = patch_size
        self.num_patches = num_patches
        self.proj = nn.Conv2d(in_channels, embed_dim, kernel_size=patch_size, stride=patch_size)

    def forward(self, x):
        x = self.proj(x).flatten(2).transpose(1, 2)
        return x


torch.manual_seed(13)
patch_embed = PatchEmbed(img.size(-1), kernel_size, 1, kernel_size**2)
embedded = patch_embed(img)
print(embedded.shape)
imgs = torch.as_tensor(images[2:4]).float() / 255.0
embeddeds = patch_embed(imgs)
check("patch embeddings", embeddeds)
cls_token = nn.Parameter(torch.zeros(1, 1, 16))
print(cls_token)
x_tensor = torch.as_tensor(images / 255).float()
y_tensor = torch.as_tensor(labels).long()
train_loader = DataLoader(
    TensorDataset((x_tensor - 0.5) / 0.5, y_tensor), batch_size=16, shuffle=True
)
images_batch, labels_batch = next(iter(train_loader))
print(images_batch.shape)  # N, C, H, W
embed = patch_embed(images_batch)
print(embed.shape)  # N, L, D
cls_tokens = cls_token.expand(embed.size(0), -1, -1)
embed_cls = torch.cat((cls_tokens, embed), dim=1)
print(embed_cls.shape)  # N, L+1, D


class ViT(nn.Module):
    def __init__(self, encoder, img_size, in_channels, patch_size, n_outputs):
        super().__init__()
        self.d_model = encoder.d_model
        self.n_outputs = n_outputs
        self.encoder = encoder
        self.mlp = nn.Linear(encoder.d_model, n_outputs)
        self.embed = PatchEmbed(img_size, patch_size, in_channels, encoder.d_model)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, encoder.d_model))

    def preprocess(self, X):
        # Patch embeddings
        # N, L, F -> N, L, D
        src = self.embed(X)
        # Special classifier token
        # 1, 1, D -> N, 1, D
        cls_tokens = self.cls_token.expand(X.size(0), -1, -1)
        # Concatenates CLS tokens -> N, 1 + L, D
        src = torch.cat((cls_tokens, src), dim=1)
        return src

    def encode(self, source):
        # Encoder generates "hidden states"
        states = self.encoder(source)
        # Gets state from first token: CLS
        cls_state = states[:, 0]  # N, 1, D
        return cls_state

    def forward(self, X):
        src = self.preprocess(X)
        # Featurizer
        cls_state = self.encode(src)
        # Classifier
        out = self.mlp(cls_state)  # N, 1, outputs
        return out


torch.manual_seed(17)
layer = EncoderLayer(n_heads=2, d_model=16, ff_units=20)
encoder = EncoderTransf(layer, n_layers=1)
model_vit = ViT(encoder, img_size=12, in_channels=1, patch_size=4, n_outputs=3)
multi_loss_fn = nn.CrossEntropyLoss()
optimizer_vit = optim.Adam(model_vit.parameters(), lr=1e-3)
sbs_vit = StepByStep(model_vit, multi_loss_fn, optimizer_vit)
sbs_vit.set_loaders(train_loader)
sbs_vit.train(2)
check("ViT losses", sbs_vit.losses)
check("cls token", model_vit.cls_token)
