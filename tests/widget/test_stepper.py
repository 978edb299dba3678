"""The Stepper driven from Python: every control, both languages, real recordings."""

from __future__ import annotations

import re

import ipywidgets as widgets
import pytest
import traitlets

from autograd_viz.widget import Stepper, set_language
from autograd_viz.widget.i18n import STRINGS

CJK = re.compile(r"[\u4e00-\u9fff]")


def phases(rec):
    return [f.phase for f in rec.frames]


def test_exported_lazily_from_package(rec):
    import autograd_viz

    assert autograd_viz.Stepper is Stepper
    st = rec.stepper() if hasattr(rec, "stepper") else Stepper(rec)
    assert isinstance(st, Stepper)
    assert isinstance(st, widgets.VBox)


def test_opens_on_frame_zero_with_picture_caption_inspector(rec):
    st = Stepper(rec)
    assert st.frame == 0 and st.slider.value == 0
    assert st.slider.max == len(rec.frames) - 1 >= 3
    assert "<svg" in st.current_svg or "av-text-graph" in st.current_svg
    assert rec.frames[0].captions["en"].split()[0] in st.current_caption
    assert "<table>" in st.current_inspector
    assert st._btn["prev"].disabled and st._btn["first"].disabled
    assert not st._btn["next"].disabled


def test_next_changes_picture_caption_and_inspector(rec):
    st = Stepper(rec)
    seen_svg, seen_cap = {st.current_svg}, {st.current_caption}
    seen_insp = {st.current_inspector}
    for k in range(1, len(rec.frames)):
        st._btn["next"].click()
        assert st.frame == k and st.slider.value == k
        seen_svg.add(st.current_svg)
        seen_cap.add(st.current_caption)
        seen_insp.add(st.current_inspector)
    n = len(rec.frames)
    assert len(seen_cap) == n  # a different caption on every frame
    assert len(seen_svg) == n  # and a different picture
    assert len(seen_insp) >= n // 2
    assert st._btn["next"].disabled and st._btn["last"].disabled
    st._btn["next"].click()  # on the last frame: stays there
    assert st.frame == n - 1


def test_caption_shows_the_frames_own_caption(rec):
    st = Stepper(rec)
    import html

    for k, f in enumerate(rec.frames):
        st.frame = k
        assert html.escape(f.captions["en"]) in st.current_caption
        assert f"Frame {k} " in st.current_caption
        # words stay apart in the markup's text (screen readers, copy, textContent)
        plain = re.sub(r"<[^>]+>", "", st.current_caption)
        assert re.search(r"\S Frame \d+ \(0–\d+\)\s+\S", plain), plain


def test_prev_first_last_and_slider(rec):
    st = Stepper(rec)
    n = len(rec.frames)
    st._btn["last"].click()
    assert st.frame == n - 1
    st._btn["prev"].click()
    assert st.frame == n - 2
    st._btn["first"].click()
    assert st.frame == 0
    st.slider.value = 2
    assert st.frame == 2
    st.frame = 3
    assert st.slider.value == 3
    with pytest.raises(traitlets.TraitError, match=f"frame must be in 0..{n - 1}, got {n}"):
        st.frame = n


def test_current_node_marked_in_svg(rec):
    st = Stepper(rec)
    if "<svg" not in st.current_svg:
        pytest.skip("no Graphviz engine")
    marked = []
    for k in range(min(4, len(rec.frames))):
        st.frame = k
        m = re.search(
            r'<g id="[^"]*" class="[^"]*av-current[^"]*">\s*<title>([^<]*)</title>', st.current_svg
        )
        marked.append(m.group(1) if m else None)
    assert any(marked)
    assert len({m for m in marked if m}) >= 2  # it moves within the first steps


def test_play_and_stacks_are_jslinked(rec):
    st = Stepper(rec)
    links = {(lk.source[0], lk.source[1], lk.target[0], lk.target[1]) for lk in st._links}
    assert (st.play, "value", st.slider, "value") in links
    assert (st.speed, "value", st.play, "interval") in links
    for stack in (st.graph, st.caption, st.inspector):
        assert (st.slider, "value", stack, "selected_index") in links
        assert len(stack.children) == len(rec.frames)
    assert st.play.max == len(rec.frames) - 1
    # a Play tick arrives from the browser as a slider change: same as a slider move
    st.slider.value = 1
    assert st.frame == 1


