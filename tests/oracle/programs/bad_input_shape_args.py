# Bad input (issue 13): int[] arguments (sizes, shapes, dims, repeats) parsed as PyTorch's
# argument parser does (var-args, bools, one-element tensors, the element that fails to
# unpack), the keyword forms, and PyTorch's method names in Python's own argument errors.
# Each case records PyTorch's exception type and message, or PyTorch's result.
import numpy as np

t = torch.arange(6.0).reshape(2, 3)
x3 = torch.arange(24.0).reshape(2, 3, 4)

# --- creation sizes
raises("torch_zeros_2_True_shape", lambda: torch.zeros(2, True).shape)
raises("torch_zeros_True_2", lambda: torch.zeros(True, 2))
raises("torch_zeros_True", lambda: torch.zeros(True))
raises("torch_zeros_True_2_2", lambda: torch.zeros((True, 2)))
raises("torch_zeros_2_True_shape_2", lambda: torch.zeros((2, True)).shape)
raises("torch_zeros_2_0_3", lambda: torch.zeros(2.0, 3))
raises("torch_zeros_2_3_0", lambda: torch.zeros(2, 3.0))
raises("torch_zeros_2_3_0_2", lambda: torch.zeros((2, 3.0)))
raises("torch_zeros_torch_tensor_2_3_shape", lambda: torch.zeros(torch.tensor(2), 3).shape)
raises("torch_zeros_torch_tensor_2_3_shape_2", lambda: torch.zeros(torch.tensor([2]), 3).shape)
raises("torch_zeros_torch_tensor_2_0_3", lambda: torch.zeros(torch.tensor(2.0), 3))
raises("torch_zeros_2_torch_tensor_3_shape", lambda: torch.zeros(2, torch.tensor(3)).shape)
raises("torch_zeros_2_torch_tensor_3_0", lambda: torch.zeros(2, torch.tensor(3.0)))
raises("torch_zeros_2_torch_tensor_3_4", lambda: torch.zeros(2, torch.tensor([3, 4])))
raises("torch_zeros_np_int64_2_3_shape", lambda: torch.zeros(np.int64(2), 3).shape)
raises("torch_zeros_2_np_float64_3", lambda: torch.zeros(2, np.float64(3)))
raises("torch_zeros_2_3", lambda: torch.zeros([2], 3))
raises("torch_zeros_2_3_2", lambda: torch.zeros(2, (3,)))
raises("torch_zeros_shape", lambda: torch.zeros([]).shape)
raises("torch_zeros_torch_tensor_2_shape", lambda: torch.zeros(torch.tensor(2)).shape)
raises("torch_zeros_torch_tensor_2_3", lambda: torch.zeros(torch.tensor([2, 3])))
raises("torch_zeros_np_array_2_3", lambda: torch.zeros(np.array([2, 3])))
raises("torch_zeros_size_2_3_shape", lambda: torch.zeros(size=(2, 3)).shape)
raises("torch_zeros_size_2", lambda: torch.zeros(size=2))
raises("torch_zeros_2_size_3", lambda: torch.zeros(2, size=3))
raises("torch_zeros_None", lambda: torch.zeros(None))
raises("torch_zeros_2_None", lambda: torch.zeros(2, None))
raises("torch_zeros_range_3", lambda: torch.zeros(range(3)))
raises("torch_ones_2_None", lambda: torch.ones((2, None)))
raises("torch_ones_2_0_3", lambda: torch.ones([2.0, 3]))
raises("torch_empty_2_3", lambda: torch.empty(2, [3]))
raises("torch_zeros_1", lambda: torch.zeros(-1))
raises("torch_ones_1_2", lambda: torch.ones(-1, 2))
raises("torch_rand_2_3_0", lambda: torch.rand(2, 3.0))
raises("torch_randn_2_True_shape", lambda: torch.randn((2, True)).shape)
raises("torch_full_2_3_0_1", lambda: torch.full((2, 3.0), 1))
raises("torch_full_2_1", lambda: torch.full(2, 1))
raises("torch_full_2_3_1", lambda: torch.full([[2], 3], 1))
raises("torch_full_2_1_shape", lambda: torch.full([2], 1).shape)

