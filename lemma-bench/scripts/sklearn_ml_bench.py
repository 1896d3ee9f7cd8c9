#!/usr/bin/env python3
"""scikit-learn's side of `lemma bench ml`: the same problems, timed the same way.

Fits scikit-learn's models on data of the same construction and shape as `lemma bench ml` generates
(scikit-learn's own generators, so the same kind of data, not the same bits), one BLAS thread, and
prints the median of --repeat timed runs after one warm-up, with the same quality figures:

- logistic: LogisticRegression(C=1, solver="lbfgs") on make_classification(m, 50, random_state=42);
  quality: the relative gap of the penalised objective to newton-cg's at tol=1e-10.
- pca: PCA(10) of an m x 100 standard normal matrix, svd_solver "randomized" and "full"; quality: the
  largest relative error of explained_variance_ against the full SVD's.
- knn: KNeighborsClassifier(5, algorithm="kd_tree", leaf_size=30) on make_moons(m, noise=0.3):
  fit, and predict for m queries; quality: disagreement with brute force on 2000 queries.

Needs scikit-learn (Debian: apt-get install python3-sklearn, 1.2.1 on bookworm) and threadpoolctl.
Run: OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 lemma-bench/scripts/sklearn_ml_bench.py
With --json FILE it also writes the figures for `lemma bench ml --scikit-learn FILE`, which prints them
beside Lemma's.
"""
import json
import argparse
import statistics
import time

import numpy as np
import sklearn
from threadpoolctl import threadpool_limits
from sklearn.datasets import make_classification, make_moons
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier


def timed(run, repeat):
    run()  # warm-up
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), result


def objective(model, x, y, c):
    z = x @ model.coef_.ravel() + model.intercept_[0]
    loss = np.sum(np.logaddexp(0, z) - y * z)
    return loss + 0.5 / c * float(model.coef_.ravel() @ model.coef_.ravel())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON for lemma bench ml")
    args = parser.parse_args()
    results = []
    m = args.rows
    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, one BLAS thread,"
          f" median of {args.repeat} after one warm-up")
    print(f"{'task':9} {'measured':34} {'seconds':>9} {'quality':>9}  quality is")

    def row(key, task, what, seconds, quality, meaning):
        print(f"{task:9} {what:34} {seconds:9.3f} {quality:9.1e}  {meaning}")
        results.append({"key": key, "seconds": seconds, "quality": None if quality != quality else quality})

    x, y = make_classification(m, 50, random_state=42)
    optimum = objective(LogisticRegression(C=1.0, solver="newton-cg", tol=1e-10, max_iter=1000).fit(x, y), x, y, 1.0)
    median, _, model = timed(lambda: LogisticRegression(C=1.0, solver="lbfgs").fit(x, y), args.repeat)
    row("logistic", "logistic", f"fit L-BFGS, C = 1 ({model.n_iter_[0]} iterations)", median,
        (objective(model, x, y, 1.0) - optimum) / abs(optimum), "objective - optimum, relative")

    data = np.random.default_rng(7).standard_normal((m, 100))
    exact = PCA(10, svd_solver="full").fit(data).explained_variance_
    for solver in ("randomized", "full"):
        median, _, model = timed(lambda: PCA(10, svd_solver=solver, random_state=1).fit(data), args.repeat)
        row(f"pca-{solver}", "pca", f"fit {solver}", median, np.max(np.abs(model.explained_variance_ - exact) / exact),
            "explained variance vs full SVD, max relative error")

    train_x, train_y = make_moons(m, noise=0.3, random_state=11)
    queries, _ = make_moons(m, noise=0.3, random_state=12)
    learner = KNeighborsClassifier(5, algorithm="kd_tree", leaf_size=30)
    median, _, model = timed(lambda: learner.fit(train_x, train_y), args.repeat)
    row("knn-fit", "knn", "fit k-d tree", median, float("nan"), "")
    median, _, predicted = timed(lambda: model.predict(queries), args.repeat)
    checked = min(2000, m)
    brute = KNeighborsClassifier(5, algorithm="brute").fit(train_x, train_y).predict(queries[:checked])
    row("knn-predict", "knn", f"predict k = 5, {m} queries", median, float(np.mean(predicted[:checked] != brute)),
        f"disagreement with brute force (on {checked} queries)")

    if args.json:
        with open(args.json, "w") as out:
            json.dump({"scikit_learn": sklearn.__version__, "numpy": np.__version__, "rows": m,
                       "repeat": args.repeat, "results": results}, out, indent=1)


if __name__ == "__main__":
    with threadpool_limits(limits=1):
        main()
