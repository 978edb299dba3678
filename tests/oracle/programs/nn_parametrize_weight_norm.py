# Weight normalization, spectral normalization and parametrizations as teaching code
# writes them (the weight-norm paper's MLP, GAN discriminators with spectral_norm, the
# "Parametrizations" tutorial: https://pytorch.org/tutorials/intermediate/parametrizations.html
# with its Symmetric / MatrixExponential-free examples): reprs, parameter names,
# state_dict keys, values, gradients, grad_fn graphs, caching, removal, errors.
torch.manual_seed(0)

m = nn.utils.weight_norm(nn.Linear(3, 2))
check("wn repr", repr(m))
check("wn params", [(n, tuple(p.shape)) for n, p in m.named_parameters()])
check("wn g", m.weight_g)
check("wn weight", m.weight)
check("wn node", graph(m.weight))
x = torch.randn(4, 3)
m(x).sum().backward()
check("wn grads", (m.weight_g.grad, m.weight_v.grad))
check("wn state keys", list(m.state_dict().keys()))
nn.utils.remove_weight_norm(m)
check("wn removed", [(n, tuple(p.shape)) for n, p in m.named_parameters()])
check("wn removed weight", m.weight)
raises("wn twice", lambda: nn.utils.weight_norm(nn.utils.weight_norm(nn.Linear(2, 2))))
c = nn.utils.weight_norm(nn.Conv1d(2, 3, 3), dim=None)
check("wn dim None", (c.weight_g, c.weight.grad_fn.name()))
c2 = nn.utils.weight_norm(nn.Linear(3, 4), dim=1)
check("wn dim 1", (c2.weight_g, c2.weight))

pm = nn.utils.parametrizations.weight_norm(nn.Linear(3, 2))
check("pwn repr", repr(pm))
check("pwn keys", list(pm.state_dict().keys()))
check("pwn weight", pm.weight)
check("pwn node", graph(pm.weight))
out = pm(x).pow(2).sum()
out.backward()
check("pwn grads", [p.grad for p in pm.parameters()])
check("pwn type", type(pm).__name__)


class Symmetric(nn.Module):
    def forward(self, X):
        return X.triu() + X.triu(1).transpose(-1, -2)


layer = nn.Linear(3, 3)
nn.utils.parametrize.register_parametrization(layer, "weight", Symmetric())
check("sym repr", repr(layer))
check("sym weight", layer.weight)
check(
    "sym is",
    (
        nn.utils.parametrize.is_parametrized(layer),
        nn.utils.parametrize.is_parametrized(layer, "bias"),
    ),
)
check("sym original", layer.parametrizations.weight.original)
with nn.utils.parametrize.cached():
    check("cached same", layer.weight is layer.weight)
check("uncached", layer.weight is layer.weight)
layer(torch.ones(2, 3)).sum().backward()
check("sym grad", layer.parametrizations.weight.original.grad)
check("sym params", [n for n, _ in layer.named_parameters()])
check(
    "sym type",
    (type(layer).__name__, nn.utils.parametrize.type_before_parametrizations(layer).__name__),
)


class Scale(nn.Module):
    def __init__(self, s):
        super().__init__()
        self.s = s

    def forward(self, X):
        return X * self.s

    def right_inverse(self, A):
        return A / self.s


nn.utils.parametrize.register_parametrization(layer, "weight", Scale(2.0))
check("chain repr", repr(layer))
check("chain weight", layer.weight)


def assign(mod, value):
    with torch.no_grad():
        mod.weight = value


raises("assign without right_inverse", lambda: assign(layer, torch.eye(3)))
scaled = nn.Linear(2, 2)
nn.utils.parametrize.register_parametrization(scaled, "weight", Scale(2.0))
assign(scaled, torch.eye(2))
check("assign", (scaled.weight, scaled.parametrizations.weight.original))
nn.utils.parametrize.remove_parametrizations(layer, "weight")
check("removed", (repr(layer), type(layer).__name__, layer.weight))
raises("remove again", lambda: nn.utils.parametrize.remove_parametrizations(layer, "weight"))
nn.utils.parametrize.register_parametrization(layer, "bias", Scale(3.0))
nn.utils.parametrize.remove_parametrizations(layer, "bias", leave_parametrized=False)
check("removed not leave", layer.bias)


class Bad(nn.Module):
    def forward(self, X):
        return X[0]


raises(
    "bad shape",
    lambda: nn.utils.parametrize.register_parametrization(nn.Linear(2, 2), "weight", Bad()),
)
raises(
    "no tensor",
    lambda: nn.utils.parametrize.register_parametrization(nn.Linear(2, 2), "nope", Symmetric()),
)

