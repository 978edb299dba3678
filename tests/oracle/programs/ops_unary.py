# Unary ops as functions and methods, values and grads, grad_fn names and graphs
base = [[-2.0, -0.5, 0.0], [0.25, 1.0, 3.0]]
ops = {
    "exp": (lambda x: torch.exp(x), lambda x: x.exp()),
    "log": (lambda x: torch.log(x), lambda x: x.log()),
    "sqrt": (lambda x: torch.sqrt(x), lambda x: x.sqrt()),
    "abs": (lambda x: torch.abs(x), lambda x: x.abs()),
    "sigmoid": (lambda x: torch.sigmoid(x), lambda x: x.sigmoid()),
    "tanh": (lambda x: torch.tanh(x), lambda x: x.tanh()),
    "relu": (lambda x: torch.relu(x), lambda x: x.relu()),
    "neg": (lambda x: torch.neg(x), lambda x: x.neg()),
    "clamp01": (lambda x: torch.clamp(x, 0, 1), lambda x: x.clamp(0, 1)),
    "clamp_min": (lambda x: torch.clamp(x, min=0.1), lambda x: x.clamp(min=0.1)),
    "clamp_max": (lambda x: torch.clamp(x, max=0.5), lambda x: x.clamp(max=0.5)),
    "clamp_t": (lambda x: torch.clamp(x, -1.0, 1.0), lambda x: x.clamp(-1.0, 1.0)),
    "F.sigmoid": (lambda x: F.sigmoid(x), lambda x: torch.sigmoid(x)),
    "F.relu": (lambda x: F.relu(x), lambda x: torch.relu(x)),
    "F.tanh": (lambda x: F.tanh(x), lambda x: torch.tanh(x)),
    "square": (lambda x: torch.square(x), lambda x: x.square()),
}
for name, (fn, meth) in ops.items():
    for variant, f in (("fn", fn), ("method", meth)):
        with section(f"{name}.{variant}"):
            x = torch.tensor(base, requires_grad=True)
            y = f(x)
            key = f"{name}.{variant}"
            check(key, y)
            check(key + ".name", y.grad_fn.name())
            check(key + ".graph", graph(y))
            y.backward(torch.ones_like(y))
            check(key + ".grad", x.grad)

# relu/abs/clamp at exactly 0 and at the boundary
x = torch.tensor([0.0, 0.0, 1.0], requires_grad=True)
torch.relu(x).sum().backward()
check("relu_at_0.grad", x.grad)
x = torch.tensor([0.0, -0.0, 1.0], requires_grad=True)
torch.abs(x).sum().backward()
check("abs_at_0.grad", x.grad)
x = torch.tensor([0.0, 0.5, 1.0], requires_grad=True)
torch.clamp(x, 0.0, 1.0).sum().backward()
check("clamp_boundary.grad", x.grad)
x = torch.tensor([0.0, 1.0], requires_grad=True)
torch.log(x).sum().backward()
check("log_at_0.grad", x.grad)
check("log_neg", torch.log(torch.tensor([-1.0])))
x = torch.tensor([0.0, 4.0], requires_grad=True)
torch.sqrt(x).sum().backward()
check("sqrt_at_0.grad", x.grad)
# chained
x = torch.tensor([0.5, -1.5], requires_grad=True)
y = torch.sigmoid(torch.tanh(torch.exp(x)) * 2)
y.sum().backward()
check("chain", y)
check("chain.grad", x.grad)
check("chain.graph", graph(y))
# 0-d
x = torch.tensor(0.3, requires_grad=True)
y = torch.sigmoid(x)
y.backward()
check("sigmoid0d", y)
check("sigmoid0d.grad", x.grad)
# ints
check("abs.int", torch.abs(torch.tensor([-3, 2])))
check("neg.int", torch.neg(torch.tensor([-3, 2])))
check("relu.int", torch.relu(torch.tensor([-3, 2])))
check("clamp.int", torch.clamp(torch.tensor([-3, 2, 9]), 0, 5))
check("exp.f64", torch.exp(torch.tensor([1.0], dtype=torch.float64)))
check("sigmoid.big", torch.sigmoid(torch.tensor([-100.0, 100.0, 0.0])))
check("tanh.big", torch.tanh(torch.tensor([-50.0, 50.0])))
check("exp.overflow", torch.exp(torch.tensor([100.0])))
