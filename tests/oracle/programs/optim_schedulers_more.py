# torch.optim.lr_scheduler beyond StepLR: ReduceLROnPlateau, OneCycleLR, LinearLR, ConstantLR,
# MultiplicativeLR, PolynomialLR, CosineAnnealingWarmRestarts, CyclicLR, SequentialLR,
# ChainedScheduler: learning-rate (and momentum) sequences over training steps, get_last_lr,
# last_epoch, state_dict keys, the ordering / get_lr / epoch warnings, constructor errors.
# (The usual loop of the official tutorials and d2l 12.11: optimizer.step(); scheduler.step().)
import warnings

lrs_sched = optim.lr_scheduler


def w_and_opt(kind="sgd", lr=0.1, **kw):
    w = torch.tensor([1.0, -2.0], requires_grad=True)
    if kind == "sgd":
        return w, optim.SGD([w], lr=lr, **kw)
    return w, optim.Adam([w], lr=lr, **kw)


def run(opt, sched, w, steps=12, metric=None):
    lrs = [sched.get_last_lr()]
    moms = []
    for i in range(steps):
        opt.zero_grad()
        loss = ((w * torch.tensor([1.0, 3.0])) ** 2).sum()
        loss.backward()
        opt.step()
        if metric is None:
            sched.step()
        else:
            sched.step(metric[i])
        lrs.append(sched.get_last_lr())
        g = opt.param_groups[0]
        moms.append(g["betas"][0] if "betas" in g else g.get("momentum"))
    return lrs, moms


configs = {
    "linear": lambda o: lrs_sched.LinearLR(o),
    "linear_args": lambda o: lrs_sched.LinearLR(
        o, start_factor=0.25, end_factor=0.5, total_iters=4
    ),
    "linear_down": lambda o: lrs_sched.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=7),
    "constant": lambda o: lrs_sched.ConstantLR(o),
    "constant_args": lambda o: lrs_sched.ConstantLR(o, factor=0.5, total_iters=3),
    "multiplicative": lambda o: lrs_sched.MultiplicativeLR(o, lr_lambda=lambda e: 0.9),
    "multiplicative_e": lambda o: lrs_sched.MultiplicativeLR(o, lambda e: 1.0 / (e + 1)),
    "polynomial": lambda o: lrs_sched.PolynomialLR(o),
    "polynomial_args": lambda o: lrs_sched.PolynomialLR(o, total_iters=8, power=2.0),
    "polynomial_half": lambda o: lrs_sched.PolynomialLR(o, total_iters=6, power=0.5),
    "warm": lambda o: lrs_sched.CosineAnnealingWarmRestarts(o, T_0=3),
    "warm_mult": lambda o: lrs_sched.CosineAnnealingWarmRestarts(o, T_0=2, T_mult=2, eta_min=0.01),
    "cyclic": lambda o: lrs_sched.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=3),
    "cyclic_tri2": lambda o: lrs_sched.CyclicLR(
        o, 0.01, 0.1, step_size_up=2, step_size_down=3, mode="triangular2"
    ),
    "cyclic_exp": lambda o: lrs_sched.CyclicLR(
        o, 0.01, 0.1, step_size_up=2, mode="exp_range", gamma=0.9
    ),
    "cyclic_fn": lambda o: lrs_sched.CyclicLR(
        o,
        0.01,
        0.1,
        step_size_up=2,
        scale_fn=lambda x: 0.5**x,
        scale_mode="iterations",
        cycle_momentum=False,
    ),
    "onecycle": lambda o: lrs_sched.OneCycleLR(o, max_lr=0.5, total_steps=12),
    "onecycle_epochs": lambda o: lrs_sched.OneCycleLR(o, max_lr=1.0, epochs=3, steps_per_epoch=4),
    "onecycle_linear": lambda o: lrs_sched.OneCycleLR(
        o, max_lr=0.5, total_steps=12, anneal_strategy="linear", pct_start=0.25
    ),
    "onecycle_three": lambda o: lrs_sched.OneCycleLR(
        o, max_lr=0.5, total_steps=12, three_phase=True, div_factor=10.0, final_div_factor=100.0
    ),
    "onecycle_nomom": lambda o: lrs_sched.OneCycleLR(
        o, max_lr=0.5, total_steps=12, cycle_momentum=False
    ),
    "sequential": lambda o: lrs_sched.SequentialLR(
        o,
        [lrs_sched.LinearLR(o, start_factor=0.1, total_iters=3), lrs_sched.ExponentialLR(o, 0.9)],
        milestones=[3],
    ),
    "sequential_cos": lambda o: lrs_sched.SequentialLR(
        o,
        [
            lrs_sched.ConstantLR(o, factor=0.5, total_iters=2),
            lrs_sched.CosineAnnealingLR(o, T_max=5),
            lrs_sched.StepLR(o, 2, 0.5),
        ],
        milestones=[2, 7],
    ),
    "chained": lambda o: lrs_sched.ChainedScheduler(
        [lrs_sched.ConstantLR(o, factor=0.1, total_iters=2), lrs_sched.ExponentialLR(o, gamma=0.9)]
    ),
    "chained_opt": lambda o: lrs_sched.ChainedScheduler(
        [lrs_sched.LinearLR(o, 0.5, total_iters=3), lrs_sched.MultiStepLR(o, [4, 6], 0.5)],
        optimizer=o,
    ),
    "exponential": lambda o: lrs_sched.ExponentialLR(o, 0.8),
    "cosine": lambda o: lrs_sched.CosineAnnealingLR(o, T_max=3, eta_min=0.001),
}
for name, make in configs.items():
    for kind in ("sgd", "adam"):
        with section(name + "_" + kind):
            if kind == "sgd":
                w, o = w_and_opt("sgd", momentum=0.9)
            else:
                w, o = w_and_opt("adam", lr=0.05)
            s = make(o)
            check(f"{name}_{kind}_initial_lr", o.param_groups[0]["lr"])
            lrs, moms = run(o, s, w)
            check(f"{name}_{kind}_lrs", lrs)
            check(f"{name}_{kind}_moms", moms)
            check(f"{name}_{kind}_w", w)
            check(f"{name}_{kind}_last_epoch", getattr(s, "last_epoch", None))
            check(f"{name}_{kind}_keys", list(s.state_dict().keys()))
            check(f"{name}_{kind}_group_keys", sorted(o.param_groups[0].keys()))

