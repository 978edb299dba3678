# Legacy course notes' torch.autograd.Variable; Tensor.is_inference() and inference_mode;
# the *_like random functions' arguments (generator=, low/high by name, PyTorch's errors).
# Random values are never compared: shapes, dtypes, ranges, and equality of two draws from
# generators seeded alike.
import warnings

Variable = torch.autograd.Variable  # (``from torch.autograd import Variable`` in the notes)

# ---------------------------------------------------------------- Variable
t = torch.ones(2)
v = Variable(t)
check("Variable(t)", v)
check("Variable(t).flags", (v is t, v.requires_grad, v.is_leaf, v.grad_fn))
v = Variable(t, requires_grad=True)
check("Variable(t, rg)", v)
check("isinstance", (isinstance(t, Variable), isinstance(v, Variable), isinstance(3, Variable)))
check("issubclass", (issubclass(type(t), Variable), issubclass(nn.Parameter, Variable)))
check("data", v.data)
x = Variable(torch.ones(2) * 3, requires_grad=True)
y = (x * x).sum()
y.backward()
check("x.grad", x.grad)
check("x.grad.data", x.grad.data)
a = torch.ones(2, requires_grad=True) * 2
va = Variable(a)
check("Variable(non-leaf)", (va.requires_grad, va.grad_fn, va.is_leaf))
check("Variable()", Variable())
check("Variable(None)", Variable(None))
check("Variable(0-d)", Variable(torch.tensor(3.0)))
check("Variable(int)", Variable(torch.tensor([1, 2])))
check("Variable(t, False, False)", Variable(t, False, False))
check("Variable(rg=1)", Variable(t, requires_grad=1).requires_grad)
check("torch.autograd.variable", torch.autograd.variable.Variable is Variable)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    vv = Variable(torch.ones(2), volatile=True)
    check("volatile.warn", [(x.category.__name__, str(x.message)) for x in w])
    check("volatile.rg", vv.requires_grad)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    check("t.volatile", vv.volatile)
    check("t.volatile.warn", [(x.category.__name__, str(x.message)) for x in w])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    Variable(t, volatile=False)
    check("volatile=False.warn", [str(x.message) for x in w])
raises("Variable(3)", lambda: Variable(3))
raises("Variable(list)", lambda: Variable([1, 2]))
raises("Variable(rg='x')", lambda: Variable(t, requires_grad="x"))
raises("Variable(rg=1.5)", lambda: Variable(t, requires_grad=1.5))
raises("Variable(rg=None)", lambda: Variable(t, requires_grad=None))
raises("Variable(foo=1)", lambda: Variable(t, foo=1))
raises("Variable(volatile+rg)", lambda: Variable(t, True, True))
raises("Variable(int, rg)", lambda: Variable(torch.tensor([1, 2]), requires_grad=True))
raises("Variable(_grad_fn=3)", lambda: Variable(t, True, False, 3))

# ---------------------------------------------------------------- inference mode
check("mode.default", torch.is_inference_mode_enabled())
x = torch.ones(2)
w = torch.ones(2, requires_grad=True)
lin = nn.Linear(2, 1)
with torch.inference_mode():
    check("mode.inside", torch.is_inference_mode_enabled())
    check("grad.inside", torch.is_grad_enabled())
    a = torch.ones(2)
    b = x * 2
    c = lin(x)
    d = torch.tensor([1.0])
    e = w + 1
    f = torch.zeros(2).exp()
    with torch.inference_mode(False):
        check("mode.nested_false", torch.is_inference_mode_enabled())
        g = x * 3
check("mode.after", torch.is_inference_mode_enabled())
check("is_inference.outside", (x.is_inference(), w.is_inference(), lin.weight.is_inference()))
check(
    "is_inference.inside",
    (a.is_inference(), b.is_inference(), c.is_inference(), d.is_inference(), e.is_inference()),
)
check("is_inference.f", f.is_inference())
check("is_inference.nested_false", g.is_inference())
check("e", e)
check("c.requires_grad", c.requires_grad)
with torch.no_grad():
    h = x * 2
check("no_grad.is_inference", h.is_inference())
check("later_op.is_inference", (b * 2).is_inference())


@torch.inference_mode()
def infer(t):
    return t.exp()


check("decorator", infer(x).is_inference())
check("decorator.after", torch.is_inference_mode_enabled())

with torch.inference_mode():
    it = torch.ones(2)
    check("inference.param_inside", nn.Parameter(it).requires_grad)
