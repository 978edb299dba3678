"""``torch.nn.utils.rnn``: ``pad_sequence``, ``pack_padded_sequence``,
``pad_packed_sequence``, ``pack_sequence``, ``unpad_sequence``, ``unpack_sequence``,
``invert_permutation`` and ``PackedSequence``, with the graphs PyTorch's C++ builds:
``pad_sequence`` and ``pad_packed_sequence`` copy slices into a filled output (a chain of
``CopySlices`` nodes), ``pack_padded_sequence`` is one ``PackPaddedSequenceBackward0``
node (its gradient: the packed rows written back at their padded places, zeros elsewhere),
with ``IndexSelectBackward0`` for the sorting of ``enforce_sorted=False``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import numpy as np

from ...engine import api as _api
from ...engine import api_more as _more
from ...engine import creation
from ...engine.function import Function, Local
from ...engine.functional_array import _is_array
from ...engine.ops import shape as S
from ...engine.shown import ShownAs
from ...engine.tensor import Tensor

__all__ = [
    "PackedSequence",
    "invert_permutation",
    "pack_padded_sequence",
    "pack_sequence",
    "pad_packed_sequence",
    "pad_sequence",
    "unpack_sequence",
    "unpad_sequence",
]


class PackedSequence_(NamedTuple):
    data: Tensor
    batch_sizes: Tensor
    sorted_indices: Tensor | None
    unsorted_indices: Tensor | None


class PackedSequence(PackedSequence_, metaclass=ShownAs):
    """The steps of a batch of sequences, longest first, stacked in ``data``;
    ``batch_sizes[t]``: how many sequences are still running at step ``t``."""

    _torch_class = "torch.nn.utils.rnn.PackedSequence"

    def __new__(cls, data, batch_sizes=None, sorted_indices=None, unsorted_indices=None):
        if unsorted_indices is None:
            unsorted_indices = invert_permutation(sorted_indices)
        if batch_sizes is None:
            if not (isinstance(data, (list, tuple)) and len(data) == 2):
                raise AssertionError("Expected data to be a list or tuple of length 2")
            data, batch_sizes = data
        return super().__new__(cls, data, batch_sizes, sorted_indices, unsorted_indices)

    def to(self, *args, **kwargs):
        data = self.data.to(*args, **kwargs)
        if data is self.data:
            return self
        return type(self)(data, self.batch_sizes, self.sorted_indices, self.unsorted_indices)

    def cpu(self, *args, **kwargs):
        return self

    def double(self):
        return self.to(dtype=_api_dtype("float64"))

    def float(self):
        return self.to(dtype=_api_dtype("float32"))

    def half(self):
        return self.to(dtype=_api_dtype("float16"))

    def long(self):
        return self.to(dtype=_api_dtype("int64"))

    def int(self):
        return self.to(dtype=_api_dtype("int32"))

    def short(self):
        return self.to(dtype=_api_dtype("int16"))

    def char(self):
        return self.to(dtype=_api_dtype("int8"))

    def byte(self):
        return self.to(dtype=_api_dtype("uint8"))

    @property
    def is_cuda(self) -> bool:
        return False

    def is_pinned(self) -> bool:
        return False


def _api_dtype(name):
    from ...engine import dtypes

    return getattr(dtypes, name)


def _long(values):
    return Tensor._make(np.asarray(values, dtype=np.int64))


def invert_permutation(permutation):
    """The permutation that undoes ``permutation`` (``None`` stays ``None``)."""
    if permutation is None:
        return None
    p = permutation._data
    out = np.empty_like(p)
    out[p] = np.arange(p.size, dtype=p.dtype)
    return Tensor._make(out)


# ---------------------------------------------------------------------------------------
# pad_sequence


def _infer_size(a, b):
    """Broadcast shape of ``a`` and ``b`` with PyTorch's ``infer_size`` message."""
    n = max(len(a), len(b))
    for i in range(n - 1, -1, -1):
        off = n - 1 - i
        da = a[len(a) - 1 - off] if off < len(a) else 1
        db = b[len(b) - 1 - off] if off < len(b) else 1
        if da != db and da != 1 and db != 1:
            raise RuntimeError(
                f"The size of tensor a ({da}) must match the size of tensor b ({db}) at "
                f"non-singleton dimension {i}"
            )


def _copy_into(out, index, src):
    """``out[index].copy_(src)`` (PyTorch's C++ copy into a view): a ``CopySlices`` node
    over ``out``'s old node and ``src``'s."""
    from ..padding import _copy_into as copy

    view_shape = np.empty(out._data.shape, dtype=np.bool_)[index].shape
    _infer_size(view_shape, tuple(src._data.shape))
    if tuple(src._data.shape) != view_shape:
        src = _api.expand(src, *view_shape)
    copy(out, index, src)


