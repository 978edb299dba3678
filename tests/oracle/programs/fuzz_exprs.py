# Fuzz: random expression trees over random shapes (0-d..3-d, size-1 dims, broadcasting),
# mixed dtypes (float32/float64/int64/bool tensors, Python int/float/bool, 0-d tensors),
# every elementwise op of the subset as function, method, operator, reflected operator.
# A fixed-seed random.Random picks shapes, ops and literal values: deterministic.
import random

rng = random.Random(7013)

SHAPES = [
    (),
    (1,),
    (3,),
    (4,),
    (1, 3),
    (2, 1),
    (2, 3),
    (3, 1),
    (1, 1),
    (2, 1, 3),
    (1, 2, 1),
    (2, 2, 3),
    (3, 2),
]
FLOATS = [-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, -0.75, 0.1]
DTYPES = ["f32", "f32", "f32", "f64", "i64", "bool"]


def dt(name):
    return {"f32": torch.float32, "f64": torch.float64, "i64": torch.int64, "bool": torch.bool}[
        name
    ]


def nested(shape, gen):
    if len(shape) == 0:
        return gen()
    return [nested(shape[1:], gen) for _ in range(shape[0])]


def leaf(shape, kind, grad):
    if kind == "bool":
        data = nested(shape, lambda: rng.random() < 0.5)
    elif kind == "i64":
        data = nested(shape, lambda: rng.randint(-3, 4))
    else:
        data = nested(shape, lambda: rng.choice(FLOATS))
    return torch.tensor(data, dtype=dt(kind), requires_grad=grad and kind in ("f32", "f64"))


def broadcastable(shape):
    # a random shape broadcastable with `shape` (mostly), sometimes a clash
    r = rng.random()
    if r < 0.08:
        return rng.choice(SHAPES)  # may clash: recorded as an error
    out = list(shape)
    for i in range(len(out)):
        if rng.random() < 0.3:
            out[i] = 1
    while out and rng.random() < 0.3:
        out.pop(0)
    if rng.random() < 0.15:
        out.insert(0, rng.choice([1, 2]))
    return tuple(out)


def scalar():
    return rng.choice([2, -1, 3, 0.5, -1.5, 2.0, True, False, 0, 1])


def attempt(key, fn):
    box = []

    def run():
        box.append(fn())
        return box[0]

    raises(key, run)
    return box[0] if box else None


UNARY = [
    "neg",
    "-",
    "exp",
    "log",
    "sqrt",
    "abs",
    "sigmoid",
    "tanh",
    "relu",
    "clamp",
    "clamp_min",
    "clamp_max",
    "square",
    "pow2",
    "pow_half",
    "pow_neg",
    "rpow",
    "sign",
]
BINARY = [
    "+",
    "-",
    "*",
    "/",
    "**",
    "add",
    "sub",
    "mul",
    "div",
    "pow",
    "maximum",
    "minimum",
    "add_alpha",
    "sub_alpha",
    "radd",
    "rsub",
    "rmul",
    "rdiv",
    "rpow_t",
]


def unary(op, x):
    form = rng.choice(["fn", "method"])
    if op == "-":
        return -x
    if op in ("neg", "exp", "log", "sqrt", "abs", "sigmoid", "tanh", "relu", "square", "sign"):
        return getattr(torch, op)(x) if form == "fn" else getattr(x, op)()
    if op == "clamp":
        lo = rng.choice([-1, -0.5, 0])
        hi = rng.choice([0.5, 1, 2])
        return torch.clamp(x, lo, hi) if form == "fn" else x.clamp(min=lo, max=hi)
    if op == "clamp_min":
        return x.clamp(min=rng.choice([0, 0.25, -1]))
    if op == "clamp_max":
        return torch.clamp(x, max=rng.choice([0, 0.5, 1.0]))
    if op == "pow2":
        return x**2 if form == "fn" else x.pow(2)
    if op == "pow_half":
        return torch.pow(x, 0.5)
    if op == "pow_neg":
        return x ** rng.choice([-1, -2, -0.5])
    if op == "rpow":
        return rng.choice([2, 0.5, 3.0]) ** x
    raise ValueError(op)


