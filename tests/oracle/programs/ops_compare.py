# comparisons: results are bool, never require grad; where/any/all helpers
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = torch.tensor([3.0, 2.0, 1.0])
cmp = {
    "x>y": lambda: x > y,
    "x<y": lambda: x < y,
    "x>=y": lambda: x >= y,
    "x<=y": lambda: x <= y,
    "x==y": lambda: x == y,
    "x!=y": lambda: x != y,
    "x>2": lambda: x > 2,
    "2<x": lambda: x > 2,
    "x==2": lambda: x == 2,
    "torch.eq": lambda: torch.eq(x, y),
    "torch.gt": lambda: torch.gt(x, 1.5),
    "torch.lt": lambda: torch.lt(x, y),
    "torch.ge": lambda: torch.ge(x, y),
    "torch.le": lambda: torch.le(x, 2),
    "torch.ne": lambda: torch.ne(x, y),
    "x.gt": lambda: x.gt(y),
    "x.eq": lambda: x.eq(2.0),
    "bcast": lambda: x.reshape(3, 1) > y,
    "int_vs_float": lambda: torch.tensor([1, 2]) == torch.tensor([1.0, 2.5]),
}
for k, f in cmp.items():
    with section(k):
        r = f()
        check(k, r)
        check(k + ".repr", repr(r))
m = x > 1.5
check("mask.float", m.float())
check("mask.sum", m.sum())
check("mask*x", m * x)
check("mask*x.graph", graph(m * x))
check("where", torch.where(m, x, torch.zeros(3)))
check("equal", torch.equal(x.detach(), torch.tensor([1.0, 2.0, 3.0])))
check("allclose", torch.allclose(x.detach(), torch.tensor([1.0, 2.0, 3.0000001])))
check("bool()", bool(torch.tensor([1.0]) > 0))
raises("bool_multi", lambda: bool(x > 0))
check("logical_and", (x > 1) & (x < 3))
check("logical_or", (x < 1.5) | (x > 2.5))
check("logical_not", ~(x > 1.5))
check("argmax", x.argmax())
check("argmax.dim", torch.tensor([[1.0, 5.0], [7.0, 2.0]]).argmax(dim=1))
check("argmin", torch.argmin(y))
check("nonzero", torch.tensor([0, 1, 0, 2]).nonzero())
