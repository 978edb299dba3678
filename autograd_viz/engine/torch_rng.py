"""PyTorch's CPU random stream, so ``torch.manual_seed(0); torch.randn(3)`` prints what
PyTorch prints (and ``nn.Linear(2, 3)`` starts from PyTorch's weights).

PyTorch's CPU generator is a 32-bit Mersenne Twister (mt19937, seeded with the low 32
bits of the seed as ``init_genrand`` does); numpy's ``MT19937`` is the same engine, its
state set from ``RandomState(seed)`` (the same seeding).  On top of it, PyTorch's
transformations (aten/src/ATen/core/TransformationHelper.h, DistributionsHelper.h,
native/cpu/DistributionTemplates.h), checked against PyTorch 2.13 in
tests/engine/test_rng_bits.py and tests/oracle/programs/random_streams.py:

* ``random()`` is one 32-bit draw; ``random64()`` two, the first the high half;
* a uniform float32 in [0, 1) is the low 24 bits of ``random()`` times 2**-24, a float64
  the low 53 bits of ``random64()`` times 2**-53; ``uniform_(a, b)``: ``x * (b - a) + a``
  in double (``b - a`` in the tensor's dtype), then rounded;
* ``normal_`` of 16 or more contiguous values: all the uniforms first, then Box-Muller on
  each block of 16 (``u1 = 1 - d[j]``, ``u2 = d[j + 8]``: ``fma(r cos, std, mean)``,
  ``fma(r sin, std, mean)``), the last 16 values redrawn and redone when 16 does not
  divide the size (float16: computed in float32 sixteen at a time, so the redrawn ones
  follow the whole blocks); fewer values: the double Box-Muller of
  ``normal_distribution``, whose second value (``r sin``) is kept in the generator for
  its next normal value (``val * std + mean`` as one fma);
* ``randint``: ``random() % range + low`` (``random64()`` from a range of 2**28 on);
* ``randperm``: Fisher-Yates from the front, ``random() % (n - i)``.

PyTorch's float32 normals of 16 or more values use its AVX2 kernel on x86 (also under its
AVX-512 dispatch): avx_mathfun.h's Cephes ``log256_ps`` / ``sincos256_ps`` with GCC's
fused multiply-adds, emulated step by step here so every bit is PyTorch's
(tests/engine/test_rng_bits.py; numpy's float32 log / sin / cos gave about 85%); float64
uses glibc's ``log`` (``math.log``) and numpy's ``sin`` / ``cos`` (glibc's bits).
Also PyTorch's: ``bernoulli_(p)`` (a double uniform ``< p``;
dropout is ``bernoulli_(1 - p)``), ``bernoulli`` of a probability tensor (a uniform of its
dtype), ``exponential_`` (``-log1p(-u)``), ``geometric_`` (``ceil(log(u) / log1p(-p))``),
``cauchy_`` (``median + sigma * tan(pi (u - 1/2))``), ``log_normal_`` (``exp`` of the double
normal), ``multinomial`` (with replacement: a binary search in the running sums; without,
or for one sample: the largest ``p / Exp(1)``); glibc's ``log`` / ``log1p`` / ``tan`` /
``exp`` are called through ``math`` where numpy's differ in the last bit.
numpy Generator methods with no counterpart here take a numpy Generator seeded from the
stream (deterministic, not PyTorch's numbers).
"""

from __future__ import annotations

import math
import warnings

import numpy as np

_F32 = np.dtype(np.float32)
_F64 = np.dtype(np.float64)
_M24 = np.uint64((1 << 24) - 1)
_M53 = np.uint64((1 << 53) - 1)
_TWO_PI = 2.0 * math.pi


