# MorvanZhou (莫烦Python) "PyTorch-Tutorial", tutorial-contents 401-504:
# https://github.com/MorvanZhou/PyTorch-Tutorial/tree/master/tutorial-contents
# 401 CNN and 402 LSTM classifier (random 28x28 "digits" instead of MNIST), 403 RNN regressor
# (sin -> cos, hidden state carried with .data), 405 DQN's learn() (a seeded numpy memory
# instead of gym), 406 GAN, 501 dynamic graph (a different number of time steps each step),
# 503 dropout (only the eval-mode outputs and shapes of the dropout net: its masks are not
# PyTorch's numbers), 504 batch normalization (setattr layers, init.normal_ / init.constant_,
# BatchNorm1d momentum=0.5, train / eval). Fewer steps and samples; plots left out.
import numpy as np

Data = torch.utils.data
init = torch.nn.init
rs = np.random.RandomState(0)

# 401_CNN
torch.manual_seed(1)
N_TRAIN, BATCH_SIZE, LR = 40, 10, 0.001
train_x = torch.rand(N_TRAIN, 1, 28, 28)
train_y = torch.randint(0, 10, (N_TRAIN,))
test_x = torch.unsqueeze(torch.rand(12, 28, 28), dim=1).type(torch.FloatTensor)
test_y = torch.randint(0, 10, (12,))
train_loader = Data.DataLoader(
    dataset=Data.TensorDataset(train_x, train_y), batch_size=BATCH_SIZE, shuffle=True
)


class CNN(nn.Module):
    def __init__(self):
        super(CNN, self).__init__()  # noqa: UP008  (as the tutorial)
        self.conv1 = nn.Sequential(
            nn.Conv2d(in_channels=1, out_channels=4, kernel_size=5, stride=1, padding=2),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2),
        )
        self.conv2 = nn.Sequential(nn.Conv2d(4, 8, 5, 1, 2), nn.ReLU(), nn.MaxPool2d(2))
        self.out = nn.Linear(8 * 7 * 7, 10)

    def forward(self, x):
        x = self.conv1(x)
        x = self.conv2(x)
        x = x.view(x.size(0), -1)
        output = self.out(x)
        return output, x


