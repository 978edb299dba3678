# Datawhale 《深入浅出PyTorch》 (datawhalechina/thorough-pytorch), chapters 2-6 and their
# notebooks: 2.1 tensors (dtype at creation, typed constructors, numpy sharing, new_ones /
# randn_like, in-place add_, views sharing storage, broadcasting, squeeze / unsqueeze),
# 2.2 autograd (grad_fn, accumulation and grad.data.zero_(), y.backward(v), no_grad, x.data,
# .grad of a tensor that does not require grad, backward of one), 3.4 model construction
# (MLP, MyLayer, MyListDense / MyDictDense, corr2d Conv2D, comp_conv2d, pool2d, LeNet with
# num_flat_features, AlexNet's repr), 3.5 initialisation (isinstance, kaiming_normal_,
# constant_, initialize_weights by apply, the book's `bias.data.zeros_()` on BatchNorm2d),
# 3.6 the loss catalogue, 3.7 train(epoch) / val(epoch), 3.9 the optimizer walk-through
# (momentum SGD, zero_grad, add_param_group, state_dict, save / load), 4 the FashionMNIST CNN,
# 5.1 Sequential / OrderedDict / ModuleList / ModuleDict, 5.2 UNet blocks, 5.3 model
# modification (a new classifier head, an extra input, two outputs), 5.4 saving with and
# without nn.DataParallel's `module.` prefix, 6.1 custom losses (DiceLoss, DiceBCELoss,
# IoULoss, FocalLoss), 6.2 learning-rate schedules (StepLR, a hand-written
# adjust_learning_rate, checkpoints with the scheduler), 6.3 set_parameter_requires_grad,
# 6.4 autocast on a CPU-only machine. Small seeded random tensors stand in for images; the
# networks are narrowed (UNet 4 channels wide instead of 64).
import collections
import copy
import io
import os
import tempfile
import warnings
from collections import OrderedDict

import numpy as np

Dataset = torch.utils.data.Dataset
DataLoader = torch.utils.data.DataLoader
tmpdir = tempfile.mkdtemp()

# ---------------------------------------------------------------- 2.1 tensors
torch.manual_seed(0)
x = torch.rand(4, 3)
print(x)
x = torch.zeros(4, 3, dtype=torch.long)
print(x)
x = torch.tensor([5.5, 3])
print(x)
x = x.new_ones(4, 3, dtype=torch.double)
print(x)
x = torch.randn_like(x, dtype=torch.float)
print(x)
print(x.size())
print(x.shape)
y = torch.rand(4, 3)
print(x + y)
print(torch.add(x, y))
y.add_(x)
print(y)
print(x[:, 1])
y = x[0, :]
y += 1
print(y)
print(x[0, :])
x = torch.randn(4, 4)
y = x.view(16)
z = x.view(-1, 8)
print(x.size(), y.size(), z.size())
x += 1
print(x)
print(y)
x = torch.randn(1)
print(type(x))
print(type(x.item()))
x = torch.arange(1, 3).view(1, 2)
y = torch.arange(1, 4).view(3, 1)
print(x + y)
a = torch.tensor(1.0, dtype=torch.float)
b = torch.tensor(1, dtype=torch.long)
c = torch.tensor(1.0, dtype=torch.int8)
print(a, b, c)
d = torch.FloatTensor(2, 3)
e = torch.IntTensor(2)
f = torch.IntTensor([1, 2, 3, 4])
print(d.shape, d.dtype, "\n", e.shape, e.dtype, "\n", f)
g = np.array([[1, 2, 3], [4, 5, 6]])
h = torch.tensor(g)
print(h)
i = torch.from_numpy(g)
print(i)
j = h.numpy()
print(j)
g[0, 0] = 100
print(i)
print(h)
k = torch.rand(2, 3)
l = torch.ones(2, 3)
m = torch.zeros(2, 3)
n = torch.arange(0, 10, 2)
print(k, "\n", l, "\n", m, "\n", n)
o = torch.add(k, l)
print(o[:, 1])
print(o[0, :])
print(o.view((3, 2)))
print(o.view(-1, 2))
r = o.unsqueeze(1)
print(r)
print(r.shape)
s = r.squeeze(0)
print(s.shape)
t = r.squeeze(1)
print(t)
print(t.shape)

# ---------------------------------------------------------------- 2.2 autograd
x = torch.randn(3, 3, requires_grad=True)
print(x.grad_fn)
x = torch.ones(2, 2, requires_grad=True)
print(x)
y = x**2
print(y)
print(y.grad_fn)
z = y * y * 3
out = z.mean()
print(z, out)
a = torch.randn(2, 2)
a = (a * 3) / (a - 1)
print(a.requires_grad)
a.requires_grad_(True)
print(a.requires_grad)
b = (a * a).sum()
print(b.grad_fn)
out.backward()
print(x.grad)
out2 = x.sum()
out2.backward()
print(x.grad)
out3 = x.sum()
x.grad.data.zero_()
out3.backward()
print(x.grad)
check("z graph", graph(out))

x = torch.randn(3, requires_grad=True)
print(x)
y = x * 2
i = 0
while y.data.norm() < 1000:
    y = y * 2
    i = i + 1
print(y)
print(i)
v = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float)
y.backward(v)
print(x.grad)
print(x.requires_grad)
print((x**2).requires_grad)
with torch.no_grad():
    print((x**2).requires_grad)
x = torch.ones(1, requires_grad=True)
print(x.data)
print(x.data.requires_grad)
y = 2 * x
x.data *= 100
y.backward()
print(x)
print(x.grad)

