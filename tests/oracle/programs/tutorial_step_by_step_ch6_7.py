# Daniel Voigt Godoy, "Deep Learning with PyTorch Step-by-Step" (github.com/dvgodoy/PyTorchStepByStep),
# chapters 6 and 7: the StepByStep class as stepbystep/v3.py has it (set_optimizer,
# set_lr_scheduler with batch / epoch schedulers, ReduceLROnPlateau stepped with the validation
# loss), statistics_per_channel / make_normalizer through loader_apply, dropout in train / eval,
# CNN2 with Adam, make_lr_fn + LambdaLR and the lr_range_test (deepcopy of the model's and the
# optimizer's state_dicts, restored after), EWMAs and the bias correction against Adam's state,
# capture_gradients (register_hook on each parameter) and capture_parameters (forward hooks),
# SGD with momentum / Nesterov and their momentum_buffer, StepLR / LambdaLR / ReduceLROnPlateau /
# CyclicLR (triangular, triangular2, exp_range), chapter 7's 1x1 convolution as a grayscale
# filter, the Inception module, BatchNorm1d with momentum=None (a cumulative average) and 0.1,
# BatchNorm2d, residual connections, ResidualBlock, a frozen feature extractor (nn.Identity head,
# preprocessed_dataset) and a top model. Random tensors stand in for the Rock Paper Scissors
# images (3 x 28 x 28), a transform by hand for torchvision's Normalize.
import random
from copy import deepcopy

import numpy as np

DataLoader = torch.utils.data.DataLoader
TensorDataset = torch.utils.data.TensorDataset
StepLR = optim.lr_scheduler.StepLR
ReduceLROnPlateau = optim.lr_scheduler.ReduceLROnPlateau
MultiStepLR = optim.lr_scheduler.MultiStepLR
CyclicLR = optim.lr_scheduler.CyclicLR
LambdaLR = optim.lr_scheduler.LambdaLR


