"""``nn.CTCLoss`` / ``F.ctc_loss`` against values recorded from PyTorch 2.13 (float64), the
num_batches_tracked rule of BatchNorm's state-dict versions, and optimizer state loading
(《深入浅出PyTorch》 3.6 / 3.9 / 5.4)."""

import numpy as np
import pytest

import autograd_viz as torch

F = torch.nn.functional
nn = torch.nn

# torch.manual_seed(0); torch.randn(5, 2, 4, dtype=torch.float64).log_softmax(2)
LP = [
    [[-3.6587016278296014, -1.7215406888531897, -2.4091065061417116, -0.3487804728142493],
     [-1.3842259048120447, -1.7757478304435845, -1.1234254800948584, -1.3666425021413566]],
    [[-3.917826504740481, -1.0985677413063455, -2.298538797914322, -0.604473332926587],
     [-0.6362994706375411, -2.998923149659975, -1.7006533394537748, -1.4340244076081539]],
    [[-0.7480856920270482, -1.5348791362099983, -2.162529183061927, -1.6285555894078996],
     [-1.3664692342218745, -1.1362045932124172, -1.169315131920446, -2.177014534322561]],
    [[-0.9197555835045224, -1.5051014189765488, -1.581194457823878, -1.7506585190849258],
     [-1.4735815395838623, -0.8166074609861677, -1.5650058007490766, -2.1212527308506175]],
    [[-1.515633650804868, -1.7015211769812448, -3.158337643802468, -0.5880146980742061],
     [-0.5461346388947576, -1.786906003164602, -3.6620725506205534, -1.4799064947049017]],
]  # fmt: skip
TARGETS = [[1, 2], [3, 3]]


def _lp():
    return torch.tensor(LP, dtype=torch.float64, requires_grad=True)


def test_ctc_loss_values_and_pytorch_gradient():
    lp = _lp()
    loss = F.ctc_loss(lp, torch.tensor(TARGETS), (5, 4), (2, 1), reduction="none")
    assert type(loss.grad_fn).__name__ == "CtcLossBackward0"
    np.testing.assert_allclose(loss.tolist(), [5.14962558809183, 3.540851885465932], rtol=1e-12)
    loss.sum().backward()
    expected = [
        [-0.27211376900990647, 0.1693567519962803, 0.32516404176681574, -0.2224070247531898],
        [-0.06349387116364824, 0.04984071046643712, 0.1825642086798808, -0.16891104798267012],
        [-0.399574837411518, 0.32103517153405287, 0.31057957448104634, -0.2320399086035817],
        [-0.5124193895454969, 0.44192837348007574, 0.20908680030970136, -0.13859578424428065],
        [0.0, 0.0, 0.0, 0.0],  # (beyond this sample's input length)
    ]
    np.testing.assert_allclose(lp.grad[:, 1].tolist(), expected, rtol=1e-9, atol=1e-12)


def test_ctc_loss_reductions_and_zero_infinity():
    lp = _lp()
    tg = torch.tensor(TARGETS)
    # (the second sample cannot emit "3 3" in two frames: an infinite loss)
    inf = F.ctc_loss(lp, tg, (5, 2), (2, 2), reduction="none")
    assert inf.tolist()[1] == float("inf")
    zeroed = nn.CTCLoss(reduction="none", zero_infinity=True)(lp, tg, (5, 2), (2, 2))
    assert type(zeroed.grad_fn).__name__ == "WhereBackward0"
    assert zeroed.tolist() == pytest.approx([5.14962558809183, 0.0])
    (g,) = torch.autograd.grad(zeroed.sum(), lp)
    assert not g[:, 1].any()
    mean = nn.CTCLoss()(lp, tg, torch.tensor([5, 4]), torch.tensor([2, 1]))
    assert type(mean.grad_fn).__name__ == "MeanBackward0"
    assert mean.item() == pytest.approx((5.14962558809183 / 2 + 3.540851885465932) / 2)
    flat = F.ctc_loss(lp, torch.tensor([1, 2, 3]), (5, 4), (2, 1), reduction="sum")
    assert flat.item() == pytest.approx(5.14962558809183 + 3.540851885465932)
    one = F.ctc_loss(lp[:, 0], tg[0], (5,), (2,), reduction="none")
    assert type(one.grad_fn).__name__ == "SqueezeBackward1" and one.shape == ()


def test_ctc_loss_errors_as_pytorch():
    lp, tg = _lp(), torch.tensor(TARGETS)
    with pytest.raises(RuntimeError, match="input_lengths must be of size batch_size"):
        F.ctc_loss(lp, tg, (5,), (2, 2))
    with pytest.raises(RuntimeError, match="at most 5, but got value 6"):
        F.ctc_loss(lp, tg, (6, 5), (2, 2))
    with pytest.raises(RuntimeError, match="size at least 3 at dimension 1, but got size 2"):
        F.ctc_loss(lp, tg, (5, 5), (3, 2))
    with pytest.raises(ValueError, match="avg is not a valid value for reduction"):
        F.ctc_loss(lp, tg, (5, 5), (2, 2), reduction="avg")


def test_batchnorm_num_batches_tracked_by_state_dict_version():
    def model():
        return nn.Sequential(nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2))

    sd = nn.DataParallel(model()).state_dict()
    assert sd._metadata["module.1"] == {"version": 2}
    # (renamed keys: no metadata for "1", so a missing num_batches_tracked is not missing)
    plain = {k[7:]: v for k, v in sd.items() if not k.endswith("num_batches_tracked")}
    m = model()
    m[1].num_batches_tracked += 3
    assert repr(m.load_state_dict(plain)) == "<All keys matched successfully>"
    assert m[1].num_batches_tracked.item() == 3
    versioned = model().state_dict()
    del versioned["1.num_batches_tracked"]
    with pytest.raises(
        RuntimeError, match=r'Missing key\(s\) in state_dict: "1\.num_batches_tracked"'
    ):
        model().load_state_dict(versioned)


def test_optimizer_state_loading_keeps_pytorch_group_order():
    w = torch.zeros(2, requires_grad=True)
    sd = torch.optim.SGD([w], lr=0.1, momentum=0.9).state_dict()
    opt = torch.optim.SGD([w], lr=0.5)
    opt.load_state_dict(sd)
    assert list(opt.param_groups[0])[-1] == "params"
    assert opt.param_groups[0]["lr"] == 0.1 and opt.param_groups[0]["params"][0] is w
    with pytest.raises(TypeError, match="ordering of tensors in sets will change"):
        opt.add_param_group({"params": {torch.zeros(1, requires_grad=True)}})


def test_parameter_dict_missing_key_is_an_attribute_error():
    pd = nn.ParameterDict({"a": nn.Parameter(torch.ones(1))})
    with pytest.raises(AttributeError, match=r"^'ParameterDict' object has no attribute 'b'$"):
        pd["b"]
