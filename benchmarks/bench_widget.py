"""Stepper speed, as ratios measured in one run (issue 5 "Speed").

    python benchmarks/bench_widget.py [--nodes 200] [--big 1000] [--frames 3000] [--repeat 7]

Widget messages are serialized as a kernel does: every comm is replaced by one that builds
the Jupyter message (header, content with the widget state), JSON-encodes it with
``jupyter_client``'s ``json_default`` and signs it with HMAC-SHA256 like ``Session``; the
benchmark counts the messages and their bytes.

Measured:
* ``dot`` redraw: ``autograd_viz.draw(out).pipe("svg")`` of the whole graph (what
  micrograd's ``draw_dot`` / torchviz do per frame).
* click on next (Python side): ``Button.click()`` on frames not shown before, inside an
  asyncio loop as in a kernel; the lazy window refill that follows the click (scheduled with
  ``loop.call_soon``) is measured separately and reported too.
* opening a Stepper on the recording; opening one on a ``--big``-node recording.
* opening a Stepper on a long recording (``--frames``: a training loop recorded with
  ``record(full_iterations=1000)``, a small graph stepped through thousands of frames):
  open time, widgets created, messages; and a click on next there.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import comm
from comm.base_comm import BaseComm

STATS = {"messages": 0, "bytes": 0}
_KEY = uuid.uuid4().hex.encode()


class KernelLikeComm(BaseComm):
    """A comm that serializes every message the way ipykernel's Session does."""

    def publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys):
        from jupyter_client.jsonutil import json_default

        header = {
            "msg_id": uuid.uuid4().hex,
            "msg_type": msg_type,
            "username": "bench",
            "session": "bench",
            "date": "2026-01-01T00:00:00Z",
            "version": "5.3",
        }
        content = {"data": data or {}, "comm_id": self.comm_id, **keys}
        parts = [
            json.dumps(p, default=json_default, ensure_ascii=False, allow_nan=False).encode("utf8")
            for p in (header, {}, metadata or {}, content)
        ]
        sig = hmac.new(_KEY, digestmod=hashlib.sha256)
        for p in parts:
            sig.update(p)
        sig.hexdigest()
        STATS["messages"] += 1
        STATS["bytes"] += sum(len(p) for p in parts) + sum(
            len(memoryview(b).cast("B")) for b in (buffers or [])
        )


def install_comm():
    comm.create_comm = lambda **kw: KernelLikeComm(**kw)
    try:  # ipywidgets looks the factory up on the module at call time
        import ipywidgets.widgets.widget as w

        if hasattr(w, "comm"):
            w.comm.create_comm = comm.create_comm
    except Exception:
        pass


