package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// Projected gradient on problems whose solutions are known without it: $\min \tfrac12\|x - v\|^2$ over a
/// set is the projection $P(v)$ (computed by the set's own closed form), and a separable quadratic
/// $\sum_i \tfrac{d_i}2 (x_i - c_i)^2$ over a box is minimised coordinate by coordinate, at $c$ clipped to
/// the box.
class ProjectedGradientTest {

    private static final double SOLUTION_TOLERANCE = 1e-8;

    @Test
    void theNearestPointOfTheSimplexIsItsProjection() {
        SplittableRandom rng = new SplittableRandom(11);
        ConvexSet.Simplex simplex = new ConvexSet.Simplex(2);
        for (int trial = 0; trial < 20; trial++) {
            double[] v = rng.doubles(8, -2, 2).toArray();
            Objective f = Objective.of(x -> 0.5 * Flat.dot(Flat.minus(x, v), Flat.minus(x, v)), x -> Flat.minus(x, v));
            double[] expected = simplex.project(v);
            // With the fixed step 1/2, x ← P(x/2 + v/2) halves the distance to the fixed point P(v) at least
            // (P is non-expansive); step 1 would land on P(v) at once.
            OptimizationResult r = new ProjectedGradient(0.5, ProjectedGradient.Rule.FIXED, 1000, 1e-12, simplex)
                    .minimize(f, new double[8]);
            assertThat(r.status()).isEqualTo(Status.CONVERGED);
            assertThat(r.iterations()).isGreaterThan(1);
            assertThat(r.x()).containsExactly(expected, within(SOLUTION_TOLERANCE));
            for (double[] point : r.trajectory()) {
                assertThat(simplex.contains(point, 1e-12))
                        .as("every iterate is feasible")
                        .isTrue();
            }
            // Armijo along the arc from 1/3, to the 10⁻⁷ it can certify on the simplex (see below).
            OptimizationResult armijo = new ProjectedGradient(
                            1.0 / 3, ProjectedGradient.Rule.ARMIJO, 1000, 1e-7, simplex)
                    .minimize(f, new double[8]);
            assertThat(armijo.status()).isEqualTo(Status.CONVERGED);
            assertThat(armijo.x()).containsExactly(expected, within(1e-6));
        }
    }

    @Test
    void armijoOnTheSimplexStopsWhereRoundingHidesTheDecreaseAndSaysSo() {
        // ∇f = x − v does not vanish at P(v), and the projection rounds every coordinate, so the slope
        // ∇fᵀ(x(t) − x) drowns in rounding once ‖x − P(x − ∇f)‖ is near √u ≈ 10⁻⁸; asked for 0, the run
        // must end STALLED there, close to the answer, rather than loop.
        SplittableRandom rng = new SplittableRandom(11);
        ConvexSet.Simplex simplex = new ConvexSet.Simplex(2);
        double[] v = rng.doubles(8, -2, 2).toArray();
        Objective f = Objective.of(x -> 0.5 * Flat.dot(Flat.minus(x, v), Flat.minus(x, v)), x -> Flat.minus(x, v));
        OptimizationResult r = new ProjectedGradient(1.0 / 3, ProjectedGradient.Rule.ARMIJO, 1000, 0, simplex)
                .minimize(f, new double[8]);
        assertThat(r.status()).isEqualTo(Status.STALLED);
        assertThat(r.reason()).contains("rounding of f");
        assertThat(r.x()).containsExactly(simplex.project(v), within(1e-7));
    }

