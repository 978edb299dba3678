# Andrej Karpathy's minGPT (github.com/karpathy/minGPT): mingpt/model.py (NewGELU,
# CausalSelfAttention with a registered tril "bias" buffer, Block with an nn.ModuleDict MLP and
# a lambda forward, GPT with get_default_config / CfgNode, _init_weights through self.apply,
# the scaled c_proj init, configure_optimizers' decay / no_decay groups over named_modules and
# named_parameters, AdamW with betas (0.9, 0.95), forward with ignore_index=-1, generate with
# top-k, greedy topk(k=1) or multinomial sampling), mingpt/trainer.py (RandomSampler with
# replacement and num_samples=int(1e10), zero_grad(set_to_none=True), clip_grad_norm_,
# callbacks), projects/adder (AdditionDataset from a Generator's randperm, eval_split) and
# projects/chargpt (CharDataset). Then the PyTorch "Sequence Models and Long Short-Term Memory
# Networks" tutorial's exercise (the LSTM tagger augmented with character-level LSTM features,
# https://pytorch.org/tutorials/beginner/nlp/sequence_models_tutorial.html) and a batched
# forward algorithm for the "Advanced: Making Dynamic Decisions and the Bi-LSTM CRF" tutorial's
# CRF (logsumexp over the previous tag, checked against the tutorial's loop); the tutorials
# themselves are in tutorial_pytorch_nlp.py. The tiny 'gpt-pico' config and short runs keep it fast.
import math
from collections import defaultdict

DataLoader = torch.utils.data.DataLoader
Dataset = torch.utils.data.Dataset


class CfgNode:
    """a lightweight configuration class inspired by yacs"""

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)

    def __str__(self):
        return self._str_helper(0)

    def _str_helper(self, indent):
        """need to have a helper to support nested indentation for pretty printing"""
        parts = []
        for k, v in self.__dict__.items():
            if isinstance(v, CfgNode):
                parts.append("%s:\n" % k)
                parts.append(v._str_helper(indent + 1))
            else:
                parts.append("%s: %s\n" % (k, v))
        parts = [" " * (indent * 4) + p for p in parts]
        return "".join(parts)

    def to_dict(self):
        return {k: v.to_dict() if isinstance(v, CfgNode) else v for k, v in self.__dict__.items()}

    def merge_from_dict(self, d):
        self.__dict__.update(d)


CN = CfgNode


class NewGELU(nn.Module):
    """GELU as in Google BERT / OpenAI GPT: https://arxiv.org/abs/1606.08415"""

    def forward(self, x):
        return (
            0.5
            * x
            * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))
        )


class CausalSelfAttention(nn.Module):
    """A vanilla multi-head masked self-attention layer with a projection at the end."""

    def __init__(self, config):
        super().__init__()
        assert config.n_embd % config.n_head == 0
        # key, query, value projections for all heads, but in a batch
        self.c_attn = nn.Linear(config.n_embd, 3 * config.n_embd)
        # output projection
        self.c_proj = nn.Linear(config.n_embd, config.n_embd)
        # regularization
        self.attn_dropout = nn.Dropout(config.attn_pdrop)
        self.resid_dropout = nn.Dropout(config.resid_pdrop)
        # causal mask to ensure that attention is only applied to the left in the input sequence
        self.register_buffer(
            "bias",
            torch.tril(torch.ones(config.block_size, config.block_size)).view(
                1, 1, config.block_size, config.block_size
            ),
        )
        self.n_head = config.n_head
        self.n_embd = config.n_embd

    def forward(self, x):
        B, T, C = x.size()  # batch size, sequence length, embedding dimensionality (n_embd)
        q, k, v = self.c_attn(x).split(self.n_embd, dim=2)
        k = k.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)  # (B, nh, T, hs)
        q = q.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)  # (B, nh, T, hs)
        v = v.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)  # (B, nh, T, hs)
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))
        att = att.masked_fill(self.bias[:, :, :T, :T] == 0, float("-inf"))
        att = F.softmax(att, dim=-1)
        att = self.attn_dropout(att)
        y = att @ v  # (B, nh, T, T) x (B, nh, T, hs) -> (B, nh, T, hs)
        y = y.transpose(1, 2).contiguous().view(B, T, C)  # re-assemble all head outputs
        y = self.resid_dropout(self.c_proj(y))
        return y


