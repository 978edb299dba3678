"""Recording overhead and layout time.

    python benchmarks/bench_record.py

1. The same program (seed 003's per-sample SGD, 100 epochs x 3 samples; and a small
   MLP-like chain) with recording off and on, in one run: median times and the ratio.
2. Building + laying out recordings of about 50, 200 and 1000 graph nodes: record,
   FrameRenderer (one Graphviz run), and restyling every frame.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import autograd_viz as torch
from autograd_viz.render import FrameRenderer, graphviz_engine


def seed003(record: bool, full_iterations=3):
    w = torch.tensor([1.0], requires_grad=True)

    def body():
        for _ in range(100):
            for x, y in zip([1.0, 2.0, 3.0], [2.0, 4.0, 6.0], strict=True):
                l = (x * w - y) ** 2
                l.backward()
                w.data = w.data - 0.01 * w.grad.data
                w.grad.data.zero_()

    if record:
        with torch.record(full_iterations=full_iterations):
            body()
    else:
        body()


def chain(n_ops: int, record: bool):
    x = torch.tensor([1.0, 2.0], requires_grad=True)

    def body():
        h = x
        for i in range(n_ops):
            h = h * 1.0001 if i % 2 else h + 0.5
        h.sum().backward()

    if record:
        with torch.record() as rec:
            body()
        return rec
    body()
    return None


def med(fn, n=5):
    ts = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def main():
    print(f"Graphviz engine: {graphviz_engine()}")
    print()
    print("Recording overhead (median of 5, same run)")
    print(f"{'program':40s} {'off (ms)':>10s} {'on (ms)':>10s} {'ratio':>7s}")
    rows = [
        ("seed 003: 300 steps, 3 full iterations", lambda: seed003(False), lambda: seed003(True)),
        (
            "seed 003: 300 steps, all 300 full",
            lambda: seed003(False),
            lambda: seed003(True, full_iterations=10**6),
        ),
        ("chain of 100 ops + backward", lambda: chain(100, False), lambda: chain(100, True)),
    ]
    for name, off, on in rows:
        off()
        on()
        a, b = med(off), med(on)
        print(f"{name:40s} {a * 1e3:10.2f} {b * 1e3:10.2f} {b / a:7.1f}x")
    print()
    print("Build + lay out a recording (one Graphviz run), then restyle every frame")
    print(
        f"{'nodes':>6s} {'frames':>7s} {'record (ms)':>12s} {'layout (ms)':>12s} "
        f"{'per frame (ms)':>15s} {'shown':>6s}"
    )
    for target in (50, 200, 1000):
        n_ops = max(1, (target - 1) // 2)
        t0 = time.perf_counter()
        rec = chain(n_ops, True)
        t_rec = time.perf_counter() - t0
        t0 = time.perf_counter()
        fr = FrameRenderer(rec)
        t_lay = time.perf_counter() - t0
        t0 = time.perf_counter()
        for i in range(len(rec.frames)):
            fr.svg(i)
        per = (time.perf_counter() - t0) / max(len(rec.frames), 1)
        shown = len(rec.graph.nodes) - fr.cut
        print(
            f"{len(rec.graph.nodes):6d} {len(rec.frames):7d} {t_rec * 1e3:12.1f} "
            f"{t_lay * 1e3:12.1f} {per * 1e3:15.3f} {shown:6d}"
        )


if __name__ == "__main__":
    main()
