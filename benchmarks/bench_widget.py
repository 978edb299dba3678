"""The browser Stepper: sizes and speed as ratios measured in one run (issue 12).

    python benchmarks/bench_widget.py [--nodes 200] [--repeat 7] [--no-browser]

Widget messages are serialized as a kernel does: every comm is replaced by one that builds
the Jupyter message (header, content with the widget state), JSON-encodes it with
``jupyter_client``'s ``json_default`` and signs it with HMAC-SHA256 like ``Session``; the
benchmark counts the messages and their bytes.

Measured (targets from issue 12):
* opening a Stepper on a ``--nodes`` recording: bytes sent (<= 400 KB) and time, against
  the Graphviz layouts it needs (one per view, run one after the other): <= 1.5x.
* ``st.frame = k`` from Python on frames not shown before (one small message), against one
  ``dot`` run on the same graph's DOT source: <= 1/200.
* ``save_html`` of a 250-op chain (<= 2 MB) and of a 10,000-op chain (cut as ``draw`` cuts
  large graphs; <= 20 MB, <= 500 MB peak RSS, measured in a child process).
* the lesson notebooks (``notebooks/*.ipynb``, ``notebooks/zh/*.ipynb``): each <= 250 KB,
  all <= 4 MB.
* in headless Chromium (when ``/usr/bin/chromium`` and playwright exist): Next in the
  exported page, picture and caption updated, median <= 16 ms (no kernel).
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import shutil
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


def median_time(fn, repeat):
    ts = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def fmt_ms(s):
    return f"{s * 1e3:.3f} ms" if s >= 1e-4 else f"{s * 1e6:.1f} µs"


def verdict(ok):
    return "OK" if ok else "MISSED"


_CHILD = """
import resource, sys, os, time
sys.path.insert(0, {root!r})
sys.path.insert(0, {bench!r})
from bench_widget import make_recording
rec, _ = make_recording({nodes})
t0 = time.perf_counter()
rec.save_html({path!r})
dt = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(len(rec.graph.nodes), len(rec.frames), os.path.getsize({path!r}), rss, dt)
"""


def save_html_child(ops, path):
    """save_html of a chain of about ``ops`` ops in a fresh process: (nodes, frames, bytes,
    peak RSS MB, seconds)."""
    import subprocess

    here = Path(__file__).resolve()
    code = _CHILD.format(
        root=str(here.parents[1]), bench=str(here.parent), nodes=2 * ops, path=str(path)
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    return int(out[0]), int(out[1]), int(out[2]), float(out[3]), float(out[4])


def lesson_sizes():
    root = Path(__file__).resolve().parents[1] / "notebooks"
    return sorted(
        (str(p.relative_to(root)), p.stat().st_size)
        for p in [*root.glob("*.ipynb"), *root.glob("zh/*.ipynb")]
    )


def browser_next(path):
    """Median ms of a Next click in the exported page (headless Chromium), or None."""
    import os

    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not os.path.exists(chromium):
        return None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "e2e"))
    from e2e_helpers import NEXT_TIMING_JS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = b.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"file://{path}")
            st = page.locator(".av-stepper")
            st.wait_for()
            res = st.evaluate(NEXT_TIMING_JS)
        finally:
            b.close()
    return res


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args(argv)
    install_comm()
    import tempfile

    from autograd_viz.render import build_dot
    from autograd_viz.render import engine as E
    from autograd_viz.render.state import _rank_dir, _reserved, frame_states, visible_nodes
    from autograd_viz.widget import Stepper

    rec, _ = make_recording(args.nodes)
    n_nodes, n_frames = len(rec.graph.nodes), len(rec.frames)
    print(f"Graphviz engine: {E.graphviz_engine()}")
    print(f"recording: chain of {n_nodes} data-flow nodes, {n_frames} frames")

    # --- baselines: one dot run on the graph's DOT source; the layouts a stepper needs
    src, _, _ = build_dot(rec, "dataflow", state=rec.state(-1))
    E.run_svg(src)
    t_dot = median_time(lambda: E.run_svg(src), args.repeat)
    layouts = []
    for view in ("dataflow", "autograd"):
        g = rec.graph if view == "dataflow" else rec.autograd_graph
        ids, _ = visible_nodes(g)
        res = _reserved(g, ids, frame_states(rec, view, ids))
        rd = _rank_dir(g, ids, res) if view == "dataflow" else "TB"
        layouts.append(build_dot(rec, view, layout=True, reserved=res, rankdir=rd)[0])
    t_layouts = median_time(lambda: [E.run_svg(s) for s in layouts], args.repeat)
    print(f"dot run on the graph's DOT source:        {fmt_ms(t_dot)}")
    print(f"the 2 layouts a stepper needs (in a row): {fmt_ms(t_layouts)}")

    # --- open a stepper (fresh recording each time: no cache)
    opens, sent = [], []
    for _ in range(max(3, args.repeat // 2)):
        r, _ = make_recording(args.nodes)
        STATS.update(messages=0, bytes=0)
        t0 = time.perf_counter()
        st = Stepper(r)
        opens.append(time.perf_counter() - t0)
        sent.append((STATS["messages"], STATS["bytes"]))
        st.close()
    t_open = statistics.median(opens)
    msgs, nbytes = sent[-1]
    print(
        f"open Stepper ({n_nodes} nodes):              {fmt_ms(t_open)}  "
        f"({msgs} messages, {nbytes / 1e3:.0f} KB)"
    )

    # --- st.frame = k, frames not shown before
    st = Stepper(rec)
    times, sizes = [], []
    for k in range(1, n_frames):
        STATS.update(messages=0, bytes=0)
        t0 = time.perf_counter()
        st.frame = k
        times.append(time.perf_counter() - t0)
        sizes.append((STATS["messages"], STATS["bytes"]))
    t_frame = statistics.median(times)
    print(
        f"st.frame = k (median of {len(times)}):          {fmt_ms(t_frame)}  "
        f"({statistics.median(m for m, _ in sizes):.0f} message, "
        f"{statistics.median(b for _, b in sizes):.0f} bytes)"
    )
    st.close()

    # --- save_html of long chains (child processes: peak RSS of the whole run)
    tmp = Path(tempfile.mkdtemp(prefix="av-bench-"))
    h250 = save_html_child(250, tmp / "c250.html")
    h10k = save_html_child(10_000, tmp / "c10k.html")
    for label, (nn, nf, size, rss, dt) in (("250-op", h250), ("10,000-op", h10k)):
        print(
            f"save_html {label} chain ({nn} nodes, {nf} frames): {size / 1e6:.2f} MB, "
            f"peak RSS {rss:.0f} MB, {dt:.1f} s"
        )

    # --- lesson notebooks
    sizes_nb = lesson_sizes()
    total = sum(b for _, b in sizes_nb)
    biggest = max(sizes_nb, key=lambda x: x[1]) if sizes_nb else ("-", 0)
    print(
        f"lesson notebooks: {len(sizes_nb)}, total {total / 1e6:.2f} MB, largest "
        f"{biggest[0]} {biggest[1] / 1e3:.0f} KB"
    )
    for name, b in sizes_nb:
        print(f"  {name:40s} {b / 1e3:7.0f} KB")

    # --- browser
    nxt = None
    if not args.no_browser:
        page = tmp / "lesson05_like.html"
        rec.save_html(page)
        nxt = browser_next(page)
        if nxt and "median" in nxt:
            print(
                f"browser Next (exported page, {nxt['n']} clicks): median "
                f"{nxt['median']:.2f} ms, max {nxt['max']:.2f} ms"
            )
    print()
    r_frame = t_dot / t_frame
    print(
        f"RATIO dot run / st.frame = {r_frame:.0f}x   (target >= 200x)  {verdict(r_frame >= 200)}"
    )
    r_open = t_open / t_layouts
    print(f"RATIO open / layouts = {r_open:.2f}x   (target <= 1.5x)  {verdict(r_open <= 1.5)}")
    print(f"open sends {nbytes / 1e3:.0f} KB   (target <= 400 KB)  {verdict(nbytes <= 400e3)}")
    print(
        f"save_html 250-op = {h250[2] / 1e6:.2f} MB (<= 2 MB) {verdict(h250[2] <= 2e6)}; "
        f"10,000-op = {h10k[2] / 1e6:.2f} MB (<= 20 MB) {verdict(h10k[2] <= 20e6)}, "
        f"RSS {h10k[3]:.0f} MB (<= 500 MB) {verdict(h10k[3] <= 500)}"
    )
    big = [n for n, b in sizes_nb if b > 250e3]
    print(
        f"lessons: largest {biggest[1] / 1e3:.0f} KB (<= 250 KB) {verdict(not big)}; "
        f"total {total / 1e6:.2f} MB (<= 4 MB) {verdict(total <= 4e6)}"
        + (f"; over: {', '.join(big)}" if big else "")
    )
    if nxt and "median" in nxt:
        print(
            f"browser Next median = {nxt['median']:.2f} ms   (target <= 16 ms)  "
            f"{verdict(nxt['median'] <= 16)}"
        )
    import ipywidgets

    ipywidgets.Widget.close_all()  # (before the interpreter tears the comm module down)
    shutil.rmtree(tmp, ignore_errors=True)  # the exported pages (10+ MB) are not kept
    return 0


if __name__ == "__main__":
    sys.exit(main())
