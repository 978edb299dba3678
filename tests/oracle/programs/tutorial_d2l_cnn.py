# Dive into Deep Learning (English edition, PyTorch, https://d2l.ai), chapter 7
# "Convolutional Neural Networks" (7.2 conv-layer: corr2d, Conv2D, edge detection, learning a
# kernel with nn.LazyConv2d; 7.3 padding and strides; 7.4 multiple channels; 7.5 pooling;
# 7.6 LeNet with Lazy layers and layer_summary), chapter 8 "Modern CNNs" (8.5 batch norm from
# scratch and BNLeNet with LazyBatchNorm2d/1d; 8.6 ResNet's Residual block, ResNet18 and
# ResNeXtBlock with groups; 8.3 NiN; 8.7 DenseNet blocks) and 14.10 "Transposed Convolution"
# (trans_conv from scratch, nn.ConvTranspose2d with padding and stride, kernel2matrix).
# Chinese edition: https://zh.d2l.ai/chapter_convolutional-neural-networks/index.html.
# Random tensors and initialisations are replaced by fixed formulas where values are
# compared (shapes only otherwise); Fashion-MNIST by a few generated images.
import math

F = torch.nn.functional


def fill_(module, scale=0.3):
    """Deterministic stand-in for the random initialisations."""
    with torch.no_grad():
        for k, p in enumerate(module.parameters()):
            n = p.numel()
            # (in double: PyTorch's float32 sin is SLEEF's, which differs in the last bit)
            p.copy_(
                (torch.sin(torch.arange(n, dtype=torch.float64) * 0.7 + k) * scale).view(p.shape)
            )


# --- 7.2 convolutions for images
def corr2d(X, K):
    """Compute 2D cross-correlation."""
    h, w = K.shape
    Y = torch.zeros((X.shape[0] - h + 1, X.shape[1] - w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i : i + h, j : j + w] * K).sum()
    return Y


X = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]])
K = torch.tensor([[0.0, 1.0], [2.0, 3.0]])
print(corr2d(X, K))


class Conv2D(nn.Module):
    def __init__(self, kernel_size):
        super().__init__()
        self.weight = nn.Parameter(torch.rand(kernel_size))
        self.bias = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return corr2d(x, self.weight) + self.bias


c2 = Conv2D((1, 2))
print(c2, [p.shape for p in c2.parameters()])
with torch.no_grad():
    c2.weight.copy_(torch.tensor([[0.5, -0.25]]))
out = c2(X)
out.sum().backward()
check("conv2D_grads", [out, c2.weight.grad, c2.bias.grad])
check("conv2D_graph", graph(out))

X = torch.ones((6, 8))
X[:, 2:6] = 0
print(X)
K = torch.tensor([[1.0, -1.0]])
Y = corr2d(X, K)
print(Y)
print(corr2d(X.t(), K))

conv2d = nn.LazyConv2d(1, kernel_size=(1, 2), bias=False)
print(conv2d)
X = X.reshape((1, 1, 6, 8))
Y = Y.reshape((1, 1, 6, 7))
lr = 3e-2
for i in range(10):
    Y_hat = conv2d(X)
    if i == 0:
        print(conv2d, type(conv2d).__name__)
        with torch.no_grad():
            conv2d.weight.data[:] = torch.tensor([[[[0.3, 0.2]]]])
        Y_hat = conv2d(X)
    l = (Y_hat - Y) ** 2
    conv2d.zero_grad()
    l.sum().backward()
    conv2d.weight.data[:] -= lr * conv2d.weight.grad
    if (i + 1) % 2 == 0:
        print(f"epoch {i + 1}, loss {l.sum():.3f}")
print(conv2d.weight.data.reshape((1, 2)))
check("learned_kernel", conv2d.weight)


# --- 7.3 padding and strides
def comp_conv2d(conv2d, X):
    X = X.reshape((1, 1) + X.shape)
    Y = conv2d(X)
    return Y.reshape(Y.shape[2:])


