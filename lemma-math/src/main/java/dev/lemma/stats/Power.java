package dev.lemma.stats;

import dev.lemma.numeric.SpecialFunctions;
import dev.lemma.prob.Normal;
import dev.lemma.prob.StudentT;
import java.util.random.RandomGenerator;

/// The power of a t test, $1 - \beta = P(\text{reject } H_0 \mid H_1)$: by formula, from the noncentral t
/// distribution, and by simulation, running the test on data drawn under the alternative.
///
/// Under the alternative that the mean is $\mu_0 + d\sigma$ (effect size $d$, Cohen's), the one-sample
/// statistic is $T' = (Z + \delta)/\sqrt{V/\nu}$ with $Z$ standard normal, $V$ chi-squared with $\nu = n - 1$
/// degrees of freedom, independent, and noncentrality $\delta = d\sqrt n$. Conditioning on $V$,
///
/// $$P(T' > c) = E_V\Bigl[\,\bar\Phi\bigl(c\sqrt{V/\nu} - \delta\bigr)\Bigr] = \int_0^\infty
/// \bar\Phi\bigl(c\,w/\sqrt\nu - \delta\bigr)\, g_\nu(w)\,dw,$$
///
/// with $w = \sqrt V$, whose density $g_\nu(w) = w^{\nu-1}e^{-w^2/2}/(2^{\nu/2-1}\Gamma(\nu/2))$ (the chi
/// distribution) is smooth, so composite Simpson's rule on $[0, \sqrt\nu + 12]$ converges fast; the
/// tail beyond holds less than $e^{-70}$. The two-sample test with $n$ per group has $\delta =
/// d\sqrt{n/2}$ and $\nu = 2n - 2$.
///
/// Book: chapter 4, "Hypothesis tests".
public final class Power {
    /// Simpson intervals of the power integral: the integrand is smooth, and $10^{-12}$ needs far fewer.
    static final int INTERVALS = 4000;

    private static final Normal STANDARD_NORMAL = new Normal(0, 1);

    private Power() {}

    /// The power of the one-sample (or paired) t test at level `alpha`.
    ///
    /// @param effectSize $d = (\mu - \mu_0)/\sigma$
    /// @param n the sample size, at least 2
    /// @param alpha the level, in $(0, 1)$
    /// @param alternative the alternative of the test (`GREATER` detects $d > 0$, `LESS` $d < 0$)
    /// @return the probability of rejecting $H_0$
    public static double oneSampleT(double effectSize, int n, double alpha, Alternative alternative) {
        check(effectSize, n, alpha);
        return power(effectSize * Math.sqrt(n), n - 1.0, alpha, alternative);
    }

    /// The power of the pooled two-sample t test with `n` values per group, two-sided.
    ///
    /// @param effectSize $d = (\mu_a - \mu_b)/\sigma$
    /// @param n values per group, at least 2
    /// @param alpha the level
    /// @return the probability of rejecting $H_0$
    public static double twoSampleT(double effectSize, int n, double alpha) {
        check(effectSize, n, alpha);
        return power(effectSize * Math.sqrt(n / 2.0), 2.0 * n - 2, alpha, Alternative.TWO_SIDED);
    }

    /// The power of the one-sample t test measured by running it on `simulations` samples of size `n`
    /// drawn from $N(d, 1)$, testing $\mu_0 = 0$: an estimate with standard error $\sqrt{p(1-p)/S}$.
    ///
    /// @param effectSize $d$
    /// @param n the sample size
    /// @param alpha the level
    /// @param alternative the alternative
    /// @param simulations how many samples, $S$
    /// @param random the source of randomness
    /// @return the fraction of samples on which the test rejected
    public static double simulatedOneSampleT(
            double effectSize, int n, double alpha, Alternative alternative, int simulations, RandomGenerator random) {
        check(effectSize, n, alpha);
        if (simulations < 1) {
            throw new IllegalArgumentException("simulations must be ≥ 1, got " + simulations);
        }
        int rejected = 0;
        double[] x = new double[n];
        for (int s = 0; s < simulations; s++) {
            for (int i = 0; i < n; i++) {
                x[i] = effectSize + random.nextGaussian();
            }
            if (HypothesisTests.oneSampleT(x, 0, alternative).rejectsAt(alpha)) {
                rejected++;
            }
        }
        return (double) rejected / simulations;
    }

    private static double power(double delta, double nu, double alpha, Alternative alternative) {
        StudentT t = new StudentT(nu);
        return switch (alternative) {
            case GREATER -> upper(t.quantile(1 - alpha), delta, nu);
            case LESS -> upper(t.quantile(1 - alpha), -delta, nu);
            case TWO_SIDED -> {
                double c = t.quantile(1 - alpha / 2);
                // Each tail is a probability; their sum may exceed 1 by the quadrature's 1e-15.
                yield Math.min(1.0, upper(c, delta, nu) + upper(c, -delta, nu));
            }
        };
    }

    /// $P(T' > c)$ for the noncentral t with noncentrality $\delta$, by the integral in the class comment.
    static double upper(double c, double delta, double nu) {
        double top = Math.sqrt(nu) + 12;
        double h = top / INTERVALS;
        double logNorm = (nu / 2 - 1) * Math.log(2) + SpecialFunctions.logGamma(nu / 2);
        double sum = 0;
        for (int i = 0; i <= INTERVALS; i++) {
            double w = i * h;
            double density = w == 0
                    ? (nu == 1 ? Math.exp(-logNorm) : 0.0)
                    : Math.exp((nu - 1) * Math.log(w) - w * w / 2 - logNorm);
            double f = STANDARD_NORMAL.survival(c * w / Math.sqrt(nu) - delta) * density;
            sum += (i == 0 || i == INTERVALS ? 1 : (i % 2 == 1 ? 4 : 2)) * f;
        }
        return Math.max(0.0, Math.min(1.0, sum * h / 3));
    }

    private static void check(double effectSize, int n, double alpha) {
        if (!Double.isFinite(effectSize)) {
            throw new IllegalArgumentException("the effect size must be finite, got " + effectSize);
        }
        if (n < 2) {
            throw new IllegalArgumentException("the sample size must be ≥ 2, got " + n);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("the level alpha must be in (0, 1), got " + alpha);
        }
    }
}
