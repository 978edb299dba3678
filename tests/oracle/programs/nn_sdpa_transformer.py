# F.scaled_dot_product_attention (CPU: the fused flash kernel for 4-D inputs, the math path
# otherwise: masks, is_causal, scale, dropout, GQA), nn.TransformerDecoderLayer,
# nn.TransformerDecoder, nn.Transformer, generate_square_subsequent_mask
import warnings


def arr(*shape, k=0.7, dtype=torch.float32):
    n = 1
    for s in shape:
        n *= s
    return (
        (torch.sin(torch.arange(n, dtype=torch.float64) * k + 0.3) * 1.3).to(dtype).reshape(shape)
    )


def leaf(*shape, k=0.7, dtype=torch.float32):
    return arr(*shape, k=k, dtype=dtype).requires_grad_()


def run(name, q, k, v, **kw):
    out = F.scaled_dot_product_attention(q, k, v, **kw)
    check(name, out)
    check(name + "_graph", graph(out))
    wt = torch.arange(out.numel(), dtype=out.dtype).reshape(out.shape) * 0.1 + 1
    (out * wt).sum().backward()
    for t, nm in ((q, "q"), (k, "k"), (v, "v")):
        if t.requires_grad:
            check(f"{name}_grad_{nm}", t.grad)
            t.grad = None
    mask = kw.get("attn_mask")
    if mask is not None and mask.requires_grad:
        check(name + "_grad_mask", mask.grad)
        mask.grad = None


# 3-D (math path)
q3, k3, v3 = leaf(2, 3, 4), leaf(2, 5, 4, k=0.4), leaf(2, 5, 4, k=1.1)
run("m3", q3, k3, v3)
run("m3_causal", q3, k3, v3, is_causal=True)
bmask = torch.tensor(
    [
        [True, True, False, True, False],
        [False, True, True, True, True],
        [True, False, False, False, False],
    ]
)
run("m3_boolmask", q3, k3, v3, attn_mask=bmask)
fmask = arr(3, 5, k=0.9) * 2
run("m3_floatmask", q3, k3, v3, attn_mask=fmask)
gmask = arr(2, 3, 5, k=0.3).requires_grad_()
run("m3_gradmask", q3, k3, v3, attn_mask=gmask)
run("m3_scale", q3, k3, v3, scale=0.3)
run("m3_negscale", q3, k3, v3, scale=-0.7)
dead = bmask.clone()
dead[1] = False
run("m3_deadrow", q3, k3, v3, attn_mask=dead)
run("m2", leaf(3, 4), leaf(5, 4, k=0.2), leaf(5, 6, k=0.5))
run("m3_vdim", q3, k3, leaf(2, 5, 6, k=0.5))
run(
    "m3_double",
    leaf(2, 3, 4, dtype=torch.float64),
    leaf(2, 5, 4, k=0.4, dtype=torch.float64),
    leaf(2, 5, 4, k=1.1, dtype=torch.float64),
)
run("m3_qonly", q3, k3.detach(), v3.detach())

# 4-D (flash kernel)
q4, k4, v4 = leaf(2, 2, 3, 4), leaf(2, 2, 5, 4, k=0.4), leaf(2, 2, 5, 4, k=1.1)
run("f4", q4, k4, v4)
run("f4_causal", q4, k4, v4, is_causal=True)
run("f4_boolmask", q4, k4, v4, attn_mask=bmask)
run("f4_floatmask", q4, k4, v4, attn_mask=fmask)
run("f4_mask4d", q4, k4, v4, attn_mask=arr(2, 1, 3, 5, k=0.8))
run("f4_scale", q4, k4, v4, scale=0.25)
run("f4_deadrow", q4, k4, v4, attn_mask=dead)
run("f4_vonly", q4.detach(), k4.detach(), v4)
run(
    "f4_double",
    leaf(1, 2, 3, 4, dtype=torch.float64),
    leaf(1, 2, 5, 4, k=0.4, dtype=torch.float64),
    leaf(1, 2, 5, 4, k=1.1, dtype=torch.float64),
)
run("f4_gqa", leaf(1, 4, 3, 4), leaf(1, 2, 5, 4, k=0.4), leaf(1, 2, 5, 4, k=1.1), enable_gqa=True)
# 4-D that PyTorch sends to the math path
run("f4_gradmask", q4, k4, v4, attn_mask=leaf(3, 5, k=0.6))
run("f4_mask3d", q4, k4, v4, attn_mask=arr(2, 3, 5, k=0.8))
run("f4_vdim", q4, k4, leaf(2, 2, 5, 6, k=0.5))
run("f4_kheads1", q4, leaf(2, 1, 5, 4, k=0.4), leaf(2, 1, 5, 4, k=1.1))
run("f4_noncontig", q4, leaf(2, 2, 4, 5, k=0.4).transpose(-1, -2), v4)
run("m5", leaf(1, 2, 2, 3, 4), leaf(1, 2, 2, 5, 4, k=0.4), leaf(1, 2, 2, 5, 4, k=1.1))

