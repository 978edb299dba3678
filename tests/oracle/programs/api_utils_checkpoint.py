# Activation checkpointing as gradient-checkpointing tutorials show it
# (https://pytorch.org/docs/stable/checkpoint.html): the same values and gradients as
# without it; a print in the checkpointed function shows when it runs again in the
# backward pass (reentrant: the whole function; non-reentrant: up to the last tensor it
# saved); torch.version on a CPU build.
import warnings

# (reachable as an attribute, as in PyTorch)
from_ckpt = torch.utils.checkpoint


def caught(fn):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        out = fn()
    return out, [(x.category.__name__, str(x.message)) for x in w]


def block(x):
    print("block runs")
    h = (x @ W1).tanh()
    y = h.sin() * 2
    print("block done")
    return y


torch.manual_seed(0)
W1 = torch.randn(3, 4, requires_grad=True)
x0 = torch.randn(2, 3, requires_grad=True)

# plain
y = block(x0)
y.sum().backward()
plain = [x0.grad.clone(), W1.grad.clone()]
check("plain", [y, *plain])

for reentrant in (True, False):
    with section(f"reentrant_{reentrant}"):
        x0.grad = None
        W1.grad = None
        print("forward", reentrant)
        y = from_ckpt.checkpoint(block, x0, use_reentrant=reentrant)
        check(f"y_{reentrant}", y)
        check(f"graph_{reentrant}", graph(y))
        print("backward", reentrant)
        y.sum().backward()
        check(f"grads_{reentrant}", [x0.grad, W1.grad])

# the default (use_reentrant left out): PyTorch's warning, the reentrant variant
out, w = caught(lambda: from_ckpt.checkpoint(lambda t: t.exp(), x0))
check("default_warns", w)
check("default_out", out)

# no input requires grad
out, w = caught(lambda: from_ckpt.checkpoint(lambda t: t * 2, x0.detach(), use_reentrant=True))
check("no_grad_inputs_warns", w)
check("no_grad_inputs_out", out)

# dropout inside: the recomputation draws the same mask (the random state is restored)
torch.manual_seed(1)
xd = torch.ones(8, requires_grad=True)
yd = from_ckpt.checkpoint(
    lambda t: torch.nn.functional.dropout(t, 0.5) * t, xd, use_reentrant=False
)
yd.sum().backward()
check("dropout_ckpt", [yd, xd.grad, torch.rand(2)])
torch.manual_seed(1)
xd2 = torch.ones(8, requires_grad=True)
yd2 = from_ckpt.checkpoint(
    lambda t: torch.nn.functional.dropout(t, 0.5) * t, xd2, use_reentrant=True
)
yd2.sum().backward()
check("dropout_ckpt_reentrant", [yd2, xd2.grad, torch.rand(2)])

# autograd.grad: fine without reentrancy, an error with it
x1 = torch.tensor([0.5, 1.5], requires_grad=True)
g = torch.autograd.grad(from_ckpt.checkpoint(torch.sin, x1, use_reentrant=False).sum(), x1)
check("grad_nonreentrant", g)
raises(
    "grad_reentrant",
    lambda: torch.autograd.grad(from_ckpt.checkpoint(torch.sin, x1, use_reentrant=True).sum(), x1),
)

# keyword arguments: only without reentrancy
raises("kwargs_reentrant", lambda: from_ckpt.checkpoint(torch.sin, x1, use_reentrant=True, foo=1))
check("kwargs_nonreentrant", from_ckpt.checkpoint(torch.mul, x1, use_reentrant=False, other=3.0))
raises(
    "context_fn_reentrant",
    lambda: from_ckpt.checkpoint(torch.sin, x1, use_reentrant=True, debug=True),
)

# retain_graph and a second backward: recomputed again
x2 = torch.tensor([1.0, 2.0], requires_grad=True)
y2 = from_ckpt.checkpoint(
    block_pow := (lambda t: (print("pow runs"), t**3)[1]), x2, use_reentrant=False
)
y2.sum().backward(retain_graph=True)
y2.sum().backward()
check("twice", x2.grad)

# checkpoint_sequential over an nn.Sequential
torch.manual_seed(2)
model = nn.Sequential(nn.Linear(4, 5), nn.ReLU(), nn.Linear(5, 5), nn.Tanh(), nn.Linear(5, 1))
inp = torch.randn(3, 4, requires_grad=True)
out = from_ckpt.checkpoint_sequential(model, 2, inp, use_reentrant=False)
out.sum().backward()
check("sequential", [out, inp.grad, model[0].weight.grad])
check("sequential_graph", graph(out))
out, w = caught(lambda: from_ckpt.checkpoint_sequential(model, 2, inp))
check("sequential_default_warns", w)
check("sequential_graph_reentrant", graph(out))

check("version", [torch.version.cuda, torch.version.hip, torch.version.debug])
check("handle_type", str(torch.utils.hooks.RemovableHandle))