# --- views
raises("t_view_2_True", lambda: t.view(2, True))
raises("t_view_True_6", lambda: t.view(True, 6))
raises("t_view_torch_tensor_6_shape", lambda: t.view(torch.tensor(6)).shape)
raises("t_view_torch_tensor_6_shape_2", lambda: t.view(torch.tensor([6])).shape)
raises("t_view_torch_tensor_6_shape_3", lambda: t.view((torch.tensor(6),)).shape)
raises("t_view_6_0", lambda: t.view(6.0))
raises("t_view_2_3_0", lambda: t.view(2, 3.0))
raises("t_view_2_3_0_2", lambda: t.view((2, 3.0)))
raises("t_view_2_0_3", lambda: t.view((2.0, 3)))
raises("t_view_None", lambda: t.view(None))
raises("t_view_np_int64_6_shape", lambda: t.view(np.int64(6)).shape)
raises("t_reshape_shape_6_shape", lambda: t.reshape(shape=(6,)).shape)
raises("t_reshape_2_3_0", lambda: t.reshape(2, 3.0))
raises("t_reshape_2_0_3", lambda: t.reshape([2.0, 3]))
raises("t_reshape_2_0_3_2", lambda: t.reshape(2.0, 3))
raises("t_reshape_torch_tensor_2_3", lambda: t.reshape(torch.tensor([2, 3])))
raises("torch_reshape_t_6", lambda: torch.reshape(t, 6))
raises("torch_reshape_t_torch_tensor_6", lambda: torch.reshape(t, torch.tensor(6)))
raises("torch_reshape_t_np_int64_6", lambda: torch.reshape(t, np.int64(6)))
raises("torch_reshape_t_6_1", lambda: torch.reshape(t, (6,), 1))
raises("torch_reshape_t", lambda: torch.reshape(t))
raises("torch_reshape_t_2_0_3", lambda: torch.reshape(t, [2.0, 3]))
raises("torch_reshape_t_2_3_0", lambda: torch.reshape(t, (2, 3.0)))
raises("torch_reshape_t_shape_3_2_shape", lambda: torch.reshape(t, shape=(3, 2)).shape)
raises("torch_reshape_t_shape_6", lambda: torch.reshape(t, shape=6))
raises("t_permute_0_0_1", lambda: t.permute(0.0, 1))
raises("t_permute_0_0_1_2", lambda: t.permute([0.0, 1]))
raises("t_permute_dims_1_0_shape", lambda: t.permute(dims=(1, 0)).shape)
raises("t_permute_1_0_out_None", lambda: t.permute(1, 0, out=None))
raises("torch_permute_x3_1", lambda: torch.permute(x3, -1))
raises("torch_permute_x3_torch_tensor_2_0_1", lambda: torch.permute(x3, torch.tensor([2, 0, 1])))
raises("torch_permute_x3_2_0_1_0", lambda: torch.permute(x3, (2, 0, 1.0)))
raises("t_expand_2_0_3", lambda: t.expand((2.0, 3)))
raises("t_expand_2_0_3_2", lambda: t.expand(2.0, 3))
raises("t_expand_2_3_0", lambda: t.expand(2, 3.0))
raises("t_expand_size_2_3_shape", lambda: t.expand(size=(2, 3)).shape)
raises("t_expand_torch_tensor_2_3", lambda: t.expand(torch.tensor([2, 3])))
raises("t_repeat", lambda: t.repeat())
raises("t_repeat_1_0_1", lambda: t.repeat(1.0, 1))
raises("t_repeat_1_1_0", lambda: t.repeat((1, 1.0)))
raises("t_repeat_repeats_1_1_shape", lambda: t.repeat(repeats=(1, 1)).shape)
raises("t_repeat_torch_tensor_2_2", lambda: t.repeat(torch.tensor([2, 2])))
raises("t_tile_2_1_shape", lambda: t.tile(2, 1).shape)
raises("t_tile_2_shape", lambda: t.tile((2,)).shape)
raises("t_tile_2_0", lambda: t.tile(2.0))
raises("t_tile_2_2_0", lambda: t.tile(2, 2.0))
raises("t_tile", lambda: t.tile())
raises("t_tile_2_0_2", lambda: t.tile([2.0]))
raises("t_tile_dims_2", lambda: t.tile(dims=2))
raises("torch_tile_t_2", lambda: torch.tile(t, 2))
raises("torch_tile_t_2_0", lambda: torch.tile(t, (2.0,)))
raises("torch_tile_t_dims_2_shape", lambda: torch.tile(t, dims=(2,)).shape)
raises("torch_tile_t_None", lambda: torch.tile(t, None))

# --- method names in python errors
raises("t_permute_1_0_axis_0", lambda: t.permute(1, 0, axis=0))
raises("t_chunk_2_axis_1", lambda: t.chunk(2, axis=1))
raises("t_unsqueeze_0_keepdim_True", lambda: t.unsqueeze(0, keepdim=True))
raises("t_transpose_0_1_out_None", lambda: t.transpose(0, 1, out=None))
raises("t_split_1_axis_0", lambda: t.split(1, axis=0))
raises("t_flatten_dims_0", lambda: t.flatten(dims=0))
raises("t_chunk_2_1_axis_1", lambda: t.chunk(2, 1, axis=1))

