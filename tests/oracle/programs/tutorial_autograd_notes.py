# PyTorch docs: "A Gentle Introduction to torch.autograd" and "Autograd mechanics"
# (saved tensors, in-place correctness checks, grad modes: no_grad / inference_mode /
# set_grad_enabled, requires_grad on parameters), plus legacy course notes' Variable.
# Random tensors of the originals are replaced by fixed values.
a = torch.tensor([2.0, 3.0], requires_grad=True)
b = torch.tensor([6.0, 4.0], requires_grad=True)
Q = 3 * a**3 - b**2
external_grad = torch.tensor([1.0, 1.0])
Q.backward(gradient=external_grad)
print(9 * a**2 == a.grad)
print(-2 * b == b.grad)

x = torch.arange(5.0) - 2
y = torch.zeros(5)
z = torch.tensor([0.5, -1.0, 2.0, 0.0, 1.5], requires_grad=True)
c = x + y
print(f"Does `c` require gradients?: {c.requires_grad}")
d = x + z
print(f"Does `d` require gradients?: {d.requires_grad}")

# Saved tensors
x = torch.tensor([0.5, -1.0, 2.0, 1.5, -0.25], requires_grad=True)
y = x.pow(2)
print(x.equal(y.grad_fn._saved_self))
print(x is y.grad_fn._saved_self)
y = x.exp()
print(y.equal(y.grad_fn._saved_result))
print(y is y.grad_fn._saved_result)
check("saved_result", y.grad_fn._saved_result)

# In-place correctness checks
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = a.sigmoid()
b.mul_(2)
raises("inplace_sigmoid_then_mul", lambda: b.sum().backward())
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = a * 1
c = b.sin()
b.exp_()
raises("inplace_sin_input", lambda: c.sum().backward())

# Grad modes
x = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    y = x * 2
print(y.requires_grad)
with torch.inference_mode():
    y = x * 2
print(y.requires_grad, torch.is_inference_mode_enabled())
is_train = False
with torch.set_grad_enabled(is_train):
    y = x * 2
print(y.requires_grad)
torch.set_grad_enabled(True)
y = x * 2
print(y.requires_grad)
torch.set_grad_enabled(False)
y = x * 2
print(y.requires_grad)
torch.set_grad_enabled(True)


@torch.inference_mode()
def doubler(t):
    return t * 2


print(doubler(x).requires_grad)

# Legacy Variable (course notes written for PyTorch 0.3)
Variable = torch.autograd.Variable  # (the notes: from torch.autograd import Variable)

xv = Variable(torch.ones(2, 2), requires_grad=True)
yv = xv + 2
print(yv)
print(yv.grad_fn)
zv = yv * yv * 3
out = zv.mean()
print(zv, out)
out.backward()
print(xv.grad)
xv2 = Variable(torch.tensor([1.0, 2.0, 3.0]), requires_grad=True)
yv2 = xv2 * 2
while yv2.data.norm() < 100:
    yv2 = yv2 * 2
print(yv2)
gradients = torch.FloatTensor([0.1, 1.0, 0.0001])
yv2.backward(gradients)
print(xv2.grad)
