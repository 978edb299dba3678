# torch.distributions as VAE and policy-gradient teaching code uses it: Normal (rsample's
# reparameterization, log_prob, entropy, kl_divergence), Bernoulli, Categorical (REINFORCE:
# -log_prob(action) * return), Uniform, MultivariateNormal (full covariance, scale_tril,
# precision), Independent; reprs, shapes, gradients, grad_fn graphs, validation errors.
# Unseeded draws: only their shapes, dtypes and graphs are compared; seeded ones at the end.
D = torch.distributions


def t(lab, fn):
    try:
        r = fn()
    except Exception as e:
        check(lab, (type(e).__name__, str(e)))
        return
    if isinstance(r, D.Distribution) or (
        isinstance(r, tuple) and r and hasattr(r[0], "next_functions")
    ):
        r = repr(r)
    check(lab, r)


mu = torch.tensor([0.5, -1.0], requires_grad=True)
sd = torch.tensor([1.0, 2.0], requires_grad=True)
n = D.Normal(mu, sd)
t("repr", lambda: n)
t("shapes", lambda: (n.batch_shape, n.event_shape))
lp = n.log_prob(torch.tensor([0.0, 1.0]))
t("lp", lambda: lp)
t("lp next", lambda: graph(lp))
lp.sum().backward()
t("grads", lambda: (mu.grad, sd.grad))
t("entropy", lambda: n.entropy())
t("mean", lambda: (n.mean, n.stddev, n.variance))
t("cdf", lambda: n.cdf(torch.tensor([0.0, 1.0])))
s = n.rsample((3,))
t("rsample", lambda: (s.shape, s.requires_grad, type(s.grad_fn).__name__))
s2 = n.sample((4, 2))
t("sample", lambda: (s2.shape, s2.requires_grad))
t("scalar", lambda: D.Normal(0.0, 1.0))
t("scalar lp", lambda: D.Normal(0.0, 1.0).log_prob(torch.tensor(0.5)))
t("bad scale", lambda: D.Normal(torch.zeros(2), torch.tensor([1.0, -1.0])))
t("bad value", lambda: D.Normal(0.0, 1.0).log_prob(torch.tensor(float("nan"))))
t("bad value type", lambda: D.Normal(0.0, 1.0).log_prob(0.5))
t("bad shape", lambda: D.Normal(torch.zeros(2), 1.0).log_prob(torch.zeros(3)))
t(
    "no validate",
    lambda: D.Normal(torch.zeros(2), torch.tensor([1.0, -1.0]), validate_args=False).scale,
)
p = torch.tensor([0.2, 0.7], requires_grad=True)
b = D.Bernoulli(p)
t("bern", lambda: b)
t("bern lp", lambda: b.log_prob(torch.tensor([1.0, 0.0])))
t("bern ent", lambda: b.entropy())
t("bern logits", lambda: b.logits)
t("bern mean var", lambda: (b.mean, b.variance))
t("bern scalar", lambda: D.Bernoulli(0.3))
t("bern logits arg", lambda: D.Bernoulli(logits=torch.tensor([0.0, 2.0])).probs)
t("bern both", lambda: D.Bernoulli(0.3, 0.2))
t("bern bad", lambda: D.Bernoulli(torch.tensor([1.5])))
t("bern bad value", lambda: b.log_prob(torch.tensor([0.5, 1.0])))
t("bern sample", lambda: b.sample((3,)).shape)
logits = torch.tensor([[1.0, 2.0, 0.5], [0.1, 0.2, 0.3]], requires_grad=True)
c = D.Categorical(logits=logits)
t("cat", lambda: c)
t("cat logits", lambda: c.logits)
t("cat probs", lambda: c.probs)
lp = c.log_prob(torch.tensor([2, 0]))
t("cat lp", lambda: lp)
lp.sum().backward()
t("cat grad", lambda: logits.grad)
t("cat ent", lambda: c.entropy())
t("cat sample", lambda: (c.sample().shape, c.sample((5,)).shape, c.sample().dtype))
t("cat probs arg", lambda: D.Categorical(probs=torch.tensor([1.0, 3.0])).probs)
t("cat bad value", lambda: c.log_prob(torch.tensor([3, 0])))
t("cat 0d", lambda: D.Categorical(probs=torch.tensor(1.0)))
t("cat bad probs", lambda: D.Categorical(probs=torch.tensor([-1.0, 2.0])))
t("cat mean", lambda: c.mean)
t("cat support", lambda: c.support)
t("cat enum", lambda: c.enumerate_support())
u = D.Uniform(torch.tensor([0.0, 1.0]), torch.tensor([2.0, 5.0]))
t("unif", lambda: u)
t("unif lp", lambda: u.log_prob(torch.tensor([1.0, 6.0]) if False else torch.tensor([1.0, 2.0])))
t("unif ent", lambda: (u.entropy(), u.mean, u.stddev, u.variance))
t("unif bad", lambda: D.Uniform(1.0, 0.0))
t("unif out", lambda: u.log_prob(torch.tensor([3.0, 2.0])))
t("unif support", lambda: u.support)
t("unif rsample", lambda: u.rsample((2,)).shape)
t("unif cdf", lambda: u.cdf(torch.tensor([1.0, 2.0])))
loc = torch.tensor([1.0, 2.0], requires_grad=True)
cov = torch.tensor([[2.0, 0.5], [0.5, 1.0]], requires_grad=True)
mvn = D.MultivariateNormal(loc, covariance_matrix=cov)
t("mvn", lambda: mvn)
t("mvn shapes", lambda: (mvn.batch_shape, mvn.event_shape))
lp = mvn.log_prob(torch.tensor([0.5, 1.5]))
t("mvn lp", lambda: lp)
lp.backward()
t("mvn grads", lambda: (loc.grad, cov.grad))
t("mvn ent", lambda: mvn.entropy())
t("mvn var", lambda: mvn.variance)
t("mvn scale_tril", lambda: mvn.scale_tril)
mvd = D.MultivariateNormal(torch.zeros(3), scale_tril=torch.diag(torch.tensor([1.0, 2.0, 0.5])))
t("mvn diag lp", lambda: mvd.log_prob(torch.tensor([[0.1, 0.2, 0.3], [1.0, -1.0, 0.0]])))
t("mvn cov", lambda: mvd.covariance_matrix)
t("mvn rsample", lambda: mvd.rsample((4,)).shape)
t(
    "mvn prec",
    lambda: (
        D.MultivariateNormal(
            torch.zeros(2), precision_matrix=torch.tensor([[2.0, 0.5], [0.5, 1.0]])
        ).covariance_matrix
    ),
)
t("mvn none", lambda: D.MultivariateNormal(torch.zeros(2)))
t(
    "mvn bad cov",
    lambda: D.MultivariateNormal(torch.zeros(2), torch.tensor([[1.0, 2.0], [2.0, 1.0]])),
)
t("mvn 0d loc", lambda: D.MultivariateNormal(torch.tensor(0.0), torch.eye(1)))
ind = D.Independent(D.Normal(torch.zeros(3, 2), torch.ones(3, 2)), 1)
t("ind", lambda: ind)
t("ind shapes", lambda: (ind.batch_shape, ind.event_shape))
t("ind lp", lambda: ind.log_prob(torch.ones(3, 2)))
t("ind ent", lambda: ind.entropy())
t("ind bad", lambda: D.Independent(D.Normal(0.0, 1.0), 1))
q = D.Normal(torch.tensor([0.0, 0.0]), torch.tensor([1.0, 1.0]))
t("kl nn", lambda: D.kl_divergence(n, q))
t("kl cc", lambda: D.kl_divergence(c, D.Categorical(logits=torch.zeros(2, 3))))
t("kl bb", lambda: D.kl_divergence(b, D.Bernoulli(torch.tensor([0.5, 0.5]))))
t(
    "kl ii",
    lambda: D.kl_divergence(
        ind, D.Independent(D.Normal(torch.ones(3, 2), torch.ones(3, 2) * 2), 1)
    ),
)
t("kl missing", lambda: D.kl_divergence(n, u))
t("kl grad", lambda: torch.autograd.grad(D.kl_divergence(D.Normal(mu, sd), q).sum(), [mu, sd]))
t("lp graph", lambda: type(D.Normal(mu, sd).log_prob(torch.zeros(2)).grad_fn).__name__)
t("ent graph", lambda: type(D.Normal(mu, sd).entropy().grad_fn).__name__)
m2 = D.MultivariateNormal(
    torch.tensor([0.0, 1.0]), scale_tril=torch.tensor([[1.0, 0.0], [0.3, 0.5]])
)
t("kl mvn", lambda: D.kl_divergence(mvn, m2))
t("kl uu", lambda: D.kl_divergence(D.Uniform(0.0, 1.0), D.Uniform(-1.0, 2.0)))
t("unif arg", lambda: u.arg_constraints)

