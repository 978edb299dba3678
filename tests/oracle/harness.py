"""Run an oracle program and collect JSON-able observations.

A program (``tests/oracle/programs/*.py``) is plain PyTorch user code. It is executed with
these names injected into its globals:

``torch``, ``nn``, ``F``, ``optim``   the library under test (real torch or autograd_viz)
``check(name, value)``                record an observation
``raises(name, fn)``                  call ``fn()``; record the exception type name and message
``graph(t_or_node)``                  the nested ``next_functions`` structure of a grad_fn

The same program is run once under real PyTorch (``make_fixtures.py``, writing
``fixtures/<program>.json``) and once under autograd_viz (``test_vs_torch.py``); the two
observation dicts are compared by ``compare()``.

This module must not import torch: the library is always passed in.
"""

from __future__ import annotations

import ast
import contextlib
import io
import math
import re
import sys
import traceback
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROGRAMS = HERE / "programs"
FIXTURES = HERE / "fixtures"

_ADDR = re.compile(r"0x[0-9a-fA-F]+")
MAX_GRAPH_NODES = 60


def norm_str(s: str) -> str:
    """Replace memory addresses (``0x7f...``) by ``0xADDR``."""
    return _ADDR.sub("0xADDR", s)


def _float(x: float):
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def _clean_values(v):
    """Make nested lists from tolist() JSON-safe (nan/inf as strings)."""
    if isinstance(v, list):
        return [_clean_values(x) for x in v]
    if isinstance(v, (bool, int)):
        return v
    if isinstance(v, float):
        return _float(v)
    if isinstance(v, complex):  # not expected; keep it readable
        return [_float(v.real), _float(v.imag)]
    return v


class Serialized:
    """A value already in serialized form (what ``graph()`` returns)."""

    __slots__ = ("rec",)

    def __init__(self, rec):
        self.rec = rec

    def __repr__(self):
        return f"Serialized({self.rec!r})"


class Serializer:
    def __init__(self, lib):
        self.lib = lib
        self.Tensor = getattr(lib, "Tensor", None)

    # -- graph -----------------------------------------------------------
    def node(self, fn, budget=None):
        """Nested structure of a grad_fn: {"cls", "name", "next": [[node|None, idx], ...]}."""
        if budget is None:
            budget = [MAX_GRAPH_NODES]
        if fn is None:
            return None
        budget[0] -= 1
        out = {"type": "node", "cls": type(fn).__name__}
        try:
            out["name"] = fn.name()
        except Exception as e:  # engine may lack name()
            out["name"] = f"<error {type(e).__name__}: {e}>"
        if budget[0] <= 0:
            out["next"] = "..."
            return out
        try:
            nxt = fn.next_functions
        except Exception as e:
            out["next"] = f"<error {type(e).__name__}: {e}>"
            return out
        try:
            out["next"] = [[self.node(f, budget), int(i)] for f, i in nxt]
        except Exception as e:
            out["next"] = f"<error {type(e).__name__}: {e}>"
        return out

    # -- values ------------------------------------------------------------
    def tensor(self, t):
        out = {"type": "tensor", "cls": type(t).__name__}
        out["dtype"] = str(t.dtype)
        out["shape"] = [int(s) for s in t.shape]
        try:
            out["values"] = _clean_values(t.detach().tolist())
        except Exception as e:
            out["values"] = f"<error {type(e).__name__}: {e}>"
        out["requires_grad"] = bool(t.requires_grad)
        out["is_leaf"] = bool(t.is_leaf)
        gf = t.grad_fn
        out["grad_fn"] = None if gf is None else type(gf).__name__
        return out

    def value(self, v):
        if isinstance(v, Serialized):
            return v.rec
        if v is None:
            return {"type": "None"}
        if isinstance(v, bool):
            return {"type": "bool", "value": v}
        if isinstance(v, int):
            return {"type": "int", "value": int(v)}
        if isinstance(v, float):
            return {"type": "float", "value": _float(v)}
        if isinstance(v, str):
            return {"type": "str", "value": norm_str(v)}
        if self.Tensor is not None and isinstance(v, self.Tensor):
            return self.tensor(v)
        tname = type(v).__name__
        if tname == "Size" and isinstance(v, tuple):
            return {"type": "Size", "value": [int(s) for s in v], "repr": repr(v)}
        if tname == "dtype":
            return {"type": "dtype", "repr": repr(v)}
        if hasattr(v, "next_functions") and callable(getattr(v, "name", None)):
            return self.node(v)
        if type(v).__module__ == "numpy" or tname == "ndarray":
            import numpy as np

            if isinstance(v, np.ndarray):
                return {
                    "type": "ndarray",
                    "dtype": str(v.dtype),
                    "shape": list(v.shape),
                    "values": _clean_values(v.tolist()),
                }
            if isinstance(v, np.generic):
                return {"type": "npscalar", "dtype": str(v.dtype), "value": _clean_values(v.item())}
        if isinstance(v, (list, tuple)):
            # torch.return_types.* are tuples too: compared as tuples
            kind = "list" if isinstance(v, list) else "tuple"
            return {"type": kind, "items": [self.value(x) for x in v]}
        if isinstance(v, dict):
            return {"type": "dict", "items": [[str(k), self.value(x)] for k, x in v.items()]}
        if isinstance(v, BaseException):
            return {"type": "error", "exc_type": type(v).__name__, "message": norm_str(str(v))}
        return {"type": "object", "cls": tname, "repr": norm_str(repr(v))}


