"""Small hand-drawn SVG plots (no matplotlib): loss and parameters over iterations."""

from __future__ import annotations

import math
from html import escape

from .i18n import t
from .style import OKABE_ITO

_LINE_COLOURS = (
    OKABE_ITO["blue"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["green"],
    OKABE_ITO["purple"],
    OKABE_ITO["orange"],
    OKABE_ITO["sky"],
)
MAX_PARAM_LINES = 6
PAD_L = 50  # left margin: room for the y-axis numbers


def _fmt(v: float, digits: int = 3) -> str:
    # short enough for the left margin (pad_l): "0.00119", "-1.99", "1.2e+05"
    if v == 0 or 1e-3 <= abs(v) < 1e4:
        return f"{v:.{digits}g}"
    if digits > 3 and abs(v) < 1e6:
        return f"{v:.0f}"  # "13986", not "1.399e+04"
    return f"{v:.{digits - 2}e}"


def _fmt_pair(lo: float, hi: float) -> tuple[str, str]:
    """Axis labels for ``lo`` and ``hi``: more digits until they differ (14000 and 13986
    are "14000" and "13986", not "1.4e+04" twice); at most 5 significant digits."""
    for digits in (3, 4, 5):
        a, b = _fmt(lo, digits), _fmt(hi, digits)
        if a != b:
            break
    return a, b


def _legend_rows(labels, width, x0):
    """Place legend items left to right, wrapping at ``width``: [(x, row, label)]."""
    out, x, row = [], x0, 0
    for lab in labels:
        w = 6.5 * len(lab) + 14
        if x + w > width and x > x0:
            x, row = x0, row + 1
        out.append((x, row, lab))
        x += w
    return out


def _panel(series, labels, colours, current, width, height, title, iters):
    """One panel: polylines of ``series`` (list of list[float|None]) over ``iters``."""
    pad_l, pad_r, pad_t, pad_b = PAD_L, 10, 18, 18
    vals = [v for s in series for v in s if v is not None and math.isfinite(v)]
    out = [f'<g><text x="4" y="12" font-size="11" fill="currentColor">{escape(title)}</text>']
    if not vals:
        return "".join(out) + "</g>"
    lo, hi = min(vals), max(vals)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    n = len(iters)
    x0, x1 = pad_l, width - pad_r
    y0, y1 = height - pad_b, pad_t

    def X(k):
        return x0 + (x1 - x0) * (k / (n - 1) if n > 1 else 0.5)

    def Y(v):
        return y0 + (y1 - y0) * (v - lo) / (hi - lo)

    out.append(
        f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y0}" stroke="currentColor" '
        f'stroke-opacity="0.5"/>'
    )
    out.append(
        f'<line x1="{x0}" y1="{y0}" x2="{x0}" y2="{y1}" stroke="currentColor" '
        f'stroke-opacity="0.5"/>'
    )
    lo_s, hi_s = _fmt_pair(lo, hi)
    out.append(
        f'<text x="{x0 - 3}" y="{y1 + 4}" font-size="10" text-anchor="end" '
        f'fill="currentColor">{hi_s}</text>'
    )
    out.append(
        f'<text x="{x0 - 3}" y="{y0}" font-size="10" text-anchor="end" '
        f'fill="currentColor">{lo_s}</text>'
    )
    out.append(
        f'<text x="{x0}" y="{height - 4}" font-size="10" fill="currentColor">{iters[0]}</text>'
    )
    out.append(
        f'<text x="{x1}" y="{height - 4}" font-size="10" text-anchor="end" '
        f'fill="currentColor">{iters[-1]}</text>'
    )
    if current is not None and current in iters:
        k = iters.index(current)
        out.append(
            f'<line class="av-plot-current" x1="{X(k):.1f}" y1="{y0}" x2="{X(k):.1f}" '
            f'y2="{y1}" stroke="{OKABE_ITO["orange"]}" stroke-width="2" '
            f'stroke-dasharray="4 2"/>'
        )
    for s, lab, col in zip(series, labels, colours, strict=False):
        pts = [(X(k), Y(v)) for k, v in enumerate(s) if v is not None and math.isfinite(v)]
        if len(pts) > 1:
            p = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
            out.append(
                f'<polyline points="{p}" fill="none" stroke="{col}" stroke-width="2">'
                f"<title>{escape(lab)}</title></polyline>"
            )
        for x, y in pts if len(pts) <= 40 else []:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{col}"/>')
        if current is not None and current in iters:
            k = iters.index(current)
            v = s[k] if k < len(s) else None
            if v is not None and math.isfinite(v):
                out.append(
                    f'<circle cx="{X(k):.1f}" cy="{Y(v):.1f}" r="5" fill="none" '
                    f'stroke="{OKABE_ITO["orange"]}" stroke-width="2"/>'
                )
    # legend for several lines: under the axis (never over the lines), wrapped to the width
    if len(series) > 1:
        col_of = dict(zip(labels, colours, strict=False))
        for x, row, lab in _legend_rows(labels, width, x0):
            y = height + 4 + 13 * row
            out.append(
                f'<rect x="{x:.0f}" y="{y - 6}" width="10" height="3" '
                f'fill="{col_of[lab]}"/><text x="{x + 13:.0f}" y="{y}" font-size="10" '
                f'fill="currentColor">{escape(lab)}</text>'
            )
    out.append("</g>")
    return "".join(out)


def iterations_svg(iterations, current=None, lang="en", width=300, height=110) -> str:
    """SVG of the loss (and the first few scalar parameters) over iterations;
    ``current`` is the iteration number to mark. Empty string if nothing to plot."""
    its = [it for it in (iterations or []) if isinstance(it, dict)]
    if len(its) < 1:
        return ""
    iters = [it.get("iteration", k) for k, it in enumerate(its)]
    loss = [it.get("loss") for it in its]
    panels = []
    if any(v is not None for v in loss):
        panels.append(([loss], [t(lang, "loss")], [OKABE_ITO["blue"]], t(lang, "plot_title")))
    # parameters: one line per scalar entry, at most MAX_PARAM_LINES
    names, series = [], []
    for name in its[0].get("params") or {}:
        first = its[0]["params"][name]
        flat = list(first) if isinstance(first, (list, tuple)) else [first]
        for j in range(len(flat)):
            if len(series) >= MAX_PARAM_LINES:
                break
            lab = name if len(flat) == 1 else f"{name}[{j}]"
            s = []
            for it in its:
                v = (it.get("params") or {}).get(name)
                v = (list(v) if isinstance(v, (list, tuple)) else [v]) if v is not None else []
                x = v[j] if j < len(v) else None
                s.append(float(x) if isinstance(x, (int, float)) else None)
            names.append(lab)
            series.append(s)
    if series:
        panels.append((series, names, list(_LINE_COLOURS[: len(series)]), t(lang, "params")))
    if not panels:
        return ""
    parts = []
    total_h = 0
    for ser, labs, cols, title in panels:
        parts.append(
            f'<g transform="translate(0,{total_h})">'
            + _panel(ser, labs, cols, current, width, height, title, iters)
            + "</g>"
        )
        legend = (1 + max(r for _, r, _ in _legend_rows(labs, width, PAD_L))) if len(ser) > 1 else 0
        total_h += height + 13 * legend + (6 if legend else 0)
    return (
        f'<svg class="av-plot" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{total_h}" viewBox="0 0 {width} {total_h}" role="img" '
        f'aria-label="{escape(t(lang, "plot_title"))}" style="color:inherit">'
        + "".join(parts)
        + "</svg>"
    )
