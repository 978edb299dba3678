# logaddexp / logaddexp2, hypot, fmod, asinh / acosh / atanh (and the arc* names), sgn,
# signbit, heaviside, float_power, copysign, nextafter, ldexp, frexp, deg2rad / rad2deg,
# xlogy with a number operand: values (float32 / float64), grad_fn graphs, gradients,
# second derivatives, in-place and method forms, PyTorch's errors
A = [-3.5, -1.25, -0.0, 0.0, 0.75, 2.0, 4.5, float("inf")]
B = [2.0, -0.5, 1.5, -1.0, 0.75, 3.0, -4.0, float("inf")]
binary = [
    ("logaddexp", torch.logaddexp, A, B),
    ("logaddexp2", torch.logaddexp2, A, B),
    ("hypot", torch.hypot, A[:7], B[:7]),
    (
        "fmod",
        torch.fmod,
        [-3.5, -1.25, 0.5, 0.75, 2.0, 4.5, 7.0],
        [2.0, -0.5, 1.5, -1.0, 0.7, 3.0, -4.0],
    ),
    ("copysign", torch.copysign, A, B),
    ("nextafter", torch.nextafter, A, B),
    ("ldexp", torch.ldexp, A[:7], [1.0, 2.0, -1.0, 3.0, 0.5, -2.0, 1.0]),
]
for name, f, a, b in binary:
    with section(name):
        for dt in (torch.float32, torch.float64):
            x = torch.tensor(a, dtype=dt, requires_grad=True)
            y = torch.tensor(b, dtype=dt, requires_grad=True)
            z = f(x, y)
            check(f"{name}_{dt}", z)
            if dt == torch.float64:
                check(f"{name}_graph", graph(z))
            (z * torch.linspace(-1, 1, len(a), dtype=dt)).sum().backward()
            check(f"{name}_grads_{dt}", [x.grad, y.grad])
unary = [
    ("asinh", torch.asinh, [-3.0, -0.5, 0.0, 0.25, 2.0, 10.0]),
    ("arcsinh", torch.arcsinh, [-3.0, 0.25]),
    ("acosh", torch.acosh, [1.0, 1.25, 2.0, 10.0, 0.5]),
    ("arccosh", torch.arccosh, [1.5, 3.0]),
    ("atanh", torch.atanh, [-0.99, -0.5, 0.0, 0.3, 0.9, 1.0]),
    ("arctanh", torch.arctanh, [-0.5, 0.25]),
    ("sgn", torch.sgn, [-2.0, -0.0, 0.0, 3.0, float("nan")]),
    ("deg2rad", torch.deg2rad, [-180.0, 0.0, 45.0, 90.0, 360.0]),
    ("rad2deg", torch.rad2deg, [-3.0, 0.0, 0.5, 3.14159]),
]
for name, f, vals in unary:
    with section(name):
        for dt in (torch.float32, torch.float64):
            x = torch.tensor(vals, dtype=dt, requires_grad=True)
            z = f(x)
            check(f"{name}_{dt}", z)
            if dt == torch.float64:
                check(f"{name}_graph", graph(z))
            (z * torch.linspace(-1, 1, len(vals), dtype=dt)).sum().backward()
            # (sgn's gradient is a ZeroTensor in PyTorch: no values to read)
            check(f"{name}_grad_{dt}", x.grad.shape if name == "sgn" else x.grad)
with section("scalar_forms"):
    x = torch.tensor([0.5, -1.5, 2.0, 0.0], requires_grad=True)
    for name, z in [
        ("fmod_num", torch.fmod(x, 1.5)),
        ("copysign_num", torch.copysign(x, -2.0)),
        ("xlogy_num_left", torch.xlogy(2.0, x.abs() + 0.5)),
        ("xlogy_num_right", torch.xlogy(x, 3.0)),
        ("xlogy_num_right0", torch.xlogy(x, 0.0)),
    ]:
        check(name, z)
        check(name + "_graph", graph(z))
        check(name + "_grad", torch.autograd.grad(z.sum(), x)[0])
    check("special_xlogy_num_graph", graph(torch.special.xlogy(2.0, x)))
    check(
        "xlogy_saved",
        [torch.xlogy(x, 3.0).grad_fn._saved_other, torch.xlogy(2.0, x).grad_fn._saved_self],
    )
with section("float_power"):
    for dt in (torch.float32, torch.float64):
        x = torch.tensor([0.5, 1.5, 2.0], dtype=dt, requires_grad=True)
        y = torch.tensor([2.0, -1.0, 0.5], dtype=dt, requires_grad=True)
        for name, z in [
            ("num", torch.float_power(x, 2)),
            ("tensor", torch.float_power(x, y)),
            ("num_base", torch.float_power(2, y)),
            ("method", x.float_power(3)),
        ]:
            check(f"float_power_{name}_{dt}", z)
            check(f"float_power_{name}_graph_{dt}", graph(z))
        torch.float_power(x, y).sum().backward()
        check(f"float_power_grads_{dt}", [x.grad, y.grad])
    check("float_power_int", torch.float_power(torch.tensor([1, 2, 3]), 2))
    raises("float_power_inplace_float", lambda: torch.tensor([1.0]).float_power_(2))
    check("float_power_inplace_double", torch.tensor([1.5], dtype=torch.float64).float_power_(2))
    raises("float_power_str", lambda: torch.float_power(torch.tensor([1.0]), "a"))
