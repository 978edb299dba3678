# Stevens, Antiga, Viehmann, "Deep Learning with PyTorch" (Manning), the book's notebooks
# (github.com/deep-learning-with-pytorch/dlwpt-code) on synthetic data:
# p1ch3 tensors (indexing, float(points[0]), grayscale weights with unsqueeze_ and einsum, dtypes
# and mixed-dtype products, transpose / t() strides, storage(), writing through storage,
# storage_offset, is_contiguous, contiguous, numpy round trip, torch.save / torch.load to a file);
# p1ch4 tabular / time series / text (scatter_ one-hot, masks and fancy indexing, torch.var / std,
# '{:6.2f}'.format of 0-d tensors, torch.lt, view(-1, 24, n) of a day series, one-hot weather,
# normalisation, letter and word one-hots); p1ch5 (hand-written gradient descent with grad_fn
# and dloss_fn, the diverging run that reaches inf, normalised inputs, autograd with
# params.grad.zero_(), SGD / Adam, randperm train / validation split); p1ch6 (nn.Linear on (N, 1),
# Sequential with an OrderedDict, named_parameters, the hidden layer's grad); p1ch8 (CIFAR-style
# Net with Tanh / max_pool, its functional version, L2 regularisation by hand, Dropout2d, BatchNorm2d,
# NetRes, ResBlock with kaiming_normal_(nonlinearity='relu') / constant_ / zeros_, and NetResDeep whose
# Sequential repeats one block object n_blocks times).
# https://github.com/deep-learning-with-pytorch/dlwpt-code
import os
import tempfile
from collections import OrderedDict

import numpy as np

DataLoader = torch.utils.data.DataLoader
TensorDataset = torch.utils.data.TensorDataset

# ---------------- p1ch3 ----------------
a = torch.ones(3)
print(a, a[1], float(a[1]))
a[2] = 2.0
print(a)
points = torch.zeros(6)  # <1>
points[0] = 4.0  # <2>
points[1] = 1.0
points[2] = 5.0
points[3] = 3.0
points[4] = 2.0
points[5] = 1.0
points = torch.tensor([4.0, 1.0, 5.0, 3.0, 2.0, 1.0])
print(float(points[0]), float(points[1]))
points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
print(points, points.shape)
print(points[0, 1], points[0])
print(points[1:], points[1:, :], points[1:, 0], points[None])

torch.manual_seed(0)
img_t = torch.randn(3, 5, 5)  # shape [channels, rows, columns]
weights = torch.tensor([0.2126, 0.7152, 0.0722])
batch_t = torch.randn(2, 3, 5, 5)  # shape [batch, channels, rows, columns]
img_gray_naive = img_t.mean(-3)
batch_gray_naive = batch_t.mean(-3)
print(img_gray_naive.shape, batch_gray_naive.shape)
unsqueezed_weights = weights.unsqueeze(-1).unsqueeze_(-1)
img_weights = img_t * unsqueezed_weights
batch_weights = batch_t * unsqueezed_weights
img_gray_weighted = img_weights.sum(-3)
batch_gray_weighted = batch_weights.sum(-3)
print(batch_weights.shape, batch_t.shape, unsqueezed_weights.shape)
img_gray_weighted_fancy = torch.einsum("...chw,c->...hw", img_t, weights)
batch_gray_weighted_fancy = torch.einsum("...chw,c->...hw", batch_t, weights)
print(batch_gray_weighted_fancy.shape)
check("gray", img_gray_weighted[0])
check("gray_fancy", batch_gray_weighted_fancy[1, 0])

double_points = torch.ones(10, 2, dtype=torch.double)
short_points = torch.tensor([[1, 2], [3, 4]], dtype=torch.short)
print(short_points.dtype)
double_points = torch.zeros(10, 2).double()
short_points = torch.ones(10, 2).short()
double_points = torch.zeros(10, 2).to(torch.double)
short_points = torch.ones(10, 2).to(dtype=torch.short)
points_64 = torch.rand(5, dtype=torch.double)  # <1>
points_short = points_64.to(torch.short)
print(points_64 * points_short)  # works from PyTorch 1.3 onwards
check("mixed", points_64 * points_short)

