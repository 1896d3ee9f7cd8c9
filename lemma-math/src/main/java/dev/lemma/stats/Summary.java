package dev.lemma.stats;

import dev.lemma.numeric.Checks;
import dev.lemma.numeric.Compensated;
import dev.lemma.numeric.Welford;
import java.util.Objects;

/// The moments of a sample $x_1, \dots, x_n$: count, sum, mean, variance, standard deviation, skewness,
/// kurtosis, minimum and maximum. Immutable and thread-safe (after Guava's `Stats`); build it from an
/// array with [#of] or one value at a time with [Accumulator].
///
/// Everything derives from the mean $\bar x = \frac1n\sum_i x_i$ and the central sums
/// $M_k = \sum_i (x_i - \bar x)^k$ for $k = 2, 3, 4$, with $m_k = M_k / n$:
///
/// | method | formula | SciPy / NumPy |
/// |---|---|---|
/// | [#variance] | $s^2 = M_2 / (n-1)$ | `numpy.var(x, ddof=1)` |
/// | [#populationVariance] | $M_2 / n$ | `numpy.var(x)` |
/// | [#skewness] | $g_1 = m_3 / m_2^{3/2}$ (biased Fisher–Pearson) | `scipy.stats.skew(x)` |
/// | [#adjustedSkewness] | $G_1 = g_1 \sqrt{n(n-1)} / (n-2)$ | `skew(x, bias=False)` |
/// | [#kurtosis] | $g_2 = m_4 / m_2^2 - 3$ (biased, excess) | `scipy.stats.kurtosis(x)` |
/// | [#adjustedKurtosis] | $G_2 = \frac{n-1}{(n-2)(n-3)}\big((n+1) g_2 + 6\big)$ | `kurtosis(x, bias=False)` |
///
/// $G_1$ and $G_2$ are the estimators of Joanes and Gill (1998) that Excel and SAS report; $G_2$ is
/// unbiased for normal samples, $G_1$ is not unbiased in general but is what "bias-corrected" means
/// in SciPy.
///
/// ## Accuracy
///
/// [#of] takes two passes over the data, as careful software does (Chan, Golub and LeVeque 1983):
///
/// 1. **Mean.** $\hat s = $ the compensated (Neumaier) sum, $\tilde x = \hat s / n$, then one correction
///    $\bar x = \tilde x + \frac1n \sum_i (x_i - \tilde x)$, the second sum compensated as well. The
///    compensated sum is as accurate as a sum in twice the working precision, so $\tilde x$ is already
///    within about $2u|\bar x|$ of the true mean; the correction, whose terms are the small
///    deviations, removes most of what is left. Result: within a few units in the last place.
/// 2. **Centred sums.** With $d_i = \mathrm{fl}(x_i - \bar x)$, the *corrected two-pass* formula
///    $M_2 = \sum_i d_i^2 - \frac1n\big(\sum_i d_i\big)^2$. Its error (Chan, Golub and LeVeque 1983;
///    Higham §1.9) is about $n u + n^2 u^2 \kappa^2$ relative, with $\kappa = \sqrt{1 + \bar x^2 / m_2}$
///    the condition number of the variance: the first term comes from summing, which the compensated
///    dot product here cuts to about $2u$; the second from the error of $\bar x$, which the
///    correction term cancels to first order. What remains is the rounding of each $d_i$ (relative
///    $u$), so $M_2$ is within a few $u$ of the exact centred sum of the *stored* doubles. On NIST's
///    NumAcc4 ($10^7 + $ noise of size $0.1$, $\kappa \approx 10^8$) that means the standard deviation
///    of the doubles to 15 digits; the certified $0.1$ is then met to the 8.3 digits that reading the
///    decimals into doubles leaves (each datum moves by up to $9 \times 10^{-10}$).
///
///    $M_3$ and $M_4$ are compensated sums of $d_i^3$ and $d_i^4$ with the same kind of correction: with
///    $\delta = \frac1n \sum_i d_i$ the exact mean's offset, the binomial expansion of
///    $\sum_i (d_i - \delta)^k$ gives $M_2 = S_2 - n\delta^2$, $M_3 = S_3 - 3\delta S_2 + 2n\delta^3$ and
///    $M_4 = S_4 - 4\delta S_3 + 6\delta^2 S_2 - 3n\delta^4$ ($S_k = \sum_i d_i^k$). Without it, the
///    skewness of data $10^9 + $ unit noise is wrong in the 7th digit ($3\delta M_2$ against $M_3$, with
///    $\delta \approx u \cdot 10^9$); with it, to 13 digits or better (`SummaryTest` checks against exact
///    rational arithmetic).
///
/// [Accumulator] cannot take two passes: it updates the mean and $M_2$ with Welford's recurrence
/// (through [Welford], which it builds on), $M_3$ and $M_4$ with Pébay's, and merges by Chan's
/// formulas. Its error grows like $n u \kappa$ in the worst case (Chan, Golub and LeVeque), far less
/// in practice; on the NIST files it loses up to 1.5 digits of the standard deviation against [#of]
/// (Mavro 13.1 → 12.1, Michelso 13.8 → 12.4; `NistUnivariateTest` prints both).
///
/// ## Non-finite and degenerate input
///
/// [#of] refuses empty data and NaN or infinite values (naming the index); [Accumulator#add] refuses
/// non-finite values and [Accumulator#snapshot] an empty accumulator. The variance needs two values,
/// $G_1$ three and $G_2$ four: with fewer, those methods throw `IllegalStateException`, as Guava's do.
/// Data with zero spread have skewness and kurtosis NaN ($0/0$, as in SciPy). Deviations are formed in
/// double precision, so data whose range exceeds `Double.MAX_VALUE` give infinite moments.
///
/// References: T. F. Chan, G. H. Golub and R. J. LeVeque, "Algorithms for computing the sample
/// variance: analysis and recommendations", The American Statistician 37(3), 1983; T. F. Chan,
/// G. H. Golub and R. J. LeVeque, "Updating formulae and a pairwise algorithm for computing sample
/// variances", Stanford CS report STAN-CS-79-773, 1979; P. Pébay, "Formulas for robust, one-pass
/// parallel computation of covariances and arbitrary-order statistical moments", Sandia report
/// SAND2008-6212, 2008; D. N. Joanes and C. A. Gill, "Comparing measures of sample skewness and
/// kurtosis", The Statistician 47(1), 1998; N. J. Higham, *Accuracy and Stability of Numerical
/// Algorithms*, 2nd ed., SIAM 2002, §1.9.
///
/// Book: chapter 4, "Statistics".
public final class Summary {
    private final long count;
    private final double sum;
    private final double mean;
    private final double m2;
    private final double m3;
    private final double m4;
    private final double min;
    private final double max;

