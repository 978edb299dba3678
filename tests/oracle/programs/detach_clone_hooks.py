# detach, detach_, clone, retain_grad, retains_grad, register_hook (replacement grads), item, tolist
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
d = y.detach()
check("detach", d)
check("detach.flags", (d.requires_grad, d.is_leaf, d.grad_fn))
d[0] = 100.0
check("detach.shares", y)
c = y.clone()
check("clone", c)
check("clone.graph", graph(c))
cx = x.clone()
check("clone_leaf", cx)
check("clone_leaf.graph", graph(cx))
cd = x.detach().clone()
check("detach_clone", cd)
(c.sum() + cx.sum()).backward()
check("clone.grad", x.grad)

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
check("retains_grad.before", y.retains_grad)
y.retain_grad()
check("retains_grad.after", y.retains_grad)
check("retains_grad.leaf", x.retains_grad)
z = (y**2).sum()
z.backward()
check("retain.y.grad", y.grad)
check("retain.x.grad", x.grad)
check("retain.z.grad", z.grad)
x.retain_grad()
check("retain_grad_on_leaf", x.retains_grad)
raises("retain_grad_no_grad", lambda: torch.tensor([1.0]).retain_grad())

x = torch.tensor([1.0, 2.0], requires_grad=True)
seen = []


def hook(g):
    seen.append(g.clone())
    return g * 10


h = x.register_hook(hook)
(x * x).sum().backward()
check("hook.seen", seen)
check("hook.leaf.grad", x.grad)
h.remove()
(x * x).sum().backward()
check("hook.removed.grad", x.grad)
check("hook.removed.seen_len", len(seen))

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
y.register_hook(lambda g: g + 1)
y.retain_grad()
(y * torch.tensor([3.0, 4.0])).sum().backward()
check("hook_nonleaf.x.grad", x.grad)
check("hook_nonleaf.y.grad", y.grad)

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
y.retain_grad()
y.register_hook(lambda g: g * 100)
(y * 1).sum().backward()
check("retain_before_hook.y.grad", y.grad)
check("retain_before_hook.x.grad", x.grad)

x = torch.tensor([1.0], requires_grad=True)
log = []
y = x * 2
y.register_hook(lambda g: log.append("first") or None)
y.register_hook(lambda g: log.append("second") or g * 2)
y.backward()
check("hook_order", log)
check("hook_order.grad", x.grad)
raises("hook_no_grad", lambda: torch.tensor([1.0]).register_hook(lambda g: g))

# item / tolist / numpy / float
t = torch.tensor([[1.5, 2.0], [3.0, 4.0]])
check("tolist", t.tolist())
check("tolist.int", torch.tensor([1, 2]).tolist())
check("tolist.0d", torch.tensor(2.5).tolist())
check("tolist.bool", torch.tensor([True]).tolist())
check("numpy.tolist", t.numpy().tolist())
check("numpy.dtype", str(t.numpy().dtype))
check("numpy.shares", (t.numpy().__setitem__((0, 0), 9.0), t)[1])
check("item", torch.tensor([2.5]).item())
check("item.int", torch.tensor(3).item())
check("item.bool", torch.tensor(True).item())
check("item.type", type(torch.tensor([2.5]).item()).__name__)
check("float()", float(torch.tensor([2.5])))
check("int()", int(torch.tensor(3.7)))
check("float(1x1)", float(torch.tensor([[4.0]])))
raises("item_multi", lambda: torch.tensor([1.0, 2.0]).item())
raises("float_multi", lambda: float(torch.tensor([1.0, 2.0])))
raises("numpy_rg", lambda: torch.tensor([1.0], requires_grad=True).numpy())
check("numpy_detach", torch.tensor([1.0], requires_grad=True).detach().numpy().tolist())
check("item_rg", torch.tensor([1.5], requires_grad=True).item())
check("tolist_rg", (torch.tensor([1.5], requires_grad=True) * 2).tolist())
check("double()", torch.tensor([1.5]).double())
check("float().on_double", torch.tensor([1.5], dtype=torch.float64).float())
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x.double() * 2
check("double_grad_fn", y)
check("double.graph", graph(y))
y.sum().backward()
check("double.x.grad", x.grad)
check("from_numpy", torch.from_numpy(t.numpy()))
check("len", len(t))
check("iter", [r for r in t])
