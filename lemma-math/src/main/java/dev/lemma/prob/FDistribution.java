package dev.lemma.prob;

import dev.lemma.numeric.ConvergenceException;
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
/// - Sampling: $(G_1/d_1)/(G_2/d_2)$ with $G_i \sim$ Gamma$(d_i/2, 1)$, the factors 2 cancelling, formed
///   from $\log G_i$ so that an underflowing draw (small $d_i$) gives no 0/0.
/// - [#fit]: maximum likelihood for $(d_1, d_2)$. With $s = d_2 + d_1 x$, $a = d_1/2$, $b = d_2/2$, the
///   score of one observation is $\partial_{d_1}\ell = \frac12\big[\log\frac{d_1 x}{s} + \frac{d_2(1 -
///   x)}{s} - \psi(a) + \psi(a + b)\big]$, $\partial_{d_2}\ell = \frac12\big[\log\frac{d_2}{s} +
///   \frac{d_1(x - 1)}{s} - \psi(b) + \psi(a + b)\big]$; Newton's method with the analytic Hessian,
///   in $(\log d_1, \log d_2)$ so that the iterates stay positive, with a backtracking line search on
///   the log-likelihood and a gradient step wherever the Hessian is not negative definite. Start: the
///   method of moments where the sample mean and variance allow it, else $(2, 10)$. The likelihood is
///   flat in $d_2$ when $d_2$ is large (the $\chi^2_{d_2}/d_2$ denominator tends to 1), so $\hat d_2$ has
///   a large standard error there.
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
        return 0.5 * d1 * Math.log(d1 / d2) + (0.5 * d1 - 1) * Math.log(x) - 0.5 * (d1 + d2) * log1pRatio(x) - logB;
    }

    /// $\mathrm{log1p}(d_1 x/d_2)$, as $\log(d_1/d_2) + \log x$ where $d_1 x/d_2$ exceeds $10^{300}$ (or
    /// overflows) and the remaining $\mathrm{log1p}(d_2/(d_1 x))$ is below rounding.
    private double log1pRatio(double x) {
        double t = d1 * x / d2;
        return t > 1e300 ? Math.log(d1 / d2) + Math.log(x) : Math.log1p(t);
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
        return x > 1 ? 1 - upperTailAboveOne(x) : lowerTail(x);
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
        return x > 1 ? upperTailAboveOne(x) : 1 - lowerTail(x);
    }

    /// Below this $v = d_2/(d_1 x + d_2)$ the leading term of $I_v(d_2/2, d_1/2)$ is exact to rounding.
    private static final double TINY_V = 1e-250;

    /// $F(x)$ for $0 < x \le 1$, where $d_1 x + d_2$ cannot overflow. (`lowerBeta` picks the accurate
    /// side, so `1 - lowerTail` is as accurate as the complement can be.)
    private double lowerTail(double x) {
        double d1x = d1 * x;
        return ContinuousMath.lowerBeta(d1x / (d1x + d2), d2 / (d1x + d2), 0.5 * d1, 0.5 * d2);
    }

    /// $S(x)$ for $x > 1$, from $r = d_2/(d_1 x)$ (no overflow for any finite $x$): $u = 1/(1 + r)$,
    /// $v = r/(1 + r)$; where $v$ is below $10^{-250}$ (or underflows) the leading term $v^b/(b\,B(a,
    /// b))$ in logarithms, with $a = d_1/2$, $b = d_2/2$ and $\log v = \log(d_2/d_1) - \log x$.
    private double upperTailAboveOne(double x) {
        double a = 0.5 * d1;
        double b = 0.5 * d2;
        double r = d2 / d1 / x;
        if (r < TINY_V) {
            double logV = Math.log(d2 / d1) - Math.log(x);
            return Math.exp(b * logV - Math.log(b) - SpecialFunctions.logBeta(a, b));
        }
        return ContinuousMath.upperBeta(1 / (1 + r), r / (1 + r), a, b);
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
        // in logarithms: for small degrees of freedom either gamma draw may underflow to 0
        double logG1 = GammaSampler.logStandardGamma(random, 0.5 * d1);
        double logG2 = GammaSampler.logStandardGamma(random, 0.5 * d2);
        return Math.exp(logG1 - logG2 + Math.log(d2 / d1));
    }

    @Override
    public double supportLowerBound() {
        return 0;
    }

    @Override
    public double supportUpperBound() {
        return Double.POSITIVE_INFINITY;
    }

    /// The maximum-likelihood F distribution (see the class comment for the method).
    ///
    /// @param data the sample, every value $> 0$, not all equal
    /// @return the fitted distribution
    /// @throws IllegalArgumentException if `data` is empty or holds a non-finite or non-positive value,
    ///     naming its index
    /// @throws ConvergenceException if Newton's method has not converged after 500 steps, or a degree of
    ///     freedom runs beyond $10^{10}$ (the data are better described by a chi-squared or normal limit)
    public static FDistribution fit(double... data) {
        Validation.data(NAME, data);
        Validation.dataSatisfy(NAME, data, x -> x > 0, "> 0");
        double[] start = momentStart(data);
        double u = Math.log(start[0]); // log d1
        double v = Math.log(start[1]); // log d2
        double current = logLikelihood(data, Math.exp(u), Math.exp(v));
        for (int iteration = 0; iteration < 500; iteration++) {
            double d1 = Math.exp(u);
            double d2 = Math.exp(v);
            double[] g = new double[2];
            double[] h = new double[3]; // l11, l12, l22 in (d1, d2)
            derivatives(data, d1, d2, g, h);
            // chain rule to (u, v) = (log d1, log d2)
            double gu = g[0] * d1;
            double gv = g[1] * d2;
            double huu = h[0] * d1 * d1 + g[0] * d1;
            double huv = h[1] * d1 * d2;
            double hvv = h[2] * d2 * d2 + g[1] * d2;
            double det = huu * hvv - huv * huv;
            double du;
            double dv;
            if (huu < 0 && det > 0) {
                du = -(hvv * gu - huv * gv) / det;
                dv = -(huu * gv - huv * gu) / det;
            } else {
                double norm = Math.hypot(gu, gv);
                du = gu / norm;
                dv = gv / norm;
            }
            double t = 1;
            double next = logLikelihood(data, Math.exp(u + du), Math.exp(v + dv));
            while (!(next >= current) && t > 1e-10) {
                t /= 2;
                next = logLikelihood(data, Math.exp(u + t * du), Math.exp(v + t * dv));
            }
            if (!(next >= current)) {
                return new FDistribution(d1, d2); // no ascent left: the maximum to rounding
            }
            u += t * du;
            v += t * dv;
            if (u > MAX_LOG_DF || v > MAX_LOG_DF) {
                throw new ConvergenceException(String.format(
                        "FDistribution.fit: the degrees of freedom diverge (d1 = %s, d2 = %s)",
                        Math.exp(u), Math.exp(v)));
            }
            current = next;
            if (Math.abs(t * du) <= 1e-12 && Math.abs(t * dv) <= 1e-12) {
                return new FDistribution(Math.exp(u), Math.exp(v));
            }
        }
        throw new ConvergenceException("FDistribution.fit: Newton's method did not converge in 500 steps");
    }

    private static final double MAX_LOG_DF = Math.log(1e10);

    /// The method-of-moments start: $d_2 = 2m/(m - 1)$ from the mean $m$ and $d_1 = \frac{2d_2^2(d_2 -
    /// 2)}{v(d_2 - 2)^2(d_2 - 4) - 2d_2^2}$ from the variance $v$, where both are valid; else $(2, 10)$.
    private static double[] momentStart(double[] data) {
        double mean = 0;
        for (double x : data) {
            mean += x;
        }
        mean /= data.length;
        double ss = 0;
        for (double x : data) {
            ss += (x - mean) * (x - mean);
        }
        double variance = ss / data.length;
        if (mean > 1) {
            double d2 = 2 * mean / (mean - 1);
            if (d2 > 4) {
                double denominator = variance * (d2 - 2) * (d2 - 2) * (d2 - 4) - 2 * d2 * d2;
                double d1 = 2 * d2 * d2 * (d2 - 2) / denominator;
                if (denominator > 0 && d1 > 0 && Double.isFinite(d1)) {
                    return new double[] {d1, d2};
                }
            }
        }
        return new double[] {2, 10};
    }

    private static double logLikelihood(double[] data, double d1, double d2) {
        if (!(d1 > 0 && d2 > 0 && Double.isFinite(d1) && Double.isFinite(d2))) {
            return Double.NEGATIVE_INFINITY;
        }
        // the terms of logPdf that do not depend on x, once
        double constant = 0.5 * d1 * Math.log(d1 / d2) - SpecialFunctions.logBeta(0.5 * d1, 0.5 * d2);
        double sum = 0;
        for (double x : data) {
            sum += constant + (0.5 * d1 - 1) * Math.log(x) - 0.5 * (d1 + d2) * Math.log1p(d1 * x / d2);
        }
        return sum;
    }

    /// The gradient `g` and Hessian `h` (`l11, l12, l22`) of the log-likelihood in $(d_1, d_2)$.
    private static void derivatives(double[] data, double d1, double d2, double[] g, double[] h) {
        double a = 0.5 * d1;
        double b = 0.5 * d2;
        double psiAB = SpecialFunctions.digamma(a + b);
        double c1 = -SpecialFunctions.digamma(a) + psiAB;
        double c2 = -SpecialFunctions.digamma(b) + psiAB;
        double tAB = ContinuousMath.trigamma(a + b);
        double t11 = 0.5 * (-ContinuousMath.trigamma(a) + tAB);
        double t22 = 0.5 * (-ContinuousMath.trigamma(b) + tAB);
        double g1 = 0;
        double g2 = 0;
        double h11 = 0;
        double h12 = 0;
        double h22 = 0;
        for (double x : data) {
            double s = d2 + d1 * x;
            g1 += Math.log(d1 * x / s) + d2 * (1 - x) / s + c1;
            g2 += Math.log(d2 / s) + d1 * (x - 1) / s + c2;
            h11 += 1 / d1 - x / s - d2 * (1 - x) * x / (s * s) + t11;
            h12 += -1 / s + (1 - x) * d1 * x / (s * s) + 0.5 * tAB;
            h22 += 1 / d2 - 1 / s - d1 * (x - 1) / (s * s) + t22;
        }
        g[0] = 0.5 * g1;
        g[1] = 0.5 * g2;
        h[0] = 0.5 * h11;
        h[1] = 0.5 * h12;
        h[2] = 0.5 * h22;
    }
}
