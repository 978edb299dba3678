# torch.autograd.grad, create_graph / higher order derivatives, allow_unused
x = torch.tensor(2.0, requires_grad=True)
y = x**3
(g,) = torch.autograd.grad(y, x)
check("grad", g)
check("grad.type", type(torch.autograd.grad(x**3, x)).__name__)
check("x.grad.untouched", x.grad)
y = x**3
g = torch.autograd.grad(y, x, create_graph=True)[0]
check("create_graph.g", g)
check("create_graph.g.graph", graph(g))
g2 = torch.autograd.grad(g, x)[0]
check("second", g2)
y = x**3
g = torch.autograd.grad(outputs=y, inputs=x, create_graph=True)[0]
g.backward()
check("second_via_backward", x.grad)
# backward create_graph=True
x = torch.tensor(3.0, requires_grad=True)
y = x**4
y.backward(create_graph=True)
check("bcg.x.grad", x.grad)
check("bcg.x.grad.graph", graph(x.grad))
gx = x.grad
x.grad = None
gx.backward()
check("bcg.second", x.grad)
# third derivative of sin-free polynomial with exp
x = torch.tensor(0.5, requires_grad=True)
y = x * torch.exp(x)
d1 = torch.autograd.grad(y, x, create_graph=True)[0]
d2 = torch.autograd.grad(d1, x, create_graph=True)[0]
d3 = torch.autograd.grad(d2, x)[0]
check("d1", d1)
check("d2", d2)
check("d3", d3)
for name, f in {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "log": torch.log,
    "sqrt": torch.sqrt,
    "div": lambda t: 1 / t,
    "pow": lambda t: t**2.5,
    "mul": lambda t: t * t * t,
}.items():
    x = torch.tensor([0.5, 1.5], requires_grad=True)
    y = f(x).sum()
    g = torch.autograd.grad(y, x, create_graph=True)[0]
    h = torch.autograd.grad(g.sum(), x)[0]
    check("hess." + name, h)
# multiple inputs / outputs, grad_outputs
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
out = a * b
ga, gb = torch.autograd.grad(out, (a, b), grad_outputs=torch.tensor([1.0, 10.0]))
check("multi.ga", ga)
check("multi.gb", gb)
o1 = (a * 2).sum()
o2 = (a * b).sum()
check("multi_out", torch.autograd.grad([o1, o2], [a]))
o = (a * b).sum()
torch.autograd.grad(o, a, retain_graph=True)
check("retain_graph.again", torch.autograd.grad(o, b))
raises("freed_after_grad", lambda: torch.autograd.grad(o, a))
# unused inputs
c = torch.tensor(1.0, requires_grad=True)
o = (a * 2).sum()
raises("unused", lambda: torch.autograd.grad(o, [a, c], retain_graph=True))
check("allow_unused", torch.autograd.grad(o, [a, c], allow_unused=True))
raises("non_scalar", lambda: torch.autograd.grad(a * 2, a))
raises("not_requiring", lambda: torch.autograd.grad(torch.tensor(1.0) * 2, a))
raises("input_no_grad", lambda: torch.autograd.grad((a * 2).sum(), torch.tensor(1.0)))
# grad wrt non-leaf
x = torch.tensor([1.0, 2.0], requires_grad=True)
h = x * 3
y = (h**2).sum()
check("grad_nonleaf", torch.autograd.grad(y, h))
check("no_accumulate", (x.grad, h.grad))
# grad of a leaf used twice
x = torch.tensor(1.5, requires_grad=True)
check("x*x", torch.autograd.grad(x * x, x))
check("grad.requires_grad_default", torch.autograd.grad(x * x, x)[0].requires_grad)
check("grad.requires_grad_cg", torch.autograd.grad(x * x, x, create_graph=True)[0].requires_grad)
