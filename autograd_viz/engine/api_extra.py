"""More torch-level functions (``torch.sin``, ``torch.softmax``, ``torch.var``,
``torch.prod``, ``torch.norm`` ...) and the losses behind ``nn.functional``
(``cross_entropy``, ``nll_loss``, ``binary_cross_entropy``, ``leaky_relu``).

Same rules as :mod:`.api`: PyTorch's argument checks (error type and message), dtype
rules and node structure (``cross_entropy`` is ``LogSoftmaxBackward0 -> NllLossBackward0``,
a composite op for the recorder).  The ``Tensor`` methods of these functions are
attached at the bottom of this module (``Tensor.softmax = _softmax_method``), so that
``tensor.py`` keeps the core surface and this file owns its own methods.
"""

from __future__ import annotations

import numbers
import warnings
from builtins import max as builtins_max

import numpy as np

from . import api as _api
from . import random as _random
from . import saved as _saved  # noqa: F401  (installs grad_fn._saved_* attributes)
from .api import (
    _LISTENERS,
    _OPEN,
    _check_tensor,
    _composite,
    _scalar_type_name,
    _tagged,
    _unary_float,
)
from .dtypes import to_numpy_dtype
from .function import _seq_counter
from .grad_mode import STATE as _GRAD
from .ops import arithmetic as A
from .ops import extra as X
from .ops import unary as U
from .ops.shape import _arange
from .tensor import Size, Tensor, _wrap_dim

_I64 = np.dtype(np.int64)
_ravel_multi_index = np.ravel_multi_index

# ---------------------------------------------------------------------- elementwise

sin = _unary_float(X.SinBackward0)
cos = _unary_float(X.CosBackward0)
log10 = _unary_float(U.Log10Backward0)
log2 = _unary_float(U.Log2Backward0)
log1p = _unary_float(U.Log1PBackward0)
expm1 = _unary_float(U.Expm1Backward0)
exp2 = _unary_float(U.Exp2Backward0)
rsqrt = _unary_float(U.RsqrtBackward0)
sinh = _unary_float(U.SinhBackward0)
cosh = _unary_float(U.CoshBackward0)
tan = _unary_float(U.TanBackward0)
asin = _unary_float(U.AsinBackward0)
acos = _unary_float(U.AcosBackward0)
atan = _unary_float(U.AtanBackward0)
erf = _unary_float(U.ErfBackward0)
reciprocal = _unary_float(A.ReciprocalBackward0)
reciprocal.__name__ = "reciprocal"


def _named(fn, name):
    """``fn`` under another public name (``arcsin`` for ``asin``): PyTorch's messages name
    the function as called."""

    def alias(input, *args, **kwargs):
        _check_tensor(input, name)
        return fn(input, *args, **kwargs)

    alias.__name__ = name
    alias.__doc__ = f"``torch.{name}``: the same as ``torch.{fn.__name__}``."
    return alias


arcsin = _named(asin, "arcsin")
arccos = _named(acos, "arccos")
arctan = _named(atan, "arctan")


def _rounding(cls, name):
    def fn(input):
        _check_tensor(input, name)
        if input._data.dtype.kind == "b":
            raise NotImplementedError(f"\"{name}_vml_cpu\" not implemented for 'Bool'")
        return cls.apply(input)

    fn.__name__ = name
    fn.__doc__ = f"``torch.{name}`` (grad_fn ``{cls.__name__}``, gradient 0)."
    return fn


floor = _rounding(U.FloorBackward0, "floor")
ceil = _rounding(U.CeilBackward0, "ceil")
trunc = _rounding(U.TruncBackward0, "trunc")
_round0 = _rounding(U.RoundBackward0, "round")
fix = _named(trunc, "fix")


def round(input, *, decimals=0):
    """``torch.round``: half to even; ``decimals=`` as PyTorch (``RoundBackward1``)."""
    if not decimals:
        return _round0(input)
    _check_tensor(input, "round")
    if input._data.dtype.kind != "f":
        raise NotImplementedError(
            f"\"round_cpu\" not implemented for '{_scalar_type_name(input._data.dtype)}'"
        )
    return U.RoundBackward1.apply(input, decimals=int(decimals))


def frac(input):
    _check_tensor(input, "frac")
    if input._data.dtype.kind != "f":
        raise NotImplementedError(
            f"\"frac_cpu\" not implemented for '{_scalar_type_name(input._data.dtype)}'"
        )
    return U.FracBackward0.apply(input)


def atan2(input, other):
    """``torch.atan2(y, x)``: the angle of ``(x, y)``; both tensors, broadcast."""
    _check_tensor(input, "atan2")
    _check_tensor(other, "atan2", "other")
    dt = _api.result_type(input, other)
    if dt.kind != "f":
        dt = _api._DF[0]
    try:
        return U.Atan2Backward0.apply(_api._cast(input, dt), _api._cast(other, dt))
    except ValueError:
        _api._raise_broadcast_error(input, other)


arctan2 = _named(atan2, "arctan2")

_CLAMP_SIGS = (
    " * (Tensor input, Tensor {b}, *, Tensor out = None)\n"
    " * (Tensor input, Number {b}, *, Tensor out = None)\n"
)


def _clamp_one(cls, name, bound, input, value):
    _check_tensor(input, name)
    if isinstance(value, Tensor):
        two = U.ClampMinBackward1 if bound == "min" else U.ClampMaxBackward1
        dt = _api.result_type(input, value)
        return two.apply(_api._cast(input, dt), _api._cast(value, dt))
    if not isinstance(value, numbers.Number):
        raise TypeError(
            f"{name}() received an invalid combination of arguments - got (Tensor, "
            f"{type(value).__name__}), but expected one of:\n" + _CLAMP_SIGS.format(b=bound)
        )
    dt = _api.result_type(input, value)
    return cls.apply(_api._cast(input, dt), **{bound: value})