# --- nn parameter sizes
raises("nn_Linear_3_2_weight_shape", lambda: nn.Linear(3, "2").weight.shape)
raises("nn_Linear_2_2_weight_shape", lambda: nn.Linear("2", 2).weight.shape)
raises("nn_Linear_3_True_weight_shape", lambda: nn.Linear(3, True).weight.shape)
raises("nn_Linear_True_3_weight_shape", lambda: nn.Linear(True, 3).weight.shape)
raises(
    "nn_Linear_torch_tensor_2_2_weight_shape", lambda: nn.Linear(torch.tensor(2), 2).weight.shape
)
raises("nn_Linear_3_2_0_weight_shape", lambda: nn.Linear(3, 2.0).weight.shape)
raises("nn_Linear_3_2_weight_shape_2", lambda: nn.Linear(3, [2]).weight.shape)
raises("nn_Embedding_10_2_weight_shape", lambda: nn.Embedding(10, "2").weight.shape)
raises("nn_Embedding_10_True_weight_shape", lambda: nn.Embedding(10, True).weight.shape)
raises("nn_Embedding_2_0_3_weight_shape", lambda: nn.Embedding(2.0, 3).weight.shape)
raises("nn_Embedding_2_3_weight_shape", lambda: nn.Embedding((2,), 3).weight.shape)
raises("nn_BatchNorm1d_2_weight_shape", lambda: nn.BatchNorm1d("2").weight.shape)
raises("nn_BatchNorm1d_None_weight_shape", lambda: nn.BatchNorm1d(None).weight.shape)
raises("nn_BatchNorm1d_2_0_weight_shape", lambda: nn.BatchNorm1d(2.0).weight.shape)
raises(
    "nn_BatchNorm1d_torch_tensor_2_3_weight_shape",
    lambda: nn.BatchNorm1d(torch.tensor([2, 3])).weight.shape,
)
raises("nn_LayerNorm_2_t_shape", lambda: nn.LayerNorm("2")(t).shape)
raises("nn_LayerNorm_np_int64_3_t_shape", lambda: nn.LayerNorm(np.int64(3))(t).shape)
raises("nn_LayerNorm_np_int64_2_t_shape", lambda: nn.LayerNorm(np.int64(2))(t).shape)
raises("nn_Conv2d_1_2_2_weight_shape", lambda: nn.Conv2d(1, 2, "2").weight.shape)
raises("nn_Conv2d_1_2_None_weight_shape", lambda: nn.Conv2d(1, 2, None).weight.shape)
raises("nn_Conv2d_1_2_2_5_weight_shape", lambda: nn.Conv2d(1, 2, 2.5).weight.shape)
raises(
    "nn_Conv2d_1_2_torch_tensor_2_0_weight_shape",
    lambda: nn.Conv2d(1, 2, torch.tensor(2.0)).weight.shape,
)
raises("nn_Conv2d_1_2_0_3_weight_shape", lambda: nn.Conv2d(1, 2.0, 3).weight.shape)
raises("F_layer_norm_t_3", lambda: F.layer_norm(t, 3))
raises("F_layer_norm_t_3_shape", lambda: F.layer_norm(t, [3]).shape)
raises("F_layer_norm_t_3_0", lambda: F.layer_norm(t, (3.0,)))

# --- nn init arguments
raises("nn_init_normal_torch_empty_3_std_0_1", lambda: nn.init.normal_(torch.empty(3), std="0.1"))
raises("nn_init_normal_torch_empty_3_mean_None", lambda: nn.init.normal_(torch.empty(3), mean=None))
raises(
    "nn_init_normal_torch_empty_3_std_float_nan",
    lambda: nn.init.normal_(torch.empty(3), std=float("nan")),
)
raises("nn_init_normal_torch_empty_3_std_1", lambda: nn.init.normal_(torch.empty(3), std=-1))
raises(
    "nn_init_normal_torch_empty_3_std_True_shape",
    lambda: nn.init.normal_(torch.empty(3), std=True).shape,
)
raises("nn_init_uniform_torch_empty_3_1_0", lambda: nn.init.uniform_(torch.empty(3), 1, 0))
raises("nn_init_uniform_torch_empty_3_a_0", lambda: nn.init.uniform_(torch.empty(3), "a", 0))
raises("nn_init_uniform_torch_empty_3_0_None", lambda: nn.init.uniform_(torch.empty(3), 0, None))
raises("torch_empty_3_normal_0_0_1", lambda: torch.empty(3).normal_(0.0, "1"))
raises("torch_empty_3_normal_0_0_float_nan", lambda: torch.empty(3).normal_(0.0, float("nan")))
raises("torch_empty_3_uniform_None_1_0", lambda: torch.empty(3).uniform_(None, 1.0))

