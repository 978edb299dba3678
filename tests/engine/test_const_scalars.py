"""``functional_array.const``: a Python number as a cached 0-d array gives numpy's bits."""

import numpy as np
import pytest

from autograd_viz.engine.functional_array import const


@pytest.mark.parametrize("dt", [np.float32, np.float64])
def test_const_gives_the_bits_of_the_python_number(dt):
    rng = np.random.default_rng(0)
    used = 0
    for _ in range(500):
        a = (rng.standard_normal(20) * 10 ** rng.uniform(-30, 30)).astype(dt)
        c = float(rng.standard_normal() * 10 ** rng.uniform(-30, 30))
        k = const(c, np.dtype(dt))
        if k is None:
            continue
        used += 1
        for op in (np.multiply, np.add, np.subtract, np.divide):
            with np.errstate(all="ignore"):
                want, got = op(a, c), op(a, k)
                want2, got2 = op(c, a), op(k, a)
            assert got.dtype == want.dtype
            np.testing.assert_array_equal(got, want)
            np.testing.assert_array_equal(got2, want2)
    assert used > 300


def test_const_refuses_what_does_not_convert_as_it_is():
    f32 = np.dtype(np.float32)
    assert const(1e300, f32) is None  # overflows float32
    assert const(1e-300, f32) is None  # underflows to 0
    assert const(float("nan"), np.dtype(np.float64)) is None
    assert const(3, np.dtype(np.int64)) is None  # not a float dtype
    k = const(0.1, f32)
    assert k.dtype == f32 and k.shape == () and not k.flags.writeable
    assert const(0.1, f32) is k  # cached
