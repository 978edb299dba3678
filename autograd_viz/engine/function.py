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

A gradient a node returns need not have the input's shape or dtype: the backward
engine sums it to the receiving node's shape and casts it to its dtype, as
PyTorch's engine does (``validate_outputs``).
"""

from __future__ import annotations

import contextlib
import re
import weakref

import numpy as np

from . import events
from . import views as _views
from .grad_mode import STATE
from .shown import ShownAs

_SECOND_BACKWARD = (
    "Trying to backward through the graph a second time (or directly access saved "
    "tensors after they have already been freed). Saved intermediate values of the "
    "graph are freed when you call .backward() or autograd.grad(). Specify "
    "retain_graph=True if you need to backward through the graph a second time or if "
    "you need to access saved tensors after calling backward."
)

_seq_counter = [0]
_NO_GRAD_NEEDS = (False,) * 16
_ndarray = np.ndarray
_asarray = np.asarray
_new = object.__new__
_NONE_EDGE = (None, 0)
_ONE_SLOT = object()  # ``_record``'s ``b`` for a node of one slot
_TRUE1 = (True,)
_ENGINE = __name__.rpartition(".")[0] + "."  # autograd_viz.engine.
_PACKAGE = __name__.partition(".")[0] + "."  # autograd_viz.
_LISTENERS = events.LISTENERS  # the list itself (mutated in place, never rebound)
_Tensor = None  # the Tensor class, set by tensor.py


def _next_seq() -> int:
    _seq_counter[0] += 1
    return _seq_counter[0]


class Local:
    """The local derivative of a Function's output with respect to one input slot,
    declared once per op (``Function.local``) and read by the recorder's captions and
    inspector (the engine itself never reads it).

    ``text``: a formula with ``{0}``, ``{1}``, ... for the operands as the learner named
    them and ``{out}`` for the result (the recorder fills them in, adding parentheses
    where precedence needs them), or ``text(kwargs) -> str`` when it depends on a
    non-tensor argument (``pow``'s exponent).
    ``value(ins, out, kw)``: the derivative's value from the op's inputs (``ins``: one
    ndarray or Python number per slot), its output and its keyword arguments; it
    broadcasts against the output (the gradient arriving times it, summed down to the
    input's shape, is what the input receives).
    ``rule=True``: ``text`` is the chain rule written with ``G`` (the gradient
    arriving), for ops that are not elementwise (``G @ {1}ᵀ``, ``G reshaped back``);
    ``value`` is then ``None``: what the input receives is shown as computed.
    ``zh``: the same text in Chinese when ``text`` has words, not only maths (or give
    ``text`` as a pair ``("words", "中文")``).
    ``{0:r}`` puts a name in as is (no parentheses: after a word, ``of {0:r}``).
    """

    __slots__ = ("rule", "text", "value", "zh")

    def __init__(self, text, value=None, rule=False, zh=None):
        if isinstance(text, tuple):  # ("words", "同样的话"): English and Chinese
            text, zh = text
        self.text, self.value, self.rule, self.zh = text, value, rule, zh

    def __repr__(self) -> str:
        return f"Local({self.text!r}{', rule=True' if self.rule else ''})"


class Function(metaclass=ShownAs):
    """Base class of every graph node (``grad_fn``).

    Instance fields set by :meth:`apply` when a graph is recorded:
    ``next_functions`` (tuple of ``(node or None, 0)``), ``needs_input_grad``,
    ``_seq`` (creation order), ``_shape`` / ``_dtype`` (of the output),
    ``_saved`` / ``_saved_meta`` (saved values and their version counters),
    ``_freed``, ``_out_ref`` (weak reference to the output, or ``None``).
    """

    op: str = "?"
    symbol: str = "?"
    formula: str = ""
    #: the local derivative per input slot (:class:`Local`); the last entry serves any
    #: further slots (``cat`` of many tensors)
    local: tuple = ()
    #: PyTorch's node is a view (``TBackward0``, ``ViewBackward0``...): the output
    #: shares memory and the version counter with the input.
    is_view = False
    next_functions: tuple = ()
    _graph_mode = False
    _saved = None
    _saved_meta = None
    _freed = False
    _out_ref = None
    _tensor_hooks = None  # hooks registered on the tensor this node produced
    _retain_ref = None  # weakref to that tensor when it called retain_grad()
    _node_hooks = None
    _has_pre = False  # some tensor hook or retain_grad must run before this node
    #: the backward loop must look closer at this node (an ``AccumulateGrad``, or a
    #: node with hooks or ``retain_grad``); plain op nodes just run ``backward``
    _slow = False
    _node_prehooks = None
    #: a node with several outputs (``split``, ``unbind``, a custom Function returning
    #: several tensors): its outputs' tensors carry ``_output_nr``, edges to it are
    #: ``(node, output_nr)``, ``backward`` gets one gradient per output (a list, ``None``
    #: where none arrived), ``_out_shapes`` / ``_out_dtypes`` per output, and
    #: ``_tensor_hooks`` / ``_retain_ref`` / ``_out_refs`` are dicts by output number
    _multi = False
    _out_refs = None
    #: ``graph_backward(ctx, grad)`` used instead of ``backward`` while a graph of the
    #: gradients is recorded (``create_graph=True``): the gradient as ONE node named as
    #: PyTorch's backward op (``TanhBackwardBackward0``...; see ``ops/double.py``)
    _graph_backward = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__module__.startswith(_PACKAGE) and "_torch_class" not in cls.__dict__:
            cls._torch_class = cls.__name__  # PyTorch's nodes print bare: <class 'MulBackward0'>
        if "_slow" not in cls.__dict__ and not cls.__module__.startswith(_ENGINE):
            # a user-defined Function: its backward may look at anything (leaves'
            # ``.grad`` too), so the backward loop treats it with care
            cls._slow = True

    # ------------------------------------------------------------------ graph building
    @classmethod
    def apply(cls, *inputs, **kwargs):
        """Run ``forward`` on the inputs' arrays; record a node if a grad is needed."""
        if _LISTENERS or not STATE.enabled or len(inputs) != 2:
            if _LISTENERS:
                return _apply_general(cls, inputs, kwargs)
            if not STATE.enabled:  # no_grad: the arrays in, a plain tensor out
                return _apply_nograd(cls, inputs, kwargs)
            n = len(inputs)
            if n == 1:
                return _apply1(cls, inputs[0], kwargs)
            if n == 3:
                return _apply3(cls, inputs, kwargs)
            return _apply_n(cls, inputs, kwargs)
        # fast path: two slots, grad mode on, nobody listening
        T = _Tensor
        a, b = inputs
        if isinstance(a, T):
            xa = a._data
            ra = a._requires_grad
        else:
            xa = a
            ra = False
        if isinstance(b, T):
            xb = b._data
            rb = b._requires_grad
        else:
            xb = b
            rb = False
        if not (ra or rb):
            return _apply_nograd(cls, inputs, kwargs)
        ctx = _new(cls)
        ctx.needs_input_grad = (ra, rb)
        out_arr = cls.forward(ctx, xa, xb, **kwargs) if kwargs else cls.forward(ctx, xa, xb)
        if out_arr.__class__ is not _ndarray:
            out_arr = _asarray(out_arr)
        out = _record(ctx, out_arr, out_arr.shape, a, b, ra, rb)
        saved = ctx._saved
        if saved is not None:
            vbox = out._vbox
            meta = []
            for i, s in enumerate(saved):
                if s.__class__ is _ndarray:
                    if s is out_arr:
                        meta.append((i, vbox, 0, None))
                    elif s is xa and xa.__class__ is _ndarray and isinstance(a, T):
                        meta.append((i, a._vbox, a._vbox[0], a))
                    elif s is xb and xb.__class__ is _ndarray and isinstance(b, T):
                        meta.append((i, b._vbox, b._vbox[0], b))
            ctx._saved_meta = meta
        if cls.is_view:
            _make_view(out, a)
        return out

    # ------------------------------------------------------------------ saved tensors
    def save_for_backward(self, *values) -> None:
        """Save values needed by ``backward`` (arrays, numbers or ``None``).  Arrays that
        are an input's or the output's data are tracked by their version counter, so an
        in-place change before backward is detected, as in PyTorch."""
        self._saved = values

    def _bind_saved(self, inputs, out) -> None:
        """Remember the version of every saved array that is an input's or the output's
        data: ``(index, version box, version, input tensor or None)``."""
        T = _Tensor
        meta = []
        out_arr = out._data
        for i, a in enumerate(self._saved):
            if a is None or type(a) is not _ndarray:
                continue
            if a is out_arr:
                meta.append((i, out._vbox, out._vbox[0], None))
                continue
            for x in inputs:
                if isinstance(x, T) and x._data is a:
                    meta.append((i, x._vbox, x._vbox[0], x))
                    break
        self._saved_meta = meta

    @property
    def saved_tensors(self):
        """The saved values: ndarrays, or Tensors while building a graph of the grads."""
        saved = self._saved
        if saved is None:
            if self._freed:
                raise RuntimeError(_SECOND_BACKWARD)
            return ()
        meta = self._saved_meta
        if meta:
            for i, vbox, version, src in meta:
                if vbox[0] != version:
                    # PyTorch names the node that made the saved tensor: for an input,
                    # its grad_fn now; for this node's own output, this node
                    fn = src._grad_fn if src is not None else self
                    raise RuntimeError(_version_message(fn, saved[i], vbox[0], version))
        if not self._graph_mode:
            return saved
        T = _Tensor
        out = [a if type(a) is not _ndarray else T._make(a, False, None) for a in saved]
        for i, _vbox, _version, src in meta or ():
            # an input is itself; this node's output is a tensor whose grad_fn is this
            # node (as PyTorch unpacks a saved output)
            out[i] = src if src is not None else T._make(saved[i], True, self)
        return tuple(out)

    def _release(self) -> None:
        """Free saved values (backward without ``retain_graph``)."""
        # ``_saved_meta`` stays (no cost on the backward path): it names the input
        # tensors the values came from, so a drawing after ``backward()`` still shows
        # every input (``x`` of ``x * w``); backward never reads it once freed (it raises
        # first)
        self._saved = None
        self._freed = True

    # ------------------------------------------------------------------ PyTorch surface
    def name(self) -> str:
        return type(self).__name__

    def __call__(self, *grads):
        """``z.grad_fn(grad)``: this node's backward alone, on ``grad`` (one per output), as
        PyTorch's node call: the gradients for its inputs (a tuple when it has several;
        ``None`` for an input that needs none), recorded in a graph while grad mode is on."""
        from .tensor import Tensor

        n_out = len(self._out_shapes) if self._multi else 1
        if len(grads) != n_out:
            raise TypeError(
                f"{type(self).__name__}.__call__ takes {n_out} gradient(s), got {len(grads)}"
            )
        gs = [
            None if g is None else g if isinstance(g, Tensor) else Tensor._make(np.asarray(g))
            for g in grads
        ]
        self._graph_mode = True
        try:
            gb = self._graph_backward or self.backward
            out = gb(self, gs if self._multi else gs[0])
        finally:
            self._graph_mode = False
        if type(out) is not tuple:
            out = (out,)
        out = tuple(
            None if x is None else x if isinstance(x, Tensor) else Tensor._make(np.asarray(x))
            for x in out
        ) + (None,) * (len(self.next_functions) - len(out))
        return out[0] if len(out) == 1 else out

    def __repr__(self) -> str:
        return f"<{type(self).__name__} object at {hex(id(self))}>"

    def register_hook(self, fn):
        """``fn(grad_inputs, grad_outputs)`` after this node ran (PyTorch's node hook)."""
        if self._node_hooks is None:
            self._node_hooks = []
        self._slow = True
        hooks = self._node_hooks
        hooks.append(fn)
        return _ListHandle(hooks, fn)

    def register_prehook(self, fn):
        """``fn(grad_outputs)`` before this node runs; may return replacement grads."""
        if self._node_prehooks is None:
            self._node_prehooks = []
        self._has_pre = True  # run by the backward loops' _run_pre_hooks
        self._slow = True
        if isinstance(self, AccumulateGrad):  # its timing is observable: PyTorch's order
            from . import backward

            backward.HOOKED_LEAVES.add(self)
        hooks = self._node_prehooks
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

    @classmethod
    def local_for(cls, slot):
        """The :class:`Local` declared for input ``slot`` (``None`` if none)."""
        loc = cls.local
        if not loc:
            return None
        return loc[slot] if slot < len(loc) else loc[-1]


class AccumulateGrad(Function):
    """The node that adds an incoming gradient into a leaf's ``.grad``."""

    op = "accumulate"
    symbol = "+="
    formula = "leaf.grad += incoming grad"
    _slow = True
    _post_hooks = None  # (``register_post_accumulate_grad_hook``: run after accumulating)

    def __init__(self, variable):
        self.variable = variable
        self.next_functions = ()
        self.needs_input_grad = ()
        self._seq = _next_seq()
        self._shape = variable._data.shape
        self._dtype = variable._data.dtype

    def name(self) -> str:
        return "torch::autograd::AccumulateGrad"


def _record(ctx, out_arr, shape, a=None, b=_ONE_SLOT, ra=True, rb=False, edges=None):
    """Record the node ``ctx`` and return its output, a tensor around ``out_arr`` that
    requires grad: the one place a node and its output are filled in (every path of
    ``apply``, and the Tensor operators' 0-d paths, which compute the value themselves).

    The node gets its ``next_functions`` (``edges``, or the edges of its inputs ``a``
    and ``b``, which require grad as ``ra`` and ``rb`` say; ``b`` left out for a node of
    one slot), the next sequence number, the output's ``shape`` (``out_arr.shape``, given
    by the caller: the 0-d paths know it is ``()``) and dtype.  An edge to a
    tensor that requires grad is ``(grad_fn, output_nr)`` (``output_nr``: which output
    of a multi-output node it is), or ``(AccumulateGrad, 0)`` for a leaf (made once, on
    first use, and cached on the leaf, as ``_edge_of`` does)."""
    if edges is None:
        if ra:
            fn = a._grad_fn
            ea = (a._accumulator or a._get_accumulator(), 0) if fn is None else (fn, a._output_nr)
        else:
            ea = _NONE_EDGE
        if rb:
            fn = b._grad_fn
            eb = (b._accumulator or b._get_accumulator(), 0) if fn is None else (fn, b._output_nr)
            edges = (ea, eb)
        else:
            edges = (ea,) if b is _ONE_SLOT else (ea, _NONE_EDGE)
    ctx.next_functions = edges
    seq = _seq_counter[0] + 1
    _seq_counter[0] = seq
    ctx._seq = seq
    ctx._shape = shape
    ctx._dtype = out_arr.dtype
    out = _new(_Tensor)
    out._data = out_arr
    out._grad = None
    out._requires_grad = True
    out._grad_fn = ctx
    out._vbox = [0]
    out._base = None
    out._accumulator = None
    return out


def _apply1(cls, x, kwargs):
    """``apply`` with one slot, grad mode on, nobody listening."""
    T = _Tensor
    if isinstance(x, T):
        xa = x._data
        r = x._requires_grad
    else:
        xa = x
        r = False
    if not r:
        return _apply_nograd(cls, (x,), kwargs)
    ctx = _new(cls)
    ctx.needs_input_grad = _TRUE1
    out_arr = cls.forward(ctx, xa, **kwargs) if kwargs else cls.forward(ctx, xa)
    if out_arr.__class__ is not _ndarray:
        out_arr = _asarray(out_arr)
    # (``_record``, inlined: this and ``_apply2`` are the engine's hottest lines)
    fn = x._grad_fn
    ctx.next_functions = (
        ((x._accumulator or x._get_accumulator(), 0) if fn is None else (fn, x._output_nr)),
    )
    seq = _seq_counter[0] + 1
    _seq_counter[0] = seq
    ctx._seq = seq
    ctx._shape = out_arr.shape
    ctx._dtype = out_arr.dtype
    out = _new(T)
    out._data = out_arr
    out._grad = None
    out._requires_grad = True
    out._grad_fn = ctx
    out._base = None
    out._accumulator = None
    if cls.is_view:  # shares the version counter; remembers the base
        out._vbox = vbox = x._vbox
        base = x._base
        out._base = x if base is None else base
        if x._view_mode is not None:  # a view of a view made under no_grad: views.py
            out._view_mode = x._view_mode
    else:
        out._vbox = vbox = [0]
    saved = ctx._saved
    if saved is not None:
        meta = []
        for i, s in enumerate(saved):
            if s is None:
                pass
            elif s is out_arr:
                meta.append((i, vbox, vbox[0], None))
            elif s is xa:
                v = x._vbox
                meta.append((i, v, v[0], x))
        ctx._saved_meta = meta
    return out


def _apply2(cls, a, b):
    """``cls.apply(a, b)`` for two Tensors and no keyword arguments, the Tensor
    operators' usual case (``x @ w``, ``h + b``): the same node and output, without
    ``apply``'s argument packing and type checks (``cls`` is not a view op)."""
    if _LISTENERS or not STATE.enabled:
        return cls.apply(a, b)
    ra = a._requires_grad
    rb = b._requires_grad
    if not (ra or rb):
        return _apply_nograd(cls, (a, b), _NO_KWARGS)
    xa = a._data
    xb = b._data
    ctx = _new(cls)
    ctx.needs_input_grad = (ra, rb)
    out_arr = cls.forward(ctx, xa, xb)
    if out_arr.__class__ is not _ndarray:
        out_arr = _asarray(out_arr)
    # (``_record``, inlined)
    if ra:
        fn = a._grad_fn
        ea = (a._accumulator or a._get_accumulator(), 0) if fn is None else (fn, a._output_nr)
    else:
        ea = _NONE_EDGE
    if rb:
        fn = b._grad_fn
        eb = (b._accumulator or b._get_accumulator(), 0) if fn is None else (fn, b._output_nr)
    else:
        eb = _NONE_EDGE
    ctx.next_functions = (ea, eb)
    seq = _seq_counter[0] + 1
    _seq_counter[0] = seq
    ctx._seq = seq
    ctx._shape = out_arr.shape
    ctx._dtype = out_arr.dtype
    vbox = [0]
    out = _new(_Tensor)
    out._data = out_arr
    out._grad = None
    out._requires_grad = True
    out._grad_fn = ctx
    out._vbox = vbox
    out._base = None
    out._accumulator = None
    saved = ctx._saved
    if saved is not None:
        meta = []
        for i, s in enumerate(saved):  # (the output's first, as ``apply`` checks)
            if s is None:
                pass
            elif s is out_arr:
                meta.append((i, vbox, 0, None))
            elif s is xa:
                v = a._vbox
                meta.append((i, v, v[0], a))
            elif s is xb:
                v = b._vbox
                meta.append((i, v, v[0], b))
        ctx._saved_meta = meta
    return out


def _apply1t(cls, x, kwargs=None):
    """``cls.apply(x, **kwargs)`` for a Tensor ``x``, the Tensor methods' usual case
    (``z.tanh()``, ``loss.mean()``, ``d ** 2``): ``_apply1`` without ``apply``'s
    packing; the general ``apply`` when someone listens or grad mode is off."""
    if _LISTENERS or not STATE.enabled:
        return cls.apply(x, **kwargs) if kwargs else cls.apply(x)
    return _apply1(cls, x, kwargs or _NO_KWARGS)


_NO_KWARGS: dict = {}


def _edge_of(x):
    """The ``next_functions`` entry for a tensor that requires grad: its ``grad_fn``
    (and which of its outputs ``x`` is), else its (cached) ``AccumulateGrad``."""
    fn = x._grad_fn
    if fn is None:
        return (x._accumulator or x._get_accumulator(), 0)
    return (fn, x._output_nr)


def _apply3(cls, inputs, kwargs):
    """``apply`` with three slots (``addmm``), grad mode on, nobody listening."""
    T = _Tensor
    a, b, c = inputs
    ta, tb, tc = isinstance(a, T), isinstance(b, T), isinstance(c, T)
    xa = a._data if ta else a
    xb = b._data if tb else b
    xc = c._data if tc else c
    ra = ta and a._requires_grad
    rb = tb and b._requires_grad
    rc = tc and c._requires_grad
    if not (ra or rb or rc):
        return _apply_n(cls, inputs, kwargs)
    ctx = _new(cls)
    ctx.needs_input_grad = (ra, rb, rc)
    out_arr = cls.forward(ctx, xa, xb, xc, **kwargs) if kwargs else cls.forward(ctx, xa, xb, xc)
    if out_arr.__class__ is not _ndarray:
        out_arr = _asarray(out_arr)
    edges = (
        _edge_of(a) if ra else _NONE_EDGE,
        _edge_of(b) if rb else _NONE_EDGE,
        _edge_of(c) if rc else _NONE_EDGE,
    )
    out = _record(ctx, out_arr, out_arr.shape, edges=edges)
    saved = ctx._saved
    if saved is not None:
        vbox = out._vbox
        meta = []
        for i, s in enumerate(saved):
            if s.__class__ is _ndarray:
                if s is out_arr:
                    meta.append((i, vbox, 0, None))
                elif s is xa and ta:
                    meta.append((i, a._vbox, a._vbox[0], a))
                elif s is xb and tb:
                    meta.append((i, b._vbox, b._vbox[0], b))
                elif s is xc and tc:
                    meta.append((i, c._vbox, c._vbox[0], c))
        ctx._saved_meta = meta
    if cls.is_view:
        _make_view(out, a)
    return out


def _apply_n(cls, inputs, kwargs):
    """``apply`` with any number of slots, grad mode on, nobody listening."""
    T = _Tensor
    arrays = []
    needs = []
    edges = []
    grad = False
    for x in inputs:
        if isinstance(x, T):
            arrays.append(x._data)
            if x._requires_grad:
                needs.append(True)
                grad = True
                edges.append(_edge_of(x))
                continue
        else:
            arrays.append(x)
        needs.append(False)
        edges.append(_NONE_EDGE)
    if not grad:
        return _apply_nograd(cls, inputs, kwargs)
    ctx = _new(cls)
    ctx.needs_input_grad = tuple(needs)
    out_arr = cls.forward(ctx, *arrays, **kwargs)
    if out_arr.__class__ is not _ndarray:
        out_arr = _asarray(out_arr)
    out = _record(ctx, out_arr, out_arr.shape, edges=tuple(edges))
    saved = ctx._saved
    if saved is not None:
        vbox = out._vbox
        meta = []
        for i, s in enumerate(saved):
            if s.__class__ is _ndarray:
                if s is out_arr:
                    meta.append((i, vbox, 0, None))
                else:
                    for x in inputs:
                        if isinstance(x, T) and x._data is s:
                            meta.append((i, x._vbox, x._vbox[0], x))
                            break
        ctx._saved_meta = meta
    if cls.is_view:
        _make_view(out, inputs[0])
    return out


def _apply_nograd(cls, inputs, kwargs):
    """``apply`` with nobody listening when no node is recorded (under ``no_grad``, or
    no input requires grad): the output is a plain tensor (a view of the first input for
    a view op)."""
    T = _Tensor
    ctx = _new(cls)
    ctx.needs_input_grad = _NO_GRAD_NEEDS
    out_arr = cls.forward(ctx, *[x._data if isinstance(x, T) else x for x in inputs], **kwargs)
    if out_arr.__class__ is not _ndarray:
        out_arr = _asarray(out_arr)
    out = T._make(out_arr)
    if cls.is_view:
        _make_view(out, inputs[0])
    return out


def _apply_general(cls, inputs, kwargs):
    """``apply`` in every case (events emitted when someone listens)."""
    T = _Tensor
    ctx = _new(cls)
    arrays = []
    grad = False
    if STATE.enabled:
        needs = []
        for x in inputs:
            if isinstance(x, T):
                arrays.append(x._data)
                if x._requires_grad:
                    needs.append(True)
                    grad = True
                else:
                    needs.append(False)
            else:
                arrays.append(x)
                needs.append(False)
        ctx.needs_input_grad = tuple(needs) if grad else _NO_GRAD_NEEDS
    else:
        for x in inputs:
            arrays.append(x._data if isinstance(x, T) else x)
        ctx.needs_input_grad = _NO_GRAD_NEEDS
    out_arr = cls.forward(ctx, *arrays, **kwargs)
    if type(out_arr) is not _ndarray:
        out_arr = _asarray(out_arr)
    if grad:
        edges = tuple(_edge_of(x) if r else _NONE_EDGE for x, r in zip(inputs, needs, strict=False))
        out = _record(ctx, out_arr, out_arr.shape, edges=edges)
        if ctx._saved is not None:
            ctx._bind_saved(inputs, out)
        if _LISTENERS:
            ctx._out_ref = weakref.ref(out)
    else:
        out = T._make(out_arr, False, None)
        ctx = None
    if cls.is_view:
        _make_view(out, inputs[0])
    if _LISTENERS:
        events.emit(
            "forward", node=ctx, op=cls.op, cls=cls, inputs=inputs, output=out, kwargs=kwargs
        )
    return out


class _ListHandle:
    """What ``register_hook`` returns: ``remove()`` takes the hook out; shown, and usable
    as a context manager, as PyTorch's ``torch.utils.hooks.RemovableHandle``."""

    __slots__ = ("_item", "_list")

    def __init__(self, lst, item):
        self._list, self._item = lst, item

    def remove(self) -> None:
        with contextlib.suppress(ValueError):
            self._list.remove(self._item)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.remove()


_ListHandle.__name__ = _ListHandle.__qualname__ = "RemovableHandle"
_ListHandle.__module__ = "torch.utils.hooks"


def _make_view(out, base):
    """``out`` is a view of ``base``: share the version counter, remember the base (and,
    made under no_grad / inference_mode of a tensor that requires grad or of such a view,
    how: ``views.mark``)."""
    out._vbox = base._vbox
    root = base._base
    out._base = root = base if root is None else root
    if (root._requires_grad and not STATE.enabled) or base._view_mode is not None:
        _views.mark(out, base)


_BACKWARD_SUFFIX = re.compile(r"Backward\d*$")


def _version_message(fn, arr, now, expected, output_nr=0) -> str:
    from .dtypes import type_name

    shape = ", ".join(str(d) for d in arr.shape)
    what = f"[{type_name(arr.dtype)} [{shape}]]"
    where = ""
    if fn is not None:
        where = f", which is output {output_nr} of {_BACKWARD_SUFFIX.sub('', fn.name())},"
    return (
        "one of the variables needed for gradient computation has been modified by an "
        f"inplace operation: {what}{where} is at version {now}; expected version "
        f"{expected} instead. Hint: enable anomaly detection to find the operation that "
        "failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, "
        "check_nan=False)."
    )
