# Dive into Deep Learning 4.10 "实战Kaggle比赛：预测房价" / "Predicting House Prices on Kaggle":
# https://zh.d2l.ai/chapter_multilayer-perceptrons/kaggle-house-price.html
# (https://d2l.ai/chapter_multilayer-perceptrons/kaggle-house-price.html): standardised
# features, a linear net, log_rmse with torch.clamp(..., 1, float('inf')), Adam with
# weight_decay, K-fold cross-validation with torch.cat of the folds, the final prediction.
# The Kaggle CSV (read with pandas) is replaced by seeded numpy features and prices (numeric
# columns standardised and NaN-filled as the book does, one categorical column one-hot); 10
# epochs instead of 100.
import numpy as np

rs = np.random.RandomState(0)
n_train, n_test = 80, 20
numeric = rs.rand(n_train + n_test, 5) * np.array([100, 10, 2000, 5, 50])
numeric[rs.rand(*numeric.shape) < 0.05] = np.nan
category = rs.randint(0, 3, n_train + n_test)
prices = np.exp(11 + 0.3 * np.nan_to_num(numeric[:n_train, 0]) / 100 + 0.1 * rs.randn(n_train))
mean, std = np.nanmean(numeric, axis=0), np.nanstd(numeric, axis=0, ddof=1)
numeric = (numeric - mean) / std
numeric = np.nan_to_num(numeric, nan=0.0)
all_features = np.concatenate([numeric, np.eye(3)[category]], axis=1)
print(all_features.shape)
train_features = torch.tensor(all_features[:n_train], dtype=torch.float32)
test_features = torch.tensor(all_features[n_train:], dtype=torch.float32)
train_labels = torch.tensor(prices.reshape(-1, 1), dtype=torch.float32)
print(train_features.dtype, train_labels[:3])

loss = nn.MSELoss()
in_features = train_features.shape[1]


def get_net():
    net = nn.Sequential(nn.Linear(in_features, 1))
    return net


def log_rmse(net, features, labels):
    clipped_preds = torch.clamp(net(features), 1, float("inf"))
    rmse = torch.sqrt(loss(torch.log(clipped_preds), torch.log(labels)))
    return rmse.item()


def load_array(data_arrays, batch_size, is_train=True):
    dataset = torch.utils.data.TensorDataset(*data_arrays)
    return torch.utils.data.DataLoader(dataset, batch_size, shuffle=is_train)


def train(
    net,
    train_features,
    train_labels,
    test_features,
    test_labels,
    num_epochs,
    learning_rate,
    weight_decay,
    batch_size,
):
    train_ls, test_ls = [], []
    train_iter = load_array((train_features, train_labels), batch_size)
    optimizer = torch.optim.Adam(net.parameters(), lr=learning_rate, weight_decay=weight_decay)
    for epoch in range(num_epochs):
        for X, y in train_iter:
            optimizer.zero_grad()
            l = loss(net(X), y)
            l.backward()
            optimizer.step()
        train_ls.append(log_rmse(net, train_features, train_labels))
        if test_labels is not None:
            test_ls.append(log_rmse(net, test_features, test_labels))
    return train_ls, test_ls


def get_k_fold_data(k, i, X, y):
    assert k > 1
    fold_size = X.shape[0] // k
    X_train, y_train = None, None
    for j in range(k):
        idx = slice(j * fold_size, (j + 1) * fold_size)
        X_part, y_part = X[idx, :], y[idx]
        if j == i:
            X_valid, y_valid = X_part, y_part
        elif X_train is None:
            X_train, y_train = X_part, y_part
        else:
            X_train = torch.cat([X_train, X_part], 0)
            y_train = torch.cat([y_train, y_part], 0)
    return X_train, y_train, X_valid, y_valid


folds = []


def k_fold(k, X_train, y_train, num_epochs, learning_rate, weight_decay, batch_size):
    train_l_sum, valid_l_sum = 0, 0
    for i in range(k):
        data = get_k_fold_data(k, i, X_train, y_train)
        net = get_net()
        train_ls, valid_ls = train(net, *data, num_epochs, learning_rate, weight_decay, batch_size)
        train_l_sum += train_ls[-1]
        valid_l_sum += valid_ls[-1]
        folds.append((train_ls, valid_ls))
        print(f"折{i + 1}", [t.shape for t in data])
    return train_l_sum / k, valid_l_sum / k


torch.manual_seed(0)
k, num_epochs, lr, weight_decay, batch_size = 5, 10, 5, 0, 16
train_l, valid_l = k_fold(k, train_features, train_labels, num_epochs, lr, weight_decay, batch_size)
check("k-fold", [train_l, valid_l])
check("folds", folds)


def train_and_pred(
    train_features, test_features, train_labels, num_epochs, lr, weight_decay, batch_size
):
    net = get_net()
    train_ls, _ = train(
        net, train_features, train_labels, None, None, num_epochs, lr, weight_decay, batch_size
    )
    check("final train log rmse", train_ls)
    preds = net(test_features).detach().numpy()
    return preds.reshape(1, -1)[0]


preds = train_and_pred(train_features, test_features, train_labels, num_epochs, lr, 0.1, batch_size)
check("predictions", preds)
print(preds.dtype, preds.shape)
print(torch.clamp(torch.tensor([-1.0, 0.5, 3.0]), 1, float("inf")), torch.log(torch.tensor(0.0)))