class TorchRNG:
    """One generator's stream: the engine and the cached second normal value."""

    __slots__ = ("_bg", "normal_cache")

    def __init__(self, seed):
        self.reseed(seed)

    def reseed(self, seed):
        key = np.random.RandomState(int(seed) & 0xFFFFFFFF).get_state()[1]
        bg = np.random.MT19937()
        bg.state = {"bit_generator": "MT19937", "state": {"key": key, "pos": 624}}
        self._bg = bg
        self.normal_cache = None

    # ------------------------------------------------------------------ state
    @property
    def state(self):
        return (self._bg.state, self.normal_cache)

    @state.setter
    def state(self, value):
        bg = np.random.MT19937()
        bg.state = value[0]
        self._bg = bg
        self.normal_cache = value[1]

    # ------------------------------------------------------------------ raw draws
    def u32(self, n):
        """``n`` draws of ``random()`` (uint64 array of 32-bit values)."""
        return self._bg.random_raw(n)

    def u64(self, n):
        r = self._bg.random_raw(2 * n)
        return (r[0::2] << np.uint64(32)) | r[1::2]

    def unit(self, n, npd):
        """``n`` uniforms in [0, 1) of the dtype's width (float64 values)."""
        if npd == _F64:
            return (self.u64(n) & _M53).astype(np.float64) * 2.0**-53
        return (self.u32(n) & _M24).astype(np.float64) * 2.0**-24

    # ------------------------------------------------------------------ PyTorch's samplers
    def uniform_t(self, shape, npd, low=0.0, high=1.0):
        """``uniform_(low, high)``: ``fma(x, high - low, low)`` in the dtype's math type
        (float for float16), rounded to the dtype, a value rounded up to ``high`` giving
        ``low`` instead."""
        npd = np.dtype(npd)
        n = int(np.prod(shape, dtype=np.int64))
        if npd == _F64:
            lo, hi = float(low), float(high)
            x = self.unit(n, npd)
            out = x * (hi - lo) if lo == 0 else _fma64(x, hi - lo, lo)
        else:
            lo32, hi32 = _F32.type(low), _F32.type(high)
            x = (self.u32(n) & _M24).astype(np.float32) * np.float32(2.0**-24)
            out = x * (hi32 - lo32) if lo32 == 0 else _fma32(x, hi32 - lo32, lo32)
            out = out.astype(npd, copy=False)
        top = npd.type(high)
        if np.any(out == top):
            out[out == top] = npd.type(low)
        return out.reshape(shape)

    def normal_t(self, shape, npd, mean=0.0, std=1.0, contiguous=True):
        """``normal_(mean, std)``: ``normal_fill`` for 16 or more values of a contiguous
        tensor, else one ``normal_distribution<double>`` value per element."""
        npd = np.dtype(npd)
        n = int(np.prod(shape, dtype=np.int64))
        if n >= 16 and contiguous:
            out = self._normal_fill(n, npd, mean, std)
        else:
            out = np.array([self._normal_scalar() for _ in range(n)], np.float64)
            if std != 1 or mean != 0:  # ``val * std + mean``, contracted to an fma
                out = _fma64(out, float(std), float(mean))
        return out.astype(npd).reshape(shape)

    def _normal_scalar(self):
        """``normal_distribution<double>``: Box-Muller, the second value kept."""
        cached = self.normal_cache
        if cached is not None:
            self.normal_cache = None
            return cached
        u = self.unit(2, _F64)
        r = math.sqrt(-2.0 * math.log1p(-u[1]))
        theta = _TWO_PI * u[0]
        self.normal_cache = r * math.sin(theta)
        return r * math.cos(theta)

    def _normal_fill(self, n, npd, mean, std):
        nb = n // 16
        # float32 / float64 draw all n uniforms before the last 16; float16 (computed in
        # float32 sixteen at a time) only the whole blocks'
        k = n if npd in (_F32, _F64) else nb * 16
        if npd == _F64:
            data = self.unit(k, npd)
        else:
            data = (self.u32(k) & _M24).astype(np.float32) * np.float32(2.0**-24)
        head = _box_muller16(data[: nb * 16].reshape(nb, 16), npd, mean, std).reshape(-1)
        if n % 16 == 0:
            return head
        out = np.empty(n, head.dtype)
        out[: nb * 16] = head
        last = self.unit(16, npd)
        if npd != _F64:
            last = last.astype(np.float32)
        out[n - 16 :] = _box_muller16(last.reshape(1, 16), npd, mean, std).reshape(-1)
        return out

    def randint_t(self, low, high, shape):
        n = int(np.prod(shape, dtype=np.int64))
        rng_ = int(high) - int(low)
        draws = self.u64(n) if rng_ >= 1 << 28 else self.u32(n)
        return ((draws % np.uint64(rng_)).astype(np.int64) + int(low)).reshape(shape)

    def randperm_t(self, n):
        perm = np.arange(n, dtype=np.int64)
        if n > 1:
            draws = self.u32(n - 1)
            for i in range(n - 1):
                z = i + int(draws[i]) % (n - i)
                perm[i], perm[z] = perm[z], perm[i]
        return perm

    # ------------------------------------------------------------------ numpy-style API
    # (the samplers that are not PyTorch's numbers take these, on the same stream)
    def random(self, size=None):
        shape = () if size is None else size
        n = int(np.prod(shape, dtype=np.int64))
        return self.unit(n, _F64).reshape(shape)

    def standard_normal(self, size=None):
        return self.normal_t(() if size is None else size, _F64)

    def normal(self, loc=0.0, scale=1.0, size=None):
        return self.normal_t(() if size is None else size, _F64, loc, scale)

    def uniform(self, low=0.0, high=1.0, size=None):
        return self.uniform_t(() if size is None else size, _F64, low, high)

    def integers(self, low, high=None, size=None):
        if high is None:
            low, high = 0, low
        return self.randint_t(low, high, () if size is None else size)

    def permutation(self, n):
        return self.randperm_t(int(n))

    def exponential(self, scale=1.0, size=None):
        """``exponential_distribution<double>``: ``-1 / lambda * log1p(-u)`` (glibc's
        log1p: numpy's differs in the last bit now and then)."""
        u = self.random(size)
        return _glibc(math.log1p, -u) * -scale

    # PyTorch's other serial samplers (one double uniform / normal per value)
    def geometric_t(self, shape, p):
        """``ceil(log(u) / log1p(-p))`` (``geometric_distribution<double>``)."""
        u = self.random(shape)
        with np.errstate(divide="ignore"):
            return np.ceil(_glibc(math.log, u) / math.log1p(-p))

    def cauchy_t(self, shape, median, sigma):
        """``median + sigma * tan(pi * (u - 0.5))`` (one fma)."""
        t = _glibc(math.tan, math.pi * (self.random(shape) - 0.5))
        return _fma64(t, float(sigma), float(median))

    def log_normal_t(self, shape, mean, std):
        """``exp`` of ``normal_distribution<double>(mean, std)`` values (cached pairs)."""
        n = int(np.prod(shape, dtype=np.int64))
        z = np.array([self._normal_scalar() for _ in range(n)], np.float64)
        return _glibc(math.exp, _fma64(z, float(std), float(mean))).reshape(shape)

    def __getattr__(self, name):
        # numpy Generator methods with no PyTorch counterpart here (gamma, poisson, beta...):
        # a numpy Generator seeded from this stream (deterministic after a seed)
        if name.startswith("_"):
            raise AttributeError(name)
        gen = np.random.Generator(np.random.PCG64(int(self.u64(1)[0])))
        return getattr(gen, name)


