"""The widget layer: ``Stepper`` (ipywidgets) and ``save_html`` (static HTML export).

Imported lazily by ``autograd_viz`` (``autograd_viz.Stepper``); importing this package imports
ipywidgets.
"""

from __future__ import annotations

from .. import _seam
from .export import save_html
from .i18n import get_language, set_language
from .stepper import Stepper

__all__ = ["Stepper", "get_language", "save_html", "set_language"]

# the recording's conveniences (rec.stepper(), rec.save_html()): autograd_viz/_seam.py
_seam.provide("stepper", Stepper)
_seam.provide("save_html", save_html)
