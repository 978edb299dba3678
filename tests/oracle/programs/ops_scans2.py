# cummax / cummin (values, indices, ties, nans), logcumsumexp, broadcast_to /
# broadcast_tensors / broadcast_shapes, take_along_dim, tril_indices / triu_indices,
# diag_embed, isin: values, graphs, gradients, errors
x = torch.tensor(
    [[1.0, 3.0, 3.0, 2.0], [0.5, -1.0, 4.0, -1.0], [2.0, 2.0, 0.0, 5.0]], requires_grad=True
)
for name in ("cummax", "cummin"):
    for dim in (0, 1, -1):
        with section(f"{name}_{dim}"):
            r = getattr(torch, name)(x, dim)
            check(f"{name}_{dim}", [r.values, r.indices, r[0], r[1]])
            check(f"{name}_{dim}_graph", graph(r.values))
            g = torch.autograd.grad((r.values * torch.arange(12.0).reshape(3, 4)).sum(), x)[0]
            check(f"{name}_{dim}_grad", g)
    print(getattr(torch, name)(torch.tensor([1.0, float("nan"), 0.5, 3.0, float("nan"), 2.0]), 0))
    check(name + "_method", getattr(x, name)(1).values)
    check(name + "_int", list(getattr(torch, name)(torch.tensor([[3, 1, 4, 1, 5]]), 1)))
    check(name + "_bool", list(getattr(torch, name)(torch.tensor([False, True, False]), 0)))
    check(name + "_0d", list(getattr(torch, name)(torch.tensor(2.5), 0)))
    raises(name + "_nodim", lambda: getattr(torch, name)(x))
    raises(name + "_baddim", lambda: getattr(torch, name)(x, 2))
    raises(name + "_list", lambda: getattr(torch, name)([1.0], 0))
with section("logcumsumexp"):
    for dt in (torch.float32, torch.float64):
        y = torch.tensor(
            [[1.0, 3.0, -2.0, 50.0], [0.5, -100.0, 4.0, 0.0]], dtype=dt, requires_grad=True
        )
        for dim in (0, 1):
            z = torch.logcumsumexp(y, dim)
            check(f"logcumsumexp_{dt}_{dim}", z)
            check(
                f"logcumsumexp_grad_{dt}_{dim}",
                torch.autograd.grad(
                    (
                        z * torch.tensor([[1.0, -2.0, 0.5, 3.0], [-1.0, 0.0, 2.0, 1.0]], dtype=dt)
                    ).sum(),
                    y,
                )[0],
            )
    check("logcumsumexp_graph", graph(z))
    check("logcumsumexp_method", y.logcumsumexp(1))
    raises("logcumsumexp_int", lambda: torch.logcumsumexp(torch.tensor([1, 2, 3]), 0))
    check(
        "logcumsumexp_inf", torch.logcumsumexp(torch.tensor([-float("inf"), 0.0, float("inf")]), 0)
    )
    p = torch.tensor([[0.3, -1.2, 2.0], [1.0, 0.5, -0.7]], dtype=torch.float64, requires_grad=True)
    check(
        "logcumsumexp_gradcheck", torch.autograd.gradcheck(lambda t: torch.logcumsumexp(t, 1), (p,))
    )
    check(
        "logcumsumexp_gradgradcheck",
        torch.autograd.gradgradcheck(lambda t: torch.logcumsumexp(t, 1), (p,)),
    )
    check("cummax_gradcheck", torch.autograd.gradcheck(lambda t: torch.cummax(t, 1).values, (p,)))
    check(
        "cummin_gradgradcheck",
        torch.autograd.gradgradcheck(lambda t: torch.cummin(t, 0).values, (p,)),
    )
    raises("logcumsumexp_nodim", lambda: torch.logcumsumexp(y))
