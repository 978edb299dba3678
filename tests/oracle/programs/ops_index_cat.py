# indexing (ints, slices, negative, bool masks, None), cat, stack; grads through them
def leaf():
    return torch.arange(1.0, 13.0).reshape(3, 4).requires_grad_()


idx = {
    "[0]": lambda x: x[0],
    "[-1]": lambda x: x[-1],
    "[1,2]": lambda x: x[1, 2],
    "[1][2]": lambda x: x[1][2],
    "[:,1]": lambda x: x[:, 1],
    "[1:]": lambda x: x[1:],
    "[:2,1:3]": lambda x: x[:2, 1:3],
    "[::2]": lambda x: x[::2],
    "[:,::-1 not allowed]": lambda x: x[:, 1::2],
    "[...,0]": lambda x: x[..., 0],
    "[None]": lambda x: x[None],
    "[:,None]": lambda x: x[:, None],
    "[mask]": lambda x: x[x > 6],
    "[rowmask]": lambda x: x[torch.tensor([True, False, True])],
    "[idx_list]": lambda x: x[[0, 2]],
    "[idx_tensor]": lambda x: x[torch.tensor([2, 0, 2])],
    "[-2:,-1]": lambda x: x[-2:, -1],
}
for k, f in idx.items():
    with section(k):
        x = leaf()
        y = f(x)
        check(k, y)
        check(k + ".name", y.grad_fn.name())
        check(k + ".graph", graph(y))
        (y * 2).sum().backward()
        check(k + ".grad", x.grad)

x = torch.tensor([1.0, 2.0, 3.0])
check("1d[0]", x[0])
check("1d[0].item", x[0].item())
check("1d[0].shape", x[0].shape)
check("1d[-1]", x[-1])
check("1d[1:]", x[1:])
raises("index_oob", lambda: x[3])
raises("index_oob_neg", lambda: x[-4])
raises("index_oob_2d", lambda: torch.zeros(2, 3)[0, 5])
raises("too_many_indices", lambda: x[0, 0])
raises("mask_shape", lambda: x[torch.tensor([True, False])])
check("slice_oob", x[5:])
raises("index_0d", lambda: torch.tensor(1.0)[0])
# setitem
y = torch.zeros(2, 3)
y[0] = 1.0
y[1, 2] = 5.0
y[:, 0] = torch.tensor([7.0, 8.0])
y[y > 4] = -1.0
check("setitem", y)
z = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
raises("setitem_leaf", lambda: z.__setitem__(0, 5.0))
w = z * 1
w[0] = 10.0
check("setitem_nonleaf", w)
check("setitem_nonleaf.graph", graph(w))
w.sum().backward()
check("setitem_nonleaf.grad", z.grad)

# cat / stack
a = torch.tensor([[1.0, 2.0]], requires_grad=True)
b = torch.tensor([[3.0, 4.0], [5.0, 6.0]], requires_grad=True)
c = torch.cat((a, b))
check("cat0", c)
check("cat0.graph", graph(c))
(c * torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])).sum().backward()
check("cat0.a.grad", a.grad)
check("cat0.b.grad", b.grad)
a = torch.tensor([[1.0], [2.0]], requires_grad=True)
c = torch.cat([a, a, a * 2], dim=1)
check("cat1", c)
check("cat1.graph", graph(c))
c.sum().backward()
check("cat1.a.grad", a.grad)
check("cat-1", torch.cat((torch.ones(2, 1), torch.zeros(2, 2)), dim=-1))
check("cat_1d", torch.cat([torch.tensor([1, 2]), torch.tensor([3])]))
check("cat_mixed_dtype", torch.cat([torch.tensor([1, 2]), torch.tensor([3.5])]))
raises("cat_mismatch", lambda: torch.cat([torch.ones(2, 2), torch.ones(3, 3)]))
raises("cat_mismatch_dim1", lambda: torch.cat([torch.ones(2, 2), torch.ones(3, 2)], dim=1))
raises("cat_empty", lambda: torch.cat([]))
raises("cat_ndim", lambda: torch.cat([torch.ones(2), torch.ones(2, 2)]))
raises("cat_dim_oob", lambda: torch.cat([torch.ones(2), torch.ones(2)], dim=1))

p = torch.tensor([1.0, 2.0], requires_grad=True)
q = torch.tensor([3.0, 4.0], requires_grad=True)
s = torch.stack([p, q])
check("stack0", s)
check("stack0.graph", graph(s))
(s * torch.tensor([[1.0, 2.0], [3.0, 4.0]])).sum().backward()
check("stack0.p.grad", p.grad)
check("stack0.q.grad", q.grad)
s1 = torch.stack((p, q), dim=1)
check("stack1", s1)
check("stack-1", torch.stack([p, q], -1))
check("stack_0d", torch.stack([torch.tensor(1.0), torch.tensor(2.0)]))
raises("stack_mismatch", lambda: torch.stack([torch.ones(2), torch.ones(3)]))
