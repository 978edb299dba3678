"""Stochastic gradient descent, as ``torch.optim.SGD`` computes it."""

from __future__ import annotations

import numpy as np

from ..engine.tensor import Tensor
from .optimizer import Optimizer


class SGD(Optimizer):
    """``p -= lr * d`` where ``d`` is the gradient (plus ``weight_decay * p``), or with
    ``momentum`` the running buffer ``buf = momentum * buf + (1 - dampening) * d``
    (``d + momentum * buf`` with ``nesterov``)."""

    def __init__(
        self,
        params,
        lr=1e-3,
        momentum=0,
        dampening=0,
        weight_decay=0,
        nesterov=False,
        *,
        maximize=False,
        foreach=None,
        differentiable=False,
        fused=None,
    ):
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(
            params,
            {
                "lr": lr,
                "momentum": momentum,
                "dampening": dampening,
                "weight_decay": weight_decay,
                "nesterov": nesterov,
                "maximize": maximize,
                "foreach": foreach,
                "differentiable": differentiable,
                "fused": fused,
            },
        )

    def _hyper(self, group):
        lr = group["lr"]
        if isinstance(lr, Tensor):  # lr=torch.tensor(0.1) is accepted, as in PyTorch
            lr = lr.item()
        return lr, group["momentum"], group["dampening"], group["nesterov"]

    def _update(self, p, arr, d, h):
        lr, momentum, dampening, nesterov = h
        if momentum != 0:
            state = self.state[p]
            buf_t = state.get("momentum_buffer")
            if buf_t is None:
                buf = np.array(d, copy=True)
                state["momentum_buffer"] = Tensor._make(buf)
            else:
                buf = buf_t._data
                buf *= momentum
                buf += (1 - dampening) * d
            d = d + momentum * buf if nesterov else buf
        arr -= lr * d
