"""``torch.nn.init``: fill a tensor in place (under ``no_grad``) and return it.

The random ones draw from the engine's generator (``torch.manual_seed``); the
distributions, bounds and standard deviations are PyTorch's.
"""

from __future__ import annotations

import math
import warnings

import numpy as np

from ..engine import creation
from ..engine.argtypes_shape import float_arg
from ..engine.tensor import Tensor

__all__ = [
    "calculate_gain",
    "constant_",
    "dirac_",
    "eye_",
    "kaiming_normal_",
    "kaiming_uniform_",
    "normal_",
    "ones_",
    "orthogonal_",
    "sparse_",
    "trunc_normal_",
    "uniform_",
    "xavier_normal_",
    "xavier_uniform_",
    "zeros_",
]


def calculate_gain(nonlinearity, param=None):
    """The recommended gain for ``nonlinearity`` (PyTorch's table)."""
    linear_fns = [
        "linear",
        "conv1d",
        "conv2d",
        "conv3d",
        "conv_transpose1d",
        "conv_transpose2d",
        "conv_transpose3d",
    ]
    if nonlinearity in linear_fns or nonlinearity == "sigmoid":
        return 1
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        if param is None:
            negative_slope = 0.01
        elif (not isinstance(param, bool) and isinstance(param, int)) or isinstance(param, float):
            negative_slope = param
        else:
            raise ValueError(f"negative_slope {param} not a valid number")
        return math.sqrt(2.0 / (1 + negative_slope**2))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise ValueError(f"Unsupported nonlinearity {nonlinearity}")


def _fill(tensor, arr):
    data = tensor._data
    data[...] = np.asarray(arr, dtype=data.dtype)
    tensor._vbox[0] += 1
    return tensor


def _rng():
    return creation._rng[0]


def _stream(generator):
    from ..engine.random import rng_of

    return rng_of(generator, "init")


def uniform_(tensor, a=0.0, b=1.0, generator=None):
    a, b = float_arg("uniform_", "from", a, 1), float_arg("uniform_", "to", b, 2)
    if a > b:
        raise RuntimeError(
            f"uniform_ expects to return a [from, to) range, but found from={a:g} > to={b:g}"
        )
    data = tensor._data
    return _fill(tensor, _stream(generator).uniform_t(data.shape, data.dtype, a, b))


def normal_(tensor, mean=0.0, std=1.0, generator=None):
    mean, std = float_arg("normal_", "mean", mean, 1), float_arg("normal_", "std", std, 2)
    if not std >= 0:
        raise RuntimeError(f"normal expects std >= 0.0, but found std {float(std):g}")
    data = tensor._data
    return _fill(tensor, _stream(generator).normal_t(data.shape, data.dtype, mean, std))


def trunc_normal_(tensor, mean=0.0, std=1.0, a=-2.0, b=2.0, generator=None):
    """PyTorch 2.13's sampler: when ``[a, b]`` holds more than 0.3 of the normal's mass,
    whole-tensor ``normal_(mean, std)`` draws, the values outside ``[a, b]`` replaced from
    the next whole draw until none is left; otherwise uniforms on ``[a, b]`` accepted where
    ``log(u) <= log_pdf - log_peak`` (the whole tensor redrawn each round)."""
    if (mean < a - 2 * std) or (mean > b + 2 * std):
        warnings.warn(
            "mean is more than 2 std from [a, b] in nn.init.trunc_normal_. "
            "The distribution of values may be incorrect.",
            stacklevel=2,
        )
    data = tensor._data
    shape, npd = data.shape, data.dtype
    rng = _stream(generator)

    def norm_cdf(x):
        return (1.0 + math.erf(x / math.sqrt(2.0))) / 2.0

    if norm_cdf((b - mean) / std) - norm_cdf((a - mean) / std) > 0.3:
        lo, hi = npd.type(a), npd.type(b)
        result = rng.normal_t(shape, npd, mean, std)
        while True:
            mask = (result < lo) | (result > hi)
            if not mask.any():
                break
            result = np.where(mask, rng.normal_t(shape, npd, mean, std), result)
        return _fill(tensor, result)
    if a > b:
        raise RuntimeError(
            f"uniform_ expects to return a [from, to) range, but found from={a} > to={b}"
        )
    mode = max(a, min(mean, b))
    log_peak = -0.5 * ((mode - mean) / std) ** 2
    # each in-place op in the tensor's dtype, with its Python scalar in the op's math type
    # (float for float16, which also divides by multiplying with the float reciprocal)
    op = np.dtype(np.float32) if npd == np.float16 else npd
    m, lp, half = op.type(mean), op.type(log_peak), op.type(-0.5)
    inv = op.type(1) / op.type(std)

    def log_pdf(x):  # candidates.sub_(mean).div_(std).pow_(2).mul_(-0.5).sub_(log_peak)
        if op is npd:
            z = (x - m) / op.type(std)
            return z * z * half - lp
        z = (x.astype(op) - m).astype(npd)
        z = (z.astype(op) * inv).astype(npd)
        z = (z.astype(op) * z).astype(npd)
        z = (z.astype(op) * half).astype(npd)
        return (z.astype(op) - lp).astype(npd)

    def log_u():  # accept_buf.uniform_().log_()
        return np.log(rng.uniform_t(shape, npd).astype(np.float64)).astype(npd)

    result = rng.uniform_t(shape, npd, a, b)
    pending = log_u() > log_pdf(result)
    while pending.any():
        cand = rng.uniform_t(shape, npd, a, b)
        result = np.where(pending, cand, result)
        pending = pending & (log_u() > log_pdf(cand))
    return _fill(tensor, result)


