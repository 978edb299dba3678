"""More of ``torch.nn`` for tutorial code: ``Flatten``, ``Unflatten``, ``Embedding``,
``Dropout``, ``BatchNorm1d``/``BatchNorm2d``, ``GELU``, ``SiLU``-free activations,
``L1Loss``, ``BCEWithLogitsLoss``, ``ModuleList``, ``ModuleDict``, and the matching
``nn.functional`` functions (``dropout``, ``embedding``, ``batch_norm``, ``gelu``,
``l1_loss``, ``binary_cross_entropy_with_logits``), attached to :mod:`.functional` at
the bottom as :mod:`.extra` does.
"""

from __future__ import annotations

import math
import numbers
import operator
import warnings

import numpy as np

from ..engine import api as _api
from ..engine import creation
from ..engine.api_extra import _legacy_reduction
from ..engine.argtypes_shape import size_probe, tp_name
from ..engine.device import factory_dtype
from ..engine.ops.unary import EXACT_MAX
from ..engine.random import dropout_noise, memory_order
from ..engine.tensor import Size, Tensor
from . import _ops
from . import functional as _functional
from .modules import Module, _check_param_shape
from .parameter import Parameter

_REDUCTIONS = ("none", "mean", "sum")


def _check_reduction(reduction):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"{reduction} is not a valid value for reduction")


def _tensor_arg(x, fn, arg="input", pos=1):
    if not isinstance(x, Tensor):
        raise TypeError(
            f"{fn}(): argument '{arg}' (position {pos}) must be Tensor, not {tp_name(x)}"
        )


def _warn_target_size(input, target, stacklevel):
    """PyTorch's warning that a loss's target and input differ in size (``stacklevel`` as
    the caller would give it to ``warnings.warn``)."""
    warnings.warn(
        f"Using a target size ({target.shape}) that is different to the input size "
        f"({input.shape}). This will likely lead to incorrect results due to "
        "broadcasting. Please ensure they have the same size.",
        stacklevel=stacklevel + 1,
    )


def _scalar_type(dt) -> str:
    return {
        "float32": "Float",
        "float64": "Double",
        "float16": "Half",
        "int64": "Long",
        "int32": "Int",
        "int16": "Short",
        "int8": "Char",
        "uint8": "Byte",
        "bool": "Bool",
    }.get(np.dtype(dt).name, str(dt))


def _checked_type(dt) -> str:
    """How PyTorch's ``checkScalarTypes`` names a tensor's type: ``torch.FloatTensor`` for
    the legacy tensor types, ``CPUBoolType`` (``CPUComplexFloatType``...) for the others."""
    st = _scalar_type(dt)
    if st in ("Float", "Double", "Half", "Long", "Int", "Short", "Char", "Byte"):
        return f"torch.{st}Tensor"
    return f"CPU{st}Type"


# ---------------------------------------------------------------------- functional


def dropout(input, p=0.5, training=True, inplace=False):
    """Zero each element with probability ``p`` and scale the rest by ``1/(1-p)`` (one
    ``MulBackward0`` with the mask, as PyTorch's CPU dropout); the input itself when not
    training or ``p == 0``."""
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if p != p:  # nan passes the comparisons above; PyTorch's kernel then refuses it
        raise RuntimeError(f"dropout probability has to be between 0 and 1, but got {p}")
    _tensor_arg(input, "dropout")
    if not training or p == 0:
        return input
    arr = input._data
    if arr.dtype.kind not in "fc" and p != 1:
        raise RuntimeError(
            f"result type Float can't be cast to the desired output type {_scalar_type(arr.dtype)}"
        )
    if p == 1:
        noise = np.zeros(arr.shape, dtype=arr.dtype)
    else:
        noise = dropout_noise(arr.shape, p, arr.dtype, memory_order(arr))
    noise_t = Tensor._make(noise)
    if inplace:
        return input.mul_(noise_t)
    return _api.mul(input, noise_t)


def embedding(
    input,
    weight,
    padding_idx=None,
    max_norm=None,
    norm_type=2.0,
    scale_grad_by_freq=False,
    sparse=False,
):
    """``weight[input]`` as one ``EmbeddingBackward0`` node (padding rows get no grad;
    ``scale_grad_by_freq``: each row's gradient divided by how often it was looked up).
    ``max_norm``: first the looked-up rows whose ``norm_type``-norm exceeds it are
    scaled down in place, under ``no_grad``, as PyTorch's ``embedding_renorm_``."""
    _tensor_arg(input, "embedding", "indices", 2)
    _tensor_arg(weight, "embedding", "weight", 1)
    if sparse:
        raise NotImplementedError(
            "autograd_viz: embedding(sparse=True): PyTorch's gradient is then a sparse COO "
            "tensor, which autograd_viz does not have"
        )
    n = weight._data.shape[0] if weight._data.ndim else 1
    if padding_idx is not None:
        if padding_idx > 0:
            if padding_idx >= n:
                raise AssertionError("Padding_idx must be within num_embeddings")
        elif padding_idx < 0:
            if padding_idx < -n:
                raise AssertionError("Padding_idx must be within num_embeddings")
            padding_idx = n + padding_idx
    else:
        padding_idx = -1
    if max_norm is not None:
        _embedding_renorm_(weight, input, max_norm, norm_type)
    if weight._data.ndim != 2:
        raise RuntimeError("'weight' must be 2-D")
    idx = input._data
    if idx.dtype.kind not in "iu" or idx.dtype == np.uint8:
        raise RuntimeError(
            "Expected tensor for argument #1 'indices' to have one of the following scalar "
            f"types: Long, Int; but got {_checked_type(idx.dtype)} instead (while "
            "checking arguments for embedding)"
        )
    if idx.size and (idx.min() < 0 or idx.max() >= n):
        raise IndexError("index out of range in self")
    if scale_grad_by_freq:
        return _ops.EmbeddingBackward0.apply(
            weight, indices=idx, padding_idx=padding_idx, by_freq=True
        )
    return _ops.EmbeddingBackward0.apply(weight, indices=idx, padding_idx=padding_idx)


