package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// The lasso $\min_x \frac1{2m}\|Ax - b\|^2 + \lambda\|x\|_1$ solved two independent ways, by proximal
/// gradient (ISTA, FISTA, with fixed and backtracking steps) and by cyclic coordinate descent: the answers
/// agree, and satisfy the subgradient optimality conditions checked directly from $A$ and $b$,
/// $\frac1m a_j^\top (b - Ax) = \lambda\operatorname{sign}(x_j)$ where $x_j \ne 0$ and
/// $|\frac1m a_j^\top (b - Ax)| \le \lambda$ where $x_j = 0$.
class LassoTest {

    /// Agreement between the two methods, and the slack in the optimality conditions.
    private static final double SOLUTION_TOLERANCE = 1e-8;

    /// A seeded problem: $A$ with standard Gaussian entries, each row an autoregressive sequence with
    /// correlation `correlation` between neighbouring columns (0: independent columns; near 1: nearly
    /// collinear ones, an ill-conditioned problem); $b = A x_{\text{true}} + $ noise with a sparse
    /// $x_{\text{true}}$; and $\lambda$ a fifth of $\lambda_{\max} = \|A^\top b\|_\infty / m$, the smallest
    /// weight for which $x = 0$ is optimal.
    @SuppressWarnings("ArrayRecordComponent") // a test fixture, never compared
    private record Problem(Matrix a, double[] b, double lambda) {
        static Problem random(int m, int n, double correlation, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            double[][] a = new double[m][n];
            for (double[] row : a) {
                row[0] = rng.nextGaussian();
                for (int j = 1; j < n; j++) {
                    row[j] = correlation * row[j - 1] + Math.sqrt(1 - correlation * correlation) * rng.nextGaussian();
                }
            }
            double[] truth = new double[n];
            truth[0] = 2;
            truth[1] = -1.5;
            truth[n / 2] = 1;
            double[] b = new double[m];
            for (int i = 0; i < m; i++) {
                b[i] = Flat.dot(a[i], truth) + 0.5 * rng.nextGaussian();
            }
            Matrix am = Matrix.of(a);
            double lambdaMax = Flat.normInf(
                            am.transpose().times(dev.lemma.linalg.Vector.of(b)).toArray())
                    / m;
            return new Problem(am, b, lambdaMax / 5);
        }

        /// $L = \sigma_{\max}(A)^2 / m$, the Lipschitz constant of the gradient of the smooth part.
        double lipschitz() {
            double s = a.norm2();
            return s * s / a.rows();
        }
    }

    @Test
    void proximalGradientAndCoordinateDescentAgreeAndSatisfyTheOptimalityConditions() {
        for (long seed = 1; seed <= 5; seed++) {
            Problem p = Problem.random(40, 15, 0, seed);
            int n = p.a().cols();
            OptimizationResult cd = new CoordinateDescent(10_000, 1e-13).lasso(p.a(), p.b(), p.lambda(), new double[n]);
            assertThat(cd.status()).isEqualTo(Status.CONVERGED);
            assertOptimal(p, cd.x());
            Objective f = ProximalGradient.leastSquares(p.a(), p.b());
            for (ProximalGradient method : new ProximalGradient[] {
                new ProximalGradient(
                        p.lambda(),
                        1 / p.lipschitz(),
                        ProximalGradient.Method.FISTA,
                        ProximalGradient.StepRule.FIXED,
                        100_000,
                        1e-12),
                new ProximalGradient(
                        p.lambda(),
                        1 / p.lipschitz(),
                        ProximalGradient.Method.ISTA,
                        ProximalGradient.StepRule.FIXED,
                        100_000,
                        1e-12),
                new ProximalGradient(
                        p.lambda(),
                        1,
                        ProximalGradient.Method.FISTA,
                        ProximalGradient.StepRule.BACKTRACKING,
                        100_000,
                        1e-12)
            }) {
                OptimizationResult r = method.minimize(f, new double[n]);
                assertThat(r.status()).as("seed %d, %s", seed, method).isEqualTo(Status.CONVERGED);
                for (int j = 0; j < n; j++) {
                    assertThat(r.x()[j])
                            .as("seed %d, %s %s, x[%d]", seed, method.method(), method.stepRule(), j)
                            .isCloseTo(cd.x()[j], within(SOLUTION_TOLERANCE));
                }
                assertThat(r.values()[r.values().length - 1])
                        .as("the recorded value is F = f + λ‖x‖₁")
                        .isCloseTo(cd.value(), within(1e-12));
            }
        }
    }

    /// The subgradient conditions, from $A$ and $b$ directly; and the solution must be sparse but not
    /// zero, or the test would prove little.
    private static void assertOptimal(Problem p, double[] x) {
        int m = p.a().rows();
        int n = p.a().cols();
        double[] residual =
                Flat.minus(p.b(), p.a().times(dev.lemma.linalg.Vector.of(x)).toArray());
        int zeros = 0;
        for (int j = 0; j < n; j++) {
            double correlation = p.a().column(j).dot(dev.lemma.linalg.Vector.of(residual)) / m;
            if (x[j] == 0) {
                zeros++;
                assertThat(Math.abs(correlation))
                        .as("|a_jᵀr|/m at zero x[%d]", j)
                        .isLessThanOrEqualTo(p.lambda() + SOLUTION_TOLERANCE);
            } else {
                assertThat(correlation)
                        .as("a_jᵀr/m at x[%d] = %s", j, x[j])
                        .isCloseTo(p.lambda() * Math.signum(x[j]), within(SOLUTION_TOLERANCE));
            }
        }
        assertThat(zeros).as("zero coefficients").isBetween(1, n - 1);
    }

