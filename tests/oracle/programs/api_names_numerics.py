# Issue 13's missing public names, part 2: quantile / nanquantile, cov / corrcoef,
# histogram, trapezoid / cumulative_trapezoid, gradient, vander, windows, linalg
# (multi_dot, vecdot, cond, inv_ex, tensorinv / tensorsolve, lu_factor / lu_solve),
# cholesky_solve / triangular_solve, small creation names, and the torch-level nn
# functions (torch.conv1d, torch.dropout, torch.batch_norm, torch.kl_div...).
torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
v = torch.randn(5, requires_grad=True)


def run(name, fn, *inputs):
    for t in inputs:
        t.grad = None
    r = fn()
    if isinstance(r, tuple | list):
        check(name + "_rest", list(r[1:]))
        r = r[0]
    check(name, r)
    if r.requires_grad:
        check(name + "_graph", graph(r))
        wts = torch.arange(r.numel(), dtype=r.dtype).view(r.shape).cos()
        (r * wts).sum().backward()
        check(name + "_grads", [t.grad for t in inputs])


run("quantile", lambda: x.quantile(0.3), x)
run("quantile_dim", lambda: torch.quantile(x, torch.tensor([0.25, 0.5, 0.9]), dim=1), x)
run("quantile_keepdim", lambda: torch.quantile(x, 0.7, dim=0, keepdim=True), x)
run("quantile_q_keepdim", lambda: torch.quantile(x, torch.tensor([0.1, 0.6]), keepdim=True), x)
for mode in ["lower", "higher", "midpoint", "nearest"]:
    run(
        "quantile_" + mode,
        lambda mode=mode: torch.quantile(
            x, torch.tensor([0.1, 0.5, 0.6]), dim=1, interpolation=mode
        ),
        x,
    )
nan = float("nan")
y = torch.tensor([[1.0, nan, 3, 4], [2, 3, nan, nan]], requires_grad=True)
run("nanquantile", lambda: y.nanquantile(0.4, dim=1), y)
run("quantile_with_nan", lambda: y.quantile(0.4, dim=1), y)
run("nanquantile_q", lambda: torch.nanquantile(y, torch.tensor([0.2, 0.8])), y)
run("cov", lambda: x.cov(), x)
run("cov_vector", lambda: torch.cov(v), v)
run("cov_correction0", lambda: torch.cov(x, correction=0), x)
run("cov_fweights", lambda: torch.cov(x, fweights=torch.tensor([1, 2, 1, 3])), x)
run("cov_aweights", lambda: torch.cov(x, aweights=torch.tensor([0.5, 1.0, 2.0, 1.0])), x)
run("corrcoef", lambda: x.corrcoef(), x)
run("corrcoef_vector", lambda: torch.corrcoef(v), v)
xd = x.detach()
run("histogram", lambda: torch.histogram(xd, 4))
run("histogram_range_density", lambda: xd.histogram(3, range=(-1.0, 1.0), density=True))
run(
    "histogram_edges_weight",
    lambda: torch.histogram(xd, torch.tensor([-2.0, 0.0, 0.5, 3.0]), weight=torch.ones(3, 4) * 2),
)
run("histogram_constant", lambda: torch.histogram(torch.ones(3), 3))
run("trapz", lambda: torch.trapz(x), x)
run("trapezoid_dx", lambda: torch.trapezoid(x, dx=0.5, dim=0), x)
run("trapezoid_x", lambda: torch.trapezoid(x, torch.tensor([0.0, 1.0, 3.0, 4.0])), x)
run("cumulative_trapezoid", lambda: torch.cumulative_trapezoid(x), x)
run(
    "cumulative_trapezoid_x",
    lambda: torch.cumulative_trapezoid(x, torch.tensor([0.0, 1.0, 3.0, 4.0])),
    x,
)
run("gradient", lambda: torch.gradient(x), x)
run("gradient_spacing", lambda: torch.gradient(x, spacing=2.0, dim=1), x)
run("gradient_edge2", lambda: torch.gradient(x, dim=1, edge_order=2), x)
run(
    "gradient_coords",
    lambda: torch.gradient(x, spacing=(torch.tensor([0.0, 1.0, 3.0, 4.0]),), dim=1),
    x,
)
check("vander", torch.vander(v.detach(), 3))
check("vander_increasing", torch.vander(v.detach(), increasing=True))
check("vander_int", torch.vander(torch.arange(3), 4))
run("linalg_vander", lambda: torch.linalg.vander(v), v)
run("linalg_vander_N", lambda: torch.linalg.vander(v, N=4), v)
for w in ["hann_window", "hamming_window", "blackman_window", "bartlett_window", "kaiser_window"]:
    f = getattr(torch, w)
    check(w, [f(8), f(7, periodic=False), f(1), f(0), f(5, dtype=torch.float64)])
