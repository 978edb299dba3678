# Module backward hooks (register_full_backward_hook / _pre_hook, the legacy register_backward_hook),
# forward hooks with_kwargs / prepend, and node hooks: Grad-CAM style code (captum-free), per-layer
# gradient printing, clipping grad_input inside a network. PyTorch docs:
# https://pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.register_full_backward_hook
import warnings

warnings.simplefilter("ignore")
torch.manual_seed(0)
torch.manual_seed(0)


def show(*a):
    print(*a)


net = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))


def full(m, gi, go):
    show(
        "full",
        type(m).__name__,
        [None if g is None else tuple(g.shape) for g in gi],
        [tuple(g.shape) for g in go],
    )


def pre(m, go):
    show("pre", type(m).__name__, [tuple(g.shape) for g in go])
    return (go[0] * 2,)


hs = [
    net[0].register_full_backward_hook(full),
    net[2].register_full_backward_hook(full),
    net[2].register_full_backward_pre_hook(pre),
    net[1].register_full_backward_hook(full),
]
x = torch.randn(5, 3)
out = net(x)
print(out.grad_fn.name(), out.grad_fn.next_functions[0][0].name())
out.sum().backward()
print(net[0].weight.grad)
for h in hs:
    h.remove()
net.zero_grad()


# modify grad input (gradient clipping inside the net)
def clip(m, gi, go):
    return tuple(None if g is None else g.clamp(-0.01, 0.01) for g in gi)


h = net[2].register_full_backward_hook(clip)
xr = torch.randn(5, 3, requires_grad=True)
net(xr).pow(2).sum().backward()
print(xr.grad, net[0].bias.grad)
h.remove()


# Grad-CAM style
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 3, padding=1)
        self.fc = nn.Linear(2, 3)

    def forward(self, x):
        a = F.relu(self.conv(x))
        return self.fc(a.mean((2, 3)))


cnn = CNN()
store = {}
cnn.conv.register_forward_hook(lambda m, i, o: store.__setitem__("act", o))
cnn.conv.register_full_backward_hook(lambda m, gi, go: store.__setitem__("grad", go[0]))
img = torch.randn(1, 1, 4, 4)
logits = cnn(img)
logits[0, logits.argmax()].backward()
w = store["grad"].mean((2, 3), keepdim=True)
cam = F.relu((w * store["act"]).sum(1))
print(cam)
# legacy backward hook
lin = nn.Linear(3, 2)
lin.register_backward_hook(
    lambda m, gi, go: show(
        "legacy", [None if g is None else tuple(g.shape) for g in gi], [tuple(g.shape) for g in go]
    )
)
lin(torch.randn(4, 3, requires_grad=True)).sum().backward()
seq = nn.Sequential(nn.Linear(3, 3), nn.Tanh())
seq.register_backward_hook(lambda m, gi, go: show("legacy seq", len(gi)))
seq(torch.randn(2, 3, requires_grad=True)).sum().backward()
try:
    lin.register_full_backward_hook(full)
except RuntimeError as e:
    print(e)
# with_kwargs / prepend
m = nn.Linear(2, 2)
m.register_forward_pre_hook(lambda mod, a, k: show("pre kw", k), with_kwargs=True)
m.register_forward_hook(lambda mod, a, k, o: show("post kw", k, o.shape), with_kwargs=True)
m.register_forward_hook(lambda mod, a, o: show("first"), prepend=True)
m(input=torch.ones(1, 2))


def badhook(gi, go):
    return (gi[0],)


y = torch.ones(2, requires_grad=True) * torch.ones(2, requires_grad=True)
y.grad_fn.register_hook(badhook)
try:
    y.sum().backward()
except RuntimeError as e:
    print(e)
z = torch.ones(2, requires_grad=True) * 3
z.grad_fn.register_hook(lambda gi, go: [gi[0]])
try:
    z.sum().backward()
except TypeError as e:
    print(e)

# the graph a hooked module builds, the gradients through it
hooked = nn.Linear(3, 2)
hooked.register_full_backward_hook(lambda m, gi, go: (gi[0] * 0.5,))
xin = torch.randn(4, 3, requires_grad=True)
yout = hooked(xin)
check("hooked_out", yout)
check("hooked_graph", graph(yout))
yout.sum().backward()
check("hooked_x_grad", xin.grad)
check("hooked_w_grad", hooked.weight.grad)
pre_only = nn.Tanh()
pre_only.register_full_backward_pre_hook(lambda m, go: (go[0] * 3,))
xt = torch.randn(3, requires_grad=True)
pre_only(xt).sum().backward()
check("pre_only_grad", xt.grad)


def _pre_wrong():
    m2 = nn.ReLU()
    m2.register_full_backward_pre_hook(lambda m, go: (go[0], go[0]))
    m2(torch.randn(2, requires_grad=True)).sum().backward()


def _full_wrong():
    m3 = nn.ReLU()
    m3.register_full_backward_hook(lambda m, gi, go: (gi[0], gi[0]))
    m3(torch.randn(2, requires_grad=True)).sum().backward()


raises("pre_hook_wrong_count", _pre_wrong)
raises("full_hook_wrong_count", _full_wrong)


# forward hooks with always_call=True run even when forward raises (with output None)
always = nn.Linear(2, 2)
always.register_forward_hook(lambda mod, a, o: print("always", o), always_call=True)
always.register_forward_hook(lambda mod, a, o: print("normal", o.shape))
raises("always_call_on_error", lambda: always(torch.ones(3)))
check("always_call_normal", always(torch.ones(2)))
