# Fuzz: reductions (dim ints/tuples/negative, keepdim), indexing (negative ints, steps, None,
# Ellipsis, bool masks, integer lists), views then in-place ops (no_grad and on non-leaves),
# .T / t() / transpose / permute / view / reshape / unsqueeze / squeeze / expand / flatten,
# cat / stack with dims, matmul family over random shapes. Fixed-seed random.Random per case.
import random

SHAPES = [(), (4,), (1,), (2, 3), (3, 1), (1, 4), (2, 1, 3), (2, 3, 4), (3, 2, 2), (1, 1, 2)]
FL = [-2.0, -1.5, -0.5, 0.0, 0.5, 1.0, 1.25, 2.0, 3.0, -3.0]


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


def fleaf(rng, shape, dtype=None, grad=True):
    return torch.tensor(
        nested(shape, lambda: rng.choice(FL)), dtype=dtype or torch.float32, requires_grad=grad
    )


def finish(key, rng, out, leaves):
    check(key + ".out", out)
    if out is None or not hasattr(out, "requires_grad"):
        return
    check(key + ".graph", graph(out))
    if out.requires_grad:
        w = torch.tensor(
            nested(tuple(out.shape), lambda: rng.choice([1.0, 2.0, -1.0, 0.5])), dtype=out.dtype
        )
        attempt(key + ".bw", lambda: (out * w).sum().backward())
        for i, lf in enumerate(leaves):
            check(key + ".g%d" % i, lf.grad)


# ---------------------------------------------------------------- reductions
RED = ["sum", "mean", "max", "min", "argmax", "amax_like"]
for case in range(60):
    rng = random.Random(9100 + case)
    key = "red%02d" % case
    with section(key):
        shape = rng.choice(SHAPES)
        dtype = rng.choice([torch.float32, torch.float32, torch.float64, torch.int64, torch.bool])
        if dtype in (torch.int64, torch.bool):
            x = torch.tensor(nested(shape, lambda: rng.randint(-2, 3)), dtype=dtype)
        else:
            x = fleaf(rng, shape, dtype)
        nd = len(shape)
        op = rng.choice(RED)
        form = rng.random()
        kd = rng.random() < 0.4
        if nd == 0 or form < 0.2:
            dim = None
        elif op in ("sum", "mean") and form < 0.5 and nd >= 2:
            dim = tuple(rng.sample(range(-nd, nd), 2))
        else:
            dim = rng.randint(-nd, nd - 1)
        if rng.random() < 0.05:
            dim = nd + 1  # out of range
        check(key + ".what", "%s %s %s %s %s" % (op, shape, dtype, dim, kd))
        if op == "sum":
            out = attempt(
                key + ".r", lambda: x.sum() if dim is None else torch.sum(x, dim, keepdim=kd)
            )
        elif op == "mean":
            out = attempt(
                key + ".r", lambda: x.mean() if dim is None else x.mean(dim=dim, keepdim=kd)
            )
        elif op == "argmax":
            out = attempt(
                key + ".r", lambda: x.argmax() if dim is None else torch.argmax(x, dim, kd)
            )
        elif op == "amax_like":
            out = attempt(key + ".r", lambda: x.max() if dim is None else x.max(dim)[0])
        else:
            r = attempt(
                key + ".r",
                lambda: getattr(x, op)() if dim is None else getattr(torch, op)(x, dim, keepdim=kd),
            )
            out = r
            if r is not None and dim is not None:
                check(key + ".values", r.values)
                check(key + ".indices", r.indices)
                out = r[0]
        if out is not None:
            finish(key, rng, out, [x])

