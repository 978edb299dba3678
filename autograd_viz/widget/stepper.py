"""The Stepper: step through a Recording with standard ipywidgets controls.

Speed design (CONTRIBUTING "widget"; issue 5 "Speed"):

* Each frame's graph SVG, caption and inspector are children of three ``widgets.Stack``s
  whose ``selected_index`` is ``jslink``-ed to the frame slider (and Play to the slider).
  Stepping is done by the browser; a click on next sends one integer to the browser, and a
  notebook saved with widget state keeps stepping without a kernel.
* Big recordings are lazy: only a window of frames around the current one has its SVG
  materialised (``AHEAD`` frames ahead, ``BEHIND`` behind); when the frame moves, the window
  is refilled *after* the click handler returns (``loop.call_soon`` in a kernel), so a click
  stays one small message while the frames ahead are drawn in the background.
* The kernel-side ``selected_index`` of the Stacks is not updated per click (it would send
  three more messages); ``stepper.frame`` is the source of truth on the Python side.
* Long recordings (more than ``WINDOW_FRAMES`` frames, e.g. ``record(full_iterations=500)``
  over a training loop, up to 20000 frames) are *windowed*: one widget per frame per panel
  would mean tens of thousands of widgets, which a kernel serializes and a browser builds one
  by one (a frozen notebook).  Then each Stack has ``SLOTS`` children, a ring buffer: frame
  ``j`` lives in slot ``j % SLOTS``; the slider is observed in Python (no jslink to the
  Stacks), which fills the target slot and selects it, then refills the window around it in
  the background.  A note (en/zh) says so: a saved notebook shows the current frame only.
"""

from __future__ import annotations

import itertools

import ipywidgets as widgets
import traitlets
from ipywidgets.widgets.widget_string import HTMLStyle

from . import content as _content
from .i18n import resolve, t
from .style import css, legend_html

PHASE_JUMPS = ("forward", "backward", "accumulate", "hook", "update", "zero_grad")
EAGER_SVG_BYTES = 4_000_000  # estimated total SVG size up to which every frame is drawn
AHEAD, BEHIND = 6, 2  # lazy window
WINDOW_FRAMES = 300  # above this many frames the Stacks are a ring of SLOTS children
SLOTS = 12  # > AHEAD + BEHIND + 1: the window never evicts the shown frame
_FOLLOW = ""  # node picker value: inspect the current frame's node

_ids = itertools.count(1)


def _schedule(fn):
    """Run ``fn`` after the current message handler (in a kernel), else right away."""
    try:
        import asyncio

        loop = asyncio.get_running_loop()
    except RuntimeError:
        fn()
        return False
    loop.call_soon(fn)
    return True


