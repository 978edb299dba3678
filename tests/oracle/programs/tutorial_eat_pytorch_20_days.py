# 《20天吃掉那只Pytorch》 (lyhue1991/eat_pytorch_in_20_days), chapters 2-6 without
# torchvision / torchkeras / TensorBoard: 2-1 tensor structure (dtypes, typed constructors,
# type / type_as, dims, view vs reshape of a transposed tensor, numpy sharing, item / tolist),
# 2-2 autograd (backward with a gradient, autograd.grad with create_graph, several inputs and
# outputs, minimising a parabola with SGD), 2-3 dynamic graph (MyReLU Function, non-leaf grads,
# register_hook / retain_grad), 3-1 / 3-2 / 3-3 linear regression and the DNN ring classifier in
# the low-level, mid-level and high-level styles (a hand-written KerasModel-like fit loop with
# early stopping instead of torchkeras), 4-1 / 4-2 tensor ops (index_select, take, masked_select,
# where, index_fill, masked_fill, split, topk / sort, einsum, bilinear, linalg), 4-3 / 5-2
# nn.functional / nn.Module / layers, 5-1 Dataset / DataLoader internals, 5-3 losses
# (FocalLoss, SCELoss, L1/L2 regularisation, weight-decay groups). Small seeded random tensors
# stand in for the datasets; printbar() prints a fixed line instead of the wall-clock time.
import copy
import math
import os
import sys
import tempfile

import numpy as np

BatchSampler = torch.utils.data.BatchSampler
DataLoader = torch.utils.data.DataLoader
Dataset = torch.utils.data.Dataset
RandomSampler = torch.utils.data.RandomSampler
TensorDataset = torch.utils.data.TensorDataset
random_split = torch.utils.data.random_split


def printbar():
    print("\n" + "==========" * 8 + "%s" % "2026-01-01 00:00:00")


# ---------------------------------------------------------------- 2-1 tensor structure
i = torch.tensor(1)
print(i, i.dtype)
x = torch.tensor(2.0)
print(x, x.dtype)
b = torch.tensor(True)
print(b, b.dtype)
i = torch.tensor(1, dtype=torch.int32)
print(i, i.dtype)
x = torch.tensor(2.0, dtype=torch.double)
print(x, x.dtype)
i = torch.IntTensor(1)
print(i.shape, i.dtype)
x = torch.Tensor(np.array(2.0))
print(x, x.dtype)
b = torch.BoolTensor(np.array([1, 0, 2, 0]))
print(b, b.dtype)
i = torch.tensor(1)
x = i.float()
print(x, x.dtype)
y = i.type(torch.float)
print(y, y.dtype)
z = i.type_as(x)
print(z, z.dtype)
scalar = torch.tensor(True)
print(scalar, scalar.dim(), scalar.size(), scalar.shape)
tensor3 = torch.tensor([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]])
print(tensor3, tensor3.dim())
tensor4 = torch.tensor(
    [
        [[[1.0, 1.0], [2.0, 2.0]], [[3.0, 3.0], [4.0, 4.0]]],
        [[[5.0, 5.0], [6.0, 6.0]], [[7.0, 7.0], [8.0, 8.0]]],
    ]
)
print(tensor4, tensor4.dim())
vector = torch.arange(0, 12)
matrix34 = vector.view(3, 4)
matrix43 = vector.view(4, -1)
print(matrix34, matrix43.shape)
matrix26 = torch.arange(0, 12).view(2, 6)
matrix62 = matrix26.t()
print(matrix62.is_contiguous())
raises("view of a transposed tensor", lambda: matrix62.view(3, 4))
matrix34 = matrix62.reshape(3, 4)
print(matrix34, matrix62.contiguous().view(3, 4).is_contiguous())

arr = np.zeros(3)
tensor = torch.from_numpy(arr)
print("before add 1:")
print(arr)
print(tensor)
print("\nafter add 1:")
np.add(arr, 1, out=arr)
print(arr)
print(tensor)
tensor = torch.zeros(3)
arr = tensor.numpy()
tensor.add_(1)
print(tensor)
print(arr)
tensor = torch.zeros(3)
arr = tensor.clone().numpy()
tensor.add_(1)
print(tensor)
print(arr)
torch.add(tensor, 1, out=tensor)
print(tensor)
scalar = torch.tensor(1.0)
s = scalar.item()
print(s, type(s))
torch.manual_seed(0)
tensor = torch.rand(2, 2)
t = tensor.tolist()
print(t, type(t))

# ---------------------------------------------------------------- 2-2 autograd
x = torch.tensor(0.0, requires_grad=True)
a = torch.tensor(1.0)
b = torch.tensor(-2.0)
c = torch.tensor(1.0)
y = a * torch.pow(x, 2) + b * x + c
y.backward()
print(x.grad)

x = torch.tensor([[0.0, 0.0], [1.0, 2.0]], requires_grad=True)
y = a * torch.pow(x, 2) + b * x + c
gradient = torch.tensor([[1.0, 1.0], [1.0, 1.0]])
print("x:\n", x)
print("y:\n", y)
y.backward(gradient=gradient)
print("x_grad:\n", x.grad)
check("graph of a*x**2+b*x+c", graph(y))

x = torch.tensor([[0.0, 0.0], [1.0, 2.0]], requires_grad=True)
y = a * torch.pow(x, 2) + b * x + c
z = torch.sum(y * gradient)
print("x:", x)
print("y:", y)
z.backward()
print("x_grad:\n", x.grad)

x = torch.tensor(0.0, requires_grad=True)
y = a * torch.pow(x, 2) + b * x + c
dy_dx = torch.autograd.grad(y, x, create_graph=True)[0]
print(dy_dx.data)
print(dy_dx)
dy2_dx2 = torch.autograd.grad(dy_dx, x)[0]
print(dy2_dx2.data)

x1 = torch.tensor(1.0, requires_grad=True)
x2 = torch.tensor(2.0, requires_grad=True)
y1 = x1 * x2
y2 = x1 + x2
(dy1_dx1, dy1_dx2) = torch.autograd.grad(outputs=y1, inputs=[x1, x2], retain_graph=True)
print(dy1_dx1, dy1_dx2)
(dy12_dx1, dy12_dx2) = torch.autograd.grad(outputs=[y1, y2], inputs=[x1, x2])
print(dy12_dx1, dy12_dx2)
raises("grad through a freed graph", lambda: torch.autograd.grad(y1, x1))

x = torch.tensor(0.0, requires_grad=True)
optimizer = torch.optim.SGD(params=[x], lr=0.01)


def f(x):
    result = a * torch.pow(x, 2) + b * x + c
    return result


for i in range(500):
    optimizer.zero_grad()
    y = f(x)
    y.backward()
    optimizer.step()
print("y=", f(x).data, ";", "x=", x.data)
check("parabola minimum x", x)

