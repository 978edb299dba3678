"""Random numbers: ``torch.Generator``, ``manual_seed`` and the sampling functions.

Every generator is PyTorch's CPU stream (:mod:`.torch_rng`: mt19937 and PyTorch's
transformations): after the same seed, ``rand``, ``randn``, ``randint``, ``randperm``,
``uniform_``, ``normal_``, ``bernoulli_``, ``random_``, ``exponential_``, ``geometric_``,
``cauchy_``, ``log_normal_``, dropout's noise and the layers' initial weights are
PyTorch's numbers, bit for bit (tests/engine/test_rng_bits.py).  The in-place samplers
walk a strided tensor in memory order, as PyTorch's serial kernels do.  A generator's
state is PyTorch's 5056-byte ``CPUGeneratorImplState`` (so ``set_rng_state`` also takes
a state saved by PyTorch).
"""

from __future__ import annotations

import contextlib
import numbers
import struct

import numpy as np

from .device import CPU, DEFAULT_FLOAT, as_device
from .function import Function, Local
from .torch_rng import TorchRNG, float_int_bounds

_U64 = (1 << 64) - 1

#: the default generator's numpy Generator (a list so ``creation._rng[0]`` stays valid)
_DEFAULT_SEED = 67280421310721  # PyTorch's default_rng_seed_val
_rng = [TorchRNG(_DEFAULT_SEED)]

_CUDA_GENERATOR = (
    "Cannot get CUDA generator without ATen_cuda library. PyTorch splits its backend into "
    "two shared libraries: a CPU library and a CUDA library; this error has occurred "
    "because you are trying to use some CUDA functionality, but the CUDA library has not "
    "been loaded by the dynamic linker for some reason.  The CUDA library MUST be loaded, "
    "EVEN IF you don't directly use any symbols from the CUDA library! One common culprit "
    "is a lack of -Wl,--no-as-needed in your link arguments; many dynamic linkers will "
    "delete dynamic library dependencies if you don't depend on any of their symbols.  You "
    "can check if this has occurred by using ldd on your binary to see if there is a "
    "dependency on *_cuda.so library."
)


class Generator:
    """``torch.Generator()``: a seedable source of random numbers (PyTorch's mt19937 stream,
    :class:`.torch_rng.TorchRNG`), shown
    as PyTorch's (``<torch._C.Generator object at 0x...>``)."""

    __module__ = "torch._C"
    __slots__ = ("_box", "_seed")

    def __init__(self, device="cpu"):
        dev = as_device(device)
        if dev.type == "cuda":
            raise RuntimeError(_CUDA_GENERATOR)
        if dev.type != "cpu":
            raise RuntimeError(f"Generator of device type '{dev.type}' is not supported")
        self._seed = _DEFAULT_SEED
        self._box = [TorchRNG(self._seed)]

    @property
    def device(self):
        return CPU

    @property
    def numpy(self):
        """The stream that makes this generator's numbers (:class:`.torch_rng.TorchRNG`)."""
        return self._box[0]

    def manual_seed(self, seed):
        if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
            raise RuntimeError(f"manual_seed expected a long, but got {type(seed).__name__}")
        self._seed = int(seed) & _U64
        self._box[0].reseed(self._seed)
        return self

    def seed(self) -> int:
        s = int(np.random.SeedSequence().entropy) & ((1 << 63) - 1)
        self.manual_seed(s)
        return s

    def initial_seed(self) -> int:
        return self._seed

    def get_state(self):
        """The generator's state as PyTorch lays it out (``CPUGeneratorImplState``: 5056
        bytes with the seed, the Mersenne Twister's words and position, and the cached
        normal value), a uint8 tensor ``set_state`` takes back (PyTorch's too)."""
        from .tensor import Tensor

        return Tensor._make(_pack_state(self._seed, self._box[0]))

    def set_state(self, new_state):
        from .tensor import Tensor

        if not isinstance(new_state, Tensor):
            raise TypeError(f"expected a torch.ByteTensor, but got {type(new_state).__name__}")
        if new_state._data.dtype != np.uint8:
            raise TypeError("RNG state must be a torch.ByteTensor")
        raw = np.ascontiguousarray(new_state._data).reshape(-1).tobytes()
        if len(raw) != _STATE_SIZE:
            raise RuntimeError(
                f"Expected a CPUGeneratorImplState of size {_STATE_SIZE} but found the input "
                f"RNG state size to be {len(raw)}"
            )
        seed, left, seeded, nxt = struct.unpack_from("<QiiQ", raw, 0)
        if not (seeded and 0 < left <= 624 and nxt <= 624):
            raise RuntimeError("Invalid mt19937 state")
        key = np.frombuffer(raw, "<u8", 624, 24).astype(np.uint32)
        normal_y, valid = (
            struct.unpack_from("<d", raw, 5024)[0],
            struct.unpack_from("<i", raw, 5040)[0],
        )
        pos = 624 if left == 1 else int(nxt)
        self._seed = seed
        self._box[0].state = (
            {"bit_generator": "MT19937", "state": {"key": key, "pos": pos}},
            normal_y if valid else None,
        )
        return self

    def __reduce__(self):
        return (_rebuild, (self._seed, self._box[0].state))


