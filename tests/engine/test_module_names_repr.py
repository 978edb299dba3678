"""What the Chinese-course oracle programs print that no other test pinned: PyTorch's
module names (``type(ds)``, a missing attribute), ParameterDict / ParameterList reprs."""

import pickle

import pytest

import autograd_viz as torch

nn = torch.nn


def test_parameter_containers_repr_as_pytorch():
    one = nn.ParameterDict({"a": nn.Parameter(torch.zeros(2, 2))})
    assert (
        repr(one) == "ParameterDict(  (a): Parameter containing: [torch.FloatTensor of size 2x2])"
    )
    two = nn.ParameterDict(
        {
            "a": nn.Parameter(torch.zeros(2, 2)),
            "b": nn.Parameter(torch.zeros(3, dtype=torch.float64)),
        }
    )
    assert repr(two) == (
        "ParameterDict(\n"
        "    (a): Parameter containing: [torch.FloatTensor of size 2x2]\n"
        "    (b): Parameter containing: [torch.DoubleTensor of size 3]\n"
        ")"
    )
    assert repr(nn.ParameterDict()) == "ParameterDict()"
    assert repr(nn.ParameterList()) == "ParameterList()"
    lst = nn.ParameterList([nn.Parameter(torch.zeros(1))])
    assert repr(lst) == "ParameterList(  (0): Parameter containing: [torch.float32 of size 1])"
    m = nn.Module()
    m.d = two
    assert repr(m).splitlines()[1:3] == [
        "  (d): ParameterDict(",
        "      (a): Parameter containing: [torch.FloatTensor of size 2x2]",
    ]


def test_data_classes_carry_pytorch_module_names():
    data = torch.utils.data
    ds = data.TensorDataset(torch.zeros(4))
    assert str(type(ds)) == "<class 'torch.utils.data.dataset.TensorDataset'>"
    sub, _ = data.random_split(ds, [3, 1])
    assert str(type(sub)) == "<class 'torch.utils.data.dataset.Subset'>"
    assert str(type(sub + sub)) == "<class 'torch.utils.data.dataset.ConcatDataset'>"
    assert str(data.RandomSampler) == "<class 'torch.utils.data.sampler.RandomSampler'>"
    assert str(data.DataLoader) == "<class 'torch.utils.data.dataloader.DataLoader'>"
    # (only the printing: the classes stay this package's, so pickles find them)
    assert data.TensorDataset.__module__ == "autograd_viz.utils.data"
    assert type(pickle.loads(pickle.dumps(ds))) is data.TensorDataset

    class Mine(data.Dataset):
        pass

    assert str(Mine).endswith(".Mine'>") and "torch.utils" not in str(Mine)
    collate = data._utils.collate.default_collate
    assert collate is data.default_collate
    assert collate([(torch.ones(2), 1), (torch.zeros(2), 0)])[1].tolist() == [1, 0]


@pytest.mark.parametrize(
    "mod, name",
    [
        (torch, "torch"),
        (torch.optim, "torch.optim"),
        (torch.nn, "torch.nn"),
        (torch.nn.functional, "torch.nn.functional"),
        (torch.utils.data, "torch.utils.data"),
        (torch.optim.lr_scheduler, "torch.optim.lr_scheduler"),
    ],
)
def test_missing_attribute_names_the_torch_module(mod, name):
    with pytest.raises(AttributeError, match=f"^module '{name}' has no attribute 'SDG'$"):
        getattr(mod, "SDG")  # noqa: B009
    assert not hasattr(mod, "SDG")