# two parameter groups, per-group values
w1 = torch.tensor([1.0], requires_grad=True)
w2 = torch.tensor([2.0], requires_grad=True)
o = optim.SGD([{"params": [w1]}, {"params": [w2], "lr": 0.5}], lr=0.1, momentum=0.8)
s = lrs_sched.CyclicLR(
    o,
    base_lr=[0.01, 0.02],
    max_lr=[0.1, 0.4],
    step_size_up=2,
    base_momentum=[0.7, 0.75],
    max_momentum=0.95,
)
out = []
for _ in range(6):
    o.step()
    s.step()
    out.append((s.get_last_lr(), [g["momentum"] for g in o.param_groups]))
check("groups_cyclic", out)
w1 = torch.tensor([1.0], requires_grad=True)
w2 = torch.tensor([2.0], requires_grad=True)
o = optim.SGD([{"params": [w1]}, {"params": [w2], "lr": 0.5}], lr=0.1)
s = lrs_sched.OneCycleLR(o, max_lr=[0.3, 0.6], total_steps=6, cycle_momentum=False)
out = []
for _ in range(6):
    o.step()
    s.step()
    out.append(s.get_last_lr())
check("groups_onecycle", out)
check("groups_onecycle_keys", sorted(o.param_groups[1].keys()))
raises("onecycle_too_many", lambda: s.step())
o = optim.SGD([{"params": [w1]}, {"params": [w2], "lr": 0.5}], lr=0.1)
s = lrs_sched.MultiplicativeLR(o, [lambda e: 0.5, lambda e: 0.9])
for _ in range(3):
    o.step()
    s.step()
check("groups_multiplicative", s.get_last_lr())
check("groups_multiplicative_sd", s.state_dict()["lr_lambdas"])

