"""Engine speed, as ratios measured in one run (the machines are noisy: compare like with
like, never across runs).  Times are this process's CPU time (``time.process_time``): on a
shared, loaded machine the time spent waiting for a core is not the library's (the 512x512
matmul, which BLAS may spread over threads, is timed by the wall clock).

    python benchmarks/bench_engine.py            # prints a table
    python benchmarks/run.py --write             # all benchmarks, written into the READMEs

1. One training step of a 2-16-16-1 MLP (sigmoid, MSE, SGD) on 100 points: autograd_viz
   vs hand-written numpy (always) and vs PyTorch with one thread (when importable).
2. Forward + backward of a chain of 4x4 ops, per op: autograd_viz vs PyTorch.
3. ``(X @ W).sum()`` forward + backward at 512x512: autograd_viz vs numpy by hand.
4. The same MLP written the textbook way (issue 13): ``(x @ w1 + b1).tanh()``, MSE,
   ``p -= lr * p.grad`` under ``no_grad`` then ``p.grad.zero_()`` (or ``p.grad = None``):
   vs numpy by hand and vs PyTorch.
5. A makemore-style MLP step (embedding lookup ``C[X]``, ``.view``, tanh,
   ``F.cross_entropy``; batch 32, vocabulary 27, block 3, embedding 10, hidden 200;
   ``p.data += -lr * p.grad``): vs PyTorch.
6. Scalar graphs as seeds and micrograd write them (micrograd's README expression and a
   neuron, on 0-d tensors): vs micrograd's ``Value`` (when importable).

Targets: (1) faster than PyTorch (aim for half) and at most 2.5x numpy; (2) no slower
than PyTorch; (3) within 1.1x numpy; (4) at most 2.5x numpy and 0.6x PyTorch; (5) 0.8x
PyTorch; (6) 2.5x micrograd.  A missing PyTorch or micrograd skips its rows with a note.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import autograd_viz as av  # noqa: E402
from autograd_viz import nn as avnn  # noqa: E402
from autograd_viz import optim as avoptim  # noqa: E402
from autograd_viz.nn import functional as avF  # noqa: E402

try:
    import torch

    if torch.__name__ != "torch":  # (PyTorch not installed: the alias)
        raise ImportError("PyTorch is needed here: pip install torch==2.13.0")
    import torch.nn.functional as torch_F

    torch.set_num_threads(1)
except Exception:
    torch = None

try:
    from micrograd.engine import Value as MicrogradValue
except Exception:
    MicrogradValue = None


#: CPU time of this process, not wall-clock time: on a shared, loaded machine the time a
#: process waits for a core is not the library's; both sides of a ratio use the same clock
_clock = time.process_time


def _batch_size(fn, min_time, clock=_clock):
    fn()
    n = 1
    while True:
        t0 = clock()
        for _ in range(n):
            fn()
        if clock() - t0 > min_time:
            return n
        n *= 2


def compare(fa, fb, min_time=0.02, rounds=15, clock=_clock):
    """Seconds per call of ``fa`` and ``fb``: batches of the two interleaved, best batch
    of each (the machine is shared and noisy; interleaving and taking the best compares
    like with like)."""
    na, nb = _batch_size(fa, min_time, clock), _batch_size(fb, min_time, clock)
    ta, tb = [], []
    gc.disable()
    try:
        for _ in range(rounds):
            for fn, n, out in ((fa, na, ta), (fb, nb, tb)):
                t0 = clock()
                for _ in range(n):
                    fn()
                out.append((clock() - t0) / n)
    finally:
        gc.enable()
    return min(ta), min(tb)


# ---------------------------------------------------------------- 1. MLP step
N, LR = 100, 0.1
rng = np.random.default_rng(0)
X_np = rng.standard_normal((N, 2)).astype(np.float32)
Y_np = (np.sin(X_np[:, :1]) * np.cos(X_np[:, 1:])).astype(np.float32)
W_INIT = [
    rng.uniform(-0.5, 0.5, s).astype(np.float32)
    for s in [(16, 2), (16,), (16, 16), (16,), (1, 16), (1,)]
]


def mlp_lib(lib, nn, optim):
    model = nn.Sequential(
        nn.Linear(2, 16), nn.Sigmoid(), nn.Linear(16, 16), nn.Sigmoid(), nn.Linear(16, 1)
    )
    with lib.no_grad():
        for p, w in zip(model.parameters(), W_INIT, strict=True):
            p.copy_(lib.tensor(w))
    opt = optim.SGD(model.parameters(), lr=LR)
    loss_fn = nn.MSELoss()
    x, y = lib.tensor(X_np), lib.tensor(Y_np)

    def step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss

    return step


def mlp_numpy():
    w1, b1, w2, b2, w3, b3 = (w.copy() for w in W_INIT)
    x, y = X_np, Y_np

    def step():
        nonlocal w1, b1, w2, b2, w3, b3
        z1 = x @ w1.T + b1
        h1 = 1 / (1 + np.exp(-z1))
        z2 = h1 @ w2.T + b2
        h2 = 1 / (1 + np.exp(-z2))
        out = h2 @ w3.T + b3
        d = out - y
        loss = np.mean(d * d)
        g = (2.0 / d.size) * d
        gw3, gb3 = g.T @ h2, g.sum(0)
        g = (g @ w3) * h2 * (1 - h2)
        gw2, gb2 = g.T @ h1, g.sum(0)
        g = (g @ w2) * h1 * (1 - h1)
        gw1, gb1 = g.T @ x, g.sum(0)
        w1 -= LR * gw1
        b1 -= LR * gb1
        w2 -= LR * gw2
        b2 -= LR * gb2
        w3 -= LR * gw3
        b3 -= LR * gb3
        return loss

    return step


# ---------------------------------------------------------------- 2. 4x4 chain
CHAIN = 20


def chain_lib(lib):
    a = lib.tensor(rng.standard_normal((4, 4)).astype(np.float32), requires_grad=True)
    b = lib.tensor(rng.standard_normal((4, 4)).astype(np.float32))

    def step():
        h = a
        for _ in range(CHAIN // 4):
            h = h * b
            h = h + a
            h = h.tanh()
            h = h @ b
        h.sum().backward()
        a.grad = None

    return step


# ---------------------------------------------------------------- 3. 512 matmul
X5 = rng.standard_normal((512, 512)).astype(np.float32)
W5 = rng.standard_normal((512, 512)).astype(np.float32)


def matmul_lib():
    x = av.tensor(X5)
    w = av.tensor(W5, requires_grad=True)

    def step():
        (x @ w).sum().backward()
        w.grad = None

    return step


def matmul_numpy():
    def step():
        out = X5 @ W5
        s = out.sum()
        g = np.ones_like(out)
        gw = X5.T @ g
        return s, gw

    return step


# ---------------------------------------------------------------- 4. MLP the textbook way
# (x @ w1 + b1).tanh(), p -= lr * p.grad under no_grad, p.grad.zero_()
TW_INIT = [
    rng.uniform(-0.5, 0.5, s).astype(np.float32)
    for s in [(2, 16), (16,), (16, 16), (16,), (16, 1), (1,)]
]


def manual_mlp_lib(lib, zero="zero_"):
    params = [lib.tensor(w.copy(), requires_grad=True) for w in TW_INIT]
    w1, b1, w2, b2, w3, b3 = params
    x, y = lib.tensor(X_np), lib.tensor(Y_np)

    def step():
        h1 = (x @ w1 + b1).tanh()
        h2 = (h1 @ w2 + b2).tanh()
        out = h2 @ w3 + b3
        loss = ((out - y) ** 2).mean()
        loss.backward()
        with lib.no_grad():
            for p in params:
                p -= LR * p.grad
                if zero == "zero_":
                    p.grad.zero_()
                else:
                    p.grad = None
        return loss

    return step


def manual_mlp_numpy():
    w1, b1, w2, b2, w3, b3 = (w.copy() for w in TW_INIT)
    x, y = X_np, Y_np

    def step():
        nonlocal w1, b1, w2, b2, w3, b3
        h1 = np.tanh(x @ w1 + b1)
        h2 = np.tanh(h1 @ w2 + b2)
        out = h2 @ w3 + b3
        d = out - y
        loss = np.mean(d**2)
        g = (2.0 / d.size) * d
        gw3, gb3 = h2.T @ g, g.sum(0)
        g = (g @ w3.T) * (1 - h2 * h2)
        gw2, gb2 = h1.T @ g, g.sum(0)
        g = (g @ w2.T) * (1 - h1 * h1)
        gw1, gb1 = x.T @ g, g.sum(0)
        w1 -= LR * gw1
        b1 -= LR * gb1
        w2 -= LR * gw2
        b2 -= LR * gb2
        w3 -= LR * gw3
        b3 -= LR * gb3
        return loss

    return step


# ---------------------------------------------------------------- 5. makemore-style MLP
# C[X] embedding lookup, .view, tanh, F.cross_entropy, p.data += -lr * p.grad
VOCAB, BLOCK, EMB, HID, BATCH = 27, 3, 10, 200, 32
MM_INIT = [
    (rng.standard_normal(s) * sc).astype(np.float32)
    for s, sc in [
        ((VOCAB, EMB), 1.0),
        ((BLOCK * EMB, HID), 0.2),
        ((HID,), 0.01),
        ((HID, VOCAB), 0.01),
        ((VOCAB,), 0.0),
    ]
]
MM_X = [rng.integers(0, VOCAB, (BATCH, BLOCK)) for _ in range(8)]
MM_Y = [rng.integers(0, VOCAB, (BATCH,)) for _ in range(8)]


def makemore_lib(lib, F):
    params = [lib.tensor(w.copy(), requires_grad=True) for w in MM_INIT]
    C, W1, b1, W2, b2 = params
    Xs = [lib.tensor(a) for a in MM_X]
    Ys = [lib.tensor(a) for a in MM_Y]
    it = [0]

    def step():
        i = it[0] = (it[0] + 1) % len(Xs)
        Xb, Yb = Xs[i], Ys[i]
        emb = C[Xb]
        h = (emb.view(-1, BLOCK * EMB) @ W1 + b1).tanh()
        logits = h @ W2 + b2
        loss = F.cross_entropy(logits, Yb)
        for p in params:
            p.grad = None
        loss.backward()
        for p in params:
            p.data += -0.1 * p.grad
        return loss

    return step


# ---------------------------------------------------------------- 6. scalar graphs
# micrograd-style expressions on 0-d tensors vs micrograd's Value


def scalar_lib(lib):
    def val(v):
        return lib.tensor(v, requires_grad=True)

    def step():
        # the micrograd README expression (+= written out: micrograd rebinds)
        a, b = val(-4.0), val(2.0)
        c = a + b
        d = a * b + b**3
        c = c + c + 1
        c = c + 1 + c + (-a)
        d = d + d * 2 + (b + a).relu()
        d = d + 3 * d + (b - a).relu()
        e = c - d
        f = e**2
        g = f / 2.0
        g = g + 10.0 / f
        g.backward()
        # a neuron: relu(x1*w1 + x2*w2 + b) (pip micrograd has relu, no tanh)
        x1, x2, w1, w2, bb = val(2.0), val(0.0), val(-3.0), val(1.0), val(6.8813735870195432)
        n = x1 * w1 + x2 * w2 + bb
        o = n.relu()
        o.backward()
        return a.grad, x1.grad

    return step


def scalar_micrograd(Value):
    def step():
        a, b = Value(-4.0), Value(2.0)
        c = a + b
        d = a * b + b**3
        c = c + c + 1
        c = c + 1 + c + (-a)
        d = d + d * 2 + (b + a).relu()
        d = d + 3 * d + (b - a).relu()
        e = c - d
        f = e**2
        g = f / 2.0
        g = g + 10.0 / f
        g.backward()
        x1, x2, w1, w2, bb = Value(2.0), Value(0.0), Value(-3.0), Value(1.0), Value(6.88137358)
        n = x1 * w1 + x2 * w2 + bb
        o = n.relu()
        o.backward()
        return a.grad, x1.grad

    return step


def main(argv):
    rows = []
    step = mlp_lib(av, avnn, avoptim)
    t_av, t_np = compare(step, mlp_numpy())
    rows.append(("MLP 2-16-16-1 step, 100 points", "numpy by hand", t_av, t_np, "<= 2.5"))
    if torch is not None:
        t_av, t_pt = compare(step, mlp_lib(torch, torch.nn, torch.optim))
        rows.append(
            ("MLP 2-16-16-1 step, 100 points", "PyTorch, 1 thread", t_av, t_pt, "< 1 (aim 0.5)")
        )
        c_av, c_pt = compare(chain_lib(av), chain_lib(torch))
        rows.append(
            (
                "4x4 op, fwd+bwd, per op",
                "PyTorch, 1 thread",
                c_av / (CHAIN + 1),
                c_pt / (CHAIN + 1),
                "<= 1",
            )
        )
    name = "MLP 2-16-16-1 textbook way, 100 points"
    t_av, t_np = compare(manual_mlp_lib(av), manual_mlp_numpy())
    rows.append((name, "numpy by hand", t_av, t_np, "<= 2.5"))
    if torch is not None:
        t_av, t_pt = compare(manual_mlp_lib(av, "none"), manual_mlp_lib(torch, "none"))
        rows.append((name + " (grad = None)", "PyTorch, 1 thread", t_av, t_pt, "<= 0.6"))
        t_av, t_pt = compare(manual_mlp_lib(av), manual_mlp_lib(torch))
        rows.append((name + " (grad.zero_())", "PyTorch, 1 thread", t_av, t_pt, "<= 0.6"))
        t_av, t_pt = compare(makemore_lib(av, avF), makemore_lib(torch, torch_F))
        rows.append(
            (
                "makemore MLP step, batch 32, C[X] + tanh + cross_entropy",
                "PyTorch, 1 thread",
                t_av,
                t_pt,
                "<= 0.8",
            )
        )
    else:
        print("note: PyTorch not importable, its comparisons are skipped")
    if MicrogradValue is not None:
        t_av, t_mg = compare(scalar_lib(av), scalar_micrograd(MicrogradValue))
        rows.append(
            ("scalar graphs (micrograd README + neuron)", "micrograd", t_av, t_mg, "<= 2.5")
        )
    else:
        print("note: micrograd not importable, the scalar-graph comparison is skipped")
    # (wall-clock time here: BLAS may run a 512x512 product on several threads, whose
    # CPU time adds up while the wall-clock time does not)
    m_av, m_np = compare(
        matmul_lib(), matmul_numpy(), min_time=0.05, rounds=15, clock=time.perf_counter
    )
    rows.append(("(X @ W).sum() fwd+bwd, 512x512", "numpy by hand", m_av, m_np, "<= 1.1"))

    lines = [
        "| benchmark | compared with | autograd_viz | other | ratio | target |",
        "|---|---|---|---|---|---|",
    ]
    for name, other, a, b, target in rows:
        lines.append(
            f"| {name} | {other} | {a * 1e6:.1f} µs | {b * 1e6:.1f} µs | {a / b:.2f} | {target} |"
        )
    table = "\n".join(lines)
    print(table)
    env = f"numpy {np.__version__}" + (
        f", torch {torch.__version__}" if torch else ", torch not installed"
    )
    print(env)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
