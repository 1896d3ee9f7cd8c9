package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/// The method of multipliers on problems whose KKT points are derived by hand: the solution and the
/// multipliers to $10^{-8}$, and every KKT residual below $10^{-8}$.
class AugmentedLagrangianTest {

    /// Error allowed in the solution and the multipliers.
    private static final double SOLUTION_TOLERANCE = 1e-8;

    /// The solver used for the accurate checks: outer tolerance $10^{-10}$, inner $10^{-12}$ with the exact
    /// step (Armijo cannot certify decreases that small, see [AugmentedLagrangian]), so that the answers
    /// are good to well within [#SOLUTION_TOLERANCE].
    private static AugmentedLagrangian accurate() {
        return new AugmentedLagrangian(
                new GradientDescent(1.0, GradientDescent.Rule.EXACT, 100_000, 1e-12), 10, 10, 100, 1e-10);
    }

    /// $h(x) = a^\top x - c$ or $g(x) = a^\top x - c$.
    private static Objective affine(double[] a, double c) {
        return Objective.of(x -> Flat.dot(a, x) - c, x -> a.clone());
    }

    @Test
    void aConvexQpWithOneEqualityAndOneActiveInequality() {
        // minimise ½‖x − c‖², c = (1, 2, 3), subject to
        //   h(x)  = x₁ + x₂ + x₃ − 3 = 0,
        //   g₁(x) = x₃ − 1 ≤ 0        (will be active),
        //   g₂(x) = −x₁ ≤ 0           (will be inactive).
        // KKT: x − c + λ(1, 1, 1) + μ₁(0, 0, 1) + μ₂(−1, 0, 0) = 0, μ ≥ 0, μⱼgⱼ = 0.
        // Guess g₁ active, g₂ inactive: x₃ = 1, μ₂ = 0; then x₁ = 1 − λ, x₂ = 2 − λ, and the equality
        // gives 3 − 2λ + 1 = 3, so λ = 1/2 and x = (1/2, 3/2, 1). The third row: 1 − 3 + 1/2 + μ₁ = 0,
        // so μ₁ = 3/2 ≥ 0; g₂ = −1/2 < 0. All KKT conditions hold, and the problem is convex, so this
        // is the minimiser, with f = ½(1/4 + 1/4 + 4) = 9/4.
        double[] c = {1, 2, 3};
        Objective f = Objective.of(x -> 0.5 * Flat.dot(Flat.minus(x, c), Flat.minus(x, c)), x -> Flat.minus(x, c));
        ConstrainedResult r = accurate()
                .minimize(
                        f,
                        List.of(affine(new double[] {1, 1, 1}, 3)),
                        List.of(affine(new double[] {0, 0, 1}, 1), affine(new double[] {-1, 0, 0}, 0)),
                        new double[3]);
        assertThat(r.status()).as(r.reason()).isEqualTo(Status.CONVERGED);
        assertThat(r.x()).containsExactly(new double[] {0.5, 1.5, 1}, within(SOLUTION_TOLERANCE));
        assertThat(r.equalityMultipliers()).containsExactly(new double[] {0.5}, within(SOLUTION_TOLERANCE));
        assertThat(r.inequalityMultipliers()).containsExactly(new double[] {1.5, 0}, within(SOLUTION_TOLERANCE));
        assertThat(r.value()).isCloseTo(2.25, within(SOLUTION_TOLERANCE));
        assertThat(r.kktResidual()).isLessThan(1e-8);
        assertThat(r.stationarity()).isLessThan(1e-8);
        assertThat(r.equalityViolation()).isLessThan(1e-8);
        assertThat(r.inequalityViolation()).isLessThan(1e-8);
        assertThat(r.dualInfeasibility()).isZero();
        assertThat(r.complementarity()).isLessThan(1e-8);
        assertThat(r.trajectory()).hasSize(r.outerIterations() + 1);
        System.out.printf(
                "QP: %d outer iterations, %d evaluations, final ρ = %s%n",
                r.outerIterations(), r.evaluations(), r.penalty());
    }

    @Test
    void theDefaultsSolveTheSameQpToTheirTolerance() {
        // The same problem with the defaults (Armijo inside, tolerance 10⁻⁶), against the same hand solution.
        double[] c = {1, 2, 3};
        Objective f = Objective.of(x -> 0.5 * Flat.dot(Flat.minus(x, c), Flat.minus(x, c)), x -> Flat.minus(x, c));
        ConstrainedResult r = new AugmentedLagrangian()
                .minimize(
                        f,
                        List.of(affine(new double[] {1, 1, 1}, 3)),
                        List.of(affine(new double[] {0, 0, 1}, 1), affine(new double[] {-1, 0, 0}, 0)),
                        new double[3]);
        assertThat(r.status()).as(r.reason()).isEqualTo(Status.CONVERGED);
        assertThat(r.kktResidual()).isLessThanOrEqualTo(1e-6);
        assertThat(r.x()).containsExactly(new double[] {0.5, 1.5, 1}, within(1e-5));
        assertThat(r.equalityMultipliers()).containsExactly(new double[] {0.5}, within(1e-5));
        assertThat(r.inequalityMultipliers()).containsExactly(new double[] {1.5, 0}, within(1e-5));
    }