# ---------------------------------------------------------------- 2-3 dynamic graph
torch.manual_seed(1)
w = torch.tensor([[3.0, 1.0]], requires_grad=True)
b = torch.tensor([[3.0]], requires_grad=True)
X = torch.randn(10, 2)
Y = torch.randn(10, 1)
Y_hat = X @ w.t() + b
loss = torch.mean(torch.pow(Y_hat - Y, 2))
print(loss.data)
print(Y_hat.data)
loss.backward()
raises("second backward", lambda: loss.backward())


class MyReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return input.clamp(min=0)

    @staticmethod
    def backward(ctx, grad_output):
        (input,) = ctx.saved_tensors
        grad_input = grad_output.clone()
        grad_input[input < 0] = 0
        return grad_input


w = torch.tensor([[3.0, 1.0]], requires_grad=True)
b = torch.tensor([[3.0]], requires_grad=True)
X = torch.tensor([[-1.0, -1.0], [1.0, 1.0]])
Y = torch.tensor([[2.0, 3.0]])
relu = MyReLU.apply
Y_hat = relu(X @ w.t() + b)
loss = torch.mean(torch.pow(Y_hat - Y, 2))
loss.backward()
print(w.grad)
print(b.grad)
print(Y_hat.grad_fn)
check("MyReLU graph", graph(loss))

x = torch.tensor(3.0, requires_grad=True)
y1 = x + 1
y2 = 2 * x
loss = (y1 - y2) ** 2
loss.backward()
print("loss.grad:", loss.grad)
print("y1.grad:", y1.grad)
print("y2.grad:", y2.grad)
print(x.grad)
print(x.is_leaf, y1.is_leaf, y2.is_leaf, loss.is_leaf)

x = torch.tensor(3.0, requires_grad=True)
y1 = x + 1
y2 = 2 * x
loss = (y1 - y2) ** 2
y1.register_hook(lambda grad: print("y1 grad: ", grad))
y2.register_hook(lambda grad: print("y2 grad: ", grad))
loss.retain_grad()
loss.backward()
print("loss.grad:", loss.grad)
print("x.grad:", x.grad)


# ---------------------------------------------------------------- 3-1 low-level API
def data_iter(features, labels, batch_size=8):
    num_examples = len(features)
    indices = list(range(num_examples))
    np.random.shuffle(indices)
    for i in range(0, num_examples, batch_size):
        indexs = torch.LongTensor(indices[i : min(i + batch_size, num_examples)])
        yield features.index_select(0, indexs), labels.index_select(0, indexs)


np.random.seed(0)
torch.manual_seed(0)
n = 40
X = 10 * torch.rand([n, 2]) - 5.0
w0 = torch.tensor([[2.0], [-3.0]])
b0 = torch.tensor([[10.0]])
Y = X @ w0 + b0 + torch.normal(0.0, 2.0, size=[n, 1])
(features, labels) = next(data_iter(X, Y, 8))
print(features)
print(labels)


class LinearRegression:
    def __init__(self):
        self.w = torch.randn_like(w0, requires_grad=True)
        self.b = torch.zeros_like(b0, requires_grad=True)

    def forward(self, x):
        return x @ self.w + self.b

    def loss_fn(self, y_pred, y_true):
        return torch.mean((y_pred - y_true) ** 2 / 2)


model = LinearRegression()
print(model.w, model.b)


def train_step(model, features, labels):
    predictions = model.forward(features)
    loss = model.loss_fn(predictions, labels)
    loss.backward()
    with torch.no_grad():
        model.w -= 0.001 * model.w.grad
        model.b -= 0.001 * model.b.grad
        model.w.grad.zero_()
        model.b.grad.zero_()
    return loss


print(train_step(model, *next(data_iter(X, Y, 10))))


def train_model(model, epochs):
    for epoch in range(1, epochs + 1):
        for features, labels in data_iter(X, Y, 10):
            loss = train_step(model, features, labels)
        if epoch % 20 == 0:
            printbar()
            # (rounded: the 10-term sums of the mm backward are BLAS's, whose order can
            # move the last float32 bit of PyTorch's MKL result; 160 steps carry it to here)
            print("epoch =", epoch, "loss = ", round(loss.item(), 2))
            print("model.w =", model.w.data)
            print("model.b =", model.b.data)


train_model(model, epochs=40)
check("low-level linreg w", model.w)
check("low-level linreg b", model.b)

# DNN binary classification on two rings, low level
torch.manual_seed(0)
n_positive, n_negative = 60, 60
r_p = 5.0 + torch.normal(0.0, 1.0, size=[n_positive, 1])
theta_p = 2 * np.pi * torch.rand([n_positive, 1])
Xp = torch.cat([r_p * torch.cos(theta_p), r_p * torch.sin(theta_p)], axis=1)
Yp = torch.ones_like(r_p)
r_n = 8.0 + torch.normal(0.0, 1.0, size=[n_negative, 1])
theta_n = 2 * np.pi * torch.rand([n_negative, 1])
Xn = torch.cat([r_n * torch.cos(theta_n), r_n * torch.sin(theta_n)], axis=1)
Yn = torch.zeros_like(r_n)
X = torch.cat([Xp, Xn], axis=0)
Y = torch.cat([Yp, Yn], axis=0)
check("ring data", X[:4])


class DNNModel(nn.Module):
    def __init__(self):
        super(DNNModel, self).__init__()  # noqa: UP008  (as the original)
        self.w1 = nn.Parameter(torch.randn(2, 4))
        self.b1 = nn.Parameter(torch.zeros(1, 4))
        self.w2 = nn.Parameter(torch.randn(4, 8))
        self.b2 = nn.Parameter(torch.zeros(1, 8))
        self.w3 = nn.Parameter(torch.randn(8, 1))
        self.b3 = nn.Parameter(torch.zeros(1, 1))

    def forward(self, x):
        x = torch.relu(x @ self.w1 + self.b1)
        x = torch.relu(x @ self.w2 + self.b2)
        y = torch.sigmoid(x @ self.w3 + self.b3)
        return y

    def loss_fn(self, y_pred, y_true):
        eps = 1e-7
        y_pred = torch.clamp(y_pred, eps, 1.0 - eps)
        bce = -y_true * torch.log(y_pred) - (1 - y_true) * torch.log(1 - y_pred)
        return torch.mean(bce)

    def metric_fn(self, y_pred, y_true):
        y_pred = torch.where(
            y_pred > 0.5,
            torch.ones_like(y_pred, dtype=torch.float32),
            torch.zeros_like(y_pred, dtype=torch.float32),
        )
        acc = torch.mean(1 - torch.abs(y_true - y_pred))
        return acc


model = DNNModel()
print(model)
(features, labels) = next(data_iter(X, Y, 10))
predictions = model(features)
loss = model.loss_fn(labels, predictions)
metric = model.metric_fn(labels, predictions)
print("init loss:", loss.item())
print("init metric:", metric.item())
print(len(list(model.parameters())))
check("low-level DNN loss graph", graph(model.loss_fn(predictions, labels)))


def train_step(model, features, labels):
    predictions = model.forward(features)
    loss = model.loss_fn(predictions, labels)
    metric = model.metric_fn(predictions, labels)
    loss.backward()
    for param in model.parameters():
        param.data = param.data - 0.01 * param.grad.data
    model.zero_grad()
    return loss.item(), metric.item()


