# 小土堆 (Bilibili) "PyTorch深度学习快速入门教程" basics that need no torchvision: nn.Module's
# forward (Tudui: output = input + 1), F.conv2d with a hand-written kernel (stride /
# padding), MaxPool2d(ceil_mode=True) and its refusal of a long input, ReLU(inplace=False) /
# Sigmoid, Linear over torch.flatten, the CIFAR10 model as separate layers and as
# nn.Sequential (shape check with torch.ones((64, 3, 32, 32))), L1Loss / MSELoss /
# CrossEntropyLoss on the lecture's numbers, SGD training with loss summed per epoch, the
# argmax accuracy and model.train()/eval(). Random tensors stand in for CIFAR10.
import os
import tempfile


# nn.Module
class Tudui(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, input):
        output = input + 1
        return output


tudui = Tudui()
x = torch.tensor(1.0)
output = tudui(x)
print(output)

# convolution
input = torch.tensor(
    [[1, 2, 0, 3, 1], [0, 1, 2, 3, 1], [1, 2, 1, 0, 0], [5, 2, 3, 1, 1], [2, 1, 0, 1, 1]]
)
kernel = torch.tensor([[1, 2, 1], [0, 1, 0], [2, 1, 0]])
input = torch.reshape(input, (1, 1, 5, 5))
kernel = torch.reshape(kernel, (1, 1, 3, 3))
print(input.shape)
print(kernel.shape)
output = F.conv2d(input, kernel, stride=1)
print(output)
output2 = F.conv2d(input, kernel, stride=2)
print(output2)
output3 = F.conv2d(input, kernel, stride=1, padding=1)
print(output3)
raises("conv2d of a 2-d kernel", lambda: F.conv2d(input, kernel.view(3, 3)))
raises("conv2d of a long input and a float kernel", lambda: F.conv2d(input, kernel.float()))

# pooling
input = torch.tensor(
    [[1, 2, 0, 3, 1], [0, 1, 2, 3, 1], [1, 2, 1, 0, 0], [5, 2, 3, 1, 1], [2, 1, 0, 1, 1]]
)
input = torch.reshape(input, (-1, 1, 5, 5))
maxpool1 = nn.MaxPool2d(kernel_size=3, ceil_mode=True)
raises("max_pool2d of a long tensor", lambda: maxpool1(input))
input = torch.tensor(
    [[1, 2, 0, 3, 1], [0, 1, 2, 3, 1], [1, 2, 1, 0, 0], [5, 2, 3, 1, 1], [2, 1, 0, 1, 1]],
    dtype=torch.float32,
)
input = torch.reshape(input, (-1, 1, 5, 5))
print(maxpool1(input), nn.MaxPool2d(kernel_size=3, ceil_mode=False)(input))
print(maxpool1)

# non-linear activations
input = torch.tensor([[1, -0.5], [-1, 3]])
input = torch.reshape(input, (-1, 1, 2, 2))
print(input.shape)
relu1 = nn.ReLU()
sigmoid1 = nn.Sigmoid()
print(relu1(input), sigmoid1(input), input)
relu2 = nn.ReLU(inplace=True)
y = relu2(input)
print(y is input, input)

# linear layer over flattened images
torch.manual_seed(0)
imgs = torch.rand(64, 3, 32, 32)
output = torch.reshape(imgs, (1, 1, 1, -1))
print(output.shape)
output = torch.flatten(imgs)
print(output.shape)
linear1 = nn.Linear(196608, 10)
print(linear1(output).shape)
raises("Linear of the un-flattened batch", lambda: linear1(imgs))


# the CIFAR10 model
class TuduiCifar(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, 5, padding=2)
        self.maxpool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(32, 32, 5, padding=2)
        self.maxpool2 = nn.MaxPool2d(2)
        self.conv3 = nn.Conv2d(32, 64, 5, padding=2)
        self.maxpool3 = nn.MaxPool2d(2)
        self.flatten = nn.Flatten()
        self.linear1 = nn.Linear(1024, 64)
        self.linear2 = nn.Linear(64, 10)

    def forward(self, x):
        x = self.conv1(x)
        x = self.maxpool1(x)
        x = self.conv2(x)
        x = self.maxpool2(x)
        x = self.conv3(x)
        x = self.maxpool3(x)
        x = self.flatten(x)
        x = self.linear1(x)
        x = self.linear2(x)
        return x