x1 = torch.tensor(1.0, requires_grad=True)
x2 = torch.tensor(2.0, requires_grad=True)
y = x1 + 2 * x2
print(y)
print(x1.requires_grad, x2.requires_grad, y.requires_grad)
raises("grad.data before backward", lambda: x1.grad.data)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(y.grad)
print([str(w.message)[:60] for w in caught])
y = x1 + 2 * x2
y.backward()
print(x1.grad.data)
print(x2.grad.data)
y = x1 + 2 * x2
y.backward()
print(x1.grad.data)
print(x2.grad.data)
x1 = torch.tensor(1.0, requires_grad=False)
x2 = torch.tensor(2.0, requires_grad=False)
y = x1 + 2 * x2
raises("backward of a tensor that does not require grad", lambda: y.backward())


# ---------------------------------------------------------------- 3.4 model construction
class MLP(nn.Module):
    def __init__(self, **kwargs):
        super(MLP, self).__init__(**kwargs)  # noqa: UP008  (as the book)
        self.hidden = nn.Linear(784, 256)
        self.act = nn.ReLU()
        self.output = nn.Linear(256, 10)

    def forward(self, x):
        o = self.act(self.hidden(x))
        return self.output(o)


torch.manual_seed(0)
X = torch.rand(2, 784)
net = MLP()
print(net)
check("MLP output", net(X))


class MyLayer(nn.Module):
    def __init__(self, **kwargs):
        super(MyLayer, self).__init__(**kwargs)  # noqa: UP008  (as the book)

    def forward(self, x):
        return x - x.mean()


layer = MyLayer()
print(layer(torch.tensor([1, 2, 3, 4, 5], dtype=torch.float)))
raises("MyLayer of a long tensor", lambda: layer(torch.tensor([1, 2, 3, 4, 5])))


class MyListDense(nn.Module):
    def __init__(self):
        super(MyListDense, self).__init__()  # noqa: UP008  (as the book)
        self.params = nn.ParameterList([nn.Parameter(torch.randn(4, 4)) for i in range(3)])
        self.params.append(nn.Parameter(torch.randn(4, 1)))

    def forward(self, x):
        for i in range(len(self.params)):
            x = torch.mm(x, self.params[i])
        return x


net = MyListDense()
print(net)
out = net(torch.ones(1, 4))
check("MyListDense", out)
check("MyListDense graph", graph(out))


class MyDictDense(nn.Module):
    def __init__(self):
        super(MyDictDense, self).__init__()  # noqa: UP008  (as the book)
        self.params = nn.ParameterDict(
            {
                "linear1": nn.Parameter(torch.randn(4, 4)),
                "linear2": nn.Parameter(torch.randn(4, 1)),
            }
        )
        self.params.update({"linear3": nn.Parameter(torch.randn(4, 2))})

    def forward(self, x, choice="linear1"):
        return torch.mm(x, self.params[choice])


net = MyDictDense()
print(net)
x = torch.ones(1, 4)
print(net(x, "linear1"), net(x, "linear2"), net(x, "linear3"))
raises("MyDictDense with a missing key", lambda: net(x, "linear4"))
net2 = nn.Sequential(MyDictDense(), MyListDense())
print(net2)


def corr2d(X, K):
    h, w = K.shape
    X, K = X.float(), K.float()
    Y = torch.zeros((X.shape[0] - h + 1, X.shape[1] - w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i : i + h, j : j + w] * K).sum()
    return Y


class Conv2D(nn.Module):
    def __init__(self, kernel_size):
        super(Conv2D, self).__init__()  # noqa: UP008  (as the book)
        self.weight = nn.Parameter(torch.randn(kernel_size))
        self.bias = nn.Parameter(torch.randn(1))

    def forward(self, x):
        return corr2d(x, self.weight) + self.bias


conv = Conv2D((2, 2))
out = conv(torch.arange(16).view(4, 4))
print(out)
out.sum().backward()
print(conv.weight.grad, conv.bias.grad)


def comp_conv2d(conv2d, X):
    X = X.view((1, 1) + X.shape)
    Y = conv2d(X)
    return Y.view(Y.shape[2:])


conv2d = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=3, padding=1)
X = torch.rand(8, 8)
print(comp_conv2d(conv2d, X).shape)
conv2d = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=(5, 3), padding=(2, 1))
print(comp_conv2d(conv2d, X).shape)
conv2d = nn.Conv2d(1, 1, kernel_size=(3, 5), padding=(0, 1), stride=(3, 4))
print(comp_conv2d(conv2d, X).shape)
check("strided conv", comp_conv2d(conv2d, X))


