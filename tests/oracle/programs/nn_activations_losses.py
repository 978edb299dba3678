# Hardtanh/ReLU6, LogSigmoid, Softmin, Softsign, Mish, SELU, CELU, SmoothL1/Huber/KLDiv
# losses, Dropout1d/2d, normalize, cosine_similarity, ParameterList/ParameterDict
x = torch.tensor([[0.5, -1.0, 2.0, -3.5], [1.5, 0.25, -0.75, 7.0]], requires_grad=True)
x64 = torch.tensor(
    [[0.5, -1.1, 2.0, -3.5], [1.5, 0.25, -0.75, 7.3]], dtype=torch.float64, requires_grad=True
)
t = torch.tensor([[0.0, -1.5, 1.0, -3.0], [1.0, 0.5, 0.0, 9.0]])
gc = torch.autograd.gradcheck
ggc = torch.autograd.gradgradcheck

acts = {
    "hardtanh": (F.hardtanh, nn.Hardtanh()),
    "hardtanh2": (lambda a: F.hardtanh(a, -2.0, 2.5), nn.Hardtanh(-2.0, 2.5)),
    "relu6": (F.relu6, nn.ReLU6()),
    "logsigmoid": (F.logsigmoid, nn.LogSigmoid()),
    "softmin": (lambda a: F.softmin(a, dim=1), nn.Softmin(dim=1)),
    "softsign": (F.softsign, nn.Softsign()),
    "mish": (F.mish, nn.Mish()),
    "selu": (F.selu, nn.SELU()),
    "celu": (lambda a: F.celu(a, alpha=0.7), nn.CELU(alpha=0.7)),
}
for name, (fn, mod) in acts.items():
    with section(name):
        y = fn(x)
        check(name, y)
        check(name + "_module", mod(x))
        check(name + "_repr", repr(mod))
        check(name + "_graph", graph(y))
        (y * torch.arange(8.0).reshape(2, 4)).sum().backward()
        check(name + "_grad", x.grad)
        x.grad = None
        check(name + "_gradcheck", gc(fn, (x64,)))
        if name not in ("hardtanh", "hardtanh2", "relu6"):
            check(name + "_gradgradcheck", ggc(fn, (x64,)))

t64 = t.double()
for name, fn, mod in (
    ("smooth_l1", F.smooth_l1_loss, nn.SmoothL1Loss()),
    (
        "smooth_l1_beta",
        lambda a, b, **k: F.smooth_l1_loss(a, b, beta=0.5, **k),
        nn.SmoothL1Loss(beta=0.5),
    ),
    ("huber", F.huber_loss, nn.HuberLoss()),
    ("huber_delta", lambda a, b, **k: F.huber_loss(a, b, delta=0.3, **k), nn.HuberLoss(delta=0.3)),
):
    with section(name):
        for red in ("mean", "sum", "none"):
            check(f"{name}_{red}", fn(x, t, reduction=red))
        l = mod(x, t)
        check(name + "_repr", repr(mod))
        check(name + "_graph", graph(l))
        l.backward()
        check(name + "_grad", x.grad)
        x.grad = None
        tt = t64.clone().requires_grad_()
        check(name + "_gradcheck", gc(lambda a, b: fn(a, b), (x64, tt)))
raises("smooth_l1_neg_beta", lambda: F.smooth_l1_loss(x, t, beta=-1.0))

logp = F.log_softmax(x, dim=1)
q = F.softmax(t, dim=1)
for red in ("batchmean", "sum", "none", "mean"):
    check("kl_" + red, F.kl_div(logp, q, reduction=red))
kl = nn.KLDivLoss(reduction="batchmean")(logp, q)
check("kl_graph", graph(kl))
kl.backward()
check("kl_grad", x.grad)
x.grad = None
check(
    "kl_log_target", F.kl_div(logp, F.log_softmax(t, dim=1), reduction="batchmean", log_target=True)
)
check(
    "kl_zero_target",
    F.kl_div(logp, torch.tensor([[0.0, 0.5, 0.5, 0.0], [1.0, 0.0, 0.0, 0.0]]), reduction="sum"),
)
check("kl_repr", repr(nn.KLDivLoss(reduction="batchmean")))

# channel dropout
img = torch.ones(2, 6, 3, 3)
d2 = nn.Dropout2d(0.5)
check("dropout2d_repr", repr(d2))
out = d2(img)
check("dropout2d_channels_whole", bool((out.amax((2, 3)) == out.amin((2, 3))).all()))
check("dropout2d_values", sorted(set(out.flatten().tolist())) in ([0.0, 2.0], [0.0], [2.0]))
d2.eval()
check("dropout2d_eval", d2(img) is img)
check(
    "dropout1d_values",
    sorted(set(nn.Dropout1d(0.25)(torch.ones(4, 8, 5)).flatten().tolist()))
    in ([0.0, 4 / 3], [4 / 3], [0.0]),
)

# normalize, cosine similarity
v = torch.tensor([[3.0, 4.0], [0.0, 0.0], [1.0, -1.0]], requires_grad=True)
n = F.normalize(v, dim=1)
check("normalize", n)
check("normalize_graph", graph(n))
(n * torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])).sum().backward()
check("normalize_grad", v.grad)
check("normalize_p1_dim0", F.normalize(v, p=1, dim=0))
a = torch.tensor([[1.0, 2.0, 3.0], [0.5, -1.0, 2.0]], requires_grad=True)
b = torch.tensor([[1.0, 0.0, -1.0], [2.0, 2.0, 2.0]])
cs = F.cosine_similarity(a, b)
check("cosine", cs)
check("cosine_top", cs.grad_fn.name())
cs.sum().backward()
check("cosine_grad", a.grad)
check("cosine_module", nn.CosineSimilarity(dim=0)(a, b))
a64 = a.detach().double().requires_grad_()
check("cosine_gradcheck", gc(lambda u: F.cosine_similarity(u, b.double()), (a64,)))

# ParameterList / ParameterDict
pl = nn.ParameterList([nn.Parameter(torch.ones(2)), nn.Parameter(torch.zeros(2, 3))])
check("plist_repr", repr(pl))
check("plist_len", len(pl))
pl.append(nn.Parameter(torch.ones(1)))
check("plist_item", pl[2])
pd = nn.ParameterDict({"a": nn.Parameter(torch.ones(2)), "b": nn.Parameter(torch.zeros(3))})
check("pdict_keys", list(pd.keys()))
check("pdict_item", pd["b"])


class WithParams(nn.Module):
    def __init__(self):
        super().__init__()
        self.pl = pl
        self.pd = pd

    def forward(self, x):
        return x * self.pl[0].sum() + self.pd["a"].sum()


m = WithParams()
check("params_names", [n for n, _ in m.named_parameters()])
out = m(torch.tensor(2.0))
out.backward()
check("plist_grad", pl[0].grad)
check("pdict_grad", pd["a"].grad)
pd2 = nn.ParameterDict({"w": nn.Parameter(torch.zeros(2, 3))})
check("pdict_repr", repr(pd2))
check("pdict_repr1", repr(nn.ParameterDict({"a": nn.Parameter(torch.ones(2))})))
