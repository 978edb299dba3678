# torch.norm / Tensor.norm / torch.linalg.vector_norm / matrix_norm / norm / svdvals with
# every order (inf, -inf, 0, 1, 2, fractional, negative, 'fro', 'nuc'), dims, keepdim,
# dtype; values, grads, node names, second derivatives, PyTorch's errors
x = torch.tensor([[1.0, -2.0, 0.0, 0.5], [3.0, 0.5, -1.0, 2.0], [-0.25, 1.5, 2.5, -3.0]])
x64 = torch.tensor(
    [[1.0, -2.0, 0.3, 0.5], [3.0, 0.7, -1.0, 2.0], [-0.25, 1.5, 2.5, -3.5]],
    dtype=torch.float64,
)
inf = float("inf")
orders = [inf, -inf, 0, 1, 2, 3, 0.5, 1.5, 2.5, -1, -2, -0.5]
for p in orders:
    for dim in (None, 1, 0, (0, 1), -1, [1]):
        for keepdim in (False, True):
            key = f"vn_{p}_{dim}_{keepdim}"
            with section(key):
                a = x.clone().requires_grad_()
                y = torch.linalg.vector_norm(a, p, dim, keepdim)
                check(key, y)
                (y * torch.arange(1.0, y.numel() + 1).reshape(y.shape)).sum().backward()
                check(key + "_grad", a.grad)
    with section(f"vn_{p}_graph"):
        check(f"vn_{p}_graph", graph(torch.linalg.vector_norm(x.requires_grad_(), p)))
        x.requires_grad_(False)
    if p == 0:  # its gradient is undefined: grad() says the input was not used
        a = x64.clone().requires_grad_()
        raises("vn_0_grad", lambda: torch.autograd.grad(torch.linalg.vector_norm(a, 0), a))
        continue
    with section(f"vn_{p}_double"):
        a = x64.clone().requires_grad_()
        y = torch.linalg.vector_norm(a, p, 1)
        (g,) = torch.autograd.grad((y**2).sum(), a, create_graph=True)
        check(f"vn_{p}_double_g", g)
        if g.requires_grad:
            (g2,) = torch.autograd.grad((g * torch.cos(a.detach())).sum(), a)
            check(f"vn_{p}_double_g2", g2)
    if p != 0:
        with section(f"vn_{p}_gradcheck"):
            a = x64.clone().requires_grad_()
            check(
                f"vn_{p}_gradcheck",
                torch.autograd.gradcheck(lambda t: torch.linalg.vector_norm(t, p, 1), (a,)),
            )
            if p not in (inf, -inf):
                check(
                    f"vn_{p}_gradgradcheck",
                    torch.autograd.gradgradcheck(lambda t: torch.linalg.vector_norm(t, p, 1), (a,)),
                )

with section("ties"):  # several entries at the maximum share the gradient
    t = torch.tensor([[3.0, -3.0, 1.0], [2.0, 2.0, -2.0]], requires_grad=True)
    y = torch.linalg.vector_norm(t, inf, 1)
    y.sum().backward()
    check("ties_inf_grad", t.grad)
    t.grad = None
    torch.linalg.vector_norm(t, -inf, 1).sum().backward()
    check("ties_neginf_grad", t.grad)
with section("zeros"):  # zero rows: the 2-norm's and p-norms' gradients are 0
    t = torch.tensor([[0.0, 0.0, 0.0], [0.0, 1.0, -2.0]], requires_grad=True)
    for p in (2, 3, 1.5, 0.5, -1):
        t.grad = None
        torch.linalg.vector_norm(t, p, 1).sum().backward()
        check(f"zeros_{p}_grad", t.grad)

for p in ("fro", "nuc", None, 2, 1, inf, 0, -1):
    for dim in (None, 1, (0, 1)):
        key = f"norm_{p}_{dim}"
        if p == "nuc" and dim == 1:
            continue
        with section(key):
            a = x.clone().requires_grad_()
            y = torch.norm(a, p=p, dim=dim)
            check(key, y)
            check(key + "_graph", graph(y))
            y.sum().backward()
            check(key + "_grad", a.grad)
check("method", x.norm())
check("method_p1", x.norm(1))
check("method_args", x.norm(1, 1, True))
check("method_dim", x.norm(dim=1))
check("method_dtype", x.norm(p=2, dtype=torch.float64))
check("method_fro3d", torch.arange(24.0).reshape(2, 3, 4).norm(p="fro", dim=(0, 2)))
check("norm_nuc_keepdim", torch.norm(x, "nuc", keepdim=True))
check("norm_dtype_graph", graph(torch.norm(x.requires_grad_(), dtype=torch.float64)))
x.requires_grad_(False)