def _clamp_tensors(input, min, max, name="clamp"):
    """``torch.clamp(x, min, max)`` with tensor bounds (broadcast; either may be ``None``):
    one ``ClampBackward0`` with three slots, the bounds' gradients where they decide."""
    bounds = [v for v in (min, max) if v is not None]
    if not all(isinstance(v, Tensor) for v in bounds):
        raise TypeError(
            f"{name}() received an invalid combination of arguments - got (Tensor, "
            + ", ".join("NoneType" if v is None else type(v).__name__ for v in (min, max))
            + "), but expected one of:\n"
            " * (Tensor input, Tensor min = None, Tensor max = None, *, Tensor out = None)\n"
            " * (Tensor input, Number min = None, Number max = None, *, Tensor out = None)\n"
        )
    shapes = [input._data.shape] + [v._data.shape for v in bounds]
    try:
        np.broadcast_shapes(*shapes)
    except ValueError:
        a, b = shapes[0], next(s for s in shapes[1:] if not _broadcastable(shapes[0], s))
        raise _size_mismatch(a, b) from None
    dt = _api.result_type(input, *bounds)
    if dt == np.bool_:
        raise NotImplementedError("\"clamp_cpu\" not implemented for 'Bool'")
    return X.ClampBackward0.apply(
        _api._cast(input, dt),
        None if min is None else _api._cast(min, dt),
        None if max is None else _api._cast(max, dt),
    )


def clamp_tensors_(self, min, max):
    """``Tensor.clamp_`` / ``clip_`` with tensor bounds: the result must keep ``self``'s
    shape and dtype; ``self`` gets ``ClampBackward0`` when it or a bound needs a grad."""
    bounds = [v for v in (min, max) if v is not None]
    if not all(isinstance(v, Tensor) for v in bounds):
        got = ", ".join("NoneType" if v is None else type(v).__name__ for v in (min, max))
        marked = ", ".join(f"!{n}!" for n in got.split(", "))
        why = f"      didn't match because some of the arguments have invalid types: ({marked})\n"
        raise TypeError(
            f"clamp_() received an invalid combination of arguments - got ({got}), but "
            "expected one of:\n * (Tensor min = None, Tensor max = None)\n"
            + why
            + " * (Number min = None, Number max = None)\n"
            + why
        )
    rt = _api.result_type(self, *bounds)
    if _api._CAT[rt.kind] > _api._CAT[self._data.dtype.kind]:
        raise RuntimeError(
            f"result type {_scalar_type_name(rt)} can't be cast to the desired output type "
            f"{_scalar_type_name(self._data.dtype)}"
        )
    shapes = [self._data.shape] + [v._data.shape for v in bounds]
    try:
        full = np.broadcast_shapes(*shapes)
    except ValueError:
        a, b = shapes[0], next(s for s in shapes[1:] if not _broadcastable(shapes[0], s))
        raise _size_mismatch(a, b) from None
    if full != self._data.shape:
        raise RuntimeError(
            f"output with shape [{', '.join(map(str, self._data.shape))}] doesn't match the "
            f"broadcast shape [{', '.join(map(str, full))}]"
        )
    other = next((v for v in bounds if v._requires_grad), bounds[0])
    return _api.inplace(self, "clamp_", lambda old: _clamp_tensors(old, min, max), other)


def _broadcastable(a, b):
    try:
        np.broadcast_shapes(a, b)
    except ValueError:
        return False
    return True


def _size_mismatch(a, b):
    """PyTorch's broadcast error for shapes ``a`` and ``b`` (the last mismatching dim)."""
    n = builtins_max(len(a), len(b))
    for i in range(1, n + 1):
        da = a[-i] if i <= len(a) else 1
        db = b[-i] if i <= len(b) else 1
        if da != db and da != 1 and db != 1:
            return RuntimeError(
                f"The size of tensor a ({da}) must match the size of tensor b ({db}) at "
                f"non-singleton dimension {n - i}"
            )
    return RuntimeError("shape mismatch")


def clamp_min(input, min):
    """``torch.clamp_min(x, lo)`` = ``max(x, lo)`` (``ClampMinBackward0``)."""
    return _clamp_one(U.ClampMinBackward0, "clamp_min", "min", input, min)


def clamp_max(input, max):
    """``torch.clamp_max(x, hi)`` = ``min(x, hi)`` (``ClampMaxBackward0``)."""
    return _clamp_one(U.ClampMaxBackward0, "clamp_max", "max", input, max)


def leaky_relu(input, negative_slope=0.01, inplace=False):
    """``F.leaky_relu``: ``a`` where ``a > 0``, else ``negative_slope * a``."""
    _check_tensor(input, "leaky_relu")
    if negative_slope.__class__ is not float:
        from .argtypes_shape import number_arg

        negative_slope = number_arg("leaky_relu", "negative_slope", negative_slope, 2, real=True)
    if input._data.dtype.kind not in "fc":
        raise NotImplementedError(
            f"\"leaky_relu_cpu\" not implemented for '{_scalar_type_name(input._data.dtype)}'"
        )
    if inplace:  # leaky_relu_: LeakyReluBackward1, which saves the result
        slope = float(negative_slope)
        return _api.inplace(
            input, "leaky_relu_", lambda t: X.LeakyReluBackward1.apply(t, negative_slope=slope)
        )
    return X.LeakyReluBackward0.apply(input, negative_slope=float(negative_slope))


# ---------------------------------------------------------------------- softmax


def _softmax_dim(input, dim):
    nd = input._data.ndim
    d = _wrap_dim(dim, nd)  # (a 0-d tensor takes dims -1 and 0)
    return None if nd == 0 else d


