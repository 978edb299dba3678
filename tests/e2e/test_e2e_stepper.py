"""A learner's first minutes, in a real browser: open the first lesson in JupyterLab and in
Notebook 7, Run All Cells, then step through backward with the Stepper's buttons.

Relies on the CSS classes listed in CONTRIBUTING.md ("Widget CSS classes (used by e2e
tests)"). Run:  python -m pytest tests/e2e -m e2e -v
Against the harness's stand-in notebook (no package needed):
    AV_E2E_NOTEBOOK=tests/e2e/harness_demo.ipynb python -m pytest tests/e2e -m e2e -v
"""

from __future__ import annotations

import re
import time

import pytest

pytestmark = pytest.mark.e2e

CLICKS = 3  # "next" clicks (fewer if the Stepper reaches its last frame first)

# Known, harmless browser noise: (app kinds, "console" error or "pageerror", regex on the
# message, why it is harmless). Only entries actually seen; explain each one.
ALLOW = [
    (
        {"notebook"},
        "pageerror",
        re.compile(r"^Cannot read properties of undefined \(reading 'schema'\)$"),
        "Notebook 7.6.5 front end itself, on every page load, also with no notebook code and no "
        "settings overrides: its shortcuts plugin's pluginChanged handler reads "
        "`registry.plugins[id].schema` for a plugin not loaded yet (notebook_core.*.js).",
    ),
]
WIDGET_ERRORS = re.compile(r"Error displaying widget|model not found|Failed to render", re.I)


def _wait_kernel_idle(page, kind):
    from playwright.sync_api import expect

    # Lab's status bar says "Python 3 (ipykernel) | Idle" once the kernel is connected;
    # Notebook 7 has no status bar: its toolbar indicator. (Recipe: the toolbar indicator
    # alone reads idle too early in Lab.)
    ready = (
        page.get_by_text(re.compile(r"\| Idle$"))
        if kind == "lab"
        else page.locator(".jp-Notebook-ExecutionIndicator", has_text="Idle")
    )
    expect(ready.first).to_be_visible(timeout=90_000)


def _run_all(page, n_code_cells, attempts=3):
    """Run > Run All Cells; retry until every code cell shows an execution count."""

    done = page.locator(".jp-CodeCell .jp-InputArea-prompt", has_text=re.compile(r"\[\d+\]"))
    busy = page.locator(".jp-CodeCell .jp-InputArea-prompt", has_text="[*]")
    for i in range(attempts):
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        # A Run All sent before the front end is really ready is sometimes dropped (seen in
        # Notebook 7): retry after 15 s without any progress instead of waiting 60 s.
        deadline, last, last_change = time.time() + 90, -1, time.time()
        while time.time() < deadline:
            n = done.count()
            if n >= n_code_cells:
                return i + 1
            if n != last or busy.count():
                last, last_change = n, time.time()
            elif time.time() - last_change > 15:
                break
            page.wait_for_timeout(250)
        page.keyboard.press("Escape")
    pending = page.locator(".jp-CodeCell .jp-InputArea-prompt").evaluate_all(
        "els => els.map(e => e.textContent.trim())"
    )
    tracebacks = page.locator(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
    ).evaluate_all("els => els.map(e => e.textContent.trim().split('\\n').slice(-3).join(' | '))")
    raise AssertionError(
        f"Run All Cells did not execute all {n_code_cells} code cells "
        f"(prompts: {pending}); an unexpected error stops Run All - cells "
        "that raise on purpose need the tag `raises-exception`. Error "
        f"outputs (last lines): {tracebacks[:3]}"
    )


# Reads what the learner sees in one Stepper (scoped to its output area).
_STATE_JS = r"""(root) => {
  const visible = (el) => el.getClientRects().length > 0;
  // what the learner reads, whitespace-normalised (one normalisation for every read, so a
  // caption read now compares equal to the same caption read later)
  const norm = (s) => s.replace(/\s+/g, ' ').trim();
  const txt = (sel) => {
    const el = root.querySelector(sel);
    return el ? norm(el.innerText) : null;
  };
  const slider = root.querySelector('.av-slider');
  let value = null;
  if (slider) {
    const readout = slider.querySelector('.widget-readout');
    const handle = slider.querySelector('[aria-valuenow]');
    value = readout && readout.innerText.trim() !== '' ? readout.innerText.trim()
          : handle ? handle.getAttribute('aria-valuenow') : null;
  }
  const sel = '.av-graph [class~="av-current"], .av-graph [class*="av-current"]';
  const cur = [...root.querySelectorAll(sel)]
      .filter(visible)
      .map((el) => {
        const t = el.querySelector('title');
        return (t ? t.textContent : '') + '#' + (el.id || '');
      });
  return {caption: txt('.av-caption'), slider: value, current: [...new Set(cur)].sort().join(' '),
          graphs: [...root.querySelectorAll('.av-graph svg')].filter(visible).length};
}"""


