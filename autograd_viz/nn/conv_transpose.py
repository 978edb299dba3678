"""Transposed convolutions (``F.conv_transpose1d/2d``, ``nn.ConvTranspose1d/2d``): one
``ConvolutionBackward0`` node, as PyTorch (its ``transposed`` form: the input spread through
the kernel, a convolution's input gradient)."""

from __future__ import annotations

import math

import numpy as np

from ..engine import api as _api
from ..engine import creation
from ..engine.device import factory_dtype
from ..engine.tensor import Tensor
from . import functional as _functional
from .conv import ConvolutionBackward0, _batched, _ConvNd, _pair
from .parameter import Parameter


def _ints(v, n):
    if isinstance(v, (list, tuple)):
        return tuple(int(x) for x in v)
    return (int(v),) * n


def _conv_transpose(
    name, nsp, input, weight, bias, stride, padding, output_padding, groups, dilation
):
    unbatched = _batched(input, name, nsp)
    if unbatched:
        input = _api.unsqueeze(input, 0)
    x, w = input._data, weight._data
    s, p, op, d = (_ints(v, nsp) for v in (stride, padding, output_padding, dilation))
    if w.shape[0] % groups:
        raise RuntimeError(
            f"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, "
            f"but got weight of size [{list(w.shape)}] instead"
        )
    if x.shape[1] != w.shape[0]:
        raise RuntimeError(
            f"Given transposed=1, weight of size {list(w.shape)}, expected input"
            f"{list(x.shape)} to have {w.shape[0]} channels, but got {x.shape[1]} channels instead"
        )
    for k in range(nsp):
        if not (op[k] < s[k] or op[k] < d[k]):
            dims = ("height", "width") if nsp == 2 else ("width",)
            got = " ".join(f"output_padding_{n}: {v}" for n, v in zip(dims, op, strict=True))
            got += " " + " ".join(f"stride_{n}: {v}" for n, v in zip(dims, s, strict=True))
            got += " " + " ".join(f"dilation_{n}: {v}" for n, v in zip(dims, d, strict=True))
            raise RuntimeError(
                f"output padding must be smaller than either stride or dilation, but got {got}"
            )
    ks = w.shape[2:]
    sizes = x.shape[2:]
    out = tuple(
        (sizes[k] - 1) * s[k] - 2 * p[k] + d[k] * (ks[k] - 1) + op[k] + 1 for k in range(nsp)
    )
    if min(out) <= 0:
        raise RuntimeError(
            "Given input size per channel: ("
            + " x ".join(str(v) for v in sizes)
            + "). Calculated output size per channel: ("
            + " x ".join(str(v) for v in out)
            + "). Output size is too small"
        )
    if x.dtype.kind not in "fc" and x.dtype != np.int64:
        raise NotImplementedError(
            '"slow_conv_transpose2d_out_cpu" not implemented for '
            f"'{_api._scalar_type_name(x.dtype)}'"
        )
    if x.dtype != w.dtype:
        raise RuntimeError(
            f"expected scalar type {_api._scalar_type_name(x.dtype)} but found "
            f"{_api._scalar_type_name(w.dtype)}"
        )
    if nsp == 1:
        res = ConvolutionBackward0.apply(
            input, weight, bias, stride=(1, s[0]), pads=((0, 0), (p[0], p[0])),
            dilation=(1, d[0]), groups=groups, one_d=True, transposed=(1, out[0]),
        )  # fmt: skip
    else:
        res = ConvolutionBackward0.apply(
            input, weight, bias, stride=s, pads=((p[0], p[0]), (p[1], p[1])), dilation=d,
            groups=groups, transposed=out,
        )  # fmt: skip
    return _api.squeeze(res, 0) if unbatched else res


def conv_transpose2d(
    input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1
):
    args = (input, weight, bias, stride, padding, output_padding, groups, dilation)
    return _conv_transpose("conv_transpose2d", 2, *args)


def conv_transpose1d(
    input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1
):
    args = (input, weight, bias, stride, padding, output_padding, groups, dilation)
    return _conv_transpose("conv_transpose1d", 1, *args)


