# torch.tensor of lists holding numpy scalars, numpy arrays and tensors: the dtype PyTorch
# infers (each item's own dtype, combined by promote_types; a Python float is the default
# dtype) and the values. Seen in teaching code that collects per-batch numpy results in a
# list, then calls torch.tensor(list_of_arrays).
import warnings

import numpy as np

warnings.simplefilter("ignore")  # ("Creating a tensor from a list of numpy.ndarrays is slow")
cases = {
    "np_f64_and_float": [np.float64(1), 2.0],
    "np_f32_and_float": [np.float32(1), 2.0],
    "np_i32_and_int": [np.int32(1), 2],
    "np_f16_and_int": [np.float16(1), 2],
    "np_i8_and_float": [np.int8(1), 2.5],
    "arrays_f64_and_list": [np.ones(2), [1.0, 2.0]],
    "arrays_f32_and_list": [np.ones(2, dtype=np.float32), [1.0, 2.0]],
    "arrays_i32_and_list": [np.ones(2, dtype=np.int32), [1, 2]],
    "arrays_i8_u8": [np.ones(2, dtype=np.int8), np.ones(2, dtype=np.uint8)],
    "array_0d_in_list": [np.array(1.0), 2.0],
    "nested_arrays": [[np.ones(2)], [np.zeros(2)]],
    "tuple_of_arrays": (np.ones(2), np.ones(2)),
    "arrays_2d": [np.ones((2, 2)), np.zeros((2, 2))],
    "tensor_i32_and_int": [torch.tensor(1, dtype=torch.int32), 2],
    "tensor_f32_and_int": [torch.tensor(1.0), 2],
    "tensor_f64_and_float": [torch.tensor(1.0, dtype=torch.float64), 2.0],
    "tensor_bool_and_bool": [torch.tensor(True), False],
    "tensor_u8_and_np_i8": [torch.tensor(1, dtype=torch.uint8), np.int8(1)],
    "np_u8_and_int": [np.uint8(200), 1],
    "np_i64_and_float": [np.int64(2**40), 1.5],
    "nested_np_scalar": [[np.float64(1)], [2.0]],
    "ragged_arrays": [np.ones(3), np.ones(2)],
}
for name, data in cases.items():
    raises(name, lambda data=data: torch.tensor(data))
losses = [np.float64(0.5), np.float64(0.25)]  # (per-batch losses from .item() arithmetic)
check("mean_of_np_losses", torch.tensor(losses).mean())
