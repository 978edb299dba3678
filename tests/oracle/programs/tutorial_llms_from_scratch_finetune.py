# Sebastian Raschka, "Build a Large Language Model (From Scratch)" (github.com/rasbt/LLMs-from-scratch):
# ch06 classification finetuning (SpamDataset with padding, a new out_head on a frozen GPT, the
# last block and final_norm made trainable again, last-token logits, calc_accuracy_loader /
# calc_loss_loader, train_classifier_simple with AdamW, classify_review, the state_dict saved
# and loaded), ch07 instruction finetuning (format_input, InstructionDataset, the collate drafts
# and custom_collate_fn with ignore_index=-100 and allowed_max_length via functools.partial,
# cross_entropy ignoring -100, train_model_simple, generate with eos_id), appendix D's
# train_model (linear warmup, cosine decay, clip_grad_norm_ after warmup) and appendix E's LoRA
# finetuning of the ch06 classifier (requires_grad_(False), replace_linear_with_lora).
# A tiny GPT config and a character tokenizer stand in for GPT-2 weights and tiktoken; a few
# hand-written messages stand in for the SMS spam and instruction data sets.
import io
import math
import string
from functools import partial

Dataset = torch.utils.data.Dataset
DataLoader = torch.utils.data.DataLoader


# ---------------- the ch04 GPT (previous_chapters.py) ----------------
class MultiHeadAttention(nn.Module):
    def __init__(self, d_in, d_out, context_length, dropout, num_heads, qkv_bias=False):
        super().__init__()
        assert d_out % num_heads == 0, "d_out must be divisible by n_heads"
        self.d_out = d_out
        self.num_heads = num_heads
        self.head_dim = d_out // num_heads
        self.W_query = nn.Linear(d_in, d_out, bias=qkv_bias)
        self.W_key = nn.Linear(d_in, d_out, bias=qkv_bias)
        self.W_value = nn.Linear(d_in, d_out, bias=qkv_bias)
        self.out_proj = nn.Linear(d_out, d_out)
        self.dropout = nn.Dropout(dropout)
        self.register_buffer(
            "mask", torch.triu(torch.ones(context_length, context_length), diagonal=1)
        )

    def forward(self, x):
        b, num_tokens, d_in = x.shape
        keys = self.W_key(x)
        queries = self.W_query(x)
        values = self.W_value(x)
        keys = keys.view(b, num_tokens, self.num_heads, self.head_dim).transpose(1, 2)
        values = values.view(b, num_tokens, self.num_heads, self.head_dim).transpose(1, 2)
        queries = queries.view(b, num_tokens, self.num_heads, self.head_dim).transpose(1, 2)
        attn_scores = queries @ keys.transpose(2, 3)
        mask_bool = self.mask.bool()[:num_tokens, :num_tokens]
        attn_scores.masked_fill_(mask_bool, -torch.inf)
        attn_weights = torch.softmax(attn_scores / keys.shape[-1] ** 0.5, dim=-1)
        attn_weights = self.dropout(attn_weights)
        context_vec = (attn_weights @ values).transpose(1, 2)
        context_vec = context_vec.contiguous().view(b, num_tokens, self.d_out)
        return self.out_proj(context_vec)


class LayerNorm(nn.Module):
    def __init__(self, emb_dim):
        super().__init__()
        self.eps = 1e-5
        self.scale = nn.Parameter(torch.ones(emb_dim))
        self.shift = nn.Parameter(torch.zeros(emb_dim))

    def forward(self, x):
        mean = x.mean(dim=-1, keepdim=True)
        var = x.var(dim=-1, keepdim=True, unbiased=False)
        norm_x = (x - mean) / torch.sqrt(var + self.eps)
        return self.scale * norm_x + self.shift


class GELU(nn.Module):
    def forward(self, x):
        return (
            0.5
            * x
            * (1 + torch.tanh(torch.sqrt(torch.tensor(2.0 / torch.pi)) * (x + 0.044715 * x**3)))
        )


class FeedForward(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(cfg["emb_dim"], 4 * cfg["emb_dim"]),
            GELU(),
            nn.Linear(4 * cfg["emb_dim"], cfg["emb_dim"]),
        )

    def forward(self, x):
        return self.layers(x)


