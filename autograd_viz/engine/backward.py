"""The backward engine: walks ``grad_fn`` nodes and applies the chain rule.

Order: Kahn's algorithm over dependency counts (a node runs once every node that
sends it a gradient has run), and among the ready nodes the most recently created
first, which is the order PyTorch's CPU engine uses.  Gradient arriving at a node
from several consumers is summed before the node runs ("accumulate" events), and
leaf gradients are added into ``.grad`` by ``AccumulateGrad`` nodes.
"""

from __future__ import annotations

import heapq
import weakref

import numpy as np

from . import events
from .function import AccumulateGrad
from .grad_mode import STATE

Tensor = None  # set by tensor.py


def _as_grad_tensor(g):
    return g if isinstance(g, Tensor) else Tensor._make(g, False, None)


def _raw(g):
    return g._data if isinstance(g, Tensor) else g


def _collect(root_nodes):
    """Dependency count of every node reachable from ``root_nodes`` (iterative DFS)."""
    deps: dict = {}
    seen = set()
    stack = list(root_nodes)
    for n in root_nodes:
        seen.add(n)
    while stack:
        node = stack.pop()
        for nxt, _ in node.next_functions:
            if nxt is None:
                continue
            deps[nxt] = deps.get(nxt, 0) + 1
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


def run_backward(roots, grads, retain_graph=False, create_graph=False, inputs=None,
                 accumulate=True):
    """Backpropagate ``grads`` from ``roots``.

    With ``inputs`` (a tuple of Tensors) return their gradients instead of, or as
    well as (``accumulate``), adding into leaves' ``.grad``.
    """
    listening = bool(events.LISTENERS)
    root_nodes = []
    buffers: dict = {}
    for t, g in zip(roots, grads):
        node = t.grad_fn if t.grad_fn is not None else t._get_accumulator()
        if node not in buffers:
            root_nodes.append(node)
            buffers[node] = g
        else:
            buffers[node] = buffers[node] + g
    deps, seen = _collect(root_nodes)

    captured = None
    capture_at = {}
    if inputs is not None:
        captured = [None] * len(inputs)
        for i, t in enumerate(inputs):
            node = t.grad_fn if t.grad_fn is not None else t._get_accumulator()
            capture_at.setdefault(node, []).append(i)
        needed = _needed(seen, set(capture_at))
    else:
        needed = None

    if listening:
        events.emit("backward_begin", roots=tuple(roots), grads=tuple(_raw(g) for g in grads),
                    retain_graph=retain_graph, create_graph=create_graph)

    heap = [(-n._seq, id(n), n) for n in root_nodes if deps.get(n, 0) == 0]
    heapq.heapify(heap)
    prev_mode = STATE.enabled
    STATE.enabled = create_graph
    freed = []
    try:
        while heap:
            _, _, node = heapq.heappop(heap)
            g = buffers.pop(node, None)
            if needed is not None and not needed.get(node, False):
                g = None
            if g is not None:
                g = _run_pre_hooks(node, g, listening)
                if node in capture_at:
                    for i in capture_at[node]:
                        captured[i] = g
                if isinstance(node, AccumulateGrad):
                    if accumulate:
                        _accumulate(node, g, create_graph, listening)
                    grads_in = ()
                else:
                    grads_in = _run_node(node, g, create_graph, listening)
                    if not retain_graph and node._saved is not None:
                        node._release()
                        freed.append(node)
            else:
                grads_in = ()
            for k, (nxt, _) in enumerate(node.next_functions):
                if nxt is None:
                    continue
                gi = grads_in[k] if k < len(grads_in) else None
                if gi is not None:
                    if nxt in buffers:
                        old = buffers[nxt]
                        new = old + gi
                        buffers[nxt] = new
                        if listening:
                            events.emit("accumulate_edge", node=nxt, old=_raw(old),
                                        incoming=_raw(gi), new=_raw(new), source=node)
                    else:
                        buffers[nxt] = gi
                deps[nxt] -= 1
                if deps[nxt] == 0:
                    heapq.heappush(heap, (-nxt._seq, id(nxt), nxt))
    except BaseException as exc:
        if listening:
            events.emit("error", exc=exc, where="backward")
        raise
    finally:
        STATE.enabled = prev_mode
    if listening:
        if freed:
            events.emit("freed", nodes=tuple(freed))
        events.emit("backward_end", roots=tuple(roots))
    return captured


