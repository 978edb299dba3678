"""``Module`` and the layers the lessons use."""

from __future__ import annotations

import math
import numbers
from collections import OrderedDict

import numpy as np

from ..engine import api as _api
from ..engine import creation, events
from ..engine.tensor import Tensor
from .parameter import Parameter


class Module:
    """Base class: parameters and sub-modules assigned as attributes are registered
    (in assignment order) and found by ``parameters()`` / ``named_parameters()``."""

    def __init__(self):
        object.__setattr__(self, "_parameters", OrderedDict())
        object.__setattr__(self, "_modules", OrderedDict())
        object.__setattr__(self, "training", True)

    def __setattr__(self, name, value):
        params = self.__dict__.get("_parameters")
        if params is None:
            raise AttributeError("cannot assign parameters before Module.__init__() call")
        if isinstance(value, Parameter):
            self.__dict__.pop(name, None)
            params[name] = value
        elif isinstance(value, Module):
            self.__dict__.pop(name, None)
            self._modules[name] = value
        elif name in params:
            if value is not None:
                raise TypeError(
                    f"cannot assign '{type(value).__name__}' as parameter "
                    f"'{name}' (torch.nn.Parameter or None expected)"
                )
            params[name] = None
        else:
            object.__setattr__(self, name, value)

    def __getattr__(self, name):
        d = self.__dict__
        if name in d.get("_parameters", ()):
            return d["_parameters"][name]
        if name in d.get("_modules", ()):
            return d["_modules"][name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __delattr__(self, name):
        if name in self._parameters:
            del self._parameters[name]
        elif name in self._modules:
            del self._modules[name]
        else:
            object.__delattr__(self, name)

    def register_parameter(self, name, param):
        self._parameters[name] = param

    def add_module(self, name, module):
        if module is not None and not isinstance(module, Module):
            raise TypeError(f"{_typename(module)} is not a Module subclass")
        if not isinstance(name, str):
            raise TypeError(f"module name should be a string. Got {type(name).__name__}")
        if "." in name:
            raise KeyError(f'module name can\'t contain ".", got: {name}')
        self._modules[name] = module

    def forward(self, *args, **kwargs):
        raise NotImplementedError(
            f'Module [{type(self).__name__}] is missing the required "forward" function'
        )

    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)

    def named_parameters(self, prefix="", recurse=True):
        seen = set()
        for mod_prefix, mod in self._named_modules(prefix) if recurse else [(prefix, self)]:
            for name, p in mod._parameters.items():
                if p is None or id(p) in seen:
                    continue
                seen.add(id(p))
                yield (mod_prefix + ("." if mod_prefix else "") + name, p)

    def parameters(self, recurse=True):
        for _, p in self.named_parameters(recurse=recurse):
            yield p

    def _named_modules(self, prefix=""):
        yield prefix, self
        for name, m in self._modules.items():
            if m is None:
                continue
            yield from m._named_modules(prefix + ("." if prefix else "") + name)

    def named_modules(self, prefix=""):
        yield from self._named_modules(prefix)

    def modules(self):
        for _, m in self._named_modules():
            yield m

    def children(self):
        yield from (m for m in self._modules.values() if m is not None)

    def named_children(self):
        yield from ((n, m) for n, m in self._modules.items() if m is not None)

    def zero_grad(self, set_to_none=True):
        """Reset the gradients of all parameters (to ``None``, as PyTorch 2 does)."""
        params = list(self.parameters())
        _zero_grads(params, set_to_none)
        if events.LISTENERS:
            events.emit("zero_grad", owner=self, params=params, set_to_none=set_to_none)

    def train(self, mode=True):
        for m in self.modules():
            object.__setattr__(m, "training", mode)
        return self

    def eval(self):
        return self.train(False)

    def requires_grad_(self, requires_grad=True):
        for p in self.parameters():
            p.requires_grad_(requires_grad)
        return self

    def state_dict(self):
        return OrderedDict((n, p.detach()) for n, p in self.named_parameters())

    def load_state_dict(self, state):
        own = dict(self.named_parameters())
        for n, v in state.items():
            own[n]._data[...] = v._data
        return None

    def extra_repr(self) -> str:
        return ""

    def __repr__(self) -> str:
        extra = self.extra_repr()
        children = [(n, m) for n, m in self._modules.items()]
        if not children:
            return f"{type(self).__name__}({extra})"
        lines = [extra] if extra else []
        for n, m in children:
            r = repr(m).replace("\n", "\n  ")
            lines.append(f"({n}): {r}")
        return type(self).__name__ + "(\n  " + "\n  ".join(lines) + "\n)"


