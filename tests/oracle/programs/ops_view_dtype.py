# Tensor.view(dtype): the same bits read as another dtype (same and different element
# sizes), shared memory and version counter, no gradient, PyTorch's errors
x = torch.tensor([1.0, 2.0, -0.5, 3.0, 0.0, -0.0, 1e-3, 65504.0], requires_grad=True)
for dt in (
    torch.int32,
    torch.float32,
    torch.float64,
    torch.int16,
    torch.uint8,
    torch.int8,
    torch.bool,
    torch.float16,
    torch.int64,
    float,
    int,
):
    with section(str(dt)):
        y = x.view(dt)
        check(f"view_{dt}", y)
        check(f"view_{dt}_fields", (y.shape, y.stride(), y.requires_grad, y.is_leaf, y.grad_fn))
m = torch.arange(24, dtype=torch.int32).reshape(2, 3, 4)
for dt in (torch.float32, torch.int16, torch.int8, torch.int64, torch.float64, torch.uint8):
    check(f"m_{dt}", m.view(dt))
    check(f"m_{dt}_stride", m.view(dt).stride())
check("int64_as_f64", torch.arange(6).view(torch.float64))
check("f64_as_int64", torch.tensor([1.0, -2.5, 1e300], dtype=torch.float64).view(torch.int64))
check("f64_as_f32", torch.tensor([1.0, -2.5], dtype=torch.float64).view(torch.float32))
check("f16_as_int16", torch.tensor([1.0, -2.5, 0.1], dtype=torch.float16).view(torch.int16))
check("bool_as_uint8", torch.tensor([True, False, True]).view(torch.uint8))
check("t_same_size", torch.arange(6.0).reshape(2, 3).t().view(torch.int32))
check("t_same_size_stride", torch.arange(6.0).reshape(2, 3).t().view(torch.int32).stride())
check("slice_ok", torch.arange(8.0).reshape(2, 4)[:, 2:].view(torch.float64))
check("rows_ok", torch.arange(12.0).reshape(3, 4)[::2].view(torch.float16))
check("cols_same", torch.arange(12.0).reshape(3, 4)[:, ::2].view(torch.int32))
check("empty", torch.ones(0).view(torch.float64).shape)
check("scalar_same", torch.tensor(1.0).view(torch.int32))
with section("shared"):
    a = torch.tensor([1.0, 2.0, -0.5, 3.0])
    b = a.view(torch.int32)
    b[0] = 0
    check("shared_a", a)
    check("shared_versions", (a._version, b._version))
    c = a.view(torch.float64)
    c.mul_(2)
    check("shared_a2", a)
    check("shared_versions2", (a._version, c._version))
with section("grad_input_write"):
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    v = w.view(torch.float32)
    v.mul_(2)
    check("grad_input_write", (w, v.requires_grad, v.is_leaf))
with section("saved_version"):
    s = torch.tensor([1.0, 2.0], requires_grad=True)
    base = s * 1
    out = base.exp()
    base.view(torch.int32).add_(1)
    raises("saved_version_error", lambda: out.sum().backward())
raises("dim0", lambda: torch.tensor(1.0).view(torch.int16))
raises("size_div", lambda: torch.ones(3).view(torch.float64))
raises("stride_last", lambda: torch.ones(2, 3).t().view(torch.float16))
raises("offset", lambda: torch.ones(2, 4)[:, 1:3].view(torch.float64))
raises("size_div_slice", lambda: torch.ones(2, 4)[:, 1:].view(torch.float64))
raises("char_as_float", lambda: torch.ones(2, 3, dtype=torch.int8).view(torch.float32))
raises("stride0", lambda: torch.arange(12.0).reshape(3, 4)[:, ::2].view(torch.float64))
raises("str", lambda: torch.ones(3).view("float"))
