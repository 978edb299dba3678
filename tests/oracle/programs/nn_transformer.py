# MultiheadAttention, TransformerEncoderLayer, TransformerEncoder: values, attention weights,
# masks, gradients, parameter names; weights set by formulas, dropout 0 (or eval mode)
def set_weights(m, k=0):
    with torch.no_grad():
        for j, p in enumerate(m.parameters()):
            p.copy_(
                (
                    torch.cos(
                        torch.arange(p.numel(), dtype=torch.float64) * (0.37 + 0.05 * (j + k))
                    )
                    * 0.3
                )
                .float()
                .reshape(p.shape)
            )
    return m


x = (
    (torch.sin(torch.arange(3 * 2 * 4, dtype=torch.float64) * 0.7))
    .float()
    .reshape(3, 2, 4)
    .requires_grad_()
)
mha = set_weights(nn.MultiheadAttention(4, 2))
check("mha_repr", repr(mha))
check("mha_params", [(n, list(p.shape)) for n, p in mha.named_parameters()])
out, w = mha(x, x, x)
check("mha_out", out.detach())
check("mha_weights", w.detach())
(out * out).sum().backward()
check("mha_xgrad", x.grad)
check("mha_wgrad", mha.in_proj_weight.grad)
x.grad = None
causal = torch.triu(torch.ones(3, 3, dtype=torch.bool), 1)
out, w = mha(x, x, x, attn_mask=causal)
check("mha_causal_weights", w.detach())
check("mha_causal_out", out.detach())
kpm = torch.tensor([[False, False, True], [False, True, True]])
out, w = mha(x, x, x, key_padding_mask=kpm)
check("mha_kpm_weights", w.detach())
out, w = mha(x, x, x, average_attn_weights=False)
check("mha_per_head", w.detach())
out, w = mha(x, x, x, need_weights=False)
check("mha_no_weights", w is None)
float_mask = torch.tensor([[0.0, -1.0, -2.0], [0.5, 0.0, -1.0], [0.0, 0.0, 0.0]])
check("mha_float_mask", mha(x, x, x, attn_mask=float_mask)[0].detach())
bf = set_weights(nn.MultiheadAttention(4, 1, batch_first=True))
check("mha_batch_first", bf(x.transpose(0, 1), x.transpose(0, 1), x.transpose(0, 1))[0].detach())
check("mha_unbatched", mha(x[:, 0], x[:, 0], x[:, 0])[0].detach())

layer = set_weights(nn.TransformerEncoderLayer(d_model=4, nhead=2, dim_feedforward=8, dropout=0.0))
check("enc_params", [n for n, _ in layer.named_parameters()])
y = layer(x)
check("enc_out", y.detach())
y.sum().backward()
check("enc_xgrad", x.grad)
x.grad = None
pre = set_weights(
    nn.TransformerEncoderLayer(4, 2, 8, 0.0, activation="gelu", norm_first=True, batch_first=True),
    3,
)
check("enc_prenorm_gelu", pre(x.transpose(0, 1)).detach())
check("enc_mask", layer(x, src_mask=causal).detach())
enc = nn.TransformerEncoder(layer, num_layers=2)
check("encoder_params", len(list(enc.parameters())))
check("encoder_names", [n for n, _ in enc.named_parameters()][:4])
enc.eval()
check("encoder_out", enc(x).detach())
