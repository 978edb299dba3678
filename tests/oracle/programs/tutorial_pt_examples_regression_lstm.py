# pytorch/examples: "regression" (fit a degree-4 polynomial with one nn.Linear, smooth_l1_loss,
# manual `param.data.add_(-0.1 * param.grad)`, poly_desc formatting 0-d tensors with '{:+.2f}')
# and "time_sequence_prediction" (two nn.LSTMCell layers on sine waves in float64, `seq.double()`,
# optim.LBFGS with a closure, future prediction under no_grad). Sizes are scaled down.
# https://github.com/pytorch/examples/blob/main/regression/main.py
# https://github.com/pytorch/examples/tree/main/time_sequence_prediction
from itertools import count

import numpy as np

torch.manual_seed(0)

# ---- regression/main.py ----
POLY_DEGREE = 4
W_target = torch.randn(POLY_DEGREE, 1) * 5
b_target = torch.randn(1) * 5


def make_features(x):
    """Builds features i.e. a matrix with columns [x, x^2, x^3, x^4]."""
    x = x.unsqueeze(1)
    return torch.cat([x**i for i in range(1, POLY_DEGREE + 1)], 1)


def f(x):
    """Approximated function."""
    return x.mm(W_target) + b_target.item()


def poly_desc(W, b):
    """Creates a string description of a polynomial."""
    result = "y = "
    for i, w in enumerate(W):
        result += "{:+.2f} x^{} ".format(w, i + 1)
    result += "{:+.2f}".format(b[0])
    return result


def get_batch(batch_size=32):
    """Builds a batch i.e. (x, f(x)) pair."""
    random = torch.randn(batch_size)
    x = make_features(random)
    y = f(x)
    return x, y


# Define model
fc = torch.nn.Linear(W_target.size(0), 1)
print(fc)

for batch_idx in count(1):
    # Get data
    batch_x, batch_y = get_batch()

    # Reset gradients
    fc.zero_grad()

    # Forward pass
    output = F.smooth_l1_loss(fc(batch_x), batch_y)
    loss = output.item()

    # Backward pass
    output.backward()

    # Apply gradients
    for param in fc.parameters():
        param.data.add_(-0.1 * param.grad)

    if batch_idx == 1:
        check("first_grad_w", fc.weight.grad)
        check("first_loss_fn", output.grad_fn.name())
    # Stop criterion (the example runs to loss < 1e-3; here at most 40 batches)
    if loss < 1e-3 or batch_idx == 40:
        break

check("final_loss", loss)
# the example prints {:.6f}; float32 pow (SLEEF) and 4-term sgemm sums differ from numpy in
# the last bit and 40 steps carry that to the 6th decimal, so 3 decimals are printed
print("Loss: {:.3f} after {} batches".format(loss, batch_idx))
print("==> Learned function:\t" + poly_desc(fc.weight.view(-1), fc.bias))
print("==> Actual function:\t" + poly_desc(W_target.view(-1), b_target))
check("fc_weight", fc.weight)
check("fc_bias", fc.bias)
check(
    "format_0d",
    ["{:+.3f}".format(fc.bias[0]), "{:.4e}".format(fc.weight[0, 1]), f"{b_target[0]:8.3f}"],
)

# ---- time_sequence_prediction/generate_sine_wave.py ----
np.random.seed(2)
T = 20
L = 60
N = 8
x = np.empty((N, L), "int64")
x[:] = np.array(range(L)) + np.random.randint(-4 * T, 4 * T, N).reshape(N, 1)
data = np.sin(x / 1.0 / T).astype("float64")

HID = 12


# ---- time_sequence_prediction/train.py ----
class Sequence(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm1 = nn.LSTMCell(1, HID)
        self.lstm2 = nn.LSTMCell(HID, HID)
        self.linear = nn.Linear(HID, 1)

    def forward(self, input, future=0):
        outputs = []
        h_t = torch.zeros(input.size(0), HID, dtype=torch.double)
        c_t = torch.zeros(input.size(0), HID, dtype=torch.double)
        h_t2 = torch.zeros(input.size(0), HID, dtype=torch.double)
        c_t2 = torch.zeros(input.size(0), HID, dtype=torch.double)

        for input_t in input.split(1, dim=1):
            h_t, c_t = self.lstm1(input_t, (h_t, c_t))
            h_t2, c_t2 = self.lstm2(h_t, (h_t2, c_t2))
            output = self.linear(h_t2)
            outputs += [output]
        for i in range(future):  # if we should predict the future
            h_t, c_t = self.lstm1(output, (h_t, c_t))
            h_t2, c_t2 = self.lstm2(h_t, (h_t2, c_t2))
            output = self.linear(h_t2)
            outputs += [output]
        outputs = torch.cat(outputs, dim=1)
        return outputs


np.random.seed(0)
torch.manual_seed(0)
input = torch.from_numpy(data[3:, :-1])
target = torch.from_numpy(data[3:, 1:])
test_input = torch.from_numpy(data[:3, :-1])
test_target = torch.from_numpy(data[:3, 1:])
check("input", input[:, :5])
seq = Sequence()
seq.double()
print(seq)
check("lstm1_w_hh_dtype", seq.lstm1.weight_hh.dtype)
criterion = nn.MSELoss()
optimizer = optim.LBFGS(seq.parameters(), lr=0.8, max_iter=4)
losses = []
for i in range(2):
    print("STEP: ", i)

    def closure():
        optimizer.zero_grad()
        out = seq(input)
        loss = criterion(out, target)
        losses.append(loss.item())
        print("loss: %.8f" % loss.item())
        loss.backward()
        return loss

    ret = optimizer.step(closure)
    check(f"step_ret_{i}", ret)
    with torch.no_grad():
        future = 10
        pred = seq(test_input, future=future)
        loss = criterion(pred[:, :-future], test_target)
        print("test loss: %.8f" % loss.item())
        check(f"test_loss_{i}", loss)
        y = pred.detach().numpy()
    check(f"pred_shape_{i}", list(y.shape))
check("closure_losses", losses)
check("lbfgs_state_keys", sorted(optimizer.state[optimizer._params[0]].keys()))
check("lbfgs_func_evals", optimizer.state[optimizer._params[0]]["func_evals"])
check("lbfgs_n_iter", optimizer.state[optimizer._params[0]]["n_iter"])
check("lstm_out_grad_fn", seq(test_input[:, :3]).grad_fn.name())
