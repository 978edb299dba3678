"""Which picture node each raw tensor / op is drawn on, and what the node is called.

Display nodes: a raw tensor or op of a later iteration is drawn on the node of an
earlier iteration when it plays the same part (same op class on the same drawn inputs,
the output bound to the same name; a leaf with the same name and shape), so a training
loop steps through *one* picture.  A tensor made by ``W = W - lr * W.grad`` and then
``detach_()``-ed continues the parameter it replaced (same node).

Composite ops: a public function PyTorch builds from several nodes (``matmul`` of a
vector and a matrix is unsqueeze -> mm -> squeeze; ``linear`` is t -> addmm) is *one* op
node in the data-flow view (:class:`Flow`), named as the learner wrote it (``@``,
``linear``); the autograd view keeps PyTorch's nodes (``GraphNode.inner_ids``).

Names: the learner's variable name, an explicit ``t.label`` winning over it; else an
expression of named inputs (``x * w``, ``W_1.T``); else the op's name; repeated names
get `` (iter k)`` or `` #k``.
"""

from __future__ import annotations

import numpy as np

from . import captions as C
from . import fmt

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
COMPOSITE_FORMULA_ZH = {
    "matmul": "∂/∂A = G @ Bᵀ，∂/∂B = Aᵀ @ G（G：传入的梯度）",
    "linear": "y = x @ W.T + b：∂/∂x = G @ W，∂/∂W = Gᵀ @ x，∂/∂b = G 沿行求和（G：传入的梯度）",
}


class Flow:
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
        self.formula_zh = COMPOSITE_FORMULA_ZH.get(rc.op) or self.formula
        self.inputs, self.out, self.kwargs = rc.inputs, rc.out, rc.kwargs
        self.it, self.outside, self.in_vals = rc.it, rc.outside, rc.in_vals
        self.nexts = ()
        self.folded = False
        self.freed = False
        # a composite of one PyTorch node on the same inputs (``mse_loss``) has its math
        self.fcls = None
        if len(self.ginner) == 1:
            ro = O[self.ginner[0]]
            if [x for x in ro.inputs if x[0] == "t"] == [x for x in rc.inputs if x[0] == "t"]:
                self.fcls = ro.fcls


def symbol_of(ro):
    sym = ro.symbol if ro.symbol and ro.symbol != "?" else ro.op
    return DATAFLOW_SYMBOL.get(ro.op, sym)


def _is_num(v):
    return isinstance(v, (int, float, np.number)) and not isinstance(v, (bool, np.bool_))


def op_label(ro) -> str:
    """``*`` -> ``* 10`` for ``x * 10``; ``2 -`` for ``2 - x``; ``** 2``; ``2 **``."""
    sym = symbol_of(ro)
    kw = ro.kwargs or {}
    if ro.op == "pow" and _is_num(kw.get("exponent")):
        return f"{sym} {fmt.value(kw['exponent'])}"
    if ro.op == "pow" and _is_num(kw.get("base")):
        return f"{fmt.value(kw['base'])} {sym}"
    if ro.op == "rsub" and _is_num(kw.get("other")):
        return f"{fmt.value(kw['other'])} {sym}"
    consts = [(i, r) for i, (k, r) in enumerate(ro.inputs) if k == "c" and _is_num(r)]
    if len(consts) == 1 and len(ro.inputs) == 2:
        i, c = consts[0]
        return f"{sym} {fmt.value(c)}" if i == 1 else f"{fmt.value(c)} {sym}"
    if not consts and len(ro.inputs) == 1 and _is_num(kw.get("other")):
        return f"{sym} {fmt.value(kw['other'])}"
    return sym


#: names longer than this are shortened in pictures and captions (``…`` in the middle)
MAX_LABEL = 40


def clean_name(s: str) -> str:
    """A name safe to draw: control characters and lone surrogates become ``�``, and a
    name over :data:`MAX_LABEL` characters keeps its start and end around ``…``."""
    if not s.isprintable() or any("\ud800" <= ch <= "\udfff" for ch in s):
        s = "".join(
            "\ufffd" if (not ch.isprintable() and ch != " ") or "\ud800" <= ch <= "\udfff" else ch
            for ch in s
        )
    if len(s) > MAX_LABEL:
        half = (MAX_LABEL - 1) // 2
        s = s[:half] + "…" + s[-half:]
    return s


