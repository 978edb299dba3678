"""``torch.utils.data`` subset: ``Dataset``, ``TensorDataset``, ``DataLoader``,
``random_split``, ``Subset``, the samplers (``Sampler``, ``SequentialSampler``,
``RandomSampler``, ``SubsetRandomSampler``, ``WeightedRandomSampler``, ``BatchSampler``) -
what tutorials use to batch small in-memory data.

``DataLoader`` batches with PyTorch's default collation (tensors stacked, numbers made a
tensor, tuples/lists/dicts collated field by field) over the indices of its batch sampler, as
PyTorch builds them (``shuffle=True``: a ``RandomSampler``, else a ``SequentialSampler``, in
a ``BatchSampler``); the random samplers draw PyTorch's numbers from the engine's generator
(``torch.manual_seed``) at each pass.
"""

from __future__ import annotations

import importlib as _importlib
import math
import numbers

import numpy as np

from ...engine import creation
from ...engine.creation import as_tensor
from ...engine.dtypes import float64
from ...engine.random import rng_of
from ...engine.shown import ShownAs
from ...engine.tensor import Tensor
from ...engine.torch_rng import TorchRNG
from . import _iterable as _it
from ._iterable import (
    ChainDataset,
    IterableDataset,
    StackDataset,
    default_convert,
    get_worker_info,
)

__all__ = [
    "BatchSampler",
    "ChainDataset",
    "DataLoader",
    "Dataset",
    "IterableDataset",
    "RandomSampler",
    "Sampler",
    "SequentialSampler",
    "StackDataset",
    "Subset",
    "SubsetRandomSampler",
    "TensorDataset",
    "WeightedRandomSampler",
    "default_collate",
    "default_convert",
    "get_worker_info",
    "random_split",
]


class Dataset(metaclass=ShownAs):
    def __getitem__(self, index):
        raise NotImplementedError("Subclasses of Dataset should implement __getitem__.")

    def __add__(self, other):
        return ConcatDataset([self, other])


class TensorDataset(Dataset):
    """Samples are the i-th rows of each tensor."""

    def __init__(self, *tensors):
        if any(tensors[0].size(0) != t.size(0) for t in tensors):
            raise AssertionError("Size mismatch between tensors")
        self.tensors = tensors

    def __getitem__(self, index):
        return tuple(t[index] for t in self.tensors)

    def __len__(self):
        return self.tensors[0].size(0)


class ConcatDataset(Dataset):
    def __init__(self, datasets):
        self.datasets = list(datasets)
        if not self.datasets:
            raise AssertionError("datasets should not be an empty iterable")
        self.cumulative_sizes = list(np.cumsum([len(d) for d in self.datasets]))

    def __len__(self):
        return int(self.cumulative_sizes[-1]) if self.cumulative_sizes else 0

    def __getitem__(self, idx):
        if idx < 0:
            if -idx > len(self):
                raise ValueError("absolute value of index should not exceed dataset length")
            idx = len(self) + idx
        i = int(np.searchsorted(self.cumulative_sizes, idx, side="right"))
        start = 0 if i == 0 else int(self.cumulative_sizes[i - 1])
        return self.datasets[i][idx - start]


class Subset(Dataset):
    def __init__(self, dataset, indices):
        self.dataset = dataset
        self.indices = indices

    def __getitem__(self, idx):
        if isinstance(idx, list):
            return self.dataset[[self.indices[i] for i in idx]]
        return self.dataset[self.indices[idx]]

    def __len__(self):
        return len(self.indices)


def random_split(dataset, lengths, generator=None):
    """Split into non-overlapping subsets of the given lengths (or fractions)."""
    n = len(dataset)
    if math.isclose(sum(lengths), 1) and sum(lengths) <= 1:
        sizes = [math.floor(n * f) for f in lengths]
        for i in range(n - sum(sizes)):
            sizes[i % len(sizes)] += 1
        lengths = sizes
    if sum(lengths) != n:
        raise ValueError("Sum of input lengths does not equal the length of the input dataset!")
    perm = rng_of(generator, "randperm").randperm_t(n).tolist()  # (PyTorch's numbers)
    out, start = [], 0
    for k in lengths:
        out.append(Subset(dataset, perm[start : start + k]))
        start += k
    return out