class Block(nn.Module):
    """an unassuming Transformer block"""

    def __init__(self, config):
        super().__init__()
        self.ln_1 = nn.LayerNorm(config.n_embd)
        self.attn = CausalSelfAttention(config)
        self.ln_2 = nn.LayerNorm(config.n_embd)
        self.mlp = nn.ModuleDict(
            dict(
                c_fc=nn.Linear(config.n_embd, 4 * config.n_embd),
                c_proj=nn.Linear(4 * config.n_embd, config.n_embd),
                act=NewGELU(),
                dropout=nn.Dropout(config.resid_pdrop),
            )
        )
        m = self.mlp
        self.mlpf = lambda x: m.dropout(m.c_proj(m.act(m.c_fc(x))))  # MLP forward

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        x = x + self.mlpf(self.ln_2(x))
        return x


class GPT(nn.Module):
    """GPT Language Model"""

    @staticmethod
    def get_default_config():
        C = CN()
        # either model_type or (n_layer, n_head, n_embd) must be given in the config
        C.model_type = "gpt"
        C.n_layer = None
        C.n_head = None
        C.n_embd = None
        # these options must be filled in externally
        C.vocab_size = None
        C.block_size = None
        # dropout hyperparameters
        C.embd_pdrop = 0.1
        C.resid_pdrop = 0.1
        C.attn_pdrop = 0.1
        return C

    def __init__(self, config):
        super().__init__()
        assert config.vocab_size is not None
        assert config.block_size is not None
        self.block_size = config.block_size
        type_given = config.model_type is not None
        params_given = all(
            [config.n_layer is not None, config.n_head is not None, config.n_embd is not None]
        )
        assert type_given ^ params_given  # exactly one of these (XOR)
        if type_given:
            # translate from model_type to detailed configuration
            config.merge_from_dict(
                {
                    "gpt-mini": dict(n_layer=6, n_head=6, n_embd=192),
                    "gpt-micro": dict(n_layer=4, n_head=4, n_embd=128),
                    "gpt-nano": dict(n_layer=3, n_head=3, n_embd=48),
                    "gpt-pico": dict(n_layer=2, n_head=2, n_embd=16),  # (smaller still, here)
                }[config.model_type]
            )
        self.transformer = nn.ModuleDict(
            dict(
                wte=nn.Embedding(config.vocab_size, config.n_embd),
                wpe=nn.Embedding(config.block_size, config.n_embd),
                drop=nn.Dropout(config.embd_pdrop),
                h=nn.ModuleList([Block(config) for _ in range(config.n_layer)]),
                ln_f=nn.LayerNorm(config.n_embd),
            )
        )
        self.lm_head = nn.Linear(config.n_embd, config.vocab_size, bias=False)
        # init all weights, and apply a special scaled init to the residual projections
        self.apply(self._init_weights)
        for pn, p in self.named_parameters():
            if pn.endswith("c_proj.weight"):
                torch.nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * config.n_layer))
        # report number of parameters (note we don't count the decoder parameters in lm_head)
        n_params = sum(p.numel() for p in self.transformer.parameters())
        print("number of parameters: %.2fM" % (n_params / 1e6,))

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)
            if module.bias is not None:
                torch.nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)
        elif isinstance(module, nn.LayerNorm):
            torch.nn.init.zeros_(module.bias)
            torch.nn.init.ones_(module.weight)

    def configure_optimizers(self, train_config):
        # separate out all parameters to those that will and won't experience weight decay
        decay = set()
        no_decay = set()
        whitelist_weight_modules = (torch.nn.Linear,)
        blacklist_weight_modules = (torch.nn.LayerNorm, torch.nn.Embedding)
        for mn, m in self.named_modules():
            for pn, p in m.named_parameters():
                fpn = "%s.%s" % (mn, pn) if mn else pn  # full param name
                # named_modules and named_parameters are recursive: the same tensors p are seen
                # many times, but this way we know which parent module any tensor p belongs to
                if pn.endswith("bias"):
                    # all biases will not be decayed
                    no_decay.add(fpn)
                elif pn.endswith("weight") and isinstance(m, whitelist_weight_modules):
                    # weights of whitelist modules will be weight decayed
                    decay.add(fpn)
                elif pn.endswith("weight") and isinstance(m, blacklist_weight_modules):
                    # weights of blacklist modules will NOT be weight decayed
                    no_decay.add(fpn)
        # validate that we considered every parameter
        param_dict = {pn: p for pn, p in self.named_parameters()}
        inter_params = decay & no_decay
        union_params = decay | no_decay
        assert len(inter_params) == 0, "parameters %s made it into both decay/no_decay sets!" % (
            str(inter_params),
        )
        assert len(param_dict.keys() - union_params) == 0, (
            "parameters %s were not separated into either decay/no_decay set!"
            % (str(param_dict.keys() - union_params),)
        )
        # create the pytorch optimizer object
        optim_groups = [
            {
                "params": [param_dict[pn] for pn in sorted(list(decay))],
                "weight_decay": train_config.weight_decay,
            },
            {"params": [param_dict[pn] for pn in sorted(list(no_decay))], "weight_decay": 0.0},
        ]
        optimizer = torch.optim.AdamW(
            optim_groups, lr=train_config.learning_rate, betas=train_config.betas
        )
        return optimizer

    def forward(self, idx, targets=None):
        device = idx.device
        b, t = idx.size()
        assert t <= self.block_size, (
            f"Cannot forward sequence of length {t}, block size is only {self.block_size}"
        )
        pos = torch.arange(0, t, dtype=torch.long, device=device).unsqueeze(0)  # shape (1, t)
        # forward the GPT model itself
        tok_emb = self.transformer.wte(idx)  # token embeddings of shape (b, t, n_embd)
        pos_emb = self.transformer.wpe(pos)  # position embeddings of shape (1, t, n_embd)
        x = self.transformer.drop(tok_emb + pos_emb)
        for block in self.transformer.h:
            x = block(x)
        x = self.transformer.ln_f(x)
        logits = self.lm_head(x)
        # if we are given some desired targets also calculate the loss
        loss = None
        if targets is not None:
            loss = F.cross_entropy(
                logits.view(-1, logits.size(-1)), targets.view(-1), ignore_index=-1
            )
        return logits, loss

    @torch.no_grad()
    def generate(self, idx, max_new_tokens, temperature=1.0, do_sample=False, top_k=None):
        for _ in range(max_new_tokens):
            # if the sequence context is growing too long we must crop it at block_size
            idx_cond = idx if idx.size(1) <= self.block_size else idx[:, -self.block_size :]
            # forward the model to get the logits for the index in the sequence
            logits, _ = self(idx_cond)
            # pluck the logits at the final step and scale by desired temperature
            logits = logits[:, -1, :] / temperature
            # optionally crop the logits to only the top k options
            if top_k is not None:
                v, _ = torch.topk(logits, top_k)
                logits[logits < v[:, [-1]]] = -float("Inf")
            # apply softmax to convert logits to (normalized) probabilities
            probs = F.softmax(logits, dim=-1)
            # either sample from the distribution or take the most likely element
            if do_sample:
                idx_next = torch.multinomial(probs, num_samples=1)
            else:
                _, idx_next = torch.topk(probs, k=1, dim=-1)
            # append sampled index to the running sequence and continue
            idx = torch.cat((idx, idx_next), dim=1)
        return idx


