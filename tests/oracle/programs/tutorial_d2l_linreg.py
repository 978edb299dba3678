# Dive into Deep Learning, 3.2 "Linear Regression Implementation from Scratch" and 3.3
# "Concise Implementation" (zh: https://zh.d2l.ai/chapter_linear-networks/linear-regression-scratch.html,
# https://zh.d2l.ai/chapter_linear-networks/linear-regression-concise.html): synthetic_data,
# data_iter (Python's random.shuffle, seeded), linreg, squared_loss, sgd; then
# TensorDataset/DataLoader, nn.Sequential(nn.Linear(2, 1)), MSELoss, optim.SGD. The normal
# noise of synthetic_data is a fixed formula; DataLoader does not shuffle (PyTorch's
# generator is not ours); w starts at fixed small values instead of normal(0, 0.01).
import random

nn = torch.nn
data = torch.utils.data


def synthetic_data(w, b, num_examples):
    """Generate y = Xw + b + noise (noise: a fixed formula here)."""
    i = torch.arange(num_examples * len(w), dtype=torch.float32).reshape((num_examples, len(w)))
    X = torch.sin(i * 1.7) * 1.5
    y = torch.matmul(X, w) + b
    y += torch.cos(torch.arange(num_examples, dtype=torch.float32) * 2.3) * 0.01
    return X, y.reshape((-1, 1))


true_w = torch.tensor([2, -3.4])
true_b = 4.2
features, labels = synthetic_data(true_w, true_b, 200)
print("features:", features[0], "\nlabel:", labels[0])
check("features_shape", features.shape)


def data_iter(batch_size, features, labels):
    num_examples = len(features)
    indices = list(range(num_examples))
    random.shuffle(indices)
    for i in range(0, num_examples, batch_size):
        batch_indices = torch.tensor(indices[i : min(i + batch_size, num_examples)])
        yield features[batch_indices], labels[batch_indices]


random.seed(7)
batch_size = 10
for X, y in data_iter(batch_size, features, labels):
    print(X.shape, y.shape)
    check("first_batch_X", X)
    break

w = torch.tensor([[0.01], [-0.005]], requires_grad=True)
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


lr = 0.03
num_epochs = 3
net = linreg
loss = squared_loss
for epoch in range(num_epochs):
    for X, y in data_iter(batch_size, features, labels):
        l = loss(net(X, w, b), y)
        l.sum().backward()
        sgd([w, b], lr, batch_size)
    with torch.no_grad():
        train_l = loss(net(features, w, b), labels)
        check(f"scratch_epoch_{epoch + 1}", float(train_l.mean()))
        print(f"epoch {epoch + 1}, loss {float(train_l.mean()):.4f}")
check("scratch_w_error", true_w - w.reshape(true_w.shape))
check("scratch_b_error", true_b - b)


def load_array(data_arrays, batch_size, is_train=True):
    dataset = data.TensorDataset(*data_arrays)
    return data.DataLoader(dataset, batch_size, shuffle=is_train)


data_iter2 = load_array((features, labels), batch_size, is_train=False)
check("next_iter", next(iter(data_iter2)))

net = nn.Sequential(nn.Linear(2, 1))
net[0].weight.data = torch.tensor([[0.01, -0.005]])
net[0].bias.data.fill_(0)
loss = nn.MSELoss()
trainer = torch.optim.SGD(net.parameters(), lr=0.03)
for epoch in range(num_epochs):
    for X, y in data_iter2:
        l = loss(net(X), y)
        trainer.zero_grad()
        l.backward()
        trainer.step()
    l = loss(net(features), labels)
    check(f"concise_epoch_{epoch + 1}", l)
    print(f"epoch {epoch + 1}, loss {l:.4f}")
w = net[0].weight.data
check("concise_w_error", true_w - w.reshape(true_w.shape))
b = net[0].bias.data
check("concise_b_error", true_b - b)
check("weight_grad", net[0].weight.grad)