# --- pooling and conv arguments
raises(
    "nn_MaxPool2d_2_torch_ones_1_1_4_4_shape",
    lambda: nn.MaxPool2d("2")(torch.ones(1, 1, 4, 4)).shape,
)
raises(
    "nn_MaxPool2d_None_torch_ones_1_1_4_4_shape",
    lambda: nn.MaxPool2d(None)(torch.ones(1, 1, 4, 4)).shape,
)
raises(
    "nn_MaxPool2d_2_0_torch_ones_1_1_4_4_shape",
    lambda: nn.MaxPool2d(2.0)(torch.ones(1, 1, 4, 4)).shape,
)
raises(
    "nn_MaxPool2d_2_torch_ones_1_1_4_4_shape_2",
    lambda: nn.MaxPool2d([2])(torch.ones(1, 1, 4, 4)).shape,
)
raises(
    "nn_MaxPool2d_2_torch_ones_1_1_4_4_shape_3",
    lambda: nn.MaxPool2d((2,))(torch.ones(1, 1, 4, 4)).shape,
)
raises(
    "nn_MaxPool2d_1_torch_ones_1_1_4_4_shape",
    lambda: nn.MaxPool2d(-1)(torch.ones(1, 1, 4, 4)).shape,
)
raises(
    "nn_MaxPool2d_3_torch_ones_1_1_4_4_shape",
    lambda: nn.MaxPool2d(-3)(torch.ones(1, 1, 4, 4)).shape,
)
raises(
    "nn_MaxPool2d_0_torch_ones_1_1_4_4_shape", lambda: nn.MaxPool2d(0)(torch.ones(1, 1, 4, 4)).shape
)
raises(
    "nn_MaxPool2d_True_torch_ones_1_1_4_4_shape",
    lambda: nn.MaxPool2d(True)(torch.ones(1, 1, 4, 4)).shape,
)
raises(
    "nn_MaxPool2d_torch_tensor_2_torch_ones_1_1_4_4_shape",
    lambda: nn.MaxPool2d(torch.tensor(2))(torch.ones(1, 1, 4, 4)).shape,
)
raises(
    "nn_MaxPool2d_torch_tensor_2_3_torch_ones_1_1_4_4_shape",
    lambda: nn.MaxPool2d(torch.tensor([2, 3]))(torch.ones(1, 1, 4, 4)).shape,
)
raises(
    "nn_MaxPool2d_np_int64_2_torch_ones_1_1_4_4_shape",
    lambda: nn.MaxPool2d(np.int64(2))(torch.ones(1, 1, 4, 4)).shape,
)
raises(
    "nn_MaxPool2d_2_2_2_torch_ones_1_1_4_4_shape",
    lambda: nn.MaxPool2d((2, 2, 2))(torch.ones(1, 1, 4, 4)).shape,
)
raises(
    "F_max_pool2d_torch_ones_1_1_4_4_2_stride_1_2_0",
    lambda: F.max_pool2d(torch.ones(1, 1, 4, 4), 2, stride=(1, 2.0)),
)
raises(
    "F_max_pool2d_torch_ones_1_1_4_4_2_padding_1",
    lambda: F.max_pool2d(torch.ones(1, 1, 4, 4), 2, padding="1"),
)
raises(
    "F_max_pool2d_torch_ones_1_1_4_4_2_dilation_1_1_1",
    lambda: F.max_pool2d(torch.ones(1, 1, 4, 4), 2, dilation=[1, 1, 1]),
)
raises(
    "F_avg_pool2d_torch_ones_1_1_4_4_2_stride_0",
    lambda: F.avg_pool2d(torch.ones(1, 1, 4, 4), 2, stride=0),
)
raises(
    "F_avg_pool2d_torch_ones_1_1_4_4_2_None",
    lambda: F.avg_pool2d(torch.ones(1, 1, 4, 4), (2, None)),
)
raises(
    "F_avg_pool2d_torch_ones_1_1_4_4_2_padding_1_shape",
    lambda: F.avg_pool2d(torch.ones(1, 1, 4, 4), 2, padding=[1]).shape,
)
raises(
    "nn_AdaptiveAvgPool2d_2_torch_ones_1_2_4_4_shape",
    lambda: nn.AdaptiveAvgPool2d("2")(torch.ones(1, 2, 4, 4)).shape,
)
raises(
    "nn_AdaptiveAvgPool2d_None_torch_ones_1_2_4_4_shape",
    lambda: nn.AdaptiveAvgPool2d(None)(torch.ones(1, 2, 4, 4)).shape,
)
raises(
    "nn_AdaptiveAvgPool2d_2_0_torch_ones_1_2_4_4_shape",
    lambda: nn.AdaptiveAvgPool2d(2.0)(torch.ones(1, 2, 4, 4)).shape,
)
raises(
    "nn_AdaptiveAvgPool2d_2_torch_ones_1_2_4_4_shape_2",
    lambda: nn.AdaptiveAvgPool2d([2])(torch.ones(1, 2, 4, 4)).shape,
)
raises(
    "nn_AdaptiveAvgPool2d_1_torch_ones_1_2_4_4_shape",
    lambda: nn.AdaptiveAvgPool2d(-1)(torch.ones(1, 2, 4, 4)).shape,
)
raises(
    "nn_AdaptiveAvgPool2d_True_torch_ones_1_2_4_4_shape",
    lambda: nn.AdaptiveAvgPool2d(True)(torch.ones(1, 2, 4, 4)).shape,
)
raises(
    "nn_AdaptiveAvgPool2d_torch_tensor_2_torch_ones_1_2_4_4_shape",
    lambda: nn.AdaptiveAvgPool2d(torch.tensor(2))(torch.ones(1, 2, 4, 4)).shape,
)
raises(
    "nn_AdaptiveAvgPool2d_torch_tensor_2_3_torch_ones_1_2_4_4_sha",
    lambda: nn.AdaptiveAvgPool2d(torch.tensor([2, 3]))(torch.ones(1, 2, 4, 4)).shape,
)
raises(
    "nn_AdaptiveAvgPool2d_np_int64_2_torch_ones_1_2_4_4_shape",
    lambda: nn.AdaptiveAvgPool2d(np.int64(2))(torch.ones(1, 2, 4, 4)).shape,
)
raises(
    "nn_AdaptiveAvgPool2d_2_None_torch_ones_1_2_4_4_shape",
    lambda: nn.AdaptiveAvgPool2d((2, None))(torch.ones(1, 2, 4, 4)).shape,
)
raises(
    "nn_AdaptiveAvgPool2d_2_2_torch_ones_4_shape",
    lambda: nn.AdaptiveAvgPool2d((2, 2))(torch.ones(4)).shape,
)
raises(
    "F_conv2d_torch_ones_1_1_5_5_torch_ones_2_1_3_3_stride_2",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), stride="2"),
)
raises(
    "F_conv2d_torch_ones_1_1_5_5_torch_ones_2_1_3_3_stride_None",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), stride=None),
)
raises(
    "F_conv2d_torch_ones_1_1_5_5_torch_ones_2_1_3_3_stride_2_0",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), stride=2.0),
)
raises(
    "F_conv2d_torch_ones_1_1_5_5_torch_ones_2_1_3_3_stride_True",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), stride=True),
)
raises(
    "F_conv2d_torch_ones_1_1_5_5_torch_ones_2_1_3_3_stride_torch_",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), stride=torch.tensor(2)).shape,
)
raises(
    "F_conv2d_torch_ones_1_1_5_5_torch_ones_2_1_3_3_stride_torch__2",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), stride=torch.tensor([2, 1])),
)
raises(
    "F_conv2d_torch_ones_1_1_5_5_torch_ones_2_1_3_3_stride_2_2_0",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), stride=(2, 2.0)),
)
raises(
    "F_conv2d_torch_ones_1_1_5_5_torch_ones_2_1_3_3_stride_2_0_2",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), stride=[2.0]),
)
raises(
    "F_conv2d_torch_ones_1_1_5_5_torch_ones_2_1_3_3_stride_1_1_1",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), stride=(1, 1, 1)),
)
raises(
    "F_conv2d_torch_ones_1_1_5_5_torch_ones_2_1_3_3_padding_np_in",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), padding=np.int64(1)).shape,
)
raises(
    "F_conv2d_torch_ones_1_1_5_5_torch_ones_2_1_3_3_padding_1_sha",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), padding=[1]).shape,
)
raises(
    "F_conv2d_torch_ones_1_1_5_5_torch_ones_2_1_3_3_groups_1_0",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), groups=1.0),
)
raises(
    "F_conv2d_torch_ones_1_1_5_5_torch_ones_2_1_3_3_dilation_None",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), dilation=None),
)
raises("F_conv2d_torch_ones_1_1_5_5_1_0", lambda: F.conv2d(torch.ones(1, 1, 5, 5), [[1.0]]))
raises("F_conv2d_torch_ones_1_1_5_5_None", lambda: F.conv2d(torch.ones(1, 1, 5, 5), None))
raises(
    "F_conv2d_torch_ones_1_1_5_5_torch_ones_2_1_3_3_None_1_0_1_1_",
    lambda: F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(2, 1, 3, 3), None, 1, 0, 1, 1).shape,
)
raises(
    "F_conv1d_torch_ones_1_1_5_torch_ones_2_1_3_stride_1_1",
    lambda: F.conv1d(torch.ones(1, 1, 5), torch.ones(2, 1, 3), stride=[1, 1]),
)
raises(
    "F_conv1d_torch_ones_1_1_5_torch_ones_2_1_3_stride_2",
    lambda: F.conv1d(torch.ones(1, 1, 5), torch.ones(2, 1, 3), stride="2"),
)
raises(
    "F_conv1d_torch_ones_1_1_5_torch_ones_2_1_3_padding_1_shape",
    lambda: F.conv1d(torch.ones(1, 1, 5), torch.ones(2, 1, 3), padding=(1,)).shape,
)