for epoch in range(1, 11):
    loss_list, metric_list = [], []
    for features, labels in data_iter(X, Y, 20):
        lossi, metrici = train_step(model, features, labels)
        loss_list.append(lossi)
        metric_list.append(metrici)
    if epoch % 5 == 0:
        printbar()
        print("epoch =", epoch, "loss = ", round(float(np.mean(loss_list)), 4))
        print("metric = ", round(float(np.mean(metric_list)), 4))
print([p.grad for p in model.parameters()][:2])
Xp_pred = X[torch.squeeze(model.forward(X) >= 0.5)]
print(Xp_pred.shape)

# ---------------------------------------------------------------- 3-2 mid-level API
torch.manual_seed(0)
n = 40
X = 10 * torch.rand([n, 2]) - 5.0
Y = X @ w0 + b0 + torch.normal(0.0, 2.0, size=[n, 1])
ds = TensorDataset(X, Y)
dl = DataLoader(ds, batch_size=10, shuffle=True)
model = nn.Linear(2, 1)
model.loss_fn = nn.MSELoss()
model.optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
print(model)


def train_step(model, features, labels):
    predictions = model(features)
    loss = model.loss_fn(predictions, labels)
    loss.backward()
    model.optimizer.step()
    model.optimizer.zero_grad()
    return loss.item()


features, labels = next(iter(dl))
print(round(train_step(model, features, labels), 4))
for epoch in range(1, 21):
    for features, labels in dl:
        loss = train_step(model, features, labels)
    if epoch % 10 == 0:
        printbar()
        w = model.state_dict()["weight"]
        b = model.state_dict()["bias"]
        print("epoch =", epoch, "loss = ", round(loss, 4))
        print("w =", w)
        print("b =", b)
check("mid-level linreg weight", model.weight)


class DNNModel(nn.Module):
    def __init__(self):
        super(DNNModel, self).__init__()  # noqa: UP008  (as the original)
        self.fc1 = nn.Linear(2, 4)
        self.fc2 = nn.Linear(4, 8)
        self.fc3 = nn.Linear(8, 1)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        y = nn.Sigmoid()(self.fc3(x))
        return y

    def loss_fn(self, y_pred, y_true):
        return nn.BCELoss()(y_pred, y_true)

    def metric_fn(self, y_pred, y_true):
        y_pred = torch.where(
            y_pred > 0.5,
            torch.ones_like(y_pred, dtype=torch.float32),
            torch.zeros_like(y_pred, dtype=torch.float32),
        )
        return torch.mean(1 - torch.abs(y_true - y_pred))

    @property
    def optimizer(self):
        return torch.optim.Adam(self.parameters(), lr=0.001)


torch.manual_seed(2)
X = torch.cat([Xp, Xn], axis=0)
Y = torch.cat([Yp, Yn], axis=0)
dl = DataLoader(TensorDataset(X, Y), batch_size=10, shuffle=True)
model = DNNModel()
(features, labels) = next(iter(dl))
predictions = model(features)
loss = model.loss_fn(predictions, labels)
metric = model.metric_fn(predictions, labels)
print("init loss:", loss.item())
print("init metric:", metric.item())
check("mid-level BCELoss graph", graph(loss))
# the property builds a fresh Adam at every access, as in the book: step() of a new
# optimizer, then zero_grad() of another one
for features, labels in dl:
    predictions = model(features)
    loss = model.loss_fn(predictions, labels)
    loss.backward()
    model.optimizer.step()
    model.optimizer.zero_grad()
print([p.grad for p in model.fc3.parameters()])
check("mid-level DNN fc3 weight", model.fc3.weight)

# ---------------------------------------------------------------- 3-3 high-level API
torch.manual_seed(0)
n = 60
X = 10 * torch.rand([n, 2]) - 5.0
Y = X @ w0 + b0 + torch.normal(0.0, 2.0, size=[n, 1])
ds = TensorDataset(X, Y)
ds_train, ds_val = torch.utils.data.random_split(ds, [int(n * 0.7), n - int(n * 0.7)])
print(type(ds_train).__name__, len(ds_train), len(ds_val), ds_train.indices[:8])
dl_train = DataLoader(ds_train, batch_size=16, shuffle=True)
dl_val = DataLoader(ds_val, batch_size=16)
features, labels = next(iter(dl_train))


class LinearRegression(nn.Module):
    def __init__(self):
        super(LinearRegression, self).__init__()  # noqa: UP008  (as the original)
        self.fc = nn.Linear(2, 1)

    def forward(self, x):
        return self.fc(x)


class MeanAbsoluteError:
    def __init__(self):
        self.reset()

    def __call__(self, preds, targets):
        err = torch.abs(preds - targets)
        self.total += err.sum()
        self.n += err.numel()
        return err.mean()

    def compute(self):
        return self.total / self.n

    def reset(self):
        self.total, self.n = torch.tensor(0.0), 0


class Accuracy:
    def __init__(self):
        self.reset()

    def __call__(self, preds, targets):
        y_pred = torch.where(torch.sigmoid(preds) > 0.5, 1.0, 0.0)
        correct = (y_pred == targets).float()
        self.correct += correct.sum()
        self.n += correct.numel()
        return correct.mean()

    def compute(self):
        return self.correct / self.n

    def reset(self):
        self.correct, self.n = torch.tensor(0.0), 0


class StepRunner:
    def __init__(self, net, loss_fn, stage="train", metrics_dict=None, optimizer=None):
        self.net, self.loss_fn, self.metrics_dict, self.stage = (
            net,
            loss_fn,
            metrics_dict,
            stage,
        )
        self.optimizer = optimizer

    def __call__(self, features, labels):
        preds = self.net(features)
        loss = self.loss_fn(preds, labels)
        if self.optimizer is not None and self.stage == "train":
            loss.backward()
            self.optimizer.step()
            self.optimizer.zero_grad()
        step_metrics = {
            self.stage + "_" + name: metric_fn(preds, labels).item()
            for name, metric_fn in self.metrics_dict.items()
        }
        return loss.item(), step_metrics


class EpochRunner:
    def __init__(self, steprunner):
        self.steprunner = steprunner
        self.stage = steprunner.stage
        self.steprunner.net.train() if self.stage == "train" else self.steprunner.net.eval()

    def __call__(self, dataloader):
        total_loss, step = 0, 0
        for i, batch in enumerate(dataloader):
            if self.stage == "train":
                loss, step_metrics = self.steprunner(*batch)
            else:
                with torch.no_grad():
                    loss, step_metrics = self.steprunner(*batch)
            total_loss += loss
            step += 1
        epoch_metrics = {
            self.stage + "_" + name: metric_fn.compute().item()
            for name, metric_fn in self.steprunner.metrics_dict.items()
        }
        for metric_fn in self.steprunner.metrics_dict.values():
            metric_fn.reset()
        return dict({self.stage + "_loss": total_loss / step}, **epoch_metrics)


