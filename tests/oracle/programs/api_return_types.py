# The named tuples of max(dim) / sort / topk / linalg.qr ...: printed, their class printed
# (tutorials print type(...)), unpacked, indexed, fields by name, torch.return_types.<name>
x = torch.tensor([[1.0, 5.0, 2.0], [3.0, 2.0, 4.0], [0.5, 7.0, 1.0]])
results = {
    "max": torch.max(x, dim=0),
    "min": x.min(1),
    "sort": torch.sort(x),
    "topk": torch.topk(x, 2),
    "kthvalue": torch.kthvalue(x, 1, 0),
    "median": torch.median(x, 0),
    "nanmedian": torch.nanmedian(x, 1),
    "mode": torch.mode(x, 0),
    "cummax": torch.cummax(x, 0),
    "cummin": torch.cummin(x, 1),
    "aminmax": torch.aminmax(x),
    "frexp": torch.frexp(x),
    "slogdet": torch.linalg.slogdet(x),
    "qr": torch.linalg.qr(x),
    "eigh": torch.linalg.eigh(x @ x.T),
    "svd": torch.linalg.svd(x),
}
for name, r in results.items():
    check(f"{name}_type", str(type(r)))
    check(f"{name}_repr", repr(r) if name not in ("qr", "eigh", "svd") else type(r).__name__)
    check(f"{name}_tuple", [isinstance(r, tuple), len(r)])
v, i = torch.max(x, 1)
check("unpack", [v, i])
r = x.max(0)
check("fields", [r.values, r.indices, r[0], r[-1]])
check("class_attr", [str(torch.return_types.max), str(torch.return_types.sort)])
check("isinstance", isinstance(x.max(0), torch.return_types.max))
check("aminmax_fields", [torch.aminmax(x).min, torch.aminmax(x).max])
check("list", list(torch.sort(x[0])))