def _embedding_renorm_(weight, input, max_norm, norm_type):
    """PyTorch's ``embedding_renorm_`` (under ``no_grad``): each distinct looked-up row
    (in increasing index order) whose norm exceeds ``max_norm`` is multiplied by
    ``max_norm / (norm + 1e-7)``, in place."""
    w, idx = weight._data, input._data
    if idx.dtype.kind not in "iu" or idx.dtype == np.uint8 or idx.dtype.itemsize < 4:
        raise RuntimeError(
            "Expected tensor for argument #2 'indices' to have one of the following scalar "
            f"types: Long, Int; but got {_checked_type(idx.dtype)} instead (while "
            "checking arguments for embedding_renorm_)"
        )
    if w.ndim != 2:
        raise RuntimeError(
            f"Expected 2-dimensional tensor, but got {w.ndim}-dimensional tensor for argument "
            "#1 'self' (while checking arguments for embedding_renorm_)"
        )
    n = w.shape[0]
    changed = False
    for k in np.unique(idx):  # sorted, each row once
        k = int(k)
        if not -n <= k < n:
            raise IndexError(
                f"select(): index {k} out of range for tensor of size [{n}, {w.shape[1]}] at "
                "dimension 0"
            )
        row = w[k]
        norm = float(
            _norm_value(row, norm_type)
        )  # (PyTorch: the row's norm in its dtype, then a double)
        if norm > max_norm:
            row *= w.dtype.type(max_norm / (norm + 1e-7))
            changed = True
    if changed or idx.size:
        weight._vbox[0] += 1


def _norm_value(row, p):
    a = np.abs(row)
    if p == 2:
        return np.sqrt(np.sum(row * row, dtype=row.dtype))
    if p == 1:
        return np.sum(a, dtype=row.dtype)
    if p == math.inf:
        return a.max()
    if p == -math.inf:
        return a.min()
    if p == 0:
        return np.count_nonzero(row)
    return np.sum(a ** row.dtype.type(p), dtype=row.dtype) ** row.dtype.type(1.0 / p)


def _norm_dtype_check(x, params, kernel):
    """PyTorch's CPU normalisation kernels: floating input, parameters of the input's dtype
    (float32 parameters may go with a float16 input)."""
    if kernel == "batch_norm" and x.dtype.kind != "f":
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{_scalar_type(x.dtype)}'")
    dts = {p._data.dtype for p in params if p is not None}
    if dts and dts != {x.dtype} and not (x.dtype == np.float16 and dts == {np.dtype(np.float32)}):
        if x.dtype == np.float32 and kernel == "batch_norm":
            raise RuntimeError("mixed dtype (CPU): expect parameter to have scalar type of Float")
        raise RuntimeError("mixed dtype (CPU): all inputs must share same datatype.")
    if x.dtype.kind != "f":
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{_scalar_type(x.dtype)}'")


