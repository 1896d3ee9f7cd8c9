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

/// Dual numbers give derivatives exact to rounding: each primitive against its analytic derivative,
/// compositions against the chain rule, gradients, Jacobians and Hessian-vector products against
/// those worked by hand.
class ForwardModeTest {
    private static final double U = Tolerances.UNIT_ROUNDOFF;

    /// Exact to rounding: a dual derivative and the analytic formula each make a few rounding errors
    /// (at most about 8 operations here, each relative error at most $u$), so $32u \approx 3.6 \times
    /// 10^{-15}$ relative bounds their difference. There is no truncation term at all.
    private static final double DUAL_TOLERANCE = 32 * U;

    private static void assertExact(double actual, double expected) {
        assertThat(Math.abs(actual - expected))
                .isLessThanOrEqualTo(DUAL_TOLERANCE * Math.max(Math.abs(expected), 1e-300));
    }

    private static void check(DualFunction f, DoubleUnaryOperator value, DoubleUnaryOperator derivative, double... xs) {
        for (double x : xs) {
            Dual y = f.apply(Dual.variable(x));
            assertExact(y.value(), value.applyAsDouble(x));
            assertExact(y.derivative(), derivative.applyAsDouble(x));
            assertThat(ForwardMode.derivative(f, x)).isEqualTo(y.derivative());
        }
    }

    @Test
    void primitivesHaveTheirAnalyticDerivatives() {
        double[] xs = {-2.3, -0.4, 0.2, 1.0, 3.7};
        double[] positive = {0.05, 0.5, 1.0, 2.0, 40.0};
        check(Dual::sin, Math::sin, Math::cos, xs);
        check(Dual::cos, Math::cos, x -> -Math.sin(x), xs);
        check(Dual::exp, Math::exp, Math::exp, xs);
        check(Dual::tanh, Math::tanh, x -> 1 / (Math.cosh(x) * Math.cosh(x)), xs);
        check(
                Dual::sigmoid,
                x -> 1 / (1 + Math.exp(-x)),
                x -> Math.exp(-x) / ((1 + Math.exp(-x)) * (1 + Math.exp(-x))),
                xs);
        check(Dual::log, Math::log, x -> 1 / x, positive);
        check(Dual::sqrt, Math::sqrt, x -> 0.5 / Math.sqrt(x), positive);
        check(x -> x.pow(3), x -> x * x * x, x -> 3 * x * x, xs);
        check(x -> x.pow(-1.5), x -> Math.pow(x, -1.5), x -> -1.5 * Math.pow(x, -2.5), positive);
        check(x -> x.pow(0), x -> 1, x -> 0, xs);
        check(x -> x.pow(x), x -> Math.pow(x, x), x -> Math.pow(x, x) * (Math.log(x) + 1), positive);
        check(x -> Dual.constant(2).pow(x), x -> Math.pow(2, x), x -> Math.pow(2, x) * Math.log(2), xs);
        check(x -> Dual.constant(1).divide(x), x -> 1 / x, x -> -1 / (x * x), xs);
        check(
                x -> x.times(x)
                        .minus(x)
                        .plus(3)
                        .negate()
                        .divide(2)
                        .times(4)
                        .minus(1)
                        .plus(x),
                x -> -2 * (x * x - x + 3) - 1 + x,
                x -> -2 * (2 * x - 1) + 1,
                xs);
    }

    @Test
    void sigmoidIsStableForLargeArguments() {
        assertThat(Dual.variable(-800).sigmoid().value()).isZero();
        assertThat(Dual.variable(-800).sigmoid().derivative()).isZero();
        assertThat(Dual.variable(800).sigmoid().value()).isEqualTo(1.0);
        assertThat(Dual.variable(800).sigmoid().derivative()).isZero();
    }

    @Test
    void compositionsFollowTheChainRule() {
        // f(x) = sin(x)·e^x / (1 + x²), f' worked by hand with the product and quotient rules.
        DualFunction f = x -> x.sin().times(x.exp()).divide(x.times(x).plus(1));
        DoubleUnaryOperator df = x -> {
            double num = Math.sin(x) * Math.exp(x);
            double dnum = (Math.cos(x) + Math.sin(x)) * Math.exp(x);
            double den = 1 + x * x;
            return (dnum * den - num * 2 * x) / (den * den);
        };
        SplittableRandom rng = new SplittableRandom(2026L);
        for (int i = 0; i < 50; i++) {
            double x = rng.nextDouble(-3, 3);
            assertExact(ForwardMode.derivative(f, x), df.applyAsDouble(x));
        }
        // Agreement with the complex step, the other method exact to rounding.
        ComplexFunction fz = z -> z.sin().times(z.exp()).divide(z.times(z).plus(1));
        assertExact(ForwardMode.derivative(f, 0.8), Derivative.complexStep(fz, 0.8));
    }

