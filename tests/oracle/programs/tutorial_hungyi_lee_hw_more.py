# 李宏毅 (Hung-yi Lee) Machine Learning 2022 homework sample code, the later homeworks' PyTorch
# parts (see tutorial_hungyi_lee_hw.py for HW1-HW6): HW8 anomaly detection (fcn / conv
# autoencoders, the VAE with `FloatTensor(size).normal_()` and its in-place KLD, per-image
# MSE scores with reduction='none'), HW10 adversarial attacks (FGSM, I-FGSM with the
# min/max clip, the normalised epsilon, an ensemble of models), HW11 domain adaptation
# (DaNN: feature extractor / label predictor / domain classifier, the detached domain step,
# `class loss - lamb * domain loss`), HW12 policy gradient (Categorical sampling,
# log_prob, discounted rewards), HW13 network compression (depthwise-separable convolution,
# the knowledge-distillation loss with KLDivLoss(batchmean) and a temperature), HW14 lifelong
# learning (the EWC and MAS guards: importance from squared / absolute gradients, the
# penalty added in place to the loss), HW15 meta learning (MAML's functional_forward on an
# OrderedDict of fast weights, `autograd.grad(create_graph=True)`, F.batch_norm without
# running stats, the meta-batch loss through the inner step). Small seeded random tensors
# stand in for the datasets; the networks are narrowed.
from collections import OrderedDict

import numpy as np

Variable = torch.autograd.Variable
TensorDataset = torch.utils.data.TensorDataset
DataLoader = torch.utils.data.DataLoader
Categorical = torch.distributions.Categorical


# ------------------------------------------------------------------ HW8 anomaly detection
class fcn_autoencoder(nn.Module):
    def __init__(self):
        super(fcn_autoencoder, self).__init__()  # noqa: UP008  (as the original)
        self.encoder = nn.Sequential(
            nn.Linear(8 * 8 * 3, 32),
            nn.ReLU(),
            nn.Linear(32, 12),
            nn.ReLU(),
            nn.Linear(12, 3),
        )
        self.decoder = nn.Sequential(
            nn.Linear(3, 12),
            nn.ReLU(),
            nn.Linear(12, 32),
            nn.ReLU(),
            nn.Linear(32, 8 * 8 * 3),
            nn.Tanh(),
        )

    def forward(self, x):
        x = self.encoder(x)
        x = self.decoder(x)
        return x


def conv_decoder():
    # (the conv autoencoder's and the VAE's decoder: the same layers in the sample code)
    return nn.Sequential(
        nn.ConvTranspose2d(12, 6, 4, stride=2, padding=1),
        nn.ReLU(),
        nn.ConvTranspose2d(6, 3, 4, stride=2, padding=1),
        nn.Tanh(),
    )


class conv_autoencoder(nn.Module):
    def __init__(self):
        super(conv_autoencoder, self).__init__()  # noqa: UP008  (as the original)
        self.encoder = nn.Sequential(
            nn.Conv2d(3, 6, 4, stride=2, padding=1),
            nn.ReLU(),
            nn.Conv2d(6, 12, 4, stride=2, padding=1),
            nn.ReLU(),
        )
        self.decoder = conv_decoder()

    def forward(self, x):
        x = self.encoder(x)
        x = self.decoder(x)
        return x


class VAE(nn.Module):
    def __init__(self):
        super(VAE, self).__init__()  # noqa: UP008  (as the original)
        self.encoder = nn.Sequential(nn.Conv2d(3, 6, 4, stride=2, padding=1), nn.ReLU())
        self.enc_out_1 = nn.Sequential(nn.Conv2d(6, 12, 4, stride=2, padding=1), nn.ReLU())
        self.enc_out_2 = nn.Sequential(nn.Conv2d(6, 12, 4, stride=2, padding=1), nn.ReLU())
        self.decoder = conv_decoder()

    def encode(self, x):
        h1 = self.encoder(x)
        return self.enc_out_1(h1), self.enc_out_2(h1)

    def reparametrize(self, mu, logvar):
        std = logvar.mul(0.5).exp_()
        if torch.cuda.is_available():
            eps = torch.cuda.FloatTensor(std.size()).normal_()
        else:
            eps = torch.FloatTensor(std.size()).normal_()
        eps = Variable(eps)
        return eps.mul(std).add_(mu)

    def decode(self, z):
        return self.decoder(z)

    def forward(self, x):
        mu, logvar = self.encode(x)
        z = self.reparametrize(mu, logvar)
        return self.decode(z), mu, logvar