class Trainer:
    @staticmethod
    def get_default_config():
        C = CN()
        # device to train on
        C.device = "auto"
        # dataloder parameters
        C.num_workers = 0
        # optimizer parameters
        C.max_iters = None
        C.batch_size = 64
        C.learning_rate = 3e-4
        C.betas = (0.9, 0.95)
        C.weight_decay = 0.1  # only applied on matmul weights
        C.grad_norm_clip = 1.0
        return C

    def __init__(self, config, model, train_dataset):
        self.config = config
        self.model = model
        self.optimizer = None
        self.train_dataset = train_dataset
        self.callbacks = defaultdict(list)
        # determine the device we'll train on
        if config.device == "auto":
            self.device = "cuda" if torch.cuda.is_available() else "cpu"
        else:
            self.device = config.device
        self.model = self.model.to(self.device)
        print("running on device", self.device)
        self.iter_num = 0

    def add_callback(self, onevent: str, callback):
        self.callbacks[onevent].append(callback)

    def set_callback(self, onevent: str, callback):
        self.callbacks[onevent] = [callback]

    def trigger_callbacks(self, onevent: str):
        for callback in self.callbacks.get(onevent, []):
            callback(self)

    def run(self):
        model, config = self.model, self.config
        # setup the optimizer
        self.optimizer = model.configure_optimizers(config)
        # setup the dataloader
        train_loader = DataLoader(
            self.train_dataset,
            sampler=torch.utils.data.RandomSampler(
                self.train_dataset, replacement=True, num_samples=int(1e10)
            ),
            shuffle=False,
            pin_memory=True,
            batch_size=config.batch_size,
            num_workers=config.num_workers,
        )
        model.train()
        self.iter_num = 0
        data_iter = iter(train_loader)
        while True:
            # fetch the next batch (x, y) and re-init iterator if needed
            try:
                batch = next(data_iter)
            except StopIteration:
                data_iter = iter(train_loader)
                batch = next(data_iter)
            batch = [t.to(self.device) for t in batch]
            x, y = batch
            # forward the model
            logits, self.loss = model(x, y)
            # backprop and update the parameters
            model.zero_grad(set_to_none=True)
            self.loss.backward()
            self.grad_norm = torch.nn.utils.clip_grad_norm_(
                model.parameters(), config.grad_norm_clip
            )
            self.optimizer.step()
            self.trigger_callbacks("on_batch_end")
            self.iter_num += 1
            # termination conditions
            if config.max_iters is not None and self.iter_num >= config.max_iters:
                break