def test_phase_jumps(rec):
    st = Stepper(rec)
    ph = phases(rec)
    assert "backward" in ph and "forward" in ph
    st._jumps["backward"].click()
    assert st.frame == ph.index("backward")
    assert "backward" in st.current_caption.lower()
    j = st.frame
    st._jumps["backward"].click()
    later = [i for i, p in enumerate(ph) if p == "backward" and i > j]
    assert st.frame == (later[0] if later else ph.index("backward"))
    if "accumulate" in ph:
        st._jumps["accumulate"].click()
        assert rec.frames[st.frame].phase == "accumulate"
    assert set(st._jumps) <= {"forward", "backward", "accumulate", "update", "zero_grad"}


def test_iteration_dropdown_and_plot(train_rec):
    its = sorted({f.iteration for f in train_rec.frames if f.iteration is not None})
    assert len(its) >= 2
    st = Stepper(train_rec)
    assert "av-plot" in st._plot.value and "av-plot-current" in st._plot.value
    plot0 = st._plot.value
    st._iteration.value = its[1]
    assert train_rec.frames[st.frame].iteration == its[1]
    assert train_rec.frames[st.frame - 1].iteration != its[1]
    assert st._plot.value != plot0  # the marker moved
    st._btn["first"].click()
    assert st._iteration.value == train_rec.frames[0].iteration
    if "update" in phases(train_rec):
        st._jumps["update"].click()
        assert train_rec.frames[st.frame].phase == "update"
    if "zero_grad" in phases(train_rec):
        st._jumps["zero_grad"].click()
        assert train_rec.frames[st.frame].phase == "zero_grad"


def _node_id(rec, name, kind="tensor"):
    for nid, n in rec.graph.nodes.items():
        if n.name == name and n.kind == kind:
            return nid
    raise AssertionError(
        f"no {kind} node named {name!r}: {[n.name for n in rec.graph.nodes.values()]}"
    )


def test_node_picker_inspects_any_node(rec):
    st = Stepper(rec)
    wid = _node_id(rec, "w")
    assert wid in [v for _, v in st._node.options]
    st._node.value = wid
    assert st.picked == wid
    insp0 = st.current_inspector
    assert "<b>w</b>" in insp0 and "requires_grad" in insp0 and "is_leaf" in insp0
    assert "3" in insp0  # w's value
    st._btn["last"].click()  # after backward: w.grad = x = 2
    insp1 = st.current_inspector
    assert insp1 != insp0
    assert re.search(r"grad</th><td><pre>[^<]*2", insp1)
    st._node.value = None  # back to following the current node
    assert st.picked is None
    assert st.current_inspector == st.inspector.children[st.frame].value


def test_inspector_for_op_shows_formula(rec):
    st = Stepper(rec)
    mul = _node_id(rec, next(n.name for n in rec.graph.nodes.values() if n.kind == "op"), "op")
    st._node.value = mul
    insp = st.current_inspector
    assert "grad_fn" in insp and "Backward" in insp
    node = rec.graph.nodes[mul]
    if node.formula:
        import html

        assert html.escape(node.formula) in insp


def test_view_toggle(rec):
    st = Stepper(rec)
    if not getattr(rec, "autograd_graph", None) or not rec.autograd_graph.nodes:
        pytest.skip("recording has no autograd view")
    svg0 = st.current_svg
    opts0 = st._node.options
    st._view.value = "autograd"
    assert st.view == "autograd"
    assert st.current_svg != svg0
    assert st._node.options != opts0
    assert any("AccumulateGrad" in lab or "Backward" in lab for lab, _ in st._node.options)
    st._btn["next"].click()
    st.view = "dataflow"
    assert st._view.value == "dataflow"


def test_language_toggle_needs_no_rerecording(rec):
    frames_before = list(rec.frames)
    st = Stepper(rec)
    en_caption = st.current_caption
    st._lang.value = "zh"
    assert st.lang == "zh"
    assert CJK.search(st.current_caption) and st.current_caption != en_caption
    import html

    assert html.escape(rec.frames[0].captions["zh"]) in st.current_caption
    assert st._btn["next"].description.strip("› ") == STRINGS["zh"]["next_s"]
    assert st._btn["next"].tooltip == STRINGS["zh"]["next"]
    assert CJK.search(st.current_inspector)
    st._btn["next"].click()
    assert html.escape(rec.frames[1].captions["zh"]) in st.current_caption
    assert rec.frames == frames_before
    st.lang = "en"
    assert st._lang.value == "en" and not CJK.search(st.current_caption)


