"""The recording's data model: graph nodes, frames, node states (plain data, no numpy)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .lang import LANGUAGES, get_language, resolve, set_language
from .patterns import Phase, Status

PHASES = tuple(p.value for p in Phase)
STATUSES = tuple(s.value for s in Status)
__all__ = ["LANGUAGES", "PHASES", "STATUSES", "get_language", "set_language"]


@dataclass(frozen=True)
class GraphNode:
    """One node of a drawn graph.

    ``kind``: ``"tensor"`` or ``"op"`` (data-flow view), ``"grad_fn"`` or ``"accumulate"``
    (autograd view).  ``name`` is what the picture writes (learner's variable name, else
    ``t.label``, else the op's name); ``op`` the short op name (``"mul"``), ``symbol`` how
    the op is drawn (``"*"``), ``grad_fn`` the PyTorch node class (``"MulBackward0"``).
    ``retains_grad``: a non-leaf tensor that called ``retain_grad()`` (only then does
    PyTorch keep its ``.grad``; for other non-leaves a node state's ``grad`` is the gradient
    that flowed through, which the renderer shows as "∂ ..." in grey italic, "not kept").
    """

    id: str
    kind: str
    name: str
    op: str | None = None
    formula: str = ""
    #: ``formula`` in Chinese ("" when the same: declarations with words, ``Local(zh=...)``)
    formula_zh: str = ""
    shape: tuple = ()
    is_leaf: bool = False
    requires_grad: bool = False
    outside: bool = False
    symbol: str = ""
    grad_fn: str | None = None
    iteration: int | None = None
    retains_grad: bool = False
    #: a data-flow op node standing for a public function PyTorch builds from several
    #: nodes (``@`` = MmBackward0 -> SqueezeBackward4): their classes, in creation order,
    #: and their ids in the autograd view
    inner: tuple = ()
    inner_ids: tuple = ()


@dataclass
class Graph:
    """Nodes (ordered dict id -> GraphNode) and edges (ordered list of (src, dst))."""

    nodes: dict = field(default_factory=dict)
    edges: list = field(default_factory=list)
    #: set when the graph was cut for size ("... 700 nodes not shown")
    note: str = ""

    def __len__(self) -> int:
        return len(self.nodes)


class NodeState(NamedTuple):
    value: str | None
    grad: str | None
    status: str


@dataclass(frozen=True)
class Frame:
    """One step of the timeline.

    ``node``: the data-flow node the frame is about (``nodes`` all of them, ``node`` is
    ``nodes[0]``); ``edges``: the data-flow edges it uses (``(src, dst)``, e.g. the input
    edges a gradient is sent along); ``anodes``: the same for the autograd view.  One
    frame list serves both views: a frame about a node inside a composite op (``@`` made
    of MmBackward0 and SqueezeBackward4) has that node in ``anodes`` and the composite op
    node in ``nodes``.
    ``detail``: strings for an inspector (``upstream``, ``local``, ``product``,
    ``formula``, ``old``, ``new``, ``lr``, ``grad``, ``code``, ``error``...).
    """

    index: int
    phase: str
    node: str | None
    edges: tuple
    iteration: int | None
    captions: dict
    detail: dict
    nodes: tuple = ()
    anodes: tuple = ()
    lang: str | None = None
    aedges: tuple = ()

    @property
    def caption(self) -> str:
        return self.captions.get(resolve(self.lang)) or self.captions.get("en", "")

    def __repr__(self) -> str:
        return (
            f"Frame({self.index}, {self.phase!r}, node={self.node!r}, "
            f"iteration={self.iteration}, caption={self.caption!r})"
        )
