"""Check a learner's answer in a lesson, in the lesson's language, without ever raising.

    >>> check(..., 6.0)                      # every exercise starts as ``answer = ...``
    Fill this in: replace ... with your answer, then run the cell again.
    'blank'
    >>> check(6.0, 6.0)
    Correct!
    'correct'
    >>> check(-6.0, 6.0, mistakes=[(-6.0, {"en": "Check the sign.", "zh": "检查一下符号。"})])
    Check the sign.
    'wrong'

:func:`check` prints exactly one message and returns ``"blank"``, ``"correct"`` or
``"wrong"``.  Whatever the learner types (``None``, a string, a list of the wrong length, a
tensor that requires grad, NaN), it answers with a sentence, never a traceback.

A mistake is ``(value_or_predicate, {"en": message, "zh": message})``; mistakes are tried in
order after the right answer, and the first that matches names the learner's likely slip
(wrong sign, missing factor 2, forgotten accumulation...).  A predicate receives the answer
as a float numpy array (or the string / bool the learner gave) and returns true when it matches;
a predicate that raises counts as "no match".

:data:`LAST` keeps how the most recent answer was judged (tests read it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

BLANK, CORRECT, WRONG = "blank", "correct", "wrong"

MESSAGES = {
    "en": {
        "blank": "Fill this in: replace ... with your answer, then run the cell again.",
        "correct": "Correct!",
        "wrong": "Not quite. Work it out again step by step.",
        "hint": "Hint: {hint}",
        "nan": "Your answer contains NaN (not a number): something divided 0 by 0 or "
        "used an undefined value.",
        "not_number": "Expected a number (or a list of numbers), got {kind} {value}.",
        "not_text": "Expected a word or a name in quotes, got {kind} {value}.",
        "not_bool": "Expected True or False, got {kind} {value}.",
        "shape": "Your answer has shape {got}, the expected answer has shape {want}.",
        "transposed": "Your answer has shape {got}, the expected answer has shape {want}: "
        "transposed? The values match after .T",
        "swapped": "Rows and columns are swapped: your answer is the transpose (.T) of the "
        "expected one.",
        "none": "Your answer is None: did a cell print a value instead of returning it, or "
        "is it the .grad of a tensor that keeps none?",
    },
    "zh": {
        "blank": "请填写：把 ... 换成你的答案，再运行这个格子。",
        "correct": "正确！",
        "wrong": "还不对。请一步一步重新推一遍。",
        "hint": "提示：{hint}",
        "nan": "你的答案里有 NaN（不是一个数）：可能出现了 0 除以 0，或用到了未定义的值。",
        "not_number": "这里需要一个数（或一组数），你给的是 {kind} {value}。",
        "not_text": "这里需要一个带引号的词或名称，你给的是 {kind} {value}。",
        "not_bool": "这里需要 True 或 False，你给的是 {kind} {value}。",
        "shape": "你的答案形状是 {got}，正确答案的形状是 {want}。",
        "transposed": "你的答案形状是 {got}，正确答案的形状是 {want}：是不是转置了？"
        "转置（.T）之后数值是对的。",
        "swapped": "行和列弄反了：你的答案是正确答案的转置（.T）。",
        "none": "你的答案是 None：是不是把值打印了出来而没有赋给 answer，"
        "或者取了一个不保存 .grad 的张量的 .grad？",
    },
}
assert set(MESSAGES["en"]) == set(MESSAGES["zh"])


class Verdict(str):
    """``"blank"``, ``"correct"`` or ``"wrong"``; a notebook cell ending in a check shows only
    the printed message, not the verdict's repr."""

    __slots__ = ()

    def _ipython_display_(self) -> None:
        pass


#: How the most recent :func:`check` call judged its answer: ``status`` ("blank" | "correct"
#: | "wrong"), ``mistake`` (index into ``mistakes`` that matched, else None), ``reason``
#: (which message: "blank", "correct", "mistake", "wrong", "shape", "transposed", "nan",
#: "none", "not_number", "not_text", "not_bool", "error") and ``message`` (what was printed).
LAST: dict[str, Any] = {}


