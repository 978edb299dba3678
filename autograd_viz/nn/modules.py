"""``Module`` and the layers the lessons use."""

from __future__ import annotations

import math
import numbers
import warnings
from collections import OrderedDict

import numpy as np

from ..engine import api as _api
from ..engine import creation, events
from ..engine._stack import user_stacklevel
from ..engine.api_extra import _legacy_reduction
from ..engine.argtypes_shape import tp_name as _tp_name
from ..engine.device import factory_dtype
from ..engine.function import _ListHandle
from ..engine.shown import ShownAs
from ..engine.tensor import Tensor
from . import _backward_hooks as _hooks
from .parameter import Parameter


class _IncompatibleKeys(tuple):
    """What ``load_state_dict`` returns (PyTorch's named tuple)."""

    def __new__(cls, missing_keys, unexpected_keys):
        self = super().__new__(cls, (missing_keys, unexpected_keys))
        return self

    @property
    def missing_keys(self):
        return self[0]

    @property
    def unexpected_keys(self):
        return self[1]

    def __repr__(self) -> str:
        if not self[0] and not self[1]:
            return "<All keys matched successfully>"
        return f"_IncompatibleKeys(missing_keys={self[0]}, unexpected_keys={self[1]})"

    __str__ = __repr__


class Module(metaclass=ShownAs):
    """Base class: parameters, buffers and sub-modules assigned as attributes are
    registered (in assignment order) and found by ``parameters()``, ``buffers()``,
    ``state_dict()``..."""

    _version = 1
    call_super_init = False

    def __init__(self, *args, **kwargs):
        object.__setattr__(self, "_parameters", {})
        object.__setattr__(self, "_buffers", {})
        object.__setattr__(self, "_non_persistent_buffers_set", set())
        object.__setattr__(self, "_modules", {})
        object.__setattr__(self, "training", True)

    def __setattr__(self, name, value):
        params = self.__dict__.get("_parameters")
        if params is None:
            raise AttributeError("cannot assign parameters before Module.__init__() call")
        if isinstance(value, Parameter):
            self.__dict__.pop(name, None)
            self._buffers.pop(name, None)
            self._modules.pop(name, None)
            params[name] = value
        elif isinstance(value, Module):
            self.__dict__.pop(name, None)
            params.pop(name, None)
            self._buffers.pop(name, None)
            self._modules[name] = value
        elif name in params:
            if value is not None:
                raise TypeError(
                    f"cannot assign '{_typename(value)}' as parameter "
                    f"'{name}' (torch.nn.Parameter or None expected)"
                )
            params[name] = None
        elif name in self._modules:
            if value is not None:
                raise TypeError(
                    f"cannot assign '{_typename(value)}' as child module "
                    f"'{name}' (torch.nn.Module or None expected)"
                )
            self._modules[name] = None
        elif name in self._buffers:
            if value is not None and not isinstance(value, Tensor):
                raise TypeError(
                    f"cannot assign '{_typename(value)}' as buffer '{name}' "
                    "(torch.nn.Buffer, torch.Tensor or None expected)"
                )
            self._buffers[name] = value
            if value is not None and value.__dict__.get("_is_buffer"):  # nn.Buffer
                self.register_buffer(name, value, value.__dict__.get("persistent", True))
        elif value.__class__ is Tensor and value.__dict__.get("_is_buffer"):  # nn.Buffer
            self.__dict__.pop(name, None)
            self._modules.pop(name, None)
            self.register_buffer(name, value, value.__dict__.get("persistent", True))
        else:
            object.__setattr__(self, name, value)

    def __getattr__(self, name):
        d = self.__dict__
        for table in ("_parameters", "_buffers", "_modules"):
            t = d.get(table)
            if t is not None and name in t:
                return t[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __delattr__(self, name):
        if name in self._parameters:
            del self._parameters[name]
        elif name in self._buffers:
            del self._buffers[name]
            self._non_persistent_buffers_set.discard(name)
        elif name in self._modules:
            del self._modules[name]
        else:
            object.__delattr__(self, name)

    def __dir__(self):
        keys = list(super().__dir__())
        return sorted(
            set(keys + list(self._parameters) + list(self._buffers) + list(self._modules))
        )

    def _check_new_name(self, name, kind):
        if not isinstance(name, str):
            raise TypeError(f"{kind} name should be a string. Got {_typename(name)}")
        if "." in name:
            raise KeyError(f'{kind} name can\'t contain "."')
        if name == "":
            raise KeyError(f'{kind} name can\'t be empty string ""')
        if hasattr(self, name) and name not in getattr(self, "_" + kind + "s", {}):
            raise KeyError(f"attribute '{name}' already exists")

    def register_parameter(self, name, param):
        if "_parameters" not in self.__dict__:
            raise AttributeError("cannot assign parameter before Module.__init__() call")
        self._check_new_name(name, "parameter")
        if param is not None and not isinstance(param, Parameter):
            raise TypeError(
                f"cannot assign '{_typename(param)}' object to parameter '{name}' "
                "(torch.nn.Parameter or None required)"
            )
        self._parameters[name] = param

    def register_buffer(self, name, tensor, persistent=True):
        if "_buffers" not in self.__dict__:
            raise AttributeError("cannot assign buffer before Module.__init__() call")
        self._check_new_name(name, "buffer")
        if tensor is not None and not isinstance(tensor, Tensor):
            raise TypeError(
                f"cannot assign '{_typename(tensor)}' object to buffer '{name}' "
                "(torch Tensor or None required)"
            )
        self._buffers[name] = tensor
        if persistent:
            self._non_persistent_buffers_set.discard(name)
        else:
            self._non_persistent_buffers_set.add(name)

    def add_module(self, name, module):
        if module is not None and not isinstance(module, Module):
            raise TypeError(f"{_typename(module)} is not a Module subclass")
        if not isinstance(name, str):
            raise TypeError(f"module name should be a string. Got {type(name).__name__}")
        if hasattr(self, name) and name not in self._modules:
            raise KeyError(f"attribute '{name}' already exists")
        if "." in name:
            raise KeyError(f'module name can\'t contain ".", got: {name}')
        if name == "":
            raise KeyError('module name can\'t be empty string ""')
        self._modules[name] = module

    register_module = add_module

    def get_submodule(self, target):
        mod = self
        if target == "":
            return mod
        for item in target.split("."):
            if not hasattr(mod, item):
                raise AttributeError(f"{mod._get_name()} has no attribute `{item}`")
            mod = getattr(mod, item)
            if not isinstance(mod, Module):
                raise AttributeError("`" + item + "` is not an nn.Module")
        return mod

    def get_parameter(self, target):
        mod_path, _, name = target.rpartition(".")
        mod = self.get_submodule(mod_path)
        if not hasattr(mod, name):
            raise AttributeError(f"{mod._get_name()} has no attribute `{name}`")
        p = getattr(mod, name)
        if not isinstance(p, Parameter):
            raise AttributeError("`" + name + "` is not an nn.Parameter")
        return p

    def get_buffer(self, target):
        mod_path, _, name = target.rpartition(".")
        mod = self.get_submodule(mod_path)
        if not hasattr(mod, name):
            raise AttributeError(f"{mod._get_name()} has no attribute `{name}`")
        if name not in mod._buffers:
            raise AttributeError("`" + name + "` is not a buffer")
        return getattr(mod, name)

    def forward(self, *args, **kwargs):
        raise NotImplementedError(
            f'Module [{type(self).__name__}] is missing the required "forward" function'
        )

    _hooked = False  # set when a forward (pre-)hook or a backward hook is registered
    _is_full_backward_hook = None  # (PyTorch's: True / False once one kind is registered)

    def __call__(self, *args, **kwargs):
        if self._hooked:
            return self._call_with_hooks(args, kwargs)
        return self.forward(*args, **kwargs)

    def _call_with_hooks(self, args, kwargs):
        called = set()  # (forward hooks run: an ``always_call`` one runs once)
        try:
            return self._run_hooked(args, kwargs, called)
        except Exception:
            d = self.__dict__
            always = d.get("_forward_hooks_always_called")
            if always:
                with_kwargs = d.get("_forward_hooks_with_kwargs", ())
                out = None
                for key, h in list(d.get("_forward_hooks", {}).items()):
                    if key not in always or key in called:
                        continue
                    try:
                        r = h(self, args, kwargs, out) if key in with_kwargs else h(self, args, out)
                        if r is not None:
                            out = r
                    except Exception as e:
                        warnings.warn(
                            "module forward hook with ``always_call=True`` raised an exception "
                            f"that was silenced as another error was raised in forward: {e}",
                            stacklevel=user_stacklevel(),
                        )
            raise

    def _run_hooked(self, args, kwargs, called):
        d = self.__dict__
        full, non_full = [], []
        bw = d.get("_backward_hooks")
        if bw:
            (full if self._is_full_backward_hook else non_full).extend(bw.values())
        pre_bw = list(d.get("_backward_pre_hooks", {}).values())
        hooks = d.get("_forward_pre_hooks")
        if hooks:
            with_kwargs = d.get("_forward_pre_hooks_with_kwargs", ())
            for key, h in list(hooks.items()):
                if key in with_kwargs:
                    r = h(self, args, kwargs)
                    if r is not None:
                        if not (isinstance(r, tuple) and len(r) == 2):
                            raise RuntimeError(
                                "forward pre-hook must return None or a tuple of (new_args, "
                                f"new_kwargs), but got {r}."
                            )
                        args, kwargs = r
                    continue
                r = h(self, args)
                if r is not None:
                    args = r if isinstance(r, tuple) else (r,)
        bw_hook = None
        if full or pre_bw:
            bw_hook = _hooks.BackwardHook(self, full, pre_bw)
            args = bw_hook.setup_input_hook(args)
        out = self.forward(*args, **kwargs)
        hooks = d.get("_forward_hooks")
        if hooks:
            with_kwargs = d.get("_forward_hooks_with_kwargs", ())
            for key, h in list(hooks.items()):
                called.add(key)
                r = h(self, args, kwargs, out) if key in with_kwargs else h(self, args, out)
                if r is not None:
                    out = r
        if bw_hook is not None:
            if not isinstance(out, (Tensor, tuple)):
                warnings.warn(
                    "For backward hooks to be called, module output should be a Tensor or a "
                    f"tuple of Tensors but received {type(out)}",
                    stacklevel=user_stacklevel(),
                )
            out = bw_hook.setup_output_hook(out)
        if non_full:
            _hooks.non_full_backward_hooks(self, non_full, args, out)
        return out

    def _add_hook(self, table, fn, prepend=False):
        hooks = self.__dict__.get(table)
        if hooks is None:
            hooks = OrderedDict()
            object.__setattr__(self, table, hooks)
            object.__setattr__(self, "_hooked", True)
        key = object()
        hooks[key] = fn
        if prepend:
            hooks.move_to_end(key, last=False)
        return _DictHandle(hooks, key)

    def _hook_flag(self, table, key):
        keys = self.__dict__.get(table)
        if keys is None:
            keys = set()
            object.__setattr__(self, table, keys)
        keys.add(key)

    def register_forward_hook(self, hook, *, prepend=False, with_kwargs=False, always_call=False):
        """``hook(module, args, output)`` (``with_kwargs``: ``hook(module, args, kwargs,
        output)``) after ``forward``; may return a new output."""
        handle = self._add_hook("_forward_hooks", hook, prepend)
        if with_kwargs:
            self._hook_flag("_forward_hooks_with_kwargs", handle._item)
        if always_call:
            self._hook_flag("_forward_hooks_always_called", handle._item)
        return handle

    def register_forward_pre_hook(self, hook, *, prepend=False, with_kwargs=False):
        """``hook(module, args)`` before ``forward``; may return new args (``with_kwargs``:
        ``hook(module, args, kwargs)`` returning ``None`` or ``(args, kwargs)``)."""
        handle = self._add_hook("_forward_pre_hooks", hook, prepend)
        if with_kwargs:
            self._hook_flag("_forward_pre_hooks_with_kwargs", handle._item)
        return handle

    def _backward_kind(self, full):
        if self._is_full_backward_hook is (not full):
            raise RuntimeError(
                "Cannot use both regular backward hooks and full backward hooks on a single "
                "Module. Please use only one of them."
            )
        object.__setattr__(self, "_is_full_backward_hook", full)

    def register_full_backward_hook(self, hook, prepend=False):
        """``hook(module, grad_input, grad_output)`` when the gradients of the module's
        inputs are computed; may return new ``grad_input`` (PyTorch's ``BackwardHook``:
        identity ``BackwardHookFunctionBackward`` nodes around the module's inputs and
        outputs)."""
        self._backward_kind(True)
        return self._add_hook("_backward_hooks", hook, prepend)

    def register_backward_hook(self, hook):
        """The legacy hook: ``hook(module, grad_input, grad_output)`` on the ``grad_fn`` of
        the module's output (the grad_input of that one node)."""
        self._backward_kind(False)
        return self._add_hook("_backward_hooks", hook)

    def register_full_backward_pre_hook(self, hook, prepend=False):
        """``hook(module, grad_output)`` when the gradients of the module's outputs are
        known; may return new ``grad_output``."""
        return self._add_hook("_backward_pre_hooks", hook, prepend)

    def _get_name(self) -> str:
        return type(self).__name__

    # ------------------------------------------------------------------ traversal
    def named_parameters(self, prefix="", recurse=True, remove_duplicate=True):
        seen = set()
        for mod_prefix, mod in self._named_modules(prefix) if recurse else [(prefix, self)]:
            for name, p in mod._parameters.items():
                if p is None or (remove_duplicate and id(p) in seen):
                    continue
                seen.add(id(p))
                yield (mod_prefix + ("." if mod_prefix else "") + name, p)

    def parameters(self, recurse=True):
        for _, p in self.named_parameters(recurse=recurse):
            yield p

    def named_buffers(self, prefix="", recurse=True, remove_duplicate=True):
        seen = set()
        for mod_prefix, mod in self._named_modules(prefix) if recurse else [(prefix, self)]:
            for name, b in mod._buffers.items():
                if b is None or (remove_duplicate and id(b) in seen):
                    continue
                seen.add(id(b))
                yield (mod_prefix + ("." if mod_prefix else "") + name, b)

    def buffers(self, recurse=True):
        for _, b in self.named_buffers(recurse=recurse):
            yield b

    def _named_modules(self, prefix="", memo=None):
        if memo is None:
            memo = set()
        if id(self) in memo:
            return
        memo.add(id(self))
        yield prefix, self
        for name, m in self._modules.items():
            if m is None:
                continue
            yield from m._named_modules(prefix + ("." if prefix else "") + name, memo)

    def named_modules(self, memo=None, prefix="", remove_duplicate=True):
        yield from self._named_modules(prefix)

    def modules(self):
        for _, m in self._named_modules():
            yield m

    def children(self):
        seen = set()
        for m in self._modules.values():
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                yield m

    def named_children(self):
        seen = set()
        for n, m in self._modules.items():
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                yield n, m

    def apply(self, fn):
        """Call ``fn`` on every sub-module (children first), then on this module."""
        for m in self.children():
            m.apply(fn)
        fn(self)
        return self

    # ------------------------------------------------------------------ state
    def zero_grad(self, set_to_none=True):
        """Reset the gradients of all parameters (to ``None``, as PyTorch 2 does)."""
        params = list(self.parameters())
        _zero_grads(params, set_to_none)
        if events.LISTENERS:
            events.emit("zero_grad", owner=self, params=params, set_to_none=set_to_none)

    def train(self, mode=True):
        if not isinstance(mode, bool):
            raise ValueError("training mode is expected to be boolean")
        object.__setattr__(self, "training", mode)
        for m in self.children():
            m.train(mode)
        return self

    def eval(self):
        return self.train(False)

    def requires_grad_(self, requires_grad=True):
        for p in self.parameters():
            p.requires_grad_(requires_grad)
        return self

    def _apply_arrays(self, fn):
        for m in self.modules():
            for p in m._parameters.values():
                if p is not None:
                    new = fn(p._data)
                    if new is not p._data:
                        p._data = new
                        if p._accumulator is not None:
                            p._accumulator._dtype = new.dtype
                        if p._grad is not None:
                            p._grad._data = fn(p._grad._data)
            for _name, b in list(m._buffers.items()):
                if b is not None:
                    new = fn(b._data)
                    if new is not b._data:
                        b._data = new
        return self

    def _cast_floats(self, npd):
        return self._apply_arrays(lambda a: a.astype(npd) if a.dtype.kind == "f" else a)

    def double(self):
        return self._cast_floats(np.float64)

    def float(self):
        return self._cast_floats(np.float32)

    def half(self):
        return self._cast_floats(np.float16)

    def to(self, *args, **kwargs):
        """``to(dtype)`` casts the floating parameters and buffers; a device (``"cpu"``)
        changes nothing; ``"cuda"`` raises as PyTorch does without CUDA."""
        from ..engine.dtypes import dtype as _dtype_cls
        from ..engine.dtypes import to_numpy_dtype

        dtype = kwargs.get("dtype")
        for a in (*args, kwargs.get("device")):
            if a is None or isinstance(a, bool):
                continue
            if isinstance(a, Tensor):
                dtype = a.dtype
                continue
            if isinstance(a, _dtype_cls):  # (bfloat16 too: its cast says it is not held)
                dtype = a
                continue
            try:
                npd = to_numpy_dtype(a)
            except Exception:
                npd = None
            if npd is not None and not isinstance(a, str):
                dtype = a
                continue
            _check_device(a)
        if dtype is not None:
            npd = to_numpy_dtype(dtype)
            if npd.kind not in "fc":
                raise TypeError(
                    "nn.Module.to only accepts floating point or complex dtypes, but got "
                    f"desired dtype={dtype}"
                )
            self._cast_floats(npd)
        return self

    def cpu(self):
        return self

    def share_memory(self):
        return self

    def cuda(self, device=None):
        _check_device("cuda")
        return self

    def type(self, dst_type):
        return self.to(dst_type)

    def state_dict(self, *args, destination=None, prefix="", keep_vars=False):
        out = OrderedDict() if destination is None else destination
        if destination is None:  # (each module's version, as PyTorch keeps it)
            out._metadata = OrderedDict()
        meta = getattr(out, "_metadata", None)
        for mod_prefix, mod in self._named_modules(prefix.rstrip(".")):
            pre = mod_prefix + "." if mod_prefix else ""
            if meta is not None:
                meta[mod_prefix] = {"version": mod._version}
            for n, p in mod._parameters.items():
                if p is not None:
                    out[pre + n] = p if keep_vars else p.detach()
            for n, b in mod._buffers.items():
                if b is not None and n not in mod._non_persistent_buffers_set:
                    out[pre + n] = b if keep_vars else b.detach()
        return out

    def load_state_dict(self, state_dict, strict=True, assign=False):
        if not isinstance(state_dict, dict):
            raise TypeError(f"Expected state_dict to be dict-like, got {type(state_dict)}.")
        own = self.state_dict(keep_vars=True)
        metadata = getattr(state_dict, "_metadata", None)
        state_dict = OrderedDict(state_dict)
        for mod_prefix, mod in self._named_modules():
            upgrade = getattr(mod, "_upgrade_state_dict", None)
            if upgrade is not None:  # (a key an older version of the module did not save)
                local = {} if metadata is None else metadata.get(mod_prefix, {})
                pre = mod_prefix + "." if mod_prefix else ""
                upgrade(state_dict, pre, local.get("version"))
        missing = [k for k in own if k not in state_dict]
        unexpected = [k for k in state_dict if k not in own]
        errors = []
        for k, t in own.items():
            if k not in state_dict:
                continue
            v = state_dict[k]
            if not isinstance(v, Tensor):
                errors.append(
                    f'While copying the parameter named "{k}", expected torch.Tensor or '
                    f"Tensor-like object from checkpoint but received {type(v)}"
                )
                continue
            if v._data.shape != t._data.shape:
                errors.append(
                    f"size mismatch for {k}: copying a param with shape {v.shape} from "
                    f"checkpoint, the shape in current model is {t.shape}."
                )
                continue
            t._data[...] = v._data
            t._vbox[0] += 1
        if strict:
            if unexpected:
                errors.insert(
                    0,
                    "Unexpected key(s) in state_dict: "
                    + ", ".join(f'"{k}"' for k in unexpected)
                    + ". ",
                )
            if missing:
                errors.insert(
                    0,
                    "Missing key(s) in state_dict: " + ", ".join(f'"{k}"' for k in missing) + ". ",
                )
        if errors:
            raise RuntimeError(
                f"Error(s) in loading state_dict for {type(self).__name__}:\n\t"
                + "\n\t".join(errors)
            )
        return _IncompatibleKeys(missing, unexpected)

    def extra_repr(self) -> str:
        return ""

    def __repr__(self) -> str:
        extra = self.extra_repr()
        children = [(n, m) for n, m in self._modules.items()]
        lines = extra.split("\n") if extra else []
        if not children and len(lines) <= 1:
            return f"{self._get_name()}({extra})"
        for n, m in children:
            r = repr(m).replace("\n", "\n  ")
            lines.append(f"({n}): {r}")
        return self._get_name() + "(\n  " + "\n  ".join(lines) + "\n)"


class _DictHandle(_ListHandle):
    """What a module's ``register_*hook`` returns: ``RemovableHandle`` as a tensor hook's
    (shown so, a context manager), over the module's dict of hooks."""

    __slots__ = ()

    def remove(self) -> None:
        self._list.pop(self._item, None)


for _attr in ("__name__", "__qualname__", "__module__"):
    setattr(_DictHandle, _attr, getattr(_ListHandle, _attr))


def _check_device(device) -> None:
    name = str(getattr(device, "type", device))
    if name.startswith("cuda"):
        raise AssertionError("Torch not compiled with CUDA enabled")
    if name not in ("cpu", "meta") and not name.startswith("cpu:"):
        raise RuntimeError(
            "Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, "
            "fpga, maia, xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device "
            f"type at start of device string: {name}"
        )


def _typename(obj) -> str:
    """``torch.typename``: a tensor's type string, else ``module.QualName`` (no module
    for builtins)."""
    if isinstance(obj, Tensor):
        return obj.type()
    if isinstance(obj, type) and "_torch_class" in obj.__dict__:  # (a class: its path)
        return obj._torch_class
    module = getattr(obj, "__module__", "") or ""
    if hasattr(obj, "__qualname__"):
        name = obj.__qualname__
    elif hasattr(obj, "__name__"):
        name = obj.__name__
    else:
        cls = obj.__class__
        if "_torch_class" in cls.__dict__:
            return cls._torch_class
        module, name = cls.__module__ or "", cls.__qualname__
    if module.startswith("autograd_viz"):  # (our torch.* names)
        module = "torch" + module[len("autograd_viz") :].replace(".engine", "", 1)
    return name if module in ("", "builtins") else f"{module}.{name}"


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
        n_out, n_in = _check_param_shape((out_features, in_features))
        self.in_features = in_features
        self.out_features = out_features
        bound = 1.0 / math.sqrt(in_features) if in_features > 0 else 0.0
        npd = factory_dtype(dtype, device)
        rng = creation._rng[0]
        # kaiming_uniform_(weight, a=sqrt(5)) with PyTorch's own arithmetic for the bound
        wb = (
            math.sqrt(3.0) * (math.sqrt(2.0 / (1 + 5.0)) / math.sqrt(in_features))
            if in_features
            else 0.0
        )
        w = rng.uniform_t((n_out, n_in), npd, -wb, wb)
        self.weight = Parameter(Tensor._make(w))
        if bias:
            b = rng.uniform_t((n_out,), npd, -bound, bound)
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

    def _key(self, idx):
        """PyTorch's ``_get_item_by_idx`` over the keys."""
        n = len(self._modules)
        if not isinstance(idx, numbers.Integral):
            raise TypeError(f"'{_tp_name(idx)}' object cannot be interpreted as an integer")
        if not (-n <= idx < n):
            raise IndexError(f"index {idx} is out of range")
        return list(self._modules)[idx]

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return Sequential(OrderedDict(list(self._modules.items())[idx]))
        return self._modules[self._key(idx)]

    def __setitem__(self, idx, module):
        setattr(self, self._key(idx), module)

    def pop(self, key):
        v = self[key]
        del self[key]
        return v

    def _only_sequential(self, other):
        if not isinstance(other, Sequential):
            raise ValueError(
                "add operator supports only objects of Sequential class, but "
                f"{type(other)} is given."
            )

    def __add__(self, other):
        self._only_sequential(other)
        return Sequential(*self, *other)

    def __iadd__(self, other):
        self._only_sequential(other)
        for m in list(other):
            self.append(m)
        return self

    def _factor(self, other):
        if not isinstance(other, int):
            raise TypeError(f"unsupported operand type(s) for *: {type(self)} and {type(other)}")
        if other <= 0:
            raise ValueError(f"Non-positive multiplication factor {other} for {type(self)}")

    def __mul__(self, other):
        self._factor(other)
        return Sequential(*(list(self) * other))

    __rmul__ = __mul__

    def __imul__(self, other):
        self._factor(other)
        for m in list(self) * (other - 1):
            self.append(m)
        return self

    def __delitem__(self, idx):
        keys = list(self._modules)
        targets = keys[idx] if isinstance(idx, slice) else [self._key(idx)]
        for k in targets:
            del self._modules[k]
        # PyTorch renumbers the remaining modules
        mods = list(self._modules.values())
        self._modules.clear()
        for i, m in enumerate(mods):
            self._modules[str(i)] = m

    def extend(self, modules):
        for m in modules:
            self.append(m)
        return self

    def insert(self, index, module):
        if not isinstance(module, Module):
            raise AssertionError(f"module should be of type: {Module}")
        n = len(self._modules)
        if not (-n <= index <= n):
            raise IndexError(f"Index out of range: {index}")
        if index < 0:
            index += n
        mods = list(self._modules.values())
        mods.insert(index, module)
        self._modules.clear()
        for i, m in enumerate(mods):
            self._modules[str(i)] = m
        return self

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
        if self.inplace and hasattr(input, "relu_"):
            return input.relu_()
        return _api.relu(input)

    def extra_repr(self) -> str:
        return "inplace=True" if self.inplace else ""


class Identity(Module):
    def __init__(self, *args, **kwargs):
        super().__init__()

    def forward(self, input):
        return input


class MSELoss(Module):
    def __init__(self, size_average=None, reduce=None, reduction="mean"):
        super().__init__()
        if size_average is not None or reduce is not None:
            reduction = _legacy_reduction(size_average, reduce)
        self.reduction = reduction

    def forward(self, input, target):
        return _api.mse_loss(input, target, reduction=self.reduction)


def _check_param_shape(shape):
    """The sizes of a parameter as PyTorch's ``torch.empty(shape)`` reads them (``shape``:
    what the module passes to it, a tuple or one int), with its errors: wrong types
    (``nn.Linear(3, "2")``) and negative sizes (``nn.Conv2d(1, -1, 3)``)."""
    from ..engine.argtypes_shape import varargs_intlist

    dims = varargs_intlist("empty", "size", (shape,))
    neg = [d for d in dims if d < 0]
    if neg:
        raise RuntimeError(
            f"Trying to create tensor with negative dimension {neg[0]}: {list(dims)}"
        )
    return dims
