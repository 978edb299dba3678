"""The recorder never changes what code does: oracle programs (teaching code and bad input,
tests/oracle) run under ``autograd_viz.record()`` give every observation PyTorch gave (the
recorded fixtures), and the recording builds without an internal error and steps.

Found this way: a hook handing back a string made building the frames raise at the end of
the ``with`` block (``could not convert string to float``), and a leaf whose AccumulateGrad
the autograd graph shows but the data-flow graph does not broke three programs' builds."""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

import pytest

ORACLE = Path(__file__).resolve().parents[1] / "oracle"
sys.path.insert(0, str(ORACLE))

import harness  # noqa: E402

import autograd_viz as torch  # noqa: E402
from autograd_viz import nn, optim  # noqa: E402
from autograd_viz.nn import functional as F  # noqa: E402

PROGRAMS = [
    "bad_input_autograd",  # hooks returning wrong things, errors inside backward
    "extra_ops",
    "fuzz_exprs",
    "tutorial_autograd_fundamentals",
    "tutorial_karpathy_micrograd",
    "tutorial_nanogpt_model",
    "api_compile_amp",
    "views_no_grad",
]


@pytest.mark.parametrize(
    "prog", [p for p in PROGRAMS if (ORACLE / "programs" / f"{p}.py").exists()]
)
def test_program_under_record_matches_pytorch(prog):
    fx = json.loads((harness.FIXTURES / f"{prog}.json").read_text(encoding="utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # (the recorder's own failure warning)
        with torch.record() as rec:
            res = harness.run_program(harness.PROGRAMS / f"{prog}.py", torch, nn, F, optim)
    diffs = []
    for name in fx["order"]:
        got = res["observations"].get(name)
        if got is None:
            diffs.append(f"{name}: missing ({res['crash'] and res['crash']['message']})")
            continue
        diffs += harness.compare(fx["observations"][name], got, name)
    assert not diffs, "\n".join(diffs[:10])
    assert rec.internal_errors == []
    assert rec.frames
    st = torch.Stepper(rec)
    st.last()
    assert st.frame == len(rec.frames) - 1


def test_a_hook_returning_a_string_raises_as_without_record():
    def prog():
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 2
        h.register_hook(lambda g: "a")
        h.sum().backward()

    with pytest.raises(Exception) as plain:
        prog()
    with torch.record() as rec, pytest.raises(Exception) as recorded:
        prog()
    assert (type(recorded.value), str(recorded.value)) == (type(plain.value), str(plain.value))
    assert rec.internal_errors == []
    assert [f.phase for f in rec.frames]
