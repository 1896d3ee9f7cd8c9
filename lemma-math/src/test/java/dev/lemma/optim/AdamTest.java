package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// Adam's bias correction and AdamW's decoupled decay, against the formulas of Kingma and Ba (2015, §3)
/// and Loshchilov and Hutter (2019), and convergence on convex problems.
///
/// With a constant gradient $g$ the running means are exactly $m_t = (1 - \beta_1^t)\,g$ and
/// $v_t = (1 - \beta_2^t)\,g^2$ (geometric sums), so Adam's step $t$ has size exactly
/// $\eta\,(1 - \beta_1^t)/\sqrt{1 - \beta_2^t}$ per coordinate without the correction and exactly $\eta$
/// with it (taking $\varepsilon = 0$ to make "exactly" exact).
class AdamTest {
    /// Relative agreement of a few floating-point operations.
    private static final double ROUNDING = 1e-14;

    @Test
    void withBiasCorrectionTheFirstStepIsTheLearningRateWhateverTheGradient() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 100; trial++) {
            double lr = Math.pow(10, random.nextDouble(-4, 0));
            double[] g = new double[5];
            for (int i = 0; i < g.length; i++) { // magnitudes from 1e-6 to 1e6, both signs
                g[i] = Math.pow(10, random.nextDouble(-6, 6)) * (random.nextBoolean() ? 1 : -1);
            }
            double[] x = new double[5];
            new Adam(Schedule.constant(lr), 0.9, 0.999, 0, true, 1, 0).start(5).step(x, g, lr);
            for (int i = 0; i < g.length; i++) {
                assertThat(x[i])
                        .as("trial %d, g = %s", trial, g[i])
                        .isCloseTo(-Math.signum(g[i]) * lr, within(ROUNDING * lr));
            }
        }
    }

    @Test
    void withoutBiasCorrectionTheStepsAreShrunkByTheStatedFactors() {
        double lr = 0.001;
        double b1 = 0.9;
        double b2 = 0.999;
        double[] g = {3.0, -0.02}; // f(x) = gᵀx, a constant gradient
        Objective linear = Objective.of(x -> g[0] * x[0] + g[1] * x[1], x -> g.clone());
        Adam raw = new Adam(Schedule.constant(lr), b1, b2, 0, false, 200, 0);
        Adam corrected = raw.withBiasCorrection(true);
        OptimizationResult biased = raw.minimize(linear, new double[2]);
        OptimizationResult unbiased = corrected.minimize(linear, new double[2]);
        for (int t = 1; t <= 200; t++) {
            double factor = (1 - Math.pow(b1, t)) / Math.sqrt(1 - Math.pow(b2, t));
            for (int i = 0; i < 2; i++) {
                double step =
                        biased.trajectory().get(t - 1)[i] - biased.trajectory().get(t)[i];
                assertThat(step)
                        .as("step %d, coordinate %d", t, i)
                        .isCloseTo(Math.signum(g[i]) * lr * factor, within(1e-12 * lr));
                double exact = unbiased.trajectory().get(t - 1)[i]
                        - unbiased.trajectory().get(t)[i];
                assertThat(exact).as("corrected step %d", t).isCloseTo(Math.signum(g[i]) * lr, within(1e-12 * lr));
            }
        }
        // The first step: lr (1 − β1)/√(1 − β2) = 3.162 lr for the defaults.
        double first = biased.trajectory().get(0)[0] - biased.trajectory().get(1)[0];
        assertThat(first / lr).isCloseTo(0.1 / Math.sqrt(0.001), within(1e-12));
        assertThat(first / lr).isCloseTo(3.1623, within(1e-4));
    }

    @Test
    void theRunningMeanIsBiasedByOneMinusBetaToTheTAndTheCorrectionRemovesIt() {
        double[] g = {2.5, -4.0, 1e-3};
        Adam adam = new Adam(Schedule.constant(1e-3), 0.9, 0.999, 1e-8, true, 1, 0);
        Adam.Moments state = (Adam.Moments) adam.start(3);
        double[] x = new double[3];
        for (int t = 1; t <= 50; t++) {
            state.step(x, g, 1e-3);
            for (int i = 0; i < 3; i++) {
                // m_t averages the constant g with weights summing to 1 − β1^t: biased towards 0.
                assertThat(state.m[i]).isCloseTo((1 - Math.pow(0.9, t)) * g[i], within(ROUNDING * Math.abs(g[i])));
                assertThat(state.v[i]).isCloseTo((1 - Math.pow(0.999, t)) * g[i] * g[i], within(1e-12 * g[i] * g[i]));
                // m̂ = m / (1 − β1^t) recovers the true mean g.
                assertThat(state.m[i] / (1 - Math.pow(0.9, t))).isCloseTo(g[i], within(ROUNDING * Math.abs(g[i])));
            }
        }
    }

    @Test
    void adamReachesTheMinimaOfConvexProblems() {
        // ‖x − x*‖ ≤ ‖∇f(x)‖/μ for a quadratic whose smallest Hessian eigenvalue is μ: Booth's is 2.
        TestFunction booth = TestFunctions.booth();
        OptimizationResult r = new Adam(0.1).withLimits(100_000, 1e-8).minimize(booth.objective(), booth.start());
        assertThat(r.status()).isEqualTo(Status.CONVERGED);
        assertThat(distance(r.x(), booth.minimizers().get(0))).isLessThanOrEqualTo(1e-8 / 2);
        // The stable entry point with the paper's defaults: about 17 500 steps of at most ~0.001.
        OptimizationResult d = new Adam().minimize(booth.objective(), booth.start());
        assertThat(d.status()).isEqualTo(Status.CONVERGED);
        assertThat(d.iterations()).isBetween(8_000, 100_000);
        assertThat(distance(d.x(), booth.minimizers().get(0))).isLessThanOrEqualTo(1e-6 / 2);
        // A seeded quadratic of condition number 100 (μ = 1), from a random start.
        TestFunction q = TestFunctions.quadratic(8, 1, 100, 11);
        double[] x0 = new SplittableRandom(11).doubles(8, -1, 1).toArray();
        OptimizationResult rq = new Adam(0.01).withLimits(100_000, 1e-8).minimize(q.objective(), x0);
        assertThat(rq.status()).isEqualTo(Status.CONVERGED);
        assertThat(distance(rq.x(), new double[8])).isLessThanOrEqualTo(1e-8);
    }

    @Test
    void adamWShrinksTheWeightsByOneMinusLrLambdaPerStepWhereAdamWithAnL2PenaltyDoesNot() {
        double lr = 0.01;
        double[] x0 = {5, -2, 0.3};
        double[] zero = new double[3]; // ∇f = 0: only the decay acts
        for (double lambda : new double[] {0.01, 0.1, 1}) {
            AdamW adamW = new AdamW(Schedule.constant(lr), 0.9, 0.999, 1e-8, lambda, 100, 0);
            UpdateRule.State state = adamW.start(3);
            double[] x = x0.clone();
            for (int t = 1; t <= 100; t++) {
                state.step(x, zero, lr);
                for (int i = 0; i < 3; i++) {
                    assertThat(x[i])
                            .as("λ = %s, step %d", lambda, t)
                            .isCloseTo(x0[i] * Math.pow(1 - lr * lambda, t), within(1e-13 * Math.abs(x0[i])));
                }
            }
        }
        // Adam on the penalty λ/2 ‖x‖² alone: its gradient λx is divided by √v̂ ≈ λ|x|, so the first step is
        // lr·sign(x) for every λ — the strength of the penalty is normalised away.
        for (double lambda : new double[] {0.01, 0.1, 1}) {
            Objective penalty = Objective.of(x -> 0.5 * lambda * Flat.dot(x, x), x ->
                    new double[] {lambda * x[0], lambda * x[1], lambda * x[2]});
            OptimizationResult r = new Adam(Schedule.constant(lr), 0.9, 0.999, 0, true, 1, 0).minimize(penalty, x0);
            for (int i = 0; i < 3; i++) {
                assertThat(x0[i] - r.x()[i]).as("λ = %s", lambda).isCloseTo(Math.signum(x0[i]) * lr, within(ROUNDING));
            }
        }
    }

    /// With exact gradients the two regularisations end in different places. Adam on $f + \tfrac\lambda2\|x\|^2$
    /// converges to that function's minimiser, $(H + \lambda I)^{-1} H x^\star$ for Booth's quadratic $f$
    /// (Hessian $H$, minimiser $x^\star = (1, 3)$), $0.0072$ from $x^\star$ for $\lambda = 0.01$. AdamW's decay
    /// is not divided by $\sqrt{\hat v}$, and near $x^\star$, where $\sqrt{\hat v} \to 0$ inflates the gradient
    /// term, the gradient term wins: AdamW ends within $10^{-4}$ of $x^\star$ itself (observed $3.5 \cdot
    /// 10^{-6}$), not at the penalised minimiser.
    @Test
    void adamWAndAdamWithAnL2PenaltyEndInDifferentPlaces() {
        double lambda = 0.01;
        TestFunction booth = TestFunctions.booth();
        Objective f = booth.objective();
        Objective penalised = Objective.of(x -> f.value(x) + 0.5 * lambda * Flat.dot(x, x), x -> {
            double[] g = f.gradient(x);
            return new double[] {g[0] + lambda * x[0], g[1] + lambda * x[1]};
        });
        // (H + λI) x = H x*, with H = [[10, 8], [8, 10]] and H x* = (34, 38), solved by Cramer's rule.
        double a = 10 + lambda;
        double det = a * a - 64;
        double[] penalisedMinimum = {(34 * a - 8 * 38) / det, (38 * a - 8 * 34) / det};
        double[] star = booth.minimizers().get(0);
        assertThat(distance(penalisedMinimum, star)).isCloseTo(0.0072, within(1e-4));

        OptimizationResult adamL2 = new Adam().minimize(penalised, booth.start());
        assertThat(adamL2.status()).isEqualTo(Status.CONVERGED);
        assertThat(distance(adamL2.x(), penalisedMinimum)).isLessThan(1e-6);

        OptimizationResult adamW = new AdamW(0.001, lambda).minimize(f, booth.start());
        assertThat(distance(adamW.x(), star)).isLessThan(1e-4);
        assertThat(distance(adamW.x(), penalisedMinimum)).isGreaterThan(0.007);
    }

    @Test
    void adamWWithoutDecayIsAdam() {
        TestFunction booth = TestFunctions.booth();
        OptimizationResult adam = new Adam(0.05).withLimits(500, 0).minimize(booth.objective(), booth.start());
        OptimizationResult adamW = new AdamW(0.05, 0).withLimits(500, 0).minimize(booth.objective(), booth.start());
        for (int t = 0; t <= 500; t++) {
            assertThat(adamW.trajectory().get(t))
                    .containsExactly(adam.trajectory().get(t));
        }
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new Adam(0.001, 1.0, 0.999, 1e-8))
                .hasMessage("Adam: beta1 must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new Adam(0.001, 0.9, -0.1, 1e-8))
                .hasMessage("Adam: beta2 must be in [0, 1), got -0.1");
        assertThatThrownBy(() -> new Adam(0.001, 0.9, 0.999, -1))
                .hasMessage("Adam: epsilon must be finite and ≥ 0, got -1.0");
        assertThatThrownBy(() -> new Adam(-0.001))
                .hasMessage("Schedule.constant: rate must be finite and > 0, got -0.001");
        assertThatThrownBy(() -> new Adam().withLearningRate(null))
                .hasMessage("Adam: learningRate must be a schedule, got null");
        assertThatThrownBy(() -> new AdamW(0.001, -1))
                .hasMessage("AdamW: weightDecay must be finite and ≥ 0, got -1.0");
        assertThatThrownBy(() -> new Adam().withLimits(10, Double.NaN))
                .hasMessage("Adam: tolerance must be ≥ 0, got NaN");
        Adam adam = new Adam();
        assertThat(new double[] {adam.rate(0), adam.beta1(), adam.beta2(), adam.epsilon()})
                .containsExactly(0.001, 0.9, 0.999, 1e-8);
        assertThat(adam.biasCorrection()).isTrue();
    }

    @Test
    void aScheduleThatReturnsABadRateIsNamed() {
        Adam adam = new Adam().withLearningRate(t -> t < 3 ? 0.1 : Double.NaN);
        TestFunction booth = TestFunctions.booth();
        assertThatThrownBy(() -> adam.minimize(booth.objective(), booth.start()))
                .hasMessage("the learning rate at step 3 is NaN: it must be finite and ≥ 0");
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
