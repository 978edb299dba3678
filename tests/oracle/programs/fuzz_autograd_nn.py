# Fuzz: backward(gradient=...) of random shapes (right and wrong), retain_graph patterns,
# autograd.grad with create_graph (second derivatives), hooks returning replacements,
# retain_grad, nn.Linear / Sequential trained with SGD (momentum), and reprs of random
# tensors (extreme magnitudes, negatives, nan/inf, summarization, wide rows).
import random

FL = [-2.0, -1.5, -0.5, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0]


def nested(shape, gen):
    if len(shape) == 0:
        return gen()
    return [nested(shape[1:], gen) for _ in range(shape[0])]


def attempt(key, fn):
    box = []

    def run():
        box.append(fn())
        return box[0]

    raises(key, run)
    return box[0] if box else None


UN = [
    torch.exp,
    torch.tanh,
    torch.sigmoid,
    lambda t: t * t,
    lambda t: t**3,
    lambda t: torch.sin(t) if False else t.relu() + t * 0.5,
    lambda t: (t * t + 1).log(),
    lambda t: (t * t + 1).sqrt(),
    lambda t: 1 / (t * t + 1),
]

# ---------------------------------------------------------------- backward / retain_graph
for case in range(50):
    rng = random.Random(5100 + case)
    key = "bw%02d" % case
    with section(key):
        shape = rng.choice([(), (3,), (2, 3), (2, 1, 2), (1,)])
        dt = rng.choice([torch.float32, torch.float64])
        x = torch.tensor(nested(shape, lambda: rng.choice(FL)), dtype=dt, requires_grad=True)
        f1, f2 = rng.choice(UN), rng.choice(UN)
        h = f1(x)
        if rng.random() < 0.5:
            h.retain_grad()
        y = f2(h) * rng.choice([1, 2.0, -0.5])
        mode = rng.choice(
            ["implicit", "grad_ok", "grad_bad", "grad_dtype", "twice", "twice_retain", "sum_then"]
        )
        check(key + ".mode", mode + " " + str(shape))
        if mode == "implicit":
            attempt(key + ".b", lambda: y.backward())
        elif mode == "grad_ok":
            g = torch.tensor(nested(shape, lambda: rng.choice([1.0, -1.0, 0.5])), dtype=dt)
            attempt(key + ".b", lambda: y.backward(g))
        elif mode == "grad_bad":
            bad = rng.choice([(4,), (2, 2), (3, 1), (1, 3)])
            attempt(key + ".b", lambda: y.backward(torch.ones(bad, dtype=dt)))
        elif mode == "grad_dtype":
            attempt(key + ".b", lambda: y.backward(torch.ones(shape, dtype=torch.int64)))
        elif mode == "twice":
            attempt(key + ".b1", lambda: y.sum().backward())
            attempt(key + ".b2", lambda: y.sum().backward())
        elif mode == "twice_retain":
            s = y.sum()
            attempt(key + ".b1", lambda: s.backward(retain_graph=True))
            check(key + ".g1", x.grad)
            attempt(key + ".b2", lambda: s.backward())
            attempt(key + ".b3", lambda: s.backward())
        else:
            attempt(key + ".b", lambda: (y * y).sum().backward(inputs=[x]))
        check(key + ".xg", x.grad)
        check(key + ".hg", h.grad)
        check(key + ".h_leaf", [h.is_leaf, h.requires_grad, h.retains_grad])

# ---------------------------------------------------------------- autograd.grad, 2nd order
# the graph of a create_graph grad is compared only without tanh/sigmoid/relu: PyTorch
# records their derivatives as fused TanhBackwardBackward0 / SigmoidBackwardBackward0 /
# ThresholdBackwardBackward0 nodes (values and grads are still compared)
FUSED_2ND = {1, 2, 5}
for case in range(40):
    rng = random.Random(5300 + case)
    key = "ag%02d" % case
    with section(key):
        shape = rng.choice([(), (3,), (2, 2)])
        x = torch.tensor(nested(shape, lambda: rng.choice(FL)), requires_grad=True)
        w = torch.tensor(nested(shape, lambda: rng.choice(FL)), requires_grad=True)
        u = torch.tensor(1.5, requires_grad=True)  # sometimes unused
        i1, i2 = rng.randrange(len(UN)), rng.randrange(len(UN))
        f1, f2 = UN[i1], UN[i2]
        y = (f1(x) * f2(w) + x * w).sum()
        check(key + ".y", y)
        cg = rng.random() < 0.6
        ins = [x, w] if rng.random() < 0.7 else [x, w, u]
        au = rng.random() < 0.5
        gs = attempt(
            key + ".g", lambda: torch.autograd.grad(y, ins, create_graph=cg, allow_unused=au)
        )
        if gs is None:
            continue
        for i, g in enumerate(gs):
            check(key + ".g%d" % i, g)
        if cg:
            if FUSED_2ND.isdisjoint((i1, i2)):
                check(key + ".ggraph", graph(gs[0]))
            s = gs[0].sum() + (gs[1] * gs[1]).sum()
            h2 = attempt(key + ".h", lambda: torch.autograd.grad(s, [x, w], retain_graph=True))
            if h2 is not None:
                check(key + ".h0", h2[0])
                check(key + ".h1", h2[1])
            attempt(key + ".hb", lambda: s.backward())
            check(key + ".xg", x.grad)
            check(key + ".wg", w.grad)
        else:
            attempt(key + ".again", lambda: torch.autograd.grad(y, [x]))

