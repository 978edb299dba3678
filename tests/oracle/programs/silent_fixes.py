# Silent differences from PyTorch found while adapting teaching code (issue 13): grad_fn
# assignment, the result dtype of losses given a float32 input and a float64 target (and the
# other way round), a list holding a list as an index, numpy arrays as operands
import warnings

import numpy as np

x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
z = x * 2
raises("grad_fn_set_none", lambda: setattr(z, "grad_fn", None))
raises("grad_fn_set_int", lambda: setattr(z, "grad_fn", 1))
raises("grad_fn_set_node", lambda: setattr(z, "grad_fn", (x * 3).grad_fn))
raises("grad_fn_set_leaf", lambda: setattr(x, "grad_fn", None))
raises("grad_fn_set_leaf_node", lambda: setattr(x, "grad_fn", z.grad_fn))
raises("grad_fn_set_param", lambda: setattr(nn.Parameter(torch.ones(2)), "grad_fn", None))
check("grad_fn_kept", z.grad_fn)
check("is_leaf_after", z.is_leaf)
raises("is_leaf_set", lambda: setattr(z, "is_leaf", True))
raises("shape_set", lambda: setattr(z, "shape", (3,)))
# ---------------------------------------------------------------- loss dtypes
a32 = torch.tensor([0.5, -1.0, 2.0, 0.25])
a64 = a32.double()
p32 = torch.tensor([0.2, 0.7, 0.9, 0.4])
p64 = p32.double()
t32 = torch.tensor([1.0, 0.0, 1.0, 0.0])
t64 = t32.double()
losses = {
    "mse": F.mse_loss,
    "l1": F.l1_loss,
    "smooth_l1": F.smooth_l1_loss,
    "smooth_l1_beta0": lambda a, b, **k: F.smooth_l1_loss(a, b, beta=0.0, **k),
    "huber": F.huber_loss,
    "soft_margin": F.soft_margin_loss,
    "bce_logits": F.binary_cross_entropy_with_logits,
    "bce_logits_w32": lambda a, b, **k: F.binary_cross_entropy_with_logits(
        a, b, weight=torch.tensor([1.0, 2.0, 0.5, 1.0]), **k
    ),
    "bce_logits_pw64": lambda a, b, **k: F.binary_cross_entropy_with_logits(
        a, b, pos_weight=torch.tensor([1.0, 2.0, 0.5, 1.0], dtype=torch.float64), **k
    ),
    "kl_div": F.kl_div,
    "kl_div_log": lambda a, b, **k: F.kl_div(a, b, log_target=True, **k),
    "poisson_nll": F.poisson_nll_loss,
    "poisson_nll_nolog": lambda a, b, **k: F.poisson_nll_loss(a.abs(), b, log_input=False, **k),
    "hinge_embedding": lambda a, b, **k: F.hinge_embedding_loss(a, b * 2 - 1, **k),
    "margin_ranking": lambda a, b, **k: F.margin_ranking_loss(a, b, b * 2 - 1, **k),
    "gaussian_nll": lambda a, b, **k: F.gaussian_nll_loss(a, b, torch.ones(4), **k),
}
for name, fn in losses.items():
    for xs, ys, tag in ((a32, t64, "32_64"), (a64, t32, "64_32")):
        with section(f"{name}_{tag}"):
            for red in ("mean", "sum", "none"):
                xg = xs.clone().requires_grad_(True)
                loss = fn(xg, ys, reduction=red)
                check(f"{name}_{tag}_{red}_dtype", loss.dtype)
                # (log σ(x) of a float32 x: PyTorch's float32 kernel, not correctly rounded;
                # the float64 result is compared to float32's precision)
                check(f"{name}_{tag}_{red}", loss.float() if "logits" in name else loss)
                raises(f"{name}_{tag}_{red}_backward", lambda: loss.sum().backward())
                check(f"{name}_{tag}_{red}_grad", xg.grad)
for name, fn in (("bce", F.binary_cross_entropy),):
    for xs, ys, tag in ((p32, t64, "32_64"), (p64, t32, "64_32")):
        with section(f"{name}_{tag}"):
            for red in ("mean", "sum", "none"):
                xg = xs.clone().requires_grad_(True)
                raises(f"{name}_{tag}_{red}", lambda: fn(xg, ys, reduction=red))