def pool2d(X, pool_size, mode="max"):
    p_h, p_w = pool_size
    Y = torch.zeros((X.shape[0] - p_h + 1, X.shape[1] - p_w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            if mode == "max":
                Y[i, j] = X[i : i + p_h, j : j + p_w].max()
            elif mode == "avg":
                Y[i, j] = X[i : i + p_h, j : j + p_w].mean()
    return Y


X = torch.tensor([[0, 1, 2], [3, 4, 5], [6, 7, 8]], dtype=torch.float)
print(pool2d(X, (2, 2)))
print(pool2d(X, (2, 2), "avg"))


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()  # noqa: UP008  (as the book)
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(-1, self.num_flat_features(x))
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x

    def num_flat_features(self, x):
        size = x.size()[1:]
        num_features = 1
        for s in size:
            num_features *= s
        return num_features


torch.manual_seed(1)
net = Net()
print(net)
params = list(net.parameters())
print(len(params))
print(params[0].size())
input = torch.randn(1, 1, 32, 32)
out = net(input)
check("LeNet output", out)
net.zero_grad()
out.backward(torch.randn(1, 10))
check("LeNet conv1 bias grad", net.conv1.bias.grad)
raises("LeNet of a 28x28 image", lambda: net(torch.randn(1, 1, 28, 28)))


class AlexNet(nn.Module):
    def __init__(self):
        super(AlexNet, self).__init__()  # noqa: UP008  (as the book)
        self.conv = nn.Sequential(
            nn.Conv2d(1, 96, 11, 4),
            nn.ReLU(),
            nn.MaxPool2d(3, 2),
            nn.Conv2d(96, 256, 5, 1, 2),
            nn.ReLU(),
            nn.MaxPool2d(3, 2),
            nn.Conv2d(256, 384, 3, 1, 1),
            nn.ReLU(),
            nn.Conv2d(384, 384, 3, 1, 1),
            nn.ReLU(),
            nn.Conv2d(384, 256, 3, 1, 1),
            nn.ReLU(),
            nn.MaxPool2d(3, 2),
        )
        self.fc = nn.Sequential(
            nn.Linear(256 * 5 * 5, 4096),
            nn.ReLU(),
            nn.Dropout(0.5),
            nn.Linear(4096, 4096),
            nn.ReLU(),
            nn.Dropout(0.5),
            nn.Linear(4096, 10),
        )

    def forward(self, img):
        feature = self.conv(img)
        output = self.fc(feature.view(img.shape[0], -1))
        return output


# (the repr and the parameter count; a 224x224 forward would not be small)
print(AlexNet())

# ---------------------------------------------------------------- 3.5 initialisation
conv = nn.Conv2d(1, 3, 3)
linear = nn.Linear(10, 1)
print(isinstance(conv, nn.Conv2d), isinstance(linear, nn.Conv2d))
print(conv.weight.data)
print(linear.weight.data)
print(torch.nn.init.kaiming_normal_(conv.weight.data))
print(torch.nn.init.constant_(linear.weight.data, 0.3))
print(linear.weight.data)


def initialize_weights(model):
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            torch.nn.init.zeros_(m.weight.data)
            if m.bias is not None:
                torch.nn.init.constant_(m.bias.data, 0.3)
        elif isinstance(m, nn.Linear):
            torch.nn.init.normal_(m.weight.data, 0.1)
            if m.bias is not None:
                torch.nn.init.zeros_(m.bias.data)
        elif isinstance(m, nn.BatchNorm2d):
            m.weight.data.fill_(1)
            m.bias.data.zeros_()


class MLP(nn.Module):
    def __init__(self, **kwargs):
        super(MLP, self).__init__(**kwargs)  # noqa: UP008  (as the book)
        self.hidden = nn.Conv2d(1, 1, 3)
        self.act = nn.ReLU()
        self.output = nn.Linear(10, 1)

    def forward(self, x):
        o = self.act(self.hidden(x))
        return self.output(o)


mlp = MLP()
print(mlp.hidden.weight.data)
print("-------初始化-------")
print(mlp.apply(initialize_weights))
print(mlp.hidden.weight.data, mlp.hidden.bias.data)
check("initialised Linear weight", mlp.output.weight)
check("initialised MLP output", mlp(torch.ones(1, 1, 12, 12)))
bn_model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2))
raises("the book's bias.data.zeros_()", lambda: bn_model.apply(initialize_weights))
print(bn_model[1].weight, bn_model[0].bias)

# ---------------------------------------------------------------- 3.6 losses
torch.manual_seed(3)
m = nn.Sigmoid()
loss = nn.BCELoss()
input = torch.randn(3, requires_grad=True)
target = torch.empty(3).random_(2)
output = loss(m(input), target)
output.backward()
print("BCELoss损失函数的计算结果为", output)
check("BCELoss grad", input.grad)
loss = nn.CrossEntropyLoss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.empty(3, dtype=torch.long).random_(5)
output = loss(input, target)
output.backward()
print(output, target)
for name, loss in [
    ("L1", nn.L1Loss()),
    ("MSE", nn.MSELoss()),
    ("SmoothL1Loss", nn.SmoothL1Loss()),
]:
    input = torch.randn(3, 5, requires_grad=True)
    target = torch.randn(3, 5)
    output = loss(input, target)
    output.backward()
    print(name + "损失函数的计算结果为", output)
    check(name + " grad", input.grad[0])
