"""The ``torch.`` forms of nn functions (``torch.conv2d``, ``torch.dropout(x, p, train)``,
``torch.batch_norm(x, w, b, rm, rv, training, momentum, eps, cudnn_enabled)``,
``torch.kl_div(x, t, reduction=0)``...: ATen's signatures, the losses' reduction as an
int, pools without ``return_indices``), and functional names teaching code calls that
``nn.functional`` lacked: ``hardshrink`` / ``softshrink``, the ``*_`` activations,
``max_pool*_with_indices``, ``pdist``, ``lp_pool1d/2d``, ``channel_shuffle``.
Each is the functional op underneath, so the nodes are the same."""

from __future__ import annotations

import numbers

import numpy as np

from ..engine import api as _api
from ..engine.api_names import hardshrink, softshrink
from ..engine.function import Function, Local
from ..engine.functional_array import _is_array
from ..engine.tensor import Tensor
from . import _ops
from . import functional as F

_REDUCTIONS = {0: "none", 1: "mean", 2: "sum"}


def _reduction(r, fn):
    if isinstance(r, str):
        raise TypeError(f"{fn}(): argument 'reduction' must be int, not str")
    return _REDUCTIONS.get(int(r), "mean")


def _tensor(x, fn, arg="input", pos=1):
    if not isinstance(x, Tensor):
        raise TypeError(
            f"{fn}(): argument '{arg}' (position {pos}) must be Tensor, not {type(x).__name__}"
        )


# ---------------------------------------------------------------------- convolutions, pools


def _fn(name):
    return getattr(F, name)


def conv1d(*args, **kwargs):
    return _fn("conv1d")(*args, **kwargs)


def conv2d(*args, **kwargs):
    return _fn("conv2d")(*args, **kwargs)


def conv3d(*args, **kwargs):
    return _fn("conv3d")(*args, **kwargs)


def conv_transpose1d(*args, **kwargs):
    return _fn("conv_transpose1d")(*args, **kwargs)


def conv_transpose2d(*args, **kwargs):
    return _fn("conv_transpose2d")(*args, **kwargs)


def _stride(s):
    return None if s in ((), []) else s


def max_pool1d(input, kernel_size, stride=(), padding=0, dilation=1, ceil_mode=False):
    _tensor(input, "max_pool1d")
    return _fn("max_pool1d")(input, kernel_size, _stride(stride), padding, dilation, ceil_mode)


def max_pool2d(input, kernel_size, stride=(), padding=0, dilation=1, ceil_mode=False):
    _tensor(input, "max_pool2d")
    return _fn("max_pool2d")(input, kernel_size, _stride(stride), padding, dilation, ceil_mode)


def max_pool1d_with_indices(
    input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=True
):
    _tensor(input, "max_pool1d_with_indices")
    return _fn("max_pool1d")(
        input, kernel_size, _stride(stride), padding, dilation, ceil_mode, return_indices=True
    )


def max_pool2d_with_indices(
    input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=True
):
    _tensor(input, "max_pool2d_with_indices")
    return _fn("max_pool2d")(
        input, kernel_size, _stride(stride), padding, dilation, ceil_mode, return_indices=True
    )


def avg_pool1d(input, kernel_size, stride=(), padding=0, ceil_mode=False, count_include_pad=True):
    _tensor(input, "avg_pool1d")
    return _fn("avg_pool1d")(
        input, kernel_size, _stride(stride), padding, ceil_mode, count_include_pad
    )


def adaptive_avg_pool1d(input, output_size):
    _tensor(input, "adaptive_avg_pool1d")
    return _fn("adaptive_avg_pool1d")(input, output_size)


def adaptive_max_pool1d(input, output_size):
    """``torch.adaptive_max_pool1d``: ``(values, indices)`` (always both)."""
    _tensor(input, "adaptive_max_pool1d")
    return _fn("adaptive_max_pool1d")(input, output_size, True)