def run_program(path, lib, nn=None, F=None, optim=None) -> dict:
    """Execute one program file against ``lib``; return {"observations": {...}, "order": [...]}."""
    path = Path(path)
    ser = Serializer(lib)
    obs: dict[str, dict] = {}
    order: list[str] = []

    def _add(name, record):
        name = str(name)
        if name in obs:  # make repeated names unique, deterministically
            k = 2
            while f"{name}#{k}" in obs:
                k += 1
            name = f"{name}#{k}"
        obs[name] = record
        order.append(name)

    def check(name, value):
        try:
            rec = ser.value(value)
        except Exception as e:  # serializing failed: record that, keep going
            rec = {"type": "serialize-error", "exc_type": type(e).__name__, "message": str(e)}
        _add(name, rec)
        return value

    def raises(name, fn, key=None):
        """``key``: compare only this phrase of the message (recorded instead of the whole
        message when the message contains it), for messages that name PyTorch internals."""
        try:
            ret = fn()
        except Exception as e:
            msg = norm_str(str(e))
            rec = {"type": "error", "exc_type": type(e).__name__, "message": msg}
            if key is not None and key in msg:
                rec["message"], rec["key"] = key, True
            _add(name, rec)
            return e
        try:
            got = ser.value(ret)
        except Exception:
            got = {"type": "object", "repr": "<unserializable>"}
        _add(name, {"type": "error", "exc_type": None, "message": None, "returned": got})
        return None

    section_errors: list[dict] = []

    class section:
        """Isolate a part of a program: an exception inside is recorded and the program goes on
        after the ``with`` block (its unrecorded observations then fail with that error)."""

        def __init__(self, name):
            self.name = str(name)

        def __enter__(self):
            return self

        def __exit__(self, et, e, tb):
            if e is None or not isinstance(e, Exception):
                return False
            section_errors.append(_describe_exc(e, path, src, self.name, len(order)))
            return True

    def graph(x):
        gf = x.grad_fn if (ser.Tensor is not None and isinstance(x, ser.Tensor)) else x
        if gf is None:
            return Serialized({"type": "None"})
        return Serialized(ser.node(gf))

    g = {
        "__name__": "__oracle_program__",
        "__file__": str(path),
        "torch": lib,
        "nn": nn,
        "F": F,
        "optim": optim,
        "check": check,
        "raises": raises,
        "graph": graph,
        "section": section,
    }
    src = path.read_text(encoding="utf-8")
    buf = io.StringIO()
    crash = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with contextlib.redirect_stdout(buf):
            # Top-level statements run one by one: an exception in one is recorded and the
            # program goes on with the next (under PyTorch nothing raises, so this changes
            # nothing there; under autograd_viz one missing feature does not hide the rest).
            try:
                tree = ast.parse(src, str(path))
            except SyntaxError as e:
                tree = None
                crash = _describe_exc(e, path, src, None, 0)
            for stmt in tree.body if tree is not None else []:
                try:
                    code = compile(ast.Module(body=[stmt], type_ignores=[]), str(path), "exec")
                    exec(code, g)
                except BaseException as e:
                    if isinstance(e, (KeyboardInterrupt, SystemExit)):
                        raise
                    err = _describe_exc(e, path, src, None, len(order))
                    section_errors.append(err)
                    if crash is None:
                        crash = err
    # restore grad mode in case a program left it off
    with contextlib.suppress(Exception):
        lib.set_grad_enabled(True)
    return {
        "observations": obs,
        "order": order,
        "stdout": norm_str(buf.getvalue()),
        "crash": crash,
        "section_errors": section_errors,
    }


