# Bad input (issue 13), third fuzz round: creation functions' out=, arange's argument forms
# and its integer kernel, rand/randn/randint/randperm/normal argument checks, numpy arrays
# PyTorch cannot share, 0-d transpose. Each case records PyTorch's exception type and
# message, or PyTorch's result.
import numpy as np

t = torch.arange(6.0).reshape(2, 3)
s = torch.tensor(3.0)

# --- out= on creation functions and arg-reductions
raises("full_out_none", lambda: torch.full((2,), 1.0, out=None))
raises("full_out_long", lambda: torch.full((2,), 1.5, out=torch.empty(2, dtype=torch.long)))
raises("full_out_double", lambda: torch.full((2,), 1, out=torch.empty(2, dtype=torch.float64)))
raises("ones_out_long", lambda: torch.ones(2, out=torch.empty(2, dtype=torch.long)))
raises("zeros_out_resized", lambda: torch.zeros(2, 2, out=torch.empty(0)))
raises("linspace_out_none", lambda: torch.linspace(0, 1, steps=5, out=None))
raises("linspace_out_long", lambda: torch.linspace(0, 1, 2, out=torch.empty(2, dtype=torch.long)))
raises("eye_out_none", lambda: torch.eye(3, out=None))
raises("arange_out", lambda: torch.arange(3, out=torch.empty(3)))
raises("max_dim_out_none", lambda: torch.max(t, 1, out=None))
raises(
    "max_dim_out_pair",
    lambda: torch.max(t, 1, out=(torch.empty(2), torch.empty(2, dtype=torch.long))),
)
raises("max_dim_out_tensor", lambda: torch.max(t, 1, out=torch.empty(2)))
raises("argmax_out_none", lambda: torch.argmax(t, out=None))
raises("argmax_out", lambda: torch.argmax(t, 1, out=torch.empty(2, dtype=torch.long)))
raises("argmin_out_float", lambda: torch.argmin(t, 1, out=torch.empty(2)))

# --- arange
raises("arange_true", lambda: torch.arange(True))
raises("arange_0_true", lambda: torch.arange(0, True))
raises("arange_0_5_true", lambda: torch.arange(0, 5, True))
raises("arange_true_3f", lambda: torch.arange(True, 3.0))
raises("arange_0_none", lambda: torch.arange(0, None))
raises("arange_none", lambda: torch.arange(None))
raises("arange_tensor1", lambda: torch.arange(torch.tensor([3])))
raises("arange_tensor0", lambda: torch.arange(torch.tensor(3)))
raises("arange_end_kw", lambda: torch.arange(end=3))
raises("arange_start_end_kw", lambda: torch.arange(start=1, end=3))
raises("arange_start_kw_only", lambda: torch.arange(start=1))
raises("arange_step_kw", lambda: torch.arange(0, 5, step=2))
raises("arange_end_step_kw", lambda: torch.arange(5, step=2))
raises("arange_complex", lambda: torch.arange(1j))
raises("arange_complex_end", lambda: torch.arange(0, 1j))
raises("arange_long_step_half", lambda: torch.arange(1, 2.5, 0.5, dtype=torch.long))
raises("arange_int32_step_half", lambda: torch.arange(1, 2.5, 0.5, dtype=torch.int32))
raises("arange_long_frac", lambda: torch.arange(0.5, 3.7, 1, dtype=torch.long))
raises("arange_long_frac_step", lambda: torch.arange(1, 2.5, 1.5, dtype=torch.long))
raises("arange_int32_frac", lambda: torch.arange(-1.5, 2.7, 1.2, dtype=torch.int32))
raises("arange_long_neg", lambda: torch.arange(3.5, -2.7, -1.2, dtype=torch.long))
raises("arange_int16_neg", lambda: torch.arange(3.5, -2.7, -1.2, dtype=torch.int16))
raises("arange_long_empty", lambda: torch.arange(0.5, 0.7, 1, dtype=torch.long))
raises("arange_long_sign", lambda: torch.arange(0.5, 0.2, 1, dtype=torch.long))
raises("arange_zero_step", lambda: torch.arange(0, 5, 0))

