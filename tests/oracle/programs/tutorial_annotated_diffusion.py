# Hugging Face blog, "The Annotated Diffusion Model" (Niels Rogge, Kashif Rasul; after Phil
# Wang's denoising-diffusion-pytorch): https://huggingface.co/blog/annotated-diffusion
# (github.com/huggingface/blog annotated-diffusion.md). The beta schedules (cosine with
# cumprod and clip, linear, quadratic, sigmoid), alphas_cumprod / F.pad / posterior variance,
# extract with gather, q_sample, the helpers (Residual, Upsample with nn.Upsample, Downsample
# as a space-to-depth rearrange, SinusoidalPositionEmbeddings, WeightStandardizedConv2d,
# Block / ResnetBlock with GroupNorm, SiLU and scale_shift, Attention with einsum,
# LinearAttention, PreNorm with GroupNorm(1, dim)), a small Unet, p_losses (l1 / l2 / huber),
# training steps with Adam and a short p_sample_loop. einops is not used: its rearranges are
# written with reshape / permute (the blog's own alternatives); a random tensor stands in for
# Fashion-MNIST, a small image size and few time steps keep it fast.
import math
from functools import partial
from inspect import isfunction


def exists(x):
    return x is not None


def default(val, d):
    if exists(val):
        return val
    return d() if isfunction(d) else d


def num_to_groups(num, divisor):
    groups = num // divisor
    remainder = num % divisor
    arr = [divisor] * groups
    if remainder > 0:
        arr.append(remainder)
    return arr


print(num_to_groups(4, 3), num_to_groups(10, 5))


# ---------------- beta schedules ----------------
def cosine_beta_schedule(timesteps, s=0.008):
    """cosine schedule as proposed in https://arxiv.org/abs/2102.09672"""
    steps = timesteps + 1
    x = torch.linspace(0, timesteps, steps)
    alphas_cumprod = torch.cos(((x / timesteps) + s) / (1 + s) * torch.pi * 0.5) ** 2
    alphas_cumprod = alphas_cumprod / alphas_cumprod[0]
    betas = 1 - (alphas_cumprod[1:] / alphas_cumprod[:-1])
    return torch.clip(betas, 0.0001, 0.9999)


def linear_beta_schedule(timesteps):
    beta_start = 0.0001
    beta_end = 0.02
    return torch.linspace(beta_start, beta_end, timesteps)


def quadratic_beta_schedule(timesteps):
    beta_start = 0.0001
    beta_end = 0.02
    return torch.linspace(beta_start**0.5, beta_end**0.5, timesteps) ** 2


def sigmoid_beta_schedule(timesteps):
    beta_start = 0.0001
    beta_end = 0.02
    betas = torch.linspace(-6, 6, timesteps)
    return torch.sigmoid(betas) * (beta_end - beta_start) + beta_start


print(torch.pi, type(torch.pi))
for schedule in (cosine_beta_schedule, linear_beta_schedule, quadratic_beta_schedule):
    b = schedule(200)
    print(schedule.__name__, b.shape, b.dtype, b[:3], b[-3:])
    check(schedule.__name__, b)
check("sigmoid_beta_schedule", sigmoid_beta_schedule(200))
check("cosine, 1000 steps", cosine_beta_schedule(1000)[::50])


def define_schedule(steps):
    """The blog's module-level definitions, for ``steps`` time steps."""
    global timesteps, betas, alphas, alphas_cumprod, alphas_cumprod_prev, sqrt_recip_alphas
    global sqrt_alphas_cumprod, sqrt_one_minus_alphas_cumprod, posterior_variance
    timesteps = steps
    # define beta schedule
    betas = linear_beta_schedule(timesteps=timesteps)
    # define alphas
    alphas = 1.0 - betas
    alphas_cumprod = torch.cumprod(alphas, axis=0)
    alphas_cumprod_prev = F.pad(alphas_cumprod[:-1], (1, 0), value=1.0)
    sqrt_recip_alphas = torch.sqrt(1.0 / alphas)
    # calculations for diffusion q(x_t | x_{t-1}) and others
    sqrt_alphas_cumprod = torch.sqrt(alphas_cumprod)
    sqrt_one_minus_alphas_cumprod = torch.sqrt(1.0 - alphas_cumprod)
    # calculations for posterior q(x_{t-1} | x_t, x_0)
    posterior_variance = betas * (1.0 - alphas_cumprod_prev) / (1.0 - alphas_cumprod)


