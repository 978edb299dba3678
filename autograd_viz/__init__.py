"""autograd_viz: step through backpropagation.

``import autograd_viz as torch`` gives a PyTorch-compatible autograd subset on numpy;
``autograd_viz.record()``, ``autograd_viz.draw(...)`` and ``autograd_viz.Stepper(...)``
show what it does, node by node.  ipywidgets and graphviz are imported only when the
drawing and widget parts are first used.
"""

from __future__ import annotations

from .engine import *  # noqa: F403  (the torch-like surface, listed in engine.__all__)
from .engine import __all__ as _engine_all
from .engine.dtypes import bool_ as bool

__version__ = "0.1.0"


def get_num_threads() -> int:
    """PyTorch compatibility: the engine runs numpy in this thread."""
    return 1


def set_num_threads(n: int) -> None:
    """PyTorch compatibility: accepted and ignored."""


#: ``torch.conv2d``, ``torch.dropout``...: defined in nn/torch_functions.py, listed here so
#: that ``import autograd_viz`` need not import nn (tests/engine/test_api_names.py checks
#: that each is defined there)
_TORCH_NN_NAMES = (
    "conv1d",
    "conv2d",
    "conv3d",
    "conv_transpose1d",
    "conv_transpose2d",
    "max_pool1d",
    "max_pool2d",
    "max_pool1d_with_indices",
    "avg_pool1d",
    "adaptive_avg_pool1d",
    "adaptive_max_pool1d",
    "dropout",
    "dropout_",
    "alpha_dropout",
    "alpha_dropout_",
    "feature_alpha_dropout",
    "feature_alpha_dropout_",
    "feature_dropout",
    "feature_dropout_",
    "embedding",
    "layer_norm",
    "batch_norm",
    "group_norm",
    "instance_norm",
    "rms_norm",
    "threshold",
    "threshold_",
    "selu",
    "selu_",
    "celu",
    "celu_",
    "prelu",
    "pixel_shuffle",
    "pixel_unshuffle",
    "bilinear",
    "cosine_similarity",
    "pairwise_distance",
    "pdist",
    "kl_div",
    "binary_cross_entropy_with_logits",
    "hinge_embedding_loss",
    "margin_ranking_loss",
    "triplet_margin_loss",
    "cosine_embedding_loss",
    "poisson_nll_loss",
    "channel_shuffle",
    "native_channel_shuffle",
)

