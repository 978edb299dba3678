"""The exported HTML page from file:// in headless Chromium: no kernel, no network; every
control and keyboard shortcut, the current node always in the visible box, Size, quiz mode.

The page runs the Stepper's own ES module, so this also checks the widget's front end
without a Jupyter server (the Jupyter tests are in test_e2e_stepper.py).
"""

from __future__ import annotations

import re

import pytest
from e2e_helpers import ARTIFACTS, NEXT_TIMING_JS, ROWS_JS, STATE_JS, UNLABELLED_JS
from e2e_programs import TRAINING, TWO_LAYER, run

pytestmark = pytest.mark.e2e
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    from autograd_viz.widget import save_html

    d = tmp_path_factory.mktemp("export")
    two = run(TWO_LAYER)["rec"]
    train = run(TRAINING)["rec_train"]
    return {
        "two": (save_html(two, d / "two_layer.html"), two),
        "quiz": (save_html(two, d / "quiz.html", quiz=True), two),
        "train": (save_html(train, d / "train.html"), train),
    }


def _open(bp, path):
    page = bp.page
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("file:", "blob:", "data:"))
            else route.abort()
        ),
    )
    page.goto(f"file://{path}")
    st = page.locator(".av-stepper")
    st.wait_for()
    return page, st, requests


def _state(st):
    return st.evaluate(STATE_JS)


def _no_errors(bp):
    errs = [m for t, m, _ in bp.console if t == "error"] + bp.page_errors
    assert not errs, errs


def test_every_control_steps_without_a_kernel(browser_page, pages):
    path, rec = pages["two"]
    page, st, requests = _open(browser_page, path)
    n = len(rec.frames)
    s0 = _state(st)
    assert s0["frame"] == 0 and s0["svgs"] == 1 and s0["caption"]
    assert st.evaluate(UNLABELLED_JS) == []
    page.screenshot(path=str(ARTIFACTS / "export-two-layer-start.png"), full_page=True)

    seen = [s0]
    for k in range(1, n):  # Next through every frame: the current node stays in view
        st.locator(".av-next").click()
        s = _state(st)
        assert s["frame"] == k and s["slider"] == str(k), s
        assert s["caption"] != seen[-1]["caption"], (seen[-1], s)
        assert s["current"], f"no av-current node on frame {k}"
        assert s["inside"], f"current node outside the visible box on frame {k}: {s}"
        if k == 13:
            page.screenshot(path=str(ARTIFACTS / "export-two-layer-backward.png"))
        seen.append(s)
    assert seen[-1]["nextDisabled"]
    assert len({s["current"] for s in seen}) > 5
    st.locator(".av-prev").click()
    assert _state(st)["frame"] == n - 2
    st.locator(".av-first").click()
    assert _state(st)["frame"] == 0 and st.locator(".av-prev").is_disabled()
    st.locator(".av-last").click()
    assert _state(st)["frame"] == n - 1
    st.locator(".av-slider").fill("5")
    assert _state(st)["frame"] == 5
    st.locator(".av-jump-backward").click()
    f = _state(st)["frame"]
    assert rec.frames[f].phase == "backward" and f > 5
    st.locator(".av-jump-hook").click()
    assert rec.frames[_state(st)["frame"]].phase == "hook"

    # node picker: inspect any node at the current frame
    st.locator(".av-first").click()
    st.locator(".av-node-picker").select_option(label="w2")
    assert st.locator(".av-inspector-title").inner_text() == "w2"
    assert "[[3, 4], [5, 6]]" in st.locator(".av-inspector").inner_text()
    st.locator(".av-node-picker").select_option(index=0)

    # view: the autograd graph, its own current node in view on every frame
    st.locator(".av-view-autograd").click()
    assert st.locator(".av-view-autograd").get_attribute("aria-pressed") == "true"
    assert st.locator(".av-graph svg g.node text", has_text="MmBackward0").count() >= 1
    for _ in range(n - 1):
        st.locator(".av-next").click()
        s = _state(st)
        if s["current"]:
            assert s["inside"], s
    page.screenshot(path=str(ARTIFACTS / "export-two-layer-autograd.png"))
    st.locator(".av-view-dataflow").click()

    # Play with a speed runs to the end by itself
    st.locator(".av-first").click()
    st.locator(".av-speed").select_option("200")
    st.locator(".av-play").click()
    assert "Pause" in st.locator(".av-play").inner_text()
    page.wait_for_function(
        f"document.querySelector('.av-stepper').dataset.frame === '{n - 1}'", timeout=15_000
    )
    assert "Play" in st.locator(".av-play").inner_text()

    # zoom: buttons, ctrl+wheel; pan by dragging
    graph = st.locator(".av-graph")
    w0 = graph.evaluate("g => g.querySelector('svg').getBoundingClientRect().width")
    st.locator(".av-zoom-in").click()
    st.locator(".av-zoom-in").click()
    w1 = graph.evaluate("g => g.querySelector('svg').getBoundingClientRect().width")
    assert w1 > w0 * 1.4
    box = graph.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.keyboard.down("Control")
    page.mouse.wheel(0, 300)
    page.keyboard.up("Control")
    w2 = graph.evaluate("g => g.querySelector('svg').getBoundingClientRect().width")
    assert w2 < w1
    before = graph.evaluate("g => [g.scrollLeft, g.scrollTop]")
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 60, box["y"] + box["height"] / 2 + 80, steps=4)
    page.mouse.up()
    after = graph.evaluate("g => [g.scrollLeft, g.scrollTop]")
    assert after != before
    st.locator(".av-zoom-fit").click()
    assert requests and all(u.startswith(("file:", "blob:")) for u in requests), requests
    _no_errors(browser_page)


