# Dive into Deep Learning, chapter 12 "Optimization Algorithms" (PyTorch edition; English
# https://d2l.ai/chapter_optimization/index.html, Chinese https://zh.d2l.ai/chapter_optimization/index.html):
# 12.3 gradient descent (gd with floats and with tensor c, Newton's method, train_2d),
# 12.5 minibatch SGD (get_data_ch11, train_ch11 with hand-written sgd, train_concise_ch11),
# 12.6 momentum, 12.7 Adagrad, 12.8 RMSProp, 12.9 Adadelta, 12.10 Adam and Yogi: each from
# scratch with in-place updates through p[:] -= ... under no_grad, and concise with
# torch.optim; 12.11 learning-rate scheduling (param_groups, SquareRoot/Factor/Cosine
# schedulers, lr_scheduler.MultiStepLR and get_last_lr, the LeNet-style net_fn trained with
# a scheduler). The airfoil data and Fashion-MNIST are generated; torch.normal initial
# weights are fixed formulas; the loaders do not shuffle; timings and plots are left out.
import math

import numpy as np

data = torch.utils.data
lr_scheduler = torch.optim.lr_scheduler


# --- d2l helpers (d2l/torch.py, as saved by the book)
class Accumulator:
    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]

    def reset(self):
        self.data = [0.0] * len(self.data)

    def __getitem__(self, idx):
        return self.data[idx]


def load_array(data_arrays, batch_size, is_train=True):
    dataset = data.TensorDataset(*data_arrays)
    return data.DataLoader(dataset, batch_size, shuffle=False)


def linreg(X, w, b):
    return torch.matmul(X, w) + b


def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2


def evaluate_loss(net, data_iter, loss):
    metric = Accumulator(2)
    for X, y in data_iter:
        out = net(X)
        y = y.reshape(out.shape)
        l = loss(out, y)
        metric.add(l.sum(), l.numel())
    return metric[0] / metric[1]


def accuracy(y_hat, y):
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())


def evaluate_accuracy_gpu(net, data_iter, device=None):
    if isinstance(net, nn.Module):
        net.eval()
        if not device:
            device = next(iter(net.parameters())).device
    metric = Accumulator(2)
    with torch.no_grad():
        for X, y in data_iter:
            X = X.to(device)
            y = y.to(device)
            metric.add(accuracy(net(X), y), y.numel())
    return metric[0] / metric[1]


# --- 12.3 gradient descent
def f(x):
    return x**2


def f_grad(x):
    return 2 * x


def gd(eta, f_grad):
    x = 10.0
    results = [x]
    for i in range(10):
        x -= eta * f_grad(x)
        results.append(float(x))
    print(f"epoch 10, x: {x:.5f}")
    return results


results = gd(0.2, f_grad)
check("gd_results", results)
check("gd_005", gd(0.05, f_grad))
check("gd_11", gd(1.1, f_grad))
n = max(abs(min(results)), abs(max(results)))
f_line = torch.arange(-n, n, 0.01)
check("f_line", (f_line.shape, f_line[:3], f_line[-2:]))

c = torch.tensor(0.15 * np.pi)


def f(x):  # noqa: F811  (the book redefines f)
    return x * torch.cos(c * x)


def f_grad(x):
    return torch.cos(c * x) - c * x * torch.sin(c * x)


res = gd(2, f_grad)
check("gd_nonconvex", res)
n = max(abs(min(res)), abs(max(res)))
f_line = torch.arange(-n, n, 0.01)
check("f_line_nonconvex", (f_line.shape, f_line[-3:], [f(x) for x in res[:3]]))


def train_2d(trainer, steps=20, f_grad=None):
    x1, x2, s1, s2 = -5, -2, 0, 0
    results = [(x1, x2)]
    for i in range(steps):
        if f_grad:
            x1, x2, s1, s2 = trainer(x1, x2, s1, s2, f_grad)
        else:
            x1, x2, s1, s2 = trainer(x1, x2, s1, s2)
        results.append((x1, x2))
    print(f"epoch {i + 1}, x1: {float(x1):f}, x2: {float(x2):f}")
    return results