# a VAE's loss: reconstruction + KL of the approximate posterior to the prior
mu = torch.tensor([[0.2, -0.4], [0.1, 0.3]], requires_grad=True)
logvar = torch.tensor([[0.0, -1.0], [0.5, 0.2]], requires_grad=True)
std = torch.exp(0.5 * logvar)
posterior = D.Normal(mu, std)
prior = D.Normal(torch.zeros_like(mu), torch.ones_like(std))
z = posterior.rsample()
check("z graph", graph(z))
kl = D.kl_divergence(posterior, prior).sum(-1).mean()
kl.backward()
check("vae kl", kl)
check("vae grads", (mu.grad, logvar.grad))
check("kl graph", graph(kl))
# REINFORCE with a fixed action
logits = torch.tensor([0.5, 1.5, -0.5], requires_grad=True)
m = D.Categorical(logits=logits)
action = torch.tensor(1)
loss = -m.log_prob(action) * 2.0
loss.backward()
check("reinforce", (loss, logits.grad))
check("reinforce graph", graph(loss))
a = m.sample()
check("action", (a.shape, a.dtype, a.requires_grad))

# seeded draws (the engine replays PyTorch's CPU random stream)
torch.manual_seed(0)
n = D.Normal(torch.tensor([0.5, -1.0]), torch.tensor([1.0, 2.0]))
check("seeded sample", n.sample((2,)))
check("seeded rsample", n.rsample((2,)))
check("seeded categorical", D.Categorical(logits=torch.tensor([0.1, 0.5, 0.2])).sample((6,)))
check("seeded bernoulli", D.Bernoulli(torch.tensor([0.3, 0.8])).sample((3,)))
check("seeded uniform", D.Uniform(0.0, 2.0).sample((3,)))
mvn_s = D.MultivariateNormal(torch.zeros(2), scale_tril=torch.tensor([[1.0, 0.0], [0.3, 0.5]]))
check("seeded mvn", mvn_s.rsample((2,)))
