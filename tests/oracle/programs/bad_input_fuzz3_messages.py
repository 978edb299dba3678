# Bad input (issue 13), third fuzz round, messages: calls where autograd_viz raised PyTorch's
# exception type with another first line. Factories' bad dtype= / unknown keywords (the
# parser's "invalid combination of arguments"), keyword vs positional arguments (a keyword
# has no position), Tensor methods vs torch functions (positions after self, the method's
# own signatures), C methods without arguments, nn modules' __init__ names, and the order of
# PyTorch's checks. Each case records PyTorch's exception type and message, or its result.
import numpy as np

t = torch.arange(6.0).reshape(2, 3)
v = torch.arange(4.0)
m = torch.arange(12.0).reshape(3, 4)
s = torch.tensor(3.0)
b = torch.tensor([True, False, True])
idx = torch.tensor([0, 2])

# --- dtype= that is not a torch.dtype: one signature names the argument, several do not
raises("full_dtype_str", lambda: torch.full((2,), 7, dtype="float32"))
raises("full_dtype_np", lambda: torch.full((2,), 7, dtype=np.float32))
raises("zeros_like_dtype_str", lambda: torch.zeros_like(t, dtype="float32"))
raises("ones_like_dtype_np", lambda: torch.ones_like(t, dtype=np.float32))
raises("full_like_dtype_str", lambda: torch.full_like(t, 1.0, dtype="float32"))
raises("as_tensor_dtype_str", lambda: torch.as_tensor([1, 2], dtype="float32"))
raises("as_tensor_dtype_np", lambda: torch.as_tensor([1, 2], dtype=np.float32))
raises("linear_dtype_str", lambda: nn.Linear(3, 2, dtype="float32"))
raises("embedding_dtype_np", lambda: nn.Embedding(3, 2, dtype=np.float32))
raises("arange_dtype_str", lambda: torch.arange(5, dtype="float32"))
raises("arange_2_dtype_np", lambda: torch.arange(0, 5, dtype=np.float32))
raises("rand_dtype_str", lambda: torch.rand(2, dtype="float32"))
raises("randn_dtype_np", lambda: torch.randn(2, 3, dtype=np.float32))
raises("randint_dtype_str", lambda: torch.randint(0, 5, (3,), dtype="float32"))
raises("randint_high_dtype_np", lambda: torch.randint(5, (3,), dtype=np.float32))
raises("randperm_dtype_str", lambda: torch.randperm(4, dtype="float32"))
raises("dtype_python_float", lambda: torch.rand(2, dtype=float).dtype)

# --- unknown keywords to factories with several signatures
raises("arange_kw_axis", lambda: torch.arange(5, axis=0))
raises("arange_kw_foo", lambda: torch.arange(5, foo=1))
raises("arange_kw_input", lambda: torch.arange(5, input=t))
raises("arange_2_kw_keepdims", lambda: torch.arange(0, 5, keepdims=True))
raises("rand_kw_axis", lambda: torch.rand(2, axis=0))
raises("rand_kw_input", lambda: torch.rand(2, input=t))
raises("randn_kw_dims", lambda: torch.randn(2, 3, dims=0))
raises("randint_size_none", lambda: torch.randint(0, 5, None))
raises("randint_high_none", lambda: torch.randint(None, (3,)))

# --- keyword arguments: PyTorch names them without a position
raises("argmax_dim_kw_float", lambda: torch.argmax(t, dim=0.0))
raises("argmax_dim_kw_tuple", lambda: torch.argmax(t, dim=(0,)))
raises("argmax_dim_pos_float", lambda: torch.argmax(t, 0.0))
raises("argmin_dim_kw_bool", lambda: torch.argmin(t, dim=True))
raises("vector_norm_ord_kw_str", lambda: torch.linalg.vector_norm(t, ord="0.1"))
raises("vector_norm_ord_kw_none", lambda: torch.linalg.vector_norm(t, ord=None))
raises("vector_norm_ord_pos_list", lambda: torch.linalg.vector_norm(t, [0.1]))
raises("linalg_norm_ord_kw_list", lambda: torch.linalg.norm(t, ord=[0.1]))
raises("linalg_norm_fro_1d", lambda: torch.linalg.norm(v, "fro"))
raises("linalg_norm_fro_3d", lambda: torch.linalg.norm(torch.ones(2, 2, 2), "fro"))
raises("norm_dim_bool", lambda: t.norm(dim=True))
raises("requires_grad__kw_str", lambda: t.clone().requires_grad_(requires_grad="yes"))
raises("requires_grad__kw_int", lambda: t.clone().requires_grad_(requires_grad=1))
raises("requires_grad__pos_int", lambda: t.clone().requires_grad_(1))
raises("requires_grad__kw_foo", lambda: t.clone().requires_grad_(foo=True))
raises("requires_grad__kw_ok", lambda: t.clone().requires_grad_(requires_grad=True).requires_grad)

