"""``torch.einsum``, computed as PyTorch's ``at::einsum`` (aten/src/ATen/native/Linear.cpp)
computes it: the operands' dims aligned by ``permute`` / ``unsqueeze`` (a repeated label is a
``diagonal`` moved back into place), then contracted left to right, two at a time, by
``sumproduct_pair`` (``mul`` when nothing is summed, otherwise ``permute -> reshape -> bmm ->
view -> permute``), dims found in one operand only summed first (``sum(keepdim=True)``).  So
the graph has PyTorch's nodes (``ViewBackward0``, ``PermuteBackward0``, ``BmmBackward0``,
``SumBackward1``, ``MulBackward0``, ``DiagonalBackward0``...), gradients come from them, and
bad equations raise PyTorch's messages.  No contraction path is computed for three or more
operands (PyTorch's default without the optional ``opt_einsum`` package)."""

from __future__ import annotations

import numpy as np

from . import api as _api
from .api_views import diagonal as _diagonal
from .api_views import movedim as _movedim
from .function import _seq_counter
from .tensor import Tensor

__all__ = ["einsum"]

_LETTERS = 26
_TOTAL = 2 * _LETTERS
_ELLIPSIS = _TOTAL


def _subscript(c):
    """A label in [A-Za-z] as PyTorch numbers it (upper case first)."""
    return ord(c) - ord("A") if c.isupper() else ord(c) - ord("a") + _LETTERS


def _label(s):
    return chr(s + ord("A")) if s < _LETTERS else chr(s - _LETTERS + ord("a"))


def _parse_sublist(n):
    if n is Ellipsis:
        return "..."
    if 0 <= n < 26:
        return chr(ord("A") + n)
    if 26 <= n < 52:
        return chr(ord("a") + n - 26)
    raise ValueError("einsum(): subscript in subscript list is not within the valid range [0, 52)")


def einsum(*args):
    """``torch.einsum(equation, *operands)`` (or the operands as one list, or the sublist
    form ``einsum(a, [0, 1], b, [1, 2], [0, 2])``)."""
    if len(args) < 2:
        raise ValueError(
            "einsum(): must specify the equation string and at least one operand, or at least "
            "one operand and its subscripts list"
        )
    if isinstance(args[0], Tensor):
        equation = ",".join("".join(_parse_sublist(s) for s in sub) for sub in args[1::2])
        if len(args) % 2 == 1:
            equation += "->" + "".join(_parse_sublist(s) for s in args[-1])
            operands = args[:-1:2]
        else:
            operands = args[::2]
    else:
        equation, operands = args[0], args[1:]
    if len(operands) == 1 and isinstance(operands[0], list | tuple):
        return einsum(equation, *operands[0])
    if not isinstance(equation, str):
        raise TypeError(
            f"einsum(): argument 'equation' (position 1) must be str, not {_api._pytype(equation)}"
        )
    for k, op in enumerate(operands):
        if not isinstance(op, Tensor):
            raise TypeError(
                f"expected Tensor as element {k} in argument 1, but got {_api._pytype(op)}"
            )
    operands = list(operands)
    if _api._LISTENERS and _api._OPEN[-1:] != ["einsum"]:
        return _api._composite(
            "einsum", _einsum, (equation, operands), None, operands, {"equation": equation}
        )
    seq0 = _seq_counter[0]
    out = _einsum(equation, operands)
    return _api._tagged(out, "einsum", tuple(operands), {"equation": equation}, seq0)