inputs = torch.linspace(-10, 10, steps=50)
target = torch.zeros_like(inputs)
loss_smooth = nn.SmoothL1Loss(reduction="none")(inputs, target)
loss_l1 = nn.L1Loss(reduction="none")(inputs, target)
check("SmoothL1 vs L1", (loss_l1 - loss_smooth)[20:30])
loss = nn.PoissonNLLLoss()
log_input = torch.randn(5, 2, requires_grad=True)
target = torch.randn(5, 2)
output = loss(log_input, target)
output.backward()
print("PoissonNLLLoss损失函数的计算结果为", output)
inputs = torch.tensor([[0.5, 0.3, 0.2], [0.2, 0.3, 0.5]])
target = torch.tensor([[0.9, 0.05, 0.05], [0.1, 0.7, 0.2]], dtype=torch.float)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    output = nn.KLDivLoss()(inputs, target)
print("KLDivLoss损失函数的计算结果为", output)
print([str(w.message)[:80] for w in caught])
loss = nn.MarginRankingLoss()
input1 = torch.randn(3, requires_grad=True)
input2 = torch.randn(3, requires_grad=True)
target = torch.randn(3).sign()
output = loss(input1, input2, target)
output.backward()
print("MarginRankingLoss损失函数的计算结果为", output)
loss = nn.MultiLabelMarginLoss()
x = torch.FloatTensor([[0.9, 0.2, 0.4, 0.8]])
y = torch.LongTensor([[3, 0, -1, 1]])
print("MultiLabelMarginLoss损失函数的计算结果为", loss(x, y))
inputs = torch.tensor([[0.3, 0.7], [0.5, 0.5]])
target = torch.tensor([[-1, 1], [1, -1]], dtype=torch.float)
print("SoftMarginLoss损失函数的计算结果为", nn.SoftMarginLoss()(inputs, target))
target = torch.tensor([0, 1], dtype=torch.long)
print("MultiMarginLoss损失函数的计算结果为", nn.MultiMarginLoss()(inputs, target))
triplet_loss = nn.TripletMarginLoss(margin=1.0, p=2)
anchor = torch.randn(10, 16, requires_grad=True)
positive = torch.randn(10, 16, requires_grad=True)
negative = torch.randn(10, 16, requires_grad=True)
output = triplet_loss(anchor, positive, negative)
output.backward()
print("TripletMarginLoss损失函数的计算结果为", output)
check("TripletMarginLoss anchor grad", anchor.grad[0])
inputs = torch.tensor([[1.0, 0.8, 0.5]])
target = torch.tensor([[1, 1, -1]])
print("HingEmbeddingLoss损失函数的计算结果为", nn.HingeEmbeddingLoss()(inputs, target))
inputs_1 = torch.tensor([[0.3, 0.5, 0.7], [0.3, 0.5, 0.7]])
inputs_2 = torch.tensor([[0.1, 0.3, 0.5], [0.1, 0.3, 0.5]])
target = torch.tensor([1, -1], dtype=torch.float)
print(
    "CosineEmbeddingLoss损失函数的计算结果为", nn.CosineEmbeddingLoss()(inputs_1, inputs_2, target)
)
T, C, N, S, S_min = 12, 6, 3, 5, 2
input = torch.randn(T, N, C).log_softmax(2).detach().requires_grad_()
target = torch.randint(low=1, high=C, size=(N, S), dtype=torch.long)
input_lengths = torch.full(size=(N,), fill_value=T, dtype=torch.long)
target_lengths = torch.randint(low=S_min, high=S, size=(N,), dtype=torch.long)
ctc_loss = nn.CTCLoss()
loss = ctc_loss(input, target, input_lengths, target_lengths)
loss.backward()
check("CTCLoss padded", loss)
check("CTCLoss padded grad", input.grad[0, 0])
input = torch.randn(T, N, C).log_softmax(2).detach().requires_grad_()
target_lengths = torch.randint(low=1, high=T, size=(N,), dtype=torch.long)
target = torch.randint(low=1, high=C, size=(sum(target_lengths),), dtype=torch.long)
loss = ctc_loss(input, target, input_lengths, target_lengths)
loss.backward()
check("CTCLoss un-padded", loss)

# ---------------------------------------------------------------- 3.9 optimizer
torch.manual_seed(4)
weight = torch.randn((2, 2), requires_grad=True)
weight.grad = torch.ones((2, 2))
print("The data of weight before step:\n{}".format(weight.data))
print("The grad of weight before step:\n{}".format(weight.grad))
optimizer = torch.optim.SGD([weight], lr=0.1, momentum=0.9)
optimizer.step()
print("The data of weight after step:\n{}".format(weight.data))
print("The grad of weight after step:\n{}".format(weight.grad))
optimizer.zero_grad()
print("The grad of weight after optimizer.zero_grad():\n{}".format(weight.grad))
print("optimizer.params_group is \n{}".format(optimizer.param_groups))
print(optimizer.param_groups[0]["params"][0] is weight)
weight2 = torch.randn((3, 3), requires_grad=True)
optimizer.add_param_group({"params": weight2, "lr": 0.0001, "nesterov": True})
print("optimizer.param_groups is\n{}".format(optimizer.param_groups))
opt_state_dict = optimizer.state_dict()
print("state_dict before step:\n", opt_state_dict)
weight.grad = torch.ones((2, 2))
for _ in range(50):
    optimizer.step()
print("state_dict after step:\n", optimizer.state_dict())
path = os.path.join(tmpdir, "optimizer_state_dict.pkl")
torch.save(optimizer.state_dict(), path)
print("----------done-----------")
state_dict = torch.load(path)
optimizer.load_state_dict(state_dict)
print("load state_dict successfully\n{}".format(state_dict))
print("\n{}".format(optimizer.defaults))
print("\n{}".format(optimizer.state))
print("\n{}".format(optimizer.param_groups))
raises(
    "a parameter in two groups",
    lambda: optimizer.add_param_group({"params": [weight]}),
)
raises("a set of parameters", lambda: optimizer.add_param_group({"params": {weight2}}))
raises(
    "loading a state of another shape",
    lambda: torch.optim.SGD([weight], lr=0.1).load_state_dict(state_dict),
)


# ---------------------------------------------------------------- 3.7 / ch. 4 FashionMNIST
class FMDataset(Dataset):
    def __init__(self, images, labels, transform=None):
        self.transform = transform
        self.images = images.astype(np.uint8)
        self.labels = labels

    def __len__(self):
        return len(self.images)

    def __getitem__(self, idx):
        image = self.images[idx].reshape(28, 28, 1)
        label = int(self.labels[idx])
        if self.transform is not None:
            image = self.transform(image)
        else:
            image = torch.tensor(image / 255.0, dtype=torch.float)
        label = torch.tensor(label, dtype=torch.long)
        return image, label


