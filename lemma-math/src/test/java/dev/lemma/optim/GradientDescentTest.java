package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Gradient descent against its theory: with step $2/(L + \mu)$ on a quadratic of condition number
/// $\kappa$ the error contracts by exactly $(\kappa - 1)/(\kappa + 1)$ per step once it lies in the extreme
/// eigendirections; Armijo's search converges on Rosenbrock's function; a NaN stops the run and is named.
class GradientDescentTest {

    /// $f(x) = \tfrac12 x^\top A x$ with $A = Q\,\mathrm{diag}(\mu, \dots, L)\,Q^\top$, $Q$ a random
    /// orthogonal matrix (from the QR factorisation of a random one).
    static Matrix quadratic(int n, double mu, double l, long seed) {
        Matrix q = Matrix.random(n, n, seed).qr().q();
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = mu + (l - mu) * i / (n - 1);
        }
        return q.times(Matrix.diagonal(d)).times(q.transpose());
    }

    @ParameterizedTest
    @ValueSource(doubles = {2, 10, 100, 1000})
    void theObservedRateIsKappaMinusOneOverKappaPlusOne(double kappa) {
        for (long seed = 1; seed <= 10; seed++) {
            int n = 6;
            Matrix a = quadratic(n, 1, kappa, seed);
            Objective f = Objective.of(
                    x -> 0.5 * a.times(dev.lemma.linalg.Vector.of(x)).dot(dev.lemma.linalg.Vector.of(x)),
                    x -> a.times(dev.lemma.linalg.Vector.of(x)).toArray());
            double[] x0 = new SplittableRandom(seed).doubles(n, -1, 1).toArray();
            int steps = (int) Math.min(3000, 40 * kappa);
            OptimizationResult r =
                    new GradientDescent(2 / (kappa + 1), GradientDescent.Rule.FIXED, steps, 0).minimize(f, x0);
            // The ratio of successive errors at the end of the run, where only the extreme directions are left.
            double[] last = r.trajectory().get(r.trajectory().size() - 1);
            double[] before = r.trajectory().get(r.trajectory().size() - 2);
            double ratio = norm(last) / norm(before);
            assertThat(ratio).as("κ = %s, seed %d", kappa, seed).isCloseTo((kappa - 1) / (kappa + 1), within(1e-6));
            assertThat(r.status()).isEqualTo(Status.ITERATION_LIMIT);
        }
    }

    @Test
    void armijoConvergesOnRosenbrock() {
        Objective rosenbrock =
                Objective.of(x -> (1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]), x ->
                        new double[] {-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]), 200 * (x[1] - x[0] * x[0])});
        OptimizationResult r = new GradientDescent(1, GradientDescent.Rule.ARMIJO, 100_000, 1e-6)
                .minimize(rosenbrock, new double[] {-1.2, 1});
        assertThat(r.status()).isEqualTo(Status.CONVERGED);
        assertThat(r.x()[0]).isCloseTo(1, within(1e-5));
        assertThat(r.x()[1]).isCloseTo(1, within(1e-5));
        assertThat(r.evaluations()).isGreaterThan(r.iterations());
        assertThat(r.trajectory()).hasSize(r.iterations() + 1);
    }

    @Test
    void aNonFiniteValueStopsTheRunAndSaysWhere() {
        // f = log x decreases towards x = 0 with no minimum; a fixed step of 1 from x = 0.5 moves to
        // 0.5 − 1/0.5 = −1.5, where log gives NaN.
        Objective f = Objective.of(x -> Math.log(x[0]), x -> new double[] {1 / x[0]});
        OptimizationResult r = GradientDescent.fixedStep(1).minimize(f, new double[] {0.5});
        assertThat(r.status()).isEqualTo(Status.DIVERGED);
        assertThat(r.reason()).contains("the value became NaN at iteration");
        assertThatThrownBy(() -> GradientDescent.fixedStep(-1)).hasMessageContaining("step must be finite and > 0");
    }

    @ParameterizedTest
    @ValueSource(doubles = {4, 30, 300})
    void exactLineSearchMeetsKantorovichsBoundWithEquality(double kappa) {
        // With exact line search, f − f* shrinks per step by at most ((κ−1)/(κ+1))² (Kantorovich); from
        // x₀ = (1/μ, 1/L) in the eigenbasis of diag(μ, L) the iterates zig-zag and the bound is attained.
        double mu = 1;
        double l = kappa;
        TestFunction q = TestFunctions.quadratic(Matrix.diagonal(new double[] {mu, l}), new double[2]);
        OptimizationResult r = new GradientDescent(1, GradientDescent.Rule.EXACT, 20, 0)
                .minimize(q.objective(), new double[] {1 / mu, 1 / l});
        double bound = Math.pow((kappa - 1) / (kappa + 1), 2);
        for (int k = 0; k + 1 < r.values().length; k++) {
            assertThat(r.values()[k + 1] / r.values()[k]).as("step %d", k).isCloseTo(bound, within(1e-9));
        }
        // and from random starts it is never worse
        TestFunction random = TestFunctions.quadratic(6, mu, l, 7);
        OptimizationResult s = new GradientDescent(1, GradientDescent.Rule.EXACT, 50, 0)
                .minimize(
                        random.objective(),
                        new SplittableRandom(3).doubles(6, -1, 1).toArray());
        for (int k = 0; k + 1 < s.values().length; k++) {
            assertThat(s.values()[k + 1] / s.values()[k]).isLessThanOrEqualTo(bound + 1e-12);
        }
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
