"""The Stepper driven from Python: its API, its synced traits, its text form."""

from __future__ import annotations

import base64
import json
import re
import zlib

import anywidget
import pytest
import traitlets

from autograd_viz.widget import Stepper, set_language
from autograd_viz.widget.stepper import (
    ESM_CSS,
    ESM_JS,
    STATIC,
    UI_KEYS,
    compact_css,
    compact_js,
)


def test_exported_lazily_and_is_an_anywidget(rec):
    import autograd_viz

    assert autograd_viz.Stepper is Stepper
    st = rec.stepper()
    assert isinstance(st, Stepper) and isinstance(st, anywidget.AnyWidget)
    # the front end is the package's own files, no build step: stepper.js and stepper.css
    # compacted, deflated into static/loader.js (unpacked in the browser)
    js = (STATIC / "stepper.js").read_text(encoding="utf-8")
    css = (STATIC / "stepper.css").read_text(encoding="utf-8")
    assert compact_js(js) == ESM_JS and compact_css(css) == ESM_CSS
    code = [ln.strip() for ln in js.splitlines() if ln.strip() and not ln.strip().startswith("//")]
    assert ESM_JS.splitlines() == code  # compacting drops only comments and indentation
    assert "export default" in ESM_JS and "render" in ESM_JS
    payload = re.search(r'const Z = "([A-Za-z0-9+/=]+)"', st._esm).group(1)
    raw = zlib.decompress(base64.b64decode(payload), -15)
    assert json.loads(raw) == {"js": ESM_JS, "css": ESM_CSS}
    assert 'new DecompressionStream("deflate-raw")' in st._esm and "export default" in st._esm
    assert len(st._esm) < 0.5 * (len(ESM_JS) + len(ESM_CSS))
    assert not hasattr(st, "_css")  # the stylesheet travels inside


def test_synced_traits_are_small_except_the_one_data_string(rec):
    st = Stepper(rec)
    state = st.get_state()
    for k in ("frame", "lang", "view", "size", "quiz", "data"):
        assert k in state
    assert isinstance(state["data"], str)  # one string: nbformat stores it on one line
    data = json.loads(state["data"])
    assert data["n"] == len(rec.frames)
    assert set(data["views"]) == {"dataflow", "autograd"}
    # the picture is sent once per view, never per frame
    assert state["data"].count("<svg") == 2


def test_frame_is_settable_and_bounded(rec):
    st = Stepper(rec)
    n = len(rec.frames)
    assert st.frame == 0 and st.n_frames == n
    st.frame = 2
    assert st.frame == 2
    st.frame = -1
    assert st.frame == n - 1
    with pytest.raises(traitlets.TraitError, match="frame must be in"):
        st.frame = n
    assert st.frame == n - 1


def test_next_previous_first_last(rec):
    st = Stepper(rec)
    n = len(rec.frames)
    seen = [st.caption]
    for k in range(1, n):
        assert st.next() == k
        seen.append(st.caption)
    assert len(set(seen)) == n  # a different caption on every frame
    assert st.next() == n - 1  # stays on the last
    assert st.previous() == n - 2
    assert st.prev() == n - 3  # alias
    assert st.first() == 0
    assert st.previous() == 0  # stays on the first
    assert st.last() == n - 1


def test_goto_phase_iteration_node(train_rec):
    st = Stepper(train_rec)
    frames = train_rec.frames
    j = st.goto(phase="backward")
    assert frames[j].phase == "backward" and all(f.phase != "backward" for f in frames[:j])
    k = st.goto(phase="backward")
    assert k == j + 1  # the next one after the current frame
    it = st.goto(iteration=2)
    assert frames[it].iteration == 2 and frames[it - 1].iteration == 1
    st.first()
    w = st.goto(node="w")
    assert "w" in [train_rec.graph.nodes[d].name for d in frames[w].nodes]
    with pytest.raises(ValueError, match="phase must be one of"):
        st.goto(phase="sideways")
    with pytest.raises(ValueError, match="no frame matches"):
        st.goto(iteration=99)
    with pytest.raises(TypeError):
        st.goto()
    assert st.jump_to_phase("hook") is None
    assert st.goto(frame=3) == 3


def test_lang_view_size_quiz_traits(rec):
    st = Stepper(rec, lang="zh", view="autograd", quiz=True, size=3)
    assert (st.lang, st.view, st.quiz, st.size) == ("zh", "autograd", True, 3)
    assert st.caption == rec.frames[0].captions["zh"]
    st.lang = "en"
    assert st.caption == rec.frames[0].captions["en"]
    with pytest.raises(traitlets.TraitError):
        st.view = "sideways"
    with pytest.raises(traitlets.TraitError):
        st.size = 6
    with pytest.raises(ValueError):
        st.lang = "fr"
    with pytest.raises(ValueError, match="view must be one of"):
        Stepper(rec, view="sideways")


