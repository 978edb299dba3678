# Nodes with several outputs: split / chunk / unbind pieces share ONE node (output numbers
# in next_functions), and a custom autograd.Function returning several tensors is one node
# whose backward runs ONCE with a gradient per output (zeros, or None with
# set_materialize_grads(False), where an output got none). Printing inside backward is
# compared too (stdout), so the number of calls is checked.

# ---------------------------------------------------------------- split / chunk / unbind
x = torch.arange(6.0).requires_grad_()
a, b, c = x.split(2)
check("split.names", (a.grad_fn.name(), type(b.grad_fn).__name__))
check("split.same_node", (a.grad_fn is b.grad_fn, b.grad_fn is c.grad_fn))
check("split.output_nr", [t.output_nr for t in (a, b, c)])
check("split.pieces", (a, b, c))
y = a * b
check("split.graph", graph(y))
check("split.graph_c", graph(c))
(a * b).sum().backward()
check("split.grad_missing_piece", x.grad)
x.grad = None
check("chunk3", [t.grad_fn.name() for t in x.chunk(3)])
check("chunk4", [(t.grad_fn.name(), t.shape) for t in x.chunk(4)])
check("chunk1", x.chunk(1)[0].grad_fn.name())
check("split6", x.split(6)[0].grad_fn.name())
check("split_sizes", [(t.grad_fn.name(), t.output_nr) for t in x.split([1, 5])])
check("split_sizes1", x.split([6])[0].grad_fn.name())
check("unbind", [(t.grad_fn.name(), t.output_nr) for t in x.unbind()])
check("torch.unbind", torch.unbind(x)[0].grad_fn.name())
check("torch.split", [t.output_nr for t in torch.split(x, 4)])
check("torch.chunk", torch.chunk(x, 2)[1].grad_fn.name())
p, q = torch.split(x, [4, 2])
(p.sum() * 2 + (q * q).sum()).backward()
check("split_sizes.grad", x.grad)
x.grad = None

m = torch.arange(6.0).reshape(2, 3).requires_grad_()
u = m.unbind(1)
check("unbind1", u)
check("unbind1.graph", graph(u[2] * u[0]))
(u[2] * u[0]).sum().backward()
check("unbind1.grad", m.grad)
r0, r1 = m.chunk(2, dim=0)
c0, c1 = m.split([2, 1], dim=1)
(r1.sum() + (c1 * 10).sum()).backward()
check("chunk_split_dims.grad", m.grad)

# hooks, retain_grad, node hooks
a, b, c = x.split(2)
hits = []
h = a.grad_fn.register_hook(lambda gi, go: hits.append((gi, go)))
(b * 3).sum().backward()
check("node_hook", hits)
check("node_hook.grad", x.grad)
x.grad = None
a, b, c = x.split(2)
a.retain_grad()
c.retain_grad()
(a * 2 + c).sum().backward()
check("retain", (a.grad, c.grad))
x.grad = None
a, b, c = x.split(2)
b.register_hook(lambda g: print("hook b", g))
c.register_hook(lambda g: None if g is None else g * 10)
(b * 3 + a + c).sum().backward(retain_graph=True)
check("hooks.grad", x.grad)
check("grad_wrt_pieces", torch.autograd.grad((a * b).sum(), [a, b, c], allow_unused=True))
check("grad_wrt_x", torch.autograd.grad((a * b).sum(), [x]))
x.grad = None

# double backward through split
a, b, c = x.split(2)
(g,) = torch.autograd.grad((a * a * b).sum(), x, create_graph=True)
check("create_graph.g", g)
g.sum().backward()
check("create_graph.xgrad", x.grad)
x.grad = None

# no grad: plain views
with torch.no_grad():
    a, b, c = x.split(2)
# (a.requires_grad is True in PyTorch: a view made under no_grad keeps its base's flag;
# autograd_viz's views made under no_grad do not require grad, split or not)
check("no_grad.pieces", (a.grad_fn, b.output_nr))
xd = x.detach().clone()
a, b, c = xd.split(2)
b.mul_(2)
check("inplace_no_rg", xd)

