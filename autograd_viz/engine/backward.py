"""The backward engine: walks ``grad_fn`` nodes and applies the chain rule.

Order: Kahn's algorithm over dependency counts (a node runs once every node that
sends it a gradient has run), and among the ready nodes the most recently created
first, which is the order PyTorch's CPU engine uses.  Gradient arriving at a node
from several consumers is summed before the node runs ("accumulate_edge" events),
and leaf gradients are added into ``.grad`` by ``AccumulateGrad`` nodes.

As PyTorch's engine does, a gradient leaving a node is summed down to the shape of
the tensor it is for (broadcasting) and cast to that tensor's dtype.
"""

from __future__ import annotations

import heapq
import operator
import sys
import weakref

import numpy as np

from . import events
from .function import AccumulateGrad
from .functional_array import _ones, sum_to
from .grad_mode import STATE

Tensor = None  # set by tensor.py
CopyBackwards = None  # set by ops/shape.py

_heappush = heapq.heappush
_heappop = heapq.heappop
_heapify = heapq.heapify
_ndarray = np.ndarray
_F32 = np.dtype(np.float32)
_F64 = np.dtype(np.float64)
_generic = np.generic
_new = object.__new__
_weakref = weakref.ref
_getrefcount = sys.getrefcount
_LISTENERS = events.LISTENERS  # the list itself (mutated in place, never rebound)


def _as_grad_tensor(g):
    return g if isinstance(g, Tensor) else Tensor._make(np.asarray(g), False, None)


def _raw(g):
    return g._data if isinstance(g, Tensor) else g


#: PyTorch gives AccumulateGrad nodes the largest sequence number (UINT64_MAX): a leaf's
#: gradient is added, and its hooks run, as soon as every gradient for it has arrived.
_ACC_PRIORITY = 2**64 - 1

#: Leaves (their AccumulateGrad nodes) that have hooks.  While any is alive, backward keeps
#: PyTorch's exact ready-queue order: leaf hooks make the timing of accumulation observable.
HOOKED_LEAVES = weakref.WeakSet()

#: Live nodes with several outputs (``split``, ``unbind``, a custom Function returning
#: several tensors): while any is alive, backward takes the general loop, which keeps one
#: gradient buffer per output of such a node and calls its ``backward`` once with the list
#: (``None`` where an output received nothing); ``_run_fast`` never sees them.
MULTI_OUTPUT = weakref.WeakSet()


class _ReadyQueue:
    """PyTorch's CPU ready queue: a ``std::priority_queue`` ordered by sequence number,
    as libstdc++'s ``push_heap``/``pop_heap`` implement it, so that nodes of equal
    priority (AccumulateGrad nodes) come out in the same order as in PyTorch."""

    __slots__ = ("c",)

    def __init__(self):
        self.c = []

    def __bool__(self):
        return bool(self.c)

    def push(self, node):
        c = self.c
        prio = _ACC_PRIORITY if node.__class__ is AccumulateGrad else node._seq
        c.append((prio, node))
        self._sift_up(len(c) - 1, 0, c[-1])

    def _sift_up(self, hole, top, value):  # libstdc++ __push_heap
        c = self.c
        parent = (hole - 1) // 2
        while hole > top and c[parent][0] < value[0]:
            c[hole] = c[parent]
            hole = parent
            parent = (hole - 1) // 2
        c[hole] = value

    def pop(self):  # pop_heap + pop_back
        c = self.c
        last = len(c) - 1
        if last > 0:
            value = c[last]
            c[last] = c[0]
            # libstdc++ __adjust_heap over c[0:last]
            hole = second = 0
            while second < (last - 1) // 2:
                second = 2 * (second + 1)
                if c[second][0] < c[second - 1][0]:
                    second -= 1
                c[hole] = c[second]
                hole = second
            if (last & 1) == 0 and second == (last - 2) // 2:
                second = 2 * (second + 1)
                c[hole] = c[second - 1]
                hole = second - 1
            self._sift_up(hole, 0, value)
        return c.pop()[1]


