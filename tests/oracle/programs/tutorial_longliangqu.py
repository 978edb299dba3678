# 龙良曲 (Long Liangqu) 《深度学习与PyTorch入门实战》 course code:
# https://github.com/dragen1860/Deep-Learning-with-PyTorch-Tutorials (lesson01 autograd_demo,
# lesson22 Himmelblau with Adam, lesson26 multi-class logistic regression with raw weights
# and kaiming_normal_, lesson27 MLP with nn.ReLU(inplace=True), lesson33/35 weight_decay,
# LeakyReLU(inplace=True), Dropout with train()/eval(), lesson42 ResNet blocks with
# BatchNorm2d, lesson43 nn.Module (MyLinear, Flatten, named_parameters / children / modules),
# lesson48 RNN / RNNCell / LSTM / LSTMCell shapes, lesson49 time-series RNN, lesson57 WGAN-GP
# gradient penalty) and the tensor / gradient lessons of the videos (creation, indexing,
# dimension changes, broadcasting, cat / stack / split / chunk, math, statistics, where /
# gather, autograd.grad of mse_loss and softmax, the perceptron and chain-rule checks,
# cross entropy, L1 regularisation, learning-rate schedulers). MNIST / CIFAR are replaced by
# small seeded random tensors, visdom by prints; fewer iterations; no .cuda().
import numpy as np

autograd = torch.autograd

# ---- lesson01: autograd demo
x = torch.tensor(1.0)
a = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(2.0, requires_grad=True)
c = torch.tensor(3.0, requires_grad=True)
y = a**2 * x + b * x + c
print("before:", a.grad, b.grad, c.grad)
grads = autograd.grad(y, [a, b, c])
print("after :", grads[0], grads[1], grads[2])
raises("grad twice without retain_graph", lambda: autograd.grad(y, [a, b, c]))

# ---- tensor basics
a = torch.randn(2, 3)
print(a.type(), type(a), isinstance(a, torch.FloatTensor))
print(torch.tensor(1.3), torch.tensor(1.3).shape, len(torch.tensor(1.3).shape))
print(torch.tensor([1.1]), torch.FloatTensor(1).shape, torch.tensor(np.ones(2)))
a = torch.rand(2, 3, 28, 28)
print(a.numel(), a.dim(), a.shape, a.size(0), a.shape[2], list(a.shape))
print(torch.FloatTensor([2.0, 3.2]), torch.tensor([[2.0, 3.2], [1.0, 22.3]]))
print(torch.empty(2, 3).shape, torch.IntTensor(2, 3).dtype, torch.FloatTensor(2, 3).dtype)
torch.set_default_tensor_type(torch.DoubleTensor)
print(torch.tensor([1.2, 3]).type())
torch.set_default_tensor_type(torch.FloatTensor)
print(torch.tensor([1.2, 3]).type())
torch.manual_seed(0)
a = torch.rand(3, 3)
print(a, torch.rand_like(a), torch.randint(1, 10, [3, 3]))
print(torch.randn(3, 3), torch.normal(mean=torch.full([10], 0.0), std=torch.arange(1, 0, -0.1)))
print(torch.full([2, 3], 7), torch.full([], 7), torch.full([1], 7))
print(torch.arange(0, 10), torch.arange(0, 10, 2), torch.range(0, 10) if False else None)
print(
    torch.linspace(0, 10, steps=4), torch.linspace(0, 10, steps=11), torch.logspace(0, -1, steps=10)
)
print(torch.ones(3, 3), torch.zeros(3, 3), torch.eye(3, 4), torch.eye(3))
a = torch.zeros(3, 3)
print(torch.ones_like(a))
print(torch.randperm(10))
a = torch.rand(2, 3)
b = torch.rand(2, 2)
idx = torch.randperm(2)
print(idx, a[idx], b[idx])

# indexing and slicing
a = torch.rand(4, 3, 28, 28)
print(a[0].shape, a[0, 0].shape, a[0, 0, 2, 4])
print(a[:2].shape, a[:2, :1, :, :].shape, a[:2, 1:, :, :].shape, a[:2, -1:, :, :].shape)
print(a[:, :, 0:28:2, 0:28:2].shape, a[:, :, ::2, ::2].shape)
print(a.index_select(0, torch.tensor([0, 2])).shape, a.index_select(1, torch.tensor([1, 2])).shape)
print(a.index_select(2, torch.arange(28)).shape, a.index_select(2, torch.arange(8)).shape)
print(a[...].shape, a[0, ...].shape, a[:, 1, ...].shape, a[..., :2].shape)
x = torch.randn(3, 4)
mask = x.ge(0.5)
print(mask, torch.masked_select(x, mask), torch.masked_select(x, mask).shape)
src = torch.tensor([[4, 3, 5], [6, 7, 8]])
print(torch.take(src, torch.tensor([0, 2, 5])))
raises("index_select with a list", lambda: a.index_select(0, [0, 2]))
raises("index_select with a float index", lambda: a.index_select(0, torch.tensor([0.0, 2.0])))

