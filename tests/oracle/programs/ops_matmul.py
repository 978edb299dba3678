# mm matmul dot mv @ in all shape combinations, with grads and grad_fn graphs
def leaf(*shape, start=1.0):
    n = 1
    for s in shape:
        n *= s
    return (torch.arange(n, dtype=torch.float32) * 0.5 + start).reshape(shape).requires_grad_()


cases = {
    "mm": ((2, 3), (3, 4), lambda a, b: torch.mm(a, b)),
    "a.mm": ((2, 3), (3, 2), lambda a, b: a.mm(b)),
    "matmul22": ((2, 3), (3, 4), lambda a, b: torch.matmul(a, b)),
    "@22": ((3, 2), (2, 3), lambda a, b: a @ b),
    "dot": ((3,), (3,), lambda a, b: torch.dot(a, b)),
    "a.dot": ((4,), (4,), lambda a, b: a.dot(b)),
    "@11": ((3,), (3,), lambda a, b: a @ b),
    "matmul11": ((3,), (3,), lambda a, b: a.matmul(b)),
    "mv": ((2, 3), (3,), lambda a, b: torch.mv(a, b)),
    "a.mv": ((2, 3), (3,), lambda a, b: a.mv(b)),
    "@21": ((2, 3), (3,), lambda a, b: a @ b),
    "matmul21": ((2, 3), (3,), lambda a, b: torch.matmul(a, b)),
    "@12": ((3,), (3, 2), lambda a, b: a @ b),
    "matmul12": ((2,), (2, 4), lambda a, b: a.matmul(b)),
    "@33": ((2, 2, 3), (2, 3, 2), lambda a, b: a @ b),
    "matmul33": ((2, 2, 3), (2, 3, 4), lambda a, b: torch.matmul(a, b)),
    "@32": ((2, 2, 3), (3, 2), lambda a, b: a @ b),
    "@23": ((2, 3), (2, 3, 2), lambda a, b: a @ b),
    "@31": ((2, 2, 3), (3,), lambda a, b: a @ b),
    "@13": ((3,), (2, 3, 2), lambda a, b: a @ b),
    "bmm": ((2, 2, 3), (2, 3, 2), lambda a, b: torch.bmm(a, b)),
    "@T": ((2, 3), (2, 3), lambda a, b: a @ b.T),
    "@t()": ((2, 3), (2, 3), lambda a, b: a.mm(b.t())),
}
for k, (sa, sb, f) in cases.items():
    with section(k):
        a = leaf(*sa)
        b = leaf(*sb, start=-1.0)
        y = f(a, b)
        check(k, y)
        check(k + ".name", y.grad_fn.name())
        check(k + ".graph", graph(y))
        y.backward(torch.ones_like(y))
        check(k + ".a.grad", a.grad)
        check(k + ".b.grad", b.grad)

# one side constant
a = leaf(2, 2)
c = torch.tensor([[1.0, 0.0], [2.0, 1.0]])
y = a @ c
check("mm_const.graph", graph(y))
y.sum().backward()
check("mm_const.a.grad", a.grad)
y = c @ a
check("mm_const_left.graph", graph(y))
# int matmul
check("int_mm", torch.tensor([[1, 2], [3, 4]]) @ torch.tensor([[1, 0], [0, 1]]))
check("int_dot", torch.dot(torch.tensor([1, 2]), torch.tensor([3, 4])))
check(
    "f64_mm",
    torch.tensor([[1.0, 2.0]], dtype=torch.float64)
    @ torch.tensor([[3.0], [4.0]], dtype=torch.float64),
)
# 0-size
check("mm_empty", torch.zeros(2, 0) @ torch.zeros(0, 3))
