# narrow / select / diagonal / movedim / moveaxis / swapdims / unflatten: values, grad_fn
# names, gradients, bad arguments; in-place through them (views of a non-leaf); diagonal
# of 3-d tensors with offsets and dims in either order.
x = torch.arange(24.0).reshape(2, 3, 4).requires_grad_()
CASES = [
    ("narrow", lambda t: t.narrow(2, 1, 2)),
    ("narrow_neg", lambda t: t.narrow(-1, -3, 2)),
    ("narrow_fn", lambda t: torch.narrow(t, 0, 1, 1)),
    ("narrow_empty", lambda t: t.narrow(1, 3, 0)),
    ("select", lambda t: t.select(1, 2)),
    ("select_neg", lambda t: torch.select(t, -1, -1)),
    ("diagonal", lambda t: t.diagonal()),
    ("diagonal_off", lambda t: t.diagonal(1, 1, 2)),
    ("diagonal_negoff", lambda t: t.diagonal(-1, 2, 1)),
    ("diagonal_02", lambda t: torch.diagonal(t, 1, 2, 0)),
    ("diagonal_far", lambda t: t.diagonal(9, 1, 2)),
    ("diagonal_kw", lambda t: t.diagonal(offset=-1, dim1=0, dim2=-1)),
    ("movedim", lambda t: t.movedim(0, 2)),
    ("movedim_tuple", lambda t: t.movedim((0, 1), (2, 0))),
    ("moveaxis", lambda t: torch.moveaxis(t, -1, 0)),
    ("swapdims", lambda t: t.swapdims(0, 2)),
    ("unflatten", lambda t: t.unflatten(2, (2, 2))),
    ("unflatten_infer", lambda t: t.unflatten(-1, (-1, 1, 2))),
    ("unflatten_fn", lambda t: torch.unflatten(t, 1, (3, 1))),
]
for name, fn in CASES:
    with section(name):
        x.grad = None
        y = fn(x)
        check(name, y)
        check(name + ".graph", graph(y))
        wts = torch.arange(float(y.numel())).reshape(y.shape) + 1
        (y * wts).sum().backward()
        check(name + ".grad", x.grad)
        if y.numel() == 0:
            continue
        h = x * 1
        v = fn(h)
        v.mul_(2)
        check(name + ".inplace_base", h)
        check(name + ".inplace_view", v)
        h.sum().backward()
        check(name + ".inplace_grad", x.grad)

# torch.diag: a vector's matrix (DiagEmbedBackward0), a matrix's diagonal (a copy)
v = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
mat = torch.arange(12.0).reshape(3, 4).requires_grad_()
DIAG = [
    ("diag_vec", lambda: torch.diag(v)),
    ("diag_vec_up", lambda: torch.diag(v, 1)),
    ("diag_vec_down", lambda: v.diag(-2)),
    ("diag_mat", lambda: torch.diag(mat)),
    ("diag_mat_up", lambda: mat.diag(2)),
    ("diag_mat_down", lambda: torch.diag(mat, -1)),
    ("diag_mat_far", lambda: torch.diag(mat, 7)),
    (
        "softmax_jacobian",
        lambda: torch.diag(v.softmax(0)) - torch.outer(v.softmax(0), v.softmax(0)),
    ),
]
for name, fn in DIAG:
    with section(name):
        v.grad = None
        mat.grad = None
        y = fn()
        check(name, y)
        check(name + ".graph", graph(y))
        wts = torch.arange(float(y.numel())).reshape(y.shape) - 2
        (y * wts).sum().backward()
        check(name + ".grads", (v.grad, mat.grad))
with section("diag_no_grad"):
    with torch.no_grad():
        d = mat.diag()
    check("diag_no_grad", d)
    d.add_(1)
    check("diag_no_grad.mat", mat)
with section("diag_double"):
    (g,) = torch.autograd.grad((torch.diag(v) ** 2).sum(), v, create_graph=True)
    check("diag_double.g", g)
    g.sum().backward()
    check("diag_double.vgrad", v.grad)
check("diag_int", torch.diag(torch.arange(3)))

m = torch.arange(6.0).reshape(2, 3)
BAD = [
    ("diag_3d", lambda: torch.diag(torch.ones(2, 2, 2))),
    ("diag_0d", lambda: torch.diag(torch.tensor(1.0))),
    ("diag_float", lambda: torch.diag(torch.arange(3.0), 1.5)),
    ("narrow_start", lambda: m.narrow(1, 5, 1)),
    ("narrow_start_neg", lambda: m.narrow(1, -4, 1)),
    ("narrow_len", lambda: m.narrow(1, 2, 3)),
    ("narrow_neglen", lambda: m.narrow(1, 0, -1)),
    ("narrow_dim", lambda: m.narrow(2, 0, 1)),
    ("narrow_0d", lambda: torch.tensor(1.0).narrow(0, 0, 1)),
    ("select_index", lambda: m.select(1, 3)),
    ("select_index_neg", lambda: m.select(1, -4)),
    ("select_dim", lambda: m.select(2, 0)),
    ("select_0d", lambda: torch.tensor(1.0).select(0, 0)),
    ("diagonal_same", lambda: m.diagonal(0, 0, 0)),
    ("diagonal_dim", lambda: m.diagonal(0, 0, 2)),
    ("diagonal_1d", lambda: torch.ones(3).diagonal()),
    ("movedim_dim", lambda: m.movedim(0, 2)),
    ("movedim_count", lambda: m.movedim((0, 1), (0,))),
    ("movedim_rep_src", lambda: m.movedim((0, 0), (0, 1))),
    ("movedim_rep_dst", lambda: m.movedim((0, 1), (1, 1))),
    ("unflatten_sizes", lambda: m.unflatten(1, (2, 2))),
    ("unflatten_empty", lambda: m.unflatten(1, ())),
    ("unflatten_same", lambda: m.unflatten(1, (-1,))),
    ("unflatten_one", lambda: m.unflatten(1, (-1, 3))),
]
for name, fn in BAD:
    raises("bad." + name, fn)
