# PReLU / F.prelu, GLU / F.glu, Tanhshrink, Threshold / F.threshold, Hardswish /
# F.hardswish, Hardsigmoid / F.hardsigmoid, Softmax2d, AlphaDropout / F.alpha_dropout,
# Bilinear / F.bilinear, F.gumbel_softmax: reprs, parameters, values, grads, graphs, errors
import warnings


def arr(*shape, k=0.7, dtype=torch.float32, s=2.5):
    n = 1
    for d in shape:
        n *= d
    vals = torch.sin(torch.arange(n, dtype=torch.float64) * k + 0.3) * s
    return vals.to(dtype).reshape(shape)


def leaf(*shape, k=0.7, dtype=torch.float32, s=2.5):
    return arr(*shape, k=k, dtype=dtype, s=s).requires_grad_()


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


def module(name, m):
    check(name + "_repr", repr(m))
    check(name + "_state", list(m.state_dict().keys()))


def gc(name, fn, *inputs, second=True):
    d = tuple(t.detach().double().requires_grad_() for t in inputs)
    check(name + "_gradcheck", torch.autograd.gradcheck(fn, d))
    if second:
        check(name + "_gradgradcheck", torch.autograd.gradgradcheck(fn, d))


x = leaf(2, 4, 3)
x2 = leaf(3, 4, k=1.3)
wide = leaf(2, 9, k=0.37, s=5.0)  # values across -5..5: every piece of hardswish/hardsigmoid

# ---- PReLU
p1 = nn.PReLU()
module("prelu1", p1)
check("prelu1_weight", p1.weight)
module("prelu4", nn.PReLU(4, init=0.1))
run("prelu_module", p1, x)
run("prelu_channels", nn.PReLU(4, init=0.1), x)
run("prelu_f", lambda a, w: F.prelu(a, w), x2, leaf(4, k=0.4, s=0.5))
run("prelu_1d", lambda a, w: F.prelu(a, w), leaf(5), leaf(1, s=0.3))
run("prelu_0d_weight", lambda a, w: F.prelu(a, w), leaf(5), leaf(k=0.1, s=0.3))
gc("prelu", lambda a, w: F.prelu(a, w), x2, leaf(4, k=0.4, s=0.5))
raises("prelu_err_channels", lambda: F.prelu(x2, torch.ones(3)))
raises("prelu_err_ndim", lambda: F.prelu(x2, torch.ones(4, 1)))
raises("prelu_err_dtype", lambda: F.prelu(x2, torch.ones(4).double()))
raises("prelu_err_type", lambda: F.prelu([1.0], torch.ones(1)))

# ---- GLU
module("glu", nn.GLU())
module("glu_dim", nn.GLU(dim=0))
run("glu_module", nn.GLU(), x2)
run("glu_dim1", lambda a: F.glu(a, 1), x)
gc("glu", lambda a: F.glu(a, 1), x)
raises("glu_err_odd", lambda: F.glu(x))
raises("glu_err_scalar", lambda: F.glu(torch.tensor(1.0)))
raises("glu_err_dim", lambda: F.glu(x2, dim=3))
raises("glu_err_type", lambda: F.glu([1.0]))

# ---- Tanhshrink
module("tanhshrink", nn.Tanhshrink())
run("tanhshrink", nn.Tanhshrink(), x2)
raises("tanhshrink_err_type", lambda: F.tanhshrink([1.0]))

# ---- Threshold
module("threshold", nn.Threshold(0.1, 20))
module("threshold_inplace", nn.Threshold(0.1, 20.0, inplace=True))
run("threshold_module", nn.Threshold(0.5, -2.0), x2)
run("threshold_f", lambda a: F.threshold(a, 0.1, 2.0), x2)
run("threshold_inplace", lambda a: F.threshold(a * 1, 0.1, 2.0, inplace=True), x2)
run("threshold_inplace_big_value", lambda a: F.threshold(a * 1, 0.1, 0.05, inplace=True), x2)
check("threshold_long", F.threshold(torch.arange(-3, 4), 0, 10))
gc("threshold", lambda a: F.threshold(a, 0.1, 2.0), x2)
raises("threshold_err_missing", lambda: F.threshold(x2, 0.1))
raises("threshold_err_type", lambda: F.threshold([1.0], 1, 1))

