# Bad input (issue 13): creation functions, dtypes, Python/numpy interop.
# Each case records PyTorch's exception type and message, or PyTorch's result.
import numpy as np

# --- torch.tensor from odd Python / numpy input
raises("tensor_2pow63", lambda: torch.tensor([2**63]))
raises("tensor_2pow63_scalar", lambda: torch.tensor(2**63))
raises("tensor_neg_2pow63_minus1", lambda: torch.tensor([-(2**63) - 1]))
raises("tensor_2pow63_minus1", lambda: torch.tensor([2**63 - 1]))
raises("tensor_2pow64", lambda: torch.tensor(2**64))
raises("tensor_big_float_int_mix", lambda: torch.tensor([1.5, 2**70]))
raises("tensor_range", lambda: torch.tensor(range(3)))
raises("tensor_range_step", lambda: torch.tensor(range(0, 10, 3)))
raises("tensor_np_float64", lambda: torch.tensor(np.float64(2.5)))
raises("tensor_np_float32", lambda: torch.tensor(np.float32(2.5)))
raises("tensor_np_int64", lambda: torch.tensor(np.int64(3)))
raises("tensor_np_int32", lambda: torch.tensor(np.int32(3)))
raises("tensor_np_bool", lambda: torch.tensor(np.bool_(True)))
raises("tensor_list_np_float64", lambda: torch.tensor([np.float64(1.5), np.float64(2.5)]))
raises("tensor_uint16_array", lambda: torch.tensor(np.array([1, 2], dtype=np.uint16)))
raises("tensor_uint32_array", lambda: torch.tensor(np.array([1, 2], dtype=np.uint32)))
raises("tensor_uint64_array", lambda: torch.tensor(np.array([1, 2], dtype=np.uint64)))
raises("tensor_int16_array", lambda: torch.tensor(np.array([1, 2], dtype=np.int16)))
raises("tensor_float16_array", lambda: torch.tensor(np.array([1, 2], dtype=np.float16)))
raises("from_numpy_uint16", lambda: torch.from_numpy(np.array([1, 2], dtype=np.uint16)))
raises("from_numpy_list", lambda: torch.from_numpy([1, 2]))
raises("from_numpy_str_array", lambda: torch.from_numpy(np.array(["a", "b"])))
raises("from_numpy_object", lambda: torch.from_numpy(np.array([1, "a"], dtype=object)))
raises("tensor_str_array", lambda: torch.tensor(np.array(["a", "b"])))
raises("tensor_bool_int_mix", lambda: torch.tensor([True, 2]))
raises("tensor_bool_float_mix", lambda: torch.tensor([True, 2.5]))
raises("tensor_int_float_mix", lambda: torch.tensor([1, 2.0]))
raises("tensor_empty_list", lambda: torch.tensor([]))
raises("tensor_empty_nested", lambda: torch.tensor([[], []]))
raises("tensor_dict", lambda: torch.tensor({1: 2}))
raises("tensor_set", lambda: torch.tensor({1, 2}))
raises("tensor_str_list", lambda: torch.tensor(["a"]))
raises("tensor_none_list", lambda: torch.tensor([None]))
raises("tensor_none_in_list", lambda: torch.tensor([1.0, None]))
raises("tensor_tuple", lambda: torch.tensor((1, 2)))
raises("tensor_nested_tuple_list", lambda: torch.tensor([(1, 2), [3, 4]]))
raises("tensor_0d_tensor_list", lambda: torch.tensor([torch.tensor(1.0), torch.tensor(2.0)]))
raises("tensor_of_tensor", lambda: torch.tensor(torch.tensor([1.0, 2.0])))
raises("tensor_rg_str", lambda: torch.tensor([1.0], requires_grad="yes"))
raises("tensor_rg_int", lambda: torch.tensor([1.0], requires_grad=1))
raises("tensor_dtype_int", lambda: torch.tensor([1.0], dtype=int))
raises("tensor_dtype_float", lambda: torch.tensor([1], dtype=float))
raises("tensor_dtype_bool", lambda: torch.tensor([1, 0], dtype=bool))
raises("tensor_dtype_np", lambda: torch.tensor([1.0], dtype=np.float32))
raises("tensor_float_to_int_dtype", lambda: torch.tensor([1.7, -1.7], dtype=torch.int64))
raises("tensor_neg_to_uint8", lambda: torch.tensor([-1], dtype=torch.uint8))
raises("tensor_300_to_uint8", lambda: torch.tensor([300], dtype=torch.uint8))
raises("tensor_200_to_int8", lambda: torch.tensor([200], dtype=torch.int8))
raises("tensor_nan_to_int", lambda: torch.tensor([float("nan")], dtype=torch.int64))
raises("tensor_inf_to_int32", lambda: torch.tensor([float("inf")], dtype=torch.int32))
raises("tensor_big_to_float32", lambda: torch.tensor([1e40], dtype=torch.float32))
raises("tensor_big_float32_default", lambda: torch.tensor([1e40]))
raises("tensor_float64_array_keeps", lambda: torch.tensor(np.array([1.5, 2.5])))
raises("tensor_int_array_keeps", lambda: torch.tensor(np.array([1, 2])))
raises("tensor_int32_array_keeps", lambda: torch.tensor(np.array([1, 2], dtype=np.int32)))
raises("tensor_bool_array", lambda: torch.tensor(np.array([True, False])))
raises("tensor_0d_array", lambda: torch.tensor(np.array(3.5)))
raises("as_tensor_list", lambda: torch.as_tensor([1, 2]))
raises("as_tensor_str", lambda: torch.as_tensor("a"))
raises("Tensor_ctor_int", lambda: torch.Tensor([1, 2]))
raises("Tensor_ctor_shape", lambda: torch.Tensor(2, 3).shape)
raises("Tensor_ctor_str", lambda: torch.Tensor("a"))
raises("Tensor_ctor_neg", lambda: torch.Tensor(-1))
raises("FloatTensor_list", lambda: torch.FloatTensor([1, 2]))
raises("LongTensor_float", lambda: torch.LongTensor([1.5, 2.5]))