# ---------------- projects/adder ----------------
class AdditionDataset(Dataset):
    """n-digit addition problems: 85 + 50 = 135 is "8550531" (the sum reversed)."""

    @staticmethod
    def get_default_config():
        C = CN()
        C.ndigit = 2
        return C

    def __init__(self, config, split):
        self.config = config
        self.split = split  # train/test
        ndigit = self.config.ndigit
        assert ndigit <= 3, "the lines below would be very memory inefficient"
        num = (10**ndigit) ** 2  # total number of possible addition problems with ndigit numbers
        rng = torch.Generator()
        rng.manual_seed(1337)
        perm = torch.randperm(num, generator=rng)
        num_test = min(int(num * 0.2), 500)  # 20% of the whole dataset, or only up to 500
        self.ixes = perm[:num_test] if split == "test" else perm[num_test:]

    def get_vocab_size(self):
        return 10  # digits 0..9

    def get_block_size(self):
        # a,b,a+b, and +1 due to potential carry overflow,
        # but then also -1 because very last digit doesn't ever plug back
        # as there is no explicit <EOS> token to predict, it is implied
        return 3 * self.config.ndigit + 1 - 1

    def __len__(self):
        return self.ixes.nelement()

    def __getitem__(self, idx):
        ndigit = self.config.ndigit
        # given a problem index idx, first recover the associated a + b
        idx = self.ixes[idx].item()
        nd = 10**ndigit
        a = idx // nd
        b = idx % nd
        # calculate the "label" of the addition problem a + b
        c = a + b
        # encode the digits of a, b, c into strings
        astr = f"%0{ndigit}d" % a
        bstr = f"%0{ndigit}d" % b
        cstr = (f"%0{ndigit + 1}d" % c)[::-1]  # reverse c to make addition easier
        render = astr + bstr + cstr
        dix = [int(s) for s in render]  # convert each character to its token index
        # x will be input to GPT and y will be the associated expected outputs
        x = torch.tensor(dix[:-1], dtype=torch.long)
        y = torch.tensor(dix[1:], dtype=torch.long)  # predict the next token in the sequence
        y[: ndigit * 2 - 1] = -1  # we will only train in the output locations
        return x, y


def get_config():
    C = CN()
    # system
    C.system = CN()
    C.system.seed = 3407
    C.system.work_dir = "./out/adder"
    # data
    C.data = AdditionDataset.get_default_config()
    # model
    C.model = GPT.get_default_config()
    C.model.model_type = "gpt-pico"
    # trainer
    C.trainer = Trainer.get_default_config()
    C.trainer.learning_rate = 5e-4  # the model we're using is so small that we can go faster
    C.trainer.batch_size = 16
    C.trainer.max_iters = 6
    return C