def _collect(root_nodes):
    """Dependency count of every node reachable from ``root_nodes`` (iterative DFS)."""
    deps: dict = {}
    stack = list(root_nodes)
    seen = set(root_nodes)
    while stack:
        node = stack.pop()
        for nxt, _ in node.next_functions:
            if nxt is None:
                continue
            if nxt in deps:
                deps[nxt] += 1
            else:
                deps[nxt] = 1
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return deps, seen


def _needed(seen, targets):
    """Nodes from which some target node can be reached (for ``autograd.grad``)."""
    memo = {}
    for start in seen:
        if start in memo:
            continue
        stack = [(start, False)]
        while stack:
            node, done = stack.pop()
            if done:
                memo[node] = node in targets or any(
                    memo.get(n, False) for n, _ in node.next_functions if n is not None
                )
                continue
            if node in memo:
                continue
            stack.append((node, True))
            for n, _ in node.next_functions:
                if n is not None and n not in memo:
                    stack.append((n, False))
    return memo


def _fit(gi, nxt, graph):
    """Sum ``gi`` to the receiving node's shape and cast it to its dtype."""
    shape = nxt._shape
    if (
        not graph
        and gi.__class__ is _ndarray
        and gi.ndim == 2
        and len(shape) == 1
        and gi.dtype is nxt._dtype
    ):
        # a bias's gradient (the common case), dtype already right: the column sums as
        # one matrix-vector product (``sum_to``'s own first case, without its checks; one
        # column is a contiguous sum: ``sum_to`` adds it in PyTorch's order)
        dt = gi.dtype
        if gi.shape[1] == shape[0] != 1 and (dt is _F32 or dt is _F64):
            return _ones(gi.shape[0], dt) @ gi
        return sum_to(gi, shape)
    return _fit_to(gi, shape, nxt._dtype)


def _fit_to(gi, shape, dt):
    """Sum ``gi`` (an array, or a Tensor in a graph of gradients) to ``shape`` and cast it
    to ``dt``, as PyTorch's engine does with a gradient for an input."""
    graph = isinstance(gi, Tensor)
    arr = gi._data if graph else gi
    if arr.shape != shape:
        gi = sum_to(gi, shape)
        arr = gi._data if graph else gi
    if arr.dtype is not dt and arr.dtype != dt:
        if graph:
            from .dtypes import from_numpy_dtype

            gi = gi.to(from_numpy_dtype(dt))
        else:
            gi = np.asarray(gi, dtype=dt)
    return gi