# dimension changes
a = torch.rand(4, 1, 28, 28)
print(a.view(4, 28 * 28).shape, a.view(4 * 28, 28).shape, a.view(4 * 1, 28, 28).shape)
b = a.view(4, 784)
print(b.view(4, 28, 28, 1).shape)
raises("view with the wrong size", lambda: a.view(4, 783))
print(a.unsqueeze(0).shape, a.unsqueeze(-1).shape, a.unsqueeze(4).shape, a.unsqueeze(-4).shape)
print(a.unsqueeze(-5).shape)
raises("unsqueeze out of range", lambda: a.unsqueeze(5))
b = torch.rand(32)
f = torch.rand(4, 32, 14, 14)
b = b.unsqueeze(1).unsqueeze(2).unsqueeze(0)
print(b.shape, (f + b).shape)
print(b.squeeze().shape, b.squeeze(0).shape, b.squeeze(-1).shape, b.squeeze(1).shape)
print(b.expand(4, 32, 14, 14).shape, b.expand(-1, 32, -1, -1).shape)
raises("expand with -4 (the video's slip)", lambda: b.expand(-1, 32, -1, -4).shape)
raises("expand a non-1 dimension", lambda: b.expand(4, 33, 14, 14))
print(b.repeat(4, 32, 1, 1).shape, b.repeat(4, 1, 1, 1).shape, b.repeat(4, 1, 32, 32).shape)
a = torch.randn(3, 4)
print(a.t())
raises(".t() of a 4-d tensor", lambda: torch.randn(4, 3, 32, 32).t())
a = torch.randn(4, 3, 32, 32)
raises(
    "view after transpose",
    lambda: a.transpose(1, 3).view(4, 3 * 32 * 32).view(4, 3, 32, 32),
)
a1 = a.transpose(1, 3).contiguous().view(4, 3 * 32 * 32).view(4, 3, 32, 32)
a2 = a.transpose(1, 3).contiguous().view(4, 3 * 32 * 32).view(4, 32, 32, 3).transpose(1, 3)
print(a1.shape, a2.shape, torch.all(torch.eq(a, a1)), torch.all(torch.eq(a, a2)))
b = torch.rand(4, 3, 28, 32)
print(b.transpose(1, 3).shape, b.transpose(1, 3).transpose(1, 2).shape, b.permute(0, 2, 3, 1).shape)

# broadcasting, merge and split
a = torch.rand(4, 32, 8)
b = torch.rand(5, 32, 8)
print(torch.cat([a, b], dim=0).shape)
a1 = torch.rand(4, 3, 32, 32)
a2 = torch.rand(5, 3, 32, 32)
print(torch.cat([a1, a2], dim=0).shape)
raises("cat with different sizes", lambda: torch.cat([a1, a2], dim=1))
a2 = torch.rand(4, 1, 32, 32)
print(torch.cat([a1, a2], dim=1).shape)
a1 = torch.rand(4, 3, 16, 32)
a2 = torch.rand(4, 3, 16, 32)
print(torch.cat([a1, a2], dim=2).shape, torch.stack([a1, a2], dim=2).shape)
a = torch.rand(32, 8)
b = torch.rand(32, 8)
print(torch.stack([a, b], dim=0).shape)
raises("stack of different shapes", lambda: torch.stack([a, torch.rand(30, 8)], dim=0))
c = torch.stack([a, b], dim=0)
aa, bb = c.split([1, 1], dim=0)
print(aa.shape, bb.shape)
aa, bb = c.split(1, dim=0)
print(aa.shape, bb.shape)
raises("unpack split(2)", lambda: c.split(2, dim=0)[1])
aa, bb = c.chunk(2, dim=0)
print(aa.shape, bb.shape)

