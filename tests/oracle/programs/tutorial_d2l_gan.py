# Dive into Deep Learning 20.1 "Generative Adversarial Networks" (the Gaussian toy GAN):
# https://d2l.ai/chapter_generative-adversarial-networks/gan.html
# (https://zh.d2l.ai/chapter_generative-adversarial-networks/gan.html): data = X A + b from
# torch.normal, a linear generator, an MLP discriminator, update_D with fake_X.detach(),
# update_G, BCEWithLogitsLoss(reduction='sum'), normal_ initialisation of every parameter, Adam,
# d2l's Accumulator and load_array. 100 points instead of 1000, 4 epochs instead of 20.


class Accumulator:
    """d2l.Accumulator: sums over n variables."""

    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]

    def __getitem__(self, idx):
        return self.data[idx]


def load_array(data_arrays, batch_size, is_train=True):
    dataset = torch.utils.data.TensorDataset(*data_arrays)
    return torch.utils.data.DataLoader(dataset, batch_size, shuffle=is_train)


torch.manual_seed(0)
X = torch.normal(0.0, 1, (100, 2))
A = torch.tensor([[1, 2], [-0.1, 0.5]])
b = torch.tensor([1, 2])
data = torch.matmul(X, A) + b
print(data.dtype, data[:3])
print(f"The covariance matrix is\n{torch.matmul(A.T, A)}")
batch_size = 8
data_iter = load_array((data,), batch_size)
net_G = nn.Sequential(nn.Linear(2, 2))
net_D = nn.Sequential(nn.Linear(2, 5), nn.Tanh(), nn.Linear(5, 3), nn.Tanh(), nn.Linear(3, 1))


def update_D(X, Z, net_D, net_G, loss, trainer_D):
    batch_size = X.shape[0]
    ones = torch.ones((batch_size,), device=X.device)
    zeros = torch.zeros((batch_size,), device=X.device)
    trainer_D.zero_grad()
    real_Y = net_D(X)
    fake_X = net_G(Z)
    fake_Y = net_D(fake_X.detach())
    loss_D = (
        loss(real_Y, ones.reshape(real_Y.shape)) + loss(fake_Y, zeros.reshape(fake_Y.shape))
    ) / 2
    loss_D.backward()
    trainer_D.step()
    return loss_D


def update_G(Z, net_D, net_G, loss, trainer_G):
    batch_size = Z.shape[0]
    ones = torch.ones((batch_size,), device=Z.device)
    trainer_G.zero_grad()
    fake_X = net_G(Z)
    fake_Y = net_D(fake_X)
    loss_G = loss(fake_Y, ones.reshape(fake_Y.shape))
    loss_G.backward()
    trainer_G.step()
    return loss_G


def train(net_D, net_G, data_iter, num_epochs, lr_D, lr_G, latent_dim, data):
    loss = nn.BCEWithLogitsLoss(reduction="sum")
    for w in net_D.parameters():
        nn.init.normal_(w, 0, 0.02)
    for w in net_G.parameters():
        nn.init.normal_(w, 0, 0.02)
    trainer_D = torch.optim.Adam(net_D.parameters(), lr=lr_D)
    trainer_G = torch.optim.Adam(net_G.parameters(), lr=lr_G)
    history = []
    for epoch in range(num_epochs):
        metric = Accumulator(3)
        for (X,) in data_iter:
            batch_size = X.shape[0]
            Z = torch.normal(0, 1, size=(batch_size, latent_dim))
            metric.add(
                update_D(X, Z, net_D, net_G, loss, trainer_D),
                update_G(Z, net_D, net_G, loss, trainer_G),
                batch_size,
            )
        Z = torch.normal(0, 1, size=(100, latent_dim))
        fake_X = net_G(Z).detach().numpy()
        loss_D, loss_G = metric[0] / metric[2], metric[1] / metric[2]
        history.append((loss_D, loss_G))
        print(f"epoch {epoch + 1}: fake_X {fake_X.shape} {fake_X.dtype}")
    return history


lr_D, lr_G, latent_dim, num_epochs = 0.05, 0.005, 2, 4
history = train(
    net_D, net_G, data_iter, num_epochs, lr_D, lr_G, latent_dim, data[:100].detach().numpy()
)
check("history", history)
check("G weight", net_G[0].weight)
check("D last grad", net_D[4].weight.grad)
raises("normal with a negative std", lambda: torch.normal(0, -1, size=(2,)))
raises("normal without a size", lambda: torch.normal(0.0, 1.0))
