"""``torch.autograd.Function``: custom autograd functions exactly as PyTorch defines them.

A user subclass gives ``forward(ctx, *args)`` (or ``forward(*args)`` plus
``setup_context(ctx, inputs, output)``) and ``backward(ctx, *grads)``; both receive and
return Tensors.  ``Fn.apply(*args)`` runs ``forward`` with grad mode off and, when an
input requires grad, makes the outputs non-leaves whose ``grad_fn`` is the ctx: an
instance of ``<Fn>Backward``, a node of the engine (:mod:`autograd_viz.engine.function`)
whose ``backward`` converts the engine's arrays to Tensors, calls the user's
``backward`` and checks what it returns as PyTorch does (number of gradients, ``None``
for non-tensor inputs, shapes).  The engine's own ndarray ``Function`` and its fast paths
are untouched: the adapter node is one of the engine's "slow" (user-defined) nodes.

While a recording listens, the ops run inside the user's ``forward`` and ``backward``
are not shown: the recording sees one ``forward`` event whose node is the ``<Fn>Backward``
node (one op named by the class), and one ``backward_node`` event when it runs.

Several outputs (a tuple of more than one value): as in PyTorch, ONE node with an output
slot per position of the tuple; each differentiable tensor output's ``grad_fn`` is that
node and its ``output_nr`` its position (consumers' ``next_functions`` hold ``(node,
k)``).  The backward engine gathers one gradient per output and calls the user's
``backward`` once, with zeros for the tensor outputs that received none (``None`` after
``ctx.set_materialize_grads(False)``, and always ``None`` for non-tensor outputs).
"""

from __future__ import annotations

import functools
import warnings
import weakref

import numpy as np

from ..engine import backward as _backward_mod
from ..engine import events
from ..engine import forward_grad as _fg
from ..engine.function import Function as _Node
from ..engine.function import Local, _next_seq, _version_message
from ..engine.grad_mode import STATE
from ..engine.shown import ShownAs
from ..engine.tensor import Tensor

_LISTENERS = events.LISTENERS

__all__ = [
    "BackwardCFunction",
    "Function",
    "FunctionCtx",
    "InplaceFunction",
    "NestedIOFunction",
    "once_differentiable",
]


class _Quiet:
    """Silence the event listeners (a recording) while user code of a custom Function
    runs: its inner ops are not shown, the Function is one op."""

    __slots__ = ("saved",)

    def __enter__(self):
        self.saved = list(_LISTENERS)
        _LISTENERS.clear()

    def __exit__(self, *exc):
        _LISTENERS[:] = self.saved


class _GradMode:
    __slots__ = ("mode", "prev")

    def __init__(self, mode):
        self.mode = mode

    def __enter__(self):
        self.prev = STATE.enabled
        STATE.enabled = self.mode

    def __exit__(self, *exc):
        STATE.enabled = self.prev


def _shape_str(shape) -> str:
    return "[" + ", ".join(str(d) for d in shape) + "]"


def _expandable(shape, to) -> bool:
    """``shape`` can be expanded to ``to`` (PyTorch's ``is_expandable_to``)."""
    if len(shape) > len(to):
        return False
    return all(not (a != b and a != 1) for a, b in zip(reversed(shape), reversed(to), strict=False))


class FunctionCtx:
    """The methods a ``forward`` / ``setup_context`` / ``backward`` may call on ``ctx``."""

    def save_for_backward(self, *tensors) -> None:
        for i, t in enumerate(tensors):
            if t is not None and not isinstance(t, Tensor):
                raise TypeError(
                    "save_for_backward can only save variables, but argument "
                    f"{i} is of type {type(t).__name__}"
                )
        self._to_save = tensors

    def save_for_forward(self, *tensors) -> None:
        self._to_save_forward = tensors

    def mark_dirty(self, *args) -> None:
        self._dirty_tensors = args

    def mark_non_differentiable(self, *args) -> None:
        self._non_differentiable = args

    def set_materialize_grads(self, value: bool) -> None:
        self._materialize = bool(value)

    # PyTorch's older spelling
    def mark_shared_storage(self, *pairs):  # pragma: no cover - removed in PyTorch
        raise RuntimeError(
            "mark_shared_storage is deprecated. Tensors with shared storages are "
            "automatically tracked. Note that calls to `set_()` are not tracked"
        )