def _softmax_common(cls, name, input, dim, dtype):
    _check_tensor(input, name)
    if dim is None:
        raise TypeError(f'{name}() missing 1 required positional arguments: "dim"')
    d = _softmax_dim(input, dim)
    if dtype is not None:
        input = _api.to_dtype(input, dtype)
    a = input._data
    if a.dtype.kind not in "fc":
        last = a.ndim == 0 or d == a.ndim - 1
        kernel = f"{name}_lastdim_kernel_impl" if last else f"{name}_kernel_impl"
        raise NotImplementedError(
            f"\"{kernel}\" not implemented for '{_scalar_type_name(a.dtype)}'"
        )
    return cls.apply(input, dim=d)


def softmax(input, dim=None, dtype=None, *, axis=None):
    """``torch.softmax(x, dim)``: ``exp(x) / exp(x).sum(dim)`` (one ``SoftmaxBackward0``)."""
    try:
        if axis is not None:  # numpy's names, which PyTorch accepts too
            dim = _api._numpy_dim("softmax", dim, axis)
        return _softmax_common(X.SoftmaxBackward0, "softmax", input, dim, dtype)
    except TypeError:
        return _softmax_retry(softmax, "softmax", (input,), dim, dtype, axis)


def log_softmax(input, dim=None, dtype=None, *, axis=None):
    """``torch.log_softmax(x, dim)`` (one ``LogSoftmaxBackward0``)."""
    try:
        if axis is not None:  # numpy's names, which PyTorch accepts too
            dim = _api._numpy_dim("log_softmax", dim, axis)
        return _softmax_common(X.LogSoftmaxBackward0, "log_softmax", input, dim, dtype)
    except TypeError:
        return _softmax_retry(log_softmax, "log_softmax", (input,), dim, dtype, axis)


def _softmax_retry(fn, name, head, dim, dtype, axis, method=False):
    """The failure path of softmax / log_softmax: PyTorch's argument-parser error (or the
    call again with a 0-d tensor dim as an int)."""
    from . import argtypes

    absent = dim is _NO_SOFTMAX_DIM or (dim is None and not method)
    args = head if absent else (*head, dim)
    kwargs = {k: v for k, v in (("dtype", dtype), ("axis", axis)) if v is not None}
    if method:
        return argtypes.retry(name, fn, args[1:], kwargs, head[0])
    return argtypes.retry(name, fn, args, kwargs)


_NO_SOFTMAX_DIM = object()


def implicit_softmax_dim(name, ndim, stacklevel):
    """``F.softmax(x)`` without ``dim``: PyTorch's deprecated choice (and its warning)."""
    warnings.warn(
        f"Implicit dimension choice for {name} has been deprecated. Change the "
        "call to include dim=X as an argument.",
        UserWarning,
        stacklevel=stacklevel,
    )
    return 0 if ndim in (0, 1, 3) else 1


# ---------------------------------------------------------------------- var / std


def _reduce_dims(dim, ndim):
    if dim is None:
        return tuple(range(ndim))
    if isinstance(dim, int | np.integer) and not isinstance(dim, bool):
        dim = (dim,)
    seen = set()
    for d in dim:
        w = _wrap_dim(int(d), ndim)
        if w in seen:
            raise RuntimeError(f"dim {w} appears multiple times in the list of dims")
        seen.add(w)
    return tuple(sorted(seen))


def _var_std(cls, name, input, dim, unbiased, keepdim, correction):
    _check_tensor(input, name)
    if isinstance(dim, bool):  # var(x, False): the ``unbiased`` overload
        dim, unbiased = None, dim
    if unbiased is not None and correction is not None:
        raise TypeError(
            f"{name}() received an invalid combination of arguments - got "
            "both 'unbiased' and 'correction'"
        )
    if correction is None:
        correction = 0 if unbiased is False else 1
    a = input._data
    if a.dtype.kind not in "fc":
        raise RuntimeError("std and var only support floating point and complex dtypes")
    dims = _reduce_dims(dim, a.ndim)
    n = int(np.prod([a.shape[d] for d in dims])) if a.ndim else 1
    if n - correction <= 0:
        warnings.warn(
            f"{name}(): degrees of freedom is <= 0. Correction should be strictly "
            "less than the reduction factor (input numel divided by output numel).",
            UserWarning,
            stacklevel=3,
        )
    return cls.apply(input, dims=dims, correction=correction, keepdim=bool(keepdim))


def var(
    input, dim=None, unbiased=None, keepdim=False, *, correction=None, axis=None, keepdims=None
):
    if axis is not None:  # numpy's names, which PyTorch accepts too
        dim = axis
    if keepdims is not None:
        keepdim = keepdims
    """Variance over ``dim`` (all by default), unbiased (``correction=1``) by default."""
    return _var_std(X.VarBackward0, "var", input, dim, unbiased, keepdim, correction)


def std(
    input, dim=None, unbiased=None, keepdim=False, *, correction=None, axis=None, keepdims=None
):
    if axis is not None:  # numpy's names, which PyTorch accepts too
        dim = axis
    if keepdims is not None:
        keepdim = keepdims
    """Standard deviation over ``dim`` (all by default), ``correction=1`` by default."""
    return _var_std(X.StdBackward0, "std", input, dim, unbiased, keepdim, correction)


# ---------------------------------------------------------------------- prod