a = torch.ones(3, 2)
a_t = torch.transpose(a, 0, 1)
print(a.shape, a_t.shape)
a_t = a.transpose(0, 1)
print(a.shape, a_t.shape)

points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
print(points.storage())
points_storage = points.storage()
print(points_storage[0])
print(points.storage()[1])
points_storage[0] = 2.0
print(points)
print(len(points_storage), points_storage.size(), points_storage.dtype)
print(points_storage.tolist())
a = torch.ones(3, 2)
a.zero_()
print(a)
second_point = points[1]
print(second_point.storage_offset(), second_point.size(), second_point.shape)
print(points.stride())
second_point = points[1]
print(second_point.size(), second_point.storage_offset(), second_point.stride())
second_point[0] = 10.0
print(points)
points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
second_point = points[1].clone()
second_point[0] = 10.0
print(points)
points_t = points.t()
print(points_t)
print(points.stride(), points_t.stride())
print(points.storage().data_ptr() == points_t.storage().data_ptr())
print(points.untyped_storage().data_ptr() == points_t.untyped_storage().data_ptr())
some_t = torch.ones(3, 4, 5)
transpose_t = some_t.transpose(0, 2)
print(some_t.shape, transpose_t.shape, some_t.stride(), transpose_t.stride())
print(points.is_contiguous(), points_t.is_contiguous())
points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
points_t = points.t()
points_t_cont = points_t.contiguous()
print(points_t, points_t.storage(), points_t.stride())
print(points_t_cont, points_t_cont.stride(), points_t_cont.storage())
points_np = points.numpy()
print(points_np, points_np.dtype)
points = torch.from_numpy(points_np)
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "ourpoints.t")
    torch.save(points, path)
    with open(path, "wb") as f:
        torch.save(points, f)
    points = torch.load(path)
    with open(path, "rb") as f:
        points = torch.load(f)
print(points)

# ---------------- p1ch4 ----------------
rs = np.random.RandomState(0)
wineq_numpy = np.concatenate(
    [rs.uniform(0, 15, (60, 11)).round(2), rs.randint(3, 10, (60, 1))], axis=1
).astype(np.float32)
col_list = ["fixed acidity", "volatile acidity", "citric acid", "residual sugar", "chlorides",
            "free sulfur dioxide", "total sulfur dioxide", "density", "pH", "sulphates",
            "alcohol", "quality"]  # fmt: skip
wineq = torch.from_numpy(wineq_numpy)
print(wineq.shape, wineq.dtype)
data = wineq[:, :-1]  # <1>
print(data, data.shape)
target = wineq[:, -1]  # <2>
print(target, target.shape)
target = wineq[:, -1].long()
print(target)
target_onehot = torch.zeros(target.shape[0], 10)
print(target_onehot.scatter_(1, target.unsqueeze(1), 1.0))
target_unsqueezed = target.unsqueeze(1)
print(target_unsqueezed[:3])
data_mean = torch.mean(data, dim=0)
print(data_mean)
data_var = torch.var(data, dim=0)
print(data_var)
data_normalized = (data - data_mean) / torch.sqrt(data_var)
print(data_normalized[:2])
bad_indexes = target <= 3  # <1>
print(bad_indexes.shape, bad_indexes.dtype, bad_indexes.sum())
bad_data = data[bad_indexes]
print(bad_data.shape)
bad_data = data[target <= 3]
mid_data = data[(target > 3) & (target < 7)]  # <1>
good_data = data[target >= 7]
bad_mean = torch.mean(bad_data, dim=0)
mid_mean = torch.mean(mid_data, dim=0)
good_mean = torch.mean(good_data, dim=0)
for i, args in enumerate(zip(col_list, bad_mean, mid_mean, good_mean)):
    print("{:2} {:20} {:6.2f} {:6.2f} {:6.2f}".format(i, *args))
