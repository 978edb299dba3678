# Daniel Voigt Godoy, "Deep Learning with PyTorch Step-by-Step" (github.com/dvgodoy/PyTorchStepByStep),
# chapter 8 "Sequences": the square-corners data (data_generation/square_sequences.py), an
# RNNCell taken apart (nn.Linear layers given its weights as nn.Parameter under no_grad), RNN
# with batch_first, stacked and bidirectional RNNs rebuilt from single layers through
# load_state_dict of renamed state_dict items, GRUCell and LSTMCell gate by gate (split of
# the weights, linear_layers), SquareModel / GRU / LSTM classifiers with BCEWithLogitsLoss,
# variable-length sequences (pad_sequence, pack_sequence(enforce_sorted=False), the packed
# data's order, pad_packed_sequence, pack_padded_sequence), a pack_collate DataLoader and a
# packed bidirectional LSTM, Conv1d (a moving average, dilation) and SquareModelOne. Fewer
# epochs than the book's 100 keep it fast.
import random

import numpy as np

DataLoader = torch.utils.data.DataLoader
Dataset = torch.utils.data.Dataset
TensorDataset = torch.utils.data.TensorDataset
rnn_utils = nn.utils.rnn


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
    """stepbystep/v4.py, the parts chapter 8 uses."""

    def __init__(self, model, loss_fn, optimizer):
        self.model = model
        self.loss_fn = loss_fn
        self.optimizer = optimizer
        self.device = "cpu"
        self.train_loader = self.val_loader = None
        self.losses, self.val_losses, self.total_epochs = [], [], 0

    def set_loaders(self, train_loader, val_loader=None):
        self.train_loader = train_loader
        self.val_loader = val_loader

    def _step(self, x, y, train):
        self.model.train(train)
        loss = self.loss_fn(self.model(x), y)
        if train:
            loss.backward()
            self.optimizer.step()
            self.optimizer.zero_grad()
        return loss.item()

    def _mini_batch(self, validation=False):
        data_loader = self.val_loader if validation else self.train_loader
        if data_loader is None:
            return None
        losses = [
            self._step(x.to(self.device), y.to(self.device), not validation) for x, y in data_loader
        ]
        return np.mean(losses)

    def train(self, n_epochs, seed=42):
        torch.manual_seed(seed)
        np.random.seed(seed)
        random.seed(seed)
        for epoch in range(n_epochs):
            self.total_epochs += 1
            self.losses.append(self._mini_batch(validation=False))
            with torch.no_grad():
                self.val_losses.append(self._mini_batch(validation=True))

    def correct(self, x, y, threshold=0.5):
        self.model.eval()
        yhat = self.model(x.to(self.device))
        y = y.to(self.device)
        self.model.train()
        n_samples, n_dims = yhat.shape
        n_dims += 1
        predicted = (torch.sigmoid(yhat) > threshold).long()
        result = []
        for c in range(n_dims):
            n_class = (y == c).sum().item()
            n_correct = (predicted[y == c] == c).sum().item()
            result.append((n_correct, n_class))
        return torch.tensor(result)

    @staticmethod
    def loader_apply(loader, func, reduce="sum"):
        results = [func(x, y) for i, (x, y) in enumerate(loader)]
        results = torch.stack(results, axis=0)
        if reduce == "sum":
            results = results.sum(axis=0)
        elif reduce == "mean":
            results = results.float().mean(axis=0)
        return results


points, directions = generate_sequences(n=64, seed=13)
print(points[0].round(4), directions[:8])

# ---------------- RNN cell ----------------
hidden_state = torch.zeros(2)
print(hidden_state)
n_features = 2
hidden_dim = 2
torch.manual_seed(19)
rnn_cell = nn.RNNCell(input_size=n_features, hidden_size=hidden_dim)
rnn_state = rnn_cell.state_dict()
print(rnn_state)
linear_input = nn.Linear(n_features, hidden_dim)
linear_hidden = nn.Linear(hidden_dim, hidden_dim)
with torch.no_grad():
    linear_input.weight = nn.Parameter(rnn_state["weight_ih"])
    linear_input.bias = nn.Parameter(rnn_state["bias_ih"])
    linear_hidden.weight = nn.Parameter(rnn_state["weight_hh"])
    linear_hidden.bias = nn.Parameter(rnn_state["bias_hh"])