def pad_sequence(sequences, batch_first=False, padding_value=0.0, padding_side="right"):
    """Stack sequences of different lengths (first dim) into one tensor, padded with
    ``padding_value`` (``padding_side='left'``: before the values)."""
    if not isinstance(sequences, Iterable):
        raise RuntimeError(
            "pad_sequence: Expected iterable for input sequences, but got arg of type: "
            f"{type(sequences)}"
        )
    sequences = tuple(sequences)
    if not sequences:
        raise RuntimeError("received an empty list of sequences")
    if padding_side not in ("left", "right"):
        raise RuntimeError(
            f"Expected padding_side to be one of left or right, but got {padding_side}."
        )
    for k, s in enumerate(sequences):
        if not isinstance(s, Tensor):
            raise TypeError(
                "pad_sequence(): argument 'sequences' (position 1) must be tuple of Tensors, "
                f"but found element of type {type(s).__name__} at pos {k}"
            )
    first = sequences[0]
    if first.dim() == 0:
        raise RuntimeError("ArrayRef: invalid slice, N = 1; size = 0")
    for s in sequences:
        if s.dim() == 0:
            raise IndexError("Dimension specified as 0 but tensor has no dimensions")
    max_len = max(s.shape[0] for s in sequences)
    n = len(sequences)
    trailing = tuple(first.shape[1:])
    shape = (n, max_len, *trailing) if batch_first else (max_len, n, *trailing)
    out = creation.full(shape, padding_value, dtype=first.dtype)
    for i, s in enumerate(sequences):
        length = s.shape[0]
        start = max_len - length if padding_side == "left" else 0
        rows = slice(start, start + length)
        _copy_into(out, (i, rows) if batch_first else (rows, i), s)
    return out


# ---------------------------------------------------------------------------------------
# pack_padded_sequence


