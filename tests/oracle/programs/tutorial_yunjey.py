# Yunjey Choi, "PyTorch Tutorial for Deep Learning Researchers" (yunjey/pytorch-tutorial):
# https://github.com/yunjey/pytorch-tutorial/tree/master/tutorials
# 01-basics: pytorch_basics (autograd examples, numpy, a custom Dataset), linear_regression (its
# own 15 points), logistic_regression and feedforward_neural_network; 02-intermediate:
# deep_residual_network (ResidualBlock / ResNet with BatchNorm2d, ReLU(inplace=True),
# `out += residual`, AvgPool2d, update_lr), bidirectional_recurrent_neural_network (2-layer
# bidirectional LSTM), language_model (Embedding + LSTM, detach(states), clip_grad_norm_);
# 03-advanced: variational_autoencoder (randn_like reparameterisation, binary_cross_entropy
# with size_average=False) and generative_adversarial_network (BCELoss, LeakyReLU, Tanh).
# MNIST / CIFAR-10 / Penn Treebank are replaced by small seeded random tensors and a few
# sentences; the networks are narrower and train for a few steps.
import os
import tempfile

import numpy as np

clip_grad_norm_ = torch.nn.utils.clip_grad_norm_
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(device)

# ---- pytorch_basics: 1. basic autograd example 1
x = torch.tensor(1.0, requires_grad=True)
w = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
y = w * x + b
y.backward()
print(x.grad)
print(w.grad)
print(b.grad)

# 2. basic autograd example 2
torch.manual_seed(0)
x = torch.randn(10, 3)
y = torch.randn(10, 2)
linear = nn.Linear(3, 2)
print("w: ", linear.weight)
print("b: ", linear.bias)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(linear.parameters(), lr=0.01)
pred = linear(x)
loss = criterion(pred, y)
# (the tutorial prints loss.item() in full: its last digits follow the last bits of this
# 10x3 @ 3x2 product, whose order in PyTorch's small-matrix sgemm kernel is not reproduced)
print("loss: ", round(loss.item(), 6))
check("loss_basic_2", loss)
loss.backward()
print("dL/dw: ", linear.weight.grad)
print("dL/db: ", linear.bias.grad)
optimizer.step()
pred = linear(x)
loss = criterion(pred, y)
print("loss after 1 step optimization: ", loss.item())
# the low-level version the tutorial shows in a comment
linear.weight.data.sub_(0.01 * linear.weight.grad.data)
linear.bias.data.sub_(0.01 * linear.bias.grad.data)
# (a full-precision print of this one can differ in the last digit: checked to float32's tolerance)
check("loss after the manual step", criterion(linear(x), y).item())

# 3. loading data from numpy
x = np.array([[1, 2], [3, 4]])
y = torch.from_numpy(x)
z = y.numpy()
print(y, z, z.dtype)


# 5. input pipeline for a custom dataset
class CustomDataset(torch.utils.data.Dataset):
    def __init__(self):
        self.data = torch.arange(24.0).reshape(12, 2)

    def __getitem__(self, index):
        return self.data[index], index % 3

    def __len__(self):
        return len(self.data)


custom_dataset = CustomDataset()
train_loader = torch.utils.data.DataLoader(dataset=custom_dataset, batch_size=5, shuffle=True)
data_iter = iter(train_loader)
images, labels = next(data_iter)
print(images, labels)
for images, labels in train_loader:
    print(images.shape, labels)

# 7. save and load the model (the whole model: weights_only=False since PyTorch 2.6)
folder = tempfile.mkdtemp()
torch.save(linear, os.path.join(folder, "model.ckpt"))
model = torch.load(os.path.join(folder, "model.ckpt"), weights_only=False)
torch.save(linear.state_dict(), os.path.join(folder, "params.ckpt"))
print(model.load_state_dict(torch.load(os.path.join(folder, "params.ckpt"))))
print(model)

# ---- linear_regression
input_size = 1
output_size = 1
num_epochs = 60
learning_rate = 0.001
x_train = np.array(
    [
        [3.3],
        [4.4],
        [5.5],
        [6.71],
        [6.93],
        [4.168],
        [9.779],
        [6.182],
        [7.59],
        [2.167],
        [7.042],
        [10.791],
        [5.313],
        [7.997],
        [3.1],
    ],
    dtype=np.float32,
)
y_train = np.array(
    [
        [1.7],
        [2.76],
        [2.09],
        [3.19],
        [1.694],
        [1.573],
        [3.366],
        [2.596],
        [2.53],
        [1.221],
        [2.827],
        [3.465],
        [1.65],
        [2.904],
        [1.3],
    ],
    dtype=np.float32,
)
torch.manual_seed(0)
model = nn.Linear(input_size, output_size)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
for epoch in range(num_epochs):
    inputs = torch.from_numpy(x_train)
    targets = torch.from_numpy(y_train)
    outputs = model(inputs)
    loss = criterion(outputs, targets)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if (epoch + 1) % 5 == 0:
        print("Epoch [{}/{}], Loss: {:.4f}".format(epoch + 1, num_epochs, loss.item()))
