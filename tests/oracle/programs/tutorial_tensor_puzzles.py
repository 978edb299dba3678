# Sasha Rush, "Tensor Puzzles" (github.com/srush/Tensor-Puzzles): reimplement 21 NumPy/PyTorch
# functions using only `arange`, `where`, broadcasting, indexing and `@`, each checked against its
# loop-based spec on seeded random inputs (the notebook's `test_*` with hypothesis is replaced by a
# fixed-seed random.Random; torchtyping annotations dropped). Integer and bool tensors throughout:
# bool * int, ~mask, where written as q * a + ~q * b, int64 matmul, fancy indexing with tensors.
import random


def arange(i: int):
    "Use this function to replace a for-loop."
    return torch.tensor(range(i))


def where(q, a, b):
    "Use this function to replace an if-statement."
    return (q * a) + (~q) * b


print(arange(5))
print(where(arange(5) > 2, arange(5), arange(5) * 10))


def ones_spec(out):
    for i in range(len(out)):
        out[i] = 1


def ones(i: int):
    return where(arange(i) >= 0, 1, 0)


def sum_spec(a, out):
    out[0] = 0
    for i in range(len(a)):
        out[0] += a[i]


def sum(a):
    return ones(a.shape[0]) @ a[:, None]


def outer_spec(a, b, out):
    for i in range(len(out)):
        for j in range(len(out[0])):
            out[i][j] = a[i] * b[j]


def outer(a, b):
    return a[:, None] * b[None, :]


def diag_spec(a, out):
    for i in range(len(a)):
        out[i] = a[i][i]


def diag(a):
    return a[arange(a.shape[0]), arange(a.shape[0])]


def eye_spec(out):
    for i in range(len(out)):
        out[i][i] = 1


def eye(j: int):
    return where(arange(j)[:, None] == arange(j), 1, 0)


def triu_spec(out):
    for i in range(len(out)):
        for j in range(len(out)):
            if i <= j:
                out[i][j] = 1
            else:
                out[i][j] = 0


def triu(j: int):
    return where(arange(j)[:, None] <= arange(j), 1, 0)


def cumsum_spec(a, out):
    total = 0
    for i in range(len(out)):
        out[i] = total + a[i]
        total += a[i]


def cumsum(a):
    return a @ triu(a.shape[0])


def diff_spec(a, out):
    out[0] = a[0]
    for i in range(1, len(out)):
        out[i] = a[i] - a[i - 1]


def diff(a, i: int):
    return a - where(arange(i) > 0, a[arange(i) - 1], 0)


def vstack_spec(a, b, out):
    for i in range(len(out[0])):
        out[0][i] = a[i]
        out[1][i] = b[i]


def vstack(a, b):
    return where(arange(2)[:, None] == 0, a, b)


def roll_spec(a, out):
    for i in range(len(out)):
        if i + 1 < len(out):
            out[i] = a[i + 1]
        else:
            out[i] = a[i + 1 - len(out)]


def roll(a, i: int):
    return a[(arange(i) + 1) % i]


def flip_spec(a, out):
    for i in range(len(out)):
        out[i] = a[len(out) - i - 1]


def flip(a, i: int):
    return a[i - arange(i) - 1]


def compress_spec(g, v, out):
    j = 0
    for i in range(len(g)):
        if g[i]:
            out[j] = v[i]
            j += 1


def compress(g, v, i: int):
    return v @ where(g[:, None], arange(i) == (cumsum(1 * g) - 1)[:, None], 0)


def pad_to_spec(a, out):
    for i in range(min(len(out), len(a))):
        out[i] = a[i]


def pad_to(a, i: int, j: int):
    return a @ (1 * (arange(i)[:, None] == arange(j)))


def sequence_mask_spec(values, length, out):
    for i in range(len(out)):
        for j in range(len(out[0])):
            if j < length[i]:
                out[i][j] = values[i][j]
            else:
                out[i][j] = 0


def sequence_mask(values, length):
    return where(length[:, None] > arange(values.shape[1]), values, 0)


def bincount_spec(a, out):
    for i in range(len(a)):
        out[a[i]] += 1


def bincount(a, j: int):
    return ones(a.shape[0]) @ eye(j)[a]


def scatter_add_spec(values, link, out):
    for j in range(len(values)):
        out[link[j]] += values[j]


def scatter_add(values, link, j: int):
    return values @ eye(j)[link]


def flatten_spec(a, out):
    k = 0
    for i in range(len(a)):
        for j in range(len(a[0])):
            out[k] = a[i][j]
            k += 1