def adaptive_max_pool1d_with_indices(input, output_size, return_indices=False):
    return _fn("adaptive_max_pool1d")(input, output_size, True)


def adaptive_max_pool2d_with_indices(input, output_size, return_indices=False):
    return _fn("adaptive_max_pool2d")(input, output_size, True)


def lp_pool1d(input, norm_type, kernel_size, stride=None, ceil_mode=False):
    """PyTorch's Python: ``(sign(s)·relu(|s|)·k)^(1/p)`` of the average pool ``s`` of
    ``input^p``."""
    if stride is not None:
        out = F.avg_pool1d(input.pow(norm_type), kernel_size, stride, 0, ceil_mode)
    else:
        out = F.avg_pool1d(input.pow(norm_type), kernel_size, padding=0, ceil_mode=ceil_mode)
    return (_api.sign(out) * F.relu(_api.abs(out))).mul(kernel_size).pow(1.0 / norm_type)


def lp_pool2d(input, norm_type, kernel_size, stride=None, ceil_mode=False):
    kw, kh = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    if stride is not None:
        out = F.avg_pool2d(input.pow(norm_type), kernel_size, stride, 0, ceil_mode)
    else:
        out = F.avg_pool2d(input.pow(norm_type), kernel_size, padding=0, ceil_mode=ceil_mode)
    return (_api.sign(out) * F.relu(_api.abs(out))).mul(kw * kh).pow(1.0 / norm_type)


# ---------------------------------------------------------------------- dropout


def _check_p(p):
    if p < 0 or p > 1 or p != p:
        raise RuntimeError(f"dropout probability has to be between 0 and 1, but got {p}")


def dropout(input, p, train):
    _tensor(input, "dropout")
    _check_p(p)
    return F.dropout(input, p, train)


def dropout_(input, p, train):
    _tensor(input, "dropout_")
    _check_p(p)
    return F.dropout(input, p, train, inplace=True)


def alpha_dropout(input, p, train):
    _tensor(input, "alpha_dropout")
    _check_p(p)
    return F.alpha_dropout(input, p, train)


def alpha_dropout_(input, p, train):
    _tensor(input, "alpha_dropout_")
    _check_p(p)
    return F.alpha_dropout(input, p, train, inplace=True)


def feature_alpha_dropout(input, p, train):
    _tensor(input, "feature_alpha_dropout")
    _check_p(p)
    return F.feature_alpha_dropout(input, p, train)


def feature_alpha_dropout_(input, p, train):
    _tensor(input, "feature_alpha_dropout_")
    _check_p(p)
    return F.feature_alpha_dropout(input, p, train, inplace=True)


def _feature(input, p, train, inplace, name):
    from .activations import _channel_dropout

    _tensor(input, name)
    _check_p(p)
    return _channel_dropout(input, p, train, inplace, name, 2)


def feature_dropout(input, p, train):
    """ATen's feature dropout: one mask value per (batch, channel)."""
    return _feature(input, p, train, False, "feature_dropout")


def feature_dropout_(input, p, train):
    return _feature(input, p, train, True, "feature_dropout_")


# ---------------------------------------------------------------------- normalisation, embedding


def embedding(weight, indices, padding_idx=-1, scale_grad_by_freq=False, sparse=False):
    """``torch.embedding(weight, indices)`` (the weight first, as ATen's)."""
    _tensor(weight, "embedding", "weight")
    _tensor(indices, "embedding", "indices", 2)
    pad = None if padding_idx is None or padding_idx < 0 else padding_idx
    return F.embedding(indices, weight, pad, scale_grad_by_freq=scale_grad_by_freq)


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05, cudnn_enable=True):
    _tensor(input, "layer_norm")
    return F.layer_norm(input, normalized_shape, weight, bias, eps)


def batch_norm(
    input, weight, bias, running_mean, running_var, training, momentum, eps, cudnn_enabled
):
    _tensor(input, "batch_norm")
    return F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-05, cudnn_enabled=True):
    _tensor(input, "group_norm")
    return F.group_norm(input, num_groups, weight, bias, eps)


