"""How the library's classes print: ``print(type(x))`` reads ``<class 'torch.Tensor'>`` as in
PyTorch (tutorials print it), ``type(y.grad_fn)`` ``<class 'MulBackward0'>``, ``type(model)``
``<class 'torch.nn.modules.linear.Linear'>``.  Only the printing changes: the classes keep
their names and modules, so imports, pickling and ``isinstance`` are as before, and a
learner's own subclasses print as usual (``<class '__main__.Net'>``)."""

from __future__ import annotations


class ShownAs(type):
    """Metaclass: a class whose own namespace has ``_torch_class`` prints as that path."""

    def __repr__(cls) -> str:
        path = cls.__dict__.get("_torch_class")
        return type.__repr__(cls) if path is None else f"<class '{path}'>"


def show_as(classes, module):
    """Give each of ``classes`` PyTorch's path ``<module>.<its name>``."""
    for cls in classes:
        cls._torch_class = f"{module}.{cls.__name__}"