X = torch.linspace(0, 1, 64).reshape(8, 8)
print(comp_conv2d(nn.LazyConv2d(1, kernel_size=3, padding=1), X).shape)
print(comp_conv2d(nn.LazyConv2d(1, kernel_size=(5, 3), padding=(2, 1)), X).shape)
print(comp_conv2d(nn.LazyConv2d(1, kernel_size=3, padding=1, stride=2), X).shape)
conv2d = nn.LazyConv2d(1, kernel_size=(3, 5), padding=(0, 1), stride=(3, 4))
print(comp_conv2d(conv2d, X).shape, conv2d)
fill_(conv2d)
check("strided_conv", comp_conv2d(conv2d, X))


# --- 7.4 multiple input and output channels
def corr2d_multi_in(X, K):
    return sum(corr2d(x, k) for x, k in zip(X, K))


X = torch.tensor(
    [
        [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]],
        [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]],
    ]
)
K = torch.tensor([[[0.0, 1.0], [2.0, 3.0]], [[1.0, 2.0], [3.0, 4.0]]])
print(corr2d_multi_in(X, K))


def corr2d_multi_in_out(X, K):
    return torch.stack([corr2d_multi_in(X, k) for k in K], 0)


K = torch.stack((K, K + 1, K + 2), 0)
print(K.shape)
print(corr2d_multi_in_out(X, K))


def corr2d_multi_in_out_1x1(X, K):
    c_i, h, w = X.shape
    c_o = K.shape[0]
    X = X.reshape((c_i, h * w))
    K = K.reshape((c_o, c_i))
    Y = torch.matmul(K, X)
    return Y.reshape((c_o, h, w))


X = torch.sin(torch.arange(27.0)).reshape(3, 3, 3)
K = torch.cos(torch.arange(6.0)).reshape(2, 3, 1, 1)
Y1 = corr2d_multi_in_out_1x1(X, K)
Y2 = corr2d_multi_in_out(X, K)
assert float(torch.abs(Y1 - Y2).sum()) < 1e-6
check("one_by_one", [Y1, Y2])
check("one_by_one_F", F.conv2d(X.unsqueeze(0), K))


# --- 7.5 pooling
def pool2d(X, pool_size, mode="max"):
    p_h, p_w = pool_size
    Y = torch.zeros((X.shape[0] - p_h + 1, X.shape[1] - p_w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            if mode == "max":
                Y[i, j] = X[i : i + p_h, j : j + p_w].max()
            elif mode == "avg":
                Y[i, j] = X[i : i + p_h, j : j + p_w].mean()
    return Y


X = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]])
print(pool2d(X, (2, 2)))
print(pool2d(X, (2, 2), "avg"))
Xg = X.clone().requires_grad_()
pool2d(Xg, (2, 2)).sum().backward()
check("pool2d_scratch_grad", Xg.grad)
X = torch.arange(16, dtype=torch.float32).reshape((1, 1, 4, 4))
print(X)
print(nn.MaxPool2d(3)(X))
print(nn.MaxPool2d(3, padding=1, stride=2)(X))
print(nn.MaxPool2d((2, 3), stride=(2, 3), padding=(0, 1))(X))
X = torch.cat((X, X + 1), 1)
print(X)
pool = nn.MaxPool2d(3, padding=1, stride=2)
print(pool, pool(X))


# --- 7.6 LeNet (d2l.Classifier's layer_summary and apply_init)
def init_cnn(module):
    if type(module) == nn.Linear or type(module) == nn.Conv2d:
        nn.init.xavier_uniform_(module.weight)


def layer_summary(net, X_shape):
    X = torch.randn(*X_shape)
    for layer in net:
        X = layer(X)
        print(layer.__class__.__name__, "output shape:\t", X.shape)


def apply_init(net, inputs, init=None):
    net(*inputs)
    if init is not None:
        net.apply(init)


