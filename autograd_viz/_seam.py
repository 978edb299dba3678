"""The one seam between a Recording and the layers above it (a tiny module of the
package's top level, importing nothing, so ``import autograd_viz`` can install the loader
without importing the recorder).

The recorder never imports the renderer or the widget (imports point one way: engine ->
recorder -> render -> widget).  The conveniences on a :class:`~.recording.Recording`
(``rec.draw()``, display in Jupyter, ``rec.stepper()``, ``rec.save_html()``) look up a
*provider* here by name:

=================  ========================================  ==========================
name               called as                                 provided by
=================  ========================================  ==========================
``draw_frame``     ``fn(rec, frame, view=...)``              ``autograd_viz.render``
``mimebundle``     ``fn(rec) -> dict``                       ``autograd_viz.render``
``stepper``        ``fn(rec, lang=..., view=...)``           ``autograd_viz.widget``
``save_html``      ``fn(rec, path, lang=..., view=...)``     ``autograd_viz.widget``
=================  ========================================  ==========================

A layer registers its providers with :func:`provide` when it is imported.  So that
``rec.stepper()`` works without importing the widget first, the package's top level
(``autograd_viz/__init__.py``, above every layer) installs a *loader* with
:func:`set_loader`: called with a missing name, it imports the layer that provides it.
"""

from __future__ import annotations

_PROVIDERS: dict = {}
_LOADER = [None]


def provide(name: str, fn) -> None:
    """Register ``fn`` as the provider of ``name`` (a layer does this on import)."""
    _PROVIDERS[name] = fn


def set_loader(fn) -> None:
    """``fn(name)`` imports whatever provides ``name`` (installed by the package)."""
    _LOADER[0] = fn


def get(name: str):
    fn = _PROVIDERS.get(name)
    if fn is None and _LOADER[0] is not None:
        _LOADER[0](name)
        fn = _PROVIDERS.get(name)
    if fn is None:
        raise RuntimeError(
            f"nothing provides {name!r}: import autograd_viz.render / autograd_viz.widget"
        )
    return fn