def loss_vae(recon_x, x, mu, logvar, criterion):
    mse = criterion(recon_x, x)
    KLD_element = mu.pow(2).add_(logvar.exp()).mul_(-1).add_(1).add_(logvar)
    KLD = torch.sum(KLD_element).mul_(-0.5)
    return mse + KLD


class CustomTensorDataset(TensorDataset):
    """TensorDataset with support of transforms."""

    def __init__(self, tensors):
        self.tensors = tensors
        if tensors.shape[-1] == 3:
            self.tensors = tensors.permute(0, 3, 1, 2)
        self.transform = lambda x: 2.0 * x.to(torch.float32) / 255.0 - 1.0

    def __getitem__(self, index):
        x = self.tensors[index]
        if self.transform:
            x = self.transform(x)
        return x

    def __len__(self):
        return len(self.tensors)


torch.manual_seed(48763)
train = torch.randint(0, 256, (12, 8, 8, 3), dtype=torch.uint8)
test = torch.randint(0, 256, (4, 8, 8, 3), dtype=torch.uint8)
train_dataset = CustomTensorDataset(train)
print(train_dataset[0].shape, train_dataset[0].dtype, train_dataset[0][0, 0])
train_dataloader = DataLoader(
    train_dataset, sampler=torch.utils.data.RandomSampler(train_dataset), batch_size=4
)
for model_type in ("fcn", "cnn", "vae"):
    model_classes = {"fcn": fcn_autoencoder, "cnn": conv_autoencoder, "vae": VAE}
    model = model_classes[model_type]()
    criterion = nn.MSELoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    best_loss = np.inf
    model.train()
    for epoch in range(2):
        tot_loss = list()
        for data in train_dataloader:
            img = data.float()
            if model_type in ["fcn"]:
                img = img.view(img.shape[0], -1)
            output = model(img)
            if model_type in ["vae"]:
                loss = loss_vae(output[0], img, output[1], output[2], criterion)
            else:
                loss = criterion(output, img)
            tot_loss.append(loss.item())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        mean_loss = np.mean(tot_loss)
        if mean_loss < best_loss:
            best_loss = mean_loss
        print(model_type, epoch, f"{mean_loss:.4f}")
    check(f"HW8 {model_type} graph", graph(loss))
    eval_loss = nn.MSELoss(reduction="none")
    model.eval()
    anomality = list()
    with torch.no_grad():
        for data in DataLoader(CustomTensorDataset(test), batch_size=2, shuffle=False):
            img = data.float()
            if model_type in ["fcn"]:
                img = img.view(img.shape[0], -1)
            output = model(img)
            if model_type in ["vae"]:
                output = output[0]
            if model_type in ["fcn"]:
                loss = eval_loss(output, img).sum(-1)
            else:
                loss = eval_loss(output, img).sum([1, 2, 3])
            anomality.append(loss)
    anomality = torch.cat(anomality, axis=0)
    anomality = torch.sqrt(anomality).reshape(len(test), 1).cpu().numpy()
    check(f"HW8 {model_type} scores", anomality.ravel().tolist())

# ------------------------------------------------------------------ HW10 adversarial attack
cifar_10_mean = (0.491, 0.482, 0.447)
cifar_10_std = (0.202, 0.199, 0.201)
mean = torch.tensor(cifar_10_mean).view(3, 1, 1)
std = torch.tensor(cifar_10_std).view(3, 1, 1)
epsilon = 8 / 255 / std
alpha = 0.8 / 255 / std
print(epsilon.shape, epsilon.view(-1), alpha.view(-1))


