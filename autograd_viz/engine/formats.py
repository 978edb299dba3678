"""``torch.memory_format`` (``torch.preserve_format``, ``contiguous_format``,
``channels_last``, ``channels_last_3d``) and ``torch.layout`` (``torch.strided``,
``sparse_coo``...): the constants code passes as ``memory_format=`` / ``layout=``.  Every
tensor here is strided and stored in C order, so they are accepted and carry no effect;
``Tensor.layout`` is ``torch.strided``."""

from __future__ import annotations

from .tensor import Tensor


class _Constant:
    """A named constant printed as ``torch.<name>`` (pickled by name)."""

    __slots__ = ("_name",)

    def __init__(self, name):
        self._name = name

    def __repr__(self) -> str:
        return f"torch.{self._name}"

    def __reduce__(self):
        return (_lookup, (self._name,))


class memory_format(_Constant):
    __module__ = "torch"
    __slots__ = ()


class layout(_Constant):
    __module__ = "torch"
    __slots__ = ()


preserve_format = memory_format("preserve_format")
contiguous_format = memory_format("contiguous_format")
channels_last = memory_format("channels_last")
channels_last_3d = memory_format("channels_last_3d")
strided = layout("strided")
sparse_coo = layout("sparse_coo")
sparse_csr = layout("sparse_csr")


def _lookup(name):
    return globals()[name]


def _layout(self):
    return strided


Tensor.layout = property(_layout)