# ReduceLROnPlateau
metrics = [1.0, 0.9, 0.95, 0.95, 0.96, 0.97, 0.5, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]
plateau = {
    "default": lambda o: lrs_sched.ReduceLROnPlateau(o),
    "patience": lambda o: lrs_sched.ReduceLROnPlateau(o, patience=1, factor=0.5),
    "patience0": lambda o: lrs_sched.ReduceLROnPlateau(o, patience=0),
    "cooldown": lambda o: lrs_sched.ReduceLROnPlateau(o, patience=1, cooldown=2, factor=0.5),
    "max": lambda o: lrs_sched.ReduceLROnPlateau(o, mode="max", patience=2, factor=0.3),
    "abs": lambda o: lrs_sched.ReduceLROnPlateau(
        o, patience=1, threshold=0.06, threshold_mode="abs"
    ),
    "rel_big": lambda o: lrs_sched.ReduceLROnPlateau(o, patience=1, threshold=0.1),
    "min_lr": lambda o: lrs_sched.ReduceLROnPlateau(o, patience=0, factor=0.2, min_lr=0.005),
    "eps": lambda o: lrs_sched.ReduceLROnPlateau(o, patience=0, factor=0.9, eps=0.02),
}
for name, make in plateau.items():
    with section("plateau_" + name):
        w, o = w_and_opt("sgd", momentum=0.9)
        s = make(o)
        lrs, _ = run(o, s, w, steps=len(metrics), metric=metrics)
        check(f"plateau_{name}_lrs", lrs)
        check(f"plateau_{name}_best", s.best)
        check(f"plateau_{name}_bad", s.num_bad_epochs)
        check(f"plateau_{name}_cooldown", s.cooldown_counter)
        check(f"plateau_{name}_last_epoch", s.last_epoch)
        check(f"plateau_{name}_sd", s.state_dict())
w, o = w_and_opt("sgd")
s = lrs_sched.ReduceLROnPlateau(o, patience=0)
s.step(torch.tensor(2.0))
s.step(torch.tensor(3.0))
check("plateau_tensor_metric", s.get_last_lr())
check("plateau_in_cooldown", s.in_cooldown)
w1 = torch.tensor([1.0], requires_grad=True)
w2 = torch.tensor([2.0], requires_grad=True)
o = optim.SGD([{"params": [w1]}, {"params": [w2], "lr": 0.5}], lr=0.1)
s = lrs_sched.ReduceLROnPlateau(o, patience=0, min_lr=[0.05, 0.2], factor=0.5)
for m in [1.0, 2.0, 3.0, 4.0]:
    s.step(m)
    check("plateau_groups", s.get_last_lr())
s2 = lrs_sched.ReduceLROnPlateau(o)
s2.load_state_dict(s.state_dict())
check("plateau_loaded", [s2.min_lrs, s2.last_epoch, s2.best, s2.mode])

# state_dict / load_state_dict resume the same schedule
w, o = w_and_opt("sgd", momentum=0.9)
s = lrs_sched.OneCycleLR(o, max_lr=0.5, total_steps=10)
for _ in range(4):
    o.step()
    s.step()
sd = s.state_dict()
check("onecycle_sd", {k: v for k, v in sd.items() if k != "_schedule_phases"})
check("onecycle_sd_phases", sd["_schedule_phases"])
w2_, o2 = w_and_opt("sgd", momentum=0.9)
s2 = lrs_sched.OneCycleLR(o2, max_lr=0.5, total_steps=10)
s2.load_state_dict(sd)
o2.load_state_dict(o.state_dict())
for _ in range(3):
    o.step()
    s.step()
    o2.step()
    s2.step()
check("onecycle_resumed", [s.get_last_lr(), s2.get_last_lr(), s2.last_epoch])
w, o = w_and_opt("sgd")
s = lrs_sched.CyclicLR(o, 0.01, 0.1, step_size_up=3, cycle_momentum=False)
check("cyclic_sd_keys", sorted(s.state_dict().keys()))
check("cyclic_sd_scale", s.state_dict()["_scale_fn_custom"])
s.load_state_dict(s.state_dict())
o.step()
s.step()
check("cyclic_after_load", s.get_last_lr())
w, o = w_and_opt("sgd")
s = lrs_sched.SequentialLR(
    o, [lrs_sched.ConstantLR(o, 0.5, 2), lrs_sched.ExponentialLR(o, 0.9)], milestones=[2]
)
o.step()
s.step()
sd = s.state_dict()
check("sequential_sd_keys", list(sd.keys()))
check("sequential_sd_inner", [list(x.keys()) for x in sd["_schedulers"]])
check("sequential_sd_milestones", sd["_milestones"])
w, o = w_and_opt("sgd")
s = lrs_sched.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2)
for _ in range(5):
    o.step()
    s.step()
