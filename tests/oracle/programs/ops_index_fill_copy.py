def t(name, f):
    raises(name, f)


x = torch.arange(6.0).reshape(2, 3)
t("fill_0d", lambda: x.index_fill(1, torch.tensor(0), 1.0))
t("fill_dup", lambda: x.index_fill(1, torch.tensor([0, 0]), 1.0))
t("fill_list", lambda: x.index_fill(1, [0], 1.0))
t("fill_dim", lambda: x.index_fill(2, torch.tensor([0]), 1.0))
t("fill_neg", lambda: x.index_fill(-1, torch.tensor([-1]), 1.0))
t("fill_i32", lambda: x.index_fill(1, torch.tensor([0], dtype=torch.int32), 1.0))
t("fill_long", lambda: x.long().index_fill(1, torch.tensor([0]), 1.5))
t("fill_scalar", lambda: torch.tensor(3.0).index_fill(0, torch.tensor([0]), 1.0))
t(
    "fill_f64v",
    lambda: x.index_fill(1, torch.tensor([0, 2]), torch.tensor(2.0, dtype=torch.float64)),
)
t("fill_oob", lambda: x.index_fill(1, torch.tensor([5]), 1.0))
t("fill_2d", lambda: x.index_fill(1, torch.tensor([[0]]), 1.0))
t("fill_vec", lambda: x.index_fill(1, torch.tensor([0]), torch.ones(2)))
t("copy", lambda: x.index_copy(1, torch.tensor([0]), torch.ones(2, 1)))
t("copy_n", lambda: x.index_copy(1, torch.tensor([0, 1]), torch.ones(2, 1)))
t("copy_dtype", lambda: x.index_copy(1, torch.tensor([0]), torch.ones(2, 1, dtype=torch.float64)))
t("copy_oob", lambda: x.index_copy(1, torch.tensor([5]), torch.ones(2, 1)))
t("copy_float_idx", lambda: x.index_copy(1, torch.tensor([0.0]), torch.ones(2, 1)))
t("copy_2d_idx", lambda: x.index_copy(1, torch.tensor([[0]]), torch.ones(2, 1)))
t("copy_shape", lambda: x.index_copy(1, torch.tensor([0]), torch.ones(3, 1)))
t("ms", lambda: x.masked_scatter(x > 2, torch.arange(10.0)))
t("ms_few", lambda: x.masked_scatter(x > 2, torch.arange(2.0)))
t("ms_float_mask", lambda: x.masked_scatter((x > 2).float(), torch.arange(10.0)))
t("ms_dtype", lambda: x.masked_scatter(x > 2, torch.arange(10)))
t("ms_bcast", lambda: x.masked_scatter(torch.tensor([True, False, True]), torch.arange(10.0)))
t("fn_fill", lambda: torch.index_fill(x, 0, torch.tensor([1]), 7))
t("fn_copy", lambda: torch.index_copy(x, 0, torch.tensor([1]), torch.ones(1, 3)))
t("fn_ms", lambda: torch.masked_scatter(x, x > 4, torch.ones(6)))
y = x.clone()
y.index_fill_(0, torch.tensor([1]), -1)
check("fill_", y)
# gradients and graphs
a = torch.arange(6.0).reshape(2, 3).requires_grad_()
v = torch.tensor(5.0, requires_grad=True)
w = torch.arange(6.0).reshape(2, 3)
o1 = a.index_fill(1, torch.tensor([0, 2]), -1.0)
o2 = a.index_fill(1, torch.tensor([0, 2]), v)
s = torch.ones(2, 2, requires_grad=True)
o3 = a.index_copy(1, torch.tensor([2, 0]), s)
src = torch.arange(10.0, requires_grad=True)
o4 = a.masked_scatter(a > 2, src)
check("outs", [o1, o2, o3, o4])
check("graphs", [graph(o1), graph(o2), graph(o3), graph(o4)])
((o1 * w).sum() + (o2 * w).sum() + (o3 * w).sum() + (o4 * w).sum()).backward()
check("grads", [a.grad, v.grad, s.grad, src.grad])
# in place on a non-leaf, and the leaf error
b = a * 1
b.index_fill_(0, torch.tensor([0]), 0.0)
check("inplace_graph", graph(b))
t("leaf_inplace", lambda: a.index_fill_(0, torch.tensor([0]), 0.0))
# second order through index_copy / masked_scatter
o5 = a.index_copy(1, torch.tensor([2, 0]), s)
gs = torch.autograd.grad((o5 * o5).sum(), s, create_graph=True)[0]
check("double", [gs, torch.autograd.grad(gs.sum(), s)[0]])
torch.manual_seed(0)
p = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
q = torch.randn(2, 4, dtype=torch.float64, requires_grad=True)
check(
    "gradcheck",
    [
        torch.autograd.gradcheck(lambda p, q: p.index_copy(0, torch.tensor([2, 0]), q), (p, q)),
        torch.autograd.gradcheck(lambda p, q: p.masked_scatter(p > 0, q), (p, q)),
        torch.autograd.gradcheck(lambda p: p.index_fill(1, torch.tensor([1, 3]), 2.0), (p,)),
    ],
)