# --- Tensor methods: positions counted after self, the method's own signatures
raises("hypot_method_list", lambda: t.hypot([1.0, 2.0, 3.0]))
raises("hypot_method_ndarray", lambda: t.hypot(np.ones(3)))
raises("hypot_function_float", lambda: torch.hypot(t, 3.0))
raises("fmod_method_list", lambda: t.fmod([1.0, 2.0, 3.0]))
raises("fmod_method_none", lambda: t.fmod(None))
raises("true_divide_method_str", lambda: t.true_divide("x"))
raises("true_divide_method_ndarray", lambda: t.true_divide(np.ones(3)))
raises("scatter_add_method_src", lambda: m.scatter_add(1, torch.tensor([[0], [1]]), 1.0))
raises("scatter_add_function_src", lambda: torch.scatter_add(m, 1, torch.tensor([[0], [1]]), 1.0))
raises("repeat_interleave_method_str", lambda: v.repeat_interleave("2"))
raises("repeat_interleave_method_float", lambda: v.repeat_interleave(2.0))
raises("repeat_interleave_method_bool", lambda: v.repeat_interleave(True))
raises("repeat_interleave_function_ndarray", lambda: torch.repeat_interleave(v, np.ones(3)))
raises("unbind_method_float", lambda: m.unbind(1.0))
raises("unbind_method_none", lambda: m.unbind(None))
raises("unbind_function_str", lambda: torch.unbind(m, "0"))
raises("unsqueeze_kw_dims", lambda: t.unsqueeze(dims=0))
raises("unsqueeze_kw_foo", lambda: t.unsqueeze(foo=1))
raises("unsqueeze_kw_out", lambda: t.unsqueeze(out=None))
raises("unsqueeze_pos_and_kw", lambda: t.unsqueeze(0, foo=1))
raises("unsqueeze_axis", lambda: t.unsqueeze(axis=0).shape)

# --- C methods and functions without arguments
raises("zero__int", lambda: t.clone().zero_(1))
raises("zero__two", lambda: t.clone().zero_(1, 2))
raises("exp__int", lambda: t.clone().exp_(1))
raises("exp__kw", lambda: t.clone().exp_(dim=0))
raises("sigmoid__int", lambda: t.clone().sigmoid_(1))
raises("is_grad_enabled_int", lambda: torch.is_grad_enabled(1))

# --- torch functions with out=: PyTorch's parser error for the call as written
raises("add_other_kw_list", lambda: torch.add(t, other=[1.0, 2.0, 3.0]))
raises("add_other_kw_none", lambda: torch.add(t, other=None))
raises("add_other_pos_str", lambda: torch.add(t, "x"))
raises("add_alpha_kw_str", lambda: torch.add(t, 1, alpha="x"))
raises("add_kw_foo", lambda: torch.add(t, 1, foo=1))
raises("sub_other_kw_ndarray", lambda: torch.sub(t, other=np.ones(3)))
raises("mul_other_kw_list", lambda: torch.mul(t, other=[1.0]))
raises("sum_kw_dims", lambda: torch.sum(t, dims=0))
raises("sum_kw_keep_dim", lambda: torch.sum(t, keep_dim=True))
raises("sum_kw_input", lambda: torch.sum(t, input=t))
raises("clamp_kw_input", lambda: torch.clamp(t, 0, 1, input=t))
raises("clamp_min_kw_foo", lambda: torch.clamp(t, min=0, foo=1))
raises("cat_list_element", lambda: torch.cat([t, [1.0, 2.0]]))
raises("stack_float_element", lambda: torch.stack([1.0, t]))

# --- torch.clamp / reductions: unknown keywords, dtype
raises("clamp_kw_axis", lambda: torch.clamp(t, 0, 1, axis=0))
raises("clamp_kw_dtype", lambda: torch.clamp(t, 0, 1, dtype=torch.float64))
raises("mean_dtype_int", lambda: torch.mean(t, dtype=torch.int32))
raises("mean_dtype_bool", lambda: torch.mean(t, dtype=torch.bool))
raises("mean_method_dtype_long", lambda: t.mean(dtype=torch.long))

# --- the order of PyTorch's checks
raises("masked_fill_size_then_dtype", lambda: t.masked_fill(m, 0.0))
raises("masked_fill_size_long_mask", lambda: t.masked_fill(idx, 0.0))
raises("masked_fill_broadcast_float_mask", lambda: t.masked_fill(torch.ones(4, 2, 3), 0.0))
raises(
    "scatter_src_empty",
    lambda: torch.zeros(3, 4).scatter(1, torch.tensor([[0], [1], [2]]), torch.ones(0)),
)
raises("scatter_src_0d", lambda: torch.zeros(3, 4).scatter(1, torch.tensor([[0], [1], [2]]), s))
raises("index_oob_second_dim", lambda: t[:, [0, 3]])
raises("index_oob_3d_last", lambda: torch.ones(2, 3, 4)[:, :, [9]])
raises("index_oob_3d_all", lambda: torch.ones(2, 3, 4)[[0], [0], [9]])
raises("index_oob_3d_gap", lambda: torch.ones(2, 3, 4)[[0], :, [9]])
raises("index_mask_shape", lambda: t[b])
raises("index_mask_list", lambda: t[[True, False, True]])
raises("index_mask_second", lambda: torch.ones(2, 3, 4)[:, torch.tensor([True, False])])
raises("copy__broadcast", lambda: t.clone().copy_(torch.ones(3, 1)))
raises("arange_nan_step", lambda: torch.arange(0, 5, float("nan")))
raises("expand_0d_minus1", lambda: s.expand(-1))
raises("expand_0d_minus1_2", lambda: s.expand(2, -1))
raises("expand_leading_minus1", lambda: v.expand(-1, 4))
raises("expand_leading_minus1_second", lambda: v.expand(2, -1, 4))
raises("expand_leading_minus3", lambda: v.expand(-3, 4))
raises("expand_mismatch_before_leading", lambda: v.expand(-1, 5))
raises("expand_ok", lambda: v.expand(3, -1))

