package dev.lemma.stats;

import java.util.Arrays;
import java.util.Comparator;

/// Kendall's τ-b in $O(n \log n)$ by Knight's algorithm; the public entry point is
/// [Descriptive#kendallTau].
///
/// Of the $n_0 = n(n-1)/2$ pairs, let $n_1$ be those tied in $x$, $n_2$ those tied in $y$, $n_3$ those
/// tied in both, and $D$ the discordant pairs (the two orders disagree). The concordant pairs are
/// $C = n_0 - n_1 - n_2 + n_3 - D$, so
///
/// $$\tau_b = \frac{C - D}{\sqrt{(n_0 - n_1)(n_0 - n_2)}}
///   = \frac{n_0 - n_1 - n_2 + n_3 - 2D}{\sqrt{n_0 - n_1}\,\sqrt{n_0 - n_2}}.$$
///
/// Knight's observation: sort the pairs by $x$, then by $y$ within ties of $x$; a pair is then
/// discordant exactly when its $y$ values are out of order, so $D$ is the number of inversions of the
/// $y$ sequence, which a merge sort counts in $O(n \log n)$ (each time an element of the right half
/// goes first, it jumps the remaining elements of the left half). Ties are counted by runs: $n_1$ and
/// $n_3$ in the first sort, $n_2$ in the merge-sorted $y$. Counts are `long`: $n_0$ overflows `int`
/// from $n \approx 65\,536$.
///
/// References: W. R. Knight, "A computer method for calculating Kendall's tau with ungrouped data",
/// JASA 61(314), 1966; SciPy's `scipy.stats.kendalltau`, which divides by the two square roots in turn
/// (one rounding more: it returns $0.9999999999999999$ for identical rankings of 6 values, where the
/// single square root of the product here gives exactly 1).
///
/// Book: chapter 4, "Statistics".
final class KendallTau {
    private KendallTau() {}

    /// τ-b of finite, equally long `x` and `y` with at least two entries (checked by the caller).
    static double tauB(double[] x, double[] y) {
        int n = x.length;
        double[] xs = new double[n];
        double[] ys = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // + 0.0 turns −0.0 into +0.0, so that the sort's order and == agree on ties.
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> x[i] + 0.0).thenComparingDouble(i -> y[i] + 0.0));
        for (int k = 0; k < n; k++) {
            xs[k] = x[order[k]] + 0.0;
            ys[k] = y[order[k]] + 0.0;
        }
        long xTies = 0;
        long jointTies = 0;
        long xRun = 1;
        long jointRun = 1;
        for (int k = 1; k < n; k++) {
            boolean sameX = xs[k] == xs[k - 1];
            if (sameX) {
                xRun++;
            } else {
                xTies += pairs(xRun);
                xRun = 1;
            }
            if (sameX && ys[k] == ys[k - 1]) {
                jointRun++;
            } else {
                jointTies += pairs(jointRun);
                jointRun = 1;
            }
        }
        xTies += pairs(xRun);
        jointTies += pairs(jointRun);
        long discordant = inversions(ys, new double[n], 0, n);
        long yTies = 0;
        long yRun = 1;
        for (int k = 1; k < n; k++) {
            if (ys[k] == ys[k - 1]) {
                yRun++;
            } else {
                yTies += pairs(yRun);
                yRun = 1;
            }
        }
        yTies += pairs(yRun);
        long total = (long) n * (n - 1) / 2;
        double concordantMinusDiscordant = (double) (total - xTies - yTies + jointTies - 2 * discordant);
        double tau = concordantMinusDiscordant / Math.sqrt((double) (total - xTies) * (double) (total - yTies));
        return Math.max(-1.0, Math.min(1.0, tau));
    }

    private static long pairs(long run) {
        return run * (run - 1) / 2;
    }

    /// Sorts `a[from .. to)` by merge sort and returns the number of pairs $i < j$ with $a_i > a_j$.
    /// Recursion depth is $\log_2 n$.
    private static long inversions(double[] a, double[] scratch, int from, int to) {
        if (to - from < 2) {
            return 0;
        }
        int middle = (from + to) >>> 1;
        long count = inversions(a, scratch, from, middle) + inversions(a, scratch, middle, to);
        int i = from;
        int j = middle;
        int k = from;
        while (i < middle && j < to) {
            if (a[i] <= a[j]) {
                scratch[k++] = a[i++];
            } else {
                count += middle - i;
                scratch[k++] = a[j++];
            }
        }
        while (i < middle) {
            scratch[k++] = a[i++];
        }
        while (j < to) {
            scratch[k++] = a[j++];
        }
        System.arraycopy(scratch, from, a, from, to - from);
        return count;
    }
}
