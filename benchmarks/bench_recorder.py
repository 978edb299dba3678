"""Recorder cost at 500 and 5,000 ops: recording overhead, close time, memory.

    python benchmarks/bench_recorder.py            # print the table
    python benchmarks/bench_recorder.py --write    # also put it in benchmarks/README.md

Two programs, each at about 500 and 5,000 recorded ops: a chain of scalar ops
(``y = y * 1.0001 + 0.001``) and a small MLP's training steps (2-8-8-1, tanh, MSE, SGD
by hand; every step recorded with all its frames).  For each, in the same run:

* overhead: time of the program inside ``record()`` (frames kept, closing excluded) /
  the same program without recording (best of 3 / best of 5);
* close: time to close the recording (the block's end: graph, names, frames, states),
  per op, and the ratio of per-op close time at 5,000 ops to 500 ops (linear: ~1);
* memory: peak traced memory while recording + closing, and what the finished
  Recording keeps, per op (tracemalloc), against the unrecorded program's peak.
"""

from __future__ import annotations

import gc
import os
import sys
import time
import tracemalloc

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import numpy as np

import autograd_viz as torch

START, END = "<!-- bench_recorder:start -->", "<!-- bench_recorder:end -->"


def chain(n):
    """About ``n`` ops: n/2 steps of (mul, add), then backward."""
    x = torch.tensor([1.0], requires_grad=True)
    y = x
    for _ in range(n // 2):
        y = y * 1.0001 + 0.001
    y.backward()
    return x


def mlp(n):
    """About ``n`` ops of a small MLP's training steps (~16 ops a step)."""
    rng = np.random.default_rng(0)
    X = torch.tensor(rng.normal(size=(16, 2)))
    Y = torch.tensor(rng.normal(size=(16, 1)))
    W1 = torch.tensor(rng.normal(size=(2, 8)) * 0.5, requires_grad=True)
    W2 = torch.tensor(rng.normal(size=(8, 8)) * 0.5, requires_grad=True)
    W3 = torch.tensor(rng.normal(size=(8, 1)) * 0.5, requires_grad=True)
    for _ in range(max(n // 16, 1)):
        h = torch.tanh(X @ W1)
        h = torch.tanh(h @ W2)
        loss = ((h @ W3 - Y) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            for W in (W1, W2, W3):
                W -= 0.01 * W.grad
                W.grad.zero_()
    return W1


def _plain(prog, n):
    t = time.perf_counter()
    prog(n)
    return time.perf_counter() - t


def _recorded(prog, n):
    """(time inside the block, time to close, frames)."""
    cm = torch.record(full_iterations=10**9, max_frames=10**7)
    rec = cm.__enter__()
    t0 = time.perf_counter()
    prog(n)
    t1 = time.perf_counter()
    cm.__exit__(None, None, None)
    t2 = time.perf_counter()
    assert rec.internal_errors == [], rec.internal_errors[0]
    return t1 - t0, t2 - t1, len(rec.frames)


def _memory(prog, n, record):
    """(peak bytes, bytes still held after the block, by the Recording) of one run."""
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    if record:
        with torch.record(full_iterations=10**9, max_frames=10**7) as rec:
            prog(n)
    else:
        rec = None
        prog(n)
    gc.collect()
    now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del rec
    return peak - base, now - base


def measure(name, prog, n):
    # (best of several: the machines are shared and noisy; load only ever adds time)
    plain = min(_plain(prog, n) for _ in range(5))
    runs = [_recorded(prog, n) for _ in range(3)]
    inside = min(r[0] for r in runs)
    close = min(r[1] for r in runs)
    frames = runs[0][2]
    peak0, _ = _memory(prog, n, False)
    peak1, kept = _memory(prog, n, True)
    return {
        "name": name,
        "n": n,
        "frames": frames,
        "plain": plain,
        "overhead": inside / plain,
        "close": close,
        "close_per_op": close / n,
        "peak_ratio": peak1 / max(peak0, 1),
        "kept_per_op": kept / n,
    }


def table(rows) -> str:
    out = [
        "| program | ops | frames | recording overhead (x unrecorded) | close (s) "
        "| close per op (ms) | per-op close vs 500 ops | peak memory (x unrecorded) "
        "| kept per op (KB) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    first = {}
    for r in rows:
        base = first.setdefault(r["name"], r["close_per_op"])
        out.append(
            f"| {r['name']} | {r['n']} | {r['frames']} | {r['overhead']:.1f} | "
            f"{r['close']:.2f} | {1000 * r['close_per_op']:.3f} | "
            f"{r['close_per_op'] / base:.2f} | {r['peak_ratio']:.1f} | "
            f"{r['kept_per_op'] / 1024:.1f} |"
        )
    return "\n".join(out)


def main():
    rows = []
    for name, prog in (("chain of scalar ops", chain), ("MLP 2-8-8-1 steps", mlp)):
        for n in (500, 5000):
            rows.append(measure(name, prog, n))
    text = table(rows) + (
        "\n\nTargets: per-op close at 5,000 ops within 1.5x of 500 ops (linear close); memory"
        " O(frames + nodes): kept per op flat from 500 to 5,000 (the peak ratio grows for the"
        " MLP because the unrecorded program frees each step's graph while a recording keeps"
        " every frame's numbers)."
    )
    print(text)
    if "--write" in sys.argv:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "README.md")
        with open(path, encoding="utf-8") as f:
            readme = f.read()
        block = f"{START}\n{text}\n{END}"
        if START in readme:
            i, j = readme.index(START), readme.index(END) + len(END)
            readme = readme[:i] + block + readme[j:]
        else:
            title = "## Recorder at 500 / 5,000 ops (`python benchmarks/bench_recorder.py`)"
            readme += f"\n{title}\n\n{block}\n"
        with open(path, "w", encoding="utf-8") as f:
            f.write(readme)


if __name__ == "__main__":
    main()
