package dev.lemma.prob;

import dev.lemma.numeric.Checks;
import dev.lemma.numeric.Summation;
import java.util.random.RandomGenerator;

/// The exponential distribution with rate $\lambda$: density $f(x) = \lambda e^{-\lambda x}$ for
/// $x \ge 0$, the waiting time of a Poisson process.
///
/// - CDF $-\mathrm{expm1}(-\lambda x)$ (accurate for small $x$, where $1 - e^{-\lambda x}$ cancels) and
///   survival $e^{-\lambda x}$.
/// - Quantile $-\mathrm{log1p}(-p)/\lambda$.
/// - Mean $1/\lambda$, variance $1/\lambda^2$, entropy $1 - \log\lambda$.
/// - Sampling: inverse CDF, $-\log(1 - U)/\lambda$ with $1 - U \in (0, 1]$, so every draw is finite.
/// - [#fit]: the maximum-likelihood rate $1/\bar x$.
///
/// Non-finite input: NaN `x` throws; $f(0) = \lambda$ (SciPy's convention).
///
/// References: Forbes et al., *Statistical Distributions*, 4th ed. (2011), ch. 17.
///
/// Book: chapter 3, "Probability".
///
/// @param rate $\lambda$, finite and $> 0$
public record Exponential(double rate) implements ContinuousDistribution {
    private static final String NAME = "Exponential";

    /// @throws IllegalArgumentException if `rate` is not finite and positive
    public Exponential {
        Validation.positive(NAME, "rate", rate);
    }

    @Override
    public double logPdf(double x) {
        Validation.point(NAME, x);
        return x < 0 ? Double.NEGATIVE_INFINITY : Math.log(rate) - rate * x;
    }

    @Override
    public double cdf(double x) {
        Validation.point(NAME, x);
        return x <= 0 ? 0 : -Math.expm1(-rate * x);
    }

    @Override
    public double survival(double x) {
        Validation.point(NAME, x);
        return x <= 0 ? 1 : Math.exp(-rate * x);
    }

    @Override
    public double quantile(double p) {
        Validation.probability(NAME, p);
        return -Math.log1p(-p) / rate;
    }

    /// @return $1/\lambda$
    @Override
    public double mean() {
        return 1 / rate;
    }

    /// @return $1/\lambda^2$
    @Override
    public double variance() {
        return 1 / (rate * rate);
    }

    /// @return $1 - \log\lambda$
    @Override
    public double entropy() {
        return 1 - Math.log(rate);
    }

    @Override
    public double sample(RandomGenerator random) {
        return -Math.log(1 - random.nextDouble()) / rate;
    }

    @Override
    public double supportLowerBound() {
        return 0;
    }

    @Override
    public double supportUpperBound() {
        return Double.POSITIVE_INFINITY;
    }

    /// The maximum-likelihood exponential: $\hat\lambda = 1/\bar x$.
    ///
    /// @param data the sample, every value $\ge 0$, not all 0
    /// @return the fitted distribution
    /// @throws IllegalArgumentException if `data` is empty, holds a non-finite or negative value
    ///     (naming its index), or sums to 0
    public static Exponential fit(double... data) {
        Validation.data(NAME, data);
        Validation.dataSatisfy(NAME, data, x -> x >= 0, "≥ 0");
        double mean = Summation.compensated(data) / data.length;
        Checks.argument(mean > 0, "Exponential.fit: all %d values are 0", data.length);
        return new Exponential(1 / mean);
    }
}