def run_backward(
    roots, grads, retain_graph=False, create_graph=False, inputs=None, accumulate=True
):
    """Backpropagate ``grads`` from ``roots``.

    With ``inputs`` (a tuple of Tensors) only the part of the graph leading to them
    runs, and their gradients are returned (and, if ``accumulate``, added into
    their ``.grad`` when they are leaves).
    """
    listening = bool(_LISTENERS)
    if (
        not listening
        and not create_graph
        and inputs is None
        and accumulate
        # (a WeakSet's ``len`` is Python code: its underlying set is looked at first)
        and (not HOOKED_LEAVES.data or not HOOKED_LEAVES)
        and (not MULTI_OUTPUT.data or not MULTI_OUTPUT)
    ):
        _run_fast(roots, grads, retain_graph)
        return None
    root_nodes = []
    buffers: dict = {}
    for t, g in zip(roots, grads, strict=False):
        node = t._grad_fn if t._grad_fn is not None else t._get_accumulator()
        if node._multi:
            if node not in buffers:
                root_nodes.append(node)
            _add_multi(buffers, node, t._output_nr, g, False, None)
        elif node not in buffers:
            root_nodes.append(node)
            buffers[node] = g
        else:
            buffers[node] = buffers[node] + g
    deps, seen = _collect(root_nodes)

    captured = None
    capture_at = {}
    needed = None
    if inputs is not None:
        captured = [None] * len(inputs)
        for i, t in enumerate(inputs):
            node = t._grad_fn if t._grad_fn is not None else t._get_accumulator()
            capture_at.setdefault(node, []).append((i, t._output_nr))
        needed = _needed(seen, set(capture_at))

    if listening:
        events.emit(
            "backward_begin",
            roots=tuple(roots),
            grads=tuple(_raw(g) for g in grads),
            retain_graph=retain_graph,
            create_graph=create_graph,
        )

    heap = _ReadyQueue()
    for n in root_nodes:
        if n not in deps:
            heap.push(n)
    prev_mode = STATE.enabled
    STATE.enabled = create_graph
    freed = [] if listening else None
    fast = not create_graph and not listening
    try:
        while heap:
            node = heap.pop()
            g = buffers.pop(node, None)
            grads_in = None
            if g is not None and (needed is None or needed.get(node, False)):
                if node._has_pre:
                    g = _run_pre_hooks(node, g, listening)
                if capture_at and node in capture_at:
                    for i, nr in capture_at[node]:
                        captured[i] = g[nr] if node._multi else g
                if node.__class__ is AccumulateGrad:
                    if accumulate:
                        _accumulate(node, g, create_graph, listening)
                    continue
                if capture_at and node in capture_at and not _leads(node, needed):
                    g = None  # only its gradient was asked for: as PyTorch, it does not run
            if g is not None and (needed is None or needed.get(node, False)):
                if fast and node._node_hooks is None:
                    grads_in = node.backward(node, g)
                    if type(grads_in) is not tuple:
                        grads_in = (grads_in,)
                else:
                    grads_in = _run_node(node, g, create_graph, listening)
                if not retain_graph and node._saved is not None:
                    node._release()
                    if listening:
                        freed.append(node)
            if grads_in is None:
                for nxt, _ in node.next_functions:
                    if nxt is not None:
                        d = deps[nxt] - 1
                        deps[nxt] = d
                        if d == 0:
                            heap.push(nxt)
                continue
            for (nxt, nr), gi in zip(node.next_functions, grads_in, strict=False):
                if nxt is None:
                    continue
                if gi is not None and nxt._multi:
                    _add_multi(buffers, nxt, nr, gi, listening, node)
                elif gi is not None:
                    if create_graph:
                        gi = _fit(gi, nxt, True)
                    elif gi.shape != nxt._shape or gi.dtype is not nxt._dtype:
                        gi = _fit(gi, nxt, False)
                    old = buffers.get(nxt)
                    if old is None:
                        buffers[nxt] = gi
                    else:
                        new = old + gi
                        buffers[nxt] = new
                        if listening:
                            events.emit(
                                "accumulate_edge",
                                node=nxt,
                                old=_raw(old),
                                incoming=_raw(gi),
                                new=_raw(new),
                                source=node,
                            )
                d = deps[nxt] - 1
                deps[nxt] = d
                if d == 0:
                    heap.push(nxt)
    except BaseException as exc:
        if listening:
            events.emit("error", exc=exc, where="backward")
        raise
    finally:
        STATE.enabled = prev_mode
    if accumulate and inputs is not None:
        # non-leaf ``inputs=`` of backward(): their .grad is set (as retain_grad does)
        for t, g in zip(inputs, captured, strict=False):
            if t._grad_fn is not None and g is not None:
                if t._grad is None:
                    t._grad = (
                        g
                        if isinstance(g, Tensor)
                        else Tensor._make(np.array(g, copy=True), False, None)
                    )
                else:
                    t._grad = Tensor._make(t._grad._data + _raw(g), False, None)
    if listening:
        if freed:
            events.emit("freed", nodes=tuple(freed))
        events.emit("backward_end", roots=tuple(roots))
    return captured


def _leads(node, needed):
    """Some node after ``node`` leads to a gradient asked for (``autograd.grad``)."""
    return any(needed.get(n, False) for n, _ in node.next_functions if n is not None)


def _add_multi(buffers, nxt, nr, gi, listening, source):
    """Add ``gi`` into the buffer of output ``nr`` of the multi-output node ``nxt`` (a list
    with one slot per output), summed to that output's shape and cast to its dtype."""
    buf = buffers.get(nxt)
    if buf is None:
        buf = buffers[nxt] = [None] * len(nxt._out_shapes)
    shape = nxt._out_shapes[nr]
    if shape is not None:
        gi = _fit_to(gi, shape, nxt._out_dtypes[nr])
    old = buf[nr]
    if old is None:
        buf[nr] = gi
    else:
        new = buf[nr] = old + gi
        if listening and source is not None:
            events.emit(
                "accumulate_edge",
                node=nxt,
                old=_raw(old),
                incoming=_raw(gi),
                new=_raw(new),
                source=source,
            )


