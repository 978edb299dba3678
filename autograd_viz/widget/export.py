"""``save_html(rec, path)``: one self-contained HTML file that steps through the frames in
any browser, without a kernel, a CDN or any network access.

The page embeds every frame's SVG, its caption and inspector in both languages as JSON in a
``<script type="application/json">`` block (``<``, ``>``, ``&`` written as ``\\u003c`` ...,
so a label such as ``</script>`` cannot escape into the page) and a few lines of vanilla JS
for first / previous / next / last, the slider, Play and the language toggle.
"""

from __future__ import annotations

import json
import os
from html import escape

from .content import FrameContent
from .i18n import LANGS, STRINGS, resolve
from .style import css, legend_html

_UI_KEYS = (
    "first",
    "prev",
    "next",
    "last",
    "first_s",
    "prev_s",
    "next_s",
    "last_s",
    "play",
    "frame",
    "speed",
    "speed_tip",
    "lang",
    "export_title",
    "export_note",
)


def script_json(obj) -> str:
    """JSON safe to put inside ``<script>``: no ``<``, ``>``, ``&``, U+2028/2029 literally."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (
        s.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def export_data(recording, lang="en", view="dataflow") -> dict:
    per_lang = {L: FrameContent(recording, lang=L, view=view) for L in LANGS}
    c0 = per_lang[lang]
    n = c0.n
    svgs = [c0.graph_html(i) for i in range(n)]
    plots = {}
    for i in range(n):
        it = c0.frames[i].iteration
        if it not in plots:
            plots[it] = i
    data = {
        "n": n,
        "lang": lang,
        "svg": svgs,
        "caption": {L: [per_lang[L].caption_html(i) for i in range(n)] for L in LANGS},
        "inspector": {L: [per_lang[L].inspector_html(i) for i in range(n)] for L in LANGS},
        "iteration": [c0.frames[i].iteration for i in range(n)],
        "plot": {L: {str(it): per_lang[L].plot_html(i) for it, i in plots.items()} for L in LANGS},
        "legend": {L: legend_html(L) for L in LANGS},
        "note": {L: per_lang[L].note() for L in LANGS},
        "ui": {L: {k: STRINGS[L][k] for k in _UI_KEYS} for L in LANGS},
    }
    return data


_JS = r"""
(function () {
  var D = JSON.parse(document.getElementById('av-data').textContent);
  var root = document.getElementById('av-root');
  var q = function (c) { return root.querySelector('.' + c); };
  var i = 0, lang = D.lang, timer = null;
  var slider = q('av-slider'), readout = q('av-readout');
  slider.max = Math.max(D.n - 1, 0);
  function ui() {
    var U = D.ui[lang];
    [['av-first', '\u00ab ', 'first', ''], ['av-prev', '\u2039 ', 'prev', ''],
     ['av-next', '', 'next', ' \u203a'], ['av-last', '', 'last', ' \u00bb']].forEach(function (b) {
      var el = q(b[0]); el.textContent = b[1] + U[b[2] + '_s'] + b[3];
      el.title = U[b[2]]; el.setAttribute('aria-label', U[b[2]]);
    });
    q('av-play').title = U.play; q('av-play').setAttribute('aria-label', U.play);
    q('av-frame-label').textContent = U.frame;
    q('av-speed-label').textContent = U.speed; q('av-speed').title = U.speed_tip;
    q('av-lang').title = U.lang;
    q('av-note-export').textContent = U.export_note;
    q('av-legend-box').innerHTML = D.legend[lang];
    q('av-note').textContent = D.note[lang] || '';
    document.title = U.export_title;
    q('av-title').textContent = U.export_title;
  }
  function show(k) {
    if (D.n === 0) { return; }
    i = Math.max(0, Math.min(D.n - 1, k));
    slider.value = i; readout.textContent = i;
    q('av-graph').innerHTML = D.svg[i];
    q('av-caption').innerHTML = D.caption[lang][i];
    q('av-inspector').innerHTML = D.inspector[lang][i];
    var p = D.plot[lang][String(D.iteration[i])];
    q('av-plot-area').innerHTML = p || '';
    q('av-first').disabled = q('av-prev').disabled = (i === 0);
    q('av-next').disabled = q('av-last').disabled = (i === D.n - 1);
    root.setAttribute('data-frame', i);
  }
  function stop() {
    if (timer) { clearInterval(timer); timer = null; }
    q('av-play').textContent = '\u25b6';
  }
  function play() {
    if (timer) { stop(); return; }
    if (i >= D.n - 1) { show(0); }
    q('av-play').textContent = '\u23f8';
    timer = setInterval(function () { if (i >= D.n - 1) { stop(); } else { show(i + 1); } },
                        parseInt(q('av-speed').value, 10));
  }
  q('av-first').onclick = function () { stop(); show(0); };
  q('av-prev').onclick = function () { stop(); show(i - 1); };
  q('av-next').onclick = function () { stop(); show(i + 1); };
  q('av-last').onclick = function () { stop(); show(D.n - 1); };
  q('av-play').onclick = play;
  slider.oninput = function () { stop(); show(parseInt(slider.value, 10)); };
  q('av-speed').onchange = function () { if (timer) { stop(); play(); } };
  q('av-lang').onchange = function () { lang = this.value; ui(); show(i); };
  q('av-font').oninput = function () {
    root.className = root.className.replace(/av-fs-\d/, 'av-fs-' + this.value);
  };
  document.addEventListener('keydown', function (e) {
    if (e.target && e.target.tagName === 'SELECT') { return; }
    if (e.key === 'ArrowRight') { show(i + 1); } else if (e.key === 'ArrowLeft') { show(i - 1); }
    else if (e.key === 'Home') { show(0); } else if (e.key === 'End') { show(D.n - 1); }
  });
  q('av-lang').value = lang;
  ui(); show(0);
})();
"""


def export_page(recording, lang=None, view="dataflow") -> str:
    lang = resolve(lang, recording)
    data = export_data(recording, lang=lang, view=view)
    root = "av-export"
    lang_opts = "".join(
        f'<option value="{L}">{"English" if L == "en" else "中文"}</option>' for L in LANGS
    )
    page_css = (
        "body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC','PingFang SC',"
        "'Microsoft YaHei',sans-serif;margin:16px;}"
        "@media (prefers-color-scheme: dark){body{background:#111;color:#eee;}}"
        ".av-row{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin:4px 0;}"
        ".av-body{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start;}"
        ".av-graph{flex:1 1 auto;min-width:0;}"
        ".av-side{flex:0 1 380px;min-width:240px;}"
        "button{font-size:inherit;padding:4px 10px;cursor:pointer;}"
        ".av-slider{width:min(60vw,640px);}"
    )
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(STRINGS[lang]["export_title"])}</title>
<style>{page_css}</style>
{css(root)}
</head>
<body>
<div id="av-root" class="av-stepper {root} av-fs-2">
<h3 class="av-title"></h3>
<div class="av-row">
<button type="button" class="av-first"></button>
<button type="button" class="av-prev"></button>
<button type="button" class="av-next"></button>
<button type="button" class="av-last"></button>
<button type="button" class="av-play">&#9654;</button>
<label><span class="av-speed-label"></span>
<input type="range" class="av-speed" min="100" max="3000" step="100" value="900"></label>
</div>
<div class="av-row"><label><span class="av-frame-label"></span>
<input type="range" class="av-slider" min="0" max="0" step="1" value="0"></label>
<output class="av-readout">0</output>
<select class="av-lang">{lang_opts}</select>
<input type="range" class="av-font" min="1" max="5" step="1" value="2" aria-label="font size">
</div>
<div class="av-caption" aria-live="polite"></div>
<div class="av-note"></div>
<div class="av-body"><div class="av-graph"></div>
<div class="av-side"><div class="av-inspector"></div><div class="av-plot-area"></div></div></div>
<div class="av-legend-box"></div>
<p class="av-note-export av-note"></p>
</div>
<script type="application/json" id="av-data">{script_json(data)}</script>
<script>{_JS}</script>
</body>
</html>
"""


def save_html(recording, path, lang=None, view="dataflow"):
    """Write ``recording`` as one self-contained HTML page at ``path``; returns the path."""
    page = export_page(recording, lang=lang, view=view)
    path = os.fspath(path)
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)
    return path
