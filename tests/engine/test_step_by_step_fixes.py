"""Fixes found while adapting Godoy's "Deep Learning with PyTorch Step-by-Step" and
Raschka's LLMs-from-scratch finetuning chapters (tests/oracle/programs/
tutorial_step_by_step.py, tutorial_llms_from_scratch_finetune.py); expected values recorded
with PyTorch 2.13 (torch is not imported here)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.utils.data import DataLoader, Subset, TensorDataset, random_split


def test_one_column_broadcast_grad_in_pytorchs_sum_order():
    # b (1,) + (80, 1): b.grad is one contiguous sum (PyTorch's vectorized order), not a
    # BLAS matrix-vector product (which gave -2.443382978439331)
    g = torch.from_numpy(np.random.RandomState(0).randn(80, 1).astype(np.float32))
    b = torch.zeros(1, requires_grad=True)
    (b + torch.zeros(80, 1)).backward(g)
    assert b.grad.item() == -2.443382740020752


def test_subset_as_index():
    x = torch.arange(400.0).view(100, 4)
    torch.manual_seed(0)
    train, val = random_split(torch.arange(100), [80, 20])
    assert x[train].shape == (80, 4)
    # fewer than 32 items, each a 0-d tensor: a tuple of indices, as PyTorch reads it
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(IndexError, match="too many indices for tensor of dimension 2"):
            x[val]
    assert x[Subset(list(range(100)), [3, 1, 2])][:, 0].tolist() == [12.0, 4.0, 8.0]
    x[Subset(list(range(100)), [0, 1])] = 0.0
    assert x[:3, 0].tolist() == [0.0, 0.0, 8.0]
    with pytest.raises(IndexError, match=r"\(got dict\)"):
        x[{1: 2}]


def test_as_tensor_shares_numpy_memory():
    a = np.array([1, 2, 3])
    t = torch.as_tensor(a)
    a[1] = 0
    assert t.tolist() == [1, 0, 3]
    f = np.array([1.0, 2.0])
    t32 = torch.as_tensor(f, dtype=torch.float32)  # another dtype: a copy
    f[0] = 9.0
    assert t32.tolist() == [1.0, 2.0]


def test_module_hook_handle_and_data_reprs():
    m = torch.nn.Linear(1, 1)
    h = m.register_forward_hook(lambda *a: None)
    assert type(h).__name__ == "RemovableHandle"
    assert repr(h).startswith("<torch.utils.hooks.RemovableHandle object at 0x")
    with m.register_forward_pre_hook(lambda *a: None):
        assert len(m._forward_pre_hooks) == 1
    assert len(m._forward_pre_hooks) == 0
    assert repr(Subset([1], [0])).startswith("<torch.utils.data.dataset.Subset object at 0x")
    assert repr(TensorDataset(torch.ones(2))).startswith(
        "<torch.utils.data.dataset.TensorDataset object"
    )
    assert repr(DataLoader([1])).startswith("<torch.utils.data.dataloader.DataLoader object")


def test_ignored_rows_get_positive_zero_gradients():
    # ch07's ignore_index=-100: PyTorch's nll_loss_backward leaves an ignored row at +0
    logits = torch.tensor([[-1.0, 1.0], [-0.5, 1.5], [-0.5, 1.5]], requires_grad=True)
    targets = torch.tensor([0, 1, -100])
    for reduction in ("mean", "sum"):
        logits.grad = None
        torch.nn.functional.cross_entropy(logits, targets, reduction=reduction).backward()
        assert not np.signbit(logits.grad.numpy()[2]).any()
    logits.grad = None
    torch.nn.functional.nll_loss(logits, targets, weight=torch.tensor([1.0, 2.0])).backward()
    assert not np.signbit(logits.grad.numpy()[2]).any()


def test_batch_norm2d_past_exact_max_has_pytorchs_bits():
    # 64 x 3 x 10 x 10 (past EXACT_MAX): the per-channel statistics as PyTorch's contiguous
    # kernel takes them (a float32 mean, float32 squared deviations summed in double); the
    # variance in double gave other last bits for about a quarter of the outputs
    torch.manual_seed(39)
    x = torch.rand((200, 3, 10, 10))
    torch.manual_seed(1)
    batch = x[torch.randperm(200)[:64]]
    y = torch.nn.BatchNorm2d(3)(batch).detach().numpy()
    assert int(y.view(np.int32).astype(np.int64).sum()) == -312194452320


def test_optimizer_load_state_dict_replaces_the_groups():
    # Godoy's lr_range_test restores a state dict saved before its LambdaLR: PyTorch's
    # groups are then the saved ones ("initial_lr" gone), in the saved key order
    p = torch.nn.Parameter(torch.ones(1))
    opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
    sd = opt.state_dict()
    torch.optim.lr_scheduler.StepLR(opt, 1)
    assert "initial_lr" in opt.param_groups[0]
    opt.load_state_dict(sd)
    assert list(opt.param_groups[0]) == [
        "lr",
        "momentum",
        "dampening",
        "weight_decay",
        "nesterov",
        "maximize",
        "foreach",
        "differentiable",
        "fused",
        "params",
    ]
    assert opt.param_groups[0]["params"][0] is p


def test_tensor_from_a_list_of_ndarrays():
    # chapter 8: torch.as_tensor(points[0:1]) of a list of arrays (PyTorch warns once; the
    # arrays' dtypes promote as PyTorch's, not numpy's)
    arrays = [np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[5.0, 6.0], [7.0, 8.0]])]
    t = torch.as_tensor(arrays)
    assert t.dtype == torch.float64 and t.shape == (2, 2, 2)
    i32 = np.array([1, 2], dtype=np.int32)
    assert torch.tensor([i32, i32]).dtype == torch.int32
    assert torch.tensor([np.array([1, 2]), np.array([1.0, 2.0], dtype=np.float32)]).dtype == (
        torch.float32
    )
    assert torch.tensor([np.int64(1), np.float32(2)]).dtype == torch.float32
    assert torch.tensor([np.array([1, 2]), [3.5, 4]]).tolist() == [[1.0, 2.0], [3.5, 4.0]]
    assert torch.tensor([[1, 2], np.array([3, 4])]).dtype == torch.int64
    with pytest.raises(TypeError, match=r"len\(\) of unsized object"):
        torch.tensor([np.array(3), np.array(4.5)])
    with pytest.raises(ValueError, match="expected sequence of length 2 at dim 1"):
        torch.tensor([np.array([1, 2]), np.array([3, 4, 5])])


def test_random_fills_follow_a_permuted_inputs_memory_order():
    # nn.MultiheadAttention(batch_first=True) returns a transposed view: the dropout after
    # it (a Transformer layer in training) draws its mask over memory, as PyTorch's
    # empty_like(...).bernoulli_() does; rand_like / randn_like likewise (recorded bits)
    x = torch.ones(2, 16, 6).transpose(0, 1)
    torch.manual_seed(0)
    y = torch.nn.functional.dropout(x, 0.3, True)
    zeros = [i for i, v in enumerate(y.flatten().tolist()) if v == 0]
    assert zeros[:12] == [0, 1, 3, 5, 11, 21, 23, 30, 32, 37, 46, 52] and len(zeros) == 53
    assert y.stride() == (6, 96, 1)
    p = torch.ones(3, 4, 5).permute(2, 0, 1)
    torch.manual_seed(0)
    r = torch.rand_like(p)
    assert [round(v, 3) for v in r.flatten().tolist()[:3]] == [0.496, 0.634, 0.349]
    torch.manual_seed(0)
    n = torch.randn_like(p)
    assert [round(v, 3) for v in n.flatten().tolist()[:3]] == [1.541, -1.399, -0.597]
    assert n.stride() == (1, 20, 5)