def make_recording(n_nodes):
    """A chain ``h = h * w + c`` long enough for about ``n_nodes`` data-flow nodes, recorded
    and backpropagated."""
    import autograd_viz as torch

    steps = max(1, (n_nodes - 3) // 4)
    with torch.record() as rec:
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        w = torch.tensor([0.5, -0.25], requires_grad=True)
        h = x
        for _ in range(steps):
            h = h * w + 1.0
        out = h.sum()
        out.backward()
    return rec, out


def make_long_recording(n_frames):
    """A small training loop recorded in full for about ``n_frames`` frames (12 per
    iteration)."""
    import autograd_viz as torch

    with torch.record(full_iterations=1000, max_frames=max(20000, n_frames + 100)) as rec:
        xs = torch.tensor([1.0, 2.0, 3.0])
        ys = torch.tensor([2.0, 4.0, 6.0])
        w = torch.tensor([0.5], requires_grad=True)
        for _ in range(max(1, n_frames // 12)):
            loss = ((xs * w - ys) ** 2).sum()
            loss.backward()
            with torch.no_grad():
                w -= 0.01 * w.grad
            w.grad.zero_()
    return rec


def widget_count():
    import ipywidgets as widgets

    reg = getattr(widgets.widgets.widget, "_instances", None)
    if reg is None:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reg = widgets.Widget.widgets
    return len(reg)


def dot_redraw(rec, out):
    """A function running Graphviz on the whole graph once (the per-frame redraw of
    draw_dot / torchviz), and what it is."""
    try:
        import autograd_viz
        from autograd_viz.render import graphviz_engine

        drawing = autograd_viz.draw(out)  # the DOT source is built once: time only Graphviz
        drawing.pipe(format="svg")
        return (
            lambda: drawing.pipe(format="svg"),
            f"d = autograd_viz.draw(out); d.pipe('svg') (Graphviz only) with {graphviz_engine()}",
        )
    except ImportError:  # renderer not there: the same graph drawn with graphviz directly
        return plain_redraw(rec), "plain graphviz.Digraph of rec.graph .pipe('svg')"


def plain_redraw(rec):
    """The same nodes and edges as plain DOT (boxes labelled with the name only): the
    cheapest dot redraw of that graph."""
    import graphviz

    def redraw():
        g = graphviz.Digraph()
        for nid, n in rec.graph.nodes.items():
            g.node(nid, label=str(n.name), shape="box" if n.kind == "tensor" else "ellipse")
        for a, b in rec.graph.edges:
            g.edge(a, b)
        return g.pipe(format="svg")

    return redraw


def median_time(fn, repeat):
    ts = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def fmt_ms(s):
    return f"{s * 1e3:.3f} ms" if s >= 1e-4 else f"{s * 1e6:.1f} µs"


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, default=200)
    ap.add_argument("--big", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--clicks", type=int, default=40)
    ap.add_argument("--frames", type=int, default=3000)
    args = ap.parse_args(argv)

    install_comm()
    from autograd_viz.widget import Stepper

    rec, out = make_recording(args.nodes)
    n_nodes = len(rec.graph.nodes)
    redraw, how = dot_redraw(rec, out)
    print(f"recording: {n_nodes} data-flow nodes, {len(rec.frames)} frames; baseline: {how}")

    redraw()
    t_dot = median_time(redraw, args.repeat)
    print(f"dot redraw of the graph:             {fmt_ms(t_dot)}")

    # --- open
    STATS.update(messages=0, bytes=0)
    t0 = time.perf_counter()
    st = Stepper(rec)
    t_open = time.perf_counter() - t0
    open_msgs, open_bytes = STATS["messages"], STATS["bytes"]
    print(
        f"open Stepper ({n_nodes} nodes):          {fmt_ms(t_open)}  "
        f"({open_msgs} messages, {open_bytes / 1e6:.2f} MB; lazy={st._lazy})"
    )

    # --- clicks on next, frames not shown before, in an event loop like a kernel's
    clicks = min(args.clicks, st.n_frames - 1)

    async def drive():
        click_t, fill_t, msgs, sizes = [], [], [], []
        for _ in range(clicks):
            STATS.update(messages=0, bytes=0)
            t0 = time.perf_counter()
            st._btn["next"].click()
            click_t.append(time.perf_counter() - t0)
            msgs.append(STATS["messages"])
            sizes.append(STATS["bytes"])
            t1 = time.perf_counter()
            await asyncio.sleep(0)  # let the scheduled window refill run
            fill_t.append(time.perf_counter() - t1)
        return click_t, fill_t, msgs, sizes

    click_t, fill_t, msgs, sizes = asyncio.run(drive())
    t_click = statistics.median(click_t)
    print(
        f"click next (Python side, median):    {fmt_ms(t_click)}  "
        f"({statistics.median(msgs):.0f} message(s), {statistics.median(sizes):.0f} bytes)"
    )
    print(f"  background window refill per click: {fmt_ms(statistics.mean(fill_t))} mean")

    # per-click caption as an HTML message (the alternative to the caption Stack)
    import ipywidgets as widgets

    h = widgets.HTML()
    caps = [st._c.caption_html(i) for i in range(st.n_frames)]
    k = iter(range(10**9))
    t_cap = median_time(lambda: setattr(h, "value", caps[next(k) % len(caps)]), 50)
    print(f"caption as per-click HTML message:   {fmt_ms(t_cap)} (Stack: 0, done by browser)")

    # --- big recording
    big, _ = make_recording(args.big)
    STATS.update(messages=0, bytes=0)
    t0 = time.perf_counter()
    sb = Stepper(big)
    t_big = time.perf_counter() - t0
    print(
        f"open Stepper ({len(big.graph.nodes)} nodes, {len(big.frames)} frames): "
        f"{fmt_ms(t_big)} ({STATS['messages']} messages, {STATS['bytes'] / 1e6:.2f} MB); "
        f"note: {sb._c.note()!r}"
    )

    # --- long recording (thousands of frames, small graph)
    long_rec = make_long_recording(args.frames)
    STATS.update(messages=0, bytes=0)
    w0 = widget_count()
    t0 = time.perf_counter()
    sl = Stepper(long_rec)
    t_long = time.perf_counter() - t0
    n_w = widget_count() - w0
    print(
        f"open Stepper ({len(long_rec.frames)} frames, {len(long_rec.graph.nodes)} nodes): "
        f"{fmt_ms(t_long)} ({n_w} widgets, {STATS['messages']} messages, "
        f"{STATS['bytes'] / 1e6:.2f} MB; windowed={getattr(sl, '_windowed', False)})"
    )

    async def drive_long():
        ts, ms = [], []
        for _ in range(min(args.clicks, sl.n_frames - 1)):
            STATS.update(messages=0, bytes=0)
            t0 = time.perf_counter()
            sl._btn["next"].click()
            await asyncio.sleep(0)
            ts.append(time.perf_counter() - t0)
            ms.append(STATS["messages"])
        return ts, ms

    ts, ms = asyncio.run(drive_long())
    print(
        f"  click next there (with refill, median): {fmt_ms(statistics.median(ts))} "
        f"({statistics.median(ms):.0f} messages)"
    )

    ratio = t_dot / t_click
    print()
    print(
        f"RATIO dot redraw / click next = {ratio:.0f}x   (target >= 200x)  "
        f"{'OK' if ratio >= 200 else 'MISSED'}"
    )
    print(
        f"open {n_nodes}-node stepper = {t_open:.2f} s   (target <= 1 s)  "
        f"{'OK' if t_open <= 1 else 'MISSED'}"
    )
    print(f"open {len(big.graph.nodes)}-node stepper = {t_big:.2f} s   (must not hang)")
    print(
        f"open {len(long_rec.frames)}-frame stepper = {t_long:.2f} s, {n_w} widgets   "
        f"(target <= 1 s, < 300 widgets)  "
        f"{'OK' if t_long <= 1 and n_w < 300 else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
