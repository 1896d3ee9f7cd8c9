package dev.lemma.numeric;

/// The regularized incomplete gamma functions $P(a, x)$, $Q(a, x) = 1 - P(a, x)$ and the inverse of
/// $P$ in $x$, for [SpecialFunctions].
///
/// Regions (after Numerical Recipes, 3rd ed., §6.2, and DiDonato and Morris, "Computation of the
/// incomplete gamma function ratios and their inverse", *ACM TOMS* 12(4), 1986):
///
/// - $x < a + 1$: $P$ from its series $P = D(a,x)\sum_{n\ge0} x^n/((a+1)\cdots(a+n))$ (A&S 6.5.29),
///   all terms positive; $Q = 1 - P$, where $P \le 0.87$, so the complement magnifies $P$'s error at
///   most $0.87/0.13 \approx 7$ times;
/// - $x \ge a + 1$: $Q$ from Legendre's continued fraction (A&S 6.5.31), summed backwards;
///   $P = 1 - Q$ with $Q \le 1/2$;
/// - $a < 1$, $x < 3/2$ (where $P$ can be close to 1): $Q$ directly as $-\mathrm{expm1}(a\log x -
///   \log\Gamma(1+a)) - D(a,x)\,a\sum_{n\ge1}(-x)^n/((a+n)n!)$ (DiDonato and Morris §2, Temme's
///   form), both terms free of cancellation.
///
/// The prefactor $D(a, x) = x^a e^{-x}/\Gamma(a+1)$ is where the accuracy is won or lost: for
/// $a \ge 10$ it is written $\exp(a(\log(1+d) - d) - \mu(a))/\sqrt{2\pi a}$ with $d = (x-a)/a$ and
/// Stirling's correction $\mu$ (Temme's form, DLMF 8.12), so that no large logarithms cancel.
final class IncompleteGamma {
    private IncompleteGamma() {}

    /// Iteration limit of the series and of the continued fraction. Both need about
    /// $\sqrt{a}\cdot$ a few terms near the transition $x \approx a$; this covers $a$ up to about
    /// $10^{9}$.
    static final int MAX_TERMS = 1_000_000;

    /// Lentz's guard against a zero denominator (NR §5.2).
    private static final double LENTZ_TINY = 1.0e-300;

    /// Below this $a$ and $x$, $Q$ has its own formula (DiDonato and Morris use the same bound).
    private static final double SMALL_X = 1.5;

    /// $D(a, x) = x^a e^{-x} / \Gamma(a + 1)$, $a > 0$, $x > 0$.
    static double prefactor(double a, double x) {
        if (a >= Gamma.STIRLING_THRESHOLD) {
            double d = (x - a) / a;
            double scale = Math.exp(-Gamma.stirlingCorrection(a)) / Math.sqrt(2.0 * Math.PI * a);
            if (Math.abs(d) < 0.5) {
                return Math.exp(a * log1pMinusX(d)) * scale;
            }
            // Far from x = a: (x/a)^a e^{a−x}, with the rounding of x/a and of a − x put back, so that
            // neither the exponent a nor the size of a − x magnifies it; logarithms only where a
            // factor would over- or underflow. (1 + d = x/a would inherit the rounding of d, large
            // relative to a small x/a.)
            Compensated.TwoTerm shift = Compensated.twoSum(a, -x);
            double power = Gamma.powOfRatio(x, new Compensated.TwoTerm(a, 0.0), a);
            if (Math.abs(shift.hi()) < 700.0 && power > Double.MIN_NORMAL && power < Double.MAX_VALUE) {
                return power * Math.exp(shift.hi()) * (1.0 + shift.lo()) * scale;
            }
            return Math.exp(a * Math.log(x / a) + shift.hi()) * scale;
        }
        double logPower = a * Math.log(x);
        if (x < 700.0 && Math.abs(logPower) < 700.0) {
            // pow and exp each err by at most an ulp whatever the size of their result.
            return Math.pow(x, a) * Math.exp(-x) / Gamma.gamma(a + 1.0);
        }
        return Math.exp(logPower - x - Gamma.logGamma(a + 1.0));
    }

