# nn layers, functional, init, Module features used by tutorials; values independent of
# the random generator (weights set explicitly, dropout checked by its invariants)
import math

x = torch.tensor(
    [[0.5, -1.0, 2.0, 0.0], [1.5, 0.25, -0.75, 3.0], [-2.0, 1.0, 0.5, -0.5]], requires_grad=True
)

# Flatten / Unflatten
img = torch.arange(24.0).reshape(2, 3, 4)
check("flatten_default", nn.Flatten()(img))
check("flatten_01", nn.Flatten(0, 1)(img))
check("flatten_repr", repr(nn.Flatten(0, 1)))
check("flatten_2d_same", nn.Flatten()(x) is x)
check("unflatten", nn.Unflatten(1, (2, 6))(img.reshape(2, 12)).shape)
check("unflatten_repr", repr(nn.Unflatten(1, (2, 6))))
check("unflatten_graph", graph(nn.Unflatten(1, (2, 2))(x)))

# GELU
g = nn.GELU()(x)
check("gelu", g)
check("gelu_repr", repr(nn.GELU()))
gt = nn.GELU("tanh")(x)
check("gelu_tanh", gt)
check("gelu_tanh_repr", repr(nn.GELU(approximate="tanh")))
(g.sum() + gt.pow(2).sum()).backward()
check("gelu_grad", x.grad)
x.grad = None
x64 = x.detach().double().requires_grad_()
check("gelu_gradcheck", torch.autograd.gradcheck(lambda t: torch.nn.functional.gelu(t), (x64,)))
check(
    "gelu_gradgradcheck",
    torch.autograd.gradgradcheck(lambda t: torch.nn.functional.gelu(t, approximate="tanh"), (x64,)),
)
check(
    "gelu_gradgradcheck_none",
    torch.autograd.gradgradcheck(lambda t: torch.nn.functional.gelu(t), (x64,)),
)
big = torch.tensor([-10.0, -6.0, -3.0, -1e-3, 0.0, 1e-3, 3.0, 6.0, 10.0], dtype=torch.float64)
check("gelu_f64_range", F.gelu(big))

# Dropout
d = nn.Dropout(0.5)
check("dropout_repr", repr(d))
torch.manual_seed(0)
big_in = torch.ones(2000)
out = d(big_in)
vals = sorted(set(out.tolist()))
check("dropout_values", vals)
frac = (out == 0).float().mean().item()
check("dropout_fraction_near_half", abs(frac - 0.5) < 0.05)
check("dropout_grad_fn", type(d(x).grad_fn).__name__)
xp = (x.detach().abs() + 1).requires_grad_()  # (no zero input: y == 0 only where dropped)
y = d(xp)
y.sum().backward()
check("dropout_grad_matches_mask", torch.equal(xp.grad, (y != 0).float() * 2.0))
d.eval()
check("dropout_eval_identity", d(x) is x)
d.train()
check("dropout_p0_identity", nn.Dropout(0.0)(x) is x)
check("dropout_f_eval", F.dropout(x, 0.3, training=False) is x)
check("dropout_p1", nn.Dropout(1.0)(x))
raises("dropout_bad_p", lambda: nn.Dropout(1.5))
raises("dropout_f_bad_p", lambda: F.dropout(x, -0.1))
check("dropout_scale", sorted(set(F.dropout(torch.ones(500), 0.2).tolist())))

# Embedding
emb = nn.Embedding(5, 3)
check("emb_repr", repr(emb))
check("emb_shape", emb.weight.shape)
with torch.no_grad():
    emb.weight.copy_(torch.arange(15.0).reshape(5, 3) / 10)
