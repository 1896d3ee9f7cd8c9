package dev.lemma.numeric;

/// The regularized incomplete beta function $I_x(a, b)$ and its inverse in $x$, for
/// [SpecialFunctions].
///
/// $I_x(a, b) = \frac{x^a (1-x)^b}{a B(a, b)} \cdot \cfrac{1}{1 + \cfrac{d_1}{1 + \cfrac{d_2}{1 +
/// \cdots}}}$ with $d_{2m+1} = -\frac{(a+m)(a+b+m)x}{(a+2m)(a+2m+1)}$, $d_{2m} = \frac{m(b-m)x}{(a+2m-1)(a+2m)}$
/// (A&S 26.5.8), summed backwards, for $x < (a+1)/(a+b+2)$ where it converges fast, and
/// through $I_x(a, b) = 1 - I_{1-x}(b, a)$ beyond (Numerical Recipes, 3rd ed., §6.4).
///
/// The prefactor $x^a(1-x)^b/B(a,b)$ is where large $a, b$ lose digits. For $a, b \ge 10$ it is
/// written, with Stirling's series, $\sqrt{ab/(2\pi c)}\,\exp(a\,\ell(\tfrac{x - x_0}{x_0}) +
/// b\,\ell(\tfrac{x_0 - x}{y_0}) + \mu(c) - \mu(a) - \mu(b))$, $c = a + b$, $x_0 = a/c$, $y_0 = b/c$ and
/// $\ell(d) = \log(1+d) - d$: the terms linear in $x - x_0$ cancel exactly on paper, so they are
/// never formed (DiDonato and Morris, "Algorithm 708: significant digit computation of the
/// incomplete beta function ratios", *ACM TOMS* 18(3), 1992, function `brcomp`).
final class IncompleteBeta {
    private IncompleteBeta() {}

    /// Iteration limit of the continued fraction, which needs $O(\sqrt{\max(a, b)})$ steps (NR §6.4).
    static final int MAX_TERMS = 1_000_000;

    private static final double LENTZ_TINY = 1.0e-300;

    /// $x^a (1-x)^b / B(a, b)$ for $0 < x < 1$.
    static double prefactor(double x, double a, double b) {
        double y = 1.0 - x;
        if (a >= Gamma.STIRLING_THRESHOLD && b >= Gamma.STIRLING_THRESHOLD) {
            double c = a + b;
            double x0 = a / c;
            double y0 = b / c;
            double shift = x - x0;
            double dx = shift / x0;
            double dy = -shift / y0;
            // a dx + b dy = 0 on paper, so the exponent is a log(x/x0) + b log(y/y0); near the mode both
            // logarithms are close to their linear terms, which are dropped rather than cancelled.
            double power = Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5
                    ? a * IncompleteGamma.log1pMinusX(dx) + b * IncompleteGamma.log1pMinusX(dy)
                    : a * Math.log(x / x0) + b * Math.log(y / y0);
            double exponent =
                    power + (Gamma.stirlingCorrection(c) - Gamma.stirlingCorrection(a) - Gamma.stirlingCorrection(b));
            return Math.sqrt(a * (b / (2.0 * Math.PI * c))) * Math.exp(exponent);
        }
        double logValue = a * Math.log(x) + b * Math.log1p(-x) - Gamma.logBeta(a, b);
        double power = Math.pow(x, a) * Math.pow(y, b);
        if (power > Double.MIN_NORMAL && Double.isFinite(power)) {
            double beta = Gamma.beta(a, b);
            if (beta > Double.MIN_NORMAL && Double.isFinite(beta)) {
                return power / beta;
            }
        }
        return Math.exp(logValue);
    }