define_schedule(200)
print(alphas_cumprod[[0, 1, 99, 199]], alphas_cumprod_prev[:3])
check("alphas_cumprod", alphas_cumprod)
check("sqrt_recip_alphas", sqrt_recip_alphas)
check("sqrt_one_minus_alphas_cumprod", sqrt_one_minus_alphas_cumprod)
check("posterior_variance", posterior_variance)


def extract(a, t, x_shape):
    batch_size = t.shape[0]
    out = a.gather(-1, t.cpu())
    return out.reshape(batch_size, *((1,) * (len(x_shape) - 1))).to(t.device)


# forward diffusion (using the nice property)
def q_sample(x_start, t, noise=None):
    if noise is None:
        noise = torch.randn_like(x_start)
    sqrt_alphas_cumprod_t = extract(sqrt_alphas_cumprod, t, x_start.shape)
    sqrt_one_minus_alphas_cumprod_t = extract(sqrt_one_minus_alphas_cumprod, t, x_start.shape)
    return sqrt_alphas_cumprod_t * x_start + sqrt_one_minus_alphas_cumprod_t * noise


# an "image" in [0, 255] made a tensor in [-1, 1] (the blog's ToTensor + Lambda(t * 2 - 1))
torch.manual_seed(0)
image = torch.randint(0, 256, (3, 8, 8), dtype=torch.uint8)
x_start = (image.float() / 255.0) * 2 - 1
x_start = x_start.unsqueeze(0)
print(x_start.shape)


def reverse_transform(t):
    t = (t + 1) / 2
    t = t.permute(1, 2, 0)  # CHW to HWC
    t = t * 255.0
    return t.numpy().astype("uint8")


print(reverse_transform(x_start.squeeze())[0, :4])
print(extract(sqrt_alphas_cumprod, torch.tensor([40]), x_start.shape))


def get_noisy_image(x_start, t):
    x_noisy = q_sample(x_start, t=t)
    return reverse_transform(x_noisy.squeeze().clamp(-1, 1))


torch.manual_seed(0)
noisy = [get_noisy_image(x_start, torch.tensor([t])) for t in [0, 50, 100, 150, 199]]
print([n.shape for n in noisy], [int(n.sum()) for n in noisy])
t = torch.tensor([3, 150])
print(extract(posterior_variance, t, (2, 1, 8, 8)).shape)
raises("extract with an int32 index", lambda: betas.gather(-1, t.int()))
raises("extract past the end", lambda: betas.gather(-1, torch.tensor([200])))


# ---------------- network helpers ----------------
class Residual(nn.Module):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def forward(self, x, *args, **kwargs):
        return self.fn(x, *args, **kwargs) + x


def Upsample(dim, dim_out=None):
    return nn.Sequential(
        nn.Upsample(scale_factor=2, mode="nearest"),
        nn.Conv2d(dim, default(dim_out, dim), 3, padding=1),
    )


