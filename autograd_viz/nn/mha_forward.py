"""``nn.MultiheadAttention``'s computation as PyTorch 2.13's
``F.multi_head_attention_forward`` writes it, step for step, so the graph has PyTorch's
nodes: the packed in-projection (``linear`` -> unflatten -> unsqueeze -> transpose ->
squeeze -> contiguous -> select; a chunked weight when query, key and value are not the same
tensor), heads split by ``view``/``transpose``, then either the explicit weights
(``q·√(1/d)``, ``baddbmm``/``bmm``, ``softmax``, dropout, ``bmm``) when ``need_weights``,
or ``F.scaled_dot_product_attention`` on 4-D views (PyTorch's fused CPU node) when not;
the output projection and views back."""

from __future__ import annotations

import math

import numpy as np

from ..engine import api as _api
from ..engine.tensor import Tensor


def canonical_mask(mask, dtype, name="attn_mask"):
    """``F._canonical_mask``: a boolean mask becomes a float one (-inf where True)."""
    if mask is None:
        return None
    m = mask._data
    if m.dtype != np.bool_ and m.dtype.kind != "f":
        raise AssertionError(f"only bool and floating types of {name} are supported")
    if m.dtype == np.bool_:
        return Tensor._make(np.where(m, dtype.type(-np.inf), dtype.type(0)))
    return mask


def _packed(q, k, v, w, b):
    """``_in_projection_packed``."""
    e = q.size(-1)
    if k is v:
        if q is k:
            proj = _api.linear(q, w, b)
            proj = proj.unflatten(-1, (3, e)).unsqueeze(0).transpose(0, -2).squeeze(-2)
            proj = proj.contiguous()
            return proj[0], proj[1], proj[2]
        w_q, w_kv = w.split([e, e * 2])
        b_q, b_kv = (None, None) if b is None else b.split([e, e * 2])
        kv = _api.linear(k, w_kv, b_kv)
        kv = kv.unflatten(-1, (2, e)).unsqueeze(0).transpose(0, -2).squeeze(-2).contiguous()
        return _api.linear(q, w_q, b_q), kv[0], kv[1]
    w_q, w_k, w_v = w.chunk(3)
    b_q, b_k, b_v = (None, None, None) if b is None else b.chunk(3)
    return _api.linear(q, w_q, b_q), _api.linear(k, w_k, b_k), _api.linear(v, w_v, b_v)


def _pad_last(mask):
    from .conv import pad

    return None if mask is None else pad(mask, (0, 1))


def _shape_check(query, key, value, key_padding_mask, attn_mask, num_heads):
    """``F._mha_shape_check``."""
    nd = query.dim()
    if nd not in (2, 3):
        raise AssertionError(
            f"query should be unbatched 2D or batched 3D tensor but received {nd}-D query tensor"
        )
    kind = "batched (3-D)" if nd == 3 else "unbatched (2-D)"
    if key.dim() != nd or value.dim() != nd:
        raise AssertionError(
            f"For {kind} `query`, expected `key` and `value` to be {nd}-D"
            f" but found {key.dim()}-D and {value.dim()}-D tensors respectively"
        )
    if key_padding_mask is not None and key_padding_mask.dim() != nd - 1:
        raise AssertionError(
            f"For {kind} `query`, expected `key_padding_mask` to be `None` or {nd - 1}-D"
            f" but found {key_padding_mask.dim()}-D tensor instead"
        )
    if attn_mask is not None:
        if attn_mask.dim() not in (2, 3):
            raise AssertionError(
                f"For {kind} `query`, expected `attn_mask` to be `None`, 2-D or 3-D"
                f" but found {attn_mask.dim()}-D tensor instead"
            )
        want = (num_heads, query.shape[0], key.shape[0])
        if nd == 2 and attn_mask.dim() == 3 and tuple(attn_mask.shape) != want:
            raise AssertionError(
                f"Expected `attn_mask` shape to be {want} but got {attn_mask.shape}"
            )


