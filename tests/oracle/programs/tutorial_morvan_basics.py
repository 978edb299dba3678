# MorvanZhou (莫烦Python) "PyTorch-Tutorial", tutorial-contents 201-306:
# https://github.com/MorvanZhou/PyTorch-Tutorial/tree/master/tutorial-contents
# 201 torch vs numpy, 202 Variable, 203 activations, 301 regression, 302 classification
# (torch.normal clusters, .type(torch.LongTensor)), 303 two ways to build a net, 304 save /
# reload (whole net and state_dict, in a temporary folder), 305 mini-batch DataLoader, 306 SGD /
# Momentum / RMSprop / Adam on one task. Plots left out, fewer steps, printed numbers instead.
import os
import tempfile

import numpy as np

Data = torch.utils.data
Variable = torch.autograd.Variable

# 201_torch_numpy
np_data = np.arange(6).reshape((2, 3))
torch_data = torch.from_numpy(np_data)
tensor2array = torch_data.numpy()
print(
    "\nnumpy array:",
    np_data,
    "\ntorch tensor:",
    torch_data,
    "\ntensor to array:",
    tensor2array,
)
data = [-1, -2, 1, 2]
tensor = torch.FloatTensor(data)
print("\nabs", "\nnumpy: ", np.abs(data), "\ntorch: ", torch.abs(tensor))
print("\nsin", "\nnumpy: ", np.sin(data), "\ntorch: ", torch.sin(tensor))
print("\nmean", "\nnumpy: ", np.mean(data), "\ntorch: ", torch.mean(tensor))
data = [[1, 2], [3, 4]]
tensor = torch.FloatTensor(data)
print(
    "\nmatrix multiplication (matmul)",
    "\nnumpy: ",
    np.matmul(data, data),
    "\ntorch: ",
    torch.mm(tensor, tensor),
)
data = np.array(data)
print("\nmatrix multiplication (dot)", "\nnumpy: ", data.dot(data))
# the old tutorial's tensor.dot(tensor) on 2-d tensors (it flattened them): now an error
raises("dot of 2-d tensors", lambda: tensor.dot(tensor))
print(tensor.flatten().dot(tensor.flatten()))

# 202_variable
tensor = torch.FloatTensor([[1, 2], [3, 4]])
variable = Variable(tensor, requires_grad=True)
print(tensor)
print(variable)
t_out = torch.mean(tensor * tensor)
v_out = torch.mean(variable * variable)
print(t_out)
print(v_out)
v_out.backward()
print(variable.grad)
print(variable)
print(variable.data)
print(variable.data.numpy())
print(type(variable).__name__, variable.is_leaf, v_out.grad_fn)
check("v_out", v_out)

# 203_activation
x = torch.linspace(-5, 5, 200)
x = Variable(x)
x_np = x.data.numpy()
y_relu = torch.relu(x).data.numpy()
y_sigmoid = torch.sigmoid(x).data.numpy()
y_tanh = torch.tanh(x).data.numpy()
y_softplus = F.softplus(x).data.numpy()
check("activations", [y_relu[::20], y_sigmoid[::20], y_tanh[::20], y_softplus[::20]])
print(y_softplus.dtype, y_softplus.shape)

# 301_regression
torch.manual_seed(1)
x = torch.unsqueeze(torch.linspace(-1, 1, 100), dim=1)
y = x.pow(2) + 0.2 * torch.rand(x.size())


class Net(torch.nn.Module):
    def __init__(self, n_feature, n_hidden, n_output):
        super(Net, self).__init__()  # noqa: UP008  (as the tutorial)
        self.hidden = torch.nn.Linear(n_feature, n_hidden)
        self.predict = torch.nn.Linear(n_hidden, n_output)

    def forward(self, x):
        x = F.relu(self.hidden(x))
        x = self.predict(x)
        return x


