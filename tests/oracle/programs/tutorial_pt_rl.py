# Reinforcement learning teaching code on a small CartPole written in numpy (no gym):
# pytorch/examples reinforcement_learning/reinforce.py (Policy with Dropout, Categorical,
# saved_log_probs, returns normalised with np.finfo(np.float32).eps), actor_critic.py
# (SavedAction namedtuple, smooth_l1_loss(value, torch.tensor([R])) with R a 0-d tensor,
# torch.stack of the losses), and the PyTorch "Reinforcement Learning (DQN) Tutorial"
# (ReplayMemory, Transition(*zip(*transitions)), bool mask from a tuple, gather, max(1).values /
# .indices, SmoothL1Loss, clip_grad_value_, AdamW(amsgrad=True), soft target update through
# state_dict). Networks and episode counts are scaled down.
# https://github.com/pytorch/examples/tree/main/reinforcement_learning
# https://pytorch.org/tutorials/intermediate/reinforcement_q_learning.html
import math
import random
from collections import deque, namedtuple
from itertools import count

import numpy as np

Categorical = torch.distributions.Categorical


class CartPole:
    """gym's CartPole-v1 dynamics (Euler), seeded numpy resets, at most 40 steps."""

    def __init__(self, seed):
        self.rs = np.random.RandomState(seed)
        self.state = None
        self.t = 0

    def reset(self):
        self.state = self.rs.uniform(low=-0.05, high=0.05, size=(4,))
        self.t = 0
        return np.array(self.state, dtype=np.float32), {}

    def step(self, action):
        x, x_dot, theta, theta_dot = self.state
        force = 10.0 if action == 1 else -10.0
        costheta, sintheta = math.cos(theta), math.sin(theta)
        temp = (force + 0.05 * theta_dot**2 * sintheta) / 1.1
        thetaacc = (9.8 * sintheta - costheta * temp) / (
            0.5 * (4.0 / 3.0 - 0.1 * costheta**2 / 1.1)
        )
        xacc = temp - 0.05 * thetaacc * costheta / 1.1
        x = x + 0.02 * x_dot
        x_dot = x_dot + 0.02 * xacc
        theta = theta + 0.02 * theta_dot
        theta_dot = theta_dot + 0.02 * thetaacc
        self.state = (x, x_dot, theta, theta_dot)
        self.t += 1
        terminated = bool(x < -2.4 or x > 2.4 or theta < -0.2095 or theta > 0.2095)
        truncated = self.t >= 40
        return np.array(self.state, dtype=np.float32), 1.0, terminated, truncated, {}


# ---------------- reinforce.py ----------------
torch.manual_seed(543)
env = CartPole(543)
gamma = 0.99


class Policy(nn.Module):
    def __init__(self):
        super().__init__()
        self.affine1 = nn.Linear(4, 32)
        self.dropout = nn.Dropout(p=0.6)
        self.affine2 = nn.Linear(32, 2)

        self.saved_log_probs = []
        self.rewards = []

    def forward(self, x):
        x = self.affine1(x)
        x = self.dropout(x)
        x = F.relu(x)
        action_scores = self.affine2(x)
        return F.softmax(action_scores, dim=1)


policy = Policy()
optimizer = optim.Adam(policy.parameters(), lr=1e-2)
eps = np.finfo(np.float32).eps.item()
check("eps", eps)


def select_action(state):
    state = torch.from_numpy(state).float().unsqueeze(0)
    probs = policy(state)
    m = Categorical(probs)
    action = m.sample()
    policy.saved_log_probs.append(m.log_prob(action))
    return action.item()


def finish_episode():
    R = 0
    policy_loss = []
    returns = deque()
    for r in policy.rewards[::-1]:
        R = r + gamma * R
        returns.appendleft(R)
    returns = torch.tensor(returns)
    returns = (returns - returns.mean()) / (returns.std() + eps)
    for log_prob, R in zip(policy.saved_log_probs, returns):
        policy_loss.append(-log_prob * R)
    optimizer.zero_grad()
    policy_loss = torch.cat(policy_loss).sum()
    policy_loss.backward()
    optimizer.step()
    del policy.rewards[:]
    del policy.saved_log_probs[:]
    return policy_loss


