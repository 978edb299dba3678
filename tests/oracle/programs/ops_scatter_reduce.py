# scatter_reduce / scatter_reduce_ (sum, prod, mean, amax, amin; include_self), scatter(reduce=
# 'add' / 'multiply') with its NotImplemented node, Tensor.index_add_, and in-place scatter_ /
# scatter_add_ when only src requires grad: values, graphs, gradients, errors
x = torch.tensor([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]], requires_grad=True)
src = torch.tensor([[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]], requires_grad=True)
idx = torch.tensor([[0, 0, 2], [1, 3, 3]])
w = torch.arange(8.0).reshape(2, 4)
for red in ("sum", "prod", "mean", "amax", "amin"):
    for inc in (True, False):
        with section(f"{red} include_self={inc}"):
            y = torch.scatter_reduce(x, 1, idx, src, reduce=red, include_self=inc)
            check(f"{red} {inc}", y)
            check(f"{red} {inc} grads", torch.autograd.grad((y * w).sum(), (x, src)))
check("graph", graph(x.scatter_reduce(1, idx, src, "sum")))
check("graph_src_only", graph(torch.ones(2, 4).scatter_reduce(1, idx, src, "prod")))
check("legacy_names", [x.scatter_reduce(1, idx, src, "max"), x.scatter_reduce(1, idx, src, "min")])
# ties and zeros: the gradient shared among equal maxima, the exclusive product
t = torch.tensor([[3.0, 0.0, 2.0]], requires_grad=True)
ts = torch.tensor([[3.0, 0.0, 0.0, 5.0]], requires_grad=True)
ti = torch.tensor([[0, 1, 2, 0]])
for red in ("amax", "prod", "mean"):
    y = t.scatter_reduce(1, ti, ts, red)
    check(f"ties {red}", [y, torch.autograd.grad(y.sum(), (t, ts))])
check(
    "int_mean",
    [
        torch.tensor([0, 2, 3]).scatter_reduce(
            0, torch.tensor([0, 0]), torch.tensor([-1, -2]), "mean", include_self=s
        )
        for s in (True, False)
    ],
)
check(
    "int_prod_bool",
    [
        torch.tensor([2, 3]).scatter_reduce(
            0, torch.tensor([0, 0, 1]), torch.tensor([4, 5, 6]), "prod"
        ),
        torch.tensor([True, False]).scatter_reduce(
            0, torch.tensor([1]), torch.tensor([True]), "sum"
        ),
    ],
)
check(
    "nan_amax",
    torch.scatter_reduce(
        x.detach(), 1, idx, torch.tensor([[float("nan"), 1.0, 1.0], [1.0, 1.0, 1.0]]), "amax"
    ),
)
check(
    "scalar", torch.scatter_reduce(torch.tensor(1.0), 0, torch.tensor(0), torch.tensor(5.0), "sum")
)
check(
    "empty_index",
    torch.scatter_reduce(
        x.detach(),
        1,
        torch.zeros(2, 0, dtype=torch.long),
        torch.ones(2, 0),
        "amax",
        include_self=False,
    ),
)
check(
    "small_index",
    torch.scatter_reduce(x.detach(), 1, torch.tensor([[0, 1, 2, 3, 0]]), torch.ones(1, 5), "sum"),
)
y = torch.scatter_reduce(x, 1, torch.tensor([[0], [1]]), src, "prod")
check("src_larger_prod_grads", torch.autograd.grad(y.sum(), (x, src)))
y = torch.scatter_reduce(x, 1, torch.tensor([[0], [1]]), src, "sum")
raises("src_larger_sum_backward", lambda: torch.autograd.grad(y.sum(), (x, src)))
z = x * 1
z.scatter_reduce_(1, idx, src, "amax", include_self=False)
check("inplace", z)
check("inplace_graph", graph(z))
check("inplace_grads", torch.autograd.grad(z.sum(), (x, src)))
(g,) = torch.autograd.grad((x.scatter_reduce(1, idx, src, "prod") ** 2).sum(), x, create_graph=True)
check("double_backward", torch.autograd.grad(g.sum(), (x, src)))
raises("reduce_bad", lambda: x.scatter_reduce(1, idx, src, "foo"))
raises("reduce_add", lambda: x.scatter_reduce(1, idx, src, "add"))
raises("reduce_int", lambda: x.scatter_reduce(1, idx, src, 3))
raises("reduce_missing", lambda: torch.scatter_reduce(x, 1, idx, src))
raises("include_self_int", lambda: x.scatter_reduce(1, idx, src, "sum", include_self=1))
raises("src_number", lambda: torch.scatter_reduce(x, 1, idx, 2.0, "sum"))
raises("src_number_method", lambda: x.scatter_reduce(1, idx, 2.0, "sum"))
raises("src_number_inplace", lambda: x.detach().scatter_reduce_(1, idx, 2.0, "sum"))
raises("dtype", lambda: x.scatter_reduce(1, idx, src.double(), "sum"))
raises("index_float", lambda: x.scatter_reduce(1, idx.float(), src, "foo"))
raises("index_bounds", lambda: x.scatter_reduce(1, idx + 2, src, "sum"))
raises("index_dims", lambda: x.scatter_reduce(1, torch.tensor([0, 1]), src, "sum"))
raises("dim_range", lambda: x.scatter_reduce(2, idx, src, "sum"))
raises("leaf_inplace", lambda: x.scatter_reduce_(1, idx, src, "sum"))

