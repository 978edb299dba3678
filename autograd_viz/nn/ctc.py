"""``F.ctc_loss`` / ``nn.CTCLoss`` as PyTorch 2.13 computes them on the CPU.

One ``CtcLossBackward0`` node gives each sample's negative log-likelihood (the forward
variables ``log_alpha`` of PyTorch's ``ctc_loss_cpu_template``); the reduction is composed as
ATen's ``ctc_loss_impl`` composes it (``zero_infinity``: ``WhereBackward0``; ``mean``: the
losses divided by the target lengths clamped to 1, ``DivBackward0``, then ``MeanBackward0``;
an unbatched ``none`` result: ``SqueezeBackward1``).  The gradient is PyTorch's formula
``exp(lp) - exp(log Σ alpha·beta + nll - lp)``, which assumes ``log_probs`` are
log-softmax outputs (as PyTorch's does: its gradcheck fails on unnormalised inputs too);
an infinite loss gives NaN gradients unless ``zero_infinity``.  Computed in float64 and
cast back (PyTorch sums in the input's dtype: float32 results can differ in the last bit).
(《深入浅出PyTorch》 3.6's loss catalogue ends with ``nn.CTCLoss``.)"""

from __future__ import annotations

import numpy as np

from ..engine import api as _api
from ..engine.function import Function, Local
from ..engine.functional_array import _is_array
from ..engine.ops.arithmetic import NotImplementedFn
from ..engine.tensor import Tensor
from . import functional as _functional
from .extra import _Loss
from .layers import _check_reduction

_NEG_INF = -np.inf


def _lse(*xs):
    """PyTorch's three-term log-sum-exp (a max of ``-inf`` taken as 0)."""
    m = np.maximum.reduce(xs)
    m = np.where(m == _NEG_INF, 0.0, m)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.log(sum(np.exp(x - m) for x in xs)) + m


def _primes(target, blank):
    """The blank-interleaved target ``l'`` and, per position, whether ``l'(s-2)`` may be
    skipped to (a label different from ``l'(s)``)."""
    n = 2 * len(target) + 1
    lp = np.full(n, blank, dtype=np.int64)
    lp[1::2] = target
    skip = np.zeros(n, dtype=bool)
    skip[2:] = lp[2:] != lp[:-2]
    return lp, skip


def _alpha(lp, primes, skip, il):
    """``log_alpha`` (il × S') of one sample."""
    n = len(primes)
    la = np.full((max(il, 1), n), _NEG_INF)
    if il == 0:
        return la
    la[0, 0] = lp[0, primes[0]]
    if n > 1:
        la[0, 1] = lp[0, primes[1]]
    a2 = np.full(n, _NEG_INF)
    a3 = np.full(n, _NEG_INF)
    for t in range(1, il):
        prev = la[t - 1]
        a2[1:] = prev[:-1]
        a3[2:] = np.where(skip[2:], prev[:-2], _NEG_INF)
        la[t] = _lse(prev, a2, a3) + lp[t, primes]
    return la


def _nll(la, il, tl):
    if il == 0:
        return np.inf if tl else 0.0
    if tl == 0:
        return -la[il - 1, 0]
    return -float(_lse(la[il - 1, 2 * tl], la[il - 1, 2 * tl - 1]))


def _beta_grad(lp, primes, skip, il, la, nll, gr, n_classes):
    """PyTorch's ``ctc_loss_backward_cpu_template`` for one sample: ``log_beta``, the
    per-class log-sum of ``alpha·beta``, then the gradient rows."""
    n = len(primes)
    lb = np.full((il, n), _NEG_INF)
    lb[il - 1, n - 1] = lp[il - 1, primes[n - 1]]
    if n > 1:
        lb[il - 1, n - 2] = lp[il - 1, primes[n - 2]]
    skip_next = np.zeros(n, dtype=bool)  # (l'(s+2) differs from l'(s))
    skip_next[:-2] = skip[2:]
    b2 = np.full(n, _NEG_INF)
    b3 = np.full(n, _NEG_INF)
    for t in range(il - 2, -1, -1):
        nxt = lb[t + 1]
        b2[:-1] = nxt[1:]
        b3[:-2] = np.where(skip_next[:-2], nxt[2:], _NEG_INF)
        lb[t] = _lse(nxt, b2, b3) + lp[t, primes]
    ab = la[:il] + lb
    acc = np.full((il, n_classes), _NEG_INF)
    for s in range(n):  # (log-sum over the positions of each label)
        c = primes[s]
        acc[:, c] = _lse(acc[:, c], ab[:, s], np.full(il, _NEG_INF))
    with np.errstate(invalid="ignore", over="ignore"):
        return (np.exp(lp[:il]) - np.exp(acc + nll - lp[:il])) * gr


