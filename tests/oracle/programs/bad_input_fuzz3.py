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
