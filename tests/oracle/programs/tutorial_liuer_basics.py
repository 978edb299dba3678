# 刘二大人 (Liu Er, Bilibili) 《PyTorch深度学习实践》 lectures 2-8, as the course's code is
# reproduced in public repositories (e.g. https://github.com/Ethereal24/PyTorch-Deep-Learning-Practice
# Course_code/, https://github.com/leon6657/PyTorch-Deep-Learning-Practice-LiuEr):
# 2 linear model by exhaustive search, 3 gradient descent / SGD by hand, 4 back propagation
# with `w = torch.Tensor([1.0]); w.requires_grad = True`, `w.data = w.data - 0.01 * w.grad.data`,
# `w.grad.data.zero_()` (and the quadratic-model exercise), 5 linear regression with
# nn.Linear and the deprecated `MSELoss(size_average=False)`, several optimizers, 6 logistic
# regression with `F.sigmoid` and `BCELoss(size_average=False)`, 7 multi-dimensional input
# (a diabetes-like csv written to a temporary folder and read back with np.loadtxt), 8
# Dataset / DataLoader over that csv (shuffled batches, seeded). Plots left out.
import os
import tempfile
import warnings

import numpy as np

Dataset = torch.utils.data.Dataset
DataLoader = torch.utils.data.DataLoader

# ---- lecture 2: linear model, exhaustive search over w
x_data = [1.0, 2.0, 3.0]
y_data = [2.0, 4.0, 6.0]


def forward(x):
    return x * w


def loss(x, y):
    y_pred = forward(x)
    return (y_pred - y) * (y_pred - y)


w_list = []
mse_list = []
for w in np.arange(0.0, 4.1, 0.5):
    print("w=", w)
    l_sum = 0
    for x_val, y_val in zip(x_data, y_data):
        y_pred_val = forward(x_val)
        loss_val = loss(x_val, y_val)
        l_sum += loss_val
        print("\t", x_val, y_val, y_pred_val, loss_val)
    print("MSE=", l_sum / 3)
    w_list.append(w)
    mse_list.append(l_sum / 3)

# ---- lecture 3: gradient descent and stochastic gradient descent by hand
w = 1.0


def cost(xs, ys):
    cost = 0
    for x, y in zip(xs, ys):
        y_pred = forward(x)
        cost += (y_pred - y) ** 2
    return cost / len(xs)


def gradient(xs, ys):
    grad = 0
    for x, y in zip(xs, ys):
        grad += 2 * x * (x * w - y)
    return grad / len(xs)


print("Predict (before training)", 4, forward(4))
for epoch in range(20):
    cost_val = cost(x_data, y_data)
    grad_val = gradient(x_data, y_data)
    w -= 0.01 * grad_val
    print("Epoch:", epoch, "w=", w, "loss=", cost_val)
print("Predict (after training)", 4, forward(4))

w = 1.0
for epoch in range(10):
    for x, y in zip(x_data, y_data):
        grad = 2 * x * (x * w - y)
        w = w - 0.01 * grad
        print("\tgrad: ", x, y, grad)
        l = (forward(x) - y) ** 2
    print("progress:", epoch, "w=", w, "loss=", l)

# ---- lecture 4: back propagation with tensors
w = torch.Tensor([1.0])
w.requires_grad = True


def forward(x):
    return x * w


def loss(x, y):
    y_pred = forward(x)
    return (y_pred - y) ** 2


print("predict (before training)", 4, forward(4).item())
for epoch in range(100):
    for x, y in zip(x_data, y_data):
        l = loss(x, y)
        l.backward()
        print("\tgrad:", x, y, w.grad.item())
        w.data = w.data - 0.01 * w.grad.data
        w.grad.data.zero_()
    print("progress:", epoch, l.item())
print("predict (after training)", 4, forward(4).item())
check("bp w", w)
check("bp w.grad", w.grad)
check("bp loss graph", graph(l))
print(l, l.grad_fn, w.grad_fn, w.is_leaf)
print(forward(4))
# printing the tensor itself instead of .item() (a common slip in the course's homework)
print("progress:", 99, l)
print("progress:", 99, l.data)

