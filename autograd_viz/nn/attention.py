"""``F.scaled_dot_product_attention`` as PyTorch 2.13 computes it on the CPU.

PyTorch picks a kernel per call (``sdp::select_sdp_backend_cpp``):

* the fused CPU flash kernel, ONE ``ScaledDotProductFlashAttentionForCpuBackward0`` node
  with the query, key and value as its three inputs, when all three are 4-D, there is no
  dropout, the mask (if any) needs no gradient and is 2-D or 4-D of a shape it takes, the
  three head sizes agree and every sequence is non-empty (no double backward, as
  PyTorch's);
* otherwise its math path ``_scaled_dot_product_attention_math``, built from ordinary ops:
  ``q * √scale`` and ``kᵀ * √scale`` (``MulBackward1``), ``matmul``, the mask added
  (``AddBackward0``), ``_safe_softmax`` (``SafeSoftmaxBackward0``: a row masked everywhere
  gives zeros, not nan), dropout (``MulBackward0`` of the kept/(1-p) mask), ``matmul``.
"""

from __future__ import annotations

import math

import numpy as np

from ..engine import api as _api
from ..engine.api_teach import repeat_interleave as _repeat_interleave
from ..engine.function import Function, Local, _seq_counter
from ..engine.functional_array import _is_array
from ..engine.ops.arithmetic import MulBackward1
from ..engine.ops.extra import SoftmaxBackward0
from ..engine.tensor import Tensor
from .layers import dropout as _dropout

__all__ = ["scaled_dot_product_attention"]

#: c10's names of dtypes, as PyTorch's C++ messages print them
_CNAME = {
    "float32": "float",
    "float64": "double",
    "float16": "c10::Half",
    "bfloat16": "c10::BFloat16",
    "int64": "long int",
    "int32": "int",
    "int16": "short int",
    "int8": "signed char",
    "uint8": "unsigned char",
    "bool": "bool",
    "complex64": "c10::complex<float>",
    "complex128": "c10::complex<double>",
}


def _cname(t) -> str:
    name = t._data.dtype.name
    return _CNAME.get(name, name)


class SafeSoftmaxBackward0(SoftmaxBackward0):
    """``at::_safe_softmax``: softmax, except that a row whose every entry is -inf (masked
    everywhere) gives zeros instead of nan; its backward is softmax's."""

    op, symbol = "safe_softmax", "softmax"
    formula = "softmax; a row that is -inf everywhere gives 0: grad = s·(g − Σ g·s)"

    @staticmethod
    def forward(ctx, a, dim=None):
        with np.errstate(invalid="ignore"):
            out = SoftmaxBackward0.forward(ctx, a, dim)
        dead = np.all(a == -np.inf, axis=dim, keepdims=True)
        if dead.any():
            out = np.where(dead, out.dtype.type(0), out)
            ctx.save_for_backward(out)
        return out


