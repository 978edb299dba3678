# PyTorch "Introduction to PyTorch" (YouTube series): "Building Models with PyTorch"
# https://pytorch.org/tutorials/beginner/introyt/modelsyt_tutorial.html and "Training with
# PyTorch" https://pytorch.org/tutorials/beginner/introyt/trainingyt.html
# TinyModel (Softmax() without dim: the implicit-dim warning), a Linear layer's parameters,
# LeNet (with torch.nn.functional: the tutorial's `import torch.functional as F` has no
# max_pool2d), the LSTM tagger, MaxPool2d(3), BatchNorm1d on a (1, 4, 4) input, Dropout in eval
# mode; then GarmentClassifier trained one epoch with SGD(momentum=0.9), the running loss per
# reporting window, validation with model.train(False), best-model saving. Fashion-MNIST is
# replaced by seeded random 28x28 images; batches are reported every 5 instead of 1000; no
# TensorBoard.
import os
import tempfile
import warnings


class TinyModel(torch.nn.Module):
    def __init__(self):
        super(TinyModel, self).__init__()  # noqa: UP008  (as the tutorial)
        self.linear1 = torch.nn.Linear(100, 200)
        self.activation = torch.nn.ReLU()
        self.linear2 = torch.nn.Linear(200, 10)
        self.softmax = torch.nn.Softmax()

    def forward(self, x):
        x = self.linear1(x)
        x = self.activation(x)
        x = self.linear2(x)
        x = self.softmax(x)
        return x


torch.manual_seed(0)
tinymodel = TinyModel()
print("The model:")
print(tinymodel)
print("\n\nJust one layer:")
print(tinymodel.linear2)
print("\n\nLayer params:")
for param in tinymodel.linear2.parameters():
    print(param)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    out = tinymodel(torch.rand(2, 100))
print(out.sum(dim=1), [str(w.message) for w in caught])
check("tinymodel output", out)

lin = torch.nn.Linear(3, 2)
x = torch.rand(1, 3)
print("Input:")
print(x)
print("\n\nWeight and Bias parameters:")
for param in lin.parameters():
    print(param)
y = lin(x)
print("\n\nOutput:")
print(y)
print(isinstance(lin.weight, torch.Tensor), type(lin.weight).__name__)


class LeNet(torch.nn.Module):
    def __init__(self):
        super(LeNet, self).__init__()  # noqa: UP008  (as the tutorial)
        self.conv1 = torch.nn.Conv2d(1, 6, 5)
        self.conv2 = torch.nn.Conv2d(6, 16, 3)
        self.fc1 = torch.nn.Linear(16 * 6 * 6, 120)
        self.fc2 = torch.nn.Linear(120, 84)
        self.fc3 = torch.nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(-1, self.num_flat_features(x))
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x

    def num_flat_features(self, x):
        size = x.size()[1:]
        num_features = 1
        for s in size:
            num_features *= s
        return num_features


net = LeNet()
print(net)
input = torch.rand(1, 1, 32, 32)
output = net(input)
print(output.shape, net.num_flat_features(torch.rand(2, 16, 6, 6)))
check("lenet output", output)
raises("LeNet on a 28x28 image", lambda: net(torch.rand(1, 1, 28, 28)))


class LSTMTagger(torch.nn.Module):
    def __init__(self, embedding_dim, hidden_dim, vocab_size, tagset_size):
        super(LSTMTagger, self).__init__()  # noqa: UP008  (as the tutorial)
        self.hidden_dim = hidden_dim
        self.word_embeddings = torch.nn.Embedding(vocab_size, embedding_dim)
        self.lstm = torch.nn.LSTM(embedding_dim, hidden_dim)
        self.hidden2tag = torch.nn.Linear(hidden_dim, tagset_size)

    def forward(self, sentence):
        embeds = self.word_embeddings(sentence)
        lstm_out, _ = self.lstm(embeds.view(len(sentence), 1, -1))
        tag_space = self.hidden2tag(lstm_out.view(len(sentence), -1))
        tag_scores = F.log_softmax(tag_space, dim=1)
        return tag_scores


tagger = LSTMTagger(6, 6, 9, 3)
check("tagger", tagger(torch.tensor([0, 3, 8, 2])))

