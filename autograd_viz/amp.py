"""``torch.autocast`` and ``torch.amp.GradScaler`` as PyTorch 2.13 runs them on a machine
without CUDA, so training code written for a GPU runs here unchanged.

* ``torch.autocast("cuda", ...)`` warns and is off, as PyTorch without CUDA; ``enabled=False``
  is off.  On the CPU, PyTorch computes in bfloat16/float16, which this engine has not got:
  that raises ``NotImplementedError`` rather than giving float32 numbers under another name.
* ``GradScaler("cuda")`` (the default) warns and is off; ``GradScaler("cpu")`` scales the loss
  by powers of two, unscales the gradients, skips steps with inf/nan gradients and updates its
  scale as PyTorch's does.
"""

from __future__ import annotations

import functools
import math
import warnings

import numpy as np

from .engine import creation as _creation
from .engine.device import _Namespace
from .engine.grad_mode import no_grad
from .engine.tensor import Tensor

# ---------------------------------------------------------------------- autocast

_AUTOCAST = {"cpu": False, "cuda": False}
_NO_CUDA_AUTOCAST = "CUDA is not available or torch_xla is imported. Disabling autocast."


class autocast:
    """``torch.autocast(device_type, dtype=None, enabled=True, cache_enabled=None)``."""

    def __init__(self, device_type, dtype=None, enabled=True, cache_enabled=None):
        if not isinstance(device_type, str):
            raise ValueError(f"Expected `device_type` of type `str`, got: `{type(device_type)}`")
        from .engine import dtypes as _dt

        self.device = device_type
        self.fast_dtype = (
            dtype
            if dtype is not None
            else (_dt.bfloat16 if device_type == "cpu" and hasattr(_dt, "bfloat16") else None)
        )
        self._cache_enabled = True if cache_enabled is None else cache_enabled
        if device_type == "cuda" and enabled:
            warnings.warn(_NO_CUDA_AUTOCAST, UserWarning, stacklevel=2)
            enabled = False
        elif device_type == "cpu" and enabled:
            name = str(dtype) if dtype is not None else "torch.bfloat16"
            if name not in ("torch.bfloat16", "torch.float16"):
                warnings.warn(
                    "In CPU autocast, but the target dtype is not supported. Disabling "
                    "autocast.\nCPU Autocast only supports dtypes of torch.bfloat16, "
                    "torch.float16 currently.",
                    UserWarning,
                    stacklevel=2,
                )
                enabled = False
            else:
                raise NotImplementedError(
                    f"autocast on the CPU computes in {name}, which autograd_viz does not "
                    "have (its tensors are numpy float32/float64): run without autocast, or "
                    "with enabled=False, to get PyTorch's float32 results"
                )
        elif device_type not in ("cpu", "cuda") and enabled:
            raise RuntimeError(
                f"User specified an unsupported autocast device_type '{device_type}'"
            )
        self._enabled = bool(enabled)

    def __enter__(self):
        self._prev = _AUTOCAST.get(self.device, False)
        _AUTOCAST[self.device] = self._enabled
        return self

    def __exit__(self, *exc):
        _AUTOCAST[self.device] = self._prev
        return False

    def __call__(self, func):
        @functools.wraps(func)
        def wrapped(*args, **kwargs):
            with self:
                return func(*args, **kwargs)

        return wrapped


def is_autocast_enabled(device_type=None) -> bool:
    return _AUTOCAST.get("cuda" if device_type is None else device_type, False)


def get_autocast_dtype(device_type):
    from .engine import dtypes as _dt

    if device_type == "cpu":
        return getattr(_dt, "bfloat16", None)
    return _dt.float16


# ---------------------------------------------------------------------- GradScaler

_NO_CUDA_SCALER = "torch.cuda.amp.GradScaler is enabled, but CUDA is not available.  Disabling."


