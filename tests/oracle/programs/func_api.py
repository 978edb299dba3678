# torch.func as the PyTorch tutorials use it: "Per-sample-gradients" (functional_call +
# vmap(grad)), "Jacobians, Hessians, hvp, vhp, and more" (jacrev, jacfwd, hessian,
# vmap(jacrev), vjp), "Model ensembling" (stack_module_state + vmap(functional_call));
# pytrees of parameters (dicts), argnums, has_aux, in_dims/out_dims, and the errors.
functional_call = torch.func.functional_call
grad = torch.func.grad
grad_and_value = torch.func.grad_and_value
hessian = torch.func.hessian
jacfwd = torch.func.jacfwd
jacrev = torch.func.jacrev
stack_module_state = torch.func.stack_module_state
vjp = torch.func.vjp
vmap = torch.func.vmap

x = torch.tensor([1.0, 2.0, 3.0])
check("grad", grad(lambda t: (t**2).sum())(x))
check("grad sin", grad(lambda t: t.sin().sum())(x))
check("grad grad", grad(grad(lambda t: t.sin().sum() * 1.0 if t.dim() == 0 else t.sin()))(x[0]))
check("grad of grad cube", grad(grad(lambda t: t**3))(torch.tensor(2.0)))
check("grad_and_value", grad_and_value(lambda t: (t**2).sum())(x))
check("argnums", grad(lambda a, b: (a * b).sum(), argnums=(0, 1))(x, x + 1))
check("argnums 1", grad(lambda a, b: (a * b**2).sum(), argnums=1)(x, x + 1))
check("has_aux", grad(lambda t: ((t**2).sum(), t.mean()), has_aux=True)(x))
check("unused", grad(lambda a, b: b.sum())(x, x))
check("dict", grad(lambda p: (p["w"] * p["b"]).sum())({"w": x, "b": x * 2}))
xr = torch.tensor([1.0, 2.0], requires_grad=True)
g = grad(lambda t: (t**3).sum())(xr)
check("composes", (g, g.requires_grad))
g.sum().backward()
check("outer grad", xr.grad)
raises("vec out", lambda: grad(lambda t: t * 2)(x))
raises("float out", lambda: grad(lambda t: 3.0)(x))
raises("float arg", lambda: grad(lambda t: t.sum())(3.0))
raises("argnum", lambda: grad(lambda t: t.sum(), argnums=1)(x))
raises("aux", lambda: grad(lambda t: t.sum(), has_aux=True)(x))

out, fn = vjp(lambda t: t.sin() * 2, x)
check("vjp out", out)
check("vjp", fn(torch.tensor([1.0, 0.5, 0.25])))
out, fn = vjp(lambda a, b: (a * b, a + b), x, x * 3)
check("vjp two", fn((torch.ones(3), torch.ones(3) * 2)))
raises("vjp shape", lambda: fn((torch.ones(2), torch.ones(3))))

check("jacrev", jacrev(lambda t: t.sin() * t)(x))
check("jacfwd", jacfwd(lambda t: t.exp() * t.sum())(x))
check("jacrev tuple out", jacrev(lambda t: (t * 2, t.sum()))(x))
check("jacrev argnums", jacrev(lambda a, b: a * b, argnums=(0, 1))(x, x + 1))
check("jacrev dict", jacrev(lambda p: p["a"] * 2 + p["b"])({"a": x, "b": x}))
check("jacrev aux", jacrev(lambda t: (t**2, t.sum()), has_aux=True)(x))
check("hessian", hessian(lambda t: (t**3).sum() + (t[0] * t[1]))(x))
check("hessian matrix", hessian(lambda m: (m @ m).sum())(torch.tensor([[1.0, 2.0], [3.0, 4.0]])))
W = torch.arange(12.0).reshape(4, 3) / 10
b = torch.arange(4.0) / 5


def predict(weight, bias, t):
    return torch.nn.functional.linear(t, weight, bias).tanh()


check("jac predict", jacrev(predict, argnums=2)(W, b, x))
check("jac predict fwd", jacfwd(predict, argnums=2)(W, b, x))
check("jac predict W", jacrev(predict, argnums=(0, 1))(W, b, x))
batch = torch.arange(6.0).reshape(2, 3) / 4
check("vmap jacrev", vmap(jacrev(predict, argnums=2), in_dims=(None, None, 0))(W, b, batch))
check("hessian predict", hessian(lambda t: predict(W, b, t).sum(), argnums=0)(x))