class PackPaddedSequenceBackward0(Function):
    op, symbol = "pack_padded_sequence", "pack"
    formula = "∂/∂input: each packed row's gradient at its padded place, 0 on the padding"
    local = (
        Local(
            (
                "G's rows written back at their padded places of {0:r}, 0 on the padding",
                "G 的各行写回 {0:r} 中补齐前的位置，补齐处为 0",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, x, rows=None, in_shape=()):
        ctx.rows, ctx.in_shape = rows, in_shape
        flat = x.reshape(-1, *x.shape[2:])
        return np.ascontiguousarray(flat[rows])

    @staticmethod
    def backward(ctx, g):
        if not ctx.needs_input_grad[0]:
            return (None,)
        rows, shape = ctx.rows, ctx.in_shape
        total = int(np.prod(shape[:2], dtype=np.int64))
        if _is_array(g):
            out = np.zeros((total, *shape[2:]), dtype=g.dtype)
            out[rows] = g
            return (out.reshape(shape),)
        # (create_graph: the gradient's rows read back, a zero row for the padding)
        inv = np.full(total, len(rows), dtype=np.int64)
        inv[rows] = np.arange(len(rows))
        zero = Tensor._make(np.zeros((1, *g.shape[1:]), dtype=g._data.dtype))
        ext = _api.cat([g, zero], 0)
        return (_api.reshape(_more.index_select(ext, 0, Tensor._make(inv)), shape),)


def _packed_rows(shape, lengths, batch_first):
    """The flat rows of a padded (T, B) / (B, T) layout in packed order, and batch_sizes."""
    t_len, b = (shape[1], shape[0]) if batch_first else (shape[0], shape[1])
    rows, sizes = [], []
    for t in range(int(lengths[0])):
        bt = int(np.count_nonzero(lengths > t))
        sizes.append(bt)
        if t < t_len:  # (a length above the input's: PyTorch's slices stop at its end)
            for j in range(bt):
                rows.append(j * t_len + t if batch_first else t * b + j)
    return np.asarray(rows, dtype=np.int64), sizes


def pack_padded_sequence(input, lengths, batch_first=False, enforce_sorted=True):
    """Pack a padded batch (T, B, *) (``batch_first``: (B, T, *)) of sequences whose
    lengths are ``lengths`` into a ``PackedSequence``."""
    if isinstance(lengths, Tensor):
        lengths = lengths.to(_api_dtype("int64"))
    else:
        lengths = _long(
            [int(v) for v in lengths] if isinstance(lengths, (list, tuple)) else lengths
        )
    sorted_indices = None
    if not enforce_sorted:
        lengths, sorted_indices = _more.sort(lengths, descending=True)
        input = _more.index_select(input, 0 if batch_first else 1, sorted_indices)
    lens = lengths._data
    if lens.ndim != 1:
        raise RuntimeError(
            "'lengths' argument should be a 1D CPU int64 tensor, but got "
            f"{lens.ndim}D cpu Long tensor"
        )
    nd = input.dim()
    if nd < 2:
        raise IndexError(
            f"Dimension out of range (expected to be in range of [-{nd}, {nd - 1}], but got 1)"
        )
    if input._data.size == 0:
        raise RuntimeError("Cannot pack empty tensors.")
    batch = input.shape[0] if batch_first else input.shape[1]
    if lens.shape[0] != batch:
        raise RuntimeError(
            f"Expected `len(lengths)` to be equal to batch_size, but got {lens.shape[0]} "
            f"(batch_size={batch})"
        )
    if lens[-1] <= 0:
        raise RuntimeError(
            "Length of all samples has to be greater than 0, but found an element in "
            "'lengths' that is <= 0"
        )
    if np.any(lens[1:] > lens[:-1]):
        raise RuntimeError(
            "`lengths` array must be sorted in decreasing order when `enforce_sorted` is "
            "True. You can pass `enforce_sorted=False` to pack_padded_sequence and/or "
            "pack_sequence to sidestep this requirement if you do not need ONNX exportability."
        )
    shape = tuple(input.shape)
    rows, sizes = _packed_rows(shape, lens, batch_first)
    data = PackPaddedSequenceBackward0.apply(input, rows=rows, in_shape=shape)
    return PackedSequence(data, _long(sizes), sorted_indices, None)


def pad_packed_sequence(sequence, batch_first=False, padding_value=0.0, total_length=None):
    """The inverse of ``pack_padded_sequence``: (padded batch, lengths)."""
    data, batch_sizes = sequence.data, sequence.batch_sizes
    sizes = [int(v) for v in batch_sizes._data]
    max_seq_length = len(sizes)
    if total_length is not None:
        if total_length < max_seq_length:
            raise ValueError(
                "Expected total_length to be at least the length of the longest sequence in "
                f"input, but got total_length={total_length} and max sequence length being "
                f"{max_seq_length}"
            )
        max_seq_length = total_length
    max_batch = sizes[0]
    trailing = tuple(data.shape[1:])
    out = creation.full((max_seq_length, max_batch, *trailing), padding_value, dtype=data.dtype)
    lengths = np.empty(max_batch, dtype=np.int64)
    pos = max_batch - 1
    offset, prev_b, prev_i = 0, max_batch, 0
    n_real = len(sizes)
    for i in range(n_real + 1):
        b = sizes[i] if i != n_real else 0
        if b != prev_b:
            rows = prev_b * (i - prev_i)
            tmp = S.SliceBackward0.apply(data, index=(slice(offset, offset + rows),))
            tmp = _api.view(tmp, i - prev_i, prev_b, *trailing)
            _copy_into(out, (slice(prev_i, i), slice(0, prev_b)), tmp)
            offset += rows
            prev_i = i
        for _ in range(prev_b - b):
            lengths[pos] = i
            pos -= 1
        prev_b = b
    if batch_first:
        out = _api.transpose(out, 0, 1)
    lengths_t = Tensor._make(lengths)
    if sequence.unsorted_indices is not None:
        unsorted = sequence.unsorted_indices
        return (
            _more.index_select(out, 0 if batch_first else 1, unsorted),
            Tensor._make(lengths[unsorted._data]),
        )
    return out, lengths_t


def pack_sequence(sequences, enforce_sorted=True):
    """``pack_padded_sequence(pad_sequence(sequences), lengths)``."""
    lengths = _long([v.size(0) for v in sequences])
    return pack_padded_sequence(pad_sequence(sequences), lengths, enforce_sorted=enforce_sorted)


def unpad_sequence(padded_sequences, lengths, batch_first=False):
    """The list of sequences in a padded batch (PyTorch transposes a time-first batch in
    place)."""
    if not batch_first:
        padded_sequences.transpose_(0, 1)
    max_length = padded_sequences.shape[1]
    idx = creation.arange(max_length)
    out = []
    for seq, length in zip(padded_sequences, lengths, strict=True):
        mask = idx < length
        out.append(seq[mask])
    return out


def unpack_sequence(packed_sequences):
    """The list of sequences in a ``PackedSequence``."""
    padded, lengths = pad_packed_sequence(packed_sequences, batch_first=True)
    return unpad_sequence(padded, lengths, batch_first=True)
