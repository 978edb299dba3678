"""The Stepper in JupyterLab 4 and Notebook 7 (headless Debian Chromium).

1. Live kernel: Run All on a notebook recording lesson 05's two-layer network; every frame
   by Next keeps the current node inside the graph's visible box; keyboard (right/left,
   Home/End, space); Size 3 makes the caption >= 20 px; phase jump, view, language; the
   kernel sees the frame the browser shows (``st.frame``).
2. Saved notebook, kernel stopped: a notebook executed headless with its widget state,
   signed with ``jupyter trust`` in the server's data dir, opened, its kernel deleted; Next,
   Prev and a phase jump still step it.

Finds the parts by the DOM contract (CONTRIBUTING "Widget CSS classes").  Screenshots go to
tests/e2e/artifacts/.  Run:  python -m pytest tests/e2e -m e2e -v
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest
from e2e_helpers import ARTIFACTS, STATE_JS, UNLABELLED_JS
from e2e_programs import TWO_LAYER

pytestmark = pytest.mark.e2e
NB = "stepper_e2e.ipynb"

# Known, harmless browser noise: (app kinds, "console" or "pageerror", regex, why).
ALLOW = [
    (
        {"notebook"},
        "pageerror",
        re.compile(r"^Cannot read properties of undefined \(reading 'schema'\)$"),
        "Notebook 7.6.5 front end itself, on every page load, also with no notebook code: its "
        "shortcuts plugin reads `registry.plugins[id].schema` for a plugin not loaded yet.",
    ),
]
WIDGET_ERRORS = re.compile(r"Error displaying widget|model not found|Failed to render", re.I)


def _notebook():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(TWO_LAYER.strip() + "\nst = torch.Stepper(rec)\nst"),
        nbformat.v4.new_code_cell("print('frame', st.frame)"),
    ]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nb


def _wait_kernel_idle(page, kind):
    from playwright.sync_api import expect

    ready = (
        page.get_by_text(re.compile(r"\| Idle$"))
        if kind == "lab"
        else page.locator(".jp-Notebook-ExecutionIndicator", has_text="Idle")
    )
    expect(ready.first).to_be_visible(timeout=90_000)


def _run_all(page, n_code_cells, attempts=3):
    done = page.locator(".jp-CodeCell .jp-InputArea-prompt", has_text=re.compile(r"\[\d+\]"))
    for i in range(attempts):
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        deadline = time.time() + 60
        while time.time() < deadline:
            if done.count() >= n_code_cells:
                return i + 1
            page.wait_for_timeout(250)
        page.keyboard.press("Escape")
    raise AssertionError("Run All Cells did not execute the notebook")


def _errors(bp, kind):
    def allowed(k, msg):
        return any(kind in apps and k == kk and rx.search(msg) for apps, kk, rx, _ in ALLOW)

    errs = [m for t, m, _ in bp.console if t == "error" and not allowed("console", m)]
    return errs + [m for m in bp.page_errors if not allowed("pageerror", m)]


def test_live_kernel_every_frame_keyboard_size(jupyter_app, browser_page):
    from playwright.sync_api import expect

    app, page = jupyter_app, browser_page.page
    nbformat.write(_notebook(), app.serve / NB)
    page.goto(app.url(NB))
    page.locator(".jp-Notebook .jp-Cell").first.wait_for()
    _wait_kernel_idle(page, app.kind)
    _run_all(page, 2)
    st = page.locator(".av-stepper").first
    expect(st).to_be_visible(timeout=60_000)
    st.scroll_into_view_if_needed()
    for cls in ("av-first", "av-prev", "av-next", "av-last", "av-slider", "av-caption"):
        expect(st.locator(f".{cls}").first).to_be_attached()
    assert st.evaluate(UNLABELLED_JS) == []
    n = int(st.locator(".av-slider").get_attribute("max")) + 1
    assert n == 24

    def state():
        return st.evaluate(STATE_JS)

    seen = [state()]
    assert seen[0]["svgs"] == 1 and seen[0]["caption"]
    for k in range(1, n):
        st.locator(".av-next").click()
        s = state()
        assert s["frame"] == k, s
        assert s["caption"] != seen[-1]["caption"], (seen[-1], s)
        assert s["inside"], f"{app.kind}: current node outside the visible box, frame {k}: {s}"
        seen.append(s)
        if k == 14:
            st.screenshot(path=str(ARTIFACTS / f"{app.kind}-live-backward.png"))
    assert len({s["current"] for s in seen}) > 5

    # the kernel follows the browser: st.frame is the frame shown
    page.locator(".jp-CodeCell").nth(1).locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")
    expect(page.locator(".jp-OutputArea-output", has_text=f"frame {n - 1}")).to_be_visible()

    # keyboard inside the stepper (a window capture listener: works in Notebook 7 too)
    st.locator(".av-caption").click()
    page.keyboard.press("Home")
    assert state()["frame"] == 0
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert state()["frame"] == 2
    page.keyboard.press("ArrowLeft")
    assert state()["frame"] == 1
    page.keyboard.press("End")
    assert state()["frame"] == n - 1
    page.keyboard.press("Home")
    st.locator(".av-speed").select_option("200")
    st.locator(".av-caption").click()
    page.keyboard.press(" ")
    page.wait_for_function(
        "document.querySelector('.av-stepper').dataset.frame >= '3'", timeout=10_000
    )
    page.keyboard.press(" ")

    # Size 3: caption >= 20 px; controls; jumps, view, language
    st.locator(".av-size").fill("3")
    assert state()["captionPx"] >= 20
    st.locator(".av-jump-backward").click()
    assert "backward" in state()["caption"]
    st.locator(".av-view-autograd").click()
    assert st.locator(".av-graph svg g.node text", has_text="MmBackward0").count() >= 1
    assert state()["inside"]
    st.locator(".av-lang-zh").click()
    assert re.search(r"[\u4e00-\u9fff]", state()["caption"])
    st.screenshot(path=str(ARTIFACTS / f"{app.kind}-live-zh-size3.png"))
    page.screenshot(path=str(ARTIFACTS / f"{app.kind}-live-page.png"))
    if app.kind == "lab":  # dark theme: the graph on its white card, legend and buttons legible
        page.keyboard.press("Escape")
        page.keyboard.press("Control+Shift+C")  # the command palette
        page.keyboard.type("Use Theme: JupyterLab Dark")
        page.locator(".lm-CommandPalette-item", has_text="JupyterLab Dark").first.click()
        page.wait_for_function("document.body.dataset.jpThemeLight === 'false'")
        page.wait_for_timeout(500)
        colours = st.evaluate(
            """st => { const c = (sel, p) => getComputedStyle(st.querySelector(sel))[p];
            return {card: c('.av-card', 'backgroundColor'), legend: c('.av-legend', 'color'),
                    btn: c('.av-next', 'color'), btnBg: c('.av-next', 'backgroundColor'),
                    caption: c('.av-caption', 'color')}; }"""
        )
        assert colours["card"] == "rgb(255, 255, 255)", colours
        assert colours["legend"] == "rgb(34, 34, 34)", colours
        assert colours["btn"] != colours["btnBg"], colours
        assert colours["caption"].startswith("rgba(255, 255, 255"), colours
        st.screenshot(path=str(ARTIFACTS / "lab-live-dark.png"))
    body = page.locator(".jp-Notebook").inner_text()
    assert not WIDGET_ERRORS.search(body)
    assert not _errors(browser_page, app.kind), _errors(browser_page, app.kind)


def _kernels(app):
    req = urllib.request.Request(
        f"{app.base}/api/kernels", headers={"Authorization": f"token {app.token}"}
    )
    return json.loads(urllib.request.urlopen(req, timeout=10).read())


def _delete_kernels(app):
    for k in _kernels(app):
        req = urllib.request.Request(
            f"{app.base}/api/kernels/{k['id']}",
            method="DELETE",
            headers={"Authorization": f"token {app.token}"},
        )
        urllib.request.urlopen(req, timeout=10).read()


def test_saved_notebook_steps_with_the_kernel_stopped(jupyter_app, browser_page):
    from nbclient import NotebookClient
    from playwright.sync_api import expect

    app, page = jupyter_app, browser_page.page
    nb = _notebook()
    NotebookClient(nb, timeout=120, kernel_name="python3", store_widget_state=True).execute()
    path = app.serve / "saved.ipynb"
    nbformat.write(nb, path)
    saved = json.dumps(nb.metadata["widgets"])
    assert "DecompressionStream" in saved and '"data"' in saved  # front end and frames
    # executed headless = unsigned: sign it where this server looks (its JUPYTER_DATA_DIR)
    subprocess.run(
        [sys.executable, "-m", "jupyter", "trust", str(path)],
        env=app.env,
        check=True,
        capture_output=True,
    )
    page.goto(app.url("saved.ipynb"))
    st = page.locator(".av-stepper").first
    expect(st).to_be_visible(timeout=60_000)
    st.scroll_into_view_if_needed()
    _delete_kernels(app)
    deadline = time.time() + 20
    while _kernels(app) and time.time() < deadline:
        page.wait_for_timeout(200)
    assert not _kernels(app)
    page.wait_for_timeout(500)

    def state():
        return st.evaluate(STATE_JS)

    s0 = state()
    assert s0["frame"] == 0 and s0["svgs"] == 1
    st.locator(".av-next").click()
    st.locator(".av-next").click()
    s2 = state()
    assert s2["frame"] == 2 and s2["caption"] != s0["caption"] and s2["inside"]
    st.locator(".av-prev").click()
    assert state()["frame"] == 1
    st.locator(".av-jump-backward").click()
    s = state()
    assert "backward" in s["caption"] and s["inside"]
    st.locator(".av-jump-accumulate").click()
    assert "accumulate" in state()["caption"]
    st.locator(".av-last").click()
    assert state()["nextDisabled"]
    st.screenshot(path=str(ARTIFACTS / f"{app.kind}-saved-no-kernel.png"))
    assert not WIDGET_ERRORS.search(page.locator(".jp-Notebook").inner_text())
