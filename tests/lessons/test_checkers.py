"""Every exercise checker in autograd_viz/lessons/lesson_NN.py, in both languages.

The modules are discovered, so a new lesson's checkers are covered without editing this file:
each ``check_<name>`` must have ``SOLUTIONS[name]`` (judged "correct") and at least three
``WRONG[name]`` answers, each judged "wrong" with one of the checker's named mistakes (not the
generic "not quite"); ``...`` is "blank" and prints "fill this in".
"""

from __future__ import annotations

import importlib
import pkgutil

import numpy as np
import pytest

import autograd_viz
import autograd_viz.lessons
from autograd_viz.lessons import _check

LANGS = ("en", "zh")


def _modules():
    names = sorted(
        m.name
        for m in pkgutil.iter_modules(autograd_viz.lessons.__path__)
        if m.name.startswith("lesson_")
    )
    return [importlib.import_module(f"autograd_viz.lessons.{n}") for n in names]


MODULES = _modules()
CHECKERS = [
    (mod, name[len("check_") :])
    for mod in MODULES
    for name in sorted(vars(mod))
    if name.startswith("check_") and callable(getattr(mod, name))
]
IDS = [f"{mod.__name__.rsplit('.', 1)[1]}.{name}" for mod, name in CHECKERS]


@pytest.fixture(params=LANGS)
def lang(request):
    autograd_viz.set_language(request.param)
    yield request.param
    autograd_viz.set_language("en")


def _run(mod, name, answer, capsys):
    verdict = getattr(mod, f"check_{name}")(answer)
    out = capsys.readouterr().out
    return verdict, out, dict(_check.LAST)


def _has_cjk(s: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in s)


def _language_ok(text: str, lang: str) -> None:
    if lang == "zh":
        assert _has_cjk(text), f"zh message without Chinese: {text!r}"
    else:
        assert not _has_cjk(text), f"en message with Chinese: {text!r}"


def test_lessons_have_checkers():
    assert [m.__name__.rsplit(".", 1)[1] for m in MODULES][:1] == ["lesson_00"]
    assert len(CHECKERS) >= len(MODULES)
    for mod in MODULES:
        names = {name for m, name in CHECKERS if m is mod}
        assert names, f"{mod.__name__} has no check_* function"
        assert set(mod.SOLUTIONS) == names, f"{mod.__name__}: SOLUTIONS keys != checkers"
        assert set(mod.WRONG) == names, f"{mod.__name__}: WRONG keys != checkers"


@pytest.mark.parametrize(("mod", "name"), CHECKERS, ids=IDS)
def test_right_answer_is_correct(mod, name, lang, capsys):
    verdict, out, _ = _run(mod, name, mod.SOLUTIONS[name], capsys)
    assert verdict == "correct", out
    assert out.strip() == _check.MESSAGES[lang]["correct"]


@pytest.mark.parametrize(("mod", "name"), CHECKERS, ids=IDS)
def test_blank_says_fill_this_in(mod, name, lang, capsys):
    verdict, out, _ = _run(mod, name, ..., capsys)
    assert verdict == "blank"
    assert out.strip() == _check.MESSAGES[lang]["blank"]
    if lang == "en":
        assert "fill this in" in out.lower()


@pytest.mark.parametrize(("mod", "name"), CHECKERS, ids=IDS)
def test_typical_wrong_answers_are_named(mod, name, lang, capsys):
    wrong = mod.WRONG[name]
    assert len(wrong) >= 3, f"declare at least three typical wrong answers for {name}"
    keys = [
        w if isinstance(w, str) else str(np.round(_check._to_array(w), 6).tolist()) for w in wrong
    ]
    assert len(set(keys)) == len(keys), f"{name}: the typical wrong answers repeat: {keys}"
    for answer in wrong:
        verdict, out, last = _run(mod, name, answer, capsys)
        assert verdict == "wrong", f"{answer!r} judged {verdict}: {out}"
        assert last["reason"] in ("mistake", "transposed", "shape"), (
            f"{answer!r} got the generic message, not a named mistake: {out}"
        )
        _language_ok(out, lang)


