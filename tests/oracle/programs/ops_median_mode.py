# median / nanmedian (of everything, and values + indices along a dim), kthvalue, mode, nansum,
# nanmean: values, the index PyTorch returns for ties, NaN handling, grad_fn graphs, gradients
# (shared among ties for the full median), printed results, and PyTorch's errors
nan = float("nan")
x = torch.tensor(
    [[3.0, 1.0, 2.0, 1.0], [0.0, 5.0, 5.0, -1.0], [2.0, 2.0, 7.0, 2.0]], requires_grad=True
)
w = torch.arange(1.0, 13.0).reshape(3, 4)
y = torch.tensor(
    [[nan, 1.0, 2.0, 1.0], [4.0, nan, nan, 0.5], [nan, nan, nan, nan]], requires_grad=True
)
ties = torch.tensor(
    [
        2.0,
        1.0,
        2.0,
        1.0,
        2.0,
        1.0,
        3.0,
        3.0,
        1.0,
        2.0,
        2.0,
        1.0,
        0.0,
        2.0,
        1.0,
        1.0,
        2.0,
        1.0,
        2.0,
        2.0,
    ]
)

CALLS = [
    ("median", lambda t: t.median()),
    ("median_fn", lambda t: torch.median(t)),
    ("median_dim", lambda t: t.median(1)),
    ("median_dim0_keepdim", lambda t: torch.median(t, dim=0, keepdim=True)),
    ("median_axis", lambda t: t.median(axis=-1)),
    ("nanmedian", lambda t: t.nanmedian()),
    ("nanmedian_dim", lambda t: torch.nanmedian(t, 1)),
    ("kthvalue", lambda t: t.kthvalue(2)),
    ("kthvalue_dim0", lambda t: torch.kthvalue(t, 3, 0, True)),
    ("kthvalue_kw", lambda t: torch.kthvalue(t, k=1, dim=1)),
    ("mode", lambda t: t.mode()),
    ("mode_dim0", lambda t: torch.mode(t, 0)),
    ("nansum", lambda t: t.nansum()),
    ("nansum_dim", lambda t: torch.nansum(t, 1)),
    ("nansum_dims_keepdim", lambda t: t.nansum((0, 1), keepdim=True)),
    ("nansum_float64", lambda t: t.nansum(dtype=torch.float64)),
    ("nanmean", lambda t: t.nanmean()),
    ("nanmean_dim", lambda t: torch.nanmean(t, dim=1, keepdim=True)),
]
for src_name, src in (("x", x), ("y", y)):
    for name, f in CALLS:
        with section(src_name + " " + name):
            out = f(src)
            check(f"{src_name} {name}", out)
            v = out[0] if isinstance(out, tuple) else out
            check(f"{src_name} {name} graph", graph(v))
            (g,) = torch.autograd.grad((v * v.detach().nan_to_num(3.0)).nansum(), src)
            check(f"{src_name} {name} grad", g)

print(x.median(1))
print(torch.kthvalue(x, 2, 0))
print(torch.mode(x))
print(x.nanmedian())
check("ties_median_dim", ties.median(0))
check("ties_kthvalue", [tuple(ties.kthvalue(k)) for k in (1, 5, 9, 10, 12, 19, 20)])
check("ties_mode", ties.mode())
check("ties_mode_long_rows", torch.cat([ties, ties.flip(0)]).reshape(2, 20).repeat(1, 3).mode(1))
check("ties_nan", torch.tensor([[nan, 1.0, 1.0, nan, 2.0], [nan, nan, 3.0, 3.0, 3.0]]).mode(1))
check("kthvalue_nan", [tuple(y.detach().kthvalue(k, 1)) for k in (1, 2, 3, 4)])
check("median_nan_dim", y.detach().median(1))
check("median_all_nan_dim", torch.full((2, 6), nan).nanmedian(1))
check(
    "ints",
    [
        torch.tensor([3, 1, 2, 5]).median(),
        torch.tensor([[3, 1, 2, 5]]).median(1),
        torch.tensor([[4, 4, 2, 2, 2]]).mode(1),
        torch.tensor([3, 1, 2], dtype=torch.int32).kthvalue(2),
    ],
)
check(
    "int_nansum",
    [
        torch.tensor([1, 2]).nansum(),
        torch.tensor([1, 2], dtype=torch.int32).nansum(),
        torch.tensor([True, True]).nansum(),
        torch.tensor([1, 2]).nansum(dtype=torch.float32),
    ],
)
check("bool_mode", torch.tensor([True, False, True]).mode())
check(
    "scalar",
    [
        torch.tensor(2.0).median(),
        tuple(torch.tensor(2.0).median(0)),
        tuple(torch.tensor(2.0).kthvalue(1)),
        tuple(torch.tensor(2.0).mode()),
        torch.tensor(nan).nansum(0),
        torch.tensor(nan).nanmean(),
    ],
)
check("scalar_grad_fns", graph(torch.tensor(2.0, requires_grad=True).median(0)[0]))
check(
    "empty",
    [
        torch.tensor([]).median(),
        torch.ones(0).nansum(),
        torch.ones(0).nanmean(),
        tuple(torch.ones(0, 3).median(1)),
        tuple(torch.ones(0, 2).mode()),
    ],
)
check("median_grad_ties", torch.autograd.grad(x.median(), x)[0])
check("median_grad_nan", torch.autograd.grad(y.median(), y)[0])
check("nanmedian_grad", torch.autograd.grad(y.nanmedian(), y)[0])
(gx,) = torch.autograd.grad(x.kthvalue(2, 0)[0].pow(2).sum(), x, create_graph=True)
gx.sum().backward()
check("kthvalue_double_backward", [gx, x.grad])
x.grad = None