def epoch_benign(model, loader, loss_fn):
    model.eval()
    train_acc, train_loss = 0.0, 0.0
    for x, y in loader:
        yp = model(x)
        loss = loss_fn(yp, y)
        train_acc += (yp.argmax(dim=1) == y).sum().item()
        train_loss += loss.item() * x.shape[0]
    return train_acc / len(loader.dataset), train_loss / len(loader.dataset)


def fgsm(model, x, y, loss_fn, epsilon=epsilon):
    x_adv = x.detach().clone()
    x_adv.requires_grad = True
    loss = loss_fn(model(x_adv), y)
    loss.backward()
    grad = x_adv.grad.detach()
    x_adv = x_adv + epsilon * grad.sign()
    return x_adv


def ifgsm(model, x, y, loss_fn, epsilon=epsilon, alpha=alpha, num_iter=5):
    x_adv = x
    for i in range(num_iter):
        x_adv = x_adv.detach().clone()
        x_adv.requires_grad = True
        loss = loss_fn(model(x_adv), y)
        loss.backward()
        grad = x_adv.grad.detach()
        x_adv = x_adv + alpha * grad.sign()
        x_adv = torch.max(torch.min(x_adv, x + epsilon), x - epsilon)
    return x_adv


def gen_adv_examples(model, loader, attack, loss_fn):
    model.eval()
    train_acc, train_loss = 0.0, 0.0
    for i, (x, y) in enumerate(loader):
        x_adv = attack(model, x, y, loss_fn)
        yp = model(x_adv)
        loss = loss_fn(yp, y)
        train_acc += (yp.argmax(dim=1) == y).sum().item()
        train_loss += loss.item() * x.shape[0]
        adv_ex = ((x_adv) * std + mean).clamp(0, 1)
        adv_ex = (adv_ex * 255).clamp(0, 255)
        adv_ex = adv_ex.detach().cpu().data.numpy().round()
        adv_ex = adv_ex.transpose((0, 2, 3, 1))
        adv_examples = adv_ex if i == 0 else np.r_[adv_examples, adv_ex]  # noqa: F823  (as the original)
    return adv_examples, train_acc / len(loader.dataset), train_loss / len(loader.dataset)


class ensembleNet(nn.Module):
    def __init__(self, models):
        super().__init__()
        self.models = nn.ModuleList(models)

    def forward(self, x):
        ensemble_logits = None
        for i, m in enumerate(self.models):
            logits = m(x)
            ensemble_logits = logits if ensemble_logits is None else ensemble_logits + logits
        return ensemble_logits / len(self.models)


def small_cnn():
    return nn.Sequential(
        nn.Conv2d(3, 4, 3, padding=1),
        nn.ReLU(),
        nn.AdaptiveAvgPool2d(2),
        nn.Flatten(),
        nn.Linear(16, 10),
    )


torch.manual_seed(10)
images = ((torch.rand(6, 3, 8, 8) - mean) / std).float()
labels = torch.randint(0, 10, (6,))
adv_loader = DataLoader(TensorDataset(images, labels), batch_size=3, shuffle=False)
model = small_cnn()
loss_fn = nn.CrossEntropyLoss()
benign_acc, benign_loss = epoch_benign(model, adv_loader, loss_fn)
print(f"benign_acc = {benign_acc:.5f}, benign_loss = {benign_loss:.5f}")
x_adv = fgsm(model, images[:3], labels[:3], loss_fn)
check("HW10 FGSM step", (x_adv - images[:3])[0, :, 0, :3])
adv_examples, adv_acc, adv_loss = gen_adv_examples(model, adv_loader, fgsm, loss_fn)
print(
    adv_examples.shape, adv_examples.dtype, f"fgsm_acc = {adv_acc:.5f}, fgsm_loss = {adv_loss:.3f}"
)
check("HW10 FGSM pixels", adv_examples[0, 0, :4].tolist())
ens = ensembleNet([small_cnn(), small_cnn(), model])
adv_examples, adv_acc, adv_loss = gen_adv_examples(ens, adv_loader, ifgsm, loss_fn)
check("HW10 I-FGSM ensemble pixels", adv_examples[1, 2, :4].tolist())
print(f"ifgsm_acc = {adv_acc:.5f}, ifgsm_loss = {adv_loss:.3f}")
print(
    np.abs(
        adv_examples / 255 - ((images * std + mean).clamp(0, 1)).permute(0, 2, 3, 1).numpy()
    ).max()
    <= 8 / 255 + 1e-6
)