def _typename(obj) -> str:
    """``torch.typename``: a tensor's type string, else ``module.QualName`` (no module
    for builtins)."""
    if isinstance(obj, Tensor):
        return obj.type()
    cls = type(obj)
    module = cls.__module__
    return cls.__qualname__ if module == "builtins" else f"{module}.{cls.__qualname__}"


def _zero_grads(params, set_to_none):
    for p in params:
        g = p._grad
        if g is None:
            continue
        if set_to_none:
            p._grad = None
        else:
            if g.grad_fn is not None:
                g.detach_()
            g._data[...] = 0
            g._vbox[0] += 1


class Linear(Module):
    """``y = x @ weight.T + bias`` with PyTorch's default initialisation
    (uniform in ±1/√in_features)."""

    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        size = (out_features, in_features)
        for pos, d in enumerate(size, 1):
            if not isinstance(d, numbers.Integral):
                raise TypeError(
                    f"empty(): argument 'size' failed to unpack the object at pos "
                    f'{pos} with error "type must be tuple of ints,but got '
                    f'{type(d).__name__}"'
                )
        if min(size) < 0:
            raise RuntimeError(
                f"Trying to create tensor with negative dimension "
                f"{min(size)}: [{out_features}, {in_features}]"
            )
        self.in_features = in_features
        self.out_features = out_features
        bound = 1.0 / math.sqrt(in_features) if in_features > 0 else 0.0
        npd = np.float64 if dtype is not None and dtype.name == "float64" else np.float32
        rng = creation._rng[0]
        w = rng.uniform(-bound, bound, (int(out_features), int(in_features))).astype(npd)
        self.weight = Parameter(Tensor._make(w))
        if bias:
            b = rng.uniform(-bound, bound, (int(out_features),)).astype(npd)
            self.bias = Parameter(Tensor._make(b))
        else:
            self.register_parameter("bias", None)

    def forward(self, input):
        return _api.linear(input, self.weight, self.bias)

    def extra_repr(self) -> str:
        return (
            f"in_features={self.in_features}, out_features={self.out_features}, "
            f"bias={self.bias is not None}"
        )


class Sequential(Module):
    """Modules applied one after another; ``seq[i]`` is the i-th one."""

    def __init__(self, *modules):
        super().__init__()
        if len(modules) == 1 and isinstance(modules[0], OrderedDict):
            for name, m in modules[0].items():
                self.add_module(name, m)
        else:
            for i, m in enumerate(modules):
                self.add_module(str(i), m)

    def forward(self, input):
        for m in self._modules.values():
            input = m(input)
        return input

    def __getitem__(self, idx):
        mods = list(self._modules.values())
        if isinstance(idx, slice):
            return Sequential(*mods[idx])
        return mods[idx]

    def __len__(self) -> int:
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules.values())

    def append(self, module):
        self.add_module(str(len(self._modules)), module)
        return self


class Sigmoid(Module):
    def forward(self, input):
        return _api.sigmoid(input)


class Tanh(Module):
    def forward(self, input):
        return _api.tanh(input)


class ReLU(Module):
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return _api.relu(input)


class Identity(Module):
    def forward(self, input):
        return input


class MSELoss(Module):
    def __init__(self, size_average=None, reduce=None, reduction="mean"):
        super().__init__()
        self.reduction = reduction

    def forward(self, input, target):
        return _api.mse_loss(input, target, reduction=self.reduction)
