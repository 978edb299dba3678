# GroupNorm / F.group_norm, InstanceNorm1d/2d/3d / F.instance_norm (running stats, eval),
# LocalResponseNorm / F.local_response_norm (3-D and 4-D), RMSNorm / F.rms_norm: reprs,
# parameters, state_dict keys, values, grads, graphs, errors
import warnings


def arr(*shape, k=0.7, dtype=torch.float32):
    n = 1
    for s in shape:
        n *= s
    vals = torch.sin(torch.arange(n, dtype=torch.float64) * k + 0.3) * 1.3
    return vals.to(dtype).reshape(shape)


def leaf(*shape, k=0.7, dtype=torch.float32):
    return arr(*shape, k=k, dtype=dtype).requires_grad_()


def run(name, fn, *inputs):
    out = fn(*inputs)
    check(name, out)
    check(name + "_graph", graph(out))
    wt = torch.cos(torch.arange(out.numel(), dtype=out.dtype) * 0.3).reshape(out.shape) + 1
    (out * wt).sum().backward()
    for i, t in enumerate(inputs):
        if isinstance(t, torch.Tensor) and t.requires_grad:
            check(f"{name}_grad{i}", t.grad)
            t.grad = None


def params(name, m):
    check(name + "_repr", repr(m))
    check(name + "_params", [(n, list(p.shape)) for n, p in m.named_parameters()])
    check(name + "_state", list(m.state_dict().keys()))
    check(name + "_values", [p for p in m.parameters()])


x3 = leaf(2, 4, 3)
x4 = leaf(2, 4, 3, 2, k=0.45)
w4 = leaf(4, k=1.7)
b4 = leaf(4, k=2.3)

# ---- group norm
gn = nn.GroupNorm(2, 4)
params("gn", gn)
params("gn_noaffine", nn.GroupNorm(2, 4, eps=1e-3, affine=False))
params("gn_nobias", nn.GroupNorm(1, 4, bias=False))
run("gn_module", gn, x3)
run("gn_f", lambda x, w, b: F.group_norm(x, 2, w, b, eps=1e-3), x3, w4, b4)
run("gn_4d", lambda x, w, b: F.group_norm(x, 4, w, b), x4, w4, b4)
run("gn_noweight", lambda x: F.group_norm(x, 1), x4)
run("gn_2d", lambda x, w: F.group_norm(x, 2, w), leaf(3, 4, k=2.1), w4)
run("gn_double", lambda x: F.group_norm(x, 2), leaf(2, 4, 3, dtype=torch.float64))
check(
    "gn_gradcheck",
    torch.autograd.gradcheck(
        lambda x, w, b: F.group_norm(x, 2, w, b),
        (
            leaf(2, 4, 3, dtype=torch.float64),
            leaf(4, k=1.7, dtype=torch.float64),
            leaf(4, k=2.3, dtype=torch.float64),
        ),
    ),
)
check(
    "gn_gradgradcheck",
    torch.autograd.gradgradcheck(
        lambda x, w, b: F.group_norm(x, 2, w, b),
        (
            leaf(2, 4, 3, dtype=torch.float64),
            leaf(4, k=1.7, dtype=torch.float64),
            leaf(4, k=2.3, dtype=torch.float64),
        ),
    ),
)
raises("gn_err_groups", lambda: F.group_norm(x3, 3))
raises("gn_err_weight", lambda: F.group_norm(x3, 2, torch.ones(3)))
raises("gn_err_bias", lambda: F.group_norm(x3, 2, None, torch.ones(3)))
raises("gn_err_bias_w", lambda: F.group_norm(x3, 2, torch.ones(4), torch.ones(3)))
raises("gn_err_dim", lambda: F.group_norm(x3[0, 0], 2))
raises("gn_err_one_value", lambda: F.group_norm(torch.ones(1, 2, 1), 2))
raises("gn_err_module", lambda: nn.GroupNorm(3, 4))
raises("gn_err_channels", lambda: nn.GroupNorm(2, 4)(torch.ones(2, 6, 3)))
raises("gn_err_long", lambda: F.group_norm(torch.ones(2, 4, 3, dtype=torch.long), 2))
raises("gn_err_type", lambda: F.group_norm([1.0], 2))

