"""PyTorch's CPU random stream, so ``torch.manual_seed(0); torch.randn(3)`` prints what
PyTorch prints (and ``nn.Linear(2, 3)`` starts from PyTorch's weights).

PyTorch's CPU generator is a 32-bit Mersenne Twister (mt19937, seeded with the low 32
bits of the seed as ``init_genrand`` does); numpy's ``MT19937`` is the same engine, its
state set from ``RandomState(seed)`` (the same seeding).  On top of it, PyTorch's
transformations (aten/src/ATen/core/TransformationHelper.h, DistributionsHelper.h,
native/cpu/DistributionTemplates.h), checked against PyTorch 2.13 in
tests/engine/test_torch_rng.py:

* ``random()`` is one 32-bit draw; ``random64()`` two, the first the high half;
* a uniform float32 in [0, 1) is the low 24 bits of ``random()`` times 2**-24, a float64
  the low 53 bits of ``random64()`` times 2**-53; ``uniform_(a, b)``: ``x * (b - a) + a``
  in double (``b - a`` in the tensor's dtype), then rounded;
* ``normal_`` of 16 or more contiguous values: all the uniforms first, then Box-Muller on
  each block of 16 (``u1 = 1 - d[j]``, ``u2 = d[j + 8]``: ``r cos``, ``r sin``), the last
  16 values redrawn and redone when 16 does not divide the size; fewer values: the double
  Box-Muller of ``normal_distribution``, whose second value (``r sin``) is kept in the
  generator for its next normal value;
* ``randint``: ``random() % range + low`` (``random64()`` from a range of 2**28 on);
* ``randperm``: Fisher-Yates from the front, ``random() % (n - i)``.

PyTorch's float32 normals of 16 or more values use SLEEF's vector log/cos/sin: computed
here with numpy's float32 functions, about 86% of them have PyTorch's exact bits and the
rest differ in the last bit.  Also PyTorch's: ``bernoulli_(p)`` (a double uniform ``< p``;
dropout is ``bernoulli_(1 - p)``), ``bernoulli`` of a probability tensor (a uniform of its
dtype), ``exponential_`` (``-log1p(-u)``), ``multinomial`` (with replacement: a binary
search in the running sums; without, or for one sample: the largest ``p / Exp(1)``).
numpy Generator methods with no counterpart here take a numpy Generator seeded from the
stream (deterministic, not PyTorch's numbers).
"""

from __future__ import annotations

import math

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
        npd = np.dtype(npd)
        n = int(np.prod(shape, dtype=np.int64))
        x = self.unit(n, npd)
        if npd == _F64:
            lo, width = float(low), float(high) - float(low)
        else:
            lo32, hi32 = _F32.type(low), _F32.type(high)
            lo, width = float(lo32), float(hi32 - lo32)
        return (x * width + lo).astype(npd).reshape(shape)

    def normal_t(self, shape, npd, mean=0.0, std=1.0):
        npd = np.dtype(npd)
        n = int(np.prod(shape, dtype=np.int64))
        if n >= 16:
            out = self._normal_fill(n, npd, mean, std)
        else:
            out = np.array([self._normal_scalar() * std + mean for _ in range(n)], np.float64)
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
        data = self.unit(n, npd)
        if npd != _F64:
            data = data.astype(np.float32)
        nb = n // 16
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
        u = self.random(size)
        return -np.log1p(-u) * scale

    def __getattr__(self, name):
        # numpy Generator methods with no PyTorch counterpart here (gamma, poisson, beta...):
        # a numpy Generator seeded from this stream (deterministic after a seed)
        if name.startswith("_"):
            raise AttributeError(name)
        gen = np.random.Generator(np.random.PCG64(int(self.u64(1)[0])))
        return getattr(gen, name)


def _box_muller16(d, npd, mean, std):
    """``normal_fill_16`` on rows of 16 uniforms (float32 rows: float32 arithmetic)."""
    if npd == _F64:
        u1 = 1.0 - d[:, :8]
        u2 = d[:, 8:]
        radius = np.sqrt(-2.0 * np.log(u1))
        theta = _TWO_PI * u2
        return np.concatenate(
            [radius * np.cos(theta) * std + mean, radius * np.sin(theta) * std + mean], axis=1
        )
    f = np.float32
    with np.errstate(divide="ignore", invalid="ignore"):
        u1 = f(1) - d[:, :8]
        u2 = d[:, 8:]
        radius = np.sqrt(f(-2) * np.log(u1.astype(np.float64)).astype(np.float32))
        theta = f(_TWO_PI) * u2
        c = np.cos(theta.astype(np.float64)).astype(np.float32)
        s = np.sin(theta.astype(np.float64)).astype(np.float32)
        sd, m = f(std), f(mean)
        return np.concatenate([radius * c * sd + m, radius * s * sd + m], axis=1)
