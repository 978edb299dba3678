# F.pad's reflect / replicate / circular modes (1-D, 2-D, 3-D, negative amounts), the
# padding modules, Conv1d/Conv2d padding_mode, double backward, PyTorch's errors
def ramp(*shape, dtype=torch.float32):
    n = 1
    for s in shape:
        n *= s
    return (torch.sin(torch.arange(n, dtype=torch.float64) * 0.37) * 2).to(dtype).reshape(shape)


cases = [
    ((2, 3, 4), [1, 2]),
    ((2, 3, 4), [3, 3]),
    ((2, 3, 4), [-1, 2]),
    ((2, 3, 4), [0, 0]),
    ((3, 5), [2, 1]),
    ((1, 2, 3, 4), [1, 2, 2, 1]),
    ((1, 2, 3, 4), [1, -2, 2, -1]),
    ((2, 3, 4), [1, 2, 1, 0]),
    ((1, 2, 3, 4), [-2, -2, 0, 0]),
    ((1, 2, 3, 4, 3), [1, 2, 1, 0, 1, 1]),
    ((2, 3, 4, 3), [0, 1, 2, 1, -1, 1]),
]
for mode in ("reflect", "replicate", "circular"):
    for shape, p in cases:
        name = f"{mode}_{'x'.join(map(str, shape))}_{'_'.join(map(str, p))}"
        with section(name):
            x = ramp(*shape).requires_grad_()
            y = F.pad(x, p, mode=mode)
            check(name, y)
            check(name + "_graph", graph(y))
            w = torch.cos(torch.arange(y.numel(), dtype=torch.float32)).reshape(y.shape)
            (y * y * w).sum().backward()
            check(name + "_grad", x.grad)
    with section(mode + "_gradcheck"):
        x64 = ramp(2, 3, 4, dtype=torch.float64).requires_grad_()
        check(
            mode + "_gradcheck1",
            torch.autograd.gradcheck(lambda a: F.pad(a, [2, 1], mode=mode), (x64,)),
        )
        x64 = ramp(1, 2, 3, 4, dtype=torch.float64).requires_grad_()
        check(
            mode + "_gradcheck2",
            torch.autograd.gradgradcheck(lambda a: F.pad(a, [1, 2, 2, 1], mode=mode) ** 2, (x64,)),
        )
    with section(mode + "_double"):
        x = ramp(2, 3, 4, dtype=torch.float64).requires_grad_()
        y = F.pad(x, [2, 1], mode=mode)
        (g,) = torch.autograd.grad((y**3).sum(), x, create_graph=True)
        if mode != "circular":
            check(mode + "_double_g", g)
            check(mode + "_double_graph", graph(g))
        else:  # values only: a slice's gradient node under create_graph is the engine's
            check(mode + "_double_g", g.detach())
        (g2,) = torch.autograd.grad((g * g).sum(), x)
        check(mode + "_double_g2", g2)
    with section(mode + "_ints"):
        check(mode + "_int64", F.pad(torch.arange(8).reshape(2, 4), [2, 1], mode=mode))
        check(mode + "_f64", F.pad(ramp(1, 3, 4, dtype=torch.float64), [1, 1, 1, 1], mode=mode))
        check(mode + "_batch0", F.pad(torch.ones(0, 3, 4), [1, 1], mode=mode))
    raises(mode + "_bool", lambda: F.pad(torch.ones(1, 4, dtype=torch.bool), [1, 1], mode=mode))
    raises(mode + "_value", lambda: F.pad(torch.ones(2, 3, 4), [1, 1], mode=mode, value=2.0))
    check(mode + "_value0", F.pad(ramp(2, 3, 4), [1, 1], mode=mode, value=0.0))
    raises(mode + "_odd", lambda: F.pad(torch.ones(2, 3, 4), [1, 1, 1], mode=mode))
    raises(mode + "_long", lambda: F.pad(torch.ones(2, 3, 4), [1] * 8, mode=mode))
    raises(mode + "_1d_in", lambda: F.pad(torch.ones(4), [1, 1], mode=mode))
    raises(mode + "_2d_pad4", lambda: F.pad(torch.ones(3, 4), [1, 1, 1, 1], mode=mode))
    raises(mode + "_6d", lambda: F.pad(torch.ones(1, 1, 1, 2, 2, 2), [1, 1], mode=mode))
    for shape, p in [
        ((2, 3, 4), [4, 0]),
        ((2, 3, 4), [5, 0]),
        ((2, 3, 4), [-4, 0]),
        ((2, 3, 4), [-3, -2]),
        ((1, 2, 3, 4), [0, 0, 3, 0]),
        ((1, 2, 3, 4), [0, 0, 0, 3]),
        ((1, 2, 3, 4), [-3, -2, 0, 0]),
        ((1, 2, 3, 4), [0, 0, -2, -2]),
        ((1, 2, 3, 4, 5), [0, 0, -3, -3, 0, 0]),
        ((1, 2, 3, 4, 5), [5, 0, 0, 0, 0, 0]),
        ((2, 0, 4), [1, 1]),
        ((1, 2, 0, 4), [1, 1, 1, 1]),
        ((3, 4), [0, -4]),
    ]:
        name = f"{mode}_err_{'x'.join(map(str, shape))}_{'_'.join(map(str, p))}"
        raises(name, lambda shape=shape, p=p: F.pad(torch.ones(shape), p, mode=mode).shape)

