"""More activations and losses teaching code uses: ``Hardtanh``/``ReLU6``,
``LogSigmoid``, ``Softmin``, ``Softsign``, ``Mish``, ``SELU``, ``CELU``, ``SmoothL1Loss``,
``HuberLoss``, ``KLDivLoss``, ``Dropout1d``/``Dropout2d``, ``CosineSimilarity``,
``ParameterList``/``ParameterDict``, and ``F.normalize`` / ``F.cosine_similarity``; node
names and compositions as PyTorch builds them.  Functions are attached to
:mod:`.functional` at the bottom."""

from __future__ import annotations

import warnings

import numpy as np

from ..engine import api as _api
from ..engine.api_extra import _legacy_reduction
from ..engine.random import dropout_noise
from ..engine.tensor import Tensor
from . import _ops
from . import functional as _functional
from .layers import _check_reduction, _float_unary, _tensor_arg, _warn_target_size
from .losses_more import cosine_similarity  # (PyTorch's composition lives there)
from .modules import Module
from .parameter import Parameter

_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    _float_unary("hardtanh", input)
    if min_val > max_val:
        raise ValueError("min_val cannot be greater than max_val")
    return _ops.HardtanhBackward0.apply(input, min_val=min_val, max_val=max_val)


def relu6(input, inplace=False):
    return hardtanh(input, 0.0, 6.0)


def logsigmoid(input):
    _float_unary("log_sigmoid_forward", input)
    return _ops.LogSigmoidBackward0.apply(input)


def softmin(input, dim=None, _stacklevel=3, dtype=None):
    return _functional.softmax(_api.neg(input), dim, _stacklevel=_stacklevel + 1, dtype=dtype)


def softsign(input):
    return _api.div(input, _api.add(_api.abs(input), 1))


def mish(input, inplace=False):
    _float_unary("mish", input)
    return _ops.MishBackward0.apply(input)


def selu(input, inplace=False):
    _float_unary("elu", input)
    if inplace:
        from .torch_functions import _selu_

        return _selu_(input)
    return _ops.EluBackward0.apply(input, alpha=_SELU_ALPHA, scale=_SELU_SCALE)


def celu(input, alpha=1.0, inplace=False):
    _float_unary("elu", input)
    if alpha == 0:
        raise RuntimeError("ZeroDivisionError")
    if inplace:
        from .torch_functions import _celu_

        return _celu_(input, alpha)
    return _ops.CeluBackward0.apply(input, alpha=alpha)


def _pointwise_loss(cls, name, input, target, reduction, param):
    _tensor_arg(input, name)
    _tensor_arg(target, name, "target", 2)
    _check_reduction(reduction)
    if target.shape != input.shape:
        _warn_target_size(input, target, stacklevel=3)
        try:
            shape = np.broadcast_shapes(tuple(input.shape), tuple(target.shape))
        except ValueError:
            _api._raise_broadcast_error(input, target)
        input, target = _api.expand(input, *shape), _api.expand(target, *shape)
    dt = np.result_type(input._data.dtype, target._data.dtype)
    if dt.kind in "biu":
        from .layers import _scalar_type

        kernel = name[: -len("_loss")]
        raise NotImplementedError(f"\"{kernel}_cpu\" not implemented for '{_scalar_type(dt)}'")
    return cls.apply(input, target, reduction=reduction, param=param)


def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction="mean", beta=1.0):
    """One ``SmoothL1LossBackward0``; ``beta=0`` is ``l1_loss`` (as PyTorch dispatches it:
    ``AbsBackward0`` then the reduction)."""
    if not isinstance(input, Tensor) or not isinstance(target, Tensor):
        from ..engine.argtypes_shape import size_probe

        size_probe(target, input)
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce)
    if beta < 0:
        raise RuntimeError("smooth_l1_loss does not support negative values for beta.")
    if beta == 0:
        _tensor_arg(input, "smooth_l1_loss")
        _tensor_arg(target, "smooth_l1_loss", "target", 2)
        from .layers import l1_loss

        if target.shape != input.shape:
            _warn_target_size(input, target, stacklevel=2)
            shape = np.broadcast_shapes(tuple(input.shape), tuple(target.shape))
            input, target = _api.expand(input, *shape), _api.expand(target, *shape)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return l1_loss(input, target, reduction=reduction)
    return _pointwise_loss(
        _ops.SmoothL1LossBackward0, "smooth_l1_loss", input, target, reduction, beta
    )