def lenet(num_classes=10):
    return nn.Sequential(
        nn.LazyConv2d(6, kernel_size=5, padding=2),
        nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.LazyConv2d(16, kernel_size=5),
        nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Flatten(),
        nn.LazyLinear(120),
        nn.Sigmoid(),
        nn.LazyLinear(84),
        nn.Sigmoid(),
        nn.LazyLinear(num_classes),
    )


net = lenet()
print(net)
layer_summary(net, (1, 1, 28, 28))
print(net)
yy = torch.arange(16) % 10
xx = torch.cos(torch.linspace(0, 6, 28 * 28).view(1, 1, 28, 28) * (yy.view(-1, 1, 1, 1) + 1) * 0.5)
net = lenet()
apply_init(net, [xx[:4]], init_cnn)
print([type(m).__name__ for m in net], [tuple(p.shape) for p in net.parameters()])
fill_(net)


def fit(net, X, y, lr=0.1, steps=3):
    opt = torch.optim.SGD(net.parameters(), lr=lr)
    losses = []
    for _ in range(steps):
        net.train()
        l = F.cross_entropy(net(X), y)
        opt.zero_grad()
        l.backward()
        opt.step()
        losses.append(l)
    return losses


check("lenet_fit", fit(net, xx, yy))
check("lenet_fc_grad", net[-1].weight.grad)


# --- 8.5 batch normalisation from scratch
def batch_norm(X, gamma, beta, moving_mean, moving_var, eps, momentum):
    if not torch.is_grad_enabled():
        X_hat = (X - moving_mean) / torch.sqrt(moving_var + eps)
    else:
        assert len(X.shape) in (2, 4)
        if len(X.shape) == 2:
            mean = X.mean(dim=0)
            var = ((X - mean) ** 2).mean(dim=0)
        else:
            mean = X.mean(dim=(0, 2, 3), keepdim=True)
            var = ((X - mean) ** 2).mean(dim=(0, 2, 3), keepdim=True)
        X_hat = (X - mean) / torch.sqrt(var + eps)
        moving_mean = (1.0 - momentum) * moving_mean + momentum * mean
        moving_var = (1.0 - momentum) * moving_var + momentum * var
    Y = gamma * X_hat + beta
    return Y, moving_mean.data, moving_var.data


class BatchNorm(nn.Module):
    def __init__(self, num_features, num_dims):
        super().__init__()
        if num_dims == 2:
            shape = (1, num_features)
        else:
            shape = (1, num_features, 1, 1)
        self.gamma = nn.Parameter(torch.ones(shape))
        self.beta = nn.Parameter(torch.zeros(shape))
        self.moving_mean = torch.zeros(shape)
        self.moving_var = torch.ones(shape)

    def forward(self, X):
        if self.moving_mean.device != X.device:
            self.moving_mean = self.moving_mean.to(X.device)
            self.moving_var = self.moving_var.to(X.device)
        Y, self.moving_mean, self.moving_var = batch_norm(
            X, self.gamma, self.beta, self.moving_mean, self.moving_var, eps=1e-5, momentum=0.1
        )
        return Y


def bn_lenet_scratch(num_classes=10):
    return nn.Sequential(
        nn.LazyConv2d(6, kernel_size=5),
        BatchNorm(6, num_dims=4),
        nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.LazyConv2d(16, kernel_size=5),
        BatchNorm(16, num_dims=4),
        nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Flatten(),
        nn.LazyLinear(120),
        BatchNorm(120, num_dims=2),
        nn.Sigmoid(),
        nn.LazyLinear(84),
        BatchNorm(84, num_dims=2),
        nn.Sigmoid(),
        nn.LazyLinear(num_classes),
    )