raises("bad_mode", lambda: F.pad(torch.ones(2, 3), [1, 1], mode="foo"))
raises("bad_mode_odd", lambda: F.pad(torch.ones(2, 3), [1, 1, 1], mode="wrap"))
raises("pad_float", lambda: F.pad(torch.ones(2, 3), (1.5, 1)))
raises("pad_float_second", lambda: F.pad(torch.ones(2, 3), (1, 1.5)))
raises("pad_int", lambda: F.pad(torch.ones(2, 3), 3))
raises("pad_none", lambda: F.pad(torch.ones(2, 3), (1, None)))
check("pad_bool_second", F.pad(torch.ones(2, 3), (1, True), mode="reflect"))
check("pad_tensor_amount", F.pad(ramp(2, 3), (torch.tensor(1), 2), mode="replicate"))
raises("pad_not_tensor", lambda: F.pad([1.0, 2.0], [1, 1], mode="reflect"))

# the modules
x3 = ramp(1, 2, 5).requires_grad_()
x4 = ramp(1, 2, 4, 5).requires_grad_()
x5 = ramp(1, 1, 3, 4, 3).requires_grad_()
mods = [
    ("reflection1d", nn.ReflectionPad1d(2), x3),
    ("reflection1d_t", nn.ReflectionPad1d((1, 3)), x3),
    ("reflection2d", nn.ReflectionPad2d(1), x4),
    ("reflection2d_t", nn.ReflectionPad2d((1, 0, 2, 3)), x4),
    ("reflection3d", nn.ReflectionPad3d(1), x5),
    ("replication1d", nn.ReplicationPad1d((3, 1)), x3),
    ("replication2d", nn.ReplicationPad2d(2), x4),
    ("replication3d", nn.ReplicationPad3d((1, 0, 0, 2, 1, 1)), x5),
    ("circular1d", nn.CircularPad1d(2), x3),
    ("circular2d", nn.CircularPad2d((1, 2, 0, 1)), x4),
    ("circular3d", nn.CircularPad3d(1), x5),
    ("zero1d", nn.ZeroPad1d(2), x3),
    ("zero2d", nn.ZeroPad2d((1, 2, 0, 1)), x4),
    ("zero3d", nn.ZeroPad3d(1), x5),
    ("constant1d", nn.ConstantPad1d(2, 3.5), x3),
    ("constant2d", nn.ConstantPad2d((1, 2, 3, 4), -1.0), x4),
    ("constant3d", nn.ConstantPad3d(1, 2), x5),
]
for name, m, x in mods:
    with section(name):
        check(name + "_repr", repr(m))
        check(name + "_padding", m.padding)
        y = m(x)
        check(name + "_out", y)
        check(name + "_fn", y.grad_fn.name())
        y.pow(2).sum().backward()
        check(name + "_grad", x.grad)
        x.grad = None
check("zero2d_value", nn.ZeroPad2d(1).value)
check("constant1d_value", nn.ConstantPad1d(1, 2).value)
raises("circular1d_dims", lambda: nn.CircularPad1d(1)(torch.ones(1, 1, 2, 3)))
raises("circular2d_dims", lambda: nn.CircularPad2d(1)(torch.ones(3)))
raises("circular3d_dims", lambda: nn.CircularPad3d(1)(torch.ones(2, 3)))
raises("reflection2d_dims", lambda: nn.ReflectionPad2d(1)(torch.ones(3)))
check("zero2d_unbatched", nn.ZeroPad2d(1)(torch.ones(2, 2)))


# Conv1d / Conv2d padding_mode
def set_weights(m):
    with torch.no_grad():
        for j, p in enumerate(m.parameters()):
            p.copy_(torch.cos(torch.arange(p.numel()) * (0.7 + 0.3 * j)).reshape(p.shape) * 0.5)
    return m


for mode in ("reflect", "replicate", "circular", "zeros"):
    for name, make, x in (
        ("c1", lambda: nn.Conv1d(2, 3, 3, padding=1, padding_mode=mode), ramp(2, 2, 6)),
        ("c1_same", lambda: nn.Conv1d(2, 2, 4, padding="same", padding_mode=mode), ramp(1, 2, 7)),
        ("c1_stride", lambda: nn.Conv1d(2, 2, 3, 2, padding=2, padding_mode=mode), ramp(2, 6)),
        ("c2", lambda: nn.Conv2d(2, 3, 3, padding=1, padding_mode=mode), ramp(1, 2, 5, 6)),
        (
            "c2_rect",
            lambda: nn.Conv2d(2, 2, (3, 2), padding=(2, 1), padding_mode=mode, bias=False),
            ramp(2, 2, 4, 5),
        ),
        ("c2_same", lambda: nn.Conv2d(2, 2, 4, padding="same", padding_mode=mode), ramp(2, 5, 5)),
        (
            "c2_dil",
            lambda: nn.Conv2d(2, 4, 3, padding=2, dilation=2, groups=2, padding_mode=mode),
            ramp(1, 2, 6, 6),
        ),
    ):
        key = f"conv_{mode}_{name}"
        with section(key):
            conv = set_weights(make())
            check(key + "_repr", repr(conv))
            check(key + "_rev", list(conv._reversed_padding_repeated_twice))
            x = x.requires_grad_()
            y = conv(x)
            check(key + "_out", y)
            check(key + "_graph", graph(y))
            (y * y).sum().backward()
            check(key + "_xgrad", x.grad)
            check(key + "_wgrad", conv.weight.grad)
raises("conv_bad_mode", lambda: nn.Conv2d(2, 2, 3, padding_mode="wrap"), key="but got padding_mode")
raises("conv_bad_padding", lambda: nn.Conv1d(2, 2, 3, padding="full"), key="Invalid padding string")
raises("conv_same_stride", lambda: nn.Conv2d(2, 2, 3, stride=2, padding="same"))
raises("conv_groups0", lambda: nn.Conv2d(2, 2, 3, groups=0))
raises(
    "conv_reflect_big",
    lambda: nn.Conv1d(1, 1, 3, padding=4, padding_mode="reflect")(torch.ones(1, 1, 3)),
)