# --- random creation arguments
raises("randn_rg_str", lambda: torch.randn(2, 3, requires_grad="yes"))
raises("randn_rg_int", lambda: torch.randn(2, 3, requires_grad=1))
raises("rand_rg_tuple_int", lambda: torch.rand((2, 3), requires_grad=1))
raises("randn_rg_none", lambda: torch.randn(2, requires_grad=None).shape)
raises("randint_nested_size", lambda: torch.randint(0, 5, [[2, 3]]))
raises("randint_high_bool", lambda: torch.randint(True, (3,)))
raises("randint_high_float_tensor", lambda: torch.randint(torch.tensor(2.0), (3,)))
raises("randint_high_vector", lambda: torch.randint(torch.tensor([2, 3]), (3,)))
raises("randint_high_tensor", lambda: torch.randint(torch.tensor(5), (3,)).shape)
raises("randint_low_bool", lambda: torch.randint(True, 5, (3,)))
raises("randint_bool_dtype", lambda: torch.randint(0, 5, (3,), dtype=torch.bool))
raises("randint_bool_dtype_ok", lambda: torch.randint(0, 1, (3,), dtype=torch.bool))
raises("randint_bool_from", lambda: torch.randint(-1, 1, (3,), dtype=torch.bool))
raises("randint_uint8_to", lambda: torch.randint(0, 300, (3,), dtype=torch.uint8))
raises("randint_int8_from", lambda: torch.randint(-200, 3, (3,), dtype=torch.int8))
raises("randint_size_float_elem", lambda: torch.randint(0, 5, [2, 2.0]))
raises("randint_size_bool_first", lambda: torch.randint(0, 5, (True, 3)))
raises("randint_size_tensor_elem", lambda: torch.randint(0, 5, (torch.tensor(2), 3)).shape)
raises("randperm_tensor", lambda: torch.randperm(torch.tensor(2)).shape)
raises("randperm_bool", lambda: torch.randperm(4, dtype=torch.bool))
raises("randperm_float", lambda: torch.randperm(4, dtype=torch.float32).dtype)

# --- numpy arrays PyTorch cannot share
raises("tensor_negative_stride", lambda: torch.tensor(np.array([1, 2])[::-1]))
raises("tensor_negative_stride_2d", lambda: torch.tensor(np.ones((2, 2))[:, ::-1]))
raises("as_tensor_negative_stride", lambda: torch.as_tensor(np.array([1, 2])[::-1]))
raises("from_numpy_negative_stride", lambda: torch.from_numpy(np.ones((2, 2))[:, ::-1]))
raises("from_numpy_big_endian", lambda: torch.from_numpy(np.array([1.0], dtype=">f8")))
raises("tensor_big_endian", lambda: torch.tensor(np.array([1.0], dtype=">f8")))
raises("tensor_reversed_copy", lambda: torch.tensor(np.arange(3)[::-1].copy()))

# --- 0-d transpose
raises("transpose_0d", lambda: s.transpose(0, 0))
raises("transpose_0d_neg", lambda: s.transpose(0, -1))
raises("transpose_0d_bad", lambda: s.transpose(0, 1))
raises("swapaxes_0d", lambda: torch.swapaxes(s, -1, 0))


def _t0_grad():
    w = torch.tensor(2.0, requires_grad=True)
    y = w.transpose(0, 0) * 3
    y.backward()
    return y.grad_fn.next_functions[0][0].name(), w.grad


raises("transpose_0d_grad", _t0_grad)
raises("arange_end_start_kw", lambda: torch.arange(3, start=1))
raises("arange_end_start_step_kw", lambda: torch.arange(3, start=1, step=2))