check("warm_sd", s.state_dict())
w, o = w_and_opt("sgd")
s = lrs_sched.LinearLR(o, start_factor=0.5, total_iters=4)
for _ in range(2):
    o.step()
    s.step()
check("linear_sd", s.state_dict())
s3 = lrs_sched.LinearLR(o, start_factor=0.5, total_iters=4, last_epoch=1)
check("linear_resume_last_epoch", [s3.last_epoch, s3.get_last_lr()])
w, o = w_and_opt("sgd")
s = lrs_sched.PolynomialLR(o, total_iters=4)
check("poly_sd", s.state_dict())

# step(epoch): the closed forms (deprecated, with a warning)
for name, make in {
    "step": lambda o: lrs_sched.StepLR(o, 2, 0.5),
    "multistep": lambda o: lrs_sched.MultiStepLR(o, [1, 3], 0.5),
    "constant": lambda o: lrs_sched.ConstantLR(o, 0.5, 3),
    "linear": lambda o: lrs_sched.LinearLR(o, 0.2, 1.0, 4),
    "exponential": lambda o: lrs_sched.ExponentialLR(o, 0.5),
    "poly": lambda o: lrs_sched.PolynomialLR(o, 4, 2.0),
    "cosine": lambda o: lrs_sched.CosineAnnealingLR(o, 4),
    "lambda": lambda o: lrs_sched.LambdaLR(o, lambda e: 1 / (e + 1)),
    "warm": lambda o: lrs_sched.CosineAnnealingWarmRestarts(o, 2, 2),
    "warm1": lambda o: lrs_sched.CosineAnnealingWarmRestarts(o, 3),
}.items():
    w, o = w_and_opt("sgd")
    s = make(o)
    out = []
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        for e in [3, 1, 5, 0, 2, 7]:
            o.step()
            s.step(e)
            out.append(s.get_last_lr()[0])
    check("epoch_" + name, out)
    check("epoch_" + name + "_warn", sorted({str(r.message)[:60] for r in rec}))

# warnings
with warnings.catch_warnings(record=True) as rec:
    warnings.simplefilter("always")
    w, o = w_and_opt("sgd")
    s = lrs_sched.StepLR(o, 2)
    s.step()
    o.step()
    s.step()
    check("warn_order", [(r.category.__name__, str(r.message)) for r in rec])
with warnings.catch_warnings(record=True) as rec:
    warnings.simplefilter("always")
    w, o = w_and_opt("sgd")
    s = lrs_sched.OneCycleLR(o, 0.1, total_steps=5)
    o.step()
    s.step()
    s.step()
    check("warn_none_when_ordered", [str(r.message) for r in rec])
with warnings.catch_warnings(record=True) as rec:
    warnings.simplefilter("always")
    w, o = w_and_opt("sgd")
    s = lrs_sched.LinearLR(o)
    check("get_lr_outside", s.get_lr())
    check("warn_get_lr", [(r.category.__name__, str(r.message)) for r in rec])
with warnings.catch_warnings(record=True) as rec:
    warnings.simplefilter("always")
    w, o = w_and_opt("sgd")
    s = lrs_sched.ReduceLROnPlateau(o)
    s.step(1.0)
    s.step(1.0, 5)
    check("warn_plateau", [str(r.message)[:40] for r in rec])
    check("plateau_epoch", s.last_epoch)
with warnings.catch_warnings(record=True) as rec:
    warnings.simplefilter("always")
    w, o = w_and_opt("sgd")
    s = lrs_sched.CosineAnnealingWarmRestarts(o, 2)
    s.step()
    check("warn_warm_restarts", [str(r.message) for r in rec])
w, o = w_and_opt("sgd")
s1 = lrs_sched.StepLR(o, 2)
s2 = lrs_sched.ExponentialLR(o, 0.9)
check("wrapped_once", hasattr(o.step, "_wrapped_by_lr_sched"))
o.step()
check("opt_called", o._opt_called)

