"""``nn.MultiheadAttention``, ``nn.TransformerEncoderLayer``, ``nn.TransformerEncoder``
built from the engine's ops (linear projections, scaled dot products, softmax), with
PyTorch's parameter names, shapes, initialisation and results; PyTorch's fused kernels'
node names are not reproduced."""

from __future__ import annotations

import copy
import math

import numpy as np

from ..engine import api as _api
from ..engine.tensor import Tensor
from . import init
from .layers import Dropout, LayerNorm, dropout
from .modules import Linear, Module
from .parameter import Parameter

__all__ = ["MultiheadAttention", "TransformerEncoder", "TransformerEncoderLayer"]


class NonDynamicallyQuantizableLinear(Linear):
    pass


def _mask_add(scores, mask):
    """Add a float mask, or -inf where a boolean mask is True."""
    if mask is None:
        return scores
    m = mask._data
    if m.dtype == np.bool_:
        add = np.where(m, -np.inf, 0.0).astype(scores._data.dtype)
    else:
        add = m.astype(scores._data.dtype)
    return _api.add(scores, Tensor._make(add))


def _pad_mask(mask, n):
    """A mask with ``n`` more key positions, not masked (PyTorch's ``pad(mask, (0, 1))``)."""
    if mask is None:
        return None
    m = mask._data
    return Tensor._make(np.pad(m, [(0, 0)] * (m.ndim - 1) + [(0, n)]))


