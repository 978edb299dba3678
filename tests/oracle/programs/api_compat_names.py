# Small torch-level names teaching code uses: constants, numpy-style aliases, dtype
# questions (promote_types / can_cast / result_type over every pair), is_nonzero,
# typename, positive, ravel, msort, and the switches that only matter on other hardware
check("constants", [torch.pi, torch.e, torch.inf, -torch.inf, torch.newaxis])
check("nan_is_nan", torch.nan != torch.nan)
x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
check("aliases", [torch.absolute(x), torch.multiply(x, 2), torch.divide(x, 2)])
check("aliases2", [torch.subtract(x, 1, alpha=2), torch.divide(x, 2, rounding_mode="floor")])
check("alias_graph", graph(torch.multiply(x, x)))
D = [torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64]
D += [torch.float16, torch.float32, torch.float64]
check("promote_types", [str(torch.promote_types(a, b)) for a in D for b in D])
check("can_cast", [torch.can_cast(a, b) for a in D for b in D])
vals = [torch.tensor([1, 2]), torch.tensor([1.0, 2.0]), torch.tensor(2.0, dtype=torch.float64)]
vals += [torch.tensor(3), torch.tensor([True]), 2, 2.0, True, torch.tensor([1], dtype=torch.uint8)]
vals += [torch.tensor(1, dtype=torch.int8), torch.tensor([1.0], dtype=torch.float16)]
check("result_type", [str(torch.result_type(a, b)) for a in vals for b in vals])
check("is_nonzero", [torch.is_nonzero(torch.tensor([1.0])), torch.is_nonzero(torch.tensor(0))])
raises("is_nonzero_many", lambda: torch.is_nonzero(torch.tensor([1.0, 2.0])))
raises("is_nonzero_empty", lambda: torch.is_nonzero(torch.tensor([])))
check("typename", [torch.typename(t) for t in vals[:5]] + [torch.typename(3)])
check("positive", torch.positive(x))
check("positive_same", torch.positive(x) is x)
raises("positive_bool", lambda: torch.positive(torch.tensor([True])))
m = torch.arange(6.0).reshape(2, 3).t()
check("ravel", [torch.ravel(m), torch.ravel(x)])
check("msort", torch.msort(torch.tensor([[3.0, 1.0], [1.0, 2.0], [2.0, 0.0]])))
check("is_complex", [torch.is_complex(x), torch.is_storage(x)])
raises("promote_types_bad", lambda: torch.promote_types(torch.float32, 3))
raises("result_type_bad", lambda: torch.result_type("a", 1))
raises("deterministic_bad", lambda: torch.use_deterministic_algorithms(1))
torch.use_deterministic_algorithms(True)
check("deterministic", [torch.are_deterministic_algorithms_enabled()])
check("deterministic_warn", torch.is_deterministic_algorithms_warn_only_enabled())
torch.use_deterministic_algorithms(False)
torch.set_float32_matmul_precision("high")
check("matmul_precision", torch.get_float32_matmul_precision())
torch.set_float32_matmul_precision("highest")
check("matmul_precision2", torch.get_float32_matmul_precision())
