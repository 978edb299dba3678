# PyTorch docs, "Autograd mechanics" (https://pytorch.org/docs/stable/notes/autograd.html):
# saved tensors (_saved_self / _saved_result), requires_grad and grad modes (no_grad,
# enable_grad, set_grad_enabled, inference_mode, eval), in-place correctness checks, and
# hooks on tensors. Values are fixed instead of torch.randn.
x = torch.tensor([0.5, -1.0, 2.0, 0.25, -0.75], requires_grad=True)
y = x.pow(2)
print(x.equal(y.grad_fn._saved_self))  # True
print(x is y.grad_fn._saved_self)  # True

y = x.exp()
print(y.equal(y.grad_fn._saved_result))  # True
print(y is y.grad_fn._saved_result)  # False

# requires_grad propagates
a = torch.ones(3)
b = torch.ones(3, requires_grad=True)
print((a + a).requires_grad, (a + b).requires_grad)

# grad modes
with torch.no_grad():
    c = b * 2
print(c.requires_grad, c.grad_fn)
with torch.no_grad(), torch.enable_grad():
    d = b * 2
print(d.requires_grad)
torch.set_grad_enabled(False)
e = b * 2
torch.set_grad_enabled(True)
print(e.requires_grad)
with torch.set_grad_enabled(False):
    f = b * 2
print(f.requires_grad)
with torch.inference_mode():
    g = b * 2
print(g.requires_grad)
model = torch.nn.Linear(3, 1)
model.eval()
print(model.training, model(b).requires_grad)

# in-place correctness checks
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
h = w.sigmoid()
h.mul_(2)
raises("inplace_saved_output", lambda: h.sum().backward())
check("version", h._version)
w2 = torch.tensor([1.0, 2.0], requires_grad=True)
raises("leaf_inplace", lambda: w2.add_(1))
with torch.no_grad():
    w2.add_(1)
check("leaf_inplace_no_grad", w2)

# tensor hooks
v = torch.tensor([0.0, 0.0, 0.0], requires_grad=True)
hh = v.register_hook(lambda grad: grad * 2)
v.backward(torch.tensor([1.0, 2.0, 3.0]))
print(v.grad)
hh.remove()

# retain_grad for a non-leaf
p = torch.tensor([1.0, 2.0], requires_grad=True)
q = p * 3
q.retain_grad()
(q * q).sum().backward()
check("q_grad", q.grad)
check("p_grad", p.grad)
