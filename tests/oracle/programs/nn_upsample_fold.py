# F.interpolate / nn.Upsample / nn.UpsamplingNearest2d / nn.UpsamplingBilinear2d (nearest,
# nearest-exact, linear, bilinear, trilinear, area; size and scale_factor; align_corners),
# F.pixel_shuffle / pixel_unshuffle and their modules; F.unfold / F.fold and nn.Unfold /
# nn.Fold (im2col, as convolution lessons use it)
def ramp(*shape, k=0.37):
    n = 1
    for s in shape:
        n *= s
    return (torch.sin(torch.arange(n, dtype=torch.float64) * k) * 2).float().reshape(shape)


x2 = ramp(1, 2, 3, 4).requires_grad_()
x1 = ramp(2, 2, 5).requires_grad_()
x3 = ramp(1, 1, 2, 3, 2).requires_grad_()
cases = [
    ("n2_s2", x2, dict(scale_factor=2)),
    ("n2_size", x2, dict(size=(5, 7))),
    ("n2_down", x2, dict(size=(2, 3))),
    ("n2_s_frac", x2, dict(scale_factor=1.7)),
    ("n2_s_tuple", x2, dict(scale_factor=(2, 0.5))),
    ("n2_recompute", x2, dict(scale_factor=1.7, recompute_scale_factor=True)),
    ("ne2_size", x2, dict(size=(5, 7), mode="nearest-exact")),
    ("ne2_s", x2, dict(scale_factor=0.6, mode="nearest-exact")),
    ("b2_s2", x2, dict(scale_factor=2, mode="bilinear")),
    ("b2_s2_ac", x2, dict(scale_factor=2, mode="bilinear", align_corners=True)),
    ("b2_size", x2, dict(size=(4, 9), mode="bilinear")),
    ("b2_size_ac", x2, dict(size=(4, 9), mode="bilinear", align_corners=True)),
    ("b2_down", x2, dict(size=(2, 3), mode="bilinear")),
    ("b2_s_frac", x2, dict(scale_factor=1.7, mode="bilinear")),
    ("b2_s_frac_re", x2, dict(scale_factor=1.7, mode="bilinear", recompute_scale_factor=True)),
    ("b2_same", x2, dict(size=(3, 4), mode="bilinear")),
    ("b2_one", x2, dict(size=(1, 1), mode="bilinear", align_corners=True)),
    ("n1_s3", x1, dict(scale_factor=3)),
    ("n1_size", x1, dict(size=8)),
    ("l1_size", x1, dict(size=8, mode="linear")),
    ("l1_size_ac", x1, dict(size=8, mode="linear", align_corners=True)),
    ("l1_s", x1, dict(scale_factor=0.5, mode="linear")),
    ("n3_s2", x3, dict(scale_factor=2)),
    ("t3_size", x3, dict(size=(3, 4, 3), mode="trilinear")),
    ("t3_size_ac", x3, dict(size=(3, 4, 3), mode="trilinear", align_corners=True)),
    ("area2", x2, dict(size=(2, 2), mode="area")),
    ("area1", x1, dict(size=3, mode="area")),
]
for name, x, kw in cases:
    with section(name):
        y = F.interpolate(x, **kw)
        check(name, y)
        check(name + "_graph", graph(y.grad_fn))
        w = torch.cos(torch.arange(y.numel(), dtype=torch.float32)).reshape(y.shape)
        (y * w).sum().backward()
        check(name + "_grad", x.grad)
        x.grad = None

# double backward: the gradient's own node, and its gradient
for mode in ("nearest", "bilinear"):
    with section("double_" + mode):
        y = F.interpolate(x2, scale_factor=2, mode=mode)
        gy = ramp(*y.shape, k=0.11).requires_grad_()
        (gx,) = torch.autograd.grad(y, x2, gy, create_graph=True)
        check("double_" + mode + "_gx", gx)
        check("double_" + mode + "_graph", graph(gx.grad_fn))
        (gx * gx).sum().backward()
        check("double_" + mode + "_ggy", gy.grad)

# modules
for name, m in [
    ("up_s2", nn.Upsample(scale_factor=2)),
    ("up_size_b", nn.Upsample(size=(5, 6), mode="bilinear")),
    ("up_tuple", nn.Upsample(scale_factor=(2, 3), mode="nearest")),
    ("up_b_ac", nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True)),
    ("upn2d", nn.UpsamplingNearest2d(scale_factor=2)),
    ("upn2d_size", nn.UpsamplingNearest2d(size=5)),
    ("upb2d", nn.UpsamplingBilinear2d(scale_factor=2)),
    ("upb2d_size", nn.UpsamplingBilinear2d(size=(4, 5))),
]:
    with section(name):
        check(name + "_repr", repr(m))
        check(name + "_attrs", [m.size, m.scale_factor, m.mode, m.align_corners])
        y = m(x2)
        check(name, y)
        check(name + "_fn", type(y.grad_fn).__name__)
