# fast.ai "Practical Deep Learning for Coders" part 2 (2022), "from the foundations" notebooks:
# https://github.com/fastai/course22p2/blob/master/nbs/01_matmul.ipynb (matrix multiplication
# from loops to broadcasting and einsum, the Wichmann-Hill random generator),
# nbs/03_backprop.ipynb (the forward and backward passes by hand with `.g` attributes on
# tensors, checked against autograd; Lin / Relu / Mse classes, a Module base class) and
# nbs/04_minibatch_training.ipynb (log_softmax / logsumexp / nll by hand, a training loop with
# in-place parameter updates, nn.Module internals, ModuleList, a hand-written Optimizer,
# Dataset / DataLoader / Sampler / BatchSampler / collate, then torch.utils.data's
# RandomSampler / SequentialSampler / BatchSampler). MNIST (28x28) is replaced by seeded
# random 8x8 "digits"; fastcore's test_close by a small stand-in.
import random
import warnings
from functools import reduce
from itertools import islice

import numpy as np

tensor = torch.tensor
DataLoader = torch.utils.data.DataLoader
SequentialSampler = torch.utils.data.SequentialSampler
RandomSampler = torch.utils.data.RandomSampler
BatchSampler = torch.utils.data.BatchSampler


def test_close(a, b, eps=1e-5):
    assert torch.allclose(torch.as_tensor(a), torch.as_tensor(b), rtol=0, atol=eps), (a, b)


rs = np.random.RandomState(0)
x_train = (rs.rand(120, 64) * (rs.rand(120, 64) > 0.5)).astype(np.float32)
y_train = rs.randint(0, 10, 120)
x_valid = (rs.rand(40, 64) * (rs.rand(40, 64) > 0.5)).astype(np.float32)
y_valid = rs.randint(0, 10, 40)

# ---- 01_matmul
lst1 = list(x_train[0])
vals = lst1[20:30]
print(len(lst1), [round(float(v), 3) for v in vals])


class Matrix:
    def __init__(self, xs):
        self.xs = xs

    def __getitem__(self, idxs):
        return self.xs[idxs[0]][idxs[1]]


print(tensor([1, 2, 3]))
x_train, y_train, x_valid, y_valid = map(tensor, (x_train, y_train, x_valid, y_valid))
print(x_train.shape, x_train.type(), y_train.type())
imgs = x_train.reshape((-1, 8, 8))
print(imgs.shape, imgs[0, 2, 5])
n, c = x_train.shape
print(y_train, y_train.shape)
print(min(y_train), max(y_train))
print(y_train.min(), y_train.max())

rnd_state = None


def seed(a):
    global rnd_state
    a, x = divmod(a, 30268)
    a, y = divmod(a, 30306)
    a, z = divmod(a, 30322)
    rnd_state = int(x) + 1, int(y) + 1, int(z) + 1


def rand():
    global rnd_state
    x, y, z = rnd_state
    x = (171 * x) % 30269
    y = (172 * y) % 30307
    z = (170 * z) % 30323
    rnd_state = x, y, z
    return (x / 30269 + y / 30307 + z / 30323) % 1.0


seed(457428938475)
print(rnd_state, rand(), rand(), rand())

torch.manual_seed(1)
weights = torch.randn(64, 10)
bias = torch.zeros(10)
m1 = x_valid[:5]
m2 = weights
print(m1.shape, m2.shape)
ar, ac = m1.shape
br, bc = m2.shape
t1 = torch.zeros(ar, bc)
for i in range(ar):
    for j in range(bc):
        for k in range(ac):
            t1[i, j] += m1[i, k] * m2[k, j]
print(t1)
torch.set_printoptions(precision=2, linewidth=140, sci_mode=False)
print(t1)
check("loop matmul", t1)


def matmul(a, b):
    (ar, ac), (br, bc) = a.shape, b.shape  # noqa: F841  (as the notebook)
    c = torch.zeros(ar, bc)
    for i in range(ar):
        for j in range(bc):
            c[i, j] = (a[i, :] * b[:, j]).sum()
    return c


test_close(t1, matmul(m1, m2))


def matmul(a, b):
    (ar, ac), (br, bc) = a.shape, b.shape  # noqa: F841  (as the notebook)
    c = torch.zeros(ar, bc)
    for i in range(ar):
        for j in range(bc):
            c[i, j] = torch.dot(a[i, :], b[:, j])
    return c