total_sulfur_threshold = 7.5
total_sulfur_data = data[:, 6]
predicted_indexes = torch.lt(total_sulfur_data, total_sulfur_threshold)
print(predicted_indexes.shape, predicted_indexes.dtype, predicted_indexes.sum())
actual_indexes = target > 5
print(actual_indexes.shape, actual_indexes.dtype, actual_indexes.sum())
n_matches = torch.sum(actual_indexes & predicted_indexes).item()
n_predicted = torch.sum(predicted_indexes).item()
n_actual = torch.sum(actual_indexes).item()
print(n_matches, n_matches / n_predicted, n_matches / n_actual)

hours = np.arange(24 * 5)
bikes_numpy = np.stack(
    [hours, hours // 24 + 1, hours % 24, rs.randint(1, 5, hours.size), np.sin(hours * 0.3) * 10 + 15,
     rs.randint(0, 300, hours.size)], axis=1
).astype(np.float32)  # fmt: skip
bikes = torch.from_numpy(bikes_numpy)
print(bikes.shape, bikes.stride())
daily_bikes = bikes.view(-1, 24, bikes.shape[1])
print(daily_bikes.shape, daily_bikes.stride())
daily_bikes = daily_bikes.transpose(1, 2)
print(daily_bikes.shape, daily_bikes.stride())
first_day = bikes[:24].long()
weather_onehot = torch.zeros(first_day.shape[0], 4)
print(first_day[:, 3])
weather_onehot.scatter_(dim=1, index=first_day[:, 3].unsqueeze(1).long() - 1, value=1.0)
print(torch.cat((bikes[:24], weather_onehot), 1)[:1])
daily_weather_onehot = torch.zeros(daily_bikes.shape[0], 4, daily_bikes.shape[2])
print(daily_weather_onehot.shape)
daily_weather_onehot.scatter_(1, daily_bikes[:, 3, :].long().unsqueeze(1) - 1, 1.0)
print(daily_weather_onehot.shape)
daily_bikes = torch.cat((daily_bikes, daily_weather_onehot), dim=1)
daily_bikes[:, 3, :] = (daily_bikes[:, 3, :] - 1.0) / 3.0
temp = daily_bikes[:, 4, :]
temp_min = torch.min(temp)
temp_max = torch.max(temp)
daily_bikes[:, 4, :] = (daily_bikes[:, 4, :] - temp_min) / (temp_max - temp_min)
temp = daily_bikes[:, 4, :]
daily_bikes[:, 4, :] = (daily_bikes[:, 4, :] - torch.mean(temp)) / torch.std(temp)
check("daily_bikes", daily_bikes[0, :, :3])

text = "Impossible, Mr. Bennet, impossible, when I am not acquainted with him"
lines = [text, "Mr. Bennet was so odd a mixture of quick parts, sarcastic humour"]
line = lines[0]
letter_t = torch.zeros(len(line), 128)  # <1>
print(letter_t.shape)
for i, letter in enumerate(line.lower().strip()):
    letter_index = ord(letter) if ord(letter) < 128 else 0  # <1>
    letter_t[i][letter_index] = 1
check("letter_t", letter_t.nonzero()[:8])


def clean_words(input_str):
    punctuation = '.,;:"!?”“_-'
    word_list = input_str.lower().replace("\n", " ").split()
    word_list = [word.strip(punctuation) for word in word_list]
    return word_list


words_in_line = clean_words(line)
print(line, words_in_line)
word_list = sorted(set(clean_words(" ".join(lines))))
word2index_dict = {word: i for (i, word) in enumerate(word_list)}
print(len(word2index_dict), word2index_dict["impossible"])
word_t = torch.zeros(len(words_in_line), len(word2index_dict))
for i, word in enumerate(words_in_line):
    word_index = word2index_dict[word]
    word_t[i][word_index] = 1
    print("{:2} {:4} {}".format(i, word_index, word))
print(word_t.shape)

