# sin/cos, softmax/log_softmax, var/std, prod, norm, leaky_relu, cross_entropy, nll_loss,
# binary_cross_entropy, the matching nn modules, optim.Adam: values, grads, grad_fn
# names, next_functions, dtypes, reprs and errors
def leaf(dtype=None):
    return torch.tensor([[1.0, -2.0, 3.0], [0.5, 2.5, -1.5]], requires_grad=True, dtype=dtype)


cases = {
    "sin": lambda x: torch.sin(x),
    "sin.m": lambda x: x.sin(),
    "cos": lambda x: torch.cos(x),
    "cos.m": lambda x: x.cos(),
    "softmax1": lambda x: torch.softmax(x, 1),
    "softmax0.m": lambda x: x.softmax(0),
    "softmax-1.F": lambda x: F.softmax(x, dim=-1),
    "softmax.dtype": lambda x: torch.softmax(x, 1, dtype=torch.float64),
    "log_softmax1": lambda x: torch.log_softmax(x, 1),
    "log_softmax0.m": lambda x: x.log_softmax(dim=0),
    "log_softmax.F": lambda x: F.log_softmax(x, dim=1),
    "var": lambda x: x.var(),
    "var0": lambda x: torch.var(x, 0),
    "var1.unbiased_false": lambda x: x.var(1, False),
    "var.unbiased_kw": lambda x: x.var(unbiased=False),
    "var.pos_bool": lambda x: x.var(False),
    "var.corr0": lambda x: x.var(correction=0),
    "var.corr2k": lambda x: x.var(dim=1, correction=2, keepdim=True),
    "var.tuple": lambda x: x.var((0, 1)),
    "std": lambda x: x.std(),
    "std1": lambda x: torch.std(x, 1),
    "std0k": lambda x: x.std(0, keepdim=True),
    "std.corr0": lambda x: x.std(dim=-1, correction=0),
    "prod": lambda x: x.prod(),
    "prod1": lambda x: torch.prod(x, 1),
    "prod0k": lambda x: x.prod(0, keepdim=True),
    "norm": lambda x: x.norm(),
    "norm.torch": lambda x: torch.norm(x),
    "norm.p2dim1": lambda x: torch.norm(x, 2, 1),
    "norm.p1": lambda x: x.norm(p=1),
    "norm.p1dim0k": lambda x: x.norm(p=1, dim=0, keepdim=True),
    "norm.fro": lambda x: x.norm(p="fro"),
    "norm.dimtuple": lambda x: x.norm(dim=(0, 1)),
    "leaky_relu": lambda x: F.leaky_relu(x),
    "leaky_relu.02": lambda x: F.leaky_relu(x, 0.2),
    "LeakyReLU": lambda x: nn.LeakyReLU(negative_slope=0.1)(x),
    "Softmax": lambda x: nn.Softmax(dim=1)(x),
    "LogSoftmax": lambda x: nn.LogSoftmax(dim=0)(x),
    "ce": lambda x: F.cross_entropy(x, torch.tensor([2, 0])),
    "ce.sum": lambda x: F.cross_entropy(x, torch.tensor([1, 1]), reduction="sum"),
    "ce.none": lambda x: F.cross_entropy(x, torch.tensor([0, 2]), reduction="none"),
    "ce.ignore": lambda x: F.cross_entropy(x, torch.tensor([1, -100])),
    "ce.ignore_index": lambda x: F.cross_entropy(x, torch.tensor([1, 2]), ignore_index=2),
    "ce.weight": lambda x: F.cross_entropy(
        x, torch.tensor([1, 2]), weight=torch.tensor([1.0, 2.0, 0.5], dtype=x.dtype)
    ),
    "ce.1d": lambda x: F.cross_entropy(x[0], torch.tensor(1)),
    "ce.uint8": lambda x: F.cross_entropy(x, torch.tensor([1, 2], dtype=torch.uint8)),
    "CrossEntropyLoss": lambda x: nn.CrossEntropyLoss()(x, torch.tensor([0, 1])),
    "CrossEntropyLoss.sum": lambda x: nn.CrossEntropyLoss(reduction="sum")(x, torch.tensor([2, 1])),
    "nll": lambda x: F.nll_loss(torch.log_softmax(x, 1), torch.tensor([2, 0])),
    "NLLLoss": lambda x: nn.NLLLoss()(x, torch.tensor([2, 0])),
    "bce": lambda x: F.binary_cross_entropy(
        torch.sigmoid(x), torch.tensor([[0.0, 1, 1], [1, 0, 0.5]], dtype=x.dtype)
    ),
    "bce.sum": lambda x: F.binary_cross_entropy(
        torch.sigmoid(x), torch.ones_like(x), reduction="sum"
    ),
    "bce.none": lambda x: F.binary_cross_entropy(
        torch.sigmoid(x), torch.zeros_like(x), reduction="none"
    ),
    "bce.weight": lambda x: F.binary_cross_entropy(
        torch.sigmoid(x), torch.ones_like(x), weight=torch.tensor([1.0, 2.0, 3.0])
    ),
    "BCELoss": lambda x: nn.BCELoss()(torch.sigmoid(x), torch.ones_like(x)),
}
for k, f in cases.items():
    for dt in (None, torch.float64):
        key = k if dt is None else k + ".f64"
        with section(key):
            x = leaf(dt)
            y = f(x)
            check(key, y)
            check(key + ".name", y.grad_fn.name())
            check(key + ".graph", graph(y))
            y.backward(torch.ones_like(y) if y.dim() else None)
            check(key + ".grad", x.grad)

