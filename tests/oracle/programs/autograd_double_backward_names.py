# Higher-order gradients of the ops teaching code uses most (tanh, sigmoid, relu, exp,
# log, pow, mul, div, matmul / nn.Linear, mse_loss, cross_entropy, softmax, log_softmax):
# the graph of a gradient made with create_graph=True (PyTorch's node names and
# next_functions: TanhBackwardBackward0, ThresholdBackwardBackward0,
# SoftmaxBackwardDataBackward0, NllLossBackwardBackward0, MmBackward0 / TBackward0...),
# the second derivatives' values, Hessian-vector products, torch.autograd.functional and
# gradgradcheck; float64 and float32.


def ramp(shape, f=0.37, scale=1.0, shift=0.0, dtype=torch.float64):
    n = 1
    for s in shape:
        n *= s
    v = torch.sin(torch.arange(n, dtype=torch.float64) * f) * scale + shift
    return v.to(dtype).reshape(shape).requires_grad_()


def names(fn, depth=0):
    """The node names of a gradient's graph, depth first (leaves as 'leaf')."""
    if fn is None:
        return None
    if depth > 8:
        return fn.name()
    return [fn.name(), [names(f, depth + 1) for f, _ in fn.next_functions]]


def second(name, fn, args, gnames=True, hnames=True):
    """g = grad(Σ w·out) with create_graph; its graph and values; then the gradient of
    Σ v·g (a Hessian-vector product) and a third derivative where it exists."""
    out = fn(*args)
    w = torch.cos(torch.arange(out.numel(), dtype=torch.float64) * 0.7).to(out.dtype)
    gs = torch.autograd.grad((out * w.reshape(out.shape)).sum(), args, create_graph=True)
    for i, g in enumerate(gs):
        check(f"{name}_g{i}", g)
        if gnames:
            check(f"{name}_g{i}_graph", graph(g))
    s = sum(
        (g * torch.cos(torch.arange(g.numel(), dtype=g.dtype) * (0.3 + i)).reshape(g.shape)).sum()
        for i, g in enumerate(gs)
        if g.requires_grad
    )
    hs = torch.autograd.grad(s, args, create_graph=True, allow_unused=True)
    for i, h in enumerate(hs):
        check(f"{name}_h{i}", h)
        if h is not None and hnames:
            check(f"{name}_h{i}_names", names(h.grad_fn))


