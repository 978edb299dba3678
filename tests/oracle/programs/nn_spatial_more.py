# nn.AdaptiveMaxPool1d / 2d and F.adaptive_max_pool1d / 2d (return_indices), as CNN
# lessons use them (global max pooling, fixed-size heads); nn.EmbeddingBag; nn.Conv3d;
# F.affine_grid / F.grid_sample
def ramp(*shape, k=0.37):
    n = 1
    for s in shape:
        n *= s
    return (torch.sin(torch.arange(n, dtype=torch.float64) * k) * 2).float().reshape(shape)


x = ramp(2, 3, 5, 7).requires_grad_()
for name, size in [
    ("amp_23", (2, 3)),
    ("amp_1", 1),
    ("amp_3", 3),
    ("amp_same", (5, 7)),
    ("amp_up", (6, 8)),
    ("amp_none", (None, 2)),
    ("amp_4_1", (4, 1)),
]:
    with section(name):
        y, idx = F.adaptive_max_pool2d(x, size, return_indices=True)
        check(name, y)
        check(name + "_indices", idx)
        check(name + "_graph", graph(y.grad_fn))
        w = torch.cos(torch.arange(y.numel(), dtype=torch.float32)).reshape(y.shape)
        (y * w).sum().backward()
        check(name + "_grad", x.grad)
        x.grad = None
check("amp_unbatched", F.adaptive_max_pool2d(x[0], (2, 2)))
check("amp_float64", F.adaptive_max_pool2d(x.double(), 2, True))
ties = torch.tensor([[[[1.0, 1.0, 0.0], [1.0, 1.0, 2.0], [2.0, 0.0, 2.0]]]], requires_grad=True)
y, idx = F.adaptive_max_pool2d(ties, 2, return_indices=True)
check("amp_ties", [y, idx])
y.sum().backward()
check("amp_ties_grad", ties.grad)
nan = torch.tensor([[[[1.0, float("nan"), 0.0], [float("nan"), 1.0, 2.0]]]])
check("amp_nan", list(F.adaptive_max_pool2d(nan, (1, 2), return_indices=True)))

x1 = ramp(2, 3, 7).requires_grad_()
for name, size in [("amp1_3", 3), ("amp1_1", 1), ("amp1_list", [4]), ("amp1_up", 9)]:
    with section(name):
        y, idx = F.adaptive_max_pool1d(x1, size, return_indices=True)
        check(name, y)
        check(name + "_indices", idx)
        check(name + "_graph", graph(y.grad_fn))
        (y * torch.arange(float(y.numel())).reshape(y.shape)).sum().backward()
        check(name + "_grad", x1.grad)
        x1.grad = None
check("amp1_unbatched", F.adaptive_max_pool1d(x1[0], 2))

# double backward
y = F.adaptive_max_pool2d(x, (2, 3))
gy = ramp(*y.shape, k=0.3).requires_grad_()
(gx,) = torch.autograd.grad(y, x, gy, create_graph=True)
check("amp_double_graph", graph(gx.grad_fn))
(gx * gx).sum().backward()
check("amp_double_ggy", gy.grad)

for name, m in [
    ("AdaptiveMaxPool2d", nn.AdaptiveMaxPool2d((2, 3))),
    ("AdaptiveMaxPool2d_idx", nn.AdaptiveMaxPool2d(2, return_indices=True)),
    ("AdaptiveMaxPool2d_none", nn.AdaptiveMaxPool2d((None, 3))),
    ("AdaptiveMaxPool1d", nn.AdaptiveMaxPool1d(4)),
]:
    check(name + "_repr", repr(m))
    check(name + "_type", str(type(m)))
check("module_2d", nn.AdaptiveMaxPool2d((2, 3))(x))
check("module_2d_idx", list(nn.AdaptiveMaxPool2d(2, return_indices=True)(x)))
check("module_1d", nn.AdaptiveMaxPool1d(2)(x1))
check(
    "global_max_head",
    nn.Sequential(nn.AdaptiveMaxPool2d(1), nn.Flatten())(x),
)