def bn_lenet(num_classes=10):
    return nn.Sequential(
        nn.LazyConv2d(6, kernel_size=5),
        nn.LazyBatchNorm2d(),
        nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.LazyConv2d(16, kernel_size=5),
        nn.LazyBatchNorm2d(),
        nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Flatten(),
        nn.LazyLinear(120),
        nn.LazyBatchNorm1d(),
        nn.Sigmoid(),
        nn.LazyLinear(84),
        nn.LazyBatchNorm1d(),
        nn.Sigmoid(),
        nn.LazyLinear(num_classes),
    )


scratch = bn_lenet_scratch()
print(scratch)
apply_init(scratch, [xx[:4]], init_cnn)
fill_(scratch)
for m in scratch:
    if isinstance(m, BatchNorm):
        m.moving_mean = torch.zeros_like(m.moving_mean)
        m.moving_var = torch.ones_like(m.moving_var)
check("bn_scratch_fit", fit(scratch, xx, yy))
print(scratch[1].gamma.reshape((-1,)), scratch[1].beta.reshape((-1,)))
check("bn_scratch_moving", [scratch[1].moving_mean.reshape(-1), scratch[1].moving_var.reshape(-1)])
check(
    "bn_scratch_graph",
    graph(scratch[1](torch.ones(2, 6, 2, 2) * torch.arange(6.0).view(1, 6, 1, 1)).sum()),
)
with torch.no_grad():
    scratch.eval()
    check("bn_scratch_eval", scratch(xx[:3]))

concise = bn_lenet()
print(concise)
apply_init(concise, [xx[:4]], init_cnn)
print(concise)
fill_(concise)
for m in concise:
    if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
        m.reset_running_stats()
check("bn_concise_fit", fit(concise, xx, yy))
check(
    "bn_concise_stats",
    [concise[1].running_mean, concise[1].running_var, concise[1].num_batches_tracked],
)
check("bn_concise_state_keys", list(concise.state_dict().keys()))


# --- 8.6 ResNet
class Residual(nn.Module):
    """The Residual block of ResNet models."""

    def __init__(self, num_channels, use_1x1conv=False, strides=1):
        super().__init__()
        self.conv1 = nn.LazyConv2d(num_channels, kernel_size=3, padding=1, stride=strides)
        self.conv2 = nn.LazyConv2d(num_channels, kernel_size=3, padding=1)
        if use_1x1conv:
            self.conv3 = nn.LazyConv2d(num_channels, kernel_size=1, stride=strides)
        else:
            self.conv3 = None
        self.bn1 = nn.LazyBatchNorm2d()
        self.bn2 = nn.LazyBatchNorm2d()

    def forward(self, X):
        Y = F.relu(self.bn1(self.conv1(X)))
        Y = self.bn2(self.conv2(Y))
        if self.conv3:
            X = self.conv3(X)
        Y += X
        return F.relu(Y)


blk = Residual(3)
X = torch.cos(torch.arange(4 * 3 * 6 * 6, dtype=torch.float32)).reshape(4, 3, 6, 6)
print(blk(X).shape)
print(blk)
fill_(blk)
out = blk(X)
out.mean().backward()
check("residual_out", out)
check("residual_grads", [p.grad for p in blk.parameters()])
check("residual_graph", graph(out.mean()))
blk = Residual(6, use_1x1conv=True, strides=2)
print(blk(X).shape)


def b1():
    return nn.Sequential(
        nn.LazyConv2d(64, kernel_size=7, stride=2, padding=3),
        nn.LazyBatchNorm2d(),
        nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2, padding=1),
    )


def block(num_residuals, num_channels, first_block=False):
    blk = []
    for i in range(num_residuals):
        if i == 0 and not first_block:
            blk.append(Residual(num_channels, use_1x1conv=True, strides=2))
        else:
            blk.append(Residual(num_channels))
    return nn.Sequential(*blk)


def resnet(arch, num_classes=10):
    net = nn.Sequential(b1())
    for i, b in enumerate(arch):
        net.add_module(f"b{i + 2}", block(*b, first_block=(i == 0)))
    net.add_module(
        "last",
        nn.Sequential(nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.LazyLinear(num_classes)),
    )
    net.apply(init_cnn)
    return net