class KerasModel(nn.Module):
    def __init__(self, net, loss_fn, metrics_dict=None, optimizer=None):
        super().__init__()
        self.net, self.loss_fn = net, loss_fn
        self.metrics_dict = metrics_dict or {}
        self.optimizer = optimizer or torch.optim.Adam(self.parameters(), lr=1e-3)

    def forward(self, x):
        return self.net.forward(x)

    def fit(self, train_data, val_data, epochs, ckpt_path, patience, monitor, mode):
        history = {}
        for epoch in range(1, epochs + 1):
            train_step_runner = StepRunner(
                self.net,
                self.loss_fn,
                "train",
                copy.deepcopy(self.metrics_dict),
                self.optimizer,
            )
            train_metrics = EpochRunner(train_step_runner)(train_data)
            for name, metric in train_metrics.items():
                history[name] = history.get(name, []) + [metric]
            val_step_runner = StepRunner(
                self.net, self.loss_fn, "val", copy.deepcopy(self.metrics_dict)
            )
            val_metrics = EpochRunner(val_step_runner)(val_data)
            val_metrics["epoch"] = epoch
            for name, metric in val_metrics.items():
                history[name] = history.get(name, []) + [metric]
            arr_scores = history[monitor]
            best_score_idx = np.argmax(arr_scores) if mode == "max" else np.argmin(arr_scores)
            if best_score_idx == len(arr_scores) - 1:
                torch.save(self.net.state_dict(), ckpt_path)
                print(
                    "<<<<<< reach best {0} : {1} >>>>>>".format(  # noqa: UP030
                        # (rounded: the float32 gemm of nn.Linear is BLAS's here, MKL's in
                        # PyTorch; their last bits drift apart over the epochs)
                        monitor,
                        round(float(arr_scores[best_score_idx]), 2),
                    ),
                    file=sys.stdout,
                )
            if len(arr_scores) - best_score_idx > patience:
                print(
                    "<<<<<< {} without improvement in {} epoch, early stopping >>>>>>".format(
                        monitor, patience
                    )
                )
                break
        self.net.load_state_dict(torch.load(ckpt_path, weights_only=True))
        return history

    @torch.no_grad()
    def evaluate(self, val_data):
        val_step_runner = StepRunner(
            self.net, self.loss_fn, "val", copy.deepcopy(self.metrics_dict)
        )
        return EpochRunner(val_step_runner)(val_data)


tmpdir = tempfile.mkdtemp()
ckpt = os.path.join(tmpdir, "checkpoint")
net = LinearRegression()
keras_model = KerasModel(
    net=net,
    loss_fn=nn.MSELoss(),
    metrics_dict={"mae": MeanAbsoluteError()},
    optimizer=torch.optim.Adam(net.parameters(), lr=0.01),
)
print(keras_model)
history = keras_model.fit(dl_train, dl_val, 15, ckpt, 3, "val_loss", "min")
print({k: len(v) for k, v in history.items()})
print({k: round(v, 3) for k, v in keras_model.evaluate(dl_val).items()})
w, b = net.state_dict()["fc.weight"], net.state_dict()["fc.bias"]
print(w, b)
dl = DataLoader(TensorDataset(X))
result = []
with torch.no_grad():
    for batch in dl:
        res = net(batch[0])
        result.extend(res.tolist())
result = np.array(result).flatten()
print(np.round(result[:5], 3))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 4)
        self.fc2 = nn.Linear(4, 8)
        self.fc3 = nn.Linear(8, 1)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        y = self.fc3(x)
        return y


torch.manual_seed(3)
X = torch.cat([Xp, Xn], axis=0)
Y = torch.cat([Yp, Yn], axis=0)
ds = TensorDataset(X, Y)
ds_train, ds_val = torch.utils.data.random_split(
    ds, [int(len(ds) * 0.7), len(ds) - int(len(ds) * 0.7)]
)
dl_train = DataLoader(ds_train, batch_size=20, shuffle=True)
dl_val = DataLoader(ds_val, batch_size=20)
net = Net()
optimizer = torch.optim.Adam(net.parameters(), lr=0.01)
keras_model = KerasModel(net, nn.BCEWithLogitsLoss(), {"acc": Accuracy()}, optimizer)
history = keras_model.fit(dl_train, dl_val, 12, ckpt, 4, "val_acc", "max")
print(history["epoch"][-1], [round(v, 3) for v in history["val_acc"]])


@torch.no_grad()
def predict(net, dl):
    net.eval()
    result = torch.cat([net.forward(t[0]) for t in dl])
    return result.data


predictions = F.sigmoid(predict(net, dl_val)[:5])
print(predictions)

# ---------------------------------------------------------------- 4-1 structure ops
a = torch.tensor([1, 2, 3], dtype=torch.float)
b = torch.arange(1, 10, step=2)
c = torch.linspace(0.0, 2 * 3.14, 10)
d = torch.zeros((3, 3))
print(a, b, c, d)
a = torch.ones((3, 3), dtype=torch.int)
b = torch.zeros_like(a, dtype=torch.float)
print(a, b)
torch.fill_(b, 5)
print(b)
torch.manual_seed(0)
minval, maxval = 0, 10
a = minval + (maxval - minval) * torch.rand([5])
print(a)
b = torch.normal(mean=torch.zeros(3, 3), std=torch.ones(3, 3))
print(b)
mean, std = 2, 5
c = std * torch.randn((3, 3)) + mean
print(c)
d = torch.randperm(20)
print(d)
print(torch.eye(3, 3), torch.diag(torch.tensor([1, 2, 3])))
torch.manual_seed(0)
t = torch.floor(minval + (maxval - minval) * torch.rand([5, 5])).int()
print(t)
print(t[0], t[-1], t[1, 3], t[1][3], t[1:4, :], t[1:4, :4:2])
x = torch.Tensor([[1, 2], [3, 4]])
x.data[1, :] = torch.tensor([0.0, 0.0])
print(x)
a = torch.arange(27).view(3, 3, 3)
print(a[..., 1])
minval, maxval = 0, 100
scores = torch.floor(minval + (maxval - minval) * torch.rand([4, 5, 7])).int()
print(torch.index_select(scores, dim=1, index=torch.tensor([0, 2, 4])))
q = torch.index_select(
    torch.index_select(scores, dim=1, index=torch.tensor([0, 2, 4])),
    dim=2,
    index=torch.tensor([1, 3, 6]),
)
print(q)
s = torch.take(scores, torch.tensor([0 * 5 * 7 + 0, 2 * 5 * 7 + 3 * 7 + 1, 3 * 5 * 7 + 4 * 7 + 6]))
print(s)
g = torch.masked_select(scores, scores >= 80)
print(g)
ifpass = torch.where(scores > 60, torch.tensor(1), torch.tensor(0))
print(ifpass[0])
print(torch.index_fill(scores, dim=1, index=torch.tensor([0, 2, 4]), value=100)[0])
print(scores.index_fill(dim=1, index=torch.tensor([0, 2, 4]), value=100)[1])
b = torch.masked_fill(scores, scores < 60, 60)
print(b[0], scores.masked_fill(scores < 60, 60).equal(b))
torch.manual_seed(0)
minval, maxval = 0, 255
a = (minval + (maxval - minval) * torch.rand([1, 3, 3, 2])).int()
print(a.shape, a)
b = a.view([3, 6])
print(b.shape, b)
c = torch.reshape(b, [1, 3, 3, 2])
print(c)
a = torch.tensor([[1.0, 2.0]])
s = torch.squeeze(a)
print(a, s, a.shape, s.shape)
d = torch.unsqueeze(s, axis=0)
print(s, d, s.shape, d.shape)
data = torch.floor(minval + (maxval - minval) * torch.rand([2, 6, 5, 4])).int()
data_t = torch.transpose(torch.transpose(data, 1, 2), 1, 3)
print(data_t.shape)
data_p = torch.permute(data, [0, 3, 1, 2])
print(data_p.shape, data_p.equal(data_t))
matrix = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(matrix, matrix.t())
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
b = torch.tensor([[5.0, 6.0], [7.0, 8.0]])
c = torch.tensor([[9.0, 10.0], [11.0, 12.0]])
abc_cat = torch.cat([a, b, c], dim=0)
print(abc_cat.shape, abc_cat)
abc_stack = torch.stack([a, b, c], axis=0)
print(abc_stack.shape, abc_stack)
print(torch.cat([a, b, c], axis=1))
print(torch.stack([a, b, c], axis=1))
a, b, c = torch.split(abc_cat, split_size_or_sections=2, dim=0)
print(a, b, c)
p, q, r = torch.split(abc_cat, split_size_or_sections=[4, 1, 1], dim=0)
print(p, q, r)
raises("split sizes that do not add up", lambda: torch.split(abc_cat, [4, 1], dim=0))

