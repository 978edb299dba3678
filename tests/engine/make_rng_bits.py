"""Record PyTorch's random numbers, bit for bit, for tests/engine/test_rng_bits.py.

    python tests/engine/make_rng_bits.py      # needs torch 2.13 (CPU); writes
                                              # tests/engine/data/rng_bits.json

Each case in ``CASES`` is ``fn(lib)``: it seeds ``lib`` (torch or autograd_viz) and returns
a list of tensors drawn from it.  PyTorch's results are stored as raw bits (base64) when
they are small, and as a SHA-256 digest of the bits (with the first values' bits, to show
where a difference starts) when they are big.  The test (no torch import) runs the same
cases with autograd_viz and compares the bits exactly.

PyTorch's float32 normals of 16 or more values come from its AVX2 kernel (also run by
its AVX-512 dispatch) on x86 CPUs: record on such a CPU.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
import warnings
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent / "data" / "rng_bits.json"

#: sizes of the normal sweeps: PyTorch's two normal paths (fewer than 16 values, 16 or
#: more), sizes 16 does not divide (the last 16 values redrawn), and big ones
SIZES = (1, 3, 15, 16, 17, 31, 32, 100, 255, 1000, 4097)
SEEDS = (*range(12), 123, 2024, 2147483647, 4294967295, 4294967296 + 5, 10**15)
#: above this many values a case is stored as a digest
RAW_MAX = 2048


def _dt(lib, name):
    return getattr(lib, name)


def _sweep(dtype, mean=None, std=None):
    """``randn`` (or ``normal_(mean, std)``) of every size in SIZES, after each seed."""

    def fn(lib):
        out = []
        for seed in SEEDS:
            lib.manual_seed(seed)
            for n in SIZES:
                if mean is None:
                    out.append(lib.randn(n, dtype=_dt(lib, dtype)))
                else:
                    out.append(lib.empty(n, dtype=_dt(lib, dtype)).normal_(mean, std))
        return out

    return fn


def _randn_shapes(lib):
    lib.manual_seed(0)
    out = [lib.randn(1000, 1000)[::97, ::89], lib.randn(3, 4, 5), lib.randn(2, 8)]
    g = lib.Generator().manual_seed(42)
    out += [lib.randn(40, generator=g), lib.randn(7, generator=g), lib.randn(40)]
    out += [lib.randn_like(lib.empty(5, 7)), lib.randn(18, dtype=lib.float64)]
    return out


def _uniform(lib):
    """``uniform_`` over ranges whose top can be reached by rounding (then ``from``),
    ``rand`` of each dtype."""
    out = []
    for seed in SEEDS[:6]:
        lib.manual_seed(seed)
        for dtype in ("float32", "float64", "float16"):
            dt = _dt(lib, dtype)
            for lo, hi in ((-2, 3), (-0.1, 0.1), (1e-3, 1.0), (-1 / 3, 1 / 3), (100.0, 100.5)):
                out.append(lib.empty(300, dtype=dt).uniform_(lo, hi))
            out.append(lib.rand(500, dtype=dt))
    return out


def _normal_tensor_args(lib):
    """``torch.normal`` with tensor means and/or standard deviations (PyTorch draws
    ``normal_(0, std)`` then adds the mean, or ``normal_(0, 1)`` then ``mul_`` / ``add_``)."""
    out = []
    for seed in SEEDS[:6]:
        lib.manual_seed(seed)
        for dtype in ("float32", "float64", "float16"):
            dt = _dt(lib, dtype)
            mean = lib.arange(20, dtype=dt) / 3
            std = lib.arange(1, 21, dtype=dt) / 7
            out += [lib.normal(mean, 0.7), lib.normal(mean[:3], 2.0)]
            out += [lib.normal(0.3, std), lib.normal(-1.0, std[:6].reshape(2, 3))]
            out += [lib.normal(mean, std), lib.normal(lib.zeros(3, 1, dtype=dt), std[:4])]
    g = lib.Generator().manual_seed(5)
    out.append(lib.normal(lib.zeros(30), lib.ones(30), generator=g))
    return out


def _trunc_normal(lib):
    """``nn.init.trunc_normal_``: PyTorch 2.13's normal redraws (most of the mass inside
    ``[a, b]``) and its uniform rejection sampler (little of it)."""
    out = []
    init = lib.nn.init
    for seed in SEEDS[:6]:
        lib.manual_seed(seed)
        for dtype in ("float32", "float64", "float16"):
            dt = _dt(lib, dtype)
            out.append(init.trunc_normal_(lib.empty(7, 9, dtype=dt)))
            out.append(init.trunc_normal_(lib.empty(64, 33, dtype=dt), std=0.02))
            out.append(init.trunc_normal_(lib.empty(50, 3, dtype=dt), 0.3, 1.5, 0.0, 0.5))
            out.append(init.trunc_normal_(lib.empty(5, dtype=dt), 0.0, 1.0, 1.0, 3.0))
    g = lib.Generator().manual_seed(3)
    out.append(init.trunc_normal_(lib.empty(4, 4), generator=g))
    return out


def _serial_samplers(lib):
    """PyTorch's one-value-at-a-time samplers: exponential_ (glibc's log1p), random_ with
    no range (64-bit draws for int64 / float64 only), geometric_, cauchy_, log_normal_
    (double normals with the cached second value)."""
    out = []
    for seed in SEEDS[:6]:
        lib.manual_seed(seed)
        for dtype in ("float32", "float64", "float16"):
            dt = _dt(lib, dtype)
            out.append(lib.empty(40, dtype=dt).exponential_(2.5))
            out.append(lib.empty(30, dtype=dt).random_())
            out.append(lib.empty(30, dtype=dt).geometric_(0.3))
            out.append(lib.empty(30, dtype=dt).cauchy_(1.0, 2.0))
            out.append(lib.empty(31, dtype=dt).log_normal_(0.5, 0.3))
        for dtype in ("int64", "int32", "int16", "uint8", "bool"):
            out.append(lib.empty(30, dtype=_dt(lib, dtype)).random_())
        out.append(lib.empty(30, dtype=lib.int64).geometric_(0.05))
        out += [lib.randn(1), lib.empty(30, dtype=lib.int32).random_(2**30)]
    return out


def _non_contiguous(lib):
    """In-place samplers on strided tensors: values drawn in memory order (normal_ of 16
    or more values then takes the one-at-a-time path)."""
    out = []
    for seed in SEEDS[:6]:
        lib.manual_seed(seed)
        out.append(lib.zeros(20, 20).t().normal_())
        out.append(lib.zeros(20, 20)[:, ::2].normal_(1.0, 2.0))
        out.append(lib.zeros(7, 9).t().uniform_(-1, 1))
        out.append(lib.zeros(7, 9).t().bernoulli_(0.3))
        out.append(lib.zeros(7, 9).t().exponential_())
        out.append(lib.zeros(3, 4, 5).permute(2, 0, 1).uniform_())
        out.append(lib.zeros(6, 5, dtype=lib.int64).t().random_(0, 100))
    return out


def _states(lib):
    """``get_rng_state`` / ``Generator.get_state``: PyTorch's 5056 bytes (seed, twister
    words and position, cached normal), just seeded, mid-block, after a whole block."""
    out = []
    for seed in (0, 5, 2**64 - 1, -3):
        lib.manual_seed(seed)
        out.append(lib.get_rng_state())
        lib.rand(3)
        out.append(lib.get_rng_state())
        lib.randn(1)
        out.append(lib.get_rng_state())
        lib.rand(621)
        out.append(lib.get_rng_state())
    g = lib.Generator().manual_seed(11)
    lib.rand(10, generator=g)
    out.append(g.get_state())
    return out


def _float_randint(lib):
    """``randint`` / ``random_(from, to)`` / ``randint_like`` of floating dtypes: PyTorch
    first moves ``to`` (and ``from``) to values the dtype holds, which changes the range
    the draws are reduced by."""
    out = []
    bounds = ((0, 2**30), (0, 2**40), (-(2**30), 5), (0, 2**24 + 1), (0, 2**53 + 3), (0, 2049))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (PyTorch's precision warnings)
        for seed in SEEDS[:3]:
            lib.manual_seed(seed)
            for dtype in ("float32", "float64"):
                dt = _dt(lib, dtype)
                for lo, hi in bounds:
                    out.append(lib.randint(lo, hi, (6,), dtype=dt))
                    out.append(lib.zeros(4, dtype=dt).random_(lo, hi))
                    out.append(lib.randint_like(lib.zeros(3, dtype=dt), lo, hi))
            out.append(lib.randint(0, 3000, (5,), dtype=lib.float16))
    return out


CASES = {
    "randn_float32": _sweep("float32"),
    "normal_float32_mean_std": _sweep("float32", 0.5, 2.0),
    "normal_float32_small_std": _sweep("float32", -3.0, 0.01),
    "randn_float64": _sweep("float64"),
    "normal_float64_mean_std": _sweep("float64", -1.0, 0.3),
    "randn_float16": _sweep("float16"),
    "normal_float16_mean_std": _sweep("float16", 1.0, 3.0),
    "randn_shapes": _randn_shapes,
    "uniform": _uniform,
    "normal_tensor_args": _normal_tensor_args,
    "trunc_normal": _trunc_normal,
    "serial_samplers": _serial_samplers,
    "non_contiguous": _non_contiguous,
    "states": _states,
    "float_randint": _float_randint,
}


def bits(tensors):
    """The tensors' raw bytes, concatenated, and their dtypes and shapes."""
    arrs = [np.ascontiguousarray(t.detach().numpy()) for t in tensors]
    meta = [[str(a.dtype), list(a.shape)] for a in arrs]
    return b"".join(a.tobytes() for a in arrs), meta


def record(raw, meta):
    entry = {"meta": meta}
    if len(raw) <= RAW_MAX * 4:
        entry["bits"] = base64.b64encode(raw).decode()
    else:
        entry["sha256"] = hashlib.sha256(raw).hexdigest()
        entry["head"] = base64.b64encode(raw[:256]).decode()
    return entry


def main() -> int:
    import torch

    if torch.__name__ != "torch":  # (PyTorch not installed: the alias)
        raise ImportError("PyTorch is needed here: pip install torch==2.13.0")

    torch.set_num_threads(1)
    data = {"torch_version": torch.__version__, "cases": {}}
    for name, fn in CASES.items():
        raw, meta = bits(fn(torch))
        again, _ = bits(fn(torch))
        assert raw == again, name
        data["cases"][name] = record(raw, meta)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(data['cases'])} cases)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
