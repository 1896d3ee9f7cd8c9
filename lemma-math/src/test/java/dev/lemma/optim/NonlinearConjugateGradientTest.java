package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/// Nonlinear conjugate gradients: both formulas minimise Rosenbrock's function; on a quadratic they
/// need far fewer steps than gradient descent, as conjugacy promises (about $\sqrt\kappa$ against
/// $\kappa$ per digit).
class NonlinearConjugateGradientTest {

    @Test
    void bothFormulasMinimiseRosenbrock() {
        TestFunction t = TestFunctions.rosenbrock(6);
        for (NonlinearConjugateGradient.Formula formula : NonlinearConjugateGradient.Formula.values()) {
            OptimizationResult r =
                    new NonlinearConjugateGradient(formula, 20_000, 1e-7).minimize(t.objective(), t.start());
            assertThat(r.status()).as("%s", formula).isEqualTo(Status.CONVERGED);
            for (double v : r.x()) {
                assertThat(v).as("%s", formula).isCloseTo(1, within(1e-5));
            }
        }
    }

    @Test
    void onAnIllConditionedQuadraticItBeatsGradientDescentByAboutSqrtKappa() {
        TestFunction q = TestFunctions.quadratic(50, 1, 1e4, 21);
        OptimizationResult cg = new NonlinearConjugateGradient().minimize(q.objective(), q.start());
        OptimizationResult gd =
                new GradientDescent(1, GradientDescent.Rule.EXACT, 1_000_000, 1e-6).minimize(q.objective(), q.start());
        assertThat(cg.status()).isEqualTo(Status.CONVERGED);
        assertThat(gd.status()).isEqualTo(Status.CONVERGED);
        // κ = 10⁴: gradient descent takes thousands of steps, CG a few hundred at most (≤ n = 50 in exact
        // arithmetic with exact line searches; the Wolfe search is inexact).
        assertThat(cg.iterations()).isLessThan(300);
        assertThat(gd.iterations()).isGreaterThan(10 * cg.iterations());
    }
}
