# scatter / scatter_ (src tensor and number), scatter_add / scatter_add_, the one-hot idiom
x = (torch.arange(12.0).reshape(3, 4) * 0.5 - 2).requires_grad_()
src = (torch.arange(6.0).reshape(3, 2) + 1).requires_grad_()
idx = torch.tensor([[0, 2], [1, 3], [3, 0]])
w = torch.arange(12.0).reshape(3, 4) + 1

out = torch.scatter(x, 1, idx, src)
check("scatter", out)
check("scatter_graph", graph(out))
(out * w).sum().backward()
check("scatter_grad_x", x.grad)
check("scatter_grad_src", src.grad)
x.grad = src.grad = None

out = x.scatter(0, torch.tensor([[2, 0, 1, 2]]), -1.5)
check("scatter_value", out)
check("scatter_value_graph", graph(out))
(out * w).sum().backward()
check("scatter_value_grad", x.grad)
x.grad = None

out = torch.scatter_add(x, 1, torch.tensor([[0, 0], [3, 3], [1, 2]]), src)
check("scatter_add", out)
check("scatter_add_graph", graph(out))
(out * w).sum().backward()
check("scatter_add_grad_x", x.grad)
check("scatter_add_grad_src", src.grad)
x.grad = src.grad = None

# index smaller than src: PyTorch's backward refuses the gathered gradient
big = torch.arange(8.0).reshape(2, 4).requires_grad_()
out = torch.zeros(3, 5).scatter_add(0, torch.tensor([[0, 1, 2], [2, 2, 0]]), big)
check("scatter_add_small_index", out)
raises("scatter_add_small_index_backward", lambda: out.sum().backward())

# in place, on a non-leaf
y = x * 2
y.scatter_(1, idx, src)
check("scatter_inplace", y)
check("scatter_inplace_graph", graph(y))
y.sum().backward()
check("scatter_inplace_grad_x", x.grad)
check("scatter_inplace_grad_src", src.grad)
x.grad = src.grad = None
z = x * 1
z.scatter_add_(0, torch.tensor([[0, 1, 0, 2]]), torch.ones(1, 4))
check("scatter_add_inplace", z)
check("scatter_add_inplace_graph", graph(z))

# the one-hot idiom
labels = torch.tensor([0, 2, 1, 2])
check("one_hot", torch.zeros(4, 3).scatter_(1, labels.unsqueeze(1), 1))
check("one_hot_int", torch.zeros(4, 3, dtype=torch.long).scatter_(1, labels.unsqueeze(1), 1))
check("one_hot_dim0", torch.zeros(3, 4).scatter_(0, labels.unsqueeze(0), 1.0))
check("scatter_3d", torch.zeros(2, 3, 2).scatter(2, torch.tensor([[[1], [0], [1]]] * 2), 7.0))
check("scatter_add_counts", torch.zeros(3).scatter_add(0, labels, torch.ones(4)))
check("scatter_int32_index", torch.zeros(3).scatter(0, labels.int()[:3], torch.ones(3)))

# errors
raises("err_index_dtype", lambda: torch.scatter(x, 1, idx.float(), src))
raises("err_src_dtype", lambda: torch.scatter(x, 1, idx, src.double()))
raises("err_index_ndim", lambda: torch.scatter(x, 1, idx[0], src))
raises("err_index_oob", lambda: torch.scatter(x, 1, idx + 5, src))
raises("err_index_big", lambda: torch.scatter(x, 1, torch.zeros(4, 2, dtype=torch.long), src))
raises("err_index_vs_src", lambda: torch.scatter(x, 1, torch.zeros(3, 3, dtype=torch.long), src))
raises("err_dim", lambda: torch.scatter(x, 3, idx, src))
raises("err_src_str", lambda: torch.scatter(x, 1, idx, "a"))
raises("err_add_index_dtype", lambda: torch.scatter_add(x, 1, idx.float(), src))
raises("err_add_dtype", lambda: torch.zeros(3).scatter_add(0, labels, torch.ones(4).double()))
raises("err_leaf_inplace", lambda: x.scatter_(1, idx, src))
raises("err_oob_inplace", lambda: torch.zeros(3, 4).scatter_(1, labels.unsqueeze(1) + 3, 1))
