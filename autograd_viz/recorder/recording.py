"""``record()`` and :class:`Recording`: the public face of the recorder."""

from __future__ import annotations

import gc
import sys
import warnings

from .. import _seam as seam
from . import fmt
from .build import build
from .core import _Recorder
from .model import Graph, NodeState
from .states import StateStore


class Recording:
    """What a ``with autograd_viz.record() as rec:`` block saw.

    ``frames`` (list of :class:`~.model.Frame`), ``graph`` / ``autograd_graph``
    (:class:`~.model.Graph`), ``state(i)``, ``iterations`` (per-iteration summaries),
    ``exception`` (what the block raised, or None; the last frame is then an ``error``
    frame "This line raised ...").
    Filled when the block ends; inside the block ``frames`` is empty.
    """

    def __init__(self, full_iterations=3, lang=None, max_frames=20000):
        self.full_iterations = full_iterations
        self.lang = lang
        self.frames = []
        self.graph = Graph()
        self.autograd_graph = Graph()
        self.iterations = []
        self.internal_errors = []
        self.truncated = False
        #: the exception that escaped the ``with record()`` block, or None
        self.exception = None
        self._rec = None
        self._max_frames = max_frames
        self._store = StateStore({})
        self._widest = {}
        self._renderers = {}
        self.finished = False

    # ------------------------------------------------------------------ recording
    def _start(self, with_frame):
        self._rec = _Recorder(self.full_iterations, with_frame, self._max_frames).start()

    def _finish(self):
        rec = self._rec
        rec.stop()
        # building makes many small objects and no cycles to collect: without pauses
        # for the cyclic GC (whose passes grow with the heap) closing stays linear
        enabled = gc.isenabled()
        gc.disable()
        try:
            b = build(rec, self.lang)
        except Exception as err:  # a recorder bug never breaks the learner's code
            rec._internal(err)
            warnings.warn(
                "autograd_viz could not turn this recording into frames (an internal error, "
                "kept in rec.internal_errors); the recorded code itself ran unchanged",
                RuntimeWarning,
                stacklevel=3,
            )
            empty = _Recorder(self.full_iterations, None, self._max_frames)
            b = build(empty, self.lang)
        finally:
            if enabled:
                gc.enable()
        self.graph = b.graph
        self.autograd_graph = b.autograd_graph
        self.frames = b.frames
        self._store = b.store
        self._widest = b.widest
        self.iterations = rec.iterations
        self.internal_errors = rec.internal_errors
        self.truncated = rec.truncated
        self._rec = None  # drop raw arrays and weak references
        self.finished = True

    # ------------------------------------------------------------------ states
    def state(self, i, view="dataflow") -> dict:
        """``{node_id: NodeState}`` shown at frame ``i`` (negative ``i`` counts from the end)."""
        n = len(self.frames)
        if n == 0:
            return self._view_state(dict(self._store.initial), (), view)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"frame {i} out of range (recording has {n} frames)")
        st = self._store.at(i)
        f = self.frames[i]
        cur = f.nodes if view == "dataflow" else f.anodes
        return self._view_state(st, cur, view)

    def _view_state(self, st, current, view):
        if view == "autograd":
            out = {}
            for d in self.autograd_graph.nodes:
                s = st.get(d[2:] if d.startswith("a:") else d)
                if s is None:
                    s = NodeState(None, None, "pending")
                if d.startswith("a:"):
                    s = NodeState(None, s.grad, "done" if s.status != "pending" else "pending")
                out[d] = s
            st = out
        elif len(st) != len(self.graph.nodes):
            # the autograd-only nodes inside composite ops (``GraphNode.inner_ids``)
            nodes = self.graph.nodes
            st = {d: s for d, s in st.items() if d in nodes}
        for d in current:
            if d in st:
                st[d] = st[d]._replace(status="current")
        return st

    # the per-frame changes, for a renderer that walks the frames in one pass
    # (``render/state.py``): ``_deltas[i]`` = {node id: NodeState} frame i changes,
    # ``_checkpoints[0]`` = the state after frame 0, ``_initial`` = before frame 0
    @property
    def _deltas(self):
        return self._store.deltas

    @property
    def _checkpoints(self):
        return {0: self._store.first()}

    @property
    def _initial(self):
        return self._store.initial

    def widest(self, node_id):
        """(longest value text, longest grad text) the node shows in any frame."""
        return self._widest.get(node_id, ("", ""))

    # ------------------------------------------------------------------ views
    def summary(self, lang=None) -> str:
        """Frames per phase, iterations, tensor names: in ``lang`` (default: the
        recording's, else :func:`set_language`'s)."""
        from .lang import PHASE_ZH, resolve

        zh = resolve(lang, self.lang) == "zh"
        counts = {}
        for f in self.frames:
            counts[f.phase] = counts.get(f.phase, 0) + 1
        names = ", ".join(n.name for n in self.graph.nodes.values() if n.kind == "tensor")
        if zh:
            phases = "，".join(f"{PHASE_ZH.get(str(k), k)} {v}" for k, v in counts.items())
            lines = [
                f"记录：{len(self.frames)} 帧（{phases or '无'}）；"
                f"{len(self.iterations)} 次迭代，"
                f"每个循环的前 {self.full_iterations} 次迭代保留全部帧",
                f"张量：{names or '无'}",
            ]
        else:
            phases = ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"
            lines = [
                f"Recording: {len(self.frames)} frames ({phases}); "
                f"{len(self.iterations)} iteration(s), full frames for the first "
                f"{self.full_iterations} of each loop",
                f"tensors: {names or 'none'}",
            ]
        if len(self.iterations) > 1:
            last = self.iterations[-1]
            loss = last.get("loss")
            loss = "-" if loss is None else fmt.num(loss)
            if zh:
                lines.append(f"最后一次迭代（第 {last['iteration']} 次）：损失 {loss}")
            else:
                lines.append(f"last iteration {last['iteration']}: loss {loss}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        if not self.finished:
            return "<Recording (recording...)>"
        return self.summary()

    # the conveniences below go through the one seam to the layers above (autograd_viz/_seam.py)
    def draw(self, frame=-1, view="dataflow"):
        """The picture of one frame (a Drawing that displays as SVG)."""
        return seam.get("draw_frame")(self, frame, view=view)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return seam.get("mimebundle")(self)

    def stepper(self, lang=None, view="dataflow"):
        """A Stepper widget over this recording."""
        return seam.get("stepper")(self, lang=lang, view=view)

    def save_html(self, path, lang=None, view="dataflow"):
        """A self-contained HTML page stepping through the frames (no kernel needed).
        ``lang`` defaults to the recording's language, then the global one."""
        return seam.get("save_html")(self, path, lang=lang, view=view)


def snapshot(*tensors, names_from=None) -> Recording:
    """A frameless Recording of the graph that produced ``tensors`` as it is now
    (what ``draw`` shows).  Names are looked up in the caller's frames now."""
    from ..engine.tensor import Tensor

    r = Recording()
    raw = _Recorder(0, names_from)
    frames = []
    f = names_from
    while f is not None and len(frames) < 4:
        frames.append(f)
        f = f.f_back
    for fr in frames:  # intermediate tensors bound to names: found by their grad_fn
        for v in list(fr.f_locals.values()):
            if isinstance(v, Tensor) and v.grad_fn is not None:
                raw._out_hint.setdefault(id(v.grad_fn), v)
    for t in tensors:
        if isinstance(t, Tensor):
            raw._tid(t)
    try:
        raw.snapshot_composites()
    except Exception as exc:  # a recorder bug never breaks the learner's code
        raw._internal(exc)
    raw._scan_names(frames)
    raw.refresh_labels()
    b = build(raw, None, snapshot=True)
    r.graph, r.autograd_graph = b.graph, b.autograd_graph
    r._store, r._widest = b.store, b.widest
    r.internal_errors = raw.internal_errors
    r.finished = True
    return r


class record:
    """``with autograd_viz.record(full_iterations=3, lang=None) as rec:`` ...

    ``full_iterations``: how many iterations of each loop keep all their frames (later
    ones keep only a summary in ``rec.iterations``).  ``lang``: language of
    ``frame.caption`` for this recording (default: :func:`set_language`'s).
    """

    def __init__(self, full_iterations=3, lang=None, max_frames=20000):
        self.recording = Recording(full_iterations, lang, max_frames)

    def __enter__(self) -> Recording:
        self.recording._start(sys._getframe(1))
        return self.recording

    def __exit__(self, exc_type, exc, tb):
        rec = self.recording
        if exc is not None:
            rec.exception = exc
            try:
                rec._rec.raised(exc, tb)
            except Exception as err:  # a recorder bug never breaks the learner's code
                rec._rec._internal(err)
        rec._finish()
        return False  # the exception propagates