def huber_loss(input, target, reduction="mean", delta=1.0, weight=None):
    """One ``HuberLossBackward0``; with ``weight``: the unreduced loss times the weight,
    then reduced (``MulBackward0``, ``SumBackward0`` / ``MeanBackward0``), as PyTorch."""
    if not isinstance(input, Tensor) or not isinstance(target, Tensor):
        from ..engine.argtypes_shape import size_probe

        size_probe(target, input)
    if delta <= 0:
        raise RuntimeError("huber_loss does not support non-positive values for delta.")
    if weight is None:
        return _pointwise_loss(
            _ops.HuberLossBackward0, "huber_loss", input, target, reduction, delta
        )
    if weight.shape != input.shape:
        raise ValueError("Weights and input must have the same size.")
    loss = _pointwise_loss(_ops.HuberLossBackward0, "huber_loss", input, target, "none", delta)
    weighted = _api.mul(loss, weight)
    if reduction == "none":
        return weighted
    if reduction == "sum":
        return _api.sum(weighted)
    if reduction == "mean":
        return _api.mean(weighted)
    raise ValueError(f"Invalid reduction mode: {reduction}. Expected one of 'none', 'mean', 'sum'.")


def kl_div(input, target, size_average=None, reduce=None, reduction="mean", log_target=False):
    """``target·(log target − input)`` (``xlogy(t, t) − t·input``), reduced; ``batchmean``
    divides the sum by the batch size."""
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce)
    _tensor_arg(input, "kl_div")
    _tensor_arg(target, "kl_div", "target", 2)
    if input._data.dtype.kind not in "fc" or target._data.dtype.kind not in "fc":
        raise RuntimeError("kl_div: Integral inputs not supported.")
    if reduction == "mean":
        warnings.warn(
            "reduction: 'mean' divides the total loss by both the batch size and the support "
            "size.'batchmean' divides only by the batch size, and aligns with the KL div math "
            "definition.'mean' will be changed to behave the same as 'batchmean' in the next "
            "major release.",
            stacklevel=2,
        )
    if reduction not in ("none", "mean", "sum", "batchmean"):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    if log_target:
        loss = _api.mul(_api.exp(target), _api.sub(target, input))
    else:  # xlogy(t, t) - t·input (XlogyBackward0 when the target requires grad)
        from ..engine.api_more import xlogy

        loss = _api.sub(xlogy(target, target), _api.mul(target, input))
    if reduction == "none":
        return loss
    if reduction == "sum":
        return _api.sum(loss)
    if reduction == "batchmean":
        return _api.div(_api.sum(loss), input.shape[0] if input.dim() else 1)
    return _api.mean(loss)


def _channel_dropout(input, p, training, inplace, name, lead):
    """ATen's feature dropout: one ``bernoulli_(1 - p) / (1 - p)`` value per (batch,
    channel) of the first ``lead`` dims (1: an unbatched input, which PyTorch unsqueezes)."""
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    _tensor_arg(input, name)
    arr = input._data
    if not training or p == 0 or arr.size == 0:
        return input
    nd = arr.ndim
    if p == 1:
        noise = np.zeros((), dtype=arr.dtype)
    else:
        if nd + (lead == 1) < 2:
            raise RuntimeError("Feature dropout requires at least 2 dimensions in the input")
        noise = dropout_noise(arr.shape[:lead] + (1,) * (nd - lead), p, arr.dtype)
    noise_t = Tensor._make(noise)
    return input.mul_(noise_t) if inplace else _api.mul(input, noise_t)


def _dim_of(input):
    """``input.dim()`` as PyTorch's Python dropout functions call it."""
    if not isinstance(input, Tensor):
        raise AttributeError(f"'{type(input).__name__}' object has no attribute 'dim'")
    return input._data.ndim


def _dropout_nd_warning(name, nd, dims):
    warnings.warn(
        f"{name}: Received a {nd}-D input to {name}, which is deprecated and will result in "
        "an error in a future release. To retain the behavior and silence this warning, please "
        f"use dropout instead. Note that {name} exists to provide channel-wise dropout on "
        f"inputs with {dims[0] - 1} spatial dimensions, a channel dimension, and an optional "
        f"batch dimension (i.e. {dims[0]}D or {dims[1]}D inputs).",
        stacklevel=3,
    )


def dropout1d(input, p=0.5, training=True, inplace=False):
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    nd = _dim_of(input)
    if nd not in (2, 3):
        raise RuntimeError(
            f"dropout1d: Expected 2D or 3D input, but received a {nd}D input. Note that "
            "dropout1d exists to provide channel-wise dropout on inputs with 1 spatial "
            "dimension, a channel dimension, and an optional batch dimension (i.e. 2D or 3D "
            "inputs)."
        )
    return _channel_dropout(input, p, training, inplace, "dropout1d", 2 if nd == 3 else 1)


