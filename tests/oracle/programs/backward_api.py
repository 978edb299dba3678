# backward(gradient=...), retain_graph, accumulation, non-leaf .grad, errors of backward
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * x
y.backward(torch.tensor([1.0, 0.1, 0.01]))
check("gradient_arg", x.grad)
x.grad = None
y = x * x
y.backward(gradient=torch.ones(3))
check("gradient_kw", x.grad)
raises("nonscalar_no_grad", lambda: (x * 2).backward())
raises("gradient_wrong_shape", lambda: (x * 2).backward(torch.ones(2)))
raises("no_requires_grad", lambda: torch.tensor([1.0, 2.0]).sum().backward())
raises("no_requires_grad_leaf", lambda: torch.tensor(1.0).backward())
x.grad = None
s = (x**2).sum()
s.backward(torch.tensor(2.0))
check("scalar_gradient_arg", x.grad)
x.grad = None
(x * 2).sum().backward()
(x * 2).sum().backward()
check("accumulate_two", x.grad)
(x * 2).sum().backward()
check("accumulate_three", x.grad)

# retain_graph
w = torch.tensor([2.0], requires_grad=True)
z = (w * w).sum()
z.backward(retain_graph=True)
check("retain1", w.grad)
z.backward(retain_graph=True)
check("retain2", w.grad)
z.backward()
check("retain3", w.grad)
raises("freed", lambda: z.backward())
# graph with no saved tensors can be backwarded twice
w = torch.tensor([2.0], requires_grad=True)
z = (w + 1).sum()
z.backward()
z.backward()
check("add_twice_ok", w.grad)
w = torch.tensor([2.0], requires_grad=True)
z = (w * 3).sum()
z.backward()
raises("mul_const_twice", lambda: z.backward())
check("mul_const_twice.grad", w.grad)
# shared subgraph: backward from two outputs
a = torch.tensor([1.0, 2.0], requires_grad=True)
h = a.exp()
o1 = h.sum()
o2 = (h * 2).sum()
o1.backward(retain_graph=True)
o2.backward()
check("shared.grad", a.grad)
raises("shared.freed", lambda: (h * 3).sum().backward())
# diamond
a = torch.tensor(3.0, requires_grad=True)
b = a * 2
c = a * 3
d = b * c
d.backward()
check("diamond.grad", a.grad)
check("diamond.graph", graph(d))
# non-leaf .grad
x = torch.tensor([1.0], requires_grad=True)
y = x * 2
z = y * 3
z.backward()
check("nonleaf.y.grad", y.grad)
check("nonleaf.z.grad", z.grad)
check("leaf.x.grad", x.grad)
check("leaf.x.grad.flags", (x.grad.requires_grad, x.grad.is_leaf, x.grad.grad_fn))
# backward from non-scalar with ones gradient
m = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
out = m @ m
out.backward(torch.ones_like(out))
check("mm_self.grad", m.grad)
# tensor.backward(inputs=...)
p = torch.tensor(1.0, requires_grad=True)
q = torch.tensor(2.0, requires_grad=True)
(p * q).backward(inputs=[p])
check("inputs.p", p.grad)
check("inputs.q", q.grad)
# torch.autograd.backward
p = torch.tensor(1.0, requires_grad=True)
torch.autograd.backward([p * 5])
check("autograd.backward", p.grad)
# float64 grads
d = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
(d**3).sum().backward()
check("f64.grad", d.grad)
# backward through integer-typed ops stops
x = torch.tensor([1.5, 2.5], requires_grad=True)
raises("long_requires_grad", lambda: x.long().sum().backward())
check("long_of_rg", x.long())
check("float_of_rg.graph", graph(x.float() * 1))
