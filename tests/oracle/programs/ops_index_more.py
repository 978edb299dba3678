# masked_select, take, roll, trace, nan_to_num, count_nonzero, flipud/fliplr, unsqueeze_,
# storage_offset / nbytes / data_ptr
x = (torch.arange(12.0).reshape(3, 4) * 0.5 - 2).requires_grad_()
x64 = torch.tensor(
    [[0.3, -1.2, 0.8, 2.0], [1.1, 0.4, -0.6, 0.05], [-0.9, 1.7, 0.25, -0.35]],
    dtype=torch.float64,
    requires_grad=True,
)
gc = torch.autograd.gradcheck
ggc = torch.autograd.gradgradcheck


def run(name, fn, ggrad=True):
    out = fn(x)
    check(name, out)
    check(name + "_graph", graph(out))
    wt = torch.arange(out.numel(), dtype=out.dtype).reshape(out.shape) + 1
    (out * wt).sum().backward()
    check(name + "_grad", x.grad)
    x.grad = None
    check(name + "_gradcheck", gc(fn, (x64,)))
    if ggrad:
        check(name + "_gradgradcheck", ggc(fn, (x64,)))


mask = torch.tensor([True, False, True, True])
run("masked_select", lambda a: torch.masked_select(a, mask))
run("masked_select_2d", lambda a: a.masked_select(torch.tensor([[True], [False], [True]])))
run("masked_select_bcast_input", lambda a: a[0].masked_select(a.detach() > 0))
run("take", lambda a: torch.take(a, torch.tensor([[0, 11], [5, 5]])))
run("take_neg", lambda a: a.take(torch.tensor([-1, 3, -12])))
run("roll", lambda a: a.roll(1))
run("roll_dim", lambda a: torch.roll(a, -1, 1))
run("roll_dims", lambda a: torch.roll(a, shifts=(1, 2), dims=(0, 1)))
run("roll_big", lambda a: a.roll(7, 0))
run("trace", lambda a: torch.trace(a))
run("trace_t", lambda a: a.t().trace())
run("flipud", lambda a: torch.flipud(a))
run("fliplr", lambda a: a.fliplr())
run("nan_to_num", lambda a: torch.nan_to_num(a.log()))
run("nan_to_num_args", lambda a: (a * 1e39).nan_to_num(nan=1.0, posinf=2.5, neginf=-3.5))

bad = torch.tensor([[1.0, float("nan")], [float("inf"), -float("inf")]])
check("nan_to_num_default", bad.nan_to_num())
check("nan_to_num_f64", bad.double().nan_to_num())
check("nan_to_num_posinf", torch.nan_to_num(bad, posinf=2.0))
check("nan_to_num_int", torch.nan_to_num(torch.tensor([1, 2])))
check("trace_int", torch.trace(torch.arange(6).reshape(2, 3)))
check("trace_int32", torch.trace(torch.ones(2, 3, dtype=torch.int32)))
check("trace_wide", torch.trace(torch.arange(6.0).reshape(2, 3)))
check("count_nonzero", torch.count_nonzero(x))
check("count_nonzero_dim", torch.count_nonzero(x, dim=1))
check("count_nonzero_dims", torch.count_nonzero(torch.tensor([[0, 1], [2, 0]]), (0, 1)))
check("count_nonzero_method", torch.tensor([[0, 1], [2, 0]]).count_nonzero(0))
check("count_nonzero_0d", torch.count_nonzero(torch.tensor(3.0)))
check(
    "masked_select_int",
    torch.arange(6).reshape(2, 3).masked_select(torch.tensor([True, False, True])),
)
check("take_0d", torch.tensor(5.0).take(torch.tensor([0, 0])))
check("roll_0d_flat", torch.arange(6).reshape(2, 3).roll(2))

# unsqueeze_: in place, UnsqueezeBackward1
y = x * 2
y.unsqueeze_(1)
check("unsqueeze_", y)
check("unsqueeze_graph", graph(y))
y.sum().backward()
check("unsqueeze_grad", x.grad)
x.grad = None
v = torch.ones(2)
check("unsqueeze_plain", v.unsqueeze_(-1))
check("unsqueeze_plain_shape", v.shape)

# storage queries
base = torch.arange(12.0).reshape(3, 4)
check("storage_offset", base[1:].storage_offset())
check("storage_offset_col", base[:, 2].storage_offset())
check("storage_offset_t", base.t().storage_offset())
check("storage_offset_0", base.storage_offset())
check("nbytes", base.nbytes)
check("nbytes_int", torch.ones(5, dtype=torch.int32).nbytes)
check("data_ptr_view", base[1:].data_ptr() - base.data_ptr())
check("data_ptr_same", base.view(12).data_ptr() == base.data_ptr())
check("data_ptr_clone", base.clone().data_ptr() == base.data_ptr())

# errors
raises("err_masked_select_long", lambda: torch.masked_select(x, mask.long()))
raises("err_masked_select_shape", lambda: torch.masked_select(x, torch.tensor([True, False])))
raises("err_roll_align", lambda: x.roll(1, (0, 1)))
raises("err_roll_align2", lambda: torch.roll(x, (1, 2), 0))
raises("err_roll_flat", lambda: torch.roll(x, (1, 2)))
raises("err_roll_dim", lambda: x.roll(1, 5))
raises("err_roll_empty", lambda: torch.roll(x, [], []))
raises("err_trace_1d", lambda: torch.trace(torch.ones(3)))
raises("err_take_oob", lambda: x.take(torch.tensor([12])))
raises("err_take_float", lambda: x.take(torch.tensor([1.0])))
raises("err_take_int32", lambda: x.take(torch.tensor([1], dtype=torch.int32)))
raises("err_flipud_0d", lambda: torch.flipud(torch.tensor(1.0)))
raises("err_fliplr_1d", lambda: torch.fliplr(torch.ones(3)))
raises("err_nan_str", lambda: torch.nan_to_num(x, nan="a"))
raises("err_unsqueeze_leaf", lambda: x.unsqueeze_(0))
raises("err_unsqueeze_dim", lambda: torch.ones(2).unsqueeze_(3))
raises("err_count_dim", lambda: torch.count_nonzero(x, 2))
