"""The one listener behind anomaly mode and saved-tensor hooks (``anomaly.py``,
``graph.py``).

Neither feature touches the engine's hot paths: while either is on, one untyped listener
is subscribed to the engine's events (engine/events.py), which sends every op through
``Function.apply``'s general path (the one recordings use) and the backward through its
general loop.  The listener

* on ``forward`` (a node was just built, its saved values bound): stores the forward
  traceback in ``node.metadata["traceback_"]`` (anomaly mode) and packs the node's saved
  tensors with the innermost ``saved_tensors_hooks`` (their ``unpack`` runs in a node
  pre-hook, just before the node's backward reads them);
* on ``backward_node``: raises PyTorch's "returned nan values" error (anomaly mode with
  ``check_nan``);
* on ``error`` (a backward raised): warns with the failing node's forward traceback, as
  PyTorch's anomaly mode does.

When both are off the listener is unsubscribed: nothing is left behind.
"""

from __future__ import annotations

import os
import traceback
import warnings

import numpy as np

from ..engine import events
from ..engine.tensor import Tensor

#: anomaly mode: [enabled, check_nan]
ANOMALY = [False, True]
#: the ``saved_tensors_hooks`` in force, innermost last: (pack, unpack) pairs
HOOKS: list = []
#: ``disable_saved_tensors_hooks`` in force: their error messages
DISABLED: list = []

_PKG_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_handle = [None]

_NAN_HINT_OLD = (
    "Hint: enable anomaly detection to find the operation that failed to compute its "
    "gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False)."
)
_NAN_HINT_NEW = (
    "Hint: the backtrace further above shows the operation that failed to compute its "
    "gradient. The variable in question was changed in there or anywhere later. Good luck!"
)
_TRIGGERED = " (Triggered internally at /__w/pytorch/pytorch/torch/csrc/autograd/"


def refresh() -> None:
    """Subscribe the listener when anomaly mode or a saved-tensor hook is on, else
    unsubscribe it."""
    want = ANOMALY[0] or bool(HOOKS)
    if want and _handle[0] is None:
        _handle[0] = events.subscribe(_listen)
    elif not want and _handle[0] is not None:
        _handle[0].remove()
        _handle[0] = None


def _user_stack() -> list:
    """``traceback.format_stack()`` without the frames of this package at its end (the
    op's own machinery), as PyTorch's stack shows the user's code up to the call."""
    frames = traceback.extract_stack()
    end = len(frames)
    while end and os.path.abspath(frames[end - 1].filename).startswith(_PKG_DIR + os.sep):
        end -= 1
    return traceback.format_list(frames[:end])


def _listen(kind, payload) -> None:
    if kind == "forward":
        node = payload["node"]
        if node is None:
            return
        if ANOMALY[0]:
            node.metadata["traceback_"] = _user_stack()
        if HOOKS:
            _pack(node, payload["inputs"], payload["output"])
    elif kind == "backward_node":
        if ANOMALY[0] and ANOMALY[1]:
            node = payload["node"]
            for i, g in enumerate(payload["grad_inputs"]):
                if g is None:
                    continue
                arr = g._data if isinstance(g, Tensor) else np.asarray(g)
                if arr.dtype.kind in "fc" and np.isnan(arr).any():
                    raise RuntimeError(
                        f"Function '{node.name()}' returned nan values in its {i}th output."
                    )
    elif kind == "error" and ANOMALY[0] and payload.get("where") == "backward":
        _warn_error(payload["exc"])


def _failing_node(exc):
    """The node the backward loop was running when ``exc`` was raised (the loop's local
    ``node`` in the frame that caught it)."""
    tb = exc.__traceback__
    while tb is not None:
        node = tb.tb_frame.f_locals.get("node")
        if node is not None and hasattr(node, "next_functions"):
            return node
        tb = tb.tb_next
    return None


