# Conv2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d: values, grads, node names, reprs,
# errors; weights set by formulas
x = (
    (torch.sin(torch.arange(2 * 3 * 6 * 6, dtype=torch.float64) * 0.37) * 2)
    .float()
    .reshape(2, 3, 6, 6)
    .requires_grad_()
)
x64 = (
    (torch.sin(torch.arange(1 * 2 * 5 * 5, dtype=torch.float64) * 0.91))
    .reshape(1, 2, 5, 5)
    .requires_grad_()
)


def set_weights(m, k=0):
    with torch.no_grad():
        for j, p in enumerate(m.parameters()):
            p.copy_(
                (
                    torch.cos(torch.arange(p.numel(), dtype=torch.float64) * (0.7 + 0.3 * (j + k)))
                    * 0.5
                )
                .float()
                .reshape(p.shape)
            )
    return m


configs = {
    "basic": dict(in_channels=3, out_channels=4, kernel_size=3),
    "stride_pad": dict(in_channels=3, out_channels=2, kernel_size=3, stride=2, padding=1),
    "rect": dict(in_channels=3, out_channels=2, kernel_size=(3, 2), padding=(1, 0), bias=False),
    "dilation": dict(in_channels=3, out_channels=2, kernel_size=2, dilation=2),
    "groups": dict(in_channels=3, out_channels=6, kernel_size=3, groups=3),
    "same": dict(in_channels=3, out_channels=2, kernel_size=4, padding="same"),
    "valid": dict(in_channels=3, out_channels=2, kernel_size=2, padding="valid"),
}
for name, cfg in configs.items():
    with section(name):
        conv = set_weights(torch.nn.Conv2d(**cfg))
        check(name + "_repr", repr(conv))
        check(name + "_wshape", conv.weight.shape)
        y = conv(x)
        check(name + "_out", y)
        check(name + "_graph", graph(y))
        (y * y).sum().backward()
        check(name + "_xgrad", x.grad)
        check(name + "_wgrad", conv.weight.grad)
        if conv.bias is not None:
            check(name + "_bgrad", conv.bias.grad)
        x.grad = None
        c64 = torch.nn.Conv2d(
            **{
                **cfg,
                "in_channels": 2,
                "out_channels": 2 if cfg.get("groups", 1) == 1 else 4,
                "groups": 1 if cfg.get("groups", 1) == 1 else 2,
            }
        ).double()
        set_weights(c64)
        check(
            name + "_gradcheck",
            torch.autograd.gradcheck(
                lambda a, w: F.conv2d(
                    a, w, c64.bias, c64.stride, c64.padding, c64.dilation, c64.groups
                ),
                (x64, c64.weight.detach().requires_grad_()),
            ),
        )

conv = set_weights(torch.nn.Conv2d(3, 2, 3))
check("unbatched", conv(x[0]))
check("unbatched_graph", graph(conv(x[0])))
raises("channels", lambda: conv(torch.ones(2, 2, 5, 5)))
raises("too_small", lambda: conv(torch.ones(1, 3, 2, 2)))
raises("dims", lambda: conv(torch.ones(3, 5)))
raises("groups_div", lambda: torch.nn.Conv2d(3, 4, 3, groups=2))

for name, mod in (
    ("maxpool", torch.nn.MaxPool2d(2)),
    ("maxpool_s1", torch.nn.MaxPool2d(3, stride=1)),
    ("maxpool_pad", torch.nn.MaxPool2d(3, stride=2, padding=1)),
    ("maxpool_ceil", torch.nn.MaxPool2d(4, stride=4, ceil_mode=True)),
    ("avgpool", torch.nn.AvgPool2d(2)),
    ("avgpool_s1", torch.nn.AvgPool2d(3, stride=1)),
    ("avgpool_pad", torch.nn.AvgPool2d(3, stride=2, padding=1)),
    ("adaptive1", torch.nn.AdaptiveAvgPool2d(1)),
    ("adaptive11", torch.nn.AdaptiveAvgPool2d((1, 1))),
    ("adaptive3", torch.nn.AdaptiveAvgPool2d(3)),
):
    with section(name):
        check(name + "_repr", repr(mod))
        y = mod(x)
        check(name + "_out", y)
        check(name + "_graph", graph(y))
        (y * y).sum().backward()
        check(name + "_grad", x.grad)
        x.grad = None
        check(name + "_gradcheck", torch.autograd.gradcheck(mod, (x64,)))
check("f_max_pool", F.max_pool2d(x, 2, 2).shape)
check("f_avg_pool", F.avg_pool2d(x, 3).shape)
ties = torch.ones(1, 1, 2, 2, requires_grad=True)
F.max_pool2d(ties, 2).sum().backward()
check("maxpool_ties_grad", ties.grad)
raises("maxpool_pad_big", lambda: F.max_pool2d(x, 2, padding=2))
raises("maxpool_small", lambda: F.max_pool2d(torch.ones(1, 1, 2, 2), 3))

