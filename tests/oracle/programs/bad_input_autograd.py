# Bad input (issue 13): backward, autograd.grad, hooks, no_grad, .data/.detach, in-place
# on leaves / views / saved tensors, nn modules and losses, optimizers.
# Each case records PyTorch's exception type and message, or PyTorch's result.


def leaf(*vals):
    return torch.tensor(list(vals) if len(vals) != 1 else vals[0], requires_grad=True)


# --- backward misuse
def _bw_twice():
    x = leaf(1.0, 2.0)
    y = (x.exp()).sum()
    y.backward()
    y.backward()


def _bw_twice_retain():
    x = leaf(1.0, 2.0)
    y = (x * x).sum()
    y.backward(retain_graph=True)
    y.backward()
    return x.grad


def _bw_twice_add_only():
    x = leaf(1.0, 2.0)
    y = (x + 1).sum()
    y.backward()
    y.backward()
    return x.grad


def _bw_grad_shape():
    x = leaf(1.0, 2.0)
    (x * 2).backward(torch.ones(3))


def _bw_grad_dtype():
    x = leaf(1.0, 2.0)
    (x * 2).backward(torch.ones(2, dtype=torch.float64))
    return x.grad


def _bw_grad_int():
    x = leaf(1.0, 2.0)
    (x * 2).backward(torch.tensor([1, 1]))
    return x.grad


def _bw_grad_float():
    x = leaf(1.0, 2.0)
    (x * 2).sum().backward(2.0)


def _bw_grad_list():
    x = leaf(1.0, 2.0)
    (x * 2).backward([1.0, 1.0])


def _bw_grad_0d_for_1elem():
    x = leaf(1.0)
    (x * 2).backward(torch.tensor(3.0))
    return x.grad


def _bw_1elem_implicit():
    x = leaf(2.0)
    y = torch.stack([x * 3])
    y.backward()
    return x.grad


def _bw_empty():
    x = torch.ones(0, requires_grad=True)
    (x * 2).backward()


def _bw_int_leaf():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x.long()
    y.sum().backward()


def _bw_through_argmax():
    x = leaf(1.0, 3.0)
    x.argmax().backward()


def _bw_through_comparison():
    x = leaf(1.0, 3.0)
    (x > 2).sum().backward()


def _bw_through_round():
    x = leaf(1.4, 3.6)
    x.round().sum().backward()
    return x.grad


