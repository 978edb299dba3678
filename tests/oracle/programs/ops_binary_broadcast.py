# Binary ops as operators, functions and methods, with broadcasting; values, grads, grad_fn
def leaf(shape, start=1.0, scale=0.5):
    n = 1
    for s in shape:
        n *= s
    return (torch.arange(n, dtype=torch.float32) * scale + start).reshape(shape).requires_grad_()


ops = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
    "pow": lambda a, b: a**b,
    "torch.add": lambda a, b: torch.add(a, b),
    "torch.sub": lambda a, b: torch.sub(a, b),
    "torch.mul": lambda a, b: torch.mul(a, b),
    "torch.div": lambda a, b: torch.div(a, b),
    "torch.pow": lambda a, b: torch.pow(a, b),
    "torch.maximum": lambda a, b: torch.maximum(a, b),
    "a.add": lambda a, b: a.add(b),
    "a.sub": lambda a, b: a.sub(b),
    "a.mul": lambda a, b: a.mul(b),
    "a.div": lambda a, b: a.div(b),
    "a.pow": lambda a, b: a.pow(b),
    "a.maximum": lambda a, b: a.maximum(b),
    "add_alpha": lambda a, b: torch.add(a, b, alpha=2),
    "sub_alpha": lambda a, b: a.sub(b, alpha=3),
    "true_divide": lambda a, b: torch.true_divide(a, b),
}
shapes = [
    ((3,), (3,)),
    ((2, 3), (3,)),
    ((2, 1), (1, 3)),
    ((2, 3), (2, 1)),
    ((1,), (2, 2)),
    ((), (2,)),
    ((2, 1, 3), (4, 1)),
]
for opname, op in ops.items():
    for sa, sb in shapes:
        with section(f"{opname}{list(sa)}x{list(sb)}"):
            a = leaf(sa, 1.0, 0.5)
            b = leaf(sb, 0.5, 0.25)
            key = f"{opname}{list(sa)}x{list(sb)}"
            out = op(a, b)
            check(key + ".out", out)
            check(key + ".name", out.grad_fn.name())
            out.sum().backward()
            check(key + ".a.grad", a.grad)
            check(key + ".b.grad", b.grad)

# gradient through one operand only
a = leaf((2, 2))
c = torch.tensor([[2.0, 3.0], [4.0, 5.0]])
out = a * c
check("mul_const.graph", graph(out))
out.backward(torch.ones(2, 2))
check("mul_const.a.grad", a.grad)
check("mul_const.c.grad", c.grad)
out = c / a
check("rdiv_const.graph", graph(out))
out.sum().backward()
check("rdiv_const.a.grad", a.grad)

# maximum ties split the gradient
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([1.0, 5.0, 0.0], requires_grad=True)
m = torch.maximum(a, b)
m.sum().backward()
check("maximum_tie.out", m)
check("maximum_tie.a.grad", a.grad)
check("maximum_tie.b.grad", b.grad)
check("maximum.graph", graph(m))

# same tensor used twice
x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
y = x * x + x
y.sum().backward()
check("x*x+x.grad", x.grad)
check("x*x+x.graph", graph(y))

# pow with tensor exponent & zero base
x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
e = torch.tensor([2.0, 0.5, 3.0], requires_grad=True)
p = x**e
p.sum().backward()
check("pow_tt.out", p)
check("pow_tt.x.grad", x.grad)
check("pow_tt.e.grad", e.grad)
check("pow_tt.graph", graph(p))

# pow zero exponent grad
x = torch.tensor([0.0, 3.0], requires_grad=True)
(x**0).sum().backward()
check("pow0.grad", x.grad)
x = torch.tensor([0.0, 4.0], requires_grad=True)
(x**0.5).sum().backward()
check("pow_half_at_zero.grad", x.grad)
x = torch.tensor([-1.0, 4.0], requires_grad=True)
check("pow_half_neg", x**0.5)

# division by zero
x = torch.tensor([1.0, -1.0, 0.0], requires_grad=True)
y = x / torch.tensor([0.0, 0.0, 0.0])
check("div0", y)
y.sum().backward()
check("div0.grad", x.grad)
check("int_div_zero", torch.tensor([1, 0]) / torch.tensor([0, 0]))