def label_of(rt):
    """An explicit ``t.label`` as text (a label that is not a string is ignored)."""
    lab = rt.label
    return clean_name(lab) if isinstance(lab, str) and lab else None


def order_key(d):
    return int(d[1:]) if d[1:].isdigit() else 0


class Display:
    """Display ids (``t<n>`` tensors, ``o<n>`` ops; autograd ids of a composite's inner
    nodes) and names, from a raw log (:mod:`.core`)."""

    def __init__(self, rec, snapshot=False):
        self.rec, self.snapshot = rec, snapshot
        self.T, self.O = rec.tensors, rec.ops
        self.comps = getattr(rec, "comps", None) or []
        self.flows = [Flow(len(self.O) + k, rc, self.O, self.T) for k, rc in enumerate(self.comps)]
        self.F = self._dataflow_ops()
        self.disp_t, self.disp_o, self.adisp = {}, {}, {}
        self.sig_t, self.sig_o, self.claimed, self.node_it = {}, {}, {}, {}
        self.out_of_op, self.op_inputs, self.inner_ids = {}, {}, {}
        self._counter = 0
        for ro in self.F:
            if not ro.folded:
                self._place_op(ro)
        self._place_referenced_leaves()
        self._name_all()

    # ------------------------------------------------------------------ ids
    def _dataflow_ops(self):
        """The data-flow ops in order: a recording lists a composite's ops in the order
        they were made (placed at the first); a snapshot registers a graph inputs-first,
        so a composite's inputs are all known by its last op (its result's node)."""
        F, at = [], (-1 if self.snapshot else 0)
        for ro in self.O:
            if ro.comp is None:
                F.append(ro)
            elif ro.rid == self.comps[ro.comp].ops[at]:
                F.append(self.flows[ro.comp])
        return F

    def flow_of(self, ro):
        """The data-flow op a raw op is drawn as (its composite, or itself)."""
        return self.flows[ro.comp] if ro.comp is not None else ro

    def canon(self, rid):
        """The tensor a rebound parameter continues (``W = W - lr * W.grad``)."""
        T, seen = self.T, 0
        while T[rid].alias is not None and seen < 1000:
            rid = T[rid].alias
            seen += 1
        return rid

    def new_id(self, prefix):
        self._counter += 1
        return f"{prefix}{self._counter}"

    def leaf_disp(self, rid):
        rid = self.canon(rid)
        if rid in self.disp_t:
            return self.disp_t[rid]
        rt = self.T[rid]
        used = self.claimed.setdefault(rt.it, set())
        did = None
        named_leaf = rt.name is not None and rt.producer is None
        sig = ("leaf", rt.name, rt.shape, rt.requires_grad)
        if named_leaf:
            cand = self.sig_t.get(sig)
            if cand is not None and self.node_it[cand] < rt.it and cand not in used:
                did = cand
        if did is None:
            did = self.new_id("t")
            self.node_it[did] = rt.it
            if named_leaf:
                self.sig_t[sig] = did
        used.add(did)
        self.disp_t[rid] = did
        return did

    def _input_tokens(self, ro):
        ins = []
        for k, r in ro.inputs:
            if k != "t":
                ins.append("c")
                continue
            rr = self.canon(r)
            rt = self.T[rr]
            anonymous = rt.name is None and rt.label is None and not rt.requires_grad
            if rr not in self.disp_t and rt.producer is None and anonymous:
                ins.append(("k", rt.shape))  # an anonymous constant: follows its op
            else:
                ins.append(self.leaf_disp(r))
        return tuple(ins)

    def _reuse(self, ro, ins):
        """A node of an earlier iteration this op can be drawn on (or None): the same
        numbers first (``a * 3`` goes on ``a * 3``, not on ``10 * a``), then any (``h +
        i`` in a loop: one node whose number changes)."""
        sig = (ro.cls, ins, self.T[ro.out].name, ro.outside)
        exact = (*sig, tuple(repr(r) for k, r in ro.inputs if k == "c"))
        used = self.claimed.setdefault(ro.it, set())
        for key in (exact, sig):
            for c in self.sig_o.get(key, ()):
                if self.node_it[c] < ro.it and c not in used:
                    return c, exact, sig
        return None, exact, sig

    def _place_op(self, ro):
        ins = self._input_tokens(ro)
        cand, exact, sig = self._reuse(ro, ins)
        canon, disp_t = self.canon, self.disp_t
        if cand is not None:
            did, oid = cand, self.out_of_op[cand]
            for pos, tok in enumerate(ins):
                if isinstance(tok, tuple):
                    disp_t[canon(ro.inputs[pos][1])] = self.op_inputs[did][pos]
        else:
            did = self.new_id("o")
            for pos, tok in enumerate(ins):
                if isinstance(tok, tuple):
                    self.leaf_disp(ro.inputs[pos][1])
            self.op_inputs[did] = [disp_t[canon(r)] if k == "t" else None for k, r in ro.inputs]
            oid = self.new_id("t")
            self.node_it[did] = self.node_it[oid] = ro.it
            self.out_of_op[did] = oid
            self.sig_o.setdefault(exact, []).append(did)
            self.sig_o.setdefault(sig, []).append(did)
        used = self.claimed.setdefault(ro.it, set())
        used.update((did, oid))
        self.disp_o[ro.rid] = did
        disp_t[ro.out] = oid
        if isinstance(ro, Flow):
            self._place_inner(ro, did, cand is not None)
        else:
            self.adisp[ro.rid] = did

    def _place_inner(self, fo, did, reused):
        prev = self.inner_ids.get(did) if reused else None
        if prev is None or len(prev) != len(fo.ginner):
            prev = [self.new_id("o") for _ in fo.ginner]
            self.inner_ids.setdefault(did, prev)
        for r in fo.inner:
            self.disp_o[r] = did
        for r, aid in zip(fo.ginner, prev, strict=False):
            self.adisp[r] = aid
            self.node_it.setdefault(aid, fo.it)

    def _place_referenced_leaves(self):
        """Leaves no drawn op uses but a frame is about (a parameter updated or zeroed);
        a snapshot draws every leaf of the graph but the constants only PyTorch's nodes
        inside a composite op use, such as matmul's unsqueezed vector."""
        canon = self.canon
        referenced = set()
        for ev in self.rec.events:
            referenced.update(canon(r) for r in ev.tensors())
        inner_only = set()
        if self.snapshot and self.comps:
            drawn_in = {canon(r) for ro in self.F for k, r in ro.inputs if k == "t"}
            inner_only = {
                canon(r) for ro in self.O if ro.comp is not None for k, r in ro.inputs if k == "t"
            } - drawn_in
        for rt in self.T:
            if rt.rid in self.disp_t or not (rt.producer is None or self.O[rt.producer].folded):
                continue
            c = canon(rt.rid)
            if c in referenced or (self.snapshot and c not in inner_only):
                self.leaf_disp(rt.rid)

    # ------------------------------------------------------------------ names
    def _firsts(self):
        self.first_t, self.first_o, self.op_labels = {}, {}, {}
        for rt in self.T:
            d = self.disp_t.get(self.canon(rt.rid))
            if d is not None and d not in self.first_t:
                self.first_t[d] = rt
        for ro in self.F:
            d = self.disp_o.get(ro.rid)
            if d is not None:
                self.first_o.setdefault(d, ro)
                self.op_labels.setdefault(d, set()).add(op_label(ro))

    def _given_names(self):
        """display id -> the learner's name or label (an explicit label wins); a later raw
        tensor on the same node can name it if the first had none."""
        self.given = {d: label_of(rt) or rt.name for d, rt in self.first_t.items()}
        for rt in self.T:
            d = self.disp_t.get(self.canon(rt.rid))
            if d is not None and self.given.get(d) is None and (rt.name or label_of(rt)):
                self.given[d] = label_of(rt) or rt.name
                self.first_t[d] = rt

    def producer_flow(self, rt):
        """The data-flow op that made tensor ``rt`` (None for a leaf / inner tensor)."""
        if rt.producer is None:
            return None
        fo = self.flow_of(self.O[rt.producer])
        return fo if fo.out == rt.rid else None

    def _derive_all(self):
        """Expression names (``x * w``, ``W_1.T``), inputs before the ops using them
        (iterative: a chain of 10,000 ops is fine)."""
        self.derived = {}
        for d in sorted(self.first_t, key=order_key):
            if not self.given.get(d) and d not in self.derived:
                self.derived[d] = self._derive(d)

    def _name_of_input(self, r):
        di = self.disp_t.get(self.canon(r))
        if di is None:
            return None
        return self.given.get(di) or self.derived.get(di)

    def _derive(self, d):
        rt = self.first_t.get(d)
        fo = self.producer_flow(rt) if rt is not None else None
        if fo is None:
            return None
        tin = [(i, r) for i, (k, r) in enumerate(fo.inputs) if k == "t"]
        consts = [r for k, r in fo.inputs if k == "c"]
        if len(tin) == 2 and not consts and (fo.kwargs or {}).get("alpha", 1) == 1:
            names2 = [self._name_of_input(r) for _, r in tin]  # ``x * w``
            return None if None in names2 else C.binary_name(fo.op, *names2)
        if len(tin) != 1:
            return None
        base = self._name_of_input(tin[0][1])
        if base is None:
            return None
        if consts and len(fo.inputs) == 2:
            # (only when the number is the same in every iteration drawn here)
            if len(self.op_labels.get(self.disp_o.get(fo.rid), ())) == 1:
                return C._const_expr(fo.op, base, consts[0], tin[0][0] == 0, fo.kwargs)
            return None
        if consts:
            return None
        in_shape = self.T[self.canon(tin[0][1])].shape
        return C.name_expr(fo.op, [base], dict(fo.kwargs or {}), in_shape, rt.shape)

    def _name_all(self):
        self._firsts()
        self._given_names()
        self._derive_all()
        names = {}
        for d, rt in self.first_t.items():
            nm = self.given.get(d) or self.derived.get(d)
            if nm is None and rt.producer is not None:
                fo = self.producer_flow(rt)
                nm = fo.op if fo is not None else self.O[rt.producer].op
            names[d] = nm or "tensor"
        self.names = self._dedupe(names)
        self._op_names()

    def _dedupe(self, names):
        """Repeated names get `` (iter k)`` (another iteration) or `` #k``."""
        holders, taken = {}, set(names.values())
        for d in sorted(names, key=order_key):
            nm = names[d]
            if nm not in holders:
                holders[nm] = [d]
                continue
            first, k = holders[nm][0], len(holders[nm]) + 1
            it = self.node_it.get(d)
            label = None
            if it is not None and it != self.node_it.get(first):
                label = f"{nm} (iter {it})"
            if label is None or label in taken:
                label = f"{nm} #{k}"
            taken.add(label)
            holders[nm].append(d)
            names[d] = label
        return names

    def _op_names(self):
        """An op with a Python-number operand writes it in its label ("* 10", "2 -",
        "** 2") when every raw op drawn on the node had the same number; else the symbol,
        and the number is the op's value line in each frame."""
        self.in_label = set()
        for d, ro in self.first_o.items():
            sym = symbol_of(ro)
            labs = self.op_labels.get(d, {sym})
            if len(labs) == 1:
                self.names[d] = next(iter(labs))
                if self.names[d] != sym:
                    self.in_label.add(d)
            else:
                self.names[d] = sym

    def nm(self, d):
        return self.names.get(d, "?")

    def tname(self, rid):
        return self.nm(self.disp_t.get(self.canon(rid)))

    def argnames(self, ro):
        return [self.tname(r) if k == "t" else fmt.value(r) for k, r in ro.inputs]

    def named_formula(self, ro, lang="en"):
        """The op's local derivatives in the learner's names (the inspector shows it), in
        ``lang``."""
        base = (getattr(ro, "formula_zh", None) if lang == "zh" else None) or ro.formula
        if ro.fcls is None:
            return base
        out = self.nm(self.disp_t.get(ro.out))
        try:
            return C.local_formula(ro.fcls, out, self.argnames(ro), ro.kwargs, None, lang) or base
        except Exception:
            return base