_LAZY = {
    # name: (module, attribute)
    "nn": ("autograd_viz.nn", None),
    "optim": ("autograd_viz.optim", None),
    "autograd": ("autograd_viz.autograd", None),
    "utils": ("autograd_viz.utils", None),
    "linalg": ("autograd_viz.linalg", None),
    "vmap": ("autograd_viz.func", "vmap"),
    "func": ("autograd_viz.func", None),
    "distributions": ("autograd_viz.distributions", None),
    "is_anomaly_enabled": ("autograd_viz.autograd.anomaly", "is_anomaly_enabled"),
    "is_anomaly_check_nan_enabled": (
        "autograd_viz.autograd.anomaly",
        "is_anomaly_check_nan_enabled",
    ),
    "set_anomaly_enabled": ("autograd_viz.autograd.anomaly", "set_anomaly_enabled"),
    "special": ("autograd_viz.special", None),
    "random": ("autograd_viz.engine.random", None),
    "poisson": ("autograd_viz.distributions._sampling", "poisson"),
    "rrelu": ("autograd_viz.nn.activations_more", "rrelu"),
    "rrelu_": ("autograd_viz.nn.activations_more", "rrelu_"),
    "binomial": ("autograd_viz.distributions._sampling", "binomial"),
    "_standard_gamma": ("autograd_viz.distributions._sampling", "_standard_gamma"),
    "_standard_gamma_grad": ("autograd_viz.distributions._sampling", "_standard_gamma_grad"),
    "_sample_dirichlet": ("autograd_viz.distributions._sampling", "_sample_dirichlet"),
    "compile": ("autograd_viz._compile", "compile"),
    "compiler": ("autograd_viz._compile", "compiler"),
    "amp": ("autograd_viz.amp", None),
    "testing": ("autograd_viz.testing", None),
    "version": ("autograd_viz.version", None),
    "jit": ("autograd_viz.jit", None),
    "return_types": ("autograd_viz.engine.return_types", None),
    "autocast": ("autograd_viz.amp", "autocast"),
    "is_autocast_enabled": ("autograd_viz.amp", "is_autocast_enabled"),
    "get_autocast_dtype": ("autograd_viz.amp", "get_autocast_dtype"),
    "igamma": ("autograd_viz.engine.api_igamma", "gammainc"),
    "igammac": ("autograd_viz.engine.api_igamma", "gammaincc"),
    "_weight_norm": ("autograd_viz.nn.weight_norm_op", "_weight_norm"),
    "norm_except_dim": ("autograd_viz.nn.weight_norm_op", "norm_except_dim"),
    "matrix_exp": ("autograd_viz.engine.api_matrix_exp", "matrix_exp"),
    "geqrf": ("autograd_viz.engine.api_matrix_exp", "geqrf"),
    "vdot": ("autograd_viz.engine.random_more", "vdot"),
    "_dirichlet_grad": ("autograd_viz.distributions._sampling", "_dirichlet_grad"),
    **{n: ("autograd_viz.nn.torch_functions", n) for n in _TORCH_NN_NAMES},
    "record": ("autograd_viz.recorder", "record"),
    "Recording": ("autograd_viz.recorder", "Recording"),
    "set_language": ("autograd_viz.recorder", "set_language"),
    "get_language": ("autograd_viz.recorder", "get_language"),
    "draw": ("autograd_viz.render", "draw"),
    "Stepper": ("autograd_viz.widget", "Stepper"),
}


def _load_layer(name):
    """Import the layer that provides ``name`` to a recording (autograd_viz/_seam.py)."""
    import importlib

    layer = "render" if name in ("draw_frame", "mimebundle") else "widget"
    importlib.import_module(f"autograd_viz.{layer}")


# (_seam imports nothing; _torch_alias: ``torch.nn`` when sys.modules["torch"] is this package)
from . import _seam, _torch_alias  # noqa: E402

_torch_alias.install()

from .amp import cuda_amp as _cuda_amp  # noqa: E402  (``torch.cuda.amp``: engine-free names)

cuda.amp = _cuda_amp  # noqa: F405

_seam.set_loader(_load_layer)


def __getattr__(name):
    if name in _LAZY:
        import importlib

        mod_name, attr = _LAZY[name]
        mod = importlib.import_module(mod_name)
        value = mod if attr is None else getattr(mod, attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'torch' has no attribute '{name}'")


__all__ = [
    *_engine_all,
    "bool",
    "get_num_threads",
    "set_num_threads",
    # lazy names, defined by __getattr__ above on first use
    "nn",  # noqa: F405
    "optim",  # noqa: F405
    "autograd",  # noqa: F405
    "utils",  # noqa: F405
    "linalg",  # noqa: F405
    "func",  # noqa: F405
    "distributions",  # noqa: F405
    "is_anomaly_enabled",  # noqa: F405
    "is_anomaly_check_nan_enabled",  # noqa: F405
    "set_anomaly_enabled",  # noqa: F405
    "special",  # noqa: F405
    "random",  # noqa: F405
    "poisson",  # noqa: F405
    "binomial",  # noqa: F405
    "igamma",  # noqa: F405
    "igammac",  # noqa: F405
    "record",  # noqa: F405
    "Recording",  # noqa: F405
    "set_language",  # noqa: F405
    "get_language",  # noqa: F405
    "draw",  # noqa: F405
    "Stepper",  # noqa: F405
]