def prod(input, dim=None, keepdim=False, *, dtype=None, axis=None, keepdims=None):
    if axis is not None:  # numpy's names, which PyTorch accepts too
        dim = axis
    if keepdims is not None:
        keepdim = keepdims
    """Product of all elements (``ProdBackward0``) or along one ``dim`` (``ProdBackward1``);
    integer and bool inputs give int64, as in PyTorch."""
    _check_tensor(input, "prod")
    if dim is not None and (isinstance(dim, bool) or not isinstance(dim, int | np.integer)):
        got = type(dim).__name__
        raise TypeError(
            f"prod() received an invalid combination of arguments - got ({got}), but "
            "expected one of:\n * (*, torch.dtype dtype = None)\n * (int dim, bool keepdim "
            "= False, *, torch.dtype dtype = None)\n"
        )
    npd = to_numpy_dtype(dtype)
    if npd is not None and npd != input._data.dtype:
        input = _api._cast(input, npd)  # inside the op: no node of its own (as PyTorch)
        npd = None
    if input._data.dtype.kind in "biu":
        npd = np.dtype(np.int64)
    if dim is None:
        return X.ProdBackward0.apply(input, dtype=npd)
    d = _wrap_dim(int(dim), input._data.ndim)
    if input._data.ndim == 0:
        return X.ProdBackward1.apply(input, dim=None, keepdim=False, dtype=npd)
    return X.ProdBackward1.apply(input, dim=d, keepdim=bool(keepdim), dtype=npd)


# ---------------------------------------------------------------------- norm


def norm(input, p="fro", dim=None, keepdim=False, out=None, dtype=None):
    """``torch.norm`` / ``Tensor.norm``: any order (engine/api_norm.py)."""
    from .api_norm import norm as _norm

    return _norm(input, p, dim, keepdim, out, dtype)


# ---------------------------------------------------------------------- losses


def _reduction_ok(reduction):
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"{reduction} is not a valid value for reduction")


def _legacy_reduction(size_average, reduce):
    """PyTorch's ``_Reduction.legacy_get_string``: the deprecated ``size_average`` /
    ``reduce`` arguments as a ``reduction`` (with its warning)."""
    size_average = True if size_average is None else size_average
    reduce = True if reduce is None else reduce
    ret = "mean" if size_average and reduce else "sum" if reduce else "none"
    warnings.warn(
        f"size_average and reduce args will be deprecated, please use reduction='{ret}' instead.",
        UserWarning,
        stacklevel=3,
    )
    return ret


def nll_loss(
    input,
    target,
    weight=None,
    size_average=None,
    ignore_index=-100,
    reduce=None,
    reduction="mean",
):
    """Negative log-likelihood of class indices (one ``NllLossBackward0``); ``input`` are
    log-probabilities of shape (N, C) or (C,)."""
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce)
    _reduction_ok(reduction)
    _check_tensor(input, "nll_loss_nd")
    _check_tensor(target, "nll_loss_nd", "target")
    if weight is not None:
        _check_tensor(weight, "nll_loss_nd", "weight", 3)
    if ignore_index.__class__ is not int:
        from .argtypes_shape import int_arg

        ignore_index = int_arg("nll_loss_nd", "ignore_index", ignore_index, 5)
    a, t = input._data, target._data
    if a.ndim > 2:
        return _nll_loss_nd(input, target, weight, ignore_index, reduction)
    if a.ndim == 0:
        raise ValueError("Expected 1 or more dimensions (got 0)")
    if a.ndim == 1 and t.ndim == 1 and t.shape[0] != 1 and t.dtype in (np.int64, np.uint8):
        raise ValueError(
            f"For 1D input, 1D target must have size 1, but got target size: {t.shape[0]}"
        )
    if a.ndim == 2 and (t.ndim == 0 or t.shape[0] != a.shape[0]):
        bs = t.shape[0] if t.ndim else 0
        raise ValueError(
            f"Expected input batch_size ({a.shape[0]}) to match target batch_size ({bs})."
        )
    if t.ndim > 1:
        raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
    if t.dtype not in (np.int64, np.uint8):
        raise RuntimeError(
            f"expected target dtype to be Long or Byte, but got {_scalar_type_name(t.dtype)}"
        )
    if a.dtype.kind not in "fc":
        raise NotImplementedError(
            f"\"nll_loss_out_frame\" not implemented for '{_scalar_type_name(a.dtype)}'"
        )
    c = a.shape[-1]
    flat = t.reshape(-1).astype(np.int64)
    if flat.size and not (flat.min() >= 0 and flat.max() < c):  # (two quick reductions first)
        bad = (flat != ignore_index) & ((flat < 0) | (flat >= c))
        if bad.any():
            raise IndexError(f"Target {int(flat[bad][0])} is out of bounds.")
    w = None
    if weight is not None:
        _check_tensor(weight, "nll_loss", "weight")
        w = weight._data
        if w.ndim != 1 or w.shape[0] != c:
            raise RuntimeError(
                f"weight tensor should be defined either for all {c} classes or no classes "
                f"but got weight tensor of shape: [{', '.join(map(str, w.shape))}]"
            )
        if w.dtype != a.dtype:
            raise RuntimeError(
                f"expected scalar type {_scalar_type_name(a.dtype)} but found "
                f"{_scalar_type_name(w.dtype)}"
            )
    return X.NllLossBackward0.apply(
        input, target=t, weight=w, reduction=reduction, ignore_index=int(ignore_index)
    )