with section("broadcast"):
    v = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    c = torch.tensor([[10.0], [20.0]], requires_grad=True)
    b = torch.broadcast_to(v, (2, 3))
    check("broadcast_to", b)
    check("broadcast_to_graph", graph(b))
    check("broadcast_to_method", v.broadcast_to((4, 3)).shape)
    bv, bc = torch.broadcast_tensors(v, c)
    check("broadcast_tensors", [bv, bc])
    check("broadcast_tensors_graph", [graph(bv), graph(bc)])
    (bv * bc).sum().backward()
    check("broadcast_grads", [v.grad, c.grad])
    check("broadcast_tensors_same", torch.broadcast_tensors(v, v)[0] is v)
    check(
        "broadcast_shapes",
        [
            torch.broadcast_shapes((2, 1), (3,)),
            torch.broadcast_shapes((5, 1, 4), (1, 3, 1), 4),
            torch.broadcast_shapes(),
        ],
    )
    raises("broadcast_to_bad", lambda: torch.broadcast_to(v, (2, 4)))
    raises("broadcast_tensors_bad", lambda: torch.broadcast_tensors(v, torch.ones(2)))
    raises("broadcast_shapes_bad", lambda: torch.broadcast_shapes((2, 3), (4,)))
    raises("broadcast_tensors_list", lambda: torch.broadcast_tensors(v, [1.0]))
with section("take_along_dim"):
    t = torch.tensor([[10.0, 30.0, 20.0], [60.0, 40.0, 50.0]], requires_grad=True)
    idx = torch.argsort(t, dim=1)
    r = torch.take_along_dim(t, idx, dim=1)
    check("take_along_dim", r)
    check("take_along_dim_graph", graph(r))
    r2 = torch.take_along_dim(t, torch.tensor([[0], [2]]), 1)
    check("take_along_dim_bcast", r2)
    check("take_along_dim_bcast_graph", graph(r2))
    r3 = torch.take_along_dim(t, torch.tensor([5, 0, 3]))
    check("take_along_dim_flat", r3)
    check("take_along_dim_flat_graph", graph(r3))
    (r.sum() + r2.sum() * 2 + r3.sum() * 3).backward()
    check("take_along_dim_grad", t.grad)
    check("take_along_dim_method", t.take_along_dim(torch.tensor([[1], [0]]), 1))
    check("take_along_dim_max", torch.take_along_dim(t, t.argmax(dim=1, keepdim=True), dim=1))
    raises("take_along_dim_ndim", lambda: torch.take_along_dim(t, torch.tensor([0, 1]), 1))
    raises("take_along_dim_float", lambda: torch.take_along_dim(t, torch.tensor([[0.0]]), 1))
with section("tri_indices"):
    check(
        "tril_indices",
        [
            torch.tril_indices(3, 3),
            torch.tril_indices(4, 3, 1),
            torch.tril_indices(3, 4, -1),
            torch.tril_indices(0, 3),
        ],
    )
    check(
        "triu_indices",
        [torch.triu_indices(3, 3), torch.triu_indices(3, 4, 1), torch.triu_indices(4, 3, -2)],
    )
    m = torch.arange(9.0).reshape(3, 3)
    i, j = torch.triu_indices(3, 3, 1)
    check("triu_gather", m[i, j])
    raises("tril_indices_neg", lambda: torch.tril_indices(-1, 3))
    raises("triu_indices_float", lambda: torch.triu_indices(3.0, 3))
with section("diag_embed"):
    d = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    for args in ((), (1,), (-1,), (0, 0, 2), (1, -1, 0)):
        e = torch.diag_embed(d, *args)
        check(f"diag_embed_{args}", e)
    e = torch.diag_embed(d, 1)
    check("diag_embed_graph", graph(e))
    (e * torch.arange(18.0).reshape(2, 3, 3)).sum().backward()
    check("diag_embed_grad", d.grad)
    check("diag_embed_method", d.diag_embed().shape)
    p = torch.tensor([0.5, -1.0, 2.0], dtype=torch.float64, requires_grad=True)
    check(
        "diag_embed_gradgradcheck",
        torch.autograd.gradgradcheck(lambda a: torch.diag_embed(a, -1) ** 2, (p,)),
    )
    raises("diag_embed_same", lambda: torch.diag_embed(d, 0, 1, 1))