def instance_norm(
    input,
    weight,
    bias,
    running_mean,
    running_var,
    use_input_stats,
    momentum,
    eps,
    cudnn_enabled,
):
    _tensor(input, "instance_norm")
    return F.instance_norm(
        input, running_mean, running_var, weight, bias, use_input_stats, momentum, eps
    )


def rms_norm(input, normalized_shape, weight=None, eps=None):
    _tensor(input, "rms_norm")
    return F.rms_norm(input, normalized_shape, weight, eps)


# ---------------------------------------------------------------------- activations


def threshold(input, threshold, value):
    _tensor(input, "threshold")
    return F.threshold(input, threshold, value)


def threshold_(input, threshold, value):
    _tensor(input, "threshold_")
    return F.threshold(input, threshold, value, inplace=True)


def selu(input):
    _tensor(input, "selu")
    return F.selu(input)


def selu_(input):
    _tensor(input, "selu_")
    return _selu_(input)


def celu(input, alpha=1.0):
    _tensor(input, "celu")
    return F.celu(input, alpha)


def celu_(input, alpha=1.0):
    _tensor(input, "celu_")
    return _celu_(input, alpha)


class EluBackward1(_ops.EluBackward0):
    """``elu_`` / ``selu_`` (in place: PyTorch's node differentiates through the result)."""


class CeluBackward1(_ops.CeluBackward0):
    """``celu_`` (in place)."""


def elu_(input, alpha=1.0):
    from .layers import _float_unary

    _float_unary("elu", input)
    return _api.inplace(input, "elu_", lambda t: EluBackward1.apply(t, alpha=alpha))


def _selu_(input):
    from .activations import _SELU_ALPHA, _SELU_SCALE
    from .layers import _float_unary

    _float_unary("elu", input)
    return _api.inplace(
        input, "selu_", lambda t: EluBackward1.apply(t, alpha=_SELU_ALPHA, scale=_SELU_SCALE)
    )


def _celu_(input, alpha=1.0):
    from .layers import _float_unary

    _float_unary("elu", input)
    if alpha == 0:
        raise RuntimeError("ZeroDivisionError")
    return _api.inplace(input, "celu_", lambda t: CeluBackward1.apply(t, alpha=alpha))


def hardtanh_(input, min_val=-1.0, max_val=1.0):
    return F.hardtanh(input, min_val, max_val, inplace=True)


def leaky_relu_(input, negative_slope=0.01):
    return F.leaky_relu(input, negative_slope, inplace=True)


def prelu(input, weight):
    _tensor(input, "prelu")
    return F.prelu(input, weight)


def pixel_shuffle(input, upscale_factor):
    _tensor(input, "pixel_shuffle")
    return F.pixel_shuffle(input, upscale_factor)


def pixel_unshuffle(input, downscale_factor):
    _tensor(input, "pixel_unshuffle")
    return F.pixel_unshuffle(input, downscale_factor)


def bilinear(input1, input2, weight, bias=None):
    _tensor(input1, "bilinear", "input1")
    return F.bilinear(input1, input2, weight, bias)


# ---------------------------------------------------------------------- distances and losses


def cosine_similarity(x1, x2, dim=1, eps=1e-08):
    _tensor(x1, "cosine_similarity", "x1")
    return F.cosine_similarity(x1, x2, dim, eps)


def pairwise_distance(x1, x2, p=2.0, eps=1e-06, keepdim=False):
    _tensor(x1, "pairwise_distance", "x1")
    return F.pairwise_distance(x1, x2, p, eps, keepdim)


def kl_div(input, target, reduction=0, *, log_target=False):
    _tensor(input, "kl_div")
    red = _reduction(reduction, "kl_div")
    import warnings

    with warnings.catch_warnings():  # (torch.kl_div's mean is the elementwise one: no warning)
        warnings.simplefilter("ignore")
        return F.kl_div(input, target, reduction=red, log_target=log_target)


