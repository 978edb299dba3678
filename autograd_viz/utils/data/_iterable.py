"""``torch.utils.data`` names teaching code uses that were missing (issue 13):
``IterableDataset`` (and ``DataLoader`` over one: samples in the dataset's own order,
grouped into batches), ``ChainDataset``, ``StackDataset``, ``get_worker_info`` (``None``:
the main process), ``default_convert``."""

from __future__ import annotations

import collections.abc
import itertools

import numpy as np

from ...engine.shown import ShownAs
from ...engine.tensor import Tensor


class IterableDataset(metaclass=ShownAs):
    """A dataset that is an iterable of samples (``__iter__``), not indexed."""

    def __iter__(self):
        raise NotImplementedError

    def __add__(self, other):
        return ChainDataset([self, other])


class ChainDataset(IterableDataset):
    """The samples of several iterable datasets, one after another."""

    def __init__(self, datasets):
        self.datasets = datasets

    def __iter__(self):
        for d in self.datasets:
            if not isinstance(d, IterableDataset):
                raise AssertionError("ChainDataset only supports IterableDataset")
            yield from d

    def __len__(self):
        total = 0
        for d in self.datasets:
            if not isinstance(d, IterableDataset):
                raise AssertionError("ChainDataset only supports IterableDataset")
            total += len(d)
        return total


class StackDataset(metaclass=ShownAs):
    """Each sample is a tuple (positional datasets) or a dict (keyword datasets) of the
    datasets' samples at that index."""

    def __init__(self, *args, **kwargs):
        if args:
            if kwargs:
                raise ValueError(
                    "Supported either ``tuple``- (via ``args``) or``dict``- (via ``kwargs``) "
                    "like input/output, but both types are given."
                )
            self._length = len(args[0])
            if any(self._length != len(d) for d in args):
                raise ValueError("Size mismatch between datasets")
            self.datasets = args
        elif kwargs:
            tmp = list(kwargs.values())
            self._length = len(tmp[0])
            if any(self._length != len(d) for d in tmp):
                raise ValueError("Size mismatch between datasets")
            self.datasets = kwargs
        else:
            raise ValueError("At least one dataset should be passed")

    def __getitem__(self, index):
        if isinstance(self.datasets, dict):
            return {k: d[index] for k, d in self.datasets.items()}
        return tuple(d[index] for d in self.datasets)

    def __getitems__(self, indices):
        return [self[i] for i in indices]

    def __len__(self):
        return self._length


def get_worker_info():
    """``None``: samples are loaded in the main process."""
    return None


def default_convert(data):
    """NumPy arrays and numbers made tensors, containers converted element by element
    (what ``DataLoader`` applies when it does not batch)."""
    from ...engine.creation import as_tensor

    if isinstance(data, Tensor):
        return data
    if isinstance(data, np.ndarray):
        if data.dtype.kind in "SaUO":
            return data
        return as_tensor(data)
    if isinstance(data, np.generic) and not isinstance(data, np.str_ | np.bytes_):
        return as_tensor(data)
    if isinstance(data, str | bytes):
        return data
    if isinstance(data, collections.abc.Mapping):
        try:
            return type(data)({k: default_convert(v) for k, v in data.items()})
        except TypeError:
            return {k: default_convert(v) for k, v in data.items()}
    if isinstance(data, tuple) and hasattr(data, "_fields"):
        return type(data)(*(default_convert(d) for d in data))
    if isinstance(data, tuple):
        return [default_convert(d) for d in data]
    if isinstance(data, collections.abc.Sequence):
        try:
            return type(data)([default_convert(d) for d in data])
        except TypeError:
            return [default_convert(d) for d in data]
    return data


def iterable_batches(loader, it):
    """``DataLoader.__iter__`` over an ``IterableDataset`` (``it``: its iterator)."""
    if loader.batch_size is None:
        collate = default_convert if loader._user_collate is None else loader._user_collate
        for item in it:
            yield collate(item)
        return
    while True:
        batch = list(itertools.islice(it, loader.batch_size))
        if not batch or (loader.drop_last and len(batch) < loader.batch_size):
            return
        yield loader.collate_fn(batch)


def check_iterable_options(shuffle, sampler, batch_sampler):
    for name, value in (
        ("shuffle", shuffle),
        ("sampler", sampler),
        ("batch_sampler", batch_sampler),
    ):
        if value not in (None, False):
            raise ValueError(
                f"DataLoader with IterableDataset: expected unspecified {name} option, but got "
                f"{name}={value}"
            )


def iterable_len(loader):
    n = len(loader.dataset)
    if loader.batch_size is not None:
        import math

        n = n // loader.batch_size if loader.drop_last else math.ceil(n / loader.batch_size)
    return n
