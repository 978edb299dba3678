# searchsorted / bucketize (sides, sorter, N-D boundaries, NaN, scalars, out_int32), argwhere,
# histc (explicit and data ranges, edges, NaN skipped), cdist (p = 0, 1, 2, 3, 0.5, inf; batch
# broadcasting; PyTorch's matrix-product form for p = 2 with more than 25 rows), their graphs,
# gradients and errors
nan = float("nan")
s = torch.tensor([1.0, 3.0, 3.0, 5.0, 7.0])
v = torch.tensor([[0.0, 3.0, 6.0], [7.0, 8.0, 1.0]])
check("searchsorted", torch.searchsorted(s, v))
check("searchsorted_right", torch.searchsorted(s, v, right=True))
check(
    "searchsorted_side",
    [torch.searchsorted(s, v, side="right"), torch.searchsorted(s, v, side="left")],
)
check("searchsorted_int32", torch.searchsorted(s, v, out_int32=True))
check(
    "searchsorted_scalar",
    [
        torch.searchsorted(s, 3.0),
        torch.searchsorted(s, 3),
        torch.searchsorted(s, torch.tensor(2.5)),
    ],
)
check(
    "searchsorted_nd",
    torch.searchsorted(
        torch.tensor([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0]]), torch.tensor([[2.5, 6.0], [2.5, 1.0]])
    ),
)
check(
    "searchsorted_sorter",
    torch.searchsorted(
        torch.tensor([5.0, 1.0, 3.0]), torch.tensor([2.0, 4.0, 9.0]), sorter=torch.tensor([1, 2, 0])
    ),
)
check(
    "searchsorted_dtypes",
    [
        torch.searchsorted(s, v.long()),
        torch.searchsorted(s.double(), v),
        torch.searchsorted(torch.tensor([1, 2, 3]), torch.tensor([1.5, 2.0])),
    ],
)
check(
    "searchsorted_nan",
    [
        torch.searchsorted(torch.tensor([1.0, 2.0, nan]), torch.tensor([nan, 1.5, 3.0]), right=r)
        for r in (False, True)
    ],
)
check("searchsorted_empty", torch.searchsorted(torch.tensor([]), v))
check(
    "searchsorted_grad_inputs",
    torch.searchsorted(s.clone().requires_grad_(), v.clone().requires_grad_()),
)
b = torch.tensor([1.0, 3.0, 5.0, 7.0])
check(
    "bucketize",
    [
        torch.bucketize(v, b),
        torch.bucketize(v, b, right=True),
        torch.bucketize(v, b, out_int32=True),
    ],
)
check(
    "bucketize_scalar",
    [torch.bucketize(3, b), torch.bucketize(3.5, b), torch.bucketize(torch.tensor(2.5), b)],
)
check("bucketize_int", torch.bucketize(v.long(), b))
raises("searchsorted_side_bad", lambda: torch.searchsorted(s, v, side="middle"))
raises("searchsorted_side_conflict", lambda: torch.searchsorted(s, v, right=True, side="left"))
raises("searchsorted_nd_mismatch", lambda: torch.searchsorted(torch.ones(2, 3), torch.ones(3, 1)))
raises("searchsorted_nd_1d", lambda: torch.searchsorted(torch.ones(2, 3), torch.ones(1)))
raises("searchsorted_nd_scalar", lambda: torch.searchsorted(torch.ones(1, 2), 1.0))
raises("searchsorted_0d", lambda: torch.searchsorted(torch.tensor(1.0), v))
raises("searchsorted_sorter_size", lambda: torch.searchsorted(s, v, sorter=torch.tensor([0, 1])))
raises(
    "searchsorted_sorter_range",
    lambda: torch.searchsorted(torch.tensor([1.0, 2.0]), v, sorter=torch.tensor([0, 5])),
)
raises(
    "searchsorted_sorter_dtype",
    lambda: torch.searchsorted(
        torch.tensor([1.0, 2.0]), v, sorter=torch.tensor([0, 1], dtype=torch.int32)
    ),
)
raises("searchsorted_list", lambda: torch.searchsorted([1, 2], v))
raises("searchsorted_values_list", lambda: torch.searchsorted(s, [1, 2]))
raises("searchsorted_method", lambda: s.searchsorted(v))
raises("bucketize_2d", lambda: torch.bucketize(v, torch.ones(2, 2)))
raises("bucketize_list", lambda: torch.bucketize(v, [1, 2]))
raises("bucketize_method", lambda: v.bucketize(b))

x = torch.tensor([[1, 0, 2], [0, 0, 3]])
check(
    "argwhere",
    [
        torch.argwhere(x),
        x.argwhere(),
        torch.argwhere(torch.tensor([0.0, nan, 2.0])),
        torch.argwhere(torch.tensor([True, False])),
    ],
)
check("argwhere_0d", [torch.argwhere(torch.tensor(5.0)), torch.argwhere(torch.tensor(0.0))])
raises("argwhere_list", lambda: torch.argwhere([1, 2]))

