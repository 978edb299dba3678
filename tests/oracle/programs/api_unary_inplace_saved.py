# log10/log2/log1p/expm1/exp2/rsqrt/reciprocal/sinh/cosh/tan/asin/acos/atan/atan2/erf/
# floor/ceil/round/trunc/frac/clamp_min/clamp_max as torch functions and methods (values,
# grads, grad_fn names, int inputs, errors); in-place unary ops (cos_, exp_, clamp_, ...)
# with PyTorch's autograd rules; F.one_hot; torch.autograd.Variable; grad_fn._saved_*;
# inference_mode; in-place random fills (uniform_, normal_ ...: shapes and rules only)
ops = [
    "log10",
    "log2",
    "log1p",
    "expm1",
    "exp2",
    "rsqrt",
    "reciprocal",
    "sinh",
    "cosh",
    "tan",
    "asin",
    "acos",
    "atan",
    "arcsin",
    "arccos",
    "arctan",
    "erf",
    "floor",
    "ceil",
    "round",
    "trunc",
    "fix",
    "frac",
    "square",
    "exp",
    "log",
    "sqrt",
    "sigmoid",
    "tanh",
    "sin",
    "cos",
    "abs",
    "neg",
    "relu",
]
for name in ops:
    with section(name):
        x = torch.tensor([0.3, 0.6, -0.45, 0.05, 0.99, -0.8, 2.5, -1.5], requires_grad=True)
        xp = torch.tensor([0.3, 0.6, 0.45, 1.05, 2.99, 0.8, 2.5, 1.5], requires_grad=True)
        inp = xp if name in ("log10", "log2", "log", "sqrt", "rsqrt") else x
        y = getattr(torch, name)(inp)
        check(name + ".value", y)
        check(name + ".grad_fn", y.grad_fn.name() if y.grad_fn is not None else None)
        check(name + ".method", getattr(inp, name)())
        (y * torch.arange(1.0, 9.0)).sum().backward()
        check(name + ".grad", inp.grad)
        d = torch.tensor([0.25, 0.5, 1.5], dtype=torch.float64, requires_grad=True)
        yd = getattr(torch, name)(d)
        yd.sum().backward()
        check(name + ".f64", yd)
        check(name + ".f64.grad", d.grad)
        raises(name + ".int", lambda: getattr(torch, name)(torch.tensor([1, 2, 4])))
        raises(name + ".list", lambda: getattr(torch, name)([1.0]))

with section("special_values"):
    v = torch.tensor([0.0, -0.0, 1.0, -1.0, float("inf"), float("-inf"), float("nan"), 1e-30])
    for name in ("log10", "log2", "log1p", "expm1", "exp2", "rsqrt", "reciprocal", "erf", "atan"):
        check("special." + name, getattr(torch, name)(v))
    check("special.erf_big", torch.erf(torch.tensor([3.5, -4.0, 6.0, 10.0, 2.9, 3.1])))
    check("special.asin_out", torch.asin(torch.tensor([1.5, -2.0, 1.0])))
    check("special.round_half", torch.round(torch.tensor([0.5, 1.5, 2.5, -0.5, -1.5, 2.4999])))
    check("special.round_decimals", torch.round(torch.tensor([1.2345, 2.5, -0.125]), decimals=2))
    check("special.round_neg_decimals", torch.round(torch.tensor([1234.5, 2550.0]), decimals=-2))
    r = torch.round(torch.tensor([1.2345], requires_grad=True), decimals=2)
    check("special.round_decimals_grad_fn", r.grad_fn)
    check("special.frac", torch.frac(torch.tensor([1.5, -1.5, 2.0, -0.25])))
    check("special.floor_int", torch.floor(torch.tensor([1, -2])))
    check("special.round_int", torch.round(torch.tensor([1, -2])))
    raises("special.frac_int", lambda: torch.frac(torch.tensor([1, 2])))
    raises("special.floor_bool", lambda: torch.floor(torch.tensor([True])))
    raises("special.round_decimals_int", lambda: torch.round(torch.tensor([1]), decimals=1))

