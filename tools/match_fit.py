#!/usr/bin/env python3
"""Listwise fit of dfnc's partner-ranking weights on `bench_match --dump FILE`
rows (development split only): a softmax over each query's candidates, the
targets sharing the query's weight, weights >= 0, l2 penalty; cross-validated
over 5 folds of the queries (index mod 5, as bench_match --learn) by
recall@20, then fit on the whole split. Needs numpy and scipy (Debian:
python3-numpy python3-scipy). Usage:
  match_fit.py DUMP.tsv [--l2 X] [SIGNAL ...]   (default: the signals with a
  weight in match_weights_default)"""
import sys

import numpy as np
from scipy.optimize import minimize

DEFAULT = ["text", "text_profile", "partner", "two_hop", "popularity", "same_country",
           "chosen", "circle", "ppr", "end_user", "named", "stand_in"]


def load(path):
    with open(path, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        rows = [line.rstrip("\n").split("\t") for line in f]
    q = np.array([int(r[0]) for r in rows])
    y = np.array([int(r[2]) for r in rows], dtype=float)
    cols = {name: i for i, name in enumerate(head)}
    return head, cols, q, y, rows


def fit(F, y, q, l2):
    uq, inv = np.unique(q, return_inverse=True)
    ny = np.zeros(len(uq))
    np.add.at(ny, inv, y)
    wq = np.where(ny[inv] > 0, y / np.maximum(ny[inv], 1), 0)
    d = F.shape[1]

    def loss(b):
        z = F @ b
        zmax = np.full(len(uq), -np.inf)
        np.maximum.at(zmax, inv, z)
        e = np.exp(z - zmax[inv])
        Z = np.zeros(len(uq))
        np.add.at(Z, inv, e)
        P = e / Z[inv]
        val = -(wq * (z - zmax[inv] - np.log(Z[inv]))).sum() / len(uq)
        EPx = np.zeros((len(uq), d))
        np.add.at(EPx, inv, P[:, None] * F)
        g = -(wq[:, None] * (F - EPx[inv])).sum(0) / len(uq)
        return val + l2 * (b ** 2).sum(), g + 2 * l2 * b

    r = minimize(loss, np.zeros(d), jac=True, method="L-BFGS-B", bounds=[(0, None)] * d)
    return r.x


def recall20(F, y, q, b):
    out = []
    for qi in np.unique(q):
        m = q == qi
        if y[m].sum() == 0:
            continue
        top = np.argsort(-(F[m] @ b), kind="stable")[:20]
        out.append(y[m][top].sum() / y[m].sum())
    return float(np.mean(out))


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    path, l2, names = argv[1], 1e-4, []
    i = 2
    while i < len(argv):
        if argv[i] == "--l2" and i + 1 < len(argv):
            l2 = float(argv[i + 1])
            i += 2
            continue
        names.append(argv[i])
        i += 1
    names = names or DEFAULT
    head, cols, q, y, rows = load(path)
    missing = [n for n in names if n not in cols]
    if missing:
        sys.exit("match_fit.py: no such column: " + ", ".join(missing))
    F = np.array([[float(r[cols[n]]) for n in names] for r in rows])
    hits, n = 0.0, 0
    for k in range(5):
        tr = q % 5 != k
        b = fit(F[tr], y[tr], q[tr], l2)
        te = ~tr
        nq = len(np.unique(q[te]))
        hits += recall20(F[te], y[te], q[te], b) * nq
        n += nq
    b = fit(F, y, q, l2)
    print("cross-validated recall@20 %.3f, in-sample %.3f (l2 %g)" %
          (hits / n, recall20(F, y, q, b), l2))
    print(" ".join("%s=%.2f" % (nm, v) for nm, v in zip(names, b)))


if __name__ == "__main__":
    main(sys.argv)
