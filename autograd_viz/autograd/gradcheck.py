"""``torch.autograd.gradcheck`` / ``gradgradcheck`` (the slow, full-Jacobian mode).

The numerical Jacobian is central differences (``eps``) computed by changing each
element of each input that requires grad in place, as PyTorch does; the analytical one is
built row by row from ``autograd.grad`` with one-hot ``grad_outputs``.  They must agree
within ``atol + rtol * |numerical|``.  Jacobians are laid out as PyTorch prints them: one
row per input element, one column per output element.
"""

from __future__ import annotations

import warnings

import numpy as np

from ..engine.tensor import Tensor

__all__ = ["GradcheckError", "gradcheck", "gradgradcheck"]


class GradcheckError(RuntimeError):
    """Raised by ``gradcheck`` / ``gradgradcheck`` when a check fails."""


def _as_tuple(x):
    if isinstance(x, tuple):
        return x
    if isinstance(x, list):
        return tuple(x)
    return (x,)


def _differentiable_outputs(out):
    return tuple(o for o in _as_tuple(out) if isinstance(o, Tensor) and o.requires_grad)


def _numerical(fn, inputs, wrt, n_outputs_sizes, eps):
    """``J[k][j]``: rows = elements of input ``wrt[k]``, columns = output ``j``'s elements."""
    jac = [[None] * len(n_outputs_sizes) for _ in wrt]
    if True:
        for k, i in enumerate(wrt):
            t = inputs[i]
            arr = t._data  # changed in place, element by element
            rows = [np.zeros((arr.size, n), dtype=arr.dtype) for n in n_outputs_sizes]
            for e in range(arr.size):
                idx = np.unravel_index(e, arr.shape)
                orig = arr[idx].copy()
                arr[idx] = orig + eps
                outa = [o._data.reshape(-1).copy() for o in _float_outputs(fn(*inputs))]
                arr[idx] = orig - eps
                outb = [o._data.reshape(-1).copy() for o in _float_outputs(fn(*inputs))]
                arr[idx] = orig
                for j, (a, b) in enumerate(zip(outa, outb, strict=False)):
                    rows[j][e] = (a - b) / (2 * eps)
            jac[k] = rows
    return jac


def _float_outputs(out):
    return tuple(o for o in _as_tuple(out) if isinstance(o, Tensor) and o._data.dtype.kind in "fc")


def _analytical(outputs, inputs, wrt):
    from . import grad as _grad

    jac = [[None] * len(outputs) for _ in wrt]
    for j, o in enumerate(outputs):
        n = o._data.size
        cols = [np.zeros((inputs[i]._data.size, n), dtype=inputs[i]._data.dtype) for i in wrt]
        for e in range(n):
            go = np.zeros(o._data.shape, dtype=o._data.dtype)
            go.reshape(-1)[e] = 1
            gs = _grad(
                o,
                [inputs[i] for i in wrt],
                Tensor._make(go),
                retain_graph=True,
                allow_unused=True,
            )
            for k, g in enumerate(gs):
                if g is not None:
                    cols[k][:, e] = g._data.reshape(-1)
        for k in range(len(wrt)):
            jac[k][j] = cols[k]
    return jac


def _forward(fn, inputs, wrt, n_floats):
    """The Jacobian in forward mode (``forward_ad``): one run of ``fn`` per element of
    each input in ``wrt``, that element's tangent 1; laid out as ``_numerical``'s."""
    from .. import zeros_like
    from . import forward_ad as fwAD

    jac = [[None] * n_floats for _ in wrt]
    for k, i in enumerate(wrt):
        x = inputs[i]
        size = x._data.size
        rows = [None] * n_floats
        for e in range(size):
            with fwAD.dual_level():
                t = zeros_like(x).detach()
                t._data.reshape(-1)[e] = 1
                args = list(inputs)
                args[i] = fwAD.make_dual(x, t)
                outs = _float_outputs(fn(*args))
                for j, o in enumerate(outs):
                    tg = fwAD.unpack_dual(o).tangent
                    col = np.zeros(o._data.size, o._data.dtype) if tg is None else tg._data
                    if rows[j] is None:
                        rows[j] = np.zeros((size, o._data.size), dtype=x._data.dtype)
                    rows[j][e] = col.reshape(-1)
        jac[k] = rows
    return jac


def _fail(msg, raise_exception):
    if raise_exception:
        raise GradcheckError(msg)
    return False


