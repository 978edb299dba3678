# Dive into Deep Learning, 3.6 "Softmax Regression from Scratch", 4.2 "MLP from Scratch",
# 4.3 "Concise MLP", 4.6 "Dropout" (zh: https://zh.d2l.ai/chapter_linear-networks/softmax-regression-scratch.html,
# https://zh.d2l.ai/chapter_multilayer-perceptrons/mlp-scratch.html, mlp-concise.html,
# dropout.html). Fashion-MNIST is replaced by 60 generated 4x4 "images" in 3 classes;
# normal(0, 0.01) / randn initial weights by fixed formulas; batches are not shuffled.
nn = torch.nn
data = torch.utils.data


def make_data(n, offset):
    y = (torch.arange(n) + offset) % 3
    i = torch.arange(n * 16, dtype=torch.float32).reshape(n, 1, 4, 4)
    X = torch.sin(i * 0.91 + offset) * 0.3 + y.reshape(n, 1, 1, 1).float() * 0.2
    return X, y


Xtr, ytr = make_data(60, 0)
Xte, yte = make_data(30, 1)
train_iter = data.DataLoader(data.TensorDataset(Xtr, ytr), 20, shuffle=False)
test_iter = data.DataLoader(data.TensorDataset(Xte, yte), 20, shuffle=False)
num_inputs, num_outputs = 16, 3


def fixed(shape, scale, k):
    n = 1
    for s in shape:
        n *= s
    return (
        (torch.cos(torch.arange(n, dtype=torch.float64) * (1.3 + k)) * scale).float().reshape(shape)
    )


W = fixed((num_inputs, num_outputs), 0.01, 0).requires_grad_(True)
b = torch.zeros(num_outputs, requires_grad=True)

X = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print(X.sum(0, keepdim=True), X.sum(1, keepdim=True))


def softmax(X):
    X_exp = torch.exp(X)
    partition = X_exp.sum(1, keepdim=True)
    return X_exp / partition


X = torch.tensor([[0.5, -1.0, 0.2, 1.5, 0.0], [1.0, 0.3, -0.2, 0.7, 2.0]])
X_prob = softmax(X)
check("softmax", X_prob)
check("softmax_rows", X_prob.sum(1))


def net(X):
    return softmax(torch.matmul(X.reshape((-1, W.shape[0])), W) + b)


y = torch.tensor([0, 2])
y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
print(y_hat[[0, 1], y])


def cross_entropy(y_hat, y):
    return -torch.log(y_hat[range(len(y_hat)), y])


print(cross_entropy(y_hat, y))


def accuracy(y_hat, y):
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())


print(accuracy(y_hat, y) / len(y))


class Accumulator:
    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]

    def reset(self):
        self.data = [0.0] * len(self.data)

    def __getitem__(self, idx):
        return self.data[idx]


def evaluate_accuracy(net, data_iter):
    if isinstance(net, torch.nn.Module):
        net.eval()
    metric = Accumulator(2)
    with torch.no_grad():
        for X, y in data_iter:
            metric.add(accuracy(net(X), y), y.numel())
    return metric[0] / metric[1]


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()


def train_epoch_ch3(net, train_iter, loss, updater):
    if isinstance(net, torch.nn.Module):
        net.train()
    metric = Accumulator(3)
    for X, y in train_iter:
        y_hat = net(X)
        l = loss(y_hat, y)
        if isinstance(updater, torch.optim.Optimizer):
            updater.zero_grad()
            l.mean().backward()
            updater.step()
        else:
            l.sum().backward()
            updater(X.shape[0])
        metric.add(float(l.sum()), accuracy(y_hat, y), y.numel())
    return metric[0] / metric[2], metric[1] / metric[2]


def train_ch3(net, train_iter, test_iter, loss, num_epochs, updater, name):
    for epoch in range(num_epochs):
        train_metrics = train_epoch_ch3(net, train_iter, loss, updater)
        test_acc = evaluate_accuracy(net, test_iter)
        check(f"{name}_epoch{epoch}_train_loss", train_metrics[0])
        check(f"{name}_epoch{epoch}_train_acc", train_metrics[1])
        check(f"{name}_epoch{epoch}_test_acc", test_acc)


lr = 0.1


def updater(batch_size):
    return sgd([W, b], lr, batch_size)


print(evaluate_accuracy(net, test_iter))
train_ch3(net, train_iter, test_iter, cross_entropy, 3, updater, "softmax_scratch")
check("softmax_W", W)

# concise softmax regression
net = nn.Sequential(nn.Flatten(), nn.Linear(16, 3))


def init_weights(m):
    if type(m) == nn.Linear:
        nn.init.normal_(m.weight, std=0.01)


net.apply(init_weights)
with torch.no_grad():
    net[1].weight.copy_(fixed((3, 16), 0.01, 1))
    net[1].bias.zero_()
loss = nn.CrossEntropyLoss(reduction="none")
trainer = torch.optim.SGD(net.parameters(), lr=0.1)
train_ch3(net, train_iter, test_iter, loss, 3, trainer, "softmax_concise")

# MLP from scratch
num_hiddens = 8
W1 = nn.Parameter(fixed((num_inputs, num_hiddens), 0.3, 2))
b1 = nn.Parameter(torch.zeros(num_hiddens, requires_grad=True))
W2 = nn.Parameter(fixed((num_hiddens, num_outputs), 0.3, 3))
b2 = nn.Parameter(torch.zeros(num_outputs, requires_grad=True))
params = [W1, b1, W2, b2]


def relu(X):
    a = torch.zeros_like(X)
    return torch.max(X, a)


print(relu(torch.tensor([[-1.0, 0.5], [2.0, -0.1]])))


def net(X):
    X = X.reshape((-1, num_inputs))
    H = relu(X @ W1 + b1)
    return H @ W2 + b2


loss = nn.CrossEntropyLoss(reduction="none")
updater = torch.optim.SGD(params, lr=0.5)
train_ch3(net, train_iter, test_iter, loss, 3, updater, "mlp_scratch")
check("mlp_W2", W2)

# concise MLP with dropout (evaluated in eval mode: dropout off)
dropout1, dropout2 = 0.2, 0.5
net = nn.Sequential(
    nn.Flatten(),
    nn.Linear(16, 8),
    nn.ReLU(),
    nn.Dropout(dropout1),
    nn.Linear(8, 8),
    nn.ReLU(),
    nn.Dropout(dropout2),
    nn.Linear(8, 3),
)
print(net)
with torch.no_grad():
    for k, p in enumerate(net.parameters()):
        p.copy_(fixed(tuple(p.shape), 0.3, k + 4))
net.eval()
check("dropout_net_eval", net(Xte[:4]))
net.train()
out = net(Xte[:4])
check("dropout_net_train_shape", out.shape)


def dropout_layer(X, dropout):
    assert 0 <= dropout <= 1
    if dropout == 1:
        return torch.zeros_like(X)
    if dropout == 0:
        return X
    mask = (torch.rand(X.shape) > dropout).float()
    return mask * X / (1.0 - dropout)


X = torch.arange(16, dtype=torch.float32).reshape((2, 8))
print(X)
print(dropout_layer(X, 0.0))
print(dropout_layer(X, 1.0))
half = dropout_layer(X, 0.5)
check("dropout_half_values_ok", bool(((half == 0) | (half == 2 * X)).all()))
