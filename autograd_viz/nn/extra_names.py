"""``nn`` names teaching code uses that were missing (issue 13): ``nn.Buffer`` (the
new-style ``self.x = nn.Buffer(t)``), ``Hardshrink`` / ``Softshrink``, ``LPPool1d`` /
``LPPool2d``, ``ChannelShuffle``, and the ``RNNBase`` / ``RNNCellBase`` base classes
(for ``isinstance`` checks)."""

from __future__ import annotations

from ..engine.tensor import Tensor
from .modules import Module
from .rnn import _CellBase as RNNCellBase
from .rnn import _RNNBase as RNNBase


class _BufferMeta(type(Tensor)):
    def __instancecheck__(cls, instance):
        return isinstance(instance, Tensor) and getattr(instance, "_is_buffer", False)


class Buffer(Tensor, metaclass=_BufferMeta):
    """``nn.Buffer(data, persistent=True)``: a plain tensor marked as a buffer, which a
    Module registers when it is assigned as an attribute (``persistent=False``: left out
    of ``state_dict``)."""

    def __new__(cls, data=None, *, persistent=True):
        from ..engine.creation import empty

        if data is None:
            data = empty(0)
        if not isinstance(data, Tensor):
            raise AttributeError(f"'{type(data).__name__}' object has no attribute 'detach'")
        t = data.detach().requires_grad_(data.requires_grad)
        t.persistent = persistent
        t._is_buffer = True
        return t


def buffer_persistence(value):
    """``None`` for a value that is not an ``nn.Buffer``, else its ``persistent`` flag."""
    if isinstance(value, Tensor) and getattr(value, "_is_buffer", False):
        return bool(getattr(value, "persistent", True))
    return None


class Hardshrink(Module):
    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = lambd

    def forward(self, input):
        from . import functional as F

        return F.hardshrink(input, self.lambd)

    def extra_repr(self):
        return f"{self.lambd}"


class Softshrink(Module):
    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = lambd

    def forward(self, input):
        from . import functional as F

        return F.softshrink(input, self.lambd)

    def extra_repr(self):
        return str(self.lambd)


class _LPPoolNd(Module):
    def __init__(self, norm_type, kernel_size, stride=None, ceil_mode=False):
        super().__init__()
        self.norm_type = norm_type
        self.kernel_size = kernel_size
        self.stride = stride
        self.ceil_mode = ceil_mode

    def extra_repr(self):
        return (
            "norm_type={norm_type}, kernel_size={kernel_size}, stride={stride}, "
            "ceil_mode={ceil_mode}".format(**self.__dict__)
        )


class LPPool1d(_LPPoolNd):
    def forward(self, input):
        from .torch_functions import lp_pool1d

        return lp_pool1d(
            input, float(self.norm_type), self.kernel_size, self.stride, self.ceil_mode
        )


class LPPool2d(_LPPoolNd):
    def forward(self, input):
        from .torch_functions import lp_pool2d

        return lp_pool2d(
            input, float(self.norm_type), self.kernel_size, self.stride, self.ceil_mode
        )


class ChannelShuffle(Module):
    def __init__(self, groups):
        super().__init__()
        self.groups = groups

    def forward(self, input):
        from .torch_functions import channel_shuffle

        return channel_shuffle(input, self.groups)

    def extra_repr(self):
        return f"groups={self.groups}"


__all__ = [
    "Buffer",
    "ChannelShuffle",
    "Hardshrink",
    "LPPool1d",
    "LPPool2d",
    "RNNBase",
    "RNNCellBase",
    "Softshrink",
]
