package dev.lemma.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.DimensionMismatchException;
import dev.lemma.numeric.NonFiniteValueException;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Gradients, Jacobians and Hessians by central differences against those worked by hand, on the
/// functions machine learning differentiates most: $x^\top A x$, $\|Ax - b\|^2$, softmax
/// cross-entropy and Rosenbrock's function. Seeded random inputs.
class MultivariateDerivativesTest {
    /// Central differences are accurate to about $u^{2/3} \approx 2 \times 10^{-11}$ times the size of
    /// the function over the step; with $|f| \lesssim 10^2$ on these inputs, $10^{-7}$ relative to
    /// $\max(1, \|\nabla f\|_\infty)$ leaves a margin of more than 10.
    private static final double GRADIENT_TOLERANCE = 1e-7;

    /// The Hessian from values has error $O(\sqrt u) \approx 10^{-8}$ times $|f|/h$-type constants;
    /// $10^{-5}$ relative to $\max(1, \|H\|_{\max})$ leaves room for $|f|$ up to $10^2$-$10^3$.
    private static final double HESSIAN_TOLERANCE = 1e-5;

    /// The Hessian from a gradient is a first difference again: $u^{2/3}$-level, as the gradient.
    private static final double HESSIAN_FROM_GRADIENT_TOLERANCE = 1e-7;

    private static void assertClose(Vector actual, Vector expected, double tolerance) {
        double scale = Math.max(1.0, expected.normInf());
        assertThat(actual.minus(expected).normInf()).isLessThan(tolerance * scale);
    }