def batch_norm(
    input,
    running_mean,
    running_var,
    weight=None,
    bias=None,
    training=False,
    momentum=0.1,
    eps=1e-05,
):
    """Normalise over the batch (and length) dimensions: one ``NativeBatchNormBackward0``.
    In training the running statistics move by ``momentum`` towards the batch mean and
    the unbiased batch variance."""
    _tensor_arg(input, "batch_norm")
    x = input._data
    if x.ndim < 2:
        raise ValueError(f"Expected 2D or 3D input (got {x.ndim}D input)")
    c = x.shape[1]
    axes = (0, *tuple(range(2, x.ndim)))
    if training and eps <= 0.0:
        raise ValueError(f"batch_norm eps must be positive during training, but got {eps}")
    if eps < 0.0:
        raise ValueError(f"batch_norm eps must be non-negative, but got {eps}")
    if x.size == 0:  # PyTorch's empty input: a clone times weight[0] plus bias[0], no stats
        out = input.clone()
        if weight is not None:
            out = out * weight[0]
        if bias is not None:
            out = out + bias[0]
        return out
    if training and x.size == c:  # (one value per channel; an empty batch passes)
        raise ValueError(
            f"Expected more than 1 value per channel when training, got input size {Size(x.shape)}"
        )
    for name, given in (("running_mean", running_mean), ("running_var", running_var)):
        if isinstance(given, Tensor) and given._data.size != c:
            raise RuntimeError(f"{name} should contain {c} elements not {given._data.size}")
    if training:
        n = x.size // c if c else 0
        if n == 1:  # (PyTorch's check: an empty batch passes)
            raise ValueError(
                "Expected more than 1 value per channel when training, got input size "
                f"{Size(x.shape)}"
            )
        _norm_dtype_check(x, (weight, bias, running_mean, running_var), "batch_norm")
        if x.dtype == np.float32 and (x.size <= EXACT_MAX or x.size != x.shape[0] * c):
            # (an (N, C) batch past EXACT_MAX takes the double statistics below: its exact
            # route loops over the rows; with spatial dims the exact route is vectorized)
            mean, var_sum = _bn_stats32(x, axes)
            var = var_sum / np.float32(n)  # (float32, as PyTorch divides)
            unbiased = var_sum / np.float32(n - 1) if n > 1 else np.float32(np.nan)
            invstd = 1.0 / np.sqrt(var.astype(np.float64) + eps)
        else:  # (bigger tensors: the statistics in double, numpy's order)
            x64 = x.astype(np.float64)
            mean = x64.mean(axis=axes)
            var = x64.var(axis=axes)
            unbiased = var * n / (n - 1)
            invstd = 1.0 / np.sqrt(var + eps)
            if x.dtype == np.float32:
                mean, unbiased = mean.astype(np.float32), unbiased.astype(np.float32)
        if running_mean is not None:
            rm = running_mean._data
            if rm.dtype == np.float32:  # PyTorch's float32 update
                rm[...] = np.float32(momentum) * mean + np.float32(1 - momentum) * rm
            else:
                rm *= 1 - momentum
                rm += (momentum * mean).astype(rm.dtype)
            running_mean._vbox[0] += 1
        if running_var is not None:
            rv = running_var._data
            if rv.dtype == np.float32:  # (the same, as one fused multiply-add)
                keep = (np.float32(1 - momentum) * rv).astype(np.float64)
                rv[...] = np.float64(np.float32(momentum)) * unbiased.astype(np.float32) + keep
            else:
                rv *= 1 - momentum
                rv += (momentum * unbiased).astype(rv.dtype)
            running_var._vbox[0] += 1
    else:
        for name, given in (("running_mean", running_mean), ("running_var", running_var)):
            if given is None:
                raise RuntimeError(f"{name} must be defined in evaluation mode")
        _norm_dtype_check(x, (weight, bias, running_mean, running_var), "batch_norm")
        rv = running_var._data
        mean = running_mean._data.astype(np.float64)
        if x.dtype == np.float32 and rv.dtype == np.float32:  # (float32, as PyTorch)
            invstd = np.float32(1) / np.sqrt(rv + np.float32(eps))
        else:
            invstd = 1.0 / np.sqrt(rv.astype(np.float64) + eps)
    return _ops.NativeBatchNormBackward0.apply(
        input,
        weight,
        bias,
        training=training,
        mean=mean.astype(x.dtype),
        invstd=invstd.astype(x.dtype),
        eps=eps,
    )


def _bn_stats32(x, axes):
    """A float32 batch's per-channel mean and sum of squared deviations as PyTorch's CPU
    kernel computes them: for (N, C) (and N×C×1…) its channels-last kernel (float32
    running sums down the rows, the mean divided in double; the squares added by fused
    multiply-adds), else per channel in double (the mean rounded to float32, each squared
    deviation a float32 product).  (Up to ``EXACT_MAX`` elements: a loop over the rows.)"""
    n_ch = x.shape[1]
    if x.size // (x.shape[0] * n_ch or 1) == 1:
        rows = x.reshape(x.shape[0], n_ch)
        n = rows.shape[0]
        mean = (np.add.accumulate(rows, axis=0)[-1].astype(np.float64) / n).astype(np.float32)
        acc = np.zeros(n_ch, np.float32)
        for r in range(n):
            d = rows[r] - mean
            acc = (d.astype(np.float64) * d + acc).astype(np.float32)
        return mean, acc
    n = x.size // n_ch
    shape = [1] * x.ndim
    shape[1] = n_ch
    # (summed in double without a double copy: numpy converts block by block)
    mean = (np.add.reduce(x, axis=axes, dtype=np.float64) / n).astype(np.float32)
    d = x - mean.reshape(shape)
    np.multiply(d, d, out=d)
    var_sum = np.add.reduce(d, axis=axes, dtype=np.float64).astype(np.float32)
    return mean, var_sum


def gelu(input, approximate="none"):
    _tensor_arg(input, "gelu")
    if approximate not in ("none", "tanh"):
        raise RuntimeError("approximate argument must be either none or tanh.")
    if input._data.dtype.kind != "f":
        raise NotImplementedError(
            f"\"GeluKernelImpl\" not implemented for '{_scalar_type(input._data.dtype)}'"
        )
    return _ops.GeluBackward0.apply(input, approximate=approximate)