def _rebuild(seed, state):
    g = Generator()
    g._seed = seed
    g._box[0].state = state
    return g


_STATE_SIZE = 5056


def _pack_state(seed, stream):
    """``CPUGeneratorImpl::get_state``'s bytes: ``the_initial_seed`` (u64), ``left``,
    ``seeded`` (i32), ``next`` (u64), the 624 state words (as u64), ``normal_x``,
    ``normal_y``, ``normal_rho`` (f64), ``normal_is_valid`` (i32), padding, the float
    normal sample (f32) and its flag."""
    st = stream._bg.state["state"]
    key, pos = np.asarray(st["key"], np.uint32), int(st["pos"])
    if pos == 624 and np.array_equal(key, np.random.RandomState(seed & 0xFFFFFFFF).get_state()[1]):
        left, nxt = 1, 0  # just seeded: PyTorch twists on the first draw
    else:
        left, nxt = 625 - pos, pos
    buf = bytearray(_STATE_SIZE)
    struct.pack_into("<QiiQ", buf, 0, seed & _U64, left, 1, nxt)
    np.frombuffer(buf, "<u8", 624, 24)[:] = key
    cached = stream.normal_cache
    if cached is not None:
        struct.pack_into("<d", buf, 5024, cached)
        struct.pack_into("<i", buf, 5040, 1)
    return np.frombuffer(bytes(buf), np.uint8).copy()


default_generator = Generator()
default_generator._box = _rng


def manual_seed(seed):
    """Seed the default generator; returns it (as ``torch.manual_seed``)."""
    seed = int(seed)  # as torch.manual_seed: int("a") fails, int(1.5) is 1
    if not -(2**63) <= seed < 2**64:
        raise ValueError("Overflow when unpacking long long")
    return default_generator.manual_seed(seed)


def seed() -> int:
    """Seed with a non-deterministic number and return it (as ``torch.seed()``)."""
    return default_generator.seed()


def initial_seed() -> int:
    return default_generator.initial_seed()


def get_rng_state():
    return default_generator.get_state()


def set_rng_state(new_state) -> None:
    default_generator.set_state(new_state)


@contextlib.contextmanager
def fork_rng(
    devices=None, enabled=True, _caller="fork_rng", _devices_kw="devices", device_type=None
):
    """``torch.random.fork_rng``: the default generator's state is put back on exit (no
    accelerator here, so no device states)."""
    if not enabled or device_type == "meta":
        yield
        return
    state = get_rng_state()
    try:
        yield
    finally:
        set_rng_state(state)


def rng_of(generator, fn, args=()):
    """The numpy Generator behind ``generator=`` (None: the default generator)."""
    if generator is None:
        return _rng[0]
    if isinstance(generator, Generator):
        return generator._box[0]
    raise TypeError(
        f"{fn}(): argument 'generator' must be torch.Generator, not {type(generator).__name__}"
    )


def float_dtype_check(npd, kernel):
    """PyTorch's message for sampling floats into an integer dtype."""
    if npd.kind not in "fc":
        from .api import _scalar_type_name

        raise NotImplementedError(f"\"{kernel}\" not implemented for '{_scalar_type_name(npd)}'")


def default_float():
    return DEFAULT_FLOAT[0]


# ---------------------------------------------------------------------- graph nodes
# Sampling is not differentiable: these nodes send zero gradients, as PyTorch's do.


