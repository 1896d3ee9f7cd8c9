package dev.lemma.prob;

import dev.lemma.numeric.Checks;
import dev.lemma.numeric.ConvergenceException;
import dev.lemma.numeric.SpecialFunctions;
import java.util.random.RandomGenerator;

/// The gamma distribution with shape $k$ and scale $\theta$ (rate $1/\theta$), density
///
/// $$f(x) = \frac{x^{k-1} e^{-x/\theta}}{\Gamma(k)\,\theta^k}, \quad x > 0.$$
///
/// - $\log f$ directly: $(k - 1)\log x - x/\theta - \log\Gamma(k) - k\log\theta$.
/// - CDF $P(k, x/\theta)$ and survival $Q(k, x/\theta)$, the regularized incomplete gamma functions,
///   each accurate in its own tail.
/// - Quantile $\theta\,P^{-1}(k, p)$ (`inverseRegularizedGammaP`, which works on $Q$ for $p > 1/2$).
/// - Mean $k\theta$, variance $k\theta^2$, entropy $k + \log\theta + \log\Gamma(k) + (1 - k)\psi(k)$.
/// - Sampling: Marsaglia and Tsang's method with the $U^{1/k}$ boost for $k < 1$, times $\theta$.
/// - [#fit]: maximum likelihood. With $s = \log\bar x - \overline{\log x} \ge 0$, the shape solves
///   $\log k - \psi(k) = s$, found by Newton's method ($\frac{d}{dk}(\log k - \psi(k)) = 1/k -
///   \psi'(k)$) from Minka's start $k_0 = \big(3 - s + \sqrt{(s - 3)^2 + 24s}\big)/(12s)$, which is
///   within 1.5% of the root; then $\hat\theta = \bar x/\hat k$.
///
/// At $x = 0$ the density is $+\infty$ for $k < 1$, $1/\theta$ for $k = 1$ and 0 for $k > 1$.
/// Non-finite input: NaN `x` throws.
///
/// References: Forbes et al., *Statistical Distributions*, 4th ed. (2011), ch. 22; T. P. Minka,
/// "Estimating a Gamma distribution" (2002); Marsaglia and Tsang, ACM TOMS 26(3) (2000).
///
/// Book: chapter 3, "Probability".
///
/// @param shape $k$, finite and $> 0$
/// @param scale $\theta$, finite and $> 0$
public record Gamma(double shape, double scale) implements ContinuousDistribution {
    private static final String NAME = "Gamma";

    /// @throws IllegalArgumentException if `shape` or `scale` is not finite and positive
    public Gamma {
        Validation.positive(NAME, "shape", shape);
        Validation.positive(NAME, "scale", scale);
    }

    @Override
    public double logPdf(double x) {
        Validation.point(NAME, x);
        return logDensity(x, shape, scale);
    }

    /// $\log f$ for shape $k$ and scale $\theta$; shared with [ChiSquared].
    static double logDensity(double x, double k, double theta) {
        if (x < 0 || x == Double.POSITIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x == 0) {
            if (k < 1) {
                return Double.POSITIVE_INFINITY;
            }
            return k == 1 ? -Math.log(theta) : Double.NEGATIVE_INFINITY;
        }
        return (k - 1) * Math.log(x) - x / theta - SpecialFunctions.logGamma(k) - k * Math.log(theta);
    }

    @Override
    public double cdf(double x) {
        Validation.point(NAME, x);
        return x <= 0 ? 0 : SpecialFunctions.regularizedGammaP(shape, x / scale);
    }

    @Override
    public double survival(double x) {
        Validation.point(NAME, x);
        return x <= 0 ? 1 : SpecialFunctions.regularizedGammaQ(shape, x / scale);
    }

    @Override
    public double quantile(double p) {
        Validation.probability(NAME, p);
        return scale * standardQuantile(this, shape, p);
    }