def test_keyboard_size_language(browser_page, pages):
    path, rec = pages["two"]
    page, st, _ = _open(browser_page, path)
    n = len(rec.frames)
    st.locator(".av-caption").click()  # focus inside the stepper
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert _state(st)["frame"] == 2
    page.keyboard.press("ArrowLeft")
    assert _state(st)["frame"] == 1
    page.keyboard.press("End")
    assert _state(st)["frame"] == n - 1
    page.keyboard.press("Home")
    assert _state(st)["frame"] == 0
    st.locator(".av-speed").select_option("200")
    st.locator(".av-caption").click()
    page.keyboard.press(" ")
    page.wait_for_function(
        "document.querySelector('.av-stepper').dataset.frame >= '2'", timeout=5_000
    )
    page.keyboard.press(" ")  # pause
    f = _state(st)["frame"]
    page.wait_for_timeout(500)
    assert _state(st)["frame"] == f
    # keys do nothing when the focus is outside the stepper
    page.locator("h3").click()
    page.keyboard.press("ArrowRight")
    assert _state(st)["frame"] == f

    # Size: caption, controls, legend, inspector and graph grow together
    def sizes():
        return st.evaluate(
            """st => ({cap: parseFloat(getComputedStyle(st.querySelector('.av-caption')).fontSize),
            btn: parseFloat(getComputedStyle(st.querySelector('.av-next')).fontSize),
            leg: parseFloat(getComputedStyle(st.querySelector('.av-legend')).fontSize),
            insp: parseFloat(getComputedStyle(st.querySelector('.av-inspector')).fontSize),
            graph: st.querySelector('.av-graph svg').getBoundingClientRect().width})"""
        )

    a = sizes()
    st.locator(".av-size").fill("3")
    b = sizes()
    assert b["cap"] >= 20, b
    for k in ("cap", "btn", "leg", "insp"):
        assert b[k] > a[k], (k, a, b)
    assert b["graph"] >= a["graph"]
    # at 1280 px the controls stay in two rows at every Size, in both languages
    for lang in ("zh", "en"):
        st.locator(f".av-lang-{lang}").click()
        for k in range(1, 6):
            st.locator(".av-size").fill(str(k))
            assert st.evaluate(ROWS_JS) <= 2, (lang, k)
    st.locator(".av-size").fill("5")
    c = sizes()
    assert c["cap"] > b["cap"] and c["btn"] > b["btn"]
    # the graph grows with the controls: at Size 5 its default zoom is at least the Size
    # step's 1.75 (its 10 pt value lines about as big as the controls' text), even for a
    # graph that is then wider than its box (it scrolls)
    zoom = st.evaluate(
        """st => { const svg = st.querySelector('.av-graph svg');
        return svg.getBoundingClientRect().width / (svg.viewBox.baseVal.width * 4 / 3); }"""
    )
    assert zoom >= 1.75 - 0.01, zoom
    page.screenshot(path=str(ARTIFACTS / "export-size5.png"))
    st.locator(".av-size").fill("3")

    # English -> Chinese: every string switches
    st.locator(".av-jump-backward").click()
    labels_js = "st => [...st.querySelectorAll('button, select, input')].map(e => e.ariaLabel)"
    en = st.evaluate(labels_js)
    st.locator(".av-lang-zh").click()
    zh = st.evaluate(labels_js)
    for a_, b_ in zip(en, zh, strict=True):
        if a_ not in ("English", "中文"):
            assert b_ != a_ and CJK.search(b_), (a_, b_)
    for sel in (".av-caption", ".av-legend", ".av-play", ".av-jump-forward", ".av-frameno"):
        assert CJK.search(st.locator(sel).first.inner_text()), sel
    assert CJK.search(st.locator(".av-next").text_content())  # (word hidden when narrow)
    rows = st.locator(".av-inspector th").all_inner_texts()
    assert rows and all(CJK.search(r) for r in rows if r not in ("requires_grad", "is_leaf")), rows
    assert st.evaluate(UNLABELLED_JS) == []
    # the page around the stepper too: its title and footer
    assert CJK.search(page.title()) and CJK.search(page.locator(".av-export-note").inner_text())
    page.screenshot(path=str(ARTIFACTS / "export-zh-size3.png"), full_page=True)
    # the inspector's local derivative in the current language (a declaration with words:
    # ``sum``'s "1 for every element of ..."), the node's row and the frame's rows alike
    k = next(
        j
        for j, f in enumerate(rec.frames)
        if f.phase == "forward" and f.detail["op"] == "SumBackward0"
    )
    st.locator(".av-slider").fill(str(k))
    assert _state(st)["frame"] == k
    text = st.locator(".av-inspector").inner_text()
    assert "的每个元素都是 1" in text and "for every element" not in text, text
    st.locator(".av-lang-en").click()
    text = st.locator(".av-inspector").inner_text()
    assert "for every element" in text and "的每个元素" not in text, text
    assert not CJK.search(page.title() + page.locator(".av-export-note").inner_text())
    _no_errors(browser_page)