def _attn_probs(q, k, scale, mask, causal):
    """softmax(q kᵀ · scale + mask) in float64 (rows masked everywhere: zeros)."""
    s = np.matmul(q.astype(np.float64), np.swapaxes(k, -1, -2).astype(np.float64)) * scale
    if mask is not None:
        s = s + mask
    if causal:
        L, S = s.shape[-2:]
        s = np.where(np.tril(np.ones((L, S), bool)), s, -np.inf)
    top = s.max(axis=-1, keepdims=True)
    dead = top == -np.inf
    e = np.exp(s - np.where(dead, 0.0, top))
    total = e.sum(axis=-1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(dead, 0.0, e / np.where(dead, 1.0, total))


def _gqa(k, hq):
    """Key/value heads repeated to the query's (grouped-query attention)."""
    hk = k.shape[-3]
    return k if hk == hq else np.repeat(k, hq // hk, axis=-3)


def _gqa_sum(g, hk):
    """The gradient of ``_gqa``: the repeated heads summed back."""
    hq = g.shape[-3]
    if hk == hq:
        return g
    shape = (*g.shape[:-3], hk, hq // hk, *g.shape[-2:])
    return g.reshape(shape).sum(axis=-3)


class ScaledDotProductFlashAttentionForCpuBackward0(Function):
    """PyTorch's fused CPU attention kernel: one node, inputs query, key, value."""

    op, symbol = "scaled_dot_product_attention", "attention"
    formula = "out = softmax(q kᵀ·scale + mask) v"
    local = (
        Local(("scale · dS @ k, dS = P ⊙ (G vᵀ − Σ(G vᵀ ⊙ P))", "scale · dS @ k"), rule=True),
        Local(("scale · dSᵀ @ q", "scale · dSᵀ @ q"), rule=True),
        Local(
            ("Pᵀ @ G with P = softmax(q kᵀ·scale)", "Pᵀ @ G，P = softmax(q kᵀ·scale)"), rule=True
        ),
    )

    @staticmethod
    def forward(ctx, q, k, v, mask=None, scale=1.0, causal=False):
        ctx.mask, ctx.scale, ctx.causal = mask, scale, causal
        ctx.save_for_backward(q, k, v)
        hq = q.shape[-3]
        p = _attn_probs(q, _gqa(k, hq), scale, mask, causal)
        out = np.empty_like(q)  # (laid out as the query is, as PyTorch's kernel does)
        out[...] = np.matmul(p, _gqa(v, hq).astype(np.float64))
        return out

    @staticmethod
    def backward(ctx, g):
        if not _is_array(g):  # create_graph: the gradients, whose own backward raises
            saved = ctx.saved_tensors
            grads = _flash_grads(ctx, *(t._data for t in saved), g._data)
            return tuple(
                None if x is None else _NotImplemented.apply(g, *saved, value=x) for x in grads
            )
        return _flash_grads(ctx, *ctx.saved_tensors, g)


def _flash_grads(ctx, q, k, v, g):
    hq = q.shape[-3]
    kk, vv = _gqa(k, hq).astype(np.float64), _gqa(v, hq).astype(np.float64)
    p = _attn_probs(q, kk, ctx.scale, ctx.mask, ctx.causal)
    g64 = g.astype(np.float64)
    n = ctx.needs_input_grad
    gv = _gqa_sum(np.matmul(np.swapaxes(p, -1, -2), g64), v.shape[-3]) if n[2] else None
    dp = np.matmul(g64, np.swapaxes(vv, -1, -2))
    ds = p * (dp - (dp * p).sum(axis=-1, keepdims=True)) * ctx.scale
    gq = np.matmul(ds, kk) if n[0] else None
    gk = None
    if n[1]:
        gk = _gqa_sum(np.matmul(np.swapaxes(ds, -1, -2), q.astype(np.float64)), k.shape[-3])
    return tuple(None if x is None else x.astype(q.dtype) for x in (gq, gk, gv))


class _NotImplemented(Function):
    """PyTorch's ``NotImplemented`` node: gradients made under ``create_graph=True`` by a
    backward PyTorch cannot differentiate (the fused attention kernel's, hardsigmoid's);
    differentiating them again raises PyTorch's error."""

    op, symbol = "not_implemented", "not implemented"
    formula = "no derivative"
    local = (Local(("not implemented", "未实现"), rule=True),)

    @staticmethod
    def forward(ctx, *inputs, value=None, what="_scaled_dot_product_flash_attention_for_cpu"):
        ctx.what = what
        return value

    @staticmethod
    def backward(ctx, g):
        raise RuntimeError(f"derivative for aten::{ctx.what}_backward is not implemented")


_NotImplemented.__name__ = _NotImplemented.__qualname__ = "NotImplemented"


def _validate(query, key, value, attn_mask):
    """PyTorch's ``validate_sdpa_input``."""
    for pos, (name, t) in enumerate((("query", query), ("key", key), ("value", value)), 1):
        _api._check_tensor(t, "scaled_dot_product_attention", name, pos)
    if attn_mask is not None:
        _api._check_tensor(attn_mask, "scaled_dot_product_attention", "attn_mask", 4)
    dq, dk, dv = (t._data.dtype for t in (query, key, value))
    if not dq == dk == dv:
        raise RuntimeError(
            "Expected query, key, and value to have the same dtype, but got query.dtype: "
            f"{_cname(query)} key.dtype: {_cname(key)} and value.dtype: {_cname(value)} "
            "instead."
        )
    if query.dim() < 2 or key.dim() < 2 or value.dim() < 2:
        raise RuntimeError(
            "Expected query, key, and value to all be  at least 2 dimensional, but got "
            f"query.dim: {query.dim()} key.dim: {key.dim()} and value.dim: {value.dim()} "
            "instead."
        )
    if attn_mask is not None:
        md = attn_mask._data.dtype
        if md != np.bool_ and md != np.float32 and md != dq:
            raise RuntimeError(
                "Expected attn_mask dtype to be bool or float or to match query dtype, but "
                f"got attn_mask.dtype: {_cname(attn_mask)} and  query.dtype: {_cname(query)} "
                "instead."
            )


def _mask_float(mask, dtype):
    """``convert_boolean_attn_mask``: a boolean mask becomes 0 where True, -inf where False."""
    m = mask._data
    if m.dtype == np.bool_:
        return Tensor._make(np.where(m, dtype.type(0), dtype.type(-np.inf)))
    return mask


def _use_flash(q, k, v, mask, dropout_p, enable_gqa) -> bool:
    """``use_flash_attention_cpp``: the conditions under which PyTorch's CPU picks its
    fused kernel."""
    if dropout_p > 0.0 or not (q.dim() == k.dim() == v.dim() == 4):
        return False
    if q._data.dtype.name not in ("float32", "float64"):
        return False
    qs, ks, vs = q.shape, k.shape, v.shape
    if not qs[0] == ks[0] == vs[0]:
        return False
    if enable_gqa:
        if ks[1] != vs[1] or ks[1] == 0 or qs[1] % ks[1]:
            return False
    elif not qs[1] == ks[1] == vs[1]:
        return False
    if mask is not None:
        if mask.requires_grad:
            return False
        ms = mask.shape
        if mask.dim() not in (2, 4):
            return False
        if ms[-2] not in (qs[2], 1) or ms[-1] not in (ks[2], 1):
            return False
        if mask.dim() == 4 and (ms[0] not in (1, qs[0]) or ms[1] not in (1, qs[1])):
            return False
    if not qs[3] == ks[3] == vs[3]:
        return False
    if qs[2] == 0 or ks[2] == 0:
        return False
    return all(t._data.strides[-1] == t._data.itemsize or t.shape[-1] == 1 for t in (q, k, v))


def scaled_dot_product_attention(
    query,
    key,
    value,
    attn_mask=None,
    dropout_p=0.0,
    is_causal=False,
    scale=None,
    enable_gqa=False,
):
    """``softmax(q kᵀ / √E + mask) v`` as PyTorch's CPU computes it (see the module)."""
    _validate(query, key, value, attn_mask)
    if _use_flash(query, key, value, attn_mask, dropout_p, enable_gqa):
        # (the fused kernel takes a mask and is_causal together: both apply)
        s = 1.0 / math.sqrt(query.shape[-1]) if scale is None else float(scale)
        dtype = query._data.dtype
        mask = None
        if attn_mask is not None:
            mask = _mask_float(attn_mask, dtype)._data.astype(np.float64)
        return ScaledDotProductFlashAttentionForCpuBackward0.apply(
            query, key, value, mask=mask, scale=s, causal=bool(is_causal)
        )
    args = (query, key, value, attn_mask, dropout_p, is_causal, scale, enable_gqa)
    name = "scaled_dot_product_attention"
    if _api._LISTENERS and _api._OPEN[-1:] != [name]:
        return _api._composite(name, _math, args, None, (query, key, value), {})
    seq0 = _seq_counter[0]
    return _api._tagged(_math(*args), name, (query, key, value), None, seq0)


def _math(query, key, value, attn_mask, dropout_p, is_causal, scale, enable_gqa):
    """``_scaled_dot_product_attention_math``, op by op."""
    if is_causal and attn_mask is not None:
        raise RuntimeError(
            "_scaled_dot_product_attention: Explicit attn_mask should not be set when "
            "is_causal=True"
        )
    if dropout_p > 1.0 or dropout_p != dropout_p:
        raise RuntimeError(f"dropout probability has to be between 0 and 1, but got {dropout_p}")
    dtype = query._data.dtype
    negative = scale is not None and scale < 0
    s = 1.0 / math.sqrt(query.shape[-1]) if scale is None else abs(float(scale))
    factor = math.sqrt(s)
    q = MulBackward1.apply(query, other=-factor if negative else factor)
    L, S = query.shape[-2], key.shape[-2]
    mask = None if attn_mask is None else _mask_float(attn_mask, dtype)
    if is_causal:
        mask = _mask_float(Tensor._make(np.tril(np.ones((L, S), bool))), dtype)
    if enable_gqa and query.dim() >= 3 and key.dim() >= 3:
        hq, hk, hv = query.shape[-3], key.shape[-3], value.shape[-3]
        if hq != hk and hk and hq % hk == 0:
            key = _repeat_interleave(key, hq // hk, -3)
        if hq != hv and hv and hq % hv == 0:
            value = _repeat_interleave(value, hq // hv, -3)
    kt = MulBackward1.apply(_api.transpose(key, -2, -1), other=factor)
    attn = _api.matmul(q, kt)
    if mask is not None:
        attn = _api.add(attn, mask)
    attn = SafeSoftmaxBackward0.apply(attn, dim=attn.dim() - 1)
    if dropout_p > 0.0:
        attn = _dropout(attn, dropout_p, True)
    return _api.matmul(attn, value)


# ``torch.nn.functional`` names: attached to the functional module
from . import functional as _functional  # noqa: E402

for _fn in (scaled_dot_product_attention,):
    if not hasattr(_functional, _fn.__name__):
        setattr(_functional, _fn.__name__, _fn)