# in-place on a piece of a graph
a, b, c = x.split(2)
raises("inplace.split", lambda: b.mul_(2))
raises("inplace.add_", lambda: c.add_(1))
u = x.unbind()
raises("inplace.unbind", lambda: u[1].mul_(2))
raises("detach_.piece", lambda: b.detach_())
d = b.detach()
check("detach.piece", (d.output_nr, d.requires_grad))
v = b.view(2, 1)
check("view_of_piece", (graph(v), v.output_nr))


# ---------------------------------------------------------------- custom Function
class Two(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, y):
        ctx.save_for_backward(x, y)
        return x * y, x + y

    @staticmethod
    def backward(ctx, ga, gb):
        print("Two.backward", ga, gb)
        x, y = ctx.saved_tensors
        return ga * y + gb, ga * x + gb


x = torch.tensor([1.0, 2.0], requires_grad=True)
y = torch.tensor([3.0, 4.0], requires_grad=True)
p, s = Two.apply(x, y)
check("two.same_node", p.grad_fn is s.grad_fn)
check("two.name", p.grad_fn.name())
check("two.output_nr", (p.output_nr, s.output_nr))
check("two.graph", graph(p * s))
(p * s).sum().backward()
check("two.grads", (x.grad, y.grad))
x.grad = y.grad = None
p, s = Two.apply(x, y)
(s * 2).sum().backward()
check("two.one_output.grads", (x.grad, y.grad))
x.grad = y.grad = None
p, s = Two.apply(x, y)
(p.sum() + s.sum()).backward(retain_graph=True)
p.sum().backward()
check("two.twice", x.grad)
raises("two.third", lambda: p.sum().backward())
x.grad = y.grad = None


class TwoNoMat(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, y):
        ctx.set_materialize_grads(False)
        return x * y, x + y

    @staticmethod
    def backward(ctx, ga, gb):
        print("TwoNoMat.backward", ga, gb)
        return gb, None if ga is None else ga


p, s = TwoNoMat.apply(x, y)
(s * 2).sum().backward()
check("nomat.grads", (x.grad, y.grad))
x.grad = y.grad = None


