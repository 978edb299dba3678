# cartesian_prod, combinations, inner, aminmax, chain_matmul, torch.vmap: values, graphs,
# gradients, errors
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([4.0, 5.0])
check("cartesian_prod", [torch.cartesian_prod(a, b), torch.cartesian_prod(b)])
check("cartesian_graph", graph(torch.cartesian_prod(a, b)))
check("combinations", [torch.combinations(a), torch.combinations(a, 3), torch.combinations(a, 1)])
check("combinations_repl", torch.combinations(a, 2, with_replacement=True))
check("combinations_graph", graph(torch.combinations(a)))
check("inner", [torch.inner(a, a), torch.inner(torch.ones(2, 3), torch.ones(4, 3))])
check("inner_graph", graph(torch.inner(a, a)))
m = torch.tensor([[1.0, 5.0], [3.0, 2.0]])
r = torch.aminmax(m)
check(
    "aminmax",
    [r.min, r.max, list(torch.aminmax(m, dim=1)), list(torch.aminmax(m, dim=0, keepdim=True))],
)
check("aminmax_repr", repr(torch.aminmax(m, dim=1)))
ones = torch.ones(2, 3)
check("chain_matmul", torch.chain_matmul(ones, ones.t(), ones))
c = torch.cartesian_prod(a, b) * torch.arange(12.0).reshape(6, 2)
(c.sum() + torch.combinations(a).prod(1).sum() + torch.inner(a, a)).backward()
check("grads", a.grad)
check("vmap", torch.vmap(lambda x: x * 2 + 1)(torch.arange(6.0).reshape(2, 3)))
raises("combinations_2d", lambda: torch.combinations(torch.ones(2, 2)))
raises("aminmax_empty", lambda: torch.aminmax(torch.ones(0)))
raises("inner_mismatch", lambda: torch.inner(torch.ones(2, 3), torch.ones(2, 2)))