def _describe_exc(e, path, src, section_name, n_recorded):
    tb = traceback.extract_tb(e.__traceback__)
    line = None
    for fr in tb:
        if fr.filename == str(path):
            line = fr.lineno
    return {
        "exc_type": type(e).__name__,
        "message": norm_str(str(e)),
        "line": line,
        "source": src.splitlines()[line - 1].strip() if line else None,
        "section": section_name,
        "at": n_recorded,  # observations recorded before the error
        "traceback": "".join(traceback.format_exception(e))[-3000:],
    }


def error_for_missing(expected_order, res, name):
    """The exception most likely to have prevented observation ``name`` from being recorded."""
    errors = list(res.get("section_errors") or [])
    if res.get("crash") and res["crash"] not in errors:
        errors.append(res["crash"])
    if not errors:
        return None
    pos = {n: i for i, n in enumerate(res["order"])}
    i = expected_order.index(name)
    start = 0
    for prev in reversed(expected_order[:i]):
        if prev in pos:
            start = pos[prev] + 1
            break
    for err in errors:
        if err["at"] >= start:
            return err
    return errors[-1]


# ----------------------------------------------------------------------------- comparison

TOL = {
    "torch.float32": (1e-5, 1e-6),
    "torch.float16": (1e-3, 1e-3),
    "torch.bfloat16": (1e-2, 1e-2),
    "torch.float64": (1e-9, 1e-12),
    "float32": (1e-5, 1e-6),
    "float64": (1e-9, 1e-12),
}
PY_FLOAT_TOL = (1e-5, 1e-6)  # Python floats usually come from float32 .item()


def _num_close(a, b, rtol, atol):
    if isinstance(a, str) or isinstance(b, str):  # nan / inf markers
        return a == b
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b or (a == b and type(a) is type(b))
    return abs(a - b) <= atol + rtol * abs(b)


def _values_diff(exp, got, rtol, atol, path="", exact=False, out=None, limit=8):
    if out is None:
        out = []
    if len(out) >= limit:
        return out
    if isinstance(exp, list) or isinstance(got, list):
        if not (isinstance(exp, list) and isinstance(got, list)) or len(exp) != len(got):
            out.append(f"values{path}: expected {_short(exp)}, got {_short(got)}")
            return out
        for i, (e, g) in enumerate(zip(exp, got, strict=True)):
            _values_diff(e, g, rtol, atol, f"{path}[{i}]", exact, out, limit)
        return out
    if exact:
        if exp != got or type(exp) is not type(got):
            out.append(f"values{path}: expected {exp!r}, got {got!r}")
        return out
    if not _num_close(got, exp, rtol, atol):
        out.append(f"values{path}: expected {exp!r}, got {got!r}")
    return out