# --- zeros / ones / full / empty / eye / *_like
raises("ones_64_dims", lambda: torch.ones(*[1] * 64).dim())
raises("ones_float_size", lambda: torch.ones(2.5))
raises("ones_float_size_tuple", lambda: torch.ones((2, 2.0)))
raises("ones_neg_tuple", lambda: torch.ones((2, -3)))
raises("ones_none", lambda: torch.ones(None))
raises("ones_list_size", lambda: torch.ones([2, 3]).shape)
raises("ones_size_obj", lambda: torch.ones(torch.Size([2, 3])).shape)
raises("ones_tensor_size", lambda: torch.ones(torch.tensor(3)).shape)
raises("ones_tensor_size_float", lambda: torch.ones(torch.tensor(3.0)))
raises("ones_zero", lambda: torch.ones(0))
raises("ones_0_3", lambda: torch.ones(0, 3).shape)
raises("ones_bool_size", lambda: torch.ones(True))
raises("zeros_str_dtype", lambda: torch.zeros(2, dtype="float"))
raises("zeros_rg_int", lambda: torch.zeros(2, dtype=torch.int64, requires_grad=True))
raises("zeros_rg_bool", lambda: torch.zeros(2, dtype=torch.bool, requires_grad=True))
raises("full_no_value", lambda: torch.full((2,)), key="missing 1 required positional argument")
raises("full_bool_value", lambda: torch.full((2,), True))
raises("full_int_value", lambda: torch.full((2,), 3))
raises("full_float_value", lambda: torch.full((2,), 3.5))
raises("full_int_dtype_float_value", lambda: torch.full((2,), 3.5, dtype=torch.int64))
raises("full_tensor_value", lambda: torch.full((2,), torch.tensor(2.0)))
raises("full_int_size", lambda: torch.full(2, 1.0))
raises("full_neg", lambda: torch.full((-2,), 1.0))
raises("empty_neg", lambda: torch.empty(-2))
raises("eye_neg", lambda: torch.eye(-1))
raises("eye_float", lambda: torch.eye(2.5))
raises("eye_rect", lambda: torch.eye(2, 3))
raises("eye_zero", lambda: torch.eye(0))
raises("zeros_like_list", lambda: torch.zeros_like([1, 2]))
raises("ones_like_int_rg", lambda: torch.ones_like(torch.tensor([1, 2]), requires_grad=True))
raises("ones_like_dtype", lambda: torch.ones_like(torch.tensor([1, 2]), dtype=torch.float32))
raises("full_like_float_into_int", lambda: torch.full_like(torch.tensor([1, 2]), 2.7))
raises("rand_like_int", lambda: torch.rand_like(torch.tensor([1, 2])))
raises("randn_like_int", lambda: torch.randn_like(torch.tensor([1, 2])))
raises("zeros_like_keeps_rg", lambda: torch.zeros_like(torch.ones(2, requires_grad=True)))

