"""``torch.nn``, ``torch.utils.data``... when ``torch`` *is* autograd_viz.

A teacher's notebook starts with ``import torch`` and then ``import torch.nn as nn``,
``import torch.nn.functional as F``, ``from torch.utils.data import DataLoader``.  Where
``sys.modules["torch"]`` has been set to this package (by a notebook's first cell, a
course's set-up script or a test harness running PyTorch programs unchanged), Python
would load each ``torch.<sub>`` module a second time from this package's files, under
the new name: a second engine with its own ``Tensor`` class, so ``register_buffer``,
``isinstance(x, torch.Tensor)`` and every check between the two copies fail.

This finder, on ``sys.meta_path`` from the package's import on, answers only for names
``torch.<sub>`` while ``sys.modules["torch"]`` is this package: the module
``autograd_viz.<sub>`` itself (imported if needed), so both names are one module.  With
the real PyTorch, or no alias, it answers nothing.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import warnings

_PACKAGE = __name__.rpartition(".")[0]  # autograd_viz


class _Loader(importlib.abc.Loader):
    def __init__(self, target):
        self._target = target

    def create_module(self, spec):
        return importlib.import_module(self._target)

    def exec_module(self, module):
        # (already executed under its own name; the import system only files the module
        # under the alias name, and binds it on the parent)
        pass


class TorchAliasFinder(importlib.abc.MetaPathFinder):
    """``torch.<sub>`` -> ``autograd_viz.<sub>`` while ``torch`` is this package; and
    ``torch`` itself -> this package when PyTorch is not installed (so a notebook that
    says ``import autograd_viz as torch`` and then ``import torch.nn as nn`` or ``from
    torch.utils.data import DataLoader`` runs unchanged, instead of stopping on "No
    module named 'torch'").  With PyTorch installed, ``import torch`` is PyTorch."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname == "torch":
            return _torch_itself(self)
        if not fullname.startswith("torch."):
            return None
        alias = sys.modules.get("torch")
        if alias is None or getattr(alias, "__name__", None) != _PACKAGE:
            return None
        real = _PACKAGE + fullname[len("torch") :]
        try:
            if importlib.util.find_spec(real) is None:
                return None
        except ModuleNotFoundError:
            return None
        return importlib.util.spec_from_loader(fullname, _Loader(real))


_WARNED = []


def _real_torch_installed(me) -> bool:
    """Would the import system find a real ``torch`` after this finder?"""
    for finder in sys.meta_path:
        if finder is me or isinstance(finder, TorchAliasFinder):
            continue
        find_spec = getattr(finder, "find_spec", None)
        try:
            if find_spec is not None and find_spec("torch", None) is not None:
                return True
        except Exception:  # (a broken finder answers nothing)
            continue
    return False


def _torch_itself(me):
    if _real_torch_installed(me):
        return None
    if not _WARNED:
        _WARNED.append(True)
        warnings.warn(
            "PyTorch is not installed: 'import torch' gives autograd_viz (imported "
            "earlier in this program), the PyTorch-compatible engine this code runs on.",
            stacklevel=3,
        )
    return importlib.util.spec_from_loader("torch", _Loader(_PACKAGE))


def install():
    if not any(isinstance(f, TorchAliasFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, TorchAliasFinder())


def missing_attribute(torch_name):
    """A module ``__getattr__`` (PEP 562) that fails as PyTorch's module does:
    ``getattr(torch.optim, "SDG")`` -> ``module 'torch.optim' has no attribute 'SDG'``
    (李宏毅 HW1 2021 picks its optimizer by name), not this package's module name."""

    def __getattr__(name):
        raise AttributeError(f"module '{torch_name}' has no attribute '{name}'")

    return __getattr__