# ---------------- p1ch5 ----------------
t_c = [0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0]
t_u = [35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]
t_c = torch.tensor(t_c)
t_u = torch.tensor(t_u)


def model(t_u, w, b):
    return w * t_u + b


def loss_fn(t_p, t_c):
    squared_diffs = (t_p - t_c) ** 2
    return squared_diffs.mean()


w = torch.ones(())
b = torch.zeros(())
t_p = model(t_u, w, b)
print(t_p)
loss = loss_fn(t_p, t_c)
print(loss)
x = torch.ones(())
y = torch.ones(3, 1)
z = torch.ones(1, 3)
a = torch.ones(2, 1, 1)
print(f"shapes: x: {x.shape}, y: {y.shape}")
print(f"        z: {z.shape}, a: {a.shape}")
print("x * y:", (x * y).shape)
print("y * z:", (y * z).shape)
print("y * z * a:", (y * z * a).shape)
delta = 0.1
loss_rate_of_change_w = (
    loss_fn(model(t_u, w + delta, b), t_c) - loss_fn(model(t_u, w - delta, b), t_c)
) / (2.0 * delta)
learning_rate = 1e-2
w = w - learning_rate * loss_rate_of_change_w
loss_rate_of_change_b = (
    loss_fn(model(t_u, w, b + delta), t_c) - loss_fn(model(t_u, w, b - delta), t_c)
) / (2.0 * delta)
b = b - learning_rate * loss_rate_of_change_b
check("wb", [w, b])


def dloss_fn(t_p, t_c):
    dsq_diffs = 2 * (t_p - t_c) / t_p.size(0)  # <1>
    return dsq_diffs


def dmodel_dw(t_u, w, b):
    return t_u


def dmodel_db(t_u, w, b):
    return 1.0


def grad_fn(t_u, t_c, t_p, w, b):
    dloss_dtp = dloss_fn(t_p, t_c)
    dloss_dw = dloss_dtp * dmodel_dw(t_u, w, b)
    dloss_db = dloss_dtp * dmodel_db(t_u, w, b)
    return torch.stack([dloss_dw.sum(), dloss_db.sum()])  # <1>


def training_loop(n_epochs, learning_rate, params, t_u, t_c, print_params=True):
    for epoch in range(1, n_epochs + 1):
        w, b = params
        t_p = model(t_u, w, b)  # <1>
        loss = loss_fn(t_p, t_c)
        grad = grad_fn(t_u, t_c, t_p, w, b)  # <2>
        params = params - learning_rate * grad
        if epoch in {1, 2, 3, 10, 11, 99, 100, 4000, 5000}:  # <3>
            print("Epoch %d, Loss %f" % (epoch, float(loss)))
            if print_params:
                print("    Params:", params)
                print("    Grad:  ", grad)
        if epoch in {4, 12, 101}:
            print("...")
        if not torch.isfinite(loss).all():
            break  # <3>
    return params


training_loop(n_epochs=100, learning_rate=1e-2, params=torch.tensor([1.0, 0.0]), t_u=t_u, t_c=t_c)
training_loop(n_epochs=100, learning_rate=1e-4, params=torch.tensor([1.0, 0.0]), t_u=t_u, t_c=t_c)
t_un = 0.1 * t_u
training_loop(n_epochs=100, learning_rate=1e-2, params=torch.tensor([1.0, 0.0]), t_u=t_un, t_c=t_c)
params = training_loop(
    n_epochs=1500,
    learning_rate=1e-2,
    params=torch.tensor([1.0, 0.0]),
    t_u=t_un,
    t_c=t_c,
    print_params=False,
)
print(params)
check("params_by_hand", params)

params = torch.tensor([1.0, 0.0], requires_grad=True)
print(params.grad is None)
loss = loss_fn(model(t_u, *params), t_c)
loss.backward()
print(params.grad)
if params.grad is not None:
    params.grad.zero_()


