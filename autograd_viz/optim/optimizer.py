"""``Optimizer`` base: parameter groups, ``zero_grad``, ``state_dict`` and the one ``step()``
loop; each optimizer supplies only its per-parameter ``_update``."""

from __future__ import annotations

import copy
from collections import defaultdict

import numpy as np

from ..engine import events
from ..engine.dtypes import type_name
from ..engine.shown import ShownAs
from ..engine.tensor import Tensor
from ..nn.modules import _typename, _zero_grads


def _check_nonnegative(*checks):
    """``ValueError("Invalid <label>: <value>")`` for the first ``(label, value)`` not ``>= 0``
    (NaN included), in PyTorch's order of checks."""
    for label, value in checks:
        if not 0.0 <= value:  # noqa: SIM300  (PyTorch's order: its TypeError names float first)
            raise ValueError(f"Invalid {label}: {value}")


def _fma(s, a, b):
    """``s * a + b`` as PyTorch's CPU kernels compute ``b.add(a, alpha=s)``, ``lerp`` and
    ``addcmul`` in float32: one fused multiply-add (the product exact, one rounding; done in
    float64). A new array."""
    if b.dtype == np.float32:
        s = np.asarray(s, dtype=np.float32).astype(np.float64)  # (a number: as float32)
        return (s * a.astype(np.float64) + b).astype(np.float32)
    return s * a + b


def _split_names(group):
    """``(name, tensor)`` pairs (``model.named_parameters()``): the tensors, and the names
    as ``group["param_names"]``."""
    names = [p[0] for p in group["params"] if isinstance(p, tuple)]
    group["params"] = [p[1] if isinstance(p, tuple) else p for p in group["params"]]
    if len(names) != len(group["params"]):
        raise ValueError(
            "all optimizer params should be with/without names. Some param names are missing"
        )
    group["param_names"] = names