BAD_INPUTS = [
    None,
    "abc",
    "",
    [1, [2, 3]],
    [],
    {"a": 1},
    float("nan"),
    float("inf"),
    np.zeros((7, 3)),
    np.array(["x"]),
    object(),
    1e300,
    True,
]


@pytest.mark.parametrize(("mod", "name"), CHECKERS, ids=IDS)
def test_checker_never_raises(mod, name, lang, capsys):
    solution = mod.SOLUTIONS[name]
    extra = []
    if not isinstance(solution, (str, bool)):
        arr = np.asarray(_check._to_array(solution))
        t = autograd_viz.tensor(arr.tolist(), requires_grad=True)
        extra = [t, t * 1.0, arr.reshape(-1, 1) if arr.ndim == 1 else arr, -arr]
    for answer in BAD_INPUTS + extra:
        verdict, out, _ = _run(mod, name, answer, capsys)
        assert verdict in ("correct", "wrong"), (answer, verdict)
        assert out.strip() and "Traceback" not in out, out
        _language_ok(out, lang)
    if extra:  # a tensor holding the right values, even one that requires grad, is correct
        verdict, _, _ = _run(mod, name, extra[0], capsys)
        assert verdict == "correct"


# --- check() itself ---------------------------------------------------------------


def test_check_blank_correct_wrong(capsys):
    verdict = _check.check(..., 6.0, lang="en")
    assert verdict == "blank" and isinstance(verdict, _check.Verdict)
    # a cell ending in a check shows the printed sentence only, not the verdict's repr
    assert callable(verdict._ipython_display_) and verdict._ipython_display_() is None
    assert "fill this in" in capsys.readouterr().out.lower()
    assert _check.check(6.0, 6.0, lang="en") == "correct"
    assert capsys.readouterr().out == "Correct!\n"
    assert _check.check(6.00001, 6.0, lang="zh") == "correct"
    assert capsys.readouterr().out == "正确！\n"
    assert _check.check(5.0, 6.0, lang="en", hint="think") == "wrong"
    out = capsys.readouterr().out
    assert out.startswith("Not quite") and "Hint: think" in out


def test_check_names_the_first_matching_mistake(capsys):
    ms = [
        _check.mistake(-6.0, "sign", "符号"),
        _check.mistake(lambda a: a == 3.0, "factor 2", "因子 2"),
        _check.mistake(3.0, "never reached", "不会到这里"),
    ]
    assert _check.check(-6.0, 6.0, mistakes=ms, lang="en") == "wrong"
    assert capsys.readouterr().out == "sign\n"
    assert _check.check(3.0, 6.0, mistakes=ms, lang="zh") == "wrong"
    assert capsys.readouterr().out == "因子 2\n"
    assert _check.LAST["mistake"] == 1
    # a predicate that raises does not match and does not raise
    boom = [(lambda a: 1 / 0, {"en": "x", "zh": "x"})]
    assert _check.check(1.0, 6.0, mistakes=boom, lang="en") == "wrong"
    assert capsys.readouterr().out.startswith("Not quite")


def test_check_shapes_and_transposes(capsys):
    want = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    assert _check.check(np.array(want).T, want, lang="en") == "wrong"
    out = capsys.readouterr().out
    assert "(3, 2)" in out and "(2, 3)" in out and "transposed?" in out
    assert _check.check([1.0, 2.0], want, lang="en") == "wrong"
    out = capsys.readouterr().out
    assert "shape (2,)" in out and "transposed" not in out
    assert _check.check(np.array(want).T, want, lang="zh") == "wrong"
    assert "转置" in capsys.readouterr().out
    square = [[1.0, 2.0], [3.0, 4.0]]
    assert _check.check(np.array(square).T, square, lang="en") == "wrong"
    assert "transpose" in capsys.readouterr().out
    assert _check.LAST["reason"] == "transposed"
    # a one-element tensor, list or array answers a number; [[1, 2]] answers [1, 2]
    assert _check.check(autograd_viz.tensor([6.0]), 6.0, lang="en") == "correct"
    assert _check.check([[1.0, 2.0]], [1.0, 2.0], lang="en") == "correct"
    capsys.readouterr()


