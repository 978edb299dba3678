# Daniel Voigt Godoy, "Deep Learning with PyTorch Step-by-Step" (github.com/dvgodoy/PyTorchStepByStep),
# chapters 0-5: gradient descent by hand in numpy and with tensors (requires_grad, .grad.zero_(),
# torch.no_grad updates, a dynamic graph), optim.SGD / MSELoss, ManualLinearRegression with
# nn.Parameter, state_dict, Sequential.add_module, make_train_step_fn / make_val_step_fn /
# mini_batch, CustomDataset / TensorDataset / random_split / DataLoader, a checkpoint, the
# StepByStep class (train, predict, count_parameters, set_seed with the sampler's generator),
# chapter 3's odds ratios / BCELoss / BCEWithLogitsLoss(pos_weight), chapter 4's
# index_splitter, unique(return_counts=True), WeightedRandomSampler with a Generator,
# SubsetRandomSampler, Flatten, activations (PReLU), chapter 5's convolutions and paddings,
# NLLLoss(weight / ignore_index), a CNN, forward hooks on named layers, correct / loader_apply.
# Data: the book's seeded numpy generators (make_moons replaced by seeded Gaussian blobs,
# torchvision transforms by hand: RandomHorizontalFlip draws torch.rand(1) as torchvision does).
import io
import random

import numpy as np

Dataset = torch.utils.data.Dataset
TensorDataset = torch.utils.data.TensorDataset
DataLoader = torch.utils.data.DataLoader
random_split = torch.utils.data.random_split
WeightedRandomSampler = torch.utils.data.WeightedRandomSampler
SubsetRandomSampler = torch.utils.data.SubsetRandomSampler

# ---------------- chapter 0: gradient descent in numpy ----------------
true_b = 1
true_w = 2
N = 100
np.random.seed(42)
x = np.random.rand(N, 1)
epsilon = 0.1 * np.random.randn(N, 1)
y = true_b + true_w * x + epsilon
idx = np.arange(N)
np.random.shuffle(idx)
train_idx = idx[: int(N * 0.8)]
val_idx = idx[int(N * 0.8) :]
x_train, y_train = x[train_idx], y[train_idx]
x_val, y_val = x[val_idx], y[val_idx]

np.random.seed(42)
b = np.random.randn(1)
w = np.random.randn(1)
lr = 0.1
for epoch in range(100):
    yhat = b + w * x_train
    error = yhat - y_train
    b_grad = 2 * error.mean()
    w_grad = 2 * (x_train * error).mean()
    b = b - lr * b_grad
    w = w - lr * w_grad
print(np.round(b, 4), np.round(w, 4))

# ---------------- chapter 1: tensors and autograd ----------------
scalar = torch.tensor(3.14159)
vector = torch.tensor([1, 2, 3])
matrix = torch.ones((2, 3), dtype=torch.float)
torch.manual_seed(42)
tensor = torch.randn((2, 3, 4), dtype=torch.float)
print(scalar)
print(vector)
print(matrix)
print(tensor)
print(tensor.size(), tensor.shape)
print(scalar.size(), scalar.shape)
same_matrix = matrix.view(1, 6)
same_matrix[0, 1] = 2.0
print(matrix)
print(same_matrix)
different_matrix = matrix.new_tensor(matrix.view(1, 6))
different_matrix[0, 1] = 3.0
print(matrix)
print(different_matrix)
another_matrix = matrix.view(1, 6).clone().detach()
another_matrix[0, 1] = 4.0
print(matrix)
print(another_matrix)

x_train_tensor = torch.as_tensor(x_train)
print(x_train.dtype, x_train_tensor.dtype)
float_tensor = x_train_tensor.float()
print(float_tensor.dtype)
dummy_array = np.array([1, 2, 3])
dummy_tensor = torch.as_tensor(dummy_array)
dummy_array[1] = 0
print(dummy_tensor)
print(dummy_tensor.numpy())
device = "cuda" if torch.cuda.is_available() else "cpu"
n_cudas = torch.cuda.device_count()
print(device, n_cudas)
gpu_tensor = torch.as_tensor(x_train).to(device)
print(gpu_tensor[0])
x_train_tensor = torch.as_tensor(x_train).float().to(device)
y_train_tensor = torch.as_tensor(y_train).float().to(device)
print(type(x_train), type(x_train_tensor), x_train_tensor.type())
back_to_numpy = x_train_tensor.cpu().numpy()
print(type(back_to_numpy), back_to_numpy.dtype)

torch.manual_seed(42)
b = torch.randn(1, requires_grad=True, dtype=torch.float)
w = torch.randn(1, requires_grad=True, dtype=torch.float)
print(b, w)
torch.manual_seed(42)
b = torch.randn(1, requires_grad=True, dtype=torch.float).to(device)
w = torch.randn(1, requires_grad=True, dtype=torch.float).to(device)
print(b, w)
torch.manual_seed(42)
b = torch.randn(1, dtype=torch.float).to(device)
w = torch.randn(1, dtype=torch.float).to(device)
b.requires_grad_()
w.requires_grad_()
print(b, w)
torch.manual_seed(42)
b = torch.randn(1, requires_grad=True, dtype=torch.float, device=device)
w = torch.randn(1, requires_grad=True, dtype=torch.float, device=device)
print(b, w)
yhat = b + w * x_train_tensor
error = yhat - y_train_tensor
loss = (error**2).mean()
loss.backward()
print(error.requires_grad, yhat.requires_grad, b.requires_grad, w.requires_grad)
print(y_train_tensor.requires_grad, x_train_tensor.requires_grad)
print(b.grad, w.grad)
check("grad_fn graph of the loss", graph(loss))
print(b.grad.zero_(), w.grad.zero_())

