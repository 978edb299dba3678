# RMSprop, Adagrad, AdamW (and Adam/SGD) over several steps of a fixed problem; param_groups,
# state_dict, zero_grad, lr_scheduler
X = torch.tensor([[1.0, 2.0], [-1.0, 0.5], [0.3, -0.7], [2.0, 1.0]])
Y = torch.tensor([[1.0], [0.0], [-1.0], [2.0]])


def run(make, steps=6, name=""):
    w = torch.tensor([[0.5], [-0.3]], requires_grad=True)
    b = torch.tensor([0.1], requires_grad=True)
    opt = make([w, b])
    losses = []
    for _ in range(steps):
        opt.zero_grad()
        loss = ((X @ w + b - Y) ** 2).mean()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    check(name + "_w", w)
    check(name + "_b", b)
    check(name + "_losses", losses)
    return opt, w, b


configs = {
    "rmsprop": lambda p: optim.RMSprop(p),
    "rmsprop_lr": lambda p: optim.RMSprop(p, lr=0.05, alpha=0.9),
    "rmsprop_mom": lambda p: optim.RMSprop(p, lr=0.01, momentum=0.9),
    "rmsprop_centered": lambda p: optim.RMSprop(p, lr=0.01, centered=True, weight_decay=0.1),
    "rmsprop_all": lambda p: optim.RMSprop(
        p, lr=0.02, momentum=0.5, centered=True, eps=1e-4, maximize=True
    ),
    "adagrad": lambda p: optim.Adagrad(p),
    "adagrad_lr": lambda p: optim.Adagrad(p, lr=0.3, lr_decay=0.1, weight_decay=0.05),
    "adagrad_init": lambda p: optim.Adagrad(p, lr=0.1, initial_accumulator_value=0.5, eps=1e-6),
    "adamw": lambda p: optim.AdamW(p),
    "adamw_lr": lambda p: optim.AdamW(p, lr=0.05, weight_decay=0.3),
    "adamw_ams": lambda p: optim.AdamW(p, lr=0.05, amsgrad=True, betas=(0.8, 0.9)),
    "adam": lambda p: optim.Adam(p, lr=0.05),
    "adam_wd": lambda p: optim.Adam(p, lr=0.05, weight_decay=0.1),
    "sgd_nesterov": lambda p: optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True),
}
for name, make in configs.items():
    with section(name):
        run(make, name=name)

for cls in ("RMSprop", "Adagrad", "AdamW", "Adam", "SGD"):
    o = getattr(optim, cls)([torch.zeros(1, requires_grad=True)], lr=0.1)
    check(cls + "_defaults", o.defaults)
    check(cls + "_group_keys", sorted(o.param_groups[0].keys()))
    check(cls + "_repr", repr(o))

# state and state_dict
opt, w, b = run(
    lambda p: optim.RMSprop(p, lr=0.01, momentum=0.9, centered=True), steps=2, name="sd"
)
sd = opt.state_dict()
check("sd_groups", sd["param_groups"])
check("sd_state_keys", sorted(sd["state"].keys()))
check("sd_state0_keys", sorted(sd["state"][0].keys()))
check("sd_state0_step", sd["state"][0]["step"])
check("sd_state0_sq", sd["state"][0]["square_avg"])
check("state_by_param", sorted(opt.state[w].keys()))
opt_a, _, _ = run(lambda p: optim.Adam(p, lr=0.1), steps=3, name="adam_sd")
check("adam_state_step", opt_a.state_dict()["state"][1]["step"])
check("adam_state_exp_avg", opt_a.state_dict()["state"][1]["exp_avg"])
opt_s, _, _ = run(lambda p: optim.SGD(p, lr=0.1), steps=1, name="sgd_sd")
check("sgd_state_dict", opt_s.state_dict())
opt_m, _, _ = run(lambda p: optim.SGD(p, lr=0.1, momentum=0.9), steps=2, name="sgdm_sd")
check("sgdm_buffer", opt_m.state_dict()["state"][0]["momentum_buffer"])
opt_g = optim.Adagrad([torch.ones(2, requires_grad=True)], initial_accumulator_value=0.25)
check("adagrad_state_at_init", opt_g.state_dict())

# load_state_dict continues the same trajectory
w1 = torch.tensor([[0.5], [-0.3]], requires_grad=True)
b1 = torch.tensor([0.1], requires_grad=True)
o1 = optim.Adam([w1, b1], lr=0.05)
for i in range(4):
    o1.zero_grad()
    ((X @ w1 + b1 - Y) ** 2).mean().backward()
    o1.step()
    if i == 1:
        saved = o1.state_dict()
        w2 = w1.detach().clone().requires_grad_()
        b2 = b1.detach().clone().requires_grad_()
