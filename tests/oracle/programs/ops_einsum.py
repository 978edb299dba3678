# torch.einsum as attention code and tutorials use it: values, gradients and the grad_fn graphs
# PyTorch builds (permute / unsqueeze / diagonal to align, bmm or mul to contract, sum), the
# list, varargs and sublist forms, ellipsis, repeated indices, and PyTorch's errors
def arr(*shape, k=1.0, dtype=torch.float32):
    n = 1
    for s in shape:
        n *= s
    return ((torch.arange(float(n), dtype=dtype).reshape(shape) * k + 0.5) / 4).requires_grad_()


CASES = [
    ("ij,jk->ik", [(2, 3), (3, 4)]),
    ("bij,bjk->bik", [(2, 2, 3), (2, 3, 4)]),
    ("bhqd,bhkd->bhqk", [(2, 2, 3, 4), (2, 2, 5, 4)]),
    ("bhqk,bhkd->bhqd", [(2, 2, 3, 5), (2, 2, 5, 4)]),
    ("bqhd,bkhd->bhqk", [(2, 3, 2, 4), (2, 5, 2, 4)]),
    ("i,i->", [(3,), (3,)]),
    ("i,j->ij", [(2,), (3,)]),
    ("ij->ji", [(2, 3)]),
    ("ii->i", [(3, 3)]),
    ("ii", [(3, 3)]),
    ("ij->j", [(2, 3)]),
    ("ij->", [(2, 3)]),
    ("...ij,...jk->...ik", [(2, 2, 3), (2, 3, 4)]),
    ("...ij,jk->...ik", [(3, 2, 2, 3), (3, 4)]),
    ("...j->...", [(2, 3, 4)]),
    ("ij,jk", [(2, 3), (3, 4)]),
    ("ij,jk->ki", [(2, 3), (3, 4)]),
    ("ik,jk->ij", [(2, 3), (4, 3)]),
    ("ij,ij->ij", [(2, 3), (2, 3)]),
    ("ij,ij->", [(2, 3), (2, 3)]),
    ("bi,bi->b", [(2, 3), (2, 3)]),
    ("ij,j->i", [(2, 3), (3,)]),
    ("i,i,i->i", [(3,), (3,), (3,)]),
    ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 5)]),
    ("bn,anm,bm->ba", [(2, 3), (4, 3, 5), (2, 5)]),
    ("iij->ij", [(3, 3, 2)]),
    ("jii,ij->ij", [(3, 2, 2), (2, 3)]),
    ("ij,ij->ij", [(1, 3), (2, 3)]),
    ("ijk,ikl->ijl", [(1, 3, 4), (2, 4, 5)]),
    ("Ab,bC->AC", [(2, 3), (3, 4)]),
    (" i j , j k -> i k ", [(2, 3), (3, 4)]),
]
for eq, shapes in CASES:
    with section(eq):
        ops = [arr(*s, k=1.0 + i) for i, s in enumerate(shapes)]
        y = torch.einsum(eq, *ops)
        check(eq, y)
        check(eq + " graph", graph(y))
        (y * torch.arange(float(y.numel())).reshape(y.shape).cos()).sum().backward()
        check(eq + " grads", [t.grad for t in ops])