def gradcheck(
    func,
    inputs,
    *,
    eps=1e-6,
    atol=1e-5,
    rtol=1e-3,
    raise_exception=True,
    nondet_tol=0.0,
    check_undefined_grad=True,
    check_grad_dtypes=False,
    check_batched_grad=False,
    check_batched_forward_grad=False,
    check_forward_ad=False,
    check_backward_ad=True,
    fast_mode=False,
    masked=None,
):
    """Compare the analytical Jacobian of ``func`` at ``inputs`` with finite
    differences; ``True``, or ``GradcheckError`` (``False`` with
    ``raise_exception=False``)."""
    inputs = _as_tuple(inputs)
    wrt = [i for i, t in enumerate(inputs) if isinstance(t, Tensor) and t.requires_grad]
    if not wrt:
        raise ValueError(
            "gradcheck expects at least one input tensor to require gradient, but none of "
            "them have requires_grad=True."
        )
    for i in wrt:
        if inputs[i]._data.dtype not in (np.float64, np.complex128):
            warnings.warn(
                f"Input #{i} requires gradient and is not a double precision floating point "
                "or complex. This check will likely fail if all the inputs are not of double "
                "precision floating point or complex. ",
                stacklevel=2,
            )
    out = func(*inputs)
    outputs = _differentiable_outputs(out)
    if not (check_backward_ad or check_forward_ad):
        return True
    floats = _float_outputs(out)
    num = _numerical(func, inputs, wrt, [o._data.size for o in floats], eps)
    if check_forward_ad:
        fwd = _forward(func, inputs, wrt, len(floats))
        for k, i in enumerate(wrt):
            for j in range(len(floats)):
                if not np.allclose(fwd[k][j], num[k][j], rtol=rtol, atol=atol, equal_nan=False):
                    return _fail(
                        f"Jacobian computed with forward mode mismatch for output {j} with "
                        f"respect to input {i},\nnumerical:{Tensor._make(num[k][j])}\n"
                        f"analytical:{Tensor._make(fwd[k][j])}\n",
                        raise_exception,
                    )
    if not check_backward_ad:
        return True
    # map differentiable outputs to their index among the float outputs
    pos = [next(j for j, f in enumerate(floats) if f is o) for o in outputs]
    ana = _analytical(outputs, inputs, wrt) if outputs else [[] for _ in wrt]
    for k, i in enumerate(wrt):
        for j, _f in enumerate(floats):
            n = num[k][j]
            a = ana[k][pos.index(j)] if j in pos else np.zeros_like(n)
            if not np.allclose(a, n, rtol=rtol, atol=atol, equal_nan=False):
                return _fail(
                    f"Jacobian mismatch for output {j} with respect to input {i},\n"
                    f"numerical:{Tensor._make(n)}\nanalytical:{Tensor._make(a)}\n",
                    raise_exception,
                )
    if outputs:
        again = _analytical(outputs, inputs, wrt)
        for k in range(len(wrt)):
            for j in range(len(outputs)):
                if np.max(np.abs(again[k][j] - ana[k][j]), initial=0.0) > nondet_tol:
                    return _fail(
                        "Backward is not reentrant, i.e., running backward with same input "
                        "and grad_output multiple times gives different values, although "
                        "analytical gradient matches numerical gradient.The tolerance for "
                        f"nondeterminism was {nondet_tol}.",
                        raise_exception,
                    )
    return True


def gradgradcheck(
    func,
    inputs,
    grad_outputs=None,
    *,
    eps=1e-6,
    atol=1e-5,
    rtol=1e-3,
    gen_non_contig_grad_outputs=False,
    raise_exception=True,
    nondet_tol=0.0,
    check_undefined_grad=True,
    check_grad_dtypes=False,
    check_batched_grad=False,
    check_fwd_over_rev=False,
    check_rev_over_rev=True,
    fast_mode=False,
    masked=False,
):
    """``gradcheck`` of the function ``(inputs, grad_outputs) -> vector-Jacobian
    products`` (second derivatives through ``create_graph=True``).  Without
    ``grad_outputs``, random ones (requiring grad) are drawn."""
    from . import grad as _grad

    inputs = _as_tuple(inputs)
    n_in = len(inputs)
    if grad_outputs is None:
        outs = _differentiable_outputs(func(*inputs))
        rng = np.random.default_rng(0)
        grad_outputs = tuple(
            Tensor._make(rng.uniform(-9, 9, o._data.shape).astype(o._data.dtype), True)
            for o in outs
        )
    else:
        grad_outputs = _as_tuple(grad_outputs)
    n_go = len(grad_outputs)

    def new_func(*args):
        ins = args[:n_in]
        gos = args[n_in : n_in + n_go]
        outs = _differentiable_outputs(func(*ins))
        diff_ins = [t for t in ins if isinstance(t, Tensor) and t.requires_grad]
        grads = _grad(outs, diff_ins, gos, create_graph=True, allow_unused=True)
        return tuple(g for g in grads if g is not None)

    return gradcheck(
        new_func,
        inputs + grad_outputs,
        eps=eps,
        atol=atol,
        rtol=rtol,
        raise_exception=raise_exception,
        nondet_tol=nondet_tol,
    )
