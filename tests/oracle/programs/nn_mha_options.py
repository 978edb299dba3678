# nn.MultiheadAttention with kdim / vdim (q/k/v_proj_weight), add_bias_kv (bias_k, bias_v
# appended to the keys and values), add_zero_attn (a zero key and value), with masks
def set_weights(m):
    with torch.no_grad():
        for j, (_, p) in enumerate(sorted(m.named_parameters())):
            n = p.numel()
            p.copy_(
                (torch.cos(torch.arange(n, dtype=torch.float64) * (0.37 + 0.11 * j)) * 0.4)
                .float()
                .reshape(p.shape)
            )
    return m


def ramp(*shape, k=0.5):
    n = 1
    for s in shape:
        n *= s
    return (torch.sin(torch.arange(n, dtype=torch.float64) * k) * 1.5).float().reshape(shape)


configs = {
    "kv_dims": dict(embed_dim=4, num_heads=2, kdim=3, vdim=5),
    "kdim_only": dict(embed_dim=4, num_heads=1, kdim=6),
    "bias_kv": dict(embed_dim=4, num_heads=2, add_bias_kv=True),
    "zero_attn": dict(embed_dim=4, num_heads=2, add_zero_attn=True),
    "all": dict(embed_dim=6, num_heads=3, kdim=2, vdim=3, add_bias_kv=True, add_zero_attn=True),
    "all_nobias": dict(embed_dim=4, num_heads=2, kdim=3, add_zero_attn=True, bias=False),
    "batch_first": dict(embed_dim=4, num_heads=2, vdim=3, add_bias_kv=True, batch_first=True),
}
for name, cfg in configs.items():
    with section(name):
        torch.manual_seed(0)
        m = set_weights(nn.MultiheadAttention(**cfg))
        check(name + "_params", [(n, list(p.shape)) for n, p in m.named_parameters()])
        check(name + "_fields", (m.kdim, m.vdim, m._qkv_same_embed_dim, m.add_zero_attn))
        check(name + "_bias_kv_none", (m.bias_k is None, m.bias_v is None))
        e, kd, vd = m.embed_dim, m.kdim, m.vdim
        if cfg.get("batch_first"):
            q, k, v = ramp(2, 3, e), ramp(2, 4, kd, k=0.3), ramp(2, 4, vd, k=0.7)
        else:
            q, k, v = ramp(3, 2, e), ramp(4, 2, kd, k=0.3), ramp(4, 2, vd, k=0.7)
        q.requires_grad_()
        k.requires_grad_()
        out, w = m(q, k, v)
        check(name + "_out", out)
        check(name + "_weights", w)
        (out * out).sum().backward()
        check(name + "_qgrad", q.grad)
        check(name + "_kgrad", k.grad)
        for pn, p in m.named_parameters():
            check(f"{name}_grad_{pn}", p.grad)
        out2, w2 = m(q, k, v, need_weights=True, average_attn_weights=False)
        check(name + "_weights_heads", w2)
        if not cfg.get("batch_first"):
            kpm = torch.tensor([[False, False, True, False], [False, True, False, False]])
            am = torch.tensor([[0.0, -1.0, 0.0, 0.5]] * 3)
            out3, w3 = m(q, k, v, key_padding_mask=kpm, attn_mask=am)
            check(name + "_masked_out", out3)
            check(name + "_masked_weights", w3)
            out4, _ = m(q[:, 0], k[:, 0], v[:, 0])
            check(name + "_unbatched", out4)
raises(
    "kdim_mismatch",
    lambda: nn.MultiheadAttention(4, 2, kdim=3)(ramp(3, 2, 4), ramp(4, 2, 4), ramp(4, 2, 4)),
)
raises("heads", lambda: nn.MultiheadAttention(5, 2))
raises("zero_dim", lambda: nn.MultiheadAttention(0, 2))