    private Summary(long count, double sum, double mean, double m2, double m3, double m4, double min, double max) {
        this.count = count;
        this.sum = sum;
        this.mean = mean;
        this.m2 = m2;
        this.m3 = m3;
        this.m4 = m4;
        this.min = min;
        this.max = max;
    }

    /// The summary of `values`, by the two-pass algorithm of the class description. Cost: $O(n)$,
    /// about 30 flops per value, and $O(n)$ scratch memory for the deviations.
    ///
    /// @param values the sample, not modified
    /// @return its summary
    /// @throws IllegalArgumentException if `values` is empty
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the index of the first NaN or infinity
    public static Summary of(double... values) {
        Checks.argument(values.length > 0, "values must not be empty");
        Checks.finite("values", values);
        int n = values.length;
        double sum = Compensated.sum(values);
        double mean = firstMean(values, sum);
        double[] d = new double[n];
        double min = values[0];
        double max = values[0];
        for (int i = 0; i < n; i++) {
            d[i] = values[i] - mean;
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        mean += Compensated.sum(d) / n;
        for (int i = 0; i < n; i++) {
            d[i] = values[i] - mean;
        }
        // The exact mean is x̄ = mean + δ with δ = Σd/n (tiny, but as large as u·|x̄|); expanding
        // Σ(d − δ)^k with Σd = nδ gives the centred sums about x̄ from those about the rounded mean.
        double delta = Compensated.sum(d) / n;
        double[] squares = new double[n];
        for (int i = 0; i < n; i++) {
            squares[i] = d[i] * d[i];
        }
        double s2 = Compensated.dot(d, d);
        double s3 = Compensated.dot(squares, d);
        double s4 = Compensated.dot(squares, squares);
        double m2 = Math.max(0.0, s2 - n * delta * delta);
        double m3 = s3 - 3 * delta * s2 + 2 * n * delta * delta * delta;
        double m4 = s4 - 4 * delta * s3 + 6 * delta * delta * s2 - 3 * n * delta * delta * delta * delta;
        return new Summary(n, sum, mean, m2, m3, m4, min, max);
    }

    /// $\hat s / n$, or the compensated sum of $x_i / n$ when $\hat s$ overflows (values near
    /// `Double.MAX_VALUE`), so that a finite mean is never lost to an infinite sum.
    private static double firstMean(double[] x, double sum) {
        if (Double.isFinite(sum)) {
            return sum / x.length;
        }
        double[] scaled = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scaled[i] = x[i] / x.length;
        }
        return Compensated.sum(scaled);
    }

