# max_pool2d / max_pool1d return_indices, MaxPool modules with return_indices, max_unpool1d
# / max_unpool2d (+ modules), avg_pool2d / avg_pool1d ceil_mode, count_include_pad=False,
# divisor_override; unbatched pools as one node; PyTorch's errors
def ramp(*shape, dtype=torch.float32, k=0.37):
    n = 1
    for s in shape:
        n *= s
    return (torch.sin(torch.arange(n, dtype=torch.float64) * k) * 2).to(dtype).reshape(shape)


x = ramp(2, 2, 6, 7).requires_grad_()
xu = ramp(3, 5, 6).requires_grad_()
w = torch.cos(torch.arange(2 * 2 * 9 * 9.0)).reshape(2, 2, 9, 9)

for name, kw in (
    ("k2", dict(kernel_size=2)),
    ("k3s2p1", dict(kernel_size=3, stride=2, padding=1)),
    ("k3s2p1_ceil", dict(kernel_size=3, stride=2, padding=1, ceil_mode=True)),
    ("k2_ceil", dict(kernel_size=2, ceil_mode=True)),
    ("rect", dict(kernel_size=(3, 2), stride=(2, 3), padding=(1, 1), ceil_mode=True)),
    ("dil", dict(kernel_size=2, dilation=2, padding=1)),
    ("dil_ceil", dict(kernel_size=3, stride=2, dilation=2, padding=1, ceil_mode=True)),
):
    with section("max_" + name):
        y, i = F.max_pool2d(x, return_indices=True, **kw)
        check("max_" + name, y)
        check("max_" + name + "_idx", i)
        check("max_" + name + "_graph", graph(y))
        (y * w[..., : y.shape[-2], : y.shape[-1]]).sum().backward()
        check("max_" + name + "_grad", x.grad)
        x.grad = None
        yu, iu = F.max_pool2d(xu, return_indices=True, **kw)
        check("max_" + name + "_unbatched", yu)
        check("max_" + name + "_unbatched_idx", iu)
        check("max_" + name + "_unbatched_graph", graph(yu))
        check("max_" + name + "_plain_unbatched_graph", graph(F.max_pool2d(xu, **kw)))
        if "dilation" in kw:  # unpooling knows no dilation: other sizes
            continue
        y, i = F.max_pool2d(x, return_indices=True, **kw)
        u = F.max_unpool2d(
            y, i, kw["kernel_size"], kw.get("stride"), kw.get("padding", 0), x.shape[-2:]
        )
        check("unpool_" + name, u)
        check("unpool_" + name + "_graph", graph(u))
        (u * torch.arange(u.numel(), dtype=torch.float32).reshape(u.shape)).sum().backward()
        check("unpool_" + name + "_grad", x.grad)
        x.grad = None
    with section("avg_" + name):
        akw = {k: v for k, v in kw.items() if k != "dilation"}
        for cip in (True, False):
            for div in (None, 3, -2):
                key = f"avg_{name}_{cip}_{div}"
                y = F.avg_pool2d(x, count_include_pad=cip, divisor_override=div, **akw)
                check(key, y)
                (y * w[..., : y.shape[-2], : y.shape[-1]]).sum().backward()
                check(key + "_grad", x.grad)
                x.grad = None
                check(key + "_unbatched", F.avg_pool2d(xu, count_include_pad=cip, **akw))
        check("avg_" + name + "_unbatched_graph", graph(F.avg_pool2d(xu, **akw)))

x64 = ramp(1, 2, 5, 6, dtype=torch.float64).requires_grad_()
check(
    "avg_gradcheck",
    torch.autograd.gradcheck(
        lambda a: F.avg_pool2d(a, 3, 2, 1, ceil_mode=True, count_include_pad=False), (x64,)
    ),
)
check(
    "avg_gradgradcheck",
    torch.autograd.gradgradcheck(
        lambda a: F.avg_pool2d(a, (3, 2), 2, 1, ceil_mode=True, divisor_override=4) ** 2, (x64,)
    ),
)
check(
    "unpool_gradcheck",
    torch.autograd.gradcheck(
        lambda a: F.max_unpool2d(*F.max_pool2d(a, 2, return_indices=True), 2, output_size=(5, 6)),
        (x64,),
    ),
)
with section("unpool_double"):
    y, i = F.max_pool2d(x64, 2, return_indices=True)
    u = F.max_unpool2d(y * y, i, 2, output_size=(5, 6))
    (g,) = torch.autograd.grad((u**3).sum(), x64, create_graph=True)
    check("unpool_double_g", g)
    check("unpool_double_graph", graph(g))
    (g2,) = torch.autograd.grad(g.sum(), x64)
    check("unpool_double_g2", g2)

# 1-D
x1 = ramp(2, 3, 9).requires_grad_()
for name, kw in (
    ("k2", dict(kernel_size=2)),
    ("k3s2p1_ceil", dict(kernel_size=3, stride=2, padding=1, ceil_mode=True)),
    ("dil", dict(kernel_size=3, stride=2, dilation=2, padding=1)),
):
    with section("max1d_" + name):
        y, i = F.max_pool1d(x1, return_indices=True, **kw)
        check("max1d_" + name, y)
        check("max1d_" + name + "_idx", i)
        check("max1d_" + name + "_graph", graph(y))
        y2, i2 = F.max_pool1d(x1[0], return_indices=True, **kw)
        check("max1d_" + name + "_unbatched", (y2, i2))
        if "dilation" in kw:
            continue
        u = F.max_unpool1d(y, i, kw["kernel_size"], kw.get("stride"), kw.get("padding", 0), [9])
        check("unpool1d_" + name, u)
        check("unpool1d_" + name + "_graph", graph(u))
        u.pow(2).sum().backward()
        check("unpool1d_" + name + "_grad", x1.grad)
        x1.grad = None
    with section("avg1d_" + name):
        akw = {k: v for k, v in kw.items() if k != "dilation"}
        for cip in (True, False):
            y = F.avg_pool1d(x1, count_include_pad=cip, **akw)
            check(f"avg1d_{name}_{cip}", y)
            check(f"avg1d_{name}_{cip}_graph", graph(y))
            y.pow(2).sum().backward()
            check(f"avg1d_{name}_{cip}_grad", x1.grad)
            x1.grad = None