# ---------------------------------------------------------------- hooks
for case in range(30):
    rng = random.Random(5500 + case)
    key = "hk%02d" % case
    with section(key):
        x = torch.tensor(nested((3,), lambda: rng.choice(FL)), requires_grad=True)
        h = x * rng.choice([2.0, -1.0, 3])
        log = []
        kind = rng.choice(["none", "double", "zero", "chain"])

        def hook(g, kind=kind):
            log.append(g.clone())
            if kind == "double":
                return g * 2
            if kind == "zero":
                return torch.zeros_like(g)
            return None

        hx = x.register_hook(hook) if rng.random() < 0.5 else h.register_hook(hook)
        if kind == "chain":
            h.register_hook(lambda g: g + 1)
        y = (rng.choice(UN)(h) * h).sum()
        attempt(key + ".b", lambda: y.backward(retain_graph=True))
        check(key + ".kind", kind)
        check(key + ".log", log)
        check(key + ".xg", x.grad)
        hx.remove()
        attempt(key + ".b2", lambda: y.backward())
        check(key + ".xg2", x.grad)

# ---------------------------------------------------------------- nn training
for case in range(16):
    rng = random.Random(5700 + case)
    key = "nn%02d" % case
    with section(key):
        din, dh, dout = rng.randint(1, 3), rng.randint(1, 4), rng.randint(1, 2)
        act = rng.choice([nn.ReLU, nn.Tanh, nn.Sigmoid])
        deep = rng.random() < 0.6
        model = (
            nn.Sequential(nn.Linear(din, dh), act(), nn.Linear(dh, dout))
            if deep
            else nn.Linear(din, dout)
        )
        with torch.no_grad():
            for p in model.parameters():
                p.copy_(
                    torch.tensor(
                        nested(tuple(p.shape), lambda: rng.choice([-0.5, 0.25, 0.5, -0.25, 0.75]))
                    )
                )
        n = rng.randint(1, 5)
        X = torch.tensor(nested((n, din), lambda: rng.choice(FL)))
        Y = torch.tensor(nested((n, dout), lambda: rng.choice([0.0, 1.0, -1.0])))
        mom = rng.choice([0, 0.9, 0.5])
        opt = optim.SGD(model.parameters(), lr=rng.choice([0.1, 0.05, 0.01]), momentum=mom)
        lossf = (
            nn.MSELoss()
            if rng.random() < 0.5
            else (lambda a, b: F.mse_loss(a, b, reduction=rng.choice(["sum", "mean"])))
        )
        check(key + ".model", repr(model))
        for step in range(3):
            opt.zero_grad()
            out = model(X)
            loss = lossf(out, Y)
            check(key + ".loss%d" % step, loss)
            loss.backward()
            opt.step()
        check(key + ".graph", graph(loss))
        for name, p in model.named_parameters():
            check(key + "." + name, p)
            check(key + "." + name + ".grad", p.grad)
        check(key + ".out_repr", repr(model(X)))
        raises(key + ".badshape", lambda: model(torch.ones(n, din + 1)))

