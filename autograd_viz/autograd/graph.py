"""``torch.autograd.graph``: hooks for saved tensors (``saved_tensors_hooks``,
``save_on_cpu``, ``disable_saved_tensors_hooks``) as the autograd notes use them.

Inside ``saved_tensors_hooks(pack, unpack)`` every tensor an op saves for its backward
goes through ``pack`` when the op runs (an input saved is passed as itself, a saved
output as the output, which has this node as ``grad_fn``); ``unpack`` gets what ``pack``
returned when backward is about to read it (just before the node runs, once per backward),
and its result is what the backward computes with.  Which tensors a node saves, and in
which order, is PyTorch's for the usual ops (``x * y`` saves ``y`` then ``x``, each only
when the other one's gradient needs it; ``exp``/``tanh``/``sigmoid``/``relu`` save the
result; ``log``/``sin``/``pow`` the input).  The work is done by the listener in
``_watch.py``: nothing on the engine's paths when no hook is in force."""

from __future__ import annotations

from ..engine.function import Function as Node
from . import _watch

__all__ = [
    "Node",
    "disable_saved_tensors_hooks",
    "save_on_cpu",
    "saved_tensors_hooks",
]


class saved_tensors_hooks:
    """Context manager: ``pack_hook(tensor) -> Any`` when an op saves a tensor for
    backward, ``unpack_hook(packed) -> Tensor`` when backward reads it.  Nested: the
    innermost pair applies."""

    def __init__(self, pack_hook, unpack_hook) -> None:
        self.pack_hook = pack_hook
        self.unpack_hook = unpack_hook

    def __enter__(self) -> None:
        if _watch.DISABLED:
            raise RuntimeError(_watch.DISABLED[-1])
        _watch.HOOKS.append((self.pack_hook, self.unpack_hook))
        _watch.refresh()

    def __exit__(self, *args: object) -> None:
        _watch.HOOKS.pop()
        _watch.refresh()


class save_on_cpu(saved_tensors_hooks):
    """Saved tensors are packed as ``(device, copy on the CPU)`` and moved back when
    backward reads them (here every tensor is on the CPU: a copy)."""

    def __init__(self, pin_memory: bool = False, device_type: str = "cuda") -> None:
        def pack_to_cpu(tensor):
            return (tensor.device, tensor.detach().clone())

        def unpack_from_cpu(packed):
            device, tensor = packed
            return tensor.to(device)

        super().__init__(pack_to_cpu, unpack_from_cpu)


class disable_saved_tensors_hooks:
    """Context manager in which entering ``saved_tensors_hooks`` raises
    ``RuntimeError(error_message)``."""

    def __init__(self, error_message: str) -> None:
        self.error_message = error_message

    def __enter__(self) -> None:
        _watch.DISABLED.append(self.error_message)

    def __exit__(self, *args: object) -> None:
        _watch.DISABLED.pop()


for _c in (saved_tensors_hooks, save_on_cpu, disable_saved_tensors_hooks):
    _c.__module__ = "torch.autograd.graph"
