"""Long recordings (thousands of frames): the Stepper opens with a bounded number of widgets
and still steps (CONTRIBUTING "widget"; a frozen notebook is never acceptable)."""

from __future__ import annotations

import html
import re

import pytest

from autograd_viz.widget import Stepper
from autograd_viz.widget import stepper as stepper_mod
from autograd_viz.widget.i18n import STRINGS


def widget_count() -> int:
    import ipywidgets.widgets.widget as w

    reg = getattr(w, "_instances", None)
    if reg is None:  # older ipywidgets
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reg = w.Widget.widgets
    return len(reg)


def caption_of(rec, k, lang="en"):
    return html.escape(rec.frames[k].captions[lang])


def test_long_recording_opens_with_few_widgets(long_rec):
    n = len(long_rec.frames)
    assert n >= 2900 and not long_rec.internal_errors
    before = widget_count()
    st = Stepper(long_rec)  # its open time is measured in benchmarks/bench_widget.py
    created = widget_count() - before
    assert created < 300, created  # was 3 per frame: ~9000
    assert st.windowed and st.n_frames == n
    assert st.slider.max == n - 1 and st.play.max == n - 1
    for stack in (st.graph, st.caption, st.inspector):
        assert len(stack.children) == stepper_mod.SLOTS
    # the Stacks are driven from Python (a slot is not a frame): no jslink to them
    targets = {lk.target[0] for lk in st._links}
    assert not targets & {st.graph, st.caption, st.inspector}
    assert (st.play, "value", st.slider, "value") in {
        (lk.source[0], lk.source[1], lk.target[0], lk.target[1]) for lk in st._links
    }


def test_widget_count_does_not_grow_with_frames(make_long):
    small_long = make_long(600)
    b0 = widget_count()
    Stepper(small_long)
    c600 = widget_count() - b0
    b1 = widget_count()
    Stepper(make_long(2400))
    c2400 = widget_count() - b1
    assert c600 == c2400


def test_small_recording_keeps_one_child_per_frame_and_jslinks(train_rec):
    assert len(train_rec.frames) <= stepper_mod.WINDOW_FRAMES
    st = Stepper(train_rec)
    assert not st.windowed
    assert len(st.graph.children) == len(train_rec.frames)
    links = {(lk.source[0], lk.target[0], lk.target[1]) for lk in st._links}
    for stack in (st.graph, st.caption, st.inspector):
        assert (st.slider, stack, "selected_index") in links
    assert "saved notebook" not in st._note.value


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_note_says_frames_are_drawn_as_you_step(long_rec, lang):
    st = Stepper(long_rec, lang=lang)
    note = STRINGS[lang]["window_note"].format(n=len(long_rec.frames))
    assert note in st._note.value
    other = "zh" if lang == "en" else "en"
    st.lang = other
    assert STRINGS[other]["window_note"].format(n=len(long_rec.frames)) in st._note.value
    assert note not in st._note.value


def shown(st):
    """What the browser shows: the selected slot of each Stack."""
    i = st.graph.selected_index
    assert st.caption.selected_index == i == st.inspector.selected_index
    return (
        st.graph.children[i].value,
        st.caption.children[i].value,
        st.inspector.children[i].value,
    )


def test_stepping_changes_picture_caption_and_inspector(long_rec):
    rec = long_rec
    n = len(rec.frames)
    st = Stepper(rec)
    seen = [shown(st)]
    assert caption_of(rec, 0) in seen[0][1] and "<table>" in seen[0][2]
    assert "<svg" in seen[0][0] or "av-text-graph" in seen[0][0]
    for k in range(1, 30):  # more steps than there are slots
        st._btn["next"].click()
        assert st.frame == k and st.slider.value == k
        g, c, i = shown(st)
        assert (g, c, i) == (st.current_svg, st.current_caption, st.current_inspector)
        assert caption_of(rec, k) in c and f"Frame {k} " in c
        seen.append((g, c, i))
    assert len({c for _, c, _ in seen}) == len(seen)
    assert len({g for g, _, _ in seen}) >= len(seen) // 2
    assert len({i for _, _, i in seen}) >= len(seen) // 3

    st._btn["last"].click()
    assert st.frame == n - 1 and st._btn["next"].disabled
    g, c, i = shown(st)
    assert caption_of(rec, n - 1) in c and g != seen[-1][0] and "<table>" in i
    st._btn["prev"].click()
    assert caption_of(rec, n - 2) in shown(st)[1]
    st.slider.value = 1777  # a slider drag / Play tick from the browser
    assert st.frame == 1777
    assert caption_of(rec, 1777) in shown(st)[1]
    assert "<svg" in shown(st)[0] or "av-text-graph" in shown(st)[0]
    st._btn["first"].click()
    assert caption_of(rec, 0) in shown(st)[1]
    assert shown(st)[0] == seen[0][0]


def test_phase_jumps_and_iteration_on_long_recording(long_rec):
    rec = long_rec
    ph = [f.phase for f in rec.frames]
    st = Stepper(rec)
    st.slider.value = 2000
    for p in ("backward", "update", "zero_grad", "forward"):
        before = shown(st)[1]
        st._jumps[p].click()
        j = st.frame
        assert ph[j] == p and (j > 2000 or j == ph.index(p))
        assert caption_of(rec, j) in shown(st)[1] and shown(st)[1] != before
    its = sorted({f.iteration for f in rec.frames if f.iteration is not None})
    st._iteration.value = its[-3]
    assert rec.frames[st.frame].iteration == its[-3]
    assert caption_of(rec, st.frame) in shown(st)[1]


def test_language_view_and_picker_refill_the_slots(long_rec):
    rec = long_rec
    st = Stepper(rec)
    st.slider.value = 1500
    st.lang = "zh"
    assert caption_of(rec, 1500, "zh") in shown(st)[1]
    assert re.search(r"[\u4e00-\u9fff]", shown(st)[2])
    st._btn["next"].click()
    assert caption_of(rec, 1501, "zh") in shown(st)[1]
    st.lang = "en"
    if getattr(rec, "autograd_graph", None) and rec.autograd_graph.nodes:
        svg0 = shown(st)[0]
        st.view = "autograd"
        assert shown(st)[0] != svg0
        st._btn["next"].click()
        assert caption_of(rec, 1502) in shown(st)[1]
        st.view = "dataflow"
    wid = next(n.id for n in rec.graph.nodes.values() if n.name == "w")
    st._node.value = wid
    insp = st.current_inspector
    assert "<b>w</b>" in insp
    st._btn["last"].click()
    assert st.current_inspector != insp


def test_click_on_long_recording_draws_only_the_window(long_rec, monkeypatch):
    # what keeps a click quick, as behaviour (its time is in benchmarks/bench_widget.py):
    # a click draws at most the lazy window around the new frame, never every frame
    st = Stepper(long_rec)
    drawn = []
    real = st._c.graph_html
    monkeypatch.setattr(st._c, "graph_html", lambda i: drawn.append(i) or real(i))
    window = stepper_mod.AHEAD + stepper_mod.BEHIND + 1
    clicked = 0
    for key in ("next", "next", "last", "prev", "first"):
        drawn.clear()
        st._btn[key].click()  # no event loop: includes the window refill
        assert len(drawn) <= window, (key, drawn)
        clicked += len(drawn)
        assert st.frame in drawn or st.frame in st._drawn, key
    assert clicked > 0  # the clicks drew frames not shown before