config = get_config()
print(config)
torch.manual_seed(config.system.seed)
train_dataset = AdditionDataset(config.data, split="train")
test_dataset = AdditionDataset(config.data, split="test")
print(len(train_dataset), len(test_dataset), train_dataset.ixes[:8], test_dataset.ixes[:8])
print(train_dataset[0])
config.model.vocab_size = train_dataset.get_vocab_size()
config.model.block_size = train_dataset.get_block_size()
model = GPT(config.model)
print(model.transformer.h[0])
print(config.model.to_dict())
check("c_proj init", model.transformer.h[0].attn.c_proj.weight)
check("c_fc init", model.transformer.h[1].mlp.c_fc.weight)
check("wte init", model.transformer.wte.weight)
trainer = Trainer(config.trainer, model, train_dataset)
optimizer = model.configure_optimizers(config.trainer)
print([len(g["params"]) for g in optimizer.param_groups])
print([g["weight_decay"] for g in optimizer.param_groups], optimizer.defaults["betas"])
print(optimizer)
raises("forward past the block size", lambda: model(torch.zeros(1, 7, dtype=torch.long)))

losses = []


def batch_end_callback(trainer):
    losses.append(trainer.loss.item())
    if trainer.iter_num % 2 == 0:
        print(f"iter {trainer.iter_num}: train loss {trainer.loss.item():.5f}")


trainer.set_callback("on_batch_end", batch_end_callback)
trainer.run()
check("adder losses", losses)
check("adder grad norm", trainer.grad_norm)
check("adder head after training", model.lm_head.weight)
print(model.transformer.wte.weight.grad is None, model.lm_head.weight.grad.shape)
print(len(trainer.optimizer.state), trainer.optimizer.state[model.lm_head.weight]["step"])


def eval_split(trainer, split, max_batches=None):
    dataset = {"train": train_dataset, "test": test_dataset}[split]
    ndigit = config.data.ndigit
    results = []
    mistakes_printed_already = 0
    factors = torch.tensor([[10**i for i in range(ndigit + 1)][::-1]]).to(trainer.device)
    loader = DataLoader(dataset, batch_size=50, num_workers=0, drop_last=False)
    for b, (x, y) in enumerate(loader):
        x = x.to(trainer.device)
        # isolate the first two digits of the input sequence alone
        d1d2 = x[:, : ndigit * 2]
        # let the model sample the rest of the sequence
        d1d2d3 = model.generate(d1d2, ndigit + 1, do_sample=False)  # greedy argmax, no sampling
        # isolate the last digit of the sampled sequence
        d3 = d1d2d3[:, -(ndigit + 1) :]
        d3 = d3.flip(1)  # reverse the digits to their "normal" order
        # decode the integers from individual digits
        d1i = (d1d2[:, :ndigit] * factors[:, 1:]).sum(1)
        d2i = (d1d2[:, ndigit : ndigit * 2] * factors[:, 1:]).sum(1)
        d3i_pred = (d3 * factors).sum(1)
        d3i_gt = d1i + d2i  # manually calculate the ground truth
        correct = (d3i_pred == d3i_gt).cpu()
        for i in range(x.size(0)):
            results.append(int(correct[i]))
            if not correct[i] and mistakes_printed_already < 3:
                mistakes_printed_already += 1
                print(
                    "GPT claims that %d + %d = %d but gt is %d"
                    % (d1i[i], d2i[i], d3i_pred[i], d3i_gt[i])
                )
        if max_batches is not None and b + 1 >= max_batches:
            break
    rt = torch.tensor(results, dtype=torch.float)
    print(
        "%s final score: %d/%d = %.2f%% correct" % (split, rt.sum(), len(results), 100 * rt.mean())
    )
    return rt.sum()


model.eval()
with torch.no_grad():
    train_score = eval_split(trainer, "train", max_batches=2)
    test_score = eval_split(trainer, "test", max_batches=2)
print(train_score, test_score)
model.train()


# ---------------- projects/chargpt ----------------
class CharDataset(Dataset):
    """Emits batches of characters"""

    @staticmethod
    def get_default_config():
        C = CN()
        C.block_size = 8
        return C

    def __init__(self, config, data):
        self.config = config
        chars = sorted(list(set(data)))
        data_size, vocab_size = len(data), len(chars)
        print("data has %d characters, %d unique." % (data_size, vocab_size))
        self.stoi = {ch: i for i, ch in enumerate(chars)}
        self.itos = {i: ch for i, ch in enumerate(chars)}
        self.vocab_size = vocab_size
        self.data = data

    def get_vocab_size(self):
        return self.vocab_size

    def get_block_size(self):
        return self.config.block_size

    def __len__(self):
        return len(self.data) - self.config.block_size

    def __getitem__(self, idx):
        # grab a chunk of (block_size + 1) characters from the data
        chunk = self.data[idx : idx + self.config.block_size + 1]
        # encode every character to an integer
        dix = [self.stoi[s] for s in chunk]
        # return as tensors
        x = torch.tensor(dix[:-1], dtype=torch.long)
        y = torch.tensor(dix[1:], dtype=torch.long)
        return x, y


