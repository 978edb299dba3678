# Second derivatives (create_graph=True, autograd.grad twice, gradgradcheck) through
# batch_norm (train and eval), layer_norm, conv1d/conv2d and the pools; values from
# formulas (no random values)


def ramp(shape, f=0.37, scale=1.0, dtype=torch.float64):
    n = 1
    for s in shape:
        n *= s
    v = torch.sin(torch.arange(n, dtype=torch.float64) * f) * scale
    return v.to(dtype).reshape(shape).requires_grad_()


def second(name, fn, args, names=True):
    """g = grad(sum(out**3)) with create_graph; then the gradient of a function of g.
    ``names``: PyTorch's grad_fn of g is checked (a single ``...BackwardBackward0`` node);
    otherwise only the values (for the 1-D pools PyTorch's squeeze differs)."""
    out = fn(*args)
    gs = torch.autograd.grad((out**3).sum(), args, create_graph=True)
    for i, g in enumerate(gs):
        if names is True or (names and i in names):
            check(f"{name}_g{i}", g)
        else:
            check(f"{name}_g{i}", g.detach())
    s = sum((((g * g).sum() * (i + 1)) for i, g in enumerate(gs)), torch.tensor(0.0))
    hs = torch.autograd.grad(s, args, allow_unused=True)
    for i, h in enumerate(hs):
        check(f"{name}_h{i}", h)


# batch norm: functional, train and eval, float64 and float32
x = ramp((4, 3, 5))
w = ramp((3,), 0.9, 1.5)
b = ramp((3,), 1.3)
rm = torch.tensor([0.1, -0.2, 0.3], dtype=torch.float64)
rv = torch.tensor([1.5, 0.7, 2.0], dtype=torch.float64)
for tr in (True, False):
    with section(f"bn_train{tr}"):
        second(
            f"bn_train{tr}",
            lambda a, ww, bb: F.batch_norm(a, rm.clone(), rv.clone(), ww, bb, training=tr),
            (x, w, b),
        )
        check(
            f"bn_train{tr}_gradgradcheck",
            torch.autograd.gradgradcheck(
                lambda a, ww, bb: F.batch_norm(a, rm.clone(), rv.clone(), ww, bb, training=tr),
                (x, w, b),
            ),
        )
with section("bn_noaffine"):
    second(
        "bn_noaffine",
        lambda a: F.batch_norm(a, None, None, training=True),
        (ramp((5, 2)),),
    )
with section("bn_float32"):
    x32 = ramp((6, 3), 0.61, 2.0, torch.float32)
    bn = nn.BatchNorm1d(3)
    with torch.no_grad():
        bn.weight.copy_(torch.tensor([0.5, -1.0, 2.0]))
        bn.bias.copy_(torch.tensor([0.1, 0.2, -0.3]))
    second("bn_module_train", lambda a: bn(a), (x32,))
    bn.eval()
    second("bn_module_eval", lambda a: bn(a), (x32,))
with section("bn2d"):
    bn2 = nn.BatchNorm2d(2).double()
    x4 = ramp((2, 2, 3, 3), 0.53)
    y = bn2(x4)
    (gx,) = torch.autograd.grad((y**2 * x4).sum(), x4, create_graph=True)
    check("bn2d_gx", gx)
    gx.pow(2).sum().backward()
    check("bn2d_x_grad", x4.grad)
    check("bn2d_w_grad", bn2.weight.grad)
    check("bn2d_b_grad", bn2.bias.grad)
    check(
        "bn2d_gradgradcheck", torch.autograd.gradgradcheck(lambda a: bn2(a), (ramp((2, 2, 2, 2)),))
    )

with section("bn_graph"):
    y = F.batch_norm(x, None, None, w, b, training=True)
    c = torch.cos(torch.arange(60.0, dtype=torch.float64)).reshape(4, 3, 5)
    gs = torch.autograd.grad((y * c).sum(), (x, w, b), create_graph=True)
    check("bn_graph", graph(gs[1]))
    check("bn_output_nr", [g.output_nr for g in gs])

# layer norm
with section("ln"):
    ln_w, ln_b = ramp((5,), 0.8, 1.2), ramp((5,), 1.7)
    second("ln", lambda a, ww, bb: F.layer_norm(a, (5,), ww, bb), (x, ln_w, ln_b))
    check(
        "ln_gradgradcheck",
        torch.autograd.gradgradcheck(
            lambda a, ww, bb: F.layer_norm(a, (3, 5), ww, bb),
            (x, ramp((3, 5), 0.4), ramp((3, 5), 0.2)),
        ),
    )
    second("ln_noaffine", lambda a: F.layer_norm(a, (3, 5)), (x,))
