# torch.distributions beyond Normal / Bernoulli / Categorical, as teaching code uses them
# (VAEs with Beta / Dirichlet / Gamma priors, Poisson regression, count models, policy
# gradients with OneHotCategorical, Gumbel-softmax relaxations, LogNormal through
# TransformedDistribution): reprs, shapes, mean / variance / mode, log_prob and its
# gradients and graph, entropy, cdf / icdf, seeded samples (the samplers replay PyTorch's),
# rsample gradients, validation errors.
D = torch.distributions


def t(lab, fn):
    try:
        r = fn()
    except Exception as e:
        check(lab, (type(e).__name__, str(e)))
        return
    if isinstance(r, D.Distribution):
        r = repr(r)
    check(lab, r)


def params(*vals):
    return [torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in vals]


def probe(name, make, value, ps, n_samples=(3,)):
    with section(name):
        d = make(*ps)
        t(name + " repr", lambda: d)
        t(name + " shapes", lambda: (d.batch_shape, d.event_shape))
        for attr in ("mean", "variance", "stddev", "mode"):
            t(name + " " + attr, lambda: getattr(d, attr))
        lp = d.log_prob(value)
        t(name + " log_prob", lambda: lp)
        t(name + " log_prob graph", lambda: graph(lp))
        lp.sum().backward(retain_graph=True)
        t(name + " log_prob grads", lambda: [p.grad for p in ps])
        for p in ps:
            p.grad = None
        t(name + " entropy", lambda: d.entropy())
        t(name + " cdf", lambda: d.cdf(value))
        t(name + " icdf", lambda: d.icdf(torch.tensor(0.3, dtype=torch.float64)))
        t(name + " support", lambda: repr(d.support))
        t(name + " has_rsample", lambda: (d.has_rsample, d.has_enumerate_support))
        torch.manual_seed(0)
        t(name + " sample", lambda: d.sample(n_samples))
        t(name + " after sample", lambda: torch.rand(2))
        if d.has_rsample:
            torch.manual_seed(1)
            s = d.rsample(n_samples)
            t(name + " rsample", lambda: s)
            t(name + " rsample node", lambda: type(s.grad_fn).__name__)
            (s * torch.arange(s.numel(), dtype=s.dtype).reshape(s.shape)).sum().backward(
                retain_graph=True
            )
            t(name + " rsample grads", lambda: [p.grad for p in ps])
        t(name + " expand", lambda: d.expand(torch.Size((2, *tuple(d.batch_shape)))))


