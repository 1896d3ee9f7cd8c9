package dev.lemma.prob;

import dev.lemma.numeric.SpecialFunctions;

/// Catherine Loader's saddle-point expansion of the binomial and Poisson mass functions, which keeps
/// their logarithms accurate to a few ulp for any $n$ and rate.
///
/// The naive $\log\binom{n}{k} = \log\Gamma(n+1) - \log\Gamma(k+1) - \log\Gamma(n-k+1)$ subtracts
/// numbers of size $n \log n$ to leave one of size $\log n$: at $n = 10^9$ the three terms are about
/// $2 \times 10^{10}$, each rounded to $\pm 2 \times 10^{-6}$, and that absolute error in the logarithm
/// is a relative error of $2 \times 10^{-6}$ in the mass. Loader writes instead, with Stirling's error
/// $\delta(n) = \log n! - \log(\sqrt{2\pi n}(n/e)^n)$ and the *deviance* $D(x, m) = x \log(x/m) + m - x$,
/// $$\log p_{\mathrm{bin}}(k) = \delta(n) - \delta(k) - \delta(n-k) - D(k, np) - D(n-k, nq)
///     - \tfrac12 \log\big(2\pi k (n-k)/n\big),$$
/// $$\log p_{\mathrm{Pois}}(k) = -\delta(k) - D(k, \lambda) - \tfrac12\log(2\pi k),$$
/// all of whose terms are small or well conditioned: $\delta(n) < 1/(12n)$, and $D \ge 0$ is computed
/// for $x$ near $m$ by a series in $v = (x - m)/(x + m)$ that never subtracts.
///
/// Reference: C. Loader, "Fast and accurate computation of binomial probabilities", 2000 (the
/// algorithm of R's `dbinom` and `dpois`).
final class Saddlepoint {
    private Saddlepoint() {}

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /// Stirling's error $\delta(n) = \log n! - (n + \tfrac12)\log n + n - \tfrac12\log 2\pi$ for an
    /// integer $n \ge 1$: from [SpecialFunctions#logGamma] for $n \le 15$ (terms below 45, so the absolute
    /// error stays a few ulp of 45, which is what the mass needs), else from its asymptotic series
    /// $\frac{1}{12n} - \frac{1}{360n^3} + \frac{1}{1260n^5} - \frac{1}{1680n^7} + \frac{1}{1188n^9}$
    /// (A&S 6.1.41), truncated where the next term is below $10^{-17}$ of the first.
    static double stirlingError(double n) {
        if (n <= 15) {
            return SpecialFunctions.logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LOG_SQRT_2PI;
        }
        double nn = n * n;
        final double s0 = 1.0 / 12;
        final double s1 = 1.0 / 360;
        final double s2 = 1.0 / 1260;
        final double s3 = 1.0 / 1680;
        final double s4 = 1.0 / 1188;
        if (n > 500) {
            return (s0 - s1 / nn) / n;
        }
        if (n > 80) {
            return (s0 - (s1 - s2 / nn) / nn) / n;
        }
        if (n > 35) {
            return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
        }
        return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
    }

    /// The deviance $D(x, m) = x\log(x/m) + m - x \ge 0$. Near $x = m$, with $v = (x - m)/(x + m)$,
    /// $D = (x - m)v + 2x\sum_{j \ge 1} v^{2j+1}/(2j+1)$, summed until it stops changing.
    static double deviance(double x, double m) {
        if (Math.abs(x - m) < 0.1 * (x + m)) {
            double v = (x - m) / (x + m);
            double s = (x - m) * v;
            double ej = 2 * x * v;
            double v2 = v * v;
            for (int j = 1; j < 1000; j++) {
                ej *= v2;
                double next = s + ej / (2 * j + 1);
                if (next == s) {
                    return next;
                }
                s = next;
            }
            return s;
        }
        return x * Math.log(x / m) + m - x;
    }

    /// $\log \binom{n}{k} p^k q^{n-k}$ for $0 \le k \le n$ and $0 < p < 1$, $q = 1 - p$.
    static double logBinomial(int k, int n, double p) {
        double q = 1.0 - p;
        if (k == 0) {
            return n * Math.log1p(-p);
        }
        if (k == n) {
            return n * Math.log(p);
        }
        double lc = stirlingError(n)
                - stirlingError(k)
                - stirlingError(n - k)
                - deviance(k, n * p)
                - deviance(n - k, n * q);
        double lf = LOG_2PI + Math.log(k) + Math.log1p(-(double) k / n);
        return lc - 0.5 * lf;
    }

    /// $\log(e^{-\lambda}\lambda^k/k!)$ for $k \ge 0$ and $\lambda > 0$.
    static double logPoisson(int k, double rate) {
        if (k == 0) {
            return -rate;
        }
        return -stirlingError(k) - deviance(k, rate) - 0.5 * (LOG_2PI + Math.log(k));
    }
}
