# Patrick Loeber (Python Engineer), "PyTorch Tutorials - Complete Beginner Course"
# (github.com/patrickloeber/pytorchTutorial) 02-17 on synthetic data: tensor basics and numpy memory
# sharing, autograd (grad_fn, backward(v), requires_grad_, detach, no_grad, the weights.grad.zero_()
# loop), backprop by hand, gradient descent with a 0-d w, the training pipeline with nn.Linear on
# (4, 1) inputs and a 1-d test input, linear / logistic regression (BCELoss, round().eq()),
# Dataset / DataLoader with iter / next and math.ceil, transforms as callable classes, softmax and
# cross entropy in numpy and torch, activation functions, a feed-forward net and a CIFAR-style CNN
# with per-class accuracy counted by indexing a list with 0-d tensors, save / load of state_dicts
# and a checkpoint dict.
# https://github.com/patrickloeber/pytorchTutorial
import math
import os
import tempfile

import numpy as np

Dataset = torch.utils.data.Dataset
DataLoader = torch.utils.data.DataLoader

# ---------------- 02 tensor basics ----------------
torch.manual_seed(0)
x = torch.rand(5, 3)
print(x)
x = torch.zeros(5, 3)
print(x)
print(x.size())
print(x.dtype)
x = torch.zeros(5, 3, dtype=torch.float16)
print(x)
print(x.dtype)
x = torch.tensor([5.5, 3])
print(x.size())
x = torch.tensor([5.5, 3], requires_grad=True)
y = torch.rand(2, 2)
x = torch.rand(2, 2)
z = x + y
z = torch.add(x, y)
y.add_(x)
print(y)
z = x - y
z = torch.sub(x, y)
z = x * y
z = torch.mul(x, y)
z = x / y
z = torch.div(x, y)
check("z", z)
x = torch.rand(5, 3)
print(x)
print(x[:, 0])  # all rows, column 0
print(x[1, :])  # row 1, all columns
print(x[1, 1])  # element at 1, 1
print(x[1, 1].item())
x = torch.randn(4, 4)
y = x.view(16)
z = x.view(-1, 8)  # the size -1 is inferred from other dimensions
print(x.size(), y.size(), z.size())
a = torch.ones(5)
print(a)
b = a.numpy()
print(b)
print(type(b))
a.add_(1)
print(a)
print(b)
a = np.ones(5)
b = torch.from_numpy(a)
print(a)
print(b)
a += 1
print(a)
print(b)
if torch.cuda.is_available():
    device = torch.device("cuda")
else:
    device = torch.device("cpu")
print(device, torch.cuda.is_available())

# ---------------- 03 autograd ----------------
x = torch.randn(3, requires_grad=True)
print(x)
y = x + 2
print(y)
print(y.grad_fn)
z = y * y * 3
print(z)
z = z.mean()
print(z)
z.backward()
print(x.grad)  # dz/dx
x = torch.randn(3, requires_grad=True)
y = x * 2
for _ in range(10):
    y = y * 2
print(y)
print(y.shape)
v = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float32)
y.backward(v)
print(x.grad)
a = torch.randn(2, 2)
print(a.requires_grad)
b = (a * a).sum()
print(b.grad_fn)
a.requires_grad_(True)
print(a.requires_grad)
b = (a * a).sum()
print(b.grad_fn)
a = torch.randn(2, 2, requires_grad=True)
print(a.requires_grad)
b = a.detach()
print(b.requires_grad)
a = torch.randn(2, 2, requires_grad=True)
print(a.requires_grad)
with torch.no_grad():
    print((x**2).requires_grad)
weights = torch.ones(4, requires_grad=True)
for epoch in range(3):
    # just a dummy example
    model_output = (weights * 3).sum()
    model_output.backward()
    print(weights.grad)
    # optimize model, i.e. adjust weights...
    with torch.no_grad():
        weights -= 0.1 * weights.grad
    # this is important! It affects the final weights & output
    weights.grad.zero_()