def _run_fast(roots, grads, retain_graph):
    """``run_backward`` when nobody listens, without ``create_graph`` or ``inputs``.

    Every edge goes from a node to nodes created before it (smaller ``_seq``), so
    taking the pending node of largest ``_seq`` each time is the order Kahn's algorithm
    with PyTorch's ready queue gives (a node is taken only after every node that can
    send it a gradient): no dependency count is needed.  Only nodes that received a
    gradient are visited.  Two shortcuts keep the heap small:

    * a node that receives a gradient and was created just before the running node
      (``_seq`` one less) is the next one in that order: it is run next directly;
    * the gradients of leaves without hooks are added into ``.grad`` after the walk
      (in the same order), or before a node that could look at them (hooks,
      ``retain_grad``, a user-defined ``Function``) or an error.
    """
    heap = []
    if len(roots) == 1:  # ``loss.backward()``: the root runs first, no heap needed
        node = roots[0]._grad_fn
        if node is None:
            node = roots[0]._get_accumulator()
        buffers = {node: grads[0]}
    else:
        buffers = {}
        for t, g in zip(roots, grads, strict=False):
            node = t._grad_fn
            if node is None:
                node = t._get_accumulator()
            old = buffers.get(node)
            if old is None:
                buffers[node] = g
                heap.append((-node._seq, node))
            else:
                buffers[node] = old + g
        if not heap:
            return
        _heapify(heap)
        node = _heappop(heap)[1]
    pop, push, bpop, bget = _heappop, _heappush, buffers.pop, buffers.get
    acc_cls = AccumulateGrad
    accs = []  # AccumulateGrad nodes without hooks holding a gradient, not yet added
    prev_mode = STATE.enabled
    STATE.enabled = False
    try:
        while True:
            g = bpop(node)
            seq = node._seq
            if node._slow:
                if accs:
                    _flush(accs, buffers, seq)
                if node._has_pre:
                    g = _run_pre_hooks(node, g, False)
                if node.__class__ is acc_cls:
                    _accumulate(node, g, False, False)
                    if not heap:
                        break
                    node = pop(heap)[1]
                    continue
                grads_in = _run_node(node, g, False, False)
            else:
                grads_in = node.backward(node, g)
                if grads_in.__class__ is not tuple:
                    grads_in = (grads_in,)
            if node._saved is not None and not retain_graph:
                node._saved = None  # (_saved_meta stays: see Function._release)
                node._freed = True
            follow = None
            nexts = node.next_functions
            k = 0
            n = len(nexts)
            if len(grads_in) < n:  # (as zip: a node may return fewer than its slots)
                n = len(grads_in)
            while k < n:  # (indexing: ``zip(..., strict=False)`` costs 0.3 µs a node)
                nxt = nexts[k][0]
                gi = grads_in[k]
                k += 1
                if nxt is None or gi is None:
                    continue
                if gi.__class__ is _ndarray:
                    if gi.shape != nxt._shape or gi.dtype is not nxt._dtype:
                        gi = _fit(gi, nxt, False)
                elif gi.__class__ is not nxt._dtype.type or nxt._shape:
                    # (a numpy scalar of a 0-d node: its class says its dtype; its
                    # shape/dtype attributes cost three times an array's)
                    gi = _fit(gi, nxt, False)
                old = bget(nxt)
                if old is None:
                    buffers[nxt] = gi
                    if nxt.__class__ is acc_cls and not nxt._has_pre:
                        accs.append(nxt)
                    elif nxt._seq == seq - 1:
                        follow = nxt
                    else:
                        push(heap, (-nxt._seq, nxt))
                else:
                    buffers[nxt] = old + gi
            if follow is not None:
                node = follow
            elif heap:
                node = pop(heap)[1]
            else:
                break
        if accs:
            g = grads_in = gi = None  # (the last gradients: ``_flush`` may take them)
            _flush(accs, buffers, -1)
    except BaseException:
        if accs:
            # what had been added before the failing node, in the usual order
            _flush(accs, buffers, node._seq)
        raise
    finally:
        STATE.enabled = prev_mode


