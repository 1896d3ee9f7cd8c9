package dev.lemma.numeric;

/// The error function, its complement and their inverses, for [SpecialFunctions].
///
/// - $\operatorname{erf}$ for $|x| < 1$ from the series of positive terms $\operatorname{erf}(x) =
///   \frac{2x}{\sqrt\pi}e^{-x^2}\sum_{n \ge 0}\frac{(2x^2)^n}{1 \cdot 3 \cdots (2n+1)}$ (A&S 7.1.6):
///   no cancellation, so the only errors are the terms' roundings and $e^{-x^2}$, whose argument is
///   split exactly with a fused multiply-add.
/// - $\operatorname{erfc}$ for $x \ge 1$ from Laplace's continued fraction $\operatorname{erfc}(x) =
///   \frac{e^{-x^2}}{\sqrt\pi}\cfrac{1}{x + \cfrac{1/2}{x + \cfrac{1}{x + \cfrac{3/2}{x + \cdots}}}}$
///   (A&S 7.1.14), written as the even contraction for $\Gamma(\tfrac12, x^2)$ and summed
///   backwards to the depth Lentz's method finds (Numerical Recipes, 3rd ed., §6.2 and §5.2).
/// - the other side of each from the complement where no cancellation can occur.
/// - the inverses by Halley's method started from Giles' approximation (M. Giles, "Approximating
///   the erfinv function", *GPU Computing Gems* Jade ed., 2011), always on the tail that is small,
///   so that $1 - y$ is exact.
final class ErrorFunction {
    private ErrorFunction() {}

    /// $2/\sqrt\pi$, rounded to double.
    static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

    /// $1/\sqrt\pi$, rounded to double.
    static final double ONE_OVER_SQRT_PI = 0.5641895835477563;

    /// Below this $|x|$ erf comes from its series; above, as $1 - \operatorname{erfc}$, where
    /// $\operatorname{erfc} \le 0.157$ passes at most $0.157/0.843 \approx 0.19$ of its own
    /// (ulp-sized) relative error on to erf.
    private static final double SERIES_LIMIT = 1.0;

    /// From here up erfc comes from the continued fraction (depth 315 at $x = 1/2$, 93 at $x = 1$, 8
    /// at $x = 6$); summed backwards it stays within an ulp or two even at depth 315. Below, erfc $=
    /// 1 - $ erf, where erf $\le 0.521$: the complement magnifies erf's error at most $0.521/0.479
    /// \approx 1.1$ times.
    private static final double FRACTION_LIMIT = 0.5;

    /// Iteration limit of the series and continued fraction; neither needs more than about 100
    /// terms in its range.
    private static final int MAX_TERMS = 1000;

    /// $e^{-x^2}$ with $x^2$ split into $hi + lo$ exactly (fused multiply-add), so that its rounding,
    /// which $x^2 \approx 700$ would magnify 700 times, is put back as $e^{-hi}(1 - lo)$.
    static double expMinusSquare(double x) {
        double hi = x * x;
        double lo = Math.fma(x, x, -hi);
        return Math.exp(-hi) * (1.0 - lo);
    }