# the homework: y = w1 * x^2 + w2 * x + b
w1 = torch.Tensor([1.0])
w1.requires_grad = True
w2 = torch.Tensor([1.0])
w2.requires_grad = True
b = torch.Tensor([1.0])
b.requires_grad = True


def forward(x):
    return w1 * x**2 + w2 * x + b


print("predict (before training)", 4, forward(4).item())
for epoch in range(100):
    for x, y in zip(x_data, y_data):
        l = loss(x, y)
        l.backward()
        if epoch % 10 == 0:
            print("\tgrad:", x, y, w1.grad.item(), w2.grad.item(), b.grad.item())
        w1.data = w1.data - 0.01 * w1.grad.data
        w2.data = w2.data - 0.01 * w2.grad.data
        b.data = b.data - 0.01 * b.grad.data
        w1.grad.data.zero_()
        w2.grad.data.zero_()
        b.grad.data.zero_()
    if epoch % 10 == 0:
        print("progress:", epoch, l.item())
print("predict (after training)", 4, forward(4).item())
check("quadratic graph", graph(l))
# forgetting to zero the gradient: it accumulates
w = torch.tensor([1.0], requires_grad=True)


def forward(x):
    return x * w


for x, y in zip(x_data, y_data):
    l = loss(x, y)
    l.backward()
    print("accumulated grad:", w.grad)
# a second backward through the same graph
raises("second backward", lambda: l.backward())
# updating w without .data: an in-place op on a leaf that requires grad
raises("w -= lr * grad on a leaf", lambda: w.sub_(0.01 * w.grad))


def update_without_data():
    global w
    w = w - 0.01 * w.grad


update_without_data()
print(w.is_leaf, w.grad_fn, w.requires_grad)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("grad of a non-leaf:", w.grad)
check("non-leaf grad warning", [str(c.message) for c in caught])

# ---- lecture 5: linear regression with PyTorch
torch.manual_seed(0)
x_data = torch.Tensor([[1.0], [2.0], [3.0]])
y_data = torch.Tensor([[2.0], [4.0], [6.0]])


class LinearModel(torch.nn.Module):
    def __init__(self):
        super(LinearModel, self).__init__()  # noqa: UP008  (as the course)
        self.linear = torch.nn.Linear(1, 1)

    def forward(self, x):
        y_pred = self.linear(x)
        return y_pred


model = LinearModel()
print(model)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    criterion = torch.nn.MSELoss(size_average=False)
check("size_average warning", [(c.category.__name__, str(c.message)) for c in caught])
print(criterion, criterion.reduction)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
print(optimizer)
for epoch in range(1000):
    y_pred = model(x_data)
    loss = criterion(y_pred, y_data)
    if epoch < 100 or epoch % 100 == 0:
        print(epoch, loss.item())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print("w = ", model.linear.weight.item())
print("b = ", model.linear.bias.item())
x_test = torch.Tensor([[4.0]])
y_test = model(x_test)
print("y_pred = ", y_test.data)
print(y_test)
check("linear y_test", y_test)
check("linear loss graph", graph(loss))
# a 1-d test input also works with Linear(1, 1)
print(model(torch.Tensor([4.0])))

# the other deprecated spellings and their mapping
for kw in [
    dict(size_average=True),
    dict(reduce=False),
    dict(size_average=False, reduce=True),
    dict(size_average=True, reduce=False),
    dict(reduce=True),
    dict(size_average=None, reduce=None),
    dict(size_average=False, reduction="none"),
]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = torch.nn.MSELoss(**kw)
    print(kw, c.reduction, [str(m.message) for m in caught])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    v = torch.nn.functional.mse_loss(y_pred, y_data, size_average=False)
print(v, [str(m.message) for m in caught])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    v = torch.nn.functional.binary_cross_entropy(
        torch.sigmoid(y_pred), torch.Tensor([[0.0], [0.0], [1.0]]), reduce=False
    )
print(v, [str(m.message) for m in caught])
for cls in [
    torch.nn.L1Loss,
    torch.nn.CrossEntropyLoss,
    torch.nn.NLLLoss,
    torch.nn.BCEWithLogitsLoss,
    torch.nn.SmoothL1Loss,
    torch.nn.KLDivLoss,
]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = cls(size_average=False)
    print(cls.__name__, c.reduction, [str(m.message) for m in caught])

