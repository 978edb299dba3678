# Custom torch.autograd.Function, as PyTorch's docs define it ("Extending torch.autograd")
Function = torch.autograd.Function
once_differentiable = torch.autograd.function.once_differentiable


class MyExp(Function):
    @staticmethod
    def forward(ctx, x):
        print("forward sees grad enabled:", torch.is_grad_enabled(), type(x).__name__)
        result = x.exp()
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        print("backward sees grad enabled:", torch.is_grad_enabled())
        (result,) = ctx.saved_tensors
        return grad_output * result


x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
y = MyExp.apply(x)
check("exp_y", y)
print(y)
print(y.grad_fn)
check("exp_name", y.grad_fn.name())
check("exp_graph", graph(y))
check("exp_cls", type(y.grad_fn).__name__)
check("exp_needs", y.grad_fn.needs_input_grad)
check("exp_saved", y.grad_fn.saved_tensors[0])
y.sum().backward()
check("exp_xgrad", x.grad)
raises("exp_saved_after", lambda: y.grad_fn.saved_tensors)
raises("exp_twice", lambda: y.sum().backward())


class MulConstant(Function):
    @staticmethod
    def forward(ctx, tensor, constant):
        ctx.constant = constant
        return tensor * constant

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * ctx.constant, None


a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
b = MulConstant.apply(a, 3.5)
check("mc_b", b)
check("mc_graph", graph(b))
check("mc_attr", b.grad_fn.constant)
check("mc_needs", b.grad_fn.needs_input_grad)
(b * b).sum().backward()
check("mc_grad", a.grad)


class LinearFunction(Function):
    @staticmethod
    def forward(ctx, input, weight, bias=None):
        ctx.save_for_backward(input, weight, bias)
        output = input.mm(weight.t())
        if bias is not None:
            output += bias.unsqueeze(0).expand_as(output)
        return output

    @staticmethod
    def backward(ctx, grad_output):
        input, weight, bias = ctx.saved_tensors
        grad_input = grad_weight = grad_bias = None
        if ctx.needs_input_grad[0]:
            grad_input = grad_output.mm(weight)
        if ctx.needs_input_grad[1]:
            grad_weight = grad_output.t().mm(input)
        if bias is not None and ctx.needs_input_grad[2]:
            grad_bias = grad_output.sum(0)
        return grad_input, grad_weight, grad_bias


inp = torch.arange(6.0).reshape(2, 3)
w = torch.tensor([[0.1, -0.2, 0.3], [0.5, 0.4, -0.6]], requires_grad=True)
bias = torch.tensor([0.25, -0.75], requires_grad=True)
out = LinearFunction.apply(inp, w, bias)
check("lin_out", out)
check("lin_graph", graph(out))
check("lin_needs", out.grad_fn.needs_input_grad)
out.pow(2).sum().backward()
check("lin_wgrad", w.grad)
check("lin_bgrad", bias.grad)
out2 = LinearFunction.apply(inp, w)
check("lin_nobias", out2)
check("lin_nobias_graph", graph(out2))

# 2.x style: forward without ctx, setup_context, once_differentiable


class MyCube(Function):
    @staticmethod
    def forward(x):
        result = x**3
        dx = 3 * x**2
        return result, dx

    @staticmethod
    def setup_context(ctx, inputs, output):
        (x,) = inputs
        _result, dx = output
        ctx.mark_non_differentiable(dx)
        ctx.save_for_backward(x, dx)

    @staticmethod
    def backward(ctx, grad_output, grad_dx):
        _x, dx = ctx.saved_tensors
        check("cube_grad_dx_in_backward", grad_dx)
        return grad_output * dx


xc = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
r, d = MyCube.apply(xc)
check("cube_r", r)
check("cube_d", d)
check("cube_graph", graph(r))
r.sum().backward()
check("cube_xgrad", xc.grad)