def _bw_through_floor_div():
    x = leaf(1.4, 3.6)
    (x // 1).sum().backward()
    return x.grad


def _bw_through_item():
    x = leaf(2.0)
    y = torch.tensor(x.item() * 3)
    y.backward()


def _bw_through_tensor_ctor():
    x = leaf(1.0, 2.0)
    y = torch.tensor([x[0] * 2, x[1]])
    return y.requires_grad


def _bw_retain_false_then_grad():
    x = leaf(1.0)
    y = x.sigmoid()
    y.backward()
    return torch.autograd.grad(y, x)


def _bw_inputs_nonleaf():
    x = leaf(1.0, 2.0)
    h = x * 2
    (h * h).sum().backward(inputs=[h])
    return h.grad, x.grad


def _bw_inputs_empty():
    x = leaf(1.0)
    (x * 2).backward(inputs=[])


def _bw_inputs_not_rg():
    x = leaf(1.0)
    z = torch.tensor(1.0)
    (x * z).backward(inputs=[z])


def _bw_inputs_not_tensor():
    x = leaf(1.0)
    (x * 2).backward(inputs=[1.0])


def _bw_create_graph_double():
    x = leaf(3.0)
    y = x**3
    (g,) = torch.autograd.grad(y, x, create_graph=True)
    g.backward()
    return x.grad


def _bw_nan_grad():
    x = leaf(0.0)
    x.sqrt().backward()
    return x.grad


def _bw_log0():
    x = leaf(0.0, 1.0)
    x.log().sum().backward()
    return x.grad


def _bw_abs0():
    x = leaf(0.0)
    x.abs().backward()
    return x.grad


def _bw_relu0():
    x = leaf(0.0)
    x.relu().backward()
    return x.grad


def _bw_max_ties():
    x = leaf(2.0, 2.0, 1.0)
    x.max().backward()
    return x.grad


def _bw_max_dim_ties():
    x = leaf(2.0, 2.0, 1.0)
    x.max(dim=0).values.backward()
    return x.grad


def _bw_pow0():
    x = leaf(0.0)
    (x**0.5).backward()
    return x.grad


def _bw_pow_zero_zero():
    x = leaf(0.0)
    (x**0).backward()
    return x.grad


def _bw_clamp_edge():
    x = leaf(0.0, 1.0, 2.0)
    x.clamp(0.0, 1.0).sum().backward()
    return x.grad


raises("backward_twice_exp", _bw_twice)
raises("backward_twice_retain", _bw_twice_retain)
raises("backward_twice_add_only", _bw_twice_add_only)
raises("backward_grad_shape", _bw_grad_shape)
raises("backward_grad_dtype", _bw_grad_dtype)
raises("backward_grad_int", _bw_grad_int)
raises("backward_grad_float", _bw_grad_float)
raises("backward_grad_list", _bw_grad_list)
raises("backward_grad_0d_for_1elem", _bw_grad_0d_for_1elem)
raises("backward_1elem_implicit", _bw_1elem_implicit)
raises("backward_empty", _bw_empty)
raises("backward_int_cast", _bw_int_leaf)
raises("backward_argmax", _bw_through_argmax)
raises("backward_comparison", _bw_through_comparison)
raises("backward_floor_div", _bw_through_floor_div)
raises("backward_through_item", _bw_through_item)
raises("backward_tensor_ctor", _bw_through_tensor_ctor)
raises("backward_then_grad", _bw_retain_false_then_grad)
raises("backward_inputs_nonleaf", _bw_inputs_nonleaf)
raises("backward_inputs_empty", _bw_inputs_empty)
raises("backward_inputs_not_rg", _bw_inputs_not_rg)
raises("backward_inputs_not_tensor", _bw_inputs_not_tensor)
raises("backward_create_graph_double", _bw_create_graph_double)
raises("backward_sqrt0", _bw_nan_grad)
raises("backward_log0", _bw_log0)
raises("backward_abs0", _bw_abs0)
raises("backward_relu0", _bw_relu0)
raises("backward_max_ties", _bw_max_ties)
raises("backward_max_dim_ties", _bw_max_dim_ties)
raises("backward_pow_half_at0", _bw_pow0)
raises("backward_pow_zero_zero", _bw_pow_zero_zero)
raises("backward_clamp_edge", _bw_clamp_edge)
raises("backward_leaf_no_rg", lambda: torch.tensor(1.0).backward())
raises("backward_rg_leaf_itself", lambda: (lambda x: (x.backward(), x.grad)[1])(leaf(2.0)))
raises("backward_int_tensor", lambda: torch.tensor(1).backward())
raises("backward_nonscalar_2d", lambda: (leaf(1.0, 2.0) * torch.ones(2, 2)).backward())

# --- autograd.grad misuse
raises("grad_nonscalar", lambda: torch.autograd.grad(leaf(1.0, 2.0) * 2, []))
raises("grad_no_inputs_rg", lambda: torch.autograd.grad(torch.ones(1).sum(), torch.ones(1)))


def _grad_unused_allow():
    p, q = leaf(1.0), leaf(2.0)
    return torch.autograd.grad(p * 2, [p, q], allow_unused=True)


def _grad_unused_materialize():
    p, q = leaf(1.0), leaf(2.0)
    return torch.autograd.grad(p * 2, [p, q], allow_unused=True, materialize_grads=True)


def _grad_nonscalar_outputs():
    p = leaf(1.0, 2.0)
    return torch.autograd.grad(p * 2, p)


def _grad_outputs_shape():
    p = leaf(1.0, 2.0)
    return torch.autograd.grad(p * 2, p, grad_outputs=torch.ones(3))


def _grad_outputs_ok():
    p = leaf(1.0, 2.0)
    return torch.autograd.grad(p * 2, p, grad_outputs=torch.ones(2))


def _grad_twice():
    p = leaf(1.0)
    y = p.exp()
    torch.autograd.grad(y, p)
    return torch.autograd.grad(y, p)


def _grad_no_acc():
    p = leaf(1.0)
    torch.autograd.grad(p * 3, p)
    return p.grad


def _grad_nonleaf_input():
    p = leaf(1.0)
    h = p * 2
    return torch.autograd.grad(h * h, h)


def _grad_int_input():
    return torch.autograd.grad(torch.ones(1).sum(), torch.tensor([1]))


def _grad_list_outputs():
    p = leaf(1.0)
    return torch.autograd.grad([p * 2, p * 3], p)


def _grad_output_none_grad():
    p = leaf(1.0)
    return torch.autograd.grad(p * 2, p, grad_outputs=None)


def _grad_not_tensor_output():
    p = leaf(1.0)
    return torch.autograd.grad(2.0, p)


def _grad_second_no_create():
    p = leaf(2.0)
    (g,) = torch.autograd.grad(p**3, p)
    return torch.autograd.grad(g, p)


raises("autograd_grad_empty_inputs", lambda: torch.autograd.grad(leaf(1.0) * 2, []))
raises("autograd_grad_unused_allow", _grad_unused_allow)
raises("autograd_grad_unused_materialize", _grad_unused_materialize)
raises("autograd_grad_nonscalar", _grad_nonscalar_outputs)
raises("autograd_grad_outputs_shape", _grad_outputs_shape)
raises("autograd_grad_outputs_ok", _grad_outputs_ok)
raises("autograd_grad_twice", _grad_twice)
raises("autograd_grad_no_accumulate", _grad_no_acc)
raises("autograd_grad_nonleaf_input", _grad_nonleaf_input)
raises("autograd_grad_int_input", _grad_int_input)
raises("autograd_grad_list_outputs", _grad_list_outputs)
raises("autograd_grad_outputs_none", _grad_output_none_grad)
raises("autograd_grad_not_tensor_output", _grad_not_tensor_output)
raises("autograd_grad_second_no_create", _grad_second_no_create)


# --- hooks
def _hook_wrong_shape():
    x = leaf(1.0, 2.0)
    x.register_hook(lambda g: torch.ones(3))
    (x * 2).sum().backward()


def _hook_non_tensor():
    x = leaf(1.0, 2.0)
    x.register_hook(lambda g: 5)
    (x * 2).sum().backward()


def _hook_list():
    x = leaf(1.0, 2.0)
    x.register_hook(lambda g: [1.0, 2.0])
    (x * 2).sum().backward()


def _hook_dtype():
    x = leaf(1.0, 2.0)
    x.register_hook(lambda g: g.double())
    (x * 2).sum().backward()
    return x.grad


def _hook_nonleaf_wrong_shape():
    x = leaf(1.0, 2.0)
    h = x * 2
    h.register_hook(lambda g: torch.ones(1, 2))
    h.sum().backward()


def _hook_nonleaf_non_tensor():
    x = leaf(1.0, 2.0)
    h = x * 2
    h.register_hook(lambda g: "a")
    h.sum().backward()


def _hook_raises():
    x = leaf(1.0)
    x.register_hook(lambda g: 1 / 0)
    (x * 2).backward()


def _hook_scale():
    x = leaf(1.0, 2.0)
    x.register_hook(lambda g: g * 10)
    (x * 2).sum().backward()
    return x.grad


def _hook_inplace_grad():
    x = leaf(1.0, 2.0)
    h = x * 2
    h.register_hook(lambda g: g.add_(1))
    h.sum().backward()
    return x.grad


def _hook_remove_twice():
    x = leaf(1.0)
    hd = x.register_hook(lambda g: g * 2)
    hd.remove()
    hd.remove()
    (x * 3).backward()
    return x.grad


raises("hook_no_rg", lambda: torch.ones(2).register_hook(lambda g: g))
raises("hook_not_callable", lambda: leaf(1.0).register_hook(5) is not None)
raises("hook_wrong_shape", _hook_wrong_shape)
raises("hook_non_tensor", _hook_non_tensor)
raises("hook_list", _hook_list)
raises("hook_dtype", _hook_dtype)
raises("hook_nonleaf_wrong_shape", _hook_nonleaf_wrong_shape)
raises("hook_nonleaf_non_tensor", _hook_nonleaf_non_tensor)
raises("hook_raises", _hook_raises)
raises("hook_scale", _hook_scale)
raises("hook_remove_twice", _hook_remove_twice)
raises("retain_grad_no_rg", lambda: torch.ones(2).retain_grad())
raises("retain_grad_leaf", lambda: (lambda x: (x.retain_grad(), x.retains_grad)[1])(leaf(1.0)))


# --- no_grad, detach, .data
def _no_grad_backward():
    x = leaf(1.0)
    with torch.no_grad():
        y = x * 2
    y.backward()


def _no_grad_inplace_leaf():
    x = leaf(1.0, 2.0)
    with torch.no_grad():
        x.mul_(2)
    return x, x.grad_fn


def _no_grad_then_use():
    x = leaf(1.0, 2.0)
    with torch.no_grad():
        x -= 0.5 * torch.ones(2)
    (x * x).sum().backward()
    return x.grad


def _no_grad_nonleaf_inplace():
    x = leaf(1.0, 2.0)
    h = x * 2
    with torch.no_grad():
        h.add_(1)
    h.sum().backward()
    return x.grad


def _detach_inplace_saved():
    x = leaf(1.0, 2.0)
    y = x.exp()
    y.detach().zero_()
    y.sum().backward()


def _data_inplace_saved():
    x = leaf(1.0, 2.0)
    y = x.exp()
    y.data.zero_()
    y.sum().backward()
    return x.grad


def _data_assign_leaf():
    x = leaf(1.0, 2.0)
    x.data = x.data * 2
    (x * x).sum().backward()
    return x.grad


def _data_sub_leaf():
    x = leaf(1.0, 2.0)
    (x * x).sum().backward()
    x.data -= 0.1 * x.grad
    return x, x.grad


def _detach_requires_grad():
    x = leaf(1.0)
    d = x.detach()
    d.requires_grad_()
    (d * 2).backward()
    return d.grad, x.grad


def _detach_shares():
    x = leaf(1.0, 2.0)
    d = x.detach()
    d[0] = 10.0
    return x


def _detach_then_grad_fn():
    x = leaf(1.0)
    return (x * 2).detach().grad_fn


def _enable_grad_inside_no_grad():
    x = leaf(1.0)
    with torch.no_grad(), torch.enable_grad():
        y = x * 2
    return y.requires_grad


def _set_grad_enabled_bad():
    return torch.set_grad_enabled("no")


def _no_grad_decorator():
    @torch.no_grad()
    def f(x):
        return x * 2

    return f(leaf(1.0)).requires_grad


raises("no_grad_backward", _no_grad_backward)
raises("no_grad_inplace_leaf", _no_grad_inplace_leaf)
raises("no_grad_then_use", _no_grad_then_use)
raises("no_grad_nonleaf_inplace", _no_grad_nonleaf_inplace)
raises("detach_inplace_saved", _detach_inplace_saved)
raises("data_inplace_saved", _data_inplace_saved)
raises("data_assign_leaf", _data_assign_leaf)
raises("data_sub_leaf", _data_sub_leaf)
raises("detach_requires_grad", _detach_requires_grad)
raises("detach_shares", _detach_shares)
raises("detach_grad_fn", _detach_then_grad_fn)
raises("enable_grad_inside_no_grad", _enable_grad_inside_no_grad)
raises("set_grad_enabled_str", _set_grad_enabled_bad)
raises("no_grad_decorator", _no_grad_decorator)
raises(
    "detach__nonleaf_view",
    lambda: (leaf(1.0, 2.0) * 2)[0:1].detach_(),
    key="Can't detach views in-place. Use detach() instead.",
)


# --- in-place on leaves, views, saved tensors
def _leaf_setitem():
    x = leaf(1.0, 2.0)
    x[0] = 5.0


def _leaf_iadd():
    x = leaf(1.0, 2.0)
    x += 1


def _leaf_view_inplace():
    x = leaf(1.0, 2.0)
    x[0:1].mul_(2)


def _leaf_zero():
    x = leaf(1.0, 2.0)
    x.zero_()


def _leaf_fill():
    x = leaf(1.0, 2.0)
    x.fill_(0)


def _leaf_copy():
    x = leaf(1.0, 2.0)
    x.copy_(torch.ones(2))


def _nonleaf_inplace_ok():
    x = leaf(1.0, 2.0)
    h = x * 2
    h += 1
    h.sum().backward()
    return h.grad_fn, x.grad


def _saved_sigmoid_modified():
    x = leaf(1.0, 2.0)
    y = x.sigmoid()
    y.mul_(2)
    y.sum().backward()


def _saved_input_modified():
    x = leaf(1.0, 2.0)
    h = x * 1
    y = h * h
    h.add_(1)
    y.sum().backward()


def _saved_view_modified():
    x = leaf(1.0, 2.0, 3.0)
    h = x * 1
    y = h.pow(2)
    h[0] = 0.0
    y.sum().backward()


def _base_modified_via_view():
    x = leaf(1.0, 2.0, 3.0)
    h = x.exp()
    v = h[1:]
    v.mul_(2)
    h.sum().backward()


def _view_of_leaf_inplace_no_grad():
    x = leaf(1.0, 2.0)
    with torch.no_grad():
        x[0] = 7.0
    return x


def _relu_inplace_saved():
    x = leaf(-1.0, 2.0)
    h = x * 1
    y = h.relu()
    y.add_(1)
    y.sum().backward()
    return x.grad


def _inplace_on_expanded_nonleaf():
    x = leaf(1.0)
    y = x.expand(3)
    y.add_(1)


def _version_counter():
    x = leaf(1.0)
    h = x * 1
    v0 = h._version
    h.add_(1)
    h.mul_(2)
    return v0, h._version


raises("leaf_setitem", _leaf_setitem)
raises("leaf_iadd", _leaf_iadd)
raises("leaf_view_inplace", _leaf_view_inplace)
raises("leaf_zero", _leaf_zero)
raises("leaf_fill", _leaf_fill)
raises("leaf_copy", _leaf_copy)
raises("nonleaf_inplace_ok", _nonleaf_inplace_ok)
raises("saved_sigmoid_modified", _saved_sigmoid_modified)
raises("saved_input_modified", _saved_input_modified)
raises("saved_view_modified", _saved_view_modified)
raises("base_modified_via_view", _base_modified_via_view)
raises("view_of_leaf_no_grad", _view_of_leaf_inplace_no_grad)
raises("relu_inplace_saved", _relu_inplace_saved)
raises("inplace_expanded_nonleaf", _inplace_on_expanded_nonleaf)
raises("version_counter", _version_counter)
raises("grad_of_int_tensor", lambda: torch.tensor([1, 2]).grad)
raises("grad_of_nonleaf_warns", lambda: (leaf(1.0) * 2).grad)
raises("grad_zero_none", lambda: leaf(1.0).grad.zero_())
raises("grad_fn_of_leaf", lambda: leaf(1.0).grad_fn)
raises("requires_grad_of_float_op_int", lambda: (leaf(1.0) > 0).requires_grad)
raises("int_times_rg", lambda: (torch.tensor([2]) * leaf(1.5)).requires_grad)

# --- nn modules and losses
lin = nn.Linear(3, 2)
raises("linear_1d_input_ok", lambda: lin(torch.ones(3)).shape)
raises("linear_1d_input_bad", lambda: lin(torch.ones(4)))
raises("linear_3d_input_ok", lambda: lin(torch.ones(5, 4, 3)).shape)
raises("linear_0d_input", lambda: lin(torch.tensor(1.0)))
raises("linear_float64_input", lambda: lin(torch.ones(2, 3, dtype=torch.float64)))
raises("linear_ndarray", lambda: lin(__import__("numpy").ones((2, 3))))
raises("linear_float_features", lambda: nn.Linear(2.5, 3))
raises("linear_neg_features", lambda: nn.Linear(-1, 3))
raises("linear_zero_features", lambda: nn.Linear(0, 3).weight.shape)
raises("linear_str_bias", lambda: nn.Linear(2, 3, bias="no").bias is None)
raises("linear_no_args", lambda: nn.Linear())
raises("sequential_list", lambda: nn.Sequential([nn.Linear(2, 2)]))
raises("sequential_non_module", lambda: nn.Sequential(lambda x: x), key="is not a Module subclass")
raises(
    "sequential_bad_chain",
    lambda: nn.Sequential(nn.Linear(2, 3), nn.Linear(4, 1))(torch.ones(1, 2)),
)
raises("sequential_index_oob", lambda: nn.Sequential(nn.Linear(2, 3))[1])
raises("module_forward_missing", lambda: nn.Module()(torch.ones(1)))
raises("module_unknown_attr", lambda: nn.Linear(2, 2).foo)
raises(
    "module_setattr_param_tensor",
    lambda: setattr(nn.Linear(2, 2), "weight", torch.ones(2, 2)),
    key="as parameter 'weight' (torch.nn.Parameter or None expected)",
)
raises("parameter_of_list", lambda: nn.Parameter([1.0, 2.0]))
raises("parameter_rg_false", lambda: nn.Parameter(torch.ones(2), requires_grad=False).requires_grad)
raises("parameter_repr", lambda: repr(nn.Parameter(torch.tensor([1.0, 2.0]))))
raises("load_state_dict_missing", lambda: nn.Linear(2, 2).load_state_dict({}))
raises(
    "load_state_dict_shape",
    lambda: nn.Linear(2, 2).load_state_dict({"weight": torch.ones(3, 2), "bias": torch.ones(2)}),
)
raises("relu_module_args", lambda: nn.ReLU()(torch.ones(2), torch.ones(2)))
raises("sigmoid_module_list", lambda: nn.Sigmoid()([1.0]))
raises("mse_shape_bcast", lambda: F.mse_loss(torch.ones(3), torch.ones(2, 3)))
raises("mse_shape_1_vs_n", lambda: F.mse_loss(torch.ones(3, 1), torch.ones(3)))
raises("mse_bad_reduction", lambda: F.mse_loss(torch.ones(2), torch.ones(2), reduction="avg"))
raises("mse_reduction_none", lambda: F.mse_loss(torch.ones(2), torch.zeros(2), reduction="none"))
raises("mse_target_rg", lambda: F.mse_loss(torch.ones(2), leaf(1.0, 2.0)).requires_grad)
raises("mse_dtype_mix", lambda: F.mse_loss(torch.ones(2), torch.ones(2, dtype=torch.float64)))
raises("mse_module_args", lambda: nn.MSELoss()(torch.ones(2)))
raises("ce_target_float_class", lambda: F.cross_entropy(torch.ones(2, 3), torch.tensor([0.0, 1.0])))
raises(
    "ce_target_int32",
    lambda: F.cross_entropy(torch.ones(2, 3), torch.tensor([0, 1], dtype=torch.int32)),
)
raises("ce_target_oob", lambda: F.cross_entropy(torch.ones(2, 3), torch.tensor([0, 3])))
raises("ce_target_neg", lambda: F.cross_entropy(torch.ones(2, 3), torch.tensor([0, -1])))
raises("ce_target_shape", lambda: F.cross_entropy(torch.ones(2, 3), torch.tensor([0, 1, 2])))
raises("ce_target_2d", lambda: F.cross_entropy(torch.ones(2, 3), torch.tensor([[0], [1]])))
raises("ce_target_0d", lambda: F.cross_entropy(torch.ones(3), torch.tensor(1)))
raises("ce_target_1d_input_1d", lambda: F.cross_entropy(torch.ones(3), torch.tensor([1])))
raises("ce_probs_target_shape", lambda: F.cross_entropy(torch.zeros(2, 3), torch.ones(2, 4)))
raises("ce_int_input", lambda: F.cross_entropy(torch.tensor([[1, 2]]), torch.tensor([0])))
raises(
    "ce_ignore_index",
    lambda: F.cross_entropy(torch.tensor([[1.0, 2.0], [0.0, 1.0]]), torch.tensor([0, -100])),
)
raises("ce_all_ignored", lambda: F.cross_entropy(torch.ones(2, 3), torch.tensor([-100, -100])))
raises(
    "ce_empty_batch", lambda: F.cross_entropy(torch.ones(0, 3), torch.tensor([], dtype=torch.int64))
)
raises(
    "ce_bad_reduction",
    lambda: F.cross_entropy(torch.ones(2, 3), torch.tensor([0, 1]), reduction="avg"),
)
raises("nll_ints", lambda: F.nll_loss(torch.tensor([[1, 2]]), torch.tensor([0])))
raises("nll_target_float", lambda: F.nll_loss(torch.ones(2, 3), torch.tensor([0.0, 1.0])))
raises("nll_target_oob", lambda: F.nll_loss(torch.ones(2, 3), torch.tensor([0, 5])))
raises("nll_shape", lambda: F.nll_loss(torch.ones(2, 3), torch.tensor([0])))
raises(
    "nll_ok", lambda: F.nll_loss(torch.tensor([[-1.0, -2.0], [-0.5, -3.0]]), torch.tensor([1, 0]))
)
raises("bce_out_of_range", lambda: F.binary_cross_entropy(torch.tensor([1.5]), torch.tensor([1.0])))
raises("bce_shape", lambda: F.binary_cross_entropy(torch.tensor([0.5, 0.5]), torch.tensor([1.0])))
raises("bce_int_target", lambda: F.binary_cross_entropy(torch.tensor([0.5]), torch.tensor([1])))
raises(
    "bce_zero_input",
    lambda: F.binary_cross_entropy(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 0.0])),
)
raises("bce_logits_shape", lambda: F.binary_cross_entropy_with_logits(torch.ones(2), torch.ones(3)))
raises(
    "bce_logits_int_target",
    lambda: F.binary_cross_entropy_with_logits(torch.ones(2), torch.tensor([1, 0])),
)
raises("softmax_module_nodim", lambda: nn.Softmax()(torch.ones(2, 3)).shape)
raises("log_softmax_fn_nodim", lambda: F.log_softmax(torch.ones(2, 3)).shape)
raises("embedding_oob", lambda: nn.Embedding(3, 2)(torch.tensor([3])))
raises("embedding_float_idx", lambda: nn.Embedding(3, 2)(torch.tensor([1.0])))
raises("embedding_neg", lambda: nn.Embedding(3, 2)(torch.tensor([-1])))
raises("dropout_p_bad", lambda: nn.Dropout(p=1.5))
raises("dropout_fn_p_bad", lambda: F.dropout(torch.ones(2), p=-0.1))
raises("dropout_eval_identity", lambda: nn.Dropout(0.5).eval()(torch.ones(3)))
raises("batchnorm_wrong_features", lambda: nn.BatchNorm1d(3)(torch.ones(4, 2)))
raises("batchnorm_one_sample", lambda: nn.BatchNorm1d(3)(torch.ones(1, 3)))
raises("flatten_module_0d", lambda: nn.Flatten()(torch.tensor(1.0)))
raises("tanh_module_int", lambda: nn.Tanh()(torch.tensor([1])))
raises("relu_fn_inplace_leaf", lambda: F.relu(leaf(1.0, -1.0), inplace=True))


