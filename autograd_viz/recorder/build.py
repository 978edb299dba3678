"""Turn a raw log (:mod:`.core`) into graphs, frames and node states.

Display nodes: a raw tensor or op of a later iteration is drawn on the node of an
earlier iteration when it plays the same part (same op class on the same drawn inputs,
the output bound to the same name; a leaf with the same name and shape), so a training
loop steps through *one* picture.  A tensor made by ``W = W - lr * W.grad`` and then
``detach_()``-ed continues the parameter it replaced (same node).
"""

from __future__ import annotations

import numpy as np

from . import captions as C
from . import fmt
from .model import Frame, Graph, GraphNode, NodeState

CHECKPOINT = 32


class Built:
    """What :func:`build` returns; attributes are copied onto the Recording."""

    def __init__(self):
        self.graph = Graph()
        self.autograd_graph = Graph()
        self.frames: list[Frame] = []
        self.deltas: list[dict] = []
        self.initial: dict = {}
        self.checkpoints: dict = {}
        self.widest: dict = {}  # node id -> (longest value text, longest grad text)


def build(rec, lang=None, snapshot=False) -> Built:
    b = Built()
    T, O = rec.tensors, rec.ops

    def canon(rid):
        seen = 0
        while T[rid].alias is not None and seen < 1000:
            rid = T[rid].alias
            seen += 1
        return rid

    disp_t: dict = {}
    disp_o: dict = {}
    sig_t: dict = {}
    sig_o: dict = {}
    claimed: dict = {}  # iteration -> set of display ids used
    node_it: dict = {}
    counter = [0]

    def new_id(prefix):
        counter[0] += 1
        return f"{prefix}{counter[0]}"

    def leaf_disp(rid):
        rid = canon(rid)
        if rid in disp_t:
            return disp_t[rid]
        rt = T[rid]
        used = claimed.setdefault(rt.it, set())
        did = None
        if rt.name is not None and rt.producer is None:
            sig = ("leaf", rt.name, rt.shape, rt.requires_grad)
            cand = sig_t.get(sig)
            if cand is not None and node_it[cand] < rt.it and cand not in used:
                did = cand
            elif cand is None:
                sig_t[sig] = None  # set below
        if did is None:
            did = new_id("t")
            node_it[did] = rt.it
            if rt.name is not None and rt.producer is None:
                sig_t[("leaf", rt.name, rt.shape, rt.requires_grad)] = did
        used.add(did)
        disp_t[rid] = did
        return did

    out_of_op: dict = {}
    op_inputs: dict = {}  # display op -> display ids of its inputs
    for ro in O:
        if ro.folded:
            continue
        ins = []
        for k, r in ro.inputs:
            if k != "t":
                ins.append("c")
                continue
            rr = canon(r)
            rt = T[rr]
            if (rr not in disp_t and rt.producer is None and rt.name is None
                    and rt.label is None and not rt.requires_grad):
                ins.append(("k", rt.shape))  # an anonymous constant: follows its op
            else:
                ins.append(leaf_disp(r))
        ins = tuple(ins)
        rt = T[ro.out]
        sig = (ro.cls, ins, rt.name, ro.outside)
        # the same numbers first (``a * 3`` goes on ``a * 3``, not on ``10 * a``), then any
        # (``h + i`` in a loop: one node whose number changes)
        exact = sig + (tuple(repr(r) for k, r in ro.inputs if k == "c"),)
        used = claimed.setdefault(ro.it, set())
        cand = None
        for key in (exact, sig):
            for c in sig_o.get(key, ()):
                if node_it[c] < ro.it and c not in used:
                    cand = c
                    break
            if cand is not None:
                break
        if cand is not None:
            did = cand
            oid = out_of_op[did]
            for pos, tok in enumerate(ins):
                if isinstance(tok, tuple):
                    disp_t[canon(ro.inputs[pos][1])] = op_inputs[did][pos]
        else:
            did = new_id("o")
            for pos, tok in enumerate(ins):
                if isinstance(tok, tuple):
                    leaf_disp(ro.inputs[pos][1])
            op_inputs[did] = [disp_t[canon(r)] if k == "t" else None for k, r in ro.inputs]
            oid = new_id("t")
            node_it[did] = node_it[oid] = ro.it
            out_of_op[did] = oid
            sig_o.setdefault(exact, []).append(did)
            sig_o.setdefault(sig, []).append(did)
        used.add(did)
        used.add(oid)
        disp_o[ro.rid] = did
        disp_t[ro.out] = oid
    referenced = set()
    for ev in rec.events:
        k = ev[0]
        if k in ("accumulate", "hook", "retain_grad", "update", "accumulate_edge"):
            if ev[2] is not None:
                referenced.add(canon(ev[2]))
        elif k == "zero_grad":
            referenced.update(canon(r) for r in ev[2])
        elif k in ("backward_begin", "error"):
            referenced.update(canon(r) for r in (ev[2] if k == "backward_begin" else ev[4]))
    for rt in T:
        if rt.rid not in disp_t and (rt.producer is None or O[rt.producer].folded) and (
                canon(rt.rid) in referenced or snapshot):
            leaf_disp(rt.rid)

    # ------------------------------------------------------------------ names
    first_t: dict = {}  # display id -> first raw tensor
    for rt in T:
        d = disp_t.get(canon(rt.rid))
        if d is not None and d not in first_t:
            first_t[d] = rt
    first_o: dict = {}
    for ro in O:
        d = disp_o.get(ro.rid)
        if d is not None and d not in first_o:
            first_o[d] = ro

    names: dict = {}
    for d, rt in first_t.items():
        nm = rt.name or rt.label
        if nm is None:
            # another raw tensor drawn here may have a name
            nm = None
        if nm is None and rt.producer is not None:
            nm = O[rt.producer].op
        names[d] = nm or "tensor"
    # a later raw tensor on the same node can name it if the first had none
    for rt in T:
        d = disp_t.get(canon(rt.rid))
        if d is not None and first_t[d].name is None and first_t[d].label is None and rt.name:
            names[d] = rt.name
            first_t[d] = rt
    holders: dict = {}
    taken = set(names.values())
    for d in sorted(names, key=_order):
        nm = names[d]
        if nm in holders:
            first = holders[nm][0]
            k = len(holders[nm]) + 1
            it = node_it.get(d)
            label = None
            if it is not None and it != node_it.get(first):
                label = f"{nm} (iter {it})"
            if label is None or label in taken:
                label = f"{nm} #{k}"
            taken.add(label)
            holders[nm].append(d)
            names[d] = label
        else:
            holders[nm] = [d]
    # an op with a Python-number operand writes it in its label ("* 10", "2 -", "** 2")
    # when every raw op drawn on the node had the same number; else the symbol, and the
    # number is the op's value line in each frame
    op_labels: dict = {}
    for ro in O:
        d = disp_o.get(ro.rid)
        if d is not None:
            op_labels.setdefault(d, set()).add(op_label(ro))
    in_label = set()
    for d, ro in first_o.items():
        sym = ro.symbol if ro.symbol and ro.symbol != "?" else ro.op
        labs = op_labels.get(d, {sym})
        if len(labs) == 1:
            names[d] = next(iter(labs))
            if names[d] != sym:
                in_label.add(d)
        else:
            names[d] = sym

    def nm(d):
        return names.get(d, "?")

    def tname(rid):
        return nm(disp_t.get(canon(rid)))

    # ------------------------------------------------------------------ graphs
    order = []
    seen_nodes = set()
    for ro in O:
        if ro.folded:
            continue
        for k, r in ro.inputs:
            if k == "t":
                order.append(disp_t[canon(r)])
        order.append(disp_o[ro.rid])
        order.append(disp_t[ro.out])
    for rt in T:
        d = disp_t.get(canon(rt.rid))
        if d is not None:
            order.append(d)
    retained = set()
    for ev in rec.events:
        if ev[0] == "retain_grad":
            retained.add(disp_t.get(canon(ev[2])))
    for rt in T:
        t = rt.ref() if rt.ref is not None else None
        if t is not None and getattr(t, "_retains_grad", False):
            retained.add(disp_t.get(canon(rt.rid)))
    g = b.graph
    for d in order:
        if d in seen_nodes:
            continue
        seen_nodes.add(d)
        if d in first_o:
            ro = first_o[d]
            g.nodes[d] = GraphNode(d, "op", nm(d), op=ro.op, formula=ro.formula,
                                   outside=ro.outside, symbol=ro.symbol,
                                   grad_fn=None if ro.outside else ro.cls,
                                   iteration=node_it.get(d))
        else:
            rt = first_t[d]
            g.nodes[d] = GraphNode(d, "tensor", nm(d), shape=rt.shape,
                                   is_leaf=rt.producer is None, requires_grad=rt.requires_grad,
                                   outside=rt.outside, iteration=node_it.get(d),
                                   retains_grad=rt.producer is not None and d in retained)
    eset = set()
    for ro in O:
        if ro.folded:
            continue
        do = disp_o[ro.rid]
        for k, r in ro.inputs:
            if k == "t":
                e = (disp_t[canon(r)], do)
                if e not in eset:
                    eset.add(e)
                    g.edges.append(e)
        e = (do, disp_t[ro.out])
        if e not in eset:
            eset.add(e)
            g.edges.append(e)

    ag = b.autograd_graph
    aset = set()

    def acc_id(trid):
        d = disp_t[canon(trid)]
        aid = "a:" + d
        if aid not in ag.nodes:
            ag.nodes[aid] = GraphNode(aid, "accumulate", nm(d), op="accumulate",
                                      grad_fn="AccumulateGrad", is_leaf=True,
                                      requires_grad=True, formula="leaf.grad += incoming grad")
        return aid

    for ro in O:
        if ro.folded or ro.outside:
            continue
        do = disp_o[ro.rid]
        if do not in ag.nodes:
            ag.nodes[do] = GraphNode(do, "grad_fn", ro.cls, op=ro.op, formula=ro.formula,
                                     symbol=ro.symbol, grad_fn=ro.cls,
                                     iteration=node_it.get(do))
        for nx in ro.nexts:
            if nx is None:
                continue
            kind, r = nx
            if kind == "acc":
                dst = acc_id(r)
            else:
                if O[r].folded:
                    continue
                dst = disp_o[r]
                if dst not in ag.nodes:
                    ro2 = O[r]
                    ag.nodes[dst] = GraphNode(dst, "grad_fn", ro2.cls, op=ro2.op,
                                              formula=ro2.formula, symbol=ro2.symbol,
                                              grad_fn=ro2.cls)
            e = (do, dst)
            if e not in aset:
                aset.add(e)
                ag.edges.append(e)

    # ------------------------------------------------------------------ states and frames
    state: dict = {}
    for d, gn in g.nodes.items():
        if snapshot:
            st = "outside" if gn.outside else "done"
            if gn.kind == "tensor":
                rt = first_t[d]
                t = rt.ref() if rt.ref is not None else None
                gr = t._grad if t is not None and t._grad is not None else None
                state[d] = NodeState(fmt.value(rt.value) if rt.value is not None else None,
                                     None if gr is None else fmt.value(gr._data), st)
            else:
                consts = [fmt.value(r) for k, r in first_o[d].inputs if k == "c"]
                state[d] = NodeState(None if d in in_label else ", ".join(consts) or None,
                                     None, st)
        elif gn.kind == "tensor" and gn.is_leaf:
            rt = first_t[d]
            state[d] = NodeState(fmt.value(rt.value), None, "done")
        else:
            state[d] = NodeState(None, None, "pending")
    b.initial = dict(state)
    widest = {d: [s.value or "", s.grad or ""] for d, s in state.items()}
    cur = dict(state)
    pending: dict = {}
    frames = b.frames
    deltas = b.deltas

    produced_in: dict = {}
    for ev in rec.events:
        if ev[0] == "forward":
            ro = O[ev[2]]
            if not ro.folded:
                produced_in.setdefault(ev[1], set()).update((disp_o[ro.rid], disp_t[ro.out]))

    def setn(d, **kw):
        s = pending.get(d) or cur[d]
        s = s._replace(**kw)
        pending[d] = s

    def emit(phase, nodes, edges, caps, detail=None, anodes=(), aedges=(), it=None):
        nodes = tuple(n for n in nodes if n is not None)
        for d, s in pending.items():
            cur[d] = s
            w = widest.setdefault(d, ["", ""])
            if s.value and len(s.value) > len(w[0]):
                w[0] = s.value
            if s.grad and len(s.grad) > len(w[1]):
                w[1] = s.grad
        i = len(frames)
        deltas.append(dict(pending))
        pending.clear()
        if i % CHECKPOINT == 0:
            b.checkpoints[i] = dict(cur)
        frames.append(Frame(i, phase, nodes[0] if nodes else None, tuple(edges), it,
                            caps, detail or {}, nodes, tuple(anodes), lang, tuple(aedges)))

    root_name = "L"
    got_grad: set = set()

    for ev in rec.events:
        kind, it = ev[0], ev[1]
        if kind == "iteration":
            for d in produced_in.get(it, ()):
                st = cur[d]
                setn(d, value=None, grad=None,
                     status="pending" if st.status != "outside" else "outside")
            continue
        if kind == "truncated":
            emit("error", (), (), C.truncated(len(frames)), {"note": "truncated"}, it=it)
            continue
        if kind == "forward":
            ro = O[ev[2]]
            if ro.folded:
                continue
            do, dt = disp_o[ro.rid], disp_t[ro.out]
            argn = [tname(r) if k == "t" else fmt.value(r) for k, r in ro.inputs]
            consts = [fmt.value(r) for k, r in ro.inputs if k == "c"]
            status = "outside" if ro.outside else "done"
            rt = T[ro.out]
            setn(do, value=None if do in in_label else ", ".join(consts) or None,
                 status=status)
            setn(dt, value=fmt.value(rt.value), grad=None, status=status)
            caps = C.forward(nm(dt), ro.op, argn, ro.in_vals, ro.kwargs, rt.value, ro.outside)
            edges = [(disp_t[canon(r)], do) for k, r in ro.inputs if k == "t"] + [(do, dt)]
            emit("forward", (do, dt), edges, caps,
                 {"op": ro.cls, "formula": ro.formula, "value": fmt.value(rt.value)},
                 anodes=() if ro.outside else (do,), it=it)
        elif kind == "backward_begin":
            rids, retain, grads = ev[2], ev[3], ev[4]
            got_grad = set()
            if rids:
                root_name = tname(rids[0])
                for r, gr in zip(rids, grads):
                    d = disp_t[canon(r)]
                    if T[canon(r)].producer is not None:
                        setn(d, grad=fmt.value(gr))
                        got_grad.add(d)
        elif kind == "backward":
            ro = O[ev[2]]
            gout, gins = ev[3], ev[4]
            do, dt = disp_o[ro.rid], disp_t[ro.out]
            setn(dt, grad=fmt.value(gout))
            tin = list(enumerate(ro.inputs))
            slots, edges, aedges = [], [], []
            for i, (k, r) in tin:
                gi = gins[i] if i < len(gins) else None
                nx = ro.nexts[i] if i < len(ro.nexts) else None
                if gi is None or nx is None or k != "t":
                    continue
                d_in = disp_t[canon(r)]
                slots.append((i, tname(r), gi))
                edges.append((d_in, do))
                if nx[0] == "acc":
                    aedges.append((do, "a:" + disp_t[canon(nx[1])]))
                elif not O[nx[1]].folded:
                    aedges.append((do, disp_o[nx[1]]))
                if T[canon(r)].producer is not None and d_in not in got_grad:
                    setn(d_in, grad=fmt.value(gi))
                    got_grad.add(d_in)
            argn = [tname(r) if k == "t" else fmt.value(r) for k, r in ro.inputs]
            caps, detail = C.backward(nm(dt), root_name, ro.op, argn, ro.in_vals, ro.kwargs,
                                      T[ro.out].value, gout, slots, ro.formula)
            detail["op"] = ro.cls
            emit("backward", (do, dt), edges, caps, detail, anodes=(do,), aedges=aedges,
                 it=it)
        elif kind == "accumulate_edge":
            target, src, old, inc, new = ev[2:7]
            d = disp_t[canon(target)]
            ds = disp_o.get(src) if src is not None else None
            if T[canon(target)].producer is not None:
                setn(d, grad=fmt.value(new))
            caps = C.accumulate_edge(nm(d), old, inc, new, nm(ds) if ds else None)
            edges = [(d, ds)] if ds else []
            an = ("a:" + d,) if T[canon(target)].producer is None else \
                tuple(x for x in (disp_o.get(T[canon(target)].producer),) if x)
            emit("accumulate", (d,), edges, caps,
                 {"old": fmt.value(old), "incoming": fmt.value(inc), "new": fmt.value(new)},
                 anodes=an, it=it)
        elif kind == "accumulate":
            rid, old, inc, new = ev[2:6]
            d = disp_t[canon(rid)]
            setn(d, grad=fmt.value(new))
            emit("accumulate", (d,), (), C.accumulate(nm(d), old, inc, new),
                 {"old": fmt.value(old), "incoming": fmt.value(inc), "new": fmt.value(new)},
                 anodes=("a:" + d,), it=it)
        elif kind in ("hook", "retain_grad"):
            rid = ev[2]
            d = disp_t.get(canon(rid)) if rid is not None else None
            name = nm(d) if d else "a tensor"
            if kind == "hook":
                gin, gout = ev[3], ev[4]
                if d is not None and gout is not None:
                    setn(d, grad=fmt.value(gout))
                caps = C.hook(name, gin, gout)
                detail = {"grad_in": fmt.value(gin),
                          "grad_out": "None" if gout is None else fmt.value(gout)}
            else:
                gr = ev[3]
                if d is not None:
                    setn(d, grad=fmt.value(gr))
                caps = C.retain_grad(name, gr)
                detail = {"grad": fmt.value(gr)}
            an = ()
            if d is not None:
                p = T[canon(rid)].producer
                an = (disp_o[p],) if p is not None and p in disp_o else ("a:" + d,)
            emit("hook", (d,), (), caps, detail, anodes=an, it=it)
        elif kind == "freed":
            ds = []
            for r in ev[2]:
                if r in disp_o and disp_o[r] not in ds:
                    ds.append(disp_o[r])
            if not ds:
                continue
            for d in ds:
                setn(d, status="freed")
            emit("freed", ds, (), C.freed([nm(d) for d in ds]),
                 {"freed": ", ".join(first_o[d].cls for d in ds)}, anodes=ds, it=it)
        elif kind == "error":
            ename, msg, roots = ev[2], ev[3], ev[4]
            d = disp_t[canon(roots[0])] if roots else None
            root = nm(d) if d else root_name
            an = ()
            if d is not None and T[canon(roots[0])].producer in disp_o:
                an = (disp_o[T[canon(roots[0])].producer],)
            emit("error", (d,), (), C.error(ename, msg, root),
                 {"error": f"{ename}: {msg}"}, anodes=an, it=it)
        elif kind == "update":
            rid, old, new, lr, grad, how = ev[2:8]
            d = disp_t[canon(rid)]
            setn(d, value=fmt.value(new))
            detail = {"old": fmt.value(old), "new": fmt.value(new),
                      "lr": "" if lr is None else fmt.num(lr),
                      "grad": "" if grad is None else fmt.value(grad), "code": how}
            an = ("a:" + d,)
            if how == "detach_":
                info = ev[9]
                caps = C.detach_(nm(d), fmt.value(new), info, detail["grad"])
                detail["grad_fn"] = info.get("grad_fn", "")
                p = T[canon(rid)].producer
                if not info.get("was_leaf") and p is not None and p in disp_o:
                    an = (disp_o[p],)
            else:
                caps = C.update(nm(d), how, old, new, lr, grad)
            emit("update", (d,), (), caps, detail,
                 anodes=tuple(a for a in an if a in ag.nodes), it=it)
        elif kind == "zero_grad":
            rids, how, owner = ev[2], ev[3], ev[4]
            ds = []
            for r in rids:
                d = disp_t[canon(r)]
                if d not in ds:
                    ds.append(d)
            to_none = how == "grad=None" or how.endswith(":none")
            z = None
            for r, d in zip(rids, ds):
                z = fmt.value(np.zeros(T[canon(r)].shape))
                setn(d, grad=None if to_none else z)
            caps = C.zero_grad([nm(d) for d in ds], how, owner, z or "0")
            emit("zero_grad", ds, (), caps, {"code": how}, anodes=tuple("a:" + d for d in ds),
                 it=it)
    if pending:
        # trailing changes without a frame (e.g. an iteration marker at the very end)
        for d, s in pending.items():
            cur[d] = s
        pending.clear()
    b.widest = {d: (w[0], w[1]) for d, w in widest.items()}
    return b