class BackwardCFunction(FunctionCtx, _Node):
    """The node (and ctx) of a custom Function: one subclass ``<Fn>Backward`` per user
    class, made by :class:`FunctionMeta`."""

    _slow = True
    local = (Local("what the class's own backward(ctx, G) returns", rule=True),)
    _forward_cls = None
    _materialize = True
    _to_save = None
    _dirty_tensors = ()
    _non_differentiable = ()
    _saved_out_nr = None  # per saved tensor: its output number if it is an output of this node
    _out_meta = ()  # per output of forward: (shape, dtype) or None (not a tensor)
    _n_args = 0
    _tensor_pos = ()  # positions of the tensor arguments (the node's input slots)

    def name(self) -> str:
        return type(self).__name__

    def __repr__(self) -> str:
        return f"<torch.autograd.function.{type(self).__name__} object at {hex(id(self))}>"

    # ------------------------------------------------------------------ saved tensors
    @property
    def saved_tensors(self):
        saved = self._saved
        if saved is None:
            if self._freed:
                raise RuntimeError(
                    "Trying to backward through the graph a second time (or directly "
                    "access saved tensors after they have already been freed). Saved "
                    "intermediate values of the graph are freed when you call "
                    ".backward() or autograd.grad(). Specify retain_graph=True if you "
                    "need to backward through the graph a second time or if you need "
                    "to access saved tensors after calling backward."
                )
            return ()
        tensors, versions = saved
        for i, (t, v) in enumerate(zip(tensors, versions, strict=False)):
            if t is not None and t._vbox[0] != v:
                nr = self._saved_out_nr[i] if self._saved_out_nr else None
                if nr is None:
                    raise RuntimeError(_version_message(t.grad_fn, t._data, t._vbox[0], v))
                raise RuntimeError(_version_message(self, t._data, t._vbox[0], v, nr))
        return tensors

    @property
    def saved_variables(self):
        warnings.warn("'saved_variables' is deprecated; use 'saved_tensors'", DeprecationWarning, 2)
        return self.saved_tensors

    # ------------------------------------------------------------------ the engine side
    @staticmethod
    def backward(node, grad):
        """Called by the backward engine: ``grad`` (ndarray, or a Tensor under
        ``create_graph``) is the gradient of this node's output."""
        ctx = node
        user_cls = type(node)._forward_cls
        given = grad if node._multi else (grad,)
        graph = any(isinstance(g, Tensor) for g in given)
        grads = []
        for g, meta in zip(given, ctx._out_meta, strict=True):
            if g is not None:
                grads.append(g if isinstance(g, Tensor) else Tensor._make(g, False, None))
            elif meta is None or not ctx._materialize:
                grads.append(None)
            else:
                grads.append(Tensor._make(np.zeros(meta[0], dtype=meta[1]), False, None))
        with _Quiet():
            result = user_cls.backward(ctx, *grads)
        return _check_grads(node, ctx, result, graph)


def _check_grads(node, ctx, result, graph):
    """PyTorch's checks of what a custom ``backward`` returned; the gradients of the
    tensor arguments (the node's slots), as arrays or (``create_graph``) Tensors."""
    name = type(node).__name__
    if not isinstance(result, tuple):
        result = (result,)
    n = ctx._n_args
    if len(result) != n:
        if len(result) > n and all(r is None for r in result[n:]):
            result = result[:n]
        else:
            raise RuntimeError(
                f"function {name} returned an incorrect number of gradients "
                f"(expected {n}, got {len(result)})"
            )
    tpos = ctx._tensor_pos
    tset = set(tpos)
    for i, r in enumerate(result):
        if r is None:
            continue
        if not isinstance(r, Tensor):
            raise RuntimeError(f"expected Variable or None (got {type(r).__name__})")
        if i not in tset:
            raise RuntimeError(
                f"function {name} returned a gradient different than None at position "
                f"{i + 1}, but the corresponding forward input was not a Variable"
            )
    out = []
    for slot, i in enumerate(tpos):
        r = result[i]
        nxt = node.next_functions[slot][0]
        if r is None or nxt is None:
            out.append(None)
            continue
        shape = ctx._in_shapes[slot]
        if r._data.shape != shape and not _expandable(shape, r._data.shape):
            raise RuntimeError(
                f"Function {name} returned an invalid gradient at index {slot} - got "
                f"{_shape_str(r._data.shape)} but expected shape compatible with "
                f"{_shape_str(shape)}"
            )
        out.append(r if graph else r._data)
    return tuple(out)


