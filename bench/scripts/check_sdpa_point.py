#!/usr/bin/python3
"""Independent check of a solution point of an SDPA problem (no Isac code involved).

Usage: check_sdpa_point.py PROBLEM.dat-s SOLUTION

SOLUTION in CSDP's layout (what `isac-sdp --solution`, `csdp` and `dsdp5 -save` write): y on the
first line, then `1 block i j value` for Z and `2 block i j value` for X (upper triangles).
Prints, in CSDP's reading (max tr(F0 X) s.t. tr(Fi X) = ci; min c'y s.t. sum yi Fi - F0 = Z >= 0):
the dual objective c'y, the smallest eigenvalue of sum yi Fi - F0 per block (recomputed from y,
not taken from the file's Z), the primal objective tr(F0 X), ||A(X) - c||_2 / (1 + ||c||_inf) and
the smallest eigenvalue of X per block. A dual point whose matrix is PSD bounds the optimum of the
primal from above by c'y (weak duality), whatever solver produced it.
"""
import sys
from cvxopt import matrix, lapack


def tokens(path):
    with open(path) as f:
        for line in f:
            if line.startswith('"') or line.startswith('*'):
                continue
            for t in line.replace(',', ' ').replace('(', ' ').replace(')', ' ') \
                         .replace('{', ' ').replace('}', ' ').split():
                yield t


def read_sdpa(path):
    with open(path) as f:
        lines = [l for l in f if not (l.startswith('"') or l.startswith('*'))]
    m = int(lines[0].split()[0])
    nb = int(lines[1].split()[0])
    sizes = [int(float(s)) for s in lines[2].replace(',', ' ').replace('(', ' ').replace(')', ' ')
             .replace('{', ' ').replace('}', ' ').split()[:nb]]
    rest = ' '.join(lines[3:]).replace(',', ' ').replace('(', ' ').replace(')', ' ') \
        .replace('{', ' ').replace('}', ' ').split()
    c = [float(v) for v in rest[:m]]
    ent = rest[m:]
    F = [[dict() for _ in sizes] for _ in range(m + 1)]
    for k in range(0, len(ent) - 4, 5):
        mat, blk, i, j, v = int(ent[k]), int(ent[k + 1]), int(ent[k + 2]), int(ent[k + 3]), float(ent[k + 4])
        i, j = min(i, j), max(i, j)
        F[mat][blk - 1][(i - 1, j - 1)] = v
    return m, sizes, c, F


def dense(sizes, b, entries):
    n = abs(sizes[b])
    a = matrix(0.0, (n, n))
    for (i, j), v in entries.items():
        a[i, j] = v
        a[j, i] = v
    return a


def min_eig(a):
    w = matrix(0.0, (a.size[0], 1))
    lapack.syev(+a, w)
    return min(w)


def main():
    m, sizes, c, F = read_sdpa(sys.argv[1])
    with open(sys.argv[2]) as f:
        lines = f.read().split('\n')
    y = [float(t) for t in lines[0].split()]
    assert len(y) == m, f"{len(y)} y values for m = {m}"
    X = [dict() for _ in sizes]
    for line in lines[1:]:
        t = line.split()
        if len(t) == 5 and t[0] == '2':
            b, i, j = int(t[1]) - 1, int(t[2]) - 1, int(t[3]) - 1
            X[b][(min(i, j), max(i, j))] = float(t[4])
    dual = sum(ci * yi for ci, yi in zip(c, y))
    print(f"dual objective c'y = {dual:.10g}   max|y| = {max(abs(v) for v in y):.3g}")
    for b in range(len(sizes)):
        z = dense(sizes, b, {}) - dense(sizes, b, F[0][b])
        for i in range(m):
            if F[i + 1][b]:
                z += y[i] * dense(sizes, b, F[i + 1][b])
        lam = min_eig(z) if sizes[b] > 0 else min(z[k, k] for k in range(-sizes[b]))
        print(f"  block {b + 1}: lambda_min(sum y F - F0) = {lam:.3e}")
    if any(X):
        prim = sum(v * (1 if i == j else 2) * X[b].get((i, j), 0.0) for b in range(len(sizes))
                   for (i, j), v in F[0][b].items())
        res = []
        for i in range(m):
            s = sum(v * (1 if p == q else 2) * X[b].get((p, q), 0.0) for b in range(len(sizes))
                    for (p, q), v in F[i + 1][b].items())
            res.append(s - c[i])
        nr = sum(r * r for r in res) ** 0.5 / (1 + max(abs(v) for v in c))
        print(f"primal objective tr(F0 X) = {prim:.10g}   ||A(X) - c|| / (1 + ||c||inf) = {nr:.3e}")
        for b in range(len(sizes)):
            if sizes[b] > 0:
                print(f"  block {b + 1}: lambda_min(X) = {min_eig(dense(sizes, b, X[b])):.3e}")


if __name__ == '__main__':
    main()
