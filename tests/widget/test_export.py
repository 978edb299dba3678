"""save_html: one self-contained page running the Stepper's own ES module (one code path).

The page is driven in a real browser by tests/e2e/test_e2e_export.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

from autograd_viz.widget import Stepper, save_html
from autograd_viz.widget.export import export_page, script_json
from autograd_viz.widget.stepper import ESM_CSS, ESM_JS, stepper_json


def test_script_json_cannot_close_the_script():
    s = script_json({"a": "</script><script>alert(1)</script>", "b": "x & y > z\u2028"})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s
    assert json.loads(s) == {"a": "</script><script>alert(1)</script>", "b": "x & y > z\u2028"}


def _blocks(page):
    return dict(
        re.findall(r'<script type="application/json" id="(av-[a-z]+)">(.*?)</script>', page, re.S)
    )


def test_page_is_self_contained_and_runs_the_widgets_module(rec, tmp_path):
    path = save_html(rec, tmp_path / "rec.html")
    page = Path(path).read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", page)
    assert "cdn" not in page.lower() and "unpkg" not in page.lower()
    blocks = _blocks(page)
    assert set(blocks) == {"av-esm", "av-state", "av-data", "av-page"}
    # the page's title and footer in both languages (they follow the language toggle)
    assert "逐步" in json.loads(blocks["av-page"])["zh"]["title"]
    # the same ES module the notebook widget loads, byte for byte
    assert json.loads(blocks["av-esm"]) == ESM_JS  # (the notebook gets it packed)
    assert ESM_CSS in page
    # the same data the widget's ``data`` trait carries
    assert json.loads(blocks["av-data"]) == json.loads(stepper_json(rec))
    assert json.loads(blocks["av-state"]) == {
        "frame": 0,
        "lang": "en",
        "view": "dataflow",
        "size": 2,
        "quiz": False,
    }
    assert "URL.createObjectURL(new Blob([esm]" in page and "await import(url)" in page
    # nothing inside a data block can end the script: every "<" is escaped
    for b in blocks.values():
        assert "<" not in b
    assert page.count("<script") == 5


def test_label_that_looks_like_markup_stays_data(tmp_path):
    import autograd_viz as torch

    with torch.record() as rec:
        xs = [torch.tensor([1.0], requires_grad=True)]  # in a list: named by its label
        xs[0].label = "</script><b>x</b>"
        (xs[0] * 2).sum().backward()
    page = export_page(rec)
    assert "</script><b>" not in page
    data = json.loads(_blocks(page)["av-data"])
    assert any("</script><b>x</b>" in str(info) for info in data["views"]["dataflow"]["info"])


def test_page_language_view_quiz(rec):
    page = export_page(rec, lang="zh", view="autograd", quiz=True)
    assert '<html lang="zh">' in page
    state = json.loads(_blocks(page)["av-state"])
    assert state["lang"] == "zh" and state["view"] == "autograd" and state["quiz"] is True


def test_recording_and_stepper_methods(rec, tmp_path):
    p1 = Stepper(rec, lang="zh").save_html(tmp_path / "a.html")
    assert '<html lang="zh">' in Path(p1).read_text(encoding="utf-8")
    p2 = tmp_path / "b.html"
    rec.save_html(p2)
    assert p2.exists() and "av-data" in p2.read_text(encoding="utf-8")