# --- losses
raises("F_mse_loss_t_np_ones_3", lambda: F.mse_loss(t, np.ones(3)))
raises("F_mse_loss_1_0_t", lambda: F.mse_loss([1.0], t))
raises("F_mse_loss_t_None", lambda: F.mse_loss(t, None))
raises("F_l1_loss_t_None", lambda: F.l1_loss(t, None))
raises("F_l1_loss_t_a", lambda: F.l1_loss(t, "a"))
raises("F_l1_loss_np_ones_3_t", lambda: F.l1_loss(np.ones(3), t))
raises("F_smooth_l1_loss_t_1_0", lambda: F.smooth_l1_loss(t, 1.0))
raises("F_smooth_l1_loss_t_1_0_2", lambda: F.smooth_l1_loss(t, [1.0]))
raises(
    "F_binary_cross_entropy_torch_tensor_0_5_0_2_1_0_0_0",
    lambda: F.binary_cross_entropy(torch.tensor([0.5, 0.2]), [1.0, 0.0]),
)
raises(
    "F_binary_cross_entropy_0_5_0_2_torch_tensor_1_0_0_0",
    lambda: F.binary_cross_entropy([0.5, 0.2], torch.tensor([1.0, 0.0])),
)
raises(
    "F_binary_cross_entropy_torch_ones_2_2_torch_ones_2_weight_1_",
    lambda: F.binary_cross_entropy(torch.ones(2) / 2, torch.ones(2), weight=[1.0]),
)
raises(
    "F_binary_cross_entropy_with_logits_t_None", lambda: F.binary_cross_entropy_with_logits(t, None)
)
raises(
    "F_binary_cross_entropy_with_logits_t_np_ones_2_3",
    lambda: F.binary_cross_entropy_with_logits(t, np.ones((2, 3))),
)
raises(
    "F_binary_cross_entropy_with_logits_t_torch_ones_2_3_weight_1",
    lambda: F.binary_cross_entropy_with_logits(t, torch.ones(2, 3), weight=[1.0]),
)
raises(
    "F_binary_cross_entropy_with_logits_t_torch_ones_2_3_pos_weig",
    lambda: F.binary_cross_entropy_with_logits(t, torch.ones(2, 3), pos_weight=[1.0]),
)
raises(
    "F_binary_cross_entropy_with_logits_t_torch_ones_2_3_pos_weig_2",
    lambda: F.binary_cross_entropy_with_logits(t, torch.ones(2, 3), pos_weight=np.ones(3)),
)
raises(
    "F_nll_loss_t_torch_tensor_0_2_weight_1_0_2_0_3_0",
    lambda: F.nll_loss(t, torch.tensor([0, 2]), weight=[1.0, 2.0, 3.0]),
)
raises("F_nll_loss_1_0_torch_tensor_0_2", lambda: F.nll_loss([1.0], torch.tensor([0, 2])))
raises("F_nll_loss_t_0_2", lambda: F.nll_loss(t, [0, 2]))
raises(
    "F_nll_loss_t_torch_tensor_0_2_ignore_index_1_0",
    lambda: F.nll_loss(t, torch.tensor([0, 2]), ignore_index=1.0),
)
raises(
    "F_nll_loss_t_torch_tensor_0_2_ignore_index_torch_tensor_1",
    lambda: F.nll_loss(t, torch.tensor([0, 2]), ignore_index=torch.tensor(1)),
)
raises(
    "F_cross_entropy_t_torch_tensor_0_2_weight_1_0_2_0_3_0",
    lambda: F.cross_entropy(t, torch.tensor([0, 2]), weight=[1.0, 2.0, 3.0]),
)
raises(
    "F_cross_entropy_t_torch_tensor_0_2_weight_np_ones_3",
    lambda: F.cross_entropy(t, torch.tensor([0, 2]), weight=np.ones(3)),
)
raises(
    "F_cross_entropy_t_torch_tensor_0_2_label_smoothing_None",
    lambda: F.cross_entropy(t, torch.tensor([0, 2]), label_smoothing=None),
)
raises(
    "F_cross_entropy_t_torch_tensor_0_2_label_smoothing_0",
    lambda: F.cross_entropy(t, torch.tensor([0, 2]), label_smoothing=0),
)
raises(
    "F_cross_entropy_torch_tensor_3_0_torch_tensor_0_2",
    lambda: F.cross_entropy(torch.tensor(3.0), torch.tensor([0, 2])),
)
raises(
    "nn_CrossEntropyLoss_weight_1_0_1_0_1_0", lambda: nn.CrossEntropyLoss(weight=[1.0, 1.0, 1.0])
)
raises("nn_NLLLoss_weight_np_ones_3", lambda: nn.NLLLoss(weight=np.ones(3)))
raises("nn_BCELoss_weight_1_0", lambda: nn.BCELoss(weight=[1.0]))
raises(
    "nn_CrossEntropyLoss_weight_torch_ones_3_weight",
    lambda: nn.CrossEntropyLoss(weight=torch.ones(3)).weight,
)
raises(
    "nn_CrossEntropyLoss_t_torch_tensor_0_2", lambda: nn.CrossEntropyLoss()(t, torch.tensor([0, 2]))
)
raises(
    "F_kl_div_t_log_softmax_1_torch_tensor_True_False_True_False_",
    lambda: F.kl_div(t.log_softmax(1), torch.tensor([[True, False, True], [False, True, True]])),
)
raises(
    "F_kl_div_t_log_softmax_1_torch_tensor_1_0_0_0_1_0",
    lambda: F.kl_div(t.log_softmax(1), torch.tensor([[1, 0, 0], [0, 1, 0]])),
)
raises("F_kl_div_t_long_t_reduction_sum", lambda: F.kl_div(t.long(), t, reduction="sum"))
raises("F_layer_norm_np_ones_3_3", lambda: F.layer_norm(np.ones(3), (3,)))