for o in (2, -2, 1, -1, inf, -inf, "fro", "nuc"):
    for dim, keepdim in (((-2, -1), False), ((-2, -1), True), ((1, 0), False), ((0, 2), True)):
        key = f"mn_{o}_{dim}_{keepdim}"
        with section(key):
            b = torch.stack([x, x.flip(1) * 0.5 + 0.25]).requires_grad_()
            y = torch.linalg.matrix_norm(b, o, dim, keepdim)
            check(key, y)
            check(key + "_graph", graph(y))
            (y * torch.arange(1.0, y.numel() + 1).reshape(y.shape)).sum().backward()
            check(key + "_grad", b.grad)
    with section(f"mn_{o}_gradcheck"):
        a = x64.clone().requires_grad_()
        check(
            f"mn_{o}_gradcheck",
            torch.autograd.gradcheck(lambda t: torch.linalg.matrix_norm(t, o), (a,)),
        )
check("svdvals", torch.linalg.svdvals(x))
check("svdvals_batch", torch.linalg.svdvals(torch.stack([x, x * 2])))
with section("svdvals_grad"):
    a = x.clone().requires_grad_()
    s = torch.linalg.svdvals(a)
    check("svdvals_graph", graph(s))
    (s * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
    check("svdvals_grad", a.grad)

for o, dim in ((None, None), (1, None), (3, 1), ("nuc", None), (inf, None), (2, (0, 1))):
    key = f"lnorm_{o}_{dim}"
    check(key, torch.linalg.norm(x, o, dim))
check("lnorm_3d", torch.linalg.norm(torch.arange(24.0).reshape(2, 3, 4)))
check("lnorm_1d", torch.linalg.norm(torch.arange(4.0), 3))

# errors
raises("vn_int", lambda: torch.linalg.vector_norm(torch.ones(2, 3, dtype=torch.int64)))
raises(
    "vn_int_dtype",
    lambda: torch.linalg.vector_norm(torch.ones(2, 3, dtype=torch.int64), dtype=torch.float64),
)
raises("vn_dtype_int", lambda: torch.linalg.vector_norm(x, dtype=torch.int64))
raises("vn_ord_str", lambda: torch.linalg.vector_norm(x, "fro"))
raises("vn_dup_dims", lambda: torch.linalg.vector_norm(x, 2, (0, 0)))
raises("vn_dim_range", lambda: torch.linalg.vector_norm(x, 2, 2))
check("vn_empty_dims", torch.linalg.vector_norm(x, 2, []))
check("vn_bool_ord", torch.linalg.vector_norm(x, True))
check("vn_0d", torch.linalg.vector_norm(torch.tensor(-3.0), 3))
check("vn_0d_dim", torch.linalg.vector_norm(torch.tensor(-3.0), 0, dim=0))
e = torch.ones(0, 3)
for o in (inf, -inf, -1, 0, 1, 2, 0.5):
    for dim in (None, 0, 1):
        raises(f"vn_empty_{o}_{dim}", lambda o=o, dim=dim: torch.linalg.vector_norm(e, o, dim))
raises("norm_int", lambda: torch.norm(torch.ones(2, 3, dtype=torch.int64)))
raises("norm_bad_str", lambda: torch.norm(x, p="abc"))
raises("norm_fro_3dims", lambda: torch.norm(x, p="fro", dim=(0, 1, 1)))
raises("norm_nuc_dim1", lambda: torch.norm(x, p="nuc", dim=1))
raises("norm_nuc_1d", lambda: torch.norm(torch.ones(3), p="nuc"))
raises("norm_dup", lambda: torch.norm(x, dim=(0, 0)))
raises("mn_1d", lambda: torch.linalg.matrix_norm(torch.ones(3)))
raises("mn_bad_str", lambda: torch.linalg.matrix_norm(x, "abc"))
raises("mn_bad_ord", lambda: torch.linalg.matrix_norm(x, 3))
raises("mn_same_dims", lambda: torch.linalg.matrix_norm(x, "fro", (0, 0)))
raises("mn_int", lambda: torch.linalg.matrix_norm(torch.ones(2, 2, dtype=torch.int64)))
raises("ln_bad_ord", lambda: torch.linalg.norm(x, 3))
raises("ln_3d_ord", lambda: torch.linalg.norm(torch.ones(2, 3, 4), 2))
raises("ln_3dims", lambda: torch.linalg.norm(torch.ones(2, 3, 4), 2, (0, 1, 2)))
raises("svdvals_1d", lambda: torch.linalg.svdvals(torch.ones(3)))