raises("amp_1d_input", lambda: F.adaptive_max_pool2d(x[0, 0, 0], 2))
raises("amp_5d_input", lambda: F.adaptive_max_pool2d(torch.zeros(1, 1, 1, 2, 2), 2))
raises("amp_size_len", lambda: F.adaptive_max_pool2d(x, (2, 3, 4)))
raises("amp_negative", lambda: F.adaptive_max_pool2d(x, -1))
raises("amp_long", lambda: F.adaptive_max_pool2d(x.long(), 2))
raises("amp_empty", lambda: F.adaptive_max_pool2d(torch.zeros(1, 0, 3, 3), 2))
raises("amp_float_size", lambda: F.adaptive_max_pool2d(x, 2.5))
check("amp_zero_size", F.adaptive_max_pool2d(x, 0).shape)
raises("amp1_4d", lambda: F.adaptive_max_pool1d(x, 2))
raises("amp1_1d", lambda: F.adaptive_max_pool1d(x1[0, 0], 2))
raises("amp1_size_len", lambda: F.adaptive_max_pool1d(x1, (2, 3)))
raises("amp1_empty", lambda: F.adaptive_max_pool1d(torch.zeros(2, 0, 3), 2))
# nn.EmbeddingBag / F.embedding_bag (bag-of-words text classifiers); scale_grad_by_freq's
# gradient is not compared: PyTorch 2.13's CPU kernel scales rows by counts taken at the
# wrong positions (autograd_viz divides by each index's frequency, as documented)
w = (torch.arange(12.0).reshape(6, 2) / 4 - torch.tensor([1.0, 0.5])).requires_grad_()
inp = torch.tensor([1, 2, 4, 5, 4, 3, 2, 0])
off = torch.tensor([0, 3, 3, 5])
for name, kw in [
    ("bag_sum", dict(mode="sum")),
    ("bag_mean", dict(mode="mean")),
    ("bag_max", dict(mode="max")),
    ("bag_last_offset", dict(mode="mean", include_last_offset=True)),
    ("bag_padding", dict(mode="mean", padding_idx=2)),
    ("bag_padding_sum", dict(mode="sum", padding_idx=4)),
]:
    with section(name):
        offsets = torch.tensor([0, 3, 5, 8]) if kw.get("include_last_offset") else off
        y = F.embedding_bag(inp, w, offsets, **kw)
        check(name, y)
        check(name + "_graph", graph(y.grad_fn))
        (y * torch.arange(1.0, y.numel() + 1).reshape(y.shape)).sum().backward()
        check(name + "_grad", w.grad)
        w.grad = None
with section("bag_2d"):
    y = F.embedding_bag(inp.reshape(2, 4), w, mode="mean")
    check("bag_2d", y)
    y.sum().backward()
    check("bag_2d_grad", w.grad)
    w.grad = None
with section("bag_psw"):
    psw = (torch.arange(8.0) / 3).requires_grad_()
    y = F.embedding_bag(inp, w, off, mode="sum", per_sample_weights=psw)
    check("bag_psw", y)
    check("bag_psw_graph", graph(y.grad_fn))
    (y * torch.arange(8.0).reshape(4, 2)).sum().backward()
    check("bag_psw_grads", [w.grad, psw.grad])
    w.grad = None
with section("bag_psw_padding"):
    psw = (torch.arange(8.0) / 3).requires_grad_()
    y = F.embedding_bag(inp, w, off, mode="sum", per_sample_weights=psw, padding_idx=4)
    y.sum().backward()
    check("bag_psw_padding_grads", [y, w.grad, psw.grad])
    w.grad = None
ties = torch.tensor([[1.0, 2.0], [1.0, 0.0], [0.0, 2.0]], requires_grad=True)
y = F.embedding_bag(torch.tensor([0, 1, 2]), ties, torch.tensor([0]), mode="max")
y.sum().backward()
check("bag_max_ties", [y, ties.grad])
check("bag_int32", F.embedding_bag(inp.int(), w, off.int(), mode="sum"))

for name, m in [
    ("EmbeddingBag", nn.EmbeddingBag(10, 3)),
    ("EmbeddingBag_sum_pad", nn.EmbeddingBag(10, 3, mode="sum", padding_idx=0)),
    (
        "EmbeddingBag_opts",
        nn.EmbeddingBag(10, 3, max_norm=1.0, norm_type=1.0, include_last_offset=True),
    ),
    ("EmbeddingBag_freq", nn.EmbeddingBag(10, 3, scale_grad_by_freq=True, mode="max")),
]:
    check(name + "_repr", repr(m))
    check(name + "_params", [(n, list(p.shape)) for n, p in m.named_parameters()])
check("EmbeddingBag_type", str(type(nn.EmbeddingBag(3, 2))))
check("EmbeddingBag_padding_row", nn.EmbeddingBag(4, 3, padding_idx=-1).weight[3])
pre = nn.EmbeddingBag.from_pretrained(w.detach(), mode="sum")
check("from_pretrained", [repr(pre), pre.weight.requires_grad, pre(inp, off)])
m = nn.EmbeddingBag(6, 2, max_norm=1.0)
with torch.no_grad():
    m.weight.copy_(w)
check("bag_max_norm", [m(inp, off), m.weight])