def _short(x, n=200):
    s = repr(x)
    return s if len(s) <= n else s[:n] + "..."


def compare(exp: dict, got: dict, path: str = "") -> list[str]:
    """Differences between an expected and an actual serialized value (empty = equal)."""
    where = path or "value"
    if got is None:
        return [f"{where}: missing"]
    et, gt = exp.get("type"), got.get("type")
    if et != gt:
        return [f"{where}: expected {et} {_describe(exp)}, got {gt} {_describe(got)}"]
    diffs: list[str] = []
    if et == "tensor":
        for key in ("cls", "dtype", "shape", "requires_grad", "is_leaf", "grad_fn"):
            if exp.get(key) != got.get(key):
                diffs.append(f"{where}.{key}: expected {exp.get(key)!r}, got {got.get(key)!r}")
        if exp.get("shape") == got.get("shape"):
            rtol, atol = TOL.get(exp["dtype"], (0, 0))
            exact = exp["dtype"] not in TOL
            diffs += [
                f"{where}.{d}"
                for d in _values_diff(exp["values"], got["values"], rtol, atol, exact=exact)
            ]
        return diffs
    if et == "ndarray":
        for key in ("dtype", "shape"):
            if exp.get(key) != got.get(key):
                diffs.append(f"{where}.{key}: expected {exp.get(key)!r}, got {got.get(key)!r}")
        if exp.get("shape") == got.get("shape"):
            rtol, atol = TOL.get(exp["dtype"], (0, 0))
            exact = exp["dtype"] not in TOL
            diffs += [
                f"{where}.{d}"
                for d in _values_diff(exp["values"], got["values"], rtol, atol, exact=exact)
            ]
        return diffs
    if et == "float":
        if not _num_close(got["value"], exp["value"], *PY_FLOAT_TOL):
            diffs.append(f"{where}: expected {exp['value']!r}, got {got['value']!r}")
        return diffs
    if et == "npscalar":
        rtol, atol = TOL.get(exp["dtype"], (0, 0))
        if exp["dtype"] != got["dtype"]:
            diffs.append(f"{where}.dtype: expected {exp['dtype']}, got {got['dtype']}")
        elif not _num_close(got["value"], exp["value"], rtol, atol):
            diffs.append(f"{where}: expected {exp['value']!r}, got {got['value']!r}")
        return diffs
    if et in ("list", "tuple"):
        e_items, g_items = exp["items"], got["items"]
        if len(e_items) != len(g_items):
            return [f"{where}: expected {et} of length {len(e_items)}, got length {len(g_items)}"]
        for i, (e, g) in enumerate(zip(e_items, g_items, strict=True)):
            diffs += compare(e, g, f"{where}[{i}]")
        return diffs
    if et == "dict":
        ek = [k for k, _ in exp["items"]]
        gk = [k for k, _ in got["items"]]
        if ek != gk:
            return [f"{where}: expected keys {ek}, got {gk}"]
        for (k, e), (_, g) in zip(exp["items"], got["items"], strict=True):
            diffs += compare(e, g, f"{where}[{k!r}]")
        return diffs
    if et == "node":
        if exp.get("cls") != got.get("cls"):
            diffs.append(f"{where}: expected grad_fn {exp.get('cls')}, got {got.get('cls')}")
        if exp.get("name") != got.get("name"):
            diffs.append(f"{where}.name(): expected {exp.get('name')!r}, got {got.get('name')!r}")
        en, gn = exp.get("next"), got.get("next")
        if isinstance(en, list) and isinstance(gn, list):
            if len(en) != len(gn):
                diffs.append(
                    f"{where}.next_functions: expected {len(en)} entries "
                    f"{_names(en)}, got {len(gn)} {_names(gn)}"
                )
            else:
                for i, ((e, ei), (g, gi)) in enumerate(zip(en, gn, strict=True)):
                    p = f"{where}.next_functions[{i}]"
                    if e is None or g is None:
                        if e is not g:
                            diffs.append(f"{p}: expected {_nm(e)}, got {_nm(g)}")
                    else:
                        diffs += compare(e, g, p)
                    if ei != gi:
                        diffs.append(f"{p} input_nr: expected {ei}, got {gi}")
        elif en != gn:
            diffs.append(f"{where}.next_functions: expected {_short(en)}, got {_short(gn)}")
        return diffs
    if et == "error":
        if exp.get("exc_type") != got.get("exc_type"):
            if got.get("exc_type") is None:
                diffs.append(
                    f"{where}: expected {exp.get('exc_type')}: {exp.get('message')!r}, "
                    f"but no exception was raised (returned {_describe(got.get('returned'))})"
                )
                return diffs
            diffs.append(
                f"{where}: expected exception {exp.get('exc_type')}, got {got.get('exc_type')}"
            )
        if exp.get("message") != got.get("message"):
            diffs.append(
                f"{where} message:\n  expected: {exp.get('message')!r}\n"
                f"  got:      {got.get('message')!r}"
            )
        if exp.get("exc_type") is None and "returned" in exp:
            diffs += compare(
                exp["returned"], got.get("returned") or {"type": "?"}, f"{where}.returned"
            )
        return diffs
    if et == "str":
        if exp["value"] != got["value"]:
            diffs.append(_str_diff(where, exp["value"], got["value"]))
        return diffs
    # None, bool, int, Size, dtype, object, serialize-error
    e2 = {k: v for k, v in exp.items()}
    g2 = {k: v for k, v in got.items()}
    if e2 != g2:
        diffs.append(f"{where}: expected {_describe(exp)}, got {_describe(got)}")
    return diffs