o2 = optim.Adam([w2, b2], lr=0.5)
o2.load_state_dict(saved)
check("loaded_lr", o2.param_groups[0]["lr"])
for _ in range(2):
    o2.zero_grad()
    ((X @ w2 + b2 - Y) ** 2).mean().backward()
    o2.step()
check("resumed_equal", torch.allclose(w1, w2) and torch.allclose(b1, b2))

# param groups with their own options
w = torch.tensor([1.0, -1.0], requires_grad=True)
b = torch.tensor([0.5], requires_grad=True)
opt = optim.SGD([{"params": [w]}, {"params": b, "lr": 0.5, "momentum": 0.9}], lr=0.1)
check("groups_lr", [g["lr"] for g in opt.param_groups])
check("groups_momentum", [g["momentum"] for g in opt.param_groups])
for _ in range(3):
    opt.zero_grad()
    ((w * 2).sum() + (b * 3).sum()).backward()
    opt.step()
check("groups_w", w)
check("groups_b", b)
opt.add_param_group({"params": torch.zeros(1, requires_grad=True), "lr": 0.01})
check("groups_added", len(opt.param_groups))
check("groups_added_defaults", opt.param_groups[2]["momentum"])
for g in opt.param_groups:
    g["lr"] *= 0.1
check("groups_lr_scaled", [g["lr"] for g in opt.param_groups])

# zero_grad
opt.zero_grad(set_to_none=False)
check("zero_grad_zeros", w.grad)
opt.zero_grad()
check("zero_grad_none", w.grad)

# errors
raises("rmsprop_bad_lr", lambda: optim.RMSprop([w], lr=-1))
raises("rmsprop_bad_alpha", lambda: optim.RMSprop([w], alpha=-1))
raises("rmsprop_bad_mom", lambda: optim.RMSprop([w], momentum=-1))
raises("rmsprop_bad_eps", lambda: optim.RMSprop([w], eps=-1))
raises("adagrad_bad_decay", lambda: optim.Adagrad([w], lr_decay=-1))
raises("adagrad_bad_init", lambda: optim.Adagrad([w], initial_accumulator_value=-1))
raises("adamw_bad_beta", lambda: optim.AdamW([w], betas=(1.0, 0.9)))
raises("adamw_bad_wd", lambda: optim.AdamW([w], weight_decay=-1))
raises("empty_params", lambda: optim.RMSprop([]))

# schedulers
sched_cfgs = {
    "step": lambda o: optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5),
    "step_default": lambda o: optim.lr_scheduler.StepLR(o, 2),
    "multistep": lambda o: optim.lr_scheduler.MultiStepLR(o, milestones=[2, 5, 5], gamma=0.1),
    "exponential": lambda o: optim.lr_scheduler.ExponentialLR(o, gamma=0.9),
    "lambda": lambda o: optim.lr_scheduler.LambdaLR(o, lambda epoch: 0.95**epoch),
    "cosine": lambda o: optim.lr_scheduler.CosineAnnealingLR(o, T_max=4, eta_min=0.01),
}
for name, make in sched_cfgs.items():
    with section(name):
        p = torch.tensor([1.0], requires_grad=True)
        o = optim.SGD([p], lr=1.0)
        s = make(o)
        lrs = [s.get_last_lr()[0]]
        for _ in range(10):
            p.grad = torch.ones(1)
            o.step()
            s.step()
            lrs.append(s.get_last_lr()[0])
        check("sched_" + name, lrs)
        check("sched_" + name + "_group_lr", o.param_groups[0]["lr"])
        check("sched_" + name + "_initial_lr", o.param_groups[0]["initial_lr"])
        check("sched_" + name + "_last_epoch", s.last_epoch)
        check("sched_" + name + "_p", p)
p = torch.tensor([1.0], requires_grad=True)
o = optim.Adam([p], lr=0.1)
s = optim.lr_scheduler.StepLR(o, step_size=1, gamma=0.5)
check("sched_base_lrs", s.base_lrs)
for _ in range(3):
    o.zero_grad()
    (p**2).sum().backward()
    o.step()
    s.step()
check("sched_adam_p", p)
check("sched_adam_lr", o.param_groups[0]["lr"])
raises("sched_not_optimizer", lambda: optim.lr_scheduler.StepLR(object(), 2))
