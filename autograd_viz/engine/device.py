"""Devices: ``torch.device``, the default device and dtype, and the CUDA / MPS shims.

Everything lives on the CPU.  A CUDA device can be *named* (``torch.device("cuda")``,
``set_default_device("cuda")``) as in a CPU-only PyTorch build; putting a tensor there
raises what such a build raises: ``AssertionError: Torch not compiled with CUDA enabled``.
"""

from __future__ import annotations

import builtins
import re

import numpy as np

DEVICE_TYPES = (
    "cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, "
    "xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone"
)
_TYPES = frozenset(DEVICE_TYPES.split(", "))
_DEVICE_STRING = re.compile(r"([a-zA-Z_]+)(?::([1-9]\d*|0))?")
_NO_CUDA = "Torch not compiled with CUDA enabled"
_NO_ACCEL = "Cannot access accelerator device when none is available."

#: the default floating dtype (``torch.set_default_dtype``): a one-element list so every
#: module reads the current value
DEFAULT_FLOAT = [np.dtype(np.float32)]


class device:
    """``torch.device("cpu")``, ``torch.device("cuda", 0)``: a device *name*."""

    __slots__ = ("_index", "_type")

    def __init__(self, type, index=None):
        if isinstance(type, device):
            if index is not None:
                raise TypeError(_ctor_error((type, index)))
            self._type, self._index = type._type, type._index
            return
        if isinstance(type, builtins.int) and not isinstance(type, builtins.bool):
            raise RuntimeError(_NO_ACCEL)
        if not isinstance(type, str):
            raise TypeError(_ctor_error((type,) if index is None else (type, index)))
        kind, idx = _parse(type)
        if index is not None:
            if idx is not None:
                raise RuntimeError(
                    f"type (string) must not include an index because index was passed "
                    f"explicitly: {type}"
                )
            if isinstance(index, builtins.bool) or not isinstance(index, builtins.int):
                raise TypeError(_ctor_error((type, index)))
            if index < 0:
                raise RuntimeError("Device index must not be negative")
            idx = index
        self._type, self._index = kind, idx

    @property
    def type(self) -> str:
        return self._type

    @property
    def index(self):
        return self._index

    def __repr__(self) -> str:
        if self._index is None:
            return f"device(type='{self._type}')"
        return f"device(type='{self._type}', index={self._index})"

    def __str__(self) -> str:
        return self._type if self._index is None else f"{self._type}:{self._index}"

    def __eq__(self, other):
        if not isinstance(other, device):
            return False
        return self._type == other._type and self._index == other._index

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash((self._type, self._index))

    def __reduce__(self):
        return (device, (self._type, self._index))


def _ctor_error(args) -> str:
    got = ", ".join(builtins.type(a).__name__ for a in args)
    bad = ", ".join(f"!{builtins.type(a).__name__}!" for a in args)
    return (
        f"device() received an invalid combination of arguments - got ({got}), but expected "
        f"one of:\n * (torch.device device)\n      didn't match because some of the arguments "
        f"have invalid types: ({bad})\n * (str type, int index = -1)\n"
    )


def _parse(s: str):
    m = _DEVICE_STRING.fullmatch(s)
    if m is None:
        raise RuntimeError(f"Invalid device string: '{s}'")
    kind = m.group(1)
    if kind not in _TYPES:
        raise RuntimeError(
            f"Expected one of {DEVICE_TYPES} device type at start of device string: {s}"
        )
    idx = m.group(2)
    return kind, None if idx is None else builtins.int(idx)


CPU = device("cpu")
_DEFAULT_DEVICE = [None]


def as_device(d):
    """``device=`` as given (str, device, int or None) -> a ``device`` (None: the
    default device), raising PyTorch's errors for malformed names."""
    if d is None:
        return _DEFAULT_DEVICE[0] or CPU
    if isinstance(d, device):
        return d
    if isinstance(d, str):
        return device(d)
    if isinstance(d, builtins.int) and not isinstance(d, builtins.bool):
        raise RuntimeError(_NO_ACCEL)
    raise TypeError(f"expected a torch.device, str or int, got {builtins.type(d).__name__}")


def check_device(d, what="tensor") -> None:
    """Raise what a CPU-only PyTorch raises when a tensor is put on device ``d``."""
    if d is None and _DEFAULT_DEVICE[0] is None:
        return
    dev = as_device(d)
    kind = dev._type
    if kind == "cpu":
        return
    if kind == "cuda":
        raise AssertionError(_NO_CUDA)
    if kind == "mps":
        raise RuntimeError("PyTorch is not linked with support for mps devices")
    raise RuntimeError(
        f"autograd_viz keeps every tensor on the CPU (got device '{dev}'); "
        f"PyTorch without this backend cannot use it either"
    )