with section("atan2"):
    a = torch.tensor([[1.0, -2.0, 0.5]], requires_grad=True)
    b = torch.tensor([[2.0], [-1.0]], requires_grad=True)
    y = torch.atan2(a, b)
    check("atan2.value", y)
    check("atan2.grad_fn", y.grad_fn)
    y.sum().backward()
    check("atan2.grad_a", a.grad)
    check("atan2.grad_b", b.grad)
    check("atan2.method", a.atan2(b))
    check("arctan2", torch.arctan2(a, b))
    check("atan2.int", torch.atan2(torch.tensor([1, 2]), torch.tensor([2, 2])))
    raises("atan2.scalar", lambda: torch.atan2(a, 2.0))

with section("clamp_min_max"):
    x = torch.tensor([-1.0, 0.5, 2.0, 3.0], requires_grad=True)
    lo = torch.clamp_min(x, 0.5)
    hi = x.clamp_max(2.0)
    check("clamp_min", lo)
    check("clamp_max", hi)
    (lo * 2 + hi * 3).sum().backward()
    check("clamp_min_max.grad", x.grad)
    check("clamp_min.int_float", torch.clamp_min(torch.tensor([1, 2]), 1.5))
    check("clamp_min.tensor", torch.clamp_min(torch.tensor([1.0, 2.0]), torch.tensor([1.5, 1.5])))
    raises("clamp_min.str", lambda: torch.clamp_min(torch.tensor([1.0]), "a"))