test_close(t1, matmul(m1, m2))
a = tensor([10.0, 6, -4])
b = tensor([2.0, 8, 7])
print(a, b, a + b, (a < b).float().mean())
m = tensor([[1.0, 2, 3], [4, 5, 6], [7, 8, 9]])
sf = (m * m).sum()
print(m, sf, sf.sqrt(), m[2, :], m[:, 2], m[2])
print(a > 0, a + 1, 2 * m)
c = tensor([10.0, 20, 30])
print(m.shape, c.shape, m + c, c + m)
t = c.expand_as(m)
print(t, m + t)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(t.storage())
print(t.untyped_storage(), len(t.storage()), t.storage().tolist())
print(t.stride(), t.shape)
print(c.unsqueeze(0), c[None, :], c.shape, c.unsqueeze(0).shape)
print(c.unsqueeze(1), c[:, None], c.shape, c.unsqueeze(1).shape)
print(c[None].shape, c[..., None].shape)
print(c[:, None].expand_as(m))
print(m + c[:, None], m + c[None, :])
print(c[None, :] * c[:, None])
print(c[None] > c[:, None])
digit = m1[0]
print(digit.shape, m2.shape, digit[:, None].shape, digit[:, None].expand_as(m2).shape)
print((digit[:, None] * m2).shape)


def matmul(a, b):
    (ar, ac), (br, bc) = a.shape, b.shape  # noqa: F841  (as the notebook)
    c = torch.zeros(ar, bc)
    for i in range(ar):
        c[i] = (a[i, :, None] * b).sum(dim=0)
    return c


test_close(t1, matmul(m1, m2))
tr = matmul(x_train, weights)
print(tr.shape)
mr = torch.einsum("ik,kj->ikj", m1, m2)
print(mr.shape)
check("einsum ikj sum", mr.sum(1))
print(torch.einsum("ik,kj->ij", m1, m2))


def matmul(a, b):
    return torch.einsum("ik,kj->ij", a, b)


test_close(tr, matmul(x_train, weights), eps=1e-3)
test_close(tr, x_train @ weights, eps=1e-3)


def matmul(grid, a, b, c):
    i, j = grid
    if i < c.shape[0] and j < c.shape[1]:
        tmp = 0.0
        for k in range(a.shape[1]):
            tmp += a[i, k] * b[k, j]
        c[i, j] = tmp


def launch_kernel(kernel, grid_x, grid_y, *args, **kwargs):
    for i in range(grid_x):
        for j in range(grid_y):
            kernel((i, j), *args, **kwargs)


res = torch.zeros(ar, bc)
launch_kernel(matmul, ar, bc, m1, m2, res)
print(res)
check("kernel matmul", res)

# ---- 03_backprop
torch.manual_seed(42)
torch.set_printoptions(precision=2, linewidth=125, sci_mode=False)
np.set_printoptions(precision=2, linewidth=125)
n, m = x_train.shape
c = y_train.max() + 1
print(n, m, c)
nh = 50
w1 = torch.randn(m, nh)
b1 = torch.zeros(nh)
w2 = torch.randn(nh, 1)
b2 = torch.zeros(1)


def lin(x, w, b):
    return x @ w + b


t = lin(x_valid, w1, b1)
print(t.shape)


def relu(x):
    return x.clamp_min(0.0)


t = relu(t)
print(t[:2, :8])


def model(xb):
    l1 = lin(xb, w1, b1)
    l2 = relu(l1)
    return lin(l2, w2, b2)


res = model(x_valid)
print(res.shape, y_valid.shape, (res - y_valid).shape, res[:, 0].shape, res.squeeze().shape)
print((res[:, 0] - y_valid).shape)
y_train, y_valid = y_train.float(), y_valid.float()
preds = model(x_train)
print(preds.shape)


def mse(output, targ):
    return (output[:, 0] - targ).pow(2).mean()


print(mse(preds, y_train))


def lin_grad(inp, out, w, b):
    inp.g = out.g @ w.t()
    w.g = (inp.unsqueeze(-1) * out.g.unsqueeze(1)).sum(0)
    b.g = out.g.sum(0)


def forward_and_backward(inp, targ):
    l1 = lin(inp, w1, b1)
    l2 = relu(l1)
    out = lin(l2, w2, b2)
    diff = out[:, 0] - targ
    loss = diff.pow(2).mean()  # noqa: F841  (as the notebook)
    out.g = 2.0 * diff[:, None] / inp.shape[0]
    lin_grad(l2, out, w2, b2)
    l1.g = (l1 > 0).float() * l2.g
    lin_grad(inp, l1, w1, b1)


