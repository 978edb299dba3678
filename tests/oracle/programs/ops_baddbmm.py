# torch.baddbmm / Tensor.baddbmm: values, grads, graph, beta/alpha, errors
c = torch.zeros(2, 3, 5).requires_grad_()
b1 = (torch.arange(24.0).reshape(2, 3, 4) * 0.1 - 1).requires_grad_()
b2 = (torch.arange(40.0).reshape(2, 4, 5) * -0.05 + 1).requires_grad_()
gc = torch.autograd.gradcheck
ggc = torch.autograd.gradgradcheck
d64 = [t.detach().double().requires_grad_() for t in (c + 0.5, b1, b2)]


def run(name, fn):
    out = fn(c, b1, b2)
    check(name, out)
    check(name + "_graph", graph(out))
    wt = torch.arange(out.numel(), dtype=out.dtype).reshape(out.shape) + 1
    (out * wt).sum().backward()
    for i, t in enumerate((c, b1, b2)):
        check(f"{name}_grad{i}", t.grad)
        t.grad = None
    check(name + "_gradcheck", gc(fn, tuple(d64)))
    check(name + "_gradgradcheck", ggc(fn, tuple(d64)))


run("baddbmm", lambda x, p, q: torch.baddbmm(x, p, q))
run("baddbmm_scaled", lambda x, p, q: torch.baddbmm(x, p, q, beta=0.5, alpha=2))
run("baddbmm_bcast", lambda x, p, q: x[0, 0].baddbmm(p, q, alpha=-1.5))
run("baddbmm_beta0", lambda x, p, q: torch.baddbmm(x * 3, p, q, beta=0))
check("baddbmm_beta0_nan", torch.baddbmm(torch.full((2, 3, 5), float("nan")), b1, b2, beta=0))
check(
    "baddbmm_int",
    torch.baddbmm(
        torch.ones(1, 2, 2, dtype=torch.long),
        torch.ones(1, 2, 3, dtype=torch.long),
        torch.ones(1, 3, 2, dtype=torch.long),
        alpha=2,
    ),
)

raises("err_2d_batch1", lambda: torch.baddbmm(torch.zeros(2, 3, 5), b1[0], b2))
raises("err_2d_batch2", lambda: torch.baddbmm(torch.zeros(2, 3, 5), b1, b2[0]))
raises("err_inner", lambda: torch.baddbmm(torch.zeros(2, 3, 5), b1, b2[:, :3]))
raises("err_batch", lambda: torch.baddbmm(torch.zeros(2, 3, 5), b1, b2[:1]))
raises("err_input_shape", lambda: torch.baddbmm(torch.zeros(2, 3, 4), b1, b2))
raises("err_dtype", lambda: torch.baddbmm(torch.zeros(2, 3, 5), b1, b2.double()))
raises("err_input_dtype", lambda: torch.baddbmm(torch.zeros(2, 3, 5).double(), b1, b2))
raises("err_alpha_str", lambda: torch.baddbmm(torch.zeros(2, 3, 5), b1, b2, alpha="a"))