class _ZeroGrad(Function):
    formula = "∂sample/∂parameter = 0 (sampling is not differentiable)"
    local = (Local(("0 (sampling is not differentiable)", "0（采样不可微）"), lambda x, o, k: 0.0),)

    @staticmethod
    def forward(ctx, *arrays, out=None):
        ctx.shapes = [np.shape(a) for a in arrays]
        return out

    @staticmethod
    def backward(ctx, g):
        return tuple(g * 0 for _ in ctx.shapes)


class NormalBackward1(_ZeroGrad):
    op, symbol = "normal", "normal"


class NormalBackward2(_ZeroGrad):
    op, symbol = "normal", "normal"


class NormalBackward3(_ZeroGrad):
    op, symbol = "normal", "normal"


class BernoulliBackward0(_ZeroGrad):
    op, symbol = "bernoulli", "bernoulli"


class UniformBackward0(_ZeroGrad):
    op, symbol = "uniform_", "uniform_"


class NormalBackward0(_ZeroGrad):
    op, symbol = "normal_", "normal_"


class BernoulliBackward1(_ZeroGrad):
    op, symbol = "bernoulli_", "bernoulli_"


class BernoulliBackward2(_ZeroGrad):
    op, symbol = "bernoulli_", "bernoulli_"


class RandomBackward0(_ZeroGrad):
    op, symbol = "random_", "random_"


class RandomBackward1(_ZeroGrad):
    op, symbol = "random_", "random_"


class RandomBackward2(_ZeroGrad):
    op, symbol = "random_", "random_"


class ExponentialBackward0(_ZeroGrad):
    op, symbol = "exponential_", "exponential_"


class GeometricBackward0(_ZeroGrad):
    op, symbol = "geometric_", "geometric_"


class CauchyBackward0(_ZeroGrad):
    op, symbol = "cauchy_", "cauchy_"


class LogNormalBackward0(_ZeroGrad):
    op, symbol = "log_normal_", "log_normal_"


# ---------------------------------------------------------------------- in-place sampling


def _fmt(v):
    v = float(v)
    return f"{v:g}"


def _inplace_sample(t, name, node_cls, sample, extra=()):
    """Write ``sample`` (an ndarray of ``t``'s shape and dtype) into ``t`` with PyTorch's
    in-place rules (a leaf that requires grad refuses; the version goes up; a tensor in a
    graph gets ``node_cls``, whose gradient is 0)."""
    from . import api as _api

    if extra:
        return _api.inplace(t, name, lambda old: node_cls.apply(old, *extra, out=sample), extra[0])
    return _api.inplace(t, name, lambda old: node_cls.apply(old, out=sample))


def _float_only(t, kernel):
    float_dtype_check(t._data.dtype, kernel)


def _draw_order(data, arr):
    """``arr`` (values in the order PyTorch draws them) laid out as ``data``: PyTorch's
    serial kernels walk a non-contiguous tensor in memory order (its dims sorted by
    stride), not in index order."""
    if data.flags.c_contiguous or data.size < 2:
        return arr
    offsets = np.zeros((), np.int64)
    for d, (n, st) in enumerate(zip(data.shape, data.strides, strict=True)):
        shape = [1] * data.ndim
        shape[d] = n
        offsets = offsets + (np.arange(n, dtype=np.int64) * st).reshape(shape)
    order = np.argsort(np.broadcast_to(offsets, data.shape).ravel(), kind="stable")
    out = np.empty(data.size, arr.dtype)
    out[order] = arr.ravel()
    return out.reshape(data.shape)


def uniform_(self, a=0.0, b=1.0, *, generator=None, **kw):
    a, b = kw.pop("from", a), kw.pop("to", b)
    if a.__class__ is not float or b.__class__ is not float:
        from .argtypes_shape import float_arg

        a, b = float_arg("uniform_", "from", a, 1), float_arg("uniform_", "to", b, 2)
    _float_only(self, "check_uniform_bounds")
    if a > b:
        raise RuntimeError(
            f"uniform_ expects to return a [from, to) range, but found from={_fmt(a)} > "
            f"to={_fmt(b)}"
        )
    rng = rng_of(generator, "uniform_")
    arr = _draw_order(self._data, rng.uniform_t(self._data.shape, self._data.dtype, a, b))
    return _inplace_sample(self, "uniform_", UniformBackward0, arr)