def current_language() -> str:
    """The lessons' language: the one ``autograd_viz.set_language`` chose (else English)."""
    try:
        from autograd_viz.recorder.model import get_language

        lang = get_language()
    except Exception:
        return "en"
    return lang if lang in MESSAGES else "en"


def _text(msg: str | Mapping[str, str] | None, lang: str) -> str:
    if msg is None:
        return ""
    if isinstance(msg, Mapping):
        return str(msg.get(lang) or msg.get("en") or next(iter(msg.values()), ""))
    return str(msg)


def _short(value: Any) -> str:
    try:
        s = " ".join(repr(value).split())  # one line, also for a multi-line array repr
    except Exception:
        s = f"<{type(value).__name__}>"
    return s if len(s) <= 60 else s[:57] + "..."


def _is_tensor(x: Any) -> bool:
    try:
        from autograd_viz.engine.tensor import Tensor
    except Exception:  # pragma: no cover - the engine is always there
        return False
    return isinstance(x, Tensor)


class _NotNumeric(Exception):
    pass


def _to_array(x: Any) -> np.ndarray:
    """A float array from a number, nested list/tuple, numpy array or autograd_viz tensor."""
    if _is_tensor(x):
        return np.asarray(x.tolist(), dtype=float)  # .tolist(): no graph, no requires_grad
    if isinstance(x, (str, bytes, Mapping, set, bool)) or x is None or x is Ellipsis:
        raise _NotNumeric  # True is not the number 1 here: a bool answers a yes/no question
    if isinstance(x, (list, tuple)):
        parts = [_to_array(p) for p in x]
        if parts and any(p.shape != parts[0].shape for p in parts):
            if not all(p.size == 1 for p in parts):
                raise _NotNumeric  # ragged
            parts = [p.reshape(()) for p in parts]  # [w.grad, b.grad] of shape [1] each
        return np.array(parts, dtype=float) if parts else np.zeros((0,))
    if isinstance(x, np.ndarray):
        if x.dtype.kind not in "biuf":
            raise _NotNumeric
        return x.astype(float)
    if isinstance(x, (int, float, np.number, np.bool_)):
        return np.asarray(float(x))
    try:
        return np.asarray(float(x))
    except Exception:
        raise _NotNumeric from None


def _same(a: np.ndarray, e: np.ndarray, tol: float) -> bool:
    if a.shape != e.shape:
        if a.size != e.size or a.squeeze().shape != e.squeeze().shape:
            return False
        a, e = a.squeeze(), e.squeeze()  # [6.0] for 6.0, [[1, 2]] for [1, 2]
    return bool(np.allclose(a, e, rtol=tol, atol=tol, equal_nan=False))


def _norm_text(s: str) -> str:
    return " ".join(s.strip().strip("`'\"").split()).casefold()


def _matches(answer: Any, arr: np.ndarray | None, target: Any, tol: float) -> bool:
    """Does the learner's answer equal ``target`` (a value) or satisfy it (a predicate)?"""
    try:
        if callable(target) and not _is_tensor(target):
            return bool(target(arr if arr is not None else answer))
        if isinstance(target, str):
            return isinstance(answer, str) and _norm_text(answer) == _norm_text(target)
        if isinstance(target, bool):
            return isinstance(answer, (bool, np.bool_)) and bool(answer) == target
        if arr is None:
            return False
        return _same(arr, _to_array(target), tol)
    except Exception:
        return False


def _kind(x: Any) -> str:
    return type(x).__name__