# errors
w, o = w_and_opt("sgd")
raises("linear_bad_start", lambda: lrs_sched.LinearLR(o, start_factor=0))
raises("linear_bad_end", lambda: lrs_sched.LinearLR(o, end_factor=1.5))
raises("constant_bad", lambda: lrs_sched.ConstantLR(o, factor=2))
raises("multiplicative_bad", lambda: lrs_sched.MultiplicativeLR(o, 0.5))
raises("multiplicative_count", lambda: lrs_sched.MultiplicativeLR(o, [lambda e: 1, lambda e: 1]))
raises("lambda_count", lambda: lrs_sched.LambdaLR(o, [lambda e: 1, lambda e: 1]))
raises("warm_bad_t0", lambda: lrs_sched.CosineAnnealingWarmRestarts(o, T_0=0))
raises("warm_bad_t0_float", lambda: lrs_sched.CosineAnnealingWarmRestarts(o, T_0=2.0))
raises("warm_bad_tmult", lambda: lrs_sched.CosineAnnealingWarmRestarts(o, T_0=2, T_mult=0))
raises("warm_bad_eta", lambda: lrs_sched.CosineAnnealingWarmRestarts(o, T_0=2, eta_min="0"))
raises("warm_bad_epoch", lambda: lrs_sched.CosineAnnealingWarmRestarts(o, T_0=2).step(-1))
raises("cyclic_bad_mode", lambda: lrs_sched.CyclicLR(o, 0.01, 0.1, mode="tri"))
raises("cyclic_bad_len", lambda: lrs_sched.CyclicLR(o, [0.01, 0.02], 0.1))
raises("cyclic_not_opt", lambda: lrs_sched.CyclicLR(None, 0.01, 0.1))
raises("onecycle_no_steps", lambda: lrs_sched.OneCycleLR(o, 0.1))
raises("onecycle_bad_total", lambda: lrs_sched.OneCycleLR(o, 0.1, total_steps=0))
raises("onecycle_bad_epochs", lambda: lrs_sched.OneCycleLR(o, 0.1, epochs=0, steps_per_epoch=2))
raises("onecycle_bad_spe", lambda: lrs_sched.OneCycleLR(o, 0.1, epochs=2, steps_per_epoch=1.5))
raises("onecycle_bad_pct", lambda: lrs_sched.OneCycleLR(o, 0.1, total_steps=5, pct_start=1))
raises("onecycle_bad_anneal", lambda: lrs_sched.OneCycleLR(o, 0.1, 5, anneal_strategy="exp"))
raises("onecycle_not_opt", lambda: lrs_sched.OneCycleLR([], 0.1, 5))
raises("plateau_bad_factor", lambda: lrs_sched.ReduceLROnPlateau(o, factor=1.0))
raises("plateau_bad_mode", lambda: lrs_sched.ReduceLROnPlateau(o, mode="avg"))
raises("plateau_bad_tmode", lambda: lrs_sched.ReduceLROnPlateau(o, threshold_mode="x"))
raises("plateau_bad_minlr", lambda: lrs_sched.ReduceLROnPlateau(o, min_lr=[0.1, 0.2]))
raises("plateau_not_opt", lambda: lrs_sched.ReduceLROnPlateau("opt"))
rp = lrs_sched.ReduceLROnPlateau(o)
raises("sequential_empty", lambda: lrs_sched.SequentialLR(o, [], []))
raises("sequential_plateau", lambda: lrs_sched.SequentialLR(o, [rp], []))
raises("sequential_milestones", lambda: lrs_sched.SequentialLR(o, [lrs_sched.StepLR(o, 2)], [1]))
raises("sequential_no_opt", lambda: lrs_sched.SequentialLR(o, [object()], []))
w2, o2 = w_and_opt("sgd")
raises("sequential_other_opt", lambda: lrs_sched.SequentialLR(o, [lrs_sched.StepLR(o2, 2)], []))
raises("chained_empty", lambda: lrs_sched.ChainedScheduler([]))
raises("chained_plateau", lambda: lrs_sched.ChainedScheduler([rp]))
w3 = torch.tensor([1.0], requires_grad=True)
o3 = optim.Adadelta([w3])
raises("cyclic_no_momentum", lambda: lrs_sched.CyclicLR(o3, 0.01, 0.1))
raises("onecycle_no_momentum", lambda: lrs_sched.OneCycleLR(o3, 0.1, 5))
o4 = optim.SGD([torch.tensor([1.0], requires_grad=True)], lr=0.1)
raises("resume_no_initial_lr", lambda: lrs_sched.LinearLR(o4, last_epoch=3))
check("sched_repr", repr(lrs_sched.LinearLR(o4)))
print(type(lrs_sched.OneCycleLR(o, 0.1, 5)))
print(type(lrs_sched.ReduceLROnPlateau(o)))
