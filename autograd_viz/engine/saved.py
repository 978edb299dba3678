"""``grad_fn._saved_self``, ``_saved_other``, ``_saved_result``, ``_saved_exponent`` ...:
what a node saved for its backward, under PyTorch's attribute names.

Each attribute is a property installed on the node class (no cost for nodes that are
never inspected).  A saved input is the input tensor itself; a saved output is a tensor
whose ``grad_fn`` is the node (as PyTorch unpacks it); a saved Python number is
wrapped in a 0-d tensor (int64 / float64) as PyTorch's wrapped numbers are.  After a
backward without ``retain_graph`` the saved tensors are gone: reading one raises
PyTorch's "Trying to backward through the graph a second time" error, and an input that
was modified in place raises the version-counter error.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from .function import _SECOND_BACKWARD, _version_message
from .ops import arithmetic as A
from .ops import extra as X
from .ops import linalg as L
from .ops import reduce as R
from .ops import unary as U
from .tensor import Tensor


def _wrap(v):
    if isinstance(v, bool):
        return Tensor._make(np.asarray(v))
    if isinstance(v, numbers.Integral):
        return Tensor._make(np.asarray(int(v), dtype=np.int64))
    if isinstance(v, numbers.Real):
        return Tensor._make(np.asarray(float(v), dtype=np.float64))
    return v


def _tensor_slot(index):
    """A property reading ``node._saved[index]`` as PyTorch unpacks a saved variable."""

    def get(node):
        saved = node._saved
        if saved is None:
            if node._freed:
                raise RuntimeError(_SECOND_BACKWARD)
            return None
        if index >= len(saved):
            return None
        for i, vbox, version, src in node._saved_meta or ():
            if i != index:
                continue
            if vbox[0] != version:
                fn = src.grad_fn if src is not None else node
                raise RuntimeError(_version_message(fn, saved[i], vbox[0], version))
            if src is not None:
                return src
            return Tensor._make(saved[i], True, node)  # this node's own output
        v = saved[index]
        if v is None:
            return None
        if isinstance(v, np.ndarray):
            return Tensor._make(v)
        return _wrap(v)

    return property(get)


def _ctx_attr(name, convert=None, default=None):
    def get(node):
        v = getattr(node, name, default)
        return convert(v) if convert is not None else v

    return property(get)


def _shape_of_saved(index):
    def get(node):
        saved = node._saved
        if saved is None or saved[index] is None:
            return None
        return tuple(np.shape(saved[index]))

    return property(get)


def _numel(shape):
    return math.prod(shape) if shape is not None else None


def _dims(v):
    if v is None:
        return None
    return tuple(v) if isinstance(v, tuple | list) else (v,)


_T = _tensor_slot
_SELF0 = {"_saved_self": _T(0)}
_RESULT0 = {"_saved_result": _T(0)}

TABLE = {
    A.MulBackward0: {"_saved_self": _T(0), "_saved_other": _T(1)},
    A.DivBackward0: {"_saved_self": _T(0), "_saved_other": _T(1)},
    A.AddBackward0: {"_saved_alpha": _ctx_attr("alpha")},
    A.SubBackward0: {"_saved_alpha": _ctx_attr("alpha")},
    A.ReciprocalBackward0: _RESULT0,
    A.PowBackward0: {"_saved_self": _T(0), "_saved_exponent": _ctx_attr("exponent")},
    A.PowBackward1: {"_saved_self": _T(0), "_saved_exponent": _T(1), "_saved_result": _T(2)},
    A.PowBackward2: {"_saved_result": _T(0), "_saved_self": _ctx_attr("base")},
    A.MaximumBackward0: {"_saved_self": _T(0), "_saved_other": _T(1)},
    A.MinimumBackward0: {"_saved_self": _T(0), "_saved_other": _T(1)},
    A.MseLossBackward0: {"_saved_self": _T(0), "_saved_target": _T(1)},
    L.MmBackward0: {"_saved_self": _T(0), "_saved_mat2": _T(1)},
    L.MvBackward0: {"_saved_self": _T(0), "_saved_vec": _T(1)},
    L.DotBackward0: {"_saved_self": _T(0), "_saved_tensor": _T(1)},
    L.BmmBackward0: {"_saved_self": _T(0), "_saved_mat2": _T(1)},
    L.AddmmBackward0: {
        "_saved_mat1": _T(0),
        "_saved_mat2": _T(1),
        "_saved_alpha": _ctx_attr("alpha", default=1),
        "_saved_beta": _ctx_attr("beta", default=1),
    },
    U.ExpBackward0: _RESULT0,
    U.LogBackward0: _SELF0,
    U.SqrtBackward0: _RESULT0,
    U.AbsBackward0: _SELF0,
    U.SigmoidBackward0: _RESULT0,
    U.TanhBackward0: _RESULT0,
    U.ReluBackward0: _RESULT0,
    U.ClampBackward1: {
        "_saved_self": _T(0),
        "_saved_min": _ctx_attr("lo"),
        "_saved_max": _ctx_attr("hi"),
    },
    U.ClampMinBackward0: {"_saved_self": _T(0), "_saved_min": _ctx_attr("lo")},
    U.ClampMaxBackward0: {"_saved_self": _T(0), "_saved_max": _ctx_attr("hi")},
    U.Log10Backward0: _SELF0,
    U.Log2Backward0: _SELF0,
    U.Log1PBackward0: _SELF0,
    U.Expm1Backward0: _RESULT0,
    U.Exp2Backward0: _RESULT0,
    U.RsqrtBackward0: _RESULT0,
    U.SinhBackward0: _SELF0,
    U.CoshBackward0: _SELF0,
    U.TanBackward0: _RESULT0,
    U.AsinBackward0: _SELF0,
    U.AcosBackward0: _SELF0,
    U.AtanBackward0: _SELF0,
    U.Atan2Backward0: {"_saved_self": _T(0), "_saved_other": _T(1)},
    U.ErfBackward0: _SELF0,
    X.ClampBackward0: {"_saved_self": _T(0), "_saved_min": _T(1), "_saved_max": _T(2)},
    X.DivBackward1: {"_saved_other": _ctx_attr("other")},
    X.SinBackward0: _SELF0,
    X.CosBackward0: _SELF0,
    X.LeakyReluBackward0: {"_saved_self": _T(0), "_saved_negative_slope": _ctx_attr("slope")},
    X.LeakyReluBackward1: {"_saved_result": _T(0), "_saved_negative_slope": _ctx_attr("slope")},
    X.SoftmaxBackward0: {"_saved_result": _T(0), "_saved_dim": _ctx_attr("dim")},
    X.LogSoftmaxBackward0: {"_saved_result": _T(0), "_saved_dim": _ctx_attr("dim")},
    X.ProdBackward0: {"_saved_self": _T(0), "_saved_result": _T(1)},
    R.SumBackward0: {"_saved_self_sym_sizes": _ctx_attr("shape", tuple)},
    R.SumBackward1: {
        "_saved_self_sym_sizes": _ctx_attr("shape", tuple),
        "_saved_dim": _ctx_attr("dims", _dims),
        "_saved_keepdim": _ctx_attr("keepdim"),
    },
    R.MeanBackward0: {
        "_saved_self_sym_sizes": _ctx_attr("shape", tuple),
        "_saved_self_sym_numel": _ctx_attr("shape", _numel),
    },
    R.MeanBackward1: {
        "_saved_self_sym_sizes": _ctx_attr("shape", tuple),
        "_saved_self_sym_numel": _ctx_attr("shape", _numel),
        "_saved_dim": _ctx_attr("dims", _dims),
        "_saved_keepdim": _ctx_attr("keepdim"),
    },
    R.MaxBackward1: {"_saved_self": _T(0), "_saved_result": _T(1)},
    R.MinBackward1: {"_saved_self": _T(0), "_saved_result": _T(1)},
}


def install():
    for cls, attrs in TABLE.items():
        for name, prop in attrs.items():
            if name not in cls.__dict__:
                setattr(cls, name, prop)


install()