_DIGITS = {np.dtype(np.float16): 11, _F32: 24, _F64: 53}
_C_NAMES = {np.dtype(np.float16): "c10::Half", _F32: "float", _F64: "double"}
_INT_C_NAMES = {
    "b1": "bool",
    "u1": "unsigned char",
    "i1": "signed char",
    "i2": "short",
    "i4": "int",
    "i8": "long",
    "u2": "unsigned short",
    "u4": "unsigned int",
    "u8": "unsigned long",
}


def float_int_bounds(low, high, npd, stacklevel=4):
    """``random_(from, to)`` / ``randint`` of a floating dtype: PyTorch first moves
    ``from`` / ``to`` to where the dtype holds them (``update_from`` / ``update_to``: the
    range of draws changes when ``to - 1`` rounds up), and warns beyond ``2**digits``."""
    npd = np.dtype(npd)
    digits = _DIGITS.get(npd)
    if digits is None:
        if npd.kind in "biu":  # ``check_from_to``: the integer dtype's own range
            lo, hi = (0, 1) if npd.kind == "b" else (np.iinfo(npd).min, np.iinfo(npd).max)
            for v, name in ((low, "from"), (high - 1, "to - 1")):
                if not lo <= v <= hi:
                    raise RuntimeError(f"{name} is out of bounds for {_INT_C_NAMES[npd.str[1:]]}")
        return low, high
    low, high, t = int(low), int(high), npd.type
    with np.errstate(over="ignore"):
        up, down = t(low + 1), t(high - 1)
    if np.isfinite(up) and int(up) < low:
        n = max(abs(low + 1).bit_length() - 1, 0)
        low = int(up) + (1 << (n - digits + 1))
    if np.isfinite(down) and int(down) >= high:
        n = max(abs(high - 1).bit_length() - 1, 0)
        high = int(down) - (1 << (n - digits + 1))
    top = float(np.finfo(npd).max)
    for v, name in ((low, "from"), (high - 1, "to - 1")):
        if not -top <= v <= top:
            raise RuntimeError(f"{name} is out of bounds for {_C_NAMES[npd]}")
    for v, name in ((low, "from"), (high - 1, "to - 1")):
        if v < -(1 << digits) or v > (1 << digits):
            warnings.warn(
                f"{name} is out of bounds [-(2^{digits}), 2^{digits}]. Due to precision "
                f"limitations {_C_NAMES[npd]} can support discrete uniform distribution only "
                "within this range. This warning will become an error in version 1.7 release, "
                "please fix the code in advance",
                stacklevel=stacklevel,
            )
    return low, high