# --- optimizers
def _params():
    return [leaf(1.0, 2.0)]


raises("sgd_empty", lambda: optim.SGD([], lr=0.1))
raises("sgd_neg_lr", lambda: optim.SGD(_params(), lr=-0.1))
raises("sgd_neg_momentum", lambda: optim.SGD(_params(), lr=0.1, momentum=-1))
raises("sgd_neg_wd", lambda: optim.SGD(_params(), lr=0.1, weight_decay=-1))
raises("sgd_nesterov_no_momentum", lambda: optim.SGD(_params(), lr=0.1, nesterov=True))
raises("sgd_tensor_lr", lambda: type(optim.SGD(_params(), lr=torch.tensor(0.1))).__name__)
raises("sgd_str_lr", lambda: optim.SGD(_params(), lr="0.1"))
raises("sgd_no_lr", lambda: optim.SGD(_params()).param_groups[0]["lr"])
raises("sgd_single_tensor", lambda: optim.SGD(leaf(1.0, 2.0), lr=0.1))
raises(
    "sgd_generator_ok", lambda: len(optim.SGD(iter(_params()), lr=0.1).param_groups[0]["params"])
)
raises("sgd_nonleaf_param", lambda: optim.SGD([leaf(1.0) * 2], lr=0.1))
raises(
    "sgd_non_rg_param", lambda: len(optim.SGD([torch.ones(2)], lr=0.1).param_groups[0]["params"])
)
raises("sgd_list_of_lists", lambda: optim.SGD([[leaf(1.0)]], lr=0.1))
raises("sgd_dup_params", lambda: len(optim.SGD([leaf(1.0)] * 2, lr=0.1).param_groups[0]["params"]))
raises(
    "sgd_int_param", lambda: len(optim.SGD([torch.tensor([1])], lr=0.1).param_groups[0]["params"])
)
raises("adam_neg_lr", lambda: optim.Adam(_params(), lr=-1))
raises("adam_bad_beta", lambda: optim.Adam(_params(), betas=(1.0, 0.999)))
raises("adam_bad_beta2", lambda: optim.Adam(_params(), betas=(0.9, -0.1)))
raises("adam_neg_eps", lambda: optim.Adam(_params(), eps=-1e-8))
raises("adam_empty", lambda: optim.Adam([]))
raises("adam_neg_wd", lambda: optim.Adam(_params(), weight_decay=-0.1))