initial_hidden = torch.zeros(1, hidden_dim)
th = linear_hidden(initial_hidden)
print(th)
X = torch.as_tensor(points[0]).float()
print(X)
tx = linear_input(X[0:1])
print(tx)
adding = th + tx
print(adding)
print(torch.tanh(adding))
print(rnn_cell(X[0:1]))
print(rnn_cell(X))
hidden = torch.zeros(1, hidden_dim)
for i in range(X.shape[0]):
    out = rnn_cell(X[i : i + 1], hidden)
    print(out)
    hidden = out
check("rnn cell loop", hidden)
print(linear_input.weight is rnn_cell.weight_ih, linear_input.weight.requires_grad)

# ---------------- RNN layer ----------------
torch.manual_seed(19)
rnn = nn.RNN(input_size=n_features, hidden_size=hidden_dim)
print(rnn.state_dict())
batch = torch.as_tensor(np.array(points[:3])).float()
print(batch.shape)
permuted_batch = batch.permute(1, 0, 2)
print(permuted_batch.shape)
out, final_hidden = rnn(permuted_batch)
print(out.shape, final_hidden.shape)
print((out[-1] == final_hidden).all())
batch_hidden = final_hidden.permute(1, 0, 2)
print(batch_hidden.shape)
torch.manual_seed(19)
rnn_batch_first = nn.RNN(input_size=n_features, hidden_size=hidden_dim, batch_first=True)
out, final_hidden = rnn_batch_first(batch)
print(out.shape, final_hidden.shape)
check("rnn batch first", [out, final_hidden])

torch.manual_seed(19)
rnn_stacked = nn.RNN(input_size=2, hidden_size=2, num_layers=2, batch_first=True)
state = rnn_stacked.state_dict()
print(state)
rnn_layer0 = nn.RNN(input_size=2, hidden_size=2, batch_first=True)
rnn_layer1 = nn.RNN(input_size=2, hidden_size=2, batch_first=True)
print(rnn_layer0.load_state_dict(dict(list(state.items())[:4])))
print(rnn_layer1.load_state_dict(dict([(k[:-1] + "0", v) for k, v in list(state.items())[4:]])))
x = torch.as_tensor(points[0:1]).float()
out0, h0 = rnn_layer0(x)
out1, h1 = rnn_layer1(out0)
print(out1, torch.cat([h0, h1]))
out, hidden = rnn_stacked(x)
print(out, hidden)
print((out[:, -1] == hidden.permute(1, 0, 2)[:, -1]).all())
raises(
    "a stacked RNN's state into one layer",
    lambda: rnn_layer0.load_state_dict(state),
)

torch.manual_seed(19)
rnn_bidirect = nn.RNN(input_size=2, hidden_size=2, bidirectional=True, batch_first=True)
state = rnn_bidirect.state_dict()
print(state)
rnn_forward = nn.RNN(input_size=2, hidden_size=2, batch_first=True)
rnn_reverse = nn.RNN(input_size=2, hidden_size=2, batch_first=True)
rnn_forward.load_state_dict(dict(list(state.items())[:4]))
rnn_reverse.load_state_dict(dict([(k[:-8], v) for k, v in list(state.items())[4:]]))
x_rev = torch.flip(x, dims=[1])  # N, L, F
print(x_rev)
out, h = rnn_forward(x)
out_rev, h_rev = rnn_reverse(x_rev)
out_rev_back = torch.flip(out_rev, dims=[1])
print(torch.cat([out, out_rev_back], dim=2), torch.cat([h, h_rev]))
out, hidden = rnn_bidirect(x)
print(out, hidden)
print(out[:, -1] == hidden.permute(1, 0, 2).view(1, -1))
out.sum().backward()
check(
    "bidirectional grads", [rnn_bidirect.weight_hh_l0.grad, rnn_bidirect.weight_hh_l0_reverse.grad]
)

