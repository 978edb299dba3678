"""Colours (Okabe-Ito, colour-blind safe), the widget's CSS, the legend."""

from __future__ import annotations

from html import escape

from .i18n import t

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour
# vision deficiencies.  Node fills are pale enough for dark text and are drawn on their own
# background, so they read the same in JupyterLab's light and dark themes.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}

# What each node status looks like in the legend.  If the renderer publishes its own
# styles (``autograd_viz.render.STATUS_STYLE``), the legend uses those instead, so the
# legend always matches the picture.
DEFAULT_STATUS_STYLE = {
    "current": {"fill": "#F5C463", "color": OKABE_ITO["vermillion"], "style": "bold"},
    "done": {"fill": "#BFE3F7", "color": OKABE_ITO["blue"], "style": "solid"},
    "grad": {"fill": "#CFEDE2", "color": OKABE_ITO["green"], "style": "solid"},
    "pending": {"fill": "#FFFFFF", "color": OKABE_ITO["grey"], "style": "dashed"},
    "freed": {"fill": "#E0E0E0", "color": OKABE_ITO["grey"], "style": "dotted"},
    "outside": {"fill": "#F7F1A8", "color": OKABE_ITO["black"], "style": "solid"},
}

FONT_SIZES = {1: 13, 2: 16, 3: 20, 4: 26, 5: 32}  # caption/inspector px per size step
GRAPH_ZOOM = {1: 1.0, 2: 1.25, 3: 1.55, 4: 1.9, 5: 2.3}


def status_styles() -> dict:
    try:
        from autograd_viz import render

        styles = getattr(render, "STATUS_STYLE", None)
        if isinstance(styles, dict) and styles:
            merged = dict(DEFAULT_STATUS_STYLE)
            for k, v in styles.items():
                if isinstance(v, dict):
                    merged[k] = {**DEFAULT_STATUS_STYLE.get(k, {}), **v}
            return merged
    except Exception:
        pass
    return DEFAULT_STATUS_STYLE


#: UI string of a status whose name is also another string's key
LEGEND_KEY = {"grad": "status_grad"}


def legend_html(lang: str) -> str:
    items = []
    for status in ("current", "done", "grad", "pending", "freed", "outside"):
        st = status_styles().get(status, DEFAULT_STATUS_STYLE[status])
        border = {"bold": "3px solid", "dashed": "2px dashed", "dotted": "2px dotted"}.get(
            st.get("style", "solid"), "1px solid"
        )
        items.append(
            f'<span class="av-legend-item"><span class="av-swatch" style="background:'
            f'{st.get("fill", "#fff")};border:{border} {st.get("color", "#000")}"></span>'
            f"{escape(t(lang, LEGEND_KEY.get(status, status)))}</span>"
        )
    items.append(
        f'<span class="av-legend-item"><span class="av-swatch av-edge-swatch" '
        f'style="background:{OKABE_ITO["vermillion"]}"></span>'
        f"{escape(t(lang, 'current_edge'))}</span>"
    )
    return (
        f'<div class="av-legend" role="note"><b>{escape(t(lang, "legend"))}:</b> '
        + " ".join(items)
        + "</div>"
    )


def css(root_class: str) -> str:
    """Stylesheet for one stepper (scoped to ``.{root_class}``) incl. the font-size steps."""
    r = f".{root_class}"
    rules = [
        f"{r} .av-caption {{ line-height:1.45; padding:6px 10px; border-left:5px solid "
        f"{OKABE_ITO['orange']}; background:rgba(127,127,127,0.08); "
        f"color:var(--jp-content-font-color1, inherit); }}",
        f"{r} .av-caption .av-phase {{ display:inline-block; font-weight:bold; padding:0 6px; "
        f"margin-right:6px; border-radius:3px; color:#000; }}",
        # ipywidgets gives HTML content a 28px line-height (one control row): far too loose
        # for wrapped sentences and table rows
        f"{r} .av-caption .widget-html-content, {r} .av-inspector .widget-html-content, "
        f"{r} .av-legend, {r} .av-note {{ line-height:1.45; }}",
        f"{r} .av-caption-head {{ margin-bottom:2px; }}",
        f"{r} .av-graph {{ overflow:auto; max-height:75vh; }}",
        # the HTML widget inside the Stack is a flex item that grows to its content (a wide
        # SVG made it 1800px wide in an 848px output, so max-width:100% below did nothing and
        # the right part of the graph was cut off): keep it, and its content, to the Stack's width
        f"{r} .av-graph > .widget-html, {r} .av-graph .widget-html-content {{ min-width:0; "
        f"max-width:100%; flex-shrink:1; }}",
        # the picture fits the output width (sizes 1-3); sizes 4-5 (projector) keep the zoomed
        # size and scroll
        f"{r} .av-graph svg {{ max-width:100%; height:auto; background:#fff; border-radius:4px; "
        f"padding:4px; box-sizing:border-box; }}",
        f"{r}.av-fs-4 .av-graph svg, {r}.av-fs-5 .av-graph svg {{ max-width:none; }}",
        # ToggleButtons put their description above the buttons: keep it on the same line
        f"{r} .av-view, {r} .av-lang {{ display:flex; align-items:center; }}",
        f"{r} .av-view > label, {r} .av-lang > label {{ width:auto; margin:0 6px 0 12px; }}",
        f"{r} .av-plot {{ max-width:100%; height:auto; }}",
        f"{r} .av-inspector table {{ border-collapse:collapse; }}",
        f"{r} .av-inspector td, {r} .av-inspector th {{ padding:2px 6px; text-align:left; "
        f"vertical-align:top; border-bottom:1px solid rgba(127,127,127,0.3); }}",
        f"{r} .av-inspector pre {{ margin:0; font-size:inherit; white-space:pre-wrap; "
        f"word-break:normal; overflow-wrap:anywhere; }}",
        f"{r} .av-legend {{ font-size:12px; margin-top:4px; }}",
        f"{r} .av-legend-item {{ margin-right:10px; white-space:nowrap; }}",
        f"{r} .av-swatch {{ display:inline-block; width:14px; height:10px; margin-right:3px; "
        f"vertical-align:middle; }}",
        f"{r} .av-edge-swatch {{ height:3px; }}",
        f"{r} .av-note {{ font-style:italic; opacity:0.85; }}",
    ]
    for k, px in FONT_SIZES.items():
        z = GRAPH_ZOOM[k]
        rules.append(
            f"{r}.av-fs-{k} .av-caption, {r}.av-fs-{k} .av-inspector, "
            f"{r}.av-fs-{k} .av-legend {{ font-size:{px}px; }}"
        )
        rules.append(f"{r}.av-fs-{k} .av-graph svg {{ zoom:{z}; }}")
    return "<style>" + "\n".join(rules) + "</style>"


PHASE_COLOUR = {
    "forward": OKABE_ITO["sky"],
    "backward": OKABE_ITO["orange"],
    "accumulate": OKABE_ITO["green"],
    "hook": OKABE_ITO["purple"],
    "update": OKABE_ITO["yellow"],
    "zero_grad": OKABE_ITO["grey"],
    "freed": OKABE_ITO["grey"],
    "error": OKABE_ITO["vermillion"],
}