class TransformerBlock(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.att = MultiHeadAttention(
            d_in=cfg["emb_dim"],
            d_out=cfg["emb_dim"],
            context_length=cfg["context_length"],
            num_heads=cfg["n_heads"],
            dropout=cfg["drop_rate"],
            qkv_bias=cfg["qkv_bias"],
        )
        self.ff = FeedForward(cfg)
        self.norm1 = LayerNorm(cfg["emb_dim"])
        self.norm2 = LayerNorm(cfg["emb_dim"])
        self.drop_resid = nn.Dropout(cfg["drop_rate"])

    def forward(self, x):
        shortcut = x
        x = self.norm1(x)
        x = self.att(x)
        x = self.drop_resid(x)
        x = x + shortcut
        shortcut = x
        x = self.norm2(x)
        x = self.ff(x)
        x = self.drop_resid(x)
        x = x + shortcut
        return x


class GPTModel(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.tok_emb = nn.Embedding(cfg["vocab_size"], cfg["emb_dim"])
        self.pos_emb = nn.Embedding(cfg["context_length"], cfg["emb_dim"])
        self.drop_emb = nn.Dropout(cfg["drop_rate"])
        self.trf_blocks = nn.Sequential(*[TransformerBlock(cfg) for _ in range(cfg["n_layers"])])
        self.final_norm = LayerNorm(cfg["emb_dim"])
        self.out_head = nn.Linear(cfg["emb_dim"], cfg["vocab_size"], bias=False)

    def forward(self, in_idx):
        batch_size, seq_len = in_idx.shape
        tok_embeds = self.tok_emb(in_idx)
        pos_embeds = self.pos_emb(torch.arange(seq_len, device=in_idx.device))
        x = tok_embeds + pos_embeds
        x = self.drop_emb(x)
        x = self.trf_blocks(x)
        x = self.final_norm(x)
        logits = self.out_head(x)
        return logits


class CharTokenizer:
    """Stands in for tiktoken's GPT-2 encoding: one id a character, <|endoftext|> last."""

    def __init__(self, chars):
        self.stoi = {c: i for i, c in enumerate(chars)}
        self.itos = dict(enumerate(chars))
        self.eot = len(chars)

    def encode(self, text, allowed_special=None):
        if allowed_special and text.endswith("<|endoftext|>"):
            return self.encode(text[: -len("<|endoftext|>")]) + [self.eot]
        return [self.stoi[c] for c in text]

    def decode(self, ids):
        return "".join(self.itos.get(i, "|") for i in ids)


tokenizer = CharTokenizer(" \n" + string.ascii_letters + string.digits + string.punctuation)
print(tokenizer.encode("<|endoftext|>", allowed_special={"<|endoftext|>"}))
PAD = tokenizer.eot  # (50256 in the book)


def text_to_token_ids(text, tokenizer):
    encoded = tokenizer.encode(text, allowed_special={"<|endoftext|>"})
    encoded_tensor = torch.tensor(encoded).unsqueeze(0)  # add batch dimension
    return encoded_tensor


def token_ids_to_text(token_ids, tokenizer):
    flat = token_ids.squeeze(0)  # remove batch dimension
    return tokenizer.decode(flat.tolist())


def generate_text_simple(model, idx, max_new_tokens, context_size):
    for _ in range(max_new_tokens):
        idx_cond = idx[:, -context_size:]
        with torch.no_grad():
            logits = model(idx_cond)
        logits = logits[:, -1, :]
        probas = torch.softmax(logits, dim=-1)
        idx_next = torch.argmax(probas, dim=-1, keepdim=True)
        idx = torch.cat((idx, idx_next), dim=1)
    return idx


BASE_CONFIG = {
    "vocab_size": PAD + 1,  # Vocabulary size
    "context_length": 64,  # Context length
    "drop_rate": 0.0,  # Dropout rate
    "qkv_bias": True,  # Query-key-value bias
    "emb_dim": 16,
    "n_layers": 2,
    "n_heads": 2,
}

# ---------------- ch06: the data ----------------
messages = [
    ("ham", "Go until jurong point, crazy.."),
    ("ham", "Ok lar... Joking wif u oni..."),
    ("spam", "WINNER!! claim your prize now"),
    ("ham", "U dun say so early hor"),
    ("spam", "Free entry in 2 a wkly comp to win"),
    ("ham", "Nah I don't think he goes to usf"),
    ("spam", "Had your mobile 11 months or more?"),
    ("ham", "Even my brother is not like to speak"),
    ("spam", "SIX chances to win CASH! From 100"),
    ("ham", "I'm gonna be home soon"),
    ("spam", "URGENT! You have won a 1 week FREE"),
    ("ham", "I've been searching for the right words"),
    ("spam", "WINNER!! As a valued network customer"),
    ("ham", "Is that seriously how you spell his name?"),
    ("spam", "Free msg: Txt: CALL to No: 86888"),
    ("ham", "Oh k...i'm watching here:)"),
]
data = [{"Label": {"ham": 0, "spam": 1}[label], "Text": text} for label, text in messages]
train_data, validation_data, test_data = data[:10], data[10:13], data[13:]


class SpamDataset(Dataset):
    def __init__(self, data, tokenizer, max_length=None, pad_token_id=PAD):
        self.data = data
        # Pre-tokenize texts
        self.encoded_texts = [tokenizer.encode(row["Text"]) for row in self.data]
        if max_length is None:
            self.max_length = self._longest_encoded_length()
        else:
            self.max_length = max_length
            # Truncate sequences if they are longer than max_length
            self.encoded_texts = [
                encoded_text[: self.max_length] for encoded_text in self.encoded_texts
            ]
        # Pad sequences to the longest sequence
        self.encoded_texts = [
            encoded_text + [pad_token_id] * (self.max_length - len(encoded_text))
            for encoded_text in self.encoded_texts
        ]

    def __getitem__(self, index):
        encoded = self.encoded_texts[index]
        label = self.data[index]["Label"]
        return (torch.tensor(encoded, dtype=torch.long), torch.tensor(label, dtype=torch.long))

    def __len__(self):
        return len(self.data)

    def _longest_encoded_length(self):
        max_length = 0
        for encoded_text in self.encoded_texts:
            encoded_length = len(encoded_text)
            if encoded_length > max_length:
                max_length = encoded_length
        return max_length


train_dataset = SpamDataset(train_data, max_length=None, tokenizer=tokenizer)
val_dataset = SpamDataset(validation_data, max_length=train_dataset.max_length, tokenizer=tokenizer)
test_dataset = SpamDataset(test_data, max_length=train_dataset.max_length, tokenizer=tokenizer)
print(train_dataset.max_length, val_dataset.max_length, train_dataset[0])
num_workers = 0
batch_size = 4
torch.manual_seed(123)
train_loader = DataLoader(
    dataset=train_dataset,
    batch_size=batch_size,
    shuffle=True,
    num_workers=num_workers,
    drop_last=True,
)
val_loader = DataLoader(
    dataset=val_dataset, batch_size=batch_size, num_workers=num_workers, drop_last=False
)
test_loader = DataLoader(
    dataset=test_dataset, batch_size=batch_size, num_workers=num_workers, drop_last=False
)
for input_batch, target_batch in train_loader:
    pass
print("Input batch dimensions:", input_batch.shape)
print("Label batch dimensions", target_batch.shape)
print(f"{len(train_loader)} training batches")
print(f"{len(val_loader)} validation batches")
print(f"{len(test_loader)} test batches")

# ---------------- ch06: the "pretrained" model, frozen, a new head ----------------
torch.manual_seed(123)
model = GPTModel(BASE_CONFIG)
model.eval()
text_1 = "Every effort moves you"
token_ids = generate_text_simple(
    model=model,
    idx=text_to_token_ids(text_1, tokenizer),
    max_new_tokens=5,
    context_size=BASE_CONFIG["context_length"],
)
print(token_ids, repr(token_ids_to_text(token_ids, tokenizer)))
print(model.out_head)

for param in model.parameters():
    param.requires_grad = False
torch.manual_seed(123)
num_classes = 2
model.out_head = torch.nn.Linear(in_features=BASE_CONFIG["emb_dim"], out_features=num_classes)
for param in model.trf_blocks[-1].parameters():
    param.requires_grad = True
for param in model.final_norm.parameters():
    param.requires_grad = True
print(model.out_head, model.out_head.weight.requires_grad)
print([n for n, p in model.named_parameters() if p.requires_grad])
print(sum(p.numel() for p in model.parameters() if p.requires_grad))

inputs = tokenizer.encode("Do you have time")
inputs = torch.tensor(inputs).unsqueeze(0)
print("Inputs:", inputs)
print("Inputs dimensions:", inputs.shape)  # shape: (batch_size, num_tokens)
with torch.no_grad():
    outputs = model(inputs)
print("Outputs:\n", outputs)
print("Outputs dimensions:", outputs.shape)  # shape: (batch_size, num_tokens, num_classes)
print("Last output token:", outputs[:, -1, :])
probas = torch.softmax(outputs[:, -1, :], dim=-1)
label = torch.argmax(probas)
print("Class label:", label.item())
logits = outputs[:, -1, :]
label = torch.argmax(logits)
print("Class label:", label.item())
check("last-token logits", logits)
raises("backward through the frozen model", lambda: model(inputs)[:, :, 0].sum().backward())


def calc_accuracy_loader(data_loader, model, device, num_batches=None):
    model.eval()
    correct_predictions, num_examples = 0, 0
    if num_batches is None:
        num_batches = len(data_loader)
    else:
        num_batches = min(num_batches, len(data_loader))
    for i, (input_batch, target_batch) in enumerate(data_loader):
        if i < num_batches:
            input_batch, target_batch = input_batch.to(device), target_batch.to(device)
            with torch.no_grad():
                logits = model(input_batch)[:, -1, :]  # Logits of last output token
            predicted_labels = torch.argmax(logits, dim=-1)
            num_examples += predicted_labels.shape[0]
            correct_predictions += (predicted_labels == target_batch).sum().item()
        else:
            break
    return correct_predictions / num_examples


def calc_loss_batch_cls(input_batch, target_batch, model, device):
    input_batch, target_batch = input_batch.to(device), target_batch.to(device)
    logits = model(input_batch)[:, -1, :]  # Logits of last output token
    loss = torch.nn.functional.cross_entropy(logits, target_batch)
    return loss


def calc_loss_loader(data_loader, model, device, num_batches=None, batch_loss=None):
    total_loss = 0.0
    if len(data_loader) == 0:
        return float("nan")
    elif num_batches is None:
        num_batches = len(data_loader)
    else:
        # Reduce the number of batches to match the total number of batches in the data loader
        # if num_batches exceeds the number of batches in the data loader
        num_batches = min(num_batches, len(data_loader))
    for i, (input_batch, target_batch) in enumerate(data_loader):
        if i < num_batches:
            loss = batch_loss(input_batch, target_batch, model, device)
            total_loss += loss.item()
        else:
            break
    return total_loss / num_batches


device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model.to(device)
torch.manual_seed(123)
train_accuracy = calc_accuracy_loader(train_loader, model, device, num_batches=10)
val_accuracy = calc_accuracy_loader(val_loader, model, device, num_batches=10)
test_accuracy = calc_accuracy_loader(test_loader, model, device, num_batches=10)
print(f"Training accuracy: {train_accuracy * 100:.2f}%")
print(f"Validation accuracy: {val_accuracy * 100:.2f}%")
print(f"Test accuracy: {test_accuracy * 100:.2f}%")
with torch.no_grad():  # Disable gradient tracking for efficiency because we are not training, yet
    cls_loss = partial(calc_loss_loader, batch_loss=calc_loss_batch_cls)
    train_loss = cls_loss(train_loader, model, device, num_batches=5)
    val_loss = cls_loss(val_loader, model, device, num_batches=5)
    test_loss = cls_loss(test_loader, model, device, num_batches=5)
print(f"Training loss: {train_loss:.3f}")
print(f"Validation loss: {val_loss:.3f}")
print(f"Test loss: {test_loss:.3f}")
check("initial classification losses", [train_loss, val_loss, test_loss])


def evaluate_model(model, train_loader, val_loader, device, eval_iter, batch_loss):
    model.eval()
    with torch.no_grad():
        train_loss = calc_loss_loader(train_loader, model, device, eval_iter, batch_loss)
        val_loss = calc_loss_loader(val_loader, model, device, eval_iter, batch_loss)
    model.train()
    return train_loss, val_loss


def train_classifier_simple(
    model, train_loader, val_loader, optimizer, device, num_epochs, eval_freq, eval_iter
):
    # Initialize lists to track losses and examples seen
    train_losses, val_losses, train_accs, val_accs = [], [], [], []
    examples_seen, global_step = 0, -1
    # Main training loop
    for epoch in range(num_epochs):
        model.train()  # Set model to training mode
        for input_batch, target_batch in train_loader:
            optimizer.zero_grad()  # Reset loss gradients from previous batch iteration
            loss = calc_loss_batch_cls(input_batch, target_batch, model, device)
            loss.backward()  # Calculate loss gradients
            optimizer.step()  # Update model weights using loss gradients
            examples_seen += input_batch.shape[0]  # New: track examples instead of tokens
            global_step += 1
            # Optional evaluation step
            if global_step % eval_freq == 0:
                train_loss, val_loss = evaluate_model(
                    model, train_loader, val_loader, device, eval_iter, calc_loss_batch_cls
                )
                train_losses.append(train_loss)
                val_losses.append(val_loss)
                print(
                    f"Ep {epoch + 1} (Step {global_step:06d}): "
                    f"Train loss {train_loss:.3f}, Val loss {val_loss:.3f}"
                )
        # Calculate accuracy after each epoch
        train_accuracy = calc_accuracy_loader(train_loader, model, device, num_batches=eval_iter)
        val_accuracy = calc_accuracy_loader(val_loader, model, device, num_batches=eval_iter)
        print(f"Training accuracy: {train_accuracy * 100:.2f}% | ", end="")
        print(f"Validation accuracy: {val_accuracy * 100:.2f}%")
        train_accs.append(train_accuracy)
        val_accs.append(val_accuracy)
    return train_losses, val_losses, train_accs, val_accs, examples_seen


torch.manual_seed(123)
optimizer = torch.optim.AdamW(model.parameters(), lr=5e-3, weight_decay=0.1)
num_epochs = 3
train_losses, val_losses, train_accs, val_accs, examples_seen = train_classifier_simple(
    model,
    train_loader,
    val_loader,
    optimizer,
    device,
    num_epochs=num_epochs,
    eval_freq=2,
    eval_iter=2,
)
check("classifier losses", [train_losses, val_losses])
print(examples_seen, len(optimizer.state), model.tok_emb.weight.grad)
epochs_tensor = torch.linspace(0, num_epochs, len(train_losses))
examples_seen_tensor = torch.linspace(0, examples_seen, len(train_losses))
print(epochs_tensor, examples_seen_tensor)


def classify_review(text, model, tokenizer, device, max_length=None, pad_token_id=PAD):
    model.eval()
    # Prepare inputs to the model
    input_ids = tokenizer.encode(text)
    supported_context_length = model.pos_emb.weight.shape[0]
    # Truncate sequences if they too long
    input_ids = input_ids[: min(max_length, supported_context_length)]
    assert max_length is not None, (
        "max_length must be specified. If you want to use the full model context, "
        "pass max_length=model.pos_emb.weight.shape[0]."
    )
    assert max_length <= supported_context_length, (
        f"max_length ({max_length}) exceeds model's supported context length "
        f"({supported_context_length})."
    )
    # Pad sequences to the longest sequence
    input_ids += [pad_token_id] * (max_length - len(input_ids))
    input_tensor = torch.tensor(input_ids, device=device).unsqueeze(0)  # add batch dimension
    # Model inference
    with torch.no_grad():
        logits = model(input_tensor)[:, -1, :]  # Logits of the last output token
    predicted_label = torch.argmax(logits, dim=-1).item()
    # Return the classified result
    return "spam" if predicted_label == 1 else "not spam"


# ch06/02_bonus_additional-experiments: the logits of the last non-padding token
# ("--trainable_token_pos flexible") or of the mean over the tokens ("--average_embeddings")
def select_logits(model, input_batch, trainable_token_pos="last", average_embeddings=False):
    model_output = model(input_batch)
    if average_embeddings:
        # Average over the sequence dimension (dim=1)
        return model_output.mean(dim=1)
    if trainable_token_pos == "flexible":  # Selects the last tokens before the padding tokens
        # From https://github.com/rasbt/LLMs-from-scratch/discussions/434
        # Find the last non-padding token for each sequence in the batch
        pad_token_id = PAD
        mask = input_batch != pad_token_id
        last_token_pos = mask.sum(dim=1) - 1  # Get position of last real token
        # Select the logits for the last real token of each sequence
        batch_size = input_batch.size(0)
        return model_output[torch.arange(batch_size), last_token_pos]
    return model_output[:, -1, :]


input_batch, target_batch = next(iter(val_loader))
model.train()
for kind in ("last", "flexible", "mean"):
    model.zero_grad()
    sel = select_logits(model, input_batch, kind, average_embeddings=kind == "mean")
    loss = torch.nn.functional.cross_entropy(sel, target_batch)
    loss.backward()
    print(kind, sel.shape, sel.grad_fn, round(loss.item(), 4))
    check(f"{kind} token grad", model.trf_blocks[-1].ff.layers[0].weight.grad)
print((input_batch != PAD).sum(dim=1) - 1)

text_1 = "You are a winner you have been specially selected to receive 1000 cash"
text_2 = "Hey, just wanted to check if we're still on for dinner tonight? Let me know!"
print(classify_review(text_1, model, tokenizer, device, max_length=train_dataset.max_length))
print(classify_review(text_2, model, tokenizer, device, max_length=train_dataset.max_length))
buffer = io.BytesIO()
torch.save(model.state_dict(), buffer)
buffer.seek(0)
model_state_dict = torch.load(buffer, map_location=device, weights_only=True)
print(model.load_state_dict(model_state_dict))
print(list(model_state_dict)[:4], len(model_state_dict))

# ---------------- ch07: instruction finetuning ----------------
instruction_data = [
    {"instruction": "Evaluate the following phrase.", "input": "freind", "output": "friend"},
    {"instruction": "Convert the active sentence.", "input": "", "output": "done"},
    {"instruction": "What is an antonym of 'hot'?", "input": "", "output": "cold"},
    {"instruction": "Spell it out.", "input": "abc", "output": "a b c"},
    {"instruction": "Name a color.", "input": "", "output": "red"},
    {"instruction": "Sort these.", "input": "c a b", "output": "a b c"},
    {"instruction": "Add.", "input": "2 3", "output": "5"},
    {
        "instruction": "Rewrite in passive voice.",
        "input": "The cat ate it.",
        "output": "It was eaten.",
    },
    {"instruction": "Give a synonym of 'fast'.", "input": "", "output": "quick"},
    {"instruction": "Capitalize.", "input": "paris", "output": "Paris"},
]


def format_input(entry):
    instruction_text = (
        f"Below is an instruction that describes a task. "
        f"Write a response that appropriately completes the request."
        f"\n\n### Instruction:\n{entry['instruction']}"
    )
    input_text = f"\n\n### Input:\n{entry['input']}" if entry["input"] else ""
    return instruction_text + input_text


model_input = format_input(instruction_data[0])
desired_response = f"\n\n### Response:\n{instruction_data[0]['output']}"
print(model_input + desired_response)


class InstructionDataset(Dataset):
    def __init__(self, data, tokenizer):
        self.data = data
        # Pre-tokenize texts
        self.encoded_texts = []
        for entry in data:
            instruction_plus_input = format_input(entry)
            response_text = f"\n\n### Response:\n{entry['output']}"
            full_text = instruction_plus_input + response_text
            self.encoded_texts.append(tokenizer.encode(full_text))

    def __getitem__(self, index):
        return self.encoded_texts[index]

    def __len__(self):
        return len(self.data)


inputs_1 = [0, 1, 2, 3, 4]
inputs_2 = [5, 6]
inputs_3 = [7, 8, 9]
batch = (inputs_1, inputs_2, inputs_3)


def custom_collate_draft_1(batch, pad_token_id=PAD, device="cpu"):
    # Find the longest sequence in the batch and increase the max length by +1, which will add
    # one extra padding token below
    batch_max_length = max(len(item) + 1 for item in batch)
    # Pad and prepare inputs
    inputs_lst = []
    for item in batch:
        new_item = item.copy()
        # Add an <|endoftext|> token
        new_item += [pad_token_id]
        # Pad sequences to batch_max_length
        padded = new_item + [pad_token_id] * (batch_max_length - len(new_item))
        # Via padded[:-1], we remove the extra padded token that has been added via the +1 setting
        # in batch_max_length (the extra padding token will be relevant in later codes)
        inputs = torch.tensor(padded[:-1])
        inputs_lst.append(inputs)
    # Convert list of inputs to tensor and transfer to target device
    inputs_tensor = torch.stack(inputs_lst).to(device)
    return inputs_tensor


print(custom_collate_draft_1(batch))


def custom_collate_draft_2(batch, pad_token_id=PAD, device="cpu"):
    batch_max_length = max(len(item) + 1 for item in batch)
    inputs_lst, targets_lst = [], []
    for item in batch:
        new_item = item.copy()
        new_item += [pad_token_id]
        padded = new_item + [pad_token_id] * (batch_max_length - len(new_item))
        inputs = torch.tensor(padded[:-1])  # Truncate the last token for inputs
        targets = torch.tensor(padded[1:])  # Shift +1 to the right for targets
        inputs_lst.append(inputs)
        targets_lst.append(targets)
    inputs_tensor = torch.stack(inputs_lst).to(device)
    targets_tensor = torch.stack(targets_lst).to(device)
    return inputs_tensor, targets_tensor


inputs, targets = custom_collate_draft_2(batch)
print(inputs)
print(targets)


def custom_collate_fn(
    batch, pad_token_id=PAD, ignore_index=-100, allowed_max_length=None, device="cpu"
):
    # Find the longest sequence in the batch
    batch_max_length = max(len(item) + 1 for item in batch)
    # Pad and prepare inputs and targets
    inputs_lst, targets_lst = [], []
    for item in batch:
        new_item = item.copy()
        # Add an <|endoftext|> token
        new_item += [pad_token_id]
        # Pad sequences to max_length
        padded = new_item + [pad_token_id] * (batch_max_length - len(new_item))
        inputs = torch.tensor(padded[:-1])  # Truncate the last token for inputs
        targets = torch.tensor(padded[1:])  # Shift +1 to the right for targets
        # New: Replace all but the first padding tokens in targets by ignore_index
        mask = targets == pad_token_id
        indices = torch.nonzero(mask).squeeze()
        if indices.numel() > 1:
            targets[indices[1:]] = ignore_index
        # New: Optionally truncate to maximum sequence length
        if allowed_max_length is not None:
            inputs = inputs[:allowed_max_length]
            targets = targets[:allowed_max_length]
        inputs_lst.append(inputs)
        targets_lst.append(targets)
    # Convert list of inputs and targets to tensors and transfer to target device
    inputs_tensor = torch.stack(inputs_lst).to(device)
    targets_tensor = torch.stack(targets_lst).to(device)
    return inputs_tensor, targets_tensor


inputs, targets = custom_collate_fn(batch)
print(inputs)
print(targets)

logits_1 = torch.tensor([[-1.0, 1.0], [-0.5, 1.5]])  # 1st training example  # 2nd training example
targets_1 = torch.tensor([0, 1])  # Correct token indices to generate
loss_1 = torch.nn.functional.cross_entropy(logits_1, targets_1)
print(loss_1)
logits_2 = torch.tensor([[-1.0, 1.0], [-0.5, 1.5], [-0.5, 1.5]])  # New 3rd training example
targets_2 = torch.tensor([0, 1, 1])
loss_2 = torch.nn.functional.cross_entropy(logits_2, targets_2)
print(loss_2)
targets_3 = torch.tensor([0, 1, -100])
loss_3 = torch.nn.functional.cross_entropy(logits_2, targets_3)
print(loss_3)
print("loss_1 == loss_3:", loss_1 == loss_3)
print(torch.nn.functional.cross_entropy(logits_2, torch.tensor([-100, -100, -100])))
print(torch.nn.functional.cross_entropy(logits_2, targets_3, reduction="sum"))
print(torch.nn.functional.cross_entropy(logits_2, targets_3, reduction="none"))
raises(
    "cross_entropy with a -1 target",
    lambda: torch.nn.functional.cross_entropy(logits_2, torch.tensor([0, 1, -1])),
)
ignored = logits_2.clone().requires_grad_()
torch.nn.functional.cross_entropy(ignored, targets_3).backward()
print(ignored.grad)

customized_collate_fn = partial(custom_collate_fn, device=device, allowed_max_length=160)
print(customized_collate_fn)
train_portion = int(len(instruction_data) * 0.85)  # 85% for training
test_portion = int(len(instruction_data) * 0.1)  # 10% for testing
val_portion = len(instruction_data) - train_portion - test_portion  # Remaining 5% for validation
train_data = instruction_data[:train_portion]
test_data = instruction_data[train_portion : train_portion + test_portion]
val_data = instruction_data[train_portion + test_portion :]
print("Training set length:", len(train_data))
print("Validation set length:", len(val_data))
print("Test set length:", len(test_data))
torch.manual_seed(123)
train_dataset = InstructionDataset(train_data, tokenizer)
train_loader = DataLoader(
    train_dataset,
    batch_size=2,
    collate_fn=customized_collate_fn,
    shuffle=True,
    drop_last=True,
    num_workers=num_workers,
)
val_dataset = InstructionDataset(val_data, tokenizer)
val_loader = DataLoader(
    val_dataset,
    batch_size=2,
    collate_fn=customized_collate_fn,
    shuffle=False,
    drop_last=False,
    num_workers=num_workers,
)
print("Train loader:")
for inputs, targets in train_loader:
    print(inputs.shape, targets.shape)
print(targets[0])


def calc_loss_batch(input_batch, target_batch, model, device):
    input_batch, target_batch = input_batch.to(device), target_batch.to(device)
    logits = model(input_batch)
    loss = torch.nn.functional.cross_entropy(logits.flatten(0, 1), target_batch.flatten())
    return loss


def generate(model, idx, max_new_tokens, context_size, temperature=0.0, top_k=None, eos_id=None):
    # For-loop is the same as before: Get logits, and only focus on last time step
    for _ in range(max_new_tokens):
        idx_cond = idx[:, -context_size:]
        with torch.no_grad():
            logits = model(idx_cond)
        logits = logits[:, -1, :]
        # New: Filter logits with top_k sampling
        if top_k is not None:
            # Keep only top_k values
            top_logits, _ = torch.topk(logits, top_k)
            min_val = top_logits[:, -1]
            logits = torch.where(
                logits < min_val, torch.tensor(float("-inf")).to(logits.device), logits
            )
        # New: Apply temperature scaling
        if temperature > 0.0:
            logits = logits / temperature
            # New (not in book): numerical stability tip to get equivalent results on mps device
            # subtract rowwise max before softmax
            logits = logits - logits.max(dim=-1, keepdim=True).values
            # Apply softmax to get probabilities
            probs = torch.softmax(logits, dim=-1)  # (batch_size, context_len)
            # Sample from the distribution
            idx_next = torch.multinomial(probs, num_samples=1)  # (batch_size, 1)
        # Otherwise same as before: get idx of the vocab entry with the highest logits value
        else:
            idx_next = torch.argmax(logits, dim=-1, keepdim=True)  # (batch_size, 1)
        if idx_next == eos_id:  # Stop generating early if end-of-sequence token is encountered
            break
        # Same as before: append sampled index to the running sequence
        idx = torch.cat((idx, idx_next), dim=1)  # (batch_size, num_tokens+1)
    return idx


def train_model_simple(
    model,
    train_loader,
    val_loader,
    optimizer,
    device,
    num_epochs,
    eval_freq,
    eval_iter,
    start_context,
    tokenizer,
):
    # Initialize lists to track losses and tokens seen
    train_losses, val_losses, track_tokens_seen = [], [], []
    tokens_seen, global_step = 0, -1
    # Main training loop
    for epoch in range(num_epochs):
        model.train()  # Set model to training mode
        for input_batch, target_batch in train_loader:
            optimizer.zero_grad()  # Reset loss gradients from previous batch iteration
            loss = calc_loss_batch(input_batch, target_batch, model, device)
            loss.backward()  # Calculate loss gradients
            optimizer.step()  # Update model weights using loss gradients
            tokens_seen += input_batch.numel()
            global_step += 1
            # Optional evaluation step
            if global_step % eval_freq == 0:
                train_loss, val_loss = evaluate_model(
                    model, train_loader, val_loader, device, eval_iter, calc_loss_batch
                )
                train_losses.append(train_loss)
                val_losses.append(val_loss)
                track_tokens_seen.append(tokens_seen)
                print(
                    f"Ep {epoch + 1} (Step {global_step:06d}): "
                    f"Train loss {train_loss:.3f}, Val loss {val_loss:.3f}"
                )
        # Print a sample text after each epoch
        generate_and_print_sample(model, tokenizer, device, start_context)
    return train_losses, val_losses, track_tokens_seen


def generate_and_print_sample(model, tokenizer, device, start_context):
    model.eval()
    context_size = model.pos_emb.weight.shape[0]
    encoded = text_to_token_ids(start_context, tokenizer).to(device)
    with torch.no_grad():
        token_ids = generate_text_simple(
            model=model, idx=encoded, max_new_tokens=8, context_size=context_size
        )
    decoded_text = token_ids_to_text(token_ids, tokenizer)
    print(repr(decoded_text.replace("\n", " ")[-30:]))  # Compact print format
    model.train()


BASE_CONFIG["context_length"] = 256
torch.manual_seed(123)
model = GPTModel(BASE_CONFIG)
model.eval()
model.to(device)
print("Initial losses")
with torch.no_grad():
    train_loss = calc_loss_loader(train_loader, model, device, 5, calc_loss_batch)
    val_loss = calc_loss_loader(val_loader, model, device, 5, calc_loss_batch)
# (rounded: a log_softmax over 2 x 160 x 97 logits is past the size the engine computes
# with PyTorch's exact SLEEF / lane order, so the last float32 bit of a batch loss can differ)
print("   Training loss:", round(train_loss, 5))
print("   Validation loss:", round(val_loss, 5))
optimizer = torch.optim.AdamW(model.parameters(), lr=0.0005, weight_decay=0.1)
num_epochs = 2
torch.manual_seed(123)
train_losses, val_losses, tokens_seen = train_model_simple(
    model,
    train_loader,
    val_loader,
    optimizer,
    device,
    num_epochs=num_epochs,
    eval_freq=2,
    eval_iter=1,
    start_context=format_input(val_data[0]),
    tokenizer=tokenizer,
)
check("instruction losses", [train_losses, val_losses, tokens_seen])
for entry in test_data + val_data[:1]:
    input_text = format_input(entry)
    token_ids = generate(
        model=model,
        idx=text_to_token_ids(input_text, tokenizer).to(device),
        max_new_tokens=12,
        context_size=BASE_CONFIG["context_length"],
        eos_id=PAD,
    )
    generated_text = token_ids_to_text(token_ids, tokenizer)
    response_text = generated_text[len(input_text) :].replace("### Response:", "").strip()
    print(repr(response_text))
torch.manual_seed(123)
token_ids = generate(
    model=model,
    idx=text_to_token_ids("Name a", tokenizer),
    max_new_tokens=10,
    context_size=BASE_CONFIG["context_length"],
    top_k=5,
    temperature=1.4,
)
print(token_ids)


# ---------------- appendix D: warmup, cosine decay, gradient clipping ----------------
def train_model(
    model,
    train_loader,
    val_loader,
    optimizer,
    device,
    n_epochs,
    eval_freq,
    eval_iter,
    start_context,
    tokenizer,
    warmup_steps,
    initial_lr=3e-05,
    min_lr=1e-6,
):
    train_losses, val_losses, track_tokens_seen, track_lrs = [], [], [], []
    tokens_seen, global_step = 0, -1
    # Retrieve the maximum learning rate from the optimizer
    peak_lr = optimizer.param_groups[0]["lr"]
    # Calculate the total number of iterations in the training process
    total_training_steps = len(train_loader) * n_epochs
    # Calculate the learning rate increment during the warmup phase
    lr_increment = (peak_lr - initial_lr) / warmup_steps
    for epoch in range(n_epochs):
        model.train()
        for input_batch, target_batch in train_loader:
            optimizer.zero_grad()
            global_step += 1
            # Adjust the learning rate based on the current phase (warmup or cosine annealing)
            if global_step < warmup_steps:
                # Linear warmup
                lr = initial_lr + global_step * lr_increment
            else:
                # Cosine annealing after warmup
                progress = (global_step - warmup_steps) / (total_training_steps - warmup_steps)
                lr = min_lr + (peak_lr - min_lr) * 0.5 * (1 + math.cos(math.pi * progress))
            # Apply the calculated learning rate to the optimizer
            for param_group in optimizer.param_groups:
                param_group["lr"] = lr
            track_lrs.append(lr)  # Store the current learning rate
            # Calculate and backpropagate the loss
            loss = calc_loss_batch(input_batch, target_batch, model, device)
            loss.backward()
            # Apply gradient clipping after the warmup phase to avoid exploding gradients
            if global_step >= warmup_steps:
                norm = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
                track_lrs.append(norm)
            optimizer.step()
            tokens_seen += input_batch.numel()
            # Periodically evaluate the model on the training and validation sets
            if global_step % eval_freq == 0:
                train_loss, val_loss = evaluate_model(
                    model, train_loader, val_loader, device, eval_iter, calc_loss_batch
                )
                train_losses.append(train_loss)
                val_losses.append(val_loss)
                track_tokens_seen.append(tokens_seen)
                # Print the current losses
                print(
                    f"Ep {epoch + 1} (Iter {global_step:06d}): "
                    f"Train loss {train_loss:.3f}, "
                    f"Val loss {val_loss:.3f}"
                )
        # Generate and print a sample from the model to monitor progress
        generate_and_print_sample(model, tokenizer, device, start_context)
    return train_losses, val_losses, track_tokens_seen, track_lrs


torch.manual_seed(123)
model = GPTModel(BASE_CONFIG)
model.to(device)
peak_lr = 0.001
optimizer = torch.optim.AdamW(model.parameters(), lr=peak_lr, weight_decay=0.1)
n_epochs = 2
train_losses, val_losses, tokens_seen, lrs = train_model(
    model,
    train_loader,
    val_loader,
    optimizer,
    device,
    n_epochs=n_epochs,
    eval_freq=2,
    eval_iter=1,
    start_context="Add.",
    tokenizer=tokenizer,
    warmup_steps=3,
    initial_lr=1e-5,
    min_lr=1e-5,
)
check("appendix D lrs and norms", lrs)
check("appendix D losses", [train_losses, val_losses])
print(optimizer.param_groups[0]["lr"], optimizer.state_dict()["param_groups"][0]["lr"])


# ---------------- appendix E: LoRA on the ch06 classifier ----------------
class LoRALayer(torch.nn.Module):
    def __init__(self, in_dim, out_dim, rank, alpha):
        super().__init__()
        self.A = torch.nn.Parameter(torch.empty(in_dim, rank))
        torch.nn.init.kaiming_uniform_(self.A, a=math.sqrt(5))  # similar to standard weight init
        self.B = torch.nn.Parameter(torch.zeros(rank, out_dim))
        self.alpha = alpha

    def forward(self, x):
        x = self.alpha * (x @ self.A @ self.B)
        return x


class LinearWithLoRA(torch.nn.Module):
    def __init__(self, linear, rank, alpha):
        super().__init__()
        self.linear = linear
        self.lora = LoRALayer(linear.in_features, linear.out_features, rank, alpha)

    def forward(self, x):
        return self.linear(x) + self.lora(x)


def replace_linear_with_lora(model, rank, alpha):
    for name, module in model.named_children():
        if isinstance(module, torch.nn.Linear):
            # Replace the Linear layer with LinearWithLoRA
            setattr(model, name, LinearWithLoRA(module, rank, alpha))
        else:
            # Recursively apply the same function to child modules
            replace_linear_with_lora(module, rank, alpha)


BASE_CONFIG["context_length"] = 64
torch.manual_seed(123)
model = GPTModel(BASE_CONFIG)
model.eval()
torch.manual_seed(123)
model.out_head = torch.nn.Linear(in_features=BASE_CONFIG["emb_dim"], out_features=num_classes)
total_params = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"Total trainable parameters before: {total_params:,}")
model.requires_grad_(False)
total_params = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"Total trainable parameters after: {total_params:,}")
torch.manual_seed(123)
replace_linear_with_lora(model, rank=4, alpha=8)
total_params = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"Total trainable LoRA parameters: {total_params:,}")
print(model.trf_blocks[0].att)
print(model.out_head)
check("LoRA A", model.out_head.lora.A)

spam_train = SpamDataset(data[:10], tokenizer=tokenizer)
torch.manual_seed(123)
spam_loader = DataLoader(spam_train, batch_size=4, shuffle=True, drop_last=True)
spam_val_loader = DataLoader(
    SpamDataset(data[10:], max_length=spam_train.max_length, tokenizer=tokenizer), batch_size=4
)
torch.manual_seed(123)
train_accuracy = calc_accuracy_loader(spam_loader, model, device, num_batches=10)
print(f"Training accuracy: {train_accuracy * 100:.2f}%")
optimizer = torch.optim.AdamW(model.parameters(), lr=5e-3, weight_decay=0.1)
print(len(optimizer.param_groups[0]["params"]))
torch.manual_seed(123)
train_losses, val_losses, train_accs, val_accs, examples_seen = train_classifier_simple(
    model, spam_loader, spam_val_loader, optimizer, device, num_epochs=2, eval_freq=2, eval_iter=2
)
check("LoRA classifier losses", [train_losses, val_losses, train_accs, val_accs])
check("LoRA B grad", model.out_head.lora.B.grad)
print(model.out_head.linear.weight.grad, model.out_head.lora.B.requires_grad)