b = torch.tensor([[True, False]])
raises("median_bool", lambda: b.median())
raises("median_bool_dim", lambda: b.median(1))
raises("nanmedian_bool", lambda: b.nanmedian())
raises("kthvalue_bool", lambda: b.kthvalue(1))
raises("median_dim_range", lambda: x.median(2))
raises("median_dim_float", lambda: x.median(1.5))
raises("median_dim_none_kw", lambda: x.median(dim=None))
raises("median_dim_none_fn", lambda: torch.median(x, None))
raises("median_keepdim_int", lambda: x.median(0, 1))
raises("median_fn_keepdim", lambda: torch.median(x, 0, 1))
raises("median_empty_dim", lambda: torch.ones(0, 3).median(0))
raises("median_not_tensor", lambda: torch.median([1, 2]))
raises("median_unexpected", lambda: x.median(1, foo=True))
raises("median_too_many", lambda: x.median(1, True, 3))
raises("median_fn_too_many", lambda: torch.median(x, 0, True, 3))
raises("kthvalue_k0", lambda: x.kthvalue(0))
raises("kthvalue_k_big", lambda: x.kthvalue(5))
raises("kthvalue_scalar_k2", lambda: torch.tensor(2.0).kthvalue(2))
raises("kthvalue_k_float", lambda: x.kthvalue(2.0))
raises("kthvalue_k_bool", lambda: x.kthvalue(True))
raises("kthvalue_no_k", lambda: x.kthvalue())
raises("kthvalue_fn_no_k", lambda: torch.kthvalue(x))
raises("kthvalue_keepdim", lambda: torch.kthvalue(x, 1, 0, "a"))
raises("kthvalue_empty", lambda: torch.ones(3, 0).kthvalue(1))
raises("kthvalue_dim_none", lambda: x.kthvalue(1, dim=None))
raises("kthvalue_too_many", lambda: x.kthvalue(1, 0, True, 3))
raises("mode_empty", lambda: torch.ones(2, 0).mode())
raises("mode_dim_none", lambda: x.mode(None))
raises("mode_not_tensor", lambda: torch.mode([1.0, 2.0]))
raises("nansum_dim_float", lambda: x.nansum(1.5))
raises("nansum_fn_dim_float", lambda: torch.nansum(x, 1.5))
raises("nansum_keepdim", lambda: x.nansum(0, "a"))
raises("nansum_repeated", lambda: x.nansum((0, 0)))
raises("nansum_dim_range", lambda: x.nansum(3))
raises("nanmean_int", lambda: torch.tensor([1, 2]).nanmean())
raises("nanmean_int_dtype", lambda: torch.tensor([1, 2]).nanmean(dtype=torch.float32))
raises("nanmean_repeated", lambda: x.nanmean((0, 0)))
raises("nanmean_too_many", lambda: x.nanmean(0, True, 3))
check(
    "tensor_args",
    [x.median(torch.tensor(1)), x.kthvalue(torch.tensor(2)), x.nansum(torch.tensor(1))],
)

# out=
o = torch.empty(0)
check("nansum_out", [torch.nansum(y.detach(), out=o), o])
check("nanmean_out", torch.nanmean(y.detach(), 1, out=torch.empty(3)))
raises("nansum_out_requires_grad", lambda: torch.nansum(y, out=torch.empty(())))

# argument parsing met by differential fuzzing
raises("median_keepdim_tensor", lambda: x.median(1, torch.tensor(True)))
raises("median_axis_and_dim", lambda: torch.median(x, 1, axis=0))
check("median_out_none", torch.median(x.detach(), 1, out=None))
raises("kthvalue_out_method", lambda: x.kthvalue(1, out=None))
raises("kthvalue_k_tensor_float", lambda: torch.kthvalue(x, torch.tensor(2.0)))
raises("nansum_dtype_str", lambda: x.nansum(1, dtype="float32"))
raises("nansum_dtype_numpy", lambda: x.nansum(1, dtype=__import__("numpy").float32))
check("nansum_dtype_python", [x.detach().nansum(1, dtype=float), x.detach().nansum(1, dtype=int)])
raises("nanmean_dtype_int", lambda: x.nanmean(1, dtype=torch.int32))
raises("nansum_out_method", lambda: x.nansum(out=None))
