"""The orders PyTorch's CPU kernels leave equal elements in, so that the *index* they return
for a tie is PyTorch's: ``std::sort`` and ``std::nth_element`` as GCC's libstdc++ implements
them (introsort with a final insertion sort; introselect; their heap fallbacks), and ATen's
``quick_select_template`` (``aten/src/ATen/native/SortingUtils.h``, used by ``kthvalue``).

Each works in place on a Python list ``v`` with a strict "less" ``less(x, y)`` on its
elements; callers use these only for the rows whose result depends on the order of ties
(numpy answers the others)."""

from __future__ import annotations

_THRESHOLD = 16  # libstdc++'s _S_threshold


def _lg(n):
    return n.bit_length() - 1


def _insertion_sort(v, first, last, less):
    if first == last:
        return
    for i in range(first + 1, last):
        val = v[i]
        if less(val, v[first]):
            v[first + 1 : i + 1] = v[first:i]
            v[first] = val
        else:
            _unguarded_linear_insert(v, i, less)


def _unguarded_linear_insert(v, last, less):
    val = v[last]
    nxt = last - 1
    while less(val, v[nxt]):
        v[last] = v[nxt]
        last = nxt
        nxt -= 1
    v[last] = val


def _move_median_to_first(v, result, a, b, c, less):
    if less(v[a], v[b]):
        if less(v[b], v[c]):
            v[result], v[b] = v[b], v[result]
        elif less(v[a], v[c]):
            v[result], v[c] = v[c], v[result]
        else:
            v[result], v[a] = v[a], v[result]
    elif less(v[a], v[c]):
        v[result], v[a] = v[a], v[result]
    elif less(v[b], v[c]):
        v[result], v[c] = v[c], v[result]
    else:
        v[result], v[b] = v[b], v[result]


def _unguarded_partition(v, first, last, pivot, less):
    while True:
        while less(v[first], v[pivot]):
            first += 1
        last -= 1
        while less(v[pivot], v[last]):
            last -= 1
        if not first < last:
            return first
        v[first], v[last] = v[last], v[first]
        first += 1


def _partition_pivot(v, first, last, less):
    mid = first + (last - first) // 2
    _move_median_to_first(v, first, first + 1, mid, last - 1, less)
    return _unguarded_partition(v, first + 1, last, first, less)


def _push_heap(v, first, hole, top, value, less):
    parent = (hole - 1) // 2
    while hole > top and less(v[first + parent], value):
        v[first + hole] = v[first + parent]
        hole = parent
        parent = (hole - 1) // 2
    v[first + hole] = value


def _adjust_heap(v, first, hole, length, value, less):
    top = hole
    child = hole
    while child < (length - 1) // 2:
        child = 2 * (child + 1)
        if less(v[first + child], v[first + child - 1]):
            child -= 1
        v[first + hole] = v[first + child]
        hole = child
    if (length & 1) == 0 and child == (length - 2) // 2:
        child = 2 * (child + 1)
        v[first + hole] = v[first + child - 1]
        hole = child - 1
    _push_heap(v, first, hole, top, value, less)


def _make_heap(v, first, last, less):
    length = last - first
    if length < 2:
        return
    parent = (length - 2) // 2
    while True:
        _adjust_heap(v, first, parent, length, v[first + parent], less)
        if parent == 0:
            return
        parent -= 1


def _pop_heap(v, first, last, result, less):
    value = v[result]
    v[result] = v[first]
    _adjust_heap(v, first, 0, last - first, value, less)


def _heap_select(v, first, middle, last, less):
    _make_heap(v, first, middle, less)
    for i in range(middle, last):
        if less(v[i], v[first]):
            _pop_heap(v, first, middle, i, less)


def _sort_heap(v, first, last, less):
    while last - first > 1:
        last -= 1
        _pop_heap(v, first, last, last, less)


def _introsort_loop(v, first, last, depth, less):
    while last - first > _THRESHOLD:
        if depth == 0:
            _heap_select(v, first, last, last, less)  # std::__partial_sort
            _sort_heap(v, first, last, less)
            return
        depth -= 1
        cut = _partition_pivot(v, first, last, less)
        _introsort_loop(v, cut, last, depth, less)
        last = cut


def std_sort(v, less):
    """``std::sort(v.begin(), v.end(), less)``."""
    n = len(v)
    if n == 0:
        return
    _introsort_loop(v, 0, n, _lg(n) * 2, less)
    if n > _THRESHOLD:
        _insertion_sort(v, 0, _THRESHOLD, less)
        for i in range(_THRESHOLD, n):
            _unguarded_linear_insert(v, i, less)
    else:
        _insertion_sort(v, 0, n, less)


def nth_element(v, nth, less):
    """``std::nth_element(v.begin(), v.begin() + nth, v.end(), less)``."""
    first, last = 0, len(v)
    if first == last or nth == last:
        return
    depth = _lg(last - first) * 2
    while last - first > 3:
        if depth == 0:
            _heap_select(v, first, nth + 1, last, less)
            v[first], v[nth] = v[nth], v[first]
            return
        depth -= 1
        cut = _partition_pivot(v, first, last, less)
        if cut <= nth:
            first = cut
        else:
            last = cut
    _insertion_sort(v, first, last, less)


def quick_select(vals, idx, k, gt_or_nan):
    """ATen's ``quick_select_template``: partitions ``vals`` (and ``idx`` alongside) in
    place so that position ``k`` holds the k-th smallest (NaN largest)."""

    def swap(i, j):
        vals[i], vals[j] = vals[j], vals[i]
        idx[i], idx[j] = idx[j], idx[i]

    lo, hi = 0, len(vals) - 1
    while True:
        if hi <= lo:
            return
        if hi == lo + 1:
            if gt_or_nan(vals[lo], vals[hi]):
                swap(lo, hi)
            return
        p = lo + (hi - lo) // 2
        swap(p, lo + 1)
        if gt_or_nan(vals[lo + 1], vals[hi]):
            swap(lo + 1, hi)
        if gt_or_nan(vals[lo], vals[hi]):
            swap(lo, hi)
        if gt_or_nan(vals[lo + 1], vals[lo]):
            swap(lo + 1, lo)
        i, j = lo + 1, hi
        piv = vals[lo]
        while True:
            i += 1
            while gt_or_nan(piv, vals[i]):
                i += 1
            j -= 1
            while gt_or_nan(vals[j], piv):
                j -= 1
            if j < i:
                break
            swap(i, j)
        swap(lo, j)
        if j <= k:
            lo = i
        if j >= k:
            hi = j - 1
