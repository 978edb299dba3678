# torch.finfo / torch.iinfo (attributes, reprs, errors; the teaching idiom
# x.masked_fill(mask, torch.finfo(x.dtype).min)) and the torch.special namespace
for d in (torch.float32, torch.float64, torch.float16):
    f = torch.finfo(d)
    check(
        "finfo_" + str(d),
        [f.bits, f.eps, f.max, f.min, f.tiny, f.smallest_normal, f.resolution, f.dtype],
    )
    check("finfo_repr_" + str(d), [repr(f), str(f)])
check("finfo_default", repr(torch.finfo()))
check("finfo_kw", torch.finfo(type=torch.float64).bits)
check(
    "finfo_eq",
    [
        torch.finfo(torch.float32) == torch.finfo(torch.float32),
        torch.finfo(torch.float32) == torch.finfo(torch.float64),
        torch.finfo(torch.float32) != 1,
    ],
)
print(torch.finfo(torch.float32))
print(type(torch.finfo(torch.float32)), type(torch.iinfo(torch.int8)))
for d in (
    torch.int8,
    torch.uint8,
    torch.int16,
    torch.int32,
    torch.int64,
    torch.uint16,
    torch.uint32,
    torch.uint64,
):
    i = torch.iinfo(d)
    check("iinfo_" + str(d), [i.bits, i.max, i.min, i.dtype, repr(i)])
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
m = torch.tensor([[False, True, False], [True, False, False]])
y = x.masked_fill(m, torch.finfo(x.dtype).min).softmax(-1)
check("masked_softmax", y)
y[:, 0].sum().backward()
check("masked_softmax_grad", x.grad)
check(
    "eps_clamp",
    torch.tensor([0.0, 0.5], dtype=torch.float64).clamp(min=torch.finfo(torch.float64).eps),
)
check("int_bound", torch.tensor([3, -7]).clamp(max=torch.iinfo(torch.int64).max))
raises("finfo_int", lambda: torch.finfo(torch.int32))
raises("finfo_bool", lambda: torch.finfo(torch.bool))
raises("finfo_str", lambda: torch.finfo("float"))
raises("finfo_none", lambda: torch.finfo(None))
raises("finfo_two", lambda: torch.finfo(torch.float32, 3))
raises("iinfo_float", lambda: torch.iinfo(torch.float32))
raises("iinfo_bool", lambda: torch.iinfo(torch.bool))
raises("iinfo_none", lambda: torch.iinfo())
raises("iinfo_str", lambda: torch.iinfo("int"))
raises("finfo_setattr", lambda: setattr(torch.finfo(torch.float32), "eps", 1.0))
raises("finfo_noattr", lambda: torch.finfo(torch.float32).foo)

# ---- special functions: values (float32 and float64), grad_fn graphs, gradients
S = torch.special
pos = [0.25, 0.5, 1.0, 1.5, 2.0, 3.5, 7.0, 12.5]
mixed = [-2.5, -1.25, -0.5, 0.0, 0.3, 1.0, 2.2, 4.0]
prob = [0.01, 0.1, 0.25, 0.5, 0.6, 0.75, 0.9, 0.99]
unary = [
    ("erf", S.erf, mixed),
    ("erfc", S.erfc, mixed),
    ("erfinv", S.erfinv, [-0.95, -0.5, -0.1, 0.0, 0.2, 0.6, 0.8, 0.99]),
    ("expit", S.expit, mixed),
    ("logit", S.logit, prob),
    ("gammaln", S.gammaln, [*pos, -0.5, -2.5]),
    ("digamma", S.digamma, [*pos, -0.5, -2.5]),
    ("psi", S.psi, pos),
    ("exp2", S.exp2, mixed),
    ("expm1", S.expm1, mixed),
    ("log1p", S.log1p, prob),
    ("sinc", S.sinc, mixed),
    ("i0", S.i0, mixed),
    ("i1", S.i1, mixed),
    ("ndtr", S.ndtr, mixed),
    ("ndtri", S.ndtri, prob),
    ("log_ndtr", S.log_ndtr, [*mixed, -8.0, 6.0]),
    ("entr", S.entr, [0.0, *prob]),
    ("round", S.round, [0.5, 1.5, 2.5, -0.5, 1.2, -1.7]),
]
for name, f, vals in unary:
    with section(name):
        for dt in (torch.float32, torch.float64):
            x = torch.tensor(vals, dtype=dt, requires_grad=True)
            y = f(x)
            check(f"{name}_{dt}", y)
            if dt == torch.float64:
                check(f"{name}_graph", graph(y))
            (y * torch.linspace(-1, 1, len(vals), dtype=dt)).sum().backward()
            check(f"{name}_grad_{dt}", x.grad)
