# F.scaled_dot_product_attention (CPU: the fused flash kernel for 4-D inputs, the math path
# otherwise: masks, is_causal, scale, dropout, GQA), nn.TransformerDecoderLayer,
# nn.TransformerDecoder, nn.Transformer, generate_square_subsequent_mask


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
