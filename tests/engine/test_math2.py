"""logaddexp / logaddexp2, hypot, fmod, asinh / acosh / atanh, copysign, nextafter, ldexp,
deg2rad / rad2deg, float_power, xlogy with a number (engine/ops/math2.py): first and
second derivatives against finite differences, and a few identities."""

import math

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.autograd import gradcheck, gradgradcheck


def _t(vals):
    return torch.tensor(vals, dtype=torch.float64, requires_grad=True)


P = [0.5, -1.2, 2.0, 3.25]
Q = [1.5, 0.35, -2.5, 0.75]

CASES = {
    "logaddexp": (torch.logaddexp, (P, Q)),
    "logaddexp2": (torch.logaddexp2, (P, Q)),
    "hypot": (torch.hypot, (P, Q)),
    "fmod": (torch.fmod, (P, Q)),
    "fmod_number": (lambda a: torch.fmod(a, 0.7), (P,)),
    "copysign": (torch.copysign, (P, Q)),
    "copysign_number": (lambda a: torch.copysign(a, -1.0), (P,)),
    "ldexp": (torch.ldexp, (P, Q)),
    "asinh": (torch.asinh, (P,)),
    "acosh": (lambda a: torch.acosh(a * a + 1.5), (P,)),
    "atanh": (lambda a: torch.atanh(a / 4), (P,)),
    "deg2rad": (torch.deg2rad, (P,)),
    "rad2deg": (torch.rad2deg, (P,)),
    "float_power": (lambda a, b: torch.float_power(a.abs(), b), (P, Q)),
    "xlogy_number_other": (lambda a: torch.xlogy(a, 2.5), (P,)),
    "xlogy_number_self": (lambda b: torch.xlogy(2.5, b.abs()), (Q,)),
    "nextafter": (lambda a, b: torch.nextafter(a, b) * 1, (P, Q)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_gradcheck_and_gradgradcheck(name):
    f, vals = CASES[name]
    args = tuple(_t(v) for v in vals)
    assert gradcheck(f, args)
    if name != "nextafter":  # its gradient is a mask: the second derivative is 0
        assert gradgradcheck(f, args)


def test_values():
    a = torch.tensor([1000.0, -1000.0, 0.0], dtype=torch.float64)
    b = torch.tensor([1000.0, -999.0, 0.0], dtype=torch.float64)
    want = [1000 + math.log(2), -999 + math.log1p(math.exp(-1)), math.log(2)]
    assert np.allclose(torch.logaddexp(a, b).numpy(), want, rtol=1e-15)
    assert np.allclose(torch.logaddexp2(a, b).numpy(), [1001.0, -999 + math.log2(1.5), 1.0])
    inf = torch.tensor([float("inf"), -float("inf")])
    assert torch.logaddexp(inf, inf).tolist() == [math.inf, -math.inf]
    assert torch.fmod(torch.tensor([-7.0, 7.0]), 3).tolist() == [-1.0, 1.0]
    assert torch.hypot(torch.tensor([3.0]), torch.tensor([4.0])).item() == 5.0
    m, e = torch.frexp(torch.tensor([8.0, -0.375]))
    assert m.tolist() == [0.5, -0.75] and e.tolist() == [4, -1] and e.dtype == torch.int32
    assert torch.ldexp(m, e).tolist() == [8.0, -0.375]
    assert torch.signbit(torch.tensor([-0.0, 0.0])).tolist() == [True, False]


def test_not_implemented_nodes():
    x = torch.tensor([0.5, -1.0], requires_grad=True)
    h = torch.heaviside(x, torch.tensor([0.5]))
    assert h.grad_fn.name() == "torch::autograd::NotImplemented"
    assert len(h.grad_fn.next_functions) == 1
    with pytest.raises(RuntimeError, match="derivative for aten::heaviside is not implemented"):
        h.sum().backward()
    t = x * 1
    t.asinh_()
    assert type(t.grad_fn).__name__ == "AsinhBackward1"
    with pytest.raises(NotImplementedError, match="inplace version of asinh"):
        t.sum().backward()