print(weights)
print(model_output)
optimizer = torch.optim.SGD([weights], lr=0.1)
optimizer.step()
optimizer.zero_grad()
print(weights.grad)

# ---------------- 04 backpropagation ----------------
x = torch.tensor(1.0)
y = torch.tensor(2.0)
w = torch.tensor(1.0, requires_grad=True)
y_predicted = w * x
loss = (y_predicted - y) ** 2
print(loss)
loss.backward()
print(w.grad)
with torch.no_grad():
    w -= 0.01 * w.grad
w.grad.zero_()
print(w)

# ---------------- 05 gradient descent (numpy, then autograd) ----------------
X = np.array([1, 2, 3, 4], dtype=np.float32)
Y = np.array([2, 4, 6, 8], dtype=np.float32)
w = 0.0


def forward(x):
    return w * x


def loss_np(y, y_pred):
    return ((y_pred - y) ** 2).mean()


def gradient(x, y, y_pred):
    return np.mean(2 * x * (y_pred - y))


print(f"Prediction before training: f(5) = {forward(5):.3f}")
for epoch in range(20):
    y_pred = forward(X)
    l = loss_np(Y, y_pred)
    dw = gradient(X, Y, y_pred)
    w -= 0.01 * dw
    if epoch % 2 == 0:
        print(f"epoch {epoch + 1}: w = {w:.3f}, loss = {l:.8f}")
print(f"Prediction after training: f(5) = {forward(5):.3f}")

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)


def loss_fn(y, y_pred):
    return ((y_pred - y) ** 2).mean()


print(f"Prediction before training: f(5) = {forward(5).item():.3f}")
learning_rate = 0.01
n_iters = 100
for epoch in range(n_iters):
    # predict = forward pass
    y_pred = forward(X)
    # loss
    l = loss_fn(Y, y_pred)
    # calculate gradients = backward pass
    l.backward()
    # update weights
    with torch.no_grad():
        w -= learning_rate * w.grad
    # zero the gradients after updating
    w.grad.zero_()
    if epoch % 10 == 0:
        print(f"epoch {epoch + 1}: w = {w.item():.3f}, loss = {l.item():.8f}")
print(f"Prediction after training: f(5) = {forward(5).item():.3f}")
check("gd_w", w)

# ---------------- 06 training pipeline ----------------
X = torch.tensor([[1], [2], [3], [4]], dtype=torch.float32)
Y = torch.tensor([[2], [4], [6], [8]], dtype=torch.float32)
n_samples, n_features = X.shape
print(f"#samples: {n_samples}, #features: {n_features}")
X_test = torch.tensor([5], dtype=torch.float32)
input_size = n_features
output_size = n_features


class LinearRegression(nn.Module):
    def __init__(self, input_dim, output_dim):
        super().__init__()
        # define diferent layers
        self.lin = nn.Linear(input_dim, output_dim)

    def forward(self, x):
        return self.lin(x)


torch.manual_seed(1)
model = LinearRegression(input_size, output_size)
print(f"Prediction before training: f(5) = {model(X_test).item():.3f}")
learning_rate = 0.01
n_iters = 100
loss = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
for epoch in range(n_iters):
    # predict = forward pass with our model
    y_predicted = model(X)
    # loss
    l = loss(Y, y_predicted)
    # calculate gradients = backward pass
    l.backward()
    # update weights
    optimizer.step()
    # zero the gradients after updating
    optimizer.zero_grad()
    if epoch % 10 == 0:
        [w, b] = model.parameters()  # unpack parameters
        print("epoch ", epoch + 1, ": w = ", w[0][0].item(), " loss = ", l)
print(f"Prediction after training: f(5) = {model(X_test).item():.3f}")
check("pipeline_w", w)

