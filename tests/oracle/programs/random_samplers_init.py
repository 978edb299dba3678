# Seeded samplers that replay PyTorch's CPU kernels element by element (torch.poisson,
# torch.binomial, torch._standard_gamma, torch._sample_dirichlet: rejection sampling on
# double uniforms and the generator's cached double normal), their grad_fn nodes and
# errors; nn.init.orthogonal_ (normal_ then QR), sparse_ (normal_ then randperm per
# column), dirac_ (the identity of a convolution), as teaching code calls them.
torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    with section(f"samplers {dt}"):
        check(
            "gamma", torch._standard_gamma(torch.tensor([0.3, 0.9, 1.0, 2.5, 7.0, 30.0], dtype=dt))
        )
        check(
            "poisson",
            torch.poisson(torch.tensor([0.0, 0.5, 3.0, 9.9, 10.0, 55.0, 300.0], dtype=dt)),
        )
        check(
            "binomial",
            torch.binomial(
                torch.tensor([0.0, 5.0, 20.0, 100.0, 1000.0, 7.0], dtype=dt),
                torch.tensor([0.3, 0.5, 0.7, 0.2, 0.9, 1.0], dtype=dt),
            ),
        )
        check(
            "dirichlet",
            torch._sample_dirichlet(torch.tensor([[0.3, 0.9, 2.0], [5.0, 1.0, 1.0]], dtype=dt)),
        )
        check("after", torch.rand(3, dtype=dt))

rates = torch.rand(4, 3) * 20
check("poisson matrix", torch.poisson(rates))
g = torch.Generator().manual_seed(7)
check("poisson generator", torch.poisson(torch.tensor([1.0, 4.0, 12.0]), generator=g))

alpha = torch.tensor([0.5, 1.5, 4.0, 12.0], requires_grad=True)
x = torch._standard_gamma(alpha)
check("gamma rsample", x)
check("gamma graph", graph(x))
x.sum().backward()
check("gamma grad", alpha.grad)

rate = torch.tensor([2.0, 3.0], requires_grad=True)
p = torch.poisson(rate)
check("poisson graph", graph(p))
p.sum().backward()
check("poisson grad", rate.grad)

cnt = torch.tensor([10.0, 4.0], requires_grad=True)
b = torch.binomial(cnt, torch.tensor([0.5, 0.25]))
check("binomial node", type(b.grad_fn).__name__)
raises("binomial backward", lambda: b.sum().backward())
a2 = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
d = torch._sample_dirichlet(a2)
check("dirichlet node", type(d.grad_fn).__name__)
raises("dirichlet backward", lambda: d.sum().backward())

raises("poisson negative", lambda: torch.poisson(torch.tensor([1.0, -1.0])))
raises("poisson list", lambda: torch.poisson([1.0, 2.0]))
raises("poisson int", lambda: torch.poisson(torch.tensor([1, 2])))

torch.manual_seed(1)
w = torch.empty(3, 5)
nn.init.orthogonal_(w)
check("orthogonal wide", w)
check("orthogonal rows", w @ w.T)
w = torch.empty(6, 2, 2, dtype=torch.float64)
check("orthogonal 3d gain", nn.init.orthogonal_(w, gain=2.0))
w = torch.empty(20, 20)
nn.init.orthogonal_(w)
check("orthogonal square", w)
lin = nn.Linear(4, 6)
nn.init.orthogonal_(lin.weight)
check("orthogonal linear", (lin.weight, lin.weight.requires_grad, lin.weight.grad_fn))
rnn = nn.RNN(3, 4)
for name, param in rnn.named_parameters():
    if "weight_hh" in name:
        nn.init.orthogonal_(param)
check("orthogonal rnn", rnn.weight_hh_l0)
raises("orthogonal 1d", lambda: nn.init.orthogonal_(torch.empty(3)))
check("orthogonal empty", nn.init.orthogonal_(torch.empty(0, 3)))

w = torch.empty(5, 3)
check("sparse", nn.init.sparse_(w, 0.4))
check("sparse std", nn.init.sparse_(torch.empty(6, 4), sparsity=0.5, std=1.0))
raises("sparse 3d", lambda: nn.init.sparse_(torch.empty(2, 2, 2), 0.5))

check("dirac 3d groups", nn.init.dirac_(torch.empty(4, 2, 3), 2))
check("dirac 4d", nn.init.dirac_(torch.empty(3, 5, 3, 3)))
check("dirac 5d", nn.init.dirac_(torch.empty(2, 2, 1, 3, 3)).sum())
conv = nn.Conv2d(3, 3, 3, padding=1, bias=False)
nn.init.dirac_(conv.weight)
img = torch.randn(1, 3, 4, 4)
check("dirac identity", torch.allclose(conv(img), img))
raises("dirac 2d", lambda: nn.init.dirac_(torch.empty(3, 3)))
raises("dirac groups", lambda: nn.init.dirac_(torch.empty(3, 3, 3), 2))

# the pre-0.4 names still in old course notes (a FutureWarning, then the in-place init)
torch.manual_seed(3)
check("old xavier_uniform", nn.init.xavier_uniform(torch.empty(2, 3)))
check("old normal", nn.init.normal(torch.empty(3), 0.0, 2.0))
check("old constant", nn.init.constant(torch.empty(2), 0.5))
check("old kaiming_normal", nn.init.kaiming_normal(torch.empty(3, 2)))
check("old orthogonal", nn.init.orthogonal(torch.empty(2, 2)))
check(
    "old names",
    [
        f.__name__
        for f in (
            nn.init.uniform,
            nn.init.eye,
            nn.init.dirac,
            nn.init.sparse,
            nn.init.xavier_normal,
            nn.init.kaiming_uniform,
        )
    ],
)
raises("old int", lambda: nn.init.xavier_uniform(5))