# math
a = torch.rand(3, 4)
b = torch.rand(4)
print(a + b, torch.add(a, b))
print(torch.all(torch.eq(a - b, torch.sub(a, b))), torch.all(torch.eq(a * b, torch.mul(a, b))))
print(torch.all(torch.eq(a / b, torch.div(a, b))))
a = torch.ones(2, 2) * 3
b = torch.ones(2, 2)
print(torch.mm(a, b), torch.matmul(a, b), a @ b)
a = torch.rand(4, 784)
x = torch.rand(4, 784)
w = torch.rand(512, 784)
print((x @ w.t()).shape)
a = torch.rand(4, 3, 28, 64)
b = torch.rand(4, 3, 64, 32)
print(torch.matmul(a, b).shape)
raises("mm of 4-d tensors", lambda: torch.mm(a, b))
b = torch.rand(4, 1, 64, 32)
print(torch.matmul(a, b).shape)
b = torch.rand(4, 64, 32)
raises("matmul of (4,3,28,64) and (4,64,32)", lambda: torch.matmul(a, b))
a = torch.full([2, 2], 3)
print(a.pow(2), a**2, (a**2).sqrt() if a.is_floating_point() else None)
raises("sqrt of a long tensor", lambda: (a**2).sqrt())
aa = a.float() ** 2
print(aa.sqrt(), aa.rsqrt(), aa ** (0.5))
a = torch.exp(torch.ones(2, 2))
print(a)
# (PyTorch's vectorised log (SLEEF, 1 ulp) gives exactly 1 here; the correctly rounded value
# is the float32 just below 1, which prints as 1.0000: compared with a tolerance)
check("log(exp(1))", torch.log(a))
a = torch.tensor(3.14)
print(
    a.floor(), a.ceil(), a.trunc(), a.frac(), torch.tensor(3.499).round(), torch.tensor(3.5).round()
)
grad = torch.rand(2, 3) * 15
print(grad.max(), grad.median(), grad.clamp(10), grad.clamp(0, 10))

# statistics
a = torch.full([8], 1.0)
b = a.view(2, 4)
c = a.view(2, 2, 2)
print(a.norm(1), b.norm(1), c.norm(1))
print(a.norm(2), b.norm(2), c.norm(2))
print(b.norm(1, dim=1), b.norm(2, dim=1), c.norm(1, dim=0), c.norm(2, dim=0))
a = torch.arange(8).view(2, 4).float()
print(a.min(), a.max(), a.mean(), a.prod(), a.sum(), a.argmax(), a.argmin())
raises("mean of a long tensor", lambda: torch.arange(8).mean())
a = torch.randn(4, 10)
print(a[0], a.argmax(), a.argmax(dim=1))
print(a.max(dim=1), a.max(dim=1, keepdim=True), a.argmax(dim=1, keepdim=True))
print(a.topk(3, dim=1), a.topk(3, dim=1, largest=False), a.kthvalue(8, dim=1), a.kthvalue(3))
print(a > 0, torch.gt(a, 0), a != 0)
a = torch.ones(2, 3)
b = torch.randn(2, 3)
print(torch.eq(a, b), torch.eq(a, a), torch.equal(a, a))
cond = torch.tensor([[0.6769, 0.7271], [0.8884, 0.4163]])
a = torch.zeros(2, 2)
b = torch.ones(2, 2)
print(torch.where(cond > 0.5, a, b))
prob = torch.randn(4, 10)
idx = prob.topk(dim=1, k=3)
idx = idx[1]
label = torch.arange(10) + 100
print(torch.gather(label.expand(4, 10), dim=1, index=idx.long()))
raises("gather with a 1-d label", lambda: torch.gather(label, dim=1, index=idx))

# ---- gradients: mse_loss and autograd.grad, softmax
x = torch.ones(1)
w = torch.full([1], 2)
print(w, w.dtype)
raises("requires_grad_ of an int tensor", lambda: w.requires_grad_())
w = torch.full([1], 2.0)
mse = F.mse_loss(torch.ones(1), x * w)
print(mse)
raises("grad of a w that does not require grad", lambda: autograd.grad(mse, [w]))
w.requires_grad_()
raises("grad of an mse computed before requires_grad_", lambda: autograd.grad(mse, [w]))
mse = F.mse_loss(torch.ones(1), x * w)
print(mse, autograd.grad(mse, [w]))
mse = F.mse_loss(torch.ones(1), x * w)
mse.backward()
print(w.grad, w.grad.norm())
a = torch.rand(3)
a.requires_grad_()
p = F.softmax(a, dim=0)
raises("backward of a vector", lambda: p.backward())
print(autograd.grad(p[1], [a], retain_graph=True))
print(autograd.grad(p[2], [a]))
check("softmax graph", graph(p))