def constant_(tensor, val):
    if val.__class__ is not float and val.__class__ is not int:
        from ..engine import argtypes

        argtypes.check_call("fill_", (val,), {})  # PyTorch's tensor.fill_(val) errors
        if type(val) is complex and tensor._data.dtype.kind != "c":
            from ..engine.creation import complex_to_real_error

            raise complex_to_real_error(tensor._data.dtype)
    return _fill(tensor, val)


def ones_(tensor):
    return _fill(tensor, 1)


def zeros_(tensor):
    return _fill(tensor, 0)


def eye_(tensor):
    if tensor.dim() != 2:
        raise ValueError("Only tensors with 2 dimensions are supported")
    return _fill(tensor, np.eye(*tensor._data.shape))


def _calculate_fan_in_and_fan_out(tensor):
    dimensions = tensor.dim()
    if dimensions < 2:
        raise ValueError(
            "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions"
        )
    shape = tensor._data.shape
    receptive = int(np.prod(shape[2:])) if dimensions > 2 else 1
    return shape[1] * receptive, shape[0] * receptive


def _calculate_correct_fan(tensor, mode):
    mode = mode.lower()
    valid_modes = ["fan_in", "fan_out"]
    if mode not in valid_modes:
        raise ValueError(f"Mode {mode} not supported, please use one of {valid_modes}")
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    return fan_in if mode == "fan_in" else fan_out


def xavier_uniform_(tensor, gain=1.0, generator=None):
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    std = gain * math.sqrt(2.0 / float(fan_in + fan_out))
    a = math.sqrt(3.0) * std
    return uniform_(tensor, -a, a, generator)


def xavier_normal_(tensor, gain=1.0, generator=None):
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    std = gain * math.sqrt(2.0 / float(fan_in + fan_out))
    return normal_(tensor, 0.0, std, generator)


def kaiming_uniform_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    if 0 in tensor._data.shape:
        warnings.warn("Initializing zero-element tensors is a no-op", stacklevel=2)
        return tensor
    fan = _calculate_correct_fan(tensor, mode)
    gain = calculate_gain(nonlinearity, a)
    std = gain / math.sqrt(fan)
    bound = math.sqrt(3.0) * std
    return uniform_(tensor, -bound, bound, generator)


def kaiming_normal_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    if 0 in tensor._data.shape:
        warnings.warn("Initializing zero-element tensors is a no-op", stacklevel=2)
        return tensor
    fan = _calculate_correct_fan(tensor, mode)
    gain = calculate_gain(nonlinearity, a)
    std = gain / math.sqrt(fan)
    return normal_(tensor, 0.0, std, generator)


from .init_more import dirac_, orthogonal_, sparse_  # noqa: E402

#: the first Tensor attribute PyTorch's init function uses (a non-tensor fails there)
_FIRST_ATTR = {
    "zeros_": "zero_",
    "ones_": "fill_",
    "constant_": "fill_",
    "uniform_": "uniform_",
    "normal_": "normal_",
    "kaiming_normal_": "shape",
    "kaiming_uniform_": "shape",
    "trunc_normal_": "is_meta",
    "eye_": "ndimension",
    "dirac_": "ndimension",
    "orthogonal_": "ndimension",
    "sparse_": "ndimension",
}


def _check(fn):
    attr = _FIRST_ATTR.get(fn.__name__, "dim")

    def wrapped(tensor, *args, **kwargs):
        if not isinstance(tensor, Tensor):
            from ..engine.argtypes_shape import tp_name

            what = attr if not hasattr(tensor, attr) else "dim"
            raise AttributeError(f"'{tp_name(tensor)}' object has no attribute '{what}'")
        return fn(tensor, *args, **kwargs)

    wrapped.__name__ = fn.__name__
    wrapped.__doc__ = fn.__doc__
    return wrapped


for _name in __all__:
    if _name.endswith("_"):
        globals()[_name] = _check(globals()[_name])
del _name

from .init_more import _make_deprecate  # noqa: E402

uniform = _make_deprecate(uniform_)
normal = _make_deprecate(normal_)
constant = _make_deprecate(constant_)
eye = _make_deprecate(eye_)
dirac = _make_deprecate(dirac_)
xavier_uniform = _make_deprecate(xavier_uniform_)
xavier_normal = _make_deprecate(xavier_normal_)
kaiming_uniform = _make_deprecate(kaiming_uniform_)
kaiming_normal = _make_deprecate(kaiming_normal_)
orthogonal = _make_deprecate(orthogonal_)
sparse = _make_deprecate(sparse_)


# (a missing name fails as in PyTorch: "module 'torch.nn.init' has no attribute ...")
from .._torch_alias import missing_attribute as _missing_attribute  # noqa: E402

__getattr__ = _missing_attribute("torch.nn.init")
