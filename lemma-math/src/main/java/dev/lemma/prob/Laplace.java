package dev.lemma.prob;

import dev.lemma.numeric.Checks;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/// The Laplace (double exponential) distribution with location $\mu$ and scale $b$, density
///
/// $$f(x) = \frac{1}{2b}\exp\Big(-\frac{|x - \mu|}{b}\Big).$$
///
/// - CDF $\frac12 e^{(x - \mu)/b}$ below $\mu$ and $1 - \frac12 e^{-(x - \mu)/b}$ above; survival the
///   mirror image. The small tail is always the direct exponential; the other side is $1 - $ a value
///   at most 1/2.
/// - Quantile $\mu + b\log(2p)$ for $p \le 1/2$, $\mu - b\log(2(1 - p))$ above ($1 - p$ exact there).
/// - Mean $\mu$, variance $2b^2$, entropy $1 + \log(2b)$.
/// - Sampling: $\mu \pm bE$ with a fair random sign and $E = -\log(1 - U)$ exponential, the inverse
///   CDF of $|X - \mu|$ (exact and cheap).
/// - [#fit]: the maximum-likelihood estimates are the sample median (for an even count, the midpoint
///   of the two middle values: every point between them maximises the likelihood) and the mean
///   absolute deviation from it.
///
/// Non-finite input: NaN `x` throws.
///
/// References: Forbes et al., *Statistical Distributions*, 4th ed. (2011), ch. 26; S. Kotz, T. J.
/// Kozubowski and K. Podgórski, *The Laplace Distribution and Generalizations* (2001), §2.6.
///
/// Book: chapter 3, "Probability".
///
/// @param location $\mu$, finite
/// @param scale $b$, finite and $> 0$
public record Laplace(double location, double scale) implements ContinuousDistribution {
    private static final String NAME = "Laplace";

    /// @throws IllegalArgumentException if `location` is not finite or `scale` is not finite and positive
    public Laplace {
        Validation.finite(NAME, "location", location);
        Validation.positive(NAME, "scale", scale);
    }

    @Override
    public double logPdf(double x) {
        Validation.point(NAME, x);
        return -Math.log(2 * scale) - Math.abs(x - location) / scale;
    }

    @Override
    public double cdf(double x) {
        Validation.point(NAME, x);
        double t = (x - location) / scale;
        return t <= 0 ? 0.5 * Math.exp(t) : 1 - 0.5 * Math.exp(-t);
    }

    @Override
    public double survival(double x) {
        Validation.point(NAME, x);
        double t = (x - location) / scale;
        return t >= 0 ? 0.5 * Math.exp(-t) : 1 - 0.5 * Math.exp(t);
    }

    @Override
    public double quantile(double p) {
        Validation.probability(NAME, p);
        return p <= 0.5 ? location + scale * Math.log(2 * p) : location - scale * Math.log(2 * (1 - p));
    }

    /// @return $\mu$
    @Override
    public double mean() {
        return location;
    }

    /// @return $2b^2$
    @Override
    public double variance() {
        return 2 * scale * scale;
    }

    /// @return $1 + \log(2b)$
    @Override
    public double entropy() {
        return 1 + Math.log(2 * scale);
    }

    @Override
    public double sample(RandomGenerator random) {
        double e = -Math.log(1 - random.nextDouble());
        return random.nextBoolean() ? location + scale * e : location - scale * e;
    }

    @Override
    public double supportLowerBound() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double supportUpperBound() {
        return Double.POSITIVE_INFINITY;
    }

    /// The maximum-likelihood Laplace: $\hat\mu$ the median, $\hat b = \frac1n\sum|x_i - \hat\mu|$.
    ///
    /// Complexity: $O(n \log n)$ (a sort of a copy).
    ///
    /// @param data the sample, not all equal
    /// @return the fitted distribution
    /// @throws IllegalArgumentException if `data` is empty, holds a non-finite value (naming its
    ///     index), or all values are equal
    public static Laplace fit(double... data) {
        Validation.data(NAME, data);
        double[] sorted = data.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        double sum = 0;
        for (double x : data) {
            sum += Math.abs(x - median);
        }
        double b = sum / n;
        Checks.argument(b > 0, "Laplace.fit: all %d values are equal", n);
        return new Laplace(median, b);
    }
}