# ---------------- the square model ----------------
test_points, test_directions = generate_sequences(n=32, seed=19)
train_data = TensorDataset(
    torch.as_tensor(np.array(points)).float(), torch.as_tensor(directions).view(-1, 1).float()
)
test_data = TensorDataset(
    torch.as_tensor(np.array(test_points)).float(),
    torch.as_tensor(test_directions).view(-1, 1).float(),
)
train_loader = DataLoader(train_data, batch_size=16, shuffle=True)
test_loader = DataLoader(test_data, batch_size=16)


class SquareModel(nn.Module):
    def __init__(self, n_features, hidden_dim, n_outputs, rnn_layer=nn.RNN):
        super(SquareModel, self).__init__()  # noqa: UP008  (as the book)
        self.hidden_dim = hidden_dim
        self.n_features = n_features
        self.n_outputs = n_outputs
        self.hidden = None
        self.cell = None
        # Simple RNN (the book's SquareModelGRU / SquareModelLSTM swap in nn.GRU / nn.LSTM)
        self.basic_rnn = rnn_layer(self.n_features, self.hidden_dim, batch_first=True)
        # Classifier to produce as many logits as outputs
        self.classifier = nn.Linear(self.hidden_dim, self.n_outputs)

    def forward(self, X):
        # X is batch first (N, L, F)
        # output is (N, L, H)
        # final hidden state is (1, N, H)
        batch_first_output, self.hidden = self.basic_rnn(X)
        if isinstance(self.hidden, tuple):  # (LSTM)
            self.hidden, self.cell = self.hidden
        # only last item in sequence (N, 1, H)
        last_output = batch_first_output[:, -1]
        # classifier will output (N, 1, n_outputs)
        out = self.classifier(last_output)
        # final output is (N, n_outputs)
        return out.view(-1, self.n_outputs)


for layer in (nn.RNN, nn.GRU, nn.LSTM):
    torch.manual_seed(21)
    model = SquareModel(n_features=2, hidden_dim=2, n_outputs=1, rnn_layer=layer)
    loss = nn.BCEWithLogitsLoss()
    optimizer = optim.Adam(model.parameters(), lr=0.01)
    sbs_rnn = StepByStep(model, loss, optimizer)
    sbs_rnn.set_loaders(train_loader, test_loader)
    sbs_rnn.train(3)
    print(layer.__name__, StepByStep.loader_apply(test_loader, sbs_rnn.correct))
    check(f"{layer.__name__} losses", [sbs_rnn.losses, sbs_rnn.val_losses])
    state = model.basic_rnn.state_dict()
    print(state["weight_ih_l0"], state["bias_ih_l0"])
    square = torch.tensor([[-1, -1], [-1, 1], [1, 1], [1, -1]]).float().view(1, 4, 2)
    print(model(square.to(sbs_rnn.device)))
    print(model.hidden, model.cell)

# ---------------- GRU and LSTM cells, gate by gate ----------------
torch.manual_seed(17)
gru_cell = nn.GRUCell(input_size=n_features, hidden_size=hidden_dim)
gru_state = gru_cell.state_dict()
print(gru_state)
Wx, bx = gru_state["weight_ih"], gru_state["bias_ih"]
Wh, bh = gru_state["weight_hh"], gru_state["bias_hh"]
print(Wx.shape, Wh.shape)
print(bx.shape, bh.shape)
Wxr, Wxz, Wxn = Wx.split(hidden_dim, dim=0)
bxr, bxz, bxn = bx.split(hidden_dim, dim=0)
Whr, Whz, Whn = Wh.split(hidden_dim, dim=0)
bhr, bhz, bhn = bh.split(hidden_dim, dim=0)
print(Wxr, bxr)