class GradScaler:
    """``torch.amp.GradScaler(device="cuda", init_scale=2.**16, growth_factor=2.0,
    backoff_factor=0.5, growth_interval=2000, enabled=True)``."""

    def __init__(
        self,
        device="cuda",
        init_scale=2.0**16,
        growth_factor=2.0,
        backoff_factor=0.5,
        growth_interval=2000,
        enabled=True,
    ):
        self._device = device
        self._enabled = enabled
        if device == "cuda" and enabled:
            warnings.warn(_NO_CUDA_SCALER, UserWarning, stacklevel=2)
            self._enabled = False
        if self._enabled:
            if not growth_factor > 1.0:
                raise AssertionError("The growth factor must be > 1.0.")
            if not backoff_factor < 1.0:
                raise AssertionError("The backoff factor must be < 1.0.")
            self._init_scale = float(init_scale)
            self._scale = None
            self._growth_factor = float(growth_factor)
            self._backoff_factor = float(backoff_factor)
            self._growth_interval = int(growth_interval)
            self._init_growth_tracker = 0
            self._growth_tracker = 0
            self._per_optimizer_states = {}

    # (a float32 scale, as PyTorch's 1-element float tensor)
    def _scale_value(self):
        if self._scale is None:
            self._scale = float(np.float32(self._init_scale))
        return self._scale

    def is_enabled(self) -> bool:
        return self._enabled

    def scale(self, outputs):
        if not self._enabled:
            return outputs
        s = self._scale_value()

        def apply(v):
            if isinstance(v, Tensor):
                if v.dtype.is_floating_point:
                    return v * _creation.tensor(s, dtype=v.dtype)
                return v * s
            if isinstance(v, list | tuple):
                return type(v)(apply(x) for x in v)
            raise ValueError("outputs must be a Tensor or an iterable of Tensors")

        return apply(outputs)

    def _state(self, optimizer):
        return self._per_optimizer_states.setdefault(
            id(optimizer), {"stage": "ready", "found_inf": False}
        )

    def unscale_(self, optimizer):
        if not self._enabled:
            return
        st = self._state(optimizer)
        if st["stage"] == "unscaled":
            raise RuntimeError(
                "unscale_() has already been called on this optimizer since the last update()."
            )
        if st["stage"] == "stepped":
            raise RuntimeError("unscale_() is being called after step().")
        inv = float(np.float32(1.0 / self._scale_value()))
        found = False
        with no_grad():
            for group in optimizer.param_groups:
                for p in group["params"]:
                    g = p.grad
                    if g is None:
                        continue
                    arr = g._data
                    if not np.all(np.isfinite(arr)):
                        found = True
                    g.mul_(inv)
        st["found_inf"] = found
        st["stage"] = "unscaled"

    def step(self, optimizer, *args, **kwargs):
        if not self._enabled:
            return optimizer.step(*args, **kwargs)
        if "closure" in kwargs:
            raise RuntimeError("Closure use is not currently supported if GradScaler is enabled.")
        st = self._state(optimizer)
        if st["stage"] == "stepped":
            raise RuntimeError("step() has already been called since the last update().")
        if st["stage"] == "ready":
            self.unscale_(optimizer)
        ret = None
        if not st["found_inf"]:
            ret = optimizer.step(*args, **kwargs)
        st["stage"] = "stepped"
        return ret

    def update(self, new_scale=None):
        if not self._enabled:
            return
        s = self._scale_value()
        if new_scale is not None:
            self._scale = float(new_scale.item() if isinstance(new_scale, Tensor) else new_scale)
        else:
            found = any(st["found_inf"] for st in self._per_optimizer_states.values())
            if found:
                self._scale = float(np.float32(s * self._backoff_factor))
                self._growth_tracker = 0
            else:
                self._growth_tracker += 1
                if self._growth_tracker == self._growth_interval:
                    grown = float(np.float32(s * self._growth_factor))
                    if math.isfinite(grown):
                        self._scale = grown
                    self._growth_tracker = 0
        self._per_optimizer_states = {}

    def get_scale(self) -> float:
        if not self._enabled:
            return 1.0
        return self._scale_value()

    def get_growth_factor(self) -> float:
        return self._growth_factor

    def get_backoff_factor(self) -> float:
        return self._backoff_factor

    def get_growth_interval(self) -> int:
        return self._growth_interval

    def set_growth_factor(self, v):
        self._growth_factor = v

    def set_backoff_factor(self, v):
        self._backoff_factor = v

    def set_growth_interval(self, v):
        self._growth_interval = v

    def state_dict(self):
        if not self._enabled:
            return {}
        return {
            "scale": self.get_scale(),
            "growth_factor": self._growth_factor,
            "backoff_factor": self._backoff_factor,
            "growth_interval": self._growth_interval,
            "_growth_tracker": self._growth_tracker,
        }

    def load_state_dict(self, state_dict):
        if not self._enabled:
            return
        if len(state_dict) == 0:
            raise RuntimeError(
                "The source state dict is empty, possibly because it was saved "
                "from a disabled instance of GradScaler."
            )
        self._init_scale = state_dict["scale"]
        self._scale = float(state_dict["scale"])
        self._growth_factor = state_dict["growth_factor"]
        self._backoff_factor = state_dict["backoff_factor"]
        self._growth_interval = state_dict["growth_interval"]
        self._growth_tracker = state_dict["_growth_tracker"]

    def __repr__(self) -> str:
        return f"<torch.amp.grad_scaler.GradScaler object at {hex(id(self))}>"


def _cuda_grad_scaler(*args, **kwargs):
    warnings.warn(
        "`torch.cuda.amp.GradScaler(args...)` is deprecated. Please use "
        "`torch.amp.GradScaler('cuda', args...)` instead.",
        FutureWarning,
        stacklevel=2,
    )
    return GradScaler("cuda", *args, **kwargs)


def _cuda_autocast(enabled=True, dtype=None, cache_enabled=True):
    warnings.warn(
        "`torch.cuda.amp.autocast(args...)` is deprecated. Please use "
        "`torch.amp.autocast('cuda', args...)` instead.",
        FutureWarning,
        stacklevel=2,
    )
    return autocast("cuda", dtype=dtype, enabled=enabled, cache_enabled=cache_enabled)


cuda_amp = _Namespace("torch.cuda.amp", GradScaler=_cuda_grad_scaler, autocast=_cuda_autocast)
