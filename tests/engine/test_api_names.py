"""Issue 13's added public names (engine/api_names.py, nn/torch_functions.py): every new
differentiable op's gradient checked against finite differences (PyTorch's values, grads
and node names: tests/oracle/programs/api_names_*.py)."""

import pytest

import autograd_viz as torch
from autograd_viz.autograd import gradcheck

F = torch.nn.functional
D = torch.float64


def _inputs():
    torch.manual_seed(0)
    x = torch.randn(3, 3, dtype=D, requires_grad=True)
    v = torch.randn(3, dtype=D, requires_grad=True)
    b = torch.randn(2, 3, 3, dtype=D, requires_grad=True)
    m = torch.randn(4, 3, dtype=D, requires_grad=True)
    return x, v, b, m


CASES = {
    "addmv": (lambda x, v: torch.addmv(v, x, v, beta=0.5, alpha=2), "xv"),
    "addr": (lambda x, v: torch.addr(x, v, v * 3, beta=2, alpha=0.5), "xv"),
    "addbmm": (lambda x, b: torch.addbmm(x, b, b, alpha=0.3), "xb"),
    "addmm_scaled": (lambda x: x.addmm(x, x.t(), beta=0.5, alpha=3), "x"),
    "fmax": (lambda x, v: torch.fmax(x, v), "xv"),
    "fmin": (lambda x, v: torch.fmin(x, v), "xv"),
    "hardshrink": (lambda x: x.hardshrink(0.3), "x"),
    "softshrink": (lambda x: F.softshrink(x, 0.3), "x"),
    "dist2": (lambda x, v: x.dist(v), "xv"),
    "dist3": (lambda x, v: x.dist(v, 3), "xv"),
    "dist1": (lambda x, v: x.dist(v, 1), "xv"),
    "dist_inf": (lambda x, v: x.dist(v, float("inf")), "xv"),
    "renorm2": (lambda x: x.renorm(2, 0, 1.0), "x"),
    "renorm1": (lambda x: x.renorm(1, 1, 1.0), "x"),
    "renorm3": (lambda x: x.renorm(3, 1, 0.8), "x"),
    "put": (lambda x, v: x.put(torch.tensor([0, 4, 8]), v), "xv"),
    "put_acc": (lambda x, v: x.put(torch.tensor([0, 0, 8]), v, accumulate=True), "xv"),
    "index_put": (lambda x, v: x.index_put((torch.tensor([0, 2]),), v), "xv"),
    "index_put_acc": (
        lambda x, v: x.index_put((torch.tensor([0, 0]),), v, accumulate=True),
        "xv",
    ),
    "as_strided": (lambda x: x.as_strided((2, 2, 2), (3, 1, 1)), "x"),
    "narrow_copy": (lambda x: x.narrow_copy(1, 1, 2), "x"),
    "select_scatter": (lambda x, v: x.select_scatter(v, 1, 0), "xv"),
    "slice_scatter": (lambda x, b: x.slice_scatter(b[0, :2], 0, 1), "xb"),
    "diagonal_scatter": (lambda x, v: x.diagonal_scatter(v[:2], -1), "xv"),
    "matrix_power": (lambda x: x.matrix_power(5), "x"),
    "matrix_power_neg": (lambda x: x.matrix_power(-2), "x"),
    "pdist": (lambda m: torch.pdist(m), "m"),
    "pdist1": (lambda m: F.pdist(m, 1), "m"),
    "pdist3": (lambda m: F.pdist(m, 3), "m"),
    "channel_shuffle": (lambda b: F.channel_shuffle(b.view(1, 2, 3, 3), 2), "b"),
    "lp_pool1d": (lambda b: F.lp_pool1d(b, 2, 2), "b"),
    "quantile": (lambda m: torch.quantile(m, torch.tensor([0.2, 0.7], dtype=D), dim=0), "m"),
    "nanquantile_midpoint": (
        lambda m: torch.nanquantile(m, 0.4, dim=1, interpolation="midpoint"),
        "m",
    ),
    "cov": (lambda m: torch.cov(m), "m"),
    "cov_aweights": (lambda m: torch.cov(m, aweights=torch.tensor([1.0, 2.0, 0.5], dtype=D)), "m"),
    "corrcoef": (lambda m: torch.corrcoef(m), "m"),
    "trapz": (lambda m: torch.trapz(m), "m"),
    "trapezoid_x": (lambda m: torch.trapezoid(m, torch.tensor([0.0, 1.0, 3.0], dtype=D)), "m"),
    "cumulative_trapezoid": (lambda m: torch.cumulative_trapezoid(m, dim=0), "m"),
    "gradient": (lambda m: torch.gradient(m, edge_order=2, dim=0)[0], "m"),
    "linalg_vander": (lambda v: torch.linalg.vander(v, N=4), "v"),
    "multi_dot": (lambda x, m: torch.linalg.multi_dot([m, x, x.t(), m.t()]), "xm"),
    "vecdot": (lambda x, m: torch.linalg.vecdot(x, m[:3]), "xm"),
    "cond": (lambda x: torch.linalg.cond(x), "x"),
    "cholesky_solve": (
        lambda x, m: torch.cholesky_solve(
            m[:3], torch.linalg.cholesky(x @ x.t() + torch.eye(3, dtype=D))
        ),
        "xm",
    ),
    "triangular_solve": (
        lambda x, m: torch.triangular_solve(m[:3], x.triu() + 3 * torch.eye(3, dtype=D))[0],
        "xm",
    ),
    "triangular_solve_t_unit": (
        lambda x, m: torch.triangular_solve(
            m[:3], x.tril(), upper=False, transpose=True, unitriangular=True
        )[0],
        "xm",
    ),
    "lu_solve_b": (
        lambda m: torch.linalg.lu_solve(
            *torch.linalg.lu_factor(torch.eye(4, dtype=D) * 3 + 0.5), m
        ),
        "m",
    ),
    "max_pool3d": (lambda b: F.max_pool3d(b.view(1, 1, 2, 3, 3), 2, 1, ceil_mode=True), "b"),
    "max_pool3d_unbatched": (lambda b: F.max_pool3d(b.view(1, 2, 3, 3), (1, 2, 2)), "b"),
    "avg_pool3d": (lambda b: F.avg_pool3d(b.view(1, 1, 2, 3, 3), 2, 1, padding=1), "b"),
    "avg_pool3d_no_pad_count": (
        lambda b: F.avg_pool3d(
            b.view(1, 2, 3, 3), 2, 2, padding=1, ceil_mode=True, count_include_pad=False
        ),
        "b",
    ),
    "adaptive_avg_pool3d": (lambda b: F.adaptive_avg_pool3d(b.view(1, 1, 2, 3, 3), (1, 2, 2)), "b"),
    "aminmax": (lambda m: sum(torch.aminmax(m, dim=0)), "m"),
    "aminmax_all": (lambda x: torch.aminmax(x).max * 2 + torch.aminmax(x).min, "x"),
    "tensorsolve": (lambda x: torch.linalg.tensorsolve(x + 3 * torch.eye(3, dtype=D), x[0]), "x"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_gradients_match_finite_differences(name):
    x, v, b, m = _inputs()
    fn, which = CASES[name]
    pick = {"x": x, "v": v, "b": b, "m": m}
    assert gradcheck(fn, tuple(pick[c] for c in which))


def test_torch_level_nn_names_are_all_lazy_attributes():
    from autograd_viz import _TORCH_NN_NAMES
    from autograd_viz.nn import torch_functions

    for name in _TORCH_NN_NAMES:
        assert callable(vars(torch_functions).get(name)), name  # defined there
        assert getattr(torch, name) is getattr(torch_functions, name)


def test_inplace_elu_family_writes_into_the_input():
    x = torch.tensor([-1.0, 2.0])
    for fn in (F.elu_, F.selu_, F.celu_, lambda t: F.elu(t, inplace=True)):
        t = x.clone()
        out = fn(t)
        assert out is t
        assert t[0].item() < 0 and t[1].item() > 0 and t[0].item() != -1.0


def test_as_strided_shares_memory_with_its_input():
    x = torch.arange(9.0).view(3, 3)
    w = x.as_strided((2, 2), (3, 1), 4)
    assert w.tolist() == [[4.0, 5.0], [7.0, 8.0]]
    x.add_(1)
    assert w.tolist() == [[5.0, 6.0], [8.0, 9.0]]