def _nll_loss_nd(input, target, weight, ignore_index, reduction):
    """``nll_loss`` of (N, C, d1, ...) log-probabilities and (N, d1, ...) class indices, as
    PyTorch's ``nll_loss_nd``: 4 dims go to ``NllLoss2DBackward0`` as they are; 3 or more
    than 4 are made contiguous, viewed as (N, C, 1, L) (``ViewBackward0``), and the
    ``none`` result viewed back to (N, d1, ...)."""
    a, t = input._data, target._data
    if t.ndim == 0 or t.shape[0] != a.shape[0]:
        raise ValueError(
            f"Expected input batch_size ({a.shape[0]}) to match target batch_size "
            f"({t.shape[0] if t.ndim else 0})."
        )
    n, c = a.shape[0], a.shape[1]
    x = input
    if a.ndim != 4:
        if t.shape[1:] != a.shape[2:]:
            raise RuntimeError(
                f"Expected target size [{', '.join(map(str, (n, *a.shape[2:])))}], got "
                f"[{', '.join(map(str, t.shape))}]"
            )
        x = _api.contiguous(input)
        x = _api.view(x, n, c, 1, -1) if a.size else _api.view(x, n, c, 0, 0)
        t = t.reshape(n, 1, -1) if t.size else t.reshape(n, 0, 0)
    else:
        if t.ndim != 3:
            raise RuntimeError(
                "only batches of spatial targets supported (3D tensors) but got targets of "
                f"dimension: {t.ndim}"
            )
        if t.shape != (n, *a.shape[2:]):
            raise RuntimeError(
                f"size mismatch (got input: [{', '.join(map(str, a.shape))}] , target: "
                f"[{', '.join(map(str, t.shape))}]"
            )
    if t.dtype not in (np.int64, np.uint8):
        raise RuntimeError(
            f"expected target dtype to be Long or Byte, but got {_scalar_type_name(t.dtype)}"
        )
    w = None
    if weight is not None:
        _check_tensor(weight, "nll_loss", "weight")
        w = weight._data
        if w.ndim != 1 or w.shape[0] != c:
            raise RuntimeError("weight tensor should be defined either for all or no classes")
        if w.dtype != a.dtype:
            raise RuntimeError(
                f"expected scalar type {_scalar_type_name(a.dtype)} but found "
                f"{_scalar_type_name(w.dtype)}"
            )
    if a.dtype.kind not in "fc":
        raise NotImplementedError(
            f"\"nll_loss2d_forward_out_frame\" not implemented for '{_scalar_type_name(a.dtype)}'"
        )
    flat = t.reshape(-1).astype(np.int64)
    if flat.size:
        bad = (flat != ignore_index) & ((flat < 0) | (flat >= c))
        if bad.any():
            raise IndexError(f"Target {int(flat[bad][0])} is out of bounds.")
    out = X.NllLoss2DBackward0.apply(
        x, target=t, weight=w, reduction=reduction, ignore_index=int(ignore_index)
    )
    if reduction == "none" and a.ndim != 4:
        out = _api.view(out, n, *a.shape[2:])
    return out


def _class_dim_view(weight, ndim):
    """``weight`` viewed to broadcast along the class dim (1) of an ``ndim``-dim input."""
    if ndim <= 1:
        return weight
    shape = [1] * ndim
    shape[1] = weight._data.shape[0]
    return _api.view(weight, *shape)


