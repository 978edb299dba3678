# Generated expressions: a fixed-seed Python RNG picks shapes and ops (never values);
# tensor values come from arange, so everything is deterministic.
import random

rng = random.Random(20240601)
SHAPE_PAIRS = [
    ((3,), (3,)),
    ((2, 3), (3,)),
    ((2, 1), (1, 4)),
    ((4,), ()),
    ((2, 3), (2, 3)),
    ((1, 3), (2, 1)),
    ((2, 2, 3), (2, 3)),
    ((3, 1), (3,)),
    ((), ()),
    ((2, 1, 2), (3, 1)),
]
BIN = ["add", "sub", "mul", "div", "maximum", "radd", "rmul", "rsub", "rdiv", "pow_scalar"]
UN = [
    "exp_small",
    "log_pos",
    "sqrt_pos",
    "abs",
    "sigmoid",
    "tanh",
    "relu",
    "neg",
    "clamp",
    "square",
]
RED = ["sum", "mean", "sum0", "mean_last_keep", "max", "none"]


def make(shape, start, step):
    n = 1
    for s in shape:
        n *= s
    return (torch.arange(n, dtype=torch.float32) * step + start).reshape(shape)


def unary(name, t):
    if name == "exp_small":
        return torch.exp(t * 0.1)
    if name == "log_pos":
        return torch.log(t * t + 1)
    if name == "sqrt_pos":
        return (t.abs() + 0.5).sqrt()
    if name == "abs":
        return t.abs()
    if name == "sigmoid":
        return torch.sigmoid(t)
    if name == "tanh":
        return t.tanh()
    if name == "relu":
        return torch.relu(t)
    if name == "neg":
        return -t
    if name == "clamp":
        return t.clamp(-0.5, 0.75)
    return t**2


def binary(name, x, y):
    if name == "add":
        return x + y
    if name == "sub":
        return torch.sub(x, y)
    if name == "mul":
        return x.mul(y)
    if name == "div":
        return x / (y * y + 1)
    if name == "maximum":
        return torch.maximum(x, y)
    if name == "radd":
        return 1.5 + x * y
    if name == "rmul":
        return 0.5 * x + y
    if name == "rsub":
        return 2 - x * y
    if name == "rdiv":
        return 1 / (x * x + 1) + y
    return x**2 + y**3


def reduce(name, t):
    if name == "sum" or t.dim() == 0:
        return t.sum()
    if name == "mean":
        return t.mean()
    if name == "sum0":
        return t.sum(0).sum()
    if name == "mean_last_keep":
        return t.mean(-1, keepdim=True).sum()
    if name == "max":
        return t.max()
    return (t * make(t.shape, 1.0, 0.25)).sum()


for case in range(60):
    with section("case%02d" % case):
        sa, sb = rng.choice(SHAPE_PAIRS)
        if rng.random() < 0.5:
            sa, sb = sb, sa
        a = make(
            sa, rng.choice([-1.5, -0.5, 0.25]), rng.choice([0.5, 0.75, -0.25])
        ).requires_grad_()
        b = make(sb, rng.choice([-1.0, 0.5, 2.0]), rng.choice([0.25, -0.5, 1.0])).requires_grad_(
            rng.random() < 0.7
        )
        ops = [rng.choice(BIN), rng.choice(UN), rng.choice(UN), rng.choice(RED)]
        h = binary(ops[0], a, b)
        h = unary(ops[1], h)
        if rng.random() < 0.5:
            h = binary(rng.choice(BIN), h, a)
        h = unary(ops[2], h)
        out = reduce(ops[3], h)
        key = f"case{case:02d}"
        check(key + ".ops", f"{list(sa)} {list(sb)} {ops}")
        check(key + ".h", h)
        check(key + ".out", out)
        check(key + ".graph", graph(out))
        out.backward()
        check(key + ".a.grad", a.grad)
        check(key + ".b.grad", b.grad)

# generated matmul chains (linear layers without nn)
for case in range(15):
    with section("mm%02d" % case):
        n, k, m = rng.choice([1, 2, 3]), rng.choice([1, 2, 4]), rng.choice([1, 3])
        x = make((n, k), -1.0, 0.5)
        w = make((k, m), 0.5, -0.25).requires_grad_()
        bias = make((m,), 0.1, 0.1).requires_grad_()
        act = rng.choice([torch.sigmoid, torch.tanh, torch.relu])
        y = act(x @ w + bias)
        target = make((n, m), 0.0, 0.1)
        loss = ((y - target) ** 2).mean()
        key = f"mm{case:02d}"
        check(key + ".loss", loss)
        check(key + ".graph", graph(loss))
        loss.backward()
        check(key + ".w.grad", w.grad)
        check(key + ".bias.grad", bias.grad)