class StepByStep(object):  # noqa: UP004  (stepbystep/v3.py, the parts these chapters use)
    def __init__(self, model, loss_fn, optimizer):
        self.model = model
        self.loss_fn = loss_fn
        self.optimizer = optimizer
        self.device = "cuda" if torch.cuda.is_available() else "cpu"
        self.model.to(self.device)
        self.train_loader = None
        self.val_loader = None
        self.writer = None
        self.scheduler = None
        self.is_batch_lr_scheduler = False
        self.losses = []
        self.val_losses = []
        self.learning_rates = []
        self.total_epochs = 0
        self.visualization = {}
        self.handles = {}
        self._gradients = {}
        self._parameters = {}
        self.train_step_fn = self._make_train_step_fn()
        self.val_step_fn = self._make_val_step_fn()

    def set_loaders(self, train_loader, val_loader=None):
        self.train_loader = train_loader
        self.val_loader = val_loader

    def set_optimizer(self, optimizer):
        self.optimizer = optimizer

    def set_lr_scheduler(self, scheduler):
        # Makes sure the scheduler in the argument is assigned to the
        # optimizer we're using in this class
        if scheduler.optimizer == self.optimizer:
            self.scheduler = scheduler
            if (
                isinstance(scheduler, optim.lr_scheduler.CyclicLR)  # noqa: SIM101  (as the book)
                or isinstance(scheduler, optim.lr_scheduler.OneCycleLR)
                or isinstance(scheduler, optim.lr_scheduler.CosineAnnealingWarmRestarts)
            ):
                self.is_batch_lr_scheduler = True
            else:
                self.is_batch_lr_scheduler = False

    def _make_train_step_fn(self):
        def perform_train_step_fn(x, y):
            self.model.train()
            yhat = self.model(x)
            loss = self.loss_fn(yhat, y)
            loss.backward()
            self.optimizer.step()
            self.optimizer.zero_grad()
            return loss.item()

        return perform_train_step_fn

    def _make_val_step_fn(self):
        def perform_val_step_fn(x, y):
            self.model.eval()
            yhat = self.model(x)
            loss = self.loss_fn(yhat, y)
            return loss.item()

        return perform_val_step_fn

    def _mini_batch(self, validation=False):
        if validation:
            data_loader = self.val_loader
            step_fn = self.val_step_fn
        else:
            data_loader = self.train_loader
            step_fn = self.train_step_fn
        if data_loader is None:
            return None
        n_batches = len(data_loader)
        mini_batch_losses = []
        for i, (x_batch, y_batch) in enumerate(data_loader):
            x_batch = x_batch.to(self.device)
            y_batch = y_batch.to(self.device)
            mini_batch_loss = step_fn(x_batch, y_batch)
            mini_batch_losses.append(mini_batch_loss)
            if not validation:
                self._mini_batch_schedulers(i / n_batches)
        loss = np.mean(mini_batch_losses)
        return loss

    def _epoch_schedulers(self, val_loss):
        if self.scheduler:  # noqa: SIM102  (as the book)
            if not self.is_batch_lr_scheduler:
                if isinstance(self.scheduler, torch.optim.lr_scheduler.ReduceLROnPlateau):
                    self.scheduler.step(val_loss)
                else:
                    self.scheduler.step()
                current_lr = list(
                    map(lambda d: d["lr"], self.scheduler.optimizer.state_dict()["param_groups"])
                )
                self.learning_rates.append(current_lr)

    def _mini_batch_schedulers(self, frac_epoch):
        if self.scheduler:  # noqa: SIM102  (as the book)
            if self.is_batch_lr_scheduler:
                if isinstance(self.scheduler, torch.optim.lr_scheduler.CosineAnnealingWarmRestarts):
                    self.scheduler.step(self.total_epochs + frac_epoch)
                else:
                    self.scheduler.step()
                current_lr = list(
                    map(lambda d: d["lr"], self.scheduler.optimizer.state_dict()["param_groups"])
                )
                self.learning_rates.append(current_lr)

    def set_seed(self, seed=42):
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False
        torch.manual_seed(seed)
        np.random.seed(seed)
        random.seed(seed)

    def train(self, n_epochs, seed=42):
        self.set_seed(seed)
        for epoch in range(n_epochs):
            self.total_epochs += 1
            loss = self._mini_batch(validation=False)
            self.losses.append(loss)
            with torch.no_grad():
                val_loss = self._mini_batch(validation=True)
                self.val_losses.append(val_loss)
            self._epoch_schedulers(val_loss)

    def predict(self, x):
        self.model.eval()
        x_tensor = torch.as_tensor(x).float()
        y_hat_tensor = self.model(x_tensor.to(self.device))
        self.model.train()
        return y_hat_tensor.detach().cpu().numpy()

    def attach_hooks(self, layers_to_hook, hook_fn=None):
        self.visualization = {}
        modules = list(self.model.named_modules())
        for name, layer in modules:
            if name in layers_to_hook:
                self.visualization[name] = None
                self.handles[name] = layer.register_forward_hook(hook_fn)

    def remove_hooks(self):
        for handle in self.handles.values():
            handle.remove()
        self.handles = {}

    def capture_gradients(self, layers_to_hook):
        if not isinstance(layers_to_hook, list):
            layers_to_hook = [layers_to_hook]
        self._gradients = {}

        def make_log_fn(name, parm_id):
            def log_fn(grad):
                self._gradients[name][parm_id].append(grad.tolist())
                return

            return log_fn

        for name, layer in self.model.named_modules():
            if name in layers_to_hook:
                self._gradients.update({name: {}})
                for parm_id, p in layer.named_parameters():
                    if p.requires_grad:
                        self._gradients[name].update({parm_id: []})
                        log_fn = make_log_fn(name, parm_id)
                        self.handles[f"{name}.{parm_id}.grad"] = p.register_hook(log_fn)
        return

    def capture_parameters(self, layers_to_hook):
        if not isinstance(layers_to_hook, list):
            layers_to_hook = [layers_to_hook]
        modules = list(self.model.named_modules())
        layer_names = {layer: name for name, layer in modules}
        self._parameters = {}
        for name, layer in modules:
            if name in layers_to_hook:
                self._parameters.update({name: {}})
                for parm_id, p in layer.named_parameters():
                    self._parameters[name].update({parm_id: []})

        def fw_hook_fn(layer, inputs, outputs):
            name = layer_names[layer]
            for parm_id, parameter in layer.named_parameters():
                self._parameters[name][parm_id].append(parameter.tolist())

        self.attach_hooks(layers_to_hook, fw_hook_fn)
        return

    def correct(self, x, y, threshold=0.5):
        self.model.eval()
        yhat = self.model(x.to(self.device))
        y = y.to(self.device)
        self.model.train()
        n_samples, n_dims = yhat.shape
        if n_dims > 1:
            _, predicted = torch.max(yhat, 1)
        else:
            n_dims += 1
            predicted = (torch.sigmoid(yhat) > threshold).long()
        result = []
        for c in range(n_dims):
            n_class = (y == c).sum().item()
            n_correct = (predicted[y == c] == c).sum().item()
            result.append((n_correct, n_class))
        return torch.tensor(result)

    @staticmethod
    def loader_apply(loader, func, reduce="sum"):
        results = [func(x, y) for i, (x, y) in enumerate(loader)]
        results = torch.stack(results, axis=0)
        if reduce == "sum":
            results = results.sum(axis=0)
        elif reduce == "mean":
            results = results.float().mean(axis=0)
        return results

    @staticmethod
    def statistics_per_channel(images, labels):
        # NCHW
        n_samples, n_channels, n_height, n_weight = images.size()
        # Flatten HW into a single dimension
        flatten_per_channel = images.reshape(n_samples, n_channels, -1)
        # Computes statistics of each image per channel
        # Average pixel value per channel
        # (n_samples, n_channels)
        means = flatten_per_channel.mean(axis=2)
        # Standard deviation of pixel values per channel
        # (n_samples, n_channels)
        stds = flatten_per_channel.std(axis=2)
        # Adds up statistics of all images in a mini-batch
        # (1, n_channels)
        sum_means = means.sum(axis=0)
        sum_stds = stds.sum(axis=0)
        # Makes a tensor of shape (1, n_channels)
        # with the number of samples in the mini-batch
        n_samples = torch.tensor([n_samples] * n_channels).float()
        # Stack the three tensors on top of one another
        # (3, n_channels)
        return torch.stack([n_samples, sum_means, sum_stds], axis=0)

    @staticmethod
    def make_normalizer(loader):
        total_samples, total_means, total_stds = StepByStep.loader_apply(
            loader, StepByStep.statistics_per_channel
        )
        norm_mean = total_means / total_samples
        norm_std = total_stds / total_samples
        return Normalize(mean=norm_mean, std=norm_std)


