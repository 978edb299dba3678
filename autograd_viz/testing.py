"""``torch.testing.assert_close`` (and the deprecated ``assert_allclose``): the checks and the
messages of PyTorch 2.13's ``torch/testing/_comparison.py`` for what a CPU has (tensors,
numpy arrays, Python and numpy numbers and booleans, None, nested sequences and mappings).

A tutorial's ``torch.testing.assert_close(mine, expected)`` fails here with PyTorch's words:
"Tensor-likes are not close!", the mismatched count, the greatest absolute and relative
differences and where they are.
"""

from __future__ import annotations

import collections.abc
import contextlib
import warnings

import numpy as np

from .engine import dtypes as _dt
from .engine.api_compat import promote_types as _promote_types
from .engine.tensor import Tensor

_PRECISIONS = {"float16": (0.001, 1e-5), "float32": (1.3e-6, 1e-5), "float64": (1e-7, 1e-7)}
_NUMBER_DTYPE = {int: "int64", float: "float64"}


class _Fail(Exception):
    """A mismatch: the exception type and message to raise, and the item it is for."""

    def __init__(self, etype, msg, id=()):
        super().__init__(msg)
        self.etype, self.msg, self.id = etype, msg, id

    def to_error(self, msg=None):
        if not isinstance(msg, str):
            generated = self.msg
            if self.id:
                where = "".join(str([item]) for item in self.id)
                generated += f"\n\nThe failure occurred for item {where}"
            msg = msg(generated) if callable(msg) else generated
        return self.etype(msg)


class _Unsupported(Exception):
    pass


def _tolerances(names, rtol, atol, id):
    if (rtol is None) ^ (atol is None):
        raise _Fail(
            ValueError,
            "Both 'rtol' and 'atol' must be either specified or omitted, "
            f"but got no {'rtol' if rtol is None else 'atol'}.",
            id,
        )
    if rtol is not None:
        return rtol, atol
    pairs = [_PRECISIONS.get(n, (0.0, 0.0)) for n in names]
    return max(p[0] for p in pairs), max(p[1] for p in pairs)


def _diff_msg(kind, diff, idx, tol, equality):
    msg = (
        f"{kind.title()} difference: {diff}"
        if idx is None
        else (f"Greatest {kind} difference: {diff} at index {idx}")
    )
    return msg + ("" if equality else f" (up to {tol} allowed)") + "\n"


def _mismatch_msg(default_identifier, extra, abs_diff, abs_idx, atol, rel_diff, rel_idx, rtol):
    equality = rtol == 0 and atol == 0
    msg = f"{default_identifier} are not {'equal' if equality else 'close'}!\n\n"
    if extra:
        msg += f"{extra.strip()}\n"
    msg += _diff_msg("absolute", abs_diff, abs_idx, atol, equality)
    msg += _diff_msg("relative", rel_diff, rel_idx, rtol, equality)
    return msg.strip()


def _scalar_msg(actual, expected, rtol, atol):
    abs_diff = abs(actual - expected)
    rel_diff = float("inf") if expected == 0 else abs_diff / abs(expected)
    return _mismatch_msg(
        "Scalars",
        f"Expected {expected} but got {actual}.",
        abs_diff,
        None,
        atol,
        rel_diff,
        None,
        rtol,
    )


def _compare_none(actual, expected, id, **_):
    if not (actual is None and expected is None):
        raise _Fail(AssertionError, f"None mismatch: {actual} is not {expected}", id)


def _compare_bool(actual, expected, id, **_):
    a, e = bool(actual), bool(expected)
    if a is not e:
        raise _Fail(AssertionError, f"Booleans mismatch: {a} is not {e}", id)


def _compare_number(
    actual, expected, id, rtol=None, atol=None, equal_nan=False, check_dtype=True, **_
):
    a, e = _py_number(actual), _py_number(expected)
    rtol, atol = _tolerances(_number_names(a, e), rtol, atol, id)
    if check_dtype and type(a) is not type(e):
        raise _Fail(AssertionError, f"The (d)types do not match: {type(a)} != {type(e)}.", id)
    if a == e:
        return
    if equal_nan and a != a and e != e:
        return
    abs_diff = abs(a - e)
    if np.isfinite(abs_diff) and abs_diff <= atol + rtol * abs(e):
        return
    raise _Fail(AssertionError, _scalar_msg(a, e, rtol, atol), id)


def _as_tensor(x):
    if isinstance(x, Tensor):
        return x
    from .engine import creation

    try:
        return creation.as_tensor(x)
    except Exception:
        raise _Unsupported from None