check("kaiser_beta", torch.kaiser_window(6, True, 5.0))
check("hamming_alpha_beta", torch.hamming_window(6, True, 0.6, 0.3))
a = torch.randn(4, 4)
A = (a @ a.t() + torch.eye(4)).requires_grad_()
run("multi_dot", lambda: torch.linalg.multi_dot([x, x.t(), x]), x)
run("multi_dot_vectors", lambda: torch.linalg.multi_dot([x[0], x.t(), x, x.t(), x[:, 0]]), x)
run("multi_dot4", lambda: torch.linalg.multi_dot([x.t(), x, x.t()[:, :2], x[:2, :3]]), x)
run("vecdot", lambda: torch.linalg.vecdot(x, x), x)
run("linalg_diagonal", lambda: torch.linalg.diagonal(x, offset=1), x)
run("inv_ex", lambda: torch.linalg.inv_ex(A), A)
run("tensorsolve", lambda: torch.linalg.tensorsolve(A.view(4, 2, 2), torch.ones(4)), A)
Ad = A.detach().double().requires_grad_()
run("cond", lambda: torch.linalg.cond(Ad), Ad)
check("cond_fro", torch.linalg.cond(A.detach(), "fro"))
run("linalg_matrix_power", lambda: torch.linalg.matrix_power(A, 3), A)
run("lu_factor", lambda: torch.linalg.lu_factor(A.detach()))
run("linalg_lu", lambda: torch.linalg.lu(a))
LU, piv = torch.linalg.lu_factor(A.detach())
B = torch.randn(4, 2, requires_grad=True)
run("lu_solve", lambda: torch.linalg.lu_solve(LU, piv, B), B)
run("lu_unpack", lambda: torch.lu_unpack(LU, piv))
L = torch.linalg.cholesky(A.detach()).requires_grad_()
run("cholesky_solve", lambda: torch.cholesky_solve(B, L), B, L)
run("cholesky_solve_upper", lambda: torch.cholesky_solve(B, L.t(), upper=True), B, L)
run("cholesky_inverse", lambda: torch.cholesky_inverse(L.detach()))
run("triangular_solve", lambda: torch.triangular_solve(B, L, upper=False).solution, B, L)
run("triangular_solve_t", lambda: torch.triangular_solve(B, L.t(), transpose=True)[0], B, L)
check("triangular_solve_clone", torch.triangular_solve(B, L, upper=False)[1].detach())
check("asarray", [torch.asarray([1, 2]), torch.asarray(torch.ones(2), dtype=torch.long)])
run("fill", lambda: torch.fill(x, 2.0), x)
check("scalar_tensor", [torch.scalar_tensor(3), torch.scalar_tensor(2, dtype=torch.long)])
es = torch.empty_strided((2, 3), (1, 2))
check("empty_strided", [es.shape, es.stride()])
check(
    "frombuffer",
    torch.frombuffer(bytearray(b"\x01\x00\x00\x00\x02\x00\x00\x00"), dtype=torch.int32),
)
check(
    "legacy_constructors",
    [
        torch.IntTensor([1, 2]),
        torch.CharTensor([1]).dtype,
        torch.ShortTensor([[3]]),
        torch.ByteTensor([1, 2]),
    ],
)
check("get_device", [torch.get_device(x), x.get_device()])
check("unravel_index", list(torch.unravel_index(torch.tensor([5, 7]), (2, 4))))
src = torch.tensor([[2.0, 3], [4, 5], [6, 7]])
ix = torch.tensor([0, 2, 0])
check("index_reduce_prod", torch.index_reduce(torch.ones(3, 2), 0, ix, src, "prod"))
check("index_reduce_mean", torch.ones(3, 2).index_reduce_(0, ix, src, "mean", include_self=False))
check("index_reduce_amax", torch.ones(3, 2).index_reduce(0, ix, src, "amax"))
check("index_reduce_amin", torch.ones(3, 2).index_reduce(0, ix, src, "amin", include_self=False))
torch.set_warn_always(True)
check("warn_always", torch.is_warn_always_enabled())
torch.set_warn_always(False)
check("warn_always_off", torch.is_warn_always_enabled())
check("detach_", torch.detach_(x * 1).requires_grad)

