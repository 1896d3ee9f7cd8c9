package dev.lemma.stats;

import dev.lemma.numeric.Compensated;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/// Classical hypothesis tests, each returning its statistic and p-value in a [TestResult], with the
/// conventions and defaults of `scipy.stats` (two-sided unless an [Alternative] is given).
///
/// | test | statistic | null distribution |
/// |---|---|---|
/// | [#zTest] | $z = (\bar x - \mu_0)/(\sigma/\sqrt n)$ | standard normal |
/// | [#oneSampleT] | $t = (\bar x - \mu_0)/(s/\sqrt n)$ | $t_{n-1}$ |
/// | [#pooledT] | $t = (\bar a - \bar b)/(s_p\sqrt{1/n_a + 1/n_b})$ | $t_{n_a + n_b - 2}$ |
/// | [#welchT] | $t = (\bar a - \bar b)/\sqrt{s_a^2/n_a + s_b^2/n_b}$ | $t_\nu$, Welch–Satterthwaite $\nu$ |
/// | [#pairedT] | one-sample $t$ of the differences $a_i - b_i$ | $t_{n-1}$ |
/// | [#chiSquaredGoodnessOfFit] | $\sum (O - E)^2/E$ | $\chi^2_{k-1}$ |
/// | [#chiSquaredIndependence] | the same on a table, $E_{ij} = r_i c_j / N$ | $\chi^2_{(r-1)(c-1)}$ |
/// | [#oneWayAnova] | $F = \frac{SS_B/(k-1)}{SS_W/(N-k)}$ | $F_{k-1, N-k}$ |
/// | [#ksOneSample] | $D = \sup_x \lvert F_n(x) - F(x)\rvert$ | Kolmogorov's, exact |
/// | [#ksTwoSample] | $D = \sup_x \lvert F_a(x) - F_b(x)\rvert$ | exact lattice-path count |
/// | [#mannWhitneyU] | $U$ = pairs with $a_i > b_j$ (ties ½) | exact, or normal with tie correction |
///
/// Every test refuses empty or too short samples and non-finite values, naming the sample and the index.
/// Means and sums of squares come from [Summary] (two passes, compensated sums), and the one-way ANOVA
/// subtracts a data value first, so that data with many constant leading digits (NIST's `SmLs` files)
/// lose no more than the decimal-to-double rounding of the data already lost.
///
/// References: SciPy 1.10 `scipy.stats` (the conventions reproduced); B. L. Welch, "The generalization of
/// Student's problem when several different population variances are involved", *Biometrika* 34, 1947;
/// G. Marsaglia, W. W. Tsang and J. Wang, "Evaluating Kolmogorov's distribution", *J. Stat. Softw.* 8,
/// 2003; H. B. Mann and D. R. Whitney, *Ann. Math. Statist.* 18, 1947.
///
/// Book: chapter 4, "Hypothesis tests".
public final class HypothesisTests {
    private HypothesisTests() {}

    // ------------------------------------------------------------------ z and t

    /// The one-sample z test of $H_0: \mu = \mu_0$ with known standard deviation $\sigma$, two-sided.
    ///
    /// @param x the sample (at least 1 value)
    /// @param mu the null mean $\mu_0$
    /// @param sigma the known standard deviation, $> 0$
    /// @return the result
    public static TestResult zTest(double[] x, double mu, double sigma) {
        return zTest(x, mu, sigma, Alternative.TWO_SIDED);
    }