class MultiheadAttention(Module):
    def __init__(
        self,
        embed_dim,
        num_heads,
        dropout=0.0,
        bias=True,
        add_bias_kv=False,
        add_zero_attn=False,
        kdim=None,
        vdim=None,
        batch_first=False,
        device=None,
        dtype=None,
    ):
        super().__init__()
        if embed_dim <= 0 or num_heads <= 0:
            raise ValueError(
                f"embed_dim and num_heads must be greater than 0, got embed_dim={embed_dim} "
                f"and num_heads={num_heads} instead"
            )
        self.embed_dim = embed_dim
        self.kdim = kdim if kdim is not None else embed_dim
        self.vdim = vdim if vdim is not None else embed_dim
        self._qkv_same_embed_dim = self.kdim == embed_dim and self.vdim == embed_dim
        self.num_heads = num_heads
        self.dropout = dropout
        self.batch_first = batch_first
        self.head_dim = embed_dim // num_heads
        if self.head_dim * num_heads != embed_dim:
            raise AssertionError("embed_dim must be divisible by num_heads")
        npd = np.float64 if dtype is not None and dtype.name == "float64" else np.float32

        def param(*shape):
            return Parameter(Tensor._make(np.zeros(shape, npd)))

        if not self._qkv_same_embed_dim:  # (PyTorch's registration order)
            self.q_proj_weight = param(embed_dim, embed_dim)
            self.k_proj_weight = param(embed_dim, self.kdim)
            self.v_proj_weight = param(embed_dim, self.vdim)
            self.register_parameter("in_proj_weight", None)
        else:
            self.in_proj_weight = param(3 * embed_dim, embed_dim)
            self.register_parameter("q_proj_weight", None)
            self.register_parameter("k_proj_weight", None)
            self.register_parameter("v_proj_weight", None)
        if bias:
            self.in_proj_bias = param(3 * embed_dim)
        else:
            self.register_parameter("in_proj_bias", None)
        self.out_proj = NonDynamicallyQuantizableLinear(
            embed_dim, embed_dim, bias=bias, dtype=dtype
        )
        if add_bias_kv:
            self.bias_k = param(1, 1, embed_dim)
            self.bias_v = param(1, 1, embed_dim)
        else:
            self.bias_k = self.bias_v = None
        self.add_zero_attn = add_zero_attn
        if self._qkv_same_embed_dim:
            init.xavier_uniform_(self.in_proj_weight)
        else:
            init.xavier_uniform_(self.q_proj_weight)
            init.xavier_uniform_(self.k_proj_weight)
            init.xavier_uniform_(self.v_proj_weight)
        if bias:
            init.zeros_(self.out_proj.bias)
        if self.bias_k is not None:
            init.xavier_normal_(self.bias_k)
            init.xavier_normal_(self.bias_v)

    def forward(
        self,
        query,
        key,
        value,
        key_padding_mask=None,
        need_weights=True,
        attn_mask=None,
        average_attn_weights=True,
        is_causal=False,
    ):
        unbatched = query.dim() == 2
        if unbatched:
            query, key, value = (_api.unsqueeze(t, 1) for t in (query, key, value))
            if key_padding_mask is not None:
                key_padding_mask = _api.unsqueeze(key_padding_mask, 0)
        elif self.batch_first:
            query, key, value = (_api.transpose(t, 0, 1) for t in (query, key, value))
        tgt_len, bsz, e = query.shape
        h, d = self.num_heads, self.head_dim
        b = self.in_proj_bias
        if self._qkv_same_embed_dim:
            wq, wk, wv = self.in_proj_weight.chunk(3)
        else:  # kdim / vdim: three weights (PyTorch's _in_projection and its checks)
            wq, wk, wv = self.q_proj_weight, self.k_proj_weight, self.v_proj_weight
            eq = query.shape[-1]
            for what, w_, want in (
                ("query", wq, (eq, eq)),
                ("key", wk, (eq, key.shape[-1])),
                ("value", wv, (eq, value.shape[-1])),
            ):
                if tuple(w_.shape) != want:
                    raise AssertionError(
                        f"expecting {what} weights shape of {want}, but got {w_.shape}"
                    )
        bq, bk, bv = b.chunk(3) if b is not None else (None, None, None)
        q = _api.linear(query, wq, bq)
        k = _api.linear(key, wk, bk)
        v = _api.linear(value, wv, bv)
        extra = 0  # key positions added by add_bias_kv / add_zero_attn (masks: not masked)
        if self.bias_k is not None:
            k = _api.cat([k, self.bias_k.repeat(1, bsz, 1)])
            v = _api.cat([v, self.bias_v.repeat(1, bsz, 1)])
            extra += 1
        # (L, N, E) -> (N*H, L, d)
        q = _api.transpose(q.reshape(tgt_len, bsz * h, d), 0, 1)
        k = _api.transpose(k.reshape(k.shape[0], bsz * h, d), 0, 1)
        v = _api.transpose(v.reshape(v.shape[0], bsz * h, d), 0, 1)
        if self.add_zero_attn:
            zeros = Tensor._make(np.zeros((bsz * h, 1, d), dtype=k._data.dtype))
            k = _api.cat([k, zeros], dim=1)
            v = _api.cat([v, zeros], dim=1)
            extra += 1
        src_len = k.shape[1]
        if extra:
            attn_mask = _pad_mask(attn_mask, extra)
            key_padding_mask = _pad_mask(key_padding_mask, extra)
        scores = _api.matmul(q * (1.0 / math.sqrt(d)), _api.transpose(k, -2, -1))
        if is_causal and attn_mask is None:
            attn_mask = Tensor._make(np.triu(np.ones((tgt_len, src_len), bool), 1))
        if attn_mask is not None:
            m = attn_mask
            if m.dim() == 2:
                m = Tensor._make(np.broadcast_to(m._data, (bsz * h, tgt_len, src_len)))
            scores = _mask_add(scores, m)
        if key_padding_mask is not None:
            kp = key_padding_mask._data.reshape(bsz, 1, 1, src_len)
            kp = np.broadcast_to(kp, (bsz, h, 1, src_len)).reshape(bsz * h, 1, src_len)
            scores = _mask_add(scores, Tensor._make(kp))
        attn = scores.softmax(-1)
        if self.dropout and self.training:
            attn = dropout(attn, self.dropout, True)
        out = _api.matmul(attn, v)  # (N*H, L, d)
        out = _api.transpose(out, 0, 1).reshape(tgt_len * bsz, e)
        out = self.out_proj(out).reshape(tgt_len, bsz, e)
        if unbatched:
            out = _api.squeeze(out, 1)
        elif self.batch_first:
            out = _api.transpose(out, 0, 1)
        if not need_weights:
            return out, None
        weights = attn.reshape(bsz, h, tgt_len, src_len)
        if average_attn_weights:
            weights = _api.mean(weights, 1)
        if unbatched:
            weights = _api.squeeze(weights, 0)
        return out, weights


def _activation(name):
    if callable(name):
        return name
    from . import functional as F

    if name == "relu":
        return F.relu
    if name == "gelu":
        return F.gelu
    raise RuntimeError(f"activation should be relu/gelu, not {name}")