# --- view(dtype=), squeeze(None), stack(axis=)
m = torch.arange(12.0).reshape(3, 4)
raises("view_dtype_kw", lambda: t.view(dtype=torch.int32))
raises("view_dtype_kw_bool", lambda: t.view(dtype=torch.bool))
raises("view_dtype_kw_double", lambda: t.view(dtype=torch.float64))
raises("view_shape_and_dtype", lambda: t.view(2, 3, dtype=torch.int32))
raises("view_dtype_none", lambda: t.view(dtype=None))
raises("view_nothing", lambda: torch.ones(1).view())
raises("view_empty_tuple", lambda: torch.ones(1).view(()))
raises("squeeze_none", lambda: torch.ones(2, 1).squeeze(None))
raises("squeeze_dim_none", lambda: torch.ones(2, 1).squeeze(dim=None))
raises("torch_squeeze_none", lambda: torch.squeeze(torch.ones(2, 1), None))
raises("squeeze_varargs", lambda: torch.ones(2, 1, 1).squeeze(1, 2))
raises("squeeze_tuple", lambda: torch.ones(2, 1, 1).squeeze((1, 2)))
raises("squeeze_plain", lambda: torch.ones(2, 1, 1).squeeze())
raises("stack_axis", lambda: torch.stack([t, t], axis=1))

# --- gather / scatter / index_select: empty index, 0-d input
raises("gather_empty_index", lambda: torch.gather(m, 1, torch.tensor([], dtype=torch.long)))
raises("gather_empty_index_3d", lambda: torch.gather(m, 1, torch.zeros(0, 9, 2, dtype=torch.long)))
raises("gather_empty_bad_dim", lambda: torch.gather(m, 5, torch.zeros(0, dtype=torch.long)))
raises("gather_0d_0d", lambda: s.gather(0, torch.tensor(0)))
raises("gather_0d_1d", lambda: s.gather(0, torch.tensor([0, 0])))
raises("gather_0d_oob", lambda: s.gather(0, torch.tensor([1])))
raises("gather_1d_0d", lambda: torch.arange(3.0).gather(0, torch.tensor(1)))
raises(
    "scatter_empty_index",
    lambda: torch.zeros(3, 4).scatter(1, torch.tensor([], dtype=torch.long), 1.0),
)
raises("index_select_0d", lambda: s.index_select(0, torch.tensor([0])))
raises("index_select_0d_two", lambda: s.index_select(0, torch.tensor([0, 0])))
raises("index_select_0d_oob", lambda: s.index_select(0, torch.tensor([1])))
raises("index_select_0d_empty", lambda: s.index_select(0, torch.tensor([], dtype=torch.long)))


def _gather_0d_grad():
    w = torch.tensor(2.0, requires_grad=True)
    w.gather(0, torch.tensor([0, 0])).sum().backward()
    return w.grad


raises("gather_0d_grad", _gather_0d_grad)

# --- clamp bounds, norm orders and dims
raises("clamp_min_list", lambda: torch.clamp(t, min=[1.0, 2.0, 3.0]))
raises("clamp_min_ndarray", lambda: torch.clamp(t, min=np.ones(3)))
raises("clamp_min_str", lambda: torch.clamp(t, min="x"))
raises("clamp_min_max_str", lambda: torch.clamp(t, min=1, max="x"))
raises("clamp_np_float", lambda: torch.clamp(t, min=np.float64(1.5)))
raises("clamp_min_bool_method", lambda: t.clamp_min(True))
raises("clamp_max_bool_method", lambda: t.clamp_max(True))
raises("clamp_min_bool_function", lambda: torch.clamp_min(t, True))
raises("norm_p_tensor", lambda: t.norm(torch.tensor(0)))
raises("norm_p_tensor_2", lambda: t.norm(p=torch.tensor(2.0)))
raises("vector_norm_ord_tensor", lambda: torch.linalg.vector_norm(t, ord=torch.tensor(1.0)))
raises("norm_dim_str", lambda: t.norm(dim="0"))
raises("norm_dim_float_elem", lambda: t.norm(dim=[0.5]))
raises("norm_dim_bad_second", lambda: t.norm(dim=(0, "a")))
raises("vector_norm_dim_tensor", lambda: torch.linalg.vector_norm(t, dim=torch.tensor(0)))
raises("vector_norm_dim_np", lambda: torch.linalg.vector_norm(t, dim=np.int64(0)))
raises("vector_norm_ord_complex", lambda: torch.linalg.vector_norm(t, ord=1j))
raises("norm_p_complex", lambda: t.norm(p=1j))
raises("linalg_norm_ord_complex", lambda: torch.linalg.norm(t, ord=1j))

