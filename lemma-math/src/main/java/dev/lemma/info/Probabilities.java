package dev.lemma.info;

import dev.lemma.numeric.Checks;

/// The argument checks every discrete method of this package shares: a probability vector or a joint
/// table must be non-empty, have finite non-negative entries, and sum to 1 within [#SUM_TOLERANCE].
///
/// The entries are used as given, not renormalised (SciPy's `entropy` divides by the sum first): a
/// vector that is off by less than the tolerance changes a result by about as much as it is off.
final class Probabilities {
    /// How far $\sum_i p_i$ may be from 1. Probabilities computed in floating point (a softmax, counts
    /// divided by their total) sum to 1 within about $n u$ for $n$ entries ($u = 2^{-53}$), which stays
    /// below $10^{-9}$ up to $n \approx 10^7$; a typo in a hand-written distribution is far larger.
    static final double SUM_TOLERANCE = 1e-9;

    private Probabilities() {}

    /// Checks a probability vector.
    ///
    /// @param method the calling method, for the message
    /// @param name the argument's name
    /// @param p the probabilities
    /// @throws IllegalArgumentException naming the index and value of the first negative or non-finite
    ///     entry, or the sum if it is not 1 within [#SUM_TOLERANCE], or if `p` is empty
    static void check(String method, String name, double[] p) {
        Checks.argument(p.length > 0, "%s: %s is empty (expected at least one probability)", method, name);
        double sum = 0.0;
        for (int i = 0; i < p.length; i++) {
            Checks.argument(
                    p[i] >= 0.0 && p[i] <= 1.0 + SUM_TOLERANCE,
                    "%s: %s has %s at index %d (expected a probability in [0, 1])",
                    method,
                    name,
                    p[i],
                    i);
            sum += p[i];
        }
        checkSum(method, name, sum);
    }

    /// Checks two probability vectors of the same length.
    ///
    /// @throws dev.lemma.numeric.DimensionMismatchException naming both lengths
    /// @throws IllegalArgumentException as [#check(String, String, double[])] for either vector
    static void checkPair(String method, double[] p, double[] q) {
        Checks.dimensions(
                p.length == q.length,
                "%s: p has length %d but q has length %d (expected the same outcomes)",
                method,
                p.length,
                q.length);
        check(method, "p", p);
        check(method, "q", q);
    }

    /// Checks a joint probability table $p(x, y)$, `joint[x][y]`.
    ///
    /// @throws IllegalArgumentException if the table is empty or ragged (naming the first row whose length
    ///     differs from row 0's), or naming the row, column and value of the first negative or non-finite
    ///     entry, or the sum if it is not 1 within [#SUM_TOLERANCE]
    static void checkJoint(String method, double[][] joint) {
        Checks.argument(
                joint.length > 0 && joint[0].length > 0,
                "%s: the joint table is empty (expected at least one row and one column)",
                method);
        int cols = joint[0].length;
        double sum = 0.0;
        for (int x = 0; x < joint.length; x++) {
            Checks.argument(
                    joint[x].length == cols,
                    "%s: the joint table is ragged: row 0 has %d entries but row %d has %d",
                    method,
                    cols,
                    x,
                    joint[x].length);
            for (int y = 0; y < cols; y++) {
                double pxy = joint[x][y];
                Checks.argument(
                        pxy >= 0.0 && pxy <= 1.0 + SUM_TOLERANCE,
                        "%s: the joint table has %s at row %d, column %d (expected a probability in [0, 1])",
                        method,
                        pxy,
                        x,
                        y);
                sum += pxy;
            }
        }
        checkSum(method, "the joint table", sum);
    }

    private static void checkSum(String method, String name, double sum) {
        Checks.argument(
                Math.abs(sum - 1.0) <= SUM_TOLERANCE,
                "%s: %s sums to %s (expected 1 within %s)",
                method,
                name,
                sum,
                SUM_TOLERANCE);
    }

    /// The row sums $p(x) = \sum_y p(x, y)$.
    static double[] rowMarginal(double[][] joint) {
        double[] px = new double[joint.length];
        for (int x = 0; x < joint.length; x++) {
            for (double pxy : joint[x]) {
                px[x] += pxy;
            }
        }
        return px;
    }

    /// The column sums $p(y) = \sum_x p(x, y)$.
    static double[] columnMarginal(double[][] joint) {
        double[] py = new double[joint[0].length];
        for (double[] row : joint) {
            for (int y = 0; y < row.length; y++) {
                py[y] += row[y];
            }
        }
        return py;
    }

    /// $p \log(p / q)$ with the conventions of the package: 0 when $p = 0$ (whatever $q$), $+\infty$ when
    /// $q = 0 < p$ (SciPy's `rel_entr`).
    ///
    /// For $q/2 \le p \le 2q$ it is computed as $-p\,\mathrm{log1p}((q - p)/p)$: there $q - p$ is exact
    /// (Sterbenz's lemma), so the term keeps its relative accuracy when $p \approx q$, where
    /// $\log(p/q)$ would keep only the absolute accuracy $u$ of the rounded ratio. That matters in
    /// $\mathrm{KL}(p \,\|\, q)$ for nearby $p$ and $q$: its terms of size $|p_i - q_i|$ cancel down
    /// to a sum of size $\sum_i (p_i - q_i)^2 / p_i$. Elsewhere the ratio is far from 1 and
    /// $p \log(p/q)$ is accurate.
    static double relativeEntropyTerm(double p, double q) {
        if (p == 0.0) {
            return 0.0;
        }
        if (q == 0.0) {
            return Double.POSITIVE_INFINITY;
        }
        if (q >= 0.5 * p && q <= 2.0 * p) {
            return -p * Math.log1p((q - p) / p);
        }
        return p * Math.log(p / q);
    }
}
