# Views made under no_grad of a tensor that requires grad (PyTorch's "creation meta"):
# requires_grad / is_leaf / grad_fn / printing of the view, for every view op; in-place
# changes inside no_grad (the ``w[0] -= lr * g`` idiom) and after it (PyTorch's errors);
# ops using such a view in grad mode (a node with a (None, 0) edge, no gradient for it or
# its base); views of it made in grad mode; split/unbind/chunk pieces; .data / detach()
# (not such views); views of leaves changed in place in grad mode ("a view of a leaf
# Variable ..."); the view (or its base) changed in place after it was made.


def W():
    return torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], requires_grad=True)


VIEWS = [
    ("index0", lambda w: w[0]),
    ("index_neg", lambda w: w[-1]),
    ("slice_rows", lambda w: w[0:1]),
    ("slice_cols", lambda w: w[:, 1:]),
    ("slice_step", lambda w: w[:, ::2]),
    ("column", lambda w: w[:, 1]),
    ("element", lambda w: w[1, 2]),
    ("ellipsis", lambda w: w[...]),
    ("none", lambda w: w[None]),
    ("view", lambda w: w.view(3, 2)),
    ("view_flat", lambda w: w.view(-1)),
    ("view_as", lambda w: w.view_as(torch.zeros(6))),
    ("reshape", lambda w: w.reshape(6)),
    ("flatten", lambda w: w.flatten()),
    ("unflatten", lambda w: w.flatten().unflatten(0, (3, 2))),
    ("t", lambda w: w.t()),
    ("T", lambda w: w.T),
    ("mT", lambda w: w.mT),
    ("transpose", lambda w: w.transpose(0, 1)),
    ("permute", lambda w: w.permute(1, 0)),
    ("movedim", lambda w: w.movedim(0, 1)),
    ("unsqueeze", lambda w: w.unsqueeze(0)),
    ("squeeze", lambda w: w[0:1].squeeze(0)),
    ("expand", lambda w: w[0:1].expand(3, 3)),
    ("narrow", lambda w: w.narrow(1, 0, 2)),
    ("select", lambda w: w.select(1, 2)),
    ("unbind0", lambda w: w.unbind()[0]),
    ("unbind1", lambda w: w.unbind(1)[2]),
    ("split0", lambda w: w.split(1)[0]),
    ("split_cols", lambda w: w.split(2, dim=1)[1]),
    ("chunk1", lambda w: w.chunk(2)[1]),
    ("diagonal", lambda w: w.diagonal()),
]

for name, fn in VIEWS:
    with section("view_" + name):
        w = W()
        with torch.no_grad():
            v = fn(w)
            check(name + ".in_no_grad", v)
        check(name, v)
        print(name, v)
        check(name + ".flags", (v.requires_grad, v.is_leaf, v.grad_fn))
        raises(name + ".add_", lambda: v.add_(1))
        raises(name + ".mul_", lambda: v.mul_(2.0))
        raises(name + ".zero_", lambda: v.zero_())
        raises(name + ".fill_", lambda: v.fill_(1.0))
        raises(name + ".iadd", lambda: v.__iadd__(1))
        raises(name + ".requires_grad_", lambda: v.requires_grad_(False).requires_grad)
        check(name + ".w_version", w._version)
        check(name + ".w", w)

# not views that require grad: .data, detach(), advanced indexing, contiguous copies
NOT_VIEWS = [
    ("data", lambda w: w.data),
    ("detach", lambda w: w.detach()),
    ("index_list", lambda w: w[[0, 1]]),
    ("index_mask", lambda w: w[w > 2]),
    ("index_tensor", lambda w: w[torch.tensor([1, 0])]),
    ("clone", lambda w: w.clone()),
    ("arith", lambda w: w * 2),
]
for name, fn in NOT_VIEWS:
    with section("notview_" + name):
        w = W()
        with torch.no_grad():
            v = fn(w)
        check(name, v)
        print(name, v)
        raises(name + ".add_", lambda: v.add_(1))
        check(name + ".w", w)
        check(name + ".w_version", w._version)

# in-place on such a view inside no_grad: fine (the idiom of hand-written SGD)
with section("inplace_inside"):
    w = W()
    g = torch.tensor([[1.0, 1.0, 1.0], [2.0, 2.0, 2.0]])
    with torch.no_grad():
        w[0] -= 0.5 * g[0]
        w[:, 1] *= 2
        w.t()[0] += 1
        w[1, 2] = 7.0
        w[1][0] = -1.0
        r = w[1]
        r.sub_(0.25)
        r.zero_()
        r += 3
        r.mul_(torch.tensor([1.0, 2.0, 3.0]))
        check("inside.r_version", r._version)
    check("inside.w", w)
    check("inside.w_version", w._version)
    print(w)
    loss = (w * w).sum()
    loss.backward()
    check("inside.grad", w.grad)