    /// The one-sample z test with the given alternative.
    ///
    /// @param x the sample (at least 1 value)
    /// @param mu the null mean $\mu_0$
    /// @param sigma the known standard deviation, $> 0$
    /// @param alternative the alternative
    /// @return the result
    public static TestResult zTest(double[] x, double mu, double sigma, Alternative alternative) {
        check("x", x, 1);
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("z test: sigma must be finite and > 0, got " + sigma);
        }
        double z = (Summary.of(x).mean() - mu) / (sigma / Math.sqrt(x.length));
        return new TestResult(
                "one-sample z test",
                "z",
                z,
                pValue(z, alternative, NullDistributions::normalUpper),
                Double.NaN,
                Double.NaN,
                alternative);
    }

    /// The one-sample t test of $H_0: \mu = \mu_0$, two-sided (SciPy's `ttest_1samp`).
    ///
    /// @param x the sample (at least 2 values)
    /// @param mu the null mean $\mu_0$
    /// @return the result, with $n - 1$ degrees of freedom
    public static TestResult oneSampleT(double[] x, double mu) {
        return oneSampleT(x, mu, Alternative.TWO_SIDED);
    }

    /// The one-sample t test with the given alternative.
    ///
    /// @param x the sample (at least 2 values)
    /// @param mu the null mean $\mu_0$
    /// @param alternative the alternative
    /// @return the result, with $n - 1$ degrees of freedom
    public static TestResult oneSampleT(double[] x, double mu, Alternative alternative) {
        check("x", x, 2);
        return oneSample("one-sample t test", x, mu, alternative);
    }

    private static TestResult oneSample(String name, double[] x, double mu, Alternative alternative) {
        int n = x.length;
        Summary summary = Summary.of(x);
        double t = (summary.mean() - mu) / Math.sqrt(summary.variance() / n);
        double df = n - 1;
        return new TestResult(
                name,
                "t",
                t,
                pValue(t, alternative, v -> NullDistributions.studentUpper(v, df)),
                df,
                Double.NaN,
                alternative);
    }

    /// The two-sample t test assuming equal variances, two-sided (SciPy's `ttest_ind`, `equal_var=True`):
    /// the pooled variance $s_p^2 = \frac{(n_a - 1)s_a^2 + (n_b - 1)s_b^2}{n_a + n_b - 2}$.
    ///
    /// @param a the first sample (at least 2 values)
    /// @param b the second sample (at least 2 values)
    /// @return the result, with $n_a + n_b - 2$ degrees of freedom
    public static TestResult pooledT(double[] a, double[] b) {
        return pooledT(a, b, Alternative.TWO_SIDED);
    }

    /// The pooled two-sample t test with the given alternative (about $\mu_a - \mu_b$).
    ///
    /// @param a the first sample
    /// @param b the second sample
    /// @param alternative the alternative
    /// @return the result
    public static TestResult pooledT(double[] a, double[] b, Alternative alternative) {
        check("a", a, 2);
        check("b", b, 2);
        Summary sa = Summary.of(a);
        Summary sb = Summary.of(b);
        double df = a.length + b.length - 2.0;
        double pooled = (sa.sumOfSquaredDeviations() + sb.sumOfSquaredDeviations()) / df;
        double t = (sa.mean() - sb.mean()) / Math.sqrt(pooled * (1.0 / a.length + 1.0 / b.length));
        return new TestResult(
                "pooled two-sample t test",
                "t",
                t,
                pValue(t, alternative, v -> NullDistributions.studentUpper(v, df)),
                df,
                Double.NaN,
                alternative);
    }

    /// Welch's two-sample t test, not assuming equal variances, two-sided (SciPy's `ttest_ind`,
    /// `equal_var=False`): with $v_a = s_a^2/n_a$ and $v_b = s_b^2/n_b$, $t = (\bar a - \bar b)/\sqrt{v_a
    /// + v_b}$ and the Welch–Satterthwaite degrees of freedom $\nu = (v_a + v_b)^2 / \bigl(v_a^2/(n_a - 1)
    /// + v_b^2/(n_b - 1)\bigr)$.
    ///
    /// @param a the first sample (at least 2 values)
    /// @param b the second sample (at least 2 values)
    /// @return the result, with $\nu$ degrees of freedom (not an integer in general)
    public static TestResult welchT(double[] a, double[] b) {
        return welchT(a, b, Alternative.TWO_SIDED);
    }

    /// Welch's t test with the given alternative (about $\mu_a - \mu_b$).
    ///
    /// @param a the first sample
    /// @param b the second sample
    /// @param alternative the alternative
    /// @return the result
    public static TestResult welchT(double[] a, double[] b, Alternative alternative) {
        check("a", a, 2);
        check("b", b, 2);
        Summary sa = Summary.of(a);
        Summary sb = Summary.of(b);
        double va = sa.variance() / a.length;
        double vb = sb.variance() / b.length;
        double t = (sa.mean() - sb.mean()) / Math.sqrt(va + vb);
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        return new TestResult(
                "Welch's two-sample t test",
                "t",
                t,
                pValue(t, alternative, v -> NullDistributions.studentUpper(v, df)),
                df,
                Double.NaN,
                alternative);
    }

    /// The paired t test, two-sided (SciPy's `ttest_rel`): the one-sample t test of the differences $a_i
    /// - b_i$ against 0.
    ///
    /// @param a the first measurements
    /// @param b the second measurements, paired with `a` (same length)
    /// @return the result, with $n - 1$ degrees of freedom
    public static TestResult pairedT(double[] a, double[] b) {
        return pairedT(a, b, Alternative.TWO_SIDED);
    }

    /// The paired t test with the given alternative (about the mean difference $a - b$).
    ///
    /// @param a the first measurements
    /// @param b the second measurements
    /// @param alternative the alternative
    /// @return the result
    public static TestResult pairedT(double[] a, double[] b, Alternative alternative) {
        check("a", a, 2);
        check("b", b, 2);
        if (a.length != b.length) {
            throw new dev.lemma.numeric.DimensionMismatchException("paired t test: a has " + a.length
                    + " values but b has " + b.length + "; the measurements must be paired one to one");
        }
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return oneSample("paired t test", d, 0.0, alternative);
    }

    // ------------------------------------------------------------------ chi-squared

    /// Pearson's chi-squared goodness-of-fit test against equal expected counts (SciPy's `chisquare` with
    /// no `f_exp`).
    ///
    /// @param observed the observed counts of $k \ge 2$ categories
    /// @return the result, with $k - 1$ degrees of freedom
    public static TestResult chiSquaredGoodnessOfFit(double[] observed) {
        check("observed", observed, 2);
        double[] expected = new double[observed.length];
        Arrays.fill(expected, Compensated.sum(observed) / observed.length);
        return chiSquaredGoodnessOfFit(observed, expected);
    }

    /// Pearson's chi-squared goodness-of-fit test, $\chi^2 = \sum_i (O_i - E_i)^2/E_i$.
    ///
    /// @param observed the observed counts
    /// @param expected the expected counts, all $> 0$, with the same total as the observed (to a relative
    ///     $10^{-8}$, as SciPy requires)
    /// @return the result, with $k - 1$ degrees of freedom
    public static TestResult chiSquaredGoodnessOfFit(double[] observed, double[] expected) {
        check("observed", observed, 2);
        check("expected", expected, 2);
        if (observed.length != expected.length) {
            throw new dev.lemma.numeric.DimensionMismatchException("chi-squared test: " + observed.length
                    + " observed counts but " + expected.length + " expected counts");
        }
        for (int i = 0; i < expected.length; i++) {
            if (!(expected[i] > 0)) {
                throw new IllegalArgumentException(
                        "chi-squared test: expected[" + i + "] must be > 0, got " + expected[i]);
            }
        }
        double so = Compensated.sum(observed);
        double se = Compensated.sum(expected);
        if (Math.abs(so - se) > 1e-8 * Math.max(Math.abs(so), Math.abs(se))) {
            throw new IllegalArgumentException("chi-squared test: the observed counts sum to " + so
                    + " but the expected counts to " + se + "; they must have the same total");
        }
        double[] terms = new double[observed.length];
        for (int i = 0; i < terms.length; i++) {
            double d = observed[i] - expected[i];
            terms[i] = d * d / expected[i];
        }
        double chi2 = Compensated.sum(terms);
        double df = observed.length - 1.0;
        return new TestResult(
                "chi-squared goodness-of-fit test",
                "χ²",
                chi2,
                NullDistributions.chiSquaredUpper(chi2, df),
                df,
                Double.NaN,
                Alternative.GREATER);
    }

    /// Pearson's chi-squared test of independence of the rows and columns of a contingency table (SciPy's
    /// `chi2_contingency`), with expected counts $E_{ij} = r_i c_j/N$ from the margins. With `yates` and a
    /// 2×2 table (one degree of freedom), Yates's continuity correction moves each observed count half a
    /// unit towards its expected count (not past it); otherwise `yates` changes nothing.
    ///
    /// @param table the counts, at least 2×2, rectangular, non-negative, with no zero row or column
    /// @param yates whether to apply Yates's correction to a 2×2 table
    /// @return the result, with $(r - 1)(c - 1)$ degrees of freedom
    public static TestResult chiSquaredIndependence(double[][] table, boolean yates) {
        int rows = table.length;
        if (rows < 2 || table[0].length < 2) {
            throw new IllegalArgumentException("chi-squared independence test: the table must be at least 2×2");
        }
        int cols = table[0].length;
        double[] rowSums = new double[rows];
        double[] colSums = new double[cols];
        for (int i = 0; i < rows; i++) {
            if (table[i].length != cols) {
                throw new IllegalArgumentException("chi-squared independence test: row " + i + " has " + table[i].length
                        + " counts, row 0 has " + cols);
            }
            for (int j = 0; j < cols; j++) {
                double o = table[i][j];
                if (!(o >= 0) || Double.isInfinite(o)) {
                    throw new IllegalArgumentException("chi-squared independence test: the count at row " + i
                            + ", column " + j + " must be finite and ≥ 0, got " + o);
                }
                rowSums[i] += o;
                colSums[j] += o;
            }
        }
        double total = Compensated.sum(rowSums);
        for (int i = 0; i < rows; i++) {
            if (rowSums[i] == 0) {
                throw new IllegalArgumentException("chi-squared independence test: row " + i + " is all zeros");
            }
        }
        for (int j = 0; j < cols; j++) {
            if (colSums[j] == 0) {
                throw new IllegalArgumentException("chi-squared independence test: column " + j + " is all zeros");
            }
        }
        double df = (rows - 1.0) * (cols - 1.0);
        boolean correct = yates && df == 1;
        double[] terms = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double expected = rowSums[i] * colSums[j] / total;
                double d = table[i][j] - expected;
                if (correct) {
                    d = Math.signum(d) * Math.max(0.0, Math.abs(d) - 0.5);
                }
                terms[i * cols + j] = d * d / expected;
            }
        }
        double chi2 = Compensated.sum(terms);
        return new TestResult(
                correct ? "chi-squared independence test with Yates's correction" : "chi-squared independence test",
                "χ²",
                chi2,
                NullDistributions.chiSquaredUpper(chi2, df),
                df,
                Double.NaN,
                Alternative.GREATER);
    }

    // ------------------------------------------------------------------ analysis of variance

    /// One-way analysis of variance (SciPy's `f_oneway`): do $k \ge 2$ groups share one mean? With group
    /// means $\bar y_g$, sizes $n_g$, grand mean $\bar y$ and $N = \sum n_g$:
    /// $SS_B = \sum_g n_g(\bar y_g - \bar y)^2$, $SS_W = \sum_g \sum_i (y_{gi} - \bar y_g)^2$ and $F =
    /// \frac{SS_B/(k - 1)}{SS_W/(N - k)}$.
    ///
    /// Accuracy: all values are first shifted by the first one, $y \mapsto y - y_{11}$. For data that
    /// agree in their leading digits the shift is exact (Sterbenz's lemma) and removes those digits, so
    /// that the means and sums of squares, computed in two passes with compensated sums, are accurate to
    /// a few units in the last place of the *stored* data.
    ///
    /// @param groups the samples, at least 2, each with at least 1 value, and $N > k$
    /// @return the result, with $k - 1$ and $N - k$ degrees of freedom
    public static TestResult oneWayAnova(double[]... groups) {
        return anova(groups).result();
    }

    /// The sums of squares and mean squares of a one-way ANOVA, and its test.
    ///
    /// @param between $SS_B$
    /// @param within $SS_W$
    /// @param dfBetween $k - 1$
    /// @param dfWithin $N - k$
    /// @param result the F test
    public record Anova(double between, double within, int dfBetween, int dfWithin, TestResult result) {
        /// @return $SS_B/(k - 1)$
        public double meanSquareBetween() {
            return between / dfBetween;
        }

        /// @return $SS_W/(N - k)$
        public double meanSquareWithin() {
            return within / dfWithin;
        }
    }

    /// The one-way ANOVA table: sums of squares, degrees of freedom, and the F test (see [#oneWayAnova]).
    ///
    /// @param groups the samples
    /// @return the table
    public static Anova anova(double[]... groups) {
        if (groups.length < 2) {
            throw new IllegalArgumentException("one-way ANOVA needs at least 2 groups, got " + groups.length);
        }
        int total = 0;
        for (int g = 0; g < groups.length; g++) {
            check("group " + g, groups[g], 1);
            total += groups[g].length;
        }
        int k = groups.length;
        if (total <= k) {
            throw new IllegalArgumentException("one-way ANOVA needs more values (" + total + ") than groups (" + k
                    + "), or the within-group variance is undefined");
        }
        double shift = groups[0][0];
        double[][] shifted = new double[k][];
        double[] means = new double[k];
        double[] weighted = new double[k];
        double[] within = new double[k];
        for (int g = 0; g < k; g++) {
            shifted[g] = new double[groups[g].length];
            for (int i = 0; i < shifted[g].length; i++) {
                shifted[g][i] = groups[g][i] - shift;
            }
            Summary summary = Summary.of(shifted[g]);
            means[g] = summary.mean();
            within[g] = summary.sumOfSquaredDeviations();
            weighted[g] = groups[g].length * means[g];
        }
        double grand = Compensated.sum(weighted) / total;
        double[] between = new double[k];
        for (int g = 0; g < k; g++) {
            double d = means[g] - grand;
            between[g] = groups[g].length * d * d;
        }
        double ssb = Compensated.sum(between);
        double ssw = Compensated.sum(within);
        int dfb = k - 1;
        int dfw = total - k;
        double f = (ssb / dfb) / (ssw / dfw);
        TestResult result = new TestResult(
                "one-way ANOVA", "F", f, NullDistributions.fUpper(f, dfb, dfw), dfb, dfw, Alternative.GREATER);
        return new Anova(ssb, ssw, dfb, dfw, result);
    }

    // ------------------------------------------------------------------ distribution-free

    /// The one-sample Kolmogorov–Smirnov test of $H_0$: the sample comes from the continuous distribution
    /// with CDF $F$, two-sided (SciPy's `kstest`). $D = \max_i \max\bigl(i/n - F(x_{(i)}), F(x_{(i)}) -
    /// (i - 1)/n\bigr)$ over the sorted sample, and the p-value is exact ([NullDistributions], Marsaglia,
    /// Tsang and Wang's method) up to $n d < 150$, Kolmogorov's limit beyond.
    ///
    /// @param x the sample (at least 1 value)
    /// @param cdf the hypothesised CDF, continuous, values in $[0, 1]$
    /// @return the result
    public static TestResult ksOneSample(double[] x, DoubleUnaryOperator cdf) {
        check("x", x, 1);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(sorted[i]);
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException(
                        "KS test: the CDF returned " + f + " at " + sorted[i] + ", not a probability");
            }
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return new TestResult(
                "one-sample Kolmogorov–Smirnov test",
                "D",
                d,
                NullDistributions.kolmogorovUpper(n, d),
                Double.NaN,
                Double.NaN,
                Alternative.TWO_SIDED);
    }

    /// The two-sample Kolmogorov–Smirnov test of $H_0$: both samples come from one continuous
    /// distribution, two-sided (SciPy's `ks_2samp`). $D = \max_x |F_a(x) - F_b(x)|$ over the pooled values;
    /// the p-value is exact (the lattice-path probability of [NullDistributions]) when $n_a n_b \le
    /// 10^7$, and from Kolmogorov's limit with $\sqrt{n_a n_b/(n_a + n_b)}$ beyond. Ties are allowed in
    /// the statistic; the exact p-value assumes none, as SciPy's does.
    ///
    /// @param a the first sample (at least 1 value)
    /// @param b the second sample (at least 1 value)
    /// @return the result
    public static TestResult ksTwoSample(double[] a, double[] b) {
        check("a", a, 1);
        check("b", b, 1);
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int n = x.length;
        int m = y.length;
        // Walk the pooled values; after each distinct value compare the counts: |i m − j n| is D n m exactly.
        long best = 0;
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            double v = j >= m || (i < n && x[i] <= y[j]) ? x[i] : y[j];
            while (i < n && x[i] == v) {
                i++;
            }
            while (j < m && y[j] == v) {
                j++;
            }
            best = Math.max(best, Math.abs((long) i * m - (long) j * n));
        }
        double d = (double) best / ((double) n * m);
        double p = (long) n * m <= 10_000_000L
                ? NullDistributions.smirnovUpper(n, m, best)
                : NullDistributions.kolmogorovLimitUpper(Math.sqrt((double) n * m / (n + m)) * d);
        return new TestResult(
                "two-sample Kolmogorov–Smirnov test", "D", d, p, Double.NaN, Double.NaN, Alternative.TWO_SIDED);
    }

    /// The Mann–Whitney U test (Wilcoxon rank-sum), two-sided (SciPy's `mannwhitneyu`): $U_1$ counts the
    /// pairs with $a_i > b_j$, ties counting ½. As SciPy 1.10 chooses: the exact null distribution
    /// when there are no ties and one sample has at most 8 values; otherwise the normal approximation with
    /// mean $n_a n_b/2$, the tie-corrected variance $\frac{n_a n_b}{12}\bigl(N + 1 - \frac{\sum_t (t^3 -
    /// t)}{N(N - 1)}\bigr)$ over the tie groups of sizes $t$, and a continuity correction of ½.
    ///
    /// @param a the first sample (at least 1 value)
    /// @param b the second sample (at least 1 value)
    /// @return the result; the statistic is $U_1$, the first sample's count
    public static TestResult mannWhitneyU(double[] a, double[] b) {
        return mannWhitneyU(a, b, Alternative.TWO_SIDED);
    }

    /// The Mann–Whitney U test with the given alternative (`GREATER`: the first sample tends to be larger).
    ///
    /// @param a the first sample
    /// @param b the second sample
    /// @param alternative the alternative
    /// @return the result
    public static TestResult mannWhitneyU(double[] a, double[] b, Alternative alternative) {
        check("a", a, 1);
        check("b", b, 1);
        int n1 = a.length;
        int n2 = b.length;
        int n = n1 + n2;
        double[] pooled = new double[n];
        System.arraycopy(a, 0, pooled, 0, n1);
        System.arraycopy(b, 0, pooled, n1, n2);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(pooled[p], pooled[q]));
        double[] ranks = new double[n];
        double tieTerm = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && pooled[order[end + 1]] == pooled[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1; // average rank of the tie group
            for (int r = start; r <= end; r++) {
                ranks[order[r]] = rank;
            }
            double t = end - start + 1;
            tieTerm += t * t * t - t;
            start = end + 1;
        }
        double rankSum = 0;
        for (int i = 0; i < n1; i++) {
            rankSum += ranks[i];
        }
        double u1 = rankSum - n1 * (n1 + 1) / 2.0;
        double u2 = (double) n1 * n2 - u1;
        double u = switch (alternative) {
            case GREATER -> u1;
            case LESS -> u2;
            case TWO_SIDED -> Math.max(u1, u2);
        };
        boolean exact = tieTerm == 0 && (n1 <= 8 || n2 <= 8);
        double p;
        if (exact) {
            p = NullDistributions.mannWhitneyUpper(n1, n2, u);
        } else {
            double mu = n1 * (double) n2 / 2;
            double s = Math.sqrt(n1 * (double) n2 / 12 * ((n + 1) - tieTerm / ((double) n * (n - 1))));
            p = NullDistributions.normalUpper((u - mu - 0.5) / s);
        }
        if (alternative == Alternative.TWO_SIDED) {
            p = Math.min(1.0, 2 * p);
        }
        return new TestResult(
                exact ? "Mann–Whitney U test (exact)" : "Mann–Whitney U test (normal approximation)",
                "U",
                u1,
                p,
                Double.NaN,
                Double.NaN,
                alternative);
    }

    // ------------------------------------------------------------------ helpers

    /// The p-value of a statistic whose null distribution is symmetric about 0 with upper tail `upper`.
    private static double pValue(double statistic, Alternative alternative, DoubleUnaryOperator upper) {
        return switch (alternative) {
            case GREATER -> upper.applyAsDouble(statistic);
            case LESS -> upper.applyAsDouble(-statistic);
            case TWO_SIDED -> Math.min(1.0, 2 * upper.applyAsDouble(Math.abs(statistic)));
        };
    }

    private static void check(String name, double[] x, int minimum) {
        if (x == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (x.length < minimum) {
            throw new IllegalArgumentException(
                    name + " has " + x.length + " values; the test needs at least " + minimum);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite but is " + x[i]);
            }
        }
    }
}
