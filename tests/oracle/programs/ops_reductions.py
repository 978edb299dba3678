# sum / mean / max with and without dim, keepdim; grads, grad_fn names
def leaf():
    return torch.tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]], requires_grad=True)


cases = {
    "sum": lambda x: x.sum(),
    "torch.sum": lambda x: torch.sum(x),
    "sum0": lambda x: x.sum(0),
    "sum1": lambda x: x.sum(dim=1),
    "sum-1": lambda x: x.sum(-1),
    "sum1k": lambda x: x.sum(1, keepdim=True),
    "sum01": lambda x: x.sum((0, 1)),
    "sum_dim_list": lambda x: torch.sum(x, dim=[0]),
    "mean": lambda x: x.mean(),
    "torch.mean": lambda x: torch.mean(x),
    "mean0": lambda x: x.mean(0),
    "mean1k": lambda x: x.mean(dim=1, keepdim=True),
    "mean-2": lambda x: torch.mean(x, -2),
    "max": lambda x: x.max(),
    "torch.max": lambda x: torch.max(x),
}
for k, f in cases.items():
    with section(k):
        x = leaf()
        y = f(x)
        check(k, y)
        check(k + ".name", y.grad_fn.name())
        check(k + ".graph", graph(y))
        y.backward(torch.ones_like(y))
        check(k + ".grad", x.grad)

for k, f in {
    "max0": lambda x: x.max(0),
    "max1": lambda x: x.max(dim=1),
    "max1k": lambda x: x.max(1, keepdim=True),
    "torch.max1": lambda x: torch.max(x, 1),
    "torch.max-1k": lambda x: torch.max(x, dim=-1, keepdim=True),
}.items():
    with section(k):
        x = leaf()
        r = f(x)
        values, indices = r
        check(k + ".values", values)
        check(k + ".indices", indices)
        check(k + ".attr_values", r.values)
        check(k + ".attr_indices", r.indices)
        check(k + ".r0", r[0])
        check(k + ".len", len(r))
        check(k + ".name", values.grad_fn.name())
        check(k + ".graph", graph(values))
        values.sum().backward()
        check(k + ".grad", x.grad)

# ties in max: full max spreads evenly, max(dim) picks index
x = torch.tensor([[2.0, 2.0], [1.0, 2.0]], requires_grad=True)
m = x.max()
m.backward()
check("max_ties.grad", x.grad)
x = torch.tensor([[2.0, 2.0], [1.0, 2.0]], requires_grad=True)
v, i = x.max(1)
check("max_dim_ties.indices", i)
v.sum().backward()
check("max_dim_ties.grad", x.grad)

# int / bool reductions
ii = torch.tensor([[1, 2], [3, 4]])
check("int.sum", ii.sum())
check("int.sum0", ii.sum(0))
check("int.max", ii.max())
check("int.max1", ii.max(1))
bb = torch.tensor([True, True, False])
check("bool.sum", bb.sum())
check("bool.any", bb.any())
check("bool.all", bb.all())
check("float.mean.1d", torch.tensor([1.0, 2.0, 4.0]).mean())
check("sum.empty", torch.tensor([]).sum())
check("mean.empty", torch.tensor([]).mean())
check("sum.3d", torch.arange(24.0).reshape(2, 3, 4).sum(1))
check("mean.3d.k", torch.arange(24.0).reshape(2, 3, 4).mean(2, keepdim=True))
check("max.3d", torch.arange(24.0).reshape(2, 3, 4).max(1))
check("sum.0d", torch.tensor(3.0).sum())
check("sum.dtype_kw", torch.tensor([1, 2]).sum(dtype=torch.float32))
x = torch.tensor(2.0, requires_grad=True)
y = x.sum()
y.backward()
check("sum0d.grad", x.grad)
check("sum0d.name", y.grad_fn.name())
x = torch.arange(6.0).reshape(2, 3).requires_grad_()
(x.sum(0) * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
check("sum0.weighted.grad", x.grad)
x = torch.arange(6.0).reshape(2, 3).requires_grad_()
(x.mean(1) * torch.tensor([1.0, 2.0])).sum().backward()
check("mean1.weighted.grad", x.grad)
