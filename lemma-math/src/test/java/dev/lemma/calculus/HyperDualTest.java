package dev.lemma.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.DimensionMismatchException;
import dev.lemma.numeric.NonFiniteValueException;
import dev.lemma.numeric.Tolerances;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/// Forward-over-forward mode: second derivatives of the primitives and Hessians from $f$ alone, exact
/// to rounding.
class HyperDualTest {
    private static final double U = Tolerances.UNIT_ROUNDOFF;

    /// As for [Dual]: a handful of operations, each one rounding, on both sides; no truncation.
    private static final double HYPER_DUAL_TOLERANCE = 64 * U;

    private static void assertExact(double actual, double expected) {
        assertThat(Math.abs(actual - expected))
                .isLessThanOrEqualTo(HYPER_DUAL_TOLERANCE * Math.max(Math.abs(expected), 1e-300));
    }

    /// $f(x + \varepsilon_1 + \varepsilon_2) = f + f'\varepsilon_1 + f'\varepsilon_2 +
    /// f''\varepsilon_1\varepsilon_2$.
    private static void check(
            java.util.function.UnaryOperator<HyperDual> f,
            DoubleUnaryOperator d1,
            DoubleUnaryOperator d2,
            double... xs) {
        for (double x : xs) {
            HyperDual y = f.apply(new HyperDual(x, 1, 1, 0));
            assertExact(y.e1(), d1.applyAsDouble(x));
            assertExact(y.e2(), d1.applyAsDouble(x));
            assertExact(y.e12(), d2.applyAsDouble(x));
        }
    }

    @Test
    void primitivesHaveTheirFirstAndSecondDerivatives() {
        double[] xs = {-2.3, -0.4, 0.2, 1.0, 3.7};
        double[] positive = {0.05, 0.5, 1.0, 2.0, 40.0};
        check(HyperDual::sin, Math::cos, x -> -Math.sin(x), xs);
        check(HyperDual::cos, x -> -Math.sin(x), x -> -Math.cos(x), xs);
        check(HyperDual::exp, Math::exp, Math::exp, xs);
        check(HyperDual::log, x -> 1 / x, x -> -1 / (x * x), positive);
        check(HyperDual::sqrt, x -> 0.5 / Math.sqrt(x), x -> -0.25 / Math.pow(x, 1.5), positive);
        check(
                HyperDual::tanh,
                x -> 1 / (Math.cosh(x) * Math.cosh(x)),
                x -> -2 * Math.tanh(x) / (Math.cosh(x) * Math.cosh(x)),
                xs);
        check(x -> x.pow(3), x -> 3 * x * x, x -> 6 * x, xs);
        check(x -> x.times(x).times(x), x -> 3 * x * x, x -> 6 * x, xs);
        check(x -> HyperDual.constant(1).divide(x), x -> -1 / (x * x), x -> 2 / (x * x * x), xs);
        check(x -> x.pow(0), x -> 0, x -> 0, xs);
        check(x -> x.minus(2).times(3).negate().plus(x.minus(HyperDual.constant(1))), x -> -2, x -> 0, xs);
    }

    @Test
    void hessianOfRosenbrockAndSoftmaxCrossEntropy() {
        SplittableRandom rng = new SplittableRandom(7L);
        for (int t = 0; t < 20; t++) {
            Vector x = Vector.of(rng.nextDouble(-2, 2), rng.nextDouble(-2, 2));
            Matrix H = ForwardMode.hessianByHyperDuals(Functions::rosenbrock, x);
            Matrix expected = Functions.rosenbrockHessian(x);
            assertThat(H.maxAbsDifference(expected))
                    .isLessThan(HYPER_DUAL_TOLERANCE * 4 * Math.max(1, expected.normInf()));
            assertThat(H).isEqualTo(H.transpose());
            Vector v = Vector.of(rng.nextDouble(-1, 1), rng.nextDouble(-1, 1));
            Vector Hv = ForwardMode.hessianVectorProductByHyperDuals(Functions::rosenbrock, x, v);
            assertThat(Hv.minus(expected.times(v)).normInf())
                    .isLessThan(HYPER_DUAL_TOLERANCE * 4 * Math.max(1, expected.normInf()));
        }
        Vector z = Vector.random(5, 3);
        Vector y = Functions.softmax(Vector.random(5, 4));
        Vector s = Functions.softmax(z);
        Matrix expected = Matrix.diagonal(s.toArray()).minus(s.outer(s));
        Matrix H = ForwardMode.hessianByHyperDuals(w -> Functions.softmaxCrossEntropy(y, w), z);
        assertThat(H.maxAbsDifference(expected)).isLessThan(HYPER_DUAL_TOLERANCE);
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        assertThatThrownBy(() -> ForwardMode.hessianByHyperDuals(Functions::rosenbrock, Vector.of(Double.NaN, 1)))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("x has NaN at index 0");
        assertThatThrownBy(() -> ForwardMode.hessianVectorProductByHyperDuals(
                        Functions::rosenbrock, Vector.of(1, 1), Vector.of(1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("x has length 2 but v has length 1");
    }
}
