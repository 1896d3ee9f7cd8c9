package dev.lemma.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/// Identities of [SpecialFunctions] on seeded random points, the behaviour at poles, infinities and
/// NaN, and the messages of bad input. Tolerances are named with the condition number they allow for.
class SpecialFunctionsIdentitiesTest {
    private static final long SEED = 20_261_122L;

    private static final int POINTS = 2000;

    /// A few ulp of each side, with room for the recurrences' own roundings: $64u \approx 7 \times
    /// 10^{-15}$.
    private static final double IDENTITY = 64 * Tolerances.UNIT_ROUNDOFF;

    private static double logUniform(Random random, double lowExponent, double highExponent) {
        return Math.pow(10.0, lowExponent + (highExponent - lowExponent) * random.nextDouble());
    }

    private static void close(double actual, double expected, double relative, String what) {
        double error = Math.abs(actual - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
        assertThat(error)
                .as("%s: %s vs %s, relative error %.3g", what, actual, expected, error)
                .isLessThanOrEqualTo(relative);
    }

    @Test
    void gammaRecurrence() {
        Random random = new Random(SEED);
        for (int i = 0; i < POINTS; i++) {
            double x = 170.0 * random.nextDouble() + 1e-3;
            // Γ(x + 1) = x Γ(x); x + 1 is rounded, which moves Γ by ψ(x+1)·u(x+1) relative: use the
            // exact x + 1 by choosing x with ulp(x) ≥ ulp(x + 1).
            double y = (x + 1.0) - 1.0;
            close(SpecialFunctions.gamma(y + 1.0), y * SpecialFunctions.gamma(y), IDENTITY, "Γ(x+1) = xΓ(x) at " + y);
        }
    }

    @Test
    void gammaReflection() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < POINTS; i++) {
            double x = 60.0 * random.nextDouble() - 30.0;
            if (x == Math.rint(x)) {
                continue;
            }
            double oneMinusX = 1.0 - x;
            double xExact = 1.0 - oneMinusX; // so that x + (1 − x) = 1 exactly
            double product = SpecialFunctions.gamma(xExact) * SpecialFunctions.gamma(oneMinusX);
            double expected = Math.PI / Gamma.sinPi(xExact);
            // sin(πx) near an integer carries the relative error u / dist(x, Z): allow it.
            double distance = Math.abs(xExact - Math.rint(xExact));
            close(product, expected, IDENTITY + 4 * Tolerances.UNIT_ROUNDOFF / distance, "reflection at " + xExact);
        }
    }

    @Test
    void logGammaIsLogOfGamma() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < POINTS; i++) {
            double x = 170.0 * random.nextDouble() + 1e-3;
            double logGamma = SpecialFunctions.logGamma(x);
            // log's absolute error is Γ's relative error: compare absolutely, scaled to |log Γ| ≥ 1.
            assertThat(Math.abs(logGamma - Math.log(SpecialFunctions.gamma(x))))
                    .as("logGamma(%s)", x)
                    .isLessThanOrEqualTo(IDENTITY * Math.max(1.0, Math.abs(logGamma)));
        }
    }

    @Test
    void digammaRecurrence() {
        Random random = new Random(SEED + 3);
        for (int i = 0; i < POINTS; i++) {
            double x = logUniform(random, -3, 3);
            double y = (x + 1.0) - 1.0;
            double left = SpecialFunctions.digamma(y + 1.0);
            double right = SpecialFunctions.digamma(y) + 1.0 / y;
            // Absolute: both sides are sums whose terms reach 1/y in size.
            assertThat(Math.abs(left - right))
                    .as("ψ(x+1) = ψ(x) + 1/x at %s", y)
                    .isLessThanOrEqualTo(IDENTITY * (Math.abs(left) + 1.0 / y));
        }
    }

    @Test
    void digammaIsTheDerivativeOfLogGamma() {
        Random random = new Random(SEED + 4);
        for (int i = 0; i < 200; i++) {
            double x = 0.2 + 30.0 * random.nextDouble();
            double h = 1e-4 * x;
            // Central difference: truncation h²ψ''/6, rounding u|logΓ|/h.
            double derivative = (SpecialFunctions.logGamma(x + h) - SpecialFunctions.logGamma(x - h)) / (2 * h);
            assertThat(Math.abs(derivative - SpecialFunctions.digamma(x)))
                    .as("ψ(%s)", x)
                    .isLessThan(1e-7);
        }
    }

    @Test
    void betaIsAQuotientOfGammas() {
        Random random = new Random(SEED + 5);
        for (int i = 0; i < POINTS; i++) {
            double a = logUniform(random, -2, 1.9);
            double b = logUniform(random, -2, 1.9);
            double expected = SpecialFunctions.gamma(a) * SpecialFunctions.gamma(b) / SpecialFunctions.gamma(a + b);
            // The quotient's own error includes Γ(a+b)'s sensitivity to the rounding of a + b:
            // ψ(a+b)·(a+b)·u relative.
            double c = a + b;
            double allowance = IDENTITY + Math.abs(SpecialFunctions.digamma(c)) * c * Tolerances.UNIT_ROUNDOFF;
            close(SpecialFunctions.beta(a, b), expected, allowance, "B(" + a + ", " + b + ")");
            // log's absolute error is B's relative error.
            double logB = SpecialFunctions.logBeta(a, b);
            assertThat(Math.abs(logB - Math.log(SpecialFunctions.beta(a, b))))
                    .as("logB(%s, %s)", a, b)
                    .isLessThanOrEqualTo(allowance * Math.max(1.0, Math.abs(logB)));
        }
    }

    @Test
    void erfIsOddAndComplementsErfc() {
        Random random = new Random(SEED + 6);
        for (int i = 0; i < POINTS; i++) {
            double x = 8.0 * random.nextDouble() - 4.0;
            assertThat(SpecialFunctions.erf(-x)).isEqualTo(-SpecialFunctions.erf(x));
            // erf + erfc = 1: both below 1 in size where x ≥ 0, so no cancellation in the sum.
            assertThat(Math.abs(SpecialFunctions.erf(x) + SpecialFunctions.erfc(x) - 1.0))
                    .as("erf + erfc at %s", x)
                    .isLessThanOrEqualTo(8 * Tolerances.UNIT_ROUNDOFF); // a few ulp of 1
            double ax = Math.abs(x); // 2 − erfc(|x|) has no cancellation
            close(SpecialFunctions.erfc(-ax), 2.0 - SpecialFunctions.erfc(ax), IDENTITY, "erfc(-x) = 2 - erfc(x)");
        }
    }

    @Test
    void erfInvInvertsErfAndErfcInvInvertsErfc() {
        Random random = new Random(SEED + 7);
        for (int i = 0; i < POINTS; i++) {
            double y = 2.0 * random.nextDouble() - 1.0;
            close(SpecialFunctions.erf(SpecialFunctions.erfInv(y)), y, IDENTITY, "erf(erfInv(" + y + "))");
            double q = logUniform(random, -300, 0);
            close(
                    SpecialFunctions.erfc(SpecialFunctions.erfcInv(q)),
                    q,
                    IDENTITY * Math.max(1.0, 2 * Math.pow(SpecialFunctions.erfcInv(q), 2)),
                    "erfc(erfcInv(" + q + "))");
        }
    }

    @Test
    void incompleteGammaTailsSumToOne() {
        Random random = new Random(SEED + 8);
        for (int i = 0; i < POINTS; i++) {
            double a = logUniform(random, -2, 4);
            double x = a * 3.0 * random.nextDouble();
            double p = SpecialFunctions.regularizedGammaP(a, x);
            double q = SpecialFunctions.regularizedGammaQ(a, x);
            assertThat(Math.abs(p + q - 1.0))
                    .as("P + Q at a = %s, x = %s", a, x)
                    .isLessThanOrEqualTo(IDENTITY);
            assertThat(p).isBetween(0.0, 1.0);
            assertThat(q).isBetween(0.0, 1.0);
        }
    }

    @Test
    void incompleteGammaSpecialCases() {
        // P(1, x) = 1 − e^{−x}; Q(1, x) = e^{−x}; Q(1/2, x²) = erfc(x).
        Random random = new Random(SEED + 9);
        for (int i = 0; i < POINTS; i++) {
            double x = logUniform(random, -5, 2.5);
            close(SpecialFunctions.regularizedGammaQ(1.0, x), Math.exp(-x), IDENTITY, "Q(1, " + x + ")");
            close(SpecialFunctions.regularizedGammaP(1.0, x), -Math.expm1(-x), IDENTITY, "P(1, " + x + ")");
            double t = Math.sqrt(x);
            double tt = t * t; // exact square of t, so that erfc(t) is the exact reference
            close(
                    SpecialFunctions.regularizedGammaQ(0.5, tt),
                    SpecialFunctions.erfc(t),
                    IDENTITY * (1 + tt),
                    "Q(1/2, " + tt + ")");
        }
    }

    @Test
    void inverseRegularizedGammaPInverts() {
        Random random = new Random(SEED + 10);
        for (int i = 0; i < POINTS; i++) {
            double a = logUniform(random, -1, 3);
            double p = random.nextBoolean() ? random.nextDouble() : logUniform(random, -30, 0);
            if (p == 0.0) {
                continue;
            }
            double x = SpecialFunctions.inverseRegularizedGammaP(a, p);
            double density = a * IncompleteGamma.prefactor(a, x) / x;
            // A few ulp in x move P by density·x·u: the condition number of P at x.
            double allowance = IDENTITY * Math.max(p, Math.min(p, 1 - p) + x * density);
            if (p > 0.5) {
                assertThat(Math.abs(SpecialFunctions.regularizedGammaQ(a, x) - (1 - p)))
                        .as("Q(%s, P⁻¹(%s)) = 1 − p", a, p)
                        .isLessThanOrEqualTo(allowance);
            } else {
                assertThat(Math.abs(SpecialFunctions.regularizedGammaP(a, x) - p))
                        .as("P(%s, P⁻¹(%s)) = p", a, p)
                        .isLessThanOrEqualTo(allowance);
            }
        }
    }

    /// Deep lower tails, where the quantile is far below 1: $P(a, x) \approx x^a/\Gamma(a + 1)$ puts $x$
    /// near $10^{-120}$ for $a = 2.5$, $p = 10^{-300}$ (this once failed to converge from a start at
    /// $10^{-3}a$).
    @Test
    void inverseRegularizedGammaPInTheDeepLowerTail() {
        for (double a : new double[] {1.5, 2, 2.5, 10, 50}) {
            for (double p : new double[] {1e-300, 1e-200, 1e-100, 1e-30, 1e-10}) {
                double x = SpecialFunctions.inverseRegularizedGammaP(a, p);
                assertThat(SpecialFunctions.regularizedGammaP(a, x))
                        .as("P(%s, P⁻¹(%s))", a, p)
                        .isCloseTo(p, org.assertj.core.api.Assertions.withinPercentage(1e-11 * 100 * Math.max(1, a)));
            }
        }
    }

    @Test
    void regularizedBetaSymmetry() {
        Random random = new Random(SEED + 11);
        for (int i = 0; i < POINTS; i++) {
            double a = logUniform(random, -1, 2.5);
            double b = logUniform(random, -1, 2.5);
            double x = random.nextDouble();
            double y = 1.0 - x;
            double xExact = 1.0 - y; // x + y = 1 exactly
            double left = SpecialFunctions.regularizedBeta(xExact, a, b);
            double right = SpecialFunctions.regularizedBeta(y, b, a);
            assertThat(Math.abs(left + right - 1.0))
                    .as("I_x(a, b) + I_{1−x}(b, a) at x = %s, a = %s, b = %s", xExact, a, b)
                    .isLessThanOrEqualTo(IDENTITY);
        }
    }

    @Test
    void regularizedBetaSpecialCases() {
        // I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b.
        Random random = new Random(SEED + 12);
        for (int i = 0; i < POINTS; i++) {
            double a = logUniform(random, -1, 2);
            double x = random.nextDouble();
            close(SpecialFunctions.regularizedBeta(x, a, 1.0), Math.pow(x, a), IDENTITY * (1 + a), "I_x(a, 1)");
            close(
                    SpecialFunctions.regularizedBeta(x, 1.0, a),
                    -Math.expm1(a * Math.log1p(-x)),
                    IDENTITY * (1 + a),
                    "I_x(1, b)");
        }
    }

    @Test
    void inverseRegularizedBetaInverts() {
        Random random = new Random(SEED + 13);
        for (int i = 0; i < POINTS; i++) {
            double a = logUniform(random, -1, 2.5);
            double b = logUniform(random, -1, 2.5);
            double p = random.nextBoolean() ? random.nextDouble() : logUniform(random, -30, 0);
            if (p == 0.0) {
                continue;
            }
            double x = SpecialFunctions.inverseRegularizedBeta(p, a, b);
            assertThat(x).isBetween(0.0, 1.0);
            // The density: beyond the switch point I_x is computed from 1 − x, whose rounding moves x
            // by up to u/2 absolutely, and I by the density times that.
            double slope = (x > 0 && x < 1) ? IncompleteBeta.prefactor(x, a, b) / (x * (1.0 - x)) : 0.0;
            double allowance = IDENTITY * (Math.min(p, 1 - p) + slope) + 1e-300;
            assertThat(Math.abs(SpecialFunctions.regularizedBeta(x, a, b) - p))
                    .as("I at the inverse, p = %s, a = %s, b = %s, x = %s", p, a, b, x)
                    .isLessThanOrEqualTo(allowance);
        }
    }

    /// Deep tails, where $10^{-13}$ is not reached and why: the values are $e^{-E}$ with an exponent
    /// $E$ of several hundred, so the relative condition number with respect to $x$ is about $|x - a|$
    /// (for $P$, $Q$) or $|a\log x + b\log(1-x)|$ (for $I_x$), and a rounding of $u$ in the exponent's
    /// terms becomes $E u$. Reference values: mpmath 1.3.0 at 50 digits, computed for this test
    /// (`mpmath.gammainc(a, x, inf, regularized=True)`, `mpmath.betainc(a, b, 0, x, regularized=True)`).
    @Test
    void deepTailsAreAsAccurateAsTheirConditionAllows() {
        double a = 839.4599262911685;
        double x = 2175.3510539039453;
        // |x − a| u = 1.5e-13; reached: 2.0e-13
        close(
                SpecialFunctions.regularizedGammaQ(a, x),
                8.086647520887973e-236,
                2 * Math.abs(x - a) * Tolerances.UNIT_ROUNDOFF,
                "Q deep in the upper tail");
        a = 4575.311395152079;
        x = 3274.4424849422003;
        // |x − a| u = 1.4e-13; reached: 1.1e-13
        close(
                SpecialFunctions.regularizedGammaP(a, x),
                3.630247051624565e-102,
                2 * Math.abs(x - a) * Tolerances.UNIT_ROUNDOFF,
                "P deep in the lower tail");
        // Far below the mode (x/a = 5e-6) the quotient x/a is used, not 1 + (x − a)/a: 1e-15.
        close(SpecialFunctions.regularizedGammaP(20.0, 1e-4), 4.109926183173567e-99, IDENTITY, "P(20, 1e-4)");
        double xb = 0.3968997682447035;
        double ab = 713.8803100414958;
        double bb = 298.471483013656;
        double exponent = Math.abs(ab * Math.log(xb) + bb * Math.log1p(-xb));
        // E u = 1.1e-13 · …; reached: 1.0e-13
        close(
                SpecialFunctions.regularizedBeta(xb, ab, bb),
                6.974272035821754e-88,
                2 * exponent * Tolerances.UNIT_ROUNDOFF,
                "I deep in the lower tail");
    }

    /// For a subnormal $q$ erfc itself has lost bits, so erfcInv works on $\log\operatorname{erfc}$.
    /// Reference: `mpmath.erfinv(1 - q)` at 400 digits (mpmath 1.3.0), computed for this test.
    @Test
    void erfcInvOfSubnormalArguments() {
        close(SpecialFunctions.erfcInv(1e-320), 27.073153719853040874, IDENTITY, "erfcInv(1e-320)");
        close(SpecialFunctions.erfcInv(4.9e-324), 27.213293210812948815, IDENTITY, "erfcInv(4.9e-324)");
        close(SpecialFunctions.erfcInv(1e-300), 26.209469960516123886, IDENTITY, "erfcInv(1e-300)");
    }

    @Test
    void logSumExpEdgeCases() {
        assertThat(SpecialFunctions.logSumExp(new double[0])).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(SpecialFunctions.logSumExp(new double[] {1.0, Double.POSITIVE_INFINITY}))
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecialFunctions.logSumExp(new double[] {Double.POSITIVE_INFINITY, Double.NaN}))
                .isNaN();
        assertThat(SpecialFunctions.logSumExp(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(SpecialFunctions.logSumExp(new double[] {-1e300, 5.0})).isEqualTo(5.0);
        assertThat(SpecialFunctions.logSumExp(new double[] {1e308, 1e308})).isEqualTo(1e308 + Math.log(2.0));
    }

    @Test
    void polesAndInfinities() {
        assertThat(SpecialFunctions.gamma(0.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecialFunctions.gamma(-0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(SpecialFunctions.gamma(-3.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecialFunctions.gamma(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecialFunctions.gamma(Double.NEGATIVE_INFINITY)).isNaN();
        assertThat(SpecialFunctions.gamma(172.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecialFunctions.gamma(-200.5)).isEqualTo(0.0);
        assertThat(SpecialFunctions.logGamma(-4.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecialFunctions.logGamma(Double.NEGATIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecialFunctions.digamma(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(SpecialFunctions.digamma(-0.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecialFunctions.digamma(-2.0)).isNaN();
        assertThat(SpecialFunctions.beta(-2.0, 1.0)).isEqualTo(-0.5); // SciPy's finite limit
        assertThat(SpecialFunctions.beta(0.0, 2.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecialFunctions.erf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(SpecialFunctions.erfc(Double.NEGATIVE_INFINITY)).isEqualTo(2.0);
        assertThat(SpecialFunctions.erfInv(-1.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(SpecialFunctions.erfcInv(0.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecialFunctions.erfcInv(2.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(SpecialFunctions.regularizedGammaP(2.0, Double.POSITIVE_INFINITY))
                .isEqualTo(1.0);
        assertThat(SpecialFunctions.regularizedGammaQ(2.0, 0.0)).isEqualTo(1.0);
        assertThat(SpecialFunctions.inverseRegularizedGammaP(2.0, 1.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecialFunctions.inverseRegularizedBeta(1.0, 2.0, 3.0)).isEqualTo(1.0);
        // Quantiles below the smallest normal double (here about 10^{-523}) are 0.
        assertThat(SpecialFunctions.inverseRegularizedGammaP(0.001, 0.3)).isEqualTo(0.0);
        assertThat(SpecialFunctions.inverseRegularizedBeta(0.3, 0.001, 1.0)).isEqualTo(0.0);
    }

    @Test
    void nanInGivesNanOut() {
        double nan = Double.NaN;
        assertThat(SpecialFunctions.gamma(nan)).isNaN();
        assertThat(SpecialFunctions.logGamma(nan)).isNaN();
        assertThat(SpecialFunctions.digamma(nan)).isNaN();
        assertThat(SpecialFunctions.beta(nan, 1.0)).isNaN();
        assertThat(SpecialFunctions.logBeta(1.0, nan)).isNaN();
        assertThat(SpecialFunctions.erf(nan)).isNaN();
        assertThat(SpecialFunctions.erfc(nan)).isNaN();
        assertThat(SpecialFunctions.erfInv(nan)).isNaN();
        assertThat(SpecialFunctions.erfcInv(nan)).isNaN();
        // NaN wins over a bad other argument: NaN in, NaN out, before any domain check.
        assertThat(SpecialFunctions.regularizedGammaP(nan, -1.0)).isNaN();
        assertThat(SpecialFunctions.regularizedGammaQ(1.0, nan)).isNaN();
        assertThat(SpecialFunctions.regularizedBeta(nan, -1.0, 1.0)).isNaN();
        assertThat(SpecialFunctions.inverseRegularizedGammaP(1.0, nan)).isNaN();
        assertThat(SpecialFunctions.inverseRegularizedBeta(nan, 1.0, 1.0)).isNaN();
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> SpecialFunctions.regularizedGammaP(0.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a must be > 0 but is 0.0");
        assertThatThrownBy(() -> SpecialFunctions.regularizedGammaQ(-2.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a must be > 0 but is -2.0");
        assertThatThrownBy(() -> SpecialFunctions.regularizedGammaP(1.0, -0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x must be ≥ 0 but is -0.5");
        assertThatThrownBy(() -> SpecialFunctions.regularizedBeta(1.5, 1.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x must lie in [0, 1] but is 1.5");
        assertThatThrownBy(() -> SpecialFunctions.regularizedBeta(0.5, 0.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a must be > 0 but is 0.0");
        assertThatThrownBy(() -> SpecialFunctions.regularizedBeta(0.5, 1.0, -1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b must be > 0 but is -1.0");
        assertThatThrownBy(() -> SpecialFunctions.inverseRegularizedGammaP(1.0, 1.25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p must lie in [0, 1] but is 1.25");
        assertThatThrownBy(() -> SpecialFunctions.inverseRegularizedGammaP(-1.0, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a must be > 0");
        assertThatThrownBy(() -> SpecialFunctions.inverseRegularizedBeta(-0.25, 1.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p must lie in [0, 1] but is -0.25");
        assertThatThrownBy(() -> SpecialFunctions.erfInv(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("y must lie in [-1, 1] but is 1.5");
        assertThatThrownBy(() -> SpecialFunctions.erfcInv(-0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("q must lie in [0, 2] but is -0.1");
    }
}