for dt in (torch.float64, torch.float32):
    tag = "f64" if dt is torch.float64 else "f32"
    x = ramp((3, 4), dtype=dt)
    y = ramp((3, 4), 0.53, 0.8, 1.5, dtype=dt)  # positive
    with section(f"unary_{tag}"):
        second(f"tanh_{tag}", torch.tanh, (x,))
        second(f"tanh_method_{tag}", lambda a: a.tanh(), (x,))
        second(f"sigmoid_{tag}", torch.sigmoid, (x,))
        second(f"F_sigmoid_{tag}", F.sigmoid, (x,))
        second(f"relu_{tag}", torch.relu, (x,))
        second(f"F_relu_{tag}", F.relu, (x,))
        second(f"leaky_relu_{tag}", lambda a: F.leaky_relu(a, 0.2), (x,))
        second(f"hardtanh_{tag}", lambda a: F.hardtanh(a, -0.5, 0.5), (x,))
        second(f"exp_{tag}", torch.exp, (x,))
        second(f"log_{tag}", torch.log, (y,))
        second(f"sqrt_{tag}", torch.sqrt, (y,))
    with section(f"unary_more_{tag}"):
        second(f"log1p_{tag}", torch.log1p, (y,))
        second(f"expm1_{tag}", torch.expm1, (x,))
        second(f"exp2_{tag}", torch.exp2, (x,))
        second(f"rsqrt_{tag}", torch.rsqrt, (y,))
        second(f"tan_{tag}", torch.tan, (x,))
        second(f"atan_{tag}", torch.atan, (x,))
        second(f"asin_{tag}", lambda a: torch.asin(a * 0.5), (x,))
        second(f"acos_{tag}", lambda a: torch.acos(a * 0.5), (x,))
        second(f"erf_{tag}", torch.erf, (x,))
        second(f"abs_{tag}", lambda a: a.abs() * a, (x,))
        second(f"softplus_{tag}", F.softplus, (x,))
        second(f"softplus_beta_{tag}", lambda a: F.softplus(a, beta=2.0, threshold=1.0), (x,))
        second(f"elu_{tag}", lambda a: F.elu(a, alpha=0.5), (x,))
        second(f"selu_{tag}", F.selu, (x,))
        second(f"logsigmoid_{tag}", F.logsigmoid, (x,))
        second(f"silu_{tag}", F.silu, (x,))
        second(f"relu6_{tag}", lambda a: F.relu6(a * 4), (x,))
        second(f"gelu_{tag}", F.gelu, (x,))
        second(f"celu_{tag}", lambda a: F.celu(a, alpha=0.5), (x,))
        second(f"mish_{tag}", F.mish, (x,))
        second(f"hardswish_{tag}", lambda a: F.hardswish(a * 3), (x,))
        second(f"atan2_{tag}", torch.atan2, (x, y))
    with section(f"binary_{tag}"):
        second(f"pow2_{tag}", lambda a: a**2, (x,))
        second(f"pow3_{tag}", lambda a: a**3, (x,))
        second(f"powt_{tag}", lambda a, b: a**b, (y, x))
        second(f"mul_{tag}", lambda a, b: a * b, (x, y))
        second(f"square_{tag}", lambda a: a * a, (x,))
        second(f"div_{tag}", lambda a, b: a / b, (x, y))
        second(f"add_sub_{tag}", lambda a, b: (a + b) * (a - b), (x, y))
    with section(f"matmul_{tag}"):
        a = ramp((3, 4), dtype=dt)
        b = ramp((4, 5), 0.61, dtype=dt)
        second(f"matmul_tanh_{tag}", lambda p, q: torch.tanh(p @ q), (a, b))
        second(f"mm_{tag}", lambda p, q: torch.mm(p, q) ** 2, (a, b))
        second(f"matmul_t_{tag}", lambda p, q: (p.t() @ q.t()) ** 2, (b, a))
        v = ramp((4,), 0.9, dtype=dt)
        second(f"mv_{tag}", lambda p, q: (p @ q) ** 2, (a, v))
        second(
            f"bmm_{tag}",
            lambda p, q: torch.bmm(p, q) ** 2,
            (ramp((2, 3, 4), dtype=dt), ramp((2, 4, 2), 0.2, dtype=dt)),
        )
        w1 = ramp((5, 4), 0.41, 0.5, dtype=dt)
        b1 = ramp((5,), 0.77, 0.1, dtype=dt)
        second(f"linear_{tag}", lambda p, w, bb: F.linear(p, w, bb).tanh(), (a, w1, b1))
        second(f"linear_nobias_{tag}", lambda p, w: F.sigmoid(F.linear(p, w)), (a, w1))
    with section(f"losses_{tag}"):
        t = ramp((3, 4), 0.29, dtype=dt).detach()
        second(f"mse_{tag}", lambda p: F.mse_loss(p, t), (x,))
        second(f"mse_both_{tag}", lambda p, q: F.mse_loss(p, q), (x, y))
        second(f"mse_sum_{tag}", lambda p, q: F.mse_loss(p, q, reduction="sum"), (x, y))
        target = torch.tensor([0, 3, 1])
        second(f"cross_entropy_{tag}", lambda p: F.cross_entropy(p, target), (x,))
        second(
            f"cross_entropy_sum_{tag}", lambda p: F.cross_entropy(p, target, reduction="sum"), (x,)
        )
        second(
            f"cross_entropy_none_{tag}",
            lambda p: F.cross_entropy(p, target, reduction="none"),
            (x,),
        )
        tb = (ramp((3, 4), 0.31, dtype=dt).detach() > 0).to(dt)
        second(f"bce_logits_{tag}", lambda p: F.binary_cross_entropy_with_logits(p, tb), (x,))
        second(
            f"bce_logits_sum_{tag}",
            lambda p: F.binary_cross_entropy_with_logits(p, tb, reduction="sum"),
            (x,),
        )
        second(
            f"bce_{tag}",
            lambda p: F.binary_cross_entropy(torch.sigmoid(p), tb * 0.8 + 0.1),
            (x,),
            hnames=False,
        )
        second(
            f"bce_both_{tag}",
            lambda p, q: F.binary_cross_entropy(
                torch.sigmoid(p), torch.sigmoid(q), reduction="sum"
            ),
            (x, y),
            gnames=False,
            hnames=False,
        )
        second(f"nll_{tag}", lambda p: F.nll_loss(F.log_softmax(p, dim=1), target), (x,))
        second(f"softmax_{tag}", lambda p: F.softmax(p, dim=1), (x,))
        second(f"softmax0_{tag}", lambda p: torch.softmax(p, dim=0), (x,))
        second(f"log_softmax_{tag}", lambda p: F.log_softmax(p, dim=-1), (x,))
    with section(f"index_reduce_{tag}"):
        second(f"slice_{tag}", lambda a: a[1:, ::2] ** 2, (x,))
        second(f"select_{tag}", lambda a: a[:, 1].exp(), (x,))
        second(f"rows_{tag}", lambda a: a[torch.tensor([0, 2, 2])].tanh(), (x,))
        second(f"range_{tag}", lambda a: a[range(3), [0, 2, 1]].sigmoid(), (x,))
        second(f"mask_{tag}", lambda a: a[a > 0] ** 2, (x,))
        second(f"gather_{tag}", lambda a: a.gather(1, torch.tensor([[0], [3], [1]])) ** 2, (x,))
        second(
            f"masked_fill_{tag}",
            lambda a: a.masked_fill(torch.tensor([[True, False, False, True]]), 0.0).tanh(),
            (x,),
        )
        second(f"mean_{tag}", lambda a: a.mean() ** 2, (x,))
        second(f"mean_dim_{tag}", lambda a: a.mean(dim=1).tanh(), (x,))
        second(f"sum_dim_{tag}", lambda a: a.sum(0, keepdim=True).sigmoid(), (x,))
        second(f"var_{tag}", lambda a: a.var(), (x,))
        second(f"var_dim_{tag}", lambda a: a.var(dim=1).exp(), (x,))
        second(f"std_dim_{tag}", lambda a: a.std(0, keepdim=True) * a, (x,))
        second(f"std_{tag}", lambda a: a.std(), (x,))
        second(f"logsumexp_{tag}", lambda a: torch.logsumexp(a, 1), (x,))
        second(f"logsumexp_keep_{tag}", lambda a: a.logsumexp(0, keepdim=True) * a, (x,))
        second(f"prod_{tag}", lambda a: a.prod(1), (y,))
        second(f"prod_all_{tag}", lambda a: a.prod(), (y,))
        second(f"max_{tag}", lambda a: a.max() ** 2, (x,))
        second(f"max_dim_{tag}", lambda a: a.max(dim=1).values.tanh(), (x,))
        second(f"min_dim_keep_{tag}", lambda a: a.min(0, keepdim=True)[0] * a, (x,))
        second(f"amax_{tag}", lambda a: a.amax(1).exp(), (x,))
        second(f"norm_{tag}", lambda a: a.norm(), (x,))
        second(f"norm_dim_{tag}", lambda a: a.norm(dim=1) ** 2, (x,))
        second(
            f"vector_norm_{tag}",
            lambda a: torch.linalg.vector_norm(a, dim=0, keepdim=True) * a,
            (x,),
        )
        C = ramp((5, 2), 0.7, dtype=dt)
        Xi = torch.tensor([[0, 4], [2, 2], [1, 3]])
        second(f"embed_{tag}", lambda c: (c[Xi].view(3, 4) @ x.detach().t()).tanh(), (C,))
    with section(f"mlp_{tag}"):
        # a two-layer tanh network: gradient of the loss w.r.t. the weights, then the
        # gradient of its squared norm (a gradient penalty)
        xb = ramp((4, 3), 0.3, dtype=dt).detach()
        yb = torch.tensor([0, 1, 1, 0])
        W1 = ramp((3, 5), 0.45, 0.7, dtype=dt)
        W2 = ramp((5, 2), 0.85, 0.7, dtype=dt)
        loss = F.cross_entropy(torch.tanh(xb @ W1) @ W2, yb)
        g1, g2 = torch.autograd.grad(loss, (W1, W2), create_graph=True)
        check(f"mlp_{tag}_g1_graph", graph(g1))
        check(f"mlp_{tag}_g2_graph", graph(g2))
        penalty = (g1**2).sum() + (g2**2).sum()
        check(f"mlp_{tag}_penalty", penalty)
        penalty.backward()
        check(f"mlp_{tag}_W1_grad", W1.grad)
        check(f"mlp_{tag}_W2_grad", W2.grad)