def test_language_default_follows_the_global_setting(rec):
    set_language("zh")
    assert Stepper(rec).lang == "zh"
    set_language(None)
    assert Stepper(rec).lang == "en"


def test_text_plain_repr_states_frame_and_caption(rec):
    st = Stepper(rec)
    n = len(rec.frames)
    st.frame = 1
    text = repr(st)
    assert text.startswith(f"Stepper: frame 2 of {n} (")
    assert rec.frames[1].captions["en"] in text
    assert not re.search(r"0x[0-9a-f]{6,}", text)
    bundle = st._repr_mimebundle_()
    bundle = bundle[0] if isinstance(bundle, tuple) else bundle
    assert bundle["text/plain"] == text
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert repr(Stepper(rec, quiz=True)).startswith("Stepper [quiz]: frame 1 of")


def test_ui_strings_exist_in_both_languages():
    from autograd_viz.widget.i18n import STRINGS

    for k in UI_KEYS:
        assert k in STRINGS["en"] and k in STRINGS["zh"], k
        if k not in ("autograd", "requires_grad", "is_leaf", "grad_fn"):
            assert STRINGS["en"][k] != STRINGS["zh"][k] or k in ("none",), k


def test_empty_recording():
    import autograd_viz as torch

    with torch.record() as rec:
        pass
    st = Stepper(rec)
    assert st.n_frames == 0 and st.frame == 0
    assert "no frames" in repr(st)
    data = json.loads(st.data)
    assert "no frames" in data["empty"]["en"] and "没有帧" in data["empty"]["zh"]
    assert st.next() == 0 and st.last() == 0


def test_recording_that_raised_explains_itself():
    import autograd_viz as torch

    with pytest.raises(RuntimeError, match="leaf Variable"), torch.record() as rec:
        a = torch.ones(2, requires_grad=True)
        a.add_(1)
    data = json.loads(Stepper(rec).data)
    assert "The block raised RuntimeError: a leaf Variable" in data["empty"]["en"]
    assert "代码块抛出了 RuntimeError" in data["empty"]["zh"]


def test_error_frame_is_the_last(rec):
    import autograd_viz as torch

    with pytest.raises(RuntimeError, match="second time"), torch.record() as rec:
        x = torch.ones(2, requires_grad=True)
        y = (x * 2).sum()
        y.backward()
        y.backward()
    st = Stepper(rec)
    st.last()
    assert rec.frames[st.frame].phase == "error"
    assert "retain_graph" in st.caption


def test_close_lets_go_of_the_recording(rec):
    import gc
    import weakref

    st = Stepper(rec)
    ref = weakref.ref(st)
    st.close()
    assert st.recording is None and st.data == "{}"
    assert repr(st) == "Stepper (closed)"
    del st
    gc.collect()
    assert ref() is None


def test_every_detail_the_inspector_shows_has_a_name_in_both_languages(train_rec):
    import sys
    from pathlib import Path

    import autograd_viz as torch
    from autograd_viz.widget.i18n import STRINGS

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
    from e2e_programs import TWO_LAYER, run

    recs = [train_rec, run(TWO_LAYER)["rec"]]
    with torch.record() as rec:
        X = torch.tensor([[1.0, 2.0]])
        W = torch.tensor([[0.5, -1.0], [2.0, 1.0]], requires_grad=True)
        Z = X @ W.T
        Z.sum().backward()
        w2 = torch.ones(2, requires_grad=True)
        w2.detach_()
    recs.append(rec)
    with pytest.raises(RuntimeError), torch.record() as rec:
        y = (torch.ones(2, requires_grad=True) * 2).sum()
        y.backward()
        y.backward()
    recs.append(rec)
    keys = {k for r in recs for f in r.frames for k in f.detail} - {"code", "lineno"}
    # ``<key>_zh``: the Chinese text of ``<key>`` (the inspector shows it in its row)
    zh = {k for k in keys if k.endswith("_zh")}
    assert zh and {k[:-3] for k in zh} <= keys
    keys -= zh
    assert {"upstream", "local", "product", "composite", "error"} <= keys
    for lang in ("en", "zh"):
        missing = sorted(k for k in keys if f"d_{k}" not in STRINGS[lang])
        assert not missing, (lang, missing)