raises("inference.requires_grad_", lambda: it.requires_grad_())
raises("inference.requires_grad=", lambda: setattr(it, "requires_grad", True))
raises("inference.Parameter", lambda: nn.Parameter(it))
check("inference.requires_grad_(False)", it.requires_grad_(False).requires_grad)
check("inference.Parameter(rg=False)", nn.Parameter(it, requires_grad=False).requires_grad)
check("inference.detach", it.detach().is_inference())
check("inference.clone", it.clone().is_inference())
check("inference.op_outside", (it * 1).is_inference())

# ---------------------------------------------------------------- *_like random
x = torch.zeros(2, 3)
r = torch.randint_like(x, 10, generator=torch.Generator().manual_seed(3))
r2 = torch.randint_like(x, 10, generator=torch.Generator().manual_seed(3))
check("randint_like.gen.same", torch.equal(r, r2))
check("randint_like.gen.meta", (r.dtype, r.shape, bool((r >= 0).all()), bool((r < 10).all())))
r = torch.randint_like(x, 2, 5, generator=torch.Generator().manual_seed(1))
check("randint_like.low_high", (r.dtype, bool((r >= 2).all()), bool((r < 5).all())))
r = torch.randint_like(x, high=4)
check("randint_like.high=", (r.shape, bool((r < 4).all())))
r = torch.randint_like(x, low=-3, high=0)
check("randint_like.low=,high=", bool((r < 0).all()))
check("randint_like.dtype", torch.randint_like(x, 10, dtype=torch.int32).dtype)
check("randint_like.long", torch.randint_like(torch.zeros(2, dtype=torch.long), 7).dtype)
check("randint_like.tensor_high", torch.randint_like(x, torch.tensor(10)).shape)
check("randint_like.gen_none", torch.randint_like(x, 10, generator=None).shape)
check("randint_like.rg", torch.randint_like(x, 10, requires_grad=True).requires_grad)
g1 = torch.Generator().manual_seed(5)
g2 = torch.Generator().manual_seed(5)
check(
    "rand_like.gen", torch.equal(torch.rand_like(x, generator=g1), torch.rand_like(x, generator=g2))
)
check(
    "randn_like.gen",
    torch.equal(torch.randn_like(x, generator=g1), torch.randn_like(x, generator=g2)),
)
check("rand_like.gen_none", torch.rand_like(x, generator=None).shape)
check("rand_like.dtype", torch.rand_like(x, dtype=torch.float64).dtype)
raises("randint_like(gen=3)", lambda: torch.randint_like(x, 10, generator=3))
raises("rand_like(gen=3)", lambda: torch.rand_like(x, generator=3))
raises("randn_like(foo=3)", lambda: torch.randn_like(x, foo=3))
raises("randint_like(10.5)", lambda: torch.randint_like(x, 10.5))
raises("randint_like()", lambda: torch.randint_like(x))
raises("randint_like(10, low=2)", lambda: torch.randint_like(x, 10, low=2))
raises("randint_like(low=3)", lambda: torch.randint_like(x, low=3))
raises("randint_like(2, 10, 5)", lambda: torch.randint_like(x, 2, 10, 5))
raises("randint_like(True)", lambda: torch.randint_like(x, True))
raises("randint_like(5, 2)", lambda: torch.randint_like(x, 5, 2))
raises("randint_like(1, 1)", lambda: torch.randint_like(x, 1, 1))
raises("randint_like(tensor[2])", lambda: torch.randint_like(x, torch.tensor([3, 4])))
raises("rand_like(gen positional)", lambda: torch.rand_like(x, torch.Generator()))
raises("rand_like(3)", lambda: torch.rand_like(3))
raises("randn_like(long)", lambda: torch.randn_like(torch.zeros(2, dtype=torch.long)))
raises("rand_like(long)", lambda: torch.rand_like(torch.zeros(2, dtype=torch.long)))
raises(
    "randint_like(long, rg)",
    lambda: torch.randint_like(torch.zeros(2, dtype=torch.long), 10, requires_grad=True),
)

# memory_format / layout constants as the *_like functions take them
check("formats", (str(torch.preserve_format), str(torch.contiguous_format), str(torch.strided)))
check("layout", x.layout)
check("type(strided)", type(torch.strided).__name__)
check("type(preserve_format)", type(torch.preserve_format).__name__)
r = torch.randint_like(x, 10, memory_format=torch.preserve_format)
check("randint_like.memory_format", r.shape)
r = torch.rand_like(x, memory_format=torch.contiguous_format, layout=torch.strided)
check("rand_like.formats", r.shape)
check("clone.memory_format", x.clone(memory_format=torch.contiguous_format).shape)
raises("rand_like(memory_format=3)", lambda: torch.rand_like(x, memory_format=3))
raises("rand_like(layout=format)", lambda: torch.rand_like(x, layout=torch.contiguous_format))
