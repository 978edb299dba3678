# F.leaky_relu(inplace=True) / nn.LeakyReLU(inplace=True): LeakyReluBackward1 (saves the
# result), the leaf error, a negative slope failing in backward, no_grad, double backward
x = torch.tensor([-1.0, 2.0, -3.0, 0.0, 0.5], requires_grad=True)
with section("basic"):
    y = x * 1
    z = F.leaky_relu(y, 0.1, inplace=True)
    check("same_object", z is y)
    check("out", z)
    check("graph", graph(z))
    check("saved", (z.grad_fn._saved_negative_slope, z.grad_fn._saved_result))
    (z * torch.arange(5.0)).sum().backward()
    check("grad", x.grad)
with section("module"):
    m = nn.LeakyReLU(0.2, inplace=True)
    check("repr", repr(m))
    y = x * 2
    out = m(y)
    check("module_out", out)
    check("module_fn", out.grad_fn.name())
raises("leaf", lambda: F.leaky_relu(x, 0.1, inplace=True))
with section("negative_slope"):
    x2 = torch.tensor([-1.0, 2.0, -3.0, 0.0], requires_grad=True)
    y = x2 * 1
    F.leaky_relu(y, -0.5, inplace=True)
    check("neg_out", y)
    raises("neg_backward", lambda: y.sum().backward())
with section("plain"):
    y = x.detach().clone()
    F.leaky_relu(y, 0.3, inplace=True)
    check("plain", (y, y._version))
    with torch.no_grad():
        y = x * 1
        F.leaky_relu(y, 0.3, inplace=True)
    check("no_grad", (y, y.requires_grad))
with section("double"):
    x64 = torch.tensor([-1.0, 2.0, -3.0, 0.5], dtype=torch.float64, requires_grad=True)
    check(
        "gradcheck",
        torch.autograd.gradcheck(lambda a: F.leaky_relu(a * 1, 0.2, inplace=True), (x64,)),
    )
    (g,) = torch.autograd.grad(
        F.leaky_relu(x64 * 1, 0.1, inplace=True).pow(2).sum(), x64, create_graph=True
    )
    check("double_g", g)
    check("double_g2", torch.autograd.grad(g.sum(), x64))