    @Test
    void aSeparableQuadraticOverABoxIsMinimisedAtItsCentreClipped() {
        // f(x) = Σ d_i (x_i − c_i)² / 2 with curvatures 1 … 50 (κ = 50); its minimiser over the box
        // [−1, 1]⁵ is c clipped, since f and the box are both separable.
        double[] d = {1, 5, 10, 25, 50};
        double[] c = {0.3, -3, 2, -0.7, 1.5};
        Objective f = Objective.of(
                x -> {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += 0.5 * d[i] * (x[i] - c[i]) * (x[i] - c[i]);
                    }
                    return s;
                },
                x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = d[i] * (x[i] - c[i]);
                    }
                    return g;
                });
        ConvexSet.Box box = new ConvexSet.Box(new double[] {-1, -1, -1, -1, -1}, new double[] {1, 1, 1, 1, 1});
        double[] expected = {0.3, -1, 1, -0.7, 1};
        for (ProjectedGradient method : new ProjectedGradient[] {
            new ProjectedGradient(box),
            new ProjectedGradient(1.0 / 50, ProjectedGradient.Rule.FIXED, 10_000, 1e-10, box)
        }) {
            OptimizationResult r = method.minimize(f, new double[] {5, 5, 5, 5, 5});
            assertThat(r.status()).as("%s", method.rule()).isEqualTo(Status.CONVERGED);
            for (int i = 0; i < 5; i++) {
                assertThat(r.x()[i])
                        .as("%s, x[%d]", method.rule(), i)
                        .isCloseTo(expected[i], within(SOLUTION_TOLERANCE));
            }
            // The gradient does not vanish at the constrained minimiser: entries 1, 2 and 4 push outwards.
            assertThat(r.gradientNorm()).isGreaterThan(1);
            assertThat(r.reason()).contains("‖x − P(x − ∇f(x))‖");
        }
    }

    @Test
    void aCoupledQuadraticOverABoxMeetsTheBoxOptimalityConditions() {
        // f(x) = ½xᵀAx − bᵀx with A not diagonal, over [0, 1]⁶; no closed form, so the answer is checked
        // against the first-order conditions of a box, read off ∇f = Ax − b directly: ∂ᵢf = 0 where
        // 0 < xᵢ < 1, ∂ᵢf ≥ 0 where xᵢ = 0, ∂ᵢf ≤ 0 where xᵢ = 1.
        int n = 6;
        dev.lemma.linalg.Matrix a = GradientDescentTest.quadratic(n, 1, 10, 9);
        double[] b = {3, -2, 0.5, 12, -0.1, 1};
        Objective f =
                TestFunctions.quadratic(a.plus(a.transpose()).times(0.5), b).objective();
        double[] zeros = new double[n];
        double[] ones = {1, 1, 1, 1, 1, 1};
        OptimizationResult r = new ProjectedGradient(
                        0.1, ProjectedGradient.Rule.FIXED, 10_000, 1e-12, new ConvexSet.Box(zeros, ones))
                .minimize(f, zeros);
        assertThat(r.status()).isEqualTo(Status.CONVERGED);
        double[] g = f.gradient(r.x());
        int active = 0;
        for (int i = 0; i < n; i++) {
            double xi = r.x()[i];
            if (xi == 0) {
                active++;
                assertThat(g[i]).as("∂%df at the lower bound", i).isGreaterThanOrEqualTo(-1e-10);
            } else if (xi == 1) {
                active++;
                assertThat(g[i]).as("∂%df at the upper bound", i).isLessThanOrEqualTo(1e-10);
            } else {
                assertThat(g[i]).as("∂%df inside", i).isCloseTo(0, within(1e-10));
            }
        }
        assertThat(active).as("bounds that bind").isBetween(1, n - 1);
    }

    @Test
    void badSettingsAreNamed() {
        ConvexSet box = new ConvexSet.Box(new double[] {0}, new double[] {1});
        assertThatThrownBy(() -> new ProjectedGradient(0, ProjectedGradient.Rule.FIXED, 10, 1e-8, box))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ProjectedGradient: step must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> new ProjectedGradient(1, ProjectedGradient.Rule.FIXED, -1, 1e-8, box))
                .hasMessage("ProjectedGradient: maxIterations must be ≥ 0, got -1");
        assertThatThrownBy(() -> new ProjectedGradient(null))
                .hasMessage("ProjectedGradient: set must be a ConvexSet, got null");
        assertThatThrownBy(() -> new ProjectedGradient(1, null, 10, 1e-8, box))
                .hasMessage("ProjectedGradient: rule must be FIXED or ARMIJO, got null");
    }
}
