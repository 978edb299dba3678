"""Names: the learner's variable names for the tensors the recorder knows.

Names are captured *while the code runs*: at each op / backward / update event the
recorder reads the locals of the learner's frames (the innermost frame outside
autograd_viz up to the frame of the ``with record()`` statement; notebook globals at top
level; ``name.param`` for objects with ``named_parameters()``); first name seen wins.
"""

from __future__ import annotations

import sys
import weakref

from ..engine.tensor import Tensor
from .raw import own_frame


class NamesMixin:
    """Part of :class:`~.core._Recorder`: reading names from the learner's frames."""

    def _user_frames(self):
        f = sys._getframe(1)
        out = []
        while f is not None:
            if not own_frame(f):
                out.append(f)
                if f is self.with_frame or len(out) >= 8:
                    break
            f = f.f_back
        return out

    def _scan_names(self, frames=None):
        """Give known tensors the names they are bound to now (outer scope first)."""
        if frames is None:
            frames = self._user_frames()
        tmap = self._tmap
        tensors = self.tensors
        for f in reversed(frames):
            for k, v in list(f.f_locals.items()):
                if k[:1] == "_" or k == "self":
                    continue
                if isinstance(v, Tensor):
                    e = tmap.get(id(v))
                    if e is not None and e[0]() is v:
                        rt = tensors[e[1]]
                        if rt.name is None:
                            rt.name = k
                elif hasattr(type(v), "named_parameters") and not isinstance(v, type):
                    try:
                        items = list(v.named_parameters())
                    except Exception:
                        continue
                    for pn, pv in items:
                        e = tmap.get(id(pv))
                        if e is not None and e[0]() is pv:
                            rt = tensors[e[1]]
                            if rt.name is None:
                                rt.name = f"{k}.{pn}"

    def _named_params(self):
        """name -> leaf the recording trained (received a gradient or was updated), by the
        name it is bound to in the learner's frames now.  A tensor bound to several names
        (a leftover loop variable ``p``) is listed once, under the name the picture uses."""
        found = {}
        by_id = {}
        trained = self._trained

        def consider(name, v):
            ref = trained.get(id(v))
            if ref is None or ref() is not v:
                return
            prev = by_id.get(id(v))
            if prev is None:
                by_id[id(v)] = name
                found[name] = v
                return
            rid = self._known(v)
            own = self.tensors[rid].name if rid is not None else None
            if own == name and prev != name:  # the picture's name wins
                del found[prev]
                by_id[id(v)] = name
                found[name] = v

        for f in reversed(self._user_frames()):
            for k, v in list(f.f_locals.items()):
                if k[:1] == "_" or k == "self":
                    continue
                if isinstance(v, Tensor):
                    if v.grad_fn is None and k not in found:
                        consider(k, v)
                elif hasattr(type(v), "named_parameters") and not isinstance(v, type):
                    try:
                        for pn, pv in v.named_parameters():
                            if f"{k}.{pn}" not in found:
                                consider(f"{k}.{pn}", pv)
                    except Exception:
                        continue
        return found

    def _name_of(self, obj):
        """The learner's variable bound to ``obj`` (innermost frame first), or None."""
        try:
            for f in self._user_frames():
                for k, v in list(f.f_locals.items()):
                    if v is obj and k[:1] != "_" and k != "self":
                        return k
        except Exception as exc:
            self._internal(exc)
        return None

    def refresh_labels(self):
        """``t.label`` as it is when the recording ends (a label may be set after the op
        that made the tensor)."""
        for rt in self.tensors:
            t = rt.ref() if rt.ref is not None else None
            if t is not None:
                lab = getattr(t, "label", None)
                if lab is not None:
                    rt.label = lab

    def _trains(self, t):
        if t is None:
            return
        ref = self._trained.get(id(t))
        if ref is None or ref() is not t:  # (an id can be reused after a tensor dies)
            self._trained[id(t)] = weakref.ref(t)
