package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// AdaGrad and RMSProp: their first steps against the formulas, and convergence on convex quadratics to
/// the stated tolerance, where $\|x - x^\star\| \le \|\nabla f(x)\|/\mu$ turns the gradient tolerance into a
/// distance ($\mu$ the smallest Hessian eigenvalue: 2 for Booth's function, 1 for the seeded quadratics).
class AdaptiveTest {

    @Test
    void adaGradsStepsShrinkAsOneOverRootTForAConstantGradient() {
        // G_t = t g², so step t moves each coordinate by lr·g/(√t |g|) = lr/√t (ε = 0).
        double[] g = {4.0, -0.5};
        UpdateRule.State s = new AdaGrad(Schedule.constant(0.1), 0, 1, 0).start(2);
        double[] x = new double[2];
        for (int t = 1; t <= 100; t++) {
            double[] before = x.clone();
            s.step(x, g, 0.1);
            for (int i = 0; i < 2; i++) {
                assertThat(before[i] - x[i]).isCloseTo(Math.signum(g[i]) * 0.1 / Math.sqrt(t), within(1e-15));
            }
        }
    }

    @Test
    void rmsPropsFirstStepIsLrOverRootOneMinusRho() {
        // v_1 = (1 − ρ) g², so the first step is lr/√(1 − ρ) = 10 lr for ρ = 0.99: the bias Adam corrects.
        double[] x = new double[1];
        new RMSProp(Schedule.constant(0.01), 0.99, 0, 1, 0).start(1).step(x, new double[] {-7}, 0.01);
        assertThat(x[0]).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void adaGradReachesBoothsMinimum() {
        TestFunction booth = TestFunctions.booth();
        OptimizationResult r = new AdaGrad(1).withLimits(100_000, 1e-8).minimize(booth.objective(), booth.start());
        assertThat(r.status()).isEqualTo(Status.CONVERGED);
        assertThat(AdamTest.distance(r.x(), booth.minimizers().get(0))).isLessThanOrEqualTo(1e-8 / 2);
    }

    @Test
    void rmsPropReachesBoothsMinimum() {
        TestFunction booth = TestFunctions.booth();
        OptimizationResult r = new RMSProp().minimize(booth.objective(), booth.start());
        assertThat(r.status()).isEqualTo(Status.CONVERGED);
        assertThat(AdamTest.distance(r.x(), booth.minimizers().get(0))).isLessThanOrEqualTo(1e-6 / 2);
    }

    @Test
    void adaGradReachesTheMinimumOfSeededQuadratics() {
        for (long seed = 1; seed <= 5; seed++) {
            TestFunction q = TestFunctions.quadratic(6, 1, 10, seed);
            double[] x0 = new SplittableRandom(seed).doubles(6, -1, 1).toArray();
            OptimizationResult r = new AdaGrad(0.5).withLimits(100_000, 1e-8).minimize(q.objective(), x0);
            assertThat(r.status()).as("seed %d", seed).isEqualTo(Status.CONVERGED);
            assertThat(AdamTest.distance(r.x(), new double[6])).isLessThanOrEqualTo(1e-8);
        }
    }

    /// With a constant rate RMSProp's step is about $\eta\,g/\sqrt{\overline{g^2}}$, of size $\eta$ however
    /// small the gradient: near the minimum it hovers in a cycle of size $O(\eta)$ instead of converging
    /// (seed 1, $\eta = 0.001$: $f$ between $4.9 \cdot 10^{-6}$ and $1.1 \cdot 10^{-5}$ after 100 000 steps). A
    /// decaying rate shrinks the cycle to nothing.
    @Test
    void rmsPropHoversWithAConstantRateAndConvergesWithADecayingOne() {
        for (long seed = 1; seed <= 5; seed++) {
            TestFunction q = TestFunctions.quadratic(6, 1, 10, seed);
            double[] x0 = new SplittableRandom(seed).doubles(6, -1, 1).toArray();
            OptimizationResult decaying = new RMSProp(Schedule.exponential(0.01, 0.999), 0.99, 1e-8, 100_000, 1e-8)
                    .minimize(q.objective(), x0);
            assertThat(decaying.status()).as("seed %d", seed).isEqualTo(Status.CONVERGED);
            assertThat(AdamTest.distance(decaying.x(), new double[6])).isLessThanOrEqualTo(1e-8);
        }
        TestFunction q = TestFunctions.quadratic(6, 1, 10, 1);
        double[] x0 = new SplittableRandom(1).doubles(6, -1, 1).toArray();
        OptimizationResult constant =
                new RMSProp(0.001).withLimits(20_000, 1e-8).minimize(q.objective(), x0);
        assertThat(constant.status()).isEqualTo(Status.ITERATION_LIMIT);
        assertThat(constant.value()).isBetween(1e-7, 1e-4);
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new AdaGrad(Schedule.constant(0.1), -1, 10, 0))
                .hasMessage("AdaGrad: epsilon must be finite and ≥ 0, got -1.0");
        assertThatThrownBy(() -> new RMSProp(Schedule.constant(0.1), 1, 1e-8, 10, 0))
                .hasMessage("RMSProp: decay must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new RMSProp().withLimits(-5, 0))
                .hasMessage("RMSProp: maxIterations must be ≥ 0, got -5");
    }
}