# single and multi-output perceptron, the chain rule
torch.manual_seed(1)
x = torch.randn(1, 10)
w = torch.randn(1, 10, requires_grad=True)
o = torch.sigmoid(x @ w.t())
print(o.shape)
loss = F.mse_loss(torch.ones(1, 1), o)
print(loss.shape)
loss.backward()
print(w.grad)
check("perceptron graph", graph(loss))
x = torch.randn(1, 10)
w = torch.randn(2, 10, requires_grad=True)
o = torch.sigmoid(x @ w.t())
loss = F.mse_loss(torch.ones(1, 2), o)
print(loss)
loss.backward()
print(w.grad)
with torch.no_grad():
    print(F.mse_loss(torch.ones(1, 1), o[:, :1]), F.mse_loss(torch.ones(1, 2), o, reduction="sum"))
raises("mse_loss of different shapes", lambda: F.mse_loss(torch.ones(1), o).shape)
x = torch.tensor(1.0)
w1 = torch.tensor(2.0, requires_grad=True)
b1 = torch.tensor(1.0)
w2 = torch.tensor(2.0, requires_grad=True)
b2 = torch.tensor(1.0)
y1 = x * w1 + b1
y2 = y1 * w2 + b2
dy2_dy1 = autograd.grad(y2, [y1], retain_graph=True)[0]
dy1_dw1 = autograd.grad(y1, [w1], retain_graph=True)[0]
dy2_dw1 = autograd.grad(y2, [w1], retain_graph=True)[0]
print(dy2_dy1 * dy1_dw1, dy2_dw1)

# cross entropy
a = torch.full([4], 1 / 4.0)
print(a * torch.log2(a), -(a * torch.log2(a)).sum())
a = torch.tensor([0.1, 0.1, 0.1, 0.7])
print(-(a * torch.log2(a)).sum())
a = torch.tensor([0.001, 0.001, 0.001, 0.999])
print(-(a * torch.log2(a)).sum())
x = torch.randn(1, 784)
w = torch.randn(10, 784)
logits = x @ w.t()
pred = F.softmax(logits, dim=1)
pred_log = torch.log(pred)
print(F.cross_entropy(logits, torch.tensor([3])), F.nll_loss(pred_log, torch.tensor([3])))
raises("cross_entropy with an int target", lambda: F.cross_entropy(logits, 3))

# ---- lesson22: Himmelblau with Adam


def himmelblau(x):
    return (x[0] ** 2 + x[1] - 11) ** 2 + (x[0] + x[1] ** 2 - 7) ** 2


x = np.arange(-6, 6, 0.1)
y = np.arange(-6, 6, 0.1)
print("x,y range:", x.shape, y.shape)
X, Y = np.meshgrid(x, y)
Z = himmelblau([X, Y])
print("X,Y maps:", X.shape, Y.shape, Z.min())
for init in ([0.0, 0.0], [-4.0, 0.0], [4.0, 0.0]):
    x = torch.tensor(init, requires_grad=True)
    optimizer = torch.optim.Adam([x], lr=1e-3)
    for step in range(4000):
        pred = himmelblau(x)
        optimizer.zero_grad()
        pred.backward()
        optimizer.step()
        if step % 500 == 0:
            print("step {}: x = {}, f(x) = {}".format(step, x.tolist(), pred.item()))
    check("himmelblau " + str(init), x)
check("himmelblau graph", graph(pred))

# ---- lesson26/27/33/35: MNIST-like classification
batch_size = 32
learning_rate = 0.01
epochs = 2
torch.manual_seed(0)
images = torch.rand(160, 1, 28, 28)
targets = torch.randint(0, 10, (160,))
train_loader = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(images[:128], targets[:128]),
    batch_size=batch_size,
    shuffle=True,
)
test_loader = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(images[128:], targets[128:]), batch_size=batch_size
)

w1, b1 = torch.randn(200, 784, requires_grad=True), torch.zeros(200, requires_grad=True)
w2, b2 = torch.randn(200, 200, requires_grad=True), torch.zeros(200, requires_grad=True)
w3, b3 = torch.randn(10, 200, requires_grad=True), torch.zeros(10, requires_grad=True)
torch.nn.init.kaiming_normal_(w1)
torch.nn.init.kaiming_normal_(w2)
torch.nn.init.kaiming_normal_(w3)
print(w1.std(), w3.std(), w1.is_leaf, w1.requires_grad)