# --- sum / mean: keepdims without a dim, dim=None with keepdim, out=None
raises("sum_keepdims_nodim", lambda: t.sum(keepdims=True))
raises("mean_keepdims_nodim", lambda: t.mean(keepdims=True))
raises("torch_sum_keepdims_nodim", lambda: torch.sum(t, keepdims=True))
raises("sum_axis_keepdims", lambda: t.sum(axis=0, keepdims=True))
raises("sum_dim_none_keepdim", lambda: t.sum(dim=None, keepdim=True))
raises("mean_dim_none_keepdim", lambda: t.mean(None, True))
raises("torch_sum_dim_none_keepdim", lambda: torch.sum(t, dim=None, keepdim=True))
raises("torch_sum_out_none", lambda: torch.sum(t, out=None))
raises("torch_sum_dim_out_none", lambda: torch.sum(t, 0, out=None))
raises("torch_mean_out_none", lambda: torch.mean(t, out=None))
raises("torch_add_out_none", lambda: torch.add(t, t, out=None))


def _sum_keep_grad():
    w = torch.ones(2, 3, requires_grad=True)
    y = w.sum(dim=None, keepdim=True)
    (y * 2).sum().backward()
    return y.grad_fn.name(), w.grad


raises("sum_dim_none_keepdim_grad", _sum_keep_grad)

# --- view(dtype=<Python type>), mean(dtype=str), repeat_interleave, index_add bounds
v = torch.arange(4.0)
raises("view_dtype_python_float", lambda: t.view(dtype=float))
raises("view_dtype_python_int", lambda: t.view(dtype=int))
raises("view_python_float", lambda: t.view(float))
raises("torch_mean_dtype_str", lambda: torch.mean(t, dtype="float32"))
raises("mean_dtype_str", lambda: t.mean(dtype="float32"))
raises("mean_dim_dtype_str", lambda: t.mean(0, dtype="float32"))
raises("repeat_interleave_none", lambda: v.repeat_interleave(None))
raises("torch_repeat_interleave_none", lambda: torch.repeat_interleave(v, None))
raises(
    "repeat_interleave_bool", lambda: torch.repeat_interleave(v, torch.tensor([True, False, True]))
)
raises("repeat_interleave_2d", lambda: torch.repeat_interleave(v, torch.ones(2, 3)))
raises(
    "repeat_interleave_half",
    lambda: torch.repeat_interleave(v, torch.tensor([1.0, 2.0], dtype=torch.float16)),
)
raises("repeat_interleave_float_len", lambda: torch.repeat_interleave(v, torch.ones(4)))
raises("repeat_interleave_ok", lambda: torch.repeat_interleave(v, torch.tensor([1, 2, 1, 0])))
raises("repeat_interleave_counts", lambda: torch.repeat_interleave(torch.tensor([1, 2])))
raises(
    "index_add_1d_oob", lambda: torch.zeros(5).index_add_(0, torch.tensor([0, 7]), torch.ones(2))
)
raises(
    "index_add_1d_negative",
    lambda: torch.zeros(5).index_add(0, torch.tensor([0, -1]), torch.ones(2)),
)
raises(
    "index_add_2d_oob",
    lambda: torch.zeros(5, 2).index_add(0, torch.tensor([0, 7]), torch.ones(2, 2)),
)

