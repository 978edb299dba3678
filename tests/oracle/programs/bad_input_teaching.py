# Bad input met while adapting public teaching programs (issue 13): each case records
# PyTorch's exception type and message, or PyTorch's result.
F = torch.nn.functional
a = torch.arange(3.0)
b = torch.arange(2.0)

# --- meshgrid (UvA tutorial 2's decision picture)
raises("meshgrid_bad_indexing", lambda: torch.meshgrid(a, b, indexing="zz"))
raises(
    "meshgrid_2d",
    lambda: torch.meshgrid(a.view(3, 1), b, indexing="ij"),
    key="Expected 0D or 1D tensor in the tensor list but got:",
)
raises("meshgrid_none", lambda: torch.meshgrid(indexing="ij"))
raises("meshgrid_empty_list", lambda: torch.meshgrid([], indexing="ij"))
raises("meshgrid_dtypes", lambda: torch.meshgrid(a, b.double(), indexing="ij"))
raises("meshgrid_list_elem", lambda: torch.meshgrid(a, [1, 2], indexing="ij"))
raises("meshgrid_0d", lambda: torch.meshgrid(torch.tensor(1.0), b, indexing="ij"))
raises("meshgrid_list_arg", lambda: [g.shape for g in torch.meshgrid([a, b], indexing="xy")])
raises("meshgrid_three_xy", lambda: [g.shape for g in torch.meshgrid(a, b, a, indexing="xy")])
raises("meshgrid_three_xy_vals", lambda: torch.meshgrid(a, b, a[:2], indexing="xy")[1])
raises("meshgrid_one", lambda: torch.meshgrid(a, indexing="xy"))
raises("meshgrid_int", lambda: torch.meshgrid(torch.arange(2), torch.arange(3), indexing="ij"))
ag = torch.arange(3.0, requires_grad=True)
bg = torch.arange(2.0, requires_grad=True)
gx, gy = torch.meshgrid(ag, bg, indexing="xy")
check("meshgrid_xy_graph", graph(gx))
(gx * gy * torch.arange(6.0).view(2, 3)).sum().backward()
check("meshgrid_xy_grads", [ag.grad, bg.grad])

# --- strides and .grad's layout (UvA tutorial 3: params.grad.data.view(-1))
raises("stride_all", lambda: torch.ones(2, 3, 4).stride())
raises("stride_dim", lambda: torch.ones(2, 3, 4).stride(-1))
raises("stride_size1", lambda: torch.ones(2, 1, 4).stride())
raises("stride_t", lambda: torch.ones(2, 3).t().stride())
raises("stride_expand", lambda: torch.ones(3).expand(2, 3).stride())
raises("stride_oob", lambda: torch.ones(2, 3).stride(2))
w = torch.ones(4, 3, requires_grad=True)
(torch.ones(5, 3) @ w.t()).sum().backward()
raises("grad_after_t_stride", lambda: w.grad.stride())
raises("grad_after_t_view", lambda: w.grad.view(-1))
w2 = torch.ones(3, 4).t().requires_grad_()
(torch.ones(5, 3) @ w2.t()).sum().backward()
raises("grad_of_t_leaf_stride", lambda: (w2.stride(), w2.grad.stride(), w2.grad.is_contiguous()))

