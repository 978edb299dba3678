# lerp, addcmul/addcdiv, index_add, rot90, cumprod (with zeros), diff, bincount
x = (torch.arange(12.0).reshape(3, 4) * 0.5 - 2).requires_grad_()
e = (torch.arange(12.0).reshape(3, 4) * -0.25 + 1).requires_grad_()
x64 = torch.tensor(
    [[0.3, -1.2, 0.8, 2.0], [1.1, 0.4, -0.6, 0.05], [-0.9, 1.7, 0.25, -0.35]],
    dtype=torch.float64,
    requires_grad=True,
)
e64 = (x64.detach() * 0.7 + 0.5).requires_grad_()
gc = torch.autograd.gradcheck
ggc = torch.autograd.gradgradcheck


def run(name, fn, ggrad=True):
    out = fn(x, e)
    check(name, out)
    check(name + "_graph", graph(out))
    wt = torch.arange(out.numel(), dtype=out.dtype).reshape(out.shape) + 1
    (out * wt).sum().backward()
    check(name + "_grad_x", x.grad)
    check(name + "_grad_e", e.grad)
    x.grad = e.grad = None
    check(name + "_gradcheck", gc(fn, (x64, e64)))
    if ggrad:
        check(name + "_gradgradcheck", ggc(fn, (x64, e64)))


run("lerp", lambda a, b: torch.lerp(a, b, 0.3))
run("lerp_tensor_w", lambda a, b: a.lerp(b[0], b[1].sigmoid()))
run("addcmul", lambda a, b: torch.addcmul(a, b, a, value=2))
run("addcmul_bcast", lambda a, b: a[0].addcmul(b, a[:, :1]))
run("addcdiv", lambda a, b: torch.addcdiv(a, a, b + 10, value=-0.5))
run("index_add", lambda a, b: torch.index_add(a, 0, torch.tensor([0, 2, 0]), b))
run("index_add_dim1", lambda a, b: a.index_add(1, torch.tensor([3, 1]), b[:, :2], alpha=2))
run("rot90", lambda a, b: torch.rot90(a) * 2 + torch.rot90(b, -1))
run("rot90_k2", lambda a, b: a.rot90(2, (1, 0)) * b.rot90(6))
run("cumprod", lambda a, b: torch.cumprod(a, 1) + b.cumprod(0))
run("cumprod_zero", lambda a, b: torch.cumprod(a * torch.tensor([1.0, 0.0, 1.0, 1.0]), dim=-1) * b)
run("cumprod_two_zeros", lambda a, b: (a * torch.tensor([[0.0], [1.0], [0.0]])).cumprod(0) + b)
run("diff", lambda a, b: torch.diff(a) * b[:, 1:])
run("diff_n2_dim0", lambda a, b: a.diff(n=2, dim=0, prepend=b[:1], append=b[2:]))

check("cumprod_int", torch.cumprod(torch.tensor([1, 2, 3]), 0))
check("cumprod_dtype", torch.tensor([1, 2, 3]).cumprod(0, dtype=torch.float64))
check("cumprod_0d", torch.tensor(3.0).cumprod(0))
check("diff_bool", torch.diff(torch.tensor([True, False, False])))
check("diff_append_float", torch.diff(torch.tensor([1, 4, 9]), append=torch.tensor([16.0])))
check("diff_long", torch.diff(x, n=5))
check("diff_n0", torch.diff(torch.tensor([1.0, 3.0]), n=0))
check("bincount", torch.bincount(torch.tensor([0, 1, 1, 3])))
check(
    "bincount_weights",
    torch.bincount(torch.tensor([0, 1, 1, 3]), weights=torch.tensor([0.5, 1, 2, 3]), minlength=6),
)
check(
    "bincount_w64",
    torch.bincount(torch.tensor([0, 1]), weights=torch.tensor([1.0, 2], dtype=torch.float64)),
)
check("bincount_wint", torch.bincount(torch.tensor([0, 1]), weights=torch.tensor([1, 2])))
check("bincount_empty", torch.bincount(torch.tensor([], dtype=torch.long)))
check("bincount_method", torch.tensor([2, 2, 0], dtype=torch.int32).bincount(minlength=2))
check(
    "addcmul_int",
    torch.addcmul(torch.tensor([1, 2]), torch.tensor([3, 4]), torch.tensor([5, 6]), value=2),
)
check(
    "addcdiv_mixed",
    torch.addcdiv(torch.tensor([1.0, 2]), torch.tensor([1, 2]), torch.tensor([2.0, 4])),
)
check("index_add_repeat", torch.zeros(3).index_add(0, torch.tensor([1, 1, 2]), torch.ones(3)))
check("lerp_values", torch.lerp(torch.zeros(3), torch.tensor([10.0, 20.0, 30.0]), 0.25))

raises("err_bincount_neg", lambda: torch.bincount(torch.tensor([-1])))
raises("err_bincount_float", lambda: torch.bincount(torch.tensor([1.0])))
raises("err_bincount_2d", lambda: torch.bincount(torch.ones(2, 2, dtype=torch.long)))
raises("err_bincount_minlength", lambda: torch.bincount(torch.tensor([1]), minlength=-1))
raises("err_bincount_weights", lambda: torch.bincount(torch.tensor([1, 2]), weights=torch.ones(3)))
raises("err_lerp_dtype", lambda: torch.lerp(x, e.double(), 0.5))
raises("err_lerp_str", lambda: torch.lerp(x, e, "a"))
raises("err_lerp_shape", lambda: torch.lerp(x, torch.ones(5), 0.5))
raises("err_addcmul_shape", lambda: torch.addcmul(x, e, torch.ones(5)))
raises(
    "err_addcdiv_int",
    lambda: torch.addcdiv(torch.tensor([1, 2]), torch.tensor([1, 2]), torch.tensor([1, 2])),
)
raises("err_diff_0d", lambda: torch.diff(torch.tensor(1.0)))
raises("err_diff_neg", lambda: torch.diff(x, n=-1))
raises("err_diff_dim", lambda: torch.diff(x, dim=2))
raises("err_index_add_oob", lambda: torch.index_add(x, 0, torch.tensor([0, 3]), e[:2]))
raises("err_index_add_float", lambda: torch.index_add(x, 0, torch.tensor([0.0, 2]), e[:2]))
raises("err_index_add_count", lambda: torch.index_add(x, 0, torch.tensor([0, 2]), e[:3]))
raises("err_index_add_dtype", lambda: torch.index_add(x, 0, torch.tensor([0, 2]), e[:2].double()))
raises("err_rot90_same", lambda: torch.rot90(x, 1, [0, 0]))
raises("err_rot90_one_dim", lambda: torch.rot90(x, 1, [0]))
raises("err_rot90_1d", lambda: torch.rot90(torch.ones(3)))
raises("err_cumprod_nodim", lambda: torch.cumprod(x))