def _nm(n):
    return None if n is None else n.get("cls")


def _names(lst):
    return [(_nm(n), i) for n, i in lst]


def _describe(rec):
    if rec is None:
        return "nothing"
    t = rec.get("type")
    if t in ("int", "float", "bool", "str"):
        return repr(rec["value"])
    if t == "None":
        return "None"
    if t == "tensor":
        return (
            f"tensor(dtype={rec['dtype']}, shape={rec['shape']}, "
            f"values={_short(rec['values'], 120)}, "
            f"requires_grad={rec['requires_grad']}, grad_fn={rec['grad_fn']})"
        )
    if t == "Size":
        return rec["repr"]
    if t == "dtype":
        return rec["repr"]
    if t == "node":
        return f"<{rec.get('cls')}>"
    if t == "error":
        return f"{rec.get('exc_type')}: {rec.get('message')!r}"
    if t == "object":
        return f"{rec.get('cls')} {rec.get('repr')!r}"
    if t == "serialize-error":
        return f"(could not serialize: {rec.get('exc_type')}: {rec.get('message')})"
    return _short(rec, 160)


def _str_diff(where, exp, got):
    if "\n" not in exp and "\n" not in got and len(exp) < 200 and len(got) < 200:
        return f"{where}:\n  expected: {exp!r}\n  got:      {got!r}"
    import difflib

    d = "\n".join(
        difflib.unified_diff(
            exp.splitlines(),
            got.splitlines(),
            "expected (torch)",
            "got (autograd_viz)",
            lineterm="",
            n=1,
        )
    )
    return f"{where} differs:\n{d}"


if __name__ == "__main__":  # debugging aid: python harness.py program.py [torch|autograd_viz]
    import importlib
    import json

    prog = sys.argv[1]
    libname = sys.argv[2] if len(sys.argv) > 2 else "autograd_viz"
    lib = importlib.import_module(libname)
    if libname == "torch":
        lib.set_num_threads(1)
    res = run_program(
        prog,
        lib,
        importlib.import_module(libname + ".nn"),
        importlib.import_module(libname + ".nn.functional"),
        importlib.import_module(libname + ".optim"),
    )
    print(json.dumps(res, indent=1, ensure_ascii=False)[:20000])
