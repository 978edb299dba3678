"""``F.embedding_bag`` / ``nn.EmbeddingBag``: the sum, mean or maximum of the embeddings
of each bag of indices (bags given by ``offsets`` into a 1-D input, or the rows of a 2-D
input), with ``per_sample_weights`` (mode ``sum``), ``include_last_offset``,
``padding_idx`` (its entries skipped), ``scale_grad_by_freq`` and ``max_norm``.  One
``EmbeddingBagBackward0`` node with PyTorch's two slots (``weight``,
``per_sample_weights``): a row's gradient is the sum of its bags' gradients (÷ the bag's
size for ``mean``, × the sample's weight; ``max``: only where the row was the maximum);
a sample weight's gradient is its bag's gradient · the row."""

from __future__ import annotations

import numpy as np

from ..engine import api as _api
from ..engine import api_more as _more
from ..engine import api_scatter as _scatter
from ..engine import creation
from ..engine.function import Function, Local
from ..engine.functional_array import _is_array
from ..engine.tensor import Tensor
from .layers import (
    _checked_type,
    _embedding_renorm_,
    _embedding_weight,
    _scalar_type,
    _tensor_arg,
)
from .modules import Module

__all__ = ["EmbeddingBag", "embedding_bag"]


class EmbeddingBagBackward0(Function):
    op, symbol = "embedding_bag", "bag"
    formula = "∂/∂W[i]: the gradients of the bags holding i (÷ bag size for mean, × weight)"
    local = (
        Local(
            (
                "each bag's G added to the rows of {0:r} it holds (mean: ÷ its size; max: "
                "only where the row was the maximum)",
                "每个袋的 G 加到 {0:r} 中它包含的行（mean：÷ 袋的大小；max：只在最大处）",
            ),
            rule=True,
        ),
        Local(("G of the sample's bag · its row", "样本所在袋的 G · 该行"), rule=True),
    )

    @staticmethod
    def forward(ctx, w, psw=None, plan=None):
        idx, bag, coef, nbags, mode, keep, _scale = plan
        ctx.plan, ctx.w_shape = plan, w.shape
        d = w.shape[1]
        out = np.zeros((nbags, d), dtype=w.dtype)
        rows = w[idx]
        if mode == 2:
            arg = np.full((nbags, d), -1, dtype=np.int64)
            for e in range(len(idx)):  # (entries in order: the first maximum stays)
                b = bag[e]
                better = (arg[b] < 0) | (rows[e] > out[b])
                out[b] = np.where(better, rows[e], out[b])
                arg[b] = np.where(better, idx[e], arg[b])
            ctx.arg = arg
            return out
        ctx.psw = None if psw is None else psw[keep].astype(w.dtype)
        c = coef if ctx.psw is None else coef * ctx.psw
        np.add.at(out, bag, rows * c[:, None])
        if psw is not None:
            ctx.save_for_backward(w)
        return out

    @staticmethod
    def backward(ctx, g):
        idx, bag, coef, _nbags, mode, keep, scale = ctx.plan
        need_w, need_p = ctx.needs_input_grad
        arr = _is_array(g)
        gw = gp = None
        if mode == 2:
            if need_w:
                b, j = np.nonzero(ctx.arg >= 0)
                if arr:
                    gw = np.zeros(ctx.w_shape, dtype=g.dtype)
                    np.add.at(gw, (ctx.arg[b, j], j), g[b, j])
                else:  # (create_graph: the maxima's positions stay fixed)
                    flat = ctx.arg[b, j] * ctx.w_shape[1] + j
                    picked = _api.reshape(g, (-1,))[Tensor._make(b * g.shape[1] + j)]
                    zeros = creation.zeros((ctx.w_shape[0] * ctx.w_shape[1],), dtype=g.dtype)
                    gw = _api.reshape(
                        _scatter.index_add(zeros, 0, Tensor._make(flat), picked), ctx.w_shape
                    )
            return gw, None
        if need_w:
            c = coef if ctx.psw is None else coef * ctx.psw
            if scale is not None:
                c = c * scale
            if arr:
                gw = np.zeros(ctx.w_shape, dtype=g.dtype)
                np.add.at(gw, idx, g[bag] * c.astype(g.dtype)[:, None])
            else:
                picked = _more.index_select(g, 0, Tensor._make(bag))
                scaled = _api.mul(picked, Tensor._make(c.astype(g._data.dtype)[:, None]))
                zeros = creation.zeros(ctx.w_shape, dtype=g.dtype)
                gw = _scatter.index_add(zeros, 0, Tensor._make(idx), scaled)
        if need_p:
            (w,) = ctx.saved_tensors
            if arr:
                wa = w._data if isinstance(w, Tensor) else w
                used = (g[bag] * wa[idx]).sum(axis=1) * coef
                gp = np.zeros(len(keep), dtype=g.dtype)
                gp[keep] = used
            else:
                picked = _more.index_select(g, 0, Tensor._make(bag))
                r = _more.index_select(w, 0, Tensor._make(idx))
                c = Tensor._make(coef.astype(g._data.dtype))
                used = _api.mul(_api.sum(_api.mul(picked, r), 1), c)
                zeros = creation.zeros((len(keep),), dtype=g.dtype)
                gp = _scatter.index_add(zeros, 0, Tensor._make(np.flatnonzero(keep)), used)
        return gw, gp