    /// $\log(1 + d) - d$, with its power series $\sum_{k\ge2}(-1)^{k+1}d^k/k$ where the subtraction
    /// would cancel ($|d| < 1/2$).
    static double log1pMinusX(double d) {
        if (Math.abs(d) >= 0.5) {
            return Math.log1p(d) - d;
        }
        double power = d * d;
        double sum = 0.0;
        for (int k = 2; k < 200; k++) {
            double term = power / k;
            sum += (k % 2 == 0) ? -term : term;
            if (Math.abs(term) <= Math.abs(sum) * Tolerances.UNIT_ROUNDOFF) {
                break;
            }
            power *= d;
        }
        return sum;
    }

    private static void check(String method, double a, double x) {
        Checks.argument(a > 0.0, "%s: a must be > 0 but is %s", method, a);
        Checks.argument(x >= 0.0, "%s: x must be ≥ 0 but is %s", method, x);
    }

    static double p(double a, double x) {
        if (Double.isNaN(a) || Double.isNaN(x)) {
            return Double.NaN;
        }
        check("regularizedGammaP", a, x);
        if (x == 0.0) {
            return 0.0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        if (a == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        if (x < a + 1.0) {
            return series(a, x);
        }
        return 1.0 - fraction(a, x);
    }

    static double q(double a, double x) {
        if (Double.isNaN(a) || Double.isNaN(x)) {
            return Double.NaN;
        }
        check("regularizedGammaQ", a, x);
        if (x == 0.0) {
            return 1.0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        if (a == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        if (a < 1.0 && x < SMALL_X) {
            return smallAUpper(a, x);
        }
        if (x < a + 1.0) {
            return 1.0 - series(a, x);
        }
        return fraction(a, x);
    }

    /// $P(a, x) = D(a,x)\sum_{n \ge 0} x^n / ((a+1)(a+2)\cdots(a+n))$.
    ///
    /// Each term is the previous one times $x/(a+n)$, so in plain doubles the $n$-th term carries
    /// the rounding of $n$ products: near $x \approx a$ the series needs about $\sqrt{74a}$ terms,
    /// and for $a = 10^6$ that random walk had reached $10^{-14}$. Terms and sum are therefore
    /// carried as double-double pairs (the quotient's error from a fused multiply-add, the sum's by
    /// Knuth's two-sum), which keeps the sum to an ulp or two for any $a$.
    private static double series(double a, double x) {
        double prefactor = prefactor(a, x);
        if (prefactor == 0.0) {
            return 0.0;
        }
        double termHi = 1.0;
        double termLo = 0.0;
        double sumHi = 1.0;
        double sumLo = 0.0;
        double ap = a;
        for (int n = 1; n < MAX_TERMS; n++) {
            ap += 1.0;
            double ratioHi = x / ap;
            double ratioLo = Math.fma(-ratioHi, ap, x) / ap;
            double productHi = termHi * ratioHi;
            double productLo = Math.fma(termHi, ratioHi, -productHi) + termHi * ratioLo + termLo * ratioHi;
            termHi = productHi + productLo;
            termLo = productLo - (termHi - productHi);
            Compensated.TwoTerm sum = Compensated.twoSum(sumHi, termHi);
            double lo = sum.lo() + sumLo + termLo;
            sumHi = sum.hi() + lo;
            sumLo = lo - (sumHi - sum.hi());
            if (termHi <= sumHi * Tolerances.UNIT_ROUNDOFF * Tolerances.UNIT_ROUNDOFF) {
                return Math.min(1.0, prefactor * (sumHi + sumLo));
            }
        }
        throw new ConvergenceException(
                "incomplete gamma series at a = " + a + ", x = " + x + " did not converge in " + MAX_TERMS + " terms");
    }

    /// $Q(a, x) = a D(a,x)$ times [#legendreFraction] (NR 6.2.7).
    private static double fraction(double a, double x) {
        double prefactor = prefactor(a, x);
        if (prefactor == 0.0) {
            return 0.0;
        }
        return Math.min(1.0, a * prefactor * legendreFraction(a, x));
    }

    /// Legendre's continued fraction $e^x x^{-a}\Gamma(a, x) = \cfrac{1}{x+1-a+\cfrac{a_1}{x+3-a+
    /// \cfrac{a_2}{x+5-a+\cdots}}}$, $a_i = -i(i - a)$ (A&S 6.5.31 in its even form, NR 6.2.7).
    ///
    /// Lentz's method (NR §5.2) runs forwards only to find how deep the fraction must go; the value
    /// is then taken backwards from twice that depth, where each rounding is damped by the levels
    /// above it. Forwards, Lentz's product of some 100 factors near $x \approx 1$ had gathered
    /// $8 \times 10^{-15}$ relative error in erfc; backwards the error stays at an ulp or two.
    static double legendreFraction(double a, double x) {
        double b = x + 1.0 - a;
        double c = 1.0 / LENTZ_TINY;
        double d = 1.0 / b;
        int depth = -1;
        for (int i = 1; i < MAX_TERMS; i++) {
            double an = -i * (i - a);
            b += 2.0;
            d = an * d + b;
            if (Math.abs(d) < LENTZ_TINY) {
                d = LENTZ_TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < LENTZ_TINY) {
                c = LENTZ_TINY;
            }
            d = 1.0 / d;
            if (Math.abs(d * c - 1.0) <= Tolerances.UNIT_ROUNDOFF) {
                depth = i;
                break;
            }
        }
        if (depth < 0) {
            throw new ConvergenceException("incomplete gamma continued fraction at a = " + a + ", x = " + x
                    + " did not converge in " + MAX_TERMS + " steps");
        }
        double t = 0.0;
        for (int i = 2 * depth; i >= 1; i--) {
            t = (-i * (i - a)) / ((x + (2.0 * i + 1.0)) - a + t);
        }
        return 1.0 / ((x + 1.0 - a) + t);
    }

    /// $Q(a, x)$ for $a < 1$, $x < 3/2$: $Q = (1 - x^a/\Gamma(1+a)) - \frac{x^a}{\Gamma(1+a)}\,a
    /// \sum_{n\ge1}\frac{(-x)^n}{(a+n)\,n!}$, from $P = \frac{x^a}{\Gamma(1+a)}\sum_{n\ge0}\frac{a(-x)^n}{(a+n)n!}$
    /// (A&S 6.5.29 with 6.5.4); the first term is an `expm1`, the second is small and has no
    /// cancellation since $x < 3/2$.
    private static double smallAUpper(double a, double x) {
        double logPower = a * Math.log(x) - Gamma.logGammaOnePlus(a);
        double firstTerm = -Math.expm1(logPower);
        double term = 1.0;
        double sum = 0.0;
        for (int n = 1; n < 200; n++) {
            term *= -x / n;
            double add = term / (a + n);
            sum += add;
            if (Math.abs(add) <= Math.abs(sum) * Tolerances.UNIT_ROUNDOFF) {
                break;
            }
        }
        return firstTerm - Math.exp(logPower) * a * sum;
    }

    /// Halley steps allowed for the inverse; from the start below, a handful suffice.
    private static final int MAX_HALLEY = 100;

    static double inverseP(double a, double p) {
        if (Double.isNaN(a) || Double.isNaN(p)) {
            return Double.NaN;
        }
        Checks.argument(
                a > 0.0 && a < Double.POSITIVE_INFINITY,
                "inverseRegularizedGammaP: a must be > 0 and finite but is %s",
                a);
        Checks.argument(p >= 0.0 && p <= 1.0, "inverseRegularizedGammaP: p must lie in [0, 1] but is %s", p);
        if (p == 0.0) {
            return 0.0;
        }
        if (p == 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        boolean upper = p > 0.5;
        double target = upper ? 1.0 - p : p; // exact for p in [1/2, 1]
        // A quantile below the smallest normal double (small a, e.g. a = 0.001, p = 0.3, whose
        // quantile is about 10^{-523}) is returned as 0.
        double lo = Double.MIN_NORMAL;
        double atLo = upper ? target - q(a, lo) : p(a, lo) - target;
        if (atLo >= 0.0) {
            return 0.0;
        }
        double hi = Double.POSITIVE_INFINITY;
        double x = Math.max(start(a, p), 2.0 * lo);
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < MAX_HALLEY; i++) {
            double value = upper ? q(a, x) : p(a, x);
            // P increases in x: keep a bracket around the root for the steps that leave it.
            double err = upper ? target - value : value - target;
            if (err == 0.0) {
                return x;
            }
            if (err > 0.0) {
                hi = Math.min(hi, x);
            } else {
                lo = Math.max(lo, x);
            }
            double density = a * prefactor(a, x) / x; // x^{a-1} e^{-x} / Γ(a)
            double next = Double.NaN;
            if (density > 0.0 && Double.isFinite(density)) {
                double t = err / density;
                next = x - t / (1.0 - 0.5 * Math.min(1.0, t * ((a - 1.0) / x - 1.0)));
                if (Math.abs(next - x) <= 4.0 * Tolerances.UNIT_ROUNDOFF * x) {
                    return next;
                }
            }
            // Safeguard (as NR's rtsafe): bisect, or double while no upper bound is known, when the
            // step leaves the bracket or fails to halve the previous one.
            double size = Math.abs(next - x);
            if (!(next >= lo && next <= hi) || (size > 0.5 * previous && hi < Double.POSITIVE_INFINITY)) {
                next = bisect(x, lo, hi);
                size = Math.abs(next - x);
            }
            if (size <= 4.0 * Tolerances.UNIT_ROUNDOFF * next) {
                return next; // the bracket has closed to rounding
            }
            previous = size;
            x = next;
        }
        throw new ConvergenceException("inverseRegularizedGammaP(a = " + a + ", p = " + p
                + "): Halley's method did not converge in " + MAX_HALLEY + " steps (last x = " + x + ")");
    }

    /// The fallback step: doubling while no upper bound is known, then bisection, geometric while the
    /// bracket spans more than a factor 4 (a quantile may be as small as $10^{-300}$).
    static double bisect(double x, double lo, double hi) {
        if (hi == Double.POSITIVE_INFINITY) {
            return 2.0 * Math.max(x, lo) + 1.0;
        }
        return hi > 4.0 * lo ? Math.sqrt(lo) * Math.sqrt(hi) : 0.5 * (lo + hi);
    }

    /// The starting point of NR's `invgammp` (3rd ed., §6.2.1): for $a > 1$ the Wilson–Hilferty
    /// cube-root normal approximation with a rational approximation of the normal quantile (A&S
    /// 26.2.22); for $a \le 1$ the two leading behaviours $P \approx x^a/\Gamma(a+1)$ and
    /// $Q \approx e^{-x}$, joined at NR's empirical break point $t = 1 - a(0.253 + 0.12a)$.
    private static double start(double a, double p) {
        if (a > 1.0) {
            if (p < 0.5) {
                // Deep in the lower tail P(a, x) ≈ x^a/Γ(a + 1), so x ≈ (p Γ(a + 1))^{1/a}. NR's start
                // below is floored at 10^{-3} a, from which Halley's steps on a power law shrink x by a
                // factor 1 - 1/a each: hundreds of steps for p = 10^{-300}.
                double small = Math.exp((Math.log(p) + Gamma.logGammaOnePlus(a)) / a);
                if (small < 0.1) {
                    return small;
                }
            }
            double pp = p < 0.5 ? p : 1.0 - p;
            double t = Math.sqrt(-2.0 * Math.log(pp));
            double z = (2.30753 + t * 0.27061) / (1.0 + t * (0.99229 + t * 0.04481)) - t;
            if (p < 0.5) {
                z = -z;
            }
            double cube = 1.0 - 1.0 / (9.0 * a) - z / (3.0 * Math.sqrt(a));
            return Math.max(1.0e-3 * a, a * cube * cube * cube);
        }
        double t = 1.0 - a * (0.253 + a * 0.12);
        if (p < t) {
            return Math.pow(p / t, 1.0 / a);
        }
        return 1.0 - Math.log1p(-(p - t) / (1.0 - t));
    }
}