# ---------------------------------------------------------------- indexing
for case in range(70):
    rng = random.Random(9300 + case)
    key = "idx%02d" % case
    with section(key):
        shape = rng.choice([(5,), (4, 3), (3, 4), (2, 3, 4), (3, 1, 2), (6,)])
        x = fleaf(rng, shape)
        nd = len(shape)
        parts = []
        kinds = []
        for d in range(rng.randint(1, nd)):
            n = shape[d]
            k = rng.choice(["int", "neg", "slice", "step", "none", "full", "list", "oob"])
            kinds.append(k)
            if k == "int":
                parts.append(rng.randrange(n))
            elif k == "neg":
                parts.append(-rng.randint(1, n))
            elif k == "slice":
                parts.append(slice(rng.randint(-n, n), rng.choice([None, rng.randint(-n, n)])))
            elif k == "step":
                parts.append(slice(None, None, rng.choice([2, 3])))
            elif k == "none":
                parts.append(None)
            elif k == "full":
                parts.append(slice(None))
            elif k == "list":
                parts.append([rng.randrange(n) for _ in range(rng.randint(1, 3))])
            else:
                parts.append(n + rng.randint(0, 2))
        mode = rng.random()
        if mode < 0.15:
            parts = [Ellipsis, *parts[-1:]]
        elif mode < 0.3:
            m = torch.tensor(nested(shape, lambda: rng.random() < 0.5))
            parts = [m]
            kinds = ["mask"]
        elif mode < 0.38:
            m = torch.tensor(nested(shape[:1], lambda: rng.random() < 0.5))
            parts = [m]
            kinds = ["rowmask"]
        if sum(1 for p in parts if isinstance(p, list)) > 1:
            parts = [p for p in parts if not isinstance(p, list)] or [0]
        k = tuple(parts) if len(parts) > 1 else parts[0]
        check(key + ".key", "%s %s" % (list(shape), kinds))
        out = attempt(key + ".get", lambda: x[k])
        if out is not None:
            check(key + ".isview", out._version if False else out.shape)
            finish(key, rng, out * 1.0 if rng.random() < 0.5 else out, [x])
        # setitem on a clone (a non-leaf), then backward through it
        y = x.clone()
        v = rng.choice([0.0, -1.0, 2.5])
        if attempt(key + ".set", lambda: y.__setitem__(k, v)) is None and out is not None:
            pass
        check(key + ".y", y)
        check(key + ".ygraph", graph(y))
        x.grad = None
        attempt(key + ".ybw", lambda: (y * y).sum().backward())
        check(key + ".ygrad", x.grad)

# ---------------------------------------------------------------- shape ops + views + in-place
for case in range(70):
    rng = random.Random(9500 + case)
    key = "view%02d" % case
    with section(key):
        shape = rng.choice([(2, 3), (3, 1), (1, 4), (4,), (2, 3, 2), (2, 1, 3), ()])
        x = fleaf(rng, shape)
        nd = len(shape)
        op = rng.choice(
            [
                "T",
                "t",
                "transpose",
                "permute",
                "view",
                "reshape",
                "unsqueeze",
                "squeeze",
                "squeeze_dim",
                "expand",
                "flatten",
                "view_bad",
                "mT",
            ]
        )
        check(key + ".what", "%s %s" % (op, list(shape)))
        if op == "T":
            v = attempt(key + ".v", lambda: x.T)
        elif op == "t":
            v = attempt(key + ".v", lambda: x.t() if rng.random() < 0.5 else torch.t(x))
        elif op == "transpose":
            d0, d1 = (
                rng.randint(-max(nd, 1), max(nd, 1) - 1),
                rng.randint(-max(nd, 1), max(nd, 1) - 1),
            )
            v = attempt(key + ".v", lambda: x.transpose(d0, d1))
        elif op == "permute":
            p = list(range(nd))
            rng.shuffle(p)
            v = attempt(key + ".v", lambda: x.permute(*p))
        elif op == "view":
            n = x.numel()
            v = attempt(key + ".v", lambda: x.view(-1, 1) if rng.random() < 0.5 else x.view(n))
        elif op == "reshape":
            v = attempt(
                key + ".v",
                lambda: x.reshape(1, -1) if rng.random() < 0.5 else torch.reshape(x, (-1,)),
            )
        elif op == "unsqueeze":
            d = rng.randint(-nd - 1, nd)
            v = attempt(key + ".v", lambda: x.unsqueeze(d))
        elif op == "squeeze":
            v = attempt(key + ".v", lambda: x.squeeze())
        elif op == "squeeze_dim":
            d = rng.randint(-max(nd, 1), max(nd, 1) - 1)
            v = attempt(key + ".v", lambda: torch.squeeze(x, d))
        elif op == "expand":
            tgt = tuple(rng.choice([s, 3]) if s == 1 else s for s in shape)
            if rng.random() < 0.3:
                tgt = (2, *tgt)
            v = attempt(key + ".v", lambda: x.expand(*tgt))
        elif op == "flatten":
            v = attempt(key + ".v", lambda: x.flatten())
        elif op == "mT":
            v = attempt(key + ".v", lambda: x.mT)
        else:
            v = attempt(key + ".v", lambda: x.view(rng.choice([5, 7]), -1))
        if v is None:
            continue
        check(key + ".vgraph", graph(v))
        # in-place on a view of a leaf: under no_grad (allowed), with grad (error)
        inop = rng.choice(["add_", "mul_", "sub_", "fill_", "zero_", "iadd"])
        if rng.random() < 0.5:
            with torch.no_grad():
                if inop == "iadd":
                    v += 1
                elif inop in ("fill_",):
                    v.fill_(0.5)
                elif inop == "zero_":
                    v.zero_()
                else:
                    attempt(key + ".inop", lambda: getattr(v, inop)(2))
            check(key + ".x_after", x)
            check(key + ".v_after", v)
        else:
            attempt(
                key + ".inop_grad",
                lambda: (
                    v.zero_()
                    if inop == "zero_"
                    else getattr(v, inop if inop != "iadd" else "add_")(2)
                ),
            )
        # in-place on a view of a non-leaf, then backward
        h = x * 2
        hv = attempt(key + ".hv", lambda: h.T if nd <= 2 else h.transpose(0, 1))
        if hv is not None:
            attempt(
                key + ".hv_mul", lambda: hv.mul_(3) if rng.random() < 0.5 else hv.add_(hv.detach())
            )
            check(key + ".h", h)
            check(key + ".hgraph", graph(h))
            check(key + ".hvgraph", graph(hv))
            x.grad = None
            attempt(key + ".hbw", lambda: h.sum().backward())
            check(key + ".hgrad", x.grad)
        # saved tensor modified in place
        s = x.exp() if rng.random() < 0.5 else x.sigmoid()
        z = (s * s).sum()
        attempt(key + ".mod", lambda: s.add_(1) if rng.random() < 0.7 else s.T.mul_(2))
        attempt(key + ".modbw", lambda: z.backward())

