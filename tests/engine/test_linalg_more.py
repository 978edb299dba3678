"""``engine/api_linalg2.py``: first and second derivatives of solve, solve_triangular,
cholesky, qr, eigh, svd, pinv, slogdet and lstsq against finite differences
(``gradcheck`` / ``gradgradcheck``, float64; factorizations through sign-free functions of
their outputs).  PyTorch's values, node names and errors: tests/oracle/programs/
linalg_more.py."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.autograd import gradcheck, gradgradcheck

L = torch.linalg


def _x(*shape, k=1.3, spd=False):
    n = int(np.prod(shape))
    # (not sin of an arithmetic progression: its matrices have rank 2)
    vals = np.random.default_rng(int(k * 100)).standard_normal(n).reshape(shape)
    if spd:
        vals = vals @ np.swapaxes(vals, -2, -1) + 3 * np.eye(shape[-1])
    return torch.tensor(vals, dtype=torch.float64, requires_grad=True)


def _sym(f):
    # eigh / cholesky read one triangle: differentiate through a symmetric input
    return lambda a, *r: f((a + a.transpose(-2, -1)) / 2, *r)


CASES = {
    "solve": (lambda a, c: L.solve(a, c), [_x(3, 3, spd=True), _x(3, 2, k=0.7)]),
    "solve vec batch": (lambda a, c: L.solve(a, c), [_x(2, 3, 3, spd=True), _x(2, 3, k=0.7)]),
    "solve_triangular": (
        lambda a, c: L.solve_triangular(a, c, upper=True),
        [_x(3, 3, spd=True), _x(3, 2, k=0.7)],
    ),
    "solve_triangular right": (
        lambda a, c: L.solve_triangular(a, c, upper=False, left=False),
        [_x(3, 3, spd=True), _x(2, 3, k=0.7)],
    ),
    "cholesky": (_sym(L.cholesky), [_x(3, 3, spd=True)]),
    "cholesky upper": (_sym(lambda a: L.cholesky(a, upper=True)), [_x(3, 3, spd=True)]),
    "qr tall": (lambda a: tuple(L.qr(a)), [_x(4, 3)]),
    "qr wide": (lambda a: tuple(L.qr(a)), [_x(2, 3)]),
    "eigh": (_sym(lambda a: (lambda w, v: (w, v * v))(*L.eigh(a))), [_x(3, 3, spd=True)]),
    "svd": (
        lambda a: (lambda u, s, vh: (u @ vh, s, u * u))(*L.svd(a, full_matrices=False)),
        [_x(4, 3)],
    ),
    "svd wide": (
        lambda a: (lambda u, s, vh: (s, vh * vh))(*L.svd(a, full_matrices=False)),
        [_x(2, 3)],
    ),
    "pinv tall": (L.pinv, [_x(4, 3)]),
    "pinv wide": (L.pinv, [_x(2, 3)]),
    "slogdet": (lambda a: L.slogdet(a)[1], [_x(3, 3, spd=True)]),
    "lstsq": (lambda a, c: L.lstsq(a, c).solution, [_x(4, 3), _x(4, 2, k=0.7)]),
    "lstsq gelsd residuals": (
        lambda a, c: L.lstsq(a, c, driver="gelsd")[:2],
        [_x(4, 2), _x(4, 2, k=0.7)],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_linalg_derivatives(name):
    f, ins = CASES[name]
    assert gradcheck(f, tuple(ins))
    assert gradgradcheck(f, tuple(ins))


def test_values_against_numpy():
    a = _x(3, 3, spd=True)
    c = _x(3, 2, k=0.7)
    np.testing.assert_allclose(L.solve(a, c).detach().numpy(), np.linalg.solve(a._data, c._data))
    np.testing.assert_allclose(L.cholesky(a).detach().numpy(), np.linalg.cholesky(a._data))
    u, s, vh = L.svd(_x(4, 3), full_matrices=False)
    np.testing.assert_allclose((u @ torch.diag(s) @ vh).detach().numpy(), _x(4, 3)._data)
    q, r = L.qr(_x(4, 3))
    assert q.grad_fn is r.grad_fn and (q.output_nr, r.output_nr) == (0, 1)


def test_eig_is_refused_clearly():
    with pytest.raises(NotImplementedError, match="complex dtypes are not supported"):
        L.eig(torch.eye(2))


def test_legacy_warns_once_and_removed_names_raise():
    from autograd_viz.engine import api_linalg2

    api_linalg2._WARNED.clear()
    a = _x(3, 3, spd=True)
    with pytest.warns(UserWarning, match=r"torch\.cholesky is deprecated"):
        torch.cholesky(a)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        torch.cholesky(a)  # once per process, as TORCH_WARN_ONCE
    with pytest.raises(RuntimeError, match=r"removed\. `torch\.solve` is deprecated"):
        torch.solve(a, a)
    with pytest.raises(RuntimeError, match=r"`torch\.linalg\.eig` returns complex"):
        a.eig()