def l1_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    """``|input − target|`` reduced: ``AbsBackward0`` then ``MeanBackward0`` /
    ``SumBackward0``, as PyTorch builds it."""
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce)
    if not isinstance(input, Tensor) or not isinstance(target, Tensor):
        size_probe(target, input)
    _tensor_arg(input, "l1_loss")
    _tensor_arg(target, "l1_loss", "target", 2)
    if target.shape != input.shape:
        _warn_target_size(input, target, stacklevel=2)
    _check_reduction(reduction)
    d = _api.abs(_api.sub(input, target))
    if reduction == "none":
        return d
    if reduction == "sum":
        return _api.sum(d)
    return _api.mean(d)


def binary_cross_entropy_with_logits(
    input,
    target,
    weight=None,
    size_average=None,
    reduce=None,
    reduction="mean",
    pos_weight=None,
):
    """``(1 − t)·x − w_p·log σ(x)`` (``w_p = 1 + (pos_weight − 1)·t``), times ``weight``,
    reduced: one ``BinaryCrossEntropyWithLogitsBackward0`` (slots: input, target)."""
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce)
    if not isinstance(input, Tensor) or not isinstance(target, Tensor):
        size_probe(target, input)
    _tensor_arg(input, "binary_cross_entropy_with_logits")
    _tensor_arg(target, "binary_cross_entropy_with_logits", "target", 2)
    _check_reduction(reduction)
    x = input._data
    if target._data.shape != x.shape:
        raise ValueError(
            f"Target size ({target.shape}) must be the same as input size ({input.shape})"
        )
    arrs = {}
    for name, v, pos in (("weight", weight, 3), ("pos_weight", pos_weight, 4)):
        if v is None:
            arrs[name] = None
            continue
        _tensor_arg(v, "binary_cross_entropy_with_logits", name, pos)
        if name == "pos_weight" and v._data.dtype.kind == "b":  # (PyTorch's pos_weight - 1)
            raise RuntimeError(
                "Subtraction, the `-` operator, with a bool tensor is not supported. If you are "
                "trying to invert a mask, use the `~` or `logical_not()` operator instead."
            )
        if v.requires_grad:
            raise RuntimeError(
                "The function 'binary_cross_entropy_with_logits' is not differentiable "
                f"with respect to argument '{name}'. This input cannot have requires_grad True."
            )
        try:
            arrs[name] = np.broadcast_to(v._data, x.shape)
        except ValueError:
            # PyTorch's ``(pos_weight - 1) * target`` / ``loss * weight``: its a and b
            pair = (v._data, x) if name == "pos_weight" else (x, v._data)
            err = _api._broadcast_error(*pair)
            if err is not None:
                raise err from None
            raise RuntimeError(
                f"The size of tensor a ({v._data.shape[-1] if v._data.ndim else 1}) must "
                f"match the size of tensor b ({x.shape[-1] if x.ndim else 1}) at "
                "non-singleton dimension "
                f"{max(v._data.ndim, x.ndim) - 1}"
            ) from None
    if x.dtype.kind != "f":  # (PyTorch's log_sigmoid kernel comes first)
        raise NotImplementedError(
            f"\"log_sigmoid_cpu\" not implemented for '{_scalar_type(x.dtype)}'"
        )
    if target._data.dtype.kind == "b":  # (its 1 - target)
        raise RuntimeError(
            "Subtraction, the `-` operator, with two bool tensors is not supported. Use the "
            "`^` or `logical_xor()` operator instead."
        )
    if target._data.dtype.kind != "f":
        raise RuntimeError(
            "result type Float can't be cast to the desired output type "
            f"{_scalar_type(target._data.dtype)}"
        )
    return _ops.BinaryCrossEntropyWithLogitsBackward0.apply(
        input,
        target,
        weight=arrs["weight"],
        pos_weight=arrs["pos_weight"],
        reduction=reduction,
    )


# ---------------------------------------------------------------------- modules


class Flatten(Module):
    def __init__(self, start_dim=1, end_dim=-1):
        super().__init__()
        self.start_dim = start_dim
        self.end_dim = end_dim

    def forward(self, input):
        return input.flatten(self.start_dim, self.end_dim)  # (PyTorch's: the method)

    def extra_repr(self) -> str:
        return f"start_dim={self.start_dim}, end_dim={self.end_dim}"


