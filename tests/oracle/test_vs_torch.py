"""Differential tests: every observation recorded under real PyTorch (fixtures/*.json) must be
reproduced by autograd_viz running the same program. PyTorch is NOT imported here.

One pytest item per (program, observation):  ``test_vs_torch.py::test_obs[seed000::W_2.grad]``
so ``pytest tests/oracle -k seed000`` or ``-k next_functions`` selects what you work on.
Each program also has a ``::stdout`` item (its printed output, compared exactly, addresses
normalized to 0xADDR) when it prints anything.

If the program crashes under autograd_viz, every observation it did not reach fails with the
crash (exception, program line and traceback tail).
"""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
REPO = str(Path(__file__).resolve().parents[2])
if REPO not in sys.path:
    sys.path.insert(1, REPO)  # the working tree's autograd_viz, when not pip-installed

import harness  # noqa: E402


def _load_fixtures():
    items = []
    for f in sorted(harness.FIXTURES.glob("*.json")):
        fx = json.loads(f.read_text(encoding="utf-8"))
        prog = f.stem
        for name in fx["order"]:
            items.append(pytest.param(prog, name, id=f"{prog}::{name}"))
        if fx.get("stdout"):
            items.append(pytest.param(prog, "<stdout>", id=f"{prog}::stdout"))
    return items


@functools.cache
def _fixture(prog):
    return json.loads((harness.FIXTURES / f"{prog}.json").read_text(encoding="utf-8"))


# ORACLE_LIB=torch runs the programs under real PyTorch instead: a self-check of the harness
# and fixtures (everything must pass).  Default: autograd_viz.
LIB = os.environ.get("ORACLE_LIB", "autograd_viz")


@functools.lru_cache(maxsize=1)
def _engine():
    import importlib

    try:
        lib = importlib.import_module(LIB)
        if LIB == "torch":
            lib.set_num_threads(1)
    except Exception as e:
        return None, f"import {LIB} failed: {type(e).__name__}: {e}"
    mods = {}
    problems = []
    for key, modname in (
        ("nn", f"{LIB}.nn"),
        ("F", f"{LIB}.nn.functional"),
        ("optim", f"{LIB}.optim"),
    ):
        try:
            mods[key] = importlib.import_module(modname)
        except Exception as e:
            mods[key] = None
            problems.append(f"import {modname} failed: {type(e).__name__}: {e}")
    return (lib, mods, problems), None


@functools.cache
def _run(prog):
    eng, err = _engine()
    if err:
        return None, err
    lib, mods, problems = eng
    res = harness.run_program(
        harness.PROGRAMS / f"{prog}.py", lib, mods["nn"], mods["F"], mods["optim"]
    )
    return res, "\n".join(problems)


def _crash_text(crash, problems):
    where = f"section {crash['section']!r} failed" if crash.get("section") else "a statement failed"
    s = (
        f"{where} under {LIB} before recording this observation:\n"
        f"  line {crash['line']}: {crash['source']}\n"
        f"  {crash['exc_type']}: {crash['message']}\n"
    )
    if problems:
        s += problems + "\n"
    return s + "--- traceback tail ---\n" + crash["traceback"][-1500:]


@pytest.mark.parametrize(("prog", "name"), _load_fixtures())
def test_obs(prog, name):
    fx = _fixture(prog)
    res, problems = _run(prog)
    if res is None:
        pytest.fail(problems, pytrace=False)
    if name == "<stdout>":
        exp, got = fx["stdout"], res["stdout"]
        if exp != got:
            msg = harness._str_diff("stdout", exp, got)
            if res["crash"]:
                msg += "\n\n" + _crash_text(res["crash"], problems)
            pytest.fail(msg, pytrace=False)
        return
    exp = fx["observations"][name]
    got = res["observations"].get(name)
    if got is None:
        err = harness.error_for_missing(fx["order"], res, name)
        if err:
            pytest.fail(_crash_text(err, problems), pytrace=False)
        pytest.fail(
            f"observation {name!r} was not recorded (program finished without it)", pytrace=False
        )
    diffs = harness.compare(exp, got, name)
    if diffs:
        pytest.fail("\n".join(diffs), pytrace=False)


def test_programs_have_fixtures():
    """Every program has a fixture (run make_fixtures.py after adding one)."""
    progs = {p.stem for p in harness.PROGRAMS.glob("*.py")}
    fixtures = {f.stem for f in harness.FIXTURES.glob("*.json")}
    assert progs - fixtures == set(), (
        "programs without fixture: run python tests/oracle/make_fixtures.py"
    )


def test_no_torch_import():
    """The harness and autograd_viz run without PyTorch: nothing here imported it."""
    if LIB == "torch":
        pytest.skip("ORACLE_LIB=torch self-check")
    assert "torch" not in sys.modules


@pytest.mark.parametrize("prog", sorted(f.stem for f in harness.FIXTURES.glob("*.json")))
def test_program_raises_nothing_pytorch_did_not(prog):
    """A statement that raised here but not under PyTorch (a fixture exists only for a
    program PyTorch runs without an error) is a difference even when no observation
    follows it."""
    res, problems = _run(prog)
    if res is None:
        pytest.fail(problems, pytrace=False)
    errors = list(res.get("section_errors") or [])
    if res.get("crash"):
        errors.append(res["crash"])
    if errors:
        pytest.fail(_crash_text(errors[0], problems), pytrace=False)
