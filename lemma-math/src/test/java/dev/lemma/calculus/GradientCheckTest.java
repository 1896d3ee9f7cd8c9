package dev.lemma.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.DimensionMismatchException;
import dev.lemma.numeric.NonFiniteValueException;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/// The gradient check passes right gradients and flags a wrong one in the right coordinate.
class GradientCheckTest {
    /// What a correct gradient achieves: central differences at $u^{2/3}$ give relative errors near
    /// $10^{-10}$ on these smooth functions, far below the default tolerance $10^{-6}$.
    private static final double CORRECT_GRADIENT_ERROR = 1e-8;

    @Test
    void passesACorrectGradientWithErrorsFarBelowTheTolerance() {
        Vector x = Vector.of(-1.2, 1);
        GradientCheck check = GradientCheck.of(Functions::rosenbrock, Functions.rosenbrockGradient(x), x);
        assertThat(check.passed()).isTrue();
        assertThat(check.failures()).isEmpty();
        assertThat(check.tolerance()).isEqualTo(GradientCheck.DEFAULT_TOLERANCE);
        assertThat(check.maxRelativeError()).isLessThan(CORRECT_GRADIENT_ERROR);
        assertThat(check.coordinates()).hasSize(2);
        GradientCheck.Coordinate c0 = check.coordinates().get(0);
        assertThat(c0.index()).isZero();
        assertThat(c0.analytic()).isEqualTo(Functions.rosenbrockGradient(x).get(0));
        assertThat(c0.relativeError())
                .isEqualTo(Math.abs(c0.analytic() - c0.numeric())
                        / Math.max(Math.abs(c0.analytic()), Math.abs(c0.numeric())));

        Vector z = Vector.random(8, 7).times(3);
        Vector y = Functions.softmax(Vector.random(8, 8));
        GradientCheck ce = GradientCheck.of(
                v -> Functions.softmaxCrossEntropy(y, v), Functions.softmax(z).minus(y), z);
        assertThat(ce.passed()).isTrue();
        assertThat(ce.maxRelativeError()).isLessThan(CORRECT_GRADIENT_ERROR);
    }

    @Test
    void flagsAWrongGradientInTheRightCoordinate() {
        Matrix A = Matrix.random(6, 6, 3);
        Vector x = Vector.random(6, 4);
        ToDoubleFunction<Vector> f = v -> Functions.quadratic(A, v);
        // The classic mistake: 2Ax instead of (A + Aᵀ)x, wrong in every coordinate for a non-symmetric A.
        GradientCheck classic = GradientCheck.of(f, A.times(x).times(2), x);
        assertThat(classic.passed()).isFalse();
        // A single wrong coordinate (a dropped factor in coordinate 3) is found and named.
        double[] g = A.plus(A.transpose()).times(x).toArray();
        g[3] *= 0.5;
        GradientCheck check = GradientCheck.of(f, Vector.of(g), x);
        assertThat(check.passed()).isFalse();
        assertThat(check.worst().index()).isEqualTo(3);
        assertThat(check.worst().relativeError()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(check.failures()).extracting(GradientCheck.Coordinate::index).containsExactly(3);
    }

    @Test
    void aZeroDerivativeIsJudgedAgainstTheFloorNotAgainstNoise() {
        // ∂f/∂x₁ = 3x₁² − 3 = 0 analytically at x₁ = 1; the central difference gives its truncation
        // error h²·f‴/6 = h² ≈ 2e-11 instead. Relative to each other they differ by 100 %, but both are
        // far below the floor.
        ToDoubleFunction<Vector> f = v -> Math.exp(v.get(0)) + v.get(1) * v.get(1) * v.get(1) - 3 * v.get(1);
        Vector x = Vector.of(0.7, 1.0);
        Vector g = Vector.of(Math.exp(0.7), 0.0);
        GradientCheck check = GradientCheck.of(f, g, x);
        assertThat(check.coordinates().get(1).numeric()).isNotZero();
        assertThat(check.passed()).isTrue();
        // With a tiny floor, the same comparison fails: the floor is what makes it meaningful.
        assertThat(GradientCheck.of(f, g, x, GradientCheck.DEFAULT_TOLERANCE, 1e-300)
                        .passed())
                .isFalse();
    }

    @Test
    void nanFromTheFunctionFails() {
        GradientCheck check =
                GradientCheck.of(v -> v.get(1) > 0 ? Double.NaN : v.get(0), Vector.of(1, -1, 0), Vector.of(0, 0, 0));
        assertThat(check.passed()).isFalse();
        assertThat(check.maxRelativeError()).isNaN();
        assertThat(check.worst().index()).isEqualTo(1);
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        assertThatThrownBy(() -> GradientCheck.of(Functions::rosenbrock, Vector.of(1, 2, 3), Vector.of(1, 1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("the analytic gradient has length 3 but x has length 2");
        assertThatThrownBy(() -> GradientCheck.of(Functions::rosenbrock, Vector.of(1, Double.NaN), Vector.of(1, 1)))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("analytic gradient has NaN at index 1");
        assertThatThrownBy(() -> GradientCheck.of(Functions::rosenbrock, Vector.of(1, 1), Vector.of(1, 1), -1, 1e-4))
                .hasMessage("tolerance must be ≥ 0 but is -1.0");
        assertThatThrownBy(() -> GradientCheck.of(Functions::rosenbrock, Vector.of(1, 1), Vector.of(1, 1), 1e-6, 0))
                .hasMessage("floor must be finite and > 0 but is 0.0");
        GradientCheck empty = GradientCheck.of(v -> 0.0, Vector.zeros(0), Vector.zeros(0));
        assertThat(empty.passed()).isTrue();
        assertThatThrownBy(empty::worst).isInstanceOf(IllegalStateException.class);
    }
}