# ---- Hardswish / Hardsigmoid
module("hardswish", nn.Hardswish())
module("hardswish_inplace", nn.Hardswish(inplace=True))
module("hardsigmoid", nn.Hardsigmoid())
run("hardswish", nn.Hardswish(), wide)
run("hardsigmoid", nn.Hardsigmoid(), wide)
edges = torch.tensor([-4.0, -3.0, -2.5, 0.0, 2.5, 3.0, 4.0], requires_grad=True)
run("hardswish_edges", F.hardswish, edges)
run("hardsigmoid_edges", F.hardsigmoid, edges)
run("hardswish_inplace", lambda a: F.hardswish(a * 1, inplace=True), wide)
run("hardsigmoid_inplace", lambda a: F.hardsigmoid(a * 1, inplace=True), wide)
run("hardswish_double", F.hardswish, leaf(2, 9, k=0.37, s=5.0, dtype=torch.float64))
gc("hardswish", F.hardswish, wide)
gc("hardsigmoid", F.hardsigmoid, wide, second=False)
hs_in = leaf(4, k=0.9)
raises(
    "hardsigmoid_double_backward",
    lambda: (
        torch.autograd.grad(F.hardsigmoid(hs_in).sum(), hs_in, create_graph=True)[0]
        .sum()
        .backward()
    ),
)
raises("hardswish_err_long", lambda: F.hardswish(torch.ones(2, dtype=torch.long)))
raises("hardsigmoid_err_long", lambda: F.hardsigmoid(torch.ones(2, dtype=torch.long)))
raises("hardswish_err_type", lambda: F.hardswish([1.0]))
raises("hardsigmoid_err_type", lambda: F.hardsigmoid([1.0]))

# ---- Softmax2d
module("softmax2d", nn.Softmax2d())
run("softmax2d_4d", nn.Softmax2d(), leaf(2, 3, 2, 2, k=0.9))
run("softmax2d_3d", nn.Softmax2d(), leaf(3, 2, 2, k=0.9))
raises("softmax2d_err", lambda: nn.Softmax2d()(x2))

# ---- AlphaDropout
ad = nn.AlphaDropout(0.2)
module("alpha_dropout", ad)
module("alpha_dropout_inplace", nn.AlphaDropout(0.3, inplace=True))
torch.manual_seed(0)
y = ad(x2)
check("alpha_dropout_graph", graph(y))
check("alpha_dropout_shape", y.shape)
ad.eval()
check("alpha_dropout_eval_same", ad(x2) is x2)
check("alpha_dropout_f_eval", F.alpha_dropout(x2, 0.5) is x2)
check("alpha_dropout_p0", F.alpha_dropout(x2, 0.0, True) is x2)
run("alpha_dropout_p1", lambda a: F.alpha_dropout(a, 1.0, True), x2)
# kept entries are a·x + α·a·p, dropped ones -α·a·(1-p)... both affine in x
y = F.alpha_dropout(x2, 0.5, True)
alpha = 1.7580993408473766
a = 1.0 / ((alpha * alpha * 0.5 + 1) * 0.5) ** 0.5
dropped_value = -alpha * a + alpha * a * 0.5
kept = (y - (x2 * a + alpha * a * 0.5)).abs() < 1e-5
dropped = (y - dropped_value).abs() < 1e-5
check("alpha_dropout_values_affine", bool((kept | dropped).all()))
raises("alpha_dropout_err_p", lambda: F.alpha_dropout(x2, 1.5))
raises("alpha_dropout_err_module", lambda: nn.AlphaDropout(-0.1))

