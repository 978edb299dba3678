# PyTorch tutorial "Double Backward with Custom Functions"
# (https://pytorch.org/tutorials/intermediate/custom_function_double_backward_tutorial.html):
# Square saving its input, Exp saving its output, Sinh saving intermediate results by
# returning them as extra outputs (and SinhBad keeping them on ctx, whose double backward is
# wrong), MyCube returning its derivative; each checked with gradcheck / gradgradcheck and
# by first and second derivatives, plus the graphs. torch.rand inputs are fixed values.
x = (torch.arange(9, dtype=torch.double).view(3, 3) / 10 - 0.4).requires_grad_()


class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x**2

    @staticmethod
    def backward(ctx, grad_out):
        (x,) = ctx.saved_tensors
        return grad_out * 2 * x


print(torch.autograd.gradcheck(Square.apply, x))
print(torch.autograd.gradgradcheck(Square.apply, x))
out = Square.apply(x)
(g,) = torch.autograd.grad(out.sum(), x, create_graph=True)
check("square_graph", graph(g))
(gg,) = torch.autograd.grad(g.sum(), x)
check("square_second", gg)


class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        result = torch.exp(x)
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_out):
        (result,) = ctx.saved_tensors
        return result * grad_out


print(torch.autograd.gradcheck(Exp.apply, x))
print(torch.autograd.gradgradcheck(Exp.apply, x))
out = Exp.apply(x)
print(out.grad_fn, out.grad_fn.name())
(g,) = torch.autograd.grad(out.sum(), x, create_graph=True)
check("exp_graph", graph(g))
check("exp_second", torch.autograd.grad(g.sum(), x)[0])


class Sinh(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        expx = torch.exp(x)
        expnegx = torch.exp(-x)
        ctx.save_for_backward(expx, expnegx)
        return (expx - expnegx) / 2, expx, expnegx

    @staticmethod
    def backward(ctx, grad_out, _grad_out_exp, _grad_out_negexp):
        expx, expnegx = ctx.saved_tensors
        grad_input = grad_out * (expx + expnegx) / 2
        grad_input += _grad_out_exp * expx
        grad_input -= _grad_out_negexp * expnegx
        return grad_input


def sinh(x):
    return Sinh.apply(x)[0]


print(torch.autograd.gradcheck(sinh, x))
print(torch.autograd.gradgradcheck(sinh, x))
out = sinh(x)
(g,) = torch.autograd.grad(out.sum(), x, create_graph=True)
check("sinh_graph", graph(g))
check("sinh_second", torch.autograd.grad(g.sum(), x)[0])


class SinhBad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        expx = torch.exp(x)
        expnegx = torch.exp(-x)
        ctx.expx = expx
        ctx.expnegx = expnegx
        return (expx - expnegx) / 2

    @staticmethod
    def backward(ctx, grad_out):
        expx = ctx.expx
        expnegx = ctx.expnegx
        grad_input = grad_out * (expx + expnegx) / 2
        return grad_input


print(torch.autograd.gradcheck(SinhBad.apply, x))
raises(
    "sinhbad_gradgradcheck",
    lambda: torch.autograd.gradgradcheck(SinhBad.apply, x, raise_exception=False),
)
out = SinhBad.apply(x)
(g,) = torch.autograd.grad(out.sum(), x, create_graph=True)
print(g.requires_grad, g.grad_fn)
check("sinhbad_graph", graph(g))


class MyCube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        result = x**3
        dx = 3 * x**2
        ctx.save_for_backward(x, dx)
        return result, dx

    @staticmethod
    def backward(ctx, grad_output, grad_dx):
        x, dx = ctx.saved_tensors
        result = grad_output * dx + grad_dx * 6 * x
        return result


def my_cube(x):
    result, dx = MyCube.apply(x)
    return result


print(torch.autograd.gradcheck(my_cube, x))
print(torch.autograd.gradgradcheck(my_cube, x))
out = my_cube(x)
(g,) = torch.autograd.grad(out.sum(), x, create_graph=True)
check("cube_graph", graph(g))
check("cube_second", torch.autograd.grad(g.sum(), x)[0])
print(out.grad_fn, out.grad_fn.name(), out.output_nr if hasattr(out, "output_nr") else None)