_seq_of = operator.attrgetter("_seq")


def _flush(accs, buffers, above):
    """Add the deferred leaf gradients of the nodes in ``accs`` made after ``above``
    (``_seq`` greater), latest first, and drop them from ``accs``."""
    if len(accs) > 1:
        accs.sort(key=_seq_of, reverse=True)
    i = 0
    bpop = buffers.pop
    for acc in accs:
        if acc._seq <= above:
            break
        g = bpop(acc)
        leaf = acc.variable
        data = leaf._data
        old = leaf._grad
        arrayish = g.__class__ is _ndarray or isinstance(g, _generic)  # (0-d: a numpy scalar)
        if old is not None and arrayish and not old._requires_grad and old._data.shape == g.shape:
            # the other usual case (``grad.zero_()`` between steps): add in place
            arr = old._data
            np.add(arr, g, out=arr, casting="unsafe")  # (quicker than ``arr += g``)
            old._vbox[0] += 1
        elif old is None and arrayish and g.shape == data.shape:
            # the usual case of ``_accumulate``: the first gradient into .grad; as PyTorch's
            # AccumulateGrad, a fresh array nobody else holds (this name and the call's
            # argument only: not in another buffer, not a view) is taken, not copied
            if (
                g.__class__ is _ndarray
                and g.base is None
                and g.dtype is data.dtype
                and _getrefcount(g) == 2
                and (f := g.flags).writeable
                and f.c_contiguous
            ):
                arr = g
            else:
                arr = _grad_array(g, data)
            t = _new(Tensor)
            t._data = arr
            t._grad = None
            t._requires_grad = False
            t._grad_fn = None
            t._vbox = [0]
            t._accumulator = None
            t._base = None
            t._grad_owner = _weakref(leaf)
            leaf._grad = t
        else:
            _accumulate(acc, g, False, False)
        i += 1
    del accs[:i]


def _run_pre_hooks(node, g, listening):
    """Tensor hooks (``register_hook``), then ``retain_grad``, of the tensor ``node`` made."""
    if node._multi:
        return _run_pre_hooks_multi(node, g, listening)
    if node.__class__ is AccumulateGrad:
        hooks = node.variable._hooks
        retain_ref = None
    else:
        hooks = node._tensor_hooks
        retain_ref = node._retain_ref
    if hooks:
        for h in list(hooks):
            r = h(_as_grad_tensor(g))
            if listening:
                events.emit(
                    "hook",
                    tensor=_hook_owner(node),
                    hook=h,
                    grad_in=_raw(g),
                    grad_out=None if r is None else _raw(r),
                )
            if r is not None:
                _check_hook_result(h, g, r)
                g = r if isinstance(g, Tensor) else _raw(r)
    if retain_ref is not None:
        t = retain_ref()
        if t is not None:
            _retain(t, g, listening)
    if node._node_prehooks:
        g = _run_node_prehooks(node, g, False)
    return g


def _retain(t, g, listening):
    """``retain_grad``: add the gradient ``g`` arriving at ``t`` into ``t.grad``."""
    if t._grad is None:
        t._grad = (
            g
            if isinstance(g, Tensor) and g.requires_grad
            else Tensor._make(np.array(_raw(g), copy=True), False, None)
        )
    elif isinstance(g, Tensor):
        t._grad = t._grad + g
    else:
        t._grad = Tensor._make(t._grad._data + g, False, None)
    if listening:
        events.emit("retain_grad", tensor=t, grad=t._grad._data)


def _check_hook_values(h, r, n):
    """What a node hook returned instead of its ``n`` gradients: PyTorch's checks."""
    if not isinstance(r, tuple):
        raise TypeError(f"expected tuple, but hook returned '{type(r).__name__}'")
    if len(r) != n:
        name = getattr(h, "__name__", type(h).__name__)
        raise RuntimeError(
            f"hook '{name}' has returned an incorrect number of values (got {len(r)}, but "
            f"expected {n})"
        )


