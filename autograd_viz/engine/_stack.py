"""Where a warning points: the first frame outside this package (the learner's line)."""

from __future__ import annotations

import os
import sys

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def user_stacklevel() -> int:
    """The ``stacklevel`` for ``warnings.warn`` pointing at the first frame outside this
    package, counted from the function that calls ``warnings.warn`` (which calls this)."""
    frame, level = sys._getframe(2), 2
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame, level = frame.f_back, level + 1
    return level