# ---------------- 07 linear regression ----------------
rs = np.random.RandomState(4)
X_numpy = rs.randn(100, 1)
y_numpy = 60 * X_numpy[:, 0] + rs.randn(100) * 20
X = torch.from_numpy(X_numpy.astype(np.float32))
y = torch.from_numpy(y_numpy.astype(np.float32))
y = y.view(y.shape[0], 1)
n_samples, n_features = X.shape
torch.manual_seed(2)
model = nn.Linear(n_features, 1)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(100):
    y_predicted = model(X)
    loss = criterion(y_predicted, y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    if (epoch + 1) % 20 == 0:
        # (the tutorial prints 4 decimals of a loss near 2000: the bias gradient of this one-output
        # layer is a 100-value column sum whose float32 order differs, so 2 here)
        print(f"epoch: {epoch + 1}, loss = {loss.item():.2f}")
predicted = model(X).detach().numpy()
print(predicted.dtype, predicted.shape)
check("linreg_pred", torch.from_numpy(predicted[:5]))

# ---------------- 08 logistic regression ----------------
X_numpy = rs.randn(120, 5).astype(np.float32)
y_numpy = (
    X_numpy @ np.array([1.0, -2.0, 0.5, 0.0, 1.5], np.float32)
    + rs.randn(120).astype(np.float32) * 0.5
    > 0
)
X_train, X_test = X_numpy[:90], X_numpy[90:]
y_train, y_test = y_numpy[:90].astype(np.float32), y_numpy[90:].astype(np.float32)
mean, std = X_train.mean(axis=0), X_train.std(axis=0)  # StandardScaler
X_train = (X_train - mean) / std
X_test = (X_test - mean) / std
X_train = torch.from_numpy(X_train.astype(np.float32))
X_test = torch.from_numpy(X_test.astype(np.float32))
y_train = torch.from_numpy(y_train.astype(np.float32))
y_test = torch.from_numpy(y_test.astype(np.float32))
y_train = y_train.view(y_train.shape[0], 1)
y_test = y_test.view(y_test.shape[0], 1)
n_samples, n_features = X_train.shape


class Model(nn.Module):
    def __init__(self, n_input_features):
        super().__init__()
        self.linear = nn.Linear(n_input_features, 1)

    def forward(self, x):
        y_pred = torch.sigmoid(self.linear(x))
        return y_pred


torch.manual_seed(3)
model = Model(n_features)
num_epochs = 100
learning_rate = 0.01
criterion = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
for epoch in range(num_epochs):
    # Forward pass and loss
    y_pred = model(X_train)
    loss = criterion(y_pred, y_train)
    # Backward pass and update
    loss.backward()
    optimizer.step()
    # zero grad before new step
    optimizer.zero_grad()
    if (epoch + 1) % 20 == 0:
        print(f"epoch: {epoch + 1}, loss = {loss.item():.4f}")
with torch.no_grad():
    y_predicted = model(X_test)
    y_predicted_cls = y_predicted.round()
    acc = y_predicted_cls.eq(y_test).sum() / float(y_test.shape[0])
    print(f"accuracy: {acc.item():.4f}")
check("acc", acc)


# ---------------- 09 dataloader, 10 transforms ----------------
class WineDataset(Dataset):
    def __init__(self, transform=None):
        # Initialize data, download, etc.
        xy = np.concatenate([rs.rand(178, 13) * 10, rs.randint(1, 4, (178, 1))], axis=1).astype(
            np.float32
        )
        self.n_samples = xy.shape[0]
        # here the first column is the class label, the rest are the features
        self.x_data = xy[:, :-1]  # size [n_samples, n_features]
        self.y_data = xy[:, [-1]]  # size [n_samples, 1]
        self.transform = transform

    # support indexing such that dataset[i] can be used to get i-th sample
    def __getitem__(self, index):
        sample = self.x_data[index], self.y_data[index]
        if self.transform:
            sample = self.transform(sample)
        return sample

    # we can call len(dataset) to return the size
    def __len__(self):
        return self.n_samples


class ToTensor:
    # Convert ndarrays to Tensors
    def __call__(self, sample):
        inputs, targets = sample
        return torch.from_numpy(inputs), torch.from_numpy(targets)


class MulTransform:
    # multiply inputs with a given factor
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, sample):
        inputs, targets = sample
        inputs *= self.factor
        return inputs, targets