def _compare_tensors(
    actual,
    expected,
    id,
    rtol=None,
    atol=None,
    equal_nan=False,
    check_device=True,
    check_dtype=True,
    **_,
):
    a, e = _as_tensor(actual), _as_tensor(expected)
    rtol, atol = _tolerances(_tensor_names(a, e), rtol, atol, id)

    def attr(name, x, y):
        raise _Fail(
            AssertionError, f"The values for attribute '{name}' do not match: {x} != {y}.", id
        )

    if a.shape != e.shape:
        attr("shape", a.shape, e.shape)
    if check_device and a.device != e.device:
        attr("device", a.device, e.device)
    if check_dtype and a.dtype != e.dtype:
        attr("dtype", a.dtype, e.dtype)
    ad, ed = a.detach()._data, e.detach()._data
    if ad.dtype != ed.dtype:  # promote to a common dtype (unsigned as int64), as PyTorch
        da = _dt.int64 if ad.dtype.kind == "u" and ad.itemsize > 1 else a.dtype
        de = _dt.int64 if ed.dtype.kind == "u" and ed.itemsize > 1 else e.dtype
        common = _promote_types(da, de)
        ad, ed = a.detach().to(common)._data, e.detach().to(common)._data
    floating = ad.dtype.kind == "f"
    with np.errstate(all="ignore"):
        if floating:
            tol = atol + rtol * np.abs(ed)
            close = (ad == ed) | (np.isfinite(ad) & np.isfinite(ed) & (np.abs(ad - ed) <= tol))
            if equal_nan:
                close |= np.isnan(ad) & np.isnan(ed)
        else:
            ai, ei = ad.astype(np.int64), ed.astype(np.int64)
            close = np.abs(ai - ei) <= atol + rtol * np.abs(ei)
        if close.all():
            return
        if not ad.shape:
            av, ev = ad.item(), ed.item()
            raise _Fail(AssertionError, _scalar_msg(av, ev, rtol, atol), id)
        n = close.size
        bad = n - int(close.sum())
        extra = f"Mismatched elements: {bad} / {n} ({bad / n:.1%})"
        af, ef, mf = ad.reshape(-1), ed.reshape(-1), close.reshape(-1)
        if not floating:
            af, ef = af.astype(np.int64), ef.astype(np.int64)
        abs_diff = np.abs(af - ef)
        abs_diff[mf] = 0
        rel_diff = abs_diff / np.abs(ef)
        if not floating:  # (int64 / int64: PyTorch's true division gives float32)
            rel_diff = rel_diff.astype(np.float32)
        rel_diff[mf] = 0
        ia, ir = _argmax(abs_diff), _argmax(rel_diff)
        shape = close.shape
        raise _Fail(
            AssertionError,
            _mismatch_msg(
                "Tensor-likes",
                extra,
                abs_diff[ia].item(),
                tuple(int(i) for i in np.unravel_index(ia, shape)),
                atol,
                rel_diff[ir].item(),
                tuple(int(i) for i in np.unravel_index(ir, shape)),
                rtol,
            ),
            id,
        )


def _argmax(a):
    """``torch.max(a, 0)``'s index: the first NaN if any, else the first maximum."""
    if a.dtype.kind == "f":
        nans = np.flatnonzero(np.isnan(a))
        if nans.size:
            return int(nans[0])
    return int(np.argmax(a))


def _pairs(actual, expected, id, options):
    """Each leaf pair of the (nested) inputs with its id, as ``originate_pairs``."""
    seq = collections.abc.Sequence
    if (
        isinstance(actual, seq)
        and not isinstance(actual, str)
        and isinstance(expected, seq)
        and not isinstance(expected, str)
    ):
        if len(actual) != len(expected):
            raise _Fail(
                AssertionError,
                f"The length of the sequences mismatch: {len(actual)} != {len(expected)}",
                id,
            )
        for i in range(len(actual)):
            yield from _pairs(actual[i], expected[i], (*id, i), options)
        return
    mapping = collections.abc.Mapping
    if isinstance(actual, mapping) and isinstance(expected, mapping):
        ak, ek = set(actual.keys()), set(expected.keys())
        if ak != ek:
            raise _Fail(
                AssertionError,
                "The keys of the mappings do not match:\n"
                f"Missing keys in the actual mapping: {sorted(ek - ak)}\n"
                f"Additional keys in the actual mapping: {sorted(ak - ek)}",
                id,
            )
        keys = ak
        with contextlib.suppress(Exception):
            keys = sorted(keys)
        for k in keys:
            yield from _pairs(actual[k], expected[k], (*id, k), options)
        return
    yield actual, expected, id