for name, f, x in [
    ("erfinv", torch.erfinv, [-0.5, 0.3]),
    ("lgamma", torch.lgamma, [0.5, 3.0]),
    ("digamma", torch.digamma, [0.5, 3.0]),
    ("logit", torch.logit, [0.2, 0.7]),
    ("sinc", torch.sinc, [0.25, -1.5]),
    ("i0", torch.i0, [0.5, -2.0]),
    ("erfc", torch.erfc, [0.5, -1.0]),
]:
    with section("fn_" + name):
        t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
        check(f"fn_{name}", f(t))
        check(f"method_{name}", getattr(t, name)())
        u = t.detach().clone()
        check(f"inplace_{name}", [getattr(u, name + "_")(), u])
        check(f"gradcheck_{name}", torch.autograd.gradcheck(f, (t,)))
        check(f"gradgradcheck_{name}", torch.autograd.gradgradcheck(f, (t,)))
        raises(f"inplace_leaf_{name}", lambda: getattr(t, name + "_")())
        raises(f"inplace_int_{name}", lambda: getattr(torch.tensor([1, 2]), name + "_")())
        raises(f"list_{name}", lambda: f([0.5]))
        check(f"int_{name}", f(torch.tensor([0, 1])))
with section("polygamma"):
    x = torch.tensor(
        [0.3, 1.0, 2.5, 6.0, 30.0, -0.5, -1.5], dtype=torch.float64, requires_grad=True
    )
    for n in range(5):
        y = torch.polygamma(n, x)
        check(f"polygamma_{n}", y)
        check(f"polygamma_{n}_graph", graph(y))
        check(f"polygamma_{n}_grad", torch.autograd.grad(y.sum(), x)[0])
        check(f"special_polygamma_{n}", S.polygamma(n, x.float()))
    check("polygamma_method", [x.polygamma(2), x.detach().clone().polygamma_(1)])
    t = x[:4].detach().requires_grad_()
    check(
        "polygamma_gradgradcheck",
        torch.autograd.gradgradcheck(lambda a: torch.polygamma(2, a), (t,)),
    )
    check("polygamma_saved_n", torch.polygamma(3, x).grad_fn._saved_n)
    check("polygamma_int", torch.polygamma(1, torch.tensor([1, 2])))
    raises("polygamma_neg", lambda: torch.polygamma(-1, x))
    raises("polygamma_float_n", lambda: torch.polygamma(1.5, x))
    raises("polygamma_list", lambda: torch.polygamma(1, [1.0]))
with section("logit_eps"):
    p = torch.tensor(
        [-0.1, 0.0, 0.05, 0.3, 0.5, 0.97, 1.0, 1.2], dtype=torch.float64, requires_grad=True
    )
    y = torch.logit(p, eps=0.1)
    check("logit_eps", y)
    y.sum().backward()
    check("logit_eps_grad", p.grad)
    check("logit_eps_saved", [y.grad_fn._saved_eps, torch.logit(p).grad_fn._saved_eps])
    p.grad = None
    y = torch.logit(p)
    check("logit_noeps", y)
    y.sum().backward()
    check("logit_noeps_grad", p.grad)
    check("logit_method_eps", p.logit(0.2))
    raises("logit_eps_str", lambda: torch.logit(p, "a"))