def binary_cross_entropy_with_logits(input, target, weight=None, pos_weight=None, reduction=0):
    _tensor(input, "binary_cross_entropy_with_logits")
    return F.binary_cross_entropy_with_logits(
        input,
        target,
        weight,
        reduction=_reduction(reduction, "binary_cross_entropy_with_logits"),
        pos_weight=pos_weight,
    )


def hinge_embedding_loss(input, target, margin=1.0, reduction=0):
    _tensor(input, "hinge_embedding_loss")
    return F.hinge_embedding_loss(
        input, target, margin, reduction=_reduction(reduction, "hinge_embedding_loss")
    )


def margin_ranking_loss(input1, input2, target, margin=0.0, reduction=0):
    _tensor(input1, "margin_ranking_loss", "input1")
    return F.margin_ranking_loss(
        input1, input2, target, margin, reduction=_reduction(reduction, "margin_ranking_loss")
    )


def triplet_margin_loss(
    anchor, positive, negative, margin=1.0, p=2.0, eps=1e-06, swap=False, reduction=0
):
    _tensor(anchor, "triplet_margin_loss", "anchor")
    return F.triplet_margin_loss(
        anchor,
        positive,
        negative,
        margin,
        p,
        eps,
        swap,
        reduction=_reduction(reduction, "triplet_margin_loss"),
    )


def cosine_embedding_loss(input1, input2, target, margin=0.0, reduction=0):
    _tensor(input1, "cosine_embedding_loss", "input1")
    return F.cosine_embedding_loss(
        input1, input2, target, margin, reduction=_reduction(reduction, "cosine_embedding_loss")
    )


def poisson_nll_loss(input, target, log_input, full, eps, reduction):
    _tensor(input, "poisson_nll_loss")
    return F.poisson_nll_loss(
        input,
        target,
        log_input,
        full,
        eps=eps,
        reduction=_reduction(reduction, "poisson_nll_loss"),
    )


# ---------------------------------------------------------------------- pdist, channel_shuffle