# the lesson loop: weights updated through views under no_grad each step
with section("sgd_rows"):
    w = torch.tensor([[0.5, -1.0], [1.5, 2.0]], requires_grad=True)
    x = torch.tensor([[1.0, 2.0], [3.0, -1.0]])
    for step in range(3):
        loss = ((x @ w) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            for i in range(2):
                w[i] -= 0.1 * w.grad[i]
            w.grad.zero_()
        check("sgd.loss%d" % step, loss)
    check("sgd.w", w)
    print(w)

# ops using such a view in grad mode: a node, with no edge for the view
with section("ops_on_view"):
    w = W()
    with torch.no_grad():
        v = w[0]
        c = w[:, 1]
    for name, f in [
        ("add", lambda: v + 1),
        ("mul", lambda: v * 2),
        ("exp", lambda: v.exp()),
        ("sum", lambda: v.sum()),
        ("mul_w", lambda: v * w[1]),
        ("cat", lambda: torch.cat([v, w[1]])),
        ("matmul", lambda: c @ w),
        ("stack", lambda: torch.stack([v, v])),
        ("clone", lambda: v.clone()),
    ]:
        out = f()
        check("ops." + name, out)
        check("ops." + name + ".graph", graph(out))
    y = (v * w[1]).sum()
    y.backward()
    check("ops.w_grad", w.grad)
    check("ops.v_grad", v.grad)
    z = (v * 3).sum()
    raises("ops.backward_only_view", lambda: z.backward())
    check("ops.w_grad_after", w.grad)
    check("ops.v_grad_after", v.grad)
    raises(
        "ops.autograd_grad",
        lambda: torch.autograd.grad((w * 1).sum(), v),
    )
    raises("ops.numpy", lambda: v.numpy())
    check("ops.detach", v.detach())
    check("ops.data", v.data)
    raises("ops.retain_grad", lambda: v.retain_grad())
    check("ops.retains_grad", v.retains_grad)
    check("ops.hook", v.register_hook(lambda g: g) is not None)
    raises("ops.detach_", lambda: v.detach_())
    with torch.no_grad():
        s0 = w[0, 0]
        s1 = w[1]
    raises("ops.root_0d", lambda: s0.backward())
    raises("ops.root_1d", lambda: s1.backward(torch.ones(3)))
    raises("ops.root_autograd", lambda: torch.autograd.backward([s1], [torch.ones(3)]))
    raises("ops.grad_of_itself", lambda: torch.autograd.grad(s1.sum(), s1))
    raises("ops.grad_wrt", lambda: torch.autograd.grad((s1 * w[0]).sum(), [w, s1]))
    check("ops.grad_unused", torch.autograd.grad((s1 * w[0]).sum(), [w, s1], allow_unused=True))

# a view of such a view, made in grad mode: a node (no edge); in-place names it
with section("view_of_view"):
    w = W()
    with torch.no_grad():
        v = w[0]
    u = v[1:]
    check("vov", u)
    check("vov.graph", graph(u))
    check("vov.base_flags", (v.requires_grad, v.is_leaf))
    raises("vov.add_", lambda: u.add_(1))
    raises("vov.setitem_int", lambda: v.__setitem__(0, 1.0))
    raises("vov.setitem_slice", lambda: v.__setitem__(slice(0, 2), 1.0))
    raises("vov.setitem_ellipsis", lambda: v.__setitem__(Ellipsis, 1.0))
    raises("vov.setitem_mask", lambda: v.__setitem__(v > 0, 1.0))
    raises("vov.setitem_list", lambda: v.__setitem__([0, 2], 1.0))
    with torch.no_grad():
        vv = v[1:]
        check("vov.nograd", vv)
    raises("vov.nograd.add_", lambda: vv.add_(1))
    check("vov.w", w)

# a view of a plain tensor under no_grad: no requires_grad, in-place allowed
# (PyTorch also refuses an in-place op on it whose operand requires grad: not followed)
with section("plain_base"):
    x = torch.tensor([1.0, 2.0, 3.0])
    with torch.no_grad():
        xv = x[0:2]
    check("plain.xv", xv)
    raises("plain.add_", lambda: xv.add_(1))
    check("plain.x", x)

# requires_grad_() on such a view
with section("requires_grad_true"):
    w = W()
    with torch.no_grad():
        v = w[0]
    v.requires_grad_(True)
    check("rgt.v", v)
    m = v * 2
    check("rgt.graph", graph(m))
    m.sum().backward()
    check("rgt.grads", (v.grad, w.grad))
    v.register_hook(lambda g: print("hook", g))
    (v * 3).sum().backward()
    check("rgt.grad2", v.grad)
    raises("rgt.add_", lambda: v.add_(1))
    v.requires_grad = False
    check("rgt.attr_false", v.requires_grad)

# a non-leaf base
with section("nonleaf_base"):
    w = W()
    h = w * 2
    with torch.no_grad():
        v = h[0]
    check("nonleaf.v", v)
    raises("nonleaf.add_", lambda: v.add_(1))
    print(v)

# grad mode toggles other than no_grad
with section("modes"):
    w = W()
    torch.set_grad_enabled(False)
    v1 = w[1]
    torch.set_grad_enabled(True)
    check("modes.set_grad_enabled", v1)
    raises("modes.set_grad_enabled.add_", lambda: v1.add_(1))
    with torch.no_grad():
        v2 = w[0]
        with torch.enable_grad():
            raises("modes.enable_grad_inside", lambda: v2.add_(1))
            v3 = w[1]
        raises("modes.v3_in_no_grad", lambda: v3.add_(0))
    check("modes.v3", v3)

    @torch.no_grad()
    def row(t, i):
        return t[i]

    v4 = row(w, 0)
    check("modes.decorator", v4)
    raises("modes.decorator.add_", lambda: v4.add_(1))

# split / unbind / chunk pieces under no_grad; a no_grad view of a grad-mode piece
with section("multi"):
    w = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
    with torch.no_grad():
        s = w.split(2)
        u = w.unbind()
        c = w.chunk(2)
    check("multi.split", s)
    raises("multi.split.add_", lambda: s[0].add_(1))
    raises("multi.unbind.add_", lambda: u[1].add_(1))
    raises("multi.chunk.add_", lambda: c[1].add_(1))
    p = w.split(2)
    raises("multi.gm_piece.add_", lambda: p[0].add_(1))
    with torch.no_grad():
        p0 = p[0][0:1]
    raises("multi.ng_of_gm_piece.add_", lambda: p0.add_(1))
    with torch.no_grad():
        p[1].mul_(2)
    check("multi.w", w)

# views of leaves changed in place with grad mode on
with section("view_of_leaf"):
    w = W()
    raises("vol.index.add_", lambda: w[0].add_(1))
    raises("vol.t.add_", lambda: w.t().add_(1))
    raises("vol.view.mul_", lambda: w.view(6).mul_(2))
    raises("vol.setitem", lambda: w.__setitem__(0, 1.0))
    raises("vol.leaf.add_", lambda: w.add_(1))
    raises("vol.detach.add_", lambda: w.detach().add_(1))
    check("vol.w", w)
    r = torch.arange(6.0).reshape(2, 3).requires_grad_()
    check("vol.reshape_leaf", r)
    raises("vol.reshape_leaf.add_", lambda: r.add_(1))
    x = torch.tensor([1.0, 2.0, 3.0])
    xv = x[0:2]
    x.requires_grad_()
    check("vol.base_requires_grad_later", (xv.requires_grad, xv.is_leaf, xv.grad_fn))
    print(xv)
    raises("vol.base_requires_grad_later.add_", lambda: xv.add_(1))
    raises("vol.base_requires_grad_later.iadd", lambda: xv.__iadd__(1))
    with torch.no_grad():
        xv += 1
    check("vol.base_requires_grad_later.x", x)
    v = w[0]
    with torch.no_grad():
        v.add_(1)
    check("vol.gm_view_ng_inplace", v)
    check("vol.w_after", w)

# the view or its base changed in place after it was made: using it raises
with section("stale"):
    w = W()
    with torch.no_grad():
        v = w[0]
        v -= 1
        print(v)
    print(v)
    check("stale.rg", v.requires_grad)
    raises("stale.is_leaf", lambda: v.is_leaf)
    raises("stale.mul", lambda: v * 2)
    raises("stale.mul_w", lambda: v * w[1])
    raises("stale.add_", lambda: v.add_(1))
    w2 = W()
    with torch.no_grad():
        a = w2[0]
        w2.add_(1)
    print(a)
    raises("stale.base_changed", lambda: a + w2[1])
    w3 = W()
    h = w3 * 2
    with torch.no_grad():
        b = h[0]
    h.add_(1)
    print(b)
    raises("stale.nonleaf_base_changed", lambda: b * w3[0])
    with torch.no_grad():
        check("stale.in_no_grad_ok", v * 2)
