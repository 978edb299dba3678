"""Listening to the engine's events and keeping what a learner will step through.

While a ``record()`` block runs, :class:`_Recorder` receives every engine event
(``engine/events.py``) and keeps a *raw* log: raw tensors and raw ops (one per tensor /
Function object seen), and a list of raw events holding copies of the numbers.  Nothing
is drawn and no caption is written while the learner's code runs; :mod:`.build` turns
the raw log into the graph, the frames and the node states when the block ends.

Names are captured while the code runs: at each event that can follow an assignment
(an op, a backward call, an update...) the recorder looks at the locals of the
learner's frames (from the innermost frame outside autograd_viz up to the frame of the
``with record()`` statement; at notebook top level those are the notebook globals) and
gives each tensor it knows the first name it is seen bound to.

Training loops: an *iteration* starts at the first graph-building op after a backward.
Iterations that start at the same place in the learner's code (the same loop) are
counted; after ``full_iterations`` of them only a per-iteration summary (loss, params,
grads) is kept, no frames.
"""

from __future__ import annotations

import threading
import weakref

import numpy as np

from ..engine import events
from ..engine.function import Function
from ..engine.tensor import Tensor
from .names import NamesMixin
from .raw import (
    Prov,
    RAccumulate,
    RAccumulateEdge,
    RawComposite,
    RawOp,
    RawTensor,
    RBackward,
    RBackwardBegin,
    RError,
    RForward,
    RFreed,
    RHook,
    RIteration,
    RRaised,
    RRetainGrad,
    RTruncated,
    copy,
    own_frame,
)
from .snapshot import GraphMixin
from .updates import UpdatesMixin