class Compose:  # torchvision.transforms.Compose
    def __init__(self, transforms):
        self.transforms = transforms

    def __call__(self, sample):
        for t in self.transforms:
            sample = t(sample)
        return sample


dataset = WineDataset(transform=ToTensor())
first_data = dataset[0]
features, labels = first_data
print(features, labels)
print(type(features), type(labels))
composed = Compose([ToTensor(), MulTransform(4)])
dataset = WineDataset(transform=composed)
first_data = dataset[0]
features, labels = first_data
print(type(features), type(labels))
print(features, labels)
torch.manual_seed(4)
train_loader = DataLoader(dataset=dataset, batch_size=4, shuffle=True, num_workers=0)
dataiter = iter(train_loader)
data = next(dataiter)
features, labels = data
print(features, labels)
num_epochs = 2
total_samples = len(dataset)
n_iterations = math.ceil(total_samples / 4)
print(total_samples, n_iterations)
for epoch in range(num_epochs):
    for i, (inputs, labels) in enumerate(train_loader):
        # here: 178 samples, batch_size = 4, n_iters=178/4=44.5 -> 45 iterations
        # Run your training process
        if (i + 1) % 15 == 0:
            print(
                f"Epoch: {epoch + 1}/{num_epochs}, Step {i + 1}/{n_iterations}| Inputs {inputs.shape} | Labels {labels.shape}"
            )
check("last_batch", [inputs.shape, labels[:, 0]])


# ---------------- 11 softmax and cross entropy, 12 activations ----------------
def softmax(x):
    return np.exp(x) / np.sum(np.exp(x), axis=0)


x = np.array([2.0, 1.0, 0.1])
outputs = softmax(x)
print("softmax numpy:", outputs)
x = torch.tensor([2.0, 1.0, 0.1])
outputs = torch.softmax(x, dim=0)  # along values along first axis
print("softmax torch:", outputs)


def cross_entropy(actual, predicted):
    EPS = 1e-15
    predicted = np.clip(predicted, EPS, 1 - EPS)
    loss = -np.sum(actual * np.log(predicted))
    return loss  # / float(predicted.shape[0])


Y = np.array([1, 0, 0])
Y_pred_good = np.array([0.7, 0.2, 0.1])
Y_pred_bad = np.array([0.1, 0.3, 0.6])
l1 = cross_entropy(Y, Y_pred_good)
l2 = cross_entropy(Y, Y_pred_bad)
print(f"Loss1 numpy: {l1:.4f}")
print(f"Loss2 numpy: {l2:.4f}")
loss = nn.CrossEntropyLoss()
Y = torch.tensor([0])
Y_pred_good = torch.tensor([[2.0, 1.0, 0.1]])
Y_pred_bad = torch.tensor([[0.5, 2.0, 0.3]])
l1 = loss(Y_pred_good, Y)
l2 = loss(Y_pred_bad, Y)
print(f"PyTorch Loss1: {l1.item():.4f}")
print(f"PyTorch Loss2: {l2.item():.4f}")
_, predictions1 = torch.max(Y_pred_good, 1)
_, predictions2 = torch.max(Y_pred_bad, 1)
print(f"Actual class: {Y.item()}, Y_pred1: {predictions1.item()}, Y_pred2: {predictions2.item()}")
Y = torch.tensor([2, 0, 1])
Y_pred_good = torch.tensor([[0.1, 0.2, 3.9], [1.2, 0.1, 0.3], [0.3, 2.2, 0.2]])
Y_pred_bad = torch.tensor([[0.9, 0.2, 0.1], [0.1, 0.3, 1.5], [1.2, 0.2, 0.5]])
l1 = loss(Y_pred_good, Y)
l2 = loss(Y_pred_bad, Y)
print(f"Batch Loss1:  {l1.item():.4f}")
print(f"Batch Loss2: {l2.item():.4f}")
_, predictions1 = torch.max(Y_pred_good, 1)
_, predictions2 = torch.max(Y_pred_bad, 1)
print(f"Actual class: {Y}, Y_pred1: {predictions1}, Y_pred2: {predictions2}")
x = torch.tensor([-1.0, 1.0, 2.0, 3.0])
print(torch.softmax(x, dim=0), nn.Softmax(dim=0)(x))
print(torch.sigmoid(x), nn.Sigmoid()(x))
print(torch.tanh(x), nn.Tanh()(x))
print(torch.relu(x), nn.ReLU()(x))
print(F.leaky_relu(x, negative_slope=0.1), nn.LeakyReLU(0.1)(x))


