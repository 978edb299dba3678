# grad_fn class names, name(), next_functions structure (AccumulateGrad entries and None slots)
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
c = torch.tensor([5.0, 6.0])  # constant: None slot
m = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
exprs = {
    "a+b": lambda: a + b,
    "a+c": lambda: a + c,
    "c+a": lambda: c + a,
    "a+1": lambda: a + 1,
    "a-b": lambda: a - b,
    "a-c": lambda: a - c,
    "1-a": lambda: 1 - a,
    "a*b": lambda: a * b,
    "a*c": lambda: a * c,
    "a*2": lambda: a * 2,
    "2*a": lambda: 2 * a,
    "a/b": lambda: a / b,
    "a/2": lambda: a / 2,
    "2/a": lambda: 2 / a,
    "a**2": lambda: a**2,
    "a**b": lambda: a**b,
    "2**a": lambda: 2**a,
    "-a": lambda: -a,
    "exp": lambda: a.exp(),
    "log": lambda: a.log(),
    "sqrt": lambda: a.sqrt(),
    "abs": lambda: a.abs(),
    "sigmoid": lambda: a.sigmoid(),
    "tanh": lambda: a.tanh(),
    "relu": lambda: a.relu(),
    "clamp": lambda: a.clamp(0, 1.5),
    "clamp_min": lambda: a.clamp(min=1.5),
    "maximum": lambda: torch.maximum(a, b),
    "sum": lambda: a.sum(),
    "sum0": lambda: m.sum(0),
    "mean": lambda: a.mean(),
    "mean1": lambda: m.mean(1),
    "max": lambda: a.max(),
    "max0": lambda: m.max(0)[0],
    "mm": lambda: m.mm(m),
    "mm_c": lambda: m.mm(torch.ones(2, 2)),
    "matmul22": lambda: m @ m,
    "dot": lambda: a.dot(b),
    "mv": lambda: m.mv(a),
    "@21": lambda: m @ a,
    "@12": lambda: a @ m,
    "t": lambda: m.t(),
    "T": lambda: m.T,
    "transpose": lambda: m.transpose(0, 1),
    "view": lambda: m.view(4),
    "reshape": lambda: m.reshape(4),
    "reshape_same": lambda: m.reshape(2, 2),
    "unsqueeze": lambda: a.unsqueeze(0),
    "squeeze": lambda: m[:1].squeeze(),
    "expand": lambda: a.expand(3, 2),
    "getitem": lambda: m[0],
    "getitem2": lambda: m[0, 1],
    "slice": lambda: m[:, 1:],
    "mask": lambda: a[a > 1],
    "cat": lambda: torch.cat([a, b, c]),
    "stack": lambda: torch.stack([a, c]),
    "clone": lambda: a.clone(),
    "detach_mul": lambda: a.detach() * b,
    "double": lambda: a.double(),
    "float": lambda: a.float(),
    "mse": lambda: F.mse_loss(a, b),
    "mse_c": lambda: F.mse_loss(a, c),
    "square": lambda: a * a,
    "sub_alpha": lambda: torch.sub(a, b, alpha=2),
    "chain": lambda: ((a * b).sum() + a.mean()) * 2,
}
for k, f in exprs.items():
    with section(k):
        y = f()
        check(k + ".type", type(y.grad_fn).__name__)
        check(k + ".graph", graph(y))

s = (a * b).sum()
nf = s.grad_fn.next_functions
check("nf.type", type(nf).__name__)
check("nf.entry.type", type(nf[0]).__name__)
check("nf.len", len(nf))
mul = nf[0][0]
check("mul.nf", [(type(n).__name__ if n is not None else None, i) for n, i in mul.next_functions])
acc_a = mul.next_functions[0][0]
check("acc.variable.is_a", acc_a.variable is a)
check("acc.name", acc_a.name())
check("acc.next_functions", acc_a.next_functions)
check("acc.same_object", (a * 3).grad_fn.next_functions[0][0] is acc_a)
check("grad_fn.eq_self", s.grad_fn == s.grad_fn)
check("leaf.grad_fn", a.grad_fn)
check("nonrg.grad_fn", c.grad_fn)
check("nonrg_op.grad_fn", (c * 2).grad_fn)
check("repr.nf", repr(mul.next_functions))
check("callable_name", callable(s.grad_fn.name))
x = torch.tensor(2.0, requires_grad=True)
z = x * x
check("x*x.graph", graph(z))
check("x*x.same_acc", z.grad_fn.next_functions[0][0] is z.grad_fn.next_functions[1][0])
