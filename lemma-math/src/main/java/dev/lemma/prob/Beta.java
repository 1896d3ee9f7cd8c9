package dev.lemma.prob;

import dev.lemma.numeric.Checks;
import dev.lemma.numeric.ConvergenceException;
import dev.lemma.numeric.SpecialFunctions;
import dev.lemma.numeric.StableFunctions;
import java.util.random.RandomGenerator;

/// The beta distribution on $[0, 1]$ with shapes $\alpha, \beta$, density
///
/// $$f(x) = \frac{x^{\alpha-1}(1 - x)^{\beta-1}}{B(\alpha, \beta)}.$$
///
/// - $\log f = (\alpha - 1)\log x + (\beta - 1)\,\mathrm{log1p}(-x) - \log B(\alpha, \beta)$.
/// - CDF $I_x(\alpha, \beta)$; survival $I_{1-x}(\beta, \alpha)$ where the CDF is above 1/2, else $1 - $
///   CDF (then at most a factor 2 of amplification). For $x \ge 1/2$, $1 - x$ is exact; below, its
///   rounding moves the survival by its derivative times $u/2$, the conditioning of the question.
/// - Quantile $I^{-1}_p(\alpha, \beta)$ (`inverseRegularizedBeta`).
/// - Mean $\frac{\alpha}{\alpha+\beta}$, variance $\frac{\alpha\beta}{(\alpha+\beta)^2(\alpha+\beta+1)}$,
///   entropy $\log B(\alpha, \beta) - (\alpha - 1)\psi(\alpha) - (\beta - 1)\psi(\beta) + (\alpha +
///   \beta - 2)\psi(\alpha + \beta)$.
/// - Sampling: $X/(X + Y)$ with $X \sim$ Gamma$(\alpha, 1)$, $Y \sim$ Gamma$(\beta, 1)$, formed as
///   $\sigma(\log X - \log Y)$ from the logarithms of the draws, so that shapes well below 1, whose
///   gamma draws underflow, still give a value in $[0, 1]$.
/// - [#fit]: maximum likelihood. The score equations are $\psi(\alpha) - \psi(\alpha + \beta) =
///   \overline{\log x}$ and $\psi(\beta) - \psi(\alpha + \beta) = \overline{\log(1 - x)}$; Newton's
///   method on them (Jacobian from the trigamma function) starts from the method of moments, $\alpha_0
///   = \bar x c$, $\beta_0 = (1 - \bar x)c$ with $c = \bar x(1 - \bar x)/s^2 - 1$, and halves a step
///   that would leave the positive quadrant. The log-likelihood is concave in $(\alpha, \beta)$, so
///   the root is the maximum.
///
/// At $x = 0$ the density is $+\infty$ for $\alpha < 1$, $\beta$ for $\alpha = 1$ (i.e.
/// $1/B(1, \beta)$), 0 for $\alpha > 1$; likewise at 1 with $\beta$. Non-finite input: NaN `x` throws.
///
/// References: Forbes et al., *Statistical Distributions*, 4th ed. (2011), ch. 8; A&S 26.5; T. P.
/// Minka, "Estimating a Dirichlet distribution" (2000).
///
/// Book: chapter 3, "Probability".
///
/// @param alpha $\alpha$, finite and $> 0$
/// @param beta $\beta$, finite and $> 0$
public record Beta(double alpha, double beta) implements ContinuousDistribution {
    private static final String NAME = "Beta";

    /// @throws IllegalArgumentException if `alpha` or `beta` is not finite and positive
    public Beta {
        Validation.positive(NAME, "alpha", alpha);
        Validation.positive(NAME, "beta", beta);
    }

