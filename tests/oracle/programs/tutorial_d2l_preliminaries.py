# Dive into Deep Learning (English edition, PyTorch; Chinese https://zh.d2l.ai): 2.1 "Data
# Manipulation" (https://d2l.ai/chapter_preliminaries/ndarray.html), 2.3 "Linear Algebra"
# (https://d2l.ai/chapter_preliminaries/linear-algebra.html), 2.4 "Calculus" (the numerical
# limit), 3.7 "Weight Decay" (l2_penalty from scratch, per-parameter-group weight_decay),
# 5.4 "Numerical Stability and Initialization" (the sigmoid's gradient), 6.3 "Parameter
# Initialization" and 6.4 "Lazy Initialization". Every notebook cell's displayed value is
# printed (its repr); torch.randn / rand / normal values are replaced by fixed formulas.
import numpy as np

# --- 2.1
x = torch.arange(12, dtype=torch.float32)
print(x)
print(x.numel())
print(x.shape)
X = x.reshape(3, 4)
print(X)
print(torch.zeros((2, 3, 4)))
print(torch.ones((2, 3, 4)))
print(torch.randn(3, 4).shape)
print(torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]]))
print((X[-1], X[1:3]))
X[1, 2] = 17
print(X)
X[:2, :] = 12
print(X)
print(torch.exp(x))
x = torch.tensor([1.0, 2, 4, 8])
y = torch.tensor([2, 2, 2, 2])
print((x + y, x - y, x * y, x / y, x**y))
X = torch.arange(12, dtype=torch.float32).reshape((3, 4))
Y = torch.tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
print((torch.cat((X, Y), dim=0), torch.cat((X, Y), dim=1)))
print(X == Y)
print(X.sum())
a = torch.arange(3).reshape((3, 1))
b = torch.arange(2).reshape((1, 2))
print((a, b))
print(a + b)
before = id(Y)
Y = Y + X
print(id(Y) == before)
Z = torch.zeros_like(Y)
z0 = id(Z)
Z[:] = X + Y
print("id(Z) unchanged:", id(Z) == z0)
before = id(X)
X += Y
print(id(X) == before)
A = X.numpy()
B = torch.from_numpy(A)
print((type(A).__name__, type(B).__name__))  # (the book shows the classes)
a = torch.tensor([3.5])
print((a, a.item(), float(a), int(a)))

# --- 2.3
x = torch.tensor(3.0)
y = torch.tensor(2.0)
print((x + y, x * y, x / y, x**y))
x = torch.arange(3)
print(x)
print(x[2])
print(len(x))
print(x.shape)
A = torch.arange(6).reshape(3, 2)
print(A)
print(A.T)
A = torch.tensor([[1, 2, 3], [2, 0, 4], [3, 4, 5]])
print(A == A.T)
print(torch.arange(24).reshape(2, 3, 4))
A = torch.arange(6, dtype=torch.float32).reshape(2, 3)
B = A.clone()
print((A, A + B))
print(A * B)
a = 2
X = torch.arange(24).reshape(2, 3, 4)
print((a + X, (a * X).shape))
x = torch.arange(3, dtype=torch.float32)
print((x, x.sum()))
print((A.shape, A.sum()))
print((A.shape, A.sum(axis=0).shape))
print((A.shape, A.sum(axis=1).shape))
print(A.sum(axis=[0, 1]) == A.sum())
print((A.mean(), A.sum() / A.numel()))
print((A.mean(axis=0), A.sum(axis=0) / A.shape[0]))
sum_A = A.sum(axis=1, keepdims=True)
print((sum_A, sum_A.shape))
print(A / sum_A)
print(A.cumsum(axis=0))
print(torch.cumsum(A, axis=1))
raises("cumsum_no_dim", lambda: A.cumsum())
raises("cumsum_dim_and_axis", lambda: A.cumsum(0, axis=1))
y = torch.ones(3, dtype=torch.float32)
print((x, y, torch.dot(x, y)))
print(torch.sum(x * y))
print((A.shape, x.shape, torch.mv(A, x), A @ x))
B = torch.ones(3, 4)
print((torch.mm(A, B), A @ B))
u = torch.tensor([3.0, -4.0])
print(torch.norm(u))
print(torch.abs(u).sum())
print(torch.norm(torch.ones((4, 9))))


# --- 2.4
def f(x):
    return 3 * x**2 - 4 * x