def _parse(equation, operands):
    """PyTorch's parsing: each operand's labels (``_ELLIPSIS`` for ``...``), and where every
    label goes in the aligned layout (output dims first, then the summed ones)."""
    num_ops = len(operands)
    arrow = equation.find("->")
    lhs = equation if arrow < 0 else equation[:arrow]
    op_labels = [[] for _ in range(num_ops)]
    ell_in_input = False
    cur = 0
    i = 0
    while i < len(lhs):
        c = lhs[i]
        if c == " ":
            pass
        elif c == ".":
            if ell_in_input:
                raise RuntimeError(
                    f"einsum(): found '.' for operand {cur} for which an ellipsis was already found"
                )
            if not (i + 2 < len(lhs) and lhs[i + 1] == "." and lhs[i + 2] == "."):
                raise RuntimeError(
                    f"einsum(): found '.' for operand {cur} that is not part of any ellipsis"
                )
            i += 2
            op_labels[cur].append(_ELLIPSIS)
            ell_in_input = True
        elif c == ",":
            cur += 1
            if cur >= num_ops:
                raise RuntimeError(
                    "einsum(): fewer operands were provided than specified in the equation"
                )
            ell_in_input = False
        else:
            if not (c.isascii() and c.isalpha()):
                raise RuntimeError(
                    f"einsum(): invalid subscript given at index {i} in the equation string, "
                    "subscripts must be in [a-zA-Z]"
                )
            op_labels[cur].append(_subscript(c))
        i += 1
    if cur != num_ops - 1:
        raise RuntimeError("einsum(): more operands were provided than specified in the equation")

    label_count = [0] * _TOTAL
    ell_num_dim = 0
    for k, op in enumerate(operands):
        labels = op_labels[k]
        ndims = op._data.ndim
        nlabels = len(labels)
        has_ell = False
        for s in labels:
            if s == _ELLIPSIS:
                nlabels -= 1
                has_ell = True
                ell_num_dim = max(ell_num_dim, ndims - nlabels)
            else:
                label_count[s] += 1
        if has_ell and nlabels > ndims:
            raise RuntimeError(
                f"einsum(): the number of subscripts in the equation ({nlabels}) is more than "
                f"the number of dimensions ({ndims}) for operand {k}"
            )
        if not has_ell and nlabels != ndims:
            raise RuntimeError(
                f"einsum(): the number of subscripts in the equation ({nlabels}) does not match "
                f"the number of dimensions ({ndims}) for operand {k} and no ellipsis was given"
            )

    perm_index_of = [-1] * _TOTAL
    perm_index = 0
    ell_index = 0
    ell_in_output = False
    if arrow < 0:  # implicit output: the ellipsis, then the labels seen once, in order
        perm_index = ell_num_dim
        ell_in_output = True
        for s in range(_TOTAL):
            if label_count[s] == 1:
                perm_index_of[s] = perm_index
                perm_index += 1
    else:
        rhs = equation[arrow + 2 :]
        i = 0
        while i < len(rhs):
            c = rhs[i]
            if c == " ":
                pass
            elif c == ".":
                if ell_in_output:
                    raise RuntimeError(
                        "einsum(): found '.' for output but an ellipsis (...) was already found"
                    )
                if not (i + 2 < len(rhs) and rhs[i + 1] == "." and rhs[i + 2] == "."):
                    raise RuntimeError(
                        "einsum(): found '.' for output that is not part of any ellipsis (...)"
                    )
                i += 2
                ell_index = perm_index
                perm_index += ell_num_dim
                ell_in_output = True
            else:
                if not (c.isascii() and c.isalpha()):
                    raise RuntimeError(
                        f"einsum(): invalid subscript given at index {len(lhs) + 2 + i} in the "
                        "equation string, subscripts must be in [a-zA-Z]"
                    )
                s = _subscript(c)
                if label_count[s] == 0 or perm_index_of[s] != -1:
                    why = (
                        "appears more than once in the output"
                        if perm_index_of[s] > -1
                        else "does not appear in the equation for any input operand"
                    )
                    raise RuntimeError(f"einsum(): output subscript {c} {why}")
                perm_index_of[s] = perm_index
                perm_index += 1
            i += 1
    out_num_dim = perm_index
    if not ell_in_output:
        ell_index = perm_index
        perm_index += ell_num_dim
    for s in range(_TOTAL):
        if label_count[s] > 0 and perm_index_of[s] == -1:
            perm_index_of[s] = perm_index
            perm_index += 1
    return op_labels, perm_index_of, perm_index, out_num_dim, ell_index, ell_num_dim


def _align(operands, op_labels, perm_index_of, perm_index, ell_index, ell_num_dim):
    """Every operand with PyTorch's checks, diagonals, unsqueezes and permutation, and how
    many operands have a dim of size != 1 at each aligned position."""
    label_size = [1] * _TOTAL
    ell_sizes = [1] * ell_num_dim
    dim_counts = [0] * perm_index
    ops = []
    for k, operand in enumerate(operands):
        op = operand
        perm = [-1] * perm_index
        dim = 0
        for s in op_labels[k]:
            shape = op._data.shape
            if s == _ELLIPSIS:
                ndim = operand._data.ndim - (len(op_labels[k]) - 1)
                for j in range(ell_num_dim - ndim, ell_num_dim):
                    size = op._data.shape[dim]
                    if size != 1:
                        if ell_sizes[j] != 1 and ell_sizes[j] != size:
                            raise RuntimeError(
                                f"einsum(): dimension {dim} covered by ellipsis in operand "
                                f"{k}has size {size} which does not broadcast with previously "
                                f"seen ellipsis with size {ell_sizes[j]} for the respective "
                                "dimension"
                            )
                        ell_sizes[j] = size
                        dim_counts[ell_index + j] += 1
                    perm[ell_index + j] = dim
                    dim += 1
            elif perm[perm_index_of[s]] == -1:
                size = shape[dim]
                if size != 1:
                    if label_size[s] != 1 and label_size[s] != size:
                        raise RuntimeError(
                            f"einsum(): subscript {_label(s)} has size {size} for operand {k} "
                            f"which does not broadcast with previously seen size {label_size[s]}"
                        )
                    label_size[s] = size
                    dim_counts[perm_index_of[s]] += 1
                perm[perm_index_of[s]] = dim
                dim += 1
            else:  # a repeated label: its diagonal, put where the label first was
                prev = perm[perm_index_of[s]]
                if shape[dim] != shape[prev]:
                    raise RuntimeError(
                        f"einsum(): subscript {_label(s)} is repeated for operand {k} but the "
                        f"sizes don't match, {shape[dim]} != {shape[prev]}"
                    )
                op = _movedim(_diagonal(op, 0, prev, dim), -1, prev)
        for p, v in enumerate(perm):
            if v == -1:
                op = _api.unsqueeze(op, dim)
                perm[p] = dim
                dim += 1
        ops.append(_api.permute(op, *perm))
    return ops, dim_counts