class Normalize:  # torchvision.transforms.v2.Normalize on a batch of tensors
    def __init__(self, mean, std):
        self.mean, self.std = mean, std

    def __call__(self, x):
        mean = torch.as_tensor(self.mean, dtype=x.dtype).view(-1, 1, 1)
        std = torch.as_tensor(self.std, dtype=x.dtype).view(-1, 1, 1)
        return (x - mean) / std

    def __repr__(self):
        return f"Normalize(mean={list(self.mean)}, std={list(self.std)}, inplace=False)"


# ---------------- chapter 6: Rock, Paper, Scissors ----------------
torch.manual_seed(0)
images = torch.rand(48, 3, 28, 28) * torch.tensor([0.9, 0.8, 0.7]).view(1, 3, 1, 1)
labels = torch.randint(0, 3, (48,))
temp_loader = DataLoader(TensorDataset(images, labels), batch_size=16)
first_images, first_labels = next(iter(temp_loader))
print(StepByStep.statistics_per_channel(first_images, first_labels))
results = StepByStep.loader_apply(temp_loader, StepByStep.statistics_per_channel)
print(results)
normalizer = StepByStep.make_normalizer(temp_loader)
print(normalizer)
check("normalizer mean / std", [normalizer.mean, normalizer.std])
train_data = TensorDataset(normalizer(images[:32]), labels[:32])
val_data = TensorDataset(normalizer(images[32:]), labels[32:])
torch.manual_seed(88)
train_loader = DataLoader(train_data, batch_size=16, shuffle=True)
val_loader = DataLoader(val_data, batch_size=16)
first_images, first_labels = next(iter(train_loader))
print(first_labels)

regions = np.array(
    [
        [
            [[5, 0, 8], [1, 9, 5], [6, 0, 2]],
            [[0, 5, 4], [8, 1, 9], [4, 8, 1]],
            [[4, 2, 0], [6, 3, 0], [5, 2, 8]],
        ]
    ]
)
three_channel_filter = np.array(
    [
        [
            [[0, 3, 0], [1, 0, 1], [2, 1, 0]],
            [[2, 1, 0], [0, 3, 1], [1, -1, 0]],
            [[0, 1, 3], [-1, -2, 0], [2, 0, 1]],
        ]
    ]
)
result = F.conv2d(torch.as_tensor(regions), torch.as_tensor(three_channel_filter))
print(result, result.shape, result.dtype)


class CNN2(nn.Module):
    def __init__(self, n_feature, p=0.0):
        super(CNN2, self).__init__()  # noqa: UP008  (as the book)
        self.n_feature = n_feature
        self.p = p
        # Creates the convolution layers
        self.conv1 = nn.Conv2d(in_channels=3, out_channels=n_feature, kernel_size=3)
        self.conv2 = nn.Conv2d(in_channels=n_feature, out_channels=n_feature, kernel_size=3)
        # Creates the linear layers
        # Where do this 5 * 5 come from?! Check it below
        self.fc1 = nn.Linear(n_feature * 5 * 5, 50)
        self.fc2 = nn.Linear(50, 3)
        # Creates dropout layers
        self.drop = nn.Dropout(self.p)

    def featurizer(self, x):
        # Featurizer
        # First convolutional block
        # 3@28x28 -> n_feature@26x26 -> n_feature@13x13
        x = self.conv1(x)
        x = F.relu(x)
        x = F.max_pool2d(x, kernel_size=2)
        # Second convolutional block
        # n_feature * @13x13 -> n_feature@11x11 -> n_feature@5x5
        x = self.conv2(x)
        x = F.relu(x)
        x = F.max_pool2d(x, kernel_size=2)
        # Input dimension (n_feature@5x5)
        # Output dimension (n_feature * 5 * 5)
        x = nn.Flatten()(x)
        return x

    def classifier(self, x):
        # Classifier
        # Hidden Layer
        # Input dimension (n_feature * 5 * 5)
        # Output dimension (50)
        if self.p > 0:
            x = self.drop(x)
        x = self.fc1(x)
        x = F.relu(x)
        # Output Layer
        # Input dimension (50)
        # Output dimension (3)
        if self.p > 0:
            x = self.drop(x)
        x = self.fc2(x)
        return x

    def forward(self, x):
        x = self.featurizer(x)
        x = self.classifier(x)
        return x


