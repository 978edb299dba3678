"""Adam, as ``torch.optim.Adam`` computes it (the single-tensor CPU loop)."""

from __future__ import annotations

import math

import numpy as np

from ..engine import events
from ..engine.tensor import Tensor
from .optimizer import Optimizer


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
        if not lr >= 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not eps >= 0.0:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not 0.0 <= betas[0] < 1.0:
            raise ValueError(f"Invalid beta parameter at index 0: {betas[0]}")
        if not 0.0 <= betas[1] < 1.0:
            raise ValueError(f"Invalid beta parameter at index 1: {betas[1]}")
        if not weight_decay >= 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
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

    def step(self, closure=None):
        loss = closure() if closure is not None else None
        listening = bool(events.LISTENERS)
        record = [] if listening else None
        for group in self.param_groups:
            lr, (beta1, beta2), eps = group["lr"], group["betas"], group["eps"]
            wd, amsgrad = group["weight_decay"], group["amsgrad"]
            for p in group["params"]:
                g = p._grad
                if g is None:
                    continue
                arr = p._data
                d = g._data
                if group["maximize"]:
                    d = -d
                state = self.state[p]
                if not state:
                    state.update(
                        {
                            "step": Tensor._make(np.array(0.0, dtype=np.float32)),
                            "exp_avg": Tensor._make(np.zeros_like(arr)),
                            "exp_avg_sq": Tensor._make(np.zeros_like(arr)),
                        }
                    )
                    if amsgrad:
                        state["max_exp_avg_sq"] = Tensor._make(np.zeros_like(arr))
                old = arr.copy() if listening else None
                step_t = state["step"]._data
                step_t += 1
                step = float(step_t)
                if wd != 0:
                    if group["decoupled_weight_decay"]:
                        arr *= 1 - lr * wd
                    else:
                        d = d + wd * arr
                m = state["exp_avg"]._data
                v = state["exp_avg_sq"]._data
                m += (d - m) * (1 - beta1)  # lerp_(d, 1 - beta1)
                v *= beta2
                v += (1 - beta2) * d * d
                bias1 = 1 - beta1**step
                bias2_sqrt = math.sqrt(1 - beta2**step)
                if amsgrad:
                    vmax = state["max_exp_avg_sq"]._data
                    np.maximum(vmax, v, out=vmax)
                    denom = np.sqrt(vmax) / bias2_sqrt + eps
                else:
                    denom = np.sqrt(v) / bias2_sqrt + eps
                arr += (-(lr / bias1) * m) / denom  # addcdiv_(m, denom, -step_size)
                p._vbox[0] += 1
                if listening:
                    record.append((p, old, arr, g._data))
        if listening:
            self._emit_step(record)
        return loss


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
