# 刘二大人 (Liu Er, Bilibili) 《PyTorch深度学习实践》 lectures 9-13, as the course's code is
# reproduced in public repositories (e.g. https://github.com/Ethereal24/PyTorch-Deep-Learning-Practice
# Course_code/): 9 softmax classifier (numpy cross entropy, CrossEntropyLoss / NLLLoss, the
# MNIST MLP with x.view(-1, 784)), 10 CNN basics (Conv2d with a hand-set kernel,
# padding / stride, MaxPool2d, the two-conv MNIST net), 11 advanced CNN (InceptionA with
# F.avg_pool2d and torch.cat, ResidualBlock), 12 RNN basics (RNNCell / RNN shapes, "hello" ->
# "ohlol" with RNNCell, RNN and Embedding), 13 RNN classifier (names -> countries: a
# bidirectional GRU over pack_padded_sequence, sorted lengths). MNIST and the names csv are
# replaced by small seeded in-memory data; fewer epochs; no plots, no timing.
import numpy as np

DataLoader = torch.utils.data.DataLoader
pack_padded_sequence = torch.nn.utils.rnn.pack_padded_sequence

# ---- lecture 9: softmax and cross entropy
y = np.array([1, 0, 0])
z = np.array([0.2, 0.1, -0.1])
y_pred = np.exp(z) / np.exp(z).sum()
loss = (-y * np.log(y_pred)).sum()
print(loss)

y = torch.LongTensor([0])
z = torch.Tensor([[0.2, 0.1, -0.1]])
criterion = torch.nn.CrossEntropyLoss()
loss = criterion(z, y)
print(loss)
print(loss.item())

criterion = torch.nn.CrossEntropyLoss()
Y = torch.LongTensor([2, 0, 1])
Y_pred1 = torch.Tensor([[0.1, 0.2, 0.9], [1.1, 0.1, 0.2], [0.2, 2.1, 0.1]])
Y_pred2 = torch.Tensor([[0.8, 0.2, 0.3], [0.2, 0.3, 0.5], [0.2, 0.2, 0.5]])
l1 = criterion(Y_pred1, Y)
l2 = criterion(Y_pred2, Y)
print("Batch Loss1 = ", l1.data, "\nBatch Loss2=", l2.data)
nll = torch.nn.NLLLoss()
print(nll(torch.log_softmax(Y_pred1, dim=1), Y), nll(F.log_softmax(Y_pred2, dim=1), Y))
# common slips: float targets of class indices, a target of the wrong length, softmax twice
raises("CrossEntropyLoss of a FloatTensor class target", lambda: criterion(Y_pred1, Y.float()))
raises("CrossEntropyLoss of a 2-d class target", lambda: criterion(Y_pred1, Y.view(-1, 1)))
raises("CrossEntropyLoss of a short target", lambda: criterion(Y_pred1, Y[:2]))
raises(
    "CrossEntropyLoss of a class out of range",
    lambda: criterion(Y_pred1, torch.LongTensor([3, 0, 1])),
)
raises("NLLLoss of an int target", lambda: nll(Y_pred1, Y.int()))
print(criterion(torch.softmax(Y_pred1, dim=1), Y))
raises("softmax without dim", lambda: F.softmax(Y_pred1).shape)

# the MNIST MLP on random 28x28 "images"
torch.manual_seed(0)
images = torch.randn(96, 1, 28, 28)
labels = torch.randint(0, 10, (96,))
train_loader = DataLoader(
    torch.utils.data.TensorDataset(images[:64], labels[:64]), batch_size=16, shuffle=True
)
test_loader = DataLoader(torch.utils.data.TensorDataset(images[64:], labels[64:]), batch_size=16)