    private static void assertClose(Matrix actual, Matrix expected, double tolerance) {
        double scale = Math.max(1.0, expected.maxAbsDifference(Matrix.zeros(expected.rows(), expected.cols())));
        assertThat(actual.maxAbsDifference(expected)).isLessThan(tolerance * scale);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void quadraticForm(long seed) {
        Matrix A = Matrix.random(5, 5, seed); // not symmetric, on purpose
        Vector x = Vector.random(5, seed + 100).times(3);
        ToDoubleFunction<Vector> f = v -> Functions.quadratic(A, v);
        Matrix sym = A.plus(A.transpose());
        assertClose(MultivariateDerivatives.gradient(f, x), sym.times(x), GRADIENT_TOLERANCE);
        Matrix H = MultivariateDerivatives.hessian(f, x);
        assertClose(H, sym, HESSIAN_TOLERANCE);
        assertThat(H).isEqualTo(H.transpose());
        Matrix Hg = MultivariateDerivatives.hessianFromGradient(v -> sym.times(v), x);
        assertClose(Hg, sym, HESSIAN_FROM_GRADIENT_TOLERANCE);
        assertThat(Hg).isEqualTo(Hg.transpose());
        Vector v = Vector.random(5, seed + 200);
        assertThat(MultivariateDerivatives.directionalDerivative(f, x, v))
                .isCloseTo(sym.times(x).dot(v), org.assertj.core.data.Offset.offset(GRADIENT_TOLERANCE * 10));
        assertClose(
                MultivariateDerivatives.hessianVectorProduct(w -> sym.times(w), x, v),
                sym.times(v),
                HESSIAN_FROM_GRADIENT_TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void leastSquares(long seed) {
        Matrix A = Matrix.random(7, 4, seed);
        Vector b = Vector.random(7, seed + 1);
        Vector x = Vector.random(4, seed + 2);
        ToDoubleFunction<Vector> f = v -> Functions.leastSquares(A, b, v);
        Vector expected = A.transpose().times(A.times(x).minus(b)).times(2);
        assertClose(MultivariateDerivatives.gradient(f, x), expected, GRADIENT_TOLERANCE);
        assertClose(
                MultivariateDerivatives.hessian(f, x), A.transpose().times(A).times(2), HESSIAN_TOLERANCE);
        // The residual r(x) = Ax − b is affine: its Jacobian is A.
        Matrix J = MultivariateDerivatives.jacobian(v -> A.times(v).minus(b), x);
        assertThat(J.rows()).isEqualTo(7);
        assertThat(J.cols()).isEqualTo(4);
        assertClose(J, A, GRADIENT_TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void softmaxCrossEntropy(long seed) {
        Vector z = Vector.random(6, seed).times(4);
        Vector y = Functions.softmax(Vector.random(6, seed + 1)); // a probability vector
        ToDoubleFunction<Vector> f = v -> Functions.softmaxCrossEntropy(y, v);
        Vector s = Functions.softmax(z);
        assertClose(MultivariateDerivatives.gradient(f, z), s.minus(y), GRADIENT_TOLERANCE);
        // The Jacobian of softmax, and the Hessian of the loss: diag(s) − s sᵀ.
        Matrix expected = Matrix.diagonal(s.toArray()).minus(s.outer(s));
        assertClose(MultivariateDerivatives.jacobian(Functions::softmax, z), expected, GRADIENT_TOLERANCE);
        assertClose(MultivariateDerivatives.hessian(f, z), expected, HESSIAN_TOLERANCE);
    }

    @Test
    void rosenbrock() {
        // The classical start (−1.2, 1), the minimum (1, 1) where the gradient is 0, and seeded points.
        Vector[] points = {
            Vector.of(-1.2, 1),
            Vector.of(1, 1),
            Vector.random(2, 31).times(2),
            Vector.random(2, 32).times(2)
        };
        for (Vector x : points) {
            assertClose(
                    MultivariateDerivatives.gradient(Functions::rosenbrock, x),
                    Functions.rosenbrockGradient(x),
                    GRADIENT_TOLERANCE);
            Matrix H = MultivariateDerivatives.hessian(Functions::rosenbrock, x);
            assertClose(H, Functions.rosenbrockHessian(x), HESSIAN_TOLERANCE);
            assertThat(H).isEqualTo(H.transpose());
            assertClose(
                    MultivariateDerivatives.hessianFromGradient(Functions::rosenbrockGradient, x),
                    Functions.rosenbrockHessian(x),
                    HESSIAN_FROM_GRADIENT_TOLERANCE);
        }
        // At the minimum the Hessian is [[802, −400], [−400, 200]] (Nocedal & Wright, Exercise 2.1).
        assertThat(Functions.rosenbrockHessian(Vector.of(1, 1))).isEqualTo(Matrix.of(new double[][] {
            {802, -400}, {-400, 200}
        }));
    }

    @Test
    void directionalDerivativeOfTheZeroDirectionIsZero() {
        assertThat(MultivariateDerivatives.directionalDerivative(
                        Functions::rosenbrock, Vector.of(0.5, 0.5), Vector.zeros(2)))
                .isZero();
        assertThat(MultivariateDerivatives.hessianVectorProduct(
                        Functions::rosenbrockGradient, Vector.of(0.5, 0.5), Vector.zeros(2)))
                .isEqualTo(Vector.zeros(2));
        // Linear in v: D_{3v} f = 3 D_v f (to the accuracy of the difference).
        Vector x = Vector.of(-0.3, 0.8);
        Vector v = Vector.of(0.6, -1.1);
        double d = MultivariateDerivatives.directionalDerivative(Functions::rosenbrock, x, v);
        assertThat(d).isCloseTo(Functions.rosenbrockGradient(x).dot(v), org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void emptyInputGivesEmptyDerivatives() {
        assertThat(MultivariateDerivatives.gradient(v -> 1.0, Vector.zeros(0)).size())
                .isZero();
        Matrix H = MultivariateDerivatives.hessian(v -> 1.0, Vector.zeros(0));
        assertThat(H.rows()).isZero();
        assertThat(MultivariateDerivatives.jacobian(v -> Vector.of(1, 2), Vector.zeros(0))
                        .rows())
                .isEqualTo(2);
    }

    @Test
    void nanFromTheFunctionPropagates() {
        Vector g = MultivariateDerivatives.gradient(v -> v.get(0) > 0 ? Double.NaN : 0.0, Vector.of(1, 1));
        assertThat(g.get(0)).isNaN();
        assertThat(g.get(1)).isNaN();
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        assertThatThrownBy(() -> MultivariateDerivatives.gradient(Functions::rosenbrock, Vector.of(1, Double.NaN)))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("x has NaN at index 1");
        assertThatThrownBy(() ->
                        MultivariateDerivatives.hessian(Functions::rosenbrock, Vector.of(Double.POSITIVE_INFINITY, 0)))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("x has Infinity at index 0");
        assertThatThrownBy(() -> MultivariateDerivatives.directionalDerivative(
                        Functions::rosenbrock, Vector.of(1, 1), Vector.of(1, 2, 3)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("x has length 2 but v has length 3");
        assertThatThrownBy(() -> MultivariateDerivatives.directionalDerivative(
                        Functions::rosenbrock, Vector.of(1, 1), Vector.of(1, Double.NaN)))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("v has NaN at index 1");
        assertThatThrownBy(() -> MultivariateDerivatives.hessianFromGradient(v -> Vector.of(1, 2, 3), Vector.of(1, 1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("the gradient has length 3 but x has length 2");
        assertThatThrownBy(() -> MultivariateDerivatives.jacobian(
                        v -> v.get(0) > 1 ? Vector.of(1) : Vector.of(1, 2), Vector.of(1, 1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageStartingWith("F(x) has length 2 but F(x ± h e_0) has lengths 1 and 2");
    }
}
