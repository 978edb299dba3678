"""What one frame shows, as HTML strings: caption, graph, inspector, plot.

Shared by the Stepper (ipywidgets) and the static HTML export, so both show the same thing.
Everything here reads the Recording (``frames``, ``graph``, ``autograd_graph``, ``state``,
``iterations``) and the renderer (``FrameRenderer.svg``, ``text_table``); nothing re-runs the
recorded program.
"""

from __future__ import annotations

import re
from html import escape

from .i18n import STRINGS, t
from .plot import iterations_svg
from .style import PHASE_COLOUR

#: detail keys meant for programs (tests, the recorder's own bookkeeping), not learners:
#: ``code`` names the update/zero pattern (``inplace_lr:sub_``), ``lineno`` the line number
_INTERNAL_DETAIL = frozenset({"code", "lineno"})

VIEWS = ("dataflow", "autograd")
MAX_DRAW_NODES = 1500  # above this the graph is shown as text (a note says so)

_PROLOG = re.compile(r"^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?(<!--.*?-->\s*)*", re.S)


def strip_svg(svg: str) -> str:
    """SVG from ``dot`` starts with an XML prolog, a DOCTYPE and comments: drop them so the
    SVG can be inlined in HTML."""
    return _PROLOG.sub("", svg, count=1)


_SVG_WIDTH = re.compile(r'<svg\b([^>]*?)\swidth="([\d.]+)pt"')
MIN_FIT_SCALE = 0.8  # fitting a wide graph to the output never shrinks it below this


def floor_width(svg: str) -> str:
    """Give the SVG a ``min-width`` of ``MIN_FIT_SCALE`` x its natural width: the CSS fits
    the picture to the output's width, but a long chain squeezed into 800 px would have
    unreadable labels - below this it scrolls instead."""

    def sub(m):
        px = float(m.group(2)) * 4 / 3 * MIN_FIT_SCALE
        return f'<svg{m.group(1)} style="min-width:{px:.0f}px" width="{m.group(2)}pt"'

    return _SVG_WIDTH.sub(sub, svg, count=1) if "style=" not in svg[: svg.find(">")] else svg


def _graph(rec, view):
    g = getattr(rec, "autograd_graph", None) if view == "autograd" else None
    return g if g is not None else rec.graph


def node_count(rec, view="dataflow") -> int:
    try:
        return len(_graph(rec, view).nodes)
    except Exception:
        return 0


def frame_caption_text(frame, lang) -> str:
    caps = getattr(frame, "captions", None) or {}
    cap = caps.get(lang) or caps.get("en")
    if cap is None:
        cap = getattr(frame, "caption", "") or ""
    return str(cap)


def node_label(node) -> str:
    name = getattr(node, "name", None) or getattr(node, "op", None) or str(node.id)
    kind = getattr(node, "kind", "")
    if kind == "op":
        op = getattr(node, "op", None)
        return f"{name}" if not op or op == name else f"{name} ({op})"
    return str(name)