# modules
for name, m, inp in (
    ("MaxPool2d", nn.MaxPool2d(3, 2, 1, return_indices=True, ceil_mode=True), x),
    ("MaxPool1d", nn.MaxPool1d(3, 2, 1, 2, return_indices=True, ceil_mode=True), x1),
    ("AvgPool2d", nn.AvgPool2d(3, 2, 1, True, False, 2), x),
    ("AvgPool2d_t", nn.AvgPool2d((3, 2), (2, 1), (1, 0), True, True), x),
    ("AvgPool1d", nn.AvgPool1d(3, 2, 1, True, False), x1),
):
    with section(name):
        check(name + "_repr", repr(m))
        check(name + "_out", m(inp))
mp = nn.MaxPool2d(2, return_indices=True)
un = nn.MaxUnpool2d(2)
check("MaxUnpool2d_repr", repr(un))
check("MaxUnpool1d_repr", repr(nn.MaxUnpool1d(3, 2, 1)))
check("MaxUnpool2d_fields", (un.kernel_size, un.stride, un.padding))
y, i = mp(ramp(1, 2, 6, 6))
check("MaxUnpool2d_out", un(y, i))
y, i = mp(x)
check("MaxUnpool2d_out_size", un(y, i, output_size=x.size()))
y1, i1 = nn.MaxPool1d(2, return_indices=True)(x1[..., :8])
check("MaxUnpool1d_out", nn.MaxUnpool1d(2)(y1, i1))

# errors
y, i = F.max_pool2d(x, 2, return_indices=True)
raises("unpool_bad_index", lambda: F.max_unpool2d(y, i, 2))
raises("unpool_output_size", lambda: F.max_unpool2d(y, i, 2, output_size=(9, 9)))
raises("unpool_output_len", lambda: F.max_unpool2d(y, i, 2, output_size=(6, 6, 6)))
raises("unpool_float_idx", lambda: F.max_unpool2d(y, i.float(), 2, output_size=(6, 7)))
raises("unpool_idx_shape", lambda: F.max_unpool2d(y, i[:, :1], 2, output_size=(6, 7)))
raises("unpool_2d_in", lambda: F.max_unpool2d(y[0, 0], i[0, 0], 2))
raises("unpool_neg_idx", lambda: F.max_unpool2d(y, i - 100, 2, output_size=(6, 7)))
check("unpool_unbatched", F.max_unpool2d(y[0], i[0], 2, output_size=(6, 7)))
raises("avg_div0", lambda: F.avg_pool2d(x, 2, divisor_override=0))
raises("avg_div_float", lambda: F.avg_pool2d(x, 2, divisor_override=1.5))
raises("avg_pad_big", lambda: F.avg_pool2d(x, 3, padding=2))
raises("avg_stride0", lambda: F.avg_pool2d(x, 3, stride=0))
raises("avg_kernel0", lambda: F.avg_pool2d(x, 0))
raises("avg_kernel0_s1", lambda: F.avg_pool2d(x, 0, 1))
raises("avg_small", lambda: F.avg_pool2d(x, 7))
raises("avg_pad_neg", lambda: F.avg_pool2d(x, 3, padding=-1))
raises("max_pad_big_dil", lambda: F.max_pool2d(x, 3, padding=3, dilation=2))
raises("max_pad_dil", lambda: F.max_pool2d(x, 3, padding=2, dilation=2).shape)
raises("max_dil0", lambda: F.max_pool2d(x, 2, dilation=0))
raises("max_stride0", lambda: F.max_pool2d(x, 2, stride=0))
raises("avg1d_1d", lambda: F.avg_pool1d(torch.ones(5), 2))
raises("avg1d_pad", lambda: F.avg_pool1d(torch.ones(1, 1, 5), 3, padding=2))
plain = torch.ones(1, 1, 5)
for ri in (False, True):
    for src, inp in (("plain", plain), ("grad", plain.clone().requires_grad_())):
        tag = f"max1d_{src}_{ri}"
        raises(
            tag + "_pad", lambda inp=inp, ri=ri: F.max_pool1d(inp, 3, padding=2, return_indices=ri)
        )
        raises(
            tag + "_stride0",
            lambda inp=inp, ri=ri: F.max_pool1d(inp, 3, stride=0, return_indices=ri),
        )
        raises(tag + "_small", lambda inp=inp, ri=ri: F.max_pool1d(inp, 7, return_indices=ri))
        raises(tag + "_k0", lambda inp=inp, ri=ri: F.max_pool1d(inp, 0, return_indices=ri))
        raises(
            tag + "_dil0",
            lambda inp=inp, ri=ri: F.max_pool1d(inp, 2, dilation=0, return_indices=ri),
        )
        raises(tag + "_1d", lambda inp=inp, ri=ri: F.max_pool1d(inp[0, 0], 2, return_indices=ri))
