# torch.clamp / Tensor.clamp / clamp_ / clip with tensor min= and max= (broadcast): one
# ClampBackward0 with three slots, the bounds' gradients where they decide the value
# (ties, min > max), dtype promotion, PyTorch's errors
a = torch.tensor([[-2.0, 0.5, 1.0, 3.0], [4.0, -1.0, 2.0, 2.5]])
lo = torch.tensor([-1.0, 1.0, 1.0, 0.0])
hi = torch.tensor([[2.0], [0.5]])
g = torch.arange(1.0, 9.0).reshape(2, 4)
cases = {
    "both": lambda x, l, h: torch.clamp(x, l, h),
    "min_only": lambda x, l, h: torch.clamp(x, min=l),
    "max_only": lambda x, l, h: torch.clamp(x, max=h),
    "method": lambda x, l, h: x.clamp(l, h),
    "method_max": lambda x, l, h: x.clamp(max=h),
    "clip": lambda x, l, h: torch.clip(x, l, h),
    "min_gt_max": lambda x, l, h: torch.clamp(x, l + 2, h),
    "scalar_bounds": lambda x, l, h: torch.clamp(x, l[1], h[0, 0]),
}
for name, fn in cases.items():
    with section(name):
        x = a.clone().requires_grad_()
        l = lo.clone().requires_grad_()
        h = hi.clone().requires_grad_()
        y = fn(x, l, h)
        check(name, y)
        check(name + "_graph", graph(y))
        (y * g).sum().backward()
        check(name + "_grad_x", x.grad)
        check(name + "_grad_lo", l.grad)
        check(name + "_grad_hi", h.grad)

with section("only_bound_grad"):
    l = lo.clone().requires_grad_()
    y = torch.clamp(a, min=l)
    check("only_bound", y)
    check("only_bound_graph", graph(y))
    y.sum().backward()
    check("only_bound_grad", l.grad)

with section("saved"):
    x = a.clone().requires_grad_()
    y = torch.clamp(x, min=lo)
    check("saved_self_is_input", y.grad_fn._saved_self is x)
    check("saved_min", y.grad_fn._saved_min)
    check("saved_max", y.grad_fn._saved_max)

with section("inplace"):
    x = a.clone().requires_grad_()
    z = x * 1
    z.clamp_(lo, hi)
    check("inplace", z)
    check("inplace_graph", graph(z))
    z.sum().backward()
    check("inplace_grad", x.grad)
    w = a.clone()
    check("inplace_no_grad", w.clamp_(min=lo))
    w = a.clone()
    w.clip_(max=hi[1])
    check("clip_", w)
    w = a.clone()
    l = lo.clone().requires_grad_()
    w.clamp_(l)  # only the bound needs a grad: w gets a node
    check("inplace_bound_grad", w)
    check("inplace_bound_grad_graph", graph(w))
    w.sum().backward()
    check("inplace_bound_grad_lo", l.grad)

with section("dtypes"):
    check("double_bound", torch.clamp(a, lo.double()))
    check("long_input_float_bound", torch.clamp(a.long(), lo))
    check("long_both", torch.clamp(a.long(), lo.long(), hi.long()))
    check("int32_bound", torch.clamp(a, torch.tensor(1, dtype=torch.int32)))
    check("bool_bound", torch.clamp(a, torch.tensor(True)))
    check("long_input_0d_float", torch.clamp(a.long(), torch.tensor(2.5)))
    check("nan", torch.clamp(torch.tensor([float("nan"), 1.0, 5.0]), lo[:3], hi[0]))

raises("err_mixed", lambda: torch.clamp(a, lo, 4.0))
raises("err_mixed_number_first", lambda: torch.clamp(a, 0.0, hi))
raises("err_shape", lambda: torch.clamp(a, torch.ones(3)))
raises("err_inplace_shape", lambda: a.clone().clamp_(torch.ones(3, 2, 4)))
raises("err_inplace_cast", lambda: a.long().clamp_(lo))
raises("err_inplace_mixed", lambda: a.clone().clamp_(lo, 4.0))
raises("err_inplace_int_cast", lambda: a.int().clamp_(lo, hi))
raises("err_inplace_max_shape", lambda: a.clone().clamp_(max=torch.ones(3)))
raises("err_none", lambda: torch.clamp(a, None, None))
