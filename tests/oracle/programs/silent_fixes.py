# Silent differences from PyTorch found while adapting teaching code (issue 13): grad_fn
# assignment, the result dtype of losses given a float32 input and a float64 target (and the
# other way round), a list holding a list as an index, numpy arrays as operands

x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
z = x * 2
raises("grad_fn_set_none", lambda: setattr(z, "grad_fn", None))
raises("grad_fn_set_int", lambda: setattr(z, "grad_fn", 1))
raises("grad_fn_set_node", lambda: setattr(z, "grad_fn", (x * 3).grad_fn))
raises("grad_fn_set_leaf", lambda: setattr(x, "grad_fn", None))
raises("grad_fn_set_leaf_node", lambda: setattr(x, "grad_fn", z.grad_fn))
raises("grad_fn_set_param", lambda: setattr(nn.Parameter(torch.ones(2)), "grad_fn", None))
check("grad_fn_kept", z.grad_fn)
check("is_leaf_after", z.is_leaf)
raises("is_leaf_set", lambda: setattr(z, "is_leaf", True))
raises("shape_set", lambda: setattr(z, "shape", (3,)))