class Optimizer(metaclass=ShownAs):
    def __init__(self, params, defaults):
        if isinstance(params, Tensor):
            raise TypeError(
                "params argument given to the optimizer should be an iterable of Tensors or "
                f"dicts, but got {type_name(params._data.dtype)}"
            )
        self.defaults = defaults
        self.state: dict = defaultdict(dict)
        self.param_groups: list = []
        groups = list(params)
        if not groups:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(groups[0], dict):
            groups = [{"params": groups}]
        for g in groups:
            self.add_param_group(g)

    def __getstate__(self):
        # as PyTorch's: a copy or a pickle leaves out the ``step`` a scheduler wrapped (it
        # would step the original optimizer) and whether it was called
        return {k: v for k, v in self.__dict__.items() if k not in ("step", "_opt_called")}

    def __setstate__(self, state):
        self.__dict__.update(state)

    def add_param_group(self, group):
        if not isinstance(group, dict):
            raise TypeError(f"param_group must be a dict, but got {type(group)}")
        group = dict(group)
        params = group["params"]
        if isinstance(params, set):
            raise TypeError(
                "optimizer parameters need to be organized in ordered collections, but the "
                "ordering of tensors in sets will change between runs. Please use a list instead."
            )
        group["params"] = [params] if isinstance(params, Tensor) else list(params)
        if any(isinstance(p, tuple) for p in group["params"]):  # (named_parameters())
            _split_names(group)
        for p in group["params"]:
            if not isinstance(p, Tensor):
                raise TypeError(
                    f"optimizer can only optimize Tensors, but one of the params is {_typename(p)}"
                )
            if p.grad_fn is not None:
                raise ValueError("can't optimize a non-leaf Tensor")
        for g in self.param_groups:
            if ("param_names" in group) != ("param_names" in g):
                txt = "with names" if "param_names" in group else "without names"
                raise ValueError(
                    "all optimizer param groups should be with/without names. "
                    f"cannot add param group {txt} to the optimizer"
                )
        seen = {id(p) for g in self.param_groups for p in g["params"]}
        if any(id(p) in seen for p in group["params"]):
            raise ValueError("some parameters appear in more than one parameter group")
        for k, v in self.defaults.items():
            group.setdefault(k, v)
        self.param_groups.append(group)

    def _all_params(self):
        return [p for g in self.param_groups for p in g["params"]]

    def state_dict(self):
        """``{"state": {index: {...}}, "param_groups": [{..., "params": [indices]}]}``."""
        index = {}
        groups = []
        for g in self.param_groups:
            ids = []
            for p in g["params"]:
                index.setdefault(id(p), len(index))
                ids.append(index[id(p)])
            packed = {k: v for k, v in g.items() if k != "params"}
            packed["params"] = ids
            groups.append(packed)
        state = {}
        for p in self._all_params():
            if p in self.state:
                state[index[id(p)]] = dict(self.state[p])
        return {"state": state, "param_groups": groups}

    def load_state_dict(self, state_dict):
        state_dict = state_dict.copy()  # (PyTorch's shallow copy: its error for None)
        groups = state_dict["param_groups"]
        if len(groups) != len(self.param_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        for g, sg in zip(self.param_groups, groups, strict=True):
            if len(g["params"]) != len(sg["params"]):
                raise ValueError(
                    "loaded state dict contains a parameter group that doesn't match the "
                    "size of optimizer's group"
                )
        by_index = {}
        new_groups = []
        for g, sg in zip(self.param_groups, groups, strict=True):
            for p, i in zip(g["params"], sg["params"], strict=True):
                by_index[i] = p
            # (PyTorch's update_group: the saved group, in its key order - "params" last as
            # state_dict() packs it - with this group's parameters; a key set after saving,
            # such as a scheduler's "initial_lr", goes away, while a default the saved group
            # lacks comes back after the others, as each optimizer's __setstate__ adds it)
            new = copy.deepcopy({k: v for k, v in sg.items() if k != "params"})
            new = {k: (g["params"] if k == "params" else new[k]) for k in sg}
            for k, v in g.items():
                if k in self.defaults or k == "param_names":
                    new.setdefault(k, v)
            new_groups.append(new)
        self.param_groups[:] = new_groups
        self.state = defaultdict(dict)
        for i, st in state_dict["state"].items():
            p = by_index[i]
            new = {}
            for k, v in st.items():
                if isinstance(v, Tensor):
                    arr = v._data
                    if k != "step" and arr.dtype.kind == "f":
                        arr = arr.astype(p._data.dtype)
                    v = Tensor._make(np.array(arr, copy=True))
                elif isinstance(v, np.ndarray):
                    v = np.array(v, copy=True)
                new[k] = v
            self.state[p] = new

    def step(self, closure=None):
        """One update of every parameter with a gradient: ``d`` is the gradient (negated with
        ``maximize``, ``+ weight_decay * p`` unless the decay is decoupled), then the
        optimizer's ``_update(p, arr, d, h)`` changes ``arr`` (``p``'s data) in place.
        With listeners, one ``optim_step`` event lists ``(p, old, new, grad)``."""
        if type(self)._update is Optimizer._update:  # the base class: PyTorch's error
            raise NotImplementedError
        loss = closure() if closure is not None else None
        listening = bool(events.LISTENERS)
        record = [] if listening else None
        update = self._update
        for group in self.param_groups:
            maximize = group.get("maximize", False)
            wd = 0 if group.get("decoupled_weight_decay") else group.get("weight_decay", 0)
            h = self._hyper(group)
            if not (listening or maximize or wd != 0):  # the common case, as lean as can be
                for p in group["params"]:
                    g = p._grad
                    if g is not None:
                        update(p, p._data, g._data, h)
                        p._vbox[0] += 1
                continue
            for p in group["params"]:
                g = p._grad
                if g is None:
                    continue
                arr = p._data
                d = g._data
                if maximize:
                    d = -d
                if wd != 0:
                    d = _fma(wd, arr, d)  # grad.add(p, alpha=weight_decay)
                if listening:
                    old = arr.copy()
                    update(p, arr, d, h)
                    record.append((p, old, arr, g._data))
                else:
                    update(p, arr, d, h)
                p._vbox[0] += 1
        if listening:
            events.emit("optim_step", optimizer=self, params=record, lr=self.param_groups[0]["lr"])
        return loss

    def _hyper(self, group):
        """What ``_update`` reads of a parameter group, read once per group and step (an
        optimizer may unpack it into a tuple); the group itself by default."""
        return group

    def _update(self, p, arr, d, h):
        """Change ``arr`` (``p._data``) in place from the gradient ``d``, with ``h`` what
        ``_hyper`` made of ``p``'s group; ``self.state[p]`` holds the optimizer's buffers."""
        raise NotImplementedError

    def zero_grad(self, set_to_none=True):
        """Reset the parameters' gradients (to ``None`` by default, as PyTorch 2 does)."""
        params = [p for g in self.param_groups for p in g["params"]]
        _zero_grads(params, set_to_none)
        if events.LISTENERS:
            events.emit("zero_grad", owner=self, params=params, set_to_none=set_to_none)

    def __repr__(self):
        lines = [f"{type(self).__name__} ("]
        for i, g in enumerate(self.param_groups):
            if i:
                lines.append("")  # (PyTorch's blank line between groups)
            lines.append(f"Parameter Group {i}")
            for k in sorted(g):
                if k != "params":
                    lines.append(f"    {k}: {g[k]}")
        lines.append(")")
        return "\n".join(lines)
