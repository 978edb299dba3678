"""Record PyTorch's float32 results of elementwise ops for tests/engine/test_float32_bits.py.

    python tests/engine/make_float32_bits.py      # needs torch 2.13 (CPU); writes
                                                  # tests/engine/data/float32_bits.json

For each op: N float32 inputs (from a fixed seed, stored as raw bits) and PyTorch's
outputs on 10 tensors of N/10 of them (raw bits), base64-encoded.  The test (no torch
import) computes the same ops with autograd_viz and counts the inputs whose result has
exactly PyTorch's bits.
"""

from __future__ import annotations

import base64
import json
import sys
import zlib
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent / "data" / "float32_bits.json"
N = 1000


def inputs(kind, rng):
    if kind == "pos":
        a = np.concatenate(
            [rng.uniform(1e-3, 10, N // 2), np.exp(rng.uniform(-20, 20, N - N // 2))]
        )
    elif kind == "unit":
        a = rng.uniform(-0.999, 0.999, N)
    elif kind == "small":
        a = rng.uniform(-10, 10, N)
    elif kind == "rows":  # softmax rows of 10
        a = rng.normal(0, 3, N)
    else:
        a = np.concatenate([rng.uniform(-5, 5, N // 2), rng.normal(0, 20, N - N // 2)])
    return a.astype(np.float32)


def _mat(t, r, c):
    """An (r, c) matrix from r + 2c values: ``a[j] * b[i] + d[j]`` (exact float32 ops)."""
    a, b, d = t[:c], t[c : c + r], t[c + r : 2 * c + r]
    return a.reshape(1, c) * b.reshape(r, 1) + d.reshape(1, c)


def _lib(t):
    """The library ``t`` comes from (torch or autograd_viz)."""
    return sys.modules[type(t).__module__.partition(".")[0]]


def _logits(t):
    """Logits (rows of 10 values, or the matrix given) and, as targets, each row's
    smallest class."""
    x = t.reshape(-1, 10) if t.dim() == 1 else t
    return x, x.argmin(1)


def _bn(x, what):
    """``nn.BatchNorm1d`` (weight and bias from the values) after one training step on
    ``x``: its output, its running statistics, or its output in eval mode."""
    lib = _lib(x)
    c = x.shape[1]
    bn = lib.nn.BatchNorm1d(c)
    with lib.no_grad():
        bn.weight.copy_(x.reshape(-1)[:c] * 0.5 + 1)
        bn.bias.copy_(x.reshape(-1)[c : 2 * c] * 0.5)
    y = bn(x).detach()
    if what == "running":
        return lib.cat([bn.running_mean, bn.running_var])
    if what == "eval":
        bn.eval()
        return bn(x * 0.5).detach().reshape(-1)
    return y.reshape(-1)


def _grad(x, f, seed=None):
    """The gradient of ``f`` at ``x`` for an incoming gradient built from ``x`` by exact
    ops (its rows flipped, halved), or ``seed`` for a scalar."""
    x = x.detach().requires_grad_()
    y = f(x)
    y.backward(x.detach().flip(0) * 0.5 if seed is None else None)
    return x.grad.reshape(-1)


def _adam(t, cls="Adam", steps=3, **kw):
    """A parameter from ``t`` after ``steps`` steps of ``cls`` (gradient ``t`` flipped + p:
    the moments' lerp_ / addcmul_ and the addcdiv_ step)."""
    lib = _lib(t)
    p = t.detach().clone().requires_grad_()
    opt = getattr(lib.optim, cls)([p], lr=0.1, **kw)
    for _ in range(steps):
        opt.zero_grad()
        ((p * t.flip(0)).sum() + (p * p).sum() * 0.5).backward()
        opt.step()
    return p.detach()


#: op name -> (input kind, how PyTorch computes it on a tensor ``t``)
OPS = {
    "exp": ("any", lambda t: t.exp()),
    "log": ("pos", lambda t: t.log()),
    "sqrt": ("pos", lambda t: t.sqrt()),
    "sigmoid": ("any", lambda t: t.sigmoid()),
    "tanh": ("any", lambda t: t.tanh()),
    "sin": ("small", lambda t: t.sin()),
    "cos": ("small", lambda t: t.cos()),
    "log1p": ("pos", lambda t: t.log1p()),
    "expm1": ("small", lambda t: t.expm1()),
    "log10": ("pos", lambda t: t.log10()),
    "log2": ("pos", lambda t: t.log2()),
    "exp2": ("small", lambda t: t.exp2()),
    "rsqrt": ("pos", lambda t: t.rsqrt()),
    "reciprocal": ("any", lambda t: t.reciprocal()),
    "sinh": ("small", lambda t: t.sinh()),
    "cosh": ("small", lambda t: t.cosh()),
    "tan": ("small", lambda t: t.tan()),
    "asin": ("unit", lambda t: t.asin()),
    "acos": ("unit", lambda t: t.acos()),
    "atan": ("any", lambda t: t.atan()),
    "erf": ("small", lambda t: t.erf()),
    "pow2": ("any", lambda t: t**2),
    "pow3": ("any", lambda t: t**3),
    "pow2.5": ("pos", lambda t: t**2.5),
    "pow0.5": ("pos", lambda t: t**0.5),
    "pow-1": ("pos", lambda t: t**-1),
    "square_exp": ("small", lambda t: t**2 * t.exp()),
    "sum": ("rows", lambda t: t.sum()),
    "sum_2d": ("rows", lambda t: t[:98].reshape(14, 7).tanh().sum()),
    "mean_sq": ("rows", lambda t: ((t - 0.5) ** 2).mean()),
    "sum_7": ("any", lambda t: t[:7].sum()),
    "sum_33": ("pos", lambda t: t[:33].sum()),
    "mean_64": ("small", lambda t: t[:64].mean()),
    "sum_dim1": ("rows", lambda t: t.reshape(4, 25).sum(1)),
    "sum_dim0": ("rows", lambda t: t.reshape(5, 20).sum(0)),
    "mean_dim1_keep": ("rows", lambda t: t.reshape(10, 10).exp().mean(1, keepdim=True)),
    "softmax": ("rows", lambda t: t.reshape(-1, 10).softmax(1).reshape(-1)),
    "log_softmax": ("rows", lambda t: t.reshape(-1, 10).log_softmax(1).reshape(-1)),
    # along the first dim: outer sums (narrow: groups of 4 columns; wide: blocks of 32
    # columns, the rest rows interleaved 4 ways; 32 rows: two cascade levels), matrices
    # built from the values by exact elementwise ops; softmax down the columns (16-lane
    # vectors + scalar tail)
    "sum_dim0_narrow": ("rows", lambda t: t.reshape(20, 5).sum(0)),
    "sum_dim0_wide": ("rows", lambda t: _mat(t, 9, 40).sum(0)),
    "sum_dim0_3d": ("rows", lambda t: t.reshape(5, 4, 5).sum(0).reshape(-1)),
    "mean_dim0_wide": ("rows", lambda t: _mat(t, 32, 32).mean(0)),
    "sum_dim0_column": ("rows", lambda t: t.reshape(100, 1).sum(0)),
    "softmax_dim0": ("rows", lambda t: t.reshape(10, 10).softmax(0).reshape(-1)),
    "log_softmax_dim0": ("rows", lambda t: t.reshape(10, 10).log_softmax(0).reshape(-1)),
    "softmax_dim0_wide": ("rows", lambda t: t.reshape(5, 20).softmax(0).reshape(-1)),
    "log_softmax_dim0_wide": ("rows", lambda t: t.reshape(5, 20).log_softmax(0).reshape(-1)),
    "softmax_dim1_3d": ("rows", lambda t: t.reshape(4, 5, 5).softmax(1).reshape(-1)),
    # backward kernels (their sums' orders, fused multiply-adds, SLEEF's exp) and losses
    "softmax_grad": ("rows", lambda t: _grad(t.reshape(10, 10), lambda x: x.softmax(1))),
    "log_softmax_grad": ("rows", lambda t: _grad(t.reshape(10, 10), lambda x: x.log_softmax(1))),
    "softmax_wide_grad": ("rows", lambda t: _grad(t.reshape(4, 25), lambda x: x.softmax(1))),
    "log_softmax_wide_grad": (
        "rows",
        lambda t: _grad(t.reshape(4, 25), lambda x: x.log_softmax(1)),
    ),
    "softmax_dim0_grad": ("rows", lambda t: _grad(t.reshape(5, 20), lambda x: x.softmax(0))),
    "log_softmax_dim0_grad": (
        "rows",
        lambda t: _grad(t.reshape(5, 20), lambda x: x.log_softmax(0)),
    ),
    # tanh's backward: 1 - y² by a fused multiply-add; sigmoid's: (1 - y) * g * y
    "tanh_grad": ("any", lambda t: _grad(t.reshape(10, 10) * 0.25, lambda x: x.tanh())),
    "tanh_grad_scalar": ("any", lambda t: _grad(t[:1].reshape(()) * 0.25, lambda x: x.tanh(), 1)),
    "sigmoid_grad": ("any", lambda t: _grad(t.reshape(10, 10) * 0.25, lambda x: x.sigmoid())),
    # nn.Linear with one input feature: a fused multiply-add onto the bias (gemm), the
    # product then the bias (gemv: one output)
    "linear_k1": (
        "any",
        lambda t: (
            _lib(t)
            .nn.functional.linear(t[:10].reshape(10, 1), t[10:18].reshape(8, 1), t[18:26])
            .reshape(-1)
        ),
    ),
    "linear_k1_gemv": (
        "any",
        lambda t: (
            _lib(t)
            .nn.functional.linear(t[:20].reshape(20, 1), t[20:21].reshape(1, 1), t[21:22])
            .reshape(-1)
        ),
    ),
    # mse_loss: the squares summed in sum's order
    "mse_loss": ("any", lambda t: _lib(t).nn.functional.mse_loss(t[:50], t[50:])),
    "mse_loss_sum": (
        "rows",
        lambda t: _lib(t).nn.functional.mse_loss(t[:60], t[40:], reduction="sum"),
    ),
    # optimizers (the moments by fused multiply-adds)
    "adam_steps": ("any", lambda t: _adam(t)),
    "adamw_amsgrad_steps": ("any", lambda t: _adam(t, "AdamW", 4, amsgrad=True)),
    "cross_entropy": ("rows", lambda t: _lib(t).nn.functional.cross_entropy(*_logits(t))),
    "cross_entropy_grad": (
        "rows",
        lambda t: _grad(
            t.reshape(10, 10), lambda x: _lib(t).nn.functional.cross_entropy(x, _logits(t)[1]), 1
        ),
    ),
    # batch norm (train: (N, C) takes PyTorch's channels-last kernel, (N, C, L) the
    # per-channel one; the running statistics after one step; eval from them)
    "batch_norm_train": ("rows", lambda t: _bn(t.reshape(20, 5), "train")),
    "batch_norm_train_3d": ("rows", lambda t: _bn(t.reshape(4, 5, 5), "train")),
    "batch_norm_running": ("rows", lambda t: _bn(t.reshape(10, 10), "running")),
    "batch_norm_eval": ("rows", lambda t: _bn(t.reshape(20, 5), "eval")),
    "batch_norm_grad": (
        "rows",
        lambda t: _grad(
            t.reshape(20, 5),
            lambda x: _lib(t).nn.functional.batch_norm(x, None, None, training=True),
        ),
    ),
    "batch_norm_grad_wide": (
        "rows",
        lambda t: _grad(
            t.reshape(5, 20),
            lambda x: _lib(t).nn.functional.batch_norm(x, None, None, training=True),
        ),
    ),
    "nll_loss_60": (
        "rows",
        lambda t: _lib(t).nn.functional.nll_loss(
            *_logits(t[:60].reshape(60, 1) * t[60:65].reshape(1, 5))
        ),
    ),
}


def run(fn, lib, x):
    """``fn`` on 10 teaching-sized tensors of 100 values each (softmax: 10 rows of 10;
    sum / mean: one value each), results concatenated."""
    parts = [np.atleast_1d(fn(lib.tensor(c)).numpy()) for c in np.split(x, 10)]
    return np.concatenate([p.reshape(-1) for p in parts]).astype(np.float32)


def b64(a):
    return base64.b64encode(np.ascontiguousarray(a, dtype=np.float32).tobytes()).decode()


def main() -> int:
    import torch

    if torch.__name__ != "torch":  # (PyTorch not installed: the alias)
        raise ImportError("PyTorch is needed here: pip install torch==2.13.0")

    torch.set_num_threads(1)
    data = {"torch_version": torch.__version__, "n": N, "ops": {}}
    for name, (kind, fn) in OPS.items():
        x = inputs(kind, np.random.default_rng(zlib.crc32(name.encode())))
        y = run(fn, torch, x)
        data["ops"][name] = {"x": b64(x), "y": b64(y)}
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(OPS)} ops x {N} inputs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