class FunctionMeta(ShownAs):
    """Makes the ``<Name>Backward`` node class of every ``Function`` subclass."""

    def __init__(cls, name, bases, attrs):
        backward_cls = type(
            name + "Backward",
            (BackwardCFunction,),
            {
                "_forward_cls": cls,
                "op": name,
                "symbol": name,
                "formula": f"the backward() of {name}",
                "_slow": True,
                "__module__": __name__,
                "_torch_class": f"torch.autograd.function.{name}Backward",  # (how it prints)
            },
        )
        cls._backward_cls = backward_cls
        super().__init__(name, bases, attrs)


class Function(FunctionCtx, metaclass=FunctionMeta):
    """Base class of custom autograd functions (``torch.autograd.Function``)."""

    _torch_class = "torch.autograd.function.Function"

    def __init__(self, *args, **kwargs):
        warnings.warn(
            f"{type(self)} should not be instantiated. Methods on autograd functions are "
            "all static, so you should invoke them on the class itself. Instantiating an "
            "autograd function will raise an error in a future version of PyTorch.",
            DeprecationWarning,
            stacklevel=2,
        )

    def __call__(self, *args, **kwargs):
        raise RuntimeError(
            "Legacy autograd function with non-static forward method is deprecated. "
            "Please use new-style autograd function with static forward method. "
            "(Example: https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)"
        )

    @staticmethod
    def forward(*args, **kwargs):
        raise NotImplementedError(
            "You must implement the forward function for custom autograd.Function."
        )

    @staticmethod
    def setup_context(ctx, inputs, output):
        raise NotImplementedError("setup_context is not implemented.")

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError(
            "You must implement either the backward or vjp method for your custom "
            "autograd.Function to use it with backward mode AD."
        )

    vjp = backward

    @staticmethod
    def jvp(ctx, *grad_inputs):
        raise NotImplementedError(
            "You must implement the jvp function for custom autograd.Function to use it "
            "with forward mode AD."
        )

    @classmethod
    def apply(cls, *args, **kwargs):
        return _apply(cls, args, kwargs)


class InplaceFunction(Function):
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace


class NestedIOFunction(Function):  # pragma: no cover - legacy name only
    pass


def _edge(t):
    fn = t.grad_fn
    if fn is None:
        fn = t._get_accumulator()
    return (fn, 0)


