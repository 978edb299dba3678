# torch.jit as teaching code uses it: Dive into Deep Learning 12.1 "Compilers and
# Interpreters" (hybridize: torch.jit.script on an nn.Sequential, save), the
# deployment tutorials' script/trace of a custom module, train/eval through a scripted
# module, an optimizer on its parameters, save and load.  (Values are compared detached:
# after two calls PyTorch's profiling executor gives scripted outputs a
# DifferentiableGraphBackward node; here the module's own ops stay in the graph.)
import os
import tempfile


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 8)
        self.drop = nn.Dropout(0.5)
        self.output = nn.Linear(8, 2)

    def forward(self, x):
        return self.output(self.drop(torch.relu(self.hidden(x))))


def get_net():
    return nn.Sequential(nn.Linear(16, 8), nn.ReLU(), nn.Linear(8, 4), nn.ReLU(), nn.Linear(4, 2))


torch.manual_seed(0)
x = torch.randn(size=(1, 16))
net = get_net()
check("eager", net(x))
net = torch.jit.script(net)
check("scripted", net(x).detach())
check("scripted_repr", repr(net))
check(
    "scripted_type",
    [str(type(net)), isinstance(net, nn.Module), isinstance(net, torch.jit.ScriptModule)],
)
check("keys", list(net.state_dict().keys()))

torch.manual_seed(1)
m = MLP()
s = torch.jit.script(m)
check("mlp_repr", repr(s))
check("same_params", [s.hidden.weight is m.hidden.weight, s.original_name, s.training])
xb = torch.randn(3, 4)
torch.manual_seed(2)
out_train = s(xb)
check("train_out", out_train.detach())
s.eval()
check("eval_flags", [s.training, m.training, m.drop.training])
check("eval_out", [s(xb).detach(), m(xb).detach()])
s.train()

opt = torch.optim.SGD(s.parameters(), lr=0.1)
torch.manual_seed(3)
loss = s(xb).pow(2).mean()
loss.backward()
opt.step()
check("trained", [loss.detach(), m.hidden.weight.grad, m.output.bias.detach()])

t = torch.jit.trace(m.eval(), xb)
check("traced_repr", repr(t))
check("traced_type", str(type(t)))
check("traced_out", t(xb).detach())


def f(a, b):
    return a * b + 1


sf = torch.jit.script(f)
check("script_fn", [str(type(sf)), sf(torch.ones(2), torch.full((2,), 3.0))])
tf = torch.jit.trace(f, (torch.ones(2), torch.ones(2)))
check("trace_fn", [str(type(tf)), tf(torch.ones(2), torch.ones(2))])
check("flags", [torch.jit.is_scripting(), torch.jit.is_tracing()])

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "my_mlp.pt")
    s.save(path)
    loaded = torch.jit.load(path)
    check("loaded", [repr(loaded), loaded(xb).detach()])
    torch.jit.save(net, os.path.join(d, "net.pt"))
    check("loaded_net", torch.jit.load(os.path.join(d, "net.pt"))(x).detach())

raises("freeze_train", lambda: torch.jit.freeze(torch.jit.script(MLP())))
raises("freeze_plain", lambda: torch.jit.freeze(MLP().eval()))
check("freeze_eval", repr(torch.jit.freeze(torch.jit.script(MLP()).eval())))
raises("trace_no_inputs", lambda: torch.jit.trace(m))


@torch.jit.ignore
def helper(z):
    return z * 2


check("ignore", helper(torch.ones(2)))
fut = torch.jit.fork(torch.add, torch.ones(2), 1)
check("fork_wait", torch.jit.wait(fut))