def forward(x):
    x = x @ w1.t() + b1
    x = F.relu(x)
    x = x @ w2.t() + b2
    x = F.relu(x)
    x = x @ w3.t() + b3
    x = F.relu(x)
    return x


def run(forward, optimizer, criteon, epochs, net=None, tensor_correct=True):
    for epoch in range(epochs):
        if net is not None:
            net.train()
        for batch_idx, (data, target) in enumerate(train_loader):
            data = data.view(-1, 28 * 28)
            logits = forward(data)
            loss = criteon(logits, target)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if batch_idx % 2 == 0:
                print(
                    "Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.4f}".format(
                        epoch,
                        batch_idx * len(data),
                        len(train_loader.dataset),
                        100.0 * batch_idx / len(train_loader),
                        loss.item(),
                    )
                )
        if net is not None:
            net.eval()
        test_loss = 0
        correct = 0
        for data, target in test_loader:
            data = data.view(-1, 28 * 28)
            logits = forward(data)
            test_loss += criteon(logits, target).item()
            if tensor_correct:
                pred = logits.data.max(1)[1]
                correct += pred.eq(target.data).sum()
            else:
                pred = logits.argmax(dim=1)
                correct += pred.eq(target).float().sum().item()
        test_loss /= len(test_loader.dataset)
        print(
            "\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\n".format(
                test_loss,
                correct,
                len(test_loader.dataset),
                100.0 * correct / len(test_loader.dataset),
            )
        )
    return loss, correct


optimizer = torch.optim.SGD([w1, b1, w2, b2, w3, b3], lr=learning_rate)
criteon = nn.CrossEntropyLoss()
loss, correct = run(forward, optimizer, criteon, epochs)
check("raw-weight MLP loss", loss)
check("raw-weight MLP correct", correct)
check("raw-weight MLP graph", graph(loss))
print(type(correct), correct.dtype, "{}".format(correct), "{:.0f}".format(100.0 * correct / 32))


class MLP(nn.Module):
    def __init__(self, act=nn.ReLU, dropout=0.0):
        super(MLP, self).__init__()  # noqa: UP008  (as the course)
        layers = [nn.Linear(784, 200), act(inplace=True)]
        if dropout:
            layers.append(nn.Dropout(dropout))
        layers += [nn.Linear(200, 200), act(inplace=True)]
        if dropout:
            layers.append(nn.Dropout(dropout))
        layers += [nn.Linear(200, 10), act(inplace=True)]
        self.model = nn.Sequential(*layers)

    def forward(self, x):
        x = self.model(x)
        return x


torch.manual_seed(0)
net = MLP()
print(net)
optimizer = torch.optim.SGD(net.parameters(), lr=learning_rate)
loss, correct = run(net, optimizer, criteon, epochs)
check("MLP loss graph", graph(loss))
torch.manual_seed(0)
net = MLP(nn.LeakyReLU, dropout=0.5)
print(net)
optimizer = torch.optim.SGD(net.parameters(), lr=learning_rate, weight_decay=0.01)
loss, correct = run(net, optimizer, criteon, epochs, net=net, tensor_correct=False)
check("LeakyReLU dropout loss graph", graph(loss))
print(correct, type(correct))
# L1 regularisation by hand
regularization_loss = 0
for param in net.parameters():
    regularization_loss += torch.sum(torch.abs(param))
classify_loss = criteon(net(images[:4].view(-1, 784)), targets[:4])
loss = classify_loss + 0.01 * regularization_loss
loss.backward()
print("%.3f" % regularization_loss.item(), regularization_loss.grad_fn)
check("L1 graph", graph(loss))
# momentum, learning-rate decay
optimizer = torch.optim.SGD(net.parameters(), lr=learning_rate, momentum=0.9, weight_decay=1e-4)
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, "min")
for epoch in range(14):
    scheduler.step(1.0)
    print(epoch, optimizer.param_groups[0]["lr"], scheduler.num_bad_epochs)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.1)
for epoch in range(7):
    optimizer.step()
    scheduler.step()
    print(epoch, scheduler.get_last_lr())
raises(
    "ReduceLROnPlateau.step() without a metric",
    lambda: torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer).step(),
)

# ---- lesson42: ResNet blocks with BatchNorm2d


