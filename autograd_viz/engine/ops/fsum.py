"""A float32 sum of all elements in PyTorch's order (its CPU ``sum`` kernel).

PyTorch sums a contiguous float32 row with 8-lane vectors (``vectorized_inner_sum``):
four interleaved accumulators (``row_sum``'s ILP of 4) over groups of 8 values, folded
into one cascade every 16 steps (``multi_row_sum``), the leftover vectors into the first
accumulator, the four accumulators into one vector, then the values after the last full
vector one by one, then the 8 lanes.  Fewer than 8 values: the same ILP-4 scheme on
scalars.  Reproducing that order gives PyTorch's float32 bits (tests/engine/
test_float32_bits.py: 100 of 100 random rows of 15..500 values, numpy's pairwise sum
about 40-100).  ``sum_dim32``: the same order along the last dim, and PyTorch's
column-wise orders along the first dim (``_outer``).  Used for contiguous tensors up to
``unary.EXACT_MAX`` elements.
"""

from __future__ import annotations

import numpy as np

_F32 = np.float32
V = 8  # lanes of PyTorch's float vectors in this kernel
ILP = 4
LEVEL_STEP = 16  # 1 << max(4, ceil_log2(n) // 4) for fewer than 2**20 groups
_add_reduce = np.add.reduce
_add_accumulate = np.add.accumulate
_concatenate = np.concatenate


def _multi_row_sum(rows):
    """``rows``: (n, ILP, ...) -> (ILP, ...), summed in ``multi_row_sum``'s order.

    PyTorch adds ``LEVEL_STEP`` rows at a time into ``acc[0]`` (from zero), then adds
    ``acc[0]`` into ``acc[1]`` (and zeroes it); every ``LEVEL_STEP`` blocks ``acc[1]``
    goes into ``acc[2]`` the same way, every ``LEVEL_STEP**2`` ``acc[2]`` into ``acc[3]``.
    Each level therefore sums its units one after the other from zero, in runs of
    ``LEVEL_STEP``: one ``np.add.reduce`` over the run axis per level (numpy adds along
    an outer axis row after row), then ``((acc0 + acc1) + acc2) + acc3``."""
    n = rows.shape[0]
    shape = rows.shape[1:]
    step = LEVEL_STEP
    nb = n // step
    # acc[0]: the rows after the last full block (zero when none)
    total = _add_reduce(rows[nb * step :], axis=0) if n > nb * step else None
    units = _add_reduce(rows[: nb * step].reshape(nb, step, *shape), axis=1) if nb else None
    for last in (False, False, True):  # acc[1], acc[2], acc[3] (the last never carries)
        if units is None:
            break
        m = units.shape[0]
        full = 0 if last else m // step
        acc = _add_reduce(units[full * step :], axis=0) if m > full * step else None
        if acc is not None:
            total = acc if total is None else total + acc
        units = (
            _add_reduce(units[: full * step].reshape(full, step, *shape), axis=1) if full else None
        )
    return total if total is not None else np.zeros(shape, _F32)


def _row_sum(items):
    """``row_sum``: items (m, ...) -> (...)."""
    m = items.shape[0]
    nilp = m // ILP
    if not nilp:
        p0 = items[0]
        for r in range(1, m):
            p0 = p0 + items[r]
        return p0
    rows = items[: nilp * ILP].reshape(nilp, ILP, *items.shape[1:])
    # fewer than LEVEL_STEP groups: no cascade, each accumulator adds its items in turn
    # (numpy reduces an outer axis one row after the other)
    part = np.add.reduce(rows, axis=0) if nilp < LEVEL_STEP else _multi_row_sum(rows)
    for r in range(nilp * ILP, m):  # at most 3 leftover items, into the first
        part[0] += items[r]
    return np.add.reduce(part, axis=0)  # ((p0 + p1) + p2) + p3


def sum32(a):
    """Sum of all elements of the float32 array ``a`` in PyTorch's order (a 0-d array)."""
    x = a.reshape(-1)
    n = x.size
    if n < V:
        return np.asarray(_row_sum(x), dtype=_F32)
    nvec = n >> 3
    nilp = nvec >> 2
    tail = nvec * V
    if 0 < nilp < LEVEL_STEP:
        # ``_row_sum`` inlined for the common small sizes (8 <= n < 512): the groups of
        # four vectors, the leftover vectors into the first accumulator, then the four
        body = nilp * (ILP * V)
        part = _add_reduce(x[:body].reshape(nilp, ILP, V), axis=0)
        if body < tail:
            p0 = part[0]
            for r in range(body, tail, V):
                p0 += x[r : r + V]
        lanes = _add_reduce(part, axis=0)
    else:
        lanes = _row_sum(x[:tail].reshape(nvec, V))
    if tail < n:
        lanes = _concatenate((x[tail:], lanes))
    return _add_accumulate(lanes)[-1:].reshape(())


