# PyTorch tutorial "Jacobians, Hessians, hvp, vhp, and more: composing function transforms":
# https://pytorch.org/tutorials/intermediate/jacobians_hessians.html
# (jacrev/jacfwd/vmap/vjp/jvp/hessian on a small tanh layer; hvp forward-over-reverse).
from functools import partial

torch.manual_seed(0)


def predict(weight, bias, x):
    return F.linear(x, weight, bias).tanh()


D = 4
weight = torch.randn(D, D)
bias = torch.randn(D)
x = torch.randn(D)

# the Jacobian row by row with vjp
xp = x.clone().requires_grad_()
unit_vectors = torch.eye(D)


def compute_jac(xp):
    jacobian_rows = [
        torch.autograd.grad(predict(weight, bias, xp), xp, vec)[0] for vec in unit_vectors.unbind()
    ]
    return torch.stack(jacobian_rows)


jacobian = compute_jac(xp)
check("jac_rows", jacobian)

_, vjp_fn = torch.func.vjp(partial(predict, weight, bias), x)
(ft_jacobian,) = torch.func.vmap(vjp_fn)(unit_vectors)
check("jac_vmap_vjp", ft_jacobian)
check("jac_vmap_close", torch.allclose(ft_jacobian, jacobian))

ft_jacobian = torch.func.jacrev(predict, argnums=2)(weight, bias, x)
check("jacrev", ft_jacobian)
ft_jac_weight, ft_jac_bias = torch.func.jacrev(predict, argnums=(0, 1))(weight, bias, x)
check("jacrev_wb", [ft_jac_weight, ft_jac_bias])
check("jacfwd", torch.func.jacfwd(predict, argnums=2)(weight, bias, x))

# hessians
hess_api = torch.func.hessian(predict, argnums=2)(weight, bias, x)
hess_fwdrev = torch.func.jacfwd(torch.func.jacrev(predict, argnums=2), argnums=2)(weight, bias, x)
check("hessian", [hess_api, torch.allclose(hess_api, hess_fwdrev)])

# batch jacobian
batch_size = 3
xb = torch.randn(batch_size, D)
compute_batch_jacobian = torch.func.vmap(
    torch.func.jacrev(predict, argnums=2), in_dims=(None, None, 0)
)
batch_jacobian0 = compute_batch_jacobian(weight, bias, xb)
check("batch_jac", batch_jacobian0)


def predict_with_output_summed(weight, bias, x):
    return predict(weight, bias, x).sum(0)


batch_jacobian1 = torch.func.jacrev(predict_with_output_summed, argnums=2)(
    weight, bias, xb
).movedim(1, 0)
check("batch_jac_sum_trick", torch.allclose(batch_jacobian0, batch_jacobian1))


# hessian-vector products: forward-over-reverse
def hvp(f, primals, tangents):
    return torch.func.jvp(torch.func.grad(f), primals, tangents)[1]


def f(x):
    return x.sin().sum()


xh = torch.randn(5)
th = torch.randn(5)
check("hvp", [hvp(f, (xh,), (th,)), -xh.sin() * th])