def _glibc(fn, x):
    """``fn`` (a ``math`` function: the C library's, as PyTorch calls it) on each value."""
    x = np.asarray(x, np.float64)
    try:
        out = np.fromiter(map(fn, x.ravel().tolist()), np.float64, x.size)
    except (ValueError, OverflowError):  # log(0), exp(1000): numpy's -inf / inf
        with np.errstate(all="ignore"):
            return getattr(np, fn.__name__)(x)
    return out.reshape(x.shape)


def _box_muller16(d, npd, mean, std):
    """``normal_fill_16`` on rows of 16 uniforms: ``u1 = 1 - d[:8]``, ``u2 = d[8:]``,
    ``r = sqrt(-2 log u1)``, ``theta = 2 pi u2``, ``fma(r cos, std, mean)`` then
    ``fma(r sin, std, mean)`` (float32: :func:`_box_muller16_f32`)."""
    if npd != _F64:
        return _box_muller16_f32(d, mean, std)
    u1 = 1.0 - d[:, :8]
    u2 = d[:, 8:]
    # glibc's log (numpy's float64 log differs in the last bit now and then; its sin and
    # cos agree with glibc's)
    radius = np.sqrt(-2.0 * _glibc(math.log, u1))
    theta = _TWO_PI * u2
    out = np.concatenate([radius * np.cos(theta), radius * np.sin(theta)], axis=1)
    if std == 1 and mean == 0:
        return out
    return _fma64(out, float(std), float(mean))


# ---------------------------------------------------------------------- float32 normal_fill
# PyTorch's float32 ``normal_fill_16`` on x86 (its AVX2 kernel, also the one the AVX512
# dispatch runs) is avx_mathfun.h's ``log256_ps`` and ``sincos256_ps`` (Cephes' float
# polynomials, eight lanes at a time), compiled with GCC's FMA contraction: a product that
# is only added to becomes one fused multiply-add.  Emulated here operation by operation in
# numpy float32 (a fused multiply-add by :func:`_fma32`), so the bits are PyTorch's.

_f32 = np.float32
_SQRTHF = _f32(0.707106781186547524)
_LOG_P = [
    _f32(v)
    for v in (
        7.0376836292e-2,
        -1.1514610310e-1,
        1.1676998740e-1,
        -1.2420140846e-1,
        1.4249322787e-1,
        -1.6668057665e-1,
        2.0000714765e-1,
        -2.4999993993e-1,
        3.3333331174e-1,
    )
]
_LOG_Q1 = _f32(-2.12194440e-4)
_LOG_Q2 = _f32(0.693359375)
_DP1 = _f32(-0.78515625)
_DP2 = _f32(-2.4187564849853515625e-4)
_DP3 = _f32(-3.77489497744594108e-8)
_SIN_P = [_f32(-1.9515295891e-4), _f32(8.3321608736e-3), _f32(-1.6666654611e-1)]
_COS_P = [_f32(2.443315711809948e-005), _f32(-1.388731625493765e-003), _f32(4.166664568298827e-002)]
_FOPI = _f32(1.27323954473516)
_TWO_PI_F32 = _f32(_TWO_PI)
_HALF = _f32(0.5)
_MID = np.int64(1 << 28)
_LOW29 = np.int64((1 << 29) - 1)


def _fma32(a, b, c, exact_sum=False):
    """float32 ``fma(a, b, c)``: ``a * b`` of two float32 is exact in float64, the sum is
    rounded once in float64 and then to float32; that double rounding can only go wrong
    when the float64 sum falls exactly halfway between two float32 (normal results), and
    those few are redone from the sum's exact error (``exact_sum``: the caller knows the
    float64 sum is exact, so there is nothing to redo)."""
    s = a.astype(np.float64)
    s *= b
    s += c
    r = s.astype(np.float32)
    if exact_sum or not np.any((s.view(np.int64) & _LOW29) == _MID):
        return r
    cand = np.flatnonzero((s.view(np.int64) & _LOW29) == _MID)
    pc = a.reshape(-1)[cand].astype(np.float64) * np.broadcast_to(b, a.shape).reshape(-1)[cand]
    sc = s.reshape(-1)[cand]
    cc = np.broadcast_to(np.asarray(c, np.float64), s.shape).reshape(-1)[cand]
    bv = sc - pc
    err = (pc - (sc - bv)) + (cc - bv)  # s + err == a * b + c exactly (TwoSum)
    rc = r.reshape(-1)[cand]
    # the exact value lies beyond the midpoint, on err's side: round towards it
    wrong = (err != 0) & ((rc.astype(np.float64) - sc) * err < 0)
    toward = np.where(err > 0, _f32(np.inf), _f32(-np.inf))
    r.reshape(-1)[cand] = np.where(wrong, np.nextafter(rc, toward), rc)
    return r


