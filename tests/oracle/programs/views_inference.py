# inference_mode: which tensors are inference tensors (op results, creation functions,
# views of them, detach()), views of normal tensors made inside (requires_grad, in-place
# outside: PyTorch's errors), in-place changes of inference tensors outside inference
# mode (every in-place path: methods, operators, setitem, fills, random fills), the
# version counter, requires_grad_, and saving an inference tensor for backward.
x = torch.tensor([1.0, 2.0, 3.0])
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
with torch.inference_mode():
    xv = x[0:2]
    wv = w[0:2]
    xi = x * 2
    wi = w * 2
    c = torch.ones(3)
    xiv = xi[0:1]
    check("in.xv", (xv, xv.is_inference()))
    check("in.wv", (wv, wv.is_inference()))
    print(wv)
    check("in.xi", (xi, xi.is_inference()))
    check("in.wi", (wi, wi.is_inference()))
    check("in.c", (c, c.is_inference()))
    check("in.xiv", xiv.is_inference())
    check("in.x_slice", x[0:2].is_inference())
    check("in.x_times", (x * 1).is_inference())
    raises("in.xv.add_", lambda: xv.add_(1))
    raises("in.xi.add_", lambda: xi.add_(1))
    raises("in.x.add_", lambda: x.add_(1))
    raises("in.xi.setitem", lambda: xi.__setitem__(0, 5.0))
    raises("in.c.zero_", lambda: c.zero_())
    raises("in.c.iadd", lambda: c.__iadd__(2))
    raises("in.xi.requires_grad_", lambda: xi.requires_grad_().requires_grad)
    xi.requires_grad_(False)

check("out.xv", (xv, xv.is_inference(), xv.requires_grad, xv.is_leaf))
check("out.wv", (wv.is_inference(), wv.requires_grad, wv.is_leaf, wv.grad_fn))
check("out.xi", (xi, xi.is_inference(), xi.requires_grad, xi.is_leaf))
check("out.c", c)
raises("out.xv.add_", lambda: xv.add_(1))
raises("out.wv.add_", lambda: wv.add_(1))
raises("out.wv.mul_rg", lambda: wv.mul_(torch.ones(2, requires_grad=True)))
INPLACE = [
    ("add_", lambda t: t.add_(1)),
    ("sub_t", lambda t: t.sub_(torch.ones(3))),
    ("mul_", lambda t: t.mul_(2)),
    ("div_", lambda t: t.div_(2)),
    ("setitem", lambda t: t.__setitem__(0, 5.0)),
    ("setitem_mask", lambda t: t.__setitem__(t > 1, 5.0)),
    ("iadd", lambda t: t.__iadd__(1)),
    ("isub_t", lambda t: t.__isub__(torch.ones(3))),
    ("imul", lambda t: t.__imul__(2.0)),
    ("zero_", lambda t: t.zero_()),
    ("fill_", lambda t: t.fill_(1)),
    ("copy_", lambda t: t.copy_(x)),
    ("exp_", lambda t: t.exp_()),
    ("clamp_", lambda t: t.clamp_(0, 1)),
    ("pow_", lambda t: t.pow_(2)),
    ("view.add_", lambda t: t[0:1].add_(1)),
    ("view.iadd", lambda t: t.view(3).__iadd__(1)),
    ("detach.add_", lambda t: t.detach().add_(1).is_inference()),
]
for name, fn in INPLACE:
    raises("out.xi." + name, lambda: fn(xi))
    with torch.no_grad():
        raises("out.no_grad.c." + name, lambda: fn(c))
check("out.xi.after", xi)
# (random fills write their values before PyTorch raises: only the error is compared)
for name, fn in [("uniform_", lambda t: t.uniform_()), ("normal_", lambda t: t.normal_())]:
    with torch.inference_mode():
        r = torch.zeros(3)
    raises("out.random." + name, lambda: fn(r))
check("out.view_is_inference", (xi[0:1].is_inference(), xi.t().is_inference()))
check("out.detach_is_inference", xi.detach().is_inference())
check("out.clone", (xi.clone().is_inference(), xi.clone().add_(1)))
check("out.op_result", ((xi * 2).is_inference(), (xi + x).is_inference()))
raises("out.version", lambda: xi._version)
raises("out.requires_grad_", lambda: xi.requires_grad_())
raises("out.requires_grad_attr", lambda: setattr(xi, "requires_grad", True))

# saving an inference tensor for backward
SAVE = [
    ("mul", lambda: w * xi),
    ("rmul", lambda: xi * w),
    ("add", lambda: w + xi),
    ("sub", lambda: xi - w),
    ("div_num", lambda: w / xi),
    ("matmul", lambda: w.unsqueeze(0) @ xi.unsqueeze(1)),
    ("linear", lambda: F.linear(c.unsqueeze(0), w.unsqueeze(0))),
    ("cat", lambda: torch.cat([w, xi])),
    ("exp_only_inference", lambda: xi.exp()),
    ("mul_two_inference", lambda: xi * xi),
    ("no_grad", lambda: torch.no_grad()(lambda: w * xi)()),
]
for name, fn in SAVE:
    raises("save." + name, fn)
y = (w + xi).sum()
y.backward()
check("save.add.grad", w.grad)

# a view made in inference mode, changed inside it, used outside
w2 = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
with torch.inference_mode():
    v2 = w2[0:2]
    v2.add_(1)
    print(v2)
print(v2)
raises("stale.mul", lambda: v2 * w2[0:2])
check("stale.w2", w2)

# a view of an inference-mode view in grad mode; split pieces
w3 = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
with torch.inference_mode():
    v3 = w3[1:]
    a, b = w3.split(2)
u3 = v3[0:1]
check("vov", u3)
check("vov.graph", graph(u3))
raises("vov.add_", lambda: u3.add_(1))
raises("split.add_", lambda: a.add_(1))
check("ops_on_view", v3 + 1)
check("ops_on_view.graph", graph(v3 * w3[1:]))

# nn in inference mode, then training outside
torch.manual_seed(0)
lin = nn.Linear(3, 2)
with torch.inference_mode():
    out = lin(c.unsqueeze(0))
check("nn.out", (out.is_inference(), out.requires_grad, out.shape))
raises("nn.train_on_inference", lambda: lin(xi.unsqueeze(0)).sum().backward())
raises("nn.train_on_clone", lambda: lin(xi.clone().unsqueeze(0)).sum().backward())