def _cross_entropy_probs(input, target, weight, reduction, label_smoothing):
    """Class-probability targets, as PyTorch's ``cross_entropy_loss_prob_target``:
    ``-(log_softmax(x) * t [* w]).sum()`` (``/ (numel / C)`` for the mean)."""
    a = input._data
    if target._data.dtype.kind != "f":
        raise RuntimeError(
            "Expected floating point type for target with class probabilities, got "
            + _scalar_type_name(target._data.dtype)
        )
    class_dim = 0 if a.ndim == 1 else 1
    if not a.ndim:
        raise IndexError("Dimension specified as 1 but tensor has no dimensions")
    c = a.shape[class_dim]
    if weight is not None:
        _check_tensor(weight, "cross_entropy_loss", "weight")
        if weight._data.ndim != 1 or weight._data.shape[0] != c:
            raise RuntimeError(
                f"cross_entropy: weight tensor should be defined either for all {c} classes "
                "or no classes but got weight tensor of shape: "
                f"[{', '.join(map(str, weight._data.shape))}]"
            )
    logp = log_softmax(input, class_dim)
    t = target
    if label_smoothing > 0.0:
        if label_smoothing > 1.0:
            raise RuntimeError(
                f"label_smoothing must be between 0.0 and 1.0. Got: {label_smoothing:g}"
            )
        t = A.AddBackward1.apply(
            A.MulBackward1.apply(target, other=1 - label_smoothing), other=label_smoothing / c
        )
    prod = _api.mul(logp, t)
    if weight is not None:
        prod = _api.mul(prod, _class_dim_view(weight, a.ndim))
    if reduction == "none":
        return _api.neg(_api.sum(prod, class_dim))
    if reduction == "mean" and not a.size:  # PyTorch: ``-(...).sum().fill_(nan)``
        return _api.neg(_api.sum(prod).fill_(float("nan")))
    total = _api.neg(_api.sum(prod))
    if reduction == "sum":
        return total
    return X.DivBackward1.apply(total, other=a.size // c if c else 0)


def _cross_entropy_smoothing(input, target, weight, ignore_index, reduction, label_smoothing):
    """Class indices with ``label_smoothing``, as PyTorch's
    ``cross_entropy_loss_label_smoothing``: ``(1 - ε)·nll + ε/C·smooth`` where ``smooth`` is
    ``-log_softmax(x)`` summed over the classes (weighted), 0 at ignored targets."""
    if label_smoothing > 1.0:
        raise RuntimeError(f"label_smoothing must be between 0.0 and 1.0. Got: {label_smoothing:g}")
    a = input._data
    class_dim = 0 if a.ndim == 1 else 1
    logp = log_softmax(input, class_dim)
    nll = nll_loss(logp, target, weight, ignore_index=ignore_index, reduction=reduction)
    c = a.shape[class_dim]
    if weight is not None:
        smooth = _api.neg(_api.sum(_api.mul(logp, _class_dim_view(weight, a.ndim)), class_dim))
    else:
        smooth = _api.neg(_api.sum(logp, class_dim))
    ignored = _api.eq(target, ignore_index)
    smooth.masked_fill_(ignored, 0.0)
    if reduction == "mean":
        if weight is not None:
            keep = target._data[~ignored._data].reshape(-1)
            den = _api.sum(Tensor._make(weight._data[keep]))
        else:
            den = _api.sum(_api.logical_not(ignored))
        ret = _api.div(_api.sum(smooth), den)
    elif reduction == "sum":
        ret = _api.sum(smooth)
    else:
        ret = smooth
    return _api.add(
        A.MulBackward1.apply(nll, other=1 - label_smoothing),
        A.MulBackward1.apply(ret, other=label_smoothing / c),
    )


def cross_entropy(
    input,
    target,
    weight=None,
    size_average=None,
    ignore_index=-100,
    reduce=None,
    reduction="mean",
    label_smoothing=0.0,
):
    """``log_softmax`` over the class dim, then ``nll_loss`` (class-index targets):
    ``LogSoftmaxBackward0 -> NllLossBackward0``, drawn as one ``cross_entropy`` op."""
    if _LISTENERS and _OPEN[-1:] != ["cross_entropy"]:
        return _composite(
            "cross_entropy",
            cross_entropy,
            (input, target, weight, size_average, ignore_index, reduce, reduction, label_smoothing),
            None,
            (input, target),
            {"reduction": reduction},
        )
    if (
        not _LISTENERS
        and input.__class__ is Tensor
        and target.__class__ is Tensor
        and weight is None
        and reduction == "mean"
        and label_smoothing == 0.0
        and size_average is None
        and reduce is None
    ):
        # the usual call (a batch of logits, class indices): the checks of log_softmax and
        # nll_loss in a few steps, then the same two nodes
        a, t = input._data, target._data
        if (
            a.ndim == 2
            and a.dtype.kind == "f"
            and t.ndim == 1
            and (t.dtype is _I64 or t.dtype == _I64)
            and t.shape[0] == a.shape[0]
            and t.size
            and ignore_index.__class__ is int
            and ignore_index < 0
        ):
            try:
                # every target in [0, C), and where each row's target is in the flat
                # data, in one step (else the general path raises PyTorch's error)
                flat = _ravel_multi_index((_arange(a.shape[0]), t), a.shape)
            except ValueError:
                flat = None
            if flat is not None:
                seq0 = _seq_counter[0]
                if input._requires_grad and _GRAD.enabled:
                    out = X.cross_entropy_nodes(input, flat)
                else:
                    logp = X.LogSoftmaxBackward0.apply(input, dim=1)
                    out = X.NllLossBackward0.apply(
                        logp, target=t, weight=None, reduction="mean", ignore_index=ignore_index
                    )
                info = {"reduction": reduction}
                return _tagged(out, "cross_entropy", (input, target), info, seq0)
    _reduction_ok(reduction)
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce)
    _check_tensor(input, "cross_entropy_loss")
    _check_tensor(target, "cross_entropy_loss", "target")
    if weight is not None:
        _check_tensor(weight, "cross_entropy_loss", "weight", 3)
    ii = ignore_index
    if isinstance(ii, Tensor) and ii._data.ndim == 0 and ii._data.dtype.kind in "iu":
        ignore_index = int(ii._data)  # (a 0-d tensor is a Number to PyTorch)
    if isinstance(label_smoothing, Tensor) and label_smoothing._data.ndim == 0:
        label_smoothing = float(label_smoothing._data)
    if isinstance(ignore_index, bool) or not isinstance(ignore_index, numbers.Integral):
        raise TypeError(
            "cross_entropy_loss(): argument 'ignore_index' (position 5) must be int, not "
            f"{type(ignore_index).__name__}"
        )
    if isinstance(label_smoothing, complex) or not isinstance(label_smoothing, numbers.Real):
        raise TypeError(
            "cross_entropy_loss(): argument 'label_smoothing' (position 6) must be float, not "
            f"{type(label_smoothing).__name__}"
        )
    seq0 = _seq_counter[0]
    a = input._data
    ls = float(label_smoothing)
    if target._data.shape == a.shape:  # class probabilities (PyTorch: same shape)
        if ignore_index >= 0 and target._data.dtype.kind == "f":
            raise RuntimeError("ignore_index is not supported for floating point target")
        out = _cross_entropy_probs(input, target, weight, reduction, ls)
    elif ls > 0.0:
        out = _cross_entropy_smoothing(input, target, weight, ignore_index, reduction, ls)
    else:
        if a.ndim == 0:  # PyTorch's class dim 1 of a 0-d tensor
            raise IndexError(
                "Dimension out of range (expected to be in range of [-1, 0], but got 1)"
            )
        logp = log_softmax(input, 0 if a.ndim == 1 else 1)
        out = nll_loss(logp, target, weight, ignore_index=ignore_index, reduction=reduction)
    return _tagged(out, "cross_entropy", (input, target), {"reduction": reduction}, seq0)


def binary_cross_entropy(
    input,
    target,
    weight=None,
    size_average=None,
    reduce=None,
    reduction="mean",
):
    """``-(t·log x + (1−t)·log(1−x))`` (logs clamped at −100), one
    ``BinaryCrossEntropyBackward0`` with two slots (input, target)."""
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce)
    if not isinstance(input, Tensor) or not isinstance(target, Tensor):
        from .argtypes_shape import size_probe

        size_probe(target, input)
    _check_tensor(input, "binary_cross_entropy")
    _check_tensor(target, "binary_cross_entropy", "target")
    if target._data.shape != input._data.shape:
        raise ValueError(
            f"Using a target size ({Size(target._data.shape)}) that is different to the "
            f"input size ({Size(input._data.shape)}) is deprecated. Please ensure they "
            "have the same size."
        )
    _reduction_ok(reduction)
    a, t = input._data, target._data
    w = None
    if weight is not None:
        if not isinstance(weight, Tensor):  # (PyTorch's Python code asks weight.size())
            from .argtypes_shape import size_probe

            size_probe(weight)
        _check_tensor(weight, "binary_cross_entropy", "weight")
        w = weight._data
        for i in range(1, w.ndim + 1):
            if i > a.ndim or w.shape[-i] not in (1, a.shape[-i]):
                raise RuntimeError(
                    f"Attempting to broadcast a dimension of length {w.shape[-i]} at {-i}! "
                    f"Mismatching argument at index 1 had {Size(w.shape)}; but expected "
                    f"shape should be broadcastable to [{', '.join(map(str, a.shape))}]"
                )
        w = np.broadcast_to(w, a.shape).astype(a.dtype)
    if t.dtype != a.dtype:
        raise RuntimeError(
            f"Found dtype {_scalar_type_name(t.dtype)} but expected {_scalar_type_name(a.dtype)}"
        )
    if a.dtype.kind != "f":
        raise NotImplementedError(
            f"\"binary_cross_entropy\" not implemented for '{_scalar_type_name(a.dtype)}'"
        )
    a_ok = (a >= 0) & (a <= 1)
    t_ok = (t >= 0) & (t <= 1)
    if not (a_ok.all() and t_ok.all()):
        # PyTorch's kernel checks each element's input, then its target, in order
        first = int(np.argmin((a_ok & t_ok).ravel()))
        which = "input" if not a_ok.ravel()[first] else "target"
        raise RuntimeError(f"all elements of {which} should be between 0 and 1")
    return X.BinaryCrossEntropyBackward0.apply(input, target, weight=w, reduction=reduction)