def training_loop_autograd(n_epochs, learning_rate, params, t_u, t_c):
    for epoch in range(1, n_epochs + 1):
        if params.grad is not None:  # <1>
            params.grad.zero_()
        t_p = model(t_u, *params)
        loss = loss_fn(t_p, t_c)
        loss.backward()
        with torch.no_grad():  # <2>
            params -= learning_rate * params.grad
        if epoch % 500 == 0:
            print("Epoch %d, Loss %f" % (epoch, float(loss)))
    return params


print(training_loop_autograd(n_epochs=500, learning_rate=1e-2, params=torch.tensor([1.0, 0.0], requires_grad=True), t_u=t_un, t_c=t_c))  # fmt: skip
params = torch.tensor([1.0, 0.0], requires_grad=True)
learning_rate = 1e-5
optimizer = optim.SGD([params], lr=learning_rate)
t_p = model(t_u, *params)
loss = loss_fn(t_p, t_c)
loss.backward()
optimizer.step()
print(params)
params = torch.tensor([1.0, 0.0], requires_grad=True)
learning_rate = 1e-2
optimizer = optim.SGD([params], lr=learning_rate)
t_p = model(t_un, *params)
loss = loss_fn(t_p, t_c)
optimizer.zero_grad()  # <1>
loss.backward()
optimizer.step()
print(params)


def training_loop_opt(n_epochs, optimizer, params, t_u, t_c):
    for epoch in range(1, n_epochs + 1):
        t_p = model(t_u, *params)
        loss = loss_fn(t_p, t_c)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if epoch % 500 == 0:
            print("Epoch %d, Loss %f" % (epoch, float(loss)))
    return params


params = torch.tensor([1.0, 0.0], requires_grad=True)
learning_rate = 1e-1
optimizer = optim.Adam([params], lr=learning_rate)  # <1>
print(training_loop_opt(n_epochs=500, optimizer=optimizer, params=params, t_u=t_u, t_c=t_c))  # <2>

torch.manual_seed(1)
n_samples = t_u.shape[0]
n_val = int(0.2 * n_samples)
shuffled_indices = torch.randperm(n_samples)
train_indices = shuffled_indices[:-n_val]
val_indices = shuffled_indices[-n_val:]
print(train_indices, val_indices)
train_t_u = t_u[train_indices]
train_t_c = t_c[train_indices]
val_t_u = t_u[val_indices]
val_t_c = t_c[val_indices]
train_t_un = 0.1 * train_t_u
val_t_un = 0.1 * val_t_u


def training_loop_val(n_epochs, optimizer, params, train_t_u, val_t_u, train_t_c, val_t_c):
    for epoch in range(1, n_epochs + 1):
        train_t_p = model(train_t_u, *params)  # <1>
        train_loss = loss_fn(train_t_p, train_t_c)
        with torch.no_grad():  # <1>
            val_t_p = model(val_t_u, *params)
            val_loss = loss_fn(val_t_p, val_t_c)
            assert val_loss.requires_grad == False  # <2>  # noqa: E712
        optimizer.zero_grad()
        train_loss.backward()
        optimizer.step()
        if epoch <= 3 or epoch % 500 == 0:
            print(
                f"Epoch {epoch}, Training loss {train_loss.item():.4f}, Validation loss {val_loss.item():.4f}"
            )
    return params


params = torch.tensor([1.0, 0.0], requires_grad=True)
learning_rate = 1e-2
optimizer = optim.SGD([params], lr=learning_rate)
print(training_loop_val(500, optimizer, params, train_t_un, val_t_un, train_t_c, val_t_c))

# ---------------- p1ch6 ----------------
t_c = torch.tensor([0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0]).unsqueeze(
    1
)  # <1>
t_u = torch.tensor([35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]).unsqueeze(
    1
)  # <1>
print(t_u.shape)
train_t_u = t_u[train_indices]
train_t_c = t_c[train_indices]
val_t_u = t_u[val_indices]
val_t_c = t_c[val_indices]
t_un_train = 0.1 * train_t_u
t_un_val = 0.1 * val_t_u
torch.manual_seed(42)
linear_model = nn.Linear(1, 1)  # <1>
print(linear_model(t_un_val))
print(linear_model.weight, linear_model.bias)
x = torch.ones(1)
print(linear_model(x))
x = torch.ones(10, 1)
print(linear_model(x))
optimizer = optim.SGD(linear_model.parameters(), lr=1e-2)  # <2>
print(list(linear_model.parameters()))