# --- split flatten
raises("t_split_True", lambda: t.split(True))
raises("t_split_2_x", lambda: t.split(2, "x"))
raises("t_split_2_1_0", lambda: t.split(2, 1.0))
raises("t_split_2_None", lambda: t.split(2, None))
raises("t_split_1_1_None", lambda: t.split([1, 1], None))
raises("torch_split_t_2", lambda: torch.split(t, "2"))
raises("torch_split_t_1_1_1_0", lambda: torch.split(t, [1, 1], 1.0))
raises("t_split_torch_tensor_1", lambda: t.split(torch.tensor(1)))
raises("t_split_torch_tensor_1_1", lambda: t.split(torch.tensor([1, 1])))
raises("t_split_np_int64_1", lambda: t.split(np.int64(1)))
raises("t_split_1_0_1", lambda: t.split([1.0, 1]))
raises("t_split_1_1_0", lambda: t.split([1, 1.0]))
raises("t_split_1", lambda: t.split(-1))
raises("t_split_3_1_1", lambda: t.split([3, -1], 1))
raises("t_split_1_1_1", lambda: t.split([1, 1], -1))
raises("t_split_torch_tensor_1_5", lambda: t.split(torch.tensor(1.5)))
raises("x3_flatten_1_0", lambda: x3.flatten(1.0))
raises("x3_flatten_0_1", lambda: x3.flatten(0, "1"))
raises("x3_flatten_torch_tensor_1_shape", lambda: x3.flatten(torch.tensor(1)).shape)
raises("x3_flatten_None", lambda: x3.flatten(None))
raises("nn_Flatten_1_0", lambda: nn.Flatten()([1.0]))
raises("nn_Flatten_np_ones_2_3", lambda: nn.Flatten()(np.ones((2, 3))))
raises("nn_Flatten_1_0_x3", lambda: nn.Flatten(1.0)(x3))
raises("x3_ravel_shape", lambda: x3.ravel().shape)
raises("x3_unflatten_1_None", lambda: x3.unflatten(1, None))
raises("x3_unflatten_1_3", lambda: x3.unflatten(1, 3))
raises("x3_unflatten_1_0", lambda: x3.unflatten(1, 0))
raises("x3_unflatten_1_torch_tensor_3_1", lambda: x3.unflatten(1, torch.tensor([3, 1])))
raises("x3_unflatten_1_torch_tensor_3", lambda: x3.unflatten(1, torch.tensor(3)))
raises("x3_unflatten_1_np_int64_3", lambda: x3.unflatten(1, np.int64(3)))
raises("x3_unflatten_1_3_0_1", lambda: x3.unflatten(1, (3.0, 1)))
raises("x3_unflatten_1_3_1_0", lambda: x3.unflatten(1, [3, 1.0]))
raises("x3_unflatten_1_3_1_shape", lambda: x3.unflatten(1, (3, 1)).shape)