running_reward = 10
for i_episode in range(1, 4):
    state, _ = env.reset()
    ep_reward = 0
    actions = []
    for t in range(1, 10000):
        action = select_action(state)
        actions.append(action)
        state, reward, done, _, _ = env.step(action)
        policy.rewards.append(reward)
        ep_reward += reward
        if done:
            break
    if i_episode == 1:
        check("saved_log_prob0", policy.saved_log_probs[0])
        check("log_prob_graph", graph(policy.saved_log_probs[0]))
    running_reward = 0.05 * ep_reward + (1 - 0.05) * running_reward
    loss = finish_episode()
    check(f"reinforce_actions_{i_episode}", actions)
    check(f"reinforce_loss_{i_episode}", loss)
    print(
        "Episode {}\tLast reward: {:.2f}\tAverage reward: {:.2f}".format(
            i_episode, ep_reward, running_reward
        )
    )
check("reinforce_affine2", policy.affine2.weight)

# ---------------- actor_critic.py ----------------
torch.manual_seed(543)
env = CartPole(7)
SavedAction = namedtuple("SavedAction", ["log_prob", "value"])


class ACPolicy(nn.Module):
    def __init__(self):
        super().__init__()
        self.affine1 = nn.Linear(4, 32)
        self.action_head = nn.Linear(32, 2)
        self.value_head = nn.Linear(32, 1)
        self.saved_actions = []
        self.rewards = []

    def forward(self, x):
        x = F.relu(self.affine1(x))
        action_prob = F.softmax(self.action_head(x), dim=-1)
        state_values = self.value_head(x)
        return action_prob, state_values


model = ACPolicy()
optimizer = optim.Adam(model.parameters(), lr=3e-2)


def ac_select_action(state):
    state = torch.from_numpy(state).float()
    probs, state_value = model(state)
    m = Categorical(probs)
    action = m.sample()
    model.saved_actions.append(SavedAction(m.log_prob(action), state_value))
    return action.item()


def ac_finish_episode():
    R = 0
    saved_actions = model.saved_actions
    policy_losses = []
    value_losses = []
    returns = []
    for r in model.rewards[::-1]:
        R = r + gamma * R
        returns.insert(0, R)
    returns = torch.tensor(returns)
    returns = (returns - returns.mean()) / (returns.std() + eps)
    for (log_prob, value), R in zip(saved_actions, returns):
        advantage = R - value.item()
        policy_losses.append(-log_prob * advantage)
        value_losses.append(F.smooth_l1_loss(value, torch.tensor([R])))
    optimizer.zero_grad()
    loss = torch.stack(policy_losses).sum() + torch.stack(value_losses).sum()
    loss.backward()
    optimizer.step()
    del model.rewards[:]
    del model.saved_actions[:]
    return loss, policy_losses, value_losses


running_reward = 10
for i_episode in range(1, 4):
    state, _ = env.reset()
    ep_reward = 0
    for t in range(1, 10000):
        action = ac_select_action(state)
        state, reward, done, _, _ = env.step(action)
        model.rewards.append(reward)
        ep_reward += reward
        if done:
            break
    running_reward = 0.05 * ep_reward + (1 - 0.05) * running_reward
    loss, pl, vl = ac_finish_episode()
    if i_episode == 1:
        check("ac_policy_loss0", pl[0])
        check("ac_value_loss0", vl[0])
        check("ac_loss_graph", graph(loss))
        check("tensor_of_0d", torch.tensor([torch.tensor(2.5)]))
    check(f"ac_loss_{i_episode}", loss)
    print(
        "Episode {}\tLast reward: {:.2f}\tAverage reward: {:.2f}".format(
            i_episode, ep_reward, running_reward
        )
    )
check("ac_value_head", model.value_head.weight)

# ---------------- DQN tutorial ----------------
random.seed(3)
torch.manual_seed(3)
env = CartPole(3)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
Transition = namedtuple("Transition", ("state", "action", "next_state", "reward"))


class ReplayMemory:
    def __init__(self, capacity):
        self.memory = deque(maxlen=capacity)

    def push(self, *args):
        """Save a transition"""
        self.memory.append(Transition(*args))

    def sample(self, batch_size):
        return random.sample(self.memory, batch_size)

    def __len__(self):
        return len(self.memory)


