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
/// for $x$ near $m$ by a series in $v = (x - m)/(x + m)$ that never subtracts. What is left is the rounding
/// of $np$ and $nq$ (relative $u$ each), which moves $D(k, np)$ by about $|np - k|\,u$: $5 \times 10^{-14}$
/// relative in the mass at $n = 10^6$, two standard deviations from the mean.
///
/// Reference: C. Loader, "Fast and accurate computation of binomial probabilities", 2000 (the
/// algorithm of R's `dbinom` and `dpois`).
final class Saddlepoint {
    private Saddlepoint() {}

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /// $\delta(n)$ for $n = 0, \dots, 30$ (entry 0 unused), computed with mpmath 1.3.0 at 40 digits as
    /// `loggamma(n+1) - (n+1/2)*log(n) + n - log(2*pi)/2` and rounded to double.
    static final double[] STIRLING_ERROR = {
        Double.NaN, // 0: not used (the mass functions treat k = 0 and k = n apart)
        0.08106146679532726, // 1
        0.0413406959554093, // 2
        0.02767792568499834, // 3
        0.020790672103765093, // 4
        0.016644691189821193, // 5
        0.013876128823070748, // 6
        0.01189670994589177, // 7
        0.010411265261972096, // 8
        0.009255462182712733, // 9
        0.00833056343336287, // 10
        0.007573675487951841, // 11
        0.00694284010720953, // 12
        0.006408994188004207, // 13
        0.0059513701127588475, // 14
        0.005554733551962801, // 15
        0.0052076559196096404, // 16
        0.004901395948434738, // 17
        0.004629153749334028, // 18
        0.004385560249232324, // 19
        0.004166319691996922, // 20
        0.00396795421864086, // 21
        0.0037876180684444346, // 22
        0.0036229602246830948, // 23
        0.003472021382978767, // 24
        0.003333155636728093, // 25
        0.003204970228055038, // 26
        0.0030862786826087773, // 27
        0.002976063983550409, // 28
        0.0028734493623524663, // 29
        0.0027776749297526936, // 30
    };

    /// Stirling's error $\delta(n) = \log n! - (n + \tfrac12)\log n + n - \tfrac12\log 2\pi$ for an
    /// integer $n \ge 1$: from [#STIRLING_ERROR] for $n \le 30$ (computing it for $n \le 15$ from
    /// [SpecialFunctions#logGamma] would cancel terms near 25 down to $0.008$ and leave an absolute error of
    /// a few ulp of 25, $4 \times 10^{-15}$), else from its asymptotic series
    /// $\frac{1}{12n} - \frac{1}{360n^3} + \frac{1}{1260n^5} - \frac{1}{1680n^7} + \frac{1}{1188n^9}$
    /// (A&S 6.1.41), with fewer terms as $n$ grows; the first omitted term stays below $3 \times 10^{-17}$
    /// absolute (at $n = 31$, 36, 81 and 501, the ends of the ranges), far below the ulp of any $\log p(k)$
    /// it is added to. Callers pass integers; other arguments get the same formulas.
    static double stirlingError(double n) {
        if (n <= 30 && n == Math.rint(n)) {
            return STIRLING_ERROR[(int) n];
        }
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