# ---- Bilinear
torch.manual_seed(0)
bl = nn.Bilinear(4, 3, 5)
module("bilinear", bl)
module("bilinear_nobias", nn.Bilinear(2, 3, 4, bias=False))
check("bilinear_shapes", [list(p.shape) for p in bl.parameters()])
bound = 1 / 4**0.5
check("bilinear_init_bound", all(bool((p.abs() <= bound).all()) for p in bl.parameters()))
with torch.no_grad():
    bl.weight.copy_(arr(5, 4, 3, k=0.61, s=0.5))
    bl.bias.copy_(arr(5, k=1.9, s=0.5))
y1 = leaf(2, 3, k=0.8)
run("bilinear_module", bl, x2[:2].detach().requires_grad_(), y1)
run(
    "bilinear_f",
    lambda a, b, w: F.bilinear(a, b, w),
    leaf(3, 2),
    leaf(3, 3, k=0.9),
    leaf(4, 2, 3, k=0.2, s=0.5),
)
run(
    "bilinear_3d",
    lambda a, b, w, c: F.bilinear(a, b, w, c),
    leaf(2, 3, 2),
    leaf(2, 3, 3, k=0.9),
    leaf(4, 2, 3, k=0.2, s=0.5),
    leaf(4, k=0.5),
)
run(
    "bilinear_1d",
    lambda a, b, w: F.bilinear(a, b, w),
    leaf(2),
    leaf(3, k=0.9),
    leaf(4, 2, 3, k=0.2, s=0.5),
)
gc(
    "bilinear",
    lambda a, b, w, c: F.bilinear(a, b, w, c),
    leaf(3, 2),
    leaf(3, 3, k=0.9),
    leaf(4, 2, 3, k=0.2, s=0.5),
    leaf(4, k=0.5),
)
raises("bilinear_err_dims", lambda: F.bilinear(x2, x2[0], torch.ones(2, 4, 4)))
raises("bilinear_err_batch", lambda: F.bilinear(x2, torch.ones(2, 4), torch.ones(2, 4, 4)))
raises("bilinear_err_in1", lambda: F.bilinear(x2, x2, torch.ones(2, 3, 4)))
raises("bilinear_err_in2", lambda: F.bilinear(x2, x2, torch.ones(2, 4, 3)))
raises("bilinear_err_bias", lambda: F.bilinear(x2, x2, torch.ones(2, 4, 4), torch.ones(3)))

# ---- gumbel_softmax (random: structure, sums, one-hot)
torch.manual_seed(0)
logits = leaf(3, 5, k=0.9)
g = F.gumbel_softmax(logits, tau=0.5)
check("gumbel_graph", graph(g))
check("gumbel_sums", torch.allclose(g.sum(-1), torch.ones(3)))
check("gumbel_positive", bool((g > 0).all()))
h = F.gumbel_softmax(logits, tau=1.0, hard=True)
check("gumbel_hard_graph", graph(h))
check("gumbel_hard_onehot", [sorted(r) for r in h.detach().tolist()])
h.sum().backward()
check("gumbel_hard_grad_small", bool((logits.grad.abs() < 1e-5).all()))
logits.grad = None
g0 = F.gumbel_softmax(logits, dim=0)
check("gumbel_dim0_sums", torch.allclose(g0.sum(0), torch.ones(5)))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    F.gumbel_softmax(logits, eps=1e-3)
check("gumbel_eps_warning", [str(w.message) for w in caught])

# PyTorch's random streams: the same draws for the same seed
torch.manual_seed(3)
check("alpha_dropout_seeded", F.alpha_dropout(x2, 0.4, True))
torch.manual_seed(3)
check("alpha_dropout_module_seeded", nn.AlphaDropout(0.25)(x))
torch.manual_seed(5)
check("gumbel_seeded", F.gumbel_softmax(logits.detach(), tau=0.7))
torch.manual_seed(5)
check("gumbel_hard_seeded", F.gumbel_softmax(logits.detach(), hard=True, dim=0))
torch.manual_seed(11)
check("bilinear_init_seeded", [p for p in nn.Bilinear(3, 2, 4).parameters()])