def show_trace_2d(f, results):
    x1, x2 = torch.meshgrid(
        torch.arange(-5.5, 1.0, 0.1), torch.arange(-3.0, 1.0, 0.1), indexing="ij"
    )
    z = f(x1, x2)
    print(x1.shape, x2.shape, z.shape, z.dtype)
    return z


def f_2d(x1, x2):
    return x1**2 + 2 * x2**2


def f_2d_grad(x1, x2):
    return (2 * x1, 4 * x2)


def gd_2d(x1, x2, s1, s2, f_grad):
    g1, g2 = f_grad(x1, x2)
    return (x1 - eta * g1, x2 - eta * g2, 0, 0)


eta = 0.1
check("trace_2d", show_trace_2d(f_2d, train_2d(gd_2d, f_grad=f_2d_grad)))

c = torch.tensor(0.5)


def f(x):
    return torch.cosh(c * x)


def f_grad(x):
    return c * torch.sinh(c * x)


def f_hess(x):
    return c**2 * torch.cosh(c * x)


def newton(eta=1):
    x = 10.0
    results = [x]
    for i in range(10):
        x -= eta * f_grad(x) / f_hess(x)
        results.append(float(x))
    print("epoch 10, x:", x)
    return results


check("newton_convex", newton())
c = torch.tensor(0.15 * np.pi)


def f(x):
    return x * torch.cos(c * x)


def f_grad(x):
    return torch.cos(c * x) - c * x * torch.sin(c * x)


def f_hess(x):  # noqa: F811
    return -2 * c * torch.sin(c * x) - x * c**2 * torch.cos(c * x)


check("newton_nonconvex", newton())
check("newton_half", newton(0.5))

# momentum / adagrad / rmsprop in two dimensions (12.6-12.8)


def f_2d(x1, x2):
    return 0.1 * x1**2 + 2 * x2**2


def gd_2d(x1, x2, s1, s2):
    return (x1 - eta * 0.2 * x1, x2 - eta * 4 * x2, 0, 0)


def momentum_2d(x1, x2, v1, v2):
    v1 = beta * v1 + 0.2 * x1
    v2 = beta * v2 + 4 * x2
    return x1 - eta * v1, x2 - eta * v2, v1, v2


def adagrad_2d(x1, x2, s1, s2):
    eps = 1e-6
    g1, g2 = 0.2 * x1, 4 * x2
    s1 += g1**2
    s2 += g2**2
    x1 -= eta / math.sqrt(s1 + eps) * g1
    x2 -= eta / math.sqrt(s2 + eps) * g2
    return x1, x2, s1, s2


def rmsprop_2d(x1, x2, s1, s2):
    g1, g2, eps = 0.2 * x1, 4 * x2, 1e-6
    s1 = gamma * s1 + (1 - gamma) * g1**2
    s2 = gamma * s2 + (1 - gamma) * g2**2
    x1 -= eta / math.sqrt(s1 + eps) * g1
    x2 -= eta / math.sqrt(s2 + eps) * g2
    return x1, x2, s1, s2


eta = 0.4
check("trace_gd", train_2d(gd_2d)[-1])
eta, beta = 0.6, 0.5
check("trace_momentum", train_2d(momentum_2d)[-1])
eta = 2
check("trace_adagrad", train_2d(adagrad_2d)[-1])
eta, gamma = 0.4, 0.9
check("trace_rmsprop", train_2d(rmsprop_2d)[-1])
betas = [0.95, 0.9, 0.6, 0]
for beta in betas:
    x = torch.arange(40).numpy()
    check(f"beta_pow_{beta}", float((beta**x).sum()))
x = torch.arange(40).detach().numpy()
print(type(x).__name__, x.dtype, ((1 - 0.9) * 0.9**x)[:3])