# ------------------------------------------------------------------ HW11 domain adaptation
class FeatureExtractor(nn.Module):
    def __init__(self):
        super(FeatureExtractor, self).__init__()  # noqa: UP008  (as the original)
        self.conv = nn.Sequential(
            nn.Conv2d(1, 8, 3, 1, 1),
            nn.BatchNorm2d(8),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, 1, 1),
            nn.BatchNorm2d(16),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, 1, 1),
            nn.BatchNorm2d(32),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )

    def forward(self, x):
        x = self.conv(x).squeeze()
        return x


class LabelPredictor(nn.Module):
    def __init__(self):
        super(LabelPredictor, self).__init__()  # noqa: UP008  (as the original)
        self.layer = nn.Sequential(nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 10))

    def forward(self, h):
        c = self.layer(h)
        return c


class DomainClassifier(nn.Module):
    def __init__(self):
        super(DomainClassifier, self).__init__()  # noqa: UP008  (as the original)
        self.layer = nn.Sequential(
            nn.Linear(32, 32),
            nn.BatchNorm1d(32),
            nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, h):
        y = self.layer(h)
        return y


torch.manual_seed(11)
feature_extractor = FeatureExtractor()
label_predictor = LabelPredictor()
domain_classifier = DomainClassifier()
class_criterion = nn.CrossEntropyLoss()
domain_criterion = nn.BCEWithLogitsLoss()
optimizer_F = torch.optim.Adam(feature_extractor.parameters())
optimizer_C = torch.optim.Adam(label_predictor.parameters())
optimizer_D = torch.optim.Adam(domain_classifier.parameters())
source = TensorDataset(torch.rand(8, 1, 8, 8), torch.randint(0, 10, (8,)))
target = TensorDataset(torch.rand(8, 1, 8, 8), torch.zeros(8, dtype=torch.long))
source_dataloader = DataLoader(source, batch_size=4, shuffle=True)
target_dataloader = DataLoader(target, batch_size=4, shuffle=True)


def train_epoch(source_dataloader, target_dataloader, lamb):
    running_D_loss, running_F_loss = 0.0, 0.0
    total_hit, total_num = 0.0, 0.0
    for i, ((source_data, source_label), (target_data, _)) in enumerate(
        zip(source_dataloader, target_dataloader)
    ):
        mixed_data = torch.cat([source_data, target_data], dim=0)
        domain_label = torch.zeros([source_data.shape[0] + target_data.shape[0], 1])
        domain_label[: source_data.shape[0]] = 1
        feature = feature_extractor(mixed_data)
        domain_logits = domain_classifier(feature.detach())
        loss = domain_criterion(domain_logits, domain_label)
        running_D_loss += loss.item()
        loss.backward()
        optimizer_D.step()
        class_logits = label_predictor(feature[: source_data.shape[0]])
        domain_logits = domain_classifier(feature)
        loss = class_criterion(class_logits, source_label) - lamb * domain_criterion(
            domain_logits, domain_label
        )
        running_F_loss += loss.item()
        loss.backward()
        optimizer_F.step()
        optimizer_C.step()
        optimizer_D.zero_grad()
        optimizer_F.zero_grad()
        optimizer_C.zero_grad()
        total_hit += torch.sum(torch.argmax(class_logits, dim=1) == source_label).item()
        total_num += source_data.shape[0]
    check("HW11 DaNN loss graph", graph(loss))
    return running_D_loss / (i + 1), running_F_loss / (i + 1), total_hit / total_num


