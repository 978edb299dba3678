"""Differential runner: exec a program (the oracle's format) under PyTorch and autograd_viz.

    python tests/oracle/tools/fuzz_run.py PROGRAM.py > mismatches.txt

Needs PyTorch 2.13 and this checkout importable. One line per mismatch, with a category:
``RAISE`` (one raises, the other returns), ``TYPE`` (exception types differ), ``MSG1`` (the
first line of the message differs), ``MSG`` (only later lines), ``VALUE`` (both return,
values/dtypes/shapes differ), ``HANG`` (autograd_viz took over ``FUZZ_TIMEOUT`` seconds),
``CRASH``. A summary goes to stderr.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import warnings
from pathlib import Path

import numpy as np

_REPO = Path(__file__).resolve().parents[3]
sys.path[:0] = [str(_REPO), str(_REPO / "tests" / "oracle")]

import harness  # noqa: E402


class Hang(Exception):
    pass


def _alarm(*_):
    raise Hang("timeout")


def run(src, lib, nn, F, optim):
    ser = harness.Serializer(lib)
    obs, order = {}, []

    def add(name, rec):
        k, n = name, 2
        while k in obs:
            k, n = f"{name}#{n}", n + 1
        obs[k] = rec
        order.append(k)

    def raises(name, fn, key=None):
        signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(int(os.environ.get("FUZZ_TIMEOUT", "10")))
        try:
            ret = fn()
        except Hang:
            add(name, {"type": "error", "exc_type": "HANG", "message": ""})
            return
        except Exception as e:
            msg = harness.norm_str(str(e))
            add(name, {"type": "error", "exc_type": type(e).__name__, "message": msg})
            return
        finally:
            signal.alarm(0)
        try:
            got = ser.value(ret)
        except Exception:
            got = {"type": "object", "repr": "<unserializable>"}
        add(name, {"type": "error", "exc_type": None, "message": None, "returned": got})

    def check(name, v):
        add(name, ser.value(v))

    g = {"torch": lib, "nn": nn, "F": F, "optim": optim, "raises": raises, "check": check}
    g["np"], g["__name__"] = np, "__fuzz__"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(compile(src, "<fuzz>", "exec"), g)
    return obs, order


def _side(rec):
    ret = json.dumps(rec.get("returned"))[:150] if "returned" in rec else ""
    return f"{rec.get('exc_type')} {str(rec.get('message'))[:150]!r} {ret}"


def classify(e, g):
    """(category, detail) of a mismatch, or None when the two records agree."""
    if g is None:
        return "CRASH", "missing"
    if e.get("exc_type") is None and g.get("exc_type") is None and "returned" in e:
        d = harness.compare(e["returned"], g["returned"])
        return ("VALUE", "; ".join(d)[:300]) if d else None
    if g.get("exc_type") == "HANG":
        return "HANG", ""
    if (e.get("exc_type") is None) != (g.get("exc_type") is None):
        return "RAISE", f"torch: {_side(e)} | av: {_side(g)}"
    if e["exc_type"] != g["exc_type"]:
        return "TYPE", f"torch: {e['exc_type']}: {e['message'][:200]!r} | av: " + (
            f"{g['exc_type']}: {g['message'][:200]!r}"
        )
    if e["message"] != g["message"]:
        first = e["message"].split("\n")[0] != g["message"].split("\n")[0]
        return ("MSG1" if first else "MSG"), f"torch: {e['message'][:250]!r} | av: " + (
            f"{g['message'][:250]!r}"
        )
    return None


def main():
    src = Path(sys.argv[1]).read_text()
    import torch

    if torch.__name__ != "torch":  # (PyTorch not installed: the alias)
        raise ImportError("PyTorch is needed here: pip install torch==2.13.0")
    import torch.nn
    import torch.nn.functional
    import torch.optim

    torch.set_num_threads(1)
    torch.manual_seed(0)
    tobs, order = run(src, torch, torch.nn, torch.nn.functional, torch.optim)
    import autograd_viz as av

    aobs, _ = run(src, av, av.nn, av.nn.functional, av.optim)
    cats = {}
    for k in order:
        res = classify(tobs[k], aobs.get(k))
        if res is None:
            continue
        cat, detail = res
        cats[cat] = cats.get(cat, 0) + 1
        print(f"{cat:5} {k}: " + detail.replace("\n", "\\n"))
    print(f"# {len(order)} cases, {sum(cats.values())} mismatches {cats}", file=sys.stderr)


if __name__ == "__main__":
    main()