# a gradient penalty (WGAN-GP style) through conv2d, leaky_relu, linear: the gradient
# of the critic's output w.r.t. its input with create_graph, its norm, then backward
xi = ramp((2, 1, 5, 5), 0.23)
cw = ramp((3, 1, 3, 3), 0.61, 0.5)
cb = ramp((3,), 0.9, 0.1)
lw = ramp((1, 27), 0.37, 0.3)
out = F.linear(F.leaky_relu(F.conv2d(xi, cw, cb), 0.2).flatten(1), lw)
(gi,) = torch.autograd.grad(out.sum(), xi, create_graph=True)
check("gp_grad", gi)
check("gp_grad_graph", graph(gi))
penalty = ((gi.flatten(1).norm(2, dim=1) - 1) ** 2).mean()
check("gp_penalty", penalty)
penalty.backward()
check("gp_cw_grad", cw.grad)
check("gp_cb_grad", cb.grad)
check("gp_lw_grad", lw.grad)
for nm, fn, args in [
    (
        "conv1d",
        lambda a, w, b: F.conv1d(a, w, b, padding=1) ** 2,
        (ramp((2, 2, 6)), ramp((3, 2, 3), 0.5), ramp((3,), 0.3)),
    ),
    (
        "conv2d",
        lambda a, w: F.conv2d(a, w, stride=2).tanh(),
        (ramp((1, 2, 5, 5)), ramp((2, 2, 3, 3), 0.5)),
    ),
]:
    o = fn(*args)
    gs = torch.autograd.grad((o * o).sum(), args, create_graph=True)
    for i, gg in enumerate(gs):
        check(f"{nm}_g{i}_graph", graph(gg))
    hs = torch.autograd.grad(sum((gg * gg).sum() for gg in gs), args)
    for i, h in enumerate(hs):
        check(f"{nm}_h{i}", h)