def dropout2d(input, p=0.5, training=True, inplace=False):
    """PyTorch's: any input is (N, C, ...) (a 3-D one too, with a warning)."""
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    nd = _dim_of(input)
    if nd not in (3, 4):
        _dropout_nd_warning("dropout2d", nd, (3, 4))
    if nd == 3:
        warnings.warn(
            "dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D "
            "dropout behavior is desired - input is interpreted as shape (N, C, L), where C is "
            "the channel dim. This behavior will change in a future release to interpret the "
            "input as one without a batch dimension, i.e. shape (C, H, W). To maintain the 1D "
            "channel-wise dropout behavior, please switch to using dropout1d instead.",
            stacklevel=2,
        )
    return _channel_dropout(input, p, training, inplace, "dropout2d", 2)


def dropout3d(input, p=0.5, training=True, inplace=False):
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    nd = _dim_of(input)
    if nd not in (4, 5):
        _dropout_nd_warning("dropout3d", nd, (4, 5))
    return _channel_dropout(input, p, training, inplace, "dropout3d", 2 if nd == 5 else 1)


def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
    """``input / max(‖input‖_p, eps)`` along ``dim`` (the norm expanded as PyTorch)."""
    denom = _api.expand(_functional_norm(input, p, dim).clamp_min(eps), *input.shape)
    return _api.div(input, denom)


def _functional_norm(input, p, dim):
    return input.norm(p=p, dim=dim, keepdim=True)


# ---------------------------------------------------------------------- modules


class Hardtanh(Module):
    def __init__(self, min_val=-1.0, max_val=1.0, inplace=False, min_value=None, max_value=None):
        super().__init__()
        if min_value is not None:
            warnings.warn(
                "keyword argument `min_value` is deprecated and renamed to `min_val`",
                FutureWarning,
                stacklevel=2,
            )
            min_val = min_value
        if max_value is not None:
            warnings.warn(
                "keyword argument `max_value` is deprecated and renamed to `max_val`",
                FutureWarning,
                stacklevel=2,
            )
            max_val = max_value
        self.min_val, self.max_val, self.inplace = min_val, max_val, inplace

    def forward(self, input):
        return hardtanh(input, self.min_val, self.max_val)

    def extra_repr(self) -> str:
        s = f"min_val={self.min_val}, max_val={self.max_val}"
        return s + (", inplace=True" if self.inplace else "")


class ReLU6(Hardtanh):
    def __init__(self, inplace=False):
        super().__init__(0.0, 6.0, inplace)

    def extra_repr(self) -> str:
        return "inplace=True" if self.inplace else ""


class LogSigmoid(Module):
    def forward(self, input):
        return logsigmoid(input)


class Softmin(Module):
    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return softmin(input, self.dim, _stacklevel=5)

    def extra_repr(self) -> str:
        return f"dim={self.dim}"


class Softsign(Module):
    def forward(self, input):
        return softsign(input)


class Mish(Module):
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return mish(input)

    def extra_repr(self) -> str:
        return "inplace=True" if self.inplace else ""


class SELU(Module):
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return selu(input)

    def extra_repr(self) -> str:
        return "inplace=True" if self.inplace else ""


class CELU(Module):
    def __init__(self, alpha=1.0, inplace=False):
        super().__init__()
        self.alpha, self.inplace = alpha, inplace

    def forward(self, input):
        return celu(input, self.alpha)

    def extra_repr(self) -> str:
        return f"alpha={self.alpha}" + (", inplace=True" if self.inplace else "")


class SmoothL1Loss(Module):
    def __init__(self, size_average=None, reduce=None, reduction="mean", beta=1.0):
        super().__init__()
        if size_average is not None or reduce is not None:
            reduction = _legacy_reduction(size_average, reduce)
        self.reduction, self.beta = reduction, beta

    def forward(self, input, target):
        return smooth_l1_loss(input, target, reduction=self.reduction, beta=self.beta)


class HuberLoss(Module):
    def __init__(self, reduction="mean", delta=1.0):
        super().__init__()
        self.reduction, self.delta = reduction, delta

    def forward(self, input, target):
        return huber_loss(input, target, reduction=self.reduction, delta=self.delta)


class KLDivLoss(Module):
    def __init__(self, size_average=None, reduce=None, reduction="mean", log_target=False):
        super().__init__()
        if size_average is not None or reduce is not None:
            reduction = _legacy_reduction(size_average, reduce)
        self.reduction, self.log_target = reduction, log_target

    def forward(self, input, target):
        return kl_div(input, target, reduction=self.reduction, log_target=self.log_target)