# --- matmul / mm / mv with an ndarray
raises("matmul_method_ndarray", lambda: t.matmul(np.ones(3)))
raises("matmul_function_ndarray_first", lambda: torch.matmul(np.ones(3), m))
raises("matmul_function_ndarray_second", lambda: torch.matmul(t, np.ones(3)))
raises("mm_method_ndarray", lambda: t.mm(np.ones((3, 2))))
raises("mv_method_ndarray", lambda: t.mv(np.ones(3)))
raises("matmul_operator_ndarray", lambda: t @ np.ones(3))

# --- backward(retain_graph=...) read as an integer


def _retain(rg, form):
    w = torch.ones(3, requires_grad=True)
    if form == 0:
        (w * 2).sum().backward(retain_graph=rg)
    elif form == 1:
        (w * 2).backward(torch.ones(3), retain_graph=rg)
    else:
        return torch.autograd.grad((w * 2).sum(), w, retain_graph=rg)
    return w.grad


for _i, _rg in enumerate(
    [2, torch.tensor(True), np.bool_(True), 1.0, "yes", torch.tensor(1.0), [True]]
):
    for _form in range(3):
        raises(f"retain_graph_{_i}_{_form}", lambda: _retain(_rg, _form))

# --- Conv modules keep stride/padding/dilation as given; forward parses them
x4 = torch.ones(1, 1, 5, 5)
raises("conv_stride_float", lambda: nn.Conv2d(1, 2, 3, stride=2.0).stride)
raises("conv_stride_float_fwd", lambda: nn.Conv2d(1, 2, 3, stride=2.0)(x4))
raises("conv_stride_none", lambda: nn.Conv2d(1, 2, 3, stride=None).stride)
raises("conv_padding_none_fwd", lambda: nn.Conv2d(1, 2, 3, padding=None)(x4))
raises("conv_stride_bool_fwd", lambda: nn.Conv2d(1, 2, 3, stride=True)(x4))
raises("conv_stride_np", lambda: nn.Conv2d(1, 2, 3, stride=np.int64(2))(x4).shape)
raises("conv_stride_str", lambda: nn.Conv2d(1, 2, 3, stride="2"))
raises("conv1d_stride_float", lambda: nn.Conv1d(1, 2, 3, stride=2.0).stride)
raises("conv1d_stride_float_fwd", lambda: nn.Conv1d(1, 2, 3, stride=2.0)(torch.ones(1, 1, 5)))
raises("conv_dilation_float", lambda: nn.Conv2d(1, 2, 3, dilation=2.0).dilation)
raises("conv_stride_three_fwd", lambda: nn.Conv2d(1, 2, 3, stride=(2, 2, 2))(x4))
raises("conv_same_strided_float", lambda: nn.Conv2d(1, 2, 3, padding="same", stride=2.0))
raises("conv2d_weight_3d", lambda: F.conv2d(x4, torch.ones(2, 1, 3)))
raises("conv2d_stride_three", lambda: F.conv2d(x4, torch.ones(2, 1, 3, 3), None, (1, 1, 1)))

# --- strings in torch.tensor data
raises("tensor_str", lambda: torch.tensor("a"))
raises("tensor_list_str", lambda: torch.tensor(["a", "b"]))
raises("tensor_int_then_str", lambda: torch.tensor([1, "a"]))
raises("tensor_float_then_str", lambda: torch.tensor([1.0, "a"]))
raises("tensor_nested_then_str", lambda: torch.tensor([[1], "a"]))
raises("tensor_nested_str_len", lambda: torch.tensor([[1, 2], "a"]))
raises("tensor_deep_str", lambda: torch.tensor([[1, 2], [3, "a"]]))
raises("tensor_lists_of_str", lambda: torch.tensor([["a"], ["b"]]))
raises("tensor_int_then_bytes", lambda: torch.tensor([1, b"a"]))