for h in 10.0 ** np.arange(-1, -6, -1):
    print(f"h={h:.5f}, numerical limit={(f(1 + h) - f(1)) / h:.5f}")
xt = torch.arange(0, 3, 0.1)
check("calculus_tangent", [f(xt), 2 * xt - 3])


# --- 3.7 weight decay
def l2_penalty(w):
    return (w**2).sum() / 2


n, num_inputs = 30, 20
Xd = torch.sin(torch.arange(n * num_inputs, dtype=torch.float64) * 0.7).float().view(n, num_inputs)
w_true, b_true = torch.ones((num_inputs, 1)) * 0.01, 0.05
yd = (
    torch.matmul(Xd, w_true)
    + b_true
    + torch.cos(torch.arange(n, dtype=torch.float64)).float().view(n, 1) * 0.01
)
train_iter = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(Xd[:20], yd[:20]), batch_size=5
)


def train_scratch(lambd, lr=0.01, epochs=10):
    w = (torch.cos(torch.arange(num_inputs, dtype=torch.float64) * 1.1).float() * 0.01).view(
        num_inputs, 1
    )
    w.requires_grad_(True)
    b = torch.zeros(1, requires_grad=True)
    for _ in range(epochs):
        for X, y in train_iter:
            l = ((torch.matmul(X, w) + b - y) ** 2 / 2).mean() + lambd * l2_penalty(w)
            l.backward()
            with torch.no_grad():
                for p in (w, b):
                    p -= lr * p.grad
                    p.grad.zero_()
    print("L2 norm of w:", f"{float(l2_penalty(w)):.5e}")  # (float32 after 40 steps)
    return w


check("wd_scratch_0", train_scratch(0))
check("wd_scratch_3", train_scratch(3))
net = nn.Linear(num_inputs, 1)
with torch.no_grad():
    net.weight.copy_(torch.linspace(-0.01, 0.01, num_inputs).view(1, -1))
    net.bias.zero_()
trainer = torch.optim.SGD(
    [{"params": net.weight, "weight_decay": 3}, {"params": net.bias}], lr=0.01
)
print(trainer)
for _ in range(10):
    for X, y in train_iter:
        trainer.zero_grad()
        nn.MSELoss()(net(X), y).backward()
        trainer.step()
print("L2 norm of w:", f"{float(l2_penalty(net.weight)):.5e}")
check("wd_concise", [net.weight, net.bias, trainer.state_dict()["param_groups"]])

# --- 5.4 numerical stability
x = torch.arange(-8.0, 8.0, 0.1, requires_grad=True)
y = torch.sigmoid(x)
y.backward(torch.ones_like(x))
check("sigmoid_grad", [x.grad[::10], y[::10]])
print(x.detach().numpy().shape, y.detach().numpy().dtype, x.grad.numpy()[:2])

# --- 6.3 / 6.4 parameter initialisation (Lazy layers)
net = nn.Sequential(nn.LazyLinear(8), nn.ReLU(), nn.LazyLinear(1))
print(net[0].weight)
X = torch.linspace(0, 1, 8).view(2, 4)
print(net(X).shape)
print(net[0].weight.shape)


def init_normal(module):
    if type(module) == nn.Linear:
        nn.init.normal_(module.weight, mean=0, std=0.01)
        nn.init.zeros_(module.bias)


net.apply(init_normal)
print(net[0].weight.data[0].shape, net[0].bias.data[0])


def init_constant(module):
    if type(module) == nn.Linear:
        nn.init.constant_(module.weight, 1)
        nn.init.zeros_(module.bias)


net.apply(init_constant)
print((net[0].weight.data[0], net[0].bias.data[0]))


def init_42(module):
    if type(module) == nn.Linear:
        nn.init.constant_(module.weight, 42)


net[2].apply(init_42)
print(net[2].weight.data)


def my_init(module):
    if type(module) == nn.Linear:
        print("Init", *[(name, param.shape) for name, param in module.named_parameters()][0])
        nn.init.uniform_(module.weight, -10, 10)
        with torch.no_grad():
            module.weight.copy_(
                torch.linspace(-10, 10, module.weight.numel()).view(module.weight.shape)
            )
        module.weight.data *= module.weight.data.abs() >= 5


net.apply(my_init)
print(net[0].weight[:2])
net[0].weight.data[:] += 1
net[0].weight.data[0, 0] = 42
print(net[0].weight.data[0])
print(net)
