"""Anomaly mode (``torch.autograd.detect_anomaly`` / ``set_detect_anomaly``) as PyTorch's
``torch/autograd/anomaly_mode.py``: while it is on, every node built remembers the forward
traceback (``grad_fn.metadata["traceback_"]``), an error in backward is preceded by the
warning naming the node and that traceback, and (``check_nan``) a backward node that
returns nan raises "Function 'XBackward0' returned nan values in its 0th output.".
The work is done by the listener in ``_watch.py``: nothing on the engine's paths while
it is off."""

from __future__ import annotations

import warnings

from . import _watch

__all__ = [
    "detect_anomaly",
    "is_anomaly_check_nan_enabled",
    "is_anomaly_enabled",
    "set_anomaly_enabled",
    "set_detect_anomaly",
]


def is_anomaly_enabled() -> bool:
    return _watch.ANOMALY[0]


def is_anomaly_check_nan_enabled() -> bool:
    return _watch.ANOMALY[1]


def set_anomaly_enabled(enabled: bool, check_nan: bool = True) -> None:
    """``torch.set_anomaly_enabled``."""
    for pos, (arg, v) in enumerate((("enabled", enabled), ("check_nan", check_nan)), 1):
        if not isinstance(v, bool):
            raise TypeError(
                f"set_anomaly_enabled(): argument '{arg}' (position {pos}) must be bool, "
                f"not {type(v).__name__}"
            )
    _watch.ANOMALY[0] = enabled
    _watch.ANOMALY[1] = check_nan
    _watch.refresh()


class detect_anomaly:
    """Context manager that enables anomaly detection (warns that it is on when made)."""

    def __init__(self, check_nan=True) -> None:
        self.prev = is_anomaly_enabled()
        self.check_nan = check_nan
        self.prev_check_nan = is_anomaly_check_nan_enabled()
        warnings.warn(
            "Anomaly Detection has been enabled. "
            "This mode will increase the runtime "
            "and should only be enabled for debugging.",
            stacklevel=2,
        )

    def __enter__(self) -> None:
        set_anomaly_enabled(True, self.check_nan)

    def __exit__(self, *args: object) -> None:
        set_anomaly_enabled(self.prev, self.prev_check_nan)


class set_detect_anomaly:
    """Set anomaly detection on or off; as a function or a context manager (which
    restores the previous setting on exit)."""

    def __init__(self, mode: bool, check_nan: bool = True) -> None:
        self.prev = is_anomaly_enabled()
        self.prev_check_nan = is_anomaly_check_nan_enabled()
        set_anomaly_enabled(mode, check_nan)

    def __enter__(self) -> None:
        pass

    def __exit__(self, *args: object) -> None:
        set_anomaly_enabled(self.prev, self.prev_check_nan)


for _c in (detect_anomaly, set_detect_anomaly):
    _c.__module__ = "torch.autograd.anomaly_mode"
