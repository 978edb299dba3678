# Issue 13's missing public names, part 4: 3-D pooling and batch norm (F.max_pool3d,
# F.avg_pool3d, F.adaptive_avg_pool3d, MaxPool3d, AvgPool3d, AdaptiveAvgPool3d,
# BatchNorm3d): values, indices, node names, gradients, bad arguments.
F = torch.nn.functional
nn = torch.nn
torch.manual_seed(0)
x = torch.randn(2, 3, 5, 6, 7, requires_grad=True)


def run(name, fn):
    x.grad = None
    r = fn()
    if isinstance(r, tuple):
        check(name + "_indices", r[1])
        r = r[0]
    check(name, r)
    check(name + "_graph", graph(r))
    (r * torch.arange(r.numel(), dtype=r.dtype).view(r.shape).cos()).sum().backward()
    check(name + "_grad", x.grad)


run("max_pool3d", lambda: F.max_pool3d(x, 2))
run("max_pool3d_stride_pad", lambda: F.max_pool3d(x, (2, 3, 2), stride=1, padding=1))
run("max_pool3d_ceil_indices", lambda: F.max_pool3d(x, 2, ceil_mode=True, return_indices=True))
run("max_pool3d_dilation", lambda: F.max_pool3d(x, 2, dilation=2))
run("avg_pool3d", lambda: F.avg_pool3d(x, 2))
run("avg_pool3d_pad", lambda: F.avg_pool3d(x, 3, stride=2, padding=1))
run(
    "avg_pool3d_pad_nocount",
    lambda: F.avg_pool3d(x, 3, stride=2, padding=1, count_include_pad=False),
)
run("avg_pool3d_ceil", lambda: F.avg_pool3d(x, 2, ceil_mode=True))
run("avg_pool3d_divisor", lambda: F.avg_pool3d(x, 2, divisor_override=3))
run("adaptive_avg_pool3d", lambda: F.adaptive_avg_pool3d(x, (2, 3, 4)))
run("adaptive_avg_pool3d_1", lambda: nn.AdaptiveAvgPool3d(1)(x))
run("maxpool3d_module_unbatched", lambda: nn.MaxPool3d(2, 2, return_indices=True)(x[0]))
run("avgpool3d_module", lambda: nn.AvgPool3d(2)(x))
bn = nn.BatchNorm3d(3)
run("batchnorm3d", lambda: bn(x))
check("batchnorm3d_stats", [bn.running_mean, bn.running_var])
bn.eval()
run("batchnorm3d_eval", lambda: bn(x))
check(
    "reprs",
    [repr(bn), repr(nn.MaxPool3d(2)), repr(nn.AvgPool3d(2)), repr(nn.AdaptiveAvgPool3d((1, 2, 3)))],
)
raises("batchnorm3d_4d", lambda: bn(torch.randn(2, 3, 4, 4)))
raises("max_pool3d_3d_input", lambda: F.max_pool3d(torch.randn(2, 3, 4), 2))
xi = torch.randn(1, 2, 4, 4, 4, requires_grad=True)
o, i = F.max_pool3d_with_indices(xi, 2)
check("max_pool3d_with_indices", [o, i, graph(o)])
check("native_channel_shuffle", F.native_channel_shuffle(xi.detach().view(1, 2, 4, 16), 2))
