package dev.lemma.numeric;

/// One-pass mean and variance: Welford's update for one value at a time, and Chan, Golub and LeVeque's
/// formula to merge two accumulators (for data split across threads or files).
///
/// The accumulator keeps three numbers: the count $n$, the mean $\bar x_n$ and the sum of squared
/// deviations $M_n = \sum_{i \le n} (x_i - \bar x_n)^2$. Adding $x$:
///
/// $$\delta = x - \bar x_{n-1}, \quad \bar x_n = \bar x_{n-1} + \delta / n, \quad
/// M_n = M_{n-1} + \delta\,(x - \bar x_n).$$
///
/// Why not the textbook one-pass formula $\big(\sum x_i^2 - (\sum x_i)^2/n\big)/(n-1)$: it subtracts two
/// nearly equal numbers of size $n \bar x^2$, so its relative error is about
/// $n u\, \bar x^2 / s^2$, the squared coefficient of variation times $n u$. For data $10^9 + \text{noise}$
/// of variance $0.1$ that is $10^{19} n u > 1$: the result is noise, often negative. Welford's update
/// works with deviations from the running mean, which are of the size of the noise; its error is about
/// $n u \kappa$ with $\kappa = \sqrt{1 + \bar x^2/s^2}$ in the worst case, the square root of the
/// textbook formula's (Chan, Golub and LeVeque 1983), and far smaller in practice.
///
/// Not thread-safe: give each thread its own accumulator and [#merge] them. [#snapshot] returns an
/// immutable copy.
///
/// Non-finite input is rejected by [#add] (a NaN would make every later mean and variance NaN without
/// saying where it came from).
///
/// References: B. P. Welford, "Note on a method for calculating corrected sums of squares and
/// products", Technometrics 4(3), 1962; T. F. Chan, G. H. Golub and R. J. LeVeque, "Algorithms for
/// computing the sample variance: analysis and recommendations", The American Statistician 37(3),
/// 1983; N. J. Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., SIAM 2002, §1.9.
///
/// Book: chapter 7, section "Summation".
public final class Welford {
    private long n;
    private double mean;
    private double m2;

    /// An empty accumulator: count 0, mean and variances NaN.
    public Welford() {}

    /// An accumulator holding every value of `x`.
    ///
    /// @param x the values, not modified
    /// @return a new accumulator
    /// @throws NonFiniteValueException naming the index of the first NaN or infinity
    public static Welford of(double[] x) {
        Checks.finite("x", x);
        Welford w = new Welford();
        for (double xi : x) {
            w.add(xi);
        }
        return w;
    }

    /// Adds one value, with Welford's update (see the class description). Cost: $O(1)$, one division.
    ///
    /// @param x the value
    /// @return this accumulator
    /// @throws NonFiniteValueException if `x` is NaN or infinite
    public Welford add(double x) {
        Checks.finite("x", x);
        n++;
        double delta = x - mean;
        mean += delta / n;
        m2 += delta * (x - mean); // δ·(x − new mean): both factors are deviations, no cancellation
        return this;
    }

    /// Merges `other` into this accumulator, as if its values had been added here: Chan, Golub and
    /// LeVeque's formula (1979, 1983). With $\delta = \bar x_B - \bar x_A$ and $n = n_A + n_B$,
    ///
    /// $$\bar x = \bar x_A + \delta\, n_B / n, \quad M = M_A + M_B + \delta^2\, n_A n_B / n.$$
    ///
    /// The result equals adding the values one at a time up to rounding, not bit for bit. Merging
    /// halves recursively gives an error that grows like $\log n$ rather than $n$, as pairwise
    /// summation does. `other` is not modified.
    ///
    /// @param other another accumulator (may be this one: the data then count twice)
    /// @return this accumulator
    public Welford merge(Welford other) {
        long nB = other.n;
        if (nB == 0) {
            return this;
        }
        double meanB = other.mean;
        double m2B = other.m2;
        if (n == 0) {
            n = nB;
            mean = meanB;
            m2 = m2B;
            return this;
        }
        long total = n + nB;
        double delta = meanB - mean;
        double fractionB = (double) nB / total;
        mean += delta * fractionB;
        m2 += m2B + delta * delta * ((double) n * fractionB);
        n = total;
        return this;
    }

    /// @return the number of values added
    public long count() {
        return n;
    }

    /// The mean $\bar x = \frac1n \sum_i x_i$.
    ///
    /// @return the mean, NaN if no value was added
    public double mean() {
        return n == 0 ? Double.NaN : mean;
    }

    /// The sum of squared deviations from the mean, $M = \sum_i (x_i - \bar x)^2$, which both variances
    /// divide.
    ///
    /// @return $M$, NaN if no value was added
    public double sumOfSquaredDeviations() {
        return n == 0 ? Double.NaN : m2;
    }

    /// The population variance $M / n$ (NumPy's `var` with `ddof=0`), the maximum-likelihood estimate
    /// under a normal model.
    ///
    /// @return $M/n$, NaN if no value was added
    public double populationVariance() {
        return n == 0 ? Double.NaN : m2 / n;
    }

    /// The sample variance $M / (n - 1)$ (NumPy's `var` with `ddof=1`), unbiased for independent draws.
    ///
    /// @return $M/(n-1)$, NaN if fewer than two values were added
    public double sampleVariance() {
        return n < 2 ? Double.NaN : m2 / (n - 1);
    }

    /// An immutable copy of the current state.
    ///
    /// @return the count, mean and sum of squared deviations now
    public Snapshot snapshot() {
        return new Snapshot(n, mean(), sumOfSquaredDeviations());
    }

    /// The state of an accumulator at one moment: immutable and thread-safe.
    ///
    /// @param count the number of values
    /// @param mean their mean, NaN if `count` is 0
    /// @param sumOfSquaredDeviations $M = \sum_i (x_i - \bar x)^2$, NaN if `count` is 0
    public record Snapshot(long count, double mean, double sumOfSquaredDeviations) {
        /// The population variance $M/n$.
        ///
        /// @return $M/n$, NaN if `count` is 0
        public double populationVariance() {
            return count == 0 ? Double.NaN : sumOfSquaredDeviations / count;
        }

        /// The sample variance $M/(n-1)$.
        ///
        /// @return $M/(n-1)$, NaN if `count` is below 2
        public double sampleVariance() {
            return count < 2 ? Double.NaN : sumOfSquaredDeviations / (count - 1);
        }
    }
}