# --- factories
raises("torch_eye_2_x", lambda: torch.eye(2, "x"))
raises("torch_eye_torch_tensor_2_shape", lambda: torch.eye(torch.tensor(2)).shape)
raises("torch_eye_2_None", lambda: torch.eye(2, None))
raises("torch_eye_None", lambda: torch.eye(None))
raises("torch_eye_2_3_dtype_torch_int64", lambda: torch.eye(2, 3, dtype=torch.int64))
raises("torch_eye_n_2_m_3_shape", lambda: torch.eye(n=2, m=3).shape)
raises("torch_eye_2_dtype_x", lambda: torch.eye(2, dtype="x"))
raises("torch_eye_2_axis_1", lambda: torch.eye(2, axis=1))
raises("torch_linspace_0_1_x", lambda: torch.linspace(0, 1, "x"))
raises("torch_linspace_x_1_5", lambda: torch.linspace("x", 1, 5))
raises("torch_linspace_None_1_5", lambda: torch.linspace(None, 1, 5))
raises("torch_linspace_0_1_torch_tensor_2", lambda: torch.linspace(0, 1, torch.tensor(2)))
raises("torch_linspace_0_1", lambda: torch.linspace(0, 1))
raises("torch_linspace_torch_tensor_0_0_1_3", lambda: torch.linspace(torch.tensor(0.0), 1, 3))
raises("torch_linspace_0_1_5_axis_1", lambda: torch.linspace(0, 1, 5, axis=1))
raises("torch_linspace_0_1_5_dtype_torch_bool", lambda: torch.linspace(0, 1, 5, dtype=torch.bool))
raises("torch_linspace_0_1_2_0", lambda: torch.linspace(0, 1, 2.0))
raises("torch_arange_5_dtype_torch_bool", lambda: torch.arange(5, dtype=torch.bool))
raises("torch_arange_0_3_dtype_torch_bool", lambda: torch.arange(0, 3, dtype=torch.bool))