    static double regularized(double x, double a, double b) {
        if (Double.isNaN(x) || Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        Checks.argument(a > 0.0, "regularizedBeta: a must be > 0 but is %s", a);
        Checks.argument(b > 0.0, "regularizedBeta: b must be > 0 but is %s", b);
        Checks.argument(x >= 0.0 && x <= 1.0, "regularizedBeta: x must lie in [0, 1] but is %s", x);
        if (x == 0.0) {
            return 0.0;
        }
        if (x == 1.0) {
            return 1.0;
        }
        if (x < (a + 1.0) / (a + b + 2.0)) {
            return fraction(x, a, b);
        }
        return 1.0 - fraction(1.0 - x, b, a);
    }

    /// $\frac{x^a(1-x)^b}{a B(a,b)}$ times the continued fraction $\cfrac{1}{1 + \cfrac{d_1}{1 +
    /// \cfrac{d_2}{1 + \cdots}}}$. Lentz's method (NR `betacf`) runs forwards only to find how deep
    /// the fraction must go; the value is then summed backwards from twice that depth, where each
    /// rounding is damped by the levels above it (as for [IncompleteGamma#legendreFraction]).
    private static double fraction(double x, double a, double b) {
        double prefactor = prefactor(x, a, b);
        if (prefactor == 0.0) {
            return 0.0;
        }
        int depth = depth(x, a, b);
        double t = 0.0;
        for (int k = 2 * (2 * depth + 1); k >= 1; k--) {
            t = coefficient(k, x, a, b) / (1.0 + t);
        }
        return Math.min(1.0, prefactor / (1.0 + t) / a);
    }

    /// $d_k$ of A&S 26.5.8: $d_{2m+1} = -\frac{(a+m)(a+b+m)x}{(a+2m)(a+2m+1)}$, $d_{2m} =
    /// \frac{m(b-m)x}{(a+2m-1)(a+2m)}$.
    private static double coefficient(int k, double x, double a, double b) {
        int m = k / 2;
        if (k % 2 == 1) {
            return -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
        }
        return m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
    }

    /// The number $m$ of double steps after which Lentz's method meets its stopping criterion.
    private static int depth(double x, double a, double b) {
        double c = 1.0;
        double d = 1.0 + coefficient(1, x, a, b);
        if (Math.abs(d) < LENTZ_TINY) {
            d = LENTZ_TINY;
        }
        d = 1.0 / d;
        for (int m = 1; m < MAX_TERMS; m++) {
            double step = 1.0;
            for (int k = 2 * m; k <= 2 * m + 1; k++) {
                double aa = coefficient(k, x, a, b);
                d = 1.0 + aa * d;
                if (Math.abs(d) < LENTZ_TINY) {
                    d = LENTZ_TINY;
                }
                c = 1.0 + aa / c;
                if (Math.abs(c) < LENTZ_TINY) {
                    c = LENTZ_TINY;
                }
                d = 1.0 / d;
                step = d * c;
            }
            if (Math.abs(step - 1.0) <= Tolerances.UNIT_ROUNDOFF) {
                return m;
            }
        }
        throw new ConvergenceException("incomplete beta continued fraction at x = " + x + ", a = " + a + ", b = " + b
                + " did not converge in " + MAX_TERMS + " steps");
    }

    /// Halley steps allowed for the inverse.
    private static final int MAX_HALLEY = 100;

    static double inverse(double p, double a, double b) {
        if (Double.isNaN(p) || Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        Checks.argument(
                a > 0.0 && a < Double.POSITIVE_INFINITY,
                "inverseRegularizedBeta: a must be > 0 and finite but is %s",
                a);
        Checks.argument(
                b > 0.0 && b < Double.POSITIVE_INFINITY,
                "inverseRegularizedBeta: b must be > 0 and finite but is %s",
                b);
        Checks.argument(p >= 0.0 && p <= 1.0, "inverseRegularizedBeta: p must lie in [0, 1] but is %s", p);
        if (p == 0.0 || p == 1.0) {
            return p;
        }
        boolean upper = p > 0.5;
        double target = upper ? 1.0 - p : p; // exact for p in [1/2, 1]
        // A quantile below the smallest normal double (tiny a) is returned as 0.
        double lo = Double.MIN_NORMAL;
        double atLo = upper ? target - complement(lo, a, b) : regularized(lo, a, b) - p;
        if (atLo >= 0.0) {
            return 0.0;
        }
        double hi = 1.0;
        double x = upper ? 1.0 - start(target, b, a) : start(p, a, b);
        if (!(x > lo && x < hi)) {
            x = 0.5;
        }
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < MAX_HALLEY; i++) {
            // Work on the small tail, so that 1 − p never rounds: I − p = (1 − p) − (1 − I).
            double err = upper ? target - complement(x, a, b) : regularized(x, a, b) - p;
            if (err == 0.0) {
                return x;
            }
            if (err > 0.0) {
                hi = x;
            } else {
                lo = x;
            }
            double density = prefactor(x, a, b) / (x * (1.0 - x)); // x^{a-1}(1-x)^{b-1}/B(a,b)
            double next = Double.NaN;
            if (density > 0.0 && Double.isFinite(density)) {
                double u = err / density;
                next = x - u / (1.0 - 0.5 * Math.min(1.0, u * ((a - 1.0) / x - (b - 1.0) / (1.0 - x))));
                if (Math.abs(next - x) <= 4.0 * Tolerances.UNIT_ROUNDOFF * x) {
                    return next;
                }
            }
            // Safeguard (as NR's rtsafe): bisect when the step leaves the bracket or fails to halve.
            double size = Math.abs(next - x);
            if (!(next >= lo && next <= hi) || size > 0.5 * previous) {
                next = IncompleteGamma.bisect(x, lo, hi);
                size = Math.abs(next - x);
            }
            if (size <= 4.0 * Tolerances.UNIT_ROUNDOFF * next) {
                return next; // the bracket has closed to rounding
            }
            previous = size;
            x = next;
        }
        throw new ConvergenceException("inverseRegularizedBeta(p = " + p + ", a = " + a + ", b = " + b
                + "): Halley's method did not converge in " + MAX_HALLEY + " steps (last x = " + x + ")");
    }

    /// $1 - I_x(a, b) = I_{1-x}(b, a)$, each side from the continued fraction where it converges, so
    /// that a small complement is computed directly.
    private static double complement(double x, double a, double b) {
        if (x == 0.0) {
            return 1.0;
        }
        if (x == 1.0) {
            return 0.0;
        }
        if (x < (a + 1.0) / (a + b + 2.0)) {
            return 1.0 - fraction(x, a, b);
        }
        return fraction(1.0 - x, b, a);
    }

    /// NR's starting point (3rd ed., §6.4.1): for $a, b \ge 1$ a normal approximation (A&S 26.5.22
    /// with the quantile of A&S 26.2.22); otherwise the two end behaviours $I_x \approx
    /// x^a/(aB)$ and $1 - I_x \approx (1-x)^b/(bB)$.
    private static double start(double p, double a, double b) {
        if (a >= 1.0 && b >= 1.0) {
            double t = Math.sqrt(-2.0 * Math.log(p));
            double z = -((2.30753 + t * 0.27061) / (1.0 + t * (0.99229 + t * 0.04481)) - t);
            double al = (z * z - 3.0) / 6.0;
            double h = 2.0 / (1.0 / (2.0 * a - 1.0) + 1.0 / (2.0 * b - 1.0));
            double w = z * Math.sqrt(al + h) / h
                    - (1.0 / (2.0 * b - 1.0) - 1.0 / (2.0 * a - 1.0)) * (al + 5.0 / 6.0 - 2.0 / (3.0 * h));
            double x = a / (a + b * Math.exp(2.0 * w));
            return x > 0.0 && x < 1.0 ? x : 0.5;
        }
        double lna = Math.log(a / (a + b));
        double lnb = Math.log(b / (a + b));
        double t = Math.exp(a * lna) / a;
        double u = Math.exp(b * lnb) / b;
        double w = t + u;
        double x = p < t / w ? Math.pow(a * w * p, 1.0 / a) : 1.0 - Math.pow(b * w * (1.0 - p), 1.0 / b);
        return x > 0.0 && x < 1.0 ? x : 0.5;
    }
}