def test_plot_iteration_and_next_timing(browser_page, pages):
    path, rec = pages["train"]
    page, st, _ = _open(browser_page, path)
    plot = st.locator(".av-plot").first
    assert plot.is_visible()
    w = plot.evaluate("p => p.getBoundingClientRect().width")
    assert w >= 0.9 * st.evaluate("s => s.getBoundingClientRect().width")  # full width
    texts = st.locator(".av-plot-area").inner_text()
    assert "iteration" in texts and "loss" in texts.lower()
    assert "(log scale)" in texts  # the loss spans decades
    mark0 = st.locator(".av-plot-current").first.get_attribute("x1")
    st.locator(".av-iteration").select_option("2")
    f = _state(st)["frame"]
    assert rec.frames[f].iteration == 2 and rec.frames[f - 1].iteration == 1
    assert st.locator(".av-plot-current").first.get_attribute("x1") != mark0
    st.locator(".av-param-picker").select_option("b")
    assert "b" in st.locator(".av-plot-params").inner_text()
    st.locator(".av-lang-zh").click()
    assert "迭代" in st.locator(".av-plot-area").inner_text()
    st.locator(".av-jump-update").click()
    assert rec.frames[_state(st)["frame"]].phase == "update"
    page.screenshot(path=str(ARTIFACTS / "export-training-zh.png"), full_page=True)
    timing = st.evaluate(NEXT_TIMING_JS)
    assert "error" not in timing, timing
    print(
        f"\nNext in the browser (no kernel), {timing['n']} clicks: median "
        f"{timing['median']:.2f} ms, max {timing['max']:.2f} ms"
    )
    _no_errors(browser_page)