for epoch in range(2):
    train_D_loss, train_F_loss, train_acc = train_epoch(
        source_dataloader, target_dataloader, lamb=0.1
    )
    print(
        f"epoch {epoch:>3}: train D loss: {train_D_loss:6.4f}, train F loss: {train_F_loss:6.4f}, acc {train_acc:6.4f}"
    )
check("HW11 domain classifier BN running_var", domain_classifier.layer[1].running_var[:4])
label_predictor.eval()
feature_extractor.eval()
result = []
for test_data, _ in DataLoader(target, batch_size=4):
    class_logits = label_predictor(feature_extractor(test_data))
    x = torch.argmax(class_logits, dim=1).cpu().detach().numpy()
    result.append(x)
# (the predictions whose two largest logits are 0.01 apart or more: after two epochs of Adam
# on these BatchNorm'd convolutions the logits carry float32 differences of about 1e-3 -
# the convolutions and BatchNorm's backward are not PyTorch's bit for bit - and one target
# sample is a near tie, 0.1158 against 0.1166)
logits = torch.cat(
    [label_predictor(feature_extractor(d)) for d, _ in DataLoader(target, batch_size=4)]
)
top2 = logits.topk(2, dim=1).values
clear = ((top2[:, 0] - top2[:, 1]) > 0.01).numpy()
print(np.concatenate(result)[clear], int(clear.sum()))


# ------------------------------------------------------------------ HW12 policy gradient
class PolicyGradientNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(8, 16)
        self.fc2 = nn.Linear(16, 16)
        self.fc3 = nn.Linear(16, 4)

    def forward(self, state):
        hid = torch.tanh(self.fc1(state))
        hid = torch.tanh(self.fc2(hid))
        return F.softmax(self.fc3(hid), dim=-1)


class PolicyGradientAgent:
    def __init__(self, network):
        self.network = network
        self.optimizer = torch.optim.SGD(self.network.parameters(), lr=0.001)

    def forward(self, state):
        return self.network(state)

    def learn(self, log_probs, rewards):
        loss = (
            -log_probs * rewards
        ).sum()  # You don't need to revise this to pass simple baseline (but you can)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss

    def sample(self, state):
        action_prob = self.network(torch.FloatTensor(state))
        action_dist = Categorical(action_prob)
        action = action_dist.sample()
        log_prob = action_dist.log_prob(action)
        return action.item(), log_prob


torch.manual_seed(543)
network = PolicyGradientNetwork()
agent = PolicyGradientAgent(network)
agent.network.train()
rs = np.random.RandomState(543)
log_probs, rewards = [], []
for episode in range(2):
    state = rs.randn(8)
    seq_rewards = []
    for t in range(5):
        action, log_prob = agent.sample(state)
        reward = float(action == 2) - 0.1 * t
        state = state * 0.9 + rs.randn(8) * 0.1
        log_probs.append(log_prob)
        seq_rewards.append(reward)
    # discounted cumulative rewards
    gamma, running = 0.99, 0.0
    disc = []
    for r in reversed(seq_rewards):
        running = r + gamma * running
        disc.insert(0, running)
    rewards += disc
print(len(log_probs), [round(r, 4) for r in rewards[:5]])
rewards = np.array(rewards)
rewards = (rewards - np.mean(rewards)) / (np.std(rewards) + 1e-9)
loss = agent.learn(torch.stack(log_probs), torch.from_numpy(rewards))
# (a Python float, compared at float32 precision: the float64 loss multiplies float32
# log-probabilities whose last bit follows the gemv of nn.Linear on a 1-D state, MKL's in
# PyTorch, BLAS's here)
check("HW12 policy loss", loss.item())
check("HW12 policy loss dtype", loss.dtype)
check("HW12 policy graph", graph(loss))
check("HW12 fc3 weight", network.fc3.weight[0])


# ------------------------------------------------------------------ HW13 network compression
def dwpw_conv(in_channels, out_channels, kernel_size, stride=1, padding=0):
    return nn.Sequential(
        nn.Conv2d(
            in_channels,
            in_channels,
            kernel_size,
            stride=stride,
            padding=padding,
            groups=in_channels,
        ),  # depthwise convolution
        nn.Conv2d(in_channels, out_channels, 1),  # pointwise convolution
    )


