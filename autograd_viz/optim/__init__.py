"""``torch.optim`` subset: ``SGD``, ``Adam``, ``AdamW``, ``RMSprop``, ``Adagrad``, ``Adadelta`` and
``lr_scheduler``."""

from ..engine.shown import show_as as _show_as
from . import lr_scheduler
from .adadelta import Adadelta
from .adam import Adam, AdamW
from .optimizer import Optimizer
from .rmsprop import Adagrad, RMSprop
from .sgd import SGD

__all__ = ["SGD", "Adadelta", "Adagrad", "Adam", "AdamW", "Optimizer", "RMSprop", "lr_scheduler"]

# ``print(type(opt))``: PyTorch's paths (engine/shown.py)
for _cls in (SGD, Adadelta, Adagrad, Adam, AdamW, Optimizer, RMSprop):
    _show_as([_cls], "torch.optim." + _cls.__name__.lower())
_show_as(
    [
        c
        for c in vars(lr_scheduler).values()
        if isinstance(c, type) and c.__module__ == lr_scheduler.__name__
    ],
    "torch.optim.lr_scheduler",
)
del _cls