# LeNet-style stack (d2l 6.6)
net = torch.nn.Sequential(
    torch.nn.Conv2d(1, 2, kernel_size=3, padding=1),
    torch.nn.Sigmoid(),
    torch.nn.AvgPool2d(kernel_size=2, stride=2),
    torch.nn.Conv2d(2, 4, kernel_size=3),
    torch.nn.Sigmoid(),
    torch.nn.AvgPool2d(kernel_size=2, stride=2),
    torch.nn.Flatten(),
    torch.nn.Linear(4, 3),
)
set_weights(net, 3)
X = torch.sin(torch.arange(2 * 1 * 10 * 10, dtype=torch.float32) * 0.3).reshape(2, 1, 10, 10)
for layer in net:
    X = layer(X)
    print(layer.__class__.__name__, "output shape: \t", X.shape)
loss = torch.nn.functional.cross_entropy(X, torch.tensor([0, 2]))
loss.backward()
check("lenet_loss", loss)
check("lenet_conv1_grad", net[0].weight.grad)

# F.pad (constant)
p = torch.arange(6.0).reshape(2, 3).requires_grad_()
check("pad", F.pad(p, (1, 2)))
check("pad_2d", F.pad(p, (1, 0, 0, 2), value=-1.0))
check("pad_crop", F.pad(p, (-1, 1)))
check("pad_graph", graph(F.pad(p, (1, 1))))
(F.pad(p, (1, 2, 1, 0)) * torch.arange(18.0).reshape(3, 6)).sum().backward()
check("pad_grad", p.grad)
check(
    "pad_gradcheck", torch.autograd.gradcheck(lambda a: F.pad(a, (2, -1, 1, 1), value=3.0), (x64,))
)
check("pad_gradgradcheck", torch.autograd.gradgradcheck(lambda a: F.pad(a, (1, 1)) ** 2, (x64,)))
raises("pad_odd", lambda: F.pad(p, (1, 2, 3)))

# 1-D: Conv1d (one ConvolutionBackward0), MaxPool1d / AvgPool1d / AdaptiveAvgPool1d
s1 = (
    (torch.sin(torch.arange(2 * 3 * 9, dtype=torch.float64) * 0.53) * 2)
    .float()
    .reshape(2, 3, 9)
    .requires_grad_()
)
s64 = (
    torch.sin(torch.arange(1 * 2 * 7, dtype=torch.float64) * 0.83).reshape(1, 2, 7).requires_grad_()
)
for name, cfg in {
    "c1": dict(in_channels=3, out_channels=4, kernel_size=3),
    "c1_stride_pad": dict(in_channels=3, out_channels=2, kernel_size=3, stride=2, padding=1),
    "c1_dil_nobias": dict(in_channels=3, out_channels=2, kernel_size=2, dilation=2, bias=False),
    "c1_same": dict(in_channels=3, out_channels=2, kernel_size=4, padding="same"),
}.items():
    with section(name):
        conv = set_weights(torch.nn.Conv1d(**cfg))
        check(name + "_repr", repr(conv))
        y = conv(s1)
        check(name + "_out", y)
        check(name + "_graph", graph(y))
        (y * y).sum().backward()
        check(name + "_xgrad", s1.grad)
        check(name + "_wgrad", conv.weight.grad)
        s1.grad = None
        c64 = set_weights(torch.nn.Conv1d(**{**cfg, "in_channels": 2}).double())
        check(
            name + "_gradcheck",
            torch.autograd.gradcheck(
                lambda a, w: F.conv1d(a, w, c64.bias, c64.stride, c64.padding, c64.dilation),
                (s64, c64.weight.detach().requires_grad_()),
            ),
        )
check("c1_unbatched", set_weights(torch.nn.Conv1d(3, 2, 3))(s1[0]))
for name, mod in (
    ("mp1", torch.nn.MaxPool1d(2)),
    ("mp1_s1", torch.nn.MaxPool1d(3, stride=1, padding=1)),
    ("ap1", torch.nn.AvgPool1d(3, stride=2)),
    ("aap1", torch.nn.AdaptiveAvgPool1d(1)),
    ("aap1_3", torch.nn.AdaptiveAvgPool1d(3)),
):
    with section(name):
        check(name + "_repr", repr(mod))
        y = mod(s1)
        check(name + "_out", y)
        check(name + "_graph", graph(y))
        (y * y).sum().backward()
        check(name + "_grad", s1.grad)
        s1.grad = None
        check(name + "_gradcheck", torch.autograd.gradcheck(mod, (s64,)))