def linear_layers(Wx, bx, Wh, bh):
    hidden_dim, n_features = Wx.size()
    lin_input = nn.Linear(n_features, hidden_dim)
    lin_input.load_state_dict({"weight": Wx, "bias": bx})
    lin_hidden = nn.Linear(hidden_dim, hidden_dim)
    lin_hidden.load_state_dict({"weight": Wh, "bias": bh})
    return lin_hidden, lin_input


r_hidden, r_input = linear_layers(Wxr, bxr, Whr, bhr)  # reset gate - red
z_hidden, z_input = linear_layers(Wxz, bxz, Whz, bhz)  # update gate - blue
n_hidden, n_input = linear_layers(Wxn, bxn, Whn, bhn)  # candidate state - black


def gate(hidden_layer, input_layer, h, x, act=torch.sigmoid):
    # the book's reset_gate / update_gate / forget_gate / output_gate / input_gate
    return act(hidden_layer(h) + input_layer(x))


def candidate_n(h, x, r):
    thn = n_hidden(h)
    txn = n_input(x)
    n = torch.tanh(r * thn + txn)
    return n  # black


initial_hidden = torch.zeros(1, hidden_dim)
X = torch.as_tensor(points[0]).float()
first_corner = X[0:1]
r = gate(r_hidden, r_input, initial_hidden, first_corner)
print(r)
n = candidate_n(initial_hidden, first_corner, r)
print(n)
z = gate(z_hidden, z_input, initial_hidden, first_corner)
print(z)
h_prime = n * (1 - z) + initial_hidden * z
print(h_prime)
print(gru_cell(first_corner))
check("GRU by hand", [h_prime, gru_cell(first_corner)])

torch.manual_seed(17)
lstm_cell = nn.LSTMCell(input_size=n_features, hidden_size=hidden_dim)
lstm_state = lstm_cell.state_dict()
print(lstm_state)
Wx, bx = lstm_state["weight_ih"], lstm_state["bias_ih"]
Wh, bh = lstm_state["weight_hh"], lstm_state["bias_hh"]
# Split weights and biases for data points
Wxi, Wxf, Wxg, Wxo = Wx.split(hidden_dim, dim=0)
bxi, bxf, bxg, bxo = bx.split(hidden_dim, dim=0)
# Split weights and biases for hidden state
Whi, Whf, Whg, Who = Wh.split(hidden_dim, dim=0)
bhi, bhf, bhg, bho = bh.split(hidden_dim, dim=0)
# Creates linear layers for the components
i_hidden, i_input = linear_layers(Wxi, bxi, Whi, bhi)  # input gate - green
f_hidden, f_input = linear_layers(Wxf, bxf, Whf, bhf)  # forget gate - red
o_hidden, o_input = linear_layers(Wxo, bxo, Who, bho)  # output gate - blue
g_cell = nn.RNNCell(n_features, hidden_dim)  # black
print(g_cell.load_state_dict({"weight_ih": Wxg, "bias_ih": bxg, "weight_hh": Whg, "bias_hh": bhg}))
initial_hidden = torch.zeros(1, hidden_dim)
initial_cell = torch.zeros(1, hidden_dim)
g = g_cell(first_corner)
i = gate(i_hidden, i_input, initial_hidden, first_corner)
gated_input = g * i
print(gated_input)
f = gate(f_hidden, f_input, initial_hidden, first_corner)
gated_cell = initial_cell * f
print(gated_cell)
c_prime = gated_cell + gated_input
print(c_prime)
o = gate(o_hidden, o_input, initial_hidden, first_corner)
h_prime = o * torch.tanh(c_prime)
print(h_prime)
print((h_prime, c_prime))
print(lstm_cell(first_corner))
check("LSTM by hand", [h_prime, c_prime, *lstm_cell(first_corner)])

