"""The renderer: Recording (or tensors) -> DOT / SVG, laid out once per recording.

``draw(*tensors, view="dataflow")`` -> :class:`Drawing` (a ``graphviz.Digraph``);
``FrameRenderer(recording, view)`` -> ``svg(i)`` per frame on one layout;
``text_table(recording, i)``; ``graphviz_engine()``.  Never imports the widget layer.
"""

from __future__ import annotations

import re
import sys

import graphviz

from .. import _seam
from . import engine as _engine
from .engine import EngineError, graphviz_engine, no_engine_message, run_svg
from .frames import (
    FLOW_LEGEND,
    FLOWED,
    LEGEND,
    MAX_NODES,
    PALETTE,
    STATUS_STYLE,
    FrameRenderer,
    _lang,
    build_dot,
    dot_quote,
    fallback_svg,
    node_positions,
    split_rows,
    text_table,
)

__all__ = [
    "FLOWED",
    "FLOW_LEGEND",
    "LEGEND",
    "MAX_NODES",
    "PALETTE",
    "STATUS_STYLE",
    "Drawing",
    "EngineError",
    "FrameRenderer",
    "build_dot",
    "dot_quote",
    "draw",
    "draw_frame",
    "graphviz_engine",
    "no_engine_message",
    "node_positions",
    "recording_mimebundle",
    "run_svg",
    "split_rows",
    "text_table",
]


class Drawing(graphviz.Digraph):
    """A ``graphviz.Digraph`` of one picture (a graph now, or one frame of a recording).

    Displays as SVG (laid out by the engine :func:`graphviz_engine` picks) with a
    ``text/plain`` node table; with no engine, as a message with the install command
    and the table.  ``.recording``, ``.frame``, ``.view``, ``.table``.
    """

    def __init__(self, recording, frame=-1, view="dataflow", limit=MAX_NODES, lang=None):
        super().__init__("autograd_viz")
        self.recording = recording
        self.view = view
        self.lang = _lang(recording, lang)
        n = len(recording.frames)
        self.frame = (frame + n if frame < 0 else frame) if n else None
        state = recording.state(self.frame if n else 0, view=view)
        source, _, self.cut = build_dot(recording, view, state=state, limit=limit, lang=self.lang)
        # the body is everything between the braces of our own DOT text
        inner = source.strip().splitlines()[1:-1]
        self.body.extend(line + "\n" for line in inner)
        self.table = text_table(recording, self.frame if n else 0, view, self.lang)
        self.limit = limit
        self._svg = None
        self._error = None
        _engine.configure_graphviz_package()

    def _render(self):
        # the picture is the one the Stepper shows for this frame (same layout and lines);
        # ``.source`` is this frame's DOT on its own (for ``.render()`` / ``.pipe()``)
        if self._svg is None and self._error is None:
            r = FrameRenderer(self.recording, self.view, self.limit, self.lang)
            if r.engine == "none":
                self._error = r.message
            else:
                self._svg = r.svg(self.frame if self.frame is not None else 0)
        return self._svg

    def svg(self) -> str:
        svg = self._render()
        return svg if svg is not None else fallback_svg(self._error, self.table)

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        svg = self._render()
        if svg is None:
            import html

            return {
                "text/plain": f"{self._error}\n{self.table}",
                "text/html": (
                    f'<div class="av-fallback"><p><b>{html.escape(self._error)}'
                    f"</b></p><pre>{html.escape(self.table)}</pre></div>"
                ),
            }
        return {"image/svg+xml": fit_width(svg), "text/plain": self.table}

    def __repr__(self) -> str:
        return self.table


# JupyterLab and Notebook 7 show image/svg+xml as an <img> at its natural size, never scaled
# to the output area: a wider picture is cut at the right edge (the loss node of lessons 04
# and 05). 640pt = 853px fits the output area of a 1280px window with the file browser open;
# never below FIT_MIN_SCALE (labels stay readable; a longer chain still scrolls).
FIT_WIDTH_PT = 640.0
FIT_MIN_SCALE = 0.7
_SVG_SIZE = re.compile(r'<svg width="([0-9.]+)(pt|px)?" height="([0-9.]+)(pt|px)?"')


def fit_width(svg: str, max_pt: float = FIT_WIDTH_PT) -> str:
    """``svg`` with its width/height attributes scaled down (same viewBox, so the same
    picture, by at most ``FIT_MIN_SCALE``) when it is wider than ``max_pt`` points;
    unchanged otherwise."""
    m = _SVG_SIZE.search(svg, 0, 400)
    if m is None:
        return svg
    w, wu, h, hu = float(m.group(1)), m.group(2) or "", float(m.group(3)), m.group(4) or ""
    w_pt = w * 0.75 if wu != "pt" else w
    if w_pt <= max_pt:
        return svg
    k = max(max_pt / w_pt, FIT_MIN_SCALE)
    return (
        svg[: m.start()] + f'<svg width="{w * k:.2f}{wu}" height="{h * k:.2f}{hu}"' + svg[m.end() :]
    )


def draw(*tensors, view="dataflow", frame=-1, limit=MAX_NODES, lang=None):
    """Draw the graph that produced ``tensors`` (names are the variables they are bound
    to in the caller, else ``t.label``, else the op).  ``draw(recording)`` draws a frame.
    ``lang``: language of the few words in the picture (default: the recording's, else
    ``set_language()``'s)."""
    from ..recorder import Recording, snapshot

    if len(tensors) == 1 and isinstance(tensors[0], Recording):
        return Drawing(tensors[0], frame, view, limit, lang)
    if not tensors:
        raise TypeError("draw() needs at least one tensor or a Recording")
    rec = snapshot(*tensors, names_from=sys._getframe(1))
    return Drawing(rec, 0, view, limit, lang)


def draw_frame(recording, frame=-1, view="dataflow", lang=None):
    return Drawing(recording, frame, view, lang=lang)


def recording_mimebundle(rec) -> dict:
    """A recording in a notebook: summary text + the last frame's picture."""
    renderers = getattr(rec, "_renderers", None)
    r = renderers.get("dataflow") if renderers is not None else None
    if r is None:
        r = FrameRenderer(rec, "dataflow")
        if renderers is not None:
            renderers["dataflow"] = r
    # (in the language of now: the renderer is cached with the recording)
    text = rec.summary() + "\n" + text_table(rec, -1)
    if r.engine == "none":
        import html

        return {
            "text/plain": r.message + "\n" + text,
            "text/html": (
                f'<div class="av-fallback"><p><b>{html.escape(r.message)}</b>'
                f"</p><pre>{html.escape(text)}</pre></div>"
            ),
        }
    return {"image/svg+xml": r.svg(-1), "text/plain": text}


# ``rec.draw()`` and a recording's display in Jupyter go through autograd_viz/_seam.py
_seam.provide("draw_frame", draw_frame)
_seam.provide("mimebundle", recording_mimebundle)