class TuduiSeq(nn.Module):
    def __init__(self):
        super().__init__()
        self.model1 = nn.Sequential(
            nn.Conv2d(3, 32, 5, padding=2),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 32, 5, padding=2),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 5, padding=2),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(1024, 64),
            nn.Linear(64, 10),
        )

    def forward(self, x):
        x = self.model1(x)
        return x


torch.manual_seed(0)
tudui = TuduiCifar()
print(tudui)
input = torch.ones((64, 3, 32, 32))
output = tudui(input)
print(output.shape)
check("cifar model out", output)
tudui = TuduiSeq()
print(tudui)
print(tudui(input).shape)
raises("a model with Linear(1024, 64) on 16x16 images", lambda: tudui(torch.ones(2, 3, 16, 16)))

# loss functions
inputs = torch.tensor([1, 2, 3], dtype=torch.float32)
targets = torch.tensor([1, 2, 5], dtype=torch.float32)
inputs = torch.reshape(inputs, (1, 1, 1, 3))
targets = torch.reshape(targets, (1, 1, 1, 3))
loss = nn.L1Loss(reduction="sum")
result = loss(inputs, targets)
loss_mse = nn.MSELoss()
result_mse = loss_mse(inputs, targets)
print(result)
print(result_mse)
x = torch.tensor([0.1, 0.2, 0.3])
y = torch.tensor([1])
x = torch.reshape(x, (1, 3))
loss_cross = nn.CrossEntropyLoss()
result_cross = loss_cross(x, y)
print(result_cross)
raises("L1Loss of long tensors", lambda: nn.L1Loss()(torch.tensor([1, 2]), torch.tensor([1, 3])))
raises("CrossEntropyLoss of an unbatched x with a batched y", lambda: loss_cross(x.view(3), y))

# optimizer, training loop
torch.manual_seed(0)
images = torch.rand(24, 3, 32, 32)
labels = torch.randint(0, 10, (24,))
dataloader = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(images, labels), batch_size=8, shuffle=True
)
tudui = TuduiSeq()
loss = nn.CrossEntropyLoss()
optim = torch.optim.SGD(tudui.parameters(), lr=0.01)
for epoch in range(3):
    running_loss = 0.0
    tudui.train()
    for data in dataloader:
        imgs, targets = data
        outputs = tudui(imgs)
        result_loss = loss(outputs, targets)
        optim.zero_grad()
        result_loss.backward()
        optim.step()
        running_loss = running_loss + result_loss
    print("%.4f" % running_loss.item(), running_loss.grad_fn)
    tudui.eval()
    total_accuracy = 0
    with torch.no_grad():
        for imgs, targets in dataloader:
            outputs = tudui(imgs)
            accuracy = (outputs.argmax(1) == targets).sum()
            total_accuracy = total_accuracy + accuracy
    print("整体测试集上的正确率: {}".format(total_accuracy / len(images)), type(total_accuracy))
check("running loss graph", graph(running_loss))
outputs = torch.tensor([[0.1, 0.2], [0.05, 0.4]])
print(outputs.argmax(1), outputs.argmax(0))
preds = outputs.argmax(1)
targets = torch.tensor([0, 1])
print((preds == targets).sum())

# saving and loading
d = tempfile.mkdtemp()
# (method 1, the whole pickled model, needs the class importable: left out here)
torch.save(tudui.state_dict(), os.path.join(d, "tudui_method2.pth"))
m2 = TuduiSeq()
print(m2.load_state_dict(torch.load(os.path.join(d, "tudui_method2.pth"))))
print(list(torch.load(os.path.join(d, "tudui_method2.pth")).keys())[:3])