predicted = model(torch.from_numpy(x_train)).detach().numpy()
check("linreg predicted", predicted)

# ---- logistic_regression and feedforward_neural_network (random 28x28 "images")
torch.manual_seed(0)
input_size = 28 * 28
num_classes = 10
batch_size = 10
train_dataset = torch.utils.data.TensorDataset(
    torch.rand(30, 1, 28, 28), torch.randint(0, 10, (30,))
)
test_dataset = torch.utils.data.TensorDataset(
    torch.rand(20, 1, 28, 28), torch.randint(0, 10, (20,))
)
train_loader = torch.utils.data.DataLoader(
    dataset=train_dataset, batch_size=batch_size, shuffle=True
)
test_loader = torch.utils.data.DataLoader(
    dataset=test_dataset, batch_size=batch_size, shuffle=False
)
model = nn.Linear(input_size, num_classes)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
total_step = len(train_loader)
for epoch in range(2):
    for i, (images, labels) in enumerate(train_loader):
        images = images.reshape(-1, input_size)
        outputs = model(images)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        print(
            "Epoch [{}/{}], Step [{}/{}], Loss: {:.4f}".format(
                epoch + 1, 2, i + 1, total_step, loss.item()
            )
        )
with torch.no_grad():
    correct = 0
    total = 0
    for images, labels in test_loader:
        images = images.reshape(-1, input_size)
        outputs = model(images)
        _, predicted = torch.max(outputs.data, 1)
        total += labels.size(0)
        correct += (predicted == labels).sum()
    print("Accuracy of the model on the test images: {} %".format(100 * correct / total))
    check("correct (a tensor)", correct)


class NeuralNet(nn.Module):
    def __init__(self, input_size, hidden_size, num_classes):
        super(NeuralNet, self).__init__()  # noqa: UP008  (as the tutorial)
        self.fc1 = nn.Linear(input_size, hidden_size)
        self.relu = nn.ReLU()
        self.fc2 = nn.Linear(hidden_size, num_classes)

    def forward(self, x):
        out = self.fc1(x)
        out = self.relu(out)
        out = self.fc2(out)
        return out


model = NeuralNet(input_size, 50, num_classes).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
for epoch in range(2):
    for i, (images, labels) in enumerate(train_loader):
        images = images.reshape(-1, 28 * 28).to(device)
        labels = labels.to(device)
        outputs = model(images)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print("Epoch [{}/{}], Loss: {:.4f}".format(epoch + 1, 2, loss.item()))
check("ffn fc1 grad", model.fc1.weight.grad[:3, :5])


# ---- deep_residual_network
def conv3x3(in_channels, out_channels, stride=1):
    return nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=stride, padding=1, bias=False)


class ResidualBlock(nn.Module):
    def __init__(self, in_channels, out_channels, stride=1, downsample=None):
        super(ResidualBlock, self).__init__()  # noqa: UP008  (as the tutorial)
        self.conv1 = conv3x3(in_channels, out_channels, stride)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = conv3x3(out_channels, out_channels)
        self.bn2 = nn.BatchNorm2d(out_channels)
        self.downsample = downsample

    def forward(self, x):
        residual = x
        out = self.conv1(x)
        out = self.bn1(out)
        out = self.relu(out)
        out = self.conv2(out)
        out = self.bn2(out)
        if self.downsample:
            residual = self.downsample(x)
        out += residual
        out = self.relu(out)
        return out


