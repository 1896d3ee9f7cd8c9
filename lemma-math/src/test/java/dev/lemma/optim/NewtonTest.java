package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// Newton's method against its theorem: near a minimiser with a positive definite, Lipschitz Hessian
/// the error squares at each step. The test measures the order
/// $p_k = \log(e_{k+1}/e_k) / \log(e_k/e_{k-1})$ from the errors $e_k = \|x_k - x^\star\|$ and finds 2.
class NewtonTest {

    @Test
    void theMeasuredOrderOfConvergenceIsTwo() {
        // f(x) = Σ g((Qx)_i) with g(u) = eᵘ − u and Q a random rotation: minimum 0 at x* = 0, Hessian
        // Qᵀ diag(e^{u_i}) Q. In the rotated coordinates Newton's step acts on each u_i alone,
        // u ← u − 1 + e^{−u} ≈ u²/2, so the error's direction settles and the last three errors show the order
        // cleanly; the test does not use that formula, only the iterates of the optimiser.
        for (long seed = 1; seed <= 5; seed++) {
            Matrix q = Matrix.random(4, 4, seed).qr().q();
            Objective f = Objective.withHessian(
                    x -> {
                        double s = 0;
                        for (double u : rotate(q, x)) {
                            s += Math.exp(u) - u;
                        }
                        return s;
                    },
                    x -> {
                        double[] u = rotate(q, x);
                        for (int i = 0; i < u.length; i++) {
                            u[i] = Math.exp(u[i]) - 1;
                        }
                        return q.transpose()
                                .times(dev.lemma.linalg.Vector.of(u))
                                .toArray();
                    },
                    x -> {
                        double[] u = rotate(q, x);
                        for (int i = 0; i < u.length; i++) {
                            u[i] = Math.exp(u[i]);
                        }
                        return q.transpose().times(Matrix.diagonal(u)).times(q);
                    });
            double[] x0 = new SplittableRandom(seed).doubles(4, -0.6, 0.6).toArray();
            OptimizationResult r = new Newton(Newton.Variant.PURE, 20, 0).minimize(f, x0);
            assertOrderTwo(r, new double[4], "seed " + seed);
        }
    }

    @Test
    void theOrderIsTwoOnALogisticRegressionLoss() {
        // A real model's loss, whose minimiser has no closed form: x* is taken as the end of a long run (its
        // gradient is at rounding level), and the order is measured on the errors above 1e-12.
        SplittableRandom random = new SplittableRandom(42);
        int m = 200;
        double[][] x = new double[m][2];
        int[] y = new int[m];
        for (int i = 0; i < m; i++) {
            x[i][0] = random.nextGaussian();
            x[i][1] = random.nextGaussian();
            double p = 1 / (1 + Math.exp(-(0.5 + 2 * x[i][0] - x[i][1])));
            y[i] = random.nextDouble() < p ? 1 : 0;
        }
        TestFunction t = TestFunctions.logisticLoss(Matrix.of(x), y, 0.01);
        OptimizationResult r = new Newton(Newton.Variant.PURE, 30, 0).minimize(t.objective(), t.start());
        double[] star = r.x();
        assertThat(r.gradientNorm()).isLessThan(1e-14);
        assertOrderTwo(r, star, "logistic loss");
    }

    private static void assertOrderTwo(OptimizationResult r, double[] star, String what) {
        double[] e = r.trajectory().stream()
                .mapToDouble(x -> distance(x, star))
                .filter(d -> d > 1e-12)
                .toArray();
        assertThat(e.length).as(what).isGreaterThanOrEqualTo(3);
        int k = e.length - 2;
        double order = Math.log(e[k + 1] / e[k]) / Math.log(e[k] / e[k - 1]);
        assertThat(order)
                .as("%s, errors %s", what, java.util.Arrays.toString(e))
                .isCloseTo(2, within(0.1));
    }

    private static double[] rotate(Matrix q, double[] x) {
        return q.times(dev.lemma.linalg.Vector.of(x)).toArray();
    }

