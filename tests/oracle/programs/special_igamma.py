# torch.special.gammainc / gammaincc (torch.igamma / igammac): the regularized incomplete
# gamma functions behind Gamma / Chi2 / InverseGamma cdfs; values across the regimes of
# ATen's kernel (series, continued fraction, the asymptotic expansion for large a near x),
# edges, broadcasting, the gradient in x, the missing gradient in a, dtype errors.
a = torch.tensor([0.5, 1.0, 2.0, 5.0, 25.0, 30.0, 150.0, 300.0, 0.0, 3.0], dtype=torch.float64)
x = torch.tensor([0.1, 1.0, 1.5, 9.0, 24.0, 36.0, 149.0, 310.0, 1.0, 0.0], dtype=torch.float64)
check("P f64", torch.special.gammainc(a, x))
check("Q f64", torch.special.gammaincc(a, x))
check("P f32", torch.special.gammainc(a.float(), x.float()))
check("Q f32", torch.special.gammaincc(a.float(), x.float()))
check("igamma", torch.igamma(a, x))
check("igammac", torch.igammac(a, x))
check(
    "edges",
    torch.special.gammainc(
        torch.tensor([-1.0, 1.0, 2.0, float("inf")]), torch.tensor([1.0, -1.0, float("inf"), 3.0])
    ),
)
check(
    "broadcast", torch.special.gammainc(torch.tensor([[1.0], [2.0]]), torch.tensor([0.5, 1.0, 4.0]))
)
xs = torch.tensor([0.5, 2.0, 7.0], dtype=torch.float64, requires_grad=True)
p = torch.special.gammainc(torch.tensor([1.5, 2.0, 6.0], dtype=torch.float64), xs)
check("P node", graph(p))
p.sum().backward()
check("P grad x", xs.grad)
xs.grad = None
q = torch.special.gammaincc(torch.tensor(2.5, dtype=torch.float64), xs)
(q * torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)).sum().backward()
check("Q grad x", xs.grad)
aa = torch.tensor([1.5, 2.0], requires_grad=True)
raises("P grad a", lambda: torch.special.gammainc(aa, torch.tensor([1.0, 2.0])).sum().backward())
raises("Q grad a", lambda: torch.special.gammaincc(aa, torch.tensor([1.0, 2.0])).sum().backward())
raises("int", lambda: torch.special.gammainc(torch.tensor([1, 2]), torch.tensor([1, 2])))
g = torch.tensor([3.0, 0.5], requires_grad=True)
cdf = torch.distributions.Gamma(torch.tensor([2.0, 1.0]), g).cdf(torch.tensor([0.5, 1.5]))
check("gamma cdf", cdf)
cdf.sum().backward()
check("gamma cdf grad rate", g.grad)