class DQN(nn.Module):
    def __init__(self, n_observations, n_actions):
        super().__init__()
        self.layer1 = nn.Linear(n_observations, 32)
        self.layer2 = nn.Linear(32, 32)
        self.layer3 = nn.Linear(32, n_actions)

    def forward(self, x):
        x = F.relu(self.layer1(x))
        x = F.relu(self.layer2(x))
        return self.layer3(x)


BATCH_SIZE = 16
GAMMA = 0.99
EPS_START = 0.9
EPS_END = 0.01
EPS_DECAY = 50
TAU = 0.005
LR = 3e-4
n_actions = 2
state, info = env.reset()
n_observations = len(state)
policy_net = DQN(n_observations, n_actions).to(device)
target_net = DQN(n_observations, n_actions).to(device)
print(target_net.load_state_dict(policy_net.state_dict()))
optimizer = optim.AdamW(policy_net.parameters(), lr=LR, amsgrad=True)
memory = ReplayMemory(10000)
steps_done = 0


def dqn_select_action(state):
    global steps_done
    sample = random.random()
    eps_threshold = EPS_END + (EPS_START - EPS_END) * math.exp(-1.0 * steps_done / EPS_DECAY)
    steps_done += 1
    if sample > eps_threshold:
        with torch.no_grad():
            return policy_net(state).max(1).indices.view(1, 1)
    else:
        return torch.tensor([[random.randrange(2)]], device=device, dtype=torch.long)


losses = []


def optimize_model():
    if len(memory) < BATCH_SIZE:
        return
    transitions = memory.sample(BATCH_SIZE)
    batch = Transition(*zip(*transitions))
    non_final_mask = torch.tensor(
        tuple(map(lambda s: s is not None, batch.next_state)), device=device, dtype=torch.bool
    )
    non_final_next_states = torch.cat([s for s in batch.next_state if s is not None])
    state_batch = torch.cat(batch.state)
    action_batch = torch.cat(batch.action)
    reward_batch = torch.cat(batch.reward)
    state_action_values = policy_net(state_batch).gather(1, action_batch)
    next_state_values = torch.zeros(BATCH_SIZE, device=device)
    with torch.no_grad():
        next_state_values[non_final_mask] = target_net(non_final_next_states).max(1).values
    expected_state_action_values = (next_state_values * GAMMA) + reward_batch
    criterion = nn.SmoothL1Loss()
    loss = criterion(state_action_values, expected_state_action_values.unsqueeze(1))
    if not losses:
        check("dqn_mask", non_final_mask)
        check("dqn_sav", state_action_values)
        check("dqn_graph", graph(loss))
    losses.append(loss.item())
    optimizer.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_value_(policy_net.parameters(), 100)
    optimizer.step()


episode_durations = []
for i_episode in range(3):
    state, info = env.reset()
    state = torch.tensor(state, dtype=torch.float32, device=device).unsqueeze(0)
    for t in count():
        action = dqn_select_action(state)
        observation, reward, terminated, truncated, _ = env.step(action.item())
        reward = torch.tensor([reward], device=device)
        done = terminated or truncated
        if terminated:
            next_state = None
        else:
            next_state = torch.tensor(observation, dtype=torch.float32, device=device).unsqueeze(0)
        memory.push(state, action, next_state, reward)
        state = next_state
        optimize_model()
        target_net_state_dict = target_net.state_dict()
        policy_net_state_dict = policy_net.state_dict()
        for key in policy_net_state_dict:
            target_net_state_dict[key] = policy_net_state_dict[key] * TAU + target_net_state_dict[
                key
            ] * (1 - TAU)
        target_net.load_state_dict(target_net_state_dict)
        if done:
            episode_durations.append(t + 1)
            break
check("durations", episode_durations)
check("dqn_losses", losses)
check("target_layer3", target_net.layer3.weight)
check("adamw_state", sorted(optimizer.state[policy_net.layer1.weight].keys()))
check("max_exp_avg_sq", optimizer.state[policy_net.layer3.bias]["max_exp_avg_sq"])
durations_t = torch.tensor(episode_durations, dtype=torch.float)
print(durations_t, durations_t.unfold(0, 2, 1).mean(1).view(-1))
print("Complete")