def test_constructor_lang_and_global_default(rec):
    assert CJK.search(Stepper(rec, lang="zh").current_caption)
    set_language("zh")
    st = Stepper(rec)
    assert st.lang == "zh" and CJK.search(st.current_caption)
    set_language(None)
    assert Stepper(rec).lang == "en"
    with pytest.raises(ValueError):
        Stepper(rec, lang="fr")


def test_recording_language_is_the_default_for_stepper_and_export(tmp_path):
    import autograd_viz
    import autograd_viz as torch

    with autograd_viz.record(lang="zh") as zrec:
        w = torch.tensor([3.0], requires_grad=True)
        (w * 2).sum().backward()
    assert zrec.stepper().lang == "zh" and Stepper(zrec).lang == "zh"
    assert Stepper(zrec, lang="en").lang == "en"  # an explicit choice still wins
    zrec.save_html(tmp_path / "z.html")
    assert '<html lang="zh"' in (tmp_path / "z.html").read_text(encoding="utf-8")
    zrec.save_html(tmp_path / "e.html", lang="en")
    assert '<html lang="en"' in (tmp_path / "e.html").read_text(encoding="utf-8")


def test_buttons_have_names_and_tooltips_in_both_languages(rec):
    for lang in ("en", "zh"):
        st = Stepper(rec, lang=lang)
        for key in ("first", "prev", "next", "last"):
            b = st._btn[key]
            assert b.tooltip == STRINGS[lang][key]
            assert STRINGS[lang][f"{key}_s"] in b.description
        assert st.play.tooltip == STRINGS[lang]["play"]
        for p, b in st._jumps.items():
            assert b.description == STRINGS[lang][p]


def test_css_classes_for_e2e(rec):
    st = Stepper(rec)
    for key in ("first", "prev", "next", "last"):
        assert f"av-{key}" in st._btn[key]._dom_classes
    assert "av-slider" in st.slider._dom_classes
    assert "av-play" in st.play._dom_classes
    assert "av-caption" in st.caption._dom_classes
    assert "av-graph" in st.graph._dom_classes


def test_font_size_control(rec):
    st = Stepper(rec)
    assert "av-fs-2" in st._dom_classes
    st._font.value = 4
    assert "av-fs-4" in st._dom_classes and "av-fs-2" not in st._dom_classes
    assert ".av-fs-4 .av-caption" in st._style.value


def test_text_plain_repr_states_what_is_shown(rec):
    st = Stepper(rec)
    st._btn["next"].click()
    bundle = st._repr_mimebundle_()
    text = bundle["text/plain"]
    first, *rest = text.splitlines()
    # one counting system: frame index 1 is the 2nd frame; the table's own title line
    # ("frame 2/6 (...)") is not repeated under it
    n = len(rec.frames)
    assert first.startswith(f"Stepper: frame 2 of {n} ({rec.frames[1].phase})"), first
    assert first.endswith(" — " + rec.frames[1].captions["en"]), first
    assert not any(re.match(r"frame \d+/\d+", line) for line in rest), rest
    assert rest and rest[0].split()[:2] == ["node", "kind"], rest[:2]
    assert not re.search(r"0x[0-9a-f]{6,}", text)
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == st.model_id
    assert repr(st) == first


def test_empty_recording_does_not_crash():
    import autograd_viz as torch

    with torch.record() as rec:
        pass
    st = Stepper(rec)
    assert st.n_frames == 0
    assert "Stepper:" in repr(st)
    # the widget itself says why it is empty (not only its repr), in the chosen language
    assert "no frames" in st._note.value and "with record()" in st._note.value
    for key in ("first", "prev", "next", "last"):
        assert st._btn[key].disabled
        st._btn[key].click()
    assert st.frame == 0 and st.current_svg == "" and st.current_caption == ""
    st.lang = "zh"
    assert "没有帧" in st._note.value


