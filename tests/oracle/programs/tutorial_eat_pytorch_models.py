# 《20天吃掉那只Pytorch》 (lyhue1991/eat_pytorch_in_20_days) chapter 1 (the modelling
# workflow on structured data, images, text and a time series: the Titanic DNN built with
# add_module, the cifar2 CNN with Dropout2d / AdaptiveMaxPool2d, the IMDB Embedding + Conv1d
# net, the COVID LSTM with its residual Block) and chapter 7 (recommendation models: the
# NumEmbedding filled from Linear layers under no_grad, CatEmbedding / CatLinear with offsets
# held as a non-trainable Parameter, the FM layer, FM and DeepFM), trained a few steps with the
# book's hand-written loop. Small seeded random tensors stand in for the datasets.
import numpy as np

Tensor = torch.Tensor
DataLoader = torch.utils.data.DataLoader
TensorDataset = torch.utils.data.TensorDataset


def fit_steps(net, loss_fn, optimizer, dl, metric=None):
    net.train()
    losses = []
    for features, labels in dl:
        preds = net(features)
        loss = loss_fn(preds, labels)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        losses.append(loss.item())
    return loss, round(float(np.mean(losses)), 3)


# ---------------------------------------------------------------- 1-1 structured data
def create_net():
    net = torch.nn.Sequential()
    net.add_module("linear1", nn.Linear(15, 20))
    net.add_module("relu1", nn.ReLU())
    net.add_module("linear2", nn.Linear(20, 15))
    net.add_module("relu2", nn.ReLU())
    net.add_module("linear3", nn.Linear(15, 1))
    return net


torch.manual_seed(11)
x_train = torch.rand(24, 15)
y_train = (x_train[:, :3].sum(1, keepdim=True) > 1.5).float()
net = create_net()
print(net)
loss, mean_loss = fit_steps(
    net,
    nn.BCEWithLogitsLoss(),
    torch.optim.Adam(net.parameters(), lr=0.01),
    DataLoader(TensorDataset(x_train, y_train), batch_size=8, shuffle=True),
)
print(mean_loss)
check("titanic DNN loss graph", graph(loss))
y_pred_probs = torch.sigmoid(net(x_train[:5])).data
y_pred = torch.where(
    y_pred_probs > 0.5, torch.ones_like(y_pred_probs), torch.zeros_like(y_pred_probs)
)
check("titanic predictions", y_pred.view(-1))


# ---------------------------------------------------------------- 1-2 images
class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()  # noqa: UP008  (as the book)
        self.conv1 = nn.Conv2d(in_channels=3, out_channels=8, kernel_size=3)
        self.pool = nn.MaxPool2d(kernel_size=2, stride=2)
        self.conv2 = nn.Conv2d(in_channels=8, out_channels=16, kernel_size=5)
        self.dropout = nn.Dropout2d(p=0.1)
        self.adaptive_pool = nn.AdaptiveMaxPool2d((1, 1))
        self.flatten = nn.Flatten()
        self.linear1 = nn.Linear(16, 8)
        self.relu = nn.ReLU()
        self.linear2 = nn.Linear(8, 1)

    def forward(self, x):
        x = self.conv1(x)
        x = self.pool(x)
        x = self.conv2(x)
        x = self.pool(x)
        x = self.dropout(x)
        x = self.adaptive_pool(x)
        x = self.flatten(x)
        x = self.linear1(x)
        x = self.relu(x)
        x = self.linear2(x)
        return x


torch.manual_seed(12)
imgs = torch.rand(8, 3, 16, 16)
labels = torch.randint(0, 2, (8, 1)).float()
net = Net()
print(net)
loss, mean_loss = fit_steps(
    net,
    nn.BCEWithLogitsLoss(),
    torch.optim.Adam(net.parameters(), lr=0.01),
    DataLoader(TensorDataset(imgs, labels), batch_size=4, shuffle=True),
)
check("cifar2 CNN loss graph", graph(loss))
check("cifar2 conv2 bias", net.conv2.bias)
net.eval()
check("cifar2 eval probabilities", torch.sigmoid(net(imgs[:3])))


