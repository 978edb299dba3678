# Stanford CS224N (Winter 2020) Lecture 3 notebook, "Word Window Classification: PyTorch
# Exploration" by Matthew Lamm:
# https://web.stanford.edu/class/archive/cs/cs224n/cs224n.1204/materials/ww_classifier.ipynb
# vocabulary indices, window padding, a DataLoader over a list with a functools.partial
# collate_fn, nn.utils.rnn.pad_sequence, one-hot labels with ~l.byte(), Tensor.unfold for the
# word windows, a SoftmaxWordWindowClassifier (Embedding with padding_idx, Sequential(Linear,
# Tanh), LogSoftmax(dim=2)), its masked NLL loss (with the notebook's ~byte() labels: 255 and 254,
# not 1 and 0) and SGD training (200 epochs instead of 10000), prediction with argmax.
import pprint
from functools import partial

DataLoader = torch.utils.data.DataLoader
pp = pprint.PrettyPrinter()

train_sents = [
    s.lower().split()
    for s in [
        "we 'll always have Paris",
        "I live in Germany",
        "He comes from Denmark",
        "The capital of Denmark is Copenhagen",
    ]
]
train_labels = [[0, 0, 0, 0, 1], [0, 0, 0, 1], [0, 0, 0, 1], [0, 0, 0, 1, 0, 1]]
assert all([len(train_sents[i]) == len(train_labels[i]) for i in range(len(train_sents))])
test_sents = [s.lower().split() for s in ["She comes from Paris"]]
test_labels = [[0, 0, 0, 1]]
id_2_word = [
    "<pad>", "<unk>", "we", "always", "have", "paris", "i", "live", "in", "germany", "he",
    "comes", "from", "denmark", "the", "of", "is", "copenhagen",
]  # fmt: skip
word_2_id = {w: i for i, w in enumerate(id_2_word)}
instance = train_sents[0]
print(instance)


def convert_tokens_to_inds(sentence, word_2_id):
    return [word_2_id.get(t, word_2_id["<unk>"]) for t in sentence]


token_inds = convert_tokens_to_inds(instance, word_2_id)
pp.pprint(token_inds)
print([id_2_word[tok_idx] for tok_idx in token_inds])


def pad_sentence_for_window(sentence, window_size, pad_token="<pad>"):
    return [pad_token] * window_size + sentence + [pad_token] * window_size


window_size = 2
instance = pad_sentence_for_window(train_sents[0], window_size)
print(instance)
for sent in train_sents:
    tok_idxs = convert_tokens_to_inds(pad_sentence_for_window(sent, window_size), word_2_id)
    print([id_2_word[idx] for idx in tok_idxs])

l = torch.LongTensor(train_labels[0])
pp.pprint(("raw train label instance", l))
print(l.size())
one_hots = torch.zeros((2, len(l)))
pp.pprint(("unfilled label instance", one_hots))
print(one_hots.size())
one_hots[1] = l
pp.pprint(("one-hot labels", one_hots))
l_not = ~l.byte()
one_hots[0] = l_not
pp.pprint(("one-hot labels", one_hots))
print(l.byte(), ~l.bool(), ~l)


def my_collate(data, window_size, word_2_id):
    x_s, y_s = zip(*data)
    window_padded = [
        convert_tokens_to_inds(pad_sentence_for_window(sentence, window_size), word_2_id)
        for sentence in x_s
    ]
    padded = nn.utils.rnn.pad_sequence(
        [torch.LongTensor(t) for t in window_padded], batch_first=True
    )
    labels = []
    lengths = []
    for y in y_s:
        lengths.append(len(y))
        label = torch.zeros((len(y), 2))
        true = torch.LongTensor(y)
        false = ~true.byte()
        label[:, 0] = false
        label[:, 1] = true
        labels.append(label)
    padded_labels = nn.utils.rnn.pad_sequence(labels, batch_first=True)
    return padded.long(), padded_labels, torch.LongTensor(lengths)


torch.manual_seed(0)
example_loader = DataLoader(
    list(zip(train_sents, train_labels)),
    batch_size=2,
    shuffle=True,
    collate_fn=partial(my_collate, window_size=2, word_2_id=word_2_id),
)
for batched_input, batched_labels, batch_lengths in example_loader:
    pp.pprint(("inputs", batched_input, batched_input.size()))
    pp.pprint(("labels", batched_labels, batched_labels.size()))
    pp.pprint(batch_lengths)
    break
print(nn.utils.rnn.pad_sequence([torch.ones(2), torch.ones(4)], padding_value=-1))