class ND(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        idx = x.argmax()
        ctx.mark_non_differentiable(idx)
        return x * 2, idx, x * 3

    @staticmethod
    def backward(ctx, g1, g2, g3):
        print("ND.backward", g1, g2, g3)
        return g1 * 2 + g3 * 3


a, i, b = ND.apply(x)
check("nd.flags", (i.grad_fn, i.requires_grad, b.grad_fn is a.grad_fn))
check("nd.output_nr", (a.output_nr, i.output_nr, b.output_nr))
check("nd.graph", graph(a * b))
b.sum().backward()
check("nd.grad", x.grad)
x.grad = None
a, i, b = ND.apply(x)
a.grad_fn.register_hook(lambda gi, go: print("node hook", gi, go))
b.sum().backward()
x.grad = None
a, i, b = ND.apply(x)
a.retain_grad()
b.retain_grad()
(a * b).sum().backward()
check("nd.retain", (a.grad, b.grad))
x.grad = None
a, i, b = ND.apply(x)
b.register_hook(lambda g: g * 10)
(a + b).sum().backward()
check("nd.hook_grad", x.grad)
x.grad = None


class NT(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2, 5, x * 3

    @staticmethod
    def backward(ctx, g1, g2, g3):
        print("NT.backward", g1, g2, g3)
        return g1 + g3


o = NT.apply(x)
check("nt.out", o)
check("nt.output_nr", (o[0].output_nr, o[2].output_nr))
check("nt.graph", graph(o[0] + o[2]))
(o[0] + o[2]).sum().backward()
check("nt.grad", x.grad)
x.grad = None

p, s = Two.apply(x, y)
(g,) = torch.autograd.grad((p * s).sum(), x, create_graph=True)
check("two.create_graph", g)
p, s = Two.apply(x, y)
check("two.grad_wrt_outputs", torch.autograd.grad((p * s).sum(), [p, s]))
p, s = Two.apply(x, y)
s.mul_(2)
check("two.inplace", (s.output_nr, graph(s)))
s.sum().backward()
check("two.inplace.grad", x.grad)
x.grad = None
p, s = Two.apply(x, y)
s.detach_()
check("two.detach_", (s.grad_fn, s.output_nr))

# in-place through a view of a piece, and item assignment into a piece
x = torch.arange(6.0).requires_grad_()
y = x * 1
for base_name, base in (("leaf", x), ("nonleaf", y)):
    a, b, c = base.split(2)
    raises(f"{base_name}.setitem_int", lambda b=b: b.__setitem__(0, 5.0))
    raises(f"{base_name}.setitem_slice", lambda b=b: b.__setitem__(slice(0, 1), 5.0))
    raises(f"{base_name}.view_mul_", lambda b=b: b.view(2, 1).mul_(2))
    raises(f"{base_name}.unbind_view_add_", lambda: base.unbind()[2].view(1).add_(1))
v = x.view(2, 3)
raises("plain_view_of_leaf", lambda: v.mul_(2))


# saved outputs (a stale one names this node and its output number), mark_dirty among
# several outputs, an input returned among the outputs, setup_context + once_differentiable
class SaveOut(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        a, b = x.exp(), x * 2
        ctx.save_for_backward(a, b)
        return a, b

    @staticmethod
    def backward(ctx, ga, gb):
        a, _b = ctx.saved_tensors
        return ga * a + gb * 2


x = torch.tensor([0.5, 1.0], requires_grad=True)
a, b = SaveOut.apply(x)
(a * b).sum().backward()
check("saveout.grad", x.grad)
a, b = SaveOut.apply(x)
b.mul_(2)
raises("saveout.stale_output_1", lambda: a.sum().backward())


class SaveOut1(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        a = x.exp()
        ctx.save_for_backward(a, x)
        return a

    @staticmethod
    def backward(ctx, ga):
        a, _x = ctx.saved_tensors
        return ga * a


a = SaveOut1.apply(x)
a.mul_(2)
raises("saveout1.stale_output", lambda: a.sum().backward())
y = x * 1
a = SaveOut1.apply(y)
y.add_(1)
raises("saveout1.stale_input", lambda: a.sum().backward())


class Dirty(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, y):
        x.mul_(2)
        ctx.mark_dirty(x)
        return x, y * 3

    @staticmethod
    def backward(ctx, gx, gy):
        return gx * 2, gy * 3


xx = torch.tensor([1.0, 2.0], requires_grad=True)
y = torch.tensor([1.0, 1.0], requires_grad=True)
u = xx * 1
o1, o2 = Dirty.apply(u, y)
check("dirty", (o1 is u, o1.grad_fn.name(), o1.output_nr, o2.output_nr, u.grad_fn is o1.grad_fn))
(o1 + o2).sum().backward()
check("dirty.grads", (xx.grad, y.grad))


class RetIn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x, x * 2

    @staticmethod
    def backward(ctx, g1, g2):
        return g1 + g2 * 2


xx.grad = None
p, q = RetIn.apply(xx)
check("retin", (p.grad_fn.name(), p.output_nr, q.output_nr, p is xx))
(p * q).sum().backward()
check("retin.grad", xx.grad)


class NewStyle(torch.autograd.Function):
    @staticmethod
    def forward(x):
        return x.sin(), x.cos()

    @staticmethod
    def setup_context(ctx, inputs, output):
        (x,) = inputs
        ctx.save_for_backward(x)

    @staticmethod
    @torch.autograd.function.once_differentiable
    def backward(ctx, gs, gc):
        (x,) = ctx.saved_tensors
        return gs * x.cos() - gc * x.sin()


xd = torch.tensor([0.3, 0.7], dtype=torch.float64, requires_grad=True)
s, c = NewStyle.apply(xd)
check("newstyle.name", s.grad_fn.name())
check("newstyle.gradcheck", torch.autograd.gradcheck(lambda t: NewStyle.apply(t), (xd,)))
(s * c).sum().backward()
check("newstyle.grad", xd.grad)
hh = torch.ones(2, requires_grad=True).register_hook(lambda g: g)
check("hook_handle_type", type(hh).__name__)
check("hook_handle_repr", repr(hh))
