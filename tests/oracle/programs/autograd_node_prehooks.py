# grad_fn.register_prehook (the autograd notes' "backward hooks" section): a node's
# pre-hook sees its output gradients (after the tensor's own hooks and retain_grad) and may
# replace them; on AccumulateGrad and on a node with several outputs too; PyTorch's errors.
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
z = y.exp()
seen = []


def pre(go):
    seen.append(("pre z", go))
    return (go[0] * 10,)


h = z.grad_fn.register_prehook(pre)
y.grad_fn.register_prehook(lambda go: seen.append(("pre y", go)))
z.register_hook(lambda g: seen.append(("tensor hook z", g)))
z.retain_grad()
z.sum().backward()
check("order", seen)
check("x.grad", x.grad)
check("z.grad", z.grad)
h.remove()
x.grad = None
z = (x * 3).exp()
z.sum().backward()
check("removed", x.grad)
seen.clear()
a, b = x.split(1)
a.grad_fn.register_prehook(lambda go: seen.append(("pre split", go)))
(b * 2).sum().backward()
check("split", seen)
seen.clear()
w = torch.ones(2, requires_grad=True)
acc = (w * 2).grad_fn.next_functions[0][0]
acc.register_prehook(lambda go: seen.append(("pre acc", go)))
(w * 2).sum().backward()
check("acc", (seen, w.grad))


def bad(go):
    return (go[0], go[0])


z = (x * 3).exp()
z.grad_fn.register_prehook(bad)
raises("wrong_count", lambda: z.sum().backward())
z = (x * 3).exp()
z.grad_fn.register_prehook(lambda go: 5)
raises("not_tuple", lambda: z.sum().backward())