class Net(torch.nn.Module):
    def __init__(self):
        super(Net, self).__init__()  # noqa: UP008  (as the course)
        self.l1 = torch.nn.Linear(784, 512)
        self.l2 = torch.nn.Linear(512, 256)
        self.l3 = torch.nn.Linear(256, 128)
        self.l4 = torch.nn.Linear(128, 64)
        self.l5 = torch.nn.Linear(64, 10)

    def forward(self, x):
        x = x.view(-1, 784)
        x = F.relu(self.l1(x))
        x = F.relu(self.l2(x))
        x = F.relu(self.l3(x))
        x = F.relu(self.l4(x))
        return self.l5(x)


model = Net()
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.5)


def train(epoch):
    running_loss = 0.0
    for batch_idx, data in enumerate(train_loader, 0):
        inputs, target = data
        optimizer.zero_grad()
        outputs = model(inputs)
        loss = criterion(outputs, target)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
        if batch_idx % 2 == 1:
            print("[%d, %5d] loss: %.3f" % (epoch + 1, batch_idx + 1, running_loss / 2))
            running_loss = 0.0
    return loss


def test():
    correct = 0
    total = 0
    with torch.no_grad():
        for data in test_loader:
            images, labels = data
            outputs = model(images)
            _, predicted = torch.max(outputs.data, dim=1)
            total += labels.size(0)
            correct += (predicted == labels).sum().item()
    print("accuracy on test set: %d %% [%d/%d]" % (100 * correct / total, correct, total))
    return predicted


for epoch in range(3):
    last = train(epoch)
    predicted = test()
check("mlp last loss", last)
check("mlp predicted", predicted)
check("mlp graph", graph(last))
print(model.l1.weight.grad.shape, model.l5.bias.grad)
raises("view of a batch with the wrong size", lambda: torch.randn(2, 3, 28, 28).view(-1, 784).shape)
raises("MLP on an un-flattened wrong input", lambda: model.l1(torch.randn(4, 28, 28)))

# ---- lecture 10: CNN basics
in_channels, out_channels = 5, 10
width, height = 100, 100
kernel_size = 3
batch_size = 1
torch.manual_seed(0)
input = torch.randn(batch_size, in_channels, width, height)
conv_layer = torch.nn.Conv2d(in_channels, out_channels, kernel_size=kernel_size)
output = conv_layer(input)
print(input.shape)
print(output.shape)
print(conv_layer.weight.shape)
print(conv_layer)

input = [3, 4, 6, 5, 7, 2, 4, 6, 8, 2, 1, 6, 7, 8, 4, 9, 7, 4, 6, 2, 3, 7, 5, 4, 1]
input = torch.Tensor(input).view(1, 1, 5, 5)
conv_layer = torch.nn.Conv2d(1, 1, kernel_size=3, padding=1, bias=False)
kernel = torch.Tensor([1, 2, 3, 4, 5, 6, 7, 8, 9]).view(1, 1, 3, 3)
conv_layer.weight.data = kernel.data
output = conv_layer(input)
print(output)
conv_layer = torch.nn.Conv2d(1, 1, kernel_size=3, stride=2, bias=False)
conv_layer.weight.data = kernel.data
print(conv_layer(input))
input = [3, 4, 6, 5, 2, 4, 6, 8, 1, 6, 7, 8, 9, 7, 4, 6]
input = torch.Tensor(input).view(1, 1, 4, 4)
maxpooling_layer = torch.nn.MaxPool2d(kernel_size=2)
output = maxpooling_layer(input)
print(output)
print(maxpooling_layer)
# a kernel of the wrong shape, a 3-d weight, an input with the wrong channel count
raises(
    "conv with a 2-d kernel assigned to weight.data",
    lambda: (setattr(conv_layer.weight, "data", kernel.view(3, 3)), conv_layer(input))[1],
)
conv_layer.weight.data = kernel.data
raises("conv of a 3-channel input", lambda: conv_layer(torch.randn(1, 3, 5, 5)))
raises("conv of a 2-d input", lambda: conv_layer(torch.randn(5, 5)))
print(conv_layer(torch.arange(25.0).view(1, 5, 5)))
raises("maxpool larger than the input", lambda: torch.nn.MaxPool2d(3)(torch.randn(1, 1, 2, 2)))


