# GPU-ready training code on a machine without CUDA: torch.compile, autocast, GradScaler
# (the pattern of mixed-precision tutorials), torch.compiler; what PyTorch 2.13 does
# without CUDA: the wrappers are off with a warning, the values are float32's.
import warnings


def caught(fn):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        out = fn()
    return out, [(x.category.__name__, str(x.message)) for x in w]


torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
cmodel = torch.compile(model)
check("compiled_repr", repr(cmodel))
check("compiled_type", str(type(cmodel)))
check("compiled_keys", list(cmodel.state_dict().keys()))
check("compiled_params", [n for n, _ in cmodel.named_parameters()])
check("compiled_same", [cmodel._orig_mod is model, cmodel.training])
x = torch.randn(5, 3)
# (grad_fn differs on purpose: PyTorch shows one CompiledFunctionBackward node, the
# graph here keeps the real ops, which is what a learner steps through)
check("compiled_out", [cmodel(x).detach(), model(x)])


def f(a, b):
    return (a * b).sum()


cf = torch.compile(f)
check("compiled_fn", [cf.__name__, cf(x, x), cf.__wrapped__ is f])


@torch.compile(mode="reduce-overhead")
def g(a):
    return a.tanh()


check("compiled_deco", g(x))
check("is_compiling", torch.compiler.is_compiling())
raises("compile_mode_options", lambda: torch.compile(f, mode="max-autotune", options={}))

# autocast / GradScaler as written for a GPU, run on a CPU
device = "cuda" if torch.cuda.is_available() else "cpu"
scaler, w = caught(lambda: torch.amp.GradScaler("cuda"))
check("scaler_cuda", [scaler.is_enabled(), scaler.get_scale(), scaler.state_dict(), w])
opt = optim.SGD(cmodel.parameters(), lr=0.1)
losses = []
for _ in range(3):
    ctx, w = caught(lambda: torch.autocast(device_type="cuda", dtype=torch.float16))
    with ctx:
        loss = ((cmodel(x) - 1) ** 2).mean()
    opt.zero_grad()
    scaler.scale(loss).backward()
    scaler.step(opt)
    scaler.update()
    losses.append(loss)
check("amp_cuda_losses", losses)
check("amp_cuda_warn", w)
check("autocast_off", [torch.is_autocast_enabled(), torch.autocast("cpu", enabled=False)._enabled])
_, w = caught(lambda: torch.autocast("cpu", dtype=torch.float32))
check("autocast_cpu_f32", w)
_, w = caught(lambda: torch.cuda.amp.GradScaler())
check("cuda_amp_scaler", w)

# GradScaler on the CPU: scaled loss, unscaled grads, inf steps skipped, scale backoff
scaler = torch.amp.GradScaler("cpu", init_scale=1024.0, growth_interval=2)
check("scaler_cpu", [scaler.is_enabled(), scaler.get_scale(), scaler.get_growth_interval()])
wt = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
opt = optim.SGD([wt], lr=0.1)
for step in range(5):
    loss = (wt * wt).sum()
    opt.zero_grad()
    scaled = scaler.scale(loss)
    check(f"scaled_{step}", scaled)
    scaled.backward()
    if step == 2:
        wt.grad[0] = float("inf")
    check(f"ret_{step}", scaler.step(opt))
    check(f"wt_{step}", [wt, wt.grad])
    scaler.update()
    check(f"state_{step}", scaler.state_dict())
raises(
    "step_twice",
    lambda: (scaler.scale((wt * 2).sum()).backward(), scaler.step(opt), scaler.step(opt)),
)
scaler.update()
scaler.scale((wt * 2).sum()).backward()
scaler.unscale_(opt)
raises("unscale_twice", lambda: scaler.unscale_(opt))
scaler.update()
check("scale_list", scaler.scale([torch.tensor(1.0), torch.tensor(2.0, dtype=torch.float64)]))
s2 = torch.amp.GradScaler("cpu")
s2.load_state_dict(scaler.state_dict())
check("loaded", s2.state_dict())
raises("growth_bad", lambda: torch.amp.GradScaler("cpu", growth_factor=0.5))