def to_tensor(image):
    # (torchvision's ToTensor: HWC uint8 -> CHW float in [0, 1])
    return torch.from_numpy(image).permute(2, 0, 1).float().div(255)


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()  # noqa: UP008  (as the book)
        self.conv = nn.Sequential(
            nn.Conv2d(1, 8, 5),
            nn.ReLU(),
            nn.MaxPool2d(2, stride=2),
            nn.Dropout(0.3),
            nn.Conv2d(8, 16, 5),
            nn.ReLU(),
            nn.MaxPool2d(2, stride=2),
            nn.Dropout(0.3),
        )
        self.fc = nn.Sequential(nn.Linear(16 * 4 * 4, 32), nn.ReLU(), nn.Linear(32, 10))

    def forward(self, x):
        x = self.conv(x)
        x = x.view(-1, 16 * 4 * 4)
        x = self.fc(x)
        return x


rs = np.random.RandomState(0)
train_data = FMDataset(rs.randint(0, 256, (24, 784)), rs.randint(0, 10, 24), to_tensor)
test_data = FMDataset(rs.randint(0, 256, (8, 784)), rs.randint(0, 10, 8), to_tensor)
print(FMDataset(rs.randint(0, 256, (1, 784)), [3])[0][0].shape)
torch.manual_seed(5)
train_loader = DataLoader(train_data, batch_size=8, shuffle=True, num_workers=0, drop_last=True)
test_loader = DataLoader(test_data, batch_size=8, shuffle=False, num_workers=0)
image, label = next(iter(train_loader))
print(image.shape, label.shape, label)
model = Net()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.001)


def train(epoch):
    model.train()
    train_loss = 0
    for data, label in train_loader:
        optimizer.zero_grad()
        output = model(data)
        loss = criterion(output, label)
        loss.backward()
        optimizer.step()
        train_loss += loss.item() * data.size(0)
    train_loss = train_loss / len(train_loader.dataset)
    print("Epoch: {} \tTraining Loss: {:.5f}".format(epoch, train_loss))


def val(epoch):
    model.eval()
    val_loss = 0
    gt_labels = []
    pred_labels = []
    with torch.no_grad():
        for data, label in test_loader:
            output = model(data)
            preds = torch.argmax(output, 1)
            gt_labels.append(label.cpu().data.numpy())
            pred_labels.append(preds.cpu().data.numpy())
            loss = criterion(output, label)
            val_loss += loss.item() * data.size(0)
    val_loss = val_loss / len(test_loader.dataset)
    gt_labels, pred_labels = np.concatenate(gt_labels), np.concatenate(pred_labels)
    acc = np.sum(gt_labels == pred_labels) / len(pred_labels)
    print("Epoch: {} \tValidation Loss: {:.5f}, Accuracy: {:6f}".format(epoch, val_loss, acc))


for epoch in range(1, 3):
    train(epoch)
    val(epoch)
check("FashionMNIST fc weight", model.fc[2].weight[:2, :4])
running_accu = torch.sum(torch.argmax(model(image), 1) == label.data)
print(running_accu, running_accu.dtype)

# ---------------------------------------------------------------- 5.1 Sequential / ModuleList / ModuleDict
torch.manual_seed(6)
net1 = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
print(net1)
net2 = nn.Sequential(
    collections.OrderedDict(
        [("fc1", nn.Linear(784, 256)), ("relu1", nn.ReLU()), ("fc2", nn.Linear(256, 10))]
    )
)
print(net2)
a = torch.rand(4, 784)
out1 = net1(a)
out2 = net2(a)
print(out1.shape == out2.shape, out1.shape)
print(net2.fc1, net2[0] is net2.fc1)
net3 = nn.ModuleList([nn.Linear(784, 256), nn.ReLU()])
net3.append(nn.Linear(256, 10))
print(net3[-1])
print(net3)
raises("calling a ModuleList", lambda: net3(a))


class Net3(nn.Module):
    def __init__(self):
        super().__init__()
        self.modulelist = nn.ModuleList([nn.Linear(784, 256), nn.ReLU()])
        self.modulelist.append(nn.Linear(256, 10))

    def forward(self, x):
        for layer in self.modulelist:
            x = layer(x)
        return x


net3_ = Net3()
out3_ = net3_(a)
print(out3_.shape)
net4 = nn.ModuleDict({"linear": nn.Linear(784, 256), "act": nn.ReLU()})
net4["output"] = nn.Linear(256, 10)
print(net4["linear"])
print(net4.output)
print(net4)
raises("calling a ModuleDict", lambda: net4(a))


class MySequential(nn.Module):
    def __init__(self, *args):
        super(MySequential, self).__init__()  # noqa: UP008  (as the book)
        if len(args) == 1 and isinstance(args[0], OrderedDict):
            for key, module in args[0].items():
                self.add_module(key, module)
        else:
            for idx, module in enumerate(args):
                self.add_module(str(idx), module)

    def forward(self, input):
        for module in self._modules.values():
            input = module(input)
        return input


mine = MySequential(OrderedDict([("fc1", net2.fc1), ("relu1", nn.ReLU()), ("fc2", net2.fc2)]))
print(mine)
print(torch.equal(mine(a), out2))


# ---------------------------------------------------------------- 5.2 / 5.3 UNet and modification
class DoubleConv(nn.Module):
    """(convolution => [BN] => ReLU) * 2"""

    def __init__(self, in_channels, out_channels, mid_channels=None):
        super().__init__()
        if not mid_channels:
            mid_channels = out_channels
        self.double_conv = nn.Sequential(
            nn.Conv2d(in_channels, mid_channels, kernel_size=3, padding=1, bias=False),
            nn.BatchNorm2d(mid_channels),
            nn.ReLU(inplace=True),
            nn.Conv2d(mid_channels, out_channels, kernel_size=3, padding=1, bias=False),
            nn.BatchNorm2d(out_channels),
            nn.ReLU(inplace=True),
        )

    def forward(self, x):
        return self.double_conv(x)