# --- F.linear / addmm with a 1-D weight or mats
raises("linear_1d_weight", lambda: F.linear(t, torch.ones(3)))
raises("linear_1d_weight_bias", lambda: F.linear(t, torch.ones(3), torch.ones(2)))
raises("linear_1d_weight_0d_bias", lambda: F.linear(t, torch.ones(3), torch.ones(())))
raises("linear_1d_both", lambda: F.linear(v, torch.ones(4)))
raises("linear_1d_both_bias", lambda: F.linear(v, torch.ones(4), torch.ones(())))
raises(
    "linear_3d_1d_weight_bias", lambda: F.linear(torch.ones(2, 3, 3), torch.ones(3), torch.ones(1))
)
raises("linear_3d_1d_weight", lambda: F.linear(torch.ones(2, 3, 3), torch.ones(3)))
raises("addmm_mat2_1d", lambda: torch.addmm(torch.ones(2), torch.ones(2, 3), torch.ones(3)))
raises("addmm_mat1_1d", lambda: torch.addmm(torch.ones(2), torch.ones(3), torch.ones(3, 2)))
raises("addmm_shapes", lambda: torch.addmm(torch.ones(2, 2), torch.ones(2, 3), torch.ones(4, 2)))

# --- nn functions: embedding weight rank, empty batch norm, gelu of ints, pad value,
# BCE-with-logits bool pos_weight
raises("embedding_0d_weight", lambda: F.embedding(torch.tensor([1]), s))
raises("embedding_1d_weight", lambda: F.embedding(torch.tensor([1]), torch.ones(3)))
raises("batchnorm1d_empty", lambda: nn.BatchNorm1d(3)(torch.ones(0, 3)))
raises("batchnorm2d_empty", lambda: nn.BatchNorm2d(3)(torch.ones(0, 3, 2, 2)).shape)
raises("batchnorm1d_one", lambda: nn.BatchNorm1d(3)(torch.ones(1, 3)))


def _bn_empty():
    bn = nn.BatchNorm1d(3)
    y = bn(torch.ones(0, 3))
    return y.grad_fn.name(), graph(y), bn.running_mean, bn.running_var, bn.num_batches_tracked


raises("batchnorm1d_empty_stats", _bn_empty)
raises("gelu_long", lambda: F.gelu(torch.tensor([1, 2, 3])))
raises("gelu_module_long", lambda: nn.GELU()(torch.tensor([1, 2, 3])))
raises("pad_value_str", lambda: F.pad(t, (1, 1), value="a"))
raises("pad_value_list", lambda: F.pad(t, (1, 1), value=[1]))
raises("pad_value_tensor", lambda: F.pad(t, (1, 1), value=torch.tensor(2.0)))
raises("pad_value_np", lambda: F.pad(t, (1, 1), value=np.float32(2.0)))
raises("pad_value_bool", lambda: F.pad(t, (1, 1), value=True))
raises(
    "bce_logits_pos_weight_bool",
    lambda: F.binary_cross_entropy_with_logits(
        t, torch.ones(2, 3), pos_weight=torch.tensor([True, False, True])
    ),
)

# --- a complex Python number written into a real tensor
raises("full_like_complex", lambda: torch.full_like(t, 1j))
raises("full_like_complex_double", lambda: torch.full_like(t.double(), 1j))
raises("full_like_complex_long", lambda: torch.full_like(t.long(), 1j))
raises("new_full_complex", lambda: t.new_full((2,), 1j))
raises("setitem_complex", lambda: t.clone().__setitem__(0, 1j))
raises("setitem_complex_int", lambda: torch.ones(3, dtype=torch.int32).__setitem__(0, 1j))
raises("fill_complex", lambda: torch.ones(2).fill_(1j))
raises("init_constant_complex", lambda: nn.init.constant_(torch.empty(3), 1j))
raises("leaky_relu_complex", lambda: F.leaky_relu(t, 1j))
raises("elu_complex", lambda: F.elu(t, 1j))
raises("softplus_complex", lambda: F.softplus(t, beta=1j))

