"""The float32 ``exp`` of PyTorch's vectorized CPU kernels (``Vectorized<float>::exp``,
SLEEF's ``expf`` with 1-ulp accuracy on AVX-512 with FMA), step by step in numpy, for
the bits of ``softmax`` / ``log_softmax`` (their kernels call it; ``torch.exp`` itself
goes through MKL and is nearly always the correctly rounded value instead).

SLEEF's algorithm: ``q = rint(x·log₂e)``; ``s = x − q·ln2`` in two fused steps (ln2 split
high/low); a degree-6 polynomial in ``s`` by fused multiply-adds; ``1 + (s²·p + s)``;
scaled by ``2^q`` in two halves; 0 below −104, ∞ above 100.  A fused multiply-add of
float32 values is emulated in float64 (the product is exact there) and rounded once.
Measured against PyTorch 2.13: the same bits on 100% of 400,000 values (the correctly
rounded value, ``exp`` in float64 then rounded: about 99%); softmax rows of 16 and
columns: 100% (``tests/engine/test_float32_bits.py``).
"""

from __future__ import annotations

import numpy as np

_F32 = np.float32
_F64 = np.float64
_R_LN2 = _F32(1.442695040888963407359924681001892137426645954152985934135449406931)
_L2U = _F32(0.693145751953125)  # ln2's high part: q·_L2U is exact for |q| < 2**13
_NEG_L2L = -_F64(_F32(1.428606765330187045e-06))
_P0 = _F64(_F32(0.000198527617612853646278381))
_POLY = tuple(
    _F64(_F32(c))
    for c in (
        0.00139304355252534151077271,
        0.00833336077630519866943359,
        0.0416664853692054748535156,
        0.166666671633720397949219,
        0.5,
    )
)
_LO, _HI = _F32(-104), _F32(100)


def sleef_exp(d):
    """``exp`` of a float32 array with SLEEF's ``expf_u10`` bits (a float32 array)."""
    d = np.asarray(d, _F32)
    lo, hi = d.min(initial=0.0), d.max(initial=0.0)
    edge = not (lo >= _LO and hi <= _HI)  # beyond the range, or a NaN
    x = np.clip(d, _LO - 1, _HI + 1) if edge else d
    q = np.rint(x * _R_LN2)
    s = x - q * _L2U  # exact (Sterbenz), as the first fused step
    s = (s + q.astype(_F64) * _NEG_L2L).astype(_F32)
    s64 = s.astype(_F64)
    u = (s64 * _P0 + _POLY[0]).astype(_F32)
    for c in _POLY[1:]:
        u = (u * s64 + c).astype(_F32)
    u = ((s * s).astype(_F64) * u + s64).astype(_F32) + _F32(1)
    qi = q.astype(np.int32)
    if lo >= -86 and hi <= 88:  # 2**q and the result are normal floats: one exact scaling
        u = np.ldexp(u, qi)
    else:  # SLEEF's two half scalings (one rounding into the subnormals)
        h = qi >> 1
        with np.errstate(over="ignore"):  # beyond float32's range: inf, as SLEEF gives
            u = np.ldexp(np.ldexp(u, h), qi - h)
    if edge:
        u = np.where(d < _LO, _F32(0), u)
        u = np.where(d > _HI, _F32(np.inf), u)
        u = np.where(d != d, d, u)
    return u