raises("bag_no_offsets", lambda: F.embedding_bag(inp, w))
raises("bag_mode", lambda: F.embedding_bag(inp, w, off, mode="foo"))
raises("bag_2d_offsets", lambda: F.embedding_bag(inp.reshape(2, 4), w, off))
raises("bag_offsets_2d", lambda: F.embedding_bag(inp, w, torch.tensor([[0, 3]])))
raises(
    "bag_psw_max",
    lambda: F.embedding_bag(inp, w, off, mode="max", per_sample_weights=torch.ones(8)),
)
raises("bag_psw_mean", lambda: F.embedding_bag(inp, w, off, per_sample_weights=torch.ones(8)))
raises(
    "bag_psw_shape",
    lambda: F.embedding_bag(inp, w, off, mode="sum", per_sample_weights=torch.ones(7)),
)
raises("bag_float_input", lambda: F.embedding_bag(inp.float(), w, off))
raises("bag_first_offset", lambda: F.embedding_bag(inp, w, torch.tensor([1, 3])))
raises("bag_last_offset_big", lambda: F.embedding_bag(inp, w, torch.tensor([0, 9])))
raises("bag_3d", lambda: F.embedding_bag(torch.zeros(1, 2, 3).long(), w))
raises("bag_weight_1d", lambda: F.embedding_bag(inp, torch.ones(6), off))
raises("bag_max_freq", lambda: F.embedding_bag(inp, w, off, mode="max", scale_grad_by_freq=True))
raises("bag_module_padding", lambda: nn.EmbeddingBag(3, 2, padding_idx=3))


# nn.Conv3d / F.conv3d (video and volume models), in float64: float32 sums of many
# products differ from PyTorch's oneDNN order in the last bits
def set_weights(m, k=0.43):
    with torch.no_grad():
        for j, p in enumerate(m.parameters()):
            p.copy_(ramp(*p.shape, k=k + 0.07 * j) * 0.3)
    return m


vol = ramp(2, 2, 3, 4, 5, k=0.29).double().requires_grad_()
for name, kw in [
    ("c3", dict(kernel_size=2)),
    ("c3_pad", dict(kernel_size=(2, 3, 3), padding=1)),
    ("c3_stride", dict(kernel_size=3, stride=(1, 2, 2), padding=(1, 0, 1))),
    ("c3_dil_groups", dict(kernel_size=2, dilation=(1, 2, 1), groups=2)),
    ("c3_same", dict(kernel_size=3, padding="same", bias=False)),
    ("c3_same_even", dict(kernel_size=(2, 2, 3), padding="same")),
    ("c3_valid", dict(kernel_size=2, padding="valid")),
    ("c3_reflect", dict(kernel_size=3, padding=1, padding_mode="reflect")),
    ("c3_circular", dict(kernel_size=3, padding=(0, 1, 1), padding_mode="circular")),
]:
    with section(name):
        m = set_weights(nn.Conv3d(2, 4, **kw, dtype=torch.float64))
        check(name + "_repr", repr(m))
        check(name + "_params", [(n, list(p.shape)) for n, p in m.named_parameters()])
        y = m(vol)
        check(name, y)
        check(name + "_graph", graph(y.grad_fn))
        (y * y).sum().backward()
        check(name + "_xgrad", vol.grad)
        check(name + "_wgrad", m.weight.grad)
        if m.bias is not None:
            check(name + "_bgrad", m.bias.grad)
        vol.grad = None