# --- learner mistakes: a class or function in nn.Sequential, masked_fill's broadcast
# message, 2-D pooling input ranks
raises("sequential_class", lambda: nn.Sequential(nn.Linear(2, 2), nn.ReLU))
raises("sequential_function", lambda: nn.Sequential(nn.Linear(2, 2), F.relu))
raises("sequential_tensor", lambda: nn.Sequential(nn.Linear(2, 2), torch.ones(2)))
raises("modulelist_int", lambda: nn.ModuleList([nn.Linear(2, 2), 3]))
raises("masked_fill_broadcast", lambda: torch.ones(2, 3).masked_fill(torch.ones(3, 2) > 0, 0.0))
raises(
    "masked_fill_broadcast_3d",
    lambda: torch.ones(2, 3, 4).masked_fill(torch.ones(5, 3, 1) > 0, 0.0),
)
raises("masked_fill_broadcast_1d", lambda: torch.ones(4).masked_fill(torch.ones(2, 3) > 0, 0.0))
raises("max_pool2d_2d", lambda: F.max_pool2d(torch.ones(2, 2), 1))
raises("max_pool2d_1d", lambda: F.max_pool2d(torch.ones(2), 1))
raises("max_pool2d_5d", lambda: F.max_pool2d(torch.ones(2, 2, 2, 2, 2), 1))
raises("max_pool2d_empty_3d", lambda: F.max_pool2d(torch.ones(0, 2, 2), 1))
raises("max_pool2d_empty_channel", lambda: F.max_pool2d(torch.ones(2, 0, 2), 1))
raises("max_pool2d_empty_batch", lambda: F.max_pool2d(torch.ones(0, 2, 2, 2), 1).shape)
raises("max_pool2d_module_2d", lambda: nn.MaxPool2d(3)(torch.ones(2, 2)))
raises("avg_pool2d_1d", lambda: F.avg_pool2d(torch.ones(2), 1))
raises("avg_pool2d_2d", lambda: F.avg_pool2d(torch.ones(2, 2), 1))
raises("avg_pool2d_5d", lambda: F.avg_pool2d(torch.ones(2, 2, 2, 2, 2), 1))
raises("avg_pool2d_empty_3d", lambda: F.avg_pool2d(torch.ones(0, 2, 2), 1))
raises("avg_pool2d_empty_batch", lambda: F.avg_pool2d(torch.ones(0, 2, 2, 2), 1).shape)
raises("adaptive_avg_pool2d_2d_one", lambda: F.adaptive_avg_pool2d(torch.ones(2, 2), 1))
raises(
    "adaptive_avg_pool2d_5d_one", lambda: F.adaptive_avg_pool2d(torch.ones(2, 2, 2, 2, 2), 1).shape
)
raises("adaptive_avg_pool2d_1d_one", lambda: F.adaptive_avg_pool2d(torch.ones(2), 1))
raises("adaptive_avg_pool2d_2d_two", lambda: F.adaptive_avg_pool2d(torch.ones(2, 2), 2))
raises("adaptive_avg_pool2d_5d_two", lambda: F.adaptive_avg_pool2d(torch.ones(2, 2, 2, 2, 2), 2))
raises("adaptive_avg_pool2d_empty", lambda: F.adaptive_avg_pool2d(torch.ones(0, 2, 2), 2).shape)
raises("adaptive_avg_pool2d_module_2d", lambda: nn.AdaptiveAvgPool2d(1)(torch.ones(3, 3)))