my_tensor = torch.rand(1, 6, 6)
print(my_tensor)
maxpool_layer = torch.nn.MaxPool2d(3)
print(maxpool_layer(my_tensor))
my_tensor = torch.rand(1, 4, 4) * 20 + 5
print(my_tensor)
print(my_tensor.mean())
norm_layer = torch.nn.BatchNorm1d(4)
normed_tensor = norm_layer(my_tensor)
print(normed_tensor)
print(normed_tensor.mean())
check("batchnorm", normed_tensor)
print(norm_layer.running_mean, norm_layer.running_var)
my_tensor = torch.rand(1, 4, 4)
dropout = torch.nn.Dropout(p=0.4)
dropout.eval()
print(dropout(my_tensor))
dropout.train()
print(dropout(my_tensor).shape, dropout)

# ---- Training with PyTorch
torch.manual_seed(1)
training_set = torch.utils.data.TensorDataset(
    (torch.rand(40, 1, 28, 28) - 0.5) / 0.5, torch.randint(0, 10, (40,))
)
validation_set = torch.utils.data.TensorDataset(
    (torch.rand(12, 1, 28, 28) - 0.5) / 0.5, torch.randint(0, 10, (12,))
)
training_loader = torch.utils.data.DataLoader(training_set, batch_size=4, shuffle=True)
validation_loader = torch.utils.data.DataLoader(validation_set, batch_size=4, shuffle=False)
classes = (
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
    "Ankle Boot",
)  # fmt: skip
print("Training set has {} instances".format(len(training_set)))
print("Validation set has {} instances".format(len(validation_set)))
dataiter = iter(training_loader)
images, labels = next(dataiter)
print("  ".join(classes[labels[j]] for j in range(4)))


class GarmentClassifier(nn.Module):
    def __init__(self):
        super(GarmentClassifier, self).__init__()  # noqa: UP008  (as the tutorial)
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 4 * 4, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.view(-1, 16 * 4 * 4)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x


model = GarmentClassifier()
loss_fn = torch.nn.CrossEntropyLoss()
dummy_outputs = torch.rand(4, 10)
dummy_labels = torch.tensor([1, 5, 3, 7])
print(dummy_outputs)
print(dummy_labels)
loss = loss_fn(dummy_outputs, dummy_labels)
print("Total loss for this batch: {}".format(loss.item()))
optimizer = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9)


def train_one_epoch(epoch_index):
    running_loss = 0.0
    last_loss = 0.0
    reported = []
    for i, data in enumerate(training_loader):
        inputs, labels = data
        optimizer.zero_grad()
        outputs = model(inputs)
        loss = loss_fn(outputs, labels)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
        if i % 5 == 4:
            last_loss = running_loss / 5
            reported.append(last_loss)
            running_loss = 0.0
    check(f"epoch {epoch_index} batch losses", reported)
    return last_loss


folder = tempfile.mkdtemp()
epoch_number = 0
EPOCHS = 2
best_vloss = 1_000_000.0
for epoch in range(EPOCHS):
    print("EPOCH {}:".format(epoch_number + 1))
    model.train(True)
    avg_loss = train_one_epoch(epoch_number)
    model.train(False)
    running_vloss = 0.0
    for i, vdata in enumerate(validation_loader):
        vinputs, vlabels = vdata
        voutputs = model(vinputs)
        vloss = loss_fn(voutputs, vlabels)
        running_vloss += vloss
    avg_vloss = running_vloss / (i + 1)
    check(f"epoch {epoch_number} losses", [avg_loss, avg_vloss])
    print(type(avg_vloss).__name__, avg_vloss.grad_fn.name(), model.training)
    if avg_vloss < best_vloss:
        best_vloss = avg_vloss
        model_path = os.path.join(folder, "model_{}".format(epoch_number))
        torch.save(model.state_dict(), model_path)
    epoch_number += 1  # noqa: SIM113  (as the tutorial)
saved_model = GarmentClassifier()
print(saved_model.load_state_dict(torch.load(model_path)))
print(torch.equal(saved_model.fc3.weight, model.fc3.weight), type(best_vloss).__name__)