sn = nn.utils.parametrizations.spectral_norm(nn.Linear(4, 3))
check("psn repr", repr(sn))
check("psn keys", list(sn.state_dict().keys()))
check("psn weight", sn.weight)
check("psn u", sn.parametrizations.weight[0]._u)
y = sn(torch.ones(2, 4))
check("psn out", y)
y.sum().backward()
check("psn grad", sn.parametrizations.weight.original.grad)
sn.eval()
check("psn eval", sn.weight)

old = nn.utils.spectral_norm(nn.Linear(4, 3))
check("sn params", [n for n, _ in old.named_parameters()])
check("sn buffers", [n for n, _ in old.named_buffers()])
check("sn out", old(torch.ones(1, 4)))
check("sn weight", old.weight)
disc = nn.Sequential(
    nn.utils.spectral_norm(nn.Conv2d(1, 2, 3)),
    nn.LeakyReLU(0.2),
    nn.Flatten(),
    nn.utils.spectral_norm(nn.Linear(8, 1)),
)
img = torch.randn(2, 1, 4, 4)
o = disc(img)
check("disc", o)
o.sum().backward()
check("disc grad", disc[0].weight_orig.grad)
nn.utils.remove_spectral_norm(old)
check("sn removed", [n for n, _ in old.named_parameters()])

v = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
check("vdot", torch.vdot(v, torch.tensor([0.5, -1.0, 2.0])))
check("vdot node", graph(torch.vdot(v, v)))
w = torch.ones(2, 3, requires_grad=True) * 2
check("H", (w.H, w.mH))
raises("H 3d", lambda: torch.ones(2, 2, 2).H)
raises("mH 1d", lambda: torch.ones(3).mH)
check(
    "new",
    (
        torch.ones(2, dtype=torch.float64).new(3).shape,
        torch.ones(2).new([1, 2]),
        torch.ones(2).new().shape,
    ),
)
check("type_as", torch.tensor([1.5, 2.5]).type_as(torch.tensor([1])))
check("is_complex", torch.ones(2).is_complex())
check("norm_except_dim", torch.norm_except_dim(torch.arange(6.0).reshape(2, 3), 2, 1))
check(
    "_weight_norm",
    torch._weight_norm(torch.arange(6.0).reshape(2, 3), torch.tensor([[2.0], [3.0]]), 0),
)

# parametrizations.orthogonal (the "Parametrizations" tutorial's orthogonal layers) and
# what it is built from: linalg.matrix_exp, geqrf, linalg.householder_product
torch.manual_seed(2)
a = torch.randn(3, 3, dtype=torch.float64, requires_grad=True)
e = torch.linalg.matrix_exp(a)
check("matrix_exp", e)
check("matrix_exp node", graph(e))
(e * torch.arange(9.0, dtype=torch.float64).reshape(3, 3)).sum().backward()
check("matrix_exp grad", a.grad)
check("matrix_exp f32", torch.matrix_exp(torch.tensor([[0.0, 1.0], [-1.0, 0.0]])))
check("matrix_exp batch", torch.linalg.matrix_exp(torch.randn(2, 2, 2) * 0.5))
h, tau = torch.geqrf(a.detach())
check("geqrf", (h, tau))
check("householder", torch.linalg.householder_product(h, tau))
hh = torch.randn(4, 2, dtype=torch.float64)
check("householder tall", torch.linalg.householder_product(torch.geqrf(hh)[0], torch.geqrf(hh)[1]))
g_in = torch.randn(3, 3, requires_grad=True)
raises("geqrf backward", lambda: torch.geqrf(g_in)[0].sum().backward())
sq = nn.utils.parametrizations.orthogonal(nn.Linear(3, 3))
check("orth repr", repr(sq))
check("orth weight", sq.weight)
check("orth keys", list(sq.state_dict().keys()))
sq(torch.ones(1, 3)).sum().backward()
check("orth grad", sq.parametrizations.weight.original.grad)
wide = nn.utils.parametrizations.orthogonal(nn.Linear(4, 3))
check("orth wide", wide.weight @ wide.weight.T)
wide(torch.ones(2, 4)).pow(2).sum().backward()
check("orth wide grad", wide.parametrizations.weight.original.grad)
cay = nn.utils.parametrizations.orthogonal(nn.Linear(3, 3), orthogonal_map="cayley")
check("orth cayley", cay.weight @ cay.weight.T)
hou = nn.utils.parametrizations.orthogonal(nn.Linear(3, 3), orthogonal_map="householder")
check("orth householder", hou.weight)
raises(
    "orth bad map",
    lambda: nn.utils.parametrizations.orthogonal(nn.Linear(3, 3), orthogonal_map="nope"),
)