# ---------------------------------------------------------------- 4-2 math ops
a = torch.tensor([[1.0, 2], [-3, 4.0]])
b = torch.tensor([[5.0, 6], [7.0, 8.0]])
print(a + b, a - b, a * b, a / b, a**2, a ** (0.5), a % 3)
print(torch.div(a, b, rounding_mode="floor"))
print(a >= 2, (a >= 2) & (a <= 3), (a >= 2) | (a <= 3), a == 5, torch.sqrt(a))
a = torch.tensor([1.0, 8.0])
b = torch.tensor([5.0, 6.0])
c = torch.tensor([6.0, 7.0])
print(a + b + c, torch.max(a, b), torch.min(a, b))
x = torch.tensor([2.6, -2.7])
print(torch.round(x), torch.floor(x), torch.ceil(x), torch.trunc(x))
print(torch.fmod(x, 2), torch.remainder(x, 2))
x = torch.tensor([0.9, -0.8, 100.0, -20.0, 0.7])
print(torch.clamp(x, min=-1, max=1), torch.clamp(x, max=1))
relu = lambda x: x.clamp(min=0.0)
print(relu(torch.tensor(5.0)))
a = torch.arange(1, 10).float().view(3, 3)
print(torch.sum(a), torch.mean(a), torch.max(a), torch.min(a), torch.prod(a))
print(torch.std(a), torch.var(a), torch.median(a))
print(torch.max(a, dim=0))
print(torch.max(a, dim=1))
a = torch.arange(1, 10)
print(torch.cumsum(a, 0), torch.cumprod(a, 0))
print(torch.cummax(a, 0).values, torch.cummax(a, 0).indices)
print(torch.cummin(a, 0))
a = torch.tensor([[9, 7, 8], [1, 3, 2], [5, 6, 4]]).float()
print(torch.topk(a, 2, dim=0), "\n")
print(torch.topk(a, 2, dim=1), "\n")
print(torch.sort(a, dim=1), "\n")
a = torch.tensor([[1, 2], [3, 4]])
b = torch.tensor([[2, 0], [0, 2]])
print(a @ b)
torch.manual_seed(0)
a = torch.randn(5, 5, 6)
b = torch.randn(5, 6, 4)
print((a @ b).shape)
a = torch.tensor([[1.0, 2], [3, 4]])
print(a.t(), torch.inverse(a), torch.trace(a), torch.norm(a), torch.det(a))
q, r = torch.linalg.qr(a)
print(q, "\n")
print(r, "\n")
print(q @ r)
a = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
u, s, v = torch.linalg.svd(a)
check("svd singular values", s)
check("svd reconstruction", u @ F.pad(torch.diag(s), (0, 0, 0, 1)) @ v)
A = torch.tensor([[1, 2], [3, 4.0]])
B = torch.tensor([[5, 6], [7, 8.0]])
print(A @ B, torch.einsum("ik,kj->ij", [A, B]))
A = torch.randn(3, 4, 5)
print("after:", torch.einsum("ijk->ikj", A).shape)
A = torch.randn(5, 5)
print(torch.einsum("ii->i", A).equal(torch.diagonal(A)))
A = torch.randn(4, 5)
check("einsum ij->i", torch.einsum("ij->i", A) - torch.sum(A, 1))
A = torch.randn(10)
B = torch.randn(10)
check("einsum dot", torch.einsum("i,i->", A, B))
check("einsum outer", torch.einsum("i,j->ij", A, B[:5]))
A = torch.randn(3, 4, 5)
B = torch.randn(4, 3, 6)
C = torch.einsum("ijk,jih->kh", A, B)
check("einsum contraction", C)
check("tensordot contraction", torch.tensordot(A, B, dims=[(0, 1), (1, 0)]))
q = torch.randn(10)
k = torch.randn(10)
W = torch.randn(5, 10, 10)
b = torch.randn(5)
raises("bilinear of 1-d inputs", lambda: torch.bilinear(q, k, W, b))
Q = torch.randn(8, 10)
K = torch.randn(8, 10)
check("bilinear", torch.bilinear(Q, K, W, b))
check("bilinear by einsum", torch.einsum("bq,oqk,bk->bo", Q, W, K) + b)
q = torch.randn(10)
k = torch.randn(6, 10)
d_k = k.shape[-1]
a = torch.softmax(q @ k.t() / d_k, -1)
print("a.shape=", a.shape)
K = torch.randn(8, 6, 10)
A = torch.softmax(torch.einsum("in,ijn->ij", Q, K) / d_k, -1)
check("attention weights", A)
a = torch.tensor([1, 2, 3])
b = torch.tensor([[0, 0, 0], [1, 1, 1], [2, 2, 2]])
print(b + a, torch.cat([a[None, :]] * 3, dim=0) + b)
a_broad, b_broad = torch.broadcast_tensors(a, b)
print(a_broad, "\n")
print(b_broad, "\n")
print(a_broad + b_broad)