class Unflatten(Module):
    def __init__(self, dim, unflattened_size):
        super().__init__()
        if isinstance(dim, int):  # (PyTorch's _require_tuple_int)
            if not isinstance(unflattened_size, tuple | list):
                raise TypeError(
                    "unflattened_size must be a tuple of ints, but found type "
                    f"{type(unflattened_size).__name__}"
                )
            for idx, elem in enumerate(unflattened_size):
                if not isinstance(elem, int):
                    raise TypeError(
                        "unflattened_size must be tuple of ints, but found element of type "
                        f"{type(elem).__name__} at pos {idx}"
                    )
        elif not isinstance(dim, str):
            raise TypeError("invalid argument type for dim parameter")
        self.dim = dim
        self.unflattened_size = tuple(unflattened_size)

    def forward(self, input):
        if not isinstance(input, Tensor):
            return input.unflatten(self.dim, self.unflattened_size)
        shape = list(input.shape)
        d = self.dim if self.dim >= 0 else self.dim + len(shape)
        new = shape[:d] + list(self.unflattened_size) + shape[d + 1 :]
        try:
            if 0 <= d < len(shape) and math.prod(self.unflattened_size) != shape[d]:
                raise RuntimeError  # (an empty tensor views as any empty shape)
            return _api.view(input, *new)
        except (RuntimeError, TypeError):  # (PyTorch's forward is ``input.unflatten``: its errors)
            return input.unflatten(self.dim, self.unflattened_size)

    def extra_repr(self) -> str:
        return f"dim={self.dim}, unflattened_size={self.unflattened_size}"


def _embedding_weight(num_embeddings, embedding_dim, padding_idx, _weight, dtype, device, rg=True):
    """The ``weight`` Parameter of Embedding and EmbeddingBag: drawn from N(0, 1) with
    ``padding_idx``'s row zero, or ``_weight`` when its shape is right."""
    if _weight is None:
        npd = factory_dtype(dtype, device)
        dims = _check_param_shape((num_embeddings, embedding_dim))
        w = creation._rng[0].normal_t(dims, npd)
        if padding_idx is not None:
            if padding_idx.__class__ is not int:  # (PyTorch indexes the weight tensor with it)
                from ..engine.api import _key_items

                _key_items(padding_idx)
            w[padding_idx] = 0
        return Parameter(Tensor._make(w), requires_grad=rg)
    if list(_weight.shape) != [num_embeddings, embedding_dim]:
        raise AssertionError("Shape of weight does not match num_embeddings and embedding_dim")
    return Parameter(_weight, requires_grad=rg)


class Embedding(Module):
    """A lookup table: ``weight`` (``num_embeddings × embedding_dim``, drawn from N(0, 1)),
    ``padding_idx``'s row zero and receiving no gradient."""

    def __init__(
        self,
        num_embeddings,
        embedding_dim,
        padding_idx=None,
        max_norm=None,
        norm_type=2.0,
        scale_grad_by_freq=False,
        sparse=False,
        _weight=None,
        _freeze=False,
        device=None,
        dtype=None,
    ):
        super().__init__()
        self.num_embeddings = num_embeddings
        self.embedding_dim = embedding_dim
        if padding_idx is not None:
            if padding_idx > 0:
                assert padding_idx < num_embeddings, "Padding_idx must be within num_embeddings"
            elif padding_idx < 0:
                assert padding_idx >= -num_embeddings, "Padding_idx must be within num_embeddings"
                padding_idx = num_embeddings + padding_idx
        self.padding_idx = padding_idx
        self.max_norm = max_norm
        self.norm_type = norm_type
        self.scale_grad_by_freq = scale_grad_by_freq
        self.sparse = sparse
        self.weight = _embedding_weight(
            num_embeddings, embedding_dim, padding_idx, _weight, dtype, device, not _freeze
        )

    def forward(self, input):
        return embedding(
            input,
            self.weight,
            self.padding_idx,
            self.max_norm,
            self.norm_type,
            self.scale_grad_by_freq,
            self.sparse,
        )

    def extra_repr(self) -> str:
        s = f"{self.num_embeddings}, {self.embedding_dim}"
        if self.padding_idx is not None:
            s += f", padding_idx={self.padding_idx}"
        if self.max_norm is not None:
            s += f", max_norm={self.max_norm}"
        if self.norm_type != 2:
            s += f", norm_type={self.norm_type}"
        if self.scale_grad_by_freq:
            s += ", scale_grad_by_freq=True"
        if self.sparse:
            s += ", sparse=True"
        return s

    @classmethod
    def from_pretrained(
        cls,
        embeddings,
        freeze=True,
        padding_idx=None,
        max_norm=None,
        norm_type=2.0,
        scale_grad_by_freq=False,
        sparse=False,
    ):
        if embeddings.dim() != 2:
            raise AssertionError("Embeddings parameter is expected to be 2-dimensional")
        rows, cols = embeddings.shape
        return cls(
            num_embeddings=rows,
            embedding_dim=cols,
            _weight=embeddings,
            _freeze=freeze,
            padding_idx=padding_idx,
            max_norm=max_norm,
            norm_type=norm_type,
            scale_grad_by_freq=scale_grad_by_freq,
            sparse=sparse,
        )


class _DropoutNd(Module):
    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        if p < 0 or p > 1:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p = p
        self.inplace = inplace

    def extra_repr(self) -> str:
        return f"p={self.p}, inplace={self.inplace}"


class Dropout(_DropoutNd):
    def forward(self, input):
        return dropout(input, self.p, self.training, self.inplace)