dropping_model = nn.Sequential(nn.Dropout(p=0.5))
spaced_points = torch.linspace(0.1, 1.1, 11)
print(spaced_points)
torch.manual_seed(44)
dropping_model.train()
output_train = dropping_model(spaced_points)
print(output_train)
print(output_train / spaced_points)
print(F.linear(output_train, weight=torch.ones(11), bias=torch.tensor(0)))
dropping_model.eval()
output_eval = dropping_model(spaced_points)
print(output_eval)
print(F.linear(output_eval, weight=torch.ones(11), bias=torch.tensor(0)))
torch.manual_seed(17)
p = 0.5
distrib_outputs = torch.tensor(
    [
        F.linear(F.dropout(spaced_points, p=p), weight=torch.ones(11), bias=torch.tensor(0))
        for _ in range(200)
    ]
)
print(distrib_outputs.mean(), distrib_outputs.std(), distrib_outputs[:5])

torch.manual_seed(13)
model_cnn2 = CNN2(n_feature=5, p=0.3)
multi_loss_fn = nn.CrossEntropyLoss(reduction="mean")
optimizer_cnn2 = optim.Adam(model_cnn2.parameters(), lr=3e-4)
sbs_cnn2 = StepByStep(model_cnn2, multi_loss_fn, optimizer_cnn2)
sbs_cnn2.set_loaders(train_loader, val_loader)
sbs_cnn2.train(3)
check("cnn2 losses", [sbs_cnn2.losses, sbs_cnn2.val_losses])
print(StepByStep.loader_apply(val_loader, sbs_cnn2.correct))
print(model_cnn2.conv1.weight.shape, model_cnn2.conv2.weight.shape)


def make_lr_fn(start_lr, end_lr, num_iter, step_mode="exp"):
    if step_mode == "linear":
        factor = (end_lr / start_lr - 1) / num_iter

        def lr_fn(iteration):
            return 1 + iteration * factor

    else:
        factor = (np.log(end_lr) - np.log(start_lr)) / num_iter

        def lr_fn(iteration):
            return np.exp(factor) ** iteration

    return lr_fn


start_lr = 0.01
end_lr = 0.1
num_iter = 10
lr_fn = make_lr_fn(start_lr, end_lr, num_iter, step_mode="exp")
print(lr_fn(np.arange(num_iter + 1)))
print(start_lr * lr_fn(np.arange(num_iter + 1)))
dummy_model = CNN2(n_feature=5, p=0.3)
dummy_optimizer = optim.Adam(dummy_model.parameters(), lr=start_lr)
dummy_scheduler = LambdaLR(dummy_optimizer, lr_lambda=lr_fn)
dummy_optimizer.step()
dummy_scheduler.step()
print(dummy_scheduler.get_last_lr()[0], type(dummy_scheduler.get_last_lr()[0]).__name__)


def lr_range_test(self, data_loader, end_lr, num_iter=100, step_mode="exp", alpha=0.05):
    # Since the test updates both model and optimizer we need to store
    # their initial states to restore them in the end
    previous_states = {
        "model": deepcopy(self.model.state_dict()),
        "optimizer": deepcopy(self.optimizer.state_dict()),
    }
    # Retrieves the learning rate set in the optimizer
    start_lr = self.optimizer.state_dict()["param_groups"][0]["lr"]
    # Builds a custom function and corresponding scheduler
    lr_fn = make_lr_fn(start_lr, end_lr, num_iter)
    scheduler = LambdaLR(self.optimizer, lr_lambda=lr_fn)
    # Variables for tracking results and iterations
    tracking = {"loss": [], "lr": []}
    iteration = 0
    # If there are more iterations than mini-batches in the data loader,
    # it will have to loop over it more than once
    while iteration < num_iter:
        # That's the typical mini-batch inner loop
        for x_batch, y_batch in data_loader:
            x_batch = x_batch.to(self.device)
            y_batch = y_batch.to(self.device)
            # Step 1
            yhat = self.model(x_batch)
            # Step 2
            loss = self.loss_fn(yhat, y_batch)
            # Step 3
            loss.backward()
            # Here we keep track of the losses (smoothed)
            # and the learning rates
            tracking["lr"].append(scheduler.get_last_lr()[0])
            if iteration == 0:
                tracking["loss"].append(loss.item())
            else:
                prev_loss = tracking["loss"][-1]
                smoothed_loss = alpha * loss.item() + (1 - alpha) * prev_loss
                tracking["loss"].append(smoothed_loss)
            iteration += 1
            # Number of iterations reached
            if iteration == num_iter:
                break
            # Step 4
            self.optimizer.step()
            scheduler.step()
            self.optimizer.zero_grad()
    # Restores the original states
    self.optimizer.load_state_dict(previous_states["optimizer"])
    self.model.load_state_dict(previous_states["model"])
    return tracking


setattr(StepByStep, "lr_range_test", lr_range_test)  # noqa: B010  (as the book)
torch.manual_seed(13)
new_model = CNN2(n_feature=5, p=0.3)
new_optimizer = optim.Adam(new_model.parameters(), lr=3e-4)
sbs_new = StepByStep(new_model, multi_loss_fn, new_optimizer)
before = deepcopy(new_model.state_dict())
tracking = sbs_new.lr_range_test(train_loader, end_lr=1e-1, num_iter=6)
check("lr range test", tracking)
print(all(torch.equal(before[k], v) for k, v in new_model.state_dict().items()))
print(new_optimizer.state_dict()["param_groups"][0]["lr"], sorted(new_optimizer.param_groups[0]))
# (the restored state dict predates the scheduler: no "initial_lr" any more)
raises("initial_lr after the restore", lambda: new_optimizer.param_groups[0]["initial_lr"])
new_optimizer = optim.Adam(new_model.parameters(), lr=0.005)
sbs_new.set_optimizer(new_optimizer)
sbs_new.set_loaders(train_loader, val_loader)
sbs_new.train(2)
check("after the range test", [sbs_new.losses, sbs_new.val_losses])


