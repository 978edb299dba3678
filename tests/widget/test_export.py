"""save_html: one self-contained page; its buttons step through frames in headless Chromium."""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import pytest

from autograd_viz.widget import Stepper, save_html
from autograd_viz.widget.export import export_page, script_json

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def test_script_json_cannot_close_the_script():
    s = script_json({"a": "</script><script>alert(1)</script>", "b": "x & y > z\u2028"})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s
    assert json.loads(s) == {"a": "</script><script>alert(1)</script>", "b": "x & y > z\u2028"}


def test_page_is_self_contained(rec, tmp_path):
    path = save_html(rec, tmp_path / "rec.html")
    page = Path(path).read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r'<(script|link|img)[^>]+(src|href)=["\']?(https?:)?//', page)
    assert "cdn" not in page.lower() and "unpkg" not in page.lower()
    assert page.count("<script") == 2  # the data and the code, both inline
    data = json.loads(
        re.search(r'<script type="application/json" id="av-data">(.*?)</script>', page, re.S).group(
            1
        )
    )
    assert data["n"] == len(rec.frames)
    assert data["caption"]["zh"][0] != data["caption"]["en"][0]
    assert html.escape(rec.frames[0].captions["en"]) in data["caption"]["en"][0]
    for cls in (
        "av-first",
        "av-prev",
        "av-next",
        "av-last",
        "av-slider",
        "av-play",
        "av-caption",
        "av-graph",
    ):
        assert f'class="{cls}' in page
    assert "<?xml" not in page and "<!DOCTYPE svg" not in page


def test_page_language(rec):
    assert '<html lang="zh">' in export_page(rec, lang="zh")


def test_recording_and_stepper_methods(rec, tmp_path):
    p1 = Stepper(rec, lang="zh").save_html(tmp_path / "a.html")
    assert '<html lang="zh">' in Path(p1).read_text(encoding="utf-8")
    if hasattr(rec, "save_html"):
        p2 = tmp_path / "b.html"
        rec.save_html(p2)
        assert p2.exists() and "av-data" in p2.read_text(encoding="utf-8")


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="no chromium")
def test_export_steps_in_headless_chromium(rec, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    path = save_html(rec, tmp_path / "rec.html")
    n = len(rec.frames)
    errors = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.route(
                "**/*",
                lambda route: (
                    route.abort()
                    if not route.request.url.startswith("file:")
                    else route.continue_()
                ),
            )
            page.goto(f"file://{path}")
            root = page.locator("#av-root")
            assert root.get_attribute("data-frame") == "0"
            assert page.locator(".av-graph svg, .av-graph .av-text-graph").count() == 1
            cap0 = page.locator(".av-caption").inner_text()
            assert cap0.strip()
            assert page.locator(".av-prev").is_disabled()
            page.locator(".av-next").click()
            assert root.get_attribute("data-frame") == "1"
            assert page.locator(".av-slider").input_value() == "1"
            cap1 = page.locator(".av-caption").inner_text()
            assert cap1 != cap0
            page.locator(".av-last").click()
            assert root.get_attribute("data-frame") == str(n - 1)
            assert page.locator(".av-next").is_disabled()
            page.locator(".av-prev").click()
            assert root.get_attribute("data-frame") == str(n - 2)
            page.locator(".av-first").click()
            assert root.get_attribute("data-frame") == "0"
            page.locator(".av-lang").select_option("zh")
            assert re.search(r"[\u4e00-\u9fff]", page.locator(".av-caption").inner_text())
            assert page.locator(".av-next").get_attribute("title") == "下一帧"
            page.keyboard.press("ArrowRight")
            assert root.get_attribute("data-frame") == "1"
            page.locator(".av-speed").fill("100")
            page.locator(".av-play").click()
            page.wait_for_function(
                f"document.getElementById('av-root').getAttribute('data-frame') == '{n - 1}'",
                timeout=10_000,
            )
        finally:
            browser.close()
    assert errors == []
