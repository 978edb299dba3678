# Issue 13's missing public names, part 3: nn.Buffer, Hardshrink / Softshrink, LPPool1d/2d,
# ChannelShuffle, RNNBase / RNNCellBase; nn.utils get_total_norm, clip_grads_with_norm_,
# clip_grad_norm, fuse_conv_bn_eval / fuse_linear_bn_eval, skip_init, stateless;
# utils.data IterableDataset (DataLoader over one), ChainDataset, StackDataset,
# get_worker_info, default_convert; optim.swa_utils (AveragedModel, SWALR, update_bn) and
# optim.Adafactor.
import numpy as np

data = torch.utils.data


class Stream(data.IterableDataset):
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return iter([(torch.tensor([float(i)]), i % 2) for i in range(self.n)])

    def __len__(self):
        return self.n


class Gen(data.IterableDataset):
    def __iter__(self):
        for i in range(3):
            yield {"x": torch.ones(2) * i}


dl = data.DataLoader(Stream(5), batch_size=2)
check("iterable_len", len(dl))
check("iterable_batches", list(dl))
check("iterable_drop_last", list(data.DataLoader(Stream(5), batch_size=2, drop_last=True)))
check("iterable_no_batching", list(data.DataLoader(Stream(3), batch_size=None)))
check("iterable_add", list(Stream(2) + Stream(1)))
check("chain_len", len(data.ChainDataset([Stream(2), Stream(3)])))
check("iterable_dict_batches", list(data.DataLoader(Gen(), batch_size=2)))
raises("iterable_shuffle", lambda: data.DataLoader(Stream(3), shuffle=True))
raises("iterable_no_len", lambda: len(data.DataLoader(Gen(), batch_size=2)))
sd = data.StackDataset(torch.arange(3), torch.arange(3) * 2)
check("stack_dataset", [len(sd), sd[1], data.StackDataset(a=torch.arange(2), b=[5, 6])[1]])
check("stack_dataset_loader", list(data.DataLoader(sd, batch_size=2)))
raises("stack_dataset_sizes", lambda: data.StackDataset(torch.arange(3), torch.arange(2)))
check("get_worker_info", data.get_worker_info())
check(
    "default_convert",
    data.default_convert([np.arange(2), (np.float64(1.5), "a"), {"k": np.ones(1)}]),
)

nn = torch.nn
b = nn.Buffer(torch.ones(2), persistent=False)
check("buffer", [isinstance(b, nn.Buffer), b, isinstance(torch.ones(1), nn.Buffer), str(type(b))])


class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Buffer(torch.zeros(2))
        self.b = nn.Buffer(torch.ones(1), persistent=False)
        self.lin = nn.Linear(2, 2)


m = M()
check("buffer_module", [dict(m.named_buffers()), list(m.state_dict().keys())])
m.a = nn.Buffer(torch.ones(3), persistent=False)
check("buffer_reassigned", list(m.state_dict().keys()))
check("buffer_empty", [nn.Buffer(), nn.Buffer(torch.ones(1, requires_grad=True))])
raises("buffer_list", lambda: nn.Buffer([1, 2]))
check(
    "rnn_bases",
    [
        isinstance(nn.LSTM(2, 3), nn.RNNBase),
        isinstance(nn.GRUCell(2, 3), nn.RNNCellBase),
        isinstance(nn.Linear(1, 1), nn.RNNBase),
    ],
)
torch.manual_seed(0)
x = torch.randn(2, 4, 6, requires_grad=True)
check(
    "module_reprs",
    [
        repr(nn.Hardshrink(0.3)),
        repr(nn.Softshrink()),
        repr(nn.LPPool1d(2, 3)),
        repr(nn.LPPool2d(2, (2, 3), stride=1)),
        repr(nn.ChannelShuffle(2)),
        str(type(nn.ChannelShuffle(2))),
    ],
)
for name, mod in [
    ("hardshrink", nn.Hardshrink(0.3)),
    ("softshrink", nn.Softshrink(0.2)),
    ("lppool1d", nn.LPPool1d(2, 3)),
    ("channel_shuffle", nn.ChannelShuffle(2)),
]:
    x.grad = None
    out = mod(x)
    check(name + "_module", out)
    (out * torch.arange(out.numel(), dtype=out.dtype).view(out.shape).cos()).sum().backward()
    check(name + "_module_grad", x.grad)
check("lppool2d_module", nn.LPPool2d(2, 2)(x.detach().unsqueeze(0).abs()))

