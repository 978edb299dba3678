# Seed 003: .data/.grad are tensors; per-sample SGD for y = w*x; quadratic model
a = torch.tensor([1.0])
a.requires_grad = True
print(a)
print(a.data)
print(a.type())
print(a.data.type())
print(a.grad)
print(type(a.grad))
check("a", a)
check("a.type", a.type())

x_data = [1.0, 2.0, 3.0]
y_data = [2.0, 4.0, 6.0]
w = torch.tensor([1.0])
w.requires_grad = True


def forward(x):
    return x * w


def loss(x, y):
    y_pred = forward(x)
    return (y_pred - y) ** 2


check("predict.before", forward(4).item())
check("forward4", forward(4))
check("loss.graph", graph(loss(1.0, 2.0)))
for epoch in range(100):
    for x, y in zip(x_data, y_data, strict=True):
        l = loss(x, y)
        l.backward()
        if epoch < 5 or epoch == 99:
            check(f"e{epoch}.x{x}.grad", w.grad.item())
        w.data = w.data - 0.01 * w.grad.data
        w.grad.data.zero_()
    check(f"progress.{epoch}", l.item())
check("predict.after", forward(4).item())
check("w.final", w)
check("w.grad.final", w.grad)

w1 = torch.Tensor([1.0])
w1.requires_grad = True
w2 = torch.Tensor([1.0])
w2.requires_grad = True
b = torch.Tensor([1.0])
b.requires_grad = True


def forward2(x):
    return w1 * x**2 + w2 * x + b


def loss2(x, y):
    y_pred = forward2(x)
    return (y_pred - y) ** 2


print("Predict (before training)", 4, forward2(4))
check("q.predict.before", forward2(4))
check("q.graph", graph(loss2(2.0, 4.0)))
for epoch in range(100):
    l = loss2(1, 2)
    for x, y in zip(x_data, y_data, strict=True):
        l = loss2(x, y)
        l.backward()
        if epoch < 3 or epoch == 99:
            check(f"q.e{epoch}.x{x}.grads", [w1.grad.item(), w2.grad.item(), b.grad.item()])
        w1.data = w1.data - 0.01 * w1.grad.data
        w2.data = w2.data - 0.01 * w2.grad.data
        b.data = b.data - 0.01 * b.grad.data
        w1.grad.data.zero_()
        w2.grad.data.zero_()
        b.grad.data.zero_()
    check(f"q.epoch.{epoch}", l.item())
check("q.predict.after", forward2(4).item())
check("q.params", (w1, w2, b))