with section("xlog1py"):
    a = torch.tensor([0.0, 1.0, 2.0, 0.0, 3.0, -1.0], requires_grad=True)
    b = torch.tensor([-1.0, 0.5, float("nan"), 2.0, -0.5, 4.0], requires_grad=True)
    z = S.xlog1py(a, b)
    check("xlog1py", z)
    check("xlog1py_graph", graph(z))
    z.sum().backward()
    check("xlog1py_grads", [a.grad, b.grad])
    check("xlog1py_num_other_graph", graph(S.xlog1py(a, 2.0)))
    check("xlog1py_num_self_graph", graph(S.xlog1py(2.0, b)))
    check(
        "xlog1py_nums",
        [S.xlog1py(a, 2.0), S.xlog1py(2, b), S.xlog1py(torch.tensor([1, 2]), torch.tensor([3, 0]))],
    )
    p = torch.tensor([0.5, 1.0, 2.0], dtype=torch.float64, requires_grad=True)
    q = torch.tensor([0.3, -0.5, 1.5], dtype=torch.float64, requires_grad=True)
    check("xlog1py_gradcheck", torch.autograd.gradcheck(S.xlog1py, (p, q)))
    check("xlog1py_gradgradcheck", torch.autograd.gradgradcheck(S.xlog1py, (p, q)))
    raises("xlog1py_two_numbers", lambda: S.xlog1py(1, 2))
    raises("xlog1py_list", lambda: S.xlog1py([1.0], b))
    check("xlogy", S.xlogy(a, b.abs()))
with section("special_reductions"):
    x = torch.tensor([[1.0, 2.0, 0.5], [-1.0, 0.0, 3.0]], requires_grad=True)
    for name in ("softmax", "log_softmax"):
        y = getattr(S, name)(x, 1)
        check("special_" + name, y)
        check("special_" + name + "_graph", graph(y))
        check("special_" + name + "_f64", getattr(S, name)(x, 0, dtype=torch.float64))
        raises("special_" + name + "_nodim", lambda: getattr(S, name)(x))
    check(
        "special_logsumexp",
        [S.logsumexp(x, 1), S.logsumexp(x, (0, 1)), S.logsumexp(x, 0, keepdim=True)],
    )
    raises("special_logsumexp_nodim", lambda: S.logsumexp(x))
with section("special_errors"):
    for name in (
        "erf",
        "erfc",
        "erfinv",
        "expit",
        "logit",
        "gammaln",
        "digamma",
        "psi",
        "exp2",
        "expm1",
        "log1p",
        "sinc",
        "round",
        "i0",
        "i1",
        "ndtr",
        "ndtri",
        "log_ndtr",
        "entr",
    ):
        raises("special_list_" + name, lambda: getattr(S, name)([0.5]))
    raises("special_round_int", lambda: S.round(torch.tensor([1, 2])))
    raises("special_round_bool", lambda: S.round(torch.tensor([True])))
    check("special_round_decimals", S.round(torch.tensor([1.25, -2.375]), decimals=2))
    check(
        "special_ints",
        [
            S.entr(torch.tensor([0, 1, 2])),
            S.ndtr(torch.tensor([0, 1])),
            S.expit(torch.tensor([0, 1])),
            S.i1(torch.tensor([1])),
        ],
    )
    check(
        "special_edges",
        [
            torch.erfinv(torch.tensor([-1.0, 1.0, 1.5])),
            torch.lgamma(torch.tensor([0.0, -1.0, -2.0, 1.0, 2.0])),
            torch.digamma(torch.tensor([0.0, -0.0, -1.0])),
            S.ndtri(torch.tensor([0.0, 1.0, -0.5, 0.5])),
            S.entr(torch.tensor([-1.0, 0.0, float("nan")])),
            torch.logit(torch.tensor([0.0, 1.0])),
        ],
    )
print(torch.erfinv(torch.tensor([0.5, -0.25])), torch.lgamma(torch.tensor([0.5, 4.0])))
print(S.ndtr(torch.tensor([0.0, 1.0], requires_grad=True)))