    /// Below this estimate of the Gamma$(k, 1)$ quantile, the leading term of the series of $P$ is
    /// used as the start instead of `inverseRegularizedGammaP`.
    private static final double SMALL_QUANTILE = 1e-6;

    /// The Gamma$(k, 1)$ quantile, $P^{-1}(k, p)$. For a quantile below $10^{-6}$ the start is the
    /// leading term $x_0 = (p\,\Gamma(k + 1))^{1/k}$ of $P(k, x) = \frac{x^k e^{-x}}{\Gamma(k+1)}(1 +
    /// \frac{x}{k+1} + \dots)$, within about $x_0/k$ relative, then Newton's method on the CDF of
    /// `d` (scale $\theta$, so the result is divided by it). `inverseRegularizedGammaP` itself fails
    /// to converge there (e.g. $k = 2.5$, $p = 10^{-300}$, where $x \approx 4 \times 10^{-120}$).
    static double standardQuantile(ContinuousDistribution d, double k, double p) {
        double start = Math.exp((Math.log(p) + SpecialFunctions.logGamma(k + 1)) / k);
        if (start < SMALL_QUANTILE) {
            double theta = d.mean() / k;
            return ContinuousMath.polishQuantile(d, p, start * theta) / theta;
        }
        return SpecialFunctions.inverseRegularizedGammaP(k, p);
    }

    /// @return $k\theta$
    @Override
    public double mean() {
        return shape * scale;
    }

    /// @return $k\theta^2$
    @Override
    public double variance() {
        return shape * scale * scale;
    }

    /// @return $k + \log\theta + \log\Gamma(k) + (1 - k)\psi(k)$
    @Override
    public double entropy() {
        return entropy(shape, scale);
    }

    static double entropy(double k, double theta) {
        return k + Math.log(theta) + SpecialFunctions.logGamma(k) + (1 - k) * SpecialFunctions.digamma(k);
    }

    @Override
    public double sample(RandomGenerator random) {
        return scale * GammaSampler.standardGamma(random, shape);
    }

    @Override
    public double supportLowerBound() {
        return 0;
    }

    @Override
    public double supportUpperBound() {
        return Double.POSITIVE_INFINITY;
    }

    /// The maximum-likelihood gamma distribution (see the class comment for the method).
    ///
    /// @param data the sample, every value $> 0$, not all equal
    /// @return the fitted distribution
    /// @throws IllegalArgumentException if `data` is empty, holds a non-finite or non-positive value
    ///     (naming its index), or all values are equal (the likelihood then grows without bound in $k$)
    /// @throws ConvergenceException if Newton's method has not converged after 100 steps (not
    ///     observed: it converges in 3 to 5)
    public static Gamma fit(double... data) {
        Validation.data(NAME, data);
        Validation.dataSatisfy(NAME, data, x -> x > 0, "> 0");
        double sum = 0;
        double sumLog = 0;
        for (double x : data) {
            sum += x;
            sumLog += Math.log(x);
        }
        double mean = sum / data.length;
        double s = Math.log(mean) - sumLog / data.length;
        Checks.argument(
                s > 0, "Gamma.fit: all %d values are equal (to rounding), so the shape is unbounded", data.length);
        double k = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
        double previousStep = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 100; i++) {
            double f = Math.log(k) - SpecialFunctions.digamma(k) - s;
            double df = 1 / k - ContinuousMath.trigamma(k);
            double next = k - f / df;
            if (next <= 0) {
                next = k / 2;
            }
            double step = Math.abs(next - k);
            // For large k, log k - psi(k) ~ 1/(2k) is a difference of nearly equal numbers, so the
            // steps end at a noise floor of about u k log k; stop there, when they no longer shrink.
            if (step <= 1e-14 * k || (i >= 2 && step >= previousStep)) {
                return new Gamma(next, mean / next);
            }
            previousStep = step;
            k = next;
        }
        throw new ConvergenceException("Gamma.fit: Newton's method for the shape did not converge in 100 steps");
    }
}