class _ChannelDropout(Module):
    _fn = None

    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        if p < 0 or p > 1:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p, self.inplace = p, inplace

    def forward(self, input):
        return type(self)._fn(input, self.p, self.training, self.inplace)

    def extra_repr(self) -> str:
        return f"p={self.p}, inplace={self.inplace}"


class Dropout1d(_ChannelDropout):
    _fn = staticmethod(dropout1d)


class Dropout2d(_ChannelDropout):
    _fn = staticmethod(dropout2d)


class Dropout3d(_ChannelDropout):
    _fn = staticmethod(dropout3d)


class CosineSimilarity(Module):
    def __init__(self, dim=1, eps=1e-8):
        super().__init__()
        self.dim, self.eps = dim, eps

    def forward(self, x1, x2):
        return cosine_similarity(x1, x2, self.dim, self.eps)


def _param_line(p) -> str:
    size = "x".join(str(d) for d in p.shape)
    return f"Parameter containing: [{p.dtype} of size {size}]"


class ParameterList(Module):
    """A list of Parameters registered as ``"0"``, ``"1"``, ..."""

    def __init__(self, values=None):
        super().__init__()
        if values is not None:
            for v in values:
                self.append(v)

    def _to_param(self, v):
        return v if isinstance(v, Parameter) or not isinstance(v, Tensor) else Parameter(v)

    def append(self, value):
        self.register_parameter(str(len(self)), self._to_param(value))
        return self

    def extend(self, values):
        for v in values:
            self.append(v)
        return self

    def __len__(self) -> int:
        return len(self._parameters)

    def __iter__(self):
        return iter(self._parameters.values())

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return ParameterList(list(self._parameters.values())[idx])
        n = len(self)
        if not -n <= idx < n:
            raise IndexError(f"index {idx} is out of range")
        return self._parameters[str(idx % n)]

    def __setitem__(self, idx, value):
        self.register_parameter(str(idx % len(self)), self._to_param(value))

    def extra_repr(self) -> str:
        return "\n".join(f"  ({k}): {_param_line(p)}" for k, p in self._parameters.items())


def _pd_key(key):
    """``ParameterDict._key_to_attr``."""
    if not isinstance(key, str):
        raise TypeError(
            "Index given to ParameterDict cannot be used as a key as it is not a string "
            f"(type is '{type(key).__name__}'). Open an issue on github if you need "
            "non-string keys."
        )


class ParameterDict(Module):
    """A dict of Parameters registered under their keys."""

    def __init__(self, parameters=None):
        super().__init__()
        if parameters is not None:
            self.update(parameters)

    def __getitem__(self, key):
        _pd_key(key)
        try:
            return self._parameters[key]
        except KeyError:  # (PyTorch looks the key up as an attribute)
            raise AttributeError(
                f"'{type(self).__name__}' object has no attribute '{key}'"
            ) from None

    def __setitem__(self, key, value):
        _pd_key(key)
        if isinstance(value, Tensor) and not isinstance(value, Parameter):
            value = Parameter(value)
        self.register_parameter(key, value)

    def __delitem__(self, key):
        del self._parameters[key]

    def __len__(self) -> int:
        return len(self._parameters)

    def __iter__(self):
        return iter(self._parameters)

    def __contains__(self, key) -> bool:
        return key in self._parameters

    def keys(self):
        return self._parameters.keys()

    def items(self):
        return self._parameters.items()

    def values(self):
        return self._parameters.values()

    def update(self, parameters):
        items = parameters.items() if hasattr(parameters, "items") else parameters
        for k, v in items:
            self[k] = v

    def extra_repr(self) -> str:
        lines = []
        for k, p in self._parameters.items():
            size = "x".join(str(d) for d in p.shape)
            lines.append(f"  ({k}): Parameter containing: [{p.type()} of size {size}]")
        return "\n".join(lines)


for _fn in (
    hardtanh,
    relu6,
    logsigmoid,
    softmin,
    softsign,
    mish,
    selu,
    celu,
    smooth_l1_loss,
    huber_loss,
    kl_div,
    dropout1d,
    dropout2d,
    dropout3d,
    normalize,
    cosine_similarity,
):
    if not hasattr(_functional, _fn.__name__):
        setattr(_functional, _fn.__name__, _fn)
del _fn

__all__ = [
    "CELU",
    "SELU",
    "CosineSimilarity",
    "Dropout1d",
    "Dropout2d",
    "Dropout3d",
    "Hardtanh",
    "HuberLoss",
    "KLDivLoss",
    "LogSigmoid",
    "Mish",
    "ParameterDict",
    "ParameterList",
    "ReLU6",
    "SmoothL1Loss",
    "Softmin",
    "Softsign",
]