probe(
    "Exponential",
    lambda r: D.Exponential(r),
    torch.tensor([0.5, 2.0], dtype=torch.float64),
    params([1.5, 0.3]),
)
probe(
    "Gamma",
    lambda a, b: D.Gamma(a, b),
    torch.tensor([0.5, 2.0], dtype=torch.float64),
    params([0.7, 3.0], [2.0, 0.5]),
)
probe(
    "Chi2", lambda k: D.Chi2(k), torch.tensor([0.5, 2.0], dtype=torch.float64), params([3.0, 1.5])
)
probe(
    "Beta",
    lambda a, b: D.Beta(a, b),
    torch.tensor([0.2, 0.9], dtype=torch.float64),
    params([0.5, 2.0], [3.0, 1.2]),
)
probe(
    "Dirichlet",
    lambda a: D.Dirichlet(a),
    torch.tensor([0.2, 0.5, 0.3], dtype=torch.float64),
    params([0.5, 2.0, 3.0]),
)
probe(
    "Poisson",
    lambda r: D.Poisson(r),
    torch.tensor([0.0, 3.0, 12.0], dtype=torch.float64),
    params([0.5, 4.0, 15.0]),
)
probe(
    "Binomial",
    lambda p: D.Binomial(10, probs=p),
    torch.tensor([0.0, 3.0, 10.0], dtype=torch.float64),
    params([0.1, 0.5, 0.95]),
)
probe(
    "Binomial logits",
    lambda lg: D.Binomial(torch.tensor([5.0, 20.0, 100.0], dtype=torch.float64), logits=lg),
    torch.tensor([1.0, 3.0, 80.0], dtype=torch.float64),
    params([-1.0, 0.5, 2.0]),
)
probe(
    "Laplace",
    lambda m, b: D.Laplace(m, b),
    torch.tensor([0.5, -2.0], dtype=torch.float64),
    params([0.0, 1.0], [1.0, 0.5]),
)
probe(
    "Geometric",
    lambda p: D.Geometric(p),
    torch.tensor([0.0, 4.0], dtype=torch.float64),
    params([0.3, 0.8]),
)
probe(
    "Geometric logits",
    lambda lg: D.Geometric(logits=lg),
    torch.tensor([2.0, 1.0], dtype=torch.float64),
    params([0.3, -1.0]),
)
probe(
    "OneHotCategorical",
    lambda p: D.OneHotCategorical(probs=p),
    torch.tensor([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]], dtype=torch.float64),
    params([[0.2, 0.5, 0.3], [0.6, 0.1, 0.3]]),
)
probe(
    "LogNormal",
    lambda m, s: D.LogNormal(m, s),
    torch.tensor([0.5, 2.0], dtype=torch.float64),
    params([0.0, 1.0], [1.0, 0.5]),
)
probe(
    "RelaxedBernoulli",
    lambda p: D.RelaxedBernoulli(torch.tensor(0.5, dtype=torch.float64), probs=p),
    torch.tensor([0.2, 0.9], dtype=torch.float64),
    params([0.3, 0.6]),
)
probe(
    "RelaxedOneHotCategorical",
    lambda lg: D.RelaxedOneHotCategorical(torch.tensor(0.7, dtype=torch.float64), logits=lg),
    torch.tensor([0.2, 0.5, 0.3], dtype=torch.float64),
    params([0.1, 0.5, -0.3]),
)
probe(
    "Cauchy",
    lambda m, s: D.Cauchy(m, s),
    torch.tensor([0.5, -2.0], dtype=torch.float64),
    params([0.0, 1.0], [1.0, 0.5]),
)
probe(
    "HalfNormal",
    lambda s: D.HalfNormal(s),
    torch.tensor([0.5, 2.0], dtype=torch.float64),
    params([1.0, 0.5]),
)
probe(
    "HalfCauchy",
    lambda s: D.HalfCauchy(s),
    torch.tensor([0.5, 2.0], dtype=torch.float64),
    params([1.0, 0.5]),
)
probe(
    "Gumbel",
    lambda m, s: D.Gumbel(m, s),
    torch.tensor([0.5, -2.0], dtype=torch.float64),
    params([0.0, 1.0], [1.0, 2.0]),
)
probe(
    "Multinomial",
    lambda p: D.Multinomial(6, probs=p),
    torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64),
    params([0.2, 0.5, 0.3]),
)
probe(
    "StudentT",
    lambda df: D.StudentT(df),
    torch.tensor([0.5, -2.0], dtype=torch.float64),
    params([3.0, 10.0]),
)
probe(
    "Weibull",
    lambda s, c: D.Weibull(s, c),
    torch.tensor([0.5, 2.0], dtype=torch.float64),
    params([1.0, 2.0], [1.5, 0.7]),
)
probe(
    "Pareto",
    lambda s, a: D.Pareto(s, a),
    torch.tensor([1.5, 3.0], dtype=torch.float64),
    params([1.0, 2.0], [2.5, 3.0]),
)
probe(
    "Kumaraswamy",
    lambda a, b: D.Kumaraswamy(a, b),
    torch.tensor([0.3, 0.8], dtype=torch.float64),
    params([2.0, 0.7], [3.0, 1.5]),
)
probe(
    "NegativeBinomial",
    lambda p: D.NegativeBinomial(5.0, probs=p),
    torch.tensor([0.0, 3.0, 9.0], dtype=torch.float64),
    params([0.2, 0.5, 0.7]),
)
probe(
    "ContinuousBernoulli",
    lambda p: D.ContinuousBernoulli(probs=p),
    torch.tensor([0.2, 0.7, 0.5], dtype=torch.float64),
    params([0.3, 0.5, 0.8]),
)
probe(
    "InverseGamma",
    lambda a, b: D.InverseGamma(a, b),
    torch.tensor([0.5, 2.0], dtype=torch.float64),
    params([2.0, 3.0], [1.0, 0.5]),
)
probe(
    "FisherSnedecor",
    lambda a, b: D.FisherSnedecor(a, b),
    torch.tensor([0.5, 2.0], dtype=torch.float64),
    params([3.0, 5.0], [4.0, 8.0]),
)
probe(
    "TransformedDistribution",
    lambda m, s: D.TransformedDistribution(
        D.Normal(m, s), [D.transforms.AffineTransform(1.0, 2.0), D.transforms.SigmoidTransform()]
    ),
    torch.tensor([0.3, 0.8], dtype=torch.float64),
    params([0.0, 0.5], [1.0, 0.7]),
)
probe(
    "LowRankMultivariateNormal",
    lambda m, f, dg: D.LowRankMultivariateNormal(m, f, dg),
    torch.tensor([0.3, -0.8, 1.0], dtype=torch.float64),
    params([0.0, 0.5, 1.0], [[1.0], [0.5], [-0.3]], [1.0, 2.0, 0.5]),
)
probe(
    "MixtureSameFamily",
    lambda w, m, s: D.MixtureSameFamily(D.Categorical(logits=w), D.Normal(m, s)),
    torch.tensor([0.3, -0.8], dtype=torch.float64),
    params([0.2, -0.3, 0.1], [-1.0, 0.0, 2.0], [0.5, 1.0, 0.8]),
)