class CNN(torch.nn.Module):
    def __init__(self):
        super(CNN, self).__init__()  # noqa: UP008  (as the course)
        self.conv1 = torch.nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = torch.nn.Conv2d(10, 20, kernel_size=5)
        self.pooling = torch.nn.MaxPool2d(2)
        self.fc = torch.nn.Linear(320, 10)

    def forward(self, x):
        batch_size = x.size(0)
        x = F.relu(self.pooling(self.conv1(x)))
        x = F.relu(self.pooling(self.conv2(x)))
        x = x.view(batch_size, -1)
        x = self.fc(x)
        return x


torch.manual_seed(0)
model = CNN()
print(model)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.5)
for epoch in range(2):
    last = train(epoch)
    predicted = test()
check("cnn last loss", last)
check("cnn graph", graph(last))
check("cnn conv1 grad", model.conv1.weight.grad)
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
model.to(device)
print(device, next(model.parameters()).device)
raises("fc with the wrong in_features", lambda: torch.nn.Linear(256, 10)(torch.randn(2, 320)))

# ---- lecture 11: advanced CNN


class InceptionA(torch.nn.Module):
    def __init__(self, in_channels):
        super(InceptionA, self).__init__()  # noqa: UP008  (as the course)
        self.branch1x1 = torch.nn.Conv2d(in_channels, 16, kernel_size=1)
        self.branch5x5_1 = torch.nn.Conv2d(in_channels, 16, kernel_size=1)
        self.branch5x5_2 = torch.nn.Conv2d(16, 24, kernel_size=5, padding=2)
        self.branch3x3_1 = torch.nn.Conv2d(in_channels, 16, kernel_size=1)
        self.branch3x3_2 = torch.nn.Conv2d(16, 24, kernel_size=3, padding=1)
        self.branch3x3_3 = torch.nn.Conv2d(24, 24, kernel_size=3, padding=1)
        self.branch_pool = torch.nn.Conv2d(in_channels, 24, kernel_size=1)

    def forward(self, x):
        branch1x1 = self.branch1x1(x)
        branch5x5 = self.branch5x5_1(x)
        branch5x5 = self.branch5x5_2(branch5x5)
        branch3x3 = self.branch3x3_1(x)
        branch3x3 = self.branch3x3_2(branch3x3)
        branch3x3 = self.branch3x3_3(branch3x3)
        branch_pool = F.avg_pool2d(x, kernel_size=3, stride=1, padding=1)
        branch_pool = self.branch_pool(branch_pool)
        outputs = [branch1x1, branch5x5, branch3x3, branch_pool]
        return torch.cat(outputs, dim=1)


class InceptionNet(torch.nn.Module):
    def __init__(self):
        super(InceptionNet, self).__init__()  # noqa: UP008  (as the course)
        self.conv1 = torch.nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = torch.nn.Conv2d(88, 20, kernel_size=5)
        self.incep1 = InceptionA(in_channels=10)
        self.incep2 = InceptionA(in_channels=20)
        self.mp = torch.nn.MaxPool2d(2)
        self.fc = torch.nn.Linear(1408, 10)

    def forward(self, x):
        in_size = x.size(0)
        x = F.relu(self.mp(self.conv1(x)))
        x = self.incep1(x)
        x = F.relu(self.mp(self.conv2(x)))
        x = self.incep2(x)
        x = x.view(in_size, -1)
        x = self.fc(x)
        return x


class ResidualBlock(torch.nn.Module):
    def __init__(self, channels):
        super(ResidualBlock, self).__init__()  # noqa: UP008  (as the course)
        self.channels = channels
        self.conv1 = torch.nn.Conv2d(channels, channels, kernel_size=3, padding=1)
        self.conv2 = torch.nn.Conv2d(channels, channels, kernel_size=3, padding=1)

    def forward(self, x):
        y = F.relu(self.conv1(x))
        y = self.conv2(y)
        return F.relu(x + y)