class _BatchNorm(Module):
    _expected_dims = (2, 3)
    _version = 2  # (num_batches_tracked came with version 2)

    def __init__(
        self,
        num_features,
        eps=1e-05,
        momentum=0.1,
        affine=True,
        track_running_stats=True,
        device=None,
        dtype=None,
        bias=True,
    ):
        super().__init__()
        self.num_features = num_features
        self._has_bias = bool(affine and bias)
        self.eps = eps
        self.momentum = momentum
        self.affine = affine
        self.track_running_stats = track_running_stats
        npd = factory_dtype(dtype, device)
        (n,) = _check_param_shape(num_features)
        if affine:
            self.weight = Parameter(Tensor._make(np.ones(n, dtype=npd)))
            if self._has_bias:
                self.bias = Parameter(Tensor._make(np.zeros(n, dtype=npd)))
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)
        if track_running_stats:
            self.register_buffer("running_mean", Tensor._make(np.zeros(n, dtype=npd)))
            self.register_buffer("running_var", Tensor._make(np.ones(n, dtype=npd)))
            self.register_buffer("num_batches_tracked", Tensor._make(np.array(0, dtype=np.int64)))
        else:
            self.register_buffer("running_mean", None)
            self.register_buffer("running_var", None)
            self.register_buffer("num_batches_tracked", None)

    def _upgrade_state_dict(self, state_dict, prefix, version):
        """PyTorch's ``_NormBase._load_from_state_dict``: a state dict of no version or
        version 1 (a plain dict, the keys of ``nn.DataParallel``'s ``module.``-prefixed dict
        renamed) may lack ``num_batches_tracked``: the module's own is taken (not missing)."""
        if (version is None or version < 2) and self.track_running_stats:
            key = prefix + "num_batches_tracked"
            if key not in state_dict:
                nbt = self.num_batches_tracked
                state_dict[key] = (
                    nbt if nbt is not None else Tensor._make(np.array(0, dtype=np.int64))
                )

    def reset_running_stats(self):
        if self.track_running_stats:
            self.running_mean._data[...] = 0
            self.running_var._data[...] = 1
            self.num_batches_tracked._data[...] = 0

    def reset_parameters(self):
        self.reset_running_stats()
        if self.affine:
            self.weight._data[...] = 1
            if self.bias is not None:
                self.bias._data[...] = 0

    def _check_input_dim(self, input):
        if input.dim() not in self._expected_dims:
            want = " or ".join(f"{d}D" for d in self._expected_dims)
            raise ValueError(f"expected {want} input (got {input.dim()}D input)")

    def forward(self, input):
        self._check_input_dim(input)
        x = input._data
        if self.running_mean is not None and x.shape[1] != self.num_features and x.size:
            if self.training and x.size == x.shape[1]:  # (F.batch_norm's batch-size check)
                raise ValueError(
                    "Expected more than 1 value per channel when training, got input size "
                    f"{input.shape}"
                )
            raise RuntimeError(
                f"running_mean should contain {input.shape[1]} elements not {self.num_features}"
            )
        momentum = 0.0 if self.momentum is None else self.momentum
        if self.training and self.track_running_stats:
            self.num_batches_tracked._data += 1
            self.num_batches_tracked._vbox[0] += 1
            if self.momentum is None:
                momentum = 1.0 / float(self.num_batches_tracked._data)
        bn_training = self.training or self.running_mean is None
        use_stats = not self.training or self.track_running_stats
        return batch_norm(
            input,
            self.running_mean if use_stats else None,
            self.running_var if use_stats else None,
            self.weight,
            self.bias,
            bn_training,
            momentum,
            self.eps,
        )

    def extra_repr(self) -> str:
        return (
            f"{self.num_features}, eps={self.eps}, momentum={self.momentum}, "
            f"affine={self.affine}, bias={self._has_bias}, "
            f"track_running_stats={self.track_running_stats}"
        )


class BatchNorm1d(_BatchNorm):
    _expected_dims = (2, 3)


class BatchNorm2d(_BatchNorm):
    _expected_dims = (4,)


class GELU(Module):
    def __init__(self, approximate="none"):
        super().__init__()
        self.approximate = approximate

    def forward(self, input):
        return gelu(input, self.approximate)

    def extra_repr(self) -> str:
        return f"approximate={self.approximate!r}"


class L1Loss(Module):
    def __init__(self, size_average=None, reduce=None, reduction="mean"):
        super().__init__()
        if size_average is not None or reduce is not None:
            reduction = _legacy_reduction(size_average, reduce)
        self.reduction = reduction

    def forward(self, input, target):
        return l1_loss(input, target, reduction=self.reduction)


class BCEWithLogitsLoss(Module):
    def __init__(
        self, weight=None, size_average=None, reduce=None, reduction="mean", pos_weight=None
    ):
        super().__init__()
        if size_average is not None or reduce is not None:
            reduction = _legacy_reduction(size_average, reduce)
        self.reduction = reduction
        self.register_buffer("weight", weight)
        self.register_buffer("pos_weight", pos_weight)

    def forward(self, input, target):
        return binary_cross_entropy_with_logits(
            input, target, self.weight, reduction=self.reduction, pos_weight=self.pos_weight
        )