# --- 12.5 minibatch SGD on generated "airfoil" data
def get_data_ch11(batch_size=10, n=120):
    i = np.arange(n * 6, dtype=np.float64).reshape(n, 6)
    raw = (np.sin(i * 0.37) * 3 + np.cos(i * 1.3)).astype(np.float32)
    raw[:, -1] = raw[:, :-1] @ np.array([0.5, -1.0, 0.25, 2.0, -0.3], dtype=np.float32)
    data_ = torch.from_numpy((raw - raw.mean(axis=0)) / raw.std(axis=0))
    data_iter = load_array((data_[:n, :-1], data_[:n, -1]), batch_size, is_train=True)
    return data_iter, data_.shape[1] - 1


def sgd(params, states, hyperparams):
    for p in params:
        p.data.sub_(hyperparams["lr"] * p.grad)
        p.grad.data.zero_()


def train_ch11(trainer_fn, states, hyperparams, data_iter, feature_dim, num_epochs=2):
    w = (torch.arange(feature_dim, dtype=torch.float32).reshape(feature_dim, 1) - 2) * 0.01
    w.requires_grad_(True)
    b = torch.zeros((1), requires_grad=True)
    net, loss = lambda X: linreg(X, w, b), squared_loss
    n, Y = 0, []
    for _ in range(num_epochs):
        for X, y in data_iter:
            l = loss(net(X), y).mean()
            l.backward()
            trainer_fn([w, b], states, hyperparams)
            n += X.shape[0]
            if n % 40 == 0:
                Y.append(evaluate_loss(net, data_iter, loss))
    print(f"loss: {Y[-1]:.3f}")
    return w, b, Y


def train_sgd(lr, batch_size, num_epochs=2):
    data_iter, feature_dim = get_data_ch11(batch_size)
    return train_ch11(sgd, None, {"lr": lr}, data_iter, feature_dim, num_epochs)


data_iter, feature_dim = get_data_ch11(10)
X0, y0 = next(iter(data_iter))
print(feature_dim, len(data_iter), X0.shape, y0.shape, X0.dtype)
check("airfoil_X0", X0)
check("gd_res", train_sgd(0.3, 120, 10))
check("sgd_res", train_sgd(0.005, 1, 1))
check("mini1_res", train_sgd(0.4, 40))
check("mini2_res", train_sgd(0.05, 10))


def train_concise_ch11(trainer_fn, hyperparams, data_iter, num_epochs=2):
    net = nn.Sequential(nn.Linear(5, 1))

    def init_weights(module):
        if type(module) == nn.Linear:
            torch.nn.init.normal_(module.weight, std=0.01)

    net.apply(init_weights)
    with torch.no_grad():
        net[0].weight.copy_(torch.linspace(-0.02, 0.02, 5).reshape(1, 5))
        net[0].bias.fill_(0.01)
    optimizer = trainer_fn(net.parameters(), **hyperparams)
    loss = nn.MSELoss(reduction="none")
    n, Y = 0, []
    for _ in range(num_epochs):
        for X, y in data_iter:
            optimizer.zero_grad()
            out = net(X)
            y = y.reshape(out.shape)
            l = loss(out, y)
            l.mean().backward()
            optimizer.step()
            n += X.shape[0]
            if n % 40 == 0:
                Y.append(evaluate_loss(net, data_iter, loss) / 2)
    print(f"loss: {Y[-1]:.3f}")
    print(type(optimizer).__name__, optimizer.state_dict()["param_groups"])
    check(f"concise_state_{type(optimizer).__name__}", optimizer.state_dict()["state"])
    return list(net.parameters()), Y


check("concise_sgd", train_concise_ch11(torch.optim.SGD, {"lr": 0.01}, data_iter))


# --- 12.6 momentum
def init_momentum_states(feature_dim):
    v_w = torch.zeros((feature_dim, 1))
    v_b = torch.zeros(1)
    return (v_w, v_b)