with section("heaviside"):
    x = torch.tensor([-1.5, 0.0, 2.0, 0.0], requires_grad=True)
    v = torch.tensor([0.5])
    h = torch.heaviside(x, v)
    check("heaviside", h)
    check("heaviside_graph", graph(h))
    check("heaviside_name", h.grad_fn.name())
    raises("heaviside_backward", lambda: h.sum().backward())
    check("heaviside_int", torch.heaviside(torch.tensor([1, -2, 0]), torch.tensor([5])))
    raises("heaviside_dtypes", lambda: torch.heaviside(x, torch.tensor([5])))
    raises("heaviside_number", lambda: torch.heaviside(x, 0.5))
    check("heaviside_method", x.detach().heaviside(torch.tensor([7.0])))
with section("signbit_frexp"):
    check(
        "signbit", torch.signbit(torch.tensor([0.0, -0.0, -1.0, float("nan"), -float("inf"), 3.0]))
    )
    check("signbit_int", torch.signbit(torch.tensor([-1, 0, 4])))
    fr = torch.frexp(torch.tensor([8.0, 0.3, 0.0, -5.0, 1e-3]))
    check("frexp", [fr.mantissa, fr.exponent, fr[0], list(fr)])
    print(fr)
    check("frexp_f64", list(torch.tensor([3.0], dtype=torch.float64).frexp()))
    raises("frexp_int", lambda: torch.frexp(torch.tensor([1, 2])))
    m = torch.tensor([0.5, 0.75])
    e = torch.tensor([3, -1])
    check("ldexp_frexp_roundtrip", torch.ldexp(*torch.frexp(torch.tensor([6.0, -0.375]))))
    check("ldexp_int_exponent", torch.ldexp(m, e))
    xx = torch.tensor([1.5, 2.0], requires_grad=True)
    check("ldexp_int_graph", graph(torch.ldexp(xx, torch.tensor([1, 2]))))
with section("double"):
    p = torch.tensor([0.5, -1.2, 2.0], dtype=torch.float64, requires_grad=True)
    q = torch.tensor([1.5, 0.35, -2.5], dtype=torch.float64, requires_grad=True)
    for name, f, args in [
        ("logaddexp", torch.logaddexp, (p, q)),
        ("logaddexp2", torch.logaddexp2, (p, q)),
        ("hypot", torch.hypot, (p, q)),
        ("fmod", torch.fmod, (p, q)),
        ("copysign", torch.copysign, (p, q)),
        ("ldexp", torch.ldexp, (p, q)),
        ("asinh", torch.asinh, (p,)),
        ("atanh", lambda t: torch.atanh(t / 3), (p,)),
        ("acosh", lambda t: torch.acosh(t * t + 1.5), (p,)),
        ("deg2rad", torch.deg2rad, (p,)),
        ("float_power", lambda a, b: torch.float_power(a.abs(), b), (p, q)),
        ("xlogy_num", lambda a: torch.xlogy(a, 2.5), (p,)),
        ("xlogy_num_left", lambda b: torch.xlogy(2.5, b.abs()), (q,)),
    ]:
        check(f"gradcheck_{name}", torch.autograd.gradcheck(f, args))
        check(f"gradgradcheck_{name}", torch.autograd.gradgradcheck(f, args))
    g = torch.autograd.grad(torch.logaddexp(p, q).sum(), p, create_graph=True)[0]
    check("logaddexp_double_graph", graph(g))
    check("logaddexp_double", torch.autograd.grad(g.sum(), (p, q)))
