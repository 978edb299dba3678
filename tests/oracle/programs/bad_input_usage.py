# ruff: noqa: RUF005, UP034, E711
# Bad input as learners write it, found by the usage fuzz (tests/oracle/tools/fuzz_gen_usage.py)
# against PyTorch 2.13: whole modules fed inputs of the wrong rank / size / dtype (Linear,
# Conv1d/2d/3d, ConvTranspose2d, pooling, BatchNorm, LayerNorm, GroupNorm, Embedding(Bag),
# LSTM/GRU/RNN and their cells, TransformerEncoderLayer, ...), losses crossed with wrong
# targets, RNN hidden states, MultiheadAttention masks, optimizers and LR schedulers misused,
# Module / Sequential / ModuleList / ModuleDict / state_dict bookkeeping, autograd and custom
# Functions, module hooks, indexing and setitem, shapes, tensor creation and methods, Dataset /
# DataLoader. Each case records PyTorch's exception type and message, or PyTorch's result: the
# cases fixed in the engine, and a fixed-seed sample of the matching ones per family.
import numpy as np

torch.manual_seed(0)


def fresh(ctor):
    torch.manual_seed(0)
    return ctor()


def shape_of(out):
    if isinstance(out, tuple):
        return tuple(shape_of(o) for o in out)
    return out.shape if hasattr(out, "shape") else out


def run(fn):
    try:
        return fn()
    finally:
        torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 3)
        self.fc2 = nn.Linear(3, 2)

    def forward(self, x):
        return self.fc2(self.fc1(x).relu())


def net_sd(**kw):
    torch.manual_seed(0)
    n = Net()
    sd = n.state_dict()
    for k in kw.get("drop", ()):
        del sd[k]
    for k, v in kw.get("add", {}).items():
        sd[k] = v
    for k, v in kw.get("set", {}).items():
        sd[k] = v
    return n.load_state_dict(sd, strict=kw.get("strict", True))


def sgd_step(opt_ctor, closure=False):
    torch.manual_seed(0)
    n = Net()
    opt = opt_ctor(n.parameters())
    loss = n(torch.ones(2, 4)).sum()
    loss.backward()
    if closure:
        opt.step(lambda: n(torch.ones(2, 4)).sum())
    else:
        opt.step()
    return n.fc1.weight


def opt_load(sd_edit, ctor=None):
    torch.manual_seed(0)
    n = Net()
    ctor = ctor or (lambda p: optim.SGD(p, lr=0.1, momentum=0.9))
    opt = ctor(n.parameters())
    n(torch.ones(2, 4)).sum().backward()
    opt.step()
    sd = opt.state_dict()
    sd = sd_edit(sd)
    opt2 = ctor(n.parameters())
    opt2.load_state_dict(sd)
    return opt2.param_groups[0]["lr"]


def loader(ds, **kw):
    torch.manual_seed(0)
    return [
        shape_of(tuple(b)) if isinstance(b, (list, tuple)) else shape_of(b)
        for b in torch.utils.data.DataLoader(ds, **kw)
    ]


X4 = torch.arange(8.0).reshape(2, 4)


class MulTwo(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, g):
        return g * 2


class MulTwoSaved(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * 2

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * 2 + x * 0


class MulTwoSaveOut(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = x * 2
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, g):
        (y,) = ctx.saved_tensors
        return g * 2 + y * 0


class TooFewGrads(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, y):
        return x * y

    @staticmethod
    def backward(ctx, g):
        return g


class TooManyGrads(MulTwo):
    @staticmethod
    def backward(ctx, g):
        return g, g


class WrongShapeGrad(MulTwo):
    @staticmethod
    def backward(ctx, g):
        return torch.ones(3)


class WrongTypeGrad(MulTwo):
    @staticmethod
    def backward(ctx, g):
        return g.double()


class NonTensorGrad(MulTwo):
    @staticmethod
    def backward(ctx, g):
        return [1.0, 1.0]


class IntGrad(MulTwo):
    @staticmethod
    def backward(ctx, g):
        return 3


class NoneGrad(MulTwo):
    @staticmethod
    def backward(ctx, g):
        return None


class WrongGradValue(MulTwo):
    @staticmethod
    def backward(ctx, g):
        return g * 3


class SaveNonTensor(MulTwo):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x, 3)
        return x * 2


class SaveTwice(MulTwo):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        ctx.save_for_backward(x, x)
        return x * 2

    @staticmethod
    def backward(ctx, g):
        return g * 2 + ctx.saved_tensors[1] * 0


class ReturnsList(MulTwo):
    @staticmethod
    def forward(ctx, x):
        return [x * 2]


class ReturnsNumber(MulTwo):
    @staticmethod
    def forward(ctx, x):
        return 2.0


class ReturnsNone(MulTwo):
    @staticmethod
    def forward(ctx, x):
        return None


class ReturnsInput(MulTwo):
    @staticmethod
    def forward(ctx, x):
        return x


class InplaceNoDirty(MulTwo):
    @staticmethod
    def forward(ctx, x):
        return x.mul_(2)


class InplaceDirty(MulTwo):
    @staticmethod
    def forward(ctx, x):
        ctx.mark_dirty(x)
        return x.mul_(2)