def binary(op, a, b):
    form = rng.choice(["fn", "method"])
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return a / b
    if op == "**":
        return a**b
    if op in ("add", "sub", "mul", "div", "pow", "maximum", "minimum"):
        return getattr(torch, op)(a, b) if form == "fn" else getattr(a, op)(b)
    if op == "add_alpha":
        return torch.add(a, b, alpha=rng.choice([2, -1, 0.5]))
    if op == "sub_alpha":
        return a.sub(b, alpha=rng.choice([2, 3]))
    if op == "radd":
        return scalar() + a
    if op == "rsub":
        return scalar() - a
    if op == "rmul":
        return scalar() * a
    if op == "rdiv":
        return rng.choice([1, 2.0, -3]) / a
    if op == "rpow_t":
        return rng.choice([2, 1.5]) ** a
    raise ValueError(op)


def operand_for(cur):
    # a float64 operand meets a computed float32 value only where both are exact (leaves):
    # float32 intermediates may differ from PyTorch's by one ulp, which float64 tolerance
    # would then see
    kinds = (
        DTYPES if (cur.is_leaf or cur.dtype != torch.float32) else [k for k in DTYPES if k != "f64"]
    )
    r = rng.random()
    if r < 0.2:
        return scalar()
    if r < 0.3:
        return leaf((), rng.choice(kinds), rng.random() < 0.5)
    return leaf(broadcastable(tuple(cur.shape)), rng.choice(kinds), rng.random() < 0.6)


def grad_of(t):
    return None if t is None else t.grad


for case in range(170):
    key = "e%03d" % case
    rng = random.Random(7013 * 1000 + case)  # one stream per case: a divergence stays local
    with section(key):
        kind = rng.choice(DTYPES)
        shape = rng.choice(SHAPES)
        x = leaf(shape, kind, True)
        leaves = [x]
        cur = x
        depth = rng.randint(1, 4)
        names = []
        for step in range(depth):
            if cur is None:
                break
            if rng.random() < 0.45:
                op = rng.choice(UNARY)
                names.append(op)
                cur = attempt(key + ".s%d.%s" % (step, op), lambda: unary(op, cur))
            else:
                op = rng.choice(BINARY)
                other = operand_for(cur)
                if hasattr(other, "requires_grad"):
                    leaves.append(other)
                if rng.random() < 0.3 and not op.startswith("r"):
                    names.append("swap" + op)
                    cur = attempt(
                        key + ".s%d.%s" % (step, op),
                        lambda: (
                            binary(op, other, cur)
                            if hasattr(other, "shape")
                            else binary(op, cur, other)
                        ),
                    )
                else:
                    names.append(op)
                    cur = attempt(key + ".s%d.%s" % (step, op), lambda: binary(op, cur, other))
                if not hasattr(cur, "shape") and cur is not None:
                    cur = None
        check(key + ".ops", " ".join(names) + " " + str(list(shape)) + " " + kind)
        if cur is None:
            continue
        check(key + ".graph", graph(cur))
        check(key + ".repr", repr(cur))
        if cur.requires_grad:
            if cur.dim() == 0 and rng.random() < 0.5:
                attempt(key + ".backward", lambda: cur.backward())
            else:
                g = torch.tensor(
                    nested(tuple(cur.shape), lambda: rng.choice([1.0, -0.5, 2.0, 0.25])),
                    dtype=cur.dtype,
                )
                attempt(key + ".backward_g", lambda: cur.backward(gradient=g))
            for i, lf in enumerate(leaves):
                check(key + ".grad%d" % i, lf.grad)
        else:
            raises(key + ".nograd", lambda: cur.sum().backward())