x = torch.tensor([0.5, 1.5, -2.0])
i = torch.tensor([1, 2, 3])
raises("logaddexp_int", lambda: torch.logaddexp(i, i))
raises("logaddexp_num", lambda: torch.logaddexp(x, 2.0))
raises("logaddexp_list", lambda: torch.logaddexp([1.0], x))
raises("logaddexp2_int", lambda: torch.logaddexp2(i, i))
raises("hypot_int", lambda: torch.hypot(i, i))
raises("hypot_num", lambda: torch.hypot(x, 2.0))
raises("fmod_int0", lambda: torch.fmod(i, 0))
raises("fmod_intt0", lambda: torch.fmod(i, torch.tensor([1, 0, 2])))
raises("fmod_str", lambda: torch.fmod(x, "a"))
check("fmod_int", torch.fmod(torch.tensor([5, -7]), 3))
check("fmod_float0", torch.fmod(x, 0))
check("fmod_mixed", torch.fmod(i, 1.5))
raises("fmod_bcast", lambda: torch.fmod(x, torch.ones(2)))
check("asinh_int", torch.asinh(i))
raises("acosh_list", lambda: torch.acosh([1.0]))
check("atanh_bool", torch.atanh(torch.tensor([True])))
check("sgn_int", torch.sgn(torch.tensor([1, -2, 0])))
check("sgn_bool", torch.sgn(torch.tensor([True, False])))
check("copysign_int", torch.copysign(i, -1))
check("copysign_intt", torch.copysign(i, torch.tensor([-0.0, 1.0, -2.0])))
raises("copysign_str", lambda: torch.copysign(x, "a"))
check(
    "nextafter_dt", torch.nextafter(torch.tensor([1.0]), torch.tensor([2.0], dtype=torch.float64))
)
raises("nextafter_int", lambda: torch.nextafter(i, i))
raises("nextafter_num", lambda: torch.nextafter(x, 1.0))
check("ldexp_int", torch.ldexp(i, i))
raises("ldexp_num", lambda: torch.ldexp(x, 3))
raises("ldexp_bcast", lambda: torch.ldexp(x, torch.ones(2)))
check("deg2rad_int", torch.deg2rad(torch.tensor([180, 90])))
raises("xlogy_nums", lambda: torch.xlogy(2, 3))
check("xlogy_int_num", torch.xlogy(i, 2))
check("xlogy_num_int", torch.xlogy(2, i))
raises("inplace_asinh_int", lambda: i.clone().asinh_())
check("inplace_fmod_int", i.clone().fmod_(2))
raises("inplace_hypot_int", lambda: i.clone().hypot_(i))
raises("inplace_hypot_bcast", lambda: x.clone().hypot_(torch.ones(2, 3)))
check("inplace_sgn", x.clone().sgn_())
check("inplace_copysign", x.clone().copysign_(-1.0))
check("inplace_ldexp", x.clone().ldexp_(torch.tensor([1, 2, 3])))
check("inplace_xlogy", x.clone().xlogy_(2.0))
check("inplace_heaviside", x.clone().heaviside_(torch.tensor([0.5])))
check("inplace_nextafter", x.clone().nextafter_(torch.tensor([10.0])))
check(
    "torch_inplace",
    [
        torch.asinh_(x.clone()),
        torch.xlogy_(x.clone(), 3.0),
        torch.deg2rad_(x.clone()),
        torch.rad2deg_(x.clone()),
        torch.ldexp_(x.clone(), torch.tensor([1, 1, 1])),
        torch.arctanh_(x.clone() / 4),
    ],
)
raises("leaf_inplace", lambda: torch.ones(2, requires_grad=True).asinh_())
with section("inplace_graph"):
    w = torch.tensor([0.5, 1.5, -2.0], requires_grad=True)
    t = w * 1
    t.asinh_()
    check("inplace_asinh_graph", graph(t))
    raises("inplace_asinh_backward", lambda: t.sum().backward())
    for name in ("acosh_", "atanh_", "arcsinh_", "arccosh_", "arctanh_"):
        u = w * 0.1 + (1.5 if "cosh" in name else 0.0)
        getattr(u, name)()
        check("inplace_graph_" + name, graph(u))
        raises("inplace_backward_" + name, lambda: u.sum().backward())
    t = w * 1
    t.deg2rad_()
    t.copysign_(torch.tensor([-1.0, 1.0, 1.0]))
    check("inplace_copysign_graph", graph(t))
    t.sum().backward(retain_graph=True)
    check("inplace_grad", w.grad)
    t.polygamma_(1)
    raises("inplace_saved_result_modified", lambda: t.sum().backward())
    w.grad = None
    u = w * 1
    u.polygamma_(1)
    check("inplace_polygamma_graph", graph(u))
    u.sum().backward()
    check("inplace_polygamma_grad", w.grad)
    v = w * 1
    v.heaviside_(torch.tensor([0.5]))
    check("inplace_heaviside_graph", graph(v))
    check("heaviside_values_grad_graph", graph(torch.heaviside(torch.tensor([0.5, -1.0]), w[:1])))
check(
    "methods",
    [
        x.logaddexp(x),
        x.logaddexp2(x),
        x.hypot(x),
        x.fmod(1.0),
        x.asinh(),
        x.arcsinh(),
        x.sgn(),
        x.signbit(),
        x.float_power(2),
        x.copysign(-1.0),
        x.ldexp(i),
        list(x.frexp()),
        x.deg2rad(),
        x.rad2deg(),
        x.xlogy(2.0),
        (x + 3).acosh(),
        (x / 3).atanh(),
        (x + 3).arccosh(),
        (x / 3).arctanh(),
    ],
)
print(torch.logaddexp(torch.tensor([1.0, 2.0], requires_grad=True), torch.tensor([0.5, 0.5])))
