# torch.linalg.inv / torch.inverse / Tensor.inverse, torch.linalg.det / torch.det / Tensor.det
A = torch.tensor([[2.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 4.0]], requires_grad=True)
A64 = torch.tensor(
    [[1.5, 0.2, -0.3], [0.4, 2.0, 0.1], [-0.2, 0.3, 1.2]], dtype=torch.float64, requires_grad=True
)
B64 = torch.stack([A64.detach(), A64.detach().t() * 0.5 + 0.1]).requires_grad_()
gc = torch.autograd.gradcheck
ggc = torch.autograd.gradgradcheck
w = torch.arange(9.0).reshape(3, 3) + 1


def run(name, fn):
    out = fn(A)
    check(name, out)
    check(name + "_graph", graph(out))
    (out * (w if out.dim() == 2 else 1)).sum().backward()
    check(name + "_grad", A.grad)
    A.grad = None
    check(name + "_gradcheck", gc(fn, (A64,)))
    check(name + "_gradgradcheck", ggc(fn, (A64,)))
    check(name + "_gradcheck_batch", gc(fn, (B64,)))


run("inv", lambda a: torch.linalg.inv(a))
run("inverse", lambda a: torch.inverse(a) @ a.mT)
run("inverse_method", lambda a: a.inverse())
run("det", lambda a: torch.linalg.det(a))
run("det_torch", lambda a: torch.det(a * 2))
run("det_method", lambda a: a.det() * a.sum())
check("det_batch", torch.linalg.det(torch.stack([A, A * 2])))
check("inv_batch", torch.linalg.inv(torch.stack([A, A.t() + 1])))
check("det_singular", torch.det(torch.ones(3, 3)))
check("inv_identity", torch.linalg.inv(torch.eye(4)))
check("det_f64", torch.det(A64))
check("linalg_error_is_runtime_error", issubclass(torch.linalg.LinAlgError, RuntimeError))

raises("err_inv_nonsquare", lambda: torch.linalg.inv(torch.ones(3, 4)))
raises("err_inv_1d", lambda: torch.linalg.inv(torch.ones(3)))
raises("err_inv_singular", lambda: torch.linalg.inv(torch.ones(3, 3)))
raises("err_inv_singular_pivot", lambda: torch.inverse(torch.zeros(2, 2)))
raises(
    "err_inv_singular_batch",
    lambda: torch.linalg.inv(torch.stack([torch.eye(2), torch.zeros(2, 2)])),
)
raises("err_inv_long", lambda: torch.linalg.inv(torch.eye(3, dtype=torch.long)))
raises("err_inv_str", lambda: torch.linalg.inv("a"))
raises("err_det_nonsquare", lambda: torch.det(torch.ones(3, 4)))
raises("err_det_1d", lambda: torch.det(torch.ones(3)))
raises("err_det_long", lambda: torch.det(torch.eye(3, dtype=torch.long)))
