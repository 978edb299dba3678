"""ASGD and Rprop, as ``torch.optim`` computes them (the single-tensor CPU loop)."""

from __future__ import annotations

import numpy as np

from ..engine.tensor import Tensor
from .adam_variants import _lr, _scalar_tensor
from .optimizer import Optimizer, _check_nonnegative, _fma


def _check_lr(lr):
    if isinstance(lr, Tensor) and lr.numel() != 1:
        raise ValueError("Tensor lr must be 1-element")
    _check_nonnegative(("learning rate", lr))


class ASGD(Optimizer):
    """Averaged SGD: ``p *= 1 − λη``, ``p −= η·d``, ``ax`` the running average of ``p``
    (``ax += μ(p − ax)``; a copy of ``p`` while ``μ = 1``), then
    ``η = lr/(1 + λ·lr·t)^α`` and ``μ = 1/max(1, t − t0)``."""

    def __init__(
        self,
        params,
        lr=1e-2,
        lambd=1e-4,
        alpha=0.75,
        t0=1e6,
        weight_decay=0,
        foreach=None,
        maximize=False,
        differentiable=False,
        capturable=False,
    ):
        _check_lr(lr)
        _check_nonnegative(("weight_decay value", weight_decay))
        super().__init__(
            params,
            {
                "lr": lr,
                "lambd": lambd,
                "alpha": alpha,
                "t0": t0,
                "weight_decay": weight_decay,
                "foreach": foreach,
                "maximize": maximize,
                "differentiable": differentiable,
                "capturable": capturable,
            },
        )

    def _update(self, p, arr, d, group):  # _hyper: the group
        lr, lambd = _lr(group["lr"]), group["lambd"]
        state = self.state[p]
        if not state:
            state["step"] = _scalar_tensor(0.0)
            state["eta"] = _scalar_tensor(lr)
            state["mu"] = _scalar_tensor(1.0)
            state["ax"] = Tensor._make(np.zeros_like(arr))
        step_t = state["step"]._data
        step_t += 1
        eta_t = state["eta"]._data
        mu_t = state["mu"]._data
        eta = float(eta_t)
        arr *= 1 - lambd * eta  # decay term
        arr[...] = _fma(-eta, d, arr)  # add_(grad, alpha=-eta)
        p._vbox[0] += 1  # (two in-place updates; Optimizer.step counts the other)
        ax = state["ax"]._data
        if float(mu_t) != 1:
            ax += (arr - ax) * mu_t
        else:
            ax[...] = arr
        step = float(step_t)
        eta_t[...] = lr / ((1 + lambd * lr * step) ** group["alpha"])
        mu_t[...] = 1 / max(1, step - group["t0"])


class Rprop(Optimizer):
    """Resilient backpropagation: each element's step size grows by ``etas[1]`` while the
    gradient keeps its sign and shrinks by ``etas[0]`` when it flips (clamped to
    ``step_sizes``; after a flip that element's gradient counts as 0), ``p −= sign(d)·step``."""

    def __init__(
        self,
        params,
        lr=1e-2,
        etas=(0.5, 1.2),
        step_sizes=(1e-6, 50),
        *,
        capturable=False,
        foreach=None,
        maximize=False,
        differentiable=False,
    ):
        _check_lr(lr)
        if not 0.0 < etas[0] < 1.0 < etas[1]:
            raise ValueError(f"Invalid eta values: {etas[0]}, {etas[1]}")
        super().__init__(
            params,
            {
                "lr": lr,
                "etas": etas,
                "step_sizes": step_sizes,
                "foreach": foreach,
                "maximize": maximize,
                "differentiable": differentiable,
                "capturable": capturable,
            },
        )

    def _update(self, p, arr, d, group):  # _hyper: the group
        etaminus, etaplus = group["etas"]
        step_size_min, step_size_max = group["step_sizes"]
        state = self.state[p]
        if not state:
            state["step"] = _scalar_tensor(0.0)
            state["prev"] = Tensor._make(np.zeros_like(arr))
            state["step_size"] = Tensor._make(np.full_like(d, _lr(group["lr"])))
        state["step"]._data += 1
        prev = state["prev"]._data
        step_size = state["step_size"]._data
        sign = np.sign(d * prev)
        pos, neg, zero = sign > 0, sign < 0, sign == 0
        sign[pos] = etaplus
        sign[neg] = etaminus
        sign[zero] = 1
        step_size *= sign
        np.clip(step_size, step_size_min, step_size_max, out=step_size)
        grad = np.array(d, copy=True)
        grad[sign == sign.dtype.type(etaminus)] = 0
        arr -= np.sign(grad) * step_size  # addcmul_(grad.sign(), step_size, value=-1)
        prev[...] = grad
