# no_grad / enable_grad / set_grad_enabled / is_grad_enabled; tensors created under no_grad
x = torch.tensor([1.0, 2.0], requires_grad=True)
check("default", torch.is_grad_enabled())
with torch.no_grad():
    y = x * 2
    check("in_no_grad", torch.is_grad_enabled())
    z = torch.ones(2, requires_grad=True)
    check("created_rg_in_no_grad", z)
    w = z * 3
    check("op_on_rg_in_no_grad", w)
    with torch.enable_grad():
        check("enable_inside_no_grad", torch.is_grad_enabled())
        e = x * 2
    check("back_to_no_grad", torch.is_grad_enabled())
check("y", y)
check("y.flags", (y.requires_grad, y.is_leaf, y.grad_fn))
check("e", e)
check("after", torch.is_grad_enabled())
r = torch.set_grad_enabled(False)
check("set_false", torch.is_grad_enabled())
y2 = x + 1
check("y2", y2)
torch.set_grad_enabled(True)
check("set_true", torch.is_grad_enabled())
with torch.set_grad_enabled(False):
    y3 = x * x
    check("cm_false", torch.is_grad_enabled())
check("cm_restored", torch.is_grad_enabled())
check("y3", y3)
with torch.set_grad_enabled(True):
    y4 = x * x
check("y4", y4)


@torch.no_grad()
def infer(t):
    return t * 10


check("decorator", infer(x))
check("decorator.restored", torch.is_grad_enabled())


@torch.enable_grad()
def train(t):
    return t * 10


with torch.no_grad():
    r = train(x)
check("enable_grad_decorator", r)
with torch.no_grad():
    pass
try:
    with torch.no_grad():
        raise ValueError("boom")
except ValueError:
    pass
check("restored_after_exception", torch.is_grad_enabled())
with torch.inference_mode():
    check("inference_mode", torch.is_grad_enabled())
# requires_grad flag setting
t = torch.tensor([1.0])
t.requires_grad = True
check("set_attr", t)
t.requires_grad_(False)
check("requires_grad_False", t)
raises("int_requires_grad", lambda: torch.tensor([1, 2], requires_grad=True))
raises("int_requires_grad_", lambda: torch.tensor([1, 2]).requires_grad_())
raises("int_requires_grad_attr", lambda: setattr(torch.tensor([1]), "requires_grad", True))
raises("bool_requires_grad", lambda: torch.tensor([True]).requires_grad_())
raises("nonleaf_requires_grad_false", lambda: setattr(x * 2, "requires_grad", False))
check("nonleaf_requires_grad_true_ok", (x * 2).requires_grad_(True).requires_grad)
raises("ones_int_rg", lambda: torch.ones(2, dtype=torch.int64, requires_grad=True))
raises("arange_rg", lambda: torch.arange(3, requires_grad=True))
check("arange_float_rg", torch.arange(3.0, requires_grad=True))

# decorators on generator functions: the mode holds at every resume (PyTorch's _wrap_generator)
w = torch.ones(2, requires_grad=True)


@torch.no_grad()
def gen_no_grad(n):
    for i in range(n):
        got = yield (w * i).requires_grad, torch.is_grad_enabled()
        check(f"gen_sent_{i}", got)


g = gen_no_grad(3)
check("gen_first", next(g))
check("gen_send", g.send("hello"))
check("gen_name", gen_no_grad.__name__)
check("gen_outside_mode", torch.is_grad_enabled())


@torch.no_grad
def gen_bare(n):
    for i in range(n):
        yield (w * i).requires_grad
    return "done"


check("gen_bare", list(gen_bare(2)))
check("bare_is_function", type(torch.no_grad(lambda: 1)).__name__)


@torch.enable_grad()
def gen_enable():
    yield (w * 2).requires_grad


with torch.no_grad():
    check("gen_enable", list(gen_enable()))


@torch.set_grad_enabled(False)
def gen_set():
    yield torch.is_grad_enabled()


check("set_grad_enabled_decorator_restores", torch.is_grad_enabled())
check("gen_set", list(gen_set()))
check("set_grad_enabled_repr", repr(torch.set_grad_enabled(True)))


@torch.inference_mode()
def gen_inf():
    yield torch.is_inference_mode_enabled()


check("gen_inference", list(gen_inf()))


def thrower():
    try:
        yield 1
    except KeyError:
        yield torch.is_grad_enabled()


gt = torch.no_grad()(thrower)()
next(gt)
check("gen_throw_mode", gt.throw(KeyError("k")))
gt.close()
