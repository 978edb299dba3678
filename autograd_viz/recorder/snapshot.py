"""Graph snapshots: registering Functions and tensors the recorder did not see being
made (a graph built before ``record()``, or what ``draw(tensors)`` shows), rebuilt from
``next_functions`` and the saved inputs, iteratively (a chain of 10,000 ops is fine).
"""

from __future__ import annotations

import inspect
import weakref

import numpy as np

from ..engine.function import AccumulateGrad
from ..engine.tensor import Tensor
from .raw import RawComposite, RawOp, RawTensor, copy


def _same_values(kept, arr) -> bool:
    """``kept`` (a recorded copy) holds the values of ``arr`` (NaN equal to NaN)."""
    try:
        return kept is not None and np.array_equal(kept, arr, equal_nan=arr.dtype.kind in "fc")
    except (TypeError, ValueError):
        return False


class GraphMixin:
    """Part of :class:`~.core._Recorder`: ids of tensors and Functions."""

    def _known(self, t):
        e = self._tmap.get(id(t))
        if e is not None and e[0]() is t:
            return e[1]
        return None

    def _known_id(self, i):
        e = self._tmap.get(i)
        return e[1] if e is not None and e[0]() is not None else None

    def _tid(self, t):
        """rid of tensor ``t``, registering it (and its graph, if unknown) when new."""
        rid = self._known(t)
        if rid is not None:
            return rid
        if t.grad_fn is not None:
            orid = self._register_fn(t.grad_fn, t)
            rid = self._known(t)
            if rid is not None:
                return rid
            rt = self.tensors[self.ops[orid].out]
            if (
                rt.ref is not None
                and not getattr(t.grad_fn, "_multi", False)
                and rt.shape == tuple(t._data.shape)
                and ((old := rt.ref()) is None or old._data is t._data)
                and _same_values(rt.value, t._data)
            ):
                # the node's own output unpacked again (its saved result, in a graph of
                # gradients: ``tanh_backward(grad, tanh(x))``): the same tensor, by name
                if old is None:
                    rt.ref = weakref.ref(t)
                self._tmap[id(t)] = (weakref.ref(t), rt.rid)
                return rt.rid
            if rt.ref is None and self.ops[orid].external:
                # a node registered before its result was seen (``draw``: a composite's
                # input such as ``W_1.T``): this tensor is that result
                rt.ref = weakref.ref(t)
                rt.label = getattr(t, "label", None)
                rt.shape = tuple(t._data.shape)
                rt.requires_grad = bool(t._requires_grad)
                rt.value = copy(t._data)
                self._tmap[id(t)] = (weakref.ref(t), rt.rid)
                return rt.rid
        rt = RawTensor(len(self.tensors), t, self.it)
        self.tensors.append(rt)
        self._tmap[id(t)] = (weakref.ref(t), rt.rid)
        if t.grad_fn is None and t._requires_grad:
            rt.is_param = True
            self._params[id(t)] = weakref.ref(t)
        return rt.rid

    def _op_rid(self, fn):
        e = self._fmap.get(id(fn))
        if e is not None and e[0]() is fn:
            return e[1]
        return self._register_fn(fn, None)

    def _fn_known(self, fn):
        e = self._fmap.get(id(fn))
        return e[1] if e is not None and e[0]() is fn else None

    def _register_fn(self, fn, out_tensor):
        """A Function made before recording started (or a graph ``draw`` shows): register
        it and every unknown Function it reaches, inputs first, without recursion."""
        rid = self._fn_known(fn)
        if rid is not None and getattr(fn, "_multi", False):
            # a node with several outputs: one op per output (``out_tensor``'s number)
            k = out_tensor._output_nr if out_tensor is not None else 0
            krid = self._multi_op(fn, k)
            return krid if krid is not None else self._register_one(fn, out_tensor, k)
        if rid is not None:
            return rid
        for f in self._unknown_postorder(fn):
            if f is not fn and getattr(f, "_multi", False):
                continue  # its outputs are registered as their consumers need them
            if self._fn_known(f) is None:
                self._register_one(f, out_tensor if f is fn else None)
        return self._fn_known(fn)

    def _unknown_postorder(self, fn):
        """The unknown Functions reachable from ``fn`` (itself last), each after the
        Functions its inputs come from, first slot first (an explicit stack: 10,000-op
        chains are fine)."""
        out, state, stack = [], {}, [fn]
        while stack:
            f = stack[-1]
            st = state.get(id(f))
            if st is None:
                state[id(f)] = 1
                kids = [
                    nf
                    for nf, _ in f.next_functions
                    if nf is not None
                    and not isinstance(nf, AccumulateGrad)
                    and id(nf) not in state
                    and self._fn_known(nf) is None
                ]
                stack.extend(reversed(kids))
                continue
            stack.pop()
            if st == 1:
                state[id(f)] = 2
                out.append(f)
        return out

    def _register_one(self, fn, out_tensor, k=None):
        """Rebuild one node from ``next_functions`` and its saved inputs (the Functions
        its inputs come from are registered already).  For a node with several outputs,
        one op per output ``k`` (``out_tensor``'s number when given)."""
        multi = getattr(fn, "_multi", False)
        if multi and k is None:
            k = out_tensor._output_nr if out_tensor is not None else 0
        if out_tensor is None and multi:
            refs = getattr(fn, "_out_refs", None) or {}
            ref = refs.get(k)
            out_tensor = ref() if ref is not None else None
        elif out_tensor is None:
            ref = getattr(fn, "_out_ref", None)
            out_tensor = ref() if ref is not None else None
            if out_tensor is None:
                out_tensor = self._out_hint.get(id(fn))
        ins = []
        inputs = getattr(fn, "_inputs", None)
        if inputs:
            for x in inputs:
                ins.append(("t", self._tid(x)) if isinstance(x, Tensor) else ("c", x))
        else:
            # rebuild the slots from next_functions; inputs that need no grad come from
            # the saved values' owners (``_saved_meta``), in order
            consts = [
                m[3]
                for m in (getattr(fn, "_saved_meta", None) or ())
                if len(m) > 3 and isinstance(m[3], Tensor) and not m[3]._requires_grad
            ]
            # a Python number an op saved in its own slot (``10 * x``: MulBackward0 saves
            # (None, 10)); gone after a backward without retain_graph, as in PyTorch
            saved = getattr(fn, "_saved", None)
            nfs = fn.next_functions
            aligned = isinstance(saved, tuple) and len(saved) == len(nfs)
            for slot, (nf, nr) in enumerate(nfs):
                if nf is None:
                    v = saved[slot] if aligned else None
                    if isinstance(v, (int, float, np.number)) and not isinstance(
                        v, (bool, np.bool_)
                    ):
                        ins.append(("c", v))
                    elif consts:
                        ins.append(("t", self._tid(consts.pop(0))))
                elif isinstance(nf, AccumulateGrad):
                    ins.append(("t", self._tid(nf.variable)))
                else:
                    orid = self._op_rid_of(nf, nr)
                    ins.append(("t", self.ops[orid].out))
        kw = {
            k: getattr(fn, k)
            for k in ("exponent", "base", "other")
            if k in getattr(fn, "__dict__", ())
        }
        ro = RawOp(len(self.ops), type(fn), ins, kw, self.it, False, external=True)
        self.ops.append(ro)
        if multi:
            self._fmulti[(id(fn), k)] = (weakref.ref(fn), ro.rid)
            if self._fn_known(fn) is None:
                self._fmap[id(fn)] = (weakref.ref(fn), ro.rid)
        else:
            self._fmap[id(fn)] = (weakref.ref(fn), ro.rid)
        ro.nexts = self._nexts(fn)
        rt = RawTensor(len(self.tensors), out_tensor, self.it, producer=ro.rid)
        if out_tensor is None:
            shape = fn._out_shapes[k] if multi else getattr(fn, "_shape", None)
            rt.shape = tuple(shape or ())
        self.tensors.append(rt)
        ro.out = rt.rid
        if out_tensor is not None:
            self._tmap[id(out_tensor)] = (weakref.ref(out_tensor), rt.rid)
        ro.in_vals = [self.tensors[r].value if k == "t" else r for k, r in ins]
        ro.freed = bool(getattr(fn, "_freed", False))
        if rt.value is None and multi:
            # a piece of split/unbind: its slice of the input's value
            idx = getattr(fn, "indices", None)
            if idx is not None and ro.in_vals and ro.in_vals[0] is not None:
                rt.value = copy(np.asarray(ro.in_vals[0])[idx[k]])
        elif rt.value is None:
            rt.value = _recompute(fn, ro.in_vals)
        return ro.rid

    def snapshot_composites(self):
        """Composite ops in a graph built while nobody listened (what ``draw`` shows):
        the engine marks the node that made a composite's result with ``_av_comp = (op,
        inputs, info, seq0)`` (``engine/api._tagged``); its inner nodes are the nodes
        reachable from it that were made after sequence number ``seq0``, up to the
        inputs' own nodes.  Outermost composites win (``linear`` over its ``matmul``)."""
        fns = {}
        for ref, rid in list(self._fmap.values()):
            fn = ref()
            if fn is not None:
                fns[rid] = fn
        claimed: set = set()
        for rid in sorted(fns, reverse=True):  # later nodes first: outer composites
            fn = fns[rid]
            tag = getattr(fn, "_av_comp", None)
            if tag is None or rid in claimed or self.ops[rid].comp is not None:
                continue
            op, inputs, info, seq0 = tag
            inputs = tuple(x for x in inputs if x is not None)
            stop = {
                id(x.grad_fn) for x in inputs if isinstance(x, Tensor) and x.grad_fn is not None
            }
            inner, seen, todo = [], {id(fn)}, [fn]
            while todo:
                f = todo.pop()
                e = self._fmap.get(id(f))
                if e is None or e[0]() is not f:
                    inner = None
                    break
                inner.append(e[1])
                for nf, _ in f.next_functions:
                    if (
                        nf is None
                        or isinstance(nf, AccumulateGrad)
                        or id(nf) in stop
                        or id(nf) in seen
                        or getattr(nf, "_seq", 0) <= seq0
                    ):
                        continue
                    seen.add(id(nf))
                    todo.append(nf)
            if not inner or claimed.intersection(inner):
                continue
            inner.sort()
            if fn._freed:
                # saved values released by a backward: constants are gone from the
                # graph (as for any op), only the inputs that need a grad stay
                inputs = tuple(x for x in inputs if not isinstance(x, Tensor) or x._requires_grad)
            ins = [("t", self._tid(x)) if isinstance(x, Tensor) else ("c", x) for x in inputs]
            rc = RawComposite(
                len(self.comps),
                op,
                ins,
                dict(info or {}),
                self.ops[rid].out,
                inner,
                self.it,
                False,
                [self.tensors[r].value if k == "t" else r for k, r in ins],
            )
            self.comps.append(rc)
            for r in inner:
                self.ops[r].comp = rc.cid
            claimed.update(inner)

    def _nexts(self, fn):
        out = []
        for nf, k in fn.next_functions:
            if nf is None:
                out.append(None)
            elif isinstance(nf, AccumulateGrad):
                out.append(("acc", self._tid(nf.variable)))
            else:
                rid = self._multi_op(nf, k) if getattr(nf, "_multi", False) else None
                out.append(("op", self._op_rid(nf) if rid is None else rid))
        return tuple(out)

    def _op_rid_of(self, fn, k):
        """The op of output ``k`` of ``fn`` (registered now if unknown)."""
        if getattr(fn, "_multi", False):
            rid = self._multi_op(fn, k)
            return rid if rid is not None else self._register_one(fn, None, k)
        return self._op_rid(fn)

    def _multi_op(self, fn, k):
        """The op recorded for output ``k`` of a node with several outputs (or None)."""
        e = getattr(self, "_fmulti", {}).get((id(fn), k))
        return e[1] if e is not None and e[0]() is fn else None

    def _output_op(self, fn, tensor):
        """The op recorded for the output ``tensor`` of a node with several outputs."""
        return None if tensor is None else self._multi_op(fn, tensor._output_nr)

    def _target_of(self, fn):
        """The tensor rid a Function's gradient belongs to."""
        if isinstance(fn, AccumulateGrad):
            return self._tid(fn.variable)
        rid = self._op_rid(fn)
        return self.ops[rid].out


def _recompute(fn, vals):
    """The value of an intermediate result a drawing needs when the tensor itself is gone
    (``x * w`` in ``z = x * w + b``): the op's ``forward`` run again on its inputs'
    values, when every keyword argument it takes is known from the node (else None)."""
    if not vals or any(v is None for v in vals):
        return None

    cls = type(fn)
    try:
        params = list(inspect.signature(cls.forward).parameters.values())[1:]
    except (TypeError, ValueError):
        return None
    kw = {}
    for p in params:
        if p.kind is p.VAR_POSITIONAL or p.default is p.empty:
            continue
        if p.name in getattr(fn, "__dict__", ()):
            kw[p.name] = fn.__dict__[p.name]
        elif p.name != "dtype":
            return None
    ctx = object.__new__(cls)
    ctx.needs_input_grad = (False,) * len(vals)
    try:
        with np.errstate(all="ignore"):
            out = np.asarray(cls.forward(ctx, *vals, **kw))
    except Exception:
        return None
    if out.shape != tuple(getattr(fn, "_shape", None) or ()):
        return None
    return out