class TransformerEncoderLayer(Module):
    def __init__(
        self,
        d_model,
        nhead,
        dim_feedforward=2048,
        dropout=0.1,
        activation="relu",
        layer_norm_eps=1e-5,
        batch_first=False,
        norm_first=False,
        bias=True,
        device=None,
        dtype=None,
    ):
        super().__init__()
        self.self_attn = MultiheadAttention(
            d_model, nhead, dropout=dropout, bias=bias, batch_first=batch_first, dtype=dtype
        )
        self.linear1 = Linear(d_model, dim_feedforward, bias=bias, dtype=dtype)
        self.dropout = Dropout(dropout)
        self.linear2 = Linear(dim_feedforward, d_model, bias=bias, dtype=dtype)
        self.norm_first = norm_first
        self.norm1 = LayerNorm(d_model, eps=layer_norm_eps, bias=bias, dtype=dtype)
        self.norm2 = LayerNorm(d_model, eps=layer_norm_eps, bias=bias, dtype=dtype)
        self.dropout1 = Dropout(dropout)
        self.dropout2 = Dropout(dropout)
        activation = _activation(activation)
        from . import functional as F
        from .layers import GELU
        from .modules import ReLU

        if activation is F.relu or isinstance(activation, ReLU):
            self.activation_relu_or_gelu = 1
        elif activation is F.gelu or isinstance(activation, GELU):
            self.activation_relu_or_gelu = 2
        else:
            self.activation_relu_or_gelu = 0
        self.activation = activation

    def _sa_block(self, x, attn_mask, key_padding_mask, is_causal):
        x = self.self_attn(
            x,
            x,
            x,
            attn_mask=attn_mask,
            key_padding_mask=key_padding_mask,
            need_weights=False,
            is_causal=is_causal,
        )[0]
        return self.dropout1(x)

    def _ff_block(self, x):
        x = self.linear2(self.dropout(self.activation(self.linear1(x))))
        return self.dropout2(x)

    def forward(self, src, src_mask=None, src_key_padding_mask=None, is_causal=False):
        x = src
        if self.norm_first:
            x = x + self._sa_block(self.norm1(x), src_mask, src_key_padding_mask, is_causal)
            x = x + self._ff_block(self.norm2(x))
        else:
            x = self.norm1(x + self._sa_block(x, src_mask, src_key_padding_mask, is_causal))
            x = self.norm2(x + self._ff_block(x))
        return x


def _why_not_sparsity(layer):
    """Why PyTorch's TransformerEncoder cannot use nested tensors with this layer."""
    name = "encoder_layer"
    if not isinstance(layer, TransformerEncoderLayer):
        return f"{name} was not TransformerEncoderLayer"
    if layer.norm_first:
        return f"{name}.norm_first was True"
    if not layer.self_attn.batch_first:
        return (
            f"{name}.self_attn.batch_first was not True"
            "(use batch_first for better inference performance)"
        )
    if not layer.self_attn._qkv_same_embed_dim:
        return f"{name}.self_attn._qkv_same_embed_dim was not True"
    if layer.self_attn.in_proj_bias is None:
        return f"{name}.self_attn was passed bias=False"
    if not layer.activation_relu_or_gelu:
        return f"{name}.activation_relu_or_gelu was not True"
    if layer.norm1.eps != layer.norm2.eps:
        return f"{name}.norm1.eps was not equal to {name}.norm2.eps"
    if layer.self_attn.num_heads % 2 == 1:
        return f"{name}.self_attn.num_heads is odd"
    return ""


class TransformerEncoder(Module):
    def __init__(
        self, encoder_layer, num_layers, norm=None, enable_nested_tensor=True, mask_check=True
    ):
        super().__init__()
        from .layers import ModuleList

        self.layers = ModuleList([copy.deepcopy(encoder_layer) for _ in range(num_layers)])
        self.num_layers = num_layers
        self.norm = norm
        self.enable_nested_tensor = self.use_nested_tensor = enable_nested_tensor
        self.mask_check = mask_check
        why = _why_not_sparsity(encoder_layer)
        if enable_nested_tensor and why:
            import warnings

            warnings.warn(
                "enable_nested_tensor is True, but self.use_nested_tensor is False because " + why,
                stacklevel=2,
            )
            self.use_nested_tensor = False

    def forward(self, src, mask=None, src_key_padding_mask=None, is_causal=None):
        from .transformer_decoder import _detect_is_causal_mask, _get_seq_len

        seq_len = _get_seq_len(src, self.layers[0].self_attn.batch_first)
        is_causal = _detect_is_causal_mask(mask, is_causal, seq_len)
        out = src
        for mod in self.layers:
            out = mod(
                out,
                src_mask=mask,
                src_key_padding_mask=src_key_padding_mask,
                is_causal=is_causal,
            )
        if self.norm is not None:
            out = self.norm(out)
        return out
