package dev.lemma.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.numeric.NonFiniteValueException;
import dev.lemma.numeric.Tolerances;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Derivatives of $f: \mathbb{R} \to \mathbb{R}$: each method's error against the order its derivation
/// predicts (see [Derivative]'s Javadoc), the V-shaped error curve, and bad input.
class DerivativeTest {
    private static final double U = Tolerances.UNIT_ROUNDOFF;

    /// Forward difference: error $\frac{h}{2}|f''| + u|f|/h \approx \sqrt{u}$ at the default step when
    /// $f$, $f''$ and $f'$ are of comparable size; a factor 100 covers the ratios of the test functions
    /// (up to about 10, for log at 0.5) and the constants of the two terms.
    private static final double FORWARD_TOLERANCE = 100 * Math.sqrt(U);

    /// Central difference: error $\frac{h^2}{6}|f'''| + u|f|/h \approx u^{2/3} \approx 2.3 \times
    /// 10^{-11}$; the same factor 100 for the ratios of derivatives.
    private static final double CENTRAL_TOLERANCE = 100 * Math.pow(U, 2.0 / 3.0);

    /// Complex step: no cancellation, so a few rounding errors of the evaluation of $f$ itself.
    private static final double COMPLEX_STEP_TOLERANCE = 8 * U;

    /// Richardson with 6 levels: truncation $O(h_0^{12})$ is negligible; rounding $u|f|/h$ at the
    /// smallest step $h_0/32 \approx 3 \times 10^{-3}$, amplified by the tableau's weights (sum of
    /// absolute weights below 3), gives about $10^{-13}$; $10^{-12}$ leaves a factor 10.
    private static final double RICHARDSON_TOLERANCE = 1e-12;

    /// Second difference: error $\frac{h^2}{12}|f''''| + 4u|f|/h^2 \approx \sqrt u \approx 10^{-8}$ at
    /// $h = u^{1/4}$; factor 100 for the ratios of derivatives.
    private static final double SECOND_TOLERANCE = 100 * Math.sqrt(U);