def sgd_momentum(params, states, hyperparams):
    for p, v in zip(params, states):
        with torch.no_grad():
            v[:] = hyperparams["momentum"] * v + p.grad
            p[:] -= hyperparams["lr"] * v
        p.grad.data.zero_()


def train_momentum(lr, momentum, num_epochs=2):
    return train_ch11(
        sgd_momentum,
        init_momentum_states(feature_dim),
        {"lr": lr, "momentum": momentum},
        data_iter,
        feature_dim,
        num_epochs,
    )


check("momentum_05", train_momentum(0.02, 0.5))
check("momentum_09", train_momentum(0.01, 0.9))
check(
    "concise_momentum",
    train_concise_ch11(torch.optim.SGD, {"lr": 0.005, "momentum": 0.9}, data_iter),
)


# --- 12.7 Adagrad
def init_adagrad_states(feature_dim):
    s_w = torch.zeros((feature_dim, 1))
    s_b = torch.zeros(1)
    return (s_w, s_b)


def adagrad(params, states, hyperparams):
    eps = 1e-6
    for p, s in zip(params, states):
        with torch.no_grad():
            s[:] += torch.square(p.grad)
            p[:] -= hyperparams["lr"] * p.grad / torch.sqrt(s + eps)
        p.grad.data.zero_()


check(
    "adagrad",
    train_ch11(adagrad, init_adagrad_states(feature_dim), {"lr": 0.1}, data_iter, feature_dim),
)
check("concise_adagrad", train_concise_ch11(torch.optim.Adagrad, {"lr": 0.1}, data_iter))


# --- 12.8 RMSProp
def init_rmsprop_states(feature_dim):
    s_w = torch.zeros((feature_dim, 1))
    s_b = torch.zeros(1)
    return (s_w, s_b)


def rmsprop(params, states, hyperparams):
    gamma, eps = hyperparams["gamma"], 1e-6
    for p, s in zip(params, states):
        with torch.no_grad():
            s[:] = gamma * s + (1 - gamma) * torch.square(p.grad)
            p[:] -= hyperparams["lr"] * p.grad / torch.sqrt(s + eps)
        p.grad.data.zero_()


check(
    "rmsprop",
    train_ch11(
        rmsprop,
        init_rmsprop_states(feature_dim),
        {"lr": 0.01, "gamma": 0.9},
        data_iter,
        feature_dim,
    ),
)
check(
    "concise_rmsprop",
    train_concise_ch11(torch.optim.RMSprop, {"lr": 0.01, "alpha": 0.9}, data_iter),
)


# --- 12.9 Adadelta
def init_adadelta_states(feature_dim):
    s_w, s_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    delta_w, delta_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    return ((s_w, delta_w), (s_b, delta_b))


def adadelta(params, states, hyperparams):
    rho, eps = hyperparams["rho"], 1e-5
    for p, (s, delta) in zip(params, states):
        with torch.no_grad():
            s[:] = rho * s + (1 - rho) * torch.square(p.grad)
            g = (torch.sqrt(delta + eps) / torch.sqrt(s + eps)) * p.grad
            p[:] -= g
            delta[:] = rho * delta + (1 - rho) * g * g
        p.grad.data.zero_()


check(
    "adadelta",
    train_ch11(adadelta, init_adadelta_states(feature_dim), {"rho": 0.9}, data_iter, feature_dim),
)
check("concise_adadelta", train_concise_ch11(torch.optim.Adadelta, {"rho": 0.9}, data_iter))


# --- 12.10 Adam and Yogi
def init_adam_states(feature_dim):
    v_w, v_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    s_w, s_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    return ((v_w, s_w), (v_b, s_b))


