# Dtypes teaching code names without making tensors of them: nanoGPT's train.py picks its
# dtype from a dict that names torch.bfloat16; type checks compare against complex dtypes.
# Only names and attributes here (autograd_viz has no bfloat16/complex tensors: asking for
# one raises NotImplementedError, tests/engine/test_unheld_dtypes.py).
names = ["bfloat16", "complex32", "complex64", "complex128", "chalf", "cfloat", "cdouble"]
check("reprs", [repr(getattr(torch, n)) for n in names])
check("str", [str(getattr(torch, n)) for n in names])
check("type", str(type(torch.bfloat16)))
check("floating", [getattr(torch, n).is_floating_point for n in names])
check("complex", [getattr(torch, n).is_complex for n in names])
check("itemsize", [getattr(torch, n).itemsize for n in names])
check("held complex", [torch.float32.is_complex, torch.int64.is_complex, torch.float16.is_complex])
check("aliases", (torch.cfloat is torch.complex64, torch.cdouble is torch.complex128))
check("eq", (torch.bfloat16 == torch.float16, torch.bfloat16 == torch.bfloat16))
dtype = "float16"  # (nanoGPT: 'bfloat16' only when CUDA supports it)
ptdtype = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}[dtype]
check("nanogpt ptdtype", ptdtype)
check("in set", torch.float32 in {torch.bfloat16, torch.float16, torch.float32})
check("autocast dtype cpu", torch.get_autocast_dtype("cpu"))
