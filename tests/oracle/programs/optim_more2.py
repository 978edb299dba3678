# NAdam, RAdam, Adamax, ASGD, Rprop, LBFGS (d2l chapter 12, the optim docs' examples):
# several steps of a fixed problem under each option (weight_decay, maximize, decoupled
# weight decay, momentum_decay, ...), state and state_dict, defaults, reprs, versions,
# load_state_dict resuming, parameter groups, schedulers on top, bad arguments.
X = torch.tensor([[1.0, 2.0], [-1.0, 0.5], [0.3, -0.7], [2.0, 1.0]])
Y = torch.tensor([[1.0], [0.0], [-1.0], [2.0]])


def run(make, steps=8, name="", dtype=torch.float32):
    w = torch.tensor([[0.5], [-0.3]], requires_grad=True, dtype=dtype)
    b = torch.tensor([0.1], requires_grad=True, dtype=dtype)
    opt = make([w, b])
    losses = []
    for _ in range(steps):
        opt.zero_grad()
        loss = ((X.to(dtype) @ w + b - Y.to(dtype)) ** 2).mean()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    check(name + "_w", w)
    check(name + "_b", b)
    check(name + "_losses", losses)
    check(name + "_version", w._version)
    return opt, w, b


configs = {
    "nadam": lambda p: optim.NAdam(p),
    "nadam_lr": lambda p: optim.NAdam(p, lr=0.05),
    "nadam_wd": lambda p: optim.NAdam(p, lr=0.05, weight_decay=0.1),
    "nadam_dwd": lambda p: optim.NAdam(p, lr=0.05, weight_decay=0.1, decoupled_weight_decay=True),
    "nadam_md": lambda p: optim.NAdam(p, lr=0.05, momentum_decay=0.1, betas=(0.8, 0.95)),
    "nadam_max": lambda p: optim.NAdam(p, lr=0.05, maximize=True, eps=1e-3),
    "radam": lambda p: optim.RAdam(p),
    "radam_lr": lambda p: optim.RAdam(p, lr=0.05),
    "radam_beta": lambda p: optim.RAdam(p, lr=0.05, betas=(0.9, 0.6)),
    "radam_wd": lambda p: optim.RAdam(p, lr=0.05, betas=(0.9, 0.6), weight_decay=0.2),
    "radam_dwd": lambda p: optim.RAdam(
        p, lr=0.05, betas=(0.5, 0.7), weight_decay=0.2, decoupled_weight_decay=True
    ),
    "radam_max": lambda p: optim.RAdam(p, lr=0.05, betas=(0.9, 0.6), maximize=True),
    "adamax": lambda p: optim.Adamax(p),
    "adamax_lr": lambda p: optim.Adamax(p, lr=0.1),
    "adamax_wd": lambda p: optim.Adamax(p, lr=0.1, weight_decay=0.3, betas=(0.7, 0.9)),
    "adamax_max": lambda p: optim.Adamax(p, lr=0.1, maximize=True, eps=0.01),
    "asgd": lambda p: optim.ASGD(p),
    "asgd_lr": lambda p: optim.ASGD(p, lr=0.1),
    "asgd_avg": lambda p: optim.ASGD(p, lr=0.1, t0=3, lambd=0.01, alpha=0.5),
    "asgd_wd": lambda p: optim.ASGD(p, lr=0.1, t0=2, weight_decay=0.1, maximize=True),
    "rprop": lambda p: optim.Rprop(p),
    "rprop_lr": lambda p: optim.Rprop(p, lr=0.1),
    "rprop_args": lambda p: optim.Rprop(p, lr=0.05, etas=(0.3, 1.5), step_sizes=(0.01, 0.2)),
    "rprop_max": lambda p: optim.Rprop(p, lr=0.1, maximize=True),
}
for name, make in configs.items():
    with section(name):
        run(make, name=name)
for name in ("nadam_wd", "radam_wd", "adamax_wd", "asgd_avg", "rprop_args"):
    with section(name + "_f64"):
        run(configs[name], name=name + "_f64", dtype=torch.float64)

for cls in ("NAdam", "RAdam", "Adamax", "ASGD", "Rprop", "LBFGS"):
    o = getattr(optim, cls)([torch.zeros(1, requires_grad=True)], lr=0.1)
    check(cls + "_defaults", o.defaults)
    check(cls + "_group_keys", sorted(o.param_groups[0].keys()))
    check(cls + "_repr", repr(o))
    print(type(o))
    o = getattr(optim, cls)([torch.zeros(1, requires_grad=True)])
    check(cls + "_default_lr", o.param_groups[0]["lr"])

# state and state_dict
for name in ("nadam_dwd", "radam_lr", "adamax_lr", "asgd_avg", "rprop_args"):
    opt, w, b = run(configs[name], steps=3, name=name + "_sd")
    sd = opt.state_dict()
    check(name + "_sd_groups", sd["param_groups"])
    check(name + "_sd_state_keys", list(sd["state"][0].keys()))
    check(name + "_sd_state0", sd["state"][0])
    check(name + "_state_w", opt.state[w])