# float32 parameters, numbers, sample shapes, defaults
torch.manual_seed(0)
t("float gamma", lambda: D.Gamma(2.0, 1.0).sample((4,)))
t("float beta", lambda: D.Beta(torch.tensor([0.5, 2.0]), torch.tensor([1.0, 3.0])).sample((2,)))
t("float dirichlet", lambda: D.Dirichlet(torch.tensor([1.0, 2.0, 3.0])).sample((2,)))
t("float poisson", lambda: D.Poisson(torch.tensor([1.0, 20.0])).sample((3,)))
t(
    "float binomial",
    lambda: D.Binomial(torch.tensor([10.0, 50.0]), torch.tensor([0.3, 0.6])).sample((2,)),
)
t("float exponential", lambda: D.Exponential(torch.tensor([2.0])).sample((3,)))
t("float laplace", lambda: D.Laplace(0.0, 1.0).sample((4,)))
t("float geometric", lambda: D.Geometric(torch.tensor([0.3, 0.7])).sample((3,)))
t("float onehot", lambda: D.OneHotCategorical(torch.tensor([0.2, 0.3, 0.5])).sample((4,)))
t("float lognormal", lambda: D.LogNormal(0.0, 1.0).sample((3,)))
t("float gumbel", lambda: D.Gumbel(0.0, 1.0).sample((3,)))
t("float cauchy", lambda: D.Cauchy(0.0, 1.0).sample((3,)))
t(
    "float relaxed",
    lambda: D.RelaxedBernoulli(torch.tensor(0.3), logits=torch.tensor([0.5, -0.5])).rsample(),
)
t("float studentT", lambda: D.StudentT(4.0).sample((3,)))
t("after all", lambda: torch.rand(2))
t(
    "gamma lp float",
    lambda: D.Gamma(torch.tensor([2.0, 0.5]), torch.tensor([1.0, 2.0])).log_prob(
        torch.tensor([1.5, 0.1])
    ),
)
t(
    "beta lp float",
    lambda: D.Beta(torch.tensor(2.0), torch.tensor(3.0)).log_prob(torch.tensor([0.1, 0.5])),
)
t("poisson lp float", lambda: D.Poisson(torch.tensor(3.0)).log_prob(torch.tensor([0.0, 2.0, 5.0])))
t("binomial enumerate", lambda: D.Binomial(3, torch.tensor([0.2, 0.7])).enumerate_support())
t("onehot enumerate", lambda: D.OneHotCategorical(torch.tensor([0.2, 0.8])).enumerate_support())
t("geometric enumerate", lambda: D.Geometric(torch.tensor([0.2, 0.8])).has_enumerate_support)