h = torch.tensor([1.0, 2.0, 1.0, 2.5, 4.0, 0.0])
check(
    "histc",
    [
        torch.histc(h, bins=4, min=0, max=3),
        torch.histc(h),
        torch.histc(h, bins=4),
        h.histc(5, 0, 4),
        torch.histc(h, 4, 0, 3),
    ],
)
check(
    "histc_same",
    [
        torch.histc(torch.tensor([2.0, 2.0]), bins=4),
        torch.histc(torch.tensor([1.0, 2.0, 3.0]), 2, min=2, max=2),
    ],
)
check("histc_edges", torch.histc(torch.tensor([0.0, 1.0, 2.0, 3.0]), bins=3, min=0, max=3))
check("histc_nan_skipped", torch.histc(torch.tensor([1.0, nan]), bins=4, min=0, max=3))
check("histc_double", torch.histc(h.double() / 3, bins=7))
check(
    "histc_2d_empty", [torch.histc(torch.ones(2, 2), bins=3), torch.histc(torch.tensor([]), bins=3)]
)
check("histc_no_grad", torch.histc(h.clone().requires_grad_(), bins=3))
raises("histc_long", lambda: torch.histc(torch.tensor([1, 2]), bins=4))
raises("histc_bool", lambda: torch.histc(torch.tensor([True]), 2))
raises("histc_bins", lambda: [torch.histc(h, bins=b) for b in (0, -1, -2)])
raises("histc_minmax", lambda: torch.histc(h, bins=4, min=3, max=1))
raises("histc_nan", lambda: torch.histc(torch.tensor([1.0, nan]), bins=4))
raises("histc_inf", lambda: torch.histc(torch.tensor([1.0, float("inf")]), bins=4))
raises("histc_bins_float", lambda: torch.histc(h, bins=2.0))
raises("histc_bins_float_pos", lambda: torch.histc(h, 2.0))
raises("histc_bins_float_method", lambda: h.histc(2.0))
raises("histc_min_str", lambda: torch.histc(h, 2, "a"))

a = (torch.arange(6.0).reshape(3, 2) / 3).requires_grad_()
c = (torch.arange(8.0).reshape(4, 2) / 5 - 0.5).requires_grad_()
for p in (2.0, 1.0, 0.0, 3.0, 0.5, 1.5, float("inf")):
    with section(f"cdist p={p}"):
        y = torch.cdist(a, c, p=p)
        check(f"cdist p={p}", y)
        check(f"cdist p={p} graph", graph(y))
        ga, gc = torch.autograd.grad((y * torch.arange(12.0).reshape(3, 4).cos()).sum(), (a, c))
        check(f"cdist p={p} grads", [ga, gc])
z = torch.tensor([[1.0, 2.0], [0.0, 0.0]], requires_grad=True)
w = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
for p in (2.0, 1.0, 3.0, 0.5, float("inf"), 0.0):
    check(f"cdist zero distance p={p}", torch.autograd.grad(torch.cdist(z, w, p=p).sum(), (z, w)))
A = (torch.arange(60.0, dtype=torch.float64).reshape(30, 2) / 7).sin().requires_grad_()
B = (torch.arange(6.0).reshape(3, 2) / 3).double().requires_grad_()
for mode in (
    "use_mm_for_euclid_dist_if_necessary",
    "use_mm_for_euclid_dist",
    "donot_use_mm_for_euclid_dist",
):
    with section(mode):
        y = torch.cdist(A, B, compute_mode=mode)
        check(mode, y)
        check(mode + " graph", graph(y))
        check(mode + " grads", torch.autograd.grad((y * y).sum(), (A, B)))
        check(mode + " small", graph(torch.cdist(B, B, compute_mode=mode)))