class ResNet(torch.nn.Module):
    def __init__(self):
        super(ResNet, self).__init__()  # noqa: UP008  (as the course)
        self.conv1 = torch.nn.Conv2d(1, 16, kernel_size=5)
        self.conv2 = torch.nn.Conv2d(16, 32, kernel_size=5)
        self.mp = torch.nn.MaxPool2d(2)
        self.rblock1 = ResidualBlock(16)
        self.rblock2 = ResidualBlock(32)
        self.fc = torch.nn.Linear(512, 10)

    def forward(self, x):
        in_size = x.size(0)
        x = self.mp(F.relu(self.conv1(x)))
        x = self.rblock1(x)
        x = self.mp(F.relu(self.conv2(x)))
        x = self.rblock2(x)
        x = x.view(in_size, -1)
        x = self.fc(x)
        return x


for cls in (InceptionNet, ResNet):
    torch.manual_seed(0)
    model = cls()
    n_params = sum(p.numel() for p in model.parameters())
    print(cls.__name__, n_params, len(list(model.named_modules())))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.5)
    last = train(0)
    check(cls.__name__ + " loss", last)
    check(cls.__name__ + " graph", graph(last))
    out = model(images[:2])
    check(cls.__name__ + " out", out)
incep = InceptionA(in_channels=10)
print(incep(torch.randn(1, 10, 12, 12)).shape)
raises("InceptionNet with the wrong fc size", lambda: InceptionNet()(torch.randn(1, 1, 32, 32)))

# ---- lecture 12: RNN basics
batch_size = 1
seq_len = 3
input_size = 4
hidden_size = 2
torch.manual_seed(0)
cell = torch.nn.RNNCell(input_size=input_size, hidden_size=hidden_size)
dataset = torch.randn(seq_len, batch_size, input_size)
hidden = torch.zeros(batch_size, hidden_size)
for idx, input in enumerate(dataset):
    print("=" * 20, idx, "=" * 20)
    print("Input size: ", input.shape)
    hidden = cell(input, hidden)
    print("outputs size: ", hidden.shape)
    print(hidden)
check("rnncell graph", graph(hidden))
print(cell)

num_layers = 1
cell = torch.nn.RNN(input_size=input_size, hidden_size=hidden_size, num_layers=num_layers)
inputs = torch.randn(seq_len, batch_size, input_size)
hidden = torch.zeros(num_layers, batch_size, hidden_size)
out, hidden = cell(inputs, hidden)
print("Output size:", out.shape)
print("Output:", out)
print("Hidden size: ", hidden.shape)
print("Hidden: ", hidden)
print(cell)
cell = torch.nn.RNN(
    input_size=input_size, hidden_size=hidden_size, num_layers=num_layers, batch_first=True
)
out, hidden = cell(inputs.transpose(0, 1), hidden)
print(out.shape, hidden.shape)
raises("RNN with a 2-d hidden", lambda: cell(inputs, torch.zeros(batch_size, hidden_size)))
raises("RNN with a wrong input size", lambda: cell(torch.randn(seq_len, batch_size, 3), hidden))
raises("RNNCell with a 3-d input", lambda: torch.nn.RNNCell(4, 2)(inputs, torch.zeros(1, 2)))
for name, p in cell.named_parameters():
    print(name, p.shape)

# hello -> ohlol with RNNCell
input_size = 4
hidden_size = 4
batch_size = 1
idx2char = ["e", "h", "l", "o"]
x_data = [1, 0, 2, 2, 3]
y_data = [3, 1, 2, 3, 2]
one_hot_lookup = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]
x_one_hot = [one_hot_lookup[x] for x in x_data]
inputs = torch.Tensor(x_one_hot).view(-1, batch_size, input_size)
labels = torch.LongTensor(y_data).view(-1, 1)


