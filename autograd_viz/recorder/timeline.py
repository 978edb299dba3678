"""The timeline: raw events (:mod:`.raw`) -> frames, one small handler per event kind.

A handler updates the node states the frame shows (:class:`~.states.StateStore`), asks
:mod:`.captions` for the two-language caption and calls :meth:`Timeline.emit`.  One frame
list serves both views: a frame about a PyTorch node inside a composite op has the
composite op in ``nodes`` (data-flow) and PyTorch's node in ``anodes`` (autograd).  The
first backward step of a composite explains the whole public op (chain rule of ``@`` with
what each input receives); the later ones say which step inside the op PyTorch takes.

To add a frame kind: a raw event class in :mod:`.raw`, the listener method in
:mod:`.core` that records it, a caption function in :mod:`.captions` and an ``on_<kind>``
handler here.
"""

from __future__ import annotations

import numpy as np

from . import captions as C
from . import fmt
from .graphs import acc_id
from .mathtext import sum_to
from .model import Frame, NodeState
from .patterns import Phase, Status, Update
from .raw import RBackward, RBackwardBegin, RForward
from .states import StateStore


def _target(nx, canon):
    """A ``nexts`` entry as a gradient target (a leaf's accumulator by its canonical
    tensor, or an op)."""
    return ("acc", canon(nx[1])) if nx[0] == "acc" else nx


