# Bad input found by differential fuzzing against PyTorch 2.13 (issue 13): for about 120
# functions and Tensor methods, one argument at a time replaced by a wrong one (wrong types,
# bool/int tensors, mismatched shapes and dtypes, out-of-range dims and indices, negative sizes,
# empty and 0-d tensors, non-contiguous inputs, wrong keyword names). Each case records
# PyTorch's exception type and message, or PyTorch's result. Cases are named
# <group>_<template>[_<slot><kind><variant>].
import math

import numpy as np

t = torch.arange(6.0).reshape(2, 3)
v = torch.arange(4.0)
m = torch.arange(12.0).reshape(3, 4)
x3 = torch.arange(24.0).reshape(2, 3, 4)
s = torch.tensor(3.0)
e = torch.ones(0)
b = torch.tensor([True, False, True])
i = torch.tensor([1, 2, 3])
d = torch.arange(3.0, dtype=torch.float64)
nc = torch.arange(6.0).reshape(3, 2).t()
idx = torch.tensor([0, 2])
math_floor = math.floor

raises("tensor_0_0T8", lambda: torch.tensor(3.0))
raises("tensor_0_0T15", lambda: torch.tensor(torch.tensor([1.0, 2.0], dtype=torch.float16)))
raises("tensor_1_0dtype0", lambda: torch.tensor([1.0, 2.0], dtype=torch.int32))
raises("tensor_1_0dtype5", lambda: torch.tensor([1.0, 2.0], dtype=torch.bool))
raises("tensor_2_0bool0", lambda: torch.tensor([1.0, 2.0], requires_grad="yes"))
raises("tensor_2_0bool1", lambda: torch.tensor([1.0, 2.0], requires_grad=None))
raises("tensor_2_0bool5", lambda: torch.tensor([1.0, 2.0], requires_grad=1.0))
raises("tensor_3_0kw0", lambda: torch.tensor([1, 2], axis=0))
raises("tensor_data_24", lambda: torch.tensor(range(3)))
raises("tensor_data_40", lambda: torch.tensor(np.array(3.0)))
raises("tensor_data_41", lambda: torch.tensor(float("nan"), dtype=torch.long))
raises("tensor_data_43", lambda: torch.tensor(np.array([[1, 2], [3, 4]])[:, 0]))
raises("zeros_0", lambda: torch.zeros((2, 3)))
raises("zeros_0_0size0", lambda: torch.zeros("3"))
raises("zeros_0_0size1", lambda: torch.zeros(None))
raises("zeros_0_0size9", lambda: torch.zeros(torch.tensor(3)))
raises("zeros_0_0size10", lambda: torch.zeros(0))
raises("zeros_0_0size14", lambda: torch.zeros(True))
raises("zeros_1_0int8", lambda: torch.zeros(torch.tensor(2), 3))
raises("zeros_1_0int11", lambda: torch.zeros(np.int64(2), 3))
raises("zeros_2_0int11", lambda: torch.zeros(2, np.int64(2)))
raises("zeros_3", lambda: torch.zeros(2, dtype=None))
raises("zeros_3_0dtype0", lambda: torch.zeros(2, dtype=torch.int32))
raises("zeros_3_0dtype8", lambda: torch.zeros(2, dtype=torch.long))
raises("zeros_4_0bool0", lambda: torch.zeros(2, requires_grad="yes"))
raises("zeros_4_0bool2", lambda: torch.zeros(2, requires_grad=1))
raises("zeros_4_0bool3", lambda: torch.zeros(2, requires_grad=0))
raises("zeros_4_0bool4", lambda: torch.zeros(2, requires_grad=2))
raises("zeros_4_0bool5", lambda: torch.zeros(2, requires_grad=1.0))
raises("zeros_4_0bool6", lambda: torch.zeros(2, requires_grad=torch.tensor(True)))
raises("zeros_4_0bool7", lambda: torch.zeros(2, requires_grad=[True]))
raises("zeros_5_0kw0", lambda: torch.zeros(2, axis=0))
raises("zeros_5_0kw1", lambda: torch.zeros(2, dims=0))
raises("zeros_5_0kw2", lambda: torch.zeros(2, keepdims=True))
raises("zeros_5_0kw3", lambda: torch.zeros(2, keep_dim=True))
raises("zeros_5_0kw4", lambda: torch.zeros(2, foo=1))
raises("zeros_5_0kw7", lambda: torch.zeros(2, input=t))
raises("ones_0_0size8", lambda: torch.ones(torch.tensor([2, 3])))
raises("ones_0_0size9", lambda: torch.ones(torch.tensor(3)))
raises("ones_1_0int0", lambda: torch.ones("2"))
raises("ones_1_0int2", lambda: torch.ones(2.0))
raises("ones_1_0int3", lambda: torch.ones(2.5))
raises("ones_1_0int4", lambda: torch.ones([2]))
raises("ones_1_0int11", lambda: torch.ones(np.int64(2)))
raises("ones_2", lambda: torch.ones(2, 3, dtype=None))
raises("ones_2_0kw0", lambda: torch.ones(2, 3, axis=0))
raises("ones_2_0kw1", lambda: torch.ones(2, 3, dims=0))
raises("ones_2_0kw2", lambda: torch.ones(2, 3, keepdims=True))
raises("ones_2_0kw3", lambda: torch.ones(2, 3, keep_dim=True))
raises("ones_2_0kw4", lambda: torch.ones(2, 3, foo=1))
raises("ones_2_0kw7", lambda: torch.ones(2, 3, input=t))
raises("ones_3", lambda: torch.ones(2, dtype=torch.float32, requires_grad=True))
raises("ones_3_0dtype0", lambda: torch.ones(2, dtype=torch.int32, requires_grad=True))
raises("ones_3_0dtype6", lambda: torch.ones(2, dtype=torch.float64, requires_grad=True))
raises("ones_3_0dtype8", lambda: torch.ones(2, dtype=torch.long, requires_grad=True))
raises("empty_0_0size2", lambda: torch.empty(3.0).shape)
raises("empty_0_0size9", lambda: torch.empty(torch.tensor(3)).shape)
raises("empty_0_0size10", lambda: torch.empty(0).shape)
raises("empty_0_0size11", lambda: torch.empty(()).shape)
raises("empty_0_0size12", lambda: torch.empty([]).shape)
raises("empty_0_0size14", lambda: torch.empty(True).shape)
raises("empty_1", lambda: torch.empty(2).shape)
raises("empty_1_0int2", lambda: torch.empty(2.0).shape)
raises("empty_1_0int3", lambda: torch.empty(2.5).shape)
raises("empty_1_0int9", lambda: torch.empty(torch.tensor(2.0)).shape)
raises("empty_1_0int11", lambda: torch.empty(np.int64(2)).shape)
raises("empty_1_0int12", lambda: torch.empty((2,)).shape)
raises("full_0_0size9", lambda: torch.full(torch.tensor(3), 1.5))
raises("full_0_0size12", lambda: torch.full([], 1.5))
raises("full_0_0size14", lambda: torch.full(True, 1.5))
raises("full_1_0float0", lambda: torch.full((2, 2), "0.1"))
raises("full_1_0float1", lambda: torch.full((2, 2), None))
raises("full_1_0float3", lambda: torch.full((2, 2), [0.1]))
raises("full_1_0float6", lambda: torch.full((2, 2), -1.0))
raises("full_2", lambda: torch.full((2,), 7, dtype=None))
raises("full_2_0dtype5", lambda: torch.full((2,), 7, dtype=torch.bool))
raises("full_3_0int2", lambda: torch.full(2.0, 1.0))
raises("full_3_0int7", lambda: torch.full(True, 1.0))
raises("full_3_0int8", lambda: torch.full(torch.tensor(2), 1.0))
raises("full_4_0T0", lambda: torch.full((2,), b))
raises("full_4_0T1", lambda: torch.full((2,), i))
raises("full_4_0T2", lambda: torch.full((2,), e))
raises("full_4_0T4", lambda: torch.full((2,), nc))
raises("full_4_0T5", lambda: torch.full((2,), d))
raises("full_4_0T6", lambda: torch.full((2,), m))
raises("full_4_0T7", lambda: torch.full((2,), [1.0, 2.0, 3.0]))
raises("full_4_0T9", lambda: torch.full((2,), None))
raises("full_4_0T10", lambda: torch.full((2,), "x"))
raises("full_4_0T11", lambda: torch.full((2,), np.ones(3)))
raises("full_4_0T12", lambda: torch.full((2,), idx))
raises("full_4_0T13", lambda: torch.full((2,), torch.ones(2, 3)))
raises("full_4_0T14", lambda: torch.full((2,), torch.ones(3, 1)))
raises("full_4_0T15", lambda: torch.full((2,), torch.tensor([1.0, 2.0], dtype=torch.float16)))
raises("full_5_0kw1", lambda: torch.full((2,), 1.0, dims=0))
raises("full_5_0kw4", lambda: torch.full((2,), 1.0, foo=1))
raises("full_5_0kw6", lambda: torch.full((2,), 1.0, dtype=torch.float64))
raises("arange_1", lambda: torch.arange(0, 5))
raises("arange_1_0float3", lambda: torch.arange(0, [0.1]))
raises("arange_1_0float5", lambda: torch.arange(0, float("nan")))
raises("arange_2", lambda: torch.arange(0, 5, 1))
raises("arange_2_0float0", lambda: torch.arange(0, 5, "0.1"))
raises("arange_2_0float1", lambda: torch.arange(0, 5, None))
raises("arange_3", lambda: torch.arange(5, dtype=None))
raises("arange_3_0dtype0", lambda: torch.arange(5, dtype=torch.int32))
raises("arange_3_0dtype4", lambda: torch.arange(5, dtype=int))
raises("arange_5", lambda: torch.arange(0, 10, -1))
raises("arange_7", lambda: torch.arange(0, 1, 0))
raises("arange_9", lambda: torch.arange(0.0, 1.0, 0.1).shape)
raises("linspace_0", lambda: torch.linspace(0, 1, 5))
raises("linspace_0_0int6", lambda: torch.linspace(0, 1, -3))
raises("linspace_0_0int11", lambda: torch.linspace(0, 1, np.int64(2)))
raises("linspace_0_0int13", lambda: torch.linspace(0, 1, 0))
raises("linspace_1_0float4", lambda: torch.linspace(True, 1, 5))
raises("linspace_1_0float5", lambda: torch.linspace(float("nan"), 1, 5))
raises("linspace_2_0dtype3", lambda: torch.linspace(0, 1, 5, dtype=float))
raises("linspace_2_0dtype4", lambda: torch.linspace(0, 1, 5, dtype=int))
raises("linspace_2_0dtype6", lambda: torch.linspace(0, 1, 5, dtype=torch.float64))
raises("linspace_2_0dtype8", lambda: torch.linspace(0, 1, 5, dtype=torch.long))
raises("linspace_4", lambda: torch.linspace(0, 1, steps=5, dtype=None))
raises("linspace_8", lambda: torch.linspace(torch.tensor(0.0), 1, 3))
raises("rand_3_0size10", lambda: torch.randn(0).shape)
raises("rand_6_0kw6", lambda: torch.rand(2, dtype=torch.float64).shape)
raises("rand_18_0int7", lambda: torch.randperm(True).shape)
raises("rand_19_0dtype3", lambda: torch.randperm(4, dtype=float).dtype)
raises("rand_21_0T11", lambda: torch.rand_like(np.ones(3)).shape)
raises("rand_22_0T11", lambda: torch.randn_like(np.ones(3)).shape)
raises("rand_23_0int12", lambda: torch.randint_like(t, (2,)).shape)
raises("rand_28_0int5", lambda: torch.manual_seed(-1).__class__.__name__)
raises("rand_29_0T0", lambda: torch.multinomial(b, 1).shape)
raises("rand_29_0T1", lambda: torch.multinomial(i, 1).shape)
raises("rand_29_0T11", lambda: torch.multinomial(np.ones(3), 1).shape)
raises("rand_30_0int13", lambda: torch.multinomial(torch.tensor([0.2, 0.8]), 0).shape)
raises("rand_35_0T2", lambda: torch.bernoulli(e).shape)
raises("rand_35_0T10", lambda: torch.bernoulli("x").shape)
raises("rand_35_0T11", lambda: torch.bernoulli(np.ones(3)).shape)
raises("rand_35_0T15", lambda: torch.bernoulli(torch.tensor([1.0, 2.0], dtype=torch.float16)).shape)
raises("eye_0_0int4", lambda: torch.eye([2]))
raises("eye_0_0int6", lambda: torch.eye(-3))
raises("eye_0_0int7", lambda: torch.eye(True))
raises("eye_0_0int10", lambda: torch.eye(torch.tensor([2, 3])))
raises("eye_0_0int12", lambda: torch.eye((2,)))
raises("eye_1", lambda: torch.eye(2, 3))
raises("eye_1_0int6", lambda: torch.eye(2, -3))
raises("eye_1_0int11", lambda: torch.eye(2, np.int64(2)))
raises("eye_2_0dtype3", lambda: torch.eye(3, dtype=float))
raises("eye_2_0dtype5", lambda: torch.eye(3, dtype=torch.bool))
raises("eye_2_0dtype6", lambda: torch.eye(3, dtype=torch.float64))
raises("eye_2_0dtype8", lambda: torch.eye(3, dtype=torch.long))
raises("like_0_0T3", lambda: torch.zeros_like(s))
raises("like_0_0T4", lambda: torch.zeros_like(nc))
raises("like_0_0T9", lambda: torch.zeros_like(None))
raises("like_0_0T11", lambda: torch.zeros_like(np.ones(3)))
raises("like_0_0T14", lambda: torch.zeros_like(torch.ones(3, 1)))
raises("like_1_0T4", lambda: torch.ones_like(nc))
raises("like_1_0T6", lambda: torch.ones_like(m))
raises("like_1_0T7", lambda: torch.ones_like([1.0, 2.0, 3.0]))
raises("like_1_0T11", lambda: torch.ones_like(np.ones(3)))
raises("like_2_0T4", lambda: torch.full_like(nc, 2.0))
raises("like_2_0T7", lambda: torch.full_like([1.0, 2.0, 3.0], 2.0))
raises("like_2_0T8", lambda: torch.full_like(3.0, 2.0))
raises("like_2_0T9", lambda: torch.full_like(None, 2.0))
raises("like_2_0T10", lambda: torch.full_like("x", 2.0))
raises("like_2_0T11", lambda: torch.full_like(np.ones(3), 2.0))
raises("like_2_0T15", lambda: torch.full_like(torch.tensor([1.0, 2.0], dtype=torch.float16), 2.0))
raises("like_3_0float0", lambda: torch.full_like(t, "0.1"))
raises("like_3_0float1", lambda: torch.full_like(t, None))
raises("like_3_0float3", lambda: torch.full_like(t, [0.1]))
raises("like_3_0float4", lambda: torch.full_like(t, True))
raises("like_5_0kw0", lambda: torch.ones_like(t, axis=0))
raises("like_5_0kw1", lambda: torch.ones_like(t, dims=0))
raises("like_5_0kw2", lambda: torch.ones_like(t, keepdims=True))
raises("like_5_0kw3", lambda: torch.ones_like(t, keep_dim=True))
raises("like_5_0kw4", lambda: torch.ones_like(t, foo=1))
raises("like_5_0kw5", lambda: torch.ones_like(t, out=None))
raises("like_5_0kw6", lambda: torch.ones_like(t, dtype=torch.float64))
raises("like_6_0T4", lambda: torch.empty_like(nc).shape)
raises("like_6_0T7", lambda: torch.empty_like([1.0, 2.0, 3.0]).shape)
raises("like_6_0T8", lambda: torch.empty_like(3.0).shape)
raises("like_6_0T9", lambda: torch.empty_like(None).shape)
raises("like_6_0T10", lambda: torch.empty_like("x").shape)
raises("like_6_0T11", lambda: torch.empty_like(np.ones(3)).shape)
raises("like_7_0bool0", lambda: torch.zeros_like(t, requires_grad="yes"))
raises("like_7_0bool2", lambda: torch.zeros_like(t, requires_grad=1))
raises("like_7_0bool3", lambda: torch.zeros_like(t, requires_grad=0))
raises("like_7_0bool4", lambda: torch.zeros_like(t, requires_grad=2))
raises("like_7_0bool5", lambda: torch.zeros_like(t, requires_grad=1.0))
raises("like_7_0bool6", lambda: torch.zeros_like(t, requires_grad=torch.tensor(True)))
raises("like_7_0bool7", lambda: torch.zeros_like(t, requires_grad=[True]))
raises("from_numpy_0", lambda: torch.from_numpy(np.ones(3)))
raises("from_numpy_0_0T1", lambda: torch.from_numpy(i))
raises("from_numpy_0_0T3", lambda: torch.from_numpy(s))
raises("from_numpy_0_0T4", lambda: torch.from_numpy(nc))
raises("from_numpy_10", lambda: torch.as_tensor([1, 2]))
raises("from_numpy_10_0T5", lambda: torch.as_tensor(d))
raises("from_numpy_10_0T6", lambda: torch.as_tensor(m))
raises("from_numpy_10_0T11", lambda: torch.as_tensor(np.ones(3)))
raises("from_numpy_10_0T12", lambda: torch.as_tensor(idx))
raises("from_numpy_10_0T13", lambda: torch.as_tensor(torch.ones(2, 3)))
raises("from_numpy_11", lambda: torch.as_tensor([1, 2], dtype=None))
raises("from_numpy_11_0dtype4", lambda: torch.as_tensor([1, 2], dtype=int))
raises("view_0_0size3", lambda: t.view(-1))
raises("view_0_0size9", lambda: t.view(torch.tensor(3)))
raises("view_0_0size15", lambda: t.view([[2, 3]]))
raises("view_1", lambda: t.view(6))
raises("view_2_0int8", lambda: t.view(3, torch.tensor(2)))
raises("view_2_0int13", lambda: t.view(3, 0))
raises("view_3", lambda: nc.view(6))
raises("view_4_0size5", lambda: e.view([3, -1]))
raises("view_4_0size12", lambda: e.view([]))
raises("view_5_0size3", lambda: s.view(-1))
raises("view_5_0size10", lambda: s.view(0))
raises("view_7", lambda: t.view_as(m))
raises("reshape_0", lambda: t.reshape((3, 2)))
raises("reshape_0_0size14", lambda: t.reshape(True))
raises("reshape_1_0int3", lambda: t.reshape(2.5))
raises("reshape_2_0int3", lambda: t.reshape(3, 2.5))
raises("reshape_2_0int4", lambda: t.reshape(3, [2]))
raises("reshape_2_0int6", lambda: t.reshape(3, -3))
raises("reshape_2_0int8", lambda: t.reshape(3, torch.tensor(2)))
raises("reshape_2_0int9", lambda: t.reshape(3, torch.tensor(2.0)))
raises("reshape_3_0size5", lambda: torch.reshape(t, [3, -1]))
raises("reshape_3_0size11", lambda: torch.reshape(t, ()))
raises("reshape_4_0T7", lambda: torch.reshape([1.0, 2.0, 3.0], (-1,)))
raises("reshape_4_0T9", lambda: torch.reshape(None, (-1,)))
raises("reshape_4_0T10", lambda: torch.reshape("x", (-1,)))
raises("reshape_4_0T11", lambda: torch.reshape(np.ones(3), (-1,)))
raises("reshape_4_0T12", lambda: torch.reshape(idx, (-1,)))
raises("reshape_6_0T13", lambda: t.reshape_as(torch.ones(2, 3)))
raises("permute_0_0int5", lambda: x3.permute(-1, 0, 1))
raises("permute_0_0int6", lambda: x3.permute(-3, 0, 1))
raises("permute_0_0int8", lambda: x3.permute(torch.tensor(2), 0, 1))
raises("permute_0_0int11", lambda: x3.permute(np.int64(2), 0, 1))
raises("permute_1", lambda: x3.permute((2, 0, 1)))
raises("permute_1_0size4", lambda: x3.permute(-2))
raises("permute_1_0size5", lambda: x3.permute([3, -1]))
raises("permute_1_0size10", lambda: x3.permute(0))
raises("permute_1_0size11", lambda: x3.permute(()))
raises("permute_1_0size12", lambda: x3.permute([]))
raises("permute_2", lambda: torch.permute(x3, (2, 0, 1)))
raises("permute_2_0size12", lambda: torch.permute(x3, []))
raises("transpose_1_0dim12", lambda: t.transpose(0, 3))
raises("transpose_1_0dim19", lambda: t.transpose(0, -1))
raises("transpose_2", lambda: torch.transpose(t, 0, 1))
raises("transpose_2_0T0", lambda: torch.transpose(b, 0, 1))
raises("transpose_2_0T2", lambda: torch.transpose(e, 0, 1))
raises("transpose_2_0T4", lambda: torch.transpose(nc, 0, 1))
raises("transpose_2_0T7", lambda: torch.transpose([1.0, 2.0, 3.0], 0, 1))
raises("transpose_2_0T9", lambda: torch.transpose(None, 0, 1))
raises("transpose_2_0T10", lambda: torch.transpose("x", 0, 1))
raises("transpose_2_0T11", lambda: torch.transpose(np.ones(3), 0, 1))
raises("transpose_2_0T14", lambda: torch.transpose(torch.ones(3, 1), 0, 1))
raises(
    "transpose_2_0T15", lambda: torch.transpose(torch.tensor([1.0, 2.0], dtype=torch.float16), 0, 1)
)
raises("transpose_7", lambda: s.t())
raises("transpose_8", lambda: s.T)
raises("transpose_9", lambda: v.T)
raises("transpose_10", lambda: x3.mT.shape)
raises("squeeze_0", lambda: t.unsqueeze(0).squeeze(0))
raises("squeeze_0_0dim0", lambda: t.unsqueeze(0).squeeze(2))
raises("squeeze_0_0dim1", lambda: t.unsqueeze(0).squeeze(-3))
raises("squeeze_0_0dim6", lambda: t.unsqueeze(0).squeeze((0, 0)))
raises("squeeze_0_0dim11", lambda: t.unsqueeze(0).squeeze(-1))
raises("squeeze_1_0T1", lambda: torch.squeeze(i))
raises("squeeze_1_0T2", lambda: torch.squeeze(e))
raises("squeeze_1_0T4", lambda: torch.squeeze(nc))
raises("squeeze_1_0T6", lambda: torch.squeeze(m))
raises("squeeze_1_0T7", lambda: torch.squeeze([1.0, 2.0, 3.0]))
raises("squeeze_1_0T9", lambda: torch.squeeze(None))
raises("squeeze_1_0T10", lambda: torch.squeeze("x"))
raises("squeeze_1_0T11", lambda: torch.squeeze(np.ones(3)))
raises("squeeze_2", lambda: torch.ones(1, 2, 1).squeeze(dim=0).shape)
raises("squeeze_2_0dim0", lambda: torch.ones(1, 2, 1).squeeze(dim=2).shape)
raises("squeeze_2_0dim6", lambda: torch.ones(1, 2, 1).squeeze(dim=(0, 0)).shape)
raises("squeeze_2_0dim11", lambda: torch.ones(1, 2, 1).squeeze(dim=-1).shape)
raises("squeeze_5", lambda: torch.ones(1, 0).squeeze().shape)
raises("unsqueeze_0_0dim0", lambda: t.unsqueeze(2))
raises("unsqueeze_0_0dim3", lambda: t.unsqueeze(1.0))
raises("unsqueeze_0_0dim10", lambda: t.unsqueeze((0, 1)))
raises("unsqueeze_0_0dim11", lambda: t.unsqueeze(-1))
raises("unsqueeze_1_0T0", lambda: torch.unsqueeze(b, 0))
raises("unsqueeze_1_0T1", lambda: torch.unsqueeze(i, 0))
raises("unsqueeze_1_0T2", lambda: torch.unsqueeze(e, 0))
raises("unsqueeze_1_0T3", lambda: torch.unsqueeze(s, 0))
raises("unsqueeze_1_0T4", lambda: torch.unsqueeze(nc, 0))
raises("unsqueeze_1_0T5", lambda: torch.unsqueeze(d, 0))
raises("unsqueeze_1_0T7", lambda: torch.unsqueeze([1.0, 2.0, 3.0], 0))
raises("unsqueeze_1_0T9", lambda: torch.unsqueeze(None, 0))
raises("unsqueeze_1_0T10", lambda: torch.unsqueeze("x", 0))
raises("unsqueeze_1_0T11", lambda: torch.unsqueeze(np.ones(3), 0))
raises("unsqueeze_1_0T14", lambda: torch.unsqueeze(torch.ones(3, 1), 0))
raises("unsqueeze_3", lambda: t.unsqueeze(-3).shape)
raises("cat_0_0T1", lambda: torch.cat([t, i]))
raises("cat_0_0T10", lambda: torch.cat([t, "x"]))
raises("cat_0_0T14", lambda: torch.cat([t, torch.ones(3, 1)]))
raises("cat_0_0T15", lambda: torch.cat([t, torch.tensor([1.0, 2.0], dtype=torch.float16)]))
raises("cat_1_0dim2", lambda: torch.cat([t, t], 5))
raises("cat_1_0dim11", lambda: torch.cat([t, t], -1))
raises("cat_2_0dim1", lambda: torch.cat([t, t], dim=-3).shape)
raises("cat_2_0dim2", lambda: torch.cat([t, t], dim=5).shape)
raises("cat_2_0dim11", lambda: torch.cat([t, t], dim=-1).shape)
raises("cat_4", lambda: torch.cat([t, t], dim=0))
raises("cat_11", lambda: torch.cat([t, torch.ones(2, 2)], dim=1).shape)
raises("cat_19", lambda: torch.concatenate([t, t], axis=1).shape)
raises("stack_0_0T1", lambda: torch.stack([t, i]))
raises("stack_0_0T5", lambda: torch.stack([t, d]))
raises("stack_0_0T7", lambda: torch.stack([t, [1.0, 2.0, 3.0]]))
raises("stack_1_0dim1", lambda: torch.stack([t, t], -3).shape)
raises("stack_2_0T0", lambda: torch.stack(b))
raises("stack_2_0T1", lambda: torch.stack(i))
raises("stack_2_0T5", lambda: torch.stack(d))
raises("stack_2_0T6", lambda: torch.stack(m))
raises("stack_2_0T13", lambda: torch.stack(torch.ones(2, 3)))
raises("stack_3", lambda: torch.stack([t, t], dim=0))
raises("stack_3_0kw3", lambda: torch.stack([t, t], keep_dim=True))
raises("stack_10", lambda: torch.stack([v, v], dim=-3))
raises("expand_0", lambda: v.expand((3, 4)))
raises("expand_0_0size2", lambda: v.expand(3.0))
raises("expand_0_0size4", lambda: v.expand(-2))
raises("expand_0_0size7", lambda: v.expand([2.5]))
raises("expand_0_0size9", lambda: v.expand(torch.tensor(3)))
raises("expand_0_0size10", lambda: v.expand(0))
raises("expand_0_0size15", lambda: v.expand([[2, 3]]))
raises("expand_1_0int13", lambda: v.expand(0, 4))
raises("expand_4", lambda: v.expand(-1).shape)
raises("expand_9_0T4", lambda: v.expand_as(nc))
raises("expand_11", lambda: e.expand(3, 1))
raises("expand_12", lambda: torch.ones(1).expand(0).shape)
raises("repeat_0", lambda: v.repeat(2))
raises("repeat_0_0int0", lambda: v.repeat("2"))
raises("repeat_0_0int1", lambda: v.repeat(None))
raises("repeat_0_0int2", lambda: v.repeat(2.0))
raises("repeat_0_0int3", lambda: v.repeat(2.5))
raises("repeat_0_0int4", lambda: v.repeat([2]))
raises("repeat_0_0int5", lambda: v.repeat(-1))
raises("repeat_0_0int6", lambda: v.repeat(-3))
raises("repeat_0_0int7", lambda: v.repeat(True))
raises("repeat_0_0int9", lambda: v.repeat(torch.tensor(2.0)))
raises("repeat_0_0int11", lambda: v.repeat(np.int64(2)))
raises("repeat_0_0int12", lambda: v.repeat((2,)))
raises("repeat_0_0int13", lambda: v.repeat(0))
raises("repeat_1", lambda: v.repeat((2, 1)))
raises("repeat_1_0size0", lambda: v.repeat("3"))
raises("repeat_1_0size2", lambda: v.repeat(3.0))
raises("repeat_1_0size4", lambda: v.repeat(-2))
raises("repeat_1_0size5", lambda: v.repeat([3, -1]))
raises("repeat_1_0size6", lambda: v.repeat((3, None)))
raises("repeat_1_0size7", lambda: v.repeat([2.5]))
raises("repeat_1_0size9", lambda: v.repeat(torch.tensor(3)))
raises("repeat_1_0size11", lambda: v.repeat(()))
raises("repeat_1_0size13", lambda: v.repeat(np.int64(3)))
raises("repeat_1_0size15", lambda: v.repeat([[2, 3]]))
raises("repeat_2", lambda: t.repeat(2))
raises("repeat_3", lambda: t.repeat(2, 0).shape)
raises("repeat_5", lambda: s.repeat(3).shape)
raises("repeat_6", lambda: s.repeat())
raises("flatten_0_0dim19", lambda: x3.flatten(-1))
raises("flatten_1_0dim19", lambda: x3.flatten(0, -1))
raises("flatten_2", lambda: torch.flatten(t))
raises("flatten_2_0T7", lambda: torch.flatten([1.0, 2.0, 3.0]))
raises("flatten_2_0T9", lambda: torch.flatten(None))
raises("flatten_2_0T10", lambda: torch.flatten("x"))
raises("flatten_2_0T11", lambda: torch.flatten(np.ones(3)))
raises("flatten_6", lambda: x3.flatten(start_dim=1, end_dim=-1).shape)
raises("flatten_8_0T0", lambda: nn.Flatten()(b).shape)
raises("flatten_8_0T14", lambda: nn.Flatten()(torch.ones(3, 1)).shape)
raises("flatten_8_0T15", lambda: nn.Flatten()(torch.tensor([1.0, 2.0], dtype=torch.float16)).shape)
raises("flatten_9", lambda: nn.Flatten(1)(x3).shape)
raises("flatten_9_0int5", lambda: nn.Flatten(-1)(x3).shape)
raises("flatten_9_0int11", lambda: nn.Flatten(np.int64(2))(x3).shape)
raises("flatten_10_0size5", lambda: x3.unflatten(1, [3, -1]).shape)
raises("flatten_10_0size12", lambda: x3.unflatten(1, []).shape)
raises("split_0", lambda: m.split(2))
raises("split_0_0int4", lambda: m.split([2]))
raises("split_0_0int5", lambda: m.split(-1))
raises("split_0_0int12", lambda: m.split((2,)))
raises("split_0_0int13", lambda: m.split(0))
raises("split_1_0dim2", lambda: m.split([1, 2], 5))
raises("split_1_0dim9", lambda: m.split([1, 2], torch.tensor(0)))
raises("split_2", lambda: m.split([1, 2]))
raises("split_4", lambda: m.split([1, 1, 1, 0])[3].shape)
raises("split_6", lambda: m.split(5).__len__())
raises("split_9", lambda: m.split(2, dim=1))
raises("split_11", lambda: e.split(2))
raises("split_12", lambda: s.split(1))
raises("chunk_0_0int0", lambda: m.chunk("2"))
raises("chunk_0_0int1", lambda: m.chunk(None))
raises("chunk_0_0int2", lambda: m.chunk(2.0))
raises("chunk_0_0int3", lambda: m.chunk(2.5))
raises("chunk_0_0int4", lambda: m.chunk([2]))
raises("chunk_0_0int7", lambda: m.chunk(True))
raises("chunk_0_0int8", lambda: m.chunk(torch.tensor(2)))
raises("chunk_0_0int9", lambda: m.chunk(torch.tensor(2.0)))
raises("chunk_0_0int10", lambda: m.chunk(torch.tensor([2, 3])))
raises("chunk_0_0int12", lambda: m.chunk((2,)))
raises("chunk_1", lambda: m.chunk(2, 0))
raises("chunk_1_0dim3", lambda: m.chunk(2, 1.0))
raises("chunk_1_0dim4", lambda: m.chunk(2, "0"))
raises("chunk_1_0dim5", lambda: m.chunk(2, None))
raises("chunk_1_0dim6", lambda: m.chunk(2, (0, 0)))
raises("chunk_1_0dim7", lambda: m.chunk(2, [0]))
raises("chunk_1_0dim8", lambda: m.chunk(2, True))
raises("chunk_1_0dim9", lambda: m.chunk(2, torch.tensor(0)))
raises("chunk_1_0dim10", lambda: m.chunk(2, (0, 1)))
raises("chunk_1_0dim11", lambda: m.chunk(2, -1))
raises("chunk_5_0T0", lambda: torch.chunk(b, 2))
raises("chunk_5_0T2", lambda: torch.chunk(e, 2))
raises("chunk_5_0T3", lambda: torch.chunk(s, 2))
raises("chunk_5_0T7", lambda: torch.chunk([1.0, 2.0, 3.0], 2))
raises("chunk_5_0T9", lambda: torch.chunk(None, 2))
raises("chunk_5_0T10", lambda: torch.chunk("x", 2))
raises("chunk_5_0T11", lambda: torch.chunk(np.ones(3), 2))
raises("chunk_5_0T12", lambda: torch.chunk(idx, 2))
raises("chunk_5_0T13", lambda: torch.chunk(torch.ones(2, 3), 2))
raises("chunk_5_0T15", lambda: torch.chunk(torch.tensor([1.0, 2.0], dtype=torch.float16), 2))
raises("chunk_6", lambda: s.chunk(1))
raises("chunk_7", lambda: e.chunk(2).__len__())
raises("chunk_9_0dim11", lambda: m.unbind(-1).__len__())
raises("gather_0_0dim1", lambda: torch.gather(m, -3, torch.tensor([[0], [1], [2]])))
raises("gather_0_0dim9", lambda: torch.gather(m, torch.tensor(0), torch.tensor([[0], [1], [2]])))
raises("gather_1", lambda: torch.gather(m, 1, idx))
raises("gather_1_0idx0", lambda: torch.gather(m, 1, idx.float()))
raises("gather_1_0idx1", lambda: torch.gather(m, 1, torch.tensor([0, 5])))
raises("gather_1_0idx7", lambda: torch.gather(m, 1, idx.int()))
raises("gather_2_0T0", lambda: torch.gather(b, 1, torch.tensor([[0], [1], [2]])))
raises("gather_2_0T4", lambda: torch.gather(nc, 1, torch.tensor([[0], [1], [2]])))
raises("gather_2_0T5", lambda: torch.gather(d, 1, torch.tensor([[0], [1], [2]])))
raises("gather_2_0T12", lambda: torch.gather(idx, 1, torch.tensor([[0], [1], [2]])))
raises("gather_2_0T13", lambda: torch.gather(torch.ones(2, 3), 1, torch.tensor([[0], [1], [2]])))
raises("gather_2_0T14", lambda: torch.gather(torch.ones(3, 1), 1, torch.tensor([[0], [1], [2]])))
raises(
    "gather_2_0T15",
    lambda: torch.gather(
        torch.tensor([1.0, 2.0], dtype=torch.float16), 1, torch.tensor([[0], [1], [2]])
    ),
)
raises("gather_4", lambda: m.gather(1, torch.tensor([[0, -1]])))
raises("gather_7", lambda: m.gather(1, torch.tensor([[[0]]])))
raises("gather_8", lambda: m.gather(1, torch.zeros(5, 1, dtype=torch.long)))
raises("gather_9", lambda: m.gather(1, torch.zeros(1, 7, dtype=torch.long)).shape)
raises("index_select_0", lambda: m.index_select(0, idx))
raises("index_select_1_0idx2", lambda: m.index_select(0, torch.tensor([-1, 0])))
raises("index_select_1_0idx3", lambda: m.index_select(0, torch.tensor([[0], [1]])))
raises("index_select_1_0idx6", lambda: m.index_select(0, torch.tensor([], dtype=torch.long)))
raises("index_select_1_0idx7", lambda: m.index_select(0, idx.int()))
raises("index_select_1_0idx8", lambda: m.index_select(0, torch.tensor([0, -4])))
raises("index_select_2_0T0", lambda: torch.index_select(b, 0, idx))
raises("index_select_2_0T2", lambda: torch.index_select(e, 0, idx))
raises("index_select_2_0T4", lambda: torch.index_select(nc, 0, idx))
raises("index_select_2_0T8", lambda: torch.index_select(3.0, 0, idx))
raises("index_select_2_0T11", lambda: torch.index_select(np.ones(3), 0, idx))
raises(
    "index_select_2_0T15",
    lambda: torch.index_select(torch.tensor([1.0, 2.0], dtype=torch.float16), 0, idx),
)
raises("masked_fill_0_0T3", lambda: t.masked_fill(s, 0.0))
raises("masked_fill_0_0T4", lambda: t.masked_fill(nc, 0.0))
raises("masked_fill_0_0T5", lambda: t.masked_fill(d, 0.0))
raises("masked_fill_0_0T13", lambda: t.masked_fill(torch.ones(2, 3), 0.0))
raises("masked_fill_1_0float2", lambda: t.masked_fill(t > 2, torch.tensor(0.1)))
raises("masked_fill_1_0float4", lambda: t.masked_fill(t > 2, True))
raises("masked_fill_1_0float5", lambda: t.masked_fill(t > 2, float("nan")))
raises("masked_fill_4", lambda: t.masked_fill(torch.tensor([True, False, True]), 0.0))
raises("masked_fill_5", lambda: t.masked_fill(t > 2, torch.tensor([1.0, 2.0])))
raises("masked_fill_6", lambda: t.masked_fill(t > 2, torch.tensor(1.0)))
raises("masked_fill_9", lambda: t.masked_fill(t > 2, float("-inf")))
raises("masked_fill_13", lambda: t.masked_fill(mask=t > 2, value=0.0).shape)
raises("where_0", lambda: torch.where(t > 2, t, 0.0))
raises("where_0_0T0", lambda: torch.where(b, t, 0.0))
raises("where_0_0T1", lambda: torch.where(i, t, 0.0))
raises("where_0_0T5", lambda: torch.where(d, t, 0.0))
raises("where_0_0T12", lambda: torch.where(idx, t, 0.0))
raises("where_0_0T15", lambda: torch.where(torch.tensor([1.0, 2.0], dtype=torch.float16), t, 0.0))
raises("where_1_0T0", lambda: torch.where(t > 2, b, 0.0))
raises("where_1_0T6", lambda: torch.where(t > 2, m, 0.0))
raises("where_2_0float6", lambda: torch.where(t > 2, t, -1.0))
raises("where_2_0float7", lambda: torch.where(t > 2, t, 0))
raises("where_4", lambda: torch.where(t > 2, 1, 0).dtype)
raises("where_5", lambda: torch.where(t > 2, 1.0, 0).dtype)
raises("where_9", lambda: torch.where((t > 2).long(), t, t))
raises("where_14", lambda: torch.where(b, 1, 2.5))
raises("where_16", lambda: torch.where(s > 0, t, v))
raises("indexing_0_0int2", lambda: t[2.0])
raises("indexing_0_0int4", lambda: t[[2]])
raises("indexing_0_0int12", lambda: t[(2,)])
raises("indexing_5", lambda: t[1.0])
raises("indexing_8", lambda: t[..., ...])
raises("indexing_23", lambda: t[torch.tensor([-3])])
raises("indexing_25", lambda: t[::0])
raises("indexing_28", lambda: t[-10:10].shape)
raises("indexing_40", lambda: t[np.array([0, 1])])
raises("indexing_48", lambda: t[[]])
raises("indexing_51", lambda: t[torch.tensor([])])
raises("indexing_52", lambda: t[:, None, :, None].shape)
raises("setitem_0_0T0", lambda: (lambda z: z.__setitem__(0, b) or z)(t.clone()))
raises("setitem_0_0T8", lambda: (lambda z: z.__setitem__(0, 3.0) or z)(t.clone()))
raises("setitem_0_0T12", lambda: (lambda z: z.__setitem__(0, idx) or z)(t.clone()))
raises(
    "setitem_0_0T15",
    lambda: (lambda z: z.__setitem__(0, torch.tensor([1.0, 2.0], dtype=torch.float16)) or z)(
        t.clone()
    ),
)
raises("setitem_1_0float2", lambda: (lambda z: z.__setitem__(0, torch.tensor(0.1)) or z)(t.clone()))
raises("setitem_1_0float3", lambda: (lambda z: z.__setitem__(0, [0.1]) or z)(t.clone()))
raises("setitem_1_0float6", lambda: (lambda z: z.__setitem__(0, -1.0) or z)(t.clone()))
raises("setitem_4", lambda: (lambda z: z.__setitem__(b, 1.0) or z)(v.clone()))
raises(
    "setitem_10", lambda: (lambda z: z.__setitem__(0, 1.0) or z)(torch.ones(3, requires_grad=True))
)
raises(
    "setitem_11",
    lambda: (lambda z: z.__setitem__(0, 1.0) or z)(torch.ones(3, requires_grad=True) * 2),
)
raises("setitem_12", lambda: (lambda z: z.__setitem__(0, torch.ones(1, 3)) or z)(t.clone()))
raises(
    "setitem_14",
    lambda: (lambda z: z.__setitem__(t > 2, torch.tensor([9.0, 8.0, 7.0])) or z)(t.clone()),
)
raises("binops_0_0T8", lambda: 3.0 + t)
raises("binops_0_1T5", lambda: t + d)
raises("binops_2_1T13", lambda: t * torch.ones(2, 3))
raises("binops_7_1T6", lambda: t @ m)
raises("binops_9_0float0", lambda: t - "0.1")
raises("binops_10_0float7", lambda: t * 0)
raises("binops_18_0float3", lambda: [0.1] / t)
raises("binops_111_0T8", lambda: torch.bmm(x3, 3.0).shape)
raises("binops_115_0T6", lambda: torch.mv(m, m))
raises("binops_117", lambda: torch.dot(v, i.float()))
raises("binops_131_0T14", lambda: t.div(torch.ones(3, 1)))
raises("binops_155_0T0", lambda: t == b)
raises("unary_3_0T0", lambda: b.abs())
raises("unary_13_0T3", lambda: s.sign())
raises("unary_14_0T2", lambda: e.reciprocal())
raises("unary_20_0T7", lambda: [1.0, 2.0, 3.0].square())
raises("unary_25_0T11", lambda: np.ones(3).sgn())
raises("unary_27_0T0", lambda: b.isinf())
raises("unary_32_0T13", lambda: torch.exp(torch.ones(2, 3)))
raises("unary_33_0T11", lambda: torch.log(np.ones(3)))
raises("unary_70_0float6", lambda: t.clamp(min=-1.0, max=3.0))
raises("unary_89_0dtype6", lambda: t.float().to(torch.float64))
raises("unary_136", lambda: i[0].__index__())
raises("unary_180", lambda: t.T.shape)
raises("reduce_0_0T12", lambda: idx.sum())
raises("reduce_6", lambda: t.std())
raises("reduce_8", lambda: t.prod())
raises("reduce_8_0T14", lambda: torch.ones(3, 1).prod())
raises("reduce_14_0T7", lambda: [1.0, 2.0, 3.0].any())
raises("reduce_24_0dim6", lambda: t.std((0, 0)))
raises("reduce_25_0dim6", lambda: t.var((0, 0)))
raises("reduce_32", lambda: t.log_softmax(1))
raises("reduce_33_0dim1", lambda: t.all(-3))
raises("reduce_37_0dim6", lambda: t.norm((0, 0)))
raises("reduce_130", lambda: t.std(correction=0))
raises("reduce_241_0T7", lambda: torch.argmax([1.0, 2.0, 3.0]))
raises("reduce_241_0T9", lambda: torch.argmax(None))
raises("reduce_241_0T10", lambda: torch.argmax("x"))
raises("reduce_241_0T11", lambda: torch.argmax(np.ones(3)))
raises("reduce_244_0T9", lambda: torch.sum(None))
raises("reduce_247_0dim11", lambda: torch.mean(t, -1))
raises("reduce_249_0dim6", lambda: torch.var(t, (0, 0)))
raises("reduce_249_0dim10", lambda: torch.var(t, (0, 1)))
raises(
    "autograd_5_0T6",
    lambda: (lambda w: ((w * 2).backward(m), w.grad)[1])(torch.ones(3, requires_grad=True)),
)
raises(
    "autograd_6_0T8",
    lambda: (lambda w: ((w * 2).backward(gradient=3.0), w.grad)[1])(
        torch.ones(3, requires_grad=True)
    ),
)
raises(
    "autograd_6_0T14",
    lambda: (lambda w: ((w * 2).backward(gradient=torch.ones(3, 1)), w.grad)[1])(
        torch.ones(3, requires_grad=True)
    ),
)
raises(
    "autograd_8_0kw2",
    lambda: (lambda w: ((w * 2).backward(torch.ones(3), keepdims=True), w.grad)[1])(
        torch.ones(3, requires_grad=True)
    ),
)
raises(
    "autograd_8_0kw6",
    lambda: (lambda w: ((w * 2).backward(torch.ones(3), dtype=torch.float64), w.grad)[1])(
        torch.ones(3, requires_grad=True)
    ),
)
raises(
    "autograd_11",
    lambda: (lambda w: (lambda y: (y.backward(), y.backward()))((w * 2).sum()))(
        torch.ones(3, requires_grad=True)
    ),
)
raises("autograd_27_0bool2", lambda: t.clone().requires_grad_(1).requires_grad)
raises(
    "autograd_38",
    lambda: (lambda z: setattr(z, "data", torch.ones(2, dtype=torch.long)) or z)(
        t.clone().requires_grad_()
    ),
)
raises("autograd_45", lambda: torch.ones(3, requires_grad=True).add_(1))
raises("autograd_59", lambda: (torch.ones(3, requires_grad=True) * 2).requires_grad_(True).is_leaf)
raises(
    "autograd_65_0T7",
    lambda: torch.autograd.grad([1.0, 2.0, 3.0], torch.ones(3, requires_grad=True)),
)
raises("autograd_65_0T9", lambda: torch.autograd.grad(None, torch.ones(3, requires_grad=True)))
raises("autograd_65_0T10", lambda: torch.autograd.grad("x", torch.ones(3, requires_grad=True)))
raises(
    "autograd_65_0T11", lambda: torch.autograd.grad(np.ones(3), torch.ones(3, requires_grad=True))
)
raises(
    "autograd_66_0T7",
    lambda: (lambda w: torch.autograd.grad((w * 2).sum(), [1.0, 2.0, 3.0]))(
        torch.ones(3, requires_grad=True)
    ),
)
raises(
    "autograd_66_0T9",
    lambda: (lambda w: torch.autograd.grad((w * 2).sum(), None))(torch.ones(3, requires_grad=True)),
)
raises(
    "autograd_66_0T10",
    lambda: (lambda w: torch.autograd.grad((w * 2).sum(), "x"))(torch.ones(3, requires_grad=True)),
)
raises(
    "autograd_66_0T11",
    lambda: (lambda w: torch.autograd.grad((w * 2).sum(), np.ones(3)))(
        torch.ones(3, requires_grad=True)
    ),
)
raises(
    "autograd_73_0T7",
    lambda: (lambda w: torch.autograd.grad((w * 2).sum(), w, grad_outputs=[1.0, 2.0, 3.0]))(
        torch.ones(3, requires_grad=True)
    ),
)
raises(
    "autograd_73_0T10",
    lambda: (lambda w: torch.autograd.grad((w * 2).sum(), w, grad_outputs="x"))(
        torch.ones(3, requires_grad=True)
    ),
)
raises(
    "autograd_73_0T11",
    lambda: (lambda w: torch.autograd.grad((w * 2).sum(), w, grad_outputs=np.ones(3)))(
        torch.ones(3, requires_grad=True)
    ),
)
raises(
    "autograd_79",
    lambda: (lambda w: torch.autograd.grad([(w * 2).sum(), w.sum()], w, grad_outputs=[None]))(
        torch.ones(3, requires_grad=True)
    ),
)
raises(
    "autograd_131",
    lambda: (lambda w: (w.sum().backward(), w.sum().backward(), w.grad)[2])(
        torch.ones(3, requires_grad=True)
    ),
)
raises(
    "autograd_154", lambda: (lambda w: w.item().backward())(torch.tensor([0.4], requires_grad=True))
)
raises("autograd_157", lambda: (lambda w: float(w))(torch.tensor([0.4], requires_grad=True)))
raises("nn_3_0kw4", lambda: nn.Linear(3, 2, foo=1).weight.shape)
raises("nn_42_0bool0", lambda: nn.Parameter(t, "yes").requires_grad)
raises("nn_42_0bool1", lambda: nn.Parameter(t, None).requires_grad)
raises("nn_42_0bool2", lambda: nn.Parameter(t, 1).requires_grad)
raises("nn_42_0bool3", lambda: nn.Parameter(t, 0).requires_grad)
raises("nn_42_0bool4", lambda: nn.Parameter(t, 2).requires_grad)
raises("nn_42_0bool5", lambda: nn.Parameter(t, 1.0).requires_grad)
raises("nn_42_0bool6", lambda: nn.Parameter(t, torch.tensor(True)).requires_grad)
raises("nn_42_0bool7", lambda: nn.Parameter(t, [True]).requires_grad)
raises("nn_62", lambda: nn.Conv2d(1, 2, 3)(torch.ones(1, 1, 5, 5, dtype=torch.float64)))
raises("nn_63", lambda: nn.Conv2d(1, 2, 3)(torch.ones(1, 1, 5, 5).long()))
raises(
    "nn_75_0int5", lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), stride=-1).shape
)
raises(
    "nn_75_0int6", lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), stride=-3).shape
)
raises(
    "nn_75_0int13", lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), stride=0).shape
)
raises(
    "nn_76_0int5",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), padding=-1).shape,
)
raises(
    "nn_76_0int6",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), padding=-3).shape,
)
raises("nn_101_0T0", lambda: F.embedding(torch.tensor([1]), b))
raises("nn_101_0T1", lambda: F.embedding(torch.tensor([1]), i))
raises("nn_101_0T2", lambda: F.embedding(torch.tensor([1]), e))
raises("nn_101_0T5", lambda: F.embedding(torch.tensor([1]), d))
raises("nn_101_0T12", lambda: F.embedding(torch.tensor([1]), idx))
raises(
    "nn_101_0T15",
    lambda: F.embedding(torch.tensor([1]), torch.tensor([1.0, 2.0], dtype=torch.float16)),
)
raises("nn_124_0kw5", lambda: nn.BatchNorm1d(3, out=None).weight.shape)
raises("nn_133_0T13", lambda: nn.LayerNorm([3])(torch.ones(2, 3)).shape)
raises("nn_145_0T4", lambda: nn.Dropout(0.5).eval()(nc))
raises("nn_155_0T15", lambda: nn.Sequential(torch.tensor([1.0, 2.0], dtype=torch.float16))(t).shape)
raises("nn_172_0T8", lambda: nn.ReLU()(3.0))
raises("nn_179", lambda: nn.LeakyReLU(0.1)(t))
raises("nn_179_0float4", lambda: nn.LeakyReLU(True)(t))
raises("nn_204", lambda: nn.init.kaiming_normal_(torch.empty(3)))
raises("nn_205", lambda: nn.init.zeros_(torch.empty(3)))
raises("nn_205_0T5", lambda: nn.init.zeros_(d))
raises("nn_227", lambda: F.avg_pool2d(torch.ones(1, 1, 4, 4), 2, stride=0))
raises("losses_2_0T2", lambda: F.mse_loss(t, t, reduction=e))
raises("losses_2_0T7", lambda: F.mse_loss(t, t, reduction=[1.0, 2.0, 3.0]))
raises("losses_10", lambda: F.mse_loss(e, e))
raises("losses_22", lambda: nn.MSELoss()(t, t.long()))
raises("losses_31_0idx0", lambda: F.cross_entropy(t, idx.float()))
raises("losses_45", lambda: F.cross_entropy(t, t))
raises("losses_51_0T0", lambda: F.cross_entropy(t, torch.tensor([0, 2]), reduction=b))
raises("losses_52_0T2", lambda: F.cross_entropy(t, torch.tensor([0, 2]), weight=e))
raises("losses_52_0T4", lambda: F.cross_entropy(t, torch.tensor([0, 2]), weight=nc))
raises("losses_61", lambda: F.cross_entropy(x3, torch.zeros(2, 3, dtype=torch.long)))
raises(
    "losses_78", lambda: F.binary_cross_entropy(torch.tensor([0.5, 0.2]), torch.tensor([1.0, 0.0]))
)
raises(
    "losses_85", lambda: F.binary_cross_entropy(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 0.0]))
)
raises("optim_0_0T5", lambda: optim.SGD(d, lr=0.1).param_groups[0]["lr"])
raises("optim_0_0T14", lambda: optim.SGD(torch.ones(3, 1), lr=0.1).param_groups[0]["lr"])
raises(
    "optim_1_0float3",
    lambda: optim.SGD([nn.Parameter(torch.ones(2))], lr=[0.1]).param_groups[0]["lr"],
)
raises(
    "optim_27",
    lambda: (
        lambda p: (p.sum().backward(), (lambda o: (o.step(None), p)[1])(optim.SGD([p], lr=0.1)))[1]
    )(nn.Parameter(torch.ones(2))),
)
raises(
    "optim_29_0bool5",
    lambda: (
        lambda p: (
            p.sum().backward(),
            (lambda o: (o.zero_grad(set_to_none=1.0), p.grad)[1])(optim.SGD([p], lr=0.1)),
        )[1]
    )(nn.Parameter(torch.ones(2))),
)
raises(
    "optim_30_0kw2",
    lambda: (
        lambda p: (
            p.sum().backward(),
            (lambda o: (o.zero_grad(keepdims=True), p.grad)[1])(optim.SGD([p], lr=0.1)),
        )[1]
    )(nn.Parameter(torch.ones(2))),
)
raises(
    "optim_30_0kw3",
    lambda: (
        lambda p: (
            p.sum().backward(),
            (lambda o: (o.zero_grad(keep_dim=True), p.grad)[1])(optim.SGD([p], lr=0.1)),
        )[1]
    )(nn.Parameter(torch.ones(2))),
)
raises(
    "optim_33_0float2",
    lambda: optim.Adam([nn.Parameter(torch.ones(2))], lr=torch.tensor(0.1)).param_groups[0]["lr"],
)
raises("optim_34_0T4", lambda: optim.Adam([nn.Parameter(torch.ones(2))], betas=nc))
raises("optim_34_0T6", lambda: optim.Adam([nn.Parameter(torch.ones(2))], betas=m))
raises(
    "optim_39_0kw7",
    lambda: optim.Adam([nn.Parameter(torch.ones(2))], input=t).param_groups[0]["amsgrad"],
)
raises(
    "optim_56_0float2",
    lambda: optim.lr_scheduler.ExponentialLR(
        optim.SGD([nn.Parameter(torch.ones(2))], lr=0.1), gamma=torch.tensor(0.1)
    ).get_last_lr(),
)
raises("fixed_0", lambda: F.conv2d(torch.ones(1, 1, 5, 5).double(), torch.ones(2, 1, 3, 3)))
raises("fixed_1", lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3).double()))
raises("fixed_2", lambda: F.conv2d(torch.ones(1, 1, 5, 5).long(), torch.ones(2, 1, 3, 3)))
raises(
    "fixed_3",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), torch.ones(2).double()),
)
raises(
    "fixed_4",
    lambda: F.conv2d(
        torch.ones(1, 1, 5, 5).double(), torch.ones(2, 1, 3, 3).double(), torch.ones(2)
    ),
)
raises("fixed_5", lambda: nn.Conv2d(1, 2, 3, bias=False)(torch.ones(1, 1, 5, 5).double()))
raises("fixed_6", lambda: nn.Conv1d(1, 2, 3)(torch.ones(1, 1, 5).double()))
raises("fixed_7", lambda: F.conv1d(torch.ones(1, 1, 5).double(), torch.ones(2, 1, 3)))
raises("fixed_8", lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), stride=0))
raises("fixed_9", lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), stride=(1, -1)))
raises("fixed_10", lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), padding=-1))
raises("fixed_11", lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), dilation=0))
raises(
    "fixed_12", lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), dilation=(1, 0))
)
raises(
    "fixed_13", lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), padding=(1, -1))
)
raises(
    "fixed_14", lambda: F.conv2d(torch.ones(1, 1, 5, 5).double(), torch.ones(2, 1, 3, 3), stride=0)
)
raises(
    "fixed_15",
    lambda: F.conv2d(
        torch.ones(1, 1, 5, 5).double(), torch.ones(2, 1, 3, 3), torch.ones(2), stride=0
    ),
)
raises("fixed_16", lambda: F.conv2d(torch.ones(1, 1, 5, 5).double(), torch.ones(2, 3, 3, 3)))
raises(
    "fixed_17",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), torch.ones(2).long()),
)
raises("fixed_18", lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3).long()))
raises(
    "fixed_19",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), padding=-1, stride=0),
)
raises("fixed_20", lambda: F.conv1d(torch.ones(1, 1, 5), torch.ones(2, 1, 3), stride=-1))
raises("fixed_21", lambda: F.conv1d(torch.ones(1, 1, 5), torch.ones(2, 1, 3), padding=-1))
raises("fixed_22", lambda: F.conv1d(torch.ones(1, 1, 5), torch.ones(2, 1, 3), dilation=0))
raises(
    "fixed_23",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5).double(), torch.ones(2, 1, 3, 3), padding="same"),
)
raises(
    "fixed_24", lambda: F.conv2d(torch.ones(1, 1, 5, 5).int(), torch.ones(2, 1, 3, 3).int()).dtype
)
raises("fixed_26", lambda: torch.where(t > 2, 1.0, 0))
raises("fixed_28", lambda: torch.where(b, 1, 2))
raises("fixed_29", lambda: torch.where(b, i, 0.5))
raises("fixed_30", lambda: torch.where(b, True, 2))
raises("fixed_32", lambda: torch.where(b, i.int(), 5))
raises("fixed_33", lambda: torch.where(b, d, 1.5))
raises("fixed_34", lambda: torch.where(b, torch.tensor(1.5), i))
raises("fixed_35", lambda: torch.where(t > 2, 1, t.double()))
raises("fixed_36", lambda: torch.where(t > 2, t.requires_grad_(False), 0).dtype)
raises("fixed_37", lambda: torch.gather(m, 1, torch.tensor([[0], [1], [2], [0]])))
raises("fixed_38", lambda: m.gather(0, torch.zeros(1, 5, dtype=torch.long)))
raises("fixed_39", lambda: m.gather(1, torch.tensor([[-1, 0]])))
raises("fixed_40", lambda: m.gather(1, torch.tensor([[0, 4], [-2, 0]])))
raises("fixed_41", lambda: m.gather(0, torch.tensor([[-1]])))
raises("fixed_42", lambda: m.chunk(2, torch.tensor(1)).__len__())
raises("fixed_43", lambda: m.chunk(torch.tensor(2)).__len__())
raises("fixed_45", lambda: m.chunk(2, 0.0))
raises("fixed_47", lambda: e.chunk(3))
raises("fixed_48", lambda: torch.ones(2, 0).chunk(2, 1))
raises("fixed_49", lambda: s.chunk(2))
raises("fixed_50", lambda: s.split(2))
raises("fixed_51", lambda: s.split([1]))
raises("fixed_52", lambda: torch.split(s, 1))
raises("fixed_53", lambda: torch.chunk(s, 1))
raises("fixed_59", lambda: v.repeat(2, -1))
raises("fixed_60", lambda: t.repeat(-1, 2))
raises("fixed_61", lambda: v.repeat((2, None)))
raises("fixed_62", lambda: v.repeat())
raises("fixed_63", lambda: v.repeat(0).shape)
raises("fixed_64", lambda: t.repeat(1, 1, -2))
raises("fixed_66", lambda: t.var((1, -1)))
raises("fixed_67", lambda: t.var((0, 1)).shape)
raises("fixed_69", lambda: torch.ones(1, 2, 1).squeeze((0, -1)).shape)
raises("fixed_70", lambda: torch.ones(1, 2, 1).squeeze((2, -1)))
raises("fixed_71", lambda: torch.std(t, dim=[0, 0]))
raises("fixed_72", lambda: F.embedding(torch.tensor([1]), torch.ones(4)))
raises("fixed_73", lambda: F.embedding(torch.tensor([1.0]), torch.ones(4)))
raises("fixed_74", lambda: F.embedding(torch.tensor([1]), torch.ones(2, 2, 2)))
raises("fixed_75", lambda: nn.Parameter(t, 1))
raises("fixed_76", lambda: nn.Parameter(t, None))
raises("fixed_77", lambda: nn.Parameter(t, requires_grad="no"))
raises("fixed_78", lambda: nn.Parameter(t, False).requires_grad)
raises("fixed_79", lambda: nn.Parameter(i, 0))
raises(
    "fixed_81",
    lambda: (lambda z: setattr(z, "data", torch.ones(2, dtype=torch.long)) or z)(t.clone()),
)
raises(
    "fixed_82",
    lambda: (lambda z: setattr(z, "data", torch.ones(2, dtype=torch.float64)) or z)(
        t.clone().requires_grad_()
    ),
)
raises(
    "fixed_83",
    lambda: (lambda w: torch.autograd.grad((w * 2).sum(), w, grad_outputs=[1.0]))(
        torch.ones(3, requires_grad=True)
    ),
)
raises(
    "fixed_84",
    lambda: (
        lambda w: torch.autograd.grad((w * 2).sum(), w, grad_outputs=[torch.tensor(1.0), None])
    )(torch.ones(3, requires_grad=True)),
)
raises(
    "fixed_86",
    lambda: (lambda w: torch.autograd.grad([(w * 2).sum(), 1.0], w))(
        torch.ones(3, requires_grad=True)
    ),
)
raises(
    "fixed_87",
    lambda: (lambda w: torch.autograd.grad((w * 2).sum(), [w, 2.0]))(
        torch.ones(3, requires_grad=True)
    ),
)
raises("fixed_90", lambda: torch.full((2,), torch.tensor(2.0)))
raises("fixed_91", lambda: torch.full((2,), np.float64(2.0)).dtype)
raises("fixed_92", lambda: torch.full((2,), np.array(2.0)))
raises("fixed_93", lambda: torch.full((2,), torch.tensor([1.0])))
raises("fixed_95", lambda: torch.full_like(t, [1.0]))
raises("fixed_96", lambda: torch.full_like(t, "a"))
raises("fixed_97", lambda: torch.full_like(t, 2, requires_grad=1))
raises("fixed_98", lambda: torch.full_like(t, torch.tensor(2.0)))
raises("fixed_100", lambda: torch.ones_like(t, requires_grad="a"))
raises("fixed_101", lambda: torch.empty_like(t, requires_grad=None).shape)
raises("fixed_102", lambda: torch.empty(2, requires_grad=1))
raises("fixed_103", lambda: torch.full((2,), 1.0, requires_grad=1))
raises("fixed_104", lambda: torch.full((2,), 1, foo=1))
raises("fixed_105", lambda: torch.zeros_like(t, foo=1))
raises("fixed_106", lambda: torch.empty_like(t, axis=0))
raises("fixed_107", lambda: torch.zeros(size=(2, 3)).shape)
raises("fixed_108", lambda: torch.reshape((1.0, 2.0), (2,)))
raises("fixed_109", lambda: torch.transpose(np.ones((2, 2)), 0, 1))
raises("fixed_110", lambda: torch.argmax([1, 2]))
raises("fixed_111", lambda: torch.topk([1.0, 2.0], 1))
raises("fixed_113", lambda: torch.squeeze("x"))
raises("fixed_114", lambda: torch.unsqueeze([1.0], 0))
raises("fixed_115", lambda: torch.permute([1.0], (0,)))
raises("fixed_116", lambda: torch.clone([1.0]))
raises("fixed_117", lambda: torch.zeros_like([1.0]))
raises("fixed_118", lambda: torch.numel([1, 2]))
raises("fixed_119", lambda: torch.is_floating_point([1.0]))
raises("fixed_120", lambda: torch.logsumexp(np.ones(2), 0))
raises("fixed_121", lambda: torch.cumsum((1, 2), 0))
raises("fixed_122", lambda: torch.gather(None, 0, idx))
raises("fixed_123", lambda: torch.index_select([1.0], 0, idx))
raises("fixed_124", lambda: torch.diagonal([[1.0]]))
raises("fixed_125", lambda: torch.detach([1.0]))
raises("fixed_126", lambda: torch.isclose([1.0], t))
raises("fixed_127", lambda: torch.maximum([1.0], t))
raises("fixed_128", lambda: torch.outer([1.0], v))
raises("fixed_129", lambda: torch.dot(np.ones(3), v))
raises("fixed_130", lambda: torch.mv([[1.0]], v))
raises("fixed_131", lambda: torch.chunk([1.0, 2.0], 2))
raises("fixed_132", lambda: torch.select([1.0], 0, 0))
raises("fixed_133", lambda: torch.transpose(input=t, dim0=0, dim1=1).shape)
