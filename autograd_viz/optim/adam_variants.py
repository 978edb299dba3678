"""NAdam, RAdam and Adamax, as ``torch.optim`` computes them (the single-tensor CPU loop:
float32 buffers, the step counts and scalars in double, PyTorch's order of operations)."""

from __future__ import annotations

import numpy as np

from ..engine.tensor import Tensor
from .optimizer import Optimizer, _check_nonnegative, _fma


def _scalar_tensor(value):
    return Tensor._make(np.array(value, dtype=np.float32))


def _lr(lr):
    """A number from ``lr`` (``lr=torch.tensor(0.01)`` is accepted, as in PyTorch)."""
    return lr.item() if isinstance(lr, Tensor) else lr


def _check_adam_args(lr, eps, betas, weight_decay):
    """PyTorch's checks for the Adam family, in its order."""
    if isinstance(lr, Tensor) and lr.numel() != 1:
        raise ValueError("Tensor lr must be 1-element")
    _check_nonnegative(("learning rate", lr), ("epsilon value", eps))
    if not 0.0 <= betas[0] < 1.0:
        raise ValueError(f"Invalid beta parameter at index 0: {betas[0]}")
    if not 0.0 <= betas[1] < 1.0:
        raise ValueError(f"Invalid beta parameter at index 1: {betas[1]}")
    _check_nonnegative(("weight_decay value", weight_decay))


def _moments(state, d, beta1, beta2):
    """``exp_avg.lerp_(d, 1 − β₁)``, ``exp_avg_sq = β₂·exp_avg_sq + (1 − β₂)·d²``."""
    m = state["exp_avg"]._data
    v = state["exp_avg_sq"]._data
    m[...] = _fma(1 - beta1, d - m, m)  # lerp_: one fused multiply-add
    v *= beta2
    v[...] = _fma((1 - beta2) * d, d, v)  # addcmul_(d, d, value=1 − β₂)
    return m, v


def _count_step(state, arr, buffers, **scalars):
    """A new parameter's state (``step`` 0, the float32 ``scalars``, zeroed ``buffers``, in
    PyTorch's key order), then ``step += 1``; returns the step's array."""
    if not state:
        state["step"] = _scalar_tensor(0.0)
        for name, value in scalars.items():
            state[name] = _scalar_tensor(value)
        for name in buffers:
            state[name] = Tensor._make(np.zeros_like(arr))
    step_t = state["step"]._data
    step_t += 1
    return step_t


def _decoupled_weight_decay(p, arr, lr, group):
    """``p *= 1 − lr·weight_decay`` with ``decoupled_weight_decay`` (coupled weight decay is
    added to d by Optimizer.step)."""
    wd = group["weight_decay"]
    if wd != 0 and group["decoupled_weight_decay"]:
        arr *= 1 - lr * wd
        p._vbox[0] += 1