# dropout: the graph and which entries survive are PyTorch's structure; the kept values
# scale by 1/(1-p)
torch.manual_seed(0)
out = F.scaled_dot_product_attention(q3, k3, v3, dropout_p=0.5)
check("drop_graph", graph(out))
check("drop_shape", out.shape)
out = F.scaled_dot_product_attention(q4, k4, v4, dropout_p=1.0)
check("drop_all", out)
check("drop_all_graph", graph(out))
check("drop_negative", F.scaled_dot_product_attention(q3, k3, v3, dropout_p=-0.5))
with torch.no_grad():
    check("nograd", F.scaled_dot_product_attention(q4, k4, v4))

# errors
raises(
    "err_causal_mask",
    lambda: F.scaled_dot_product_attention(q3, k3, v3, attn_mask=fmask, is_causal=True),
)
raises(
    "err_causal_mask4",
    lambda: F.scaled_dot_product_attention(q4, k4, v4, attn_mask=fmask, is_causal=True),
)
raises("err_dtype", lambda: F.scaled_dot_product_attention(q3, k3.double(), v3))
raises("err_dim", lambda: F.scaled_dot_product_attention(q3[0, 0], k3, v3))
raises(
    "err_mask_dtype",
    lambda: F.scaled_dot_product_attention(
        q3, k3, v3, attn_mask=torch.zeros(3, 5, dtype=torch.int64)
    ),
)
raises(
    "err_mask_double",
    lambda: F.scaled_dot_product_attention(
        q4, k4, v4, attn_mask=torch.zeros(3, 5, dtype=torch.float64)
    ),
)
raises("err_headdim", lambda: F.scaled_dot_product_attention(q3, k3[..., :3], v3))
raises("err_kv_len", lambda: F.scaled_dot_product_attention(q3, k3, v3[:, :4]))
raises(
    "err_mask_shape",
    lambda: F.scaled_dot_product_attention(q3, k3, v3, attn_mask=torch.zeros(4, 5)),
)
raises(
    "err_mask_shape4",
    lambda: F.scaled_dot_product_attention(q4, k4, v4, attn_mask=torch.zeros(4, 5)),
)
raises("err_dropout", lambda: F.scaled_dot_product_attention(q3, k3, v3, dropout_p=1.5))
raises("err_query_type", lambda: F.scaled_dot_product_attention([1.0], k3, v3))
raises("err_value_type", lambda: F.scaled_dot_product_attention(q3, k3, 3))
o4 = F.scaled_dot_product_attention(q4, k4, v4)
raises(
    "err_double_backward",
    lambda: torch.autograd.grad(o4.sum(), q4, create_graph=True)[0].sum().backward(),
)


# ---- nn.TransformerDecoderLayer / TransformerDecoder / Transformer (weights by formula)
def set_weights(m, k=0):
    with torch.no_grad():
        for j, p in enumerate(m.parameters()):
            w = torch.cos(torch.arange(p.numel(), dtype=torch.float64) * (0.37 + 0.05 * (j + k)))
            p.copy_((w * 0.3).to(p.dtype).reshape(p.shape))
    return m


