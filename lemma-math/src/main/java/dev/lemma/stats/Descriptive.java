package dev.lemma.stats;

import dev.lemma.linalg.Matrix;
import dev.lemma.numeric.Checks;
import dev.lemma.numeric.Compensated;
import java.util.Arrays;
import java.util.Comparator;

/// Descriptive statistics beyond the moments of [Summary]: order statistics (median, quantiles, IQR,
/// mode), the lag-1 autocorrelation, and dependence between variables (covariance, Pearson's $r$,
/// Spearman's $\rho$, Kendall's $\tau_b$), for pairs of samples and as matrices over the columns of a
/// data matrix whose rows are observations.
///
/// | method | formula | SciPy / NumPy |
/// |---|---|---|
/// | [#quantile(double\[\], double)] | $Q(p)$ by Hyndman–Fan type 7, see [QuantileMethod] | `numpy.quantile(x, p)` |
/// | [#median] | $Q(\tfrac12)$ | `numpy.median` |
/// | [#interquartileRange(double\[\])] | $Q(\tfrac34) - Q(\tfrac14)$ | `scipy.stats.iqr` |
/// | [#autocorrelation] | $r_1 = \sum_{i<n} d_i d_{i+1} / \sum_i d_i^2$, $d_i = x_i - \bar x$ | NIST StRD |
/// | [#covariance(double\[\], double\[\])] | $\frac{1}{n-1}\sum_i (x_i - \bar x)(y_i - \bar y)$ | `numpy.cov` |
/// | [#pearson] | $r = s_{xy} / (s_x s_y)$ | `scipy.stats.pearsonr` |
/// | [#spearman] | Pearson's $r$ of the average ranks | `scipy.stats.spearmanr` |
/// | [#kendallTau] | $\tau_b$, see [#kendallTau] | `scipy.stats.kendalltau` |
///
/// Sums of products are formed about two-pass means with compensated dot products and the same
/// correction as [Summary#of] (Chan, Golub and LeVeque 1983), so they are accurate to a few units in
/// the last place of the products of the *stored* data.
///
/// Non-finite input: every method refuses NaN and infinities, naming the index (or the row and
/// column of a data matrix); empty data are refused too. A correlation involving a variable with no
/// spread is NaN ($0/0$), as in NumPy and SciPy.
///
/// References: R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages", The American
/// Statistician 50(4), 1996; NIST/SEMATECH *e-Handbook of Statistical Methods*, §1.3.5.12
/// (autocorrelation); W. R. Knight, "A computer method for calculating Kendall's tau with ungrouped
/// data", JASA 61(314), 1966; M. G. Kendall, "The treatment of ties in ranking problems", Biometrika
/// 33(3), 1945 ($\tau_b$).
///
/// Book: chapter 4, "Statistics".
public final class Descriptive {
    private Descriptive() {}

    /// The median, $Q(\tfrac12)$: the middle value of the sorted data, or the mean of the two middle
    /// values when $n$ is even (equal to [QuantileMethod#LINEAR] at $p = \tfrac12$, and to `numpy.median`
    /// bit for bit). Cost: $O(n \log n)$ (a sorted copy).
    ///
    /// @param data the sample, not modified
    /// @return the median
    /// @throws IllegalArgumentException if `data` is empty
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the index of the first NaN or infinity
    public static double median(double[] data) {
        double[] sorted = sortedCopy("data", data);
        int n = sorted.length;
        if (n % 2 == 1) {
            return sorted[n / 2];
        }
        double a = sorted[n / 2 - 1];
        double b = sorted[n / 2];
        double mid = (a + b) / 2; // correctly rounded unless a + b overflows
        return Double.isInfinite(mid) ? a / 2 + b / 2 : mid;
    }