check("conv3d_type", str(type(nn.Conv3d(1, 1, 1))))
k3 = ramp(3, 2, 2, 2, 2).double().requires_grad_()
y = F.conv3d(vol[0], k3, torch.tensor([0.1, 0.2, 0.3]).double(), stride=2, padding=1)
check("conv3d_unbatched", y)
check("conv3d_unbatched_graph", graph(y.grad_fn))
check("conv3d_float32", F.conv3d(vol.float(), k3.float(), padding=(0, 1, 0)))
torch.manual_seed(0)
check("conv3d_init_bounds", nn.Conv3d(2, 3, 2).weight.abs().max() <= 1 / 16**0.5)
raises("conv3d_channels", lambda: F.conv3d(torch.ones(1, 1, 3, 3, 3), torch.ones(1, 2, 2, 2, 2)))
raises("conv3d_dtype32", lambda: F.conv3d(vol.float(), k3))
raises(
    "conv3d_unbatched_channels", lambda: F.conv3d(torch.ones(1, 2, 3, 3), torch.ones(1, 2, 2, 2, 2))
)
raises("conv3d_3d_input", lambda: F.conv3d(torch.ones(2, 3, 3), torch.ones(1, 2, 2, 2, 2)))
raises("conv3d_too_small", lambda: F.conv3d(torch.ones(1, 2, 1, 3, 3), torch.ones(1, 2, 2, 2, 2)))
raises("conv3d_stride0", lambda: F.conv3d(vol, k3, stride=0))
raises("conv3d_negative_pad", lambda: F.conv3d(vol, k3, padding=-1))
raises("conv3d_dilation0", lambda: F.conv3d(vol, k3, dilation=0))
raises("conv3d_same_strided", lambda: F.conv3d(vol, k3, padding="same", stride=2))
raises("conv3d_bad_padding", lambda: F.conv3d(vol, k3, padding="foo"))
raises("conv3d_bias", lambda: F.conv3d(vol, k3, bias=torch.ones(2)))
raises("conv3d_weight_4d", lambda: F.conv3d(vol, torch.ones(1, 2, 2, 2)))
raises("conv3d_dtype", lambda: F.conv3d(vol, k3.float()))
raises("conv3d_stride_len", lambda: F.conv3d(vol, k3, stride=(1, 2)))
raises("conv3d_groups", lambda: nn.Conv3d(2, 3, 2, groups=2))
y = F.conv3d(vol, k3, padding=1)
gy = ramp(*y.shape, k=0.13).double().requires_grad_()
gx, gk = torch.autograd.grad(y, (vol, k3), gy, create_graph=True)
check("conv3d_double_nodes", [gx.grad_fn.name(), gk.grad_fn.name()])
((gx * gx).sum() + (gk * gk).sum()).backward()
check("conv3d_double_grads", [gy.grad, vol.grad, k3.grad])
vol.grad = k3.grad = None
# F.affine_grid / F.grid_sample (spatial transformer networks)
theta = torch.tensor([[[0.9, 0.2, 0.1], [-0.1, 1.1, 0.05]], [[1.2, -0.3, -0.2], [0.4, 0.8, 0.3]]])
theta.requires_grad_()
img = ramp(2, 3, 4, 5, k=0.41).requires_grad_()
for ac in (False, True):
    with section(f"affine_grid_{ac}"):
        grid = F.affine_grid(theta, (2, 3, 3, 4), align_corners=ac)
        check(f"affine_grid_{ac}", grid)
        check(f"affine_grid_{ac}_graph", graph(grid.grad_fn))
        (grid * torch.arange(48.0).reshape(grid.shape)).sum().backward()
        check(f"affine_grid_{ac}_grad", theta.grad)
        theta.grad = None
for mode in ("bilinear", "nearest"):
    for pm in ("zeros", "border", "reflection"):
        for ac in (False, True):
            name = f"gs_{mode}_{pm}_{ac}"
            with section(name):
                grid = F.affine_grid(theta, (2, 3, 3, 4), align_corners=ac) * 1.4
                y = F.grid_sample(img, grid, mode=mode, padding_mode=pm, align_corners=ac)
                check(name, y)
                check(name + "_graph", graph(y.grad_fn))
                w = torch.cos(torch.arange(y.numel(), dtype=torch.float32)).reshape(y.shape)
                (y * w).sum().backward()
                check(name + "_grads", [img.grad, theta.grad])
                img.grad = theta.grad = None
check("affine_grid_float64", F.affine_grid(theta.double(), (2, 1, 2, 3), align_corners=False))
identity = torch.tensor([[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]]).expand(2, 2, 3)
grid = F.affine_grid(identity, (2, 3, 4, 5), align_corners=False)
check("gs_identity", torch.allclose(F.grid_sample(img, grid, align_corners=False), img))
raises("gs_mode", lambda: F.grid_sample(img, grid, mode="foo", align_corners=False))
raises("gs_padding_mode", lambda: F.grid_sample(img, grid, padding_mode="foo", align_corners=False))
raises("gs_grid_last", lambda: F.grid_sample(img, grid[..., :1], align_corners=False))
raises("gs_3d_input", lambda: F.grid_sample(img[0], grid, align_corners=False))
raises("gs_dtype", lambda: F.grid_sample(img, grid.double(), align_corners=False))
raises("ag_3d_size", lambda: F.affine_grid(theta, (1, 1, 3), align_corners=False))
raises("ag_theta_2d", lambda: F.affine_grid(theta[0], (1, 1, 3, 4), align_corners=False))
raises("ag_batch", lambda: F.affine_grid(theta, (3, 1, 3, 4), align_corners=False))
raises("ag_long", lambda: F.affine_grid(theta.long(), (2, 1, 3, 4), align_corners=False))
raises("ag_zero_size", lambda: F.affine_grid(theta, (2, 1, 0, 4), align_corners=False))
# PyTorch's initialisation stream
torch.manual_seed(0)
check("init_embedding_bag", nn.EmbeddingBag(4, 3).weight)
torch.manual_seed(1)
check("init_embedding_bag_padding", nn.EmbeddingBag(4, 3, padding_idx=1).weight)
torch.manual_seed(2)
m = nn.Conv3d(2, 3, 2)
check("init_conv3d", [m.weight, m.bias])
torch.manual_seed(3)
check(
    "init_packed_rnn",
    nn.RNN(2, 3)(torch.nn.utils.rnn.pack_sequence([torch.ones(2, 2), torch.ones(1, 2)]))[1],
)