idx = torch.tensor([[0, 2], [4, 2]])
e = emb(idx)
check("emb_out", e)
check("emb_graph", graph(e))
(e * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
check("emb_grad", emb.weight.grad)
embp = nn.Embedding(4, 2, padding_idx=1)
check("emb_pad_repr", repr(embp))
check("emb_pad_row", embp.weight[1])
with torch.no_grad():
    embp.weight.copy_(torch.arange(8.0).reshape(4, 2))
embp(torch.tensor([1, 1, 3, 0])).sum().backward()
check("emb_pad_grad", embp.weight.grad)
pre = nn.Embedding.from_pretrained(torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
check("emb_pre_repr", repr(pre))
check("emb_pre_frozen", pre.weight.requires_grad)
check("emb_pre_out", pre(torch.tensor([1, 0, 1])))
check(
    "emb_pre_unfrozen",
    nn.Embedding.from_pretrained(torch.ones(2, 2), freeze=False).weight.requires_grad,
)
raises("emb_oob", lambda: emb(torch.tensor([5])))
raises("emb_float_idx", lambda: emb(torch.tensor([1.0])))
check("f_embedding", F.embedding(torch.tensor([2, 0]), torch.arange(6.0).reshape(3, 2)))
W = torch.arange(6.0, dtype=torch.float64).reshape(3, 2).requires_grad_()
check(
    "emb_gradcheck",
    torch.autograd.gradcheck(lambda w: F.embedding(torch.tensor([[2, 0], [2, 2]]), w), (W,)),
)
check(
    "emb_gradgradcheck",
    torch.autograd.gradgradcheck(lambda w: F.embedding(torch.tensor([2, 0, 2]), w) ** 2, (W,)),
)

# BatchNorm1d
bn = nn.BatchNorm1d(4)
check("bn_repr", repr(bn))
check("bn_state_keys", list(bn.state_dict().keys()))
out = bn(x)
check("bn_out", out)
check("bn_graph", graph(out))
check("bn_running_mean", bn.running_mean)
check("bn_running_var", bn.running_var)
check("bn_batches", bn.num_batches_tracked)
(out * torch.arange(12.0).reshape(3, 4)).sum().backward()
check("bn_xgrad", x.grad)
check("bn_wgrad", bn.weight.grad)
check("bn_bgrad", bn.bias.grad)
x.grad = None
bn(x * 2)
check("bn_running_mean2", bn.running_mean)
check("bn_running_var2", bn.running_var)
bn.eval()
oe = bn(x)
check("bn_eval_out", oe)
oe.sum().backward()
check("bn_eval_xgrad", x.grad)
x.grad = None
bn3 = nn.BatchNorm1d(2, momentum=0.5, affine=False)
seq = torch.arange(12.0).reshape(2, 2, 3)
check("bn3d_out", bn3(seq))
check("bn3d_rm", bn3.running_mean)
check("bn3d_rv", bn3.running_var)
check("bn_noaffine_repr", repr(bn3))
check("bn_noaffine_params", len(list(bn3.parameters())))
raises("bn_1d_input", lambda: nn.BatchNorm1d(3)(torch.ones(3)))
raises("bn_one_value", lambda: nn.BatchNorm1d(3)(torch.ones(1, 3)))
bnm = nn.BatchNorm1d(4, momentum=None)
bnm(x)
bnm(x * 3)
check("bn_cumulative_mean", bnm.running_mean)
xb = torch.tensor([[0.3, -1.2], [0.8, 0.1], [-0.5, 2.0]], dtype=torch.float64, requires_grad=True)
wb = torch.tensor([1.5, -0.5], dtype=torch.float64, requires_grad=True)
bb = torch.tensor([0.1, 0.2], dtype=torch.float64, requires_grad=True)
check(
    "bn_gradcheck",
    torch.autograd.gradcheck(
        lambda a, w, b: F.batch_norm(a, None, None, w, b, training=True), (xb, wb, bb)
    ),
)

# BCEWithLogits
logits = torch.tensor([[0.8, -1.2, 2.5], [-0.3, 0.0, -3.0]], requires_grad=True)
target = torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
for red in ("mean", "sum", "none"):
    l = F.binary_cross_entropy_with_logits(logits, target, reduction=red)
    check("bcel_" + red, l)
l = nn.BCEWithLogitsLoss()(logits, target)
check("bcel_module_repr", repr(nn.BCEWithLogitsLoss()))
check("bcel_graph", graph(l))
l.backward()
check("bcel_grad", logits.grad)
logits.grad = None
pw = torch.tensor([2.0, 0.5, 1.0])
wt = torch.tensor([1.0, 3.0, 0.5])
l2 = nn.BCEWithLogitsLoss(weight=wt, pos_weight=pw)(logits, target)
check("bcel_pw", l2)
l2.backward()
check("bcel_pw_grad", logits.grad)
check("bcel_buffers", [n for n, _ in nn.BCEWithLogitsLoss(pos_weight=pw).named_buffers()])
lt = torch.tensor([[0.3, -0.2], [1.1, 0.4]], dtype=torch.float64, requires_grad=True)
tt = torch.tensor([[0.2, 0.9], [0.5, 0.0]], dtype=torch.float64, requires_grad=True)
check(
    "bcel_gradcheck",
    torch.autograd.gradcheck(
        lambda a, b: F.binary_cross_entropy_with_logits(
            a, b, pos_weight=torch.tensor([1.5, 0.5], dtype=torch.float64)
        ),
        (lt, tt),
    ),
)
check(
    "bcel_gradgradcheck",
    torch.autograd.gradgradcheck(
        lambda a, b: F.binary_cross_entropy_with_logits(a, b, reduction="sum"), (lt, tt)
    ),
)
raises("bcel_shape", lambda: F.binary_cross_entropy_with_logits(logits, torch.ones(3)))
raises(
    "bcel_weight_grad",
    lambda: F.binary_cross_entropy_with_logits(
        logits, target, weight=torch.ones(3, requires_grad=True)
    ),
)
check(
    "bcel_extreme",
    F.binary_cross_entropy_with_logits(
        torch.tensor([100.0, -100.0]), torch.tensor([0.0, 1.0]), reduction="none"
    ),
)

# L1 / MSE
a = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
b = torch.tensor([0.5, 0.0, 4.0])
for red in ("mean", "sum", "none"):
    check("l1_" + red, F.l1_loss(a, b, reduction=red))
    check("l1_graph_" + red, graph(F.l1_loss(a, b, reduction=red)))
nn.L1Loss()(a, b).backward()
check("l1_grad", a.grad)
check("l1_repr", repr(nn.L1Loss(reduction="sum")))
check("mse_sum", F.mse_loss(a, b, reduction="sum"))
raises("l1_bad_reduction", lambda: F.l1_loss(a, b, reduction="avg"))

# nn.init
w = torch.empty(3, 5)
check("init_zeros", nn.init.zeros_(w))
check("init_ones", nn.init.ones_(w))
check("init_constant", nn.init.constant_(w, 0.3))
check("init_returns_same", nn.init.uniform_(w, -0.5, 0.5) is w)
check("init_uniform_bounds", bool((w >= -0.5).all() and (w <= 0.5).all()))
nn.init.normal_(w, mean=3.0, std=0.01)
check("init_normal_near_mean", bool(((w - 3.0).abs() < 0.1).all()))
for nl in ("linear", "sigmoid", "tanh", "relu", "selu", "conv2d"):
    check("gain_" + nl, nn.init.calculate_gain(nl))
check("gain_leaky", nn.init.calculate_gain("leaky_relu", 0.2))
check("gain_leaky_default", nn.init.calculate_gain("leaky_relu"))
raises("gain_bad", lambda: nn.init.calculate_gain("foo"))
big = torch.empty(200, 50)
nn.init.kaiming_uniform_(big, a=math.sqrt(5))
check("kaiming_uniform_bound", bool(big.abs().max() <= 1 / math.sqrt(50)))
check("kaiming_uniform_spread", bool(big.abs().max() > 0.9 / math.sqrt(50)))
nn.init.kaiming_uniform_(big, nonlinearity="relu")
check("kaiming_relu_bound", bool(big.abs().max() <= math.sqrt(6 / 50)))
nn.init.kaiming_normal_(big, mode="fan_out", nonlinearity="relu")
check("kaiming_normal_std", abs(big.std().item() - math.sqrt(2 / 200)) < 0.01)
nn.init.xavier_uniform_(big)
check("xavier_uniform_bound", bool(big.abs().max() <= math.sqrt(6 / 250)))
nn.init.xavier_normal_(big, gain=2.0)
check("xavier_normal_std", abs(big.std().item() - 2 * math.sqrt(2 / 250)) < 0.01)
raises("fan_1d", lambda: nn.init.xavier_uniform_(torch.empty(3)))
raises("kaiming_mode", lambda: nn.init.kaiming_uniform_(torch.empty(3, 3), mode="fan"))
p = nn.Parameter(torch.ones(2, 2))
nn.init.zeros_(p)
check("init_param_still_leaf", p)


# Module features
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 3)
        self.act = nn.Tanh()
        self.fc2 = nn.Linear(3, 1)
        self.register_buffer("steps", torch.zeros(1))

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


net = Net()
check("net_repr", repr(net))
check("net_named_params", [(n, list(p.shape)) for n, p in net.named_parameters()])
check("net_state_keys", list(net.state_dict().keys()))
check("net_buffers", [n for n, _ in net.named_buffers()])
check("net_children", [type(m).__name__ for m in net.children()])
check("net_modules", [type(m).__name__ for m in net.modules()])
check("net_named_modules", [n for n, _ in net.named_modules()])
check("net_training", net.training)
net.eval()
check("net_eval_flags", [m.training for m in net.modules()])
check("net_train_returns", net.train() is net)
check("net_train_flags", [m.training for m in net.modules()])
raises("net_train_bad", lambda: net.train("yes"))
names = []
net.apply(lambda m: names.append(type(m).__name__))
check("net_apply_order", names)


def init_weights(m):
    if type(m) == nn.Linear:  # noqa: E721  (d2l writes it this way)
        nn.init.constant_(m.weight, 0.1)
        nn.init.zeros_(m.bias)


net.apply(init_weights)
out = net(x.detach())
check("net_out_after_init", out)
sd = net.state_dict()
net2 = Net()
check("load_all_match", repr(net2.load_state_dict(sd)))
check("loaded_out", net2(x.detach()))
raises("load_missing", lambda: net2.load_state_dict({"fc1.weight": torch.zeros(3, 4)}))
raises("load_unexpected", lambda: net2.load_state_dict({**sd, "extra": torch.zeros(1)}))
raises("load_size", lambda: net2.load_state_dict({**sd, "fc2.bias": torch.zeros(2)}))
check("load_nonstrict", repr(net2.load_state_dict({"fc1.weight": torch.zeros(3, 4)}, strict=False)))
check("state_dict_shares", sd["fc1.weight"].requires_grad)
raises("register_buffer_exists", lambda: net.register_buffer("fc1", torch.zeros(1)))
raises("register_buffer_type", lambda: net.register_buffer("b2", 3))
raises("assign_param_type", lambda: setattr(net.fc1, "weight", torch.zeros(3, 4)))
check("double_dtype", net.double().fc1.weight.dtype)
check("float_dtype", net.float().fc1.weight.dtype)
check("to_dtype", net.to(torch.float64).fc2.bias.dtype)
net.float()
check("to_cpu_same", net.to("cpu") is net)
check("sum_params", sum(p.numel() for p in net.parameters()))

# containers
ml = nn.ModuleList([nn.Linear(2, 2) for _ in range(3)])
ml.append(nn.ReLU())
check("modulelist_repr", repr(ml))
check("modulelist_len", len(ml))
check("modulelist_params", len(list(ml.parameters())))
check("modulelist_index", repr(ml[-1]))
check("modulelist_slice", repr(ml[1:3]))
md = nn.ModuleDict({"lin": nn.Linear(2, 1), "act": nn.Sigmoid()})
check("moduledict_repr", repr(md))
check("moduledict_keys", list(md.keys()))
check("moduledict_item", repr(md["act"]))
check("moduledict_in", "lin" in md)
seq = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
check("seq_index", repr(seq[0]))
check("seq_neg_index", repr(seq[-1]))
check("seq_slice", repr(seq[:2]))
check("seq_len", len(seq))
raises("seq_oob", lambda: seq[3])
seq.append(nn.Sigmoid())
check("seq_append", repr(seq))
check("seq_params", [n for n, _ in seq.named_parameters()])
check("identity_repr", repr(nn.Identity(54, unused="x")))
check("relu_inplace_repr", repr(nn.ReLU(inplace=True)))
check("act_reprs", [repr(m) for m in (nn.Tanh(), nn.Sigmoid(), nn.ReLU(), nn.GELU())])