class _Recorder(NamesMixin, GraphMixin, UpdatesMixin):
    """The event listener.  Owned by a :class:`~.recording.Recording`."""

    def __init__(self, full_iterations=3, with_frame=None, max_frames=20000):
        self.full_iterations = int(full_iterations)
        self.with_frame = with_frame
        self.max_frames = max_frames
        self.tensors: list[RawTensor] = []
        self.ops: list[RawOp] = []
        self.comps: list[RawComposite] = []
        self._comp_stack: list = []
        self.events: list[tuple] = []
        self.iterations: list[dict] = []
        self.internal_errors: list[str] = []
        self.truncated = False
        self._tmap: dict = {}  # id(tensor) -> (weakref, rid)
        self._fmap: dict = {}  # id(Function) -> (weakref, op rid)
        self._fmulti: dict = {}  # (id(Function), output number) -> (weakref, op rid)
        self._out_hint: dict = {}  # id(grad_fn) -> tensor bound in the caller (draw)
        self._params: dict = {}  # id(tensor) -> weakref, leaves that require grad
        #: id(tensor) -> weakref: leaves that received a gradient or were updated while
        #: recording (what ``iterations[k]["params"]`` / ``["grads"]`` list)
        self._trained: dict = {}
        self._prov: dict = {}  # id(array) -> _Prov
        self._last_prov = None
        self._cands: dict = {}  # id(tensor) -> (weakref(T), param tensor, lr, grad, op rid)
        self._last_inplace = None
        self._suppress: set = set()  # param ids whose internal updates an optimizer owns
        self.it = 1
        self.full = True
        self._after_backward = False
        self._first_loc = True
        self._loc_counts: dict = {}
        self._roots = ()
        #: tensors of the picture given to the outermost composite op that raised (the
        #: nodes an escaping exception's frame points at); the exception an ``error``
        #: event already made a frame of
        self._failed_inputs: tuple = ()
        self._seen_exc = None
        self._summary = {"iteration": 1, "loss": None, "params": {}, "grads": {}}
        self._handlers = {
            "forward": self._forward,
            "backward_begin": self._backward_begin,
            "backward_node": self._backward_node,
            "accumulate_edge": self._accumulate_edge,
            "accumulate": self._accumulate,
            "hook": self._hook,
            "retain_grad": self._retain_grad,
            "freed": self._freed,
            "backward_end": self._backward_end,
            "error": self._error,
            "data_set": self._data_set,
            "inplace": self._inplace,
            "grad_set": self._grad_set,
            "detach_": self._detach_,
            "requires_grad_": self._requires_grad_,
            "optim_step": self._optim_step,
            "zero_grad": self._zero_grad,
            "composite_begin": self._composite_begin,
            "composite_end": self._composite_end,
        }
        self._handle = None

    def start(self):
        self._thread = threading.get_ident()
        self._handle = events.subscribe(self, typed=True)
        return self

    def stop(self):
        if self._handle is not None:
            self._handle.remove()
            self._handle = None
        try:
            self._scan_names()
            self.refresh_labels()
        except Exception as exc:  # never break the learner's code
            self._internal(exc)
        self._end_iteration()

    def __call__(self, event):
        if threading.get_ident() != self._thread:
            return  # a recording sees only its own thread's ops
        h = self._handlers.get(event.kind)
        if h is None:
            return
        try:
            h(event)
        except Exception as exc:  # a recorder bug must not break the lesson
            self._internal(exc)

    def _internal(self, exc):
        import traceback

        self.internal_errors.append(
            "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-2000:]
        )

    def _new_iteration(self):
        self._end_iteration()
        self.it += 1
        self._after_backward = False
        self._prov.clear()
        self._last_prov = None
        self._first_loc = False
        loc = self._location()
        n = self._loc_counts.get(loc, 0) + 1
        self._loc_counts[loc] = n
        self.full = n <= self.full_iterations and not self.truncated
        self._summary = {"iteration": self.it, "loss": None, "params": {}, "grads": {}}
        if self.full:
            self.events.append(RIteration(self.it))

    def _location(self):
        return tuple(
            (f.f_code.co_filename, f.f_code.co_name, f.f_lineno) for f in self._user_frames()
        )

    def _end_iteration(self):
        s = self._summary
        if s is None:
            return
        try:
            for name, t in self._named_params().items():
                s["params"][name] = _short_list(t._data)
        except Exception as exc:
            self._internal(exc)
        s["full"] = self.full
        self.iterations.append(s)
        self._summary = None

    def _add(self, ev):
        if len(self.events) >= self.max_frames:
            if not self.truncated:
                self.truncated = True
                self.events.append(RTruncated(self.it))
            self.full = False
            return
        self.events.append(ev)

    def _forward(self, p):
        node = p.node
        inputs = p.inputs
        out = p.output
        cls = p.cls or type(node)
        self._suppress.clear()
        descs = None
        upd = None
        if node is None:
            descs = [self._desc(x) for x in inputs]
            pv = Prov(
                out._data, getattr(cls, "op", "?"), descs, any(self._gradish(d) for d in descs)
            )
            self._prov[id(out._data)] = pv
            self._last_prov = pv
        else:
            upd = self._update_candidate(inputs)
            if upd is None:
                if self._after_backward:
                    self._new_iteration()
                elif self._first_loc:
                    # the first iteration counts for its loop too
                    self._first_loc = False
                    self._loc_counts[self._location()] = 1
        if not self.full:
            if upd is not None:
                param, lr, g = upd
                self._cands[id(out)] = (weakref.ref(out), param, lr, g, None)
            return
        if node is None:
            # an op outside the graph: shown only if it touches a tensor the picture has
            # (or one that requires grad), not for constants or update arithmetic
            if any(self._gradish(d) or d[0] in ("data", "prov") for d in descs):
                return
            if not any(
                isinstance(x, Tensor) and (self._known(x) is not None or x._requires_grad)
                for x in inputs
            ):
                return
        ins = [("t", self._tid(x)) if isinstance(x, Tensor) else ("c", x) for x in inputs]
        self._scan_names()
        ro = RawOp(len(self.ops), cls, ins, dict(p.kwargs or {}), self.it, node is None)
        self.ops.append(ro)
        # inputs may have changed since first seen (updates): use the values now
        ro.in_vals = [copy(x) if isinstance(x, Tensor) else x for x in inputs]
        rt = RawTensor(len(self.tensors), out, self.it, producer=ro.rid, outside=node is None)
        self.tensors.append(rt)
        ro.out = rt.rid
        self._tmap[id(out)] = (weakref.ref(out), rt.rid)
        if node is not None:
            if getattr(node, "_multi", False):
                # one node, several outputs (split, unbind, a custom Function): the op of
                # each output by its number; the node itself stands for its first output
                self._fmulti[(id(node), out._output_nr)] = (weakref.ref(node), ro.rid)
                e = self._fmap.get(id(node))
                if e is None or e[0]() is not node:
                    self._fmap[id(node)] = (weakref.ref(node), ro.rid)
            else:
                self._fmap[id(node)] = (weakref.ref(node), ro.rid)
            ro.nexts = self._nexts(node)
        if upd is not None:
            param, lr, g = upd
            self._cands[id(out)] = (weakref.ref(out), param, lr, g, ro.rid)
        self._add(RForward(self.it, ro.rid))

    def _composite_begin(self, p):
        # the live inputs are kept only until the matching end (nothing is registered
        # now: registering would make the inner ops "touch the picture")
        if not self._comp_stack:
            self._failed_inputs = ()
        self._comp_stack.append((p.op or "?", p.inputs or (), dict(p.kwargs or {}), len(self.ops)))

    def _composite_end(self, p):
        if not self._comp_stack:
            return
        op, inputs, kwargs, start = self._comp_stack.pop()
        if self._comp_stack:
            return  # nested (``linear`` calling ``matmul``): the outermost one is drawn
        out = p.output
        if out is None:  # the op raised: the frame of the exception points at its inputs
            if self.full:
                self._failed_inputs = tuple(self._tid(x) for x in inputs if isinstance(x, Tensor))
            return
        if not isinstance(out, Tensor) or not self.full:
            return
        inner = [r for r in range(start, len(self.ops)) if not self.ops[r].folded]
        orid = self._known(out)
        if not inner or orid is None or self.tensors[orid].producer not in inner:
            return
        ins = [
            ("t", self._tid(x)) if isinstance(x, Tensor) else ("c", x)
            for x in inputs
            if x is not None
        ]
        first = self.ops[inner[0]]
        rc = RawComposite(
            len(self.comps),
            op,
            ins,
            kwargs,
            orid,
            inner,
            first.it,
            all(self.ops[r].outside for r in inner),
            [copy(x) if isinstance(x, Tensor) else x for x in inputs if x is not None],
        )
        self.comps.append(rc)
        for r in inner:
            self.ops[r].comp = rc.cid
        self._scan_names()

    def _backward_begin(self, p):
        self._suppress.clear()
        roots = p.roots
        if roots:
            r = roots[0]
            if r._data.size == 1 and self._summary is not None:
                self._summary["loss"] = float(r._data.reshape(()).item())
        if not self.full:
            return
        self._scan_names()
        rids = tuple(self._tid(r) for r in roots)
        self._roots = rids
        self._add(
            RBackwardBegin(
                self.it, rids, bool(p.retain_graph), tuple(copy(g) for g in (p.grads or ()))
            )
        )

    def _backward_node(self, p):
        if not self.full:
            return
        rid = self._output_op(p.node, p.output) if getattr(p.node, "_multi", False) else None
        if rid is None:
            rid = self._op_rid(p.node)
        self._add(
            RBackward(self.it, rid, copy(p.grad_output), tuple(copy(g) for g in p.grad_inputs))
        )

    def _accumulate_edge(self, p):
        if not self.full:
            return
        target = self._target_of(p.node)
        src = p.source
        src_rid = self._op_rid(src) if isinstance(src, Function) else None
        self._add(
            RAccumulateEdge(self.it, target, src_rid, copy(p.old), copy(p.incoming), copy(p.new))
        )

    def _accumulate(self, p):
        t = p.tensor
        ref = self._params.get(id(t))
        if ref is None or ref() is not t:
            self._params[id(t)] = weakref.ref(t)
        self._trains(t)
        if not self.full:
            return
        rid = self._tid(t)
        self._add(RAccumulate(self.it, rid, copy(p.old), copy(p.incoming), copy(p.new)))

    def _hook(self, p):
        if not self.full:
            return
        t = p.tensor
        rid = self._tid(t) if t is not None else None
        self._add(RHook(self.it, rid, copy(p.grad_in), copy(p.grad_out)))

    def _retain_grad(self, p):
        if not self.full:
            return
        self._add(RRetainGrad(self.it, self._tid(p.tensor), copy(p.grad)))

    def _freed(self, p):
        if not self.full:
            return
        rids = tuple(self._op_rid(n) for n in p.nodes)
        self._add(RFreed(self.it, rids))

    def _backward_end(self, p):
        self._after_backward = True
        if self._summary is not None:
            try:
                for name, t in self._named_params().items():
                    if t._grad is not None:
                        self._summary["grads"][name] = _short_list(t._grad._data)
            except Exception as exc:
                self._internal(exc)

    def _error(self, p):
        exc = p.exc
        self._seen_exc = exc
        if p.where == "backward":
            self._after_backward = True
        if not self.full:
            return
        self._add(RError(self.it, type(exc).__name__, str(exc), self._roots, p.where))

    def raised(self, exc, tb):
        """An exception escaped the ``with record()`` block: one ``error`` frame (unless
        an ``error`` event already made one of it, or nothing was recorded before it:
        an empty recording explains itself), with the learner's line that raised."""
        if exc is self._seen_exc or not (self.events or self._failed_inputs):
            return
        line, lineno = _learner_line(tb)
        self.events.append(
            RRaised(self.it, type(exc).__name__, str(exc), line, lineno, self._failed_inputs)
        )


def _learner_line(tb):
    """(source text, line number) of the learner's innermost frame in traceback ``tb``
    (the last frame before the traceback enters this package), or ("", None)."""
    import linecache

    best = None
    while tb is not None:
        if own_frame(tb.tb_frame):
            break
        best = tb
        tb = tb.tb_next
    if best is None:
        return "", None
    f = best.tb_frame
    lineno = best.tb_lineno
    text = linecache.getline(f.f_code.co_filename, lineno, f.f_globals).strip()
    return _drop_comment(text), lineno


def _drop_comment(text):
    """``z = x @ W  # shapes?`` -> ``z = x @ W`` (a ``#`` inside a string stays)."""
    if "#" not in text:
        return text
    import io
    import tokenize

    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type == tokenize.COMMENT:
                return text[: tok.start[1]].rstrip()
    except (tokenize.TokenError, SyntaxError, IndentationError):
        pass
    return text


def _short_list(a, limit=64):
    a = np.asarray(a)
    flat = a.reshape(-1)
    if flat.size > limit:
        flat = flat[:limit]
    return [float(x) for x in flat]