def normal_(self, mean=0.0, std=1.0, *, generator=None):
    if mean.__class__ is not float or std.__class__ is not float:
        from .argtypes_shape import float_arg

        mean, std = float_arg("normal_", "mean", mean, 1), float_arg("normal_", "std", std, 2)
    _float_only(self, "normal_kernel_cpu")
    if not std >= 0:
        raise RuntimeError(f"normal expects std >= 0.0, but found std {_fmt(std)}")
    rng = rng_of(generator, "normal_")
    data = self._data
    arr = rng.normal_t(data.shape, data.dtype, mean, std, data.flags.c_contiguous)
    return _inplace_sample(self, "normal_", NormalBackward0, _draw_order(data, arr))


def bernoulli_(self, p=0.5, *, generator=None):
    from .tensor import Tensor

    rng = rng_of(generator, "bernoulli_")
    if isinstance(p, Tensor):
        probs = p._data
        if ((probs < 0) | (probs > 1)).any():
            raise RuntimeError("bernoulli_ expects p to be in [0, 1], but got p=" + str(p))
        # PyTorch's tensor kernel: per element a uniform of p's dtype
        n = self._data.size
        u = rng.unit(n, probs.dtype if probs.dtype.kind == "f" else np.dtype(np.float64))
        arr = (u.reshape(self._data.shape) < probs).astype(self._data.dtype)
        return _inplace_sample(self, "bernoulli_", BernoulliBackward1, arr, (p,))
    if not 0 <= p <= 1:
        raise RuntimeError(f"bernoulli_ expects p to be in [0, 1], but got p={_fmt(p)}")
    arr = _draw_order(self._data, (rng.random(self._data.shape) < p).astype(self._data.dtype))
    return _inplace_sample(self, "bernoulli_", BernoulliBackward2, arr)


def random_(self, a=None, b=None, *, generator=None, **kw):
    a, b = kw.pop("from", a), kw.pop("to", b)
    rng = rng_of(generator, "random_")
    npd = self._data.dtype
    if a is not None and b is None:
        a, b, node = 0, a, RandomBackward1
    elif a is None:
        if npd.kind == "f":
            b = (1 << (np.finfo(npd).nmant + 1)) + 1
        elif npd.kind == "b":
            b = 2
        else:
            b = int(np.iinfo(npd).max) + 1
        # uniform_int_distribution: random64() for double and int64, else random()
        n = self._data.size
        draws = rng.u64(n) if npd in (np.float64, np.int64) else rng.u32(n)
        arr = (draws % np.uint64(b)).astype(npd).reshape(self._data.shape)
        return _inplace_sample(self, "random_", RandomBackward2, _draw_order(self._data, arr))
    else:
        node = RandomBackward0
    if a >= b:
        raise RuntimeError(
            f"random_ expects 'from' to be less than 'to', but got from={a} >= to={b}"
        )
    a, b = float_int_bounds(a, b, npd, 3)
    arr = rng.randint_t(a, b, self._data.shape).astype(npd)
    return _inplace_sample(self, "random_", node, _draw_order(self._data, arr))


def exponential_(self, lambd=1.0, *, generator=None):
    _float_only(self, "exponential_cpu")
    if not lambd > 0:
        raise RuntimeError(f"exponential_ expects lambda > 0.0, but found lambda={_fmt(lambd)}")
    rng = rng_of(generator, "exponential_")
    arr = rng.exponential(1.0 / lambd, self._data.shape).astype(self._data.dtype)
    return _inplace_sample(self, "exponential_", ExponentialBackward0, _draw_order(self._data, arr))


def geometric_(self, p, *, generator=None):
    """``Tensor.geometric_(p)``: PyTorch's ``ceil(log(u) / log1p(-p))`` (any real dtype)."""
    npd = self._data.dtype
    if npd.kind not in "fiu":
        raise NotImplementedError(f"\"geometric_cpu\" not implemented for '{_scalar_name(npd)}'")
    if not 0 < p < 1:
        raise RuntimeError(f"geometric_ expects p to be in (0, 1), but got p={_fmt(p)}")
    rng = rng_of(generator, "geometric_")
    arr = rng.geometric_t(self._data.shape, float(p)).astype(npd)
    return _inplace_sample(self, "geometric_", GeometricBackward0, _draw_order(self._data, arr))