lr = 0.1
torch.manual_seed(42)
b = torch.randn(1, requires_grad=True, dtype=torch.float, device=device)
w = torch.randn(1, requires_grad=True, dtype=torch.float, device=device)
for epoch in range(100):
    yhat = b + w * x_train_tensor
    error = yhat - y_train_tensor
    loss = (error**2).mean()
    loss.backward()
    with torch.no_grad():
        b -= lr * b.grad
        w -= lr * w.grad
    b.grad.zero_()
    w.grad.zero_()
print(b, w)

# the dynamic graph: a branch decided by a value
b = torch.randn(1, requires_grad=True, dtype=torch.float, device=device)
w = torch.randn(1, requires_grad=True, dtype=torch.float, device=device)
yhat = b + w * x_train_tensor
error = yhat - y_train_tensor
loss = (error**2).mean()
if loss > 0:
    yhat2 = w * x_train_tensor
    error2 = yhat2 - y_train_tensor
loss += error2.mean()
check("dynamic graph", graph(loss))
b_nograd = torch.randn(1, requires_grad=False, dtype=torch.float, device=device)
yhat = b_nograd + w * x_train_tensor
check("graph without b", graph(yhat))

# what goes wrong without no_grad / with a plain reassignment (the book's warnings)
torch.manual_seed(42)
b = torch.randn(1, requires_grad=True, dtype=torch.float, device=device)


def update_in_place_outside_no_grad():
    global b
    b -= lr * torch.ones(1)


raises("in-place update of a leaf outside no_grad", update_in_place_outside_no_grad)
b = b - lr * torch.ones(1)
print(b.is_leaf, b.grad_fn)

lr = 0.1
torch.manual_seed(42)
b = torch.randn(1, requires_grad=True, dtype=torch.float, device=device)
w = torch.randn(1, requires_grad=True, dtype=torch.float, device=device)
optimizer = optim.SGD([b, w], lr=lr)
loss_fn = nn.MSELoss(reduction="mean")
print(loss_fn)
predictions = torch.tensor([0.5, 1.0])
labels = torch.tensor([2.0, 1.3])
print(loss_fn(predictions, labels))
for epoch in range(100):
    yhat = b + w * x_train_tensor
    loss = loss_fn(yhat, y_train_tensor)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
print(b, w)
print(loss)
raises("numpy() of a tensor that requires grad", lambda: loss.cpu().numpy())
print(loss.detach().cpu().numpy())
print(loss.item(), loss.tolist())


class ManualLinearRegression(nn.Module):
    def __init__(self):
        super().__init__()
        self.b = nn.Parameter(torch.randn(1, requires_grad=True, dtype=torch.float))
        self.w = nn.Parameter(torch.randn(1, requires_grad=True, dtype=torch.float))

    def forward(self, x):
        return self.b + self.w * x


torch.manual_seed(42)
dummy = ManualLinearRegression()
print(list(dummy.parameters()))
print(dummy.state_dict())
print(optimizer.state_dict())

torch.manual_seed(42)
model = ManualLinearRegression().to(device)
optimizer = optim.SGD(model.parameters(), lr=lr)
for epoch in range(100):
    model.train()
    yhat = model(x_train_tensor)
    loss = loss_fn(yhat, y_train_tensor)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
print(model.state_dict())

torch.manual_seed(42)
linear = nn.Linear(1, 1)
print(linear)
print(linear.state_dict())