def EWMA(past_value, current_value, alpha):
    return (1 - alpha) * past_value + alpha * current_value


def calc_ewma(values, period):
    alpha = 2 / (period + 1)
    result = []
    for v in values:
        try:
            prev_value = result[-1]
        except IndexError:
            prev_value = 0
        new_value = EWMA(prev_value, v, alpha)
        result.append(new_value)
    return np.array(result)


def correction(averaged_value, beta, steps):
    return averaged_value / (1 - (beta**steps))


def calc_corrected_ewma(values, period):
    ewma = calc_ewma(values, period)
    alpha = 2 / (period + 1)
    beta = 1 - alpha
    result = []
    for step, v in enumerate(ewma):
        adj_value = correction(v, beta, step + 1)
        result.append(adj_value)
    return np.array(result)


# the simple linear regression of chapters 0-3 for the optimizers
np.random.seed(42)
x = np.random.rand(100, 1)
y = 1 + 2 * x + 0.1 * np.random.randn(100, 1)
x_tensor = torch.as_tensor(x).float()
y_tensor = torch.as_tensor(y).float()
torch.manual_seed(13)
lin_train, lin_val = torch.utils.data.random_split(TensorDataset(x_tensor, y_tensor), [80, 20])
torch.manual_seed(13)
lin_train_loader = DataLoader(lin_train, batch_size=16, shuffle=True)
lin_val_loader = DataLoader(lin_val, batch_size=16)

torch.manual_seed(42)
model = nn.Sequential()
model.add_module("linear", nn.Linear(1, 1))
optimizer = optim.Adam(model.parameters(), lr=0.1)
loss_fn = nn.MSELoss(reduction="mean")
sbs_adam = StepByStep(model, loss_fn, optimizer)
sbs_adam.set_loaders(lin_train_loader, lin_val_loader)
sbs_adam.capture_gradients("linear")
sbs_adam.capture_parameters("linear")
sbs_adam.train(2)
sbs_adam.remove_hooks()
gradients = np.array(sbs_adam._gradients["linear"]["weight"]).squeeze()
print(gradients.shape, len(sbs_adam._parameters["linear"]["bias"]))
corrected_gradients = calc_corrected_ewma(gradients, 19)
corrected_sq_gradients = calc_corrected_ewma(np.power(gradients, 2), 1999)
adapted_gradients = corrected_gradients / (np.sqrt(corrected_sq_gradients) + 1e-8)
check("adapted gradients", adapted_gradients.tolist())
print(optimizer.state_dict())
ewmas = calc_ewma(gradients, 19)[-1], calc_ewma(np.power(gradients, 2), 1999)[-1]
check(
    "Adam's exp_avg / exp_avg_sq",
    [
        optimizer.state[model.linear.weight]["exp_avg"],
        optimizer.state[model.linear.weight]["exp_avg_sq"],
        float(ewmas[0]),
        float(ewmas[1]),
    ],
)
check("captured parameters", sbs_adam._parameters["linear"]["weight"][-3:])

for name, parms in (
    ("SGD", {"lr": 0.1}),
    ("SGD + Momentum", {"lr": 0.1, "momentum": 0.9}),
    ("SGD + Nesterov", {"lr": 0.1, "momentum": 0.9, "nesterov": True}),
):
    torch.manual_seed(42)
    model = nn.Sequential()
    model.add_module("linear", nn.Linear(1, 1))
    optimizer = optim.SGD(model.parameters(), **parms)
    sbs = StepByStep(model, loss_fn, optimizer)
    sbs.set_loaders(lin_train_loader, lin_val_loader)
    sbs.train(3)
    print(name, optimizer)
    check(name, [sbs.losses, sbs.val_losses, model.state_dict()])
    check(name + " state", optimizer.state_dict()["state"])
raises("nesterov without momentum", lambda: optim.SGD(model.parameters(), lr=0.1, nesterov=True))

dummy_optimizer = optim.SGD([nn.Parameter(torch.randn(1))], lr=0.01)
dummy_scheduler = StepLR(dummy_optimizer, step_size=2, gamma=0.1)
for epoch in range(4):
    # training loop code goes here
    print(dummy_scheduler.get_last_lr())
    # First call optimizer's step
    dummy_optimizer.step()
    # Then call scheduler's step
    dummy_scheduler.step()
    dummy_optimizer.zero_grad()