    /// The quantile $Q(p)$ by NumPy's default method, linear interpolation between order statistics
    /// (Hyndman–Fan type 7): with the 0-based index $h = (n-1)p$
    /// and $j = \lfloor h \rfloor$, $Q(p) = x_{(j)} + (h - j)(x_{(j+1)} - x_{(j)})$.
    ///
    /// @param data the sample, not modified
    /// @param p the probability, in $[0, 1]$
    /// @return $Q(p)$, equal to `numpy.quantile(data, p)` bit for bit
    /// @throws IllegalArgumentException if `data` is empty or `p` is outside $[0, 1]$
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the index of the first NaN or infinity
    public static double quantile(double[] data, double p) {
        return quantile(data, p, QuantileMethod.LINEAR);
    }

    /// The quantile $Q(p)$ by the given method (see [QuantileMethod] for the definitions).
    /// Cost: $O(n \log n)$.
    ///
    /// @param data the sample, not modified
    /// @param p the probability, in $[0, 1]$
    /// @param method which definition
    /// @return $Q(p)$, equal to `numpy.quantile(data, p, method=…)`
    /// @throws IllegalArgumentException if `data` is empty or `p` is outside $[0, 1]$
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the index of the first NaN or infinity
    public static double quantile(double[] data, double p, QuantileMethod method) {
        Checks.argument(p >= 0.0 && p <= 1.0, "p must be in [0, 1] but is %s", p);
        return quantiles(data, new double[] {p}, method)[0];
    }

