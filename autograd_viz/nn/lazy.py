"""Lazy modules (``nn.LazyLinear``, ``nn.LazyConv1d/2d``, ``nn.LazyBatchNorm1d/2d``), which
Dive into Deep Learning uses throughout: the input size is read from the first batch, the
parameters are made then (PyTorch's initialisation) and the module becomes the ordinary
class (``type(m) == nn.Linear`` afterwards, as in PyTorch)."""

from __future__ import annotations

import math

import numpy as np

from ..engine import creation
from ..engine.tensor import Tensor
from .conv import Conv1d, Conv2d
from .layers import BatchNorm1d, BatchNorm2d
from .modules import Linear
from .parameter import UninitializedBuffer, UninitializedParameter


def _is_lazy(t):
    return isinstance(t, (UninitializedParameter, UninitializedBuffer))


class LazyModuleMixin:
    """Before the first call: ``initialize_parameters(*args)`` from the inputs, then the
    module's class becomes ``cls_to_become`` (the hook PyTorch registers, run first)."""

    cls_to_become = None

    def has_uninitialized_params(self):
        return any(_is_lazy(t) for t in (*self._parameters.values(), *self._buffers.values()))

    def initialize_parameters(self, *args, **kwargs):
        raise NotImplementedError(
            f"initialize_parameters is not implemented for {type(self).__name__}"
        )

    def __call__(self, *args, **kwargs):
        self.initialize_parameters(*args, **kwargs)
        if self.has_uninitialized_params():
            raise RuntimeError(f"module {self._get_name()} has not been fully initialized")
        if self.cls_to_become is not None:
            self.__class__ = self.cls_to_become
        return self.__call__(*args, **kwargs)


def _uniform_(p, bound):
    p._data[...] = creation._rng[0].uniform_t(p._data.shape, p._data.dtype, -bound, bound)


class LazyLinear(LazyModuleMixin, Linear):
    """``nn.Linear`` whose ``in_features`` is the last size of the first input."""

    cls_to_become = Linear

    def __init__(self, out_features, bias=True, device=None, dtype=None):
        Linear.__init__(self, 0, 0, False, device=device, dtype=dtype)
        self.weight = UninitializedParameter(device=device, dtype=dtype)
        self.out_features = out_features
        if bias:
            self.bias = UninitializedParameter(device=device, dtype=dtype)

    def initialize_parameters(self, input, *args, **kwargs):
        if self.has_uninitialized_params():
            self.in_features = input.shape[-1]
            self.weight.materialize((self.out_features, self.in_features))
            bound = 1.0 / math.sqrt(self.in_features) if self.in_features > 0 else 0.0
            _uniform_(self.weight, bound)
            if self.bias is not None:
                self.bias.materialize((self.out_features,))
                _uniform_(self.bias, bound)


class _LazyConvMixin(LazyModuleMixin):
    """LazyConv1d/2d: ``cls_to_become``'s own ``__init__`` with 0 channels and no bias,
    then an uninitialised weight (and bias)."""

    def __init__(
        self, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True,
        padding_mode="zeros", device=None, dtype=None,
    ):  # fmt: skip
        self.cls_to_become.__init__(
            self, 0, 0, kernel_size, stride, padding, dilation, groups, False, padding_mode,
            device=device, dtype=dtype,
        )  # fmt: skip
        self.weight = UninitializedParameter(device=device, dtype=dtype)
        self.out_channels = out_channels
        if bias:
            self.bias = UninitializedParameter(device=device, dtype=dtype)

    def initialize_parameters(self, input, *args, **kwargs):
        if not self.has_uninitialized_params():
            return
        nsp = len(self.kernel_size)
        if input.dim() not in (nsp + 1, nsp + 2):
            raise RuntimeError(
                f"Expected {nsp + 1}D (unbatched) or {nsp + 2}D (batched) input to "
                f"{type(self).__name__}, but got input of size: {input.shape}"
            )
        self.in_channels = input.shape[1] if input.dim() == nsp + 2 else input.shape[0]
        if self.in_channels % self.groups != 0:
            raise ValueError("in_channels must be divisible by groups")
        shape = (self.out_channels, self.in_channels // self.groups, *self.kernel_size)
        self.weight.materialize(shape)
        fan_in = shape[1] * math.prod(self.kernel_size)
        bound = 1.0 / math.sqrt(fan_in) if fan_in > 0 else 0.0
        _uniform_(self.weight, bound)
        if self.bias is not None:
            self.bias.materialize((self.out_channels,))
            _uniform_(self.bias, bound)


class LazyConv1d(_LazyConvMixin, Conv1d):
    """``nn.Conv1d`` whose ``in_channels`` is read from the first input."""

    cls_to_become = Conv1d


class LazyConv2d(_LazyConvMixin, Conv2d):
    """``nn.Conv2d`` whose ``in_channels`` is read from the first input."""

    cls_to_become = Conv2d


class _LazyNormMixin(LazyModuleMixin):
    """LazyBatchNorm1d/2d: ``cls_to_become``'s own ``__init__`` with 0 features and no
    affine or running statistics, then uninitialised ones."""

    def __init__(
        self, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True, device=None,
        dtype=None, *, bias=True,
    ):  # fmt: skip
        self.cls_to_become.__init__(
            self, 0, eps, momentum, False, False, device=device, dtype=dtype
        )
        self.affine = affine
        self.track_running_stats = track_running_stats
        self._has_bias = bool(affine and bias)
        if affine:
            self.weight = UninitializedParameter(device=device, dtype=dtype)
            if bias:
                self.bias = UninitializedParameter(device=device, dtype=dtype)
        if track_running_stats:
            self.running_mean = UninitializedBuffer(device=device, dtype=dtype)
            self.running_var = UninitializedBuffer(device=device, dtype=dtype)
            self.num_batches_tracked = Tensor._make(np.array(0, dtype=np.int64))

    def initialize_parameters(self, input, *args, **kwargs):
        if not self.has_uninitialized_params():
            return
        self.num_features = n = input.shape[1]
        if self.affine:
            self.weight.materialize((n,))
            self.weight._data[...] = 1
            if self.bias is not None:
                self.bias.materialize((n,))
                self.bias._data[...] = 0
        if self.track_running_stats:
            self.running_mean.materialize((n,))
            self.running_mean._data[...] = 0
            self.running_var.materialize((n,))
            self.running_var._data[...] = 1
            self.num_batches_tracked._data[...] = 0


class LazyBatchNorm1d(_LazyNormMixin, BatchNorm1d):
    """``nn.BatchNorm1d`` whose ``num_features`` is read from the first input."""

    cls_to_become = BatchNorm1d


class LazyBatchNorm2d(_LazyNormMixin, BatchNorm2d):
    """``nn.BatchNorm2d`` whose ``num_features`` is read from the first input."""

    cls_to_become = BatchNorm2d