text = "First Citizen:\nBefore we proceed any further, hear me speak.\n\nAll:\nSpeak, speak.\n" * 2
char_config = CN(data=CharDataset.get_default_config(), model=GPT.get_default_config())
char_config.model.model_type = None
char_config.model.n_layer, char_config.model.n_head, char_config.model.n_embd = 1, 2, 8
torch.manual_seed(3407)
char_dataset = CharDataset(char_config.data, text)
char_config.model.vocab_size = char_dataset.get_vocab_size()
char_config.model.block_size = char_dataset.get_block_size()
char_model = GPT(char_config.model)
char_trainer_config = Trainer.get_default_config()
char_trainer_config.learning_rate = 5e-3
char_trainer_config.batch_size = 8
char_trainer_config.max_iters = 4
char_trainer = Trainer(char_trainer_config, char_model, char_dataset)
char_losses = []
char_trainer.set_callback("on_batch_end", lambda tr: char_losses.append(tr.loss.item()))
char_trainer.run()
check("chargpt losses", char_losses)
char_model.eval()
with torch.no_grad():
    # sample from the model...
    context = "Speak"
    x = torch.tensor([char_dataset.stoi[s] for s in context], dtype=torch.long)[None, ...]
    y = char_model.generate(x, 12, temperature=1.0, do_sample=True, top_k=5)[0]
    completion = "".join([char_dataset.itos[int(i)] for i in y])
    print(repr(completion))
    y = char_model.generate(x, 4, do_sample=False)[0]
    print(y)
raises(
    "generate with top_k above the vocabulary",
    lambda: char_model.generate(x, 1, top_k=char_dataset.get_vocab_size() + 1),
)

# ---------------- "Sequence Models and LSTM": the exercise with character features ----------------
torch.manual_seed(1)
training_data = [
    # Tags are: DET - determiner; NN - noun; V - verb
    ("The dog ate the apple".split(), ["DET", "NN", "V", "DET", "NN"]),
    ("Everybody read that book".split(), ["NN", "V", "DET", "NN"]),
]
word_to_ix = {}
char_to_ix = {}
for sent, tags in training_data:
    for word in sent:
        if word not in word_to_ix:
            word_to_ix[word] = len(word_to_ix)
        for ch in word:
            if ch not in char_to_ix:
                char_to_ix[ch] = len(char_to_ix)
print(word_to_ix)
tag_to_ix = {"DET": 0, "NN": 1, "V": 2}  # Assign each tag with a unique index


def prepare_sequence(seq, to_ix):
    idxs = [to_ix[w] for w in seq]
    return torch.tensor(idxs, dtype=torch.long)


class LSTMTaggerWithChars(nn.Module):
    """The LSTM tagger whose word representation is its embedding concatenated with the final
    hidden state of an LSTM run over the word's characters (the tutorial's exercise)."""

    def __init__(
        self, embedding_dim, char_dim, char_hidden, hidden_dim, vocab_size, n_chars, tagset_size
    ):
        super().__init__()
        self.hidden_dim = hidden_dim
        self.word_embeddings = nn.Embedding(vocab_size, embedding_dim)
        self.char_embeddings = nn.Embedding(n_chars, char_dim)
        self.char_lstm = nn.LSTM(char_dim, char_hidden)
        # The LSTM takes word embeddings and character features as inputs, and outputs hidden
        # states with dimensionality hidden_dim.
        self.lstm = nn.LSTM(embedding_dim + char_hidden, hidden_dim)
        # The linear layer that maps from hidden state space to tag space
        self.hidden2tag = nn.Linear(hidden_dim, tagset_size)

    def char_features(self, word):
        chars = self.char_embeddings(prepare_sequence(word, char_to_ix))
        _, (h_n, _) = self.char_lstm(chars.view(len(word), 1, -1))
        return h_n.view(-1)

    def forward(self, sentence_words):
        embeds = self.word_embeddings(prepare_sequence(sentence_words, word_to_ix))
        chars = torch.stack([self.char_features(w) for w in sentence_words])
        x = torch.cat([embeds, chars], dim=1)
        lstm_out, _ = self.lstm(x.view(len(sentence_words), 1, -1))
        tag_space = self.hidden2tag(lstm_out.view(len(sentence_words), -1))
        tag_scores = F.log_softmax(tag_space, dim=1)
        return tag_scores