class ResNet(nn.Module):
    def __init__(self, block, layers, num_classes=10):
        super(ResNet, self).__init__()  # noqa: UP008  (as the tutorial)
        self.in_channels = 4
        self.conv = conv3x3(3, 4)
        self.bn = nn.BatchNorm2d(4)
        self.relu = nn.ReLU(inplace=True)
        self.layer1 = self.make_layer(block, 4, layers[0])
        self.layer2 = self.make_layer(block, 8, layers[1], 2)
        self.layer3 = self.make_layer(block, 16, layers[2], 2)
        self.avg_pool = nn.AvgPool2d(4)
        self.fc = nn.Linear(16, num_classes)

    def make_layer(self, block, out_channels, blocks, stride=1):
        downsample = None
        if (stride != 1) or (self.in_channels != out_channels):
            downsample = nn.Sequential(
                conv3x3(self.in_channels, out_channels, stride=stride), nn.BatchNorm2d(out_channels)
            )
        layers = []
        layers.append(block(self.in_channels, out_channels, stride, downsample))
        self.in_channels = out_channels
        for i in range(1, blocks):
            layers.append(block(out_channels, out_channels))
        return nn.Sequential(*layers)

    def forward(self, x):
        out = self.conv(x)
        out = self.bn(out)
        out = self.relu(out)
        out = self.layer1(out)
        out = self.layer2(out)
        out = self.layer3(out)
        out = self.avg_pool(out)
        out = out.view(out.size(0), -1)
        out = self.fc(out)
        return out


torch.manual_seed(0)
model = ResNet(ResidualBlock, [2, 1, 1]).to(device)
print(model.layer2)
print(sum(p.numel() for p in model.parameters()), len(model.state_dict()))
criterion = nn.CrossEntropyLoss()
learning_rate = 0.001
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)


def update_lr(optimizer, lr):
    for param_group in optimizer.param_groups:
        param_group["lr"] = lr


images_all = torch.rand(12, 3, 16, 16)
labels_all = torch.randint(0, 10, (12,))
curr_lr = learning_rate
for epoch in range(2):
    for i in range(2):
        images = images_all[i * 6 : (i + 1) * 6].to(device)
        labels = labels_all[i * 6 : (i + 1) * 6].to(device)
        outputs = model(images)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        print(
            "Epoch [{}/{}], Step [{}/{}] Loss: {:.4f}".format(epoch + 1, 2, i + 1, 2, loss.item())
        )
    curr_lr /= 3
    update_lr(optimizer, curr_lr)
print(optimizer.param_groups[0]["lr"])
check("resnet conv grad", model.conv.weight.grad)
check("resnet bn running", [model.bn.running_mean, model.bn.running_var])
model.eval()
with torch.no_grad():
    outputs = model(images_all)
    _, predicted = torch.max(outputs.data, 1)
    correct = (predicted == labels_all).sum().item()
check("resnet eval outputs", outputs)
print("Accuracy of the model on the test images: {} %".format(100 * correct / 12))

# ---- bidirectional_recurrent_neural_network
sequence_length, input_size, hidden_size, num_layers, num_classes = 7, 5, 6, 2, 4


class BiRNN(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, num_classes):
        super(BiRNN, self).__init__()  # noqa: UP008  (as the tutorial)
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.lstm = nn.LSTM(
            input_size, hidden_size, num_layers, batch_first=True, bidirectional=True
        )
        self.fc = nn.Linear(hidden_size * 2, num_classes)

    def forward(self, x):
        h0 = torch.zeros(self.num_layers * 2, x.size(0), self.hidden_size).to(device)
        c0 = torch.zeros(self.num_layers * 2, x.size(0), self.hidden_size).to(device)
        out, _ = self.lstm(x, (h0, c0))
        out = self.fc(out[:, -1, :])
        return out


torch.manual_seed(0)
model = BiRNN(input_size, hidden_size, num_layers, num_classes).to(device)
print(model)
print([(k, tuple(v.shape)) for k, v in model.state_dict().items()])
optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
images = torch.rand(8, sequence_length * input_size)
labels = torch.randint(0, num_classes, (8,))
for step in range(3):
    outputs = model(images.reshape(-1, sequence_length, input_size).to(device))
    loss = criterion(outputs, labels)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print("Step [{}/3], Loss: {:.4f}".format(step + 1, loss.item()))
check("birnn outputs", outputs)
check("birnn reverse grad", model.lstm.weight_hh_l1_reverse.grad)


# ---- language_model (data_utils.Dictionary / Corpus on a few sentences)
class Dictionary(object):  # noqa: UP004  (as the tutorial)
    def __init__(self):
        self.word2idx = {}
        self.idx2word = {}
        self.idx = 0

    def add_word(self, word):
        if word not in self.word2idx:
            self.word2idx[word] = self.idx
            self.idx2word[self.idx] = word
            self.idx += 1

    def __len__(self):
        return len(self.word2idx)


class Corpus(object):  # noqa: UP004  (as the tutorial)
    def __init__(self):
        self.dictionary = Dictionary()

    def get_data(self, lines, batch_size=20):
        tokens = 0
        for line in lines:
            words = line.split() + ["<eos>"]
            tokens += len(words)
            for word in words:
                self.dictionary.add_word(word)
        ids = torch.LongTensor(tokens)
        token = 0
        for line in lines:
            words = line.split() + ["<eos>"]
            for word in words:
                ids[token] = self.dictionary.word2idx[word]
                token += 1
        num_batches = ids.size(0) // batch_size
        ids = ids[: num_batches * batch_size]
        return ids.view(batch_size, -1)