def _run_node_prehooks(node, g, multi):
    """The node's own pre-hooks (``grad_fn.register_prehook``), after the tensor hooks and
    ``retain_grad``: ``hook(grad_outputs)`` may return a tuple replacing them."""
    for h in list(node._node_prehooks):
        gl = list(g) if multi else [g]
        r = h(tuple(None if x is None else _as_grad_tensor(x) for x in gl))
        if r is None:
            continue
        _check_hook_values(h, r, len(gl))
        for k, (old, new) in enumerate(zip(gl, r, strict=True)):
            if new is None or old is None:
                gl[k] = new if new is None else _raw(new)
                continue
            _check_hook_result(h, old, new)
            gl[k] = new if isinstance(old, Tensor) else _raw(new)
        g = gl if multi else gl[0]
    return g


def _run_pre_hooks_multi(node, gl, listening):
    """``_run_pre_hooks`` for a node with several outputs: ``gl`` holds one gradient per
    output (``None``: none arrived).  As in PyTorch, the tensor hooks of all its outputs
    run in the order they were registered (``node._tensor_hooks``: ``(output number,
    hook)``), each with its output's gradient (``None`` too), then ``retain_grad``
    (``node._retain_ref``: a dict by output number)."""
    gl = list(gl)
    for nr, h in list(node._tensor_hooks or ()):
        g = gl[nr]
        r = h(None if g is None else _as_grad_tensor(g))
        if listening and g is not None:
            ref = node._out_refs.get(nr) if node._out_refs else None
            events.emit(
                "hook",
                tensor=ref() if ref is not None else None,
                hook=h,
                grad_in=_raw(g),
                grad_out=None if r is None else _raw(r),
            )
        if r is not None:
            if g is None:
                raise RuntimeError("can't replace a None gradient with a non-None value")
            _check_hook_result(h, g, r)
            gl[nr] = r if isinstance(g, Tensor) else _raw(r)
    for nr, ref in sorted((node._retain_ref or {}).items()):
        t = ref()
        g = gl[nr]
        if t is None or g is None:
            continue
        _retain(t, g, listening)
    if node._node_prehooks:
        gl = _run_node_prehooks(node, gl, True)
    return gl


def _check_hook_result(hook, g, r):
    """PyTorch's checks of what a tensor hook returned."""
    if not isinstance(r, Tensor):
        raise TypeError(f"expected Variable, but hook returned '{type(r).__name__}'")
    old, new = _raw(g), r._data
    name = getattr(hook, "__name__", type(hook).__name__)
    if old.dtype != new.dtype:
        from .dtypes import type_name

        raise RuntimeError(
            f"hook '{name}' has changed the type of value (was {type_name(old.dtype)} got "
            f"{type_name(new.dtype)})"
        )
    if old.shape != new.shape:
        raise RuntimeError(f"hook '{name}' has changed the size of value")


def _hook_owner(node):
    if node.__class__ is AccumulateGrad:
        return node.variable
    ref = node._out_ref
    return ref() if ref is not None else None


def _run_node(node, g, create_graph, listening):
    multi = node._multi
    if create_graph:
        node._graph_mode = True
        if multi:
            g = [None if x is None else _as_grad_tensor(x) for x in g]
        elif not isinstance(g, Tensor):
            g = Tensor._make(np.asarray(g), False, None)
    try:
        if create_graph and node._graph_backward is not None:
            # the gradient as PyTorch's backward op (``ops/double.py``)
            grads_in = node._graph_backward(node, g)
        else:
            grads_in = node.backward(node, g)
    finally:
        if create_graph:
            node._graph_mode = False
    if type(grads_in) is not tuple:
        grads_in = (grads_in,)
    if node._node_hooks:
        grads_in = _fitted(node, grads_in, create_graph)
        for h in node._node_hooks:
            r = h(
                tuple(None if x is None else _as_grad_tensor(x) for x in grads_in),
                tuple(None if x is None else _as_grad_tensor(x) for x in g)
                if multi
                else (_as_grad_tensor(g),),
            )
            if r is not None:
                _check_hook_values(h, r, len(grads_in))
                for old, new in zip(grads_in, r, strict=True):
                    if old is not None and new is not None:
                        _check_hook_result(h, old, new)
                grads_in = tuple(None if x is None else (x if create_graph else _raw(x)) for x in r)
    if listening and multi:
        _emit_multi(node, g, grads_in)
    elif listening:
        ref = node._out_ref
        events.emit(
            "backward_node",
            node=node,
            grad_output=_raw(g),
            grad_inputs=tuple(None if x is None else _raw(x) for x in grads_in),
            output=ref() if ref is not None else None,
        )
    return grads_in