def flatten(a, i: int, j: int):
    return a[arange(i * j) // j, arange(i * j) % j]


def linspace_spec(i, j, out):
    for k in range(len(out)):
        out[k] = float(i + (j - i) * k / max(1, len(out) - 1))


def linspace(i, j, n: int):
    return i + (j - i) * arange(n) / max(1, n - 1)


def heaviside_spec(a, b, out):
    for k in range(len(out)):
        if a[k] == 0:
            out[k] = b[k]
        else:
            out[k] = int(a[k] > 0)


def heaviside(a, b):
    return where(a == 0, b, a > 0)


def repeat_spec(a, d, out):
    for i in range(d[0]):
        for k in range(len(a)):
            out[i][k] = a[k]


def repeat(a, d):
    return ones(d)[:, None] @ a[None]


def bucketize_spec(v, boundaries, out):
    for i, val in enumerate(v):
        out[i] = 0
        for j in range(len(boundaries)):
            if val >= boundaries[j]:
                out[i] = j + 1


def bucketize(v, boundaries):
    return (1 * (v[:, None] >= boundaries)) @ ones(boundaries.shape[0])


rng = random.Random(0)


def ints(n, lo=-5, hi=5):
    return torch.tensor([rng.randint(lo, hi) for _ in range(n)])


results = {}


def run_test(name, problem, spec, make_args, out_shape, out_dtype=torch.int64, solution_args=()):
    oks = []
    for trial in range(4):
        args = make_args()
        out = torch.zeros(out_shape(*args), dtype=out_dtype)
        spec(*args, out)
        got = problem(*args, *[f(*args) for f in solution_args])
        oks.append(bool((out == got).all()))
        if trial == 0:
            check(f"{name}_out", got)
            print(
                name,
                tuple(got.shape),
                got.dtype,
                got.tolist() if got.dim() < 2 else got[0].tolist(),
            )
    results[name] = oks


run_test(
    "ones",
    lambda i: ones(i),
    lambda i, out: ones_spec(out),
    lambda: (rng.randint(1, 6),),
    lambda i: (i,),
)
run_test("sum", sum, sum_spec, lambda: (ints(rng.randint(1, 6)),), lambda a: (1,))
run_test("outer", outer, outer_spec, lambda: (ints(3), ints(4)), lambda a, b: (3, 4))
run_test("diag", diag, diag_spec, lambda: (ints(9).view(3, 3),), lambda a: (3,))
run_test(
    "eye",
    lambda j: eye(j),
    lambda j, out: eye_spec(out),
    lambda: (rng.randint(1, 5),),
    lambda j: (j, j),
)
run_test(
    "triu",
    lambda j: triu(j),
    lambda j, out: triu_spec(out),
    lambda: (rng.randint(1, 5),),
    lambda j: (j, j),
)
run_test("cumsum", cumsum, cumsum_spec, lambda: (ints(rng.randint(1, 6)),), lambda a: (a.shape[0],))
run_test(
    "diff",
    lambda a: diff(a, a.shape[0]),
    diff_spec,
    lambda: (ints(rng.randint(1, 6)),),
    lambda a: (a.shape[0],),
)
run_test("vstack", vstack, vstack_spec, lambda: (ints(4), ints(4)), lambda a, b: (2, 4))
run_test(
    "roll",
    lambda a: roll(a, a.shape[0]),
    roll_spec,
    lambda: (ints(rng.randint(1, 6)),),
    lambda a: (a.shape[0],),
)
run_test(
    "flip",
    lambda a: flip(a, a.shape[0]),
    flip_spec,
    lambda: (ints(rng.randint(1, 6)),),
    lambda a: (a.shape[0],),
)
run_test(
    "compress",
    lambda g, v: compress(g, v, v.shape[0]),
    compress_spec,
    lambda: (ints(5, 0, 1) == 1, ints(5)),
    lambda g, v: (v.shape[0],),
)
run_test(
    "pad_to",
    lambda a: pad_to(a, a.shape[0], 6),
    pad_to_spec,
    lambda: (ints(rng.randint(1, 8)),),
    lambda a: (6,),
)
run_test(
    "sequence_mask",
    sequence_mask,
    sequence_mask_spec,
    lambda: (ints(12).view(3, 4), ints(3, 0, 5)),
    lambda v, length: (3, 4),
)
run_test(
    "bincount", lambda a: bincount(a, 5), bincount_spec, lambda: (ints(7, 0, 4),), lambda a: (5,)
)
run_test(
    "scatter_add",
    lambda v, link: scatter_add(v, link, 4),
    scatter_add_spec,
    lambda: (ints(6), ints(6, 0, 3)),
    lambda v, link: (4,),
)
run_test(
    "flatten",
    lambda a: flatten(a, 3, 4),
    flatten_spec,
    lambda: (ints(12).view(3, 4),),
    lambda a: (12,),
)
run_test(
    "linspace",
    lambda i, j: linspace(i, j, 5),
    linspace_spec,
    lambda: (torch.tensor(float(rng.randint(-3, 3))), torch.tensor(float(rng.randint(4, 9)))),
    lambda i, j: (5,),
    torch.float32,
)
run_test(
    "heaviside",
    heaviside,
    heaviside_spec,
    lambda: (ints(6, -2, 2), ints(6, 0, 1)),
    lambda a, b: (6,),
)
run_test(
    "repeat", lambda a, d: repeat(a, d[0]), repeat_spec, lambda: (ints(4), [3]), lambda a, d: (3, 4)
)
run_test(
    "bucketize",
    bucketize,
    bucketize_spec,
    lambda: (ints(6, -6, 6), torch.tensor([-3, 0, 2, 5])),
    lambda v, b: (6,),
)
check("all_results", results)
print(sorted(k for k, v in results.items() if all(v)))

# what the puzzle rules forbid, and what PyTorch says about the tempting shortcuts
a = ints(5)
check("bool_mul_bool", (a > 0) * (a < 3))
check("bool_add_int", (a > 0) + 1)
check("bool_minus", raises("bool_minus", lambda: (a > 0) - (a < 3)))
check("neg_bool", raises("neg_bool", lambda: -(a > 0)))
check("invert_int", ~a)
check("int_true_div", a / 2)
check("int_floordiv_neg", a // -2)
check("int_mod_neg", a % -3)
check("matmul_int_float", raises("matmul_int_float", lambda: a @ torch.ones(5)))
check("bool_matmul", raises("bool_matmul", lambda: (a > 0) @ (a > 0)))
check("index_neg", a[arange(5) - 1])
check("index_oob", raises("index_oob", lambda: a[arange(6)]))