# validation errors
t("gamma bad", lambda: D.Gamma(torch.tensor([-1.0]), torch.tensor([1.0])))
t("beta bad", lambda: D.Beta(torch.tensor([0.5]), torch.tensor([0.0])))
t("exp bad", lambda: D.Exponential(torch.tensor([0.0, 1.0])))
t("poisson bad", lambda: D.Poisson(torch.tensor([-1.0])))
t("poisson value bad", lambda: D.Poisson(torch.tensor([1.0])).log_prob(torch.tensor([0.5])))
t("binomial both", lambda: D.Binomial(3, probs=torch.tensor(0.5), logits=torch.tensor(0.0)))
t("binomial bad value", lambda: D.Binomial(3, probs=torch.tensor(0.5)).log_prob(torch.tensor(4.0)))
t("dirichlet bad", lambda: D.Dirichlet(torch.tensor(1.0)))
t(
    "dirichlet bad value",
    lambda: D.Dirichlet(torch.tensor([1.0, 1.0])).log_prob(torch.tensor([0.5, 0.6])),
)
t("geometric bad", lambda: D.Geometric(torch.tensor([1.5])))
t("laplace bad", lambda: D.Laplace(0.0, -1.0))
t(
    "onehot bad value",
    lambda: D.OneHotCategorical(torch.tensor([0.5, 0.5])).log_prob(torch.tensor([1.0, 1.0])),
)
t("beta value bad", lambda: D.Beta(2.0, 2.0).log_prob(torch.tensor(1.5)))
t("lognormal value bad", lambda: D.LogNormal(0.0, 1.0).log_prob(torch.tensor(-1.0)))
t("no validate", lambda: D.Exponential(torch.tensor([-1.0]), validate_args=False).rate)

# transforms
x = torch.tensor([-1.0, 0.5, 2.0], dtype=torch.float64, requires_grad=True)
for tr in (
    D.transforms.ExpTransform(),
    D.transforms.SigmoidTransform(),
    D.transforms.TanhTransform(),
    D.transforms.AffineTransform(2.0, 3.0),
    D.transforms.PowerTransform(2.0),
    D.transforms.SoftplusTransform(),
    D.transforms.AbsTransform(),
    D.transforms.ExpTransform().inv,
    D.transforms.ComposeTransform(
        [D.transforms.AffineTransform(0.0, 2.0), D.transforms.ExpTransform()]
    ),
):
    with section(repr(tr)):
        t(repr(tr) + " repr", lambda: repr(tr))
        y = tr(x)
        t(repr(tr) + " y", lambda: y)
        t(repr(tr) + " ladj", lambda: tr.log_abs_det_jacobian(x, y))
        t(repr(tr) + " inv", lambda: tr.inv(y))
        t(repr(tr) + " graph", lambda: graph(y))
        t(repr(tr) + " domain", lambda: (repr(tr.domain), repr(tr.codomain), tr.bijective, tr.sign))
sb = D.transforms.StickBreakingTransform()
v = torch.tensor([0.2, -0.4], dtype=torch.float64)
t("stickbreaking", lambda: (sb(v), sb.inv(sb(v)), sb.log_abs_det_jacobian(v, sb(v))))
t("softmax transform", lambda: D.transforms.SoftmaxTransform()(v))
t("biject_to positive", lambda: repr(D.biject_to(D.constraints.positive)))
t("biject_to simplex", lambda: D.biject_to(D.constraints.simplex)(v))
t("transform_to interval", lambda: D.transform_to(D.constraints.interval(-1.0, 2.0))(v))
t(
    "constraint reprs",
    lambda: [
        repr(c)
        for c in (
            D.constraints.nonnegative_integer,
            D.constraints.one_hot,
            D.constraints.half_open_interval(0.0, 1.0),
            D.constraints.positive_integer,
        )
    ],
)