dummy_input = torch.zeros(2, 8).long()
dummy_input[:, 2:-2] = torch.arange(1, 9).view(2, 4)
pp.pprint(dummy_input)
dummy_output = [
    [[dummy_input[i, j - 2 + k].item() for k in range(2 * 2 + 1)] for j in range(2, 6)]
    for i in range(2)
]
dummy_output = torch.LongTensor(dummy_output)
print(dummy_output.size())
pp.pprint(dummy_output)
print(dummy_input.unfold(1, 2 * 2 + 1, 1))
print(torch.equal(dummy_input.unfold(1, 5, 1), dummy_output))
print(torch.arange(10.0).unfold(0, 3, 2), torch.arange(12).view(3, 4).unfold(0, 2, 1).shape)
raises("unfold size too large", lambda: dummy_input.unfold(1, 9, 1))
x = torch.arange(8.0, requires_grad=True)
w = x.unfold(0, 3, 1)
(w * torch.arange(18.0).view(6, 3)).sum().backward()
check("unfold grad", x.grad)
check("unfold graph", graph(w.sum()))


class SoftmaxWordWindowClassifier(nn.Module):
    def __init__(self, config, vocab_size, pad_idx=0):
        super(SoftmaxWordWindowClassifier, self).__init__()  # noqa: UP008  (as the notebook)
        self.window_size = 2 * config["half_window"] + 1
        self.embed_dim = config["embed_dim"]
        self.hidden_dim = config["hidden_dim"]
        self.num_classes = config["num_classes"]
        self.freeze_embeddings = config["freeze_embeddings"]
        self.embed_layer = nn.Embedding(vocab_size, self.embed_dim, padding_idx=pad_idx)
        if self.freeze_embeddings:
            self.embed_layer.weight.requires_grad = False
        self.hidden_layer = nn.Sequential(
            nn.Linear(self.window_size * self.embed_dim, self.hidden_dim), nn.Tanh()
        )
        self.output_layer = nn.Linear(self.hidden_dim, self.num_classes)
        self.log_softmax = nn.LogSoftmax(dim=2)

    def forward(self, inputs):
        B, L = inputs.size()
        token_windows = inputs.unfold(1, self.window_size, 1)
        _, adjusted_length, _ = token_windows.size()
        assert token_windows.size() == (B, adjusted_length, self.window_size)
        embedded_windows = self.embed_layer(token_windows)
        embedded_windows = embedded_windows.view(B, adjusted_length, -1)
        layer_1 = self.hidden_layer(embedded_windows)
        output = self.output_layer(layer_1)
        output = self.log_softmax(output)
        return output


def loss_function(outputs, labels, lengths):
    B, L, num_classes = outputs.size()
    num_elems = lengths.sum().float()
    loss = outputs * labels
    return -loss.sum() / num_elems


def train_epoch(loss_function, optimizer, model, train_data):
    total_loss = 0
    for batch, labels, lengths in train_data:
        optimizer.zero_grad()
        outputs = model.forward(batch)
        loss = loss_function(outputs, labels, lengths)
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
    return total_loss


config = {
    "batch_size": 4,
    "half_window": 2,
    "embed_dim": 25,
    "hidden_dim": 25,
    "num_classes": 2,
    "freeze_embeddings": False,
}
learning_rate = 0.0002
num_epochs = 200
torch.manual_seed(1)
model = SoftmaxWordWindowClassifier(config, len(word_2_id))
print(model)
print(model.embed_layer.weight[0])
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
train_loader = torch.utils.data.DataLoader(
    list(zip(train_sents, train_labels)),
    batch_size=2,
    shuffle=True,
    collate_fn=partial(my_collate, window_size=2, word_2_id=word_2_id),
)
losses = []
for epoch in range(num_epochs):
    epoch_loss = train_epoch(loss_function, optimizer, model, train_loader)
    if epoch % 20 == 0:
        losses.append(epoch_loss)
check("losses", losses)
check("padding row stays zero", model.embed_layer.weight[0])
check("embedding grad", model.embed_layer.weight.grad)
test_loader = torch.utils.data.DataLoader(
    list(zip(test_sents, test_labels)),
    batch_size=1,
    shuffle=False,
    collate_fn=partial(my_collate, window_size=2, word_2_id=word_2_id),
)
for test_instance, labs, _ in test_loader:
    outputs = model.forward(test_instance)
    print(torch.argmax(outputs, dim=2))
    print(torch.argmax(labs, dim=2))
check("test outputs", outputs)
