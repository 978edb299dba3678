"""Survey of the graphs ``create_graph=True`` records: for every op in ``cases`` (unary,
binary, reductions, matmul, activations, losses, softmax, conv, norms, indexing/views),
the first-order gradients' ``grad_fn`` trees (names and ``next_functions``), the
second-order values (a Hessian-vector product) and the trees of those, under PyTorch and
autograd_viz, compared.

    python tests/oracle/tools/survey_double_backward.py [-v] [NAME_FILTER]

Needs PyTorch 2.13 and this checkout importable; each library runs in its own process.
Prints one line per op that differs and the counts (what the oracle program
``autograd_double_backward_names`` then pins down as fixtures).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

_REPO = Path(__file__).resolve().parents[3]


def cases(torch, F):
    r = np.random.RandomState(0)

    def T(*shape, pos=False, lo=None):
        a = r.rand(*shape) + 0.5 if pos else r.randn(*shape)
        return a

    C = {}

    def add(name, fn, *arrays):
        C[name] = (fn, arrays)

    # unary
    for op in [
        "tanh",
        "sigmoid",
        "exp",
        "log",
        "sqrt",
        "relu",
        "abs",
        "neg",
        "sin",
        "cos",
        "reciprocal",
        "rsqrt",
        "log1p",
        "expm1",
        "log2",
        "log10",
        "exp2",
        "sinh",
        "cosh",
        "tan",
        "atan",
        "erf",
        "square",
        "sign",
        "floor",
        "trunc",
        "frac",
    ]:
        pos = op in ("log", "sqrt", "rsqrt", "log2", "log10", "reciprocal", "log1p")
        add(op, (lambda o: lambda x: getattr(torch, o)(x))(op), T(3, 4, pos=pos))
    add("asin", lambda x: torch.asin(x * 0.5), T(3, 4))
    add("acos", lambda x: torch.acos(x * 0.5), T(3, 4))
    add("F.softplus", lambda x: F.softplus(x), T(3, 4))
    add("F.gelu", lambda x: F.gelu(x), T(3, 4))
    add("F.silu", lambda x: F.silu(x), T(3, 4))
    add("F.elu", lambda x: F.elu(x), T(3, 4))
    add("F.leaky_relu", lambda x: F.leaky_relu(x, 0.1), T(3, 4))
    add("F.relu", lambda x: F.relu(x), T(3, 4))
    add("F.tanh", lambda x: F.tanh(x), T(3, 4))
    add("F.sigmoid", lambda x: F.sigmoid(x), T(3, 4))
    add("F.hardtanh", lambda x: F.hardtanh(x), T(3, 4))
    add("F.logsigmoid", lambda x: F.logsigmoid(x), T(3, 4))
    add("F.selu", lambda x: F.selu(x), T(3, 4))
    add("F.softplus_b", lambda x: F.softplus(x, beta=2.0, threshold=1.0), T(3, 4))
    add("F.elu_a", lambda x: F.elu(x, alpha=0.5), T(3, 4))
    add("F.celu", lambda x: F.celu(x, alpha=0.5), T(3, 4))
    add("F.mish", lambda x: F.mish(x), T(3, 4))
    add("F.relu6", lambda x: F.relu6(x * 4), T(3, 4))
    add("F.hardswish", lambda x: F.hardswish(x * 3), T(3, 4))
    add("F.hardsigmoid", lambda x: F.hardsigmoid(x * 3), T(3, 4))
    add("F.gelu_tanh", lambda x: F.gelu(x, approximate="tanh"), T(3, 4))
    add("F.softmin", lambda x: F.softmin(x, 1), T(3, 4))
    add("x*x", lambda x: x * x, T(3, 4))
    add("sum_mul_chain", lambda x, y: (x * y).sum(1).exp(), T(3, 4), T(3, 4))
    add("clamp", lambda x: torch.clamp(x, -0.5, 0.5), T(3, 4))
    add("clamp_min", lambda x: torch.clamp(x, min=0.1), T(3, 4))
    # pow
    add("pow2", lambda x: x**2, T(3, 4))
    add("pow3", lambda x: x**3, T(3, 4))
    add("pow_half", lambda x: x**0.5, T(3, 4, pos=True))
    add("pow_neg1", lambda x: x**-1, T(3, 4, pos=True))
    add("pow_tt", lambda x, y: x**y, T(3, 4, pos=True), T(3, 4))
    add("rpow", lambda x: 2.0**x, T(3, 4))
    # binary
    add("add", lambda x, y: x + y, T(3, 4), T(3, 4))
    add("sub", lambda x, y: x - y, T(3, 4), T(3, 4))
    add("mul", lambda x, y: x * y, T(3, 4), T(3, 4))
    add("mul_bcast", lambda x, y: x * y, T(3, 4), T(4))
    add("div", lambda x, y: x / y, T(3, 4), T(3, 4, pos=True))
    add("mul_scalar", lambda x: x * 3.0, T(3, 4))
    add("div_scalar", lambda x: x / 3.0, T(3, 4))
    add("rsub", lambda x: 1 - x, T(3, 4))
    add("rdiv", lambda x: 1 / x, T(3, 4, pos=True))
    add("maximum", lambda x, y: torch.maximum(x, y), T(3, 4), T(3, 4))
    add("minimum", lambda x, y: torch.minimum(x, y), T(3, 4), T(3, 4))
    add("where", lambda x, y: torch.where(x > 0, x, y), T(3, 4), T(3, 4))
    add("atan2", lambda x, y: torch.atan2(x, y), T(3, 4), T(3, 4))
    # reductions
    add("sum", lambda x: x.sum() ** 2, T(3, 4))
    add("sum_dim", lambda x: x.sum(1) ** 2, T(3, 4))
    add("mean", lambda x: x.mean() ** 2, T(3, 4))
    add("mean_dim", lambda x: x.mean(0) ** 2, T(3, 4))
    add("prod", lambda x: x.prod(1), T(3, 4))
    add("max_dim", lambda x: x.max(1)[0] ** 2, T(3, 4))
    add("amax", lambda x: x.amax(1) ** 2, T(3, 4))
    add("max", lambda x: x.max() ** 2, T(3, 4))
    add("var", lambda x: x.var(1), T(3, 4))
    add("std", lambda x: x.std(1), T(3, 4))
    add("norm", lambda x: x.norm(), T(3, 4))
    add("logsumexp", lambda x: torch.logsumexp(x, 1), T(3, 4))
    add("cumsum", lambda x: torch.cumsum(x, 1) ** 2, T(3, 4))
    # matmul
    add("matmul_mm", lambda x, y: (x @ y).tanh(), T(3, 4), T(4, 5))
    add("mm", lambda x, y: torch.mm(x, y) ** 2, T(3, 4), T(4, 5))
    add("matmul_mv", lambda x, y: (x @ y) ** 2, T(3, 4), T(4))
    add("matmul_vv", lambda x, y: (x @ y) ** 2, T(4), T(4))
    add("bmm", lambda x, y: torch.bmm(x, y) ** 2, T(2, 3, 4), T(2, 4, 5))
    add("matmul_3d", lambda x, y: (x @ y) ** 2, T(2, 3, 4), T(4, 5))
    add("addmm", lambda b, x, w: torch.addmm(b, x, w) ** 2, T(5), T(3, 4), T(4, 5))
    add("linear", lambda x, w, b: F.linear(x, w, b).tanh(), T(3, 4), T(5, 4), T(5))
    add("linear_nobias", lambda x, w: F.linear(x, w) ** 2, T(3, 4), T(5, 4))
    add("mlp_tanh", lambda x, w1, w2: torch.tanh(x @ w1) @ w2, T(3, 4), T(4, 5), T(5, 2))
    add("t", lambda x: x.t() ** 2, T(3, 4))
    # softmax / losses
    add("softmax", lambda x: F.softmax(x, dim=1) ** 2, T(3, 4))
    add("log_softmax", lambda x: F.log_softmax(x, dim=1) ** 2, T(3, 4))
    add("cross_entropy", lambda x: F.cross_entropy(x, torch.tensor([0, 2, 1])), T(3, 4))
    add("nll_loss", lambda x: F.nll_loss(F.log_softmax(x, 1), torch.tensor([0, 2, 1])), T(3, 4))
    add("mse_loss", lambda x, y: F.mse_loss(x, y), T(3, 4), T(3, 4))
    add("mse_loss_sum", lambda x, y: F.mse_loss(x, y, reduction="sum"), T(3, 4), T(3, 4))
    add("l1_loss", lambda x, y: F.l1_loss(x, y), T(3, 4), T(3, 4))
    add("smooth_l1", lambda x, y: F.smooth_l1_loss(x, y), T(3, 4), T(3, 4))
    add(
        "bce",
        lambda x: F.binary_cross_entropy(
            torch.sigmoid(x), torch.ones(3, 4, dtype=torch.float64) * 0.3
        ),
        T(3, 4),
    )
    add(
        "bce_logits",
        lambda x: F.binary_cross_entropy_with_logits(x, torch.ones(3, 4) * 0.3),
        T(3, 4),
    )
    add("huber", lambda x, y: F.huber_loss(x, y), T(3, 4), T(3, 4))
    # conv / norms
    add("conv2d", lambda x, w: F.conv2d(x, w) ** 2, T(1, 2, 5, 5), T(3, 2, 3, 3))
    add("conv1d", lambda x, w: F.conv1d(x, w) ** 2, T(1, 2, 6), T(3, 2, 3))
    add("max_pool2d", lambda x: F.max_pool2d(x, 2) ** 2, T(1, 2, 4, 4))
    add("avg_pool2d", lambda x: F.avg_pool2d(x, 2) ** 2, T(1, 2, 4, 4))
    add("layer_norm", lambda x, w, b: F.layer_norm(x, (4,), w, b) ** 2, T(3, 4), T(4), T(4))
    add("batch_norm", lambda x: F.batch_norm(x, None, None, training=True) ** 2, T(3, 4))
    # indexing / views
    add("index", lambda x: x[1:, ::2] ** 2, T(3, 4))
    add("index_int", lambda x: x[1] ** 2, T(3, 4))
    add("index_tensor", lambda x: x[torch.tensor([0, 2, 2])] ** 2, T(3, 4))
    add("index_range", lambda x: x[range(3), [0, 2, 1]] ** 2, T(3, 4))
    add("view", lambda x: x.view(12) ** 2, T(3, 4))
    add("reshape", lambda x: x.reshape(4, 3) ** 2, T(3, 4))
    add("transpose", lambda x: x.transpose(0, 1) ** 2, T(3, 4))
    add("permute", lambda x: x.permute(1, 0) ** 2, T(3, 4))
    add("unsqueeze", lambda x: x.unsqueeze(0) ** 2, T(3, 4))
    add("squeeze", lambda x: x.unsqueeze(0).squeeze(0) ** 2, T(3, 4))
    add("expand", lambda x: x.expand(3, 4) ** 2, T(1, 4))
    add("cat", lambda x, y: torch.cat([x, y]) ** 2, T(3, 4), T(2, 4))
    add("stack", lambda x, y: torch.stack([x, y]) ** 2, T(3, 4), T(3, 4))
    add("flatten", lambda x: x.flatten() ** 2, T(3, 4))
    add("gather", lambda x: x.gather(1, torch.tensor([[0], [1], [3]])) ** 2, T(3, 4))
    add(
        "masked_fill",
        lambda x: x.masked_fill(torch.tensor([[True, False, False, True]]), 0.0) ** 2,
        T(3, 4),
    )
    add("split", lambda x: x.split(2, 1)[1] ** 2, T(3, 4))
    add("dropout_eval", lambda x: F.dropout(x, 0.5, training=False) ** 2, T(3, 4))
    add("embedding", lambda w: F.embedding(torch.tensor([0, 2, 2]), w) ** 2, T(4, 3))
    return C


def walk(fn, depth=0, seen=None):
    if fn is None:
        return None
    n = type(fn).__name__ if not hasattr(fn, "name") else fn.name()
    if depth > 14:
        return [n, "..."]
    return [n, [walk(f, depth + 1) if f is not None else None for f, _ in fn.next_functions]]


def run(lib, only=None):
    if lib == "torch":
        import torch

        if torch.__name__ != "torch":  # (PyTorch not installed: the alias)
            raise ImportError("PyTorch is needed here: pip install torch==2.13.0")
        import torch.nn.functional as F
    else:
        import autograd_viz as torch

        F = torch.nn.functional
    out = {}
    for name, (fn, arrays) in cases(torch, F).items():
        if only and only not in name:
            continue
        try:
            xs = [torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in arrays]
            y = fn(*xs)
            w = torch.tensor(np.random.RandomState(2).randn(*tuple(y.shape)), dtype=torch.float64)
            loss = (y * w).sum()
            gs = torch.autograd.grad(loss, xs, create_graph=True, allow_unused=True)
            res = {"graphs": [walk(g.grad_fn) if g is not None else None for g in gs]}
            vs = [
                torch.tensor(
                    np.random.RandomState(3 + i).randn(*tuple(x.shape)), dtype=torch.float64
                )
                for i, x in enumerate(xs)
            ]
            s = sum(
                (g * v).sum()
                for g, v in zip(gs, vs, strict=True)
                if g is not None and g.requires_grad
            )
            if isinstance(s, int):  # (no gradient requires grad)
                res["hvp"] = "nograd"
            else:
                hs = torch.autograd.grad(s, xs, allow_unused=True, create_graph=True)
                res["hgraphs"] = [walk(h.grad_fn) if h is not None else None for h in hs]
                res["hvp"] = [
                    None
                    if h is None
                    else np.asarray(
                        h.detach().numpy(force=True) if lib == "torch" else h.detach().numpy()
                    ).tolist()
                    for h in hs
                ]
        except Exception as e:
            res = {"error": f"{type(e).__name__}: {e}"[:300]}
        out[name] = res
    return out


def _flat(g):
    return json.dumps(g)


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    only = args[0] if args else ""
    with tempfile.TemporaryDirectory() as tmp:
        out = {}
        for lib in ("torch", "av"):
            path = Path(tmp) / f"{lib}.json"
            code = (
                f"import sys, json; sys.path.insert(0, {str(_REPO)!r}); "
                f"sys.path.insert(0, {str(Path(__file__).parent)!r}); "
                "import survey_double_backward as s; "
                f"json.dump(s.run({lib!r}, {only!r} or None), open({str(path)!r}, 'w'))"
            )
            subprocess.run([sys.executable, "-c", code], check=True, cwd=str(_REPO))
            out[lib] = json.loads(path.read_text())
    ta, tb = out["torch"], out["av"]
    n = first = second = values = errors = skipped = 0
    for k, a in ta.items():
        b = tb.get(k)
        if b is None:
            continue
        if "error" in a:
            skipped += 1
            print(f"torch raises  {k}: {a['error']}")
            continue
        n += 1
        if "error" in b:
            errors += 1
            print(f"ERROR         {k}: {b['error']}")
            continue
        bad_first = a["graphs"] != b["graphs"]
        bad_second = a.get("hgraphs") != b.get("hgraphs")
        bad_val = False
        if a["hvp"] == "nograd" or b["hvp"] == "nograd":
            bad_val = a["hvp"] != b["hvp"]
        else:
            for x, y in zip(a["hvp"], b["hvp"], strict=True):
                if (x is None) != (y is None) or (
                    x is not None
                    and not np.allclose(
                        np.array(x), np.array(y), rtol=1e-7, atol=1e-9, equal_nan=True
                    )
                ):
                    bad_val = True
        first += bad_first
        second += bad_second
        values += bad_val
        if bad_first or bad_second or bad_val:
            tags = ("graph " if bad_first else "      ") + (
                "2nd-graph " if bad_second else " " * 10
            )
            print(tags + ("VALUES " if bad_val else "       ") + k)
            if verbose and bad_first:
                print("  torch:", _flat(a["graphs"])[:2000])
                print("  av   :", _flat(b["graphs"])[:2000])
    print(
        f"{n} ops compared ({skipped} raise under PyTorch): gradient graphs differ for {first}, "
        f"graphs of second-order gradients for {second}, second-order values for {values}, "
        f"autograd_viz errors {errors}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
