package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// Coordinate descent on a quadratic is the Gauss–Seidel iteration: one sweep matches the textbook
/// formula written out here on the matrix, and the sweeps converge to $A^{-1}b$ from [Matrix#solve]. On a
/// function that is not quadratic the damped one-dimensional Newton steps still reach the minimiser.
/// (The lasso variant is checked in [LassoTest].)
class CoordinateDescentTest {

    @Test
    void oneSweepOnAQuadraticIsAGaussSeidelSweep() {
        Matrix a = GradientDescentTest.quadratic(5, 1, 20, 3);
        double[] b = {1, -2, 0.5, 3, -1};
        double[] x0 = {0.3, 0.1, -0.2, 0.4, 0};
        OptimizationResult r = new CoordinateDescent(1, 0)
                .minimize(TestFunctions.quadratic(a, b).objective(), x0);
        // Gauss–Seidel: x_i ← (b_i − Σ_{j≠i} A_ij x_j) / A_ii, using the new x_j for j < i.
        double[] x = x0.clone();
        for (int i = 0; i < 5; i++) {
            double s = b[i];
            for (int j = 0; j < 5; j++) {
                if (j != i) {
                    s -= a.get(i, j) * x[j];
                }
            }
            x[i] = s / a.get(i, i);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(r.x()[i]).isCloseTo(x[i], within(1e-13));
        }
    }

    @Test
    void sweepsConvergeToTheSolutionOfTheLinearSystem() {
        for (long seed = 1; seed <= 5; seed++) {
            Matrix a = GradientDescentTest.quadratic(8, 1, 30, seed);
            double[] b = new SplittableRandom(seed).doubles(8, -1, 1).toArray();
            OptimizationResult r = new CoordinateDescent(10_000, 1e-11)
                    .minimize(TestFunctions.quadratic(a, b).objective(), new double[8]);
            assertThat(r.status()).isEqualTo(Status.CONVERGED);
            double[] expected = a.solve(Vector.of(b)).toArray();
            for (int i = 0; i < 8; i++) {
                assertThat(r.x()[i]).as("seed %d, x[%d]", seed, i).isCloseTo(expected[i], within(1e-9));
            }
        }
    }

    @Test
    void dampedNewtonStepsPerCoordinateMinimiseASmoothConvexFunction() {
        // f(x, y) = e^{x+y} + x² + y² − x: stationary where e^{x+y} + 2x = 1 and e^{x+y} + 2y = 0, so
        // x − y = 1/2, and with s = x + y, e^s + s = 1/2 (solved by Newton to machine precision below).
        Objective f = Objective.withHessian(
                v -> Math.exp(v[0] + v[1]) + v[0] * v[0] + v[1] * v[1] - v[0],
                v -> new double[] {Math.exp(v[0] + v[1]) + 2 * v[0] - 1, Math.exp(v[0] + v[1]) + 2 * v[1]},
                v -> {
                    double e = Math.exp(v[0] + v[1]);
                    return Matrix.of(new double[][] {{e + 2, e}, {e, e + 2}});
                });
        double s = 0;
        for (int i = 0; i < 50; i++) {
            s -= (Math.exp(s) + s - 0.5) / (Math.exp(s) + 1);
        }
        OptimizationResult r = new CoordinateDescent(1000, 1e-12).minimize(f, new double[] {2, -3});
        assertThat(r.status()).isEqualTo(Status.CONVERGED);
        assertThat(r.x()[0]).isCloseTo((s + 0.5) / 2, within(1e-11));
        assertThat(r.x()[1]).isCloseTo((s - 0.5) / 2, within(1e-11));
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new CoordinateDescent(-5, 1e-8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CoordinateDescent: maxIterations must be ≥ 0, got -5");
        assertThatThrownBy(() -> new CoordinateDescent(5, Double.NaN))
                .hasMessage("CoordinateDescent: tolerance must be ≥ 0, got NaN");
    }
}
