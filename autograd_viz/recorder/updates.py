"""Update-pattern detection: how a parameter was changed outside the graph
(``w.data -= lr * w.grad``, ``with no_grad(): w -= lr * w.grad``, ``W = W - lr * W.grad``
+ ``detach_()``, ``optimizer.step()``...) and how gradients were cleared; the patterns are
named in :mod:`.patterns`.  Arrays made outside the graph keep their provenance
(:class:`~.raw.Prov`) so ``lr`` and the gradient can be read back.
"""

from __future__ import annotations

import weakref

import numpy as np

from ..engine.tensor import Tensor
from .patterns import How, Update, Zeroing
from .raw import RUpdate, RZeroGrad, copy


class UpdatesMixin:
    """Part of :class:`~.core._Recorder`: updates and zeroing."""

    def _desc(self, x):
        if not isinstance(x, Tensor):
            return ("c", x)
        arr = x._data
        go = x._grad_owner
        if go is not None:
            owner = go()
            if owner is not None:
                return ("grad", owner)
        p = self._prov.get(id(arr))
        if p is not None and p.arr is arr:
            return ("prov", p)
        for ref in list(self._params.values()):
            leaf = ref()
            if leaf is None:
                continue
            if leaf._data is arr:
                return ("t", x) if leaf is x else ("data", leaf)
            g = leaf._grad
            if g is not None and g._data is arr:
                return ("grad", leaf)
        return ("t", x)

    @staticmethod
    def _gradish(d):
        return d[0] == "grad" or (d[0] == "prov" and d[1].gradish)

    def _lr_grad(self, d, param):
        """``lr`` and grad if ``d`` is ``lr * param.grad``, ``param.grad * lr`` or
        ``param.grad``."""
        if d[0] == "grad" and d[1] is param:
            return 1.0, copy(param._grad)
        if d[0] == "prov" and d[1].op in ("mul", "div"):
            descs = d[1].descs
            cs = [x[1] for x in descs if x[0] == "c"]
            gs = [x for x in descs if x[0] == "grad" and x[1] is param]
            if len(cs) == 1 and gs and isinstance(cs[0], (int, float)):
                lr = float(cs[0]) if d[1].op == "mul" else 1.0 / float(cs[0])
                return lr, copy(param._grad)
        return None, None

    def _update_of(self, d, param):
        """(lr, grad) when an array ``d`` is ``param - lr * param.grad``."""
        if d[0] != "prov":
            return None, None
        p = d[1]
        if (
            p.op == "sub"
            and len(p.descs) == 2
            and p.descs[0][0] == "data"
            and p.descs[0][1] is param
        ):
            return self._lr_grad(p.descs[1], param)
        if (
            p.op == "add"
            and len(p.descs) == 2
            and p.descs[0][0] == "data"
            and p.descs[0][1] is param
        ):
            lr, g = self._lr_grad(p.descs[1], param)
            return (-lr if lr is not None else None), g
        return None, None

    def _param_of_array(self, arr):
        """("data"|"grad", leaf) for a leaf whose value or grad is ``arr`` (or shares it)."""
        for ref in list(self._params.values()):
            leaf = ref()
            if leaf is None:
                continue
            if leaf._data is arr:
                return "data", leaf
            g = leaf._grad
            if g is not None and g._data is arr:
                return "grad", leaf
        for ref in list(self._params.values()):
            leaf = ref()
            if leaf is None:
                continue
            if np.shares_memory(leaf._data, arr):
                return "data", leaf
            g = leaf._grad
            if g is not None and np.shares_memory(g._data, arr):
                return "grad", leaf
        return None, None

    def _update(self, param, old, new, lr, grad, how, folded=None):
        if id(param) in self._suppress:
            return
        if param.grad_fn is None and param._requires_grad:
            self._trains(param)
        if not self.full:
            return
        self._scan_names()
        rid = self._tid(param)
        if grad is None and param._grad is not None:
            grad = copy(param._grad)
        self._add(RUpdate(self.it, rid, copy(old), copy(new), lr, grad, how, folded))

    def _zero(self, params, how, owner=None):
        params = [t for t in params if id(t) not in self._suppress]
        if not params or not self.full:
            return
        self._scan_names()
        rids = tuple(self._tid(t) for t in params)
        self._add(RZeroGrad(self.it, rids, how, owner))

    def _data_set(self, p):
        t = p.tensor
        new = p.new
        li = self._last_inplace
        self._last_inplace = None
        if new is p.old:
            # ``t.data op= v``: Python assigns the in-place result back to .data
            if li is not None and li[0] is new and not li[3]:
                self._update(t, li[1], new, None, None, How(Update.DATA_INPLACE, li[2]))
            return
        d = None
        pv = self._prov.get(id(new))
        if pv is not None and pv.arr is new:
            d = ("prov", pv)
        lr, g = self._update_of(d, t) if d is not None else (None, None)
        if t.grad_fn is None and t._requires_grad:
            ref = self._params.get(id(t))
            if ref is None or ref() is not t:
                self._params[id(t)] = weakref.ref(t)
        how = How(Update.DATA_LR if lr is not None else Update.DATA)
        self._update(t, p.old, new, lr, g, how)

    def _inplace(self, p):
        t = p.tensor
        op = p.op
        if p.grad_enabled and t.grad_fn is not None and self.full:
            self._inplace_in_graph(t)
        n_before = len(self.events)
        try:
            self._inplace_kind(t, op, p)
        finally:
            # (array, old copy, op, handled) for a following ``.data = `` of the same array
            self._last_inplace = (
                t._data,
                copy(p.old) if p.old is not None else None,
                op,
                len(self.events) != n_before or id(t) in self._suppress,
            )

    def _inplace_in_graph(self, t):
        """``p.sigmoid_()`` recorded in the graph: the op ran on a copy of ``p``'s old
        value; it reads ``p`` as it was, and ``p`` is its result from now on (so the
        picture says ``p = sigmoid(p)``, then uses that ``p``)."""
        node = t.grad_fn
        e = self._fmap.get(id(node))
        old = self._tmap.get(id(t))
        if e is None or e[0]() is not node or old is None or old[0]() is not t:
            return
        ro = self.ops[e[1]]
        if ro.out is None or ro.out == old[1]:
            return
        if ro.inputs and ro.inputs[0][0] == "t":
            first = self.tensors[ro.inputs[0][1]]
            if first.name is None and first.producer is None:  # the copy of the old value
                ro.inputs[0] = ("t", old[1])
        self._tmap[id(t)] = (weakref.ref(t), ro.out)
        self._scan_names()

    def _inplace_kind(self, t, op, p):
        go = t._grad_owner() if t._grad_owner is not None else None
        if go is not None and go._grad is t:
            kind, leaf, direct = "grad", go, True
        else:
            kind, leaf = self._param_of_array(t._data)
            direct = leaf is t
        if kind == "grad":
            if op == "zero_":
                self._zero([leaf], How(Zeroing.GRAD_ZERO if direct else Zeroing.GRAD_DATA_ZERO))
            return
        if kind == "data":
            lr = g = None
            lp = self._last_prov
            if op in ("sub_", "add_") and lp is not None:
                lr, g = self._lr_grad(("prov", lp), leaf)
                if lr is None and lp.op in ("sub", "add") and len(lp.descs) == 2:
                    # the engine computed ``w - v`` then copied it in: look at ``v``
                    lr, g = self._lr_grad(lp.descs[1], leaf)
                if lr is not None and op == "add_":
                    lr = -lr
            kind = Update.INPLACE_LR if lr is not None else Update.INPLACE
            self._update(
                leaf, p.old, p.new, lr, g, How(kind if direct else Update.DATA_INPLACE, op)
            )
            return

    def _grad_set(self, p):
        t = p.tensor
        if p.new is None and p.old is not None:
            self._zero([t], How(Zeroing.GRAD_NONE))

    def _detach_(self, p):
        t = p.tensor
        c = self._cands.pop(id(t), None)
        if c is None or c[0]() is not t:
            rid = self._known(t)
            if rid is not None and self.full:
                self.tensors[rid].detached = True
            if not self.full or (rid is None and not t._requires_grad and t.grad_fn is None):
                return
            # not part of an update: a frame of its own, the tensor leaves the graph
            # (phase "update", detail code "detach_"; see CONTRIBUTING)
            self._scan_names()
            if rid is None:
                rid = self._tid(t)
            info = {
                "was_leaf": t.grad_fn is None,
                "grad_fn": type(t.grad_fn).__name__ if t.grad_fn is not None else "",
                "requires_grad": bool(t._requires_grad),
                "then_requires_grad": False,
            }
            grad = copy(t._grad) if t.grad_fn is None and t._grad is not None else None
            self._add(
                RUpdate(self.it, rid, copy(t), copy(t), None, grad, How(Update.DETACH), None, info)
            )
            return
        _, param, lr, g, op_rid = c
        prid = self._known(param)
        if prid is None and self.full:
            prid = self._tid(param)
        if self.full and prid is not None:
            old = param._data
            self._scan_names()
            how = How(Update.REBIND)
            self._add(RUpdate(self.it, prid, copy(old), copy(t._data), lr, g, how, op_rid))
            if op_rid is not None:
                self.ops[op_rid].folded = True
                self.tensors[self.ops[op_rid].out].alias = prid
        if prid is not None:
            self._tmap[id(t)] = (weakref.ref(t), prid)
        self._params[id(t)] = weakref.ref(t)
        self._trains(t)  # the new leaf continues the parameter it replaces

    def _requires_grad_(self, p):
        t = p.tensor
        if self.events and t._requires_grad:
            ev = self.events[-1]
            if (
                isinstance(ev, RUpdate)
                and ev.how.kind is Update.DETACH
                and ev.rid == self._known(t)
            ):
                ev.info["then_requires_grad"] = True  # ``t.detach_().requires_grad_(True)``
        if t.grad_fn is None and t._requires_grad:
            self._params.setdefault(id(t), weakref.ref(t))

    def _optim_step(self, p):
        params = p.params or []
        lr = p.lr
        opt = p.optimizer
        # updates the optimizer made through ordinary tensor code before this event
        ids = {id(t) for t, *_ in params}
        for t, *_ in params:
            self._trains(t)
        self._drop_trailing(RUpdate, ids)
        self._after_backward = True
        if self.full:
            self._scan_names()
            for t, old, new, g in params:
                rid = self._tid(t)
                lr_ = None if lr is None else float(lr)
                how = How(Update.OPTIM, type(opt).__name__)
                self._add(RUpdate(self.it, rid, copy(old), copy(new), lr_, copy(g), how))
        self._suppress = set(ids)

    def _zero_grad(self, p):
        params = list(p.params or [])
        owner = p.owner
        ids = {id(t) for t in params}
        self._drop_trailing(RZeroGrad, ids)
        kind = Zeroing.OPTIMIZER if "optim" in type(owner).__module__ else Zeroing.MODULE
        self._suppress.clear()
        how = How(kind, "none" if p.set_to_none is not False else "zero")
        self._zero(params, how, self._name_of(owner) or type(owner).__name__)
        self._suppress = set(ids)

    def _drop_trailing(self, kind, ids):
        rids = {self._known_id(i) for i in ids} - {None}
        while self.events and isinstance(self.events[-1], kind):
            ev = self.events[-1]
            if ev.how.by_owner:
                break  # a previous optimizer / module call: a frame of its own
            targets = ev.tensors()
            if set(targets) <= rids:
                self.events.pop()
            else:
                break

    def _update_candidate(self, inputs):
        """``W - lr * W.grad`` built with grad on: (W, lr, grad) or None."""
        if len(inputs) != 2 or not all(isinstance(x, Tensor) for x in inputs):
            return None
        a, b = inputs
        if not (a.grad_fn is None and a._requires_grad):
            return None
        d = self._desc(b)
        if not self._gradish(d):
            return None
        lr, g = self._lr_grad(d, a)
        return (a, lr, g if g is not None else copy(a._grad))
