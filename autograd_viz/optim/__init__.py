"""``torch.optim`` subset: ``SGD``, ``Adam``, ``AdamW``, ``RMSprop``, ``Adagrad``, ``Adadelta``,
``NAdam``, ``RAdam``, ``Adamax``, ``ASGD``, ``Rprop``, ``LBFGS`` and ``lr_scheduler``."""

from ..engine.shown import show_as as _show_as
from . import lr_scheduler, swa_utils
from .adadelta import Adadelta
from .adafactor import Adafactor
from .adam import Adam, AdamW
from .adam_variants import Adamax, NAdam, RAdam
from .asgd_rprop import ASGD, Rprop
from .lbfgs import LBFGS
from .optimizer import Optimizer
from .rmsprop import Adagrad, RMSprop
from .sgd import SGD
from .sparse_adam import SparseAdam

__all__ = [
    "ASGD",
    "LBFGS",
    "SGD",
    "Adadelta",
    "Adafactor",
    "Adagrad",
    "Adam",
    "AdamW",
    "Adamax",
    "NAdam",
    "Optimizer",
    "RAdam",
    "RMSprop",
    "Rprop",
    "SparseAdam",
    "lr_scheduler",
    "swa_utils",
]

# ``print(type(opt))``: PyTorch's paths (engine/shown.py)
for _cls in (
    SGD,
    Adadelta,
    Adagrad,
    Adam,
    AdamW,
    Optimizer,
    RMSprop,
    NAdam,
    RAdam,
    Adamax,
    ASGD,
    Rprop,
    LBFGS,
):
    _show_as([_cls], "torch.optim." + _cls.__name__.lower())
_show_as(
    [
        c
        for c in vars(lr_scheduler).values()
        if isinstance(c, type) and c.__module__ == lr_scheduler.__name__
    ],
    "torch.optim.lr_scheduler",
)
_show_as([SparseAdam], "torch.optim.sparse_adam")
_show_as([Adafactor], "torch.optim")
_show_as([swa_utils.AveragedModel, swa_utils.SWALR], "torch.optim.swa_utils")
del _cls


# (a missing name fails as in PyTorch: "module 'torch.optim' has no attribute ...")
from .._torch_alias import missing_attribute as _missing_attribute  # noqa: E402

__getattr__ = _missing_attribute("torch.optim")