def test_recording_that_raised_before_any_op_explains_itself():
    import autograd_viz as torch

    with pytest.raises(RuntimeError, match="leaf Variable"), torch.record() as rec:
        a = torch.ones(2, requires_grad=True)
        a.add_(1)
    st = Stepper(rec)
    assert st.n_frames == 0 and "raised before its first operation" in st._note.value
    assert "The block raised RuntimeError: a leaf Variable that requires grad" in st._note.value
    assert "代码块抛出了 RuntimeError" in Stepper(rec, lang="zh")._note.value


def test_recording_that_ended_with_an_engine_error_steps_to_the_error_frame():
    import autograd_viz as torch

    with pytest.raises(RuntimeError, match="second time"), torch.record() as rec:
        x = torch.ones(2, requires_grad=True)
        y = (x * 2).sum()
        y.backward()
        y.backward()
    st = Stepper(rec)
    st._btn["last"].click()
    assert rec.frames[st.frame].phase == "error"
    assert "RuntimeError" in st.current_caption and "retain_graph" in st.current_caption
    assert "<svg" in st.current_svg or "av-text-graph" in st.current_svg
    assert st._btn["next"].disabled


def test_click_on_a_1000_node_recording_draws_only_the_window(monkeypatch):
    # what keeps a click quick, as behaviour (its time is in benchmarks/bench_widget.py)
    import autograd_viz as torch
    from autograd_viz.widget import stepper as stepper_mod

    with torch.record() as rec:
        x = torch.ones(3, requires_grad=True)
        y = x
        for _ in range(500):
            y = y * 1.001
        y.sum().backward()
    assert len(rec.graph.nodes) >= 1000
    st = Stepper(rec)
    assert st._lazy and "not drawn" in st._note.value  # the graph is cut, and says so
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
        assert "<svg" in st.current_svg or "av-text-graph" in st.current_svg
    assert clicked > 0  # the clicks drew frames not shown before


def test_large_recording_is_lazy_and_window_follows(chain200):
    rec = chain200
    st = Stepper(rec)
    assert len(rec.graph.nodes) >= 150
    if not st._lazy:
        pytest.skip("recording small enough to draw eagerly")
    drawn0 = set(st._drawn)
    assert 0 in drawn0 and len(drawn0) < len(rec.frames)
    assert "Drawing frame" in st.graph.children[len(rec.frames) - 1].value
    for _ in range(10):
        st._btn["next"].click()  # no event loop here: refills synchronously
    assert 10 in st._drawn and max(st._drawn) > max(drawn0)
    st._btn["last"].click()  # a far jump draws the target at once
    assert "<svg" in st.current_svg or "av-text-graph" in st.current_svg
    assert "Drawing frame" not in st.current_svg


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_legend_explains_every_node_style_the_renderer_uses(lang):
    from autograd_viz.render import PALETTE
    from autograd_viz.widget.style import LEGEND_KEY, legend_html

    html = legend_html(lang)
    for status, style in PALETTE.items():
        assert f"background:{style['fill']};" in html, f"legend misses the {status!r} style"
        assert STRINGS[lang][LEGEND_KEY.get(status, status)] in html


def test_inspector_says_a_non_leaf_keeps_no_grad(rec):
    st = Stepper(rec)
    nid = next(
        n.id
        for n in rec.graph.nodes.values()
        if n.kind == "tensor" and not n.is_leaf and n.name != "z"
    )
    st._node.value = nid
    st._btn["last"].click()
    text = re.sub(r"<[^>]+>", " ", st.current_inspector)
    assert "not kept (not a leaf, no retain_grad())" in text and " 1" in text
    wid = _node_id(rec, "w")
    st._node.value = wid
    assert "not kept" not in st.current_inspector  # a leaf's .grad is kept


def test_inspector_hides_internal_pattern_codes(train_rec):
    st = Stepper(train_rec)
    upd = next(f.index for f in train_rec.frames if f.phase == "update")
    assert ":" in train_rec.frames[upd].detail.get("code", "")  # e.g. inplace_lr:sub_
    st.slider.value = upd
    text = re.sub(r"<[^>]+>", " ", st.current_inspector)
    assert train_rec.frames[upd].detail["code"] not in text
    assert "learning rate" in text and "0.01" in text  # the numbers are still there