def assert_close(
    actual,
    expected,
    *,
    allow_subclasses=True,
    rtol=None,
    atol=None,
    equal_nan=False,
    check_device=True,
    check_dtype=True,
    check_layout=True,
    check_stride=False,
    msg=None,
):
    """Asserts that ``actual`` and ``expected`` are close (PyTorch's rules and messages)."""
    __tracebackhide__ = True
    options = dict(
        allow_subclasses=allow_subclasses,
        rtol=rtol,
        atol=atol,
        equal_nan=equal_nan,
        check_device=check_device,
        check_dtype=check_dtype,
    )
    try:
        leaves = list(_pairs(actual, expected, (), options))
    except _Fail as f:
        raise f.to_error() from None
    # every pair is formed (or fails to form) before any is compared, as PyTorch
    checks = []
    try:
        for a, e, id in leaves:
            for pair in _PAIRS:
                try:
                    _probe(pair, a, e, id, options)
                except _Unsupported:
                    continue
                checks.append((pair[2], a, e, id))
                break
            else:
                raise _Fail(
                    TypeError,
                    "No comparison pair was able to handle inputs of type "
                    f"{type(a)} and {type(e)}.",
                    id,
                )
    except _Fail as f:
        raise f.to_error() from None
    for compare, a, e, id in checks:
        try:
            compare(a, e, id, **options)
        except _Fail as f:
            raise f.to_error(msg) from None


def _py_number(x):
    return x.item() if isinstance(x, np.number) else x


def _number_names(a, e):
    return [_NUMBER_DTYPE.get(type(_py_number(v)), "") for v in (a, e)]


def _tensor_names(a, e):
    return [str(_as_tensor(v).dtype)[6:] for v in (a, e)]


_NUMBERS = int | float | complex | np.number


def _takes_tensors(a, e, options):
    return (
        (isinstance(a, type(e)) or isinstance(e, type(a)))
        and isinstance(a, Tensor | np.ndarray)
        and (options["allow_subclasses"] or type(a) is type(e))
    )


#: PyTorch's pair types in the order it tries them: (takes these inputs?, the dtype names
#: their default tolerances come from, the comparison)
_PAIRS = (
    (lambda a, e, o: a is None or e is None, None, _compare_none),
    (
        lambda a, e, o: isinstance(a, bool | np.bool_) and isinstance(e, bool | np.bool_),
        None,
        _compare_bool,
    ),
    (
        lambda a, e, o: (
            isinstance(a, _NUMBERS)
            and isinstance(e, _NUMBERS)
            and not isinstance(a, bool)  # (a bool with a number: no pair)
            and not isinstance(e, bool)
        ),
        _number_names,
        _compare_number,
    ),
    (_takes_tensors, _tensor_names, _compare_tensors),
)


def _probe(pair, a, e, id, options):
    """Raise ``_Unsupported`` when ``pair`` cannot take these inputs; PyTorch's tolerance
    error when only one of rtol / atol was given."""
    takes, names, _ = pair
    if not takes(a, e, options):
        raise _Unsupported
    if names is not None:
        _tolerances(names(a, e), options["rtol"], options["atol"], id)


def assert_allclose(actual, expected, rtol=None, atol=None, equal_nan=True, msg=""):
    """Deprecated in PyTorch 1.12; kept, with its FutureWarning and its looser tolerances."""
    warnings.warn(
        "`torch.testing.assert_allclose()` is deprecated since 1.12 and will be removed in a "
        "future release. Please use `torch.testing.assert_close()` instead. You can find "
        "detailed upgrade instructions in https://github.com/pytorch/pytorch/issues/61844.",
        FutureWarning,
        stacklevel=2,
    )
    from .engine import creation

    if not isinstance(actual, Tensor):
        actual = creation.tensor(actual)
    if not isinstance(expected, Tensor):
        expected = creation.tensor(expected, dtype=actual.dtype)
    if rtol is None and atol is None:
        loose = {"float16": (1e-3, 1e-3), "float32": (1e-4, 1e-5), "float64": (1e-5, 1e-8)}
        pairs = [loose.get(str(t.dtype)[6:], (0.0, 0.0)) for t in (actual, expected)]
        rtol, atol = max(p[0] for p in pairs), max(p[1] for p in pairs)
    assert_close(
        actual,
        expected,
        rtol=rtol,
        atol=atol,
        equal_nan=equal_nan,
        check_device=True,
        check_dtype=False,
        check_stride=False,
        msg=msg or None,
    )
