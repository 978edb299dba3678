# the in-place forms addcmul_ / addcdiv_ / lerp_ (optimizers written by hand)
x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
t = torch.tensor([0.5, 1.5, -1.0], requires_grad=True)
for name, fn in [
    ("addcmul_", lambda y: y.addcmul_(x, t, value=2)),
    ("addcdiv_", lambda y: y.addcdiv_(t, x + 5, value=-0.5)),
    ("lerp_", lambda y: y.lerp_(t, 0.25)),
    ("lerp_tensor", lambda y: y.lerp_(t, x.sigmoid())),
]:
    with section(name):
        y = x * 2
        out = fn(y)
        check(name, y)
        check(name + "_same", out is y)
        check(name + "_graph", graph(y))
        (y * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
        check(name + "_grad_x", x.grad)
        check(name + "_grad_t", t.grad)
        x.grad = t.grad = None

# plain tensors (an optimizer step under no_grad)
m = torch.zeros(3)
v = torch.ones(3)
g = torch.tensor([0.1, -0.2, 0.3])
with torch.no_grad():
    m.lerp_(g, 0.1)
    v.addcmul_(g, g, value=0.001)
    p = torch.tensor([1.0, 2.0, 3.0])
    p.addcdiv_(m, v.sqrt() + 1e-8, value=-0.01)
check("adam_m", m)
check("adam_v", v)
check("adam_p", p)
check(
    "addcmul_int_operands", torch.ones(3).addcmul_(torch.tensor([1, 2, 3]), torch.tensor([2, 2, 2]))
)
raises(
    "err_addcmul_cast",
    lambda: torch.ones(3, dtype=torch.long).addcmul_(torch.ones(3), torch.ones(3)),
)
raises("err_addcmul_shape", lambda: torch.ones(1).addcmul_(torch.ones(3), torch.ones(3)))
raises("err_addcmul_leaf", lambda: x.addcmul_(x, x))
raises("err_lerp_leaf", lambda: x.lerp_(t, 0.5))
