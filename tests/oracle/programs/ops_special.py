# torch.finfo / torch.iinfo (attributes, reprs, errors; the teaching idiom
# x.masked_fill(mask, torch.finfo(x.dtype).min)) and the torch.special namespace
for d in (torch.float32, torch.float64, torch.float16):
    f = torch.finfo(d)
    check(
        "finfo_" + str(d),
        [f.bits, f.eps, f.max, f.min, f.tiny, f.smallest_normal, f.resolution, f.dtype],
    )
    check("finfo_repr_" + str(d), [repr(f), str(f)])
check("finfo_default", repr(torch.finfo()))
check("finfo_kw", torch.finfo(type=torch.float64).bits)
check(
    "finfo_eq",
    [
        torch.finfo(torch.float32) == torch.finfo(torch.float32),
        torch.finfo(torch.float32) == torch.finfo(torch.float64),
        torch.finfo(torch.float32) != 1,
    ],
)
print(torch.finfo(torch.float32))
print(type(torch.finfo(torch.float32)), type(torch.iinfo(torch.int8)))
for d in (
    torch.int8,
    torch.uint8,
    torch.int16,
    torch.int32,
    torch.int64,
    torch.uint16,
    torch.uint32,
    torch.uint64,
):
    i = torch.iinfo(d)
    check("iinfo_" + str(d), [i.bits, i.max, i.min, i.dtype, repr(i)])
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
m = torch.tensor([[False, True, False], [True, False, False]])
y = x.masked_fill(m, torch.finfo(x.dtype).min).softmax(-1)
check("masked_softmax", y)
y[:, 0].sum().backward()
check("masked_softmax_grad", x.grad)
check(
    "eps_clamp",
    torch.tensor([0.0, 0.5], dtype=torch.float64).clamp(min=torch.finfo(torch.float64).eps),
)
check("int_bound", torch.tensor([3, -7]).clamp(max=torch.iinfo(torch.int64).max))
raises("finfo_int", lambda: torch.finfo(torch.int32))
raises("finfo_bool", lambda: torch.finfo(torch.bool))
raises("finfo_str", lambda: torch.finfo("float"))
raises("finfo_none", lambda: torch.finfo(None))
raises("finfo_two", lambda: torch.finfo(torch.float32, 3))
raises("iinfo_float", lambda: torch.iinfo(torch.float32))
raises("iinfo_bool", lambda: torch.iinfo(torch.bool))
raises("iinfo_none", lambda: torch.iinfo())
raises("iinfo_str", lambda: torch.iinfo("int"))
raises("finfo_setattr", lambda: setattr(torch.finfo(torch.float32), "eps", 1.0))
raises("finfo_noattr", lambda: torch.finfo(torch.float32).foo)