class Stepper(widgets.VBox):
    """Step through the frames of a Recording: graph, caption, inspector, loss plot.

    ``Stepper(rec, lang=None, view="dataflow")``; ``lang=None`` follows
    ``autograd_viz.widget.set_language``.  ``stepper.frame`` is the current frame index.
    """

    frame = traitlets.Int(0)
    lang = traitlets.Unicode("en")
    view = traitlets.Unicode("dataflow")
    picked = traitlets.Any(None, allow_none=True)  # node id shown in the inspector, or None

    def __init__(self, recording, lang=None, view="dataflow", **kwargs):
        lang = resolve(lang, recording)
        if view not in _content.VIEWS:
            raise ValueError(f"view must be one of {_content.VIEWS}, got {view!r}")
        self.recording = recording
        self._c = _content.FrameContent(recording, lang=lang, view=view)
        n = self._c.n
        self._n = n
        self._root_class = f"av-stepper-{next(_ids)}"
        self._windowed = n > WINDOW_FRAMES
        self._lazy = self._windowed or self._decide_lazy()
        n_slots = min(n, SLOTS) if self._windowed else n
        self._slot_frame = [-1] * n_slots  # windowed: the frame each slot holds (-1: none)
        self._drawn: set[int] = set()  # frames whose SVG is materialised (current view)
        self._fill_pending = False
        self._syncing = False

        # ---------------------------------------------------------------- controls
        last = max(n - 1, 0)
        self._btn = {}
        for key, cls in (
            ("first", "av-first"),
            ("prev", "av-prev"),
            ("next", "av-next"),
            ("last", "av-last"),
        ):
            b = widgets.Button(layout=widgets.Layout(width="auto"))
            b.add_class(cls)
            b.add_class("av-nav")
            b.on_click(getattr(self, f"_on_{key}"))
            self._btn[key] = b
        self.slider = widgets.IntSlider(
            value=0,
            min=0,
            max=last,
            step=1,
            continuous_update=True,
            layout=widgets.Layout(width="60%", min_width="260px"),
        )
        self.slider.add_class("av-slider")
        self.play = widgets.Play(value=0, min=0, max=last, step=1, interval=900, show_repeat=False)
        self.play.add_class("av-play")
        self.speed = widgets.IntSlider(
            value=900,
            min=100,
            max=3000,
            step=100,
            continuous_update=False,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="260px"),
        )
        self.speed.add_class("av-speed")
        self._links = [
            widgets.jslink((self.play, "value"), (self.slider, "value")),
            widgets.jslink((self.speed, "value"), (self.play, "interval")),
        ]

        phases_present = [p for p in PHASE_JUMPS if any(f.phase == p for f in self._c.frames)]
        self._jump_label = widgets.Label()
        self._jumps = {}
        for p in phases_present:
            b = widgets.Button(layout=widgets.Layout(width="auto"))
            b.add_class(f"av-jump-{p}")
            b.on_click(lambda _b, p=p: self.jump_to_phase(p))
            self._jumps[p] = b
        iters = sorted({f.iteration for f in self._c.frames if f.iteration is not None})
        if len(iters) < 2:
            iters = []
        self._iteration = widgets.Dropdown(
            options=[(str(k), k) for k in iters],
            value=(self._c.frames[0].iteration if iters else None),
            layout=widgets.Layout(width="auto"),
        )
        self._iteration.add_class("av-iteration")
        self._iteration.observe(self._on_iteration, "value")
        self._node = widgets.Dropdown(
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto", min_width="220px"),
        )
        self._node.add_class("av-node-picker")
        self._node.observe(self._on_node, "value")
        self._view = widgets.ToggleButtons(
            options=[("", "dataflow"), ("", "autograd")], value=view, style={"button_width": "auto"}
        )
        self._view.add_class("av-view")
        self._view.observe(lambda ch: setattr(self, "view", ch["new"]), "value")
        self._lang = widgets.ToggleButtons(
            options=[("English", "en"), ("中文", "zh")], value=lang, style={"button_width": "auto"}
        )
        self._lang.add_class("av-lang")
        self._lang.observe(lambda ch: setattr(self, "lang", ch["new"]), "value")
        self._font = widgets.IntSlider(
            value=2,
            min=1,
            max=5,
            step=1,
            readout=True,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="220px"),
        )
        self._font.add_class("av-font")
        self._font.observe(self._on_font, "value")

        # ---------------------------------------------------------------- display
        self._style = widgets.HTML(css(self._root_class))
        self._note = widgets.HTML()
        self._note.add_class("av-note")
        # one Layout and one style shared by all per-frame HTMLs: a default HTML creates
        # two more widgets (Layout, HTMLStyle), which triples the cost of opening
        self._child_layout = widgets.Layout()
        self._child_style = HTMLStyle()

        def html():
            return widgets.HTML(layout=self._child_layout, style=self._child_style)

        self.caption = widgets.Stack(
            [html() for _ in range(n_slots)], selected_index=0 if n else None
        )
        self.caption.add_class("av-caption")
        # the graph takes the row; the inspector sits beside it on wide outputs and wraps
        # under it on narrow ones (a notebook next to JupyterLab's file browser)
        self.graph = widgets.Stack(
            [html() for _ in range(n_slots)],
            selected_index=0 if n else None,
            layout=widgets.Layout(flex="1 1 560px", min_width="0"),
        )
        self.graph.add_class("av-graph")
        self.inspector = widgets.Stack(
            [html() for _ in range(n_slots)], selected_index=0 if n else None
        )
        self.inspector.add_class("av-inspector")
        self._picked_html = widgets.HTML(layout=widgets.Layout(display="none"))
        self._picked_html.add_class("av-inspector")
        self._picked_html.add_class("av-inspector-picked")
        self._plot = widgets.HTML()
        self._plot.add_class("av-plot-area")
        self._legend = widgets.HTML()
        if not self._windowed:
            for stack in (self.caption, self.graph, self.inspector):
                self._links.append(
                    widgets.jslink((self.slider, "value"), (stack, "selected_index"))
                )

        nav = widgets.HBox(
            [*self._btn.values(), self.play, self.speed, self._speed_label()],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
        )
        jumps = widgets.HBox(
            [self._jump_label, *self._jumps.values(), *([self._iteration] if iters else [])],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
        )
        opts = widgets.HBox(
            [self._node, self._view, self._lang, self._font],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
        )
        side = widgets.VBox(
            [self.inspector, self._picked_html, self._plot],
            layout=widgets.Layout(flex="0 1 360px", min_width="260px"),
        )
        body = widgets.HBox(
            [self.graph, side],
            layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start"),
        )
        super().__init__(
            [
                self._style,
                nav,
                self.slider,
                jumps,
                opts,
                self.caption,
                self._note,
                body,
                self._legend,
            ],
            **kwargs,
        )
        self.add_class("av-stepper")
        self.add_class(self._root_class)
        self.add_class("av-fs-2")

        # ---------------------------------------------------------------- fill
        self.slider.observe(self._on_slider, "value")
        self.set_trait("lang", lang)
        self.set_trait("view", view)
        self._apply_lang()
        if self._windowed:  # fills whole slots: captions, inspector, graph
            self._legend.value = legend_html(self.lang)
        else:
            self._fill_texts()
        self._fill_graphs(reset=True)
        self._update_frame_dependent(0, None)

    # ------------------------------------------------------------------ public helpers
    @property
    def n_frames(self) -> int:
        return self._n

    @property
    def current_svg(self) -> str:
        """The graph HTML shown at the current frame (draws it if not yet drawn)."""
        if not self._n:
            return ""
        self._ensure_drawn(self.frame)
        return self.graph.children[self._slot(self.frame)].value

    @property
    def current_caption(self) -> str:
        if not self._n:
            return ""
        self._ensure_drawn(self.frame)
        return self.caption.children[self._slot(self.frame)].value

    @property
    def current_inspector(self) -> str:
        if not self._n:
            return ""
        if self.picked is not None:
            return self._picked_html.value
        self._ensure_drawn(self.frame)
        return self.inspector.children[self._slot(self.frame)].value

    @property
    def windowed(self) -> bool:
        """True for a long recording: a few Stack children re-filled as the frame moves
        (see the module docstring) instead of one per frame."""
        return self._windowed

    def next(self):
        self._on_next(None)

    def prev(self):
        self._on_prev(None)

    def jump_to_phase(self, phase: str) -> int | None:
        """Go to the next frame (after the current one) whose phase is ``phase``; wraps to
        the first such frame.  Returns the new frame index or None if there is none."""
        frames = self._c.frames
        order = list(range(self.frame + 1, self._n)) + list(range(0, self.frame + 1))
        for j in order:
            if frames[j].phase == phase:
                self.frame = j
                return j
        return None

    def jump_to_iteration(self, k) -> int | None:
        for j, f in enumerate(self._c.frames):
            if f.iteration == k:
                self.frame = j
                return j
        return None

    def save_html(self, path, lang=None):
        """Write the recording as one self-contained HTML file (no kernel needed)."""
        from .export import save_html

        return save_html(self.recording, path, lang=lang or self.lang, view=self.view)

    # ------------------------------------------------------------------ text forms
    def __repr__(self) -> str:
        return "Stepper: " + self._c.summary(self.frame)

    def _text_plain(self) -> str:
        lines = [repr(self)]
        if self._n:
            table = self._c.text(self.frame)
            head, _, rest = table.partition("\n")
            if head.startswith("frame ") and rest:
                # render.text_table's own title line ("frame k/n (phase; iteration): caption")
                # repeats the first line in another format: keep one, the table below it
                table = rest
            if table:
                lines.append(table)
        return "\n".join(lines)

    def _repr_mimebundle_(self, **kwargs):
        data = super()._repr_mimebundle_(**kwargs) or {}
        data["text/plain"] = self._text_plain()
        return data

    # ------------------------------------------------------------------ internals
    def _speed_label(self):
        self._speed_lbl = widgets.Label()
        return self._speed_lbl

    def _decide_lazy(self) -> bool:
        nodes = _content.node_count(self.recording, self._c.view)
        est = self._c.n * (600 + 700 * nodes)  # rough bytes of all SVGs
        return est > EAGER_SVG_BYTES

    def _window(self, i):
        if not self._lazy:
            return range(self._n)
        return range(max(0, i - BEHIND), min(self._n, i + AHEAD + 1))

    def _slot(self, i):
        return i % len(self._slot_frame) if self._windowed else i

    def _ensure_drawn(self, i):
        if not 0 <= i < self._n:
            return
        if self._windowed:
            s = self._slot(i)
            if self._slot_frame[s] != i:
                old = self._slot_frame[s]
                self._drawn.discard(old)
                c = self._c
                self.caption.children[s].value = c.caption_html(i)
                self.inspector.children[s].value = c.inspector_html(i)
                self.graph.children[s].value = c.graph_html(i)
                self._slot_frame[s] = i
                self._drawn.add(i)
            return
        if i not in self._drawn:
            self.graph.children[i].value = self._c.graph_html(i)
            self._drawn.add(i)

    def _select(self, i):
        """Windowed: show frame ``i`` (filled first, then its slot selected)."""
        self._ensure_drawn(i)
        s = self._slot(i)
        for stack in (self.graph, self.caption, self.inspector):
            stack.selected_index = s

    def _refill_slots(self):
        """Windowed: forget what the slots hold (language or view changed), refill the
        window around the current frame."""
        self._slot_frame = [-1] * len(self._slot_frame)
        self._drawn = set()
        self._select(self.frame)
        self._fill_window()

    def _note_html(self):
        notes = [self._c.note()]
        if self._windowed:
            notes.append(t(self.lang, "window_note", n=self._n))
        return "".join(f'<div class="av-note">{x}</div>' for x in notes if x)

    def _fill_graphs(self, reset=False):
        if reset and self._windowed:
            self._note.value = self._note_html()
            self._refill_slots()
            return
        if reset:
            if self._lazy:
                for j in self._drawn:
                    self.graph.children[j].value = self._placeholder(j)
                for j in range(self._n):
                    if j not in self._drawn and not self.graph.children[j].value:
                        self.graph.children[j].value = self._placeholder(j)
            self._drawn = set()
            self._note.value = self._note_html()
        self._fill_window()

    def _placeholder(self, j):
        return f'<div class="av-note">{t(self.lang, "loading", i=j)}</div>'

    def _fill_window(self):
        self._fill_pending = False
        i = self.frame
        self._ensure_drawn(i)  # the shown frame first
        for j in self._window(i):
            self._ensure_drawn(j)

    def _fill_texts(self):
        c = self._c
        if self._windowed:
            self._legend.value = legend_html(self.lang)
            self._refill_slots()
            return
        for j in range(self._n):
            self.caption.children[j].value = c.caption_html(j)
            self.inspector.children[j].value = c.inspector_html(j)
        self._legend.value = legend_html(self.lang)

    def _apply_lang(self):
        L = self.lang
        # Latin-1 arrows: present in every font (⏮/⏭ are missing in many)
        arrows = {"first": "« ", "prev": "‹ ", "next": "", "last": ""}
        after = {"first": "", "prev": "", "next": " ›", "last": " »"}
        for key, b in self._btn.items():
            b.description = arrows[key] + t(L, f"{key}_s") + after[key]
            b.tooltip = t(L, key)
        self.play.description = t(L, "play")
        self.play.tooltip = t(L, "play")
        self.speed.description = t(L, "speed")
        self.speed.tooltip = t(L, "speed_tip")
        self._speed_lbl.value = ""
        self.slider.description = t(L, "frame")
        self.slider.tooltip = t(L, "frame_tip")
        self._jump_label.value = t(L, "jump")
        for p, b in self._jumps.items():
            b.description = t(L, p)
            b.tooltip = t(L, "jump_tip", phase=t(L, p))
        self._iteration.description = t(L, "iteration")
        self._iteration.tooltip = t(L, "iteration_tip")
        self._node.description = t(L, "node")
        self._node.tooltip = t(L, "node_tip")
        self._set_node_options()
        self._view.options = [(t(L, "dataflow"), "dataflow"), (t(L, "autograd"), "autograd")]
        self._view.tooltips = [t(L, "view_tip")] * 2
        self._view.description = t(L, "view")
        self._lang.description = t(L, "lang")
        self._lang.tooltips = [t(L, "lang_tip")] * 2
        self._font.description = t(L, "font")
        self._font.tooltip = t(L, "font_tip")

    def _set_node_options(self):
        graph = _content._graph(self.recording, self.view)
        # "" (not None) for "follow the current node": a Dropdown whose value is None shows
        # an empty box instead of the option's label
        opts = [(t(self.lang, "current_node"), _FOLLOW)]
        for nid, node in graph.nodes.items():
            opts.append((_content.node_label(node), nid))
        keep = self.picked if any(v == self.picked for _, v in opts) else None
        self._syncing = True
        try:
            self._node.options = opts
            self._node.value = _FOLLOW if keep is None else keep
        finally:
            self._syncing = False
        if keep != self.picked:
            self.picked = keep

    # -- observers -----------------------------------------------------------------------
    def _on_first(self, _b):
        self.frame = 0

    def _on_prev(self, _b):
        self.frame = max(0, self.frame - 1)

    def _on_next(self, _b):
        self.frame = min(max(self._n - 1, 0), self.frame + 1)

    def _on_last(self, _b):
        self.frame = max(self._n - 1, 0)

    def _on_slider(self, change):
        self.frame = change["new"]

    def _on_iteration(self, change):
        if self._syncing or change["new"] is None:
            return
        if self._c.frames[self.frame].iteration != change["new"]:
            self.jump_to_iteration(change["new"])

    def _on_node(self, change):
        if self._syncing:
            return
        if change["new"] is None:  # deselected: show "(current node)" again
            self._syncing = True
            try:
                self._node.value = _FOLLOW
            finally:
                self._syncing = False
        self.picked = change["new"] or None

    def _on_font(self, change):
        self.remove_class(f"av-fs-{change['old']}")
        self.add_class(f"av-fs-{change['new']}")

    @traitlets.validate("frame")
    def _valid_frame(self, proposal):
        v = int(proposal["value"])
        if self._n == 0:
            return 0
        if not 0 <= v < self._n:
            raise traitlets.TraitError(f"frame must be in 0..{self._n - 1}, got {v}")
        return v

    @traitlets.observe("frame")
    def _frame_changed(self, change):
        new, old = change["new"], change["old"]
        if self.slider.value != new:
            self.slider.value = new  # the one message; the browser moves the Stacks
        if self._windowed:
            self._select(new)  # no jslink: fill the slot, then select it
        self._update_frame_dependent(new, old)
        if (
            self._lazy
            and not self._fill_pending
            and any(j not in self._drawn for j in self._window(new))
        ):
            if new not in self._drawn:
                self._ensure_drawn(new)  # a jump far away: draw the target now
            self._fill_pending = True
            _schedule(self._fill_window)

    def _update_frame_dependent(self, new, old):
        # only what changed is sent: traitlets drops equal values
        self._btn["first"].disabled = self._btn["prev"].disabled = new <= 0
        self._btn["next"].disabled = self._btn["last"].disabled = new >= self._n - 1
        frames = self._c.frames
        if not self._n:
            for b in self._jumps.values():
                b.disabled = True
            return
        it_new = frames[new].iteration
        it_old = frames[old].iteration if old is not None else object()
        if it_new != it_old or old is None:
            if it_new is not None and self._iteration.options:
                self._syncing = True
                try:
                    self._iteration.value = it_new
                finally:
                    self._syncing = False
            self._plot.value = self._c.plot_html(new)
        if self.picked is not None:
            self._picked_html.value = self._c.inspector_html(new, self.picked)

    @traitlets.observe("picked")
    def _picked_changed(self, change):
        if change["new"] is None:
            self._picked_html.layout.display = "none"
            self.inspector.layout.display = None
        else:
            self._picked_html.value = self._c.inspector_html(self.frame, change["new"])
            self._picked_html.layout.display = None
            self.inspector.layout.display = "none"
        want = _FOLLOW if change["new"] is None else change["new"]
        if self._node.value != want:
            self._syncing = True
            try:
                self._node.value = want
            finally:
                self._syncing = False

    @traitlets.validate("lang")
    def _valid_lang(self, proposal):
        return resolve(proposal["value"])

    @traitlets.observe("lang")
    def _lang_changed(self, change):
        if not hasattr(self, "_c"):
            return
        self._c.lang = change["new"]
        if self._lang.value != change["new"]:
            self._lang.value = change["new"]
        self._apply_lang()
        self._fill_texts()
        self._plot.value = self._c.plot_html(self.frame)
        if self.picked is not None:
            self._picked_html.value = self._c.inspector_html(self.frame, self.picked)
        self._note.value = self._note_html()

    @traitlets.validate("view")
    def _valid_view(self, proposal):
        if proposal["value"] not in _content.VIEWS:
            raise traitlets.TraitError(f"view must be one of {_content.VIEWS}")
        return proposal["value"]

    @traitlets.observe("view")
    def _view_changed(self, change):
        if not hasattr(self, "_c"):
            return
        self._c.view = change["new"]
        if self._view.value != change["new"]:
            self._view.value = change["new"]
        self._lazy = self._lazy or self._decide_lazy()
        self._set_node_options()
        if not self._windowed:  # windowed: _fill_graphs refills whole slots
            for j in range(self._n):
                self.inspector.children[j].value = self._c.inspector_html(j)
        if self.picked is not None:
            self._picked_html.value = self._c.inspector_html(self.frame, self.picked)
        self._fill_graphs(reset=True)