def _warn_error(exc) -> None:
    node = _failing_node(exc)
    if node is None:
        return
    name = node.name()
    meta = node.__dict__.get("_metadata") or {}
    stack = meta.get("traceback_")
    if stack is None:
        msg = (
            f"Error detected in {name}. No forward pass information available. Enable "
            "detect anomaly during forward pass for more information."
            f"{_TRIGGERED}python_anomaly_mode.cpp:100.)"
        )
    else:
        msg = (
            f"Error detected in {name}. Traceback of forward call that caused the error:\n"
            + "".join(stack)
            + f"{_TRIGGERED}python_anomaly_mode.cpp:122.)"
        )
    warnings.warn(msg, UserWarning, stacklevel=2)
    if exc.args and isinstance(exc.args[0], str) and exc.args[0].endswith(_NAN_HINT_OLD):
        exc.args = (exc.args[0][: -len(_NAN_HINT_OLD)] + _NAN_HINT_NEW, *exc.args[1:])


# ---------------------------------------------------------------------- saved tensors
#: nodes whose PyTorch counterpart saves ``other`` before ``self``
_OTHER_FIRST = frozenset(
    {
        "MulBackward0",
        "DivBackward0",
        "MmBackward0",
        "MvBackward0",
        "BmmBackward0",
        "DotBackward0",
        "MaximumBackward0",
        "MinimumBackward0",
        "PowBackward1",
        "Atan2Backward0",
    }
)


def _pack(node, inputs, output) -> None:
    pack, unpack = HOOKS[-1]
    saved = node._saved
    if saved is None:
        return
    if (
        type(saved) is tuple
        and len(saved) == 2
        and type(saved[1]) is tuple
        and (hasattr(node, "_forward_cls"))
    ):  # a custom Function's ctx: (tensors, versions)
        tensors = saved[0]
        packed = [(k, pack(t)) for k, t in enumerate(tensors) if isinstance(t, Tensor)]
        if packed:
            node.register_prehook(_CustomUnpack(node, packed, unpack))
        return
    meta = node._saved_meta
    if not meta:
        return
    entries = list(meta)
    if node.name() in _OTHER_FIRST:
        ins = [e for e in entries if e[3] is not None]
        outs = [e for e in entries if e[3] is None]
        entries = ins[::-1] + outs
    packed = []
    for i, _vbox, _version, src in entries:
        t = src if src is not None else output
        if not isinstance(t, Tensor):
            continue
        packed.append((i, pack(t)))
    if packed:
        node.register_prehook(_Unpack(node, packed, unpack))


def _check_unpacked(t):
    if not isinstance(t, Tensor):
        raise TypeError(
            "Output of saved tensor unpack_hook expected to be a Tensor but got result of "
            f"type {type(t).__name__}"
        )
    return t


class _Unpack:
    """Node pre-hook: the node's saved arrays become what ``unpack`` returns."""

    __slots__ = ("node", "packed", "unpack")

    def __init__(self, node, packed, unpack):
        self.node, self.packed, self.unpack = node, packed, unpack

    def __call__(self, grad_outputs):
        node = self.node
        saved = node._saved
        if saved is None:  # freed: the node's backward raises PyTorch's error
            return None
        saved = list(saved)
        for i, p in self.packed:
            t = _check_unpacked(self.unpack(p))
            arr = t._data
            if arr.dtype != saved[i].dtype:
                arr = arr.astype(saved[i].dtype)
            saved[i] = arr
        node._saved = tuple(saved)
        return None


class _CustomUnpack(_Unpack):
    __slots__ = ()

    def __call__(self, grad_outputs):
        node = self.node
        saved = node._saved
        if saved is None:
            return None
        tensors = list(saved[0])
        versions = list(saved[1])
        for k, p in self.packed:
            t = _check_unpacked(self.unpack(p))
            if t is not tensors[k]:  # a new tensor: checked against its own counter
                tensors[k] = t
                versions[k] = t._vbox[0]
        node._saved = (tuple(tensors), tuple(versions))
        return None
