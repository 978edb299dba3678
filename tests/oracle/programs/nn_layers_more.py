# LayerNorm, SiLU, Softplus, ELU, nn.utils (clip_grad_norm_, clip_grad_value_,
# parameters_to_vector), values fixed
x = torch.tensor(
    [[0.5, -1.0, 2.0, 0.0], [1.5, 0.25, -0.75, 3.0], [-2.0, 1.0, 0.5, -0.5]], requires_grad=True
)
x64 = torch.tensor(
    [[0.5, -1.0, 2.0, 0.3], [1.5, 0.25, -0.75, 3.0], [-2.0, 1.0, 0.5, -0.5]],
    dtype=torch.float64,
    requires_grad=True,
)

ln = nn.LayerNorm(4)
check("ln_repr", repr(ln))
check("ln_params", [(n, list(p.shape)) for n, p in ln.named_parameters()])
with torch.no_grad():
    ln.weight.copy_(torch.tensor([1.0, 0.5, -1.0, 2.0]))
    ln.bias.copy_(torch.tensor([0.1, 0.0, -0.2, 0.3]))
y = ln(x)
check("ln_out", y)
check("ln_graph", graph(y))
(y * torch.arange(12.0).reshape(3, 4)).sum().backward()
check("ln_xgrad", x.grad)
check("ln_wgrad", ln.weight.grad)
check("ln_bgrad", ln.bias.grad)
x.grad = None
ln2 = nn.LayerNorm([3, 4], elementwise_affine=False)
check("ln2_repr", repr(ln2))
check("ln2_out", ln2(x))
check("ln2_params", len(list(ln2.parameters())))
check("ln_nobias_repr", repr(nn.LayerNorm(4, bias=False)))
check("ln_nobias_params", [n for n, _ in nn.LayerNorm(4, bias=False).named_parameters()])
seq = torch.arange(24.0).reshape(2, 3, 4) / 7
check("ln_3d", nn.LayerNorm(4)(seq))
raises("ln_bad_shape", lambda: F.layer_norm(x, (3,)))
w64 = torch.tensor([1.0, 0.5, -1.0, 2.0], dtype=torch.float64, requires_grad=True)
b64 = torch.tensor([0.1, 0.0, -0.2, 0.3], dtype=torch.float64, requires_grad=True)
check(
    "ln_gradcheck",
    torch.autograd.gradcheck(lambda a, w, b: F.layer_norm(a, (4,), w, b), (x64, w64, b64)),
)
check("ln_gradcheck_2d", torch.autograd.gradcheck(lambda a: F.layer_norm(a, (3, 4)), (x64,)))

for name, fn, mod in (
    ("silu", F.silu, nn.SiLU()),
    ("softplus", F.softplus, nn.Softplus()),
    ("elu", F.elu, nn.ELU()),
):
    out = fn(x)
    check(name, out)
    check(name + "_module", mod(x))
    check(name + "_repr", repr(mod))
    check(name + "_graph", graph(out))
    out.sum().backward()
    check(name + "_grad", x.grad)
    x.grad = None
    check(name + "_gradcheck", torch.autograd.gradcheck(fn, (x64,)))
    check(name + "_gradgradcheck", torch.autograd.gradgradcheck(fn, (x64,)))
check("softplus_beta", F.softplus(x, beta=2.0, threshold=1.0))
sp = torch.tensor(
    [-30.0, -1.0, 0.0, 5.0, 19.0, 21.0, 40.0], dtype=torch.float64, requires_grad=True
)
check("softplus_threshold", F.softplus(sp))
F.softplus(sp, beta=0.5, threshold=4.0).sum().backward()
check("softplus_threshold_grad", sp.grad)
check("softplus_repr", repr(nn.Softplus(beta=2, threshold=10)))
check("elu_alpha", F.elu(x, alpha=0.5))
check("elu_repr", repr(nn.ELU(alpha=0.5)))
check("silu_inplace_repr", repr(nn.SiLU(inplace=True)))
check(
    "elu_gradgradcheck_alpha", torch.autograd.gradgradcheck(lambda t: F.elu(t, alpha=0.3), (x64,))
)
raises("silu_int", lambda: F.silu(torch.tensor([1, 2])))

# nn.utils
lin = nn.Linear(3, 2)
with torch.no_grad():
    lin.weight.copy_(torch.tensor([[1.0, -2.0, 0.5], [0.3, 0.2, -0.1]]))
    lin.bias.copy_(torch.tensor([0.5, -0.5]))
inp = torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0]])
(lin(inp) ** 2).sum().backward()
check("grads_before", [lin.weight.grad, lin.bias.grad])
total = nn.utils.clip_grad_norm_(lin.parameters(), max_norm=1.0)
check("clip_total", total)
check("grads_after", [lin.weight.grad, lin.bias.grad])
total2 = nn.utils.clip_grad_norm_(lin.parameters(), max_norm=100.0)
check("clip_noop_total", total2)
check("grads_noop", lin.weight.grad)
(lin(inp) ** 2).sum().backward()
check("clip_inf", nn.utils.clip_grad_norm_(lin.parameters(), 0.5, norm_type=float("inf")))
check("grads_inf", lin.weight.grad)
check("clip_l1", nn.utils.clip_grad_norm_(lin.parameters(), 0.5, norm_type=1))
nn.utils.clip_grad_value_(lin.parameters(), clip_value=0.01)
check("grads_value", [lin.weight.grad, lin.bias.grad])
vec = nn.utils.parameters_to_vector(lin.parameters())
check("p2v", vec)
nn.utils.vector_to_parameters(torch.arange(8.0), lin.parameters())
check("v2p_weight", lin.weight)
check("v2p_bias", lin.bias)

# BatchNorm2d after a convolution-shaped input
img = (
    (torch.sin(torch.arange(2 * 3 * 4 * 4, dtype=torch.float64) * 0.7) * 2)
    .float()
    .reshape(2, 3, 4, 4)
    .requires_grad_()
)
bn2 = nn.BatchNorm2d(3)
check("bn2d_repr", repr(bn2))
out = bn2(img)
check("bn2d_out", out)
check("bn2d_graph", graph(out))
(out * torch.arange(96.0).reshape(2, 3, 4, 4)).sum().backward()
check("bn2d_xgrad", img.grad)
check("bn2d_wgrad", bn2.weight.grad)
check("bn2d_running", [bn2.running_mean, bn2.running_var, bn2.num_batches_tracked])
bn2.eval()
check("bn2d_eval", bn2(img))
raises("bn2d_3d_input", lambda: nn.BatchNorm2d(3)(torch.ones(2, 3, 4)))
