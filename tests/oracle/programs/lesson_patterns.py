# Patterns from the lessons, written the way learners write them (variations of the seeds)
# 1. the "linear regression by hand" loop with .data and grad zeroing via None
x = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
y = torch.tensor([[3.0], [5.0], [7.0], [9.0]])
w = torch.tensor([[0.0]], requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr = 0.05
for epoch in range(20):
    y_hat = x.mm(w) + b
    loss = ((y_hat - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad.zero_()
    b.grad.zero_()
    if epoch % 5 == 4:
        check(f"lr.epoch{epoch}.loss", loss.item())
        check(f"lr.epoch{epoch}.w", w)
check("lr.final", (w, b))
check("lr.final.repr", repr(w))
print("w =", w)
print("b =", b)
print("loss =", loss)

# 2. update creating a new leaf each time (seed 000 style) with requires_grad_
w = torch.tensor([1.0, 1.0], requires_grad=True)
for i in range(3):
    l = (w * torch.tensor([2.0, 3.0])).sum() ** 2
    l.backward()
    w = (w - 0.01 * w.grad).detach().requires_grad_()
    check(f"newleaf.{i}", w)
check("newleaf.grad", w.grad)

# 3. the step-by-step scalar graph with printed grad_fn chain
x = torch.tensor(1.0)
w = torch.tensor(0.5, requires_grad=True)
b = torch.tensor(0.1, requires_grad=True)
z = x * w + b
a = torch.sigmoid(z)
loss = (a - 1.0) ** 2
fn = loss.grad_fn
chain = []
while fn is not None:
    chain.append(type(fn).__name__)
    nxt = [f for f, _ in fn.next_functions if f is not None]
    fn = nxt[0] if nxt else None
check("chain", chain)
loss.backward()
check("scalar.w.grad", w.grad)
check("scalar.b.grad", b.grad)
print(loss, a, z, sep="\n")
print(w.grad, b.grad)

# 4. element-wise vs hand derivative comparisons printed
xs = torch.linspace(-2, 2, 5, requires_grad=True)
ys = xs**3 - 2 * xs
ys.sum().backward()
check("linspace", xs)
check("cubic.grad", xs.grad)
check("hand", 3 * xs.detach() ** 2 - 2)
print(xs.grad)
print(torch.allclose(xs.grad, 3 * xs.detach() ** 2 - 2))

# 5. accumulate grads from a loop of losses, then average
p = torch.tensor([0.5, -0.5], requires_grad=True)
for k in range(4):
    ((p * k) ** 2).sum().backward()
check("accum.loop", p.grad)
p.grad /= 4
check("accum.avg", p.grad)

# 6. matrix-vector network from numbers given in a lesson
W = torch.tensor([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], requires_grad=True)
v = torch.tensor([1.0, 2.0])
h = torch.relu(W @ v - 0.6)
out = h.sum()
out.backward()
check("mv.h", h)
check("mv.W.grad", W.grad)
print(h)
print(W.grad)