# --- torch.optim.Adadelta (Dive into Deep Learning 12.9, concise)
pa = torch.nn.Parameter(torch.tensor([1.0, -2.0, 0.5]))
raises("adadelta_rho", lambda: torch.optim.Adadelta([pa], rho=1.5))
raises("adadelta_lr", lambda: torch.optim.Adadelta([pa], lr=-1))
raises("adadelta_eps", lambda: torch.optim.Adadelta([pa], eps=-1e-6))
raises("adadelta_wd", lambda: torch.optim.Adadelta([pa], weight_decay=-0.1))
raises("adadelta_lr_tensor", lambda: torch.optim.Adadelta([pa], lr=torch.tensor([0.1, 0.2])))
raises("adadelta_params_tensor", lambda: torch.optim.Adadelta(pa))
for kw in ({}, {"weight_decay": 0.1}, {"maximize": True, "lr": 0.5}, {"rho": 0.5, "eps": 1e-3}):
    p = torch.nn.Parameter(torch.tensor([[1.0, -2.0], [0.5, 3.0]]))
    opt = torch.optim.Adadelta([p], **kw)
    for k in range(3):
        opt.zero_grad()
        ((p * p * torch.tensor([[1.0, 2.0], [3.0, 4.0]])).sum() + p[0, 0] * k).backward()
        opt.step()
    check(f"adadelta_{sorted(kw.items())}", [p, opt.state_dict()["state"][0]])
    print(opt)

# --- transposed convolutions (Dive into Deep Learning 14.10)
xt = torch.ones(1, 3, 4, 4)
wt = torch.ones(3, 2, 3, 3)
raises("tconv_channels", lambda: F.conv_transpose2d(torch.ones(1, 2, 4, 4), wt))
raises("tconv_output_padding", lambda: F.conv_transpose2d(xt, wt, output_padding=2, stride=2))
raises("tconv_op_ok_stride", lambda: F.conv_transpose2d(xt, wt, output_padding=1, stride=2).shape)
raises(
    "tconv_op_ok_dilation", lambda: F.conv_transpose2d(xt, wt, output_padding=1, dilation=2).shape
)
raises("tconv_too_small", lambda: F.conv_transpose2d(xt, wt, padding=3))
raises("tconv_groups_weight", lambda: F.conv_transpose2d(xt, wt, groups=2))
raises(
    "tconv_groups_ok",
    lambda: F.conv_transpose2d(torch.ones(1, 4, 4, 4), torch.ones(4, 2, 3, 3), groups=2).shape,
)
raises("tconv_unbatched", lambda: F.conv_transpose2d(torch.ones(3, 4, 4), wt).shape)
raises("tconv_2d_input", lambda: F.conv_transpose2d(torch.ones(4, 4), wt))
raises("tconv_padding_mode", lambda: nn.ConvTranspose2d(3, 2, 3, padding_mode="reflect"))
raises("tconv_in_groups", lambda: nn.ConvTranspose2d(3, 2, 3, groups=2))
raises(
    "tconv_output_size", lambda: nn.ConvTranspose2d(3, 2, 3, stride=2)(xt, output_size=[9, 9]).shape
)
raises(
    "tconv_output_size_bad", lambda: nn.ConvTranspose2d(3, 2, 3, stride=2)(xt, output_size=[12, 12])
)
raises(
    "tconv_output_size_4",
    lambda: nn.ConvTranspose2d(3, 2, 3, stride=2)(xt, output_size=[1, 2, 10, 10]).shape,
)
raises(
    "tconv_repr", lambda: repr(nn.ConvTranspose2d(3, 2, 3, stride=2, output_padding=1, dilation=2))
)
raises(
    "tconv1d_repr",
    lambda: repr(nn.ConvTranspose1d(3, 2, 3, stride=2, output_padding=1, groups=1, bias=False)),
)
raises(
    "tconv1d_shape",
    lambda: F.conv_transpose1d(torch.ones(1, 3, 5), torch.ones(3, 2, 3), stride=2).shape,
)
xtg = torch.arange(18.0).view(1, 2, 3, 3).requires_grad_()
wtg = (torch.arange(16.0).view(2, 2, 2, 2) / 10).requires_grad_()
ot = F.conv_transpose2d(xtg, wtg, torch.tensor([0.5, -0.5]), stride=2, padding=1, output_padding=1)
(ot * torch.arange(float(ot.numel())).view(ot.shape)).sum().backward()
check("tconv_small_values", [ot, xtg.grad, wtg.grad])

