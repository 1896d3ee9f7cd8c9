"""Writes descriptive_extra.json: NumPy's thirteen quantile methods, SciPy's mode, iqr and rank
correlations on larger samples with ties, and NumPy's cov/corrcoef of a data matrix.

Run with the NumPy and SciPy recorded in the output's "meta" (python3 generate.py > descriptive_extra.json).
Samples are drawn from numpy.random.default_rng(seed) and rounded to 0-3 decimals, so the JSON holds
exactly the inputs used (shortest round-trip repr).
"""
import json
import sys

import numpy as np
import scipy
from scipy import stats

METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf",
           "hazen", "weibull", "linear", "median_unbiased", "normal_unbiased",
           "lower", "higher", "midpoint", "nearest"]
PROBS = [0.0, 0.01, 0.1, 0.125, 0.2, 0.25, 1 / 3, 0.4, 0.5, 0.6, 0.75, 0.8, 0.9, 0.99, 1.0]


def f(v):
    return [float(t) for t in v]


rng = np.random.default_rng(20261122)
samples = {
    "one": [3.5],
    "two": [2.0, -1.0],
    "five": [5.0, 1.0, 4.0, 2.0, 3.0],
    "ties10": f(rng.integers(0, 4, 10)),
    "normal25": f(np.round(rng.normal(10, 3, 25), 3)),
    "skewed40": f(np.round(rng.exponential(2.0, 40), 2)),
}
quantiles = {name: {m: f(np.quantile(np.array(x), PROBS, method=m)) for m in METHODS}
             for name, x in samples.items()}
modes = {name: float(stats.mode(np.array(x), keepdims=False).mode) for name, x in samples.items()}
iqr = {name: float(stats.iqr(np.array(x))) for name, x in samples.items()}
medians = {name: float(np.median(np.array(x))) for name, x in samples.items()}

n = 300
u = f(rng.integers(0, 10, n))
v = f(np.array(u) + rng.integers(-3, 4, n))
a = f(np.round(rng.normal(0, 1, 200), 3))
b = f(np.round(np.array(a) * 0.5 + rng.normal(0, 1, 200), 3))
pairs = []
for xn, yn, x, y in [("u", "v", u, v), ("a", "b", a, b)]:
    pairs.append({"x": xn, "y": yn,
                  "pearson": float(stats.pearsonr(x, y).statistic),
                  "spearman": float(stats.spearmanr(x, y).statistic),
                  "kendall_tau_b": float(stats.kendalltau(x, y).statistic)})

X = np.round(rng.normal(0, 1, (50, 4)) @ np.array([[1, 0.5, 0, 0], [0, 1, 0.3, 0], [0, 0, 1, -0.7],
                                                   [0, 0, 0, 1]]) + 100, 3)
X[:, 3] = np.round(X[:, 3])  # ties in one column
matrix = {"data": [f(r) for r in X],
          "cov": [f(r) for r in np.cov(X, rowvar=False)],
          "corrcoef": [f(r) for r in np.corrcoef(X, rowvar=False)],
          "spearman": [f(r) for r in stats.spearmanr(X).statistic],
          "kendall_tau_b": [[float(stats.kendalltau(X[:, j], X[:, k]).statistic) for k in range(4)]
                            for j in range(4)]}

out = {
    "meta": {"generator": "generate.py", "numpy": np.__version__, "scipy": scipy.__version__,
             "python": sys.version.split()[0], "seed": 20261122},
    "calls": {"quantiles": "numpy.quantile(x, probs, method=m)", "median": "numpy.median(x)",
              "mode": "scipy.stats.mode(x, keepdims=False).mode  # smallest of the most frequent",
              "iqr": "scipy.stats.iqr(x)  # numpy linear quantiles",
              "pairs": "scipy.stats.pearsonr / spearmanr / kendalltau(x, y).statistic  # tau-b",
              "matrix": "numpy.cov(X, rowvar=False), numpy.corrcoef(X, rowvar=False), "
                        "scipy.stats.spearmanr(X).statistic, kendalltau per pair of columns"},
    "probs": PROBS, "methods": METHODS, "samples": samples, "quantiles": quantiles,
    "median": medians, "mode": modes, "iqr": iqr,
    "pair_samples": {"u": u, "v": v, "a": a, "b": b}, "pairs": pairs, "matrix": matrix,
}
json.dump(out, sys.stdout, indent=1)
sys.stdout.write("\n")