# ---------------------------------------------------------------- 1-3 text
class TextNet(nn.Module):
    def __init__(self, vocab_size):
        super().__init__()
        self.embedding = nn.Embedding(num_embeddings=vocab_size, embedding_dim=3, padding_idx=0)
        self.conv = nn.Sequential()
        self.conv.add_module("conv_1", nn.Conv1d(in_channels=3, out_channels=8, kernel_size=5))
        self.conv.add_module("pool_1", nn.MaxPool1d(kernel_size=2))
        self.conv.add_module("relu_1", nn.ReLU())
        self.conv.add_module("conv_2", nn.Conv1d(in_channels=8, out_channels=16, kernel_size=2))
        self.conv.add_module("pool_2", nn.MaxPool1d(kernel_size=2))
        self.conv.add_module("relu_2", nn.ReLU())
        self.dense = nn.Sequential()
        self.dense.add_module("flatten", nn.Flatten())
        self.dense.add_module("linear", nn.Linear(16 * 3, 1))

    def forward(self, x):
        x = self.embedding(x).transpose(1, 2)
        x = self.conv(x)
        y = self.dense(x)
        return y


torch.manual_seed(13)
vocab_size = 50
tokens = torch.randint(1, vocab_size, (6, 20))
tokens[:, 15:] = 0  # (padding)
labels = torch.randint(0, 2, (6, 1)).float()
net = TextNet(vocab_size)
print(net.conv, net.dense)
loss, mean_loss = fit_steps(
    net,
    nn.BCEWithLogitsLoss(),
    torch.optim.Adam(net.parameters(), lr=0.01),
    DataLoader(TensorDataset(tokens, labels), batch_size=3, shuffle=True),
)
print(net.embedding.weight[0], net.embedding.weight.grad)
check("imdb net conv_1 weight", net.conv.conv_1.weight[0])


# ---------------------------------------------------------------- 1-4 time series
class Block(nn.Module):
    def __init__(self):
        super(Block, self).__init__()  # noqa: UP008  (as the book)

    def forward(self, x, x_input):
        x_out = torch.max((1 + x) * x_input[:, -1, :], torch.tensor(0.0))
        return x_out


class LSTMNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(input_size=3, hidden_size=3, num_layers=5, batch_first=True)
        self.linear = nn.Linear(3, 3)
        self.block = Block()

    def forward(self, x_input):
        x = self.lstm(x_input)[0][:, -1, :]
        x = self.linear(x)
        y = self.block(x, x_input)
        return y


torch.manual_seed(14)
series = torch.cumsum(torch.rand(20, 3) * 10, dim=0)
WINDOW_SIZE = 8
diff = series[1:] - series[:-1]
features = torch.stack([diff[i : i + WINDOW_SIZE] for i in range(len(diff) - WINDOW_SIZE)])
labels = diff[WINDOW_SIZE:]
print(features.shape, labels.shape)
net = LSTMNet()
loss, mean_loss = fit_steps(
    net,
    nn.MSELoss(),
    torch.optim.Adam(net.parameters(), lr=0.01),
    DataLoader(TensorDataset(features, labels), batch_size=4),
)
check("covid LSTM loss graph", graph(loss))
# (rounded: five stacked float32 LSTM layers; their gemms are BLAS's here, MKL's in PyTorch)
print(round(mean_loss, 1))
check("covid LSTM prediction", net(features[-1:]))
raises(
    "Block with a scalar max of another dtype",
    lambda: Block()(torch.ones(1, 3), torch.ones(1, 2, 3, dtype=torch.float64)),
)


# ---------------------------------------------------------------- 7-3 FM
class NumEmbedding(nn.Module):
    """
    连续特征用linear层编码
    输入shape: [batch_size,features_num(n), d_in], # d_in 通常是1
    输出shape: [batch_size,features_num(n), d_out]
    """

    def __init__(self, n: int, d_in: int, d_out: int, bias: bool = False) -> None:
        super().__init__()
        self.weight = nn.Parameter(Tensor(n, d_in, d_out))
        self.bias = nn.Parameter(Tensor(n, d_out)) if bias else None
        with torch.no_grad():
            for i in range(n):
                layer = nn.Linear(d_in, d_out)
                self.weight[i] = layer.weight.T
                if self.bias is not None:
                    self.bias[i] = layer.bias

    def forward(self, x_num):
        assert x_num.ndim == 3
        x = torch.einsum("bfi,fij->bfj", x_num, self.weight)
        if self.bias is not None:
            x = x + self.bias[None]
        return x


