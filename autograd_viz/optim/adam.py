"""Adam, as ``torch.optim.Adam`` computes it (the single-tensor CPU loop)."""

from __future__ import annotations

import math

import numpy as np

from ..engine.tensor import Tensor
from .optimizer import Optimizer, _check_nonnegative, _fma


def _adam_betas(betas, capturable, foreach):
    """PyTorch's checks of Adam's ``betas`` (both floats or both 1-element tensors), made
    into a tuple (1-element tensors squeezed to 0-d), as ``print(optimizer)`` shows them."""
    if not (
        (isinstance(betas[0], float) and isinstance(betas[1], float))
        or (isinstance(betas[0], Tensor) and isinstance(betas[1], Tensor))
    ):
        raise ValueError("betas must be either both floats or both Tensors")
    for i in (0, 1):
        if isinstance(betas[i], Tensor):
            if not capturable and foreach:
                raise ValueError(
                    f"betas[{i}] as a Tensor is not supported for capturable=False and foreach=True"
                )
            if betas[i].numel() != 1:
                raise ValueError(f"Tensor betas[{i}] must be 1-element")
    return tuple(b.squeeze() if isinstance(b, Tensor) and b.dim() != 0 else b for b in betas)


class Adam(Optimizer):
    """Per parameter, with ``d`` its gradient (``+ weight_decay * p``, or with
    ``decoupled_weight_decay`` ``p *= 1 - lr * weight_decay`` first, as AdamW):
    ``m = β₁m + (1−β₁)d``, ``v = β₂v + (1−β₂)d²``,
    ``p -= lr / (1−β₁ᵗ) · m / (√v / √(1−β₂ᵗ) + eps)`` (``amsgrad``: the running max of v).
    """

    def __init__(
        self,
        params,
        lr=1e-3,
        betas=(0.9, 0.999),
        eps=1e-8,
        weight_decay=0,
        amsgrad=False,
        *,
        foreach=None,
        maximize=False,
        capturable=False,
        differentiable=False,
        fused=None,
        decoupled_weight_decay=False,
    ):
        _check_nonnegative(("learning rate", lr), ("epsilon value", eps))
        if not 0.0 <= betas[0] < 1.0:
            raise ValueError(f"Invalid beta parameter at index 0: {betas[0]}")
        if not 0.0 <= betas[1] < 1.0:
            raise ValueError(f"Invalid beta parameter at index 1: {betas[1]}")
        _check_nonnegative(("weight_decay value", weight_decay))
        betas = _adam_betas(betas, capturable, foreach)
        super().__init__(
            params,
            {
                "lr": lr,
                "betas": betas,
                "eps": eps,
                "weight_decay": weight_decay,
                "amsgrad": amsgrad,
                "maximize": maximize,
                "foreach": foreach,
                "capturable": capturable,
                "differentiable": differentiable,
                "fused": fused,
                "decoupled_weight_decay": decoupled_weight_decay,
            },
        )

    def _update(self, p, arr, d, group):  # _hyper: the group
        lr, (beta1, beta2), eps = group["lr"], group["betas"], group["eps"]
        lr_t = None
        if lr.__class__ is Tensor:  # (a tensor lr: PyTorch's lr / bias1 in its dtype)
            lr_t = lr._data.reshape(())
            lr = lr_t.item()
        if beta1.__class__ is Tensor:  # (betas given as 1-element tensors: their values)
            beta1, beta2 = beta1.item(), beta2.item()
        state = self.state[p]
        if not state:
            state["step"] = Tensor._make(np.array(0.0, dtype=np.float32))
            state["exp_avg"] = Tensor._make(np.zeros_like(arr))
            state["exp_avg_sq"] = Tensor._make(np.zeros_like(arr))
            if group["amsgrad"]:
                state["max_exp_avg_sq"] = Tensor._make(np.zeros_like(arr))
        step_t = state["step"]._data
        step_t += 1
        step = float(step_t)
        wd = group["weight_decay"]
        if wd != 0 and group["decoupled_weight_decay"]:
            arr *= 1 - lr * wd  # (coupled weight decay is added to d by Optimizer.step)
        m = state["exp_avg"]._data
        v = state["exp_avg_sq"]._data
        # lerp_(d, 1 - beta1) and addcmul_(d, d, value=1 - beta2): one fused multiply-add
        # each in PyTorch's kernels (float32: one rounding, as adam_variants._moments)
        m[...] = _fma(1 - beta1, d - m, m)
        v *= beta2
        v[...] = _fma((1 - beta2) * d, d, v)
        bias1 = 1 - beta1**step
        bias2_sqrt = math.sqrt(1 - beta2**step)
        if group["amsgrad"]:
            vmax = state["max_exp_avg_sq"]._data
            np.maximum(vmax, v, out=vmax)
            denom = np.sqrt(vmax) / bias2_sqrt + eps
        else:
            denom = np.sqrt(v) / bias2_sqrt + eps
        step_size = lr / bias1 if lr_t is None else float(lr_t / lr_t.dtype.type(bias1))
        arr += (-step_size * m) / denom  # addcdiv_(m, denom, -step_size)


class AdamW(Adam):
    """Adam with decoupled weight decay (``p *= 1 − lr·weight_decay`` before the step),
    ``weight_decay`` 0.01 by default, as ``torch.optim.AdamW``."""

    def __init__(
        self,
        params,
        lr=1e-3,
        betas=(0.9, 0.999),
        eps=1e-8,
        weight_decay=1e-2,
        amsgrad=False,
        *,
        maximize=False,
        foreach=None,
        capturable=False,
        differentiable=False,
        fused=None,
    ):
        super().__init__(
            params,
            lr,
            betas,
            eps,
            weight_decay,
            amsgrad,
            foreach=foreach,
            maximize=maximize,
            capturable=capturable,
            differentiable=differentiable,
            fused=fused,
            decoupled_weight_decay=True,
        )