class Timeline:
    def __init__(self, d, graph, agraph, lang=None, snapshot=False):
        self.d, self.graph, self.agraph = d, graph, agraph
        self.lang, self.snapshot = lang, snapshot
        self.frames: list[Frame] = []
        self.store = StateStore(self._initial())
        self.root_name = "L"
        self.got_grad: set = set()
        self.call = 0
        self._index_backward()

    # ------------------------------------------------------------------ setup
    def _initial(self) -> dict:
        d, state = self.d, {}
        for x, gn in self.graph.nodes.items():
            if self.snapshot:
                state[x] = self._snapshot_state(x, gn)
            elif gn.kind == "tensor" and gn.is_leaf:
                state[x] = NodeState(fmt.text(d.first_t[x].value), None, Status.DONE.value)
            else:
                state[x] = NodeState(None, None, Status.PENDING.value)
        first = Status.DONE.value if self.snapshot else Status.PENDING.value
        for ids in d.inner_ids.values():  # autograd-view nodes inside composite ops
            for aid in ids:
                state.setdefault(aid, NodeState(None, None, first))
        return state

    def _snapshot_state(self, x, gn):
        """A drawing's node: its value and ``.grad`` now; an op whose saved values a
        backward released is marked freed."""
        st = Status.OUTSIDE.value if gn.outside else Status.DONE.value
        d = self.d
        if gn.kind == "tensor":
            rt = d.first_t[x]
            t = rt.ref() if rt.ref is not None else None
            gr = t._grad if t is not None and t._grad is not None else None
            val = fmt.text(rt.value)
            return NodeState(val, None if gr is None else fmt.text(gr._data), st)
        ro = d.first_o[x]
        consts = [fmt.value(r) for k, r in ro.inputs if k == "c"]
        if getattr(ro, "freed", False):
            st = Status.FREED.value
        return NodeState(None if x in d.in_label else ", ".join(consts) or None, None, st)

    def _index_backward(self):
        """Per backward call: the events of the PyTorch nodes inside each composite op,
        and how many edges deliver a gradient to each target (> 1: a step's caption
        shows one path's share, not the total).  Also which nodes each iteration makes."""
        d, O = self.d, self.d.O
        self.groups, self.paths, self.produced_in = {}, {}, {}
        n_call = 0
        for k, ev in enumerate(d.rec.events):
            if isinstance(ev, RBackwardBegin):
                n_call += 1
            elif isinstance(ev, RBackward):
                ro = O[ev.rid]
                if ro.comp is not None:
                    self.groups.setdefault((ro.comp, n_call), []).append(k)
                for i, gi in enumerate(ev.gins):
                    nx = ro.nexts[i] if i < len(ro.nexts) else None
                    if gi is not None and nx is not None:
                        key = (n_call, _target(nx, d.canon))
                        self.paths[key] = self.paths.get(key, 0) + 1
            elif isinstance(ev, RForward) and not O[ev.rid].folded:
                ro = O[ev.rid]
                ids = {d.disp_o[ro.rid], d.disp_t[d.flow_of(ro).out]}
                if ro.rid in d.adisp:
                    ids.add(d.adisp[ro.rid])
                self.produced_in.setdefault(ev.it, set()).update(ids)

    # ------------------------------------------------------------------ frames
    def run(self):
        for k, ev in enumerate(self.d.rec.events):
            getattr(self, "on_" + ev.kind)(ev, k)
        self.store.flush()
        return self

    def setn(self, x, **kw):
        self.store.set(x, **kw)

    def emit(self, phase, nodes, edges, caps, detail=None, anodes=(), aedges=(), it=None):
        nodes = tuple(n for n in nodes if n is not None)
        self.store.commit()
        i = len(self.frames)
        self.frames.append(
            Frame(
                i,
                Phase(phase),
                nodes[0] if nodes else None,
                tuple(edges),
                it,
                caps,
                detail or {},
                nodes,
                tuple(anodes),
                self.lang,
                tuple(aedges),
            )
        )

    def aedge(self, src, nx):
        d = self.d
        if nx[0] == "acc":
            return (src, acc_id(d, nx[1]))
        if d.O[nx[1]].folded or nx[1] not in d.adisp:
            return None
        return (src, d.adisp[nx[1]])

    # ------------------------------------------------------------------ handlers
    def on_iteration(self, ev, k):
        for x in self.produced_in.get(ev.it, ()):
            outside = self.store.get(x).status == Status.OUTSIDE.value
            st = Status.OUTSIDE.value if outside else Status.PENDING.value
            self.setn(x, value=None, grad=None, status=st)

    def on_truncated(self, ev, k):
        caps = C.truncated(len(self.frames))
        self.emit("error", (), (), caps, {"note": "truncated"}, it=ev.it)

    def on_forward(self, ev, k):
        d = self.d
        ro = d.O[ev.rid]
        if ro.folded:
            return
        fo = d.flow_of(ro)
        if fo is not ro and ro.rid != fo.inner[-1]:
            return  # a composite op gets one forward frame, after its last node
        do, dt = d.disp_o[fo.rid], d.disp_t[fo.out]
        consts = [fmt.value(r) for k_, r in fo.inputs if k_ == "c"]
        status = Status.OUTSIDE.value if fo.outside else Status.DONE.value
        rt = d.T[fo.out]
        self.setn(do, value=None if do in d.in_label else ", ".join(consts) or None, status=status)
        self.setn(dt, value=fmt.text(rt.value), grad=None, status=status)
        inner, anodes = (), (() if ro.outside else (do,))
        if fo is not ro:
            inner = fo.classes
            anodes = () if fo.outside else tuple(d.adisp[r] for r in fo.ginner)
            for r in fo.ginner:
                out = Status.OUTSIDE.value if d.O[r].outside else Status.DONE.value
                self.setn(d.adisp[r], status=out)
        argn = d.argnames(fo)
        caps = C.forward(d.nm(dt), fo.op, argn, fo.in_vals, fo.kwargs, rt.value, fo.outside, inner)
        edges = [(d.disp_t[d.canon(r)], do) for k_, r in fo.inputs if k_ == "t"] + [(do, dt)]
        detail = {
            "op": ro.cls if fo is ro else " → ".join(inner) or ro.cls,
            "formula": d.named_formula(fo),
            "value": fmt.value(rt.value),
        }
        zh = d.named_formula(fo, "zh")
        if zh != detail["formula"]:
            detail["formula_zh"] = zh  # (the inspector's Chinese text)
        self.emit("forward", (do, dt), edges, caps, detail, anodes=anodes, it=ev.it)

    def on_backward_begin(self, ev, k):
        d = self.d
        self.call += 1
        self.got_grad = set()
        if ev.roots:
            self.root_name = d.tname(ev.roots[0])
            for r, gr in zip(ev.roots, ev.grads, strict=False):
                if d.T[d.canon(r)].producer is not None:
                    x = d.disp_t[d.canon(r)]
                    self.setn(x, grad=fmt.text(gr))
                    self.got_grad.add(x)

    def _input_grad(self, r, g):
        """A non-leaf input shows the gradient that flowed into it (its first share)."""
        d = self.d
        x = d.disp_t[d.canon(r)]
        if d.T[d.canon(r)].producer is not None and x not in self.got_grad:
            self.setn(x, grad=fmt.text(sum_to(g, d.T[d.canon(r)].shape)))
            self.got_grad.add(x)

    def on_backward(self, ev, k):
        d = self.d
        ro = d.O[ev.rid]
        if ro.comp is not None:
            return self._inner_step(ro, ev, k)
        do, dt = d.disp_o[ro.rid], d.disp_t[ro.out]
        self.setn(dt, grad=fmt.text(ev.gout))
        slots, edges, aedges = [], [], []
        for i, (kind, r) in enumerate(ro.inputs):
            gi = ev.gins[i] if i < len(ev.gins) else None
            nx = ro.nexts[i] if i < len(ro.nexts) else None
            if gi is None or nx is None or kind != "t":
                continue
            npaths = self.paths.get((self.call, _target(nx, d.canon)), 1)
            slots.append(C.Slot(i, d.tname(r), gi, d.T[d.canon(r)].shape, npaths))
            edges.append((d.disp_t[d.canon(r)], do))
            aedges.append(self.aedge(do, nx))
            self._input_grad(r, gi)
        aedges = [e for e in aedges if e is not None]
        caps, detail = C.backward(
            d.nm(dt), self.root_name, ro.op, d.argnames(ro), ro.in_vals, ro.kwargs,
            d.T[ro.out].value, ev.gout, slots, ro.formula, fcls=ro.fcls,
        )  # fmt: skip
        detail["op"] = ro.cls
        self.emit("backward", (do, dt), edges, caps, detail, anodes=(do,), aedges=aedges, it=ev.it)
        return None

    # ------------------------------------------------------------------ composites
    def _input_target(self, r):
        """What a tensor input's gradient goes to in ``nexts`` terms."""
        r = self.d.canon(r)
        p = self.d.T[r].producer
        return ("acc", r) if p is None else ("op", p)

    def _composite_grads(self, fo, evs):
        """(grad arriving at the composite's output, {input slot: total grad}) from the
        backward events ``evs`` of the PyTorch nodes inside it."""
        d = self.d
        slots = {}
        for j, (k, r) in enumerate(fo.inputs):
            if k == "t":
                slots.setdefault(self._input_target(r), j)
        gout, got = None, {}
        prod = d.T[fo.out].producer
        for ev in evs:
            ro = d.O[ev.rid]
            if ro.rid == prod and gout is None:
                gout = ev.gout
            for i, gi in enumerate(ev.gins):
                nx = ro.nexts[i] if i < len(ro.nexts) else None
                j = slots.get(_target(nx, d.canon)) if gi is not None and nx else None
                if j is None:
                    continue
                gi = sum_to(gi, d.T[d.canon(fo.inputs[j][1])].shape)
                got[j] = gi if j not in got else np.add(got[j], gi)
        if gout is None and evs:
            gout = evs[0].gout
        return gout, got

    def _inner_sends(self, fo, ro, gins, do):
        """Edges and (receiver, value, is_input) of one PyTorch node inside ``fo``."""
        d = self.d
        tgt_in = {}
        for j, (k, r) in enumerate(fo.inputs):
            if k == "t":
                tgt_in.setdefault(self._input_target(r), j)
        edges, sends = [], []
        for i, gi in enumerate(gins):
            nx = ro.nexts[i] if i < len(ro.nexts) else None
            if gi is None or nx is None:
                continue
            j = tgt_in.get(_target(nx, d.canon))
            if j is not None:
                r = fo.inputs[j][1]
                edges.append((d.disp_t[d.canon(r)], do))
                sends.append((d.tname(r), gi, True))
            elif nx[0] == "op":
                sends.append((d.O[nx[1]].cls, gi, False))
        return edges, sends

    def _first_step(self, fo, evs, classes):
        """The composite's first backward step: the chain rule of the public op."""
        d = self.d
        do, dt = d.disp_o[fo.rid], d.disp_t[fo.out]
        g_out, got = self._composite_grads(fo, evs)
        self.setn(dt, grad=fmt.text(g_out))
        slots, edges = [], []
        for j in sorted(got):
            r = fo.inputs[j][1]
            slots.append(C.Slot(j, d.tname(r), got[j], d.T[d.canon(r)].shape))
            edges.append((d.disp_t[d.canon(r)], do))
            self._input_grad(r, got[j])
        caps, detail = C.backward(
            d.nm(dt), self.root_name, fo.op, d.argnames(fo), fo.in_vals, fo.kwargs,
            d.T[fo.out].value, g_out, slots, fo.formula, fcls=fo.fcls,
            formula_zh=getattr(fo, "formula_zh", None),
        )  # fmt: skip
        return C.steps_note(caps, classes), detail, edges

    def _inner_step(self, ro, ev, k):
        """The backward frame of a PyTorch node inside a composite op."""
        d = self.d
        fo = d.flows[ro.comp]
        evs_k = self.groups.get((ro.comp, self.call), [k])
        evs = [d.rec.events[j] for j in evs_k]
        step = evs_k.index(k) + 1 if k in evs_k else 1
        classes = [d.O[e.rid].cls for e in evs]
        do, dt = d.disp_o[fo.rid], d.disp_t[fo.out]
        aid = d.adisp[ro.rid]
        aedges = [
            self.aedge(aid, nx)
            for i, nx in enumerate(ro.nexts)
            if nx is not None and i < len(ev.gins) and ev.gins[i] is not None
        ]
        aedges = [e for e in aedges if e is not None]
        edges, sends = self._inner_sends(fo, ro, ev.gins, do)
        if step == 1:
            caps, detail, edges = self._first_step(fo, evs, classes)
        else:
            argn = d.argnames(fo)
            caps, detail = C.inside(
                d.nm(dt), fo.op, argn, fo.kwargs, step, len(evs), ro.cls, ev.gout, sends
            )
            detail["formula"] = ro.formula
        detail["op"] = ro.cls
        detail["composite"] = fo.op
        self.emit("backward", (do, dt), edges, caps, detail, anodes=(aid,), aedges=aedges, it=ev.it)

    # ------------------------------------------------------------------ gradients
    def on_accumulate_edge(self, ev, k):
        d = self.d
        tp = d.T[d.canon(ev.target)].producer
        x = d.disp_t.get(d.canon(ev.target))
        ds = d.disp_o.get(ev.src) if ev.src is not None else None
        if x is None:  # a tensor inside a composite op: shown on the op
            x = d.disp_o.get(tp)
        elif tp is not None:
            self.setn(x, grad=fmt.text(ev.new))
        src = d.nm(ds) if ds else None
        caps = C.accumulate_edge(d.nm(x), ev.old, ev.inc, ev.new, src, self.root_name)
        edges = [(x, ds)] if ds and ds != x else []
        an = ("a:" + x,) if tp is None else tuple(a for a in (d.adisp.get(tp),) if a)
        detail = {"old": fmt.value(ev.old), "incoming": fmt.value(ev.inc), "new": fmt.value(ev.new)}
        self.emit("accumulate", (x,), edges, caps, detail, anodes=an, it=ev.it)

    def on_accumulate(self, ev, k):
        d = self.d
        x = d.disp_t[d.canon(ev.rid)]
        self.setn(x, grad=fmt.text(ev.new))
        caps = C.accumulate(d.nm(x), ev.old, ev.inc, ev.new)
        detail = {"old": fmt.value(ev.old), "incoming": fmt.value(ev.inc), "new": fmt.value(ev.new)}
        self.emit("accumulate", (x,), (), caps, detail, anodes=("a:" + x,), it=ev.it)

    def _hook_node(self, rid):
        d = self.d
        x = d.disp_t.get(d.canon(rid)) if rid is not None else None
        an = ()
        if x is not None:
            p = d.T[d.canon(rid)].producer
            an = (d.adisp[p],) if p is not None and p in d.adisp else ("a:" + x,)
        return x, an

    def on_hook(self, ev, k):
        x, an = self._hook_node(ev.rid)
        if x is not None and ev.gout is not None:
            self.setn(x, grad=fmt.text(ev.gout))
        caps = C.hook(self.d.nm(x) if x else "a tensor", ev.gin, ev.gout)
        detail = {
            "grad_in": fmt.value(ev.gin),
            "grad_out": "None" if ev.gout is None else fmt.value(ev.gout),
        }
        self.emit("hook", (x,), (), caps, detail, anodes=an, it=ev.it)

    def on_retain_grad(self, ev, k):
        x, an = self._hook_node(ev.rid)
        if x is not None:
            self.setn(x, grad=fmt.text(ev.grad))
        caps = C.retain_grad(self.d.nm(x) if x else "a tensor", ev.grad)
        self.emit("hook", (x,), (), caps, {"grad": fmt.value(ev.grad)}, anodes=an, it=ev.it)

    def on_freed(self, ev, k):
        d = self.d
        ds = list(dict.fromkeys(d.disp_o[r] for r in ev.rids if r in d.disp_o))
        ads = list(dict.fromkeys(d.adisp[r] for r in ev.rids if r in d.adisp))
        if not ds:
            return
        for x in ds + ads:
            self.setn(x, status=Status.FREED.value)
        made = [(d.nm(x), d.nm(d.out_of_op[x]) if x in d.out_of_op else None) for x in ds]
        detail = {"freed": ", ".join(d.O[r].cls for r in ev.rids if r in d.adisp)}
        self.emit("freed", ds, (), C.freed(made), detail, anodes=ads, it=ev.it)

    # ------------------------------------------------------------------ errors
    def on_error(self, ev, k):
        d = self.d
        x = d.disp_t[d.canon(ev.roots[0])] if ev.roots else None
        root = d.nm(x) if x else self.root_name
        an = ()
        if x is not None and d.T[d.canon(ev.roots[0])].producer in d.adisp:
            an = (d.adisp[d.T[d.canon(ev.roots[0])].producer],)
        caps = C.error(ev.ename, ev.msg, root)
        self.emit("error", (x,), (), caps, {"error": f"{ev.ename}: {ev.msg}"}, anodes=an, it=ev.it)

    def on_raised(self, ev, k):
        """An exception escaped the with block: a last frame on the op's inputs."""
        d = self.d
        ds = list(dict.fromkeys(x for x in (d.disp_t.get(d.canon(r)) for r in ev.rids) if x))
        detail = {
            "error": f"{ev.ename}: {ev.msg}",
            "line": ev.line,
            "lineno": "" if ev.lineno is None else str(ev.lineno),
        }
        caps = C.raised(ev.ename, ev.msg, ev.line, ev.lineno)
        self.emit("error", ds, (), caps, detail, it=ev.it)

    # ------------------------------------------------------------------ updates
    def on_update(self, ev, k):
        d = self.d
        x = d.disp_t[d.canon(ev.rid)]
        self.setn(x, value=fmt.text(ev.new))
        detail = {
            "old": fmt.value(ev.old),
            "new": fmt.value(ev.new),
            "lr": "" if ev.lr is None else fmt.num(ev.lr),
            "grad": "" if ev.grad is None else fmt.value(ev.grad),
            "code": ev.how.code,
        }
        an = ("a:" + x,)
        if ev.how.kind is Update.DETACH:
            info = ev.info
            caps = C.detach_(d.nm(x), fmt.value(ev.new), info, detail["grad"])
            detail["grad_fn"] = info.get("grad_fn", "")
            p = d.T[d.canon(ev.rid)].producer
            if not info.get("was_leaf") and p is not None and p in d.adisp:
                an = (d.adisp[p],)
        else:
            caps = C.update(d.nm(x), ev.how, ev.old, ev.new, ev.lr, ev.grad)
        an = tuple(a for a in an if a in self.agraph.nodes)
        self.emit("update", (x,), (), caps, detail, anodes=an, it=ev.it)

    def on_zero_grad(self, ev, k):
        d = self.d
        ds = list(dict.fromkeys(d.disp_t[d.canon(r)] for r in ev.rids))
        z = None
        for r in ev.rids:
            z = fmt.text(np.zeros(d.T[d.canon(r)].shape))
            self.setn(d.disp_t[d.canon(r)], grad=None if ev.how.to_none else z)
        caps = C.zero_grad([d.nm(x) for x in ds], ev.how, ev.owner, z or "0")
        an = tuple("a:" + x for x in ds)
        self.emit("zero_grad", ds, (), caps, {"code": ev.how.code}, anodes=an, it=ev.it)