# ---------------------------------------------------------------------- containers


class ModuleList(Module):
    """A list of modules, registered as ``"0"``, ``"1"``, ..."""

    def __init__(self, modules=None):
        super().__init__()
        if modules is not None:
            self.extend(modules)

    def _index(self, idx):
        idx = operator.index(idx)
        n = len(self)
        if not (-n <= idx < n):
            raise IndexError(f"index {idx} is out of range")
        return str(idx % n)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return ModuleList(list(self._modules.values())[idx])
        return self._modules[self._index(idx)]

    def __setitem__(self, idx, module):
        setattr(self, self._index(idx), module)

    def __delitem__(self, idx):
        mods = list(self._modules.values())
        del mods[idx if isinstance(idx, slice) else int(self._index(idx))]
        self._modules.clear()
        for i, m in enumerate(mods):
            self._modules[str(i)] = m

    def __len__(self) -> int:
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules.values())

    def __iadd__(self, modules):
        return self.extend(modules)

    def __add__(self, other):
        combined = ModuleList()
        for i, module in enumerate((*self, *other)):
            combined.add_module(str(i), module)
        return combined

    def pop(self, key):
        v = self[key]
        del self[key]
        return v

    def append(self, module):
        self.add_module(str(len(self)), module)
        return self

    def extend(self, modules):
        if not hasattr(modules, "__iter__"):  # (PyTorch's ``isinstance(modules, Iterable)``)
            raise TypeError(
                "ModuleList.extend should be called with an iterable, but got "
                f"{type(modules).__name__}"
            )
        for m in modules:
            self.append(m)
        return self

    def insert(self, index, module):
        mods = list(self._modules.values())
        mods.insert(index, module)
        self._modules.clear()
        for i, m in enumerate(mods):
            self._modules[str(i)] = m

    def forward(self, *args, **kwargs):
        raise NotImplementedError('Module [ModuleList] is missing the required "forward" function')

    def __repr__(self) -> str:
        # PyTorch groups runs of identical children: "(0-2): 3 x Linear(...)"
        items = [(n, repr(m)) for n, m in self._modules.items()]
        if not items:
            return self._get_name() + "()"
        lines = []
        i = 0
        while i < len(items):
            j = i
            while j + 1 < len(items) and items[j + 1][1] == items[i][1]:
                j += 1
            r = items[i][1].replace("\n", "\n  ")
            if j > i:
                lines.append(f"({items[i][0]}-{items[j][0]}): {j - i + 1} x {r}")
            else:
                lines.append(f"({items[i][0]}): {r}")
            i = j + 1
        return self._get_name() + "(\n  " + "\n  ".join(lines) + "\n)"


class ModuleDict(Module):
    """A dict of modules, registered under their keys (insertion order)."""

    def __init__(self, modules=None):
        super().__init__()
        if modules is not None:
            self.update(modules)

    def __getitem__(self, key):
        return self._modules[key]

    def __setitem__(self, key, module):
        self.add_module(key, module)

    def __delitem__(self, key):
        del self._modules[key]

    def __len__(self) -> int:
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules)

    def __contains__(self, key) -> bool:
        return key in self._modules

    def keys(self):
        return self._modules.keys()

    def items(self):
        return self._modules.items()

    def values(self):
        return self._modules.values()

    def pop(self, key):
        v = self[key]
        del self[key]
        return v

    def clear(self):
        self._modules.clear()

    def update(self, modules):
        if not hasattr(modules, "__iter__"):
            raise TypeError(
                "ModuleDict.update should be called with an iterable of key/value pairs, but "
                f"got {type(modules).__name__}"
            )
        if hasattr(modules, "items"):
            for k, m in modules.items():
                self[k] = m
            return
        for j, m in enumerate(modules):
            if not hasattr(m, "__iter__"):
                raise TypeError(
                    f"ModuleDict update sequence element #{j} should be Iterable; is"
                    + type(m).__name__
                )
            if len(m) != 2:
                raise ValueError(
                    f"ModuleDict update sequence element #{j} has length {len(m)}; 2 is required"
                )
            self[m[0]] = m[1]

    def forward(self, *args, **kwargs):
        raise NotImplementedError('Module [ModuleDict] is missing the required "forward" function')


# ``torch.nn.functional`` names: attached to the functional module
for _fn in (dropout, embedding, batch_norm, gelu, l1_loss, binary_cross_entropy_with_logits):
    if not hasattr(_functional, _fn.__name__):
        setattr(_functional, _fn.__name__, _fn)
del _fn

__all__ = [
    "GELU",
    "BCEWithLogitsLoss",
    "BatchNorm1d",
    "BatchNorm2d",
    "Dropout",
    "Embedding",
    "Flatten",
    "L1Loss",
    "ModuleDict",
    "ModuleList",
    "Unflatten",
]


# ---------------------------------------------------------------------- more layers