class PdistBackward0(Function):
    """``pdist(x, p)``: the p-norm distance of every pair of rows ``i < j`` (row-major),
    one node; the gradient PyTorch's ``_pdist_backward`` computes."""

    op, symbol = "pdist", "pdist"
    formula = "∂‖xᵢ − xⱼ‖_p/∂xᵢ = sign(d)·|d|^(p−1)/‖d‖^(p−1), −that for xⱼ"
    local = (Local(("each pair's norm gradient, added to both rows", "每对的范数梯度"), rule=True),)

    @staticmethod
    def forward(ctx, x, p=2.0):
        n = x.shape[0]
        i, j = np.triu_indices(n, 1)
        d = x[i] - x[j]
        a = np.abs(d.astype(np.float64))
        if p == 0:
            out = (a != 0).sum(1)
        elif p == np.inf:
            out = a.max(1) if a.shape[1] else np.zeros(len(i))
        elif p == 1:
            out = a.sum(1)
        elif p == 2:
            out = np.sqrt((a * a).sum(1))
        else:
            out = (a**p).sum(1) ** (1.0 / p)
        out = out.astype(x.dtype)
        ctx.i, ctx.j, ctx.d, ctx.p, ctx.out, ctx.n = i, j, d, p, out, n
        return out

    @staticmethod
    def backward(ctx, g):
        ga = np.asarray(g if _is_array(g) else g._data)
        d, p, out = ctx.d, ctx.p, ctx.out[:, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            if p == 0:
                r = np.zeros_like(d)
            elif p == 1:
                r = np.sign(d)
            elif p == 2:
                r = np.where(out == 0, 0, d / out)
            elif p == np.inf:
                r = np.sign(d) * (np.abs(d) == out)
            else:
                r = np.where(out == 0, 0, d * np.abs(d) ** (p - 2) / out ** (p - 1))
        contrib = (r * ga[:, None]).astype(d.dtype)
        res = np.zeros((ctx.n, d.shape[1]), dtype=d.dtype)
        np.add.at(res, ctx.i, contrib)
        np.add.at(res, ctx.j, -contrib)
        return (res if _is_array(g) else Tensor._make(res, False, None),)


def pdist(input, p=2):
    """The distances between the rows of a 2-D input, ``i < j`` in order."""
    _tensor(input, "pdist")
    if input.dim() != 2:
        raise RuntimeError(f"pdist only supports 2D tensors, got: {input.dim()}D")
    if not isinstance(p, numbers.Number) or p < 0:
        raise RuntimeError("pdist only supports non-negative p values")
    if input._data.dtype.kind != "f":
        raise RuntimeError(
            "pdist only supports floating-point dtypes, input has dtype "
            + {"int64": "Long", "int32": "Int", "bool": "Bool"}.get(
                input._data.dtype.name, input._data.dtype.name
            )
        )
    return PdistBackward0.apply(input, p=float(p))


class ChannelShuffleBackward0(Function):
    op, symbol = "channel_shuffle", "channel_shuffle"
    formula = "∂/∂input: the gradient shuffled back"
    local = (Local(("G with the channels shuffled back", "G 的通道换回原位"), rule=True),)

    @staticmethod
    def forward(ctx, x, groups=1):
        n, c = x.shape[0], x.shape[1]
        rest = x.shape[2:]
        ctx.groups, ctx.shape = groups, x.shape
        y = x.reshape(n, groups, c // groups, *rest).swapaxes(1, 2)
        return np.ascontiguousarray(y).reshape(x.shape)

    @staticmethod
    def backward(ctx, g):
        ga = np.asarray(g if _is_array(g) else g._data)
        n, c = ctx.shape[0], ctx.shape[1]
        rest = ctx.shape[2:]
        y = ga.reshape(n, c // ctx.groups, ctx.groups, *rest).swapaxes(1, 2)
        out = np.ascontiguousarray(y).reshape(ctx.shape)
        return (out if _is_array(g) else Tensor._make(out, False, None),)


def channel_shuffle(input, groups):
    """The channels (dim 1) split into ``groups`` and interleaved."""
    _tensor(input, "channel_shuffle")
    groups = int(groups)
    if groups <= 0:
        raise RuntimeError(
            f"Number of groups to divide channels in must be positive. Value of groups:{groups}"
        )
    if input.dim() <= 2:
        raise RuntimeError(
            "channel_shuffle expects input to have at least 3 dimensions, but got input with "
            f"sizes {list(input.shape)}"
        )
    c = input.shape[1]
    if c % groups:
        raise RuntimeError(
            f"Number of channels must be divisible by groups. Got {c} channels and {groups} groups."
        )
    return ChannelShuffleBackward0.apply(input, groups=groups)


native_channel_shuffle = channel_shuffle

#: added to ``nn.functional`` (only where it has no such name)
from .pool3d import adaptive_avg_pool3d, avg_pool3d, max_pool3d  # noqa: E402


def max_pool3d_with_indices(
    input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=True
):
    return max_pool3d(input, kernel_size, stride, padding, dilation, ceil_mode, True)


FUNCTIONAL = (
    max_pool3d,
    max_pool3d_with_indices,
    avg_pool3d,
    adaptive_avg_pool3d,
    hardshrink,
    softshrink,
    elu_,
    celu_,
    selu_,
    hardtanh_,
    leaky_relu_,
    max_pool1d_with_indices,
    max_pool2d_with_indices,
    adaptive_max_pool1d_with_indices,
    adaptive_max_pool2d_with_indices,
    pdist,
    lp_pool1d,
    lp_pool2d,
    channel_shuffle,
)
for _f in FUNCTIONAL:
    if not hasattr(F, _f.__name__):
        setattr(F, _f.__name__, _f)
del _f
if not hasattr(F, "native_channel_shuffle"):
    F.native_channel_shuffle = native_channel_shuffle
