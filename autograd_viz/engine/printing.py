"""Print tensors exactly as PyTorch prints them (``torch/_tensor_str.py``'s rules):
4 decimals, integer mode (``4.``), scientific notation when values span more than
three orders of magnitude, 80-column wrapping, and ``...`` above 1000 elements."""

from __future__ import annotations

import math

import numpy as np

from . import forward_grad as _fg
from . import views as _views

PRECISION = 4
THRESHOLD = 1000
EDGEITEMS = 3
LINEWIDTH = 80


def set_printoptions(
    precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None
):
    global PRECISION, THRESHOLD, EDGEITEMS, LINEWIDTH, SCI_MODE
    if profile == "default":
        PRECISION, THRESHOLD, EDGEITEMS, LINEWIDTH = 4, 1000, 3, 80
    if precision is not None:
        PRECISION = precision
    if threshold is not None:
        THRESHOLD = threshold
    if edgeitems is not None:
        EDGEITEMS = edgeitems
    if linewidth is not None:
        LINEWIDTH = linewidth
    SCI_MODE = sci_mode


SCI_MODE = None


class _Formatter:
    def __init__(self, arr: np.ndarray):
        self.floating = arr.dtype.kind == "f"
        self.int_mode = True
        self.sci_mode = False
        self.max_width = 1
        flat = arr.reshape(-1)
        if not self.floating:
            for v in flat.tolist():
                self.max_width = max(self.max_width, len(_plain(v)))
            return
        vals = flat[np.isfinite(flat) & (flat != 0)].astype(np.float64)
        if vals.size == 0:
            return
        absv = np.abs(vals)
        vmin, vmax = absv.min(), absv.max()
        self.int_mode = bool(np.all(vals == np.ceil(vals)))
        values = vals.tolist()
        # (PyTorch 2.13: a forced sci_mode decides the widths too)
        if SCI_MODE is None:
            self.sci_mode = bool(vmax / vmin > 1000.0 or vmax > 1.0e8 or vmin < 1.0e-4)
        else:
            self.sci_mode = SCI_MODE
        if self.sci_mode:
            self.max_width = max(len(f"{v:.{PRECISION}e}") for v in values)
        elif self.int_mode:
            self.max_width = max(len(f"{v:.0f}") + 1 for v in values)
        else:
            self.max_width = max(len(f"{v:.{PRECISION}f}") for v in values)

    def width(self) -> int:
        return self.max_width

    def format(self, value) -> str:
        if self.floating:
            if self.sci_mode:
                ret = f"{value:{self.max_width}.{PRECISION}e}"
            elif self.int_mode:
                ret = f"{value:.0f}"
                if not (math.isinf(value) or math.isnan(value)):
                    ret += "."
            else:
                ret = f"{value:.{PRECISION}f}"
        else:
            ret = _plain(value)
        return (self.max_width - len(ret)) * " " + ret


def _plain(v) -> str:
    return str(v)


def _summarized(arr: np.ndarray) -> np.ndarray:
    if arr.ndim == 0:
        return arr
    if arr.ndim == 1:
        if arr.shape[0] > 2 * EDGEITEMS:
            return np.concatenate([arr[:EDGEITEMS], arr[-EDGEITEMS:]])
        return arr
    if arr.shape[0] > 2 * EDGEITEMS:
        rows = [arr[i] for i in range(EDGEITEMS)] + [
            arr[i] for i in range(arr.shape[0] - EDGEITEMS, arr.shape[0])
        ]
    else:
        rows = list(arr)
    return np.stack([_summarized(r) for r in rows])


def _vector_str(arr, indent, summarize, fmt):
    element_length = fmt.width() + 2
    per_line = max(1, math.floor((LINEWIDTH - indent) / element_length))
    if summarize and arr.shape[0] > 2 * EDGEITEMS:
        data = (
            [fmt.format(v) for v in arr[:EDGEITEMS].tolist()]
            + [" ..."]
            + [fmt.format(v) for v in arr[-EDGEITEMS:].tolist()]
        )
    else:
        data = [fmt.format(v) for v in arr.tolist()]
    lines = [", ".join(data[i : i + per_line]) for i in range(0, len(data), per_line)]
    return "[" + ("," + "\n" + " " * (indent + 1)).join(lines) + "]"


def _tensor_str_with_formatter(arr, indent, summarize, fmt):
    dim = arr.ndim
    if dim == 0:
        return fmt.format(arr.item())
    if dim == 1:
        return _vector_str(arr, indent, summarize, fmt)
    n = arr.shape[0]
    if summarize and n > 2 * EDGEITEMS:
        slices = (
            [
                _tensor_str_with_formatter(arr[i], indent + 1, summarize, fmt)
                for i in range(EDGEITEMS)
            ]
            + ["..."]
            + [
                _tensor_str_with_formatter(arr[i], indent + 1, summarize, fmt)
                for i in range(n - EDGEITEMS, n)
            ]
        )
    else:
        slices = [_tensor_str_with_formatter(arr[i], indent + 1, summarize, fmt) for i in range(n)]
    return "[" + ("," + "\n" * (dim - 1) + " " * (indent + 1)).join(slices) + "]"


def array_str(arr: np.ndarray, indent: int) -> str:
    """The bracketed body of a tensor's repr."""
    if arr.size == 0:
        return "[]"
    if arr.dtype == np.float16:
        arr = arr.astype(np.float32)
    summarize = arr.size > THRESHOLD
    fmt = _Formatter(_summarized(arr) if summarize else arr)
    return _tensor_str_with_formatter(arr, indent, summarize, fmt)


def _add_suffixes(tensor_str, suffixes, indent):
    out = [tensor_str]
    last_line_len = len(tensor_str) - tensor_str.rfind("\n") + 1
    for suffix in suffixes:
        if last_line_len + len(suffix) + 2 > LINEWIDTH:
            out.append(",\n" + " " * indent + suffix)
            last_line_len = indent + len(suffix)
        else:
            out.append(", " + suffix)
            last_line_len += len(suffix) + 2
    out.append(")")
    return "".join(out)


_DEFAULT = (np.dtype(np.float32), np.dtype(np.int64), np.dtype(np.bool_))


def tensor_repr(t) -> str:
    from .dtypes import from_numpy_dtype

    arr = t._data
    prefix = "tensor("
    indent = len(prefix)
    suffixes = []
    if arr.size == 0:
        if arr.ndim != 1:
            suffixes.append("size=" + str(tuple(arr.shape)))
        if arr.dtype != np.float32:
            suffixes.append("dtype=" + repr(from_numpy_dtype(arr.dtype)))
        body = "[]"
    else:
        if arr.dtype not in _DEFAULT:
            suffixes.append("dtype=" + repr(from_numpy_dtype(arr.dtype)))
        body = array_str(arr, indent)
    if t.grad_fn is not None:
        suffixes.append(f"grad_fn=<{type(t.grad_fn).__name__}>")
    elif t._view_mode is not None and _views.repr_invalid(t):
        suffixes.append("grad_fn=<Invalid>")  # PyTorch: reading its grad_fn raises
    elif t.requires_grad:
        suffixes.append("requires_grad=True")
    if _fg.TANGENTS:  # (a dual tensor, inside ``forward_ad.dual_level``)
        tangent = _fg.tangent_of(t)
        if tangent is not None:
            suffixes.append(f"tangent={tensor_repr(tangent)}")
    return _add_suffixes(prefix + body, suffixes, indent)