# (the float32 products of nn.Linear's backward are summed over the batch in MKL's order,
# which numpy's BLAS does not reproduce bit for bit: where the last bits drift apart over
# many steps, values are printed rounded, as many copies of the course do)
# the homework: the same model with different optimizers
for name in ["Adagrad", "Adam", "Adamax", "ASGD", "RMSprop", "Rprop", "SGD"]:
    torch.manual_seed(0)
    model = LinearModel()
    criterion = torch.nn.MSELoss(reduction="sum")
    optimizer = getattr(torch.optim, name)(model.parameters(), lr=0.01)
    for epoch in range(100):
        loss = criterion(model(x_data), y_data)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(
        name, "%.5f %.5f %.5f" % (loss.item(), model.linear.weight.item(), model.linear.bias.item())
    )
raises("LBFGS step without closure", lambda: torch.optim.LBFGS(model.parameters()).step())

# ---- lecture 6: logistic regression
torch.manual_seed(0)
x_data = torch.Tensor([[1.0], [2.0], [3.0]])
y_data = torch.Tensor([[0], [0], [1]])


class LogisticRegressionModel(torch.nn.Module):
    def __init__(self):
        super(LogisticRegressionModel, self).__init__()  # noqa: UP008  (as the course)
        self.linear = torch.nn.Linear(1, 1)

    def forward(self, x):
        y_pred = F.sigmoid(self.linear(x))
        return y_pred


model = LogisticRegressionModel()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    criterion = torch.nn.BCELoss(size_average=False)
    y0 = model(x_data)
check("BCELoss size_average / F.sigmoid warnings", [str(c.message) for c in caught])
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(1000):
    y_pred = model(x_data)
    loss = criterion(y_pred, y_data)
    if epoch % 50 == 0:
        print(epoch, "%.5f" % loss.item())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print("w = ", round(model.linear.weight.item(), 5))
print("b = ", round(model.linear.bias.item(), 5))
check("logistic loss graph", graph(loss))
x = np.linspace(0, 10, 200)
x_t = torch.Tensor(x).view((200, 1))
y_t = model(x_t)
y = y_t.data.numpy()
print(y.shape, y.dtype, y[::40].ravel().round(5))
check("logistic curve", y_t)
print(torch.sigmoid(torch.Tensor([-1.0, 0.0, 1.0])), torch.nn.functional.sigmoid)
raises("BCELoss of a target with another shape", lambda: criterion(y_pred, y_data.view(-1)))
raises(
    "BCELoss of a long target",
    lambda: criterion(y_pred, torch.LongTensor([[0], [0], [1]])),
)
raises(
    "BCELoss of an input out of [0, 1]",
    lambda: criterion(torch.Tensor([[1.5], [0.0], [1.0]]), y_data),
)

# ---- lecture 7: multiple dimension input (a diabetes-like csv: 8 features in [-1, 1], 0/1 label)
tmp = tempfile.mkdtemp()
csv_path = os.path.join(tmp, "diabetes.csv")
rs = np.random.RandomState(7)
feat = rs.uniform(-1, 1, size=(100, 8)).round(6)
label = (feat @ np.array([1.5, -0.5, 0.3, 0.0, 0.8, -1.0, 0.2, 0.4]) > 0.1).astype(float)
np.savetxt(csv_path, np.hstack([feat, label[:, None]]), delimiter=",", fmt="%.6f")
xy = np.loadtxt(csv_path, delimiter=",", dtype=np.float32)
x_data = torch.from_numpy(xy[:, :-1])
y_data = torch.from_numpy(xy[:, [-1]])
print(x_data.shape, y_data.shape, x_data.dtype, y_data[:5])


class Model(torch.nn.Module):
    def __init__(self):
        super(Model, self).__init__()  # noqa: UP008  (as the course)
        self.linear1 = torch.nn.Linear(8, 6)
        self.linear2 = torch.nn.Linear(6, 4)
        self.linear3 = torch.nn.Linear(4, 1)
        self.sigmoid = torch.nn.Sigmoid()

    def forward(self, x):
        x = self.sigmoid(self.linear1(x))
        x = self.sigmoid(self.linear2(x))
        x = self.sigmoid(self.linear3(x))
        return x


