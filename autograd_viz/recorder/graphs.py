"""The two pictures of a recording as plain data (:class:`~.model.Graph`): the data-flow
view (tensors and ops) and the autograd view (PyTorch's ``grad_fn`` nodes and the
leaves' ``AccumulateGrad``), from a :class:`~.display.Display`."""

from __future__ import annotations

from .display import Flow, symbol_of
from .model import Graph, GraphNode
from .raw import RRetainGrad


def _drawing_order(d):
    """Display ids in the order the picture lists them (inputs, op, output)."""
    order = []
    canon = d.canon
    for ro in d.F:
        if ro.folded:
            continue
        order.extend(d.disp_t[canon(r)] for k, r in ro.inputs if k == "t")
        order.append(d.disp_o[ro.rid])
        order.append(d.disp_t[ro.out])
    for rt in d.T:
        x = d.disp_t.get(canon(rt.rid))
        if x is not None:
            order.append(x)
    return list(dict.fromkeys(order))


def _retained(d):
    """Display ids of non-leaf tensors that called ``retain_grad()``."""
    out = {d.disp_t.get(d.canon(ev.rid)) for ev in d.rec.events if isinstance(ev, RRetainGrad)}
    for rt in d.T:
        t = rt.ref() if rt.ref is not None else None
        if t is not None and getattr(t, "_retains_grad", False):
            out.add(d.disp_t.get(d.canon(rt.rid)))
    return out


def _op_node(d, x, ro):
    extra = {}
    if isinstance(ro, Flow):
        extra = {
            "inner": ro.classes,
            "inner_ids": tuple(d.adisp[r] for r in ro.ginner),
        }
        grad_fn = ro.grad_fn
    else:
        grad_fn = ro.cls
    return GraphNode(
        x,
        "op",
        d.nm(x),
        op=ro.op,
        formula=d.named_formula(ro),
        formula_zh=d.named_formula(ro, "zh"),
        outside=ro.outside,
        symbol=symbol_of(ro),
        grad_fn=None if ro.outside else grad_fn,
        iteration=d.node_it.get(x),
        **extra,
    )


def dataflow_graph(d) -> Graph:
    g = Graph()
    retained = _retained(d)
    for x in _drawing_order(d):
        if x in d.first_o:
            g.nodes[x] = _op_node(d, x, d.first_o[x])
            continue
        rt = d.first_t[x]
        g.nodes[x] = GraphNode(
            x,
            "tensor",
            d.nm(x),
            shape=rt.shape,
            is_leaf=rt.producer is None,
            requires_grad=rt.requires_grad,
            outside=rt.outside,
            iteration=d.node_it.get(x),
            retains_grad=rt.producer is not None and x in retained,
        )
    edges = []
    for ro in d.F:
        if ro.folded:
            continue
        do = d.disp_o[ro.rid]
        edges.extend((d.disp_t[d.canon(r)], do) for k, r in ro.inputs if k == "t")
        edges.append((do, d.disp_t[ro.out]))
    g.edges = list(dict.fromkeys(edges))
    return g


def acc_id(d, trid):
    """The id of the AccumulateGrad node of leaf ``trid`` in the autograd graph."""
    x = d.disp_t.get(d.canon(trid))
    # (a leaf the data-flow graph does not show, e.g. made before the recording and never
    # used in a recorded op: its AccumulateGrad only)
    return f"a:leaf{trid}" if x is None else "a:" + x


def _acc_node(d, g, trid):
    x = d.disp_t.get(d.canon(trid))
    aid = acc_id(d, trid)
    name = "leaf" if x is None else d.nm(x)
    if aid not in g.nodes:
        g.nodes[aid] = GraphNode(
            aid,
            "accumulate",
            name,
            op="accumulate",
            grad_fn="AccumulateGrad",
            is_leaf=True,
            requires_grad=True,
            formula="leaf.grad += incoming grad",
            formula_zh="叶子节点.grad += 传入的梯度",
        )
    return aid


def _fn_node(d, g, rid):
    ro = d.O[rid]
    x = d.adisp[rid]
    if x not in g.nodes:
        g.nodes[x] = GraphNode(
            x,
            "grad_fn",
            ro.cls,
            op=ro.op,
            formula=ro.formula,
            symbol=ro.symbol,
            grad_fn=ro.cls,
            iteration=d.node_it.get(x),
        )
    return x


def autograd_graph(d) -> Graph:
    g = Graph()
    edges = []
    for ro in d.O:
        if ro.folded or ro.outside:
            continue
        src = _fn_node(d, g, ro.rid)
        for nx in ro.nexts:
            if nx is None:
                continue
            kind, r = nx
            if kind == "acc":
                dst = _acc_node(d, g, r)
            elif d.O[r].folded:
                continue
            else:
                dst = _fn_node(d, g, r)
            edges.append((src, dst))
    g.edges = list(dict.fromkeys(edges))
    return g