check("upsample_type", str(type(nn.Upsample(scale_factor=2))))
check("deprecated_upsample", F.upsample(x2, scale_factor=2).grad_fn.name())
check("deprecated_nearest", F.upsample_nearest(x2, size=5))
check("deprecated_bilinear", F.upsample_bilinear(x2, scale_factor=2))
check("int_scale_bilinear_float64", F.interpolate(x2.double(), scale_factor=3, mode="bilinear"))

raises("zero_size", lambda: F.interpolate(x2, scale_factor=0.2))
raises("zero_size2", lambda: F.interpolate(x2, size=(0, 3)))
raises("zero_size1", lambda: F.interpolate(x1, size=0))
raises("size_dims", lambda: F.interpolate(x2, size=(2,), mode="bilinear"))
raises("size_and_scale", lambda: F.interpolate(x2, size=2, scale_factor=2))
raises("no_size", lambda: F.interpolate(x2))
raises("nearest_align", lambda: F.interpolate(x2, size=2, align_corners=True))
raises("float_size", lambda: F.interpolate(x2, size=(2.5, 3)))
raises("linear_4d", lambda: F.interpolate(x2, size=3, mode="linear"))
raises("bilinear_3d", lambda: F.interpolate(x1, size=3, mode="bilinear"))
raises("trilinear_4d", lambda: F.interpolate(x2, size=3, mode="trilinear"))
raises("bad_mode", lambda: F.interpolate(x2, size=3, mode="foo"))
raises("long_bilinear", lambda: F.interpolate(x2.long(), size=3, mode="bilinear"))
raises("long_nearest", lambda: F.interpolate(x2.long(), size=3))
raises("long_nearest1d", lambda: F.interpolate(x1.long(), size=3))
raises("scale_dims", lambda: F.interpolate(x2, scale_factor=(2, 3, 4)))
raises("negative_scale", lambda: F.interpolate(x2, scale_factor=-1.0))
raises("recompute_with_size", lambda: F.interpolate(x2, size=5, recompute_scale_factor=True))
raises("antialias_nearest", lambda: F.interpolate(x2, scale_factor=2, antialias=True))
raises("empty_channels", lambda: F.interpolate(torch.zeros(1, 0, 2, 2), scale_factor=2))
check("empty_batch", F.interpolate(torch.zeros(0, 1, 2, 2), scale_factor=2).shape)

# pixel shuffle
p = ramp(1, 8, 2, 3).requires_grad_()
y = F.pixel_shuffle(p, 2)
check("shuffle", y)
check("shuffle_graph", graph(y.grad_fn))
(y * torch.arange(48.0).reshape(y.shape)).sum().backward()
check("shuffle_grad", p.grad)
p.grad = None
z = F.pixel_unshuffle(y, 2)
check("unshuffle_roundtrip", z)
check("unshuffle_graph", graph(z.grad_fn))
u = F.pixel_unshuffle(ramp(2, 1, 4, 6).requires_grad_(), 2)
check("unshuffle", u)
(gp,) = torch.autograd.grad(y, p, torch.ones_like(y).requires_grad_(), create_graph=True)
check("shuffle_double_graph", graph(gp.grad_fn))
check("shuffle_5d", F.pixel_shuffle(torch.arange(64.0).reshape(2, 1, 8, 2, 2), 2).shape)
check("shuffle_int", F.pixel_shuffle(torch.arange(16).reshape(4, 2, 2), 2))
for name, m in [("ps", nn.PixelShuffle(3)), ("pu", nn.PixelUnshuffle(2))]:
    check(name + "_repr", repr(m))
    check(name + "_type", str(type(m)))
check("ps_module", nn.PixelShuffle(2)(p))
check("pu_module", nn.PixelUnshuffle(2)(ramp(1, 1, 4, 4)))
raises("shuffle_channels", lambda: F.pixel_shuffle(torch.zeros(1, 3, 2, 2), 2))
raises("shuffle_2d", lambda: F.pixel_shuffle(torch.zeros(2, 2), 2))
raises("shuffle_zero", lambda: F.pixel_shuffle(torch.zeros(1, 4, 2, 2), 0))
raises("shuffle_float", lambda: F.pixel_shuffle(torch.zeros(1, 4, 2, 2), 2.0))
raises("unshuffle_h", lambda: F.pixel_unshuffle(torch.zeros(1, 1, 3, 2), 2))
raises("unshuffle_w", lambda: F.pixel_unshuffle(torch.zeros(1, 1, 4, 3), 2))
raises("unshuffle_negative", lambda: F.pixel_unshuffle(torch.zeros(1, 1, 4, 4), -1))
raises("unshuffle_2d", lambda: F.pixel_unshuffle(torch.zeros(4, 4), 2))