net = Net(n_feature=1, n_hidden=10, n_output=1)
print(net)
optimizer = torch.optim.SGD(net.parameters(), lr=0.2)
loss_func = torch.nn.MSELoss()
for t in range(100):
    prediction = net(x)
    loss = loss_func(prediction, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if t % 20 == 0:
        print("Loss=%.4f" % loss.data.numpy())
check("301 prediction", prediction)

# 302_classification
torch.manual_seed(1)
n_data = torch.ones(100, 2)
x0 = torch.normal(2 * n_data, 1)
y0 = torch.zeros(100)
x1 = torch.normal(-2 * n_data, 1)
y1 = torch.ones(100)
x = torch.cat((x0, x1), 0).type(torch.FloatTensor)
y = torch.cat((y0, y1)).type(torch.LongTensor)
print(x.dtype, y.dtype, x.shape, y.shape)
check("normal clusters", x0[:5])
net = Net(n_feature=2, n_hidden=10, n_output=2)
print(net)
optimizer = torch.optim.SGD(net.parameters(), lr=0.02)
loss_func = torch.nn.CrossEntropyLoss()
for t in range(40):
    out = net(x)
    loss = loss_func(out, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if t % 4 == 0:
        prediction = torch.max(out, 1)[1]
        pred_y = prediction.data.numpy()
        target_y = y.data.numpy()
        accuracy = float((pred_y == target_y).astype(int).sum()) / float(target_y.size)
        print("Accuracy=%.2f" % accuracy, "loss=%.4f" % loss.item())
check("302 softmax", F.softmax(out[:3], dim=1))

# 303_build_nn_quickly
torch.manual_seed(1)
net1 = Net(1, 10, 1)
net2 = torch.nn.Sequential(torch.nn.Linear(1, 10), torch.nn.ReLU(), torch.nn.Linear(10, 1))
print(net1)
print(net2)
net2.load_state_dict(
    {
        "0.weight": net1.hidden.weight,
        "0.bias": net1.hidden.bias,
        "2.weight": net1.predict.weight,
        "2.bias": net1.predict.bias,
    }
)
xx = torch.linspace(-1, 1, 7).unsqueeze(1)
print(torch.equal(net1(xx), net2(xx)))

# 304_save_reload
torch.manual_seed(1)
x = torch.unsqueeze(torch.linspace(-1, 1, 100), dim=1)
y = x.pow(2) + 0.2 * torch.rand(x.size())
folder = tempfile.mkdtemp()


def save():
    net1 = torch.nn.Sequential(torch.nn.Linear(1, 10), torch.nn.ReLU(), torch.nn.Linear(10, 1))
    optimizer = torch.optim.SGD(net1.parameters(), lr=0.5)
    loss_func = torch.nn.MSELoss()
    for t in range(100):
        prediction = net1(x)
        loss = loss_func(prediction, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    torch.save(net1, os.path.join(folder, "net.pkl"))
    torch.save(net1.state_dict(), os.path.join(folder, "net_params.pkl"))
    return prediction


def restore_net():
    net2 = torch.load(os.path.join(folder, "net.pkl"), weights_only=False)
    return net2(x)


def restore_params():
    net3 = torch.nn.Sequential(torch.nn.Linear(1, 10), torch.nn.ReLU(), torch.nn.Linear(10, 1))
    net3.load_state_dict(torch.load(os.path.join(folder, "net_params.pkl")))
    return net3(x)


p1 = save()
p2 = restore_net()
p3 = restore_params()
check("304 prediction", p1)
print(torch.equal(p1, p2), torch.equal(p1, p3), p2.grad_fn.name())

# 305_batch_train
torch.manual_seed(1)
BATCH_SIZE = 5
x = torch.linspace(1, 10, 10)
y = torch.linspace(10, 1, 10)
torch_dataset = Data.TensorDataset(x, y)
loader = Data.DataLoader(dataset=torch_dataset, batch_size=BATCH_SIZE, shuffle=True, num_workers=0)
print(len(torch_dataset), len(loader), torch_dataset[3])
for epoch in range(3):
    for step, (batch_x, batch_y) in enumerate(loader):
        print(
            "Epoch: ",
            epoch,
            "| Step: ",
            step,
            "| batch x: ",
            batch_x.numpy(),
            "| batch y: ",
            batch_y.numpy(),
        )
BATCH_SIZE = 8
loader = Data.DataLoader(dataset=torch_dataset, batch_size=BATCH_SIZE, shuffle=True)
for epoch in range(2):
    for step, (batch_x, batch_y) in enumerate(loader):
        print("Epoch: ", epoch, "| Step: ", step, "| batch x: ", batch_x.numpy())

# 306_optimizer
torch.manual_seed(1)
LR = 0.01
BATCH_SIZE = 32
EPOCH = 3
x = torch.unsqueeze(torch.linspace(-1, 1, 200), dim=1)
y = x.pow(2) + 0.1 * torch.normal(torch.zeros(*x.size()))
torch_dataset = Data.TensorDataset(x, y)
loader = Data.DataLoader(dataset=torch_dataset, batch_size=BATCH_SIZE, shuffle=True)


class Net2(torch.nn.Module):
    def __init__(self):
        super(Net2, self).__init__()  # noqa: UP008  (as the tutorial)
        self.hidden = torch.nn.Linear(1, 20)
        self.predict = torch.nn.Linear(20, 1)

    def forward(self, x):
        x = F.relu(self.hidden(x))
        x = self.predict(x)
        return x


net_SGD = Net2()
net_Momentum = Net2()
net_RMSprop = Net2()
net_Adam = Net2()
nets = [net_SGD, net_Momentum, net_RMSprop, net_Adam]
opt_SGD = torch.optim.SGD(net_SGD.parameters(), lr=LR)
opt_Momentum = torch.optim.SGD(net_Momentum.parameters(), lr=LR, momentum=0.8)
opt_RMSprop = torch.optim.RMSprop(net_RMSprop.parameters(), lr=LR, alpha=0.9)
opt_Adam = torch.optim.Adam(net_Adam.parameters(), lr=LR, betas=(0.9, 0.99))
optimizers = [opt_SGD, opt_Momentum, opt_RMSprop, opt_Adam]
loss_func = torch.nn.MSELoss()
losses_his = [[], [], [], []]
for epoch in range(EPOCH):
    print("Epoch: ", epoch)
    for step, (b_x, b_y) in enumerate(loader):
        for net, opt, l_his in zip(nets, optimizers, losses_his):
            output = net(b_x)
            loss = loss_func(output, b_y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            l_his.append(loss.data.numpy())
labels = ["SGD", "Momentum", "RMSprop", "Adam"]
for i, l_his in enumerate(losses_his):
    print(labels[i], len(l_his), "%.5f" % l_his[-1])
    check("306 " + labels[i], [float(v) for v in l_his])
print(opt_Adam)
print(opt_RMSprop.state_dict()["param_groups"])
