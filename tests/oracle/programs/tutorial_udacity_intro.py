# Udacity "Deep Learning (PyTorch)" nanodegree, intro-to-pytorch notebooks (Solutions):
# https://github.com/udacity/deep-learning-v2-pytorch/tree/master/intro-to-pytorch
# Part 1 Tensors (a sigmoid neuron, a two-layer network by hand, numpy memory sharing with
# mul_), Part 2 Neural Networks (softmax by hand, nn.Module / F / nn.Sequential /
# OrderedDict, weight init through .data, resize_), Part 3 Training (CrossEntropyLoss vs
# LogSoftmax + NLLLoss, autograd on x**2, one SGD step, the for/else training loop), Part 5
# Inference and Validation (topk accuracy, NLLLoss(reduction='sum'), Dropout in eval mode),
# Part 6 Saving and Loading (fc_model.Network with ModuleList.extend, validation() with
# type_as(torch.FloatTensor()), a checkpoint dict, the size-mismatch error of load_state_dict).
# MNIST / Fashion-MNIST are replaced by seeded random 8x8 images (64 inputs instead of 784);
# fewer epochs; the dropout network is only evaluated (its masks are not PyTorch's numbers).
import os
import tempfile
from collections import OrderedDict

import numpy as np

optim = torch.optim


# ---- Part 1
def activation(x):
    return 1 / (1 + torch.exp(-x))


torch.manual_seed(7)
features = torch.randn((1, 5))
weights = torch.randn_like(features)
bias = torch.randn((1, 1))
y = activation(torch.sum(features * weights) + bias)
print(y)
y = activation((features * weights).sum() + bias)
print(y)
y = activation(torch.mm(features, weights.view(5, 1)) + bias)
print(y)
raises("mm shapes", lambda: torch.mm(features, weights))
raises(
    "resize_ of a tensor that requires grad", lambda: torch.zeros(2, requires_grad=True).resize_(3)
)
print(
    torch.arange(6.0).resize_(2, 2),
    torch.arange(6.0).resize_([3, 2]),
    torch.arange(6.0)[1:4].resize_(3, 1),
)
print(torch.arange(6.0).resize_(2, 5).shape)
print(weights.reshape(5, 1).shape, weights.view(5, 1).is_contiguous(), weights.resize_(5, 1).shape)

torch.manual_seed(7)
features = torch.randn((1, 3))
n_input = features.shape[1]
n_hidden = 2
n_output = 1
W1 = torch.randn(n_input, n_hidden)
W2 = torch.randn(n_hidden, n_output)
B1 = torch.randn((1, n_hidden))
B2 = torch.randn((1, n_output))
h = activation(torch.mm(features, W1) + B1)
output = activation(torch.mm(h, W2) + B2)
print(output)

np.random.seed(0)
a = np.random.rand(4, 3)
print(a)
b = torch.from_numpy(a)
print(b)
print(b.numpy())
print(b.mul_(2))
print(a)

# ---- Part 2 (random 8x8 "digits", normalized as transforms.Normalize((0.5,), (0.5,)))
torch.manual_seed(0)
images_all = (torch.rand(96, 1, 8, 8) - 0.5) / 0.5
labels_all = torch.randint(0, 10, (96,))
trainset = torch.utils.data.TensorDataset(images_all[:64], labels_all[:64])
testset = torch.utils.data.TensorDataset(images_all[64:], labels_all[64:])
trainloader = torch.utils.data.DataLoader(trainset, batch_size=16, shuffle=True)
testloader = torch.utils.data.DataLoader(testset, batch_size=16, shuffle=True)
dataiter = iter(trainloader)
raises("the old dataiter.next()", lambda: dataiter.next(), key="has no attribute 'next'")
images, labels = next(dataiter)
print(type(images))
print(images.shape)
print(labels.shape)

