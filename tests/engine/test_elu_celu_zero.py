"""ELU and CELU leave 0 and -0 as they are whatever alpha is, as PyTorch's kernel does
(``alpha·expm1(0)`` would be nan for alpha nan or inf, and +0 for a negative alpha at -0);
no RuntimeWarning from numpy on the way.  Values as PyTorch 2.13 prints them."""

import math
import warnings

import pytest

from autograd_viz import tensor
from autograd_viz.nn import functional as F

X = [-1.0, 0.0, 1.0, -0.0, float("nan")]


def _signs(values):
    return [("nan" if math.isnan(v) else math.copysign(1.0, v) if v == 0 else v) for v in values]


@pytest.mark.parametrize("fn", [F.elu, F.celu])
@pytest.mark.parametrize("alpha", [float("nan"), float("inf"), -2.0, 1.0])
def test_zero_and_minus_zero_pass_through(fn, alpha):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = fn(tensor(X), alpha).tolist()
    assert _signs(out[1:4]) == [1.0, 1.0, -1.0]  # +0, 1, -0
    assert math.isnan(out[4])


def test_nan_alpha_gives_nan_on_the_negative_side_only():
    out = F.elu(tensor(X), float("nan")).tolist()
    assert math.isnan(out[0]) and out[2] == 1.0