def training_loop_nn(n_epochs, optimizer, model, loss_fn, t_u_train, t_u_val, t_c_train, t_c_val):
    for epoch in range(1, n_epochs + 1):
        t_p_train = model(t_u_train)  # <1>
        loss_train = loss_fn(t_p_train, t_c_train)
        t_p_val = model(t_u_val)  # <1>
        loss_val = loss_fn(t_p_val, t_c_val)
        optimizer.zero_grad()
        loss_train.backward()  # <2>
        optimizer.step()
        if epoch == 1 or epoch % 500 == 0:
            print(
                f"Epoch {epoch}, Training loss {loss_train.item():.4f}, Validation loss {loss_val.item():.4f}"
            )


def loss_fn(t_p, t_c):
    squared_diffs = (t_p - t_c) ** 2
    return squared_diffs.mean()


linear_model = nn.Linear(1, 1)  # <1>
optimizer = optim.SGD(linear_model.parameters(), lr=1e-2)
training_loop_nn(500, optimizer, linear_model, loss_fn, t_un_train, t_un_val, train_t_c, val_t_c)
print()
print(linear_model.weight)
print(linear_model.bias)
linear_model = nn.Linear(1, 1)
optimizer = optim.SGD(linear_model.parameters(), lr=1e-2)
training_loop_nn(
    500, optimizer, linear_model, nn.MSELoss(), t_un_train, t_un_val, train_t_c, val_t_c
)
print()
print(linear_model.weight)
print(linear_model.bias)
seq_model = nn.Sequential(nn.Linear(1, 13), nn.Tanh(), nn.Linear(13, 1))  # <1>  # <2>
print(seq_model)
print([param.shape for param in seq_model.parameters()])
for name, param in seq_model.named_parameters():
    print(name, param.shape)
seq_model = nn.Sequential(
    OrderedDict(
        [
            ("hidden_linear", nn.Linear(1, 8)),
            ("hidden_activation", nn.Tanh()),
            ("output_linear", nn.Linear(8, 1)),
        ]
    )
)
print(seq_model)
for name, param in seq_model.named_parameters():
    print(name, param.shape)
print(seq_model.output_linear.bias)
optimizer = optim.SGD(seq_model.parameters(), lr=1e-3)  # <1>
# (500 epochs: from about 1000 on this run oscillates and float32 noise of the 8 -> 1 layer's
# gemv and of the bias gradients' sums grows to the 2nd decimal)
training_loop_nn(500, optimizer, seq_model, nn.MSELoss(), t_un_train, t_un_val, train_t_c, val_t_c)
print("output", seq_model(t_un_val))
print("answer", val_t_c)
print("hidden", seq_model.hidden_linear.weight.grad)


# ---------------- p1ch8 ----------------
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, kernel_size=3, padding=1)
        self.act1 = nn.Tanh()
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(16, 8, kernel_size=3, padding=1)
        self.act2 = nn.Tanh()
        self.pool2 = nn.MaxPool2d(2)
        self.fc1 = nn.Linear(8 * 4 * 4, 32)
        self.act3 = nn.Tanh()
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = self.pool1(self.act1(self.conv1(x)))
        out = self.pool2(self.act2(self.conv2(out)))
        out = out.view(-1, 8 * 4 * 4)  # <1>
        out = self.act3(self.fc1(out))
        out = self.fc2(out)
        return out


