"""Node states per frame in O(frames + nodes) memory.

Each frame records only the nodes it changes (``deltas[i]``: ``{node id: NodeState}``);
each node keeps the list of frames that changed it, so the state of frame ``i`` is, per
node, its latest change at or before ``i`` (a binary search), never a full copy per
frame or per checkpoint.
"""

from __future__ import annotations

from bisect import bisect_right

from .model import NodeState


class StateStore:
    """``initial`` (before the first frame), ``deltas`` (one dict per frame) and the
    widest texts each node shows (for a stable layout)."""

    def __init__(self, initial: dict):
        self.initial = dict(initial)
        self.deltas: list[dict] = []
        self._cur = dict(initial)
        self._pending: dict = {}
        self._hist: dict = {}  # node id -> ([frame index], [NodeState])
        self.widest = {d: [s.value or "", s.grad or ""] for d, s in initial.items()}

    # ------------------------------------------------------------------ while building
    def get(self, d) -> NodeState:
        return self._pending.get(d) or self._cur[d]

    def set(self, d, **kw) -> None:
        self._pending[d] = self.get(d)._replace(**kw)

    def commit(self) -> dict:
        """Close the current frame: its changes become ``deltas[i]``."""
        i = len(self.deltas)
        delta, self._pending = self._pending, {}
        for d, s in delta.items():
            self._cur[d] = s
            frames, states = self._hist.setdefault(d, ([], []))
            frames.append(i)
            states.append(s)
            w = self.widest.setdefault(d, ["", ""])
            if s.value and len(s.value) > len(w[0]):
                w[0] = s.value
            if s.grad and len(s.grad) > len(w[1]):
                w[1] = s.grad
        self.deltas.append(delta)
        return delta

    def flush(self) -> None:
        """Trailing changes without a frame (e.g. an iteration marker at the very end)."""
        for d, s in self._pending.items():
            self._cur[d] = s
        self._pending = {}

    # ------------------------------------------------------------------ reading
    def at(self, i) -> dict:
        """``{node id: NodeState}`` after frame ``i``."""
        out = dict(self.initial)
        for d, (frames, states) in self._hist.items():
            k = bisect_right(frames, i) - 1
            if k >= 0:
                out[d] = states[k]
        return out

    def first(self) -> dict:
        """The state after frame 0 (what the renderer's one-pass reader starts from)."""
        return self.at(0) if self.deltas else dict(self.initial)
