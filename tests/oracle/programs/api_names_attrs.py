# Issue 13's missing public names, part 5: Tensor attributes of a CPU dense real tensor
# (is_cpu, is_sparse..., name), complex no-ops (conj, real, resolve_conj...), adjoint,
# dim_order, nonzero_static, new_empty_strided, is_set_to, pin_memory, share_memory_, and
# method forms (prelu, matrix_exp, igamma).
torch.manual_seed(0)
x = torch.randn(2, 3)
flags = [
    "is_cpu",
    "is_sparse",
    "is_quantized",
    "is_meta",
    "is_mkldnn",
    "is_nested",
    "is_xla",
    "is_xpu",
    "is_mps",
    "is_ipu",
    "is_maia",
    "is_mtia",
    "is_vulkan",
    "is_sparse_csr",
    "name",
]
check("flags", [getattr(x, n) for n in flags])
check(
    "predicates",
    [x.is_pinned(), x.is_shared(), x.is_conj(), x.is_neg(), x.is_set_to(x), x.is_set_to(x.clone())],
)
check(
    "identities",
    [
        x.resolve_conj() is x,
        x.resolve_neg() is x,
        x.conj() is x,
        x.real is x,
        torch.conj(x) is x,
        torch.real(x) is x,
    ],
)
check("adjoint", [x.adjoint(), torch.adjoint(x).shape])
check("dim_order", [x.dim_order(), x.t().dim_order()])
check(
    "nonzero_static",
    [
        x.nonzero_static(size=3),
        torch.tensor([0, 1, 2, 0]).nonzero_static(size=5, fill_value=-1),
        torch.nonzero_static(x > 0, size=2),
    ],
)
check(
    "new_empty_strided",
    [x.new_empty_strided((2, 2), (1, 2)).shape, x.new_empty_strided((2, 2), (1, 2)).stride()],
)
check("conj_physical", x.conj_physical())
check(
    "method_forms",
    [
        x.prelu(torch.tensor([0.25])),
        torch.eye(2).matrix_exp(),
        torch.tensor([1.0, 2]).igamma(torch.tensor([1.0, 1])),
        x.const_data_ptr() == x.data_ptr(),
    ],
)
check(
    "functions",
    [
        torch.is_conj(x),
        torch.is_neg(x),
        torch.is_same_size(x, x),
        torch.is_signed(torch.tensor([1], dtype=torch.uint8)),
    ],
)
check("share_memory_", x.share_memory_() is x)
raises("imag", lambda: x.imag)
raises("torch_imag", lambda: torch.imag(x))
raises("pin_memory", lambda: x.pin_memory())
raises("adjoint_1d", lambda: torch.ones(3).adjoint())

# --- aminmax: one AminmaxBackward0 node with two outputs, ties sharing the gradient
xm = torch.tensor([[1.0, 3.0, 3.0], [2.0, 0.0, 0.0]], requires_grad=True)
for i, kw in enumerate([{}, dict(dim=1), dict(dim=0, keepdim=True), dict(dim=-1)]):
    xm.grad = None
    r = torch.aminmax(xm, **kw)
    check(f"aminmax{i}", [r.min, r.max, graph(r.max)])
    (r.min * 2 + r.max * 3).sum().backward()
    check(f"aminmax{i}_grad", xm.grad)
xm.grad = None
xm.aminmax(dim=1).max.sum().backward()
check("aminmax_max_only_grad", xm.grad)
check(
    "aminmax_nan_int",
    [torch.aminmax(torch.tensor([1.0, float("nan")])), torch.aminmax(torch.tensor([1, 5, 2]))],
)
raises("aminmax_empty", lambda: torch.aminmax(torch.tensor([])))
raises("aminmax_empty_dim", lambda: torch.aminmax(torch.ones(2, 0), dim=1))
