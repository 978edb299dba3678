# Dive into Deep Learning (d2l.ai, PyTorch edition), chapters "Automatic Differentiation",
# "Linear Regression Implementation from Scratch" and "Softmax Regression Implementation
# from Scratch", as written (torch.normal with int arguments, range / list indexing,
# argmax(axis=1), .type(dtype), in-place parameter updates).  Random draws only feed
# shapes and dtypes; compared values come from deterministic data.
import random

x = torch.arange(4.0)
print(x)
x.requires_grad_(True)
print(x.grad)
y = 2 * torch.dot(x, x)
print(y)
y.backward()
print(x.grad)
print(x.grad == 4 * x)
x.grad.zero_()
y = x.sum()
y.backward()
print(x.grad)
x.grad.zero_()
y = x * x
y.sum().backward()
print(x.grad)
x.grad.zero_()
y = x * x
u = y.detach()
z = u * x
z.sum().backward()
print(x.grad == u)


def f(a):
    b = a * 2
    while b.norm() < 1000:
        b = b * 2
    c = b if b.sum() > 0 else 100 * b
    return c


a = torch.tensor(0.3, requires_grad=True)
d = f(a)
d.backward()
print(a.grad == d / a)


def synthetic_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))


true_w = torch.tensor([2, -3.4])
true_b = 4.2
features, labels = synthetic_data(true_w, true_b, 100)
check("synthetic.shapes", (features.shape, labels.shape, features.dtype))
# deterministic data for the values compared below
features = torch.stack([torch.linspace(-1, 1, 100), torch.linspace(1, -1, 100) ** 3], 1)
labels = (torch.matmul(features, true_w) + true_b).reshape((-1, 1))


def data_iter(batch_size, features, labels):
    num_examples = len(features)
    indices = list(range(num_examples))
    random.Random(0).shuffle(indices)
    for i in range(0, num_examples, batch_size):
        batch_indices = torch.tensor(indices[i : min(i + batch_size, num_examples)])
        yield features[batch_indices], labels[batch_indices]


w = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)
check("w.init", (w.shape, w.dtype, w.requires_grad, w.is_leaf))
w = torch.zeros((2, 1), requires_grad=True)
b = torch.zeros(1, requires_grad=True)


def linreg(X, w, b):
    return torch.matmul(X, w) + b


def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()


lr, num_epochs, batch_size = 0.03, 3, 10
for epoch in range(num_epochs):
    for X, y in data_iter(batch_size, features, labels):
        l = squared_loss(linreg(X, w, b), y)
        l.sum().backward()
        sgd([w, b], lr, batch_size)
    with torch.no_grad():
        train_l = squared_loss(linreg(features, w, b), labels)
        print(f"epoch {epoch + 1}, loss {float(train_l.mean()):f}")
check("w", w)
check("b", b)
print(f"error in estimating w: {true_w - w.reshape(true_w.shape)}")
print(f"error in estimating b: {true_b - b}")

X = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print(X.sum(0, keepdim=True), X.sum(1, keepdim=True))


def softmax(X):
    X_exp = torch.exp(X)
    partition = X_exp.sum(1, keepdim=True)
    return X_exp / partition


X = torch.normal(0, 1, (2, 5))
X_prob = softmax(X)
check("softmax.rand", (X_prob.shape, bool(torch.allclose(X_prob.sum(1), torch.ones(2)))))
X = (torch.arange(10.0).reshape(2, 5) * 0.7).cos()
X_prob = softmax(X)
print(X_prob, X_prob.sum(1))

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
W = torch.normal(0, 0.01, size=(4, 3), requires_grad=True)
b = torch.zeros(3, requires_grad=True)
W = ((torch.arange(12.0).reshape(4, 3) * 0.3).sin() * 0.01).requires_grad_()
Xs = (torch.arange(24.0).reshape(6, 4) * 0.45).cos()
ys = torch.tensor([0, 1, 2, 2, 1, 0])
for _ in range(3):
    y_hat = softmax(torch.matmul(Xs.reshape((-1, W.shape[0])), W) + b)
    l = cross_entropy(y_hat, ys)
    l.mean().backward()
    with torch.no_grad():
        for p in (W, b):
            p -= 0.5 * p.grad
            p.grad.zero_()
    print(f"loss {l.mean().item():.5f} acc {accuracy(y_hat, ys) / len(ys):.3f}")
check("W", W)
check("b.soft", b)

net = nn.Sequential(nn.Flatten(), nn.Linear(4, 3))


def init_weights(m):
    if type(m) == nn.Linear:
        nn.init.normal_(m.weight, std=0.01)


net.apply(init_weights)
check("net.init", (net[1].weight.shape, net[1].weight.requires_grad))
with torch.no_grad():
    net[1].weight.copy_(W.detach().t())
    net[1].bias.zero_()
loss = nn.CrossEntropyLoss(reduction="none")
trainer = torch.optim.SGD(net.parameters(), lr=0.1)
for _ in range(3):
    l = loss(net(Xs), ys)
    trainer.zero_grad()
    l.mean().backward()
    trainer.step()
print(f"{l.mean().item():.5f}", isinstance(net, torch.nn.Module))
check("net.weight", net[1].weight)
