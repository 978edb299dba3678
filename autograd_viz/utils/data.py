"""``torch.utils.data`` subset: ``Dataset``, ``TensorDataset``, ``DataLoader``,
``random_split``, ``Subset`` - what tutorials use to batch small in-memory data.

``DataLoader`` batches with PyTorch's default collation (tensors stacked, numbers made a
tensor, tuples/lists/dicts collated field by field); ``shuffle=True`` draws a permutation
from the engine's generator (``torch.manual_seed``) at each pass.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from ..engine import creation
from ..engine.random import rng_of
from ..engine.tensor import Tensor
from ..engine.torch_rng import TorchRNG

__all__ = ["DataLoader", "Dataset", "Subset", "TensorDataset", "default_collate", "random_split"]


class Dataset:
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
        from ..engine import api

        return api.stack(list(batch), 0)
    if isinstance(elem, np.ndarray):
        return Tensor._make(np.stack(batch))
    if isinstance(elem, bool):
        return Tensor._make(np.array(batch, dtype=np.bool_))
    if isinstance(elem, numbers.Integral):
        return Tensor._make(np.array(batch, dtype=np.int64))
    if isinstance(elem, float):
        return Tensor._make(np.array(batch, dtype=np.float64))
    if isinstance(elem, (str, bytes)):
        return list(batch)
    if isinstance(elem, dict):
        return {k: default_collate([d[k] for d in batch]) for k in elem}
    if isinstance(elem, tuple) and hasattr(elem, "_fields"):
        return type(elem)(*(default_collate(list(s)) for s in zip(*batch, strict=True)))
    if isinstance(elem, (tuple, list)):
        size = len(elem)
        if any(len(e) != size for e in batch):
            raise RuntimeError("each element in list of batch should be of equal size")
        return [default_collate(list(s)) for s in zip(*batch, strict=True)]
    raise TypeError(
        "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or "
        f"lists; found {type(elem)}"
    )


class DataLoader:
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
        self.dataset = dataset
        self.batch_size = batch_size
        self.shuffle = bool(shuffle)
        self.drop_last = drop_last
        self.sampler = sampler
        self.num_workers = num_workers
        self.collate_fn = default_collate if collate_fn is None else collate_fn
        self.generator = generator

    def _order(self):
        n = len(self.dataset)
        # PyTorch's iterator draws its workers' base seed first (``random_()`` of an int64:
        # one 64-bit draw), shuffled or not
        rng_of(self.generator, "DataLoader").u64(1)
        if self.sampler is not None:
            return list(iter(self.sampler))
        if self.shuffle:
            # as PyTorch's RandomSampler: a seed drawn from the default generator
            # (``torch.empty((), dtype=torch.int64).random_()``), then randperm with it
            if self.generator is not None:
                return rng_of(self.generator, "randperm").randperm_t(n).tolist()
            seed = int(creation._rng[0].u64(1)[0]) % (1 << 63)
            return TorchRNG(seed).randperm_t(n).tolist()
        return list(range(n))

    def __iter__(self):
        order = self._order()
        if self.batch_size is None:
            for i in order:
                yield self.dataset[i]
            return
        bs = self.batch_size
        for start in range(0, len(order), bs):
            idx = order[start : start + bs]
            if self.drop_last and len(idx) < bs:
                return
            yield self.collate_fn([self.dataset[i] for i in idx])

    def __len__(self):
        n = len(self.dataset) if self.sampler is None else len(self.sampler)
        if self.batch_size is None:
            return n
        if self.drop_last:
            return n // self.batch_size
        return (n + self.batch_size - 1) // self.batch_size
