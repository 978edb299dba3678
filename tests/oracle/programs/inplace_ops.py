# in-place ops: zero_ add_ sub_ mul_ div_ fill_ copy_ clamp_ and their autograd rules
t = torch.tensor([1.0, 2.0, 3.0])
r = t.add_(1)
check("add_", t)
check("add_.returns_self", r is t)
t.sub_(0.5)
check("sub_", t)
t.mul_(2)
check("mul_", t)
t.div_(4)
check("div_", t)
t.add_(torch.tensor([1.0, 1.0, 1.0]), alpha=2)
check("add_alpha", t)
t.fill_(7)
check("fill_", t)
t.zero_()
check("zero_", t)
t.copy_(torch.tensor([4.0, 5.0, 6.0]))
check("copy_", t)
t.clamp_(min=4.5)
check("clamp_", t)
t += 1
check("iadd", t)
t -= 1
check("isub", t)
t *= 3
check("imul", t)
t /= 3
check("idiv", t)
i = torch.tensor([1, 2])
raises("int_div_", lambda: i.div_(2))
i += 1
check("int_iadd", i)
raises("int_iadd_float_tensor", lambda: i.add_(torch.tensor([0.5, 0.5])))
i.mul_(2)
check("int_imul", i)
f = torch.tensor([1.0, 2.0])
f.add_(torch.tensor([1, 1]))
check("float_add_int", f)
raises("inplace_broadcast_bad", lambda: torch.ones(3).add_(torch.ones(2, 3)))
b = torch.ones(2, 3)
b.add_(torch.tensor([1.0, 2.0, 3.0]))
check("inplace_broadcast_ok", b)

# leaf requiring grad
w = torch.tensor([1.0, 2.0], requires_grad=True)
raises("leaf_add_", lambda: w.add_(1))
raises("leaf_iadd", lambda: w.__iadd__(1))
raises("leaf_mul_", lambda: w.mul_(2))
raises("leaf_zero_", lambda: w.zero_())
raises("leaf_fill_", lambda: w.fill_(0))
raises("leaf_copy_", lambda: w.copy_(torch.tensor([0.0, 0.0])))
with torch.no_grad():
    w.sub_(torch.tensor([0.5, 0.5]))
    w *= 2
check("leaf_inplace_no_grad", w)
w.data.add_(1)
check("leaf_data_add_", w)
w.data.fill_(3)
check("leaf_data_fill_", w)

# non-leaf in-place keeps graph
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
y.add_(1)
check("nonleaf_add_", y)
check("nonleaf_add_.graph", graph(y))
y.mul_(3)
check("nonleaf_mul_.graph", graph(y))
y.sum().backward()
check("nonleaf_inplace.x.grad", x.grad)
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x + 0
y += x
check("nonleaf_iadd.graph", graph(y))
y.sum().backward()
check("nonleaf_iadd.x.grad", x.grad)

# version counter
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 1
z = y**2
y.add_(1)
raises("saved_modified", lambda: z.sum().backward())
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x.exp()
y.mul_(2)
raises("exp_result_modified", lambda: y.sum().backward())
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x.sigmoid()
y.zero_()
raises("sigmoid_result_modified", lambda: y.sum().backward())
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x + 1
y.mul_(2)
y.sum().backward()
check("add_then_mul_.grad", x.grad)
x = torch.tensor([1.0, 2.0], requires_grad=True)
a = x * 1
b = a * torch.tensor([3.0, 4.0])
a.add_(1)
b.sum().backward()
check("mul_by_const_then_modified.grad", x.grad)
x = torch.tensor([1.0, 2.0], requires_grad=True)
a = x * 1
b = a * a
a.add_(1)
raises("mul_self_modified", lambda: b.sum().backward())
# in-place on view of leaf
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
raises("view_of_leaf_inplace", lambda: x[0].add_(1))
raises("view_of_leaf_inplace2", lambda: x.view(3).mul_(2))
# grad zero_ and accumulation
x = torch.tensor([1.0, 2.0], requires_grad=True)
(x * 3).sum().backward()
g = x.grad
x.grad.zero_()
check("grad_zero_", x.grad)
(x * 3).sum().backward()
check("grad_same_object", x.grad is g)
check("grad_after_zero_", x.grad)
x.grad = None
(x * 5).sum().backward()
check("grad_after_None", x.grad)
x.grad = torch.tensor([10.0, 10.0])
(x * 5).sum().backward()
check("grad_after_assign", x.grad)
raises("grad_assign_bad_shape", lambda: setattr(x, "grad", torch.tensor([1.0])))