def _check_indices(a, what="indices"):
    if a.dtype.kind not in "iu" or a.dtype == np.uint8 or a.dtype.itemsize < 4:
        raise RuntimeError(
            f"Expected tensor for argument #1 '{what}' to have one of the following scalar "
            f"types: Long, Int; but got {_checked_type(a.dtype)} instead (while "
            "checking arguments for embedding_bag)"
        )


def embedding_bag(
    input,
    weight,
    offsets=None,
    max_norm=None,
    norm_type=2,
    scale_grad_by_freq=False,
    mode="mean",
    sparse=False,
    per_sample_weights=None,
    include_last_offset=False,
    padding_idx=None,
):
    """Sum / mean / max of the embeddings in each bag: (bags, embedding_dim)."""
    if not isinstance(input, Tensor) and isinstance(weight, Tensor):
        from ..engine.argtypes_shape import tp_name  # (PyTorch's Python: input.dim())

        raise AttributeError(f"'{tp_name(input)}' object has no attribute 'dim'")
    _tensor_arg(input, "embedding_bag")
    _tensor_arg(weight, "embedding_bag", "weight", 2)
    if per_sample_weights is not None and input.size() != per_sample_weights.size():
        raise ValueError(
            f"embedding_bag: If per_sample_weights ({per_sample_weights.shape}) is not None, "
            f"then it must have the same shape as the input ({input.shape})"
        )
    if weight.dim() != 2:
        raise ValueError(
            f"weight has to be a 2D Tensor, but got Tensor of dimension {weight.dim()}"
        )
    if input.dim() == 2:
        if offsets is not None:
            raise ValueError(
                "if input is 2D, then offsets has to be None, as input is treated is a "
                "mini-batch of fixed length sequences. However, found offsets of type "
                f"{_type_str(offsets)}"
            )
        n, k = input.shape
        if input._data.dtype == np.bool_:  # (PyTorch's offsets: arange in the input's dtype)
            raise NotImplementedError("\"arange_cpu\" not implemented for 'Bool'")
        if not k:
            raise RuntimeError("step must be nonzero")
        offs = np.arange(0, n * k, k, dtype=np.int64)
        include_last_offset = False
        input = _api.reshape(input, (-1,))
        if per_sample_weights is not None:
            per_sample_weights = _api.reshape(per_sample_weights, (-1,))
    elif input.dim() == 1:
        if offsets is None:
            raise ValueError("offsets has to be a 1D Tensor but got None")
        if offsets.dim() != 1:
            raise ValueError("offsets has to be a 1D Tensor")
        offs = offsets._data
    else:
        raise ValueError(
            f"input has to be 1D or 2D Tensor, but got Tensor of dimension {input.dim()}"
        )
    modes = {"sum": 0, "mean": 1, "max": 2}
    if mode not in modes:
        raise ValueError("mode has to be one of sum, mean or max")
    if mode == "max":
        if scale_grad_by_freq:
            raise ValueError("max mode does not support scaling the gradient by the frequency")
        if sparse:
            raise ValueError("max mode does not support sparse weights")
    if max_norm is not None:
        _embedding_renorm_(weight, input, max_norm, norm_type)
    if per_sample_weights is not None and mode != "sum":
        raise NotImplementedError(
            "embedding_bag: per_sample_weights was not None. per_sample_weights is only "
            f"supported for mode='sum' (got mode='{mode}'). Please open a feature request on "
            "GitHub."
        )
    if sparse:
        raise NotImplementedError(
            "autograd_viz: embedding_bag(sparse=True): PyTorch's gradient is then a sparse "
            "COO tensor, which autograd_viz does not have"
        )
    idx = input._data
    _check_indices(idx)
    _check_indices(np.asarray(offs))
    nrows = weight.shape[0]
    bad = np.flatnonzero((idx < 0) | (idx >= nrows))
    if bad.size:
        i = int(bad[0])
        raise RuntimeError(
            f"Index {i} of input takes value {int(idx[i])} which is not in the valid range "
            f"[0, {nrows})"
        )
    n_in = idx.shape[0]
    offs_dtype = np.asarray(offs).dtype
    offs = np.asarray(offs, dtype=np.int64)
    if offs.size:
        if offs[0] != 0:
            raise RuntimeError(
                "offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to "
                f"start from position 0. However, got {int(offs[0])}\n"
                f"[ torch.{_scalar_type(offs_dtype)}Tensor{{}} ]"
            )
        if offs[-1] > n_in:
            raise RuntimeError(
                f"offsets[-1] can not be greater than input's length {n_in} but got "
                f"offsets[-1] of {int(offs[-1])}"
            )
    if np.any(np.diff(offs) < 0):
        raise RuntimeError(
            "Expected i < index_size to be true, but got false.  (Could this error message "
            "be improved?  If so, please report an enhancement request to PyTorch.)"
        )
    nbags = max(len(offs) - 1, 0) if include_last_offset else len(offs)
    ends = np.append(offs[1:], n_in) if not include_last_offset else offs[1:]
    bag = np.zeros(n_in, dtype=np.int64)
    for b in range(nbags):
        bag[offs[b] : ends[b]] = b
    if padding_idx is not None:
        if padding_idx < 0:
            padding_idx += nrows
        keep = idx != padding_idx
    else:
        keep = np.ones(n_in, dtype=bool)
    used = np.zeros(n_in, dtype=bool)
    for b in range(nbags):
        used[offs[b] : ends[b]] = True
    keep &= used
    kidx, kbag = idx[keep], bag[keep]
    dt = weight._data.dtype
    if mode == "mean":
        counts = np.bincount(kbag, minlength=nbags)
        coef = 1.0 / counts[kbag]
    else:
        coef = np.ones(len(kidx))
    coef = coef.astype(dt)
    scale = None
    if scale_grad_by_freq:
        freq = np.bincount(idx, minlength=nrows)
        scale = (1.0 / freq[kidx]).astype(dt)
    plan = (kidx, kbag, coef, nbags, modes[mode], keep, scale)
    out = EmbeddingBagBackward0.apply(weight, per_sample_weights, plan=plan)
    return out