Xb = (torch.arange(12.0).reshape(2, 3, 2) / 4).requires_grad_()
Yb = (torch.arange(8.0).reshape(1, 4, 2) / 3).requires_grad_()
y = torch.cdist(Xb, Yb)
check("cdist_batch", y)
check("cdist_batch_grads", torch.autograd.grad(y.sum(), (Xb, Yb)))
y = torch.cdist(Xb.double(), torch.ones(1, 27, 2, dtype=torch.float64) * 0.3)
check("cdist_batch_mm_graph", graph(y))
check(
    "cdist_batch_mm_graphs",
    [
        graph(
            torch.cdist(
                torch.ones(2, 1, 3, 2, requires_grad=True), torch.ones(4, 27, 2, requires_grad=True)
            )
        ),
        graph(
            torch.cdist(
                torch.ones(1, 3, 2, requires_grad=True), torch.ones(1, 27, 2, requires_grad=True)
            )
        ),
    ],
)
check(
    "cdist_empty",
    [
        torch.cdist(torch.ones(0, 2), torch.ones(3, 2)),
        torch.cdist(torch.ones(2, 0), torch.ones(3, 0)),
    ],
)
(gg,) = torch.autograd.grad(torch.cdist(a, c).sum(), a, create_graph=True)
check("cdist_double_graph", graph(gg))
raises("cdist_double_backward", lambda: gg.sum().backward())
(gg,) = torch.autograd.grad(torch.cdist(A, B).sum(), A, create_graph=True)
gg.sum().backward()
check("cdist_mm_double_backward", B.grad)
raises("cdist_mode", lambda: torch.cdist(a, c, compute_mode="x"))
raises("cdist_neg_p", lambda: torch.cdist(a, c, p=-1))
raises("cdist_p_str", lambda: torch.cdist(a, c, p="a"))
raises("cdist_1d", lambda: torch.cdist(torch.ones(3), torch.ones(3)))
raises("cdist_1d_x2", lambda: torch.cdist(torch.ones(2, 2), torch.ones(2)))
raises("cdist_columns", lambda: torch.cdist(torch.ones(3, 2), torch.ones(3, 4)))
raises("cdist_batch", lambda: torch.cdist(torch.ones(2, 3, 2), torch.ones(3, 4, 2)))
raises("cdist_long", lambda: torch.cdist(torch.ones(3, 2, dtype=torch.long), torch.ones(3, 2)))
raises("cdist_long_x2", lambda: torch.cdist(torch.ones(3, 2), torch.ones(3, 2, dtype=torch.long)))
raises("cdist_dtypes", lambda: torch.cdist(torch.ones(3, 2), torch.ones(3, 2, dtype=torch.float64)))
raises(
    "cdist_dtypes_mm", lambda: torch.cdist(torch.ones(30, 2, dtype=torch.float64), torch.ones(2, 2))
)
raises("cdist_list", lambda: torch.cdist([[1.0]], torch.ones(1, 1)))
raises("cdist_method", lambda: a.cdist)

# out=
o = torch.empty(1, dtype=torch.long)
check(
    "searchsorted_out",
    [torch.searchsorted(torch.tensor([1.0, 2.0]), torch.tensor([1.5]), out=o), o],
)
check(
    "bucketize_out",
    torch.bucketize(
        torch.tensor([1.5]),
        torch.tensor([1.0, 2.0]),
        out_int32=True,
        out=torch.empty(1, dtype=torch.int32),
    ),
)
check("histc_out", torch.histc(torch.tensor([1.0, 2.0]), 3, out=torch.empty(3)))
raises(
    "searchsorted_out_dtype",
    lambda: torch.searchsorted(torch.tensor([1.0, 2.0]), torch.tensor([1.5]), out=torch.empty(1)),
)
raises(
    "bucketize_out_dtype",
    lambda: torch.bucketize(
        torch.tensor([1.5]), torch.tensor([1.0, 2.0]), out=torch.empty(1, dtype=torch.int32)
    ),
)
raises(
    "searchsorted_out_int32",
    lambda: torch.searchsorted(
        torch.tensor([1.0, 2.0]),
        torch.tensor([1.5]),
        out_int32=True,
        out=torch.empty(1, dtype=torch.long),
    ),
)

# argument parsing met by differential fuzzing
for bad in ("yes", None, 1, 1.0, torch.tensor(True), [True]):
    raises(f"searchsorted_right_{bad!r}", lambda: torch.searchsorted(s, v, right=bad))
    raises(f"bucketize_out_int32_{bad!r}", lambda: torch.bucketize(v, b, out_int32=bad))
raises("searchsorted_kw_axis", lambda: torch.searchsorted(s, v, axis=0))
raises("searchsorted_kw_dtype", lambda: torch.searchsorted(s, v, dtype=torch.float64))
raises("searchsorted_sorter_list", lambda: torch.searchsorted(s, v, sorter=[0, 1, 2, 3, 4]))
raises("bucketize_kw_foo", lambda: torch.bucketize(v, b, foo=1))
check("histc_bins_tensor", torch.histc(h, bins=torch.tensor(2)))
raises("histc_bins_float_tensor", lambda: torch.histc(h, bins=torch.tensor(2.0)))
raises("histc_min_nan", lambda: torch.histc(h, 4, min=float("nan"), max=3.0))
raises("histc_max_nan", lambda: torch.histc(h, 4, min=0.0, max=float("nan")))
raises("histc_min_complex", lambda: torch.histc(h, 4, min=1j, max=3.0))
check(
    "cdist_p_tensor_bool",
    [
        torch.cdist(a.detach(), c.detach(), p=torch.tensor(0.5)),
        torch.cdist(a.detach(), c.detach(), p=True),
    ],
)
raises("cdist_p_nan", lambda: torch.cdist(a, c, p=float("nan")))
raises("einsum_ndarray", lambda: torch.einsum("ij", __import__("numpy").ones((2, 2))))
