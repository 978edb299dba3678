"""The engine's single instrumentation seam.

The engine calls ``emit(kind, **payload)`` at the few places where something a
learner should see happens (an op runs, a backward node runs, a grad accumulates,
a parameter is updated or zeroed).  Nobody listens unless a recorder is active,
and every call site is guarded by ``if LISTENERS:`` so an unrecorded program pays
one truthiness check.  ``composite_begin`` / ``composite_end`` (emitted by
``api._composite``) bracket a public function PyTorch builds from several nodes
(``matmul`` of a vector and a matrix: unsqueeze -> mm -> squeeze), so a recorder can show
it as the one op the learner wrote.  The kinds and payloads are listed in CONTRIBUTING.md.
"""

from __future__ import annotations

import contextlib

LISTENERS: list = []


class RemovableHandle:
    """Returned by :func:`subscribe`; ``remove()`` stops the listener."""

    __slots__ = ("_fn",)

    def __init__(self, fn):
        self._fn = fn

    def remove(self) -> None:
        with contextlib.suppress(ValueError):
            LISTENERS.remove(self._fn)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()


def subscribe(fn) -> RemovableHandle:
    """Call ``fn(kind, payload_dict)`` for every event until the handle is removed."""
    LISTENERS.append(fn)
    return RemovableHandle(fn)


def emit(kind: str, **payload) -> None:
    for fn in tuple(LISTENERS):
        fn(kind, payload)