def test_check_tensors_lists_of_tensors_and_grads(capsys):
    w = autograd_viz.tensor([3.0], requires_grad=True)
    b = autograd_viz.tensor([1.0], requires_grad=True)
    (w * 2.0 + b).backward()
    assert _check.check([w.grad, b.grad], [2.0, 1.0], lang="en") == "correct"
    assert _check.check(w * 2.0, 6.0, lang="en") == "correct"  # a tensor with a graph
    assert _check.check(np.float32(2.0), 2.0, lang="en") == "correct"
    capsys.readouterr()


def test_check_odd_answers_get_a_sentence(capsys):
    cases = {
        None: "None",
        "abc": "Expected a number",
        float("nan"): "NaN",
        (1, (2, 3)): "Expected a number",
    }
    for answer, says in cases.items():
        assert _check.check(answer, 6.0, lang="en") == "wrong"
        assert says in capsys.readouterr().out
    assert _check.check(6.0, "MulBackward0", lang="en") == "wrong"
    assert "quotes" in capsys.readouterr().out
    assert _check.check(" `mulbackward0` ", "MulBackward0", lang="en") == "correct"
    assert _check.check("yes", True, lang="zh") == "wrong"
    assert "True 或 False" in capsys.readouterr().out
    assert _check.check(True, True, lang="en") == "correct"
    assert _check.check(True, 1.0, lang="en") == "wrong"  # a bool is not the number 1
    assert "got bool True" in capsys.readouterr().out
    capsys.readouterr()


def test_check_follows_the_lesson_language(capsys):
    try:
        autograd_viz.set_language("zh")
        assert _check.check(..., 1.0) == "blank"
        assert capsys.readouterr().out.startswith("请填写")
    finally:
        autograd_viz.set_language("en")
    assert _check.check(..., 1.0) == "blank"
    assert capsys.readouterr().out.startswith("Fill this in")
    assert _check.check(1.0, 1.0, lang="fr") == "correct"  # unknown language: the current one
    assert capsys.readouterr().out == "Correct!\n"


def test_messages_have_both_languages():
    assert set(_check.MESSAGES) == set(LANGS)
    for key, text in _check.MESSAGES["zh"].items():
        assert _has_cjk(text), key
    for key, text in _check.MESSAGES["en"].items():
        assert not _has_cjk(text), key


# --- check() never raises, whatever it is given (property test) ----------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.extra import numpy as hnp  # noqa: E402

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.just(...),
)
_answers = st.recursive(
    _scalars,
    lambda kids: st.one_of(st.lists(kids, max_size=4), st.tuples(kids, kids)),
    max_leaves=12,
) | hnp.arrays(
    dtype=st.sampled_from([np.float32, np.float64, np.int64, np.bool_]),
    shape=hnp.array_shapes(min_dims=0, max_dims=3, max_side=3),
)
_expected = st.one_of(
    st.floats(-1e6, 1e6),
    st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=4),
    st.just([[1.0, 2.0], [3.0, 4.0]]),
    st.sampled_from(["AccumulateGrad", True, False]),
)


@settings(max_examples=300, deadline=None)
@given(answer=_answers, expected=_expected, lang=st.sampled_from([None, "en", "zh", "fr"]))
def test_check_never_raises(answer, expected, lang):
    import contextlib
    import io
    import warnings

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        verdict = _check.check(
            answer, expected, mistakes=[(lambda a: a[0] > 1, {"en": "m", "zh": "m"})], lang=lang
        )
    assert not caught, [str(w.message) for w in caught]  # a warning shows as a red box
    assert verdict in ("blank", "correct", "wrong")
    assert buf.getvalue().count("\n") == 1, buf.getvalue()
    assert (verdict == "blank") == (answer is ...)