class Square(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return 2 * x * g


xs = torch.tensor([1.5, -0.5], requires_grad=True)
(gx,) = torch.autograd.grad(Square.apply(xs).sum(), xs, create_graph=True)
check("sq_first", gx)
gx.sum().backward()
check("sq_second", xs.grad)


class SquareOnce(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    @once_differentiable
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        print("once_differentiable backward grad enabled:", torch.is_grad_enabled())
        return 2 * x * g


xo = torch.tensor([1.5, -0.5], requires_grad=True)
(go,) = torch.autograd.grad(SquareOnce.apply(xo).sum(), xo, create_graph=True)
check("once_first", go)

# several outputs, materialize grads, non-tensor outputs


class Split(Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2, x * 3

    @staticmethod
    def backward(ctx, g1, g2):
        return g1 * 2 + g2 * 3


xm = torch.tensor([1.0, 2.0], requires_grad=True)
p, q = Split.apply(xm)
check("split_p", p)
check("split_q", q)
check("split_pname", p.grad_fn.name())
(p * q).sum().backward()
check("split_grad", xm.grad)
xm.grad = None
p, q = Split.apply(xm)
q.sum().backward()
check("split_q_only", xm.grad)


class NoMaterialize(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.set_materialize_grads(False)
        return x * 2, x * 3

    @staticmethod
    def backward(ctx, g1, g2):
        check("nomat_g1_is_none", g1 is None)
        total = None
        if g1 is not None:
            total = g1 * 2
        if g2 is not None:
            total = g2 * 3 if total is None else total + g2 * 3
        return total


xn = torch.tensor([1.0, 2.0], requires_grad=True)
_, q = NoMaterialize.apply(xn)
q.sum().backward()
check("nomat_grad", xn.grad)


class WithExtras(Function):
    @staticmethod
    def forward(ctx, x, k, name):
        ctx.name = name
        return x * k, k, name

    @staticmethod
    def backward(ctx, g, gk, gname):
        check("extras_gk", gk is None)
        return g * 2, None, None


xe = torch.tensor([1.0, 2.0], requires_grad=True)
res = WithExtras.apply(xe, 2, "hi")
check("extras_res1", res[1])
check("extras_res2", res[2])
check("extras_out", res[0])
res[0].sum().backward()
check("extras_grad", xe.grad)


class Identity(Function):
    @staticmethod
    def forward(ctx, x):
        return x

    @staticmethod
    def backward(ctx, g):
        return g


xi = torch.tensor([1.0, 2.0], requires_grad=True)
yi = Identity.apply(xi)
check("id_is_input", yi is xi)
check("id_y", yi)
check("id_base", yi._base is xi)


class AddOneInplace(Function):
    @staticmethod
    def forward(ctx, x):
        x.add_(1)
        ctx.mark_dirty(x)
        return x

    @staticmethod
    def backward(ctx, g):
        return g


xd = torch.tensor([1.0, 2.0], requires_grad=True)
hd = xd * 2
rd = AddOneInplace.apply(hd)
check("dirty_same", rd is hd)
check("dirty_r", rd)
check("dirty_graph", graph(rd))
check("dirty_version", hd._version)
(rd * rd).sum().backward()
check("dirty_grad", xd.grad)
raises("dirty_leaf", lambda: AddOneInplace.apply(torch.tensor([1.0], requires_grad=True)))

# no grad needed: plain outputs
yn = MyExp.apply(torch.tensor([0.0, 1.0]))
check("nograd_y", yn)
with torch.no_grad():
    check("nograd_ctx", MyExp.apply(x))
xg = torch.tensor([1.0, 2.0], requires_grad=True)
check("int_out", MulConstant.apply(xg, 2).long())

# errors as PyTorch raises them


def _bad(forward, backward):
    return type(
        "Bad", (Function,), {"forward": staticmethod(forward), "backward": staticmethod(backward)}
    )


xb = torch.tensor([1.0, 2.0], requires_grad=True)
cb = torch.tensor([5.0, 6.0])
raises(
    "err_count",
    lambda: _bad(lambda ctx, a, b: a + b, lambda ctx, g: g).apply(xb, xb * 2).sum().backward(),
)
raises(
    "err_count_extra",
    lambda: _bad(lambda ctx, a: a * 2, lambda ctx, g: (g, g)).apply(xb).sum().backward(),
)
raises(
    "ok_extra_none",
    lambda: _bad(lambda ctx, a: a * 2, lambda ctx, g: (g, None, None)).apply(xb).sum().backward(),
)
raises(
    "err_nontensor",
    lambda: _bad(lambda ctx, a, k: a * k, lambda ctx, g: (g, g)).apply(xb, 2.0).sum().backward(),
)
raises("err_type", lambda: _bad(lambda ctx, a: a * 2, lambda ctx, g: 3).apply(xb).sum().backward())
raises(
    "err_shape",
    lambda: _bad(lambda ctx, a: a.sum(), lambda ctx, g: g.expand(3)).apply(xb).backward(),
)
raises(
    "err_shape_idx",
    lambda: (
        _bad(lambda ctx, a, b: a * b, lambda ctx, g: (g, torch.ones(3)))
        .apply(cb, xb)
        .sum()
        .backward()
    ),
)
xb.grad = None
_bad(lambda ctx, a: a * 2, lambda ctx, g: torch.ones(2, 2)).apply(xb).sum().backward()
check("bcast_grad_summed", xb.grad)
xb.grad = None
_bad(lambda ctx, a: a * 2, lambda ctx, g: g.double()).apply(xb).sum().backward()
check("double_grad_cast", xb.grad)
raises(
    "err_save",
    lambda: _bad(lambda ctx, a: (ctx.save_for_backward(a, 3), a)[1], lambda ctx, g: g).apply(xb),
)


class NoBackward(Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2


class NoForward(Function):
    pass


raises("err_nobackward", lambda: NoBackward.apply(xb).sum().backward())
raises("err_noforward", lambda: NoForward.apply(xb))
raises("err_legacy_call", lambda: MyExp()(xb))

# saved tensor modified in place
xv = torch.tensor([1.0, 2.0], requires_grad=True)
hv = xv * 1
yv = Square.apply(hv)
hv.add_(1)
raises("err_version", lambda: yv.sum().backward())

# gradcheck / gradgradcheck on built-in ops and custom Functions
gc = torch.autograd.gradcheck
ggc = torch.autograd.gradgradcheck
x64 = torch.tensor([0.3, -1.2, 0.8], dtype=torch.float64, requires_grad=True)


class QuietExp(Function):
    @staticmethod
    def forward(ctx, x):
        result = x.exp()
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        (result,) = ctx.saved_tensors
        return grad_output * result


check("gc_exp", gc(QuietExp.apply, (x64,)))
check("gc_sin", gc(torch.sin, (x64,)))
check(
    "gc_lin",
    gc(
        LinearFunction.apply,
        (
            torch.ones(2, 3, dtype=torch.float64, requires_grad=True),
            torch.arange(6.0, dtype=torch.float64).reshape(2, 3).requires_grad_(),
            torch.tensor([0.5, 1.0], dtype=torch.float64, requires_grad=True),
        ),
    ),
)
check("gc_tensor_arg", gc(lambda t: (t * t).sum(), x64))
check("ggc_square", ggc(Square.apply, (x64,)))
check("ggc_tanh", ggc(torch.tanh, (x64,)))


class WrongGrad(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x**2

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return 3 * x * g


xw = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
check("gc_wrong_false", gc(WrongGrad.apply, (xw,), raise_exception=False))
try:
    gc(WrongGrad.apply, (xw,))
except RuntimeError as e:
    check("gc_wrong_type", type(e).__name__)
    check("gc_wrong_msg", str(e))
try:
    gc(
        lambda u, v: (u * v, WrongGrad.apply(v)),
        (xw, torch.ones(2, dtype=torch.float64, requires_grad=True)),
    )
except RuntimeError as e:
    check("gc_wrong_msg2", str(e).splitlines()[0])
raises("gc_none_requires", lambda: gc(torch.sin, (torch.ones(2, dtype=torch.float64),)))
check("gc_eps_atol", gc(WrongGrad.apply, (xw,), eps=1e-3, atol=10.0, raise_exception=False))