def loss_fn_kd(student_logits, labels, teacher_logits, alpha=0.5, temperature=1.0):
    hard_loss = F.cross_entropy(student_logits, labels)
    soft_loss = nn.KLDivLoss(reduction="batchmean")(
        F.log_softmax(student_logits / temperature, dim=1),
        F.softmax(teacher_logits / temperature, dim=1),
    )
    return alpha * (temperature**2) * soft_loss + (1 - alpha) * hard_loss


torch.manual_seed(13)
student = nn.Sequential(
    dwpw_conv(3, 8, 3, padding=1),
    nn.ReLU(),
    nn.AdaptiveAvgPool2d(1),
    nn.Flatten(),
    nn.Linear(8, 11),
)
teacher = nn.Sequential(
    nn.Conv2d(3, 16, 3, padding=1),
    nn.ReLU(),
    nn.AdaptiveAvgPool2d(1),
    nn.Flatten(),
    nn.Linear(16, 11),
)
print(student)
print(sum(p.numel() for p in student.parameters()), sum(p.numel() for p in teacher.parameters()))
imgs = torch.rand(4, 3, 8, 8)
labels = torch.randint(0, 11, (4,))
with torch.no_grad():
    teacher_logits = teacher(imgs)
student_logits = student(imgs)
loss = loss_fn_kd(student_logits, labels, teacher_logits, alpha=0.5, temperature=4.0)
loss.backward()
check("HW13 KD loss", loss)
check("HW13 KD graph", graph(loss))
check("HW13 depthwise grad", student[0][0].weight.grad[0, 0])


# ------------------------------------------------------------------ HW14 lifelong learning
class Model(nn.Module):
    """
    Model architecture
    1*6*6 (input) → 16 → 8 → 10
    """

    def __init__(self):
        super(Model, self).__init__()  # noqa: UP008  (as the original)
        self.fc1 = nn.Linear(1 * 6 * 6, 16)
        self.fc2 = nn.Linear(16, 8)
        self.fc3 = nn.Linear(8, 10)
        self.relu = nn.ReLU()

    def forward(self, x):
        x = x.view(-1, 1 * 6 * 6)
        x = self.fc1(x)
        x = self.relu(x)
        x = self.fc2(x)
        x = self.relu(x)
        x = self.fc3(x)
        return x


class baseline(object):  # noqa: UP004
    def __init__(self, model, dataloader, device):
        self.model = model
        self.dataloader = dataloader
        self.device = device
        self.params = {n: p for n, p in self.model.named_parameters() if p.requires_grad}
        self.p_old = {}
        self._precision_matrices = self._calculate_importance()
        for n, p in self.params.items():
            self.p_old[n] = p.clone().detach()

    def _calculate_importance(self):
        precision_matrices = {}
        for n, p in self.params.items():
            precision_matrices[n] = p.clone().detach().fill_(0)
        return precision_matrices

    def penalty(self, model: nn.Module):
        return 0

    def update(self, model):
        return


class ewc(baseline):
    # (the sample code repeats baseline's __init__ here, with the previous guards kept)
    def __init__(self, model, dataloader, device, prev_guards=[None]):  # noqa: B006
        self.previous_guards_list = prev_guards
        super().__init__(model, dataloader, device)

    def _calculate_importance(self):
        precision_matrices = {}
        for n, p in self.params.items():
            precision_matrices[n] = p.clone().detach().fill_(0)
            for i in range(len(self.previous_guards_list)):
                if self.previous_guards_list[i]:
                    precision_matrices[n] += self.previous_guards_list[i][n]
        self.model.eval()
        if self.dataloader is not None:
            number_data = len(self.dataloader)
            for data in self.dataloader:
                self.model.zero_grad()
                self._accumulate(data, precision_matrices, number_data)
            precision_matrices = {n: p for n, p in precision_matrices.items()}
        return precision_matrices

    def _accumulate(self, data, precision_matrices, number_data):
        # (the sample code's loop body: EWC's squared gradients of the NLL)
        input = data[0].to(self.device)
        output = self.model(input)
        label = data[1].to(self.device)
        loss = F.nll_loss(F.log_softmax(output, dim=1), label)
        loss.backward()
        for n, p in self.model.named_parameters():
            precision_matrices[n].data += p.grad.data**2 / number_data

    def penalty(self, model: nn.Module):
        loss = 0
        for n, p in model.named_parameters():
            _loss = self._precision_matrices[n] * (p - self.p_old[n]) ** 2
            loss += _loss.sum()
        return loss

    def update(self, model):
        return