def _apply(cls, args, kwargs):
    if kwargs:  # (PyTorch binds keyword arguments to forward's positions)
        import inspect

        try:
            bound = inspect.signature(cls.forward).bind(None, *args, **kwargs)
        except TypeError:
            pass
        else:
            bound.apply_defaults()
            args, kwargs = bound.args[1:], bound.kwargs
    node_cls = cls._backward_cls
    ctx = object.__new__(node_cls)
    tpos = tuple(i for i, a in enumerate(args) if isinstance(a, Tensor))
    grad_on = STATE.enabled
    needs = tuple(grad_on and isinstance(a, Tensor) and a._requires_grad for a in args)
    ctx.needs_input_grad = needs
    differentiable = any(needs)
    listening = bool(_LISTENERS)
    new_style = cls.setup_context is not Function.setup_context
    if differentiable:
        ctx.next_functions = tuple(_edge(args[i]) if needs[i] else (None, 0) for i in tpos)
    with _Quiet(), _GradMode(False):
        if new_style:
            out = cls.forward(*args, **kwargs)
            cls.setup_context(ctx, args, out)
        else:
            out = cls.forward(ctx, *args, **kwargs)
    is_tuple = isinstance(out, tuple)
    outs = list(out) if is_tuple else [out]
    dirty = {id(t) for t in ctx._dirty_tensors}
    non_diff = {id(t) for t in ctx._non_differentiable}
    arg_ids = {id(args[i]) for i in tpos}
    nodes = []
    if differentiable:
        ctx._n_args = len(args)
        ctx._tensor_pos = tpos
        ctx._in_shapes = tuple(args[i]._data.shape for i in tpos)
        ctx._out_meta = tuple(
            (o._data.shape, o._data.dtype) if isinstance(o, Tensor) else None for o in outs
        )
        diff_idx = []
        for k, o in enumerate(outs):
            if not isinstance(o, Tensor):
                continue
            nd = id(o) in non_diff  # (before an input returned as it is gets its alias)
            if id(o) in arg_ids:
                if id(o) in dirty:
                    if o.grad_fn is None and o._requires_grad:
                        raise RuntimeError(
                            "a leaf Variable that requires grad has been used in an "
                            "in-place operation."
                        )
                    o._vbox[0] += 1  # as PyTorch, marking it dirty bumps its version
                else:
                    # an input returned as it is: the output is a new tensor viewing it
                    o = outs[k] = _alias(o)
            if nd or o._data.dtype.kind not in "fc":
                continue
            diff_idx.append(k)
        multi = len(outs) > 1
        if diff_idx:
            ctx._seq = _next_seq()
            first = outs[diff_idx[0]]
            ctx._shape = first._data.shape
            ctx._dtype = first._data.dtype
            if multi:
                ctx._multi = True
                ctx._out_shapes = tuple(m[0] if m else None for m in ctx._out_meta)
                ctx._out_dtypes = tuple(m[1] if m else None for m in ctx._out_meta)
                _backward_mod.MULTI_OUTPUT.add(ctx)
                ctx._out_refs = {}  # (also when nobody listens: ``draw()`` shows them)
        for k in diff_idx:
            o = outs[k]
            o._grad_fn = ctx
            o._requires_grad = True
            if k:
                o._output_nr = k
            elif o._output_nr:  # (an input marked dirty)
                del o._output_nr
            if multi:
                ctx._out_refs[k] = weakref.ref(o)
            if listening and ctx._out_ref is None:
                ctx._out_ref = weakref.ref(o)
            nodes.append((ctx, o))
        if not diff_idx:
            ctx.next_functions = ()
        _bind_saved(ctx, outs)
    if listening:
        tin = tuple(args[i] for i in tpos)
        if _fg.LEVEL[0] is not None:  # (forward-mode AD calls the class's jvp with it)
            LAST_CTX[0] = ctx
        if nodes:
            for node, o in nodes:
                events.emit(
                    "forward",
                    node=node,
                    op=cls.__name__,
                    cls=node_cls,
                    inputs=tin,
                    output=o,
                    kwargs={},
                )
        else:
            first = next((o for o in outs if isinstance(o, Tensor)), None)
            if first is not None:
                events.emit(
                    "forward",
                    node=None,
                    op=cls.__name__,
                    cls=node_cls,
                    inputs=tin,
                    output=first,
                    kwargs={},
                )
    return tuple(outs) if is_tuple else outs[0]


#: the ctx of the last custom Function applied while someone listens
LAST_CTX: list = [None]


def _alias(t):
    """A new tensor sharing ``t``'s data and version counter (a view of it)."""
    v = Tensor._make(t._data, False, None)
    v._vbox = t._vbox
    v._base = t._base if t._base is not None else t
    return v


def _bind_saved(ctx, outs):
    to_save = ctx._to_save
    if to_save is None:
        return
    versions = tuple(None if t is None else t._vbox[0] for t in to_save)
    saved = (tuple(to_save), versions)
    ctx._to_save = None
    ctx._saved = saved
    # a saved output of this very node: a stale version names this node and the output's
    # number (as PyTorch's message does), not whatever made the tensor since
    mine = {id(o): k for k, o in enumerate(outs) if isinstance(o, Tensor) and o.grad_fn is ctx}
    if mine:
        ctx._saved_out_nr = tuple(None if t is None else mine.get(id(t)) for t in to_save)


def once_differentiable(fn):
    """Run a custom ``backward`` with grad mode off: its result is not differentiable."""

    @functools.wraps(fn)
    def wrapper(ctx, *args):
        with _GradMode(False):
            outputs = fn(ctx, *args)
        if isinstance(outputs, Tensor):
            return outputs.detach() if outputs.requires_grad else outputs
        if isinstance(outputs, tuple):
            return tuple(
                o.detach() if isinstance(o, Tensor) and o.requires_grad else o for o in outputs
            )
        return outputs

    return wrapper