# --- lazy modules (Dive into Deep Learning, English edition)
lz = nn.LazyLinear(3)
raises(
    "lazy_repr",
    lambda: (
        repr(lz),
        repr(lz.weight),
        repr(nn.LazyConv2d(4, 3, padding=1)),
        repr(nn.LazyBatchNorm1d()),
    ),
)
raises("lazy_shape", lambda: lz.weight.shape)
raises(
    "lazy_numel", lambda: lz.weight.numel(), key="Attempted to use an uninitialized parameter in"
)
raises("lazy_state_dict", lambda: repr(lz.state_dict()))
raises(
    "lazy_size",
    lambda: (lz.weight.size(), lz.weight.requires_grad, lz.weight.dtype, lz.weight.grad),
)
raises("lazy_has_uninit", lambda: lz.has_uninitialized_params())
raises("lazy_conv_2d_input", lambda: nn.LazyConv2d(4, 3)(torch.ones(5, 5)))
raises("lazy_conv_groups", lambda: nn.LazyConv2d(4, 3, groups=2)(torch.ones(1, 3, 5, 5)))
raises("lazy_bn2d_2d_input", lambda: nn.LazyBatchNorm2d()(torch.ones(2, 3)))
raises("lazy_linear_0d", lambda: nn.LazyLinear(3)(torch.ones(())))
raises(
    "lazy_isinstance",
    lambda: (isinstance(nn.LazyLinear(2), nn.Linear), issubclass(nn.LazyConv2d, nn.Conv2d)),
)
lz(torch.ones(2, 5))
raises(
    "lazy_after",
    lambda: (type(lz).__name__, repr(lz), tuple(lz.weight.shape), type(lz.weight).__name__),
)
raises("lazy_conv1d_unbatched", lambda: nn.LazyConv1d(2, 3)(torch.ones(4, 6)).shape)

# --- repeat_interleave (Dive into Deep Learning 11.3 / 11.5) and index_select's layout
xr = torch.arange(6.0).view(2, 3).requires_grad_()
raises("ri_negative", lambda: torch.repeat_interleave(xr, -1))
raises("ri_size", lambda: torch.repeat_interleave(xr, torch.tensor([1, 2, 3]), 0))
raises("ri_negative_tensor", lambda: torch.repeat_interleave(xr, torch.tensor([-1, 2]), 0))
raises("ri_dim", lambda: torch.repeat_interleave(xr, 2, 3))
raises("ri_float_repeats", lambda: torch.repeat_interleave(xr, torch.tensor([1.0, 2.0]), 0))
raises("ri_2d_repeats", lambda: torch.repeat_interleave(xr, torch.tensor([[1, 2]]), 0))
raises("ri_float_alone", lambda: torch.repeat_interleave(torch.tensor([1.0, 2.0])))
raises("ri_float_int", lambda: torch.repeat_interleave(xr, 2.0))
raises("ri_0d", lambda: torch.repeat_interleave(torch.tensor(3.0), 2))
raises("ri_0d_dim", lambda: torch.repeat_interleave(torch.tensor(3.0), 2, 0))
raises("ri_zero", lambda: torch.repeat_interleave(xr, 0, 1).shape)
raises("ri_alone", lambda: torch.repeat_interleave(torch.tensor([1, 2, 0, 3])))
raises("ri_method", lambda: torch.tensor([3, 2]).repeat_interleave(5))
for k, args in enumerate(
    [
        (2,),
        (2, 0),
        (2, -1),
        (torch.tensor([1, 2]), 0),
        (torch.tensor([1, 2, 0]), 1),
        (torch.tensor(2),),
    ]
):
    yr = torch.repeat_interleave(xr, *args)
    (yr * torch.arange(float(yr.numel())).view(yr.shape)).sum().backward()
    check(f"ri_case{k}", [yr, graph(yr), yr.is_contiguous(), xr.grad])
    xr.grad = None
raises(
    "index_select_dim1_layout",
    lambda: (torch.arange(6.0).view(2, 3).index_select(1, torch.tensor([2, 0])).is_contiguous(),),
)