r18 = resnet(((2, 64), (2, 128), (2, 256), (2, 512)))
layer_summary(r18, (1, 1, 64, 64))  # (96 x 96 in the book)
print(len(list(r18.parameters())), sum(p.numel() for p in r18.parameters()))
print(r18.b3)


class ResNeXtBlock(nn.Module):
    """The ResNeXt block."""

    def __init__(self, num_channels, groups, bot_mul, use_1x1conv=False, strides=1):
        super().__init__()
        bot_channels = int(round(num_channels * bot_mul))  # noqa: RUF046  (as the book)
        self.conv1 = nn.LazyConv2d(bot_channels, kernel_size=1, stride=1)
        self.conv2 = nn.LazyConv2d(
            bot_channels, kernel_size=3, stride=strides, padding=1, groups=bot_channels // groups
        )
        self.conv3 = nn.LazyConv2d(num_channels, kernel_size=1, stride=1)
        self.bn1 = nn.LazyBatchNorm2d()
        self.bn2 = nn.LazyBatchNorm2d()
        self.bn3 = nn.LazyBatchNorm2d()
        if use_1x1conv:
            self.conv4 = nn.LazyConv2d(num_channels, kernel_size=1, stride=strides)
            self.bn4 = nn.LazyBatchNorm2d()
        else:
            self.conv4 = None

    def forward(self, X):
        Y = F.relu(self.bn1(self.conv1(X)))
        Y = F.relu(self.bn2(self.conv2(Y)))
        Y = self.bn3(self.conv3(Y))
        if self.conv4:
            X = self.bn4(self.conv4(X))
        return F.relu(Y + X)


blk = ResNeXtBlock(32, 16, 1)
X = torch.sin(torch.arange(2 * 32 * 12 * 12, dtype=torch.float32)).reshape(2, 32, 12, 12)
print(blk(X).shape)
print(blk)
fill_(blk, 0.1)
out = blk(X)
check("resnext_out", out[0, :2])
# the kernel gradients in double: float32 sums over 288 positions differ in the 5th digit
# (float32 sin/cos differ from PyTorch's SLEEF kernels in the last bit: X made in double)
blk.double()
X = torch.sin(torch.arange(2 * 32 * 12 * 12, dtype=torch.float64)).reshape(2, 32, 12, 12)
blk(X).sum().backward()
check("resnext_conv2_grad", blk.conv2.weight.grad)


# --- 8.3 network in network
def nin_block(out_channels, kernel_size, strides, padding):
    return nn.Sequential(
        nn.LazyConv2d(out_channels, kernel_size, strides, padding),
        nn.ReLU(),
        nn.LazyConv2d(out_channels, kernel_size=1),
        nn.ReLU(),
        nn.LazyConv2d(out_channels, kernel_size=1),
        nn.ReLU(),
    )


nin = nn.Sequential(
    nin_block(96, kernel_size=11, strides=4, padding=0),
    nn.MaxPool2d(3, stride=2),
    nin_block(256, kernel_size=5, strides=1, padding=2),
    nn.MaxPool2d(3, stride=2),
    nin_block(384, kernel_size=3, strides=1, padding=1),
    nn.MaxPool2d(3, stride=2),
    nn.Dropout(0.5),
    nin_block(10, kernel_size=3, strides=1, padding=1),
    nn.AdaptiveAvgPool2d((1, 1)),
    nn.Flatten(),
)
nin.apply(init_cnn)
layer_summary(nin, (1, 1, 96, 96))  # (224 x 224 in the book)


# --- 8.7 DenseNet
def conv_block(num_channels):
    return nn.Sequential(
        nn.LazyBatchNorm2d(), nn.ReLU(), nn.LazyConv2d(num_channels, kernel_size=3, padding=1)
    )


