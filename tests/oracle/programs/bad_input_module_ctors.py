# A missing or extra constructor argument names the __init__ PyTorch's error names (the
# class's own or the base class's it inherits: Conv2d.__init__, _MaxPoolNd.__init__,
# RNNBase.__init__, _Loss.__init__...); RNNCell / LSTMCell / GRUCell check their input and
# hidden sizes (PyTorch's check_rnn_cell_forward_*); LSTM indexes its (h, c) pair; the
# legacy tensor types are classes isinstance() checks by dtype; Tensor.expand's negative
# sizes; iter(DataLoader) is PyTorch's iterator object.
import warnings

cases = {
    "Conv1d": [(1, 2), ()],
    "Conv2d": [(1, 16), (), (1,)],
    "Conv3d": [(1, 2)],
    "ConvTranspose1d": [(1, 2)],
    "ConvTranspose2d": [(1, 2)],
    "MaxPool2d": [()],
    "MaxPool1d": [()],
    "MaxPool3d": [()],
    "AvgPool2d": [()],
    "AdaptiveAvgPool1d": [()],
    "AdaptiveAvgPool2d": [()],
    "AdaptiveAvgPool3d": [()],
    "AdaptiveMaxPool2d": [()],
    "BatchNorm2d": [()],
    "BatchNorm1d": [()],
    "LayerNorm": [()],
    "GroupNorm": [(2,)],
    "Linear": [(3,), ()],
    "Bilinear": [(1, 2)],
    "Embedding": [(3,)],
    "RNN": [(3,), ()],
    "LSTM": [(3,), ()],
    "GRU": [(3,)],
    "RNNCell": [(3,)],
    "LSTMCell": [(3,)],
    "GRUCell": [(3,)],
    "Dropout": [(0.1, True, 3)],
    "Dropout1d": [(0.1, True, 3)],
    "Dropout2d": [(0.1, True, 3)],
    "ConstantPad1d": [(1,)],
    "ConstantPad2d": [(1,)],
    "ZeroPad2d": [()],
    "ReflectionPad1d": [()],
    "ReflectionPad2d": [()],
    "ReplicationPad1d": [()],
    "ReplicationPad2d": [()],
    "CircularPad2d": [()],
    "MaxUnpool1d": [()],
    "MaxUnpool2d": [()],
    "Flatten": [(1, 2, 3)],
    "Unflatten": [(1,)],
    "Softmax": [(1, 2)],
    "MSELoss": [(None, None, "sum", 4)],
    "L1Loss": [(None, None, "sum", 1)],
    "BCELoss": [(None, None, None, "sum", 5)],
    "MultiheadAttention": [(4,)],
    "LazyLinear": [()],
    "LazyConv1d": [()],
    "LazyConv2d": [()],
    "LazyBatchNorm1d": [(1, 2, 3, 4, 5, 6, 7)],
    "LazyBatchNorm2d": [(1, 2, 3, 4, 5, 6, 7)],
    "Hardtanh": [(1, 2, 3, 4, 5, 6)],
    "Threshold": [(1,)],
}
for name, argss in cases.items():
    for args in argss:
        raises(f"nn.{name}{args}", lambda: getattr(nn, name)(*args))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    m = nn.Hardtanh(min_value=-2.0, max_value=3.0)
print(m, [(w.category.__name__, str(w.message)) for w in caught])

torch.manual_seed(0)
for C in ("RNNCell", "LSTMCell", "GRUCell"):
    cell = getattr(nn, C)(4, 3)
    lstm = C == "LSTMCell"

    def hx(b, h, lstm=lstm):
        z = torch.zeros(b, h)
        return (z, torch.zeros(b, 3)) if lstm else z

    tries = [
        ("input size", (2, 5), hx(2, 3)),
        ("batch", (2, 4), hx(3, 3)),
        ("hidden size", (2, 4), hx(2, 5)),
        ("unbatched", (4,), (torch.zeros(3), torch.zeros(3)) if lstm else torch.zeros(3)),
        ("unbatched input, batched hidden", (4,), hx(1, 3)),
    ]
    if lstm:
        tries += [
            ("cell state size", (2, 4), (torch.zeros(2, 3), torch.zeros(2, 5))),
            ("hidden batch", (2, 4), (torch.zeros(3, 3), torch.zeros(2, 3))),
        ]
    for what, shape, h in tries:
        raises(f"{C} {what}", lambda: cell(torch.randn(*shape), h).__class__.__name__)
lstm = nn.LSTM(4, 3, 2)
for what, h in [
    ("one tensor (2, 5, 3)", torch.zeros(2, 5, 3)),
    ("a 1-tuple", (torch.zeros(2, 5, 3),)),
    ("a list", [torch.zeros(2, 5, 3), torch.zeros(2, 5, 3)]),
    ("one tensor (3, 5, 3)", torch.zeros(3, 5, 3)),
]:
    raises(f"LSTM hx {what}", lambda: lstm(torch.randn(7, 5, 4), h)[0].shape)

# the legacy tensor types
a = torch.randn(2, 3)
print(type(torch.FloatTensor), torch.FloatTensor, torch.LongTensor.dtype, torch.IntTensor.dtype)
print(isinstance(a, torch.FloatTensor), isinstance(a.double(), torch.FloatTensor))
print(isinstance(a.double(), torch.DoubleTensor), isinstance(a.long(), torch.LongTensor))
print(isinstance(a.int(), torch.IntTensor), isinstance(a > 0, torch.BoolTensor))
print(
    isinstance(a, (torch.LongTensor, torch.FloatTensor)),
    issubclass(torch.FloatTensor, torch.Tensor),
)
print(
    torch.FloatTensor([1, 2]),
    torch.LongTensor([1, 2]),
    torch.ByteTensor([1, 2]),
    a.type(torch.IntTensor),
)
print(torch.FloatTensor.__name__, torch.FloatTensor.is_sparse)

# expand's negative sizes (checked from the last dimension)
b = torch.rand(1, 32, 1, 1)
for sizes in [
    (-1, 32, -1, -4),
    (2, -1, 32, 1, -2),
    (-2, 1, 32, 1, 1),
    (-1, 32, 3, -1),
    (1, -2, 1, 1),
    (-1, 1, 32, 1, 1),
    (2, -1, 1, 32, 1, 1),
    (-1, -1, 1, 32, 1, 1),
    (2, -2, 1, 32, 1, 1),
    (3, 1, 32, 1, -2),
    (1, 2, 3, 4),
]:
    raises(f"expand{sizes}", lambda: b.expand(*sizes).shape)

# iter(DataLoader)
loader = torch.utils.data.DataLoader(list(range(10)), batch_size=3, shuffle=True)
it = iter(loader)
print(type(it).__name__, len(it), next(it), list(it))
raises("DataLoader iterator .next()", lambda: iter(loader).next())
print(next(iter(loader)), type(iter(torch.utils.data.DataLoader([1, 2], num_workers=0))).__name__)
print(torch.utils.data.default_collate([("a", 1), ("b", 2)]))
print(torch.utils.data.default_collate([["a", 1.0], ["b", 2.0]]))
print(type(nn.Linear(2, 2)._parameters).__name__, type(nn.Sequential()._modules).__name__)