def _run_pre_hooks(node, g, listening):
    """Tensor hooks (``register_hook``) and ``retain_grad`` of the tensor ``node`` made."""
    if isinstance(node, AccumulateGrad):
        leaf = node.variable
        hooks = leaf._hooks
        retain_ref = None
    else:
        d = node.__dict__
        hooks = d.get("_tensor_hooks")
        retain_ref = d.get("_retain_ref")
    if hooks:
        for h in list(hooks):
            gt = _as_grad_tensor(g)
            r = h(gt)
            if listening:
                events.emit("hook", tensor=_hook_owner(node), hook=h, grad_in=_raw(g),
                            grad_out=None if r is None else _raw(r))
            if r is not None:
                g = r if isinstance(g, Tensor) else _raw(r)
    if retain_ref is not None:
        t = retain_ref()
        if t is not None:
            if t._grad is None:
                t._grad = _as_grad_tensor(g if isinstance(g, Tensor) else np.array(g))
            else:
                t._grad = _as_grad_tensor(t._grad._data + _raw(g)) if not isinstance(
                    g, Tensor) else t._grad + g
            if listening:
                events.emit("retain_grad", tensor=t, grad=t._grad._data)
    return g


def _hook_owner(node):
    if isinstance(node, AccumulateGrad):
        return node.variable
    ref = getattr(node, "_out_ref", None)
    return ref() if ref is not None else None


def _run_node(node, g, create_graph, listening):
    if create_graph:
        node._graph_mode = True
        if not isinstance(g, Tensor):
            g = Tensor._make(g, False, None)
    try:
        grads_in = node.backward(node, g)
    finally:
        if create_graph:
            node._graph_mode = False
    if not isinstance(grads_in, tuple):
        grads_in = (grads_in,)
    grads_in = tuple(_fix_grad(gi, nf) for gi, nf in zip(grads_in, node.next_functions))
    for h in node.__dict__.get("_node_hooks", ()):
        h(tuple(None if x is None else _as_grad_tensor(x) for x in grads_in),
          (_as_grad_tensor(g),))
    if listening:
        ref = node._out_ref
        events.emit("backward_node", node=node, grad_output=_raw(g),
                    grad_inputs=tuple(None if x is None else _raw(x) for x in grads_in),
                    output=ref() if ref is not None else None)
    return grads_in


def _fix_grad(gi, edge):
    """Make a numpy gradient an ndarray of the receiving tensor's dtype."""
    if gi is None or edge[0] is None or isinstance(gi, Tensor):
        return gi
    if type(gi) is not np.ndarray:
        gi = np.asarray(gi)
    return gi


def _accumulate(node, g, create_graph, listening):
    leaf = node.variable
    old = leaf._grad
    if isinstance(g, Tensor):  # create_graph: the grad itself is part of a graph
        new = g if old is None else old + g
        if old is None and g.requires_grad is False:
            new = Tensor._make(np.array(g._data, dtype=leaf._data.dtype), False, None)
        leaf._grad = new
        new._grad_owner = weakref.ref(leaf)
        old_arr = None if old is None else old._data
        new_arr = new._data
    elif old is None:
        arr = np.array(g, dtype=leaf._data.dtype, copy=True)
        if arr.shape != leaf._data.shape:
            arr = np.broadcast_to(arr, leaf._data.shape).copy()
        t = Tensor._make(arr, False, None)
        t._grad_owner = weakref.ref(leaf)
        leaf._grad = t
        old_arr, new_arr = None, arr
    else:
        old_arr = old._data.copy() if listening else None
        if old.requires_grad:
            leaf._grad = old + Tensor._make(g, False, None)
            leaf._grad._grad_owner = weakref.ref(leaf)
        else:
            np.add(old._data, g, out=old._data, casting="unsafe")
            old._version[0] += 1
        new_arr = leaf._grad._data
    if listening:
        events.emit("accumulate", tensor=leaf, node=node, old=old_arr, incoming=_raw(g),
                    new=new_arr)