# scatter with reduce= (deprecated in PyTorch, no derivative)
for red in ("add", "multiply"):
    y = x.scatter(1, idx, src, reduce=red)
    check(f"scatter {red}", y)
    check(f"scatter {red} value", x.scatter(1, idx, 2.0, reduce=red))
    check(f"scatter {red} graph", graph(y))
    raises(f"scatter {red} backward", lambda: torch.autograd.grad(y.sum(), x))
check(
    "scatter_reduce_graphs",
    [
        graph(x.scatter(1, idx, src.detach(), reduce="add")),
        graph(torch.ones(2, 4).scatter(1, idx, src, reduce="add")),
        graph(x.scatter(1, idx, 2.0, reduce="multiply")),
    ],
)
check("scatter_reduce_no_grad", torch.ones(2, 4).scatter(1, idx, 2.0, reduce="add").grad_fn is None)
z = x.detach().clone()
z.scatter_(1, idx, src.detach(), reduce="add")
z.scatter_(1, idx, 3.0, reduce="multiply")
check("scatter_inplace_reduce", z)
z = x * 1
z.scatter_(1, idx, src, reduce="multiply")
check("scatter_inplace_reduce_graph", graph(z))
raises("scatter_reduce_bad", lambda: x.scatter(1, idx, src, reduce="sum"))
raises("scatter_reduce_bad_value", lambda: x.scatter(1, idx, 2.0, reduce="mean"))
raises("scatter_reduce_bad_before_bounds", lambda: x.scatter(1, idx + 5, src, reduce="foo"))
raises("scatter_reduce_bounds", lambda: x.scatter(1, idx + 5, src, reduce="add"))

# index_add_ and the in-place scatters when only the source requires grad
t = torch.zeros(3, 2)
t.index_add_(0, torch.tensor([0, 2, 0]), torch.ones(3, 2), alpha=2)
check("index_add_", t)
v = x * 1
v.index_add_(1, torch.tensor([0, 0, 3]), src)
check("index_add_ graph", graph(v))
check("index_add_ grads", torch.autograd.grad((v * w).sum(), (x, src)))
u = torch.zeros(2, 4)
u.index_add_(1, torch.tensor([0, 0, 3]), src)
check("index_add_ src only", [u, graph(u)])
u = torch.zeros(2, 4)
u.scatter_add_(1, idx, src)
check("scatter_add_ src only", [u, graph(u), torch.autograd.grad(u.sum(), src)])
u = torch.zeros(2, 4)
u.scatter_(1, idx, src)
check("scatter_ src only", [u, graph(u)])
raises("index_add_leaf", lambda: x.index_add_(0, torch.tensor([0]), torch.ones(1, 4)))
raises("index_add_source", lambda: t.index_add_(0, torch.tensor([0]), 1.0))
raises("index_add_shape", lambda: t.index_add_(0, torch.tensor([0, 1]), torch.ones(3, 2)))

# out=
o = torch.empty(2, 4)
check("out", [torch.scatter_reduce(x.detach(), 1, idx, src.detach(), "sum", out=o), o])
raises(
    "out_requires_grad", lambda: torch.scatter_reduce(x, 1, idx, src, "sum", out=torch.empty(2, 4))
)

# argument parsing met by differential fuzzing
raises(
    "dim_before_dtype",
    lambda: torch.scatter_reduce(torch.tensor([True, False]), 1, idx, src, "sum"),
)
for bad in (1.5, "0", None, (0,), True):
    raises(f"dim_{bad!r}", lambda: torch.scatter_reduce(x, bad, idx, src, "sum"))
raises("index_list", lambda: torch.scatter_reduce(x, 1, [[0, 1]], src, "sum"))
raises("index_none", lambda: torch.scatter_reduce(x, 1, None, src, "sum"))
raises("src_dims", lambda: torch.scatter_reduce(x, 1, idx, torch.ones(3), "sum"))
raises("src_dims_reduce_arg", lambda: x.scatter(1, idx, torch.tensor(1.0), reduce="add"))
raises(
    "include_self_tensor",
    lambda: x.scatter_reduce(1, idx, src, "sum", include_self=torch.tensor(True)),
)
raises("method_kw_axis", lambda: x.scatter_reduce(1, idx, src, "sum", axis=0))
raises("method_kw_out", lambda: x.scatter_reduce(1, idx, src, "sum", out=None))
