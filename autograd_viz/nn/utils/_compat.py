"""Stand-ins for the PyTorch internals torch/nn/utils' modules import."""

from __future__ import annotations

import functools
import warnings

__all__ = [
    "OpaqueBase",
    "deprecated",
    "get_swap_module_params_on_conversion",
    "is_opaque_reference_type",
    "is_traceable_wrapper_subclass",
]


class OpaqueBase:
    """(PyTorch's opaque script objects: none here.)"""


def is_opaque_reference_type(tp):
    return False


def is_traceable_wrapper_subclass(t):
    return False


def get_swap_module_params_on_conversion():
    return False


def deprecated(message, *, category=DeprecationWarning):
    """``typing_extensions.deprecated``: warn on every call."""

    def wrap(fn):
        @functools.wraps(fn)
        def inner(*args, **kwargs):
            warnings.warn(message, category, stacklevel=2)
            return fn(*args, **kwargs)

        return inner

    return wrap
