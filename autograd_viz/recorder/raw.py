"""The recorder's raw log: what it keeps while the learner's code runs.

:class:`RawTensor` / :class:`RawOp` / :class:`RawComposite`: one per tensor / Function /
composite call seen (with copies of the numbers); the raw events (one frozen dataclass per
kind, ``REvent`` subclasses) are the timeline :mod:`.timeline` turns into frames.  Ids are
list indices ("rids") into ``_Recorder.tensors`` / ``.ops``.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from ..engine.tensor import Tensor

_OWN_PREFIX = "autograd_viz"


def copy(a):
    if a is None:
        return None
    if isinstance(a, Tensor):
        a = a._data
    return np.array(a, copy=True)


def own_frame(f) -> bool:
    name = f.f_globals.get("__name__", "")
    return name == _OWN_PREFIX or name.startswith(_OWN_PREFIX + ".")


class RawTensor:
    __slots__ = (
        "alias",
        "detached",
        "is_leaf",
        "is_param",
        "it",
        "label",
        "name",
        "outside",
        "producer",
        "ref",
        "requires_grad",
        "rid",
        "shape",
        "value",
    )

    def __init__(self, rid, t, it, producer=None, outside=False):
        self.rid = rid
        self.ref = weakref.ref(t) if t is not None else None
        self.name = None
        self.label = getattr(t, "label", None) if t is not None else None
        self.shape = tuple(t._data.shape) if t is not None else ()
        self.is_leaf = producer is None
        self.requires_grad = bool(t._requires_grad) if t is not None else False
        self.outside = outside
        self.it = it
        self.producer = producer
        self.value = copy(t._data) if t is not None else None
        self.alias = None  # rid this tensor continues (parameter rebinding)
        self.detached = False
        self.is_param = False


class RawOp:
    __slots__ = (
        "cls",
        "comp",
        "external",
        "fcls",
        "folded",
        "formula",
        "freed",
        "in_vals",
        "inputs",
        "it",
        "kwargs",
        "loc",
        "nexts",
        "op",
        "out",
        "outside",
        "rid",
        "symbol",
    )

    def __init__(self, rid, cls, inputs, kwargs, it, outside, external=False):
        self.rid = rid
        self.cls = cls.__name__
        self.fcls = cls  # the Function class: its local-derivative declarations
        self.freed = False  # (a drawing: its saved values were released by a backward)
        self.op = getattr(cls, "op", "?")
        self.symbol = getattr(cls, "symbol", "?")
        self.formula = getattr(cls, "formula", "")
        self.inputs = inputs  # list of ("t", rid) | ("c", number)
        self.out = None
        self.kwargs = kwargs
        self.it = it
        self.outside = outside
        self.in_vals = None
        self.nexts = ()  # list of None | ("op", rid) | ("acc", tensor rid)
        self.folded = False
        self.external = external
        self.loc = None
        self.comp = None  # index in _Recorder.comps when made inside a composite


class RawComposite:
    """A public function built from several nodes (``matmul`` = unsqueeze -> mm ->
    squeeze): what the learner wrote, around the raw ops made inside it."""

    __slots__ = ("cid", "in_vals", "inputs", "it", "kwargs", "op", "ops", "out", "outside")

    def __init__(self, cid, op, inputs, kwargs, out, ops, it, outside, in_vals):
        self.cid, self.op, self.inputs, self.kwargs = cid, op, inputs, kwargs
        self.out, self.ops, self.it, self.outside, self.in_vals = out, ops, it, outside, in_vals


class Prov:
    """How an array made outside the graph was computed (to read ``lr`` and ``grad``)."""

    __slots__ = ("arr", "descs", "gradish", "op")

    def __init__(self, arr, op, descs, gradish):
        self.arr, self.op, self.descs, self.gradish = arr, op, descs, gradish


# ---------------------------------------------------------------------- raw events
@dataclass(frozen=True, slots=True)
class REvent:
    """A raw event of iteration ``it``; ``kind`` names the frame handler."""

    kind: ClassVar[str] = ""
    it: int

    def tensors(self) -> tuple:
        """Tensor rids this event is about (they must be drawn)."""
        return ()


@dataclass(frozen=True, slots=True)
class RForward(REvent):
    kind: ClassVar[str] = "forward"
    rid: int = 0


@dataclass(frozen=True, slots=True)
class RBackwardBegin(REvent):
    kind: ClassVar[str] = "backward_begin"
    roots: tuple = ()
    retain: bool = False
    grads: tuple = ()

    def tensors(self):
        return self.roots


@dataclass(frozen=True, slots=True)
class RBackward(REvent):
    kind: ClassVar[str] = "backward"
    rid: int = 0
    gout: Any = None
    gins: tuple = ()


@dataclass(frozen=True, slots=True)
class RAccumulateEdge(REvent):
    kind: ClassVar[str] = "accumulate_edge"
    target: int = 0
    src: int | None = None
    old: Any = None
    inc: Any = None
    new: Any = None

    def tensors(self):
        return (self.target,)


@dataclass(frozen=True, slots=True)
class RAccumulate(REvent):
    kind: ClassVar[str] = "accumulate"
    rid: int = 0
    old: Any = None
    inc: Any = None
    new: Any = None

    def tensors(self):
        return (self.rid,)


@dataclass(frozen=True, slots=True)
class RHook(REvent):
    kind: ClassVar[str] = "hook"
    rid: int | None = None
    gin: Any = None
    gout: Any = None

    def tensors(self):
        return () if self.rid is None else (self.rid,)


@dataclass(frozen=True, slots=True)
class RRetainGrad(REvent):
    kind: ClassVar[str] = "retain_grad"
    rid: int = 0
    grad: Any = None

    def tensors(self):
        return (self.rid,)


@dataclass(frozen=True, slots=True)
class RFreed(REvent):
    kind: ClassVar[str] = "freed"
    rids: tuple = ()


@dataclass(frozen=True, slots=True)
class RError(REvent):
    kind: ClassVar[str] = "error"
    ename: str = ""
    msg: str = ""
    roots: tuple = ()
    where: str | None = None

    def tensors(self):
        return self.roots


@dataclass(frozen=True, slots=True)
class RRaised(REvent):
    """An exception escaped the ``with record()`` block."""

    kind: ClassVar[str] = "raised"
    ename: str = ""
    msg: str = ""
    line: str = ""
    lineno: int | None = None
    rids: tuple = ()

    def tensors(self):
        return self.rids


@dataclass(frozen=True, slots=True)
class RUpdate(REvent):
    """A parameter changed outside the graph; ``how``: a :class:`~.patterns.How`."""

    kind: ClassVar[str] = "update"
    rid: int = 0
    old: Any = None
    new: Any = None
    lr: float | None = None
    grad: Any = None
    how: Any = None
    folded: int | None = None
    info: dict | None = None

    def tensors(self):
        return (self.rid,)


@dataclass(frozen=True, slots=True)
class RZeroGrad(REvent):
    kind: ClassVar[str] = "zero_grad"
    rids: tuple = ()
    how: Any = None
    owner: str | None = None

    def tensors(self):
        return self.rids


@dataclass(frozen=True, slots=True)
class RIteration(REvent):
    kind: ClassVar[str] = "iteration"


@dataclass(frozen=True, slots=True)
class RTruncated(REvent):
    kind: ClassVar[str] = "truncated"
