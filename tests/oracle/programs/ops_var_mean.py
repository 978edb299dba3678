# torch.var_mean / torch.std_mean: one node with two outputs (values, grads, graph)
x = (torch.arange(12.0).reshape(3, 4) * 0.5 - 2).requires_grad_()
x64 = torch.tensor(
    [[0.3, -1.2, 0.8, 2.0], [1.1, 0.4, -0.6, 0.05], [-0.9, 1.7, 0.25, -0.35]],
    dtype=torch.float64,
    requires_grad=True,
)
gc = torch.autograd.gradcheck


def run(name, fn):
    s, m = fn(x)
    check(name, (s, m))
    check(name + "_graph", graph(s))
    check(name + "_same_node", s.grad_fn is m.grad_fn)
    check(name + "_output_nr", (s.output_nr, m.output_nr))
    (s * 2 + m * 3).sum().backward()
    check(name + "_grad", x.grad)
    x.grad = None
    s2, _ = fn(x)
    s2.sum().backward()
    check(name + "_grad_stat_only", x.grad)
    x.grad = None
    _, m2 = fn(x)
    m2.sum().backward()
    check(name + "_grad_mean_only", x.grad)
    x.grad = None
    check(name + "_gradcheck", gc(lambda a: fn(a), (x64,)))


run("var_mean", lambda a: torch.var_mean(a, 1))
run("var_mean_all", lambda a: torch.var_mean(a))
run("var_mean_keep", lambda a: torch.var_mean(a, 0, keepdim=True))
run("var_mean_corr0", lambda a: torch.var_mean(a, dim=(0, 1), correction=0))
run("std_mean", lambda a: torch.std_mean(a, 1))
run("std_mean_unbiased", lambda a: torch.std_mean(a, 0, unbiased=False))
run("std_mean_keep", lambda a: torch.std_mean(a, dim=-1, keepdim=True, correction=2))
check("var_mean_1d", torch.var_mean(torch.tensor([1.0, 2.0, 4.0]), unbiased=False))
check("std_mean_f64", torch.std_mean(x64.detach(), 1))
check("var_mean_type", type(torch.var_mean(x)).__name__)
raises("err_var_mean_int", lambda: torch.var_mean(torch.tensor([1, 2, 3])))
raises("err_std_mean_dim", lambda: torch.std_mean(x, 2))
check("no_tensor_method", (hasattr(x, "var_mean"), hasattr(x, "std_mean")))
