# Issue 13's missing public names, part 1: Tensor methods that are another name or the
# in-place form of an op, the one-node products (addmv / addr / addbmm), fmax / fmin,
# hardshrink, dist, renorm, put / index_put, as_strided, narrow_copy, the *_scatter
# family, matrix_power, diagflat, sum_to_size, fill_diagonal_; values, grads, grad_fn
# names, and bad arguments (engine/api_names.py).
torch.manual_seed(0)
x = torch.randn(3, 3, requires_grad=True)
v = torch.randn(3, requires_grad=True)
b = torch.randn(2, 3, 3, requires_grad=True)


def run(name, fn, *inputs):
    """The result (value, grad_fn) and the inputs' gradients of a weighted sum."""
    for t in inputs:
        t.grad = None
    r = fn()
    if isinstance(r, tuple | list):
        r = r[0]
    check(name, r)
    if r.requires_grad:
        check(name + "_graph", graph(r))
        wts = torch.arange(r.numel(), dtype=r.dtype).view(r.shape).cos()
        (r * wts).sum().backward()
        check(name + "_grads", [t.grad for t in inputs])


run("addmv", lambda: torch.addmv(v, x, v, beta=0.5, alpha=2), x, v)
run("addmv_method", lambda: v.addmv(x, v), x, v)
run("addmv_inplace", lambda: (v * 1).addmv_(x, v, alpha=3), x, v)
run("addr", lambda: torch.addr(x, v, v * 2, beta=2), x, v)
run("addr_method", lambda: x.addr(v, v), x, v)
run("addbmm", lambda: torch.addbmm(x, b, b, alpha=0.5), x, b)
run("addbmm_inplace", lambda: (x * 1).addbmm_(b, b), x, b)
run("addmm_method", lambda: x.addmm(x, x.t(), beta=0.5), x)
run("addmm_inplace", lambda: (x * 1).addmm_(x, x), x)
run("baddbmm_inplace", lambda: (b * 1).baddbmm_(b, b, alpha=2), b)
run("fmax", lambda: x.fmax(x.t()), x)
run("fmin", lambda: torch.fmin(x, v), x, v)
check(
    "fmax_nan",
    torch.fmax(
        torch.tensor([1.0, float("nan"), float("nan")]),
        torch.tensor([float("nan"), 2.0, float("nan")]),
    ),
)
check("fmin_int", torch.fmin(torch.tensor([1, 5]), torch.tensor([3, 2])))
check("fmax_mixed", torch.fmax(torch.tensor([1, 5]), torch.tensor([3.5, 2.0])))
run("hardshrink", lambda: x.hardshrink(0.6), x)
run("hardshrink_torch", lambda: torch.hardshrink(x), x)
run("dist", lambda: x.dist(v), x, v)
run("dist_p3", lambda: torch.dist(x, v, 3), x, v)
run("dist_p1", lambda: torch.dist(x, v, 1), x, v)
run("dist_inf", lambda: x.dist(v, float("inf")), x, v)
run("renorm", lambda: x.renorm(2, 0, 1.0), x)
run("renorm_p1", lambda: torch.renorm(x, 1, 1, 1.5), x)
run("renorm_inplace", lambda: (x * 1).renorm_(2, 1, 0.5), x)
run("put", lambda: x.put(torch.tensor([0, 4, -1]), v), x, v)
run("put_accumulate", lambda: torch.put(x, torch.tensor([0, 0, 1]), v, accumulate=True), x, v)
run("put_inplace", lambda: (x * 1).put_(torch.tensor([0, 4]), v[:2]), x, v)
run("index_put", lambda: x.index_put((torch.tensor([0, 2]),), v), x, v)
run(
    "index_put_acc",
    lambda: x.index_put((torch.tensor([0, 0]), torch.tensor([1, 1])), v[0], accumulate=True),
    x,
    v,
)
run(
    "index_put_inplace_acc",
    lambda: (x * 1).index_put_((torch.tensor([1, 1]),), v, accumulate=True),
    x,
    v,
)
check(
    "index_put_int",
    torch.zeros(4, dtype=torch.long).index_put_((torch.tensor([1, 1, 3]),), torch.tensor(2), True),
)
run("as_strided_windows", lambda: x.as_strided((2, 2, 2), (3, 1, 1)), x)
run("as_strided_offset", lambda: x.as_strided((2, 2), (1, 3), 2), x)
run(
    "as_strided_im2col",
    lambda: torch.arange(16.0).view(4, 4).requires_grad_().as_strided((3, 3, 2, 2), (4, 1, 4, 1)),
)
im = torch.arange(16.0).view(1, 4, 4)
check("as_strided_view_values", im.as_strided((3, 3, 2, 2), (4, 1, 4, 1)).reshape(9, 4))
check("as_strided_stride", x.as_strided((2, 2), (1, 3)).stride())
run("narrow_copy", lambda: x.narrow_copy(1, 1, 2), x)
run("select_scatter", lambda: x.select_scatter(v, 1, -1), x, v)
run("slice_scatter", lambda: x.slice_scatter(x[:2] * 2, 0, 1), x)
run("slice_scatter_step", lambda: torch.slice_scatter(x, x[:, :2] * 2, 1, 0, None, 2), x)
run("diagonal_scatter", lambda: x.diagonal_scatter(v[:2], 1), x, v)
run("diagonal_scatter_3d", lambda: b.diagonal_scatter(x[:2] * 1, 0, 1, 2), b, x)
run("matrix_power3", lambda: x.matrix_power(3), x)
run("matrix_power5", lambda: torch.matrix_power(x, 5), x)
run("matrix_power_neg", lambda: x.matrix_power(-2), x)
run("matrix_power0", lambda: x.matrix_power(0), x)
run("matrix_power1", lambda: x.matrix_power(1), x)
run("matrix_power_batch", lambda: b.matrix_power(2), b)
run("diagflat", lambda: x.diagflat(-1), x)
run("diagflat_vec", lambda: torch.diagflat(v, 1), v)
run("sum_to_size", lambda: b.sum_to_size(3, 1), b)
run("sum_to_size_tuple", lambda: b.sum_to_size((1, 3, 3)), b)
run("fill_diagonal_", lambda: (x * 1).fill_diagonal_(5), x)
check("fill_diagonal_wrap", torch.zeros(7, 3).fill_diagonal_(1, wrap=True))
check("fill_diagonal_nowrap", torch.zeros(7, 3).fill_diagonal_(1))
check("fill_diagonal_3d", torch.zeros(3, 3, 3).fill_diagonal_(2).sum())
check("fill_diagonal_int", torch.zeros(3, 3, dtype=torch.long).fill_diagonal_(1.5))
run("squeeze_", lambda: (x[None] * 1).squeeze_(), x)
run("squeeze_dim", lambda: (x[None] * 1).squeeze_(0), x)
run("tril_", lambda: (x * 1).tril_(-1), x)
run("triu_", lambda: (x * 1).triu_(), x)
run("cumsum_", lambda: (x * 1).cumsum_(1), x)
run("cumprod_", lambda: (x * 1).cumprod_(0), x)
run("subtract_", lambda: (x * 1).subtract_(v, alpha=2), x, v)
run("multiply_", lambda: (x * 1).multiply_(v), x, v)
run("divide_", lambda: (x * 1).divide_(v + 3), x, v)
run("true_divide_", lambda: (x * 1).true_divide_(2.0), x)
run("nan_to_num_", lambda: x.log().nan_to_num_(1.0), x)
run("split_with_sizes", lambda: x.split_with_sizes([1, 2], 1), x)
run("torch_split_with_sizes", lambda: torch.split_with_sizes(x, [2, 1]), x)
run("ger", lambda: v.ger(v), v)
run("vdot", lambda: v.vdot(v * 2), v)
run("inner", lambda: x.inner(v), x, v)
run("absolute", lambda: x.absolute(), x)
run("positive", lambda: x.positive(), x)
run("msort", lambda: x.msort(), x)
check("isclose", x.isclose(x + 1e-9))
check("aminmax_values", list(x.detach().aminmax(dim=0)))
check("gcd", torch.tensor([12, 18, -4]).gcd(torch.tensor([8, 27, 6])))
check("lcm", torch.lcm(torch.tensor([4, 6]), torch.tensor([6, 4])))
check("gcd_", torch.tensor([12, 18]).gcd_(torch.tensor([8, 12])))
inf = float("inf")
check("isposinf", torch.isposinf(torch.tensor([1.0, inf, -inf])))
check("isneginf", torch.tensor([1.0, inf, -inf]).isneginf())
check("isposinf_int", torch.isposinf(torch.tensor([1, 2])))
check("isreal", torch.isreal(torch.tensor([1.0, 2.0])))
check("eq_", torch.tensor([1.0, 2.0, 3.0]).eq_(torch.tensor([1.0, 0.0, 3.0])))
check("ge_", torch.tensor([1, 2, 3]).ge_(2))
check("greater_", torch.tensor([1, 2, 3]).greater_(2))
check("less_equal_", torch.tensor([1.0, 2.0, 3.0]).less_equal_(2))
check("not_equal_", torch.tensor([1.0, 2.0, 3.0]).not_equal_(2))
check(
    "lt_ne_gt_le",
    [
        torch.tensor([1, 2, 3]).lt_(2),
        torch.tensor([1, 2, 3]).ne_(2),
        torch.tensor([1, 2, 3]).gt_(2),
        torch.tensor([1, 2, 3]).le_(2),
    ],
)
check(
    "greater_methods",
    [v.greater(0), v.greater_equal(0), v.less(0), v.less_equal(0), v.not_equal(0)],
)
check("floor_divide_", torch.tensor([5, 6]).floor_divide_(4))
check("remainder_", torch.tensor([5.0, -6.0]).remainder_(4))
check(
    "bitwise_inplace",
    [
        torch.tensor([5, 6]).bitwise_and_(3),
        torch.tensor([5, 6]).bitwise_or_(8),
        torch.tensor([5, 6]).bitwise_xor_(1),
        torch.tensor([5, 6]).bitwise_not_(),
    ],
)
check(
    "shifts",
    [torch.tensor([5, 6]).bitwise_left_shift_(1), torch.tensor([5, 6]).bitwise_right_shift(1)],
)
check(
    "logical_inplace",
    [
        torch.tensor([True, False]).logical_not_(),
        torch.tensor([1.0, 0.0]).logical_or_(torch.tensor([0.0, 0.0])),
        torch.tensor([1, 0, 2]).logical_and_(torch.tensor([1.0, 1.0, 0.0])),
        torch.tensor([1, 0]).logical_xor_(torch.tensor([1, 1])),
    ],
)
check("apply_", torch.ones(2, 3).apply_(lambda t: t * 3))
check("map_", torch.ones(2).map_(torch.tensor([2.0, 3.0]), lambda a, c: a + c))
z = torch.zeros(2, 2)
z.resize_as_(torch.ones(4))
check("resize_as_", z.shape)
check("is_same_size", [x.is_same_size(x), x.is_same_size(v)])
check("is_signed", [x.is_signed(), torch.tensor([True]).is_signed(), torch.tensor([1]).is_signed()])
torch.manual_seed(1)
check("bernoulli_method", [torch.tensor([0.0, 1.0]).bernoulli(), torch.ones(6).bernoulli(0.5)])
y = torch.randn(3, 3, requires_grad=True) * 1
y.eq_(0.0)
check("eq_inplace_grad_fn", y)