# second derivatives through create_graph
for k, f in {
    "sin": lambda x: x.sin().sum(),
    "cos": lambda x: (x.cos() * x).sum(),
    "softmax": lambda x: (torch.softmax(x, 1) * torch.arange(6.0).reshape(2, 3)).sum(),
    "log_softmax": lambda x: (torch.log_softmax(x, 0) ** 2).sum(),
    "var": lambda x: x.var(1).sum(),
    "std": lambda x: x.std(),
    "prod": lambda x: x.prod(),
    "prod1": lambda x: x.prod(1).sum(),
    "norm": lambda x: x.norm(),
    "norm1": lambda x: x.norm(dim=1).sum(),
    "ce": lambda x: F.cross_entropy(x, torch.tensor([2, 0])),
    "bce": lambda x: F.binary_cross_entropy(
        torch.sigmoid(x), torch.tensor([[0.0, 1, 1], [1, 0, 0.5]], dtype=x.dtype)
    ),
}.items():
    with section("second." + k):
        x = leaf(torch.float64)
        (g,) = torch.autograd.grad(f(x), x, create_graph=True)
        check("second." + k + ".g", g.detach())  # values (the graph of g is not compared)
        (h,) = torch.autograd.grad(
            (g * torch.arange(6.0, dtype=torch.float64).reshape(2, 3)).sum(), x
        )
        check("second." + k + ".h", h)

# prod with zeros: the gradient is the product of the others (also twice)
for k, vals in {"one_zero": [2.0, 0.0, 3.0, 4.0], "two_zeros": [0.0, 5.0, 0.0, 2.0]}.items():
    with section("prodzero." + k):
        x = torch.tensor(vals, dtype=torch.float64, requires_grad=True)
        (g,) = torch.autograd.grad(x.prod(), x, create_graph=True)
        check("prodzero." + k + ".g", g.detach())
        (h,) = torch.autograd.grad((g * torch.tensor([1.0, 2, 3, 4], dtype=torch.float64)).sum(), x)
        check("prodzero." + k + ".h", h)
        m = x.reshape(2, 2)
        (g1,) = torch.autograd.grad(m.prod(0).sum(), x)
        check("prodzero." + k + ".g_dim0", g1)
# norm of zeros: zero gradient
with section("norm.zero"):
    z = torch.zeros(3, requires_grad=True)
    z.norm().backward()
    check("norm.zero.grad", z.grad)

