"""The one language setting (``"en"`` or ``"zh"``) of captions and of the widget's UI.

Everything that needs a language calls :func:`resolve` with what it was given
(``record(lang=...)``, ``Stepper(lang=...)``, ...): an explicit choice wins, else
:func:`set_language`'s, else English.
"""

from __future__ import annotations

LANGUAGES = ("en", "zh")
_LANG = ["en"]


def set_language(lang: str | None) -> None:
    """Default language of captions, pictures, text forms and the widget (``"en"`` or
    ``"zh"``; ``None`` restores the default, English)."""
    if lang is None:
        lang = LANGUAGES[0]
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, got {lang!r}")
    _LANG[0] = lang


def get_language() -> str:
    """The language :func:`set_language` chose (``"en"`` unless changed)."""
    return _LANG[0]


def resolve(*choices) -> str:
    """The first of ``choices`` that is a language, else the global setting."""
    for c in choices:
        if c in LANGUAGES:
            return c
    return _LANG[0]


#: the phases' names in Chinese, as the widget labels them (text forms: the recording's
#: summary, the text table); English writes the phase itself (``forward``, ``zero_grad``)
PHASE_ZH = {
    "forward": "前向",
    "backward": "反向",
    "accumulate": "累加梯度",
    "hook": "钩子",
    "update": "参数更新",
    "zero_grad": "梯度清零",
    "freed": "释放",
    "error": "错误",
}