def test_stepper_steps_through_backward(jupyter_app, browser_page, tmp_path):
    from playwright.sync_api import expect

    page, app = browser_page.page, jupyter_app
    t0 = time.time()
    page.goto(app.notebook_url())
    page.locator(".jp-Notebook .jp-Cell").first.wait_for()
    _wait_kernel_idle(page, app.kind)
    attempts = _run_all(page, app.code_cells)
    t_run = time.time()

    # The first Stepper in the notebook, scoped to its output area.
    out = page.locator(".jp-OutputArea-output").filter(has=page.locator(".av-next")).first
    nxt = out.locator(".av-next")
    expect(nxt).to_be_visible(timeout=60_000)
    out.scroll_into_view_if_needed()
    for cls in ("av-first", "av-prev", "av-last", "av-caption", "av-slider", "av-graph"):
        expect(out.locator(f".{cls}").first).to_be_attached()
    body = page.locator(".jp-Notebook").inner_text()
    assert not WIDGET_ERRORS.search(body), WIDGET_ERRORS.search(body).group(0)

    def state():
        return out.evaluate(_STATE_JS)

    def slider_int(s):
        assert s["slider"] is not None and re.fullmatch(r"-?\d+", s["slider"]), s
        return int(s["slider"])

    states = [state()]
    assert states[0]["graphs"] >= 1, f"no visible SVG in .av-graph: {states[0]}"
    assert states[0]["caption"], f"empty caption: {states[0]}"

    def wait_for(pred, timeout=20):
        deadline = time.time() + timeout
        while not pred(now := state()) and time.time() < deadline:
            page.wait_for_timeout(100)
        return now

    # A button click only reaches the kernel: the Python handler sets `stepper.frame`, which
    # sets the slider, and the slider (jslinked) moves the caption/graph Stacks. Nothing in
    # the browser moves the slider on a button click, so the slider moving by one IS the
    # effect of the Python click handler (a broken handler fails here).
    for _ in range(CLICKS):
        if nxt.is_disabled():
            break
        before = states[-1]
        nxt.click()
        now = wait_for(lambda s, before=before: s["slider"] != before["slider"])
        assert now["slider"] != before["slider"], (
            f"the slider did not move within 20 s of clicking next: the Python click handler "
            f"(Stepper._on_next) did not act; before {before}, after {now}"
        )
        page.wait_for_timeout(300)  # let caption + graph settle after the slider
        now = state()
        assert slider_int(now) == slider_int(before) + 1, (before, now)
        assert now["caption"] != before["caption"], f"caption did not change: {before} -> {now}"
        assert now["graphs"] >= 1, f"no visible SVG after click: {now}"
        states.append(now)
    assert len(states) >= 3, f"could click next only {len(states) - 1} times: {states}"
    highlights = [s["current"] for s in states]
    assert any(highlights), f"no node has class av-current in any frame: {states}"
    assert len(set(highlights)) >= 2, f"highlighted node never changed: {highlights}"

    # one step back shows the previous frame again
    want = states[-2]
    out.locator(".av-prev").click()
    now = wait_for(lambda s: s["slider"] == want["slider"] and s["caption"] == want["caption"])
    assert slider_int(now) == slider_int(want), f"prev: slider {now['slider']}, want {want}"
    assert now["caption"] == want["caption"], f"prev: caption {now}, want {want}"
    assert now["current"] == want["current"], f"prev: highlight {now}, want {want}"

    # what the learner sees of the widget, whole (the page screenshot shows the viewport)
    try:
        out.screenshot(path=str(tmp_path / f"stepper-{app.kind}.png"))
    except Exception as exc:
        print(f"stepper screenshot failed: {exc}")
    page.wait_for_timeout(500)  # late console errors from the last update
    body = page.locator(".jp-Notebook").inner_text()
    assert not WIDGET_ERRORS.search(body), WIDGET_ERRORS.search(body).group(0)

    def allowed(kind, msg):
        return any(app.kind in apps and kind == k and rx.search(msg) for apps, k, rx, _ in ALLOW)

    errors = [
        f"console.error: {msg} ({url})"
        for t, msg, url in browser_page.console
        if t == "error" and not allowed("console", msg)
    ]
    errors += [
        f"page error: {msg}" for msg in browser_page.page_errors if not allowed("pageerror", msg)
    ]
    ignored = [m for m in browser_page.page_errors if allowed("pageerror", m)] + [
        m for t, m, _ in browser_page.console if t == "error" and allowed("console", m)
    ]
    assert not errors, "browser errors:\n" + "\n".join(errors)
    print(
        f"{app.kind}: {len(states) - 1} steps; load+run all {t_run - t0:.1f}s "
        f"({attempts} Run-All attempt(s)), stepping {time.time() - t_run:.1f}s; "
        f"captions: {[s['caption'][:60] for s in states]}; highlights: {highlights}; "
        f"allow-listed noise: {ignored}"
    )
