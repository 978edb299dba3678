# tril/triu, masked_fill(_), gather, index_select, split/chunk, cumsum, flip, logsumexp,
# amax/amin, repeat, sort/argsort/topk, outer, isnan/isinf/isfinite, save/load
import io

x = (torch.arange(12.0).reshape(3, 4) * 0.5 - 2).requires_grad_()
x64 = torch.tensor(
    [[0.3, -1.2, 0.8, 2.0], [1.1, 0.4, -0.6, 0.05], [-0.9, 1.7, 0.25, -0.35]],
    dtype=torch.float64,
    requires_grad=True,
)
gc = torch.autograd.gradcheck
ggc = torch.autograd.gradgradcheck
w = torch.arange(12.0).reshape(3, 4) + 1


def run(name, fn, grad=True, ggrad=True):
    out = fn(x)
    check(name, out)
    t = out[0] if isinstance(out, tuple) else out
    check(name + "_graph", graph(t))
    (
        t * w[: t.shape[0], : t.shape[1]]
        if t.dim() == 2 and t.shape[0] <= 3 and t.shape[1] <= 4
        else t
    ).sum().backward()
    check(name + "_grad", x.grad)
    x.grad = None
    if grad:
        f64 = lambda a: fn(a)[0] if isinstance(fn(a), tuple) else fn(a)
        check(name + "_gradcheck", gc(f64, (x64,)))
        if ggrad:
            check(name + "_gradgradcheck", ggc(f64, (x64,)))


run("tril", lambda a: torch.tril(a))
run("tril_k", lambda a: a.tril(1))
run("triu", lambda a: torch.triu(a, -1))
mask = torch.tensor([True, False, True, False])
run("masked_fill", lambda a: a.masked_fill(mask, -1.5))
run("masked_fill_2d", lambda a: a.masked_fill(a > 0.5, 0.0))
idx = torch.tensor([[0, 3], [1, 1], [2, 0]])
run("gather", lambda a: torch.gather(a, 1, idx))
run("gather_dim0", lambda a: a.gather(0, torch.tensor([[2, 0, 1, 2]])))
run("index_select", lambda a: a.index_select(1, torch.tensor([3, 0, 3])))
run("index_select0", lambda a: torch.index_select(a, 0, torch.tensor([2])))
run("cumsum", lambda a: a.cumsum(1))
run("cumsum0", lambda a: torch.cumsum(a, dim=0))
run("flip", lambda a: a.flip(0))
run("flip01", lambda a: torch.flip(a, [0, 1]))
run("logsumexp", lambda a: a.logsumexp(1))
run("logsumexp_keep", lambda a: torch.logsumexp(a, dim=0, keepdim=True))
run("logsumexp_all", lambda a: a.logsumexp((0, 1)))
run("amax", lambda a: a.amax(1), ggrad=False)
run("amin_keep", lambda a: torch.amin(a, dim=0, keepdim=True), ggrad=False)
run("amax_all", lambda a: a.amax(), ggrad=False)
run("repeat", lambda a: a.repeat(2, 1))
run("repeat3", lambda a: a.repeat(1, 2, 2))
run("sort", lambda a: a.sort(dim=1, descending=True))
run("sort0", lambda a: torch.sort(a, 0))
run("topk", lambda a: a.topk(2))
run("topk_small", lambda a: torch.topk(a, 1, dim=0, largest=False))
run("split", lambda a: a.split(2, 1))
run("split_sizes", lambda a: torch.split(a, [1, 3], dim=1)[1])
run("chunk", lambda a: a.chunk(2)[1])
run("outer", lambda a: torch.outer(a[0], a[1]))

ties = torch.tensor([[1.0, 3.0, 3.0], [2.0, 2.0, 2.0]], requires_grad=True)
ties.amax(1).sum().backward()
check("amax_ties_grad", ties.grad)
check("argsort", torch.argsort(x, dim=1, descending=True))
check("argsort_method", x.argsort())
check("sort_indices_dtype", x.sort().indices.dtype)
check("topk_repr", repr(torch.topk(torch.tensor([1.0, 5.0, 3.0]), 2)))
check("split_len", len(x.split(3, 1)))
check("split_last", x.split(3, 1)[1])
check("chunk_len", len(torch.arange(5).chunk(3)))
check("chunk_sizes", [c.shape for c in torch.arange(5).chunk(3)])
check("isnan", torch.tensor([1.0, float("nan"), float("inf")]).isnan())
check("isinf", torch.isinf(torch.tensor([1.0, float("-inf"), float("nan")])))
check("isfinite", torch.isfinite(torch.tensor([1.0, float("nan"), float("inf")])))
check("isnan_int", torch.isnan(torch.tensor([1, 2])))
check("cumsum_int", torch.tensor([1, 2, 3]).cumsum(0))
check("cumsum_dtype", torch.tensor([1.0, 2.0]).cumsum(0, dtype=torch.float64))
h = x.detach().clone()
h.masked_fill_(mask, 9.0)
check("masked_fill_inplace", h)
y = x * 1
y.masked_fill_(mask, 0.0)
check("masked_fill_inplace_graph", graph(y))
y.sum().backward()
check("masked_fill_inplace_grad", x.grad)
x.grad = None
v = torch.tensor(2.5, requires_grad=True)
z = x.masked_fill(mask, v)
check("masked_fill_tensor_graph", graph(z))
z.sum().backward()
check("masked_fill_value_grad", v.grad)
att = torch.tril(torch.ones(4, 4))
scores = torch.arange(16.0).reshape(4, 4) / 8
check("causal_mask", scores.masked_fill(att == 0, float("-inf")).softmax(-1))

raises("gather_oob", lambda: x.gather(1, torch.tensor([[5]])))
raises("gather_float_index", lambda: x.gather(1, torch.tensor([[0.5]])))
raises("masked_fill_long_mask", lambda: x.masked_fill(torch.tensor([1, 0, 1, 0]), 0.0))
raises("masked_fill_value_dims", lambda: x.masked_fill(mask, torch.ones(2)))
raises("topk_k", lambda: x.topk(9))
raises("tril_1d", lambda: torch.tril(torch.ones(3)))
raises("repeat_dims", lambda: x.repeat(2))
raises("split_zero", lambda: x.split(0))
raises("chunk_zero", lambda: x.chunk(0))
raises("index_select_oob", lambda: x.index_select(0, torch.tensor([3])))
raises("logsumexp_dim", lambda: x.logsumexp(5))
raises("flip_dim", lambda: x.flip(3))
raises("split_sizes_sum", lambda: x.split([1, 2], 1))

# save / load round trip (in memory)
buf = io.BytesIO()
lin = torch.nn.Linear(2, 2)
with torch.no_grad():
    lin.weight.copy_(torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
    lin.bias.copy_(torch.tensor([0.5, -0.5]))
torch.save(lin.state_dict(), buf)
buf.seek(0)
sd = torch.load(buf, weights_only=True)
check("load_keys", list(sd.keys()))
check("load_weight", sd["weight"])
lin2 = torch.nn.Linear(2, 2)
check("load_state", repr(lin2.load_state_dict(sd)))
check("load_out", lin2(torch.tensor([[1.0, 1.0]])))
buf = io.BytesIO()
torch.save({"t": torch.arange(3), "n": 5}, buf)
buf.seek(0)
check("load_dict", torch.load(buf))
