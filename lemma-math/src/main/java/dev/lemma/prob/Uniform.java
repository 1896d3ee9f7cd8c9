package dev.lemma.prob;

import dev.lemma.numeric.Checks;
import java.util.random.RandomGenerator;

/// The continuous uniform distribution on $[a, b]$: density $f(x) = 1/(b - a)$ there, 0 elsewhere.
///
/// - CDF $(x - a)/(b - a)$ and survival $(b - x)/(b - a)$ on $[a, b]$, each computed from its own
///   end, so neither is $1 - $ the other.
/// - Quantile $a + p(b - a)$.
/// - Mean $(a + b)/2$, variance $(b - a)^2/12$, entropy $\log(b - a)$.
/// - Sampling: $a + (b - a)U$ with $U$ from `nextDouble` (inverse CDF, exact up to rounding).
/// - [#fit]: the maximum-likelihood estimates are the sample minimum and maximum (biased inwards by
///   $(b - a)/(n + 1)$ on average).
///
/// Non-finite input: NaN `x` throws; the density at the ends is $1/(b - a)$ (the closed interval,
/// as SciPy's `uniform`).
///
/// References: Forbes et al., *Statistical Distributions*, 4th ed. (2011), ch. 40.
///
/// Book: chapter 3, "Probability".
///
/// @param lower $a$, finite
/// @param upper $b$, finite, $b > a$, with $b - a$ finite
public record Uniform(double lower, double upper) implements ContinuousDistribution {
    private static final String NAME = "Uniform";

    /// @throws IllegalArgumentException if a bound is not finite or `lower >= upper`
    public Uniform {
        Validation.finite(NAME, "lower", lower);
        Validation.finite(NAME, "upper", upper);
        Checks.argument(
                lower < upper && Double.isFinite(upper - lower),
                "Uniform: lower must be < upper (with a finite width), got lower = %s, upper = %s",
                lower,
                upper);
    }

    @Override
    public double logPdf(double x) {
        Validation.point(NAME, x);
        return x >= lower && x <= upper ? -Math.log(upper - lower) : Double.NEGATIVE_INFINITY;
    }

    @Override
    public double cdf(double x) {
        Validation.point(NAME, x);
        if (x <= lower) {
            return 0;
        }
        return x >= upper ? 1 : (x - lower) / (upper - lower);
    }

    @Override
    public double survival(double x) {
        Validation.point(NAME, x);
        if (x <= lower) {
            return 1;
        }
        return x >= upper ? 0 : (upper - x) / (upper - lower);
    }

    @Override
    public double quantile(double p) {
        Validation.probability(NAME, p);
        return p == 1 ? upper : Math.min(upper, lower + p * (upper - lower)); // no rounding past b
    }

    /// @return $(a + b)/2$
    @Override
    public double mean() {
        return 0.5 * (lower + upper);
    }

    /// @return $(b - a)^2/12$
    @Override
    public double variance() {
        double w = upper - lower;
        return w * w / 12;
    }

    /// @return $\log(b - a)$
    @Override
    public double entropy() {
        return Math.log(upper - lower);
    }

    @Override
    public double sample(RandomGenerator random) {
        return lower + (upper - lower) * random.nextDouble();
    }

    @Override
    public double supportLowerBound() {
        return lower;
    }

    @Override
    public double supportUpperBound() {
        return upper;
    }

    /// The maximum-likelihood uniform: $[\min_i x_i, \max_i x_i]$.
    ///
    /// @param data the sample, at least two distinct values
    /// @return the fitted distribution
    /// @throws IllegalArgumentException if `data` is empty, holds a non-finite value (naming its
    ///     index), or all its values are equal
    public static Uniform fit(double... data) {
        Validation.data(NAME, data);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : data) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        Checks.argument(min < max, "Uniform.fit: all %d values are equal to %s", data.length, min);
        return new Uniform(min, max);
    }
}