    /// @return the number of values $n \ge 1$
    public long count() {
        return count;
    }

    /// The sum $\sum_i x_i$, compensated (Neumaier): within $2u|\sum_i x_i| + O(n u^2)\sum_i|x_i|$.
    ///
    /// @return the sum; infinite if it overflows
    public double sum() {
        return sum;
    }

    /// The arithmetic mean $\bar x = \frac1n \sum_i x_i$, accurate to a few units in the last place
    /// (class description).
    ///
    /// @return the mean
    public double mean() {
        return mean;
    }

    /// The sum of squared deviations $M_2 = \sum_i (x_i - \bar x)^2$, which both variances divide.
    ///
    /// @return $M_2 \ge 0$
    public double sumOfSquaredDeviations() {
        return m2;
    }

    /// The sample variance $s^2 = M_2 / (n-1)$, unbiased for independent draws (NumPy's `var` with
    /// `ddof=1`).
    ///
    /// @return $M_2/(n-1)$
    /// @throws IllegalStateException if $n < 2$
    public double variance() {
        requireCount(2, "variance");
        return m2 / (count - 1);
    }

    /// The sample standard deviation $s = \sqrt{M_2/(n-1)}$ (NumPy's `std` with `ddof=1`; what NIST
    /// certifies).
    ///
    /// @return $s$
    /// @throws IllegalStateException if $n < 2$
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    /// The population variance $M_2 / n$, the maximum-likelihood estimate under a normal model (NumPy's
    /// `var` with `ddof=0`).
    ///
    /// @return $M_2/n$ (0 for a single value)
    public double populationVariance() {
        return m2 / count;
    }

    /// The population standard deviation $\sqrt{M_2/n}$ (NumPy's `std`).
    ///
    /// @return $\sqrt{M_2/n}$
    public double populationStandardDeviation() {
        return Math.sqrt(populationVariance());
    }

    /// The biased Fisher–Pearson skewness $g_1 = m_3 / m_2^{3/2} = \sqrt n\, M_3 / M_2^{3/2}$, SciPy's
    /// `skew(x)` default (`bias=True`). Zero for symmetric data, positive when the right tail is longer.
    ///
    /// @return $g_1$; NaN if the data have no spread ($M_2 = 0$)
    public double skewness() {
        if (m2 == 0.0) {
            return Double.NaN;
        }
        return Math.sqrt((double) count) * m3 / (m2 * Math.sqrt(m2));
    }

    /// The adjusted Fisher–Pearson skewness $G_1 = g_1 \sqrt{n(n-1)} / (n - 2)$, SciPy's
    /// `skew(x, bias=False)`.
    ///
    /// @return $G_1$; NaN if the data have no spread
    /// @throws IllegalStateException if $n < 3$
    public double adjustedSkewness() {
        requireCount(3, "adjusted skewness");
        double n = count;
        return skewness() * Math.sqrt(n * (n - 1)) / (n - 2);
    }

    /// The biased excess kurtosis $g_2 = m_4 / m_2^2 - 3 = n M_4 / M_2^2 - 3$, SciPy's `kurtosis(x)`
    /// default (Fisher's definition, `bias=True`): 0 for a normal distribution, $-1.2$ for a uniform
    /// one in the limit.
    ///
    /// @return $g_2$; NaN if the data have no spread
    public double kurtosis() {
        if (m2 == 0.0) {
            return Double.NaN;
        }
        return count * m4 / (m2 * m2) - 3.0;
    }