forward_and_backward(x_train, y_train)


def get_grad(x):
    return x.g.clone()


chks = w1, w2, b1, b2, x_train
grads = w1g, w2g, b1g, b2g, ig = tuple(map(get_grad, chks))
check("hand grads", [w2g, b2g, b1g[:8]])


def mkgrad(x):
    return x.clone().requires_grad_(True)


ptgrads = w12, w22, b12, b22, xt2 = tuple(map(mkgrad, chks))


def forward(inp, targ):
    l1 = lin(inp, w12, b12)
    l2 = relu(l1)
    out = lin(l2, w22, b22)
    return mse(out, targ)


loss = forward(xt2, y_train)
loss.backward()
for a, b in zip(grads, ptgrads):
    test_close(a, b.grad, eps=0.01)
check("autograd grads", [w22.grad, b22.grad, xt2.grad[:2, :8]])


class Relu:
    def __call__(self, inp):
        self.inp = inp
        self.out = inp.clamp_min(0.0)
        return self.out

    def backward(self):
        self.inp.g = (self.inp > 0).float() * self.out.g


class Lin:
    def __init__(self, w, b):
        self.w, self.b = w, b

    def __call__(self, inp):
        self.inp = inp
        self.out = lin(inp, self.w, self.b)
        return self.out

    def backward(self):
        self.inp.g = self.out.g @ self.w.t()
        self.w.g = self.inp.t() @ self.out.g
        self.b.g = self.out.g.sum(0)


class Mse:
    def __call__(self, inp, targ):
        self.inp, self.targ = inp, targ
        self.out = mse(inp, targ)
        return self.out

    def backward(self):
        self.inp.g = 2.0 * (self.inp.squeeze() - self.targ).unsqueeze(-1) / self.targ.shape[0]


class Model:
    def __init__(self, w1, b1, w2, b2):
        self.layers = [Lin(w1, b1), Relu(), Lin(w2, b2)]
        self.loss = Mse()

    def __call__(self, x, targ):
        for l in self.layers:
            x = l(x)
        return self.loss(x, targ)

    def backward(self):
        self.loss.backward()
        for l in reversed(self.layers):
            l.backward()


model = Model(w1, b1, w2, b2)
loss = model(x_train, y_train)
model.backward()
test_close(w2g, w2.g, eps=0.01)
test_close(b2g, b2.g, eps=0.01)
test_close(w1g, w1.g, eps=0.01)
test_close(b1g, b1.g, eps=0.01)
test_close(ig, x_train.g, eps=0.01)


class Module:
    def __call__(self, *args):
        self.args = args
        self.out = self.forward(*args)
        return self.out

    def forward(self):
        raise Exception("not implemented")

    def backward(self):
        self.bwd(self.out, *self.args)

    def bwd(self):
        raise Exception("not implemented")


class Relu(Module):  # noqa: F811  (the notebook redefines it)
    def forward(self, inp):
        return inp.clamp_min(0.0)

    def bwd(self, out, inp):
        inp.g = (inp > 0).float() * out.g


class Lin(Module):  # noqa: F811  (the notebook redefines it)
    def __init__(self, w, b):
        self.w, self.b = w, b

    def forward(self, inp):
        return inp @ self.w + self.b

    def bwd(self, out, inp):
        inp.g = self.out.g @ self.w.t()
        self.w.g = inp.t() @ self.out.g
        self.b.g = self.out.g.sum(0)


class Mse(Module):  # noqa: F811  (the notebook redefines it)
    def forward(self, inp, targ):
        return (inp.squeeze() - targ).pow(2).mean()

    def bwd(self, out, inp, targ):
        inp.g = 2 * (inp.squeeze() - targ).unsqueeze(-1) / targ.shape[0]


model = Model(w1, b1, w2, b2)
loss = model(x_train, y_train)
model.backward()
test_close(w2g, w2.g, eps=0.01)
test_close(ig, x_train.g, eps=0.01)
print(x_train.g.shape, w1.g.shape, hasattr(w1, "g"), w1.grad)