def _inner(x):
    """Sums over the last axis of a contiguous (B, C) array, each row in ``sum32``'s
    order (PyTorch reduces a contiguous last dim row by row with the same kernel)."""
    b, c = x.shape
    if c < V:
        return _row_sum(np.ascontiguousarray(x.T))  # items (C, B)
    nvec = c // V
    lanes = _row_sum(x[:, : nvec * V].reshape(b, nvec, V).transpose(1, 2, 0))  # (V, B)
    seq = np.concatenate([x[:, nvec * V :].T, lanes], axis=0)
    return np.add.accumulate(seq, axis=0)[-1]


def _outer(x):
    """Sums over the first axis of a contiguous (R, C) array as PyTorch's outer sums do:
    blocks of 32 columns (``vectorized_outer_sum``: 4 accumulators of 8 lanes), or of 4
    columns when there are fewer than 8 (``scalar_outer_sum``), each column summed down
    the rows in ``multi_row_sum``'s cascade (no interleaving of rows); the columns after
    the last block in ``row_sum``'s order (rows interleaved 4 ways)."""
    r, c = x.shape
    block = c - c % (ILP * V) if c >= V else c - c % ILP
    if not block:
        return _row_sum(x)
    if r < LEVEL_STEP:  # no cascade: the rows one after the other
        head = _add_reduce(x[:, :block], axis=0)
    else:
        head = _multi_row_sum(x[:, :block].reshape(r, 1, block))[0]
    if block == c:
        return head
    return _concatenate((head, _row_sum(x[:, block:])))


def sum_dim32(a, dims, keepdim):
    """``a.sum(dim)`` of a contiguous float32 array in PyTorch's order, for the cases
    whose order is known (measured against PyTorch: 100%): the last dim; the first dim
    (the rest flattened into columns, as PyTorch's iterator coalesces them: its
    column-wise kernels, ``_outer``).  ``None`` when not one of those."""
    nd = a.ndim
    if dims == (nd - 1,) and nd >= 1:
        c = a.shape[-1]
        if c == 0:
            return None
        out = _inner(a.reshape(-1, c)).reshape(a.shape[:-1])
    elif dims == (0,) and nd >= 2 and a.shape[0] > 0:
        cols = a.size // a.shape[0]
        if cols == 1:  # (one column: PyTorch sums it as a whole tensor)
            out = sum32(a).reshape(a.shape[1:])
        else:
            out = _outer(a.reshape(a.shape[0], cols)).reshape(a.shape[1:])
    else:
        return None
    if keepdim:
        out = np.expand_dims(out, dims)
    return np.asarray(out, dtype=_F32)


def nll_sum(x, keep=None):
    """The sum of the terms ``x`` (a 1-D array) in ``nll_loss``'s order (PyTorch's
    ``nll_loss_out_frame``): a cascade of 8 partial sums, terms added one by one into
    the first, carried up at every index that is a multiple of 16 (of 256, 4096...: one
    level per 4 bits; index 0 goes all the way up), then the partials in order.  ``keep``
    (booleans): terms left out (``ignore_index``), as PyTorch skips them, carries too."""
    dt = x.dtype.type
    n = x.size
    zero = dt(0)
    p = [zero] * 8
    if keep is not None and not keep.all():
        for b in range(n):
            if not keep[b]:
                continue
            p[0] = p[0] + x[b]
            for j in range(7):
                if b & (15 << (4 * j)):
                    break
                p[j + 1] = p[j + 1] + p[j]
                p[j] = zero
    elif 1 < n <= 256:
        # one level of carries (at 16, 32, ..., 240): the full blocks of 16 after index
        # 0 summed in turn into the second partial, the rest in the first, index 0 on top
        # (one accumulation over rows of 16: the terms after index 0 padded with zeros,
        # which leave a partial sum as it is; the last row is the first partial)
        k = (n - 1) >> 4
        buf = np.zeros(17 + (k << 4), x.dtype)
        buf[:n] = x
        acc = _add_accumulate(buf[1:].reshape(k + 1, 16), axis=1)  # (row sums: column 15)
        p1 = zero if not k else acc[0, 15] if k == 1 else _add_accumulate(acc[:k, 15])[-1]
        return (zero + acc[k, 15] + p1) + buf[0]
    elif n:
        p[7] = zero + x[0]  # index 0: carried through every (empty) level
        for s in range(1, n, 16):
            e = min(s + 16, n)
            p[0] = _add_accumulate(x[s:e])[-1]  # (the first partial is empty here)
            b = e - 1
            if b % 16 == 0:
                for j in range(7):
                    if j and b & (15 << (4 * j)):
                        break
                    p[j + 1] = p[j + 1] + p[j]
                    p[j] = zero
    out = zero
    for v in p:
        out = out + v
    return out