# --- number arguments
raises("nn_init_constant_torch_empty_3_0_1", lambda: nn.init.constant_(torch.empty(3), "0.1"))
raises("nn_init_constant_torch_empty_3_None", lambda: nn.init.constant_(torch.empty(3), None))
raises(
    "nn_init_constant_torch_empty_3_torch_tensor_0_5",
    lambda: nn.init.constant_(torch.empty(3), torch.tensor(0.5)),
)
raises("F_softplus_t_beta_torch_tensor_0_5", lambda: F.softplus(t, beta=torch.tensor(0.5)))
raises("F_softplus_t_beta_0_1", lambda: F.softplus(t, beta="0.1"))
raises("F_softplus_t_beta_None", lambda: F.softplus(t, beta=None))
raises("F_elu_t_a", lambda: F.elu(t, "a"))
raises("F_elu_t_1_0", lambda: F.elu(t, [1.0]))
raises("F_elu_t_1_shape", lambda: F.elu(t, 1).shape)
raises("F_leaky_relu_t_0_1", lambda: F.leaky_relu(t, "0.1"))
raises("F_leaky_relu_t_None", lambda: F.leaky_relu(t, None))
raises("nn_LeakyReLU_0_1_t", lambda: nn.LeakyReLU("0.1")(t))
raises("F_leaky_relu_t_1_shape", lambda: F.leaky_relu(t, 1).shape)
raises(
    "F_one_hot_torch_tensor_1_0_torch_tensor_2",
    lambda: F.one_hot(torch.tensor([1, 0]), torch.tensor(2)),
)
raises("F_one_hot_torch_tensor_1_0_2_0", lambda: F.one_hot(torch.tensor([1, 0]), 2.0))
raises("F_one_hot_torch_tensor_1_0_True", lambda: F.one_hot(torch.tensor([1, 0]), True))
raises(
    "F_one_hot_torch_tensor_1_0_np_int64_3_shape",
    lambda: F.one_hot(torch.tensor([1, 0]), np.int64(3)).shape,
)

# --- tensor dims
raises("t_transpose_torch_tensor_0_1_shape", lambda: t.transpose(torch.tensor(0), 1).shape)
raises("t_unsqueeze_torch_tensor_0_shape", lambda: t.unsqueeze(torch.tensor(0)).shape)
raises("torch_cat_t_t_torch_tensor_0_shape", lambda: torch.cat([t, t], torch.tensor(0)).shape)
raises("torch_stack_t_t_torch_tensor_1_shape", lambda: torch.stack([t, t], torch.tensor(1)).shape)
raises("t_chunk_2_torch_tensor_1", lambda: t.chunk(2, torch.tensor(1)))
raises("t_unsqueeze_torch_tensor_0", lambda: t.unsqueeze(torch.tensor([0])))
raises(
    "F_one_hot_torch_tensor_1_0_num_classes_2_0",
    lambda: F.one_hot(torch.tensor([1, 0]), num_classes=2.0),
)