# --- nn
raises("conv2d_kw_foo", lambda: nn.Conv2d(1, 2, 3, foo=1))
raises("conv2d_kw_out", lambda: nn.Conv2d(1, 2, 3, out=None))
raises("conv1d_kw_axis", lambda: nn.Conv1d(1, 2, 3, axis=0))
raises("maxpool2d_kw_foo", lambda: nn.MaxPool2d(2, foo=1))
raises("dropout_kw_foo", lambda: nn.Dropout(0.5, foo=1))
raises("linear_kw_foo", lambda: nn.Linear(2, 3, foo=1))
raises("conv2d_bool_input", lambda: nn.Conv2d(1, 2, 3)(b))
raises("conv2d_long_input", lambda: nn.Conv2d(1, 2, 3)(idx))
raises("conv2d_double_input", lambda: nn.Conv2d(1, 2, 3)(torch.ones(3, dtype=torch.float64)))
raises("conv1d_double_input", lambda: nn.Conv1d(1, 2, 3)(torch.ones(3, dtype=torch.float64)))
raises(
    "conv2d_list_input",
    lambda: nn.Conv2d(1, 2, 3)([1.0, 2.0, 3.0]),
    key="got (list, Parameter, Parameter, tuple, tuple, tuple, int)",
)
raises(
    "conv2d_none_input",
    lambda: nn.Conv2d(1, 2, 3)(None),
    key="got (NoneType, Parameter, Parameter, tuple, tuple, tuple, int)",
)
raises("embedding_bool_indices", lambda: nn.Embedding(10, 3)(b))
raises("F_embedding_bool_indices", lambda: F.embedding(b, torch.ones(3, 2)))
raises("embedding_padding_idx_float", lambda: nn.Embedding(10, 3, padding_idx=2.5))
raises(
    "embedding_padding_idx_float_tensor", lambda: nn.Embedding(10, 3, padding_idx=torch.tensor(2.0))
)
raises("batch_norm_eval_no_stats", lambda: F.batch_norm(t, None, None))
raises("batch_norm_eval_no_var", lambda: F.batch_norm(t, torch.zeros(3), None))
raises("batch_norm_eval_no_mean", lambda: F.batch_norm(t, None, torch.ones(3)))
raises("sequential_str_index", lambda: nn.Sequential(nn.ReLU())["0"])
raises("sequential_float_index", lambda: nn.Sequential(nn.ReLU())[1.5])
raises("modulelist_module", lambda: nn.ModuleList(nn.ReLU()))
raises("modulelist_int", lambda: nn.ModuleList(3))
raises("modulelist_extend_module", lambda: nn.ModuleList().extend(nn.ReLU()))
raises("unflatten_module_sizes", lambda: nn.Unflatten(1, (2, 2))(t))
raises("parameter_ndarray", lambda: nn.Parameter(np.ones(3)))
raises("init_zeros_list", lambda: nn.init.zeros_([1.0, 2.0]))
raises("init_zeros_ndarray", lambda: nn.init.zeros_(np.ones(3)))
raises("init_ones_float", lambda: nn.init.ones_(3.0))
raises("init_normal_none", lambda: nn.init.normal_(None))
raises("init_xavier_ndarray", lambda: nn.init.xavier_uniform_(np.ones(3)))
raises(
    "bce_logits_pos_weight",
    lambda: F.binary_cross_entropy_with_logits(t, torch.ones(2, 3), pos_weight=torch.ones(3, 1)),
)
raises(
    "bce_logits_weight",
    lambda: F.binary_cross_entropy_with_logits(t, torch.ones(2, 3), weight=torch.ones(2)),
)

# --- attributes and numpy names
raises("set_T", lambda: setattr(t.clone(), "T", t))
raises("set_mT", lambda: setattr(t.clone(), "mT", t))
raises("set_ndim", lambda: setattr(t.clone(), "ndim", 3))
raises("set_device", lambda: setattr(t.clone(), "device", "cpu"))
raises("from_numpy_scalar", lambda: torch.from_numpy(np.float64(1.0)))
raises("from_numpy_list", lambda: torch.from_numpy([1.0]))