with section("ln_graph"):
    y = F.layer_norm(x, (5,), ln_w, ln_b)
    c = torch.cos(torch.arange(60.0, dtype=torch.float64)).reshape(4, 3, 5)
    gs = torch.autograd.grad((y * c).sum(), (x, ln_w, ln_b), create_graph=True)
    check("ln_graph", graph(gs[0]))
    check("ln_output_nr", [g.output_nr for g in gs])
with section("ln_module"):
    ln = nn.LayerNorm(4)
    x32 = ramp((3, 4), 0.77, 1.5, torch.float32)
    second("ln_module", lambda a: ln(a), (x32,))
    check("ln_module_w_grad_none", ln.weight.grad)

# convolutions (ConvolutionBackwardBackward0)
xc = ramp((2, 4, 5, 6), 0.29)
kc = ramp((6, 2, 3, 2), 0.71, 0.5)
bc = ramp((6,), 1.1)
with section("conv2d"):
    conv = lambda a, k, bb: F.conv2d(a, k, bb, stride=(2, 1), padding=1, dilation=(1, 2), groups=2)
    second("conv2d", conv, (xc, kc, bc), names=(0, 1))
    check(
        "conv2d_gradgradcheck",
        torch.autograd.gradgradcheck(
            lambda a, k: F.conv2d(a, k, padding=1), (ramp((1, 2, 3, 3)), ramp((2, 2, 2, 2), 0.5))
        ),
    )
with section("conv1d"):
    x1, k1 = ramp((2, 3, 7), 0.43), ramp((4, 3, 3), 0.83)
    second("conv1d", lambda a, k: F.conv1d(a, k, stride=2, padding=1), (x1, k1))
    check(
        "conv1d_gradgradcheck",
        torch.autograd.gradgradcheck(
            lambda a, k: F.conv1d(a, k), (ramp((1, 2, 5)), ramp((2, 2, 2)))
        ),
    )
with section("conv_module"):
    m = nn.Conv2d(2, 3, 2)
    with torch.no_grad():
        m.weight.copy_(torch.cos(torch.arange(24.0) * 0.9).reshape(3, 2, 2, 2))
        m.bias.copy_(torch.tensor([0.1, -0.2, 0.3]))
    xi = ramp((1, 2, 4, 4), 0.3, 1.0, torch.float32)
    (gx,) = torch.autograd.grad(m(xi).tanh().sum(), xi, create_graph=True)
    check("conv_module_gx_name", gx.grad_fn.name())
    gx.pow(2).sum().backward()
    check("conv_module_w_grad", m.weight.grad)
    check("conv_module_b_grad", m.bias.grad)
    check("conv_module_x_grad", xi.grad)

# pools
xm = (torch.arange(2 * 3 * 5 * 5, dtype=torch.float64) * 0.37 % 1.9).reshape(2, 3, 5, 5)
xm.requires_grad_()
pools = {
    "maxpool": lambda a: F.max_pool2d(a, 2, stride=2, padding=1, ceil_mode=True),
    "maxpool_dil": lambda a: F.max_pool2d(a, 3, stride=1, dilation=2),
    "avgpool": lambda a: F.avg_pool2d(a, 3, stride=2, padding=1),
    "adaptive": lambda a: F.adaptive_avg_pool2d(a, (3, 2)),
}
for name, fn in pools.items():
    with section(name):
        second(name, fn, (xm,))
        check(name + "_gradgradcheck", torch.autograd.gradgradcheck(fn, (xm,)))
x1m = (torch.arange(2 * 3 * 6, dtype=torch.float64) * 0.41 % 1.3).reshape(2, 3, 6).requires_grad_()
for name, fn in {
    "maxpool1d": lambda a: F.max_pool1d(a, 2),
    "avgpool1d": lambda a: F.avg_pool1d(a, 3, 2),
}.items():
    with section(name):
        second(name, fn, (x1m,), names=False)
        check(name + "_gradgradcheck", torch.autograd.gradgradcheck(fn, (x1m,)))

# a small CNN: gradient penalty (the norm of d loss / d input), a common second-order use
with section("cnn_penalty"):
    net = nn.Sequential(
        nn.Conv2d(1, 2, 3, padding=1),
        nn.BatchNorm2d(2),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(8, 3),
        nn.LayerNorm(3),
    )
    with torch.no_grad():
        for j, p in enumerate(net.parameters()):
            p.copy_(
                torch.cos(torch.arange(p.numel(), dtype=torch.float64) * (0.7 + 0.3 * j)).reshape(
                    p.shape
                )
                * 0.5
            )
    xi = ramp((2, 1, 4, 4), 0.47, 1.0, torch.float32)
    out = net(xi)
    (gx,) = torch.autograd.grad(out[:, 0].sum(), xi, create_graph=True)
    penalty = gx.pow(2).sum()
    check("cnn_penalty", penalty)
    penalty.backward()
    for i, p in enumerate(net.parameters()):
        check(f"cnn_penalty_p{i}_grad", p.grad)