def _type_str(v):
    return "<class 'torch.Tensor'>" if isinstance(v, Tensor) else str(type(v))


class EmbeddingBag(Module):
    def __init__(
        self,
        num_embeddings,
        embedding_dim,
        max_norm=None,
        norm_type=2.0,
        scale_grad_by_freq=False,
        mode="mean",
        sparse=False,
        _weight=None,
        include_last_offset=False,
        padding_idx=None,
        device=None,
        dtype=None,
    ):
        super().__init__()
        self.num_embeddings = num_embeddings
        self.embedding_dim = embedding_dim
        self.max_norm = max_norm
        self.norm_type = norm_type
        self.scale_grad_by_freq = scale_grad_by_freq
        if padding_idx is not None:
            if padding_idx > 0:
                if padding_idx >= num_embeddings:
                    raise AssertionError("padding_idx must be within num_embeddings")
            elif padding_idx < 0:
                if padding_idx < -num_embeddings:
                    raise AssertionError("padding_idx must be within num_embeddings")
                padding_idx = num_embeddings + padding_idx
        self.padding_idx = padding_idx
        self.weight = _embedding_weight(
            num_embeddings, embedding_dim, padding_idx, _weight, dtype, device
        )
        self.mode = mode
        self.sparse = sparse
        self.include_last_offset = include_last_offset

    def forward(self, input, offsets=None, per_sample_weights=None):
        return embedding_bag(
            input,
            self.weight,
            offsets,
            self.max_norm,
            self.norm_type,
            self.scale_grad_by_freq,
            self.mode,
            self.sparse,
            per_sample_weights,
            self.include_last_offset,
            self.padding_idx,
        )

    def extra_repr(self) -> str:
        s = f"{self.num_embeddings!r}, {self.embedding_dim!r}"
        if self.max_norm is not None:
            s += f", max_norm={self.max_norm!r}"
        if self.norm_type != 2:
            s += f", norm_type={self.norm_type!r}"
        if self.scale_grad_by_freq is not False:
            s += f", scale_grad_by_freq={self.scale_grad_by_freq!r}"
        s += f", mode={self.mode!r}"
        if self.padding_idx is not None:
            s += f", padding_idx={self.padding_idx!r}"
        return s

    @classmethod
    def from_pretrained(
        cls,
        embeddings,
        freeze=True,
        max_norm=None,
        norm_type=2.0,
        scale_grad_by_freq=False,
        mode="mean",
        sparse=False,
        include_last_offset=False,
        padding_idx=None,
    ):
        if embeddings.dim() != 2:
            raise AssertionError("Embeddings parameter is expected to be 2-dimensional")
        rows, cols = embeddings.shape
        bag = cls(
            num_embeddings=rows,
            embedding_dim=cols,
            _weight=embeddings,
            max_norm=max_norm,
            norm_type=norm_type,
            scale_grad_by_freq=scale_grad_by_freq,
            mode=mode,
            sparse=sparse,
            include_last_offset=include_last_offset,
            padding_idx=padding_idx,
        )
        bag.weight.requires_grad = not freeze
        return bag


def _register():
    from . import functional as _functional

    if not hasattr(_functional, "embedding_bag"):
        _functional.embedding_bag = embedding_bag


_register()