# --- torch-level nn functions (ATen signatures)
F = torch.nn.functional
s = torch.randn(2, 4, 6, requires_grad=True)
im = torch.randn(2, 4, 6, 6, requires_grad=True)
m = torch.randn(3, 4, requires_grad=True)
w1 = torch.randn(3, 4, 2, requires_grad=True)
run("torch_conv1d", lambda: torch.conv1d(s, w1, None, 2), s, w1)
run("torch_conv_transpose1d", lambda: torch.conv_transpose1d(s, w1.transpose(0, 1)), s, w1)
run("torch_max_pool1d", lambda: torch.max_pool1d(s, 2), s)
run("torch_max_pool2d", lambda: torch.max_pool2d(im, 2, 1), im)
run("torch_max_pool1d_with_indices", lambda: torch.max_pool1d_with_indices(s, 2), s)
run("F_max_pool2d_with_indices", lambda: F.max_pool2d_with_indices(im, 3), im)
run("F_adaptive_max_pool2d_with_indices", lambda: F.adaptive_max_pool2d_with_indices(im, 2), im)
run("torch_avg_pool1d", lambda: torch.avg_pool1d(s, 3), s)
run("torch_adaptive_avg_pool1d", lambda: torch.adaptive_avg_pool1d(s, 4), s)
run("torch_adaptive_max_pool1d", lambda: torch.adaptive_max_pool1d(s, 4), s)
torch.manual_seed(3)
run("torch_dropout", lambda: torch.dropout(s, 0.4, True), s)
run("torch_dropout_eval", lambda: torch.dropout(s, 0.4, False), s)
run("torch_feature_dropout", lambda: torch.feature_dropout(im, 0.5, True), im)
run("torch_alpha_dropout", lambda: torch.alpha_dropout(s, 0.3, True), s)
run("torch_embedding", lambda: torch.embedding(m, torch.tensor([[0, 2], [1, 1]])), m)
run("torch_embedding_padding", lambda: torch.embedding(m, torch.tensor([[0, 2], [1, 1]]), 1), m)
run("torch_layer_norm", lambda: torch.layer_norm(s, [6]), s)
run(
    "torch_batch_norm",
    lambda: torch.batch_norm(s, None, None, None, None, True, 0.1, 1e-5, False),
    s,
)
rm, rv = torch.zeros(4), torch.ones(4)
run(
    "torch_batch_norm_running",
    lambda: torch.batch_norm(s, torch.ones(4), torch.zeros(4), rm, rv, True, 0.1, 1e-5, False),
    s,
)
check("torch_batch_norm_stats", [rm, rv])
run("torch_group_norm", lambda: torch.group_norm(im, 2), im)
run(
    "torch_instance_norm",
    lambda: torch.instance_norm(im, None, None, None, None, True, 0.1, 1e-5, False),
    im,
)
run("torch_rms_norm", lambda: torch.rms_norm(s, [6]), s)
run("torch_threshold", lambda: torch.threshold(s, 0.2, -1.0), s)
run("torch_threshold_", lambda: torch.threshold_(s * 1, 0.2, -1.0), s)
run("torch_selu", lambda: torch.selu(s), s)
run("torch_selu_", lambda: torch.selu_(s * 1), s)
run("torch_celu", lambda: torch.celu(s, 0.5), s)
run("torch_celu_", lambda: torch.celu_(s * 1), s)
run("F_elu_", lambda: F.elu_(s * 1), s)
run("F_elu_inplace", lambda: F.elu(s * 1, inplace=True), s)
run("F_hardtanh_", lambda: F.hardtanh_(s * 1, -0.5, 0.5), s)
run("F_leaky_relu_", lambda: F.leaky_relu_(s * 1, 0.2), s)
run("torch_prelu", lambda: torch.prelu(s, torch.tensor([0.1, 0.2, 0.3, 0.4])), s)
run("torch_pixel_shuffle", lambda: torch.pixel_shuffle(im, 2), im)
run("torch_pixel_unshuffle", lambda: torch.pixel_unshuffle(im, 2), im)
run("torch_cosine_similarity", lambda: torch.cosine_similarity(m, m.flip(0)), m)
run("torch_pairwise_distance", lambda: torch.pairwise_distance(m, m.flip(0)), m)
run("torch_pdist", lambda: torch.pdist(m), m)
run("F_pdist_p1", lambda: F.pdist(m, 1), m)
run("F_pdist_p3", lambda: F.pdist(m, 3), m)
run("torch_kl_div", lambda: torch.kl_div(m, m.exp()), m)
run("torch_kl_div_sum_log", lambda: torch.kl_div(m, m * 0.5, 2, log_target=True), m)
tgt = m.sigmoid().detach()
run("torch_bce_logits", lambda: torch.binary_cross_entropy_with_logits(m, tgt), m)
run(
    "torch_bce_logits_mean",
    lambda: torch.binary_cross_entropy_with_logits(m, tgt, None, torch.ones(4) * 2, 1),
    m,
)
run("torch_hinge", lambda: torch.hinge_embedding_loss(m, torch.tensor([[1.0, -1, 1, -1]] * 3)), m)
run(
    "torch_margin_ranking",
    lambda: torch.margin_ranking_loss(m[0], m[1], torch.tensor([1.0, -1, 1, -1])),
    m,
)
run("torch_triplet", lambda: torch.triplet_margin_loss(m, m.flip(0), m.flip(1)), m)
run(
    "torch_cosine_embedding",
    lambda: torch.cosine_embedding_loss(m, m.flip(0), torch.tensor([1.0, -1, 1]), 0.0, 2),
    m,
)
run(
    "torch_poisson_nll",
    lambda: torch.poisson_nll_loss(m, m.exp().detach(), True, False, 1e-8, 1),
    m,
)
run("F_hardshrink", lambda: F.hardshrink(m, 0.3), m)
run("F_softshrink", lambda: F.softshrink(m, 0.3), m)
run("F_lp_pool1d", lambda: F.lp_pool1d(s, 2, 2), s)
run("F_lp_pool2d", lambda: F.lp_pool2d(im.abs(), 3, 2), im)
run("F_channel_shuffle", lambda: F.channel_shuffle(im, 2), im)