class NAdam(Optimizer):
    """Adam with Nesterov momentum: ``μₜ = β₁(1 − ½·0.96^(t·momentum_decay))``,
    ``p −= lr(1−μₜ)/(1−Πμ)·d/denom + lr·μₜ₊₁/(1−Πμ·μₜ₊₁)·m/denom`` with
    ``denom = √(v/(1−β₂ᵗ)) + eps`` (``decoupled_weight_decay``: ``p *= 1 − lr·wd`` first)."""

    def __init__(
        self,
        params,
        lr=2e-3,
        betas=(0.9, 0.999),
        eps=1e-8,
        weight_decay=0,
        momentum_decay=4e-3,
        decoupled_weight_decay=False,
        *,
        foreach=None,
        maximize=False,
        capturable=False,
        differentiable=False,
    ):
        _check_adam_args(lr, eps, betas, weight_decay)
        _check_nonnegative(("momentum_decay value", momentum_decay))
        super().__init__(
            params,
            {
                "lr": lr,
                "betas": betas,
                "eps": eps,
                "weight_decay": weight_decay,
                "momentum_decay": momentum_decay,
                "decoupled_weight_decay": decoupled_weight_decay,
                "maximize": maximize,
                "foreach": foreach,
                "capturable": capturable,
                "differentiable": differentiable,
            },
        )

    def _update(self, p, arr, d, group):  # _hyper: the group
        lr, (beta1, beta2), eps = _lr(group["lr"]), group["betas"], group["eps"]
        state = self.state[p]
        step = float(_count_step(state, arr, ("exp_avg", "exp_avg_sq"), mu_product=1.0))
        bias_correction2 = 1 - beta2**step
        _decoupled_weight_decay(p, arr, lr, group)
        momentum_decay = group["momentum_decay"]
        mu = beta1 * (1.0 - 0.5 * (0.96 ** (step * momentum_decay)))
        mu_next = beta1 * (1.0 - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
        mu_product_t = state["mu_product"]._data
        mu_product_t *= mu
        mu_product = float(mu_product_t)
        m, v = _moments(state, d, beta1, beta2)
        denom = np.sqrt(v / bias_correction2)
        denom += eps
        arr += ((-lr * (1.0 - mu) / (1.0 - mu_product)) * d) / denom  # addcdiv_
        mu_product_next = mu_product * mu_next
        arr += (((-lr * mu_next) / (1.0 - mu_product_next)) * m) / denom
        p._vbox[0] += 1  # (two in-place updates; Optimizer.step counts the other)


class RAdam(Optimizer):
    """Rectified Adam: with ``ρ∞ = 2/(1−β₂) − 1`` and ``ρₜ = ρ∞ − 2tβ₂ᵗ/(1−β₂ᵗ)``,
    ``p −= lr·m̂·√(1−β₂ᵗ)/(√v + eps)·r`` when ``ρₜ > 5`` (``r`` the variance rectification
    term), else ``p −= lr·m̂`` (``m̂ = m/(1−β₁ᵗ)``)."""

    def __init__(
        self,
        params,
        lr=1e-3,
        betas=(0.9, 0.999),
        eps=1e-8,
        weight_decay=0,
        decoupled_weight_decay=False,
        *,
        foreach=None,
        maximize=False,
        capturable=False,
        differentiable=False,
    ):
        _check_adam_args(lr, eps, betas, weight_decay)
        super().__init__(
            params,
            {
                "lr": lr,
                "betas": betas,
                "eps": eps,
                "weight_decay": weight_decay,
                "maximize": maximize,
                "foreach": foreach,
                "capturable": capturable,
                "decoupled_weight_decay": decoupled_weight_decay,
                "differentiable": differentiable,
            },
        )

    def _update(self, p, arr, d, group):  # _hyper: the group
        lr, (beta1, beta2), eps = _lr(group["lr"]), group["betas"], group["eps"]
        state = self.state[p]
        step = float(_count_step(state, arr, ("exp_avg", "exp_avg_sq")))
        _decoupled_weight_decay(p, arr, lr, group)
        m, v = _moments(state, d, beta1, beta2)
        bias_correction1 = 1 - beta1**step
        bias_correction2 = 1 - beta2**step
        corrected = m / bias_correction1
        rho_inf = 2 / (1 - beta2) - 1
        rho_t = rho_inf - 2 * step * (beta2**step) / bias_correction2
        if rho_t > 5.0:
            rect = (
                (rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t)
            ) ** 0.5
            sq = np.sqrt(v)
            sq += eps
            adaptive = np.reciprocal(sq) * bias_correction2**0.5  # (number / tensor)
            arr -= corrected * lr * adaptive * rect
        else:
            arr -= corrected * lr


class Adamax(Optimizer):
    """Adam with the infinity norm: ``m = lerp(m, d, 1−β₁)``,
    ``u = max(β₂u, |d| + eps)``, ``p −= lr/(1−β₁ᵗ)·m/u``."""

    def __init__(
        self,
        params,
        lr=2e-3,
        betas=(0.9, 0.999),
        eps=1e-8,
        weight_decay=0,
        foreach=None,
        *,
        maximize=False,
        differentiable=False,
        capturable=False,
    ):
        _check_adam_args(lr, eps, betas, weight_decay)
        super().__init__(
            params,
            {
                "lr": lr,
                "betas": betas,
                "eps": eps,
                "weight_decay": weight_decay,
                "foreach": foreach,
                "maximize": maximize,
                "differentiable": differentiable,
                "capturable": capturable,
            },
        )

    def _update(self, p, arr, d, group):  # _hyper: the group
        lr, (beta1, beta2), eps = _lr(group["lr"]), group["betas"], group["eps"]
        state = self.state[p]
        step_t = _count_step(state, arr, ("exp_avg", "exp_inf"))
        m = state["exp_avg"]._data
        u = state["exp_inf"]._data
        m[...] = _fma(1 - beta1, d - m, m)  # lerp_
        u *= beta2
        a = np.abs(d)
        a += eps
        np.maximum(u, a, out=u)
        clr = lr / (1 - beta1 ** float(step_t))
        arr += (-clr * m) / u  # addcdiv_(m, u, value=-clr)