def factory_dtype(dtype, device=None):
    """The numpy dtype of a module's parameters (``nn.Linear(..., dtype=, device=)``):
    ``dtype`` or the default dtype; ``device`` checked as ``torch.zeros`` checks it."""
    check_device(device)
    if dtype is None:
        return DEFAULT_FLOAT[0]
    from .dtypes import to_numpy_dtype

    try:
        return to_numpy_dtype(dtype)
    except TypeError:  # (PyTorch's modules make their parameters with ``torch.empty``)
        raise TypeError(
            f"empty(): argument 'dtype' must be torch.dtype, not {type(dtype).__name__}"
        ) from None


def set_default_device(d) -> None:
    """``torch.set_default_device("cpu")`` (``"cuda"`` is accepted; creating a tensor
    then raises as a CPU-only PyTorch does)."""
    _DEFAULT_DEVICE[0] = None if d is None else as_device(d)
    if _DEFAULT_DEVICE[0] == CPU:
        _DEFAULT_DEVICE[0] = None


def get_default_device():
    return _DEFAULT_DEVICE[0] or CPU


def set_default_dtype(d) -> None:
    """``torch.set_default_dtype(torch.float64)``: the dtype of float tensors made from
    Python floats, of ``ones``/``zeros``/``rand``... without ``dtype=``, of int -> float
    promotion."""
    from .dtypes import dtype as _dtype

    if not isinstance(d, _dtype):
        raise TypeError(
            "invalid dtype object: only floating-point types are supported as the default type"
        )
    if not d.is_floating_point:
        raise TypeError("only floating-point types are supported as the default type")
    DEFAULT_FLOAT[0] = d.np


def set_default_tensor_type(t) -> None:
    """``torch.set_default_tensor_type("torch.DoubleTensor")`` (deprecated in PyTorch, still
    in textbooks): the default dtype of a legacy float tensor type, with PyTorch's warning."""
    import warnings

    from .dtypes import from_type_name

    warnings.warn(
        "torch.set_default_tensor_type() is deprecated as of PyTorch 2.1, please use "
        "torch.set_default_dtype() and torch.set_default_device() as alternatives.",
        UserWarning,
        stacklevel=2,
    )
    name = t if isinstance(t, str) else getattr(t, "__name__", None)
    if name is None:
        raise TypeError(
            "invalid type object: only floating-point types are supported as the default type"
        )
    d = from_type_name(name.rsplit(".", 1)[-1])
    if not d.is_floating_point:
        raise TypeError("only floating-point types are supported as the default type")
    DEFAULT_FLOAT[0] = d.np


def get_default_dtype():
    from .dtypes import from_numpy_dtype

    return from_numpy_dtype(DEFAULT_FLOAT[0])


# ---------------------------------------------------------------------- torch.cuda, backends


class _Namespace:
    """A small module-like object (``torch.cuda``, ``torch.backends.mps``)."""

    def __init__(self, name, **attrs):
        self.__name__ = name
        self.__dict__.update(attrs)

    def __repr__(self) -> str:
        return f"<module '{self.__name__}'>"


def _no_cuda(*args, **kwargs):
    raise AssertionError(_NO_CUDA)


def _none(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


cuda = _Namespace(
    "torch.cuda",
    is_available=_false,
    device_count=lambda: 0,
    is_initialized=_false,
    manual_seed=_none,
    manual_seed_all=_none,
    seed=_none,
    seed_all=_none,
    empty_cache=_none,
    current_device=_no_cuda,
    get_device_name=_no_cuda,
    get_device_properties=_no_cuda,
    set_device=_no_cuda,
    synchronize=_no_cuda,
    init=_no_cuda,
    is_bf16_supported=_false,
)

accelerator = _Namespace(  # torch.accelerator (PyTorch 2.6+): no accelerator here
    "torch.accelerator",
    is_available=_false,
    current_accelerator=_none,
    device_count=lambda: 0,
)

backends = _Namespace(
    "torch.backends",
    mps=_Namespace("torch.backends.mps", is_available=_false, is_built=_false),
    cudnn=_Namespace(
        "torch.backends.cudnn",
        is_available=_false,
        enabled=True,
        deterministic=False,
        benchmark=False,
    ),
    cuda=_Namespace("torch.backends.cuda", is_built=_false),
)
