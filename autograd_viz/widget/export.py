"""``save_html(rec, path)``: one self-contained HTML page that steps through the frames in any
browser, without a kernel, a CDN or any network access.

One code path with the notebook widget: the page embeds the Stepper's own ES module
(``static/stepper.js``) and stylesheet, imports the module from a ``blob:`` URL and calls its
``render({model, el})`` with a small in-page model (``get``/``set``/``on``/``off``/
``save_changes``).  The data is the Stepper's ``data`` trait.  Every JSON literal in a
``<script>`` has ``<``, ``>``, ``&`` written as ``\\u003c`` ..., so a label such as
``</script>`` cannot end the script early.
"""

from __future__ import annotations

import json
import os
from html import escape

from .i18n import STRINGS, resolve
from .stepper import ESM_CSS, ESM_JS, stepper_json


def script_json(obj) -> str:
    """JSON safe to put inside ``<script>``: no ``<``, ``>``, ``&``, U+2028/2029 literally."""
    return _script_safe(json.dumps(obj, ensure_ascii=False))


def _script_safe(s: str) -> str:
    return (
        s.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


_BOOT = r"""
const esm = JSON.parse(document.getElementById("av-esm").textContent);
const state = JSON.parse(document.getElementById("av-state").textContent);
state.data = document.getElementById("av-data").textContent;
const handlers = {};
const model = {
  get: (k) => state[k],
  set: (k, v) => {
    const old = state[k];
    state[k] = v;
    if (old !== v) (handlers["change:" + k] || []).forEach((f) => f());
  },
  on: (e, f) => { (handlers[e] = handlers[e] || []).push(f); },
  off: (e, f) => { handlers[e] = (handlers[e] || []).filter((g) => g !== f); },
  save_changes: () => {},
  send: () => {},
};
const url = URL.createObjectURL(new Blob([esm], { type: "text/javascript" }));
const mod = await import(url);
const widget = mod.default || mod;
const el = document.getElementById("av-root");
widget.render({ model, el });
window.avModel = model;
// the page's own title and footer follow the language toggle too
const page = JSON.parse(document.getElementById("av-page").textContent);
const pageLang = () => {
  const p = page[state.lang] || page.en;
  document.documentElement.lang = state.lang;
  document.title = p.title;
  document.getElementById("av-title").textContent = p.title;
  document.getElementById("av-export-note").textContent = p.note;
};
model.on("change:lang", pageLang);
el.querySelector(".av-stepper").focus({ preventScroll: true });
"""


def export_page(recording, lang=None, view="dataflow", quiz=False, size=2) -> str:
    lang = resolve(lang, recording)
    state = {
        "frame": 0,
        "lang": lang,
        "view": view,
        "size": size,
        "quiz": bool(quiz),
    }
    esm, css = ESM_JS, ESM_CSS  # the widget's own front end (unpacked)
    assert "</" not in css
    page_css = (
        "body{margin:16px;font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC',"
        "'PingFang SC','Microsoft YaHei',sans-serif;}"
        "@media (prefers-color-scheme: dark){body{background:#111;color:#eee;}}"
        ".av-export-note{opacity:.7;font-size:13px;}"
    )
    title = STRINGS[lang]["export_title"]
    page = {
        k: {"title": STRINGS[k]["export_title"], "note": STRINGS[k]["export_note"]} for k in STRINGS
    }
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{page_css}</style>
<style>{css}</style>
</head>
<body>
<h3 id="av-title">{escape(title)}</h3>
<div id="av-root"></div>
<p class="av-export-note" id="av-export-note">{escape(STRINGS[lang]["export_note"])}</p>
<script type="application/json" id="av-page">{script_json(page)}</script>
<script type="application/json" id="av-esm">{script_json(esm)}</script>
<script type="application/json" id="av-state">{script_json(state)}</script>
<script type="application/json" id="av-data">{_script_safe(stepper_json(recording))}</script>
<script type="module">{_BOOT}</script>
</body>
</html>
"""


def save_html(recording, path, lang=None, view="dataflow", quiz=False):
    """Write ``recording`` as one self-contained HTML page at ``path``; returns the path."""
    page = export_page(recording, lang=lang, view=view, quiz=quiz)
    path = os.fspath(path)
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)
    return path