# kl divergences between the ported families
kl_pairs = [
    (
        lambda: D.Exponential(torch.tensor([1.0, 2.0])),
        lambda: D.Exponential(torch.tensor([0.5, 3.0])),
    ),
    (
        lambda: D.Gamma(torch.tensor([2.0, 0.5]), 1.0),
        lambda: D.Gamma(torch.tensor([1.0, 3.0]), 2.0),
    ),
    (lambda: D.Beta(torch.tensor([2.0, 0.5]), 1.0), lambda: D.Beta(torch.tensor([1.0, 3.0]), 2.0)),
    (
        lambda: D.Dirichlet(torch.tensor([1.0, 2.0, 3.0])),
        lambda: D.Dirichlet(torch.tensor([2.0, 2.0, 2.0])),
    ),
    (lambda: D.Poisson(torch.tensor([1.0, 4.0])), lambda: D.Poisson(torch.tensor([2.0, 3.0]))),
    (
        lambda: D.Binomial(5, torch.tensor([0.2, 0.6])),
        lambda: D.Binomial(5, torch.tensor([0.5, 0.5])),
    ),
    (
        lambda: D.Laplace(0.0, torch.tensor([1.0, 2.0])),
        lambda: D.Laplace(1.0, torch.tensor([0.5, 1.0])),
    ),
    (lambda: D.Geometric(torch.tensor([0.2, 0.6])), lambda: D.Geometric(torch.tensor([0.5, 0.5]))),
    (
        lambda: D.OneHotCategorical(torch.tensor([0.2, 0.8])),
        lambda: D.OneHotCategorical(torch.tensor([0.5, 0.5])),
    ),
    (
        lambda: D.LogNormal(0.0, torch.tensor([1.0, 2.0])),
        lambda: D.LogNormal(1.0, torch.tensor([0.5, 1.0])),
    ),
    (
        lambda: D.Gumbel(0.0, torch.tensor([1.0, 2.0])),
        lambda: D.Gumbel(1.0, torch.tensor([0.5, 1.0])),
    ),
    (
        lambda: D.HalfNormal(torch.tensor([1.0, 2.0])),
        lambda: D.HalfNormal(torch.tensor([0.5, 1.0])),
    ),
    (
        lambda: D.Normal(0.0, torch.tensor([1.0, 2.0])),
        lambda: D.Laplace(1.0, torch.tensor([0.5, 1.0])),
    ),
    (
        lambda: D.Exponential(torch.tensor([1.0, 2.0])),
        lambda: D.Gamma(torch.tensor([1.0, 3.0]), 2.0),
    ),
    (lambda: D.Beta(torch.tensor([2.0, 0.5]), 1.0), lambda: D.Uniform(0.0, 1.0)),
    (lambda: D.Gamma(torch.tensor([2.0, 0.5]), 1.0), lambda: D.Normal(0.0, 1.0)),
    (lambda: D.Poisson(torch.tensor([1.0, 4.0])), lambda: D.Normal(0.0, 1.0)),
]
for i, (mp, mq) in enumerate(kl_pairs):
    t(f"kl {i}", lambda: D.kl_divergence(mp(), mq()))
a = torch.tensor([2.0, 3.0], requires_grad=True)
kl = D.kl_divergence(D.Gamma(a, 1.0), D.Gamma(torch.tensor([1.0, 1.0]), 2.0))
kl.sum().backward(retain_graph=True)
t("kl gamma grad", lambda: a.grad)
t("kl gamma graph", lambda: graph(kl))

# float32 reparameterized Beta / Dirichlet / Gamma gradients (ATen's float kernels)
torch.manual_seed(5)
ca = torch.tensor([0.3, 0.8, 2.0, 7.0, 12.0], requires_grad=True)
cb = torch.tensor([0.5, 3.0, 1.5, 9.0, 0.9], requires_grad=True)
bs = D.Beta(ca, cb).rsample((4,))
t("beta f32 rsample", lambda: bs)
bs.sum().backward()
t("beta f32 grads", lambda: (ca.grad, cb.grad))
cd = torch.tensor([[0.4, 1.0, 6.0], [8.0, 7.0, 0.2]], requires_grad=True)
ds = D.Dirichlet(cd).rsample((3,))
(ds * torch.tensor([1.0, -2.0, 0.5])).sum().backward()
t("dirichlet f32 grads", lambda: cd.grad)
gx = torch.rand(40) * 0.98 + 0.01
ga = torch.rand(40) * 15 + 0.1
t("_dirichlet_grad f32", lambda: torch._dirichlet_grad(gx, ga, ga + torch.rand(40) * 15 + 0.1))
t("_standard_gamma_grad f32", lambda: torch._standard_gamma_grad(ga, gx * 20))