    /// Several quantiles of the same data, sorting once.
    ///
    /// @param data the sample, not modified
    /// @param p the probabilities, each in $[0, 1]$, not modified
    /// @param method which definition
    /// @return $Q(p_k)$ for each $k$
    /// @throws IllegalArgumentException if `data` is empty or some `p[k]` is outside $[0, 1]$ (the
    ///     message names `k`)
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the index of the first NaN or infinity
    public static double[] quantiles(double[] data, double[] p, QuantileMethod method) {
        for (int k = 0; k < p.length; k++) {
            Checks.argument(p[k] >= 0.0 && p[k] <= 1.0, "p must be in [0, 1] but p[%d] is %s", k, p[k]);
        }
        double[] sorted = sortedCopy("data", data);
        double[] q = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            q[k] = method.evaluate(sorted, p[k]);
        }
        return q;
    }

    /// The interquartile range $Q(\tfrac34) - Q(\tfrac14)$ by NumPy's default (type 7) quantiles, as
    /// `scipy.stats.iqr` computes it: a spread measure that ignores the outer quarters.
    ///
    /// @param data the sample, not modified
    /// @return the IQR, $\ge 0$
    /// @throws IllegalArgumentException if `data` is empty
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the index of the first NaN or infinity
    public static double interquartileRange(double[] data) {
        return interquartileRange(data, QuantileMethod.LINEAR);
    }

    /// The interquartile range with quartiles by the given method.
    ///
    /// @param data the sample, not modified
    /// @param method how the quartiles are defined
    /// @return $Q(\tfrac34) - Q(\tfrac14)$
    /// @throws IllegalArgumentException if `data` is empty
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the index of the first NaN or infinity
    public static double interquartileRange(double[] data, QuantileMethod method) {
        double[] q = quantiles(data, new double[] {0.25, 0.75}, method);
        return q[1] - q[0];
    }

    /// The mode: the most frequent value; when several values are equally frequent, the smallest of
    /// them (the convention of `scipy.stats.mode`). Values are equal when `==` says so, so $-0.0$ and
    /// $+0.0$ count as one value (reported as $-0.0$). For continuous data every value is usually
    /// unique and the mode is then the minimum. Cost: $O(n \log n)$.
    ///
    /// @param data the sample, not modified
    /// @return the smallest most frequent value
    /// @throws IllegalArgumentException if `data` is empty
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the index of the first NaN or infinity
    public static double mode(double[] data) {
        double[] sorted = sortedCopy("data", data);
        double best = sorted[0];
        int bestCount = 0;
        int run = 0;
        for (int i = 0; i < sorted.length; i++) {
            run = i > 0 && sorted[i] == sorted[i - 1] ? run + 1 : 1;
            if (run > bestCount) { // strictly: a later run of the same length does not replace the first
                bestCount = run;
                best = sorted[i - run + 1];
            }
        }
        return best;
    }

    /// The lag-1 sample autocorrelation as NIST's StRD certifies it (e-Handbook §1.3.5.12):
    ///
    /// $$r_1 = \frac{\sum_{i=1}^{n-1} (x_i - \bar x)(x_{i+1} - \bar x)}{\sum_{i=1}^{n} (x_i - \bar x)^2},$$
    ///
    /// both sums over deviations from the two-pass mean of [Summary#of], the numerator a compensated
    /// dot product with the same first-order correction for the mean's rounding as $M_2$, the
    /// denominator [Summary#sumOfSquaredDeviations()]: both are those of the stored doubles to a few
    /// units in the last place. (Some texts scale the numerator
    /// by $n/(n-1)$; NIST does not.) Measures how much each value resembles the next: near 0 for
    /// independent data, near 1 for a slow drift, near $-1$ for alternation.
    ///
    /// @param data the series, in time order, not modified
    /// @return $r_1$; NaN if the data have no spread
    /// @throws IllegalArgumentException if `data` has fewer than two values
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the index of the first NaN or infinity
    public static double autocorrelation(double[] data) {
        Checks.argument(data.length >= 2, "data must have at least 2 values but has %d", data.length);
        Summary summary = Summary.of(data);
        double[] d = deviations(data, summary.mean());
        int n = d.length;
        double[] head = Arrays.copyOfRange(d, 0, n - 1);
        double[] tail = Arrays.copyOfRange(d, 1, n);
        // d_i is off from the exact deviation by the mean's error δ ≈ Σd/n; the first-order correction
        // −δ(Σ head + Σ tail) + (n−1)δ² gives the numerator about the exact mean, as M₂'s correction does.
        double delta = Compensated.sum(d) / n;
        double numerator = Compensated.dot(head, tail)
                - delta * (Compensated.sum(head) + Compensated.sum(tail))
                + (n - 1) * delta * delta;
        double denominator = summary.sumOfSquaredDeviations();
        return denominator == 0.0 ? Double.NaN : numerator / denominator;
    }

    /// The sample covariance $s_{xy} = \frac{1}{n-1}\sum_i (x_i - \bar x)(y_i - \bar y)$ (NumPy's `cov`),
    /// with two-pass means and the corrected sum $\sum_i d_i e_i - \frac1n \sum_i d_i \sum_i e_i$.
    ///
    /// @param x a sample
    /// @param y a sample of the same length, paired with `x`
    /// @return $s_{xy}$
    /// @throws IllegalArgumentException if the samples have fewer than two values
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths differ
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the sample and index of the first NaN or
    ///     infinity
    public static double covariance(double[] x, double[] y) {
        checkPair(x, y);
        return crossProduct(centred(x), centred(y)) / (x.length - 1);
    }

    /// Pearson's correlation coefficient $r = \sum_i d_i e_i / \sqrt{\sum_i d_i^2 \sum_i e_i^2}$ with
    /// $d_i = x_i - \bar x$, $e_i = y_i - \bar y$: the cosine of the angle between the centred samples,
    /// in $[-1, 1]$ (clamped there against rounding).
    ///
    /// @param x a sample
    /// @param y a sample of the same length, paired with `x`
    /// @return $r$; NaN if either sample has no spread
    /// @throws IllegalArgumentException if the samples have fewer than two values
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths differ
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the sample and index of the first NaN or
    ///     infinity
    public static double pearson(double[] x, double[] y) {
        checkPair(x, y);
        return pearsonOfCentred(centred(x), centred(y));
    }

    /// Spearman's rank correlation $\rho$: Pearson's $r$ of the ranks, with tied values given the average
    /// of the ranks they span ([#ranks]), as `scipy.stats.spearmanr` does. Measures monotone rather
    /// than linear dependence. (The shortcut $1 - 6\sum d_i^2/(n(n^2-1))$ holds only without ties.)
    ///
    /// @param x a sample
    /// @param y a sample of the same length, paired with `x`
    /// @return $\rho$; NaN if either sample is constant
    /// @throws IllegalArgumentException if the samples have fewer than two values
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths differ
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the sample and index of the first NaN or
    ///     infinity
    public static double spearman(double[] x, double[] y) {
        checkPair(x, y);
        return pearson(ranks(x), ranks(y));
    }

    /// Kendall's $\tau_b$, the difference between concordant and discordant pairs scaled for ties:
    ///
    /// $$\tau_b = \frac{C - D}{\sqrt{(n_0 - n_1)(n_0 - n_2)}},$$
    ///
    /// with $n_0 = n(n-1)/2$ pairs, $n_1$ of them tied in $x$, $n_2$ tied in $y$; pairs tied in either
    /// are neither concordant nor discordant. Without ties it is $(C - D)/n_0$, Kendall's $\tau_a$. Cost:
    /// $O(n \log n)$ by Knight's merge-sort algorithm (sort by $x$, count the inversions of $y$).
    ///
    /// @param x a sample
    /// @param y a sample of the same length, paired with `x`
    /// @return $\tau_b$ (SciPy's `kendalltau`, `variant='b'`); NaN if either sample is constant
    /// @throws IllegalArgumentException if the samples have fewer than two values
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths differ
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the sample and index of the first NaN or
    ///     infinity
    public static double kendallTau(double[] x, double[] y) {
        checkPair(x, y);
        return KendallTau.tauB(x, y);
    }

    /// The ranks $1, \dots, n$ of the values in increasing order, tied values sharing the average of the
    /// ranks they span (`scipy.stats.rankdata` with `method='average'`): `{10, 20, 20, 5}` has ranks
    /// `{2, 3.5, 3.5, 1}`. $-0.0$ and $+0.0$ tie.
    ///
    /// @param data the values, not modified
    /// @return their ranks, in the order of `data`
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the index of the first NaN or infinity
    public static double[] ranks(double[] data) {
        Checks.finite("data", data);
        int n = data.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> data[i] + 0.0));
        double[] rank = new double[n];
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && data[order[end + 1]] == data[order[start]]) {
                end++;
            }
            double average = (start + end) / 2.0 + 1.0; // ranks start+1 .. end+1
            for (int k = start; k <= end; k++) {
                rank[order[k]] = average;
            }
            start = end + 1;
        }
        return rank;
    }

    /// The sample covariance matrix of the columns of `data` (rows are observations, columns
    /// variables): entry $(j, k)$ is [#covariance(double\[\], double\[\])] of columns $j$ and $k$, that is
    /// $\frac{1}{n-1} (X - \mathbf 1 \bar x^\top)^\top (X - \mathbf 1 \bar x^\top)$ (NumPy's
    /// `cov(data, rowvar=False)`). Symmetric and positive semi-definite. Cost: $O(n p^2)$.
    ///
    /// @param data $n \times p$, $n \ge 2$
    /// @return $p \times p$ covariances
    /// @throws IllegalArgumentException if `data` has fewer than two rows or no column
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the row and column of the first NaN or
    ///     infinity
    public static Matrix covariance(Matrix data) {
        double[][] columns = centredColumns(data);
        int p = columns.length;
        double[][] c = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k <= j; k++) {
                c[j][k] = crossProduct(columns[j], columns[k]) / (data.rows() - 1);
                c[k][j] = c[j][k];
            }
        }
        return Matrix.of(c);
    }

    /// The Pearson correlation matrix of the columns of `data` (NumPy's `corrcoef(data, rowvar=False)`):
    /// entry $(j, k)$ is [#pearson] of columns $j$ and $k$, the diagonal exactly 1.
    ///
    /// @param data $n \times p$, $n \ge 2$
    /// @return $p \times p$ correlations; the row and column of a constant variable are NaN
    /// @throws IllegalArgumentException if `data` has fewer than two rows or no column
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the row and column of the first NaN or
    ///     infinity
    public static Matrix correlation(Matrix data) {
        double[][] columns = centredColumns(data);
        return symmetric(columns.length, (j, k) -> pearsonOfCentred(columns[j], columns[k]));
    }

    /// The Spearman correlation matrix of the columns of `data`: the Pearson matrix of the columns'
    /// average ranks (`scipy.stats.spearmanr(data).statistic` for $p > 2$).
    ///
    /// @param data $n \times p$, $n \ge 2$
    /// @return $p \times p$ rank correlations; the row and column of a constant variable are NaN
    /// @throws IllegalArgumentException if `data` has fewer than two rows or no column
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the row and column of the first NaN or
    ///     infinity
    public static Matrix spearmanCorrelation(Matrix data) {
        checkData(data);
        double[][] columns = new double[data.cols()][];
        for (int j = 0; j < columns.length; j++) {
            double[] r = ranks(data.column(j).toArray());
            columns[j] = deviations(r, Summary.of(r).mean());
        }
        return symmetric(columns.length, (j, k) -> pearsonOfCentred(columns[j], columns[k]));
    }

    /// The Kendall $\tau_b$ matrix of the columns of `data`: entry $(j, k)$ is [#kendallTau] of columns
    /// $j$ and $k$. Cost: $O(p^2 n \log n)$.
    ///
    /// @param data $n \times p$, $n \ge 2$
    /// @return $p \times p$ values of $\tau_b$, diagonal 1; the row and column of a constant variable are
    ///     NaN
    /// @throws IllegalArgumentException if `data` has fewer than two rows or no column
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the row and column of the first NaN or
    ///     infinity
    public static Matrix kendallCorrelation(Matrix data) {
        checkData(data);
        double[][] columns = new double[data.cols()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = data.column(j).toArray();
        }
        return symmetric(columns.length, (j, k) -> KendallTau.tauB(columns[j], columns[k]));
    }

    private interface PairFunction {
        double apply(int j, int k);
    }

    /// The symmetric matrix with entries `f(j, k)` off the diagonal; the diagonal is 1, or NaN where
    /// `f(j, j)` is NaN (a constant variable).
    private static Matrix symmetric(int p, PairFunction f) {
        double[][] c = new double[p][p];
        for (int j = 0; j < p; j++) {
            c[j][j] = Double.isNaN(f.apply(j, j)) ? Double.NaN : 1.0;
            for (int k = 0; k < j; k++) {
                c[j][k] = f.apply(j, k);
                c[k][j] = c[j][k];
            }
        }
        return Matrix.of(c);
    }

    private static double pearsonOfCentred(double[] d, double[] e) {
        double sxy = crossProduct(d, e);
        double sxx = crossProduct(d, d);
        double syy = crossProduct(e, e);
        if (sxx == 0.0 || syy == 0.0) {
            return Double.NaN;
        }
        double r = sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
        return Math.max(-1.0, Math.min(1.0, r));
    }

    /// $\sum_i d_i e_i - \frac1n \sum_i d_i \sum_i e_i$, all compensated: the corrected two-pass cross
    /// product of centred samples (the correction removes the first-order effect of the means' error).
    private static double crossProduct(double[] d, double[] e) {
        double product = Compensated.dot(d, e) - Compensated.sum(d) * Compensated.sum(e) / d.length;
        return d == e ? Math.max(0.0, product) : product;
    }

    private static double[] centred(double[] x) {
        return deviations(x, Summary.of(x).mean());
    }

    private static double[] deviations(double[] x, double mean) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] - mean;
        }
        return d;
    }

    private static double[][] centredColumns(Matrix data) {
        checkData(data);
        double[][] columns = new double[data.cols()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = centred(data.column(j).toArray());
        }
        return columns;
    }

    private static void checkData(Matrix data) {
        Checks.argument(
                data.rows() >= 2 && data.cols() >= 1,
                "data must have at least 2 rows (observations) and 1 column but is %s",
                Checks.shape(data.rows(), data.cols()));
        Checks.finite("data", data.toRowMajorArray(), data.cols());
    }

    private static void checkPair(double[] x, double[] y) {
        Checks.dimensions(x.length == y.length, "x has length %d but y has length %d", x.length, y.length);
        Checks.argument(x.length >= 2, "x and y must have at least 2 values but have %d", x.length);
        Checks.finite("x", x);
        Checks.finite("y", y);
    }

    private static double[] sortedCopy(String name, double[] data) {
        Checks.argument(data.length > 0, "%s must not be empty", name);
        Checks.finite(name, data);
        double[] sorted = data.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