def op_label(ro) -> str:
    """``*`` -> ``* 10`` for ``x * 10``; ``2 -`` for ``2 - x``; ``** 2``; ``2 **``."""
    sym = ro.symbol if ro.symbol and ro.symbol != "?" else ro.op
    kw = ro.kwargs or {}

    def num(v):
        return isinstance(v, (int, float, np.number)) and not isinstance(v, (bool, np.bool_))

    if ro.op == "pow" and num(kw.get("exponent")):
        return f"{sym} {fmt.value(kw['exponent'])}"
    if ro.op == "pow" and num(kw.get("base")):
        return f"{fmt.value(kw['base'])} {sym}"
    if ro.op == "rsub" and num(kw.get("other")):
        return f"{fmt.value(kw['other'])} {sym}"
    consts = [(i, r) for i, (k, r) in enumerate(ro.inputs) if k == "c" and num(r)]
    if len(consts) == 1 and len(ro.inputs) == 2:
        i, c = consts[0]
        return f"{sym} {fmt.value(c)}" if i == 1 else f"{fmt.value(c)} {sym}"
    if not consts and len(ro.inputs) == 1 and num(kw.get("other")):
        return f"{sym} {fmt.value(kw['other'])}"
    return sym


def _order(d):
    return int(d[1:]) if d[1:].isdigit() else 0