class Linear(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.w = torch.randn(n_in, n_out).requires_grad_()
        self.b = torch.zeros(n_out).requires_grad_()

    def forward(self, inp):
        return inp @ self.w + self.b


class Model(nn.Module):
    def __init__(self, n_in, nh, n_out):
        super().__init__()
        self.layers = [Linear(n_in, nh), nn.ReLU(), Linear(nh, n_out)]

    def __call__(self, x, targ):
        for l in self.layers:
            x = l(x)
        return F.mse_loss(x, targ[:, None])


model = Model(m, nh, 1)
loss = model(x_train, y_train)
loss.backward()
l0 = model.layers[0]
print(l0.b.grad[:8])
print(list(model.parameters()), list(l0.parameters()))
check("nn.Module linear grad", l0.b.grad)

# ---- 04_minibatch_training
torch.set_printoptions(precision=2, linewidth=140, sci_mode=False)
torch.manual_seed(1)
x_train, y_train, x_valid, y_valid = x_train, y_train.long(), x_valid, y_valid.long()
n, m = x_train.shape
c = y_train.max() + 1
nh = 50


class Model(nn.Module):
    def __init__(self, n_in, nh, n_out):
        super().__init__()
        self.layers = [nn.Linear(n_in, nh), nn.ReLU(), nn.Linear(nh, n_out)]

    def __call__(self, x):
        for l in self.layers:
            x = l(x)
        return x


model = Model(m, nh, 10)
pred = model(x_train)
print(pred.shape)


def log_softmax(x):
    return (x.exp() / (x.exp().sum(-1, keepdim=True))).log()


print(log_softmax(pred)[:2])


def log_softmax(x):
    return x - x.exp().sum(-1, keepdim=True).log()


def logsumexp(x):
    m = x.max(-1)[0]
    return m + (x - m[:, None]).exp().sum(-1).log()


def log_softmax(x):
    return x - x.logsumexp(-1, keepdim=True)


test_close(logsumexp(pred), pred.logsumexp(-1))
sm_pred = log_softmax(pred)
print(sm_pred[:3])
print(y_train[:3])
print(sm_pred[0, 5], sm_pred[1, 0], sm_pred[2, 4])
print(sm_pred[[0, 1, 2], y_train[:3]])


def nll(input, target):
    return -input[range(target.shape[0]), target].mean()


loss = nll(sm_pred, y_train)
print(loss)
test_close(F.nll_loss(F.log_softmax(pred, -1), y_train), loss, 1e-3)
test_close(F.cross_entropy(pred, y_train), loss, 1e-3)
check("nll by hand", loss)
loss_func = F.cross_entropy
bs = 50
xb = x_train[0:bs]
preds = model(xb)
print(preds[0], preds.shape)
yb = y_train[0:bs]
print(yb, loss_func(preds, yb), preds.argmax(dim=1))


def accuracy(out, yb):
    return (out.argmax(dim=1) == yb).float().mean()


print(accuracy(preds, yb))
lr = 0.5
epochs = 3


def report(loss, preds, yb):
    print(f"{loss:.2f}, {accuracy(preds, yb):.2f}")


xb, yb = x_train[:bs], y_train[:bs]
preds = model(xb)
report(loss_func(preds, yb), preds, yb)
for epoch in range(epochs):
    for i in range(0, n, bs):
        s = slice(i, min(n, i + bs))
        xb, yb = x_train[s], y_train[s]
        preds = model(xb)
        loss = loss_func(preds, yb)
        loss.backward()
        with torch.no_grad():
            for l in model.layers:
                if hasattr(l, "weight"):
                    l.weight -= l.weight.grad * lr
                    l.bias -= l.bias.grad * lr
                    l.weight.grad.zero_()
                    l.bias.grad.zero_()
    report(loss, preds, yb)
check("manual sgd weights", model.layers[2].weight)

m1 = nn.Module()
m1.foo = nn.Linear(3, 4)
print(m1)
print(list(m1.named_children()))
print(type(m1.named_children()).__name__)
print([p.shape for p in m1.parameters()])


class MLP(nn.Module):
    def __init__(self, n_in, nh, n_out):
        super().__init__()
        self.l1 = nn.Linear(n_in, nh)
        self.l2 = nn.Linear(nh, n_out)
        self.relu = nn.ReLU()

    def forward(self, x):
        return self.l2(self.relu(self.l1(x)))


model = MLP(m, nh, 10)
print(model.l1)
print(model)
for name, l in model.named_children():
    print(f"{name}: {l}")
for p in model.parameters():
    print(p.shape)


def fit():
    for epoch in range(epochs):
        for i in range(0, n, bs):
            s = slice(i, min(n, i + bs))
            xb, yb = x_train[s], y_train[s]
            preds = model(xb)
            loss = loss_func(preds, yb)
            loss.backward()
            with torch.no_grad():
                for p in model.parameters():
                    p -= p.grad * lr
                model.zero_grad()
        report(loss, preds, yb)


fit()
print(model.l1.weight.grad)


class MyModule:
    def __init__(self, n_in, nh, n_out):
        self._modules = {}
        self.l1 = nn.Linear(n_in, nh)
        self.l2 = nn.Linear(nh, n_out)

    def __setattr__(self, k, v):
        if not k.startswith("_"):
            self._modules[k] = v
        super().__setattr__(k, v)

    def __repr__(self):
        return f"{self._modules}"

    def parameters(self):
        for l in self._modules.values():
            yield from l.parameters()


mdl = MyModule(m, nh, 10)
print(mdl)
for p in mdl.parameters():
    print(p.shape)
layers = [nn.Linear(m, nh), nn.ReLU(), nn.Linear(nh, 10)]


class Model(nn.Module):
    def __init__(self, layers):
        super().__init__()
        self.layers = layers
        for i, l in enumerate(self.layers):
            self.add_module(f"layer_{i}", l)

    def forward(self, x):
        return reduce(lambda val, layer: layer(val), self.layers, x)


model = Model(layers)
print(model)
print(model(xb).shape)


class SequentialModel(nn.Module):
    def __init__(self, layers):
        super().__init__()
        self.layers = nn.ModuleList(layers)

    def forward(self, x):
        for l in self.layers:
            x = l(x)
        return x


model = SequentialModel(layers)
print(model)
fit()
model = nn.Sequential(nn.Linear(m, nh), nn.ReLU(), nn.Linear(nh, 10))
fit()
print(loss_func(model(xb), yb), accuracy(model(xb), yb))
print(model)


class Optimizer:
    def __init__(self, params, lr=0.5):
        self.params, self.lr = list(params), lr

    def step(self):
        with torch.no_grad():
            for p in self.params:
                p -= p.grad * self.lr

    def zero_grad(self):
        for p in self.params:
            p.grad.data.zero_()


model = nn.Sequential(nn.Linear(m, nh), nn.ReLU(), nn.Linear(nh, 10))
opt = Optimizer(model.parameters())
for epoch in range(epochs):
    for i in range(0, n, bs):
        s = slice(i, min(n, i + bs))
        xb, yb = x_train[s], y_train[s]
        preds = model(xb)
        loss = loss_func(preds, yb)
        loss.backward()
        opt.step()
        opt.zero_grad()
    report(loss, preds, yb)


def get_model():
    model = nn.Sequential(nn.Linear(m, nh), nn.ReLU(), nn.Linear(nh, 10))
    return model, torch.optim.SGD(model.parameters(), lr=lr)


model, opt = get_model()
print(loss_func(model(xb), yb))


class Dataset:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


train_ds, valid_ds = Dataset(x_train, y_train), Dataset(x_valid, y_valid)
xb, yb = train_ds[0:5]
print(xb.shape, yb)


class MyDataLoader:
    def __init__(self, ds, bs):
        self.ds, self.bs = ds, bs

    def __iter__(self):
        for i in range(0, len(self.ds), self.bs):
            yield self.ds[i : i + self.bs]


train_dl = MyDataLoader(train_ds, bs)
valid_dl = MyDataLoader(valid_ds, bs)
xb, yb = next(iter(valid_dl))
print(xb.shape, yb, yb[0])
model, opt = get_model()


def fit():
    for epoch in range(epochs):
        for xb, yb in train_dl:
            preds = model(xb)
            loss = loss_func(preds, yb)
            loss.backward()
            opt.step()
            opt.zero_grad()
        report(loss, preds, yb)


fit()
print(loss_func(model(xb), yb), accuracy(model(xb), yb))


class Sampler:
    def __init__(self, ds, shuffle=False):
        self.n, self.shuffle = len(ds), shuffle

    def __iter__(self):
        res = list(range(self.n))
        if self.shuffle:
            random.shuffle(res)
        return iter(res)


random.seed(42)
ss = Sampler(train_ds)
it = iter(ss)
for o in range(5):
    print(next(it))
print(list(islice(ss, 5)))
ss = Sampler(train_ds, shuffle=True)
print(list(islice(ss, 5)))


def collate(b):
    xs, ys = zip(*b)
    return torch.stack(xs), torch.stack(ys)


print(train_ds[[3, 6, 8, 1]][1], train_ds.__getitem__([3, 6, 8, 1])[0].shape)

# torch.utils.data's samplers
torch.manual_seed(1)
train_samp = BatchSampler(RandomSampler(train_ds), bs, drop_last=False)
valid_samp = BatchSampler(SequentialSampler(valid_ds), bs, drop_last=False)
print(len(train_samp), len(valid_samp), list(SequentialSampler(range(5))))
print([len(b) for b in train_samp], next(iter(valid_samp))[:6])
train_dl = DataLoader(train_ds, batch_sampler=train_samp, collate_fn=collate)
valid_dl = DataLoader(valid_ds, batch_sampler=valid_samp, collate_fn=collate)
model, opt = get_model()
fit()
print(loss_func(model(xb), yb), accuracy(model(xb), yb))
check("batch_sampler fit", model[0].bias)
train_dl = DataLoader(train_ds, bs, sampler=RandomSampler(train_ds), collate_fn=collate)
valid_dl = DataLoader(valid_ds, bs, sampler=SequentialSampler(valid_ds), collate_fn=collate)
print(len(train_dl), len(valid_dl))
train_dl = DataLoader(train_ds, bs, shuffle=True, drop_last=True)
valid_dl = DataLoader(valid_ds, bs, shuffle=False)
print(len(train_dl), len(valid_dl))
model, opt = get_model()
fit()
print(loss_func(model(xb), yb), accuracy(model(xb), yb))
check("shuffle drop_last fit", model[2].weight)
raises(
    "both batch_size and batch_sampler", lambda: DataLoader(train_ds, bs, batch_sampler=train_samp)
)
raises(
    "shuffle and sampler",
    lambda: DataLoader(train_ds, bs, shuffle=True, sampler=RandomSampler(train_ds)),
)
raises("batch_size=None and drop_last", lambda: DataLoader(train_ds, None, drop_last=True))
raises("BatchSampler batch_size 0", lambda: BatchSampler(range(3), 0, False))
raises("BatchSampler drop_last 1", lambda: BatchSampler(range(3), 2, 1))
raises("RandomSampler num_samples 0", lambda: RandomSampler(train_ds, num_samples=0))
raises("RandomSampler replacement 1", lambda: RandomSampler(train_ds, replacement=1))
torch.manual_seed(3)
print(list(RandomSampler(range(7))), list(RandomSampler(range(5), num_samples=12)))
print(list(RandomSampler(range(5), replacement=True, num_samples=40))[-10:])
g = torch.Generator().manual_seed(7)
print(
    list(RandomSampler(range(6), generator=g)),
    list(torch.utils.data.SubsetRandomSampler([10, 20, 30, 40])),
)
print(
    list(BatchSampler(SequentialSampler(range(7)), 3, drop_last=True)),
    len(BatchSampler(range(7), 3, False)),
)
print([yb.tolist() for _, yb in DataLoader(train_ds, batch_size=None, sampler=range(3))])
train_dl = DataLoader(train_ds, sampler=train_samp)
xb, yb = next(iter(train_dl))
print(xb.shape, yb.shape)


def fit(epochs, model, loss_func, opt, train_dl, valid_dl):
    for epoch in range(epochs):
        model.train()
        for xb, yb in train_dl:
            loss = loss_func(model(xb), yb)
            loss.backward()
            opt.step()
            opt.zero_grad()
        model.eval()
        with torch.no_grad():
            tot_loss, tot_acc, count = 0.0, 0.0, 0
            for xb, yb in valid_dl:
                pred = model(xb)
                n = len(xb)
                count += n
                tot_loss += loss_func(pred, yb).item() * n
                tot_acc += accuracy(pred, yb).item() * n
        print(epoch, f"{tot_loss / count:.4f}", tot_acc / count)
    return tot_loss / count, tot_acc / count


def get_dls(train_ds, valid_ds, bs, **kwargs):
    return (
        DataLoader(train_ds, batch_size=bs, shuffle=True, **kwargs),
        DataLoader(valid_ds, batch_size=bs * 2, **kwargs),
    )


train_dl, valid_dl = get_dls(train_ds, valid_ds, bs)
model, opt = get_model()
loss, acc = fit(5, model, loss_func, opt, train_dl, valid_dl)
check("final fit", [loss, acc])

# (the print options are global: back to the defaults)
torch.set_printoptions(profile="default")
np.set_printoptions(precision=8, linewidth=75)
