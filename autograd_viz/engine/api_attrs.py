"""Tensor attributes and small methods teaching code touches (issue 13): the device /
layout predicates of a CPU dense tensor (``is_cpu``, ``is_sparse``, ``is_quantized``...),
the complex-number no-ops of a real tensor (``conj``, ``real``, ``resolve_conj``,
``is_conj``...), ``adjoint``, ``dim_order``, ``nonzero_static``, ``new_empty_strided``,
``is_set_to``, ``pin_memory`` (refused without an accelerator, as PyTorch's CPU build),
``share_memory_``, and method forms of functions (``prelu``, ``matrix_exp``, ``igamma``)."""

from __future__ import annotations

import numpy as np

from .api import _check_tensor
from .tensor import Tensor

_FALSE_FLAGS = (
    "is_sparse",
    "is_sparse_csr",
    "is_quantized",
    "is_meta",
    "is_mkldnn",
    "is_nested",
    "is_xla",
    "is_xpu",
    "is_mps",
    "is_ipu",
    "is_maia",
    "is_mtia",
    "is_vulkan",
)


def _real_only(name):
    def f(self):
        return self

    f.__name__ = f.__qualname__ = name
    return f


def _imag(self):
    raise RuntimeError("imag is not implemented for tensors with non-complex dtypes.")


def _adjoint(self):
    if self.ndim < 2:
        raise RuntimeError(
            "tensor.adjoint() is only supported on matrices or batches of matrices. Got "
            f"{self.ndim}-D tensor."
        )
    return self.transpose(-2, -1)


def _dim_order(self, *, ambiguity_check=False):
    strides = self.stride()
    return tuple(sorted(range(self.ndim), key=lambda d: -strides[d]))


def nonzero_static(input, *, size, fill_value=-1):
    """The first ``size`` rows of ``nonzero`` (padded with ``fill_value``)."""
    _check_tensor(input, "nonzero_static")
    if size < 0:
        raise RuntimeError(
            f"nonzero_static: 'size' must be an non-negative integer, but got {size}"
        )
    idx = np.argwhere(input._data).astype(np.int64)[:size]
    out = np.full((size, input.ndim), fill_value, dtype=np.int64)
    out[: len(idx)] = idx
    return Tensor._make(out)


def _new_empty_strided(self, size, stride, *, dtype=None, device=None, requires_grad=False, **kw):
    from .api_misc import empty_strided

    return empty_strided(
        size,
        stride,
        dtype=dtype if dtype is not None else self.dtype,
        requires_grad=requires_grad,
    )


def _is_set_to(self, tensor):
    a, b = self._data, tensor._data
    return (
        a.__array_interface__["data"][0] == b.__array_interface__["data"][0]
        and a.shape == b.shape
        and a.strides == b.strides
    )


def _pin_memory(self, device=None):
    raise RuntimeError("Cannot access accelerator device when none is available.")


def _share_memory_(self):
    return self


def _conj_physical(self):
    return self.clone()


def _install():
    T = Tensor
    if "is_cpu" not in T.__dict__:
        T.is_cpu = property(lambda self: True)
    for flag in _FALSE_FLAGS:
        if flag not in T.__dict__:
            setattr(T, flag, property(lambda self: False))
    if "name" not in T.__dict__:
        T.name = property(lambda self: None)
    methods = {
        "is_pinned": lambda self, device=None: False,
        "is_shared": lambda self: False,
        "is_conj": lambda self: False,
        "is_neg": lambda self: False,
        "resolve_conj": _real_only("resolve_conj"),
        "resolve_neg": _real_only("resolve_neg"),
        "conj": _real_only("conj"),
        "conj_physical": _conj_physical,
        "adjoint": _adjoint,
        "dim_order": _dim_order,
        "nonzero_static": nonzero_static,
        "new_empty_strided": _new_empty_strided,
        "is_set_to": _is_set_to,
        "pin_memory": _pin_memory,
        "share_memory_": _share_memory_,
        "const_data_ptr": lambda self: self.data_ptr(),
    }
    for name, fn in methods.items():
        if name not in T.__dict__:
            setattr(T, name, fn)
    if "real" not in T.__dict__:
        T.real = property(lambda self: self)
    if "imag" not in T.__dict__:
        T.imag = property(_imag)

    def method_of(path, attr, name):
        def m(self, *args, **kwargs):
            import importlib

            return getattr(importlib.import_module(path), attr)(self, *args, **kwargs)

        m.__name__ = m.__qualname__ = name
        return m

    for name, path, attr in (
        ("prelu", "autograd_viz.nn.functional", "prelu"),
        ("matrix_exp", "autograd_viz.engine.api_matrix_exp", "matrix_exp"),
        ("geqrf", "autograd_viz.engine.api_matrix_exp", "geqrf"),
        ("igamma", "autograd_viz.engine.api_igamma", "gammainc"),
        ("igammac", "autograd_viz.engine.api_igamma", "gammaincc"),
    ):
        if name not in T.__dict__:
            setattr(T, name, method_of(path, attr, name))


_install()


def conj(input):
    _check_tensor(input, "conj")
    return input


def resolve_conj(input):
    _check_tensor(input, "resolve_conj")
    return input


def resolve_neg(input):
    _check_tensor(input, "resolve_neg")
    return input


def is_conj(input):
    _check_tensor(input, "is_conj")
    return False


def is_neg(input):
    _check_tensor(input, "is_neg")
    return False


def real(input):
    _check_tensor(input, "real")
    return input


def imag(input):
    _check_tensor(input, "imag")
    return _imag(input)


def adjoint(input):
    _check_tensor(input, "adjoint")
    return _adjoint(input)


def is_same_size(input, other):
    _check_tensor(input, "is_same_size")
    return tuple(input.shape) == tuple(other.shape)


def is_signed(input):
    _check_tensor(input, "is_signed")
    return input._data.dtype.kind in "if"


__all_attrs__ = [
    "adjoint",
    "conj",
    "imag",
    "is_conj",
    "is_neg",
    "is_same_size",
    "is_signed",
    "nonzero_static",
    "real",
    "resolve_conj",
    "resolve_neg",
]