def mha_forward(m, query, key, value, key_padding_mask, need_weights, attn_mask, average, causal):
    """``F.multi_head_attention_forward`` for module ``m`` (query/key/value already
    (L, N, E) or unbatched (L, E))."""
    _shape_check(query, key, value, key_padding_mask, attn_mask, m.num_heads)
    unbatched = query.dim() == 2
    if unbatched:
        query, key, value = query.unsqueeze(1), key.unsqueeze(1), value.unsqueeze(1)
        if key_padding_mask is not None:
            key_padding_mask = key_padding_mask.unsqueeze(0)
    tgt_len, bsz, embed_dim = query.shape
    h, d = m.num_heads, m.head_dim
    dtype = query._data.dtype
    key_padding_mask = canonical_mask(key_padding_mask, dtype, "key_padding_mask")
    if causal and attn_mask is None:
        raise RuntimeError(
            "Need attn_mask if specifying the is_causal hint. You may use the Transformer "
            "module method `generate_square_subsequent_mask` to create this mask."
        )
    if causal and key_padding_mask is None and not need_weights:
        attn_mask = None  # (SDPA gets the hint instead)
    else:
        attn_mask = canonical_mask(attn_mask, dtype)
        if key_padding_mask is not None:
            causal = False
    if embed_dim != m.embed_dim:
        raise AssertionError(
            f"was expecting embedding dimension of {m.embed_dim}, but got {embed_dim}"
        )
    if not m._qkv_same_embed_dim:
        if key.shape[:2] != value.shape[:2]:
            raise AssertionError(
                f"key's sequence and batch dims {key.shape[:2]} do not match value's "
                f"{value.shape[:2]}"
            )
    elif key.shape != value.shape:
        raise AssertionError(f"key shape {key.shape} does not match value shape {value.shape}")
    if m._qkv_same_embed_dim:
        q, k, v = _packed(query, key, value, m.in_proj_weight, m.in_proj_bias)
    else:
        eq = query.shape[-1]
        for what, w_, want in (
            ("query", m.q_proj_weight, (eq, eq)),
            ("key", m.k_proj_weight, (eq, key.shape[-1])),
            ("value", m.v_proj_weight, (eq, value.shape[-1])),
        ):
            if tuple(w_.shape) != want:
                raise AssertionError(
                    f"expecting {what} weights shape of {want}, but got {w_.shape}"
                )
        b = m.in_proj_bias
        bq, bk, bv = (None, None, None) if b is None else b.chunk(3)
        q = _api.linear(query, m.q_proj_weight, bq)
        k = _api.linear(key, m.k_proj_weight, bk)
        v = _api.linear(value, m.v_proj_weight, bv)
    src_len = key.shape[0]
    if attn_mask is not None:
        if attn_mask.dim() == 2:
            if tuple(attn_mask.shape) != (tgt_len, src_len):
                raise RuntimeError(
                    f"The shape of the 2D attn_mask is {attn_mask.shape}, but should be "
                    f"{(tgt_len, src_len)}."
                )
            attn_mask = attn_mask.unsqueeze(0)
        elif attn_mask.dim() == 3:
            if tuple(attn_mask.shape) != (bsz * h, tgt_len, src_len):
                raise RuntimeError(
                    f"The shape of the 3D attn_mask is {attn_mask.shape}, but should be "
                    f"{(bsz * h, tgt_len, src_len)}."
                )
        else:
            raise RuntimeError(f"attn_mask's dimension {attn_mask.dim()} is not supported")
    if m.bias_k is not None and m.bias_v is not None:
        k = _api.cat([k, m.bias_k.repeat(1, bsz, 1)])
        v = _api.cat([v, m.bias_v.repeat(1, bsz, 1)])
        attn_mask = _pad_last(attn_mask)
        key_padding_mask = _pad_last(key_padding_mask)
    q = q.view(tgt_len, bsz * h, d).transpose(0, 1)
    k = k.view(k.shape[0], bsz * h, d).transpose(0, 1)
    v = v.view(v.shape[0], bsz * h, d).transpose(0, 1)
    if m.add_zero_attn:
        zeros = Tensor._make(np.zeros((bsz * h, 1, d), dtype=k._data.dtype))
        k = _api.cat([k, zeros], dim=1)
        v = _api.cat([v, zeros], dim=1)
        attn_mask = _pad_last(attn_mask)
        key_padding_mask = _pad_last(key_padding_mask)
    src_len = k.size(1)
    if key_padding_mask is not None:
        for j, want in enumerate((bsz, src_len)):
            if key_padding_mask.shape[j] != want:
                raise AssertionError(
                    f"Expected key_padded_mask.shape[{j}] to be {want}, but got "
                    f"{key_padding_mask.shape[j]}"
                )
        kpm = key_padding_mask.view(bsz, 1, 1, src_len).expand(-1, h, -1, -1)
        kpm = kpm.reshape(bsz * h, 1, src_len)
        attn_mask = kpm if attn_mask is None else _api.add(attn_mask, kpm)
    dropout_p = m.dropout if m.training else 0.0
    if need_weights:
        q_scaled = _api.mul(q, math.sqrt(1.0 / float(d)))
        if attn_mask is not None:
            from ..engine.api_scatter import baddbmm

            w = baddbmm(attn_mask, q_scaled, k.transpose(-2, -1))
        else:
            w = _api.bmm(q_scaled, k.transpose(-2, -1))
        w = w.softmax(-1)
        if dropout_p > 0.0:
            from .layers import dropout

            w = dropout(w, dropout_p)
        out = _api.bmm(w, v)
        out = out.transpose(0, 1).reshape(tgt_len * bsz, embed_dim)
        out = _api.linear(out, m.out_proj.weight, m.out_proj.bias)
        out = out.view(tgt_len, bsz, out.size(1))
        w = w.view(bsz, h, tgt_len, src_len)
        if average:
            w = w.mean(dim=1)
        if unbatched:
            out, w = out.squeeze(1), w.squeeze(0)
        return out, w
    if attn_mask is not None:
        if attn_mask.size(0) == 1 and attn_mask.dim() == 3:
            attn_mask = attn_mask.unsqueeze(0)
        else:
            attn_mask = attn_mask.view(bsz, h, -1, src_len)
    q = q.view(bsz, h, tgt_len, d)
    k = k.view(bsz, h, src_len, d)
    v = v.view(bsz, h, src_len, d)
    from .attention import scaled_dot_product_attention

    out = scaled_dot_product_attention(q, k, v, attn_mask, dropout_p, causal)
    out = out.permute(2, 0, 1, 3).reshape(bsz * tgt_len, embed_dim)
    out = _api.linear(out, m.out_proj.weight, m.out_proj.bias)
    out = out.view(tgt_len, bsz, out.size(1))
    if unbatched:
        out = out.squeeze(1)
    return out, None