    @Test
    void istaAndFistaMeetTheirBoundsAndFistaNeedsFarFewerIterations() {
        // More unknowns than equations and correlated columns: the smooth part is far from strongly
        // convex, where ISTA's O(1/k) and FISTA's O(1/k²) show. F* comes from coordinate descent run to
        // a minimum-norm subgradient of 10⁻¹³.
        Problem p = Problem.random(30, 60, 0.9, 42);
        int n = p.a().cols();
        OptimizationResult reference =
                new CoordinateDescent(100_000, 1e-13).lasso(p.a(), p.b(), p.lambda(), new double[n]);
        assertThat(reference.status()).isEqualTo(Status.CONVERGED);
        double best = reference.value();
        double distance = Flat.dot(reference.x(), reference.x()); // ‖x₀ − x*‖² from x₀ = 0
        double l = p.lipschitz();
        Objective f = ProximalGradient.leastSquares(p.a(), p.b());
        int[] reached = new int[2];
        for (ProximalGradient.Method method :
                new ProximalGradient.Method[] {ProximalGradient.Method.ISTA, ProximalGradient.Method.FISTA}) {
            OptimizationResult r = new ProximalGradient(
                            p.lambda(), 1 / l, method, ProximalGradient.StepRule.FIXED, 5000, 0)
                    .minimize(f, new double[n]);
            double[] values = r.values();
            double initialGap = values[0] - best;
            int first = -1;
            for (int k = 1; k < values.length; k++) {
                double gap = values[k] - best;
                // Beck and Teboulle, Theorems 3.1 and 4.4, with t = 1/L.
                double bound = method == ProximalGradient.Method.ISTA
                        ? l * distance / (2 * k)
                        : 2 * l * distance / ((k + 1.0) * (k + 1.0));
                assertThat(gap).as("%s, k = %d", method, k).isLessThanOrEqualTo(bound);
                if (first < 0 && gap <= 1e-6 * initialGap) {
                    first = k;
                }
            }
            assertThat(first)
                    .as("%s reaches F − F* ≤ 10⁻⁶ (F(x₀) − F*) within 5000 iterations", method)
                    .isPositive();
            reached[method == ProximalGradient.Method.ISTA ? 0 : 1] = first;
        }
        System.out.printf(
                "lasso 30×60, correlation 0.9: F − F* ≤ 1e-6 of the start after ISTA %d, FISTA %d iterations%n",
                reached[0], reached[1]);
        assertThat(reached[1]).as("FISTA against ISTA").isLessThan(reached[0] / 4);
    }

    @Test
    void softThresholdingIsTheProximalMapOfTheAbsoluteValue() {
        assertThat(ProximalGradient.softThreshold(3, 1)).isEqualTo(2);
        assertThat(ProximalGradient.softThreshold(-3, 1)).isEqualTo(-2);
        assertThat(ProximalGradient.softThreshold(0.5, 1)).isEqualTo(0);
        assertThat(ProximalGradient.softThreshold(Double.NaN, 1)).isNaN();
        // S_θ(z) minimises ½(x − z)² + θ|x|: no point of a fine grid does better.
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 100; trial++) {
            double z = rng.nextDouble(-3, 3);
            double theta = rng.nextDouble(0, 2);
            double s = ProximalGradient.softThreshold(z, theta);
            double best = 0.5 * (s - z) * (s - z) + theta * Math.abs(s);
            for (double x = -4; x <= 4; x += 1e-3) {
                assertThat(0.5 * (x - z) * (x - z) + theta * Math.abs(x)).isGreaterThanOrEqualTo(best - 1e-15);
            }
        }
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new ProximalGradient(-0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ProximalGradient: lambda must be finite and ≥ 0, got -0.1");
        assertThatThrownBy(() -> new ProximalGradient(
                        0.1,
                        Double.POSITIVE_INFINITY,
                        ProximalGradient.Method.ISTA,
                        ProximalGradient.StepRule.FIXED,
                        1,
                        0))
                .hasMessage("ProximalGradient: step must be finite and > 0, got Infinity");
        assertThatThrownBy(() -> new ProximalGradient(0.1, 1, null, ProximalGradient.StepRule.FIXED, 1, 0))
                .hasMessage("ProximalGradient: method must be ISTA or FISTA, got null");
        assertThatThrownBy(() -> new CoordinateDescent().lasso(Matrix.identity(2), new double[2], -1, new double[2]))
                .hasMessage("CoordinateDescent.lasso: lambda must be finite and ≥ 0, got -1.0");
        assertThatThrownBy(() -> ProximalGradient.leastSquares(Matrix.identity(2), new double[3]))
                .hasMessage("A is 2×2 but b has length 3");
    }
}