    @Test
    void aLinearObjectiveOnACircle() {
        // Nocedal and Wright, Example 12.1: minimise x₁ + x₂ subject to x₁² + x₂² − 2 = 0. From
        // ∇f + λ∇h = (1, 1) + 2λx = 0, x = −(1, 1)/(2λ); on the circle 2/(4λ²) = 2, so λ = ±1/2; the
        // minimiser is x = (−1, −1) with λ = 1/2 (the maximiser (1, 1) has λ = −1/2).
        Objective f = Objective.of(x -> x[0] + x[1], x -> new double[] {1, 1});
        Objective h = Objective.of(x -> x[0] * x[0] + x[1] * x[1] - 2, x -> new double[] {2 * x[0], 2 * x[1]});
        // L_ρ is not convex inside the circle, where the exact step (which needs positive curvature) stops;
        // so each inner solve first runs Armijo's gradient descent, which is globally safe, to 10⁻⁶, then
        // polishes with the exact step, near the solution where L_ρ is locally convex.
        GradientDescent armijo = new GradientDescent(1.0, GradientDescent.Rule.ARMIJO, 10_000, 1e-6);
        GradientDescent exact = new GradientDescent(1.0, GradientDescent.Rule.EXACT, 100_000, 1e-12);
        Optimizer inner = (objective, start) ->
                exact.minimize(objective, armijo.minimize(objective, start).x());
        ConstrainedResult r = new AugmentedLagrangian(inner, 10, 10, 100, 1e-10)
                .minimize(f, List.of(h), List.of(), new double[] {0.5, 0});
        assertThat(r.status()).as(r.reason()).isEqualTo(Status.CONVERGED);
        assertThat(r.x()).containsExactly(new double[] {-1, -1}, within(SOLUTION_TOLERANCE));
        assertThat(r.equalityMultipliers()).containsExactly(new double[] {0.5}, within(SOLUTION_TOLERANCE));
        assertThat(r.inequalityMultipliers()).isEmpty();
        assertThat(r.kktResidual()).isLessThan(1e-8);
    }

    @Test
    void aFeasibleUnconstrainedMinimiserKeepsZeroMultipliers() {
        // min (x − 1)² subject to x ≤ 5: the constraint is inactive, μ = 0, x = 1.
        Objective f = Objective.of(x -> (x[0] - 1) * (x[0] - 1), x -> new double[] {2 * (x[0] - 1)});
        ConstrainedResult r = new AugmentedLagrangian()
                .minimize(f, List.of(), List.of(affine(new double[] {1}, 5)), new double[] {3});
        assertThat(r.status()).isEqualTo(Status.CONVERGED);
        assertThat(r.x()[0]).isCloseTo(1, within(1e-8));
        assertThat(r.inequalityMultipliers()).containsExactly(0);
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new AugmentedLagrangian(null, 10, 10, 100, 1e-8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AugmentedLagrangian: inner must be an Optimizer, got null");
        assertThatThrownBy(() -> new AugmentedLagrangian(new GradientDescent(), 0, 10, 100, 1e-8))
                .hasMessage("AugmentedLagrangian: penalty must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> new AugmentedLagrangian(new GradientDescent(), 10, 1, 100, 1e-8))
                .hasMessage("AugmentedLagrangian: penaltyGrowth must be finite and > 1, got 1.0");
        assertThatThrownBy(() -> new AugmentedLagrangian(new GradientDescent(), 10, 10, -1, 1e-8))
                .hasMessage("AugmentedLagrangian: maxOuterIterations must be ≥ 0, got -1");
        Objective f = Objective.of(x -> x[0], x -> new double[] {1});
        assertThatThrownBy(() -> new AugmentedLagrangian().minimize(f, null, List.of(), new double[1]))
                .hasMessageContaining("use List.of() for none");
        List<Objective> withNull = new java.util.ArrayList<>();
        withNull.add(f);
        withNull.add(null);
        assertThatThrownBy(() -> new AugmentedLagrangian().minimize(f, List.of(), withNull, new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AugmentedLagrangian: inequality constraint 1 is null");
    }
}