# unfold / fold (im2col / col2im): convolution as a matrix product
img = ramp(2, 3, 4, 5).requires_grad_()
for name, kw in [
    ("unfold_k2", dict(kernel_size=2)),
    ("unfold_k23_s2_p1", dict(kernel_size=(2, 3), stride=2, padding=1)),
    ("unfold_dil", dict(kernel_size=2, dilation=(2, 1), stride=(1, 2))),
    ("unfold_full", dict(kernel_size=(4, 5))),
]:
    with section(name):
        cols = F.unfold(img, **kw)
        check(name, cols)
        check(name + "_graph", graph(cols.grad_fn))
        w = torch.cos(torch.arange(cols.numel(), dtype=torch.float32)).reshape(cols.shape)
        (cols * w).sum().backward()
        check(name + "_grad", img.grad)
        img.grad = None
        back = F.fold(cols, (4, 5), **kw)
        check(name + "_fold", back)
        check(name + "_fold_graph", graph(back.grad_fn))
        ones = F.fold(F.unfold(torch.ones(1, 1, 4, 5), **kw), (4, 5), **kw)
        check(name + "_overlap_counts", ones)
check("unfold_unbatched", F.unfold(ramp(3, 4, 4), 2))
check("fold_unbatched", F.fold(ramp(12, 6), (3, 4), 2))
check("fold_float64", F.fold(ramp(1, 4, 4).double(), 3, 2))

# convolution as unfold + matmul + view (the textbook identity)
conv = nn.Conv2d(3, 2, 2, bias=False)
with torch.no_grad():
    conv.weight.copy_(ramp(2, 3, 2, 2, k=0.5))
cols = F.unfold(img, 2)
out = (conv.weight.view(2, -1) @ cols).view(2, 2, 3, 4)
check("conv_as_matmul", out)
check("conv_as_matmul_close", torch.allclose(out, conv(img), atol=1e-6))
check("conv_as_matmul_graph", graph(out.grad_fn))

# double backward: each is the other's gradient
cols = F.unfold(img, 2, stride=1)
gy = ramp(*cols.shape, k=0.21).requires_grad_()
(gx,) = torch.autograd.grad(cols, img, gy, create_graph=True)
check("unfold_double_graph", graph(gx.grad_fn))
(gx * gx).sum().backward()
check("unfold_double_ggy", gy.grad)

# modules
for name, m in [
    ("Unfold", nn.Unfold(2)),
    ("Unfold_args", nn.Unfold((2, 3), dilation=2, padding=1, stride=(1, 2))),
    ("Fold", nn.Fold((4, 5), 2)),
    ("Fold_args", nn.Fold(4, (2, 2), stride=2)),
]:
    check(name + "_repr", repr(m))
    check(name + "_type", str(type(m)))
check("Unfold_call", nn.Unfold(3, padding=1)(img).shape)
check("Fold_call", nn.Fold(4, (2, 2), stride=2)(ramp(1, 8, 4)))

x4 = torch.arange(30.0).reshape(1, 1, 5, 6)
raises("unfold_2d", lambda: F.unfold(x4[0, 0], 2))
raises("unfold_1d", lambda: F.unfold(torch.zeros(3), 2))
raises("unfold_5d", lambda: F.unfold(torch.zeros(1, 2, 3, 4, 5), 2))
raises("unfold_too_big", lambda: F.unfold(x4, (6, 2)))
raises("unfold_kernel0", lambda: F.unfold(x4, 0, dilation=0, padding=-1, stride=0))
raises("unfold_dilation0", lambda: F.unfold(x4, 1, dilation=0, padding=-1, stride=0))
raises("unfold_padding", lambda: F.unfold(x4, 1, dilation=1, padding=-1, stride=0))
raises("unfold_stride0", lambda: F.unfold(x4, 2, stride=0))
raises("unfold_long", lambda: F.unfold(x4.long(), 2))
raises("unfold_kernel_len", lambda: F.unfold(x4, (2, 2, 2)))
raises("unfold_float_kernel", lambda: F.unfold(x4, 2.5))
raises("unfold_empty_channels", lambda: F.unfold(torch.zeros(1, 0, 3, 3), 2))
check("unfold_empty_batch", F.unfold(torch.zeros(0, 2, 3, 3), 2).shape)
u = torch.zeros(1, 4, 4)
raises("fold_blocks", lambda: F.fold(u, (4, 4), 2))
raises("fold_divisible", lambda: F.fold(torch.zeros(1, 7, 4), (3, 3), 2))
raises("fold_4d", lambda: F.fold(torch.zeros(1, 1, 8, 4), (3, 3), 2))
raises("fold_1d", lambda: F.fold(torch.zeros(4), 3, 2))
raises("fold_kernel0", lambda: F.fold(u, 3, 0, dilation=0, padding=-1, stride=0))
raises("fold_stride0", lambda: F.fold(u, 3, 2, dilation=0, padding=-1, stride=0))
raises("fold_dilation0", lambda: F.fold(u, 3, 2, dilation=0, padding=1, stride=1))
raises("fold_empty_blocks", lambda: F.fold(torch.zeros(1, 4, 0), 1, 2))
raises("fold_negative_blocks", lambda: F.fold(torch.zeros(1, 4, 1), (0, 3), 2))
raises("fold_output_len", lambda: F.fold(u, (3, 3, 3), 2))
raises("fold_long", lambda: F.fold(u.long(), 3, 2))
check("fold_empty_batch", F.fold(torch.zeros(0, 4, 4), 3, 2).shape)