def cauchy_(self, median=0.0, sigma=1.0, *, generator=None):
    """``Tensor.cauchy_(median, sigma)``: ``median + sigma * tan(pi * (u - 0.5))``."""
    npd = self._data.dtype
    if npd.kind != "f":
        raise RuntimeError(
            "Cauchy distribution is a continuous probability distribution. dtype must be a "
            f"floating point but you specified {_c_type_name(npd)}"
        )
    if not sigma > 0:
        raise RuntimeError(f"cauchy_ expects sigma > 0.0, but found sigma={_fmt(sigma)}")
    rng = rng_of(generator, "cauchy_")
    arr = rng.cauchy_t(self._data.shape, median, sigma).astype(npd)
    return _inplace_sample(self, "cauchy_", CauchyBackward0, _draw_order(self._data, arr))


def log_normal_(self, mean=1.0, std=2.0, *, generator=None):
    """``Tensor.log_normal_(mean, std)``: ``exp`` of PyTorch's double normal values."""
    npd = self._data.dtype
    if npd.kind != "f":
        raise NotImplementedError(f"\"log_normal_cpu\" not implemented for '{_scalar_name(npd)}'")
    if not std > 0:
        raise RuntimeError(f"log_normal_ expects std > 0.0, but found std={_fmt(std)}")
    rng = rng_of(generator, "log_normal_")
    arr = rng.log_normal_t(self._data.shape, mean, std).astype(npd)
    return _inplace_sample(self, "log_normal_", LogNormalBackward0, _draw_order(self._data, arr))


def memory_order(arr):
    """``None`` for a C-ordered array, else the permutation listing its dims from the
    largest stride down: the order in which PyTorch's ``empty_like`` (preserve_format)
    lays out a tensor like it, so that random fills (``rand_like``, dropout's mask) run
    over memory, not over the indices."""
    if arr.flags.c_contiguous or arr.ndim < 2:
        return None
    st = arr.strides
    perm = sorted(range(arr.ndim), key=lambda d: -abs(st[d]))
    return None if perm == list(range(arr.ndim)) else perm


def in_memory_order(fill, shape, perm):
    """``fill(shape')`` drawn in the order of ``perm`` (from ``memory_order``), returned as
    a view with ``shape``: the strides PyTorch's like-tensor has."""
    if perm is None:
        return fill(shape)
    out = fill(tuple(shape[d] for d in perm))
    return out.transpose(np.argsort(perm))


def dropout_noise(shape, p, npd, perm=None):
    """PyTorch's dropout noise ``empty_like(input).bernoulli_(1 - p).div_(1 - p)`` from the
    default generator (float16 divides as ATen does for reduced floats: times the float
    reciprocal); ``perm``: the input's memory order (``memory_order``)."""
    keep = in_memory_order(_rng[0].random, shape, perm) < 1 - p
    if npd == np.float16:
        return (keep.astype(np.float32) * (np.float32(1) / np.float32(1 - p))).astype(npd)
    return keep.astype(npd) / npd.type(1 - p)


def _scalar_name(npd):
    from .api import _scalar_type_name

    return _scalar_type_name(npd)


def _c_type_name(npd):
    """The C++ type name PyTorch's messages print (``long int``, ``int``, ``bool``...)."""
    return {
        "int64": "long int",
        "int32": "int",
        "int16": "short int",
        "int8": "signed char",
        "uint8": "unsigned char",
        "bool": "bool",
    }.get(np.dtype(npd).name, np.dtype(npd).name)


def _attach():
    from .tensor import Tensor

    for fn in (
        uniform_,
        normal_,
        bernoulli_,
        random_,
        exponential_,
        geometric_,
        cauchy_,
        log_normal_,
    ):
        if fn.__name__ not in Tensor.__dict__:
            setattr(Tensor, fn.__name__, fn)
    from . import random_more

    random_more.attach()


# ---------------------------------------------------------------------- *_like arguments
_LIKE_KW = ("memory_format", "dtype", "layout", "device", "pin_memory", "requires_grad")
_LIKE_TAIL = (
    "torch.memory_format memory_format = None, torch.dtype dtype = None, torch.layout layout "
    "= None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)"
)