# ---- instance norm
params("in1", nn.InstanceNorm1d(4))
params("in1_affine", nn.InstanceNorm1d(4, affine=True, track_running_stats=True))
params("in2", nn.InstanceNorm2d(3, eps=1e-3, momentum=0.2, affine=True))
params("in3", nn.InstanceNorm3d(2, bias=False, affine=True))
run("in1_module", nn.InstanceNorm1d(4), x3)
run("in_f", lambda x, w, b: F.instance_norm(x, weight=w, bias=b), x3, w4, b4)
run("in2_module", nn.InstanceNorm2d(4), x4)
run("in1_unbatched", nn.InstanceNorm1d(2), leaf(2, 5, k=0.9))
tr = nn.InstanceNorm1d(4, affine=True, track_running_stats=True)
run("in_track_train", tr, x3)
check("in_track_stats", [tr.running_mean, tr.running_var, tr.num_batches_tracked])
tr(x3 * 2 + 1)
check("in_track_stats2", [tr.running_mean, tr.running_var, tr.num_batches_tracked])
tr.eval()
run("in_track_eval", tr, x3)
check("in_track_stats_eval", [tr.running_mean, tr.running_var])
rm, rv = torch.zeros(4), torch.ones(4)
check("in_f_stats_out", F.instance_norm(x3, rm, rv, momentum=0.5))
check("in_f_stats", [rm, rv])
check("in_f_eval", F.instance_norm(x3, rm, rv, use_input_stats=False))
run("in_double", nn.InstanceNorm1d(4), leaf(2, 4, 3, dtype=torch.float64))
check(
    "in_gradcheck",
    torch.autograd.gradcheck(
        lambda x, w: F.instance_norm(x, weight=w),
        (leaf(2, 3, 4, dtype=torch.float64), leaf(3, dtype=torch.float64)),
    ),
)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    check("in2_unbatched_warn", nn.InstanceNorm2d(4)(x3))
check("in_warnings", [str(w.message) for w in caught])
raises("in_err_spatial", lambda: F.instance_norm(torch.ones(2, 4, 1)))
raises("in_err_stats", lambda: F.instance_norm(x3, torch.zeros(3), torch.ones(3)))
raises("in_err_dim", lambda: nn.InstanceNorm1d(4)(torch.ones(2, 4, 3, 3)))
raises("in_err_dim2", lambda: nn.InstanceNorm2d(4)(torch.ones(2, 4)))
raises("in_err_features", lambda: nn.InstanceNorm1d(4, affine=True)(torch.ones(2, 5, 3)))

# ---- local response norm
lrn = nn.LocalResponseNorm(2)
check("lrn_repr", repr(lrn))
check("lrn_repr2", repr(nn.LocalResponseNorm(3, alpha=1e-3, beta=0.5, k=2)))
check("lrn_params", list(lrn.state_dict().keys()))
run("lrn_3d", lrn, leaf(2, 5, 3, k=0.9))
run(
    "lrn_3d_size3",
    lambda x: F.local_response_norm(x, 3, alpha=0.5, beta=0.6, k=1.5),
    leaf(2, 5, 3, k=0.9),
)
run("lrn_4d", lambda x: F.local_response_norm(x, 3, alpha=0.3, k=2.0), leaf(2, 5, 2, 3, k=0.6))
run("lrn_5d", lambda x: F.local_response_norm(x, 2, alpha=0.2), leaf(1, 4, 2, 2, 2, k=0.6))
check("lrn_empty", F.local_response_norm(torch.ones(0, 3, 2), 2))
check(
    "lrn_gradcheck",
    torch.autograd.gradcheck(
        lambda x: F.local_response_norm(x, 3, alpha=0.5), (leaf(2, 4, 3, dtype=torch.float64),)
    ),
)
check(
    "lrn_gradcheck_4d",
    torch.autograd.gradcheck(
        lambda x: F.local_response_norm(x, 2, alpha=0.5), (leaf(1, 4, 2, 3, dtype=torch.float64),)
    ),
)
raises("lrn_err_dim", lambda: F.local_response_norm(torch.ones(2, 4), 2))

# ---- RMS norm
rms = nn.RMSNorm(3)
params("rms", rms)
params("rms_2d", nn.RMSNorm([4, 3], eps=1e-3, elementwise_affine=False))
run("rms_module", rms, x3)
run("rms_f", lambda x, w: F.rms_norm(x, (3,), w, eps=1e-2), x3, leaf(3, k=1.1))
run("rms_f_2dims", lambda x: F.rms_norm(x, [4, 3]), x3)
run("rms_double", lambda x: F.rms_norm(x, (3,)), leaf(2, 3, dtype=torch.float64))
check("rms_tiny", F.rms_norm(torch.tensor([[1e-6, -1e-6]]), (2,)))
check(
    "rms_gradcheck",
    torch.autograd.gradcheck(
        lambda x, w: F.rms_norm(x, (3,), w),
        (leaf(2, 3, dtype=torch.float64), leaf(3, dtype=torch.float64)),
    ),
)
check(
    "rms_gradgradcheck",
    torch.autograd.gradgradcheck(
        lambda x, w: F.rms_norm(x, (3,), w),
        (leaf(2, 3, dtype=torch.float64), leaf(3, dtype=torch.float64)),
    ),
)
raises("rms_err_shape", lambda: F.rms_norm(x3, (4,)))
raises("rms_err_shape2", lambda: F.rms_norm(x3, (2, 3)))
raises("rms_err_weight", lambda: F.rms_norm(x3, (3,), torch.ones(4)))
raises("rms_err_int", lambda: F.rms_norm(x3, 3))
raises("rms_err_module", lambda: nn.RMSNorm(3)(torch.ones(2, 4)))
raises("rms_err_long", lambda: F.rms_norm(torch.ones(2, 3, dtype=torch.long), (3,)))