print(dummy_scheduler.state_dict())
dummy_optimizer = optim.SGD([nn.Parameter(torch.randn(1))], lr=0.01)
dummy_scheduler = LambdaLR(dummy_optimizer, lr_lambda=lambda epoch: 0.1 ** (epoch // 2))
lrs = []
for epoch in range(5):
    dummy_optimizer.step()
    dummy_scheduler.step()
    lrs.append(dummy_scheduler.get_last_lr()[0])
print(lrs)
dummy_optimizer = optim.SGD([nn.Parameter(torch.randn(1))], lr=0.01)
dummy_scheduler = ReduceLROnPlateau(dummy_optimizer, patience=4, factor=0.1)
for val_loss in [1.0, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95]:
    dummy_optimizer.step()
    dummy_scheduler.step(val_loss)
    lrs.append(dummy_optimizer.param_groups[0]["lr"])
print(lrs[5:], dummy_scheduler.num_bad_epochs, dummy_scheduler.best, dummy_scheduler.get_last_lr())
dummy_optimizer = optim.SGD([nn.Parameter(torch.randn(1))], lr=0.01)
dummy_scheduler = MultiStepLR(dummy_optimizer, milestones=[2, 5], gamma=0.1)
ms = []
for epoch in range(7):
    dummy_optimizer.step()
    dummy_scheduler.step()
    ms.append(dummy_scheduler.get_last_lr()[0])
check("MultiStepLR", ms)

dummy_parm = [nn.Parameter(torch.randn(1))]
dummy_optimizer = optim.SGD(dummy_parm, lr=0.01)
dummy_scheduler1 = CyclicLR(
    dummy_optimizer, base_lr=1e-4, max_lr=1e-3, step_size_up=2, mode="triangular"
)
dummy_scheduler2 = CyclicLR(
    dummy_optimizer, base_lr=1e-4, max_lr=1e-3, step_size_up=2, mode="triangular2"
)
dummy_scheduler3 = CyclicLR(
    dummy_optimizer, base_lr=1e-4, max_lr=1e-3, step_size_up=2, mode="exp_range", gamma=np.sqrt(0.5)
)
for i, sched in enumerate((dummy_scheduler1, dummy_scheduler2, dummy_scheduler3)):
    dummy_optimizer = optim.SGD(dummy_parm, lr=0.01)
    sched = CyclicLR(
        dummy_optimizer,
        base_lr=1e-4,
        max_lr=1e-3,
        step_size_up=2,
        mode=["triangular", "triangular2", "exp_range"][i],
        gamma=np.sqrt(0.5) if i == 2 else 1.0,
    )
    cyc = []
    for _ in range(10):
        dummy_optimizer.step()
        sched.step()
        cyc.append(sched.get_last_lr()[0])
    check(f"CyclicLR {sched.mode}", cyc)
    print(sched.mode, dummy_optimizer.param_groups[0]["momentum"])

torch.manual_seed(42)
model = nn.Sequential()
model.add_module("linear", nn.Linear(1, 1))
optimizer = optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)
sbs_scheduler = StepByStep(model, loss_fn, optimizer)
scheduler = CyclicLR(optimizer, base_lr=0.025, max_lr=0.1, step_size_up=4, mode="triangular2")
sbs_scheduler.set_lr_scheduler(scheduler)
sbs_scheduler.set_loaders(lin_train_loader, lin_val_loader)
sbs_scheduler.train(2)
print(sbs_scheduler.is_batch_lr_scheduler, sbs_scheduler.learning_rates)
check("nesterov + cycle", [sbs_scheduler.losses, model.state_dict()])
torch.manual_seed(42)
model = nn.Sequential()
model.add_module("linear", nn.Linear(1, 1))
optimizer = optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
sbs_plateau = StepByStep(model, loss_fn, optimizer)
sbs_plateau.set_lr_scheduler(ReduceLROnPlateau(optimizer, patience=0, factor=0.5))
sbs_plateau.set_loaders(lin_train_loader, lin_val_loader)
sbs_plateau.train(4)
print(sbs_plateau.learning_rates)
check("plateau", [sbs_plateau.losses, sbs_plateau.val_losses])
other = optim.SGD(model.parameters(), lr=0.1)
sbs_plateau.set_lr_scheduler(StepLR(other, step_size=1))
print(sbs_plateau.scheduler.optimizer is optimizer)

# ---------------- chapter 7: transfer learning ----------------
torch.manual_seed(1)
image = torch.rand(1, 3, 8, 8)
weights = torch.tensor([0.2126, 0.7152, 0.0722]).view(1, 3, 1, 1)
convolved = F.conv2d(input=image, weight=weights)
print(convolved.shape)
check("1x1 grayscale", convolved)


class Inception(nn.Module):
    def __init__(self, in_channels):
        super(Inception, self).__init__()  # noqa: UP008  (as the book)
        # in_channels@HxW -> 2@HxW
        self.branch1x1_1 = nn.Conv2d(in_channels, 2, kernel_size=1)
        # in_channels@HxW -> 2@HxW -> 3@HxW
        self.branch5x5_1 = nn.Conv2d(in_channels, 2, kernel_size=1)
        self.branch5x5_2 = nn.Conv2d(2, 3, kernel_size=5, padding=2)
        # in_channels@HxW -> 2@HxW -> 3@HxW
        self.branch3x3_1 = nn.Conv2d(in_channels, 2, kernel_size=1)
        self.branch3x3_2 = nn.Conv2d(2, 3, kernel_size=3, padding=1)
        # in_channels@HxW -> in_channels@HxW -> 2@HxW
        self.branch_pool_1 = nn.AvgPool2d(kernel_size=3, stride=1, padding=1)
        self.branch_pool_2 = nn.Conv2d(in_channels, 2, kernel_size=1)

    def forward(self, x):
        # Produces 2 channels
        branch1x1 = self.branch1x1_1(x)
        # Produces 3 channels
        branch5x5 = self.branch5x5_1(x)
        branch5x5 = self.branch5x5_2(branch5x5)
        # Produces 3 channels
        branch3x3 = self.branch3x3_1(x)
        branch3x3 = self.branch3x3_2(branch3x3)
        # Produces 2 channels
        branch_pool = self.branch_pool_1(x)
        branch_pool = self.branch_pool_2(branch_pool)
        # Concatenates all channels together (10)
        outputs = torch.cat([branch1x1, branch5x5, branch3x3, branch_pool], 1)
        return outputs


torch.manual_seed(2)
inception = Inception(in_channels=3)
output = inception(image)
print(output.shape)
output.sum().backward()
check("inception", output)
check("inception pool branch grad", inception.branch_pool_2.weight.grad)


class BasicConv2d(nn.Module):
    def __init__(self, in_channels, out_channels, **kwargs):
        super(BasicConv2d, self).__init__()  # noqa: UP008  (as the book)
        self.conv = nn.Conv2d(in_channels, out_channels, bias=False, **kwargs)
        self.bn = nn.BatchNorm2d(out_channels, eps=0.001)

    def forward(self, x):
        x = self.conv(x)
        x = self.bn(x)
        return F.relu(x, inplace=True)


torch.manual_seed(3)
basic = BasicConv2d(3, 4, kernel_size=3, padding=1)
print(basic)
print(basic(image).shape, basic.bn.num_batches_tracked)

torch.manual_seed(23)
dummy_points = torch.randn((200, 2)) + torch.rand((200, 2)) * 2
dummy_labels = torch.randint(2, (200, 1))
dummy_dataset = TensorDataset(dummy_points, dummy_labels)
dummy_loader = DataLoader(dummy_dataset, batch_size=64, shuffle=True)
iterator = iter(dummy_loader)
batch1 = next(iterator)
batch2 = next(iterator)
batch3 = next(iterator)
mean1, var1 = batch1[0].mean(axis=0), batch1[0].var(axis=0)
print(mean1, var1)
batch_normalizer = nn.BatchNorm1d(num_features=2, affine=False, momentum=None)
print(batch_normalizer, batch_normalizer.state_dict())
normed1 = batch_normalizer(batch1[0])
print(batch_normalizer.state_dict())
print(normed1.mean(axis=0), normed1.var(axis=0))
print(normed1.var(axis=0, unbiased=False))
normed2 = batch_normalizer(batch2[0])
print(batch_normalizer.state_dict())
mean2, var2 = batch2[0].mean(axis=0), batch2[0].var(axis=0)
running_mean, running_var = (mean1 + mean2) / 2, (var1 + var2) / 2
print(running_mean, running_var)
check("cumulative running stats", [batch_normalizer.running_mean, batch_normalizer.running_var])
batch_normalizer.eval()
normed3 = batch_normalizer(batch3[0])
print(normed3.mean(axis=0), normed3.var(axis=0, unbiased=False))
batch_normalizer_mom = nn.BatchNorm1d(num_features=2, affine=False, momentum=0.1)
print(batch_normalizer_mom.state_dict())
normed1_mom = batch_normalizer_mom(batch1[0])
print(batch_normalizer_mom.state_dict())
running_mean = torch.zeros((1, 2))
running_mean = 0.1 * batch1[0].mean(axis=0) + (1 - 0.1) * running_mean
print(running_mean)
torch.manual_seed(39)
dummy_images = torch.rand((200, 3, 10, 10))
dummy_labels = torch.randint(2, (200, 1))
dummy_dataset = TensorDataset(dummy_images, dummy_labels)
dummy_loader = DataLoader(dummy_dataset, batch_size=64, shuffle=True)
iterator = iter(dummy_loader)
batch1 = next(iterator)
print(batch1[0].shape)
batch_normalizer = nn.BatchNorm2d(num_features=3, affine=False, momentum=None)
normed1 = batch_normalizer(batch1[0])
# (the book prints the means, about 1e-8: sums of 6,400 values over three dims, whose
# order the engine does not reproduce, so only their size is shown; the values are checked)
print(normed1.mean(axis=[0, 2, 3]).abs() < 1e-6, normed1.var(axis=[0, 2, 3], unbiased=False))
check("BatchNorm2d output", normed1)
check("BatchNorm2d running_var", batch_normalizer.running_var)

torch.manual_seed(23)
dummy_points = torch.randn((100, 1))
dummy_dataset = TensorDataset(dummy_points, dummy_points)
dummy_loader = DataLoader(dummy_dataset, batch_size=16, shuffle=True)


class Dummy(nn.Module):
    def __init__(self):
        super(Dummy, self).__init__()  # noqa: UP008  (as the book)
        self.linear = nn.Linear(1, 1)
        self.activation = nn.ReLU()

    def forward(self, x):
        out = self.linear(x)
        out = self.activation(out)
        return out


class DummyResidual(nn.Module):
    def __init__(self):
        super(DummyResidual, self).__init__()  # noqa: UP008  (as the book)
        self.linear = nn.Linear(1, 1)
        self.activation = nn.ReLU()

    def forward(self, x):
        identity = x
        out = self.linear(x)
        out = self.activation(out)
        out = out + identity
        return out


for cls in (Dummy, DummyResidual):
    torch.manual_seed(555)
    dummy_model = cls()
    dummy_loss_fn = nn.MSELoss()
    dummy_optimizer = optim.SGD(dummy_model.parameters(), lr=0.1)
    dummy_sbs = StepByStep(dummy_model, dummy_loss_fn, dummy_optimizer)
    dummy_sbs.set_loaders(dummy_loader)
    dummy_sbs.train(10)
    print(
        np.concatenate(
            [dummy_points[:5].numpy(), dummy_sbs.predict(dummy_points)[:5]], axis=1
        ).round(4)
    )
    print(dummy_model.state_dict())
print(dummy_points.max())


class ResidualBlock(nn.Module):
    def __init__(self, in_channels, out_channels, stride=1, skip=True):
        super(ResidualBlock, self).__init__()  # noqa: UP008  (as the book)
        self.skip = skip
        self.conv1 = nn.Conv2d(
            in_channels, out_channels, kernel_size=3, padding=1, stride=stride, bias=False
        )
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(out_channels, out_channels, kernel_size=3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_channels)
        self.downsample = None
        if out_channels != in_channels:
            self.downsample = nn.Conv2d(in_channels, out_channels, kernel_size=1, stride=stride)

    def forward(self, x):
        identity = x
        # First "layer"
        out = self.conv1(x)
        out = self.bn1(out)
        out = self.relu(out)
        # Second "layer"
        out = self.conv2(out)
        out = self.bn2(out)
        # What is that?!
        if self.skip:
            if self.downsample is not None:
                identity = self.downsample(identity)
            out += identity
        out = self.relu(out)
        return out


seed = 14
torch.manual_seed(seed)
skip_block = ResidualBlock(3, 3)
skip_image = skip_block(image)
torch.manual_seed(seed)
noskip_image = ResidualBlock(3, 3, skip=False)(image)
print(skip_image.grad_fn, noskip_image.grad_fn)
skip_image.sum().backward()
check("residual block", [skip_image, noskip_image])
check("residual conv1 grad", skip_block.conv1.weight.grad)
torch.manual_seed(seed)
down_block = ResidualBlock(3, 6, stride=2)
print(down_block(image).shape, down_block.downsample)


# a "pretrained" feature extractor, frozen, with a new head (the book: AlexNet / ResNet18)
def freeze_model(model):
    for parameter in model.parameters():
        parameter.requires_grad = False


torch.manual_seed(11)
backbone = nn.Sequential(
    nn.Conv2d(3, 4, kernel_size=3, padding=1),
    nn.BatchNorm2d(4),
    nn.ReLU(),
    nn.AdaptiveAvgPool2d((2, 2)),
    nn.Flatten(),
)
backbone.add_module("fc", nn.Linear(16, 10))
freeze_model(backbone)
torch.manual_seed(11)
backbone.fc = nn.Linear(16, 3)
for name, param in backbone.named_parameters():
    if param.requires_grad:
        print(name)
backbone.fc = nn.Identity()
print(backbone)


def preprocessed_dataset(model, loader, device=None):
    if device is None:
        device = next(model.parameters()).device
    features = None
    labels = None
    for i, (x, y) in enumerate(loader):
        model.eval()
        x = x.to(device)
        output = model(x)
        if i == 0:
            features = output.detach().cpu()
            labels = y.cpu()
        else:
            features = torch.cat([features, output.detach().cpu()])
            labels = torch.cat([labels, y.cpu()])
    dataset = TensorDataset(features, labels)
    return dataset


train_preproc = preprocessed_dataset(backbone, train_loader)
val_preproc = preprocessed_dataset(backbone, val_loader)
print(train_preproc.tensors[0].shape, train_preproc.tensors[0].requires_grad)
train_preproc_loader = DataLoader(train_preproc, batch_size=16, shuffle=True)
val_preproc_loader = DataLoader(val_preproc, batch_size=16)
torch.manual_seed(17)
top_model = nn.Sequential(nn.Linear(16, 3))
multi_loss_fn = nn.CrossEntropyLoss(reduction="mean")
optimizer_top = optim.Adam(top_model.parameters(), lr=3e-4)
sbs_top = StepByStep(top_model, multi_loss_fn, optimizer_top)
sbs_top.set_loaders(train_preproc_loader, val_preproc_loader)
sbs_top.train(3)
check("top model", [sbs_top.losses, sbs_top.val_losses])
backbone.fc = top_model
sbs_full = StepByStep(backbone, multi_loss_fn, None)
print(StepByStep.loader_apply(val_loader, sbs_full.correct))
