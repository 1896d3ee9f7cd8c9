package dev.lemma.experiments.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The constrained experiment against KKT points derived by hand (below, one per problem): the solution,
/// the value and every multiplier to $10^{-6}$, every residual the table reports small, and the drawn
/// arrows $\nabla f$, $\lambda\nabla h$, $\mu\nabla g$ adding up to zero.
class ConstrainedKktExperimentTest {

    private static final ConstrainedKktExperiment EXPERIMENT = new ConstrainedKktExperiment();

    /// The brief's bound on the error of the solution and the multipliers.
    private static final double SOLUTION = 1e-6;

    /// The bound on the KKT residuals: the experiment's outer tolerance is $10^{-9}$.
    private static final double RESIDUAL = 1e-8;

    /// A hand-derived KKT point: $x^*$, $f(x^*)$, the equality multipliers $\lambda$ and the inequality
    /// multipliers $\mu$.
    @SuppressWarnings("ArrayRecordComponent") // expected values, read once and never compared or hashed
    record Solution(double[] x, double value, double[] lambda, double[] mu) {}

    static Solution solution(String problem) {
        return switch (problem) {
            // f = ½(x₁ − 3)² + (x₂ − 2)², h = x₁ + x₂ − 2 = 0, g = x₁ − 0.5 ≤ 0.
            // On the line x₂ = 2 − x₁ without g: f = ½(x₁ − 3)² + x₁², minimised at x₁ = 1 > 0.5, so g is
            // active: x = (0.5, 1.5). ∇f = (x₁ − 3, 2(x₂ − 2)) = (−2.5, −1), ∇h = (1, 1), ∇g = (1, 0):
            // second row −1 + λ = 0 gives λ = 1; first row −2.5 + λ + μ = 0 gives μ = 1.5 ≥ 0.
            // f = ½·6.25 + 0.25 = 3.375. Convex problem: this KKT point is the minimiser.
            case "line-and-half-plane" ->
                new Solution(new double[] {0.5, 1.5}, 3.375, new double[] {1}, new double[] {1.5});
            // f = ½(x₁ − 1.8)² + 2(x₂ − 1.2)², g = x₁² + x₂² − 1 ≤ 0. The centre (1.8, 1.2) is outside the
            // disk, so g is active. Try x = (0.6, 0.8) (on the circle): ∇f = (−1.2, −1.6) = −1·∇g with
            // ∇g = 2x = (1.2, 1.6), so μ = 1 ≥ 0. f = ½·1.44 + 2·0.16 = 1.04. Convex: the minimiser.
            case "disk" -> new Solution(new double[] {0.6, 0.8}, 1.04, new double[0], new double[] {1});
            // f = ½(x₁ − 1.2)² + 1.5(x₂ + 0.2)², h = x₁ + x₂ − 1 = 0, g₁ = −x₁ ≤ 0, g₂ = −x₂ ≤ 0.
            // Guess x = (1, 0), g₂ active, g₁ not (μ₁ = 0): ∇f = (−0.2, 3·0.2) = (−0.2, 0.6);
            // rows: −0.2 + λ − μ₁ = 0 and 0.6 + λ − μ₂ = 0 give λ = 0.2, μ₂ = 0.8 ≥ 0.
            // f = ½·0.04 + 1.5·0.04 = 0.08. Convex: the minimiser.
            case "simplex" -> new Solution(new double[] {1, 0}, 0.08, new double[] {0.2}, new double[] {0, 0.8});
            // f = (x₁ − 2)² + (x₂ − 1)², h = x₁² + x₂² − 1 = 0. ∇f + λ∇h = 2(x − c) + 2λx = 0 gives
            // x = c/(1 + λ); ‖x‖ = 1 gives 1 + λ = ±√5. The minimum is x = (2, 1)/√5 with λ = √5 − 1, where
            // f = (√5 − 1)² = 6 − 2√5 (the other root, −(2, 1)/√5, is the maximum).
            case "circle" -> {
                double r5 = Math.sqrt(5);
                yield new Solution(new double[] {2 / r5, 1 / r5}, 6 - 2 * r5, new double[] {r5 - 1}, new double[0]);
            }
            default -> throw new IllegalArgumentException(problem);
        };
    }