class CatEmbedding(nn.Module):
    """
    离散特征用Embedding层编码
    输入shape: [batch_size,features_num],
    输出shape: [batch_size,features_num, d_embed]
    """

    def __init__(self, categories, d_embed):
        super().__init__()
        self.embedding = nn.Embedding(sum(categories), d_embed)
        self.offsets = nn.Parameter(
            torch.tensor([0] + categories[:-1]).cumsum(0), requires_grad=False
        )
        torch.nn.init.xavier_uniform_(self.embedding.weight.data)

    def forward(self, x_cat):
        x = x_cat + self.offsets[None]
        return self.embedding(x)


class CatLinear(nn.Module):
    """
    离散特征用Embedding实现线性层（等价于先F.onehot再nn.Linear()）
    输入shape: [batch_size,features_num],
    输出shape: [batch_size,d_out]
    """

    def __init__(self, categories, d_out=1):
        super().__init__()
        self.fc = nn.Embedding(sum(categories), d_out)
        self.bias = nn.Parameter(torch.zeros((d_out,)))
        self.offsets = nn.Parameter(
            torch.tensor([0] + categories[:-1]).cumsum(0), requires_grad=False
        )

    def forward(self, x_cat):
        x = x_cat + self.offsets[None]
        return torch.sum(self.fc(x), dim=1) + self.bias


class FMLayer(nn.Module):
    """
    FM交互项
    """

    def __init__(self, reduce_sum=True):
        super().__init__()
        self.reduce_sum = reduce_sum

    def forward(self, x):
        square_of_sum = torch.sum(x, dim=1) ** 2
        sum_of_square = torch.sum(x**2, dim=1)
        ix = square_of_sum - sum_of_square
        if self.reduce_sum:
            ix = torch.sum(ix, dim=1, keepdim=True)
        return 0.5 * ix


class FM(nn.Module):
    """
    完整FM模型。
    """

    def __init__(self, d_numerical, categories=None, d_embed=4, n_classes=1):
        super().__init__()
        if d_numerical is None:
            d_numerical = 0
        if categories is None:
            categories = []
        self.categories = categories
        self.n_classes = n_classes
        self.num_linear = nn.Linear(d_numerical, n_classes) if d_numerical else None
        self.cat_linear = CatLinear(categories, n_classes) if categories else None
        self.num_embedding = NumEmbedding(d_numerical, 1, d_embed) if d_numerical else None
        self.cat_embedding = CatEmbedding(categories, d_embed) if categories else None
        if n_classes == 1:
            self.fm = FMLayer(reduce_sum=True)
            self.fm_linear = None
        else:
            assert n_classes >= 2
            self.fm = FMLayer(reduce_sum=False)
            self.fm_linear = nn.Linear(d_embed, n_classes)

    def embed(self, x):
        # (the first half of the book's forward, which DeepFM repeats)
        x_num, x_cat = x
        x = 0.0
        if self.num_linear:
            x = x + self.num_linear(x_num)
        if self.cat_linear:
            x = x + self.cat_linear(x_cat)
        x_embedding = []
        if self.num_embedding:
            x_embedding.append(self.num_embedding(x_num[..., None]))
        if self.cat_embedding:
            x_embedding.append(self.cat_embedding(x_cat))
        x_embedding = torch.cat(x_embedding, dim=1)
        if self.n_classes == 1:
            x = x + self.fm(x_embedding)
        else:
            x = x + self.fm_linear(self.fm(x_embedding))
        return x, x_embedding

    def forward(self, x):
        x, _ = self.embed(x)
        if self.n_classes == 1:
            x = x.squeeze(-1)
        return x


