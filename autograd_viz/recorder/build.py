"""Turn a raw log (:mod:`.core`) into graphs, frames and node states when a recording
ends: :class:`~.display.Display` decides which picture node each raw tensor / op is
drawn on and its name, :mod:`.graphs` builds the two views, :class:`~.timeline.Timeline`
turns the raw events into frames (one handler per kind) and node states
(:class:`~.states.StateStore`).
"""

from __future__ import annotations

from .display import Display
from .graphs import autograd_graph, dataflow_graph
from .timeline import Timeline


class Built:
    """What :func:`build` returns; attributes are copied onto the Recording."""

    def __init__(self, graph, agraph, timeline):
        self.graph = graph
        self.autograd_graph = agraph
        self.frames = timeline.frames
        self.store = timeline.store
        self.widest = {d: (w[0], w[1]) for d, w in timeline.store.widest.items()}


def build(rec, lang=None, snapshot=False) -> Built:
    d = Display(rec, snapshot)
    graph, agraph = dataflow_graph(d), autograd_graph(d)
    timeline = Timeline(d, graph, agraph, lang, snapshot).run()
    return Built(graph, agraph, timeline)