class CtcLossBackward0(Function):
    """Each sample's ``-log p(target | log_probs)`` (PyTorch's ``_ctc_loss``)."""

    op, symbol = "ctc_loss", "ctc"
    formula = "∂nll/∂lp[t,c] = exp(lp[t,c]) − Σ_{s: l'(s)=c} α[t,s]·β[t,s] / (p·exp(lp[t,c]))"
    local = (
        Local(
            (
                "exp(lp) − (Σ over the positions of label c of α·β) / (p · exp(lp))",
                "exp(lp) − （标签 c 各位置的 α·β 之和）/（p · exp(lp)）",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, lp, targets=None, il=(), tl=(), offsets=(), blank=0, zero_infinity=False):
        lp64 = lp.astype(np.float64)
        nlls, saved = [], []
        for b, (i_len, t_len, off) in enumerate(zip(il, tl, offsets, strict=True)):
            primes, skip = _primes(targets[off : off + t_len], blank)
            la = _alpha(lp64[:, b], primes, skip, i_len)
            nlls.append(_nll(la, i_len, t_len))
            saved.append((primes, skip, la))
        nll = np.array(nlls, dtype=np.float64)
        ctx.save_for_backward(lp)
        ctx.saved, ctx.nll, ctx.il, ctx.zero_infinity = saved, nll, il, zero_infinity
        return nll.astype(lp.dtype)

    @staticmethod
    def backward(ctx, g):
        (lp,) = ctx.saved_tensors
        graph = not _is_array(g)
        lpa = lp._data if graph else lp
        ga = np.asarray(g._data if graph else g, dtype=np.float64)
        lp64 = lpa.astype(np.float64)
        grad = np.zeros(lpa.shape, dtype=np.float64)
        for b, (primes, skip, la) in enumerate(ctx.saved):
            i_len, nll = ctx.il[b], ctx.nll[b]
            if i_len == 0 or (ctx.zero_infinity and nll == np.inf):
                continue
            grad[:i_len, b] = _beta_grad(
                lp64[:, b], primes, skip, i_len, la, nll, ga[b], lpa.shape[-1]
            )
        out = grad.astype(lpa.dtype)
        if graph:  # PyTorch has no derivative of this gradient
            return (NotImplementedFn.apply(lp, result=out, name="_ctc_loss_backward"),)
        return (out,)


def _lengths(x, what):
    if isinstance(x, Tensor):
        if x._data.dtype.kind not in "iu":
            raise RuntimeError(f"{what} must be integral")
        return [int(v) for v in np.ravel(x._data)]
    if isinstance(x, int):
        return [x]
    return [int(v) for v in x]


def ctc_loss(
    log_probs,
    targets,
    input_lengths,
    target_lengths,
    blank=0,
    reduction="mean",
    zero_infinity=False,
):
    """The Connectionist Temporal Classification loss (PyTorch's CPU kernel)."""
    _check_reduction(reduction)
    batched = log_probs.dim() == 3
    if batched:
        lp, tg = log_probs, np.asarray(targets._data)
    else:  # (unbatched: one sample, its target padded)
        lp, tg = _api.unsqueeze(log_probs, 1), np.asarray(targets._data).reshape(1, -1)
    il = _lengths(input_lengths, "input_lengths")
    tl = _lengths(target_lengths, "target_lengths")
    T, N, _ = lp.shape
    if len(il) != N:
        raise RuntimeError("input_lengths must be of size batch_size")
    if len(tl) != N:
        raise RuntimeError("target_lengths must be of size batch_size")
    tg = tg.astype(np.int64)
    flat = tg.ndim == 1
    if flat:
        offsets = np.concatenate(([0], np.cumsum(tl)[:-1])).astype(int).tolist()
        tg_flat = tg
    else:
        offsets = [b * tg.shape[1] for b in range(N)]
        tg_flat = tg.reshape(-1)
    for b in range(N):
        if il[b] > T:
            raise RuntimeError(
                f"Expected input_lengths to have value at most {T}, but got value {il[b]} "
                "(while checking arguments for ctc_loss_allocate_outputs)"
            )
        if not flat and tl[b] > tg.shape[1]:
            raise RuntimeError(
                f"Expected tensor to have size at least {tl[b]} at dimension 1, but got size "
                f"{tg.shape[1]} for argument #2 'targets' (while checking arguments for "
                "ctc_loss_allocate_outputs)"
            )
    res = CtcLossBackward0.apply(
        lp,
        targets=tg_flat,
        il=tuple(il),
        tl=tuple(tl),
        offsets=tuple(offsets),
        blank=int(blank),
        zero_infinity=bool(zero_infinity),
    )
    if zero_infinity:
        zero = Tensor._make(np.zeros((), dtype=res._data.dtype))
        res = _api.where(_api.eq(res, float("inf")), zero, res)
    if reduction == "mean":
        tlt = Tensor._make(np.maximum(np.array(tl, dtype=res._data.dtype), 1))
        return _api.mean(_api.div(res, tlt))
    if reduction == "sum":
        return _api.sum(res)
    return res if batched else _api.squeeze(res, 0)


class CTCLoss(_Loss):
    def __init__(self, blank=0, reduction="mean", zero_infinity=False):
        super().__init__(reduction=reduction)
        self.blank = blank
        self.zero_infinity = zero_infinity

    def forward(self, log_probs, targets, input_lengths, target_lengths):
        return ctc_loss(
            log_probs,
            targets,
            input_lengths,
            target_lengths,
            self.blank,
            self.reduction,
            self.zero_infinity,
        )


_functional.ctc_loss = ctc_loss

__all__ = ["CTCLoss", "ctc_loss"]