def _einsum(equation, operands):
    op_labels, perm_index_of, perm_index, out_num_dim, ell_index, ell_num_dim = _parse(
        equation, operands
    )
    ops, dim_counts = _align(operands, op_labels, perm_index_of, perm_index, ell_index, ell_num_dim)
    while len(ops) > 1:  # contract left to right
        a, b = ops[0], ops[1]
        del ops[:2]
        sum_dims, a_sum, b_sum = [], [], []
        sa, sb = a._data.shape, b._data.shape
        for d in range(out_num_dim, perm_index):
            if sa[d] != 1 and sb[d] != 1:
                if sa[d] != sb[d]:
                    raise RuntimeError("non-broadcast dimensions must match")
                dim_counts[d] -= 1
                if dim_counts[d] == 1:
                    sum_dims.append(d)
                    dim_counts[d] = 0
            elif dim_counts[d] == 1:
                if sa[d] != 1:
                    a_sum.append(d)
                    dim_counts[d] = 0
                elif sb[d] != 1:
                    b_sum.append(d)
                    dim_counts[d] = 0
        if a_sum:
            a = _api.sum(a, a_sum, True)
        if b_sum:
            b = _api.sum(b, b_sum, True)
        ops.insert(0, _sumproduct_pair(a, b, sum_dims))
    if perm_index - out_num_dim > 0:
        if len(operands) > 1:  # the summed dims are all of size 1 by now
            return _api.view(ops[0], *ops[0]._data.shape[:out_num_dim])
        return _api.sum(ops[0], list(range(out_num_dim, perm_index)))
    return ops[0]


def _sumproduct_pair(left, right, sum_dims):
    """PyTorch's ``sumproduct_pair`` (keepdim): the product of two aligned operands summed
    over ``sum_dims``, as one ``bmm`` (the operands swapped when the right one's dims come
    first in the output)."""
    if not sum_dims:
        return _api.mul(left, right)
    nd = left._data.ndim
    summed = set(sum_dims)
    lro, lo, ro = [], [], []
    lro_size = lo_size = ro_size = sum_size = 1
    for i in range(nd):
        sl = left._data.shape[i] != 1
        sr = right._data.shape[i] != 1
        if i in summed:
            if sl and sr:
                if left._data.shape[i] != right._data.shape[i]:
                    raise RuntimeError("non-broadcast dimensions must match")
                sum_size *= left._data.shape[i]
            elif sl:
                left = _api.sum(left, i, True)
            elif sr:
                right = _api.sum(right, i, True)
        elif sl and sr:
            if left._data.shape[i] != right._data.shape[i]:
                raise RuntimeError("non-broadcast dimensions must match")
            lro.append(i)
            lro_size *= left._data.shape[i]
        elif sl:
            lo.append(i)
            lo_size *= left._data.shape[i]
        else:
            ro.append(i)
            ro_size *= right._data.shape[i]
    if lo and ro and ro[-1] < lo[0]:  # bmm writes the result in the output's order
        left, right, lo, ro, lo_size, ro_size = right, left, ro, lo, ro_size, lo_size
    out_size = (
        [left._data.shape[d] for d in lro]
        + [left._data.shape[d] for d in lo]
        + [1] * len(sum_dims)
        + [right._data.shape[d] for d in ro]
    )
    lperm = lro + lo + list(sum_dims) + ro
    rperm = lro + list(sum_dims) + ro + lo
    operm = [-1] * len(out_size)
    for k, d in enumerate(lro + lo + list(sum_dims) + ro):
        operm[d] = k
    left = _api._reshape(_api.permute(left, *lperm), (lro_size, lo_size, sum_size))
    right = _api._reshape(_api.permute(right, *rperm), (lro_size, sum_size, ro_size))
    if left._data.dtype == np.bool_ and right._data.dtype == np.bool_:
        raise NotImplementedError("\"bmm\" not implemented for 'Bool'")
    result = _api.bmm(left, right)
    return _api.permute(_api.view(result, *out_size), *operm)
