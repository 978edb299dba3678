# smooth_l1_loss / huber_loss under create_graph (SmoothL1LossBackwardBackward0 /
# HuberLossBackwardBackward0: slots (grad_output, self, target)), second and third
# derivatives; smooth_l1_loss(beta=0) is l1_loss; huber_loss(weight=...)
x = torch.tensor([0.5, -2.0, 1.5, 0.1, 1.0, -0.3, 0.7, -0.7], dtype=torch.float64)
t = torch.tensor([0.0, 0.5, 1.0, -1.0, 0.0, 0.4, 0.0, 0.0], dtype=torch.float64)
cases = {
    "sl1_mean": lambda a, b: F.smooth_l1_loss(a, b),
    "sl1_sum_b05": lambda a, b: F.smooth_l1_loss(a, b, reduction="sum", beta=0.5),
    "sl1_none_b2": lambda a, b: F.smooth_l1_loss(a, b, reduction="none", beta=2.0),
    "sl1_edge": lambda a, b: F.smooth_l1_loss(a, b, beta=0.7),
    "hub_mean": lambda a, b: F.huber_loss(a, b),
    "hub_sum_d07": lambda a, b: F.huber_loss(a, b, reduction="sum", delta=0.7),
    "hub_none_d3": lambda a, b: F.huber_loss(a, b, reduction="none", delta=3.0),
    # (the weighted mean's gradient graph holds mean's double backward: another program)
    "hub_weight": lambda a, b: F.huber_loss(
        a, b, reduction="sum", delta=0.5, weight=torch.arange(8.0).double()
    ),
    "mod_sl1": lambda a, b: nn.SmoothL1Loss(beta=0.4)(a, b),
    "mod_hub": lambda a, b: nn.HuberLoss(reduction="sum", delta=0.4)(a, b),
}
for name, fn in cases.items():
    with section(name):
        a = x.clone().requires_grad_()
        b = t.clone().requires_grad_()
        y = fn(a * a, b)
        check(name, y)
        check(name + "_graph", graph(y))
        ga, gb = torch.autograd.grad((y * y).sum(), (a, b), create_graph=True)
        check(name + "_ga", ga)
        check(name + "_gb", gb)
        check(name + "_ga_graph", graph(ga))
        check(name + "_gb_graph", graph(gb))
        h = torch.autograd.grad((ga * ga).sum() + (gb * a).sum() * 3, (a, b), create_graph=True)
        check(name + "_h", h)
        k = torch.autograd.grad(h[0].sum() + h[1].sum(), (a, b), allow_unused=True)
        check(name + "_k", k)
    with section(name + "_gradgradcheck"):  # away from the kinks
        a = torch.tensor([0.53, -2.1, 1.37, 0.11, 1.21, -0.33, 0.77, -0.61]).double()
        a.requires_grad_()
        b = t.clone().requires_grad_()
        check(name + "_gradcheck", torch.autograd.gradcheck(fn, (a, b)))
        check(name + "_gradgradcheck", torch.autograd.gradgradcheck(fn, (a, b)))
with section("sl1_beta0"):
    a = x.clone().requires_grad_()
    y = F.smooth_l1_loss(a, t, beta=0.0)
    check("sl1_beta0", y)
    check("sl1_beta0_graph", graph(y))
    y.backward()
    check("sl1_beta0_grad", a.grad)
    check("sl1_beta0_none", graph(F.smooth_l1_loss(a, t, beta=0.0, reduction="none")))
check("hub_weight_mean", F.huber_loss(x, t, delta=0.5, weight=torch.arange(8.0).double()))
raises("hub_weight_shape", lambda: F.huber_loss(x, t, weight=torch.ones(3)))
raises("hub_weight_reduction", lambda: F.huber_loss(x, t, reduction="avg", weight=torch.ones(8)))
raises("hub_reduction", lambda: F.huber_loss(x, t, reduction="avg"))