# dtypes
ints = torch.tensor([[1, 2, 3], [4, 5, 6]])
check("sin.int", torch.sin(ints))
check("cos.bool", torch.cos(torch.tensor([True, False])))
check("prod.int", ints.prod())
check("prod.int.dim", ints.prod(1))
check("prod.bool", torch.tensor([True, False]).prod())
check("prod.dtype", torch.prod(ints, dtype=torch.float64))
check("prod.dtype.graph", graph(torch.prod(leaf(), dtype=torch.float64)))
check("softmax.0d", torch.softmax(torch.tensor(3.0), 0))
check("var.1d", torch.tensor([1.0, 2.0, 4.0]).var())
check("std.0d.corr0", torch.tensor(2.0).std(correction=0))

# reprs
check("repr.Softmax", repr(nn.Softmax(dim=1)))
check("repr.Softmax.none", repr(nn.Softmax()))
check("repr.LogSoftmax", repr(nn.LogSoftmax(1)))
check("repr.LeakyReLU", repr(nn.LeakyReLU()))
check("repr.LeakyReLU.02", repr(nn.LeakyReLU(0.2)))
check("repr.CrossEntropyLoss", repr(nn.CrossEntropyLoss(reduction="sum")))
check("repr.BCELoss", repr(nn.BCELoss()))
check("repr.NLLLoss", repr(nn.NLLLoss()))
check("repr.seq", repr(nn.Sequential(nn.Linear(3, 2), nn.LeakyReLU(), nn.Softmax(dim=1))))

# errors
x = leaf()
raises("softmax.int", lambda: torch.softmax(ints, 1))
raises("softmax.int.dim0", lambda: torch.softmax(ints, 0))
raises("log_softmax.int", lambda: F.log_softmax(ints, dim=1))
raises("log_softmax.int.dim0", lambda: torch.log_softmax(ints, 0))
raises("softmax.nodim", lambda: torch.softmax(x))
raises("softmax.m.nodim", lambda: x.softmax())
raises("softmax.baddim", lambda: x.softmax(2))
raises("var.int", lambda: ints.var())
raises("std.int", lambda: torch.std(ints, 0))
raises("var.baddim", lambda: x.var(3))
raises("prod.tuple", lambda: x.prod((0, 1)))
raises("prod.baddim", lambda: x.prod(-3))
raises("norm.int", lambda: ints.norm())
raises("leaky.int", lambda: F.leaky_relu(ints))
raises("ce.float_target", lambda: F.cross_entropy(x, torch.tensor([0.0, 1.0])))
raises("ce.int32_target", lambda: F.cross_entropy(x, torch.tensor([0, 1], dtype=torch.int32)))
raises("ce.oob", lambda: F.cross_entropy(x, torch.tensor([0, 3])))
raises("ce.neg", lambda: F.cross_entropy(x, torch.tensor([-1, 0])))
raises("ce.batch", lambda: F.cross_entropy(x, torch.tensor([0, 1, 2])))
raises("ce.batch0d", lambda: F.cross_entropy(x, torch.tensor(1)))
raises("ce.reduction", lambda: F.cross_entropy(x, torch.tensor([0, 1]), reduction="avg"))
raises("ce.int_input", lambda: F.cross_entropy(ints, torch.tensor([0, 1])))
raises(
    "ce.weight_dtype",
    lambda: F.cross_entropy(
        x, torch.tensor([0, 1]), weight=torch.tensor([1.0, 2.0, 0.5], dtype=torch.float64)
    ),
)
raises(
    "bce.weight_dtype",
    lambda: F.binary_cross_entropy(
        torch.full((2, 3), 0.5), torch.ones(2, 3), weight=torch.ones(3, dtype=torch.float64)
    ),
)
raises("ce.target2d", lambda: F.cross_entropy(x, torch.tensor([[0, 1]])))
raises("ce.target2d_match", lambda: F.cross_entropy(x, torch.tensor([[0], [1]])))
raises("ce.weight_shape", lambda: F.cross_entropy(x, torch.tensor([0, 1]), weight=torch.ones(2)))
raises(
    "bce.weight_shape",
    lambda: F.binary_cross_entropy(torch.full((2, 3), 0.5), torch.ones(2, 3), weight=torch.ones(2)),
)
check("ce.1d_input_1d_target", F.cross_entropy(torch.tensor([1.0, 2.0, 0.5]), torch.tensor([1])))
raises("ce.list_target", lambda: F.cross_entropy(x, [0, 1]))
raises("bce.range", lambda: F.binary_cross_entropy(x, torch.ones(2, 3)))
raises("bce.shape", lambda: F.binary_cross_entropy(torch.full((2, 3), 0.5), torch.ones(3)))
raises(
    "bce.int_target",
    lambda: F.binary_cross_entropy(torch.full((2, 3), 0.5), torch.ones(2, 3, dtype=torch.long)),
)
raises(
    "bce.f64_target",
    lambda: F.binary_cross_entropy(torch.full((2, 3), 0.5), torch.ones(2, 3, dtype=torch.float64)),
)
raises(
    "bce.reduction",
    lambda: F.binary_cross_entropy(torch.full((2, 3), 0.5), torch.ones(2, 3), reduction="avg"),
)