def test_quiz_hides_the_gradient_until_revealed(browser_page, pages):
    path, rec = pages["quiz"]
    page, st, _ = _open(browser_page, path)
    j = next(k for k, f in enumerate(rec.frames) if f.phase == "backward" and k > 9)
    st.locator(".av-slider").fill(str(j))
    cap = st.locator(".av-caption")
    assert st.locator(".av-reveal").is_visible()
    assert "Predict" in cap.inner_text()
    hidden = st.locator(".av-graph text.av-g", has_text="?")
    assert hidden.count() >= 1
    page.screenshot(path=str(ARTIFACTS / "export-quiz.png"))
    st.locator(".av-guess").fill("12345")
    st.locator(".av-check").click()
    assert "Not yet" in st.locator(".av-verdict").inner_text()
    st.locator(".av-reveal").click()
    assert st.locator(".av-reveal").count() == 0
    assert hidden.count() == 0
    assert rec.frames[j].captions["en"][:30] in re.sub(r"\s+", " ", cap.inner_text())
    # Next still advances in quiz mode; a right guess reveals too
    st.locator(".av-next").click()
    assert _state(st)["frame"] == j + 1
    for k in range(j + 1, len(rec.frames)):
        st.locator(".av-slider").fill(str(k))
        if st.locator(".av-reveal").count():
            break
    else:
        pytest.fail("no second quiz frame")
    from autograd_viz.render.state import frame_states

    states = frame_states(rec, "dataflow")
    want = [g for d, (_, _, g) in states[k].items() if g and g != states[k - 1][d][2]]
    st.locator(".av-guess").fill(want[0])
    st.locator(".av-check").click()
    assert "Right" in st.locator(".av-verdict").inner_text()
    page.wait_for_function("!document.querySelector('.av-reveal')", timeout=5_000)
    _no_errors(browser_page)


def test_no_graphviz_engine_steps_the_text_form(browser_page, tmp_path, monkeypatch):
    import autograd_viz as torch
    from autograd_viz.widget import save_html

    monkeypatch.setenv("AUTOGRAD_VIZ_GRAPHVIZ", "none")
    with torch.record() as rec:
        x = torch.tensor([2.0])
        w = torch.tensor([3.0], requires_grad=True)
        (x * w).sum().backward()
    page, st, _ = _open(browser_page, save_html(rec, tmp_path / "text.html"))
    assert "AUTOGRAD_VIZ_GRAPHVIZ=none" in st.locator(".av-note").inner_text()
    table = st.locator(".av-graph table.av-text-graph")
    assert table.locator("th").first.inner_text() == "node"
    cur = table.locator("tr.av-current").first.inner_text()
    st.locator(".av-next").click()
    st.locator(".av-next").click()
    assert table.locator("tr.av-current").first.inner_text() != cur
    assert not st.locator(".av-zoom").is_visible()
    page.screenshot(path=str(ARTIFACTS / "export-no-engine.png"))
    _no_errors(browser_page)


def test_quiz_asks_only_for_the_gradients_the_step_sends(browser_page, tmp_path):
    # the root's seed dL/dL = 1 shares a frame with the first backward step: not asked for
    import autograd_viz as torch
    from autograd_viz.widget import save_html

    with torch.record() as rec:
        a = torch.tensor(2.0, requires_grad=True)
        b = torch.tensor(3.0, requires_grad=True)
        L = a * b + a
        L.backward()
    j = next(k for k, f in enumerate(rec.frames) if f.phase == "backward")
    _, st, _ = _open(browser_page, save_html(rec, tmp_path / "q.html", quiz=True))
    st.locator(".av-slider").fill(str(j))
    q = st.locator(".av-quiz .av-caption-text").inner_text()
    assert "a * b" in q and "L" not in q.replace("a * b", ""), q
    assert st.locator(".av-graph text.av-g", has_text="?").count() == 1
    _no_errors(browser_page)


def test_zoom_buttons_picker_and_inspector_text_do_not_hide_anything(browser_page, pages):
    path, _ = pages["two"]
    page, st, _ = _open(browser_page, path)
    # JupyterLab's output CSS breaks <pre> anywhere; the inspector's must break between words
    page.add_style_tag(content="pre { word-break: break-all; }")
    st.locator(".av-next").click()
    z = st.locator(".av-zoom").bounding_box()
    g = st.locator(".av-graph").bounding_box()
    assert z["y"] + z["height"] <= g["y"] + 0.5, (z, g)  # a row above the graph, not over it
    pick = st.locator(".av-node-picker")
    assert pick.evaluate("e => e.clientWidth >= 0.9 * e.scrollWidth && e.clientWidth > 100")
    pre = st.locator(".av-inspector pre").first
    assert pre.evaluate("e => getComputedStyle(e).wordBreak") == "normal"
    # a backward frame states the local derivative once (the frame's row, not also the node's)
    st.locator(".av-jump-backward").click()
    rows = st.locator(".av-inspector th").all_inner_texts()
    assert sum(r.startswith("local derivative") for r in rows) == 1, rows
    _no_errors(browser_page)