# ---------------------------------------------------------------- printing
MAGS = [1e-8, 1e-5, 1e-3, 0.1, 1.0, 10.0, 123.456, 1e4, 1e6, 1e9, 1e12]
for case in range(70):
    rng = random.Random(5900 + case)
    key = "pr%02d" % case
    with section(key):
        shape = rng.choice(
            [
                (),
                (1,),
                (4,),
                (2, 3),
                (3, 1),
                (2, 2, 2),
                (12,),
                (3, 9),
                (1001,),
                (40, 40),
                (2, 700),
                (6, 1, 3),
            ]
        )
        mag = rng.choice(MAGS)
        neg = rng.random() < 0.5
        special = rng.random() < 0.25
        intish = rng.random() < 0.2

        def val():
            if special and rng.random() < 0.2:
                return rng.choice([float("nan"), float("inf"), float("-inf")])
            v = (
                float(rng.randint(-9, 9))
                if intish
                else round(rng.uniform(-1 if neg else 0, 1) * mag, 6)
            )
            return v

        dtype = rng.choice([torch.float32, torch.float32, torch.float64, torch.int64, torch.bool])
        if dtype == torch.int64:
            t = torch.tensor(
                nested(
                    shape, lambda: rng.randint(-(10 ** rng.randint(0, 9)), 10 ** rng.randint(0, 9))
                )
            )
        elif dtype == torch.bool:
            t = torch.tensor(nested(shape, lambda: rng.random() < 0.5))
        else:
            t = torch.tensor(nested(shape, val), dtype=dtype)
        if dtype.is_floating_point and rng.random() < 0.4:
            t.requires_grad_()
            if rng.random() < 0.5:
                t = t * 1
        check(key + ".repr", repr(t))
        print(t)
        if t.dim() >= 1 and t.numel() > 1:
            check(key + ".row", repr(t[0]))
        check(key + ".str", str(t.detach()))

# ---------------------------------------------------------------- random errors
for case in range(40):
    rng = random.Random(6100 + case)
    key = "er%02d" % case
    with section(key):
        sa = tuple(rng.randint(1, 4) for _ in range(rng.randint(1, 3)))
        sb = tuple(rng.randint(1, 4) for _ in range(rng.randint(1, 3)))
        a = torch.ones(sa, requires_grad=rng.random() < 0.5)
        b = torch.ones(sb, dtype=rng.choice([torch.float32, torch.float64, torch.int64]))
        what = rng.choice(
            [
                "add",
                "mul",
                "matmul",
                "mm",
                "cat",
                "stack",
                "view",
                "expand",
                "item",
                "dot",
                "mv",
                "maximum",
                "inplace_add",
                "int_grad",
                "sum_dim",
                "transpose",
            ]
        )
        check(key + ".what", "%s %s %s" % (what, sa, sb))
        if what == "add":
            raises(key + ".e", lambda: a + b)
        elif what == "mul":
            raises(key + ".e", lambda: torch.mul(a, b))
        elif what == "matmul":
            raises(key + ".e", lambda: a @ b)
        elif what == "mm":
            raises(key + ".e", lambda: torch.mm(a, b))
        elif what == "cat":
            raises(key + ".e", lambda: torch.cat([a, b], rng.randint(-3, 2)))
        elif what == "stack":
            raises(key + ".e", lambda: torch.stack([a, b]))
        elif what == "view":
            raises(key + ".e", lambda: a.view(*sb))
        elif what == "expand":
            raises(key + ".e", lambda: a.expand(*sb))
        elif what == "item":
            raises(key + ".e", lambda: a.item())
        elif what == "dot":
            raises(key + ".e", lambda: torch.dot(a.flatten(), b.flatten()))
        elif what == "mv":
            raises(key + ".e", lambda: torch.mv(a, b.flatten()))
        elif what == "maximum":
            raises(key + ".e", lambda: torch.maximum(a, b))
        elif what == "inplace_add":
            raises(key + ".e", lambda: b.add_(a))
        elif what == "int_grad":
            raises(key + ".e", lambda: b.requires_grad_())
        elif what == "sum_dim":
            raises(key + ".e", lambda: a.sum(dim=rng.randint(-5, 4)))
        else:
            raises(key + ".e", lambda: a.transpose(rng.randint(-4, 3), rng.randint(-4, 3)))

# ---------------------------------------------------------------- fill_ with numbers / 0-d tensors
for case in range(12):
    rng = random.Random(6300 + case)
    key = "fill%02d" % case
    with section(key):
        x = torch.tensor(nested((2, 2), lambda: rng.choice(FL)), requires_grad=True)
        v = rng.choice(
            [2.0, 3, torch.tensor(1.5), torch.tensor(2.5, requires_grad=True), torch.tensor(4)]
        )
        y = x * rng.choice([1.0, 2.0])
        target = y if rng.random() < 0.6 else y[rng.randrange(2)]
        attempt(key + ".f", lambda: target.fill_(v))
        check(key + ".y", y)
        check(key + ".graph", graph(y))
        attempt(key + ".b", lambda: (y * y).sum().backward())
        check(key + ".xg", x.grad)
        check(key + ".vg", v.grad if hasattr(v, "grad") else None)