# ---------------------------------------------------------------------- Tensor methods
# ``tensor.py`` holds the core methods; these extra ones are attached here (one place
# owns them) as plain functions assigned on the class, as the ones defined there are.


def _sin_method(self):
    return sin(self)


def _cos_method(self):
    return cos(self)


def _softmax_method(self, dim=_NO_SOFTMAX_DIM, dtype=None, *, axis=None):
    try:
        d = None if dim is _NO_SOFTMAX_DIM else dim
        if d is None and dim is not _NO_SOFTMAX_DIM:
            raise TypeError("softmax(): dim None")
        if axis is not None:  # numpy's names, which PyTorch accepts too
            d = _api._numpy_dim("softmax", d, axis)
        return _softmax_common(X.SoftmaxBackward0, "softmax", self, d, dtype)
    except TypeError:
        return _softmax_retry(_softmax_method, "softmax", (self,), dim, dtype, axis, True)


def _log_softmax_method(self, dim=_NO_SOFTMAX_DIM, dtype=None, *, axis=None):
    try:
        d = None if dim is _NO_SOFTMAX_DIM else dim
        if d is None and dim is not _NO_SOFTMAX_DIM:
            raise TypeError("log_softmax(): dim None")
        if axis is not None:  # numpy's names, which PyTorch accepts too
            d = _api._numpy_dim("log_softmax", d, axis)
        return _softmax_common(X.LogSoftmaxBackward0, "log_softmax", self, d, dtype)
    except TypeError:
        return _softmax_retry(_log_softmax_method, "log_softmax", (self,), dim, dtype, axis, True)


def _var_method(
    self, dim=None, unbiased=None, keepdim=False, *, correction=None, axis=None, keepdims=None
):
    if axis is not None:  # numpy's names, which PyTorch accepts too
        dim = axis
    if keepdims is not None:
        keepdim = keepdims
    return var(self, dim, unbiased, keepdim, correction=correction)


def _std_method(
    self, dim=None, unbiased=None, keepdim=False, *, correction=None, axis=None, keepdims=None
):
    if axis is not None:  # numpy's names, which PyTorch accepts too
        dim = axis
    if keepdims is not None:
        keepdim = keepdims
    return std(self, dim, unbiased, keepdim, correction=correction)


def _prod_method(self, dim=None, keepdim=False, *, dtype=None, axis=None, keepdims=None):
    if axis is not None:  # numpy's names, which PyTorch accepts too
        dim = axis
    if keepdims is not None:
        keepdim = keepdims
    return prod(self, dim, keepdim, dtype=dtype)


def _norm_method(self, p="fro", dim=None, keepdim=False, dtype=None):
    return norm(self, p, dim, keepdim, dtype=dtype)


def _method(fn):
    def m(self):
        return fn(self)

    return m


def _round_method(self, *, decimals=0):
    return round(self, decimals=decimals)


def _atan2_method(self, other):
    return atan2(self, other)


def _clamp_min_method(self, min):
    return clamp_min(self, min)


def _clamp_max_method(self, max):
    return clamp_max(self, max)


_FLOAT_RESULT = frozenset(
    [
        "exp",
        "log",
        "sqrt",
        "sigmoid",
        "tanh",
        "sin",
        "cos",
        "log10",
        "log2",
        "log1p",
        "expm1",
        "exp2",
        "rsqrt",
        "sinh",
        "cosh",
        "tan",
        "asin",
        "acos",
        "atan",
        "arcsin",
        "arccos",
        "arctan",
        "erf",
        "reciprocal",
        "atan2",
        "arctan2",
    ]
)


def no_arguments_error(name, args, kwargs):
    """CPython's error for a C method that takes no arguments (PyTorch's ``t.zero_(1)``)."""
    if kwargs:
        raise TypeError(f"TensorBase.{name}() takes no keyword arguments")
    raise TypeError(f"TensorBase.{name}() takes no arguments ({len(args)} given)")


def _inplace_method(name, fn):
    """``t.exp_()``: the op written into ``t`` (PyTorch's in-place rules: no leaf that
    requires grad, the version counter goes up, ``t`` gets the op's ``grad_fn``)."""
    float_result = name in _FLOAT_RESULT
    code = getattr(fn, "__code__", None)
    # PyTorch's method of an op with no argument besides the tensor takes none (METH_NOARGS)
    no_args = code is not None and code.co_argcount == 1 and not code.co_flags & 0x0C

    def m(self, *args, **kwargs):
        if no_args and (args or kwargs):
            no_arguments_error(name + "_", args, kwargs)
        if float_result and self._data.dtype.kind not in "fc":
            raise RuntimeError(
                f"result type {_scalar_type_name(_api._DF[0])} can't be cast to the desired "
                f"output type {_scalar_type_name(self._data.dtype)}"
            )
        return _api.inplace(self, name + "_", lambda old: fn(old, *args, **kwargs))

    m.__name__ = m.__qualname__ = name + "_"
    m.__doc__ = f"In-place ``{name}`` (``t.{name}_()``)."
    return m


