package dev.lemma.prob;

import dev.lemma.numeric.SpecialFunctions;
import java.util.random.RandomGenerator;

/// The chi-squared distribution with $k$ degrees of freedom, the law of $\sum_{i=1}^k Z_i^2$ for
/// independent standard normals: Gamma$(k/2, 2)$, density
///
/// $$f(x) = \frac{x^{k/2-1} e^{-x/2}}{2^{k/2}\,\Gamma(k/2)}, \quad x > 0.$$
///
/// - CDF $P(k/2, x/2)$, survival $Q(k/2, x/2)$, quantile $2P^{-1}(k/2, p)$, as [Gamma].
/// - Mean $k$, variance $2k$, entropy $\frac k2 + \log(2\Gamma(\tfrac k2)) + (1 - \tfrac k2)\psi(\tfrac k2)$.
/// - Sampling: $2G$ with $G \sim$ Gamma$(k/2, 1)$ by Marsaglia and Tsang (for integer $k$ this has
///   the law of a sum of $k$ squared normals, at the cost of one gamma draw).
/// - [#fit]: maximum likelihood for $k$. The score $\frac12\big(\overline{\log x} - \log 2 -
///   \psi(k/2)\big)$ vanishes at $\hat k = 2\psi^{-1}(\overline{\log x} - \log 2)$, with $\psi^{-1}$ by
///   Newton's method (Minka's start); the log-likelihood is concave in $k$, so this is the maximum.
///
/// Non-finite input: NaN `x` throws.
///
/// References: A&S 26.4; Forbes et al., *Statistical Distributions*, 4th ed. (2011), ch. 11.
///
/// Book: chapter 3, "Probability".
///
/// @param df $k$, finite and $> 0$ (need not be an integer)
public record ChiSquared(double df) implements ContinuousDistribution {
    private static final String NAME = "ChiSquared";

    /// @throws IllegalArgumentException if `df` is not finite and positive
    public ChiSquared {
        Validation.positive(NAME, "df", df);
    }

    @Override
    public double logPdf(double x) {
        Validation.point(NAME, x);
        return Gamma.logDensity(x, 0.5 * df, 2);
    }

    @Override
    public double cdf(double x) {
        Validation.point(NAME, x);
        return x <= 0 ? 0 : SpecialFunctions.regularizedGammaP(0.5 * df, 0.5 * x);
    }

    @Override
    public double survival(double x) {
        Validation.point(NAME, x);
        return x <= 0 ? 1 : SpecialFunctions.regularizedGammaQ(0.5 * df, 0.5 * x);
    }

    @Override
    public double quantile(double p) {
        Validation.probability(NAME, p);
        return 2 * Gamma.standardQuantile(this, 0.5 * df, p);
    }

    /// @return $k$
    @Override
    public double mean() {
        return df;
    }

    /// @return $2k$
    @Override
    public double variance() {
        return 2 * df;
    }

    /// @return $\frac k2 + \log(2\Gamma(\tfrac k2)) + (1 - \tfrac k2)\psi(\tfrac k2)$
    @Override
    public double entropy() {
        return Gamma.entropy(0.5 * df, 2);
    }

    @Override
    public double sample(RandomGenerator random) {
        return 2 * GammaSampler.standardGamma(random, 0.5 * df);
    }

    @Override
    public double supportLowerBound() {
        return 0;
    }

    @Override
    public double supportUpperBound() {
        return Double.POSITIVE_INFINITY;
    }

    /// The maximum-likelihood degrees of freedom (see the class comment).
    ///
    /// @param data the sample, every value $> 0$
    /// @return the fitted distribution
    /// @throws IllegalArgumentException if `data` is empty or holds a non-finite or non-positive value,
    ///     naming its index
    public static ChiSquared fit(double... data) {
        Validation.data(NAME, data);
        Validation.dataSatisfy(NAME, data, x -> x > 0, "> 0");
        double sumLog = 0;
        for (double x : data) {
            sumLog += Math.log(x);
        }
        return new ChiSquared(2 * ContinuousMath.inverseDigamma(sumLog / data.length - Math.log(2)));
    }
}