class ResBlk(nn.Module):
    def __init__(self, ch_in, ch_out):
        super(ResBlk, self).__init__()  # noqa: UP008  (as the course)
        self.conv1 = nn.Conv2d(ch_in, ch_out, kernel_size=3, stride=1, padding=1)
        self.bn1 = nn.BatchNorm2d(ch_out)
        self.conv2 = nn.Conv2d(ch_out, ch_out, kernel_size=3, stride=1, padding=1)
        self.bn2 = nn.BatchNorm2d(ch_out)
        self.extra = nn.Sequential()
        if ch_out != ch_in:
            self.extra = nn.Sequential(
                nn.Conv2d(ch_in, ch_out, kernel_size=1, stride=1), nn.BatchNorm2d(ch_out)
            )

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        out = self.extra(x) + out
        return out


class ResNet18(nn.Module):
    def __init__(self):
        super(ResNet18, self).__init__()  # noqa: UP008  (as the course)
        self.conv1 = nn.Sequential(
            nn.Conv2d(3, 16, kernel_size=3, stride=1, padding=1), nn.BatchNorm2d(16)
        )
        self.blk1 = ResBlk(16, 16)
        self.blk2 = ResBlk(16, 32)
        self.outlayer = nn.Linear(32 * 8 * 8, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = self.blk1(x)
        x = self.blk2(x)
        x = x.view(x.size(0), -1)
        x = self.outlayer(x)
        return x


torch.manual_seed(0)
cifar = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(torch.rand(24, 3, 8, 8), torch.randint(0, 10, (24,))),
    batch_size=8,
    shuffle=True,
)
raises("DataLoader iterator .next()", lambda: iter(cifar).next())
x, label = next(iter(cifar))
print("x:", x.shape, "label:", label.shape)
model = ResNet18()
print(model.blk1.extra, model.blk2.extra)
criteon = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(2):
    model.train()
    for batchidx, (x, label) in enumerate(cifar):
        logits = model(x)
        loss = criteon(logits, label)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(epoch, "loss: %.4f" % loss.item())
    model.eval()
    with torch.no_grad():
        total_correct = 0
        total_num = 0
        for x, label in cifar:
            logits = model(x)
            pred = logits.argmax(dim=1)
            total_correct += torch.eq(pred, label).float().sum().item()
            total_num += x.size(0)
        acc = total_correct / total_num
    # (the gradient of a convolution's bias in front of BatchNorm is zero but for rounding
    # noise, which Adam scales up to steps of lr: the biases, the running means and the
    # eval-mode accuracy depend on float32 bits, so they are not printed)
    print(epoch, "acc:", 0 <= acc <= 1)
check("resnet loss graph", graph(loss))
print(model.blk1.bn1.num_batches_tracked, model.blk1.bn1)

# ---- lesson43: nn.Module


class MyLinear(nn.Module):
    def __init__(self, inp, outp):
        super(MyLinear, self).__init__()  # noqa: UP008  (as the course)
        self.w = nn.Parameter(torch.randn(outp, inp))
        self.b = nn.Parameter(torch.randn(outp))

    def forward(self, x):
        x = x @ self.w.t() + self.b
        return x


class Flatten(nn.Module):
    def __init__(self):
        super(Flatten, self).__init__()  # noqa: UP008  (as the course)

    def forward(self, input):
        return input.view(input.size(0), -1)


class TestNet(nn.Module):
    def __init__(self):
        super(TestNet, self).__init__()  # noqa: UP008  (as the course)
        self.net = nn.Sequential(
            nn.Conv2d(1, 16, stride=1, padding=1),
            nn.MaxPool2d(2, 2),
            Flatten(),
            nn.Linear(1 * 14 * 14, 10),
        )

    def forward(self, x):
        return self.net(x)


class BasicNet(nn.Module):
    def __init__(self):
        super(BasicNet, self).__init__()  # noqa: UP008  (as the course)
        self.net = nn.Linear(4, 3)

    def forward(self, x):
        return self.net(x)


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()  # noqa: UP008  (as the course)
        self.net = nn.Sequential(BasicNet(), nn.ReLU(), nn.Linear(3, 2))

    def forward(self, x):
        return self.net(x)


torch.manual_seed(0)
raises("Conv2d without kernel_size", lambda: TestNet())
device = torch.device("cpu")
net = Net()
net.to(device)
net.train()
net.eval()
print(net.training, net.net[0].training)
for name, t in net.named_parameters():
    print("parameters:", name, t.shape)
for name, m in net.named_children():
    print("children:", name, m)
