# Python scalars on either side of operators: radd, rsub, rmul, rtruediv, rpow
x = torch.tensor([1.0, 2.0, 4.0], requires_grad=True)
exprs = {
    "x+2": lambda x: x + 2,
    "2+x": lambda x: 2 + x,
    "x-2": lambda x: x - 2,
    "2-x": lambda x: 2 - x,
    "x*3": lambda x: x * 3,
    "3*x": lambda x: 3 * x,
    "x/4": lambda x: x / 4,
    "4/x": lambda x: 4 / x,
    "x**2": lambda x: x**2,
    "x**3": lambda x: x**3,
    "x**0.5": lambda x: x**0.5,
    "x**-1": lambda x: x**-1,
    "2**x": lambda x: 2**x,
    "2.5**x": lambda x: 2.5**x,
    "-x": lambda x: -x,
    "x+True": lambda x: x + True,
    "x*2.5": lambda x: x * 2.5,
    "1-x": lambda x: 1 - x,
    "1/2*x": lambda x: 1 / 2 * x,
    "x.add(1)": lambda x: x.add(1),
    "x.mul(2)": lambda x: x.mul(2),
    "x.sub(1)": lambda x: x.sub(1),
    "x.div(2)": lambda x: x.div(2),
    "x.pow(2)": lambda x: x.pow(2),
    "torch.pow(2,x)": lambda x: torch.pow(2, x),
    "torch.add(x,1)": lambda x: torch.add(x, 1),
    "torch.mul(x,3)": lambda x: torch.mul(x, 3),
    "x.neg()": lambda x: x.neg(),
    "torch.neg(x)": lambda x: torch.neg(x),
    "x+x0d": lambda x: x + torch.tensor(2.0),
    "x0d*x": lambda x: torch.tensor(3.0) * x,
    "x+int_tensor": lambda x: x + torch.tensor([1, 2, 3]),
    "x*f64_0d": lambda x: x * torch.tensor(2.0, dtype=torch.float64),
    "x*f64_1d": lambda x: x * torch.tensor([2.0, 2.0, 2.0], dtype=torch.float64),
}
for k, f in exprs.items():
    with section(k):
        x = torch.tensor([1.0, 2.0, 4.0], requires_grad=True)
        y = f(x)
        check(k, y)
        check(k + ".name", y.grad_fn.name())
        check(k + ".graph", graph(y))
        y.sum().backward()
        check(k + ".grad", x.grad)

i = torch.tensor([1, 2, 3])
for k, f in {
    "i+1": lambda: i + 1,
    "1-i": lambda: 1 - i,
    "i*2": lambda: i * 2,
    "2/i": lambda: 2 / i,
    "i**2": lambda: i**2,
    "2**i": lambda: 2**i,
    "i/2.0": lambda: i / 2.0,
    "i+0.5": lambda: i + 0.5,
    "i//2": lambda: i // 2,
    "i%2": lambda: i % 2,
    "-i": lambda: -i,
    "i*True": lambda: i * True,
}.items():
    check("int." + k, f())
s = torch.tensor(3.0, requires_grad=True)
y = 2 * s**2 + 1 / s - 4
y.backward()
check("scalar_expr", y)
check("scalar_expr.grad", s.grad)