def _step_no_grad():
    p = leaf(1.0, 2.0)
    opt = optim.SGD([p], lr=0.1)
    opt.step()
    return p


def _step_tensor_lr():
    p = leaf(1.0, 2.0)
    opt = optim.SGD([p], lr=torch.tensor(0.5))
    (p * p).sum().backward()
    opt.step()
    return p


def _zero_grad_none():
    p = leaf(1.0, 2.0)
    opt = optim.SGD([p], lr=0.1)
    (p * p).sum().backward()
    opt.zero_grad()
    return p.grad


def _zero_grad_false():
    p = leaf(1.0, 2.0)
    opt = optim.SGD([p], lr=0.1)
    (p * p).sum().backward()
    opt.zero_grad(set_to_none=False)
    return p.grad


def _lr_change():
    p = leaf(1.0, 2.0)
    opt = optim.SGD([p], lr=0.1)
    opt.param_groups[0]["lr"] = 1.0
    (p * p).sum().backward()
    opt.step()
    return p


def _step_in_no_grad_ctx():
    p = leaf(1.0, 2.0)
    opt = optim.Adam([p], lr=0.1)
    (p * p).sum().backward()
    with torch.no_grad():
        opt.step()
    return p


def _adam_no_grad_step():
    p = leaf(1.0, 2.0)
    opt = optim.Adam([p], lr=0.1)
    opt.step()
    return p


def _sgd_closure():
    p = leaf(1.0, 2.0)
    opt = optim.SGD([p], lr=0.1)

    def closure():
        opt.zero_grad()
        loss = (p * p).sum()
        loss.backward()
        return loss

    return opt.step(closure), p


def _add_param_group_dup():
    p = leaf(1.0)
    opt = optim.SGD([p], lr=0.1)
    opt.add_param_group({"params": [p]})


raises("step_without_grad", _step_no_grad)
raises("step_tensor_lr", _step_tensor_lr)
raises("zero_grad_default_none", _zero_grad_none)
raises("zero_grad_set_to_none_false", _zero_grad_false)
raises("lr_change_group", _lr_change)
raises("step_in_no_grad", _step_in_no_grad_ctx)
raises("adam_step_no_grad", _adam_no_grad_step)
raises("sgd_closure", _sgd_closure)
raises("add_param_group_dup", _add_param_group_dup)
raises("optimizer_param_groups_dict_no_params", lambda: optim.SGD([{"lr": 0.1}], lr=0.1))
