# Dive into Deep Learning, 2.5 "Automatic Differentiation" (PyTorch edition; English
# https://d2l.ai/chapter_preliminaries/autograd.html, Chinese
# https://zh.d2l.ai/chapter_preliminaries/autograd.html): dot-product gradient, zeroing,
# non-scalar backward, detach, and Python control flow. The random a is a fixed number.
x = torch.arange(4.0)
print(x)
x.requires_grad_(True)
print(x.grad)
y = 2 * torch.dot(x, x)
print(y)
y.backward()
print(x.grad)
print(x.grad == 4 * x)

x.grad.zero_()
y = x.sum()
y.backward()
print(x.grad)

x.grad.zero_()
y = x * x
y.backward(gradient=torch.ones(len(y)))
print(x.grad)
x.grad.zero_()
y = x * x
y.sum().backward()
print(x.grad)

x.grad.zero_()
y = x * x
u = y.detach()
z = u * x
z.sum().backward()
print(x.grad == u)
x.grad.zero_()
y.sum().backward()
print(x.grad == 2 * x)


def f(a):
    b = a * 2
    while b.norm() < 1000:
        b = b * 2
    if b.sum() > 0:
        c = b
    else:
        c = 100 * b
    return c


a = torch.tensor(0.8123, requires_grad=True)
d = f(a)
d.backward()
print(a.grad == d / a)
check("d", d)
check("a_grad", a.grad)
a = torch.tensor(-1.3, requires_grad=True)
d = f(a)
d.backward()
check("a_grad_negative", a.grad)
check("graph_negative", graph(d))
# exercise: the gradient of a vector (non-scalar) output needs a gradient argument
raises("nonscalar", lambda: (x * x).backward())