torch.manual_seed(0)
model = Model()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    criterion = torch.nn.BCELoss(size_average=True)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(100):
    y_pred = model(x_data)
    loss = criterion(y_pred, y_data)
    if epoch % 10 == 0:
        print(epoch, "%.5f" % loss.item())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
layer1_weight = model.linear1.weight.data
layer1_bias = model.linear1.bias.data
print("layer1_weight", layer1_weight.round(decimals=3))
print("layer1_weight.shape", layer1_weight.shape)
print("layer1_bias", layer1_bias.round(decimals=3))
print("layer1_bias.shape", layer1_bias.shape)
check("multi-dim graph", graph(loss))
# the reduction='none' slip: a loss per sample cannot be .item()-ed nor backward-ed
criterion_none = torch.nn.BCELoss(reduction="none")
loss_none = criterion_none(model(x_data), y_data)
print(loss_none.shape, loss_none.grad_fn)
raises("item of a loss per sample", lambda: loss_none.item())
raises("backward of a loss per sample", lambda: loss_none.backward())
raises("format of a loss per sample", lambda: "Loss = {:.4f}".format(loss_none))
print("Loss = {}".format(loss_none[:3]))
# SGD with its default lr
print(torch.optim.SGD(model.parameters()))
# predicted classes
with torch.no_grad():
    y_pred = model(x_data)
    y_pred_label = torch.where(y_pred >= 0.5, torch.tensor([1.0]), torch.tensor([0.0]))
    acc = torch.eq(y_pred_label, y_data).sum().item() / y_data.size(0)
    print("acc:", acc, y_pred_label.dtype, y_pred_label.shape)
# other activations from the homework
for act in [
    torch.nn.ReLU(),
    torch.nn.Tanh(),
    torch.nn.Softplus(),
    torch.nn.ELU(),
    torch.nn.LeakyReLU(),
    torch.nn.Hardtanh(),
]:
    torch.manual_seed(1)
    m = Model()
    m.sigmoid = act
    out = torch.sigmoid(m.linear3(act(m.linear2(act(m.linear1(x_data))))))
    loss = criterion(out, y_data)
    loss.backward()
    print(act, "%.5f" % loss.item(), m.linear1.weight.grad[0].round(decimals=6))

# ---- lecture 8: Dataset and DataLoader


class DiabetesDataset(Dataset):
    def __init__(self, filepath):
        xy = np.loadtxt(filepath, delimiter=",", dtype=np.float32)
        self.len = xy.shape[0]
        self.x_data = torch.from_numpy(xy[:, :-1])
        self.y_data = torch.from_numpy(xy[:, [-1]])

    def __getitem__(self, index):
        return self.x_data[index], self.y_data[index]

    def __len__(self):
        return self.len


dataset = DiabetesDataset(csv_path)
print(len(dataset), dataset[0])
torch.manual_seed(0)
train_loader = DataLoader(dataset=dataset, batch_size=32, shuffle=True, num_workers=0)
print(len(train_loader))
model = Model()
criterion = torch.nn.BCELoss(reduction="mean")
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(5):
    for i, data in enumerate(train_loader, 0):
        inputs, labels = data
        y_pred = model(inputs)
        loss = criterion(y_pred, labels)
        print(epoch, i, inputs.shape, labels.shape, "%.5f" % loss.item())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
check("dataloader last loss", loss)
# a TensorDataset and drop_last
loader = DataLoader(torch.utils.data.TensorDataset(x_data, y_data), batch_size=32, drop_last=True)
print(len(loader), [xb.shape for xb, yb in loader])
# the train / test split of the homework
torch.manual_seed(0)
train_set, test_set = torch.utils.data.random_split(dataset, [70, 30])
print(len(train_set), len(test_set), train_set.indices[:10])
xs, ys = next(iter(DataLoader(test_set, batch_size=30)))
print(xs.shape, ys.sum())