def adam(params, states, hyperparams):
    beta1, beta2, eps = 0.9, 0.999, 1e-6
    for p, (v, s) in zip(params, states):
        with torch.no_grad():
            v[:] = beta1 * v + (1 - beta1) * p.grad
            s[:] = beta2 * s + (1 - beta2) * torch.square(p.grad)
            v_bias_corr = v / (1 - beta1 ** hyperparams["t"])
            s_bias_corr = s / (1 - beta2 ** hyperparams["t"])
            p[:] -= hyperparams["lr"] * v_bias_corr / (torch.sqrt(s_bias_corr) + eps)
        p.grad.data.zero_()
    hyperparams["t"] += 1


hp = {"lr": 0.01, "t": 1}
check("adam", train_ch11(adam, init_adam_states(feature_dim), hp, data_iter, feature_dim))
print(hp)
check("concise_adam", train_concise_ch11(torch.optim.Adam, {"lr": 0.01}, data_iter))


def yogi(params, states, hyperparams):
    beta1, beta2, eps = 0.9, 0.999, 1e-3
    for p, (v, s) in zip(params, states):
        with torch.no_grad():
            v[:] = beta1 * v + (1 - beta1) * p.grad
            s[:] = s + (1 - beta2) * torch.sign(torch.square(p.grad) - s) * torch.square(p.grad)
            v_bias_corr = v / (1 - beta1 ** hyperparams["t"])
            s_bias_corr = s / (1 - beta2 ** hyperparams["t"])
            p[:] -= hyperparams["lr"] * v_bias_corr / (torch.sqrt(s_bias_corr) + eps)
        p.grad.data.zero_()
    hyperparams["t"] += 1


check(
    "yogi",
    train_ch11(yogi, init_adam_states(feature_dim), {"lr": 0.01, "t": 1}, data_iter, feature_dim),
)


# --- 12.11 learning-rate scheduling
def net_fn():
    model = nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5, padding=2),
        nn.ReLU(),
        nn.MaxPool2d(kernel_size=2, stride=2),
        nn.Conv2d(6, 16, kernel_size=5),
        nn.ReLU(),
        nn.MaxPool2d(kernel_size=2, stride=2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120),
        nn.ReLU(),
        nn.Linear(120, 84),
        nn.ReLU(),
        nn.Linear(84, 10),
    )
    with torch.no_grad():
        for k, p in enumerate(model.parameters()):
            m = p.numel()
            scale = 1.0 / math.sqrt(p.shape[1] * p[0, 0].numel()) if p.dim() > 1 else 0.05
            p.copy_(
                (torch.sin(torch.arange(m, dtype=torch.float32) * 0.7 + k) * scale).view(p.shape)
            )
    return model


loss = nn.CrossEntropyLoss()
device = torch.device("cuda:0") if torch.cuda.device_count() >= 1 else torch.device("cpu")
yy = torch.arange(24) % 10
xx = torch.cos(torch.linspace(0, 6, 28 * 28).view(1, 1, 28, 28) * (yy.view(-1, 1, 1, 1) + 1) * 0.5)
train_iter = data.DataLoader(data.TensorDataset(xx[:16], yy[:16]), batch_size=8, shuffle=False)
test_iter = data.DataLoader(data.TensorDataset(xx[16:], yy[16:]), batch_size=8, shuffle=False)


def train(net, train_iter, test_iter, num_epochs, loss, trainer, device, scheduler=None):
    net.to(device)
    for epoch in range(num_epochs):
        metric = Accumulator(3)
        for i, (X, y) in enumerate(train_iter):
            net.train()
            trainer.zero_grad()
            X, y = X.to(device), y.to(device)
            y_hat = net(X)
            l = loss(y_hat, y)
            l.backward()
            trainer.step()
            with torch.no_grad():
                metric.add(l * X.shape[0], accuracy(y_hat, y), X.shape[0])
            train_loss = metric[0] / metric[2]
            train_acc = metric[1] / metric[2]
        test_acc = evaluate_accuracy_gpu(net, test_iter)
        if scheduler:
            if scheduler.__module__ == lr_scheduler.__name__:
                scheduler.step()
            else:
                for param_group in trainer.param_groups:
                    param_group["lr"] = scheduler(epoch)
    print(f"train loss {train_loss:.3f}, train acc {train_acc:.3f}, test acc {test_acc:.3f}")
    return train_loss, trainer.param_groups[0]["lr"]


