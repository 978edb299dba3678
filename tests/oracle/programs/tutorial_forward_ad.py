# PyTorch tutorial "Forward-mode Automatic Differentiation (Beta)":
# https://pytorch.org/tutorials/intermediate/forward_ad_usage.html
# (dual tensors, modules with dual parameters, functional_call, a custom Function with a
# jvp, torch.func.jvp); plus forward vs reverse mode on a small MLP as a lecture shows it.
import functools

fwAD = torch.autograd.forward_ad

torch.manual_seed(0)
primal = torch.randn(10, 10)
tangent = torch.randn(10, 10)


def fn(x, y):
    return x**2 + y**2


plain_tensor = torch.randn(10, 10)
with fwAD.dual_level():
    dual_input = fwAD.make_dual(primal, tangent)
    check("tangent_is_given", fwAD.unpack_dual(dual_input).tangent is tangent)
    dual_output = fn(dual_input, plain_tensor)
    jvp = fwAD.unpack_dual(dual_output).tangent
    check("jvp", jvp)
    check("jvp_by_hand", [jvp - 2 * primal * tangent])
    check("dual_repr", repr(fwAD.make_dual(torch.tensor([1.0, 2.0]), torch.tensor([0.5, -1.0]))))
    check("unpack_plain", fwAD.unpack_dual(plain_tensor).tangent is None)
check("after_exit", fwAD.unpack_dual(dual_output).tangent is None)

# modules: dual parameters
model = nn.Linear(5, 5)
inp = torch.randn(16, 5)
params = {name: p for name, p in model.named_parameters()}
tangents = {name: torch.rand_like(p) for name, p in params.items()}
with fwAD.dual_level():
    for name, p in params.items():
        delattr(model, name)
        setattr(model, name, fwAD.make_dual(p, tangents[name]))
    out = model(inp)
    check("module_jvp", fwAD.unpack_dual(out).tangent.detach())

# the functional module API
model = nn.Linear(5, 5)
params = {name: p for name, p in model.named_parameters()}
tangents = {name: torch.rand_like(p) for name, p in params.items()}
with fwAD.dual_level():
    dual_params = {name: fwAD.make_dual(p, tangents[name]) for name, p in params.items()}
    out = torch.func.functional_call(model, dual_params, inp)
    check("functional_call_jvp", fwAD.unpack_dual(out).tangent.detach())

# torch.func.jvp
x = torch.randn(5)
t = torch.randn(5)
out, jvp_out = torch.func.jvp(torch.sin, (x,), (t,))
check("func_jvp_sin", [out, jvp_out, jvp_out - torch.cos(x) * t])


def f3(x, y):
    return x * y


check("func_jvp_partial", torch.func.jvp(functools.partial(f3, y=torch.ones(5)), (x,), (t,)))
check("func_jvp_two", torch.func.jvp(f3, (x, torch.full((5,), 2.0)), (t, torch.ones(5))))
check("func_jvp_aux", torch.func.jvp(lambda a: (a.exp(), a.sum()), (x,), (t,), has_aux=True))
raises("func_jvp_not_tuple", lambda: torch.func.jvp(torch.sin, x, (t,)))
raises("func_jvp_structure", lambda: torch.func.jvp(f3, (x, x), (t,)))
raises("func_jvp_strict", lambda: torch.func.jvp(lambda a: torch.ones(2), (x,), (t,), strict=True))

# errors
raises("no_level", lambda: fwAD.make_dual(x, t))
with fwAD.dual_level():
    raises("size", lambda: fwAD.make_dual(x, torch.ones(3)))
    raises("int_primal", lambda: fwAD.make_dual(torch.tensor([1, 2]), torch.tensor([1, 0])))
    raises("nested", lambda: fwAD.dual_level().__enter__())

# forward mode vs reverse mode: a column of the Jacobian per forward pass, a row per backward
torch.manual_seed(1)
net = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))
x0 = torch.randn(3)
cols = []
with fwAD.dual_level():
    for i in range(3):
        e = torch.zeros(3)
        e[i] = 1.0
        cols.append(fwAD.unpack_dual(net(fwAD.make_dual(x0, e))).tangent)