def _all_int(seq):
    for d in seq:  # noqa: SIM110  (a plain loop: quicker than all() on a generator)
        if d.__class__ is not int:
            return False
    return True


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05):
    """Normalise over the last ``len(normalized_shape)`` dimensions: one
    ``NativeLayerNormBackward0`` (slots: input, weight, bias)."""
    _tensor_arg(input, "layer_norm")
    if normalized_shape.__class__ is not tuple or not _all_int(normalized_shape):
        from ..engine.argtypes_shape import intlist

        normalized_shape = intlist("layer_norm", "normalized_shape", normalized_shape, 2)
    _norm_dtype_check(input._data, (weight, bias), "LayerNormKernelImpl")
    nd = len(normalized_shape)
    shape = tuple(input._data.shape)
    for name, p in (("weight", weight), ("bias", bias)):
        if isinstance(p, Tensor) and nd and tuple(p._data.shape) != tuple(normalized_shape):
            raise RuntimeError(
                f"Expected {name} to be of same shape as normalized_shape, but got {name} of "
                f"shape {list(p._data.shape)} and normalized_shape = "
                f"{[int(d) for d in normalized_shape]}"
            )
    if nd == 0 or shape[len(shape) - nd :] != normalized_shape or len(shape) < nd:
        raise RuntimeError(
            f"Given normalized_shape={[int(d) for d in normalized_shape]}, expected input "
            f"with shape [*, {', '.join(str(int(d)) for d in normalized_shape)}], but got "
            "input of size"
            f"[{', '.join(str(d) for d in shape)}]"
        )
    return _ops.NativeLayerNormBackward0.apply(input, weight, bias, nd=nd, eps=eps)


def _float_unary(name, input):
    _tensor_arg(input, name)
    if input._data.dtype.kind != "f":
        raise NotImplementedError(
            f"\"{name}_cpu\" not implemented for '{_scalar_type(input._data.dtype)}'"
        )


def silu(input, inplace=False):
    _float_unary("silu", input)
    return _ops.SiluBackward0.apply(input)


def softplus(input, beta=1.0, threshold=20.0):
    _float_unary("softplus", input)
    if beta.__class__ is not float or threshold.__class__ is not float:
        from ..engine.argtypes_shape import number_arg

        beta = number_arg("softplus", "beta", beta, real=True)
        threshold = number_arg("softplus", "threshold", threshold, real=True)
    return _ops.SoftplusBackward0.apply(input, beta=beta, threshold=threshold)


def elu(input, alpha=1.0, inplace=False):
    _float_unary("elu", input)
    if alpha.__class__ is not float:
        from ..engine.argtypes_shape import number_arg

        alpha = number_arg("elu", "alpha", alpha, 2, real=True)
    if inplace:
        from .torch_functions import elu_

        return elu_(input, alpha)
    return _ops.EluBackward0.apply(input, alpha=alpha)


class LayerNorm(Module):
    def __init__(
        self,
        normalized_shape,
        eps=1e-05,
        elementwise_affine=True,
        bias=True,
        device=None,
        dtype=None,
    ):
        super().__init__()
        if isinstance(normalized_shape, numbers.Integral):
            normalized_shape = (normalized_shape,)
        self.normalized_shape = tuple(normalized_shape)
        self.eps = eps
        self.elementwise_affine = elementwise_affine
        self._has_bias = bool(elementwise_affine and bias)
        npd = factory_dtype(dtype, device)
        dims = _check_param_shape(self.normalized_shape)
        if elementwise_affine:
            self.weight = Parameter(Tensor._make(np.ones(dims, dtype=npd)))
            if bias:
                self.bias = Parameter(Tensor._make(np.zeros(dims, dtype=npd)))
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)

    def forward(self, input):
        return layer_norm(input, self.normalized_shape, self.weight, self.bias, self.eps)

    def extra_repr(self) -> str:
        return (
            f"{self.normalized_shape}, eps={self.eps}, "
            f"elementwise_affine={self.elementwise_affine}, bias={self._has_bias}"
        )


class SiLU(Module):
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return silu(input)

    def extra_repr(self) -> str:
        return "inplace=True" if self.inplace else ""


class Softplus(Module):
    def __init__(self, beta=1.0, threshold=20.0):
        super().__init__()
        self.beta = beta
        self.threshold = threshold

    def forward(self, input):
        return softplus(input, self.beta, self.threshold)

    def extra_repr(self) -> str:
        return f"beta={self.beta}, threshold={self.threshold}"


class ELU(Module):
    def __init__(self, alpha=1.0, inplace=False):
        super().__init__()
        self.alpha = alpha
        self.inplace = inplace

    def forward(self, input):
        return elu(input, self.alpha)

    def extra_repr(self) -> str:
        return f"alpha={self.alpha}" + (", inplace=True" if self.inplace else "")


for _fn in (layer_norm, silu, softplus, elu):
    if not hasattr(_functional, _fn.__name__):
        setattr(_functional, _fn.__name__, _fn)
del _fn
__all__ += ["ELU", "LayerNorm", "SiLU", "Softplus"]