# load_state_dict continues the same trajectory
for name in ("nadam_dwd", "radam_lr", "adamax_lr", "asgd_avg", "rprop_args"):
    w1 = torch.tensor([[0.5], [-0.3]], requires_grad=True)
    b1 = torch.tensor([0.1], requires_grad=True)
    o1 = configs[name]([w1, b1])
    for i in range(5):
        o1.zero_grad()
        ((X @ w1 + b1 - Y) ** 2).mean().backward()
        o1.step()
        if i == 1:
            saved = o1.state_dict()
            w2 = w1.detach().clone().requires_grad_()
            b2 = b1.detach().clone().requires_grad_()
    o2 = configs[name]([w2, b2])
    o2.load_state_dict(saved)
    for _ in range(3):
        o2.zero_grad()
        ((X @ w2 + b2 - Y) ** 2).mean().backward()
        o2.step()
    check(name + "_resumed", [w1, b1, w2, b2])

# parameter groups with their own options; a parameter without a gradient; zero_grad
w = torch.tensor([1.0, -1.0], requires_grad=True)
b = torch.tensor([0.5], requires_grad=True)
unused = torch.tensor([3.0], requires_grad=True)
opt = optim.NAdam(
    [{"params": [w]}, {"params": [b, unused], "lr": 0.5, "weight_decay": 0.1}], lr=0.1
)
for _ in range(3):
    opt.zero_grad()
    ((w * 2).sum() + (b * 3).sum()).backward()
    opt.step()
check("groups_w", w)
check("groups_b", b)
check("groups_unused", unused)
check("groups_unused_state", len(opt.state[unused]))
check("groups_repr", repr(opt))
opt.zero_grad(set_to_none=False)
check("zero_grad_zeros", w.grad)
opt.zero_grad()
check("zero_grad_none", w.grad)
w = torch.tensor([1.0, -1.0], requires_grad=True)
opt = optim.Rprop([{"params": [w], "etas": (0.2, 2.0)}], lr=0.3)
for _ in range(4):
    opt.zero_grad()
    ((w - torch.tensor([0.2, 0.1])) ** 2).sum().backward()
    opt.step()
check("rprop_group_etas", w)
check("rprop_group_step_size", opt.state[w]["step_size"])

# an optimizer under a scheduler (the usual training loop)
w = torch.tensor([1.0, -1.0], requires_grad=True)
opt = optim.NAdam([w], lr=0.1)
sched = optim.lr_scheduler.OneCycleLR(opt, max_lr=0.2, total_steps=6)
for _ in range(6):
    opt.zero_grad()
    ((w - 2) ** 2).sum().backward()
    opt.step()
    sched.step()
check("nadam_onecycle_w", w)
check("nadam_onecycle_betas", opt.param_groups[0]["betas"])
w = torch.tensor([1.0, -1.0], requires_grad=True)
opt = optim.RAdam([w], lr=0.1, betas=(0.9, 0.6))
sched = optim.lr_scheduler.StepLR(opt, 2, 0.5)
for _ in range(6):
    opt.zero_grad()
    ((w - 2) ** 2).sum().backward()
    opt.step()
    sched.step()
check("radam_step_w", w)
w = torch.tensor([1.0, -1.0], requires_grad=True)
opt = optim.ASGD([w], lr=torch.tensor(0.1))
for _ in range(3):
    opt.zero_grad()
    ((w - 2) ** 2).sum().backward()
    opt.step()
check("asgd_tensor_lr_w", w)
check("asgd_tensor_lr_eta", opt.state[w]["eta"])


# LBFGS: closure-based step (an extended Rosenbrock function of one parameter vector)
def lbfgs_run(name, make, steps=3):
    x = torch.tensor([-1.2, 1.0, 0.5], requires_grad=True)
    opt = make([x])
    calls = []

    def closure():
        opt.zero_grad()
        loss = ((1 - x[:2]) ** 2).sum() + 10 * ((x[1:] - x[:2] ** 2) ** 2).sum()
        loss.backward()
        calls.append(1)
        return loss

    out = []
    for _ in range(steps):
        out.append(opt.step(closure).item())
    check(name + "_returned", out)
    check(name + "_x", x)
    check(name + "_calls", len(calls))
    st = opt.state[x]
    check(name + "_state_keys", list(st.keys()))
    check(name + "_counts", [st["func_evals"], st["n_iter"], len(st["old_dirs"])])
    check(name + "_version", x._version)
    return opt, x, st


lbfgs_cfgs = {
    "lbfgs": lambda p: optim.LBFGS(p),
    "lbfgs_lr": lambda p: optim.LBFGS(p, lr=0.1, max_iter=5),
    "lbfgs_hist": lambda p: optim.LBFGS(p, lr=0.5, history_size=2, max_iter=6),
    "lbfgs_wolfe": lambda p: optim.LBFGS(p, line_search_fn="strong_wolfe"),
    "lbfgs_wolfe_hist": lambda p: optim.LBFGS(
        p, lr=1, history_size=3, max_iter=4, line_search_fn="strong_wolfe"
    ),
    "lbfgs_eval": lambda p: optim.LBFGS(p, max_iter=10, max_eval=4),
    "lbfgs_tol": lambda p: optim.LBFGS(p, tolerance_grad=1e-2, tolerance_change=1e-4),
}
for name, make in lbfgs_cfgs.items():
    with section(name):
        lbfgs_run(name, make)
