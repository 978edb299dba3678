"""More losses and distances as PyTorch 2.13 defines them: ``cosine_embedding_loss``,
``margin_ranking_loss``, ``hinge_embedding_loss``, ``soft_margin_loss``,
``multi_margin_loss``, ``multilabel_margin_loss``, ``multilabel_soft_margin_loss``,
``poisson_nll_loss``, ``gaussian_nll_loss``, ``triplet_margin_loss``,
``triplet_margin_with_distance_loss``, ``pairwise_distance`` and their modules.

The ones PyTorch composes from other ops (in C++ or in Python) are composed here from the
same ops in the same order, so ``loss.grad_fn`` and its ``next_functions`` print as
PyTorch's; the three with a kernel of their own are one node each
(``SoftMarginLossBackward0``, ``MultiMarginLossBackward0``,
``MultilabelMarginLossBackward0``).  Functions are attached to :mod:`.functional` at the
bottom."""

from __future__ import annotations

import functools
import math

import numpy as np

from ..engine import api as _api
from ..engine import creation as _creation
from ..engine import events
from ..engine import grad_mode as _grad_mode
from ..engine._errstate import DIVIDE_INVALID, DIVIDE_INVALID_OVER, errstate
from ..engine.api_extra import _legacy_reduction
from ..engine.api_extra import clamp_min as _clamp_min
from ..engine.api_norm import vector_norm as _vector_norm
from ..engine.device import DEFAULT_FLOAT
from ..engine.function import Function, Local, _seq_counter
from ..engine.functional_array import _is_array
from ..engine.ops.arithmetic import AddBackward1, NotImplementedFn, SubBackward1
from ..engine.ops.extra import LinalgVectorNormBackward0
from ..engine.tensor import Tensor
from . import functional as _functional
from .extra import _Loss  # (the loss modules' shared base: reduction and its legacy args)
from .layers import _check_reduction, _scalar_type, _tensor_arg
from .modules import Module

#: ``EPSILON`` of PyTorch's ``cosine_embedding_loss`` (aten/src/ATen/native/Loss.cpp)
_EPSILON = 1e-12


# ---------------------------------------------------------------------- nodes


class NormBackward1(LinalgVectorNormBackward0):
    """``at::norm(x, p, dim, keepdim)`` (what ``pairwise_distance`` calls in C++): the
    vector norm along ``dim``, PyTorch's ``norm_backward``; another name than the
    ``torch.norm`` of Python, which goes through ``linalg.vector_norm``."""


def _reduce_array(loss, reduction, dt):
    if reduction == "none":
        return np.asarray(loss, dtype=dt)
    if reduction == "sum":
        return np.asarray(loss.sum(dtype=dt), dtype=dt)
    return np.asarray(loss.mean(dtype=dt) if loss.size else np.nan, dtype=dt)


def _mean_scale(g, shape, reduction):
    """The gradient arriving at a reduced loss, spread over ``shape`` (÷ the count for
    ``mean``)."""
    if reduction == "none":
        return g
    g = np.broadcast_to(g, shape)
    if reduction == "mean":
        g = g / g.dtype.type(max(math.prod(shape), 1))
    return g