    /// The bias-corrected excess kurtosis $G_2 = \frac{n-1}{(n-2)(n-3)}\big((n+1) g_2 + 6\big)$, SciPy's
    /// `kurtosis(x, bias=False)`, unbiased for normal samples.
    ///
    /// @return $G_2$; NaN if the data have no spread
    /// @throws IllegalStateException if $n < 4$
    public double adjustedKurtosis() {
        requireCount(4, "adjusted kurtosis");
        double n = count;
        return (n - 1) / ((n - 2) * (n - 3)) * ((n + 1) * kurtosis() + 6.0);
    }

    /// @return the smallest value
    public double min() {
        return min;
    }

    /// @return the largest value
    public double max() {
        return max;
    }

    private void requireCount(int needed, String what) {
        if (count < needed) {
            throw new IllegalStateException(what + " needs at least " + needed + " values but count is " + count);
        }
    }

    /// Two summaries are equal when every stored number is (count, sum, mean, $M_2$, $M_3$, $M_4$, min, max,
    /// compared as `Double.compare` does): the same data in the same order through the same path give
    /// equal summaries; the same data through [#of] and an [Accumulator] usually do not (different
    /// rounding).
    @Override
    public boolean equals(Object other) {
        return other instanceof Summary s
                && count == s.count
                && Double.compare(sum, s.sum) == 0
                && Double.compare(mean, s.mean) == 0
                && Double.compare(m2, s.m2) == 0
                && Double.compare(m3, s.m3) == 0
                && Double.compare(m4, s.m4) == 0
                && Double.compare(min, s.min) == 0
                && Double.compare(max, s.max) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, sum, mean, m2, m3, m4, min, max);
    }

    @Override
    public String toString() {
        return String.format(
                "Summary{count=%d, mean=%s, standardDeviation=%s, min=%s, max=%s}",
                count, mean, count < 2 ? "NaN" : String.valueOf(standardDeviation()), min, max);
    }

    /// Adds values one at a time, merges with other accumulators, and gives a [Summary] on demand.
    ///
    /// Adding $x$ to $n - 1$ values (Welford for the mean and $M_2$, Pébay for $M_3$, $M_4$), with
    /// $\delta = x - \bar x_{n-1}$ and $\delta_n = \delta / n$:
    ///
    /// $$\bar x_n = \bar x_{n-1} + \delta_n, \quad M_2 \mathrel{+}= \delta\,\delta_n (n-1),$$
    /// $$M_3 \mathrel{+}= \delta\,\delta_n^2 (n-1)(n-2) - 3\delta_n M_2,$$
    /// $$M_4 \mathrel{+}= \delta\,\delta_n^3 (n-1)(n^2-3n+3) + 6\delta_n^2 M_2 - 4\delta_n M_3,$$
    ///
    /// with the old $M_2$, $M_3$ on the right. Merging $A$ and $B$ ($n = n_A + n_B$,
    /// $\delta = \bar x_B - \bar x_A$), Chan et al. (1979) for $M_2$ and Pébay (2008) for the rest:
    ///
    /// $$M_2 = M_{2A} + M_{2B} + \delta^2 \frac{n_A n_B}{n},$$
    /// $$M_3 = M_{3A} + M_{3B} + \delta^3 \frac{n_A n_B (n_A - n_B)}{n^2}
    ///     + 3\delta \frac{n_A M_{2B} - n_B M_{2A}}{n},$$
    /// $$M_4 = M_{4A} + M_{4B} + \delta^4 \frac{n_A n_B (n_A^2 - n_A n_B + n_B^2)}{n^3}
    ///     + 6\delta^2 \frac{n_A^2 M_{2B} + n_B^2 M_{2A}}{n^2} + 4\delta \frac{n_A M_{3B} - n_B M_{3A}}{n}.$$
    ///
    /// The sum is kept compensated (Neumaier), minimum and maximum exactly. Not thread-safe: give each
    /// thread its own accumulator and merge them.
    public static final class Accumulator {
        private final Welford moments = new Welford();
        private double m3;
        private double m4;
        private double sum;
        private double compensation;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        /// An empty accumulator.
        public Accumulator() {}

        /// Adds one value. Cost: $O(1)$.
        ///
        /// @param value the value
        /// @return this accumulator
        /// @throws dev.lemma.numeric.NonFiniteValueException if `value` is NaN or infinite
        public Accumulator add(double value) {
            Checks.finite("value", value);
            long n1 = moments.count();
            double n = n1 + 1.0;
            double oldMean = n1 == 0 ? 0.0 : moments.mean();
            double oldM2 = n1 == 0 ? 0.0 : moments.sumOfSquaredDeviations();
            double delta = value - oldMean;
            double deltaN = delta / n;
            double deltaN2 = deltaN * deltaN;
            double term = delta * deltaN * n1;
            m4 += term * deltaN2 * (n * n - 3 * n + 3) + 6 * deltaN2 * oldM2 - 4 * deltaN * m3;
            m3 += term * deltaN * (n - 2) - 3 * deltaN * oldM2;
            moments.add(value);
            addToSum(value, 0.0);
            min = Math.min(min, value);
            max = Math.max(max, value);
            return this;
        }

        /// Adds every value of `values`, in order.
        ///
        /// @param values the values, not modified
        /// @return this accumulator
        /// @throws dev.lemma.numeric.NonFiniteValueException naming the index of the first NaN or infinity
        ///     (no value is added then)
        public Accumulator addAll(double... values) {
            Checks.finite("values", values);
            for (double v : values) {
                add(v);
            }
            return this;
        }

        /// Merges `other` into this accumulator, as if its values had been added here (formulas in the
        /// class description). Equal to adding them one at a time up to rounding; merging halves
        /// recursively makes the error grow like $\log n$. `other` is not modified.
        ///
        /// @param other another accumulator (may be this one: its values then count twice)
        /// @return this accumulator
        public Accumulator merge(Accumulator other) {
            long nB = other.moments.count();
            if (nB == 0) {
                return this;
            }
            long nA = moments.count();
            double m2B = other.moments.sumOfSquaredDeviations();
            double m3B = other.m3;
            double m4B = other.m4;
            if (nA > 0) {
                double a = nA;
                double b = nB;
                double n = a + b;
                double m2A = moments.sumOfSquaredDeviations();
                double delta = other.moments.mean() - moments.mean();
                double delta2 = delta * delta;
                m4 += m4B
                        + delta2 * delta2 * a * b * (a * a - a * b + b * b) / (n * n * n)
                        + 6 * delta2 * (a * a * m2B + b * b * m2A) / (n * n)
                        + 4 * delta * (a * m3B - b * m3) / n;
                m3 += m3B + delta2 * delta * a * b * (a - b) / (n * n) + 3 * delta * (a * m2B - b * m2A) / n;
            } else {
                m3 = m3B;
                m4 = m4B;
            }
            double sumB = other.sum;
            double compensationB = other.compensation;
            min = Math.min(min, other.min);
            max = Math.max(max, other.max);
            moments.merge(other.moments);
            addToSum(sumB, compensationB);
            return this;
        }

        /// Neumaier's step: adds `x` to the running sum, its rounding error and `extra` to the
        /// compensation.
        private void addToSum(double x, double extra) {
            Compensated.TwoTerm t = Compensated.twoSum(sum, x);
            sum = t.hi();
            compensation += t.lo() + extra;
        }

        /// @return the number of values added or merged so far
        public long count() {
            return moments.count();
        }

        /// The summary of the values so far, immutable.
        ///
        /// @return a [Summary] of the current state
        /// @throws IllegalStateException if no value was added
        public Summary snapshot() {
            long n = moments.count();
            if (n == 0) {
                throw new IllegalStateException("snapshot of an empty accumulator: add at least one value");
            }
            double total = sum + compensation;
            return new Summary(
                    n,
                    Double.isNaN(total) ? sum : total,
                    moments.mean(),
                    moments.sumOfSquaredDeviations(),
                    m3,
                    m4,
                    min,
                    max);
        }
    }
}
