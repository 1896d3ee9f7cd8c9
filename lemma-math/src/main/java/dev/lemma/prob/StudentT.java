package dev.lemma.prob;

import dev.lemma.numeric.ConvergenceException;
import dev.lemma.numeric.SpecialFunctions;
import java.util.random.RandomGenerator;

/// Student's t distribution with $\nu$ degrees of freedom (standard: location 0, scale 1), the law of
/// $Z/\sqrt{V/\nu}$ for $Z \sim N(0, 1)$ and an independent $V \sim \chi^2_\nu$. Density
///
/// $$f(x) = \frac{1}{\sqrt\nu\,B(\frac\nu2, \frac12)}\Big(1 + \frac{x^2}{\nu}\Big)^{-\frac{\nu+1}{2}}.$$
///
/// - $\log f = -\log B(\frac\nu2, \frac12) - \frac12\log\nu - \frac{\nu+1}2\mathrm{log1p}(x^2/\nu)$; the
///   beta function (not a difference of two $\log\Gamma$) keeps the digits for large $\nu$.
/// - Tails: $P(T > |x|) = \frac12 I_z(\frac\nu2, \frac12)$ with $z = \frac{\nu}{\nu + x^2}$. Both $z$ and
///   $1 - z = \frac{x^2}{\nu + x^2}$ are formed directly, and the incomplete beta is evaluated on the
///   side where its continued fraction converges without rounding its argument, so the CDF is
///   accurate in both tails and near 0; the other tail is $1 - $ a value at most 1/2.
/// - Quantile: the inverse incomplete beta, $|x| = \sqrt{\nu(1 - z)/z}$ with $z = I^{-1}_{2p}(\frac\nu2,
///   \frac12)$ for $p \le 1/4$, or $|x| = \sqrt{\nu w/(1 - w)}$ with $w = I^{-1}_{1 - 2p}(\frac12,
///   \frac\nu2)$ for $1/4 < p \le 1/2$ (symmetric above), then Newton steps on the accurate CDF, which
///   repair the cancellation in $1 - z$ or $1 - w$.
/// - Mean 0 for $\nu > 1$ (NaN for $\nu \le 1$: the integral does not converge); variance
///   $\frac{\nu}{\nu - 2}$ for $\nu > 2$, $+\infty$ for $1 < \nu \le 2$, NaN for $\nu \le 1$ (SciPy's
///   conventions). Entropy $\frac{\nu+1}2\big(\psi(\frac{\nu+1}2) - \psi(\frac\nu2)\big) +
///   \log\big(\sqrt\nu\,B(\frac\nu2, \frac12)\big)$.
/// - Sampling: $Z/\sqrt{V/\nu}$ with $V = 2G$, $G \sim$ Gamma$(\nu/2, 1)$ (Marsaglia and Tsang), through
///   $\log G$ so that a gamma draw that underflows (small $\nu$) does not give an infinite $t$.
/// - [#fit]: maximum likelihood for $\nu$ (location and scale fixed at 0 and 1): the root of the
///   score $\sum_i \frac12\big[\psi(\frac{\nu+1}2) - \psi(\frac\nu2) - \frac1\nu - \mathrm{log1p}(x_i^2/\nu)
///   + \frac{(\nu+1)x_i^2}{\nu(\nu + x_i^2)}\big]$ by bisection on $\log\nu$ over $[10^{-3}, 10^{6}]$.
///
/// Accuracy: at the reference points the quantiles are within an ulp of 50-digit mpmath roots of
/// $F(x) = q$ (SciPy 1.10.1's `t.ppf` is off by up to $3.3 \times 10^{-10}$ there), the rest within
/// $3 \times 10^{-15}$ of SciPy.
///
/// Non-finite input: NaN `x` throws.
///
/// References: A&S 26.7; Forbes et al., *Statistical Distributions*, 4th ed. (2011), ch. 39; NR 3rd
/// ed. §6.14.
///
/// Book: chapter 3, "Probability".
///
/// @param df $\nu$, finite and $> 0$
public record StudentT(double df) implements ContinuousDistribution {
    private static final String NAME = "StudentT";
    private static final double FIT_LOWER = 1e-3;
    private static final double FIT_UPPER = 1e6;

    /// @throws IllegalArgumentException if `df` is not finite and positive
    public StudentT {
        Validation.positive(NAME, "df", df);
    }

    @Override
    public double logPdf(double x) {
        Validation.point(NAME, x);
        return -SpecialFunctions.logBeta(0.5 * df, 0.5) - 0.5 * Math.log(df) - 0.5 * (df + 1) * log1pSquareOverDf(x);
    }

    /// Beyond this $|x|$, $x^2$ could overflow; $\log(1 + x^2/\nu)$ and $\nu/(\nu + x^2)$ are then
    /// formed from $\nu/x^2 = (\nu/x)/x$.
    private static final double HUGE = 1e150;

    /// Below this $z = \nu/(\nu + x^2)$ the leading term of $I_z(\nu/2, 1/2)$ is exact to rounding (the
    /// next is $O(z)$ relative).
    private static final double TINY_Z = 1e-250;

    /// $\mathrm{log1p}(x^2/\nu)$ without overflow: $2\log|x| - \log\nu + \mathrm{log1p}(\nu/x^2)$ for
    /// huge $|x|$.
    private double log1pSquareOverDf(double x) {
        if (Math.abs(x) <= HUGE) {
            return Math.log1p(x * x / df);
        }
        if (Double.isInfinite(x)) {
            return Double.POSITIVE_INFINITY;
        }
        return 2 * Math.log(Math.abs(x)) - Math.log(df) + Math.log1p(df / x / x);
    }