class Model(torch.nn.Module):
    def __init__(self, input_size, hidden_size, batch_size):
        super(Model, self).__init__()  # noqa: UP008  (as the course)
        self.batch_size = batch_size
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.rnncell = torch.nn.RNNCell(input_size=self.input_size, hidden_size=self.hidden_size)

    def forward(self, input, hidden):
        hidden = self.rnncell(input, hidden)
        return hidden

    def init_hidden(self):
        return torch.zeros(self.batch_size, self.hidden_size)


torch.manual_seed(0)
net = Model(input_size, hidden_size, batch_size)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(net.parameters(), lr=0.1)
for epoch in range(15):
    loss = 0
    optimizer.zero_grad()
    hidden = net.init_hidden()
    print("Predicted string: ", end="")
    for input, label in zip(inputs, labels):
        hidden = net(input, hidden)
        loss += criterion(hidden, label)
        _, idx = hidden.max(dim=1)
        print(idx2char[idx.item()], end="")
    loss.backward()
    optimizer.step()
    print(", Epoch [%d/15] loss=%.4f" % (epoch + 1, loss.item()))
check("rnncell loss", loss)
check("rnncell loss graph", graph(loss))


# hello -> ohlol with RNN
class RNNModel(torch.nn.Module):
    def __init__(self, input_size, hidden_size, batch_size, num_layers=1):
        super(RNNModel, self).__init__()  # noqa: UP008  (as the course)
        self.num_layers = num_layers
        self.batch_size = batch_size
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.rnn = torch.nn.RNN(
            input_size=self.input_size, hidden_size=self.hidden_size, num_layers=num_layers
        )

    def forward(self, input):
        hidden = torch.zeros(self.num_layers, self.batch_size, self.hidden_size)
        out, _ = self.rnn(input, hidden)
        return out.view(-1, self.hidden_size)


torch.manual_seed(0)
net = RNNModel(input_size, hidden_size, batch_size, num_layers)
optimizer = torch.optim.Adam(net.parameters(), lr=0.05)
labels = torch.LongTensor(y_data)
for epoch in range(15):
    optimizer.zero_grad()
    outputs = net(inputs)
    loss = criterion(outputs, labels)
    loss.backward()
    optimizer.step()
    _, idx = outputs.max(dim=1)
    idx = idx.data.numpy()
    print("Predicted: ", "".join([idx2char[x] for x in idx]), end="")
    print(", Epoch [%d/15] loss = %.3f" % (epoch + 1, loss.item()))
check("rnn loss graph", graph(loss))
raises(
    "CrossEntropyLoss with labels of shape (5, 1)", lambda: criterion(outputs, labels.view(-1, 1))
)

# with an Embedding layer
num_class = 4
input_size = 4
hidden_size = 8
embedding_size = 10
num_layers = 2
batch_size = 1
seq_len = 5
x_data = [[1, 0, 2, 2, 3]]
y_data = [3, 1, 2, 3, 2]
inputs = torch.LongTensor(x_data)
labels = torch.LongTensor(y_data)


class EmbModel(torch.nn.Module):
    def __init__(self):
        super(EmbModel, self).__init__()  # noqa: UP008  (as the course)
        self.emb = torch.nn.Embedding(input_size, embedding_size)
        self.rnn = torch.nn.RNN(
            input_size=embedding_size,
            hidden_size=hidden_size,
            num_layers=num_layers,
            batch_first=True,
        )
        self.fc = torch.nn.Linear(hidden_size, num_class)

    def forward(self, x):
        hidden = torch.zeros(num_layers, x.size(0), hidden_size)
        x = self.emb(x)
        x, _ = self.rnn(x, hidden)
        x = self.fc(x)
        return x.view(-1, num_class)