text = [
    "the cat sat on the mat",
    "the dog sat on the log",
    "a cat and a dog met on the mat",
    "the log was by the mat and the cat sat",
    "no dog sat on a cat",
]
embed_size, hidden_size, num_layers, batch_size, seq_length = 8, 12, 1, 3, 4
corpus = Corpus()
ids = corpus.get_data(text, batch_size)
vocab_size = len(corpus.dictionary)
num_batches = ids.size(1) // seq_length
print(ids, vocab_size, num_batches)


class RNNLM(nn.Module):
    def __init__(self, vocab_size, embed_size, hidden_size, num_layers):
        super(RNNLM, self).__init__()  # noqa: UP008  (as the tutorial)
        self.embed = nn.Embedding(vocab_size, embed_size)
        self.lstm = nn.LSTM(embed_size, hidden_size, num_layers, batch_first=True)
        self.linear = nn.Linear(hidden_size, vocab_size)

    def forward(self, x, h):
        x = self.embed(x)
        out, (h, c) = self.lstm(x, h)
        out = out.reshape(out.size(0) * out.size(1), out.size(2))
        out = self.linear(out)
        return out, (h, c)


torch.manual_seed(0)
model = RNNLM(vocab_size, embed_size, hidden_size, num_layers).to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.002)


def detach(states):
    return [state.detach() for state in states]