with section("lbfgs_state"):
    opt, w, st = lbfgs_run("lbfgs_one", lambda p: optim.LBFGS(p, max_iter=3, history_size=4), 1)
    check("lbfgs_state_d", st["d"])
    check("lbfgs_state_t", st["t"])
    check("lbfgs_state_ro", st["ro"])
    check("lbfgs_state_H", st["H_diag"])
    check("lbfgs_state_prev_loss", st["prev_loss"])
    check("lbfgs_state_al", st["al"])
    check("lbfgs_sd_keys", sorted(opt.state_dict()["state"].keys()))
    check("lbfgs_sd_groups", opt.state_dict()["param_groups"])

# linear regression with two parameters (the closure of the docs' example)
w = torch.tensor([[0.5], [-0.3]], requires_grad=True)
b = torch.tensor([0.1], requires_grad=True)
opt = optim.LBFGS([w, b])


def closure():
    opt.zero_grad()
    loss = ((X @ w + b - Y) ** 2).mean()
    loss.backward()
    return loss


check("lbfgs_linreg_loss", [opt.step(closure).item() for _ in range(2)])
check("lbfgs_linreg_w", w)
check("lbfgs_linreg_b", b)
check("lbfgs_linreg_state_b", sorted(opt.state[b].keys()))

# Rosenbrock, the classic LBFGS demonstration
for ls in (None, "strong_wolfe"):
    with section(f"rosenbrock_{ls}"):
        xy = torch.tensor([-1.5, 2.0], requires_grad=True)
        opt = optim.LBFGS([xy], lr=1, max_iter=30, line_search_fn=ls)

        def rosen():
            opt.zero_grad()
            loss = (1 - xy[0]) ** 2 + 100 * (xy[1] - xy[0] ** 2) ** 2
            loss.backward()
            return loss

        losses = [opt.step(rosen).item() for _ in range(3)]
        check(f"rosenbrock_{ls}_losses", losses)
        check(f"rosenbrock_{ls}_xy", xy)
        check(f"rosenbrock_{ls}_evals", opt.state[xy]["func_evals"])

# an already optimal point: the first closure only
z = torch.tensor([0.0], requires_grad=True)
opt = optim.LBFGS([z])


def flat():
    opt.zero_grad()
    loss = (z**2).sum()
    loss.backward()
    return loss


check("lbfgs_optimal", opt.step(flat))
check("lbfgs_optimal_state", sorted(opt.state[z].keys()))

# errors
w = torch.tensor([1.0], requires_grad=True)
for cls in ("NAdam", "RAdam", "Adamax"):
    raises(cls + "_bad_lr", lambda: getattr(optim, cls)([w], lr=-1))
    raises(cls + "_bad_eps", lambda: getattr(optim, cls)([w], eps=-1e-8))
    raises(cls + "_bad_beta0", lambda: getattr(optim, cls)([w], betas=(1.0, 0.9)))
    raises(cls + "_bad_beta1", lambda: getattr(optim, cls)([w], betas=(0.9, -0.1)))
    raises(cls + "_bad_wd", lambda: getattr(optim, cls)([w], weight_decay=-0.5))
    raises(cls + "_bad_tensor_lr", lambda: getattr(optim, cls)([w], lr=torch.tensor([0.1, 0.2])))
    raises(cls + "_empty", lambda: getattr(optim, cls)([]))
raises("NAdam_bad_md", lambda: optim.NAdam([w], momentum_decay=-1))
raises("ASGD_bad_lr", lambda: optim.ASGD([w], lr=-0.1))
raises("ASGD_bad_wd", lambda: optim.ASGD([w], weight_decay=-1))
raises("Rprop_bad_lr", lambda: optim.Rprop([w], lr=-0.1))
raises("Rprop_bad_etas", lambda: optim.Rprop([w], etas=(1.5, 1.2)))
raises("Rprop_bad_etas2", lambda: optim.Rprop([w], etas=(0.5, 0.9)))
raises("LBFGS_bad_lr", lambda: optim.LBFGS([w], lr=-1))
raises("LBFGS_groups", lambda: optim.LBFGS([{"params": [w]}, {"params": [torch.ones(1)]}]))
raises("LBFGS_no_closure", lambda: optim.LBFGS([w]).step())
raises("NAdam_tensor", lambda: optim.NAdam(w))
raises("RAdam_non_leaf", lambda: optim.RAdam([w * 2]))


def bad_ls():
    o = optim.LBFGS([w], line_search_fn="armijo")

    def c():
        o.zero_grad()
        loss = (w**2).sum()
        loss.backward()
        return loss

    o.step(c)


raises("LBFGS_bad_line_search", bad_ls)