cnn = CNN()
print(cnn)
optimizer = torch.optim.Adam(cnn.parameters(), lr=LR)
loss_func = nn.CrossEntropyLoss()
for epoch in range(2):
    for step, (b_x, b_y) in enumerate(train_loader):
        output = cnn(b_x)[0]
        loss = loss_func(output, b_y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % 2 == 0:
            test_output, last_layer = cnn(test_x)
            pred_y = torch.max(test_output, 1)[1].data.numpy()
            accuracy = float((pred_y == test_y.data.numpy()).astype(int).sum()) / float(
                test_y.size(0)
            )
            print("Epoch: ", epoch, "| train loss: %.4f" % loss.data.numpy(), last_layer.shape)
test_output, _ = cnn(test_x[:10])
pred_y = torch.max(test_output, 1)[1].data.numpy()
check("cnn test output", test_output)
check("cnn conv1 grad", cnn.conv1[0].weight.grad)

# 402_RNN_classifier
torch.manual_seed(1)
TIME_STEP = 28
INPUT_SIZE = 28


class RNN(nn.Module):
    def __init__(self):
        super(RNN, self).__init__()  # noqa: UP008  (as the tutorial)
        self.rnn = nn.LSTM(input_size=INPUT_SIZE, hidden_size=16, num_layers=1, batch_first=True)
        self.out = nn.Linear(16, 10)

    def forward(self, x):
        r_out, (h_n, h_c) = self.rnn(x, None)
        out = self.out(r_out[:, -1, :])
        return out


rnn = RNN()
print(rnn)
optimizer = torch.optim.Adam(rnn.parameters(), lr=0.01)
for step, (b_x, b_y) in enumerate(train_loader):
    b_x = b_x.view(-1, 28, 28)
    output = rnn(b_x)
    loss = loss_func(output, b_y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print("step", step, "| train loss: %.4f" % loss.data.numpy())
test_output = rnn(test_x[:10].view(-1, 28, 28))
check("lstm output", test_output)
check("lstm weight_hh grad", rnn.rnn.weight_hh_l0.grad)

# 403_RNN_regressor
torch.manual_seed(1)
TIME_STEP = 10
INPUT_SIZE = 1


class RNNReg(nn.Module):
    def __init__(self):
        super(RNNReg, self).__init__()  # noqa: UP008  (as the tutorial)
        self.rnn = nn.RNN(input_size=INPUT_SIZE, hidden_size=32, num_layers=1, batch_first=True)
        self.out = nn.Linear(32, 1)

    def forward(self, x, h_state):
        r_out, h_state = self.rnn(x, h_state)
        outs = []
        for time_step in range(r_out.size(1)):
            outs.append(self.out(r_out[:, time_step, :]))
        return torch.stack(outs, dim=1), h_state


rnn = RNNReg()
print(rnn)
optimizer = torch.optim.Adam(rnn.parameters(), lr=0.02)
loss_func = nn.MSELoss()
h_state = None
for step in range(30):
    start, end = step * np.pi, (step + 1) * np.pi
    steps = np.linspace(start, end, TIME_STEP, dtype=np.float32, endpoint=False)
    x_np = np.sin(steps)
    y_np = np.cos(steps)
    x = torch.from_numpy(x_np[np.newaxis, :, np.newaxis])
    y = torch.from_numpy(y_np[np.newaxis, :, np.newaxis])
    prediction, h_state = rnn(x, h_state)
    h_state = h_state.data
    loss = loss_func(prediction, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 5 == 0:
        print(step, "%.4f" % loss.item(), h_state.shape, h_state.requires_grad)
check("403 prediction", prediction)

# 501_why_torch_dynamic_graph
torch.manual_seed(1)
rnn = RNNReg()
optimizer = torch.optim.Adam(rnn.parameters(), lr=0.02)
h_state = None
step = 0
for i in range(12):
    dynamic_steps = rs.randint(1, 4)
    start, end = step * np.pi, (step + dynamic_steps) * np.pi
    step += dynamic_steps
    steps = np.linspace(start, end, 10 * dynamic_steps, dtype=np.float32)
    print(len(steps))
    x_np = np.sin(steps)
    y_np = np.cos(steps)
    x = torch.from_numpy(x_np[np.newaxis, :, np.newaxis])
    y = torch.from_numpy(y_np[np.newaxis, :, np.newaxis])
    prediction, h_state = rnn(x, h_state)
    h_state = h_state.data
    loss = loss_func(prediction, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
check("501 prediction", prediction)

# 405_DQN_Reinforcement_learning: the learning step
torch.manual_seed(1)
BATCH_SIZE, LR, GAMMA, TARGET_REPLACE_ITER, MEMORY_CAPACITY = 8, 0.01, 0.9, 3, 50
N_ACTIONS, N_STATES = 2, 4


class QNet(nn.Module):
    def __init__(self):
        super(QNet, self).__init__()  # noqa: UP008  (as the tutorial)
        self.fc1 = nn.Linear(N_STATES, 50)
        self.fc1.weight.data.normal_(0, 0.1)
        self.out = nn.Linear(50, N_ACTIONS)
        self.out.weight.data.normal_(0, 0.1)

    def forward(self, x):
        x = self.fc1(x)
        x = F.relu(x)
        actions_value = self.out(x)
        return actions_value


class DQN(object):  # noqa: UP004  (as the tutorial)
    def __init__(self):
        self.eval_net, self.target_net = QNet(), QNet()
        self.learn_step_counter = 0
        self.memory_counter = 0
        self.memory = np.zeros((MEMORY_CAPACITY, N_STATES * 2 + 2))
        self.optimizer = torch.optim.Adam(self.eval_net.parameters(), lr=LR)
        self.loss_func = nn.MSELoss()

    def choose_action(self, x):
        x = torch.unsqueeze(torch.FloatTensor(x), 0)
        actions_value = self.eval_net.forward(x)
        action = torch.max(actions_value, 1)[1].data.numpy()
        return action[0]

    def store_transition(self, s, a, r, s_):
        transition = np.hstack((s, [a, r], s_))
        index = self.memory_counter % MEMORY_CAPACITY
        self.memory[index, :] = transition
        self.memory_counter += 1

    def learn(self):
        if self.learn_step_counter % TARGET_REPLACE_ITER == 0:
            self.target_net.load_state_dict(self.eval_net.state_dict())
        self.learn_step_counter += 1
        sample_index = rs.choice(MEMORY_CAPACITY, BATCH_SIZE)
        b_memory = self.memory[sample_index, :]
        b_s = torch.FloatTensor(b_memory[:, :N_STATES])
        b_a = torch.LongTensor(b_memory[:, N_STATES : N_STATES + 1].astype(int))
        b_r = torch.FloatTensor(b_memory[:, N_STATES + 1 : N_STATES + 2])
        b_s_ = torch.FloatTensor(b_memory[:, -N_STATES:])
        q_eval = self.eval_net(b_s).gather(1, b_a)
        q_next = self.target_net(b_s_).detach()
        q_target = b_r + GAMMA * q_next.max(1)[0].view(BATCH_SIZE, 1)
        loss = self.loss_func(q_eval, q_target)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss


dqn = DQN()
s = rs.uniform(-0.05, 0.05, N_STATES)
for t in range(MEMORY_CAPACITY + 6):
    a = int(dqn.choose_action(s))
    s_ = s + rs.normal(0, 0.05, N_STATES)
    r = 1.0 - abs(s_[2])
    dqn.store_transition(s, a, r, s_)
    s = s_
    if dqn.memory_counter > MEMORY_CAPACITY:
        loss = dqn.learn()
        print("learn", dqn.learn_step_counter, "%.6f" % loss.item(), a)
check("dqn fc1 weight", dqn.eval_net.fc1.weight)
print(torch.FloatTensor(np.array([1.5, 2.5])), torch.LongTensor(np.array([[1], [0]])))

# 406_GAN
torch.manual_seed(1)
BATCH_SIZE = 16
LR_G = 0.0001
LR_D = 0.0001
N_IDEAS = 5
ART_COMPONENTS = 15
PAINT_POINTS = np.vstack([np.linspace(-1, 1, ART_COMPONENTS) for _ in range(BATCH_SIZE)])


def artist_works():
    a = rs.uniform(1, 2, size=BATCH_SIZE)[:, np.newaxis]
    paintings = a * np.power(PAINT_POINTS, 2) + (a - 1)
    paintings = torch.from_numpy(paintings).float()
    return paintings


G = nn.Sequential(nn.Linear(N_IDEAS, 128), nn.ReLU(), nn.Linear(128, ART_COMPONENTS))
D = nn.Sequential(nn.Linear(ART_COMPONENTS, 128), nn.ReLU(), nn.Linear(128, 1), nn.Sigmoid())
opt_D = torch.optim.Adam(D.parameters(), lr=LR_D)
opt_G = torch.optim.Adam(G.parameters(), lr=LR_G)
for step in range(30):
    artist_paintings = artist_works()
    G_ideas = torch.randn(BATCH_SIZE, N_IDEAS, requires_grad=True)
    G_paintings = G(G_ideas)
    prob_artist1 = D(G_paintings)
    G_loss = torch.mean(torch.log(1.0 - prob_artist1))
    opt_G.zero_grad()
    G_loss.backward()
    opt_G.step()
    prob_artist0 = D(artist_paintings)
    prob_artist1 = D(G_paintings.detach())
    D_loss = -torch.mean(torch.log(prob_artist0) + torch.log(1.0 - prob_artist1))
    opt_D.zero_grad()
    D_loss.backward(retain_graph=True)
    opt_D.step()
    if step % 10 == 0:
        print(
            "D accuracy=%.4f (0.5 for D to converge)" % prob_artist0.data.numpy().mean(),
            "D score= %.4f (-1.38 for G to converge)" % -D_loss.data.numpy(),
        )
check("G_ideas grad", G_ideas.grad)
check("GAN D last layer", D[2].weight)

# the original order (G stepped before D's loss is built on G_paintings.detach()) is fine;
# stepping G before backward through an old D output is the classic error:
torch.manual_seed(1)
G_paintings = G(torch.randn(BATCH_SIZE, N_IDEAS))
prob_artist1 = D(G_paintings)
G_loss = torch.mean(torch.log(1.0 - prob_artist1))
opt_D.zero_grad()
D_loss = -torch.mean(torch.log(1.0 - prob_artist1))
D_loss.backward(retain_graph=True)
opt_D.step()
raises("backward after step", lambda: G_loss.backward(), key="modified by an inplace operation")

# 503_dropout
torch.manual_seed(1)
N_SAMPLES = 20
N_HIDDEN = 30
x = torch.unsqueeze(torch.linspace(-1, 1, N_SAMPLES), 1)
y = x + 0.3 * torch.normal(torch.zeros(N_SAMPLES, 1), torch.ones(N_SAMPLES, 1))
test_x = torch.unsqueeze(torch.linspace(-1, 1, N_SAMPLES), 1)
test_y = test_x + 0.3 * torch.normal(torch.zeros(N_SAMPLES, 1), torch.ones(N_SAMPLES, 1))
check("503 noisy y", y)
net_overfitting = torch.nn.Sequential(
    torch.nn.Linear(1, N_HIDDEN),
    torch.nn.ReLU(),
    torch.nn.Linear(N_HIDDEN, N_HIDDEN),
    torch.nn.ReLU(),
    torch.nn.Linear(N_HIDDEN, 1),
)
net_dropped = torch.nn.Sequential(
    torch.nn.Linear(1, N_HIDDEN),
    torch.nn.Dropout(0.5),
    torch.nn.ReLU(),
    torch.nn.Linear(N_HIDDEN, N_HIDDEN),
    torch.nn.Dropout(0.5),
    torch.nn.ReLU(),
    torch.nn.Linear(N_HIDDEN, 1),
)
print(net_overfitting)
print(net_dropped)
with torch.no_grad():
    for k, j in ((0, 0), (2, 3), (4, 6)):
        net_dropped[j].weight.copy_(net_overfitting[k].weight)
        net_dropped[j].bias.copy_(net_overfitting[k].bias)
net_dropped.eval()
print(torch.equal(net_dropped(test_x), net_overfitting(test_x)), net_dropped.training)
net_dropped.train()
print(net_dropped.training, net_dropped[1].training)
optimizer_ofit = torch.optim.Adam(net_overfitting.parameters(), lr=0.01)
optimizer_drop = torch.optim.Adam(net_dropped.parameters(), lr=0.01)
loss_func = torch.nn.MSELoss()
for t in range(50):
    pred_ofit = net_overfitting(x)
    pred_drop = net_dropped(x)
    loss_ofit = loss_func(pred_ofit, y)
    loss_drop = loss_func(pred_drop, y)
    optimizer_ofit.zero_grad()
    optimizer_drop.zero_grad()
    loss_ofit.backward()
    loss_drop.backward()
    optimizer_ofit.step()
    optimizer_drop.step()
    if t % 10 == 0:
        net_overfitting.eval()
        net_dropped.eval()
        test_pred_ofit = net_overfitting(test_x)
        test_pred_drop = net_dropped(test_x)
        print(
            "overfit loss=%.4f" % loss_func(test_pred_ofit, test_y).data.numpy(),
            test_pred_drop.shape,
            pred_drop.grad_fn.name(),
        )
        net_overfitting.train()
        net_dropped.train()
check("503 overfit test pred", test_pred_ofit)

# 504_batch_normalization
torch.manual_seed(1)
N_SAMPLES = 256
BATCH_SIZE = 64
EPOCH = 2
LR = 0.03
N_HIDDEN = 8
ACTIVATION = torch.tanh
B_INIT = -0.2
x = np.linspace(-7, 10, N_SAMPLES)[:, np.newaxis]
noise = rs.normal(0, 2, x.shape)
y = np.square(x) - 5 + noise
test_x = np.linspace(-7, 10, 50)[:, np.newaxis]
noise = rs.normal(0, 2, test_x.shape)
test_y = np.square(test_x) - 5 + noise
train_x, train_y = torch.from_numpy(x).float(), torch.from_numpy(y).float()
test_x = torch.from_numpy(test_x).float()
test_y = torch.from_numpy(test_y).float()
train_dataset = Data.TensorDataset(train_x, train_y)
train_loader = Data.DataLoader(dataset=train_dataset, batch_size=BATCH_SIZE, shuffle=True)


class Net(nn.Module):
    def __init__(self, batch_normalization=False):
        super(Net, self).__init__()  # noqa: UP008  (as the tutorial)
        self.do_bn = batch_normalization
        self.fcs = []
        self.bns = []
        self.bn_input = nn.BatchNorm1d(1, momentum=0.5)
        for i in range(N_HIDDEN):
            input_size = 1 if i == 0 else 10
            fc = nn.Linear(input_size, 10)
            setattr(self, "fc%i" % i, fc)
            self._set_init(fc)
            self.fcs.append(fc)
            if self.do_bn:
                bn = nn.BatchNorm1d(10, momentum=0.5)
                setattr(self, "bn%i" % i, bn)
                self.bns.append(bn)
        self.predict = nn.Linear(10, 1)
        self._set_init(self.predict)

    def _set_init(self, layer):
        init.normal_(layer.weight, mean=0.0, std=0.1)
        init.constant_(layer.bias, B_INIT)

    def forward(self, x):
        pre_activation = [x]
        if self.do_bn:
            x = self.bn_input(x)
        layer_input = [x]
        for i in range(N_HIDDEN):
            x = self.fcs[i](x)
            pre_activation.append(x)
            if self.do_bn:
                x = self.bns[i](x)
            x = ACTIVATION(x)
            layer_input.append(x)
        out = self.predict(x)
        return out, layer_input, pre_activation


nets = [Net(batch_normalization=False), Net(batch_normalization=True)]
print(nets[1])
print(len(list(nets[0].parameters())), len(list(nets[1].parameters())))
print([k for k in nets[1].state_dict()][:8])
opts = [torch.optim.Adam(net.parameters(), lr=LR) for net in nets]
loss_func = torch.nn.MSELoss()
# The Linear biases in front of a BatchNorm1d get a gradient that is rounding noise (the
# normalisation removes them), and Adam turns the sign of that noise into full lr steps: the
# BN net's trajectory is decided by last-bit differences, so only the plain net is followed
# through training; the BN net is checked on its first step.
losses = [[], []]
first_step = []
for epoch in range(EPOCH):
    print("Epoch: ", epoch)
    for net, l in zip(nets, losses):
        net.eval()
        pred, layer_input, pre_act = net(test_x)
        l.append(loss_func(pred, test_y).data.item())
        net.train()
    for step, (b_x, b_y) in enumerate(train_loader):
        for net, opt in zip(nets, opts):
            pred, _, _ = net(b_x)
            loss = loss_func(pred, b_y)
            opt.zero_grad()
            loss.backward()
            if net.do_bn and not first_step:
                first_step = [loss]
                first_step += [net.bn_input.running_mean, net.bn0.running_var.clone()]
            opt.step()
check("504 losses", losses[0])
check("504 bn net before training", losses[1][0])
check("504 bn net first step", first_step)
[net.eval() for net in nets]
preds = [net(test_x)[0] for net in nets]
check("504 preds", preds[0])
print(preds[1].shape, nets[1].bn0.num_batches_tracked, nets[1].training, nets[1].bn3.training)