def default_collate(batch):
    """Stack a list of samples into a batch, as PyTorch's ``default_collate``."""
    elem = batch[0]
    if isinstance(elem, Tensor):
        from ...engine import api

        return api.stack(list(batch), 0)
    if isinstance(elem, np.ndarray):
        if elem.dtype.kind in "SaUO":
            raise TypeError(_COLLATE_ERR + str(elem.dtype))
        if any(not isinstance(b, np.ndarray) or b.shape != elem.shape for b in batch):
            return default_collate([as_tensor(b) for b in batch])
        return Tensor._make(np.stack(batch))
    if isinstance(elem, (bool, numbers.Integral, float)):
        return creation.tensor(batch, dtype=float64 if isinstance(elem, float) else None)
    if isinstance(elem, (str, bytes)):
        return batch  # as given: a list at the top, a tuple inside a sample (zip's)
    if isinstance(elem, dict):
        return {k: default_collate([d[k] for d in batch]) for k in elem}
    if isinstance(elem, tuple) and hasattr(elem, "_fields"):
        return type(elem)(*(default_collate(s) for s in zip(*batch, strict=True)))
    if isinstance(elem, (tuple, list)):
        size = len(elem)
        if any(len(e) != size for e in batch):
            raise RuntimeError("each element in list of batch should be of equal size")
        return [default_collate(s) for s in zip(*batch, strict=True)]
    raise TypeError(_COLLATE_ERR + str(type(elem)))


_COLLATE_ERR = (
    "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found "
)


class Sampler(metaclass=ShownAs):
    """Base class of the samplers: iterables of dataset indices (or of index lists)."""

    def __init__(self, data_source=None):
        pass

    def __iter__(self):
        raise NotImplementedError


class SequentialSampler(Sampler):
    """``0, 1, ..., len(data_source) - 1``."""

    def __init__(self, data_source):
        self.data_source = data_source

    def __iter__(self):
        return iter(range(len(self.data_source)))

    def __len__(self):
        return len(self.data_source)


def _default_seeded_rng():
    """PyTorch's samplers without a generator: a seed drawn from the default generator
    (``torch.empty((), dtype=torch.int64).random_()``), then a generator seeded with it."""
    seed = int(creation._rng[0].u64(1)[0]) % (1 << 63)
    return TorchRNG(seed)