a, b = arr(2, 3), arr(3, 4, k=-0.5)
check("list", torch.einsum("ij,jk->ik", [a, b]))
check("tuple", torch.einsum("ij,jk->ik", (a, b)))
check("sublist", torch.einsum(a, [0, 1], b, [1, 2], [0, 2]))
check("sublist_implicit", torch.einsum(a, [0, 1], b, [1, 2]))
check("sublist_ellipsis", torch.einsum(a, [..., 1], b, [1, 2], [..., 2]))
check("float64", torch.einsum("ij,jk->ik", a.double(), b.double()))
check(
    "int", torch.einsum("ij,jk->ik", torch.arange(6).reshape(2, 3), torch.arange(12).reshape(3, 4))
)
check(
    "int32_dot",
    torch.einsum("i,i->", torch.arange(3, dtype=torch.int32), torch.arange(3, dtype=torch.int32)),
)
check("int32_sum", torch.einsum("ij->j", torch.ones(2, 3, dtype=torch.int32)))
check("promote_mul", torch.einsum("i,j->ij", torch.ones(2), torch.ones(3, dtype=torch.float64)))
check("scalar", torch.einsum("->", torch.tensor(2.5)))
check("scalars", torch.einsum(",->", torch.tensor(2.5), torch.tensor(-2.0)))
check("scalar_vector", torch.einsum(",i->i", torch.tensor(2.5), torch.arange(3.0)))
check("empty", torch.einsum("ij,jk->ik", torch.ones(0, 3), torch.ones(3, 4)))
check("empty_sum", torch.einsum("ij,jk->ik", torch.ones(2, 0), torch.ones(0, 4)))
check("implicit_order", torch.einsum("ba", a))
check("no_grad", torch.einsum("ij,jk->ik", a.detach(), b.detach()))
print(torch.einsum("ij,jk->ik", a, b))

# attention scores as tutorials write them, and their double backward
q, k = arr(2, 3, 4), arr(2, 5, 4, k=0.5)
att = torch.einsum("bqd,bkd->bqk", q, k).softmax(-1)
check("attention", att)
(gq,) = torch.autograd.grad(att[:, 0, 1].sum(), q, create_graph=True)
check("attention_grad", gq)
gq.pow(2).sum().backward()
check("attention_grad2", [q.grad, k.grad])

v = torch.ones(3)
raises("no_operand", lambda: torch.einsum("ij"))
raises("nothing", lambda: torch.einsum())
raises("fewer", lambda: torch.einsum("ij,jk->ik", a))
raises("more", lambda: torch.einsum("ij->ij", a, b))
raises("ndim", lambda: torch.einsum("ijk,jk->ik", a, b))
raises("ndim_ellipsis", lambda: torch.einsum("ijk...,jk->ik", a, b))
raises("size_mismatch", lambda: torch.einsum("ij,jk->ik", a, a))
raises("bad_char", lambda: torch.einsum("i1,jk->ik", a, b))
raises("bad_char_output", lambda: torch.einsum("ij,jk->i1", a, b))
raises("output_unknown", lambda: torch.einsum("ij,jk->iz", a, b))
raises("output_twice", lambda: torch.einsum("ij,jk->ii", a, b))
raises("bad_dot", lambda: torch.einsum("i.j,jk->ik", a, b))
raises("two_ellipses", lambda: torch.einsum("...i...,jk->ik", a, b))
raises("bad_dot_output", lambda: torch.einsum("ij,jk->.ik", a, b))
raises("two_ellipses_output", lambda: torch.einsum("...ij,jk->......ik", a, b))
raises("diagonal_sizes", lambda: torch.einsum("ii->i", a))
raises("dtype", lambda: torch.einsum("ij,jk->ik", a, b.double()))
raises("int_float", lambda: torch.einsum("ij,jk->ik", a.long(), b))
raises(
    "ellipsis_broadcast",
    lambda: torch.einsum("...ij,...jk->...ik", torch.ones(2, 2, 3), torch.ones(3, 3, 4)),
)
raises("broadcast", lambda: torch.einsum("ij,ij->ij", torch.ones(2, 3), torch.ones(4, 3)))
raises("not_tensor", lambda: torch.einsum("ij,jk->ik", a, [[1.0]]))
raises("number_operand", lambda: torch.einsum("ij", 3))
raises("equation_int", lambda: torch.einsum(3, a))
raises("sublist_range", lambda: torch.einsum(a, [0, 60], b, [60, 2]))
raises("bool", lambda: torch.einsum("i,i->", v.bool(), v.bool()))
raises("arrow", lambda: torch.einsum("ij-ik", a))
raises("keyword", lambda: torch.einsum(equation="ij", operands=[a]))
raises("method", lambda: a.einsum)
