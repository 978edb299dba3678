# nn.Parameter, Module subclass, Linear, Sequential, activations, MSELoss, functional
p = nn.Parameter(torch.tensor([1.0, 2.0]))
check("param", p)
check("param.repr", repr(p))
check("param.is_leaf", p.is_leaf)
check("param.isinstance", (isinstance(p, torch.Tensor), isinstance(p, nn.Parameter)))
q = p * 2
check("param*2", q)
check("param*2.type", type(q).__name__)
check("param*2.graph", graph(q))
check("param.detach.type", type(p.detach()).__name__)
check("param.data.type", type(p.data).__name__)
p_ng = nn.Parameter(torch.tensor([1.0]), requires_grad=False)
check("param_no_grad", p_ng)
check("param_no_grad.repr", repr(p_ng))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.tensor([[1.0, -1.0], [0.5, 2.0]]))
        self.b = nn.Parameter(torch.tensor([0.1, -0.2]))
        self.scale = torch.tensor(3.0)  # plain tensor attribute: not a parameter

    def forward(self, x):
        return torch.sigmoid(x @ self.w + self.b) * self.scale


net = Net()
names = [n for n, _ in net.named_parameters()]
check("named_parameters", names)
check("parameters.count", len(list(net.parameters())))
check("parameters.is", next(iter(net.parameters())) is net.w)
x = torch.tensor([[1.0, 2.0], [3.0, -1.0]])
out = net(x)
check("net.out", out)
check("net.graph", graph(out))
out.sum().backward()
check("net.w.grad", net.w.grad)
check("net.b.grad", net.b.grad)
net.zero_grad()
check("net.zero_grad.w", net.w.grad)
check("net.training", net.training)


class Outer(nn.Module):
    def __init__(self):
        super().__init__()
        self.inner = Net()
        self.lin = nn.Linear(2, 1)

    def forward(self, x):
        return self.lin(self.inner(x))


o = Outer()
check("nested.names", [n for n, _ in o.named_parameters()])
check("nested.shapes", [tuple(p.shape) for p in o.parameters()])

lin = nn.Linear(3, 2)
check("linear.weight.shape", lin.weight.shape)
check("linear.bias.shape", lin.bias.shape)
check("linear.weight.type", type(lin.weight).__name__)
check("linear.names", [n for n, _ in lin.named_parameters()])
check("linear.attrs", (lin.in_features, lin.out_features))
check("linear.repr", repr(lin))
with torch.no_grad():
    lin.weight.copy_(torch.tensor([[0.1, 0.2, 0.3], [-0.4, 0.5, -0.6]]))
    lin.bias.copy_(torch.tensor([0.01, -0.02]))
check("linear.weight", lin.weight)
check("linear.weight.repr", repr(lin.weight))
xin = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
y = lin(xin)
check("linear.out", y)
check("linear.out.repr", repr(y))
check("linear.graph", graph(y))
y.sum().backward()
check("linear.weight.grad", lin.weight.grad)
check("linear.bias.grad", lin.bias.grad)
y1 = lin(torch.tensor([1.0, 0.0, -1.0]))
check("linear.1d", y1)
check("linear.1d.graph", graph(y1))
y3 = lin(torch.arange(12.0).reshape(2, 2, 3))
check("linear.3d", y3)
check("linear.3d.name", y3.grad_fn.name())
nob = nn.Linear(2, 2, bias=False)
check("linear.nobias.bias", nob.bias)
nob.weight.data = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
yn = nob(torch.tensor([[1.0, 1.0]]))
check("linear.nobias.out", yn)
check("linear.nobias.graph", graph(yn))
check("linear.nobias.names", [n for n, _ in nob.named_parameters()])
check("linear.kaiming_range", bool((nn.Linear(4, 3).weight.abs() <= 0.5).all()))

seq = nn.Sequential(nn.Linear(2, 3), nn.Sigmoid(), nn.Linear(3, 1), nn.Tanh())
with torch.no_grad():
    seq[0].weight.copy_(torch.tensor([[0.1, 0.2], [0.3, -0.4], [-0.5, 0.6]]))
    seq[0].bias.copy_(torch.tensor([0.0, 0.1, -0.1]))
    seq[2].weight.copy_(torch.tensor([[1.0, -1.0, 0.5]]))
    seq[2].bias.fill_(0.25)
check("seq.names", [n for n, _ in seq.named_parameters()])
check("seq.len", len(seq))
check("seq.repr", repr(seq))
xs = torch.tensor([[1.0, 2.0], [0.5, -1.0], [0.0, 0.0]])
ys = seq(xs)
check("seq.out", ys)
check("seq.graph", graph(ys))
target = torch.tensor([[0.5], [0.0], [1.0]])
loss_fn = nn.MSELoss()
check("mseloss.repr", repr(loss_fn))
loss = loss_fn(ys, target)
check("mse", loss)
check("mse.graph", graph(loss))
loss.backward()
for n, prm in seq.named_parameters():
    check("seq.grad." + n, prm.grad)
seq.zero_grad()
check("seq.zero_grad", [prm.grad for prm in seq.parameters()])
relu_seq = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
with torch.no_grad():
    relu_seq[0].weight.copy_(torch.tensor([[1.0, -1.0], [-2.0, 1.0]]))
    relu_seq[0].bias.zero_()
r = relu_seq(torch.tensor([[1.0, 3.0]]))
check("relu_seq", r)
check("relu_seq.graph", graph(r))
check(
    "modules.act",
    [
        nn.Sigmoid()(torch.tensor([0.0])),
        nn.ReLU()(torch.tensor([-1.0, 2.0])),
        nn.Tanh()(torch.tensor([0.5])),
    ],
)
check("act.repr", [repr(nn.Sigmoid()), repr(nn.ReLU()), repr(nn.Tanh())])

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([1.5, 2.0, 1.0])
l = F.mse_loss(a, b)
check("F.mse", l)
check("F.mse.graph", graph(l))
l.backward()
check("F.mse.grad", a.grad)
check("F.mse.sum", F.mse_loss(a, b, reduction="sum"))
check("F.mse.none", F.mse_loss(a, b, reduction="none"))
check("MSELoss.sum", nn.MSELoss(reduction="sum")(a, b))
check("F.sigmoid", F.sigmoid(a))
check("F.relu", F.relu(a - 2))
check("F.relu.graph", graph(F.relu(a - 2)))
check(
    "F.linear",
    F.linear(torch.tensor([[1.0, 2.0]]), torch.tensor([[3.0, 4.0]]), torch.tensor([0.5])),
)