# ---------------------------------------------------------------- 4-3 nn.functional / nn.Module
print(torch.relu(torch.tensor(-1.0)), F.relu(torch.tensor(-1.0)))
torch.manual_seed(0)
print(torch.randn(2, 2, requires_grad=True))
w = nn.Parameter(torch.randn(2, 2))
print(w)
print(w.requires_grad)
params_list = nn.ParameterList([nn.Parameter(torch.rand(8, i)) for i in range(1, 3)])
print(params_list)
print(params_list[0].requires_grad)
params_dict = nn.ParameterDict(
    {"a": nn.Parameter(torch.rand(2, 2)), "b": nn.Parameter(torch.zeros(2))}
)
print(params_dict)
module = nn.Module()
module.w = nn.Parameter(torch.randn(2, 2))
module.params_list = nn.ParameterList([nn.Parameter(torch.rand(8, i)) for i in range(1, 3)])
module.params_dict = nn.ParameterDict(
    {"a": nn.Parameter(torch.rand(2, 2)), "b": nn.Parameter(torch.zeros(2))}
)
num_param = 0
for param in module.named_parameters():
    print(param[0], param[1].shape)
    num_param = num_param + 1
print("number of Parameters =", num_param)


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()  # noqa: UP008  (as the original)
        self.embedding = nn.Embedding(num_embeddings=100, embedding_dim=3, padding_idx=1)
        self.conv = nn.Sequential()
        self.conv.add_module("conv_1", nn.Conv1d(in_channels=3, out_channels=16, kernel_size=5))
        self.conv.add_module("pool_1", nn.MaxPool1d(kernel_size=2))
        self.conv.add_module("relu_1", nn.ReLU())
        self.conv.add_module("conv_2", nn.Conv1d(in_channels=16, out_channels=8, kernel_size=2))
        self.conv.add_module("pool_2", nn.MaxPool1d(kernel_size=2))
        self.conv.add_module("relu_2", nn.ReLU())
        self.dense = nn.Sequential()
        self.dense.add_module("flatten", nn.Flatten())
        self.dense.add_module("linear", nn.Linear(48, 1))

    def forward(self, x):
        x = self.embedding(x).transpose(1, 2)
        x = self.conv(x)
        y = self.dense(x)
        return y


torch.manual_seed(0)
net = Net()
i = 0
for child in net.children():
    i += 1
    print(child, "\n")
print("child number", i)
for name, child in net.named_children():
    print(name, ":", type(child).__name__)
i = 0
for module in net.modules():
    i += 1
    print(module)
print("module number:", i)
children_dict = {name: module for name, module in net.named_children()}
embedding = children_dict["embedding"]
print(embedding.requires_grad_(False))
for param in embedding.parameters():
    print(param.requires_grad)
    print(param.numel())
tokens = torch.randint(0, 100, (2, 30))
out = net(tokens)
check("text conv net", out)
out.sum().backward()
print(embedding.weight.grad, net.conv.conv_1.weight.grad.shape)
check("text conv net graph", graph(out))

# ---------------------------------------------------------------- 5-1 Dataset / DataLoader
torch.manual_seed(0)
ds = TensorDataset(torch.randn(100, 3), torch.randint(low=0, high=2, size=(100,)).float())
dl = DataLoader(ds, batch_size=4, drop_last=False)
features, labels = next(iter(dl))
print("features = ", features)
print("labels = ", labels)
print("n = ", len(ds))
sampler = RandomSampler(data_source=ds)
batch_sampler = BatchSampler(sampler=sampler, batch_size=4, drop_last=False)
for idxs in batch_sampler:
    indices = idxs
    break
print("indices = ", indices)
batch = [ds[i] for i in indices]
print("batch = ", batch)


def collate_fn(batch):
    features = torch.stack([sample[0] for sample in batch])
    labels = torch.stack([sample[1] for sample in batch])
    return features, labels


features, labels = collate_fn(batch)
print("features = ", features)
print("labels = ", labels)


class MyDataset(object):  # noqa: UP004
    def __init__(self):
        pass

    def __len__(self):
        raise NotImplementedError

    def __getitem__(self, index):
        raise NotImplementedError


class MyDataLoader(object):  # noqa: UP004
    def __init__(self, dataset, batch_size, collate_fn=None, shuffle=True, drop_last=False):
        self.dataset = dataset
        self.collate_fn = collate_fn
        self.sampler = (
            torch.utils.data.RandomSampler if shuffle else torch.utils.data.SequentialSampler
        )
        self.batch_sampler = torch.utils.data.BatchSampler
        self.sample_iter = self.batch_sampler(
            self.sampler(self.dataset), batch_size=batch_size, drop_last=drop_last
        )
        self.collate_fn = (
            collate_fn
            if collate_fn is not None
            else torch.utils.data._utils.collate.default_collate
        )

    def __next__(self):
        indices = next(iter(self.sample_iter))
        batch = self.collate_fn([self.dataset[i] for i in indices])
        return batch

    def __iter__(self):
        return self


class ToyDataset(MyDataset):
    def __init__(self, X, Y):
        self.X = X
        self.Y = Y

    def __len__(self):
        return len(self.X)

    def __getitem__(self, index):
        return self.X[index], self.Y[index]


X, Y = torch.randn(100, 3), torch.randint(low=0, high=2, size=(100,)).float()
ds = ToyDataset(X, Y)
dl = MyDataLoader(ds, batch_size=4, drop_last=False)
features, labels = next(iter(dl))
print("features = ", features)
print("labels = ", labels)
raises("len of the abstract dataset", lambda: len(MyDataset()))

ds_iris = TensorDataset(
    torch.tensor(np.random.RandomState(0).rand(30, 4)),
    torch.tensor(np.arange(30) % 3),
)
n_train = int(len(ds_iris) * 0.8)
n_val = len(ds_iris) - n_train
ds_train, ds_val = random_split(ds_iris, [n_train, n_val])
print(type(ds_iris))
print(type(ds_train))
dl_train, dl_val = DataLoader(ds_train, batch_size=8), DataLoader(ds_val, batch_size=8)
for features, labels in dl_train:
    print(features, labels)
    break
ds_data = ds_train + ds_val
print("len(ds_train) = ", len(ds_train))
print("len(ds_valid) = ", len(ds_val))
print("len(ds_train+ds_valid) = ", len(ds_data))
print(type(ds_data))
print(ds_data[25][1], ds_data[24][0].dtype)
ds = TensorDataset(torch.arange(1, 50))
dl = DataLoader(ds, batch_size=10, shuffle=True, drop_last=True)
for (batch,) in dl:
    print(batch)