# ---------------- variable-length sequences ----------------
s0 = points[0]  # 4 data points
s1 = points[1][2:]  # 2 data points
s2 = points[2][1:]  # 3 data points
print(s0.shape, s1.shape, s2.shape)
all_seqs = [s0, s1, s2]
raises("as_tensor of ragged sequences", lambda: torch.as_tensor(all_seqs))
seq_tensors = [torch.as_tensor(seq).float() for seq in all_seqs]
padded = rnn_utils.pad_sequence(seq_tensors, batch_first=True)
print(padded)
torch.manual_seed(11)
rnn = nn.RNN(2, 2, batch_first=True)
output_padded, hidden_padded = rnn(padded)
print(output_padded)
print(hidden_padded.permute(1, 0, 2))
packed = rnn_utils.pack_sequence(seq_tensors, enforce_sorted=False)
print(packed)
print((packed.data[[0, 3, 6, 8]] == seq_tensors[0]).all())
output_packed, hidden_packed = rnn(packed)
print(output_packed, hidden_packed)
print(hidden_packed == hidden_padded)
print(output_packed.data[[2, 5]])  # x1 sequence
output_unpacked, seq_sizes = rnn_utils.pad_packed_sequence(output_packed, batch_first=True)
print(output_unpacked, seq_sizes)
print(output_unpacked[:, -1])
seq_idx = torch.arange(seq_sizes.size(0))
print(output_unpacked[seq_idx, seq_sizes - 1])
len_seqs = [len(seq) for seq in all_seqs]
print(len_seqs)
packed = rnn_utils.pack_padded_sequence(padded, len_seqs, enforce_sorted=False, batch_first=True)
print(packed)
raises(
    "pack_padded_sequence of unsorted lengths with enforce_sorted",
    lambda: rnn_utils.pack_padded_sequence(padded, len_seqs, batch_first=True),
)
output_packed.data.sum().backward()
check("packed rnn grad", rnn.weight_hh_l0.grad)

var_points, var_directions = generate_sequences(n=48, variable_len=True)
print([p.shape for p in var_points[:4]])


class CustomDataset(Dataset):
    def __init__(self, x, y):
        self.x = [torch.as_tensor(s).float() for s in x]
        self.y = torch.as_tensor(y).float().view(-1, 1)

    def __getitem__(self, index):
        return (self.x[index], self.y[index])

    def __len__(self):
        return len(self.x)


train_var_data = CustomDataset(var_points, var_directions)
train_var_loader = DataLoader(train_var_data, batch_size=16, shuffle=True)
raises("default_collate of ragged sequences", lambda: next(iter(train_var_loader)))


def pack_collate(batch):
    X = [item[0] for item in batch]
    y = [item[1] for item in batch]
    X_pack = rnn_utils.pack_sequence(X, enforce_sorted=False)
    return X_pack, torch.as_tensor(y).view(-1, 1)


dummy_batch = [train_var_data[0], train_var_data[1]]
dummy_x, dummy_y = pack_collate(dummy_batch)
print(dummy_x, dummy_y)
train_var_loader = DataLoader(train_var_data, batch_size=16, shuffle=True, collate_fn=pack_collate)
x_batch, y_batch = next(iter(train_var_loader))
print(type(x_batch).__name__, x_batch.batch_sizes, y_batch.shape)


class SquareModelOne(nn.Module):
    def __init__(self, n_features, hidden_dim, n_outputs, rnn_layer=nn.LSTM, **kwargs):
        super(SquareModelOne, self).__init__()  # noqa: UP008  (as the book)
        self.hidden_dim = hidden_dim
        self.n_features = n_features
        self.n_outputs = n_outputs
        self.hidden = None
        self.cell = None
        self.basic_rnn = rnn_layer(self.n_features, self.hidden_dim, batch_first=True, **kwargs)
        output_dim = (self.basic_rnn.bidirectional + 1) * self.hidden_dim
        # Classifier to produce as many logits as outputs
        self.classifier = nn.Linear(output_dim, self.n_outputs)

    def forward(self, X):
        is_packed = isinstance(X, nn.utils.rnn.PackedSequence)
        # X is a PACKED sequence, there is no need to permute
        rnn_out, self.hidden = self.basic_rnn(X)
        if isinstance(self.basic_rnn, nn.LSTM):
            self.hidden, self.cell = self.hidden
        if is_packed:
            # unpack the output
            batch_first_output, seq_sizes = rnn_utils.pad_packed_sequence(rnn_out, batch_first=True)
            seq_slice = torch.arange(seq_sizes.size(0))
        else:
            batch_first_output = rnn_out
            seq_sizes = 0  # so it is -1 as the last output
            seq_slice = slice(None, None, None)  # same as ':'
        # only last item in sequence (N, 1, H)
        last_output = batch_first_output[seq_slice, seq_sizes - 1]
        # classifier will output (N, 1, n_outputs)
        out = self.classifier(last_output)
        # final output is (N, n_outputs)
        return out.view(-1, self.n_outputs)


