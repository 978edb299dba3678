// tour_lessons.py: the two page probes, separated by the line '// ----'
// PROBE(stepper root): its state and the layout problems seen in it
(st) => {
 const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
 const cap = st.querySelector('.av-caption');
 const graph = st.querySelector('.av-graph');
 const issues = [];
 // text overflow: visible elements whose content is wider/taller than their box
 for (const e of st.querySelectorAll('*')) {
   const r = e.getBoundingClientRect(); if (!r.width || !r.height) continue;
   const cs = getComputedStyle(e);
   if (e.closest('svg')) continue;
   const txt = [...e.childNodes].some(c => c.nodeType === 3 && c.textContent.trim());
   if (!txt) continue;
   if (['visible'].includes(cs.overflowX) || cs.overflowX === 'clip' || cs.overflowX === 'hidden')
     if (e.scrollWidth > e.clientWidth + 2 && cs.display !== 'inline') issues.push('overflow-x ' + e.className + ': ' + norm(e.textContent).slice(0,60) + ` (${e.scrollWidth}>${e.clientWidth})`);
   const fs = parseFloat(cs.fontSize); if (fs < 11) issues.push(`small ${fs}px ` + e.tagName + '.' + e.className + ': ' + norm(e.textContent).slice(0,40));
 }
 // graphviz text outside its node shape
 if (graph) for (const g of graph.querySelectorAll('svg g.node')) {
   const shape = g.querySelector('polygon, ellipse, path'); if (!shape) continue;
   const sb = shape.getBoundingClientRect();
   for (const t of g.querySelectorAll('text')) {
     const tb = t.getBoundingClientRect(); if (!tb.width) continue;
     if (tb.left < sb.left - 1.5 || tb.right > sb.right + 1.5) issues.push('svgtext-out ' + g.id + ': ' + t.textContent);
   }
   const svg = g.ownerSVGElement, sc = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
   for (const t of g.querySelectorAll('text')) { const fs = parseFloat(t.getAttribute('font-size') || getComputedStyle(t).fontSize) * sc; if (fs && fs < 9) issues.push('svgtext-small ' + fs.toFixed(1) + 'px'); }
 }
 return {frame: +st.dataset.frame, n: +st.querySelector('.av-slider').max + 1,
   caption: norm(cap && [...cap.querySelectorAll('.av-caption-head, .av-caption-text, .av-quiz > div')].map(e => e.textContent).join(' ')), text: norm(st.innerText), lang: st.lang,
   svgs: graph ? graph.querySelectorAll('svg').length : -1,
   cur: graph ? [...graph.querySelectorAll('svg g.av-current')].map(c => c.id).join(' ') : '',
   nodes: graph ? [...graph.querySelectorAll('svg g.node')].map(g => norm(g.textContent)).join(' | ') : '',
   issues, w: st.getBoundingClientRect().width, h: st.getBoundingClientRect().height,
   jumps: [...st.querySelectorAll('.av-jump')].map(b => b.className.split(' ').pop())};
}
// ----
// FIG(output area): problems in a Graphviz figure outside a Stepper
(out) => { const issues = [];
 for (const svg of out.querySelectorAll('svg')) {
  const r = svg.getBoundingClientRect(); if (!r.width) issues.push('svg zero width');
  if (r.width > out.getBoundingClientRect().width + 2) issues.push(`svg wider than output ${r.width}>${out.getBoundingClientRect().width}`);
  for (const g of svg.querySelectorAll('g.node')) { const shape = g.querySelector('polygon, ellipse, path'); if (!shape) continue;
   const sb = shape.getBoundingClientRect();
   for (const t of g.querySelectorAll('text')) { const tb = t.getBoundingClientRect();
     if (tb.width && (tb.left < sb.left - 1.5 || tb.right > sb.right + 1.5)) issues.push('fig text-out: ' + t.textContent);
     if (tb.height && tb.height < 9) issues.push('fig text-small ' + tb.height.toFixed(1) + ': ' + t.textContent); } } }
 return issues; }
