# repr / str / print of tensors of many shapes, dtypes and magnitudes
cases = {
    "int1d": lambda: torch.tensor([1, 2, 3]),
    "int_neg": lambda: torch.tensor([-1, 20, 300]),
    "int2d": lambda: torch.tensor([[1, -2], [30, 4]]),
    "int_scalar": lambda: torch.tensor(5),
    "float_ints": lambda: torch.tensor([1.0, 2.0, 3.0]),
    "float_neg_ints": lambda: torch.tensor([-1.0, 2.0, -30.0]),
    "float_4dec": lambda: torch.tensor([0.1, 0.25, 1.0 / 3]),
    "float_mixed": lambda: torch.tensor([1.5, -2.25, 100.125]),
    "scalar_float": lambda: torch.tensor(3.5),
    "scalar_int_valued_float": lambda: torch.tensor(126.0),
    "scalar_small": lambda: torch.tensor(0.00012243),
    "scalar_big": lambda: torch.tensor(174589952.0),
    "scalar_neg": lambda: torch.tensor(-2.5),
    "scalar_zero": lambda: torch.tensor(0.0),
    "neg_zero": lambda: torch.tensor([-0.0, 0.0, 1.0]),
    "neg_zero_scalar": lambda: torch.tensor(-0.0),
    "sci_small": lambda: torch.tensor([1.2243e-04, 7.8005e-05]),
    "sci_mix": lambda: torch.tensor([[-7.8431e-06, -9.4496e-06], [9.5752e-05, 1.1536e-04]]),
    "sci_big": lambda: torch.tensor([1.7459e08, 1.0]),
    "sci_big_ints": lambda: torch.tensor([1e8, 2e8]),
    "large_ints_float": lambda: torch.tensor([123456.0, 7.0]),
    "large_mixed": lambda: torch.tensor([12345.678, 0.5]),
    "ratio_1000": lambda: torch.tensor([0.001, 1.0]),
    "ratio_big": lambda: torch.tensor([0.0001, 10.0]),
    "tiny": lambda: torch.tensor([1e-10, 1.0]),
    "nan_inf": lambda: torch.tensor([float("nan"), float("inf"), -float("inf"), 1.5]),
    "nan_only": lambda: torch.tensor([float("nan"), 1.0]),
    "inf_int_vals": lambda: torch.tensor([float("inf"), 2.0]),
    "float64": lambda: torch.tensor([1.0, 2.5], dtype=torch.float64),
    "float64_ints": lambda: torch.tensor([1.0, 2.0], dtype=torch.float64),
    "float64_scalar": lambda: torch.tensor(0.5, dtype=torch.float64),
    "bool": lambda: torch.tensor([True, False]),
    "bool_scalar": lambda: torch.tensor(True),
    "bool2d": lambda: torch.tensor([[True], [False]]),
    "empty": lambda: torch.tensor([]),
    "empty_2d": lambda: torch.zeros(0, 3),
    "empty_int": lambda: torch.tensor([], dtype=torch.int64),
    "empty_f64": lambda: torch.tensor([], dtype=torch.float64),
    "3d": lambda: torch.arange(24.0).reshape(2, 3, 4),
    "3d_int": lambda: torch.arange(12).reshape(2, 2, 3),
    "4d": lambda: torch.arange(16.0).reshape(2, 2, 2, 2),
    "col": lambda: torch.tensor([[0.7311], [0.8808]]),
    "row": lambda: torch.tensor([[1.0, 2.0, 3.0]]),
    "long_row_wrap": lambda: torch.arange(20.0) / 7,
    "long_row_ints": lambda: torch.arange(30),
    "long_row_float_ints": lambda: torch.arange(40.0),
    "long_2d_wrap": lambda: (torch.arange(36.0) / 3).reshape(2, 18),
    "sci_long": lambda: torch.arange(1.0, 13.0) * 1e-5,
    "big_1d_summarized": lambda: torch.arange(1001.0),
    "big_1d_1000": lambda: torch.arange(1000),
    "big_2d_summarized": lambda: torch.arange(2000.0).reshape(40, 50),
    "big_3d_summarized": lambda: torch.arange(2400).reshape(12, 10, 20),
    "big_int_summarized": lambda: torch.arange(5000),
    "ones_512": lambda: torch.ones(512, 512),
    "zeros_rg": lambda: torch.zeros(3, requires_grad=True),
    "ones_rg_scalar": lambda: torch.ones((), requires_grad=True),
    "f64_rg": lambda: torch.tensor([1.5, 2.0], dtype=torch.float64, requires_grad=True),
    "sci_rg": lambda: torch.tensor([1e-5, 1.0], requires_grad=True),
    "exp_vals": lambda: torch.exp(torch.tensor([0.0, 1.0, 2.0, 10.0])),
    "neg_small": lambda: torch.tensor([-0.0033, 0.9999]),
    "mixed_sign_4dec": lambda: torch.tensor([[-1.0728e-05], [1.3098e-04]]),
    "sum_of_tenth": lambda: torch.tensor([0.1, 0.2]).sum(),
    "divided": lambda: torch.tensor([73.70008]),
    "large_neg": lambda: torch.tensor([-1331.0, 2.0]),
}
for k, make in cases.items():
    with section(k):
        v = make()
        check(f"repr.{k}", repr(v))
        check(f"str.{k}", str(v))
        check(f"fmt.{k}", f"{v}")

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
s = y.sum()
check("repr.grad_fn_mul", repr(y))
check("repr.grad_fn_sum", repr(s))
check("repr.grad_fn_f64", repr(x.double() * 3))
check("repr.grad_fn_pow", repr(x**2))
check("repr.grad_fn_mean", repr(y.mean()))
check("repr.grad_fn_exp_big", repr(torch.exp(x * 10)))
check("repr.node", repr(y.grad_fn))
check("str.node", str(s.grad_fn))
check("repr.next_functions", repr(s.grad_fn.next_functions))
check("repr.acc", repr(y.grad_fn.next_functions[0][0]))
check("repr.detach", repr(y.detach()))
check("repr.data", repr(y.data))
check("repr.no_grad_result", repr(torch.tensor([1.5], requires_grad=True).detach() + 1))
check("repr.list_of_tensors", repr([torch.tensor(1.0), torch.tensor([2, 3])]))
check("repr.tuple_of_tensors", repr((torch.tensor(1.0), torch.tensor([2.0]))))
check("repr.dict", repr({"a": torch.tensor([1.0])}))
check("repr.param", repr(nn.Parameter(torch.tensor([1.0, 2.0]))))
check("repr.param_2d", repr(nn.Parameter(torch.tensor([[1.0, 2.5], [3.0, 4.0]]))))
check("repr.param_no_grad", repr(nn.Parameter(torch.tensor([1.0]), requires_grad=False)))
check("str.param", str(nn.Parameter(torch.tensor([0.5]))))
check("repr.item", repr(torch.tensor(2.5).item()))
check("repr.int_item", repr(torch.tensor(3).item()))
check("repr.tolist", repr(torch.tensor([1.5, 2.0]).tolist()))
print(torch.tensor([1.0, 2.0]))
print(torch.tensor([[1, 2], [3, 4]]))
print(x)
print(y)
print(s)
print(torch.tensor(1e-4))
print("%s" % torch.tensor([1.25]))
print(f"{torch.tensor([0.5, 1.5])}")
print(x.grad)
print(torch.float32, torch.int64)
print(torch.Size([2, 3]))
print(y.shape)