with section("isin"):
    check(
        "isin",
        [
            torch.isin(torch.tensor([1, 2, 3, 4]), torch.tensor([2, 4])),
            torch.isin(torch.tensor([[1.0, 2.5]]), torch.tensor([2.5])),
            torch.isin(torch.tensor([1, 2, 3]), 2),
            torch.isin(3, torch.tensor([1, 3])),
            torch.isin(torch.tensor([1, 2, 3]), torch.tensor([2]), invert=True),
        ],
    )
    raises("isin_numbers", lambda: torch.isin(1, 2))
with section("unique_consecutive"):
    u = torch.tensor([1, 1, 2, 2, 3, 1, 1, 2])
    check(
        "unique_consecutive",
        [
            torch.unique_consecutive(u),
            list(torch.unique_consecutive(u, return_inverse=True)),
            list(torch.unique_consecutive(u, return_counts=True)),
            list(torch.unique_consecutive(u, return_inverse=True, return_counts=True)),
        ],
    )
    mm = torch.tensor([[1, 1], [1, 1], [2, 3], [2, 3], [1, 1]])
    check(
        "unique_consecutive_dim",
        [
            list(torch.unique_consecutive(mm, dim=0, return_counts=True, return_inverse=True)),
            torch.unique_consecutive(mm),
            torch.unique_consecutive(mm, dim=1),
            mm.unique_consecutive(dim=-2),
        ],
    )
    check("unique_consecutive_2d_inverse", torch.unique_consecutive(mm, return_inverse=True)[1])
    f = torch.tensor([1.0, 1.0, float("nan"), float("nan"), 2.0], requires_grad=True)
    uf = torch.unique_consecutive(f)
    check("unique_consecutive_nan", uf)
    check("unique_consecutive_graph", graph(uf))
    raises("unique_consecutive_backward", lambda: uf.sum().backward())
    check("unique_consecutive_empty", torch.unique_consecutive(torch.tensor([])))
    raises("unique_consecutive_list", lambda: torch.unique_consecutive([1, 2]))
    raises("unique_consecutive_baddim", lambda: torch.unique_consecutive(mm, dim=2))
with section("block_diag"):
    a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    b = torch.tensor([5.0, 6.0, 7.0], requires_grad=True)
    c = torch.tensor(8.0, requires_grad=True)
    r = torch.block_diag(a, b, c)
    check("block_diag", r)
    check("block_diag_graph", graph(r))
    (r * torch.arange(24.0).reshape(4, 6)).sum().backward()
    check("block_diag_grads", [a.grad, b.grad, c.grad])
    check("block_diag_graph_slice", graph(torch.block_diag(a, a[0:1, 0:1])))
    check("block_diag_mixed", torch.block_diag(torch.tensor([1, 2]), torch.tensor([[0.5]])))
    check(
        "block_diag_empty", [torch.block_diag(), torch.block_diag(torch.ones(0, 3), torch.ones(2))]
    )
    p = torch.tensor([[0.5, -1.0], [2.0, 0.25]], dtype=torch.float64, requires_grad=True)
    q = torch.tensor([1.5, -0.5], dtype=torch.float64, requires_grad=True)
    check("block_diag_gradcheck", torch.autograd.gradcheck(torch.block_diag, (p, q)))
    check(
        "block_diag_gradgradcheck",
        torch.autograd.gradgradcheck(lambda x, y: torch.block_diag(x, y) ** 2, (p, q)),
    )
    raises("block_diag_3d", lambda: torch.block_diag(torch.ones(2, 2, 2)))
    raises("block_diag_list", lambda: torch.block_diag([1.0]))