# --- bad arguments
raises("quantile_q_range", lambda: torch.quantile(x, 1.5))
raises("quantile_q_tensor_range", lambda: torch.quantile(x, torch.tensor([0.1, 2.0])))
raises("quantile_int", lambda: torch.quantile(torch.arange(4), 0.5))
raises("quantile_mode", lambda: torch.quantile(x, 0.5, interpolation="foo"))
raises("quantile_q_2d", lambda: torch.quantile(x, torch.tensor([[0.1]])))
raises("quantile_q_dtype", lambda: torch.quantile(x, torch.tensor([0.1]).double()))
raises("quantile_empty", lambda: torch.quantile(torch.tensor([]), 0.5))
raises("quantile_dim", lambda: torch.quantile(x, 0.5, dim=5))
raises("cov_3d", lambda: torch.cov(torch.randn(2, 2, 2)))
raises("cov_bool", lambda: torch.cov(torch.tensor([True])))
raises("corrcoef_3d", lambda: torch.corrcoef(torch.randn(2, 2, 2)))
raises("histogram_int", lambda: torch.histogram(torch.arange(4), 3))
raises("histogram_bins0", lambda: torch.histogram(xd, 0))
raises("histogram_range", lambda: torch.histogram(xd, 3, range=(1.0, 0.0)))
raises("trapz_bool", lambda: torch.trapz(torch.tensor([True, False])))
raises("trapezoid_x_len", lambda: torch.trapezoid(x, torch.arange(3.0)))
raises("gradient_edge_order", lambda: torch.gradient(x, edge_order=3))
raises("gradient_small", lambda: torch.gradient(torch.ones(1, 4)))
raises("vander_2d", lambda: torch.vander(x))
raises("linalg_vander_N", lambda: torch.linalg.vander(torch.arange(3.0), N=1))
raises("hann_negative", lambda: torch.hann_window(-1))
raises("hann_long", lambda: torch.hann_window(5, dtype=torch.long))
raises("multi_dot_one", lambda: torch.linalg.multi_dot([x]))
raises("multi_dot_shapes", lambda: torch.linalg.multi_dot([x, x]))
raises("multi_dot_3d", lambda: torch.linalg.multi_dot([x, torch.ones(4, 2, 2), x]))
raises("cond_1d", lambda: torch.linalg.cond(v))
raises("lu_factor_1d", lambda: torch.linalg.lu_factor(v))
raises("tensorinv_ind", lambda: torch.linalg.tensorinv(A, 0))
raises("tensorinv_shape", lambda: torch.linalg.tensorinv(torch.ones(2, 3), 1))
raises("torch_dropout_p", lambda: torch.dropout(s, 1.5, True))
raises("torch_pdist_3d", lambda: torch.pdist(s))
raises("channel_shuffle_groups", lambda: F.channel_shuffle(im, 3))
raises("torch_embedding_not_tensor", lambda: torch.embedding([1], m))
raises("torch_max_pool1d_str", lambda: torch.max_pool1d("a", 2))
raises("torch_kl_div_reduction_str", lambda: torch.kl_div(m, m, reduction="mean"))
raises("softshrink_negative", lambda: F.softshrink(m, -1))
raises("softshrink_int", lambda: F.softshrink(torch.tensor([1, 2])))
raises("index_reduce_mode", lambda: torch.index_reduce(torch.ones(3, 2), 0, ix, src, "sum"))