class NetFunctional(nn.Module):
    def __init__(self, n_chans1=16):
        super().__init__()
        self.n_chans1 = n_chans1
        self.conv1 = nn.Conv2d(3, n_chans1, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(n_chans1, n_chans1 // 2, kernel_size=3, padding=1)
        self.fc1 = nn.Linear(4 * 4 * n_chans1 // 2, 32)
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = F.max_pool2d(torch.tanh(self.conv1(x)), 2)
        out = F.max_pool2d(torch.tanh(self.conv2(out)), 2)
        out = out.view(-1, 4 * 4 * self.n_chans1 // 2)
        out = torch.tanh(self.fc1(out))
        out = self.fc2(out)
        return out


class NetDropout(nn.Module):
    def __init__(self, n_chans1=16):
        super().__init__()
        self.n_chans1 = n_chans1
        self.conv1 = nn.Conv2d(3, n_chans1, kernel_size=3, padding=1)
        self.conv1_dropout = nn.Dropout2d(p=0.4)
        self.conv2 = nn.Conv2d(n_chans1, n_chans1 // 2, kernel_size=3, padding=1)
        self.conv2_dropout = nn.Dropout2d(p=0.4)
        self.fc1 = nn.Linear(4 * 4 * n_chans1 // 2, 32)
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = F.max_pool2d(torch.tanh(self.conv1(x)), 2)
        out = self.conv1_dropout(out)
        out = F.max_pool2d(torch.tanh(self.conv2(out)), 2)
        out = self.conv2_dropout(out)
        out = out.view(-1, 4 * 4 * self.n_chans1 // 2)
        out = torch.tanh(self.fc1(out))
        out = self.fc2(out)
        return out


class NetBatchNorm(nn.Module):
    def __init__(self, n_chans1=16):
        super().__init__()
        self.n_chans1 = n_chans1
        self.conv1 = nn.Conv2d(3, n_chans1, kernel_size=3, padding=1)
        self.conv1_batchnorm = nn.BatchNorm2d(num_features=n_chans1)
        self.conv2 = nn.Conv2d(n_chans1, n_chans1 // 2, kernel_size=3, padding=1)
        self.conv2_batchnorm = nn.BatchNorm2d(num_features=n_chans1 // 2)
        self.fc1 = nn.Linear(4 * 4 * n_chans1 // 2, 32)
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = self.conv1_batchnorm(self.conv1(x))
        out = F.max_pool2d(torch.tanh(out), 2)
        out = self.conv2_batchnorm(self.conv2(out))
        out = F.max_pool2d(torch.tanh(out), 2)
        out = out.view(-1, 4 * 4 * self.n_chans1 // 2)
        out = torch.tanh(self.fc1(out))
        out = self.fc2(out)
        return out


class NetRes(nn.Module):
    def __init__(self, n_chans1=8):
        super().__init__()
        self.n_chans1 = n_chans1
        self.conv1 = nn.Conv2d(3, n_chans1, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(n_chans1, n_chans1 // 2, kernel_size=3, padding=1)
        self.conv3 = nn.Conv2d(n_chans1 // 2, n_chans1 // 2, kernel_size=3, padding=1)
        self.fc1 = nn.Linear(2 * 2 * n_chans1 // 2, 32)
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = F.max_pool2d(torch.relu(self.conv1(x)), 2)
        out = F.max_pool2d(torch.relu(self.conv2(out)), 2)
        out1 = out
        out = F.max_pool2d(torch.relu(self.conv3(out)) + out1, 2)
        out = out.view(-1, 2 * 2 * self.n_chans1 // 2)
        out = torch.relu(self.fc1(out))
        out = self.fc2(out)
        return out


class ResBlock(nn.Module):
    def __init__(self, n_chans):
        super().__init__()
        self.conv = nn.Conv2d(n_chans, n_chans, kernel_size=3, padding=1, bias=False)  # <1>
        self.batch_norm = nn.BatchNorm2d(num_features=n_chans)
        torch.nn.init.kaiming_normal_(self.conv.weight, nonlinearity="relu")  # <2>
        torch.nn.init.constant_(self.batch_norm.weight, 0.5)
        torch.nn.init.zeros_(self.batch_norm.bias)

    def forward(self, x):
        out = self.conv(x)
        out = self.batch_norm(out)
        out = torch.relu(out)
        return out + x


class NetResDeep(nn.Module):
    def __init__(self, n_chans1=8, n_blocks=10):
        super().__init__()
        self.n_chans1 = n_chans1
        self.conv1 = nn.Conv2d(3, n_chans1, kernel_size=3, padding=1)
        self.resblocks = nn.Sequential(*(n_blocks * [ResBlock(n_chans=n_chans1)]))
        self.fc1 = nn.Linear(4 * 4 * n_chans1, 32)
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = F.max_pool2d(torch.relu(self.conv1(x)), 2)
        out = self.resblocks(out)
        out = F.max_pool2d(out, 2)
        out = out.view(-1, 4 * 4 * self.n_chans1)
        out = torch.relu(self.fc1(out))
        out = self.fc2(out)
        return out


torch.manual_seed(123)
cifar2_x = torch.randn(24, 3, 16, 16)
cifar2_y = torch.randint(0, 2, (24,))
cifar2_x[cifar2_y == 1, 0] += 0.5
train_loader = DataLoader(TensorDataset(cifar2_x[:16], cifar2_y[:16]), batch_size=8, shuffle=True)
val_loader = DataLoader(TensorDataset(cifar2_x[16:], cifar2_y[16:]), batch_size=8, shuffle=False)


def training_loop_cnn(n_epochs, optimizer, model, loss_fn, train_loader, l2=False):
    for epoch in range(1, n_epochs + 1):  # <2>
        loss_train = 0.0
        for imgs, labels in train_loader:  # <3>
            outputs = model(imgs)  # <4>
            loss = loss_fn(outputs, labels)  # <5>
            if l2:
                l2_lambda = 0.001
                l2_norm = sum(p.pow(2.0).sum() for p in model.parameters())  # <1>
                loss = loss + l2_lambda * l2_norm
            optimizer.zero_grad()  # <6>
            loss.backward()  # <7>
            optimizer.step()  # <8>
            loss_train += loss.item()  # <9>
        if epoch == 1 or epoch % 2 == 0:
            print(
                "Epoch {}, Training loss {:.4f}".format(epoch, loss_train / len(train_loader))
            )  # <10>
    return loss_train / len(train_loader)


def validate(model, train_loader, val_loader):
    accdict = {}
    for name, loader in [("train", train_loader), ("val", val_loader)]:
        correct = 0
        total = 0
        with torch.no_grad():  # <1>
            for imgs, labels in loader:
                outputs = model(imgs)
                _, predicted = torch.max(outputs, dim=1)  # <2>
                total += labels.shape[0]  # <3>
                correct += int((predicted == labels).sum())  # <4>
        print("Accuracy {}: {:.2f}".format(name, correct / total))
        accdict[name] = correct / total
    return accdict


all_acc_dict = {}
for name, cls, kw in [
    ("baseline", Net, {}),
    ("width", NetFunctional, {}),
    ("l2 reg", NetFunctional, {"l2": True}),
    ("dropout", NetDropout, {}),
    ("batch_norm", NetBatchNorm, {}),
    ("res", NetRes, {}),
    ("res deep", NetResDeep, {}),
]:
    torch.manual_seed(0)
    model = cls()
    if name == "baseline":
        numel_list = [p.numel() for p in model.parameters()]
        print(sum(numel_list), numel_list)
    if name == "res deep":
        print(model.resblocks[0] is model.resblocks[9], len(list(model.parameters())))
    optimizer = optim.SGD(model.parameters(), lr=1e-2)
    loss_fn = nn.CrossEntropyLoss()
    final = training_loop_cnn(4, optimizer, model, loss_fn, train_loader, **kw)
    check(f"cnn_loss_{name}", final)
    model.eval()
    all_acc_dict[name] = validate(model, train_loader, val_loader)
print(all_acc_dict)
check("resblock_bn", model.resblocks[0].batch_norm.running_mean)