class mas(ewc):
    def _accumulate(self, data, precision_matrices, num_data):
        # (MAS: the absolute gradients of the outputs' squared L2 norm)
        output = self.model(data[0].to(self.device))
        output.pow_(2)
        loss = torch.sum(output, dim=1)
        loss = loss.mean()
        loss.backward()
        for n, p in self.model.named_parameters():
            precision_matrices[n].data += p.grad.abs() / num_data


def train(model, optimizer, dataloader, epochs_per_task, lll_object, lll_lambda):
    model.train()
    model.zero_grad()
    objective = nn.CrossEntropyLoss()
    loss = 1.0
    for epoch in range(epochs_per_task):
        for imgs, labels in dataloader:
            outputs = model(imgs)
            loss = objective(outputs, labels)
            total_loss = loss
            lll_loss = lll_object.penalty(model)
            total_loss += lll_lambda * lll_loss
            lll_object.update(model)
            optimizer.zero_grad()
            total_loss.backward()
            optimizer.step()
            loss = total_loss.item()
    return model, optimizer, total_loss


device = "cpu"
tasks = []
for task in range(2):
    torch.manual_seed(100 + task)
    x = torch.rand(8, 1, 6, 6)
    tasks.append(
        DataLoader(TensorDataset(x, torch.randint(0, 10, (8,))), batch_size=4, shuffle=True)
    )
for name, guard in (("baseline", baseline), ("ewc", ewc), ("mas", mas)):
    torch.manual_seed(14)
    model = Model()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    if guard is baseline:
        lll_object = baseline(model=model, dataloader=None, device=device)
    else:
        lll_object = guard(model=model, dataloader=None, device=device)
    lll_lambda = 100
    prev_guards = []
    for train_indexes, dl in enumerate(tasks):
        model, _, total_loss = train(model, optimizer, dl, 2, lll_object, lll_lambda)
        check(f"HW14 {name} task {train_indexes} loss graph", graph(total_loss))
        prev_guards.append(lll_object._precision_matrices)
        if guard is baseline:
            lll_object = baseline(model=model, dataloader=dl, device=device)
        else:
            lll_object = guard(model=model, dataloader=dl, device=device, prev_guards=prev_guards)
        optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    check(f"HW14 {name} importance fc3", lll_object._precision_matrices["fc3.weight"][0])
    check(f"HW14 {name} penalty", lll_object.penalty(model))
    check(f"HW14 {name} fc3 weight", model.fc3.weight[0, :4])


# ------------------------------------------------------------------ HW15 meta learning (MAML)
def ConvBlock(in_ch: int, out_ch: int):
    return nn.Sequential(
        nn.Conv2d(in_ch, out_ch, 3, padding=1),
        nn.BatchNorm2d(out_ch),
        nn.ReLU(),
        nn.MaxPool2d(kernel_size=2, stride=2),
    )


def ConvBlockFunction(x, w, b, w_bn, b_bn):
    x = F.conv2d(x, w, b, padding=1)
    x = F.batch_norm(x, running_mean=None, running_var=None, weight=w_bn, bias=b_bn, training=True)
    x = F.relu(x)
    x = F.max_pool2d(x, kernel_size=2, stride=2)
    return x