for name, m in net.named_modules():
    print("modules:", name, m)
ml = MyLinear(4, 3)
print(list(ml.parameters())[0].shape, ml(torch.randn(2, 4)).grad_fn, ml.state_dict().keys())
print(Flatten()(torch.randn(2, 3, 4)).shape)
net.load_state_dict(net.state_dict())
print(net.load_state_dict(net.state_dict()))

# ---- lesson48: RNN layers
torch.manual_seed(0)
rnn = nn.RNN(input_size=100, hidden_size=20, num_layers=1)
print(rnn)
x = torch.randn(10, 3, 100)
out, h = rnn(x, torch.zeros(1, 3, 20))
print(out.shape, h.shape)
print(rnn._parameters.keys(), rnn.weight_hh_l0.shape, rnn.weight_ih_l0.shape)
rnn = nn.RNN(input_size=100, hidden_size=20, num_layers=4)
print(rnn)
out, h = rnn(x, torch.zeros(4, 3, 20))
print(out.shape, h.shape)
print("rnn by cell")
cell1 = nn.RNNCell(100, 20)
h1 = torch.zeros(3, 20)
for xt in x:
    h1 = cell1(xt, h1)
print(h1.shape)
cell1 = nn.RNNCell(100, 30)
cell2 = nn.RNNCell(30, 20)
h1 = torch.zeros(3, 30)
h2 = torch.zeros(3, 20)
for xt in x:
    h1 = cell1(xt, h1)
    h2 = cell2(h1, h2)
print(h2.shape)
check("two-cell h2", h2)
print("Lstm")
lstm = nn.LSTM(input_size=100, hidden_size=20, num_layers=4)
print(lstm)
out, (h, c) = lstm(x)
print(out.shape, h.shape, c.shape)
check("lstm out", out[-1])
print("one layer lstm")
cell = nn.LSTMCell(input_size=100, hidden_size=20)
h = torch.zeros(3, 20)
c = torch.zeros(3, 20)
for xt in x:
    h, c = cell(xt, [h, c])
print(h.shape, c.shape)
print("two layer lstm")
cell1 = nn.LSTMCell(input_size=100, hidden_size=30)
cell2 = nn.LSTMCell(input_size=30, hidden_size=20)
h1 = torch.zeros(3, 30)
c1 = torch.zeros(3, 30)
h2 = torch.zeros(3, 20)
c2 = torch.zeros(3, 20)
for xt in x:
    h1, c1 = cell1(xt, [h1, c1])
    h2, c2 = cell2(h1, [h2, c2])
print(h2.shape, c2.shape)
check("two-layer lstm cell graph", graph(h2))
raises("LSTM with a single hidden tensor", lambda: lstm(x, torch.zeros(4, 3, 20)))
raises("LSTMCell with the wrong hidden size", lambda: cell(x[0], [torch.zeros(3, 30), c]))

# ---- lesson49: time-series prediction with an RNN
num_time_steps = 50
input_size = 1
hidden_size = 16
output_size = 1
lr = 0.01


class SeriesNet(nn.Module):
    def __init__(self):
        super(SeriesNet, self).__init__()  # noqa: UP008  (as the course)
        self.rnn = nn.RNN(
            input_size=input_size, hidden_size=hidden_size, num_layers=1, batch_first=True
        )
        for p in self.rnn.parameters():
            nn.init.normal_(p, mean=0.0, std=0.001)
        self.linear = nn.Linear(hidden_size, output_size)

    def forward(self, x, hidden_prev):
        out, hidden_prev = self.rnn(x, hidden_prev)
        out = out.view(-1, hidden_size)
        out = self.linear(out)
        out = out.unsqueeze(dim=0)
        return out, hidden_prev


torch.manual_seed(0)
np.random.seed(0)
model = SeriesNet()
criterion = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr)
hidden_prev = torch.zeros(1, 1, hidden_size)
for iter in range(300):
    start = np.random.randint(3, size=1)[0]
    time_steps = np.linspace(start, start + 10, num_time_steps)
    data = np.sin(time_steps)
    data = data.reshape(num_time_steps, 1)
    x = torch.tensor(data[:-1]).float().view(1, num_time_steps - 1, 1)
    y = torch.tensor(data[1:]).float().view(1, num_time_steps - 1, 1)
    output, hidden_prev = model(x, hidden_prev)
    hidden_prev = hidden_prev.detach()
    loss = criterion(output, y)
    model.zero_grad()
    loss.backward()
    optimizer.step()
    if iter % 50 == 0:
        print("Iteration: {} loss {:.5f}".format(iter, loss.item()))