# ---------------------------------------------------------------- a list holding lists
t = torch.arange(12.0).reshape(3, 4)
check("idx_list_list", t[[[0, 1]]])
check("idx_list_2lists", t[[[0, 1], [1, 2]]])
raises("idx_list_3lists", lambda: t[[[0, 1], [1, 2], [0, 0]]])
check("idx_list_int", t[[0, 1]])
check("idx_tuple_list", t[[[0, 1]],])
check("idx_list_list_list", t[[[[0, 1]]]])
check("idx_list_cols", t[[[0], [1]]])
check("idx_list_mixed", t[[0, [1]]])
check("idx_list_slice", t[[slice(None), [1]]])
check("idx_list_bools", t[[[True, False, True]]])
check("idx_list_list_int", t[[[0, 1], [1, 2]], 0])
check("idx_list_list_list2", t[[[0, 1]], [1]])
tg = torch.arange(12.0).reshape(3, 4).requires_grad_(True)
y = tg[[[0, 2], [1, 3]]]
check("idx_list_grad_fn", y)
y.sum().backward()
check("idx_list_grad", tg.grad)

ts = torch.zeros(3, 4)
ts[[[0, 2]]] = 1.0
check("setitem_list_list", ts)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    t[[[0, 1]]]
    t[[0, 1]]
check("idx_list_warnings", [str(c.category.__name__) for c in caught])
check("idx_list_warning_text", str(caught[0].message)[:90])
# ---------------------------------------------------------------- ndarray operands
f = torch.tensor([1.0, 2.0, 4.0])
i = torch.tensor([1, 2, 4])
arrays = {
    "f64": np.array([0.5, 1.5, 2.0]),
    "f32": np.array([0.5, 1.5, 2.0], dtype=np.float32),
    "i64": np.array([1, 2, 3]),
    "f64_0d": np.array(2.0),
    "f64_scalar": np.float64(2.0),
}
for tag, arr in arrays.items():
    with section("nd_" + tag):
        check(f"nd_{tag}_add", f + arr)
        check(f"nd_{tag}_sub", f - arr)
        check(f"nd_{tag}_mul", f * arr)
        check(f"nd_{tag}_div", f / arr)
        check(f"nd_{tag}_pow", f**arr)
        check(f"nd_{tag}_int_add", i + arr)
        check(f"nd_{tag}_int_mul", i * arr)
        check(f"nd_{tag}_rdiv", arr / f)
        check(f"nd_{tag}_eq", f == arr)
        raises(f"nd_{tag}_matmul", lambda: f @ arr)
        raises(f"nd_{tag}_method_add", lambda: f.add(arr))
        raises(f"nd_{tag}_method_mul", lambda: f.mul(arr))
        raises(f"nd_{tag}_method_sub", lambda: f.sub(arr))
        raises(f"nd_{tag}_method_div", lambda: f.div(arr))
        raises(f"nd_{tag}_torch_add", lambda: torch.add(f, arr))
        raises(f"nd_{tag}_torch_mul", lambda: torch.mul(f, arr))
        raises(f"nd_{tag}_maximum", lambda: torch.maximum(f, arr))
        raises(f"nd_{tag}_grad_mul", lambda: x * arr)
        raises(f"nd_{tag}_grad_add", lambda: x + arr)
        g = f.clone()
        g += arr
        check(f"nd_{tag}_iadd", g)
        g = f.clone()
        g *= arr
        check(f"nd_{tag}_imul", g)
        raises(f"nd_{tag}_add_", lambda: f.clone().add_(arr))
        raises(f"nd_{tag}_mul_", lambda: f.clone().mul_(arr))
        raises(f"nd_{tag}_floordiv", lambda: f // arr)
        raises(f"nd_{tag}_mod", lambda: f % arr)
        raises(f"nd_{tag}_lt", lambda: f < arr)
        raises(f"nd_{tag}_int_rdiv", lambda: arr / i)
        g = f.clone()
        g /= arr
        check(f"nd_{tag}_idiv", g)
        g = f.clone()
        g -= arr
        check(f"nd_{tag}_isub", g)
