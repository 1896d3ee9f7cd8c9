package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Linear conjugate gradients against its theory (Nocedal and Wright, Theorems 5.1 and 5.4): at most $n$
/// iterations on an $n \times n$ symmetric positive definite system, and exactly $k$ when the matrix has
/// $k$ distinct eigenvalues; the answers against [Matrix#solve] and, matrix-free, against the closed-form
/// solution of the discrete Poisson equation.
class ConjugateGradientTest {

    /// The relative residual CG is asked for.
    private static final double RELATIVE_TOLERANCE = 1e-10;

    @Test
    void solvesAnSpdSystemInAtMostNIterations() {
        for (long seed = 1; seed <= 10; seed++) {
            int n = 12 + (int) seed;
            Matrix a = GradientDescentTest.quadratic(n, 1, 100, seed);
            a = a.plus(a.transpose()).times(0.5);
            double[] b = new SplittableRandom(seed).doubles(n, -1, 1).toArray();
            OptimizationResult r = new ConjugateGradient(10 * n, RELATIVE_TOLERANCE).solve(a, b, new double[n]);
            assertThat(r.status()).isEqualTo(Status.CONVERGED);
            assertThat(r.iterations()).as("seed %d, n = %d", seed, n).isLessThanOrEqualTo(n);
            double[] expected = a.solve(Vector.of(b)).toArray();
            double scale = Flat.normInf(expected);
            for (int i = 0; i < n; i++) {
                assertThat(r.x()[i]).isCloseTo(expected[i], within(1e-9 * scale));
            }
            // The value carried by the recurrence is f(x) = ½xᵀAx − bᵀx at the end.
            double f = 0.5 * Flat.dot(r.x(), a.times(Vector.of(r.x())).toArray()) - Flat.dot(b, r.x());
            assertThat(r.value()).isCloseTo(f, within(1e-12 * Math.abs(f)));
            assertThat(r.trajectory()).hasSize(r.iterations() + 1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8})
    void aMatrixWithKDistinctEigenvaluesTakesKIterations(int k) {
        int n = 40;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = 1 + 3 * (i % k); // k distinct eigenvalues 1, 4, 7, …, each repeated
        }
        Matrix q = Matrix.random(n, n, 17 + k).qr().q();
        Matrix a = q.times(Matrix.diagonal(d)).times(q.transpose());
        a = a.plus(a.transpose()).times(0.5);
        double[] b = new SplittableRandom(k).doubles(n, -1, 1).toArray();
        OptimizationResult r = new ConjugateGradient(n, RELATIVE_TOLERANCE).solve(a, b, new double[n]);
        assertThat(r.status()).isEqualTo(Status.CONVERGED);
        assertThat(r.iterations()).isEqualTo(k);
        double[] expected = a.solve(Vector.of(b)).toArray();
        for (int i = 0; i < n; i++) {
            assertThat(r.x()[i]).isCloseTo(expected[i], within(1e-9));
        }
    }

    @Test
    void theStepsAreConjugateAndTheResidualsOrthogonal() {
        // Nocedal and Wright, Theorem 5.3: p_iᵀ A p_j = 0 and r_iᵀ r_j = 0 for i ≠ j. The steps
        // x_{k+1} − x_k = α_k p_k come from the trajectory, the residuals b − A x_k from A and b.
        int n = 10;
        Matrix a = GradientDescentTest.quadratic(n, 1, 10, 5);
        a = a.plus(a.transpose()).times(0.5);
        double[] b = new SplittableRandom(5).doubles(n, -1, 1).toArray();
        OptimizationResult r = new ConjugateGradient(n, 1e-14).solve(a, b, new double[n]);
        int k = r.iterations();
        assertThat(k).isGreaterThan(3);
        double[][] steps = new double[k][];
        double[][] residuals = new double[k][];
        for (int i = 0; i < k; i++) {
            steps[i] = Flat.minus(r.trajectory().get(i + 1), r.trajectory().get(i));
            residuals[i] =
                    Flat.minus(b, a.times(Vector.of(r.trajectory().get(i))).toArray());
        }
        for (int i = 0; i < k; i++) {
            double[] ai = a.times(Vector.of(steps[i])).toArray();
            for (int j = 0; j < i; j++) {
                double[] aj = a.times(Vector.of(steps[j])).toArray();
                double scale = Math.sqrt(Flat.dot(steps[i], ai) * Flat.dot(steps[j], aj));
                assertThat(Math.abs(Flat.dot(steps[j], ai)) / scale)
                        .as("p_%d A p_%d", j, i)
                        .isLessThan(1e-8);
                double rScale = Math.sqrt(Flat.dot(residuals[i], residuals[i]) * Flat.dot(residuals[j], residuals[j]));
                assertThat(Math.abs(Flat.dot(residuals[i], residuals[j])) / rScale)
                        .as("r_%d · r_%d", i, j)
                        .isLessThan(1e-8);
            }
        }
    }

    @Test
    void runsMatrixFreeOnTheDiscretePoissonEquation() {
        // −x_{i−1} + 2x_i − x_{i+1} = 1 for i = 1..n with x_0 = x_{n+1} = 0 has the solution
        // x_i = i(n + 1 − i)/2 (a second difference of −1 of a parabola vanishing at both ends).
        int n = 50;
        Objective poisson = new Objective() {
            @Override
            public double value(double[] x) {
                double[] ax = laplacian(x);
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += 0.5 * x[i] * ax[i] - x[i];
                }
                return s;
            }

            @Override
            public double[] gradient(double[] x) {
                double[] g = laplacian(x);
                for (int i = 0; i < n; i++) {
                    g[i] -= 1;
                }
                return g;
            }

            @Override
            public double[] hessianVector(double[] x, double[] v) {
                return laplacian(v);
            }
        };
        OptimizationResult r = new ConjugateGradient().minimize(poisson, new double[n]);
        assertThat(r.status()).isEqualTo(Status.CONVERGED);
        assertThat(r.iterations()).isLessThanOrEqualTo(n);
        for (int i = 1; i <= n; i++) {
            double expected = i * (n + 1.0 - i) / 2;
            assertThat(r.x()[i - 1]).isCloseTo(expected, within(1e-8 * expected));
        }
    }

    private static double[] laplacian(double[] x) {
        int n = x.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 2 * x[i] - (i > 0 ? x[i - 1] : 0) - (i + 1 < n ? x[i + 1] : 0);
        }
        return y;
    }

    @Test
    void anIndefiniteMatrixStopsTheRunAndSaysSo() {
        Matrix a = Matrix.diagonal(1, -1);
        OptimizationResult r = new ConjugateGradient().solve(a, new double[] {1, 1}, new double[2]);
        assertThat(r.status()).isEqualTo(Status.STALLED);
        assertThat(r.reason()).contains("A is not positive definite");
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new ConjugateGradient(-1, 1e-10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ConjugateGradient: maxIterations must be ≥ 0, got -1");
        assertThatThrownBy(() -> new ConjugateGradient(10, -1e-10))
                .hasMessage("ConjugateGradient: tolerance must be ≥ 0, got -1.0E-10");
        assertThatThrownBy(() -> new ConjugateGradient().solve(Matrix.identity(3), new double[2], new double[3]))
                .hasMessageContaining("A is 3×3, b has length 2 and x0 has length 3");
    }
}