class Down(nn.Module):
    """Downscaling with maxpool then double conv"""

    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.maxpool_conv = nn.Sequential(nn.MaxPool2d(2), DoubleConv(in_channels, out_channels))

    def forward(self, x):
        return self.maxpool_conv(x)


class Up(nn.Module):
    """Upscaling then double conv"""

    def __init__(self, in_channels, out_channels, bilinear=True):
        super().__init__()
        if bilinear:
            self.up = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True)
            self.conv = DoubleConv(in_channels, out_channels, in_channels // 2)
        else:
            self.up = nn.ConvTranspose2d(in_channels, in_channels // 2, kernel_size=2, stride=2)
            self.conv = DoubleConv(in_channels, out_channels)

    def forward(self, x1, x2):
        x1 = self.up(x1)
        diffY = x2.size()[2] - x1.size()[2]
        diffX = x2.size()[3] - x1.size()[3]
        x1 = F.pad(x1, [diffX // 2, diffX - diffX // 2, diffY // 2, diffY - diffY // 2])
        x = torch.cat([x2, x1], dim=1)
        return self.conv(x)


class OutConv(nn.Module):
    def __init__(self, in_channels, out_channels):
        super(OutConv, self).__init__()  # noqa: UP008  (as the book)
        self.conv = nn.Conv2d(in_channels, out_channels, kernel_size=1)

    def forward(self, x):
        return self.conv(x)


class UNet(nn.Module):
    # (widths 4..64 for the book's 64..1024)
    def __init__(self, n_channels, n_classes, bilinear=True, w=4):
        super(UNet, self).__init__()  # noqa: UP008  (as the book)
        self.n_channels = n_channels
        self.n_classes = n_classes
        self.bilinear = bilinear
        self.inc = DoubleConv(n_channels, w)
        self.down1 = Down(w, 2 * w)
        self.down2 = Down(2 * w, 4 * w)
        self.down3 = Down(4 * w, 8 * w)
        factor = 2 if bilinear else 1
        self.down4 = Down(8 * w, 16 * w // factor)
        self.up1 = Up(16 * w, 8 * w // factor, bilinear)
        self.up2 = Up(8 * w, 4 * w // factor, bilinear)
        self.up3 = Up(4 * w, 2 * w // factor, bilinear)
        self.up4 = Up(2 * w, w, bilinear)
        self.outc = OutConv(w, n_classes)

    def encode(self, x):
        x1 = self.inc(x)
        x2 = self.down1(x1)
        x3 = self.down2(x2)
        x4 = self.down3(x3)
        x5 = self.down4(x4)
        x = self.up1(x5, x4)
        x = self.up2(x, x3)
        x = self.up3(x, x2)
        x = self.up4(x, x1)
        return x, x5

    def forward(self, x):
        x, _ = self.encode(x)
        logits = self.outc(x)
        return logits


torch.manual_seed(7)
unet = UNet(3, 1)
print(unet.up1, unet.outc)
print(sum(p.numel() for p in unet.parameters()), len(unet.state_dict()))
unet1 = copy.deepcopy(unet)
print(unet1.outc)
b = torch.rand(1, 3, 36, 28)
out_unet1 = unet1(b)
print(out_unet1.shape)
check("UNet output", out_unet1[0, 0, :2, :4])
unet1.outc = OutConv(4, 5)
print(unet1.outc)
out_unet1 = unet1(b)
print(out_unet1.shape)
unet_t = UNet(3, 2, bilinear=False)
out = unet_t(b)
print(out.shape, unet_t.up1.up)
out.mean().backward()
check("UNet transposed-conv grad", unet_t.up1.up.weight.grad[0, 0])
check("UNet bn running_mean", unet_t.inc.double_conv[1].running_mean)
print(unet.state_dict()["inc.double_conv.1.num_batches_tracked"])


class UNet2(UNet):
    def forward(self, x, add_variable):
        x, _ = self.encode(x)
        x = x + add_variable  # 修改点
        logits = self.outc(x)
        return logits


class UNet3(UNet):
    def forward(self, x):
        x, x5 = self.encode(x)
        logits = self.outc(x)
        return logits, x5  # 修改点


torch.manual_seed(7)
unet2 = UNet2(3, 1)
c = torch.rand(1, 1, 36, 28)
out_unet2 = unet2(b, c)
print(out_unet2.shape)
raises("UNet2 without its extra input", lambda: unet2(b))
torch.manual_seed(7)
unet3 = UNet3(3, 1)
out_unet3, mid_out = unet3(b)
print(out_unet3.shape, mid_out.shape)
check("UNet2 - UNet3 = outc(add_variable) - bias", (out_unet2 - out_unet3)[0, 0, 0, :4])


class ResNetLike(nn.Module):
    # (stands in for torchvision's resnet: a feature extractor and its .fc)
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 8, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten()
        )
        self.fc = nn.Linear(8, 1000)

    def forward(self, x):
        return self.fc(self.features(x))


torch.manual_seed(8)
net = ResNetLike()
classifier = nn.Sequential(
    OrderedDict(
        [
            ("fc1", nn.Linear(8, 16)),
            ("relu1", nn.ReLU()),
            ("dropout1", nn.Dropout(0.5)),
            ("fc2", nn.Linear(16, 10)),
            ("output", nn.Softmax(dim=1)),
        ]
    )
)
net.fc = classifier
print(net)
inputs = torch.rand(2, 3, 10, 10)
net.eval()
out = net(inputs)
check("new classifier head", out)
print(out.sum(dim=1))


class Model(nn.Module):
    def __init__(self, net):
        super(Model, self).__init__()  # noqa: UP008  (as the book)
        self.net = net
        self.relu = nn.ReLU()
        self.dropout = nn.Dropout(0.5)
        self.fc_add = nn.Linear(1001, 10, bias=True)
        self.output = nn.Softmax(dim=1)

    def forward(self, x, add_variable):
        x = self.net(x)
        x = torch.cat((self.dropout(self.relu(x)), add_variable.unsqueeze(1)), 1)
        x = self.fc_add(x)
        x = self.output(x)
        return x


model = Model(ResNetLike())
add_var = torch.tensor([0.5, -1.0])
out = model(inputs, add_var)
check("model with an extra input (dropout on)", out)
check("model with an extra input graph", graph(out))
raises("extra input of a wrong shape", lambda: model(inputs, torch.ones(2, 2)))


class Model2(nn.Module):
    def __init__(self, net):
        super(Model2, self).__init__()  # noqa: UP008  (as the book)
        self.net = net
        self.relu = nn.ReLU()
        self.dropout = nn.Dropout(0.5)
        self.fc1 = nn.Linear(1000, 10, bias=True)
        self.output = nn.Softmax(dim=1)

    def forward(self, x, add_variable):
        x1000 = self.net(x)
        x10 = self.dropout(self.relu(x1000))
        x10 = self.fc1(x10)
        x10 = self.output(x10)
        return x10, x1000


model = Model2(ResNetLike()).eval()
out10, out1000 = model(inputs, add_var)
print(out10.shape, out1000.shape, out10.grad_fn, out1000.grad_fn)

# ---------------------------------------------------------------- 5.4 saving and DataParallel
save_dir = os.path.join(tmpdir, "unet_weight_example.pth")
torch.save(unet.state_dict(), save_dir)
loaded_unet_weights = torch.load(save_dir)
print(unet.load_state_dict(loaded_unet_weights))
print(list(loaded_unet_weights)[:3])
# (a whole model: net1, built of torch's own classes; this program's classes cannot be
# pickled by reference)
buf = io.BytesIO()
torch.save(net1, buf)
buf.seek(0)
raises(
    "loading a whole model with weights_only",
    lambda: torch.load(buf),
    key="Weights only load failed",
)
buf.seek(0)
loaded_net1 = torch.load(buf, weights_only=False)
print(loaded_net1, torch.equal(loaded_net1(a), net1(a)))
unet_mul = nn.DataParallel(copy.deepcopy(unet))
print(type(unet_mul).__name__, unet_mul.device_ids, list(unet_mul.state_dict())[:2])
check("DataParallel forward", unet_mul(b)[0, 0, 0, :3])
torch.save(unet_mul.state_dict(), save_dir)
loaded_dict = torch.load(save_dir)
loaded_model = UNet(3, 1)
raises("loading module.-prefixed keys", lambda: loaded_model.load_state_dict(loaded_dict))
print(loaded_model.load_state_dict({k.replace("module.", ""): v for k, v in loaded_dict.items()}))
new_state_dict = OrderedDict()
for k, v in loaded_dict.items():
    name = k[7:]
    new_state_dict[name] = v
print(loaded_model.load_state_dict(new_state_dict, strict=True))
torch.save(unet_mul.module.state_dict(), save_dir)
print(list(torch.load(save_dir))[:2])
unet_mul.load_state_dict(loaded_dict)
print(torch.equal(unet_mul.module.outc.conv.weight, unet.outc.conv.weight))
unet_mul.module.outc.conv.weight.requires_grad = False
unet_mul.module.outc.conv.bias.requires_grad = False
for layer, param in list(unet_mul.named_parameters())[-4:]:
    print(layer, "\t", param.requires_grad)

# ---------------------------------------------------------------- 6.1 custom losses


def my_loss(output, target):
    loss = torch.mean((output - target) ** 2)
    return loss


class DiceLoss(nn.Module):
    def __init__(self, weight=None, size_average=True):
        super(DiceLoss, self).__init__()  # noqa: UP008  (as the book)

    def forward(self, inputs, targets, smooth=1):
        inputs = F.sigmoid(inputs)
        inputs = inputs.view(-1)
        targets = targets.view(-1)
        intersection = (inputs * targets).sum()
        dice = (2.0 * intersection + smooth) / (inputs.sum() + targets.sum() + smooth)
        return 1 - dice


class DiceBCELoss(nn.Module):
    def __init__(self, weight=None, size_average=True):
        super(DiceBCELoss, self).__init__()  # noqa: UP008  (as the book)

    def forward(self, inputs, targets, smooth=1):
        inputs = F.sigmoid(inputs)
        inputs = inputs.view(-1)
        targets = targets.view(-1)
        intersection = (inputs * targets).sum()
        dice_loss = 1 - (2.0 * intersection + smooth) / (inputs.sum() + targets.sum() + smooth)
        BCE = F.binary_cross_entropy(inputs, targets, reduction="mean")
        Dice_BCE = BCE + dice_loss
        return Dice_BCE


class IoULoss(nn.Module):
    def __init__(self, weight=None, size_average=True):
        super(IoULoss, self).__init__()  # noqa: UP008  (as the book)

    def forward(self, inputs, targets, smooth=1):
        inputs = F.sigmoid(inputs)
        inputs = inputs.view(-1)
        targets = targets.view(-1)
        intersection = (inputs * targets).sum()
        total = (inputs + targets).sum()
        union = total - intersection
        IoU = (intersection + smooth) / (union + smooth)
        return 1 - IoU


ALPHA = 0.8
GAMMA = 2


class FocalLoss(nn.Module):
    def __init__(self, weight=None, size_average=True):
        super(FocalLoss, self).__init__()  # noqa: UP008  (as the book)

    def forward(self, inputs, targets, alpha=ALPHA, gamma=GAMMA, smooth=1):
        inputs = F.sigmoid(inputs)
        inputs = inputs.view(-1)
        targets = targets.view(-1)
        BCE = F.binary_cross_entropy(inputs, targets, reduction="mean")
        BCE_EXP = torch.exp(-BCE)
        focal_loss = alpha * (1 - BCE_EXP) ** gamma * BCE
        return focal_loss


def dice_coeff(pred, target):
    eps = 0.0001
    num = pred.size(0)
    m1 = pred.view(num, -1)
    m2 = target.view(num, -1)
    intersection = (m1 * m2).sum()
    return (2.0 * intersection + eps) / (m1.sum() + m2.sum() + eps)


torch.manual_seed(9)
logits = torch.randn(2, 1, 6, 6, requires_grad=True)
mask = (torch.rand(2, 1, 6, 6) > 0.5).float()
for crit in (DiceLoss(), DiceBCELoss(), IoULoss(), FocalLoss()):
    loss = crit(logits, mask)
    (g,) = torch.autograd.grad(loss, logits)
    check(type(crit).__name__, loss)
    check(type(crit).__name__ + " grad", g[0, 0, 0])
check("FocalLoss graph", graph(FocalLoss()(logits, mask)))
print(my_loss(torch.ones(3), torch.zeros(3)), dice_coeff(torch.sigmoid(logits).detach(), mask))
raises("DiceLoss of a non-contiguous mask", lambda: DiceLoss()(logits, mask.transpose(2, 3)))

# ---------------------------------------------------------------- 6.2 learning-rate schedules
torch.manual_seed(10)
unet = UNet(3, 1)
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(unet.parameters(), lr=1e-3, weight_decay=1e-8)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.8)
images = torch.rand(2, 3, 16, 16)
masks = (torch.rand(2, 1, 16, 16) > 0.5).float()
for epoch in range(1, 4):
    unet.train()
    optimizer.zero_grad()
    output = unet(images)
    loss = criterion(output, masks)
    loss.backward()
    optimizer.step()
    print("current learning rate: ", optimizer.state_dict()["param_groups"][0]["lr"])
    scheduler.step()
check("UNet after three Adam steps", unet.outc.conv.weight[0, :, 0, 0])
print(scheduler.state_dict())
checkpoint_path = os.path.join(tmpdir, "checkpoint.pth")
torch.save(
    {
        "model": unet.state_dict(),
        "optimizer": optimizer.state_dict(),
        "lr_scheduler": scheduler.state_dict(),
        "epoch": epoch,
        "args": {"lr": 1e-3},
    },
    checkpoint_path,
)
checkpoint = torch.load(checkpoint_path)
unet2 = UNet(3, 1)
optimizer2 = torch.optim.Adam(unet2.parameters(), lr=1e-3, weight_decay=1e-8)
lr_scheduler = torch.optim.lr_scheduler.StepLR(optimizer2, step_size=1, gamma=0.8)
unet2.load_state_dict(checkpoint["model"])
optimizer2.load_state_dict(checkpoint["optimizer"])
lr_scheduler.load_state_dict(checkpoint["lr_scheduler"])
epoch = checkpoint["epoch"]
args = checkpoint["args"]
print(epoch, args, lr_scheduler.get_last_lr(), optimizer2.param_groups[0]["lr"])
print(optimizer2.state_dict()["state"][0]["step"])


class Args:
    lr = 0.1


args = Args()


def adjust_learning_rate(optimizer, epoch):
    lr = args.lr * (0.1 ** (epoch // 30))
    for param_group in optimizer.param_groups:
        param_group["lr"] = lr


optimizer = torch.optim.SGD(unet.parameters(), lr=args.lr, momentum=0.9)
lrs = []
for epoch in (0, 29, 30, 61, 95):
    adjust_learning_rate(optimizer, epoch)
    lrs.append(optimizer.param_groups[0]["lr"])
print(lrs)
optimizer = torch.optim.SGD(unet.parameters(), lr=0.1)
scheduler1 = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.9)
scheduler2 = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[2, 4], gamma=0.5)
for epoch in range(5):
    optimizer.step()
    scheduler1.step()
    scheduler2.step()
    lrs.append(optimizer.param_groups[0]["lr"])
print(lrs)


# ---------------------------------------------------------------- 6.3 fine-tuning / 6.4 autocast
def set_parameter_requires_grad(model, feature_extracting):
    if feature_extracting:
        for param in model.parameters():
            param.requires_grad = False


torch.manual_seed(11)
feature_extract = True
model = ResNetLike()
set_parameter_requires_grad(model, feature_extract)
num_ftrs = model.fc.in_features
model.fc = nn.Linear(in_features=num_ftrs, out_features=4, bias=True)
print([(n, p.requires_grad) for n, p in model.named_parameters()])
params_to_update = [p for p in model.parameters() if p.requires_grad]
print(len(params_to_update))
out = model(inputs)
out.sum().backward()
print(model.features[0].weight.grad, model.fc.bias.grad)
check("fine-tuned head graph", graph(out))


class HalfNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    @torch.cuda.amp.autocast()
    def forward(self, x):
        return self.fc(x)


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    half = HalfNet()
    out = half(torch.ones(1, 4))
print(out.dtype, sorted({type(w.category).__name__ + ":" + w.category.__name__ for w in caught}))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    with torch.cuda.amp.autocast():
        output = half.fc(torch.ones(1, 4))
print(output.dtype)
