package dev.lemma.prob;

import dev.lemma.numeric.SpecialFunctions;
import java.util.random.RandomGenerator;

/// Snedecor's F distribution with $d_1$ and $d_2$ degrees of freedom, the law of $(U_1/d_1)/(U_2/d_2)$
/// for independent $U_i \sim \chi^2_{d_i}$. Density, for $x > 0$,
///
/// $$f(x) = \frac{1}{x\,B(\frac{d_1}2, \frac{d_2}2)}\sqrt{\frac{(d_1 x)^{d_1} d_2^{d_2}}{(d_1 x +
/// d_2)^{d_1 + d_2}}}.$$
///
/// - $\log f = \frac{d_1}2\log\frac{d_1}{d_2} + (\frac{d_1}2 - 1)\log x - \frac{d_1 + d_2}2
///   \mathrm{log1p}(\frac{d_1 x}{d_2}) - \log B(\frac{d_1}2, \frac{d_2}2)$.
/// - CDF $I_u(\frac{d_1}2, \frac{d_2}2)$ with $u = \frac{d_1 x}{d_1 x + d_2}$, survival $I_v(\frac{d_2}2,
///   \frac{d_1}2)$ with $v = \frac{d_2}{d_1 x + d_2}$; $u$ and $v$ are both formed directly and the
///   incomplete beta is evaluated on the side where it does not round its argument.
/// - Quantile: $x = \frac{d_2 u}{d_1 (1 - u)}$ from $u = I^{-1}_p(\frac{d_1}2, \frac{d_2}2)$ for
///   $p \le 1/2$, or $x = \frac{d_2(1 - v)}{d_1 v}$ from $v = I^{-1}_{1-p}(\frac{d_2}2, \frac{d_1}2)$
///   above, then Newton steps on the accurate CDF or survival (which repair the cancellation in $1 - u$).
/// - Mean $\frac{d_2}{d_2 - 2}$ for $d_2 > 2$ ($+\infty$ otherwise, as SciPy); variance
///   $\frac{2d_2^2(d_1 + d_2 - 2)}{d_1(d_2 - 2)^2(d_2 - 4)}$ for $d_2 > 4$, $+\infty$ for $2 < d_2 \le 4$,
///   NaN for $d_2 \le 2$. Entropy $\log\frac{d_2}{d_1} + \log B(\frac{d_1}2, \frac{d_2}2) + (1 -
///   \frac{d_1}2)\psi(\frac{d_1}2) - (1 + \frac{d_2}2)\psi(\frac{d_2}2) + \frac{d_1 + d_2}2
///   \psi(\frac{d_1 + d_2}2)$.
/// - Sampling: $(G_1/d_1)/(G_2/d_2)$ with $G_i \sim$ Gamma$(d_i/2, 1)$, the factors 2 cancelling.
/// - No `fit`: the maximum-likelihood degrees of freedom of an F sample need a two-dimensional
///   search on a likelihood that is very flat in $d_2$; not done yet.
///
/// Non-finite input: NaN `x` throws.
///
/// References: A&S 26.6; Forbes et al., *Statistical Distributions*, 4th ed. (2011), ch. 19.
///
/// Book: chapter 3, "Probability".
///
/// @param d1 the numerator degrees of freedom, finite and $> 0$
/// @param d2 the denominator degrees of freedom, finite and $> 0$
public record FDistribution(double d1, double d2) implements ContinuousDistribution {
    private static final String NAME = "FDistribution";

    /// @throws IllegalArgumentException if `d1` or `d2` is not finite and positive
    public FDistribution {
        Validation.positive(NAME, "d1", d1);
        Validation.positive(NAME, "d2", d2);
    }

    @Override
    public double logPdf(double x) {
        Validation.point(NAME, x);
        if (x < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double logB = SpecialFunctions.logBeta(0.5 * d1, 0.5 * d2);
        if (x == 0) {
            if (d1 < 2) {
                return Double.POSITIVE_INFINITY;
            }
            return d1 == 2 ? Math.log(d1 / d2) - logB : Double.NEGATIVE_INFINITY;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        return 0.5 * d1 * Math.log(d1 / d2)
                + (0.5 * d1 - 1) * Math.log(x)
                - 0.5 * (d1 + d2) * Math.log1p(d1 * x / d2)
                - logB;
    }

    @Override
    public double cdf(double x) {
        Validation.point(NAME, x);
        if (x <= 0) {
            return 0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 1;
        }
        double d1x = d1 * x;
        return ContinuousMath.lowerBeta(d1x / (d1x + d2), d2 / (d1x + d2), 0.5 * d1, 0.5 * d2);
    }

    @Override
    public double survival(double x) {
        Validation.point(NAME, x);
        if (x <= 0) {
            return 1;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0;
        }
        double d1x = d1 * x;
        return ContinuousMath.upperBeta(d1x / (d1x + d2), d2 / (d1x + d2), 0.5 * d1, 0.5 * d2);
    }

    @Override
    public double quantile(double p) {
        Validation.probability(NAME, p);
        if (p == 0) {
            return 0;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double x;
        if (p <= 0.5) {
            double u = SpecialFunctions.inverseRegularizedBeta(p, 0.5 * d1, 0.5 * d2);
            x = d2 * u / (d1 * (1 - u));
        } else {
            double v = SpecialFunctions.inverseRegularizedBeta(1 - p, 0.5 * d2, 0.5 * d1);
            x = d2 * (1 - v) / (d1 * v);
        }
        return ContinuousMath.polishQuantile(this, p, x);
    }

    /// @return $d_2/(d_2 - 2)$ for $d_2 > 2$, $+\infty$ otherwise
    @Override
    public double mean() {
        return d2 > 2 ? d2 / (d2 - 2) : Double.POSITIVE_INFINITY;
    }

    /// @return $\frac{2d_2^2(d_1 + d_2 - 2)}{d_1(d_2 - 2)^2(d_2 - 4)}$ for $d_2 > 4$, $+\infty$ for
    ///     $2 < d_2 \le 4$, NaN for $d_2 \le 2$
    @Override
    public double variance() {
        if (d2 > 4) {
            return 2 * d2 * d2 * (d1 + d2 - 2) / (d1 * (d2 - 2) * (d2 - 2) * (d2 - 4));
        }
        return d2 > 2 ? Double.POSITIVE_INFINITY : Double.NaN;
    }

    /// @return the closed form in the class comment
    @Override
    public double entropy() {
        double a = 0.5 * d1;
        double b = 0.5 * d2;
        return Math.log(d2 / d1)
                + SpecialFunctions.logBeta(a, b)
                + (1 - a) * SpecialFunctions.digamma(a)
                - (1 + b) * SpecialFunctions.digamma(b)
                + (a + b) * SpecialFunctions.digamma(a + b);
    }

    @Override
    public double sample(RandomGenerator random) {
        double g1 = GammaSampler.standardGamma(random, 0.5 * d1);
        double g2 = GammaSampler.standardGamma(random, 0.5 * d2);
        return (g1 / d1) / (g2 / d2);
    }

    @Override
    public double supportLowerBound() {
        return 0;
    }

    @Override
    public double supportUpperBound() {
        return Double.POSITIVE_INFINITY;
    }
}