tagger = LSTMTaggerWithChars(6, 3, 3, 6, len(word_to_ix), len(char_to_ix), len(tag_to_ix))
loss_function = nn.NLLLoss()
optimizer = optim.SGD(tagger.parameters(), lr=0.1)
with torch.no_grad():
    tag_scores = tagger(training_data[0][0])
    print(tag_scores)
for epoch in range(3):
    for sentence, tags in training_data:
        # Step 1. Remember that Pytorch accumulates gradients.
        tagger.zero_grad()
        # Step 2/3. Run our forward pass.
        targets = prepare_sequence(tags, tag_to_ix)
        tag_scores = tagger(sentence)
        # Step 4. Compute the loss, gradients, and update the parameters by calling
        loss = loss_function(tag_scores, targets)
        loss.backward()
        optimizer.step()
check("char lstm grad", tagger.char_lstm.weight_hh_l0.grad)
check("tagger loss", loss)
with torch.no_grad():
    tag_scores = tagger(training_data[0][0])
    print(tag_scores, tag_scores.argmax(dim=1))

# ---------------- Bi-LSTM CRF: the forward algorithm, batched ----------------
START_TAG = "<START>"
STOP_TAG = "<STOP>"
crf_tags = {"B": 0, "I": 1, "O": 2, START_TAG: 3, STOP_TAG: 4}
tagset_size = len(crf_tags)
torch.manual_seed(1)
transitions = nn.Parameter(torch.randn(tagset_size, tagset_size))
transitions.data[crf_tags[START_TAG], :] = -10000
transitions.data[:, crf_tags[STOP_TAG]] = -10000
feats = torch.randn(7, tagset_size)


def log_sum_exp(vec):
    max_score = vec[0, torch.argmax(vec, dim=1).item()]
    max_score_broadcast = max_score.view(1, -1).expand(1, vec.size()[1])
    return max_score + torch.log(torch.sum(torch.exp(vec - max_score_broadcast)))


def forward_alg_loop(feats):
    # the tutorial's version: one log_sum_exp per next tag
    init_alphas = torch.full((1, tagset_size), -10000.0)
    init_alphas[0][crf_tags[START_TAG]] = 0.0
    forward_var = init_alphas
    for feat in feats:
        alphas_t = []
        for next_tag in range(tagset_size):
            emit_score = feat[next_tag].view(1, -1).expand(1, tagset_size)
            trans_score = transitions[next_tag].view(1, -1)
            next_tag_var = forward_var + trans_score + emit_score
            alphas_t.append(log_sum_exp(next_tag_var).view(1))
        forward_var = torch.cat(alphas_t).view(1, -1)
    terminal_var = forward_var + transitions[crf_tags[STOP_TAG]]
    return log_sum_exp(terminal_var)


def forward_alg_batched(feats):
    # all next tags at once: alpha_j = logsumexp_i(alpha_i + T[j, i]) + emit_j
    forward_var = torch.full((tagset_size,), -10000.0)
    forward_var[crf_tags[START_TAG]] = 0.0
    for feat in feats:
        forward_var = torch.logsumexp(forward_var.unsqueeze(0) + transitions, dim=1) + feat
    return torch.logsumexp(forward_var + transitions[crf_tags[STOP_TAG]], dim=0)


loop_score = forward_alg_loop(feats)
batched_score = forward_alg_batched(feats)
print(loop_score, batched_score)
check("forward algorithm (loop)", loop_score)
check("forward algorithm (batched)", batched_score)
(g_loop,) = torch.autograd.grad(loop_score, transitions)
(g_batched,) = torch.autograd.grad(batched_score, transitions)
check("transition grad (loop)", g_loop)
check("transition grad (batched)", g_batched)
print(torch.allclose(g_loop, g_batched, atol=1e-5))
check("batched forward algorithm graph", graph(batched_score))