class DenseBlock(nn.Module):
    def __init__(self, num_convs, num_channels):
        super(DenseBlock, self).__init__()  # noqa: UP008
        layer = []
        for i in range(num_convs):
            layer.append(conv_block(num_channels))
        self.net = nn.Sequential(*layer)

    def forward(self, X):
        for blk in self.net:
            Y = blk(X)
            X = torch.cat((X, Y), dim=1)
        return X


blk = DenseBlock(2, 10)
X = torch.cos(torch.arange(4 * 3 * 8 * 8, dtype=torch.float32) * 0.3).reshape(4, 3, 8, 8)
Y = blk(X)
print(Y.shape)
fill_(blk, 0.2)
Y = blk(X)
check("dense_block", Y[:, 3:6, :2, :2])


def transition_block(num_channels):
    return nn.Sequential(
        nn.LazyBatchNorm2d(),
        nn.ReLU(),
        nn.LazyConv2d(num_channels, kernel_size=1),
        nn.AvgPool2d(kernel_size=2, stride=2),
    )


tb = transition_block(10)
print(tb(Y).shape)
print(tb)


# --- 14.10 transposed convolution
def trans_conv(X, K):
    h, w = K.shape
    Y = torch.zeros((X.shape[0] + h - 1, X.shape[1] + w - 1))
    for i in range(X.shape[0]):
        for j in range(X.shape[1]):
            Y[i : i + h, j : j + w] += X[i, j] * K
    return Y


X = torch.tensor([[0.0, 1.0], [2.0, 3.0]])
K = torch.tensor([[0.0, 1.0], [2.0, 3.0]])
print(trans_conv(X, K))
X, K = X.reshape(1, 1, 2, 2), K.reshape(1, 1, 2, 2)
tconv = nn.ConvTranspose2d(1, 1, kernel_size=2, bias=False)
tconv.weight.data = K
print(tconv(X))
tconv = nn.ConvTranspose2d(1, 1, kernel_size=2, padding=1, bias=False)
tconv.weight.data = K
print(tconv(X))
tconv = nn.ConvTranspose2d(1, 1, kernel_size=2, stride=2, bias=False)
tconv.weight.data = K
print(tconv(X))
print(tconv)
X = torch.cos(torch.arange(10 * 16 * 16, dtype=torch.float32)).reshape(1, 10, 16, 16)
conv = nn.Conv2d(10, 20, kernel_size=5, padding=2, stride=3)
tconv = nn.ConvTranspose2d(20, 10, kernel_size=5, padding=2, stride=3)
print(tconv(conv(X)).shape == X.shape, tconv)
fill_(conv, 0.1)
fill_(tconv, 0.1)
out = tconv(conv(X))
check("tconv_out", out[0, :2, :3, :3])
conv.double()
tconv.double()
Xg = (
    torch.cos(torch.arange(10 * 16 * 16, dtype=torch.float64))
    .reshape(1, 10, 16, 16)
    .requires_grad_()
)
out = tconv(conv(Xg))
(out * out).sum().backward()
check("tconv_grads", [Xg.grad[0, :2, :3, :3], tconv.weight.grad[:2, :2], tconv.bias.grad])
check("tconv_graph", graph(out))

X = torch.arange(9.0).reshape(3, 3)
K = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
Y = corr2d(X, K)
print(Y)


def kernel2matrix(K):
    k, W = torch.zeros(5), torch.zeros((4, 9))
    k[:2], k[3:5] = K[0, :], K[1, :]
    W[0, :5], W[1, 1:6], W[2, 3:8], W[3, 4:] = k, k, k, k
    return W


W = kernel2matrix(K)
print(W)
print(Y == torch.matmul(W, X.reshape(-1)).reshape(2, 2))  # noqa: SIM300
Z = trans_conv(Y, K)
print(Z == torch.matmul(W.T, Y.reshape(-1)).reshape(3, 3))  # noqa: SIM300
print(math.prod(Z.shape))