tgt = leaf(3, 2, 4, k=0.5)
mem = leaf(5, 2, 4, k=0.9)
dec_layer = set_weights(
    nn.TransformerDecoderLayer(d_model=4, nhead=2, dim_feedforward=8, dropout=0.0)
)
check("dec_layer_repr", repr(dec_layer))
check("dec_layer_params", [(n, list(p.shape)) for n, p in dec_layer.named_parameters()])
check("dec_layer_state_keys", list(dec_layer.state_dict().keys()))
y = dec_layer(tgt, mem)
check("dec_layer_out", y)
(y * y).sum().backward()
check("dec_layer_tgt_grad", tgt.grad)
check("dec_layer_mem_grad", mem.grad)
check("dec_layer_w_grad", dec_layer.multihead_attn.in_proj_weight.grad)
tgt.grad = mem.grad = None
causal = nn.Transformer.generate_square_subsequent_mask(3)
check("square_mask", causal)
check("square_mask_double", nn.Transformer.generate_square_subsequent_mask(2, dtype=torch.float64))
check("dec_layer_causal", dec_layer(tgt, mem, tgt_mask=causal, tgt_is_causal=True))
mkpm = torch.tensor([[False, False, True, False, True], [False, True, False, False, False]])
check("dec_layer_mem_kpm", dec_layer(tgt, mem, memory_key_padding_mask=mkpm))
check("dec_layer_mem_mask", dec_layer(tgt, mem, memory_mask=arr(3, 5, k=0.4)))
pre = set_weights(
    nn.TransformerDecoderLayer(4, 2, 8, 0.0, activation="gelu", norm_first=True, batch_first=True),
    2,
)
check("dec_layer_prenorm_gelu", pre(tgt.transpose(0, 1), mem.transpose(0, 1)))
check("dec_layer_unbatched", dec_layer(tgt[:, 0], mem[:, 0]))
raises("dec_layer_bad_activation", lambda: nn.TransformerDecoderLayer(4, 2, activation="tanh"))
check(
    "dec_layer_module_activation",
    repr(nn.TransformerDecoderLayer(4, 2, 8, activation=nn.GELU())),
)

dec = nn.TransformerDecoder(dec_layer, num_layers=2, norm=nn.LayerNorm(4))
check("decoder_repr", repr(dec))
check("decoder_names", [n for n, _ in dec.named_parameters()])
set_weights(dec, 1)
out = dec(tgt, mem, tgt_mask=causal)
check("decoder_out", out)
out.sum().backward()
check("decoder_mem_grad", mem.grad)
mem.grad = tgt.grad = None

model = nn.Transformer(
    d_model=4, nhead=2, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=8
)
check("transformer_repr", repr(model))
check("transformer_names", [n for n, _ in model.named_parameters()])
check("transformer_nparams", sum(p.numel() for p in model.parameters()))
# Xavier-uniform on every matrix (random, so: within the bound), vectors as their modules
# leave them
ok = True
for p in model.parameters():
    if p.dim() > 1:
        bound = (6.0 / (p.shape[0] + p.shape[1])) ** 0.5
        ok = ok and bool((p.abs() <= bound).all()) and bool((p != 0).any())
check("transformer_xavier", ok)
check(
    "transformer_biases", [bool((p == 0).all()) for n, p in model.named_parameters() if "bias" in n]
)
check("transformer_train", model.training)
src = arr(5, 2, 4, k=0.9)
set_weights(model, 3)
model.eval()
check("transformer_eval_flag", model.decoder.layers[0].dropout1.training)
out = model(src, tgt, tgt_mask=causal)
check("transformer_out", out)
out.sum().backward()
check("transformer_tgt_grad", tgt.grad)
check("transformer_enc_grad", model.encoder.layers[0].linear1.weight.grad)
tgt.grad = None
check("transformer_kpm", model(src, tgt, src_key_padding_mask=mkpm, memory_key_padding_mask=mkpm))
model.zero_grad()
bf = set_weights(nn.Transformer(4, 2, 1, 1, 8, dropout=0.0, batch_first=True, norm_first=True), 1)
check("transformer_batch_first", bf(src.transpose(0, 1), tgt.transpose(0, 1)))
raises("transformer_batch_mismatch", lambda: model(src, tgt[:, :1]))
raises("transformer_feature_mismatch", lambda: model(src[..., :3], tgt))
raises("transformer_bad_heads", lambda: nn.Transformer(d_model=6, nhead=4))
raises("transformer_bad_activation", lambda: nn.Transformer(4, 2, 1, 1, 8, activation="sigmoid"))
d64 = nn.Transformer(4, 2, 1, 1, 8, dropout=0.0, dtype=torch.float64)
check("transformer_double", set_weights(d64, 2)(src.double(), tgt.double()))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    nn.Transformer(4, 2, 1, 1, 8)
    nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 2, 8, batch_first=True), 1)
    nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 1, 8, batch_first=True), 1)
    enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 2, 8), 1, enable_nested_tensor=False)