# --- parser messages: cat / stack arguments, transpose / unsqueeze / squeeze dims
raises("cat_zero_dim_second", lambda: torch.cat([t, s]))
raises("cat_ndarray_element", lambda: torch.cat([t, np.ones(3)]))
raises("cat_dim_float", lambda: torch.cat([t, t], 1.0))
raises("cat_dim_none", lambda: torch.cat([t, t], None))
raises("cat_dim_tuple", lambda: torch.cat([t, t], (0, 1)))
raises("cat_dim_bool", lambda: torch.cat([t, t], True))
raises("cat_dim_kw_float", lambda: torch.cat([t, t], dim=1.0))
raises("cat_dim_kw_str", lambda: torch.cat([t, t], dim="0"))
raises("cat_float", lambda: torch.cat(3.0))
raises("cat_none", lambda: torch.cat(None))
raises("cat_str", lambda: torch.cat("x"))
raises("cat_ndarray", lambda: torch.cat(np.ones(3)))
raises("cat_generator", lambda: torch.cat(x for x in [t, t]))
raises("cat_tuple", lambda: torch.cat((t, t)).shape)
raises("stack_ndarray_element", lambda: torch.stack([t, np.ones(3)]))
raises("stack_dim_float", lambda: torch.stack([t, t], 1.0))
raises("stack_dim_list", lambda: torch.stack([t, t], [0]))
raises("stack_dim_kw_none", lambda: torch.stack([t, t], dim=None))
raises("stack_float", lambda: torch.stack(3.0))
raises("stack_str", lambda: torch.stack("x"))
raises("transpose_dim0_float", lambda: t.transpose(0.0, 1))
raises("transpose_dim0_none", lambda: t.transpose(None, 1))
raises("transpose_dim1_str", lambda: t.transpose(0, "0"))
raises("transpose_dim1_bool", lambda: t.transpose(0, True))
raises("unsqueeze_none", lambda: t.unsqueeze(None))
raises("unsqueeze_nothing", lambda: t.unsqueeze())
raises("squeeze_dim_float", lambda: t.unsqueeze(0).squeeze(1.0))
raises("squeeze_dim_str", lambda: t.unsqueeze(0).squeeze("0"))
raises("squeeze_dim_bool", lambda: t.unsqueeze(0).squeeze(True))
raises("squeeze_kw_dim_float", lambda: t.unsqueeze(0).squeeze(dim=1.0))
raises("squeeze_kw_dims", lambda: t.unsqueeze(0).squeeze(dims=0))
raises("squeeze_kw_keepdims", lambda: t.unsqueeze(0).squeeze(keepdims=True))
raises("squeeze_kw_out", lambda: t.unsqueeze(0).squeeze(out=None))
raises("squeeze_axis", lambda: t.unsqueeze(0).squeeze(axis=0).shape)
raises("squeeze_kw_dim", lambda: t.unsqueeze(0).squeeze(dim=0).shape)

# --- torch.normal's size: positional or keyword, as PyTorch's message shows it
raises("normal_size_kw_nested", lambda: torch.normal(0.0, 1.0, size=[[2, 3]]))
raises("normal_size_kw_str", lambda: torch.normal(0.0, 1.0, size="3"))
raises("normal_size_kw_none", lambda: torch.normal(0.0, 1.0, size=None))
raises("normal_size_kw_int", lambda: torch.normal(0.0, 1.0, size=3))
raises("normal_size_kw_np", lambda: torch.normal(0.0, 1.0, size=np.int64(3)))
raises("normal_size_pos_nested", lambda: torch.normal(0.0, 1.0, [[2, 3]]))
raises("normal_size_kw_ok", lambda: torch.normal(0.0, 1.0, size=(2,)).shape)
raises("normal_size_pos_ok", lambda: torch.normal(0.0, 1.0, (2,)).shape)
raises("normal_tensor_mean_size", lambda: torch.normal(torch.ones(2), 1.0, size=(2,)))

# --- torch.max / torch.min: unknown keywords and dim types as PyTorch's parser reports them
raises("torch_max_kw_dims", lambda: torch.max(t, 1, dims=0))
raises("torch_max_kw_foo", lambda: torch.max(t, 1, foo=1))
raises("torch_max_kw_input", lambda: torch.max(t, 1, input=t))
raises("torch_max_dim_float", lambda: torch.max(t, dim=0.0))
raises("torch_min_dim_none", lambda: torch.min(t, dim=None))
raises("torch_max_dim_tuple", lambda: torch.max(t, dim=(0,)))
raises("torch_max_list", lambda: torch.max([1, 2]))
raises("torch_max_axis", lambda: torch.max(t, axis=1))
raises("torch_max_keepdim", lambda: torch.max(t, 1, keepdim=True))
