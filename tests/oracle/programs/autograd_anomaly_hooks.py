# Anomaly mode (torch.autograd.detect_anomaly / set_detect_anomaly, torch.is_anomaly_enabled)
# and saved-tensor hooks (torch.autograd.graph.saved_tensors_hooks / save_on_cpu), as the
# PyTorch docs and the autograd notes ("Hooks for saved tensors") use them.
import os
import warnings


def frames(lines):
    # the forward traceback, with only this program's frames, paths shortened
    out = []
    for entry in lines:
        if __file__ in entry:
            out.append(entry.replace(__file__, os.path.basename(__file__)))
    return out


def warned(ws):
    msgs = []
    for w in ws:
        text = str(w.message)
        head = text.split("\n")[0]
        lines = text.split("\n")
        body = [
            lines[i + 1].strip()
            for i in range(1, len(lines) - 1)
            if lines[i].startswith('  File "') and __file__ in lines[i]
        ]
        tail = lines[-1][lines[-1].find(" (Triggered") :] if len(lines) > 1 else ""
        body.append(tail)
        msgs.append((w.category.__name__, head, body))
    return msgs


check("off", (torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled()))
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    with torch.autograd.detect_anomaly():
        check("on", (torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled()))
        x = torch.tensor([0.0, 1.0, 4.0], requires_grad=True)
        y = x.sqrt()
        check("traceback", frames(y.grad_fn.metadata["traceback_"]))
        raises("nan sqrt", lambda: (y * torch.tensor([0.0, 1.0, 1.0])).sum().backward())
        a = torch.tensor([0.0, 1.0], requires_grad=True)
        b = torch.tensor([0.0, 2.0], requires_grad=True)
        raises("nan div 1th", lambda: (a / b).sum().backward())
        x2 = torch.ones(2, requires_grad=True)
        e = x2.exp()
        z = e * 2
        e.add_(1)
        raises("inplace hint", lambda: z.sum().backward())
        c = torch.tensor([1.0, 2.0], requires_grad=True)
        d = (c * c).sum()
        d.backward()
        check("fine grad", c.grad)
    check("restored", torch.is_anomaly_enabled())
check("warnings", warned(ws))


class MyFunc(torch.autograd.Function):
    @staticmethod
    def forward(ctx, inp):
        return inp.clone()

    @staticmethod
    def backward(ctx, g):
        raise RuntimeError("Some error in backward")


def run_fn(a):
    out = MyFunc.apply(a)
    return out.sum()


with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    inp = torch.ones(3, requires_grad=True)
    out = run_fn(inp)
    with torch.autograd.detect_anomaly():
        raises("custom no info", lambda: out.backward())
        out = run_fn(inp)
        raises("custom", lambda: out.backward())
check("custom warnings", warned(ws))

r = torch.autograd.set_detect_anomaly(True)
check("set fn", (type(r).__name__, torch.is_anomaly_enabled()))
torch.autograd.set_detect_anomaly(False)
check("set off", torch.is_anomaly_enabled())
with torch.autograd.set_detect_anomaly(True, check_nan=False):
    check("ctx", (torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled()))
    x = torch.tensor([0.0, 1.0], requires_grad=True)
    (x.sqrt() * torch.tensor([0.0, 1.0])).sum().backward()
    check("no nan check", x.grad)
check("ctx restored", (torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled()))
with torch.autograd.set_detect_anomaly(False):
    check("ctx off", torch.is_anomaly_enabled())
raises("bad mode", lambda: torch.autograd.set_detect_anomaly(1))
raises("bad check_nan", lambda: torch.set_anomaly_enabled(True, 1))
check("still off", torch.is_anomaly_enabled())

# saved tensors hooks (the autograd notes)
log = []


def pack_hook(x):
    log.append(("pack", x))
    return x


def unpack_hook(x):
    log.append(("unpack", x))
    return x


a = torch.ones(5, requires_grad=True)
b = torch.ones(5, requires_grad=True) * 2
with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
    y = a * b
    check("packed mul", log)
    z = y.exp()
    w = torch.tanh(z).sum()
    m = torch.ones(2, 5) @ z
    u = torch.sin(a) + torch.log(b) + a**2
    v = torch.sigmoid(u).relu().softmax(0)
    n = (torch.ones(5) * a).sum() + (a / torch.full((5,), 2.0)).sum()
log.clear()
(w + m.sum() + v[0] + n).backward()
check("unpacked", log)
check("a.grad", a.grad)
log.clear()
with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
    p = a * torch.full((5,), 2.0, requires_grad=True)
print(len(log))
s = p.sum()
s.backward(retain_graph=True)
s.backward()
check("unpack each backward", len(log))
raises("third", lambda: s.backward())
check("third log", len(log))

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(lambda t: t * 4, lambda t: t / 4):
    y = torch.pow(x, 2)
y.sum().backward()
check("x4 /4", x.grad)
x.grad = None
with torch.autograd.graph.saved_tensors_hooks(lambda t: t * 4, lambda t: t):
    y = x * x
y.sum().backward()
check("x4 unpack kept", x.grad)
x.grad = None
with torch.autograd.graph.saved_tensors_hooks(lambda t: t * 2, lambda t: t):  # noqa: SIM117
    with torch.autograd.graph.saved_tensors_hooks(lambda t: t * 3, lambda t: t):
        y = x.pow(2)
y.sum().backward()
check("innermost", x.grad)
x.grad = None
with torch.autograd.graph.save_on_cpu():
    y = (x * x).sum() + x.exp().sum()
y.backward()
check("save_on_cpu", x.grad)
x.grad = None
with torch.autograd.graph.saved_tensors_hooks(lambda t: "packed", lambda t: 1.0):
    y = x.exp()
raises("unpack not tensor", lambda: y.sum().backward())


class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, t):
        ctx.save_for_backward(t)
        return t * t

    @staticmethod
    def backward(ctx, g):
        (t,) = ctx.saved_tensors
        return 2 * t * g


log.clear()
x.grad = None
with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
    y = Square.apply(x)
check("custom packed", log)
y.sum().backward()
check("custom unpacked", (log, x.grad))
x.grad = None
with torch.autograd.graph.saved_tensors_hooks(lambda t: t * 10, lambda t: t):
    y = Square.apply(x)
y.sum().backward()
check("custom uses unpacked", x.grad)
with torch.autograd.graph.disable_saved_tensors_hooks("hooks are off here"):
    raises("disabled", lambda: torch.autograd.graph.saved_tensors_hooks(id, id).__enter__())
