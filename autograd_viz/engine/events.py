"""The engine's single instrumentation seam.

The engine calls ``emit(kind, **payload)`` at the few places where something a
learner should see happens (an op runs, a backward node runs, a grad accumulates,
a parameter is updated or zeroed).  Nobody listens unless a recorder is active,
and every call site is guarded by ``if LISTENERS:`` so an unrecorded program pays
one truthiness check.  ``composite_begin`` / ``composite_end`` (emitted by
``api._composite``) bracket a public function PyTorch builds from several nodes
(``matmul`` of a vector and a matrix: unsqueeze -> mm -> squeeze), so a recorder can show
it as the one op the learner wrote.

Each kind has a frozen dataclass (:data:`EVENT_TYPES`; fields listed in CONTRIBUTING.md):
``subscribe(fn, typed=True)`` calls ``fn(event)`` with an instance (the recorder does);
``subscribe(fn)`` calls ``fn(kind, payload_dict)`` (simple probes and tests).  The event
object is built only when a typed listener exists.  Payloads carry live objects; a
listener copies the arrays it keeps.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, fields
from typing import Any, ClassVar

LISTENERS: list = []


class RemovableHandle:
    """Returned by :func:`subscribe`; ``remove()`` stops the listener."""

    __slots__ = ("_fn",)

    def __init__(self, fn):
        self._fn = fn

    def remove(self) -> None:
        with contextlib.suppress(ValueError):
            LISTENERS.remove(self._fn)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()


class _Typed:
    """A listener that takes event objects (``subscribe(fn, typed=True)``)."""

    __slots__ = ("fn",)

    def __init__(self, fn):
        self.fn = fn


def subscribe(fn, typed=False) -> RemovableHandle:
    """Call ``fn(event)`` (``typed=True``) or ``fn(kind, payload_dict)`` for every event
    until the handle is removed."""
    entry = _Typed(fn) if typed else fn
    LISTENERS.append(entry)
    return RemovableHandle(entry)


def listening() -> bool:
    return bool(LISTENERS)


def emit(kind: str, **payload) -> None:
    event = None
    for fn in tuple(LISTENERS):
        if fn.__class__ is _Typed:
            if event is None:
                event = make(kind, payload)
            fn.fn(event)
        else:
            fn(kind, payload)


# ---------------------------------------------------------------------- event classes
@dataclass(frozen=True, slots=True)
class Event:
    """Base of the event classes; ``kind`` is the name the engine emits."""

    kind: ClassVar[str] = ""

    def payload(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class Forward(Event):
    """An op ran: ``node`` (the Function, None when no grad is recorded), ``cls``,
    ``inputs`` (Tensors or numbers per slot), ``output``, ``kwargs``."""

    kind: ClassVar[str] = "forward"
    node: Any = None
    op: Any = None
    cls: Any = None
    inputs: Any = None
    output: Any = None
    kwargs: Any = None


@dataclass(frozen=True, slots=True)
class CompositeBegin(Event):
    """A public function PyTorch builds from several nodes starts (``matmul``, ``linear``...)."""

    kind: ClassVar[str] = "composite_begin"
    op: Any = None
    inputs: Any = None
    kwargs: Any = None


@dataclass(frozen=True, slots=True)
class CompositeEnd(Event):
    """... and ends (``output`` None when it raised)."""

    kind: ClassVar[str] = "composite_end"
    op: Any = None
    output: Any = None


@dataclass(frozen=True, slots=True)
class BackwardBegin(Event):
    """``backward()`` / ``autograd.grad()`` starts."""

    kind: ClassVar[str] = "backward_begin"
    roots: Any = None
    grads: Any = None
    retain_graph: Any = None
    create_graph: Any = None


@dataclass(frozen=True, slots=True)
class BackwardNode(Event):
    """A node ran its backward: the gradient arriving and one sent per slot."""

    kind: ClassVar[str] = "backward_node"
    node: Any = None
    grad_output: Any = None
    grad_inputs: Any = None
    output: Any = None


@dataclass(frozen=True, slots=True)
class AccumulateEdge(Event):
    """A node's gradient is summed from several consumers before it runs."""

    kind: ClassVar[str] = "accumulate_edge"
    node: Any = None
    old: Any = None
    incoming: Any = None
    new: Any = None
    source: Any = None