check("encoder_warnings", [str(w.message) for w in caught])
check("encoder_nested_flags", [enc.enable_nested_tensor, enc.use_nested_tensor, enc.mask_check])

# MultiheadAttention's is_causal hint: an error without a mask; with need_weights=False and
# no key padding mask PyTorch uses its own causal mask instead of the one given
mha = set_weights(nn.MultiheadAttention(4, 2))
raises("mha_causal_no_mask", lambda: mha(tgt, tgt, tgt, is_causal=True))
raises(
    "enc_layer_causal_no_mask",
    lambda: nn.TransformerEncoderLayer(4, 2, 8, 0.0)(tgt, is_causal=True),
)
not_causal = arr(3, 3, k=0.8)
check(
    "mha_hint_replaces_mask",
    mha(tgt, tgt, tgt, attn_mask=not_causal, is_causal=True, need_weights=False)[0],
)
check("mha_hint_with_weights", mha(tgt, tgt, tgt, attn_mask=not_causal, is_causal=True)[0])
check(
    "mha_hint_with_kpm",
    mha(
        tgt,
        tgt,
        tgt,
        attn_mask=not_causal,
        is_causal=True,
        need_weights=False,
        key_padding_mask=torch.tensor([[False, False, True], [False, False, False]]),
    )[0],
)

# MultiheadAttention's graph: PyTorch's multi_head_attention_forward (packed projection,
# explicit weights with need_weights, the fused SDPA node without)
mq = leaf(3, 2, 4, k=0.5)
mk = leaf(5, 2, 4, k=0.9)
for nm, kw in (
    ("weights", {}),
    ("noweights", {"need_weights": False}),
    ("mask", {"attn_mask": arr(3, 3, k=0.4)}),
    ("mask_noweights", {"attn_mask": arr(3, 3, k=0.4), "need_weights": False}),
    (
        "kpm_noweights",
        {
            "key_padding_mask": torch.tensor([[False, True, False], [False, False, False]]),
            "need_weights": False,
        },
    ),
):
    o = mha(mq, mq, mq, **kw)[0]
    check("mha_graph_" + nm, graph(o))
    o.sum().backward()
    check("mha_graph_" + nm + "_grad", mq.grad)
    mq.grad = None
    mha.zero_grad()
check("mha_graph_cross", graph(mha(mq, mk, mk, need_weights=False)[0]))
check("mha_graph_three", graph(mha(mq, mk, mk * 1)[0]))
check("mha_graph_unbatched", graph(mha(mq[:, 0], mq[:, 0], mq[:, 0])[0]))
bf_mha = set_weights(nn.MultiheadAttention(4, 2, batch_first=True))
check("mha_graph_batch_first", graph(bf_mha(mq, mq, mq, need_weights=False)[0]))
kd = set_weights(nn.MultiheadAttention(4, 2, kdim=3, vdim=5))
check("mha_graph_kdim", graph(kd(mq, leaf(5, 2, 3), leaf(5, 2, 5, k=0.3))[0]))
check("enc_layer_graph", graph(set_weights(nn.TransformerEncoderLayer(4, 2, 8, 0.0))(mq)))

# dropout inside attention draws PyTorch's numbers for the same seed
torch.manual_seed(7)
check("sdpa_dropout_seeded", F.scaled_dot_product_attention(q3, k3, v3, dropout_p=0.3))
torch.manual_seed(7)
check("sdpa_dropout_seeded_4d", F.scaled_dot_product_attention(q4, k4, v4, dropout_p=0.5))
torch.manual_seed(7)
drop_layer = set_weights(nn.TransformerDecoderLayer(4, 2, 8, dropout=0.2))
check("dec_layer_train_seeded", drop_layer(tgt, mem))
torch.manual_seed(11)
check("transformer_init_seeded", [p for p in nn.Transformer(4, 2, 1, 1, 8).parameters()])
torch.manual_seed(11)
check("decoder_layer_init_seeded", [p for p in nn.TransformerDecoderLayer(4, 2, 8).parameters()])