J_fwd = torch.stack(cols, dim=1)
rows = []
for j in range(2):
    xr = x0.clone().requires_grad_()
    (g,) = torch.autograd.grad(net(xr)[j], xr)
    rows.append(g)
J_rev = torch.stack(rows)
check("jacobian_forward", J_fwd.detach())
check("jacobian_reverse", J_rev)
check("jacobian_match", torch.allclose(J_fwd, J_rev))
check("jacobian_func", torch.func.jacfwd(net)(x0).detach())

# in-place ops on a dual tensor update its tangent (in place, as PyTorch does)
with fwAD.dual_level():
    p = torch.tensor([1.0, 2.0, 3.0])
    tg = torch.tensor([1.0, 0.0, -1.0])
    d = fwAD.make_dual(p, tg)
    d.mul_(2)
    d.exp_()
    d.add_(torch.ones(3))
    check("inplace", [fwAD.unpack_dual(d).primal, fwAD.unpack_dual(d).tangent, tg, p])
    y = d.sum()
    check("inplace_sum", fwAD.unpack_dual(y).tangent)
    z = fwAD.make_dual(torch.tensor([0.5, -0.5]), torch.tensor([1.0, 1.0]))
    check(
        "ops",
        [
            fwAD.unpack_dual(torch.relu(z)).tangent,
            fwAD.unpack_dual(torch.sigmoid(z)).tangent,
            fwAD.unpack_dual(z.tanh()).tangent,
            fwAD.unpack_dual(z.softmax(0)).tangent,
            fwAD.unpack_dual((z @ z)).tangent,
            fwAD.unpack_dual(z[1]).tangent,
            fwAD.unpack_dual(z.max()).tangent,
            fwAD.unpack_dual(F.mse_loss(z, torch.zeros(2))).tangent,
        ],
    )
    check("argmax_no_tangent", fwAD.unpack_dual(z.argmax()).tangent is None)
    check("compare_no_tangent", fwAD.unpack_dual(z > 0).tangent is None)
    check("detach_no_tangent", fwAD.unpack_dual(z.detach()).tangent is None)
    with torch.no_grad():
        check("no_grad_still", fwAD.unpack_dual(z.exp()).tangent)


# a custom Function with its own jvp (the tutorial's), checked by gradcheck in forward mode
class Fn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, foo):
        result = torch.exp(foo)
        ctx.result = result
        return result

    @staticmethod
    def jvp(ctx, gI):
        gO = gI * ctx.result
        ctx.result = None
        return gO


torch.manual_seed(3)
primal = torch.randn(3, 3, dtype=torch.double, requires_grad=True)
tangent = torch.randn(3, 3, dtype=torch.double)
with fwAD.dual_level():
    dual_output = Fn.apply(fwAD.make_dual(primal, tangent))
    check("custom_jvp", fwAD.unpack_dual(dual_output).tangent)
check(
    "gradcheck_forward",
    torch.autograd.gradcheck(
        Fn.apply,
        (primal,),
        check_forward_ad=True,
        check_backward_ad=False,
        check_undefined_grad=False,
        check_batched_grad=False,
    ),
)


class WrongJvp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, foo):
        return foo * 2

    @staticmethod
    def backward(ctx, g):
        return g * 2

    @staticmethod
    def jvp(ctx, gI):
        return gI * 3


xd = torch.randn(3, dtype=torch.double, requires_grad=True)
raises(
    "gradcheck_forward_wrong",
    lambda: torch.autograd.gradcheck(
        WrongJvp.apply, (xd,), check_forward_ad=True, check_backward_ad=False
    ),
)
check("gradcheck_both", torch.autograd.gradcheck(torch.tanh, (xd,), check_forward_ad=True))


class NoJvp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, foo):
        return foo * 2

    @staticmethod
    def backward(ctx, g):
        return g * 2


with fwAD.dual_level():
    raises(
        "no_jvp",
        lambda: NoJvp.apply(fwAD.make_dual(xd.detach(), torch.ones(3, dtype=torch.double))),
    )
