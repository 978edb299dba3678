# Dive into Deep Learning, "Builders' Guide" (zh 5.1-5.5: https://zh.d2l.ai/chapter_deep-learning-computation/model-construction.html,
# parameters.html, custom-layer.html, read-write.html; en: https://d2l.ai/chapter_builders-guide/):
# MLP as a Module, MySequential with add_module/_modules, FixedHiddenMLP (constant weights,
# control flow), NestMLP; parameter access (state_dict, .bias.data, named_parameters,
# nested blocks with add_module), init functions via apply (normal_, zeros_, constant_,
# xavier_uniform_, a custom init), tied parameters; custom layers (CenteredLayer, MyLinear);
# torch.save/torch.load of tensors, lists, dicts and a state_dict (in a temporary directory).
# torch.rand/randn inputs and initialisations are fixed formulas where values are compared.
import os
import tempfile

nn = torch.nn
F = torch.nn.functional


def fixed(*shape, k=0):
    n = 1
    for s in shape:
        n *= s
    return (
        (torch.cos(torch.arange(n, dtype=torch.float64) * (0.57 + 0.11 * k)) * 0.5)
        .float()
        .reshape(shape)
    )


def set_all(net, k=0):
    with torch.no_grad():
        for j, p in enumerate(net.parameters()):
            p.copy_(fixed(*p.shape, k=k + j))
    return net


X = fixed(2, 20, k=9)
net = set_all(nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10)))
check("seq_out", net(X))


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(20, 256)
        self.out = nn.Linear(256, 10)

    def forward(self, X):
        return self.out(F.relu(self.hidden(X)))


net = set_all(MLP())
check("mlp_out", net(X))


class MySequential(nn.Module):
    def __init__(self, *args):
        super().__init__()
        for idx, module in enumerate(args):
            self._modules[str(idx)] = module

    def forward(self, X):
        for block in self._modules.values():
            X = block(X)
        return X


net = set_all(MySequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10)))
check("myseq_out", net(X))
check("myseq_params", [n for n, _ in net.named_parameters()])


class FixedHiddenMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.rand_weight = fixed(20, 20, k=3)
        self.linear = nn.Linear(20, 20)

    def forward(self, X):
        X = self.linear(X)
        X = F.relu(torch.mm(X, self.rand_weight) + 1)
        X = self.linear(X)
        while X.abs().sum() > 1:
            X /= 2
        return X.sum()


net = set_all(FixedHiddenMLP())
check("fixed_hidden", net(X))


class NestMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU())
        self.linear = nn.Linear(32, 16)

    def forward(self, X):
        return self.linear(self.net(X))


chimera = set_all(nn.Sequential(NestMLP(), nn.Linear(16, 20), FixedHiddenMLP()))
check("chimera", chimera(X))

# parameter management
net = set_all(nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1)))
X = fixed(2, 4, k=5)
check("net_out", net(X))
print(net[2].state_dict())
check("bias_type_name", type(net[2].bias).__name__)
print(net[2].bias)
print(net[2].bias.data)
print(net[2].weight.grad == None)
print(*[(name, param.shape) for name, param in net[0].named_parameters()])
print(*[(name, param.shape) for name, param in net.named_parameters()])
print(net.state_dict()["2.bias"].data)


def block1():
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4), nn.ReLU())


def block2():
    net = nn.Sequential()
    for i in range(4):
        net.add_module(f"block {i}", block1())
    return net


rgnet = set_all(nn.Sequential(block2(), nn.Linear(4, 1)))
check("rgnet_out", rgnet(X))
print(rgnet)
print(rgnet[0][1][0].bias.data)


def init_normal(m):
    if type(m) == nn.Linear:
        nn.init.normal_(m.weight, mean=0, std=0.01)
        nn.init.zeros_(m.bias)


net.apply(init_normal)
check("init_normal_bias", net[0].bias.data)
check("init_normal_small", bool(net[0].weight.data.abs().max() < 0.1))


def init_constant(m):
    if type(m) == nn.Linear:
        nn.init.constant_(m.weight, 1)
        nn.init.zeros_(m.bias)


net.apply(init_constant)
check("init_constant", [net[0].weight.data[0], net[0].bias.data[0]])


def init_xavier(m):
    if type(m) == nn.Linear:
        nn.init.xavier_uniform_(m.weight)


def init_42(m):
    if type(m) == nn.Linear:
        nn.init.constant_(m.weight, 42)


net[0].apply(init_xavier)
net[2].apply(init_42)
check("init_xavier_bound", bool(net[0].weight.data.abs().max() <= (6 / 12) ** 0.5))
check("init_42", net[2].weight.data)


def my_init(m):
    if type(m) == nn.Linear:
        print("Init", *[(name, param.shape) for name, param in m.named_parameters()][0])
        nn.init.uniform_(m.weight, -10, 10)
        m.weight.data *= m.weight.data.abs() >= 5


net.apply(my_init)
check("my_init_zeros_or_big", bool(((net[0].weight == 0) | (net[0].weight.abs() >= 5)).all()))
net[0].weight.data[:] += 1
net[0].weight.data[0, 0] = 42
check("set_item", net[0].weight.data[0, 0])

shared = nn.Linear(8, 8)
net = nn.Sequential(
    nn.Linear(4, 8), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(), nn.Linear(8, 1)
)
set_all(net)
net(X)
print(net[2].weight.data[0] == net[4].weight.data[0])
net[2].weight.data[0, 0] = 100
print(net[2].weight.data[0] == net[4].weight.data[0])
check("shared_params", len(list(net.parameters())))
net(X).sum().backward()
check("shared_grad", net[2].weight.grad[0])


# custom layers
class CenteredLayer(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, X):
        return X - X.mean()


layer = CenteredLayer()
print(layer(torch.FloatTensor([1, 2, 3, 4, 5])))
net = set_all(nn.Sequential(nn.Linear(8, 128), CenteredLayer()))
Y = net(fixed(4, 8, k=2))
check("centered_mean_small", bool(Y.mean().abs() < 1e-6))


class MyLinear(nn.Module):
    def __init__(self, in_units, units):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(in_units, units))
        self.bias = nn.Parameter(torch.randn(units))

    def forward(self, X):
        linear = torch.matmul(X, self.weight.data) + self.bias.data
        return F.relu(linear)


linear = MyLinear(5, 3)
check("mylinear_shape", linear.weight.shape)
set_all(linear)
check("mylinear_out", linear(fixed(2, 5, k=1)))
net = set_all(nn.Sequential(MyLinear(64, 8), MyLinear(8, 1)))
check("mylinear_net", net(fixed(2, 64, k=4)))

# file I/O
with tempfile.TemporaryDirectory() as d:
    x = torch.arange(4)
    torch.save(x, os.path.join(d, "x-file"))
    x2 = torch.load(os.path.join(d, "x-file"))
    check("load_x", x2)
    y = torch.zeros(4)
    torch.save([x, y], os.path.join(d, "x-files"))
    x2, y2 = torch.load(os.path.join(d, "x-files"))
    check("load_list", [x2, y2])
    mydict = {"x": x, "y": y}
    torch.save(mydict, os.path.join(d, "mydict"))
    check("load_dict", torch.load(os.path.join(d, "mydict")))
    net = set_all(MLP())
    X = fixed(2, 20, k=6)
    Y = net(X)
    torch.save(net.state_dict(), os.path.join(d, "mlp.params"))
    clone = MLP()
    clone.load_state_dict(torch.load(os.path.join(d, "mlp.params")))
    print(clone.eval())
    Y_clone = clone(X)
    print(Y_clone == Y)