    /// $P(T > |x|)$, at most 1/2.
    private double tail(double x) {
        if (Double.isInfinite(x)) {
            return 0;
        }
        double z;
        double w;
        if (Math.abs(x) <= HUGE) {
            double x2 = x * x;
            z = df / (df + x2);
            w = x2 / (df + x2);
        } else {
            double r = df / x / x; // nu/x^2, as x^2 would overflow
            if (r < TINY_Z) {
                // I_z(a, 1/2) = z^a / (a B(a, 1/2)) (1 + O(z)) with z = nu/x^2, in logarithms because
                // z may underflow while the tail (~|x|^-nu) is still far from 0 for small nu
                double a = 0.5 * df;
                double logZ = Math.log(df) - 2 * Math.log(Math.abs(x));
                return 0.5 * Math.exp(a * logZ - Math.log(a) - SpecialFunctions.logBeta(a, 0.5));
            }
            z = r / (1 + r);
            w = 1 / (1 + r);
        }
        return 0.5 * ContinuousMath.lowerBeta(z, w, 0.5 * df, 0.5);
    }

    @Override
    public double cdf(double x) {
        Validation.point(NAME, x);
        return x <= 0 ? tail(x) : 1 - tail(x);
    }

    @Override
    public double survival(double x) {
        Validation.point(NAME, x);
        return x >= 0 ? tail(x) : 1 - tail(x);
    }

    @Override
    public double quantile(double p) {
        Validation.probability(NAME, p);
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (p == 0.5) {
            return 0;
        }
        double tailP = p < 0.5 ? p : 1 - p; // exact for p > 1/2
        double magnitude;
        if (tailP <= 0.25) {
            double z = SpecialFunctions.inverseRegularizedBeta(2 * tailP, 0.5 * df, 0.5);
            magnitude = Math.sqrt(df * ((1 - z) / z));
        } else {
            double w = SpecialFunctions.inverseRegularizedBeta(1 - 2 * tailP, 0.5, 0.5 * df);
            magnitude = Math.sqrt(df * (w / (1 - w)));
        }
        return ContinuousMath.polishQuantile(this, p, p < 0.5 ? -magnitude : magnitude);
    }

    /// @return 0 for $\nu > 1$, NaN otherwise
    @Override
    public double mean() {
        return df > 1 ? 0 : Double.NaN;
    }

    /// @return $\nu/(\nu - 2)$ for $\nu > 2$, $+\infty$ for $1 < \nu \le 2$, NaN for $\nu \le 1$
    @Override
    public double variance() {
        if (df > 2) {
            return df / (df - 2);
        }
        return df > 1 ? Double.POSITIVE_INFINITY : Double.NaN;
    }

    /// @return $\frac{\nu+1}2\big(\psi(\frac{\nu+1}2) - \psi(\frac\nu2)\big) + \log\sqrt\nu +
    ///     \log B(\frac\nu2, \frac12)$
    @Override
    public double entropy() {
        double h = 0.5 * (df + 1);
        return h * (SpecialFunctions.digamma(h) - SpecialFunctions.digamma(0.5 * df))
                + 0.5 * Math.log(df)
                + SpecialFunctions.logBeta(0.5 * df, 0.5);
    }

    @Override
    public double sample(RandomGenerator random) {
        // Z / sqrt(V / nu) with log V = log 2 + log G: for small nu the gamma draw underflows to 0
        double z = random.nextGaussian();
        double logV = Math.log(2) + GammaSampler.logStandardGamma(random, 0.5 * df);
        return z * Math.exp(0.5 * (Math.log(df) - logV));
    }

    @Override
    public double supportLowerBound() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double supportUpperBound() {
        return Double.POSITIVE_INFINITY;
    }

    /// The maximum-likelihood degrees of freedom of a standard (location 0, scale 1) t (see the class
    /// comment).
    ///
    /// @param data the sample
    /// @return the fitted distribution
    /// @throws IllegalArgumentException if `data` is empty or holds a non-finite value (naming its
    ///     index)
    /// @throws ConvergenceException if the score does not change sign on $[10^{-3}, 10^6]$: the data
    ///     are lighter-tailed than any t with $\nu \le 10^6$ (a normal fits them better) or heavier than
    ///     $\nu = 10^{-3}$
    public static StudentT fit(double... data) {
        Validation.data(NAME, data);
        double lo = Math.log(FIT_LOWER);
        double hi = Math.log(FIT_UPPER);
        double scoreLo = score(data, FIT_LOWER);
        double scoreHi = score(data, FIT_UPPER);
        if (!(scoreLo > 0 && scoreHi < 0)) {
            throw new ConvergenceException(String.format(
                    "StudentT.fit: the score does not change sign on [%s, %s] (%s, %s): no maximum there",
                    FIT_LOWER, FIT_UPPER, scoreLo, scoreHi));
        }
        for (int i = 0; i < 200 && hi - lo > 1e-14 * Math.max(1, Math.abs(lo)); i++) {
            double mid = 0.5 * (lo + hi);
            if (score(data, Math.exp(mid)) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new StudentT(Math.exp(0.5 * (lo + hi)));
    }

    /// $\partial_\nu$ of the log-likelihood, times 2.
    private static double score(double[] data, double nu) {
        double constant = SpecialFunctions.digamma(0.5 * (nu + 1)) - SpecialFunctions.digamma(0.5 * nu) - 1 / nu;
        double sum = 0;
        for (double x : data) {
            double x2 = x * x;
            sum += constant - Math.log1p(x2 / nu) + (nu + 1) * x2 / (nu * (nu + x2));
        }
        return sum;
    }
}