class SpaceToDepth(nn.Module):
    """einops' Rearrange("b c (h p1) (w p2) -> b (c p1 p2) h w", p1=2, p2=2)."""

    def forward(self, x):
        b, c, h, w = x.shape
        x = x.reshape(b, c, h // 2, 2, w // 2, 2)
        return x.permute(0, 1, 3, 5, 2, 4).reshape(b, c * 4, h // 2, w // 2)


def Downsample(dim, dim_out=None):
    # No More Strided Convolutions or Pooling
    return nn.Sequential(SpaceToDepth(), nn.Conv2d(dim * 4, default(dim_out, dim), 1))


class SinusoidalPositionEmbeddings(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim

    def forward(self, time):
        device = time.device
        half_dim = self.dim // 2
        embeddings = math.log(10000) / (half_dim - 1)
        embeddings = torch.exp(torch.arange(half_dim, device=device) * -embeddings)
        embeddings = time[:, None] * embeddings[None, :]
        embeddings = torch.cat((embeddings.sin(), embeddings.cos()), dim=-1)
        return embeddings


emb = SinusoidalPositionEmbeddings(8)(torch.tensor([0, 1, 10, 199]))
print(emb)
check("sinusoidal embeddings", emb)


class WeightStandardizedConv2d(nn.Conv2d):
    """https://arxiv.org/abs/1903.10520 (weight standardization, works with group norm)"""

    def forward(self, x):
        eps = 1e-5 if x.dtype == torch.float32 else 1e-3
        weight = self.weight
        # reduce(weight, "o ... -> o 1 1 1", "mean") and the same with torch.var
        mean = weight.mean(dim=(1, 2, 3), keepdim=True)
        variance = partial(torch.var, unbiased=False)(weight, dim=(1, 2, 3), keepdim=True)
        normalized_weight = (weight - mean) * (variance + eps).rsqrt()
        return F.conv2d(
            x,
            normalized_weight,
            self.bias,
            self.stride,
            self.padding,
            self.dilation,
            self.groups,
        )


class Block(nn.Module):
    def __init__(self, dim, dim_out, groups=8):
        super().__init__()
        self.proj = WeightStandardizedConv2d(dim, dim_out, 3, padding=1)
        self.norm = nn.GroupNorm(groups, dim_out)
        self.act = nn.SiLU()

    def forward(self, x, scale_shift=None):
        x = self.proj(x)
        x = self.norm(x)
        if exists(scale_shift):
            scale, shift = scale_shift
            x = x * (scale + 1) + shift
        x = self.act(x)
        return x


class ResnetBlock(nn.Module):
    """https://arxiv.org/abs/1512.03385"""

    def __init__(self, dim, dim_out, *, time_emb_dim=None, groups=8):
        super().__init__()
        self.mlp = (
            nn.Sequential(nn.SiLU(), nn.Linear(time_emb_dim, dim_out * 2))
            if exists(time_emb_dim)
            else None
        )
        self.block1 = Block(dim, dim_out, groups=groups)
        self.block2 = Block(dim_out, dim_out, groups=groups)
        self.res_conv = nn.Conv2d(dim, dim_out, 1) if dim != dim_out else nn.Identity()

    def forward(self, x, time_emb=None):
        scale_shift = None
        if exists(self.mlp) and exists(time_emb):
            time_emb = self.mlp(time_emb)
            time_emb = time_emb[:, :, None, None]  # rearrange(time_emb, "b c -> b c 1 1")
            scale_shift = time_emb.chunk(2, dim=1)
        h = self.block1(x, scale_shift=scale_shift)
        h = self.block2(h)
        return h + self.res_conv(x)


class Attention(nn.Module):
    def __init__(self, dim, heads=4, dim_head=32):
        super().__init__()
        self.scale = dim_head**-0.5
        self.heads = heads
        hidden_dim = dim_head * heads
        self.to_qkv = nn.Conv2d(dim, hidden_dim * 3, 1, bias=False)
        self.to_out = nn.Conv2d(hidden_dim, dim, 1)

    def forward(self, x):
        b, c, h, w = x.shape
        qkv = self.to_qkv(x).chunk(3, dim=1)
        # rearrange(t, "b (h c) x y -> b h c (x y)", h=self.heads)
        q, k, v = map(lambda t: t.reshape(b, self.heads, -1, h * w), qkv)
        q = q * self.scale
        sim = torch.einsum("b h d i, b h d j -> b h i j", q, k)
        sim = sim - sim.amax(dim=-1, keepdim=True).detach()
        attn = sim.softmax(dim=-1)
        out = torch.einsum("b h i j, b h d j -> b h i d", attn, v)
        # rearrange(out, "b h (x y) d -> b (h d) x y", x=h, y=w)
        out = out.permute(0, 1, 3, 2).reshape(b, -1, h, w)
        return self.to_out(out)


class LinearAttention(Attention):  # (the blog repeats Attention's __init__)
    def __init__(self, dim, heads=4, dim_head=32):
        super().__init__(dim, heads, dim_head)
        self.to_out = nn.Sequential(nn.Conv2d(dim_head * heads, dim, 1), nn.GroupNorm(1, dim))

    def forward(self, x):
        b, c, h, w = x.shape
        qkv = self.to_qkv(x).chunk(3, dim=1)
        q, k, v = map(lambda t: t.reshape(b, self.heads, -1, h * w), qkv)
        q = q.softmax(dim=-2)
        k = k.softmax(dim=-1)
        q = q * self.scale
        context = torch.einsum("b h d n, b h e n -> b h d e", k, v)
        out = torch.einsum("b h d e, b h d n -> b h e n", context, q)
        # rearrange(out, "b h c (x y) -> b (h c) x y", h=self.heads, x=h, y=w)
        out = out.reshape(b, -1, h, w)
        return self.to_out(out)


class PreNorm(nn.Module):
    def __init__(self, dim, fn):
        super().__init__()
        self.fn = fn
        self.norm = nn.GroupNorm(1, dim)

    def forward(self, x):
        x = self.norm(x)
        return self.fn(x)


# the pieces one by one
torch.manual_seed(1)
x = torch.randn(2, 8, 4, 4)
time_emb = torch.randn(2, 16)
block = ResnetBlock(8, 16, time_emb_dim=16, groups=4)
out = block(x, time_emb)
print(block)
print(out.shape, out.grad_fn)
out.pow(2).mean().backward()
check("resnet block out", out)
check("ws conv weight grad", block.block1.proj.weight.grad)
check("groupnorm weight grad", block.block1.norm.weight.grad)
check("time mlp grad", block.mlp[1].weight.grad)
attn = Residual(PreNorm(8, Attention(8, heads=2, dim_head=8)))
lin_attn = Residual(PreNorm(8, LinearAttention(8, heads=2, dim_head=8)))
a_out = attn(x)
l_out = lin_attn(x)
(a_out.sum() + l_out.sum()).backward()
check("attention", a_out)
check("linear attention", l_out)
check("attention qkv grad", attn.fn.fn.to_qkv.weight.grad)
check("linear attention qkv grad", lin_attn.fn.fn.to_qkv.weight.grad)
print(Downsample(8, 16)(x).shape, Upsample(8, 4)(x).shape, SpaceToDepth()(x)[0, :4, 0, 0])
print(Upsample(8))
raises("GroupNorm with 3 groups of 8 channels", lambda: nn.GroupNorm(3, 8)(x))


# the blog's first version: a ConvNeXt block (depthwise 7x7 conv), its own channel LayerNorm,
# Upsample / Downsample as a transposed / strided convolution
class LayerNorm(nn.Module):
    def __init__(self, dim, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.g = nn.Parameter(torch.ones(1, dim, 1, 1))
        self.b = nn.Parameter(torch.zeros(1, dim, 1, 1))

    def forward(self, x):
        var = torch.var(x, dim=1, unbiased=False, keepdim=True)
        mean = torch.mean(x, dim=1, keepdim=True)
        return (x - mean) / (var + self.eps).sqrt() * self.g + self.b


class ConvNextBlock(nn.Module):
    """https://arxiv.org/abs/2201.03545"""

    def __init__(self, dim, dim_out, *, time_emb_dim=None, mult=2, norm=True):
        super().__init__()
        self.mlp = (
            nn.Sequential(nn.GELU(), nn.Linear(time_emb_dim, dim)) if exists(time_emb_dim) else None
        )
        self.ds_conv = nn.Conv2d(dim, dim, 7, padding=3, groups=dim)
        self.net = nn.Sequential(
            LayerNorm(dim) if norm else nn.Identity(),
            nn.Conv2d(dim, dim_out * mult, 3, padding=1),
            nn.GELU(),
            LayerNorm(dim_out * mult),
            nn.Conv2d(dim_out * mult, dim_out, 3, padding=1),
        )
        self.res_conv = nn.Conv2d(dim, dim_out, 1) if dim != dim_out else nn.Identity()

    def forward(self, x, time_emb=None):
        h = self.ds_conv(x)
        if exists(self.mlp) and exists(time_emb):
            assert exists(time_emb), "time embedding must be passed in"
            condition = self.mlp(time_emb)
            h = h + condition[:, :, None, None]
        h = self.net(h)
        return h + self.res_conv(x)


torch.manual_seed(2)
convnext = ConvNextBlock(8, 4, time_emb_dim=16)
print(convnext)
c_out = convnext(x, time_emb)
up_old = nn.ConvTranspose2d(4, 4, 4, 2, 1)
down_old = nn.Conv2d(4, 4, 4, 2, 1)
u = up_old(c_out)
d = down_old(u)
print(c_out.shape, u.shape, d.shape)
d.abs().sum().backward()
check("convnext out", c_out)
check("convnext depthwise grad", convnext.ds_conv.weight.grad)
check("convnext layernorm grad", convnext.net[0].g.grad)
check("transposed upsample grad", up_old.weight.grad)


class Unet(nn.Module):
    def __init__(
        self,
        dim,
        init_dim=None,
        out_dim=None,
        dim_mults=(1, 2, 4, 8),
        channels=3,
        self_condition=False,
        resnet_block_groups=4,
    ):
        super().__init__()
        self.channels = channels
        self.self_condition = self_condition
        input_channels = channels * (2 if self_condition else 1)
        init_dim = default(init_dim, dim)
        self.init_conv = nn.Conv2d(input_channels, init_dim, 1, padding=0)
        dims = [init_dim, *map(lambda m: dim * m, dim_mults)]
        in_out = list(zip(dims[:-1], dims[1:]))
        block_klass = partial(ResnetBlock, groups=resnet_block_groups)
        time_dim = dim * 4
        self.time_mlp = nn.Sequential(
            SinusoidalPositionEmbeddings(dim),
            nn.Linear(dim, time_dim),
            nn.GELU(),
            nn.Linear(time_dim, time_dim),
        )
        self.downs = nn.ModuleList([])
        self.ups = nn.ModuleList([])
        num_resolutions = len(in_out)
        for ind, (dim_in, dim_out) in enumerate(in_out):
            is_last = ind >= (num_resolutions - 1)
            self.downs.append(
                nn.ModuleList(
                    [
                        block_klass(dim_in, dim_in, time_emb_dim=time_dim),
                        block_klass(dim_in, dim_in, time_emb_dim=time_dim),
                        Residual(PreNorm(dim_in, LinearAttention(dim_in, dim_head=8))),
                        Downsample(dim_in, dim_out)
                        if not is_last
                        else nn.Conv2d(dim_in, dim_out, 3, padding=1),
                    ]
                )
            )
        mid_dim = dims[-1]
        self.mid_block1 = block_klass(mid_dim, mid_dim, time_emb_dim=time_dim)
        self.mid_attn = Residual(PreNorm(mid_dim, Attention(mid_dim, dim_head=8)))
        self.mid_block2 = block_klass(mid_dim, mid_dim, time_emb_dim=time_dim)
        for ind, (dim_in, dim_out) in enumerate(reversed(in_out)):
            is_last = ind == (len(in_out) - 1)
            self.ups.append(
                nn.ModuleList(
                    [
                        block_klass(dim_out + dim_in, dim_out, time_emb_dim=time_dim),
                        block_klass(dim_out + dim_in, dim_out, time_emb_dim=time_dim),
                        Residual(PreNorm(dim_out, LinearAttention(dim_out, dim_head=8))),
                        Upsample(dim_out, dim_in)
                        if not is_last
                        else nn.Conv2d(dim_out, dim_in, 3, padding=1),
                    ]
                )
            )
        self.out_dim = default(out_dim, channels)
        self.final_res_block = block_klass(dim * 2, dim, time_emb_dim=time_dim)
        self.final_conv = nn.Conv2d(dim, self.out_dim, 1)

    def forward(self, x, time, x_self_cond=None):
        if self.self_condition:
            x_self_cond = default(x_self_cond, lambda: torch.zeros_like(x))
            x = torch.cat((x_self_cond, x), dim=1)
        x = self.init_conv(x)
        r = x.clone()
        t = self.time_mlp(time)
        h = []
        for block1, block2, attn, downsample in self.downs:
            x = block1(x, t)
            h.append(x)
            x = block2(x, t)
            x = attn(x)
            h.append(x)
            x = downsample(x)
        x = self.mid_block1(x, t)
        x = self.mid_attn(x)
        x = self.mid_block2(x, t)
        for block1, block2, attn, upsample in self.ups:
            x = torch.cat((x, h.pop()), dim=1)
            x = block1(x, t)
            x = torch.cat((x, h.pop()), dim=1)
            x = block2(x, t)
            x = attn(x)
            x = upsample(x)
        x = torch.cat((x, r), dim=1)
        x = self.final_res_block(x, t)
        return self.final_conv(x)


def p_losses(denoise_model, x_start, t, noise=None, loss_type="l1"):
    if noise is None:
        noise = torch.randn_like(x_start)
    x_noisy = q_sample(x_start=x_start, t=t, noise=noise)
    predicted_noise = denoise_model(x_noisy, t)
    if loss_type == "l1":
        loss = F.l1_loss(noise, predicted_noise)
    elif loss_type == "l2":
        loss = F.mse_loss(noise, predicted_noise)
    elif loss_type == "huber":
        loss = F.smooth_l1_loss(noise, predicted_noise)
    else:
        raise NotImplementedError()
    return loss


image_size = 8
channels = 1
batch_size = 4
define_schedule(20)  # (the blog: 300; few steps keep the sampling loop short)

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(42)
model = Unet(dim=image_size, channels=channels, dim_mults=(1, 2))
model.to(device)
print(sum(p.numel() for p in model.parameters()))
print(model.mid_attn)
print(model.downs[0])
print([n for n, _ in model.named_children()])
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

# a "dataset" of images already in [-1, 1], randomly flipped (the blog's transforms)
data = torch.rand(8, channels, image_size, image_size) * 2 - 1
flip = torch.rand(8) < 0.5
data[flip] = data[flip].flip(-1)
dataloader = torch.utils.data.DataLoader(
    [{"pixel_values": d} for d in data], batch_size=batch_size, shuffle=True
)
batch = next(iter(dataloader))
print(batch.keys(), batch["pixel_values"].shape)

losses = {}
for loss_type in ("l1", "l2", "huber"):
    torch.manual_seed(3)
    t = torch.randint(0, timesteps, (batch_size,), device=device).long()
    loss = p_losses(model, batch["pixel_values"], t, loss_type=loss_type)
    losses[loss_type] = loss
    print(loss_type, t, loss)
check("p_losses", losses)
raises("an unknown loss type", lambda: p_losses(model, batch["pixel_values"], t, loss_type="l3"))

for epoch in range(1):
    for step, batch in enumerate(dataloader):
        optimizer.zero_grad()
        batch_size = batch["pixel_values"].shape[0]
        batch = batch["pixel_values"].to(device)
        # Algorithm 1 line 3: sample t uniformally for every example in the batch
        t = torch.randint(0, timesteps, (batch_size,), device=device).long()
        loss = p_losses(model, batch, t, loss_type="huber")
        loss.backward()
        # Only the first step is compared closely: Adam's first update is about
        # lr * g / (|g| + eps), and weight standardization leaves gradient components near
        # 1e-8, where the last float32 bits of PyTorch's convolution sums (oneDNN's order)
        # change the update by up to 1e-4; later values are printed rounded.
        if step == 0:
            print("Loss:", loss.item())
            check("grad init_conv", model.init_conv.weight.grad)
            check("grad final_conv", model.final_conv.weight.grad)
            check("grad mid attention", model.mid_attn.fn.fn.to_qkv.weight.grad)
            check("grad time_mlp", model.time_mlp[1].weight.grad)
            check("grad ws conv", model.mid_block1.block1.proj.weight.grad)
        else:
            print("Loss:", round(loss.item(), 3))
        optimizer.step()
print(model.final_conv.weight.detach().flatten()[:4].round(decimals=2))


@torch.no_grad()
def p_sample(model, x, t, t_index):
    betas_t = extract(betas, t, x.shape)
    sqrt_one_minus_alphas_cumprod_t = extract(sqrt_one_minus_alphas_cumprod, t, x.shape)
    sqrt_recip_alphas_t = extract(sqrt_recip_alphas, t, x.shape)
    # Equation 11 in the paper: use our model (noise predictor) to predict the mean
    model_mean = sqrt_recip_alphas_t * (x - betas_t * model(x, t) / sqrt_one_minus_alphas_cumprod_t)
    if t_index == 0:
        return model_mean
    else:
        posterior_variance_t = extract(posterior_variance, t, x.shape)
        noise = torch.randn_like(x)
        # Algorithm 2 line 4:
        return model_mean + torch.sqrt(posterior_variance_t) * noise


# Algorithm 2 (including returning all images)
@torch.no_grad()
def p_sample_loop(model, shape):
    device = next(model.parameters()).device
    b = shape[0]
    # start from pure noise (for each example in the batch)
    img = torch.randn(shape, device=device)
    imgs = []
    for i in reversed(range(0, timesteps)):
        img = p_sample(model, img, torch.full((b,), i, device=device, dtype=torch.long), i)
        imgs.append(img.cpu().numpy())
    return imgs


@torch.no_grad()
def sample(model, image_size, batch_size=16, channels=3):
    return p_sample_loop(model, shape=(batch_size, channels, image_size, image_size))


torch.manual_seed(7)
model.eval()
samples = sample(model, image_size=image_size, batch_size=2, channels=channels)
print(len(samples), samples[-1].shape, samples[-1].dtype)
print(torch.from_numpy(samples[0])[0, 0, 0].round(decimals=2))  # (rounded: see training)
print(torch.from_numpy(samples[-1])[0, 0, 0].round(decimals=2))
all_images = torch.cat([torch.from_numpy(s) for s in samples[-2:]], dim=0)
all_images = (all_images + 1) * 0.5
print(all_images.shape)
