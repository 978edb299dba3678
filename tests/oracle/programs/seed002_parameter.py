# Seed 002: f = 10*x1 + 20*x2 + c*x3, updates of .data in no_grad, accumulation, nn.Parameter 512x512
x1 = torch.tensor([100], dtype=torch.float, requires_grad=True)
x2 = torch.tensor([200], dtype=torch.float, requires_grad=True)
x3 = torch.tensor([300], dtype=torch.float, requires_grad=True)
constant = torch.tensor([30], dtype=torch.float, requires_grad=False)
check("tuple.repr", repr((x1, x2, x3, constant)))
check("shapes.repr", repr((x1.shape, x2.shape, x3.shape, constant)))
check("x1", x1)
check("x1.shape", x1.shape)

f = 10 * x1 + 20 * x2 + constant * x3
check("f", f)
check("f.graph", graph(f))
f.backward()
check("grads", (x1.grad, x2.grad, x3.grad))
check("constant.grad", constant.grad)
check("type.constant.grad", type(constant.grad).__name__)

learning_rate = 0.01
with torch.no_grad():
    x1.data = x1.data - learning_rate * x1.grad
    x2.data = x2.data - learning_rate * x2.grad
    x3.data = x3.data - learning_rate * x3.grad
check("updated.repr", repr((x1, x2, x3)))
check("updated", (x1, x2, x3))

f = 10 * x1 + 20 * x2 + constant * x3
f.backward()
check("grads.accumulated", (x1.grad, x2.grad, x3.grad))
check("grads.accumulated.repr", repr((x1.grad, x2.grad, x3.grad)))

weights = nn.Parameter(torch.ones(size=(512, 512)))
check("weights.flags", (weights.requires_grad, weights.data.requires_grad))
check("weights.type", type(weights).__name__)
check("weights.data.type", type(weights.data).__name__)
check("weights.isinstance_Tensor", isinstance(weights, torch.Tensor))
check("weights.is_leaf", weights.is_leaf)
check("weights.repr", repr(weights))
check("weights.str", str(weights))
print(weights)

X = torch.ones(size=(512, 512)) * 666
output = (X * weights).sum()
check("output", output)
check("output.repr", repr(output))
check("output.graph", graph(output))
output.backward()
check("weights.grad.repr", repr(weights.grad.data))
check("weights.grad.sum", weights.grad.sum().item())
check("weights.grad[:2,:3]", weights.grad[:2, :3])
check("X.grad", X.grad)

learning_rate = 2
with torch.no_grad():
    weights.data = weights.data - learning_rate * weights.grad.data
check("weights.data.repr", repr(weights.data))
check("weights.after.type", type(weights).__name__)
check("weights.after.corner", weights[0, 0].item())
check("weights.after.repr_head", repr(weights)[:60])