# in-place unary ops
inplace_ops = [
    "exp_",
    "log_",
    "sqrt_",
    "sigmoid_",
    "tanh_",
    "relu_",
    "neg_",
    "abs_",
    "sin_",
    "cos_",
    "log10_",
    "log1p_",
    "expm1_",
    "rsqrt_",
    "reciprocal_",
    "tan_",
    "atan_",
    "erf_",
    "floor_",
    "round_",
    "square_",
    "sign_",
]
for name in inplace_ops:
    with section(name):
        w = torch.tensor([0.3, 0.6, 1.5], requires_grad=True)
        b = w * 1
        r = getattr(b, name)()
        check(name + ".returns_self", r is b)
        check(name + ".value", b)
        check(name + ".grad_fn", b.grad_fn)
        check(name + ".version", b._version)
        (b * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
        check(name + ".grad", w.grad)
        raises(name + ".leaf", lambda: getattr(torch.tensor([0.5], requires_grad=True), name)())
        with torch.no_grad():
            lf = torch.tensor([0.5, 0.25], requires_grad=True)
            getattr(lf, name)()
        check(name + ".leaf_no_grad", lf)
        plain = torch.tensor([0.5, 0.25])
        getattr(plain, name)()
        check(name + ".plain", plain)

with section("inplace_more"):
    raises("exp_.int", lambda: torch.tensor([1]).exp_())
    raises("sigmoid_.int", lambda: torch.tensor([1]).sigmoid_())
    check("floor_.int", torch.tensor([1]).floor_())
    check("neg_.int", torch.tensor([1]).neg_())
    check("abs_.int", torch.tensor([-1]).abs_())
    check("relu_.int", torch.tensor([-1]).relu_())
    w = torch.tensor([0.3, 0.6], requires_grad=True)
    b = w * 1
    b.clamp_(min=0.4)
    check("clamp_.grad_fn", b.grad_fn)
    c = w * 1
    c.clamp_min_(0.4)
    check("clamp_min_.grad_fn", c.grad_fn)
    d = w * 1
    d.pow_(2)
    check("pow_.grad_fn", d.grad_fn)
    (b + c + d).sum().backward()
    check("clamp_pow.grad", w.grad)
    check("torch.relu_", torch.relu_(torch.tensor([-1.0, 2.0])))
    check("torch.sigmoid_", torch.sigmoid_(torch.tensor([0.0])))
    check("torch.exp_", torch.exp_(torch.tensor([0.0])))
    check("F.relu_", F.relu_(torch.tensor([-1.0, 3.0])))

with section("inplace_version"):
    a = torch.tensor([0.3, 0.6], requires_grad=True)
    b = a * 1
    c = b.sin()
    b.cos_()
    raises("inplace.saved_input_modified", lambda: c.sum().backward())
    e = a * 1
    e.exp_()
    e.add_(1)
    raises("inplace.saved_result_modified", lambda: e.sum().backward())
    f = a * 1
    f.exp_()
    check("inplace.exp_then_use", f * 2)
    g = a * 1
    g.tanh_().mul_(2)
    raises("inplace.chain_saved_result", lambda: g.sum().backward())
    g2 = a * 1
    g2.neg_().mul_(2)
    g2.sum().backward()
    check("inplace.chain_grad", a.grad)
    v = a * 1
    view = v[0:1]
    view.exp_()
    check("inplace.view", v)
    check("inplace.view.grad_fn", v.grad_fn)
    check("inplace.view.view_grad_fn", view.grad_fn)
    v.sum().backward()
    check("inplace.view.grad", a.grad)

with section("one_hot"):
    check("one_hot", F.one_hot(torch.tensor([0, 2, 1])))
    check("one_hot.nc", F.one_hot(torch.tensor([0, 2, 1]), num_classes=4))
    check("one_hot.2d", F.one_hot(torch.tensor([[0, 1], [2, 0]])))
    check("one_hot.0d", F.one_hot(torch.tensor(2), 4))
    check("one_hot.empty_nc", F.one_hot(torch.tensor([], dtype=torch.long), 3))
    check("one_hot.float", F.one_hot(torch.tensor([0, 1]), 3).float())
    raises("one_hot.float_input", lambda: F.one_hot(torch.tensor([0.0, 2.0])))
    raises("one_hot.int32", lambda: F.one_hot(torch.tensor([1, 2], dtype=torch.int32)))
    raises("one_hot.big", lambda: F.one_hot(torch.tensor([0, 5]), 3))
    raises("one_hot.neg", lambda: F.one_hot(torch.tensor([0, -1])))
    raises("one_hot.empty", lambda: F.one_hot(torch.tensor([], dtype=torch.long)))
    raises("one_hot.zero", lambda: F.one_hot(torch.tensor([0]), 0))
    raises("one_hot.list", lambda: F.one_hot([0, 1]))
    raises("one_hot.float_nc", lambda: F.one_hot(torch.tensor([0, 1]), num_classes=2.0))

with section("variable"):
    Variable = torch.autograd.Variable
    v = Variable(torch.tensor([1.0, 2.0]), requires_grad=True)
    check("Variable", v)
    check("Variable.type", type(v).__name__)
    (v * 3).sum().backward()
    check("Variable.grad", v.grad)
    check("Variable.data", v.data)
    t = torch.tensor([1.0, 2.0], requires_grad=True)
    w = Variable(t)
    check("Variable.of_leaf_is_new", w is t)
    check("Variable.of_leaf_rg", w.requires_grad)
    y = t * 2
    wy = Variable(y)
    check("Variable.of_nonleaf", (wy.grad_fn, wy.requires_grad, wy.is_leaf))
    check("Variable.isinstance", isinstance(t, Variable))
    check("Variable.default", Variable(torch.ones(2)).requires_grad)
    check("Variable.empty", Variable())
    raises("Variable.list", lambda: Variable([1, 2]))
    raises("Variable.int_rg", lambda: Variable(torch.tensor([1, 2]), requires_grad=True))
    shared = torch.zeros(2)
    sv = Variable(shared)
    shared.add_(1)
    check("Variable.shares_data", sv)

with section("saved"):
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    b = torch.tensor([3.0, 4.0], requires_grad=True)
    c = torch.tensor([5.0, 6.0])
    y = a * b
    check("saved.mul.self_is_input", y.grad_fn._saved_self is a)
    check("saved.mul.other_is_input", y.grad_fn._saved_other is b)
    check("saved.mul_scalar.other", (a * 2).grad_fn._saved_other)
    check("saved.mul_scalar.self", (a * 2).grad_fn._saved_self)
    check("saved.mul_const.other", (a * c).grad_fn._saved_other)
    check("saved.mul_const.self", (a * c).grad_fn._saved_self)
    check("saved.div.other", (a / b).grad_fn._saved_other is b)
    check("saved.add.alpha", (a + b).grad_fn._saved_alpha)
    p = a**3
    check("saved.pow.exponent", p.grad_fn._saved_exponent)
    check("saved.pow.self", p.grad_fn._saved_self is a)
    check("saved.pow_float.exponent", (a**2.5).grad_fn._saved_exponent)
    pt = a**b
    check("saved.powt.exponent", pt.grad_fn._saved_exponent is b)
    check("saved.powt.result", pt.grad_fn._saved_result)
    e = a.exp()
    r = e.grad_fn._saved_result
    check("saved.exp.result", r)
    check("saved.exp.result_is_output", r is e)
    check("saved.exp.result_grad_fn", r.grad_fn is e.grad_fn)
    check("saved.exp.result_equal", torch.equal(r, e))
    check("saved.sigmoid.result", a.sigmoid().grad_fn._saved_result)
    check("saved.tanh.result", a.tanh().grad_fn._saved_result)
    check("saved.relu.result", a.relu().grad_fn._saved_result)
    check("saved.sqrt.result", a.sqrt().grad_fn._saved_result)
    check("saved.log.self", a.log().grad_fn._saved_self is a)
    check("saved.sin.self", a.sin().grad_fn._saved_self is a)
    check("saved.cos.self", a.cos().grad_fn._saved_self is a)
    check("saved.abs.self", a.abs().grad_fn._saved_self is a)
    check("saved.log10.self", a.log10().grad_fn._saved_self is a)
    check("saved.reciprocal.result", a.reciprocal().grad_fn._saved_result)
    check("saved.tan.result", a.tan().grad_fn._saved_result)
    check("saved.atan2.other", torch.atan2(a, b).grad_fn._saved_other is b)
    check("saved.sum.sizes", a.sum().grad_fn._saved_self_sym_sizes)
    m = torch.ones(2, 3, requires_grad=True)
    check("saved.sum1.dim", m.sum(1).grad_fn._saved_dim)
    check("saved.sum1.keepdim", m.sum(1).grad_fn._saved_keepdim)
    check("saved.mean.numel", m.mean().grad_fn._saved_self_sym_numel)
    check("saved.mean.sizes", m.mean().grad_fn._saved_self_sym_sizes)
    check("saved.softmax.dim", m.softmax(1).grad_fn._saved_dim)
    check("saved.clamp", (a.clamp(min=0).grad_fn._saved_min, a.clamp(min=0).grad_fn._saved_max))
    check("saved.mm.mat2", (m.t() @ m).grad_fn._saved_mat2.shape)
    check("saved.max.result", a.max().grad_fn._saved_result)
    check("saved.leaky.slope", F.leaky_relu(a, 0.2).grad_fn._saved_negative_slope)
    z = (a * b).sum()
    node = z.grad_fn.next_functions[0][0]
    z.backward()
    raises("saved.freed.self", lambda: node._saved_self)
    raises("saved.freed.other", lambda: node._saved_other)
    z2 = (a * b).sum()
    node2 = z2.grad_fn.next_functions[0][0]
    z2.backward(retain_graph=True)
    check("saved.retained", node2._saved_self is a)
    ys = a * 2
    ys.sum().backward()
    raises("saved.freed.scalar", lambda: ys.grad_fn._saved_other)
    q = a * 1
    w = q * b
    q.add_(1)
    raises("saved.modified", lambda: w.grad_fn._saved_self)

with section("inference_mode"):
    check("inference.off", torch.is_inference_mode_enabled())
    with torch.inference_mode():
        x = torch.ones(2, requires_grad=True)
        y = x * 2
        check("inference.on", torch.is_inference_mode_enabled())
        check("inference.grad_enabled", torch.is_grad_enabled())
    check("inference.y", y)
    check("inference.y.grad_fn", y.grad_fn)
    check("inference.after", torch.is_inference_mode_enabled())
    check("inference.grad_after", torch.is_grad_enabled())
    with torch.inference_mode(False):
        check("inference.false", torch.is_inference_mode_enabled())
        check("inference.false.grad", (torch.ones(1, requires_grad=True) * 2).requires_grad)

    @torch.inference_mode()
    def predict(t):
        return t * 3, torch.is_inference_mode_enabled()

    out, flag = predict(torch.ones(2, requires_grad=True))
    check("inference.decorator", (out, flag))
    check("inference.decorator.after", torch.is_inference_mode_enabled())
    with torch.inference_mode():
        with torch.inference_mode(False):
            check("inference.nested", torch.is_inference_mode_enabled())
        check("inference.nested.back", torch.is_inference_mode_enabled())

with section("inplace_random"):
    g = torch.Generator().manual_seed(0)
    t = torch.zeros(2, 3)
    r = t.uniform_(-1, 1, generator=g)
    check("uniform_.self", r is t)
    check("uniform_.range", bool((t >= -1).all() and (t < 1).all()))
    check("uniform_.version", t._version)
    t2 = torch.zeros(1000).normal_(2.0, 0.5, generator=g)
    check("normal_.shape", t2.shape)
    check("bernoulli_.values", sorted(set(torch.zeros(100).bernoulli_(0.5).tolist())))
    check("random_.range", bool((torch.zeros(50).random_(0, 5) < 5).all()))
    check("random_.int", torch.zeros(3, dtype=torch.long).random_(3, 4))
    check("exponential_.pos", bool((torch.zeros(50).exponential_() >= 0).all()))
    x = torch.ones(2, requires_grad=True)
    raises("uniform_.leaf", lambda: x.uniform_())
    with torch.no_grad():
        x.uniform_(0, 1)
    check("uniform_.no_grad_leaf", (x.shape, x.requires_grad, x.is_leaf))
    h = x * 1
    h.normal_()
    check("normal_.grad_fn", h.grad_fn)
    h.sum().backward()
    check("normal_.grad", x.grad)
    check("uniform_.grad_fn", (x * 1).uniform_().grad_fn)
    check("bernoulli_.grad_fn", (x * 1).bernoulli_(0.5).grad_fn)
    check("bernoulli_t.grad_fn", (x * 1).bernoulli_(torch.tensor([0.5, 0.5])).grad_fn)
    check("random_.grad_fn", (x * 1).random_(0, 5).grad_fn)
    check("exponential_.grad_fn", (x * 1).exponential_().grad_fn)
    raises("uniform_.bad", lambda: torch.zeros(3).uniform_(1, 0))
    raises("uniform_.int", lambda: torch.zeros(3, dtype=torch.long).uniform_())
    raises("normal_.neg", lambda: torch.zeros(3).normal_(0, -1))
    raises("normal_.int", lambda: torch.zeros(2, dtype=torch.long).normal_())
    raises("random_.bad", lambda: torch.zeros(2).random_(5, 2))
    raises("exponential_.neg", lambda: torch.zeros(2).exponential_(-1))
    raises("bernoulli_.bad", lambda: torch.zeros(2).bernoulli_(1.5))