class FrameContent:
    """Builds the HTML pieces for frame ``i`` of ``rec`` in one language and one view."""

    def __init__(self, rec, lang="en", view="dataflow"):
        if view not in VIEWS:
            raise ValueError(f"view must be one of {VIEWS}, got {view!r}")
        self.rec = rec
        self.lang = lang
        self.view = view
        self.frames = list(rec.frames)
        self.n = len(self.frames)
        self._renderers: dict = {}
        self._render_error: dict = {}
        self._state_cache: dict = {}
        self.multi_iteration = len({getattr(f, "iteration", None) for f in self.frames}) > 1

    # -- renderer --------------------------------------------------------------------
    def renderer(self, view=None):
        view = view or self.view
        if view not in self._renderers and view not in self._render_error:
            try:
                from autograd_viz.render import FrameRenderer

                if node_count(self.rec, view) > MAX_DRAW_NODES:
                    raise _TooBig(node_count(self.rec, view))
                self._renderers[view] = FrameRenderer(self.rec, view=view)
            except _TooBig as e:
                self._render_error[view] = t(
                    self.lang, "cut_note", n=e.args[0], limit=MAX_DRAW_NODES
                )
            except Exception as e:  # no engine / renderer problem: text form, with a note
                self._render_error[view] = f"{t(self.lang, 'no_graphviz')} ({type(e).__name__})"
        return self._renderers.get(view)

    def empty_note(self, lang=None) -> str:
        """Why there is nothing to step through, with the exception the block raised."""
        lang = lang or self.lang
        note = t(lang, "no_frames")
        exc = getattr(self.rec, "exception", None)
        if exc is not None:
            note += " " + t(lang, "raised", error=f"{type(exc).__name__}: {exc}")
        return note

    def note(self) -> str:
        """A note shown above the graph (no frames, engine missing, graph cut or big), or
        ''."""
        if not self.n:
            return self.empty_note()
        self.renderer()
        if self.view in self._render_error:
            return self._render_error[self.view]
        n = node_count(self.rec, self.view)
        gnote = getattr(_graph(self.rec, self.view), "note", "")
        if gnote:
            return gnote
        cut = getattr(self._renderers.get(self.view), "cut", 0)
        if cut:
            return t(self.lang, "cut_shown", cut=cut, n=n)
        if n > 300:
            return t(self.lang, "big_note", n=n)
        return ""

    def state(self, i):
        key = (self.view, i)
        if key not in self._state_cache:
            if len(self._state_cache) > 64:
                self._state_cache.clear()
            try:
                st = self.rec.state(i, view=self.view)
            except Exception:
                st = {}
            self._state_cache[key] = st
        return self._state_cache[key]

    # -- pieces ------------------------------------------------------------------------
    def frame_header(self, i) -> str:
        f = self.frames[i]
        phase = getattr(f, "phase", "")
        colour = PHASE_COLOUR.get(phase, "#ccc")
        label = t(self.lang, phase) if phase in _PHASE_KEYS else phase
        it = getattr(f, "iteration", None)
        it_s = (
            f" · {t(self.lang, 'iteration')} {it}"
            if it is not None and self.multi_iteration
            else ""
        )
        # Real text between the pieces (a space after the badge, a newline between header
        # and caption): copied text, ``textContent`` and screen readers get "backward Frame 2
        # (0–5) Backward through ..." rather than "backwardFrame 2 (0–5)Backward ...".
        return (
            f'<span class="av-phase" style="background:{colour}">{escape(label)}</span> '
            f'<span class="av-frameno">{escape(t(self.lang, "frame"))} {i} '
            f"(0–{self.n - 1}){escape(it_s)}</span>"
        )

    def caption_html(self, i) -> str:
        if not self.n:
            return f"<div>{escape(self.empty_note())}</div>"
        cap = frame_caption_text(self.frames[i], self.lang)
        return (
            f'<div class="av-caption-head">{self.frame_header(i)}</div>\n'
            f'<div class="av-caption-text" lang="{self.lang}">{escape(cap)}</div>'
        )

    def graph_html(self, i, view=None) -> str:
        view = view or self.view
        if not self.n:
            return ""
        r = self.renderer(view)
        if r is not None:
            try:
                return floor_width(strip_svg(r.svg(i)))
            except Exception as e:
                err = f"{type(e).__name__}: {e}"
        else:
            err = self._render_error.get(view, "")
        return (
            f'<div class="av-note">{escape(err)}</div>'
            f'<pre class="av-text-graph">{escape(self.text(i))}</pre>'
        )

    def text(self, i) -> str:
        """The text form of frame ``i``'s graph (``render.text_table``), or ''."""
        try:
            from autograd_viz.render import text_table

            return text_table(self.rec, i, view=self.view)
        except Exception:
            return ""

    def current_node(self, i, view=None):
        """The node frame ``i`` is about, as an id of the current view's graph."""
        if not self.n:
            return None
        f = self.frames[i]
        if (view or self.view) == "autograd":
            an = getattr(f, "anodes", ())
            if an:
                return an[0]
        return getattr(f, "node", None)

    def inspector_html(self, i, node_id=None) -> str:
        if not self.n:
            return ""
        frame = self.frames[i]
        is_current = node_id is None or node_id == self.current_node(i)
        if node_id is None:
            node_id = self.current_node(i)
        graph = _graph(self.rec, self.view)
        nodes = graph.nodes
        node = nodes.get(node_id) if node_id is not None else None
        if node is None and self.view == "autograd":  # current node may be a data-flow id
            node = self.rec.graph.nodes.get(node_id) if node_id is not None else None
        L = self.lang
        if node is None:
            return f'<div class="av-note">{escape(t(L, "no_node"))}</div>'
        st = self.state(i).get(node_id)
        rows = []
        in_rows = set()  # (key, value) already in the table: a detail repeating one is skipped

        def row(key, val, pre=False):
            in_rows.add((key, str(val)))
            v = escape(str(val))
            rows.append(
                f"<tr><th>{escape(t(L, key))}</th><td>"
                + (f"<pre>{v}</pre>" if pre else v)
                + "</td></tr>"
            )

        kind = getattr(node, "kind", "tensor")
        is_op = kind != "tensor"
        row("kind", t(L, "op") if is_op else t(L, "tensor"))
        if st is not None:
            row("status", t(L, st.status) if st.status in _STATUS_KEYS else st.status)
        if not is_op:
            shape = getattr(node, "shape", None)
            row("shape", tuple(shape) if shape is not None else t(L, "none"))
            row(
                "value",
                st.value if st is not None and st.value is not None else t(L, "not_yet"),
                pre=True,
            )
            from autograd_viz.render.frames import flows_only

            if st is not None and st.grad is not None and flows_only(node):
                # PyTorch keeps no .grad here: say what the number is
                row("grad", f"{t(L, 'none')} — {t(L, 'flowed')} {st.grad}")
            else:
                row(
                    "grad",
                    st.grad if st is not None and st.grad is not None else t(L, "none"),
                    pre=True,
                )
            row("requires_grad", getattr(node, "requires_grad", None))
            row("is_leaf", getattr(node, "is_leaf", None))
            row(
                "grad_fn",
                getattr(node, "grad_fn", None) or _producer_grad_fn(graph, node) or t(L, "none"),
            )
        else:
            gf = getattr(node, "grad_fn", None) or getattr(node, "op", None)
            if gf:
                row("grad_fn", gf)
            sym = getattr(node, "symbol", "") or getattr(node, "op", "")
            if sym and kind == "op":
                row("formula", sym)
            if st is not None and st.value is not None:
                row("value", st.value, pre=True)
            if st is not None and st.grad is not None:
                row("grad", st.grad, pre=True)
            if getattr(node, "formula", None):
                row("local", node.formula, pre=True)
        detail = getattr(frame, "detail", None) or {}
        extra = ""
        if detail and is_current:
            shown = {str(getattr(node, "formula", "")), str(getattr(node, "grad_fn", ""))}
            items = "".join(
                f"<tr><th>{escape(detail_name(L, k))}</th><td><pre>{escape(str(v))}</pre></td></tr>"
                for k, v in detail.items()
                if str(v)
                and str(v) not in shown
                and (k, str(v)) not in in_rows
                and k not in _INTERNAL_DETAIL
            )
            extra = items
        title = escape(node_label(node))
        return (
            f'<div class="av-inspector-inner"><b>{title}</b>'
            f"<table>{''.join(rows)}{extra}</table></div>"
        )

    def plot_html(self, i) -> str:
        its = getattr(self.rec, "iterations", None) or []
        if len(its) < 2 or not self.n:
            return ""
        return iterations_svg(
            its, current=getattr(self.frames[i], "iteration", None), lang=self.lang
        )

    def summary(self, i) -> str:
        """One line: what the learner sees (used by the text/plain repr).

        Counts like a person (and like ``render.text_table``'s "frame k/n"): frame ``i`` of
        the recording is "frame i+1 of n".
        """
        if not self.n:
            return self.empty_note("en")
        f = self.frames[i]
        what = getattr(f, "phase", "")
        it = getattr(f, "iteration", None)
        if it is not None and self.multi_iteration:
            what += f", iteration {it}"
        return f"frame {i + 1} of {self.n} ({what}) — {frame_caption_text(f, self.lang)}"


_PHASE_KEYS = {"forward", "backward", "accumulate", "hook", "update", "zero_grad", "freed", "error"}
_STATUS_KEYS = {"pending", "done", "current", "freed", "outside"}


def _producer_grad_fn(graph, node):
    """For a tensor node of the data-flow graph: the op node feeding it (its grad_fn)."""
    if getattr(node, "is_leaf", False):
        return None
    for src, dst in getattr(graph, "edges", ()):
        if dst == node.id:
            src_node = graph.nodes.get(src)
            if src_node is not None and getattr(src_node, "kind", "") == "op":
                return getattr(src_node, "grad_fn", None) or getattr(src_node, "op", None)
    return None


def detail_name(lang, key) -> str:
    k = f"d_{key}"
    return t(lang, k) if k in STRINGS[lang] else str(key)


class _TooBig(Exception):
    pass
