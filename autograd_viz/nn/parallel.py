"""``torch.nn.parallel`` as PyTorch has it on a machine without CUDA (what teaching code
meets when it wraps a model "for several GPUs").

``DataParallel(model)`` keeps the model as ``.module`` (its parameters are named
``module.weight``...), has no devices (``device_ids == []``) and runs the model as it is.
``DistributedDataParallel`` needs a process group, which this engine has not: PyTorch's
error without ``init_process_group``."""

from __future__ import annotations

from .modules import Module


class DataParallel(Module):
    """``nn.DataParallel`` without CUDA: the wrapped module, run on the CPU."""

    def __init__(self, module, device_ids=None, output_device=None, dim=0):
        super().__init__()
        self.module = module
        self.device_ids = []  # (PyTorch keeps only these two when no GPU is available)

    def forward(self, *inputs, **kwargs):
        return self.module(*inputs, **kwargs)


class DistributedDataParallel(Module):
    """``nn.parallel.DistributedDataParallel``: no process group here (PyTorch's error)."""

    def __init__(self, module, *args, **kwargs):
        super().__init__()
        raise ValueError(
            "Default process group has not been initialized, please make sure to call "
            "init_process_group."
        )


def data_parallel(module, inputs, device_ids=None, output_device=None, dim=0, module_kwargs=None):
    """``nn.parallel.data_parallel`` without CUDA: ``module(*inputs, **module_kwargs)``."""
    if not isinstance(inputs, tuple):
        inputs = (inputs,) if inputs is not None else ()
    return module(*inputs, **(module_kwargs or {}))


__all__ = ["DataParallel", "DistributedDataParallel", "data_parallel"]