class NeuralNet1(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.linear1 = nn.Linear(input_size, hidden_size)
        self.relu = nn.ReLU()
        self.linear2 = nn.Linear(hidden_size, 1)

    def forward(self, x):
        out = self.linear1(x)
        out = self.relu(out)
        out = self.linear2(out)
        # sigmoid at the end
        y_pred = torch.sigmoid(out)
        return y_pred


torch.manual_seed(5)
model = NeuralNet1(input_size=28 * 28, hidden_size=5)
criterion = nn.BCELoss()
out = model(torch.rand(3, 28 * 28))
print(out.shape, criterion(out, torch.tensor([[1.0], [0.0], [1.0]])))

# ---------------- 13 feed-forward net, 14 CNN ----------------
input_size = 64  # 8x8
hidden_size = 50
num_classes = 10
batch_size = 10
learning_rate = 0.001
torch.manual_seed(6)
train_x, train_y = torch.rand(40, 1, 8, 8), torch.randint(0, 10, (40,))
train_loader = DataLoader(
    torch.utils.data.TensorDataset(train_x, train_y), batch_size=batch_size, shuffle=True
)
test_loader = DataLoader(
    torch.utils.data.TensorDataset(train_x, train_y), batch_size=batch_size, shuffle=False
)
examples = iter(test_loader)
example_data, example_targets = next(examples)
print(example_data.shape, example_targets.shape)


class NeuralNet(nn.Module):
    def __init__(self, input_size, hidden_size, num_classes):
        super().__init__()
        self.input_size = input_size
        self.l1 = nn.Linear(input_size, hidden_size)
        self.relu = nn.ReLU()
        self.l2 = nn.Linear(hidden_size, num_classes)

    def forward(self, x):
        out = self.l1(x)
        out = self.relu(out)
        out = self.l2(out)
        # no activation and no softmax at the end
        return out


model = NeuralNet(input_size, hidden_size, num_classes).to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
n_total_steps = len(train_loader)
for epoch in range(2):
    for i, (images, labels) in enumerate(train_loader):
        # origin shape: [100, 1, 28, 28]
        # resized: [100, 784]
        images = images.reshape(-1, 8 * 8).to(device)
        labels = labels.to(device)
        # Forward pass
        outputs = model(images)
        loss = criterion(outputs, labels)
        # Backward and optimize
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (i + 1) % 2 == 0:
            print(f"Epoch [{epoch + 1}/2], Step [{i + 1}/{n_total_steps}], Loss: {loss.item():.4f}")
with torch.no_grad():
    n_correct = 0
    n_samples = 0
    for images, labels in test_loader:
        images = images.reshape(-1, 8 * 8).to(device)
        labels = labels.to(device)
        outputs = model(images)
        # max returns (value ,index)
        _, predicted = torch.max(outputs.data, 1)
        n_samples += labels.size(0)
        n_correct += (predicted == labels).sum().item()
    acc = 100.0 * n_correct / n_samples
    print(f"Accuracy of the network on the 40 test images: {acc} %")

classes = ("plane", "car", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")


class ConvNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 1 * 1, 24)
        self.fc2 = nn.Linear(24, 16)
        self.fc3 = nn.Linear(16, 10)

    def forward(self, x):
        # -> n, 3, 16, 16
        x = self.pool(F.relu(self.conv1(x)))  # -> n, 6, 6, 6
        x = self.pool(F.relu(self.conv2(x)))  # -> n, 16, 1, 1
        x = x.view(-1, 16 * 1 * 1)  # -> n, 16
        x = F.relu(self.fc1(x))  # -> n, 24
        x = F.relu(self.fc2(x))  # -> n, 16
        x = self.fc3(x)  # -> n, 10
        return x


torch.manual_seed(7)
cifar_x, cifar_y = torch.rand(20, 3, 16, 16), torch.randint(0, 10, (20,))
batch_size = 4
train_loader = DataLoader(
    torch.utils.data.TensorDataset(cifar_x, cifar_y), batch_size=batch_size, shuffle=True
)
test_loader = DataLoader(
    torch.utils.data.TensorDataset(cifar_x, cifar_y), batch_size=batch_size, shuffle=False
)
model = ConvNet().to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(2):
    for i, (images, labels) in enumerate(train_loader):
        outputs = model(images)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (i + 1) % 5 == 0:
            print(
                f"Epoch [{epoch + 1}/2], Step [{i + 1}/{len(train_loader)}], Loss: {loss.item():.4f}"
            )
print("Finished Training")
with torch.no_grad():
    n_correct = 0
    n_samples = 0
    n_class_correct = [0 for i in range(10)]
    n_class_samples = [0 for i in range(10)]
    for images, labels in test_loader:
        outputs = model(images)
        # max returns (value ,index)
        _, predicted = torch.max(outputs, 1)
        n_samples += labels.size(0)
        n_correct += (predicted == labels).sum().item()
        for i in range(batch_size):
            label = labels[i]
            pred = predicted[i]
            if label == pred:
                n_class_correct[label] += 1
            n_class_samples[label] += 1
    acc = 100.0 * n_correct / n_samples
    print(f"Accuracy of the network: {acc} %")
    for i in range(10):
        if n_class_samples[i]:
            acc = 100.0 * n_class_correct[i] / n_class_samples[i]
            print(f"Accuracy of {classes[i]}: {acc} %")
check("class_counts", [n_class_correct, n_class_samples])

# ---------------- 17 save and load ----------------
with tempfile.TemporaryDirectory() as d:
    FILE = os.path.join(d, "model.pth")
    torch.manual_seed(8)
    model = Model(n_input_features=6)
    # (the lazy way, torch.save(model, FILE), pickles the class: the harness's programs are
    # not importable modules, so only the state_dict way is run here)
    for param in model.parameters():
        print(param)
    torch.save(model.state_dict(), FILE)
    print(model.state_dict())
    loaded_model = Model(n_input_features=6)
    loaded_model.load_state_dict(
        torch.load(FILE)
    )  # it takes the loaded dictionary, not the path file itself
    loaded_model.eval()
    print(loaded_model.state_dict())
    learning_rate = 0.01
    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
    checkpoint = {
        "epoch": 90,
        "model_state": model.state_dict(),
        "optim_state": optimizer.state_dict(),
    }
    print(optimizer.state_dict())
    FILE = os.path.join(d, "checkpoint.pth")
    torch.save(checkpoint, FILE)
    model = Model(n_input_features=6)
    optimizer = torch.optim.SGD(model.parameters(), lr=0)
    checkpoint = torch.load(FILE)
    model.load_state_dict(checkpoint["model_state"])
    optimizer.load_state_dict(checkpoint["optim_state"])
    epoch = checkpoint["epoch"]
    model.eval()
    print(optimizer.state_dict())
    print(epoch)