for kwargs in (
    {"rnn_layer": nn.LSTM, "bidirectional": True},
    {"rnn_layer": nn.GRU, "num_layers": 2},
):
    torch.manual_seed(21)
    model = SquareModelOne(n_features=2, hidden_dim=2, n_outputs=1, **kwargs)
    loss = nn.BCEWithLogitsLoss()
    optimizer = optim.Adam(model.parameters(), lr=0.01)
    sbs_one = StepByStep(model, loss, optimizer)
    sbs_one.set_loaders(train_var_loader)
    sbs_one.train(3)
    print(StepByStep.loader_apply(train_var_loader, sbs_one.correct))
    check(f"packed {kwargs['rnn_layer'].__name__}", [sbs_one.losses, model.hidden])
    print(model(torch.as_tensor(np.array(points[:2])).float()).shape)

# ---------------- 1D convolutions ----------------
temperatures = np.array([5, 11, 15, 6, 5, 3, 3, 0, 0, 3, 4, 2, 1])
size = 5
weight = torch.ones(size) * 0.2
print(F.conv1d(torch.as_tensor(temperatures).float().view(1, 1, -1), weight=weight.view(1, 1, -1)))
seqs = torch.as_tensor(np.array(points)).float()  # N, L, F
seqs_length_last = seqs.permute(0, 2, 1)
print(seqs_length_last.shape)  # N, F=C, L
torch.manual_seed(17)
conv_seq = nn.Conv1d(in_channels=2, out_channels=1, kernel_size=2, bias=False)
print(conv_seq.weight, conv_seq.weight.shape)
print(conv_seq(seqs_length_last[0:1]))
torch.manual_seed(17)
conv_dilated = nn.Conv1d(in_channels=2, out_channels=1, kernel_size=2, dilation=2, bias=False)
print(conv_dilated.weight, conv_dilated.weight.shape)
print(conv_dilated(seqs_length_last[0:1]))
train_data = TensorDataset(
    torch.as_tensor(np.array(points)).float().permute(0, 2, 1),
    torch.as_tensor(directions).view(-1, 1).float(),
)
test_data = TensorDataset(
    torch.as_tensor(np.array(test_points)).float().permute(0, 2, 1),
    torch.as_tensor(test_directions).view(-1, 1).float(),
)
train_loader = DataLoader(train_data, batch_size=16, shuffle=True)
test_loader = DataLoader(test_data, batch_size=16)
torch.manual_seed(21)
model = nn.Sequential()
model.add_module("conv1d", nn.Conv1d(2, 1, kernel_size=2))
model.add_module("relu", nn.ReLU())
model.add_module("flatten", nn.Flatten())
model.add_module("output", nn.Linear(3, 1))
loss = nn.BCEWithLogitsLoss()
optimizer = optim.Adam(model.parameters(), lr=0.01)
sbs_conv1 = StepByStep(model, loss, optimizer)
sbs_conv1.set_loaders(train_loader, test_loader)
sbs_conv1.train(3)
print(StepByStep.loader_apply(test_loader, sbs_conv1.correct))
print(model.conv1d.state_dict())
check("conv1d losses", [sbs_conv1.losses, sbs_conv1.val_losses])