def _relu_checked(x):
    return _api.relu(x)


def _neg_checked(x):
    return _api.neg(x)


_INPLACE = {
    "exp": _api.exp,
    "log": _api.log,
    "sqrt": _api.sqrt,
    "sigmoid": _api.sigmoid,
    "tanh": _api.tanh,
    "relu": _relu_checked,
    "neg": _neg_checked,
    "negative": _neg_checked,
    "abs": _api.abs,
    "absolute": _api.abs,
    "sign": _api.sign,
    "square": _api.square,
    "sin": sin,
    "cos": cos,
    "log10": log10,
    "log2": log2,
    "log1p": log1p,
    "expm1": expm1,
    "exp2": exp2,
    "rsqrt": rsqrt,
    "sinh": sinh,
    "cosh": cosh,
    "tan": tan,
    "asin": asin,
    "acos": acos,
    "atan": atan,
    "arcsin": asin,
    "arccos": acos,
    "arctan": atan,
    "erf": erf,
    "reciprocal": reciprocal,
    "floor": floor,
    "ceil": ceil,
    "trunc": trunc,
    "fix": trunc,
    "round": round,
    "frac": frac,
    "atan2": atan2,
    "arctan2": atan2,
    "clamp_min": clamp_min,
    "clamp_max": clamp_max,
}

for _name, _fn in _INPLACE.items():
    if _name + "_" not in Tensor.__dict__:
        setattr(Tensor, _name + "_", _inplace_method(_name, _fn))

for _name, _fn in (
    ("log10", _method(log10)),
    ("log2", _method(log2)),
    ("log1p", _method(log1p)),
    ("expm1", _method(expm1)),
    ("exp2", _method(exp2)),
    ("rsqrt", _method(rsqrt)),
    ("sinh", _method(sinh)),
    ("cosh", _method(cosh)),
    ("tan", _method(tan)),
    ("asin", _method(asin)),
    ("acos", _method(acos)),
    ("atan", _method(atan)),
    ("arcsin", _method(asin)),
    ("arccos", _method(acos)),
    ("arctan", _method(atan)),
    ("erf", _method(erf)),
    ("reciprocal", _method(reciprocal)),
    ("floor", _method(floor)),
    ("ceil", _method(ceil)),
    ("trunc", _method(trunc)),
    ("fix", _method(trunc)),
    ("frac", _method(frac)),
    ("round", _round_method),
    ("atan2", _atan2_method),
    ("arctan2", _atan2_method),
    ("clamp_min", _clamp_min_method),
    ("clamp_max", _clamp_max_method),
    ("sin", _sin_method),
    ("cos", _cos_method),
    ("softmax", _softmax_method),
    ("log_softmax", _log_softmax_method),
    ("var", _var_method),
    ("std", _std_method),
    ("prod", _prod_method),
    ("norm", _norm_method),
):
    if _name not in Tensor.__dict__:  # never shadow a method tensor.py defines itself
        _fn.__name__ = _fn.__qualname__ = _name
        setattr(Tensor, _name, _fn)
del _name, _fn


def one_hot(tensor, *args, num_classes=-1):
    """``F.one_hot(labels, num_classes=-1)``: int64, one more dimension of size
    ``num_classes`` (``labels.max() + 1`` when -1)."""
    _check_tensor(tensor, "one_hot")
    pos = None  # (PyTorch's message names the position of a positional argument)
    if args:
        if len(args) > 1:
            raise TypeError(
                f"one_hot() takes from 1 to 2 positional arguments but {len(args) + 1} were given"
            )
        num_classes, pos = args[0], 2
    if num_classes.__class__ is not int:
        from .argtypes_shape import int_arg

        num_classes = int_arg("one_hot", "num_classes", num_classes, pos)
    a = tensor._data
    if a.dtype != np.int64:
        raise RuntimeError("one_hot is only applicable to index tensor of type LongTensor.")
    if num_classes == -1:
        if a.size == 0:
            raise RuntimeError("Can not infer total number of classes from empty tensor.")
        if a.min() < 0:
            raise RuntimeError("Class values must be non-negative.")
        num_classes = int(a.max()) + 1
    else:
        if a.size and a.min() < 0:
            raise RuntimeError("Class values must be non-negative.")
        if (num_classes < 1 and a.size) or (a.size and a.max() >= num_classes):
            raise RuntimeError("Class values must be smaller than num_classes.")
    out = np.zeros((*a.shape, int(num_classes)), dtype=np.int64)
    np.put_along_axis(out, a[..., None], 1, axis=-1)
    return Tensor._make(out)


_random._attach()


def relu_(input):
    """``torch.relu_(x)`` / ``F.relu_(x)``: relu in place."""
    return Tensor.relu_(input)


def sigmoid_(input):
    return Tensor.sigmoid_(input)


def tanh_(input):
    return Tensor.tanh_(input)


def exp_(input):
    return Tensor.exp_(input)


__all_extra__ = [
    "sin",
    "cos",
    "softmax",
    "log_softmax",
    "var",
    "std",
    "prod",
    "norm",
    "log10",
    "log2",
    "log1p",
    "expm1",
    "exp2",
    "rsqrt",
    "sinh",
    "cosh",
    "tan",
    "asin",
    "acos",
    "atan",
    "arcsin",
    "arccos",
    "arctan",
    "erf",
    "reciprocal",
    "floor",
    "ceil",
    "trunc",
    "fix",
    "round",
    "frac",
    "atan2",
    "arctan2",
    "clamp_min",
    "clamp_max",
    "relu_",
    "sigmoid_",
    "tanh_",
    "exp_",
]