# ---------------------------------------------------------------- 5-2 model layers
tensor = torch.arange(0, 4 * 3 * 8 * 8).view(4, 3, 8, 8).float()
bn = nn.BatchNorm2d(num_features=3, affine=False)
bn_out = bn(tensor)
print("channel mean:", round(torch.mean(bn_out[:, 0, :, :]).item(), 5))
print("channel std:", round(torch.std(bn_out[:, 0, :, :]).item(), 5))
print(bn, bn.running_mean, bn.running_var)
tensor = torch.arange(0, 4 * 5 * 16).view(4, 5, 16).float()
ln = nn.LayerNorm(normalized_shape=[16], elementwise_affine=False)
ln_out = ln(tensor)
print("token_mean:", round(torch.mean(ln_out[0, 0, :]).item(), 5))
print("token_std:", round(torch.std(ln_out[0, 0, :]).item(), 5))
inputs = torch.arange(0, 25).view(1, 1, 5, 5).float()
filters = torch.tensor([[[[1.0, 1], [1, 1]]]])
print("--outputs--")
print(F.conv2d(inputs, filters), "\n")
print("--outputs(stride=2)--")
print(F.conv2d(inputs, filters, stride=2), "\n")
print("--outputs(padding=1)--")
print(F.conv2d(inputs, filters, padding=1), "\n")
print("--outputs(dilation=2)--")
print(F.conv2d(inputs, filters, dilation=2), "\n")
torch.manual_seed(0)
features = torch.randn(2, 16, 12, 12)
conv = nn.Conv2d(in_channels=16, out_channels=8, kernel_size=3)
conv_out = conv(features)
print("conv_out.shape:", conv_out.shape, "conv.weight.shape:", conv.weight.shape)
conv_group = nn.Conv2d(in_channels=16, out_channels=8, kernel_size=3, groups=4)
group_out = conv_group(features)
print("group_out.shape:", group_out.shape, conv_group.weight.shape)
check("group conv", group_out[0, :, 0, :4])
depth_conv = nn.Conv2d(in_channels=16, out_channels=16, kernel_size=3, groups=16)
oneone_conv = nn.Conv2d(in_channels=16, out_channels=8, kernel_size=1)
separable_conv = nn.Sequential(depth_conv, oneone_conv)
separable_out = separable_conv(features)
print("separable_out.shape:", separable_out.shape, depth_conv.weight.shape)
check("separable conv", separable_out[1, :, 2, :4])
conv_t = nn.ConvTranspose2d(in_channels=8, out_channels=16, kernel_size=3)
features_like = conv_t(conv_out)
print("features_like.shape:", features_like.shape, conv_t.weight.shape)
check("conv transpose", features_like[0, 0, :3, :3])
raises("group conv with bad groups", lambda: nn.Conv2d(16, 8, 3, groups=3))
inputs = torch.arange(1, 5, dtype=torch.float32).view(1, 1, 2, 2)
nearest = nn.Upsample(scale_factor=2, mode="nearest")
bilinear = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True)
print("nearest(inputs)：")
print(nearest(inputs))
print("bilinear(inputs)：")
print(bilinear(inputs))
inputs = torch.randn(2, 7, 6)
gru = nn.GRU(input_size=6, hidden_size=4, num_layers=1, batch_first=True)
gru_output, gru_hn = gru(inputs)
print("gru_output.shape:", gru_output.shape, "gru_hn.shape:", gru_hn.shape)
check("gru hn", gru_hn)
lstm = nn.LSTM(input_size=6, hidden_size=4, num_layers=1, batch_first=True)
lstm_output, (lstm_hn, lstm_cn) = lstm(inputs)
print(lstm_output.shape, lstm_hn.shape, lstm_cn.shape)
check("lstm cn", lstm_cn)
print(sum(p.numel() for p in gru.parameters()), sum(p.numel() for p in lstm.parameters()))
inputs = torch.randn(2, 5, 16)
attention_h8 = nn.MultiheadAttention(embed_dim=16, num_heads=8, bias=True, batch_first=True)
attention_h16 = nn.MultiheadAttention(embed_dim=16, num_heads=16, bias=True, batch_first=True)
out_h8 = attention_h8(inputs, inputs, inputs)
out_h16 = attention_h16(inputs, inputs, inputs)
print(out_h8[0].shape, out_h8[1].shape, out_h16[0].shape)
print(sum(p.numel() for p in attention_h8.parameters()))
print(sum(p.numel() for p in attention_h16.parameters()))
check("mha 8 heads", out_h8[0][0, :2])


class ScaledDotProductAttention(nn.Module):
    "Compute 'Scaled Dot Product Attention'"

    def __init__(self):
        super(ScaledDotProductAttention, self).__init__()  # noqa: UP008  (as the original)

    def forward(self, query, key, value, mask=None, dropout=None):
        d_k = query.size(-1)
        scores = query @ key.transpose(-2, -1) / d_k**0.5
        if mask is not None:
            scores = scores.masked_fill(mask == 0, -1e20)
        p_attn = F.softmax(scores, dim=-1)
        if dropout is not None:
            p_attn = dropout(p_attn)
        return p_attn @ value, p_attn


class MultiHeadAttention(nn.Module):
    def __init__(self, h, d_model, dropout=0.1):
        super(MultiHeadAttention, self).__init__()  # noqa: UP008  (as the original)
        assert d_model % h == 0
        self.d_k = d_model // h
        self.h = h
        self.linears = nn.ModuleList([copy.deepcopy(nn.Linear(d_model, d_model)) for _ in range(4)])
        self.attn = None
        self.dropout = nn.Dropout(p=dropout)
        self.attention = ScaledDotProductAttention()

    def forward(self, query, key, value, mask=None):
        if mask is not None:
            mask = mask.unsqueeze(1)
        nbatches = query.size(0)
        query, key, value = [
            lin(x).view(nbatches, -1, self.h, self.d_k).transpose(1, 2)
            for lin, x in zip(self.linears, (query, key, value))
        ]
        x, self.attn = self.attention(query, key, value, mask=mask, dropout=self.dropout)
        x = x.transpose(1, 2).contiguous().view(nbatches, -1, self.h * self.d_k)
        return self.linears[-1](x)


mha = MultiHeadAttention(h=4, d_model=16)
mha.eval()
mask = torch.ones(2, 5, 5).tril()
out = mha(inputs, inputs, inputs, mask=mask)
check("hand-written mha", out[:, -1])
check("hand-written mha attn", mha.attn[0, 0])
mha.train()
out = mha(inputs, inputs, inputs)
out.sum().backward()
check("hand-written mha grad", mha.linears[0].weight.grad[:2])


class Linear(nn.Module):
    __constants__ = ["in_features", "out_features"]  # noqa: RUF012

    def __init__(self, in_features, out_features, bias=True):
        super(Linear, self).__init__()  # noqa: UP008  (as the original)
        self.in_features = in_features
        self.out_features = out_features
        self.weight = nn.Parameter(torch.Tensor(out_features, in_features))
        if bias:
            self.bias = nn.Parameter(torch.Tensor(out_features))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in, _ = nn.init._calculate_fan_in_and_fan_out(self.weight)
            bound = 1 / math.sqrt(fan_in)
            nn.init.uniform_(self.bias, -bound, bound)

    def forward(self, input):
        return F.linear(input, self.weight, self.bias)

    def extra_repr(self):
        return "in_features={}, out_features={}, bias={}".format(
            self.in_features, self.out_features, self.bias is not None
        )


torch.manual_seed(5)
mine = Linear(4, 3)
torch.manual_seed(5)
theirs = nn.Linear(4, 3)
print(mine, mine.weight.equal(theirs.weight), mine.bias.equal(theirs.bias))
print(Linear(4, 3, bias=False), Linear(4, 3, bias=False).bias)

