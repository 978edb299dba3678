"""Graphviz engine robustness (issue 11): a hanging / silent / garbling ``dot`` costs
its time once per session and the pip engine is tried; the fallback message says what
happened; AUTOGRAD_VIZ_GRAPHVIZ=none and unknown values are explained."""

import os
import stat
import sys

import pytest

from autograd_viz.render import engine as E

DOT = "digraph { a -> b }"


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    monkeypatch.setattr(E, "BROKEN", {})
    monkeypatch.delenv(E.ENV, raising=False)
    yield


def _fake(tmp_path, name, body):
    """A fake engine: a Python script that logs each call, then does ``body``."""
    p = tmp_path / name
    log = tmp_path / f"{name}.calls"
    p.write_text(
        f"#!{sys.executable}\n"
        "import sys, time\n"
        f"open({str(log)!r}, 'a').write('x')\n"
        "sys.stdin.read()\n" + body,
        encoding="utf-8",
    )
    p.chmod(p.stat().st_mode | stat.S_IEXEC)
    return str(p), log


def _calls(log):
    return len(log.read_text()) if log.exists() else 0


def test_a_hanging_dot_is_given_up_once_and_the_pip_engine_draws(tmp_path, monkeypatch):
    if E._which_pure() is None:
        pytest.skip("graphviz-pure is not installed here")
    dot, log = _fake(tmp_path, "dot", "time.sleep(60)\n")
    monkeypatch.setitem(E._FINDERS, "dot", lambda: dot)
    monkeypatch.setattr(E, "TIMEOUT", 1.0)
    svg = E.run_svg(DOT)
    assert svg.startswith("<svg")
    assert "timed out" in E.BROKEN["dot"]
    assert E.graphviz_engine() == "graphviz-pure"
    assert E.run_svg(DOT).startswith("<svg")
    assert _calls(log) == 1  # remembered as broken: never waited on again


@pytest.mark.parametrize(
    "body, says",
    [
        ("pass\n", "printed nothing"),
        ("sys.stdout.buffer.write(b'<svg>\\xff\\xfe</svg>')\n", "invalid UTF-8"),
    ],
)
def test_a_dot_printing_nothing_or_garbage_falls_back_with_a_message(
    tmp_path, monkeypatch, body, says
):
    dot, _ = _fake(tmp_path, "dot", body)
    monkeypatch.setitem(E._FINDERS, "dot", lambda: dot)
    monkeypatch.setitem(E._FINDERS, "graphviz-pure", lambda: None)
    with pytest.raises(E.EngineError) as err:
        E.run_svg(DOT)
    assert says in str(err.value) and "dot" in str(err.value)
    assert E.graphviz_engine() == "none"
    assert says in E.no_engine_message()


def test_none_says_the_variable_turned_pictures_off(monkeypatch):
    monkeypatch.setenv(E.ENV, "none")
    msg = E.no_engine_message()
    assert "AUTOGRAD_VIZ_GRAPHVIZ=none" in msg and "turned off" in msg
    assert "pip install" not in msg or not E._installed()
    monkeypatch.setitem(E._FINDERS, "dot", lambda: None)
    monkeypatch.setitem(E._FINDERS, "graphviz-pure", lambda: None)
    msg = E.no_engine_message()
    assert "turned off" in msg and "pip install graphviz-pure" in msg


def test_an_unknown_value_lists_the_valid_ones(monkeypatch):
    monkeypatch.setenv(E.ENV, "neato")
    with pytest.raises(ValueError) as err:
        E.graphviz_engine()
    for v in ("dot", "graphviz-pure", "none"):
        assert v in str(err.value)


def test_the_drawing_falls_back_to_text_saying_pictures_are_off(monkeypatch):
    import autograd_viz as torch

    monkeypatch.setenv(E.ENV, "none")
    x = torch.tensor([1.0], requires_grad=True)
    d = torch.draw(x * 2)
    bundle = d._repr_mimebundle_()
    assert "image/svg+xml" not in bundle
    assert "turned off" in bundle["text/plain"] + bundle.get("text/html", "")


def test_a_dot_error_about_the_graph_is_not_remembered_as_broken(tmp_path, monkeypatch):
    dot, _ = _fake(tmp_path, "dot", "sys.stderr.write('syntax error'); sys.exit(1)\n")
    monkeypatch.setitem(E._FINDERS, "dot", lambda: dot)
    with pytest.raises(E.EngineError, match="syntax error"):
        E.run_svg(DOT)
    assert "dot" not in E.BROKEN
    assert os.path.exists(dot)