    static double erf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double ax = Math.abs(x);
        if (ax < SERIES_LIMIT) {
            return erfSeries(x);
        }
        return Math.copySign(1.0 - erfcFraction(ax), x);
    }

    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < 0.0) {
            return 1.0 + erf(-x);
        }
        if (x < FRACTION_LIMIT) {
            return 1.0 - erfSeries(x);
        }
        return erfcFraction(x);
    }

    private static double erfSeries(double x) {
        double twoXSquared = 2.0 * x * x;
        double term = 1.0;
        double sum = 1.0;
        for (int n = 1; n < MAX_TERMS; n++) {
            term *= twoXSquared / (2 * n + 1);
            sum += term;
            if (term <= sum * Tolerances.UNIT_ROUNDOFF) {
                return TWO_OVER_SQRT_PI * x * expMinusSquare(x) * sum;
            }
        }
        throw new ConvergenceException("erf series at x = " + x + " did not converge in " + MAX_TERMS + " terms");
    }

    /// erfc(x) for $x \ge 1$: $\frac{x e^{-x^2}}{\sqrt\pi}$ times the continued fraction
    /// $\cfrac{1}{t + \frac12 - \cfrac{1 \cdot \frac12}{t + \frac52 - \cfrac{2 \cdot \frac32}{t + \frac92 -
    /// \cdots}}}$, $t = x^2$, which is $e^{t} t^{-1/2}\Gamma(\tfrac12, t)$ (NR 6.2.7 with $a = \tfrac12$).
    private static double erfcFraction(double x) {
        if (x == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        double t = x * x;
        if (t > 800.0) {
            return 0.0; // e^{-t} underflows below the smallest subnormal
        }
        return ONE_OVER_SQRT_PI * x * expMinusSquare(x) * IncompleteGamma.legendreFraction(0.5, t);
    }

    /// Relative step below which a step that fails to shrink means the iteration has reached the
    /// rounding noise of erf itself (Halley converges cubically, so far above that noise each step is
    /// much smaller than the one before).
    static final double NOISE_FLOOR = 1.0e-12;

    /// Halley iterations allowed for the inverses; from Giles' start, two or three suffice.
    private static final int MAX_HALLEY = 50;

    static double erfInv(double y) {
        if (Double.isNaN(y)) {
            return Double.NaN;
        }
        Checks.argument(y >= -1.0 && y <= 1.0, "erfInv: y must lie in [-1, 1] but is %s", y);
        if (y == 0.0) {
            return y;
        }
        double ay = Math.abs(y);
        if (ay <= 0.5) {
            return Math.copySign(invert(ay, false, start(ay, -Math.log((1.0 - ay) * (1.0 + ay)))), y);
        }
        // 1 - |y| is exact for |y| in [1/2, 1] (Sterbenz): work on the upper tail.
        return Math.copySign(erfcInvPositive(1.0 - ay), y);
    }

    static double erfcInv(double q) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        Checks.argument(q >= 0.0 && q <= 2.0, "erfcInv: q must lie in [0, 2] but is %s", q);
        if (q <= 0.5) {
            return erfcInvPositive(q);
        }
        if (q <= 1.5) {
            return erfInv(1.0 - q); // 1 − q is exact for q in [1/2, 2] (Sterbenz), and |1 − q| ≤ 1/2
        }
        return -erfcInvPositive(2.0 - q); // 2 − q exact for q in [3/2, 2]
    }

    /// The $x \ge 0$ with $\operatorname{erfc}(x) = q$, $0 \le q \le 1/2$.
    private static double erfcInvPositive(double q) {
        if (q == 0.0) {
            return Double.POSITIVE_INFINITY;
        }
        if (q < Double.MIN_NORMAL) {
            return erfcInvSubnormal(q);
        }
        double x;
        if (q > GILES_RANGE) {
            x = start(1.0 - q, -Math.log(q * (2.0 - q))); // (1 − y)(1 + y) = q(2 − q), without 1 − y's rounding
        } else {
            // erfc(x) ≈ e^{-x²}/(x√π): two fixed-point steps of x² = −log(q x √π).
            double x2 = -Math.log(q);
            x2 = -Math.log(q * Math.sqrt(Math.PI * x2));
            x2 = -Math.log(q * Math.sqrt(Math.PI * x2));
            x = Math.sqrt(x2);
        }
        return invert(q, true, x);
    }

    /// erfcInv for a subnormal $q$, where erfc itself keeps only the bits the format has left: Newton's
    /// method on $g(x) = \log\operatorname{erfc}(x) - \log q$, with $\log\operatorname{erfc}(x) = -x^2 +
    /// \log(x F(x)/\sqrt\pi)$ from the continued fraction $F$, and $g'(x) = -2/(x F(x))$; nothing
    /// underflows.
    private static double erfcInvSubnormal(double q) {
        double logQ = Math.log(q);
        double x2 = -logQ;
        x2 = -logQ - Math.log(Math.sqrt(Math.PI * x2));
        double x = Math.sqrt(x2);
        for (int i = 0; i < MAX_HALLEY; i++) {
            double fraction = IncompleteGamma.legendreFraction(0.5, x * x);
            double hi = x * x;
            double lo = Math.fma(x, x, -hi);
            double g = (-hi - logQ) - lo + Math.log(ONE_OVER_SQRT_PI * x * fraction);
            double step = g * (x * fraction) / 2.0; // g / g'
            x += step;
            if (Math.abs(step) <= 4.0 * Tolerances.UNIT_ROUNDOFF * x) {
                return x;
            }
        }
        throw new ConvergenceException("erfcInv at " + q + ": Newton's method did not converge in " + MAX_HALLEY
                + " steps (last x = " + x + ")");
    }

    /// Giles fitted his approximation for single precision, $w = -\log((1-y)(1+y)) \le 36$, that is
    /// $1 - |y| \gtrsim 10^{-16}$; further out the start comes from the asymptotic form of erfc.
    private static final double GILES_RANGE = 1.0e-16;

    /// Giles' single-precision approximation of erfinv(y), a start within about $10^{-7}$ relative, from
    /// $w = -\log((1-y)(1+y))$.
    private static double start(double y, double wIn) {
        double w = wIn;
        double p;
        if (w < 5.0) {
            w -= 2.5;
            p = 2.81022636e-08;
            p = 3.43273939e-07 + p * w;
            p = -3.5233877e-06 + p * w;
            p = -4.39150654e-06 + p * w;
            p = 0.00021858087 + p * w;
            p = -0.00125372503 + p * w;
            p = -0.00417768164 + p * w;
            p = 0.246640727 + p * w;
            p = 1.50140941 + p * w;
        } else {
            w = Math.sqrt(w) - 3.0;
            p = -0.000200214257;
            p = 0.000100950558 + p * w;
            p = 0.00134934322 + p * w;
            p = -0.00367342844 + p * w;
            p = 0.00573950773 + p * w;
            p = -0.0076224613 + p * w;
            p = 0.00943887047 + p * w;
            p = 1.00167406 + p * w;
            p = 2.83297682 + p * w;
        }
        return p * y;
    }

    /// Halley's method on $f(x) = \operatorname{erf}(x) - y$ (or $\operatorname{erfc}(x) - y$ when
    /// `upper`): $f''/f' = -2x$ for both, so the step is $x \leftarrow x - t/(1 + x t)$ with $t = f/f'$.
    private static double invert(double y, boolean upper, double start) {
        double x = start;
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < MAX_HALLEY; i++) {
            double f = upper ? erfc(x) - y : erf(x) - y;
            double derivative = (upper ? -TWO_OVER_SQRT_PI : TWO_OVER_SQRT_PI) * expMinusSquare(x);
            if (derivative == 0.0) {
                return x;
            }
            double t = f / derivative;
            double step = t / (1.0 + x * t);
            x -= step;
            double size = Math.abs(step);
            if (size <= 4.0 * Tolerances.UNIT_ROUNDOFF * Math.abs(x)
                    || (size <= NOISE_FLOOR * Math.abs(x) && size >= previous)) {
                return x; // converged, or steps no longer shrink: erf's own rounding noise is reached
            }
            previous = size;
        }
        throw new ConvergenceException("erf inverse at " + y + ": Halley's method did not converge in " + MAX_HALLEY
                + " steps (last x = " + x + ")");
    }
}
