"""Turn a raw log (:mod:`.core`) into graphs, frames and node states.

Display nodes: a raw tensor or op of a later iteration is drawn on the node of an
earlier iteration when it plays the same part (same op class on the same drawn inputs,
the output bound to the same name; a leaf with the same name and shape), so a training
loop steps through *one* picture.  A tensor made by ``W = W - lr * W.grad`` and then
``detach_()``-ed continues the parameter it replaced (same node).

Composite ops: a public function PyTorch builds from several nodes (``matmul`` of a vector
and a matrix is unsqueeze -> mm -> squeeze; ``linear`` is t -> addmm) is *one* op node in
the data-flow view, named as the learner wrote it (``@``, ``linear``), with its own
forward frame; the autograd view keeps PyTorch's nodes (``GraphNode.inner_ids``).  The
frame list is the same for both views: one backward frame per PyTorch node; in the
data-flow view each of them highlights the composite node, the first one explains the
whole op (chain rule of ``@`` with what its inputs receive), the others say which step
inside the op PyTorch is taking.
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


class _Flow:
    """A composite op as the data-flow view draws it (attributes as a RawOp's)."""

    def __init__(self, rid, rc, O, T):
        inner = [O[r] for r in rc.ops]
        prod = O[T[rc.out].producer]
        self.rid = rid
        self.comp = rc
        self.inner = rc.ops
        #: the inner ops that are PyTorch graph nodes (not ops outside the graph, such as
        #: unsqueezing a constant); drawn in the autograd view
        self.ginner = [ro.rid for ro in inner if not ro.outside] or list(rc.ops)
        self.classes = tuple(O[r].cls for r in self.ginner)
        self.cls = "composite:" + rc.op + ":" + "/".join(self.classes)
        self.grad_fn = prod.cls
        self.op = rc.op
        self.symbol = COMPOSITE_SYMBOL.get(rc.op, rc.op)
        self.formula = COMPOSITE_FORMULA.get(rc.op) or "; ".join(
            ro.formula for ro in inner if ro.formula
        )
        self.inputs = rc.inputs
        self.out = rc.out
        self.kwargs = rc.kwargs
        self.it = rc.it
        self.outside = rc.outside
        self.in_vals = rc.in_vals
        self.nexts = ()
        self.folded = False
        # a composite of one PyTorch node on the same inputs (``mse_loss``) has its math
        self.fcls = None
        if len(self.ginner) == 1:
            ro = O[self.ginner[0]]
            if [x for x in ro.inputs if x[0] == "t"] == [x for x in rc.inputs if x[0] == "t"]:
                self.fcls = ro.fcls


#: how the data-flow view draws an op (the learner's operator, not PyTorch's node)
COMPOSITE_SYMBOL = {
    "matmul": "@",
    "linear": "linear",
    "div": "/",
    "getitem": "[]",
    "reshape": "reshape",
    "flatten": "flatten",
    "addmm": "addmm",
    "mse_loss": "mse_loss",
}
#: (``addmm`` / ``mse_loss`` drawn without a recording are one node: named as recorded)
DATAFLOW_SYMBOL = {
    "mm": "@",
    "mv": "@",
    "dot": "@",
    "matmul": "@",
    "addmm": "addmm",
    "mse_loss": "mse_loss",
}
COMPOSITE_FORMULA = {
    "matmul": "∂/∂A = G @ Bᵀ, ∂/∂B = Aᵀ @ G (G: the gradient arriving)",
    "linear": (
        "y = x @ W.T + b: ∂/∂x = G @ W, ∂/∂W = Gᵀ @ x, ∂/∂b = G summed over rows "
        "(G: the gradient arriving)"
    ),
}


def _sym(ro):
    sym = ro.symbol if ro.symbol and ro.symbol != "?" else ro.op
    return DATAFLOW_SYMBOL.get(ro.op, sym)


def build(rec, lang=None, snapshot=False) -> Built:
    b = Built()
    T, O = rec.tensors, rec.ops
    comps = getattr(rec, "comps", None) or []
    flows = [_Flow(len(O) + k, rc, O, T) for k, rc in enumerate(comps)]

    def flow_of(ro):
        """The data-flow op a raw op is drawn as (its composite, or itself)."""
        return flows[ro.comp] if ro.comp is not None else ro

    F = []  # the data-flow ops, in order
    # a recording lists a composite's ops in the order they were made (placed at the
    # first); a snapshot registers a graph inputs-first, so a composite's inputs are all
    # known by its last op (its result's node)
    at = -1 if snapshot else 0
    for ro in O:
        if ro.comp is None:
            F.append(ro)
        elif ro.rid == comps[ro.comp].ops[at]:
            F.append(flows[ro.comp])

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
    adisp: dict = {}  # raw op rid -> autograd-view id (the data-flow id but inside composites)
    inner_ids: dict = {}  # composite display id -> autograd ids of its inner ops
    for ro in F:
        if ro.folded:
            continue
        ins = []
        for k, r in ro.inputs:
            if k != "t":
                ins.append("c")
                continue
            rr = canon(r)
            rt = T[rr]
            if (
                rr not in disp_t
                and rt.producer is None
                and rt.name is None
                and rt.label is None
                and not rt.requires_grad
            ):
                ins.append(("k", rt.shape))  # an anonymous constant: follows its op
            else:
                ins.append(leaf_disp(r))
        ins = tuple(ins)
        rt = T[ro.out]
        sig = (ro.cls, ins, rt.name, ro.outside)
        # the same numbers first (``a * 3`` goes on ``a * 3``, not on ``10 * a``), then any
        # (``h + i`` in a loop: one node whose number changes)
        exact = (*sig, tuple(repr(r) for k, r in ro.inputs if k == "c"))
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
        if isinstance(ro, _Flow):
            prev = inner_ids.get(did) if cand is not None else None
            if prev is None or len(prev) != len(ro.ginner):
                prev = [new_id("o") for _ in ro.ginner]
                inner_ids.setdefault(did, prev)
            for r in ro.inner:
                disp_o[r] = did
            for r, aid in zip(ro.ginner, prev, strict=False):
                adisp[r] = aid
                disp_o[r] = did
                node_it.setdefault(aid, ro.it)
        else:
            adisp[ro.rid] = did
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
        elif k == "raised":  # the inputs of the op that raised
            referenced.update(canon(r) for r in ev[6])
    # (a snapshot draws every leaf of the graph but the constants only PyTorch's nodes
    # inside a composite op use, such as matmul's unsqueezed vector)
    inner_only = set()
    if snapshot and comps:
        drawn_in = {canon(r) for ro in F for k, r in ro.inputs if k == "t"}
        inner_only = {
            canon(r) for ro in O if ro.comp is not None for k, r in ro.inputs if k == "t"
        } - drawn_in
    for rt in T:
        if (
            rt.rid not in disp_t
            and (rt.producer is None or O[rt.producer].folded)
            and (canon(rt.rid) in referenced or (snapshot and canon(rt.rid) not in inner_only))
        ):
            leaf_disp(rt.rid)

    # ------------------------------------------------------------------ names
    first_t: dict = {}  # display id -> first raw tensor
    for rt in T:
        d = disp_t.get(canon(rt.rid))
        if d is not None and d not in first_t:
            first_t[d] = rt
    first_o: dict = {}
    for ro in F:
        d = disp_o.get(ro.rid)
        if d is not None and d not in first_o:
            first_o[d] = ro

    def producer_flow(rt):
        """The data-flow op that made tensor ``rt`` (None for a leaf / inner tensor)."""
        if rt.producer is None:
            return None
        fo = flow_of(O[rt.producer])
        return fo if fo.out == rt.rid else None

    op_labels: dict = {}
    for ro in F:
        d = disp_o.get(ro.rid)
        if d is not None:
            op_labels.setdefault(d, set()).add(op_label(ro))
    given: dict = {}  # display id -> the learner's name or label
    for d, rt in first_t.items():
        given[d] = _label(rt) or rt.name  # an explicit ``t.label`` wins
    # a later raw tensor on the same node can name it if the first had none
    for rt in T:
        d = disp_t.get(canon(rt.rid))
        if d is not None and given.get(d) is None and (rt.name or _label(rt)):
            given[d] = _label(rt) or rt.name
            first_t[d] = rt
    derived: dict = {}

    def expr_name(d, depth=0):
        """The learner's name, else an expression of a named input (``W_1.T``)."""
        if given.get(d):
            return given[d]
        if d in derived:
            return derived[d]
        derived[d] = None
        rt = first_t.get(d)
        fo = producer_flow(rt) if rt is not None and depth < 20 else None
        e = None
        if fo is not None:
            tin = [(i, r) for i, (k, r) in enumerate(fo.inputs) if k == "t"]
            consts = [r for k, r in fo.inputs if k == "c"]
            if len(tin) == 2 and not consts and (fo.kwargs or {}).get("alpha", 1) == 1:
                # ``x * w``: an infix op of two named tensors
                names2 = []
                for _, r in tin:
                    di = disp_t.get(canon(r))
                    names2.append(expr_name(di, depth + 1) if di is not None else None)
                if None not in names2:
                    e = C.binary_name(fo.op, *names2)
            if len(tin) == 1:
                di = disp_t.get(canon(tin[0][1]))
                base = expr_name(di, depth + 1) if di is not None else None
                if base is not None:
                    same = len(op_labels.get(disp_o.get(fo.rid), ())) == 1
                    if consts and len(fo.inputs) == 2 and same:
                        # (only when the number is the same in every iteration drawn here)
                        e = C._const_expr(fo.op, base, consts[0], tin[0][0] == 0, fo.kwargs)
                    elif not consts:
                        kw = dict(fo.kwargs or {})
                        e = C.name_expr(fo.op, [base], kw, T[canon(tin[0][1])].shape, rt.shape)
        derived[d] = e
        return e

    names: dict = {}
    for d, rt in first_t.items():
        nm = expr_name(d)
        if nm is None:
            fo = producer_flow(rt)
            if fo is not None:
                nm = fo.op
            elif rt.producer is not None:
                nm = O[rt.producer].op
        names[d] = nm or "tensor"
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
    in_label = set()
    for d, ro in first_o.items():
        sym = _sym(ro)
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

    def named_formula(ro):
        """The op's local derivatives in the learner's names (the inspector shows it)."""
        if ro.fcls is None:
            return ro.formula
        argn = [tname(r) if k == "t" else fmt.value(r) for k, r in ro.inputs]
        out = nm(disp_t.get(ro.out))
        try:
            return C.local_formula(ro.fcls, out, argn, ro.kwargs, None) or ro.formula
        except Exception:
            return ro.formula

    # ------------------------------------------------------------------ graphs
    order = []
    seen_nodes = set()
    for ro in F:
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
            if isinstance(ro, _Flow):
                g.nodes[d] = GraphNode(
                    d,
                    "op",
                    nm(d),
                    op=ro.op,
                    formula=ro.formula,
                    outside=ro.outside,
                    symbol=_sym(ro),
                    grad_fn=None if ro.outside else ro.grad_fn,
                    iteration=node_it.get(d),
                    inner=ro.classes,
                    inner_ids=tuple(adisp[r] for r in ro.ginner),
                )
            else:
                g.nodes[d] = GraphNode(
                    d,
                    "op",
                    nm(d),
                    op=ro.op,
                    formula=named_formula(ro),
                    outside=ro.outside,
                    symbol=_sym(ro),
                    grad_fn=None if ro.outside else ro.cls,
                    iteration=node_it.get(d),
                )
        else:
            rt = first_t[d]
            g.nodes[d] = GraphNode(
                d,
                "tensor",
                nm(d),
                shape=rt.shape,
                is_leaf=rt.producer is None,
                requires_grad=rt.requires_grad,
                outside=rt.outside,
                iteration=node_it.get(d),
                retains_grad=rt.producer is not None and d in retained,
            )
    eset = set()
    for ro in F:
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
            ag.nodes[aid] = GraphNode(
                aid,
                "accumulate",
                nm(d),
                op="accumulate",
                grad_fn="AccumulateGrad",
                is_leaf=True,
                requires_grad=True,
                formula="leaf.grad += incoming grad",
            )
        return aid

    for ro in O:
        if ro.folded or ro.outside:
            continue
        do = adisp[ro.rid]
        if do not in ag.nodes:
            ag.nodes[do] = GraphNode(
                do,
                "grad_fn",
                ro.cls,
                op=ro.op,
                formula=ro.formula,
                symbol=ro.symbol,
                grad_fn=ro.cls,
                iteration=node_it.get(do),
            )
        for nx in ro.nexts:
            if nx is None:
                continue
            kind, r = nx
            if kind == "acc":
                dst = acc_id(r)
            else:
                if O[r].folded:
                    continue
                dst = adisp[r]
                if dst not in ag.nodes:
                    ro2 = O[r]
                    ag.nodes[dst] = GraphNode(
                        dst,
                        "grad_fn",
                        ro2.cls,
                        op=ro2.op,
                        formula=ro2.formula,
                        symbol=ro2.symbol,
                        grad_fn=ro2.cls,
                    )
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
                state[d] = NodeState(
                    fmt.value(rt.value) if rt.value is not None else None,
                    None if gr is None else fmt.value(gr._data),
                    st,
                )
            else:
                consts = [fmt.value(r) for k, r in first_o[d].inputs if k == "c"]
                if getattr(first_o[d], "freed", False):
                    st = "freed"  # its saved values were released by a backward
                state[d] = NodeState(None if d in in_label else ", ".join(consts) or None, None, st)
        elif gn.kind == "tensor" and gn.is_leaf:
            rt = first_t[d]
            state[d] = NodeState(fmt.value(rt.value), None, "done")
        else:
            state[d] = NodeState(None, None, "pending")
    for ids in inner_ids.values():  # autograd-view nodes inside composite ops
        for aid in ids:
            state.setdefault(aid, NodeState(None, None, "done" if snapshot else "pending"))
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
                fo = flow_of(ro)
                ids = {disp_o[ro.rid], disp_t[fo.out]}
                if ro.rid in adisp:
                    ids.add(adisp[ro.rid])
                produced_in.setdefault(ev[1], set()).update(ids)

    # backward frames of PyTorch nodes inside one composite op, per backward call
    groups: dict = {}  # (composite index, backward call) -> [event index]
    #: (backward call, gradient target) -> how many edges deliver a gradient to it (> 1:
    #: a backward step's caption shows one path's share, not the total)
    paths: dict = {}
    n_call = 0
    for k, ev in enumerate(rec.events):
        if ev[0] == "backward_begin":
            n_call += 1
        elif ev[0] == "backward":
            ro = O[ev[2]]
            if ro.comp is not None:
                groups.setdefault((ro.comp, n_call), []).append(k)
            for i, gi in enumerate(ev[4]):
                nx = ro.nexts[i] if i < len(ro.nexts) else None
                if gi is not None and nx is not None:
                    key = (n_call, _target(nx, canon))
                    paths[key] = paths.get(key, 0) + 1

    def input_target(k_r):
        """What a tensor input's gradient goes to in ``nexts`` terms."""
        r = canon(k_r)
        p = T[r].producer
        return ("acc", r) if p is None else ("op", p)

    def composite_grads(fo, evs):
        """(grad arriving at the composite's output, {input slot: total grad}) from the
        backward events ``evs`` of the PyTorch nodes inside it."""
        slots = {}
        for j, (k, r) in enumerate(fo.inputs):
            if k == "t":
                tgt = input_target(r)
                if all(input_target(r2) != tgt for k2, r2 in fo.inputs[:j] if k2 == "t"):
                    slots[tgt] = j
        gout = None
        got: dict = {}
        prod = T[fo.out].producer
        for ev in evs:
            ro = O[ev[2]]
            if ro.rid == prod and gout is None:
                gout = ev[3]
            for i, gi in enumerate(ev[4]):
                nx = ro.nexts[i] if i < len(ro.nexts) else None
                if gi is None or nx is None:
                    continue
                tgt = (nx[0], canon(nx[1])) if nx[0] == "acc" else nx
                j = slots.get(tgt)
                if j is None:
                    continue
                gi = _sum_to(gi, T[canon(fo.inputs[j][1])].shape)
                got[j] = gi if j not in got else np.add(got[j], gi)
        if gout is None and evs:
            gout = evs[0][3]
        return gout, got

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
        frames.append(
            Frame(
                i,
                phase,
                nodes[0] if nodes else None,
                tuple(edges),
                it,
                caps,
                detail or {},
                nodes,
                tuple(anodes),
                lang,
                tuple(aedges),
            )
        )

    root_name = "L"
    got_grad: set = set()
    call = [0]

    def aedge(src, nx):
        if nx[0] == "acc":
            return (src, "a:" + disp_t[canon(nx[1])])
        if O[nx[1]].folded or nx[1] not in adisp:
            return None
        return (src, adisp[nx[1]])

    def emit_inner(ro, gout, gins, it, k_ev):
        """The backward frame of a PyTorch node inside a composite op."""
        fo = flows[ro.comp]
        evs_k = groups.get((ro.comp, call[0]), [k_ev])
        evs = [rec.events[k] for k in evs_k]
        step = evs_k.index(k_ev) + 1 if k_ev in evs_k else 1
        classes = [O[e[2]].cls for e in evs]
        do, dt = disp_o[fo.rid], disp_t[fo.out]
        aid = adisp[ro.rid]
        argn = [tname(r) if k == "t" else fmt.value(r) for k, r in fo.inputs]
        aedges = [
            aedge(aid, nx)
            for i, nx in enumerate(ro.nexts)
            if nx is not None and i < len(gins) and gins[i] is not None
        ]
        aedges = [e for e in aedges if e is not None]
        # which of the composite's inputs this node sends a gradient to
        tgt_in = {}
        for j, (k, r) in enumerate(fo.inputs):
            if k == "t":
                tgt_in.setdefault(input_target(r), j)
        edges, sends = [], []
        for i, gi in enumerate(gins):
            nx = ro.nexts[i] if i < len(ro.nexts) else None
            if gi is None or nx is None:
                continue
            tgt = (nx[0], canon(nx[1])) if nx[0] == "acc" else nx
            j = tgt_in.get(tgt)
            if j is not None:
                r = fo.inputs[j][1]
                edges.append((disp_t[canon(r)], do))
                sends.append((tname(r), gi, True))
            elif nx[0] == "op":
                sends.append((O[nx[1]].cls, gi, False))
        if step == 1:
            g_out, got = composite_grads(fo, evs)
            setn(dt, grad=fmt.value(g_out))
            slots, edges = [], []
            for j in sorted(got):
                r = fo.inputs[j][1]
                d_in = disp_t[canon(r)]
                slots.append(C.Slot(j, tname(r), got[j], T[canon(r)].shape))
                edges.append((d_in, do))
                if T[canon(r)].producer is not None and d_in not in got_grad:
                    setn(d_in, grad=fmt.value(got[j]))
                    got_grad.add(d_in)
            caps, detail = C.backward(
                nm(dt),
                root_name,
                fo.op,
                argn,
                fo.in_vals,
                fo.kwargs,
                T[fo.out].value,
                g_out,
                slots,
                fo.formula,
                fcls=fo.fcls,
            )
            caps = C.steps_note(caps, classes)
        else:
            caps, detail = C.inside(
                nm(dt), fo.op, argn, fo.kwargs, step, len(evs), ro.cls, gout, sends
            )
            detail["formula"] = ro.formula
        detail["op"] = ro.cls
        detail["composite"] = fo.op
        emit("backward", (do, dt), edges, caps, detail, anodes=(aid,), aedges=aedges, it=it)

    for ev_index, ev in enumerate(rec.events):
        kind, it = ev[0], ev[1]
        if kind == "iteration":
            for d in produced_in.get(it, ()):
                st = cur[d]
                setn(
                    d,
                    value=None,
                    grad=None,
                    status="pending" if st.status != "outside" else "outside",
                )
            continue
        if kind == "truncated":
            emit("error", (), (), C.truncated(len(frames)), {"note": "truncated"}, it=it)
            continue
        if kind == "forward":
            ro = O[ev[2]]
            if ro.folded:
                continue
            fo = flow_of(ro)
            if fo is not ro and ro.rid != fo.inner[-1]:
                continue  # a composite op gets one forward frame, after its last node
            do, dt = disp_o[fo.rid], disp_t[fo.out]
            argn = [tname(r) if k == "t" else fmt.value(r) for k, r in fo.inputs]
            consts = [fmt.value(r) for k, r in fo.inputs if k == "c"]
            status = "outside" if fo.outside else "done"
            rt = T[fo.out]
            setn(do, value=None if do in in_label else ", ".join(consts) or None, status=status)
            setn(dt, value=fmt.value(rt.value), grad=None, status=status)
            inner = ()
            anodes = () if ro.outside else (do,)
            if fo is not ro:
                inner = fo.classes
                anodes = () if fo.outside else tuple(adisp[r] for r in fo.ginner)
                for r in fo.ginner:
                    setn(adisp[r], status="outside" if O[r].outside else "done")
            caps = C.forward(
                nm(dt), fo.op, argn, fo.in_vals, fo.kwargs, rt.value, fo.outside, inner
            )
            edges = [(disp_t[canon(r)], do) for k, r in fo.inputs if k == "t"] + [(do, dt)]
            detail = {
                "op": ro.cls if fo is ro else " → ".join(inner) or ro.cls,
                "formula": named_formula(fo),
                "value": fmt.value(rt.value),
            }
            emit("forward", (do, dt), edges, caps, detail, anodes=anodes, it=it)
        elif kind == "backward_begin":
            rids, grads = ev[2], ev[4]  # ev[3]: retain_graph
            call[0] += 1
            got_grad = set()
            if rids:
                root_name = tname(rids[0])
                for r, gr in zip(rids, grads, strict=False):
                    d = disp_t[canon(r)]
                    if T[canon(r)].producer is not None:
                        setn(d, grad=fmt.value(gr))
                        got_grad.add(d)
        elif kind == "backward":
            ro = O[ev[2]]
            gout, gins = ev[3], ev[4]
            if ro.comp is not None:
                emit_inner(ro, gout, gins, it, ev_index)
                continue
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
                shape = T[canon(r)].shape
                npaths = paths.get((call[0], _target(nx, canon)), 1)
                slots.append(C.Slot(i, tname(r), gi, shape, npaths))
                edges.append((d_in, do))
                aedges.append(aedge(do, nx))
                if T[canon(r)].producer is not None and d_in not in got_grad:
                    setn(d_in, grad=fmt.value(_sum_to(gi, shape)))
                    got_grad.add(d_in)
            aedges = [e for e in aedges if e is not None]
            argn = [tname(r) if k == "t" else fmt.value(r) for k, r in ro.inputs]
            caps, detail = C.backward(
                nm(dt),
                root_name,
                ro.op,
                argn,
                ro.in_vals,
                ro.kwargs,
                T[ro.out].value,
                gout,
                slots,
                ro.formula,
                fcls=ro.fcls,
            )
            detail["op"] = ro.cls
            emit("backward", (do, dt), edges, caps, detail, anodes=(do,), aedges=aedges, it=it)
        elif kind == "accumulate_edge":
            target, src, old, inc, new = ev[2:7]
            tp = T[canon(target)].producer
            d = disp_t.get(canon(target))
            ds = disp_o.get(src) if src is not None else None
            if d is None:  # a tensor inside a composite op: shown on the op
                d = disp_o.get(tp)
            elif tp is not None:
                setn(d, grad=fmt.value(new))
            caps = C.accumulate_edge(nm(d), old, inc, new, nm(ds) if ds else None, root_name)
            edges = [(d, ds)] if ds and ds != d else []
            an = ("a:" + d,) if tp is None else tuple(x for x in (adisp.get(tp),) if x)
            emit(
                "accumulate",
                (d,),
                edges,
                caps,
                {"old": fmt.value(old), "incoming": fmt.value(inc), "new": fmt.value(new)},
                anodes=an,
                it=it,
            )
        elif kind == "accumulate":
            rid, old, inc, new = ev[2:6]
            d = disp_t[canon(rid)]
            setn(d, grad=fmt.value(new))
            emit(
                "accumulate",
                (d,),
                (),
                C.accumulate(nm(d), old, inc, new),
                {"old": fmt.value(old), "incoming": fmt.value(inc), "new": fmt.value(new)},
                anodes=("a:" + d,),
                it=it,
            )
        elif kind in ("hook", "retain_grad"):
            rid = ev[2]
            d = disp_t.get(canon(rid)) if rid is not None else None
            name = nm(d) if d else "a tensor"
            if kind == "hook":
                gin, gout = ev[3], ev[4]
                if d is not None and gout is not None:
                    setn(d, grad=fmt.value(gout))
                caps = C.hook(name, gin, gout)
                detail = {
                    "grad_in": fmt.value(gin),
                    "grad_out": "None" if gout is None else fmt.value(gout),
                }
            else:
                gr = ev[3]
                if d is not None:
                    setn(d, grad=fmt.value(gr))
                caps = C.retain_grad(name, gr)
                detail = {"grad": fmt.value(gr)}
            an = ()
            if d is not None:
                p = T[canon(rid)].producer
                an = (adisp[p],) if p is not None and p in adisp else ("a:" + d,)
            emit("hook", (d,), (), caps, detail, anodes=an, it=it)
        elif kind == "freed":
            ds, ads = [], []
            for r in ev[2]:
                if r in disp_o and disp_o[r] not in ds:
                    ds.append(disp_o[r])
                if r in adisp and adisp[r] not in ads:
                    ads.append(adisp[r])
            if not ds:
                continue
            for d in ds + ads:
                setn(d, status="freed")
            caps = C.freed([(nm(d), nm(out_of_op[d]) if d in out_of_op else None) for d in ds])
            emit(
                "freed",
                ds,
                (),
                caps,
                {"freed": ", ".join(O[r].cls for r in ev[2] if r in adisp)},
                anodes=ads,
                it=it,
            )
        elif kind == "error":
            ename, msg, roots = ev[2], ev[3], ev[4]
            d = disp_t[canon(roots[0])] if roots else None
            root = nm(d) if d else root_name
            an = ()
            if d is not None and T[canon(roots[0])].producer in adisp:
                an = (adisp[T[canon(roots[0])].producer],)
            emit(
                "error",
                (d,),
                (),
                C.error(ename, msg, root),
                {"error": f"{ename}: {msg}"},
                anodes=an,
                it=it,
            )
        elif kind == "raised":  # an exception escaped the with block
            ename, msg, line, lineno, rids = ev[2:7]
            ds = []
            for r in rids:
                d = disp_t.get(canon(r))
                if d is not None and d not in ds:
                    ds.append(d)
            emit(
                "error",
                ds,
                (),
                C.raised(ename, msg, line, lineno),
                {
                    "error": f"{ename}: {msg}",
                    "line": line,
                    "lineno": "" if lineno is None else str(lineno),
                },
                it=it,
            )
        elif kind == "update":
            rid, old, new, lr, grad, how = ev[2:8]
            d = disp_t[canon(rid)]
            setn(d, value=fmt.value(new))
            detail = {
                "old": fmt.value(old),
                "new": fmt.value(new),
                "lr": "" if lr is None else fmt.num(lr),
                "grad": "" if grad is None else fmt.value(grad),
                "code": how,
            }
            an = ("a:" + d,)
            if how == "detach_":
                info = ev[9]
                caps = C.detach_(nm(d), fmt.value(new), info, detail["grad"])
                detail["grad_fn"] = info.get("grad_fn", "")
                p = T[canon(rid)].producer
                if not info.get("was_leaf") and p is not None and p in adisp:
                    an = (adisp[p],)
            else:
                caps = C.update(nm(d), how, old, new, lr, grad)
            emit(
                "update",
                (d,),
                (),
                caps,
                detail,
                anodes=tuple(a for a in an if a in ag.nodes),
                it=it,
            )
        elif kind == "zero_grad":
            rids, how, owner = ev[2], ev[3], ev[4]
            ds = []
            for r in rids:
                d = disp_t[canon(r)]
                if d not in ds:
                    ds.append(d)
            to_none = how == "grad=None" or how.endswith(":none")
            z = None
            for r, d in zip(rids, ds, strict=False):
                z = fmt.value(np.zeros(T[canon(r)].shape))
                setn(d, grad=None if to_none else z)
            caps = C.zero_grad([nm(d) for d in ds], how, owner, z or "0")
            emit(
                "zero_grad", ds, (), caps, {"code": how}, anodes=tuple("a:" + d for d in ds), it=it
            )
    if pending:
        # trailing changes without a frame (e.g. an iteration marker at the very end)
        for d, s in pending.items():
            cur[d] = s
        pending.clear()
    b.widest = {d: (w[0], w[1]) for d, w in widest.items()}
    return b


def op_label(ro) -> str:
    """``*`` -> ``* 10`` for ``x * 10``; ``2 -`` for ``2 - x``; ``** 2``; ``2 **``."""
    sym = _sym(ro)
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


def _sum_to(g, shape):
    """A gradient summed to an input's shape (what the backward engine does with a
    broadcast gradient before passing it on)."""
    g = np.asarray(g)
    shape = tuple(shape)
    if g.shape == shape:
        return g
    try:
        lead = g.ndim - len(shape)
        if lead > 0:
            g = g.sum(axis=tuple(range(lead)))
        axes = tuple(i for i, n in enumerate(shape) if n == 1 and g.shape[i] != 1)
        if axes:
            g = g.sum(axis=axes, keepdims=True)
        return g.reshape(shape)
    except (ValueError, IndexError):
        return g


def _target(nx, canon):
    """A ``nexts`` entry as a gradient target (a leaf's accumulator by its canonical
    tensor, or an op)."""
    return ("acc", canon(nx[1])) if nx[0] == "acc" else nx


def _label(rt):
    """An explicit ``t.label`` as text (a label that is not a string is ignored)."""
    lab = rt.label
    return lab if isinstance(lab, str) and lab else None


def _order(d):
    return int(d[1:]) if d[1:].isdigit() else 0