@dataclass(frozen=True, slots=True)
class Accumulate(Event):
    """A leaf's ``.grad`` receives a gradient (``old`` None: it had none)."""

    kind: ClassVar[str] = "accumulate"
    tensor: Any = None
    node: Any = None
    old: Any = None
    incoming: Any = None
    new: Any = None


@dataclass(frozen=True, slots=True)
class Hook(Event):
    """A tensor hook ran (``grad_out`` None: it returned None)."""

    kind: ClassVar[str] = "hook"
    tensor: Any = None
    hook: Any = None
    grad_in: Any = None
    grad_out: Any = None


@dataclass(frozen=True, slots=True)
class RetainGrad(Event):
    """A non-leaf's ``.grad`` is set (``retain_grad()``)."""

    kind: ClassVar[str] = "retain_grad"
    tensor: Any = None
    grad: Any = None


@dataclass(frozen=True, slots=True)
class Freed(Event):
    """Saved values of these nodes were released (backward without retain_graph)."""

    kind: ClassVar[str] = "freed"
    nodes: Any = None


@dataclass(frozen=True, slots=True)
class BackwardEnd(Event):
    """The backward call finished."""

    kind: ClassVar[str] = "backward_end"
    roots: Any = None


@dataclass(frozen=True, slots=True)
class Error(Event):
    """The engine is about to raise ``exc``."""

    kind: ClassVar[str] = "error"
    exc: Any = None
    where: Any = None


@dataclass(frozen=True, slots=True)
class DataSet(Event):
    """Assignment to ``t.data``."""

    kind: ClassVar[str] = "data_set"
    tensor: Any = None
    old: Any = None
    new: Any = None


@dataclass(frozen=True, slots=True)
class Inplace(Event):
    """An in-place op on a tensor (``sub_``, ``zero_``, ``setitem``...)."""

    kind: ClassVar[str] = "inplace"
    tensor: Any = None
    op: Any = None
    old: Any = None
    new: Any = None
    grad_enabled: Any = None


@dataclass(frozen=True, slots=True)
class GradSet(Event):
    """Assignment to ``t.grad``."""

    kind: ClassVar[str] = "grad_set"
    tensor: Any = None
    old: Any = None
    new: Any = None


@dataclass(frozen=True, slots=True)
class Detach(Event):
    """``t.detach_()``."""

    kind: ClassVar[str] = "detach_"
    tensor: Any = None


@dataclass(frozen=True, slots=True)
class RequiresGrad(Event):
    """``t.requires_grad_()``."""

    kind: ClassVar[str] = "requires_grad_"
    tensor: Any = None


@dataclass(frozen=True, slots=True)
class OptimStep(Event):
    """``optimizer.step()``: ``params`` = [(tensor, old, new, grad)]."""

    kind: ClassVar[str] = "optim_step"
    optimizer: Any = None
    params: Any = None
    lr: Any = None


@dataclass(frozen=True, slots=True)
class ZeroGrad(Event):
    """``optimizer.zero_grad()`` / ``module.zero_grad()``."""

    kind: ClassVar[str] = "zero_grad"
    owner: Any = None
    params: Any = None
    set_to_none: Any = None


#: kind -> event class
EVENT_TYPES = {
    c.kind: c
    for c in (
        Forward,
        CompositeBegin,
        CompositeEnd,
        BackwardBegin,
        BackwardNode,
        AccumulateEdge,
        Accumulate,
        Hook,
        RetainGrad,
        Freed,
        BackwardEnd,
        Error,
        DataSet,
        Inplace,
        GradSet,
        Detach,
        RequiresGrad,
        OptimStep,
        ZeroGrad,
    )
}


@dataclass(frozen=True, slots=True)
class Unknown(Event):
    """A kind without a class of its own (a newer engine emitting something new)."""

    name: str = ""
    data: Any = None


def make(kind, payload) -> Event:
    """The event object of ``emit(kind, **payload)`` (fields not in its class ignored)."""
    cls = EVENT_TYPES.get(kind)
    if cls is None:
        return Unknown(kind, dict(payload))
    return cls(**{k: v for k, v in payload.items() if k in cls.__dataclass_fields__})
