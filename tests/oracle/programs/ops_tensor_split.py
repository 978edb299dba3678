# tensor_split / hsplit / vsplit / dsplit: each piece is its own SliceBackward0 node (unlike
# split / chunk / unbind, whose pieces share one node); sections, index lists (negative,
# out of range, decreasing), tensor arguments, gradients, PyTorch's errors.
x = torch.arange(12.0).reshape(3, 4).requires_grad_()
cases = {
    "sections1": lambda: x.tensor_split(1),
    "sections2": lambda: x.tensor_split(2),
    "sections5": lambda: x.tensor_split(5),
    "indices_dim1": lambda: x.tensor_split([1, 3], dim=1),
    "torch.fn_dim": lambda: torch.tensor_split(x, 2, 1),
    "hsplit2": lambda: x.hsplit(2),
    "vsplit_list": lambda: x.vsplit([1]),
    "torch.hsplit_list": lambda: torch.hsplit(x, [1, 2]),
    "tensor_sections": lambda: x.tensor_split(torch.tensor(2)),
    "tensor_indices": lambda: x.tensor_split(torch.tensor([1, 2])),
    "decreasing": lambda: x.tensor_split([3, 1]),
    "negative": lambda: x.tensor_split((-1,)),
    "negative_mixed": lambda: x.tensor_split([-3, -1, 2]),
    "out_of_range": lambda: x.tensor_split([-9, 9]),
    "hsplit_1d": lambda: torch.arange(3.0, requires_grad=True).hsplit(1),
}
for name, fn in cases.items():
    with section(name):
        ps = fn()
        check(name, ps)
        check(name + ".nodes", [(p.grad_fn.name(), p.output_nr) for p in ps])
        check(name + ".distinct", len({id(p.grad_fn) for p in ps}) == len(ps))
a, b = x.hsplit(2)
check("graph", graph(a * b))
(a * 2 + b * b).sum().backward()
check("grad", x.grad)
d = torch.arange(8.0).reshape(2, 2, 2).requires_grad_()
p, q = d.dsplit(2)
(p * 3 + q).sum().backward()
check("dsplit.grad", d.grad)
raises("sections0", lambda: x.tensor_split(0))
raises("hsplit_indivisible", lambda: x.hsplit(3))
raises("hsplit0", lambda: x.hsplit(0))
raises("vsplit_indivisible", lambda: x.vsplit(2))
raises("vsplit_1d", lambda: torch.arange(3.0).vsplit(1))
raises("dsplit_2d", lambda: x.dsplit(1))
raises("hsplit_0d", lambda: torch.tensor(1.0).hsplit(1))
raises("dim_out_of_range", lambda: x.tensor_split(2, dim=2))
raises("float_sections", lambda: x.tensor_split(2.5))
raises("float_tensor", lambda: x.tensor_split(torch.tensor([1.0])))
raises("int32_tensor", lambda: x.tensor_split(torch.tensor([1], dtype=torch.int32)))
raises("2d_tensor", lambda: x.tensor_split(torch.tensor([[1]])))
raises("0d_input", lambda: torch.tensor(1.0).tensor_split(1))