    @ParameterizedTest(name = "{0} from ({1}, {2}), ρ = {3}")
    @CsvSource({
        "line-and-half-plane, -2, -2, 1",
        "line-and-half-plane, 3, 3, 100",
        "line-and-half-plane, 0, 0, 0.1",
        "disk, -2, -2, 1",
        "disk, 3, -3, 10",
        "disk, 0, 0, 0.1",
        "simplex, -2, -2, 1",
        "simplex, 3, 3, 100",
        "simplex, -3, 3, 0.5",
        "circle, -2, -2, 1",
        "circle, 0, 0, 0.1",
        "circle, 3, 3, 100",
        "circle, -1, -0.5, 1"
    })
    void theSolutionAndTheMultipliersAreTheHandDerivedOnes(String problem, String x0, String y0, String rho) {
        Result r = Runs.run(EXPERIMENT, "problem", problem, "x0", x0, "y0", y0, "penalty", rho);
        Solution s = solution(problem);
        Table t = r.tables().getFirst();
        assertThat(t.rows()).anyMatch(row -> row.equals(List.of("status", "CONVERGED")));
        assertThat(Runs.cell(t, "x*₁", 1)).isCloseTo(s.x()[0], within(SOLUTION));
        assertThat(Runs.cell(t, "x*₂", 1)).isCloseTo(s.x()[1], within(SOLUTION));
        assertThat(Runs.cell(t, "f(x*)", 1)).isCloseTo(s.value(), within(SOLUTION));
        for (int i = 0; i < s.lambda().length; i++) {
            assertThat(Runs.cell(t, "λ" + sub(i + 1), 1)).isCloseTo(s.lambda()[i], within(SOLUTION));
        }
        for (int j = 0; j < s.mu().length; j++) {
            assertThat(Runs.cell(t, "μ" + sub(j + 1), 1)).isCloseTo(s.mu()[j], within(SOLUTION));
        }
        assertThat(t.rows().stream().filter(row -> row.getFirst().toString().startsWith("λ")))
                .hasSize(s.lambda().length);
        assertThat(t.rows().stream().filter(row -> row.getFirst().toString().startsWith("μ")))
                .hasSize(s.mu().length);
        for (String residual : List.of(
                "stationarity",
                "equality violation",
                "inequality violation",
                "dual infeasibility",
                "complementarity",
                "sum of the drawn arrows")) {
            assertThat(Runs.cell(t, residual, 1)).as(residual).isBetween(0.0, RESIDUAL);
        }

        // The arrows at the solution: ∇f along the hand gradient, and all of them summing to zero.
        Chart chart = r.charts().getFirst();
        List<Series.VectorField> arrows = chart.series().stream()
                .filter(Series.VectorField.class::isInstance)
                .map(Series.VectorField.class::cast)
                .toList();
        assertThat(arrows).hasSize(1 + s.lambda().length + s.mu().length);
        double u = 0;
        double v = 0;
        double longest = 0;
        for (Series.VectorField a : arrows) {
            assertThat(a.x()[0]).isCloseTo(s.x()[0], within(SOLUTION));
            assertThat(a.y()[0]).isCloseTo(s.x()[1], within(SOLUTION));
            u += a.u()[0];
            v += a.v()[0];
            longest = Math.max(longest, Math.hypot(a.u()[0], a.v()[0]));
        }
        assertThat(Math.hypot(u, v)).isLessThan(RESIDUAL * longest);
        Series.VectorField gradient = arrows.getFirst();
        assertThat(gradient.name()).startsWith("∇f(x*)");
        double[] g = handGradient(problem, s.x());
        double cosine = (g[0] * gradient.u()[0] + g[1] * gradient.v()[0])
                / (Math.hypot(g[0], g[1]) * Math.hypot(gradient.u()[0], gradient.v()[0]));
        assertThat(cosine).isCloseTo(1, within(1e-9));

        // The drawn outer iterates start at x₀ and end at the solution.
        Series.Line path = Runs.series(chart, Series.Line.class, "augmented Lagrangian");
        assertThat(path.x()[0]).isEqualTo(Double.parseDouble(x0));
        assertThat(path.y()[0]).isEqualTo(Double.parseDouble(y0));
        assertThat(path.x()[path.x().length - 1]).isCloseTo(s.x()[0], within(SOLUTION));
        assertThat(path.y()[path.y().length - 1]).isCloseTo(s.x()[1], within(SOLUTION));
    }

    private static double[] handGradient(String problem, double[] x) {
        return switch (problem) {
            case "line-and-half-plane" -> new double[] {x[0] - 3, 2 * (x[1] - 2)};
            case "disk" -> new double[] {x[0] - 1.8, 4 * (x[1] - 1.2)};
            case "simplex" -> new double[] {x[0] - 1.2, 3 * (x[1] + 0.2)};
            case "circle" -> new double[] {2 * (x[0] - 2), 2 * (x[1] - 1)};
            default -> throw new IllegalArgumentException(problem);
        };
    }

    private static String sub(int i) {
        return String.valueOf((char) ('₀' + i));
    }

    @ParameterizedTest
    @CsvSource({"disk", "simplex"})
    void projectedGradientReachesTheSameSolution(String problem) {
        Result r = Runs.run(EXPERIMENT, "problem", problem);
        Solution s = solution(problem);
        Table t = r.tables().getFirst();
        assertThat(Runs.cell(t, "projected gradient: x₁", 1)).isCloseTo(s.x()[0], within(1e-9));
        assertThat(Runs.cell(t, "projected gradient: x₂", 1)).isCloseTo(s.x()[1], within(1e-9));
        assertThat(t.rows()).anyMatch(row -> row.equals(List.of("projected gradient: status", "CONVERGED")));
    }

    @Test
    void theProblemsWithoutAProjectionRunOnlyTheAugmentedLagrangian() {
        for (String problem : List.of("line-and-half-plane", "circle")) {
            Result r = Runs.run(EXPERIMENT, "problem", problem);
            assertThat(r.tables().getFirst().rows())
                    .noneMatch(row -> row.getFirst().toString().startsWith("projected"));
        }
    }

    @Test
    void anInactiveConstraintIsSaidToBeInactive() {
        Result r = Runs.run(EXPERIMENT, "problem", "simplex");
        assertThat(r.notes()).anyMatch(n -> n.contains("g₁(x) = −x₁ ≤ 0 is inactive: $\\mu = 0$"));
        assertThat(r.notes()).anyMatch(n -> n.contains("g₂(x) = −x₂ ≤ 0 is active, $\\mu = 0.8 > 0$"));
    }

    @Test
    void badArgumentsAreRejectedWithWhatIsAccepted() {
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "problem", "square"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("parameter 'problem' is one of line-and-half-plane, disk, simplex, circle, not 'square'");
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "penaltyGrowth", "1"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("parameter 'penaltyGrowth' is a number from 1.5 to 100, not '1'");
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "penalty", "0"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("parameter 'penalty' is a number from 0.1 to 100, not '0'");
    }
}