# vmap
check("vmap dot", vmap(torch.dot)(batch, batch + 1))
check("vmap in_dims", vmap(lambda a, c: a * c, in_dims=(1, None))(batch, torch.tensor(2.0)))
check("vmap out_dims", vmap(lambda a: a * 2, out_dims=1)(batch))
check("vmap nested", vmap(vmap(lambda a: a.sum()))(batch))
check("vmap tuple out", vmap(lambda a: (a.sum(), a.max()))(batch))
check("vmap neg dim", vmap(lambda a: a.mean(), in_dims=-1)(batch))
check("vmap dict", vmap(lambda d: d["a"] + d["b"])({"a": batch, "b": batch * 2}))
check("vmap kw", vmap(lambda a, scale=1.0: a * scale)(batch, scale=3.0))
raises("vmap float", lambda: vmap(lambda a: a)(3.0))
raises("vmap sizes", lambda: vmap(lambda a, c: a + c)(torch.ones(2, 3), torch.ones(3, 3)))
raises("vmap oob", lambda: vmap(lambda a: a, in_dims=2)(torch.ones(2, 3)))
raises("vmap in_dims len", lambda: vmap(lambda a, c: a, in_dims=(0,))(batch, batch))
raises("vmap none", lambda: vmap(lambda a: a, in_dims=None)(batch))
raises("vmap ret float", lambda: vmap(lambda a: 1.0)(batch))
raises("vmap 0d", lambda: vmap(lambda a: a)(torch.tensor(1.0)))


# per-sample gradients (the tutorial's model, smaller)
class SimpleNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(3, 4)
        self.fc2 = nn.Linear(4, 2)

    def forward(self, t):
        return self.fc2(torch.relu(self.fc1(t)))


model = SimpleNet()
with torch.no_grad():
    for i, p in enumerate(model.parameters()):
        p.copy_(torch.arange(p.numel(), dtype=torch.float32).reshape(p.shape) / (7 + i) - 0.3)
data = torch.arange(12.0).reshape(4, 3) / 6 - 0.5
targets = torch.tensor([0, 1, 1, 0])
params = {k: v.detach() for k, v in model.named_parameters()}
buffers = {k: v.detach() for k, v in model.named_buffers()}


def compute_loss(params, buffers, sample, target):
    batch = sample.unsqueeze(0)
    targets = target.unsqueeze(0)
    predictions = functional_call(model, (params, buffers), (batch,))
    return torch.nn.functional.cross_entropy(predictions, targets)


ft_compute_grad = grad(compute_loss)
ft_compute_sample_grad = vmap(ft_compute_grad, in_dims=(None, None, 0, 0))
per_sample = ft_compute_sample_grad(params, buffers, data, targets)
check("per-sample keys", list(per_sample))
for k, v in per_sample.items():
    check("per-sample " + k, v)
manual = []
for i in range(4):
    model.zero_grad()
    loss = torch.nn.functional.cross_entropy(model(data[i : i + 1]), targets[i : i + 1])
    loss.backward()
    manual.append(model.fc1.weight.grad.clone())
check("manual", torch.stack(manual))
check("functional_call", functional_call(model, params, data))
check("functional_call one arg", functional_call(model, params, data[0]))
check("model intact", model.fc1.weight)
check("functional_call new", functional_call(model, {"fc1.bias": torch.zeros(4)}, (data,)))
raises(
    "functional_call strict",
    lambda: functional_call(model, {"fc1.bias": torch.zeros(4)}, (data,), strict=True),
)

# model ensembling
models = [SimpleNet() for _ in range(3)]
with torch.no_grad():
    for j, m in enumerate(models):
        for i, p in enumerate(m.parameters()):
            p.copy_(
                torch.arange(p.numel(), dtype=torch.float32).reshape(p.shape) / (5 + i + j) - 0.2
            )
sp, sb = stack_module_state(models)
check("stacked", {k: (v.shape, v.requires_grad, v.is_leaf) for k, v in sp.items()})
check("stacked fc2.bias", sp["fc2.bias"])


def fmodel(params, buffers, t):
    return functional_call(models[0], (params, buffers), (t,))


# (vmap here loops and stacks: its result's grad_fn is StackBackward0, PyTorch's the batched
# op's node; the values are compared)
check("ensemble same minibatch", vmap(fmodel, in_dims=(0, 0, None))(sp, sb, data).detach())
check("ensemble", torch.stack([m(data) for m in models]))
