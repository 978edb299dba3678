"""The Stepper: an anywidget whose browser side steps through a Recording on its own.

The kernel sends one JSON string (``data``: both views' Graphviz layouts once, then a small
delta per frame, captions in English and Chinese, inspector facts, the loss / parameter
series; see ``autograd_viz.render.state``) and a few small traits (``frame``, ``lang``,
``view``, ``size``, ``quiz``).  Every control runs in the browser (``static/stepper.js``),
so a saved notebook, Binder and the HTML export step without a kernel; a click in a live
kernel only tells Python the new ``frame``.  ``save_html`` embeds the same ES module.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import pathlib
import re
import weakref
import zlib

import anywidget
import traitlets

from .i18n import LANGS, STRINGS, resolve, t

STATIC = pathlib.Path(__file__).parent / "static"
VIEWS = ("dataflow", "autograd")
PHASES = ("forward", "backward", "accumulate", "hook", "update", "zero_grad", "freed", "error")

#: the stepper data of a recording, built once (steppers on one recording share it)
_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

#: UI strings the browser needs (a subset of i18n.STRINGS, both languages)
UI_KEYS = (
    "title",
    "first",
    "prev",
    "next",
    "last",
    "first_s",
    "prev_s",
    "next_s",
    "last_s",
    "play",
    "pause",
    "play_s",
    "pause_s",
    "speed_tip",
    "frame_tip",
    "frame_k",
    "iteration",
    "iteration_tip",
    "node",
    "node_col",
    "node_tip",
    "current_node",
    "dataflow",
    "autograd",
    "view_dataflow",
    "view_autograd",
    "lang_tip",
    "font",
    "font_tip",
    "zoom_in",
    "zoom_out",
    "zoom_fit",
    "fit",
    "graph",
    "jump",
    "jump_tip",
    "no_node",
    "kind",
    "status",
    "op",
    "tensor",
    "shape",
    "value",
    "grad",
    "none",
    "not_yet",
    "flowed",
    "requires_grad",
    "is_leaf",
    "grad_fn",
    "formula",
    "local",
    "legend",
    "current",
    "done",
    "status_grad",
    "pending",
    "outside",
    "current_edge",
    "flow_legend",
    "loss",
    "plot_title",
    "params_title",
    "log_scale",
    "param_pick",
    "all_params",
    "quiz_q",
    "guess",
    "check",
    "reveal",
    "right",
    "wrong",
    *PHASES,
)


def compact_js(src: str) -> str:
    """``static/stepper.js`` as sent: without comment lines and indentation (every
    notebook output stores its own copy).  Lines stay lines (no reliance on ASI changes)."""
    out = []
    for line in src.splitlines():
        t = line.strip()
        if t and not t.startswith("//"):
            out.append(t)
    return "\n".join(out) + "\n"


def compact_css(src: str) -> str:
    """``static/stepper.css`` as sent: no comments, no spaces around ``{ } ; : ,``."""
    src = re.sub(r"/\*.*?\*/", "", src, flags=re.S)
    src = re.sub(r"\s*([{};,])\s*", r"\1", src)
    src = re.sub(r"([{;])\s*([\w-]+)\s*:\s*", r"\1\2:", src)
    return src.replace(";}", "}").strip() + "\n"


def _read(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


#: the browser side as sent: the ES module and its stylesheet (compacted)
ESM_JS = compact_js(_read("stepper.js"))
ESM_CSS = compact_css(_read("stepper.css"))


def packed_esm(js: str = ESM_JS, css: str = ESM_CSS) -> str:
    """The ``_esm`` a notebook stores: ``static/loader.js`` carrying ``js`` and ``css``
    deflated and base64-encoded (about a third of their size; every output keeps its own
    copy), unpacked in the browser with ``DecompressionStream``."""
    raw = json.dumps({"js": js, "css": css}, ensure_ascii=False).encode("utf-8")
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    payload = base64.b64encode(z.compress(raw) + z.flush()).decode("ascii")
    key = hashlib.sha1(raw).hexdigest()[:12]
    loader = compact_js(_read("loader.js"))
    return loader.replace("__KEY__", key).replace("__PAYLOAD__", payload)


def _ui():
    out = {}
    for lang in LANGS:
        s = STRINGS[lang]
        out[lang] = {k: s[k] for k in UI_KEYS if k in s}
        out[lang].update({k: v for k, v in s.items() if k.startswith("d_")})
    return out


def _notes(rec, data):
    """Per view and language, a note above the graph (no frames, cut graph, no engine)."""
    notes = {}
    for v in VIEWS:
        vd = data["views"][v]
        notes[v] = {}
        for lang in LANGS:
            bits = []
            if vd["note"]:
                bits.append(vd["note"])
            if vd["cut"]:
                bits.append(t(lang, "cut_shown", cut=vd["cut"], n=vd["total"]))
            if vd["message"]:
                bits.append(t(lang, "no_graphviz") + " " + vd["message"])
            notes[v][lang] = " ".join(bits)
    return notes


def _empty(rec):
    out = {}
    for lang in LANGS:
        note = t(lang, "no_frames")
        exc = getattr(rec, "exception", None)
        if exc is not None:
            note += " " + t(lang, "raised", error=f"{type(exc).__name__}: {exc}")
        out[lang] = note
    return out


def stepper_json(recording) -> str:
    """The ``data`` trait of a Stepper on ``recording`` (cached per recording)."""
    try:
        hit = _CACHE.get(recording)
    except TypeError:  # not weak-referenceable
        hit = None
    if hit is not None:
        return hit
    from autograd_viz.render.state import stepper_data

    data = stepper_data(recording)
    data["ui"] = _ui()
    data["notes"] = _notes(recording, data)
    data["empty"] = _empty(recording)
    s = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    with contextlib.suppress(TypeError):
        _CACHE[recording] = s
    return s


class Stepper(anywidget.AnyWidget):
    """Step through the frames of a Recording: graph, caption, inspector, loss plot.

    ``Stepper(rec, lang=None, view="dataflow", quiz=False, size=2)``.  ``lang=None``:
    the recording's language, else ``autograd_viz.set_language``'s.  ``st.frame`` is the
    current frame (0-based index into ``rec.frames``; settable; follows the browser).
    ``st.next()``, ``st.previous()`` (alias ``prev``), ``st.first()``, ``st.last()``,
    ``st.goto(frame=None, phase=None, iteration=None, node=None)``.  ``quiz=True`` hides the
    gradient a frame produces until the learner reveals it or types it.
    """

    # The package's own files, read as text and packed (``packed_esm``: the stylesheet
    # travels inside, so no ``_css``).  (Given as ``pathlib.Path``, anywidget wraps them in
    # a class-level ``FileContents`` and connects a lambda holding each instance to its
    # ``changed`` signal: every Stepper ever made would stay alive, with its data.)
    _esm = packed_esm()
    data = traitlets.Unicode("{}").tag(sync=True)
    frame = traitlets.Int(0).tag(sync=True)
    lang = traitlets.Unicode("en").tag(sync=True)
    view = traitlets.Unicode("dataflow").tag(sync=True)
    size = traitlets.Int(2).tag(sync=True)
    quiz = traitlets.Bool(False).tag(sync=True)

    def __init__(self, recording, lang=None, view="dataflow", quiz=False, size=2, **kwargs):
        lang = resolve(lang, recording)
        if view not in VIEWS:
            raise ValueError(f"view must be one of {VIEWS}, got {view!r}")
        self._n = len(recording.frames)
        self.recording = recording
        super().__init__(
            data=stepper_json(recording),
            lang=lang,
            view=view,
            quiz=bool(quiz),
            size=size,
            **kwargs,
        )

    # ------------------------------------------------------------------ validation
    @traitlets.validate("frame")
    def _valid_frame(self, proposal):
        v = int(proposal["value"])
        n = getattr(self, "_n", 0)
        if n == 0:
            return 0
        if v < 0:
            v += n
        if not 0 <= v < n:
            raise traitlets.TraitError(f"frame must be in 0..{n - 1}, got {proposal['value']}")
        return v

    @traitlets.validate("lang")
    def _valid_lang(self, proposal):
        return resolve(proposal["value"])

    @traitlets.validate("view")
    def _valid_view(self, proposal):
        if proposal["value"] not in VIEWS:
            raise traitlets.TraitError(f"view must be one of {VIEWS}, got {proposal['value']!r}")
        return proposal["value"]

    @traitlets.validate("size")
    def _valid_size(self, proposal):
        v = int(proposal["value"])
        if not 1 <= v <= 5:
            raise traitlets.TraitError(f"size must be 1..5, got {v}")
        return v

    # ------------------------------------------------------------------ stepping
    @property
    def n_frames(self) -> int:
        return self._n

    def next(self):
        """One frame forward (stays on the last)."""
        self.frame = min(self.frame + 1, max(self._n - 1, 0))
        return self.frame

    def previous(self):
        """One frame back (stays on the first)."""
        self.frame = max(self.frame - 1, 0)
        return self.frame

    prev = previous

    def first(self):
        self.frame = 0
        return self.frame

    def last(self):
        self.frame = max(self._n - 1, 0)
        return self.frame

    def goto(self, frame=None, phase=None, iteration=None, node=None):
        """Go to ``frame``; or to the next frame (after the current one, wrapping) of
        ``phase``; or to the first frame of ``iteration``; or to the next frame about
        ``node`` (a node id or a name as drawn).  Returns the frame, or raises ValueError
        when there is none."""
        frames = self.recording.frames if self.recording is not None else []
        if frame is not None:
            self.frame = frame
            return self.frame
        order = [*range(self.frame + 1, self._n), *range(0, self.frame + 1)]
        if phase is not None:
            if phase not in PHASES:
                raise ValueError(f"phase must be one of {PHASES}, got {phase!r}")
            hits = [j for j in order if frames[j].phase == phase]
        elif iteration is not None:
            hits = [j for j, f in enumerate(frames) if f.iteration == iteration]
        elif node is not None:
            ids = self._node_ids(node)
            hits = [j for j in order if ids & set(frames[j].nodes or (frames[j].node,))]
        else:
            raise TypeError("goto() needs frame=, phase=, iteration= or node=")
        if not hits:
            raise ValueError("no frame matches")
        self.frame = hits[0]
        return self.frame

    def _node_ids(self, node):
        g = self.recording.graph
        if node in g.nodes:
            return {node}
        return {d for d, n in g.nodes.items() if n.name == node}

    def jump_to_phase(self, phase):
        """Like ``goto(phase=...)`` but returns None when there is no such frame."""
        try:
            return self.goto(phase=phase)
        except ValueError:
            return None

    def jump_to_iteration(self, k):
        try:
            return self.goto(iteration=k)
        except ValueError:
            return None

    @property
    def caption(self) -> str:
        """The current frame's caption in the stepper's language."""
        if not self._n or self.recording is None:
            return ""
        f = self.recording.frames[self.frame]
        return str((f.captions or {}).get(self.lang) or f.caption)

    def save_html(self, path, lang=None):
        """Write the recording as one self-contained HTML file (same front end)."""
        from .export import save_html

        return save_html(self.recording, path, lang=lang or self.lang, view=self.view)

    def close(self):
        """Close the widget and let go of the recording and its data."""
        super().close()
        self.recording = None
        self.set_trait("data", "{}")

    # ------------------------------------------------------------------ text forms
    def summary(self) -> str:
        """``frame k of n (phase) — caption`` in the stepper's language."""
        lang = self.lang if self.lang in LANGS else "en"
        if not self._n:
            note = t(lang, "no_frames")
            exc = getattr(self.recording, "exception", None)
            if exc is not None:
                note += " " + t(lang, "raised", error=f"{type(exc).__name__}: {exc}")
            return note
        f = self.recording.frames[self.frame]
        # (English keeps the phase's own name: ``zero_grad``, ``freed``)
        what = t(lang, f.phase) if lang != "en" and f.phase in PHASES else str(f.phase)
        if f.iteration is not None and len({x.iteration for x in self.recording.frames}) > 1:
            what += t(lang, "repr_iteration", i=f.iteration)
        return t(lang, "repr_frame", k=self.frame + 1, n=self._n, what=what, caption=self.caption)

    def __repr__(self) -> str:
        lang = self.lang if self.lang in LANGS else "en"
        if self.recording is None:
            return t(lang, "repr_closed")
        head = t(lang, "repr_quiz") if self.quiz else t(lang, "repr_name")
        return head + self.summary()