check("series loss graph", graph(loss))
predictions = []
input = x[:, 0, :]
for _ in range(x.shape[1]):
    input = input.view(1, 1, 1)
    (pred, hidden_prev) = model(input, hidden_prev)
    input = pred
    predictions.append(pred.detach().numpy().ravel()[0])
print(len(predictions), type(predictions[0]), np.round(predictions[:5], 4))
raises("numpy() of a tensor that requires grad", lambda: pred.numpy())

# ---- lesson57: WGAN-GP (gradient penalty through autograd.grad(create_graph=True))
h_dim = 32
batchsz = 64


class Generator(nn.Module):
    def __init__(self):
        super(Generator, self).__init__()  # noqa: UP008  (as the course)
        self.net = nn.Sequential(
            nn.Linear(2, h_dim),
            nn.ReLU(True),
            nn.Linear(h_dim, h_dim),
            nn.ReLU(True),
            nn.Linear(h_dim, 2),
        )

    def forward(self, z):
        output = self.net(z)
        return output


class Discriminator(nn.Module):
    def __init__(self):
        super(Discriminator, self).__init__()  # noqa: UP008  (as the course)
        self.net = nn.Sequential(
            nn.Linear(2, h_dim),
            nn.ReLU(True),
            nn.Linear(h_dim, h_dim),
            nn.ReLU(True),
            nn.Linear(h_dim, 1),
            nn.Sigmoid(),
        )

    def forward(self, x):
        output = self.net(x)
        return output.view(-1)


def data_generator(rs):
    scale = 2.0
    centers = [(1, 0), (-1, 0), (0, 1), (0, -1)]
    centers = [(scale * x, scale * y) for x, y in centers]
    while True:
        dataset = []
        for i in range(batchsz):
            point = rs.randn(2) * 0.02
            center = centers[rs.randint(4)]
            point[0] += center[0]
            point[1] += center[1]
            dataset.append(point)
        dataset = np.array(dataset, dtype="float32")
        dataset /= 1.414
        yield dataset


def weights_init(m):
    if isinstance(m, nn.Linear):
        nn.init.kaiming_normal_(m.weight)
        m.bias.data.fill_(0)


def gradient_penalty(D, xr, xf):
    LAMBDA = 0.3
    xf = xf.detach()
    xr = xr.detach()
    alpha = torch.rand(batchsz, 1)
    alpha = alpha.expand_as(xr)
    interpolates = alpha * xr + ((1 - alpha) * xf)
    interpolates.requires_grad_()
    disc_interpolates = D(interpolates)
    gradients = autograd.grad(
        outputs=disc_interpolates,
        inputs=interpolates,
        grad_outputs=torch.ones_like(disc_interpolates),
        create_graph=True,
        retain_graph=True,
        only_inputs=True,
    )[0]
    gp = ((gradients.norm(2, dim=1) - 1) ** 2).mean() * LAMBDA
    return gp


torch.manual_seed(23)
G = Generator()
D = Discriminator()
G.apply(weights_init)
D.apply(weights_init)
optim_G = torch.optim.Adam(G.parameters(), lr=1e-3, betas=(0.5, 0.9))
optim_D = torch.optim.Adam(D.parameters(), lr=1e-3, betas=(0.5, 0.9))
data_iter = data_generator(np.random.RandomState(23))
print("batch:", next(data_iter).shape)
for epoch in range(6):
    for _ in range(3):
        x = next(data_iter)
        xr = torch.from_numpy(x)
        predr = D(xr)
        lossr = -(predr.mean())
        z = torch.randn(batchsz, 2)
        xf = G(z).detach()
        predf = D(xf)
        lossf = predf.mean()
        gp = gradient_penalty(D, xr, xf)
        loss_D = lossr + lossf + gp
        optim_D.zero_grad()
        loss_D.backward()
        optim_D.step()
    z = torch.randn(batchsz, 2)
    xf = G(z)
    predf = D(xf)
    loss_G = -(predf.mean())
    optim_G.zero_grad()
    loss_G.backward()
    optim_G.step()
    print(epoch, "%.5f %.5f %.5f" % (loss_D.item(), loss_G.item(), gp.item()))
check("wgan gp graph", graph(gp))
check("wgan loss_D graph", graph(loss_D))
check("wgan D grad", D.net[0].weight.grad)