    @Test
    void gradientJacobianAndDirectionalDerivative() {
        Vector x = Vector.of(-1.2, 1);
        Vector g = Functions.rosenbrockGradient(x);
        assertThat(ForwardMode.gradient(Functions::rosenbrock, x).minus(g).normInf())
                .isLessThan(DUAL_TOLERANCE * g.normInf());
        Vector v = Vector.of(0.3, -0.7);
        assertExact(
                ForwardMode.directionalDerivative(Functions::rosenbrock, x, v),
                Functions.rosenbrockGradient(x).dot(v));
        // The Jacobian of the Rosenbrock gradient is the Hessian.
        Matrix J = ForwardMode.jacobian(Functions::rosenbrockGradient, x);
        assertThat(J.maxAbsDifference(Functions.rosenbrockHessian(x))).isLessThan(DUAL_TOLERANCE * 2000);
        assertThat(ForwardMode.hessian(Functions::rosenbrockGradient, x)
                        .maxAbsDifference(Functions.rosenbrockHessian(x)))
                .isLessThan(DUAL_TOLERANCE * 2000);
    }

    /// $\nabla(x^\top A x) = (A + A^\top)x$ written with duals.
    private static DualMap quadraticGradient(Matrix A) {
        Matrix S = A.plus(A.transpose());
        return x -> {
            Dual[] g = new Dual[x.length];
            for (int i = 0; i < x.length; i++) {
                Dual sum = Dual.constant(0);
                for (int j = 0; j < x.length; j++) {
                    sum = sum.plus(x[j].times(S.get(i, j)));
                }
                g[i] = sum;
            }
            return g;
        };
    }

    @Test
    void hessianVectorProductsEqualHTimesV() {
        for (long seed = 1; seed <= 5; seed++) {
            Matrix A = Matrix.random(6, 6, seed);
            Vector x = Vector.random(6, seed + 10);
            Vector v = Vector.random(6, seed + 20);
            Vector Hv = ForwardMode.hessianVectorProduct(quadraticGradient(A), x, v);
            Vector expected = A.plus(A.transpose()).times(v);
            assertThat(Hv.minus(expected).normInf()).isLessThan(DUAL_TOLERANCE * 10 * expected.normInf());
            // Numerically, by a difference of the gradient: agrees to u^{2/3}-level.
            Vector numeric = MultivariateDerivatives.hessianVectorProduct(
                    w -> A.plus(A.transpose()).times(w), x, v);
            assertThat(numeric.minus(expected).normInf()).isLessThan(1e-7 * expected.normInf());
        }
        SplittableRandom rng = new SplittableRandom(99L);
        for (int i = 0; i < 20; i++) {
            Vector x = Vector.of(rng.nextDouble(-2, 2), rng.nextDouble(-2, 2));
            Vector v = Vector.of(rng.nextDouble(-1, 1), rng.nextDouble(-1, 1));
            Vector expected = Functions.rosenbrockHessian(x).times(v);
            Vector Hv = ForwardMode.hessianVectorProduct(Functions::rosenbrockGradient, x, v);
            assertThat(Hv.minus(expected).normInf()).isLessThan(DUAL_TOLERANCE * 1e3 * Math.max(1, expected.normInf()));
        }
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        assertThatThrownBy(() -> ForwardMode.derivative(Dual::sin, Double.NaN))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("x must be finite but is NaN");
        assertThatThrownBy(
                        () -> ForwardMode.directionalDerivative(Functions::rosenbrock, Vector.of(1, 1), Vector.of(1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("x has length 2 but v has length 1");
        assertThatThrownBy(() -> ForwardMode.gradient(Functions::rosenbrock, Vector.of(1, Double.NaN)))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("x has NaN at index 1");
        assertThatThrownBy(() ->
                        ForwardMode.hessianVectorProduct(x -> new Dual[] {x[0]}, Vector.of(1, 1), Vector.of(1, 0)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("the gradient has length 1 but x has length 2");
        assertThat(ForwardMode.derivative(x -> x.log(), 0.0)).isInfinite(); // log has no derivative at 0
    }
}