def _like_sigs(heads):
    out = ""
    for head in heads:
        out += f" * ({head}, *, torch.Generator generator, {_LIKE_TAIL}\n"
        out += f" * ({head}, *, {_LIKE_TAIL}\n"
    return out


_LIKE_SIGS = _like_sigs(("Tensor input",))
_RANDINT_LIKE_SIGS = _like_sigs(
    ("Tensor input, int low, int high", "Tensor input, Tensor high", "Tensor input, int high")
)


def _type_name(v) -> str:
    if isinstance(v, Generator):
        return "torch._C.Generator"
    from .formats import layout, memory_format

    if isinstance(v, memory_format | layout):
        return f"torch.{type(v).__name__}"
    from .tensor import Tensor

    if isinstance(v, Tensor):
        return "Tensor"
    return type(v).__name__


def _invalid(name, args, kwargs, sigs):
    got = ", ".join(
        [_type_name(a) for a in args] + [f"{k}={_type_name(v)}" for k, v in kwargs.items()]
    )
    return TypeError(
        f"{name}() received an invalid combination of arguments - got ({got}), but expected "
        f"one of:\n{sigs}"
    )


def _formats_ok(kwargs) -> bool:
    """``memory_format=`` / ``layout=`` are ``torch.memory_format`` / ``torch.layout``."""
    from .formats import layout, memory_format

    mf, lo = kwargs.get("memory_format"), kwargs.get("layout")
    return (mf is None or isinstance(mf, memory_format)) and (lo is None or isinstance(lo, layout))


def like_args(name, input, args, kwargs):
    """PyTorch's argument checks of ``rand_like`` / ``randn_like``: ``(input, *,
    generator, memory_format, dtype, layout, device, pin_memory, requires_grad)``.
    Returns the numpy Generator to draw from."""
    from .tensor import Tensor

    if not isinstance(input, Tensor):
        raise TypeError(
            f"{name}(): argument 'input' (position 1) must be Tensor, not {type(input).__name__}"
        )
    gen = kwargs.get("generator")
    if (
        args
        or any(k not in _LIKE_KW and k != "generator" for k in kwargs)
        or not (gen is None or isinstance(gen, Generator))
        or not _formats_ok(kwargs)
    ):
        raise _invalid(name, (input, *args), kwargs, _LIKE_SIGS)
    return rng_of(gen, name)


def randint_like_args(input, args, kwargs):
    """PyTorch's overloads of ``randint_like``: ``(input, low, high)``, ``(input, high)``
    (an int, or a 0-d tensor); ``low``/``high`` by position or by name.  Returns
    ``(low, high, numpy Generator)``."""
    from .tensor import Tensor

    name = "randint_like"
    if not isinstance(input, Tensor):
        raise TypeError(
            f"randint_like(): argument 'input' (position 1) must be Tensor, not "
            f"{type(input).__name__}"
        )
    bad = _invalid(name, (input, *args), kwargs, _RANDINT_LIKE_SIGS)
    gen = kwargs.get("generator")
    if (
        any(k not in _LIKE_KW and k not in ("generator", "low", "high") for k in kwargs)
        or not (gen is None or isinstance(gen, Generator))
        or not _formats_ok(kwargs)
    ):
        raise bad
    named = [k for k in ("low", "high") if k in kwargs]
    values = list(args) + [kwargs[k] for k in named]
    if len(args) == 2 and not named:
        low, high = args
    elif len(args) == 1 and not named:
        low, high = 0, args[0]
    elif not args and named == ["high"]:
        low, high = 0, kwargs["high"]
    elif not args and named == ["low", "high"]:
        low, high = kwargs["low"], kwargs["high"]
    elif len(args) == 1 and named == ["high"]:
        low, high = args[0], kwargs["high"]
    else:
        raise bad
    for v in values:
        if isinstance(v, bool) or not isinstance(v, numbers.Integral | Tensor):
            raise bad
        if isinstance(v, Tensor) and v._data.ndim:
            raise RuntimeError("high must be a scalar tensor and on CPU")
    low = int(low._data) if isinstance(low, Tensor) else int(low)
    high = int(high._data) if isinstance(high, Tensor) else int(high)
    if low >= high:
        raise RuntimeError(
            f"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}"
        )
    return low, high, rng_of(gen, name)