class MyLinearRegression(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(1, 1)

    def forward(self, x):
        self.linear(x)


torch.manual_seed(42)
dummy = MyLinearRegression().to(device)
print(list(dummy.parameters()))
print(dummy.state_dict())
print(dummy(x_train_tensor[:2]))  # forward forgets to return
torch.manual_seed(42)
model = nn.Sequential(nn.Linear(1, 1)).to(device)
print(model.state_dict())
torch.manual_seed(42)
model = nn.Sequential(nn.Linear(3, 5), nn.Linear(5, 1)).to(device)
print(model.state_dict())
torch.manual_seed(42)
model = nn.Sequential()
model.add_module("layer1", nn.Linear(3, 5))
model.add_module("layer2", nn.Linear(5, 1))
print(model.to(device))


# ---------------- chapter 2: rethinking the training loop ----------------
def make_train_step_fn(model, loss_fn, optimizer):
    def perform_train_step_fn(x, y):
        model.train()
        yhat = model(x)
        loss = loss_fn(yhat, y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        return loss.item()

    return perform_train_step_fn


def make_val_step_fn(model, loss_fn):
    def perform_val_step_fn(x, y):
        model.eval()
        yhat = model(x)
        loss = loss_fn(yhat, y)
        return loss.item()

    return perform_val_step_fn


def mini_batch(device, data_loader, step_fn):
    mini_batch_losses = []
    for x_batch, y_batch in data_loader:
        x_batch = x_batch.to(device)
        y_batch = y_batch.to(device)
        mini_batch_loss = step_fn(x_batch, y_batch)
        mini_batch_losses.append(mini_batch_loss)
    loss = np.mean(mini_batch_losses)
    return loss


lr = 0.1
torch.manual_seed(42)
model = nn.Sequential(nn.Linear(1, 1)).to(device)
optimizer = optim.SGD(model.parameters(), lr=lr)
loss_fn = nn.MSELoss(reduction="mean")
train_step_fn = make_train_step_fn(model, loss_fn, optimizer)
losses = []
for epoch in range(100):
    loss = train_step_fn(x_train_tensor, y_train_tensor)
    losses.append(loss)
print(model.state_dict())
check("losses (full batch)", losses[::10])


class CustomDataset(Dataset):
    def __init__(self, x_tensor, y_tensor):
        self.x = x_tensor
        self.y = y_tensor

    def __getitem__(self, index):
        return (self.x[index], self.y[index])

    def __len__(self):
        return len(self.x)


x_train_tensor = torch.from_numpy(x_train).float()
y_train_tensor = torch.from_numpy(y_train).float()
train_data = CustomDataset(x_train_tensor, y_train_tensor)
print(train_data[0])
train_data = TensorDataset(x_train_tensor, y_train_tensor)
print(train_data[0])
torch.manual_seed(1)
train_loader = DataLoader(dataset=train_data, batch_size=16, shuffle=True)
print(next(iter(train_loader)))
print(len(train_loader))

losses = []
for epoch in range(20):
    loss = mini_batch(device, train_loader, train_step_fn)
    losses.append(loss)
print(model.state_dict())
print([round(float(v), 4) for v in losses[::5]])

torch.manual_seed(13)
x_tensor = torch.from_numpy(x).float()
y_tensor = torch.from_numpy(y).float()
dataset = TensorDataset(x_tensor, y_tensor)
ratio = 0.8
n_total = len(dataset)
n_train = int(n_total * ratio)
n_val = n_total - n_train
train_data, val_data = random_split(dataset, [n_train, n_val])
print(type(train_data).__name__, len(train_data), len(val_data), train_data.indices[:10])
train_loader = DataLoader(dataset=train_data, batch_size=16, shuffle=True)
val_loader = DataLoader(dataset=val_data, batch_size=16)

torch.manual_seed(42)
model = nn.Sequential(nn.Linear(1, 1)).to(device)
optimizer = optim.SGD(model.parameters(), lr=lr)
train_step_fn = make_train_step_fn(model, loss_fn, optimizer)
val_step_fn = make_val_step_fn(model, loss_fn)
losses = []
val_losses = []
for epoch in range(20):
    loss = mini_batch(device, train_loader, train_step_fn)
    losses.append(loss)
    with torch.no_grad():
        val_loss = mini_batch(device, val_loader, val_step_fn)
        val_losses.append(val_loss)
print(model.state_dict())
check("train / val losses", [losses[-1], val_losses[-1]])

checkpoint = {
    "epoch": 20,
    "model_state_dict": model.state_dict(),
    "optimizer_state_dict": optimizer.state_dict(),
    "loss": losses,
    "val_loss": val_losses,
}
buffer = io.BytesIO()
torch.save(checkpoint, buffer)
buffer.seek(0)
torch.manual_seed(42)
model = nn.Sequential(nn.Linear(1, 1)).to(device)
optimizer = optim.SGD(model.parameters(), lr=lr)
print(model.state_dict())
checkpoint = torch.load(buffer, weights_only=False)
model.load_state_dict(checkpoint["model_state_dict"])
optimizer.load_state_dict(checkpoint["optimizer_state_dict"])
saved_epoch = checkpoint["epoch"]
print(saved_epoch, len(checkpoint["loss"]), optimizer.state_dict())
model.train()
print(model.state_dict())
new_inputs = torch.tensor([[0.20], [0.34], [0.57]])
model.eval()
print(model(new_inputs.to(device)))


# ---------------- chapter 2.1 / 3: the StepByStep class ----------------
class StepByStep(object):  # noqa: UP004  (as the book)
    def __init__(self, model, loss_fn, optimizer):
        self.model = model
        self.loss_fn = loss_fn
        self.optimizer = optimizer
        self.device = "cuda" if torch.cuda.is_available() else "cpu"
        self.model.to(self.device)
        self.train_loader = None
        self.val_loader = None
        self.losses = []
        self.val_losses = []
        self.total_epochs = 0
        self.visualization = {}
        self.handles = {}
        self.train_step_fn = self._make_train_step_fn()
        self.val_step_fn = self._make_val_step_fn()

    def to(self, device):
        try:
            self.device = device
            self.model.to(self.device)
        except RuntimeError:
            self.device = "cuda" if torch.cuda.is_available() else "cpu"
            print(f"Couldn't send it to {device}, sending it to {self.device} instead.")
            self.model.to(self.device)

    def set_loaders(self, train_loader, val_loader=None):
        self.train_loader = train_loader
        self.val_loader = val_loader

    def _make_train_step_fn(self):
        def perform_train_step_fn(x, y):
            self.model.train()
            yhat = self.model(x)
            loss = self.loss_fn(yhat, y)
            loss.backward()
            self.optimizer.step()
            self.optimizer.zero_grad()
            return loss.item()

        return perform_train_step_fn

    def _make_val_step_fn(self):
        def perform_val_step_fn(x, y):
            self.model.eval()
            yhat = self.model(x)
            loss = self.loss_fn(yhat, y)
            return loss.item()

        return perform_val_step_fn

    def _mini_batch(self, validation=False):
        if validation:
            data_loader = self.val_loader
            step_fn = self.val_step_fn
        else:
            data_loader = self.train_loader
            step_fn = self.train_step_fn
        if data_loader is None:
            return None
        mini_batch_losses = []
        for x_batch, y_batch in data_loader:
            x_batch = x_batch.to(self.device)
            y_batch = y_batch.to(self.device)
            mini_batch_loss = step_fn(x_batch, y_batch)
            mini_batch_losses.append(mini_batch_loss)
        loss = np.mean(mini_batch_losses)
        return loss

    def set_seed(self, seed=42):
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False
        torch.manual_seed(seed)
        np.random.seed(seed)
        random.seed(seed)
        try:  # noqa: SIM105  (as the book)
            self.train_loader.sampler.generator.manual_seed(seed)
        except AttributeError:
            pass

    def train(self, n_epochs, seed=42):
        self.set_seed(seed)
        for epoch in range(n_epochs):
            self.total_epochs += 1
            loss = self._mini_batch(validation=False)
            self.losses.append(loss)
            with torch.no_grad():
                val_loss = self._mini_batch(validation=True)
                self.val_losses.append(val_loss)

    def save_checkpoint(self, filename):
        checkpoint = {
            "epoch": self.total_epochs,
            "model_state_dict": self.model.state_dict(),
            "optimizer_state_dict": self.optimizer.state_dict(),
            "loss": self.losses,
            "val_loss": self.val_losses,
        }
        torch.save(checkpoint, filename)

    def load_checkpoint(self, filename):
        checkpoint = torch.load(filename, weights_only=False)
        self.model.load_state_dict(checkpoint["model_state_dict"])
        self.optimizer.load_state_dict(checkpoint["optimizer_state_dict"])
        self.total_epochs = checkpoint["epoch"]
        self.losses = checkpoint["loss"]
        self.val_losses = checkpoint["val_loss"]
        self.model.train()

    def predict(self, x):
        self.model.eval()
        x_tensor = torch.as_tensor(x).float()
        y_hat_tensor = self.model(x_tensor.to(self.device))
        self.model.train()
        return y_hat_tensor.detach().cpu().numpy()

    def count_parameters(self):
        return sum(p.numel() for p in self.model.parameters() if p.requires_grad)

    def attach_hooks(self, layers_to_hook, hook_fn=None):
        self.visualization = {}
        modules = list(self.model.named_modules())
        layer_names = {layer: name for name, layer in modules[1:]}
        if hook_fn is None:

            def hook_fn(layer, inputs, outputs):
                name = layer_names[layer]
                values = outputs.detach().cpu().numpy()
                if self.visualization[name] is None:
                    self.visualization[name] = values
                else:
                    self.visualization[name] = np.concatenate([self.visualization[name], values])

        for name, layer in modules:
            if name in layers_to_hook:
                self.visualization[name] = None
                self.handles[name] = layer.register_forward_hook(hook_fn)

    def remove_hooks(self):
        for handle in self.handles.values():
            handle.remove()
        self.handles = {}

    def correct(self, x, y, threshold=0.5):
        self.model.eval()
        yhat = self.model(x.to(self.device))
        y = y.to(self.device)
        self.model.train()
        n_samples, n_dims = yhat.shape
        if n_dims > 1:
            _, predicted = torch.max(yhat, 1)
        else:
            n_dims += 1
            if isinstance(self.model, nn.Sequential) and isinstance(self.model[-1], nn.Sigmoid):
                predicted = (yhat > threshold).long()
            else:
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


lr = 0.1
torch.manual_seed(42)
model = nn.Sequential(nn.Linear(1, 1))
optimizer = optim.SGD(model.parameters(), lr=lr)
loss_fn = nn.MSELoss(reduction="mean")
sbs = StepByStep(model, loss_fn, optimizer)
sbs.set_loaders(train_loader, val_loader)
sbs.train(n_epochs=20)
print(model.state_dict())
print(sbs.total_epochs, sbs.count_parameters())
print(
    [round(float(v), 4) for v in sbs.losses[::5]], [round(float(v), 4) for v in sbs.val_losses[::5]]
)
buffer = io.BytesIO()
sbs.save_checkpoint(buffer)
buffer.seek(0)
new_sbs = StepByStep(nn.Sequential(nn.Linear(1, 1)), loss_fn, optimizer)
new_sbs.load_checkpoint(buffer)
print(new_sbs.model.state_dict(), new_sbs.total_epochs)
new_data = np.array([0.5, 0.3, 0.7]).reshape(-1, 1)
predictions = sbs.predict(new_data)
print(predictions.round(4))
sbs.to("cpu")

# ---------------- chapter 3: a simple classification problem ----------------
rng = np.random.RandomState(0)
X = np.concatenate([rng.randn(50, 2) + [1.0, -0.5], rng.randn(50, 2) + [-0.5, 1.0]])
y = np.array([1] * 50 + [0] * 50)
perm = rng.permutation(100)
X, y = X[perm], y[perm]
X_train, X_val, y_train, y_val = X[:80], X[80:], y[:80], y[80:]
X_train = (X_train - X_train.mean(axis=0)) / X_train.std(axis=0)
X_val = (X_val - X[:80].mean(axis=0)) / X[:80].std(axis=0)

torch.manual_seed(13)
x_train_tensor = torch.as_tensor(X_train).float()
y_train_tensor = torch.as_tensor(y_train.reshape(-1, 1)).float()
x_val_tensor = torch.as_tensor(X_val).float()
y_val_tensor = torch.as_tensor(y_val.reshape(-1, 1)).float()
train_dataset = TensorDataset(x_train_tensor, y_train_tensor)
val_dataset = TensorDataset(x_val_tensor, y_val_tensor)
train_loader = DataLoader(dataset=train_dataset, batch_size=16, shuffle=True)
val_loader = DataLoader(dataset=val_dataset, batch_size=16)


def odds_ratio(prob):
    return prob / (1 - prob)


def log_odds_ratio(prob):
    return np.log(odds_ratio(prob))


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


p = 0.75
q = 1 - p
print(odds_ratio(p), odds_ratio(q))
print(log_odds_ratio(p), log_odds_ratio(q))
print(sigmoid(log_odds_ratio(p)), sigmoid(log_odds_ratio(q)))
print(torch.sigmoid(torch.tensor(1.0986)), torch.sigmoid(torch.tensor(-1.0986)))

torch.manual_seed(42)
model1 = nn.Sequential()
model1.add_module("linear", nn.Linear(2, 1))
model1.add_module("sigmoid", nn.Sigmoid())
print(model1.state_dict())

dummy_labels = torch.tensor([1.0, 0.0])
dummy_predictions = torch.tensor([0.9, 0.2])
positive_pred = dummy_predictions[dummy_labels == 1]
first_summation = torch.log(positive_pred).sum()
negative_pred = dummy_predictions[dummy_labels == 0]
second_summation = torch.log(1 - negative_pred).sum()
n_total = dummy_labels.size(0)
loss = -(first_summation + second_summation) / n_total
print(loss)
summation = torch.sum(
    dummy_labels * torch.log(dummy_predictions)
    + (1 - dummy_labels) * torch.log(1 - dummy_predictions)
)
loss = -summation / n_total
print(loss)
loss_fn = nn.BCELoss(reduction="mean")
print(loss_fn)
right_loss = loss_fn(dummy_predictions, dummy_labels)
wrong_loss = loss_fn(dummy_labels, dummy_predictions)
print(right_loss, wrong_loss)
loss_fn_logits = nn.BCEWithLogitsLoss(reduction="mean")
print(loss_fn_logits)
logit1 = log_odds_ratio(0.9)
logit2 = log_odds_ratio(0.2)
dummy_logits = torch.tensor([logit1, logit2])
print(dummy_logits)
loss = loss_fn_logits(dummy_logits, dummy_labels)
print(loss)
dummy_imb_labels = torch.tensor([1.0, 0.0, 0.0, 0.0])
dummy_imb_logits = torch.tensor([logit1, logit2, logit2, logit2])
n_neg = (dummy_imb_labels == 0).sum().float()
n_pos = (dummy_imb_labels == 1).sum().float()
pos_weight = (n_neg / n_pos).view(1)
print(pos_weight)
loss_fn_imb = nn.BCEWithLogitsLoss(reduction="mean", pos_weight=pos_weight)
loss = loss_fn_imb(dummy_imb_logits, dummy_imb_labels)
print(loss)
loss_fn_imb_sum = nn.BCEWithLogitsLoss(reduction="sum", pos_weight=pos_weight)
loss = loss_fn_imb_sum(dummy_imb_logits, dummy_imb_labels)
loss = loss / (pos_weight * n_pos + n_neg)
print(loss)
print(loss_fn_imb)

lr = 0.1
torch.manual_seed(42)
model = nn.Sequential()
model.add_module("linear", nn.Linear(2, 1))
optimizer = optim.SGD(model.parameters(), lr=lr)
loss_fn = nn.BCEWithLogitsLoss()
sbs = StepByStep(model, loss_fn, optimizer)
sbs.set_loaders(train_loader, val_loader)
sbs.train(30)
print(model.state_dict())
predictions = sbs.predict(x_train_tensor[:4])
print(predictions.round(4))
probabilities = sigmoid(predictions)
print(probabilities.round(4))
classes = (predictions >= 0).astype(int)
print(classes)
logits_val = sbs.predict(X_val)
probabilities_val = sigmoid(logits_val).squeeze()
print(((probabilities_val >= 0.5) == y_val).sum())
check("losses (logistic)", [sbs.losses[-1], sbs.val_losses[-1]])
raises(
    "BCELoss of logits with an int target",
    lambda: nn.BCELoss()(torch.rand(3), torch.tensor([0, 1, 1])),
)
raises(
    "BCEWithLogitsLoss of mismatched shapes",
    lambda: loss_fn(torch.zeros(4, 1), torch.zeros(4)),
)


# ---------------- chapter 4: classifying images ----------------
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


def generate_dataset(img_size=10, n_images=100, binary=True, seed=17):
    np.random.seed(seed)
    starts = np.random.randint(-(img_size - 1), img_size, size=(n_images,))
    targets = np.random.randint(0, 3, size=(n_images,))
    images = np.array(
        [gen_img(s, t, img_size=img_size) for s, t in zip(starts, targets)], dtype=np.uint8
    )
    if binary:
        targets = (targets > 0).astype(int)
    return images, targets


images, labels = generate_dataset(img_size=5, n_images=300, binary=True, seed=13)
example = images[7]
print(example)
example_hwc = np.transpose(example, (1, 2, 0))
print(example_hwc.shape)
example_tensor = torch.as_tensor(example / 255).float()
print(example_tensor)


class Normalize:  # torchvision.transforms.v2.Normalize on a tensor
    def __init__(self, mean, std):
        self.mean, self.std = mean, std

    def __call__(self, x):
        mean = torch.as_tensor(self.mean, dtype=x.dtype).view(-1, 1, 1)
        std = torch.as_tensor(self.std, dtype=x.dtype).view(-1, 1, 1)
        return (x - mean) / std


class RandomHorizontalFlip:  # torchvision: `if torch.rand(1) >= self.p: return inpt`
    def __init__(self, p=0.5):
        self.p = p

    def __call__(self, x):
        if torch.rand(1) >= self.p:
            return x
        return x.flip(-1)


class Compose:
    def __init__(self, transforms):
        self.transforms = transforms

    def __call__(self, x):
        for t in self.transforms:
            x = t(x)
        return x


flipped = RandomHorizontalFlip(p=1.0)(example_tensor)
print(flipped)
normalized_tensor = Normalize(mean=(0.5,), std=(0.5,))(flipped)
print(normalized_tensor)
composer = Compose([RandomHorizontalFlip(p=1.0), Normalize(mean=(0.5,), std=(0.5,))])
composed_tensor = composer(example_tensor)
print((composed_tensor == normalized_tensor).all())

x_tensor = torch.as_tensor(images / 255).float()
y_tensor = torch.as_tensor(labels.reshape(-1, 1)).float()


class TransformedTensorDataset(Dataset):
    def __init__(self, x, y, transform=None):
        self.x = x
        self.y = y
        self.transform = transform

    def __getitem__(self, index):
        x = self.x[index]
        if self.transform:
            x = self.transform(x)
        return x, self.y[index]

    def __len__(self):
        return len(self.x)


def index_splitter(n, splits, seed=13):
    idx = torch.arange(n)
    splits_tensor = torch.as_tensor(splits)
    total = splits_tensor.sum().float()
    if not total.isclose(torch.ones(1)[0]):
        splits_tensor = splits_tensor / total
    torch.manual_seed(seed)
    return random_split(idx, splits_tensor)


train_idx, val_idx = index_splitter(len(x_tensor), [80, 20])
print(train_idx)
print(train_idx.indices[:10], len(train_idx), len(val_idx))
train_sampler = SubsetRandomSampler(train_idx)
val_sampler = SubsetRandomSampler(val_idx)
dataset = TransformedTensorDataset(x_tensor, y_tensor, transform=composer)
train_loader = DataLoader(dataset=dataset, batch_size=16, sampler=train_sampler)
val_loader = DataLoader(dataset=dataset, batch_size=16, sampler=val_sampler)
print(len(iter(train_loader)), len(iter(val_loader)))

x_train_tensor = x_tensor[train_idx]
y_train_tensor = y_tensor[train_idx]
x_val_tensor = x_tensor[val_idx]
y_val_tensor = y_tensor[val_idx]
print(x_train_tensor.shape, y_val_tensor.shape)
train_composer = Compose([RandomHorizontalFlip(p=0.5), Normalize(mean=(0.5,), std=(0.5,))])
val_composer = Compose([Normalize(mean=(0.5,), std=(0.5,))])
train_dataset = TransformedTensorDataset(x_train_tensor, y_train_tensor, transform=train_composer)
val_dataset = TransformedTensorDataset(x_val_tensor, y_val_tensor, transform=val_composer)
classes, counts = y_train_tensor.unique(return_counts=True)
print(classes, counts)
weights = 1.0 / counts.float()
print(weights)
sample_weights = weights[y_train_tensor.squeeze().long()]
print(sample_weights.shape)
print(sample_weights[:10])
print(y_train_tensor[:10].squeeze())


def make_balanced_sampler(y):
    classes, counts = y.unique(return_counts=True)
    weights = 1.0 / counts.float()
    sample_weights = weights[y.squeeze().long()]
    generator = torch.Generator()
    sampler = WeightedRandomSampler(
        weights=sample_weights,
        num_samples=len(sample_weights),
        generator=generator,
        replacement=True,
    )
    return sampler


sampler = make_balanced_sampler(y_train_tensor)
train_loader = DataLoader(dataset=train_dataset, batch_size=16, sampler=sampler)
val_loader = DataLoader(dataset=val_dataset, batch_size=16)
train_loader.sampler.generator.manual_seed(42)
random.seed(42)
torch.manual_seed(42)
print(torch.tensor([t[1].sum() for t in iter(train_loader)]).sum())
print(list(sampler)[:12])

dummy_xs, dummy_ys = next(iter(train_loader))
print(dummy_xs.shape)
flattener = nn.Flatten()
dummy_xs_flat = flattener(dummy_xs)
print(dummy_xs_flat.shape)
print(dummy_xs_flat[0])

lr = 0.1
torch.manual_seed(17)
model_logistic = nn.Sequential()
model_logistic.add_module("flatten", nn.Flatten())
model_logistic.add_module("output", nn.Linear(25, 1, bias=False))
model_logistic.add_module("sigmoid", nn.Sigmoid())
optimizer_logistic = optim.SGD(model_logistic.parameters(), lr=lr)
binary_loss_fn = nn.BCELoss()
sbs_logistic = StepByStep(model_logistic, binary_loss_fn, optimizer_logistic)
sbs_logistic.set_loaders(train_loader, val_loader)
sbs_logistic.train(5)
check("losses (logistic images)", [sbs_logistic.losses, sbs_logistic.val_losses])

torch.manual_seed(17)
model_nn = nn.Sequential()
model_nn.add_module("flatten", nn.Flatten())
model_nn.add_module("hidden0", nn.Linear(25, 5, bias=False))
model_nn.add_module("hidden1", nn.Linear(5, 3, bias=False))
model_nn.add_module("output", nn.Linear(3, 1, bias=False))
model_nn.add_module("sigmoid", nn.Sigmoid())
optimizer_nn = optim.SGD(model_nn.parameters(), lr=lr)
sbs_nn = StepByStep(model_nn, binary_loss_fn, optimizer_nn)
sbs_nn.set_loaders(train_loader, val_loader)
sbs_nn.train(5)
w_nn_hidden0 = model_nn.hidden0.weight.detach()
w_nn_hidden1 = model_nn.hidden1.weight.detach()
w_nn_output = model_nn.output.weight.detach()
print(w_nn_hidden0.shape, w_nn_hidden1.shape, w_nn_output.shape)
w_nn_equiv = w_nn_output @ w_nn_hidden1 @ w_nn_hidden0
print(w_nn_equiv.shape)
w_nn_equiv2 = w_nn_output.mm(w_nn_hidden1.mm(w_nn_hidden0))
check("equivalent weights", w_nn_equiv2)
print(sbs_logistic.count_parameters(), sbs_nn.count_parameters())

dummy_z = torch.tensor([-3.0, 0.0, 3.0])
print(torch.sigmoid(dummy_z), nn.Sigmoid()(dummy_z))
print(torch.tanh(dummy_z), nn.Tanh()(dummy_z))
print(F.relu(dummy_z), nn.ReLU()(dummy_z), dummy_z.clamp(min=0))
print(F.leaky_relu(dummy_z, negative_slope=0.01), nn.LeakyReLU(negative_slope=0.02)(dummy_z))
print(F.prelu(dummy_z, weight=torch.tensor(0.25)), nn.PReLU(init=0.25)(dummy_z))
print(nn.PReLU(init=0.25), nn.LeakyReLU(negative_slope=0.02))

torch.manual_seed(17)
model_relu = nn.Sequential()
model_relu.add_module("flatten", nn.Flatten())
model_relu.add_module("hidden0", nn.Linear(25, 5, bias=False))
model_relu.add_module("activation0", nn.ReLU())
model_relu.add_module("hidden1", nn.Linear(5, 3, bias=False))
model_relu.add_module("activation1", nn.ReLU())
model_relu.add_module("output", nn.Linear(3, 1, bias=False))
model_relu.add_module("sigmoid", nn.Sigmoid())
optimizer_relu = optim.SGD(model_relu.parameters(), lr=lr)
sbs_relu = StepByStep(model_relu, binary_loss_fn, optimizer_relu)
sbs_relu.set_loaders(train_loader, val_loader)
sbs_relu.train(5)
print(model_relu)
check("losses (relu)", [sbs_relu.losses, sbs_relu.val_losses])

# ---------------- chapter 5: convolutions ----------------
single = np.array(
    [
        [
            [
                [5, 0, 8, 7, 8, 1],
                [1, 9, 5, 0, 7, 7],
                [6, 0, 2, 4, 6, 6],
                [9, 7, 6, 6, 8, 4],
                [8, 3, 8, 5, 1, 3],
                [7, 2, 7, 0, 1, 0],
            ]
        ]
    ]
)
identity = np.array([[[[0, 0, 0], [0, 1, 0], [0, 0, 0]]]])
image = torch.as_tensor(single).float()
kernel_identity = torch.as_tensor(identity).float()
convolved = F.conv2d(image, kernel_identity, stride=1)
print(convolved)
torch.manual_seed(42)
conv = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=3, stride=1)
# (rounded: PyTorch's CPU convolution adds the nine products to the bias with fused
# multiply-adds, oneDNN's order; the engine's sum can differ in the last float32 bit, and
# 5.37975 sits on the 4-digit printing boundary)
print(conv(image).round(decimals=3))
conv_multiple = nn.Conv2d(in_channels=1, out_channels=2, kernel_size=3, stride=1)
print(conv_multiple.weight)
with torch.no_grad():
    conv.weight[0] = kernel_identity
    conv.bias[0] = 0
print(conv(image))
print(F.conv2d(image, kernel_identity, stride=2))
constant_padder = nn.ConstantPad2d(padding=1, value=0)
print(constant_padder(image))
print(F.pad(image, pad=(1, 1, 1, 1), mode="constant", value=0))
print(nn.ReplicationPad2d(padding=1)(image))
print(nn.ReflectionPad2d(padding=1)(image))
print(F.pad(image, pad=(1, 1, 1, 1), mode="circular"))
print(constant_padder, nn.ReflectionPad2d(padding=1))
edge = np.array([[[[0, 1, 0], [1, -4, 1], [0, 1, 0]]]])
kernel_edge = torch.as_tensor(edge).float()
padded = F.pad(image, (1, 1, 1, 1), mode="constant", value=0)
conv_padded = F.conv2d(padded, kernel_edge, stride=1)
print(conv_padded)
pooled = F.max_pool2d(conv_padded, kernel_size=2)
print(pooled)
maxpool4 = nn.MaxPool2d(kernel_size=4)
print(maxpool4(conv_padded))
print(F.max_pool2d(conv_padded, kernel_size=3, stride=1))
flattened = nn.Flatten()(pooled)
print(flattened, pooled.view(1, -1))

lenet = nn.Sequential()
lenet.add_module("C1", nn.Conv2d(in_channels=1, out_channels=6, kernel_size=5, padding=2))
lenet.add_module("func1", nn.ReLU())
lenet.add_module("S2", nn.MaxPool2d(kernel_size=2))
lenet.add_module("C3", nn.Conv2d(in_channels=6, out_channels=16, kernel_size=5))
lenet.add_module("func2", nn.ReLU())
lenet.add_module("S4", nn.MaxPool2d(kernel_size=2))
lenet.add_module("C5", nn.Conv2d(in_channels=16, out_channels=120, kernel_size=5))
lenet.add_module("func2", nn.ReLU())
lenet.add_module("flatten", nn.Flatten())
lenet.add_module("F6", nn.Linear(in_features=120, out_features=84))
lenet.add_module("func3", nn.ReLU())
lenet.add_module("OUTPUT", nn.Linear(in_features=84, out_features=10))
print(lenet)
print(lenet(torch.zeros(1, 1, 28, 28)).shape)

logits = torch.tensor([1.3863, 0.0000, -0.6931])
odds_ratios = torch.exp(logits)
print(odds_ratios)
softmaxed = odds_ratios / odds_ratios.sum()
print(softmaxed)
print(nn.Softmax(dim=-1)(logits), F.softmax(logits, dim=-1))
log_probs = F.log_softmax(logits, dim=-1)
print(log_probs)
label = torch.tensor([2])
print(F.nll_loss(log_probs.view(-1, 3), label))
torch.manual_seed(11)
dummy_logits = torch.randn((5, 3))
dummy_labels = torch.tensor([0, 0, 1, 2, 1])
dummy_log_probs = F.log_softmax(dummy_logits, dim=-1)
print(dummy_log_probs)
relevant_log_probs = torch.tensor([-1.5229, -1.7934, -1.0136, -2.0367, -1.9098])
print(-relevant_log_probs.mean())
print(nn.NLLLoss()(dummy_log_probs, dummy_labels))
print(nn.NLLLoss(weight=torch.tensor([1.0, 1.0, 2.0]))(dummy_log_probs, dummy_labels))
print(nn.NLLLoss(ignore_index=2)(dummy_log_probs, dummy_labels))
print(nn.CrossEntropyLoss()(dummy_logits, dummy_labels))
raises("NLLLoss with a float target", lambda: nn.NLLLoss()(dummy_log_probs, dummy_labels.float()))

images, labels = generate_dataset(img_size=10, n_images=300, binary=False, seed=17)
x_tensor = torch.as_tensor(images / 255).float()
y_tensor = torch.as_tensor(labels).long()
train_idx, val_idx = index_splitter(len(x_tensor), [80, 20])
x_train_tensor = x_tensor[train_idx]
y_train_tensor = y_tensor[train_idx]
x_val_tensor = x_tensor[val_idx]
y_val_tensor = y_tensor[val_idx]
train_composer = Compose([Normalize(mean=(0.5,), std=(0.5,))])
val_composer = Compose([Normalize(mean=(0.5,), std=(0.5,))])
train_dataset = TransformedTensorDataset(x_train_tensor, y_train_tensor, transform=train_composer)
val_dataset = TransformedTensorDataset(x_val_tensor, y_val_tensor, transform=val_composer)
sampler = make_balanced_sampler(y_train_tensor)
train_loader = DataLoader(dataset=train_dataset, batch_size=16, sampler=sampler)
val_loader = DataLoader(dataset=val_dataset, batch_size=16)

torch.manual_seed(13)
model_cnn1 = nn.Sequential()
n_channels = 1
model_cnn1.add_module("conv1", nn.Conv2d(in_channels=1, out_channels=n_channels, kernel_size=3))
model_cnn1.add_module("relu1", nn.ReLU())
model_cnn1.add_module("maxp1", nn.MaxPool2d(kernel_size=2))
model_cnn1.add_module("flatten", nn.Flatten())
model_cnn1.add_module("fc1", nn.Linear(in_features=n_channels * 4 * 4, out_features=10))
model_cnn1.add_module("relu2", nn.ReLU())
model_cnn1.add_module("fc2", nn.Linear(in_features=10, out_features=3))
multi_loss_fn = nn.CrossEntropyLoss(reduction="mean")
optimizer_cnn1 = optim.SGD(model_cnn1.parameters(), lr=0.1)
sbs_cnn1 = StepByStep(model_cnn1, multi_loss_fn, optimizer_cnn1)
sbs_cnn1.set_loaders(train_loader, val_loader)
sbs_cnn1.train(5)
check("losses (cnn)", [sbs_cnn1.losses, sbs_cnn1.val_losses])
weights_filter = model_cnn1.conv1.weight.data.cpu().numpy()
print(weights_filter.shape)
check("conv1 filter", model_cnn1.conv1.weight)

# hooks
torch.manual_seed(1)
dummy_model = nn.Linear(1, 1)
dummy_list = []


def dummy_hook(layer, inputs, outputs):
    dummy_list.append((layer, inputs, outputs))


dummy_handle = dummy_model.register_forward_hook(dummy_hook)
print(type(dummy_handle).__name__)
dummy_x = torch.tensor([0.3])
dummy_model.forward(dummy_x)
print(dummy_list)
dummy_model(dummy_x)
print(dummy_list)
dummy_handle.remove()
dummy_model(dummy_x)
print(len(dummy_list))

modules = list(sbs_cnn1.model.named_modules())
print(modules)
layer_names = {layer: name for name, layer in modules[1:]}
print(list(layer_names.values()))
featurizer_layers = ["conv1", "relu1", "maxp1", "flatten"]
classifier_layers = ["fc1", "relu2", "fc2"]
sbs_cnn1.attach_hooks(layers_to_hook=featurizer_layers + classifier_layers)
images_batch, labels_batch = next(iter(val_loader))
logits = sbs_cnn1.predict(images_batch)
sbs_cnn1.remove_hooks()
print(logits.shape, len(sbs_cnn1.handles))
print({k: v.shape for k, v in sbs_cnn1.visualization.items()})
check("hooked fc2 equals predict", bool(np.allclose(sbs_cnn1.visualization["fc2"], logits)))
predicted = np.argmax(logits, 1)
print(predicted, labels_batch)
print(sbs_cnn1.correct(images_batch, labels_batch))
print(StepByStep.loader_apply(sbs_cnn1.val_loader, sbs_cnn1.correct))