class NoBackward(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2


class NoForward(torch.autograd.Function):
    @staticmethod
    def backward(ctx, g):
        return g


class ModifiedSaved(MulTwo):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        x.add_(1)
        return x * 2


raises("mod_0_29", lambda: shape_of(run(lambda: fresh(lambda: nn.Linear(4, 3))(X4.t()))))
raises("mod_2_1", lambda: shape_of(run(lambda: fresh(lambda: nn.Bilinear(4, 4, 2))(torch.ones(4)))))
raises("mod_4_25", lambda: shape_of(run(lambda: fresh(lambda: nn.Conv2d(3, 2, 3))(None))))
raises(
    "mod_5_23",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.Conv2d(3, 2, 3, padding=1, stride=2))([[1.0, 2.0, 3.0, 4.0]]))
    ),
)
raises(
    "mod_6_14",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.ConvTranspose2d(3, 2, 2, stride=2))(
                torch.ones(2, 3, 8, 8).double()
            )
        )
    ),
)
raises(
    "mod_7_12",
    lambda: shape_of(run(lambda: fresh(lambda: nn.Conv3d(3, 2, 2))(torch.ones(2, 4).long()))),
)
raises(
    "mod_7_13",
    lambda: shape_of(run(lambda: fresh(lambda: nn.Conv3d(3, 2, 2))(torch.ones(2, 4).double()))),
)
raises(
    "mod_7_15",
    lambda: shape_of(run(lambda: fresh(lambda: nn.Conv3d(3, 2, 2))(torch.ones(2, 4).half()))),
)
raises(
    "mod_7_16",
    lambda: shape_of(run(lambda: fresh(lambda: nn.Conv3d(3, 2, 2))(torch.ones(2, 4).bool()))),
)
raises(
    "mod_7_17",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.Conv3d(3, 2, 2))(torch.ones(2, 3, 8, dtype=torch.int32)))
    ),
)
raises(
    "mod_7_26",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.Conv3d(3, 2, 2))(torch.tensor([[1, 9], [3, 0]])))
    ),
)
raises(
    "mod_7_27",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.Conv3d(3, 2, 2))(torch.tensor([[1, 10], [3, -1]])))
    ),
)
raises(
    "mod_8_12",
    lambda: shape_of(run(lambda: fresh(lambda: nn.MaxPool1d(2))(torch.ones(2, 4).long()))),
)
raises(
    "mod_8_16",
    lambda: shape_of(run(lambda: fresh(lambda: nn.MaxPool1d(2))(torch.ones(2, 4).bool()))),
)
raises(
    "mod_8_17",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.MaxPool1d(2))(torch.ones(2, 3, 8, dtype=torch.int32)))
    ),
)
raises("mod_8_19", lambda: shape_of(run(lambda: fresh(lambda: nn.MaxPool1d(2))(torch.ones(0, 4)))))
raises("mod_8_20", lambda: shape_of(run(lambda: fresh(lambda: nn.MaxPool1d(2))(torch.ones(2, 0)))))
raises(
    "mod_8_26",
    lambda: shape_of(run(lambda: fresh(lambda: nn.MaxPool1d(2))(torch.tensor([[1, 9], [3, 0]])))),
)
raises(
    "mod_8_27",
    lambda: shape_of(run(lambda: fresh(lambda: nn.MaxPool1d(2))(torch.tensor([[1, 10], [3, -1]])))),
)
raises(
    "mod_9_6", lambda: shape_of(run(lambda: fresh(lambda: nn.MaxPool2d(2))(torch.ones(2, 3, 8, 8))))
)
raises(
    "mod_9_14",
    lambda: shape_of(run(lambda: fresh(lambda: nn.MaxPool2d(2))(torch.ones(2, 3, 8, 8).double()))),
)
raises(
    "mod_10_18",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.MaxPool2d(3, stride=2, padding=1))(torch.tensor(1.0)))
    ),
)
raises(
    "mod_10_19",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.MaxPool2d(3, stride=2, padding=1))(torch.ones(0, 4)))
    ),
)
raises(
    "mod_11_17",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.AvgPool2d(2))(torch.ones(2, 3, 8, dtype=torch.int32)))
    ),
)
raises(
    "mod_11_18", lambda: shape_of(run(lambda: fresh(lambda: nn.AvgPool2d(2))(torch.tensor(1.0))))
)
raises(
    "mod_12_23",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.AdaptiveAvgPool2d((1, 1)))([[1.0, 2.0, 3.0, 4.0]]))
    ),
)
raises(
    "mod_12_24",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.AdaptiveAvgPool2d((1, 1)))(np.ones((2, 4), dtype=np.float32)))
    ),
)
raises(
    "mod_12_25", lambda: shape_of(run(lambda: fresh(lambda: nn.AdaptiveAvgPool2d((1, 1)))(None)))
)
raises(
    "mod_13_13",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.AdaptiveMaxPool1d(2))(torch.ones(2, 4).double()))
    ),
)
raises(
    "mod_13_16",
    lambda: shape_of(run(lambda: fresh(lambda: nn.AdaptiveMaxPool1d(2))(torch.ones(2, 4).bool()))),
)
raises(
    "mod_13_19",
    lambda: shape_of(run(lambda: fresh(lambda: nn.AdaptiveMaxPool1d(2))(torch.ones(0, 4)))),
)
raises(
    "mod_13_21",
    lambda: shape_of(run(lambda: fresh(lambda: nn.AdaptiveMaxPool1d(2))(torch.ones(0, 3, 8)))),
)
raises(
    "mod_14_20", lambda: shape_of(run(lambda: fresh(lambda: nn.BatchNorm1d(4))(torch.ones(2, 0))))
)
raises(
    "mod_14_21",
    lambda: shape_of(run(lambda: fresh(lambda: nn.BatchNorm1d(4))(torch.ones(0, 3, 8)))),
)
raises(
    "mod_15_15",
    lambda: shape_of(run(lambda: fresh(lambda: nn.BatchNorm1d(3))(torch.ones(2, 4).half()))),
)
raises(
    "mod_15_19", lambda: shape_of(run(lambda: fresh(lambda: nn.BatchNorm1d(3))(torch.ones(0, 4))))
)
raises(
    "mod_15_20", lambda: shape_of(run(lambda: fresh(lambda: nn.BatchNorm1d(3))(torch.ones(2, 0))))
)
raises(
    "mod_15_22", lambda: shape_of(run(lambda: fresh(lambda: nn.BatchNorm1d(3))(torch.ones(1, 4))))
)
raises(
    "mod_16_11",
    lambda: shape_of(run(lambda: fresh(lambda: nn.BatchNorm2d(3))(torch.ones(2, 3, 4, 4, 4)))),
)
raises(
    "mod_16_22", lambda: shape_of(run(lambda: fresh(lambda: nn.BatchNorm2d(3))(torch.ones(1, 4))))
)
raises("mod_18_20", lambda: shape_of(run(lambda: fresh(lambda: nn.LayerNorm(4))(torch.ones(2, 0)))))
raises(
    "mod_19_24",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.LayerNorm([3, 8]))(np.ones((2, 4), dtype=np.float32)))
    ),
)
raises(
    "mod_20_12",
    lambda: shape_of(run(lambda: fresh(lambda: nn.GroupNorm(2, 4))(torch.ones(2, 4).long()))),
)
raises(
    "mod_20_13",
    lambda: shape_of(run(lambda: fresh(lambda: nn.GroupNorm(2, 4))(torch.ones(2, 4).double()))),
)
raises(
    "mod_20_16",
    lambda: shape_of(run(lambda: fresh(lambda: nn.GroupNorm(2, 4))(torch.ones(2, 4).bool()))),
)
raises(
    "mod_20_19", lambda: shape_of(run(lambda: fresh(lambda: nn.GroupNorm(2, 4))(torch.ones(0, 4))))
)
raises(
    "mod_20_24",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.GroupNorm(2, 4))(np.ones((2, 4), dtype=np.float32)))
    ),
)
raises(
    "mod_21_0", lambda: shape_of(run(lambda: fresh(lambda: nn.InstanceNorm1d(3))(torch.ones(2, 4))))
)
raises(
    "mod_21_8",
    lambda: shape_of(run(lambda: fresh(lambda: nn.InstanceNorm1d(3))(torch.ones(2, 4, 8, 8)))),
)
raises(
    "mod_25_16",
    lambda: shape_of(run(lambda: fresh(lambda: nn.EmbeddingBag(10, 3))(torch.ones(2, 4).bool()))),
)
raises(
    "mod_25_20",
    lambda: shape_of(run(lambda: fresh(lambda: nn.EmbeddingBag(10, 3))(torch.ones(2, 0)))),
)
raises(
    "mod_25_23",
    lambda: shape_of(run(lambda: fresh(lambda: nn.EmbeddingBag(10, 3))([[1.0, 2.0, 3.0, 4.0]]))),
)
raises(
    "mod_25_24",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.EmbeddingBag(10, 3))(np.ones((2, 4), dtype=np.float32)))
    ),
)
raises("mod_25_25", lambda: shape_of(run(lambda: fresh(lambda: nn.EmbeddingBag(10, 3))(None))))
raises("mod_26_19", lambda: shape_of(run(lambda: fresh(lambda: nn.LSTM(4, 5))(torch.ones(0, 4)))))
raises(
    "mod_27_19",
    lambda: shape_of(run(lambda: fresh(lambda: nn.GRU(4, 5, batch_first=True))(torch.ones(0, 4)))),
)
raises(
    "mod_28_19",
    lambda: shape_of(run(lambda: fresh(lambda: nn.RNN(4, 5, num_layers=2))(torch.ones(0, 4)))),
)
raises(
    "mod_30_26",
    lambda: shape_of(run(lambda: fresh(lambda: nn.GRUCell(4, 5))(torch.tensor([[1, 9], [3, 0]])))),
)
raises(
    "mod_31_1",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.ones(4)
            )
        )
    ),
)
raises(
    "mod_31_2",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.ones(2, 5)
            )
        )
    ),
)
raises(
    "mod_31_4",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.ones(2, 3, 8)
            )
        )
    ),
)
raises(
    "mod_31_5",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.ones(3, 8)
            )
        )
    ),
)
raises(
    "mod_31_6",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.ones(2, 3, 8, 8)
            )
        )
    ),
)
raises(
    "mod_31_7",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.ones(3, 8, 8)
            )
        )
    ),
)
raises(
    "mod_31_8",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.ones(2, 4, 8, 8)
            )
        )
    ),
)
raises(
    "mod_31_9",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.ones(2, 3, 2, 2)
            )
        )
    ),
)
raises(
    "mod_31_10",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.ones(1, 3, 1, 1)
            )
        )
    ),
)
raises(
    "mod_31_11",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.ones(2, 3, 4, 4, 4)
            )
        )
    ),
)
raises(
    "mod_31_14",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.ones(2, 3, 8, 8).double()
            )
        )
    ),
)
raises(
    "mod_31_17",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.ones(2, 3, 8, dtype=torch.int32)
            )
        )
    ),
)
raises(
    "mod_31_18",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.tensor(1.0)
            )
        )
    ),
)
raises(
    "mod_31_20",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.ones(2, 0)
            )
        )
    ),
)
raises(
    "mod_31_21",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.ones(0, 3, 8)
            )
        )
    ),
)
raises(
    "mod_31_23",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                [[1.0, 2.0, 3.0, 4.0]]
            )
        )
    ),
)
raises(
    "mod_31_25",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                None
            )
        )
    ),
)
raises(
    "mod_31_26",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.tensor([[1, 9], [3, 0]])
            )
        )
    ),
)
raises(
    "mod_31_27",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.tensor([[1, 10], [3, -1]])
            )
        )
    ),
)
raises(
    "mod_31_28",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                torch.tensor([1.0, 2.0])
            )
        )
    ),
)
raises(
    "mod_31_29",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0))(
                X4.t()
            )
        )
    ),
)
raises(
    "mod_35_21",
    lambda: shape_of(run(lambda: fresh(lambda: nn.Unflatten(1, (2, 2)))(torch.ones(0, 3, 8)))),
)
raises(
    "mod_35_23",
    lambda: shape_of(run(lambda: fresh(lambda: nn.Unflatten(1, (2, 2)))([[1.0, 2.0, 3.0, 4.0]]))),
)
raises(
    "mod_35_24",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.Unflatten(1, (2, 2)))(np.ones((2, 4), dtype=np.float32)))
    ),
)
raises("mod_35_25", lambda: shape_of(run(lambda: fresh(lambda: nn.Unflatten(1, (2, 2)))(None))))
raises(
    "mod_36_18", lambda: shape_of(run(lambda: fresh(lambda: nn.Softmax(dim=1))(torch.tensor(1.0))))
)
raises(
    "mod_38_17",
    lambda: shape_of(run(lambda: fresh(lambda: nn.ReLU())(torch.ones(2, 3, 8, dtype=torch.int32)))),
)
raises(
    "mod_41_23",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.Upsample(scale_factor=2))([[1.0, 2.0, 3.0, 4.0]]))
    ),
)
raises(
    "mod_41_24",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.Upsample(scale_factor=2))(np.ones((2, 4), dtype=np.float32)))
    ),
)
raises("mod_41_25", lambda: shape_of(run(lambda: fresh(lambda: nn.Upsample(scale_factor=2))(None))))
raises(
    "mod_42_23",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.Upsample(scale_factor=2, mode="bilinear"))(
                [[1.0, 2.0, 3.0, 4.0]]
            )
        )
    ),
)
raises(
    "mod_42_24",
    lambda: shape_of(
        run(
            lambda: fresh(lambda: nn.Upsample(scale_factor=2, mode="bilinear"))(
                np.ones((2, 4), dtype=np.float32)
            )
        )
    ),
)
raises(
    "mod_42_25",
    lambda: shape_of(
        run(lambda: fresh(lambda: nn.Upsample(scale_factor=2, mode="bilinear"))(None))
    ),
)
raises(
    "mod_44_1", lambda: shape_of(run(lambda: fresh(lambda: nn.ReflectionPad2d(2))(torch.ones(4))))
)
raises("loss_0_34", lambda: F.cross_entropy(torch.tensor(0.5), torch.tensor(1.0)))
raises(
    "loss_1_34",
    lambda: nn.CrossEntropyLoss(label_smoothing=0.1)(torch.tensor(0.5), torch.tensor(1.0)),
)
raises(
    "loss_1_35",
    lambda: nn.CrossEntropyLoss(label_smoothing=0.1)(torch.tensor(0.5), torch.tensor([1.0])),
)
raises(
    "loss_2_34",
    lambda: nn.CrossEntropyLoss(weight=torch.ones(3))(torch.tensor(0.5), torch.tensor(1.0)),
)
raises(
    "loss_3_15",
    lambda: F.cross_entropy(
        torch.ones(2, 3), torch.ones(2, 3).long(), ignore_index=2, reduction="none"
    ),
)
raises(
    "loss_3_17",
    lambda: F.cross_entropy(
        torch.ones(2, 3), torch.ones(2, 3).bool(), ignore_index=2, reduction="none"
    ),
)
raises(
    "loss_3_22",
    lambda: F.cross_entropy(
        torch.ones(2, 3).long(), torch.ones(2, 3).long(), ignore_index=2, reduction="none"
    ),
)
raises(
    "loss_3_29",
    lambda: F.cross_entropy(
        torch.ones(2, 3, 4), torch.zeros(2, 3).long(), ignore_index=2, reduction="none"
    ),
)
raises("loss_4_39", lambda: F.nll_loss(torch.tensor([0.5, float("nan")]), torch.tensor([1.0, 0.0])))
raises(
    "loss_5_39",
    lambda: F.nll_loss(
        torch.tensor([0.5, float("nan")]), torch.tensor([1.0, 0.0]), reduction="sum"
    ),
)
raises("loss_6_8", lambda: F.mse_loss(torch.ones(2, 3), torch.ones(2, 3)))
raises("loss_6_31", lambda: F.mse_loss(torch.ones(2, 3, 4, 4), torch.zeros(2, 4, 4).long()))
raises("loss_6_37", lambda: F.mse_loss(torch.tensor([0.5, 0.2]), [1.0, 0.0]))
raises("loss_8_10", lambda: F.smooth_l1_loss(torch.ones(2, 3), torch.full((2, 3), 1.5), beta=0.5))
raises(
    "loss_8_22",
    lambda: F.smooth_l1_loss(torch.ones(2, 3).long(), torch.ones(2, 3).long(), beta=0.5),
)
raises("loss_9_14", lambda: F.huber_loss(torch.ones(2, 3), torch.ones(2)))
raises("loss_9_22", lambda: F.huber_loss(torch.ones(2, 3).long(), torch.ones(2, 3).long()))
raises("loss_9_23", lambda: F.huber_loss(torch.ones(2, 3).long(), torch.tensor([0, 2])))
raises("loss_9_36", lambda: F.huber_loss([0.5, 0.2], torch.tensor([1.0, 0.0])))
raises("loss_9_37", lambda: F.huber_loss(torch.tensor([0.5, 0.2]), [1.0, 0.0]))
raises("loss_9_38", lambda: F.huber_loss(torch.tensor([0.5, 0.2]), None))
raises(
    "loss_11_13",
    lambda: F.binary_cross_entropy(torch.ones(2, 3), torch.ones(3), weight=torch.ones(3)),
)
raises(
    "loss_11_14",
    lambda: F.binary_cross_entropy(torch.ones(2, 3), torch.ones(2), weight=torch.ones(3)),
)
raises(
    "loss_11_21",
    lambda: F.binary_cross_entropy(
        torch.full((2, 3), -0.5), torch.zeros(2, 3), weight=torch.ones(3)
    ),
)
raises(
    "loss_11_36",
    lambda: F.binary_cross_entropy([0.5, 0.2], torch.tensor([1.0, 0.0]), weight=torch.ones(3)),
)
raises(
    "loss_12_17",
    lambda: F.binary_cross_entropy_with_logits(torch.ones(2, 3), torch.ones(2, 3).bool()),
)
raises(
    "loss_12_22",
    lambda: F.binary_cross_entropy_with_logits(torch.ones(2, 3).long(), torch.ones(2, 3).long()),
)
raises(
    "loss_12_36", lambda: F.binary_cross_entropy_with_logits([0.5, 0.2], torch.tensor([1.0, 0.0]))
)
raises(
    "loss_13_17",
    lambda: nn.BCEWithLogitsLoss(pos_weight=torch.ones(3))(
        torch.ones(2, 3), torch.ones(2, 3).bool()
    ),
)
raises(
    "loss_13_22",
    lambda: nn.BCEWithLogitsLoss(pos_weight=torch.ones(3))(
        torch.ones(2, 3).long(), torch.ones(2, 3).long()
    ),
)
raises(
    "loss_14_24",
    lambda: F.kl_div(torch.ones(2, 3).double(), torch.tensor([0, 2]), reduction="batchmean"),
)
raises(
    "loss_14_39",
    lambda: F.kl_div(
        torch.tensor([0.5, float("nan")]), torch.tensor([1.0, 0.0]), reduction="batchmean"
    ),
)
raises("loss_16_37", lambda: F.multi_margin_loss(torch.tensor([0.5, 0.2]), [1.0, 0.0]))
raises("loss_17_30", lambda: F.multilabel_margin_loss(torch.ones(2, 3, 4), torch.zeros(2, 4, 3)))
raises("loss_19_26", lambda: F.gaussian_nll_loss(torch.ones(3), torch.tensor(1), torch.ones(2, 3)))
raises(
    "loss_19_37",
    lambda: F.gaussian_nll_loss(torch.tensor([0.5, 0.2]), [1.0, 0.0], torch.ones(2, 3)),
)
raises("loss_20_36", lambda: F.hinge_embedding_loss([0.5, 0.2], torch.tensor([1.0, 0.0])))
raises("loss_20_37", lambda: F.hinge_embedding_loss(torch.tensor([0.5, 0.2]), [1.0, 0.0]))
raises("rnn_7", lambda: run(lambda: nn.LSTM(4, 5)(torch.ones(3, 2, 4), (torch.zeros(1, 2, 5),))))
raises(
    "rnn_8",
    lambda: run(
        lambda: nn.LSTM(4, 5)(torch.ones(3, 2, 4), [torch.zeros(1, 2, 5), torch.zeros(1, 2, 5)])
    ),
)
raises(
    "rnn_12",
    lambda: run(
        lambda: nn.LSTM(4, 5)(torch.ones(3, 4), (torch.zeros(1, 1, 5), torch.zeros(1, 1, 5)))
    ),
)
raises(
    "rnn_13", lambda: run(lambda: nn.LSTM(4, 5)(torch.ones(3, 4), (torch.zeros(5), torch.zeros(5))))
)
raises(
    "rnn_17",
    lambda: run(
        lambda: nn.LSTM(4, 5, batch_first=True)(
            torch.ones(2, 3, 4), (torch.zeros(1, 3, 5), torch.zeros(1, 3, 5))
        )
    ),
)
raises(
    "rnn_19",
    lambda: run(
        lambda: nn.LSTM(4, 5, proj_size=3)(
            torch.ones(3, 2, 4), (torch.zeros(1, 2, 5), torch.zeros(1, 2, 5))
        )
    ),
)
raises("rnn_22", lambda: run(lambda: nn.LSTM(4, 5, num_layers=0)))
raises("rnn_24", lambda: run(lambda: nn.LSTM(4, 5, dropout=0.5)))
raises("rnn_25", lambda: run(lambda: nn.LSTM(4, 0)))
raises("rnn_26", lambda: run(lambda: nn.LSTM(4, 5.0)))
raises("rnn_27", lambda: run(lambda: nn.LSTM(4, 5, nonlinearity="relu")))
raises("rnn_33", lambda: run(lambda: nn.GRU(4, 5)(torch.ones(3, 4), torch.zeros(1, 5))))
raises("rnn_39", lambda: run(lambda: nn.RNN(4, 5)(torch.ones(3, 2, 4), None)[1].shape))
raises(
    "rnn_40",
    lambda: run(lambda: nn.RNN(4, 5)(torch.ones(3, 2, 4), hx=torch.zeros(1, 2, 5))[1].shape),
)
raises("rnn_41", lambda: run(lambda: nn.LSTMCell(4, 5)(torch.ones(2, 4), torch.zeros(2, 5))))
raises("rnn_42", lambda: run(lambda: nn.LSTMCell(4, 5)(torch.ones(2, 4), (torch.zeros(2, 5),))))
raises(
    "rnn_45",
    lambda: run(
        lambda: nn.LSTMCell(4, 5)(torch.ones(4), (torch.zeros(5), torch.zeros(5)))[0].shape
    ),
)
raises(
    "rnn_46",
    lambda: run(lambda: nn.LSTMCell(4, 5)(torch.ones(4), (torch.zeros(1, 5), torch.zeros(1, 5)))),
)
raises("rnn_47", lambda: run(lambda: nn.LSTMCell(4, 5)(torch.ones(1, 2, 4))))
raises("rnn_48", lambda: run(lambda: nn.GRUCell(4, 5)(torch.ones(2, 4), torch.zeros(3, 5))))
raises("rnn_50", lambda: run(lambda: nn.GRUCell(4, 5)(torch.ones(2, 4), (torch.zeros(2, 5),))))
raises("rnn_51", lambda: run(lambda: nn.RNNCell(4, 5)(torch.ones(2, 5))))
raises("rnn_52", lambda: run(lambda: nn.RNNCell(4, 5)(torch.ones(2, 4), torch.zeros(5))))
raises(
    "rnn_56", lambda: run(lambda: nn.utils.rnn.pack_padded_sequence(torch.ones(3, 2, 4), [2, 3]))
)
raises(
    "rnn_58", lambda: run(lambda: nn.utils.rnn.pack_padded_sequence(torch.ones(3, 2, 4), [3, 0]))
)
raises("rnn_59", lambda: run(lambda: nn.utils.rnn.pack_padded_sequence(torch.ones(3, 2, 4), [3])))
raises(
    "mha_2",
    lambda: run(
        lambda: (
            nn.MultiheadAttention(8, 2)(
                torch.ones(3, 2, 8), torch.ones(3, 2, 8), torch.ones(3, 2, 8)
            )[0].shape
        )
    ),
)
raises(
    "mha_4",
    lambda: run(
        lambda: nn.MultiheadAttention(8, 2)(
            torch.ones(3, 2, 6), torch.ones(3, 2, 6), torch.ones(3, 2, 6)
        )
    ),
)
raises(
    "mha_5",
    lambda: run(
        lambda: nn.MultiheadAttention(8, 2)(
            torch.ones(3, 2, 8), torch.ones(4, 2, 8), torch.ones(5, 2, 8)
        )
    ),
)
raises(
    "mha_6",
    lambda: run(
        lambda: nn.MultiheadAttention(8, 2)(
            torch.ones(3, 2, 8), torch.ones(4, 3, 8), torch.ones(4, 3, 8)
        )
    ),
)
raises(
    "mha_8",
    lambda: run(
        lambda: nn.MultiheadAttention(8, 2)(
            torch.ones(3, 8), torch.ones(4, 2, 8), torch.ones(4, 2, 8)
        )
    ),
)
raises(
    "mha_9",
    lambda: run(
        lambda: (
            nn.MultiheadAttention(8, 2)(
                torch.ones(3, 2, 8),
                torch.ones(3, 2, 8),
                torch.ones(3, 2, 8),
                attn_mask=torch.ones(3, 3, dtype=torch.bool),
            )[0].shape
        )
    ),
)
raises(
    "mha_10",
    lambda: run(
        lambda: nn.MultiheadAttention(8, 2)(
            torch.ones(3, 2, 8),
            torch.ones(3, 2, 8),
            torch.ones(3, 2, 8),
            attn_mask=torch.ones(4, 3, dtype=torch.bool),
        )
    ),
)
raises(
    "mha_11",
    lambda: run(
        lambda: nn.MultiheadAttention(8, 2)(
            torch.ones(3, 2, 8),
            torch.ones(3, 2, 8),
            torch.ones(3, 2, 8),
            attn_mask=torch.ones(3, 3).long(),
        )
    ),
)
raises(
    "mha_14",
    lambda: run(
        lambda: nn.MultiheadAttention(8, 2)(
            torch.ones(3, 2, 8),
            torch.ones(3, 2, 8),
            torch.ones(3, 2, 8),
            attn_mask=torch.zeros(2, 3, 3),
        )
    ),
)
raises(
    "mha_15",
    lambda: run(
        lambda: nn.MultiheadAttention(8, 2)(
            torch.ones(3, 2, 8), torch.ones(3, 2, 8), torch.ones(3, 2, 8), attn_mask=torch.zeros(3)
        )
    ),
)
raises(
    "mha_16",
    lambda: run(
        lambda: nn.MultiheadAttention(8, 2)(
            torch.ones(3, 2, 8),
            torch.ones(3, 2, 8),
            torch.ones(3, 2, 8),
            attn_mask=torch.zeros(1, 1, 3, 3),
        )
    ),
)
raises(
    "mha_18",
    lambda: run(
        lambda: nn.MultiheadAttention(8, 2)(
            torch.ones(3, 2, 8),
            torch.ones(3, 2, 8),
            torch.ones(3, 2, 8),
            key_padding_mask=torch.zeros(3, 2, dtype=torch.bool),
        )
    ),
)
raises(
    "mha_20",
    lambda: run(
        lambda: nn.MultiheadAttention(8, 2)(
            torch.ones(3, 2, 8),
            torch.ones(3, 2, 8),
            torch.ones(3, 2, 8),
            key_padding_mask=torch.zeros(2, 3).long(),
        )
    ),
)
raises(
    "mha_21",
    lambda: run(
        lambda: nn.MultiheadAttention(8, 2)(
            torch.ones(3, 2, 8),
            torch.ones(3, 2, 8),
            torch.ones(3, 2, 8),
            key_padding_mask=torch.zeros(2, 4, dtype=torch.bool),
        )
    ),
)
raises(
    "mha_24",
    lambda: run(
        lambda: nn.MultiheadAttention(8, 2, batch_first=True)(
            torch.ones(2, 3, 8), torch.ones(2, 3, 8), torch.ones(2, 3, 8), need_weights=False
        )[1]
    ),
)
raises(
    "mha_25",
    lambda: run(
        lambda: nn.MultiheadAttention(8, 2)(
            torch.ones(3, 2, 8).double(), torch.ones(3, 2, 8).double(), torch.ones(3, 2, 8).double()
        )
    ),
)
raises(
    "mha_26",
    lambda: run(
        lambda: nn.MultiheadAttention(8, 2)(
            torch.ones(3, 2, 8), torch.ones(3, 2, 8).double(), torch.ones(3, 2, 8)
        )
    ),
)
raises(
    "mha_30",
    lambda: run(lambda: nn.TransformerEncoderLayer(8, 2, dropout=0.0)(torch.ones(3, 2, 6))),
)
raises(
    "mha_31",
    lambda: run(
        lambda: nn.TransformerEncoderLayer(8, 2, dropout=0.0)(
            torch.ones(3, 2, 8), src_mask=torch.ones(2, 2, dtype=torch.bool)
        )
    ),
)
raises(
    "mha_32",
    lambda: run(
        lambda: nn.TransformerEncoderLayer(8, 2, dropout=0.0)(
            torch.ones(3, 2, 8), src_key_padding_mask=torch.zeros(3, 2, dtype=torch.bool)
        )
    ),
)
raises(
    "mha_33",
    lambda: run(
        lambda: (
            nn.TransformerEncoderLayer(8, 2, dropout=0.0)(
                torch.ones(3, 2, 8), src_mask=nn.Transformer.generate_square_subsequent_mask(3)
            ).shape
        )
    ),
)
raises(
    "mha_35",
    lambda: run(
        lambda: (
            nn.TransformerEncoderLayer(8, 2, dropout=0.0, activation="gelu")(
                torch.ones(3, 2, 8)
            ).shape
        )
    ),
)
raises(
    "mha_39",
    lambda: run(
        lambda: nn.TransformerDecoderLayer(8, 2, dropout=0.0)(
            torch.ones(3, 2, 8), torch.ones(4, 3, 8)
        )
    ),
)
raises(
    "mha_41",
    lambda: run(
        lambda: nn.Transformer(8, 2, 1, 1, 16, dropout=0.0)(
            torch.ones(3, 2, 8), torch.ones(4, 2, 6)
        )
    ),
)
raises("mha_43", lambda: run(lambda: nn.Transformer.generate_square_subsequent_mask(-1)))
raises(
    "mha_44",
    lambda: run(
        lambda: F.scaled_dot_product_attention(
            torch.ones(2, 3, 4),
            torch.ones(2, 5, 4),
            torch.ones(2, 5, 4),
            attn_mask=torch.ones(3, 4, dtype=torch.bool),
        )
    ),
)
raises(
    "mha_46",
    lambda: run(
        lambda: F.scaled_dot_product_attention(
            torch.ones(2, 3, 4), torch.ones(2, 5, 3), torch.ones(2, 5, 4)
        )
    ),
)
raises(
    "mha_48",
    lambda: run(
        lambda: F.scaled_dot_product_attention(
            torch.ones(2, 3, 4),
            torch.ones(2, 5, 4),
            torch.ones(2, 5, 4),
            is_causal=True,
            attn_mask=torch.ones(3, 5, dtype=torch.bool),
        )
    ),
)
raises(
    "mha_49",
    lambda: run(
        lambda: (
            F.scaled_dot_product_attention(
                torch.ones(3, 4), torch.ones(5, 4), torch.ones(5, 4)
            ).shape
        )
    ),
)
raises(
    "mha_51",
    lambda: run(
        lambda: F.scaled_dot_product_attention(
            torch.ones(2, 3, 4).double(), torch.ones(2, 5, 4), torch.ones(2, 5, 4)
        )
    ),
)
raises(
    "lossx_0", lambda: F.cross_entropy(torch.ones(2, 3), torch.tensor([0, 2]), weight=torch.ones(2))
)
raises(
    "lossx_2",
    lambda: F.cross_entropy(torch.ones(2, 3), torch.tensor([0, 2]), weight=torch.ones(3).double()),
)
raises("lossx_9", lambda: F.cross_entropy(torch.ones(2, 3), torch.tensor([-1, 2]), ignore_index=-1))
raises("lossx_10", lambda: F.cross_entropy(torch.ones(2, 3), torch.tensor([-100, -100])))
raises("lossx_12", lambda: F.cross_entropy(torch.ones(2, 3), torch.tensor([5, 2]), ignore_index=5))
raises("lossx_14", lambda: nn.CrossEntropyLoss()(torch.tensor([0, 2]), torch.ones(2, 3)))
raises("lossx_16", lambda: nn.NLLLoss(weight=torch.ones(4))(torch.ones(2, 3), torch.tensor([0, 2])))
raises("lossx_22", lambda: nn.BCEWithLogitsLoss()(torch.ones(2, 1), torch.ones(2)))
raises("lossx_23", lambda: nn.BCEWithLogitsLoss()(torch.ones(2), torch.tensor([0, 1])))
raises(
    "lossx_24",
    lambda: nn.BCEWithLogitsLoss(pos_weight=torch.ones(4))(torch.ones(2, 3), torch.ones(2, 3)),
)
raises(
    "lossx_26",
    lambda: nn.BCEWithLogitsLoss(weight=torch.ones(2))(torch.ones(2, 3), torch.ones(2, 3)),
)
raises(
    "lossx_27",
    lambda: nn.CosineEmbeddingLoss()(torch.ones(2, 3), torch.ones(2, 3), torch.tensor([1, -1])),
)
raises(
    "lossx_28",
    lambda: nn.CosineEmbeddingLoss()(torch.ones(2, 3), torch.ones(2, 3), torch.tensor([1, -1, 1])),
)
raises(
    "lossx_29",
    lambda: nn.CosineEmbeddingLoss()(torch.ones(2, 3), torch.ones(2, 4), torch.tensor([1, -1])),
)
raises("lossx_31", lambda: nn.MarginRankingLoss()(torch.ones(3), torch.ones(3), torch.ones(3)))
raises("lossx_34", lambda: nn.KLDivLoss()(torch.ones(2, 3), torch.ones(2, 3)))
raises("lossx_37", lambda: F.one_hot(torch.tensor([0, -1])))
raises("lossx_40", lambda: F.one_hot(torch.tensor([0, 1]), -1).shape)
raises("lossx_41", lambda: F.one_hot(torch.tensor([], dtype=torch.long)).shape)
raises("lossx_49", lambda: torch.softmax(torch.ones(2, 3), dim=1, dtype=torch.float64).dtype)
raises("optim_4", lambda: run(lambda: optim.SGD(Net(), lr=0.1)))
raises("optim_5", lambda: run(lambda: optim.SGD(Net().fc1.weight, lr=0.1)))
raises(
    "optim_7",
    lambda: run(
        lambda: optim.SGD(Net().named_parameters(), lr=0.1).param_groups[0]["params"][0].shape
    ),
)
raises(
    "optim_8",
    lambda: run(
        lambda: optim.SGD(list(Net().named_parameters()), lr=0.1).param_groups[0]["param_names"]
    ),
)
raises(
    "optim_10",
    lambda: run(lambda: optim.SGD([{"params": Net().fc1.parameters()}, Net().fc2.weight], lr=0.1)),
)
raises("optim_20", lambda: run(lambda: optim.Adam(Net().parameters(), lr=0.1, betas=(0.9, 1.0))))
raises(
    "optim_26",
    lambda: run(
        lambda: optim.Adam(Net().parameters(), lr=0.1, amsgrad="yes").param_groups[0]["amsgrad"]
    ),
)
raises("optim_30", lambda: run(lambda: optim.AdamW(Net().parameters(), lr=-1)))
raises("optim_33", lambda: run(lambda: optim.RMSprop(Net().parameters(), lr=0.1, momentum=-1)))
raises(
    "optim_46",
    lambda: run(
        lambda: optim.Rprop(Net().parameters(), step_sizes=(1e-6, 50)).param_groups[0]["step_sizes"]
    ),
)
raises("optim_48", lambda: run(lambda: sgd_step(lambda p: optim.SGD(p, lr=0.1))))
raises(
    "optim_61",
    lambda: run(
        lambda: (lambda o: o.add_param_group([torch.ones(2, requires_grad=True)]))(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1)
        )
    ),
)
raises(
    "optim_67",
    lambda: run(
        lambda: (lambda o: o.state[torch.ones(2)])(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1)
        )
    ),
)
raises(
    "optim_71",
    lambda: run(
        lambda: (lambda o: o.load_state_dict(None))(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1)
        )
    ),
)
raises(
    "optim_77",
    lambda: run(lambda: opt_load(lambda sd: {"state": {}, "param_groups": sd["param_groups"]})),
)
raises(
    "optim_79",
    lambda: run(
        lambda: optim.lr_scheduler.StepLR(optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1))
    ),
)
raises(
    "optim_80",
    lambda: run(lambda: optim.lr_scheduler.StepLR([torch.ones(2, requires_grad=True)], 2)),
)
raises(
    "optim_82",
    lambda: run(
        lambda: optim.lr_scheduler.MultiStepLR(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1), [3, 2]
        )
    ),
)
raises(
    "optim_84",
    lambda: run(
        lambda: optim.lr_scheduler.CosineAnnealingLR(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1), T_max=0
        ).get_last_lr()
    ),
)
raises(
    "optim_89",
    lambda: run(
        lambda: optim.lr_scheduler.ReduceLROnPlateau(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1)
        ).step()
    ),
)
raises(
    "optim_94",
    lambda: run(
        lambda: optim.lr_scheduler.LinearLR(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1), start_factor=0
        )
    ),
)
raises(
    "optim_95",
    lambda: run(
        lambda: optim.lr_scheduler.LinearLR(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1), end_factor=2.0
        )
    ),
)
raises(
    "optim_96",
    lambda: run(
        lambda: optim.lr_scheduler.SequentialLR(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1), [], []
        )
    ),
)
raises(
    "optim_97",
    lambda: run(
        lambda: optim.lr_scheduler.CosineAnnealingWarmRestarts(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1), T_0=0
        )
    ),
)
raises(
    "optim_98",
    lambda: run(
        lambda: optim.lr_scheduler.CosineAnnealingWarmRestarts(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1), T_0=2, T_mult=0
        )
    ),
)
raises("module_0", lambda: run(lambda: net_sd()))
raises("module_9", lambda: run(lambda: net_sd(set={"fc1.weight": torch.ones(12)})))
raises("module_17", lambda: run(lambda: Net().load_state_dict([1, 2])))
raises("module_23", lambda: run(lambda: Net().fc1.load_state_dict(Net().state_dict())))
raises(
    "module_26",
    lambda: run(
        lambda: nn.BatchNorm1d(3).load_state_dict({"weight": torch.ones(3), "bias": torch.ones(3)})
    ),
)
raises(
    "module_27",
    lambda: run(
        lambda: nn.BatchNorm1d(3).load_state_dict(
            {
                "weight": torch.ones(3),
                "bias": torch.ones(3),
                "running_mean": torch.ones(3),
                "running_var": torch.ones(3),
            }
        )
    ),
)
raises(
    "module_30",
    lambda: run(
        lambda: (lambda m: m.register_parameter("a.b", nn.Parameter(torch.ones(1))))(nn.Module())
    ),
)
raises(
    "module_31",
    lambda: run(
        lambda: (lambda m: m.register_parameter("", nn.Parameter(torch.ones(1))))(nn.Module())
    ),
)
raises(
    "module_34",
    lambda: run(
        lambda: (lambda m: m.register_parameter("w", None) or list(m.state_dict()))(nn.Module())
    ),
)
raises(
    "module_35",
    lambda: run(
        lambda: (lambda m: m.register_parameter("weight", nn.Parameter(torch.ones(1))))(
            nn.Linear(2, 2)
        )
    ),
)
raises(
    "module_38",
    lambda: run(lambda: (lambda m: m.register_buffer("a.b", torch.ones(1)))(nn.Module())),
)
raises("module_46", lambda: run(lambda: (lambda m: m.add_module("", nn.ReLU()))(Net())))
raises("module_47", lambda: run(lambda: (lambda m: m.add_module(3, nn.ReLU()))(Net())))
raises(
    "module_54",
    lambda: run(
        lambda: (lambda m: setattr(m, "w", torch.ones(2)) or [k for k, _ in m.named_parameters()])(
            Net()
        )
    ),
)
raises("module_62", lambda: run(lambda: (lambda m: m.get_parameter("fc1"))(Net())))
raises("module_64", lambda: run(lambda: (lambda m: m.get_buffer("fc1.weight"))(Net())))
raises("module_71", lambda: run(lambda: (lambda m: m.to(torch.int64))(Net())))
raises("module_83", lambda: run(lambda: (lambda m: m(input=torch.ones(1, 4)))(Net())))
raises("module_85", lambda: run(lambda: nn.Module().forward(torch.ones(2))))
raises("module_87", lambda: run(lambda: nn.Sequential(nn.Linear(4, 3), nn.ReLU())[-3]))
raises("module_95", lambda: run(lambda: nn.Sequential()(torch.ones(2))))
raises("module_105", lambda: run(lambda: (lambda s: s.pop(3))(nn.Sequential(nn.ReLU()))))
raises("module_106", lambda: run(lambda: (lambda s: s.__delitem__(3))(nn.Sequential(nn.ReLU()))))
raises(
    "module_107",
    lambda: run(lambda: (lambda s: s.__setitem__(3, nn.ReLU()))(nn.Sequential(nn.ReLU()))),
)
raises("module_108", lambda: run(lambda: (lambda s: s.__setitem__(0, 3))(nn.Sequential(nn.ReLU()))))
raises("module_110", lambda: run(lambda: (lambda s: s + nn.ReLU())(nn.Sequential(nn.ReLU()))))
raises("module_111", lambda: run(lambda: (lambda s: s * 0)(nn.Sequential(nn.ReLU()))))
raises("module_112", lambda: run(lambda: (lambda s: len(s * 2))(nn.Sequential(nn.ReLU()))))
raises("module_113", lambda: run(lambda: (lambda s: s * -1)(nn.Sequential(nn.ReLU()))))
raises("module_114", lambda: run(lambda: (lambda s: s * 1.5)(nn.Sequential(nn.ReLU()))))
raises("module_120", lambda: run(lambda: nn.ModuleList([nn.ReLU()])["0"]))
raises("module_122", lambda: run(lambda: (lambda l: l.extend(nn.ReLU()))(nn.ModuleList())))
raises("module_125", lambda: run(lambda: (lambda l: l.__delitem__(2))(nn.ModuleList([nn.ReLU()]))))
raises("module_126", lambda: run(lambda: (lambda l: l.pop(2))(nn.ModuleList([nn.ReLU()]))))
raises(
    "module_127", lambda: run(lambda: (lambda l: len(l + [nn.ReLU()]))(nn.ModuleList([nn.ReLU()])))
)
raises(
    "module_128",
    lambda: run(
        lambda: (
            (lambda l: l + nn.ModuleList([nn.ReLU()]))(
                nn.ModuleList([nn.ReLU()])
            ).__class__.__name__
        )
    ),
)
raises("module_131", lambda: run(lambda: nn.ModuleDict({1: nn.ReLU()})))
raises("module_134", lambda: run(lambda: nn.ModuleDict([nn.ReLU()])))
raises("module_135", lambda: run(lambda: nn.ModuleDict([("a", nn.ReLU(), 1)])))
raises("module_136", lambda: run(lambda: nn.ModuleDict({"a": nn.ReLU()})(torch.ones(2))))
raises("module_139", lambda: run(lambda: (lambda d: d.update(3))(nn.ModuleDict({"a": nn.ReLU()}))))
raises(
    "module_140",
    lambda: run(
        lambda: (lambda d: d.update([("b", nn.ReLU(), 3)]))(nn.ModuleDict({"a": nn.ReLU()}))
    ),
)
raises("module_144", lambda: run(lambda: nn.ParameterDict({"a": torch.ones(2)})["b"]))
raises("module_145", lambda: run(lambda: nn.ParameterDict({1: torch.ones(2)})))
raises("module_164", lambda: run(lambda: nn.init.dirac_(torch.ones(2, 2))))
raises("module_167", lambda: run(lambda: nn.init.trunc_normal_(torch.ones(2), a=2, b=-2)))
raises("module_170", lambda: run(lambda: nn.utils.clip_grad_norm_(Net().parameters(), -1.0)))
raises("module_173", lambda: run(lambda: nn.utils.clip_grad_norm_([], 1.0)))
raises(
    "module_179",
    lambda: run(lambda: nn.utils.vector_to_parameters(torch.ones(3), Net().parameters())),
)
raises("module_181", lambda: run(lambda: nn.utils.vector_to_parameters([1.0], Net().parameters())))
raises("autograd_0", lambda: torch.ones(2, requires_grad=True).numpy())
raises("autograd_4", lambda: torch.ones(2, requires_grad=True).tolist())
raises("autograd_9", lambda: int(torch.tensor([2.5], requires_grad=True)))
raises("autograd_19", lambda: torch.arange(3.0, requires_grad=True).requires_grad)
raises("autograd_30", lambda: torch.ones(2, requires_grad=True).t_())
raises("autograd_35", lambda: nn.ReLU(inplace=True)(torch.ones(2, requires_grad=True)))
raises(
    "autograd_41",
    lambda: (lambda x: (lambda y: (y.backward(), y.backward()))((x @ x)))(
        torch.ones(2, requires_grad=True)
    ),
)
raises(
    "autograd_43",
    lambda: (lambda x: (lambda y: (y.backward(), y.backward()))(x.pow(2).sum()))(
        torch.ones(2, requires_grad=True)
    ),
)
raises("autograd_47", lambda: (lambda x: (x * 2).backward())(torch.ones(2, requires_grad=True)))
raises(
    "autograd_61",
    lambda: (lambda x: (lambda y: (y.mul_(2), y.sum().backward(), x.grad.tolist())[2])(x * 3))(
        torch.ones(2, requires_grad=True)
    ),
)
raises(
    "autograd_64",
    lambda: (
        lambda x: (
            lambda w: (lambda y: (w.data.mul_(2), y.sum().backward(), x.grad.tolist())[2])(x * w)
        )(torch.ones(2) * 3)
    )(torch.ones(2, requires_grad=True)),
)
raises(
    "autograd_67",
    lambda: (lambda x: torch.autograd.grad(x.sum(), [x, torch.ones(2, requires_grad=True)]))(
        torch.ones(2, requires_grad=True)
    ),
)
raises(
    "autograd_69",
    lambda: (
        lambda x: torch.autograd.grad(
            x.sum(),
            [x, torch.ones(2, requires_grad=True)],
            allow_unused=True,
            materialize_grads=True,
        )[1].tolist()
    )(torch.ones(2, requires_grad=True)),
)
raises(
    "autograd_70",
    lambda: (
        lambda x: torch.autograd.grad(x.sum(), x, materialize_grads=True, allow_unused=False)[
            0
        ].tolist()
    )(torch.ones(2, requires_grad=True)),
)
raises(
    "autograd_73",
    lambda: (lambda x: torch.autograd.grad((x * 2).sum(), x, grad_outputs=torch.ones(2)))(
        torch.ones(2, requires_grad=True)
    ),
)
raises(
    "autograd_74",
    lambda: (lambda x: torch.autograd.grad([(x * 2).sum(), x.sum()], x)[0].tolist())(
        torch.ones(2, requires_grad=True)
    ),
)
raises(
    "autograd_78",
    lambda: (
        lambda x: torch.autograd.grad(
            torch.autograd.grad((x**3).sum(), x, create_graph=True)[0].sum(), x
        )[0].tolist()
    )(torch.ones(2, requires_grad=True)),
)
raises(
    "autograd_91",
    lambda: (
        lambda x: (
            x.register_post_accumulate_grad_hook(lambda p: None),
            (x * 2).register_post_accumulate_grad_hook(lambda p: None),
        )
    )(torch.ones(2, requires_grad=True)),
)
raises(
    "autograd_107",
    lambda: (lambda x: setattr(x, "data", torch.ones(3).long()) or x.dtype)(
        torch.ones(2, requires_grad=True)
    ),
)
raises("autograd_108", lambda: torch.no_grad()(3))
raises(
    "autograd_111",
    lambda: (
        lambda x: [
            torch.no_grad().__enter__(),
            (x * 2).requires_grad,
            torch.no_grad().__exit__(None, None, None),
            torch.set_grad_enabled(True),
        ][1]
    )(torch.ones(2, requires_grad=True)),
)
raises("autograd_112", lambda: (lambda x: torch.func.grad(lambda y: y * 2)(x))(torch.ones(2)))
raises(
    "autograd_118",
    lambda: (
        lambda x: torch.autograd.backward([x.sum(), x.sum()], grad_tensors=[torch.tensor(1.0)])
    )(torch.ones(2, requires_grad=True)),
)
raises(
    "autograd_119",
    lambda: (lambda x: torch.autograd.backward([x.sum(), x.sum()]) or x.grad.tolist())(
        torch.ones(2, requires_grad=True)
    ),
)
raises(
    "autograd_121",
    lambda: (lambda x: torch.autograd.backward(x.sum().item()))(torch.ones(2, requires_grad=True)),
)
raises("index_4", lambda: torch.arange(6.0).reshape(2, 3)[1.0])
raises("index_19", lambda: torch.arange(6.0).reshape(2, 3)[torch.ones(3, 2) > 2])
raises("index_21", lambda: torch.arange(6.0).reshape(2, 3)[:, torch.ones(2) > 0])
raises("index_27", lambda: torch.arange(6.0).reshape(2, 3)[:, torch.tensor([3])])
raises(
    "index_28",
    lambda: torch.arange(6.0).reshape(2, 3)[torch.tensor([0, 1]), torch.tensor([0, 1, 2])],
)
raises("index_29", lambda: torch.arange(6.0).reshape(2, 3)[np.array([0, 1])].shape)
raises("index_36", lambda: torch.arange(6.0).reshape(2, 3)[0.5:1])
raises("index_41", lambda: torch.arange(6.0).reshape(2, 3)[[0, [1]]])
raises("index_50", lambda: torch.tensor(5.0)[:])
raises("index_54", lambda: (lambda z: z.__setitem__(0, torch.ones(4)))(torch.zeros(2, 3)))
raises(
    "index_60",
    lambda: (lambda z: z.__setitem__(z > 0, torch.ones(5)) or z.tolist())(
        torch.arange(6.0).reshape(2, 3)
    ),
)
raises(
    "index_61",
    lambda: (lambda z: z.__setitem__(z > 2, torch.ones(2, 3)))(torch.arange(6.0).reshape(2, 3)),
)
raises(
    "index_62",
    lambda: (lambda z: z.__setitem__(torch.ones(3) > 0, 1.0))(torch.arange(6.0).reshape(2, 3)),
)
raises(
    "index_68", lambda: (lambda z: z.__setitem__(0, np.ones(3)) or z.tolist())(torch.zeros(2, 3))
)
raises(
    "index_72", lambda: (lambda z: z.__setitem__(0, 1e20) or z.tolist())(torch.zeros(2, 3).int())
)
raises(
    "index_73",
    lambda: (lambda z: z.__setitem__(0, 300) or z.tolist())(torch.zeros(2, 3, dtype=torch.uint8)),
)
raises(
    "index_74",
    lambda: (lambda z: z.__setitem__(0, -1) or z.tolist())(torch.zeros(2, 3, dtype=torch.uint8)),
)
raises(
    "index_78",
    lambda: (lambda z: z.__setitem__(0, torch.ones(3, requires_grad=True)) or z.requires_grad)(
        torch.zeros(2, 3)
    ),
)
raises("index_80", lambda: (lambda z: z.__setitem__((0, 0, 0), 1.0))(torch.zeros(2, 3)))
raises("index_81", lambda: (lambda z: z.__setitem__(0, 1.0))(torch.tensor(5.0)))
raises(
    "index_89", lambda: torch.zeros(2, 3).index_put_((torch.tensor([0]),), torch.ones(3)).tolist()
)
raises("index_93", lambda: torch.zeros(2, 3).index_add_(0, torch.tensor([0]), torch.ones(1, 4)))
raises("index_100", lambda: torch.zeros(2, 3).masked_select(torch.ones(3, 2) > 0))
raises("index_102", lambda: torch.zeros(2, 3).masked_select(torch.ones(2, 3)))
raises("index_107", lambda: torch.zeros(2, 3).take_along_dim(torch.tensor([[0], [1]]), 2))
raises("index_110", lambda: torch.arange(6.0).reshape(2, 3).gather(1, torch.tensor([[0, 3]])))
raises(
    "index_118",
    lambda: torch.zeros(2, 3).scatter_(1, torch.tensor([[0], [1]]), torch.ones(1, 1)).tolist(),
)
raises(
    "index_121", lambda: torch.zeros(2, 3).scatter_(1, torch.tensor([[0], [1]]), 1.0, reduce="sum")
)
raises("index_124", lambda: torch.zeros(2, 3).index_fill_(1, torch.tensor([[0]]), 1.0))
raises("shape_1", lambda: torch.ones(2, 3).view(-1, -1))
raises("shape_9", lambda: torch.ones(2, 3)[:, :2].view(-1))
raises("shape_11", lambda: torch.ones(2, 3).expand(4, 3))
raises("shape_17", lambda: torch.ones(2, 3).unsqueeze(0).expand(4, -1, -1).shape)
raises("shape_22", lambda: torch.ones(2, 3).reshape(torch.Size([3, 2])).shape)
raises("shape_32", lambda: torch.ones(2, 3).transpose(0))
raises("shape_33", lambda: torch.ones(2, 3).transpose(0, 1, 2))
raises("shape_50", lambda: torch.ones(2, 6).unflatten(1, (2, -1)).shape)
raises("shape_55", lambda: torch.cat([torch.ones(2, 3), torch.ones(3)]))
raises("shape_63", lambda: torch.cat([torch.ones(2, 3)], axis=1).shape)
raises("shape_65", lambda: torch.cat(iter([torch.ones(2, 3)])).shape)
raises("shape_76", lambda: torch.vstack([torch.ones(2, 3), torch.ones(2, 2)]))
raises("shape_81", lambda: torch.split(torch.ones(5), [2, 3], dim=1))
raises("shape_84", lambda: torch.chunk(torch.ones(5), -1))
raises("shape_92", lambda: torch.ones(2, 3).tile(0).shape)
raises("shape_94", lambda: torch.ones(2, 3).narrow(1, -4, 1))
raises("shape_104", lambda: torch.ones(2, 3).triu(1.5))
raises("shape_111", lambda: torch.ones(2, 3).reshape_as(torch.ones(6)).shape)
raises("shape_113", lambda: torch.ones(2, 3) @ torch.ones(2, 3))
raises("shape_119", lambda: torch.ones(2, 3).long() @ torch.ones(3, 2).long())
raises("shape_121", lambda: torch.ones(2, 3) @ 2)
raises("shape_127", lambda: torch.mm(torch.ones(2, 3, 1), torch.ones(1, 3)))
raises("shape_141", lambda: (lambda z: z.__ifloordiv__(2).tolist())(torch.ones(2, 3).int()))
raises("data_3", lambda: torch.utils.data.TensorDataset())
raises("data_4", lambda: torch.utils.data.TensorDataset(torch.tensor(1.0)))
raises("data_6", lambda: shape_of(torch.utils.data.TensorDataset(torch.ones(4, 2))[-1]))
raises(
    "data_8", lambda: shape_of(torch.utils.data.TensorDataset(torch.ones(4, 2), torch.ones(4))[1:3])
)
raises(
    "data_9",
    lambda: shape_of(torch.utils.data.TensorDataset(torch.ones(4, 2), torch.ones(4))[[0, 1]]),
)
raises(
    "data_16",
    lambda: loader(
        torch.utils.data.TensorDataset(torch.ones(5, 2), torch.ones(5)), batch_size=True
    ),
)
raises(
    "data_18",
    lambda: loader(torch.utils.data.TensorDataset(torch.ones(5, 2), torch.ones(5)), batch_size=10),
)
raises(
    "data_19",
    lambda: loader(
        torch.utils.data.TensorDataset(torch.ones(5, 2), torch.ones(5)),
        batch_size=10,
        drop_last=True,
    ),
)
raises(
    "data_20",
    lambda: loader(
        torch.utils.data.TensorDataset(torch.ones(5, 2), torch.ones(5)), shuffle="yes", batch_size=2
    ),
)
raises(
    "data_22",
    lambda: loader(
        torch.utils.data.TensorDataset(torch.ones(5, 2), torch.ones(5)),
        shuffle=True,
        sampler=range(5),
    ),
)
raises(
    "data_29",
    lambda: loader(
        torch.utils.data.TensorDataset(torch.ones(5, 2), torch.ones(5)),
        batch_sampler=[[0, 1]],
        drop_last=True,
    ),
)
raises(
    "data_31",
    lambda: loader(torch.utils.data.TensorDataset(torch.ones(5, 2), torch.ones(5)), num_workers=-1),
)
raises(
    "data_34",
    lambda: loader(
        torch.utils.data.TensorDataset(torch.ones(5, 2), torch.ones(5)),
        batch_size=2,
        prefetch_factor=2,
    ),
)
raises(
    "data_35",
    lambda: loader(
        torch.utils.data.TensorDataset(torch.ones(5, 2), torch.ones(5)),
        batch_size=2,
        persistent_workers=True,
    ),
)
raises(
    "data_36",
    lambda: loader(torch.utils.data.TensorDataset(torch.ones(5, 2), torch.ones(5)), timeout=-1),
)
raises("data_43", lambda: loader([{"x": torch.ones(2)}, {"x": torch.ones(2)}], batch_size=2))
raises("data_44", lambda: loader([1, 2.5, 3], batch_size=3))
raises("data_45", lambda: loader(["a", "b"], batch_size=2))
raises("data_48", lambda: loader([object(), object()], batch_size=2))
raises("data_50", lambda: loader(range(5), batch_size=2))
raises("data_53", lambda: len(torch.utils.data.DataLoader(torch.ones(5, 2), batch_size=2)))
raises("data_55", lambda: len(torch.utils.data.DataLoader(torch.ones(5, 2), batch_size=None)))
raises(
    "data_59",
    lambda: (lambda dl: setattr(dl, "batch_size", 3))(
        torch.utils.data.DataLoader(torch.ones(5, 2))
    ),
)
raises("data_62", lambda: torch.utils.data.random_split(range(10), [3, 8]))
raises("data_66", lambda: torch.utils.data.random_split(range(10), [-1, 11]))
raises("data_73", lambda: torch.utils.data.ConcatDataset([]))
raises("data_77", lambda: torch.utils.data.ConcatDataset(range(3)))
raises("data_80", lambda: list(torch.utils.data.BatchSampler(range(5), 2, "no")))
raises("data_87", lambda: list(torch.utils.data.RandomSampler([])))
raises("data_101", lambda: torch.utils.data.default_collate([1, "a"]))
raises("data_103", lambda: torch.utils.data.default_collate([1, torch.ones(2)]))
raises("data_104", lambda: torch.utils.data.default_collate([np.ones(2), np.ones(3)]))
raises("data_105", lambda: torch.utils.data.default_collate([np.array(["a"]), np.array(["b"])]))
raises("func_5", lambda: F.linear(torch.ones(2, 4).long(), torch.ones(3, 4).long()))
raises("func_6", lambda: F.linear([[1.0] * 4], torch.ones(3, 4)))
raises("func_12", lambda: F.pad(torch.ones(2, 3), (1, 1, 1, 1, 1, 1)))
raises("func_16", lambda: F.pad(torch.ones(1, 2, 3), (1, 1), mode="replicate").shape)
raises("func_20", lambda: F.pad(torch.ones(1, 2, 3), (-2, -2)))
raises("func_22", lambda: F.pad(torch.ones(1, 2, 3).long(), (1, 1), value=0.5).tolist())
raises("func_38", lambda: F.embedding(torch.tensor([0, 1]), torch.ones(5)))
raises("func_42", lambda: F.embedding([0, 1], torch.ones(5, 3)))
raises("func_45", lambda: F.dropout(torch.ones(3), p=-0.1))
raises("func_47", lambda: F.dropout(torch.ones(3), p="0.5"))
raises("func_56", lambda: F.cosine_similarity(torch.ones(2, 3), torch.ones(2, 3), dim=2))
raises("func_57", lambda: F.cosine_similarity(torch.ones(3).long(), torch.ones(3).long()))
raises("func_63", lambda: F.gelu(torch.ones(3), approximate="fast"))
raises("func_69", lambda: F.elu(torch.ones(3).long()))
raises("func_70", lambda: F.silu(torch.ones(3).long()))
raises("func_75", lambda: F.glu(torch.ones(3)))
raises("func_93", lambda: F.conv2d(torch.ones(1, 4, 8, 8), torch.ones(3, 2, 3, 3), groups=2))
raises("func_96", lambda: F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(2, 3, 3, 3), stride=0))
raises("func_102", lambda: F.batch_norm(torch.ones(2, 3), torch.zeros(4), torch.ones(4)))
raises(
    "func_103",
    lambda: F.batch_norm(torch.ones(2, 3), torch.zeros(3), torch.ones(3), training=True, eps=0),
)
raises("func_106", lambda: F.layer_norm(torch.ones(2, 3), (4,)))
raises("func_109", lambda: F.layer_norm(torch.ones(2, 3), (3,), weight=torch.ones(4)))
raises("func_117", lambda: F.fold(torch.ones(1, 4, 9), (4, 4), 2).shape)
raises("func_118", lambda: F.fold(torch.ones(1, 5, 9), (4, 4), 2))
raises("func_119", lambda: F.pixel_shuffle(torch.ones(1, 3, 2, 2), 2))
raises("tensor_4", lambda: torch.ones(2, 3).size(2))
raises("tensor_28", lambda: torch.ones(2) == None)
raises("tensor_29", lambda: torch.ones(2) in torch.ones(3))
raises("tensor_32", lambda: torch.ones(2).__contains__([1.0]))
raises("tensor_41", lambda: torch.ones(2).to("cuda"))
raises("tensor_50", lambda: torch.ones(2).to(bool).dtype)
raises("tensor_69", lambda: (torch.ones(2, requires_grad=True) * 2).requires_grad_(False))
raises("tensor_71", lambda: setattr(torch.ones(2, requires_grad=True) * 2, "requires_grad", False))
raises("tensor_72", lambda: torch.Tensor(2, 3.5))
raises("tensor_75", lambda: torch.Tensor(None))
raises("tensor_79", lambda: torch.Tensor(torch.ones(2).long()).dtype)
raises("tensor_81", lambda: torch.Tensor((2, 3)).tolist())
raises("tensor_84", lambda: torch.LongTensor(torch.ones(2)))
raises("tensor_85", lambda: torch.FloatTensor(torch.ones(2).long()))
raises("tensor_97", lambda: torch.as_tensor([1, 2], dtype="float"))
raises("tensor_122", lambda: torch.normal(torch.zeros(2), torch.ones(3)))
raises("tensor_124", lambda: torch.multinomial(torch.tensor([0.5, 0.5]), 3))
raises("tensor_134", lambda: torch.arange(0, 1, 0.3).tolist())
raises("tensor_146", lambda: torch.empty(2, 3).shape)
raises("tensor_147", lambda: torch.empty(-2))
raises("tensor_153", lambda: torch.randint_like(torch.ones(2), 5).dtype)
raises("tensor_161", lambda: torch.device("gpu"))
raises("tensor_207", lambda: torch.ones(2, 3).cumsum(2))
raises("tensor_216", lambda: torch.ones(2, 3).unique(dim=2))
raises("tensor_222", lambda: torch.tensor([1, 2]).float().histc(bins=0))
raises("tensor_233", lambda: torch.ones(2, 3).clamp(2, 1).tolist())
raises("tensor_257", lambda: torch.ones(2, 3).dot(torch.ones(2, 3)))
raises("tensor_278", lambda: torch.where(torch.ones(2) > 0, torch.ones(2), torch.ones(3)))
raises("tensor_284", lambda: torch.nonzero(torch.tensor(0.0)).shape)
raises("tensor_301", lambda: torch.flatten(torch.ones(2, 3), 1, 0))
raises("tensor_325", lambda: torch.lerp(torch.ones(2).long(), torch.ones(2).long(), 0.5))
raises("tensor_332", lambda: torch.ceil(torch.tensor([1, 2])).dtype)
raises("fn_0", lambda: MulTwo.apply(torch.ones(2, requires_grad=True)).sum().backward())
raises("fn_1", lambda: MulTwo.apply(torch.ones(2, requires_grad=True), 3))
raises("fn_2", lambda: MulTwo.apply(x=torch.ones(2, requires_grad=True)))
raises("fn_3", lambda: MulTwo()(torch.ones(2, requires_grad=True)))
raises("fn_4", lambda: MulTwo.forward(None, torch.ones(2)).tolist())
raises("fn_5", lambda: MulTwo.apply([1.0, 2.0]).tolist())
raises("fn_6", lambda: MulTwo.apply(torch.ones(2)).requires_grad)
raises("fn_7", lambda: MulTwo.apply(torch.ones(2, requires_grad=True)).grad_fn.name())
raises(
    "fn_8",
    lambda: (
        TooFewGrads.apply(torch.ones(2, requires_grad=True), torch.ones(2, requires_grad=True))
        .sum()
        .backward()
    ),
)
raises("fn_9", lambda: TooManyGrads.apply(torch.ones(2, requires_grad=True)).sum().backward())
raises("fn_10", lambda: WrongShapeGrad.apply(torch.ones(2, requires_grad=True)).sum().backward())
raises("fn_11", lambda: WrongTypeGrad.apply(torch.ones(2, requires_grad=True)).sum().backward())
raises("fn_12", lambda: NonTensorGrad.apply(torch.ones(2, requires_grad=True)).sum().backward())
raises(
    "fn_13",
    lambda: (lambda x: (IntGrad.apply(x).sum().backward(), x.grad.tolist())[1])(
        torch.ones(2, requires_grad=True)
    ),
)
raises(
    "fn_14",
    lambda: (lambda x: (NoneGrad.apply(x).sum().backward(), x.grad)[1])(
        torch.ones(2, requires_grad=True)
    ),
)
raises("fn_15", lambda: SaveNonTensor.apply(torch.ones(2, requires_grad=True)))
raises("fn_16", lambda: SaveTwice.apply(torch.ones(2, requires_grad=True)).sum().backward())
raises("fn_17", lambda: ReturnsList.apply(torch.ones(2, requires_grad=True)))
raises("fn_18", lambda: ReturnsNumber.apply(torch.ones(2, requires_grad=True)))
raises("fn_19", lambda: ReturnsNone.apply(torch.ones(2, requires_grad=True)))
raises("fn_20", lambda: ReturnsInput.apply(torch.ones(2, requires_grad=True)).grad_fn.name())
raises(
    "fn_21",
    lambda: (lambda x: (InplaceNoDirty.apply(x.clone()).sum().backward(), x.grad.tolist())[1])(
        torch.ones(2, requires_grad=True)
    ),
)
raises("fn_22", lambda: InplaceDirty.apply(torch.ones(2, requires_grad=True)))
raises(
    "fn_23",
    lambda: (lambda x: InplaceDirty.apply(x.clone()).grad_fn.name())(
        torch.ones(2, requires_grad=True)
    ),
)
raises("fn_24", lambda: NoBackward.apply(torch.ones(2, requires_grad=True)).sum().backward())
raises("fn_25", lambda: NoForward.apply(torch.ones(2, requires_grad=True)))
raises(
    "fn_26",
    lambda: (lambda x: (ModifiedSaved.apply(x), None)[1])(torch.ones(2, requires_grad=True)),
)
raises(
    "fn_27",
    lambda: (
        lambda x: (lambda y: (x.data.add_(1), y.sum().backward(), x.grad.tolist())[2])(
            MulTwoSaved.apply(x)
        )
    )(torch.ones(2, requires_grad=True)),
)
raises(
    "fn_28",
    lambda: (lambda x: (lambda y: (y.add_(1), y.sum().backward()))(MulTwoSaveOut.apply(x)))(
        torch.ones(2, requires_grad=True)
    ),
)
raises(
    "fn_29", lambda: torch.autograd.gradcheck(MulTwo.apply, (torch.ones(2, requires_grad=True),))
)
raises(
    "fn_30",
    lambda: torch.autograd.gradcheck(
        MulTwo.apply, (torch.ones(2, dtype=torch.float64, requires_grad=True),)
    ),
)
raises(
    "fn_31",
    lambda: torch.autograd.gradcheck(
        WrongGradValue.apply, (torch.ones(2, dtype=torch.float64, requires_grad=True),)
    ),
)
raises(
    "fn_32",
    lambda: torch.autograd.gradcheck(
        WrongGradValue.apply,
        (torch.ones(2, dtype=torch.float64, requires_grad=True),),
        raise_exception=False,
    ),
)
raises(
    "fn_33", lambda: torch.autograd.gradcheck(MulTwo.apply, (torch.ones(2, dtype=torch.float64),))
)
raises("hook_0", lambda: run(lambda: (lambda m: m.register_forward_hook(3))(nn.Linear(2, 2))))
raises(
    "hook_2",
    lambda: run(
        lambda: (lambda m: (m.register_forward_hook(lambda mod, i: None), m(torch.ones(1, 2)))[1])(
            nn.Linear(2, 2)
        )
    ),
)
raises(
    "hook_4",
    lambda: run(
        lambda: (
            lambda m: (
                m.register_forward_pre_hook(lambda mod, i: torch.ones(1, 3)),
                m(torch.ones(1, 2)),
            )[1]
        )(nn.Linear(2, 2))
    ),
)
raises(
    "hook_6",
    lambda: run(
        lambda: (
            lambda m: (
                m.register_forward_pre_hook(lambda mod, i, kw: None, with_kwargs=True),
                m(torch.ones(1, 2)),
            )[1]
        )(nn.Linear(2, 2))
    ),
)
raises(
    "hook_7",
    lambda: run(
        lambda: (
            lambda m: (
                m.register_full_backward_hook(lambda mod, gi, go: (torch.ones(3),)),
                m(torch.ones(1, 2, requires_grad=True)).sum().backward(),
            )[1]
        )(nn.Linear(2, 2))
    ),
)
raises(
    "hook_8",
    lambda: run(
        lambda: (
            lambda m: (
                m.register_full_backward_hook(lambda mod, gi, go: 3),
                m(torch.ones(1, 2, requires_grad=True)).sum().backward(),
            )[1]
        )(nn.Linear(2, 2))
    ),
)
raises(
    "hook_9",
    lambda: run(
        lambda: (
            lambda m: (
                m.register_full_backward_hook(lambda mod, gi, go: None),
                m(torch.ones(1, 2)).sum().backward(),
                m.weight.grad.shape,
            )[2]
        )(nn.Linear(2, 2))
    ),
)
raises(
    "hook_10",
    lambda: run(
        lambda: (
            lambda m: (
                m.register_full_backward_hook(lambda mod, gi: None),
                m(torch.ones(1, 2, requires_grad=True)).sum().backward(),
            )[1]
        )(nn.Linear(2, 2))
    ),
)
raises(
    "hook_11",
    lambda: run(
        lambda: (
            lambda m: (
                m.register_backward_hook(lambda mod, gi, go: None),
                m(torch.ones(1, 2, requires_grad=True)).sum().backward(),
                m.weight.grad.shape,
            )[2]
        )(nn.Linear(2, 2))
    ),
)
raises(
    "hook_12",
    lambda: run(
        lambda: (
            lambda m: (
                m.register_full_backward_pre_hook(lambda mod, go: (torch.ones(3),)),
                m(torch.ones(1, 2, requires_grad=True)).sum().backward(),
            )[1]
        )(nn.Linear(2, 2))
    ),
)
raises("hook_14", lambda: run(lambda: (lambda m: m.register_module_forward_hook)(nn.Linear(2, 2))))
raises(
    "hook_16",
    lambda: run(
        lambda: (
            lambda m: (
                m.weight.register_hook(lambda g: g * 0),
                m(torch.ones(1, 2)).sum().backward(),
                m.weight.grad.tolist(),
            )[2]
        )(nn.Linear(2, 2))
    ),
)
raises(
    "hook_17",
    lambda: run(
        lambda: (
            lambda m: (
                m.weight.register_hook(lambda g: g[0]),
                m(torch.ones(1, 2)).sum().backward(),
            )[1]
        )(nn.Linear(2, 2))
    ),
)
raises(
    "hook_22", lambda: run(lambda: (lambda m: [n for n, _ in m.named_buffers()])(nn.BatchNorm1d(2)))
)
raises("hook_24", lambda: run(lambda: (lambda m: list(m.state_dict(prefix="x.")))(nn.Linear(2, 2))))
raises("hook_31", lambda: run(lambda: (lambda m: next(m.parameters()).shape)(nn.Linear(2, 3))))
raises("hook_32", lambda: run(lambda: (lambda m: m.zero_grad(set_to_none="no"))(nn.Linear(2, 2))))
raises("hook_34", lambda: run(lambda: (lambda m: m.share_memory() is m)(nn.Linear(2, 2))))
raises("hook_46", lambda: run(lambda: (lambda m: m([1.0]))(nn.Flatten())))
raises(
    "hook_49",
    lambda: run(
        lambda: (lambda m: m(torch.ones(2, 3), torch.ones(2, 3), torch.ones(2, 3)))(nn.MSELoss())
    ),
)
raises("hook_54", lambda: run(lambda: nn.CrossEntropyLoss(reduction="avg")))
raises(
    "hook_59",
    lambda: run(
        lambda: nn.BCELoss(weight=torch.ones(3))(torch.full((2, 3), 0.5), torch.ones(2, 3)).item()
    ),
)
raises("hook_66", lambda: run(lambda: nn.Linear(4, 3, bias="no")))
raises("hook_79", lambda: run(lambda: nn.BatchNorm1d(0)))
raises("hook_81", lambda: run(lambda: nn.BatchNorm1d(3, eps=0)(torch.ones(2, 3)).shape))
raises("hook_93", lambda: run(lambda: nn.Embedding.from_pretrained([[1.0]])))
raises(
    "hook_94",
    lambda: run(
        lambda: nn.Embedding.from_pretrained(torch.ones(3, 2), freeze=False).weight.requires_grad
    ),
)
raises("hook_100", lambda: run(lambda: nn.Softmax(dim=2)(torch.ones(2, 3))))
raises("hook_101", lambda: run(lambda: nn.ReLU(True)(torch.ones(2, requires_grad=True))))
raises("hook_104", lambda: run(lambda: nn.PReLU(2)(torch.ones(2, 3))))
raises("hook_106", lambda: run(lambda: nn.Flatten(1, 0)(torch.ones(2, 3, 4))))
raises("hook_108", lambda: run(lambda: nn.Unflatten(1, 4)))
raises("hook_109", lambda: run(lambda: nn.Unflatten("a", (2, 2))))
raises(
    "hook_119",
    lambda: run(
        lambda: nn.Sequential(nn.Embedding(10, 4), nn.LSTM(4, 5))(torch.tensor([[1, 2]]))[0].shape
    ),
)
raises(
    "sched_0",
    lambda: run(
        lambda: (lambda o: (optim.lr_scheduler.StepLR(o, 1).step(), o.param_groups[0]["lr"])[1])(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1)
        )
    ),
)
raises(
    "sched_1",
    lambda: run(
        lambda: (lambda o: (optim.lr_scheduler.StepLR(o, 1).step(5), o.param_groups[0]["lr"])[1])(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1)
        )
    ),
)
raises(
    "sched_2",
    lambda: run(
        lambda: (lambda o: optim.lr_scheduler.StepLR(o, 1).get_lr())(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1)
        )
    ),
)
raises(
    "sched_6",
    lambda: run(
        lambda: (lambda o: optim.lr_scheduler.StepLR(o, 1, last_epoch=5))(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1)
        )
    ),
)
raises(
    "sched_7",
    lambda: run(
        lambda: (lambda o: optim.lr_scheduler.StepLR(o, 1.5).step())(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1)
        )
    ),
)
raises(
    "sched_9",
    lambda: run(
        lambda: (lambda o: optim.lr_scheduler.ExponentialLR(o, gamma="a"))(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1)
        )
    ),
)
raises(
    "sched_16",
    lambda: run(
        lambda: (lambda o: optim.lr_scheduler.ReduceLROnPlateau(o, min_lr=[0.1, 0.2]))(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1)
        )
    ),
)
raises(
    "sched_17",
    lambda: run(
        lambda: (lambda o: optim.lr_scheduler.CosineAnnealingLR(o))(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1)
        )
    ),
)
raises(
    "sched_19",
    lambda: run(
        lambda: (lambda o: optim.lr_scheduler.OneCycleLR(o, max_lr=[1.0, 2.0], total_steps=10))(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1)
        )
    ),
)
raises(
    "sched_24",
    lambda: run(
        lambda: (lambda o: optim.lr_scheduler.CyclicLR(o, 0.01, 0.1))(
            optim.Adam([torch.ones(2, requires_grad=True)], lr=0.1)
        )
    ),
)
raises(
    "sched_25",
    lambda: run(
        lambda: (
            lambda o: optim.lr_scheduler.SequentialLR(o, [optim.lr_scheduler.StepLR(o, 1)], [1, 2])
        )(optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1))
    ),
)
raises(
    "sched_28",
    lambda: run(
        lambda: (lambda o: optim.lr_scheduler.ConstantLR(o, factor=1.5))(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1)
        )
    ),
)
raises(
    "sched_30",
    lambda: run(
        lambda: (lambda o: optim.lr_scheduler.MultiplicativeLR(o, 0.5))(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1)
        )
    ),
)
raises(
    "sched_33",
    lambda: run(lambda: (lambda o: o.lr)(optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1))),
)
raises(
    "sched_34",
    lambda: run(
        lambda: (lambda o: o.zero_grad(set_to_none=False) or o.param_groups[0]["params"][0].grad)(
            optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1)
        )
    ),
)
raises(
    "sched_43",
    lambda: run(
        lambda: (
            lambda p: (
                setattr(p, "grad", torch.ones(2)),
                optim.SGD([p], lr=torch.tensor(0.1)).step(),
                p.tolist(),
            )[2]
        )(torch.ones(2, requires_grad=True))
    ),
)
raises(
    "sched_45",
    lambda: run(
        lambda: (
            lambda p: (
                setattr(p, "grad", torch.ones(2)),
                optim.Adam([p], lr=0.1, foreach=True).step(),
                p.tolist(),
            )[2]
        )(torch.ones(2, requires_grad=True))
    ),
)
raises(
    "sched_50",
    lambda: run(lambda: optim.SGD([torch.ones(2, dtype=torch.long, requires_grad=True)], lr=0.1)),
)
raises(
    "sched_51",
    lambda: run(
        lambda: optim.SGD([torch.ones(2)], lr=0.1).param_groups[0]["params"][0].requires_grad
    ),
)
raises("sched_52", lambda: run(lambda: optim.SGD({torch.ones(2, requires_grad=True)}, lr=0.1)))
raises(
    "sched_53",
    lambda: run(lambda: optim.SGD([{"params": {torch.ones(2, requires_grad=True)}}], lr=0.1)),
)
raises(
    "sched_56",
    lambda: run(
        lambda: optim.SGD(
            [("w", torch.ones(2, requires_grad=True)), torch.ones(2, requires_grad=True)], lr=0.1
        )
    ),
)
raises(
    "sched_57",
    lambda: run(
        lambda: optim.SGD([("w", torch.ones(2, requires_grad=True))], lr=0.1).state_dict()[
            "param_groups"
        ][0]["param_names"]
    ),
)