torch.manual_seed(0)
lin = nn.Linear(3, 2)
bn = nn.BatchNorm1d(2)
bn.running_mean.fill_(0.5)
bn.running_var.fill_(2.0)
bn.weight.data.fill_(1.5)
lin.eval()
bn.eval()
fl = nn.utils.fuse_linear_bn_eval(lin, bn)
inp = torch.randn(4, 3)
check("fuse_linear_bn", [fl.weight, fl.bias, fl(inp), bn(lin(inp))])
conv = nn.Conv2d(2, 3, 2)
bn2 = nn.BatchNorm2d(3)
bn2.running_var.fill_(3.0)
conv.eval()
bn2.eval()
fc = nn.utils.fuse_conv_bn_eval(conv, bn2)
im = torch.randn(1, 2, 4, 4)
check("fuse_conv_bn", [fc.weight, fc.bias, fc(im), bn2(conv(im))])
raises("fuse_training", lambda: nn.utils.fuse_conv_bn_eval(nn.Conv2d(2, 3, 2), bn2))
ps = [torch.ones(2, requires_grad=True), torch.ones(3, requires_grad=True)]
(ps[0].sum() * 3 + (ps[1] ** 2).sum()).backward()
tn = nn.utils.get_total_norm([p.grad for p in ps])
check(
    "get_total_norm",
    [
        tn,
        nn.utils.get_total_norm([p.grad for p in ps], 1.0),
        nn.utils.get_total_norm([p.grad for p in ps], float("inf")),
        nn.utils.get_total_norm([]),
    ],
)
nn.utils.clip_grads_with_norm_(ps, 1.0, tn)
check("clip_grads_with_norm_", [p.grad for p in ps])
check("clip_grad_norm_deprecated", [nn.utils.clip_grad_norm(ps, 0.5), [p.grad for p in ps]])
sl = nn.utils.skip_init(nn.Linear, 3, 2)
check("skip_init", [sl.weight.shape, sl.bias.shape])
check(
    "stateless",
    nn.utils.stateless.functional_call(
        lin, {"weight": torch.ones(2, 3), "bias": torch.zeros(2)}, (torch.ones(1, 3),)
    ),
)

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Linear(4, 1))
swa = torch.optim.swa_utils.AveragedModel(model)
opt = torch.optim.SGD(model.parameters(), lr=0.5)
sched = torch.optim.swa_utils.SWALR(opt, swa_lr=0.05, anneal_epochs=3)
X = torch.randn(16, 3)
Y = torch.randn(16, 1)
for epoch in range(5):
    with section(f"swa_epoch{epoch}"):
        opt.zero_grad()
        loss = ((model(X) - Y) ** 2).mean()
        loss.backward()
        opt.step()
        swa.update_parameters(model)
        sched.step()
        check(f"swa_epoch{epoch}", [loss, sched.get_last_lr(), swa.n_averaged])
check("swa_params", list(swa.parameters()))
loader = data.DataLoader(data.TensorDataset(X, Y), batch_size=4)
torch.optim.swa_utils.update_bn(loader, swa)
check("update_bn", [swa.module[1].running_mean, swa.module[1].running_var, swa.module[1].momentum])
check("swa_forward", swa(X[:2]))
check("swa_types", [str(type(swa)), str(type(sched))])
lin_sched = torch.optim.swa_utils.SWALR(
    torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1.0),
    swa_lr=0.1,
    anneal_epochs=2,
    anneal_strategy="linear",
)
lrs = []
for _ in range(3):
    lin_sched.optimizer.step()
    lin_sched.step()
    lrs.append(lin_sched.get_last_lr())
check("swalr_linear", lrs)
ema = torch.optim.swa_utils.AveragedModel(
    nn.Linear(2, 1), multi_avg_fn=torch.optim.swa_utils.get_ema_multi_avg_fn(0.9)
)
src = nn.Linear(2, 1)
for _ in range(3):
    with torch.no_grad():
        src.weight.add_(1.0)
    ema.update_parameters(src)
check("ema", ema.module.weight)
raises("swalr_strategy", lambda: torch.optim.swa_utils.SWALR(opt, 0.1, anneal_strategy="x"))
raises("swalr_epochs", lambda: torch.optim.swa_utils.SWALR(opt, 0.1, anneal_epochs=-1))

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
opt = torch.optim.Adafactor(model.parameters(), lr=0.05, weight_decay=0.01)
for epoch in range(4):
    with section(f"adafactor_epoch{epoch}"):
        opt.zero_grad()
        loss = ((model(X) - Y) ** 2).mean()
        loss.backward()
        opt.step()
        check(f"adafactor_epoch{epoch}", loss)
check("adafactor_params", list(model.parameters()))
check("adafactor_state", opt.state[next(iter(model.parameters()))])
check("adafactor_repr", repr(opt))
check("adafactor_type", str(type(opt)))
w = torch.ones(3, requires_grad=True)
o2 = torch.optim.Adafactor([w], maximize=True, d=2.0)
(w * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
o2.step()
check("adafactor_maximize", w)
for i, kw in enumerate(
    [dict(lr=-1), dict(beta2_decay=0.5), dict(eps=(-1, 1e-3)), dict(d=0.5), dict(weight_decay=-1)]
):
    raises(f"adafactor_bad{i}", lambda kw=kw: torch.optim.Adafactor([w], **kw))