lr, num_epochs = 0.3, 3
net = net_fn()
trainer = torch.optim.SGD(net.parameters(), lr=lr)
check("lenet_train", train(net, train_iter, test_iter, num_epochs, loss, trainer, device))
lr = 0.1
trainer.param_groups[0]["lr"] = lr
print(f"learning rate is now {trainer.param_groups[0]['lr']:.2f}")


class SquareRootScheduler:
    def __init__(self, lr=0.1):
        self.lr = lr

    def __call__(self, num_update):
        return self.lr * pow(num_update + 1.0, -0.5)


scheduler = SquareRootScheduler(lr=0.1)
check("sqrt_sched", [scheduler(t) for t in torch.arange(num_epochs)])
net = net_fn()
trainer = torch.optim.SGD(net.parameters(), lr)
check("lenet_sqrt", train(net, train_iter, test_iter, num_epochs, loss, trainer, device, scheduler))


class FactorScheduler:
    def __init__(self, factor=1, stop_factor_lr=1e-7, base_lr=0.1):
        self.factor = factor
        self.stop_factor_lr = stop_factor_lr
        self.base_lr = base_lr

    def __call__(self, num_update):
        self.base_lr = max(self.stop_factor_lr, self.base_lr * self.factor)
        return self.base_lr


scheduler = FactorScheduler(factor=0.9, stop_factor_lr=1e-2, base_lr=2.0)
check("factor_sched", [scheduler(t) for t in range(50)])

net = net_fn()
trainer = torch.optim.SGD(net.parameters(), lr=0.5)
scheduler = lr_scheduler.MultiStepLR(trainer, milestones=[15, 30], gamma=0.5)


def get_lr(trainer, scheduler):
    lr = scheduler.get_last_lr()[0]
    trainer.step()
    scheduler.step()
    return lr


check("multistep", [get_lr(trainer, scheduler) for t in range(35)])
print(scheduler.__module__ == lr_scheduler.__name__, type(scheduler).__name__)
check(
    "lenet_multistep",
    train(net, train_iter, test_iter, num_epochs, loss, trainer, device, scheduler),
)


class CosineScheduler:
    def __init__(self, max_update, base_lr=0.01, final_lr=0, warmup_steps=0, warmup_begin_lr=0):
        self.base_lr_orig = base_lr
        self.max_update = max_update
        self.final_lr = final_lr
        self.warmup_steps = warmup_steps
        self.warmup_begin_lr = warmup_begin_lr
        self.max_steps = self.max_update - self.warmup_steps

    def get_warmup_lr(self, epoch):
        increase = (
            (self.base_lr_orig - self.warmup_begin_lr) * float(epoch) / float(self.warmup_steps)
        )
        return self.warmup_begin_lr + increase

    def __call__(self, epoch):
        if epoch < self.warmup_steps:
            return self.get_warmup_lr(epoch)
        if epoch <= self.max_update:
            self.base_lr = (
                self.final_lr
                + (self.base_lr_orig - self.final_lr)
                * (1 + math.cos(math.pi * (epoch - self.warmup_steps) / self.max_steps))
                / 2
            )
        return self.base_lr


scheduler = CosineScheduler(max_update=20, base_lr=0.3, final_lr=0.01)
check("cosine", [scheduler(t) for t in torch.arange(30)])
scheduler = CosineScheduler(20, warmup_steps=5, base_lr=0.3, final_lr=0.01)
check("cosine_warmup", [scheduler(t) for t in torch.arange(30)])
net = net_fn()
trainer = torch.optim.SGD(net.parameters(), lr=0.3)
check(
    "lenet_cosine", train(net, train_iter, test_iter, num_epochs, loss, trainer, device, scheduler)
)
