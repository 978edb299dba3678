def t(name, *a, **k):
    raises(name, lambda: torch.testing.assert_close(*a, **k))


t("ok", torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.0]))
t("f32", torch.tensor([1.0, 2.0, 3.0]), torch.tensor([1.0, 2.1, 3.0]))
t("dtype", torch.tensor([1.0, 2.0]), torch.tensor([1, 2]))
t("dtype_off", torch.tensor([1.0, 2.0]), torch.tensor([1, 2]), check_dtype=False)
t("dtype_off2", torch.tensor([1.0, 2.5]), torch.tensor([1, 2]), check_dtype=False)
t("floats", 1.0, 1.1)
t("ints", 1, 2)
t("int_float", 1.0, 1)
t("int_float_off", 1.0, 1, check_dtype=False)
t("shape", torch.ones(2), torch.ones(3))
t("all", torch.ones(2, 2), torch.zeros(2, 2))
t("nan", torch.tensor([float("nan")]), torch.tensor([float("nan")]))
t("nan_ok", torch.tensor([float("nan")]), torch.tensor([float("nan")]), equal_nan=True)
t("list_tensor", torch.tensor([1.0, 2.0]), [1.0, 2.0])
t("lists", [1.0, 2.0], [1.0, 2.5])
t("grad", torch.tensor([1.0, 2.0], requires_grad=True), torch.tensor([1.0, 2.0]))
t("int_t", torch.tensor([1, 2]), torch.tensor([1, 3]))
t("tol", torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.001]), rtol=1e-2, atol=0)
t("tol_half", torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.001]), rtol=1e-2)
t("zero_d", torch.tensor(1.0), torch.tensor(2.0))
t("dict", {"a": torch.tensor(1.0)}, {"a": torch.tensor(2.0)})
t("dict_keys", {"a": 1}, {"b": 1})
t("tuple", (torch.tensor(1.0), torch.tensor(3.0)), (torch.tensor(1.0), torch.tensor(2.0)))
t("len", [1, 2], [1, 2, 3])
t(
    "f64",
    torch.tensor([1.0, 2.0], dtype=torch.float64),
    torch.tensor([1.0, 2.0000001], dtype=torch.float64),
)
t("tiny", torch.ones(3) * 1e-30, torch.zeros(3))
t("bool_t", torch.tensor([True]), torch.tensor([False]))
t("bools", True, False)
t("none", None, 1)
t("none2", None, None)
t("msg", torch.tensor([1.0, 2.0]), torch.tensor([1.0, 3.0]), msg="mine")
t("msg_fn", torch.tensor([1.0, 2.0]), torch.tensor([1.0, 3.0]), msg=lambda m: "H\n" + m + "\nF")
t("inf", torch.tensor([float("inf"), 1.0]), torch.tensor([float("inf"), 1.0]))
t("inf2", torch.tensor([float("inf"), 1.0]), torch.tensor([-float("inf"), 1.0]))
t("param", nn.Parameter(torch.ones(2)), torch.ones(2))
t("subclass_off", nn.Parameter(torch.ones(2)), torch.ones(2), allow_subclasses=False)
t("big", torch.arange(12.0).reshape(3, 4), torch.arange(12.0).reshape(3, 4) * 1.5)
t("mixed_int", torch.tensor([1, 2], dtype=torch.int32), torch.tensor([1, 5]), check_dtype=False)
t("uint8", torch.tensor([1, 200], dtype=torch.uint8), torch.tensor([1, 5], dtype=torch.uint8))
t("str", "a", "b")
t(
    "nested",
    [torch.tensor(1.0), [torch.tensor(2.0), 3.0]],
    [torch.tensor(1.0), [torch.tensor(2.0), 3.5]],
)
t(
    "f16",
    torch.tensor([1.0, 2.0], dtype=torch.float16),
    torch.tensor([1.0, 2.01], dtype=torch.float16),
)
t("model", nn.Linear(2, 2).weight.detach() * 0, torch.zeros(2, 2))
raises("allclose", lambda: torch.testing.assert_allclose(torch.tensor([1.0, 2.0]), [1.0, 2.0001]))
raises("allclose2", lambda: torch.testing.assert_allclose(torch.tensor([1.0, 2.0]), [1.0, 2.01]))
