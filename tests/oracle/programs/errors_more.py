# More errors users hit: bad Python input to functions, methods and creation ops
t = torch.tensor([1.0, 2.0])
raises("exp_str", lambda: torch.exp("a"))
raises("sigmoid_list", lambda: torch.sigmoid([1.0]))
raises("relu_none", lambda: torch.relu(None))
raises("maximum_float", lambda: torch.maximum(t, 1.0))
raises("maximum_first_float", lambda: torch.maximum(1.0, t))
raises("sum_str", lambda: torch.sum("a"))
raises("view_str", lambda: t.view("a"))
raises("getitem_str", lambda: t["a"])
raises("mul__str", lambda: t.clone().mul_("a"))
raises("zeros_neg", lambda: torch.zeros(-1))
raises("arange_str", lambda: torch.arange("a"))
raises("tensor_dtype_str", lambda: torch.tensor([1.0], dtype="float32"))
a = torch.tensor([True, False])
b = torch.tensor([False, False])
raises("bool_sub", lambda: a - b)


def _set_str():
    u = torch.zeros(2)
    u[0] = "a"


def _set_shape():
    u = torch.zeros(2)
    u[:] = torch.ones(3)


raises("setitem_str", _set_str)
raises("setitem_shape", _set_shape)
w = torch.tensor([1.0, 2.0], requires_grad=True)
raises("backward_str", lambda: (w * 2).sum().backward("a"))
lin = nn.Linear(3, 2)
raises("linear_list", lambda: lin([1.0, 2.0, 3.0]))
raises("mse_list", lambda: F.mse_loss(t, [1.0]))
raises("where_float_cond", lambda: torch.where(torch.tensor([1.0, 0.0]), t, t))
raises("mse_int", lambda: F.mse_loss(torch.tensor([1, 2]), torch.tensor([1, 3])))
# neighbours of the cases above
raises("add__str", lambda: t.clone().add_("a"))
raises("mul__none", lambda: t.clone().mul_(None))
raises("pow__str", lambda: t.clone().pow_("a"))
raises("method_mul_str", lambda: t.mul("a"))
raises("torch_mul_str", lambda: torch.mul(t, "a"))
raises("torch_add_str_first", lambda: torch.add("a", t))
raises("torch_sub_str_first", lambda: torch.sub("a", t))
raises("exp_float", lambda: torch.exp(1.0))
raises("minimum_list_first", lambda: torch.minimum([1.0], t))
raises("method_maximum_float", lambda: t.maximum(1.0))
raises("mean_list", lambda: torch.mean([1.0]))
raises("max_str", lambda: torch.max("a"))
raises("mm_list", lambda: torch.mm(torch.ones(1, 2), [1.0]))
raises("view_none", lambda: t.view(None))
raises("view_str_int", lambda: t.view("a", 1))
raises("view_int_float", lambda: t.view(2, 1.0))
raises("view_list_str", lambda: t.view(["a", 1]))
raises("reshape_float", lambda: t.reshape(2.0))
raises("getitem_list_str", lambda: t[["a"]])
raises("getitem_float", lambda: t[1.5])


def _set(value, key=0, shape=(2,)):
    u = torch.zeros(*shape)
    u[key] = value


raises("setitem_list", lambda: _set([1.0, 2.0]))
raises("setitem_none", lambda: _set(None))
raises("setitem_shape_2d", lambda: _set(torch.ones(2, 2), slice(None), (2, 3)))
raises("setitem_more_dims", lambda: _set(torch.ones(2, 2), slice(None)))
check(
    "setitem_leading_one",
    (lambda u: (u.__setitem__(slice(None), torch.ones(1, 2)), u)[1])(torch.zeros(2)),
)
raises("zeros_neg_2d", lambda: torch.zeros((2, -1)))
raises("ones_neg", lambda: torch.ones(-1))
raises("arange_none", lambda: torch.arange(None))
raises("arange_two_str", lambda: torch.arange(0, "a"))
raises("tensor_dtype_int", lambda: torch.tensor([1.0], dtype=3))
raises("zeros_dtype_str", lambda: torch.zeros(2, dtype="float32"))
raises("bool_sub_scalar", lambda: a - True)
raises("bool_rsub_scalar", lambda: True - a)
raises("bool_sub_method", lambda: a.sub(b))
raises("backward_list_of_floats", lambda: (w * 2).backward([1.0, 1.0]))
raises("linear_weight_list", lambda: F.linear(t, [[1.0, 2.0]]))
raises("mse_input_list", lambda: F.mse_loss([1.0], t))
raises("mse_none", lambda: F.mse_loss(t, None))
raises(
    "mse_int_sum", lambda: F.mse_loss(torch.tensor([1, 2]), torch.tensor([1, 3]), reduction="sum")
)
raises("mse_bool", lambda: F.mse_loss(torch.tensor([True]), torch.tensor([False])))
raises("mse_module_list", lambda: nn.MSELoss()(t, [1.0]))
raises("where_int_cond", lambda: torch.where(torch.tensor([1, 0]), t, t))
raises("where_list_cond", lambda: torch.where([True, False], t, t))
raises("where_str_input", lambda: torch.where(a, "a", t))
raises("where_none_other", lambda: torch.where(a, t, None))
raises("where_two_args", lambda: torch.where(a, t))
raises("where_str", lambda: torch.where("a"))
check("where_uint8_cond", torch.where(torch.tensor([1, 0], dtype=torch.uint8), t, t + 1))
check("where_scalar", torch.where(a, 1.0, t))
raises("F_sigmoid_list", lambda: F.sigmoid([1.0]))
raises("F_relu_list", lambda: F.relu([1.0]))
raises("sigmoid_module_list", lambda: nn.Sigmoid()([1.0]))
