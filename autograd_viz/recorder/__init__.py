"""The recorder: ``record()`` listens to the engine's events and keeps a timeline of
frames on one graph (see CONTRIBUTING.md, "Recording, rendering and widget contract").

Imports nothing from render / widget / graphviz / ipywidgets at module level.
"""

from . import fmt
from .model import (
    LANGUAGES,
    PHASES,
    STATUSES,
    Frame,
    Graph,
    GraphNode,
    NodeState,
    get_language,
    set_language,
)
from .recording import Recording, record, snapshot

__all__ = [
    "LANGUAGES",
    "PHASES",
    "STATUSES",
    "Frame",
    "Graph",
    "GraphNode",
    "NodeState",
    "Recording",
    "fmt",
    "get_language",
    "record",
    "set_language",
    "snapshot",
]
