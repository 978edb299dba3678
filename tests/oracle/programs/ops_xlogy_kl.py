# torch.xlogy (XlogyBackward0: values, edge cases, gradients, broadcasting, numbers,
# second derivatives) and F.kl_div with a target that requires grad
import warnings

warnings.simplefilter("ignore")
a = torch.tensor([0.0, 1.0, 2.0, 0.0, 0.0, 3.0, -1.0], requires_grad=True)
b = torch.tensor([0.0, 0.5, float("nan"), -1.0, 2.0, 0.0, 4.0], requires_grad=True)
z = torch.xlogy(a, b)
check("xlogy", z)
check("xlogy_graph", graph(z))
z.sum().backward()
check("xlogy_ga", a.grad)
check("xlogy_gb", b.grad)
check("xlogy_num_left", torch.xlogy(2, torch.tensor([1.0, 3.0])))
check("xlogy_num_right", torch.xlogy(torch.tensor([1.0, 3.0]), 2.0))
check("xlogy_ints", torch.xlogy(torch.tensor([1, 3]), torch.tensor([2, 0])))
check(
    "xlogy_f64",
    torch.xlogy(torch.tensor([1.0, 0.0], dtype=torch.float64), torch.tensor([2.0, 0.0])),
)
with section("bcast"):
    p = torch.tensor([[0.5], [2.0]], requires_grad=True)
    q = torch.tensor([0.25, 1.0, 3.0], requires_grad=True)
    r = torch.xlogy(p, q)
    check("bcast", r)
    (r * torch.arange(6.0).reshape(2, 3)).sum().backward()
    check("bcast_gp", p.grad)
    check("bcast_gq", q.grad)
with section("double"):
    p = torch.tensor([0.5, 1.0, 2.0, 0.0], dtype=torch.float64, requires_grad=True)
    q = torch.tensor([0.3, 0.5, 1.5, 2.0], dtype=torch.float64, requires_grad=True)
    check("gradcheck", torch.autograd.gradcheck(torch.xlogy, (p, q)))
    check("gradgradcheck", torch.autograd.gradgradcheck(torch.xlogy, (p, q)))
    gp, gq = torch.autograd.grad((torch.xlogy(p, q) ** 2).sum(), (p, q), create_graph=True)
    check("double_gp", gp)
    check("double_gq", gq)
    check("double_gp_graph", graph(gp))
    check("double_gq_graph", graph(gq))
    check("double_h", torch.autograd.grad((gp * gq).sum(), (p, q)))

x = torch.tensor([[-1.0, -2.0, -0.5], [-0.3, -1.2, -2.0]], requires_grad=True)
t = torch.tensor([[0.2, 0.0, 0.8], [0.5, 0.25, 0.25]], requires_grad=True)
for red in ("batchmean", "sum", "none", "mean"):
    with section("kl_" + red):
        y = F.kl_div(x, t, reduction=red)
        check("kl_" + red, y)
        check("kl_" + red + "_graph", graph(y))
        y.sum().backward()
        check("kl_" + red + "_gx", x.grad)
        check("kl_" + red + "_gt", t.grad)
        x.grad = None
        t.grad = None
with section("kl_module"):
    y = nn.KLDivLoss(reduction="batchmean")(x, t)
    check("kl_module", y)
    y.backward()
    check("kl_module_gt", t.grad)
with section("kl_gradcheck"):
    x64 = torch.tensor(
        [[-1.0, -2.0, -0.5], [-0.3, -1.2, -2.0]], dtype=torch.float64, requires_grad=True
    )
    t64 = torch.tensor(
        [[0.2, 0.1, 0.7], [0.5, 0.25, 0.25]], dtype=torch.float64, requires_grad=True
    )
    check(
        "kl_gradcheck",
        torch.autograd.gradcheck(lambda a, b: F.kl_div(a, b, reduction="sum"), (x64, t64)),
    )
    check(
        "kl_gradgradcheck",
        torch.autograd.gradgradcheck(
            lambda a, b: F.kl_div(a, b, reduction="batchmean"), (x64, t64)
        ),
    )
raises(
    "xlogy_two_numbers",
    lambda: torch.xlogy(2.0, 3.0),
    key="xlogy() received an invalid combination of arguments",
)