# --- bad arguments
w4 = torch.randn(4)
raises("addmv_size", lambda: torch.addmv(v, x, w4))
raises("addmv_input_size", lambda: torch.addmv(w4, x, v))
raises("addmv_1d_mat", lambda: torch.addmv(v, v, v))
raises("addmv_dtype", lambda: torch.addmv(v, x, v.double()))
raises("addmv_beta_str", lambda: torch.addmv(v, x, v, beta="a"))
raises("addr_2d", lambda: torch.addr(x, x, v))
raises("addr_2d_vec2", lambda: torch.addr(x, v, x))
raises("addr_size", lambda: torch.addr(x, v, w4))
raises("addbmm_2d", lambda: torch.addbmm(x, x, x))
raises("addbmm_sizes", lambda: torch.addbmm(x, b, torch.randn(2, 4, 3)))
raises("addbmm_batches", lambda: torch.addbmm(x, b, torch.randn(3, 3, 3)))
raises("addbmm_input", lambda: torch.addbmm(torch.randn(2, 2), b, b))
raises("addmm_inplace_vec", lambda: x.clone().addmm_(x, v))
raises("fmax_scalar", lambda: torch.fmax(x, 2.0))
raises("fmax_shapes", lambda: torch.fmax(v, w4))
raises("dist_int", lambda: torch.dist(torch.tensor([1, 2]), torch.tensor([2, 1])))
raises("dist_shapes", lambda: torch.dist(v, w4))
raises("dist_p_str", lambda: torch.dist(v, v, p="fro"))
raises("hardshrink_int", lambda: torch.tensor([1, 2]).hardshrink())
raises("renorm_p", lambda: x.renorm(-1, 0, 1))
raises("renorm_maxnorm", lambda: x.renorm(2, 0, -1))
raises("renorm_int", lambda: torch.ones(3, 3, dtype=torch.long).renorm(2, 0, 1))
raises("renorm_1d", lambda: v.renorm(2, 0, 1))
raises("renorm_dim", lambda: x.renorm(2, 3, 1))
raises("put_oob", lambda: x.put(torch.tensor([10]), torch.tensor([1.0])))
raises("put_float_index", lambda: x.put(torch.tensor([1.0]), torch.tensor([1.0])))
raises("put_counts", lambda: x.put(torch.tensor([1, 2]), torch.tensor([1.0])))
raises("put_source_dtype", lambda: x.put(torch.tensor([1]), torch.tensor([1])))
raises("index_put_oob", lambda: x.index_put([torch.tensor([5])], torch.tensor(1.0)))
raises("index_put_not_tuple", lambda: x.index_put(torch.tensor([1]), torch.tensor(1.0)))
raises("as_strided_oob", lambda: x.as_strided((3, 3), (3, 3)))
raises("as_strided_negative", lambda: x.as_strided((3, 3), (-1, 1)))
raises("as_strided_lengths", lambda: x.as_strided((3, 3), (1,)))
raises("narrow_copy_oob", lambda: x.narrow_copy(0, 2, 2))
raises("select_scatter_shape", lambda: x.select_scatter(w4, 0, 0))
raises("slice_scatter_shape", lambda: x.slice_scatter(x, 0, 0, 1))
raises("diagonal_scatter_shape", lambda: x.diagonal_scatter(w4))
raises("matrix_power_nonsquare", lambda: torch.randn(2, 3).matrix_power(2))
raises("matrix_power_1d", lambda: v.matrix_power(2))
raises("matrix_power_int_neg", lambda: torch.ones(2, 2, dtype=torch.long).matrix_power(-1))
check("matrix_power_int", torch.ones(2, 2, dtype=torch.long).matrix_power(3))
raises("gcd_float", lambda: torch.gcd(x, x))
raises("sum_to_size_bad", lambda: x.sum_to_size(4))
raises("split_with_sizes_bad", lambda: x.split_with_sizes([1, 1]))
raises("fill_diagonal_shapes", lambda: torch.zeros(3, 4, 5).fill_diagonal_(1))
raises("fill_diagonal_1d", lambda: torch.zeros(3).fill_diagonal_(1))
raises("squeeze_dim", lambda: x.clone().squeeze_(5))
raises("tril_1d", lambda: v.clone().tril_())
raises("cumsum_dim", lambda: v.clone().cumsum_(3))
raises("remainder_cast", lambda: torch.ones(3, dtype=torch.long).remainder_(1.5))
raises("eq_shape", lambda: v.clone().eq_(x))
raises("bitwise_and_float", lambda: x.clone().bitwise_and_(1))
raises("ger_2d", lambda: torch.ger(x, v))
raises("apply_grad", lambda: torch.ones(2, requires_grad=True).apply_(lambda t: t * 2))
raises("positive_bool", lambda: torch.tensor([True]).positive())
raises("leaf_inplace", lambda: x.tril_())
