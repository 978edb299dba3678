# torch.linalg: solve, solve_triangular, cholesky, qr, eigh/eigvalsh, svd, pinv, slogdet,
# lstsq, matrix_rank, and the legacy names 2.13 still has (torch.svd, torch.cholesky,
# torch.qr, torch.slogdet, torch.logdet, torch.pinverse): values, grad_fn names and output
# numbers, gradients (PyTorch's formulas), errors. Singular vectors and eigenvectors are
# defined up to sign: only sign-free quantities of them are compared.
L = torch.linalg
A = torch.tensor([[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]], dtype=torch.float64)
B = torch.tensor([[1.0, 2.0], [2.0, 0.0], [0.0, 1.0]], dtype=torch.float64)
b = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
R = torch.tensor([[1.0, 2.0], [3.0, 4.5], [0.5, -1.0]], dtype=torch.float64)
W = torch.tensor([[1.0, 2.0, 0.3], [3.0, 4.5, -1.0]], dtype=torch.float64)


def weights(t):
    return torch.arange(t.numel(), dtype=t.dtype).reshape(t.shape) / 7 + 0.3


def run(name, fn, *args, sign_free=()):
    ins = [a.clone().requires_grad_() for a in args]
    out = fn(*ins)
    outs = out if isinstance(out, tuple) else (out,)
    check(name + " type", type(out).__name__)
    total = 0
    for i, t in enumerate(outs):
        if t.grad_fn is not None:
            check(f"{name} out{i} node", (type(t.grad_fn).__name__, t.output_nr))
        if i in sign_free:
            t = t * t
        check(f"{name} out{i}", t.detach())
        if t.requires_grad and t.numel():
            total = total + (t * weights(t)).sum()
    if not isinstance(total, int):
        total.backward()
        for k, x in enumerate(ins):
            check(f"{name} grad{k}", x.grad)


run("solve", L.solve, A, B)
run("solve vec", L.solve, A, b)
run("solve batch", L.solve, torch.stack([A, A * 2]), torch.stack([B, B + 1]))
run("solve f32", L.solve, A.float(), B.float())
run("solve_triangular", lambda a, c: L.solve_triangular(a, c, upper=True), A, B)
run("solve_triangular left", lambda a, c: L.solve_triangular(a, c, upper=False, left=False), A, W)
run("cholesky", L.cholesky, A)
run("cholesky upper", lambda a: L.cholesky(a, upper=True), A)
run("cholesky f32", L.cholesky, A.float())
run("qr", L.qr, R)
run("qr wide", L.qr, W)
run("qr complete", lambda a: L.qr(a, mode="complete"), A)
run("eigh", L.eigh, A, sign_free=(1,))
run("eigvalsh", L.eigvalsh, A)
run("svd", lambda a: L.svd(a, full_matrices=False), R, sign_free=(0, 2))
run("svd square", L.svd, A, sign_free=(0, 2))
run("svdvals", L.svdvals, W)
run(
    "svd rebuild",
    lambda a: (lambda u, s, vh: u @ torch.diag(s) @ vh)(*L.svd(a, full_matrices=False)),
    R,
)
run("pinv", L.pinv, R)
run("pinv wide", L.pinv, W)
run("pinv square", L.pinv, A)
run("slogdet", L.slogdet, A)
run("slogdet neg", L.slogdet, -A)
run("logdet", torch.logdet, A)
run("lstsq", L.lstsq, R, B)
run("lstsq vec", L.lstsq, R, b)
run("lstsq gelsd", lambda a, c: L.lstsq(a, c, driver="gelsd"), R, B)
check("lstsq fields", (L.lstsq(R, B).rank, L.lstsq(R, B).residuals.shape))
check("matrix_rank", L.matrix_rank(R))
check("matrix_rank deficient", L.matrix_rank(torch.tensor([[1.0, 2.0], [2.0, 4.0]])))
check("matrix_rank atol", L.matrix_rank(R, atol=3.0))
check("matrix_rank batch", L.matrix_rank(torch.stack([A, torch.ones(3, 3)])))
run("torch.svd", torch.svd, R, sign_free=(0, 2))
run("torch.cholesky", torch.cholesky, A)
run("torch.qr", torch.qr, R)
run("torch.slogdet", torch.slogdet, A)
run("torch.pinverse", torch.pinverse, R)
run("solve_ex", L.solve_ex, A, B)
run("cholesky_ex", L.cholesky_ex, A)
print(L.qr(R))
print(L.slogdet(A))
x = torch.tensor([[2.0, 1.0], [1.0, 3.0]], requires_grad=True)
g = torch.autograd.grad(L.solve(x, torch.ones(2)).sum(), x, create_graph=True)[0]
check("solve double", torch.autograd.grad(g.pow(2).sum(), x)[0])
g = torch.autograd.grad(L.slogdet(x)[1], x, create_graph=True)[0]
check("slogdet double", torch.autograd.grad(g.pow(2).sum(), x)[0])
g = torch.autograd.grad(L.cholesky(x).sum(), x, create_graph=True)[0]
check("cholesky double", torch.autograd.grad(g.pow(2).sum(), x)[0])

raises("solve singular", lambda: L.solve(torch.ones(2, 2), torch.ones(2)))
raises("cholesky not pd", lambda: L.cholesky(torch.tensor([[1.0, 2.0], [2.0, 1.0]])))
raises("solve shapes", lambda: L.solve(torch.eye(3), torch.ones(2, 2)))
raises("solve dtypes", lambda: L.solve(torch.eye(2), torch.ones(2, 2, dtype=torch.float64)))
raises("qr mode", lambda: L.qr(R, mode="x"))
raises("cholesky rect", lambda: L.cholesky(R))
raises("svd 1d", lambda: L.svd(b))
raises(
    "solve int", lambda: L.solve(torch.eye(2, dtype=torch.int64), torch.ones(2, dtype=torch.int64))
)
raises("eigh rect", lambda: L.eigh(R))
raises("inv singular type", lambda: L.solve(torch.zeros(2, 2), torch.ones(2, 1)))
check("LinAlgError is RuntimeError", issubclass(L.LinAlgError, RuntimeError))

# Tensor methods, the legacy warnings, and the names PyTorch removed in 1.9 (old tutorials)
import warnings  # noqa: E402

Am = A.clone().requires_grad_()
check("method slogdet", Am.slogdet())
check("method logdet", Am.logdet())
check("method pinverse", Am.pinverse())
check("method svd S", Am.svd().S)
check("method cholesky", Am.cholesky())
check("method qr R", Am.qr().R.abs())
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    torch.cholesky(A)
    torch.qr(A)
check("legacy warnings once per process", [str(w.message) for w in ws])
raises("torch.solve", lambda: torch.solve(A, B))
raises("torch.lstsq", lambda: torch.lstsq(B, A))
raises("torch.symeig", lambda: torch.symeig(A))
raises("torch.eig", lambda: torch.eig(A))
raises("torch.matrix_rank", lambda: torch.matrix_rank(A))
raises("Tensor.solve", lambda: A.solve(B))
raises("Tensor.eig", lambda: A.eig())