inputs = images.view(images.shape[0], -1)
w1 = torch.randn(64, 32)
b1 = torch.randn(32)
w2 = torch.randn(32, 10)
b2 = torch.randn(10)
h = activation(torch.mm(inputs, w1) + b1)
out = activation(torch.mm(h, w2) + b2)


def softmax(x):
    return torch.exp(x) / torch.sum(torch.exp(x), dim=1).view(-1, 1)


probabilities = softmax(out)
print(probabilities.shape)
print(probabilities.sum(dim=1))
raises("softmax without view", lambda: torch.exp(out) / torch.sum(torch.exp(out), dim=1))


class Network(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(64, 32)
        self.output = nn.Linear(32, 10)
        self.sigmoid = nn.Sigmoid()
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        x = self.hidden(x)
        x = self.sigmoid(x)
        x = self.output(x)
        x = self.softmax(x)
        return x


model = Network()
print(model)


class Network(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(64, 32)
        self.output = nn.Linear(32, 10)

    def forward(self, x):
        x = F.sigmoid(self.hidden(x))
        x = F.softmax(self.output(x), dim=1)
        return x


check("F.sigmoid network", Network()(inputs[:2]))


class Network(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(64, 16)
        self.fc2 = nn.Linear(16, 12)
        self.fc3 = nn.Linear(12, 10)

    def forward(self, x):
        x = self.fc1(x)
        x = F.relu(x)
        x = self.fc2(x)
        x = F.relu(x)
        x = self.fc3(x)
        x = F.softmax(x, dim=1)
        return x


model = Network()
print(model)
print(model.fc1.bias)
print(model.fc1.bias.data.fill_(0))
print(model.fc1.weight.data.normal_(std=0.01)[:2, :4])
dataiter = iter(trainloader)
images, labels = next(dataiter)
images.resize_(16, 1, 64)
img_idx = 0
ps = model.forward(images[img_idx, :])
print(ps)
input_size = 64
hidden_sizes = [16, 12]
output_size = 10
model = nn.Sequential(
    nn.Linear(input_size, hidden_sizes[0]),
    nn.ReLU(),
    nn.Linear(hidden_sizes[0], hidden_sizes[1]),
    nn.ReLU(),
    nn.Linear(hidden_sizes[1], output_size),
    nn.Softmax(dim=1),
)
print(model)
images, labels = next(iter(trainloader))
images.resize_(images.shape[0], 1, 64)
ps = model.forward(images[0, :])
check("sequential softmax", ps)
print(model[0])
print(model[0].weight.shape)
model = nn.Sequential(
    OrderedDict(
        [
            ("fc1", nn.Linear(input_size, hidden_sizes[0])),
            ("relu1", nn.ReLU()),
            ("fc2", nn.Linear(hidden_sizes[0], hidden_sizes[1])),
            ("relu2", nn.ReLU()),
            ("output", nn.Linear(hidden_sizes[1], output_size)),
            ("softmax", nn.Softmax(dim=1)),
        ]
    )
)
print(model)
print(model[0])
print(model.fc1)
raises("Sequential has no attribute", lambda: model.fc4, key="object has no attribute 'fc4'")

# ---- Part 3
model = nn.Sequential(nn.Linear(64, 16), nn.ReLU(), nn.Linear(16, 12), nn.ReLU(), nn.Linear(12, 10))
criterion = nn.CrossEntropyLoss()
images, labels = next(iter(trainloader))
images = images.view(images.shape[0], -1)
logits = model(images)
loss = criterion(logits, labels)
print(loss)
model = nn.Sequential(
    nn.Linear(64, 16),
    nn.ReLU(),
    nn.Linear(16, 12),
    nn.ReLU(),
    nn.Linear(12, 10),
    nn.LogSoftmax(dim=1),
)
criterion = nn.NLLLoss()
images, labels = next(iter(trainloader))
images = images.view(images.shape[0], -1)
logps = model(images)
loss = criterion(logps, labels)
print(loss)
x = torch.randn(2, 2, requires_grad=True)
print(x)
y = x**2
print(y)
print(y.grad_fn)
z = y.mean()
print(z)
print(x.grad)
z.backward()
print(x.grad)
print(x / 2)
print("Before backward pass: \n", model[0].weight.grad)
loss.backward()
print("After backward pass: \n", model[0].weight.grad[:2, :6])
optimizer = optim.SGD(model.parameters(), lr=0.01)
print("Initial weights - ", model[0].weight[:2, :6])
images, labels = next(iter(trainloader))
images.resize_(16, 64)
optimizer.zero_grad()
output = model(images)
loss = criterion(output, labels)
loss.backward()
print("Gradient -", model[0].weight.grad[:2, :6])
optimizer.step()
print("Updated weights - ", model[0].weight[:2, :6])
check("one SGD step", model[0].weight)
optimizer = optim.SGD(model.parameters(), lr=0.003)
epochs = 3
for e in range(epochs):
    running_loss = 0
    for images, labels in trainloader:
        images = images.view(images.shape[0], -1)
        optimizer.zero_grad()
        output = model(images)
        loss = criterion(output, labels)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
    else:
        print(f"Training loss: {running_loss / len(trainloader):.6f}")
images, labels = next(iter(trainloader))
img = images[0].view(1, 64)
with torch.no_grad():
    logps = model(img)
ps = torch.exp(logps)
check("part 3 ps", ps)


# ---- Part 5
class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(64, 32)
        self.fc2 = nn.Linear(32, 24)
        self.fc3 = nn.Linear(24, 16)
        self.fc4 = nn.Linear(16, 10)

    def forward(self, x):
        x = x.view(x.shape[0], -1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = F.relu(self.fc3(x))
        x = F.log_softmax(self.fc4(x), dim=1)
        return x


model = Classifier()
images, labels = next(iter(testloader))
ps = torch.exp(model(images))
print(ps.shape)
top_p, top_class = ps.topk(1, dim=1)
print(top_class[:10, :])
equals = top_class == labels.view(*top_class.shape)
accuracy = torch.mean(equals.type(torch.FloatTensor))
print(f"Accuracy: {accuracy.item() * 100}%")
raises("mean of a bool tensor", lambda: torch.mean(equals))
model = Classifier()
criterion = nn.NLLLoss(reduction="sum")
optimizer = optim.Adam(model.parameters(), lr=0.003)
epochs = 3
train_losses, test_losses = [], []
for e in range(epochs):
    tot_train_loss = 0
    for images, labels in trainloader:
        optimizer.zero_grad()
        log_ps = model(images)
        loss = criterion(log_ps, labels)
        tot_train_loss += loss.item()
        loss.backward()
        optimizer.step()
    else:
        tot_test_loss = 0
        test_correct = 0
        with torch.no_grad():
            for images, labels in testloader:
                log_ps = model(images)
                loss = criterion(log_ps, labels)
                tot_test_loss += loss.item()
                ps = torch.exp(log_ps)
                top_p, top_class = ps.topk(1, dim=1)
                equals = top_class == labels.view(*top_class.shape)
                test_correct += equals.sum().item()
        train_loss = tot_train_loss / len(trainloader.dataset)
        test_loss = tot_test_loss / len(testloader.dataset)
        train_losses.append(train_loss)
        test_losses.append(test_loss)
        print(
            "Epoch: {}/{}.. ".format(e + 1, epochs),
            "Test Accuracy: {:.3f}".format(test_correct / len(testloader.dataset)),
        )
check("part 5 losses", [train_losses, test_losses])


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(64, 32)
        self.fc2 = nn.Linear(32, 24)
        self.fc3 = nn.Linear(24, 16)
        self.fc4 = nn.Linear(16, 10)
        self.dropout = nn.Dropout(p=0.2)

    def forward(self, x):
        x = x.view(x.shape[0], -1)
        x = self.dropout(F.relu(self.fc1(x)))
        x = self.dropout(F.relu(self.fc2(x)))
        x = self.dropout(F.relu(self.fc3(x)))
        x = F.log_softmax(self.fc4(x), dim=1)
        return x


model = Classifier()
print(model)
criterion = nn.NLLLoss()
test_loss = 0
accuracy = 0
with torch.no_grad():
    model.eval()
    for images, labels in testloader:
        log_ps = model(images)
        test_loss += criterion(log_ps, labels)
        ps = torch.exp(log_ps)
        top_p, top_class = ps.topk(1, dim=1)
        equals = top_class == labels.view(*top_class.shape)
        accuracy += torch.mean(equals.type(torch.FloatTensor))
model.train()
print(model.training, model.dropout.training)
check("eval-mode test loss", test_loss / len(testloader))
check("eval-mode accuracy", accuracy / len(testloader))
model.train()
out_train = model(images)
print(out_train.shape, out_train.grad_fn.name())


# ---- Part 6: fc_model
class FCNetwork(nn.Module):
    def __init__(self, input_size, output_size, hidden_layers, drop_p=0.5):
        super().__init__()
        self.hidden_layers = nn.ModuleList([nn.Linear(input_size, hidden_layers[0])])
        layer_sizes = zip(hidden_layers[:-1], hidden_layers[1:])
        self.hidden_layers.extend([nn.Linear(h1, h2) for h1, h2 in layer_sizes])
        self.output = nn.Linear(hidden_layers[-1], output_size)
        self.dropout = nn.Dropout(p=drop_p)

    def forward(self, x):
        for each in self.hidden_layers:
            x = F.relu(each(x))
            x = self.dropout(x)
        x = self.output(x)
        return F.log_softmax(x, dim=1)


def validation(model, testloader, criterion):
    accuracy = 0
    test_loss = 0
    for images, labels in testloader:
        images = images.resize_(images.size()[0], 64)
        output = model.forward(images)
        test_loss += criterion(output, labels).item()
        ps = torch.exp(output)
        equality = labels.data == ps.max(1)[1]
        accuracy += equality.type_as(torch.FloatTensor()).mean()
    return test_loss, accuracy


torch.manual_seed(0)
model = FCNetwork(64, 10, [32, 16, 12])
print(model)
criterion = nn.NLLLoss()
model.eval()
with torch.no_grad():
    test_loss, accuracy = validation(model, testloader, criterion)
print(
    "Test Loss: {:.3f}.. ".format(test_loss / len(testloader)),
    "Test Accuracy: {:.3f}".format(accuracy / len(testloader)),
)
print(torch.FloatTensor(), torch.FloatTensor().shape, accuracy.dtype)
folder = tempfile.mkdtemp()
print("Our model: \n\n", model, "\n")
print("The state dict keys: \n\n", model.state_dict().keys())
torch.save(model.state_dict(), os.path.join(folder, "checkpoint.pth"))
state_dict = torch.load(os.path.join(folder, "checkpoint.pth"))
print(state_dict.keys())
print(model.load_state_dict(state_dict))
model2 = FCNetwork(64, 10, [40, 16, 12])
raises("load into a different architecture", lambda: model2.load_state_dict(state_dict))
checkpoint = {
    "input_size": 64,
    "output_size": 10,
    "hidden_layers": [each.out_features for each in model.hidden_layers],
    "state_dict": model.state_dict(),
}
torch.save(checkpoint, os.path.join(folder, "checkpoint.pth"))


def load_checkpoint(filepath):
    checkpoint = torch.load(filepath)
    model = FCNetwork(
        checkpoint["input_size"], checkpoint["output_size"], checkpoint["hidden_layers"]
    )
    model.load_state_dict(checkpoint["state_dict"])
    return model


model3 = load_checkpoint(os.path.join(folder, "checkpoint.pth"))
print(model3)
model3.eval()
check("reloaded", model3(images_all[:3].view(3, -1)))