# --- arange / linspace
raises("arange_neg_step_empty", lambda: torch.arange(0, 10, -1))
raises("arange_zero_step", lambda: torch.arange(0, 10, 0))
raises("arange_pos_step_backwards", lambda: torch.arange(10, 0, 1))
raises("arange_equal", lambda: torch.arange(3, 3))
raises("arange_neg_end", lambda: torch.arange(-3))
raises("arange_float_step", lambda: torch.arange(0, 1, 0.1))
raises("arange_float_end", lambda: torch.arange(2.5))
raises("arange_int_dtype_float", lambda: torch.arange(5, dtype=torch.float32))
raises("arange_nan", lambda: torch.arange(float("nan")))
raises("arange_inf", lambda: torch.arange(float("inf")))
raises("arange_tensor_end", lambda: torch.arange(torch.tensor(3)))
raises("arange_none", lambda: torch.arange(None))
raises("arange_rg_int", lambda: torch.arange(3, requires_grad=True))
raises("arange_rg_float", lambda: torch.arange(3.0, requires_grad=True))
raises("arange_neg_dir", lambda: torch.arange(5, 0, -2))
raises(
    "linspace_no_steps",
    lambda: torch.linspace(0, 1),
    key="received an invalid combination of arguments",
)
raises("linspace_neg_steps", lambda: torch.linspace(0, 1, -1))
raises("linspace_zero_steps", lambda: torch.linspace(0, 1, 0))
raises("linspace_one_step", lambda: torch.linspace(0, 1, 1))
raises(
    "linspace_float_steps",
    lambda: torch.linspace(0, 1, 2.5),
    key="received an invalid combination of arguments",
)
raises("linspace_int_dtype", lambda: torch.linspace(0, 10, 4, dtype=torch.int64))

# --- random
raises("randint_low_ge_high", lambda: torch.randint(5, 2, (3,)))
raises("randint_equal", lambda: torch.randint(2, 2, (3,)))
raises(
    "randint_no_size", lambda: torch.randint(5), key="received an invalid combination of arguments"
)
raises(
    "randint_int_size",
    lambda: torch.randint(0, 5, 3),
    key="received an invalid combination of arguments",
)
raises("randint_shape_dtype", lambda: (lambda r: (r.shape, r.dtype))(torch.randint(0, 5, (2, 3))))
raises(
    "randint_float_high",
    lambda: torch.randint(0, 5.5, (2,)).dtype,
    key="received an invalid combination of arguments",
)
raises("randint_rg", lambda: torch.randint(0, 5, (2,), requires_grad=True))
raises("randn_neg", lambda: torch.randn(-1))
raises("randn_int_dtype", lambda: torch.randn(2, dtype=torch.int64))
raises("rand_int_dtype", lambda: torch.rand(2, dtype=torch.int64))
raises("randn_float_size", lambda: torch.randn(2.0))
raises("randperm_neg", lambda: torch.randperm(-1))
raises("randperm_shape", lambda: (lambda r: (r.shape, r.dtype))(torch.randperm(4)))
raises("manual_seed_str", lambda: torch.manual_seed("a"))
raises("manual_seed_float", lambda: torch.manual_seed(1.5))
raises("manual_seed_neg_huge", lambda: torch.manual_seed(-(2**64)))
raises("normal_neg_std", lambda: torch.normal(0.0, -1.0, (2,)))
raises(
    "normal_no_size",
    lambda: torch.normal(0.0, 1.0),
    key="received an invalid combination of arguments",
)
raises("multinomial_no_replacement_too_many", lambda: torch.multinomial(torch.ones(3), 5))
raises("multinomial_negative", lambda: torch.multinomial(torch.tensor([-1.0, 1.0]), 1))
raises("multinomial_zero_sum", lambda: torch.multinomial(torch.zeros(3), 1))
raises("multinomial_int", lambda: torch.multinomial(torch.tensor([1, 2]), 1))
raises("multinomial_3d", lambda: torch.multinomial(torch.ones(2, 2, 2), 1))
raises("generator_seed_str", lambda: torch.Generator().manual_seed("a"))
raises(
    "randn_generator_bad",
    lambda: torch.randn(2, generator=3),
    key="received an invalid combination of arguments",
)