# binary_cross_entropy at 0 and 1: logs clamped at -100; target gradient
with section("bce.edges"):
    p = torch.tensor([0.0, 1.0, 0.25], requires_grad=True)
    t = torch.tensor([0.2, 0.9, 1.0], requires_grad=True)
    loss = F.binary_cross_entropy(p, t, reduction="sum")
    check("bce.edges.loss", loss)
    check("bce.edges.graph", graph(loss))
    loss.backward()
    check("bce.edges.p.grad", p.grad)
    check("bce.edges.t.grad", t.grad)

# a classifier trained with Adam (and amsgrad / weight decay / AdamW-style)
for name, kw in {
    "adam": {},
    "amsgrad": {"amsgrad": True, "weight_decay": 0.1},
    "decoupled": {"weight_decay": 0.5, "decoupled_weight_decay": True},
    "maximize": {"maximize": True, "betas": (0.8, 0.99)},
}.items():
    with section("adam." + name):
        W = torch.tensor([[0.1, -0.2], [0.3, 0.0], [-0.1, 0.2]], requires_grad=True)
        b = torch.tensor([0.0, 0.1, -0.1], requires_grad=True)
        xs = torch.tensor([[1.0, 2.0], [-1.0, 0.5], [0.3, -0.7], [2.0, 1.0]])
        ys = torch.tensor([0, 2, 1, 0])
        opt = optim.Adam([W, b], lr=0.05, **kw)
        for step in range(4):
            opt.zero_grad()
            check(f"adam.{name}.{step}.grad_after_zero", W.grad)
            loss = F.cross_entropy(xs @ W.T + b, ys)
            loss.backward()
            opt.step()
            check(f"adam.{name}.{step}.loss", loss.item())
            check(f"adam.{name}.{step}.W", W)
            check(f"adam.{name}.{step}.b", b)
        check(f"adam.{name}.state.step", opt.state[W]["step"])
        check(f"adam.{name}.state.exp_avg", opt.state[W]["exp_avg"])
        check(f"adam.{name}.state.exp_avg_sq", opt.state[W]["exp_avg_sq"])
        check(f"adam.{name}.repr", repr(opt))
        check(f"adam.{name}.lr", opt.param_groups[0]["lr"])

with section("adam.module"):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 2), nn.LeakyReLU(0.1), nn.Linear(2, 3))
    with torch.no_grad():
        for i, p in enumerate(model.parameters()):
            p.copy_(torch.arange(p.numel(), dtype=torch.float32).reshape(p.shape) * 0.1 - 0.2 * i)
    opt = optim.Adam(model.parameters(), lr=0.01)
    crit = nn.CrossEntropyLoss()
    xs = torch.tensor([[1.0, 2.0], [-1.0, 0.5], [0.3, -0.7]])
    ys = torch.tensor([0, 2, 1])
    for step in range(3):
        opt.zero_grad()
        out = model(xs)
        loss = crit(out, ys)
        loss.backward()
        opt.step()
        check(f"adam.module.{step}.loss", loss)
    check("adam.module.graph", graph(loss))
    check("adam.module.params", [p for p in model.parameters()])
raises("adam.lr", lambda: optim.Adam([leaf()], lr=-1))
raises("adam.beta", lambda: optim.Adam([leaf()], betas=(1.0, 0.9)))
raises("adam.eps", lambda: optim.Adam([leaf()], eps=-1.0))