    @Test
    void gradientDescentIsOnlyLinearFromTheSameStart() {
        // The contrast the chapter draws: from the same start on Rosenbrock, Newton needs a handful of steps,
        // gradient descent with Armijo thousands.
        TestFunction t = TestFunctions.rosenbrock(2);
        OptimizationResult newton = new Newton().minimize(t.objective(), t.start());
        OptimizationResult gd =
                new GradientDescent(1, GradientDescent.Rule.ARMIJO, 100_000, 1e-10).minimize(t.objective(), t.start());
        assertThat(newton.status()).isEqualTo(Status.CONVERGED);
        assertThat(gd.status()).isEqualTo(Status.CONVERGED);
        assertThat(newton.iterations()).isLessThan(30);
        assertThat(gd.iterations()).isGreaterThan(100 * newton.iterations());
    }

    @Test
    void onAQuadraticOneNewtonStepIsExact() {
        SplittableRandom random = new SplittableRandom(5);
        Matrix a = TestFunctions.quadratic(6, 0.5, 50, 11).objective().hessian(new double[6]);
        double[] b = random.doubles(6, -1, 1).toArray();
        TestFunction q = TestFunctions.quadratic(a, b);
        OptimizationResult r = new Newton(Newton.Variant.PURE, 5, 1e-12).minimize(q.objective(), q.start());
        assertThat(r.iterations()).isEqualTo(1);
        assertThat(distance(r.x(), q.minimizers().get(0))).isLessThan(1e-12);
    }

    @Test
    void theDampedVariantLeavesASaddleThatThePureOneConvergesTo() {
        // At (1, 0.1) the saddle function's Hessian is diag(1, 3y² − 1) = diag(1, −0.97), indefinite. The pure
        // step solves for a stationary point of the model and heads for the saddle at the origin; the damped
        // step adds τI until H + τI ≻ 0, descends, and reaches a minimum (0, ±1).
        TestFunction s = TestFunctions.saddle();
        double[] start = {1, 0.1};
        OptimizationResult pure = new Newton(Newton.Variant.PURE, 50, 1e-12).minimize(s.objective(), start);
        OptimizationResult damped = new Newton().minimize(s.objective(), start);
        assertThat(distance(pure.x(), new double[] {0, 0})).isLessThan(1e-10);
        assertThat(damped.status()).isEqualTo(Status.CONVERGED);
        assertThat(damped.value()).isCloseTo(-0.25, within(1e-14));
        assertThat(Math.abs(damped.x()[1])).isCloseTo(1, within(1e-8));
    }

    @Test
    void theDampedVariantTakesFullStepsAtTheRoundingFloor() {
        // Near the minimum of a loss with f* ≠ 0 the decrease Newton's step promises falls below the rounding
        // of f, and a full step may even raise f by an ulp. The line search must still take it (the slope
        // along d shrinks) rather than backtrack to nothing and burn the iteration budget.
        SplittableRandom rng = new SplittableRandom(11);
        double[][] x = new double[40][1];
        int[] y = new int[40];
        for (int i = 0; i < 40; i++) {
            x[i][0] = -2 + 4.0 * i / 39;
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-(1 + 2 * x[i][0]))) ? 1 : 0;
        }
        TestFunction t = TestFunctions.logisticLoss(Matrix.of(x), y, 0.1);
        OptimizationResult damped = new Newton(Newton.Variant.DAMPED, 200, 1e-12).minimize(t.objective(), t.start());
        OptimizationResult pure = new Newton(Newton.Variant.PURE, 200, 1e-12).minimize(t.objective(), t.start());
        assertThat(pure.status()).isEqualTo(Status.CONVERGED);
        assertThat(damped.status()).as(damped.reason()).isEqualTo(Status.CONVERGED);
        assertThat(damped.iterations()).isLessThanOrEqualTo(pure.iterations() + 2);
    }

    @Test
    void aSingularHessianStopsThePureMethodAndSaysSo() {
        // f = x⁴ + y²: at x = 0 the Hessian diag(0, 2) is singular.
        Objective f = Objective.withHessian(
                v -> Math.pow(v[0], 4) + v[1] * v[1],
                v -> new double[] {4 * Math.pow(v[0], 3), 2 * v[1]},
                v -> Matrix.of(new double[][] {{12 * v[0] * v[0], 0}, {0, 2}}));
        OptimizationResult r = new Newton(Newton.Variant.PURE, 10, 0).minimize(f, new double[] {0, 1});
        assertThat(r.status()).isEqualTo(Status.STALLED);
        assertThat(r.reason()).contains("the Hessian is singular at iteration 0");
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