    @Override
    public double logPdf(double x) {
        Validation.point(NAME, x);
        if (x < 0 || x > 1) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x == 0) {
            return atEnd(alpha);
        }
        if (x == 1) {
            return atEnd(beta);
        }
        return (alpha - 1) * Math.log(x) + (beta - 1) * Math.log1p(-x) - SpecialFunctions.logBeta(alpha, beta);
    }

    private double atEnd(double shape) {
        if (shape < 1) {
            return Double.POSITIVE_INFINITY;
        }
        return shape == 1 ? -SpecialFunctions.logBeta(alpha, beta) : Double.NEGATIVE_INFINITY;
    }

    @Override
    public double cdf(double x) {
        Validation.point(NAME, x);
        if (x <= 0) {
            return 0;
        }
        return x >= 1 ? 1 : SpecialFunctions.regularizedBeta(x, alpha, beta);
    }

    @Override
    public double survival(double x) {
        Validation.point(NAME, x);
        if (x <= 0) {
            return 1;
        }
        if (x >= 1) {
            return 0;
        }
        double cdf = SpecialFunctions.regularizedBeta(x, alpha, beta);
        return cdf < 0.5 ? 1 - cdf : SpecialFunctions.regularizedBeta(1 - x, beta, alpha);
    }

    @Override
    public double quantile(double p) {
        Validation.probability(NAME, p);
        return SpecialFunctions.inverseRegularizedBeta(p, alpha, beta);
    }

    /// @return $\alpha/(\alpha + \beta)$
    @Override
    public double mean() {
        return alpha / (alpha + beta);
    }

    /// @return $\alpha\beta/((\alpha+\beta)^2(\alpha+\beta+1))$
    @Override
    public double variance() {
        double s = alpha + beta;
        return alpha / s * (beta / s) / (s + 1);
    }

    /// @return $\log B(\alpha, \beta) - (\alpha - 1)\psi(\alpha) - (\beta - 1)\psi(\beta) + (\alpha +
    ///     \beta - 2)\psi(\alpha + \beta)$
    @Override
    public double entropy() {
        return SpecialFunctions.logBeta(alpha, beta)
                - (alpha - 1) * SpecialFunctions.digamma(alpha)
                - (beta - 1) * SpecialFunctions.digamma(beta)
                + (alpha + beta - 2) * SpecialFunctions.digamma(alpha + beta);
    }

    @Override
    public double sample(RandomGenerator random) {
        double logX = GammaSampler.logStandardGamma(random, alpha);
        double logY = GammaSampler.logStandardGamma(random, beta);
        return StableFunctions.sigmoid(logX - logY);
    }

    @Override
    public double supportLowerBound() {
        return 0;
    }

    @Override
    public double supportUpperBound() {
        return 1;
    }

    /// The maximum-likelihood beta distribution (see the class comment for the method).
    ///
    /// @param data the sample, every value in $(0, 1)$, not all equal
    /// @return the fitted distribution
    /// @throws IllegalArgumentException if `data` is empty, holds a non-finite value or one outside
    ///     $(0, 1)$ (naming its index), or has no spread
    /// @throws ConvergenceException if Newton's method has not converged after 200 steps
    public static Beta fit(double... data) {
        Validation.data(NAME, data);
        Validation.dataSatisfy(NAME, data, x -> x > 0 && x < 1, "in (0, 1)");
        int n = data.length;
        double sum = 0;
        double sumLog = 0;
        double sumLog1m = 0;
        for (double x : data) {
            sum += x;
            sumLog += Math.log(x);
            sumLog1m += Math.log1p(-x);
        }
        double mean = sum / n;
        double ss = 0;
        for (double x : data) {
            ss += (x - mean) * (x - mean);
        }
        double variance = ss / n;
        Checks.argument(variance > 0, "Beta.fit: all %d values are equal", n);
        double g1 = sumLog / n;
        double g2 = sumLog1m / n;
        double c = mean * (1 - mean) / variance - 1;
        double a = c > 0 ? mean * c : 1;
        double b = c > 0 ? (1 - mean) * c : 1;
        double previousStep = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 200; i++) {
            double psiAB = SpecialFunctions.digamma(a + b);
            double f1 = SpecialFunctions.digamma(a) - psiAB - g1;
            double f2 = SpecialFunctions.digamma(b) - psiAB - g2;
            double tAB = ContinuousMath.trigamma(a + b);
            double j11 = ContinuousMath.trigamma(a) - tAB;
            double j22 = ContinuousMath.trigamma(b) - tAB;
            double j12 = -tAB;
            double det = j11 * j22 - j12 * j12;
            double da = (j22 * f1 - j12 * f2) / det;
            double db = (j11 * f2 - j12 * f1) / det;
            double t = 1;
            while (a - t * da <= 0 || b - t * db <= 0) {
                t /= 2;
            }
            double nextA = a - t * da;
            double nextB = b - t * db;
            double step = Math.max(Math.abs(nextA - a) / a, Math.abs(nextB - b) / b);
            // As in Gamma.fit: the digamma differences end the steps at a rounding-noise floor.
            boolean done = step <= 1e-14 || (i >= 2 && step >= previousStep);
            previousStep = step;
            a = nextA;
            b = nextB;
            if (done) {
                return new Beta(a, b);
            }
        }
        throw new ConvergenceException("Beta.fit: Newton's method did not converge in 200 steps");
    }
}
