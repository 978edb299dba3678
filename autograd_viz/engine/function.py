"""``Function``: one small class per op, whose instance is both ctx and graph node.

A subclass is named as PyTorch names the node (``MulBackward0``) and gives

* ``forward(ctx, *arrays, **kw) -> ndarray``: numpy in, numpy out;
* ``backward(ctx, grad) -> tuple``: one gradient per positional input (``None`` where
  the input needs none).  Formulas are written with operators and the helpers in
  :mod:`autograd_viz.engine.functional_array`, so they run on ndarrays in a plain
  backward and on Tensors when ``create_graph=True`` (higher derivatives);
* ``op`` (short name), ``symbol`` (how captions write it) and ``formula``
  (the local derivatives in words/maths, for captions).

Positional inputs are the node's input *slots*: each becomes one entry of
``next_functions`` (``(None, 0)`` for a Python number or a tensor that needs no
grad), exactly as PyTorch builds them.  Non-tensor arguments go in keywords.
"""

from __future__ import annotations

import weakref

from . import events
from .grad_mode import STATE

_SECOND_BACKWARD = (
    "Trying to backward through the graph a second time (or directly access saved "
    "tensors after they have already been freed). Saved intermediate values of the "
    "graph are freed when you call .backward() or autograd.grad(). Specify "
    "retain_graph=True if you need to backward through the graph a second time or if "
    "you need to access saved tensors after calling backward."
)

_seq_counter = [0]


def _next_seq() -> int:
    _seq_counter[0] += 1
    return _seq_counter[0]


class Function:
    """Base class of every graph node (``grad_fn``)."""

    op: str = "?"
    symbol: str = "?"
    formula: str = ""
    #: set by ``Function.apply``; read by the backward engine and the recorder
    next_functions: tuple = ()

    # Tensor is injected by tensor.py (avoids an import cycle).
    _Tensor = None

    # ------------------------------------------------------------------ graph building
    @classmethod
    def apply(cls, *inputs, **kwargs):
        Tensor = cls._Tensor
        arrays = [x._data if isinstance(x, Tensor) else x for x in inputs]
        needs_grad = False
        if STATE.enabled:
            for x in inputs:
                if isinstance(x, Tensor) and x.requires_grad:
                    needs_grad = True
                    break
        ctx = cls.__new__(cls)
        ctx._inputs = inputs if needs_grad else ()
        ctx._arrays = arrays
        ctx._saved = None
        out_arr = cls.forward(ctx, *arrays, **kwargs)
        ctx._arrays = None
        if needs_grad:
            out = Tensor._make(out_arr, True, ctx)
            ctx.next_functions = tuple(_edge(x, Tensor) for x in inputs)
            ctx._seq = _next_seq()
            ctx._freed = False
            ctx._out_ref = weakref.ref(out)
            if ctx._saved is not None:
                ctx._bind_saved(out)
        else:
            out = Tensor._make(out_arr, False, None)
            ctx = None
        if events.LISTENERS:
            events.emit("forward", node=ctx, op=cls.op, cls=cls, inputs=inputs,
                        output=out, kwargs=kwargs)
        return out

    # ------------------------------------------------------------------ saved tensors
    def save_for_backward(self, *arrays) -> None:
        """Save values needed by ``backward``; inputs and the output are tracked so
        that an in-place change before backward is detected (version counter)."""
        self._saved = arrays

    def _bind_saved(self, out) -> None:
        inputs, arrays = self._inputs, None
        bound = []
        Tensor = self._Tensor
        for a in self._saved:
            src = None
            for x in inputs:
                if isinstance(x, Tensor) and x._data is a:
                    src = x
                    break
            if src is None and a is out._data:
                # the output: held weakly to avoid a reference cycle out -> node -> out
                bound.append((None, a, out._version[0], weakref.ref(out), out._version))
            elif src is not None:
                bound.append((src, a, src._version[0], None, src._version))
            else:
                bound.append((None, a, None, None, None))
        del arrays
        self._saved = tuple(bound)

    @property
    def saved_tensors(self):
        """The saved values: ndarrays, or Tensors while building a graph of the grads."""
        if self._freed:
            raise RuntimeError(_SECOND_BACKWARD)
        saved = self._saved
        if saved is None:
            return ()
        as_tensors = getattr(self, "_graph_mode", False)
        out = []
        for src, arr, version, ref, vbox in saved:
            if vbox is not None and vbox[0] != version:
                owner = src if src is not None else ref()
                raise RuntimeError(_version_message(owner, arr, self, vbox[0], version))
            if as_tensors:
                t = src if src is not None else (ref() if ref is not None else None)
                out.append(t if t is not None else self._Tensor._make(arr, False, None))
            else:
                out.append(arr)
        return tuple(out)

    def _release(self) -> None:
        """Free saved values (backward without ``retain_graph``)."""
        if self._saved is not None:
            self._saved = None
            self._freed = True

    @property
    def saves_values(self) -> bool:
        return self._saved is not None or getattr(self, "_freed", False)

    # ------------------------------------------------------------------ PyTorch surface
    def name(self) -> str:
        return type(self).__name__

    def __repr__(self) -> str:
        return f"<{type(self).__name__} object at {hex(id(self))}>"

    def register_hook(self, fn):
        """``fn(grad_inputs, grad_outputs)`` after this node ran (PyTorch's node hook)."""
        hooks = self.__dict__.setdefault("_node_hooks", [])
        hooks.append(fn)
        return _ListHandle(hooks, fn)

    def register_prehook(self, fn):
        hooks = self.__dict__.setdefault("_node_prehooks", [])
        hooks.append(fn)
        return _ListHandle(hooks, fn)

    @property
    def metadata(self) -> dict:
        return self.__dict__.setdefault("_metadata", {})

    # subclasses
    @staticmethod
    def forward(ctx, *args, **kwargs):  # pragma: no cover - abstract
        raise NotImplementedError

    @staticmethod
    def backward(ctx, grad):  # pragma: no cover - abstract
        raise NotImplementedError


class AccumulateGrad(Function):
    """The node that adds an incoming gradient into a leaf's ``.grad``."""

    op = "accumulate"
    symbol = "+="
    formula = "leaf.grad += incoming grad"

    def __init__(self, variable):
        self.variable = variable
        self.next_functions = ()
        self._seq = _next_seq()
        self._freed = False
        self._saved = None

    def name(self) -> str:
        return "torch::autograd::AccumulateGrad"


class _ListHandle:
    __slots__ = ("_list", "_item")

    def __init__(self, lst, item):
        self._list, self._item = lst, item

    def remove(self) -> None:
        try:
            self._list.remove(self._item)
        except ValueError:
            pass


def _edge(x, Tensor):
    if isinstance(x, Tensor) and x.requires_grad:
        if x.grad_fn is not None:
            return (x.grad_fn, 0)
        return (x._get_accumulator(), 0)
    return (None, 0)


def _version_message(owner, arr, node, now, expected) -> str:
    from .dtypes import type_name

    shape = ", ".join(str(d) for d in arr.shape)
    what = f"[{type_name(arr.dtype)} [{shape}]]"
    if owner is not None and owner.grad_fn is not None:
        where = f", which is output 0 of {owner.grad_fn.name()},"
    else:
        where = ""
    return (
        "one of the variables needed for gradient computation has been modified by an "
        f"inplace operation: {what}{where} is at version {now}; expected version "
        f"{expected} instead. Hint: enable anomaly detection to find the operation that "
        "failed to compute its gradient, with torch.autograd.set_detect_anomaly(True)."
    )
