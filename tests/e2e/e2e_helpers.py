"""What the browser tests read from a Stepper in the page (by the DOM contract's classes)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("AV_ARTIFACTS", ROOT / "tests" / "e2e" / "artifacts"))
ARTIFACTS.mkdir(parents=True, exist_ok=True)

# One Stepper's visible state: frame (data-frame and the slider), caption, the highlighted
# nodes and whether they are inside the graph viewport's visible box.
STATE_JS = r"""(root) => {
  const st = root.classList.contains('av-stepper') ? root : root.querySelector('.av-stepper');
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const graph = st.querySelector('.av-graph');
  const box = graph.getBoundingClientRect();
  const cur = [...graph.querySelectorAll('svg g.av-current')];
  // the frame's own node (av-focus: one of the av-current nodes) must be in view
  const inside = [...graph.querySelectorAll('svg g.av-focus')].map((c) => {
    const r = c.getBoundingClientRect();
    return r.left >= box.left - 1 && r.right <= box.left + graph.clientWidth + 1 &&
           r.top >= box.top - 1 && r.bottom <= box.top + graph.clientHeight + 1;
  });
  const cap = st.querySelector('.av-caption');
  return {
    frame: +st.dataset.frame,
    slider: st.querySelector('.av-slider').value,
    caption: norm(cap.innerText),
    captionPx: parseFloat(getComputedStyle(cap).fontSize),
    current: cur.map((c) => c.id).sort().join(' '),
    inside: inside.length > 0 && inside.every((x) => x),
    svgs: graph.querySelectorAll('svg').length,
    nextDisabled: st.querySelector('.av-next').disabled,
    lang: st.lang,
  };
}"""

# Every control (button, select, input) has a non-empty aria-label.
UNLABELLED_JS = r"""(st) => [...st.querySelectorAll('button, select, input')]
  .filter((e) => !(e.getAttribute('aria-label') || '').trim())
  .map((e) => e.className)"""

# Median time of a Next click until picture and caption are updated (no kernel involved:
# the click handler restyles the layout synchronously).
NEXT_TIMING_JS = r"""(st) => {
  const next = st.querySelector('.av-next'), first = st.querySelector('.av-first');
  first.click();
  const times = [];
  while (!next.disabled) {
    const cap = st.querySelector('.av-caption').innerText;
    const t0 = performance.now();
    next.click();
    const changed = st.querySelector('.av-caption').innerText !== cap &&
                    st.querySelector('.av-graph svg g.av-current') !== null;
    times.push(performance.now() - t0);
    if (!changed) return {error: 'caption or picture did not change'};
  }
  times.sort((a, b) => a - b);
  return {n: times.length, median: times[Math.floor(times.length / 2)],
          max: times[times.length - 1]};
}"""

# Rows the controls take (a wrapped control starts left of the one before it).
ROWS_JS = r"""(st) => {
  let n = 0;
  for (const row of st.querySelectorAll('.av-row')) {
    let last = -1e9;
    n++;
    for (const e of row.children) {
      const r = e.getBoundingClientRect();
      if (!r.width) continue;
      if (r.left < last) n++;
      last = r.left;
    }
  }
  return n;
}"""
