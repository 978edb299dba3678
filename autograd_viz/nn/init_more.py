"""``nn.init.orthogonal_``, ``sparse_``, ``dirac_`` as PyTorch writes them: orthogonal_
draws ``normal_(0, 1)`` of shape ``(rows, numel // rows)`` (transposed when wider than
tall), takes the QR factorization (LAPACK's Householder QR, as ``linalg.qr``) and fixes the
signs with ``sign(diag(R))``; sparse_ draws ``normal_(0, std)`` and zeroes, per column,
the first ``ceil(sparsity * rows)`` rows of a ``randperm(rows)``."""

from __future__ import annotations

import math

import numpy as np

__all__ = ["dirac_", "orthogonal_", "sparse_"]


def _fill(tensor, arr):
    data = tensor._data
    data[...] = np.asarray(arr, dtype=data.dtype).reshape(data.shape)
    tensor._vbox[0] += 1
    return tensor


def _stream(generator, name):
    from ..engine.random import rng_of

    return rng_of(generator, name)


def orthogonal_(tensor, gain=1, generator=None):
    if tensor.dim() < 2:
        raise ValueError("Only tensors with 2 or more dimensions are supported")
    if tensor.numel() == 0:
        return tensor
    rows = tensor.size(0)
    cols = tensor.numel() // rows
    npd = tensor._data.dtype
    flat = _stream(generator, "normal_").normal_t((rows, cols), npd, 0.0, 1.0)
    if rows < cols:
        flat = flat.T
    q, r = np.linalg.qr(flat)
    q = q * np.sign(np.diagonal(r)).astype(npd)
    if rows < cols:
        q = q.T
    q = q.astype(npd) * npd.type(gain)
    return _fill(tensor, q)


def sparse_(tensor, sparsity, std=0.01, generator=None):
    if tensor.dim() != 2:
        raise ValueError("Only tensors with 2 dimensions are supported")
    from ..engine import creation

    rows, cols = tensor._data.shape
    num_zeros = math.ceil(sparsity * rows)
    npd = tensor._data.dtype
    arr = _stream(generator, "normal_").normal_t((rows, cols), npd, 0.0, std)
    for col in range(cols):
        perm = creation.randperm(rows)._data
        arr[perm[:num_zeros], col] = 0
    return _fill(tensor, arr)


def dirac_(tensor, groups=1):
    dimensions = tensor.dim()
    if dimensions not in [3, 4, 5]:
        raise ValueError("Only tensors with 3, 4, or 5 dimensions are supported")
    sizes = tensor._data.shape
    if sizes[0] % groups != 0:
        raise ValueError("dim 0 must be divisible by groups")
    out_per_grp = sizes[0] // groups
    min_dim = min(out_per_grp, sizes[1])
    arr = np.zeros(sizes, tensor._data.dtype)
    centre = tuple(s // 2 for s in sizes[2:])
    for g in range(groups):
        for d in range(min_dim):
            arr[(g * out_per_grp + d, d, *centre)] = 1
    return _fill(tensor, arr)


def _make_deprecate(meth):
    """The pre-0.4 names (``nn.init.xavier_uniform(w)``, still in old course notes): the
    in-place function after PyTorch's FutureWarning."""
    import warnings

    new_name = meth.__name__
    old_name = new_name[:-1]

    def deprecated_init(*args, **kwargs):
        warnings.warn(
            f"`nn.init.{old_name}` is now deprecated in favor of `nn.init.{new_name}`.",
            FutureWarning,
            stacklevel=2,
        )
        return meth(*args, **kwargs)

    deprecated_init.__name__ = old_name
    deprecated_init.__doc__ = f"{old_name}(...): deprecated, see ``nn.init.{new_name}``."
    return deprecated_init