def check(
    answer: Any,
    expected: Any,
    *,
    mistakes: Sequence[tuple[Any, str | Mapping[str, str]]] = (),
    hint: str | Mapping[str, str] | None = None,
    tol: float = 1e-4,
    lang: str | None = None,
) -> str:
    """Judge ``answer`` against ``expected``; print one message; return the verdict.

    ``expected``: a number, nested list, numpy array or tensor (compared with
    ``rtol = atol = tol``; one-element answers match a number whatever their shape), a string
    (compared ignoring case, quotes and surrounding spaces) or a bool.
    ``mistakes``: ``(value_or_predicate, message)`` pairs, tried in order.
    ``hint``: added to the generic "not quite" message.  ``lang``: ``"en"`` / ``"zh"``;
    ``None`` follows ``autograd_viz.set_language``.
    """
    import warnings

    # numpy's overflow / invalid-value warnings (an answer of 1e300 or inf) would show as a
    # red stderr box in a notebook: the printed sentence is the whole answer
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return _check(answer, expected, mistakes, hint, tol, lang)


def _check(answer, expected, mistakes, hint, tol, lang) -> str:
    try:
        lang = lang if lang in MESSAGES else current_language()
    except Exception:
        lang = "en"
    M = MESSAGES[lang]

    def say(status: str, reason: str, message: str, mistake: int | None = None) -> str:
        LAST.clear()
        LAST.update(status=status, reason=reason, message=message, mistake=mistake)
        print(message)
        return Verdict(status)

    try:
        if answer is Ellipsis:
            return say(BLANK, "blank", M["blank"])
        arr: np.ndarray | None = None
        if not isinstance(expected, (str, bool)):
            try:
                arr = _to_array(answer)
            except _NotNumeric:
                arr = None
        if _matches(answer, arr, expected, tol):
            return say(CORRECT, "correct", M["correct"])
        for i, (target, message) in enumerate(mistakes):
            if _matches(answer, arr, target, tol):
                return say(WRONG, "mistake", _text(message, lang), mistake=i)
        # not a typical mistake: say what kind of wrong it is
        if answer is None:
            return say(WRONG, "none", M["none"])
        if isinstance(expected, str):
            if not isinstance(answer, str):
                return say(
                    WRONG,
                    "not_text",
                    M["not_text"].format(kind=_kind(answer), value=_short(answer)),
                )
        elif isinstance(expected, bool):
            if not isinstance(answer, (bool, np.bool_)):
                return say(
                    WRONG,
                    "not_bool",
                    M["not_bool"].format(kind=_kind(answer), value=_short(answer)),
                )
        else:
            if arr is None:
                return say(
                    WRONG,
                    "not_number",
                    M["not_number"].format(kind=_kind(answer), value=_short(answer)),
                )
            if np.isnan(arr).any():
                return say(WRONG, "nan", M["nan"])
            want = _to_array(expected)
            square = arr.ndim == 2 and arr.shape == want.shape and arr.shape[0] == arr.shape[1]
            if square and _same(arr.T, want, tol):
                return say(WRONG, "transposed", M["swapped"])
            if arr.squeeze().shape != want.squeeze().shape:
                got_s, want_s = tuple(arr.shape), tuple(want.shape)
                if arr.ndim == 2 and arr.T.shape == want.shape and _same(arr.T, want, tol):
                    return say(WRONG, "transposed", M["transposed"].format(got=got_s, want=want_s))
                return say(WRONG, "shape", M["shape"].format(got=got_s, want=want_s))
        message = M["wrong"]
        if hint is not None:
            message += " " + M["hint"].format(hint=_text(hint, lang))
        return say(WRONG, "wrong", message)
    except Exception as e:  # never a traceback in a lesson
        fallback = {
            "en": f"Could not check this answer ({type(e).__name__}); try a plain number or list.",
            "zh": f"无法检查这个答案（{type(e).__name__}）；请写成一个数或一个列表。",
        }[lang]
        try:
            return say(WRONG, "error", fallback)
        except Exception:
            return Verdict(WRONG)


def mistake(value_or_predicate: Any, en: str, zh: str) -> tuple[Any, dict[str, str]]:
    """One entry of ``mistakes``: ``mistake(-6.0, "Check the sign.", "检查一下符号。")``."""
    return (value_or_predicate, {"en": en, "zh": zh})


__all__ = [
    "BLANK",
    "CORRECT",
    "LAST",
    "MESSAGES",
    "WRONG",
    "Verdict",
    "check",
    "current_language",
    "mistake",
]