for epoch in range(3):
    states = (
        torch.zeros(num_layers, batch_size, hidden_size).to(device),
        torch.zeros(num_layers, batch_size, hidden_size).to(device),
    )
    for i in range(0, ids.size(1) - seq_length, seq_length):
        inputs = ids[:, i : i + seq_length].to(device)
        targets = ids[:, (i + 1) : (i + 1) + seq_length].to(device)
        states = detach(states)
        outputs, states = model(inputs, states)
        loss = criterion(outputs, targets.reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        norm = clip_grad_norm_(model.parameters(), 0.5)
        optimizer.step()
        step = (i + 1) // seq_length
        print(
            "Epoch [{}/{}], Step[{}/{}], Loss: {:.4f}, Perplexity: {:5.2f}, norm {:.4f}".format(
                epoch + 1, 3, step, num_batches, loss.item(), np.exp(loss.item()), norm.item()
            )
        )
check("lm embed grad", model.embed.weight.grad)
with torch.no_grad():
    state = (torch.zeros(num_layers, 1, hidden_size), torch.zeros(num_layers, 1, hidden_size))
    prob = torch.ones(vocab_size)
    input = torch.multinomial(prob, num_samples=1).unsqueeze(1).to(device)
    print(input.shape, input.dtype)
    input.fill_(corpus.dictionary.word2idx["the"])
    words = []
    for i in range(5):
        output, state = model(input, state)
        prob = output.exp()
        word_id = int(prob.argmax())
        input.fill_(word_id)
        words.append(corpus.dictionary.idx2word[word_id])
    print(" ".join(words), output.shape)


# ---- variational_autoencoder
class VAE(nn.Module):
    def __init__(self, image_size=784, h_dim=400, z_dim=20):
        super(VAE, self).__init__()  # noqa: UP008  (as the tutorial)
        self.fc1 = nn.Linear(image_size, h_dim)
        self.fc2 = nn.Linear(h_dim, z_dim)
        self.fc3 = nn.Linear(h_dim, z_dim)
        self.fc4 = nn.Linear(z_dim, h_dim)
        self.fc5 = nn.Linear(h_dim, image_size)

    def encode(self, x):
        h = F.relu(self.fc1(x))
        return self.fc2(h), self.fc3(h)

    def reparameterize(self, mu, log_var):
        std = torch.exp(log_var / 2)
        eps = torch.randn_like(std)
        return mu + eps * std

    def decode(self, z):
        h = F.relu(self.fc4(z))
        return F.sigmoid(self.fc5(h))

    def forward(self, x):
        mu, log_var = self.encode(x)
        z = self.reparameterize(mu, log_var)
        x_reconst = self.decode(z)
        return x_reconst, mu, log_var


torch.manual_seed(0)
image_size, z_dim = 64, 4
model = VAE(image_size=image_size, h_dim=32, z_dim=z_dim).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
data = torch.rand(24, 1, 8, 8)
data_loader = torch.utils.data.DataLoader(
    dataset=torch.utils.data.TensorDataset(data, torch.zeros(24)), batch_size=8, shuffle=True
)
vae_log = []  # the tutorial prints these with 4 decimals; a sum of 512 terms is checked instead
for epoch in range(2):
    for i, (x, _) in enumerate(data_loader):
        x = x.to(device).view(-1, image_size)
        x_reconst, mu, log_var = model(x)
        reconst_loss = F.binary_cross_entropy(x_reconst, x, size_average=False)
        kl_div = -0.5 * torch.sum(1 + log_var - mu.pow(2) - log_var.exp())
        loss = reconst_loss + kl_div
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        vae_log.append((epoch + 1, i + 1, len(data_loader), reconst_loss.item(), kl_div.item()))
    with torch.no_grad():
        z = torch.randn(8, z_dim).to(device)
        out = model.decode(z).view(-1, 1, 8, 8)
        out2, _, _ = model(x)
        x_concat = torch.cat([x.view(-1, 1, 8, 8), out2.view(-1, 1, 8, 8)], dim=3)
        print(out.shape, x_concat.shape)
check("vae log", vae_log)
check("vae fc1 weight", model.fc1.weight[:2, :6])
check("vae reconst grad_fn", reconst_loss)
raises("bce of a target outside [0, 1]", lambda: F.binary_cross_entropy(x_reconst, x * 3 - 1))
raises("bce of nan targets", lambda: F.binary_cross_entropy(x_reconst, x * float("nan")))
raises(
    "bce input first",
    lambda: F.binary_cross_entropy(torch.tensor([1.5, 0.5]), torch.tensor([2.0, 0])),
)
raises(
    "bce target first",
    lambda: F.binary_cross_entropy(torch.tensor([0.5, 1.5]), torch.tensor([2.0, 0])),
)
raises("BCELoss logits", lambda: nn.BCELoss()(torch.tensor([-0.5, 0.5]), torch.tensor([1.0, 0])))

# ---- generative_adversarial_network
torch.manual_seed(0)
latent_size, hidden_size, image_size, batch_size = 8, 16, 64, 6
D = nn.Sequential(
    nn.Linear(image_size, hidden_size),
    nn.LeakyReLU(0.2),
    nn.Linear(hidden_size, hidden_size),
    nn.LeakyReLU(0.2),
    nn.Linear(hidden_size, 1),
    nn.Sigmoid(),
)
G = nn.Sequential(
    nn.Linear(latent_size, hidden_size),
    nn.ReLU(),
    nn.Linear(hidden_size, hidden_size),
    nn.ReLU(),
    nn.Linear(hidden_size, image_size),
    nn.Tanh(),
)
D = D.to(device)
G = G.to(device)
criterion = nn.BCELoss()
d_optimizer = torch.optim.Adam(D.parameters(), lr=0.0002)
g_optimizer = torch.optim.Adam(G.parameters(), lr=0.0002)


def denorm(x):
    out = (x + 1) / 2
    return out.clamp(0, 1)


def reset_grad():
    d_optimizer.zero_grad()
    g_optimizer.zero_grad()


mnist = (torch.rand(18, 1, 8, 8) - 0.5) / 0.5
for i in range(3):
    images = mnist[i * batch_size : (i + 1) * batch_size].reshape(batch_size, -1).to(device)
    real_labels = torch.ones(batch_size, 1).to(device)
    fake_labels = torch.zeros(batch_size, 1).to(device)
    outputs = D(images)
    d_loss_real = criterion(outputs, real_labels)
    real_score = outputs
    z = torch.randn(batch_size, latent_size).to(device)
    fake_images = G(z)
    outputs = D(fake_images)
    d_loss_fake = criterion(outputs, fake_labels)
    fake_score = outputs
    d_loss = d_loss_real + d_loss_fake
    reset_grad()
    d_loss.backward()
    d_optimizer.step()
    z = torch.randn(batch_size, latent_size).to(device)
    fake_images = G(z)
    outputs = D(fake_images)
    g_loss = criterion(outputs, real_labels)
    reset_grad()
    g_loss.backward()
    g_optimizer.step()
    print(
        "Step [{}/{}], d_loss: {:.4f}, g_loss: {:.4f}, D(x): {:.2f}, D(G(z)): {:.2f}".format(
            i + 1,
            3,
            d_loss.item(),
            g_loss.item(),
            real_score.mean().item(),
            fake_score.mean().item(),
        )
    )
fake_images = fake_images.reshape(fake_images.size(0), 1, 8, 8)
check("gan denorm", denorm(fake_images)[0, 0, :2])
check("gan G grad", G[4].bias.grad)