def _log256(u):
    """``log256_ps`` of float32 values in (0, 1] (no zeros, denormals or negatives here)."""
    bits = u.view(np.int32)
    m = ((bits & np.int32(0x007FFFFF)) | np.int32(0x3F000000)).view(np.float32)  # [0.5, 1)
    mask = m < _SQRTHF
    # e = exponent + 1, minus 1 below sqrt(1/2); x = 2m - 1 or m - 1 (both exact)
    e = ((bits >> 23) - 126).astype(np.float32)
    e -= mask
    x = m - _f32(1)
    x += m * mask
    z = x * x
    # Horner steps: x is a multiple of 2**-24 in [-0.30, 0.42], every partial sum y has
    # 2**-6 < |y| < 0.5 (so a multiple of 2**-29): each float64 sum is exact (checked for
    # all 2**24 possible inputs)
    y = _fma32(x, _LOG_P[0], _LOG_P[1], True)
    for c in _LOG_P[2:]:
        y = _fma32(y, x, c, True)
    y *= x
    y = _fma32(y, z, e * _LOG_Q1)
    y -= z * _HALF  # z * 0.5 is exact: GCC's fnmadd is a plain subtraction here
    x += y
    x += e * _LOG_Q2  # e (a small integer) times 0.693359375 is exact
    return x


def _sincos256(x):
    """``sincos256_ps`` of float32 values >= 0 (``2 pi u2``): ``(sin, cos)``."""
    j = (x * _FOPI).astype(np.int32)
    j = (j + 1) & ~1
    y = j.astype(np.float32)
    x = x + y * _DP1  # exact products (y is a small even integer, DP1 and DP2 short)
    x += y * _DP2
    x = _fma32(y, _DP3, x)
    z = x * x
    yc = _fma32(z, _COS_P[0], _COS_P[1])
    yc = _fma32(yc, z, _COS_P[2])
    yc *= z
    yc = _fma32(yc, z, -(z * _HALF))
    yc += _f32(1)
    ys = _fma32(z, _SIN_P[0], _SIN_P[1])
    ys = _fma32(ys, z, _SIN_P[2])
    ys *= z
    ys = _fma32(ys, x, x)
    poly = (j & 2) == 0
    s = np.where(poly, ys, yc)
    c = np.where(poly, yc, ys)
    s_neg = (j & 4) != 0
    c_neg = ((j - 2) & 4) == 0
    np.negative(s, out=s, where=s_neg)
    np.negative(c, out=c, where=c_neg)
    return s, c


#: rows of 16 values computed at once (temporaries that stay in the CPU's cache)
_CHUNK_ROWS = 2048


def _box_muller16_f32(d, mean, std):
    d = d.astype(np.float32, copy=False)
    out = np.empty(d.shape, np.float32)
    sd, m = _f32(std), _f32(mean)
    for i in range(0, d.shape[0], _CHUNK_ROWS):
        blk = d[i : i + _CHUNK_ROWS]
        u1 = _f32(1) - blk[:, :8]
        theta = _TWO_PI_F32 * blk[:, 8:]
        radius = np.sqrt(_f32(-2) * _log256(u1))
        s, c = _sincos256(theta)
        o = out[i : i + _CHUNK_ROWS]
        np.multiply(radius, c, out=o[:, :8])
        np.multiply(radius, s, out=o[:, 8:])
        if m != 0:
            o[...] = _fma32(o, sd, m)
        elif sd != 1:
            o *= sd  # fma(x, std, 0)
    return out


def _fma64(a, b, c):
    """float64 ``fma(a, b, c)`` (scalar ``b`` and ``c``): the product's exact error
    (Veltkamp/Dekker) and the sum's (TwoSum) added back before the one rounding (exact but
    in the rarest double-rounding ties)."""
    p = a * b
    split = 134217729.0  # 2**27 + 1
    ah = a * split
    ah = ah - (ah - a)
    al = a - ah
    bh = b * split
    bh = bh - (bh - b)
    bl = b - bh
    perr = ((ah * bh - p) + ah * bl + al * bh) + al * bl
    s = p + c
    bv = s - p
    serr = (p - (s - bv)) + (c - bv)
    return s + (perr + serr)