torch.manual_seed(73)
num_embedding = NumEmbedding(2, 1, 4)
x_num = torch.randn(2, 2)
x_out = num_embedding(x_num.unsqueeze(-1))
print(x_out.shape, num_embedding.weight.requires_grad, num_embedding.weight.is_leaf)
check("NumEmbedding", x_out)
check("NumEmbedding graph", graph(x_out))
cat_embedding = CatEmbedding(categories=[3, 2, 2], d_embed=4)
print(cat_embedding.offsets, list(dict(cat_embedding.named_parameters())))
x_cat = torch.randint(0, 2, (2, 3))
x_out = cat_embedding(x_cat)
print(x_cat.shape, x_out.shape)
cat_linear = CatLinear(categories=[3, 2, 2], d_out=1)
x_out = cat_linear(x_cat)
print(x_out.shape)
check("CatLinear", x_out)
fm_layer = FMLayer(reduce_sum=False)
x = torch.randn(2, 3, 4)
print(fm_layer(x).shape)
fm = FM(d_numerical=3, categories=[4, 3, 2], d_embed=4, n_classes=2)
x_num = torch.randn(2, 3)
x_cat = torch.randint(0, 2, (2, 3))
out = fm((x_num, x_cat))
check("FM two classes", out)
check("FM graph", graph(out))
raises("Adam over the offsets too", lambda: torch.optim.Adam(fm.parameters()).step())
print(sum(p.numel() for p in fm.parameters() if p.requires_grad))


# ---------------------------------------------------------------- 7-4 DeepFM
class MultiLayerPerceptron(nn.Module):
    def __init__(self, d_in, d_layers, dropout, d_out=1):
        super().__init__()
        layers = []
        for d in d_layers:
            layers.append(nn.Linear(d_in, d))
            layers.append(nn.BatchNorm1d(d))
            layers.append(nn.ReLU())
            layers.append(nn.Dropout(p=dropout))
            d_in = d
        layers.append(nn.Linear(d_layers[-1], d_out))
        self.mlp = nn.Sequential(*layers)

    def forward(self, x):
        return self.mlp(x)


class DeepFM(FM):
    """
    DeepFM模型。
    """

    def __init__(self, d_numerical, categories, d_embed, deep_layers, deep_dropout, n_classes=1):
        super().__init__(d_numerical, categories, d_embed, n_classes)
        self.deep_in = d_numerical * d_embed + len(categories) * d_embed
        self.deep = MultiLayerPerceptron(
            d_in=self.deep_in, d_layers=deep_layers, dropout=deep_dropout, d_out=n_classes
        )

    def forward(self, x):
        x, x_embedding = self.embed(x)
        x = x + self.deep(x_embedding.view(-1, self.deep_in))
        if self.n_classes == 1:
            x = x.squeeze(-1)
        return x


torch.manual_seed(74)
model = DeepFM(
    d_numerical=3,
    categories=[4, 3, 2],
    d_embed=4,
    deep_layers=[8, 8],
    deep_dropout=0.1,
    n_classes=1,
)
x_num = torch.randn(16, 3)
x_cat = torch.stack([torch.randint(0, c, (16,)) for c in (4, 3, 2)], dim=1)
y = torch.randint(0, 2, (16,)).float()
print(model.deep)
optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=0.01)
loss_fn = nn.BCEWithLogitsLoss()
for step in range(3):
    preds = model((x_num, x_cat))
    loss = loss_fn(preds, y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    check("DeepFM loss", loss)
check("DeepFM graph", graph(loss))
check("DeepFM cat embedding row", model.cat_embedding.embedding.weight[4])
# The Linear layers before BatchNorm1d have biases whose gradient is zero in exact arithmetic
# (the batch mean is subtracted): what they get is float32 rounding noise, which Adam divides
# by its own square root into full-size steps. Their values (hence the running means and the
# eval-mode outputs) follow the last bits of the sums, BLAS's here, MKL's in PyTorch: printed
# to 1 decimal, the noise itself checked only for being tiny.
(g,) = torch.autograd.grad(loss_fn(model((x_num, x_cat)), y), model.deep.mlp[0].bias)
check("DeepFM noise-sized bias gradient", bool(g.abs().max() < 1e-6))
model.eval()
with torch.no_grad():
    print(torch.sigmoid(model((x_num[:4], x_cat[:4]))).round(decimals=1))
print(model.cat_embedding.offsets.grad, model.cat_embedding.offsets.dtype)