# --- dtypes and conversions
raises("to_str_dtype", lambda: torch.ones(2).to("float64"))
raises("to_bad_string", lambda: torch.ones(2).to("banana"))
raises("to_int", lambda: torch.ones(2).to(3))
raises("type_str", lambda: torch.ones(2).type("torch.DoubleTensor").dtype)
raises("type_bad_str", lambda: torch.ones(2).type("torch.BananaTensor"))
raises("type_noarg", lambda: torch.ones(2).type())
raises("float_of_int_rg", lambda: torch.tensor([1, 2]).float().requires_grad_())
raises("long_of_float_rg", lambda: torch.tensor([1.5], requires_grad=True).long())
raises("int8_overflow_add", lambda: torch.tensor([127], dtype=torch.int8) + 1)
raises(
    "int8_overflow_mul",
    lambda: torch.tensor([100], dtype=torch.int8) * torch.tensor([3], dtype=torch.int8),
)
raises("uint8_underflow", lambda: torch.tensor([0], dtype=torch.uint8) - 1)
raises("uint8_neg_scalar", lambda: torch.tensor([5], dtype=torch.uint8) * -1)
raises("int32_overflow", lambda: torch.tensor([2**31 - 1], dtype=torch.int32) + 1)
raises("int64_overflow", lambda: torch.tensor([2**63 - 1]) + 1)
raises("int8_plus_big_scalar", lambda: torch.tensor([1], dtype=torch.int8) + 1000)
raises("int8_to", lambda: torch.tensor([300, -200]).to(torch.int8))
raises("uint8_to", lambda: torch.tensor([-1, 256]).to(torch.uint8))
raises("float_to_int8", lambda: torch.tensor([1.9, -1.9, 127.5]).to(torch.int8))
raises("bool_to_float", lambda: torch.tensor([True, False]).float())
raises("float_to_bool", lambda: torch.tensor([0.0, 0.1, float("nan")]).bool())
raises("float16_overflow", lambda: torch.tensor([70000.0]).half())
raises("double_precision", lambda: torch.tensor([0.1], dtype=torch.float64) + 0.2)
raises("int_true_div", lambda: torch.tensor([1, 2]) / 2)
raises("int_true_div_int", lambda: torch.tensor([3]) / torch.tensor([2]))
raises("int_floordiv_zero", lambda: torch.tensor([1, 2]) // 0)
raises("int_mod_zero", lambda: torch.tensor([1, 2]) % 0)
raises("int_floordiv_zero_tensor", lambda: torch.tensor([1, 2]) // torch.tensor([0, 1]))
raises("int_mod_zero_tensor", lambda: torch.tensor([1, 2]) % torch.tensor([0, 1]))
raises("int_div_zero", lambda: torch.tensor([1, 0, -1]) / 0)
raises("float_floordiv_zero", lambda: torch.tensor([1.0, -1.0, 0.0]) // 0)
raises("float_mod_zero", lambda: torch.tensor([1.0, -1.0]) % 0)
raises("int_neg_floordiv", lambda: torch.tensor([-7, 7]) // 2)
raises("int_neg_mod", lambda: torch.tensor([-7, 7]) % 3)
raises("float_neg_mod", lambda: torch.tensor([-7.5, 7.5]) % -2)
raises("int_pow_neg", lambda: torch.tensor([2, 3]) ** -1)
raises("int_pow_neg_tensor", lambda: torch.tensor([2]) ** torch.tensor([-1]))
raises("int_pow_float", lambda: torch.tensor([2, 3]) ** 0.5)
raises("int_pow_big", lambda: torch.tensor([10]) ** 30)
raises("bool_add", lambda: torch.tensor([True]) + torch.tensor([True]))
raises("bool_mul_int", lambda: torch.tensor([True, False]) * 3)
raises("bool_neg", lambda: -torch.tensor([True, False]))
raises("bool_sum", lambda: torch.tensor([True, True, False]).sum())
raises("bool_mean", lambda: torch.tensor([True, False]).mean())
raises("bool_float_mean", lambda: torch.tensor([True, False]).float().mean())
raises("int_mean_dtype", lambda: torch.tensor([1, 2]).mean(dtype=torch.float32))
raises("int_sqrt", lambda: torch.tensor([4, 9]).sqrt())
raises("int_exp", lambda: torch.tensor([0, 1]).exp())
raises("int_tanh_rg", lambda: torch.tensor([0, 1]).tanh().requires_grad)
raises("int_sigmoid", lambda: torch.tensor([0]).sigmoid())
raises("int8_abs_min", lambda: torch.tensor([-128], dtype=torch.int8).abs())
raises("int_neg_min", lambda: -torch.tensor([-(2**63)]))
raises("sign_nan", lambda: torch.tensor([float("nan"), -0.0, 2.0]).sign())
raises("sign_int", lambda: torch.tensor([-3, 0, 5]).sign())
raises("sign_bool", lambda: torch.tensor([True, False]).sign())
raises("abs_bool", lambda: torch.tensor([True]).abs())
raises("int_float_scalar_promote", lambda: torch.tensor([1, 2]) * 1.5)
raises("int32_int64_promote", lambda: torch.tensor([1], dtype=torch.int32) + torch.tensor([1]))
raises("int32_scalar_keeps", lambda: torch.tensor([1], dtype=torch.int32) + 5)
raises("float32_float64_0d", lambda: torch.ones(2) + torch.tensor(1.0, dtype=torch.float64))
raises("float32_float64_1d", lambda: torch.ones(2) + torch.ones(2, dtype=torch.float64))
raises("int_tensor_float_0d", lambda: torch.tensor([1, 2]) + torch.tensor(1.5))
raises("float16_float32", lambda: torch.ones(1, dtype=torch.float16) + torch.ones(1))
raises("uint8_int8", lambda: torch.ones(1, dtype=torch.uint8) + torch.ones(1, dtype=torch.int8))
raises("bool_int_cmp", lambda: torch.tensor([True]) == 1)
raises("eq_float_int", lambda: torch.tensor([1.0]) == torch.tensor([1]))
raises("lt_str", lambda: torch.tensor([1.0]) < "a")
raises("eq_str", lambda: torch.tensor([1.0]) == "a")
raises("eq_none", lambda: torch.tensor([1.0]) == None)  # noqa: E711
raises("ne_none", lambda: torch.tensor([1.0]) != None)  # noqa: E711
raises("eq_list", lambda: torch.tensor([1.0, 2.0]) == [1.0, 3.0])
raises("add_list", lambda: torch.tensor([1.0, 2.0]) + [1.0, 2.0])  # noqa: RUF005
raises("add_tuple", lambda: torch.tensor([1.0, 2.0]) + (1.0, 2.0))  # noqa: RUF005
raises("add_none", lambda: torch.tensor([1.0]) + None)
raises("mul_str", lambda: torch.tensor([1.0]) * "ab")
raises("radd_str", lambda: "a" + torch.tensor([1.0]))
raises("ndarray_sub_tensor", lambda: np.array([1.0, 2.0]) - torch.tensor([1.0, 1.0]))
raises("ndarray_pow_tensor", lambda: np.array([2.0, 3.0]) ** torch.tensor([2.0, 2.0]))
raises("ndarray_add_tensor", lambda: np.array([1.0, 2.0]) + torch.tensor([1.0, 1.0]))
raises("ndarray_mul_tensor", lambda: np.array([1.0, 2.0]) * torch.tensor([3.0, 1.0]))
raises("ndarray_div_tensor", lambda: np.array([1.0, 2.0]) / torch.tensor([2.0, 4.0]))
raises("ndarray_matmul_tensor", lambda: np.ones((2, 2)) @ torch.ones(2, 2))
raises("ndarray_lt_tensor", lambda: np.array([1.0, 2.0]) < torch.tensor([2.0, 1.0]))
raises("tensor_sub_ndarray", lambda: torch.tensor([1.0, 2.0]) - np.array([1.0, 1.0]))
raises("tensor_add_ndarray_f32", lambda: torch.tensor([1.0]) + np.array([1.0], dtype=np.float32))
raises("tensor_mul_np_scalar", lambda: torch.tensor([1.0, 2.0]) * np.float64(2.0))
raises("np_scalar_mul_tensor", lambda: np.float64(2.0) * torch.tensor([1.0, 2.0]))
raises("np_int_add_tensor", lambda: np.int64(2) + torch.tensor([1.0]))
raises("tensor_pow_ndarray", lambda: torch.tensor([2.0]) ** np.array([2.0]))
raises("np_array_of_tensor", lambda: np.array(torch.tensor([1.0, 2.0])))
raises("np_array_of_rg_tensor", lambda: np.array(torch.tensor([1.0, 2.0], requires_grad=True)))
raises("np_asarray_of_tensor", lambda: np.asarray(torch.tensor([1, 2])))
raises("np_exp_of_tensor", lambda: np.exp(torch.tensor([0.0, 1.0])))
raises("float_of_0d_rg", lambda: float(torch.tensor(2.5, requires_grad=True)))
raises("int_of_float_tensor", lambda: int(torch.tensor([2.7])))
raises("float_of_empty", lambda: float(torch.tensor([])))
raises("index_of_float", lambda: [1, 2, 3][torch.tensor(1.0)])
raises("index_of_int", lambda: [1, 2, 3][torch.tensor(1)])
raises("index_of_int_1elem", lambda: [1, 2, 3][torch.tensor([1])])
raises("range_of_tensor", lambda: list(range(torch.tensor(3))))
raises("range_of_float_tensor", lambda: list(range(torch.tensor(3.0))))
raises("hex_of_int_tensor", lambda: hex(torch.tensor(5)))
raises("round_tensor", lambda: round(torch.tensor(2.567), 2))
raises("round_builtin", lambda: round(torch.tensor([2.5, 3.5])))
raises("math_sqrt_tensor", lambda: __import__("math").sqrt(torch.tensor(4.0)))
raises("math_sqrt_tensor_multi", lambda: __import__("math").sqrt(torch.tensor([4.0, 9.0])))
raises("tolist_0d", lambda: torch.tensor(2.5).tolist())
raises("item_int", lambda: torch.tensor([3]).item())
raises("item_bool", lambda: torch.tensor(True).item())
raises("item_2d_single", lambda: torch.ones(1, 1).item())
raises("numpy_int", lambda: torch.tensor([1, 2]).numpy())
raises("numpy_rg", lambda: torch.tensor([1.0], requires_grad=True).numpy())
raises("numpy_detach_rg", lambda: torch.tensor([1.0], requires_grad=True).detach().numpy())
raises("numpy_nonleaf", lambda: (torch.tensor([1.0], requires_grad=True) * 2).numpy())
raises("numpy_force", lambda: torch.tensor([1.0], requires_grad=True).numpy(force=True))
raises("tolist_rg", lambda: torch.tensor([1.5], requires_grad=True).tolist())
raises("requires_grad_str", lambda: setattr(torch.ones(2), "requires_grad", "no"))
raises("requires_grad_int", lambda: setattr(torch.ones(2), "requires_grad", 1))
raises("requires_grad_none", lambda: setattr(torch.ones(2), "requires_grad", None))
raises("requires_grad__str", lambda: torch.ones(2).requires_grad_("no"))
raises("requires_grad__int_tensor", lambda: torch.tensor([1, 2]).requires_grad_(False))
raises(
    "requires_grad_false_nonleaf",
    lambda: setattr(torch.ones(2, requires_grad=True) * 2, "requires_grad", False),
)
raises(
    "requires_grad_true_nonleaf",
    lambda: setattr(torch.ones(2, requires_grad=True) * 2, "requires_grad", True),
)
raises("requires_grad_int_setattr", lambda: setattr(torch.tensor([1, 2]), "requires_grad", True))
raises(
    "dtype_setattr",
    lambda: setattr(torch.ones(2), "dtype", torch.int64),
    key="objects is not writable",
)
raises(
    "shape_setattr", lambda: setattr(torch.ones(2), "shape", (1, 2)), key="objects is not writable"
)
raises(
    "is_leaf_setattr",
    lambda: setattr(torch.ones(2), "is_leaf", False),
    key="objects is not writable",
)
raises(
    "data_set_shape",
    lambda: (lambda t: (setattr(t, "data", torch.ones(3)), t.shape)[1])(torch.ones(2)),
)
raises(
    "data_set_dtype",
    lambda: (lambda t: (setattr(t, "data", torch.tensor([1, 2])), t.dtype)[1])(torch.ones(2)),
)
raises("data_set_list", lambda: setattr(torch.ones(2), "data", [1.0, 2.0]))
raises("data_set_ndarray", lambda: setattr(torch.ones(2), "data", np.ones(2)))
raises("grad_set_shape", lambda: setattr(torch.ones(2, requires_grad=True), "grad", torch.ones(3)))
raises(
    "grad_set_dtype64",
    lambda: setattr(torch.ones(2, requires_grad=True), "grad", torch.ones(2, dtype=torch.float64)),
)
raises("grad_set_ndarray", lambda: setattr(torch.ones(2, requires_grad=True), "grad", np.ones(2)))
raises("grad_set_float", lambda: setattr(torch.ones(2, requires_grad=True), "grad", 1.0))
raises(
    "grad_set_ok",
    lambda: (lambda t: (setattr(t, "grad", torch.ones(2)), t.grad)[1])(
        torch.ones(2, requires_grad=True)
    ),
)
raises("new_attr", lambda: setattr(torch.ones(2), "foo", 1))
raises("unknown_attr", lambda: torch.ones(2).foo)
raises("size_oob", lambda: torch.ones(2, 3).size(2))
raises("size_neg", lambda: torch.ones(2, 3).size(-1))
raises("size_str", lambda: torch.ones(2, 3).size("a"))
raises("shape_index_oob", lambda: torch.ones(2, 3).shape[2])
raises("len_2d", lambda: len(torch.ones(4, 3)))
raises("len_empty", lambda: len(torch.ones(0)))
raises("iter_1d", lambda: [x.item() for x in torch.tensor([1.0, 2.0])])
raises("contains_value", lambda: 2.0 in torch.tensor([1.0, 2.0]))
raises("contains_str", lambda: "a" in torch.tensor([1.0, 2.0]))
raises("hash_tensor_ok", lambda: isinstance(hash(torch.ones(1)), int))
raises("bool_empty", lambda: bool(torch.tensor([])))
raises("bool_single", lambda: bool(torch.tensor([0.0])))
raises("bool_nan", lambda: bool(torch.tensor(float("nan"))))
raises("bool_2x2", lambda: bool(torch.ones(2, 2)))
raises("and_tensors", lambda: torch.tensor([1.0, 2.0]) and torch.tensor([1.0]))
raises("not_tensor", lambda: not torch.tensor([1.0, 0.0]))
raises("while_tensor", lambda: [0 for _ in range(1) if torch.tensor([True, True])])
raises("max_builtin_tensor", lambda: max(torch.tensor([1.0, 3.0, 2.0])))
raises("sum_builtin_tensor", lambda: sum(torch.tensor([1.0, 3.0])))
raises("sorted_builtin", lambda: sorted(torch.tensor([3, 1, 2])))
raises("format_multi", lambda: f"{torch.tensor([1.0, 2.0]):.2f}")
raises("format_0d", lambda: f"{torch.tensor(1.2345):.2f}")
raises("format_1elem", lambda: f"{torch.tensor([1.2345]):.2f}")
