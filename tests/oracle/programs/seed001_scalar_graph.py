# Seed 001: z = x*w + b, is_leaf / requires_grad / grad_fn, retain_graph, next_functions, no_grad, .data
x = torch.Tensor([2])
w = torch.tensor([0.5], requires_grad=True)  # was torch.randn(1, requires_grad=True)
b = torch.tensor([-1.25], requires_grad=True)
y = torch.mul(x, w)
z = torch.add(y, b)

print(f"x,y,z,w,b leaf:{x.is_leaf},{y.is_leaf},{z.is_leaf},{w.is_leaf},{b.is_leaf}")
print(f"x,w,b requires_grad {x.requires_grad},{w.requires_grad},{b.requires_grad}")
print(f"y,z requires_grad {y.requires_grad},{z.requires_grad}")
print(f"x, w, b grad_fn is {x.grad_fn},{w.grad_fn},{b.grad_fn}")
print(f"y, z grad_fn is {y.grad_fn},{z.grad_fn}")
check("x", x)
check("x.dtype", x.dtype)
check("y", y)
check("z", z)
check("leafs", (x.is_leaf, y.is_leaf, z.is_leaf, w.is_leaf, b.is_leaf))
check("y.grad_fn.repr", repr(y.grad_fn))
check("z.grad_fn.str", str(z.grad_fn))
check("z.graph", graph(z))

z.backward(retain_graph=True)
print(f"w, b grad is{w.grad},{b.grad}")
print(f"y, z grad is {y.grad}, {z.grad}")
check("w.grad", w.grad)
check("b.grad", b.grad)
check("y.grad", y.grad)
check("z.grad", z.grad)

z.backward()
check("w.grad.2", w.grad)
check("b.grad.2", b.grad)
raises("backward_third_time", lambda: z.backward())
check("w.grad.after_error", w.grad)

t = torch


def f(x):
    y = x**2 * t.exp(x)
    return y


def gradf(x):
    dx = 2 * x * t.exp(x) + x**2 * t.exp(x)
    return dx


# was t.randn(3, 4, requires_grad=True)
x = t.tensor(
    [[-1.5, 0.75, -0.5, -0.02], [0.5, -0.2, 1.0, -0.25], [0.1, 2.5, 0.6, 0.15]], requires_grad=True
)
y = f(x)
y.backward(t.ones(y.size()))
print("grad by torch-autograd:", x.grad)
print("grad by def:", gradf(x))
check("f.y", y)
check("f.x.grad", x.grad)
check("f.gradf", gradf(x))
check("f.y.size", y.size())
check("f.graph", graph(y))
check("f.close", bool(((x.grad - gradf(x)).abs() < 1e-5).all()))

x = t.ones(1)
b = t.tensor([0.25], requires_grad=True)
w = t.tensor([0.75], requires_grad=True)
y = w.mul(x)
z = y.add(b)
print(z.grad_fn)
print(z.grad_fn.next_functions)
check("nf.same_node", z.grad_fn.next_functions[0][0] == y.grad_fn)
check("nf.same_node_is", z.grad_fn.next_functions[0][0] is y.grad_fn)
check("nf.graph", graph(z))
check("nf.len", len(z.grad_fn.next_functions))
acc = z.grad_fn.next_functions[1][0]
check("nf.acc.type", type(acc).__name__)
check("nf.acc.name", acc.name())
check("nf.acc.variable_is_b", acc.variable is b)
check(
    "nf.mul.next",
    [(type(n).__name__ if n is not None else None, i) for n, i in y.grad_fn.next_functions],
)
z.backward(retain_graph=True)
check("nf.w.grad", w.grad)
z.backward(retain_graph=True)
check("nf.w.grad.2", w.grad)

t.set_grad_enabled(False)
check("is_grad_enabled.after_set_false", t.is_grad_enabled())
y2 = w * 2
check("y2.under_set_grad_enabled_false", y2)
t.set_grad_enabled(True)
with t.no_grad():
    x = t.ones(1)
    w = t.tensor([0.3], requires_grad=True)
    y = x.mul(w)
    check("is_grad_enabled.in_no_grad", t.is_grad_enabled())
print(x.requires_grad, w.requires_grad, y.requires_grad)
check("no_grad.flags", (x.requires_grad, w.requires_grad, y.requires_grad, y.is_leaf, y.grad_fn))
check("is_grad_enabled.after", t.is_grad_enabled())

x = t.tensor(
    [0.0893, 0.1730, 0.1023, 0.2946, 0.5129, 0.2371, 0.1064, 0.9711, 0.8577, 0.0347],
    requires_grad=True,
)
print(x)
print(x.data)
d = x.data
check("data.requires_grad", d.requires_grad)
check("data.is_leaf", d.is_leaf)
x.data *= 100
print(x)
check("x.after_data_mul", x)
check("data.shares_storage", d)
