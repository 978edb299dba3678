# torch.kron and torch.tensordot: values, grads, their composed graphs, errors
x = (torch.arange(6.0).reshape(2, 3) * 0.5 - 1).requires_grad_()
y = (torch.arange(12.0).reshape(4, 3) * -0.25 + 1).requires_grad_()
t3 = (torch.arange(24.0).reshape(2, 3, 4) * 0.1).requires_grad_()
u3 = (torch.arange(60.0).reshape(4, 3, 5) * -0.05 + 1).requires_grad_()
x64 = (torch.arange(6.0, dtype=torch.float64).reshape(2, 3) * 0.3 - 0.7).requires_grad_()
y64 = (torch.arange(12.0, dtype=torch.float64).reshape(4, 3) * -0.2 + 0.9).requires_grad_()
gc = torch.autograd.gradcheck
ggc = torch.autograd.gradgradcheck


def run(name, fn, *args):
    out = fn(*args)
    check(name, out)
    check(name + "_graph", graph(out))
    wt = torch.arange(out.numel(), dtype=out.dtype).reshape(out.shape) + 1
    (out * wt).sum().backward()
    for i, a in enumerate(args):
        check(f"{name}_grad{i}", a.grad)
        a.grad = None


run("kron", torch.kron, x, y)
run("kron_1d", lambda a, b: torch.kron(a[0], b[:, 0]), x, y)
run("kron_mixed_ndim", lambda a, b: a.kron(b[0]), x, y)
run("tensordot_1", lambda a, b: torch.tensordot(a, b.t(), 1), x, y)
run("tensordot_lists", lambda a, b: torch.tensordot(a, b, ([1], [1])), x, y)
run("tensordot_3d", lambda a, b: torch.tensordot(a, b, ([1, 2], [1, 0])), t3, u3)
run("tensordot_0", lambda a, b: torch.tensordot(a, b, 0), x, y)
check("tensordot_full", torch.tensordot(t3[0], u3[:, :, 0].t()[:3], dims=2))
check("kron_0d", torch.kron(torch.tensor(2.0), torch.ones(2, 3)))
check("kron_dtype", torch.kron(torch.ones(2), torch.ones(2, dtype=torch.float64)))
check("kron_int", torch.kron(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[0, 1], [1, 0]])))
check("tensordot_nested_list", torch.tensordot(x, y, [[1], [1]]))
check("kron_gradcheck", gc(torch.kron, (x64, y64)))
check("kron_gradgradcheck", ggc(torch.kron, (x64, y64)))
check("tensordot_gradcheck", gc(lambda a, b: torch.tensordot(a, b, ([1], [1])), (x64, y64)))
check("tensordot_gradgradcheck", ggc(lambda a, b: torch.tensordot(a, b, ([1], [1])), (x64, y64)))

raises("err_tensordot_size", lambda: torch.tensordot(x, y, 1))
raises("err_tensordot_neg", lambda: torch.tensordot(x, y, -1))
raises("err_tensordot_len", lambda: torch.tensordot(x, y, ([0], [0, 1])))
raises("err_tensordot_big", lambda: torch.tensordot(x, y, 3))
raises("err_tensordot_dtype", lambda: torch.tensordot(x, y.double(), ([1], [1])))
raises("err_tensordot_dim", lambda: torch.tensordot(x, y, ([5], [1])))
raises("err_kron_str", lambda: torch.kron(x, "a"))