class Classifier(nn.Module):
    def __init__(self, in_ch, k_way):
        super(Classifier, self).__init__()  # noqa: UP008  (as the original)
        self.conv1 = ConvBlock(in_ch, 4)
        self.conv2 = ConvBlock(4, 4)
        self.logits = nn.Linear(4 * 2 * 2, k_way)

    def forward(self, x):
        x = self.conv1(x)
        x = self.conv2(x)
        x = x.view(x.shape[0], -1)
        x = self.logits(x)
        return x

    def functional_forward(self, x, params):
        for block in [1, 2]:
            x = ConvBlockFunction(
                x,
                params[f"conv{block}.0.weight"],
                params[f"conv{block}.0.bias"],
                params.get(f"conv{block}.1.weight"),
                params.get(f"conv{block}.1.bias"),
            )
        x = x.view(x.shape[0], -1)
        x = F.linear(x, params["logits.weight"], params["logits.bias"])
        return x


def create_label(n_way, k_shot):
    return torch.arange(n_way).repeat_interleave(k_shot).long()


def calculate_accuracy(logits, labels):
    """utility function for accuracy calculation"""
    acc = np.asarray([(torch.argmax(logits, -1).cpu().numpy() == labels.cpu().numpy())]).mean()
    return acc


def MetaSolver(
    model,
    optimizer,
    x,
    n_way,
    k_shot,
    q_query,
    loss_fn,
    inner_train_step=1,
    inner_lr=0.4,
    train=True,
    return_labels=False,
):
    criterion, task_loss, task_acc = loss_fn, [], []
    labels = []
    for meta_batch in x:
        support_set = meta_batch[: n_way * k_shot]
        query_set = meta_batch[n_way * k_shot :]
        fast_weights = OrderedDict(model.named_parameters())
        for inner_step in range(inner_train_step):
            train_label = create_label(n_way, k_shot)
            logits = model.functional_forward(support_set, fast_weights)
            loss = criterion(logits, train_label)
            grads = torch.autograd.grad(loss, fast_weights.values(), create_graph=True)
            fast_weights = OrderedDict(
                (name, param - inner_lr * grad)
                for ((name, param), grad) in zip(fast_weights.items(), grads)
            )
        if not return_labels:
            val_label = create_label(n_way, q_query)
            logits = model.functional_forward(query_set, fast_weights)
            loss = criterion(logits, val_label)
            task_loss.append(loss)
            task_acc.append(calculate_accuracy(logits, val_label))
        else:
            logits = model.functional_forward(query_set, fast_weights)
            labels.extend(torch.argmax(logits, -1).cpu().numpy())
    if return_labels:
        return labels
    model.train()
    optimizer.zero_grad()
    meta_batch_loss = torch.stack(task_loss).mean()
    if train:
        meta_batch_loss.backward()
        optimizer.step()
    task_acc = np.mean(task_acc)
    return meta_batch_loss, task_acc


print(create_label(5, 2))
torch.manual_seed(15)
n_way, k_shot, q_query = 3, 1, 1
meta_model = Classifier(1, n_way)
optimizer = torch.optim.Adam(meta_model.parameters(), lr=0.001)
loss_fn = nn.CrossEntropyLoss()
x = torch.rand(2, n_way * (k_shot + q_query), 1, 8, 8)
meta_loss, acc = MetaSolver(
    meta_model, optimizer, x, n_way, k_shot, q_query, loss_fn, inner_train_step=2
)
check("HW15 MAML meta loss", meta_loss)
check("HW15 MAML meta graph", graph(meta_loss))
check("HW15 MAML second-order grad", meta_model.conv1[0].weight.grad[0, 0])
check("HW15 MAML bn weight grad", meta_model.conv2[1].weight.grad)
print(type(acc).__name__, acc)
print(
    MetaSolver(
        meta_model, optimizer, x, n_way, k_shot, q_query, loss_fn, train=False, return_labels=True
    )
)
check(
    "HW15 functional == module forward (training BN)",
    meta_model.functional_forward(x[0], OrderedDict(meta_model.named_parameters()))
    - meta_model(x[0]),
)
