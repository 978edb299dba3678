# Calling a grad_fn node by hand (course notes show the chain rule one node at a time:
# ``z.grad_fn(torch.ones(...))``): the gradients for the node's inputs, a tuple when it has
# several, None for an input that needs none, recorded in a graph while grad mode is on
x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.tensor([3.0, 4.0], requires_grad=True)
c = torch.tensor([5.0, 6.0])
z = x * w
check("mul", z.grad_fn(torch.ones(2)))
check("mul_const", (x * c).grad_fn(torch.ones(2)))
y = (x**2).sum()
check("sum", y.grad_fn(torch.tensor(1.0)))
check("pow", y.grad_fn.next_functions[0][0](torch.ones(2)))
check("exp", x.exp().grad_fn(torch.ones(2)))
check("x_grad_untouched", x.grad)
a, b = x.split(1)
check("split", a.grad_fn(torch.ones(1), torch.ones(1)))
z2 = x * x
with torch.no_grad():
    check("no_grad", z2.grad_fn(torch.ones(2)))
z2.sum().backward()
raises("after_backward", lambda: z2.grad_fn(torch.ones(2)))
torch.manual_seed(0)
m = nn.Linear(2, 1)
out = m(x.unsqueeze(0))
# (values only: the nodes of these gradient graphs are named differently here, e.g.
# PyTorch's tanh_backward records TanhBackwardBackward0, here MulBackward0)
check("addmm", [out.grad_fn.name(), [t.detach() for t in out.grad_fn(torch.ones(1, 1))]])
# one step of the chain rule by hand, node after node, equals backward()
h = (x * w).tanh()
loss = h.sum()
g1 = loss.grad_fn(torch.tensor(1.0))
g2 = h.grad_fn(g1)
g3 = h.grad_fn.next_functions[0][0](g2)
loss.backward()
check("chain_by_hand", [g1, g2.detach(), [t.detach() for t in g3], x.grad, w.grad])
