"""autograd_viz's random numbers have PyTorch's exact bits after the same seed.

``data/rng_bits.json`` holds PyTorch 2.13's results of the cases in ``make_rng_bits.py``
(raw bits, or a digest of them for big cases; torch is not imported here).  Every case
must match bit for bit: the float32 normals of 16 or more values follow PyTorch's AVX2
kernel (avx_mathfun's Cephes log / sincos with fused multiply-adds,
``engine/torch_rng.py``); numpy's float32 log / sin / cos gave about 85% of the bits.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
import pytest

import autograd_viz as torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_rng_bits import CASES, bits  # noqa: E402

DATA = json.loads((HERE / "data" / "rng_bits.json").read_text(encoding="utf-8"))["cases"]


def _first_difference(raw, expected_head, meta):
    """Where ``raw`` first differs from the recorded leading bytes (for the message)."""
    n = min(len(raw), len(expected_head))
    for i in range(n):
        if raw[i] != expected_head[i]:
            return f"first differing byte {i} of {len(raw)} ({meta[:3]}...)"
    return "the leading bytes agree; a later value differs"


@pytest.mark.parametrize("name", sorted(CASES))
def test_bits_match_pytorch(name):
    raw, meta = bits(CASES[name](torch))
    rec = DATA[name]
    assert meta == rec["meta"]
    if "bits" in rec:
        expected = base64.b64decode(rec["bits"])
        if raw != expected:
            got = np.frombuffer(raw, np.uint8)
            exp = np.frombuffer(expected, np.uint8)
            pytest.fail(f"{name}: {int((got != exp).sum())} of {len(exp)} bytes differ")
    else:
        if hashlib.sha256(raw).hexdigest() != rec["sha256"]:
            pytest.fail(f"{name}: {_first_difference(raw, base64.b64decode(rec['head']), meta)}")


def test_every_case_recorded():
    assert sorted(DATA) == sorted(CASES)