torch.manual_seed(0)
net = EmbModel()
optimizer = torch.optim.Adam(net.parameters(), lr=0.05)
for epoch in range(15):
    optimizer.zero_grad()
    outputs = net(inputs)
    loss = criterion(outputs, labels)
    loss.backward()
    optimizer.step()
    _, idx = outputs.max(dim=1)
    idx = idx.data.numpy()
    print("Predicted: ", "".join([idx2char[x] for x in idx]), end="")
    print(", Epoch [%d/15] loss = %.3f" % (epoch + 1, loss.item()))
check("embedding grad", net.emb.weight.grad)
check("embedding loss graph", graph(loss))
raises("Embedding of a FloatTensor", lambda: net.emb(torch.Tensor(x_data)))
raises("Embedding of an index out of range", lambda: net.emb(torch.LongTensor([[4]])))

# ---- lecture 13: RNN classifier (names -> countries)
HIDDEN_SIZE = 16
BATCH_SIZE = 4
N_LAYER = 2
N_EPOCHS = 3
N_CHARS = 128
rows = [
    ("Abe", "Japanese"),
    ("Nakamura", "Japanese"),
    ("Sato", "Japanese"),
    ("Rossi", "Italian"),
    ("Bianchi", "Italian"),
    ("Esposito", "Italian"),
    ("Smith", "English"),
    ("Jones", "English"),
    ("Williams", "English"),
    ("Kim", "Korean"),
    ("Park", "Korean"),
    ("Choi", "Korean"),
]


class NameDataset(torch.utils.data.Dataset):
    def __init__(self, is_train_set=True):
        data = rows[:9] if is_train_set else rows[9:] + rows[:3]
        self.names = [row[0] for row in data]
        self.len = len(self.names)
        self.countries = [row[1] for row in data]
        self.country_list = list(sorted(set(self.countries)))
        self.country_dict = self.getCountryDict()
        self.country_num = len(self.country_list)

    def __getitem__(self, index):
        return self.names[index], self.country_dict[self.countries[index]]

    def __len__(self):
        return self.len

    def getCountryDict(self):
        country_dict = dict()
        for idx, country_name in enumerate(self.country_list, 0):
            country_dict[country_name] = idx
        return country_dict

    def idx2country(self, index):
        return self.country_list[index]

    def getCountriesNum(self):
        return self.country_num


trainset = NameDataset(is_train_set=True)
testset = NameDataset(is_train_set=False)
torch.manual_seed(0)
trainloader = DataLoader(trainset, batch_size=BATCH_SIZE, shuffle=True)
testloader = DataLoader(testset, batch_size=BATCH_SIZE, shuffle=False)
N_COUNTRY = trainset.getCountriesNum()
print(N_COUNTRY, trainset.country_dict)
print(next(iter(testloader)))


class RNNClassifier(torch.nn.Module):
    def __init__(self, input_size, hidden_size, output_size, n_layers=1, bidirectional=True):
        super(RNNClassifier, self).__init__()  # noqa: UP008  (as the course)
        self.hidden_size = hidden_size
        self.n_layers = n_layers
        self.n_directions = 2 if bidirectional else 1
        self.embedding = torch.nn.Embedding(input_size, hidden_size)
        self.gru = torch.nn.GRU(hidden_size, hidden_size, n_layers, bidirectional=bidirectional)
        self.fc = torch.nn.Linear(hidden_size * self.n_directions, output_size)

    def _init_hidden(self, batch_size):
        hidden = torch.zeros(self.n_layers * self.n_directions, batch_size, self.hidden_size)
        return hidden

    def forward(self, input, seq_lengths):
        input = input.t()
        batch_size = input.size(1)
        hidden = self._init_hidden(batch_size)
        embedding = self.embedding(input)
        gru_input = pack_padded_sequence(embedding, seq_lengths)
        output, hidden = self.gru(gru_input, hidden)
        if self.n_directions == 2:
            hidden_cat = torch.cat([hidden[-1], hidden[-2]], dim=1)
        else:
            hidden_cat = hidden[-1]
        fc_output = self.fc(hidden_cat)
        return fc_output