# ---------------------------------------------------------------- 5-3 losses
y_pred = torch.tensor([5.0, 3, 10, -5, -3, -10.0])
y_true = torch.tensor([1.0, 1, 1, 0, 0, 0])
print(nn.BCELoss()(torch.sigmoid(y_pred), y_true))
print(nn.BCEWithLogitsLoss()(y_pred, y_true))
y_pred = torch.tensor([[10.0, 0.0, -10.0], [8.0, 8.0, 8.0]])
y_true = torch.tensor([0, 2])
print(nn.CrossEntropyLoss()(y_pred, y_true))
y_pred_logsoftmax = nn.LogSoftmax(dim=1)(y_pred)
print(nn.NLLLoss()(y_pred_logsoftmax, y_true))
y_pred = torch.tensor([[10.0, 0.0, -10.0], [8.0, 8.0, 8.0]], requires_grad=True)
ce = nn.CrossEntropyLoss(reduction="mean")(y_pred, y_true)
print(ce)
pred = F.log_softmax(y_pred, dim=1)
target = F.one_hot(y_true).float()
kl = nn.KLDivLoss(reduction="batchmean")(pred, target)
print(kl)
check("KLDiv batchmean graph", graph(kl))


class FocalLoss(nn.Module):
    def __init__(self, gamma=2.0, alpha=0.75):
        super().__init__()
        self.gamma = gamma
        self.alpha = alpha

    def forward(self, y_pred, y_true):
        bce = torch.nn.BCELoss(reduction="none")(y_pred, y_true)
        p_t = (y_true * y_pred) + ((1 - y_true) * (1 - y_pred))
        alpha_factor = y_true * self.alpha + (1 - y_true) * (1 - self.alpha)
        modulating_factor = torch.pow(1.0 - p_t, self.gamma)
        loss = torch.mean(alpha_factor * modulating_factor * bce)
        return loss


y_pred_hard = torch.tensor([[0.5], [0.5]])
y_true_hard = torch.tensor([[1.0], [0.0]])
y_pred_easy = torch.tensor([[0.9], [0.1]])
y_true_easy = torch.tensor([[1.0], [0.0]])
focal_loss = FocalLoss()
bce_loss = nn.BCELoss()
print("focal_loss(easy samples):", focal_loss(y_pred_easy, y_true_easy))
print("bce_loss(easy samples):", bce_loss(y_pred_easy, y_true_easy))
print("focal_loss(hard samples):", focal_loss(y_pred_hard, y_true_hard))
print("bce_loss(hard samples):", bce_loss(y_pred_hard, y_true_hard))


def ce(y, p):
    p = torch.clamp(p, min=1e-4, max=1 - 1e-4)
    y = torch.clamp(y, min=1e-4, max=1 - 1e-4)
    return -y * torch.log(p) - (1 - y) * torch.log(1 - p)


def rce(y, p):
    return ce(p, y)


y = torch.tensor(1.0)
p = torch.tensor(0.8)
print(rce(y, p) / ce(y, p))
y = torch.tensor(0.0)
print(rce(y, p) / ce(y, p))


class SCELoss(nn.Module):
    def __init__(self, num_classes=10, a=1, b=1):
        super(SCELoss, self).__init__()  # noqa: UP008  (as the original)
        self.num_classes = num_classes
        self.a = a
        self.b = b
        self.cross_entropy = nn.CrossEntropyLoss()

    def forward(self, pred, labels):
        ce = self.cross_entropy(pred, labels)
        pred = F.softmax(pred, dim=1)
        pred = torch.clamp(pred, min=1e-4, max=1.0)
        label_one_hot = F.one_hot(labels, self.num_classes).float().to(pred.device)
        label_one_hot = torch.clamp(label_one_hot, min=1e-4, max=1.0)
        rce = -1 * torch.sum(pred * torch.log(label_one_hot), dim=1)
        loss = self.a * ce + self.b * rce.mean()
        return loss


torch.manual_seed(0)
logits = torch.randn(6, 10, requires_grad=True)
labels = torch.randint(0, 10, (6,))
sce = SCELoss()(logits, labels)
sce.backward()
check("SCELoss", sce)
check("SCELoss grad", logits.grad)


def L2Loss(model, alpha):
    l2_loss = torch.tensor(0.0, requires_grad=True)
    for name, param in model.named_parameters():
        if "bias" not in name:
            l2_loss = l2_loss + (0.5 * alpha * torch.sum(torch.pow(param, 2)))
    return l2_loss


def L1Loss(model, beta):
    l1_loss = torch.tensor(0.0, requires_grad=True)
    for name, param in model.named_parameters():
        if "bias" not in name:
            l1_loss = l1_loss + beta * torch.sum(torch.abs(param))
    return l1_loss


torch.manual_seed(0)
n_positive, n_negative = 20, 120
r_p = 5.0 + torch.normal(0.0, 1.0, size=[n_positive, 1])
theta_p = 2 * np.pi * torch.rand([n_positive, 1])
Xp = torch.cat([r_p * torch.cos(theta_p), r_p * torch.sin(theta_p)], axis=1)
r_n = 8.0 + torch.normal(0.0, 1.0, size=[n_negative, 1])
theta_n = 2 * np.pi * torch.rand([n_negative, 1])
Xn = torch.cat([r_n * torch.cos(theta_n), r_n * torch.sin(theta_n)], axis=1)
X = torch.cat([Xp, Xn], axis=0)
Y = torch.cat([torch.ones_like(r_p), torch.zeros_like(r_n)], axis=0)
ds = TensorDataset(X, Y)
ds_train, ds_val = torch.utils.data.random_split(
    ds, [int(len(ds) * 0.7), len(ds) - int(len(ds) * 0.7)]
)
dl_train = DataLoader(ds_train, batch_size=20, shuffle=True)
dl_val = DataLoader(ds_val, batch_size=20)
net = Net2 = None


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 4)
        self.fc2 = nn.Linear(4, 8)
        self.fc3 = nn.Linear(8, 1)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


net = Net()
print(L2Loss(net, 0.001), L1Loss(net, 0.001))


def focal_loss_with_regularization(y_pred, y_true):
    y_probs = torch.sigmoid(y_pred)
    focal = FocalLoss()(y_probs, y_true)
    l2_loss = L2Loss(net, 0.001)
    l1_loss = L1Loss(net, 0.001)
    total_loss = focal + l2_loss + l1_loss
    return total_loss


optimizer = torch.optim.Adam(net.parameters(), lr=0.002)
model = KerasModel(net=net, loss_fn=focal_loss_with_regularization, optimizer=optimizer)
history = model.fit(dl_train, dl_val, 5, ckpt, 3, "val_loss", "min")
print([round(v, 4) for v in history["train_loss"]])
check("focal + regularisation graph", graph(focal_loss_with_regularization(net(X[:3]), Y[:3])))
weight_params = [param for name, param in model.named_parameters() if "bias" not in name]
bias_params = [param for name, param in model.named_parameters() if "bias" in name]
optimizer = torch.optim.SGD(
    [
        {"params": weight_params, "weight_decay": 1e-5},
        {"params": bias_params, "weight_decay": 0},
    ],
    lr=1e-2,
    momentum=0.9,
)
print(optimizer)
loss = focal_loss_with_regularization(net(X), Y)
loss.backward()
optimizer.step()
check("weight-decay group step", net.fc1.weight)
print(optimizer.state_dict()["param_groups"])
