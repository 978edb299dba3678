# Bad input met while adapting public teaching programs (issue 13): each case records
# PyTorch's exception type and message, or PyTorch's result.
a = torch.arange(3.0)
b = torch.arange(2.0)

# --- meshgrid (UvA tutorial 2's decision picture)
raises("meshgrid_bad_indexing", lambda: torch.meshgrid(a, b, indexing="zz"))
raises(
    "meshgrid_2d",
    lambda: torch.meshgrid(a.view(3, 1), b, indexing="ij"),
    key="Expected 0D or 1D tensor in the tensor list but got:",
)
raises("meshgrid_none", lambda: torch.meshgrid(indexing="ij"))
raises("meshgrid_empty_list", lambda: torch.meshgrid([], indexing="ij"))
raises("meshgrid_dtypes", lambda: torch.meshgrid(a, b.double(), indexing="ij"))
raises("meshgrid_list_elem", lambda: torch.meshgrid(a, [1, 2], indexing="ij"))
raises("meshgrid_0d", lambda: torch.meshgrid(torch.tensor(1.0), b, indexing="ij"))
raises("meshgrid_list_arg", lambda: [g.shape for g in torch.meshgrid([a, b], indexing="xy")])
raises("meshgrid_three_xy", lambda: [g.shape for g in torch.meshgrid(a, b, a, indexing="xy")])
raises("meshgrid_three_xy_vals", lambda: torch.meshgrid(a, b, a[:2], indexing="xy")[1])
raises("meshgrid_one", lambda: torch.meshgrid(a, indexing="xy"))
raises("meshgrid_int", lambda: torch.meshgrid(torch.arange(2), torch.arange(3), indexing="ij"))
ag = torch.arange(3.0, requires_grad=True)
bg = torch.arange(2.0, requires_grad=True)
gx, gy = torch.meshgrid(ag, bg, indexing="xy")
check("meshgrid_xy_graph", graph(gx))
(gx * gy * torch.arange(6.0).view(2, 3)).sum().backward()
check("meshgrid_xy_grads", [ag.grad, bg.grad])

# --- strides and .grad's layout (UvA tutorial 3: params.grad.data.view(-1))
raises("stride_all", lambda: torch.ones(2, 3, 4).stride())
raises("stride_dim", lambda: torch.ones(2, 3, 4).stride(-1))
raises("stride_size1", lambda: torch.ones(2, 1, 4).stride())
raises("stride_t", lambda: torch.ones(2, 3).t().stride())
raises("stride_expand", lambda: torch.ones(3).expand(2, 3).stride())
raises("stride_oob", lambda: torch.ones(2, 3).stride(2))
w = torch.ones(4, 3, requires_grad=True)
(torch.ones(5, 3) @ w.t()).sum().backward()
raises("grad_after_t_stride", lambda: w.grad.stride())
raises("grad_after_t_view", lambda: w.grad.view(-1))
w2 = torch.ones(3, 4).t().requires_grad_()
(torch.ones(5, 3) @ w2.t()).sum().backward()
raises("grad_of_t_leaf_stride", lambda: (w2.stride(), w2.grad.stride(), w2.grad.is_contiguous()))