class RandomSampler(Sampler):
    """A random permutation per pass (``num_samples`` indices: whole permutations, then the
    first of another); ``replacement=True``: ``randint`` draws, 32 at a time."""

    def __init__(self, data_source, replacement=False, num_samples=None, generator=None):
        self.data_source = data_source
        self.replacement = replacement
        self._num_samples = num_samples
        self.generator = generator
        if not isinstance(self.replacement, bool):
            raise TypeError(
                f"replacement should be a boolean value, but got replacement={self.replacement}"
            )
        if not isinstance(self.num_samples, int) or self.num_samples <= 0:
            raise ValueError(
                "num_samples should be a positive integer value, but got "
                f"num_samples={self.num_samples}"
            )

    @property
    def num_samples(self):
        return len(self.data_source) if self._num_samples is None else self._num_samples

    def __iter__(self):
        n = len(self.data_source)
        rng = (
            _default_seeded_rng() if self.generator is None else rng_of(self.generator, "randperm")
        )
        if self.replacement:
            for _ in range(self.num_samples // 32):
                yield from rng.randint_t(0, n, (32,)).tolist()
            yield from rng.randint_t(0, n, (self.num_samples % 32,)).tolist()
        else:
            for _ in range(self.num_samples // n):
                yield from rng.randperm_t(n).tolist()
            yield from rng.randperm_t(n).tolist()[: self.num_samples % n]

    def __len__(self):
        return self.num_samples


class SubsetRandomSampler(Sampler):
    """The given indices in a random order (``randperm`` of their count)."""

    def __init__(self, indices, generator=None):
        self.indices = indices
        self.generator = generator

    def __iter__(self):
        perm = rng_of(self.generator, "randperm").randperm_t(len(self.indices)).tolist()
        for i in perm:
            yield self.indices[i]

    def __len__(self):
        return len(self.indices)


class WeightedRandomSampler(Sampler):
    """``torch.multinomial(weights (as double), num_samples, replacement)``."""

    def __init__(self, weights, num_samples, replacement=True, generator=None):
        if not isinstance(num_samples, int) or isinstance(num_samples, bool) or num_samples <= 0:
            raise ValueError(
                f"num_samples should be a positive integer value, but got num_samples={num_samples}"
            )
        if not isinstance(replacement, bool):
            raise ValueError(
                f"replacement should be a boolean value, but got replacement={replacement}"
            )
        weights_tensor = as_tensor(weights, dtype=float64)
        if len(weights_tensor.shape) != 1:
            raise ValueError(
                "weights should be a 1d sequence but given "
                f"weights have shape {tuple(weights_tensor.shape)}"
            )
        self.weights = weights_tensor
        self.num_samples = num_samples
        self.replacement = replacement
        self.generator = generator

    def __iter__(self):
        rand_tensor = creation.multinomial(
            self.weights, self.num_samples, self.replacement, generator=self.generator
        )
        yield from iter(rand_tensor.tolist())

    def __len__(self):
        return self.num_samples


class BatchSampler(Sampler):
    """Lists of ``batch_size`` indices from ``sampler`` (the last one shorter unless
    ``drop_last``)."""

    def __init__(self, sampler, batch_size, drop_last):
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size <= 0:
            raise ValueError(
                f"batch_size should be a positive integer value, but got batch_size={batch_size}"
            )
        if not isinstance(drop_last, bool):
            raise ValueError(f"drop_last should be a boolean value, but got drop_last={drop_last}")
        self.sampler = sampler
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if self.drop_last:
            return len(self.sampler) // self.batch_size
        return (len(self.sampler) + self.batch_size - 1) // self.batch_size


_FROZEN = ("batch_size", "batch_sampler", "sampler", "drop_last", "dataset", "persistent_workers")


def _check_worker_options(num_workers, timeout, prefetch_factor, persistent_workers):
    """DataLoader's checks of its multiprocessing options (made with none)."""
    if num_workers < 0:
        raise ValueError(
            "num_workers option should be non-negative; use num_workers=0 to disable "
            "multiprocessing."
        )
    if timeout < 0:
        raise ValueError("timeout option should be non-negative")
    if num_workers == 0 and prefetch_factor is not None:
        raise ValueError(
            "prefetch_factor option could only be specified in multiprocessing.let "
            "num_workers > 0 to enable multiprocessing, otherwise set prefetch_factor to None."
        )
    if prefetch_factor is not None and prefetch_factor < 0:
        raise ValueError("prefetch_factor option should be non-negative")
    if persistent_workers and num_workers == 0:
        raise ValueError("persistent_workers option needs num_workers > 0")


class DataLoader(metaclass=ShownAs):
    """Iterate over ``dataset`` in batches of ``batch_size`` samples."""

    def __init__(
        self,
        dataset,
        batch_size=1,
        shuffle=None,
        sampler=None,
        batch_sampler=None,
        num_workers=0,
        collate_fn=None,
        pin_memory=False,
        drop_last=False,
        timeout=0,
        worker_init_fn=None,
        multiprocessing_context=None,
        generator=None,
        *,
        prefetch_factor=None,
        persistent_workers=False,
        pin_memory_device="",
        in_order=True,
    ):
        _check_worker_options(num_workers, timeout, prefetch_factor, persistent_workers)
        self.dataset = dataset
        self._iterable = isinstance(dataset, _it.IterableDataset)
        if self._iterable:
            _it.check_iterable_options(shuffle, sampler, batch_sampler)
            self.batch_size, self.drop_last, self.sampler, self.batch_sampler = (
                batch_size,
                drop_last,
                None,
                None,
            )
            self.num_workers = num_workers
            self._user_collate = collate_fn
            self.collate_fn = default_collate if collate_fn is None else collate_fn
            self.generator = generator
            return
        if sampler is not None and shuffle:
            raise ValueError("sampler option is mutually exclusive with shuffle")
        if batch_sampler is not None:
            if batch_size != 1 or shuffle or sampler is not None or drop_last:
                raise ValueError(
                    "batch_sampler option is mutually exclusive with batch_size, shuffle, "
                    "sampler, and drop_last"
                )
            batch_size = None
            drop_last = False
        elif batch_size is None and drop_last:
            raise ValueError(
                "batch_size=None option disables auto-batching and is mutually exclusive "
                "with drop_last"
            )
        if sampler is None:
            sampler = (
                RandomSampler(dataset, generator=generator)
                if shuffle
                else SequentialSampler(dataset)
            )
        if batch_size is not None and batch_sampler is None:
            batch_sampler = BatchSampler(sampler, batch_size, drop_last)
        self.batch_size = batch_size
        self.drop_last = drop_last
        self.sampler = sampler
        self.batch_sampler = batch_sampler
        self.num_workers = num_workers
        self._user_collate = collate_fn
        self.collate_fn = default_collate if collate_fn is None else collate_fn
        self.generator = generator
        self._initialized = True

    def __setattr__(self, attr, val):
        if attr in _FROZEN and self.__dict__.get("_initialized"):
            raise ValueError(
                f"{attr} attribute should not be set after {type(self).__name__} is initialized"
            )
        object.__setattr__(self, attr, val)

    def __iter__(self):
        if self.num_workers > 0:  # (the batches are made in this process all the same)
            return _MultiProcessingDataLoaderIter(self)
        return _SingleProcessDataLoaderIter(self)

    def _batches(self, sampler_iter):
        if self.batch_sampler is None:  # no auto-batching: one sample at a time
            for i in sampler_iter:
                item = self.dataset[i]
                yield item if self._user_collate is None else self._user_collate(item)
            return
        for idx in sampler_iter:
            yield self.collate_fn([self.dataset[i] for i in idx])

    def __len__(self):
        if self._iterable:
            return _it.iterable_len(self)
        if self.batch_sampler is None:
            return len(self.sampler)
        return len(self.batch_sampler)


class _BaseDataLoaderIter(metaclass=ShownAs):
    """What ``iter(loader)`` gives, as PyTorch's: made eagerly (the sampler's iterator, then
    the workers' base seed: ``random_()`` of an int64, one 64-bit draw; the sampler draws
    its own numbers lazily, at the first batch), then ``next()`` batch after batch."""

    def __init__(self, loader):
        self._dataset = loader.dataset
        self._collate_fn = loader.collate_fn
        self._index_sampler = (
            loader.sampler if loader.batch_sampler is None else loader.batch_sampler
        )
        self._iterable = loader._iterable
        sampler_iter = None if loader._iterable else iter(self._index_sampler)
        rng_of(loader.generator, "DataLoader").u64(1)
        if loader._iterable:  # (PyTorch's fetcher calls iter(dataset) here)
            self._gen = _it.iterable_batches(loader, iter(loader.dataset))
            self._len = loader
        else:
            self._gen = loader._batches(sampler_iter)
            self._len = self._index_sampler
        self._num_yielded = 0

    def __iter__(self):
        return self

    def __next__(self):
        data = next(self._gen)
        self._num_yielded += 1
        return data

    def __len__(self):
        return len(self._len)

    def __getstate__(self):
        raise NotImplementedError("{} cannot be pickled", self.__class__.__name__)


class _SingleProcessDataLoaderIter(_BaseDataLoaderIter):
    pass


class _MultiProcessingDataLoaderIter(_BaseDataLoaderIter):
    pass


def _torch_repr(self):
    """The default ``object`` repr, with the module PyTorch defines the class in
    (``<torch.utils.data.dataset.Subset object at 0x...>``); a user's subclass keeps its
    own. (Not ``__module__``: pickling must still find these classes here.)"""
    cls = type(self)
    return f"<{_TORCH_MODULES.get(cls, cls.__module__)}.{cls.__qualname__} object at {id(self):#x}>"


_TORCH_MODULES = {
    **dict.fromkeys(
        (Dataset, TensorDataset, ConcatDataset, Subset, IterableDataset, ChainDataset),
        "torch.utils.data.dataset",
    ),
    StackDataset: "torch.utils.data.dataset",
    **dict.fromkeys(
        (
            Sampler,
            SequentialSampler,
            RandomSampler,
            SubsetRandomSampler,
            WeightedRandomSampler,
            BatchSampler,
        ),
        "torch.utils.data.sampler",
    ),
    DataLoader: "torch.utils.data.dataloader",
}
_TORCH_MODULES.update(
    dict.fromkeys(
        (_BaseDataLoaderIter, _SingleProcessDataLoaderIter, _MultiProcessingDataLoaderIter),
        "torch.utils.data.dataloader",
    )
)
for _cls in (Dataset, IterableDataset, StackDataset, Sampler, DataLoader, _BaseDataLoaderIter):
    _cls.__repr__ = _torch_repr
# ``print(type(ds))`` too: ``<class 'torch.utils.data.dataset.Subset'>`` (the metaclass of
# engine/shown.py prints the path; ``__module__`` stays this package's)
for _cls, _mod in _TORCH_MODULES.items():
    _cls._torch_class = f"{_mod}.{_cls.__name__}"
del _cls, _mod

# (``torch.utils.data.dataset.Dataset``...: the submodules older tutorials import from)
# (imported for their side effect: each becomes an attribute of this package)
for _sub in ("dataloader", "dataset", "sampler", "_utils"):
    _importlib.import_module(f"{__name__}.{_sub}")
del _sub


# (a missing name fails as in PyTorch: "module 'torch.utils.data' has no attribute ...")
from ..._torch_alias import missing_attribute as _missing_attribute  # noqa: E402

__getattr__ = _missing_attribute("torch.utils.data")