def name2list(name):
    arr = [ord(c) for c in name]
    return arr, len(arr)


def make_tensors(names, countries):
    sequences_and_lengths = [name2list(name) for name in names]
    name_sequences = [sl[0] for sl in sequences_and_lengths]
    seq_lengths = torch.LongTensor([sl[1] for sl in sequences_and_lengths])
    countries = countries.long()
    seq_tensor = torch.zeros(len(name_sequences), seq_lengths.max()).long()
    for idx, (seq, seq_len) in enumerate(zip(name_sequences, seq_lengths), 0):
        seq_tensor[idx, :seq_len] = torch.LongTensor(seq)
    seq_lengths, perm_idx = seq_lengths.sort(dim=0, descending=True)
    seq_tensor = seq_tensor[perm_idx]
    countries = countries[perm_idx]
    return seq_tensor, seq_lengths, countries


inputs, seq_lengths, target = make_tensors(["Sato", "Esposito", "Kim"], torch.tensor([0, 1, 2]))
print(inputs, seq_lengths, target)


def trainModel():
    total_loss = 0
    for i, (names, countries) in enumerate(trainloader, 1):
        inputs, seq_lengths, target = make_tensors(names, countries)
        output = classifier(inputs, seq_lengths)
        loss = criterion(output, target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
        if i % 2 == 0:
            print(f"Epoch {epoch} ", end="")
            print(f"[{i * len(inputs)}/{len(trainset)}] ", end="")
            print(f"loss={total_loss / (i * len(inputs)):.4f}")
    return loss


def testModel():
    correct = 0
    total = len(testset)
    print("evaluating trained model ...")
    with torch.no_grad():
        for i, (names, countries) in enumerate(testloader, 1):
            inputs, seq_lengths, target = make_tensors(names, countries)
            output = classifier(inputs, seq_lengths)
            pred = output.max(dim=1, keepdim=True)[1]
            correct += pred.eq(target.view_as(pred)).sum().item()
        percent = "%.2f" % (100 * correct / total)
        print(f"Test set: Accuracy {correct}/{total} {percent}%")
    return correct / total


torch.manual_seed(0)
classifier = RNNClassifier(N_CHARS, HIDDEN_SIZE, N_COUNTRY, N_LAYER)
print(classifier)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(classifier.parameters(), lr=0.01)
print("Training for %d epochs..." % N_EPOCHS)
acc_list = []
for epoch in range(1, N_EPOCHS + 1):
    last = trainModel()
    acc = testModel()
    acc_list.append(acc)
check("gru classifier loss", last)
check("gru classifier graph", graph(last))
check("gru embedding grad", classifier.embedding.weight.grad)
print(acc_list)
# unsorted lengths, a lengths tensor on the wrong "device", lengths longer than the input
emb = classifier.embedding(inputs.t())
raises(
    "pack_padded_sequence of unsorted lengths",
    lambda: pack_padded_sequence(emb, torch.LongTensor([3, 8, 4])),
)
packed = pack_padded_sequence(emb, torch.LongTensor([3, 8, 4]), enforce_sorted=False)
print(packed.batch_sizes, packed.sorted_indices, packed.unsorted_indices)
raises(
    "pack_padded_sequence of a length above the input",
    lambda: pack_padded_sequence(emb, torch.LongTensor([9, 4, 3])),
)
raises(
    "pack_padded_sequence of a length of 0",
    lambda: pack_padded_sequence(emb, torch.LongTensor([8, 4, 0])),
)
out, h = classifier.gru(packed, classifier._init_hidden(3))
padded, lens = torch.nn.utils.rnn.pad_packed_sequence(out)
print(padded.shape, lens, h.shape)
check("gru padded output", padded)
