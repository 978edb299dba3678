"""Adadelta, as ``torch.optim.Adadelta`` computes it (the single-tensor CPU loop)."""

from __future__ import annotations

import numpy as np

from ..engine.tensor import Tensor
from .optimizer import Optimizer


class Adadelta(Optimizer):
    """With ``d`` the gradient (``+ weight_decay * p``): ``v = ρv + (1−ρ)d²``,
    ``Δ = √(u + eps) / √(v + eps) · d``, ``u = ρu + (1−ρ)Δ²``, ``p −= lr·Δ``
    (``v`` is ``square_avg``, ``u`` is ``acc_delta``)."""

    def __init__(
        self,
        params,
        lr=1.0,
        rho=0.9,
        eps=1e-6,
        weight_decay=0,
        foreach=None,
        *,
        capturable=False,
        maximize=False,
        differentiable=False,
    ):
        if isinstance(lr, Tensor) and lr.numel() != 1:
            raise ValueError("Tensor lr must be 1-element")
        if not lr >= 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= rho <= 1.0:
            raise ValueError(f"Invalid rho value: {rho}")
        if not eps >= 0.0:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not weight_decay >= 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        super().__init__(
            params,
            {
                "lr": lr,
                "rho": rho,
                "eps": eps,
                "weight_decay": weight_decay,
                "maximize": maximize,
                "capturable": capturable,
                "foreach": foreach,
                "differentiable": differentiable,
            },
        )

    def _update(self, p, arr, d, group):  # _hyper: the group
        lr, rho, eps = float(group["lr"]), group["rho"], group["eps"]
        state = self.state[p]
        if not state:
            state["step"] = Tensor._make(np.array(0.0, dtype=np.float32))
            state["square_avg"] = Tensor._make(np.zeros_like(arr))
            state["acc_delta"] = Tensor._make(np.zeros_like(arr))
        state["step"]._data += 1
        v = state["square_avg"]._data
        u = state["acc_delta"]._data
        v *= rho
        v += (1 - rho) * d * d
        std = np.sqrt(v + eps)
        delta = np.sqrt(u + eps)
        delta /= std
        delta *= d
        u *= rho
        u += (1 - rho) * delta * delta
        arr += -lr * delta