class _ConvTransposeNd(_ConvNd):
    """What ConvTranspose1d/2d share: _ConvNd's checks, then the weight
    ``(in, out/groups, *kernel)`` and the bias uniform in ±1/√fan_in (fan_in from the
    weight's second dimension, as PyTorch's kaiming_uniform_ computes it)."""

    _nsp = 2
    _npd = staticmethod(factory_dtype)

    def __init__(
        self, in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0,
        groups=1, bias=True, dilation=1, padding_mode="zeros", device=None, dtype=None,
    ):  # fmt: skip
        if padding_mode != "zeros":
            raise ValueError(
                f'Only "zeros" padding mode is supported for {self.__class__.__name__}'
            )
        stream = creation._rng[0]
        before = stream.state  # (Conv's own draws are replaced below: PyTorch draws once)
        super().__init__(
            in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias,
            padding_mode, device=device, dtype=dtype,
        )  # fmt: skip
        stream.state = before
        self.output_padding = self._size(output_padding)
        npd = self._npd(dtype, device)
        shape = (in_channels, out_channels // groups, *self.kernel_size)
        fan_in = shape[1] * math.prod(self.kernel_size)
        bound = 1.0 / math.sqrt(fan_in) if fan_in > 0 else 0.0
        rng = creation._rng[0]
        # kaiming_uniform_(weight, a=sqrt(5)) with PyTorch's own arithmetic for the bound
        wb = math.sqrt(3.0) * (math.sqrt(2.0 / (1 + 5.0)) / math.sqrt(fan_in)) if fan_in else 0.0
        self.weight = Parameter(Tensor._make(rng.uniform_t(shape, npd, -wb, wb)))
        if bias:
            self.bias = Parameter(Tensor._make(rng.uniform_t((out_channels,), npd, -bound, bound)))

    def _output_padding(self, input, output_size):
        if output_size is None:
            return self.output_padding
        nsp = self._nsp
        output_size = list(output_size)
        if len(output_size) == nsp + 2:
            output_size = output_size[2:]
        elif len(output_size) != nsp:
            raise ValueError(
                f"ConvTranspose{nsp}D: for {input.dim()}D input, output_size must have {nsp} "
                f"or {nsp + 2} elements (got {len(output_size)})"
            )
        sizes = input.shape[-nsp:]
        lo, hi = [], []
        for k in range(nsp):
            m = (
                (sizes[k] - 1) * self.stride[k] - 2 * self.padding[k]
                + self.dilation[k] * (self.kernel_size[k] - 1) + 1
            )  # fmt: skip
            lo.append(m)
            hi.append(m + self.stride[k] - 1)
        for k in range(nsp):
            if not lo[k] <= output_size[k] <= hi[k]:
                raise ValueError(
                    f"requested an output size of {output_size}, but valid sizes range from "
                    f"{lo} to {hi} (for an input of {input.shape[-nsp:]})"
                )
        return tuple(output_size[k] - lo[k] for k in range(nsp))


class ConvTranspose2d(_ConvTransposeNd):
    """A 2-D transposed convolution (weight ``(in, out/groups, kh, kw)``)."""

    _size = staticmethod(_pair)
    _nsp = 2

    def forward(self, input, output_size=None):
        op = self._output_padding(input, output_size)
        return conv_transpose2d(
            input, self.weight, self.bias, self.stride, self.padding, op, self.groups, self.dilation
        )


class ConvTranspose1d(_ConvTransposeNd):
    """A 1-D transposed convolution (weight ``(in, out/groups, k)``)."""

    _nsp = 1

    @staticmethod
    def _size(v):
        return _ints(v, 1)

    def forward(self, input, output_size=None):
        op = self._output_padding(input, output_size)
        return conv_transpose1d(
            input, self.weight, self.bias, self.stride, self.padding, op, self.groups, self.dilation
        )


for _fn in (conv_transpose1d, conv_transpose2d):  # torch.nn.functional names
    if not hasattr(_functional, _fn.__name__):
        setattr(_functional, _fn.__name__, _fn)