class SoftMarginLossBackward0(Function):
    """``log(1 + exp(−y·x))`` elementwise, reduced (PyTorch's kernel: the result has the
    input's dtype); the target is not differentiable."""

    op, symbol = "soft_margin_loss", "soft_margin"
    formula = "∂/∂x = −y·σ(−y·x) (÷ the count for the mean)"
    local = (
        Local(
            ("−y·σ(−y·{0}) (÷ the count for the mean)", "−y·σ(−y·{0})（mean 时除以元素个数）"),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, x, y=None, reduction="mean"):
        ctx.reduction, ctx.y = reduction, y
        ctx.save_for_backward(x)
        z = -x * y
        ctx.shape = np.shape(z)
        with errstate(DIVIDE_INVALID_OVER):
            loss = np.logaddexp(0, z)
        return _reduce_array(loss, reduction, x.dtype)

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        y = ctx.y
        if not _is_array(g):  # create_graph: the gradient written with ops
            yt = Tensor._make(y)
            w = _api.mul(_api.neg(yt), _api.sigmoid(_api.mul(_api.neg(yt), x)))
            if ctx.reduction == "mean":
                w = _api.div(w, max(math.prod(ctx.shape), 1))
            return (_api._cast(_api.mul(w, g), x._data.dtype),)
        gg = _mean_scale(g, ctx.shape, ctx.reduction)
        with errstate(DIVIDE_INVALID_OVER):
            sig = 1.0 / (1.0 + np.exp(x * y))
        return ((-y * sig * gg).astype(x.dtype, copy=False),)


def _margin_frames(x):
    """(frames, dim) of a 0-, 1- or 2-d input as PyTorch's margin kernels read it."""
    if x.ndim <= 1:
        return 1, 1 if x.ndim == 0 else x.shape[0]
    return x.shape[0], x.shape[1]


class MultiMarginLossBackward0(Function):
    """PyTorch's multi-class hinge kernel: per sample
    ``Σ_{i≠y} max(0, margin − x[y] + x[i])^p · w[y] / C``; the target and weight are not
    differentiable.  PyTorch has no derivative of its backward."""

    op, symbol = "multi_margin_loss", "multi_margin"
    formula = "∂/∂x[i] = p·max(0, m − x[y] + x[i])^(p−1)·w[y]/C, x[y] gets minus their sum"
    local = (
        Local(
            (
                "p·z^(p−1)·w[y]/C at each class with z = m − {0}[y] + {0}[i] > 0; "
                "minus their sum at the target class",
                "z = m − {0}[y] + {0}[i] > 0 的类得 p·z^(p−1)·w[y]/C；目标类得其和的相反数",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def _terms(x2, t, p, margin, w):
        n = x2.shape[0]
        rows = np.arange(n)
        z = margin - x2[rows, t][:, None] + x2
        pos = z > 0
        pos[rows, t] = False
        h = np.where(pos, z if p == 1 else z * z, 0)
        if w is not None:
            h = h * w[t][:, None]
        return z, pos, h

    @staticmethod
    def forward(ctx, x, t=None, p=1, margin=1.0, weight=None, reduction="mean", keep=True):
        nframe, dim = _margin_frames(x)
        x2 = x.reshape(nframe, dim)
        t1 = t.reshape(nframe)
        ctx.save_for_backward(x)
        ctx.t, ctx.p, ctx.margin, ctx.weight, ctx.reduction = t1, p, margin, weight, reduction
        dt = x.dtype
        _, _, h = MultiMarginLossBackward0._terms(x2, t1, p, dt.type(margin), weight)
        per = (h.sum(axis=1, dtype=dt) / dt.type(dim)).astype(dt)
        if reduction == "none":
            return per if keep else per.reshape(())
        return _reduce_array(per, reduction, dt)

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        graph = not _is_array(g)
        xa = x._data if graph else x
        ga = g._data if graph else g
        nframe, dim = _margin_frames(xa)
        x2 = xa.reshape(nframe, dim)
        dt = xa.dtype
        z, pos, _ = MultiMarginLossBackward0._terms(
            x2, ctx.t, ctx.p, dt.type(ctx.margin), ctx.weight
        )
        scale = 1.0 / (nframe * dim) if ctx.reduction == "mean" else 1.0 / dim
        h = np.where(pos, scale if ctx.p == 1 else 2 * scale * z, 0)
        if ctx.weight is not None:
            h = h * ctx.weight[ctx.t][:, None]
        rows = np.arange(nframe)
        h[rows, ctx.t] = -h.sum(axis=1)
        go = np.asarray(ga).reshape(-1, 1) if ctx.reduction == "none" else np.asarray(ga)
        out = (h * go).astype(dt).reshape(xa.shape)
        if graph:  # PyTorch has no derivative of this gradient
            return (NotImplementedFn.apply(x, result=out, name="multi_margin_loss_backward"),)
        return (out,)


class MultilabelMarginLossBackward0(Function):
    """PyTorch's multi-label hinge kernel: per sample
    ``Σ_{j target} Σ_{i not a target} max(0, 1 − x[j] + x[i]) / C`` (the targets are
    the leading entries of the target row, up to the first −1)."""

    op, symbol = "multilabel_margin_loss", "multilabel_margin"
    formula = "∂/∂x[i] = (count of targets j with 1 − x[j] + x[i] > 0)/C, minus at targets"
    local = (
        Local(
            (
                "+1/C for each (target j, other class i) pair with 1 − {0}[j] + {0}[i] > 0 at "
                "i, −1/C at j",
                "每对满足 1 − {0}[j] + {0}[i] > 0 的 (目标 j, 非目标 i)：i 处 +1/C，j 处 −1/C",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def _pairs(x2, t2):
        """(frames, target slots, classes) mask of the hinge terms that are positive, and
        the target index of each slot (0 where the slot is unused)."""
        nframe, dim = x2.shape
        valid = np.cumprod(t2 >= 0, axis=1).astype(bool)  # slots before the first -1
        idx = np.where(valid, t2, 0)
        is_target = np.zeros((nframe, dim), bool)
        rows = np.repeat(np.arange(nframe), dim)
        is_target[rows[valid.reshape(-1)], idx[valid]] = True
        xt = np.take_along_axis(x2, idx, axis=1)  # (nframe, slots)
        z = 1 - xt[:, :, None] + x2[:, None, :]
        on = (z > 0) & valid[:, :, None] & ~is_target[:, None, :]
        return z, on, idx

    @staticmethod
    def forward(ctx, x, t=None, reduction="mean", keep=True):
        nframe, dim = _margin_frames(x)
        x2 = x.reshape(nframe, dim)
        t2 = t.reshape(nframe, dim)
        ctx.save_for_backward(x)
        ctx.t, ctx.reduction = t2, reduction
        dt = x.dtype
        z, on, _ = MultilabelMarginLossBackward0._pairs(x2, t2)
        per = (np.where(on, z, 0).sum(axis=(1, 2), dtype=dt) / dt.type(dim)).astype(dt)
        if reduction == "none":
            return per if keep else per.reshape(())
        return _reduce_array(per, reduction, dt)

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        graph = not _is_array(g)
        xa = x._data if graph else x
        ga = g._data if graph else g
        nframe, dim = _margin_frames(xa)
        x2 = xa.reshape(nframe, dim)
        _, on, idx = MultilabelMarginLossBackward0._pairs(x2, ctx.t)
        scale = 1.0 / (nframe * dim) if ctx.reduction == "mean" else 1.0 / dim
        grad = on.sum(axis=1) * scale  # +g at each other class i, per pair
        minus = on.sum(axis=2) * scale  # -g at the target of each slot
        np.add.at(grad, (np.arange(nframe)[:, None], idx), -minus)
        go = np.asarray(ga).reshape(-1, 1) if ctx.reduction == "none" else np.asarray(ga)
        out = (grad * go).astype(xa.dtype).reshape(xa.shape)
        if graph:
            name = "multilabel_margin_loss_backward"
            return (NotImplementedFn.apply(x, result=out, name=name),)
        return (out,)


# ---------------------------------------------------------------------- helpers


def _reduction_of(size_average, reduce, reduction):
    """``_Reduction.legacy_get_enum`` / ``get_enum``: the reduction string, checked."""
    if size_average is not None or reduce is not None:
        return _legacy_reduction(size_average, reduce)
    _check_reduction(reduction)
    return reduction


def _apply_reduction(loss, reduction):
    """``apply_loss_reduction`` of PyTorch's C++ losses."""
    if reduction == "mean":
        return _api.mean(loss)
    if reduction == "sum":
        return _api.sum(loss)
    return loss


def _filled(like, value):
    """``empty_like(t).fill_(value)``: what C++'s ``number - tensor`` starts from (the
    tensor's dtype; a constant, so ``value - t`` is ``SubBackward0`` with a ``None``
    slot)."""
    return Tensor._make(np.full(like._data.shape, value, dtype=like._data.dtype))


def _zeros_like(t):
    return Tensor._make(np.zeros(t._data.shape, dtype=t._data.dtype))


def _sub_scalar(t, value):
    return SubBackward1.apply(t, other=t._data.dtype.type(value))


def _add_scalar(t, value):
    if t._data.dtype.kind != "f":  # integer + double: the default float dtype
        t = _api._cast(t, DEFAULT_FLOAT[0])
    return AddBackward1.apply(t, other=t._data.dtype.type(value))


def _sizes(t) -> str:
    return "[" + ", ".join(str(d) for d in t.shape) + "]"


def _composite(fn):
    """A loss PyTorch builds from several nodes is one op in a recording's data-flow view
    (``composite_begin`` / ``composite_end``, as ``api._composite``), named as the learner
    wrote it; without a listener its last node is tagged for ``draw()`` (``api._tagged``)."""
    name = fn.__name__

    @functools.wraps(fn)
    def wrapped(*args, **kwargs):
        inputs = tuple(a for a in args if isinstance(a, Tensor))
        inputs += tuple(v for v in kwargs.values() if isinstance(v, Tensor))
        info = {k: v for k, v in kwargs.items() if not isinstance(v, Tensor)}
        if events.LISTENERS and _api._OPEN[-1:] != [name]:
            return _api._composite(name, wrapped, args, kwargs, inputs, info)
        seq0 = _seq_counter[0]
        return _api._tagged(fn(*args, **kwargs), name, inputs, info, seq0)

    return wrapped


# ---------------------------------------------------------------------- distances


@_composite
def pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False):
    """``‖x1 − x2 + eps‖_p`` along the last dimension (``at::norm``: ``NormBackward1``)."""
    _tensor_arg(x1, "pairwise_distance", "x1")
    _tensor_arg(x2, "pairwise_distance", "x2", 2)
    d = _add_scalar(_api.sub(x1, x2), eps)
    ndim = max(x1.dim(), x2.dim())
    dims = (ndim - 1,) if d.dim() else ()
    order = int(p) if float(p).is_integer() else float(p)
    return NormBackward1.apply(d, ord=order, dims=dims, keepdim=bool(keepdim))


@_composite
def cosine_similarity(x1, x2, dim=1, eps=1e-8):
    """``Σ (x1/‖x1‖)·(x2/‖x2‖)`` along ``dim`` as PyTorch's C++: the norms are cloned
    and clamped at ``eps`` without grad (``CloneBackward0``), integer inputs cast to the
    common floating dtype, shapes expanded to a common one."""
    _tensor_arg(x1, "cosine_similarity", "x1")
    _tensor_arg(x2, "cosine_similarity", "x2", 2)
    common = _api.result_type(x1, x2)
    if common.kind != "f":
        raise RuntimeError(
            "expected common dtype to be floating point, yet common dtype is "
            + _scalar_type(common)
        )
    if x1._data.dtype.kind in "iub":
        x1 = _api._cast(x1, common)
    if x2._data.dtype.kind in "iub":
        x2 = _api._cast(x2, common)
    if x1.shape != x2.shape:
        try:
            shape = np.broadcast_shapes(tuple(x1.shape), tuple(x2.shape))
        except ValueError:
            _api._raise_broadcast_error(x1, x2)
        x1, x2 = _api.expand(x1, *shape), _api.expand(x2, *shape)
    n1 = _api.clone(_vector_norm(x1, 2, dim=dim, keepdim=True))
    n2 = _api.clone(_vector_norm(x2, 2, dim=dim, keepdim=True))
    with _grad_mode.no_grad():
        n1.clamp_min_(eps)
        n2.clamp_min_(eps)
    return _api.sum(_api.mul(_api.div(x1, n1), _api.div(x2, n2)), dim)


# ---------------------------------------------------------------------- losses


@_composite
def cosine_embedding_loss(
    input1, input2, target, margin=0, size_average=None, reduce=None, reduction="mean"
):
    """``1 − cos`` where the target is 1, ``max(0, cos − margin)`` where it is −1
    (PyTorch's C++ composition, ``EPSILON`` = 1e-12 in the magnitudes)."""
    reduction = _reduction_of(size_average, reduce, reduction)
    name = "cosine_embedding_loss"
    _tensor_arg(input1, name, "input1")
    _tensor_arg(input2, name, "input2", 2)
    _tensor_arg(target, name, "target", 3)
    targ_dim = target.dim()
    if targ_dim not in (0, 1):
        raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
    if targ_dim == 1 and not (input1.dim() == 2 and input2.dim() == 2):
        raise RuntimeError(
            "1D target tensor expects 2D input tensors, but found inputs with sizes "
            f"{_sizes(input1)} and {_sizes(input2)}."
        )
    if targ_dim == 0 and not (input1.dim() == 1 and input2.dim() == 1):
        raise RuntimeError(
            "0D target tensor expects 1D input tensors, but found inputs with sizes "
            f"{_sizes(input1)} and {_sizes(input2)}."
        )
    prod_sum = _api.sum(_api.mul(input1, input2), targ_dim)
    mag_square1 = _add_scalar(_api.sum(_api.mul(input1, input1), targ_dim), _EPSILON)
    mag_square2 = _add_scalar(_api.sum(_api.mul(input2, input2), targ_dim), _EPSILON)
    denom = _api.mul(mag_square1, mag_square2).sqrt()
    cos = _api.div(prod_sum, denom)
    zeros = _zeros_like(cos)
    pos = _api.sub(_filled(cos, 1), cos)
    neg = _sub_scalar(cos, float(margin)).clamp_min(0)
    output_pos = _api.where(_api.eq(target, 1), pos, zeros)
    output_neg = _api.where(_api.eq(target, -1), neg, zeros)
    return _apply_reduction(_api.add(output_pos, output_neg), reduction)


@_composite
def margin_ranking_loss(
    input1, input2, target, margin=0, size_average=None, reduce=None, reduction="mean"
):
    """``max(0, −y·(x1 − x2) + margin)`` (PyTorch's C++ composition)."""
    reduction = _reduction_of(size_average, reduce, reduction)
    if input1.dim() != input2.dim() or input1.dim() != target.dim():
        raise RuntimeError(
            "margin_ranking_loss : All input tensors should have same dimension but got "
            f"sizes: input1: {input1.size()}, input2: {input2.size()}, target: "
            f"{target.size()} "
        )
    out = _add_scalar(_api.mul(_api.neg(target), _api.sub(input1, input2)), float(margin))
    return _apply_reduction(out.clamp_min(0), reduction)


@_composite
def hinge_embedding_loss(
    input, target, margin=1.0, size_average=None, reduce=None, reduction="mean"
):
    """``x`` where the target is 1, ``max(0, margin − x)`` where it is −1 (PyTorch's C++
    composition: both where the target is neither)."""
    reduction = _reduction_of(size_average, reduce, reduction)
    _tensor_arg(input, "hinge_embedding_loss")
    _tensor_arg(target, "hinge_embedding_loss", "target", 2)
    zeros = _zeros_like(input)
    margin_clamp = _api.sub(_filled(input, margin), input).clamp_min(0)
    output_margin = _api.where(_api.ne(target, 1), margin_clamp, zeros)
    output_self = _api.where(_api.ne(target, -1), input, zeros)
    return _apply_reduction(_api.add(output_margin, output_self), reduction)


def soft_margin_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    """``log(1 + exp(−y·x))``, reduced: one ``SoftMarginLossBackward0``."""
    reduction = _reduction_of(size_average, reduce, reduction)
    _tensor_arg(input, "soft_margin_loss")
    _tensor_arg(target, "soft_margin_loss", "target", 2)
    if target.requires_grad and _grad_mode.is_grad_enabled():
        raise RuntimeError(
            "The function 'soft_margin_loss' is not differentiable with respect to argument "
            "'target'. This input cannot have requires_grad True."
        )
    try:
        np.broadcast_shapes(tuple(input.shape), tuple(target.shape))
    except ValueError:
        _api._raise_broadcast_error(input, target)
    if input._data.dtype.kind != "f":
        raise RuntimeError(
            "result type Float can't be cast to the desired output type "
            + _scalar_type(input._data.dtype)
        )
    return SoftMarginLossBackward0.apply(input, y=target._data, reduction=reduction)


def _check_index_target(target, name_unused=None):
    if target._data.dtype != np.int64:
        raise RuntimeError(
            f"expected scalar type Long but found {_scalar_type(target._data.dtype)}"
        )


def _check_margin_input(input):
    nd = input.dim()
    if not ((nd == 2 and input.shape[1] != 0) or (nd == 1 and input.shape[0] != 0) or nd == 0):
        raise RuntimeError(
            "Expected non-empty vector or matrix with optional 0-dim batch size, but got: "
            + _sizes(input)
        )


def multi_margin_loss(
    input,
    target,
    p=1,
    margin=1.0,
    weight=None,
    size_average=None,
    reduce=None,
    reduction="mean",
):
    """The multi-class hinge loss: one ``MultiMarginLossBackward0``."""
    reduction = _reduction_of(size_average, reduce, reduction)
    if p != 1 and p != 2:
        raise ValueError("only p == 1 and p == 2 supported")
    if weight is not None and weight.dim() != 1:
        raise ValueError("weight must be one-dimensional")
    _tensor_arg(input, "multi_margin_loss")
    _tensor_arg(target, "multi_margin_loss", "target", 2)
    _check_margin_input(input)
    nframe, dim = _margin_frames(input._data)
    if not (target.dim() <= 1 and target.numel() == nframe):
        raise RuntimeError(
            "multi_margin_loss: target tensor should be 1-D with size equal to the number of "
            f"input samples (batch size). Expected target size [{nframe}], but got "
            f"{_sizes(target)}. Input has shape {_sizes(input)}."
        )
    if weight is not None and not (weight.dim() <= 1 and weight.numel() == dim):
        raise RuntimeError(f"inconsistent weight size, expected {dim} but got {_sizes(weight)}")
    dt = input._data.dtype
    if dt.kind != "f":
        raise NotImplementedError(
            f"\"multi_margin_loss_cpu_kernel\" not implemented for '{_scalar_type(dt)}'"
        )
    _check_index_target(target)
    w = None
    if weight is not None:
        if weight._data.dtype != dt:
            raise RuntimeError(
                f"expected scalar type {_scalar_type(dt)} but found "
                f"{_scalar_type(weight._data.dtype)}"
            )
        w = weight._data.reshape(-1)
    t = target._data.reshape(-1)
    if t.size and (t.min() < 0 or t.max() >= dim):
        raise RuntimeError("target out of range")
    return MultiMarginLossBackward0.apply(
        input,
        t=target._data,
        p=int(p),
        margin=float(margin),
        weight=w,
        reduction=reduction,
        keep=target.dim() > 0,
    )


def multilabel_margin_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    """The multi-label hinge loss: one ``MultilabelMarginLossBackward0``."""
    reduction = _reduction_of(size_average, reduce, reduction)
    _tensor_arg(input, "multilabel_margin_loss")
    _tensor_arg(target, "multilabel_margin_loss", "target", 2)
    _check_margin_input(input)
    nd = input.dim()
    nframe, dim = _margin_frames(input._data)
    if nd <= 1:
        ok = target.dim() <= 1 and target.numel() == dim
    else:
        ok = target.dim() == 2 and tuple(target.shape) == (nframe, dim)
    if not ok:
        raise RuntimeError(
            f"inconsistent target size: {_sizes(target)} for input of size: {_sizes(input)}"
        )
    t = target._data
    if t.size and (t.min() < -1 or t.max() >= dim):
        raise RuntimeError("argument #2 'target' is out of range")
    dt = input._data.dtype
    if dt.kind != "f":
        raise NotImplementedError(
            f"\"multilabel_margin_loss_forward_out_frame\" not implemented for '{_scalar_type(dt)}'"
        )
    _check_index_target(target)
    return MultilabelMarginLossBackward0.apply(
        input, t=t, reduction=reduction, keep=not (reduction == "none" and target.dim() <= 1)
    )


@_composite
def multilabel_soft_margin_loss(
    input, target, weight=None, size_average=None, reduce=None, reduction="mean"
):
    """PyTorch's Python composition: ``−(y·logσ(x) + (1 − y)·logσ(−x))``, weighted, summed
    over the classes and divided by their number, reduced."""
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce)
    logsigmoid = _functional.logsigmoid
    loss = -(target * logsigmoid(input) + (1 - target) * logsigmoid(-input))
    if weight is not None:
        loss = loss * weight
    class_dim = input.dim() - 1
    C = input.size(class_dim)
    loss = loss.sum(dim=class_dim) / C  # only return N loss values
    if reduction == "none":
        ret = loss
    elif reduction == "mean":
        ret = loss.mean()
    elif reduction == "sum":
        ret = loss.sum()
    else:
        raise ValueError(reduction + " is not valid")
    return ret


@_composite
def poisson_nll_loss(
    input,
    target,
    log_input=True,
    full=False,
    size_average=None,
    eps=1e-8,
    reduce=None,
    reduction="mean",
):
    """``exp(x) − y·x`` (``log_input``) or ``x − y·log(x + eps)``, plus Stirling's term
    where ``y > 1`` when ``full`` (PyTorch's C++ composition)."""
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce)
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(reduction + " is not a valid value for reduction")
    _tensor_arg(input, "poisson_nll_loss")
    _tensor_arg(target, "poisson_nll_loss", "target", 2)
    if log_input:
        loss = _api.sub(input.exp(), _api.mul(target, input))
    else:
        loss = _api.sub(input, _api.mul(target, _add_scalar(input, eps).log()))
    if full:
        with errstate(DIVIDE_INVALID):
            st = _api.add(
                _api.sub(_api.mul(target, target.log()), target),
                _api.mul(0.5, _api.mul(2 * math.pi, target).log()),
            )
            st = st.masked_fill(_api.le(target, 1), 0)
        loss = _api.add(loss, st)
    return _apply_reduction(loss, reduction)


@_composite
def gaussian_nll_loss(input, target, var, full=False, eps=1e-6, reduction="mean"):
    """PyTorch's Python composition: ``0.5·(log(var) + (x − y)²/var)``, ``var`` cloned
    and clamped at ``eps`` without grad."""
    if isinstance(var, float):
        if var < 0:
            raise ValueError("var has negative entry/entries")
        var = var * _creation.ones_like(input)
    elif not isinstance(var, Tensor):
        what = type(var < 0).__name__
        raise TypeError(
            f"any() received an invalid combination of arguments - got ({what}), but "
            "expected one of:\n * (Tensor input, *, Tensor out = None)\n * (Tensor input, "
            "tuple of ints dim = None, bool keepdim = False, *, Tensor out = None)\n * "
            "(Tensor input, int dim, bool keepdim = False, *, Tensor out = None)\n"
        )
    elif _api.any(var < 0):
        raise ValueError("var has negative entry/entries")
    if var.size() != input.size():
        if input.size()[:-1] == var.size():
            var = _api.unsqueeze(var, -1)
        elif input.ndim == var.ndim and (
            sum(y for x, y in zip(input.size(), var.size(), strict=True) if x != y) == 1
        ):
            pass
        else:
            raise ValueError("var is of incorrect size")
    if reduction != "none" and reduction != "mean" and reduction != "sum":
        raise ValueError(reduction + " is not valid")
    var = var.clone()
    with _grad_mode.no_grad():
        var.clamp_(min=eps)
    loss = 0.5 * (_api.log(var) + (input - target) ** 2 / var)
    if full:
        loss += 0.5 * math.log(2 * math.pi)
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    return loss


@_composite
def triplet_margin_loss(
    anchor,
    positive,
    negative,
    margin=1.0,
    p=2,
    eps=1e-6,
    swap=False,
    size_average=None,
    reduce=None,
    reduction="mean",
):
    """``max(0, margin + d(a, p) − d(a, n))`` with ``pairwise_distance`` (PyTorch's C++
    composition; ``swap``: ``d(a, n)`` replaced by ``min(d(a, n), d(p, n))``)."""
    reduction = _reduction_of(size_average, reduce, reduction)
    if margin <= 0:
        raise ValueError(f"margin must be greater than 0, got {margin}")
    name = "triplet_margin_loss"
    _tensor_arg(anchor, name, "anchor")
    _tensor_arg(positive, name, "positive", 2)
    _tensor_arg(negative, name, "negative", 3)
    _check_triplet_dims(anchor, positive, negative)
    dist_pos = pairwise_distance(anchor, positive, p, eps)
    dist_neg = pairwise_distance(anchor, negative, p, eps)
    if swap:
        dist_swap = pairwise_distance(positive, negative, p, eps)
        dist_neg = _api.minimum(dist_neg, dist_swap)
    out = _api.sub(_add_scalar(dist_pos, float(margin)), dist_neg).clamp_min(0)
    return _apply_reduction(out, reduction)


def _check_triplet_dims(anchor, positive, negative):
    a_dim, p_dim, n_dim = anchor.ndim, positive.ndim, negative.ndim
    if not (a_dim == p_dim and p_dim == n_dim):
        raise RuntimeError(
            "The anchor, positive, and negative tensors are expected to have the same number "
            f"of dimensions, but got: anchor {a_dim}D, positive {p_dim}D, and negative "
            f"{n_dim}D inputs"
        )


@_composite
def triplet_margin_with_distance_loss(
    anchor, positive, negative, *, distance_function=None, margin=1.0, swap=False, reduction="mean"
):
    """PyTorch's Python composition with any distance (default ``pairwise_distance``)."""
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    if margin <= 0:
        raise ValueError(f"margin must be greater than 0, got {margin}")
    _check_triplet_dims(anchor, positive, negative)
    if distance_function is None:
        distance_function = pairwise_distance
    dist_pos = distance_function(anchor, positive)
    dist_neg = distance_function(anchor, negative)
    if swap:
        dist_swap = distance_function(positive, negative)
        dist_neg = _api.minimum(dist_neg, dist_swap)
    loss = _clamp_min(margin + dist_pos - dist_neg, 0)
    if reduction == "sum":
        return _api.sum(loss)
    if reduction == "mean":
        return _api.mean(loss)
    return loss


# ---------------------------------------------------------------------- modules


class _WeightedLoss(_Loss):
    def __init__(self, weight=None, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.register_buffer("weight", weight)


class CosineEmbeddingLoss(_Loss):
    def __init__(self, margin=0.0, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.margin = margin

    def forward(self, input1, input2, target):
        return cosine_embedding_loss(
            input1, input2, target, margin=self.margin, reduction=self.reduction
        )


class MarginRankingLoss(_Loss):
    def __init__(self, margin=0.0, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.margin = margin

    def forward(self, input1, input2, target):
        return margin_ranking_loss(
            input1, input2, target, margin=self.margin, reduction=self.reduction
        )


class HingeEmbeddingLoss(_Loss):
    def __init__(self, margin=1.0, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.margin = margin

    def forward(self, input, target):
        return hinge_embedding_loss(input, target, margin=self.margin, reduction=self.reduction)


class SoftMarginLoss(_Loss):
    def forward(self, input, target):
        return soft_margin_loss(input, target, reduction=self.reduction)


class MultiMarginLoss(_WeightedLoss):
    def __init__(
        self, p=1, margin=1.0, weight=None, size_average=None, reduce=None, reduction="mean"
    ):
        super().__init__(weight, size_average, reduce, reduction)
        if p != 1 and p != 2:
            raise ValueError("only p == 1 and p == 2 supported")
        if weight is not None and weight.dim() != 1:
            raise ValueError(
                "MultiMarginLoss: expected weight to be None or 1D tensor, got "
                f"{weight.dim()}D instead"
            )
        self.p = p
        self.margin = margin

    def forward(self, input, target):
        return multi_margin_loss(
            input,
            target,
            p=self.p,
            margin=self.margin,
            weight=self.weight,
            reduction=self.reduction,
        )


class MultiLabelMarginLoss(_Loss):
    def forward(self, input, target):
        return multilabel_margin_loss(input, target, reduction=self.reduction)


class MultiLabelSoftMarginLoss(_WeightedLoss):
    def forward(self, input, target):
        return multilabel_soft_margin_loss(
            input, target, weight=self.weight, reduction=self.reduction
        )


class PoissonNLLLoss(_Loss):
    def __init__(
        self,
        log_input=True,
        full=False,
        size_average=None,
        eps=1e-8,
        reduce=None,
        reduction="mean",
    ):
        super().__init__(size_average, reduce, reduction)
        self.log_input = log_input
        self.full = full
        self.eps = eps

    def forward(self, log_input, target):
        return poisson_nll_loss(
            log_input,
            target,
            log_input=self.log_input,
            full=self.full,
            eps=self.eps,
            reduction=self.reduction,
        )


class GaussianNLLLoss(_Loss):
    def __init__(self, *, full=False, eps=1e-6, reduction="mean"):
        super().__init__(None, None, reduction)
        self.full = full
        self.eps = eps

    def forward(self, input, target, var):
        return gaussian_nll_loss(
            input, target, var, full=self.full, eps=self.eps, reduction=self.reduction
        )


class TripletMarginLoss(_Loss):
    def __init__(
        self,
        margin=1.0,
        p=2.0,
        eps=1e-6,
        swap=False,
        size_average=None,
        reduce=None,
        reduction="mean",
    ):
        super().__init__(size_average, reduce, reduction)
        if margin <= 0:
            raise ValueError(
                f"TripletMarginLoss: expected margin to be greater than 0, got {margin} instead"
            )
        self.margin = margin
        self.p = p
        self.eps = eps
        self.swap = swap

    def forward(self, anchor, positive, negative):
        return triplet_margin_loss(
            anchor,
            positive,
            negative,
            margin=self.margin,
            p=self.p,
            eps=self.eps,
            swap=self.swap,
            reduction=self.reduction,
        )


class PairwiseDistance(Module):
    def __init__(self, p=2.0, eps=1e-6, keepdim=False):
        super().__init__()
        self.norm = p
        self.eps = eps
        self.keepdim = keepdim

    def forward(self, x1, x2):
        return pairwise_distance(x1, x2, self.norm, self.eps, self.keepdim)


class TripletMarginWithDistanceLoss(_Loss):
    def __init__(self, *, distance_function=None, margin=1.0, swap=False, reduction="mean"):
        super().__init__(size_average=None, reduce=None, reduction=reduction)
        if margin <= 0:
            raise ValueError(
                "TripletMarginWithDistanceLoss: expected margin to be greater than 0, got "
                f"{margin} instead"
            )
        self.distance_function = (
            distance_function if distance_function is not None else PairwiseDistance()
        )
        self.margin = margin
        self.swap = swap

    def forward(self, anchor, positive, negative):
        return triplet_margin_with_distance_loss(
            anchor,
            positive,
            negative,
            distance_function=self.distance_function,
            margin=self.margin,
            swap=self.swap,
            reduction=self.reduction,
        )


for _fn in (
    pairwise_distance,
    cosine_similarity,
    cosine_embedding_loss,
    margin_ranking_loss,
    hinge_embedding_loss,
    soft_margin_loss,
    multi_margin_loss,
    multilabel_margin_loss,
    multilabel_soft_margin_loss,
    poisson_nll_loss,
    gaussian_nll_loss,
    triplet_margin_loss,
    triplet_margin_with_distance_loss,
):
    setattr(_functional, _fn.__name__, _fn)
del _fn

__all__ = [
    "CosineEmbeddingLoss",
    "GaussianNLLLoss",
    "HingeEmbeddingLoss",
    "MarginRankingLoss",
    "MultiLabelMarginLoss",
    "MultiLabelSoftMarginLoss",
    "MultiMarginLoss",
    "PairwiseDistance",
    "PoissonNLLLoss",
    "SoftMarginLoss",
    "TripletMarginLoss",
    "TripletMarginWithDistanceLoss",
]