def _fitted(node, grads_in, graph):
    """``grads_in`` summed to the shapes of the inputs they are for (as PyTorch's nodes
    give them; here the engine sums a broadcast gradient when it passes it on): what a
    node's post-hook sees."""
    out = []
    for k, gi in enumerate(grads_in):
        nxt, nr = node.next_functions[k] if k < len(node.next_functions) else (None, 0)
        if gi is not None and nxt is not None:
            if nxt._multi:
                shape = nxt._out_shapes[nr]
                if shape is not None:
                    gi = _fit_to(gi, shape, nxt._out_dtypes[nr])
            else:
                gi = _fit(gi, nxt, graph)
        out.append(gi)
    return tuple(out)


def _emit_multi(node, gl, grads_in):
    """``backward_node`` events of a node with several outputs: one per output that
    received a gradient, with that output's share of the input gradients when the node
    can tell it (``_shares``: ``split``/``unbind``), else one event (for the first such
    output) with the whole result (a custom Function's ``backward`` gives only totals)."""
    shares = node._shares(gl) if hasattr(node, "_shares") else None
    if shares is None:
        shares = [(next(k for k, x in enumerate(gl) if x is not None), grads_in)]
    refs = node._out_refs or {}
    for k, gi in shares:
        ref = refs.get(k)
        events.emit(
            "backward_node",
            node=node,
            grad_output=_raw(gl[k]),
            grad_inputs=tuple(None if x is None else _raw(x) for x in gi),
            output=ref() if ref is not None else None,
        )


def _grad_array(g, data):
    """A new ``.grad`` array for the leaf whose array is ``data``, laid out as PyTorch's
    AccumulateGrad lays it out (the leaf's strides: C order for a contiguous leaf), so that
    ``p.grad.view(-1)`` works after ``x @ w.t()`` as in PyTorch."""
    if data.flags.c_contiguous:
        arr = np.array(g, data.dtype, order="C")  # (dtype positional: ~70 ns less)
        if arr.shape == data.shape:
            return arr
    arr = np.empty_like(data)  # (order "K": the leaf's own strides)
    arr[...] = g
    return arr


def _accumulate(node, g, create_graph, listening):
    leaf = node.variable
    old = leaf._grad
    if isinstance(g, Tensor):  # create_graph: the grad itself may be part of a graph
        if old is None:
            new = (
                CopyBackwards.apply(None, g)
                if g.requires_grad
                else Tensor._make(_grad_array(g._data, leaf._data), False, None)
            )
        else:
            new = old + g
        leaf._grad = new
        new._grad_owner = weakref.ref(leaf)
        old_arr = None if old is None else old._data
        new_arr = new._data
    elif old is None:
        arr = _grad_array(g, leaf._data)
        t = Tensor._make(arr, False, None)
        t._grad_owner = weakref.ref(leaf)
        leaf._grad = t
        old_arr, new_arr = None, arr
    else:
        old_arr = old._data.copy() if listening else None
        if old._requires_grad:
            leaf._grad = old + Tensor._make(np.asarray(g), False, None)
            leaf._grad._grad_owner = weakref.ref(leaf)
        else:
            np.add(old._data, g, out=old._data, casting="unsafe")
            old._vbox[0] += 1
        new_arr = leaf._grad._data
    if listening:
        events.emit(
            "accumulate", tensor=leaf, node=node, old=old_arr, incoming=_raw(g), new=new_arr
        )
    if node._post_hooks:
        for hook in tuple(node._post_hooks):
            r = hook(leaf)
            if r is not None and not isinstance(r, Tensor):
                raise TypeError(f"expected Variable, but hook returned '{type(r).__name__}'")
