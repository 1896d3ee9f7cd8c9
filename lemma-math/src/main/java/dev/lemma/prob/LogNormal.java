package dev.lemma.prob;

import dev.lemma.numeric.Checks;
import dev.lemma.numeric.SpecialFunctions;
import java.util.random.RandomGenerator;

/// The log-normal distribution: $X = e^Y$ with $Y \sim N(\mu, \sigma^2)$ ($\mu$ and $\sigma$ are the
/// parameters of the underlying normal, not the mean and standard deviation of $X$). Density
///
/// $$f(x) = \frac{1}{x\sigma\sqrt{2\pi}} \exp\Big(-\frac{(\log x - \mu)^2}{2\sigma^2}\Big), \quad x > 0.$$
///
/// - CDF $\frac12\operatorname{erfc}\big(-\frac{\log x - \mu}{\sigma\sqrt2}\big)$, survival with the
///   opposite sign, each tail direct.
/// - Quantile $\exp\big(\mu - \sigma\sqrt2\,\operatorname{erfc}^{-1}(2p)\big)$.
/// - Mean $e^{\mu + \sigma^2/2}$, variance $\mathrm{expm1}(\sigma^2)\,e^{2\mu + \sigma^2}$, entropy
///   $\mu + \frac12 + \log(\sigma\sqrt{2\pi})$.
/// - Sampling: $\exp(\mu + \sigma Z)$, $Z$ from `nextGaussian`.
/// - [#fit]: the maximum-likelihood estimates are those of the normal fitted to $\log x_i$: the mean
///   of the logs and their population ($1/n$) standard deviation.
///
/// Non-finite input: NaN `x` throws; $f(0) = 0$.
///
/// References: Forbes et al., *Statistical Distributions*, 4th ed. (2011), ch. 30.
///
/// Book: chapter 3, "Probability".
///
/// @param mu the mean of $\log X$, finite
/// @param sigma the standard deviation of $\log X$, finite and $> 0$
public record LogNormal(double mu, double sigma) implements ContinuousDistribution {
    private static final String NAME = "LogNormal";
    private static final double SQRT2 = Math.sqrt(2);
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    /// @throws IllegalArgumentException if `mu` is not finite or `sigma` is not finite and positive
    public LogNormal {
        Validation.finite(NAME, "mu", mu);
        Validation.positive(NAME, "sigma", sigma);
    }

    @Override
    public double logPdf(double x) {
        Validation.point(NAME, x);
        if (x <= 0 || x == Double.POSITIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        double logX = Math.log(x);
        double z = (logX - mu) / sigma;
        return -0.5 * z * z - logX - Math.log(sigma) - HALF_LOG_TWO_PI;
    }

    @Override
    public double cdf(double x) {
        Validation.point(NAME, x);
        return x <= 0 ? 0 : 0.5 * SpecialFunctions.erfc(-(Math.log(x) - mu) / (sigma * SQRT2));
    }

    @Override
    public double survival(double x) {
        Validation.point(NAME, x);
        return x <= 0 ? 1 : 0.5 * SpecialFunctions.erfc((Math.log(x) - mu) / (sigma * SQRT2));
    }

    @Override
    public double quantile(double p) {
        Validation.probability(NAME, p);
        return Math.exp(mu - sigma * SQRT2 * SpecialFunctions.erfcInv(2 * p));
    }

    /// @return $e^{\mu + \sigma^2/2}$
    @Override
    public double mean() {
        return Math.exp(mu + 0.5 * sigma * sigma);
    }

    /// @return $(e^{\sigma^2} - 1)e^{2\mu + \sigma^2}$
    @Override
    public double variance() {
        double s2 = sigma * sigma;
        return Math.expm1(s2) * Math.exp(2 * mu + s2);
    }

    /// @return $\mu + \frac12 + \log\sigma + \frac12\log(2\pi)$
    @Override
    public double entropy() {
        return mu + 0.5 + Math.log(sigma) + HALF_LOG_TWO_PI;
    }

    @Override
    public double sample(RandomGenerator random) {
        return Math.exp(mu + sigma * random.nextGaussian());
    }

    @Override
    public double supportLowerBound() {
        return 0;
    }

    @Override
    public double supportUpperBound() {
        return Double.POSITIVE_INFINITY;
    }

    /// The maximum-likelihood log-normal: the normal fit of the logarithms.
    ///
    /// @param data the sample, every value $> 0$, not all equal
    /// @return the fitted distribution
    /// @throws IllegalArgumentException if `data` is empty, holds a non-finite or non-positive value
    ///     (naming its index), or all values are equal
    public static LogNormal fit(double... data) {
        Validation.data(NAME, data);
        Validation.dataSatisfy(NAME, data, x -> x > 0, "> 0");
        double[] logs = new double[data.length];
        for (int i = 0; i < logs.length; i++) {
            logs[i] = Math.log(data[i]);
        }
        Checks.argument(!allEqual(logs), "LogNormal.fit: all %d values are equal", data.length);
        Normal normal = Normal.fit(logs);
        return new LogNormal(normal.mean(), normal.sd());
    }

    private static boolean allEqual(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }
}