    /// A test function with its first and second derivatives, analytic, and its complex extension.
    record Case(
            String name,
            DoubleUnaryOperator f,
            DoubleUnaryOperator df,
            DoubleUnaryOperator d2f,
            ComplexFunction fz,
            double x) {
        @Override
        public String toString() {
            return name + " at " + x;
        }
    }

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (double x : new double[] {-2.0, 0.3, 1.0, 2.5}) {
            cases.add(Arguments.of(new Case("sin", Math::sin, Math::cos, t -> -Math.sin(t), Complex::sin, x)));
            cases.add(Arguments.of(new Case("exp", Math::exp, Math::exp, Math::exp, Complex::exp, x)));
            cases.add(Arguments.of(new Case("x³", t -> t * t * t, t -> 3 * t * t, t -> 6 * t, z -> z.pow(3), x)));
        }
        for (double x : new double[] {0.5, 1.7, 10.0, 1e4}) {
            cases.add(Arguments.of(new Case("log", Math::log, t -> 1 / t, t -> -1 / (t * t), Complex::log, x)));
        }
        return cases.build();
    }

    private static double relativeError(double approx, double exact) {
        return Math.abs(approx - exact) / Math.max(Math.abs(exact), Double.MIN_NORMAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachMethodIsWithinItsPredictedOrder(Case c) {
        double exact = c.df().applyAsDouble(c.x());
        assertThat(relativeError(Derivative.forward(c.f(), c.x()), exact)).isLessThan(FORWARD_TOLERANCE);
        assertThat(relativeError(Derivative.central(c.f(), c.x()), exact)).isLessThan(CENTRAL_TOLERANCE);
        assertThat(relativeError(Derivative.complexStep(c.fz(), c.x()), exact)).isLessThan(COMPLEX_STEP_TOLERANCE);
        assertThat(relativeError(Derivative.richardson(c.f(), c.x()), exact)).isLessThan(RICHARDSON_TOLERANCE);
        double second = c.d2f().applyAsDouble(c.x());
        assertThat(Math.abs(Derivative.second(c.f(), c.x()) - second))
                .isLessThan(SECOND_TOLERANCE * Math.max(1.0, Math.abs(second)));
    }

    @Test
    void centralIsMoreAccurateThanForwardOnAverage() {
        // Averaged over seeded points, the central error (~u^{2/3}) is far below the forward one (~√u).
        SplittableRandom rng = new SplittableRandom(20261122L);
        double forward = 0;
        double central = 0;
        for (int i = 0; i < 50; i++) {
            double x = rng.nextDouble(-1, 1);
            forward += relativeError(Derivative.forward(Math::exp, x), Math.exp(x));
            central += relativeError(Derivative.central(Math::exp, x), Math.exp(x));
        }
        assertThat(central).isLessThan(forward / 100);
    }

    /// The mean error over seeded points of exp on [0.5, 1.5] (so $f = f'' = f'''$ and the constants
    /// drop out of the optimal step) at steps $10^{-k/4}$ for $k = 0, \dots, 56$.
    private static double[] meanErrors(double[] steps, boolean central) {
        SplittableRandom rng = new SplittableRandom(42L);
        double[] xs = new double[64];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = rng.nextDouble(0.5, 1.5);
        }
        double[] mean = new double[steps.length];
        for (int s = 0; s < steps.length; s++) {
            double sum = 0;
            for (double x : xs) {
                double approx = central
                        ? Derivative.central(Math::exp, x, steps[s])
                        : Derivative.forward(Math::exp, x, steps[s]);
                sum += relativeError(approx, Math.exp(x));
            }
            mean[s] = sum / xs.length;
        }
        return mean;
    }

    @Test
    void theErrorCurveIsVShapedWithItsMinimumWherePredicted() {
        double[] steps = new double[57];
        for (int k = 0; k < steps.length; k++) {
            steps[k] = Math.pow(10, -k / 4.0);
        }
        // Minimising h/2·|f''| + 2u|f|/h (two rounded values of f) gives h* = 2√u for exp;
        // minimising h²/6·|f'''| + u|f|/h gives h* = (3u)^{1/3}.
        double forwardOptimum = 2 * Math.sqrt(U);
        double centralOptimum = Math.cbrt(3 * U);
        for (boolean central : new boolean[] {false, true}) {
            double[] error = meanErrors(steps, central);
            int best = 0;
            for (int s = 1; s < steps.length; s++) {
                if (error[s] < error[best]) {
                    best = s;
                }
            }
            double predicted = central ? centralOptimum : forwardOptimum;
            assertThat(steps[best]).isBetween(predicted / 100, predicted * 100);
            // The V: both ends are far worse than the bottom, and the error falls to the bottom from the
            // left end and rises from the bottom to the right end, in the large.
            assertThat(error[0]).isGreaterThan(1e3 * error[best]);
            assertThat(error[steps.length - 1]).isGreaterThan(1e3 * error[best]);
            assertThat(error[best / 2]).isGreaterThan(error[best]).isLessThan(error[0]);
            int right = (best + steps.length - 1) / 2;
            assertThat(error[right]).isGreaterThan(error[best]).isLessThan(error[steps.length - 1]);
        }
    }

    /// $\log_2$ of the error ratio when the step halves: the order of the truncation error.
    private static double measuredOrder(DoubleUnaryOperator method, double exact) {
        return Math.log(Math.abs(method.applyAsDouble(1e-2) - exact) / Math.abs(method.applyAsDouble(5e-3) - exact))
                / Math.log(2);
    }

    @Test
    void truncationErrorsHaveTheirDerivedOrders() {
        // At h = 1e-2 the truncation term dominates rounding by orders of magnitude, so halving h
        // divides the error by 2^p: p = 1 forward, 2 central and second difference, 4 for one
        // Richardson step. The next term of each expansion shifts p by about h, hence 0.05.
        double orderTolerance = 0.05;
        double x = 1.0;
        assertThat(measuredOrder(h -> Derivative.forward(Math::exp, x, h), Math.E))
                .isCloseTo(1, within(orderTolerance));
        assertThat(measuredOrder(h -> Derivative.central(Math::exp, x, h), Math.E))
                .isCloseTo(2, within(orderTolerance));
        assertThat(measuredOrder(h -> Derivative.second(Math::exp, x, h), Math.E))
                .isCloseTo(2, within(orderTolerance));
        assertThat(measuredOrder(h -> Derivative.richardson(Math::exp, x, h, 2), Math.E))
                .isCloseTo(4, within(orderTolerance));
        // The complex step's truncation h²f‴/6 is also of order 2, visible at large steps only.
        assertThat(measuredOrder(h -> Derivative.complexStep(Complex::exp, x, h), Math.E))
                .isCloseTo(2, within(orderTolerance));
    }

    @Test
    void complexStepKeepsFullAccuracyAtAnyTinyStep() {
        // No cancellation: the complex step is as accurate at h = 1e-100 as at 1e-20, where a real
        // difference would return 0 (x + h == x).
        for (double h : new double[] {1e-8, 1e-20, 1e-100, 1e-300}) {
            assertThat(relativeError(Derivative.complexStep(Complex::sin, 0.7, h), Math.cos(0.7)))
                    .isLessThan(COMPLEX_STEP_TOLERANCE);
        }
        // Squire & Trapp 1998, Eq. (5): f(x) = e^x / sqrt(sin³x + cos³x) at x = 1.5, f'(1.5) = 4.0534278939...
        ComplexFunction f =
                z -> z.exp().divide(z.sin().pow(3).plus(z.cos().pow(3)).sqrt());
        DoubleUnaryOperator real = x -> Math.exp(x) / Math.sqrt(Math.pow(Math.sin(x), 3) + Math.pow(Math.cos(x), 3));
        double complexStep = Derivative.complexStep(f, 1.5);
        assertThat(complexStep).isCloseTo(Derivative.richardson(real, 1.5), org.assertj.core.data.Offset.offset(1e-10));
        assertThat(complexStep).isCloseTo(4.0534278939, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void richardsonWithOneLevelIsTheCentralDifference() {
        assertThat(Derivative.richardson(Math::sin, 0.4, 1e-3, 1)).isEqualTo(Derivative.central(Math::sin, 0.4, 1e-3));
        // Each level removes one even power: the error falls steeply with the levels.
        double e1 = relativeError(Derivative.richardson(Math::exp, 1, 0.1, 1), Math.E);
        double e2 = relativeError(Derivative.richardson(Math::exp, 1, 0.1, 2), Math.E);
        double e3 = relativeError(Derivative.richardson(Math::exp, 1, 0.1, 3), Math.E);
        assertThat(e2).isLessThan(e1 * 1e-3);
        assertThat(e3).isLessThan(e2 * 1e-3);
    }

    @Test
    void defaultStepsHaveTheDocumentedValues() {
        assertThat(Derivative.forwardStep(0.5)).isEqualTo(Math.sqrt(U));
        assertThat(Derivative.forwardStep(-1e3)).isEqualTo(Math.sqrt(U) * 1e3);
        assertThat(Derivative.centralStep(2.0)).isEqualTo(Math.cbrt(U) * 2.0);
        assertThat(Derivative.secondStep(0.0)).isEqualTo(Math.pow(U, 0.25), org.assertj.core.data.Offset.offset(1e-20));
        assertThat(Derivative.COMPLEX_STEP).isEqualTo(1e-20);
        // The step scales with |x|: at x = 1e10 a step of √u alone would vanish (x + h == x).
        assertThat(relativeError(Derivative.central(t -> t * t, 1e10), 2e10)).isLessThan(CENTRAL_TOLERANCE);
    }

    @Test
    void nanFromTheFunctionPropagates() {
        assertThat(Derivative.central(t -> Double.NaN, 1.0)).isNaN();
        assertThat(Derivative.forward(Math::log, 0.0)).isEqualTo(Double.POSITIVE_INFINITY); // (log h − (−∞)) / h
        assertThat(Derivative.complexStep(z -> new Complex(Double.NaN, Double.NaN), 1.0))
                .isNaN();
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        assertThatThrownBy(() -> Derivative.central(Math::sin, Double.NaN))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("x must be finite but is NaN");
        assertThatThrownBy(() -> Derivative.forward(Math::sin, 1.0, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the step h must be > 0 but is 0.0");
        assertThatThrownBy(() -> Derivative.central(Math::sin, 1.0, -1e-3))
                .hasMessage("the step h must be > 0 but is -0.001");
        assertThatThrownBy(() -> Derivative.second(Math::sin, 1.0, Double.POSITIVE_INFINITY))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("h must be finite but is Infinity");
        assertThatThrownBy(() -> Derivative.central(Math::sin, 1e20, 1e-10))
                .hasMessage("the step h = 1.0E-10 vanishes next to x = 1.0E20 (x + h == x)");
        assertThatThrownBy(() -> Derivative.richardson(Math::sin, 1.0, 0.1, 0))
                .hasMessage("levels must be ≥ 1 but is 0");
        assertThatThrownBy(() -> Derivative.complexStep(Complex::sin, Double.NEGATIVE_INFINITY))
                .isInstanceOf(NonFiniteValueException.class);
    }
}