# Hessian-vector products the way tutorials write them
x = ramp((4,))
v = torch.tensor([1.0, -0.5, 0.25, 2.0], dtype=torch.float64)
f = (torch.tanh(x) * torch.sigmoid(x) + x.exp() * 0.1).sum()
(gx,) = torch.autograd.grad(f, x, create_graph=True)
check("hvp_gx_names", names(gx.grad_fn))
(hv,) = torch.autograd.grad(gx @ v, x)
check("hvp", hv)
x.grad = None
gx2 = torch.autograd.grad((x**3).sum(), x, create_graph=True)[0]
gx2.sum().backward()
check("x3_second", x.grad)


# torch.autograd.functional on the same functions
def fun(a):
    return (torch.tanh(a) ** 2 + torch.sigmoid(a) * a).sum()


p = ramp((3,), 0.8).detach()
check("functional_hessian", torch.autograd.functional.hessian(fun, p))
check("functional_hvp", torch.autograd.functional.hvp(fun, p, torch.ones(3, dtype=torch.float64)))
check("functional_vhp", torch.autograd.functional.vhp(fun, p, torch.ones(3, dtype=torch.float64)))
check("functional_jacobian", torch.autograd.functional.jacobian(lambda a: torch.softmax(a, 0), p))
check(
    "functional_hessian_graph",
    graph(torch.autograd.functional.hessian(fun, p, create_graph=True)),
)
check(
    "functional_vjp",
    torch.autograd.functional.vjp(
        lambda a: F.relu(a) * a.exp(), p, torch.ones(3, dtype=torch.float64)
    ),
)

# gradgradcheck of the same ops
for nm, fn, args in [
    ("tanh", torch.tanh, (ramp((2, 3)),)),
    ("sigmoid", torch.sigmoid, (ramp((2, 3)),)),
    ("softmax", lambda a: F.softmax(a, dim=1), (ramp((2, 3)),)),
    ("log_softmax", lambda a: F.log_softmax(a, dim=1), (ramp((2, 3)),)),
    ("cross_entropy", lambda a: F.cross_entropy(a, torch.tensor([2, 0])), (ramp((2, 3)),)),
    ("mse", lambda a, b: F.mse_loss(a, b), (ramp((2, 3)), ramp((2, 3), 0.9))),
    (
        "linear",
        lambda a, w, b: F.linear(a, w, b).tanh(),
        (ramp((2, 3)), ramp((4, 3), 0.5), ramp((4,), 0.2)),
    ),
    ("leaky_relu", lambda a: F.leaky_relu(a, 0.1) * a, (ramp((2, 3), shift=0.05),)),
]:
    check(f"gradgradcheck_{nm}", torch.autograd.gradgradcheck(fn, args))

# third order: the gradient of a TanhBackwardBackward0 node
x = ramp((3,), 0.9)
(g,) = torch.autograd.grad(torch.tanh(x).sum(), x, create_graph=True)
(h,) = torch.autograd.grad(g.sum(), x, create_graph=True)
check("tanh_third_h_names", names(h.grad_fn))
(k,) = torch.autograd.grad(h.sum(), x)
check("tanh_third", k)
(g,) = torch.autograd.grad(torch.sigmoid(x).sum(), x, create_graph=True)
(h,) = torch.autograd.grad(g.sum(), x, create_graph=True)
(k,) = torch.autograd.grad(h.sum(), x)
check("sigmoid_third", k)
(g,) = torch.autograd.grad(F.gelu(x).sum(), x, create_graph=True)
(h,) = torch.autograd.grad(g.sum(), x, create_graph=True)
check("gelu_third_h_names", names(h.grad_fn))
(k,) = torch.autograd.grad(h.sum(), x)
check("gelu_third", k)