# ---------------------------------------------------------------- cat / stack / matmul
for case in range(50):
    rng = random.Random(9700 + case)
    key = "cat%02d" % case
    with section(key):
        shape = rng.choice([(2, 3), (3,), (1, 2, 2), (2, 1)])
        nd = len(shape)
        dim = rng.randint(-nd, nd - 1)
        a = fleaf(rng, shape)
        bs = list(shape)
        if rng.random() < 0.7:
            bs[dim] = rng.randint(1, 3)
        if rng.random() < 0.1:
            bs = bs[:-1]
        b = fleaf(rng, tuple(bs), rng.choice([torch.float32, torch.float64]), rng.random() < 0.6)
        fn = rng.choice(["cat", "stack", "cat_list3", "stack_neg"])
        check(key + ".what", "%s %s %s %d" % (fn, shape, bs, dim))
        if fn == "cat":
            out = attempt(key + ".r", lambda: torch.cat([a, b], dim))
        elif fn == "stack":
            out = attempt(key + ".r", lambda: torch.stack((a, b), dim=dim))
        elif fn == "cat_list3":
            out = attempt(key + ".r", lambda: torch.cat([a, a * 2, b], dim=dim))
        else:
            out = attempt(key + ".r", lambda: torch.stack([a, b, a], -1))
        if out is not None:
            finish(key, rng, out, [a, b])

for case in range(50):
    rng = random.Random(9900 + case)
    key = "mm%02d" % case
    with section(key):
        n, k, m = rng.randint(1, 3), rng.randint(1, 3), rng.randint(1, 3)
        pair = rng.choice(
            [
                ((n, k), (k, m)),
                ((k,), (k, m)),
                ((n, k), (k,)),
                ((k,), (k,)),
                ((2, n, k), (k, m)),
                ((2, n, k), (2, k, m)),
                ((k,), (2, k, m)),
                ((n, k), (rng.randint(1, 3), m)),
                ((), (k,)),
            ]
        )
        dts = rng.choice(
            [
                (torch.float32, torch.float32),
                (torch.float64, torch.float64),
                (torch.float32, torch.float64),
                (torch.int64, torch.int64),
                (torch.float32, torch.float32),
            ]
        )
        a = (
            fleaf(rng, pair[0], dts[0], dts[0].is_floating_point)
            if dts[0].is_floating_point
            else torch.tensor(nested(pair[0], lambda: rng.randint(-2, 3)))
        )
        b = (
            fleaf(rng, pair[1], dts[1], rng.random() < 0.7)
            if dts[1].is_floating_point
            else torch.tensor(nested(pair[1], lambda: rng.randint(-2, 3)))
        )
        fn = rng.choice(["@", "matmul", "mm", "mv", "dot", "rmatmul"])
        check(key + ".what", "%s %s %s" % (fn, pair, dts))
        if fn == "@":
            out = attempt(key + ".r", lambda: a @ b)
        elif fn == "matmul":
            out = attempt(key + ".r", lambda: torch.matmul(a, b))
        elif fn == "rmatmul":
            out = attempt(key + ".r", lambda: a.matmul(b))
        else:
            out = attempt(key + ".r", lambda: getattr(torch, fn)(a, b))
        if out is not None:
            finish(key, rng, out, [a, b])
